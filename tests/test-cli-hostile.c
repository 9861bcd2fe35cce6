/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "cli-test-util.h"

/* The command line given crafted plans and file names (PLAN-FORMAT.md,
 * sections 2, 4 and 8), run as a user runs it: nothing reaches the terminal
 * raw, every message is one line, nothing is waited on. */


static char *
data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    n += *p == '\n';

  return n;
}

/* Nothing in @text that a terminal acts on or that reorders what it shows;
 * line feeds only where @lines allows them. */
static void
assert_terminal_safe (const char *text,
                      gboolean    lines)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\n' && lines)
        continue;
      if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e) ||
          (c >= 0x2066 && c <= 0x2069) || (c >= 0xfdd0 && c <= 0xfdef) || (c & 0xfffe) == 0xfffe)
        g_error ("U+%04X reaches the terminal in: %s", c, text);
    }
}

/* A refusal: exit 1, nothing on standard output, one safe line on standard
 * error reading "cto-planner: @shown_path: @what". */
static void
assert_refusal (const CliRun  *run,
                const char *shown_path,
                const char *what)
{
  g_autofree char *expected = g_strdup_printf ("cto-planner: %s: %s\n", shown_path, what);

  g_assert_cmpint (run->status, ==, 1);
  g_assert_cmpstr (run->out, ==, "");
  g_assert_cmpstr (run->err, ==, expected);
  assert_terminal_safe (run->err, TRUE);
  g_assert_cmpuint (count_lines (run->err), ==, 1);
}

typedef struct
{
  const char *file;
  const char *what;
} FileRefusal;

static const FileRefusal file_refusals[] = {
  { "invalid-duplicate-people.json", "top level: duplicate member \"people\"" },
  { "invalid-duplicate-member.json", "people[0]: duplicate member \"capacity\"" },
  { "invalid-capacity-tiny.json", "people[0].capacity: must be 0 or at least 0.01" },
  { "invalid-hours-tiny.json", "settings.hours_per_fte: must be at least 0.01" },
  { "invalid-mismatched-bracket.json",
    "line 23, column 53: \"}\" does not close \"[\" opened at line 23, column 20" },
};

/* --check, --summary and --summary --json refuse alike. */
static void
test_file_refusals (void)
{
  const char *commands[][2] = { { "--check", NULL }, { "--summary", NULL }, { "--summary", "--json" } };

  for (guint i = 0; i < G_N_ELEMENTS (file_refusals); i++)
    {
      g_autofree char *path = data_path (file_refusals[i].file);

      for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
        {
          g_auto(CliRun) run = { 0 };

          if (commands[c][1] != NULL)
            CLI_RUN (&run, commands[c][0], commands[c][1], path);
          else
            CLI_RUN (&run, commands[c][0], path);
          assert_refusal (&run, path, file_refusals[i].what);
        }
    }
}

/* Only regular files: a FIFO with no writer is refused at once, as is a
 * folder or a device. */
static void
test_not_regular (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cto-cli-hostile-XXXXXX", NULL);
  g_autofree char *fifo = g_build_filename (dir, "plan.json", NULL);
  g_auto(CliRun) run_fifo = { 0 };
  g_auto(CliRun) run_folder = { 0 };
  g_auto(CliRun) run_device = { 0 };

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);

  CLI_RUN (&run_fifo, "--check", fifo);
  assert_refusal (&run_fifo, fifo, "file: is a pipe (FIFO), not a regular file");

  CLI_RUN (&run_folder, "--summary", dir);
  assert_refusal (&run_folder, dir, "file: is a folder, not a file");

  CLI_RUN (&run_device, "--summary", "--json", "/dev/zero");
  assert_refusal (&run_device, "/dev/zero", "file: is a device, not a regular file");

  g_unlink (fifo);
  g_rmdir (dir);
}

/* A file name that forges a line, clears the screen or is not UTF-8 is
 * shown escaped, in refusals and in --check's line. */
static void
test_file_names (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cto-cli-hostile-XXXXXX", NULL);
  g_autofree char *bad = g_build_filename (dir, "a\x1b[2J\ncto-planner: ok\xff\u202e.json", NULL);
  g_autofree char *good = g_build_filename (dir, "b\x1b]0;t\x07\xc3.json", NULL);
  g_autofree char *shown_bad = g_strdup_printf ("%s/a\\u{1b}[2J\\u{a}cto-planner: ok\\xff\\u{202e}.json", dir);
  g_autofree char *shown_good = g_strdup_printf ("%s/b\\u{1b}]0;t\\u{7}\\xc3.json", dir);
  g_autofree char *invalid = NULL;
  g_autofree char *valid = NULL;
  g_autofree char *expected = NULL;
  g_auto(CliRun) refused = { 0 };
  g_auto(CliRun) missing = { 0 };
  g_auto(CliRun) checked = { 0 };
  g_autofree char *gone = g_build_filename (dir, "gone\x1b[K.json", NULL);
  g_autofree char *shown_gone = g_strdup_printf ("%s/gone\\u{1b}[K.json", dir);

  g_autofree char *invalid_path = data_path ("invalid-duplicate-people.json");
  g_autofree char *valid_path = data_path ("valid-minimal.json");

  g_assert_true (g_file_get_contents (invalid_path, &invalid, NULL, NULL));
  g_assert_true (g_file_get_contents (valid_path, &valid, NULL, NULL));
  g_assert_true (g_file_set_contents (bad, invalid, -1, NULL));
  g_assert_true (g_file_set_contents (good, valid, -1, NULL));

  CLI_RUN (&refused, "--check", bad);
  assert_refusal (&refused, shown_bad, "top level: duplicate member \"people\"");

  CLI_RUN (&missing, "--summary", gone);
  assert_refusal (&missing, shown_gone, "file: no such file");

  CLI_RUN (&checked, "--check", good);
  g_assert_cmpint (checked.status, ==, 0);
  g_assert_cmpstr (checked.err, ==, "");
  expected = g_strdup_printf ("%s: valid plan: ", shown_good);
  g_assert_true (g_str_has_prefix (checked.out, expected));
  assert_terminal_safe (checked.out, TRUE);
  g_assert_cmpuint (count_lines (checked.out), ==, 1);

  g_unlink (bad);
  g_unlink (good);
  g_rmdir (dir);
}

/* Values from the plan in a message are escaped and cut. */
static void
test_crafted_values (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cto-cli-hostile-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "plan.json", NULL);
  g_auto(CliRun) run = { 0 };

  g_assert_true (g_file_set_contents (path,
    "{\"format\": \"cto-planner-plan\", \"version\": 1, \"people\": [{\"id\": \"a\", \"name\": \"A\", "
    "\"reports_to\": \"\\u001b]0;owned\\u0007\\ncto-planner: \\u202eok\"}]}", -1, NULL));

  CLI_RUN (&run, "--check", path);
  assert_refusal (&run, path,
                  "people[0].reports_to: unknown person "
                  "\"\\u{1b}]0;owned\\u{7}\\u{a}cto-planner: \\u{202e}ok\"");

  g_unlink (path);
  g_rmdir (dir);
}

/* --summary shows the plan's text escaped; --summary --json carries the same
 * text with JSON's escapes; --export json keeps it as it is. */
static void
test_summary_text (void)
{
  g_autofree char *path = data_path ("valid-terminal-text.json");
  g_autofree char *dir = g_dir_make_tmp ("cto-cli-hostile-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "out.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonParser) original = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *source = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(CliRun) text = { 0 };
  g_auto(CliRun) json = { 0 };
  g_auto(CliRun) export = { 0 };
  JsonObject *root;

  CLI_RUN (&text, "--summary", path);
  g_assert_cmpint (text.status, ==, 0);
  g_assert_cmpstr (text.err, ==, "");
  assert_terminal_safe (text.out, TRUE);
  g_assert_true (g_str_has_prefix (text.out,
    "Board\\u{1b}[2J\\u{1b}[H\\u{a}cto-planner: forged line \\u{202e}gnp.exe\\u{7f}\\u{9b}31m"
    "\\u{fffe} end\n"));
  g_assert_nonnull (strstr (text.out, "Ana \\u{1b}[31mRed\\u{1b}[0m\\u{d}\\u{a}second line"));
  g_assert_nonnull (strstr (text.out, "Bo \\u{202e}niL\\u{202c} \\u{fdd0} \\u{1fffe}"));
  g_assert_nonnull (strstr (text.out, "Unassigned \\u{85}next\xe2\x80\xa8line\\u{9}Tab"));
  /* No line the plan wrote looks like a line of the program's own. */
  lines = g_strsplit (text.out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    g_assert_false (g_str_has_prefix (lines[i], "cto-planner:"));

  CLI_RUN (&json, "--summary", "--json", path);
  g_assert_cmpint (json.status, ==, 0);
  assert_terminal_safe (json.out, TRUE);
  json_parser_load_from_data (parser, json.out, -1, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &source, NULL, NULL));
  json_parser_load_from_data (original, source, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "title"), ==,
                   json_object_get_string_member (json_node_get_object (json_parser_get_root (original)),
                                                  "title"));

  CLI_RUN (&export, "--export", "json", "--output", out, path);
  g_assert_cmpint (export.status, ==, 0);
  g_assert_true (g_file_get_contents (out, &exported, NULL, NULL));
  g_assert_nonnull (strstr (exported, "\\u001b[2J\\u001b[H\\ncto-planner: forged line "
                                      "\xe2\x80\xae" "gnp.exe\x7f\xc2\x9b" "31m\xef\xbf\xbe end"));
  g_assert_nonnull (strstr (exported, "\xc2\x85next\xe2\x80\xa8line"));

  g_unlink (out);
  g_rmdir (dir);
}

/* Usage errors quote what was given, escaped. */
static void
test_usage_errors (void)
{
  g_autofree char *path = data_path ("valid-minimal.json");
  g_auto(CliRun) format = { 0 };
  g_auto(CliRun) option = { 0 };

  CLI_RUN (&format, "--export", "\x1b[2Jdocx\n", "--output", "x", path);
  g_assert_cmpint (format.status, ==, 2);
  g_assert_cmpstr (format.out, ==, "");
  g_assert_true (g_str_has_prefix (format.err,
                                   "cto-planner: unknown export format “\\u{1b}[2Jdocx\\u{a}”"));
  assert_terminal_safe (format.err, TRUE);
  g_assert_cmpuint (count_lines (format.err), ==, 2);

  CLI_RUN (&option, "--\x1b]0;x\x07\xff", path);
  g_assert_cmpint (option.status, ==, 2);
  assert_terminal_safe (option.err, TRUE);
  g_assert_nonnull (strstr (option.err, "\\u{1b}]0;x\\u{7}"));
  g_assert_cmpuint (count_lines (option.err), ==, 2);

  /* A value that is not text is refused by the option's name. */
  {
    const char *options[][2] = {
      { "--without", "--summary" },
      { "--as-of", "--summary" },
      { "--from", "--timeline" },
      { "--export", NULL },
      { "--import", NULL },
    };

    for (guint i = 0; i < G_N_ELEMENTS (options); i++)
      {
        g_autofree char *expected = g_strdup_printf ("cto-planner: the value of %s is not valid text\n",
                                                     options[i][0]);
        const char *argv[] = { options[i][0], "b\xf6", "--output", "x", path, NULL };
        const char *command_argv[] = { options[i][1], options[i][0], "b\xf6", path, NULL };
        g_auto(CliRun) run = { 0 };

        cli_run_argv (&run, options[i][1] != NULL ? command_argv : argv);
        g_assert_cmpint (run.status, ==, 2);
        g_assert_cmpstr (run.out, ==, "");
        g_assert_true (g_str_has_prefix (run.err, expected));
        assert_terminal_safe (run.err, TRUE);
      }
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli-hostile/refuse/files", test_file_refusals);
  g_test_add_func ("/cli-hostile/refuse/not-regular", test_not_regular);
  g_test_add_func ("/cli-hostile/refuse/crafted-values", test_crafted_values);
  g_test_add_func ("/cli-hostile/file-names", test_file_names);
  g_test_add_func ("/cli-hostile/summary/text", test_summary_text);
  g_test_add_func ("/cli-hostile/usage-errors", test_usage_errors);

  return g_test_run ();
}
