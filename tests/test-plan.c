/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib.h>

#include "cto-history.h"
#include "cto-plan.h"

/* A plan with people ana, bo, cy and responsibilities security (infrastructure,
 * 6 h) and roadmap (planning, 4 h); nothing assigned. The history is cleared. */
static CtoPlan *
make_plan (void)
{
  CtoPlan *plan = cto_plan_new ();
  const char *people[][2] = { { "ana", "Ana Pérez" }, { "bo", "Bo Lin" }, { "cy", "Cy Ode" } };

  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      g_autoptr(CtoPerson) person = cto_person_new (people[i][0], people[i][1], "", 40, FALSE);
      cto_plan_insert_person (plan, G_MAXUINT, person);
    }

  {
    g_autoptr(CtoResponsibility) security =
      cto_responsibility_new ("security", "Security", CTO_FUNCTION_INFRASTRUCTURE, 6, "");
    g_autoptr(CtoResponsibility) roadmap =
      cto_responsibility_new ("roadmap", "Roadmap", CTO_FUNCTION_PLANNING, 4, "");

    cto_plan_insert_responsibility (plan, G_MAXUINT, security);
    cto_plan_insert_responsibility (plan, G_MAXUINT, roadmap);
  }

  cto_history_clear (cto_plan_get_history (plan));
  return plan;
}

static CtoPerson *
person (CtoPlan    *plan,
        const char *id)
{
  CtoPerson *p = cto_plan_find_person (plan, id);

  g_assert_nonnull (p);
  return p;
}

static CtoResponsibility *
responsibility (CtoPlan    *plan,
                const char *id)
{
  CtoResponsibility *r = cto_plan_find_responsibility (plan, id);

  g_assert_nonnull (r);
  return r;
}

/* "ana:1*,bo:2" — the assignees of @r, for compact assertions. */
static char *
describe_assignees (CtoResponsibility *r)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < cto_responsibility_get_n_assignees (r); i++)
    {
      const CtoAssignment *a = cto_responsibility_get_assignee (r, i);

      g_string_append_printf (s, "%s%s:%g%s", i ? "," : "", a->person, a->share,
                              a->accountable ? "*" : "");
    }

  return g_string_free (s, FALSE);
}

static char *
describe_people (CtoPlan *plan)
{
  GListModel *model = cto_plan_get_people (plan);
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CtoPerson) p = g_list_model_get_item (model, i);
      g_string_append_printf (s, "%s%s", i ? "," : "", cto_person_get_id (p));
    }

  return g_string_free (s, FALSE);
}

#define assert_assignees(r, expected) \
  G_STMT_START { \
    g_autofree char *_got = describe_assignees (r); \
    g_assert_cmpstr (_got, ==, expected); \
  } G_STMT_END

#define assert_people(plan, expected) \
  G_STMT_START { \
    g_autofree char *_got = describe_people (plan); \
    g_assert_cmpstr (_got, ==, expected); \
  } G_STMT_END

static void
count_cb (gpointer  instance,
          guint    *count)
{
  (*count)++;
}

static void
test_template (void)
{
  g_autoptr(CtoPlan) plan = cto_plan_new_from_template ();
  GListModel *model = cto_plan_get_responsibilities (plan);
  guint per_function[CTO_N_FUNCTIONS] = { 0 };

  g_assert_cmpuint (g_list_model_get_n_items (cto_plan_get_people (plan)), ==, 0);
  g_assert_false (cto_history_get_modified (cto_plan_get_history (plan)));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CtoResponsibility) r = g_list_model_get_item (model, i);

      per_function[cto_responsibility_get_function (r)]++;
      g_assert_cmpuint (cto_responsibility_get_n_assignees (r), ==, 0);
      g_assert_cmpfloat (cto_responsibility_get_effort (r), >, 0);
      g_assert_cmpstr (cto_responsibility_get_title (r), !=, "");
    }

  for (guint f = 0; f < CTO_N_FUNCTIONS; f++)
    g_assert_cmpuint (per_function[f], >=, 3);
}

static void
test_functions (void)
{
  const char *ids[] = { "planning", "infrastructure", "consumer-liaison", "thinker" };
  CtoFunction f;

  for (guint i = 0; i < CTO_N_FUNCTIONS; i++)
    {
      g_assert_cmpstr (cto_function_get_id (i), ==, ids[i]);
      g_assert_true (cto_function_from_id (ids[i], &f));
      g_assert_cmpint (f, ==, i);
      g_assert_cmpstr (cto_function_get_name (i), !=, "");
    }

  g_assert_false (cto_function_from_id ("Planning", &f));
  g_assert_false (cto_function_from_id ("", &f));
}

static void
test_make_id (void)
{
  g_autoptr(CtoPlan) plan = make_plan ();
  g_autofree char *a = cto_plan_make_person_id (plan, "Ana Pérez");
  g_autofree char *b = cto_plan_make_person_id (plan, "Bo");
  g_autofree char *c = cto_plan_make_person_id (plan, "  !!  ");
  g_autofree char *d = cto_plan_make_responsibility_id (plan, "Security");

  g_assert_cmpstr (a, ==, "ana-perez");
  g_assert_cmpstr (b, ==, "bo-2");
  g_assert_cmpstr (c, ==, "person");
  g_assert_cmpstr (d, ==, "security-2");
}

static void
test_person_edits (void)
{
  g_autoptr(CtoPlan) plan = make_plan ();
  CtoHistory *history = cto_plan_get_history (plan);
  CtoPerson *bo = person (plan, "bo");

  cto_plan_set_person_name (plan, bo, "Bo Lindqvist");
  cto_plan_set_person_role (plan, bo, "Engineer");
  cto_plan_set_person_capacity (plan, bo, 32);
  cto_plan_set_person_open_role (plan, bo, TRUE);

  g_assert_cmpstr (cto_person_get_name (bo), ==, "Bo Lindqvist");
  g_assert_cmpstr (cto_person_get_role (bo), ==, "Engineer");
  g_assert_cmpfloat (cto_person_get_capacity (bo), ==, 32);
  g_assert_true (cto_person_get_open_role (bo));

  cto_history_undo (history);
  g_assert_false (cto_person_get_open_role (bo));
  cto_history_undo (history);
  g_assert_cmpfloat (cto_person_get_capacity (bo), ==, 40);
  cto_history_undo (history);
  g_assert_cmpstr (cto_person_get_role (bo), ==, "");
  cto_history_undo (history);
  g_assert_cmpstr (cto_person_get_name (bo), ==, "Bo Lin");
  g_assert_false (cto_history_get_can_undo (history));

  cto_history_redo (history);
  cto_history_redo (history);
  g_assert_cmpstr (cto_person_get_name (bo), ==, "Bo Lindqvist");
  g_assert_cmpstr (cto_person_get_role (bo), ==, "Engineer");
  g_assert_cmpfloat (cto_person_get_capacity (bo), ==, 40);
}

static void
test_person_insert_move (void)
{
  g_autoptr(CtoPlan) plan = make_plan ();
  CtoHistory *history = cto_plan_get_history (plan);
  g_autoptr(CtoPerson) dee = cto_person_new ("dee", "Dee", "Support lead", 40, TRUE);

  cto_plan_insert_person (plan, 1, dee);
  assert_people (plan, "ana,dee,bo,cy");
  g_assert_true (cto_plan_find_person (plan, "dee") == dee);

  cto_plan_move_person (plan, dee, 3);
  assert_people (plan, "ana,bo,cy,dee");
  cto_plan_move_person (plan, person (plan, "cy"), 0);
  assert_people (plan, "cy,ana,bo,dee");

  cto_history_undo (history);
  assert_people (plan, "ana,bo,cy,dee");
  cto_history_undo (history);
  assert_people (plan, "ana,dee,bo,cy");
  cto_history_undo (history);
  assert_people (plan, "ana,bo,cy");
  g_assert_null (cto_plan_find_person (plan, "dee"));

  cto_history_redo (history);
  assert_people (plan, "ana,dee,bo,cy");
  g_assert_true (cto_plan_find_person (plan, "dee") == dee);
}

static void
test_remove_person (void)
{
  g_autoptr(CtoPlan) plan = make_plan ();
  CtoHistory *history = cto_plan_get_history (plan);
  CtoResponsibility *security = responsibility (plan, "security");
  CtoResponsibility *roadmap = responsibility (plan, "roadmap");
  g_autoptr(CtoPerson) bo = g_object_ref (person (plan, "bo"));

  g_assert_true (cto_plan_set_reports_to (plan, bo, person (plan, "ana"), NULL));
  g_assert_true (cto_plan_set_reports_to (plan, person (plan, "cy"), bo, NULL));
  cto_plan_assign (plan, security, bo, 2);
  cto_plan_assign (plan, security, person (plan, "ana"), 1);
  cto_plan_set_accountable (plan, security, bo);
  cto_plan_assign (plan, roadmap, bo, 1);

  cto_plan_remove_person (plan, bo);

  assert_people (plan, "ana,cy");
  assert_assignees (security, "ana:1");
  assert_assignees (roadmap, "");
  g_assert_null (cto_person_get_reports_to (person (plan, "cy")));
  g_assert_cmpstr (cto_history_get_undo_label (history), ==, "Remove “Bo Lin”");

  /* One step brings everything back. */
  cto_history_undo (history);
  assert_people (plan, "ana,bo,cy");
  assert_assignees (security, "bo:2*,ana:1");
  assert_assignees (roadmap, "bo:1");
  g_assert_cmpstr (cto_person_get_reports_to (person (plan, "cy")), ==, "bo");
  g_assert_cmpstr (cto_person_get_reports_to (bo), ==, "ana");

  cto_history_redo (history);
  assert_people (plan, "ana,cy");
  assert_assignees (security, "ana:1");
  g_assert_null (cto_person_get_reports_to (person (plan, "cy")));
}

static void
test_reports_to_cycle (void)
{
  g_autoptr(CtoPlan) plan = make_plan ();
  g_autoptr(GError) error = NULL;
  CtoPerson *ana = person (plan, "ana");
  CtoPerson *bo = person (plan, "bo");
  CtoPerson *cy = person (plan, "cy");

  g_assert_true (cto_plan_set_reports_to (plan, bo, ana, NULL));
  g_assert_true (cto_plan_set_reports_to (plan, cy, bo, NULL));

  g_assert_false (cto_plan_set_reports_to (plan, ana, cy, &error));
  g_assert_error (error, CTO_PLAN_ERROR, CTO_PLAN_ERROR_CYCLE);
  g_assert_null (cto_person_get_reports_to (ana));
  g_clear_error (&error);

  g_assert_false (cto_plan_set_reports_to (plan, ana, ana, &error));
  g_assert_error (error, CTO_PLAN_ERROR, CTO_PLAN_ERROR_CYCLE);
  g_clear_error (&error);

  /* Moving cy under ana directly is fine, and so is clearing. */
  g_assert_true (cto_plan_set_reports_to (plan, cy, ana, NULL));
  g_assert_cmpstr (cto_person_get_reports_to (cy), ==, "ana");
  g_assert_true (cto_plan_set_reports_to (plan, cy, NULL, NULL));
  g_assert_null (cto_person_get_reports_to (cy));

  cto_history_undo (cto_plan_get_history (plan));
  g_assert_cmpstr (cto_person_get_reports_to (cy), ==, "ana");
}

static void
test_responsibility_edits (void)
{
  g_autoptr(CtoPlan) plan = make_plan ();
  CtoHistory *history = cto_plan_get_history (plan);
  CtoResponsibility *security = responsibility (plan, "security");
  GListModel *model = cto_plan_get_responsibilities (plan);
  g_autoptr(CtoResponsibility) backups =
    cto_responsibility_new ("backups", "Backups", CTO_FUNCTION_INFRASTRUCTURE, 2, "");
  g_autoptr(CtoResponsibility) first = NULL;

  cto_plan_set_responsibility_title (plan, security, "Protect from threats");
  cto_plan_set_responsibility_function (plan, security, CTO_FUNCTION_THINKER);
  cto_plan_set_responsibility_effort (plan, security, 7.5);
  cto_plan_set_responsibility_description (plan, security, "Phishing drills");
  cto_plan_insert_responsibility (plan, 0, backups);
  cto_plan_move_responsibility (plan, backups, 2);

  g_assert_cmpstr (cto_responsibility_get_title (security), ==, "Protect from threats");
  g_assert_cmpint (cto_responsibility_get_function (security), ==, CTO_FUNCTION_THINKER);
  g_assert_cmpfloat (cto_responsibility_get_effort (security), ==, 7.5);
  g_assert_cmpstr (cto_responsibility_get_description (security), ==, "Phishing drills");
  g_assert_cmpint (cto_plan_get_responsibility_position (plan, backups), ==, 2);

  for (guint i = 0; i < 6; i++)
    cto_history_undo (history);

  g_assert_cmpstr (cto_responsibility_get_title (security), ==, "Security");
  g_assert_cmpint (cto_responsibility_get_function (security), ==, CTO_FUNCTION_INFRASTRUCTURE);
  g_assert_cmpfloat (cto_responsibility_get_effort (security), ==, 6);
  g_assert_cmpstr (cto_responsibility_get_description (security), ==, "");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  g_assert_null (cto_plan_find_responsibility (plan, "backups"));

  cto_plan_remove_responsibility (plan, security);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  g_assert_null (cto_plan_find_responsibility (plan, "security"));
  cto_history_undo (history);
  first = g_list_model_get_item (model, 0);
  g_assert_true (first == security);
  g_assert_true (cto_plan_find_responsibility (plan, "security") == security);
}

static void
test_assign (void)
{
  g_autoptr(CtoPlan) plan = make_plan ();
  CtoHistory *history = cto_plan_get_history (plan);
  CtoResponsibility *security = responsibility (plan, "security");
  CtoPerson *ana = person (plan, "ana");
  CtoPerson *bo = person (plan, "bo");
  guint signals = 0;

  g_signal_connect (security, "assignees-changed", G_CALLBACK (count_cb), &signals);

  /* Someone joining it alone would carry all six hours. */
  g_assert_cmpfloat (cto_responsibility_get_joining_hours (security, 1), ==, 6);
  g_assert_true (cto_plan_assign (plan, security, bo, 2));
  g_assert_true (cto_plan_assign (plan, security, ana, 1));
  assert_assignees (security, "bo:2,ana:1");
  g_assert_cmpfloat (cto_responsibility_get_total_share (security), ==, 3);
  /* A newcomer with a share of one beside shares of three: a quarter;
   * with three, half. */
  g_assert_cmpfloat_with_epsilon (cto_responsibility_get_joining_hours (security, 1), 1.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (cto_responsibility_get_joining_hours (security, 3), 3, 1e-9);
  g_assert_cmpuint (signals, ==, 2);

  /* Assigning again changes nothing and records nothing. */
  g_assert_false (cto_plan_assign (plan, security, bo, 5));
  assert_assignees (security, "bo:2,ana:1");
  g_assert_cmpuint (signals, ==, 2);

  cto_history_undo (history);
  assert_assignees (security, "bo:2");
  cto_history_undo (history);
  assert_assignees (security, "");
  g_assert_false (cto_history_get_can_undo (history));
  cto_history_redo (history);
  assert_assignees (security, "bo:2");
}

static void
test_unassign (void)
{
  g_autoptr(CtoPlan) plan = make_plan ();
  CtoHistory *history = cto_plan_get_history (plan);
  CtoResponsibility *security = responsibility (plan, "security");
  CtoPerson *ana = person (plan, "ana");
  CtoPerson *bo = person (plan, "bo");

  cto_plan_assign (plan, security, bo, 2);
  cto_plan_assign (plan, security, ana, 1);
  cto_plan_set_accountable (plan, security, ana);

  g_assert_true (cto_plan_unassign (plan, security, ana));
  assert_assignees (security, "bo:2");
  g_assert_null (cto_responsibility_get_accountable (security));
  g_assert_false (cto_plan_unassign (plan, security, ana));

  cto_history_undo (history);
  assert_assignees (security, "bo:2,ana:1*");
  g_assert_cmpstr (cto_responsibility_get_accountable (security), ==, "ana");
}

static void
test_move_assignment (void)
{
  g_autoptr(CtoPlan) plan = make_plan ();
  CtoHistory *history = cto_plan_get_history (plan);
  CtoResponsibility *security = responsibility (plan, "security");
  CtoPerson *ana = person (plan, "ana");
  CtoPerson *bo = person (plan, "bo");
  CtoPerson *cy = person (plan, "cy");

  cto_plan_assign (plan, security, bo, 2);
  cto_plan_assign (plan, security, ana, 1);
  cto_plan_set_accountable (plan, security, bo);

  /* To someone new: they take the share and the accountability, in place. */
  g_assert_true (cto_plan_move_assignment (plan, security, bo, cy));
  assert_assignees (security, "cy:2*,ana:1");

  /* To someone who already carries it: the shares add up. */
  g_assert_true (cto_plan_move_assignment (plan, security, cy, ana));
  assert_assignees (security, "ana:3*");

  /* From someone who does not carry it, or onto oneself: nothing. */
  g_assert_false (cto_plan_move_assignment (plan, security, bo, ana));
  g_assert_false (cto_plan_move_assignment (plan, security, ana, ana));

  cto_history_undo (history);
  assert_assignees (security, "cy:2*,ana:1");
  cto_history_undo (history);
  assert_assignees (security, "bo:2*,ana:1");
}

static void
test_share_and_accountable (void)
{
  g_autoptr(CtoPlan) plan = make_plan ();
  CtoHistory *history = cto_plan_get_history (plan);
  CtoResponsibility *security = responsibility (plan, "security");
  CtoPerson *ana = person (plan, "ana");
  CtoPerson *bo = person (plan, "bo");
  CtoPerson *cy = person (plan, "cy");

  cto_plan_assign (plan, security, bo, 1);
  cto_plan_assign (plan, security, ana, 1);

  g_assert_true (cto_plan_set_share (plan, security, ana, 0.5));
  g_assert_false (cto_plan_set_share (plan, security, ana, 0.5));
  g_assert_false (cto_plan_set_share (plan, security, cy, 3));
  assert_assignees (security, "bo:1,ana:0.5");

  g_assert_true (cto_plan_set_accountable (plan, security, bo));
  g_assert_false (cto_plan_set_accountable (plan, security, bo));
  /* Only an assignee can be accountable. */
  g_assert_false (cto_plan_set_accountable (plan, security, cy));
  g_assert_true (cto_plan_set_accountable (plan, security, ana));
  assert_assignees (security, "bo:1,ana:0.5*");
  g_assert_true (cto_plan_set_accountable (plan, security, NULL));
  assert_assignees (security, "bo:1,ana:0.5");

  cto_history_undo (history);
  assert_assignees (security, "bo:1,ana:0.5*");
  cto_history_undo (history);
  assert_assignees (security, "bo:1*,ana:0.5");
  cto_history_undo (history);
  cto_history_undo (history);
  assert_assignees (security, "bo:1,ana:1");
}

static void
test_settings (void)
{
  g_autoptr(CtoPlan) plan = make_plan ();
  CtoHistory *history = cto_plan_get_history (plan);

  g_assert_cmpstr (cto_plan_get_title (plan), ==, "Untitled plan");
  g_assert_cmpfloat (cto_plan_get_overload_threshold (plan), ==, 1.0);
  g_assert_cmpfloat (cto_plan_get_hours_per_fte (plan), ==, 40);

  cto_plan_set_title (plan, "Acme 2027");
  cto_plan_set_overload_threshold (plan, 1.2);
  cto_plan_set_hours_per_fte (plan, 38);
  g_assert_cmpstr (cto_plan_get_title (plan), ==, "Acme 2027");
  g_assert_cmpfloat (cto_plan_get_overload_threshold (plan), ==, 1.2);
  g_assert_cmpfloat (cto_plan_get_hours_per_fte (plan), ==, 38);

  cto_history_undo (history);
  cto_history_undo (history);
  cto_history_undo (history);
  g_assert_cmpstr (cto_plan_get_title (plan), ==, "Untitled plan");
  g_assert_cmpfloat (cto_plan_get_overload_threshold (plan), ==, 1.0);
  g_assert_cmpfloat (cto_plan_get_hours_per_fte (plan), ==, 40);
}

static void
test_changed_signal (void)
{
  g_autoptr(CtoPlan) plan = make_plan ();
  CtoHistory *history = cto_plan_get_history (plan);
  CtoPerson *ana = person (plan, "ana");
  guint changed = 0;

  cto_plan_assign (plan, responsibility (plan, "security"), ana, 1);
  cto_plan_assign (plan, responsibility (plan, "roadmap"), ana, 1);
  g_signal_connect (plan, "changed", G_CALLBACK (count_cb), &changed);

  cto_plan_set_person_capacity (plan, ana, 20);
  g_assert_cmpuint (changed, ==, 1);

  /* An edit that changes nothing emits nothing. */
  cto_plan_set_person_capacity (plan, ana, 20);
  g_assert_cmpuint (changed, ==, 1);

  /* Removing a person with two assignments is one change. */
  cto_plan_remove_person (plan, ana);
  g_assert_cmpuint (changed, ==, 2);
  cto_history_undo (history);
  g_assert_cmpuint (changed, ==, 3);
  cto_history_redo (history);
  g_assert_cmpuint (changed, ==, 4);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plan/template", test_template);
  g_test_add_func ("/plan/functions", test_functions);
  g_test_add_func ("/plan/make-id", test_make_id);
  g_test_add_func ("/plan/person/edits", test_person_edits);
  g_test_add_func ("/plan/person/insert-move", test_person_insert_move);
  g_test_add_func ("/plan/person/remove", test_remove_person);
  g_test_add_func ("/plan/person/reports-to-cycle", test_reports_to_cycle);
  g_test_add_func ("/plan/responsibility/edits", test_responsibility_edits);
  g_test_add_func ("/plan/assign/add", test_assign);
  g_test_add_func ("/plan/assign/remove", test_unassign);
  g_test_add_func ("/plan/assign/move", test_move_assignment);
  g_test_add_func ("/plan/assign/share-accountable", test_share_and_accountable);
  g_test_add_func ("/plan/settings", test_settings);
  g_test_add_func ("/plan/changed-signal", test_changed_signal);

  return g_test_run ();
}
