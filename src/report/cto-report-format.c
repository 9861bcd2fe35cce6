/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-report-format"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "cto-date.h"
#include "cto-report-format.h"

/* Hours and FTE: PLAN-FORMAT.md section 4. */
#define DECIMALS 2

/**
 * cto_report_format_number:
 * @value: the number
 * @max_decimals: at most this many decimals
 *
 * Returns: (transfer full): @value for people to read
 */
char *
cto_report_format_number (double value,
                          guint  max_decimals)
{
  double scale = pow (10, max_decimals);
  double rounded = round (value * scale) / scale;
  char *text;
  char *end;
  char *separator = NULL;

  if (!isfinite (rounded))
    return g_strdup ("—");
  if (rounded == 0)
    rounded = 0;  /* no "-0" */

  text = g_strdup_printf ("%.*f", (int) max_decimals, rounded);
  if (max_decimals == 0)
    return text;

  /* The decimal separator is the locale's: the last thing not a digit. */
  for (char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p) && p != text)
      separator = p;
  if (separator == NULL)
    return text;

  end = text + strlen (text);
  while (end > separator + 1 && end[-1] == '0')
    end--;
  if (end == separator + 1)
    end = separator;
  *end = '\0';

  return text;
}

char *
cto_report_format_decimal (double value)
{
  return cto_report_format_number (value, DECIMALS);
}

char *
cto_report_format_hours (double hours)
{
  g_autofree char *number = cto_report_format_decimal (hours);

  /* Translators: hours per week, "12 h" */
  return g_strdup_printf (_("%s h"), number);
}

char *
cto_report_format_fte (double fte)
{
  g_autofree char *number = cto_report_format_decimal (fte);

  /* Translators: full-time equivalents, "0.25 FTE" */
  return g_strdup_printf (_("%s FTE"), number);
}

char *
cto_report_format_gap (double hours,
                       double fte)
{
  g_autofree char *hours_text = cto_report_format_hours (hours);
  g_autofree char *fte_text = cto_report_format_fte (fte);

  /* Translators: a hiring gap, "5 h (0.13 FTE)": hours a week and full-time equivalents */
  return g_strdup_printf (_("%s (%s)"), hours_text, fte_text);
}

char *
cto_report_format_percent (double fraction)
{
  g_autofree char *number = cto_report_format_number (fraction * 100, 0);

  /* Translators: a percentage, "133%" */
  return g_strdup_printf (_("%s%%"), number);
}

char *
cto_report_format_utilization (const CtoPersonReport *report)
{
  g_return_val_if_fail (report != NULL, NULL);

  if (report->utilization_unbounded)
    return cto_report_format_no_capacity ();

  return cto_report_format_percent (report->utilization);
}

char *
cto_report_format_no_capacity (void)
{
  /* Translators: the utilization of a person with no capacity but some load */
  return g_strdup (_("no capacity"));
}

void
cto_report_format_append_item (GString    *list,
                               const char *item)
{
  g_return_if_fail (list != NULL);
  g_return_if_fail (item != NULL);

  if (list->len > 0)
    /* Translators: between the items of a list */
    g_string_append (list, _(", "));
  g_string_append (list, item);
}

char *
cto_report_format_more (const char *list,
                        guint       n_more)
{
  g_autofree char *more = NULL;

  g_return_val_if_fail (list != NULL, NULL);

  if (n_more == 0)
    return g_strdup (list);

  /* Translators: how many items of a list are left out, "4 more" */
  more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u more", "%u more", n_more), n_more);
  /* Translators: a list cut short, "Ana, Bo, Cy" and "4 more" */
  return g_strdup_printf (_("%s and %s"), list, more);
}

char *
cto_report_format_absence (CtoPerson   *person,
                           const GDate *day)
{
  const GDate *start;
  g_autofree char *date = NULL;

  g_return_val_if_fail (CTO_IS_PERSON (person), NULL);
  g_return_val_if_fail (day != NULL && g_date_valid (day), NULL);

  if (cto_person_is_present (person, day))
    return NULL;

  start = cto_person_get_start (person);
  if (start != NULL && g_date_compare (day, start) < 0)
    {
      date = cto_date_format_long (start);
      /* Translators: of someone not there yet on the day shown, "Starts 1 April 2027" */
      return g_strdup_printf (_("Starts %s"), date);
    }

  date = cto_date_format_long (cto_person_get_end (person));
  /* Translators: of someone gone on the day shown, "Left 1 January 2027" */
  return g_strdup_printf (_("Left %s"), date);
}

char *
cto_report_format_dates (CtoPerson *person)
{
  const GDate *start;
  const GDate *end;
  g_autofree char *start_text = NULL;
  g_autofree char *end_text = NULL;

  g_return_val_if_fail (CTO_IS_PERSON (person), NULL);

  start = cto_person_get_start (person);
  end = cto_person_get_end (person);
  if (start != NULL)
    start_text = cto_date_format_long (start);
  if (end != NULL)
    end_text = cto_date_format_long (end);

  if (start != NULL && end != NULL)
    /* Translators: a person's dates on their card, "Starts 1 April 2027 · Leaves 1 July 2028";
     * Leaves is the first day they are no longer there, as in the person dialog */
    return g_strdup_printf (_("Starts %s · Leaves %s"), start_text, end_text);
  if (start != NULL)
    /* Translators: of someone whose first day is in the plan: "Starts 1 April 2027" */
    return g_strdup_printf (_("Starts %s"), start_text);
  if (end != NULL)
    /* Translators: a person's Leaves day on their card, the first day they are no
     * longer there: "Leaves 1 July 2028" */
    return g_strdup_printf (_("Leaves %s"), end_text);

  return NULL;
}

const CtoPersonReport *
cto_report_person_as_of (CtoAnalysis  *analysis,
                         CtoAnalysis  *as_of,
                         CtoPerson    *person,
                         char        **absence)
{
  CtoPlan *day_plan;
  CtoPerson *twin;

  g_return_val_if_fail (CTO_IS_ANALYSIS (analysis), NULL);
  g_return_val_if_fail (as_of == NULL || CTO_IS_ANALYSIS (as_of), NULL);
  g_return_val_if_fail (CTO_IS_PERSON (person), NULL);
  g_return_val_if_fail (absence != NULL, NULL);

  *absence = NULL;
  if (as_of == NULL)
    return cto_analysis_get_person (analysis, person);

  /* The plan as of a day holds its own copy of each person there then. */
  day_plan = cto_analysis_get_plan (as_of);
  twin = cto_plan_find_person (day_plan, cto_person_get_id (person));
  if (twin != NULL)
    return cto_analysis_get_person (as_of, twin);

  if (cto_plan_get_as_of (day_plan) != NULL)
    *absence = cto_report_format_absence (person, cto_plan_get_as_of (day_plan));
  return NULL;
}
