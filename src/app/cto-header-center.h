/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CTO_TYPE_HEADER_CENTER (cto_header_center_get_type ())
G_DECLARE_FINAL_TYPE (CtoHeaderCenter, cto_header_center, CTO, HEADER_CENTER, GtkWidget)

/*
 * The middle of a header bar, made its title widget: a few widgets and a
 * view switcher on the left, next to what the bar packs at its start, and
 * the window's title centred in the bar. It fills the bar between its
 * start and its end. The title whole comes first: the widgets and the wide
 * switcher (names beside icons) where they fit beside it, else the widgets
 * and the narrow switcher (names below icons), else the narrow switcher
 * alone. Where the title cannot be whole, the widgets and the wide switcher
 * where they fit beside the title cut to its shortest; else only the
 * narrow switcher, so that the window keeps to a small screen in a
 * language of long words: the widgets that go must be ones whose actions
 * the keyboard and the main menu also offer.
 * Built from a .ui file with children of types "start" (optional), "wide",
 * "narrow" and "title".
 */
/* Whether the narrow switcher is shown. */
gboolean cto_header_center_get_compact (CtoHeaderCenter *self);

G_END_DECLS
