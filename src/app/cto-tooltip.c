/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-tooltip"

#include "config.h"

#include "cto-tooltip.h"

/* Whether hiding @widget for a moment would take the focus or the default
 * from it or from a widget inside it. */
static gboolean
holds_focus_or_default (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *fallback = GTK_IS_WINDOW (root) ? gtk_window_get_default_widget (GTK_WINDOW (root)) : NULL;

  return (focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget))) ||
         (fallback != NULL && (fallback == widget || gtk_widget_is_ancestor (fallback, widget)));
}

/**
 * cto_tooltip_set_text:
 * @widget: a widget
 * @text: (nullable): its tooltip, or %NULL (or "") for none
 *
 * Sets the tooltip of @widget unless it has that one already. Setting a
 * tooltip on a visible widget asks the display where the pointer is (a
 * round trip to the X server), so a row or tile updated on every edit of
 * a plan would otherwise wait on the display once for each of its texts.
 * A widget not on screen gets its tooltip without asking at all.
 */
void
cto_tooltip_set_text (GtkWidget  *widget,
                      const char *text)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  /* GTK keeps an empty text as none. */
  if (text != NULL && text[0] == '\0')
    text = NULL;

  if (g_strcmp0 (gtk_widget_get_tooltip_text (widget), text) == 0)
    return;

  /* The query is for a tooltip showing under the pointer, which a widget
   * not on screen (a row just made, say) cannot have: GTK skips it for a
   * hidden widget. */
  if (!gtk_widget_get_mapped (widget) && gtk_widget_get_visible (widget) &&
      !holds_focus_or_default (widget))
    {
      gtk_widget_set_visible (widget, FALSE);
      gtk_widget_set_tooltip_text (widget, text);
      gtk_widget_set_visible (widget, TRUE);
      return;
    }

  gtk_widget_set_tooltip_text (widget, text);
}
