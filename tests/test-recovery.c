/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>
#include <utime.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "cto-history.h"
#include "cto-plan-io.h"
#include "cto-recovered-plans.h"
#include "cto-recovery.h"
#include "recovery-test-util.h"

/* Keeping unsaved changes through a crash, without a window: the copy, its
 * removal, and what the next start finds. */

static const char plan_json[] =
  "{\"format\": \"cto-planner-plan\", \"version\": 1, \"title\": \"Recovered\","
  " \"people\": [{\"id\": \"bo\", \"name\": \"Bo\"}],"
  " \"responsibilities\": [{\"id\": \"tools\", \"title\": \"Tools\", \"function\": \"planning\","
  " \"effort\": 4}]}";

static char *state_dir;

static CtoPlan *
load_plan (void)
{
  g_autoptr(GError) error = NULL;
  CtoPlan *plan = cto_plan_io_load_data (plan_json, strlen (plan_json), &error);

  g_assert_no_error (error);
  return plan;
}

static void
edit (CtoPlan *plan)
{
  g_assert_true (cto_plan_assign (plan, cto_plan_find_responsibility (plan, "tools"),
                                  cto_plan_find_person (plan, "bo"), 1));
}

static gboolean
spin_until_idle (CtoRecovery *recovery)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (cto_recovery_get_busy (recovery))
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }

  return TRUE;
}

static void
empty_folder (void)
{
  g_autofree char *folder = cto_recovery_dup_folder ();
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);

      g_unlink (path);
    }
}

static guint
count_files (void)
{
  g_autofree char *folder = cto_recovery_dup_folder ();
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;

  return n;
}

static void
test_folder (void)
{
  g_autofree char *folder = cto_recovery_dup_folder ();
  g_autofree char *expected = g_build_filename (state_dir, "cto-planner", "recovery", NULL);

  g_assert_cmpstr (folder, ==, expected);
}

/* Written after the delay, the canonical text; gone when undone to the
 * saved state; gone when discarded. */
static void
test_written_and_removed (void)
{
  g_autoptr(CtoPlan) plan = load_plan ();
  g_autoptr(CtoRecovery) recovery = cto_recovery_new (plan);
  g_autoptr(GFile) file = g_file_new_for_path ("/somewhere/plan.ctoplan.json");
  g_autofree char *copy = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *info_path = NULL;
  g_autofree char *info = NULL;

  cto_recovery_set_delay (recovery, 5);
  cto_recovery_set_file (recovery, file, "etag-1");
  g_assert_false (cto_recovery_get_busy (recovery));

  edit (plan);
  g_assert_true (cto_recovery_get_busy (recovery));
  g_assert_true (spin_until_idle (recovery));
  g_assert_true (g_file_get_contents (cto_recovery_get_path (recovery), &copy, NULL, NULL));
  expected = cto_plan_io_to_data (plan, NULL);
  g_assert_cmpstr (copy, ==, expected);

  info_path = g_strconcat (cto_recovery_get_path (recovery), NULL);
  strcpy (strstr (info_path, ".ctoplan.json"), ".info");
  g_assert_true (g_file_get_contents (info_path, &info, NULL, NULL));
  g_assert_nonnull (strstr (info, "File=file:///somewhere/plan.ctoplan.json"));
  g_assert_nonnull (strstr (info, "Etag=etag-1"));

  /* Back at the saved state: nothing to keep. */
  cto_history_undo (cto_plan_get_history (plan));
  g_assert_true (spin_until_idle (recovery));
  g_assert_false (g_file_test (cto_recovery_get_path (recovery), G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (info_path, G_FILE_TEST_EXISTS));

  edit (plan);
  g_assert_true (spin_until_idle (recovery));
  g_assert_true (g_file_test (cto_recovery_get_path (recovery), G_FILE_TEST_EXISTS));
  cto_recovery_discard (recovery);
  g_assert_true (spin_until_idle (recovery));
  g_assert_false (g_file_test (cto_recovery_get_path (recovery), G_FILE_TEST_EXISTS));
  g_clear_object (&recovery);
  g_assert_cmpuint (count_files (), ==, 0);
}

/* Many people and responsibilities, with members the format does not name. */
static CtoPlan *
large_plan (void)
{
  g_autoptr(GString) json = g_string_new ("{\"format\": \"cto-planner-plan\", \"version\": 1,"
                                          " \"title\": \"Large\", \"x-kept\": [1, {\"a\": null}],"
                                          " \"people\": [");
  g_autoptr(GError) error = NULL;
  CtoPlan *plan;

  for (guint i = 0; i < 500; i++)
    g_string_append_printf (json, "%s{\"id\": \"p%u\", \"name\": \"P %u\", \"x-note\": \"n%u\"}",
                            i > 0 ? ", " : "", i, i, i);
  g_string_append (json, "], \"responsibilities\": [");
  for (guint i = 0; i < 2500; i++)
    g_string_append_printf (json,
                            "%s{\"id\": \"r%u\", \"title\": \"R %u\", \"function\": \"planning\","
                            " \"effort\": 2, \"assignees\": [{\"person\": \"p%u\", \"share\": 1,"
                            " \"x-weight\": %u}]}",
                            i > 0 ? ", " : "", i, i, i % 500, i);
  g_string_append (json, "]}");

  plan = cto_plan_io_load_data (json->str, json->len, &error);
  g_assert_no_error (error);
  return plan;
}

/* A large plan is copied a step at a time and written from the copy: the
 * canonical text of the plan, as edited meanwhile. */
static void
test_large_written (void)
{
  g_autoptr(CtoPlan) plan = large_plan ();
  g_autoptr(CtoRecovery) recovery = cto_recovery_new (plan);
  CtoResponsibility *responsibility = cto_plan_find_responsibility (plan, "r7");
  g_autofree char *copy = NULL;
  g_autofree char *expected = NULL;

  cto_recovery_set_delay (recovery, 0);
  g_assert_true (cto_plan_unassign (plan, responsibility, cto_plan_find_person (plan, "p7")));
  /* The copy begins; an edit comes while it is made. */
  while (!cto_recovery_get_writing (recovery))
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (cto_plan_assign (plan, responsibility, cto_plan_find_person (plan, "p9"), 2));
  g_assert_true (spin_until_idle (recovery));

  g_assert_true (g_file_get_contents (cto_recovery_get_path (recovery), &copy, NULL, NULL));
  expected = cto_plan_io_to_data (plan, NULL);
  g_assert_cmpstr (copy, ==, expected);
  g_assert_nonnull (strstr (copy, "\"x-weight\": 2499"));

  cto_recovery_discard (recovery);
  g_assert_true (spin_until_idle (recovery));
  g_clear_object (&recovery);
  g_assert_cmpuint (count_files (), ==, 0);
}

/* Discarded while the copy is made: nothing is written, nothing is left. */
static void
test_large_discarded_while_copied (void)
{
  g_autoptr(CtoPlan) plan = large_plan ();
  g_autoptr(CtoRecovery) recovery = cto_recovery_new (plan);
  g_autofree char *path = NULL;

  cto_recovery_set_delay (recovery, 0);
  g_assert_true (cto_plan_unassign (plan, cto_plan_find_responsibility (plan, "r7"),
                                    cto_plan_find_person (plan, "p7")));
  while (!cto_recovery_get_writing (recovery))
    g_main_context_iteration (NULL, TRUE);
  path = g_strdup (cto_recovery_get_path (recovery));
  g_assert_nonnull (path);

  cto_recovery_discard (recovery);
  g_assert_true (spin_until_idle (recovery));
  g_assert_false (cto_recovery_get_writing (recovery));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_object (&recovery);
  g_assert_cmpuint (count_files (), ==, 0);
}

/* A copy that cannot be written says why, for the window to tell; the next
 * one written takes that back. */
static void
test_error (void)
{
  g_autoptr(CtoPlan) plan = load_plan ();
  g_autoptr(CtoRecovery) recovery = cto_recovery_new (plan);
  g_autofree char *folder = NULL;

  cto_recovery_set_delay (recovery, 0);
  g_assert_null (cto_recovery_get_error (recovery));

  folder = recovery_folder_block ();
  edit (plan);
  g_assert_true (spin_until_idle (recovery));
  g_assert_nonnull (cto_recovery_get_error (recovery));
  g_assert_nonnull (strstr (cto_recovery_get_error (recovery)->message, folder));

  /* The folder back: written, and nothing to say. */
  recovery_folder_unblock ();
  cto_plan_set_title (plan, "Written after all");
  g_assert_true (spin_until_idle (recovery));
  g_assert_null (cto_recovery_get_error (recovery));
  g_assert_true (g_file_test (cto_recovery_get_path (recovery), G_FILE_TEST_IS_REGULAR));

  cto_recovery_discard (recovery);
  g_assert_true (spin_until_idle (recovery));
  g_clear_object (&recovery);
  g_assert_cmpuint (count_files (), ==, 0);
}

/* A process killed with unsaved changes: the next one finds them. */
static void
test_found_after_crash (void)
{
  g_autoptr(CtoRecoveredPlans) claimed = NULL;
  g_autoptr(CtoPlan) expected = load_plan ();
  g_autofree char *expected_text = NULL;
  g_autofree char *found_text = NULL;

  if (g_test_subprocess ())
    {
      CtoPlan *plan = load_plan ();
      CtoRecovery *recovery = cto_recovery_new (plan);

      cto_recovery_set_delay (recovery, 1);
      edit (plan);
      g_assert_true (spin_until_idle (recovery));
      _exit (0);  /* no clean-up, as in a crash */
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();

  claimed = cto_recovered_plans_claim ();
  g_assert_nonnull (claimed);
  g_assert_cmpuint (cto_recovered_plans_get_n_items (claimed), ==, 1);
  g_assert_null (cto_recovered_plans_get_error (claimed, 0));
  g_assert_null (cto_recovered_plans_get_file (claimed, 0));
  g_assert_false (cto_recovered_plans_get_kept (claimed, 0));
  edit (expected);
  expected_text = cto_plan_io_to_data (expected, NULL);
  found_text = cto_plan_io_to_data (cto_recovered_plans_get_plan (claimed, 0), NULL);
  g_assert_cmpstr (found_text, ==, expected_text);

  cto_recovered_plans_delete (claimed);
  g_clear_pointer (&claimed, cto_recovered_plans_free);
  g_assert_cmpuint (count_files (), ==, 0);
  g_assert_null (cto_recovered_plans_claim ());
}

/* A window closed without waiting for a save leaves its copy for the next
 * start: brought up to date at once when an edit waits for its copy,
 * left alone by later edits, by a discard and by the program's own end. */
static void
test_kept (gconstpointer data)
{
  gboolean written_before = GPOINTER_TO_INT (data);
  g_autoptr(CtoRecoveredPlans) claimed = NULL;
  g_autoptr(CtoPlan) expected = load_plan ();
  g_autofree char *expected_text = NULL;
  g_autofree char *found_text = NULL;

  if (g_test_subprocess ())
    {
      g_autoptr(CtoPlan) plan = load_plan ();
      g_autoptr(CtoRecovery) recovery = cto_recovery_new (plan);
      g_autofree char *path = NULL;

      if (written_before)
        {
          /* Already copied: the note is written again, saying so. */
          cto_recovery_set_delay (recovery, 1);
          edit (plan);
          g_assert_true (spin_until_idle (recovery));
          g_assert_nonnull (cto_recovery_get_path (recovery));
        }
      else
        {
          /* Not written before the program ends, but for the keeping. */
          cto_recovery_set_delay (recovery, 600000);
          edit (plan);
          g_assert_null (cto_recovery_get_path (recovery));
        }
      cto_recovery_keep (recovery);
      g_assert_true (cto_recovery_get_writing (recovery));
      g_assert_true (spin_until_idle (recovery));
      path = g_strdup (cto_recovery_get_path (recovery));
      g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));

      cto_plan_set_title (plan, "Edited once kept");
      g_assert_false (cto_recovery_get_busy (recovery));
      cto_recovery_discard (recovery);
      g_clear_object (&recovery);
      g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
      exit (0);
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();

  claimed = cto_recovered_plans_claim ();
  g_assert_nonnull (claimed);
  g_assert_cmpuint (cto_recovered_plans_get_n_items (claimed), ==, 1);
  g_assert_true (cto_recovered_plans_get_kept (claimed, 0));
  edit (expected);
  expected_text = cto_plan_io_to_data (expected, NULL);
  found_text = cto_plan_io_to_data (cto_recovered_plans_get_plan (claimed, 0), NULL);
  g_assert_cmpstr (found_text, ==, expected_text);

  cto_recovered_plans_delete (claimed);
  g_clear_pointer (&claimed, cto_recovered_plans_free);
  empty_folder ();
}

/* A kept copy whose plan was saved after all is removed when told so,
 * and a plan with nothing unsaved is kept all the same: the save it was
 * kept for may have been writing another state of it. */
static void
test_kept_forgotten (void)
{
  g_autoptr(CtoPlan) plan = load_plan ();
  g_autoptr(CtoRecovery) recovery = cto_recovery_new (plan);
  g_autofree char *path = NULL;

  cto_recovery_set_delay (recovery, 600000);
  g_assert_false (cto_history_get_modified (cto_plan_get_history (plan)));
  cto_recovery_keep (recovery);
  g_assert_true (spin_until_idle (recovery));
  path = g_strdup (cto_recovery_get_path (recovery));
  g_assert_nonnull (path);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));

  cto_recovery_forget_kept (recovery);
  g_assert_true (spin_until_idle (recovery));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_object (&recovery);
  g_assert_cmpuint (count_files (), ==, 0);
}

static char *
write_orphan (const char *session,
              const char *text,
              gint64      modified)
{
  g_autofree char *folder = cto_recovery_dup_folder ();
  g_autofree char *name = g_strdup_printf ("%s-1.ctoplan.json", session);
  char *path = g_build_filename (folder, name, NULL);
  struct utimbuf times = { (time_t) modified, (time_t) modified };

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  g_assert_cmpint (utime (path, &times), ==, 0);

  return path;
}

typedef struct
{
  const char *name;
  const char *text;
  const char *reason;
} Unreadable;

/* Copies that cannot be read are told, with the reason, and kept. */
static void
test_unreadable_kept (void)
{
  const Unreadable cases[] = {
    { "damaged", "{\"format\": \"cto-planner-plan\", \"version\": 1, \"title\": ", "line 1" },
    { "newer", "{\"format\": \"cto-planner-plan\", \"version\": 9}", "newer" },
    { "empty", "", "empty" },
  };
  g_autoptr(CtoRecoveredPlans) claimed = NULL;
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_ptr_array_add (paths, write_orphan (cases[i].name, cases[i].text, 1000000 + i));

  claimed = cto_recovered_plans_claim ();
  g_assert_nonnull (claimed);
  g_assert_cmpuint (cto_recovered_plans_get_n_items (claimed), ==, G_N_ELEMENTS (cases));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      /* Newest first. */
      guint position = G_N_ELEMENTS (cases) - 1 - i;
      const GError *error = cto_recovered_plans_get_error (claimed, position);

      g_assert_null (cto_recovered_plans_get_plan (claimed, position));
      g_assert_nonnull (error);
      g_assert_nonnull (strstr (error->message, cases[i].reason));
      g_assert_cmpstr (cto_recovered_plans_get_path (claimed, position), ==,
                       g_ptr_array_index (paths, i));
    }

  cto_recovered_plans_delete (claimed);
  for (guint i = 0; i < paths->len; i++)
    g_assert_true (g_file_test (g_ptr_array_index (paths, i), G_FILE_TEST_EXISTS));

  empty_folder ();
}

/* Many copies come newest first. */
static void
test_many_newest_first (void)
{
  g_autoptr(CtoRecoveredPlans) claimed = NULL;
  g_autoptr(CtoPlan) plan = load_plan ();
  g_autofree char *text = cto_plan_io_to_data (plan, NULL);
  guint n = 200;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *session = g_strdup_printf ("session%03u", (i * 37) % n);
      g_autofree char *path = write_orphan (session, text, 1700000000 + (gint64) ((i * 37) % n));
    }

  claimed = cto_recovered_plans_claim ();
  g_assert_nonnull (claimed);
  g_assert_cmpuint (cto_recovered_plans_get_n_items (claimed), ==, n);
  for (guint i = 1; i < n; i++)
    g_assert_cmpint (cto_recovered_plans_get_modified (claimed, i - 1), >,
                     cto_recovered_plans_get_modified (claimed, i));

  cto_recovered_plans_delete (claimed);
  g_assert_cmpuint (count_files (), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  const char *inherited = g_getenv ("CTO_TEST_RECOVERY_STATE");
  gboolean is_subprocess = inherited != NULL;
  int status;

  /* Before anything asks GLib for the folders; a test's subprocess shares
   * the folder of the test. */
  state_dir = inherited ? g_strdup (inherited) : g_dir_make_tmp ("cto-recovery-XXXXXX", NULL);
  g_assert_nonnull (state_dir);
  g_setenv ("XDG_STATE_HOME", state_dir, TRUE);
  g_setenv ("CTO_TEST_RECOVERY_STATE", state_dir, TRUE);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/recovery/folder", test_folder);
  g_test_add_func ("/recovery/written-and-removed", test_written_and_removed);
  g_test_add_func ("/recovery/large-written", test_large_written);
  g_test_add_func ("/recovery/large-discarded-while-copied", test_large_discarded_while_copied);
  g_test_add_func ("/recovery/error", test_error);
  g_test_add_func ("/recovery/found-after-crash", test_found_after_crash);
  g_test_add_data_func ("/recovery/kept/waiting", GINT_TO_POINTER (FALSE), test_kept);
  g_test_add_data_func ("/recovery/kept/written", GINT_TO_POINTER (TRUE), test_kept);
  g_test_add_func ("/recovery/kept/forgotten", test_kept_forgotten);
  g_test_add_func ("/recovery/unreadable-kept", test_unreadable_kept);
  g_test_add_func ("/recovery/many-newest-first", test_many_newest_first);

  status = g_test_run ();
  if (is_subprocess)
    return status;

  empty_folder ();
  {
    g_autofree char *folder = cto_recovery_dup_folder ();
    g_autofree char *parent = g_path_get_dirname (folder);

    g_rmdir (folder);
    g_rmdir (parent);
    g_rmdir (state_dir);
  }
  g_free (state_dir);

  return status;
}
