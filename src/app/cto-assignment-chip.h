/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cto-analysis.h"

G_BEGIN_DECLS

#define CTO_TYPE_ASSIGNMENT_CHIP (cto_assignment_chip_get_type ())
G_DECLARE_FINAL_TYPE (CtoAssignmentChip, cto_assignment_chip, CTO, ASSIGNMENT_CHIP, GtkGrid)

/* One responsibility as carried by one person, on that person's card. */
GtkWidget         *cto_assignment_chip_new                (void);
void               cto_assignment_chip_set                (CtoAssignmentChip *self,
                                                           CtoAnalysis       *analysis,
                                                           CtoResponsibility *responsibility,
                                                           CtoPerson         *person);
CtoResponsibility *cto_assignment_chip_get_responsibility (CtoAssignmentChip *self);
CtoPerson         *cto_assignment_chip_get_person         (CtoAssignmentChip *self);
/* Whether the chip of @responsibility on @person's card has a line saying
 * who is accountable. */
gboolean           cto_assignment_chip_shows_accountable  (CtoResponsibility *responsibility,
                                                           CtoPerson         *person);

G_END_DECLS
