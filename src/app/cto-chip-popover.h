/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cto-analysis.h"

G_BEGIN_DECLS

#define CTO_TYPE_CHIP_POPOVER (cto_chip_popover_get_type ())
G_DECLARE_FINAL_TYPE (CtoChipPopover, cto_chip_popover, CTO, CHIP_POPOVER, GtkPopover)

/*
 * What a drag of a chip does, without a pointer: set @person's share of
 * @responsibility in hours or percent, mark them accountable, move it to or
 * share it with someone else (best fit first, with free hours: as of the
 * day of @as_of when given, the analysis of the plan as of that day),
 * unassign it.
 */
GtkWidget *cto_chip_popover_new (CtoAnalysis       *analysis,
                                 CtoAnalysis       *as_of,
                                 CtoResponsibility *responsibility,
                                 CtoPerson         *person);

G_END_DECLS
