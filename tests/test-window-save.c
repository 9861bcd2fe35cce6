/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "cto-history.h"
#include "cto-plan-io.h"
#include "cto-window-private.h"
#include "display-test-util.h"

/* Saves that fail or would replace another program's changes: a file that
 * changed on disk, a read-only file, a plan too large, a missing folder, a
 * full disk, a read-only folder, a symbolic link. The real window under
 * Xvfb, files in a folder of the test's own, and mounts of its own where
 * the process may make them. */

static gboolean can_mount;

/* Saving over a file that changed -------------------------------------------- */

static void
test_changed_on_disk (gconstpointer data)
{
  const char *response = data;
  g_autoptr(GFile) file = display_test_file ("changed.ctoplan.json");
  const char *elsewhere = "{ \"written\": \"by another program\" }\n";
  g_autofree char *contents = NULL;
  CtoWindow *window;
  const char *body;

  if (g_str_equal (response, "save-as") && !file_chooser_testable ())
    return;

  window = small_window_open (file);
  small_window_edit (window);
  write_file_elsewhere (file, elsewhere);
  /* The file is looked at on another thread, as it is written. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  g_assert_true (_cto_window_is_saving (window));
  g_assert_null (changed_dialog_of (window));
  wait_until_saved (window);

  g_assert_nonnull (changed_dialog_of (window));
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (changed_dialog_of (window))),
                   ==, "The File Changed on Disk");
  body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (changed_dialog_of (window)));
  g_assert_nonnull (strstr (body, "“changed.ctoplan.json”"));
  /* Nothing written yet. */
  contents = read_file (file);
  g_assert_cmpstr (contents, ==, elsewhere);

  respond_to (changed_dialog_of (window), response);
  wait_until_saved (window);
  g_clear_pointer (&contents, g_free);
  contents = read_file (file);

  if (g_str_equal (response, "overwrite"))
    {
      g_autofree char *expected = cto_plan_io_to_data (plan_of (window), NULL);

      g_assert_cmpstr (contents, ==, expected);
      g_assert_false (cto_history_get_modified (history_of (window)));

      /* Saved here: the next save does not ask. */
      cto_plan_set_title (plan_of (window), "Next title");
      save_and_wait (window);
      g_assert_null (changed_dialog_of (window));
      g_assert_false (cto_history_get_modified (history_of (window)));
    }
  else
    {
      g_assert_cmpstr (contents, ==, elsewhere);
      g_assert_true (cto_history_get_modified (history_of (window)));
      g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "• Test plan");
      if (g_str_equal (response, "save-as"))
        {
          g_assert_nonnull (file_chooser_of (window));
          g_assert_cmpint (gtk_file_chooser_get_action (file_chooser_of (window)),
                           ==, GTK_FILE_CHOOSER_ACTION_SAVE);
          file_chooser_respond (window, GTK_RESPONSE_CANCEL);
          spin ();
        }
      else
        {
          g_assert_null (file_chooser_of (window));
        }
    }

  window_free (window);
}

/* Closing with "Save" over a file that changed asks first, then closes. */
static void
test_changed_on_disk_close (gconstpointer data)
{
  gboolean overwrite = GPOINTER_TO_INT (data);
  g_autoptr(GFile) file = display_test_file ("closing.ctoplan.json");
  const char *elsewhere = "{ \"written\": \"by another program\" }\n";
  g_autofree char *contents = NULL;
  CtoWindow *window = small_window_open (file);
  gpointer alive = window;

  g_object_add_weak_pointer (G_OBJECT (window), &alive);
  small_window_edit (window);
  write_file_elsewhere (file, elsewhere);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.close", NULL);
  spin ();
  respond_to (unsaved_dialog_of (window), "save");
  wait_until_saved (window);
  g_assert_nonnull (alive);
  g_assert_nonnull (changed_dialog_of (window));

  respond_to (changed_dialog_of (window), overwrite ? "overwrite" : "cancel");
  if (alive != NULL)
    wait_until_saved (alive);
  spin ();
  contents = read_file (file);
  if (overwrite)
    {
      g_assert_null (alive);
      g_assert_cmpstr (contents, !=, elsewhere);
      g_assert_true (g_str_has_prefix (contents, "{\n  \"format\": \"cto-planner-plan\""));
    }
  else
    {
      g_assert_nonnull (alive);
      g_assert_cmpstr (contents, ==, elsewhere);
      g_assert_true (cto_history_get_modified (history_of (window)));
      g_object_remove_weak_pointer (G_OBJECT (window), &alive);
      window_free (window);
    }
  assert_nothing_left ();
}

static void
test_unchanged_no_question (void)
{
  g_autoptr(GFile) file = display_test_file ("unchanged.ctoplan.json");
  g_autofree char *contents = NULL;
  CtoWindow *window = small_window_open (file);

  small_window_edit (window);
  save_and_wait (window);
  g_assert_null (changed_dialog_of (window));
  g_assert_false (cto_history_get_modified (history_of (window)));

  /* A file that has gone is written again. */
  g_assert_cmpint (g_unlink (g_file_peek_path (file)), ==, 0);
  cto_plan_set_title (plan_of (window), "Written again");
  save_and_wait (window);
  g_assert_null (changed_dialog_of (window));
  g_assert_false (cto_history_get_modified (history_of (window)));
  contents = read_file (file);
  g_assert_nonnull (strstr (contents, "\"Written again\""));

  window_free (window);
}

/* Another program wrote the file and set its modification time back (cp -p,
 * rsync -t): still a change, and Save asks. */
static void
test_changed_keeping_time (void)
{
  g_autoptr(GFile) file = display_test_file ("kept-time.ctoplan.json");
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *contents = NULL;
  const char *elsewhere = "{ \"written\": \"with its old time\" }\n";
  CtoWindow *window = small_window_open (file);
  GStatBuf st;
  struct timespec times[2];

  small_window_edit (window);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  write_path (path, elsewhere);
  times[0] = st.st_atim;
  times[1] = st.st_mtim;
  g_assert_cmpint (utimensat (AT_FDCWD, path, times, 0), ==, 0);

  save_and_wait (window);
  g_assert_nonnull (changed_dialog_of (window));
  respond_to (changed_dialog_of (window), "cancel");
  contents = read_file (file);
  g_assert_cmpstr (contents, ==, elsewhere);
  g_assert_true (cto_history_get_modified (history_of (window)));

  window_free (window);
}

/* Only what a look at the file sees changed: its mode, its times, its
 * inode, with the same bytes written again (as a program that syncs folders
 * may). Nothing would be lost, and Save does not ask; a change of its bytes
 * after that still asks. */
static void
test_metadata_changed (void)
{
  g_autoptr(GFile) file = display_test_file ("touched.ctoplan.json");
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *before = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *expected = NULL;
  const char *elsewhere = "{ \"written\": \"by another program\" }\n";
  CtoWindow *window = small_window_open (file);

  small_window_edit (window);
  before = read_file (file);
  g_assert_cmpint (g_chmod (path, 0640), ==, 0);
  write_file_elsewhere (file, before);

  save_and_wait (window);
  g_assert_null (changed_dialog_of (window));
  g_assert_false (cto_history_get_modified (history_of (window)));
  contents = read_file (file);
  expected = cto_plan_io_to_data (plan_of (window), NULL);
  g_assert_cmpstr (contents, ==, expected);

  cto_plan_set_title (plan_of (window), "Next title");
  write_file_elsewhere (file, elsewhere);
  save_and_wait (window);
  g_assert_nonnull (changed_dialog_of (window));
  respond_to (changed_dialog_of (window), "cancel");
  g_clear_pointer (&contents, g_free);
  contents = read_file (file);
  g_assert_cmpstr (contents, ==, elsewhere);
  g_assert_true (cto_history_get_modified (history_of (window)));

  window_free (window);
}

/* A file with no write bit for anyone is replaced only when the user says
 * so, and stays read-only. */
static void
test_save_read_only (gconstpointer data)
{
  gboolean replace = GPOINTER_TO_INT (data);
  g_autoptr(GFile) file = display_test_file ("read-only.ctoplan.json");
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  CtoWindow *window;
  GStatBuf st;

  window = read_only_window_open (file, &before);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (error_dialog_of (window))),
                            "“read-only.ctoplan.json”"));
  after = read_file (file);
  g_assert_cmpstr (after, ==, before);

  respond_to (error_dialog_of (window), replace ? "replace" : "cancel");
  wait_until_saved (window);
  g_clear_pointer (&after, g_free);
  after = read_file (file);
  if (replace)
    {
      g_autofree char *expected = cto_plan_io_to_data (plan_of (window), NULL);

      g_assert_cmpstr (after, ==, expected);
      g_assert_false (cto_history_get_modified (history_of (window)));
    }
  else
    {
      g_assert_cmpstr (after, ==, before);
      g_assert_true (cto_history_get_modified (history_of (window)));
    }
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0444);

  g_chmod (path, 0644);
  window_free (window);
}

/* A plan whose text would be too large to open again is not saved. */
static void
test_save_too_large (void)
{
  g_autoptr(GFile) file = display_test_file ("too-large.ctoplan.json");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *title = g_malloc (CTO_PLAN_MAX_FILE_SIZE + 2);
  CtoWindow *window = small_window_open (file);
  const char *body;

  before = read_file (file);
  memset (title, 'x', CTO_PLAN_MAX_FILE_SIZE + 1);
  title[CTO_PLAN_MAX_FILE_SIZE + 1] = '\0';
  cto_plan_set_title (plan_of (window), title);
  save_and_wait (window);

  g_assert_nonnull (error_dialog_of (window));
  body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (error_dialog_of (window)));
  g_assert_nonnull (strstr (body, "64 MiB"));
  after = read_file (file);
  g_assert_cmpstr (after, ==, before);
  g_assert_true (cto_history_get_modified (history_of (window)));
  respond_to (error_dialog_of (window), "close");

  window_free (window);
}

/* Failed saves --------------------------------------------------------------- */

typedef enum
{
  FAIL_MISSING_FOLDER,
  FAIL_PARENT_IS_FILE,
  FAIL_FILE_SIZE_LIMIT,
  FAIL_DISK_FULL,
  FAIL_READ_ONLY,
} Failure;

typedef struct
{
  Failure     failure;
  gboolean    needs_mount;
  const char *reason;      /* in the error's body; {folder}: where the test writes */
} FailureCase;

static const FailureCase failure_cases[] = {
  { FAIL_MISSING_FOLDER, FALSE, "the folder “{folder}/missing” does not exist" },
  { FAIL_PARENT_IS_FILE, FALSE, "“{folder}/a-file” is a file, not a folder" },
  { FAIL_FILE_SIZE_LIMIT, FALSE, "the file would be larger than the disk or the system allows" },
  { FAIL_DISK_FULL, TRUE, "there is not enough space left on the disk" },
  { FAIL_READ_ONLY, TRUE, "the folder “{folder}/read-only” is on a disk that can only be read" },
};

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The names in a folder, sorted, in one line. */
static char *
list_folder (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);

  return g_strjoinv (" ", (GStrv) names->pdata);
}

static void
test_save_failure (gconstpointer data)
{
  const FailureCase *fc = data;
  g_autofree char *folder = NULL;
  g_autofree char *target = NULL;
  g_autofree char *before = NULL;     /* the old file's bytes, or NULL */
  g_autofree char *listing = NULL;
  g_autofree char *after_listing = NULL;
  g_autofree char *reason = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GString) description = g_string_new (NULL);
  CtoWindow *window;
  struct rlimit saved_limit;
  const char *body;
  gboolean saved;

  if (fc->needs_mount && !can_mount)
    {
      g_test_skip ("Mounting is not allowed here (no CAP_SYS_ADMIN): not tested");
      return;
    }

  window = small_window_new ();
  folder = g_build_filename (display_test_dir (), "failures", NULL);
  remove_tree (folder);
  g_assert_cmpint (g_mkdir_with_parents (folder, 0755), ==, 0);

  switch (fc->failure)
    {
    case FAIL_MISSING_FOLDER:
      target = g_build_filename (folder, "missing", "plan.ctoplan.json", NULL);
      break;

    case FAIL_PARENT_IS_FILE:
      {
        g_autofree char *blocker = g_build_filename (folder, "a-file", NULL);

        write_path (blocker, "a file in the way\n");
        target = g_build_filename (blocker, "plan.ctoplan.json", NULL);
        before = read_path (blocker);
      }
      break;

    case FAIL_FILE_SIZE_LIMIT:
      target = g_build_filename (folder, "plan.ctoplan.json", NULL);
      write_path (target, small_plan_json);
      break;

    case FAIL_DISK_FULL:
      {
        g_autofree char *disk = g_build_filename (folder, "small-disk", NULL);

        /* Two pages: the old file fits, the new one next to it does not. */
        g_assert_cmpint (g_mkdir (disk, 0755), ==, 0);
        g_assert_cmpint (mount ("tmpfs", disk, "tmpfs", 0, "size=8k"), ==, 0);
        target = g_build_filename (disk, "plan.ctoplan.json", NULL);
        write_path (target, small_plan_json);
      }
      break;

    case FAIL_READ_ONLY:
      {
        g_autofree char *source = g_build_filename (folder, "writable", NULL);
        g_autofree char *read_only = g_build_filename (folder, "read-only", NULL);
        g_autofree char *source_file = g_build_filename (source, "plan.ctoplan.json", NULL);

        g_assert_cmpint (g_mkdir (source, 0755), ==, 0);
        g_assert_cmpint (g_mkdir (read_only, 0755), ==, 0);
        write_path (source_file, small_plan_json);
        g_assert_cmpint (mount (source, read_only, NULL, MS_BIND, NULL), ==, 0);
        g_assert_cmpint (mount (NULL, read_only, NULL, MS_BIND | MS_REMOUNT | MS_RDONLY, NULL),
                         ==, 0);
        target = g_build_filename (read_only, "plan.ctoplan.json", NULL);
      }
      break;

    default:
      g_assert_not_reached ();
    }

  if (before == NULL && g_file_test (target, G_FILE_TEST_EXISTS))
    before = read_path (target);

  /* The plan opened from there, or (no file yet) about to be saved there. */
  file = g_file_new_for_path (target);
  if (g_file_test (target, G_FILE_TEST_EXISTS))
    {
      open_and_wait (window, file);
      g_assert_true (g_file_equal (cto_window_get_file (window), file));
    }

  /* An edit that makes the file larger than a page. */
  small_window_edit (window);
  for (guint i = 0; i < 6000; i++)
    g_string_append_c (description, 'x');
  cto_plan_set_responsibility_description (plan_of (window),
                                           cto_plan_find_responsibility (plan_of (window), "tools"),
                                           description->str);

  {
    g_autofree char *dirname = g_path_get_dirname (target);

    listing = list_folder (dirname);
  }

  if (fc->failure == FAIL_FILE_SIZE_LIMIT)
    {
      struct rlimit limit;

      /* Writing past 64 bytes of any file now fails with EFBIG, while
       * the window's loop runs until the save has failed: the recent
       * plans, written a quarter of a second after the file was opened
       * (GtkRecentManager), are written first. */
      spin_for (0.5);
      g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved_limit), ==, 0);
      limit = saved_limit;
      limit.rlim_cur = 64;
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
    }

  if (cto_window_get_file (window) != NULL)
    {
      save_and_wait (window);
      saved = !cto_history_get_modified (history_of (window));
    }
  else
    {
      saved = save_to_and_wait (window, file);
    }

  if (fc->failure == FAIL_FILE_SIZE_LIMIT)
    g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved_limit), ==, 0);

  /* It says so, and why. */
  g_assert_false (saved);
  g_assert_nonnull (error_dialog_of (window));
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (error_dialog_of (window))), ==,
                   "Could Not Save the Plan");
  body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (error_dialog_of (window)));
  g_test_message ("%s", body);
  g_assert_true (g_str_has_prefix (body, "plan.ctoplan.json: "));
  {
    g_autoptr(GString) expected = g_string_new (fc->reason);

    g_string_replace (expected, "{folder}", folder, 0);
    reason = g_string_free (g_steal_pointer (&expected), FALSE);
  }
  g_assert_nonnull (strstr (body, reason));

  /* Nothing lost: the plan still unsaved, the old file byte for byte, no
   * file half written next to it. */
  g_assert_true (cto_history_get_modified (history_of (window)));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "• Test plan");
  if (before != NULL)
    {
      g_autofree char *after = NULL;
      g_autofree char *checked = fc->failure == FAIL_PARENT_IS_FILE
                                   ? g_path_get_dirname (target) : g_strdup (target);

      after = read_path (checked);
      g_assert_cmpstr (after, ==, before);
    }
  else
    {
      g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));
    }
  {
    g_autofree char *dirname = g_path_get_dirname (target);

    after_listing = list_folder (dirname);
  }
  g_assert_cmpstr (after_listing, ==, listing);

  window_free (window);

  if (fc->needs_mount)
    {
      g_autofree char *disk = g_path_get_dirname (target);

      g_assert_cmpint (umount2 (disk, MNT_DETACH), ==, 0);
    }
  remove_tree (folder);
}

/* Saving through a symbolic link keeps the link and the file's permissions. */
static void
test_save_symlink (void)
{
  g_autofree char *real = display_test_path ("real-plan.ctoplan.json");
  g_autofree char *link = display_test_path ("link-plan.ctoplan.json");
  g_autofree char *target = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GFile) link_file = g_file_new_for_path (link);
  CtoWindow *window = small_window_new ();
  GStatBuf st;

  write_path (real, small_plan_json);
  g_assert_cmpint (g_chmod (real, 0640), ==, 0);
  g_unlink (link);
  g_assert_cmpint (symlink ("real-plan.ctoplan.json", link), ==, 0);

  open_and_wait (window, link_file);
  small_window_edit (window);
  save_and_wait (window);
  g_assert_null (changed_dialog_of (window));
  g_assert_null (error_dialog_of (window));
  g_assert_false (cto_history_get_modified (history_of (window)));

  target = g_file_read_link (link, NULL);
  g_assert_cmpstr (target, ==, "real-plan.ctoplan.json");
  contents = read_path (real);
  expected = cto_plan_io_to_data (plan_of (window), NULL);
  g_assert_cmpstr (contents, ==, expected);
  g_assert_cmpint (g_stat (real, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0640);

  /* Saved through the link: the next save does not take it for a change. */
  cto_plan_set_title (plan_of (window), "Again");
  save_and_wait (window);
  g_assert_null (changed_dialog_of (window));
  g_assert_false (cto_history_get_modified (history_of (window)));

  window_free (window);
}

int
main (int   argc,
      char *argv[])
{
  /* Mounts of the test's own (a full disk, a read-only folder), gone with
   * it: before anything starts a thread. */
  can_mount = display_test_isolate ();

  display_test_init (&argc, &argv, "window-save", "none");
  g_test_add_data_func ("/safety/save/changed-on-disk/cancel", "cancel", test_changed_on_disk);
  g_test_add_data_func ("/safety/save/changed-on-disk/overwrite", "overwrite",
                        test_changed_on_disk);
  g_test_add_data_func ("/safety/save/changed-on-disk/save-as", "save-as", test_changed_on_disk);
  g_test_add_data_func ("/safety/save/changed-on-disk/close-overwrite", GINT_TO_POINTER (TRUE),
                        test_changed_on_disk_close);
  g_test_add_data_func ("/safety/save/changed-on-disk/close-cancel", GINT_TO_POINTER (FALSE),
                        test_changed_on_disk_close);
  g_test_add_func ("/safety/save/unchanged-does-not-ask", test_unchanged_no_question);
  g_test_add_func ("/safety/save/changed-keeping-time", test_changed_keeping_time);
  g_test_add_func ("/safety/save/metadata-changed", test_metadata_changed);
  g_test_add_data_func ("/safety/save/read-only/cancel", GINT_TO_POINTER (FALSE),
                        test_save_read_only);
  g_test_add_data_func ("/safety/save/read-only/replace", GINT_TO_POINTER (TRUE),
                        test_save_read_only);
  g_test_add_func ("/safety/save/too-large", test_save_too_large);
  g_test_add_data_func ("/safety/save/failure/missing-folder",
                        &failure_cases[FAIL_MISSING_FOLDER], test_save_failure);
  g_test_add_data_func ("/safety/save/failure/parent-is-a-file",
                        &failure_cases[FAIL_PARENT_IS_FILE], test_save_failure);
  g_test_add_data_func ("/safety/save/failure/file-size-limit",
                        &failure_cases[FAIL_FILE_SIZE_LIMIT], test_save_failure);
  g_test_add_data_func ("/safety/save/failure/disk-full",
                        &failure_cases[FAIL_DISK_FULL], test_save_failure);
  g_test_add_data_func ("/safety/save/failure/read-only-folder",
                        &failure_cases[FAIL_READ_ONLY], test_save_failure);
  g_test_add_func ("/safety/save/symlink-and-permissions", test_save_symlink);

  return display_test_run ();
}
