/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "cto-analysis.h"
#include "cto-plan.h"

G_BEGIN_DECLS

typedef enum
{
  CTO_DIFF_VALUE_NULL,
  CTO_DIFF_VALUE_STRING,
  CTO_DIFF_VALUE_NUMBER,
  CTO_DIFF_VALUE_BOOLEAN,
} CtoDiffValueType;

/* The value of a compared member, its default when the file left it out. */
typedef struct
{
  CtoDiffValueType  type;
  char             *string;
  double            number;
  gboolean          boolean;
} CtoDiffValue;

/* One member that changed: "capacity", "function", … with both values. */
typedef struct
{
  const char   *field;   /* the member's name in plan files */
  CtoDiffValue  before;
  CtoDiffValue  after;
} CtoDiffField;

/*
 * A person or responsibility found in both plans with something changed.
 * @before and @after are the CtoPerson or CtoResponsibility of each plan.
 * @assignees_changed only for responsibilities, when the sets of
 * {person, share, accountable} differ.
 */
typedef struct
{
  const char *id;
  gpointer    before;
  gpointer    after;
  GArray     *fields;             /* CtoDiffField, in the order of PLAN-FORMAT.md §7 */
  gboolean    assignees_changed;
} CtoDiffChange;

#define CTO_TYPE_PLAN_DIFF (cto_plan_diff_get_type ())
G_DECLARE_FINAL_TYPE (CtoPlanDiff, cto_plan_diff, CTO, PLAN_DIFF, GObject)

/*
 * What changed from @old_plan to @new_plan (PLAN-FORMAT.md, section 7): a
 * snapshot made once, a pure function of the two plans. A @new_plan as of
 * a day is compared with @old_plan as of the same day.
 */
CtoPlanDiff             *cto_plan_diff_new                     (CtoPlan     *old_plan,
                                                                CtoPlan     *new_plan);
CtoPlan                 *cto_plan_diff_get_old_plan            (CtoPlanDiff *self);
CtoPlan                 *cto_plan_diff_get_new_plan            (CtoPlanDiff *self);

/* CtoPerson* of the new plan, in its order. */
GPtrArray               *cto_plan_diff_get_added_people        (CtoPlanDiff *self);
/* CtoPerson* of the old plan, in its order. */
GPtrArray               *cto_plan_diff_get_removed_people      (CtoPlanDiff *self);
/* CtoDiffChange*, in the new plan's order. */
GPtrArray               *cto_plan_diff_get_changed_people      (CtoPlanDiff *self);
GPtrArray               *cto_plan_diff_get_added_responsibilities   (CtoPlanDiff *self);
GPtrArray               *cto_plan_diff_get_removed_responsibilities (CtoPlanDiff *self);
GPtrArray               *cto_plan_diff_get_changed_responsibilities (CtoPlanDiff *self);

/* The analyses of both plans, for each function before and after. */
CtoAnalysis             *cto_plan_diff_get_old_analysis        (CtoPlanDiff *self);
CtoAnalysis             *cto_plan_diff_get_new_analysis        (CtoPlanDiff *self);
/* Whether the status, bus factor, hiring gap or overload of @function differ. */
gboolean                 cto_plan_diff_function_changed        (CtoPlanDiff *self,
                                                                CtoFunction  function);

/* Whether nothing was added, removed or changed. */
gboolean                 cto_plan_diff_is_empty                (CtoPlanDiff *self);

G_END_DECLS
