/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cto-analysis.h"

G_BEGIN_DECLS

#define CTO_TYPE_PERSON_CARD (cto_person_card_get_type ())
G_DECLARE_FINAL_TYPE (CtoPersonCard, cto_person_card, CTO, PERSON_CARD, GtkBox)

GtkWidget *cto_person_card_new               (void);
/* Shows @person and follows @analysis until unbound. With @defer_details the
 * card leaves out the responsibilities its person carries, the avatar and the
 * menu until cto_person_card_show_details(): a board shows them on the cards
 * that come into view, and only the name and load on the cards it keeps out
 * of view. */
void       cto_person_card_bind              (CtoPersonCard *self,
                                              CtoPerson     *person,
                                              CtoAnalysis   *analysis,
                                              gboolean       defer_details);
void       cto_person_card_unbind            (CtoPersonCard *self);
/* Shows the card as of the day of @as_of, an analysis of a plan made by
 * cto_plan_copy_as_of() (%NULL: the whole plan): the load of that day, and
 * a person not there yet or gone dimmed, saying so in words. */
void       cto_person_card_set_as_of         (CtoPersonCard *self,
                                              CtoAnalysis   *as_of);
CtoPerson *cto_person_card_get_person        (CtoPersonCard *self);
void       cto_person_card_show_details      (CtoPersonCard *self);
gboolean   cto_person_card_get_details_shown (CtoPersonCard *self);
/* Opens the card's menu, as the Menu key does. */
void       cto_person_card_popup_menu        (CtoPersonCard *self);
/* A card whose details wait keeps the height its chips will take, learnt
 * from the cards laid out with theirs: a card laid out with its chips tells
 * it, a card whose details wait takes it up. %TRUE when its height changed. */
gboolean   cto_person_card_sync_placeholder  (CtoPersonCard *self);

G_END_DECLS
