/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "cli-test-util.h"

#include "cto-plan-io.h"

/* `cto-planner --import csv --output PLAN CSV` (PLAN-FORMAT.md, sections 4
 * and 9), run as a user runs it: the built program, with no display. */


typedef struct
{
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = g_dir_make_tmp ("cto-cli-import-XXXXXX", NULL);
  g_assert_nonnull (fixture->dir);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

static char *
write_file (Fixture    *fixture,
            const char *name,
            const char *contents)
{
  char *path = g_build_filename (fixture->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return path;
}

static char *
read_file (const char *path)
{
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return contents;
}

static void
test_export_then_import (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *example = g_test_build_filename (G_TEST_DIST, "..", "data", "examples",
                                                    "acme-robotics.ctoplan.json", NULL);
  g_autofree char *csv = g_build_filename (fixture->dir, "Acme board.csv", NULL);
  g_autofree char *plan_path = g_build_filename (fixture->dir, "new.ctoplan.json", NULL);
  g_autoptr(GFile) example_file = g_file_new_for_path (example);
  g_autoptr(GFile) plan_file = g_file_new_for_path (plan_path);
  g_autoptr(CtoPlan) original = NULL;
  g_autoptr(CtoPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *canonical = NULL;
  g_auto(CliRun) export = { 0 };
  g_auto(CliRun) run = { 0 };
  GListModel *a;
  GListModel *b;

  CLI_RUN (&export, "--export", "csv", "--output", csv, example);
  g_assert_cmpint (export.status, ==, 0);

  CLI_RUN (&run, "--import", "csv", "--output", plan_path, csv);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpint (run.status, ==, 0);

  original = cto_plan_io_load_file (example_file, NULL, &error);
  g_assert_no_error (error);
  plan = cto_plan_io_load_file (plan_file, NULL, &error);
  g_assert_no_error (error);

  /* Titled after the CSV, written in the canonical form. */
  g_assert_cmpstr (cto_plan_get_title (plan), ==, "Acme board");
  text = read_file (plan_path);
  canonical = cto_plan_io_to_data (plan, NULL);
  g_assert_cmpstr (text, ==, canonical);

  a = cto_plan_get_responsibilities (original);
  b = cto_plan_get_responsibilities (plan);
  g_assert_cmpuint (g_list_model_get_n_items (b), ==, g_list_model_get_n_items (a));
  for (guint i = 0; i < g_list_model_get_n_items (a); i++)
    {
      g_autoptr(CtoResponsibility) x = g_list_model_get_item (a, i);
      g_autoptr(CtoResponsibility) y = g_list_model_get_item (b, i);

      g_assert_cmpstr (cto_responsibility_get_id (y), ==, cto_responsibility_get_id (x));
      g_assert_cmpstr (cto_responsibility_get_accountable (y), ==,
                       cto_responsibility_get_accountable (x));
      g_assert_cmpuint (cto_responsibility_get_n_assignees (y), ==,
                        cto_responsibility_get_n_assignees (x));
    }
}

static void
test_refused_writes_nothing (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *csv = write_file (fixture, "sheet.csv",
                                     "title,function,effort\nA,planning,2\n\nB,thinker,lots\n");
  g_autofree char *fresh = g_build_filename (fixture->dir, "fresh.json", NULL);
  g_autofree char *kept = write_file (fixture, "kept.json", "old contents\n");
  g_autofree char *expected = g_strdup_printf ("cto-planner: %s: row 4, column \"effort\": "
                                               "not a number\n", csv);
  g_autofree char *after = NULL;
  g_auto(CliRun) first = { 0 };
  g_auto(CliRun) second = { 0 };

  CLI_RUN (&first, "--import", "csv", "--output", fresh, csv);
  g_assert_cmpint (first.status, ==, 1);
  g_assert_cmpstr (first.err, ==, expected);
  g_assert_cmpstr (first.out, ==, "");
  g_assert_false (g_file_test (fresh, G_FILE_TEST_EXISTS));

  CLI_RUN (&second, "--import", "csv", "--output", kept, csv);
  g_assert_cmpint (second.status, ==, 1);
  after = read_file (kept);
  g_assert_cmpstr (after, ==, "old contents\n");
}

static void
test_refused_files (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *fifo = g_build_filename (fixture->dir, "fifo.csv", NULL);
  g_autofree char *empty = write_file (fixture, "empty.csv", "");
  g_autofree char *missing_column = write_file (fixture, "columns.csv", "id,title\nx,X\n");
  g_autofree char *out = g_build_filename (fixture->dir, "out.json", NULL);
  struct {
    const char *path;
    const char *what;
  } refusals[] = {
    { fifo, "file: not a regular file" },
    { fixture->dir, "file: is a folder, not a file" },
    { empty, "row 1: no header: the file is empty" },
    { missing_column, "row 1: no column \"function\"" },
  };

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (refusals); i++)
    {
      g_autofree char *expected = g_strdup_printf ("cto-planner: %s: %s\n", refusals[i].path,
                                                   refusals[i].what);
      g_auto(CliRun) run = { 0 };

      CLI_RUN (&run, "--import", "csv", "--output", out, refusals[i].path);
      g_assert_cmpint (run.status, ==, 1);
      g_assert_cmpstr (run.err, ==, expected);
      g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
    }
}

static void
test_output_is_input (Fixture       *fixture,
                      gconstpointer  data)
{
  static const char sheet[] = "title,function\nA,planning\n";
  g_autofree char *csv = write_file (fixture, "sheet.csv", sheet);
  g_autofree char *link = g_build_filename (fixture->dir, "link.json", NULL);
  g_autofree char *after = NULL;
  g_auto(CliRun) run = { 0 };

  g_assert_cmpint (symlink (csv, link), ==, 0);
  CLI_RUN (&run, "--import", "csv", "--output", link, csv);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_true (g_str_has_prefix (run.err, "cto-planner: "));
  after = read_file (csv);
  g_assert_cmpstr (after, ==, sheet);
}

static void
test_usage_errors (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *csv = write_file (fixture, "sheet.csv", "title,function\nA,planning\n");
  g_autofree char *out = g_build_filename (fixture->dir, "out.json", NULL);
  g_auto(CliRun) format = { 0 };
  g_auto(CliRun) no_output = { 0 };
  g_auto(CliRun) two_files = { 0 };
  g_auto(CliRun) with_export = { 0 };
  g_auto(CliRun) help = { 0 };

  CLI_RUN (&format, "--import", "xlsx", "--output", out, csv);
  g_assert_cmpint (format.status, ==, 2);
  g_assert_nonnull (strstr (format.err, "unknown import format “xlsx”"));

  CLI_RUN (&no_output, "--import", "csv", csv);
  g_assert_cmpint (no_output.status, ==, 2);

  CLI_RUN (&two_files, "--import", "csv", "--output", out, csv, csv);
  g_assert_cmpint (two_files.status, ==, 2);

  CLI_RUN (&with_export, "--import", "csv", "--export", "json", "--output", out, csv);
  g_assert_cmpint (with_export.status, ==, 2);

  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));

  CLI_RUN (&help, "--help");
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "--import csv --output PLAN FILE"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli/import/export-then-import", Fixture, NULL,
              fixture_set_up, test_export_then_import, fixture_tear_down);
  g_test_add ("/cli/import/refused-writes-nothing", Fixture, NULL,
              fixture_set_up, test_refused_writes_nothing, fixture_tear_down);
  g_test_add ("/cli/import/refused-files", Fixture, NULL,
              fixture_set_up, test_refused_files, fixture_tear_down);
  g_test_add ("/cli/import/output-is-input", Fixture, NULL,
              fixture_set_up, test_output_is_input, fixture_tear_down);
  g_test_add ("/cli/import/usage-errors", Fixture, NULL,
              fixture_set_up, test_usage_errors, fixture_tear_down);

  return g_test_run ();
}
