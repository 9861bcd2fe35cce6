/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-plan"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "cto-function-list.h"
#include "cto-plan-private.h"

struct _CtoPlan
{
  GObject     parent_instance;

  char       *title;
  double      overload_threshold;
  double      hours_per_fte;

  GListStore *people;             /* CtoPerson */
  GListStore *responsibilities;   /* CtoResponsibility */
  GHashTable *people_by_id;       /* id → CtoPerson, borrowed */
  GHashTable *responsibilities_by_id;
  CtoFunctionLists *function_lists; /* made when first asked for */

  JsonObject *extra;
  JsonObject *settings_extra;

  CtoHistory *history;

  guint       freeze_count;
  gboolean    changed_pending;

  /* What the edits since the last ::changed changed, for those that follow
   * the plan (the analysis, the window): who carries some responsibilities
   * and nothing else, or anything. */
  GPtrArray           *pending_assignees;  /* CtoAssigneesChange* */
  gboolean             pending_other;
  gboolean             noted;              /* the next emit is for a noted change */
  guint                change_serial;      /* ::changed emitted so far */
  const CtoPlanChange *emitting;           /* what the ::changed being emitted is for */
};

G_DEFINE_FINAL_TYPE (CtoPlan, cto_plan, G_TYPE_OBJECT)

G_DEFINE_QUARK (cto-plan-error-quark, cto_plan_error)

gboolean
cto_plan_number_is_valid (double   value,
                          gboolean positive)
{
  if (value == 0)
    return !positive;

  return value >= CTO_PLAN_MIN_NUMBER && value <= CTO_PLAN_MAX_NUMBER;
}

enum {
  PROP_0,
  PROP_TITLE,
  PROP_OVERLOAD_THRESHOLD,
  PROP_HOURS_PER_FTE,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* GObject ------------------------------------------------------------------- */

static void
cto_plan_dispose (GObject *object)
{
  CtoPlan *self = (CtoPlan *) object;

  g_clear_object (&self->history);

  G_OBJECT_CLASS (cto_plan_parent_class)->dispose (object);
}

static void
cto_plan_finalize (GObject *object)
{
  CtoPlan *self = (CtoPlan *) object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->pending_assignees, g_ptr_array_unref);
  g_clear_pointer (&self->people_by_id, g_hash_table_unref);
  g_clear_pointer (&self->responsibilities_by_id, g_hash_table_unref);
  g_clear_pointer (&self->function_lists, _cto_function_lists_free);
  g_clear_object (&self->people);
  g_clear_object (&self->responsibilities);
  g_clear_pointer (&self->extra, json_object_unref);
  g_clear_pointer (&self->settings_extra, json_object_unref);

  G_OBJECT_CLASS (cto_plan_parent_class)->finalize (object);
}

static void
cto_plan_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  CtoPlan *self = CTO_PLAN (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_OVERLOAD_THRESHOLD:
      g_value_set_double (value, self->overload_threshold);
      break;
    case PROP_HOURS_PER_FTE:
      g_value_set_double (value, self->hours_per_fte);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cto_plan_class_init (CtoPlanClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cto_plan_dispose;
  object_class->finalize = cto_plan_finalize;
  object_class->get_property = cto_plan_get_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_OVERLOAD_THRESHOLD] =
    g_param_spec_double ("overload-threshold", NULL, NULL, 0, G_MAXDOUBLE, 1.0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_HOURS_PER_FTE] =
    g_param_spec_double ("hours-per-fte", NULL, NULL, 0, G_MAXDOUBLE, 40.0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CtoPlan::changed:
   *
   * Emitted after every edit, undo and redo; once for a group of edits.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
cto_plan_init (CtoPlan *self)
{
  self->title = g_strdup (_("Untitled plan"));
  self->overload_threshold = 1.0;
  self->hours_per_fte = 40.0;
  self->people = g_list_store_new (CTO_TYPE_PERSON);
  self->responsibilities = g_list_store_new (CTO_TYPE_RESPONSIBILITY);
  self->people_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->responsibilities_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->history = _cto_history_new (self);
}

/* Internal API -------------------------------------------------------------- */

static void
assignees_change_free (gpointer data)
{
  CtoAssigneesChange *change = data;

  g_clear_object (&change->responsibility);
  g_clear_pointer (&change->old_people, g_ptr_array_unref);
  g_free (change);
}

/* Beyond this many responsibilities in one step, whoever follows the plan
 * may as well look at all of it. */
#define MAX_NOTED_ASSIGNEES 256

static void
emit_changed_now (CtoPlan *self)
{
  CtoPlanChange change = { 0 };
  const CtoPlanChange *outer = self->emitting;

  change.serial = ++self->change_serial;
  change.other = self->pending_other;
  change.assignees = g_steal_pointer (&self->pending_assignees);
  self->pending_other = FALSE;
  self->noted = FALSE;

  g_object_ref (self);
  self->emitting = &change;
  g_signal_emit (self, signals[CHANGED], 0);
  self->emitting = outer;
  g_object_unref (self);

  g_clear_pointer (&change.assignees, g_ptr_array_unref);
}

void
_cto_plan_freeze_changed (CtoPlan *self)
{
  self->freeze_count++;
}

void
_cto_plan_thaw_changed (CtoPlan *self)
{
  g_return_if_fail (self->freeze_count > 0);

  if (--self->freeze_count == 0 && self->changed_pending)
    {
      self->changed_pending = FALSE;
      emit_changed_now (self);
    }
}

void
_cto_plan_emit_changed (CtoPlan *self)
{
  if (!self->noted)
    self->pending_other = TRUE;
  self->noted = FALSE;

  if (self->freeze_count > 0)
    self->changed_pending = TRUE;
  else
    emit_changed_now (self);
}

void
_cto_plan_note_assignees (CtoPlan           *self,
                          CtoResponsibility *responsibility)
{
  CtoAssigneesChange *change;
  guint n;

  self->noted = TRUE;
  if (self->pending_other)
    return;

  if (self->pending_assignees == NULL)
    self->pending_assignees = g_ptr_array_new_with_free_func (assignees_change_free);

  /* Who carried it at the last ::changed is what counts. */
  for (guint i = 0; i < self->pending_assignees->len; i++)
    if (((CtoAssigneesChange *) g_ptr_array_index (self->pending_assignees, i))->responsibility ==
        responsibility)
      return;

  if (self->pending_assignees->len >= MAX_NOTED_ASSIGNEES)
    {
      self->pending_other = TRUE;
      g_clear_pointer (&self->pending_assignees, g_ptr_array_unref);
      return;
    }

  n = cto_responsibility_get_n_assignees (responsibility);
  change = g_new0 (CtoAssigneesChange, 1);
  change->responsibility = g_object_ref (responsibility);
  change->old_people = g_ptr_array_new_full (n, g_free);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (change->old_people,
                     g_strdup (cto_responsibility_get_assignee (responsibility, i)->person));
  g_ptr_array_add (self->pending_assignees, change);
}

const CtoPlanChange *
_cto_plan_get_change (CtoPlan *self)
{
  g_return_val_if_fail (CTO_IS_PLAN (self), NULL);

  /* Only the latest ::changed, and only while nothing else waits to be told. */
  if (self->emitting == NULL || self->emitting->serial != self->change_serial ||
      self->changed_pending || self->noted || self->pending_other ||
      self->pending_assignees != NULL)
    return NULL;

  return self->emitting;
}

guint
_cto_plan_get_change_serial (CtoPlan *self)
{
  g_return_val_if_fail (CTO_IS_PLAN (self), 0);

  return self->change_serial;
}

void
_cto_plan_set_title_internal (CtoPlan    *self,
                              const char *title)
{
  if (g_strcmp0 (self->title, title) == 0)
    return;

  g_free (self->title);
  self->title = g_strdup (title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

void
_cto_plan_set_settings_internal (CtoPlan *self,
                                 double   overload_threshold,
                                 double   hours_per_fte)
{
  if (self->overload_threshold != overload_threshold)
    {
      self->overload_threshold = overload_threshold;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OVERLOAD_THRESHOLD]);
    }

  if (self->hours_per_fte != hours_per_fte)
    {
      self->hours_per_fte = hours_per_fte;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HOURS_PER_FTE]);
    }
}

gboolean
_cto_plan_append_person (CtoPlan   *self,
                         CtoPerson *person)
{
  const char *id = cto_person_get_id (person);

  if (g_hash_table_contains (self->people_by_id, id))
    return FALSE;

  g_hash_table_insert (self->people_by_id, (gpointer) id, person);
  g_list_store_append (self->people, person);

  return TRUE;
}

gboolean
_cto_plan_append_responsibility (CtoPlan           *self,
                                 CtoResponsibility *responsibility)
{
  const char *id = cto_responsibility_get_id (responsibility);

  if (g_hash_table_contains (self->responsibilities_by_id, id))
    return FALSE;

  g_hash_table_insert (self->responsibilities_by_id, (gpointer) id, responsibility);
  g_list_store_append (self->responsibilities, responsibility);

  return TRUE;
}

/* Adds @n people, whose ids are unique and new to the plan, at the end in
 * one change of the list: how a plan read from a file is filled. */
void
_cto_plan_append_people (CtoPlan    *self,
                         CtoPerson **people,
                         guint       n)
{
  guint position = g_list_model_get_n_items (G_LIST_MODEL (self->people));

  for (guint i = 0; i < n; i++)
    g_hash_table_insert (self->people_by_id, (gpointer) cto_person_get_id (people[i]), people[i]);

  g_list_store_splice (self->people, position, 0, (gpointer *) people, n);
}

/* Adds @n responsibilities, whose ids are unique and new to the plan, at
 * the end in one change of the list: how a plan read from a file is filled. */
void
_cto_plan_append_responsibilities (CtoPlan            *self,
                                   CtoResponsibility **responsibilities,
                                   guint               n)
{
  guint position = g_list_model_get_n_items (G_LIST_MODEL (self->responsibilities));

  for (guint i = 0; i < n; i++)
    g_hash_table_insert (self->responsibilities_by_id,
                         (gpointer) cto_responsibility_get_id (responsibilities[i]),
                         responsibilities[i]);

  g_list_store_splice (self->responsibilities, position, 0, (gpointer *) responsibilities, n);
}

JsonObject *
_cto_plan_get_extra (CtoPlan *self)
{
  return self->extra;
}

void
_cto_plan_set_extra (CtoPlan    *self,
                     JsonObject *extra)
{
  if (extra != NULL)
    json_object_ref (extra);
  g_clear_pointer (&self->extra, json_object_unref);
  self->extra = extra;
}

JsonObject *
_cto_plan_get_settings_extra (CtoPlan *self)
{
  return self->settings_extra;
}

void
_cto_plan_set_settings_extra (CtoPlan    *self,
                              JsonObject *extra)
{
  if (extra != NULL)
    json_object_ref (extra);
  g_clear_pointer (&self->settings_extra, json_object_unref);
  self->settings_extra = extra;
}

gboolean
cto_plan_reports_to_closes_cycle (CtoPlan    *self,
                                  const char *person,
                                  const char *manager)
{
  guint steps;

  g_return_val_if_fail (CTO_IS_PLAN (self), FALSE);
  g_return_val_if_fail (person != NULL, FALSE);

  steps = g_hash_table_size (self->people_by_id) + 1;

  /* Walk up from the manager; meeting @person again closes a loop. A chain
   * longer than the number of people is already a loop of others. */
  for (const char *id = manager; id != NULL && steps > 0; steps--)
    {
      CtoPerson *up;

      if (strcmp (id, person) == 0)
        return TRUE;

      up = g_hash_table_lookup (self->people_by_id, id);
      if (up == NULL)
        return FALSE;

      id = cto_person_get_reports_to (up);
    }

  return steps == 0;
}

/* For the commands (cto-plan-commands.c): a person or a responsibility into
 * or out of the plan's list and index, or moved within the list. */
void
_cto_plan_insert_item (CtoPlan  *self,
                       GObject  *item,
                       guint     position,
                       gboolean  insert)
{
  gboolean is_person = CTO_IS_PERSON (item);
  GListStore *store = is_person ? self->people : self->responsibilities;
  GHashTable *index = is_person ? self->people_by_id : self->responsibilities_by_id;
  const char *id = is_person ? cto_person_get_id (CTO_PERSON (item))
                             : cto_responsibility_get_id (CTO_RESPONSIBILITY (item));

  if (insert)
    {
      g_hash_table_insert (index, (gpointer) id, item);
      g_list_store_insert (store, position, item);
    }
  else
    {
      g_hash_table_remove (index, id);
      g_list_store_remove (store, position);
    }
}

void
_cto_plan_move_item (CtoPlan *self,
                     GObject *item,
                     guint    from,
                     guint    to)
{
  GListStore *store = CTO_IS_PERSON (item) ? self->people : self->responsibilities;

  g_list_store_remove (store, from);
  g_list_store_insert (store, to, item);
}

/* Public API ---------------------------------------------------------------- */

CtoPlan *
cto_plan_new (void)
{
  return g_object_new (CTO_TYPE_PLAN, NULL);
}

const char *
cto_plan_get_title (CtoPlan *self)
{
  g_return_val_if_fail (CTO_IS_PLAN (self), NULL);

  return self->title;
}

double
cto_plan_get_overload_threshold (CtoPlan *self)
{
  g_return_val_if_fail (CTO_IS_PLAN (self), 1.0);

  return self->overload_threshold;
}

double
cto_plan_get_hours_per_fte (CtoPlan *self)
{
  g_return_val_if_fail (CTO_IS_PLAN (self), 40.0);

  return self->hours_per_fte;
}

GListModel *
cto_plan_get_people (CtoPlan *self)
{
  g_return_val_if_fail (CTO_IS_PLAN (self), NULL);

  return G_LIST_MODEL (self->people);
}

GListModel *
cto_plan_get_responsibilities (CtoPlan *self)
{
  g_return_val_if_fail (CTO_IS_PLAN (self), NULL);

  return G_LIST_MODEL (self->responsibilities);
}

GListModel *
cto_plan_get_function_responsibilities (CtoPlan     *self,
                                        CtoFunction  function)
{
  g_return_val_if_fail (CTO_IS_PLAN (self), NULL);
  g_return_val_if_fail (function < CTO_N_FUNCTIONS, NULL);

  if (self->function_lists == NULL)
    self->function_lists = _cto_function_lists_new (G_LIST_MODEL (self->responsibilities));

  return _cto_function_lists_get (self->function_lists, function);
}

void
_cto_plan_regroup (CtoPlan           *self,
                   CtoResponsibility *responsibility)
{
  guint position;

  if (self->function_lists != NULL &&
      g_list_store_find (self->responsibilities, responsibility, &position))
    _cto_function_lists_regroup (self->function_lists, position);
}

CtoPerson *
cto_plan_find_person (CtoPlan    *self,
                      const char *id)
{
  g_return_val_if_fail (CTO_IS_PLAN (self), NULL);

  if (id == NULL)
    return NULL;

  return g_hash_table_lookup (self->people_by_id, id);
}

CtoResponsibility *
cto_plan_find_responsibility (CtoPlan    *self,
                              const char *id)
{
  g_return_val_if_fail (CTO_IS_PLAN (self), NULL);

  if (id == NULL)
    return NULL;

  return g_hash_table_lookup (self->responsibilities_by_id, id);
}

int
cto_plan_get_person_position (CtoPlan   *self,
                              CtoPerson *person)
{
  guint position;

  g_return_val_if_fail (CTO_IS_PLAN (self), -1);

  if (person == NULL || !g_list_store_find (self->people, person, &position))
    return -1;

  return (int) position;
}

int
cto_plan_get_responsibility_position (CtoPlan           *self,
                                      CtoResponsibility *responsibility)
{
  guint position;

  g_return_val_if_fail (CTO_IS_PLAN (self), -1);

  if (responsibility == NULL || !g_list_store_find (self->responsibilities, responsibility, &position))
    return -1;

  return (int) position;
}

CtoHistory *
cto_plan_get_history (CtoPlan *self)
{
  g_return_val_if_fail (CTO_IS_PLAN (self), NULL);

  return self->history;
}

void
cto_plan_set_title (CtoPlan    *self,
                    const char *title)
{
  g_return_if_fail (CTO_IS_PLAN (self));
  g_return_if_fail (title != NULL);

  _cto_plan_push_set_string (self, NULL, FIELD_PLAN_TITLE, self->title, title,
                   g_strdup (_("Rename plan")));
}

void
cto_plan_set_overload_threshold (CtoPlan *self,
                                 double   threshold)
{
  g_return_if_fail (CTO_IS_PLAN (self));
  g_return_if_fail (cto_plan_number_is_valid (threshold, TRUE));

  _cto_plan_push_set_number (self, NULL, FIELD_PLAN_OVERLOAD_THRESHOLD,
                   self->overload_threshold, threshold,
                   g_strdup (_("Change overload threshold")));
}

void
cto_plan_set_hours_per_fte (CtoPlan *self,
                            double   hours)
{
  g_return_if_fail (CTO_IS_PLAN (self));
  g_return_if_fail (cto_plan_number_is_valid (hours, TRUE));

  _cto_plan_push_set_number (self, NULL, FIELD_PLAN_HOURS_PER_FTE,
                   self->hours_per_fte, hours,
                   g_strdup (_("Change hours per full-time person")));
}

void
cto_plan_insert_person (CtoPlan   *self,
                        guint      position,
                        CtoPerson *person)
{
  guint n_people;

  g_return_if_fail (CTO_IS_PLAN (self));
  g_return_if_fail (CTO_IS_PERSON (person));
  g_return_if_fail (!g_hash_table_contains (self->people_by_id, cto_person_get_id (person)));

  n_people = g_list_model_get_n_items (G_LIST_MODEL (self->people));
  _cto_plan_push_insert (self, person, MIN (position, n_people), TRUE,
               g_strdup_printf (_("Add “%s”"), cto_person_get_name (person)));
}

void
cto_plan_remove_person (CtoPlan   *self,
                        CtoPerson *person)
{
  g_autoptr(CtoPerson) keep = NULL;
  g_autofree char *label = NULL;
  const char *id;
  guint n_items;
  int position;

  g_return_if_fail (CTO_IS_PLAN (self));
  g_return_if_fail (CTO_IS_PERSON (person));

  position = cto_plan_get_person_position (self, person);
  g_return_if_fail (position >= 0);

  keep = g_object_ref (person);
  id = cto_person_get_id (person);
  label = g_strdup_printf (_("Remove “%s”"), cto_person_get_name (person));
  cto_history_begin_group (self->history, label);

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->responsibilities));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(CtoResponsibility) responsibility =
        g_list_model_get_item (G_LIST_MODEL (self->responsibilities), i);

      if (cto_responsibility_find_assignee (responsibility, id, NULL) != NULL)
        cto_plan_unassign (self, responsibility, person);
    }

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->people));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(CtoPerson) other = g_list_model_get_item (G_LIST_MODEL (self->people), i);

      if (g_strcmp0 (cto_person_get_reports_to (other), id) == 0)
        cto_plan_set_reports_to (self, other, NULL, NULL);
    }

  _cto_plan_push_insert (self, person, position, FALSE, NULL);

  cto_history_end_group (self->history);
}

void
cto_plan_move_person (CtoPlan   *self,
                      CtoPerson *person,
                      guint      position)
{
  guint n_people;
  int from;

  g_return_if_fail (CTO_IS_PLAN (self));
  g_return_if_fail (CTO_IS_PERSON (person));

  from = cto_plan_get_person_position (self, person);
  g_return_if_fail (from >= 0);

  n_people = g_list_model_get_n_items (G_LIST_MODEL (self->people));
  _cto_plan_push_move (self, person, from, MIN (position, n_people - 1),
             g_strdup_printf (_("Move “%s”"), cto_person_get_name (person)));
}

void
cto_plan_set_person_name (CtoPlan    *self,
                          CtoPerson  *person,
                          const char *name)
{
  g_return_if_fail (CTO_IS_PLAN (self));
  g_return_if_fail (CTO_IS_PERSON (person));
  g_return_if_fail (name != NULL && *name != '\0');

  _cto_plan_push_set_string (self, person, FIELD_PERSON_NAME, cto_person_get_name (person), name,
                   g_strdup_printf (_("Rename “%s”"), cto_person_get_name (person)));
}

void
cto_plan_set_person_role (CtoPlan    *self,
                          CtoPerson  *person,
                          const char *role)
{
  g_return_if_fail (CTO_IS_PLAN (self));
  g_return_if_fail (CTO_IS_PERSON (person));

  _cto_plan_push_set_string (self, person, FIELD_PERSON_ROLE, cto_person_get_role (person),
                   role ? role : "",
                   g_strdup_printf (_("Change the role of “%s”"), cto_person_get_name (person)));
}

void
cto_plan_set_person_capacity (CtoPlan   *self,
                              CtoPerson *person,
                              double     capacity)
{
  g_return_if_fail (CTO_IS_PLAN (self));
  g_return_if_fail (CTO_IS_PERSON (person));
  g_return_if_fail (cto_plan_number_is_valid (capacity, FALSE));

  _cto_plan_push_set_number (self, person, FIELD_PERSON_CAPACITY,
                   cto_person_get_capacity (person), capacity,
                   g_strdup_printf (_("Change the hours of “%s”"), cto_person_get_name (person)));
}

void
cto_plan_set_person_open_role (CtoPlan   *self,
                               CtoPerson *person,
                               gboolean   open_role)
{
  g_return_if_fail (CTO_IS_PLAN (self));
  g_return_if_fail (CTO_IS_PERSON (person));

  _cto_plan_push_set_number (self, person, FIELD_PERSON_OPEN_ROLE,
                   cto_person_get_open_role (person) ? 1 : 0, open_role ? 1 : 0,
                   open_role
                     ? g_strdup_printf (_("Mark “%s” as an open role"), cto_person_get_name (person))
                     : g_strdup_printf (_("Mark “%s” as filled"), cto_person_get_name (person)));
}

gboolean
cto_plan_set_reports_to (CtoPlan    *self,
                         CtoPerson  *person,
                         CtoPerson  *manager,
                         GError    **error)
{
  const char *manager_id;

  g_return_val_if_fail (CTO_IS_PLAN (self), FALSE);
  g_return_val_if_fail (CTO_IS_PERSON (person), FALSE);
  g_return_val_if_fail (manager == NULL || CTO_IS_PERSON (manager), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  manager_id = manager ? cto_person_get_id (manager) : NULL;

  if (manager != NULL && cto_plan_find_person (self, manager_id) != manager)
    {
      g_set_error (error, CTO_PLAN_ERROR, CTO_PLAN_ERROR_INVALID,
                   _("“%s” is not part of this plan"), cto_person_get_name (manager));
      return FALSE;
    }

  if (manager != NULL &&
      cto_plan_reports_to_closes_cycle (self, cto_person_get_id (person), manager_id))
    {
      if (manager == person)
        g_set_error (error, CTO_PLAN_ERROR, CTO_PLAN_ERROR_CYCLE,
                     _("“%s” cannot report to themselves"), cto_person_get_name (person));
      else
        g_set_error (error, CTO_PLAN_ERROR, CTO_PLAN_ERROR_CYCLE,
                     _("“%s” cannot report to “%s”, who already reports to them"),
                     cto_person_get_name (person), cto_person_get_name (manager));
      return FALSE;
    }

  _cto_plan_push_set_string (self, person, FIELD_PERSON_REPORTS_TO,
                   cto_person_get_reports_to (person), manager_id,
                   manager
                     ? g_strdup_printf (_("Make “%s” report to “%s”"),
                                        cto_person_get_name (person), cto_person_get_name (manager))
                     : g_strdup_printf (_("Make “%s” report to no one"),
                                        cto_person_get_name (person)));
  return TRUE;
}

void
cto_plan_insert_responsibility (CtoPlan           *self,
                                guint              position,
                                CtoResponsibility *responsibility)
{
  guint n_items;

  g_return_if_fail (CTO_IS_PLAN (self));
  g_return_if_fail (CTO_IS_RESPONSIBILITY (responsibility));
  g_return_if_fail (!g_hash_table_contains (self->responsibilities_by_id,
                                            cto_responsibility_get_id (responsibility)));

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->responsibilities));
  _cto_plan_push_insert (self, responsibility, MIN (position, n_items), TRUE,
               g_strdup_printf (_("Add “%s”"), cto_responsibility_get_title (responsibility)));
}

void
cto_plan_remove_responsibility (CtoPlan           *self,
                                CtoResponsibility *responsibility)
{
  int position;

  g_return_if_fail (CTO_IS_PLAN (self));
  g_return_if_fail (CTO_IS_RESPONSIBILITY (responsibility));

  position = cto_plan_get_responsibility_position (self, responsibility);
  g_return_if_fail (position >= 0);

  _cto_plan_push_insert (self, responsibility, position, FALSE,
               g_strdup_printf (_("Remove “%s”"), cto_responsibility_get_title (responsibility)));
}

void
cto_plan_move_responsibility (CtoPlan           *self,
                              CtoResponsibility *responsibility,
                              guint              position)
{
  guint n_items;
  int from;

  g_return_if_fail (CTO_IS_PLAN (self));
  g_return_if_fail (CTO_IS_RESPONSIBILITY (responsibility));

  from = cto_plan_get_responsibility_position (self, responsibility);
  g_return_if_fail (from >= 0);

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->responsibilities));
  _cto_plan_push_move (self, responsibility, from, MIN (position, n_items - 1),
             g_strdup_printf (_("Move “%s”"), cto_responsibility_get_title (responsibility)));
}

void
cto_plan_set_responsibility_title (CtoPlan           *self,
                                   CtoResponsibility *responsibility,
                                   const char        *title)
{
  g_return_if_fail (CTO_IS_PLAN (self));
  g_return_if_fail (CTO_IS_RESPONSIBILITY (responsibility));
  g_return_if_fail (title != NULL && *title != '\0');

  _cto_plan_push_set_string (self, responsibility, FIELD_RESPONSIBILITY_TITLE,
                   cto_responsibility_get_title (responsibility), title,
                   g_strdup_printf (_("Rename “%s”"), cto_responsibility_get_title (responsibility)));
}

void
cto_plan_set_responsibility_function (CtoPlan           *self,
                                      CtoResponsibility *responsibility,
                                      CtoFunction        function)
{
  g_return_if_fail (CTO_IS_PLAN (self));
  g_return_if_fail (CTO_IS_RESPONSIBILITY (responsibility));
  g_return_if_fail (function < CTO_N_FUNCTIONS);

  _cto_plan_push_set_number (self, responsibility, FIELD_RESPONSIBILITY_FUNCTION,
                   cto_responsibility_get_function (responsibility), function,
                   g_strdup_printf (_("Move “%s” to %s"),
                                    cto_responsibility_get_title (responsibility),
                                    cto_function_get_name (function)));
}

void
cto_plan_set_responsibility_effort (CtoPlan           *self,
                                    CtoResponsibility *responsibility,
                                    double             effort)
{
  g_return_if_fail (CTO_IS_PLAN (self));
  g_return_if_fail (CTO_IS_RESPONSIBILITY (responsibility));
  g_return_if_fail (cto_plan_number_is_valid (effort, FALSE));

  _cto_plan_push_set_number (self, responsibility, FIELD_RESPONSIBILITY_EFFORT,
                   cto_responsibility_get_effort (responsibility), effort,
                   g_strdup_printf (_("Change the hours of “%s”"),
                                    cto_responsibility_get_title (responsibility)));
}

void
cto_plan_set_responsibility_description (CtoPlan           *self,
                                         CtoResponsibility *responsibility,
                                         const char        *description)
{
  g_return_if_fail (CTO_IS_PLAN (self));
  g_return_if_fail (CTO_IS_RESPONSIBILITY (responsibility));

  _cto_plan_push_set_string (self, responsibility, FIELD_RESPONSIBILITY_DESCRIPTION,
                   cto_responsibility_get_description (responsibility),
                   description ? description : "",
                   g_strdup_printf (_("Describe “%s”"),
                                    cto_responsibility_get_title (responsibility)));
}
