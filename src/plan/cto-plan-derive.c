/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-plan-derive"

#include "config.h"

#include "cto-plan-private.h"

/*
 * Plans made from a plan: a copy, the plan without some people (what if
 * they leave, PLAN-FORMAT.md section 5.1), the plan as of a day (section 6).
 * Each is a new plan with a history of its own; the plan it comes from is
 * never touched.
 */

/* Whom @person reports to once the people of @leaving are gone: up the
 * reporting line to the first one who stays. */
static const char *
surviving_manager (CtoPlan    *plan,
                   CtoPerson  *person,
                   GHashTable *leaving)
{
  guint steps = g_list_model_get_n_items (cto_plan_get_people (plan)) + 1;
  const char *id = cto_person_get_reports_to (person);

  while (id != NULL && leaving != NULL && g_hash_table_contains (leaving, id) && steps-- > 0)
    {
      CtoPerson *manager = cto_plan_find_person (plan, id);

      id = manager != NULL ? cto_person_get_reports_to (manager) : NULL;
    }

  return id;
}

static GQuark
as_of_quark (void)
{
  return g_quark_from_static_string ("cto-plan-as-of");
}

static GQuark
whole_quark (void)
{
  return g_quark_from_static_string ("cto-plan-whole");
}

static JsonObject *deep_copy_object (JsonObject *object);

static JsonNode *
deep_copy_node (JsonNode *node)
{
  JsonNode *copy;

  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      copy = json_node_new (JSON_NODE_OBJECT);
      json_node_take_object (copy, deep_copy_object (json_node_get_object (node)));
      return copy;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        JsonArray *array_copy = json_array_sized_new (json_array_get_length (array));

        for (guint i = 0; i < json_array_get_length (array); i++)
          json_array_add_element (array_copy, deep_copy_node (json_array_get_element (array, i)));
        copy = json_node_new (JSON_NODE_ARRAY);
        json_node_take_array (copy, array_copy);
        return copy;
      }

    case JSON_NODE_VALUE:
      {
        GValue value = G_VALUE_INIT;

        copy = json_node_new (JSON_NODE_VALUE);
        json_node_get_value (node, &value);
        json_node_set_value (copy, &value);
        g_value_unset (&value);
        return copy;
      }

    case JSON_NODE_NULL:
    default:
      return json_node_new (JSON_NODE_NULL);
    }
}

/* JSON-GLib counts references without atomics: a copy for another thread
 * shares none with the plan. Members stay in their order. */
static JsonObject *
deep_copy_object (JsonObject *object)
{
  JsonObject *copy = json_object_new ();
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    json_object_set_member (copy, l->data, deep_copy_node (json_object_get_member (object, l->data)));

  return copy;
}

/* @extra itself, or when @deep a copy sharing nothing with it. */
static JsonObject *
dup_extra (JsonObject *extra,
           gboolean    deep)
{
  if (extra == NULL)
    return NULL;

  return deep ? deep_copy_object (extra) : json_object_ref (extra);
}

static CtoPerson *
twin_person (CtoPlan    *plan,
             CtoPerson  *person,
             GHashTable *leaving,
             gboolean    deep)
{
  g_autoptr(JsonObject) extra = dup_extra (_cto_person_get_extra (person), deep);
  CtoPerson *twin = cto_person_new (cto_person_get_id (person),
                                    cto_person_get_name (person),
                                    cto_person_get_role (person),
                                    cto_person_get_capacity (person),
                                    cto_person_get_open_role (person));

  _cto_person_set_reports_to (twin, surviving_manager (plan, person, leaving));
  _cto_person_set_dates (twin, cto_person_get_start (person), cto_person_get_end (person));
  _cto_person_set_extra (twin, extra);

  return twin;
}

static CtoResponsibility *
twin_responsibility (CtoResponsibility *responsibility,
                     GHashTable        *leaving,
                     gboolean           deep)
{
  guint n_assignees = cto_responsibility_get_n_assignees (responsibility);
  g_autoptr(JsonObject) extra = dup_extra (_cto_responsibility_get_extra (responsibility), deep);
  CtoResponsibility *twin;

  twin = cto_responsibility_new (cto_responsibility_get_id (responsibility),
                                 cto_responsibility_get_title (responsibility),
                                 cto_responsibility_get_function (responsibility),
                                 cto_responsibility_get_effort (responsibility),
                                 cto_responsibility_get_description (responsibility));
  _cto_responsibility_set_extra (twin, extra);

  /* The others keep their shares; an accountable mark leaves with its
   * person and passes to no one. */
  for (guint j = 0; j < n_assignees; j++)
    {
      const CtoAssignment *assignment = cto_responsibility_get_assignee (responsibility, j);
      g_autoptr(JsonObject) assignment_extra = NULL;

      if (leaving != NULL && g_hash_table_contains (leaving, assignment->person))
        continue;

      assignment_extra = dup_extra (assignment->extra, deep);
      _cto_responsibility_add_assignee (twin, assignment->person, assignment->share,
                                        assignment->accountable, assignment_extra);
    }

  return twin;
}

/* A plan with @plan's title and settings, and nobody and nothing yet. */
static CtoPlan *
new_twin (CtoPlan  *plan,
          gboolean  deep)
{
  CtoPlan *copy = cto_plan_new ();
  g_autoptr(JsonObject) extra = dup_extra (_cto_plan_get_extra (plan), deep);
  g_autoptr(JsonObject) settings_extra = dup_extra (_cto_plan_get_settings_extra (plan), deep);

  _cto_plan_set_title_internal (copy, cto_plan_get_title (plan));
  _cto_plan_set_settings_internal (copy,
                                   cto_plan_get_overload_threshold (plan),
                                   cto_plan_get_hours_per_fte (plan));
  _cto_plan_set_extra (copy, extra);
  _cto_plan_set_settings_extra (copy, settings_extra);

  return copy;
}

static CtoPlan *
copy_without (CtoPlan    *plan,
              GHashTable *leaving)
{
  GListModel *people = cto_plan_get_people (plan);
  GListModel *responsibilities = cto_plan_get_responsibilities (plan);
  guint n_people = g_list_model_get_n_items (people);
  guint n_responsibilities = g_list_model_get_n_items (responsibilities);
  g_autoptr(GPtrArray) new_people = g_ptr_array_new_full (n_people, g_object_unref);
  g_autoptr(GPtrArray) new_responsibilities =
    g_ptr_array_new_full (n_responsibilities, g_object_unref);
  CtoPlan *copy = new_twin (plan, FALSE);

  for (guint i = 0; i < n_people; i++)
    {
      g_autoptr(CtoPerson) person = g_list_model_get_item (people, i);

      if (leaving != NULL && g_hash_table_contains (leaving, cto_person_get_id (person)))
        continue;

      g_ptr_array_add (new_people, twin_person (plan, person, leaving, FALSE));
    }

  for (guint i = 0; i < n_responsibilities; i++)
    {
      g_autoptr(CtoResponsibility) responsibility = g_list_model_get_item (responsibilities, i);

      g_ptr_array_add (new_responsibilities, twin_responsibility (responsibility, leaving, FALSE));
    }

  _cto_plan_append_people (copy, (CtoPerson **) new_people->pdata, new_people->len);
  _cto_plan_append_responsibilities (copy,
                                     (CtoResponsibility **) new_responsibilities->pdata,
                                     new_responsibilities->len);

  return copy;
}

/**
 * cto_plan_copy:
 *
 * Returns: (transfer full): a plan equal to @self, with an empty history.
 */
CtoPlan *
cto_plan_copy (CtoPlan *self)
{
  g_return_val_if_fail (CTO_IS_PLAN (self), NULL);

  return copy_without (self, NULL);
}

/**
 * cto_plan_copy_without:
 * @ids: (array zero-terminated=1): ids of people of @self
 *
 * The plan without the people of @ids (PLAN-FORMAT.md, section 5.1): each
 * one's assignments are removed, the other assignees keep their shares,
 * an accountable mark of theirs passes to no one, and the people who
 * reported to them report to whom they reported to (the first one up the
 * line who stays). Ids that name no one are ignored.
 *
 * Returns: (transfer full): a new plan, with an empty history.
 */
CtoPlan *
cto_plan_copy_without (CtoPlan            *self,
                       const char * const *ids)
{
  g_autoptr(GHashTable) leaving = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_val_if_fail (CTO_IS_PLAN (self), NULL);

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    g_hash_table_add (leaving, (gpointer) ids[i]);

  return copy_without (self, leaving);
}

/**
 * cto_plan_copy_as_of:
 * @day: a valid day
 *
 * The plan as of @day (PLAN-FORMAT.md, section 6): without every person who
 * is not there on @day, each removed as by cto_plan_copy_without().
 *
 * Returns: (transfer full): a new plan, with an empty history.
 */
CtoPlan *
cto_plan_copy_as_of (CtoPlan     *self,
                     const GDate *day)
{
  g_autoptr(GHashTable) leaving = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *people;
  guint n_people;
  CtoPlan *copy;

  g_return_val_if_fail (CTO_IS_PLAN (self), NULL);
  g_return_val_if_fail (day != NULL && g_date_valid (day), NULL);

  people = cto_plan_get_people (self);
  n_people = g_list_model_get_n_items (people);
  for (guint i = 0; i < n_people; i++)
    {
      g_autoptr(CtoPerson) person = g_list_model_get_item (people, i);

      if (!cto_person_is_present (person, day))
        g_hash_table_add (leaving, (gpointer) cto_person_get_id (person));
    }

  copy = copy_without (self, leaving);
  g_object_set_qdata_full (G_OBJECT (copy), as_of_quark (),
                           g_memdup2 (day, sizeof *day), g_free);
  g_object_set_qdata_full (G_OBJECT (copy), whole_quark (),
                           g_object_ref (cto_plan_get_whole (self)), g_object_unref);

  return copy;
}

/**
 * cto_plan_get_whole:
 *
 * What is made from a plan as of a day over time, such as the hiring plan
 * of its eight quarters (section 6), needs everyone in it, also those not
 * there on that day.
 *
 * Returns: (transfer none): the plan a plan made by cto_plan_copy_as_of()
 * was made from, as it is now; @self for any other plan, also for the copy
 * of a plan as of a day made by a #CtoPlanCopier, which keeps the day but
 * not the whole plan: it serves work on that day's plan alone, such as
 * the suggestions, never what goes over time.
 */
CtoPlan *
cto_plan_get_whole (CtoPlan *self)
{
  CtoPlan *whole;

  g_return_val_if_fail (CTO_IS_PLAN (self), NULL);

  whole = g_object_get_qdata (G_OBJECT (self), whole_quark ());
  return whole != NULL ? whole : self;
}

/**
 * cto_plan_get_as_of:
 *
 * Returns: (nullable): the day of a plan made by cto_plan_copy_as_of(), so
 * that what is made from it can say so ("as of 1 April 2027"); %NULL for
 * any other plan.
 */
const GDate *
cto_plan_get_as_of (CtoPlan *self)
{
  g_return_val_if_fail (CTO_IS_PLAN (self), NULL);

  return g_object_get_qdata (G_OBJECT (self), as_of_quark ());
}

struct _CtoPlanCopier
{
  CtoPlan   *plan;
  guint      serial;            /* of the plan's ::changed when the copy began */
  guint      done;              /* people, then responsibilities, copied so far */
  CtoPlan   *copy;
  GPtrArray *people;            /* CtoPerson* twins */
  GPtrArray *responsibilities;  /* CtoResponsibility* twins */
};

static void
copier_restart (CtoPlanCopier *self)
{
  g_clear_object (&self->copy);
  g_clear_pointer (&self->people, g_ptr_array_unref);
  g_clear_pointer (&self->responsibilities, g_ptr_array_unref);

  self->serial = _cto_plan_get_change_serial (self->plan);
  self->done = 0;
  self->copy = new_twin (self->plan, TRUE);

  /* What is made from the copy of a plan as of a day is made for that
   * day too. The day goes along by value; the whole plan stays here. */
  if (cto_plan_get_as_of (self->plan) != NULL)
    g_object_set_qdata_full (G_OBJECT (self->copy), as_of_quark (),
                             g_memdup2 (cto_plan_get_as_of (self->plan), sizeof (GDate)), g_free);
  self->people = g_ptr_array_new_with_free_func (g_object_unref);
  self->responsibilities = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * cto_plan_copier_new:
 * @plan: the plan to copy
 *
 * Copies @plan a few people and responsibilities at a time
 * (cto_plan_copier_step()), so that copying a large plan never holds up
 * the main loop for long: the copy is then handed to another thread, to
 * work on while the plan is edited.
 *
 * Returns: (transfer full): the copier; free with cto_plan_copier_free().
 */
CtoPlanCopier *
cto_plan_copier_new (CtoPlan *plan)
{
  CtoPlanCopier *self;

  g_return_val_if_fail (CTO_IS_PLAN (plan), NULL);

  self = g_new0 (CtoPlanCopier, 1);
  self->plan = g_object_ref (plan);
  copier_restart (self);

  return self;
}

/**
 * cto_plan_copier_step:
 * @n: how many people and responsibilities to copy at most
 *
 * Copies up to @n more; starts again when the plan changed since the copy
 * began.
 *
 * Returns: %TRUE once the copy is whole: a copy of the plan as it is now.
 */
gboolean
cto_plan_copier_step (CtoPlanCopier *self,
                      guint          n)
{
  GListModel *people;
  GListModel *responsibilities;
  guint n_people, n_responsibilities;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (self->copy != NULL, FALSE);

  if (self->serial != _cto_plan_get_change_serial (self->plan))
    copier_restart (self);

  people = cto_plan_get_people (self->plan);
  responsibilities = cto_plan_get_responsibilities (self->plan);
  n_people = g_list_model_get_n_items (people);
  n_responsibilities = g_list_model_get_n_items (responsibilities);

  for (; n > 0 && self->done < n_people + n_responsibilities; n--, self->done++)
    {
      if (self->done < n_people)
        {
          g_autoptr(CtoPerson) person = g_list_model_get_item (people, self->done);

          g_ptr_array_add (self->people, twin_person (self->plan, person, NULL, TRUE));
        }
      else
        {
          g_autoptr(CtoResponsibility) responsibility =
            g_list_model_get_item (responsibilities, self->done - n_people);

          g_ptr_array_add (self->responsibilities, twin_responsibility (responsibility, NULL, TRUE));
        }
    }

  return self->done == n_people + n_responsibilities;
}

/**
 * cto_plan_copier_finish:
 *
 * Puts the copy together once cto_plan_copier_step() said it is whole. It
 * touches neither the plan nor anything of it (the copy shares nothing
 * with it, not even the members the format does not name), so it may be
 * called on another thread, as may everything done with the copy.
 *
 * Returns: (transfer full): the copy, as cto_plan_copy() makes it, with
 * the day of a plan as of a day (cto_plan_get_as_of()); its whole plan
 * (cto_plan_get_whole()) is the copy itself.
 */
CtoPlan *
cto_plan_copier_finish (CtoPlanCopier *self)
{
  CtoPlan *copy;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->copy != NULL, NULL);

  copy = g_steal_pointer (&self->copy);
  _cto_plan_append_people (copy, (CtoPerson **) self->people->pdata, self->people->len);
  _cto_plan_append_responsibilities (copy, (CtoResponsibility **) self->responsibilities->pdata,
                                     self->responsibilities->len);
  g_clear_pointer (&self->people, g_ptr_array_unref);
  g_clear_pointer (&self->responsibilities, g_ptr_array_unref);

  return copy;
}

/* Only the plan being copied is released: the copier may be freed on
 * another thread only when the plan is held elsewhere. */
void
cto_plan_copier_free (CtoPlanCopier *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->copy);
  g_clear_pointer (&self->people, g_ptr_array_unref);
  g_clear_pointer (&self->responsibilities, g_ptr_array_unref);
  g_clear_object (&self->plan);
  g_free (self);
}

/* The plan being copied. */
CtoPlan *
cto_plan_copier_get_plan (CtoPlanCopier *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->plan;
}

/* Work on a copy --------------------------------------------------------- */

typedef struct
{
  CtoPlanCopier  *copier;
  guint           n_a_step;
  CtoPlanWorkFunc func;
  gpointer        data;
  GDestroyNotify  data_free;
  GDestroyNotify  result_free;
  GSource        *source;
} Work;

/* On the main thread, by cto_plan_work_on_copy_finish(): the copier holds
 * the plan. */
static void
work_free (Work *work)
{
  if (work->source != NULL)
    {
      g_source_destroy (work->source);
      g_source_unref (work->source);
    }
  cto_plan_copier_free (work->copier);
  if (work->data_free != NULL)
    work->data_free (work->data);
  g_free (work);
}

/* The state of the plan's history the copy is of, on the task. */
static GQuark
state_quark (void)
{
  static GQuark quark;

  if (quark == 0)
    quark = g_quark_from_static_string ("cto-work-on-copy-state");

  return quark;
}

static void
work_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Work *work = task_data;
  g_autoptr(CtoPlan) copy = cto_plan_copier_finish (work->copier);

  g_task_return_pointer (task, work->func (copy, work->data, cancellable), work->result_free);
}

static gboolean
work_step_cb (gpointer user_data)
{
  GTask *task = user_data;
  Work *work = g_task_get_task_data (task);

  if (!g_task_return_error_if_cancelled (task))
    {
      CtoPlan *plan = cto_plan_copier_get_plan (work->copier);

      if (!cto_plan_copier_step (work->copier, work->n_a_step))
        return G_SOURCE_CONTINUE;
      /* Edits from now on are not in the copy. */
      g_object_set_qdata (G_OBJECT (task), state_quark (),
                          GUINT_TO_POINTER (cto_history_get_state (cto_plan_get_history (plan))));
      g_task_run_in_thread (task, work_thread);
    }

  g_clear_pointer (&work->source, g_source_unref);

  return G_SOURCE_REMOVE;
}

/**
 * cto_plan_work_on_copy_async:
 * @plan: the plan to work on
 * @source_object: (nullable): the object the callback is given
 * @n_a_step: how many people and responsibilities to copy at a time
 * @priority: the priority of the copying on the main loop
 * @func: what to make of the copy, on another thread
 * @data: (nullable): handed to @func
 * @data_free: (nullable): frees @data, on this thread
 * @result_free: (nullable): frees what @func returns when nobody takes it
 * @cancellable: (nullable): stops the work
 * @callback: called on this thread's main context when done
 * @user_data: for @callback
 *
 * Works out something from @plan without holding up the main loop for
 * long: copies @plan @n_a_step items at a time from an idle source of
 * @priority (starting again when @plan is edited meanwhile, so that the
 * copy is of the plan as it is), then calls @func with the copy on another
 * thread. Nothing of @plan is touched there, so @plan may be edited
 * meanwhile. Events go before the steps; frames wait for them when
 * @priority is above GDK's redraw, and run between them when below.
 *
 * Call cto_plan_work_on_copy_finish() from @callback.
 */
void
cto_plan_work_on_copy_async (CtoPlan             *plan,
                             gpointer             source_object,
                             guint                n_a_step,
                             int                  priority,
                             CtoPlanWorkFunc      func,
                             gpointer             data,
                             GDestroyNotify       data_free,
                             GDestroyNotify       result_free,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Work *work;

  g_return_if_fail (CTO_IS_PLAN (plan));
  g_return_if_fail (n_a_step > 0);
  g_return_if_fail (func != NULL);
  g_return_if_fail (callback != NULL);

  work = g_new0 (Work, 1);
  work->copier = cto_plan_copier_new (plan);
  work->n_a_step = n_a_step;
  work->func = func;
  work->data = data;
  work->data_free = data_free;
  work->result_free = result_free;

  task = g_task_new (source_object, cancellable, callback, user_data);
  g_task_set_source_tag (task, cto_plan_work_on_copy_async);
  g_task_set_task_data (task, work, (GDestroyNotify) work_free);

  work->source = g_idle_source_new ();
  g_source_set_priority (work->source, priority);
  g_source_set_callback (work->source, work_step_cb, g_object_ref (task), g_object_unref);
  g_source_set_static_name (work->source, "[cto] copying a plan");
  g_source_attach (work->source, g_task_get_context (task));
}

/**
 * cto_plan_work_on_copy_finish:
 * @result: the result given to the callback
 * @error: where a cancelled work says so
 *
 * Returns: (transfer full) (nullable): what the function made of the copy,
 * or %NULL with @error set when the work was cancelled.
 */
gpointer
cto_plan_work_on_copy_finish (GAsyncResult  *result,
                              GError       **error)
{
  GTask *task = G_TASK (result);

  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (task) == cto_plan_work_on_copy_async, NULL);

  /* The copier and the data are let go of here, on this thread. */
  g_task_set_task_data (task, NULL, NULL);

  return g_task_propagate_pointer (task, error);
}

/**
 * cto_plan_work_on_copy_get_state:
 * @result: the result given to the callback
 *
 * Returns: the state of the plan's history (cto_history_get_state()) when
 * the copy was whole: what the copy is of. Edits since are not in it. 0
 * when the work was cancelled before.
 */
guint
cto_plan_work_on_copy_get_state (GAsyncResult *result)
{
  g_return_val_if_fail (G_IS_TASK (result), 0);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == cto_plan_work_on_copy_async, 0);

  return GPOINTER_TO_UINT (g_object_get_qdata (G_OBJECT (result), state_quark ()));
}
