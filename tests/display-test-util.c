/* SPDX-License-Identifier: GPL-3.0-or-later */
#define _GNU_SOURCE /* unshare () */
#include "config.h"

#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "cto-coverage-tile.h"
#include "cto-date.h"
#include "cto-person-card.h"
#include "cto-plan-io.h"
#include "cto-recovery.h"
#include "cto-responsibility-row.h"
#include "cto-window-private.h"
#include "display-test-util.h"

/* Setting up --------------------------------------------------------------- */

static char *test_dir;
static GSettings *test_settings;

gboolean
display_test_isolate (void)
{
  gboolean can_mount = unshare (CLONE_NEWNS) == 0 &&
                       mount (NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) == 0;

  signal (SIGXFSZ, SIG_IGN);

  return can_mount;
}

/* GTK 4.8 can still show a tooltip for a native that was unrealized when a
 * test closed its window: a popover's, which its grab had sent a crossing
 * event. gtk_tooltip_show_tooltip() then asks a surface that is gone where
 * the pointer is, finds no widget there and shows nothing, with these two
 * criticals. GTK's own fault and harmless: they are noted, not fatal. Any
 * other message goes as before to GLib's test handler, and any other
 * critical is still fatal. */
static const char * const tooltip_criticals[][2] = {
  { "Gdk", "gdk_surface_get_device_position: assertion 'GDK_IS_SURFACE (surface)' failed" },
  { "Gtk", "_gtk_widget_find_at_coords: assertion 'GDK_IS_SURFACE (surface)' failed" },
};

static GLogFunc test_log_handler;

static gboolean
is_tooltip_critical (const char     *log_domain,
                     GLogLevelFlags  log_level,
                     const char     *message)
{
  if (!(log_level & G_LOG_LEVEL_CRITICAL))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (tooltip_criticals); i++)
    {
      if (g_strcmp0 (log_domain, tooltip_criticals[i][0]) == 0 &&
          g_strcmp0 (message, tooltip_criticals[i][1]) == 0)
        return TRUE;
    }

  return FALSE;
}

static void
log_cb (const char     *log_domain,
        GLogLevelFlags  log_level,
        const char     *message,
        gpointer        user_data)
{
  if (is_tooltip_critical (log_domain, log_level, message))
    g_test_message ("GTK 4.8 placing a tooltip for a closed window: %s-CRITICAL: %s",
                    log_domain, message);
  else
    test_log_handler (log_domain, log_level, message, user_data);
}

static gboolean
fatal_log_cb (const char     *log_domain,
              GLogLevelFlags  log_level,
              const char     *message,
              gpointer        user_data)
{
  return !is_tooltip_critical (log_domain, log_level, message);
}

void
display_test_init (int          *argc,
                   char       ***argv,
                   const char   *name,
                   const char   *a11y)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *template = g_strdup_printf ("cto-%s-XXXXXX", name);
  const char *dirs[] = { "home", "config", "data", "cache", "state", "runtime" };
  const char *vars[] = { "HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME",
                         "XDG_STATE_HOME", "XDG_RUNTIME_DIR" };

  /* Recovery copies, recent files and settings go to folders of this run alone. */
  test_dir = g_dir_make_tmp (template, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree char *path = g_build_filename (test_dir, dirs[i], NULL);

      g_mkdir_with_parents (path, 0700);
      g_setenv (vars[i], path, TRUE);
    }
  g_setenv ("GDK_BACKEND", "x11", TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GTK_A11Y", a11y, TRUE);
  g_setenv ("LANGUAGE", "C", TRUE);

  gtk_test_init (argc, argv, NULL);
  test_log_handler = g_log_set_default_handler (log_cb, NULL);
  adw_init ();

  /* The application's style sheet, as the application loads it: the sizes
   * the tests see are those the user sees. */
  {
    g_autoptr(GtkCssProvider) style = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (style, RESOURCE_BASE_PATH "/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                                GTK_STYLE_PROVIDER (style),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }
}

int
display_test_run (void)
{
  int status = g_test_run ();

  g_clear_object (&test_settings);
  remove_tree (test_dir);
  g_clear_pointer (&test_dir, g_free);

  return status;
}

const char *
display_test_dir (void)
{
  return test_dir;
}

char *
display_test_path (const char *name)
{
  return g_build_filename (test_dir, name, NULL);
}

GFile *
display_test_file (const char *name)
{
  g_autofree char *path = display_test_path (name);

  return g_file_new_for_path (path);
}

GSettings *
display_test_settings (void)
{
  if (test_settings == NULL)
    {
      GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
      g_autoptr(GSettingsSchema) schema = NULL;

      /* The schema compiled in the build folder (GSETTINGS_SCHEMA_DIR). */
      if (source != NULL)
        schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
      if (schema == NULL)
        g_error ("The schema %s is not found: set GSETTINGS_SCHEMA_DIR to the build's data folder",
                 APP_ID);
      test_settings = g_settings_new (APP_ID);
    }

  return test_settings;
}

CtoPlan *
plan_from_json (const char *json)
{
  g_autoptr(GError) error = NULL;
  CtoPlan *plan = cto_plan_io_load_data (json, strlen (json), &error);

  g_assert_no_error (error);
  return plan;
}

static CtoPlan *
plan_from_path (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  CtoPlan *plan = cto_plan_io_load_file (file, NULL, &error);

  g_assert_no_error (error);
  return plan;
}

CtoPlan *
example_plan_new (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "examples",
                                                 "acme-robotics.ctoplan.json", NULL);

  return plan_from_path (path);
}

CtoPlan *
data_plan_new (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);

  return plan_from_path (path);
}

CtoWindow *
window_new_with (CtoPlan *plan)
{
  CtoWindow *window = cto_window_new (NULL);

  _cto_window_set_plan (window, plan, NULL);
  gtk_window_present (GTK_WINDOW (window));
  spin_until (has_cards, window, 20);

  return window;
}

void
window_free (CtoWindow *window)
{
  GtkWidget *dialog;

  /* Destroying the window asks nothing: only closing it does. */
  while ((dialog = transient_of_type (window, GTK_TYPE_WINDOW)) != NULL)
    gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
}

const char small_plan_json[] =
  "{\n"
  "  \"format\": \"cto-planner-plan\",\n"
  "  \"version\": 1,\n"
  "  \"title\": \"Test plan\",\n"
  "  \"people\": [\n"
  "    { \"id\": \"ana\", \"name\": \"Ana\", \"role\": \"CEO\", \"capacity\": 40 },\n"
  "    { \"id\": \"bo\", \"name\": \"Bo\", \"role\": \"Engineer\", \"capacity\": 10 }\n"
  "  ],\n"
  "  \"responsibilities\": [\n"
  "    { \"id\": \"security\", \"title\": \"Security\", \"function\": \"infrastructure\", \"effort\": 6,\n"
  "      \"assignees\": [ { \"person\": \"ana\" } ] },\n"
  "    { \"id\": \"tools\", \"title\": \"Tools\", \"function\": \"planning\", \"effort\": 4 }\n"
  "  ]\n"
  "}\n";

CtoWindow *
small_window_new (void)
{
  g_autoptr(CtoPlan) plan = plan_from_json (small_plan_json);

  return window_new_with (plan);
}

CtoWindow *
small_window_open (GFile *file)
{
  CtoWindow *window = small_window_new ();

  write_file (file, small_plan_json);
  open_and_wait (window, file);
  g_assert_null (error_dialog_of (window));
  g_assert_true (g_file_equal (cto_window_get_file (window), file));
  g_assert_false (cto_history_get_modified (history_of (window)));

  return window;
}

GFile *
small_plan_file (const char *name)
{
  GFile *file = display_test_file (name);

  write_file (file, small_plan_json);
  return file;
}

CtoWindow *
read_only_window_open (GFile  *file,
                       char  **before)
{
  g_autofree char *path = g_file_get_path (file);
  CtoWindow *window;

  write_file (file, small_plan_json);
  *before = read_file (file);
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  window = small_window_new ();
  open_and_wait (window, file);
  small_window_edit (window);
  save_and_wait (window);
  g_assert_nonnull (error_dialog_of (window));
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (error_dialog_of (window))),
                   ==, "Replace a Read-Only File?");

  return window;
}

gboolean
is_cleared (gpointer pointer)
{
  return *(gpointer *) pointer == NULL;
}

GDate
parse_day (const char *text)
{
  GDate date;

  g_assert_true (cto_date_parse (text, &date));
  return date;
}

void
small_window_edit (CtoWindow *window)
{
  gtk_widget_activate_action (GTK_WIDGET (window), "win.assign", "(ss)", "tools", "bo");
  g_assert_true (cto_history_get_modified (history_of (window)));
}

/* Every file of the recovery folder. */
static GPtrArray *
recovery_files (void)
{
  g_autofree char *folder = cto_recovery_dup_folder ();
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));

  return names;
}

static gboolean
recovery_folder_empty (gpointer data)
{
  g_autoptr(GPtrArray) names = recovery_files ();

  return names->len == 0;
}

void
assert_nothing_left (void)
{
  if (!try_spin_until (recovery_folder_empty, NULL, 10))
    {
      g_autoptr(GPtrArray) names = recovery_files ();

      g_error ("Left in the recovery folder: %s", (char *) g_ptr_array_index (names, 0));
    }
}

/* Files -------------------------------------------------------------------- */

void
write_path (const char *path,
            const char *contents)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

char *
read_path (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

void
write_file (GFile      *file,
            const char *contents)
{
  g_autoptr(GError) error = NULL;

  g_file_replace_contents (file, contents, strlen (contents), NULL, FALSE,
                           G_FILE_CREATE_NONE, NULL, NULL, &error);
  g_assert_no_error (error);
}

char *
read_file (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);

  return read_path (path);
}

void
write_file_elsewhere (GFile      *file,
                      const char *contents)
{
  g_autofree char *path = g_file_get_path (file);
  GStatBuf st;
  struct timespec times[2];

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  write_path (path, contents);
  times[0].tv_sec = times[1].tv_sec = st.st_mtime + 10;
  times[0].tv_nsec = times[1].tv_nsec = 0;
  g_assert_cmpint (utimensat (AT_FDCWD, path, times, 0), ==, 0);
}

/* Dialogs ------------------------------------------------------------------ */

GtkWidget *
transient_of_type (gpointer window,
                   GType    type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (gtk_window_get_transient_for (toplevel) == window &&
          G_TYPE_CHECK_INSTANCE_TYPE (toplevel, type))
        return GTK_WIDGET (toplevel);
    }

  return NULL;
}

GtkWidget *
dialog_with_response (gpointer    window,
                      const char *response)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (gtk_window_get_transient_for (toplevel) == window &&
          ADW_IS_MESSAGE_DIALOG (toplevel) &&
          adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (toplevel), response))
        return GTK_WIDGET (toplevel);
    }

  return NULL;
}

GtkWidget *
error_dialog_of (gpointer window)
{
  GtkWidget *dialog = dialog_with_response (window, "close");

  return dialog != NULL ? dialog : dialog_with_response (window, "replace");
}

GtkWidget *
unsaved_dialog_of (gpointer window)
{
  return dialog_with_response (window, "save");
}

GtkWidget *
changed_dialog_of (gpointer window)
{
  return dialog_with_response (window, "overwrite");
}

GtkFileChooser *
file_chooser_of (gpointer window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (gtk_window_get_transient_for (toplevel) == window &&
          GTK_IS_FILE_CHOOSER_DIALOG (toplevel) &&
          gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return GTK_FILE_CHOOSER (toplevel);
    }

  return NULL;
}

static gboolean
file_chooser_gone (gpointer window)
{
  return file_chooser_of (window) == NULL;
}

void
file_chooser_respond (gpointer window,
                      int      response)
{
  GtkFileChooser *chooser = file_chooser_of (window);

  g_assert_nonnull (chooser);
  gtk_dialog_response (GTK_DIALOG (chooser), response);
  /* GTK's chooser looks at the chosen file before it answers "accept". */
  spin_until (file_chooser_gone, window, 20);
}

void
respond_to (GtkWidget  *dialog,
            const char *response)
{
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  g_object_ref (dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
  spin ();
}

/* Widgets ------------------------------------------------------------------ */

static gboolean
has_widget_name (GtkWidget     *widget,
                 gconstpointer  name)
{
  return g_strcmp0 (gtk_widget_get_name (widget), name) == 0;
}

GtkWidget *
find_widget_by_name (GtkWidget  *root,
                     const char *name)
{
  return find_widget (root, has_widget_name, name);
}

GtkWidget *
widget_named (gpointer    root,
              const char *name)
{
  GtkWidget *widget = find_widget_by_name (GTK_WIDGET (root), name);

  if (widget == NULL)
    g_error ("No widget named “%s”", name);
  return widget;
}

GtkWidget *
widget_of_type (gpointer root,
                GType    type)
{
  GtkWidget *widget = find_widget (GTK_WIDGET (root), is_of_type, GSIZE_TO_POINTER (type));

  if (widget == NULL)
    g_error ("No widget of type %s", g_type_name (type));
  return widget;
}

static void
collect_rows (GtkWidget *root,
              GPtrArray *rows)
{
  if (CTO_IS_RESPONSIBILITY_ROW (root))
    {
      if (cto_responsibility_row_get_responsibility (CTO_RESPONSIBILITY_ROW (root)) != NULL)
        g_ptr_array_add (rows, root);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_rows (child, rows);
}

GListModel *
shown_rows (CtoWindow *window)
{
  GtkWidget *list = widget_named (window, "responsibility-list");

  return G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list)));
}

GPtrArray *
rows_of (CtoWindow *window)
{
  GPtrArray *rows = g_ptr_array_new ();

  collect_rows (widget_named (window, "responsibility-list"), rows);
  return rows;
}

/* @text without the underline that marks a mnemonic. */
static char *
without_mnemonic (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '_' && p[1] != '\0')
        p++;
      g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

static gboolean
has_accessible_label (GtkWidget     *widget,
                      gconstpointer  label)
{
  /* What a screen reader is told, where the test records it. */
  if (g_strcmp0 (g_getenv ("GTK_A11Y"), "test") == 0 &&
      gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL))
    {
      g_autofree char *differs =
        gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                            GTK_ACCESSIBLE_PROPERTY_LABEL, label);

      return differs == NULL;
    }

  if (GTK_IS_LABEL (widget))
    return g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), label) == 0;

  if (GTK_IS_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)) != NULL)
    {
      g_autofree char *text = without_mnemonic (gtk_button_get_label (GTK_BUTTON (widget)));

      return g_strcmp0 (text, label) == 0;
    }

  return FALSE;
}

GtkWidget *
find_by_accessible_label (GtkWidget  *root,
                          const char *label)
{
  return find_widget (root, has_accessible_label, label);
}

static gboolean
is_tile_of (GtkWidget     *widget,
            gconstpointer  function)
{
  return CTO_IS_COVERAGE_TILE (widget) &&
         (int) cto_coverage_tile_get_function (CTO_COVERAGE_TILE (widget)) == GPOINTER_TO_INT (function);
}

GtkWidget *
coverage_tile_of (gpointer    window,
                  CtoFunction function)
{
  GtkWidget *tile = find_widget (GTK_WIDGET (window), is_tile_of, GINT_TO_POINTER (function));

  g_assert_nonnull (tile);
  return tile;
}

/* The main loop ------------------------------------------------------------ */

void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    {
      g_unlink (path);
    }
}

/* GLib forgets the fatal handler at each test case; the loop only runs here. */
static gboolean
iterate (gboolean may_block)
{
  g_test_log_set_fatal_handler (fatal_log_cb, NULL);

  return g_main_context_iteration (NULL, may_block);
}

/* Something that keeps the loop busy at every frame (an animation, on a
 * machine too loaded to draw at the frame rate) would make "until nothing is
 * pending" never come: after this long, the loop is left as it is, and the
 * log says so. */
#define SPIN_LIMIT_SECONDS 10

void
spin (void)
{
  gint64 end = g_get_monotonic_time () + SPIN_LIMIT_SECONDS * G_USEC_PER_SEC;

  while (iterate (FALSE))
    {
      if (g_get_monotonic_time () > end)
        {
          g_test_message ("the main loop was still busy after %d s", SPIN_LIMIT_SECONDS);
          return;
        }
    }
}

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

void
spin_for (double seconds)
{
  gboolean timed_out = FALSE;

  g_timeout_add ((guint) (seconds * 1000), timeout_cb, &timed_out);
  while (!timed_out)
    iterate (TRUE);
}

gboolean
try_spin_until (gboolean (*done) (gpointer),
                gpointer   data,
                double     seconds)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add ((guint) (seconds * 1000), timeout_cb, &timed_out);

  while (!done (data) && !timed_out)
    iterate (TRUE);

  if (!timed_out)
    g_source_remove (id);
  spin ();

  return !timed_out;
}

void
spin_until (gboolean (*done) (gpointer),
            gpointer   data,
            guint      seconds)
{
  g_assert_true (try_spin_until (done, data, seconds));
}

GtkWidget *
find_widget (GtkWidget  *root,
             gboolean  (*match) (GtkWidget *, gconstpointer),
             gconstpointer data)
{
  if (match (root, data))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, match, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

gboolean
is_card_of (GtkWidget     *widget,
            gconstpointer  person)
{
  return CTO_IS_PERSON_CARD (widget) &&
         cto_person_card_get_person (CTO_PERSON_CARD (widget)) == person;
}

gboolean
is_row_of (GtkWidget     *widget,
           gconstpointer  id)
{
  CtoResponsibility *responsibility;

  if (!CTO_IS_RESPONSIBILITY_ROW (widget))
    return FALSE;

  responsibility = cto_responsibility_row_get_responsibility (CTO_RESPONSIBILITY_ROW (widget));
  return responsibility != NULL && g_strcmp0 (cto_responsibility_get_id (responsibility), id) == 0;
}

gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

gboolean
is_button_of (GtkWidget     *widget,
              gconstpointer  action)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
}

gboolean
is_label_containing (GtkWidget     *widget,
                     gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL;
}

GtkDropTarget *
drop_target_of (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        return GTK_DROP_TARGET (controller);
    }

  g_assert_not_reached ();
  return NULL;
}

gboolean
has_cards (gpointer data)
{
  CtoWindow *window = data;
  g_autoptr(CtoPerson) first = g_list_model_get_item (cto_plan_get_people (plan_of (window)), 0);
  GtkWidget *grid = find_widget_by_name (GTK_WIDGET (window), "people-grid");

  return first != NULL && grid != NULL &&
         find_widget (grid, is_card_of, first) != NULL &&
         gtk_widget_get_width (grid) > 0;
}

gboolean
suggestions_fresh (gpointer window)
{
  return !_cto_window_get_suggestions_pending (window);
}

CtoPlan *
plan_of (CtoWindow *window)
{
  return cto_window_get_plan (window);
}

CtoHistory *
history_of (CtoWindow *window)
{
  return cto_plan_get_history (plan_of (window));
}

gboolean
file_chooser_testable (void)
{
#if defined(__SANITIZE_ADDRESS__)
  g_test_skip ("GTK's file chooser leaks under LeakSanitizer; run in the ordinary build");
  return FALSE;
#else
  return TRUE;
#endif
}

static gboolean
loaded (gpointer window)
{
  return !cto_window_is_loading (CTO_WINDOW (window));
}

void
wait_until_loaded (CtoWindow *window)
{
  spin_until (loaded, window, 60);
  spin ();
}

void
open_and_wait (CtoWindow *window,
               GFile     *file)
{
  cto_window_open_file (window, file);
  wait_until_loaded (window);
}

static gboolean
save_done (gpointer data)
{
  g_autoptr(CtoWindow) window = g_weak_ref_get (data);

  return window == NULL || !_cto_window_is_saving (window);
}

void
wait_until_saved (gpointer window)
{
  GWeakRef ref;

  g_weak_ref_init (&ref, window);
  spin_until (save_done, &ref, 60);
  g_weak_ref_clear (&ref);
}

gboolean
save_to_and_wait (CtoWindow *window,
                  GFile     *file)
{
  g_assert_null (error_dialog_of (window));
  _cto_window_save_to (window, file);
  g_assert_true (_cto_window_is_saving (window));
  wait_until_saved (window);

  return error_dialog_of (window) == NULL && cto_window_get_file (window) != NULL &&
         g_file_equal (cto_window_get_file (window), file);
}

void
save_and_wait (CtoWindow *window)
{
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  g_assert_true (_cto_window_is_saving (window));
  wait_until_saved (window);
}

/* Activates what @trigger does in the shortcuts of @widget, as the key would. */
void
press_shortcut (GtkWidget  *widget,
                const char *trigger)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *text = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));

          if (strstr (text, trigger) != NULL)
            {
              g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0,
                                                           widget, gtk_shortcut_get_arguments (shortcut)));
              spin ();
              return;
            }
        }
    }

  g_error ("no shortcut %s", trigger);
}

/* Emits "key-pressed" on the key controllers of @widget in @phase (the
 * target's own too, with the bubbling ones); whether one took the key. */
static gboolean
run_key_controllers (GtkWidget       *widget,
                     GtkPropagationPhase phase,
                     gboolean         is_target,
                     guint            keyval,
                     GdkModifierType  state)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);
      GtkPropagationPhase its_phase = gtk_event_controller_get_propagation_phase (controller);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller) &&
          (its_phase == phase || (is_target && phase == GTK_PHASE_BUBBLE && its_phase == GTK_PHASE_TARGET)))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, state, &handled);
    }

  return handled;
}

/* A key pressed while @widget has the focus, as GTK hands it on: to the key
 * controllers from its window (or popover) down to it, then back up. */
gboolean
press_key (GtkWidget       *widget,
           guint            keyval,
           GdkModifierType  state)
{
  GtkWidget *top = GTK_WIDGET (gtk_widget_get_native (widget));
  g_autoptr(GPtrArray) path = g_ptr_array_new ();
  gboolean handled = FALSE;

  for (GtkWidget *step = widget; step != NULL; step = step == top ? NULL : gtk_widget_get_parent (step))
    g_ptr_array_insert (path, 0, step);

  for (guint i = 0; i < path->len && !handled; i++)
    handled = run_key_controllers (path->pdata[i], GTK_PHASE_CAPTURE, FALSE, keyval, state);
  for (guint i = path->len; i > 0 && !handled; i--)
    handled = run_key_controllers (path->pdata[i - 1], GTK_PHASE_BUBBLE, i == path->len, keyval, state);
  spin ();

  return handled;
}
