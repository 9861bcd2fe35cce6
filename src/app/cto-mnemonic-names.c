/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-mnemonic-names"

#include "config.h"

#include "cto-mnemonic-names.h"

/* GTK 4.8 gives a button its label, underscore and all, as its accessible
 * label, and then names it by that label followed by the text of its
 * content: a screen reader reads "_Save Save". Without the accessible
 * label, the content alone names the button: "Save". Buttons of every kind
 * are seen as they are realized, before a screen reader can reach them,
 * libadwaita's own among them (the answers of a message dialog, the split
 * button's); and again whenever their label changes, which sets the
 * accessible label anew. A button the program names itself keeps its
 * name (cto_mnemonic_names_keep()). */

static GQuark watched_quark;
static GQuark named_quark;

static void
drop_accessible_label (GtkButton *button)
{
  if (gtk_button_get_use_underline (button) && gtk_button_get_label (button) != NULL &&
      g_object_get_qdata (G_OBJECT (button), named_quark) == NULL)
    gtk_accessible_reset_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

static void
label_changed_cb (GtkButton  *button,
                  GParamSpec *pspec,
                  gpointer    user_data)
{
  drop_accessible_label (button);
}

static gboolean
realize_hook (GSignalInvocationHint *hint,
              guint                  n_params,
              const GValue          *params,
              gpointer               user_data)
{
  GObject *object = g_value_get_object (&params[0]);

  if (GTK_IS_BUTTON (object) && g_object_get_qdata (object, watched_quark) == NULL)
    {
      g_object_set_qdata (object, watched_quark, GINT_TO_POINTER (TRUE));
      g_signal_connect (object, "notify::label", G_CALLBACK (label_changed_cb), NULL);
      g_signal_connect (object, "notify::use-underline", G_CALLBACK (label_changed_cb), NULL);
      drop_accessible_label (GTK_BUTTON (object));
    }

  /* Stays, for every widget realized from now on. */
  return TRUE;
}

void
cto_mnemonic_names_install (void)
{
  static gsize installed = 0;

  if (g_once_init_enter (&installed))
    {
      watched_quark = g_quark_from_static_string ("cto-mnemonic-names-watched");
      named_quark = g_quark_from_static_string ("cto-mnemonic-names-named");
      g_signal_add_emission_hook (g_signal_lookup ("realize", GTK_TYPE_WIDGET), 0,
                                  realize_hook, NULL, NULL);
      g_once_init_leave (&installed, 1);
    }
}

void
cto_mnemonic_names_keep (GtkWidget *button)
{
  g_return_if_fail (GTK_IS_BUTTON (button));

  cto_mnemonic_names_install ();
  g_object_set_qdata (G_OBJECT (button), named_quark, GINT_TO_POINTER (TRUE));
}
