/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * `cto-planner --suggest --json` on a plan of 1,000 people and 20,000
 * responsibilities, against `--summary --json` on the same file, run
 * alternately in the same run. Reports the ratio of the medians; fails
 * above the target.
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "cto-bench-plan.h"
#include "cto-plan-io.h"

#define ROUNDS 9
#define TARGET 3.0

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
  g_autofree char *dir = g_dir_make_tmp ("cto-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "large.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CtoPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  double suggest_times[ROUNDS];
  double summary_times[ROUNDS];
  double ratio;

  g_assert_nonnull (program);

  plan = cto_bench_plan_new (1000, 20000);
  g_assert_true (cto_plan_io_save_file (plan, file, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&plan);

  for (guint i = 0; i < ROUNDS; i++)
    {
      const char *summary_argv[] = { program, "--summary", "--json", path, NULL };
      const char *suggest_argv[] = { program, "--suggest", "--json", path, NULL };

      summary_times[i] = time_command (summary_argv);
      suggest_times[i] = time_command (suggest_argv);
    }

  ratio = median (suggest_times, ROUNDS) / median (summary_times, ROUNDS);

  g_print ("plan: 1000 people, 20000 responsibilities\n");
  g_print ("cto-planner --summary --json: %.3f s (median of %d)\n", median (summary_times, ROUNDS), ROUNDS);
  g_print ("cto-planner --suggest --json: %.3f s (median of %d)\n", median (suggest_times, ROUNDS), ROUNDS);
  g_print ("ratio: %.2f (target at most %.1f)\n", ratio, TARGET);

  g_unlink (path);
  g_rmdir (dir);

  return ratio <= TARGET ? 0 : 1;
}
