/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-report-timeline"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cto-date.h"
#include "cto-report-format.h"
#include "cto-report-terminal-private.h"
#include "cto-report-timeline.h"

/* JSON ---------------------------------------------------------------------- */

static void
write_people_ids (CtoJsonWriter *w,
                  const char    *name,
                  GPtrArray     *people)
{
  cto_json_writer_member (w, name);
  cto_json_writer_begin_array (w);
  for (guint i = 0; i < people->len; i++)
    cto_json_writer_string (w, cto_person_get_id (g_ptr_array_index (people, i)));
  cto_json_writer_end_array (w);
}

/**
 * cto_report_timeline_write_members:
 * @w: a writer inside an open object
 * @timeline: the timeline to write
 *
 * Writes "quarters" of PLAN-FORMAT.md section 6 into the object open in @w.
 */
void
cto_report_timeline_write_members (CtoJsonWriter *w,
                                   CtoTimeline   *timeline)
{
  guint n_quarters;

  g_return_if_fail (w != NULL);
  g_return_if_fail (CTO_IS_TIMELINE (timeline));

  n_quarters = cto_timeline_get_n_quarters (timeline);
  cto_json_writer_member (w, "quarters");
  cto_json_writer_begin_array (w);
  for (guint i = 0; i < n_quarters; i++)
    {
      const CtoTimelineQuarter *quarter = cto_timeline_get_quarter (timeline, i);
      g_autofree char *as_of = cto_date_to_string (&quarter->as_of);

      cto_json_writer_begin_object (w);
      cto_json_writer_member_string (w, "label", quarter->label);
      cto_json_writer_member_string (w, "as_of", as_of);
      cto_json_writer_member_number (w, "people", quarter->n_people);
      write_people_ids (w, "starting", quarter->starting);
      write_people_ids (w, "leaving", quarter->leaving);

      cto_json_writer_member (w, "functions");
      cto_json_writer_begin_array (w);
      for (guint f = 0; f < CTO_N_FUNCTIONS; f++)
        {
          const CtoTimelineFunction *function = &quarter->functions[f];

          cto_json_writer_begin_object (w);
          cto_json_writer_member_string (w, "id", cto_function_get_id (function->function));
          cto_json_writer_member_string (w, "status", cto_coverage_get_id (function->status));
          cto_json_writer_member_number (w, "bus_factor", function->bus_factor);
          cto_json_writer_member_number (w, "gap_hours", function->gap_hours);
          cto_json_writer_member_number (w, "gap_fte", function->gap_fte);
          cto_json_writer_end_object (w);
        }
      cto_json_writer_end_array (w);
      cto_json_writer_end_object (w);
    }
  cto_json_writer_end_array (w);
}

/**
 * cto_report_timeline_json:
 *
 * Returns: (transfer full): the `--timeline --json` text
 */
char *
cto_report_timeline_json (CtoTimeline *timeline)
{
  CtoJsonWriter *w;

  g_return_val_if_fail (CTO_IS_TIMELINE (timeline), NULL);

  w = cto_json_writer_new ();
  cto_json_writer_begin_object (w);
  cto_report_timeline_write_members (w, timeline);
  cto_json_writer_end_object (w);

  return cto_json_writer_finish (w);
}

/* Text ---------------------------------------------------------------------- */

/* Columns: quarter, people, the four functions, the hiring gap. */
#define N_COLUMNS (3 + CTO_N_FUNCTIONS)

static char *
function_cell (const CtoTimelineFunction *function)
{
  const char *status = cto_coverage_get_name (function->status);

  if (function->status == CTO_COVERAGE_EMPTY || function->status == CTO_COVERAGE_UNCOVERED)
    return g_strdup (status);

  if (function->overloaded)
    /* Translators: a function's status, its bus factor and a warning: "Covered, 1, overloaded" */
    return g_strdup_printf (_("%s, %u, overloaded"), status, function->bus_factor);

  /* Translators: a function's status and its bus factor: "Covered, 2" */
  return g_strdup_printf (_("%s, %u"), status, function->bus_factor);
}

static void
append_names (GString    *out,
              GPtrArray  *people)
{
  for (guint i = 0; i < people->len; i++)
    {
      CtoPerson *person = g_ptr_array_index (people, i);
      g_autofree char *name = _cto_report_terminal_escape (cto_person_get_name (person));

      if (i > 0)
        /* Translators: between the names of a list */
        g_string_append (out, _(", "));
      if (cto_person_get_open_role (person))
        /* Translators: a planned hire, a seat not yet filled */
        g_string_append_printf (out, _("%s (open role)"), name);
      else
        g_string_append (out, name);
    }
}

/**
 * cto_report_timeline_text:
 *
 * Returns: (transfer full): a table of the quarters by the four functions,
 * in words, then who starts and leaves in each quarter.
 */
char *
cto_report_timeline_text (CtoTimeline *timeline)
{
  GString *out;
  guint n_quarters;
  g_autofree char *title = NULL;
  g_autofree char *heading = NULL;
  const char *titles[N_COLUMNS];
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  guint widths[N_COLUMNS] = { 0 };
  gboolean any_change = FALSE;

  g_return_val_if_fail (CTO_IS_TIMELINE (timeline), NULL);

  out = g_string_new (NULL);
  n_quarters = cto_timeline_get_n_quarters (timeline);

  title = _cto_report_terminal_escape (cto_plan_get_title (cto_timeline_get_plan (timeline)));
  /* Translators: "Acme Robotics 2027: the next eight quarters" */
  heading = g_strdup_printf (_("%s: the next eight quarters"), title);
  _cto_report_terminal_heading (out, heading, '=');
  g_string_append_c (out, '\n');

  titles[0] = _("Quarter");
  titles[1] = _("People");
  for (guint f = 0; f < CTO_N_FUNCTIONS; f++)
    titles[2 + f] = cto_function_get_name ((CtoFunction) f);
  titles[N_COLUMNS - 1] = _("Hiring gap");
  for (guint c = 0; c < N_COLUMNS; c++)
    widths[c] = _cto_report_terminal_width (titles[c]);

  for (guint i = 0; i < n_quarters; i++)
    {
      const CtoTimelineQuarter *quarter = cto_timeline_get_quarter (timeline, i);
      double hours = 0;
      double fte = 0;

      g_ptr_array_add (cells, g_strdup (quarter->label));
      g_ptr_array_add (cells, g_strdup_printf ("%u", quarter->n_people));
      for (guint f = 0; f < CTO_N_FUNCTIONS; f++)
        {
          g_ptr_array_add (cells, function_cell (&quarter->functions[f]));
          hours += quarter->functions[f].gap_hours;
          fte += quarter->functions[f].gap_fte;
        }
      g_ptr_array_add (cells, cto_report_format_gap (hours, fte));

      for (guint c = 0; c < N_COLUMNS; c++)
        widths[c] = MAX (widths[c], _cto_report_terminal_width (g_ptr_array_index (cells, i * N_COLUMNS + c)));
    }

  for (guint row = 0; row <= n_quarters; row++)
    {
      for (guint c = 0; c < N_COLUMNS; c++)
        {
          const char *text = row == 0 ? titles[c] : g_ptr_array_index (cells, (row - 1) * N_COLUMNS + c);

          if (c > 0)
            g_string_append (out, "  ");
          if (c == 1 && row > 0)
            _cto_report_terminal_right (out, text, widths[c]);
          else if (c == N_COLUMNS - 1)
            g_string_append (out, text);
          else
            _cto_report_terminal_left (out, text, widths[c]);
        }
      g_string_append_c (out, '\n');
    }

  g_string_append_c (out, '\n');
  g_string_append (out, _("Each function: its status and bus factor (the people, not open roles, "
                          "it rests on); “overloaded” when anyone working on it is, open roles "
                          "included.\n"
                          "People and functions as of each quarter’s first day.\n"));
  g_string_append_c (out, '\n');

  _cto_report_terminal_heading (out, _("Starting and leaving"), '-');
  for (guint i = 0; i < n_quarters; i++)
    {
      const CtoTimelineQuarter *quarter = cto_timeline_get_quarter (timeline, i);

      if (quarter->starting->len > 0)
        {
          g_string_append_printf (out, "  %s  ", quarter->label);
          /* Translators: followed by the people who start in a quarter */
          g_string_append (out, _("Starting: "));
          append_names (out, quarter->starting);
          g_string_append_c (out, '\n');
          any_change = TRUE;
        }
      if (quarter->leaving->len > 0)
        {
          g_string_append_printf (out, "  %s  ", quarter->label);
          /* Translators: followed by the people who leave in a quarter */
          g_string_append (out, _("Leaving: "));
          append_names (out, quarter->leaving);
          g_string_append_c (out, '\n');
          any_change = TRUE;
        }
    }
  if (!any_change)
    g_string_append_printf (out, "  %s\n", _("Nobody starts or leaves in these quarters."));

  return g_string_free (out, FALSE);
}
