/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-window"

#include "config.h"

#include "cto-responsibility-row.h"
#include "cto-window-private.h"

/*
 * The responsibility list from the keyboard: one Tab stop, arrows inside
 * (GtkListView's own), and each row's actions in a menu for the Menu key
 * and Shift+F10, since its buttons are no Tab stops. F6 moves between the
 * panes (GtkPaned's own).
 */

static gboolean
list_key_pressed_cb (GtkEventControllerKey *controller,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     CtoWindow             *self)
{
  GtkWidget *paned;

  if (keyval != GDK_KEY_Tab && keyval != GDK_KEY_ISO_Left_Tab && keyval != GDK_KEY_KP_Tab)
    return FALSE;
  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;

  /* Tab leaves the list, whichever row has the focus. */
  if (keyval == GDK_KEY_ISO_Left_Tab || (state & GDK_SHIFT_MASK) != 0)
    {
      if (gtk_revealer_get_reveal_child (self->filter_revealer) &&
          gtk_widget_child_focus (GTK_WIDGET (self->filter_revealer), GTK_DIR_TAB_BACKWARD))
        return TRUE;
      return gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
    }

  paned = gtk_widget_get_ancestor (self->responsibility_pane, GTK_TYPE_PANED);
  return paned != NULL &&
         gtk_widget_child_focus (gtk_paned_get_end_child (GTK_PANED (paned)), GTK_DIR_TAB_FORWARD);
}

/* The row whose list item has the focus, or NULL. */
static CtoResponsibilityRow *
focused_row (CtoWindow *self)
{
  GtkWidget *item = gtk_widget_get_focus_child (GTK_WIDGET (self->responsibility_list));
  GtkWidget *row = item ? gtk_widget_get_first_child (item) : NULL;

  return row != NULL && CTO_IS_RESPONSIBILITY_ROW (row) ? CTO_RESPONSIBILITY_ROW (row) : NULL;
}

static gboolean
row_menu_cb (GtkWidget *list,
             GVariant  *arguments,
             gpointer   user_data)
{
  CtoResponsibilityRow *row = focused_row (CTO_WINDOW (user_data));

  if (row == NULL)
    return FALSE;

  cto_responsibility_row_popup_menu (row);
  return TRUE;
}

void
_cto_window_init_keys (CtoWindow *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (list_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->responsibility_list), keys);

  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
    gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Shift>F10|Menu"),
                      gtk_callback_action_new (row_menu_cb, self, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self->responsibility_list), shortcuts);
}
