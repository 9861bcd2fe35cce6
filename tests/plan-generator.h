/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cto-plan.h"

G_BEGIN_DECLS

/*
 * Random plans for properties that must hold for every plan: people with
 * capacities, open roles, reporting lines and (when @dates) start and end
 * days in 2026–2029; responsibilities in every function with shared,
 * accountable and missing assignees. The same @seed gives the same plan.
 */
CtoPlan *plan_generator_new    (guint32   seed,
                                gboolean  dates);
/* A copy of @plan with random edits: people and responsibilities added,
 * removed and changed, assignments moved. */
CtoPlan *plan_generator_mutate (CtoPlan  *plan,
                                guint32   seed);

G_END_DECLS
