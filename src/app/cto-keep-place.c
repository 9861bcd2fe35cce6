/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cto-keep-place.h"

/* What was last said to screen readers of a widget, so that a layout that
 * keeps its choice tells them nothing: 1 + whether it was hidden + 2 ×
 * whether the widget itself was visible, whose changes GTK says itself. */
static GQuark said_quark;

void
cto_keep_place (GtkWidget *widget,
                gboolean   shown)
{
  gboolean visible;
  gboolean hidden;
  guint said;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  visible = gtk_widget_get_visible (widget);
  hidden = !shown || !visible;
  said = 1 + (guint) hidden + 2 * (guint) visible;

  if (G_UNLIKELY (said_quark == 0))
    said_quark = g_quark_from_static_string ("cto-keep-place-hidden");

  gtk_widget_set_child_visible (widget, shown);

  /* As gtk_widget_show() and gtk_widget_hide() say it, which say it again
   * whenever the widget's own visibility changes. */
  if (GPOINTER_TO_UINT (g_object_get_qdata (G_OBJECT (widget), said_quark)) == said)
    return;

  gtk_accessible_update_state (GTK_ACCESSIBLE (widget),
                               GTK_ACCESSIBLE_STATE_HIDDEN, hidden,
                               -1);
  g_object_set_qdata (G_OBJECT (widget), said_quark, GUINT_TO_POINTER (said));
}
