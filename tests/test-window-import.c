/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "cto-history.h"
#include "cto-window-private.h"
#include "display-test-util.h"

/* Import Spreadsheet… in the real window, under Xvfb: the rows become a new
 * unsaved plan in a new window, and rows that cannot be read are listed
 * before anything is made. */

static char *
write_csv (const char *name,
           const char *contents)
{
  char *path = display_test_path (name);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return path;
}

static CtoWindow *
window_new (void)
{
  CtoWindow *window = cto_window_new (NULL);

  gtk_window_present (GTK_WINDOW (window));
  spin ();

  return window;
}

/* The CtoWindows on screen other than @except, and the message dialogs. */
static GPtrArray *
toplevels_of_type (GType      type,
                   GtkWidget *except)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && window != except &&
          gtk_widget_get_visible (window))
        g_ptr_array_add (found, g_object_ref (window));
    }

  return found;
}

static void
destroy_all (GPtrArray *windows)
{
  for (guint i = 0; i < windows->len; i++)
    gtk_window_destroy (g_ptr_array_index (windows, i));
  spin ();
}

typedef struct
{
  GType      type;
  GtkWidget *except;
} Wanted;

static gboolean
shows_toplevel (gpointer data)
{
  const Wanted *wanted = data;
  g_autoptr(GPtrArray) found = toplevels_of_type (wanted->type, wanted->except);

  return found->len > 0;
}

/* The file is read in a thread: wait until what it leads to shows. */
static void
wait_for (GType      type,
          GtkWidget *except)
{
  Wanted wanted = { type, except };

  spin_until (shows_toplevel, &wanted, 20);
  spin ();
}

static gboolean
is_list_view (GtkWidget     *widget,
              gconstpointer  data)
{
  return GTK_IS_LIST_VIEW (widget);
}

static void
test_import_opens_new_window (void)
{
  g_autofree char *path = write_csv ("Board 2027.csv",
                                     "\xef\xbb\xbfTitle;Function;Effort;Person_1;Share_1\r\n"
                                     "Security;infrastructure;6,5;Ana;2\r\n"
                                     "Roadmap;Thinker;;Bo;\r\n");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  CtoWindow *window = window_new ();
  g_autoptr(CtoPlan) before = g_object_ref (window->plan);
  g_autoptr(GPtrArray) windows = NULL;
  g_autoptr(GPtrArray) dialogs = NULL;
  CtoWindow *imported;

  _cto_window_import_file (window, file);
  wait_for (CTO_TYPE_WINDOW, GTK_WIDGET (window));

  dialogs = toplevels_of_type (ADW_TYPE_MESSAGE_DIALOG, NULL);
  g_assert_cmpuint (dialogs->len, ==, 0);
  windows = toplevels_of_type (CTO_TYPE_WINDOW, GTK_WIDGET (window));
  g_assert_cmpuint (windows->len, ==, 1);
  imported = g_ptr_array_index (windows, 0);

  /* The window it was asked from keeps its own plan. */
  g_assert_true (window->plan == before);

  g_assert_null (cto_window_get_file (imported));
  g_assert_cmpstr (cto_plan_get_title (imported->plan), ==, "Board 2027");
  g_assert_true (cto_history_get_modified (cto_plan_get_history (imported->plan)));
  g_assert_cmpuint (g_list_model_get_n_items (cto_plan_get_responsibilities (imported->plan)),
                    ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (cto_plan_get_people (imported->plan)), ==, 2);
  g_assert_nonnull (strstr (adw_window_title_get_title (imported->window_title), "Board 2027"));

  destroy_all (windows);
  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
  g_unlink (path);
}

static AdwMessageDialog *
single_dialog_for (CtoWindow *window)
{
  g_autoptr(GPtrArray) dialogs = toplevels_of_type (ADW_TYPE_MESSAGE_DIALOG, NULL);
  GtkWindow *dialog;

  g_assert_cmpuint (dialogs->len, ==, 1);
  dialog = g_ptr_array_index (dialogs, 0);
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (window));

  return ADW_MESSAGE_DIALOG (dialog);
}

/* A spreadsheet opened (Ctrl+O) over a plan: not an error with nowhere to
 * go, but the offer to import it. Cancelled, nothing changes; accepted,
 * its plan opens in a new window and the plan shown stays. */
static void
test_opened_over_plan (void)
{
  g_autofree char *path = write_csv ("Team tasks.csv",
                                     "Title;Function;Effort\nBackups;infrastructure;3\n");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  CtoWindow *window = window_new ();
  g_autoptr(CtoPlan) before = g_object_ref (window->plan);
  g_autoptr(GPtrArray) windows = NULL;
  AdwMessageDialog *offer;
  CtoWindow *imported;

  for (guint accept = 0; accept < 2; accept++)
    {
      open_and_wait (window, file);
      offer = single_dialog_for (window);
      g_assert_cmpstr (adw_message_dialog_get_heading (offer), ==, "Import the Spreadsheet?");
      g_assert_cmpstr (adw_message_dialog_get_body (offer), ==,
                       "“Team tasks.csv” is a spreadsheet, not a plan file. Importing it makes "
                       "a plan of its rows, in a new window; the plan shown stays as it is.");
      g_assert_cmpstr (adw_message_dialog_get_default_response (offer), ==, "import");
      g_assert_true (window->plan == before);
      g_assert_false (cto_history_get_modified (history_of (window)));

      respond_to (GTK_WIDGET (offer), accept ? "import" : "cancel");
      if (!accept)
        {
          g_autoptr(GPtrArray) none = toplevels_of_type (CTO_TYPE_WINDOW, GTK_WIDGET (window));

          spin ();
          g_assert_cmpuint (none->len, ==, 0);
        }
    }

  wait_for (CTO_TYPE_WINDOW, GTK_WIDGET (window));
  windows = toplevels_of_type (CTO_TYPE_WINDOW, GTK_WIDGET (window));
  g_assert_cmpuint (windows->len, ==, 1);
  imported = g_ptr_array_index (windows, 0);
  g_assert_cmpstr (cto_plan_get_title (imported->plan), ==, "Team tasks");
  g_assert_true (window->plan == before);

  destroy_all (windows);
  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
  g_unlink (path);
}

static guint
n_listed (AdwMessageDialog *dialog)
{
  GtkWidget *list = find_widget (adw_message_dialog_get_extra_child (dialog), is_list_view, NULL);

  g_assert_nonnull (list);
  return g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list))));
}

static const char partial_csv[] =
  "title,function,effort\n"
  "A,planning,2\n"
  "B,planning,lots\n"
  "C,nothing,1\n"
  "D,thinker,-1\n"
  "E,thinker,1\n";

static void
test_problems_listed_then_import (gconstpointer data)
{
  const char *response = data;
  g_autofree char *path = write_csv ("partial.csv", partial_csv);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  CtoWindow *window = window_new ();
  g_autoptr(GPtrArray) windows = NULL;
  AdwMessageDialog *dialog;

  _cto_window_import_file (window, file);
  wait_for (ADW_TYPE_MESSAGE_DIALOG, NULL);

  /* Nothing is made before the problems are seen. */
  windows = toplevels_of_type (CTO_TYPE_WINDOW, GTK_WIDGET (window));
  g_assert_cmpuint (windows->len, ==, 0);
  g_clear_pointer (&windows, g_ptr_array_unref);

  dialog = single_dialog_for (window);
  g_assert_cmpuint (n_listed (dialog), ==, 3);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "3 problems"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "2 other rows"));
  g_assert_true (adw_message_dialog_has_response (dialog, "cancel"));
  g_assert_true (adw_message_dialog_has_response (dialog, "import"));
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "cancel");

  adw_message_dialog_response (dialog, response);
  spin ();

  windows = toplevels_of_type (CTO_TYPE_WINDOW, GTK_WIDGET (window));
  if (g_str_equal (response, "cancel"))
    {
      g_assert_cmpuint (windows->len, ==, 0);
    }
  else
    {
      CtoWindow *imported;
      GListModel *responsibilities;
      g_autoptr(CtoResponsibility) first = NULL;
      g_autoptr(CtoResponsibility) second = NULL;

      g_assert_cmpuint (windows->len, ==, 1);
      imported = g_ptr_array_index (windows, 0);
      responsibilities = cto_plan_get_responsibilities (imported->plan);
      g_assert_cmpuint (g_list_model_get_n_items (responsibilities), ==, 2);
      first = g_list_model_get_item (responsibilities, 0);
      second = g_list_model_get_item (responsibilities, 1);
      g_assert_cmpstr (cto_responsibility_get_title (first), ==, "A");
      g_assert_cmpstr (cto_responsibility_get_title (second), ==, "E");
      g_assert_true (cto_history_get_modified (cto_plan_get_history (imported->plan)));
    }

  destroy_all (windows);
  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
  g_unlink (path);
}

/* A spreadsheet with rows that cannot be read, opened over a plan with
 * unsaved changes: the offer to import it, then the problems, then the
 * readable rows in a new window. The plan shown is never asked about (it
 * stays), and keeps its changes. */
static void
test_problems_opened_over_plan (void)
{
  g_autofree char *path = write_csv ("partial.csv", partial_csv);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  CtoWindow *window = small_window_new ();
  g_autoptr(CtoPlan) before = g_object_ref (window->plan);
  g_autoptr(GPtrArray) windows = NULL;
  AdwMessageDialog *dialog;
  CtoWindow *imported;

  small_window_edit (window);
  g_assert_true (cto_history_get_modified (history_of (window)));

  open_and_wait (window, file);
  g_assert_null (unsaved_dialog_of (window));
  dialog = single_dialog_for (window);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Import the Spreadsheet?");
  respond_to (GTK_WIDGET (dialog), "import");

  /* The problems, before anything is made. */
  wait_for (ADW_TYPE_MESSAGE_DIALOG, NULL);
  windows = toplevels_of_type (CTO_TYPE_WINDOW, GTK_WIDGET (window));
  g_assert_cmpuint (windows->len, ==, 0);
  g_clear_pointer (&windows, g_ptr_array_unref);
  dialog = single_dialog_for (window);
  g_assert_cmpuint (n_listed (dialog), ==, 3);
  g_assert_true (adw_message_dialog_has_response (dialog, "import"));
  adw_message_dialog_response (dialog, "import");
  spin ();

  windows = toplevels_of_type (CTO_TYPE_WINDOW, GTK_WIDGET (window));
  g_assert_cmpuint (windows->len, ==, 1);
  imported = g_ptr_array_index (windows, 0);
  g_assert_cmpuint (g_list_model_get_n_items (cto_plan_get_responsibilities (imported->plan)), ==, 2);
  g_assert_null (cto_window_get_file (imported));

  g_assert_true (window->plan == before);
  g_assert_true (cto_history_get_modified (history_of (window)));
  g_assert_null (unsaved_dialog_of (window));

  destroy_all (windows);
  window_free (window);
  g_unlink (path);
}

static void
test_unreadable_file_only_closes (void)
{
  g_autofree char *path = write_csv ("open.csv", "title,function\nA,planning\n\"B,thinker\n");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  CtoWindow *window = window_new ();
  g_autoptr(GPtrArray) windows = NULL;
  AdwMessageDialog *dialog;

  _cto_window_import_file (window, file);
  wait_for (ADW_TYPE_MESSAGE_DIALOG, NULL);

  dialog = single_dialog_for (window);
  g_assert_cmpuint (n_listed (dialog), ==, 1);
  g_assert_false (adw_message_dialog_has_response (dialog, "import"));
  g_assert_true (adw_message_dialog_has_response (dialog, "close"));
  /* Enter on the list, where the keyboard starts, closes it. */
  {
    GtkWidget *list = find_widget (GTK_WIDGET (dialog), is_list_view, NULL);

    g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
    g_assert_true (press_key (list, GDK_KEY_Return, 0));
    /* Its button pressed, for a moment. */
    spin_until (is_cleared, &dialog, 5);
  }

  windows = toplevels_of_type (CTO_TYPE_WINDOW, GTK_WIDGET (window));
  g_assert_cmpuint (windows->len, ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
  g_unlink (path);
}

static void
test_file_refused_says_why (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (display_test_dir ());
  CtoWindow *window = window_new ();

  _cto_window_import_file (window, file);
  wait_for (ADW_TYPE_MESSAGE_DIALOG, NULL);

  g_assert_nonnull (window->error_dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (window->error_dialog)),
                            "is a folder, not a file"));

  gtk_window_destroy (GTK_WINDOW (window->error_dialog));
  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
}

static void
test_window_closed_while_reading (void)
{
  g_autofree char *path = write_csv ("closed.csv", "title,function\nA,planning\n");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  CtoWindow *window = window_new ();
  g_autoptr(GPtrArray) windows = NULL;
  g_autoptr(GPtrArray) dialogs = NULL;

  _cto_window_import_file (window, file);
  gtk_window_destroy (GTK_WINDOW (window));
  spin_for (1.0);

  windows = toplevels_of_type (CTO_TYPE_WINDOW, NULL);
  g_assert_cmpuint (windows->len, ==, 0);
  dialogs = toplevels_of_type (ADW_TYPE_MESSAGE_DIALOG, NULL);
  g_assert_cmpuint (dialogs->len, ==, 0);
  g_unlink (path);
}

static void
test_action_asks_for_file (void)
{
  CtoWindow *window;
  GtkFileFilter *filter;

  if (!file_chooser_testable ())
    return;

  window = window_new ();
  g_assert_null (window->file_chooser);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.import", NULL));
  spin ();
  g_assert_nonnull (window->file_chooser);
  g_assert_cmpstr (gtk_native_dialog_get_title (window->file_chooser), ==, "Import a Spreadsheet");
  filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (window->file_chooser));
  g_assert_cmpstr (gtk_file_filter_get_name (filter), ==, "Spreadsheets (CSV)");

  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
}

int
main (int   argc,
      char *argv[])
{
  display_test_init (&argc, &argv, "window-import", "none");

  g_test_add_func ("/window-import/opens-new-unsaved-window", test_import_opens_new_window);
  g_test_add_func ("/window-import/opened-over-plan", test_opened_over_plan);
  g_test_add_data_func ("/window-import/problems/cancel", "cancel",
                        test_problems_listed_then_import);
  g_test_add_data_func ("/window-import/problems/import-readable-rows", "import",
                        test_problems_listed_then_import);
  g_test_add_func ("/window-import/problems/opened-over-unsaved-plan",
                   test_problems_opened_over_plan);
  g_test_add_func ("/window-import/unreadable-file-only-closes", test_unreadable_file_only_closes);
  g_test_add_func ("/window-import/file-refused-says-why", test_file_refused_says_why);
  g_test_add_func ("/window-import/window-closed-while-reading", test_window_closed_while_reading);
  g_test_add_func ("/window-import/action-asks-for-file", test_action_asks_for_file);

  return display_test_run ();
}
