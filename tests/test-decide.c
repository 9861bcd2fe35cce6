/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "cto-analysis.h"
#include "cto-departure.h"
#include "cto-history.h"
#include "cto-plan-io.h"
#include "cto-report-departure.h"
#include "cto-report-suggestions.h"
#include "cto-report-summary.h"
#include "cto-suggestions.h"

/* Helping to decide (PLAN-FORMAT.md section 5): the departure of a person
 * and the rebalancing suggestions, against plans worked out by hand and as
 * properties of generated plans. */

#define TOLERANCE 1e-9

static CtoPlan *
load_data (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  CtoPlan *plan = cto_plan_io_load_file (file, NULL, &error);

  g_assert_no_error (error);
  return plan;
}

static CtoPlan *
load_example (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "examples",
                                                 "acme-robotics.ctoplan.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  CtoPlan *plan = cto_plan_io_load_file (file, NULL, &error);

  g_assert_no_error (error);
  return plan;
}

static JsonNode *
parse (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (text, &error);

  g_assert_no_error (error);
  return node;
}

static JsonNode *
parse_data (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return parse (text);
}

static void
assert_json_equal (JsonNode *actual,
                   JsonNode *expected)
{
  if (!json_node_equal (actual, expected))
    {
      g_autofree char *a = json_to_string (actual, TRUE);
      g_autofree char *e = json_to_string (expected, TRUE);

      g_test_message ("got:\n%s\nexpected:\n%s", a, e);
      g_assert_not_reached ();
    }
}

static char *
summary_json (CtoPlan *plan)
{
  g_autoptr(CtoAnalysis) analysis = cto_analysis_new (plan);

  return cto_report_summary_json (analysis);
}

/* The plan edited by hand as the window does it: each suggestion an edit. */
static void
apply_by_hand (CtoPlan  *plan,
               JsonArray *suggestions)
{
  for (guint i = 0; i < json_array_get_length (suggestions); i++)
    {
      JsonObject *s = json_array_get_object_element (suggestions, i);
      CtoResponsibility *r = cto_plan_find_responsibility (plan, json_object_get_string_member (s, "responsibility"));
      CtoPerson *to = cto_plan_find_person (plan, json_object_get_string_member (s, "to"));

      if (g_str_equal (json_object_get_string_member (s, "kind"), "move"))
        g_assert_true (cto_plan_move_assignment (plan, r,
                                                 cto_plan_find_person (plan, json_object_get_string_member (s, "from")),
                                                 to));
      else
        g_assert_true (cto_plan_assign (plan, r, to, 1));
    }
}

static void
test_suggest_hand (gconstpointer data)
{
  const char *name = data;
  g_autofree char *plan_name = g_strdup_printf ("suggest-%s.json", name);
  g_autofree char *expected_name = g_strdup_printf ("suggest-%s.expected.json", name);
  g_autoptr(CtoPlan) plan = load_data (plan_name);
  g_autofree char *before = cto_plan_io_to_data (plan, NULL);
  g_autofree char *after = NULL;
  g_autoptr(CtoSuggestions) suggestions = cto_suggestions_new (plan);
  g_autofree char *text = cto_report_suggestions_json (suggestions);
  g_autoptr(JsonNode) actual = parse (text);
  g_autoptr(JsonNode) expected = parse_data (expected_name);
  JsonObject *a = json_node_get_object (actual);
  JsonObject *e = json_node_get_object (expected);
  g_autoptr(CtoPlan) by_hand = NULL;
  g_autofree char *by_hand_summary = NULL;
  g_autoptr(JsonNode) by_hand_node = NULL;

  assert_json_equal (json_object_get_member (a, "suggestions"), json_object_get_member (e, "suggestions"));
  assert_json_equal (json_object_get_member (a, "unresolved"), json_object_get_member (e, "unresolved"));

  /* "after" is the analysis of the plan with the suggestions made by hand. */
  by_hand = cto_plan_copy (plan);
  apply_by_hand (by_hand, json_object_get_array_member (e, "suggestions"));
  by_hand_summary = summary_json (by_hand);
  by_hand_node = parse (by_hand_summary);
  assert_json_equal (json_object_get_member (a, "after"), by_hand_node);

  /* The plan asked about is never touched. */
  after = cto_plan_io_to_data (plan, NULL);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (cto_history_get_can_undo (cto_plan_get_history (plan)));
}

static void
test_departure_hand (void)
{
  g_autoptr(CtoPlan) plan = load_data ("departure-basic.json");
  g_autoptr(CtoDeparture) departure = cto_departure_new (plan, "bo");
  g_autofree char *text = cto_report_departure_json (departure);
  g_autoptr(JsonNode) actual = parse (text);
  g_autoptr(JsonNode) expected = parse_data ("departure-basic.expected.json");

  assert_json_equal (json_object_get_member (json_node_get_object (actual), "without"), expected);
  g_assert_null (cto_departure_new (plan, "nobody"));

  /* An open role in their seat keeps their work, and their reports. */
  {
    g_autoptr(CtoAnalysis) analysis = cto_analysis_new (plan);
    CtoPerson *bo = cto_plan_find_person (plan, "bo");

    g_assert_true (cto_departure_make_open_role (plan, "bo"));
    g_assert_true (cto_person_get_open_role (bo));
    g_assert_cmpstr (cto_person_get_name (bo), ==, "Successor to Bo");
    g_assert_cmpfloat (cto_analysis_get_person (analysis, bo)->load, ==, 9.5);
    g_assert_cmpstr (cto_person_get_reports_to (cto_plan_find_person (plan, "cy")), ==, "bo");
    g_assert_cmpuint (cto_analysis_get_function (analysis, CTO_FUNCTION_INFRASTRUCTURE)->bus_factor, ==, 1);
    cto_history_undo (cto_plan_get_history (plan));
    g_assert_false (cto_person_get_open_role (bo));
    g_assert_false (cto_history_get_can_undo (cto_plan_get_history (plan)));
  }
}

/* What a person leaving means, edited by hand: reports go up the line, then
 * the person is removed with everything they carried. */
static CtoPlan *
remove_by_hand (CtoPlan    *plan,
                const char *id)
{
  CtoPlan *copy = cto_plan_copy (plan);
  CtoPerson *leaving = cto_plan_find_person (copy, id);
  CtoPerson *manager = cto_plan_find_person (copy, cto_person_get_reports_to (leaving));
  GListModel *people = cto_plan_get_people (copy);

  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(CtoPerson) person = g_list_model_get_item (people, i);

      if (g_strcmp0 (cto_person_get_reports_to (person), id) == 0)
        g_assert_true (cto_plan_set_reports_to (copy, person, manager, NULL));
    }
  cto_plan_remove_person (copy, leaving);

  return copy;
}

static void
check_departure (CtoPlan    *plan,
                 const char *id)
{
  g_autoptr(CtoDeparture) departure = cto_departure_new (plan, id);
  g_autoptr(CtoPlan) by_hand = remove_by_hand (plan, id);
  g_autoptr(CtoAnalysis) before = cto_analysis_new (plan);
  g_autofree char *expected_plan = cto_plan_io_to_data (by_hand, NULL);
  g_autofree char *actual_plan = cto_plan_io_to_data (cto_departure_get_plan_after (departure), NULL);
  g_autofree char *expected_summary = summary_json (by_hand);
  g_autofree char *actual_summary = cto_report_summary_json (cto_departure_get_analysis_after (departure));
  CtoPerson *person = cto_plan_find_person (plan, id);
  GListModel *responsibilities = cto_plan_get_responsibilities (plan);
  GPtrArray *unassigned = cto_departure_get_left_unassigned (departure);
  GPtrArray *lost = cto_departure_get_accountable_lost (departure);
  guint n_unassigned = 0;
  guint n_lost = 0;

  g_assert_cmpstr (actual_plan, ==, expected_plan);
  g_assert_cmpstr (actual_summary, ==, expected_summary);

  /* Made real, the departure is the plan the what-if showed, in one step
   * that undo takes back. */
  {
    g_autoptr(CtoPlan) real = cto_plan_copy (plan);
    g_autofree char *original = cto_plan_io_to_data (real, NULL);
    g_autofree char *removed = NULL;
    g_autofree char *undone = NULL;

    g_assert_true (cto_departure_remove_person (real, id));
    removed = cto_plan_io_to_data (real, NULL);
    g_assert_cmpstr (removed, ==, expected_plan);
    cto_history_undo (cto_plan_get_history (real));
    g_assert_false (cto_history_get_can_undo (cto_plan_get_history (real)));
    undone = cto_plan_io_to_data (real, NULL);
    g_assert_cmpstr (undone, ==, original);
  }

  /* And with the suggestions for the plan without them applied: the plan
   * the suggestions give, in one step too. */
  {
    g_autoptr(CtoPlan) real = cto_plan_copy (plan);
    g_autoptr(CtoSuggestions) suggestions = cto_suggestions_new (cto_departure_get_plan_after (departure));
    g_autofree char *original = cto_plan_io_to_data (real, NULL);
    g_autofree char *expected = cto_plan_io_to_data (cto_suggestions_get_plan_after (suggestions), NULL);
    g_autofree char *applied = NULL;
    g_autofree char *undone = NULL;

    g_assert_cmpint (cto_departure_remove_and_apply (real, "nobody-by-this-id", suggestions, NULL), ==, -1);
    g_assert_false (cto_history_get_can_undo (cto_plan_get_history (real)));
    g_assert_cmpint (cto_departure_remove_and_apply (real, id, suggestions, NULL), ==,
                     (int) cto_suggestions_get_n_items (suggestions));
    applied = cto_plan_io_to_data (real, NULL);
    g_assert_cmpstr (applied, ==, expected);
    cto_history_undo (cto_plan_get_history (real));
    g_assert_false (cto_history_get_can_undo (cto_plan_get_history (real)));
    undone = cto_plan_io_to_data (real, NULL);
    g_assert_cmpstr (undone, ==, original);
  }
  g_assert_cmpfloat (cto_departure_get_hours (departure), ==, cto_analysis_get_person (before, person)->load);

  for (guint i = 0; i < g_list_model_get_n_items (responsibilities); i++)
    {
      g_autoptr(CtoResponsibility) r = g_list_model_get_item (responsibilities, i);
      const CtoAssignment *a = cto_responsibility_find_assignee (r, id, NULL);
      CtoResponsibility *after = cto_plan_find_responsibility (cto_departure_get_plan_after (departure),
                                                               cto_responsibility_get_id (r));

      if (a == NULL)
        continue;
      if (cto_responsibility_get_n_assignees (after) == 0)
        g_assert_true (g_ptr_array_index (unassigned, n_unassigned++) == r);
      else if (a->accountable)
        {
          g_assert_true (g_ptr_array_index (lost, n_lost++) == r);
          g_assert_null (cto_responsibility_get_accountable (after));
        }
    }
  g_assert_cmpuint (n_unassigned, ==, unassigned->len);
  g_assert_cmpuint (n_lost, ==, lost->len);

  for (guint f = 0; f < CTO_N_FUNCTIONS; f++)
    {
      const CtoDepartureFunction *function = cto_departure_get_function (departure, f);
      g_autoptr(CtoAnalysis) after = cto_analysis_new (by_hand);

      g_assert_cmpint (function->status_before, ==, cto_analysis_get_function (before, f)->status);
      g_assert_cmpint (function->status_after, ==, cto_analysis_get_function (after, f)->status);
      g_assert_cmpuint (function->bus_factor_before, ==, cto_analysis_get_function (before, f)->bus_factor);
      g_assert_cmpuint (function->bus_factor_after, ==, cto_analysis_get_function (after, f)->bus_factor);
    }
}

static void
test_departure_example (void)
{
  g_autoptr(CtoPlan) plan = load_example ();
  g_autofree char *before = cto_plan_io_to_data (plan, NULL);
  g_autofree char *after = NULL;
  GListModel *people = cto_plan_get_people (plan);

  g_assert_cmpuint (g_list_model_get_n_items (people), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(CtoPerson) person = g_list_model_get_item (people, i);

      check_departure (plan, cto_person_get_id (person));
    }

  after = cto_plan_io_to_data (plan, NULL);
  g_assert_cmpstr (before, ==, after);
}

/* Generated plans ------------------------------------------------------------ */

static CtoPlan *
random_plan (GRand *rand)
{
  static const double capacities[] = { 0, 5, 8, 10, 16, 20, 32, 40 };
  static const double efforts[] = { 0, 0.5, 1, 2, 3, 4, 6, 8, 12.25 };
  static const double shares[] = { 0.1, 0.2, 0.5, 1, 1, 2, 3 };
  static const double thresholds[] = { 0.8, 1.0, 1.0, 1.2 };
  CtoPlan *plan = cto_plan_new ();
  guint n_people = g_rand_int_range (rand, 1, 9);
  guint n_responsibilities = g_rand_int_range (rand, 0, 20);
  g_autoptr(GPtrArray) people = g_ptr_array_new ();

  cto_plan_set_overload_threshold (plan, thresholds[g_rand_int_range (rand, 0, G_N_ELEMENTS (thresholds))]);
  for (guint i = 0; i < n_people; i++)
    {
      g_autofree char *id = g_strdup_printf ("p%u", i);
      g_autoptr(CtoPerson) person =
        cto_person_new (id, id, "", capacities[g_rand_int_range (rand, 0, G_N_ELEMENTS (capacities))],
                        g_rand_int_range (rand, 0, 6) == 0);

      cto_plan_insert_person (plan, G_MAXUINT, person);
      if (i > 0 && g_rand_boolean (rand))
        cto_plan_set_reports_to (plan, person, g_ptr_array_index (people, g_rand_int_range (rand, 0, i)), NULL);
      g_ptr_array_add (people, person);
    }

  for (guint i = 0; i < n_responsibilities; i++)
    {
      g_autofree char *id = g_strdup_printf ("r%u", i);
      g_autoptr(CtoResponsibility) r =
        cto_responsibility_new (id, id, g_rand_int_range (rand, 0, CTO_N_FUNCTIONS),
                                efforts[g_rand_int_range (rand, 0, G_N_ELEMENTS (efforts))], "");
      guint n_assignees = g_rand_int_range (rand, 0, 4);

      cto_plan_insert_responsibility (plan, G_MAXUINT, r);
      for (guint a = 0; a < n_assignees; a++)
        {
          CtoPerson *person = g_ptr_array_index (people, g_rand_int_range (rand, 0, n_people));

          cto_plan_assign (plan, r, person, shares[g_rand_int_range (rand, 0, G_N_ELEMENTS (shares))]);
          if (g_rand_int_range (rand, 0, 3) == 0)
            cto_plan_set_accountable (plan, r, person);
        }
    }

  cto_history_clear (cto_plan_get_history (plan));
  return plan;
}

static double
excess (CtoAnalysis *analysis,
        CtoPerson   *person)
{
  const CtoPersonReport *report = cto_analysis_get_person (analysis, person);

  return report->load - report->capacity * cto_plan_get_overload_threshold (cto_analysis_get_plan (analysis));
}

/* Replays the suggestions one at a time on a copy, checking each. */
static void
check_suggestions (CtoPlan *plan)
{
  g_autofree char *before = cto_plan_io_to_data (plan, NULL);
  g_autofree char *unchanged = NULL;
  g_autoptr(CtoSuggestions) suggestions = cto_suggestions_new (plan);
  g_autoptr(CtoPlan) replay = cto_plan_copy (plan);
  g_autoptr(CtoAnalysis) analysis = cto_analysis_new (replay);
  g_autoptr(CtoAnalysis) original = cto_analysis_new (plan);
  g_autofree char *replayed = NULL;
  g_autofree char *after = NULL;
  guint n = cto_suggestions_get_n_items (suggestions);
  guint n_assignments = 0;
  GListModel *responsibilities = cto_plan_get_responsibilities (plan);
  GPtrArray *overloaded;

  for (guint i = 0; i < g_list_model_get_n_items (responsibilities); i++)
    {
      g_autoptr(CtoResponsibility) r = g_list_model_get_item (responsibilities, i);

      n_assignments += MAX (cto_responsibility_get_n_assignees (r), 1);
    }
  /* Each assignment moves at most once, each unassigned one is given once. */
  g_assert_cmpuint (n, <=, n_assignments);

  for (guint i = 0; i < n; i++)
    {
      const CtoSuggestion *s = cto_suggestions_get_nth (suggestions, i);
      CtoResponsibility *r = cto_plan_find_responsibility (replay, s->responsibility);
      CtoPerson *to = cto_plan_find_person (replay, s->to);
      CtoPerson *from = s->from ? cto_plan_find_person (replay, s->from) : NULL;
      double from_excess = 0;

      g_assert_nonnull (r);
      g_assert_nonnull (to);
      g_assert_false (cto_person_get_open_role (to));
      g_assert_null (cto_responsibility_find_assignee (r, s->to, NULL));
      g_assert_cmpint (s->function, ==, cto_responsibility_get_function (r));

      if (s->kind == CTO_SUGGESTION_MOVE)
        {
          g_assert_nonnull (from);
          g_assert_true (cto_analysis_get_person (analysis, from)->overloaded);
          g_assert_cmpfloat (s->hours, >, 0);
          g_assert_cmpfloat_with_epsilon (s->hours, cto_analysis_get_person_hours (analysis, r, s->from), 1e-12);
          from_excess = excess (analysis, from);
          g_assert_true (cto_suggestion_apply (s, replay));
          /* Each move lowers its person's excess. */
          g_assert_cmpfloat (excess (analysis, from), <, from_excess);
        }
      else
        {
          g_assert_null (from);
          g_assert_cmpuint (cto_responsibility_get_n_assignees (r), ==, 0);
          g_assert_cmpfloat (s->hours, ==, cto_responsibility_get_effort (r));
          g_assert_true (cto_suggestion_apply (s, replay));
        }

      /* No suggestion overloads anyone. */
      g_assert_false (cto_analysis_get_person (analysis, to)->overloaded);
      g_assert_cmpfloat_with_epsilon (cto_analysis_get_person (analysis, to)->load, s->to_load, 1e-9);
    }

  replayed = cto_plan_io_to_data (replay, NULL);
  after = cto_plan_io_to_data (cto_suggestions_get_plan_after (suggestions), NULL);
  g_assert_cmpstr (replayed, ==, after);

  /* Nobody who was fine is overloaded now; the unresolved are the overloaded. */
  overloaded = cto_suggestions_get_unresolved_overloaded (suggestions);
  for (guint i = 0, k = 0; i < cto_analysis_get_n_people (analysis); i++)
    {
      const CtoPersonReport *report = cto_analysis_get_person_nth (analysis, i);

      if (report->overloaded)
        {
          g_assert_true (cto_analysis_get_person_nth (original, i)->overloaded);
          g_assert_cmpstr (g_ptr_array_index (overloaded, k++), ==, cto_person_get_id (report->person));
        }
      if (i + 1 == cto_analysis_get_n_people (analysis))
        g_assert_cmpuint (k, ==, overloaded->len);
    }
  g_assert_cmpuint (cto_suggestions_get_unresolved_unassigned (suggestions)->len, ==,
                    cto_analysis_get_unassigned (analysis)->len);

  unchanged = cto_plan_io_to_data (plan, NULL);
  g_assert_cmpstr (before, ==, unchanged);
}

static void
test_suggest_generated (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (5202);
  guint n_moves = 0;

  for (guint i = 0; i < 400; i++)
    {
      g_autoptr(CtoPlan) plan = random_plan (rand);
      g_autoptr(CtoSuggestions) suggestions = cto_suggestions_new (plan);

      for (guint k = 0; k < cto_suggestions_get_n_items (suggestions); k++)
        n_moves += cto_suggestions_get_nth (suggestions, k)->kind == CTO_SUGGESTION_MOVE;
      check_suggestions (plan);
    }

  /* The generated plans do call for moves. */
  g_assert_cmpuint (n_moves, >, 50);
}

static void
test_departure_generated (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (4711);

  for (guint i = 0; i < 300; i++)
    {
      g_autoptr(CtoPlan) plan = random_plan (rand);
      GListModel *people = cto_plan_get_people (plan);
      guint n = g_list_model_get_n_items (people);
      g_autoptr(CtoPerson) person = g_list_model_get_item (people, g_rand_int_range (rand, 0, n));

      check_departure (plan, cto_person_get_id (person));
    }
}

static void
test_apply_undo (void)
{
  g_autoptr(CtoPlan) plan = load_example ();
  CtoHistory *history = cto_plan_get_history (plan);
  g_autofree char *before = cto_plan_io_to_data (plan, NULL);
  g_autoptr(CtoSuggestions) suggestions = cto_suggestions_new (plan);
  g_autofree char *after = cto_plan_io_to_data (cto_suggestions_get_plan_after (suggestions), NULL);
  g_autofree char *applied = NULL;
  g_autofree char *undone = NULL;

  g_assert_cmpuint (cto_suggestions_get_n_items (suggestions), >, 1);

  /* Apply All: one step. */
  g_assert_cmpuint (cto_suggestions_apply_all (suggestions, plan, NULL), ==,
                    cto_suggestions_get_n_items (suggestions));
  applied = cto_plan_io_to_data (plan, NULL);
  g_assert_cmpstr (applied, ==, after);
  cto_history_undo (history);
  undone = cto_plan_io_to_data (plan, NULL);
  g_assert_cmpstr (undone, ==, before);
  g_assert_false (cto_history_get_can_undo (history));

  /* One: one step; a second time it no longer applies. */
  g_assert_true (cto_suggestion_apply (cto_suggestions_get_nth (suggestions, 0), plan));
  g_assert_false (cto_suggestion_apply (cto_suggestions_get_nth (suggestions, 0), plan));
  cto_history_undo (history);
  g_clear_pointer (&undone, g_free);
  undone = cto_plan_io_to_data (plan, NULL);
  g_assert_cmpstr (undone, ==, before);
  g_assert_false (cto_history_get_can_undo (history));
}

/* Who is accountable for each responsibility of @plan: the ids, in plan
 * order, "-" for none. */
static char *
dup_accountables (CtoPlan *plan)
{
  GListModel *responsibilities = cto_plan_get_responsibilities (plan);
  GString *ids = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (responsibilities); i++)
    {
      g_autoptr(CtoResponsibility) responsibility = g_list_model_get_item (responsibilities, i);
      const char *id = cto_responsibility_find_accountable (responsibility);

      g_string_append_printf (ids, "%s%s", i > 0 ? " " : "", id != NULL ? id : "-");
    }

  return g_string_free (ids, FALSE);
}

/* As the window makes them for a large plan: on a copy made a few people
 * and responsibilities at a time, to be worked on in another thread. */
static CtoSuggestions *
suggest_on_copy (CtoPlan *plan)
{
  g_autoptr(CtoPlanCopier) copier = cto_plan_copier_new (plan);
  g_autoptr(CtoPlan) copy = NULL;

  while (!cto_plan_copier_step (copier, 2))
    ;
  copy = cto_plan_copier_finish (copier);
  g_assert_nonnull (cto_plan_get_as_of (copy));
  g_assert_cmpint (g_date_compare (cto_plan_get_as_of (copy), cto_plan_get_as_of (plan)), ==, 0);

  return cto_suggestions_new (copy);
}

/* @plan as of @day is the plan that @suggestions, made for that day,
 * promised once applied: the same figures. */
static void
assert_day_as_promised (CtoPlan        *plan,
                        const GDate    *day,
                        CtoSuggestions *suggestions)
{
  g_autoptr(CtoPlan) after = cto_plan_copy_as_of (plan, day);
  g_autoptr(CtoAnalysis) expected = cto_analysis_new (cto_suggestions_get_plan_after (suggestions));
  g_autoptr(CtoAnalysis) got = cto_analysis_new (after);
  g_autofree char *expected_json = cto_report_summary_json (expected);
  g_autofree char *got_json = cto_report_summary_json (got);

  g_assert_cmpstr (got_json, ==, expected_json);
}

/* Suggestions made for the plan as of a day, applied to the whole plan:
 * every one applies, and the plan as of that day is then the plan the
 * suggestions promised; whole-plan suggestions would refuse the work Bo
 * still carries in the whole plan. */
static void
test_apply_as_of (gconstpointer data)
{
  gboolean on_copy = GPOINTER_TO_INT (data);
  g_autoptr(CtoPlan) plan = load_data ("time-plan.json");
  GDate day;
  g_autoptr(CtoPlan) day_plan = NULL;
  g_autoptr(CtoSuggestions) suggestions = NULL;
  g_autofree char *accountables = dup_accountables (plan);
  g_autofree char *accountables_after = NULL;
  g_autofree char *one_by_one = NULL;
  g_autofree char *all_at_once = NULL;
  guint n_joined = 0;
  guint n_joined_all = 0;
  guint n;

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 1, G_DATE_JULY, 2027);
  day_plan = cto_plan_copy_as_of (plan, &day);
  suggestions = on_copy ? suggest_on_copy (day_plan) : cto_suggestions_new (day_plan);
  n = cto_suggestions_get_n_items (suggestions);
  g_assert_cmpuint (n, >, 0);

  /* One by one, in order: those giving work that the whole plan has Bo
   * carry alone, gone that day, say he was joined; a suggestion for the
   * whole plan would refuse. Then all at once, the same. */
  for (guint i = 0; i < n; i++)
    {
      const CtoSuggestion *suggestion = cto_suggestions_get_nth (suggestions, i);
      CtoResponsibility *responsibility = cto_plan_find_responsibility (plan, suggestion->responsibility);
      gboolean joins = suggestion->kind == CTO_SUGGESTION_ASSIGN &&
                       cto_responsibility_get_n_assignees (responsibility) > 0;
      gboolean joined = !joins;

      if (joins)
        g_assert_false (cto_suggestion_apply (suggestion, plan));
      g_assert_true (cto_suggestions_apply_nth (suggestions, i, plan, &joined));
      g_assert_true (joined == joins);
      n_joined += joined;
    }
  g_assert_cmpuint (n_joined, >, 0);
  one_by_one = cto_plan_io_to_data (plan, NULL);
  for (guint i = 0; i < n; i++)
    cto_history_undo (cto_plan_get_history (plan));
  g_assert_false (cto_history_get_can_undo (cto_plan_get_history (plan)));

  g_assert_cmpuint (cto_suggestions_apply_all (suggestions, plan, &n_joined_all), ==, n);
  g_assert_cmpuint (n_joined_all, ==, n_joined);
  all_at_once = cto_plan_io_to_data (plan, NULL);
  g_assert_cmpstr (all_at_once, ==, one_by_one);

  /* The day is as promised... */
  assert_day_as_promised (plan, &day, suggestions);

  /* ... and in the whole plan, who was accountable stays so, also Bo for
   * the cloud, which he carried alone. */
  accountables_after = dup_accountables (plan);
  g_assert_cmpstr (accountables_after, ==, accountables);
  g_assert_cmpstr (cto_responsibility_get_accountable (cto_plan_find_responsibility (plan, "cloud")),
                   ==, "bo");
}

/* A person removed as of a day, with the suggestions for that day without
 * them: the whole plan loses them, and the day is the one the suggestions
 * promised, in one step. */
static void
test_remove_and_apply_as_of (void)
{
  g_autoptr(CtoPlan) plan = load_data ("time-plan.json");
  g_autofree char *original = cto_plan_io_to_data (plan, NULL);
  g_autofree char *undone = NULL;
  g_autoptr(CtoPlan) day_plan = NULL;
  g_autoptr(CtoDeparture) departure = NULL;
  g_autoptr(CtoSuggestions) suggestions = NULL;
  guint n_joined = G_MAXUINT;
  GDate day;

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 1, G_DATE_JULY, 2027);
  day_plan = cto_plan_copy_as_of (plan, &day);
  departure = cto_departure_new (day_plan, "ana");
  g_assert_nonnull (departure);
  suggestions = cto_suggestions_new (cto_departure_get_plan_after (departure));
  g_assert_cmpuint (cto_suggestions_get_n_items (suggestions), >, 0);

  g_assert_cmpint (cto_departure_remove_and_apply (plan, "ana", suggestions, &n_joined), ==,
                   (int) cto_suggestions_get_n_items (suggestions));
  /* Told as Apply All tells it: how many joined people away that day. */
  {
    g_autoptr(CtoPlan) again = load_data ("time-plan.json");
    guint expected_joined = G_MAXUINT;

    g_assert_true (cto_departure_remove_person (again, "ana"));
    cto_suggestions_apply_all (suggestions, again, &expected_joined);
    g_assert_cmpuint (n_joined, ==, expected_joined);
  }
  g_assert_null (cto_plan_find_person (plan, "ana"));
  assert_day_as_promised (plan, &day, suggestions);

  cto_history_undo (cto_plan_get_history (plan));
  g_assert_false (cto_history_get_can_undo (cto_plan_get_history (plan)));
  undone = cto_plan_io_to_data (plan, NULL);
  g_assert_cmpstr (undone, ==, original);
}

/* Work carried only by people gone on the day, given to someone there:
 * they join those gone, and whoever was accountable in the whole plan
 * stays so, marked or by nature; where two shared it with no one marked,
 * still no one is. */
static void
test_apply_as_of_accountable (void)
{
  static const char json[] =
    "{ \"format\": \"cto-planner-plan\", \"version\": 1, \"title\": \"Gone\",\n"
    "  \"people\": [\n"
    "    { \"id\": \"ana\", \"name\": \"Ana\", \"capacity\": 40, \"end\": \"2020-01-01\" },\n"
    "    { \"id\": \"bo\", \"name\": \"Bo\", \"capacity\": 40, \"end\": \"2020-01-01\" },\n"
    "    { \"id\": \"cy\", \"name\": \"Cy\", \"capacity\": 40 } ],\n"
    "  \"responsibilities\": [\n"
    "    { \"id\": \"marked\", \"title\": \"Marked\", \"function\": \"planning\", \"effort\": 2,\n"
    "      \"assignees\": [ { \"person\": \"ana\" }, { \"person\": \"bo\", \"accountable\": true } ] },\n"
    "    { \"id\": \"shared\", \"title\": \"Shared\", \"function\": \"planning\", \"effort\": 2,\n"
    "      \"assignees\": [ { \"person\": \"ana\" }, { \"person\": \"bo\" } ] },\n"
    "    { \"id\": \"alone\", \"title\": \"Alone\", \"function\": \"planning\", \"effort\": 2,\n"
    "      \"assignees\": [ { \"person\": \"ana\" } ] } ] }\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(CtoPlan) plan = cto_plan_io_load_data (json, strlen (json), &error);
  g_autoptr(CtoPlan) day_plan = NULL;
  g_autoptr(CtoSuggestions) suggestions = NULL;
  g_autofree char *accountables = NULL;
  GDate day;

  g_assert_no_error (error);
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 1, G_DATE_JANUARY, 2021);
  day_plan = cto_plan_copy_as_of (plan, &day);
  suggestions = cto_suggestions_new (day_plan);
  g_assert_cmpuint (cto_suggestions_get_n_items (suggestions), ==, 3);

  for (guint i = 0; i < 3; i++)
    {
      gboolean joined = FALSE;

      g_assert_cmpstr (cto_suggestions_get_nth (suggestions, i)->to, ==, "cy");
      g_assert_true (cto_suggestions_apply_nth (suggestions, i, plan, &joined));
      g_assert_true (joined);
    }

  accountables = dup_accountables (plan);
  g_assert_cmpstr (accountables, ==, "bo - ana");
  g_assert_cmpuint (cto_responsibility_get_n_assignees (cto_plan_find_responsibility (plan, "marked")), ==, 3);
  g_assert_cmpuint (cto_responsibility_get_n_assignees (cto_plan_find_responsibility (plan, "shared")), ==, 3);
  g_assert_cmpuint (cto_responsibility_get_n_assignees (cto_plan_find_responsibility (plan, "alone")), ==, 2);
  g_assert_cmpstr (cto_responsibility_get_accountable (cto_plan_find_responsibility (plan, "alone")), ==, "ana");

  /* Each was one step, the mark with it. */
  for (guint i = 0; i < 3; i++)
    cto_history_undo (cto_plan_get_history (plan));
  g_clear_pointer (&accountables, g_free);
  accountables = dup_accountables (plan);
  g_assert_cmpstr (accountables, ==, "bo - ana");
  g_assert_null (cto_responsibility_get_accountable (cto_plan_find_responsibility (plan, "alone")));
  g_assert_false (cto_history_get_can_undo (cto_plan_get_history (plan)));
}

int
main (int   argc,
      char *argv[])
{
  static const char *hand[] = { "rank", "given-up", "order", "tolerance", "free-tie" };

  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (hand); i++)
    {
      g_autofree char *path = g_strdup_printf ("/suggest/hand/%s", hand[i]);

      g_test_add_data_func (path, hand[i], test_suggest_hand);
    }
  g_test_add_func ("/suggest/generated", test_suggest_generated);
  g_test_add_func ("/suggest/apply-undo", test_apply_undo);
  g_test_add_data_func ("/suggest/apply-as-of", GINT_TO_POINTER (FALSE), test_apply_as_of);
  g_test_add_data_func ("/suggest/apply-as-of-copied", GINT_TO_POINTER (TRUE), test_apply_as_of);
  g_test_add_func ("/suggest/apply-as-of-accountable", test_apply_as_of_accountable);
  g_test_add_func ("/departure/hand", test_departure_hand);
  g_test_add_func ("/departure/example", test_departure_example);
  g_test_add_func ("/departure/remove-and-apply-as-of", test_remove_and_apply_as_of);
  g_test_add_func ("/departure/generated", test_departure_generated);

  return g_test_run ();
}
