/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <sys/file.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "cto-history.h"
#include "cto-plan-io.h"
#include "cto-recovered-plans.h"
#include "cto-recovery-dialog.h"
#include "cto-recovery.h"
#include "cto-window-private.h"
#include "display-test-util.h"

/* The copies of unsaved changes that outlive a crash: written after an
 * edit, gone when the changes are, one a window, and offered back through
 * the window. The real window under Xvfb, files in a folder of the test's
 * own. */

static gboolean
tools_assigned (CtoPlan *plan)
{
  return cto_responsibility_get_n_assignees (cto_plan_find_responsibility (plan, "tools")) == 1;
}

static gboolean
copy_written (gpointer data)
{
  CtoWindow *window = data;
  const char *path = cto_recovery_get_path (window->recovery);

  return path != NULL && g_file_test (path, G_FILE_TEST_EXISTS) &&
         !cto_recovery_get_busy (window->recovery);
}

static gboolean
copy_gone (gpointer data)
{
  CtoWindow *window = data;
  const char *path = cto_recovery_get_path (window->recovery);

  return (path == NULL || !g_file_test (path, G_FILE_TEST_EXISTS)) &&
         !cto_recovery_get_busy (window->recovery);
}

static char *
info_path_of (const char *copy)
{
  g_autofree char *stem = g_strndup (copy, strlen (copy) - strlen (".ctoplan.json"));

  return g_strconcat (stem, ".info", NULL);
}

/* Recovery copies ---------------------------------------------------------- */

static void
test_recovery_written (void)
{
  g_autoptr(GFile) file = display_test_file ("recovered.ctoplan.json");
  g_autofree char *uri = g_file_get_uri (file);
  g_autofree char *info_path = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GKeyFile) info = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimer) timer = NULL;
  g_autofree char *title = NULL;
  g_autofree char *noted_file = NULL;
  CtoWindow *window = small_window_open (file);
  const char *path;

  small_window_edit (window);
  timer = g_timer_new ();

  /* Not at once: edits come in bursts. */
  spin_for (0.5);
  g_assert_false (copy_written (window));

  g_assert_true (try_spin_until (copy_written, window, 10));
  g_assert_cmpfloat (g_timer_elapsed (timer, NULL), >=, CTO_RECOVERY_DELAY / 1000.0 - 0.1);

  /* The canonical text of the plan as it is now, in the user's state folder. */
  path = cto_recovery_get_path (window->recovery);
  {
    g_autofree char *folder = cto_recovery_dup_folder ();
    g_autofree char *dirname = g_path_get_dirname (path);
    g_autofree char *expected_folder = g_build_filename (display_test_dir (), "state", "cto-planner",
                                                         "recovery", NULL);

    g_assert_cmpstr (dirname, ==, folder);
    g_assert_cmpstr (folder, ==, expected_folder);
  }
  copy = read_path (path);
  expected = cto_plan_io_to_data (plan_of (window), NULL);
  g_assert_cmpstr (copy, ==, expected);

  /* Its note says where it belongs. */
  info_path = info_path_of (path);
  g_key_file_load_from_file (info, info_path, G_KEY_FILE_NONE, &error);
  g_assert_no_error (error);
  noted_file = g_key_file_get_string (info, "Recovery", "File", NULL);
  title = g_key_file_get_string (info, "Recovery", "Title", NULL);
  g_assert_cmpstr (noted_file, ==, uri);
  g_assert_cmpstr (title, ==, "Test plan");

  /* A later edit is kept too. */
  cto_plan_set_title (plan_of (window), "Renamed plan");
  g_assert_true (try_spin_until (copy_written, window, 10));
  g_clear_pointer (&copy, g_free);
  g_clear_pointer (&expected, g_free);
  copy = read_path (path);
  expected = cto_plan_io_to_data (plan_of (window), NULL);
  g_assert_cmpstr (copy, ==, expected);

  /* The file on disk is left alone. */
  g_clear_pointer (&copy, g_free);
  copy = read_file (file);
  g_assert_cmpstr (copy, ==, small_plan_json);

  window_free (window);
  assert_nothing_left ();
}

typedef enum
{
  GONE_BY_SAVE,
  GONE_BY_UNDO,
  GONE_BY_DISCARD,
  GONE_BY_OPENING_ANOTHER,
} GoneBy;

static void
test_recovery_removed (gconstpointer data)
{
  GoneBy how = GPOINTER_TO_INT (data);
  g_autoptr(GFile) file = display_test_file ("removed.ctoplan.json");
  g_autoptr(GFile) other = small_plan_file ("another.ctoplan.json");
  CtoWindow *window = small_window_open (file);
  gpointer alive = window;
  g_autofree char *path = NULL;
  g_autofree char *info_path = NULL;

  g_object_add_weak_pointer (G_OBJECT (window), &alive);
  small_window_edit (window);
  g_assert_true (try_spin_until (copy_written, window, 10));
  path = g_strdup (cto_recovery_get_path (window->recovery));
  info_path = info_path_of (path);
  g_assert_true (g_file_test (info_path, G_FILE_TEST_EXISTS));

  switch (how)
    {
    case GONE_BY_SAVE:
      save_and_wait (window);
      g_assert_false (cto_history_get_modified (history_of (window)));
      break;
    case GONE_BY_UNDO:
      gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
      g_assert_false (cto_history_get_modified (history_of (window)));
      break;
    case GONE_BY_DISCARD:
      gtk_widget_activate_action (GTK_WIDGET (window), "win.close", NULL);
      spin ();
      respond_to (unsaved_dialog_of (window), "discard");
      spin ();
      g_assert_null (alive);
      break;
    case GONE_BY_OPENING_ANOTHER:
      open_and_wait (window, other);
      respond_to (unsaved_dialog_of (window), "discard");
      wait_until_loaded (window);
      g_assert_true (g_file_equal (cto_window_get_file (window), other));
      break;
    default:
      g_assert_not_reached ();
    }

  /* At once, not after a delay. */
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (info_path, G_FILE_TEST_EXISTS));

  if (alive != NULL)
    {
      /* And it stays gone. */
      spin_for (CTO_RECOVERY_DELAY / 1000.0 + 0.5);
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
      g_object_remove_weak_pointer (G_OBJECT (window), &alive);
      window_free (window);
    }

  assert_nothing_left ();
}

typedef struct
{
  CtoWindow *window;
  gboolean   fired;
  gboolean   closed;
} CloseData;

static gboolean
close_while_writing_cb (gpointer user_data)
{
  CloseData *data = user_data;

  /* Due with the recovery's own timeout, and dispatched right after it:
   * the write it has just started cannot have ended in between. */
  data->fired = TRUE;
  if (cto_recovery_get_writing (data->window->recovery))
    {
      window_free (data->window);
      data->closed = TRUE;
    }

  return G_SOURCE_REMOVE;
}

static gboolean
has_fired (gpointer user_data)
{
  return ((CloseData *) user_data)->fired;
}

/* The window closes while its copy is being written: the copy still goes. */
static void
test_recovery_discard_while_writing (void)
{
  CloseData data = { small_window_new (), FALSE, FALSE };
  g_autofree char *path = NULL;

  small_window_edit (data.window);
  g_assert_true (try_spin_until (copy_written, data.window, 10));
  path = g_strdup (cto_recovery_get_path (data.window->recovery));

  /* Should the write be over first, the next edit tries again. */
  for (guint attempt = 0; attempt < 5 && !data.closed; attempt++)
    {
      g_autofree char *title = g_strdup_printf ("Renamed %u", attempt);

      g_assert_true (try_spin_until (copy_written, data.window, 10));
      cto_plan_set_title (plan_of (data.window), title);
      data.fired = FALSE;
      g_timeout_add (CTO_RECOVERY_DELAY, close_while_writing_cb, &data);
      g_assert_true (try_spin_until (has_fired, &data, 10));
    }
  g_assert_true (data.closed);

  assert_nothing_left ();
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_recovery_windows_apart (void)
{
  CtoWindow *first = small_window_new ();
  CtoWindow *second = small_window_new ();
  g_autoptr(CtoPlan) first_copy = NULL;
  g_autoptr(CtoPlan) second_copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) first_file = NULL;
  g_autoptr(GFile) second_file = NULL;

  small_window_edit (first);
  cto_plan_set_title (plan_of (second), "Second plan");
  g_assert_true (try_spin_until (copy_written, first, 10));
  g_assert_true (try_spin_until (copy_written, second, 10));
  g_assert_cmpstr (cto_recovery_get_path (first->recovery), !=,
                   cto_recovery_get_path (second->recovery));

  first_file = g_file_new_for_path (cto_recovery_get_path (first->recovery));
  second_file = g_file_new_for_path (cto_recovery_get_path (second->recovery));
  first_copy = cto_plan_io_load_file (first_file, NULL, &error);
  g_assert_no_error (error);
  second_copy = cto_plan_io_load_file (second_file, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (tools_assigned (first_copy));
  g_assert_cmpstr (cto_plan_get_title (first_copy), ==, "Test plan");
  g_assert_false (tools_assigned (second_copy));
  g_assert_cmpstr (cto_plan_get_title (second_copy), ==, "Second plan");

  /* One window saved or closed leaves the other's copy alone. */
  window_free (first);
  g_assert_true (g_file_test (cto_recovery_get_path (second->recovery), G_FILE_TEST_EXISTS));

  window_free (second);
  assert_nothing_left ();
}

/* A copy as a process that crashed leaves it. */
static char *
write_orphan (const char *session,
              const char *plan_text,
              GFile      *file,
              const char *etag,
              gboolean    lock_file)
{
  g_autofree char *folder = cto_recovery_dup_folder ();
  g_autofree char *base = g_strdup_printf ("%s-1", session);
  g_autofree char *copy_name = g_strconcat (base, ".ctoplan.json", NULL);
  g_autofree char *info_name = g_strconcat (base, ".info", NULL);
  g_autofree char *info_path = g_build_filename (folder, info_name, NULL);
  g_autoptr(GString) info = g_string_new ("[Recovery]\nTitle=whatever\n");
  char *copy = g_build_filename (folder, copy_name, NULL);

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  if (file != NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_string_append_printf (info, "File=%s\n", uri);
    }
  if (etag != NULL)
    g_string_append_printf (info, "Etag=%s\n", etag);

  write_path (info_path, info->str);
  write_path (copy, plan_text);
  if (lock_file)
    {
      g_autofree char *lock_name = g_strconcat (session, ".lock", NULL);
      g_autofree char *lock_path = g_build_filename (folder, lock_name, NULL);

      write_path (lock_path, "");
    }

  return copy;
}

static char *
edited_plan_text (void)
{
  g_autoptr(CtoPlan) plan = plan_from_json (small_plan_json);

  cto_plan_assign (plan, cto_plan_find_responsibility (plan, "tools"),
                   cto_plan_find_person (plan, "bo"), 1);
  return cto_plan_io_to_data (plan, NULL);
}

/* The fingerprint a window notes of @file when it reads it, as its
 * recovery copy keeps it. */
static char *
etag_of (GFile *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CtoPlan) plan = _cto_window_load_file (file, NULL, &error);
  CtoWindow *window = cto_window_new (NULL);
  char *etag;

  g_assert_no_error (error);
  _cto_window_set_plan (window, plan, file);
  etag = g_strdup (window->file_etag);
  g_assert_nonnull (etag);
  gtk_window_destroy (GTK_WINDOW (window));

  return etag;
}

static void
test_recovery_claim (void)
{
  g_autofree char *text = edited_plan_text ();
  g_autofree char *folder = cto_recovery_dup_folder ();
  g_autofree char *live_lock = g_build_filename (folder, "live-session.lock", NULL);
  g_autofree char *live_copy = NULL;
  g_autofree char *dead_copy = NULL;
  g_autofree char *junk_copy = NULL;
  g_autoptr(CtoRecoveredPlans) claimed = NULL;
  CtoWindow *window = small_window_new ();
  int fd;

  /* This process's own copies are not left behind: their window is open. */
  small_window_edit (window);
  g_assert_true (try_spin_until (copy_written, window, 10));
  g_assert_null (cto_recovered_plans_claim ());

  /* Nor are another running process's: it holds its lock. */
  live_copy = write_orphan ("live-session", text, NULL, NULL, TRUE);
  fd = g_open (live_lock, O_RDWR | O_CLOEXEC, 0);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (flock (fd, LOCK_EX), ==, 0);
  g_assert_null (cto_recovered_plans_claim ());

  /* Once it has ended, they are; and while one process holds them,
   * another does not get them too. */
  close (fd);
  claimed = cto_recovered_plans_claim ();
  g_assert_nonnull (claimed);
  g_assert_cmpuint (cto_recovered_plans_get_n_items (claimed), ==, 1);
  g_assert_true (tools_assigned (cto_recovered_plans_get_plan (claimed, 0)));
  g_assert_null (cto_recovered_plans_get_file (claimed, 0));
  fd = g_open (live_lock, O_RDWR | O_CLOEXEC, 0);
  g_assert_cmpint (flock (fd, LOCK_EX | LOCK_NB), ==, -1);
  close (fd);
  g_clear_pointer (&claimed, cto_recovered_plans_free);

  /* A copy without a lock file was left behind too; one that cannot be
   * read is listed with the reason, and kept. */
  dead_copy = write_orphan ("dead-session", text, NULL, NULL, FALSE);
  junk_copy = write_orphan ("junk-session", "{ not a plan", NULL, NULL, TRUE);
  claimed = cto_recovered_plans_claim ();
  g_assert_nonnull (claimed);
  g_assert_cmpuint (cto_recovered_plans_get_n_items (claimed), ==, 3);
  {
    guint n_unreadable = 0;

    for (guint i = 0; i < 3; i++)
      if (cto_recovered_plans_get_plan (claimed, i) == NULL)
        {
          n_unreadable++;
          g_assert_nonnull (cto_recovered_plans_get_error (claimed, i));
          g_assert_cmpstr (cto_recovered_plans_get_path (claimed, i), ==, junk_copy);
        }
    g_assert_cmpuint (n_unreadable, ==, 1);
  }
  g_assert_true (g_file_test (junk_copy, G_FILE_TEST_EXISTS));

  /* Deleted: the copies that can be read, their notes, the locks; the
   * one that cannot be read stays. */
  cto_recovered_plans_delete (claimed);
  g_assert_false (g_file_test (live_copy, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (dead_copy, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (live_lock, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (junk_copy, G_FILE_TEST_EXISTS));
  g_assert_true (copy_written (window));
  {
    g_autofree char *junk_info = info_path_of (junk_copy);

    g_unlink (junk_copy);
    g_unlink (junk_info);
  }

  window_free (window);
  assert_nothing_left ();
}

static void
test_recovery_offer (gconstpointer data)
{
  const char *response = data;
  g_autoptr(GFile) file = display_test_file ("crashed.ctoplan.json");
  g_autofree char *text = edited_plan_text ();
  g_autofree char *etag = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *where = NULL;
  g_autofree char *saved = NULL;
  CtoWindow *window;
  CtoPlan *plan;
  GtkWidget *dialog;

  write_file (file, small_plan_json);
  etag = etag_of (file);
  copy = write_orphan ("crashed-session", text, file, etag, TRUE);

  window = cto_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  plan = plan_of (window);
  dialog = cto_recovery_dialog_offer (window);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Restore Unsaved Changes?");
  {
    GtkWidget *list = gtk_scrolled_window_get_child (
      GTK_SCROLLED_WINDOW (adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog))));
    GtkListBoxRow *row;

    if (GTK_IS_VIEWPORT (list))
      list = gtk_viewport_get_child (GTK_VIEWPORT (list));
    row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0);
    g_assert_nonnull (row);
    g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 1));
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Test plan");
    where = g_strdup_printf ("%s — changed ", g_file_peek_path (file));
    g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), where));
  }

  respond_to (dialog, response);

  if (g_str_equal (response, "restore"))
    {
      /* Into the window nobody had touched: unsaved, on its file. */
      g_assert_true (plan_of (window) != plan);
      g_assert_true (tools_assigned (plan_of (window)));
      g_assert_true (cto_history_get_modified (history_of (window)));
      g_assert_true (g_file_equal (cto_window_get_file (window), file));
      g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "• Test plan");
      g_assert_false (g_file_test (copy, G_FILE_TEST_EXISTS));

      /* The window keeps a copy of its own at once. */
      g_assert_true (try_spin_until (copy_written, window, 2));

      /* Saving it is a save like any other: the file has not changed since. */
      save_and_wait (window);
      g_assert_null (changed_dialog_of (window));
      g_assert_false (cto_history_get_modified (history_of (window)));
      saved = read_file (file);
      g_assert_cmpstr (saved, ==, text);
      g_assert_true (try_spin_until (copy_gone, window, 2));
    }
  else if (g_str_equal (response, "discard"))
    {
      g_assert_true (plan_of (window) == plan);
      g_assert_false (cto_history_get_modified (history_of (window)));
      g_assert_false (g_file_test (copy, G_FILE_TEST_EXISTS));
      g_assert_null (cto_recovered_plans_claim ());
    }
  else
    {
      /* Closed without an answer: offered again next time. */
      g_autoptr(CtoRecoveredPlans) again = NULL;

      g_assert_true (plan_of (window) == plan);
      g_assert_true (g_file_test (copy, G_FILE_TEST_EXISTS));
      again = cto_recovered_plans_claim ();
      g_assert_nonnull (again);
      cto_recovered_plans_delete (again);
    }

  g_assert_null (cto_recovery_dialog_offer (window));
  window_free (window);
  assert_nothing_left ();
}

/* The body of the offer for the copies in the recovery folder, answered
 * with Discard. */
static char *
offer_body (void)
{
  CtoWindow *window = cto_window_new (NULL);
  GtkWidget *dialog;
  char *body;

  gtk_window_present (GTK_WINDOW (window));
  dialog = cto_recovery_dialog_offer (window);
  g_assert_nonnull (dialog);
  body = g_strdup (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)));
  respond_to (dialog, "discard");
  window_free (window);

  return body;
}

/* A copy left by a window closed without waiting for its save says so;
 * one left by a crash beside it, and the offer says what a crash does. */
static void
test_recovery_offer_kept (void)
{
  g_autofree char *text = edited_plan_text ();
  g_autofree char *kept = write_orphan ("closed-session", text, NULL, NULL, TRUE);
  g_autofree char *info = g_strdup (kept);
  g_autofree char *written = NULL;
  g_autofree char *note = NULL;
  g_autofree char *body = NULL;
  g_autofree char *crashed = NULL;

  /* The note as cto_recovery_keep() writes it. */
  strcpy (strstr (info, ".ctoplan.json"), ".info");
  g_assert_true (g_file_get_contents (info, &written, NULL, NULL));
  g_assert_true (g_str_has_suffix (written, "\n"));
  note = g_strconcat (written, "Kept=true\n", NULL);
  write_path (info, note);

  body = offer_body ();
  g_assert_cmpstr (body, ==, "This plan was closed before its save ended. Its unsaved changes "
                             "were kept:");
  assert_nothing_left ();

  g_free (kept);
  kept = write_orphan ("closed-session", text, NULL, NULL, TRUE);
  write_path (info, note);
  crashed = write_orphan ("crashed-session", text, NULL, NULL, TRUE);
  g_free (body);
  body = offer_body ();
  g_assert_true (g_str_has_prefix (body, "CTO Planner stopped unexpectedly while these plans"));
  assert_nothing_left ();
}

/* Restored into new windows when the one there is in use; the file
 * changed since the crash: saving asks. */
static void
test_recovery_restore_busy_window (void)
{
  g_autoptr(GFile) file = display_test_file ("crashed.ctoplan.json");
  g_autofree char *text = edited_plan_text ();
  g_autofree char *etag = NULL;
  g_autofree char *copy = NULL;
  CtoWindow *window;
  CtoWindow *restored = NULL;
  GtkWidget *dialog;

  write_file (file, small_plan_json);
  etag = etag_of (file);
  copy = write_orphan ("crashed-session", text, file, etag, TRUE);
  write_file_elsewhere (file, "{ \"changed\": true }\n");

  window = small_window_new ();
  small_window_edit (window);
  dialog = cto_recovery_dialog_offer (window);
  g_assert_nonnull (dialog);
  respond_to (dialog, "restore");

  for (GList *l = gtk_window_list_toplevels (); l != NULL; l = g_list_delete_link (l, l))
    {
      if (CTO_IS_WINDOW (l->data) && l->data != window)
        restored = l->data;
    }
  g_assert_nonnull (restored);
  g_assert_true (tools_assigned (plan_of (restored)));
  g_assert_true (g_file_equal (cto_window_get_file (restored), file));

  save_and_wait (restored);
  g_assert_nonnull (changed_dialog_of (restored));
  respond_to (changed_dialog_of (restored), "cancel");
  g_assert_true (cto_history_get_modified (history_of (restored)));

  window_free (restored);
  window_free (window);
  assert_nothing_left ();
}

int
main (int   argc,
      char *argv[])
{
  display_test_init (&argc, &argv, "window-recovery", "none");
  g_test_add_func ("/safety/recovery/written-after-delay", test_recovery_written);
  g_test_add_data_func ("/safety/recovery/removed/save",
                        GINT_TO_POINTER (GONE_BY_SAVE), test_recovery_removed);
  g_test_add_data_func ("/safety/recovery/removed/undo-to-saved",
                        GINT_TO_POINTER (GONE_BY_UNDO), test_recovery_removed);
  g_test_add_data_func ("/safety/recovery/removed/close-discard",
                        GINT_TO_POINTER (GONE_BY_DISCARD), test_recovery_removed);
  g_test_add_data_func ("/safety/recovery/removed/open-another",
                        GINT_TO_POINTER (GONE_BY_OPENING_ANOTHER), test_recovery_removed);
  g_test_add_func ("/safety/recovery/removed/discard-while-writing",
                   test_recovery_discard_while_writing);
  g_test_add_func ("/safety/recovery/windows-apart", test_recovery_windows_apart);
  g_test_add_func ("/safety/recovery/claim", test_recovery_claim);
  g_test_add_data_func ("/safety/recovery/offer/restore", "restore", test_recovery_offer);
  g_test_add_data_func ("/safety/recovery/offer/discard", "discard", test_recovery_offer);
  g_test_add_data_func ("/safety/recovery/offer/later", "later", test_recovery_offer);
  g_test_add_func ("/safety/recovery/offer/kept", test_recovery_offer_kept);
  g_test_add_func ("/safety/recovery/offer/restore-beside-busy-window",
                   test_recovery_restore_busy_window);

  return display_test_run ();
}
