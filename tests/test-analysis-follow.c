/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The analysis follows an edit of who carries what where it touches, and
 * everything else over the whole plan: either way it must say exactly what
 * a fresh analysis of the plan says, to the last bit of every figure.
 */
#include "config.h"

#include <string.h>

#include <glib.h>

#include "cto-analysis.h"
#include "cto-history.h"
#include "plan-generator.h"

/* Doubles compared bit for bit: the same sums in the same order. */
static void
assert_same_double (double a,
                    double b)
{
  g_assert_cmpmem (&a, sizeof a, &b, sizeof b);
}

static void
assert_same_array (GPtrArray *a,
                   GPtrArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    g_assert_true (g_ptr_array_index (a, i) == g_ptr_array_index (b, i));
}

static void
assert_same_analysis (CtoAnalysis *followed,
                      CtoAnalysis *fresh)
{
  CtoPlan *plan = cto_analysis_get_plan (fresh);
  GListModel *responsibilities = cto_plan_get_responsibilities (plan);

  for (guint f = 0; f < CTO_N_FUNCTIONS; f++)
    {
      const CtoFunctionReport *a = cto_analysis_get_function (followed, (CtoFunction) f);
      const CtoFunctionReport *b = cto_analysis_get_function (fresh, (CtoFunction) f);

      g_assert_cmpint (a->function, ==, b->function);
      g_assert_cmpint (a->status, ==, b->status);
      g_assert_cmpint (a->overloaded, ==, b->overloaded);
      g_assert_cmpuint (a->n_responsibilities, ==, b->n_responsibilities);
      g_assert_cmpuint (a->n_covered, ==, b->n_covered);
      assert_same_double (a->effort, b->effort);
      assert_same_double (a->unassigned_effort, b->unassigned_effort);
      assert_same_array (a->people, b->people);
      g_assert_cmpuint (a->bus_factor, ==, b->bus_factor);
      g_assert_cmpuint (a->waiting_for_hire, ==, b->waiting_for_hire);
      g_assert_cmpuint (a->without_accountable, ==, b->without_accountable);
      assert_same_double (a->gap_hours, b->gap_hours);
      assert_same_double (a->gap_fte, b->gap_fte);
    }

  g_assert_cmpuint (cto_analysis_get_n_people (followed), ==, cto_analysis_get_n_people (fresh));
  for (guint i = 0; i < cto_analysis_get_n_people (fresh); i++)
    {
      const CtoPersonReport *a = cto_analysis_get_person_nth (followed, i);
      const CtoPersonReport *b = cto_analysis_get_person_nth (fresh, i);

      g_assert_true (a->person == b->person);
      g_assert_true (cto_analysis_get_person (followed, b->person) == a);
      assert_same_double (a->load, b->load);
      assert_same_double (a->capacity, b->capacity);
      g_assert_cmpint (a->utilization_unbounded, ==, b->utilization_unbounded);
      if (!b->utilization_unbounded)
        assert_same_double (a->utilization, b->utilization);
      g_assert_cmpint (a->overloaded, ==, b->overloaded);
      for (guint f = 0; f < CTO_N_FUNCTIONS; f++)
        assert_same_double (a->function_load[f], b->function_load[f]);
      assert_same_array (a->responsibilities, b->responsibilities);
      assert_same_double (cto_analysis_get_free_hours (followed, b->person),
                          cto_analysis_get_free_hours (fresh, b->person));
    }

  assert_same_array (cto_analysis_get_unassigned (followed), cto_analysis_get_unassigned (fresh));

  for (guint i = 0; i < g_list_model_get_n_items (responsibilities); i++)
    {
      g_autoptr(CtoResponsibility) responsibility = g_list_model_get_item (responsibilities, i);

      g_assert_cmpint (cto_analysis_is_waiting_for_hire (followed, responsibility), ==,
                       cto_analysis_is_waiting_for_hire (fresh, responsibility));
    }
}

static CtoPerson *
random_person (CtoPlan *plan,
               GRand   *rand)
{
  GListModel *people = cto_plan_get_people (plan);
  guint n = g_list_model_get_n_items (people);
  g_autoptr(CtoPerson) person = n > 0 ? g_list_model_get_item (people, g_rand_int_range (rand, 0, n)) : NULL;

  /* The plan holds it. */
  return person;
}

static CtoResponsibility *
random_responsibility (CtoPlan *plan,
                       GRand   *rand)
{
  GListModel *responsibilities = cto_plan_get_responsibilities (plan);
  guint n = g_list_model_get_n_items (responsibilities);
  g_autoptr(CtoResponsibility) responsibility =
    n > 0 ? g_list_model_get_item (responsibilities, g_rand_int_range (rand, 0, n)) : NULL;

  return responsibility;
}

/* One edit of who carries what, as the window makes them. Returns FALSE
 * when it found nothing to change. */
static gboolean
edit_assignees (CtoPlan *plan,
                GRand   *rand)
{
  CtoResponsibility *responsibility = random_responsibility (plan, rand);
  CtoPerson *person = random_person (plan, rand);
  CtoPerson *other = random_person (plan, rand);

  if (responsibility == NULL || person == NULL)
    return FALSE;

  switch (g_rand_int_range (rand, 0, 5))
    {
    case 0:
      return cto_plan_assign (plan, responsibility, person, g_rand_int_range (rand, 1, 4));
    case 1:
      return cto_plan_unassign (plan, responsibility, person);
    case 2:
      return cto_plan_move_assignment (plan, responsibility, person, other);
    case 3:
      return cto_plan_set_share (plan, responsibility, person, g_rand_int_range (rand, 1, 4) / 2.0);
    case 4:
      return cto_plan_set_accountable (plan, responsibility, g_rand_boolean (rand) ? person : NULL);
    default:
      g_assert_not_reached ();
    }
}

/* Anything else: the analysis goes over the whole plan. */
static void
edit_other (CtoPlan *plan,
            GRand   *rand)
{
  CtoResponsibility *responsibility = random_responsibility (plan, rand);
  CtoPerson *person = random_person (plan, rand);

  switch (g_rand_int_range (rand, 0, 4))
    {
    case 0:
      if (person != NULL)
        cto_plan_set_person_capacity (plan, person, g_rand_int_range (rand, 0, 5) * 10);
      break;
    case 1:
      if (person != NULL)
        cto_plan_set_person_open_role (plan, person, !cto_person_get_open_role (person));
      break;
    case 2:
      if (responsibility != NULL)
        cto_plan_set_responsibility_effort (plan, responsibility, g_rand_int_range (rand, 0, 13));
      break;
    case 3:
      if (person != NULL)
        cto_plan_remove_person (plan, person);
      break;
    default:
      g_assert_not_reached ();
    }
}

static guint n_followed;
static guint n_changed;

static void
changed_cb (CtoAnalysis *analysis)
{
  GPtrArray *changed = cto_analysis_get_changed_responsibilities (analysis);
  CtoPlan *plan = cto_analysis_get_plan (analysis);
  g_autoptr(CtoAnalysis) fresh = cto_analysis_new (plan);

  n_changed++;
  if (changed == NULL)
    {
      g_assert_null (cto_analysis_get_changed_people (analysis));
      for (guint f = 0; f < CTO_N_FUNCTIONS; f++)
        g_assert_true (cto_analysis_function_changed (analysis, (CtoFunction) f));
    }
  else
    {
      GPtrArray *people = cto_analysis_get_changed_people (analysis);

      n_followed++;
      g_assert_cmpuint (changed->len, >, 0);
      g_assert_nonnull (people);

      /* Whoever carries a changed responsibility now is among those
       * worked out again; nobody else's report changed. */
      for (guint c = 0; c < changed->len; c++)
        {
          CtoResponsibility *responsibility = g_ptr_array_index (changed, c);

          for (guint j = 0; j < cto_responsibility_get_n_assignees (responsibility); j++)
            {
              CtoPerson *person =
                cto_plan_find_person (plan, cto_responsibility_get_assignee (responsibility, j)->person);

              if (person != NULL)
                {
                  g_assert_true (g_ptr_array_find (people, person, NULL));
                  g_assert_true (cto_analysis_person_changed (analysis, person));
                }
            }
        }
    }

  assert_same_analysis (analysis, fresh);
}

/*
 * Many random edits on generated plans: assignments one at a time, in
 * groups (one ::changed for several), undone and redone, and now and then
 * an edit of another kind; after each ::changed the analysis followed
 * equals a fresh one.
 */
static void
test_random_edits (void)
{
  n_followed = 0;
  n_changed = 0;

  for (guint32 seed = 1; seed <= 60; seed++)
    {
      g_autoptr(CtoPlan) plan = plan_generator_new (seed, FALSE);
      g_autoptr(CtoAnalysis) analysis = cto_analysis_new (plan);
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed * 7919);
      CtoHistory *history = cto_plan_get_history (plan);

      g_signal_connect (analysis, "changed", G_CALLBACK (changed_cb), NULL);

      for (guint e = 0; e < 120; e++)
        {
          guint what = g_rand_int_range (rand, 0, 20);

          if (what < 12)
            {
              edit_assignees (plan, rand);
            }
          else if (what < 14)
            {
              guint n = g_rand_int_range (rand, 2, 6);

              cto_history_begin_group (history, "Several");
              for (guint i = 0; i < n; i++)
                edit_assignees (plan, rand);
              cto_history_end_group (history);
            }
          else if (what < 17)
            {
              if (cto_history_get_can_undo (history))
                cto_history_undo (history);
            }
          else if (what < 19)
            {
              if (cto_history_get_can_redo (history))
                cto_history_redo (history);
            }
          else
            {
              edit_other (plan, rand);
            }
        }
    }

  /* Most edits were followed where they touch, and the rest over the whole plan. */
  g_assert_cmpuint (n_followed, >, n_changed / 2);
  g_assert_cmpuint (n_followed, <, n_changed);
}

/* An edit made while ::changed is being emitted: each analysis still ends
 * up equal to a fresh one. */
static void
reassign_cb (CtoPlan *plan,
             gpointer user_data)
{
  GRand *rand = user_data;

  if (g_rand_int_range (rand, 0, 3) == 0)
    edit_assignees (plan, rand);
}

static void
test_edit_within_changed (void)
{
  for (guint32 seed = 1; seed <= 20; seed++)
    {
      g_autoptr(CtoPlan) plan = plan_generator_new (seed, FALSE);
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
      g_autoptr(CtoAnalysis) first = NULL;
      g_autoptr(CtoAnalysis) last = NULL;

      first = cto_analysis_new (plan);
      g_signal_connect (plan, "changed", G_CALLBACK (reassign_cb), rand);
      last = cto_analysis_new (plan);

      for (guint e = 0; e < 40; e++)
        {
          edit_assignees (plan, rand);

          {
            g_autoptr(CtoAnalysis) fresh = cto_analysis_new (plan);

            assert_same_analysis (first, fresh);
            assert_same_analysis (last, fresh);
          }
        }
      g_signal_handlers_disconnect_by_func (plan, reassign_cb, rand);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/analysis-follow/random-edits", test_random_edits);
  g_test_add_func ("/analysis-follow/edit-within-changed", test_edit_within_changed);

  return g_test_run ();
}
