/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "cli-test-util.h"
#include "cto-export.h"
#include "cto-plan-io.h"
#include "report-test-util.h"

/* The command line's --export, run as a user runs it. */

static void
run_export (CliRun     *run,
            const char *format,
            const char *output,
            const char *plan)
{
  CLI_RUN (run, "--export", format, "--output", output, plan);
}

static void
test_cli_export (void)
{
  g_autofree char *dir = tmp_dir ();
  g_autofree char *example = example_path ();
  g_autofree char *hostile = hostile_path ();
  const char *paths[2] = { example, hostile };

  for (guint p = 0; p < G_N_ELEMENTS (paths); p++)
    {
      g_autoptr(CtoPlan) plan = load_plan (paths[p]);

      for (guint f = 0; f < CTO_N_EXPORT_FORMATS; f++)
        {
          g_autofree char *name = g_strdup_printf ("cli-%u.%s", p, cto_export_format_get_extension (f));
          g_autofree char *path = g_build_filename (dir, name, NULL);
          g_auto(CliRun) run = { 0 };

          run_export (&run, cto_export_format_get_id (f), path, paths[p]);
          g_assert_cmpint (run.status, ==, 0);
          g_assert_cmpstr (run.err, ==, "");
          check_export_file (f, path, plan);
        }
    }

  remove_tree (dir);
}

/* A hundred people through the command line: the PDF has every page. */
static void
test_cli_export_large (void)
{
  g_autofree char *dir = tmp_dir ();
  g_autofree char *plan_path = g_build_filename (dir, "large.ctoplan.json", NULL);
  g_autofree char *pdf_path = g_build_filename (dir, "large.pdf", NULL);
  g_autofree char *csv_path = g_build_filename (dir, "large.csv", NULL);
  g_autoptr(CtoPlan) plan = make_large_plan (100);
  g_autoptr(CtoAnalysis) analysis = cto_analysis_new (plan);
  g_autoptr(CtoBoardPages) pages = cto_board_pages_new (analysis);
  g_autoptr(GFile) file = g_file_new_for_path (plan_path);
  g_autoptr(GError) error = NULL;
  g_auto(CliRun) pdf = { 0 };
  g_auto(CliRun) csv = { 0 };
  guint n_pages = cto_board_pages_get_n_pages (pages, A4_W, A4_H);

  g_assert_true (cto_plan_io_save_file (plan, file, NULL, &error));
  g_assert_no_error (error);

  run_export (&pdf, "pdf", pdf_path, plan_path);
  g_assert_cmpint (pdf.status, ==, 0);
  g_assert_cmpstr (pdf.err, ==, "");
  g_assert_cmpuint (n_pages, >, 6 + 3 * 5);
  g_assert_cmpuint (pdf_pages (pdf_path), ==, n_pages);

  run_export (&csv, "csv", csv_path, plan_path);
  g_assert_cmpint (csv.status, ==, 0);
  check_export_file (CTO_EXPORT_CSV, csv_path, plan);

  remove_tree (dir);
}

static void
test_cli_export_fails (void)
{
  g_autofree char *dir = tmp_dir ();
  g_autofree char *example = example_path ();
  g_autofree char *missing = g_build_filename (dir, "missing", "board.pdf", NULL);
  g_autofree char *existing = g_build_filename (dir, "board.pdf", NULL);
  g_autofree char *below_existing = g_build_filename (existing, "board.pdf", NULL);
  g_autofree char *refused = g_test_build_filename (G_TEST_DIST, "data", "invalid-cycle.json", NULL);
  const char *formats[] = { "csv", "markdown", "html", "pdf", "svg", "png", "odp", "pptx" };

  g_assert_true (g_file_set_contents (existing, "old\n", -1, NULL));

  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      g_auto(CliRun) into_missing = { 0 };
      g_auto(CliRun) into_folder = { 0 };
      g_auto(CliRun) under_file = { 0 };
      g_auto(CliRun) from_refused = { 0 };
      g_autofree char *kept = NULL;

      run_export (&into_missing, formats[f], missing, example);
      g_assert_cmpint (into_missing.status, ==, 1);
      g_assert_cmpstr (into_missing.err, !=, "");
      g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

      run_export (&into_folder, formats[f], dir, example);
      g_assert_cmpint (into_folder.status, ==, 1);
      g_assert_cmpstr (into_folder.err, !=, "");
      g_assert_true (g_file_test (dir, G_FILE_TEST_IS_DIR));

      /* Under a regular file: no folder is there to write in. */
      run_export (&under_file, formats[f], below_existing, example);
      g_assert_cmpint (under_file.status, ==, 1);
      g_assert_cmpstr (under_file.err, !=, "");
      g_assert_true (g_file_test (existing, G_FILE_TEST_IS_REGULAR));

      run_export (&from_refused, formats[f], existing, refused);
      g_assert_cmpint (from_refused.status, ==, 1);
      kept = read_file (existing, NULL);
      g_assert_cmpstr (kept, ==, "old\n");
    }

  /* No half-made file, no temporary file left behind: only the old file. */
  {
    g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
    const char *name;
    guint n_entries = 0;

    g_assert_nonnull (listing);
    while ((name = g_dir_read_name (listing)) != NULL)
      {
        g_assert_cmpstr (name, ==, "board.pdf");
        n_entries++;
      }
    g_assert_cmpuint (n_entries, ==, 1);
  }

  remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report/cli/export", test_cli_export);
  g_test_add_func ("/report/cli/export-large", test_cli_export_large);
  g_test_add_func ("/report/cli/export-fails", test_cli_export_fails);

  return g_test_run ();
}
