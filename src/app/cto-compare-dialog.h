/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cto-plan-diff.h"

G_BEGIN_DECLS

#define CTO_TYPE_COMPARE_DIALOG (cto_compare_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CtoCompareDialog, cto_compare_dialog, CTO, COMPARE_DIALOG, AdwWindow)

/*
 * What changed from one plan to another (PLAN-FORMAT.md, section 7): each
 * function's status, bus factor, hiring gap and overload before → after,
 * then the people and responsibilities added, removed and changed, in
 * words and icons. @old_name names the plan compared with. @day_shown,
 * the day the window shows the plan as of, or %NULL: the dialog compares
 * the whole plans and says that the board pages compare them as of that day.
 */
GtkWidget   *cto_compare_dialog_new      (GtkWindow   *parent,
                                          CtoPlanDiff *diff,
                                          const char  *old_name,
                                          const GDate *day_shown);
CtoPlanDiff *cto_compare_dialog_get_diff (CtoCompareDialog *self);

G_END_DECLS
