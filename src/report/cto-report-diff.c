/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-report-diff"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "cto-date.h"
#include "cto-report-diff.h"
#include "cto-report-format.h"
#include "cto-report-private.h"
#include "cto-report-terminal-private.h"

/* JSON ---------------------------------------------------------------------- */

static void
write_value (CtoJsonWriter      *w,
             const CtoDiffValue *value)
{
  switch (value->type)
    {
    case CTO_DIFF_VALUE_NULL:
      cto_json_writer_null (w);
      break;
    case CTO_DIFF_VALUE_STRING:
      cto_json_writer_string (w, value->string);
      break;
    case CTO_DIFF_VALUE_NUMBER:
      cto_json_writer_number (w, value->number);
      break;
    case CTO_DIFF_VALUE_BOOLEAN:
      cto_json_writer_boolean (w, value->boolean);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
write_assignees (CtoJsonWriter     *w,
                 CtoResponsibility *responsibility)
{
  guint n = cto_responsibility_get_n_assignees (responsibility);

  cto_json_writer_begin_array (w);
  for (guint i = 0; i < n; i++)
    {
      const CtoAssignment *assignment = cto_responsibility_get_assignee (responsibility, i);

      cto_json_writer_begin_object (w);
      cto_json_writer_member_string (w, "person", assignment->person);
      cto_json_writer_member_number (w, "share", assignment->share);
      cto_json_writer_member_boolean (w, "accountable", assignment->accountable);
      cto_json_writer_end_object (w);
    }
  cto_json_writer_end_array (w);
}

static void
write_ids (CtoJsonWriter *w,
           const char    *name,
           GPtrArray     *items,
           gboolean       people)
{
  cto_json_writer_member (w, name);
  cto_json_writer_begin_array (w);
  for (guint i = 0; i < items->len; i++)
    cto_json_writer_string (w, people ? cto_person_get_id (g_ptr_array_index (items, i))
                                      : cto_responsibility_get_id (g_ptr_array_index (items, i)));
  cto_json_writer_end_array (w);
}

static void
write_section (CtoJsonWriter *w,
               const char    *name,
               GPtrArray     *added,
               GPtrArray     *removed,
               GPtrArray     *changed,
               gboolean       people)
{
  cto_json_writer_member (w, name);
  cto_json_writer_begin_object (w);
  write_ids (w, "added", added, people);
  write_ids (w, "removed", removed, people);

  cto_json_writer_member (w, "changed");
  cto_json_writer_begin_array (w);
  for (guint i = 0; i < changed->len; i++)
    {
      const CtoDiffChange *change = g_ptr_array_index (changed, i);

      cto_json_writer_begin_object (w);
      cto_json_writer_member_string (w, "id", change->id);
      cto_json_writer_member (w, "fields");
      cto_json_writer_begin_object (w);
      for (guint j = 0; j < change->fields->len; j++)
        {
          const CtoDiffField *field = &g_array_index (change->fields, CtoDiffField, j);

          cto_json_writer_member (w, field->field);
          cto_json_writer_begin_array (w);
          write_value (w, &field->before);
          write_value (w, &field->after);
          cto_json_writer_end_array (w);
        }
      cto_json_writer_end_object (w);

      if (change->assignees_changed)
        {
          cto_json_writer_member (w, "assignees");
          cto_json_writer_begin_array (w);
          write_assignees (w, change->before);
          write_assignees (w, change->after);
          cto_json_writer_end_array (w);
        }
      cto_json_writer_end_object (w);
    }
  cto_json_writer_end_array (w);
  cto_json_writer_end_object (w);
}

static void
write_state (CtoJsonWriter           *w,
             const char              *name,
             const CtoFunctionReport *report)
{
  cto_json_writer_member (w, name);
  cto_json_writer_begin_object (w);
  cto_json_writer_member_string (w, "status", cto_coverage_get_id (report->status));
  cto_json_writer_member_number (w, "bus_factor", report->bus_factor);
  cto_json_writer_member_number (w, "gap_hours", report->gap_hours);
  cto_json_writer_member_boolean (w, "overloaded", report->overloaded);
  cto_json_writer_end_object (w);
}

/**
 * cto_report_diff_write_members:
 * @w: a writer inside an open object
 * @diff: the comparison to write
 *
 * Writes "people", "responsibilities" and "functions" of PLAN-FORMAT.md
 * section 7 into the object open in @w.
 */
void
cto_report_diff_write_members (CtoJsonWriter *w,
                               CtoPlanDiff   *diff)
{
  g_return_if_fail (w != NULL);
  g_return_if_fail (CTO_IS_PLAN_DIFF (diff));

  write_section (w, "people",
                 cto_plan_diff_get_added_people (diff),
                 cto_plan_diff_get_removed_people (diff),
                 cto_plan_diff_get_changed_people (diff), TRUE);
  write_section (w, "responsibilities",
                 cto_plan_diff_get_added_responsibilities (diff),
                 cto_plan_diff_get_removed_responsibilities (diff),
                 cto_plan_diff_get_changed_responsibilities (diff), FALSE);

  cto_json_writer_member (w, "functions");
  cto_json_writer_begin_array (w);
  for (guint f = 0; f < CTO_N_FUNCTIONS; f++)
    {
      cto_json_writer_begin_object (w);
      cto_json_writer_member_string (w, "id", cto_function_get_id ((CtoFunction) f));
      write_state (w, "before", cto_analysis_get_function (cto_plan_diff_get_old_analysis (diff), (CtoFunction) f));
      write_state (w, "after", cto_analysis_get_function (cto_plan_diff_get_new_analysis (diff), (CtoFunction) f));
      cto_json_writer_end_object (w);
    }
  cto_json_writer_end_array (w);
}

/**
 * cto_report_diff_json:
 *
 * Returns: (transfer full): the `--diff --json` text
 */
char *
cto_report_diff_json (CtoPlanDiff *diff)
{
  CtoJsonWriter *w;

  g_return_val_if_fail (CTO_IS_PLAN_DIFF (diff), NULL);

  w = cto_json_writer_new ();
  cto_json_writer_begin_object (w);
  cto_report_diff_write_members (w, diff);
  cto_json_writer_end_object (w);

  return cto_json_writer_finish (w);
}

/* Words --------------------------------------------------------------------- */

static const struct {
  const char *field;
  const char *name;
} field_names[] = {
  { "name", N_("Name") },
  { "role", N_("Role") },
  { "capacity", N_("Capacity") },
  { "reports_to", N_("Reports to") },
  { "open_role", N_("Open role") },
  { "start", N_("Starts") },
  { "end", N_("Leaves") },
  { "title", N_("Title") },
  { "function", N_("Function") },
  { "effort", N_("Effort") },
  { "description", N_("Description") },
};

const char *
cto_report_diff_field_name (const char *field)
{
  g_return_val_if_fail (field != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (field_names); i++)
    if (strcmp (field_names[i].field, field) == 0)
      return _(field_names[i].name);

  return field;
}

/* Decimals: two, as every figure people read has (PLAN-FORMAT.md, section
 * 4), or the fewest past two that tell two sides apart. */
#define DECIMALS 2
#define MAX_DECIMALS 15

typedef char *(*DescribeFunc) (CtoPlan    *plan,
                               gconstpointer value,
                               gconstpointer data,
                               guint       decimals);

/* Each side in words, with more decimals only while the two read the same
 * but are not. */
static void
describe_apart (DescribeFunc   describe,
                CtoPlan       *old_plan,
                gconstpointer  old_value,
                CtoPlan       *new_plan,
                gconstpointer  new_value,
                gconstpointer  data,
                char         **before,
                char         **after)
{
  for (guint decimals = DECIMALS; ; decimals++)
    {
      *before = describe (old_plan, old_value, data, decimals);
      *after = describe (new_plan, new_value, data, decimals);
      if (decimals == MAX_DECIMALS || strcmp (*before, *after) != 0)
        return;
      g_free (*before);
      g_free (*after);
    }
}

static char *
hours (double value,
       guint  decimals)
{
  g_autofree char *number = cto_report_format_number (value, decimals);

  /* Translators: hours per week, "12 h" */
  return g_strdup_printf (_("%s h"), number);
}

/* A day as plans write it ("2027-01-03") in words: "3 January 2027". */
static char *
describe_date (const char *text)
{
  GDate date;

  if (!cto_date_parse (text, &date))
    return g_strdup (text);

  return cto_date_format_long (&date);
}

/* @value of @field, from @plan, which names the people it holds. */
static char *
describe_value (CtoPlan       *plan,
                gconstpointer  value_pointer,
                gconstpointer  field_pointer,
                guint          decimals)
{
  const CtoDiffValue *value = value_pointer;
  const CtoDiffField *field = field_pointer;

  switch (value->type)
    {
    case CTO_DIFF_VALUE_NULL:
      if (strcmp (field->field, "reports_to") == 0)
        /* Translators: the manager of a person who reports to nobody,
         * as in "Reports to: no one → Mia Okafor" */
        return g_strdup (_("no one"));
      /* Translators: no date set */
      return g_strdup (_("no date"));

    case CTO_DIFF_VALUE_STRING:
      if (strcmp (field->field, "function") == 0)
        {
          CtoFunction function;

          if (cto_function_from_id (value->string, &function))
            return g_strdup (cto_function_get_name (function));
        }
      if (strcmp (field->field, "reports_to") == 0)
        return g_strdup (_cto_report_person_name (plan, value->string));
      if (strcmp (field->field, "start") == 0 || strcmp (field->field, "end") == 0)
        return describe_date (value->string);
      if (*value->string == '\0')
        /* Translators: an empty text */
        return g_strdup (_("empty"));
      /* Translators: a text value quoted in a sentence */
      return g_strdup_printf (_("“%s”"), value->string);

    case CTO_DIFF_VALUE_NUMBER:
      return hours (value->number, decimals);

    case CTO_DIFF_VALUE_BOOLEAN:
      return g_strdup (value->boolean ? _("yes") : _("no"));

    default:
      g_assert_not_reached ();
    }
}

/* Each assignee with their share itself and mark: the words for two
 * sides that their parts would not tell apart. */
static char *
describe_shares (CtoPlan       *plan,
                 gconstpointer  responsibility_pointer,
                 gconstpointer  data,
                 guint          decimals)
{
  CtoResponsibility *responsibility = (CtoResponsibility *) responsibility_pointer;
  guint n = cto_responsibility_get_n_assignees (responsibility);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      const CtoAssignment *assignment = cto_responsibility_get_assignee (responsibility, i);
      const char *name = _cto_report_person_name (plan, assignment->person);
      g_autofree char *share = cto_report_format_number (assignment->share, decimals);

      if (i > 0)
        /* Translators: between the names of a list */
        g_string_append (out, _(", "));
      if (assignment->accountable)
        /* Translators: an assignee, their share and mark: "Bo Lin (share 2, accountable)" */
        g_string_append_printf (out, _("%s (share %s, accountable)"), name, share);
      else
        /* Translators: an assignee and their share: "Bo Lin (share 2)" */
        g_string_append_printf (out, _("%s (share %s)"), name, share);
    }

  return g_string_free (out, FALSE);
}

void
cto_report_diff_describe_field (CtoPlan             *old_plan,
                                CtoPlan             *new_plan,
                                const CtoDiffField  *field,
                                char               **before,
                                char               **after)
{
  g_return_if_fail (CTO_IS_PLAN (old_plan));
  g_return_if_fail (CTO_IS_PLAN (new_plan));
  g_return_if_fail (field != NULL);
  g_return_if_fail (before != NULL && after != NULL);

  describe_apart (describe_value, old_plan, &field->before, new_plan, &field->after, field,
                  before, after);
}

static char *
describe_carriers (CtoPlan           *plan,
                   CtoResponsibility *responsibility)
{
  if (cto_responsibility_get_n_assignees (responsibility) == 0)
    /* Translators: a responsibility no one carries */
    return g_strdup (_("nobody"));

  return _cto_report_describe_assignees (plan, responsibility, FALSE);
}

void
cto_report_diff_describe_carriers (CtoPlan              *old_plan,
                                   CtoPlan              *new_plan,
                                   const CtoDiffChange  *change,
                                   char                **before,
                                   char                **after)
{
  g_return_if_fail (CTO_IS_PLAN (old_plan));
  g_return_if_fail (CTO_IS_PLAN (new_plan));
  g_return_if_fail (change != NULL);
  g_return_if_fail (before != NULL && after != NULL);

  *before = describe_carriers (old_plan, change->before);
  *after = describe_carriers (new_plan, change->after);
  if (g_strcmp0 (*before, *after) == 0)
    {
      g_free (*before);
      g_free (*after);
      describe_apart (describe_shares, old_plan, change->before, new_plan, change->after, NULL,
                      before, after);
    }
}

/* Text ---------------------------------------------------------------------- */

static void
append_item (GString    *out,
             const char *kind,
             const char *name,
             const char *id)
{
  g_autofree char *safe_name = _cto_report_terminal_escape (name);
  g_autofree char *safe_id = _cto_report_terminal_escape (id);

  /* Translators: "  Added: Eve Ito (hire-2)" */
  g_string_append_printf (out, _("  %s: %s (%s)\n"), kind, safe_name, safe_id);
}

static void
append_fields (GString             *out,
               const CtoDiffChange *change,
               CtoPlan             *old_plan,
               CtoPlan             *new_plan)
{
  for (guint j = 0; j < change->fields->len; j++)
    {
      const CtoDiffField *field = &g_array_index (change->fields, CtoDiffField, j);
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      g_autofree char *safe_before = NULL;
      g_autofree char *safe_after = NULL;

      cto_report_diff_describe_field (old_plan, new_plan, field, &before, &after);
      safe_before = _cto_report_terminal_escape (before);
      safe_after = _cto_report_terminal_escape (after);

      /* Translators: a changed member, "Capacity: 40 h → 32 h" */
      g_string_append_printf (out, _("      %s: %s → %s\n"),
                              cto_report_diff_field_name (field->field), safe_before, safe_after);
    }

  if (change->assignees_changed)
    {
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      g_autofree char *safe_before = NULL;
      g_autofree char *safe_after = NULL;

      cto_report_diff_describe_carriers (old_plan, new_plan, change, &before, &after);
      safe_before = _cto_report_terminal_escape (before);
      safe_after = _cto_report_terminal_escape (after);

      g_string_append_printf (out, _("      %s: %s → %s\n"), _("Carried by"), safe_before, safe_after);
    }
}

static void
append_section (GString   *out,
                CtoPlan   *old_plan,
                CtoPlan   *new_plan,
                GPtrArray *added,
                GPtrArray *removed,
                GPtrArray *changed,
                gboolean   people)
{
  if (added->len == 0 && removed->len == 0 && changed->len == 0)
    {
      g_string_append_printf (out, "  %s\n", _("No changes."));
      return;
    }

  for (guint i = 0; i < added->len; i++)
    {
      gpointer item = g_ptr_array_index (added, i);

      append_item (out, _("Added"),
                   people ? cto_person_get_name (item) : cto_responsibility_get_title (item),
                   people ? cto_person_get_id (item) : cto_responsibility_get_id (item));
    }
  for (guint i = 0; i < removed->len; i++)
    {
      gpointer item = g_ptr_array_index (removed, i);

      append_item (out, _("Removed"),
                   people ? cto_person_get_name (item) : cto_responsibility_get_title (item),
                   people ? cto_person_get_id (item) : cto_responsibility_get_id (item));
    }
  for (guint i = 0; i < changed->len; i++)
    {
      const CtoDiffChange *change = g_ptr_array_index (changed, i);

      append_item (out, _("Changed"),
                   people ? cto_person_get_name (change->after)
                          : cto_responsibility_get_title (change->after),
                   change->id);
      append_fields (out, change, old_plan, new_plan);
    }
}

static char *
state_text (const CtoFunctionReport *report)
{
  g_autofree char *gap = hours (report->gap_hours, DECIMALS);

  if (report->overloaded)
    /* Translators: a function's state: status, bus factor, hiring gap, overload */
    return g_strdup_printf (_("%s, bus factor %u, gap %s, overloaded"),
                            cto_coverage_get_name (report->status), report->bus_factor, gap);

  return g_strdup_printf (_("%s, bus factor %u, gap %s"),
                          cto_coverage_get_name (report->status), report->bus_factor, gap);
}

/**
 * cto_report_diff_text:
 *
 * Returns: (transfer full): what was added, removed and changed, and how
 * each function fares before and after, in words.
 */
char *
cto_report_diff_text (CtoPlanDiff *diff,
                      const char  *old_name,
                      const char  *new_name)
{
  CtoPlan *old_plan;
  CtoPlan *new_plan;
  GString *out;
  g_autofree char *heading = NULL;
  g_autofree char *safe_old = NULL;
  g_autofree char *safe_new = NULL;

  g_return_val_if_fail (CTO_IS_PLAN_DIFF (diff), NULL);

  old_plan = cto_plan_diff_get_old_plan (diff);
  new_plan = cto_plan_diff_get_new_plan (diff);
  safe_old = _cto_report_terminal_escape (old_name != NULL ? old_name : cto_plan_get_title (old_plan));
  safe_new = _cto_report_terminal_escape (new_name != NULL ? new_name : cto_plan_get_title (new_plan));

  out = g_string_new (NULL);
  /* Translators: "Changes from old.json to new.json" */
  heading = g_strdup_printf (_("Changes from %s to %s"), safe_old, safe_new);
  _cto_report_terminal_heading (out, heading, '=');
  if (cto_plan_diff_is_empty (diff))
    g_string_append_printf (out, "%s\n", _("The two plans have the same people and responsibilities."));
  g_string_append_c (out, '\n');

  _cto_report_terminal_heading (out, _("People"), '-');
  append_section (out, old_plan, new_plan,
                  cto_plan_diff_get_added_people (diff),
                  cto_plan_diff_get_removed_people (diff),
                  cto_plan_diff_get_changed_people (diff), TRUE);
  g_string_append_c (out, '\n');

  _cto_report_terminal_heading (out, _("Responsibilities"), '-');
  append_section (out, old_plan, new_plan,
                  cto_plan_diff_get_added_responsibilities (diff),
                  cto_plan_diff_get_removed_responsibilities (diff),
                  cto_plan_diff_get_changed_responsibilities (diff), FALSE);
  g_string_append_c (out, '\n');

  _cto_report_terminal_heading (out, _("Functions"), '-');
  for (guint f = 0; f < CTO_N_FUNCTIONS; f++)
    {
      const CtoFunctionReport *before =
        cto_analysis_get_function (cto_plan_diff_get_old_analysis (diff), (CtoFunction) f);
      const CtoFunctionReport *after =
        cto_analysis_get_function (cto_plan_diff_get_new_analysis (diff), (CtoFunction) f);
      g_autofree char *before_text = state_text (before);
      g_autofree char *after_text = state_text (after);

      if (cto_plan_diff_function_changed (diff, (CtoFunction) f))
        /* Translators: "Planning: Partly covered, … → Covered, …" */
        g_string_append_printf (out, _("  %s: %s → %s\n"),
                                cto_function_get_name ((CtoFunction) f), before_text, after_text);
      else
        /* Translators: "Planning: unchanged (Covered, …)" */
        g_string_append_printf (out, _("  %s: unchanged (%s)\n"),
                                cto_function_get_name ((CtoFunction) f), after_text);
    }

  return g_string_free (out, FALSE);
}
