/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "cto-plan-diff.h"
#include "cto-plan-io.h"
#include "cto-report-diff.h"
#include "plan-generator.h"

/* Comparing two plans (PLAN-FORMAT.md, section 7). */

#define N_GENERATED 300

static CtoPlan *
load_data_plan (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  CtoPlan *plan = cto_plan_io_load_file (file, NULL, &error);

  g_assert_no_error (error);
  return plan;
}

static CtoPlan *
load_text (const char *text)
{
  g_autoptr(GError) error = NULL;
  CtoPlan *plan = cto_plan_io_load_data (text, strlen (text), &error);

  g_assert_no_error (error);
  return plan;
}

static char *
read_data (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

/* Ids of people or responsibilities, in the array's order. */
static char *
ids (GPtrArray *items,
     gboolean   people)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < items->len; i++)
    {
      gpointer item = g_ptr_array_index (items, i);

      g_string_append (out, people ? cto_person_get_id (item) : cto_responsibility_get_id (item));
      g_string_append_c (out, ' ');
    }

  return g_string_free (out, FALSE);
}

/* Added, removed and changed, with members left out and written as their
 * defaults, assignees in another order, and all four functions; worked out
 * by hand. */
static void
test_hand_made (void)
{
  g_autoptr(CtoPlan) old_plan = load_data_plan ("diff-old.json");
  g_autoptr(CtoPlan) new_plan = load_data_plan ("diff-new.json");
  g_autoptr(CtoPlanDiff) diff = cto_plan_diff_new (old_plan, new_plan);
  g_autofree char *json = cto_report_diff_json (diff);
  g_autofree char *expected = read_data ("diff-old-new.json");

  g_assert_cmpstr (json, ==, expected);
  g_assert_false (cto_plan_diff_is_empty (diff));
  g_assert_true (cto_plan_diff_function_changed (diff, CTO_FUNCTION_PLANNING));
  g_assert_true (cto_plan_diff_function_changed (diff, CTO_FUNCTION_THINKER));
}

/* A member left out counts as its default, for every compared member. */
static void
test_defaults (void)
{
  g_autoptr(CtoPlan) terse = load_text (
    "{\"format\": \"cto-planner-plan\", \"version\": 1,"
    " \"people\": [{\"id\": \"a\", \"name\": \"A\"}],"
    " \"responsibilities\": [{\"id\": \"r\", \"title\": \"R\", \"function\": \"thinker\","
    "   \"assignees\": [{\"person\": \"a\"}]}]}");
  g_autoptr(CtoPlan) explicit = load_text (
    "{\"format\": \"cto-planner-plan\", \"version\": 1, \"title\": \"Other\","
    " \"people\": [{\"id\": \"a\", \"name\": \"A\", \"role\": \"\", \"capacity\": 40,"
    "   \"reports_to\": null, \"open_role\": false, \"start\": null, \"end\": null}],"
    " \"responsibilities\": [{\"id\": \"r\", \"title\": \"R\", \"function\": \"thinker\","
    "   \"effort\": 0, \"description\": \"\","
    "   \"assignees\": [{\"person\": \"a\", \"share\": 1, \"accountable\": false}]}]}");
  g_autoptr(CtoPlanDiff) diff = cto_plan_diff_new (terse, explicit);

  g_assert_true (cto_plan_diff_is_empty (diff));
}

/* One change of each compared member shows it alone, with both values. */
static void
test_each_field (void)
{
  static const struct {
    const char *person;
    const char *responsibility;
    const char *expected;
  } cases[] = {
    { "\"name\": \"B\"", "", "\"name\": [\n            \"A\",\n            \"B\"" },
    { "\"name\": \"A\", \"role\": \"CEO\"", "", "\"role\": [\n            \"\",\n            \"CEO\"" },
    { "\"name\": \"A\", \"capacity\": 0", "", "\"capacity\": [\n            40,\n            0" },
    { "\"name\": \"A\", \"open_role\": true", "", "\"open_role\": [\n            false,\n            true" },
    { "\"name\": \"A\", \"start\": \"2027-01-01\"", "", "\"start\": [\n            null,\n            \"2027-01-01\"" },
    { "\"name\": \"A\", \"end\": \"2028-02-29\"", "", "\"end\": [\n            null,\n            \"2028-02-29\"" },
    { "\"name\": \"A\"", "\"title\": \"S\"", "\"title\": [\n            \"R\",\n            \"S\"" },
    { "\"name\": \"A\"", "\"title\": \"R\", \"function\": \"planning\"",
      "\"function\": [\n            \"thinker\",\n            \"planning\"" },
    { "\"name\": \"A\"", "\"title\": \"R\", \"effort\": 2.5", "\"effort\": [\n            0,\n            2.5" },
    { "\"name\": \"A\"", "\"title\": \"R\", \"description\": \"d\"",
      "\"description\": [\n            \"\",\n            \"d\"" },
  };
  g_autoptr(CtoPlan) base = load_text (
    "{\"format\": \"cto-planner-plan\", \"version\": 1,"
    " \"people\": [{\"id\": \"a\", \"name\": \"A\"}],"
    " \"responsibilities\": [{\"id\": \"r\", \"title\": \"R\", \"function\": \"thinker\"}]}");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *responsibility = *cases[i].responsibility ? cases[i].responsibility
                                                            : "\"title\": \"R\"";
      g_autofree char *text = g_strdup_printf (
        "{\"format\": \"cto-planner-plan\", \"version\": 1,"
        " \"people\": [{\"id\": \"a\", %s}],"
        " \"responsibilities\": [{\"id\": \"r\", %s%s}]}",
        cases[i].person, responsibility,
        strstr (responsibility, "function") != NULL ? "" : ", \"function\": \"thinker\"");
      g_autoptr(CtoPlan) changed = NULL;
      g_autoptr(CtoPlanDiff) diff = NULL;
      g_autofree char *json = NULL;
      GPtrArray *people;
      GPtrArray *responsibilities;

      changed = load_text (text);
      diff = cto_plan_diff_new (base, changed);
      json = cto_report_diff_json (diff);
      people = cto_plan_diff_get_changed_people (diff);
      responsibilities = cto_plan_diff_get_changed_responsibilities (diff);

      g_assert_cmpuint (people->len + responsibilities->len, ==, 1);
      if (people->len == 1)
        g_assert_cmpuint (((CtoDiffChange *) g_ptr_array_index (people, 0))->fields->len, ==, 1);
      else
        g_assert_cmpuint (((CtoDiffChange *) g_ptr_array_index (responsibilities, 0))->fields->len, ==, 1);
      if (strstr (json, cases[i].expected) == NULL)
        g_error ("case %u: %s", i, json);
    }
}

/* Assignees count as a set: another order is no change; a share or an
 * accountable mark is. */
static void
test_assignees (void)
{
  static const struct {
    const char *assignees;
    gboolean    changed;
  } cases[] = {
    { "[{\"person\": \"b\", \"share\": 2}, {\"person\": \"a\", \"accountable\": true}]", FALSE },
    { "[{\"person\": \"a\", \"accountable\": true}, {\"person\": \"b\", \"share\": 3}]", TRUE },
    { "[{\"person\": \"a\"}, {\"person\": \"b\", \"share\": 2}]", TRUE },
    { "[{\"person\": \"a\", \"accountable\": true}]", TRUE },
    { "[]", TRUE },
  };
  const char *head =
    "{\"format\": \"cto-planner-plan\", \"version\": 1,"
    " \"people\": [{\"id\": \"a\", \"name\": \"A\"}, {\"id\": \"b\", \"name\": \"B\"}],"
    " \"responsibilities\": [{\"id\": \"r\", \"title\": \"R\", \"function\": \"thinker\","
    "   \"assignees\": ";
  g_autofree char *base_text =
    g_strconcat (head, "[{\"person\": \"a\", \"accountable\": true}, {\"person\": \"b\", \"share\": 2}]}]}", NULL);
  g_autoptr(CtoPlan) base = load_text (base_text);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strconcat (head, cases[i].assignees, "}]}", NULL);
      g_autoptr(CtoPlan) other = load_text (text);
      g_autoptr(CtoPlanDiff) diff = cto_plan_diff_new (base, other);
      GPtrArray *changed = cto_plan_diff_get_changed_responsibilities (diff);

      g_assert_cmpuint (changed->len, ==, cases[i].changed ? 1 : 0);
      if (cases[i].changed)
        {
          const CtoDiffChange *change = g_ptr_array_index (changed, 0);

          g_assert_true (change->assignees_changed);
          g_assert_cmpuint (change->fields->len, ==, 0);
        }
    }
}

/* A plan compared with itself, or with a copy, has no changes. */
static void
test_self (void)
{
  for (guint32 seed = 1; seed <= N_GENERATED; seed++)
    {
      g_autoptr(CtoPlan) plan = plan_generator_new (seed, seed % 2 == 0);
      g_autoptr(CtoPlan) copy = cto_plan_copy (plan);
      g_autoptr(CtoPlanDiff) same = cto_plan_diff_new (plan, plan);
      g_autoptr(CtoPlanDiff) copied = cto_plan_diff_new (plan, copy);

      g_assert_true (cto_plan_diff_is_empty (same));
      g_assert_true (cto_plan_diff_is_empty (copied));
      for (guint f = 0; f < CTO_N_FUNCTIONS; f++)
        g_assert_false (cto_plan_diff_function_changed (same, (CtoFunction) f));
    }
}

/* A plan as of a day compared with a whole plan is compared with that plan
 * as of the same day: Bo, gone that day in both, is not removed, and the
 * one change made is the only one; the functions are the day's. */
static void
test_as_of (void)
{
  g_autoptr(CtoPlan) old_plan = load_data_plan ("time-plan.json");
  g_autoptr(CtoPlan) new_plan = load_data_plan ("time-plan.json");
  GDate day;
  g_autoptr(CtoPlan) old_day = NULL;
  g_autoptr(CtoPlan) new_day = NULL;
  g_autoptr(CtoPlanDiff) diff = NULL;
  g_autoptr(CtoPlanDiff) both_days = NULL;
  g_autofree char *json = NULL;
  g_autofree char *both_json = NULL;
  g_autofree char *removed = NULL;
  CtoResponsibility *security = cto_plan_find_responsibility (new_plan, "security");

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 1, G_DATE_JULY, 2027);
  cto_plan_set_responsibility_effort (new_plan, security,
                                      cto_responsibility_get_effort (security) + 2);
  new_day = cto_plan_copy_as_of (new_plan, &day);
  old_day = cto_plan_copy_as_of (old_plan, &day);

  diff = cto_plan_diff_new (old_plan, new_day);
  both_days = cto_plan_diff_new (old_day, new_day);
  json = cto_report_diff_json (diff);
  both_json = cto_report_diff_json (both_days);
  g_assert_cmpstr (json, ==, both_json);

  removed = ids (cto_plan_diff_get_removed_people (diff), TRUE);
  g_assert_cmpstr (removed, ==, "");
  g_assert_cmpuint (cto_plan_diff_get_changed_responsibilities (diff)->len, ==, 1);
  g_assert_cmpstr (((CtoDiffChange *) g_ptr_array_index (cto_plan_diff_get_changed_responsibilities (diff), 0))->id,
                   ==, "security");
  g_assert_cmpint (g_date_compare (cto_plan_get_as_of (cto_plan_diff_get_old_plan (diff)), &day), ==, 0);

  /* Two whole plans: the whole plans are compared, whatever their dates. */
  {
    g_autoptr(CtoPlanDiff) whole = cto_plan_diff_new (old_plan, new_plan);

    g_assert_null (cto_plan_get_as_of (cto_plan_diff_get_old_plan (whole)));
    g_assert_cmpuint (cto_plan_diff_get_removed_people (whole)->len, ==, 0);
  }
}

/* OLD→NEW adds exactly what NEW→OLD removes and the other way round, and
 * changes the same things. */
static void
test_inverse (void)
{
  guint n_nonempty = 0;

  for (guint32 seed = 1; seed <= N_GENERATED; seed++)
    {
      g_autoptr(CtoPlan) a = plan_generator_new (seed, TRUE);
      g_autoptr(CtoPlan) b = plan_generator_mutate (a, seed * 7919);
      g_autoptr(CtoPlanDiff) forward = cto_plan_diff_new (a, b);
      g_autoptr(CtoPlanDiff) backward = cto_plan_diff_new (b, a);
      g_autofree char *fa = ids (cto_plan_diff_get_added_people (forward), TRUE);
      g_autofree char *fr = ids (cto_plan_diff_get_removed_people (forward), TRUE);
      g_autofree char *ba = ids (cto_plan_diff_get_added_people (backward), TRUE);
      g_autofree char *br = ids (cto_plan_diff_get_removed_people (backward), TRUE);
      g_autofree char *fra = ids (cto_plan_diff_get_added_responsibilities (forward), FALSE);
      g_autofree char *frr = ids (cto_plan_diff_get_removed_responsibilities (forward), FALSE);
      g_autofree char *bra = ids (cto_plan_diff_get_added_responsibilities (backward), FALSE);
      g_autofree char *brr = ids (cto_plan_diff_get_removed_responsibilities (backward), FALSE);
      GPtrArray *fc = cto_plan_diff_get_changed_people (forward);
      GPtrArray *bc = cto_plan_diff_get_changed_people (backward);

      g_assert_cmpstr (fa, ==, br);
      g_assert_cmpstr (fr, ==, ba);
      g_assert_cmpstr (fra, ==, brr);
      g_assert_cmpstr (frr, ==, bra);
      g_assert_cmpuint (fc->len, ==, bc->len);
      g_assert_cmpuint (cto_plan_diff_get_changed_responsibilities (forward)->len, ==,
                        cto_plan_diff_get_changed_responsibilities (backward)->len);

      /* Each changed member shows the same values the other way round. */
      for (guint i = 0; i < fc->len; i++)
        {
          const CtoDiffChange *change = g_ptr_array_index (fc, i);

          for (guint j = 0; j < bc->len; j++)
            {
              const CtoDiffChange *other = g_ptr_array_index (bc, j);

              if (strcmp (change->id, other->id) != 0)
                continue;
              g_assert_cmpuint (change->fields->len, ==, other->fields->len);
              for (guint k = 0; k < change->fields->len; k++)
                {
                  const CtoDiffField *x = &g_array_index (change->fields, CtoDiffField, k);
                  const CtoDiffField *y = &g_array_index (other->fields, CtoDiffField, k);

                  g_assert_cmpstr (x->field, ==, y->field);
                  g_assert_cmpint (x->before.type, ==, y->after.type);
                  g_assert_cmpint (x->after.type, ==, y->before.type);
                }
            }
        }

      n_nonempty += !cto_plan_diff_is_empty (forward);
    }

  /* The property says something only if the plans differ often. */
  g_assert_cmpuint (n_nonempty, >, N_GENERATED / 2);
}

/* The `--diff` text of two plans of tests/data, the old one shown as @old_label. */
static char *
data_diff_text (const char *old_name,
                const char *new_name,
                const char *old_label)
{
  g_autoptr(CtoPlan) old_plan = load_data_plan (old_name);
  g_autoptr(CtoPlan) new_plan = load_data_plan (new_name);
  g_autoptr(CtoPlanDiff) diff = cto_plan_diff_new (old_plan, new_plan);

  return cto_report_diff_text (diff, old_label, "new.json");
}

/* The text names what changed, in words, without control characters. */
static void
test_text (void)
{
  g_autofree char *text = data_diff_text ("diff-old.json", "diff-new.json", "old\x1b[31m.json");

  g_assert_nonnull (strstr (text, "old\\u{1b}[31m.json"));
  g_assert_null (strchr (text, '\x1b'));
  g_assert_nonnull (strstr (text, "Added: Data lead (hire-2)"));
  g_assert_nonnull (strstr (text, "Removed: Dana Wu (dana)"));
  g_assert_nonnull (strstr (text, "Capacity: 40 h → 12 h"));
  g_assert_nonnull (strstr (text, "Carried by: Bo Lin → Eve Ito"));
  g_assert_nonnull (strstr (text, "Infrastructure: Covered, bus factor 1, gap 0 h → "
                                  "Covered, bus factor 1, gap 3 h, overloaded"));
}

/* The text of a responsibility "r" carried by @before, then by @after:
 * the assignees of a plan file. */
static char *
carriers_text (const char *before,
               const char *after)
{
  const char *head =
    "{ \"format\": \"cto-planner-plan\", \"version\": 1,"
    "  \"people\": [ { \"id\": \"ana\", \"name\": \"Ana\" }, { \"id\": \"bo\", \"name\": \"Bo\" } ],"
    "  \"responsibilities\": [ { \"id\": \"r\", \"title\": \"R\", \"function\": \"planning\","
    "                             \"assignees\": [ ";
  const char *tail = " ] } ] }";
  g_autofree char *old_text = g_strconcat (head, before, tail, NULL);
  g_autofree char *new_text = g_strconcat (head, after, tail, NULL);
  g_autoptr(CtoPlan) old_plan = load_text (old_text);
  g_autoptr(CtoPlan) new_plan = load_text (new_text);
  g_autoptr(CtoPlanDiff) diff = cto_plan_diff_new (old_plan, new_plan);
  GPtrArray *changed = cto_plan_diff_get_changed_responsibilities (diff);
  char *text = NULL;
  char *after_text = NULL;
  char *joined;

  g_assert_cmpuint (changed->len, ==, 1);
  cto_report_diff_describe_carriers (old_plan, new_plan, g_ptr_array_index (changed, 0),
                                     &text, &after_text);
  joined = g_strconcat (text, " → ", after_text, NULL);
  g_free (text);
  g_free (after_text);
  return joined;
}

/* Who carries a responsibility is said as the board pages say it, each
 * person's part in percent and the one accountable marked; only when both
 * sides would read the same are the shares themselves spelled out. */
static void
test_text_carriers (void)
{
  struct {
    const char *before;
    const char *after;
    const char *text;
  } cases[] = {
    { "{ \"person\": \"ana\" }, { \"person\": \"bo\" }",
      "{ \"person\": \"ana\", \"share\": 2, \"accountable\": true }, { \"person\": \"bo\" }",
      "Ana 50%, Bo 50% → Ana 67% (accountable), Bo 33%" },
    { "{ \"person\": \"ana\" }",
      "{ \"person\": \"bo\", \"share\": 3 }",
      "Ana → Bo" },
    { "{ \"person\": \"ana\" }",
      "",
      "Ana → nobody" },
    /* The parts kept, the shares doubled. */
    { "{ \"person\": \"ana\" }, { \"person\": \"bo\" }",
      "{ \"person\": \"ana\", \"share\": 2 }, { \"person\": \"bo\", \"share\": 2 }",
      "Ana (share 1), Bo (share 1) → Ana (share 2), Bo (share 2)" },
    /* The one person marked accountable, which they were by nature. */
    { "{ \"person\": \"bo\" }",
      "{ \"person\": \"bo\", \"accountable\": true }",
      "Bo (share 1) → Bo (share 1, accountable)" },
    /* A share that two decimals would not tell apart. */
    { "{ \"person\": \"bo\" }",
      "{ \"person\": \"bo\", \"share\": 1.004 }",
      "Bo (share 1) → Bo (share 1.004)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = carriers_text (cases[i].before, cases[i].after);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

/* A changed number reads with two decimals at most, as every figure does,
 * and with more only where two would show both sides the same. */
static void
test_text_numbers_apart (void)
{
  const struct { double before; double after; const char *text; } cases[] = {
    { 40, 32.456, "      Capacity: 40 h → 32.46 h\n" },
    { 40, 40.0001, "      Capacity: 40 h → 40.0001 h\n" },
    { 40, 40.0000000001, "      Capacity: 40 h → 40.0000000001 h\n" },
    { 12.3441, 12.3449, "      Capacity: 12.344 h → 12.345 h\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CtoPlan) old_plan = cto_plan_new ();
      g_autoptr(CtoPlan) new_plan = NULL;
      g_autoptr(CtoPerson) person = cto_person_new ("ana", "Ana", NULL, cases[i].before, FALSE);
      g_autoptr(CtoPlanDiff) diff = NULL;
      g_autofree char *text = NULL;

      cto_plan_insert_person (old_plan, 0, person);
      new_plan = cto_plan_copy (old_plan);
      cto_plan_set_person_capacity (new_plan, cto_plan_find_person (new_plan, "ana"), cases[i].after);
      diff = cto_plan_diff_new (old_plan, new_plan);
      text = cto_report_diff_text (diff, "old.json", "new.json");

      g_assert_nonnull (strstr (text, cases[i].text));
    }
}

/* A person's manager by name and dates in words, each side as its own plan
 * has them: the old manager named though gone from the new plan, a renamed
 * one by the name of each side, "no one" for none. */
static void
test_text_people_in_words (void)
{
  g_autofree char *text = data_diff_text ("diff-managers-old.json", "diff-managers-new.json",
                                          "old.json");

  g_assert_nonnull (strstr (text, "  Changed: Sam Lee (sam)\n"
                                  "      Reports to: Ravi Menon → Mia Okafor\n"
                                  "      Starts: 15 March 2026 → 1 April 2026\n"
                                  "      Leaves: no date → 3 January 2027\n"));
  g_assert_nonnull (strstr (text, "  Changed: Kim Park (kim)\n"
                                  "      Reports to: Support lead → no one\n"));
  g_assert_nonnull (strstr (text, "  Changed: Lou Chen (lou)\n"
                                  "      Reports to: no one → Eve Ito\n"));
}

/* A manager's name reaches the terminal escaped, as any plan text does. */
static void
test_text_manager_escaped (void)
{
  g_autoptr(CtoPlan) old_plan = load_data_plan ("valid-terminal-text.json");
  g_autoptr(CtoPlan) new_plan = cto_plan_copy (old_plan);
  g_autoptr(CtoPlanDiff) diff = NULL;
  g_autofree char *text = NULL;

  g_assert_true (cto_plan_set_reports_to (new_plan, cto_plan_find_person (new_plan, "bo"),
                                          cto_plan_find_person (new_plan, "ana\x1b]0;owned\a"),
                                          NULL));
  diff = cto_plan_diff_new (old_plan, new_plan);
  text = cto_report_diff_text (diff, NULL, NULL);

  g_assert_nonnull (strstr (text, "Reports to: no one → Ana \\u{1b}[31mRed"));
  g_assert_null (strchr (text, '\x1b'));
  g_assert_null (strchr (text, '\r'));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plan-diff/hand-made", test_hand_made);
  g_test_add_func ("/plan-diff/defaults", test_defaults);
  g_test_add_func ("/plan-diff/each-field", test_each_field);
  g_test_add_func ("/plan-diff/assignees", test_assignees);
  g_test_add_func ("/plan-diff/self", test_self);
  g_test_add_func ("/plan-diff/as-of", test_as_of);
  g_test_add_func ("/plan-diff/inverse", test_inverse);
  g_test_add_func ("/plan-diff/text", test_text);
  g_test_add_func ("/plan-diff/text/carriers", test_text_carriers);
  g_test_add_func ("/plan-diff/text/numbers-apart", test_text_numbers_apart);
  g_test_add_func ("/plan-diff/text/people-in-words", test_text_people_in_words);
  g_test_add_func ("/plan-diff/text/manager-escaped", test_text_manager_escaped);

  return g_test_run ();
}
