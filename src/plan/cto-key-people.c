/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-key-people"

#include "config.h"

#include "cto-key-people.h"

gboolean
cto_key_people_function_drops (const CtoDepartureFunction *function)
{
  g_return_val_if_fail (function != NULL, FALSE);

  return function->status_after != function->status_before ||
         function->bus_factor_after < function->bus_factor_before;
}

guint
cto_key_people_count_drops (CtoDeparture *departure)
{
  guint n = 0;

  for (guint f = 0; f < CTO_N_FUNCTIONS; f++)
    n += cto_key_people_function_drops (cto_departure_get_function (departure, (CtoFunction) f));

  return n;
}

guint
cto_key_people_count_status (CtoDeparture *departure)
{
  guint n = 0;

  for (guint f = 0; f < CTO_N_FUNCTIONS; f++)
    {
      const CtoDepartureFunction *function = cto_departure_get_function (departure, (CtoFunction) f);

      n += function->status_after != function->status_before;
    }

  return n;
}

gboolean
cto_key_people_is_at_risk (CtoDeparture *departure)
{
  g_return_val_if_fail (CTO_IS_DEPARTURE (departure), FALSE);

  if (cto_departure_get_left_unassigned (departure)->len > 0 ||
      cto_departure_get_left_without_accountable (departure)->len > 0 ||
      cto_key_people_count_status (departure) > 0)
    return TRUE;

  for (guint f = 0; f < CTO_N_FUNCTIONS; f++)
    {
      const CtoDepartureFunction *function = cto_departure_get_function (departure, (CtoFunction) f);

      if (function->bus_factor_after < function->bus_factor_before &&
          function->bus_factor_after <= 1)
        return TRUE;
    }

  return FALSE;
}

static int
compare_counts (guint a,
                guint b)
{
  /* More first. */
  return (a < b) - (a > b);
}

int
cto_key_people_compare (CtoDeparture *a,
                        CtoDeparture *b)
{
  double hours_a, hours_b;
  int order;

  if ((order = compare_counts (cto_departure_get_left_unassigned (a)->len,
                               cto_departure_get_left_unassigned (b)->len)) != 0)
    return order;
  if ((order = compare_counts (cto_key_people_count_status (a), cto_key_people_count_status (b))) != 0)
    return order;
  if ((order = compare_counts (cto_departure_get_left_without_accountable (a)->len,
                               cto_departure_get_left_without_accountable (b)->len)) != 0)
    return order;
  if ((order = compare_counts (cto_key_people_count_drops (a), cto_key_people_count_drops (b))) != 0)
    return order;

  hours_a = cto_departure_get_hours (a);
  hours_b = cto_departure_get_hours (b);
  if (hours_a > hours_b + CTO_ANALYSIS_TOLERANCE)
    return -1;
  if (hours_b > hours_a + CTO_ANALYSIS_TOLERANCE)
    return 1;

  return 0;
}

static int
compare_departures (gconstpointer a,
                    gconstpointer b)
{
  return cto_key_people_compare (*(CtoDeparture **) a, *(CtoDeparture **) b);
}

/**
 * cto_key_people_new:
 *
 * Returns: (transfer full) (element-type CtoDeparture): the departure of
 * each person who is not an open role, worst first; ties in plan order.
 */
GPtrArray *
cto_key_people_new (CtoAnalysis *analysis)
{
  GListModel *people;
  GPtrArray *departures;
  guint n;

  g_return_val_if_fail (CTO_IS_ANALYSIS (analysis), NULL);

  people = cto_plan_get_people (cto_analysis_get_plan (analysis));
  n = g_list_model_get_n_items (people);
  departures = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CtoPerson) person = g_list_model_get_item (people, i);

      if (cto_person_get_open_role (person))
        continue;
      g_ptr_array_add (departures, cto_departure_new_figures (analysis, person));
    }

  /* g_ptr_array_sort is a stable merge sort in GLib, so ties stay in plan
   * order. */
  g_ptr_array_sort (departures, compare_departures);

  return departures;
}
