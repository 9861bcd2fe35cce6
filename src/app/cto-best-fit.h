/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CTO_TYPE_BEST_FIT (cto_best_fit_get_type ())
G_DECLARE_FINAL_TYPE (CtoBestFit, cto_best_fit, CTO, BEST_FIT, GtkWidget)

/*
 * One line said in a few ways, longest first: shows the first of its
 * children that fits its width whole, else the narrowest, which should be
 * a label that ellipsizes. Children whose text is empty are passed over.
 * Its natural width is its first child's, its height the tallest's, so
 * that it never changes the height of what holds it.
 * Built from a .ui file with its children in order, or with
 * cto_best_fit_append().
 */
void cto_best_fit_append (CtoBestFit *self,
                          GtkWidget  *child);

G_END_DECLS
