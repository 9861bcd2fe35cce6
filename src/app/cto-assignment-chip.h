/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cto-analysis.h"

G_BEGIN_DECLS

#define CTO_TYPE_ASSIGNMENT_CHIP (cto_assignment_chip_get_type ())
G_DECLARE_FINAL_TYPE (CtoAssignmentChip, cto_assignment_chip, CTO, ASSIGNMENT_CHIP, GtkGrid)

/* One responsibility as carried by one person, on that person's card. */
GtkWidget         *cto_assignment_chip_new                (void);
/* The chip of @responsibility carried by @person in the plan of @analysis;
 * its hours, share and who is accountable as of a day when @as_of, the
 * analysis of the plan as of that day, is given and the person is there
 * then. What the chip edits is the plan of @analysis. */
void               cto_assignment_chip_set                (CtoAssignmentChip *self,
                                                           CtoAnalysis       *analysis,
                                                           CtoResponsibility *responsibility,
                                                           CtoPerson         *person,
                                                           CtoAnalysis       *as_of);
/* Where the chip of @responsibility carried by @person takes its figures
 * from: the responsibility's twin in the plan of @as_of, with @figures set
 * to @as_of, when @as_of is given and both are there on its day; else
 * @responsibility itself, with @figures set to @analysis. */
CtoResponsibility *cto_assignment_chip_figures_of         (CtoAnalysis        *analysis,
                                                           CtoAnalysis        *as_of,
                                                           CtoResponsibility  *responsibility,
                                                           CtoPerson          *person,
                                                           CtoAnalysis       **figures);
/* The hours the chip shows: @person's on @responsibility, from where
 * cto_assignment_chip_figures_of() says. */
double             cto_assignment_chip_hours_of           (CtoAnalysis       *analysis,
                                                           CtoAnalysis       *as_of,
                                                           CtoResponsibility *responsibility,
                                                           CtoPerson         *person);
CtoResponsibility *cto_assignment_chip_get_responsibility (CtoAssignmentChip *self);
CtoPerson         *cto_assignment_chip_get_person         (CtoAssignmentChip *self);
/* Opens the chip's Share, Accountable and Move popover, as the Menu key does. */
void               cto_assignment_chip_popup              (CtoAssignmentChip *self);
/* Whether the chip of @responsibility on @person's card has a line saying
 * who is accountable. */
gboolean           cto_assignment_chip_shows_accountable  (CtoResponsibility *responsibility,
                                                           CtoPerson         *person);

G_END_DECLS
