/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/*
 * Keys shared by the window's dialogs. Enter in a dialog does what its
 * default button does; on a row that opens a list or a calendar, it opens
 * them instead, as Space does, rather than save with what the row shows.
 */
void cto_dialog_keys_open_on_enter (GtkWidget *row);
/* Enter on @widget or inside it calls @func, before anything inside it
 * takes the key (a list keeps Enter for its rows even where it does
 * nothing with it). */
void cto_dialog_keys_on_enter      (GtkWidget       *widget,
                                    GtkShortcutFunc  func,
                                    gpointer         data);
/* For cto_dialog_keys_on_enter(): gives the dialog of @widget its default
 * answer, as Enter does elsewhere in it, by pressing its default button. */
gboolean cto_dialog_keys_answer    (GtkWidget       *widget,
                                    GVariant        *args,
                                    gpointer         data);

G_END_DECLS
