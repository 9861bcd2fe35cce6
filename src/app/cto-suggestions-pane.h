/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cto-suggestions.h"

G_BEGIN_DECLS

#define CTO_TYPE_SUGGESTIONS_PANE (cto_suggestions_pane_get_type ())
G_DECLARE_FINAL_TYPE (CtoSuggestionsPane, cto_suggestions_pane, CTO, SUGGESTIONS_PANE, GtkBox)

GtkWidget *cto_suggestions_pane_new             (void);
/* Shows @suggestions in words, and what stays unresolved. With @can_apply,
 * each has an Apply button (win.apply-suggestion, its position) and the
 * list an Apply All (win.apply-all-suggestions). */
void       cto_suggestions_pane_set_suggestions (CtoSuggestionsPane *self,
                                                 CtoSuggestions     *suggestions,
                                                 gboolean            can_apply);
/* For suggestions shown without @can_apply: an Apply All of another kind
 * under their heading, @label (with a mnemonic) for @action_name, shown
 * when there is one or more; styled as destructive, as it does more than
 * apply them (it removes the person they were made without). */
void       cto_suggestions_pane_set_read_only_action (CtoSuggestionsPane *self,
                                                      const char         *label,
                                                      const char         *tooltip,
                                                      const char         *action_name);
/* The focus on the first suggestion, if there is one: where a popover of
 * the pane opens, rather than on Apply All above the list, which a second
 * Enter would press. */
void       cto_suggestions_pane_focus_first     (CtoSuggestionsPane *self);
/* Before its buttons go insensitive, the suggestions being out of date
 * (GTK then puts the focus nowhere): where the focus is in the pane, if it
 * is, to be given back by the next cto_suggestions_pane_set_suggestions():
 * to the Apply now in its place, else Apply All, else, with nothing left
 * to apply, to the button that opened the popover the pane is in. */
void       cto_suggestions_pane_remember_focus  (CtoSuggestionsPane *self);

G_END_DECLS
