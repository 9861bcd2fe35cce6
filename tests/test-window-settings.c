/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <gdk/x11/gdkx.h>
#include <glib/gstdio.h>
#include <X11/Xatom.h>

#include "cto-history.h"
#include "cto-window-private.h"
#include "display-test-util.h"

/* What the window keeps between runs: its size, whether it was maximized,
 * the last folder, the recent plans. The real window under Xvfb, settings
 * in memory. */

static GSettings *settings;

static void
reset_settings (void)
{
  const char *keys[] = { "window-width", "window-height", "window-maximized",
                         "last-folder", "recent-plans" };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_settings_reset (settings, keys[i]);
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

  window = small_window_new ();
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
  window = small_window_new ();
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 1010);
  g_assert_cmpint (height, ==, 700);

  /* A size change is kept without a close too, a moment later. */
  gtk_window_set_default_size (GTK_WINDOW (window), 980, 690);
  spin_for (1);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 980);

  /* And the other settings are written as ever after that. */
  {
    g_autoptr(GFile) file = display_test_file ("sized.ctoplan.json");
    g_autofree char *uri = g_settings_get_string (settings, "last-folder");

    g_assert_cmpstr (uri, ==, "");
    write_file (file, small_plan_json);
    open_and_wait (window, file);
    g_clear_pointer (&uri, g_free);
    uri = g_settings_get_string (settings, "last-folder");
    g_assert_true (g_str_has_suffix (uri, display_test_dir ()));
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
  window = small_window_new ();
  g_assert_true (gtk_window_is_maximized (GTK_WINDOW (window)));
  g_assert_true (has_net_wm_state (window, "_NET_WM_STATE_MAXIMIZED_VERT"));
  g_assert_true (has_net_wm_state (window, "_NET_WM_STATE_MAXIMIZED_HORZ"));
  window_free (window);

  g_settings_set_boolean (settings, "window-maximized", FALSE);
  window = small_window_new ();
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
  g_autofree char *path = display_test_path (name);

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
    gtk_file_chooser_get_current_folder (file_chooser_of (window));

  return current != NULL && g_file_equal (current, args[1]);
}

/* The dialog (GTK's own, without a portal) settles on its folder in a while. */
static void
assert_chooser_in (CtoWindow *window,
                   GFile     *folder)
{
  void *args[] = { window, folder };

  g_assert_nonnull (file_chooser_of (window));
  if (!try_spin_until (chooser_in, args, 10))
    {
      g_autoptr(GFile) current =
        gtk_file_chooser_get_current_folder (file_chooser_of (window));

      g_error ("The file chooser is in %s, not %s",
               current ? g_file_peek_path (current) : "no folder", g_file_peek_path (folder));
    }
}

/* A message GTK's chooser shows over itself, or NULL. */
static GtkWidget *
message_dialog_of (GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (gtk_window_get_transient_for (toplevel) == parent &&
          GTK_IS_MESSAGE_DIALOG (toplevel) && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return GTK_WIDGET (toplevel);
    }

  return NULL;
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
  window = small_window_new ();

  /* The Open dialog starts in the last folder. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open", NULL);
  assert_chooser_in (window, folder_a);
  file_chooser_respond (window, GTK_RESPONSE_CANCEL);
  spin ();
  g_assert_null (file_chooser_of (window));

  /* A plan opened makes its folder the last. */
  write_file (opened, small_plan_json);
  open_and_wait (window, opened);
  last = last_folder_path ();
  g_assert_cmpstr (last, ==, g_file_peek_path (folder_b));

  /* Save As starts in the plan's own folder, whatever folder was last,
   * with its name, and without GTK saying it could not show a folder (as
   * its own chooser did, moved to a second folder while reading the
   * first); the folder picked in it becomes the last. */
  g_settings_set_string (settings, "last-folder", uri_a);
  small_window_edit (window);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save-as", NULL);
  assert_chooser_in (window, folder_b);
  chooser = file_chooser_of (window);
  g_assert_cmpstr (gtk_file_chooser_get_current_name (chooser), ==, "opened.ctoplan.json");
  spin_for (0.5);
  g_assert_null (message_dialog_of (GTK_WINDOW (chooser)));
  gtk_file_chooser_set_current_folder (chooser, folder_c, NULL);
  assert_chooser_in (window, folder_c);
  gtk_file_chooser_set_current_name (chooser, "chosen.ctoplan.json");
  file_chooser_respond (window, GTK_RESPONSE_ACCEPT);
  wait_until_saved (window);
  g_assert_true (g_file_equal (cto_window_get_file (window), chosen));
  g_assert_false (cto_history_get_modified (history_of (window)));
  g_clear_pointer (&last, g_free);
  last = last_folder_path ();
  g_assert_cmpstr (last, ==, g_file_peek_path (folder_c));
  window_free (window);

  /* A new plan's Save As starts in the last folder. */
  window = small_window_new ();
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save-as", NULL);
  assert_chooser_in (window, folder_c);
  file_chooser_respond (window, GTK_RESPONSE_CANCEL);
  spin ();

  /* A last folder that has gone is passed by. */
  g_settings_set_string (settings, "last-folder", "file:///no/such/folder");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open", NULL);
  g_assert_nonnull (file_chooser_of (window));
  file_chooser_respond (window, GTK_RESPONSE_CANCEL);
  spin ();
  window_free (window);

  /* Save As of a plan whose folder has gone since it was opened starts in
   * the last folder, with the plan's name. */
  {
    g_autoptr(GFile) folder_d = make_folder ("folder-d");
    g_autoptr(GFile) gone = g_file_get_child (folder_d, "gone.ctoplan.json");

    window = small_window_new ();
    write_file (gone, small_plan_json);
    open_and_wait (window, gone);
    g_settings_set_string (settings, "last-folder", uri_a);
    g_assert_true (g_file_delete (gone, NULL, NULL));
    g_assert_true (g_file_delete (folder_d, NULL, NULL));

    gtk_widget_activate_action (GTK_WIDGET (window), "win.save-as", NULL);
    assert_chooser_in (window, folder_a);
    chooser = file_chooser_of (window);
    g_assert_cmpstr (gtk_file_chooser_get_current_name (chooser), ==, "gone.ctoplan.json");
    file_chooser_respond (window, GTK_RESPONSE_CANCEL);
    spin ();
    window_free (window);
  }
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
  window = small_window_new ();

  gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL);
  g_assert_nonnull (dialog_with_response (window, "choose"));
  respond_to (dialog_with_response (window, "choose"), "choose");
  assert_chooser_in (window, folder_e);

  gtk_file_chooser_set_current_folder (file_chooser_of (window), folder_f, NULL);
  assert_chooser_in (window, folder_f);
  file_chooser_respond (window, GTK_RESPONSE_ACCEPT);
  spin ();
  last = last_folder_path ();
  g_assert_cmpstr (last, ==, g_file_peek_path (folder_f));

  window_free (window);
}

/* Recent plans ------------------------------------------------------------- */

/* The menu the Open button's arrow opens: the recent plans, or NULL when
 * the arrow cannot be pressed. */
static GMenuModel *
recent_menu_of (CtoWindow *window)
{
  GtkWidget *open_button = widget_of_type (window, ADW_TYPE_SPLIT_BUTTON);
  GtkWidget *arrow = gtk_widget_get_last_child (open_button);
  GMenuModel *menu;

  g_assert_true (GTK_IS_MENU_BUTTON (arrow));
  /* The toggle button in it is what a click or a key reaches. */
  if (!gtk_widget_is_sensitive (gtk_widget_get_first_child (arrow)))
    {
      g_assert_null (adw_split_button_get_menu_model (ADW_SPLIT_BUTTON (open_button)));
      return NULL;
    }

  gtk_menu_button_popup (GTK_MENU_BUTTON (arrow));
  menu = adw_split_button_get_menu_model (ADW_SPLIT_BUTTON (open_button));
  g_assert_nonnull (menu);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (arrow));

  return menu;
}

static void
assert_recent (CtoWindow         *window,
               const char * const *names)
{
  g_auto(GStrv) uris = g_settings_get_strv (settings, "recent-plans");
  GMenuModel *menu = recent_menu_of (window);
  guint n = g_strv_length ((GStrv) names);

  g_assert_cmpuint (g_strv_length (uris), ==, n);

  /* No plans, no menu; else the plans, newest first. */
  if (n == 0)
    {
      g_assert_null (menu);
      return;
    }

  g_assert_nonnull (menu);
  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, (int) n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GFile) file = display_test_file (names[i]);
      g_autofree char *uri = g_file_get_uri (file);
      g_autoptr(GVariant) target = g_menu_model_get_item_attribute_value (menu, (int) i,
                                                                          G_MENU_ATTRIBUTE_TARGET,
                                                                          G_VARIANT_TYPE_STRING);

      g_assert_cmpstr (uris[i], ==, uri);
      g_assert_nonnull (target);
      g_assert_cmpstr (g_variant_get_string (target, NULL), ==, uri);
    }
}

static void
test_recent_plans (void)
{
  g_autoptr(GFile) a = small_plan_file ("a_plan.ctoplan.json");
  g_autoptr(GFile) b = small_plan_file ("b.ctoplan.json");
  g_autoptr(GFile) c = small_plan_file ("c.ctoplan.json");
  g_autofree char *uri_a = g_file_get_uri (a);
  g_autofree char *label = NULL;
  g_autoptr(GtkRecentInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  CtoWindow *window;
  CtoWindow *other;

  reset_settings ();
  window = small_window_new ();
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
  g_menu_model_get_item_attribute (recent_menu_of (window), 0,
                                   G_MENU_ATTRIBUTE_LABEL, "s", &label);
  g_assert_cmpstr (label, ==, "a__plan.ctoplan.json");

  /* The desktop's recent files know it, as a plan. */
  info = gtk_recent_manager_lookup_item (gtk_recent_manager_get_default (), uri_a, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gtk_recent_info_get_mime_type (info), ==, "application/x-cto-planner-plan");

  /* Other windows follow. */
  other = small_window_new ();
  assert_recent (other, (const char *[]) { "a_plan.ctoplan.json", "c.ctoplan.json",
                                           "b.ctoplan.json", NULL });

  /* Picking one opens it. */
  gtk_widget_activate_action (GTK_WIDGET (other), "win.open-recent", "s", uri_a);
  wait_until_loaded (other);
  g_assert_true (g_file_equal (cto_window_get_file (other), a));

  /* Saving puts a plan in front too. */
  g_assert_true (save_to_and_wait (other, b));
  assert_recent (window, (const char *[]) { "b.ctoplan.json", "a_plan.ctoplan.json",
                                            "c.ctoplan.json", NULL });

  /* A plan that has gone leaves the list when picked, and says so. */
  g_assert_cmpint (g_unlink (g_file_peek_path (c)), ==, 0);
  {
    g_autofree char *uri_c = g_file_get_uri (c);

    gtk_widget_activate_action (GTK_WIDGET (window), "win.open-recent", "s", uri_c);
    wait_until_loaded (window);
  }
  g_assert_nonnull (error_dialog_of (window));
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
  window = small_window_new ();
  for (guint i = 0; i < 14; i++)
    {
      g_autofree char *name = g_strdup_printf ("plan-%02u.ctoplan.json", i);
      g_autoptr(GFile) file = small_plan_file (name);

      open_and_wait (window, file);
    }

  uris = g_settings_get_strv (settings, "recent-plans");
  g_assert_cmpuint (g_strv_length (uris), ==, 10);
  g_assert_true (g_str_has_suffix (uris[0], "/plan-13.ctoplan.json"));
  g_assert_true (g_str_has_suffix (uris[9], "/plan-04.ctoplan.json"));
  g_assert_cmpint (g_menu_model_get_n_items (recent_menu_of (window)), ==, 10);

  window_free (window);
}

int
main (int   argc,
      char *argv[])
{
  display_test_init (&argc, &argv, "window-settings", "none");
  settings = display_test_settings ();

  g_test_add_func ("/safety/settings/window-size", test_window_size);
  g_test_add_func ("/safety/settings/window-maximized", test_window_maximized);
  g_test_add_func ("/safety/settings/last-folder", test_last_folder);
  g_test_add_func ("/safety/settings/last-folder-export", test_last_folder_export);
  g_test_add_func ("/safety/settings/recent-plans", test_recent_plans);
  g_test_add_func ("/safety/settings/recent-plans-bounded", test_recent_plans_bounded);

  return display_test_run ();
}
