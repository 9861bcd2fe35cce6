/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* From now on, every button with a mnemonic is named to screen readers by
 * its text alone, "Save", not by its label and then its text, "_Save
 * Save", as GTK 4.8 names it. Once per process; the window calls it. */
void cto_mnemonic_names_install (void);
/* @button, with a mnemonic, is given its accessible label by the program,
 * which it keeps. */
void cto_mnemonic_names_keep    (GtkWidget *button);

G_END_DECLS
