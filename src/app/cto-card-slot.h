/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cto-analysis.h"
#include "cto-person-card.h"

G_BEGIN_DECLS

#define CTO_TYPE_CARD_SLOT (cto_card_slot_get_type ())
G_DECLARE_FINAL_TYPE (CtoCardSlot, cto_card_slot, CTO, CARD_SLOT, GtkWidget)

GtkWidget     *cto_card_slot_new           (void);
/* Binds the slot to @person; with @defer, the card is not made yet (a
 * card made before stays, and shows @person without its details). */
void           cto_card_slot_bind          (CtoCardSlot *self,
                                            CtoPerson   *person,
                                            CtoAnalysis *analysis,
                                            gboolean     defer);
void           cto_card_slot_unbind        (CtoCardSlot *self);
CtoPerson     *cto_card_slot_get_person    (CtoCardSlot *self);
/* The card, or %NULL while the slot waits to be shown. */
CtoPersonCard *cto_card_slot_get_card      (CtoCardSlot *self);
/* Makes the card if need be, with its details. */
void           cto_card_slot_show          (CtoCardSlot *self);
/* Whether the card shows with its details. */
gboolean       cto_card_slot_get_shown     (CtoCardSlot *self);
void           cto_card_slot_set_as_of     (CtoCardSlot *self,
                                            CtoAnalysis *as_of);

G_END_DECLS
