/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-tooltip"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "cto-tooltip.h"

/* Tooltips given when asked for.
 *
 * GTK's own gtk_widget_set_tooltip_text() asks the display where the
 * pointer is each time it is called, in case the tooltip under it has to
 * change: two or three round trips to the X server, on every call, even
 * for a widget not yet on screen. A window that sets the tooltips of its
 * rows, chips and tiles whenever it shows a plan or an edit would wait on
 * the display hundreds of times. Here the text is kept on the widget and
 * handed to GTK only when it is about to show the tooltip; screen readers
 * get it at once, as the widget's description, as GTK does it. */

static GQuark text_quark;
static GQuark handler_quark;

/* Whether a popover of @widget's own (a drop-down's list, a menu button's
 * menu) is open. Its items are @widget's children, so GTK would show
 * @widget's tooltip over them, hiding the first. */
static gboolean
has_open_popover (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child) && gtk_widget_get_visible (child))
      return TRUE;

  return FALSE;
}

static gboolean
query_tooltip_cb (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard_mode,
                  GtkTooltip *tooltip,
                  gpointer    user_data)
{
  const char *text = g_object_get_qdata (G_OBJECT (widget), text_quark);

  if (text == NULL || has_open_popover (widget))
    return FALSE;

  gtk_tooltip_set_text (tooltip, text);

  return TRUE;
}

/**
 * cto_tooltip_set_text:
 * @widget: a widget
 * @text: (nullable): its tooltip, or %NULL (or "") for none
 *
 * Gives @widget the tooltip @text, shown when the pointer rests on it or
 * when it has the keyboard focus and the user asks, and its accessible
 * description. Unlike gtk_widget_set_tooltip_text(), it never waits on the
 * display. A widget's tooltip is set either this way or GTK's, never both.
 */
void
cto_tooltip_set_text (GtkWidget  *widget,
                      const char *text)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (G_UNLIKELY (text_quark == 0))
    {
      text_quark = g_quark_from_static_string ("cto-tooltip-text");
      handler_quark = g_quark_from_static_string ("cto-tooltip-handler");
    }

  /* GTK keeps an empty text as none. */
  if (text != NULL && text[0] == '\0')
    text = NULL;

  if (g_strcmp0 (cto_tooltip_get_text (widget), text) == 0)
    return;

  if (g_object_get_qdata (G_OBJECT (widget), handler_quark) == NULL)
    {
      g_signal_connect (widget, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
      g_object_set_qdata (G_OBJECT (widget), handler_quark, GINT_TO_POINTER (TRUE));
    }

  g_object_set_qdata_full (G_OBJECT (widget), text_quark, g_strdup (text), g_free);
  gtk_widget_set_has_tooltip (widget, text != NULL);

  if (text != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (widget),
                                   GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/**
 * cto_tooltip_get_text:
 * @widget: a widget
 *
 * Returns: (nullable): the tooltip cto_tooltip_set_text() gave @widget
 */
const char *
cto_tooltip_get_text (GtkWidget *widget)
{
  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  if (text_quark == 0)
    return NULL;

  return g_object_get_qdata (G_OBJECT (widget), text_quark);
}

static gboolean
query_cut_text_cb (GtkWidget  *widget,
                   int         x,
                   int         y,
                   gboolean    keyboard_mode,
                   GtkTooltip *tooltip,
                   gpointer    user_data)
{
  GtkLabel *label = GTK_LABEL (widget);

  if (!pango_layout_is_ellipsized (gtk_label_get_layout (label)))
    return FALSE;

  gtk_tooltip_set_text (tooltip, gtk_label_get_text (label));
  return TRUE;
}

/**
 * cto_tooltip_show_cut_text:
 * @label: a label that ellipsizes its text
 *
 * Shows the whole text of @label as its tooltip whenever the label is too
 * narrow for it and cuts it short, and no tooltip when the text is whole.
 * Screen readers read the whole text anyway: it is not repeated as the
 * label's description.
 */
void
cto_tooltip_show_cut_text (GtkLabel *label)
{
  g_return_if_fail (GTK_IS_LABEL (label));

  g_signal_connect (label, "query-tooltip", G_CALLBACK (query_cut_text_cb), NULL);
  gtk_widget_set_has_tooltip (GTK_WIDGET (label), TRUE);
}

static void
set_template_texts (GtkWidget                *widget,
                    const CtoTemplateTooltip *tooltips,
                    gsize                     n_tooltips,
                    gboolean                 *found)
{
  const char *id = gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget));

  for (gsize i = 0; id != NULL && i < n_tooltips; i++)
    if (strcmp (id, tooltips[i].id) == 0)
      {
        cto_tooltip_set_text (widget, _(tooltips[i].text));
        found[i] = TRUE;
      }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    set_template_texts (child, tooltips, n_tooltips, found);
}

/**
 * cto_tooltip_set_template_texts:
 * @widget: a widget just made from its template
 * @tooltips: (array length=n_tooltips): ids the template gives widgets in
 *   @widget, and their tooltips
 * @n_tooltips: how many
 *
 * Gives those widgets their tooltips, translated, as cto_tooltip_set_text()
 * does. A tooltip written in the template itself is set with GTK's setter,
 * which waits on the display for each, while the window is being made.
 */
void
cto_tooltip_set_template_texts (GtkWidget                *widget,
                                const CtoTemplateTooltip *tooltips,
                                gsize                     n_tooltips)
{
  g_autofree gboolean *found = NULL;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  found = g_new0 (gboolean, n_tooltips);
  set_template_texts (widget, tooltips, n_tooltips, found);
  for (gsize i = 0; i < n_tooltips; i++)
    if (!found[i])
      g_critical ("No widget “%s” in the template of %s for its tooltip",
                  tooltips[i].id, G_OBJECT_TYPE_NAME (widget));
}
