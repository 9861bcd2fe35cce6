/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-plan"

#include "config.h"

#include "cto-plan-private.h"

/*
 * The history's commands for every edit of a plan: setting a field,
 * inserting or removing a person or a responsibility, moving one, replacing
 * a responsibility's assignees. Each applies forward and backward and
 * emits the plan's ::changed.
 */

typedef struct
{
  CtoCommand  parent;
  GObject    *target;
  CtoPlanField       field;
  char       *old_string;
  char       *new_string;
  double      old_number;
  double      new_number;
} SetFieldCommand;

static void
set_field_apply (CtoCommand *command,
                 CtoPlan    *plan,
                 gboolean    undo)
{
  SetFieldCommand *self = (SetFieldCommand *) command;
  const char *string = undo ? self->old_string : self->new_string;
  double number = undo ? self->old_number : self->new_number;

  switch (self->field)
    {
    case FIELD_PLAN_TITLE:
      _cto_plan_set_title_internal (plan, string);
      break;
    case FIELD_PLAN_OVERLOAD_THRESHOLD:
      _cto_plan_set_settings_internal (plan, number, cto_plan_get_hours_per_fte (plan));
      break;
    case FIELD_PLAN_HOURS_PER_FTE:
      _cto_plan_set_settings_internal (plan, cto_plan_get_overload_threshold (plan), number);
      break;
    case FIELD_PERSON_NAME:
      _cto_person_set_name (CTO_PERSON (self->target), string);
      break;
    case FIELD_PERSON_ROLE:
      _cto_person_set_role (CTO_PERSON (self->target), string);
      break;
    case FIELD_PERSON_CAPACITY:
      _cto_person_set_capacity (CTO_PERSON (self->target), number);
      break;
    case FIELD_PERSON_OPEN_ROLE:
      _cto_person_set_open_role (CTO_PERSON (self->target), number != 0);
      break;
    case FIELD_PERSON_REPORTS_TO:
      _cto_person_set_reports_to (CTO_PERSON (self->target), string);
      break;
    case FIELD_RESPONSIBILITY_TITLE:
      _cto_responsibility_set_title (CTO_RESPONSIBILITY (self->target), string);
      break;
    case FIELD_RESPONSIBILITY_FUNCTION:
      /* Its function's list has it before anyone hears of the change. */
      g_object_freeze_notify (self->target);
      _cto_responsibility_set_function (CTO_RESPONSIBILITY (self->target), (CtoFunction) number);
      _cto_plan_regroup (plan, CTO_RESPONSIBILITY (self->target));
      g_object_thaw_notify (self->target);
      break;
    case FIELD_RESPONSIBILITY_EFFORT:
      _cto_responsibility_set_effort (CTO_RESPONSIBILITY (self->target), number);
      break;
    case FIELD_RESPONSIBILITY_DESCRIPTION:
      _cto_responsibility_set_description (CTO_RESPONSIBILITY (self->target), string);
      break;
    default:
      g_assert_not_reached ();
    }

  _cto_plan_emit_changed (plan);
}

static void
set_field_free (CtoCommand *command)
{
  SetFieldCommand *self = (SetFieldCommand *) command;

  g_clear_object (&self->target);
  g_free (self->old_string);
  g_free (self->new_string);
  g_free (self);
}

void
_cto_plan_push_set_string (CtoPlan      *self,
                           gpointer      target,
                           CtoPlanField  field,
                           const char   *old_value,
                           const char   *new_value,
                           char         *label)
{
  SetFieldCommand *command;

  if (g_strcmp0 (old_value, new_value) == 0)
    {
      g_free (label);
      return;
    }

  command = g_new0 (SetFieldCommand, 1);
  command->parent.apply = set_field_apply;
  command->parent.free = set_field_free;
  command->parent.label = label;
  command->target = target ? g_object_ref (target) : NULL;
  command->field = field;
  command->old_string = g_strdup (old_value);
  command->new_string = g_strdup (new_value);

  _cto_history_push (cto_plan_get_history (self), &command->parent);
}

void
_cto_plan_push_set_number (CtoPlan      *self,
                           gpointer      target,
                           CtoPlanField  field,
                           double        old_value,
                           double        new_value,
                           char         *label)
{
  SetFieldCommand *command;

  if (old_value == new_value)
    {
      g_free (label);
      return;
    }

  command = g_new0 (SetFieldCommand, 1);
  command->parent.apply = set_field_apply;
  command->parent.free = set_field_free;
  command->parent.label = label;
  command->target = target ? g_object_ref (target) : NULL;
  command->field = field;
  command->old_number = old_value;
  command->new_number = new_value;

  _cto_history_push (cto_plan_get_history (self), &command->parent);
}

/* Inserting or removing a person or a responsibility. */
typedef struct
{
  CtoCommand  parent;
  GObject    *item;
  guint       position;
  gboolean    insert;     /* applied forward, the command inserts */
} InsertCommand;

static void
insert_apply (CtoCommand *command,
              CtoPlan    *plan,
              gboolean    undo)
{
  InsertCommand *self = (InsertCommand *) command;

  _cto_plan_insert_item (plan, self->item, self->position, self->insert != undo);

  _cto_plan_emit_changed (plan);
}

static void
insert_free (CtoCommand *command)
{
  InsertCommand *self = (InsertCommand *) command;

  g_clear_object (&self->item);
  g_free (self);
}

void
_cto_plan_push_insert (CtoPlan  *self,
                       gpointer  item,
                       guint     position,
                       gboolean  insert,
                       char     *label)
{
  InsertCommand *command = g_new0 (InsertCommand, 1);

  command->parent.apply = insert_apply;
  command->parent.free = insert_free;
  command->parent.label = label;
  command->item = g_object_ref (item);
  command->position = position;
  command->insert = insert;

  _cto_history_push (cto_plan_get_history (self), &command->parent);
}

typedef struct
{
  CtoCommand  parent;
  GObject    *item;
  guint       from;
  guint       to;
} MoveCommand;

static void
move_apply (CtoCommand *command,
            CtoPlan    *plan,
            gboolean    undo)
{
  MoveCommand *self = (MoveCommand *) command;

  _cto_plan_move_item (plan, self->item, undo ? self->to : self->from,
                       undo ? self->from : self->to);

  _cto_plan_emit_changed (plan);
}

static void
move_free (CtoCommand *command)
{
  MoveCommand *self = (MoveCommand *) command;

  g_clear_object (&self->item);
  g_free (self);
}

void
_cto_plan_push_move (CtoPlan  *self,
                     gpointer  item,
                     guint     from,
                     guint     to,
                     char     *label)
{
  MoveCommand *command;

  if (from == to)
    {
      g_free (label);
      return;
    }

  command = g_new0 (MoveCommand, 1);
  command->parent.apply = move_apply;
  command->parent.free = move_free;
  command->parent.label = label;
  command->item = g_object_ref (item);
  command->from = from;
  command->to = to;

  _cto_history_push (cto_plan_get_history (self), &command->parent);
}

/* Replacing the whole list of assignees: assign, unassign, move, share, accountable. */
typedef struct
{
  CtoCommand         parent;
  CtoResponsibility *responsibility;
  GPtrArray         *old_assignees;
  GPtrArray         *new_assignees;
} AssigneesCommand;

static void
assignees_apply (CtoCommand *command,
                 CtoPlan    *plan,
                 gboolean    undo)
{
  AssigneesCommand *self = (AssigneesCommand *) command;

  _cto_plan_note_assignees (plan, self->responsibility);
  _cto_responsibility_set_assignees (self->responsibility,
                                     undo ? self->old_assignees : self->new_assignees);
  _cto_plan_emit_changed (plan);
}

static void
assignees_free (CtoCommand *command)
{
  AssigneesCommand *self = (AssigneesCommand *) command;

  g_clear_object (&self->responsibility);
  g_clear_pointer (&self->old_assignees, g_ptr_array_unref);
  g_clear_pointer (&self->new_assignees, g_ptr_array_unref);
  g_free (self);
}

/* Takes @new_assignees. */
void
_cto_plan_push_assignees (CtoPlan           *self,
                          CtoResponsibility *responsibility,
                          GPtrArray         *new_assignees,
                          char              *label)
{
  AssigneesCommand *command = g_new0 (AssigneesCommand, 1);

  command->parent.apply = assignees_apply;
  command->parent.free = assignees_free;
  command->parent.label = label;
  command->responsibility = g_object_ref (responsibility);
  command->old_assignees = _cto_responsibility_dup_assignees (responsibility);
  command->new_assignees = new_assignees;

  _cto_history_push (cto_plan_get_history (self), &command->parent);
}
