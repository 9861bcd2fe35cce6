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

G_END_DECLS
