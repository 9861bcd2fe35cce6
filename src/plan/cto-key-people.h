/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "cto-departure.h"

G_BEGIN_DECLS

/*
 * Key-person risk: what the plan would lose with each person, as the
 * departure of PLAN-FORMAT.md section 5.1 says it, worst first.
 */

/* A function drops when a person leaves: its status or its bus factor
 * changes. */
gboolean   cto_key_people_function_drops (const CtoDepartureFunction *function);
/* How many of the four functions drop, and how many change status. */
guint      cto_key_people_count_drops    (CtoDeparture               *departure);
guint      cto_key_people_count_status   (CtoDeparture               *departure);

/* Whether something would be left uncovered: a responsibility left
 * unassigned, or shared with no one accountable, a function whose status
 * changes, or one that would come to rest on one person or on hires alone
 * (bus factor falling to 1 or 0). */
gboolean   cto_key_people_is_at_risk     (CtoDeparture               *departure);

/* Worst first: most responsibilities left unassigned, then most functions
 * whose status changes, then most left shared with no one accountable
 * (cto_departure_get_left_without_accountable()), then most functions whose
 * bus factor falls, then most hours
 * (within the tolerance of section 3), then plan order. */
int        cto_key_people_compare        (CtoDeparture               *a,
                                          CtoDeparture               *b);

/* The departure (CtoDeparture*, figures alone: cto_departure_new_figures())
 * of each person of the analysed plan who is not an open role, worst first.
 * Free with g_ptr_array_unref(). */
GPtrArray *cto_key_people_new            (CtoAnalysis                *analysis);

G_END_DECLS
