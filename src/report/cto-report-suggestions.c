/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-report-suggestions"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cto-json-writer.h"
#include "cto-report-decide-private.h"
#include "cto-report-suggestions.h"
#include "cto-report-summary.h"

static void
write_strings (CtoJsonWriter *w,
               const char    *name,
               GPtrArray     *strings)
{
  cto_json_writer_member (w, name);
  cto_json_writer_begin_array (w);
  for (guint i = 0; i < strings->len; i++)
    cto_json_writer_string (w, g_ptr_array_index (strings, i));
  cto_json_writer_end_array (w);
}

/**
 * cto_report_suggestions_json:
 *
 * Returns: (transfer full): the suggestions as `--suggest --json` prints them.
 */
char *
cto_report_suggestions_json (CtoSuggestions *suggestions)
{
  CtoJsonWriter *w;
  guint n;

  g_return_val_if_fail (CTO_IS_SUGGESTIONS (suggestions), NULL);

  w = cto_json_writer_new ();
  cto_json_writer_begin_object (w);

  cto_json_writer_member (w, "suggestions");
  cto_json_writer_begin_array (w);
  n = cto_suggestions_get_n_items (suggestions);
  for (guint i = 0; i < n; i++)
    {
      const CtoSuggestion *suggestion = cto_suggestions_get_nth (suggestions, i);

      cto_json_writer_begin_object (w);
      cto_json_writer_member_string (w, "kind",
                                     suggestion->kind == CTO_SUGGESTION_MOVE ? "move" : "assign");
      cto_json_writer_member_string (w, "responsibility", suggestion->responsibility);
      cto_json_writer_member_string (w, "function", cto_function_get_id (suggestion->function));
      cto_json_writer_member_string (w, "from", suggestion->from);
      cto_json_writer_member_string (w, "to", suggestion->to);
      cto_json_writer_member_number (w, "hours", suggestion->hours);
      cto_json_writer_end_object (w);
    }
  cto_json_writer_end_array (w);

  cto_json_writer_member (w, "unresolved");
  cto_json_writer_begin_object (w);
  write_strings (w, "overloaded", cto_suggestions_get_unresolved_overloaded (suggestions));
  write_strings (w, "unassigned", cto_suggestions_get_unresolved_unassigned (suggestions));
  cto_json_writer_end_object (w);

  cto_json_writer_member (w, "after");
  cto_json_writer_begin_object (w);
  cto_report_summary_write_members (w, cto_suggestions_get_analysis_after (suggestions));
  cto_json_writer_end_object (w);

  cto_json_writer_end_object (w);

  return cto_json_writer_finish (w);
}

/**
 * cto_report_suggestion_describe:
 * @suggestions: the suggestions @suggestion is one of
 *
 * Returns: (transfer full): @suggestion in words.
 */
char *
cto_report_suggestion_describe (CtoSuggestions      *suggestions,
                                const CtoSuggestion *suggestion)
{
  return _cto_report_suggestion_describe_full (suggestions, suggestion, FALSE);
}

char *
_cto_report_suggestion_describe_full (CtoSuggestions      *suggestions,
                                      const CtoSuggestion *suggestion,
                                      gboolean             isolate)
{
  CtoPlan *plan;
  CtoResponsibility *responsibility;
  CtoPerson *to;
  g_autofree char *title = NULL;
  g_autofree char *hours = NULL;
  g_autofree char *to_name = NULL;
  g_autofree char *to_percent = NULL;

  g_return_val_if_fail (CTO_IS_SUGGESTIONS (suggestions), NULL);
  g_return_val_if_fail (suggestion != NULL, NULL);

  /* The plan after has the same people and responsibilities. */
  plan = cto_suggestions_get_plan_after (suggestions);
  responsibility = cto_plan_find_responsibility (plan, suggestion->responsibility);
  to = cto_plan_find_person (plan, suggestion->to);
  g_return_val_if_fail (responsibility != NULL && to != NULL, NULL);

  title = _cto_report_decide_title (responsibility, isolate);
  hours = _cto_report_decide_hours (suggestion->hours);
  to_name = _cto_report_decide_name (to, isolate);
  to_percent = _cto_report_decide_percent (suggestion->to_load, cto_person_get_capacity (to));

  if (suggestion->kind == CTO_SUGGESTION_MOVE)
    {
      CtoPerson *from = cto_plan_find_person (plan, suggestion->from);
      g_autofree char *from_name = NULL;
      g_autofree char *from_percent = NULL;

      g_return_val_if_fail (from != NULL, NULL);
      from_name = _cto_report_decide_name (from, isolate);

      /* Someone with no hours to give keeps no share of them: say what
       * they still carry instead. */
      if (cto_person_get_capacity (from) <= 0 && suggestion->from_load > 0)
        {
          g_autofree char *kept = _cto_report_decide_hours (suggestion->from_load);

          /* Translators: "Move “Run the cloud platform” (8 h) from Eve Ito
           * to Mia Okafor — Eve Ito, with no hours available, still carries
           * 4 h; Mia Okafor rises to 70%" */
          return g_strdup_printf (_("Move %s (%s) from %s to %s — %s, with no hours available, "
                                    "still carries %s; %s rises to %s"),
                                  title, hours, from_name, to_name, from_name, kept,
                                  to_name, to_percent);
        }

      from_percent = _cto_report_decide_percent (suggestion->from_load,
                                                 cto_person_get_capacity (from));

      /* Translators: "Move “Run the cloud platform” (4 h) from Bo Lin to Mia
       * Okafor — Bo Lin drops to 100%, Mia Okafor rises to 70%" */
      return g_strdup_printf (_("Move %s (%s) from %s to %s — %s drops to %s, %s rises to %s"),
                              title, hours, from_name, to_name, from_name, from_percent,
                              to_name, to_percent);
    }

  /* Translators: "Give “Prepare the ISO 27001 certification” (4 h) to Léa
   * Martin — Léa Martin rises to 60%" */
  return g_strdup_printf (_("Give %s (%s) to %s — %s rises to %s"),
                          title, hours, to_name, to_name, to_percent);
}

/**
 * cto_report_suggestions_unresolved:
 *
 * Returns: (transfer full): a sentence for each person still overloaded and
 * each responsibility still unassigned, in plan order.
 */
char **
cto_report_suggestions_unresolved (CtoSuggestions *suggestions)
{
  return _cto_report_suggestions_unresolved_full (suggestions, FALSE);
}

char **
_cto_report_suggestions_unresolved_full (CtoSuggestions *suggestions,
                                         gboolean        isolate)
{
  GPtrArray *lines = g_ptr_array_new ();
  CtoAnalysis *analysis;
  CtoPlan *plan;
  GPtrArray *ids;
  double threshold;
  double hours_per_fte;

  g_return_val_if_fail (CTO_IS_SUGGESTIONS (suggestions), NULL);

  analysis = cto_suggestions_get_analysis_after (suggestions);
  plan = cto_suggestions_get_plan_after (suggestions);
  threshold = cto_plan_get_overload_threshold (plan);
  hours_per_fte = cto_plan_get_hours_per_fte (plan);

  ids = cto_suggestions_get_unresolved_overloaded (suggestions);
  for (guint i = 0; i < ids->len; i++)
    {
      CtoPerson *person = cto_plan_find_person (plan, g_ptr_array_index (ids, i));
      const CtoPersonReport *report = cto_analysis_get_person (analysis, person);
      double excess = report->load - report->capacity * threshold;
      g_autofree char *name = _cto_report_decide_name (person, isolate);
      g_autofree char *hours = _cto_report_decide_hours (excess);
      g_autofree char *fte = _cto_report_decide_number (excess / hours_per_fte);

      /* Work moves whole: others may have those hours free, yet no room
       * for any one responsibility the person carries. */
      /* Translators: "Bo Lin stays 6 h over: no one has room for any of their
       * work — a hire of 0.15 FTE would cover it"; FTE = full-time equivalent */
      g_ptr_array_add (lines,
                       g_strdup_printf (_("%s stays %s over: no one has room for any of their work "
                                          "— a hire of %s FTE would cover it"),
                                        name, hours, fte));
    }

  ids = cto_suggestions_get_unresolved_unassigned (suggestions);
  for (guint i = 0; i < ids->len; i++)
    {
      CtoResponsibility *responsibility = cto_plan_find_responsibility (plan, g_ptr_array_index (ids, i));
      double effort = cto_responsibility_get_effort (responsibility);
      g_autofree char *title = _cto_report_decide_title (responsibility, isolate);
      g_autofree char *hours = _cto_report_decide_hours (effort);
      g_autofree char *fte = _cto_report_decide_number (effort / hours_per_fte);

      if (effort > 0)
        /* Translators: "No one has 4 h free for “ISO 27001” — a hire of 0.1
         * FTE would cover it" */
        g_ptr_array_add (lines,
                             g_strdup_printf (_("No one has %s free for %s — a hire of %s FTE would cover it"),
                                              hours, title, fte));
      else
        /* Translators: an unassigned responsibility nobody can take */
        g_ptr_array_add (lines, g_strdup_printf (_("No one is free to take %s"), title));
    }

  g_ptr_array_add (lines, NULL);
  return (char **) g_ptr_array_free (lines, FALSE);
}

const char *
cto_report_suggestions_none (gboolean unresolved)
{
  if (!unresolved)
    return _("Nothing to rebalance: nobody is overloaded and every responsibility has someone.");

  /* Work moves a responsibility at a time: free hours are not always
   * room for one. */
  return _("No suggestions: no one who could take on work has room for it.");
}

/**
 * cto_report_suggestions_text:
 *
 * Returns: (transfer full): the suggestions and what stays unresolved, for
 * people to read in a terminal.
 */
char *
cto_report_suggestions_text (CtoSuggestions *suggestions)
{
  g_auto(GStrv) unresolved = NULL;
  GString *out;
  guint n;

  g_return_val_if_fail (CTO_IS_SUGGESTIONS (suggestions), NULL);

  out = g_string_new (NULL);
  n = cto_suggestions_get_n_items (suggestions);
  unresolved = cto_report_suggestions_unresolved (suggestions);

  if (n == 0)
    g_string_append (out, cto_report_suggestions_none (unresolved[0] != NULL));
  else
    g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u suggestion:", "%u suggestions:", n), n);
  g_string_append_c (out, '\n');

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *line = cto_report_suggestion_describe (suggestions,
                                                              cto_suggestions_get_nth (suggestions, i));

      g_string_append_printf (out, "  %u. %s\n", i + 1, line);
    }

  if (unresolved[0] != NULL)
    {
      g_string_append_c (out, '\n');
      g_string_append (out, _("Still unresolved:"));
      g_string_append_c (out, '\n');
      for (guint i = 0; unresolved[i] != NULL; i++)
        g_string_append_printf (out, "  %s\n", unresolved[i]);
    }

  return g_string_free (out, FALSE);
}
