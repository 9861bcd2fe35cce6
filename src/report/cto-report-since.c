/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-report"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cto-report-diff.h"
#include "cto-report-time-private.h"

/* What changed since the baseline plan, in words (PLAN-FORMAT.md section 7),
 * for the board page and the reports. */

const char *
_cto_report_heading_since (void)
{
  return _("Since the last plan");
}

static void
count_changes (GString    *out,
               const char *what,
               GPtrArray  *added,
               GPtrArray  *removed,
               GPtrArray  *changed)
{
  if (added->len == 0 && removed->len == 0 && changed->len == 0)
    return;

  if (out->len > 0)
    g_string_append (out, _("; "));
  /* Translators: "People: 2 added, 1 removed, 1 changed" */
  g_string_append_printf (out, _("%s: %u added, %u removed, %u changed"),
                          what, added->len, removed->len, changed->len);
}

char *
_cto_report_since_subtitle (CtoPlanDiff *diff)
{
  CtoPlan *old_plan = cto_plan_diff_get_old_plan (diff);
  /* A saved copy of the same plan has its title: naming it would read as
   * the plan compared with itself. */
  gboolean same_title = g_strcmp0 (cto_plan_get_title (old_plan),
                                   cto_plan_get_title (cto_plan_diff_get_new_plan (diff))) == 0;
  g_autoptr(GString) counts = g_string_new (NULL);

  count_changes (counts, _("People"),
                 cto_plan_diff_get_added_people (diff),
                 cto_plan_diff_get_removed_people (diff),
                 cto_plan_diff_get_changed_people (diff));
  count_changes (counts, _("Responsibilities"),
                 cto_plan_diff_get_added_responsibilities (diff),
                 cto_plan_diff_get_removed_responsibilities (diff),
                 cto_plan_diff_get_changed_responsibilities (diff));
  if (counts->len == 0 && same_title)
    return g_strdup (_("Compared with an earlier version of this plan: the same people and "
                       "responsibilities"));
  if (counts->len == 0)
    /* Translators: "Compared with “Acme 2026”: the same people and responsibilities" */
    return g_strdup_printf (_("Compared with “%s”: the same people and responsibilities"),
                            cto_plan_get_title (old_plan));

  if (same_title)
    /* Translators: "Compared with an earlier version of this plan. People: 1 added, …" */
    return g_strdup_printf (_("Compared with an earlier version of this plan. %s"), counts->str);
  /* Translators: "Compared with “Acme 2026”. People: 1 added, …" */
  return g_strdup_printf (_("Compared with “%s”. %s"), cto_plan_get_title (old_plan), counts->str);
}

static void
change_free (CtoReportChange *change)
{
  g_free (change->text);
  g_ptr_array_unref (change->details);
  g_free (change);
}

static CtoReportChange *
add_change (GPtrArray           *changes,
            CtoReportChangeKind  kind,
            gpointer             item,
            gboolean             people,
            gboolean             isolate)
{
  CtoReportChange *change = g_new0 (CtoReportChange, 1);
  g_autofree char *name = NULL;
  const char *what;

  if (people)
    {
      g_autofree char *isolated = _cto_report_isolate (cto_person_get_name (item), isolate);

      name = cto_person_get_open_role (item) ? g_strdup_printf (_("%s (open role)"), isolated)
                                             : g_steal_pointer (&isolated);
    }
  else
    {
      name = _cto_report_isolate (cto_responsibility_get_title (item), isolate);
    }

  switch (kind)
    {
    case CTO_REPORT_CHANGE_ADDED:
      what = _("Added");
      break;
    case CTO_REPORT_CHANGE_REMOVED:
      what = _("Removed");
      break;
    case CTO_REPORT_CHANGE_CHANGED:
    default:
      what = _("Changed");
      break;
    }

  change->kind = kind;
  /* Translators: "Added: Data lead (open role)" */
  change->text = g_strdup_printf (_("%s: %s"), what, name);
  change->details = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (changes, change);

  return change;
}

GPtrArray *
_cto_report_since_changes (CtoPlanDiff *diff,
                           gboolean     people,
                           gboolean     isolate)
{
  GPtrArray *changes = g_ptr_array_new_with_free_func ((GDestroyNotify) change_free);
  GPtrArray *added = people ? cto_plan_diff_get_added_people (diff)
                            : cto_plan_diff_get_added_responsibilities (diff);
  GPtrArray *removed = people ? cto_plan_diff_get_removed_people (diff)
                              : cto_plan_diff_get_removed_responsibilities (diff);
  GPtrArray *changed = people ? cto_plan_diff_get_changed_people (diff)
                              : cto_plan_diff_get_changed_responsibilities (diff);

  for (guint i = 0; i < added->len; i++)
    add_change (changes, CTO_REPORT_CHANGE_ADDED, g_ptr_array_index (added, i), people, isolate);
  for (guint i = 0; i < removed->len; i++)
    add_change (changes, CTO_REPORT_CHANGE_REMOVED, g_ptr_array_index (removed, i), people, isolate);
  for (guint i = 0; i < changed->len; i++)
    {
      const CtoDiffChange *diff_change = g_ptr_array_index (changed, i);
      CtoReportChange *change = add_change (changes, CTO_REPORT_CHANGE_CHANGED, diff_change->after,
                                            people, isolate);

      for (guint j = 0; j < diff_change->fields->len; j++)
        {
          const CtoDiffField *field = &g_array_index (diff_change->fields, CtoDiffField, j);
          g_autofree char *before = NULL;
          g_autofree char *after = NULL;
          g_autofree char *before_i = NULL;
          g_autofree char *after_i = NULL;

          cto_report_diff_describe_field (cto_plan_diff_get_old_plan (diff),
                                          cto_plan_diff_get_new_plan (diff), field, &before, &after);
          before_i = _cto_report_isolate (before, isolate);
          after_i = _cto_report_isolate (after, isolate);

          /* Translators: a changed member, "Capacity: 40 h → 12 h" */
          g_ptr_array_add (change->details,
                           g_strdup_printf (_("%s: %s → %s"),
                                            cto_report_diff_field_name (field->field),
                                            before_i, after_i));
        }

      if (diff_change->assignees_changed)
        {
          g_autofree char *before = NULL;
          g_autofree char *after = NULL;
          g_autofree char *before_i = NULL;
          g_autofree char *after_i = NULL;

          cto_report_diff_describe_carriers (cto_plan_diff_get_old_plan (diff),
                                             cto_plan_diff_get_new_plan (diff),
                                             diff_change, &before, &after);
          before_i = _cto_report_isolate (before, isolate);
          after_i = _cto_report_isolate (after, isolate);

          /* Translators: who carries a responsibility, before and after */
          g_ptr_array_add (change->details,
                           g_strdup_printf (_("Carried by: %s → %s"), before_i, after_i));
        }
    }

  return changes;
}

const char *
_cto_report_since_fact_label (guint fact)
{
  switch (fact)
    {
    case 0:
      return _("Status");
    case 1:
      return _("Bus factor");
    case 2:
      return _("Hiring gap");
    case 3:
    default:
      return _("Overloaded");
    }
}

static char *
fact_value (const CtoFunctionReport *report,
            guint                    fact,
            gboolean                 glyph)
{
  switch (fact)
    {
    case 0:
      if (glyph)
        /* Translators: a status shape and its words, "● Covered" */
        return g_strdup_printf (_("%s %s"), _cto_report_status_glyph (report->status),
                                cto_coverage_get_name (report->status));
      return g_strdup (cto_coverage_get_name (report->status));
    case 1:
      return g_strdup_printf ("%u", report->bus_factor);
    case 2:
      return cto_report_format_hours (report->gap_hours);
    case 3:
    default:
      if (glyph && report->overloaded)
        return g_strdup_printf ("⚠ %s", _("yes"));
      return g_strdup (report->overloaded ? _("yes") : _("no"));
    }
}

char *
_cto_report_since_fact (CtoPlanDiff *diff,
                        CtoFunction  function,
                        guint        fact,
                        gboolean     glyph,
                        gboolean    *changed)
{
  const CtoFunctionReport *before =
    cto_analysis_get_function (cto_plan_diff_get_old_analysis (diff), function);
  const CtoFunctionReport *after =
    cto_analysis_get_function (cto_plan_diff_get_new_analysis (diff), function);
  g_autofree char *before_text = fact_value (before, fact, glyph);
  g_autofree char *after_text = fact_value (after, fact, glyph);
  gboolean differs;

  /* The same figure for people is no change, as the formatter rounds. */
  differs = g_strcmp0 (before_text, after_text) != 0;
  if (changed != NULL)
    *changed = differs;

  if (!differs)
    /* Translators: a fact of a function that did not change: "Covered (unchanged)" */
    return g_strdup_printf (_("%s (unchanged)"), after_text);

  /* Translators: a fact before and after: "Partly covered → Covered" */
  return g_strdup_printf (_("%s → %s"), before_text, after_text);
}

/**
 * _cto_report_write_since:
 *
 * The "Since the last plan" section: each function before and after, then
 * the people and responsibilities added, removed and changed.
 */
void
_cto_report_write_since (CtoPlanDiff     *diff,
                         CtoReportWriter *w)
{
  CtoReportColumn columns[1 + CTO_REPORT_SINCE_N_FACTS] = { { _("Function"), FALSE } };
  g_autofree char *subtitle = _cto_report_since_subtitle (diff);

  for (guint fact = 0; fact < CTO_REPORT_SINCE_N_FACTS; fact++)
    columns[1 + fact] = (CtoReportColumn) { _cto_report_since_fact_label (fact), FALSE };

  w->heading (w, 2, _cto_report_heading_since ());
  w->paragraph (w, subtitle, CTO_REPORT_MARK_NONE);

  w->table_begin (w, columns, G_N_ELEMENTS (columns), TRUE);
  for (guint f = 0; f < CTO_N_FUNCTIONS; f++)
    {
      CtoReportCell cells[G_N_ELEMENTS (columns)] = { { NULL } };
      char *values[CTO_REPORT_SINCE_N_FACTS] = { NULL };

      cells[0].text = cto_function_get_name ((CtoFunction) f);
      for (guint fact = 0; fact < CTO_REPORT_SINCE_N_FACTS; fact++)
        {
          gboolean changed = FALSE;

          values[fact] = _cto_report_since_fact (diff, (CtoFunction) f, fact, TRUE, &changed);
          cells[1 + fact].text = values[fact];
          cells[1 + fact].mark = changed ? CTO_REPORT_MARK_STRONG : CTO_REPORT_MARK_NONE;
        }
      w->table_row (w, cells);
      for (guint fact = 0; fact < CTO_REPORT_SINCE_N_FACTS; fact++)
        g_free (values[fact]);
    }
  w->table_end (w);

  for (guint kind = 0; kind < 2; kind++)
    {
      gboolean people = kind == 0;
      g_autoptr(GPtrArray) changes = _cto_report_since_changes (diff, people, w->isolate);

      w->heading (w, 3, people ? _("People") : _("Responsibilities"));
      if (changes->len == 0)
        {
          w->paragraph (w, _("No changes."), CTO_REPORT_MARK_NONE);
          continue;
        }

      w->list_begin (w);
      for (guint i = 0; i < changes->len; i++)
        {
          const CtoReportChange *change = g_ptr_array_index (changes, i);
          g_autoptr(GString) item = g_string_new (change->text);

          for (guint d = 0; d < change->details->len; d++)
            {
              /* Translators: between a change and its details, and between details */
              g_string_append (item, d == 0 ? _(" — ") : _("; "));
              g_string_append (item, g_ptr_array_index (change->details, d));
            }
          w->list_item (w, item->str);
        }
      w->list_end (w);
    }
}
