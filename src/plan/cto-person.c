/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-person"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cto-person.h"
#include "cto-plan-private.h"

struct _CtoPerson
{
  GObject     parent_instance;

  char       *id;
  char       *name;
  char       *role;
  char       *reports_to;
  double      capacity;
  gboolean    open_role;
  JsonObject *extra;
};

G_DEFINE_FINAL_TYPE (CtoPerson, cto_person, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_ROLE,
  PROP_CAPACITY,
  PROP_REPORTS_TO,
  PROP_OPEN_ROLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cto_person_finalize (GObject *object)
{
  CtoPerson *self = (CtoPerson *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->role, g_free);
  g_clear_pointer (&self->reports_to, g_free);
  g_clear_pointer (&self->extra, json_object_unref);

  G_OBJECT_CLASS (cto_person_parent_class)->finalize (object);
}

static void
cto_person_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  CtoPerson *self = CTO_PERSON (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_ROLE:
      g_value_set_string (value, self->role);
      break;
    case PROP_CAPACITY:
      g_value_set_double (value, self->capacity);
      break;
    case PROP_REPORTS_TO:
      g_value_set_string (value, self->reports_to);
      break;
    case PROP_OPEN_ROLE:
      g_value_set_boolean (value, self->open_role);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cto_person_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  CtoPerson *self = CTO_PERSON (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;
    case PROP_NAME:
      _cto_person_set_name (self, g_value_get_string (value));
      break;
    case PROP_ROLE:
      _cto_person_set_role (self, g_value_get_string (value));
      break;
    case PROP_CAPACITY:
      _cto_person_set_capacity (self, g_value_get_double (value));
      break;
    case PROP_OPEN_ROLE:
      _cto_person_set_open_role (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cto_person_class_init (CtoPersonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cto_person_finalize;
  object_class->get_property = cto_person_get_property;
  object_class->set_property = cto_person_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ROLE] =
    g_param_spec_string ("role", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAPACITY] =
    g_param_spec_double ("capacity", NULL, NULL, 0, G_MAXDOUBLE, 40,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REPORTS_TO] =
    g_param_spec_string ("reports-to", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_OPEN_ROLE] =
    g_param_spec_boolean ("open-role", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cto_person_init (CtoPerson *self)
{
  self->name = g_strdup ("");
  self->role = g_strdup ("");
  self->capacity = 40;
}

CtoPerson *
cto_person_new (const char *id,
                const char *name,
                const char *role,
                double      capacity,
                gboolean    open_role)
{
  g_return_val_if_fail (id != NULL && *id != '\0', NULL);
  g_return_val_if_fail (name != NULL, NULL);

  return g_object_new (CTO_TYPE_PERSON,
                       "id", id,
                       "name", name,
                       "role", role ? role : "",
                       "capacity", capacity,
                       "open-role", open_role,
                       NULL);
}

const char *
cto_person_get_id (CtoPerson *self)
{
  g_return_val_if_fail (CTO_IS_PERSON (self), NULL);

  return self->id;
}

const char *
cto_person_get_name (CtoPerson *self)
{
  g_return_val_if_fail (CTO_IS_PERSON (self), NULL);

  return self->name;
}

const char *
cto_person_get_role (CtoPerson *self)
{
  g_return_val_if_fail (CTO_IS_PERSON (self), NULL);

  return self->role;
}

double
cto_person_get_capacity (CtoPerson *self)
{
  g_return_val_if_fail (CTO_IS_PERSON (self), 0);

  return self->capacity;
}

const char *
cto_person_get_reports_to (CtoPerson *self)
{
  g_return_val_if_fail (CTO_IS_PERSON (self), NULL);

  return self->reports_to;
}

gboolean
cto_person_get_open_role (CtoPerson *self)
{
  g_return_val_if_fail (CTO_IS_PERSON (self), FALSE);

  return self->open_role;
}

static void
set_string (CtoPerson   *self,
            char       **field,
            const char  *value,
            guint        prop_id)
{
  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

void
_cto_person_set_name (CtoPerson  *self,
                      const char *name)
{
  set_string (self, &self->name, name ? name : "", PROP_NAME);
}

void
_cto_person_set_role (CtoPerson  *self,
                      const char *role)
{
  set_string (self, &self->role, role ? role : "", PROP_ROLE);
}

void
_cto_person_set_reports_to (CtoPerson  *self,
                            const char *reports_to)
{
  set_string (self, &self->reports_to, reports_to, PROP_REPORTS_TO);
}

void
_cto_person_set_capacity (CtoPerson *self,
                          double     capacity)
{
  if (self->capacity == capacity)
    return;

  self->capacity = capacity;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAPACITY]);
}

void
_cto_person_set_open_role (CtoPerson *self,
                           gboolean   open_role)
{
  open_role = !!open_role;
  if (self->open_role == open_role)
    return;

  self->open_role = open_role;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OPEN_ROLE]);
}

JsonObject *
_cto_person_get_extra (CtoPerson *self)
{
  return self->extra;
}

void
_cto_person_set_extra (CtoPerson  *self,
                       JsonObject *extra)
{
  if (extra != NULL)
    json_object_ref (extra);
  g_clear_pointer (&self->extra, json_object_unref);
  self->extra = extra;
}
