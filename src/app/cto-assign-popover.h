/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cto-plan.h"

G_BEGIN_DECLS

#define CTO_TYPE_ASSIGN_POPOVER (cto_assign_popover_get_type ())
G_DECLARE_FINAL_TYPE (CtoAssignPopover, cto_assign_popover, CTO, ASSIGN_POPOVER, GtkPopover)

/*
 * A check per person of @plan, set for those who carry @responsibility;
 * toggling one assigns or unassigns through the window's actions.
 */
GtkWidget *cto_assign_popover_new (CtoPlan           *plan,
                                   CtoResponsibility *responsibility);

G_END_DECLS
