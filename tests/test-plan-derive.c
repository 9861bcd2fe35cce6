/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "cto-date.h"
#include "cto-history.h"
#include "cto-plan-io.h"
#include "cto-plan-private.h"
#include "cto-plan.h"

/*
 * ana ← bo ← cy ← dee (each reports to the one before), eve reports to no one.
 * security: bo 2 (accountable), ana 1; cloud: bo alone; roadmap: cy 1, dee 3.
 */
static const char derive_plan[] =
  "{\"format\": \"cto-planner-plan\", \"version\": 1, \"title\": \"T\","
  " \"settings\": {\"overload_threshold\": 1.2, \"hours_per_fte\": 36, \"keep\": true},"
  " \"people\": ["
  "  {\"id\": \"ana\", \"name\": \"Ana\", \"capacity\": 40},"
  "  {\"id\": \"bo\", \"name\": \"Bo\", \"reports_to\": \"ana\", \"start\": \"2027-01-01\"},"
  "  {\"id\": \"cy\", \"name\": \"Cy\", \"reports_to\": \"bo\", \"end\": \"2027-04-01\"},"
  "  {\"id\": \"dee\", \"name\": \"Dee\", \"reports_to\": \"cy\", \"open_role\": true,"
  "   \"start\": \"2027-02-15\", \"end\": \"2028-01-01\", \"x-note\": [1, 2]},"
  "  {\"id\": \"eve\", \"name\": \"Eve\"}],"
  " \"responsibilities\": ["
  "  {\"id\": \"security\", \"title\": \"Security\", \"function\": \"infrastructure\", \"effort\": 6,"
  "   \"assignees\": [{\"person\": \"bo\", \"share\": 2, \"accountable\": true},"
  "                  {\"person\": \"ana\", \"share\": 1}]},"
  "  {\"id\": \"cloud\", \"title\": \"Cloud\", \"function\": \"infrastructure\", \"effort\": 4,"
  "   \"assignees\": [{\"person\": \"bo\"}]},"
  "  {\"id\": \"roadmap\", \"title\": \"Roadmap\", \"function\": \"planning\", \"effort\": 8,"
  "   \"assignees\": [{\"person\": \"cy\"}, {\"person\": \"dee\", \"share\": 3}]}]}";

static CtoPlan *
load_plan (void)
{
  g_autoptr(GError) error = NULL;
  CtoPlan *plan = cto_plan_io_load_data (derive_plan, strlen (derive_plan), &error);

  g_assert_no_error (error);
  return plan;
}

static char *
canonical (CtoPlan *plan)
{
  return cto_plan_io_to_data (plan, NULL);
}

static GDate
day (const char *text)
{
  GDate date;

  g_assert_true (cto_date_parse (text, &date));
  return date;
}

static char *
describe (CtoResponsibility *r)
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

static void
assert_assignees (CtoPlan    *plan,
                  const char *id,
                  const char *expected)
{
  g_autofree char *text = describe (cto_plan_find_responsibility (plan, id));

  g_assert_cmpstr (text, ==, expected);
}

static void
assert_reports_to (CtoPlan    *plan,
                   const char *id,
                   const char *manager)
{
  g_assert_cmpstr (cto_person_get_reports_to (cto_plan_find_person (plan, id)), ==, manager);
}

static void
test_dates_parse (void)
{
  const struct { const char *text; gboolean valid; } cases[] = {
    { "2027-01-01", TRUE }, { "2024-02-29", TRUE }, { "2023-02-29", FALSE },
    { "2000-02-29", TRUE }, { "1900-02-29", FALSE }, { "2027-04-31", FALSE },
    { "2027-12-31", TRUE }, { "2027-00-10", FALSE }, { "2027-01-00", FALSE },
    { "0001-01-01", TRUE }, { "0000-01-01", FALSE }, { "27-01-01", FALSE },
    { "2027-01-01 ", FALSE }, { " 2027-01-01", FALSE }, { "2027/01/01", FALSE },
    { "２０２７-01-01", FALSE }, { "", FALSE }, { "2027-1-1", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate date;

      g_assert_cmpint (cto_date_parse (cases[i].text, &date), ==, cases[i].valid);
      if (cases[i].valid)
        {
          g_autofree char *again = cto_date_to_string (&date);

          g_assert_cmpstr (again, ==, cases[i].text);
        }
    }
}

static void
test_dates_quarter (void)
{
  const char *cases[][2] = {
    { "2027-01-01", "2027-01-01" }, { "2027-03-31", "2027-01-01" },
    { "2027-04-01", "2027-04-01" }, { "2027-08-15", "2027-07-01" },
    { "2027-12-31", "2027-10-01" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate date = day (cases[i][0]);
      GDate start;
      g_autofree char *text = NULL;

      cto_date_get_quarter_start (&date, &start);
      text = cto_date_to_string (&start);
      g_assert_cmpstr (text, ==, cases[i][1]);
    }
}

static void
test_dates_today_from_epoch (void)
{
  GDate today;
  g_autofree char *text = NULL;

  g_setenv ("SOURCE_DATE_EPOCH", "1798675200", TRUE);  /* 2026-12-31 00:00 UTC */
  cto_date_get_today (&today);
  text = cto_date_to_string (&today);
  g_assert_cmpstr (text, ==, "2026-12-31");
  g_unsetenv ("SOURCE_DATE_EPOCH");
}

/* Start is the first day there, end the first day gone. */
static void
test_presence (void)
{
  g_autoptr(CtoPlan) plan = load_plan ();
  CtoPerson *bo = cto_plan_find_person (plan, "bo");
  CtoPerson *cy = cto_plan_find_person (plan, "cy");
  CtoPerson *ana = cto_plan_find_person (plan, "ana");
  GDate d;

  d = day ("2026-12-31");
  g_assert_false (cto_person_is_present (bo, &d));
  g_assert_true (cto_person_is_present (cy, &d));
  g_assert_true (cto_person_is_present (ana, &d));
  d = day ("2027-01-01");
  g_assert_true (cto_person_is_present (bo, &d));
  d = day ("2027-03-31");
  g_assert_true (cto_person_is_present (cy, &d));
  d = day ("2027-04-01");
  g_assert_false (cto_person_is_present (cy, &d));
}

static void
test_set_dates (void)
{
  g_autoptr(CtoPlan) plan = load_plan ();
  CtoHistory *history = cto_plan_get_history (plan);
  CtoPerson *eve = cto_plan_find_person (plan, "eve");
  g_autoptr(GError) error = NULL;
  g_autofree char *before = canonical (plan);
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  GDate start = day ("2027-05-01");
  GDate end = day ("2027-05-01");

  /* An end on or before the start is refused, and changes nothing. */
  g_assert_false (cto_plan_set_person_dates (plan, eve, &start, &end, &error));
  g_assert_error (error, CTO_PLAN_ERROR, CTO_PLAN_ERROR_INVALID);
  g_assert_false (cto_history_get_can_undo (history));
  g_clear_error (&error);
  /* The same rule, asked before any change, as a dialog of many fields
   * does; either day alone is fine. */
  g_assert_false (cto_person_dates_in_order (&start, &end));
  g_assert_false (cto_plan_check_person_dates (&start, &end, &error));
  g_assert_error (error, CTO_PLAN_ERROR, CTO_PLAN_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (cto_person_dates_in_order (&start, NULL));
  g_assert_true (cto_person_dates_in_order (NULL, &end));

  end = day ("2027-09-01");
  g_assert_true (cto_person_dates_in_order (&start, &end));
  g_assert_true (cto_plan_check_person_dates (&start, &end, NULL));
  g_assert_true (cto_plan_set_person_dates (plan, eve, &start, &end, &error));
  g_assert_no_error (error);
  g_assert_true (cto_history_get_can_undo (history));
  g_assert_cmpint (g_date_compare (cto_person_get_start (eve), &start), ==, 0);
  after = canonical (plan);
  g_assert_nonnull (strstr (after, "\"start\": \"2027-05-01\",\n      \"end\": \"2027-09-01\""));

  /* One step undoes both dates. */
  cto_history_undo (history);
  undone = canonical (plan);
  g_assert_cmpstr (undone, ==, before);
  g_assert_null (cto_person_get_start (eve));
  cto_history_redo (history);
  g_assert_nonnull (cto_person_get_end (eve));

  /* Clearing both is an edit too; setting what is there records nothing. */
  g_assert_true (cto_plan_set_person_dates (plan, eve, NULL, NULL, NULL));
  g_assert_false (cto_person_has_dates (eve));
  cto_history_clear (history);
  g_assert_true (cto_plan_set_person_dates (plan, eve, NULL, NULL, NULL));
  g_assert_false (cto_history_get_can_undo (history));
}

static void
test_copy (void)
{
  g_autoptr(CtoPlan) plan = load_plan ();
  g_autoptr(CtoPlan) copy = cto_plan_copy (plan);
  g_autofree char *a = canonical (plan);
  g_autofree char *b = canonical (copy);

  g_assert_cmpstr (a, ==, b);
  g_assert_false (cto_history_get_can_undo (cto_plan_get_history (copy)));
  g_assert_false (cto_history_get_modified (cto_plan_get_history (copy)));
}

/* A copy made a few items at a time is the copy; an edit meanwhile makes it
 * start again, and the copy is of the plan as edited. */
static void
test_copy_in_steps (void)
{
  g_autoptr(CtoPlan) plan = load_plan ();
  g_autofree char *before = canonical (plan);
  g_autofree char *edited = NULL;
  g_autoptr(CtoPlanCopier) copier = cto_plan_copier_new (plan);
  g_autoptr(CtoPlan) copy = NULL;
  g_autofree char *copied = NULL;
  guint steps = 0;

  g_assert_true (cto_plan_copier_get_plan (copier) == plan);
  while (!cto_plan_copier_step (copier, 2))
    steps++;
  g_assert_cmpuint (steps, >, 1);
  copy = cto_plan_copier_finish (copier);
  copied = canonical (copy);
  g_assert_cmpstr (copied, ==, before);
  g_assert_false (cto_history_get_can_undo (cto_plan_get_history (copy)));
  g_clear_pointer (&copier, cto_plan_copier_free);
  g_clear_object (&copy);
  g_clear_pointer (&copied, g_free);

  copier = cto_plan_copier_new (plan);
  g_assert_false (cto_plan_copier_step (copier, 3));
  g_assert_true (cto_plan_unassign (plan, cto_plan_find_responsibility (plan, "cloud"),
                                    cto_plan_find_person (plan, "bo")));
  edited = canonical (plan);
  g_assert_cmpstr (edited, !=, before);
  while (!cto_plan_copier_step (copier, 3))
    ;
  copy = cto_plan_copier_finish (copier);
  copied = canonical (copy);
  g_assert_cmpstr (copied, ==, edited);
}

/* Work on a copy: the function runs on another thread, with a copy of the
 * plan as it is once copied (an edit meanwhile included); its data is let
 * go of on this thread; cancelled, it says so. */
typedef struct
{
  GThread *main_thread;
  GThread *worked_on;
  gboolean data_freed;
  char    *result;
  GError  *error;
  gboolean done;
  guint    state;
  gboolean hold;        /* the function waits for leave to go */
  gboolean leave;
  GMutex   lock;
  GCond    cond;
} Work;

static gpointer
canonical_on_copy (CtoPlan      *copy,
                   gpointer      data,
                   GCancellable *cancellable)
{
  Work *work = data;

  char *text = canonical (copy);

  g_mutex_lock (&work->lock);
  work->worked_on = g_thread_self ();
  g_cond_broadcast (&work->cond);
  while (work->hold && !work->leave)
    g_cond_wait (&work->cond, &work->lock);
  g_mutex_unlock (&work->lock);

  return text;
}

static void
work_data_free (gpointer data)
{
  Work *work = data;

  g_assert_true (g_thread_self () == work->main_thread);
  work->data_freed = TRUE;
}

static void
worked_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Work *work = user_data;

  g_assert_true (source == NULL);
  work->result = cto_plan_work_on_copy_finish (result, &work->error);
  work->state = cto_plan_work_on_copy_get_state (result);
  work->done = TRUE;
}

static void
test_work_on_copy (void)
{
  g_autoptr(CtoPlan) plan = load_plan ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *edited = NULL;
  guint edited_state;
  gboolean edited_after = FALSE;
  Work work = { g_thread_self (), NULL, FALSE, NULL, NULL, FALSE, 0, TRUE, FALSE };

  cto_plan_work_on_copy_async (plan, NULL, 2, G_PRIORITY_DEFAULT, canonical_on_copy, &work,
                               work_data_free, g_free, NULL, worked_cb, &work);
  /* One step taken (two people), then an edit of one already copied. */
  g_main_context_iteration (NULL, FALSE);
  g_assert_false (work.done);
  cto_plan_set_person_name (plan, cto_plan_find_person (plan, "ana"), "Ana Renamed");
  edited = canonical (plan);
  edited_state = cto_history_get_state (cto_plan_get_history (plan));
  /* Once the copy is worked on, an edit is not in it. */
  g_mutex_lock (&work.lock);
  while (work.worked_on == NULL)
    {
      g_mutex_unlock (&work.lock);
      g_main_context_iteration (NULL, FALSE);
      g_mutex_lock (&work.lock);
    }
  g_mutex_unlock (&work.lock);
  cto_plan_set_person_name (plan, cto_plan_find_person (plan, "bo"), "Bo Renamed");
  edited_after = TRUE;
  g_mutex_lock (&work.lock);
  work.leave = TRUE;
  g_cond_broadcast (&work.cond);
  g_mutex_unlock (&work.lock);
  while (!work.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (work.error);
  g_assert_cmpstr (work.result, ==, edited);
  /* What the copy was of: the state with the edit made during the copy. */
  g_assert_cmpuint (work.state, ==, edited_state);
  g_assert_true (edited_after);
  g_assert_cmpuint (cto_history_get_state (cto_plan_get_history (plan)), !=, edited_state);
  g_assert_true (work.worked_on != work.main_thread);
  g_assert_true (work.data_freed);
  g_clear_pointer (&work.result, g_free);

  /* Cancelled while it copies: nothing is made, and the data goes. */
  work = (Work) { g_thread_self (), NULL, FALSE, NULL, NULL, FALSE, 0 };
  cto_plan_work_on_copy_async (plan, NULL, 2, G_PRIORITY_DEFAULT, canonical_on_copy, &work,
                               work_data_free, g_free, cancellable, worked_cb, &work);
  g_main_context_iteration (NULL, FALSE);
  g_cancellable_cancel (cancellable);
  while (!work.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (work.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (work.result);
  g_assert_null (work.worked_on);
  g_assert_true (work.data_freed);
  g_clear_error (&work.error);
}

/* Members the format does not name come along, and the copy shares none of
 * them with the plan: it may be used on another thread. */
static void
test_copy_in_steps_extras (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "valid-extras-canonical.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CtoPlan) plan = cto_plan_io_load_file (file, NULL, &error);
  g_autoptr(CtoPlanCopier) copier = NULL;
  g_autoptr(CtoPlan) copy = NULL;
  g_autofree char *before = NULL;
  g_autofree char *copied = NULL;
  CtoResponsibility *tools, *tools_copy;

  g_assert_no_error (error);
  before = canonical (plan);
  copier = cto_plan_copier_new (plan);
  while (!cto_plan_copier_step (copier, 1))
    ;
  copy = cto_plan_copier_finish (copier);
  copied = canonical (copy);
  g_assert_cmpstr (copied, ==, before);

  g_assert_nonnull (_cto_plan_get_extra (copy));
  g_assert_true (_cto_plan_get_extra (copy) != _cto_plan_get_extra (plan));
  g_assert_true (_cto_plan_get_settings_extra (copy) != _cto_plan_get_settings_extra (plan));
  g_assert_true (_cto_person_get_extra (cto_plan_find_person (copy, "ana")) !=
                 _cto_person_get_extra (cto_plan_find_person (plan, "ana")));
  tools = cto_plan_find_responsibility (plan, "tools");
  tools_copy = cto_plan_find_responsibility (copy, "tools");
  g_assert_true (_cto_responsibility_get_extra (tools_copy) != _cto_responsibility_get_extra (tools));
  g_assert_nonnull (cto_responsibility_get_assignee (tools_copy, 0)->extra);
  g_assert_true (cto_responsibility_get_assignee (tools_copy, 0)->extra !=
                 cto_responsibility_get_assignee (tools, 0)->extra);
}

static void
test_copy_without (void)
{
  g_autoptr(CtoPlan) plan = load_plan ();
  g_autofree char *before = canonical (plan);
  g_autofree char *after = NULL;
  const char *leaving[] = { "bo", NULL };
  g_autoptr(CtoPlan) without = cto_plan_copy_without (plan, leaving);

  g_assert_null (cto_plan_find_person (without, "bo"));
  g_assert_cmpuint (g_list_model_get_n_items (cto_plan_get_people (without)), ==, 4);
  /* Others keep their shares; bo's accountable mark passes to no one. */
  assert_assignees (without, "security", "ana:1");
  assert_assignees (without, "cloud", "");
  assert_assignees (without, "roadmap", "cy:1,dee:3");
  /* Cy reported to bo, now to ana. */
  assert_reports_to (without, "cy", "ana");
  assert_reports_to (without, "dee", "cy");
  /* Settings and kept members come along. */
  g_assert_cmpfloat (cto_plan_get_overload_threshold (without), ==, 1.2);
  g_assert_cmpfloat (cto_plan_get_hours_per_fte (without), ==, 36);

  /* The plan it came from is untouched. */
  after = canonical (plan);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (cto_history_get_can_undo (cto_plan_get_history (plan)));
}

/* With a whole line leaving, reports go up to the first who stays. */
static void
test_copy_without_line (void)
{
  g_autoptr(CtoPlan) plan = load_plan ();
  const char *leaving[] = { "cy", "bo", "nobody", NULL };
  g_autoptr(CtoPlan) without = cto_plan_copy_without (plan, leaving);
  const char *top[] = { "ana", "bo", "cy", NULL };
  g_autoptr(CtoPlan) headless = cto_plan_copy_without (plan, top);

  assert_reports_to (without, "dee", "ana");
  assert_assignees (without, "roadmap", "dee:3");
  assert_reports_to (headless, "dee", NULL);
  assert_assignees (headless, "security", "");
}

/* Removing people one by one by hand gives the same plan. */
static void
test_copy_without_equals_edits (void)
{
  GListModel *people;
  g_autoptr(CtoPlan) plan = load_plan ();

  people = cto_plan_get_people (plan);
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(CtoPerson) person = g_list_model_get_item (people, i);
      const char *ids[] = { cto_person_get_id (person), NULL };
      g_autoptr(CtoPlan) without = cto_plan_copy_without (plan, ids);
      g_autoptr(CtoPlan) edited = load_plan ();
      CtoPerson *gone = cto_plan_find_person (edited, ids[0]);
      const char *manager = cto_person_get_reports_to (gone);
      GListModel *edited_people = cto_plan_get_people (edited);
      g_autofree char *a = NULL;
      g_autofree char *b = NULL;

      /* By hand: those who reported to them report to their manager, then
       * they go (which takes their assignments and accountable marks). */
      for (guint j = 0; j < g_list_model_get_n_items (edited_people); j++)
        {
          g_autoptr(CtoPerson) other = g_list_model_get_item (edited_people, j);

          if (g_strcmp0 (cto_person_get_reports_to (other), ids[0]) == 0)
            g_assert_true (cto_plan_set_reports_to (edited, other,
                                                    manager ? cto_plan_find_person (edited, manager)
                                                            : NULL,
                                                    NULL));
        }
      cto_plan_remove_person (edited, gone);

      a = canonical (without);
      b = canonical (edited);
      g_assert_cmpstr (a, ==, b);
    }
}

static void
test_copy_as_of (void)
{
  g_autoptr(CtoPlan) plan = load_plan ();
  GDate d = day ("2027-03-01");
  g_autoptr(CtoPlan) march = cto_plan_copy_as_of (plan, &d);
  GDate later = day ("2027-04-01");
  g_autoptr(CtoPlan) april = cto_plan_copy_as_of (plan, &later);
  GDate early = day ("2026-01-01");
  g_autoptr(CtoPlan) before = cto_plan_copy_as_of (plan, &early);
  const char *not_yet[] = { "bo", "dee", NULL };
  g_autoptr(CtoPlan) without = cto_plan_copy_without (plan, not_yet);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  /* Everyone is there on 1 March 2027. */
  g_assert_cmpuint (g_list_model_get_n_items (cto_plan_get_people (march)), ==, 5);
  /* Cy's end is the first day gone. */
  g_assert_null (cto_plan_find_person (april, "cy"));
  assert_reports_to (april, "dee", "bo");
  /* Before any start: the plan without those people. */
  a = canonical (before);
  b = canonical (without);
  g_assert_cmpstr (a, ==, b);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dates/parse", test_dates_parse);
  g_test_add_func ("/dates/quarter", test_dates_quarter);
  g_test_add_func ("/dates/today-from-epoch", test_dates_today_from_epoch);
  g_test_add_func ("/dates/presence", test_presence);
  g_test_add_func ("/dates/set", test_set_dates);
  g_test_add_func ("/derive/copy", test_copy);
  g_test_add_func ("/derive/copy-in-steps", test_copy_in_steps);
  g_test_add_func ("/derive/copy-in-steps/extras", test_copy_in_steps_extras);
  g_test_add_func ("/derive/work-on-copy", test_work_on_copy);
  g_test_add_func ("/derive/without", test_copy_without);
  g_test_add_func ("/derive/without-line", test_copy_without_line);
  g_test_add_func ("/derive/without-equals-edits", test_copy_without_equals_edits);
  g_test_add_func ("/derive/as-of", test_copy_as_of);

  return g_test_run ();
}
