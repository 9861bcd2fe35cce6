/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * `cto-planner --check` on a plan of 1,000 people and 20,000 responsibilities,
 * against json-glib merely parsing the same file, run alternately in the same
 * run. Reports the ratio of the medians; fails above the target. Also reports
 * the ratio to `cat` reading the file, the floor any reading has (starting a
 * process, reading the bytes), for what it tells and not as a target.
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "cto-bench-plan.h"
#include "cto-plan-io.h"

#define ROUNDS 15
#define TARGET 0.6

static double
time_command (const char * const *argv)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error);
  g_assert_no_error (error);
  g_subprocess_wait_check (process, NULL, &error);
  g_assert_no_error (error);

  return (g_get_monotonic_time () - start) / 1e6;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return values[n / 2];
}

int
main (int   argc,
      char *argv[])
{
  const char *program = g_getenv ("CTO_PLANNER");
  const char *baseline = g_getenv ("JSON_PARSE");
  g_autofree char *cat = g_find_program_in_path ("cat");
  g_autofree char *dir = g_dir_make_tmp ("cto-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "large.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CtoPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  double check_times[ROUNDS];
  double parse_times[ROUNDS];
  double cat_times[ROUNDS];
  double ratio;
  goffset size;

  g_assert_nonnull (program);
  g_assert_nonnull (baseline);
  g_assert_nonnull (cat);

  plan = cto_bench_plan_new (1000, 20000);
  g_assert_true (cto_plan_io_save_file (plan, file, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&plan);

  {
    g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                   G_FILE_QUERY_INFO_NONE, NULL, NULL);
    size = g_file_info_get_size (info);
  }

  for (guint i = 0; i < ROUNDS; i++)
    {
      const char *check_argv[] = { program, "--check", path, NULL };
      const char *parse_argv[] = { baseline, path, NULL };
      const char *cat_argv[] = { cat, path, NULL };

      parse_times[i] = time_command (parse_argv);
      check_times[i] = time_command (check_argv);
      cat_times[i] = time_command (cat_argv);
    }

  ratio = median (check_times, ROUNDS) / median (parse_times, ROUNDS);

  g_print ("plan: 1000 people, 20000 responsibilities, %.1f MB\n", size / 1e6);
  g_print ("json-glib parse: %.3f s (median of %d)\n", median (parse_times, ROUNDS), ROUNDS);
  g_print ("cto-planner --check: %.3f s (median of %d)\n", median (check_times, ROUNDS), ROUNDS);
  g_print ("cat: %.3f s (median of %d)\n", median (cat_times, ROUNDS), ROUNDS);
  g_print ("ratio: %.2f (target at most %.1f)\n", ratio, TARGET);
  g_print ("ratio to cat: %.1f\n", median (check_times, ROUNDS) / median (cat_times, ROUNDS));

  g_unlink (path);
  g_rmdir (dir);

  return ratio <= TARGET ? 0 : 1;
}
