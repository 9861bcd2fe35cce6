/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-history"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cto-history.h"
#include "cto-plan-private.h"

typedef struct
{
  CtoCommand  parent;
  GPtrArray  *children;   /* CtoCommand, in the order they were applied */
} CtoGroupCommand;

struct _CtoHistory
{
  GObject          parent_instance;

  CtoPlan         *plan;          /* not owned: the plan owns its history */
  GPtrArray       *undo_stack;    /* CtoCommand, oldest first */
  GPtrArray       *redo_stack;    /* CtoCommand, next to redo last */
  CtoGroupCommand *group;         /* the group being recorded, or NULL */
  guint            group_depth;
  guint            next_serial;
  guint            base_serial;   /* of the state with nothing to undo: new after a clear */
  guint            saved_serial;  /* serial of the step on top when saved; 0: nothing */
};

G_DEFINE_FINAL_TYPE (CtoHistory, cto_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  gboolean can_undo;
  gboolean can_redo;
  gboolean modified;
} State;

static void
command_free (gpointer data)
{
  CtoCommand *command = data;

  g_free (command->label);
  command->free (command);
}

static void
group_apply (CtoCommand *command,
             CtoPlan    *plan,
             gboolean    undo)
{
  CtoGroupCommand *group = (CtoGroupCommand *) command;

  _cto_plan_freeze_changed (plan);

  if (undo)
    {
      for (guint i = group->children->len; i > 0; i--)
        {
          CtoCommand *child = g_ptr_array_index (group->children, i - 1);
          child->apply (child, plan, TRUE);
        }
    }
  else
    {
      for (guint i = 0; i < group->children->len; i++)
        {
          CtoCommand *child = g_ptr_array_index (group->children, i);
          child->apply (child, plan, FALSE);
        }
    }

  _cto_plan_thaw_changed (plan);
}

static void
group_free (CtoCommand *command)
{
  CtoGroupCommand *group = (CtoGroupCommand *) command;

  g_ptr_array_unref (group->children);
  g_free (group);
}

static guint
top_serial (CtoHistory *self)
{
  CtoCommand *top;

  if (self->undo_stack->len == 0)
    return self->base_serial;

  top = g_ptr_array_index (self->undo_stack, self->undo_stack->len - 1);
  return top->serial;
}

static State
get_state (CtoHistory *self)
{
  return (State) {
    .can_undo = cto_history_get_can_undo (self),
    .can_redo = cto_history_get_can_redo (self),
    .modified = cto_history_get_modified (self),
  };
}

static void
notify_changes (CtoHistory *self,
                State       before)
{
  State after = get_state (self);

  if (before.can_undo != after.can_undo)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (before.can_redo != after.can_redo)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  if (before.modified != after.modified)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

static void
record (CtoHistory *self,
        CtoCommand *command)
{
  State before = get_state (self);

  command->serial = ++self->next_serial;
  g_ptr_array_add (self->undo_stack, command);
  g_ptr_array_set_size (self->redo_stack, 0);

  notify_changes (self, before);
}

static void
cto_history_finalize (GObject *object)
{
  CtoHistory *self = (CtoHistory *) object;

  g_clear_pointer (&self->undo_stack, g_ptr_array_unref);
  g_clear_pointer (&self->redo_stack, g_ptr_array_unref);
  if (self->group != NULL)
    command_free (self->group);

  G_OBJECT_CLASS (cto_history_parent_class)->finalize (object);
}

static void
cto_history_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  CtoHistory *self = CTO_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, cto_history_get_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, cto_history_get_can_redo (self));
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, cto_history_get_modified (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cto_history_class_init (CtoHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cto_history_finalize;
  object_class->get_property = cto_history_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cto_history_init (CtoHistory *self)
{
  self->undo_stack = g_ptr_array_new_with_free_func (command_free);
  self->redo_stack = g_ptr_array_new_with_free_func (command_free);
}

CtoHistory *
_cto_history_new (CtoPlan *plan)
{
  CtoHistory *self = g_object_new (CTO_TYPE_HISTORY, NULL);

  self->plan = plan;

  return self;
}

void
_cto_history_push (CtoHistory *self,
                   CtoCommand *command)
{
  g_return_if_fail (CTO_IS_HISTORY (self));
  g_return_if_fail (command != NULL);

  command->apply (command, self->plan, FALSE);

  if (self->group != NULL)
    g_ptr_array_add (self->group->children, command);
  else
    record (self, command);
}

gboolean
cto_history_get_can_undo (CtoHistory *self)
{
  g_return_val_if_fail (CTO_IS_HISTORY (self), FALSE);

  return self->undo_stack->len > 0 && self->group == NULL;
}

gboolean
cto_history_get_can_redo (CtoHistory *self)
{
  g_return_val_if_fail (CTO_IS_HISTORY (self), FALSE);

  return self->redo_stack->len > 0 && self->group == NULL;
}

const char *
cto_history_get_undo_label (CtoHistory *self)
{
  CtoCommand *command;

  g_return_val_if_fail (CTO_IS_HISTORY (self), NULL);

  if (self->undo_stack->len == 0)
    return NULL;

  command = g_ptr_array_index (self->undo_stack, self->undo_stack->len - 1);
  return command->label;
}

const char *
cto_history_get_redo_label (CtoHistory *self)
{
  CtoCommand *command;

  g_return_val_if_fail (CTO_IS_HISTORY (self), NULL);

  if (self->redo_stack->len == 0)
    return NULL;

  command = g_ptr_array_index (self->redo_stack, self->redo_stack->len - 1);
  return command->label;
}

void
cto_history_undo (CtoHistory *self)
{
  CtoCommand *command;
  State before;

  g_return_if_fail (CTO_IS_HISTORY (self));
  g_return_if_fail (self->group == NULL);

  if (self->undo_stack->len == 0)
    return;

  before = get_state (self);
  command = g_ptr_array_steal_index (self->undo_stack, self->undo_stack->len - 1);
  g_ptr_array_add (self->redo_stack, command);
  command->apply (command, self->plan, TRUE);
  notify_changes (self, before);
}

void
cto_history_redo (CtoHistory *self)
{
  CtoCommand *command;
  State before;

  g_return_if_fail (CTO_IS_HISTORY (self));
  g_return_if_fail (self->group == NULL);

  if (self->redo_stack->len == 0)
    return;

  before = get_state (self);
  command = g_ptr_array_steal_index (self->redo_stack, self->redo_stack->len - 1);
  g_ptr_array_add (self->undo_stack, command);
  command->apply (command, self->plan, FALSE);
  notify_changes (self, before);
}

void
cto_history_begin_group (CtoHistory *self,
                         const char *label)
{
  g_return_if_fail (CTO_IS_HISTORY (self));

  if (self->group_depth++ > 0)
    return;

  self->group = g_new0 (CtoGroupCommand, 1);
  self->group->parent.apply = group_apply;
  self->group->parent.free = group_free;
  self->group->parent.label = g_strdup (label);
  self->group->children = g_ptr_array_new_with_free_func (command_free);

  _cto_plan_freeze_changed (self->plan);
}

void
cto_history_end_group (CtoHistory *self)
{
  CtoGroupCommand *group;

  g_return_if_fail (CTO_IS_HISTORY (self));
  g_return_if_fail (self->group_depth > 0);

  if (--self->group_depth > 0)
    return;

  group = g_steal_pointer (&self->group);

  if (group->children->len == 0)
    command_free (group);
  else if (group->children->len == 1 && group->parent.label == NULL)
    {
      record (self, g_ptr_array_steal_index (group->children, 0));
      command_free (group);
    }
  else
    {
      if (group->parent.label == NULL)
        {
          CtoCommand *first = g_ptr_array_index (group->children, 0);
          group->parent.label = g_strdup (first->label);
        }
      record (self, (CtoCommand *) group);
    }

  _cto_plan_thaw_changed (self->plan);
}

gboolean
cto_history_get_modified (CtoHistory *self)
{
  g_return_val_if_fail (CTO_IS_HISTORY (self), FALSE);

  return self->group != NULL || top_serial (self) != self->saved_serial;
}

void
cto_history_mark_saved (CtoHistory *self)
{
  State before;

  g_return_if_fail (CTO_IS_HISTORY (self));

  before = get_state (self);
  self->saved_serial = top_serial (self);
  notify_changes (self, before);
}

guint
cto_history_get_state (CtoHistory *self)
{
  g_return_val_if_fail (CTO_IS_HISTORY (self), 0);

  return top_serial (self);
}

void
cto_history_mark_saved_state (CtoHistory *self,
                              guint       state)
{
  State before;

  g_return_if_fail (CTO_IS_HISTORY (self));

  before = get_state (self);
  self->saved_serial = state;
  notify_changes (self, before);
}

void
cto_history_mark_unsaved (CtoHistory *self)
{
  State before;

  g_return_if_fail (CTO_IS_HISTORY (self));

  /* A serial no step carries: no undo or redo comes back to it. */
  before = get_state (self);
  self->saved_serial = ++self->next_serial;
  notify_changes (self, before);
}

void
cto_history_clear (CtoHistory *self)
{
  State before;

  g_return_if_fail (CTO_IS_HISTORY (self));
  g_return_if_fail (self->group == NULL);

  before = get_state (self);
  g_ptr_array_set_size (self->undo_stack, 0);
  g_ptr_array_set_size (self->redo_stack, 0);
  self->base_serial = ++self->next_serial;
  self->saved_serial = self->base_serial;
  notify_changes (self, before);
}
