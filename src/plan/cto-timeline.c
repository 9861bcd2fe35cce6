/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-timeline"

#include "config.h"

#include "cto-date.h"
#include "cto-timeline.h"

struct _CtoTimeline
{
  GObject             parent_instance;

  CtoPlan            *plan;
  gboolean            has_dates;
  CtoTimelineQuarter  quarters[CTO_TIMELINE_N_QUARTERS];
};

G_DEFINE_FINAL_TYPE (CtoTimeline, cto_timeline, G_TYPE_OBJECT)

/* Whether @day falls in [@first, @next). */
static gboolean
day_in_quarter (const GDate *day,
                const GDate *first,
                const GDate *next)
{
  return day != NULL && g_date_compare (day, first) >= 0 && g_date_compare (day, next) < 0;
}

static void
fill_quarter (CtoTimeline        *self,
              CtoTimelineQuarter *quarter,
              const GDate        *first)
{
  GListModel *people = cto_plan_get_people (self->plan);
  guint n_people = g_list_model_get_n_items (people);
  g_autoptr(CtoPlan) as_of = NULL;

  quarter->as_of = *first;
  quarter->next = *first;
  g_date_add_months (&quarter->next, 3);
  quarter->year = g_date_get_year (first);
  quarter->quarter = ((guint) g_date_get_month (first) - 1) / 3 + 1;
  quarter->label = g_strdup_printf ("%u Q%u", quarter->year, quarter->quarter);
  quarter->starting = g_ptr_array_new_with_free_func (g_object_unref);
  quarter->leaving = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n_people; i++)
    {
      g_autoptr(CtoPerson) person = g_list_model_get_item (people, i);

      if (cto_person_is_present (person, first))
        quarter->n_people++;
      if (day_in_quarter (cto_person_get_start (person), first, &quarter->next))
        g_ptr_array_add (quarter->starting, g_object_ref (person));
      if (day_in_quarter (cto_person_get_end (person), first, &quarter->next))
        g_ptr_array_add (quarter->leaving, g_object_ref (person));
    }

  as_of = cto_plan_copy_as_of (self->plan, first);
  quarter->analysis = cto_analysis_new (as_of);

  for (guint f = 0; f < CTO_N_FUNCTIONS; f++)
    {
      const CtoFunctionReport *report = cto_analysis_get_function (quarter->analysis, (CtoFunction) f);
      CtoTimelineFunction *function = &quarter->functions[f];

      function->function = (CtoFunction) f;
      function->status = report->status;
      function->bus_factor = report->bus_factor;
      function->gap_hours = report->gap_hours;
      function->gap_fte = report->gap_fte;
      function->overloaded = report->overloaded;
    }
}

static void
cto_timeline_finalize (GObject *object)
{
  CtoTimeline *self = CTO_TIMELINE (object);

  for (guint i = 0; i < CTO_TIMELINE_N_QUARTERS; i++)
    {
      CtoTimelineQuarter *quarter = &self->quarters[i];

      g_clear_pointer (&quarter->label, g_free);
      g_clear_pointer (&quarter->starting, g_ptr_array_unref);
      g_clear_pointer (&quarter->leaving, g_ptr_array_unref);
      g_clear_object (&quarter->analysis);
    }
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (cto_timeline_parent_class)->finalize (object);
}

static void
cto_timeline_class_init (CtoTimelineClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cto_timeline_finalize;
}

static void
cto_timeline_init (CtoTimeline *self)
{
}

/**
 * cto_timeline_new:
 * @plan: the plan
 * @from: (nullable): a day in the first quarter; %NULL for today
 *
 * Analyses @plan as of the first day of eight calendar quarters.
 *
 * Returns: (transfer full): the timeline
 */
CtoTimeline *
cto_timeline_new (CtoPlan     *plan,
                  const GDate *from)
{
  CtoTimeline *self;
  GListModel *people;
  GDate day;
  GDate first;

  g_return_val_if_fail (CTO_IS_PLAN (plan), NULL);
  g_return_val_if_fail (from == NULL || g_date_valid (from), NULL);

  self = g_object_new (CTO_TYPE_TIMELINE, NULL);
  self->plan = g_object_ref (plan);

  people = cto_plan_get_people (plan);
  for (guint i = 0; i < g_list_model_get_n_items (people) && !self->has_dates; i++)
    {
      g_autoptr(CtoPerson) person = g_list_model_get_item (people, i);

      self->has_dates = cto_person_has_dates (person);
    }

  if (from != NULL)
    day = *from;
  else
    cto_date_get_today (&day);
  cto_date_get_quarter_start (&day, &first);

  for (guint i = 0; i < CTO_TIMELINE_N_QUARTERS; i++)
    {
      fill_quarter (self, &self->quarters[i], &first);
      first = self->quarters[i].next;
    }

  return self;
}

CtoPlan *
cto_timeline_get_plan (CtoTimeline *self)
{
  g_return_val_if_fail (CTO_IS_TIMELINE (self), NULL);

  return self->plan;
}

guint
cto_timeline_get_n_quarters (CtoTimeline *self)
{
  g_return_val_if_fail (CTO_IS_TIMELINE (self), 0);

  return CTO_TIMELINE_N_QUARTERS;
}

/**
 * cto_timeline_get_quarter:
 * @position: from 0 to cto_timeline_get_n_quarters() - 1
 *
 * Returns: (transfer none): the quarter, owned by the timeline
 */
const CtoTimelineQuarter *
cto_timeline_get_quarter (CtoTimeline *self,
                          guint        position)
{
  g_return_val_if_fail (CTO_IS_TIMELINE (self), NULL);
  g_return_val_if_fail (position < CTO_TIMELINE_N_QUARTERS, NULL);

  return &self->quarters[position];
}

gboolean
cto_timeline_has_dates (CtoTimeline *self)
{
  g_return_val_if_fail (CTO_IS_TIMELINE (self), FALSE);

  return self->has_dates;
}
