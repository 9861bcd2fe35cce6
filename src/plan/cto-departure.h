/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "cto-analysis.h"
#include "cto-plan.h"
#include "cto-suggestions.h"

G_BEGIN_DECLS

/* How one function fares when the person leaves. */
typedef struct
{
  CtoFunction  function;
  CtoCoverage  status_before;
  CtoCoverage  status_after;
  guint        bus_factor_before;
  guint        bus_factor_after;
} CtoDepartureFunction;

#define CTO_TYPE_DEPARTURE (cto_departure_get_type ())
G_DECLARE_FINAL_TYPE (CtoDeparture, cto_departure, CTO, DEPARTURE, GObject)

/*
 * What happens when @person_id leaves @plan (PLAN-FORMAT.md, section 5.1),
 * worked out once: the plan without them and its analysis, the hours others
 * must pick up, what is left unassigned, where the accountable person is
 * lost, and each function before and after. @plan is never touched; later
 * edits of it do not change the departure. %NULL when @person_id names no one.
 */
CtoDeparture               *cto_departure_new                 (CtoPlan      *plan,
                                                               const char   *person_id);

/* The figures alone, from the analysis of the plan as it is now: no plan
 * after (its getters give %NULL). For asking about everybody at once. */
CtoDeparture               *cto_departure_new_figures         (CtoAnalysis  *analysis,
                                                               CtoPerson    *person);

/* The person who leaves, of the plan it was made from. */
CtoPerson                  *cto_departure_get_person          (CtoDeparture *self);
/* The plan it was made from, and the plan without the person. */
CtoPlan                    *cto_departure_get_plan            (CtoDeparture *self);
CtoPlan                    *cto_departure_get_plan_after      (CtoDeparture *self);
/* Analyses of both; each follows its plan. */
CtoAnalysis                *cto_departure_get_analysis_before (CtoDeparture *self);
CtoAnalysis                *cto_departure_get_analysis_after  (CtoDeparture *self);
/* load(ID): the hours per week the others must pick up. */
double                      cto_departure_get_hours           (CtoDeparture *self);
/* CtoResponsibility* of the plan made from, whose only assignee was the
 * person, in plan order. */
GPtrArray                  *cto_departure_get_left_unassigned (CtoDeparture *self);
/* CtoResponsibility* where the person was accountable and others remain. */
GPtrArray                  *cto_departure_get_accountable_lost (CtoDeparture *self);
/* Those of them that two or more would still share, with no one
 * accountable: where one remains, they are accountable by nature. */
GPtrArray                  *cto_departure_get_left_without_accountable (CtoDeparture *self);
const CtoDepartureFunction *cto_departure_get_function        (CtoDeparture *self,
                                                               CtoFunction   function);

G_END_DECLS

G_BEGIN_DECLS

/*
 * The departure made real, each as one undoable step of @plan: the person
 * removed as the what-if shows it (reports go to their manager), or their
 * seat turned into an open role that keeps their responsibilities and
 * reports. FALSE when @person_id names nobody.
 */
gboolean cto_departure_remove_person   (CtoPlan    *plan,
                                        const char *person_id);
gboolean cto_departure_make_open_role  (CtoPlan    *plan,
                                        const char *person_id);

/* The person removed, then the suggestions for the plan without them
 * applied, in one step (see the .c). */
int      cto_departure_remove_and_apply (CtoPlan        *plan,
                                         const char     *person_id,
                                         CtoSuggestions *suggestions,
                                         guint          *n_joined);

G_END_DECLS
