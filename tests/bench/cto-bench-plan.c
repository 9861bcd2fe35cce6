/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cto-bench-plan.h"
#include "cto-history.h"

static const char *roles[] = {
  "Engineer", "Designer", "Support lead", "Product manager", "Operations", "Co-founder",
};

static const char *verbs[] = {
  "Maintain", "Choose", "Review", "Secure", "Document", "Plan", "Run", "Explain",
};

static const char *things[] = {
  "the build pipeline", "customer data storage", "the marketing website",
  "the support knowledge base", "investor technology briefings", "laptop fleet",
  "the on-call rota", "the product analytics", "the technology roadmap",
};

CtoPlan *
cto_bench_plan_new (guint n_people,
                    guint n_responsibilities)
{
  CtoPlan *plan = cto_plan_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (20271);
  g_autoptr(GPtrArray) people = g_ptr_array_new ();

  cto_plan_set_title (plan, "Generated plan");

  for (guint i = 0; i < n_people; i++)
    {
      g_autofree char *id = g_strdup_printf ("person-%u", i);
      g_autofree char *name = g_strdup_printf ("Person Number %u", i);
      g_autoptr(CtoPerson) person =
        cto_person_new (id, name, roles[i % G_N_ELEMENTS (roles)],
                        20 + g_rand_int_range (rand, 0, 5) * 5, i % 17 == 0);

      cto_plan_insert_person (plan, G_MAXUINT, person);
      if (i > 0)
        cto_plan_set_reports_to (plan, person, g_ptr_array_index (people, (i - 1) / 4), NULL);
      g_ptr_array_add (people, person);
    }

  for (guint i = 0; i < n_responsibilities; i++)
    {
      g_autofree char *id = g_strdup_printf ("responsibility-%u", i);
      g_autofree char *title = g_strdup_printf ("%s %s (%u)",
                                                verbs[g_rand_int_range (rand, 0, G_N_ELEMENTS (verbs))],
                                                things[g_rand_int_range (rand, 0, G_N_ELEMENTS (things))],
                                                i);
      g_autoptr(CtoResponsibility) r =
        cto_responsibility_new (id, title, i % CTO_N_FUNCTIONS,
                                g_rand_int_range (rand, 1, 20) / 2.0,
                                i % 3 == 0 ? "Generated for measuring." : "");
      guint n_assignees = n_people ? g_rand_int_range (rand, 0, 4) : 0;

      cto_plan_insert_responsibility (plan, G_MAXUINT, r);
      for (guint a = 0; a < n_assignees; a++)
        {
          CtoPerson *person = g_ptr_array_index (people, g_rand_int_range (rand, 0, n_people));

          cto_plan_assign (plan, r, person, g_rand_int_range (rand, 1, 4));
          if (a == 0 && n_assignees > 1 && i % 5 != 0)
            cto_plan_set_accountable (plan, r, person);
        }
    }

  cto_history_clear (cto_plan_get_history (plan));
  return plan;
}
