/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cto-departure.h"

G_BEGIN_DECLS

#define CTO_TYPE_WHAT_IF_BAR (cto_what_if_bar_get_type ())
G_DECLARE_FINAL_TYPE (CtoWhatIfBar, cto_what_if_bar, CTO, WHAT_IF_BAR, GtkBox)

GtkWidget *cto_what_if_bar_new           (void);
/* Says what @departure means: the hours to pick up, what is left
 * unassigned, where the accountable person is lost, each function before →
 * after, and @suggestions (taken), those for the plan without the person,
 * cto_suggestions_new() of its plan after. Its buttons
 * run win.what-if-open-role, win.what-if-remove, win.what-if-remove-apply
 * (with the suggestions) and win.what-if-close. */
void       cto_what_if_bar_set_departure (CtoWhatIfBar   *self,
                                          CtoDeparture   *departure,
                                          CtoSuggestions *suggestions);
/* While the departure of @person from a plan, as of @day when not NULL, is
 * worked out: the bar's heading, and that it is being worked out. */
void       cto_what_if_bar_set_working   (CtoWhatIfBar   *self,
                                          CtoPerson      *person,
                                          const GDate    *day);
/* Whether it shows that. */
gboolean   cto_what_if_bar_get_working   (CtoWhatIfBar   *self);
/* The suggestions it shows, for the plan without the person; NULL before a
 * departure is set, or once taken. */
CtoSuggestions *cto_what_if_bar_get_suggestions  (CtoWhatIfBar *self);
/* Takes them: with a copy of the plan, they are let go of as the drill ends. */
CtoSuggestions *cto_what_if_bar_take_suggestions (CtoWhatIfBar *self);
/* Fits the bar to a window @height tall: what it says scrolls beyond two
 * fifths of that. */
void       cto_what_if_bar_fit_height    (CtoWhatIfBar *self,
                                          int           height);
/* For a drill just begun: shows the bar from its heading, whatever the last
 * drill scrolled to, and moves the focus to the first choice. */
void       cto_what_if_bar_begin         (CtoWhatIfBar *self);

G_END_DECLS
