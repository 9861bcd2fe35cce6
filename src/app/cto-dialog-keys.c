/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-dialog"

#include "config.h"

#include "cto-dialog-keys.h"

/* Enter, as every dialog's keys take it. */
#define ENTER_KEYS "Return|KP_Enter|ISO_Enter"

void
cto_dialog_keys_open_on_enter (GtkWidget *row)
{
  GtkEventController *keys;

  g_return_if_fail (GTK_IS_WIDGET (row));

  keys = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
    gtk_shortcut_new (gtk_shortcut_trigger_parse_string (ENTER_KEYS),
                      g_object_ref (gtk_activate_action_get ())));
  gtk_widget_add_controller (row, keys);
}

typedef struct
{
  GtkShortcutFunc func;
  gpointer        data;
} EnterHandler;

static void
enter_handler_free (gpointer  data,
                    GClosure *closure)
{
  g_free (data);
}

static gboolean
enter_pressed_cb (GtkEventControllerKey *controller,
                  guint                  keyval,
                  guint                  keycode,
                  GdkModifierType        state,
                  EnterHandler          *handler)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  if ((keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_ISO_Enter) ||
      (state & gtk_accelerator_get_default_mod_mask ()) != 0)
    return FALSE;

  return handler->func (widget, NULL, handler->data);
}

void
cto_dialog_keys_on_enter (GtkWidget       *widget,
                          GtkShortcutFunc  func,
                          gpointer         data)
{
  GtkEventController *keys;
  EnterHandler *handler;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (func != NULL);

  /* A key controller, not a shortcut: it runs in the capture phase, before
   * the rows' own shortcuts. The keys are those of ENTER_KEYS. */
  handler = g_new (EnterHandler, 1);
  handler->func = func;
  handler->data = data;
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_data (keys, "key-pressed", G_CALLBACK (enter_pressed_cb), handler,
                         enter_handler_free, 0);
  gtk_widget_add_controller (widget, keys);
}

gboolean
cto_dialog_keys_answer (GtkWidget *widget,
                        GVariant  *args,
                        gpointer   data)
{
  return gtk_widget_activate_action (widget, "default.activate", NULL);
}
