/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-report"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cto-report-time-private.h"

/* The hiring plan in words: the eight quarters of PLAN-FORMAT.md section 6,
 * for the board page and the reports. */

const char *
_cto_report_heading_hiring (void)
{
  return _("Hiring plan");
}

CtoTimeline *
_cto_report_hiring_timeline (CtoAnalysis *analysis,
                             GDateTime   *date)
{
  /* Over time, everyone: of a plan as of a day, the plan it was made from. */
  CtoPlan *plan = cto_plan_get_whole (cto_analysis_get_plan (analysis));
  GListModel *people = cto_plan_get_people (plan);
  gboolean dates = FALSE;
  GDate from;

  /* Looked at first, so that a plan without dates costs no timeline. */
  for (guint i = 0; i < g_list_model_get_n_items (people) && !dates; i++)
    {
      g_autoptr(CtoPerson) person = g_list_model_get_item (people, i);

      dates = cto_person_has_dates (person);
    }
  if (!dates)
    return NULL;

  g_date_clear (&from, 1);
  g_date_set_dmy (&from, g_date_time_get_day_of_month (date),
                  g_date_time_get_month (date), g_date_time_get_year (date));

  return cto_timeline_new (plan, &from);
}

char *
_cto_report_hiring_subtitle (CtoTimeline *timeline)
{
  guint n = cto_timeline_get_n_quarters (timeline);

  /* Translators: under the hiring plan's heading, "From 2027 Q1 to 2028 Q4, …" */
  return g_strdup_printf (_("From %s to %s, each quarter as of its first day, as people start "
                            "and leave"),
                          cto_timeline_get_quarter (timeline, 0)->label,
                          cto_timeline_get_quarter (timeline, n - 1)->label);
}

gboolean
_cto_report_hiring_needs_attention (const CtoTimelineQuarter *quarter,
                                    CtoFunction               function)
{
  return quarter->functions[function].overloaded ||
         cto_function_report_rests_on_few (cto_analysis_get_function (quarter->analysis, function));
}

char *
_cto_report_hiring_function (const CtoTimelineQuarter *quarter,
                             CtoFunction               function)
{
  const CtoTimelineFunction *state = &quarter->functions[function];
  const CtoFunctionReport *report = cto_analysis_get_function (quarter->analysis, function);

  if (state->overloaded)
    /* Translators: a function in a quarter: "Bus factor 1, overloaded" */
    return g_strdup_printf (_("Bus factor %u, overloaded"), state->bus_factor);
  if (cto_function_report_rests_on_one_person (report))
    /* Translators: a function in a quarter that rests on one person: "Bus factor 1, one person" */
    return g_strdup_printf (_("Bus factor %u, one person"), state->bus_factor);
  if (cto_function_report_rests_on_hires_alone (report))
    /* Translators: a function in a quarter carried by planned hires alone: "Bus factor 0, hires only" */
    return g_strdup_printf (_("Bus factor %u, hires only"), state->bus_factor);

  /* Translators: a function in a quarter: "Bus factor 2" */
  return g_strdup_printf (_("Bus factor %u"), state->bus_factor);
}

char *
_cto_report_hiring_gap (const CtoTimelineQuarter *quarter,
                        double                   *hours)
{
  double gap_hours = 0;
  double gap_fte = 0;

  for (guint f = 0; f < CTO_N_FUNCTIONS; f++)
    {
      gap_hours += quarter->functions[f].gap_hours;
      gap_fte += quarter->functions[f].gap_fte;
    }
  if (hours != NULL)
    *hours = gap_hours;

  return cto_report_format_gap (gap_hours, gap_fte);
}

char *
_cto_report_hiring_names (GPtrArray *people,
                          gboolean   isolate)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < people->len; i++)
    {
      CtoPerson *person = g_ptr_array_index (people, i);
      g_autofree char *name = _cto_report_isolate (cto_person_get_name (person), isolate);

      if (i > 0)
        /* Translators: between the names of a list */
        g_string_append (out, _(", "));
      if (cto_person_get_open_role (person))
        g_string_append_printf (out, _("%s (open role)"), name);
      else
        g_string_append (out, name);
    }

  return g_string_free (out, FALSE);
}

/**
 * _cto_report_write_hiring:
 * @timeline: (nullable): the quarters, from _cto_report_hiring_timeline()
 *
 * The "Hiring plan" section: a table of the quarters by the four functions,
 * the hiring gap, and who starts and leaves.
 */
void
_cto_report_write_hiring (CtoTimeline     *timeline,
                          CtoReportWriter *w)
{
  CtoReportColumn columns[4 + CTO_N_FUNCTIONS] = { { NULL } };
  g_autofree char *subtitle = NULL;
  guint n_quarters;

  if (timeline == NULL)
    return;

  columns[0] = (CtoReportColumn) { _("Quarter"), FALSE };
  columns[1] = (CtoReportColumn) { _("People"), TRUE };
  for (guint f = 0; f < CTO_N_FUNCTIONS; f++)
    columns[2 + f] = (CtoReportColumn) { cto_function_get_name ((CtoFunction) f), FALSE };
  columns[2 + CTO_N_FUNCTIONS] = (CtoReportColumn) { _("Hiring gap"), TRUE };
  columns[3 + CTO_N_FUNCTIONS] = (CtoReportColumn) { _("Starting and leaving"), FALSE };

  w->heading (w, 2, _cto_report_heading_hiring ());
  subtitle = _cto_report_hiring_subtitle (timeline);
  w->paragraph (w, subtitle, CTO_REPORT_MARK_NONE);

  w->table_begin (w, columns, G_N_ELEMENTS (columns), TRUE);
  n_quarters = cto_timeline_get_n_quarters (timeline);
  for (guint i = 0; i < n_quarters; i++)
    {
      const CtoTimelineQuarter *quarter = cto_timeline_get_quarter (timeline, i);
      CtoReportCell cells[G_N_ELEMENTS (columns)] = { { NULL } };
      char *functions[CTO_N_FUNCTIONS] = { NULL };
      g_autofree char *people = g_strdup_printf ("%u", quarter->n_people);
      g_autofree char *gap = NULL;
      g_autofree char *starting = _cto_report_hiring_names (quarter->starting, w->isolate);
      g_autofree char *leaving = _cto_report_hiring_names (quarter->leaving, w->isolate);
      g_autoptr(GString) changes = g_string_new (NULL);
      double hours = 0;

      gap = _cto_report_hiring_gap (quarter, &hours);
      if (*starting != '\0')
        /* Translators: who starts in a quarter, "Starting: Eve Ito" */
        g_string_append_printf (changes, _("Starting: %s"), starting);
      if (*leaving != '\0')
        {
          if (changes->len > 0)
            /* Translators: between starting and leaving in one cell */
            g_string_append (changes, _("; "));
          /* Translators: who leaves in a quarter, "Leaving: Bo Lin" */
          g_string_append_printf (changes, _("Leaving: %s"), leaving);
        }
      if (changes->len == 0)
        g_string_append (changes, "—");

      cells[0].text = quarter->label;
      cells[1].text = people;
      for (guint f = 0; f < CTO_N_FUNCTIONS; f++)
        {
          const CtoTimelineFunction *function = &quarter->functions[f];
          g_autofree char *state = _cto_report_hiring_function (quarter, (CtoFunction) f);

          /* Translators: a status shape, its words and the bus factor: "◐ Partly covered, bus factor 1" */
          functions[f] = g_strdup_printf (_("%s %s, %s"), _cto_report_status_glyph (function->status),
                                          cto_coverage_get_name (function->status), state);
          cells[2 + f].text = functions[f];
          if (_cto_report_hiring_needs_attention (quarter, (CtoFunction) f) ||
              function->status == CTO_COVERAGE_UNCOVERED)
            cells[2 + f].mark = CTO_REPORT_MARK_WARNING;
          else if (function->status == CTO_COVERAGE_COVERED)
            cells[2 + f].mark = CTO_REPORT_MARK_GOOD;
        }
      cells[2 + CTO_N_FUNCTIONS].text = gap;
      cells[2 + CTO_N_FUNCTIONS].mark = hours > CTO_ANALYSIS_TOLERANCE ? CTO_REPORT_MARK_WARNING
                                                                        : CTO_REPORT_MARK_NONE;
      cells[3 + CTO_N_FUNCTIONS].text = changes->str;
      w->table_row (w, cells);

      for (guint f = 0; f < CTO_N_FUNCTIONS; f++)
        g_free (functions[f]);
    }
  w->table_end (w);
}
