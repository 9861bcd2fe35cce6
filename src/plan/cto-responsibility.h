/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "cto-function.h"

G_BEGIN_DECLS

/**
 * CtoAssignment:
 * @person: the id of the person carrying the responsibility
 * @share: the person's share, > 0; fractions are share / sum of shares
 * @accountable: whether this person is the accountable one
 *
 * One assignee of a responsibility. Owned by the responsibility; read only.
 */
typedef struct
{
  char     *person;
  double    share;
  gboolean  accountable;
  /*< private >*/
  gpointer  extra;
} CtoAssignment;

#define CTO_TYPE_RESPONSIBILITY (cto_responsibility_get_type ())
G_DECLARE_FINAL_TYPE (CtoResponsibility, cto_responsibility, CTO, RESPONSIBILITY, GObject)

/**
 * cto_responsibility_new:
 *
 * Creates a responsibility that is not yet part of a plan, with no assignees.
 * Once inserted with cto_plan_insert_responsibility(), it is changed only
 * through the plan's edit operations.
 */
CtoResponsibility   *cto_responsibility_new               (const char        *id,
                                                           const char        *title,
                                                           CtoFunction        function,
                                                           double             effort,
                                                           const char        *description);

const char          *cto_responsibility_get_id            (CtoResponsibility *self);
const char          *cto_responsibility_get_title         (CtoResponsibility *self);
CtoFunction          cto_responsibility_get_function      (CtoResponsibility *self);
/* Hours per week. */
double               cto_responsibility_get_effort        (CtoResponsibility *self);
const char          *cto_responsibility_get_description   (CtoResponsibility *self);

guint                cto_responsibility_get_n_assignees   (CtoResponsibility *self);
const CtoAssignment *cto_responsibility_get_assignee      (CtoResponsibility *self,
                                                           guint              position);
/* Returns the assignment of @person_id, or %NULL; @position may be %NULL. */
const CtoAssignment *cto_responsibility_find_assignee     (CtoResponsibility *self,
                                                           const char        *person_id,
                                                           guint             *position);
/* The accountable assignee's id, or %NULL when none is marked. */
const char          *cto_responsibility_get_accountable   (CtoResponsibility *self);
/* PLAN-FORMAT.md section 3: the id of who is accountable: the assignee
 * marked so, or else the only assignee (accountable by nature); %NULL when
 * nobody is. */
const char          *cto_responsibility_find_accountable  (CtoResponsibility *self);
/* Whether @person_id is who cto_responsibility_find_accountable() names. */
gboolean             cto_responsibility_is_accountable    (CtoResponsibility *self,
                                                           const char        *person_id);
/* Shared (two or more assignees) with none marked accountable. */
gboolean             cto_responsibility_lacks_accountable (CtoResponsibility *self);
/* The same, of the responsibility once @person_id leaves it (§5.1: their
 * mark leaves with them); %NULL asks of it as it is. */
gboolean             cto_responsibility_lacks_accountable_without (CtoResponsibility *self,
                                                                   const char        *person_id);
/* The part of it @person_id carries: their share / the sum of shares; 0
 * when not assigned (PLAN-FORMAT.md section 3). */
double               cto_responsibility_get_fraction      (CtoResponsibility *self,
                                                           const char        *person_id);
/* Sum of all assignees' shares. */
double               cto_responsibility_get_total_share   (CtoResponsibility *self);
/* The hours someone not assigned yet would carry of it, joining with
 * @share beside those who are. */
double               cto_responsibility_get_joining_hours (CtoResponsibility *self,
                                                           double             share);

G_END_DECLS
