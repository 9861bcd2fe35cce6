/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "cto-analysis.h"
#include "cto-plan.h"

G_BEGIN_DECLS

typedef enum
{
  CTO_SUGGESTION_MOVE,    /* one person's place on a responsibility goes to another */
  CTO_SUGGESTION_ASSIGN,  /* an unassigned responsibility goes to one person */
} CtoSuggestionKind;

/**
 * CtoSuggestion:
 * @kind: a move or an assignment
 * @responsibility: the id of the responsibility
 * @function: its function
 * @from: the id of the person who gives it up; %NULL for an assignment
 * @to: the id of the person who takes it
 * @hours: the hours per week that change hands
 * @from_load: @from's load once this suggestion and those before are applied
 * @to_load: @to's load once this suggestion and those before are applied
 *
 * One suggestion of PLAN-FORMAT.md section 5.2. Owned by its CtoSuggestions.
 */
typedef struct
{
  CtoSuggestionKind  kind;
  char              *responsibility;
  CtoFunction        function;
  char              *from;
  char              *to;
  double             hours;
  double             from_load;
  double             to_load;
} CtoSuggestion;

#define CTO_TYPE_SUGGESTIONS (cto_suggestions_get_type ())
G_DECLARE_FINAL_TYPE (CtoSuggestions, cto_suggestions, CTO, SUGGESTIONS, GObject)

/*
 * The rebalancing suggestions for @plan as it is now (PLAN-FORMAT.md, section
 * 5.2), with what stays unresolved and the plan with every suggestion
 * applied. @plan is never touched.
 */
CtoSuggestions      *cto_suggestions_new              (CtoPlan        *plan);

guint                cto_suggestions_get_n_items      (CtoSuggestions *self);
const CtoSuggestion *cto_suggestions_get_nth          (CtoSuggestions *self,
                                                       guint           position);
/* Ids of the people still overloaded after every suggestion, in plan order. */
GPtrArray           *cto_suggestions_get_unresolved_overloaded (CtoSuggestions *self);
/* Ids of the responsibilities still without assignees, in plan order. */
GPtrArray           *cto_suggestions_get_unresolved_unassigned (CtoSuggestions *self);
/* A copy of the plan with every suggestion applied, and its analysis. */
CtoPlan             *cto_suggestions_get_plan_after     (CtoSuggestions *self);
CtoAnalysis         *cto_suggestions_get_analysis_after (CtoSuggestions *self);

/*
 * Applies @suggestion to @plan as one undoable step. FALSE (and nothing
 * changed) when the plan no longer allows it: a person or responsibility is
 * gone, @from no longer carries it, @to already does.
 */
gboolean             cto_suggestion_apply             (const CtoSuggestion *suggestion,
                                                       CtoPlan             *plan);
/* The suggestion at @position of @self applied to @plan, as one undoable
 * step; for suggestions made for @plan as of a day, and @joined, see the
 * function's documentation. */
gboolean             cto_suggestions_apply_nth        (CtoSuggestions *self,
                                                       guint           position,
                                                       CtoPlan        *plan,
                                                       gboolean       *joined);
/* Applies every suggestion of @self to @plan as one undoable step; returns
 * how many could be applied. Made for @plan as of a day, they apply as
 * cto_suggestions_apply_nth() says, and @n_joined counts those that joined. */
guint                cto_suggestions_apply_all        (CtoSuggestions *self,
                                                       CtoPlan        *plan,
                                                       guint          *n_joined);

G_END_DECLS
