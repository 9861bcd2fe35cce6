/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib.h>

#include "cto-history.h"
#include "cto-plan.h"

static CtoPlan *
make_plan (void)
{
  CtoPlan *plan = cto_plan_new ();
  g_autoptr(CtoPerson) ana = cto_person_new ("ana", "Ana", "", 40, FALSE);
  g_autoptr(CtoPerson) bo = cto_person_new ("bo", "Bo", "", 40, FALSE);
  g_autoptr(CtoResponsibility) security =
    cto_responsibility_new ("security", "Security", CTO_FUNCTION_INFRASTRUCTURE, 6, "");

  cto_plan_insert_person (plan, 0, ana);
  cto_plan_insert_person (plan, 1, bo);
  cto_plan_insert_responsibility (plan, 0, security);
  cto_history_clear (cto_plan_get_history (plan));

  return plan;
}

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           guint      *count)
{
  (*count)++;
}

static void
test_modified (void)
{
  g_autoptr(CtoPlan) plan = make_plan ();
  CtoHistory *history = cto_plan_get_history (plan);
  CtoPerson *ana = cto_plan_find_person (plan, "ana");
  guint notifies = 0;

  g_signal_connect (history, "notify::modified", G_CALLBACK (notify_cb), &notifies);
  g_assert_false (cto_history_get_modified (history));

  cto_plan_set_person_capacity (plan, ana, 30);
  g_assert_true (cto_history_get_modified (history));
  g_assert_cmpuint (notifies, ==, 1);

  /* Undoing back to the saved state clears "unsaved". */
  cto_history_undo (history);
  g_assert_false (cto_history_get_modified (history));
  g_assert_cmpuint (notifies, ==, 2);

  cto_history_redo (history);
  g_assert_true (cto_history_get_modified (history));

  cto_history_mark_saved (history);
  g_assert_false (cto_history_get_modified (history));

  cto_plan_set_person_capacity (plan, ana, 20);
  g_assert_true (cto_history_get_modified (history));
  cto_history_undo (history);
  g_assert_false (cto_history_get_modified (history));
  cto_history_undo (history);
  g_assert_true (cto_history_get_modified (history));
  cto_history_redo (history);
  g_assert_false (cto_history_get_modified (history));
}

static void
test_saved_state_unreachable (void)
{
  g_autoptr(CtoPlan) plan = make_plan ();
  CtoHistory *history = cto_plan_get_history (plan);
  CtoPerson *ana = cto_plan_find_person (plan, "ana");

  cto_plan_set_person_capacity (plan, ana, 30);
  cto_history_mark_saved (history);
  cto_history_undo (history);
  g_assert_true (cto_history_get_modified (history));

  /* A new edit drops the redo step that led to the saved state: from now on
   * no undo or redo reaches it, even one that gives the same values. */
  cto_plan_set_person_capacity (plan, ana, 30);
  g_assert_true (cto_history_get_modified (history));
  g_assert_false (cto_history_get_can_redo (history));
  cto_history_undo (history);
  g_assert_true (cto_history_get_modified (history));
}

/* A state other than the current one marked saved, as when a copy is
 * written while the plan is edited further: modified everywhere but there. */
static void
test_saved_state (void)
{
  g_autoptr(CtoPlan) plan = make_plan ();
  CtoHistory *history = cto_plan_get_history (plan);
  CtoPerson *ana = cto_plan_find_person (plan, "ana");
  guint first = cto_history_get_state (history);
  guint written;

  cto_plan_set_person_capacity (plan, ana, 30);
  written = cto_history_get_state (history);
  g_assert_cmpuint (written, !=, first);
  cto_plan_set_person_capacity (plan, ana, 20);
  g_assert_cmpuint (cto_history_get_state (history), !=, written);
  g_assert_cmpuint (cto_history_get_state (history), !=, first);

  cto_history_mark_saved_state (history, written);
  g_assert_true (cto_history_get_modified (history));
  cto_history_undo (history);
  g_assert_cmpuint (cto_history_get_state (history), ==, written);
  g_assert_false (cto_history_get_modified (history));
  cto_history_undo (history);
  g_assert_cmpuint (cto_history_get_state (history), ==, first);
  g_assert_true (cto_history_get_modified (history));
  cto_history_redo (history);
  g_assert_false (cto_history_get_modified (history));

  /* Cleared: the plan as it is now is a state of its own. */
  {
    g_autoptr(CtoPlan) other = make_plan ();
    CtoHistory *other_history = cto_plan_get_history (other);
    guint before = cto_history_get_state (other_history);

    cto_plan_set_person_capacity (other, cto_plan_find_person (other, "ana"), 25);
    cto_history_clear (other_history);
    g_assert_cmpuint (cto_history_get_state (other_history), !=, before);
    g_assert_false (cto_history_get_modified (other_history));
    cto_history_mark_saved_state (other_history, before);
    g_assert_true (cto_history_get_modified (other_history));
  }

  /* Dropped with the redo step a new edit discards: never reached again. */
  cto_history_undo (history);
  cto_plan_set_person_capacity (plan, ana, 30);
  g_assert_cmpuint (cto_history_get_state (history), !=, written);
  g_assert_true (cto_history_get_modified (history));
}

static void
test_mark_unsaved (void)
{
  g_autoptr(CtoPlan) plan = make_plan ();
  CtoHistory *history = cto_plan_get_history (plan);
  CtoPerson *ana = cto_plan_find_person (plan, "ana");
  guint notifies = 0;

  g_signal_connect (history, "notify::modified", G_CALLBACK (notify_cb), &notifies);
  cto_history_mark_unsaved (history);
  g_assert_true (cto_history_get_modified (history));
  g_assert_cmpuint (notifies, ==, 1);
  g_assert_false (cto_history_get_can_undo (history));

  /* No step leads back to a saved state: neither an edit and its undo… */
  cto_plan_set_person_capacity (plan, ana, 30);
  cto_history_undo (history);
  g_assert_true (cto_history_get_modified (history));
  cto_history_redo (history);
  g_assert_true (cto_history_get_modified (history));

  /* …until the plan is saved. */
  cto_history_mark_saved (history);
  g_assert_false (cto_history_get_modified (history));
  cto_history_undo (history);
  g_assert_true (cto_history_get_modified (history));
}

static void
test_group (void)
{
  g_autoptr(CtoPlan) plan = make_plan ();
  CtoHistory *history = cto_plan_get_history (plan);
  CtoPerson *ana = cto_plan_find_person (plan, "ana");
  CtoPerson *bo = cto_plan_find_person (plan, "bo");
  CtoResponsibility *security = cto_plan_find_responsibility (plan, "security");

  cto_history_begin_group (history, "Share security");
  cto_plan_assign (plan, security, ana, 1);
  cto_history_begin_group (history, "inner");
  cto_plan_assign (plan, security, bo, 1);
  cto_plan_set_accountable (plan, security, bo);
  cto_history_end_group (history);
  g_assert_false (cto_history_get_can_undo (history));
  cto_history_end_group (history);

  g_assert_true (cto_history_get_can_undo (history));
  g_assert_cmpstr (cto_history_get_undo_label (history), ==, "Share security");
  g_assert_cmpuint (cto_responsibility_get_n_assignees (security), ==, 2);

  cto_history_undo (history);
  g_assert_cmpuint (cto_responsibility_get_n_assignees (security), ==, 0);
  g_assert_false (cto_history_get_can_undo (history));
  g_assert_false (cto_history_get_modified (history));
  g_assert_cmpstr (cto_history_get_redo_label (history), ==, "Share security");

  cto_history_redo (history);
  g_assert_cmpuint (cto_responsibility_get_n_assignees (security), ==, 2);
  g_assert_cmpstr (cto_responsibility_get_accountable (security), ==, "bo");
}

static void
test_empty_group (void)
{
  g_autoptr(CtoPlan) plan = make_plan ();
  CtoHistory *history = cto_plan_get_history (plan);
  CtoPerson *ana = cto_plan_find_person (plan, "ana");
  CtoResponsibility *security = cto_plan_find_responsibility (plan, "security");

  cto_plan_assign (plan, security, ana, 1);
  cto_history_mark_saved (history);

  /* A group of edits that change nothing records nothing. */
  cto_history_begin_group (history, "Nothing");
  cto_plan_assign (plan, security, ana, 1);
  cto_plan_set_person_capacity (plan, ana, 40);
  cto_history_end_group (history);

  g_assert_false (cto_history_get_modified (history));
  g_assert_cmpstr (cto_history_get_undo_label (history), !=, "Nothing");
}

static void
test_can_undo_notify (void)
{
  g_autoptr(CtoPlan) plan = make_plan ();
  CtoHistory *history = cto_plan_get_history (plan);
  CtoPerson *ana = cto_plan_find_person (plan, "ana");
  guint undo_notifies = 0;
  guint redo_notifies = 0;

  g_signal_connect (history, "notify::can-undo", G_CALLBACK (notify_cb), &undo_notifies);
  g_signal_connect (history, "notify::can-redo", G_CALLBACK (notify_cb), &redo_notifies);

  cto_plan_set_person_role (plan, ana, "CEO");
  g_assert_cmpuint (undo_notifies, ==, 1);
  cto_plan_set_person_role (plan, ana, "CTO");
  g_assert_cmpuint (undo_notifies, ==, 1);
  cto_history_undo (history);
  g_assert_cmpuint (redo_notifies, ==, 1);
  cto_history_undo (history);
  g_assert_cmpuint (undo_notifies, ==, 2);
  g_assert_false (cto_history_get_can_undo (history));
  g_assert_true (cto_history_get_can_redo (history));

  /* Undo with nothing to undo is harmless. */
  cto_history_undo (history);
  g_assert_cmpstr (cto_person_get_role (ana), ==, "");
}

static void
test_clear (void)
{
  g_autoptr(CtoPlan) plan = make_plan ();
  CtoHistory *history = cto_plan_get_history (plan);

  cto_plan_set_title (plan, "Changed");
  g_assert_true (cto_history_get_modified (history));
  cto_history_clear (history);
  g_assert_false (cto_history_get_modified (history));
  g_assert_false (cto_history_get_can_undo (history));
  g_assert_cmpstr (cto_plan_get_title (plan), ==, "Changed");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/history/modified", test_modified);
  g_test_add_func ("/history/saved-state-unreachable", test_saved_state_unreachable);
  g_test_add_func ("/history/saved-state", test_saved_state);
  g_test_add_func ("/history/mark-unsaved", test_mark_unsaved);
  g_test_add_func ("/history/group", test_group);
  g_test_add_func ("/history/empty-group", test_empty_group);
  g_test_add_func ("/history/can-undo-notify", test_can_undo_notify);
  g_test_add_func ("/history/clear", test_clear);

  return g_test_run ();
}
