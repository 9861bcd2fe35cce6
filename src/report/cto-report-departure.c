/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-report-departure"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cto-report-decide-private.h"
#include "cto-report-departure.h"
#include "cto-report-format.h"
#include "cto-report-summary.h"

/* A list in a line names this many and counts the rest. */
#define MAX_NAMES 12

static void
write_ids (CtoJsonWriter *w,
           const char    *name,
           GPtrArray     *responsibilities)
{
  cto_json_writer_member (w, name);
  cto_json_writer_begin_array (w);
  for (guint i = 0; i < responsibilities->len; i++)
    cto_json_writer_string (w, cto_responsibility_get_id (g_ptr_array_index (responsibilities, i)));
  cto_json_writer_end_array (w);
}

/**
 * cto_report_departure_write_member:
 *
 * Writes the member "without" of PLAN-FORMAT.md section 5.1 into the object
 * open in @w.
 */
void
cto_report_departure_write_member (CtoJsonWriter *w,
                                   CtoDeparture  *departure)
{
  CtoPerson *person;

  g_return_if_fail (w != NULL);
  g_return_if_fail (CTO_IS_DEPARTURE (departure));

  person = cto_departure_get_person (departure);

  cto_json_writer_member (w, "without");
  cto_json_writer_begin_object (w);
  cto_json_writer_member_string (w, "person", cto_person_get_id (person));
  cto_json_writer_member_string (w, "name", cto_person_get_name (person));
  cto_json_writer_member_number (w, "hours", cto_departure_get_hours (departure));
  write_ids (w, "left_unassigned", cto_departure_get_left_unassigned (departure));
  write_ids (w, "accountable_lost", cto_departure_get_accountable_lost (departure));

  cto_json_writer_member (w, "functions");
  cto_json_writer_begin_array (w);
  for (guint f = 0; f < CTO_N_FUNCTIONS; f++)
    {
      const CtoDepartureFunction *function = cto_departure_get_function (departure, f);

      cto_json_writer_begin_object (w);
      cto_json_writer_member_string (w, "id", cto_function_get_id (function->function));
      cto_json_writer_member_string (w, "status_before", cto_coverage_get_id (function->status_before));
      cto_json_writer_member_string (w, "status_after", cto_coverage_get_id (function->status_after));
      cto_json_writer_member_number (w, "bus_factor_before", function->bus_factor_before);
      cto_json_writer_member_number (w, "bus_factor_after", function->bus_factor_after);
      cto_json_writer_end_object (w);
    }
  cto_json_writer_end_array (w);
  cto_json_writer_end_object (w);
}

/**
 * cto_report_departure_json:
 *
 * Returns: (transfer full): the analysis of the plan without the person, as
 * JSON, with the member "without".
 */
char *
cto_report_departure_json (CtoDeparture *departure)
{
  CtoJsonWriter *w;

  g_return_val_if_fail (CTO_IS_DEPARTURE (departure), NULL);

  w = cto_json_writer_new ();
  cto_json_writer_begin_object (w);
  cto_report_summary_write_members (w, cto_departure_get_analysis_after (departure));
  cto_report_departure_write_member (w, departure);
  cto_json_writer_end_object (w);

  return cto_json_writer_finish (w);
}

static char *
list_titles (GPtrArray *responsibilities)
{
  g_autoptr(GString) list = g_string_new (NULL);

  if (responsibilities->len == 0)
    /* Translators: an empty list, "Left unassigned: nothing" */
    return g_strdup (C_("list", "nothing"));

  for (guint i = 0; i < MIN (responsibilities->len, MAX_NAMES); i++)
    {
      g_autofree char *title = _cto_report_decide_title (g_ptr_array_index (responsibilities, i), FALSE);

      cto_report_format_append_item (list, title);
    }

  if (responsibilities->len > MAX_NAMES)
    {
      g_autofree char *cut = cto_report_format_more (list->str, responsibilities->len - MAX_NAMES);

      g_string_assign (list, cut);
    }

  return g_string_free (g_steal_pointer (&list), FALSE);
}

static char *
describe_function (const CtoDepartureFunction *function)
{
  const char *name = cto_function_get_name (function->function);
  const char *before = cto_coverage_get_name (function->status_before);
  const char *after = cto_coverage_get_name (function->status_after);

  if (function->status_before == function->status_after &&
      function->bus_factor_before == function->bus_factor_after)
    /* Translators: a function the departure does not change,
     * "Thinker: Covered, bus factor 2 (unchanged)" */
    return g_strdup_printf (_("%s: %s, bus factor %u (unchanged)"), name, before,
                            function->bus_factor_before);

  if (function->status_before == function->status_after)
    /* Translators: "Planning: Covered, bus factor 2 → 1" */
    return g_strdup_printf (_("%s: %s, bus factor %u → %u"), name, before,
                            function->bus_factor_before, function->bus_factor_after);

  /* Translators: "Planning: Covered → Partly covered, bus factor 2 → 1" */
  return g_strdup_printf (_("%s: %s → %s, bus factor %u → %u"), name, before, after,
                          function->bus_factor_before, function->bus_factor_after);
}

/**
 * cto_report_departure_lines:
 *
 * Returns: (transfer full): the departure in words, a heading and then one
 * thing a line, made safe for a terminal.
 */
char **
cto_report_departure_lines (CtoDeparture *departure)
{
  GPtrArray *lines = g_ptr_array_new ();
  g_autofree char *name = NULL;
  g_autofree char *hours = NULL;
  g_autofree char *unassigned = NULL;
  g_autofree char *accountable = NULL;

  g_return_val_if_fail (CTO_IS_DEPARTURE (departure), NULL);

  name = _cto_report_decide_name (cto_departure_get_person (departure), FALSE);
  hours = _cto_report_decide_hours (cto_departure_get_hours (departure));
  unassigned = list_titles (cto_departure_get_left_unassigned (departure));
  accountable = list_titles (cto_departure_get_accountable_lost (departure));

  /* Translators: the heading of what-if, "If Bo Lin leaves" */
  g_ptr_array_add (lines, g_strdup_printf (_("If %s leaves"), name));
  /* Translators: "16 h to pick up" */
  g_ptr_array_add (lines, g_strdup_printf (_("%s to pick up"), hours));
  /* Translators: the responsibilities that nobody else carries */
  g_ptr_array_add (lines, g_strdup_printf (_("Left unassigned: %s"), unassigned));
  /* Translators: the shared responsibilities whose accountable person leaves */
  g_ptr_array_add (lines, g_strdup_printf (_("Accountable lost: %s"), accountable));

  for (guint f = 0; f < CTO_N_FUNCTIONS; f++)
    g_ptr_array_add (lines, describe_function (cto_departure_get_function (departure, f)));

  g_ptr_array_add (lines, NULL);
  return (char **) g_ptr_array_free (lines, FALSE);
}

/**
 * cto_report_departure_text:
 *
 * Returns: (transfer full): the departure in words, then the analysis of the
 * plan without the person, for people to read in a terminal.
 */
char *
cto_report_departure_text (CtoDeparture *departure)
{
  g_auto(GStrv) lines = NULL;
  g_autofree char *summary = NULL;
  GString *out;

  g_return_val_if_fail (CTO_IS_DEPARTURE (departure), NULL);

  lines = cto_report_departure_lines (departure);
  summary = cto_report_summary_text (cto_departure_get_analysis_after (departure));

  out = g_string_new (lines[0]);
  g_string_append_c (out, '\n');
  for (const char *p = lines[0]; *p != '\0'; p = g_utf8_next_char (p))
    g_string_append_c (out, '-');
  g_string_append_c (out, '\n');
  for (guint i = 1; lines[i] != NULL; i++)
    g_string_append_printf (out, "  %s\n", lines[i]);
  g_string_append_c (out, '\n');
  g_string_append (out, summary);

  return g_string_free (out, FALSE);
}
