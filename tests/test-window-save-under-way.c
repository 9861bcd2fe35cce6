/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "cto-application.h"
#include "cto-file-fingerprint.h"
#include "cto-history.h"
#include "cto-plan-io.h"
#include "cto-recovery.h"
#include "cto-window-private.h"
#include "display-test-util.h"
#include "recovery-test-util.h"

/* A save under way, written on another thread while the window goes on:
 * Save, Save As, closing, quitting and another plan wait for it; what
 * counts as saved is the state the copy was of; a save that does not end
 * can be left, its changes kept for the next start. The real window under
 * Xvfb, files in a folder of the test's own, and the program's write lock
 * held where a disk that hangs is wanted. */

/* Whether the header bar's Save button can be pressed. */
static gboolean
save_enabled (CtoWindow *window)
{
  GtkWidget *button = find_widget (GTK_WIDGET (window), is_button_of, "win.save");

  g_assert_nonnull (button);
  return gtk_widget_get_sensitive (button);
}

/* Fails unless @file holds a plan with small_window_edit()'s edit. */
static void
assert_edit_saved (GFile *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CtoPlan) saved = cto_plan_io_load_file (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (cto_responsibility_get_n_assignees (cto_plan_find_responsibility (saved, "tools")),
                    ==, 1);
}

static gboolean
edit_saved (gpointer file)
{
  g_autoptr(CtoPlan) saved = cto_plan_io_load_file (file, NULL, NULL);

  return saved != NULL &&
         cto_responsibility_get_n_assignees (cto_plan_find_responsibility (saved, "tools")) == 1;
}

/* Opens @file, holding the small plan, and makes an edit there; @alive
 * follows the window. */
static CtoWindow *
edited_window_open (GFile    *file,
                    gpointer *alive)
{
  CtoWindow *window = small_window_open (file);

  *alive = window;
  g_object_add_weak_pointer (G_OBJECT (window), alive);
  small_window_edit (window);

  return window;
}

/* The window goes on while the plan is written: Save waits for it, and
 * the file is written once the window's loop runs, from a copy. */
static void
test_under_way (void)
{
  g_autoptr(GFile) file = display_test_file ("under-way.ctoplan.json");
  g_autofree char *before = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *expected = NULL;
  CtoWindow *window = small_window_open (file);

  before = read_file (file);
  small_window_edit (window);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);

  g_assert_true (_cto_window_is_saving (window));
  g_assert_false (save_enabled (window));
  /* Save As waits too: no second save. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save-as", NULL);
  g_assert_null (file_chooser_of (window));
  /* Nothing written before the window's loop runs again. */
  contents = read_file (file);
  g_assert_cmpstr (contents, ==, before);
  g_assert_true (cto_history_get_modified (history_of (window)));

  wait_until_saved (window);
  g_clear_pointer (&contents, g_free);
  contents = read_file (file);
  expected = cto_plan_io_to_data (plan_of (window), NULL);
  g_assert_cmpstr (contents, ==, expected);
  g_assert_cmpstr (contents, !=, before);
  g_assert_false (cto_history_get_modified (history_of (window)));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Test plan");
  g_assert_false (save_enabled (window));

  window_free (window);
}

/* Saves @window's plan to its file, running the main loop until the file
 * is written but the window has not heard of it yet: TRUE then; FALSE when
 * it heard of it in the same turn of the loop. */
static gboolean
save_until_written (CtoWindow *window)
{
  GFile *file = cto_window_get_file (window);
  g_autofree char *before = read_file (file);
  gint64 end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  g_assert_true (_cto_window_is_saving (window));
  for (;;)
    {
      g_autofree char *now = read_file (file);

      if (g_strcmp0 (now, before) != 0)
        return _cto_window_is_saving (window);
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (500);
    }
}

/* Runs the main loop until the window says it is saving: before the save
 * can end, when it says so at once, as the copy waits for idle time. */
static void
wait_until_saying (CtoWindow *window)
{
  while (!_cto_window_says_saving (window))
    {
      g_assert_true (_cto_window_is_saving (window));
      g_main_context_iteration (NULL, TRUE);
    }
}

/* A save that takes a while says so, over the plan's title, until it
 * ends, however it ends. */
static void
test_says_saving (void)
{
  g_autoptr(GFile) file = display_test_file ("says-saving.ctoplan.json");
  g_autoptr(GFile) nowhere = display_test_file ("no-folder-here/plan.ctoplan.json");
  gpointer alive;
  CtoWindow *window = edited_window_open (file, &alive);

  /* At once: before anything is copied. */
  window->save_silence_ms = 0;
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  wait_until_saying (window);
  g_assert_cmpstr (adw_window_title_get_subtitle (window->window_title), ==, "Saving…");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "• Test plan");
  g_assert_null (find_by_accessible_label (widget_of_type (window, ADW_TYPE_TOAST_OVERLAY),
                                           "The window closes once the plan is saved"));
  /* Closing meanwhile says why the window stays, until saved. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.close", NULL);
  g_assert_nonnull (alive);
  g_assert_nonnull (find_by_accessible_label (widget_of_type (window, ADW_TYPE_TOAST_OVERLAY),
                                              "The window closes once the plan is saved"));
  /* Not closed after all: saved, nothing waits. */
  _cto_window_cancel_pending (window);
  wait_until_saved (window);
  g_assert_cmpstr (adw_window_title_get_subtitle (window->window_title), ==, "says-saving.ctoplan.json");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Test plan");

  /* A save that fails: unsaved again. */
  cto_plan_set_title (plan_of (window), "Not saved");
  _cto_window_save_to (window, nowhere);
  wait_until_saying (window);
  g_assert_cmpstr (adw_window_title_get_subtitle (window->window_title), ==, "Saving…");
  wait_until_saved (window);
  g_assert_nonnull (error_dialog_of (window));
  g_assert_cmpstr (adw_window_title_get_subtitle (window->window_title), ==, "Unsaved changes");
  window_free (window);

  /* Closed before it says it is saving: it says why once it does, then
   * closes. */
  window = edited_window_open (file, &alive);
  window->save_silence_ms = 0;
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.close", NULL);
  g_assert_null (find_by_accessible_label (widget_of_type (window, ADW_TYPE_TOAST_OVERLAY),
                                           "The window closes once the plan is saved"));
  wait_until_saying (window);
  g_assert_nonnull (find_by_accessible_label (widget_of_type (window, ADW_TYPE_TOAST_OVERLAY),
                                              "The window closes once the plan is saved"));
  wait_until_saved (window);
  spin ();
  g_assert_null (alive);
}

/* An edit made while the plan is copied is saved with it; one made once
 * the copy is written leaves the plan marked unsaved, as does an undo
 * back past it, and closing then asks. */
static void
test_edited_while_saving (void)
{
  g_autoptr(GFile) file = display_test_file ("edited-while.ctoplan.json");
  gpointer alive;
  CtoWindow *window = edited_window_open (file, &alive);
  guint caught = 0;
  g_autofree char *contents = NULL;
  g_autofree char *saved_title = g_strdup ("Edited meanwhile");  /* as last saved */

  /* Before the copy: in the file, and saved. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  cto_plan_set_title (plan_of (window), "Edited meanwhile");
  wait_until_saved (window);
  assert_edit_saved (file);
  contents = read_file (file);
  g_assert_nonnull (strstr (contents, "\"Edited meanwhile\""));
  g_assert_false (cto_history_get_modified (history_of (window)));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Edited meanwhile");

  /* Once the copy is written, before the window hears of it: the file
   * cannot hold what comes now. Tried again should the window hear of it
   * in the same turn. */
  for (guint attempt = 0; attempt < 20 && caught < 2; attempt++)
    {
      g_autofree char *title = g_strdup_printf ("Saved %u", attempt);

      cto_plan_set_title (plan_of (window), title);
      if (!save_until_written (window))
        {
          wait_until_saved (window);
          g_free (saved_title);
          saved_title = g_strdup (title);
          continue;
        }

      if (caught == 0)
        {
          /* An edit after the copy: unsaved, the file as copied. */
          cto_plan_set_title (plan_of (window), "After the copy");
          wait_until_saved (window);
          g_assert_true (cto_history_get_modified (history_of (window)));
          g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "• After the copy");
          g_assert_true (save_enabled (window));
          g_clear_pointer (&contents, g_free);
          contents = read_file (file);
          g_assert_nonnull (strstr (contents, title));
          /* Undone to what the file holds: saved. */
          gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
          g_assert_false (cto_history_get_modified (history_of (window)));
          g_free (saved_title);
          saved_title = g_strdup (title);
        }
      else
        {
          g_autofree char *shown = g_strdup_printf ("• %s", saved_title);

          /* Undone past what is written, to the plan as last saved: the
           * plan shown is not in the file. */
          gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
          wait_until_saved (window);
          g_assert_true (cto_history_get_modified (history_of (window)));
          g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, shown);
          /* Closing asks. */
          gtk_widget_activate_action (GTK_WIDGET (window), "win.close", NULL);
          spin ();
          g_assert_nonnull (alive);
          g_assert_nonnull (unsaved_dialog_of (window));
          respond_to (unsaved_dialog_of (window), "cancel");
          g_assert_nonnull (alive);
        }
      caught++;
    }
  g_assert_cmpuint (caught, ==, 2);
  save_and_wait (window);
  g_assert_false (cto_history_get_modified (history_of (window)));

  /* Closing while saving, with an edit once the copy is written: asked
   * once saved. */
  for (guint attempt = 0; attempt < 20; attempt++)
    {
      g_autofree char *title = g_strdup_printf ("Closing %u", attempt);

      cto_plan_set_title (plan_of (window), title);
      if (save_until_written (window))
        break;
      wait_until_saved (window);
    }
  g_assert_true (_cto_window_is_saving (window));
  cto_plan_set_title (plan_of (window), "Edited after");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.close", NULL);
  g_assert_null (unsaved_dialog_of (window));
  wait_until_saved (window);
  spin ();
  g_assert_nonnull (alive);
  g_assert_nonnull (unsaved_dialog_of (window));
  respond_to (unsaved_dialog_of (window), "cancel");
  g_assert_nonnull (alive);
  g_assert_true (cto_history_get_modified (history_of (window)));

  window_free (window);
}

/* Closing while saving waits for the save, then closes without asking. */
static void
test_close_while_saving (void)
{
  g_autoptr(GFile) file = display_test_file ("close-while.ctoplan.json");
  g_autoptr(GFile) copy = display_test_file ("close-while-copy.ctoplan.json");
  g_autoptr(CtoPlan) saved = NULL;
  g_autoptr(GError) error = NULL;
  gpointer alive;
  CtoWindow *window = edited_window_open (file, &alive);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.close", NULL);
  g_assert_nonnull (alive);
  g_assert_true (gtk_widget_get_realized (GTK_WIDGET (window)));
  g_assert_null (unsaved_dialog_of (window));

  wait_until_saved (window);
  spin ();
  g_assert_null (alive);
  assert_edit_saved (file);

  /* Nothing unsaved, saved as another file: the window waits all the same. */
  window = small_window_open (file);
  alive = window;
  g_object_add_weak_pointer (G_OBJECT (window), &alive);
  _cto_window_save_to (window, copy);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.close", NULL);
  g_assert_nonnull (alive);
  g_assert_true (gtk_widget_get_realized (GTK_WIDGET (window)));
  wait_until_saved (window);
  spin ();
  g_assert_null (alive);
  g_clear_object (&saved);
  saved = cto_plan_io_load_file (copy, NULL, &error);
  g_assert_no_error (error);
}

/* The path of the one copy in the recovery folder, or NULL. */
static char *
recovery_copy (void)
{
  g_autofree char *folder = cto_recovery_dup_folder ();
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".ctoplan.json"))
      return g_build_filename (folder, name, NULL);

  return NULL;
}

static gboolean
recovery_copy_written (gpointer data)
{
  g_autofree char *path = recovery_copy ();

  return path != NULL;
}

static gboolean
recovery_copy_gone (gpointer data)
{
  return !recovery_copy_written (data);
}

typedef struct
{
  const char *info_path;
  GFile      *file;
} NoteWatch;

/* Whether the note beside a copy names @file as it is now: its fingerprint
 * matches the file exactly, with nothing to read again. */
static gboolean
note_names_file_now (gpointer data)
{
  NoteWatch *watch = data;
  g_autoptr(GKeyFile) note = g_key_file_new ();
  g_autofree char *etag = NULL;
  g_autofree char *refreshed = NULL;

  if (!g_key_file_load_from_file (note, watch->info_path, G_KEY_FILE_NONE, NULL))
    return FALSE;
  etag = g_key_file_get_string (note, "Recovery", "Etag", NULL);

  return etag != NULL && !cto_file_fingerprint_changed (watch->file, etag, &refreshed) &&
         refreshed == NULL;
}

typedef struct
{
  GFile      *file;
  const char *before;
} FileWatch;

static gboolean
file_rewritten (gpointer data)
{
  FileWatch *watch = data;
  g_autofree char *now = read_file (watch->file);

  return g_strcmp0 (now, watch->before) != 0;
}

static gboolean
message_dialog_shown (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel))
        return TRUE;
    }

  return FALSE;
}

/* Starts a save that cannot write yet, as on a disk that hangs, and asks
 * the window to close twice: the second time it offers not to wait.
 * @before_save, when given, is waited for (of the window) once the plan
 * is edited. */
static CtoWindow *
close_twice_while_held (GFile       *file,
                        gpointer    *alive,
                        GSourceFunc  before_save)
{
  CtoWindow *window = edited_window_open (file, alive);

  window->save_silence_ms = 0;
  if (before_save != NULL)
    spin_until (before_save, window, 20);
  g_mutex_lock (_cto_window_get_write_lock ());
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  wait_until_saying (window);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.close", NULL);
  g_assert_null (window->waiting_dialog);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.close", NULL);
  g_assert_nonnull (window->waiting_dialog);

  return window;
}

/* Answers the offer with Close Without Waiting: the window goes, and the
 * recovery copy kept holds the plan as it was closed. Returns the copy's
 * path. */
static char *
close_keeping (CtoWindow *window,
               gpointer  *alive)
{
  g_autofree char *expected = cto_plan_io_to_data (plan_of (window), NULL);
  g_autofree char *kept = NULL;
  char *kept_path;

  respond_to (window->waiting_dialog, "close");
  g_assert_null (*alive);
  spin_until (recovery_copy_written, NULL, 20);
  kept_path = recovery_copy ();
  g_assert_true (g_file_get_contents (kept_path, &kept, NULL, NULL));
  g_assert_cmpstr (kept, ==, expected);

  return kept_path;
}

/* The copy kept at @kept_path, of edits the save under way did not have,
 * stays once the save has ended, and its note names @file as the save left
 * it, so that restoring it and saving asks nothing. Removes both then. */
static void
assert_kept_names_saved (const char *kept_path,
                         GFile      *file)
{
  g_autofree char *info_path = g_strdup (kept_path);

  strcpy (strstr (info_path, ".ctoplan.json"), ".info");
  spin_until (note_names_file_now, &(NoteWatch) { info_path, file }, 20);
  g_assert_true (g_file_test (kept_path, G_FILE_TEST_EXISTS));
  g_assert_cmpint (g_unlink (kept_path), ==, 0);
  g_assert_cmpint (g_unlink (info_path), ==, 0);
}

/* A save that does not end: asked again, the window offers to close
 * without waiting. Keep Waiting leaves it waiting; Close Without Waiting
 * closes it with the save still under way, its changes kept for the next
 * start. A save that ends while the offer is shown takes the offer away,
 * and the window closes as it was asked to. */
static void
test_close_without_waiting (void)
{
  g_autoptr(GFile) file = display_test_file ("without-waiting.ctoplan.json");
  g_autofree char *before = NULL;
  g_autofree char *kept_path = NULL;
  GMutex *lock = _cto_window_get_write_lock ();
  FileWatch watch;
  gpointer alive;
  CtoWindow *window;

  window = close_twice_while_held (file, &alive, NULL);
  before = read_file (file);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (window->waiting_dialog)),
                            "without-waiting.ctoplan.json"));

  respond_to (window->waiting_dialog, "wait");
  g_assert_nonnull (alive);
  g_assert_true (_cto_window_is_saving (window));
  g_assert_cmpint (window->pending, ==, CTO_WINDOW_PENDING_CLOSE);
  g_assert_false (message_dialog_shown ());

  /* Asked again: offered again. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.close", NULL);
  g_assert_nonnull (window->waiting_dialog);
  g_assert_null (recovery_copy ());

  /* The changes are kept; the file is as it was, its save still waiting. */
  kept_path = close_keeping (window, &alive);
  g_assert_true (file_rewritten (&(FileWatch) { file, before }) == FALSE);

  /* Once it can write, the save ends all the same, and the file holds the
   * plan as it was closed: the copy is of no more use. */
  g_mutex_unlock (lock);
  watch = (FileWatch) { file, before };
  spin_until (file_rewritten, &watch, 20);
  assert_edit_saved (file);
  spin_until (recovery_copy_gone, NULL, 20);

  /* Edited once the save's copy was made: the copy kept holds the edit,
   * and once the save ends it names the file as the save left it, so that
   * restoring it and saving asks nothing. */
  window = edited_window_open (file, &alive);
  window->save_silence_ms = 0;
  g_mutex_lock (lock);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  spin ();
  g_assert_true (_cto_window_says_saving (window));
  cto_plan_set_title (plan_of (window), "Edited after the copy");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.close", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.close", NULL);
  g_free (kept_path);
  kept_path = close_keeping (window, &alive);
  g_free (before);
  before = read_file (file);
  g_mutex_unlock (lock);
  watch = (FileWatch) { file, before };
  spin_until (file_rewritten, &watch, 20);
  assert_kept_names_saved (kept_path, file);

  /* The save ends while the offer is shown. */
  window = close_twice_while_held (file, &alive, NULL);
  g_mutex_unlock (lock);
  wait_until_saved (window);
  spin ();
  g_assert_null (alive);
  g_assert_false (message_dialog_shown ());
}

static gboolean
recovery_failed (gpointer data)
{
  CtoWindow *window = data;

  return window->recovery != NULL && !cto_recovery_get_busy (window->recovery) &&
         cto_recovery_get_error (window->recovery) != NULL;
}

static gboolean
recovery_written (gpointer data)
{
  CtoWindow *window = data;

  return window->recovery != NULL && !cto_recovery_get_busy (window->recovery) &&
         cto_recovery_get_error (window->recovery) == NULL;
}

/* The same when the changes could not be kept for the next start (a file
 * stands where the recovery folder would be): the offer says that closing
 * loses them, and closing is then the destructive answer. Once a copy is
 * written again, the offer promises again that the changes are kept. */
static void
test_close_without_waiting_copy_failed (gconstpointer data)
{
  gboolean kept_again = GPOINTER_TO_INT (data);
  g_autoptr(GFile) file = display_test_file ("not-kept.ctoplan.json");
  g_autofree char *folder = NULL;
  GMutex *lock = _cto_window_get_write_lock ();
  AdwMessageDialog *dialog;
  gpointer alive;
  CtoWindow *window;

  folder = recovery_folder_block ();
  window = close_twice_while_held (file, &alive, recovery_failed);

  g_assert_nonnull (window->waiting_dialog);
  dialog = ADW_MESSAGE_DIALOG (window->waiting_dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "could not be kept"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), folder));
  g_assert_cmpstr (adw_message_dialog_get_response_label (dialog, "close"), ==,
                   "_Close and Lose Changes");
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "close"), ==,
                   ADW_RESPONSE_DESTRUCTIVE);
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "wait");

  if (kept_again)
    {
      g_autofree char *kept_path = NULL;

      /* The folder mended while the save waits; the next edit's copy is
       * written, and asked again, the window promises to keep it. */
      respond_to (window->waiting_dialog, "wait");
      recovery_folder_unblock ();
      cto_plan_set_title (plan_of (window), "Kept after all");
      spin_until (recovery_written, window, 20);
      gtk_widget_activate_action (GTK_WIDGET (window), "win.close", NULL);
      g_assert_nonnull (window->waiting_dialog);
      dialog = ADW_MESSAGE_DIALOG (window->waiting_dialog);
      g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Unsaved changes are kept"));
      g_assert_null (strstr (adw_message_dialog_get_body (dialog), "could not be kept"));
      g_assert_cmpstr (adw_message_dialog_get_response_label (dialog, "close"), ==,
                       "_Close Without Waiting");
      g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "close"), ==,
                       ADW_RESPONSE_DEFAULT);

      /* Closed: the copy kept holds the plan as it was closed, and stays
       * once the save, of the plan before the new title, has ended. */
      kept_path = close_keeping (window, &alive);
      g_mutex_unlock (lock);
      spin_until (edit_saved, file, 20);
      assert_kept_names_saved (kept_path, file);
      return;
    }

  /* Closed all the same: the save goes on, and writes the file once it can. */
  respond_to (window->waiting_dialog, "close");
  g_assert_null (alive);
  g_mutex_unlock (lock);
  spin_until (edit_saved, file, 20);
  recovery_folder_unblock ();
}

/* A question about a save answered once another plan is shown, or while
 * another save is under way, does nothing: the other plan is never
 * written over the first one's file. */
static void
test_stale_question (gconstpointer data)
{
  gboolean saving = GPOINTER_TO_INT (data);
  g_autoptr(GFile) file = display_test_file ("stale.ctoplan.json");
  g_autoptr(GFile) other = small_plan_file ("stale-other.ctoplan.json");
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(CtoPlan) other_plan = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *replace_question;
  CtoWindow *window;

  window = read_only_window_open (file, &before);
  replace_question = g_object_ref (error_dialog_of (window));

  /* Another plan read meanwhile asks about the unsaved changes. */
  other_plan = cto_plan_io_load_file (other, NULL, &error);
  g_assert_no_error (error);
  cto_plan_set_title (other_plan, "The other plan");
  _cto_window_ask_unsaved (window, CTO_WINDOW_PENDING_REPLACE, other_plan, other);
  g_assert_nonnull (unsaved_dialog_of (window));
  if (saving)
    {
      /* Saved to the read-only file: it fails again, later. */
      GtkWidget *unsaved = unsaved_dialog_of (window);

      g_object_ref (unsaved);
      adw_message_dialog_response (ADW_MESSAGE_DIALOG (unsaved), "save");
      gtk_window_destroy (GTK_WINDOW (unsaved));
      g_object_unref (unsaved);
      g_assert_true (_cto_window_is_saving (window));
    }
  else
    {
      respond_to (unsaved_dialog_of (window), "discard");
      g_assert_true (plan_of (window) == other_plan);
    }

  /* Replace, answered now: nothing written, nothing started. */
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (replace_question), "replace");
  gtk_window_destroy (GTK_WINDOW (replace_question));
  g_object_unref (replace_question);
  wait_until_saved (window);
  spin ();
  after = read_file (file);
  g_assert_cmpstr (after, ==, before);
  if (!saving)
    {
      g_assert_true (g_file_equal (cto_window_get_file (window), other));
      g_assert_cmpstr (cto_plan_get_title (plan_of (window)), ==, "The other plan");
    }

  g_chmod (path, 0644);
  window_free (window);
}

/* The same file saved from two windows at once: the second to write finds
 * the first's file there, and asks. */
static void
test_two_windows_saving (void)
{
  g_autoptr(GFile) file = display_test_file ("two-windows.ctoplan.json");
  g_autoptr(CtoPlan) saved = NULL;
  g_autoptr(GError) error = NULL;
  CtoWindow *windows[2];
  const char *titles[2] = { "From the first", "From the second" };
  guint asked = 0, written = 0;

  for (guint i = 0; i < 2; i++)
    {
      windows[i] = small_window_open (file);
      cto_plan_set_title (plan_of (windows[i]), titles[i]);
    }
  for (guint i = 0; i < 2; i++)
    gtk_widget_activate_action (GTK_WIDGET (windows[i]), "win.save", NULL);
  for (guint i = 0; i < 2; i++)
    wait_until_saved (windows[i]);

  saved = cto_plan_io_load_file (file, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 2; i++)
    {
      if (changed_dialog_of (windows[i]) != NULL)
        {
          asked++;
          g_assert_true (cto_history_get_modified (history_of (windows[i])));
          g_assert_cmpstr (cto_plan_get_title (saved), !=, titles[i]);
        }
      else
        {
          written++;
          g_assert_false (cto_history_get_modified (history_of (windows[i])));
          g_assert_cmpstr (cto_plan_get_title (saved), ==, titles[i]);
        }
    }
  g_assert_cmpuint (asked, ==, 1);
  g_assert_cmpuint (written, ==, 1);

  for (guint i = 0; i < 2; i++)
    window_free (windows[i]);
}

static gboolean
window_gone (gpointer alive)
{
  return *(gpointer *) alive == NULL;
}

/* Quit (Ctrl+Q) while two windows save, as on a slow disk: neither asks
 * about unsaved changes nor goes before its file is whole; each closes
 * once its own save has ended. */
static void
test_quit_while_saving (void)
{
  g_autoptr(CtoApplication) app = cto_application_new ();
  g_autoptr(GFile) first = display_test_file ("quit-first.ctoplan.json");
  g_autoptr(GFile) second = display_test_file ("quit-second.ctoplan.json");
  g_autoptr(GError) error = NULL;
  GFile *files[2] = { first, second };
  GMutex *lock = _cto_window_get_write_lock ();
  CtoWindow *windows[2];
  gpointer alive[2];

  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 2; i++)
    {
      windows[i] = edited_window_open (files[i], &alive[i]);
      gtk_window_set_application (GTK_WINDOW (windows[i]), GTK_APPLICATION (app));
    }

  g_mutex_lock (lock);
  for (guint i = 0; i < 2; i++)
    gtk_widget_activate_action (GTK_WIDGET (windows[i]), "win.save", NULL);
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  spin ();
  for (guint i = 0; i < 2; i++)
    {
      g_assert_nonnull (alive[i]);
      g_assert_true (_cto_window_is_saving (windows[i]));
      g_assert_cmpint (windows[i]->pending, ==, CTO_WINDOW_PENDING_CLOSE);
      g_assert_null (unsaved_dialog_of (windows[i]));
    }

  g_mutex_unlock (lock);
  for (guint i = 0; i < 2; i++)
    {
      spin_until (window_gone, &alive[i], 20);
      assert_edit_saved (files[i]);
    }
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (app)));
}

/* A window destroyed while it saves: the file is written all the same, and
 * the window goes once it is. */
static void
test_destroyed_while_saving (void)
{
  g_autoptr(GFile) file = display_test_file ("destroyed-while.ctoplan.json");
  gpointer alive;
  CtoWindow *window = edited_window_open (file, &alive);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
  g_assert_null (alive);
  spin_until (edit_saved, file, 20);
  assert_edit_saved (file);
}

/* A save that fails while the window waits to close: it stays open, says
 * why, and keeps the changes. */
static void
test_close_while_saving_fails (void)
{
  g_autoptr(GFile) file = display_test_file ("no-folder-here/plan.ctoplan.json");
  CtoWindow *window = small_window_new ();
  gpointer alive = window;

  g_object_add_weak_pointer (G_OBJECT (window), &alive);
  small_window_edit (window);
  _cto_window_save_to (window, file);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.close", NULL);
  wait_until_saved (window);
  spin ();

  g_assert_nonnull (alive);
  g_assert_nonnull (error_dialog_of (window));
  g_assert_null (unsaved_dialog_of (window));
  g_assert_true (cto_history_get_modified (history_of (window)));
  g_assert_null (cto_window_get_file (window));
  g_assert_false (g_file_query_exists (file, NULL));
  respond_to (error_dialog_of (window), "close");

  /* Nothing waits any more: closing asks as ever. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.close", NULL);
  spin ();
  g_assert_nonnull (unsaved_dialog_of (window));
  respond_to (unsaved_dialog_of (window), "cancel");
  g_assert_nonnull (alive);

  window_free (window);
}

/* Another plan opened while saving replaces this one once it is saved,
 * without asking. */
static void
test_open_while_saving (void)
{
  g_autoptr(GFile) file = display_test_file ("open-while.ctoplan.json");
  g_autoptr(GFile) other = small_plan_file ("other-while.ctoplan.json");
  g_autoptr(GFile) copy = display_test_file ("open-while-copy.ctoplan.json");
  g_autoptr(CtoPlan) saved = NULL;
  g_autoptr(GError) error = NULL;
  CtoWindow *window = small_window_open (file);
  CtoPlan *first = plan_of (window);

  g_autoptr(CtoPlan) other_plan = cto_plan_io_load_file (other, NULL, &error);
  gpointer alive = window;

  g_assert_no_error (error);
  g_object_add_weak_pointer (G_OBJECT (window), &alive);
  small_window_edit (window);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  /* The other plan read while the save is under way, as the Open button
   * reads it: it waits for the save, without asking. */
  _cto_window_ask_unsaved (window, CTO_WINDOW_PENDING_REPLACE, other_plan, other);
  g_assert_null (unsaved_dialog_of (window));
  g_assert_true (plan_of (window) == first);
  wait_until_saved (window);
  spin ();

  g_assert_null (unsaved_dialog_of (window));
  g_assert_true (plan_of (window) == other_plan);
  g_assert_true (g_file_equal (cto_window_get_file (window), other));
  g_assert_false (cto_history_get_modified (history_of (window)));
  assert_edit_saved (file);

  /* Nothing unsaved, saved as another file: the other plan comes in once
   * saved, without asking, and the save says nothing of it. */
  first = plan_of (window);
  _cto_window_save_to (window, copy);
  open_and_wait (window, file);
  wait_until_saved (window);
  spin ();
  g_assert_null (unsaved_dialog_of (window));
  g_assert_true (plan_of (window) != first);
  g_assert_true (g_file_equal (cto_window_get_file (window), file));
  g_assert_cmpstr (adw_window_title_get_subtitle (window->window_title), ==, "open-while.ctoplan.json");
  g_clear_object (&saved);
  saved = cto_plan_io_load_file (copy, NULL, &error);
  g_assert_no_error (error);

  /* Closing, asked for while another plan waits to come in, wins: the
   * window closes once saved, whichever came first. */
  for (guint close_first = 0; close_first < 2; close_first++)
    {
      if (close_first)
        {
          window = small_window_open (file);
          alive = window;
          g_object_add_weak_pointer (G_OBJECT (window), &alive);
        }
      g_clear_object (&other_plan);
      other_plan = cto_plan_io_load_file (other, NULL, &error);
      g_assert_no_error (error);
      cto_plan_set_title (plan_of (window), close_first ? "Closed first" : "Closed last");
      gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
      if (close_first)
        gtk_widget_activate_action (GTK_WIDGET (window), "win.close", NULL);
      _cto_window_ask_unsaved (window, CTO_WINDOW_PENDING_REPLACE, other_plan, other);
      if (!close_first)
        gtk_widget_activate_action (GTK_WIDGET (window), "win.close", NULL);
      wait_until_saved (window);
      spin ();
      g_assert_null (alive);
      g_clear_object (&saved);
      saved = cto_plan_io_load_file (file, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (cto_plan_get_title (saved), ==, close_first ? "Closed first" : "Closed last");
    }
}

int
main (int   argc,
      char *argv[])
{
  display_test_init (&argc, &argv, "window-save-under-way", "none");
  g_test_add_func ("/safety/save/under-way", test_under_way);
  g_test_add_func ("/safety/save/under-way/edited", test_edited_while_saving);
  g_test_add_func ("/safety/save/under-way/says-saving", test_says_saving);
  g_test_add_func ("/safety/save/under-way/close", test_close_while_saving);
  g_test_add_func ("/safety/save/under-way/close-fails", test_close_while_saving_fails);
  g_test_add_func ("/safety/save/under-way/close-without-waiting", test_close_without_waiting);
  g_test_add_data_func ("/safety/save/under-way/close-without-waiting/not-kept",
                        GINT_TO_POINTER (FALSE), test_close_without_waiting_copy_failed);
  g_test_add_data_func ("/safety/save/under-way/close-without-waiting/kept-again",
                        GINT_TO_POINTER (TRUE), test_close_without_waiting_copy_failed);
  g_test_add_func ("/safety/save/under-way/destroyed", test_destroyed_while_saving);
  g_test_add_func ("/safety/save/under-way/two-windows", test_two_windows_saving);
  g_test_add_func ("/safety/save/under-way/quit", test_quit_while_saving);
  g_test_add_data_func ("/safety/save/stale-question/other-plan", GINT_TO_POINTER (FALSE),
                        test_stale_question);
  g_test_add_data_func ("/safety/save/stale-question/saving", GINT_TO_POINTER (TRUE),
                        test_stale_question);
  g_test_add_func ("/safety/save/under-way/open", test_open_while_saving);

  return display_test_run ();
}
