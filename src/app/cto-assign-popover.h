/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cto-analysis.h"

G_BEGIN_DECLS

#define CTO_TYPE_ASSIGN_POPOVER (cto_assign_popover_get_type ())
G_DECLARE_FINAL_TYPE (CtoAssignPopover, cto_assign_popover, CTO, ASSIGN_POPOVER, GtkPopover)

/*
 * A check per person of the plan, set for those who carry @responsibility,
 * best fit first with their free hours (as of the day of @as_of when given,
 * cto_assign_popover_set_as_of()); toggling one assigns or unassigns
 * through the window's actions, Enter in the search assigns the first.
 */
GtkWidget *cto_assign_popover_new    (CtoAnalysis       *analysis,
                                      CtoAnalysis       *as_of,
                                      CtoResponsibility *responsibility);
/* Shows free hours as of the day of @as_of, the analysis of the plan as of
 * it (cto_plan_copy_as_of()), and ranks people by them; %NULL: the plan's. */
void       cto_assign_popover_set_as_of (CtoAssignPopover *self,
                                         CtoAnalysis      *as_of);

G_END_DECLS
