/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "cto-plan.h"

G_BEGIN_DECLS

typedef enum
{
  CTO_COVERAGE_EMPTY,      /* the function has no responsibilities */
  CTO_COVERAGE_UNCOVERED,  /* none of them has an assignee */
  CTO_COVERAGE_PARTIAL,    /* some have */
  CTO_COVERAGE_COVERED,    /* every one has */
} CtoCoverage;

/* "empty", "uncovered", "partial", "covered" */
const char *cto_coverage_get_id   (CtoCoverage coverage);
/* Translated words: "No responsibilities", "Not covered", "Partly covered", "Covered" */
const char *cto_coverage_get_name (CtoCoverage coverage);
/* The status of a function with @n_responsibilities, @n_covered of them
 * with an assignee (PLAN-FORMAT.md section 3). */
CtoCoverage cto_coverage_from_counts (guint n_responsibilities,
                                      guint n_covered);

/* PLAN-FORMAT.md section 3, for one function. Owned by the analysis. */
typedef struct
{
  CtoFunction  function;
  CtoCoverage  status;
  gboolean     overloaded;
  guint        n_responsibilities;
  guint        n_covered;
  double       effort;
  double       unassigned_effort;
  GPtrArray   *people;              /* CtoPerson*, distinct, in plan order */
  guint        bus_factor;
  guint        waiting_for_hire;
  guint        without_accountable;
  double       gap_hours;
  double       gap_fte;
} CtoFunctionReport;

/* PLAN-FORMAT.md section 3, for one person. Owned by the analysis. */
typedef struct
{
  CtoPerson   *person;
  double       load;
  double       capacity;
  double       utilization;           /* meaningless when unbounded */
  gboolean     utilization_unbounded; /* capacity 0 and load > 0: JSON null */
  gboolean     overloaded;
  double       function_load[CTO_N_FUNCTIONS];
  GPtrArray   *responsibilities;      /* CtoResponsibility* carried, in plan order */
} CtoPersonReport;

/* The tolerance of every comparison of hours (PLAN-FORMAT.md section 3). */
#define CTO_ANALYSIS_TOLERANCE 1e-9

/* Whether @person counts in the bus factor of the functions they carry:
 * not a planned hire (an open role). */
gboolean cto_person_counts_in_bus_factor          (CtoPerson               *person);
/* Covered or partly covered, and its people are one person who is not an
 * open role (bus factor 1). */
gboolean cto_function_report_rests_on_one_person  (const CtoFunctionReport *report);
/* Covered or partly covered by planned hires alone (bus factor 0). */
gboolean cto_function_report_rests_on_hires_alone (const CtoFunctionReport *report);
/* Either of the two above: a function a board should worry about losing. */
gboolean cto_function_report_rests_on_few         (const CtoFunctionReport *report);
/* Some hours of it have nobody with room for them (gap_hours above the tolerance). */
gboolean cto_function_report_has_hiring_gap       (const CtoFunctionReport *report);

#define CTO_TYPE_ANALYSIS (cto_analysis_get_type ())
G_DECLARE_FINAL_TYPE (CtoAnalysis, cto_analysis, CTO, ANALYSIS, GObject)

/* Follows @plan: recomputed on each ::changed of the plan, then emits ::changed. */
CtoAnalysis             *cto_analysis_new               (CtoPlan     *plan);
CtoPlan                 *cto_analysis_get_plan          (CtoAnalysis *self);

const CtoFunctionReport *cto_analysis_get_function      (CtoAnalysis *self,
                                                         CtoFunction  function);
/* One report per person, in plan order. */
guint                    cto_analysis_get_n_people      (CtoAnalysis *self);
const CtoPersonReport   *cto_analysis_get_person_nth    (CtoAnalysis *self,
                                                         guint        position);
/* %NULL when @person is not in the plan. */
const CtoPersonReport   *cto_analysis_get_person        (CtoAnalysis *self,
                                                         CtoPerson   *person);
/* CtoResponsibility* without assignees, in plan order. */
GPtrArray               *cto_analysis_get_unassigned    (CtoAnalysis *self);

/* The hours of @responsibility that @person carries (0 when not assigned). */
double                   cto_analysis_get_person_hours  (CtoAnalysis       *self,
                                                         CtoResponsibility *responsibility,
                                                         const char        *person_id);

/* Whether @responsibility has assignees and every one of them is an open
 * role: it waits for a hire (PLAN-FORMAT.md section 3, `waiting_for_hire`). */
gboolean                 cto_analysis_is_waiting_for_hire (CtoAnalysis       *self,
                                                           CtoResponsibility *responsibility);
/* capacity × overload threshold − load: negative by the excess when overloaded. */
double                   cto_analysis_get_free_hours    (CtoAnalysis       *self,
                                                         CtoPerson         *person);
/* Candidates for @hours of a responsibility of @function, best first
 * (PLAN-FORMAT.md section 5.2): among its people, then most free hours,
 * then plan order; those whom @hours would overload after all others, and
 * anyone already overloaded last. */
int                      cto_analysis_compare_candidates (CtoAnalysis      *self,
                                                         CtoFunction       function,
                                                         double            hours,
                                                         CtoPerson        *a,
                                                         CtoPerson        *b);

/*
 * What the last ::changed changed, so that what shows the analysis can show
 * only that again. After an edit of who carries what alone, the analysis
 * follows it where it touches and these say where; after any other change,
 * it goes over the whole plan and they say so (%NULL, %TRUE).
 */
GPtrArray               *cto_analysis_get_changed_responsibilities (CtoAnalysis *self);
GPtrArray               *cto_analysis_get_changed_people (CtoAnalysis *self);
gboolean                 cto_analysis_person_changed    (CtoAnalysis       *self,
                                                         CtoPerson         *person);
gboolean                 cto_analysis_function_changed  (CtoAnalysis       *self,
                                                         CtoFunction        function);

G_END_DECLS
