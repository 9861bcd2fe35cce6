/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "cto-plan-search.h"
#include "plan-generator.h"

/* What a search of a plan finds: people by name and role, responsibilities
 * by title, and what they carry and who carries them, case aside; typed on
 * and erased, the search finds what a fresh one would. */

#define N_GENERATED 120

static const char * const names[] = {
  "Élodie Müller", "ÉLODIE MARTIN", "élodie", "Zoë Ångström", "Jürgen Straße", "JÜRGEN STRASSE",
  "Ana", "ana maría", "Søren", "Ωmega Σίσυφος",
};
static const char * const roles[] = {
  "", "Data engineer", "DATA ENGINEER", "Ingénieure données", "SRE", "Café owner",
};
static const char * const titles[] = {
  "Café ops", "CAFÉ OPS", "Résumé review", "naïve Bayes", "ÅNGSTRÖM labs", "Straße map",
  "strasse MAP", "Data warehouse", "σίσυφος", "Roadmap (1)",
};
/* Typed a character at a time, then erased. */
static const char * const typed[] = {
  "élodie", "ÉLO", "café o", "STRÄ", "ss", "ström", "data", "ana", "σίσ", "roadmap (1", "zz",
};

/* A generated plan whose names, roles and titles have accents and mixed case. */
static CtoPlan *
accented_plan (guint32 seed)
{
  CtoPlan *plan = plan_generator_new (seed, FALSE);
  GListModel *people = cto_plan_get_people (plan);
  GListModel *responsibilities = cto_plan_get_responsibilities (plan);
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);

  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(CtoPerson) person = g_list_model_get_item (people, i);

      cto_plan_set_person_name (plan, person, names[g_rand_int_range (rand, 0, G_N_ELEMENTS (names))]);
      cto_plan_set_person_role (plan, person, roles[g_rand_int_range (rand, 0, G_N_ELEMENTS (roles))]);
    }
  for (guint i = 0; i < g_list_model_get_n_items (responsibilities); i++)
    {
      g_autoptr(CtoResponsibility) responsibility = g_list_model_get_item (responsibilities, i);

      cto_plan_set_responsibility_title (plan, responsibility,
                                         titles[g_rand_int_range (rand, 0, G_N_ELEMENTS (titles))]);
    }

  return plan;
}

static gboolean
holds (const char *text,
       const char *search)
{
  g_autofree char *folded_text = g_utf8_casefold (text, -1);
  g_autofree char *folded_search = g_utf8_casefold (search, -1);

  return strstr (folded_text, folded_search) != NULL;
}

/* The rule, spelt out: the ids of the people and of the responsibilities
 * found, each list sorted and joined. */
static void
expected (CtoPlan     *plan,
          const char  *search,
          char       **people_found,
          char       **responsibilities_found)
{
  GListModel *people = cto_plan_get_people (plan);
  GListModel *responsibilities = cto_plan_get_responsibilities (plan);
  g_autoptr(GPtrArray) found_people = g_ptr_array_new ();
  g_autoptr(GPtrArray) found_responsibilities = g_ptr_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(CtoPerson) person = g_list_model_get_item (people, i);
      gboolean found = search[0] == '\0' || holds (cto_person_get_name (person), search) ||
                       holds (cto_person_get_role (person), search);

      for (guint r = 0; !found && r < g_list_model_get_n_items (responsibilities); r++)
        {
          g_autoptr(CtoResponsibility) responsibility = g_list_model_get_item (responsibilities, r);

          found = holds (cto_responsibility_get_title (responsibility), search) &&
                  cto_responsibility_find_assignee (responsibility, cto_person_get_id (person), NULL) != NULL;
        }
      if (found)
        g_ptr_array_add (found_people, (gpointer) cto_person_get_id (person));
    }

  for (guint r = 0; r < g_list_model_get_n_items (responsibilities); r++)
    {
      g_autoptr(CtoResponsibility) responsibility = g_list_model_get_item (responsibilities, r);
      gboolean found = search[0] == '\0' || holds (cto_responsibility_get_title (responsibility), search);

      for (guint a = 0; !found && a < cto_responsibility_get_n_assignees (responsibility); a++)
        {
          CtoPerson *person =
            cto_plan_find_person (plan, cto_responsibility_get_assignee (responsibility, a)->person);

          found = person != NULL && (holds (cto_person_get_name (person), search) ||
                                     holds (cto_person_get_role (person), search));
        }
      if (found)
        g_ptr_array_add (found_responsibilities, (gpointer) cto_responsibility_get_id (responsibility));
    }

  g_ptr_array_sort (found_people, (GCompareFunc) g_strcmp0);
  g_ptr_array_sort (found_responsibilities, (GCompareFunc) g_strcmp0);
  g_ptr_array_add (found_people, NULL);
  g_ptr_array_add (found_responsibilities, NULL);
  *people_found = g_strjoinv (" ", (char **) found_people->pdata);
  *responsibilities_found = g_strjoinv (" ", (char **) found_responsibilities->pdata);
}

/* The same, as @search finds them. */
static void
found (CtoPlanSearch  *search,
       CtoPlan        *plan,
       char          **people_found,
       char          **responsibilities_found)
{
  GListModel *people = cto_plan_get_people (plan);
  GListModel *responsibilities = cto_plan_get_responsibilities (plan);
  g_autoptr(GPtrArray) found_people = g_ptr_array_new ();
  g_autoptr(GPtrArray) found_responsibilities = g_ptr_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(CtoPerson) person = g_list_model_get_item (people, i);

      if (cto_plan_search_finds_person (search, person))
        g_ptr_array_add (found_people, (gpointer) cto_person_get_id (person));
    }
  for (guint r = 0; r < g_list_model_get_n_items (responsibilities); r++)
    {
      g_autoptr(CtoResponsibility) responsibility = g_list_model_get_item (responsibilities, r);

      if (cto_plan_search_finds_responsibility (search, responsibility))
        g_ptr_array_add (found_responsibilities, (gpointer) cto_responsibility_get_id (responsibility));
    }

  g_ptr_array_sort (found_people, (GCompareFunc) g_strcmp0);
  g_ptr_array_sort (found_responsibilities, (GCompareFunc) g_strcmp0);
  g_ptr_array_add (found_people, NULL);
  g_ptr_array_add (found_responsibilities, NULL);
  *people_found = g_strjoinv (" ", (char **) found_people->pdata);
  *responsibilities_found = g_strjoinv (" ", (char **) found_responsibilities->pdata);
}

static void
assert_finds_as_rule (CtoPlanSearch *search,
                      CtoPlan       *plan,
                      const char    *text)
{
  g_autofree char *people = NULL;
  g_autofree char *responsibilities = NULL;
  g_autofree char *expected_people = NULL;
  g_autofree char *expected_responsibilities = NULL;

  found (search, plan, &people, &responsibilities);
  expected (plan, text, &expected_people, &expected_responsibilities);
  g_assert_cmpstr (people, ==, expected_people);
  g_assert_cmpstr (responsibilities, ==, expected_responsibilities);
}

/* @text's first @n characters. */
static char *
prefix (const char *text,
        glong       n)
{
  return g_strndup (text, g_utf8_offset_to_pointer (text, n) - text);
}

static void
test_typed_and_erased (void)
{
  for (guint32 seed = 0; seed < N_GENERATED; seed++)
    {
      g_autoptr(CtoPlan) plan = accented_plan (seed);
      g_autoptr(CtoPlanSearch) search = cto_plan_search_new (plan);

      for (guint t = 0; t < G_N_ELEMENTS (typed); t++)
        {
          glong length = g_utf8_strlen (typed[t], -1);

          for (glong n = 1; n <= 2 * length; n++)
            {
              g_autofree char *text = prefix (typed[t], n <= length ? n : 2 * length - n);
              CtoPlanSearchChange change = cto_plan_search_set_text (search, text);

              if (n < length)
                g_assert_cmpint (change, ==, CTO_PLAN_SEARCH_MORE_STRICT);
              else if (n > length)
                g_assert_cmpint (change, ==, CTO_PLAN_SEARCH_LESS_STRICT);
              assert_finds_as_rule (search, plan, text);
            }
        }
    }
}

/* From one text to another that neither holds nor is held. */
static void
test_other_text (void)
{
  g_autoptr(CtoPlan) plan = accented_plan (7);
  g_autoptr(CtoPlanSearch) search = cto_plan_search_new (plan);

  g_assert_cmpint (cto_plan_search_set_text (search, "ana"), ==, CTO_PLAN_SEARCH_MORE_STRICT);
  g_assert_cmpint (cto_plan_search_set_text (search, "ANA"), ==, CTO_PLAN_SEARCH_SAME);
  g_assert_cmpint (cto_plan_search_set_text (search, "café"), ==, CTO_PLAN_SEARCH_DIFFERENT);
  assert_finds_as_rule (search, plan, "café");
  g_assert_cmpstr (cto_plan_search_get_text (search), ==, "café");
  g_assert_cmpint (cto_plan_search_set_text (search, ""), ==, CTO_PLAN_SEARCH_LESS_STRICT);
  g_assert_null (cto_plan_search_get_text (search));
  assert_finds_as_rule (search, plan, "");
  g_assert_cmpint (cto_plan_search_set_text (search, NULL), ==, CTO_PLAN_SEARCH_SAME);
}

/* Edited, or another plan: the search finds as a fresh one, and says
 * whether what it finds changed. */
static void
test_plan_changed (void)
{
  for (guint32 seed = 0; seed < N_GENERATED; seed++)
    {
      g_autoptr(CtoPlan) plan = accented_plan (seed);
      g_autoptr(CtoPlan) mutated = plan_generator_mutate (plan, seed);
      g_autoptr(CtoPlanSearch) search = cto_plan_search_new (plan);
      const char *text = typed[seed % G_N_ELEMENTS (typed)];
      GListModel *people = cto_plan_get_people (plan);
      GListModel *responsibilities = cto_plan_get_responsibilities (plan);
      g_autofree char *people_before = NULL, *responsibilities_before = NULL;
      g_autofree char *people_after = NULL, *responsibilities_after = NULL;
      gboolean people_changed, responsibilities_changed;

      cto_plan_search_set_text (search, text);
      assert_finds_as_rule (search, plan, text);
      expected (plan, text, &people_before, &responsibilities_before);

      /* An edit of the same plan: a name, a title, an assignment. */
      if (g_list_model_get_n_items (people) > 0)
        {
          g_autoptr(CtoPerson) person = g_list_model_get_item (people, 0);

          cto_plan_set_person_name (plan, person, names[seed % G_N_ELEMENTS (names)]);
          if (g_list_model_get_n_items (responsibilities) > 0)
            {
              g_autoptr(CtoResponsibility) responsibility =
                g_list_model_get_item (responsibilities, seed % g_list_model_get_n_items (responsibilities));

              cto_plan_assign (plan, responsibility, person, 1);
            }
        }
      if (g_list_model_get_n_items (responsibilities) > 1)
        {
          g_autoptr(CtoResponsibility) responsibility = g_list_model_get_item (responsibilities, 1);

          cto_plan_set_responsibility_title (plan, responsibility, titles[seed % G_N_ELEMENTS (titles)]);
        }
      cto_plan_search_set_plan (search, plan, &people_changed, &responsibilities_changed);
      assert_finds_as_rule (search, plan, text);
      expected (plan, text, &people_after, &responsibilities_after);
      g_assert_cmpint (people_changed, ==, g_strcmp0 (people_before, people_after) != 0);
      g_assert_cmpint (responsibilities_changed, ==,
                       g_strcmp0 (responsibilities_before, responsibilities_after) != 0);

      /* Another plan, added to and taken from. */
      cto_plan_search_set_plan (search, mutated, NULL, NULL);
      assert_finds_as_rule (search, mutated, text);

      /* Changed while there was no text. */
      cto_plan_search_set_text (search, NULL);
      if (g_list_model_get_n_items (cto_plan_get_people (mutated)) > 0)
        {
          g_autoptr(CtoPerson) person = g_list_model_get_item (cto_plan_get_people (mutated), 0);

          cto_plan_set_person_role (mutated, person, "Ingénieure DONNÉES");
        }
      cto_plan_search_set_plan (search, mutated, NULL, NULL);
      cto_plan_search_set_text (search, "données");
      assert_finds_as_rule (search, mutated, "données");
    }
}

/* Who carries what, changed again and again, each time followed from what
 * the analysis says changed: the search finds as a fresh one, and says
 * whether what it finds changed. */
static void
test_assignees_changed (void)
{
  for (guint32 seed = 0; seed < N_GENERATED; seed++)
    {
      g_autoptr(CtoPlan) plan = accented_plan (seed);
      g_autoptr(CtoAnalysis) analysis = cto_analysis_new (plan);
      g_autoptr(CtoPlanSearch) search = cto_plan_search_new (plan);
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
      GListModel *people = cto_plan_get_people (plan);
      GListModel *responsibilities = cto_plan_get_responsibilities (plan);
      const char *text = typed[seed % G_N_ELEMENTS (typed)];
      guint n_people = g_list_model_get_n_items (people);
      guint n_responsibilities = g_list_model_get_n_items (responsibilities);

      if (n_people == 0 || n_responsibilities == 0)
        continue;

      cto_plan_search_set_text (search, text);
      for (guint edit = 0; edit < 12; edit++)
        {
          g_autoptr(CtoPerson) person = g_list_model_get_item (people, g_rand_int_range (rand, 0, n_people));
          g_autoptr(CtoResponsibility) responsibility =
            g_list_model_get_item (responsibilities, g_rand_int_range (rand, 0, n_responsibilities));
          g_autofree char *people_before = NULL, *responsibilities_before = NULL;
          g_autofree char *people_after = NULL, *responsibilities_after = NULL;
          gboolean people_changed, responsibilities_changed;
          GPtrArray *changed;

          expected (plan, text, &people_before, &responsibilities_before);
          if (cto_responsibility_find_assignee (responsibility, cto_person_get_id (person), NULL))
            cto_plan_unassign (plan, responsibility, person);
          else
            cto_plan_assign (plan, responsibility, person, 1);

          changed = cto_analysis_get_changed_responsibilities (analysis);
          if (changed != NULL)
            cto_plan_search_assignees_changed (search, changed,
                                               cto_analysis_get_changed_people (analysis), analysis,
                                               &people_changed, &responsibilities_changed);
          else
            cto_plan_search_set_plan (search, plan, &people_changed, &responsibilities_changed);

          assert_finds_as_rule (search, plan, text);
          expected (plan, text, &people_after, &responsibilities_after);
          g_assert_cmpint (people_changed, ==, g_strcmp0 (people_before, people_after) != 0);
          g_assert_cmpint (responsibilities_changed, ==,
                           g_strcmp0 (responsibilities_before, responsibilities_after) != 0);
        }
    }
}

/* Read ahead of the text, and again after an edit: the text finds as a
 * fresh search would. */
static void
test_prepared (void)
{
  for (guint32 seed = 0; seed < N_GENERATED; seed++)
    {
      g_autoptr(CtoPlan) plan = accented_plan (seed);
      g_autoptr(CtoPlanSearch) search = cto_plan_search_new (plan);
      GListModel *people = cto_plan_get_people (plan);
      GListModel *responsibilities = cto_plan_get_responsibilities (plan);
      const char *text = typed[seed % G_N_ELEMENTS (typed)];

      cto_plan_search_prepare (search);
      cto_plan_search_set_text (search, text);
      assert_finds_as_rule (search, plan, text);
      cto_plan_search_set_text (search, "");

      /* Renamed, retitled and assigned with no text, then read ahead. */
      if (g_list_model_get_n_items (people) > 0)
        {
          g_autoptr(CtoPerson) person = g_list_model_get_item (people, seed % g_list_model_get_n_items (people));

          cto_plan_set_person_name (plan, person, names[(seed + 1) % G_N_ELEMENTS (names)]);
          if (g_list_model_get_n_items (responsibilities) > 0)
            {
              g_autoptr(CtoResponsibility) responsibility = g_list_model_get_item (responsibilities, 0);

              cto_plan_set_responsibility_title (plan, responsibility, titles[seed % G_N_ELEMENTS (titles)]);
              cto_plan_assign (plan, responsibility, person, 1);
            }
        }
      cto_plan_search_set_plan (search, plan, NULL, NULL);
      cto_plan_search_prepare (search);
      cto_plan_search_set_text (search, text);
      assert_finds_as_rule (search, plan, text);
    }
}

/* Nothing to search: everything is found without text, nothing with. */
static void
test_no_plan (void)
{
  g_autoptr(CtoPlanSearch) search = cto_plan_search_new (NULL);
  g_autoptr(CtoPlan) plan = accented_plan (3);

  g_assert_cmpint (cto_plan_search_set_text (search, "a"), ==, CTO_PLAN_SEARCH_MORE_STRICT);
  cto_plan_search_set_plan (search, plan, NULL, NULL);
  assert_finds_as_rule (search, plan, "a");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plan-search/typed-and-erased", test_typed_and_erased);
  g_test_add_func ("/plan-search/other-text", test_other_text);
  g_test_add_func ("/plan-search/plan-changed", test_plan_changed);
  g_test_add_func ("/plan-search/assignees-changed", test_assignees_changed);
  g_test_add_func ("/plan-search/prepared", test_prepared);
  g_test_add_func ("/plan-search/no-plan", test_no_plan);

  return g_test_run ();
}
