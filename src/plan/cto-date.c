/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-date"

#include "config.h"

#include <errno.h>

#include <glib/gi18n-lib.h>

#include "cto-date.h"

static gboolean
read_digits (const char *text,
             guint       n,
             guint      *value)
{
  *value = 0;
  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      *value = *value * 10 + (guint) (text[i] - '0');
    }

  return TRUE;
}

gboolean
cto_date_parse (const char *text,
                GDate      *date)
{
  guint year, month, day;

  g_return_val_if_fail (date != NULL, FALSE);

  g_date_clear (date, 1);
  if (text == NULL ||
      !read_digits (text, 4, &year) || text[4] != '-' ||
      !read_digits (text + 5, 2, &month) || text[7] != '-' ||
      !read_digits (text + 8, 2, &day) || text[10] != '\0')
    return FALSE;

  if (year < 1 || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;

  g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return TRUE;
}

char *
cto_date_to_string (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup_printf ("%04u-%02u-%02u",
                          (guint) g_date_get_year (date),
                          (guint) g_date_get_month (date),
                          (guint) g_date_get_day (date));
}

void
cto_date_get_today (GDate *date)
{
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");
  g_autoptr(GDateTime) now = NULL;

  g_return_if_fail (date != NULL);

  if (epoch != NULL && *epoch != '\0')
    {
      char *end = NULL;
      gint64 seconds;

      errno = 0;
      seconds = g_ascii_strtoll (epoch, &end, 10);
      if (errno == 0 && end != NULL && *end == '\0')
        now = g_date_time_new_from_unix_utc (seconds);
    }
  if (now == NULL)
    now = g_date_time_new_now_utc ();

  g_date_clear (date, 1);
  g_date_set_dmy (date,
                  (GDateDay) g_date_time_get_day_of_month (now),
                  (GDateMonth) g_date_time_get_month (now),
                  (GDateYear) g_date_time_get_year (now));
}

void
cto_date_get_quarter_start (const GDate *date,
                            GDate       *start)
{
  guint month;

  g_return_if_fail (date != NULL && g_date_valid (date));
  g_return_if_fail (start != NULL);

  month = (guint) g_date_get_month (date);
  g_date_clear (start, 1);
  g_date_set_dmy (start, 1, (GDateMonth) ((month - 1) / 3 * 3 + 1), g_date_get_year (date));
}

/* @date in words, as g_date_time_format() takes @format. */
static char *
format_date (const GDate *date,
             const char  *format)
{
  g_autoptr(GDateTime) time = g_date_time_new_utc (g_date_get_year (date), g_date_get_month (date),
                                                   g_date_get_day (date), 0, 0, 0);

  if (time == NULL)
    return cto_date_to_string (date);

  return g_date_time_format (time, format);
}

char *
cto_date_format_long (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  /* Translators: a day as people read it, as g_date_time_format() takes it:
   * "5 March 2027"; change it to your language's long date */
  return format_date (date, _("%-d %B %Y"));
}

char *
cto_date_format_short (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  /* Translators: a day with its month cut short, as g_date_time_format()
   * takes it: "5 Mar 2027"; change it to your language's short date */
  return format_date (date, _("%-d %b %Y"));
}
