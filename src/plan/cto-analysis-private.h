/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cto-analysis.h"
#include "cto-plan-private.h"

G_BEGIN_DECLS

/* Shared by cto-analysis.c (the pass over the whole plan) and
 * cto-analysis-follow.c (following an edit of who carries what where it
 * touches, with the same sums in the same order). */

/* The public report and what the pass needs besides; the report comes first
 * so a PersonEntry* is a CtoPersonReport*. */
typedef struct
{
  CtoPersonReport report;
  guint           functions;  /* bit f set when the person carries part of function f */
  guint           generation; /* of the analysis when last worked out */
} PersonEntry;

/* What the analysis counts of each responsibility, kept so that an edit of
 * its assignees takes back exactly what it counted before. */
enum
{
  COUNTS_COVERED             = 1 << 0,
  COUNTS_WITHOUT_ACCOUNTABLE = 1 << 1,
  COUNTS_WAITING_FOR_HIRE    = 1 << 2,
};

struct _CtoAnalysis
{
  GObject            parent_instance;

  CtoPlan           *plan;
  gulong             plan_changed_id;

  CtoFunctionReport  functions[CTO_N_FUNCTIONS];
  GPtrArray         *people;        /* PersonEntry*, in plan order */
  GHashTable        *people_by_id;  /* person id → PersonEntry*, borrowed */
  GPtrArray         *unassigned;    /* CtoResponsibility*, in plan order */

  /* To follow an edit of who carries what without going over the whole
   * plan again (PLAN-FORMAT.md section 3 either way, with the same sums in
   * the same order): */
  guint              serial;        /* of the plan's ::changed last followed */
  GByteArray        *counts;        /* COUNTS_* of each responsibility, in plan order */
  GHashTable        *positions;     /* CtoResponsibility* → position + 1; made when needed */
  guint              generation;    /* of the last recompute */
  gboolean           whole;         /* the last recompute went over the whole plan */
  GPtrArray         *changed_responsibilities; /* CtoResponsibility*, when not whole */
  GPtrArray         *changed_people;           /* CtoPerson*, when not whole */
  gboolean           function_changed[CTO_N_FUNCTIONS];
};

guint8   _cto_analysis_responsibility_counts (CtoResponsibility  *responsibility,
                                              PersonEntry * const *entries,
                                              guint               n_assignees);
void     _cto_analysis_add_counts            (CtoFunctionReport  *report,
                                              guint8              counts,
                                              int                 sign);
void     _cto_analysis_finish_person         (PersonEntry        *entry,
                                              double              threshold);
void     _cto_analysis_finish_functions      (CtoAnalysis        *self);
void     _cto_analysis_recompute             (CtoAnalysis        *self);
/* Follows @changes (CtoAssigneesChange*); FALSE when it cannot, and the
 * whole plan must be gone over. */
gboolean _cto_analysis_follow_assignees      (CtoAnalysis        *self,
                                              GPtrArray          *changes);

G_END_DECLS
