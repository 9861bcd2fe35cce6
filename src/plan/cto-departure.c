/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-departure"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cto-departure.h"
#include "cto-history.h"

struct _CtoDeparture
{
  GObject               parent_instance;

  CtoPerson            *person;
  CtoPlan              *plan;
  CtoPlan              *plan_after;
  CtoAnalysis          *analysis_before;
  CtoAnalysis          *analysis_after;
  double                hours;
  GPtrArray            *left_unassigned;   /* CtoResponsibility*, plan order */
  GPtrArray            *accountable_lost;  /* CtoResponsibility*, plan order */
  GPtrArray            *left_without_accountable;  /* of those, plan order */
  CtoDepartureFunction  functions[CTO_N_FUNCTIONS];
};

G_DEFINE_FINAL_TYPE (CtoDeparture, cto_departure, G_TYPE_OBJECT)

static void
cto_departure_dispose (GObject *object)
{
  CtoDeparture *self = (CtoDeparture *) object;

  g_clear_object (&self->analysis_after);
  g_clear_object (&self->analysis_before);
  g_clear_object (&self->plan_after);
  g_clear_object (&self->plan);
  g_clear_object (&self->person);
  g_clear_pointer (&self->left_unassigned, g_ptr_array_unref);
  g_clear_pointer (&self->accountable_lost, g_ptr_array_unref);
  g_clear_pointer (&self->left_without_accountable, g_ptr_array_unref);

  G_OBJECT_CLASS (cto_departure_parent_class)->dispose (object);
}

static void
cto_departure_class_init (CtoDepartureClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = cto_departure_dispose;
}

static void
cto_departure_init (CtoDeparture *self)
{
  self->left_unassigned = g_ptr_array_new_with_free_func (g_object_unref);
  self->accountable_lost = g_ptr_array_new_with_free_func (g_object_unref);
  self->left_without_accountable = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * cto_departure_new:
 * @plan: the plan
 * @person_id: the id of the person who leaves
 *
 * Works out what happens when @person_id leaves @plan (PLAN-FORMAT.md,
 * section 5.1). The figures are those of @plan as it is now.
 *
 * Returns: (transfer full) (nullable): the departure, or %NULL when
 * @person_id names nobody in @plan.
 */
/* The figures of the departure, from the analysis of the plan before:
 * only the person's own responsibilities change (those where they were the
 * only assignee lose their assignee, the people of their functions lose
 * them), so nothing else needs working out again. */
static CtoDeparture *
departure_new (CtoAnalysis *analysis,
               CtoPerson   *person)
{
  CtoDeparture *self = g_object_new (CTO_TYPE_DEPARTURE, NULL);
  const char *person_id = cto_person_get_id (person);
  const CtoPersonReport *report = cto_analysis_get_person (analysis, person);
  guint uncovered[CTO_N_FUNCTIONS] = { 0 };
  guint functions = 0;  /* a bit for each function the person is among the people of */

  g_assert (report != NULL);
  self->person = g_object_ref (person);
  self->plan = g_object_ref (cto_analysis_get_plan (analysis));
  self->analysis_before = g_object_ref (analysis);
  self->hours = report->load;

  /* The responsibilities the person carries are those to look at. */
  for (guint i = 0; i < report->responsibilities->len; i++)
    {
      CtoResponsibility *responsibility = g_ptr_array_index (report->responsibilities, i);
      const CtoAssignment *assignment =
        cto_responsibility_find_assignee (responsibility, person_id, NULL);
      CtoFunction function = cto_responsibility_get_function (responsibility);

      functions |= 1u << function;
      if (cto_responsibility_get_n_assignees (responsibility) == 1)
        {
          g_ptr_array_add (self->left_unassigned, g_object_ref (responsibility));
          uncovered[function]++;
        }
      else if (assignment != NULL && assignment->accountable)
        {
          g_ptr_array_add (self->accountable_lost, g_object_ref (responsibility));
          if (cto_responsibility_lacks_accountable_without (responsibility, person_id))
            g_ptr_array_add (self->left_without_accountable, g_object_ref (responsibility));
        }
    }

  for (guint f = 0; f < CTO_N_FUNCTIONS; f++)
    {
      const CtoFunctionReport *before = cto_analysis_get_function (analysis, f);
      gboolean counted = (functions & (1u << f)) != 0 && cto_person_counts_in_bus_factor (person);

      self->functions[f].function = (CtoFunction) f;
      self->functions[f].status_before = before->status;
      self->functions[f].status_after = cto_coverage_from_counts (before->n_responsibilities,
                                                                  before->n_covered - uncovered[f]);
      self->functions[f].bus_factor_before = before->bus_factor;
      self->functions[f].bus_factor_after = before->bus_factor - (counted ? 1 : 0);
    }

  return self;
}

CtoDeparture *
cto_departure_new (CtoPlan    *plan,
                   const char *person_id)
{
  g_autoptr(CtoAnalysis) analysis = NULL;
  const char *ids[] = { person_id, NULL };
  CtoDeparture *self;
  CtoPerson *person;

  g_return_val_if_fail (CTO_IS_PLAN (plan), NULL);
  g_return_val_if_fail (person_id != NULL, NULL);

  person = cto_plan_find_person (plan, person_id);
  if (person == NULL)
    return NULL;

  analysis = cto_analysis_new (plan);
  self = departure_new (analysis, person);
  self->plan_after = cto_plan_copy_without (plan, ids);
  self->analysis_after = cto_analysis_new (self->plan_after);

  return self;
}

/**
 * cto_departure_new_figures:
 * @analysis: the analysis of the plan as it is now
 * @person: a person of that plan
 *
 * The figures of cto_departure_new() alone, without the plan after and its
 * analysis (cto_departure_get_plan_after() and
 * cto_departure_get_analysis_after() give %NULL): what it takes to ask
 * about every person of a large plan at once.
 *
 * Returns: (transfer full): the departure of @person.
 */
CtoDeparture *
cto_departure_new_figures (CtoAnalysis *analysis,
                           CtoPerson   *person)
{
  g_return_val_if_fail (CTO_IS_ANALYSIS (analysis), NULL);
  g_return_val_if_fail (CTO_IS_PERSON (person), NULL);
  g_return_val_if_fail (cto_analysis_get_person (analysis, person) != NULL, NULL);

  return departure_new (analysis, person);
}

CtoPerson *
cto_departure_get_person (CtoDeparture *self)
{
  g_return_val_if_fail (CTO_IS_DEPARTURE (self), NULL);

  return self->person;
}

CtoPlan *
cto_departure_get_plan (CtoDeparture *self)
{
  g_return_val_if_fail (CTO_IS_DEPARTURE (self), NULL);

  return self->plan;
}

CtoPlan *
cto_departure_get_plan_after (CtoDeparture *self)
{
  g_return_val_if_fail (CTO_IS_DEPARTURE (self), NULL);

  return self->plan_after;
}

CtoAnalysis *
cto_departure_get_analysis_before (CtoDeparture *self)
{
  g_return_val_if_fail (CTO_IS_DEPARTURE (self), NULL);

  return self->analysis_before;
}

CtoAnalysis *
cto_departure_get_analysis_after (CtoDeparture *self)
{
  g_return_val_if_fail (CTO_IS_DEPARTURE (self), NULL);

  return self->analysis_after;
}

double
cto_departure_get_hours (CtoDeparture *self)
{
  g_return_val_if_fail (CTO_IS_DEPARTURE (self), 0);

  return self->hours;
}

/**
 * cto_departure_get_left_unassigned:
 *
 * Returns: (transfer none) (element-type CtoResponsibility): the
 * responsibilities of the plan made from whose only assignee was the person.
 */
GPtrArray *
cto_departure_get_left_unassigned (CtoDeparture *self)
{
  g_return_val_if_fail (CTO_IS_DEPARTURE (self), NULL);

  return self->left_unassigned;
}

/**
 * cto_departure_get_accountable_lost:
 *
 * Returns: (transfer none) (element-type CtoResponsibility): the
 * responsibilities where the person was marked accountable and others remain.
 */
GPtrArray *
cto_departure_get_accountable_lost (CtoDeparture *self)
{
  g_return_val_if_fail (CTO_IS_DEPARTURE (self), NULL);

  return self->accountable_lost;
}

/**
 * cto_departure_get_left_without_accountable:
 *
 * Returns: (transfer none) (element-type CtoResponsibility): of the
 * responsibilities where the person was marked accountable, those that two
 * or more others would share with no one accountable
 */
GPtrArray *
cto_departure_get_left_without_accountable (CtoDeparture *self)
{
  g_return_val_if_fail (CTO_IS_DEPARTURE (self), NULL);

  return self->left_without_accountable;
}

const CtoDepartureFunction *
cto_departure_get_function (CtoDeparture *self,
                            CtoFunction   function)
{
  g_return_val_if_fail (CTO_IS_DEPARTURE (self), NULL);
  g_return_val_if_fail (function < CTO_N_FUNCTIONS, NULL);

  return &self->functions[function];
}

/**
 * cto_departure_remove_person:
 *
 * Removes @person_id from @plan as cto_departure_new() shows it: the people
 * who reported to them report to their manager, their assignments go, the
 * others keep their shares. One undoable step.
 *
 * Returns: %FALSE when @person_id names nobody in @plan.
 */
gboolean
cto_departure_remove_person (CtoPlan    *plan,
                             const char *person_id)
{
  g_autoptr(CtoPerson) person = NULL;
  g_autofree char *label = NULL;
  CtoHistory *history;
  CtoPerson *manager;
  GListModel *people;

  g_return_val_if_fail (CTO_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (person_id != NULL, FALSE);

  person = cto_plan_find_person (plan, person_id);
  if (person == NULL)
    return FALSE;
  g_object_ref (person);

  manager = cto_plan_find_person (plan, cto_person_get_reports_to (person));
  people = cto_plan_get_people (plan);
  history = cto_plan_get_history (plan);
  /* Translators: an undoable step, "Remove Bo Lin" */
  label = g_strdup_printf (_("Remove %s"), cto_person_get_name (person));

  cto_history_begin_group (history, label);
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(CtoPerson) other = g_list_model_get_item (people, i);

      /* Up the line to their manager can close no cycle. */
      if (g_strcmp0 (cto_person_get_reports_to (other), person_id) == 0)
        cto_plan_set_reports_to (plan, other, manager, NULL);
    }
  cto_plan_remove_person (plan, person);
  cto_history_end_group (history);

  return TRUE;
}

/**
 * cto_departure_remove_and_apply:
 * @suggestions: made for the plan without @person_id, as
 *   cto_suggestions_new() of the departure's plan after makes them
 * @n_joined: (out) (optional): how many of them, made for the plan as of a
 *   day, gave work the whole plan has carried by people away that day, whom
 *   the takers joined (cto_suggestions_apply_all())
 *
 * Removes @person_id as cto_departure_remove_person() does, then applies
 * every one of @suggestions: one undoable step.
 *
 * Returns: how many were applied (all, unless the plan has changed since
 * they were made), or -1, with nothing changed, when @person_id names
 * nobody
 */
int
cto_departure_remove_and_apply (CtoPlan        *plan,
                                const char     *person_id,
                                CtoSuggestions *suggestions,
                                guint          *n_joined)
{
  CtoPerson *person;
  CtoHistory *history;
  g_autofree char *label = NULL;
  guint applied;

  g_return_val_if_fail (CTO_IS_PLAN (plan), -1);
  g_return_val_if_fail (person_id != NULL, -1);
  g_return_val_if_fail (CTO_IS_SUGGESTIONS (suggestions), -1);

  person = cto_plan_find_person (plan, person_id);
  if (person == NULL)
    return -1;

  history = cto_plan_get_history (plan);
  /* Translators: an undoable step, "Remove Bo Lin and Apply the Suggestions" */
  label = g_strdup_printf (_("Remove %s and Apply the Suggestions"), cto_person_get_name (person));
  cto_history_begin_group (history, label);
  cto_departure_remove_person (plan, person_id);
  applied = cto_suggestions_apply_all (suggestions, plan, n_joined);
  cto_history_end_group (history);

  return (int) applied;
}

/**
 * cto_departure_make_open_role:
 *
 * Turns the seat of @person_id into a planned hire: an open role named after
 * whom it replaces, keeping their responsibilities, shares and reports,
 * without dates. One undoable step.
 *
 * Returns: %FALSE when @person_id names nobody in @plan.
 */
gboolean
cto_departure_make_open_role (CtoPlan    *plan,
                              const char *person_id)
{
  g_autofree char *label = NULL;
  g_autofree char *name = NULL;
  CtoHistory *history;
  CtoPerson *person;

  g_return_val_if_fail (CTO_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (person_id != NULL, FALSE);

  person = cto_plan_find_person (plan, person_id);
  if (person == NULL)
    return FALSE;

  history = cto_plan_get_history (plan);
  /* Translators: an undoable step, "Turn Bo Lin Into an Open Role" */
  label = g_strdup_printf (_("Turn %s Into an Open Role"), cto_person_get_name (person));
  /* Translators: the name of the open role that replaces a person who leaves */
  name = g_strdup_printf (_("Successor to %s"), cto_person_get_name (person));

  cto_history_begin_group (history, label);
  cto_plan_set_person_name (plan, person, name);
  cto_plan_set_person_open_role (plan, person, TRUE);
  cto_plan_set_person_dates (plan, person, NULL, NULL, NULL);
  cto_history_end_group (history);

  return TRUE;
}
