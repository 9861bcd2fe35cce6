/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-report-decide"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "cto-report-decide-private.h"
#include "cto-report-format.h"

static gboolean
needs_escape (gunichar c)
{
  return c <= 0x1F || (c >= 0x7F && c <= 0x9F) ||
         (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) ||
         (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE;
}

char *
_cto_report_decide_safe (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);
  GString *out = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (needs_escape (c))
        g_string_append_printf (out, "\\u{%X}", c);
      else
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

char *
_cto_report_decide_name (CtoPerson *person)
{
  g_autofree char *name = _cto_report_decide_safe (cto_person_get_name (person));

  if (cto_person_get_open_role (person))
    /* Translators: a planned hire, a seat not yet filled */
    return g_strdup_printf (_("%s (open role)"), name);

  return g_steal_pointer (&name);
}

char *
_cto_report_decide_title (CtoResponsibility *responsibility)
{
  g_autofree char *title = _cto_report_decide_safe (cto_responsibility_get_title (responsibility));

  /* Translators: a responsibility's title quoted in a sentence */
  return g_strdup_printf (_("“%s”"), title);
}

char *
_cto_report_decide_number (double value)
{
  return cto_report_format_number (value, 2);
}

char *
_cto_report_decide_hours (double hours)
{
  g_autofree char *number = cto_report_format_number (hours, 2);

  /* Translators: hours per week, "12 h" */
  return g_strdup_printf (_("%s h"), number);
}

char *
_cto_report_decide_percent (double load,
                            double capacity)
{
  g_autofree char *number = NULL;

  if (capacity <= 0)
    {
      if (load > 0)
        /* Translators: the utilization of a person with no capacity but some load */
        return g_strdup (_("unbounded"));
      capacity = 1;
    }

  number = cto_report_format_number (load / capacity * 100, 0);
  /* Translators: a utilization in percent, "70%", as --summary prints it */
  return g_strdup_printf (_("%s%%"), number);
}

void
_cto_report_decide_append (GString    *list,
                           const char *item)
{
  if (list->len > 0)
    /* Translators: between the items of a list */
    g_string_append (list, _(", "));
  g_string_append (list, item);
}
