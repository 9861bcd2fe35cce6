/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cto-plan.h"

G_BEGIN_DECLS

#define CTO_TYPE_RESPONSIBILITY_DIALOG (cto_responsibility_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CtoResponsibilityDialog, cto_responsibility_dialog, CTO, RESPONSIBILITY_DIALOG, AdwWindow)

/*
 * Adds a responsibility of @function to @plan (@responsibility %NULL) or edits
 * @responsibility; what it saves is one undoable step, and ::saved says
 * which. Deleting asks @parent's win.delete-responsibility action.
 */
GtkWidget *cto_responsibility_dialog_new (GtkWindow         *parent,
                                          CtoPlan           *plan,
                                          CtoResponsibility *responsibility,
                                          CtoFunction        function);

G_END_DECLS
