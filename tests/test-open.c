/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "cto-file-read.h"
#include "cto-history.h"
#include "cto-plan-io.h"
#include "cto-window-private.h"
#include "display-test-util.h"

/* Opening plan files in the real window: read in a thread with a page that
 * can be cancelled; a failure keeps what was shown, or, in a window made for
 * the file, says why on a page of its own. */

static const char plan_json[] =
  "{\n"
  "  \"format\": \"cto-planner-plan\",\n"
  "  \"version\": 1,\n"
  "  \"title\": \"Test plan\",\n"
  "  \"people\": [\n"
  "    { \"id\": \"ana\", \"name\": \"Ana\", \"role\": \"CEO\", \"capacity\": 40 },\n"
  "    { \"id\": \"bo\", \"name\": \"Bo\", \"role\": \"Engineer\", \"capacity\": 10 }\n"
  "  ],\n"
  "  \"responsibilities\": [\n"
  "    { \"id\": \"tools\", \"title\": \"Tools\", \"function\": \"planning\", \"effort\": 4 }\n"
  "  ]\n"
  "}\n";

/* Helpers ------------------------------------------------------------------ */

static gboolean
loaded (gpointer window)
{
  return !cto_window_is_loading (CTO_WINDOW (window));
}

static const char *
page_of (CtoWindow *window)
{
  return gtk_stack_get_visible_child_name (window->content_stack);
}

static GtkWidget *
button_on_page (CtoWindow  *window,
                const char *label)
{
  GtkWidget *page = gtk_stack_get_visible_child (window->content_stack);
  GtkWidget *button = find_widget (page, is_button_labelled, label);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_drawable (button));
  return button;
}

static void
click (GtkWidget *button)
{
  g_signal_emit_by_name (button, "clicked");
  spin ();
}

static CtoWindow *
window_with_file (GFile *file)
{
  CtoWindow *window = cto_window_new (NULL);

  gtk_window_present (GTK_WINDOW (window));
  open_and_wait (window, file);
  g_assert_cmpstr (page_of (window), ==, "plan");

  return window;
}

/* Tests -------------------------------------------------------------------- */

/* A failed open over a plan with unsaved changes: the plan, its file and
 * its unsaved mark stay exactly as they were. */
static GFile *
make_file (const char *name,
           const char *contents)
{
  GFile *file = display_test_file (name);
  g_autoptr(GError) error = NULL;

  g_file_replace_contents (file, contents, strlen (contents), NULL, FALSE,
                           G_FILE_CREATE_NONE, NULL, NULL, &error);
  g_assert_no_error (error);

  return file;
}

static void
test_failed_keeps_plan (void)
{
  g_autoptr(GFile) good = make_file ("good.ctoplan.json", plan_json);
  g_autoptr(GFile) broken = make_file ("broken.ctoplan.json", "{ \"format\": \"cto-planner-plan\", ");
  CtoWindow *window = window_with_file (good);
  CtoPlan *plan = window->plan;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *title = NULL;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.assign", "(ss)", "tools", "bo");
  g_assert_true (cto_history_get_modified (history_of (window)));
  before = cto_plan_io_to_data (plan, NULL);
  title = g_strdup (gtk_window_get_title (GTK_WINDOW (window)));

  open_and_wait (window, broken);

  g_assert_true (window->plan == plan);
  g_assert_true (g_file_equal (cto_window_get_file (window), good));
  g_assert_cmpstr (page_of (window), ==, "plan");
  after = cto_plan_io_to_data (plan, NULL);
  g_assert_cmpstr (before, ==, after);
  g_assert_true (cto_history_get_modified (history_of (window)));
  g_assert_true (cto_history_get_can_undo (history_of (window)));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, title);
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (window)));
  /* It says why, with the file's name and the place. */
  g_assert_nonnull (window->error_dialog);
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (window->error_dialog)),
                                   "broken.ctoplan.json: line"));

  window_free (window);
}

typedef struct
{
  const char *path;
  const char *contents;     /* NULL: no such file */
  const char *reason;       /* a part of what the page says */
} ErrorCase;

static const ErrorCase error_cases[] = {
  { "/open/error-page/not-found", NULL, "does not exist" },
  { "/open/error-page/not-a-plan", "{ \"hello\": \"world\" }\n", "not a CTO Planner plan" },
  { "/open/error-page/newer-version",
    "{ \"format\": \"cto-planner-plan\", \"version\": 99, \"people\": [], \"responsibilities\": [] }\n",
    "newer version" },
  { "/open/error-page/damaged",
    "{\n  \"format\": \"cto-planner-plan\",\n  \"version\": 1,\n  people\n}\n", "damaged at line 4" },
};

/* A window made for a file it cannot read: a page saying so and why, with
 * the exact message under Details, and the two ways on; never a plan. */
static void
test_error_page (gconstpointer data)
{
  const ErrorCase *c = data;
  g_autoptr(GFile) file = display_test_file ("plan.ctoplan.json");
  g_autofree char *where = g_file_get_parse_name (file);
  CtoWindow *window;
  GtkWidget *expander;
  GtkWidget *details;
  GtkWidget *open_other;

  g_unlink (g_file_peek_path (file));
  if (c->contents != NULL)
    g_object_unref (make_file ("plan.ctoplan.json", c->contents));

  window = cto_window_new_for_file (NULL, file);
  gtk_window_present (GTK_WINDOW (window));
  spin_until (loaded, window, 60);
  spin ();

  g_assert_cmpstr (page_of (window), ==, "error");
  g_assert_null (window->error_dialog);
  g_assert_null (cto_window_get_file (window));
  g_assert_cmpuint (g_list_model_get_n_items (cto_plan_get_responsibilities (window->plan)), ==, 0);
  g_assert_nonnull (strstr (adw_status_page_get_title (window->error_page), "plan.ctoplan.json"));
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)), "plan.ctoplan.json"));
  g_assert_nonnull (strstr (adw_status_page_get_description (window->error_page), c->reason));

  /* The exact message is under Details, closed at first. */
  expander = find_widget (GTK_WIDGET (window->content_stack), is_of_type,
                          GSIZE_TO_POINTER (GTK_TYPE_EXPANDER));
  g_assert_nonnull (expander);
  g_assert_cmpstr (gtk_expander_get_label (GTK_EXPANDER (expander)), ==, "_Details");
  g_assert_false (gtk_expander_get_expanded (GTK_EXPANDER (expander)));
  gtk_expander_set_expanded (GTK_EXPANDER (expander), TRUE);
  spin ();
  details = find_widget_by_name (expander, "open-error-details");
  g_assert_nonnull (details);
  g_assert_true (gtk_widget_is_drawable (details));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (details)), where));

  open_other = button_on_page (window, "_Open Another…");
  /* Not a spreadsheet: nothing to import. */
  g_assert_false (gtk_widget_is_drawable (find_widget (GTK_WIDGET (window->error_page), is_button_labelled,
                                                       "_Import Spreadsheet")));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (open_other)), ==, "win.open");
  /* Nothing to save while there is no plan. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  spin ();
  g_assert_false (_cto_window_is_saving (window));
  g_assert_null (window->file_chooser);

  /* Put right, the file opens with Try Again. */
  g_object_unref (make_file ("plan.ctoplan.json", plan_json));
  click (button_on_page (window, "_Try Again"));
  spin_until (loaded, window, 60);
  spin ();
  g_assert_cmpstr (page_of (window), ==, "plan");
  g_assert_true (g_file_equal (cto_window_get_file (window), file));
  g_assert_nonnull (cto_plan_find_person (window->plan, "bo"));

  window_free (window);
}

static gboolean
shows_plan (gpointer window)
{
  return g_strcmp0 (page_of (window), "plan") == 0;
}

/* A spreadsheet opened as a plan: the page says what it is, and instead of
 * Try Again, which would fail again, imports it into this window. */
static void
test_error_page_spreadsheet (void)
{
  g_autoptr(GFile) file = make_file ("Team tasks.csv",
                                     "Title;Function;Effort\nBackups;infrastructure;3\n"
                                     "Roadmap;thinker;2\n");
  CtoWindow *window = cto_window_new_for_file (NULL, file);
  GtkWidget *import;
  GtkWidget *again;

  gtk_window_present (GTK_WINDOW (window));
  spin_until (loaded, window, 60);
  spin ();

  g_assert_cmpstr (page_of (window), ==, "error");
  g_assert_nonnull (strstr (adw_status_page_get_description (window->error_page),
                            "a spreadsheet, not a plan file"));
  g_assert_nonnull (strstr (adw_status_page_get_description (window->error_page),
                            "Importing it makes a plan of its rows"));
  again = find_widget (GTK_WIDGET (window->error_page), is_button_labelled, "_Try Again");
  g_assert_nonnull (again);
  g_assert_false (gtk_widget_is_drawable (again));
  import = button_on_page (window, "_Import Spreadsheet");
  g_assert_true (gtk_widget_has_focus (import));

  /* Once: a second click while the sheet is read would import it twice. */
  g_signal_emit_by_name (import, "clicked");
  g_assert_false (gtk_widget_get_sensitive (import));
  spin_until (shows_plan, window, 60);
  g_assert_cmpuint (g_list_model_get_n_items (cto_plan_get_responsibilities (window->plan)), ==, 2);
  g_assert_cmpstr (cto_plan_get_title (window->plan), ==, "Team tasks");
  /* The plan is new: no file holds it, and closing asks. */
  g_assert_null (cto_window_get_file (window));
  g_assert_true (cto_history_get_modified (history_of (window)));
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)), "Team tasks"));

  window_free (window);
}

static const char spreadsheet_csv[] = "Title;Function;Effort\nBackups;infrastructure;3\n";

/* A later failure of another kind: Try Again is back, Import gone. */
static void
test_error_page_spreadsheet_then_other (void)
{
  g_autoptr(GFile) sheet = make_file ("sheet.csv", spreadsheet_csv);
  g_autoptr(GFile) broken = make_file ("broken.ctoplan.json", "{ \"format\": ");
  CtoWindow *window = cto_window_new_for_file (NULL, sheet);
  GtkWidget *import;

  gtk_window_present (GTK_WINDOW (window));
  spin_until (loaded, window, 60);
  spin ();
  import = button_on_page (window, "_Import Spreadsheet");

  open_and_wait (window, broken);
  g_assert_cmpstr (page_of (window), ==, "error");
  g_assert_nonnull (strstr (adw_status_page_get_title (window->error_page), "broken.ctoplan.json"));
  g_assert_false (gtk_widget_is_drawable (import));
  g_assert_true (gtk_widget_has_focus (button_on_page (window, "_Try Again")));

  window_free (window);
}

static gboolean
has_other_window (gpointer window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) toplevel = g_list_model_get_item (toplevels, i);

      if (CTO_IS_WINDOW (toplevel) && toplevel != window && gtk_widget_get_visible (toplevel))
        return TRUE;
    }

  return FALSE;
}

/* Another plan opened while the sheet is read: the window shows that
 * plan, and the sheet's rows open in a window of their own. */
static void
test_error_page_import_then_open (void)
{
  g_autoptr(GFile) sheet = make_file ("sheet.csv", spreadsheet_csv);
  g_autoptr(GFile) good = make_file ("good.ctoplan.json", plan_json);
  CtoWindow *window = cto_window_new_for_file (NULL, sheet);
  GListModel *toplevels = gtk_window_get_toplevels ();

  gtk_window_present (GTK_WINDOW (window));
  spin_until (loaded, window, 60);
  spin ();

  g_signal_emit_by_name (button_on_page (window, "_Import Spreadsheet"), "clicked");
  cto_window_open_file (window, good);
  spin_until (loaded, window, 60);
  spin_until (has_other_window, window, 60);
  spin ();

  g_assert_cmpstr (page_of (window), ==, "plan");
  g_assert_true (g_file_equal (cto_window_get_file (window), good));
  g_assert_nonnull (cto_plan_find_person (window->plan, "bo"));
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) toplevel = g_list_model_get_item (toplevels, i);

      if (CTO_IS_WINDOW (toplevel) && toplevel != GTK_WIDGET (window))
        {
          g_assert_cmpstr (cto_plan_get_title (CTO_WINDOW (toplevel)->plan), ==, "sheet");
          gtk_window_destroy (GTK_WINDOW (toplevel));
          break;
        }
    }

  window_free (window);
}

/* Cancelling while the file is read: the window shows what it showed, and
 * what the thread read later changes nothing. */
static void
test_cancel_keeps_plan (void)
{
  g_autoptr(GFile) good = make_file ("first.ctoplan.json", plan_json);
  g_autoptr(GFile) other = make_file ("second.ctoplan.json", plan_json);
  CtoWindow *window = window_with_file (good);
  CtoPlan *plan = window->plan;
  GtkWidget *cancel;

  cto_window_open_file (window, other);
  g_assert_true (cto_window_is_loading (window));
  g_assert_cmpstr (page_of (window), ==, "loading");
  g_assert_nonnull (strstr (adw_status_page_get_title (window->loading_status), "second.ctoplan.json"));

  cancel = find_widget_by_name (GTK_WIDGET (window->content_stack), "cancel-open");
  g_assert_nonnull (cancel);
  click (cancel);
  g_assert_false (cto_window_is_loading (window));
  g_assert_cmpstr (page_of (window), ==, "plan");

  spin_for (0.5);
  g_assert_true (window->plan == plan);
  g_assert_true (g_file_equal (cto_window_get_file (window), good));
  g_assert_cmpstr (page_of (window), ==, "plan");
  g_assert_null (window->error_dialog);

  window_free (window);
}

/* A window made for the file closes when its reading is cancelled. */
static void
test_cancel_closes_window (void)
{
  g_autoptr(GFile) file = make_file ("only.ctoplan.json", plan_json);
  CtoWindow *window = cto_window_new_for_file (NULL, file);

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_cmpstr (page_of (window), ==, "loading");

  click (find_widget_by_name (GTK_WIDGET (window->content_stack), "cancel-open"));
  spin_for (0.5);
  g_assert_null (window);
}

/* A window that shows that it reads gives the focus to nothing hidden, and
 * opens the plan with the focus on its list's first row. */
static void
test_focus_after_loading (void)
{
  g_autoptr(GFile) file = make_file ("focus.ctoplan.json", plan_json);
  CtoWindow *window = cto_window_new_for_file (NULL, file);
  GtkWidget *focus;
  GtkWidget *row;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_cmpstr (page_of (window), ==, "loading");
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (focus == NULL || gtk_widget_is_drawable (focus));

  spin_until (loaded, window, 10);
  spin_for (0.3);
  row = find_widget (GTK_WIDGET (window->responsibility_list), is_row_of, "tools");
  g_assert_nonnull (row);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == gtk_widget_get_parent (row));

  window_free (window);
}

static gboolean
mapped (gpointer window)
{
  return gtk_widget_get_mapped (GTK_WIDGET (window));
}

static void
note_page (GtkWidget *window,
           GPtrArray *pages)
{
  g_ptr_array_add (pages, g_strdup (page_of (CTO_WINDOW (window))));
}

/* A window made for a file that reads at once shows up with its plan,
 * never with a loading page that flashes by; one that cannot be read shows
 * up with the page that says why. */
static void
test_present_when_read (void)
{
  g_autoptr(GFile) good = make_file ("quick.ctoplan.json", plan_json);
  g_autoptr(GFile) bad = make_file ("broken.ctoplan.json", "{ \"format\": ");
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func (g_free);
  CtoWindow *window = cto_window_new_for_file (NULL, good);

  g_signal_connect (window, "map", G_CALLBACK (note_page), pages);
  cto_window_present_when_read (window);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (window)));
  spin_until (mapped, window, 10);
  g_assert_cmpuint (pages->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (pages, 0), ==, "plan");
  /* Nor was the page made. */
  g_assert_null (gtk_stack_get_child_by_name (window->content_stack, "loading"));
  g_assert_false (cto_window_is_loading (window));
  g_assert_nonnull (cto_plan_find_person (window->plan, "bo"));
  window_free (window);

  window = cto_window_new_for_file (NULL, bad);
  g_ptr_array_set_size (pages, 0);
  g_signal_connect (window, "map", G_CALLBACK (note_page), pages);
  cto_window_present_when_read (window);
  spin_until (mapped, window, 10);
  g_assert_cmpstr (g_ptr_array_index (pages, 0), ==, "error");
  window_free (window);
}

typedef struct
{
  guint    n_told;
  CtoPlan *plan;
  GError  *error;
} Told;

static void
read_told_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Told *told = user_data;
  g_autoptr(CtoPlan) plan = NULL;

  g_clear_error (&told->error);
  plan = cto_file_read_wait_finish (CTO_FILE_READ (source), result, &told->error);
  g_set_object (&told->plan, plan);
  told->n_told++;
}

static gboolean
told_twice (gpointer data)
{
  return ((Told *) data)->n_told == 2;
}

static gboolean
told_once (gpointer data)
{
  return ((Told *) data)->n_told == 1;
}

/* A read started before anyone waits: every wait, before it ends or after,
 * gets the same plan; a read given up on says so. */
static void
test_read_ahead (void)
{
  g_autoptr(GFile) file = make_file ("ahead.ctoplan.json", plan_json);
  g_autoptr(GFile) gone = display_test_file ("gone.ctoplan.json");
  g_autoptr(CtoFileRead) read = cto_file_read_new (file);
  g_autoptr(CtoFileRead) missing = NULL;
  Told first = { 0 }, second = { 0 }, failed = { 0 };

  cto_file_read_wait_async (read, NULL, read_told_cb, &first);
  spin_until (told_once, &first, 10);
  g_assert_no_error (first.error);
  g_assert_nonnull (cto_plan_find_person (first.plan, "bo"));

  cto_file_read_wait_async (read, NULL, read_told_cb, &second);
  g_assert_cmpuint (second.n_told, ==, 0);   /* never from within the call */
  spin_until (told_once, &second, 10);
  g_assert_true (second.plan == first.plan);

  g_unlink (g_file_peek_path (gone));
  missing = cto_file_read_new (gone);
  cto_file_read_wait_async (missing, NULL, read_told_cb, &failed);
  cto_file_read_wait_async (missing, NULL, read_told_cb, &failed);
  spin_until (told_twice, &failed, 10);
  g_assert_error (failed.error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_null (failed.plan);

  g_clear_object (&first.plan);
  g_clear_object (&second.plan);
  g_clear_error (&failed.error);
}

int
main (int   argc,
      char *argv[])
{
  display_test_init (&argc, &argv, "open", "none");

  g_test_add_func ("/open/failed/keeps-plan", test_failed_keeps_plan);
  for (guint i = 0; i < G_N_ELEMENTS (error_cases); i++)
    g_test_add_data_func (error_cases[i].path, &error_cases[i], test_error_page);
  g_test_add_func ("/open/error-page/spreadsheet", test_error_page_spreadsheet);
  g_test_add_func ("/open/error-page/spreadsheet-then-other", test_error_page_spreadsheet_then_other);
  g_test_add_func ("/open/error-page/import-then-open", test_error_page_import_then_open);
  g_test_add_func ("/open/cancel/keeps-plan", test_cancel_keeps_plan);
  g_test_add_func ("/open/cancel/closes-window-made-for-file", test_cancel_closes_window);
  g_test_add_func ("/open/present-when-read", test_present_when_read);
  g_test_add_func ("/open/focus-after-loading", test_focus_after_loading);
  g_test_add_func ("/open/read-ahead", test_read_ahead);

  return display_test_run ();
}
