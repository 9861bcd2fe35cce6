/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cto-plan.h"

G_BEGIN_DECLS

/* A deterministic plan of @n_people and @n_responsibilities, with reporting
 * lines, one to three assignees each, and accountable assignees. */
CtoPlan *cto_bench_plan_new (guint n_people,
                             guint n_responsibilities);

G_END_DECLS
