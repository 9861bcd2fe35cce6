/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-report-summary"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "cto-date.h"
#include "cto-json-writer.h"
#include "cto-plan-io.h"
#include "cto-report-format.h"
#include "cto-report-summary.h"
#include "cto-report-terminal-private.h"
#include "cto-terminal-text.h"

/* JSON ---------------------------------------------------------------------- */

static void
write_function_json (CtoJsonWriter           *w,
                     const CtoFunctionReport *report)
{
  cto_json_writer_begin_object (w);
  cto_json_writer_member_string (w, "id", cto_function_get_id (report->function));
  cto_json_writer_member_string (w, "name", cto_function_get_untranslated_name (report->function));
  cto_json_writer_member_string (w, "status", cto_coverage_get_id (report->status));
  cto_json_writer_member_boolean (w, "overloaded", report->overloaded);
  cto_json_writer_member_number (w, "responsibilities", report->n_responsibilities);
  cto_json_writer_member_number (w, "covered", report->n_covered);
  cto_json_writer_member_number (w, "effort", report->effort);
  cto_json_writer_member_number (w, "unassigned_effort", report->unassigned_effort);

  cto_json_writer_member (w, "people");
  cto_json_writer_begin_array (w);
  for (guint i = 0; i < report->people->len; i++)
    cto_json_writer_string (w, cto_person_get_id (g_ptr_array_index (report->people, i)));
  cto_json_writer_end_array (w);

  cto_json_writer_member_number (w, "bus_factor", report->bus_factor);
  cto_json_writer_member_number (w, "waiting_for_hire", report->waiting_for_hire);
  cto_json_writer_member_number (w, "without_accountable", report->without_accountable);
  cto_json_writer_member_number (w, "gap_hours", report->gap_hours);
  cto_json_writer_member_number (w, "gap_fte", report->gap_fte);
  cto_json_writer_end_object (w);
}

static void
write_person_json (CtoJsonWriter         *w,
                   const CtoPersonReport *report)
{
  cto_json_writer_begin_object (w);
  cto_json_writer_member_string (w, "id", cto_person_get_id (report->person));
  cto_json_writer_member_string (w, "name", cto_person_get_name (report->person));
  cto_json_writer_member_boolean (w, "open_role", cto_person_get_open_role (report->person));
  cto_json_writer_member_number (w, "load", report->load);
  cto_json_writer_member_number (w, "capacity", report->capacity);
  if (report->utilization_unbounded)
    cto_json_writer_member_null (w, "utilization");
  else
    cto_json_writer_member_number (w, "utilization", report->utilization);
  cto_json_writer_member_boolean (w, "overloaded", report->overloaded);
  cto_json_writer_end_object (w);
}

/**
 * cto_report_summary_write_members:
 * @w: a writer inside an open object
 * @analysis: the analysis to write
 *
 * Writes the members of the `--summary --json` object (PLAN-FORMAT.md,
 * section 4) into the object open in @w, so that callers can add members of
 * their own or nest it ("after" of the suggestions).
 */
void
cto_report_summary_write_members (CtoJsonWriter *w,
                                  CtoAnalysis   *analysis)
{
  CtoPlan *plan;
  GPtrArray *unassigned;
  guint n_people;

  g_return_if_fail (w != NULL);
  g_return_if_fail (CTO_IS_ANALYSIS (analysis));
  g_return_if_fail (cto_analysis_get_plan (analysis) != NULL);

  plan = cto_analysis_get_plan (analysis);
  cto_json_writer_member_string (w, "title", cto_plan_get_title (plan));

  cto_json_writer_member (w, "functions");
  cto_json_writer_begin_array (w);
  for (guint f = 0; f < CTO_N_FUNCTIONS; f++)
    write_function_json (w, cto_analysis_get_function (analysis, (CtoFunction) f));
  cto_json_writer_end_array (w);

  cto_json_writer_member (w, "people");
  cto_json_writer_begin_array (w);
  n_people = cto_analysis_get_n_people (analysis);
  for (guint i = 0; i < n_people; i++)
    write_person_json (w, cto_analysis_get_person_nth (analysis, i));
  cto_json_writer_end_array (w);

  cto_json_writer_member (w, "unassigned");
  cto_json_writer_begin_array (w);
  unassigned = cto_analysis_get_unassigned (analysis);
  for (guint i = 0; i < unassigned->len; i++)
    cto_json_writer_string (w, cto_responsibility_get_id (g_ptr_array_index (unassigned, i)));
  cto_json_writer_end_array (w);
}

/**
 * cto_report_summary_json:
 * @analysis: the analysis to print
 *
 * Returns: (transfer full): the `--summary --json` text of PLAN-FORMAT.md,
 * section 4.
 */
char *
cto_report_summary_json (CtoAnalysis *analysis)
{
  CtoJsonWriter *w;

  g_return_val_if_fail (CTO_IS_ANALYSIS (analysis), NULL);

  w = cto_json_writer_new ();
  cto_json_writer_begin_object (w);
  cto_report_summary_write_members (w, analysis);
  cto_json_writer_end_object (w);

  return cto_json_writer_finish (w);
}

/* Text ---------------------------------------------------------------------- */

/* Names wider than this do not widen the column for everyone else. */
#define TEXT_MAX_COLUMN 40
/* A function carried by more people names the first ones and counts the rest. */
#define TEXT_MAX_NAMES  12

/* Plan text as a terminal may show it, on one line (cto-terminal-text.h). */
#define text_sanitize(string) _cto_report_terminal_escape (string)

static char *
text_person_name (CtoPerson *person)
{
  g_autofree char *name = text_sanitize (cto_person_get_name (person));

  if (cto_person_get_open_role (person))
    /* Translators: a planned hire, a seat not yet filled */
    return g_strdup_printf (_("%s (open role)"), name);

  return g_steal_pointer (&name);
}

/* Ends a list of the first TEXT_MAX_NAMES of @n_items with how many more there are. */
static void
text_append_more (GString *list,
                  guint    n_items)
{
  g_autofree char *cut = NULL;

  if (n_items <= TEXT_MAX_NAMES)
    return;

  cut = cto_report_format_more (list->str, n_items - TEXT_MAX_NAMES);
  g_string_assign (list, cut);
}

typedef enum
{
  LABEL_RESPONSIBILITIES,
  LABEL_HOURS,
  LABEL_CARRIED_BY,
  LABEL_BUS_FACTOR,
  LABEL_WAITING_FOR_HIRE,
  LABEL_WITHOUT_ACCOUNTABLE,
  LABEL_OVERLOADED,
  LABEL_GAP,
  N_LABELS
} Label;

static const char *labels[N_LABELS] = {
  [LABEL_RESPONSIBILITIES] = N_("Responsibilities"),
  [LABEL_HOURS] = N_("Hours per week"),
  [LABEL_CARRIED_BY] = N_("Carried by"),
  [LABEL_BUS_FACTOR] = N_("Bus factor"),
  [LABEL_WAITING_FOR_HIRE] = N_("Waiting for a hire"),
  [LABEL_WITHOUT_ACCOUNTABLE] = N_("Without accountable"),
  [LABEL_OVERLOADED] = N_("Overloaded"),
  [LABEL_GAP] = N_("Hiring gap"),
};

static void
text_line (GString    *out,
           Label       label,
           guint       label_width,
           const char *value)
{
  g_string_append (out, "  ");
  _cto_report_terminal_left (out, _(labels[label]), label_width);
  g_string_append (out, "  ");
  g_string_append (out, value);
  g_string_append_c (out, '\n');
}

static void
write_function_text (GString                 *out,
                     CtoAnalysis             *analysis,
                     const CtoFunctionReport *report,
                     guint                    label_width)
{
  g_autofree char *heading = NULL;
  g_autofree char *value = NULL;
  g_autofree char *effort = NULL;
  g_autoptr(GString) names = g_string_new (NULL);
  g_autoptr(GString) overloaded = g_string_new (NULL);
  guint n_overloaded = 0;

  /* Translators: a function and its status, "Planning: Partly covered" */
  heading = g_strdup_printf (_("%s: %s"),
                             cto_function_get_name (report->function),
                             cto_coverage_get_name (report->status));
  g_string_append (out, heading);
  g_string_append_c (out, '\n');

  if (report->status == CTO_COVERAGE_EMPTY)
    {
      text_line (out, LABEL_RESPONSIBILITIES, label_width, _("none"));
      return;
    }

  value = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "%u of %u responsibility covered",
                                        "%u of %u responsibilities covered",
                                        report->n_responsibilities),
                           report->n_covered, report->n_responsibilities);
  text_line (out, LABEL_RESPONSIBILITIES, label_width, value);
  g_clear_pointer (&value, g_free);

  effort = cto_report_format_hours (report->effort);
  if (report->unassigned_effort > 0)
    {
      g_autofree char *unassigned = cto_report_format_hours (report->unassigned_effort);

      /* Translators: "18 h, 3 h of them unassigned" */
      value = g_strdup_printf (_("%s, %s of them unassigned"), effort, unassigned);
      text_line (out, LABEL_HOURS, label_width, value);
      g_clear_pointer (&value, g_free);
    }
  else
    {
      text_line (out, LABEL_HOURS, label_width, effort);
    }

  for (guint i = 0; i < report->people->len; i++)
    {
      CtoPerson *person = g_ptr_array_index (report->people, i);
      const CtoPersonReport *person_report = cto_analysis_get_person (analysis, person);
      gboolean is_overloaded = person_report != NULL && person_report->overloaded;
      g_autofree char *name = NULL;

      if (i >= TEXT_MAX_NAMES && !is_overloaded)
        continue;

      name = text_person_name (person);
      if (i < TEXT_MAX_NAMES)
        cto_report_format_append_item (names, name);
      if (is_overloaded)
        {
          if (n_overloaded < TEXT_MAX_NAMES)
            cto_report_format_append_item (overloaded, name);
          n_overloaded++;
        }
    }
  text_append_more (names, report->people->len);
  text_append_more (overloaded, n_overloaded);
  text_line (out, LABEL_CARRIED_BY, label_width, names->len > 0 ? names->str : _("nobody"));

  if (cto_function_report_rests_on_one_person (report))
    /* Translators: the bus factor, then a warning */
    value = g_strdup_printf (_("%u — rests on one person"), report->bus_factor);
  else if (cto_function_report_rests_on_hires_alone (report))
    value = g_strdup_printf (_("%u — waiting for a hire"), report->bus_factor);
  else
    value = g_strdup_printf ("%u", report->bus_factor);
  text_line (out, LABEL_BUS_FACTOR, label_width, value);
  g_clear_pointer (&value, g_free);

  if (report->waiting_for_hire > 0)
    {
      value = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%u responsibility carried only by planned hires",
                                            "%u responsibilities carried only by planned hires",
                                            report->waiting_for_hire),
                               report->waiting_for_hire);
      text_line (out, LABEL_WAITING_FOR_HIRE, label_width, value);
      g_clear_pointer (&value, g_free);
    }

  if (report->without_accountable > 0)
    value = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%u shared responsibility has nobody accountable",
                                          "%u shared responsibilities have nobody accountable",
                                          report->without_accountable),
                             report->without_accountable);
  else
    value = g_strdup (_("none"));
  text_line (out, LABEL_WITHOUT_ACCOUNTABLE, label_width, value);
  g_clear_pointer (&value, g_free);

  text_line (out, LABEL_OVERLOADED, label_width,
             overloaded->len > 0 ? overloaded->str : _("nobody"));

  value = cto_report_format_gap (report->gap_hours, report->gap_fte);
  text_line (out, LABEL_GAP, label_width, value);
  g_clear_pointer (&value, g_free);
}

typedef struct
{
  char *name;
  char *hours;
  char *percent;
} PersonRow;

static void
write_people_text (GString     *out,
                   CtoAnalysis *analysis)
{
  guint n_people = cto_analysis_get_n_people (analysis);
  g_autofree PersonRow *rows = g_new0 (PersonRow, MAX (n_people, 1));
  guint name_width = 0;
  guint hours_width = 0;
  guint percent_width = 0;

  _cto_report_terminal_heading (out, _("People"), '-');

  if (n_people == 0)
    {
      g_string_append_printf (out, "  %s\n", _("Nobody is in the plan yet."));
      return;
    }

  for (guint i = 0; i < n_people; i++)
    {
      const CtoPersonReport *report = cto_analysis_get_person_nth (analysis, i);
      g_autofree char *load = cto_report_format_decimal (report->load);
      g_autofree char *capacity = cto_report_format_decimal (report->capacity);
      guint width;

      rows[i].name = text_person_name (report->person);
      /* Translators: load and capacity in hours per week, "16 / 12 h" */
      rows[i].hours = g_strdup_printf (_("%s / %s h"), load, capacity);
      rows[i].percent = cto_report_format_utilization (report);

      width = _cto_report_terminal_width (rows[i].name);
      if (width <= TEXT_MAX_COLUMN)
        name_width = MAX (name_width, width);
      hours_width = MAX (hours_width, _cto_report_terminal_width (rows[i].hours));
      percent_width = MAX (percent_width, _cto_report_terminal_width (rows[i].percent));
    }

  for (guint i = 0; i < n_people; i++)
    {
      const CtoPersonReport *report = cto_analysis_get_person_nth (analysis, i);

      g_string_append (out, "  ");
      _cto_report_terminal_left (out, rows[i].name, name_width);
      g_string_append (out, "  ");
      _cto_report_terminal_right (out, rows[i].hours, hours_width);
      g_string_append (out, "  ");
      _cto_report_terminal_right (out, rows[i].percent, percent_width);
      if (report->overloaded)
        {
          g_string_append (out, "  ");
          /* Translators: marks a person whose load is above their capacity */
          g_string_append (out, _("OVERLOADED"));
        }
      g_string_append_c (out, '\n');

      g_free (rows[i].name);
      g_free (rows[i].hours);
      g_free (rows[i].percent);
    }
}

static void
write_unassigned_text (GString     *out,
                       CtoAnalysis *analysis)
{
  GPtrArray *unassigned = cto_analysis_get_unassigned (analysis);

  _cto_report_terminal_heading (out, _("Unassigned responsibilities"), '-');

  if (unassigned->len == 0)
    {
      g_string_append_printf (out, "  %s\n", _("None: every responsibility has someone."));
      return;
    }

  for (guint i = 0; i < unassigned->len; i++)
    {
      CtoResponsibility *responsibility = g_ptr_array_index (unassigned, i);
      g_autofree char *title = text_sanitize (cto_responsibility_get_title (responsibility));
      g_autofree char *hours = cto_report_format_hours (cto_responsibility_get_effort (responsibility));
      g_autofree char *line = NULL;

      /* Translators: an unassigned responsibility, "Run the website (Consumer liaison, 4 h)" */
      line = g_strdup_printf (_("%s (%s, %s)"), title,
                              cto_function_get_name (cto_responsibility_get_function (responsibility)),
                              hours);
      g_string_append_printf (out, "  %s\n", line);
    }
}

/**
 * cto_report_summary_text:
 * @analysis: the analysis to print
 *
 * Returns: (transfer full): the analysis in words and aligned columns, for
 * people to read in a terminal.
 */
char *
cto_report_summary_text (CtoAnalysis *analysis)
{
  GString *out;
  g_autofree char *title = NULL;
  guint label_width = 0;

  g_return_val_if_fail (CTO_IS_ANALYSIS (analysis), NULL);
  g_return_val_if_fail (cto_analysis_get_plan (analysis) != NULL, NULL);

  out = g_string_new (NULL);

  for (guint i = 0; i < N_LABELS; i++)
    label_width = MAX (label_width, _cto_report_terminal_width (_(labels[i])));

  title = text_sanitize (cto_plan_get_title (cto_analysis_get_plan (analysis)));
  _cto_report_terminal_heading (out, title, '=');
  if (cto_plan_get_as_of (cto_analysis_get_plan (analysis)) != NULL)
    {
      g_autofree char *day = cto_date_format_long (cto_plan_get_as_of (cto_analysis_get_plan (analysis)));

      /* Translators: under the title of the plan as of a day, "As of 1 July 2027" */
      g_string_append_printf (out, _("As of %s\n"), day);
    }
  g_string_append_c (out, '\n');

  _cto_report_terminal_heading (out, _("Functions"), '-');
  for (guint f = 0; f < CTO_N_FUNCTIONS; f++)
    {
      if (f > 0)
        g_string_append_c (out, '\n');
      write_function_text (out, analysis, cto_analysis_get_function (analysis, (CtoFunction) f),
                           label_width);
    }
  g_string_append_c (out, '\n');

  write_people_text (out, analysis);
  g_string_append_c (out, '\n');

  write_unassigned_text (out, analysis);

  return g_string_free (out, FALSE);
}
