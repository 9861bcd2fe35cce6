/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void cto_tooltip_set_text (GtkWidget  *widget,
                           const char *text);
const char *cto_tooltip_get_text (GtkWidget  *widget);
void cto_tooltip_show_cut_text (GtkLabel   *label);

/* A tooltip of a widget of a template: the id the template gives the
 * widget, and the untranslated text, marked with N_(). */
typedef struct
{
  const char *id;
  const char *text;
} CtoTemplateTooltip;

void cto_tooltip_set_template_texts (GtkWidget                *widget,
                                     const CtoTemplateTooltip *tooltips,
                                     gsize                     n_tooltips);

G_END_DECLS
