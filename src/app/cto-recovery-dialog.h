/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cto-window.h"

G_BEGIN_DECLS

/*
 * Offers, in a dialog over @parent, to restore the unsaved changes that
 * processes which ended unexpectedly left behind (cto_recovered_plans_claim()).
 * Restored plans go into windows on their files, unsaved: into @parent when
 * it holds a new plan nobody touched, else into new windows.
 *
 * Returns: (transfer none) (nullable): the dialog, %NULL when there is nothing to restore
 */
GtkWidget *cto_recovery_dialog_offer (CtoWindow *parent);

G_END_DECLS
