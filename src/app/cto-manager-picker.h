/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cto-plan.h"

G_BEGIN_DECLS

#define CTO_TYPE_MANAGER_PICKER (cto_manager_picker_get_type ())
G_DECLARE_FINAL_TYPE (CtoManagerPicker, cto_manager_picker, CTO, MANAGER_PICKER, GtkPopover)

/*
 * The choice of whom a person reports to, for plans of any size: a search
 * field over the choices. Typing filters, Down goes into the list, Enter in
 * the field picks the top match.
 */
GtkWidget *cto_manager_picker_new       (void);

/*
 * Shows @menu: the items of its first section are the choices (each with
 * its action and target, the one whose target is @current marked; one
 * with no action but a "cto-unavailable" reason shown out of reach, with
 * the reason), the label of that section, if any, their heading; the items
 * of the other sections are buttons below them.
 */
void       cto_manager_picker_set_menu  (CtoManagerPicker *self,
                                         GMenuModel       *menu,
                                         const char       *current);

/*
 * The choices of whom @person may report to in @plan, for
 * cto_manager_picker_set_menu(): a section, labelled with the question
 * whom @person reports to, of "No One" and of everyone else, each with
 * @action and the person's id as target ("" for no one); those whose line
 * would close a cycle (those below @person) have no action and say why in
 * the attribute "cto-unavailable". @person is %NULL for someone not yet in
 * the plan, who may report to anyone.
 */
GMenu     *cto_manager_picker_build_menu (CtoPlan    *plan,
                                          CtoPerson  *person,
                                          const char *action);

G_END_DECLS
