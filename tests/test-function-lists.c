/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cto-history.h"
#include "cto-plan.h"

/* The plan's lists of each function's responsibilities: in the plan's order
 * whatever edits the plan goes through, and each change they tell is the
 * change they made, so that a list view over one shows the plan. */

typedef struct
{
  GListModel *list;
  GPtrArray  *mirror;   /* what a view knows of the list, from its changes alone */
} Follower;

static void
items_changed_cb (GListModel *list,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Follower   *follower)
{
  g_assert_cmpuint (position + removed, <=, follower->mirror->len);
  g_ptr_array_remove_range (follower->mirror, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (follower->mirror, position + i, g_list_model_get_item (list, position + i));
}

/* A follower of @plan's list of @function, knowing what it has now; it
 * hears changes once connected to items_changed_cb(). */
static void
follower_init (Follower    *follower,
               CtoPlan     *plan,
               CtoFunction  function)
{
  follower->list = cto_plan_get_function_responsibilities (plan, function);
  follower->mirror = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (follower->list); i++)
    g_ptr_array_add (follower->mirror, g_list_model_get_item (follower->list, i));
}

/* The list of @function is the plan's responsibilities of that function,
 * and a view that followed its changes shows the same. */
static void
assert_follows (CtoPlan     *plan,
                CtoFunction  function,
                Follower    *follower)
{
  GListModel *all = cto_plan_get_responsibilities (plan);
  guint n = 0;

  g_assert_true (g_list_model_get_item_type (follower->list) == CTO_TYPE_RESPONSIBILITY);
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(CtoResponsibility) responsibility = g_list_model_get_item (all, i);
      g_autoptr(CtoResponsibility) listed = NULL;

      if (cto_responsibility_get_function (responsibility) != function)
        continue;

      listed = g_list_model_get_item (follower->list, n);
      g_assert_true (listed == responsibility);
      g_assert_true (g_ptr_array_index (follower->mirror, n) == responsibility);
      n++;
    }
  g_assert_cmpuint (g_list_model_get_n_items (follower->list), ==, n);
  g_assert_cmpuint (follower->mirror->len, ==, n);
  g_assert_null (g_list_model_get_item (follower->list, n));
}

/* Whether each list has the plan's responsibilities of its function, in
 * the plan's order, as they are now. */
static gboolean
lists_in_step (CtoPlan *plan)
{
  GListModel *all = cto_plan_get_responsibilities (plan);
  guint n[CTO_N_FUNCTIONS] = { 0 };

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(CtoResponsibility) responsibility = g_list_model_get_item (all, i);
      CtoFunction function = cto_responsibility_get_function (responsibility);
      g_autoptr(CtoResponsibility) listed =
        g_list_model_get_item (cto_plan_get_function_responsibilities (plan, function), n[function]++);

      if (listed != responsibility)
        return FALSE;
    }
  for (guint f = 0; f < CTO_N_FUNCTIONS; f++)
    if (g_list_model_get_n_items (cto_plan_get_function_responsibilities (plan, f)) != n[f])
      return FALSE;

  return TRUE;
}

/* Whoever hears a change of one list finds every list in step. */
static void
in_step_cb (GListModel *list,
            guint       position,
            guint       removed,
            guint       added,
            CtoPlan    *plan)
{
  g_assert_true (lists_in_step (plan));
}

static CtoResponsibility *
random_responsibility (CtoPlan *plan,
                       GRand   *rand)
{
  GListModel *all = cto_plan_get_responsibilities (plan);
  guint n = g_list_model_get_n_items (all);

  if (n == 0)
    return NULL;

  return g_list_model_get_item (all, g_rand_int_range (rand, 0, n));
}

static void
test_follow (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (2027);
  g_autoptr(CtoPlan) plan = cto_plan_new ();
  CtoHistory *history = cto_plan_get_history (plan);
  Follower followers[CTO_N_FUNCTIONS];
  guint next_id = 0;

  /* Some before the lists are asked for, some after. */
  for (; next_id < 12; next_id++)
    {
      g_autofree char *id = g_strdup_printf ("r%u", next_id);
      g_autoptr(CtoResponsibility) r =
        cto_responsibility_new (id, id, g_rand_int_range (rand, 0, CTO_N_FUNCTIONS), 1, "");

      cto_plan_insert_responsibility (plan, G_MAXUINT, r);
    }

  for (guint f = 0; f < CTO_N_FUNCTIONS; f++)
    {
      follower_init (&followers[f], plan, f);
      g_signal_connect (followers[f].list, "items-changed", G_CALLBACK (items_changed_cb), &followers[f]);
      g_signal_connect (followers[f].list, "items-changed", G_CALLBACK (in_step_cb), plan);
      /* The same list each time it is asked for. */
      g_assert_true (cto_plan_get_function_responsibilities (plan, f) == followers[f].list);
      assert_follows (plan, f, &followers[f]);
    }

  for (guint step = 0; step < 600; step++)
    {
      guint n = g_list_model_get_n_items (cto_plan_get_responsibilities (plan));
      guint what = g_rand_int_range (rand, 0, 7);
      g_autoptr(CtoResponsibility) some = random_responsibility (plan, rand);

      if (what == 0 || some == NULL)
        {
          g_autofree char *id = g_strdup_printf ("r%u", next_id++);
          g_autoptr(CtoResponsibility) r =
            cto_responsibility_new (id, id, g_rand_int_range (rand, 0, CTO_N_FUNCTIONS), 1, "");

          cto_plan_insert_responsibility (plan, g_rand_int_range (rand, 0, n + 1), r);
        }
      else if (what == 1 && n > 8)
        cto_plan_remove_responsibility (plan, some);
      else if (what == 2)
        cto_plan_move_responsibility (plan, some, g_rand_int_range (rand, 0, n));
      else if (what == 3)
        cto_plan_set_responsibility_function (plan, some, g_rand_int_range (rand, 0, CTO_N_FUNCTIONS));
      else if (what == 4 && cto_history_get_can_undo (history))
        cto_history_undo (history);
      else if (what == 5 && cto_history_get_can_redo (history))
        cto_history_redo (history);
      else
        {
          /* Several changes as one step, undone and done again at once. */
          cto_history_begin_group (history, "group");
          cto_plan_set_responsibility_function (plan, some, (cto_responsibility_get_function (some) + 1) % CTO_N_FUNCTIONS);
          cto_plan_move_responsibility (plan, some, 0);
          cto_plan_remove_responsibility (plan, some);
          cto_history_end_group (history);
        }

      for (guint f = 0; f < CTO_N_FUNCTIONS; f++)
        assert_follows (plan, f, &followers[f]);
    }

  for (guint f = 0; f < CTO_N_FUNCTIONS; f++)
    {
      g_signal_handlers_disconnect_by_data (followers[f].list, &followers[f]);
      g_signal_handlers_disconnect_by_data (followers[f].list, plan);
      g_ptr_array_unref (followers[f].mirror);
    }
}

typedef struct
{
  CtoPlan           *plan;
  CtoResponsibility *to_remove;
} Remover;

/* Removes a responsibility from the plan on hearing a change, once. */
static void
remove_once_cb (GListModel *list,
                guint       position,
                guint       removed,
                guint       added,
                Remover    *remover)
{
  if (remover->to_remove == NULL)
    return;

  cto_plan_remove_responsibility (remover->plan, g_steal_pointer (&remover->to_remove));
}

/* Whoever hears a change may edit the plan then: each list's followers
 * still hear each change as the list is when it is said, in order. */
static void
test_edit_while_heard (void)
{
  g_autoptr(CtoPlan) plan = cto_plan_new ();
  const CtoFunction functions[] = { CTO_FUNCTION_PLANNING, CTO_FUNCTION_INFRASTRUCTURE,
                                    CTO_FUNCTION_PLANNING, CTO_FUNCTION_THINKER,
                                    CTO_FUNCTION_PLANNING };
  Follower followers[CTO_N_FUNCTIONS];
  Remover remover = { plan, NULL };

  for (guint i = 0; i < G_N_ELEMENTS (functions); i++)
    {
      g_autofree char *id = g_strdup_printf ("r%u", i);
      g_autoptr(CtoResponsibility) r = cto_responsibility_new (id, id, functions[i], 1, "");

      cto_plan_insert_responsibility (plan, G_MAXUINT, r);
    }

  for (guint f = 0; f < CTO_N_FUNCTIONS; f++)
    follower_init (&followers[f], plan, f);
  /* The one who edits hears infrastructure's list first; the others follow. */
  g_signal_connect (followers[CTO_FUNCTION_INFRASTRUCTURE].list, "items-changed",
                    G_CALLBACK (remove_once_cb), &remover);
  for (guint f = 0; f < CTO_N_FUNCTIONS; f++)
    g_signal_connect (followers[f].list, "items-changed", G_CALLBACK (items_changed_cb), &followers[f]);

  /* r1 goes to planning; hearing it leave infrastructure, the listener
   * removes r0, planning's first, before planning has said r1 came. */
  remover.to_remove = cto_plan_find_responsibility (plan, "r0");
  cto_plan_set_responsibility_function (plan, cto_plan_find_responsibility (plan, "r1"),
                                        CTO_FUNCTION_PLANNING);
  g_assert_null (remover.to_remove);
  g_assert_null (cto_plan_find_responsibility (plan, "r0"));
  g_assert_true (lists_in_step (plan));
  for (guint f = 0; f < CTO_N_FUNCTIONS; f++)
    assert_follows (plan, f, &followers[f]);
  g_assert_cmpuint (g_list_model_get_n_items (followers[CTO_FUNCTION_PLANNING].list), ==, 3);

  for (guint f = 0; f < CTO_N_FUNCTIONS; f++)
    {
      g_signal_handlers_disconnect_by_data (followers[f].list, &followers[f]);
      g_ptr_array_unref (followers[f].mirror);
    }
  g_signal_handlers_disconnect_by_data (followers[CTO_FUNCTION_INFRASTRUCTURE].list, &remover);
}

/* A list kept by its own reference outlives its plan, with what it had. */
static void
test_outlives_plan (void)
{
  CtoPlan *plan = cto_plan_new ();
  g_autoptr(CtoResponsibility) r = cto_responsibility_new ("a", "A", CTO_FUNCTION_THINKER, 2, "");
  g_autoptr(GListModel) list = NULL;

  cto_plan_insert_responsibility (plan, 0, r);
  list = g_object_ref (cto_plan_get_function_responsibilities (plan, CTO_FUNCTION_THINKER));
  g_object_unref (plan);

  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/function-lists/follow", test_follow);
  g_test_add_func ("/function-lists/edit-while-heard", test_edit_while_heard);
  g_test_add_func ("/function-lists/outlives-plan", test_outlives_plan);

  return g_test_run ();
}
