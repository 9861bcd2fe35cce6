/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/*
 * Makes the GtkScrolledWindow around @list as tall as the rows it shows
 * (up to the scrolled window's max-content-height), over the next few
 * frames: to call when a search narrows the list or the list is shown
 * anew. GTK 4.8's scrolled window asks its child for a height for no
 * width, which a list view answers from the rows it had before: three
 * people found showed two and a half, with a scrollbar.
 */
void cto_fit_list_height (GtkWidget *list);

G_END_DECLS
