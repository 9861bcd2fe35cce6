/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "cli-test-util.h"

/* The command line of PLAN-FORMAT.md section 4, run as a user runs it: the
 * built program, with no display. */


static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    n += *p == '\n';

  return n;
}

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

static void
test_check_valid (void)
{
  g_autofree char *path = example_path ();
  g_auto(CliRun) run = { 0 };

  CLI_RUN (&run, "--check", path);

  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_true (g_str_has_prefix (run.out, path));
  g_assert_true (g_str_has_suffix (run.out, " responsibilities\n"));
  g_assert_nonnull (strstr (run.out, ": valid plan: "));
  g_assert_nonnull (strstr (run.out, " people, "));
  g_assert_cmpuint (count_lines (run.out), ==, 1);
}

static void
test_check_counts (void)
{
  g_autofree char *path = data_path ("valid-minimal.json");
  g_autofree char *dir = g_dir_make_tmp ("cto-cli-XXXXXX", NULL);
  g_autofree char *one = g_build_filename (dir, "one.json", NULL);
  g_autofree char *expected = NULL;
  g_auto(CliRun) run = { 0 };
  g_auto(CliRun) run_one = { 0 };
  const char *plan =
    "{\"format\": \"cto-planner-plan\", \"version\": 1,"
    " \"people\": [{\"id\": \"a\", \"name\": \"A\"}],"
    " \"responsibilities\": [{\"id\": \"r\", \"title\": \"R\", \"function\": \"thinker\"}]}";

  g_assert_true (g_file_set_contents (one, plan, -1, NULL));
  CLI_RUN (&run_one, "--check", one);
  expected = g_strdup_printf ("%s: valid plan: 1 person, 1 responsibility\n", one);
  g_assert_cmpint (run_one.status, ==, 0);
  g_assert_cmpstr (run_one.out, ==, expected);

  CLI_RUN (&run, "--check", path);
  g_assert_cmpint (run.status, ==, 0);

  g_unlink (one);
  g_rmdir (dir);
}

static void
test_check_refused (void)
{
  g_autofree char *path = data_path ("invalid-unknown-person.json");
  g_auto(CliRun) run = { 0 };

  CLI_RUN (&run, "--check", path);

  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  /* cto-planner: PLAN: WHERE: WHAT, one line */
  g_assert_true (g_str_has_prefix (run.err, "cto-planner: "));
  g_assert_nonnull (strstr (run.err, path));
  g_assert_nonnull (strstr (run.err, ".assignees["));
  g_assert_nonnull (strstr (run.err, "].person: "));
  g_assert_true (g_str_has_suffix (run.err, "\n"));
  g_assert_cmpuint (count_lines (run.err), ==, 1);
}

/* A spreadsheet where a plan goes: named as one, with the command that
 * makes a plan of it; wherever a plan is read. */
static void
test_check_spreadsheet (void)
{
  g_autofree char *csv = g_test_build_filename (G_TEST_DIST, "data", "csv", "acme-robotics.csv", NULL);
  g_autofree char *example = g_test_build_filename (G_TEST_DIST, "..", "data", "examples",
                                                    "acme-robotics.ctoplan.json", NULL);
  g_autofree char *expected = g_strdup_printf ("cto-planner: %s: file: a spreadsheet, not a plan file "
                                               "(--import csv makes a plan of it)\n", csv);
  g_auto(CliRun) check = { 0 };
  g_auto(CliRun) diff = { 0 };

  CLI_RUN (&check, "--check", csv);
  g_assert_cmpint (check.status, ==, 1);
  g_assert_cmpstr (check.out, ==, "");
  g_assert_cmpstr (check.err, ==, expected);

  CLI_RUN (&diff, "--diff", csv, example);
  g_assert_cmpint (diff.status, ==, 1);
  g_assert_cmpstr (diff.out, ==, "");
  g_assert_cmpstr (diff.err, ==, expected);
}

static void
test_check_missing_file (void)
{
  g_auto(CliRun) run = { 0 };

  CLI_RUN (&run, "--check", "/nonexistent/plan.json");

  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_true (g_str_has_prefix (run.err, "cto-planner: /nonexistent/plan.json: "));
}

/* Every file in tests/data: valid ones pass, the others are refused with one
 * line on standard error, and nothing crashes. */
static void
test_check_every_data_file (void)
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "data", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint n_valid = 0;
  guint n_invalid = 0;

  g_assert_nonnull (dir);

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      g_auto(CliRun) run = { 0 };
      gboolean valid = g_str_has_prefix (name, "valid-");

      if (!g_str_has_prefix (name, "valid-") && !g_str_has_prefix (name, "invalid-"))
        continue;

      CLI_RUN (&run, "--check", path);

      if (g_test_verbose ())
        g_test_message ("%s: %d %s%s", name, run.status, run.out, run.err);

      if (valid)
        {
          g_assert_cmpint (run.status, ==, 0);
          g_assert_cmpstr (run.err, ==, "");
          n_valid++;
        }
      else
        {
          g_autofree char *prefix = g_strdup_printf ("cto-planner: %s: ", path);

          if (run.status != 1)
            g_error ("%s: exit status %d, stderr %s", name, run.status, run.err);
          g_assert_cmpstr (run.out, ==, "");
          g_assert_true (g_str_has_prefix (run.err, prefix));
          g_assert_true (g_str_has_suffix (run.err, "\n"));
          g_assert_cmpuint (count_lines (run.err), ==, 1);
          n_invalid++;
        }
    }

  g_assert_cmpuint (n_valid, >=, 2);
  g_assert_cmpuint (n_invalid, >=, 15);
}

static void
test_deep_nesting (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cto-cli-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "deep.json", NULL);
  GString *text = g_string_new ("{\"format\": \"cto-planner-plan\", \"version\": 1, \"x\": ");
  g_auto(CliRun) run = { 0 };

  for (guint i = 0; i < 200000; i++)
    g_string_append_c (text, '[');
  for (guint i = 0; i < 200000; i++)
    g_string_append_c (text, ']');
  g_string_append (text, "}\n");
  g_assert_true (g_file_set_contents (path, text->str, text->len, NULL));
  g_string_free (text, TRUE);

  CLI_RUN (&run, "--check", path);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_true (g_str_has_prefix (run.err, "cto-planner: "));

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_summary (void)
{
  g_autofree char *path = example_path ();
  g_auto(CliRun) run = { 0 };

  CLI_RUN (&run, "--summary", path);

  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_nonnull (strstr (run.out, "Planning"));
  g_assert_nonnull (strstr (run.out, "Infrastructure"));
  g_assert_nonnull (strstr (run.out, "Consumer liaison"));
  g_assert_nonnull (strstr (run.out, "Thinker"));
  g_assert_true (strstr (run.out, "Planning") < strstr (run.out, "Thinker"));
}

static void
test_summary_json (void)
{
  const char *ids[] = { "planning", "infrastructure", "consumer-liaison", "thinker" };
  g_autofree char *path = example_path ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_auto(CliRun) run = { 0 };
  JsonObject *root;
  JsonArray *functions;

  CLI_RUN (&run, "--summary", "--json", path);

  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  json_parser_load_from_data (parser, run.out, -1, &error);
  g_assert_no_error (error);

  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_true (json_object_has_member (root, "title"));
  g_assert_true (json_object_has_member (root, "people"));
  g_assert_true (json_object_has_member (root, "unassigned"));
  functions = json_object_get_array_member (root, "functions");
  g_assert_cmpuint (json_array_get_length (functions), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      JsonObject *f = json_array_get_object_element (functions, i);
      g_assert_cmpstr (json_object_get_string_member (f, "id"), ==, ids[i]);
    }
}

static void
test_export_json (void)
{
  g_autofree char *path = example_path ();
  g_autofree char *dir = g_dir_make_tmp ("cto-cli-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "out.json", NULL);
  g_autofree char *original = NULL;
  g_autofree char *written = NULL;
  g_auto(CliRun) run = { 0 };

  CLI_RUN (&run, "--export", "json", "--output", out, path);

  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpstr (run.err, ==, "");
  g_assert_true (g_file_get_contents (path, &original, NULL, NULL));
  g_assert_true (g_file_get_contents (out, &written, NULL, NULL));
  /* The example is stored in canonical form: a re-save gives the same bytes. */
  g_assert_cmpstr (written, ==, original);

  g_unlink (out);
  g_rmdir (dir);
}

static void
test_export_refused_writes_nothing (void)
{
  g_autofree char *invalid = data_path ("invalid-unknown-person.json");
  g_autofree char *path = example_path ();
  g_autofree char *dir = g_dir_make_tmp ("cto-cli-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "out.json", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "out.json", NULL);
  g_autofree char *contents = NULL;
  g_auto(CliRun) refused = { 0 };
  g_auto(CliRun) existing = { 0 };
  g_auto(CliRun) unwritable = { 0 };

  CLI_RUN (&refused, "--export", "json", "--output", out, invalid);
  g_assert_cmpint (refused.status, ==, 1);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));

  /* A refused plan leaves an existing OUT as it was. */
  g_assert_true (g_file_set_contents (out, "keep me\n", -1, NULL));
  CLI_RUN (&existing, "--export", "json", "--output", out, invalid);
  g_assert_cmpint (existing.status, ==, 1);
  g_assert_true (g_file_get_contents (out, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "keep me\n");

  /* A folder that does not exist: a message naming OUT, no file. */
  CLI_RUN (&unwritable, "--export", "json", "--output", missing, path);
  g_assert_cmpint (unwritable.status, ==, 1);
  g_assert_true (g_str_has_prefix (unwritable.err, "cto-planner: "));
  g_assert_nonnull (strstr (unwritable.err, missing));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  g_unlink (out);
  g_rmdir (dir);
}

static void
test_usage_errors (void)
{
  g_autofree char *path = example_path ();
  g_autofree char *plan_slash = g_strconcat (path, "/", NULL);
  const char *cases[][8] = {
    { "--json", path, NULL },
    { "--check", NULL },
    { "--check", path, path, NULL },
    { "--check", "--summary", path, NULL },
    { "--export", "json", path, NULL },
    { "--export", "docx", "--output", "x.docx", path, NULL },
    { "--output", "x.json", path, NULL },
    { "--check", "--json", path, NULL },
    { "--no-such-option", path, NULL },
    /* An empty file name, which would read or write the current folder. */
    { "--check", "", NULL },
    { "--export", "json", "--output", "", path, NULL },
    { "--export", "pdf", "--output", "x.pdf", "--baseline", "", path, NULL },
    { "--diff", path, "", NULL },
    /* A name ending in "/", which names a folder, not the file of that name. */
    { "--check", plan_slash, NULL },
    { "--export", "csv", "--output", "out.csv/", path, NULL },
    { "--export", "pdf", "--output", "x.pdf", "--baseline", plan_slash, path, NULL },
    { "--diff", path, plan_slash, NULL },
    { "--import", "csv", "--output", "new.json/", path, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(CliRun) run = { 0 };

      cli_run_argv (&run, cases[i]);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_true (g_str_has_prefix (run.err, "cto-planner: "));
    }

  /* Nothing was written for the names that end in "/". */
  g_assert_false (g_file_test ("out.csv", G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test ("new.json", G_FILE_TEST_EXISTS));
}

static void
test_help (void)
{
  g_auto(CliRun) run = { 0 };

  CLI_RUN (&run, "--help");

  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "--check"));
  g_assert_nonnull (strstr (run.out, "--summary"));
  g_assert_nonnull (strstr (run.out, "--json"));
  g_assert_nonnull (strstr (run.out, "--export"));
  g_assert_nonnull (strstr (run.out, "--output"));
}

/* The line of --help that describes @option, or NULL. */
static char *
help_line_of (const char *help,
              const char *option)
{
  g_auto(GStrv) lines = g_strsplit (help, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *text = lines[i] + strspn (lines[i], " ");

      if (g_str_has_prefix (text, option) && text[strlen (option)] == ' ')
        return g_strdup (text);
    }
  return NULL;
}

/* Each command that prints JSON with --json (section 4) says so in --help,
 * in the option's own line and in its usage; --json alone names them all. */
static void
test_help_json (void)
{
  g_autofree char *path = example_path ();
  const char *commands[][3] = {
    { "--summary", path, NULL },
    { "--suggest", path, NULL },
    { "--timeline", path, NULL },
    { "--diff", path, path },
  };
  g_auto(CliRun) help = { 0 };
  g_auto(CliRun) alone = { 0 };
  g_autofree char *json_line = NULL;

  CLI_RUN (&help, "--help");
  g_assert_cmpint (help.status, ==, 0);
  json_line = help_line_of (help.out, "--json");
  g_assert_nonnull (json_line);

  CLI_RUN (&alone, "--json", path);
  g_assert_cmpint (alone.status, ==, 2);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      const char *command = commands[i][0];
      const char *args[] = { command, "--json", commands[i][1], commands[i][2], NULL };
      g_autofree char *usage = g_strdup_printf ("  %s [--json] ", command);
      g_auto(CliRun) run = { 0 };

      cli_run_argv (&run, args);
      g_assert_cmpint (run.status, ==, 0);
      g_assert_true (g_str_has_prefix (run.out, "{"));

      g_assert_nonnull (strstr (json_line, command));
      g_assert_nonnull (strstr (help.out, usage));
      g_assert_nonnull (strstr (alone.err, command));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/check/valid", test_check_valid);
  g_test_add_func ("/cli/check/counts", test_check_counts);
  g_test_add_func ("/cli/check/refused", test_check_refused);
  g_test_add_func ("/cli/check/spreadsheet", test_check_spreadsheet);
  g_test_add_func ("/cli/check/missing-file", test_check_missing_file);
  g_test_add_func ("/cli/check/every-data-file", test_check_every_data_file);
  g_test_add_func ("/cli/check/deep-nesting", test_deep_nesting);
  g_test_add_func ("/cli/summary/text", test_summary);
  g_test_add_func ("/cli/summary/json", test_summary_json);
  g_test_add_func ("/cli/export/json", test_export_json);
  g_test_add_func ("/cli/export/refused-writes-nothing", test_export_refused_writes_nothing);
  g_test_add_func ("/cli/usage-errors", test_usage_errors);
  g_test_add_func ("/cli/help", test_help);
  g_test_add_func ("/cli/help/json", test_help_json);

  return g_test_run ();
}
