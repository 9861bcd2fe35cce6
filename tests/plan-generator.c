/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "plan-generator.h"

static void
random_day (GRand *rand,
            GDate *day)
{
  g_date_clear (day, 1);
  g_date_set_dmy (day, (GDateDay) g_rand_int_range (rand, 1, 29),
                  (GDateMonth) g_rand_int_range (rand, 1, 13),
                  (GDateYear) g_rand_int_range (rand, 2026, 2030));
}

static void
add_person (CtoPlan  *plan,
            GRand    *rand,
            guint     n,
            gboolean  dates)
{
  g_autofree char *id = g_strdup_printf ("p%u-%u", n, g_rand_int_range (rand, 0, 1000));
  g_autofree char *name = g_strdup_printf ("Person %u", n);
  guint n_people = g_list_model_get_n_items (cto_plan_get_people (plan));
  g_autoptr(CtoPerson) person = NULL;

  if (cto_plan_find_person (plan, id) != NULL)
    return;

  person = cto_person_new (id, name, g_rand_boolean (rand) ? "Engineer" : "",
                           g_rand_int_range (rand, 0, 5) * 10, g_rand_int_range (rand, 0, 4) == 0);
  cto_plan_insert_person (plan, n_people, person);

  if (n_people > 0 && g_rand_boolean (rand))
    {
      g_autoptr(CtoPerson) manager =
        g_list_model_get_item (cto_plan_get_people (plan), g_rand_int_range (rand, 0, n_people));

      g_assert_true (cto_plan_set_reports_to (plan, person, manager, NULL));
    }

  if (dates)
    {
      GDate start, end;
      gboolean has_start = g_rand_boolean (rand);
      gboolean has_end = g_rand_boolean (rand);

      random_day (rand, &start);
      random_day (rand, &end);
      if (has_start && has_end && g_date_compare (&end, &start) <= 0)
        has_end = FALSE;
      g_assert_true (cto_plan_set_person_dates (plan, person, has_start ? &start : NULL,
                                                has_end ? &end : NULL, NULL));
    }
}

static void
assign_randomly (CtoPlan           *plan,
                 GRand             *rand,
                 CtoResponsibility *responsibility)
{
  GListModel *people = cto_plan_get_people (plan);
  guint n_people = g_list_model_get_n_items (people);
  guint n_assignees = n_people > 0 ? g_rand_int_range (rand, 0, MIN (n_people, 3) + 1) : 0;

  for (guint i = 0; i < n_assignees; i++)
    {
      g_autoptr(CtoPerson) person = g_list_model_get_item (people, g_rand_int_range (rand, 0, n_people));

      cto_plan_assign (plan, responsibility, person, g_rand_int_range (rand, 1, 4));
      if (g_rand_int_range (rand, 0, 3) == 0)
        cto_plan_set_accountable (plan, responsibility, person);
    }
}

static void
add_responsibility (CtoPlan *plan,
                    GRand   *rand,
                    guint    n)
{
  g_autofree char *id = g_strdup_printf ("r%u-%u", n, g_rand_int_range (rand, 0, 1000));
  g_autofree char *title = g_strdup_printf ("Responsibility %u", n);
  guint n_responsibilities = g_list_model_get_n_items (cto_plan_get_responsibilities (plan));
  g_autoptr(CtoResponsibility) responsibility = NULL;

  if (cto_plan_find_responsibility (plan, id) != NULL)
    return;

  responsibility = cto_responsibility_new (id, title,
                                           (CtoFunction) g_rand_int_range (rand, 0, CTO_N_FUNCTIONS),
                                           g_rand_int_range (rand, 0, 13), "");
  cto_plan_insert_responsibility (plan, n_responsibilities, responsibility);
  assign_randomly (plan, rand, responsibility);
}

CtoPlan *
plan_generator_new (guint32  seed,
                    gboolean dates)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  CtoPlan *plan = cto_plan_new ();
  guint n_people = g_rand_int_range (rand, 0, 9);
  guint n_responsibilities = g_rand_int_range (rand, 0, 16);

  for (guint i = 0; i < n_people; i++)
    add_person (plan, rand, i, dates);
  for (guint i = 0; i < n_responsibilities; i++)
    add_responsibility (plan, rand, i);

  return plan;
}

CtoPlan *
plan_generator_mutate (CtoPlan *plan,
                       guint32  seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  CtoPlan *copy = cto_plan_copy (plan);
  guint n_edits = g_rand_int_range (rand, 0, 8);

  for (guint e = 0; e < n_edits; e++)
    {
      GListModel *people = cto_plan_get_people (copy);
      GListModel *responsibilities = cto_plan_get_responsibilities (copy);
      guint n_people = g_list_model_get_n_items (people);
      guint n_responsibilities = g_list_model_get_n_items (responsibilities);

      switch (g_rand_int_range (rand, 0, 7))
        {
        case 0:
          add_person (copy, rand, 100 + e, g_rand_boolean (rand));
          break;
        case 1:
          add_responsibility (copy, rand, 100 + e);
          break;
        case 2:
          if (n_people > 0)
            {
              g_autoptr(CtoPerson) person = g_list_model_get_item (people, g_rand_int_range (rand, 0, n_people));
              cto_plan_remove_person (copy, person);
            }
          break;
        case 3:
          if (n_responsibilities > 0)
            {
              g_autoptr(CtoResponsibility) r =
                g_list_model_get_item (responsibilities, g_rand_int_range (rand, 0, n_responsibilities));
              cto_plan_remove_responsibility (copy, r);
            }
          break;
        case 4:
          if (n_people > 0)
            {
              g_autoptr(CtoPerson) person = g_list_model_get_item (people, g_rand_int_range (rand, 0, n_people));
              cto_plan_set_person_capacity (copy, person, g_rand_int_range (rand, 0, 5) * 10);
              cto_plan_set_person_open_role (copy, person, g_rand_boolean (rand));
            }
          break;
        case 5:
          if (n_responsibilities > 0)
            {
              g_autoptr(CtoResponsibility) r =
                g_list_model_get_item (responsibilities, g_rand_int_range (rand, 0, n_responsibilities));
              cto_plan_set_responsibility_effort (copy, r, g_rand_int_range (rand, 0, 13));
              cto_plan_set_responsibility_function (copy, r,
                                                    (CtoFunction) g_rand_int_range (rand, 0, CTO_N_FUNCTIONS));
            }
          break;
        case 6:
          if (n_responsibilities > 0)
            {
              g_autoptr(CtoResponsibility) r =
                g_list_model_get_item (responsibilities, g_rand_int_range (rand, 0, n_responsibilities));
              assign_randomly (copy, rand, r);
            }
          break;
        default:
          g_assert_not_reached ();
        }
    }

  return copy;
}
