/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cto-analysis.h"

G_BEGIN_DECLS

#define CTO_TYPE_ORG_NODE (cto_org_node_get_type ())
G_DECLARE_FINAL_TYPE (CtoOrgNode, cto_org_node, CTO, ORG_NODE, GtkWidget)

/*
 * A person's box in the org chart: name, role, open role, the functions
 * they carry, overload. Activating it opens a menu of whom they can report
 * to; a choice there, or another box dropped on it, activates
 * win.set-reports-to. The org chart view sets it again after each change
 * of the plan.
 */
GtkWidget  *cto_org_node_new             (void);

void        cto_org_node_set             (CtoOrgNode  *self,
                                          CtoAnalysis *analysis,
                                          CtoPerson   *person);
/* Shows the person as of the day of @as_of, the analysis of the plan as of
 * it: what they carry and their overload then, and someone not there dimmed,
 * saying so ("Left 1 July 2027"). %NULL: the whole plan. */
void        cto_org_node_set_as_of       (CtoOrgNode  *self,
                                          CtoAnalysis *as_of);
CtoPerson  *cto_org_node_get_person      (CtoOrgNode  *self);
/* Shows the menu of managers. */
void        cto_org_node_popup           (CtoOrgNode  *self);
/* The menu as it would show now: "No one" and everyone @person can
 * report to without closing a cycle. */
GMenuModel *cto_org_node_build_menu      (CtoOrgNode  *self);

G_END_DECLS
