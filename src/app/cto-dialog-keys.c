/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-dialog"

#include "config.h"

#include "cto-dialog-keys.h"

void
cto_dialog_keys_open_on_enter (GtkWidget *row)
{
  GtkEventController *keys;

  g_return_if_fail (GTK_IS_WIDGET (row));

  keys = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
    gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("Return|KP_Enter|ISO_Enter"),
                      g_object_ref (gtk_activate_action_get ())));
  gtk_widget_add_controller (row, keys);
}
