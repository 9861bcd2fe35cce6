/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "cli-test-util.h"

/* `--summary --without ID` and `--suggest`, run as a user runs them: the
 * built program, with no display. */


static char *
example_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "examples",
                                "acme-robotics.ctoplan.json", NULL);
}

static char *
data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
}

static JsonObject *
parse_object (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = json_from_string (text, &error);

  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  return json_object_ref (json_node_get_object (node));
}

static void
assert_members (JsonObject         *object,
                const char * const *names)
{
  g_autoptr(GList) members = json_object_get_members (object);
  guint i = 0;

  for (GList *l = members; l != NULL; l = l->next, i++)
    {
      g_assert_nonnull (names[i]);
      g_assert_cmpstr (l->data, ==, names[i]);
    }
  g_assert_null (names[i]);
}

static void
test_without_json (void)
{
  g_autofree char *path = data_path ("departure-basic.json");
  g_auto(CliRun) run = { 0 };
  g_auto(CliRun) summary = { 0 };
  g_autoptr(JsonObject) object = NULL;
  JsonObject *without;
  static const char *top[] = { "title", "functions", "people", "unassigned", "without", NULL };
  static const char *inner[] = { "person", "name", "hours", "left_unassigned", "accountable_lost",
                                 "functions", NULL };

  CLI_RUN (&run, "--summary", "--json", "--without", "bo", path);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  object = parse_object (run.out);
  assert_members (object, top);
  without = json_object_get_object_member (object, "without");
  assert_members (without, inner);
  g_assert_cmpstr (json_object_get_string_member (without, "person"), ==, "bo");
  g_assert_cmpfloat (json_object_get_double_member (without, "hours"), ==, 9.5);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (without, "functions")), ==, 4);
  /* Bo is gone from the analysis. */
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "people")), ==, 3);

  /* The option order does not matter. */
  CLI_RUN (&summary, "--without", "bo", "--summary", "--json", path);
  g_assert_cmpint (summary.status, ==, 0);
  g_assert_cmpstr (summary.out, ==, run.out);
}

static void
test_without_text (void)
{
  g_autofree char *path = data_path ("departure-basic.json");
  g_auto(CliRun) run = { 0 };

  CLI_RUN (&run, "--summary", "--without", "bo", path);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_true (g_str_has_prefix (run.out, "If Bo leaves\n"));
  g_assert_nonnull (strstr (run.out, "9.5 h to pick up\n"));
  g_assert_nonnull (strstr (run.out, "Left unassigned: “Cloud”\n"));
  g_assert_nonnull (strstr (run.out, "Accountable lost: “Security”\n"));
  g_assert_nonnull (strstr (run.out, "Infrastructure: Covered → Partly covered, bus factor 2 → 1\n"));
  g_assert_nonnull (strstr (run.out, "Thinker: Covered, bus factor 1 (unchanged)\n"));
  /* Then the analysis of the plan without Bo. */
  g_assert_nonnull (strstr (run.out, "\nDeparture\n=========\n"));
}

static void
test_without_unknown (void)
{
  g_autofree char *path = example_path ();
  g_autofree char *expected = g_strdup_printf ("cto-planner: %s: --without: unknown person \"x\"\n", path);
  g_auto(CliRun) run = { 0 };
  g_auto(CliRun) hostile = { 0 };

  CLI_RUN (&run, "--summary", "--json", "--without", "x", path);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpstr (run.err, ==, expected);

  /* An id that would move the cursor is shown, not obeyed. */
  CLI_RUN (&hostile, "--summary", "--without", "a\033[2Jb", path);
  g_assert_cmpint (hostile.status, ==, 1);
  g_assert_null (strchr (hostile.err, '\033'));
  g_assert_nonnull (strstr (hostile.err, "a\\u{1b}[2Jb"));
}

static void
test_usage (void)
{
  g_autofree char *path = example_path ();
  const char *cases[][4] = {
    { "--without", "bo", path, NULL },
    { "--check", "--without", "bo", path },
    { "--suggest", "--summary", path, NULL },
    { "--suggest", NULL, NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(CliRun) run = { 0 };
      const char *args[6] = { NULL };

      for (guint j = 0; j < 4 && cases[i][j] != NULL; j++)
        args[j] = cases[i][j];
      cli_run_argv (&run, args);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_cmpstr (run.out, ==, "");
    }
}

static void
test_suggest_json (void)
{
  g_autofree char *path = data_path ("suggest-rank.json");
  g_auto(CliRun) run = { 0 };
  g_auto(CliRun) summary = { 0 };
  g_autoptr(JsonObject) object = NULL;
  JsonArray *suggestions;
  static const char *top[] = { "suggestions", "unresolved", "after", NULL };
  static const char *item[] = { "kind", "responsibility", "function", "from", "to", "hours", NULL };

  CLI_RUN (&run, "--suggest", "--json", path);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  object = parse_object (run.out);
  assert_members (object, top);
  suggestions = json_object_get_array_member (object, "suggestions");
  g_assert_cmpuint (json_array_get_length (suggestions), ==, 3);
  for (guint i = 0; i < 3; i++)
    assert_members (json_array_get_object_element (suggestions, i), item);
  g_assert_true (json_object_get_null_member (json_array_get_object_element (suggestions, 2), "from"));

  /* The plan asked about is the plan analysed: "after" is a summary of the
   * same shape. */
  CLI_RUN (&summary, "--summary", "--json", path);
  {
    g_autoptr(JsonObject) plain = parse_object (summary.out);
    g_autoptr(GList) a = json_object_get_members (plain);
    g_autoptr(GList) b = json_object_get_members (json_object_get_object_member (object, "after"));

    g_assert_cmpuint (g_list_length (a), ==, g_list_length (b));
  }
}

static void
test_suggest_text (void)
{
  g_autofree char *path = data_path ("suggest-rank.json");
  g_auto(CliRun) run = { 0 };

  CLI_RUN (&run, "--suggest", path);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Move “R2” (7 h) from Ana to Dee — Ana drops to 90%, Dee rises to 90%\n"));
  g_assert_nonnull (strstr (run.out, "Give “R6” (5 h) to Bo — Bo rises to 50%\n"));
  g_assert_nonnull (strstr (run.out, "No one has 30 h free for “R7” — a hire of 0.75 FTE would cover it\n"));
}

/* Someone with no capacity who still carries work after a move has no
 * share of their hours to drop to: the text says what they still carry. */
static void
test_suggest_text_no_capacity (void)
{
  g_autofree char *path = data_path ("suggest-no-capacity.json");
  g_auto(CliRun) run = { 0 };

  CLI_RUN (&run, "--suggest", path);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Move “R2” (8 h) from Eve to Ana — Eve, with no hours available, "
                                     "still carries 4 h; Ana rises to 20%\n"));
  g_assert_nonnull (strstr (run.out, "Move “R1” (4 h) from Eve to Ana — Eve drops to 0%, Ana rises to 30%\n"));
  g_assert_null (strstr (run.out, "no capacity"));
}

/* Bo has the 2 h that Ana is over free, but not the 12 h of the one
 * responsibility she carries, and work moves whole: what stays unresolved
 * says so, not that no one has 2 h free. */
static void
test_suggest_text_no_room (void)
{
  g_autofree char *path = data_path ("suggest-no-room.json");
  g_auto(CliRun) run = { 0 };

  CLI_RUN (&run, "--suggest", path);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "\n  Ana stays 2 h over: no one has room for any of their work "
                                     "— a hire of 0.05 FTE would cover it\n"));
  g_assert_null (strstr (run.out, "2 h free"));
}

static void
test_refused (void)
{
  g_autofree char *path = data_path ("invalid-syntax.json");
  g_auto(CliRun) suggest = { 0 };
  g_auto(CliRun) without = { 0 };

  CLI_RUN (&suggest, "--suggest", "--json", path);
  g_assert_cmpint (suggest.status, ==, 1);
  g_assert_cmpstr (suggest.out, ==, "");
  CLI_RUN (&without, "--summary", "--without", "bo", path);
  g_assert_cmpint (without.status, ==, 1);
  g_assert_cmpstr (without.out, ==, "");
}

/* Plan text reaches the terminal shown, never obeyed (PLAN-FORMAT.md section 8). */
static void
test_terminal_safe (void)
{
  static const char plan[] =
    "{\"format\": \"cto-planner-plan\", \"version\": 1,"
    " \"people\": [ {\"id\": \"a\", \"name\": \"Ann\\u001b[2J\", \"capacity\": 1},"
    "  {\"id\": \"b\", \"name\": \"B\\u202eob\", \"capacity\": 40} ],"
    " \"responsibilities\": ["
    "  {\"id\": \"r\", \"title\": \"CliRun\\u0007 it\", \"function\": \"planning\", \"effort\": 4,"
    "   \"assignees\": [ {\"person\": \"a\"} ]},"
    "  {\"id\": \"s\", \"title\": \"Big\\u009b job\", \"function\": \"thinker\", \"effort\": 99} ] }";
  g_autofree char *dir = g_dir_make_tmp ("cto-cli-decide-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "hostile.json", NULL);
  g_auto(CliRun) suggest = { 0 };
  g_auto(CliRun) without = { 0 };
  g_autofree char *section = NULL;

  g_assert_true (g_file_set_contents (path, plan, -1, NULL));

  CLI_RUN (&suggest, "--suggest", path);
  CLI_RUN (&without, "--summary", "--without", "a", path);
  g_assert_cmpint (suggest.status, ==, 0);
  g_assert_cmpint (without.status, ==, 0);

  /* The section on the departure; the summary after it is --summary's. */
  section = g_strndup (without.out, strstr (without.out, "\n\n") - without.out);
  for (guint i = 0; i < 2; i++)
    {
      const char *out = i == 0 ? suggest.out : section;

      g_assert_null (strchr (out, '\033'));
      g_assert_null (strchr (out, '\007'));
      g_assert_null (strstr (out, "\xe2\x80\xae"));
      g_assert_null (strstr (out, "\xc2\x9b"));
    }
  g_assert_nonnull (strstr (suggest.out, "Move “CliRun\\u{7} it” (4 h) from Ann\\u{1b}[2J to B\\u{202e}ob"));
  g_assert_nonnull (strstr (suggest.out, "“Big\\u{9b} job”"));
  g_assert_nonnull (strstr (section, "If Ann\\u{1b}[2J leaves\n"));
  g_assert_null (strchr (without.out, '\033'));

  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/without/json", test_without_json);
  g_test_add_func ("/cli/without/text", test_without_text);
  g_test_add_func ("/cli/without/unknown", test_without_unknown);
  g_test_add_func ("/cli/decide/usage", test_usage);
  g_test_add_func ("/cli/suggest/json", test_suggest_json);
  g_test_add_func ("/cli/suggest/text", test_suggest_text);
  g_test_add_func ("/cli/suggest/text/no-capacity", test_suggest_text_no_capacity);
  g_test_add_func ("/cli/suggest/text/no-room", test_suggest_text_no_room);
  g_test_add_func ("/cli/suggest/refused", test_refused);
  g_test_add_func ("/cli/decide/terminal-safe", test_terminal_safe);

  return g_test_run ();
}
