/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-plan"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cto-date.h"
#include "cto-plan-private.h"

/* Setting when a person starts and leaves (PLAN-FORMAT.md, sections 2 and 6). */

typedef struct
{
  CtoCommand  parent;
  CtoPerson  *person;
  GDate       dates[2][2];  /* [undo][start, end], cleared when none */
} DatesCommand;

static void
dates_apply (CtoCommand *command,
             CtoPlan    *plan,
             gboolean    undo)
{
  DatesCommand *self = (DatesCommand *) command;
  const GDate *start = &self->dates[undo][0];
  const GDate *end = &self->dates[undo][1];

  _cto_person_set_dates (self->person,
                         g_date_valid (start) ? start : NULL,
                         g_date_valid (end) ? end : NULL);
  _cto_plan_emit_changed (plan);
}

static void
dates_free (CtoCommand *command)
{
  DatesCommand *self = (DatesCommand *) command;

  g_clear_object (&self->person);
  g_free (self);
}

static gboolean
same_day (const GDate *a,
          const GDate *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return g_date_compare (a, b) == 0;
}

static void
copy_day (GDate       *to,
          const GDate *from)
{
  g_date_clear (to, 1);
  if (from != NULL)
    *to = *from;
}

gboolean
cto_plan_check_person_dates (const GDate  *start,
                             const GDate  *end,
                             GError      **error)
{
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!cto_person_dates_in_order (start, end))
    {
      g_set_error_literal (error, CTO_PLAN_ERROR, CTO_PLAN_ERROR_INVALID,
                           _("The day someone leaves must come after the day they start."));
      return FALSE;
    }

  return TRUE;
}

/**
 * cto_plan_set_person_dates:
 * @start: (nullable): the first day the person is there
 * @end: (nullable): the first day the person is no longer there
 *
 * Sets both dates as one undoable step. Refuses (CTO_PLAN_ERROR_INVALID) an
 * @end that is not later than @start. Returns TRUE when the plan is as asked,
 * changed or not.
 */
gboolean
cto_plan_set_person_dates (CtoPlan      *self,
                           CtoPerson    *person,
                           const GDate  *start,
                           const GDate  *end,
                           GError      **error)
{
  DatesCommand *command;

  g_return_val_if_fail (CTO_IS_PLAN (self), FALSE);
  g_return_val_if_fail (CTO_IS_PERSON (person), FALSE);
  g_return_val_if_fail (start == NULL || g_date_valid (start), FALSE);
  g_return_val_if_fail (end == NULL || g_date_valid (end), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!cto_plan_check_person_dates (start, end, error))
    return FALSE;

  if (same_day (start, cto_person_get_start (person)) &&
      same_day (end, cto_person_get_end (person)))
    return TRUE;

  command = g_new0 (DatesCommand, 1);
  command->parent.apply = dates_apply;
  command->parent.free = dates_free;
  command->parent.label = g_strdup_printf (_("Change the dates of “%s”"),
                                           cto_person_get_name (person));
  command->person = g_object_ref (person);
  copy_day (&command->dates[FALSE][0], start);
  copy_day (&command->dates[FALSE][1], end);
  copy_day (&command->dates[TRUE][0], cto_person_get_start (person));
  copy_day (&command->dates[TRUE][1], cto_person_get_end (person));

  _cto_history_push (cto_plan_get_history (self), &command->parent);
  return TRUE;
}
