/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-plan"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cto-plan-private.h"

/* Who carries what: assigning, unassigning, moving an assignment, shares
 * and who is accountable, each one undoable step of the plan's history. */

static gboolean
check_member (CtoPlan           *self,
              CtoResponsibility *responsibility,
              CtoPerson         *person)
{
  return cto_plan_find_responsibility (self, cto_responsibility_get_id (responsibility)) == responsibility &&
         (person == NULL || cto_plan_find_person (self, cto_person_get_id (person)) == person);
}

gboolean
cto_plan_assign (CtoPlan           *self,
                 CtoResponsibility *responsibility,
                 CtoPerson         *person,
                 double             share)
{
  GPtrArray *assignees;

  g_return_val_if_fail (CTO_IS_PLAN (self), FALSE);
  g_return_val_if_fail (CTO_IS_RESPONSIBILITY (responsibility), FALSE);
  g_return_val_if_fail (CTO_IS_PERSON (person), FALSE);
  g_return_val_if_fail (cto_plan_number_is_valid (share, TRUE), FALSE);
  g_return_val_if_fail (check_member (self, responsibility, person), FALSE);

  if (cto_responsibility_find_assignee (responsibility, cto_person_get_id (person), NULL))
    return FALSE;

  assignees = _cto_responsibility_dup_assignees (responsibility);
  g_ptr_array_add (assignees, _cto_assignment_new (cto_person_get_id (person), share, FALSE, NULL));
  _cto_plan_push_assignees (self, responsibility, assignees,
                  g_strdup_printf (_("Assign “%s” to %s"),
                                   cto_responsibility_get_title (responsibility),
                                   cto_person_get_name (person)));
  return TRUE;
}

gboolean
cto_plan_unassign (CtoPlan           *self,
                   CtoResponsibility *responsibility,
                   CtoPerson         *person)
{
  GPtrArray *assignees;
  guint position;

  g_return_val_if_fail (CTO_IS_PLAN (self), FALSE);
  g_return_val_if_fail (CTO_IS_RESPONSIBILITY (responsibility), FALSE);
  g_return_val_if_fail (CTO_IS_PERSON (person), FALSE);
  g_return_val_if_fail (check_member (self, responsibility, NULL), FALSE);

  if (!cto_responsibility_find_assignee (responsibility, cto_person_get_id (person), &position))
    return FALSE;

  assignees = _cto_responsibility_dup_assignees (responsibility);
  g_ptr_array_remove_index (assignees, position);
  _cto_plan_push_assignees (self, responsibility, assignees,
                  g_strdup_printf (_("Take “%s” from %s"),
                                   cto_responsibility_get_title (responsibility),
                                   cto_person_get_name (person)));
  return TRUE;
}

gboolean
cto_plan_move_assignment (CtoPlan           *self,
                          CtoResponsibility *responsibility,
                          CtoPerson         *from,
                          CtoPerson         *to)
{
  GPtrArray *assignees;
  CtoAssignment *moved;
  guint from_position;
  guint to_position;

  g_return_val_if_fail (CTO_IS_PLAN (self), FALSE);
  g_return_val_if_fail (CTO_IS_RESPONSIBILITY (responsibility), FALSE);
  g_return_val_if_fail (CTO_IS_PERSON (from), FALSE);
  g_return_val_if_fail (CTO_IS_PERSON (to), FALSE);
  g_return_val_if_fail (check_member (self, responsibility, to), FALSE);

  if (from == to ||
      !cto_responsibility_find_assignee (responsibility, cto_person_get_id (from), &from_position))
    return FALSE;

  assignees = _cto_responsibility_dup_assignees (responsibility);
  moved = g_ptr_array_index (assignees, from_position);

  if (cto_responsibility_find_assignee (responsibility, cto_person_get_id (to), &to_position))
    {
      CtoAssignment *existing = g_ptr_array_index (assignees, to_position);

      existing->share = MIN (existing->share + moved->share, CTO_PLAN_MAX_NUMBER);
      existing->accountable = existing->accountable || moved->accountable;
      g_ptr_array_remove_index (assignees, from_position);
    }
  else
    {
      g_free (moved->person);
      moved->person = g_strdup (cto_person_get_id (to));
    }

  _cto_plan_push_assignees (self, responsibility, assignees,
                  g_strdup_printf (_("Move “%s” from %s to %s"),
                                   cto_responsibility_get_title (responsibility),
                                   cto_person_get_name (from),
                                   cto_person_get_name (to)));
  return TRUE;
}

gboolean
cto_plan_set_share (CtoPlan           *self,
                    CtoResponsibility *responsibility,
                    CtoPerson         *person,
                    double             share)
{
  GPtrArray *assignees;
  CtoAssignment *assignment;
  guint position;

  g_return_val_if_fail (CTO_IS_PLAN (self), FALSE);
  g_return_val_if_fail (CTO_IS_RESPONSIBILITY (responsibility), FALSE);
  g_return_val_if_fail (CTO_IS_PERSON (person), FALSE);
  g_return_val_if_fail (cto_plan_number_is_valid (share, TRUE), FALSE);

  if (!cto_responsibility_find_assignee (responsibility, cto_person_get_id (person), &position) ||
      cto_responsibility_get_assignee (responsibility, position)->share == share)
    return FALSE;

  assignees = _cto_responsibility_dup_assignees (responsibility);
  assignment = g_ptr_array_index (assignees, position);
  assignment->share = share;
  _cto_plan_push_assignees (self, responsibility, assignees,
                  g_strdup_printf (_("Change the share of %s in “%s”"),
                                   cto_person_get_name (person),
                                   cto_responsibility_get_title (responsibility)));
  return TRUE;
}

gboolean
cto_plan_set_accountable (CtoPlan           *self,
                          CtoResponsibility *responsibility,
                          CtoPerson         *person)
{
  GPtrArray *assignees;
  const char *id = NULL;
  gboolean changed = FALSE;

  g_return_val_if_fail (CTO_IS_PLAN (self), FALSE);
  g_return_val_if_fail (CTO_IS_RESPONSIBILITY (responsibility), FALSE);
  g_return_val_if_fail (person == NULL || CTO_IS_PERSON (person), FALSE);

  if (person != NULL)
    {
      id = cto_person_get_id (person);
      if (cto_responsibility_find_assignee (responsibility, id, NULL) == NULL)
        return FALSE;
    }

  assignees = _cto_responsibility_dup_assignees (responsibility);
  for (guint i = 0; i < assignees->len; i++)
    {
      CtoAssignment *assignment = g_ptr_array_index (assignees, i);
      gboolean accountable = id != NULL && strcmp (assignment->person, id) == 0;

      changed |= assignment->accountable != accountable;
      assignment->accountable = accountable;
    }

  if (!changed)
    {
      g_ptr_array_unref (assignees);
      return FALSE;
    }

  _cto_plan_push_assignees (self, responsibility, assignees,
                  person
                    ? g_strdup_printf (_("Make %s accountable for “%s”"),
                                       cto_person_get_name (person),
                                       cto_responsibility_get_title (responsibility))
                    : g_strdup_printf (_("Make no one accountable for “%s”"),
                                       cto_responsibility_get_title (responsibility)));
  return TRUE;
}
