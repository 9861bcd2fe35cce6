/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void cto_tooltip_set_text (GtkWidget  *widget,
                           const char *text);
const char *cto_tooltip_get_text (GtkWidget  *widget);
void cto_tooltip_show_cut_text (GtkLabel   *label);

G_END_DECLS
