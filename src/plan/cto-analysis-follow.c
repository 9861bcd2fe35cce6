/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-analysis"

#include "config.h"

#include <string.h>

#include "cto-analysis-private.h"

/* Following an edit of who carries what alone: only the responsibilities
 * edited, the people who carried or carry them and their functions are
 * worked out again, with the same sums in the same order as the pass over
 * the whole plan (cto-analysis.c), so the figures are the same to the bit
 * (tests/test-analysis-follow.c). */

/* The position of @responsibility in the plan as last analysed, or -1. */
static int
position_of (CtoAnalysis       *self,
             CtoResponsibility *responsibility)
{
  if (self->positions == NULL)
    {
      GListModel *responsibilities = cto_plan_get_responsibilities (self->plan);
      guint n = g_list_model_get_n_items (responsibilities);

      self->positions = g_hash_table_new (NULL, NULL);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(CtoResponsibility) item = g_list_model_get_item (responsibilities, i);

          g_hash_table_insert (self->positions, item, GUINT_TO_POINTER (i + 1));
        }
    }

  return (int) GPOINTER_TO_UINT (g_hash_table_lookup (self->positions, responsibility)) - 1;
}

/* Where @responsibility is, or would go, in @array (in plan order). */
static guint
find_in_plan_order (CtoAnalysis       *self,
                    GPtrArray         *array,
                    CtoResponsibility *responsibility,
                    gboolean          *found)
{
  int position = position_of (self, responsibility);
  guint low = 0, high = array->len;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      int other = position_of (self, g_ptr_array_index (array, middle));

      if (other < position)
        low = middle + 1;
      else
        high = middle;
    }

  *found = low < array->len && g_ptr_array_index (array, low) == responsibility;
  return low;
}

static void
set_in_plan_order (CtoAnalysis       *self,
                   GPtrArray         *array,
                   CtoResponsibility *responsibility,
                   gboolean           in)
{
  gboolean found;
  guint at = find_in_plan_order (self, array, responsibility, &found);

  if (in && !found)
    g_ptr_array_insert (array, (int) at, g_object_ref (responsibility));
  else if (!in && found)
    g_ptr_array_remove_index (array, at);
}

/* How many times @responsibility names @person_id among its assignees. */
static guint
count_assignee (CtoResponsibility *responsibility,
                const char        *person_id)
{
  guint n = cto_responsibility_get_n_assignees (responsibility);
  guint count = 0;

  for (guint j = 0; j < n; j++)
    if (g_str_equal (cto_responsibility_get_assignee (responsibility, j)->person, person_id))
      count++;

  return count;
}

/* The load of @entry again, from what it carries, adding the same hours in
 * the same order as _cto_analysis_recompute() does. */
static void
sum_person (PersonEntry *entry)
{
  CtoPersonReport *person = &entry->report;
  const char *id = cto_person_get_id (person->person);

  person->load = 0;
  memset (person->function_load, 0, sizeof person->function_load);
  entry->functions = 0;

  for (guint i = 0; i < person->responsibilities->len; i++)
    {
      CtoResponsibility *responsibility = g_ptr_array_index (person->responsibilities, i);
      CtoFunction function = cto_responsibility_get_function (responsibility);
      double effort = cto_responsibility_get_effort (responsibility);
      double total_share = cto_responsibility_get_total_share (responsibility);
      const CtoAssignment *assignment = cto_responsibility_find_assignee (responsibility, id, NULL);
      double hours = total_share > 0 ? effort * assignment->share / total_share : 0;

      person->load += hours;
      person->function_load[function] += hours;
      entry->functions |= 1u << function;
    }
}

typedef struct
{
  CtoCoverage status;
  gboolean    overloaded;
  guint       n_covered;
  double      unassigned_effort;
  guint       bus_factor;
  guint       waiting_for_hire;
  guint       without_accountable;
  double      gap_hours;
  double      gap_fte;
  GPtrArray  *people;
} FunctionFigures;

/*
 * Follows an edit of who carries some responsibilities, and nothing else:
 * their function's counts, the people who carried them before or carry them
 * now, and the functions' figures that come from the people. FALSE, with
 * nothing changed, when the plan is not as that needs.
 */
gboolean
_cto_analysis_follow_assignees (CtoAnalysis *self,
                  GPtrArray   *changes)
{
  GListModel *responsibilities = cto_plan_get_responsibilities (self->plan);
  double threshold = cto_plan_get_overload_threshold (self->plan);
  g_autoptr(GPtrArray) affected = g_ptr_array_new ();
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();
  FunctionFigures before[CTO_N_FUNCTIONS];

  if (g_list_model_get_n_items (cto_plan_get_people (self->plan)) != self->people->len ||
      g_list_model_get_n_items (responsibilities) != self->counts->len)
    return FALSE;

  /* Each one in the plan where it was, naming each person once, before and now. */
  for (guint c = 0; c < changes->len; c++)
    {
      CtoAssigneesChange *change = g_ptr_array_index (changes, c);
      CtoResponsibility *responsibility = change->responsibility;
      int position = position_of (self, responsibility);
      guint n = cto_responsibility_get_n_assignees (responsibility);
      g_autoptr(CtoResponsibility) there = NULL;

      if (position < 0)
        return FALSE;
      there = g_list_model_get_item (responsibilities, (guint) position);
      if (there != responsibility)
        return FALSE;
      for (guint j = 0; j < n; j++)
        if (count_assignee (responsibility, cto_responsibility_get_assignee (responsibility, j)->person) != 1)
          return FALSE;
      for (guint j = 0; j < change->old_people->len; j++)
        for (guint k = j + 1; k < change->old_people->len; k++)
          if (g_str_equal (g_ptr_array_index (change->old_people, j),
                           g_ptr_array_index (change->old_people, k)))
            return FALSE;
    }

  self->generation++;
  self->whole = FALSE;
  g_clear_pointer (&self->changed_responsibilities, g_ptr_array_unref);
  g_clear_pointer (&self->changed_people, g_ptr_array_unref);
  self->changed_responsibilities = g_ptr_array_new_with_free_func (g_object_unref);
  self->changed_people = g_ptr_array_new_with_free_func (g_object_unref);

  /* The people involved, before and now. */
  for (guint c = 0; c < changes->len; c++)
    {
      CtoAssigneesChange *change = g_ptr_array_index (changes, c);
      CtoResponsibility *responsibility = change->responsibility;
      guint n = cto_responsibility_get_n_assignees (responsibility);

      g_ptr_array_add (self->changed_responsibilities, g_object_ref (responsibility));
      for (guint j = 0; j < change->old_people->len + n; j++)
        {
          const char *id = j < change->old_people->len
                             ? g_ptr_array_index (change->old_people, j)
                             : cto_responsibility_get_assignee (responsibility, j - change->old_people->len)->person;
          PersonEntry *entry = g_hash_table_lookup (self->people_by_id, id);

          if (entry != NULL && entry->generation != self->generation)
            {
              entry->generation = self->generation;
              g_ptr_array_add (affected, entry);
              g_ptr_array_add (self->changed_people, g_object_ref (entry->report.person));
            }
        }
    }

  /* What each responsibility counts for in its function. */
  for (guint c = 0; c < changes->len; c++)
    {
      CtoAssigneesChange *change = g_ptr_array_index (changes, c);
      CtoResponsibility *responsibility = change->responsibility;
      CtoFunctionReport *report = &self->functions[cto_responsibility_get_function (responsibility)];
      guint position = (guint) position_of (self, responsibility);
      guint n = cto_responsibility_get_n_assignees (responsibility);
      guint8 counts;

      g_ptr_array_set_size (entries, n);
      for (guint j = 0; j < n; j++)
        g_ptr_array_index (entries, j) =
          g_hash_table_lookup (self->people_by_id, cto_responsibility_get_assignee (responsibility, j)->person);
      counts = _cto_analysis_responsibility_counts (responsibility, (PersonEntry **) entries->pdata, n);

      _cto_analysis_add_counts (report, self->counts->data[position], -1);
      _cto_analysis_add_counts (report, counts, 1);
      self->counts->data[position] = counts;
      set_in_plan_order (self, self->unassigned, responsibility, n == 0);
    }

  /* The people involved: what they carry, in plan order, and their load. */
  for (guint i = 0; i < affected->len; i++)
    {
      PersonEntry *entry = g_ptr_array_index (affected, i);
      const char *id = cto_person_get_id (entry->report.person);

      for (guint c = 0; c < changes->len; c++)
        {
          CtoAssigneesChange *change = g_ptr_array_index (changes, c);

          set_in_plan_order (self, entry->report.responsibilities, change->responsibility,
                             count_assignee (change->responsibility, id) > 0);
        }
      sum_person (entry);
      _cto_analysis_finish_person (entry, threshold);
    }

  for (guint f = 0; f < CTO_N_FUNCTIONS; f++)
    {
      CtoFunctionReport *report = &self->functions[f];

      before[f] = (FunctionFigures) {
        report->status, report->overloaded, report->n_covered, report->unassigned_effort,
        report->bus_factor, report->waiting_for_hire, report->without_accountable,
        report->gap_hours, report->gap_fte,
        g_ptr_array_sized_new (report->people->len),
      };
      for (guint i = 0; i < report->people->len; i++)
        g_ptr_array_add (before[f].people, g_ptr_array_index (report->people, i));
    }

  _cto_analysis_finish_functions (self);

  /* A function's figures changed, or those of one of its people. */
  for (guint f = 0; f < CTO_N_FUNCTIONS; f++)
    {
      CtoFunctionReport *report = &self->functions[f];
      g_autoptr(GPtrArray) people = before[f].people;
      gboolean changed = before[f].status != report->status ||
                         before[f].overloaded != report->overloaded ||
                         before[f].n_covered != report->n_covered ||
                         before[f].unassigned_effort != report->unassigned_effort ||
                         before[f].bus_factor != report->bus_factor ||
                         before[f].waiting_for_hire != report->waiting_for_hire ||
                         before[f].without_accountable != report->without_accountable ||
                         before[f].gap_hours != report->gap_hours ||
                         before[f].gap_fte != report->gap_fte ||
                         people->len != report->people->len;

      for (guint i = 0; !changed && i < people->len; i++)
        changed = g_ptr_array_index (people, i) != g_ptr_array_index (report->people, i);
      for (guint i = 0; !changed && i < affected->len; i++)
        changed = (((PersonEntry *) g_ptr_array_index (affected, i))->functions & (1u << f)) != 0;
      self->function_changed[f] = changed;
    }

  return TRUE;
}
