/* SPDX-License-Identifier: GPL-3.0-or-later */
#define _GNU_SOURCE /* unshare () */
#include "config.h"

#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <string.h>
#include <sys/file.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <adwaita.h>
#include <gdk/x11/gdkx.h>
#include <glib/gstdio.h>
#include <X11/Xatom.h>

#include "cto-history.h"
#include "cto-plan-io.h"
#include "cto-recovery-dialog.h"
#include "cto-recovery.h"
#include "cto-window-private.h"
#include "display-test-util.h"

/* What the window keeps between runs, the copies of unsaved changes that
 * outlive a crash, and saves that fail or would replace another program's
 * changes: the real window under Xvfb, settings in memory, files in a
 * folder of the test's own. */

static char *tmp_dir;
static gboolean can_mount;
static GSettings *settings;

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
  "    { \"id\": \"security\", \"title\": \"Security\", \"function\": \"infrastructure\", \"effort\": 6,\n"
  "      \"assignees\": [ { \"person\": \"ana\" } ] },\n"
  "    { \"id\": \"tools\", \"title\": \"Tools\", \"function\": \"planning\", \"effort\": 4 }\n"
  "  ]\n"
  "}\n";

/* Helpers ------------------------------------------------------------------ */

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

static GFile *
tmp_file (const char *name)
{
  g_autofree char *path = tmp_path (name);

  return g_file_new_for_path (path);
}

static void
write_path (const char *path,
            const char *contents)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static void
write_file (GFile      *file,
            const char *contents)
{
  g_autofree char *path = g_file_get_path (file);

  write_path (path, contents);
}

static char *
read_path (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

static char *
read_file (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);

  return read_path (path);
}

/* Another program writes the file; its time moves on whatever the clock's grain. */
static void
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

static CtoPlan *
load_plan (const char *json)
{
  g_autoptr(GError) error = NULL;
  CtoPlan *plan = cto_plan_io_load_data (json, strlen (json), &error);

  g_assert_no_error (error);
  return plan;
}

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

static CtoWindow *
window_new (void)
{
  g_autoptr(CtoPlan) plan = load_plan (plan_json);
  CtoWindow *window = cto_window_new (NULL);

  _cto_window_set_plan (window, plan, NULL);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (try_spin_until (is_mapped, window, 20));

  return window;
}

/* A window on a file holding plan_json, read as the Open button reads it. */
static CtoWindow *
window_open (GFile *file)
{
  CtoWindow *window = window_new ();

  write_file (file, plan_json);
  open_and_wait (window, file);
  g_assert_null (window->error_dialog);
  g_assert_true (g_file_equal (cto_window_get_file (window), file));
  g_assert_false (cto_history_get_modified (history_of (window)));

  return window;
}

static void
destroy_dialog (GtkWidget **dialog)
{
  if (*dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (g_steal_pointer (dialog)));
}

static void
window_free (CtoWindow *window)
{
  destroy_dialog (&window->unsaved_dialog);
  destroy_dialog (&window->error_dialog);
  destroy_dialog (&window->changed_dialog);
  window->close_confirmed = TRUE;
  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
}

/* As a click does: the dialog goes, then the window acts on the answer. */
static void
respond (GtkWidget  *dialog,
         const char *response)
{
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  g_object_ref (dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
  spin ();
}

static void
edit (CtoWindow *window)
{
  gtk_widget_activate_action (GTK_WIDGET (window), "win.assign", "(ss)", "tools", "bo");
  g_assert_true (cto_history_get_modified (history_of (window)));
}

static gboolean
tools_assigned (CtoPlan *plan)
{
  return cto_responsibility_get_n_assignees (cto_plan_find_responsibility (plan, "tools")) == 1;
}

static void
reset_settings (void)
{
  const char *keys[] = { "window-width", "window-height", "window-maximized",
                         "last-folder", "recent-plans" };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_settings_reset (settings, keys[i]);
}

/* Every file of the recovery folder, sorted. */
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

static void
assert_nothing_left (void)
{
  if (!try_spin_until (recovery_folder_empty, NULL, 10))
    {
      g_autoptr(GPtrArray) names = recovery_files ();

      g_error ("Left in the recovery folder: %s", (char *) g_ptr_array_index (names, 0));
    }
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

/* Window state ------------------------------------------------------------- */

static void
test_window_size (void)
{
  CtoWindow *window;
  int width = 0;
  int height = 0;

  reset_settings ();
  g_settings_set_int (settings, "window-width", 900);
  g_settings_set_int (settings, "window-height", 640);

  window = window_new ();
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 640);
  g_assert_false (gtk_window_is_maximized (GTK_WINDOW (window)));

  /* As a person resizing it would. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1010, 700);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.close", NULL);
  spin ();
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1010);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 700);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  /* The next window comes back at that size. */
  window = window_new ();
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 1010);
  g_assert_cmpint (height, ==, 700);

  /* A size change is kept without a close too, a moment later. */
  gtk_window_set_default_size (GTK_WINDOW (window), 980, 690);
  spin_for (1);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 980);

  /* And the other settings are written as ever after that. */
  {
    g_autoptr(GFile) file = tmp_file ("sized.ctoplan.json");
    g_autofree char *uri = g_settings_get_string (settings, "last-folder");

    g_assert_cmpstr (uri, ==, "");
    write_file (file, plan_json);
    open_and_wait (window, file);
    g_clear_pointer (&uri, g_free);
    uri = g_settings_get_string (settings, "last-folder");
    g_assert_true (g_str_has_suffix (uri, tmp_dir));
  }
  window_free (window);
}

static gboolean
is_maximized (gpointer data)
{
  return gtk_window_is_maximized (GTK_WINDOW (data));
}

/*
 * The window's _NET_WM_STATE: what a window manager reads when it maps the
 * window (GTK sets it first), and writes when it has maximized it. Xvfb
 * runs no window manager: the test plays its part.
 */
static gboolean
has_net_wm_state (CtoWindow  *window,
                  const char *name)
{
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (window));
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  Atom wanted = gdk_x11_get_xatom_by_name_for_display (display, name);
  Atom type = None;
  int format = 0;
  unsigned long n = 0;
  unsigned long after = 0;
  unsigned char *data = NULL;
  gboolean found = FALSE;

  XGetWindowProperty (gdk_x11_display_get_xdisplay (display), gdk_x11_surface_get_xid (surface),
                      gdk_x11_get_xatom_by_name_for_display (display, "_NET_WM_STATE"),
                      0, 64, False, XA_ATOM, &type, &format, &n, &after, &data);
  for (unsigned long i = 0; type == XA_ATOM && i < n; i++)
    found |= ((Atom *) data)[i] == wanted;
  if (data != NULL)
    XFree (data);

  return found;
}

static void
set_maximized_by_window_manager (CtoWindow *window)
{
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (window));
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  Atom atoms[2] = {
    gdk_x11_get_xatom_by_name_for_display (display, "_NET_WM_STATE_MAXIMIZED_VERT"),
    gdk_x11_get_xatom_by_name_for_display (display, "_NET_WM_STATE_MAXIMIZED_HORZ"),
  };

  XChangeProperty (gdk_x11_display_get_xdisplay (display), gdk_x11_surface_get_xid (surface),
                   gdk_x11_get_xatom_by_name_for_display (display, "_NET_WM_STATE"),
                   XA_ATOM, 32, PropModeReplace, (unsigned char *) atoms, G_N_ELEMENTS (atoms));
  XFlush (gdk_x11_display_get_xdisplay (display));
}

static void
test_window_maximized (void)
{
  CtoWindow *window;
  int width = 0;
  int height = 0;

  if (!GDK_IS_X11_DISPLAY (gdk_display_get_default ()))
    {
      g_test_skip ("Needs X11 to stand in for a window manager");
      return;
    }

  reset_settings ();
  g_settings_set_int (settings, "window-width", 900);
  g_settings_set_int (settings, "window-height", 640);
  g_settings_set_boolean (settings, "window-maximized", TRUE);

  /* It asks the window manager to map it maximized. */
  window = window_new ();
  g_assert_true (gtk_window_is_maximized (GTK_WINDOW (window)));
  g_assert_true (has_net_wm_state (window, "_NET_WM_STATE_MAXIMIZED_VERT"));
  g_assert_true (has_net_wm_state (window, "_NET_WM_STATE_MAXIMIZED_HORZ"));
  window_free (window);

  g_settings_set_boolean (settings, "window-maximized", FALSE);
  window = window_new ();
  g_assert_false (gtk_window_is_maximized (GTK_WINDOW (window)));
  g_assert_false (has_net_wm_state (window, "_NET_WM_STATE_MAXIMIZED_VERT"));
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 640);

  /* Maximized by the window manager, then closed: the next one is maximized,
   * and the size kept is the one it has when not. */
  set_maximized_by_window_manager (window);
  g_assert_true (try_spin_until (is_maximized, window, 5));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.close", NULL);
  spin ();
  g_assert_true (g_settings_get_boolean (settings, "window-maximized"));
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 900);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 640);
}

/* The last folder ---------------------------------------------------------- */

static GFile *
make_folder (const char *name)
{
  g_autofree char *path = tmp_path (name);

  g_assert_cmpint (g_mkdir_with_parents (path, 0755), ==, 0);
  return g_file_new_for_path (path);
}

static char *
last_folder_path (void)
{
  g_autofree char *uri = g_settings_get_string (settings, "last-folder");
  g_autoptr(GFile) folder = g_file_new_for_uri (uri);

  return g_file_get_path (folder);
}

static gboolean
chooser_in (gpointer data)
{
  void **args = data;
  CtoWindow *window = args[0];
  g_autoptr(GFile) current =
    gtk_file_chooser_get_current_folder (GTK_FILE_CHOOSER (window->file_chooser));

  return current != NULL && g_file_equal (current, args[1]);
}

/* The dialog (GTK's own, without a portal) settles on its folder in a while. */
static void
assert_chooser_in (CtoWindow *window,
                   GFile     *folder)
{
  void *args[] = { window, folder };

  g_assert_nonnull (window->file_chooser);
  if (!try_spin_until (chooser_in, args, 10))
    {
      g_autoptr(GFile) current =
        gtk_file_chooser_get_current_folder (GTK_FILE_CHOOSER (window->file_chooser));

      g_error ("The file chooser is in %s, not %s",
               current ? g_file_peek_path (current) : "no folder", g_file_peek_path (folder));
    }
}

static void
test_last_folder (void)
{
  g_autoptr(GFile) folder_a = make_folder ("folder-a");
  g_autoptr(GFile) folder_b = make_folder ("folder-b");
  g_autoptr(GFile) folder_c = make_folder ("folder-c");
  g_autoptr(GFile) opened = g_file_get_child (folder_b, "opened.ctoplan.json");
  g_autoptr(GFile) chosen = g_file_get_child (folder_c, "chosen.ctoplan.json");
  g_autofree char *uri_a = g_file_get_uri (folder_a);
  g_autofree char *last = NULL;
  CtoWindow *window;
  GtkFileChooser *chooser;

  if (!file_chooser_testable ())
    return;

  reset_settings ();
  g_settings_set_string (settings, "last-folder", uri_a);
  window = window_new ();

  /* The Open dialog starts in the last folder. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open", NULL);
  assert_chooser_in (window, folder_a);
  g_signal_emit_by_name (window->file_chooser, "response", GTK_RESPONSE_CANCEL);
  spin ();
  g_assert_null (window->file_chooser);

  /* A plan opened makes its folder the last. */
  write_file (opened, plan_json);
  open_and_wait (window, opened);
  last = last_folder_path ();
  g_assert_cmpstr (last, ==, g_file_peek_path (folder_b));

  /* Save As starts there too (the plan's own folder); the folder picked
   * in it becomes the last. */
  edit (window);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save-as", NULL);
  assert_chooser_in (window, folder_b);
  chooser = GTK_FILE_CHOOSER (window->file_chooser);
  gtk_file_chooser_set_current_folder (chooser, folder_c, NULL);
  assert_chooser_in (window, folder_c);
  gtk_file_chooser_set_current_name (chooser, "chosen.ctoplan.json");
  g_signal_emit_by_name (window->file_chooser, "response", GTK_RESPONSE_ACCEPT);
  spin ();
  g_assert_true (g_file_equal (cto_window_get_file (window), chosen));
  g_assert_false (cto_history_get_modified (history_of (window)));
  g_clear_pointer (&last, g_free);
  last = last_folder_path ();
  g_assert_cmpstr (last, ==, g_file_peek_path (folder_c));
  window_free (window);

  /* A new plan's Save As starts in the last folder. */
  window = window_new ();
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save-as", NULL);
  assert_chooser_in (window, folder_c);
  g_signal_emit_by_name (window->file_chooser, "response", GTK_RESPONSE_CANCEL);
  spin ();

  /* A last folder that has gone is passed by. */
  g_settings_set_string (settings, "last-folder", "file:///no/such/folder");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open", NULL);
  g_assert_nonnull (window->file_chooser);
  g_signal_emit_by_name (window->file_chooser, "response", GTK_RESPONSE_CANCEL);
  spin ();
  window_free (window);
}

/* Export asks for its format first, then for a file. */
static void
test_last_folder_export (void)
{
  g_autoptr(GFile) folder_e = make_folder ("folder-e");
  g_autoptr(GFile) folder_f = make_folder ("folder-f");
  g_autofree char *uri_e = g_file_get_uri (folder_e);
  g_autofree char *last = NULL;
  CtoWindow *window;

  if (!file_chooser_testable ())
    return;

  reset_settings ();
  g_settings_set_string (settings, "last-folder", uri_e);
  window = window_new ();

  gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL);
  g_assert_nonnull (window->export_dialog);
  respond (window->export_dialog, "choose");
  assert_chooser_in (window, folder_e);

  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (window->file_chooser), folder_f, NULL);
  assert_chooser_in (window, folder_f);
  g_signal_emit_by_name (window->file_chooser, "response", GTK_RESPONSE_ACCEPT);
  spin ();
  last = last_folder_path ();
  g_assert_cmpstr (last, ==, g_file_peek_path (folder_f));

  window_free (window);
}

/* Recent plans ------------------------------------------------------------- */

static GFile *
make_plan_file (const char *name)
{
  GFile *file = tmp_file (name);

  write_file (file, plan_json);
  return file;
}

static void
assert_recent (CtoWindow         *window,
               const char * const *names)
{
  g_auto(GStrv) uris = g_settings_get_strv (settings, "recent-plans");
  GMenuModel *menu = G_MENU_MODEL (window->recent_menu);
  guint n = g_strv_length ((GStrv) names);

  g_assert_cmpuint (g_strv_length (uris), ==, n);
  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, (int) n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GFile) file = tmp_file (names[i]);
      g_autofree char *uri = g_file_get_uri (file);
      g_autoptr(GVariant) target = g_menu_model_get_item_attribute_value (menu, (int) i,
                                                                          G_MENU_ATTRIBUTE_TARGET,
                                                                          G_VARIANT_TYPE_STRING);

      g_assert_cmpstr (uris[i], ==, uri);
      g_assert_nonnull (target);
      g_assert_cmpstr (g_variant_get_string (target, NULL), ==, uri);
    }

  if (n > 0)
    g_assert_true (adw_split_button_get_menu_model (window->open_button) == menu);
  else
    g_assert_null (adw_split_button_get_menu_model (window->open_button));
}

static void
test_recent_plans (void)
{
  g_autoptr(GFile) a = make_plan_file ("a_plan.ctoplan.json");
  g_autoptr(GFile) b = make_plan_file ("b.ctoplan.json");
  g_autoptr(GFile) c = make_plan_file ("c.ctoplan.json");
  g_autofree char *uri_a = g_file_get_uri (a);
  g_autofree char *label = NULL;
  g_autoptr(GtkRecentInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  CtoWindow *window;
  CtoWindow *other;

  reset_settings ();
  window = window_new ();
  assert_recent (window, (const char *[]) { NULL });

  open_and_wait (window, a);
  open_and_wait (window, b);
  open_and_wait (window, c);
  assert_recent (window, (const char *[]) { "c.ctoplan.json", "b.ctoplan.json",
                                            "a_plan.ctoplan.json", NULL });

  /* Again: to the front, not twice. */
  open_and_wait (window, a);
  assert_recent (window, (const char *[]) { "a_plan.ctoplan.json", "c.ctoplan.json",
                                            "b.ctoplan.json", NULL });

  /* The menu shows file names, underscores and all. */
  g_menu_model_get_item_attribute (G_MENU_MODEL (window->recent_menu), 0,
                                   G_MENU_ATTRIBUTE_LABEL, "s", &label);
  g_assert_cmpstr (label, ==, "a__plan.ctoplan.json");

  /* The desktop's recent files know it, as a plan. */
  info = gtk_recent_manager_lookup_item (gtk_recent_manager_get_default (), uri_a, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gtk_recent_info_get_mime_type (info), ==, "application/x-cto-planner-plan");

  /* Other windows follow. */
  other = window_new ();
  assert_recent (other, (const char *[]) { "a_plan.ctoplan.json", "c.ctoplan.json",
                                           "b.ctoplan.json", NULL });

  /* Picking one opens it. */
  gtk_widget_activate_action (GTK_WIDGET (other), "win.open-recent", "s", uri_a);
  wait_until_loaded (other);
  g_assert_true (g_file_equal (cto_window_get_file (other), a));

  /* Saving puts a plan in front too. */
  g_assert_true (_cto_window_save_to (other, b));
  assert_recent (window, (const char *[]) { "b.ctoplan.json", "a_plan.ctoplan.json",
                                            "c.ctoplan.json", NULL });

  /* A plan that has gone leaves the list when picked, and says so. */
  g_assert_cmpint (g_unlink (g_file_peek_path (c)), ==, 0);
  {
    g_autofree char *uri_c = g_file_get_uri (c);

    gtk_widget_activate_action (GTK_WIDGET (window), "win.open-recent", "s", uri_c);
    wait_until_loaded (window);
  }
  g_assert_nonnull (window->error_dialog);
  assert_recent (other, (const char *[]) { "b.ctoplan.json", "a_plan.ctoplan.json", NULL });

  window_free (other);
  window_free (window);
}

static void
test_recent_plans_bounded (void)
{
  CtoWindow *window;
  g_auto(GStrv) uris = NULL;

  reset_settings ();
  window = window_new ();
  for (guint i = 0; i < 14; i++)
    {
      g_autofree char *name = g_strdup_printf ("plan-%02u.ctoplan.json", i);
      g_autoptr(GFile) file = make_plan_file (name);

      open_and_wait (window, file);
    }

  uris = g_settings_get_strv (settings, "recent-plans");
  g_assert_cmpuint (g_strv_length (uris), ==, 10);
  g_assert_true (g_str_has_suffix (uris[0], "/plan-13.ctoplan.json"));
  g_assert_true (g_str_has_suffix (uris[9], "/plan-04.ctoplan.json"));
  g_assert_cmpint (g_menu_model_get_n_items (G_MENU_MODEL (window->recent_menu)), ==, 10);

  window_free (window);
}

/* Recovery copies ---------------------------------------------------------- */

static void
test_recovery_written (void)
{
  g_autoptr(GFile) file = tmp_file ("recovered.ctoplan.json");
  g_autofree char *uri = g_file_get_uri (file);
  g_autofree char *info_path = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GKeyFile) info = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimer) timer = NULL;
  g_autofree char *title = NULL;
  g_autofree char *noted_file = NULL;
  CtoWindow *window = window_open (file);
  const char *path;

  edit (window);
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
    g_autofree char *expected_folder = g_build_filename (tmp_dir, "state", "cto-planner",
                                                         "recovery", NULL);

    g_assert_cmpstr (dirname, ==, folder);
    g_assert_cmpstr (folder, ==, expected_folder);
  }
  copy = read_path (path);
  expected = cto_plan_io_to_data (window->plan, NULL);
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
  cto_plan_set_title (window->plan, "Renamed plan");
  g_assert_true (try_spin_until (copy_written, window, 10));
  g_clear_pointer (&copy, g_free);
  g_clear_pointer (&expected, g_free);
  copy = read_path (path);
  expected = cto_plan_io_to_data (window->plan, NULL);
  g_assert_cmpstr (copy, ==, expected);

  /* The file on disk is left alone. */
  g_clear_pointer (&copy, g_free);
  copy = read_file (file);
  g_assert_cmpstr (copy, ==, plan_json);

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
  g_autoptr(GFile) file = tmp_file ("removed.ctoplan.json");
  g_autoptr(GFile) other = make_plan_file ("another.ctoplan.json");
  CtoWindow *window = window_open (file);
  gpointer alive = window;
  g_autofree char *path = NULL;
  g_autofree char *info_path = NULL;

  g_object_add_weak_pointer (G_OBJECT (window), &alive);
  edit (window);
  g_assert_true (try_spin_until (copy_written, window, 10));
  path = g_strdup (cto_recovery_get_path (window->recovery));
  info_path = info_path_of (path);
  g_assert_true (g_file_test (info_path, G_FILE_TEST_EXISTS));

  switch (how)
    {
    case GONE_BY_SAVE:
      gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
      g_assert_false (cto_history_get_modified (history_of (window)));
      break;
    case GONE_BY_UNDO:
      gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
      g_assert_false (cto_history_get_modified (history_of (window)));
      break;
    case GONE_BY_DISCARD:
      gtk_widget_activate_action (GTK_WIDGET (window), "win.close", NULL);
      spin ();
      respond (window->unsaved_dialog, "discard");
      spin ();
      g_assert_null (alive);
      break;
    case GONE_BY_OPENING_ANOTHER:
      open_and_wait (window, other);
      respond (window->unsaved_dialog, "discard");
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
  CloseData data = { window_new (), FALSE, FALSE };
  g_autofree char *path = NULL;

  edit (data.window);
  g_assert_true (try_spin_until (copy_written, data.window, 10));
  path = g_strdup (cto_recovery_get_path (data.window->recovery));

  /* Should the write be over first, the next edit tries again. */
  for (guint attempt = 0; attempt < 5 && !data.closed; attempt++)
    {
      g_autofree char *title = g_strdup_printf ("Renamed %u", attempt);

      g_assert_true (try_spin_until (copy_written, data.window, 10));
      cto_plan_set_title (data.window->plan, title);
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
  CtoWindow *first = window_new ();
  CtoWindow *second = window_new ();
  g_autoptr(CtoPlan) first_copy = NULL;
  g_autoptr(CtoPlan) second_copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) first_file = NULL;
  g_autoptr(GFile) second_file = NULL;

  edit (first);
  cto_plan_set_title (second->plan, "Second plan");
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
  g_autoptr(CtoPlan) plan = load_plan (plan_json);

  cto_plan_assign (plan, cto_plan_find_responsibility (plan, "tools"),
                   cto_plan_find_person (plan, "bo"), 1);
  return cto_plan_io_to_data (plan, NULL);
}

static char *
etag_of (GFile *file)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);

  g_assert_nonnull (info);
  return g_strdup (g_file_info_get_etag (info));
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
  CtoWindow *window = window_new ();
  int fd;

  /* This process's own copies are not left behind: their window is open. */
  edit (window);
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
   * read is removed. */
  dead_copy = write_orphan ("dead-session", text, NULL, NULL, FALSE);
  junk_copy = write_orphan ("junk-session", "{ not a plan", NULL, NULL, TRUE);
  claimed = cto_recovered_plans_claim ();
  g_assert_nonnull (claimed);
  g_assert_cmpuint (cto_recovered_plans_get_n_items (claimed), ==, 2);
  g_assert_false (g_file_test (junk_copy, G_FILE_TEST_EXISTS));
  {
    g_autofree char *junk_lock = g_build_filename (folder, "junk-session.lock", NULL);
    g_autofree char *junk_info = info_path_of (junk_copy);

    g_assert_false (g_file_test (junk_lock, G_FILE_TEST_EXISTS));
    g_assert_false (g_file_test (junk_info, G_FILE_TEST_EXISTS));
  }

  /* Deleted: the copies, their notes, their locks. */
  cto_recovered_plans_delete (claimed);
  g_assert_false (g_file_test (live_copy, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (dead_copy, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (live_lock, G_FILE_TEST_EXISTS));
  g_assert_true (copy_written (window));

  window_free (window);
  assert_nothing_left ();
}

static void
test_recovery_offer (gconstpointer data)
{
  const char *response = data;
  g_autoptr(GFile) file = tmp_file ("crashed.ctoplan.json");
  g_autofree char *text = edited_plan_text ();
  g_autofree char *etag = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *where = NULL;
  g_autofree char *saved = NULL;
  CtoWindow *window;
  CtoPlan *plan;
  GtkWidget *dialog;

  write_file (file, plan_json);
  etag = etag_of (file);
  copy = write_orphan ("crashed-session", text, file, etag, TRUE);

  window = cto_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  plan = window->plan;
  dialog = cto_recovery_dialog_offer (window);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Restore Unsaved Changes?");
  where = g_strdup_printf ("“Test plan” in %s", g_file_peek_path (file));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), where));

  respond (dialog, response);

  if (g_str_equal (response, "restore"))
    {
      /* Into the window nobody had touched: unsaved, on its file. */
      g_assert_true (window->plan != plan);
      g_assert_true (tools_assigned (window->plan));
      g_assert_true (cto_history_get_modified (history_of (window)));
      g_assert_true (g_file_equal (cto_window_get_file (window), file));
      g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "• Test plan");
      g_assert_false (g_file_test (copy, G_FILE_TEST_EXISTS));

      /* The window keeps a copy of its own at once. */
      g_assert_true (try_spin_until (copy_written, window, 2));

      /* Saving it is a save like any other: the file has not changed since. */
      gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
      g_assert_null (window->changed_dialog);
      g_assert_false (cto_history_get_modified (history_of (window)));
      saved = read_file (file);
      g_assert_cmpstr (saved, ==, text);
      g_assert_true (try_spin_until (copy_gone, window, 2));
    }
  else if (g_str_equal (response, "discard"))
    {
      g_assert_true (window->plan == plan);
      g_assert_false (cto_history_get_modified (history_of (window)));
      g_assert_false (g_file_test (copy, G_FILE_TEST_EXISTS));
      g_assert_null (cto_recovered_plans_claim ());
    }
  else
    {
      /* Closed without an answer: offered again next time. */
      g_autoptr(CtoRecoveredPlans) again = NULL;

      g_assert_true (window->plan == plan);
      g_assert_true (g_file_test (copy, G_FILE_TEST_EXISTS));
      again = cto_recovered_plans_claim ();
      g_assert_nonnull (again);
      cto_recovered_plans_delete (again);
    }

  g_assert_null (cto_recovery_dialog_offer (window));
  window_free (window);
  assert_nothing_left ();
}

/* Restored into new windows when the one there is in use; the file
 * changed since the crash: saving asks. */
static void
test_recovery_restore_busy_window (void)
{
  g_autoptr(GFile) file = tmp_file ("crashed.ctoplan.json");
  g_autofree char *text = edited_plan_text ();
  g_autofree char *etag = NULL;
  g_autofree char *copy = NULL;
  CtoWindow *window;
  CtoWindow *restored = NULL;
  GtkWidget *dialog;

  write_file (file, plan_json);
  etag = etag_of (file);
  copy = write_orphan ("crashed-session", text, file, etag, TRUE);
  write_file_elsewhere (file, "{ \"changed\": true }\n");

  window = window_new ();
  edit (window);
  dialog = cto_recovery_dialog_offer (window);
  g_assert_nonnull (dialog);
  respond (dialog, "restore");

  for (GList *l = gtk_window_list_toplevels (); l != NULL; l = g_list_delete_link (l, l))
    {
      if (CTO_IS_WINDOW (l->data) && l->data != window)
        restored = l->data;
    }
  g_assert_nonnull (restored);
  g_assert_true (tools_assigned (restored->plan));
  g_assert_true (g_file_equal (cto_window_get_file (restored), file));

  gtk_widget_activate_action (GTK_WIDGET (restored), "win.save", NULL);
  g_assert_nonnull (restored->changed_dialog);
  respond (restored->changed_dialog, "cancel");
  g_assert_true (cto_history_get_modified (history_of (restored)));

  window_free (restored);
  window_free (window);
  assert_nothing_left ();
}

/* Saving over a file that changed -------------------------------------------- */

static void
test_changed_on_disk (gconstpointer data)
{
  const char *response = data;
  g_autoptr(GFile) file = tmp_file ("changed.ctoplan.json");
  const char *elsewhere = "{ \"written\": \"by another program\" }\n";
  g_autofree char *contents = NULL;
  CtoWindow *window;
  const char *body;

  if (g_str_equal (response, "save-as") && !file_chooser_testable ())
    return;

  window = window_open (file);
  edit (window);
  write_file_elsewhere (file, elsewhere);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);

  g_assert_nonnull (window->changed_dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window->changed_dialog)),
                   ==, "The File Changed on Disk");
  body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (window->changed_dialog));
  g_assert_nonnull (strstr (body, "“changed.ctoplan.json”"));
  /* Nothing written yet. */
  contents = read_file (file);
  g_assert_cmpstr (contents, ==, elsewhere);

  respond (window->changed_dialog, response);
  g_clear_pointer (&contents, g_free);
  contents = read_file (file);

  if (g_str_equal (response, "overwrite"))
    {
      g_autofree char *expected = cto_plan_io_to_data (window->plan, NULL);

      g_assert_cmpstr (contents, ==, expected);
      g_assert_false (cto_history_get_modified (history_of (window)));

      /* Saved here: the next save does not ask. */
      cto_plan_set_title (window->plan, "Next title");
      gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
      g_assert_null (window->changed_dialog);
      g_assert_false (cto_history_get_modified (history_of (window)));
    }
  else
    {
      g_assert_cmpstr (contents, ==, elsewhere);
      g_assert_true (cto_history_get_modified (history_of (window)));
      g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "• Test plan");
      if (g_str_equal (response, "save-as"))
        {
          g_assert_nonnull (window->file_chooser);
          g_assert_cmpint (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (window->file_chooser)),
                           ==, GTK_FILE_CHOOSER_ACTION_SAVE);
          g_signal_emit_by_name (window->file_chooser, "response", GTK_RESPONSE_CANCEL);
          spin ();
        }
      else
        {
          g_assert_null (window->file_chooser);
        }
    }

  window_free (window);
}

/* Closing with "Save" over a file that changed asks first, then closes. */
static void
test_changed_on_disk_close (gconstpointer data)
{
  gboolean overwrite = GPOINTER_TO_INT (data);
  g_autoptr(GFile) file = tmp_file ("closing.ctoplan.json");
  const char *elsewhere = "{ \"written\": \"by another program\" }\n";
  g_autofree char *contents = NULL;
  CtoWindow *window = window_open (file);
  gpointer alive = window;

  g_object_add_weak_pointer (G_OBJECT (window), &alive);
  edit (window);
  write_file_elsewhere (file, elsewhere);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.close", NULL);
  spin ();
  respond (window->unsaved_dialog, "save");
  g_assert_nonnull (alive);
  g_assert_nonnull (window->changed_dialog);

  respond (window->changed_dialog, overwrite ? "overwrite" : "cancel");
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
  g_autoptr(GFile) file = tmp_file ("unchanged.ctoplan.json");
  g_autofree char *contents = NULL;
  CtoWindow *window = window_open (file);

  edit (window);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  g_assert_null (window->changed_dialog);
  g_assert_false (cto_history_get_modified (history_of (window)));

  /* A file that has gone is written again. */
  g_assert_cmpint (g_unlink (g_file_peek_path (file)), ==, 0);
  cto_plan_set_title (window->plan, "Written again");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  g_assert_null (window->changed_dialog);
  g_assert_false (cto_history_get_modified (history_of (window)));
  contents = read_file (file);
  g_assert_nonnull (strstr (contents, "\"Written again\""));

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

  window = window_new ();
  folder = g_build_filename (tmp_dir, "failures", NULL);
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
      write_path (target, plan_json);
      break;

    case FAIL_DISK_FULL:
      {
        g_autofree char *disk = g_build_filename (folder, "small-disk", NULL);

        /* Two pages: the old file fits, the new one next to it does not. */
        g_assert_cmpint (g_mkdir (disk, 0755), ==, 0);
        g_assert_cmpint (mount ("tmpfs", disk, "tmpfs", 0, "size=8k"), ==, 0);
        target = g_build_filename (disk, "plan.ctoplan.json", NULL);
        write_path (target, plan_json);
      }
      break;

    case FAIL_READ_ONLY:
      {
        g_autofree char *source = g_build_filename (folder, "writable", NULL);
        g_autofree char *read_only = g_build_filename (folder, "read-only", NULL);
        g_autofree char *source_file = g_build_filename (source, "plan.ctoplan.json", NULL);

        g_assert_cmpint (g_mkdir (source, 0755), ==, 0);
        g_assert_cmpint (g_mkdir (read_only, 0755), ==, 0);
        write_path (source_file, plan_json);
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
  edit (window);
  for (guint i = 0; i < 6000; i++)
    g_string_append_c (description, 'x');
  cto_plan_set_responsibility_description (window->plan,
                                           cto_plan_find_responsibility (window->plan, "tools"),
                                           description->str);

  {
    g_autofree char *dirname = g_path_get_dirname (target);

    listing = list_folder (dirname);
  }

  if (fc->failure == FAIL_FILE_SIZE_LIMIT)
    {
      struct rlimit limit;

      /* Writing past 64 bytes of any file now fails with EFBIG. */
      g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved_limit), ==, 0);
      limit = saved_limit;
      limit.rlim_cur = 64;
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
    }

  if (cto_window_get_file (window) != NULL)
    {
      gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
      saved = !cto_history_get_modified (history_of (window));
    }
  else
    {
      saved = _cto_window_save_to (window, file);
    }

  if (fc->failure == FAIL_FILE_SIZE_LIMIT)
    g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved_limit), ==, 0);

  /* It says so, and why. */
  g_assert_false (saved);
  g_assert_nonnull (window->error_dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window->error_dialog)), ==,
                   "Could Not Save the Plan");
  body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (window->error_dialog));
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
  g_autofree char *real = tmp_path ("real-plan.ctoplan.json");
  g_autofree char *link = tmp_path ("link-plan.ctoplan.json");
  g_autofree char *target = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GFile) link_file = g_file_new_for_path (link);
  CtoWindow *window = window_new ();
  GStatBuf st;

  write_path (real, plan_json);
  g_assert_cmpint (g_chmod (real, 0640), ==, 0);
  g_unlink (link);
  g_assert_cmpint (symlink ("real-plan.ctoplan.json", link), ==, 0);

  open_and_wait (window, link_file);
  edit (window);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  g_assert_null (window->changed_dialog);
  g_assert_null (window->error_dialog);
  g_assert_false (cto_history_get_modified (history_of (window)));

  target = g_file_read_link (link, NULL);
  g_assert_cmpstr (target, ==, "real-plan.ctoplan.json");
  contents = read_path (real);
  expected = cto_plan_io_to_data (window->plan, NULL);
  g_assert_cmpstr (contents, ==, expected);
  g_assert_cmpint (g_stat (real, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0640);

  /* Saved through the link: the next save does not take it for a change. */
  cto_plan_set_title (window->plan, "Again");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  g_assert_null (window->changed_dialog);
  g_assert_false (cto_history_get_modified (history_of (window)));

  window_free (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettingsSchema) schema = NULL;
  const char *dirs[] = { "home", "config", "data", "cache", "state", "runtime" };
  const char *vars[] = { "HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME",
                         "XDG_STATE_HOME", "XDG_RUNTIME_DIR" };
  int status;

  /* Mounts of the test's own (a full disk, a read-only folder), gone with
   * it. Only a process with one thread may do this: before anything starts. */
  can_mount = unshare (CLONE_NEWNS) == 0 &&
              mount (NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) == 0;

  /* A write over the size limit fails (EFBIG) instead of ending the process. */
  signal (SIGXFSZ, SIG_IGN);

  tmp_dir = g_dir_make_tmp ("cto-safety-XXXXXX", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree char *path = g_build_filename (tmp_dir, dirs[i], NULL);

      g_mkdir_with_parents (path, 0700);
      g_setenv (vars[i], path, TRUE);
    }
  g_setenv ("GDK_BACKEND", "x11", TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GTK_A11Y", "none", TRUE);
  g_setenv ("LANGUAGE", "C", TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  /* The schema compiled in the build folder (GSETTINGS_SCHEMA_DIR). */
  if (g_settings_schema_source_get_default () != NULL)
    schema = g_settings_schema_source_lookup (g_settings_schema_source_get_default (),
                                              APP_ID, TRUE);
  if (schema == NULL)
    g_error ("The schema %s is not found: set GSETTINGS_SCHEMA_DIR to the build's data folder",
             APP_ID);
  settings = g_settings_new (APP_ID);

  g_test_add_func ("/safety/settings/window-size", test_window_size);
  g_test_add_func ("/safety/settings/window-maximized", test_window_maximized);
  g_test_add_func ("/safety/settings/last-folder", test_last_folder);
  g_test_add_func ("/safety/settings/last-folder-export", test_last_folder_export);
  g_test_add_func ("/safety/settings/recent-plans", test_recent_plans);
  g_test_add_func ("/safety/settings/recent-plans-bounded", test_recent_plans_bounded);
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
  g_test_add_func ("/safety/recovery/offer/restore-beside-busy-window",
                   test_recovery_restore_busy_window);
  g_test_add_data_func ("/safety/save/changed-on-disk/cancel", "cancel", test_changed_on_disk);
  g_test_add_data_func ("/safety/save/changed-on-disk/overwrite", "overwrite",
                        test_changed_on_disk);
  g_test_add_data_func ("/safety/save/changed-on-disk/save-as", "save-as", test_changed_on_disk);
  g_test_add_data_func ("/safety/save/changed-on-disk/close-overwrite", GINT_TO_POINTER (TRUE),
                        test_changed_on_disk_close);
  g_test_add_data_func ("/safety/save/changed-on-disk/close-cancel", GINT_TO_POINTER (FALSE),
                        test_changed_on_disk_close);
  g_test_add_func ("/safety/save/unchanged-does-not-ask", test_unchanged_no_question);
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

  status = g_test_run ();

  g_clear_object (&settings);
  remove_tree (tmp_dir);
  g_free (tmp_dir);

  return status;
}
