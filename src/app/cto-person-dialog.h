/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cto-plan.h"

G_BEGIN_DECLS

#define CTO_TYPE_PERSON_DIALOG (cto_person_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CtoPersonDialog, cto_person_dialog, CTO, PERSON_DIALOG, AdwWindow)

/*
 * Adds a person to @plan (@person %NULL) or edits @person; what it saves is
 * one undoable step, and ::saved says who. Deleting asks @parent's
 * win.delete-person action.
 */
GtkWidget *cto_person_dialog_new (GtkWindow *parent,
                                  CtoPlan   *plan,
                                  CtoPerson *person);

G_END_DECLS
