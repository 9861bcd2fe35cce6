/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/*
 * Shows @widget, or keeps it out of sight where its parent still measures
 * it (gtk_widget_set_child_visible()): a line that keeps a tile's height,
 * the way of saying something that did not fit. Screen readers find only
 * what is shown: GTK 4.8 leaves a child it does not show in the
 * accessibility tree, saying what is not on screen, or no longer true.
 */
void cto_keep_place (GtkWidget *widget,
                     gboolean   shown);

G_END_DECLS
