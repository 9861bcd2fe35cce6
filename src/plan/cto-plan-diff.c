/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-plan-diff"

#include "config.h"

#include <math.h>
#include <string.h>

#include "cto-date.h"
#include "cto-plan-diff.h"

#define TOLERANCE 1e-9

struct _CtoPlanDiff
{
  GObject      parent_instance;

  CtoPlan     *old_plan;
  CtoPlan     *new_plan;
  CtoAnalysis *old_analysis;
  CtoAnalysis *new_analysis;

  GPtrArray   *added_people;
  GPtrArray   *removed_people;
  GPtrArray   *changed_people;
  GPtrArray   *added_responsibilities;
  GPtrArray   *removed_responsibilities;
  GPtrArray   *changed_responsibilities;
};

G_DEFINE_FINAL_TYPE (CtoPlanDiff, cto_plan_diff, G_TYPE_OBJECT)

static void
value_clear (CtoDiffValue *value)
{
  g_clear_pointer (&value->string, g_free);
}

static void
field_clear (gpointer data)
{
  CtoDiffField *field = data;

  value_clear (&field->before);
  value_clear (&field->after);
}

static void
change_free (gpointer data)
{
  CtoDiffChange *change = data;

  g_clear_object (&change->before);
  g_clear_object (&change->after);
  g_clear_pointer (&change->fields, g_array_unref);
  g_free (change);
}

static CtoDiffValue
value_string (const char *string)
{
  return (CtoDiffValue) { .type = string != NULL ? CTO_DIFF_VALUE_STRING : CTO_DIFF_VALUE_NULL,
                          .string = g_strdup (string) };
}

static CtoDiffValue
value_number (double number)
{
  return (CtoDiffValue) { .type = CTO_DIFF_VALUE_NUMBER, .number = number };
}

static CtoDiffValue
value_boolean (gboolean boolean)
{
  return (CtoDiffValue) { .type = CTO_DIFF_VALUE_BOOLEAN, .boolean = !!boolean };
}

static CtoDiffValue
value_date (const GDate *date)
{
  g_autofree char *text = date != NULL ? cto_date_to_string (date) : NULL;

  return value_string (text);
}

static gboolean
value_equal (const CtoDiffValue *a,
             const CtoDiffValue *b)
{
  if (a->type != b->type)
    return FALSE;

  switch (a->type)
    {
    case CTO_DIFF_VALUE_NULL:
      return TRUE;
    case CTO_DIFF_VALUE_STRING:
      return strcmp (a->string, b->string) == 0;
    case CTO_DIFF_VALUE_NUMBER:
      return a->number == b->number;
    case CTO_DIFF_VALUE_BOOLEAN:
      return a->boolean == b->boolean;
    default:
      g_assert_not_reached ();
    }
}

/* Adds the field to @fields when the two values differ; takes both. */
static void
compare (GArray       *fields,
         const char   *name,
         CtoDiffValue  before,
         CtoDiffValue  after)
{
  CtoDiffField field = { name, before, after };

  if (value_equal (&before, &after))
    {
      field_clear (&field);
      return;
    }

  g_array_append_val (fields, field);
}

static GArray *
new_fields (void)
{
  GArray *fields = g_array_new (FALSE, TRUE, sizeof (CtoDiffField));

  g_array_set_clear_func (fields, field_clear);
  return fields;
}

static GArray *
compare_people (CtoPerson *a,
                CtoPerson *b)
{
  GArray *fields = new_fields ();

  compare (fields, "name", value_string (cto_person_get_name (a)), value_string (cto_person_get_name (b)));
  compare (fields, "role", value_string (cto_person_get_role (a)), value_string (cto_person_get_role (b)));
  compare (fields, "capacity", value_number (cto_person_get_capacity (a)),
           value_number (cto_person_get_capacity (b)));
  compare (fields, "reports_to", value_string (cto_person_get_reports_to (a)),
           value_string (cto_person_get_reports_to (b)));
  compare (fields, "open_role", value_boolean (cto_person_get_open_role (a)),
           value_boolean (cto_person_get_open_role (b)));
  compare (fields, "start", value_date (cto_person_get_start (a)), value_date (cto_person_get_start (b)));
  compare (fields, "end", value_date (cto_person_get_end (a)), value_date (cto_person_get_end (b)));

  return fields;
}

static GArray *
compare_responsibilities (CtoResponsibility *a,
                          CtoResponsibility *b)
{
  GArray *fields = new_fields ();

  compare (fields, "title", value_string (cto_responsibility_get_title (a)),
           value_string (cto_responsibility_get_title (b)));
  compare (fields, "function",
           value_string (cto_function_get_id (cto_responsibility_get_function (a))),
           value_string (cto_function_get_id (cto_responsibility_get_function (b))));
  compare (fields, "effort", value_number (cto_responsibility_get_effort (a)),
           value_number (cto_responsibility_get_effort (b)));
  compare (fields, "description", value_string (cto_responsibility_get_description (a)),
           value_string (cto_responsibility_get_description (b)));

  return fields;
}

/* Whether every {person, share, accountable} of @a is one of @b's. A person
 * is at most once per responsibility, so equal sizes make the sets equal. */
static gboolean
same_assignees (CtoResponsibility *a,
                CtoResponsibility *b)
{
  guint n = cto_responsibility_get_n_assignees (a);

  if (n != cto_responsibility_get_n_assignees (b))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      const CtoAssignment *mine = cto_responsibility_get_assignee (a, i);
      const CtoAssignment *theirs = cto_responsibility_find_assignee (b, mine->person, NULL);

      if (theirs == NULL || theirs->share != mine->share || !theirs->accountable != !mine->accountable)
        return FALSE;
    }

  return TRUE;
}

typedef gpointer (*FindFunc) (CtoPlan *plan, const char *id);
typedef const char *(*IdFunc) (gpointer item);

/* Added and changed in @new_model's order, removed in @old_model's. */
static void
compare_lists (CtoPlan    *old_plan,
               CtoPlan    *new_plan,
               GListModel *old_model,
               GListModel *new_model,
               FindFunc    find,
               IdFunc      get_id,
               gboolean    responsibilities,
               GPtrArray  *added,
               GPtrArray  *removed,
               GPtrArray  *changed)
{
  guint n_old = g_list_model_get_n_items (old_model);
  guint n_new = g_list_model_get_n_items (new_model);

  for (guint i = 0; i < n_new; i++)
    {
      g_autoptr(GObject) after = g_list_model_get_item (new_model, i);
      gpointer before = find (old_plan, get_id (after));
      g_autoptr(GArray) fields = NULL;
      gboolean assignees_changed = FALSE;
      CtoDiffChange *change;

      if (before == NULL)
        {
          g_ptr_array_add (added, g_object_ref (after));
          continue;
        }

      if (responsibilities)
        {
          fields = compare_responsibilities (before, (CtoResponsibility *) after);
          assignees_changed = !same_assignees (before, (CtoResponsibility *) after);
        }
      else
        {
          fields = compare_people (before, (CtoPerson *) after);
        }

      if (fields->len == 0 && !assignees_changed)
        continue;

      change = g_new0 (CtoDiffChange, 1);
      change->before = g_object_ref (before);
      change->after = g_object_ref (after);
      change->id = get_id (change->after);
      change->fields = g_steal_pointer (&fields);
      change->assignees_changed = assignees_changed;
      g_ptr_array_add (changed, change);
    }

  for (guint i = 0; i < n_old; i++)
    {
      g_autoptr(GObject) before = g_list_model_get_item (old_model, i);

      if (find (new_plan, get_id (before)) == NULL)
        g_ptr_array_add (removed, g_object_ref (before));
    }
}

static void
cto_plan_diff_finalize (GObject *object)
{
  CtoPlanDiff *self = CTO_PLAN_DIFF (object);

  g_clear_pointer (&self->added_people, g_ptr_array_unref);
  g_clear_pointer (&self->removed_people, g_ptr_array_unref);
  g_clear_pointer (&self->changed_people, g_ptr_array_unref);
  g_clear_pointer (&self->added_responsibilities, g_ptr_array_unref);
  g_clear_pointer (&self->removed_responsibilities, g_ptr_array_unref);
  g_clear_pointer (&self->changed_responsibilities, g_ptr_array_unref);
  g_clear_object (&self->old_analysis);
  g_clear_object (&self->new_analysis);
  g_clear_object (&self->old_plan);
  g_clear_object (&self->new_plan);

  G_OBJECT_CLASS (cto_plan_diff_parent_class)->finalize (object);
}

static void
cto_plan_diff_class_init (CtoPlanDiffClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cto_plan_diff_finalize;
}

static void
cto_plan_diff_init (CtoPlanDiff *self)
{
  self->added_people = g_ptr_array_new_with_free_func (g_object_unref);
  self->removed_people = g_ptr_array_new_with_free_func (g_object_unref);
  self->changed_people = g_ptr_array_new_with_free_func (change_free);
  self->added_responsibilities = g_ptr_array_new_with_free_func (g_object_unref);
  self->removed_responsibilities = g_ptr_array_new_with_free_func (g_object_unref);
  self->changed_responsibilities = g_ptr_array_new_with_free_func (change_free);
}

/**
 * cto_plan_diff_new:
 * @old_plan: the plan before
 * @new_plan: the plan after
 *
 * Compares two plans (PLAN-FORMAT.md, section 7). Later edits of either plan
 * are not followed: compare again after a change.
 *
 * When @new_plan is a plan as of a day (cto_plan_copy_as_of()) and @old_plan
 * is not as of that day, @old_plan is compared as of that day too: who was
 * there then and what they carried, as the command line does with --as-of
 * for both plans. Comparing a day with a whole plan would count everyone
 * gone that day as removed.
 *
 * Returns: (transfer full): the comparison
 */
CtoPlanDiff *
cto_plan_diff_new (CtoPlan *old_plan,
                   CtoPlan *new_plan)
{
  CtoPlanDiff *self;
  const GDate *day;
  const GDate *old_day;

  g_return_val_if_fail (CTO_IS_PLAN (old_plan), NULL);
  g_return_val_if_fail (CTO_IS_PLAN (new_plan), NULL);

  day = cto_plan_get_as_of (new_plan);
  old_day = cto_plan_get_as_of (old_plan);

  self = g_object_new (CTO_TYPE_PLAN_DIFF, NULL);
  /* Copies, so that the analyses below stay those of the plans as compared. */
  if (day != NULL && (old_day == NULL || g_date_compare (old_day, day) != 0))
    self->old_plan = cto_plan_copy_as_of (old_plan, day);
  else
    self->old_plan = cto_plan_copy (old_plan);
  self->new_plan = cto_plan_copy (new_plan);
  self->old_analysis = cto_analysis_new (self->old_plan);
  self->new_analysis = cto_analysis_new (self->new_plan);

  compare_lists (self->old_plan, self->new_plan,
                 cto_plan_get_people (self->old_plan), cto_plan_get_people (self->new_plan),
                 (FindFunc) cto_plan_find_person, (IdFunc) cto_person_get_id, FALSE,
                 self->added_people, self->removed_people, self->changed_people);
  compare_lists (self->old_plan, self->new_plan,
                 cto_plan_get_responsibilities (self->old_plan),
                 cto_plan_get_responsibilities (self->new_plan),
                 (FindFunc) cto_plan_find_responsibility, (IdFunc) cto_responsibility_get_id, TRUE,
                 self->added_responsibilities, self->removed_responsibilities,
                 self->changed_responsibilities);

  return self;
}

CtoPlan *
cto_plan_diff_get_old_plan (CtoPlanDiff *self)
{
  g_return_val_if_fail (CTO_IS_PLAN_DIFF (self), NULL);
  return self->old_plan;
}

CtoPlan *
cto_plan_diff_get_new_plan (CtoPlanDiff *self)
{
  g_return_val_if_fail (CTO_IS_PLAN_DIFF (self), NULL);
  return self->new_plan;
}

GPtrArray *
cto_plan_diff_get_added_people (CtoPlanDiff *self)
{
  g_return_val_if_fail (CTO_IS_PLAN_DIFF (self), NULL);
  return self->added_people;
}

GPtrArray *
cto_plan_diff_get_removed_people (CtoPlanDiff *self)
{
  g_return_val_if_fail (CTO_IS_PLAN_DIFF (self), NULL);
  return self->removed_people;
}

GPtrArray *
cto_plan_diff_get_changed_people (CtoPlanDiff *self)
{
  g_return_val_if_fail (CTO_IS_PLAN_DIFF (self), NULL);
  return self->changed_people;
}

GPtrArray *
cto_plan_diff_get_added_responsibilities (CtoPlanDiff *self)
{
  g_return_val_if_fail (CTO_IS_PLAN_DIFF (self), NULL);
  return self->added_responsibilities;
}

GPtrArray *
cto_plan_diff_get_removed_responsibilities (CtoPlanDiff *self)
{
  g_return_val_if_fail (CTO_IS_PLAN_DIFF (self), NULL);
  return self->removed_responsibilities;
}

GPtrArray *
cto_plan_diff_get_changed_responsibilities (CtoPlanDiff *self)
{
  g_return_val_if_fail (CTO_IS_PLAN_DIFF (self), NULL);
  return self->changed_responsibilities;
}

CtoAnalysis *
cto_plan_diff_get_old_analysis (CtoPlanDiff *self)
{
  g_return_val_if_fail (CTO_IS_PLAN_DIFF (self), NULL);
  return self->old_analysis;
}

CtoAnalysis *
cto_plan_diff_get_new_analysis (CtoPlanDiff *self)
{
  g_return_val_if_fail (CTO_IS_PLAN_DIFF (self), NULL);
  return self->new_analysis;
}

gboolean
cto_plan_diff_function_changed (CtoPlanDiff *self,
                                CtoFunction  function)
{
  const CtoFunctionReport *before;
  const CtoFunctionReport *after;

  g_return_val_if_fail (CTO_IS_PLAN_DIFF (self), FALSE);
  g_return_val_if_fail (function < CTO_N_FUNCTIONS, FALSE);

  before = cto_analysis_get_function (self->old_analysis, function);
  after = cto_analysis_get_function (self->new_analysis, function);

  return before->status != after->status ||
         before->bus_factor != after->bus_factor ||
         fabs (before->gap_hours - after->gap_hours) > TOLERANCE ||
         !before->overloaded != !after->overloaded;
}

gboolean
cto_plan_diff_is_empty (CtoPlanDiff *self)
{
  g_return_val_if_fail (CTO_IS_PLAN_DIFF (self), FALSE);

  return self->added_people->len == 0 && self->removed_people->len == 0 &&
         self->changed_people->len == 0 && self->added_responsibilities->len == 0 &&
         self->removed_responsibilities->len == 0 && self->changed_responsibilities->len == 0;
}
