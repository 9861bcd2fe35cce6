/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cto-analysis.h"
#include "cto-plan.h"

G_BEGIN_DECLS

/*
 * What a search of a plan finds: the people whose name or role holds the
 * text, case aside; the responsibilities whose title holds it, and those
 * the people found carry; and the people who carry a responsibility whose
 * title holds it. The texts are casefolded once and kept, so a change of
 * the text only compares; text that extends the old looks only at what
 * the old found.
 */

/* How what a search finds changed with its text. */
typedef enum
{
  CTO_PLAN_SEARCH_SAME,         /* the same text */
  CTO_PLAN_SEARCH_MORE_STRICT,  /* finds what it found, or less */
  CTO_PLAN_SEARCH_LESS_STRICT,  /* finds what it found, or more */
  CTO_PLAN_SEARCH_DIFFERENT,
} CtoPlanSearchChange;

#define CTO_TYPE_PLAN_SEARCH (cto_plan_search_get_type ())

G_DECLARE_FINAL_TYPE (CtoPlanSearch, cto_plan_search, CTO, PLAN_SEARCH, GObject)

/* A search of @plan (or of no plan, when NULL) with no text: it finds all. */
CtoPlanSearch       *cto_plan_search_new                  (CtoPlan           *plan);
/* Another plan, or the same one changed since (its people, their names and
 * roles, its responsibilities, their titles or assignees): finds again with
 * the same text. Sets whether what it finds changed, among the people and
 * among the responsibilities. */
void                 cto_plan_search_set_plan             (CtoPlanSearch     *self,
                                                           CtoPlan           *plan,
                                                           gboolean          *people_changed,
                                                           gboolean          *responsibilities_changed);
/* The same after an edit of who carries @responsibilities alone (@people:
 * who carried them before or carries them now, and what each carries now
 * as @analysis says): looks at those only. */
void                 cto_plan_search_assignees_changed    (CtoPlanSearch     *self,
                                                           GPtrArray         *responsibilities,
                                                           GPtrArray         *people,
                                                           CtoAnalysis       *analysis,
                                                           gboolean          *people_changed,
                                                           gboolean          *responsibilities_changed);
/* Reads the plan's names, roles and titles now, if they changed since, so
 * that the next text only compares: for when the user is not typing. */
void                 cto_plan_search_prepare              (CtoPlanSearch     *self);
/* @text as typed; NULL or "" for none. */
CtoPlanSearchChange  cto_plan_search_set_text             (CtoPlanSearch     *self,
                                                           const char        *text);
/* The text casefolded, or NULL when there is none. */
const char          *cto_plan_search_get_text             (CtoPlanSearch     *self);
/* Whether the search finds @person; with no text, everyone. Someone the
 * search has not seen yet (added since the plan was set) is not found. */
gboolean             cto_plan_search_finds_person         (CtoPlanSearch     *self,
                                                           CtoPerson         *person);
gboolean             cto_plan_search_finds_responsibility (CtoPlanSearch     *self,
                                                           CtoResponsibility *responsibility);

G_END_DECLS
