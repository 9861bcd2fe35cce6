/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-responsibility"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "cto-plan-private.h"
#include "cto-responsibility.h"

struct _CtoResponsibility
{
  GObject      parent_instance;

  char        *id;
  char        *title;
  char        *description;
  double       effort;
  CtoFunction  function;
  GPtrArray   *assignees;   /* CtoAssignment */
  JsonObject  *extra;
};

G_DEFINE_FINAL_TYPE (CtoResponsibility, cto_responsibility, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_FUNCTION,
  PROP_EFFORT,
  PROP_DESCRIPTION,
  PROP_N_ASSIGNEES,
  N_PROPS
};

enum {
  ASSIGNEES_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

CtoAssignment *
_cto_assignment_new (const char *person,
                     double      share,
                     gboolean    accountable,
                     JsonObject *extra)
{
  CtoAssignment *assignment = g_new0 (CtoAssignment, 1);

  assignment->person = g_strdup (person);
  assignment->share = share;
  assignment->accountable = !!accountable;
  assignment->extra = extra ? json_object_ref (extra) : NULL;

  return assignment;
}

CtoAssignment *
_cto_assignment_copy (const CtoAssignment *assignment)
{
  return _cto_assignment_new (assignment->person,
                              assignment->share,
                              assignment->accountable,
                              assignment->extra);
}

void
_cto_assignment_free (CtoAssignment *assignment)
{
  if (assignment == NULL)
    return;

  g_free (assignment->person);
  g_clear_pointer ((JsonObject **) &assignment->extra, json_object_unref);
  g_free (assignment);
}

static void
cto_responsibility_finalize (GObject *object)
{
  CtoResponsibility *self = (CtoResponsibility *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->assignees, g_ptr_array_unref);
  g_clear_pointer (&self->extra, json_object_unref);

  G_OBJECT_CLASS (cto_responsibility_parent_class)->finalize (object);
}

static void
cto_responsibility_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CtoResponsibility *self = CTO_RESPONSIBILITY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_FUNCTION:
      g_value_set_enum (value, self->function);
      break;
    case PROP_EFFORT:
      g_value_set_double (value, self->effort);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_N_ASSIGNEES:
      g_value_set_uint (value, self->assignees->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cto_responsibility_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  CtoResponsibility *self = CTO_RESPONSIBILITY (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;
    case PROP_TITLE:
      _cto_responsibility_set_title (self, g_value_get_string (value));
      break;
    case PROP_FUNCTION:
      _cto_responsibility_set_function (self, g_value_get_enum (value));
      break;
    case PROP_EFFORT:
      _cto_responsibility_set_effort (self, g_value_get_double (value));
      break;
    case PROP_DESCRIPTION:
      _cto_responsibility_set_description (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cto_responsibility_class_init (CtoResponsibilityClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cto_responsibility_finalize;
  object_class->get_property = cto_responsibility_get_property;
  object_class->set_property = cto_responsibility_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FUNCTION] =
    g_param_spec_enum ("function", NULL, NULL, CTO_TYPE_FUNCTION, CTO_FUNCTION_PLANNING,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EFFORT] =
    g_param_spec_double ("effort", NULL, NULL, 0, G_MAXDOUBLE, 0,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ASSIGNEES] =
    g_param_spec_uint ("n-assignees", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CtoResponsibility::assignees-changed:
   *
   * Emitted when anyone is assigned, unassigned, or their share or
   * accountability changes.
   */
  signals[ASSIGNEES_CHANGED] =
    g_signal_new ("assignees-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
cto_responsibility_init (CtoResponsibility *self)
{
  self->title = g_strdup ("");
  self->description = g_strdup ("");
  self->assignees = g_ptr_array_new_with_free_func ((GDestroyNotify) _cto_assignment_free);
}

CtoResponsibility *
cto_responsibility_new (const char  *id,
                        const char  *title,
                        CtoFunction  function,
                        double       effort,
                        const char  *description)
{
  CtoResponsibility *self;

  g_return_val_if_fail (id != NULL && *id != '\0', NULL);
  g_return_val_if_fail (title != NULL, NULL);
  g_return_val_if_fail (function < CTO_N_FUNCTIONS, NULL);

  /* The fields are set directly rather than as properties: a plan is read
   * with tens of thousands of these, and no one can be watching them yet. */
  self = g_object_new (CTO_TYPE_RESPONSIBILITY, NULL);
  self->id = g_strdup (id);
  g_free (self->title);
  self->title = g_strdup (title);
  self->function = function;
  self->effort = effort;
  if (description != NULL && *description != '\0')
    {
      g_free (self->description);
      self->description = g_strdup (description);
    }

  return self;
}

const char *
cto_responsibility_get_id (CtoResponsibility *self)
{
  g_return_val_if_fail (CTO_IS_RESPONSIBILITY (self), NULL);

  return self->id;
}

const char *
cto_responsibility_get_title (CtoResponsibility *self)
{
  g_return_val_if_fail (CTO_IS_RESPONSIBILITY (self), NULL);

  return self->title;
}

CtoFunction
cto_responsibility_get_function (CtoResponsibility *self)
{
  g_return_val_if_fail (CTO_IS_RESPONSIBILITY (self), CTO_FUNCTION_PLANNING);

  return self->function;
}

double
cto_responsibility_get_effort (CtoResponsibility *self)
{
  g_return_val_if_fail (CTO_IS_RESPONSIBILITY (self), 0);

  return self->effort;
}

const char *
cto_responsibility_get_description (CtoResponsibility *self)
{
  g_return_val_if_fail (CTO_IS_RESPONSIBILITY (self), NULL);

  return self->description;
}

guint
cto_responsibility_get_n_assignees (CtoResponsibility *self)
{
  g_return_val_if_fail (CTO_IS_RESPONSIBILITY (self), 0);

  return self->assignees->len;
}

const CtoAssignment *
cto_responsibility_get_assignee (CtoResponsibility *self,
                                 guint              position)
{
  g_return_val_if_fail (CTO_IS_RESPONSIBILITY (self), NULL);
  g_return_val_if_fail (position < self->assignees->len, NULL);

  return g_ptr_array_index (self->assignees, position);
}

const CtoAssignment *
cto_responsibility_find_assignee (CtoResponsibility *self,
                                  const char        *person_id,
                                  guint             *position)
{
  g_return_val_if_fail (CTO_IS_RESPONSIBILITY (self), NULL);
  g_return_val_if_fail (person_id != NULL, NULL);

  for (guint i = 0; i < self->assignees->len; i++)
    {
      const CtoAssignment *assignment = g_ptr_array_index (self->assignees, i);

      if (strcmp (assignment->person, person_id) == 0)
        {
          if (position != NULL)
            *position = i;
          return assignment;
        }
    }

  return NULL;
}

const char *
cto_responsibility_get_accountable (CtoResponsibility *self)
{
  g_return_val_if_fail (CTO_IS_RESPONSIBILITY (self), NULL);

  for (guint i = 0; i < self->assignees->len; i++)
    {
      const CtoAssignment *assignment = g_ptr_array_index (self->assignees, i);

      if (assignment->accountable)
        return assignment->person;
    }

  return NULL;
}

/**
 * cto_responsibility_find_accountable:
 *
 * The one rule for who is accountable, used by the window, the pages and
 * every export.
 *
 * Returns: (nullable): the marked assignee's id, else the only assignee's,
 * else %NULL
 */
const char *
cto_responsibility_find_accountable (CtoResponsibility *self)
{
  const char *marked;

  g_return_val_if_fail (CTO_IS_RESPONSIBILITY (self), NULL);

  marked = cto_responsibility_get_accountable (self);
  if (marked != NULL)
    return marked;
  if (self->assignees->len == 1)
    return ((const CtoAssignment *) g_ptr_array_index (self->assignees, 0))->person;

  return NULL;
}

gboolean
cto_responsibility_is_accountable (CtoResponsibility *self,
                                   const char        *person_id)
{
  g_return_val_if_fail (CTO_IS_RESPONSIBILITY (self), FALSE);

  return person_id != NULL && g_strcmp0 (cto_responsibility_find_accountable (self), person_id) == 0;
}

/**
 * cto_responsibility_lacks_accountable:
 *
 * Returns: whether two or more people share it and none of them is marked
 * accountable (PLAN-FORMAT.md section 3, `without_accountable`)
 */
gboolean
cto_responsibility_lacks_accountable (CtoResponsibility *self)
{
  return cto_responsibility_lacks_accountable_without (self, NULL);
}

/**
 * cto_responsibility_lacks_accountable_without:
 * @person_id: (nullable): who leaves it
 *
 * Returns: whether, once @person_id has left it, two or more people would
 * share it and none of them would be marked accountable
 */
gboolean
cto_responsibility_lacks_accountable_without (CtoResponsibility *self,
                                              const char        *person_id)
{
  const char *marked;
  guint n;

  g_return_val_if_fail (CTO_IS_RESPONSIBILITY (self), FALSE);

  n = self->assignees->len;
  marked = cto_responsibility_get_accountable (self);
  if (person_id != NULL && cto_responsibility_find_assignee (self, person_id, NULL) != NULL)
    {
      n--;
      if (g_strcmp0 (marked, person_id) == 0)
        marked = NULL;
    }

  return n >= 2 && marked == NULL;
}

double
cto_responsibility_get_fraction (CtoResponsibility *self,
                                 const char        *person_id)
{
  const CtoAssignment *assignment;
  double total;

  g_return_val_if_fail (CTO_IS_RESPONSIBILITY (self), 0);

  assignment = person_id != NULL ? cto_responsibility_find_assignee (self, person_id, NULL) : NULL;
  total = cto_responsibility_get_total_share (self);
  if (assignment == NULL || total <= 0)
    return 0;

  return assignment->share / total;
}

double
cto_responsibility_get_total_share (CtoResponsibility *self)
{
  double total = 0;

  g_return_val_if_fail (CTO_IS_RESPONSIBILITY (self), 0);

  for (guint i = 0; i < self->assignees->len; i++)
    {
      const CtoAssignment *assignment = g_ptr_array_index (self->assignees, i);

      total += assignment->share;
    }

  return total;
}

/**
 * cto_responsibility_get_joining_hours:
 * @share: the newcomer's share, > 0
 *
 * Returns: the hours of the responsibility that someone not assigned to it
 *   would carry after joining it with @share: all of it when nobody
 *   carries it, else their part of the shares
 */
double
cto_responsibility_get_joining_hours (CtoResponsibility *self,
                                      double             share)
{
  g_return_val_if_fail (CTO_IS_RESPONSIBILITY (self), 0);
  g_return_val_if_fail (share > 0, 0);

  return self->effort * share / (cto_responsibility_get_total_share (self) + share);
}

static void
set_string (CtoResponsibility  *self,
            char              **field,
            const char         *value,
            guint               prop_id)
{
  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

void
_cto_responsibility_set_title (CtoResponsibility *self,
                               const char        *title)
{
  set_string (self, &self->title, title ? title : "", PROP_TITLE);
}

void
_cto_responsibility_set_description (CtoResponsibility *self,
                                     const char        *description)
{
  set_string (self, &self->description, description ? description : "", PROP_DESCRIPTION);
}

void
_cto_responsibility_set_function (CtoResponsibility *self,
                                  CtoFunction        function)
{
  if (self->function == function)
    return;

  self->function = function;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FUNCTION]);
}

void
_cto_responsibility_set_effort (CtoResponsibility *self,
                                double             effort)
{
  if (self->effort == effort)
    return;

  self->effort = effort;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EFFORT]);
}

JsonObject *
_cto_responsibility_get_extra (CtoResponsibility *self)
{
  return self->extra;
}

void
_cto_responsibility_set_extra (CtoResponsibility *self,
                               JsonObject        *extra)
{
  if (extra != NULL)
    json_object_ref (extra);
  g_clear_pointer (&self->extra, json_object_unref);
  self->extra = extra;
}

void
_cto_responsibility_add_assignee (CtoResponsibility *self,
                                  const char        *person,
                                  double             share,
                                  gboolean           accountable,
                                  JsonObject        *extra)
{
  g_ptr_array_add (self->assignees, _cto_assignment_new (person, share, accountable, extra));
}

GPtrArray *
_cto_responsibility_dup_assignees (CtoResponsibility *self)
{
  GPtrArray *copy = g_ptr_array_new_full (self->assignees->len,
                                          (GDestroyNotify) _cto_assignment_free);

  for (guint i = 0; i < self->assignees->len; i++)
    g_ptr_array_add (copy, _cto_assignment_copy (g_ptr_array_index (self->assignees, i)));

  return copy;
}

void
_cto_responsibility_set_assignees (CtoResponsibility *self,
                                   GPtrArray         *assignees)
{
  guint old_len = self->assignees->len;

  g_ptr_array_set_size (self->assignees, 0);
  for (guint i = 0; i < assignees->len; i++)
    g_ptr_array_add (self->assignees, _cto_assignment_copy (g_ptr_array_index (assignees, i)));

  if (old_len != self->assignees->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ASSIGNEES]);
  g_signal_emit (self, signals[ASSIGNEES_CHANGED], 0);
}
