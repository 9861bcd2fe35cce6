/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "cli-test-util.h"

/* --as-of, --timeline and --diff (PLAN-FORMAT.md, sections 6 and 7), run as
 * a user runs them: the built program, with no display. */


static char *
data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
}

static char *
read_data (const char *name)
{
  g_autofree char *path = data_path (name);
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return contents;
}

static JsonNode *
parse (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static void
test_timeline_json (void)
{
  g_autofree char *plan = data_path ("time-plan.json");
  g_autofree char *expected = read_data ("timeline-time-plan.json");
  g_auto(CliRun) from = { 0 };
  g_auto(CliRun) today = { 0 };

  CLI_RUN (&from, "--timeline", "--json", "--from", "2027-03-31", plan);
  g_assert_cmpint (from.status, ==, 0);
  g_assert_cmpstr (from.err, ==, "");
  g_assert_cmpstr (from.out, ==, expected);

  /* Without --from: the quarter of the day SOURCE_DATE_EPOCH names. */
  CLI_RUN (&today, "--timeline", "--json", plan);
  g_assert_cmpint (today.status, ==, 0);
  g_assert_cmpstr (today.out, ==, expected);
}

static void
test_timeline_text (void)
{
  g_autofree char *plan = data_path ("time-plan.json");
  g_auto(CliRun) run = { 0 };

  CLI_RUN (&run, "--timeline", plan);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "2027 Q1"));
  g_assert_nonnull (strstr (run.out, "2028 Q4"));
  g_assert_nonnull (strstr (run.out, "Partly covered"));
  g_assert_nonnull (strstr (run.out, "Leaving: Bo Lin"));
}

/* A function whose only overloaded worker is an open role is overloaded
 * (PLAN-FORMAT.md, section 3), and the note under the table says so. */
static void
test_timeline_text_open_role_overloaded (void)
{
  g_autofree char *plan = data_path ("time-open-role-overloaded.json");
  g_auto(CliRun) run = { 0 };

  CLI_RUN (&run, "--timeline", plan);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "\n2027 Q2       1  No responsibilities  Partly covered, 1       "));
  g_assert_nonnull (strstr (run.out, "\n2027 Q3       2  No responsibilities  Covered, 1, overloaded  "));
  g_assert_nonnull (strstr (run.out, "“overloaded” when anyone working on it is, open roles included."));
}

/* `--diff --json OLD NEW` prints exactly the data file @expected_name; plans
 * that differ are no failure. */
static void
assert_diff_json (const char *old_plan,
                  const char *new_plan,
                  const char *expected_name)
{
  g_autofree char *expected = read_data (expected_name);
  g_auto(CliRun) json = { 0 };

  CLI_RUN (&json, "--diff", "--json", old_plan, new_plan);
  g_assert_cmpint (json.status, ==, 0);
  g_assert_cmpstr (json.out, ==, expected);
}

static void
test_diff (void)
{
  g_autofree char *old_plan = data_path ("diff-old.json");
  g_autofree char *new_plan = data_path ("diff-new.json");
  g_auto(CliRun) text = { 0 };
  g_auto(CliRun) same = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;

  assert_diff_json (old_plan, new_plan, "diff-old-new.json");

  CLI_RUN (&text, "--diff", old_plan, new_plan);
  g_assert_cmpint (text.status, ==, 0);
  g_assert_nonnull (strstr (text.out, "Removed: Fax (fax)"));

  CLI_RUN (&same, "--diff", "--json", new_plan, new_plan);
  g_assert_cmpint (same.status, ==, 0);
  root = parse (same.out);
  object = json_node_get_object (root);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
    json_object_get_object_member (object, "people"), "changed")), ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
    json_object_get_object_member (object, "responsibilities"), "added")), ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "functions")), ==, 4);
}

/* The text names managers and gives dates as people read them; the JSON
 * keeps the ids and the days as plans write them. */
static void
test_diff_people_in_words (void)
{
  g_autofree char *old_plan = data_path ("diff-managers-old.json");
  g_autofree char *new_plan = data_path ("diff-managers-new.json");
  g_auto(CliRun) text = { 0 };

  assert_diff_json (old_plan, new_plan, "diff-managers-old-new.json");

  CLI_RUN (&text, "--diff", old_plan, new_plan);
  g_assert_cmpint (text.status, ==, 0);
  g_assert_nonnull (strstr (text.out, "      Reports to: Ravi Menon → Mia Okafor\n"
                                      "      Starts: 15 March 2026 → 1 April 2026\n"
                                      "      Leaves: no date → 3 January 2027\n"));
  g_assert_nonnull (strstr (text.out, "      Reports to: Support lead → no one\n"));
  g_assert_nonnull (strstr (text.out, "      Reports to: no one → Eve Ito\n"));
}

static void
test_diff_refused (void)
{
  g_autofree char *good = data_path ("diff-old.json");
  g_autofree char *bad = data_path ("invalid-cycle.json");
  g_auto(CliRun) run = { 0 };
  g_autofree char *prefix = g_strdup_printf ("cto-planner: %s: ", bad);

  CLI_RUN (&run, "--diff", good, bad);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_true (g_str_has_prefix (run.err, prefix));
}

static void
test_summary_as_of (void)
{
  g_autofree char *plan = data_path ("time-plan.json");
  g_auto(CliRun) run = { 0 };
  g_auto(CliRun) text = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonArray *people;

  CLI_RUN (&run, "--summary", "--json", "--as-of", "2027-07-01", plan);
  g_assert_cmpint (run.status, ==, 0);
  root = parse (run.out);
  people = json_object_get_array_member (json_node_get_object (root), "people");
  /* Bo left that day; Support lead started in April; Eve is not there yet. */
  g_assert_cmpuint (json_array_get_length (people), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (people, 0), "id"), ==, "ana");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (people, 1), "id"), ==, "hire-1");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (people, 2), "id"), ==, "dana");

  /* The text says which day it is about, and leaves out whoever is not there. */
  CLI_RUN (&text, "--summary", "--as-of", "2027-07-01", plan);
  g_assert_cmpint (text.status, ==, 0);
  g_assert_true (g_str_has_prefix (text.out, "Acme over time\n==============\nAs of 1 July 2027\n"));
  g_assert_null (strstr (text.out, "Bo Lin"));
  g_assert_nonnull (strstr (text.out, "Dana Wu"));
}

/* What if someone leaves, on a day they are not there: said as such, not as
 * an unknown person. */
static void
test_without_as_of (void)
{
  g_autofree char *plan = data_path ("time-plan.json");
  g_autofree char *expected =
    g_strdup_printf ("cto-planner: %s: --without: Bo Lin is not in the plan on 1 July 2027\n", plan);
  g_auto(CliRun) gone = { 0 };
  g_auto(CliRun) there = { 0 };

  CLI_RUN (&gone, "--summary", "--as-of", "2027-07-01", "--without", "bo", plan);
  g_assert_cmpint (gone.status, ==, 1);
  g_assert_cmpstr (gone.out, ==, "");
  g_assert_cmpstr (gone.err, ==, expected);

  /* The day before, Bo is there, and leaving is worked out for that day. */
  CLI_RUN (&there, "--summary", "--as-of", "2027-06-30", "--without", "bo", plan);
  g_assert_cmpint (there.status, ==, 0);
  g_assert_true (g_str_has_prefix (there.out, "If Bo Lin leaves\n"));
}

static void
test_export_as_of (void)
{
  g_autofree char *plan = data_path ("time-plan.json");
  g_autofree char *dir = g_dir_make_tmp ("cto-cli-time-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "report.md", NULL);
  g_autofree char *contents = NULL;
  const char *hiring;
  g_auto(CliRun) run = { 0 };

  CLI_RUN (&run, "--export", "markdown", "--as-of", "2028-01-01", "--output", out, plan);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_get_contents (out, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "As of 1 January 2028"));
  g_assert_nonnull (strstr (contents, "Ana Pérez"));
  /* Dana, gone by then, is nowhere in it but in the hiring plan, which goes
   * over the whole plan's quarters and says when she leaves. */
  hiring = strstr (contents, "\n## Hiring plan\n");
  g_assert_nonnull (hiring);
  g_assert_true (strstr (contents, "Dana Wu") > hiring);
  g_assert_nonnull (strstr (hiring, "| Leaving: Dana Wu |"));
  g_unlink (out);

  /* The plan file and the spreadsheet keep the whole plan, as the
   * window's export does: the same bytes as without --as-of. */
  for (guint i = 0; i < 2; i++)
    {
      const char *format = i == 0 ? "json" : "csv";
      g_autofree char *as_of_out = g_build_filename (dir, "as-of", NULL);
      g_autofree char *whole_out = g_build_filename (dir, "whole", NULL);
      g_autofree char *as_of = NULL;
      g_autofree char *whole = NULL;
      g_auto(CliRun) as_of_run = { 0 };
      g_auto(CliRun) whole_run = { 0 };

      CLI_RUN (&as_of_run, "--export", format, "--as-of", "2028-01-01", "--output", as_of_out, plan);
      CLI_RUN (&whole_run, "--export", format, "--output", whole_out, plan);
      g_assert_cmpint (as_of_run.status, ==, 0);
      g_assert_cmpint (whole_run.status, ==, 0);
      g_assert_true (g_file_get_contents (as_of_out, &as_of, NULL, NULL));
      g_assert_true (g_file_get_contents (whole_out, &whole, NULL, NULL));
      /* Dana, gone by then, with what she carries. */
      g_assert_nonnull (strstr (as_of, "dana"));
      g_assert_cmpstr (as_of, ==, whole);
      g_unlink (as_of_out);
      g_unlink (whole_out);
    }

  g_rmdir (dir);
}

static void
test_usage_errors (void)
{
  g_autofree char *plan = data_path ("time-plan.json");
  const char *cases[][7] = {
    { "--summary", "--as-of", "2027-02-30", plan, NULL },
    { "--summary", "--as-of", "2027-2-3", plan, NULL },
    { "--summary", "--as-of", "tomorrow", plan, NULL },
    { "--summary", "--as-of", "2027-01-01x", plan, NULL },
    { "--summary", "--as-of", "0000-01-01", plan, NULL },
    { "--timeline", "--from", "2027-13-01", plan, NULL },
    { "--timeline", "--from", "", plan, NULL },
    { "--export", "markdown", "--as-of", "2027-04-31", "--output", "x.md", plan },
    { "--timeline", plan, plan, NULL },
    { "--timeline", NULL },
    { "--diff", plan, NULL },
    { "--diff", plan, plan, plan, NULL },
    { "--diff", "--timeline", plan, plan, NULL },
    { "--as-of", "2027-01-01", plan, NULL },
    { "--check", "--as-of", "2027-01-01", plan, NULL },
    { "--from", "2027-01-01", plan, NULL },
    { "--summary", "--from", "2027-01-01", plan, NULL },
    { "--timeline", "--as-of", "2027-01-01", plan, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(CliRun) run = { 0 };

      cli_run_argv (&run, cases[i]);
      if (run.status != 2)
        g_error ("case %u: exit %d, %s", i, run.status, run.err);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_true (g_str_has_prefix (run.err, "cto-planner: "));
    }
}

/* A wrong DATE is named in the message safely: one line, no raw controls. */
static void
test_bad_date_message (void)
{
  g_autofree char *plan = data_path ("time-plan.json");
  g_auto(CliRun) run = { 0 };

  CLI_RUN (&run, "--summary", "--as-of", "2027\x1b[2J-01-01", plan);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_null (strchr (run.err, '\x1b'));
  g_assert_nonnull (strstr (run.err, "2027\\u{1b}[2J-01-01"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* The command line's "today": 14 February 2027 (the runner passes it on). */
  g_setenv ("SOURCE_DATE_EPOCH", "1802606400", TRUE);

  g_test_add_func ("/cli-time/timeline/json", test_timeline_json);
  g_test_add_func ("/cli-time/timeline/text", test_timeline_text);
  g_test_add_func ("/cli-time/timeline/text/open-role-overloaded", test_timeline_text_open_role_overloaded);
  g_test_add_func ("/cli-time/diff/json-and-text", test_diff);
  g_test_add_func ("/cli-time/diff/people-in-words", test_diff_people_in_words);
  g_test_add_func ("/cli-time/diff/refused", test_diff_refused);
  g_test_add_func ("/cli-time/summary/as-of", test_summary_as_of);
  g_test_add_func ("/cli-time/summary/without-as-of", test_without_as_of);
  g_test_add_func ("/cli-time/export/as-of", test_export_as_of);
  g_test_add_func ("/cli-time/usage-errors", test_usage_errors);
  g_test_add_func ("/cli-time/bad-date-message", test_bad_date_message);

  return g_test_run ();
}
