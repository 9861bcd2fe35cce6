/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-person"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cto-date.h"
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
  GDate       start;      /* cleared (invalid) when none */
  GDate       end;
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
  PROP_START,
  PROP_END,
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
    case PROP_START:
      g_value_take_string (value,
                           g_date_valid (&self->start) ? cto_date_to_string (&self->start) : NULL);
      break;
    case PROP_END:
      g_value_take_string (value,
                           g_date_valid (&self->end) ? cto_date_to_string (&self->end) : NULL);
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

  /* "YYYY-MM-DD" or %NULL: the first day the person is there, and the
   * first day they are no longer there. */
  properties[PROP_START] =
    g_param_spec_string ("start", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_END] =
    g_param_spec_string ("end", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cto_person_init (CtoPerson *self)
{
  self->name = g_strdup ("");
  self->role = g_strdup ("");
  self->capacity = 40;
  g_date_clear (&self->start, 1);
  g_date_clear (&self->end, 1);
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

const GDate *
cto_person_get_start (CtoPerson *self)
{
  g_return_val_if_fail (CTO_IS_PERSON (self), NULL);

  return g_date_valid (&self->start) ? &self->start : NULL;
}

const GDate *
cto_person_get_end (CtoPerson *self)
{
  g_return_val_if_fail (CTO_IS_PERSON (self), NULL);

  return g_date_valid (&self->end) ? &self->end : NULL;
}

gboolean
cto_person_has_dates (CtoPerson *self)
{
  g_return_val_if_fail (CTO_IS_PERSON (self), FALSE);

  return g_date_valid (&self->start) || g_date_valid (&self->end);
}

gboolean
cto_person_is_present (CtoPerson   *self,
                       const GDate *day)
{
  g_return_val_if_fail (CTO_IS_PERSON (self), FALSE);
  g_return_val_if_fail (day != NULL && g_date_valid (day), FALSE);

  return (!g_date_valid (&self->start) || g_date_compare (&self->start, day) <= 0) &&
         (!g_date_valid (&self->end) || g_date_compare (day, &self->end) < 0);
}

gboolean
cto_person_dates_in_order (const GDate *start,
                           const GDate *end)
{
  GDate first_end;

  if (start == NULL || end == NULL || !g_date_valid (start) || !g_date_valid (end))
    return TRUE;

  cto_person_get_first_end (start, &first_end);
  return g_date_compare (end, &first_end) >= 0;
}

/* A day there at least: the end is the first day no longer there. */
void
cto_person_get_first_end (const GDate *start,
                          GDate       *first_end)
{
  g_return_if_fail (start != NULL && g_date_valid (start));
  g_return_if_fail (first_end != NULL);

  *first_end = *start;
  g_date_add_days (first_end, 1);
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

static gboolean
set_date (GDate       *field,
          const GDate *value)
{
  gboolean was_valid = g_date_valid (field);

  if (value == NULL || !g_date_valid (value))
    {
      g_date_clear (field, 1);
      return was_valid;
    }

  if (was_valid && g_date_compare (field, value) == 0)
    return FALSE;

  *field = *value;
  return TRUE;
}

void
_cto_person_set_dates (CtoPerson   *self,
                       const GDate *start,
                       const GDate *end)
{
  gboolean start_changed = set_date (&self->start, start);
  gboolean end_changed = set_date (&self->end, end);

  if (start_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START]);
  if (end_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_END]);
}
