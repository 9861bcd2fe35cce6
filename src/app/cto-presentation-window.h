/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cto-board-pages.h"

G_BEGIN_DECLS

#define CTO_TYPE_PRESENTATION_WINDOW (cto_presentation_window_get_type ())
G_DECLARE_FINAL_TYPE (CtoPresentationWindow, cto_presentation_window, CTO, PRESENTATION_WINDOW, AdwWindow)

/*
 * The board pages of @analysis, one at a time, scaled to fit the window:
 * the arrow keys, space, Page Up and Page Down, Home and End move, Escape
 * leaves. The pages follow edits of the plan as they happen.
 */
GtkWidget     *cto_presentation_window_new          (GtkWindow             *parent,
                                                     CtoAnalysis           *analysis);

/* Another plan: shows its pages, from the same kind of page if it can. */
void           cto_presentation_window_set_analysis (CtoPresentationWindow *self,
                                                     CtoAnalysis           *analysis);
CtoBoardPages *cto_presentation_window_get_pages    (CtoPresentationWindow *self);

/* The page shown, from 0. */
guint          cto_presentation_window_get_page     (CtoPresentationWindow *self);
void           cto_presentation_window_set_page     (CtoPresentationWindow *self,
                                                     guint                  page);
guint          cto_presentation_window_get_n_pages  (CtoPresentationWindow *self);

G_END_DECLS
