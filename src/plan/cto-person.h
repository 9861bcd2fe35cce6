/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CTO_TYPE_PERSON (cto_person_get_type ())
G_DECLARE_FINAL_TYPE (CtoPerson, cto_person, CTO, PERSON, GObject)

/**
 * cto_person_new:
 *
 * Creates a person who is not yet part of a plan. Once inserted with
 * cto_plan_insert_person(), a person is changed only through the plan's
 * edit operations, so that every change can be undone.
 */
CtoPerson  *cto_person_new             (const char *id,
                                        const char *name,
                                        const char *role,
                                        double      capacity,
                                        gboolean    open_role);

const char *cto_person_get_id          (CtoPerson  *self);
const char *cto_person_get_name        (CtoPerson  *self);
const char *cto_person_get_role        (CtoPerson  *self);
/* Hours per week. */
double      cto_person_get_capacity    (CtoPerson  *self);
/* The id of the person this one reports to, or %NULL. */
const char *cto_person_get_reports_to  (CtoPerson  *self);
gboolean    cto_person_get_open_role   (CtoPerson  *self);
/* The first day the person is there (for an open role, the planned hire
 * date), or %NULL when the plan does not say. */
const GDate *cto_person_get_start      (CtoPerson  *self);
/* The first day the person is no longer there, or %NULL. */
const GDate *cto_person_get_end        (CtoPerson  *self);
/* Whether the person has a start or an end date. */
gboolean    cto_person_has_dates       (CtoPerson  *self);
/* Whether the person is there on @day (PLAN-FORMAT.md, section 6). */
gboolean    cto_person_is_present      (CtoPerson  *self,
                                        const GDate *day);
/* Whether @start and @end (either %NULL) are a person's dates a plan may
 * hold: the end, the first day no longer there, after the start
 * (PLAN-FORMAT.md, section 6). */
gboolean    cto_person_dates_in_order  (const GDate *start,
                                        const GDate *end);
/* The first end cto_person_dates_in_order() takes after @start (valid). */
void        cto_person_get_first_end   (const GDate *start,
                                        GDate       *first_end);

G_END_DECLS
