/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cto-analysis.h"

G_BEGIN_DECLS

#define CTO_TYPE_PERSON_CARD (cto_person_card_get_type ())
G_DECLARE_FINAL_TYPE (CtoPersonCard, cto_person_card, CTO, PERSON_CARD, GtkBox)

GtkWidget *cto_person_card_new        (void);
/* Shows @person and follows @analysis until unbound. */
void       cto_person_card_bind       (CtoPersonCard *self,
                                       CtoPerson     *person,
                                       CtoAnalysis   *analysis);
void       cto_person_card_unbind     (CtoPersonCard *self);
CtoPerson *cto_person_card_get_person (CtoPersonCard *self);

G_END_DECLS
