/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-report"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cto-org-layout.h"
#include "cto-report-key-person-private.h"
#include "cto-report-private.h"
#include "cto-report-time-private.h"

/* The content of the board pages as a text document: the same sections, in
 * the same order, with the same words. */

static char *
status_text (CtoCoverage status)
{
  /* Translators: a status shape and its words, "● Covered" */
  return g_strdup_printf (_("%s %s"), _cto_report_status_glyph (status), cto_coverage_get_name (status));
}

static void
write_title (CtoAnalysis     *analysis,
             GDateTime       *date,
             CtoReportWriter *w)
{
  CtoPlan *plan = cto_analysis_get_plan (analysis);
  g_autofree char *subtitle = _cto_report_subtitle (date);
  g_autofree char *summary = _cto_report_plan_summary (analysis);

  w->title (w, cto_plan_get_title (plan), subtitle);
  w->paragraph (w, summary, CTO_REPORT_MARK_NONE);
}

static void
write_coverage (CtoAnalysis     *analysis,
                CtoReportWriter *w)
{
  CtoReportColumn columns[1 + CTO_N_FUNCTIONS] = { { "", FALSE } };

  for (guint f = 0; f < CTO_N_FUNCTIONS; f++)
    columns[1 + f].title = cto_function_get_name ((CtoFunction) f);

  w->heading (w, 2, _cto_report_heading_coverage ());
  w->table_begin (w, columns, G_N_ELEMENTS (columns), TRUE);

  for (guint fact = 0; fact < CTO_REPORT_N_FACTS; fact++)
    {
      CtoReportCell cells[1 + CTO_N_FUNCTIONS] = { { NULL } };
      char *values[CTO_N_FUNCTIONS] = { NULL };

      cells[0].text = _cto_report_fact_get_label ((CtoReportFact) fact);
      for (guint f = 0; f < CTO_N_FUNCTIONS; f++)
        {
          const CtoFunctionReport *report = cto_analysis_get_function (analysis, (CtoFunction) f);

          if (fact == CTO_REPORT_FACT_STATUS)
            values[f] = status_text (report->status);
          else
            values[f] = _cto_report_fact_get_value (analysis, report, (CtoReportFact) fact, w->isolate);

          cells[1 + f].text = values[f];
          if (_cto_report_fact_is_warning (report, (CtoReportFact) fact))
            cells[1 + f].mark = CTO_REPORT_MARK_WARNING;
          else if (fact == CTO_REPORT_FACT_STATUS && report->status == CTO_COVERAGE_COVERED)
            cells[1 + f].mark = CTO_REPORT_MARK_GOOD;
        }

      w->table_row (w, cells);

      for (guint f = 0; f < CTO_N_FUNCTIONS; f++)
        g_free (values[f]);
    }

  w->table_end (w);
}

static void
write_people (CtoAnalysis     *analysis,
              CtoReportWriter *w)
{
  const CtoReportColumn columns[] = {
    { _("Person"), FALSE },
    { _("Role"), FALSE },
    { _("Load"), TRUE },
    { _("Utilization"), TRUE },
    { _("Note"), FALSE },
  };
  guint n_people = cto_analysis_get_n_people (analysis);
  guint n_overloaded = 0;
  g_autofree char *overloaded = NULL;

  w->heading (w, 2, _cto_report_heading_people ());

  if (n_people == 0)
    {
      w->paragraph (w, _("Nobody is in the plan yet."), CTO_REPORT_MARK_NONE);
      return;
    }

  for (guint i = 0; i < n_people; i++)
    n_overloaded += cto_analysis_get_person_nth (analysis, i)->overloaded ? 1 : 0;

  overloaded = _cto_report_overloaded_count (n_overloaded, n_people);
  w->paragraph (w, overloaded, n_overloaded > 0 ? CTO_REPORT_MARK_WARNING : CTO_REPORT_MARK_NONE);

  w->table_begin (w, columns, G_N_ELEMENTS (columns), FALSE);
  for (guint i = 0; i < n_people; i++)
    {
      const CtoPersonReport *report = cto_analysis_get_person_nth (analysis, i);
      g_autofree char *load = _cto_report_person_load (report);
      g_autofree char *utilization = cto_report_format_utilization (report);
      g_autoptr(GString) note = g_string_new (NULL);
      CtoReportCell cells[G_N_ELEMENTS (columns)] = { { NULL } };

      if (report->overloaded)
        /* Translators: marks a person whose load is above their capacity */
        g_string_append_printf (note, "⚠ %s", _("Overloaded"));
      if (cto_person_get_open_role (report->person))
        {
          if (note->len > 0)
            g_string_append (note, _(", "));
          g_string_append (note, _("Open role"));
        }

      cells[0].text = cto_person_get_name (report->person);
      cells[0].mark = CTO_REPORT_MARK_STRONG;
      cells[1].text = cto_person_get_role (report->person);
      cells[2].text = load;
      cells[3].text = utilization;
      cells[3].mark = report->overloaded ? CTO_REPORT_MARK_WARNING : CTO_REPORT_MARK_NONE;
      cells[4].text = note->str;
      cells[4].mark = report->overloaded ? CTO_REPORT_MARK_WARNING : CTO_REPORT_MARK_NONE;
      w->table_row (w, cells);
    }
  w->table_end (w);
}

static void
write_matrix (CtoAnalysis     *analysis,
              CtoReportWriter *w)
{
  const CtoReportColumn columns[] = {
    { _("Responsibility"), FALSE },
    { _("Hours"), TRUE },
    { _("Carried by"), FALSE },
    { _("Accountable"), FALSE },
  };
  CtoPlan *plan = cto_analysis_get_plan (analysis);
  GListModel *responsibilities = cto_plan_get_responsibilities (plan);
  guint n_responsibilities = g_list_model_get_n_items (responsibilities);

  w->heading (w, 2, _cto_report_heading_matrix ());

  for (guint f = 0; f < CTO_N_FUNCTIONS; f++)
    {
      const CtoFunctionReport *report = cto_analysis_get_function (analysis, (CtoFunction) f);
      g_autofree char *status = status_text (report->status);
      g_autofree char *heading = NULL;

      /* Translators: a function and its status, "Planning: ◐ Partly covered" */
      heading = g_strdup_printf (_("%s: %s"), cto_function_get_name ((CtoFunction) f), status);
      w->heading (w, 3, heading);

      if (report->n_responsibilities == 0)
        {
          w->paragraph (w, _("No responsibilities"), CTO_REPORT_MARK_NONE);
          continue;
        }

      w->table_begin (w, columns, G_N_ELEMENTS (columns), FALSE);
      for (guint i = 0; i < n_responsibilities; i++)
        {
          g_autoptr(CtoResponsibility) responsibility = g_list_model_get_item (responsibilities, i);
          g_autofree char *hours = NULL;
          g_autofree char *people = NULL;
          const char *accountable = NULL;
          guint n_assignees = cto_responsibility_get_n_assignees (responsibility);
          CtoReportCell cells[G_N_ELEMENTS (columns)] = { { NULL } };

          if ((guint) cto_responsibility_get_function (responsibility) != f)
            continue;

          hours = cto_report_format_hours (cto_responsibility_get_effort (responsibility));
          if (n_assignees == 0)
            people = g_strdup_printf ("○ %s", _("Not covered"));
          else
            people = _cto_report_describe_assignees (plan, responsibility, w->isolate);

          if (cto_responsibility_find_accountable (responsibility) != NULL)
            accountable = _cto_report_person_name (plan, cto_responsibility_find_accountable (responsibility));
          else if (cto_responsibility_lacks_accountable (responsibility))
            accountable = _("Nobody");
          else
            accountable = "—";

          cells[0].text = cto_responsibility_get_title (responsibility);
          cells[1].text = hours;
          cells[2].text = people;
          cells[2].mark = n_assignees == 0 ? CTO_REPORT_MARK_WARNING : CTO_REPORT_MARK_NONE;
          cells[3].text = accountable;
          cells[3].mark = cto_responsibility_lacks_accountable (responsibility)
                          ? CTO_REPORT_MARK_WARNING : CTO_REPORT_MARK_NONE;
          w->table_row (w, cells);
        }
      w->table_end (w);
    }
}

static void
write_org_chart (CtoAnalysis     *analysis,
                 CtoReportWriter *w)
{
  const CtoReportColumn columns[] = {
    { _("Person"), FALSE },
    { _("Role"), FALSE },
    { _("Reports to"), FALSE },
    { _("Functions carried"), FALSE },
  };
  CtoPlan *plan = cto_analysis_get_plan (analysis);
  g_autoptr(CtoOrgLayout) tree = cto_org_layout_new ();
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (guint));

  w->heading (w, 2, _cto_report_heading_org_chart ());

  cto_org_layout_add_plan (tree, plan, 1, 1);
  if (cto_org_layout_get_n_nodes (tree) == 0)
    {
      w->paragraph (w, _("Nobody is in the plan yet."), CTO_REPORT_MARK_NONE);
      return;
    }

  w->table_begin (w, columns, G_N_ELEMENTS (columns), FALSE);

  /* Each team under its manager: the trees in pre-order. */
  for (guint r = cto_org_layout_get_n_roots (tree); r > 0; r--)
    {
      guint root = cto_org_layout_get_root (tree, r - 1);

      g_array_append_val (stack, root);
    }

  while (stack->len > 0)
    {
      guint node = g_array_index (stack, guint, stack->len - 1);
      CtoPerson *person = cto_org_layout_get_data (tree, node);
      const CtoPersonReport *report = cto_analysis_get_person (analysis, person);
      int parent = cto_org_layout_get_parent (tree, node);
      g_autofree char *name = NULL;
      g_autofree char *functions = NULL;
      CtoReportCell cells[G_N_ELEMENTS (columns)] = { { NULL } };

      g_array_set_size (stack, stack->len - 1);
      for (guint c = cto_org_layout_get_n_children (tree, node); c > 0; c--)
        {
          guint child = cto_org_layout_get_child (tree, node, c - 1);

          g_array_append_val (stack, child);
        }

      if (cto_person_get_open_role (person))
        {
          g_autofree char *isolated = _cto_report_isolate (cto_person_get_name (person), w->isolate);

          name = g_strdup_printf (_("%s (open role)"), isolated);
        }
      else
        {
          name = g_strdup (cto_person_get_name (person));
        }
      functions = report != NULL ? _cto_report_person_functions (report) : g_strdup ("");

      cells[0].text = name;
      cells[0].mark = CTO_REPORT_MARK_STRONG;
      cells[0].indent = cto_org_layout_get_depth (tree, node);
      cells[1].text = cto_person_get_role (person);
      cells[2].text = parent >= 0
                      ? cto_person_get_name (cto_org_layout_get_data (tree, (guint) parent))
                      : "—";
      cells[3].text = functions;
      w->table_row (w, cells);
    }

  w->table_end (w);
}

static void
write_gaps (CtoAnalysis     *analysis,
            CtoReportWriter *w)
{
  const CtoReportColumn columns[] = {
    { _("Function"), FALSE },
    { _("Status"), FALSE },
    { _("Hours a week"), TRUE },
    { _("Full-time equivalent"), TRUE },
  };
  CtoPlan *plan = cto_analysis_get_plan (analysis);
  g_autoptr(GPtrArray) sections = _cto_report_gap_sections (analysis, w->isolate);
  double total = _cto_report_total_gap_hours (analysis);

  w->heading (w, 2, _cto_report_heading_gaps ());
  w->heading (w, 3, _("Hiring gap"));
  w->table_begin (w, columns, G_N_ELEMENTS (columns), FALSE);

  for (guint f = 0; f <= CTO_N_FUNCTIONS; f++)
    {
      CtoReportCell cells[G_N_ELEMENTS (columns)] = { { NULL } };
      g_autofree char *status = NULL;
      g_autofree char *hours = NULL;
      g_autofree char *fte = NULL;

      if (f < CTO_N_FUNCTIONS)
        {
          const CtoFunctionReport *report = cto_analysis_get_function (analysis, (CtoFunction) f);

          status = status_text (report->status);
          hours = cto_report_format_hours (report->gap_hours);
          fte = cto_report_format_fte (report->gap_fte);
          cells[0].text = cto_function_get_name ((CtoFunction) f);
          cells[1].text = status;
          cells[2].mark = cells[3].mark = cto_function_report_has_hiring_gap (report)
                                          ? CTO_REPORT_MARK_WARNING : CTO_REPORT_MARK_NONE;
        }
      else
        {
          hours = cto_report_format_hours (total);
          fte = cto_report_format_fte (total / cto_plan_get_hours_per_fte (plan));
          cells[0].text = _("All functions");
          cells[0].mark = CTO_REPORT_MARK_STRONG;
          cells[1].text = "";
          cells[2].mark = cells[3].mark = CTO_REPORT_MARK_STRONG;
        }
      cells[2].text = hours;
      cells[3].text = fte;
      w->table_row (w, cells);
    }
  w->table_end (w);

  for (guint s = 0; s < sections->len; s++)
    {
      CtoReportSection *section = g_ptr_array_index (sections, s);

      w->heading (w, 3, section->heading);
      if (section->items->len == 0)
        {
          w->paragraph (w, section->none, CTO_REPORT_MARK_NONE);
          continue;
        }

      w->list_begin (w);
      for (guint i = 0; i < section->items->len; i++)
        w->list_item (w, g_ptr_array_index (section->items, i));
      w->list_end (w);
    }
}

/**
 * _cto_report_write_document:
 * @analysis: what to report
 * @date: the date the report bears
 * @baseline: (nullable): the plan to compare with
 * @writer: the format
 *
 * Writes the sections of the board pages: title, since the last plan (with
 * @baseline), coverage at a glance, people and load, who carries what, org
 * chart, gaps, key-person risk, hiring plan (when anybody has a date).
 */
void
_cto_report_write_document (CtoAnalysis     *analysis,
                            GDateTime       *date,
                            CtoPlan         *baseline,
                            CtoReportWriter *writer)
{
  g_autoptr(CtoTimeline) timeline = NULL;

  g_return_if_fail (CTO_IS_ANALYSIS (analysis));
  g_return_if_fail (date != NULL);
  g_return_if_fail (writer != NULL);

  write_title (analysis, date, writer);
  if (baseline != NULL)
    {
      g_autoptr(CtoPlanDiff) diff = cto_plan_diff_new (baseline, cto_analysis_get_plan (analysis));

      _cto_report_write_since (diff, writer);
    }
  write_coverage (analysis, writer);
  write_people (analysis, writer);
  write_matrix (analysis, writer);
  write_org_chart (analysis, writer);
  write_gaps (analysis, writer);
  _cto_report_write_key_person (analysis, writer);
  timeline = _cto_report_hiring_timeline (analysis, date);
  _cto_report_write_hiring (timeline, writer);
}
