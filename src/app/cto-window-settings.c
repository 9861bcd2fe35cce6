/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-window"

#include "config.h"

#include <glib/gi18n.h>

#include "cto-tooltip.h"
#include "cto-window-private.h"

/* What the window keeps between runs: its size, the folder of the last
 * file dialog, the plans opened last (also in the desktop's recent files). */

#define MAX_RECENT_PLANS 10
#define PLAN_MIME_TYPE "application/x-cto-planner-plan"
#define SAVE_STATE_DELAY 500

static GSettings *
settings_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    {
      g_debug ("The settings schema %s is not installed: nothing is kept between runs", APP_ID);
      return NULL;
    }

  return g_settings_new_full (schema, NULL, NULL);
}

/* A file name as a menu shows it: its underscores are not mnemonics. */
static char *
menu_label (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *display = g_filename_display_name (basename);
  g_auto(GStrv) parts = g_strsplit (display, "_", -1);

  return g_strjoinv ("__", parts);
}

/* The Open button's arrow. */
static GtkMenuButton *
recent_arrow (CtoWindow *self)
{
  return GTK_MENU_BUTTON (gtk_widget_get_last_child (GTK_WIDGET (self->open_button)));
}

/* The menu is given to the arrow when first opened: given at once, its
 * popover and a row of widgets for each plan would be made with the
 * window. */
static void
create_recent_menu_cb (GtkMenuButton *arrow,
                       gpointer       user_data)
{
  CtoWindow *self = user_data;

  if (adw_split_button_get_menu_model (self->open_button) == NULL)
    adw_split_button_set_menu_model (self->open_button, G_MENU_MODEL (self->recent_menu));
}

static void
update_recent_menu (CtoWindow *self)
{
  g_auto(GStrv) uris = g_settings_get_strv (self->settings, "recent-plans");

  g_menu_remove_all (self->recent_menu);
  for (guint i = 0; uris[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_uri (uris[i]);
      g_autofree char *label = menu_label (file);
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target_value (item, "win.open-recent",
                                               g_variant_new_string (uris[i]));
      g_menu_append_item (self->recent_menu, item);
    }

  /* Without plans the arrow is insensitive, instead of opening nothing. */
  if (uris[0] == NULL)
    {
      adw_split_button_set_menu_model (self->open_button, NULL);
      gtk_menu_button_set_create_popup_func (recent_arrow (self), NULL, NULL, NULL);
    }
  else if (adw_split_button_get_menu_model (self->open_button) == NULL)
    {
      gtk_menu_button_set_create_popup_func (recent_arrow (self), create_recent_menu_cb, self, NULL);
    }
}

static void
set_recent_plans (CtoWindow  *self,
                  const char *first,
                  const char *removed)
{
  g_auto(GStrv) uris = g_settings_get_strv (self->settings, "recent-plans");
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();

  if (first != NULL)
    g_ptr_array_add (kept, (char *) first);
  for (guint i = 0; uris[i] != NULL && kept->len < MAX_RECENT_PLANS; i++)
    {
      if (g_strcmp0 (uris[i], first) != 0 && g_strcmp0 (uris[i], removed) != 0)
        g_ptr_array_add (kept, uris[i]);
    }
  g_ptr_array_add (kept, NULL);

  g_settings_set_strv (self->settings, "recent-plans", (const char * const *) kept->pdata);
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CtoWindow *self = CTO_WINDOW (widget);
  const char *uri = g_variant_get_string (parameter, NULL);
  g_autoptr(GFile) file = g_file_new_for_uri (uri);

  /* A plan that has gone leaves the list; opening it says so. */
  if (self->settings != NULL && !g_file_query_exists (file, NULL))
    set_recent_plans (self, NULL, uri);

  cto_window_open_file (self, file);
}

static void
remember_folder (CtoWindow *self,
                 GFile     *file)
{
  g_autoptr(GFile) folder = g_file_get_parent (file);
  g_autofree char *uri = NULL;

  if (self->settings == NULL || folder == NULL)
    return;

  uri = g_file_get_uri (folder);
  g_settings_set_string (self->settings, "last-folder", uri);
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     CtoWindow       *self)
{
  g_autoptr(GFile) file = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    return;

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    remember_folder (self, file);
}

static gboolean
save_state_timeout_cb (gpointer user_data)
{
  CtoWindow *self = user_data;

  self->save_state_id = 0;
  _cto_window_save_window_state (self);

  return G_SOURCE_REMOVE;
}

/* While a window is being resized its size changes at every frame. */
static void
window_state_changed_cb (CtoWindow *self)
{
  if (self->save_state_id == 0)
    self->save_state_id = g_timeout_add (SAVE_STATE_DELAY, save_state_timeout_cb, self);
}

static void
maximize_on_realize_cb (GtkWindow *window)
{
  g_signal_handlers_disconnect_by_func (window, maximize_on_realize_cb, NULL);
  gtk_window_maximize (window);
}

void
_cto_window_class_init_settings (GtkWidgetClass *widget_class)
{
  g_type_ensure (ADW_TYPE_SPLIT_BUTTON);

  gtk_widget_class_bind_template_child (widget_class, CtoWindow, open_button);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
}

void
_cto_window_init_settings (CtoWindow *self)
{
  GtkWidget *arrow = GTK_WIDGET (recent_arrow (self));

  cto_tooltip_set_text (arrow, _("Recent Plans"));

  /* The split button's arrow (a menu button, and the toggle button in it
   * that takes the focus) has a tooltip, but no name for a screen reader. */
  for (GtkWidget *widget = arrow;
       widget != NULL && (GTK_IS_MENU_BUTTON (widget) || GTK_IS_TOGGLE_BUTTON (widget));
       widget = gtk_widget_get_first_child (widget))
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, _("Recent Plans"),
                                    -1);

  self->recent_menu = g_menu_new ();
  self->settings = settings_new ();
  if (self->settings == NULL)
    return;

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  /* Not yet: GtkWindow sets "maximized" to its default after init. */
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    g_signal_connect (self, "realize", G_CALLBACK (maximize_on_realize_cb), NULL);

  g_signal_connect_object (self->settings, "changed::recent-plans",
                           G_CALLBACK (update_recent_menu), self, G_CONNECT_SWAPPED);
  update_recent_menu (self);

  g_signal_connect (self, "notify::default-width", G_CALLBACK (window_state_changed_cb), NULL);
  g_signal_connect (self, "notify::default-height", G_CALLBACK (window_state_changed_cb), NULL);
  g_signal_connect (self, "notify::maximized", G_CALLBACK (window_state_changed_cb), NULL);
}

void
_cto_window_dispose_settings (CtoWindow *self)
{
  g_clear_handle_id (&self->save_state_id, g_source_remove);
  g_clear_object (&self->settings);
  g_clear_object (&self->recent_menu);
}

void
_cto_window_save_window_state (CtoWindow *self)
{
  int width = 0;
  int height = 0;

  g_assert (CTO_IS_WINDOW (self));

  g_clear_handle_id (&self->save_state_id, g_source_remove);
  if (self->settings == NULL)
    return;

  /* Full screen (presenting) says nothing of how the window is kept. */
  if (gtk_window_is_fullscreen (GTK_WINDOW (self)))
    return;

  /* The default size is the size the window has when not maximized. */
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  if (width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
}

void
_cto_window_prepare_chooser (CtoWindow      *self,
                             GtkFileChooser *chooser,
                             GFile          *folder)
{
  g_assert (CTO_IS_WINDOW (self));
  g_assert (GTK_IS_FILE_CHOOSER (chooser));

  if (folder != NULL)
    {
      gtk_file_chooser_set_current_folder (chooser, folder, NULL);
    }
  else if (self->settings != NULL)
    {
      g_autofree char *uri = g_settings_get_string (self->settings, "last-folder");
      g_autoptr(GFile) last = uri[0] != '\0' ? g_file_new_for_uri (uri) : NULL;

      if (last != NULL &&
          g_file_query_file_type (last, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY)
        gtk_file_chooser_set_current_folder (chooser, last, NULL);
    }

  /* Connected before the caller's handler, which lets go of the chooser. */
  g_signal_connect_object (chooser, "response", G_CALLBACK (chooser_response_cb), self, 0);
}

void
_cto_window_remember_file (CtoWindow *self,
                           GFile     *file)
{
  g_autofree char *uri = NULL;
  GtkRecentData data = { 0 };
  const char *app_name = g_get_application_name ();

  g_assert (CTO_IS_WINDOW (self));
  g_assert (G_IS_FILE (file));

  uri = g_file_get_uri (file);
  if (self->settings != NULL)
    {
      remember_folder (self, file);
      set_recent_plans (self, uri, NULL);
    }

  data.mime_type = (char *) PLAN_MIME_TYPE;
  data.app_name = (char *) (app_name != NULL ? app_name : "cto-planner");
  data.app_exec = (char *) "cto-planner %u";
  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}
