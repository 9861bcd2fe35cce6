/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-tooltip"

#include "config.h"

#include "cto-tooltip.h"

/**
 * cto_tooltip_set_text:
 * @widget: a widget
 * @text: (nullable): its tooltip, or %NULL (or "") for none
 *
 * Sets the tooltip of @widget unless it has that one already. Setting a
 * tooltip on a visible widget asks the display where the pointer is (a
 * round trip to the X server), so a row or tile updated on every edit of
 * a plan would otherwise wait on the display once for each of its texts.
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

  gtk_widget_set_tooltip_text (widget, text);
}
