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
/* The smallest zoom shows a tree of a few hundred people whole. */
#define CTO_ORG_CHART_MIN_ZOOM 0.02
#define CTO_ORG_CHART_MAX_ZOOM 2.0

GtkWidget    *cto_org_chart_view_new          (void);

void          cto_org_chart_view_set_analysis (CtoOrgChartView *self,
                                               CtoAnalysis     *analysis);
CtoAnalysis  *cto_org_chart_view_get_analysis (CtoOrgChartView *self);

/* The box of @person (made now if the view is out of date), or %NULL. */
GtkWidget    *cto_org_chart_view_get_node     (CtoOrgChartView *self,
                                               CtoPerson       *person);
/* The layout the boxes are placed by, up to date. */
CtoOrgLayout *cto_org_chart_view_get_layout   (CtoOrgChartView *self);
/* Shows each box as of the day of @as_of (cto_org_node_set_as_of()); the
 * chart stays the whole plan's. %NULL: the whole plan. */
void          cto_org_chart_view_set_as_of    (CtoOrgChartView *self,
                                               CtoAnalysis     *as_of);
/* Scrolls @person's box into view once the chart has placed it: after an
 * edit moves it, at the next layout. */
void          cto_org_chart_view_reveal       (CtoOrgChartView *self,
                                               CtoPerson       *person);
/* Moves the focus to @person's box and opens its menu of managers. */
void          cto_org_chart_view_popup        (CtoOrgChartView *self,
                                               CtoPerson       *person);

/* 1 draws the boxes at their natural size. */
void          cto_org_chart_view_set_zoom     (CtoOrgChartView *self,
                                               double           zoom);
double        cto_org_chart_view_get_zoom     (CtoOrgChartView *self);
/* The zoom at which the whole tree fits @width × @height, at most 1. */
double        cto_org_chart_view_get_fit_zoom (CtoOrgChartView *self,
                                               int              width,
                                               int              height);
/* Where the centre of the first root's box is drawn, at the current zoom
 * and allocation; %FALSE when there is no one. */
gboolean      cto_org_chart_view_get_root_centre (CtoOrgChartView *self,
                                                  double          *x,
                                                  double          *y);

G_END_DECLS
