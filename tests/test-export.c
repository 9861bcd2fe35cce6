/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "cto-analysis.h"
#include "cto-export.h"
#include "report-test-util.h"

/* Exports to files: every format, and failures that leave nothing behind. */

static void
test_export_formats (void)
{
  g_autofree char *dir = tmp_dir ();
  g_autoptr(CtoPlan) example = load_example ();
  g_autoptr(CtoPlan) hostile = load_hostile ();
  CtoPlan *plans[] = { example, hostile };

  for (guint p = 0; p < G_N_ELEMENTS (plans); p++)
    {
      g_autoptr(CtoAnalysis) analysis = cto_analysis_new (plans[p]);

      for (guint f = 0; f < CTO_N_EXPORT_FORMATS; f++)
        {
          g_autofree char *name = g_strdup_printf ("out-%u.%s", p, cto_export_format_get_extension (f));
          g_autofree char *path = g_build_filename (dir, name, NULL);
          g_autoptr(GFile) file = g_file_new_for_path (path);
          g_autoptr(GError) error = NULL;
          CtoExportFormat format;

          /* Every format can be asked for by its id. */
          g_assert_true (cto_export_format_from_id (cto_export_format_get_id (f), &format));
          g_assert_cmpint (format, ==, f);

          g_assert_true (cto_export_to_file (analysis, f, file, NULL, &error));
          g_assert_no_error (error);
          check_export_file (f, path, plans[p]);
        }
    }

  remove_tree (dir);
}

static void
test_export_fails_cleanly (void)
{
  g_autofree char *dir = tmp_dir ();
  g_autofree char *missing = g_build_filename (dir, "missing", "board.pdf", NULL);
  g_autofree char *folder = g_build_filename (dir, "folder", NULL);
  g_autofree char *existing = g_build_filename (dir, "existing.csv", NULL);
  g_autofree char *under_file = g_build_filename (existing, "board.pdf", NULL);
  g_autoptr(CtoPlan) plan = load_example ();
  g_autoptr(CtoAnalysis) analysis = cto_analysis_new (plan);

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  g_assert_true (g_file_set_contents (existing, "keep me\n", -1, NULL));

  for (guint f = 0; f < CTO_N_EXPORT_FORMATS; f++)
    {
      const char *targets[] = { missing, folder, under_file };

      for (guint t = 0; t < G_N_ELEMENTS (targets); t++)
        {
          g_autoptr(GFile) file = g_file_new_for_path (targets[t]);
          g_autoptr(GError) error = NULL;
          g_autofree char *kept = NULL;
          g_autoptr(GDir) listing = NULL;
          guint n_entries = 0;

          g_assert_false (cto_export_to_file (analysis, f, file, NULL, &error));
          g_assert_nonnull (error);

          /* Nothing new in the folder, the folder still a folder, the
           * existing file as it was. */
          g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
          g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
          kept = read_file (existing, NULL);
          g_assert_cmpstr (kept, ==, "keep me\n");
          listing = g_dir_open (dir, 0, NULL);
          while (g_dir_read_name (listing) != NULL)
            n_entries++;
          g_assert_cmpuint (n_entries, ==, 2);
        }
    }

  remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report/export/formats", test_export_formats);
  g_test_add_func ("/report/export/fails-cleanly", test_export_fails_cleanly);

  return g_test_run ();
}
