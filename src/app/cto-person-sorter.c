/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-person-sorter"

#include "config.h"

#include <glib/gi18n.h>

#include "cto-report-format.h"
#include "cto-person-sorter.h"

struct _CtoPersonSorter
{
  GtkSorter    parent_instance;

  CtoAnalysis *analysis;
  CtoAnalysis *as_of;     /* or NULL */
  CtoFunction  function;
  double       hours;
  gulong       changed_id;
};

G_DEFINE_FINAL_TYPE (CtoPersonSorter, cto_person_sorter, GTK_TYPE_SORTER)

/* @person's twin in the plan of @as_of, or NULL when not there then. */
static CtoPerson *
twin_of (CtoAnalysis *as_of,
         CtoPerson   *person)
{
  return cto_plan_find_person (cto_analysis_get_plan (as_of), cto_person_get_id (person));
}

static GtkOrdering
cto_person_sorter_compare (GtkSorter *sorter,
                           gpointer   item1,
                           gpointer   item2)
{
  CtoPersonSorter *self = CTO_PERSON_SORTER (sorter);
  CtoPlan *plan = cto_analysis_get_plan (self->analysis);
  CtoPerson *twin1, *twin2;

  if (self->as_of == NULL)
    return gtk_ordering_from_cmpfunc (cto_analysis_compare_candidates (self->analysis,
                                                                       self->function, self->hours,
                                                                       item1, item2));

  twin1 = twin_of (self->as_of, item1);
  twin2 = twin_of (self->as_of, item2);
  if (twin1 != NULL && twin2 != NULL)
    return gtk_ordering_from_cmpfunc (cto_analysis_compare_candidates (self->as_of, self->function,
                                                                       self->hours, twin1, twin2));
  if (twin1 != NULL || twin2 != NULL)
    return twin1 != NULL ? GTK_ORDERING_SMALLER : GTK_ORDERING_LARGER;

  return gtk_ordering_from_cmpfunc (cto_plan_get_person_position (plan, item1) -
                                    cto_plan_get_person_position (plan, item2));
}

static GtkSorterOrder
cto_person_sorter_get_order (GtkSorter *sorter)
{
  return GTK_SORTER_ORDER_TOTAL;
}

static void
analysis_changed_cb (CtoPersonSorter *self)
{
  gtk_sorter_changed (GTK_SORTER (self), GTK_SORTER_CHANGE_DIFFERENT);
}

static void
cto_person_sorter_dispose (GObject *object)
{
  CtoPersonSorter *self = CTO_PERSON_SORTER (object);

  g_clear_signal_handler (&self->changed_id, self->analysis);
  g_clear_object (&self->analysis);
  g_clear_object (&self->as_of);

  G_OBJECT_CLASS (cto_person_sorter_parent_class)->dispose (object);
}

static void
cto_person_sorter_class_init (CtoPersonSorterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkSorterClass *sorter_class = GTK_SORTER_CLASS (klass);

  object_class->dispose = cto_person_sorter_dispose;
  sorter_class->compare = cto_person_sorter_compare;
  sorter_class->get_order = cto_person_sorter_get_order;
}

static void
cto_person_sorter_init (CtoPersonSorter *self)
{
}

GtkSorter *
cto_person_sorter_new (CtoAnalysis *analysis,
                       CtoFunction  function,
                       double       hours)
{
  CtoPersonSorter *self;

  g_return_val_if_fail (CTO_IS_ANALYSIS (analysis), NULL);

  self = g_object_new (CTO_TYPE_PERSON_SORTER, NULL);
  self->analysis = g_object_ref (analysis);
  self->function = function;
  self->hours = hours;
  self->changed_id = g_signal_connect_swapped (analysis, "changed",
                                               G_CALLBACK (analysis_changed_cb), self);

  return GTK_SORTER (self);
}

void
cto_person_sorter_set_as_of (CtoPersonSorter *self,
                             CtoAnalysis     *as_of)
{
  g_return_if_fail (CTO_IS_PERSON_SORTER (self));
  g_return_if_fail (as_of == NULL || CTO_IS_ANALYSIS (as_of));

  if (g_set_object (&self->as_of, as_of))
    gtk_sorter_changed (GTK_SORTER (self), GTK_SORTER_CHANGE_DIFFERENT);
}

char *
cto_person_sorter_dup_free_text (CtoAnalysis *analysis,
                                 CtoAnalysis *as_of,
                                 CtoPerson   *person)
{
  double free_hours;
  g_autofree char *hours = NULL;

  g_return_val_if_fail (CTO_IS_ANALYSIS (analysis), NULL);
  g_return_val_if_fail (as_of == NULL || CTO_IS_ANALYSIS (as_of), NULL);
  g_return_val_if_fail (CTO_IS_PERSON (person), NULL);

  if (as_of != NULL)
    {
      person = twin_of (as_of, person);
      analysis = as_of;
      if (person == NULL)
        /* Translators: in a list of people, someone not there on the day the window shows */
        return g_strdup (_("not there then"));
    }

  free_hours = cto_analysis_get_free_hours (analysis, person);
  if (free_hours < -1e-9)
    {
      hours = cto_report_format_decimal (-free_hours);
      /* Translators: a person's hours beyond their capacity, in a list of people: "3 h over" */
      return g_strdup_printf (_("%s h over"), hours);
    }

  hours = cto_report_format_decimal (MAX (free_hours, 0));
  /* Translators: the hours a person can still take, in a list of people: "6 h free" */
  return g_strdup_printf (_("%s h free"), hours);
}

static char *
person_search_text (CtoPerson *person)
{
  const char *role = cto_person_get_role (person);

  return g_strconcat (cto_person_get_name (person), "\n", role ? role : "", NULL);
}

GtkFilter *
cto_person_sorter_new_filter (void)
{
  GtkExpression *expression =
    gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                 G_CALLBACK (person_search_text), NULL, NULL);

  return GTK_FILTER (gtk_string_filter_new (expression));
}
