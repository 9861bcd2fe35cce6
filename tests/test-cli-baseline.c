/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "cli-test-util.h"
#include "report-test-util.h"

/* `cto-planner --export FORMAT --baseline OLD` (PLAN-FORMAT.md, sections 4
 * and 7), run as a user runs it. */

static char *
data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
}

static void
test_pdf (void)
{
  g_autofree char *dir = tmp_dir ();
  g_autofree char *old_plan = data_path ("diff-old.json");
  g_autofree char *new_plan = data_path ("diff-new.json");
  g_autofree char *with = g_build_filename (dir, "with.pdf", NULL);
  g_autofree char *without = g_build_filename (dir, "without.pdf", NULL);
  g_autofree char *title = NULL;
  g_autofree char *since = NULL;
  g_autofree char *coverage = NULL;
  g_auto(CliRun) run = { 0 };
  g_auto(CliRun) plain = { 0 };

  CLI_RUN (&run, "--export", "pdf", "--baseline", old_plan, "--output", with, new_plan);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  CLI_RUN (&plain, "--export", "pdf", "--output", without, new_plan);
  g_assert_cmpint (plain.status, ==, 0);

  /* diff-new.json has a date: title, coverage, people, matrix, org chart,
   * gaps, key-person risk and the hiring plan; with the baseline one page
   * more. */
  g_assert_cmpuint (pdf_pages (without), ==, 8);
  g_assert_cmpuint (pdf_pages (with), ==, 9);

  title = pdf_page_text (with, 1);
  since = pdf_page_text (with, 2);
  coverage = pdf_page_text (with, 3);
  g_assert_nonnull (strstr (title, "Acme after"));
  g_assert_nonnull (strstr (since, "Since the last plan"));
  g_assert_nonnull (strstr (since, "Compared with “Acme before”"));
  g_assert_nonnull (strstr (since, "Removed: Dana Wu"));
  g_assert_nonnull (strstr (since, "Capacity: 40 h → 12 h"));
  g_assert_nonnull (strstr (since, "Covered → Partly covered"));
  g_assert_nonnull (strstr (coverage, "Coverage at a glance"));
  g_assert_null (strstr (coverage, "Since the last plan"));

  remove_tree (dir);
}

static void
test_markdown (void)
{
  g_autofree char *dir = tmp_dir ();
  g_autofree char *old_plan = data_path ("diff-old.json");
  g_autofree char *new_plan = data_path ("diff-new.json");
  g_autofree char *out = g_build_filename (dir, "report.md", NULL);
  g_autofree char *text = NULL;
  const char *title;
  const char *since;
  const char *coverage;
  g_auto(CliRun) run = { 0 };

  CLI_RUN (&run, "--export", "markdown", "--baseline", old_plan, "--output", out, new_plan);
  g_assert_cmpint (run.status, ==, 0);
  text = read_file (out, NULL);
  check_markdown_tables (text);
  title = strstr (text, "# Acme after\n");
  since = strstr (text, "\n## Since the last plan\n");
  coverage = strstr (text, "\n## Coverage at a glance\n");
  g_assert_nonnull (title);
  g_assert_nonnull (since);
  g_assert_nonnull (coverage);
  g_assert_true (title < since && since < coverage);
  g_assert_nonnull (strstr (text, "\n### People\n"));
  g_assert_nonnull (strstr (text, "- Removed: Dana Wu\n"));
  g_assert_nonnull (strstr (text, "- Removed: Fax\n"));
  g_assert_nonnull (strstr (text, "\n## Hiring plan\n"));

  remove_tree (dir);
}

/* A refused OLD is named as a refused plan is; nothing is written. */
static void
test_refused (void)
{
  g_autofree char *dir = tmp_dir ();
  g_autofree char *bad = data_path ("invalid-syntax.json");
  g_autofree char *missing = g_build_filename (dir, "missing.json", NULL);
  g_autofree char *new_plan = data_path ("diff-new.json");
  g_autofree char *out = g_build_filename (dir, "out.pdf", NULL);
  g_autofree char *prefix = g_strdup_printf ("cto-planner: %s: line ", bad);
  g_autofree char *missing_prefix = g_strdup_printf ("cto-planner: %s: ", missing);
  g_auto(CliRun) run = { 0 };
  g_auto(CliRun) gone = { 0 };

  CLI_RUN (&run, "--export", "pdf", "--baseline", bad, "--output", out, new_plan);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_true (g_str_has_prefix (run.err, prefix));
  g_assert_true (g_str_has_suffix (run.err, "\n"));
  /* One line. */
  g_assert_true (strchr (run.err, '\n') == run.err + strlen (run.err) - 1);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));

  CLI_RUN (&gone, "--export", "markdown", "--baseline", missing, "--output", out, new_plan);
  g_assert_cmpint (gone.status, ==, 1);
  g_assert_true (g_str_has_prefix (gone.err, missing_prefix));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));

  remove_tree (dir);
}

static void
test_usage (void)
{
  g_autofree char *old_plan = data_path ("diff-old.json");
  g_autofree char *new_plan = data_path ("diff-new.json");
  const char *cases[][6] = {
    { "--baseline", old_plan, new_plan, NULL },
    { "--summary", "--baseline", old_plan, new_plan, NULL },
    { "--diff", "--baseline", old_plan, old_plan, new_plan },
    { "--timeline", "--baseline", old_plan, new_plan, NULL },
    { "--check", "--baseline", old_plan, new_plan, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(CliRun) run = { 0 };

      cli_run_argv (&run, cases[i]);
      if (run.status != 2)
        g_error ("case %u: exit %d, %s", i, run.status, run.err);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_true (g_str_has_prefix (run.err, "cto-planner: --baseline goes with --export\n"));
    }
}

/* A format that cannot show the comparison is written without it, with a
 * word on standard error: not silently. */
static void
test_no_pages (void)
{
  g_autofree char *old_plan = data_path ("diff-old.json");
  g_autofree char *new_plan = data_path ("diff-new.json");
  g_autofree char *dir = g_dir_make_tmp ("cto-cli-baseline-XXXXXX", NULL);
  const char *formats[] = { "json", "csv", "svg", "png" };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *out = g_build_filename (dir, formats[i], NULL);
      g_auto(CliRun) run = { 0 };

      CLI_RUN (&run, "--export", formats[i], "--baseline", old_plan, "--output", out, new_plan);
      if (run.status != 0)
        g_error ("%s: exit %d, %s", formats[i], run.status, run.err);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_cmpstr (run.err, ==, "cto-planner: --baseline: only markdown, html, pdf, odp and "
                                    "pptx show what changed; written without it\n");
      g_assert_true (g_file_test (out, G_FILE_TEST_EXISTS));
    }

  remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli-baseline/pdf", test_pdf);
  g_test_add_func ("/cli-baseline/markdown", test_markdown);
  g_test_add_func ("/cli-baseline/refused", test_refused);
  g_test_add_func ("/cli-baseline/usage", test_usage);
  g_test_add_func ("/cli-baseline/no-pages", test_no_pages);

  return g_test_run ();
}
