/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cto-analysis.h"
#include "cto-org-layout.h"

G_BEGIN_DECLS

#define CTO_TYPE_ORG_CHART_VIEW (cto_org_chart_view_get_type ())
G_DECLARE_FINAL_TYPE (CtoOrgChartView, cto_org_chart_view, CTO, ORG_CHART_VIEW, GtkWidget)

/*
 * The reporting lines of a plan as a tree of boxes (CtoOrgNode), laid out
 * by CtoOrgLayout like the org chart of the board pages. Dropping a box on
 * another makes its person report to the other; dropping it on empty space
 * makes them report to no one. Both go through win.set-reports-to.
 *
 * The boxes are made when the view is shown, and again after each change
 * of the plan while it is shown.
 */
GtkWidget    *cto_org_chart_view_new          (void);

void          cto_org_chart_view_set_analysis (CtoOrgChartView *self,
                                               CtoAnalysis     *analysis);
CtoAnalysis  *cto_org_chart_view_get_analysis (CtoOrgChartView *self);

/* The box of @person (made now if the view is out of date), or %NULL. */
GtkWidget    *cto_org_chart_view_get_node     (CtoOrgChartView *self,
                                               CtoPerson       *person);
/* The layout the boxes are placed by, up to date. */
CtoOrgLayout *cto_org_chart_view_get_layout   (CtoOrgChartView *self);
/* Moves the focus to @person's box and opens its menu of managers. */
void          cto_org_chart_view_popup        (CtoOrgChartView *self,
                                               CtoPerson       *person);

G_END_DECLS
