/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Bounded cost on big and hostile plans: the headless check of the largest
 * plan the format accepts, and of one with 100,000 people, stays within ten
 * times the file's size in memory; a file over the limit is refused without
 * being read.
 *
 * Each case runs `cto-planner --check` in a subprocess of its own test
 * subprocess, so that the peak the kernel reports for the children
 * (RUSAGE_CHILDREN) is the check's alone.
 */
#include "config.h"

#include <sys/resource.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "cto-bench-plan.h"
#include "cto-plan-io.h"

#define MEMORY_FACTOR 10

typedef struct
{
  guint    n_people;
  guint    n_responsibilities;
  gboolean at_the_limit;      /* within a tenth below CTO_PLAN_MAX_FILE_SIZE */
} PlanSize;

static char *
write_plan (const PlanSize *size,
            goffset        *file_size)
{
  g_autoptr(CtoPlan) plan = cto_bench_plan_new (size->n_people, size->n_responsibilities);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *dir = NULL;
  char *path;

  dir = g_dir_make_tmp ("cto-limits-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "plan.ctoplan.json", NULL);
  file = g_file_new_for_path (path);

  cto_plan_io_save_file (plan, file, NULL, &error);
  g_assert_no_error (error);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                            NULL, &error);
  g_assert_no_error (error);
  *file_size = g_file_info_get_size (info);

  return path;
}

static void
remove_plan (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  g_unlink (path);
  g_rmdir (dir);
}

/* Runs the check and returns its peak resident size in bytes. */
static goffset
check_peak (const char *path,
            int         expected_status,
            char      **stderr_text)
{
  g_autoptr(GSubprocess) check = NULL;
  g_autoptr(GError) error = NULL;
  struct rusage usage;

  check = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                            &error, g_getenv ("CTO_PLANNER"), "--check", path, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (check, NULL, NULL, NULL, stderr_text, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (check));
  g_assert_cmpint (g_subprocess_get_exit_status (check), ==, expected_status);

  g_assert_cmpint (getrusage (RUSAGE_CHILDREN, &usage), ==, 0);

  return (goffset) usage.ru_maxrss * 1024;
}

static gboolean
measurable (void)
{
#if defined(__SANITIZE_ADDRESS__)
  g_test_skip ("AddressSanitizer's shadow memory and quarantine make the peak meaningless");
  return FALSE;
#else
  return TRUE;
#endif
}

static void
test_accepted_within_bounds (gconstpointer data)
{
  const PlanSize *size = data;

  if (!measurable ())
    return;

  if (g_test_subprocess ())
    {
      g_autofree char *path = NULL;
      goffset file_size;
      goffset peak;

      path = write_plan (size, &file_size);
      if (size->at_the_limit)
        {
          g_assert_cmpint (file_size, <=, CTO_PLAN_MAX_FILE_SIZE);
          g_assert_cmpint (file_size, >=, CTO_PLAN_MAX_FILE_SIZE / 10 * 9);
        }
      peak = check_peak (path, 0, NULL);
      remove_plan (path);

      g_printerr ("# %u people, %u responsibilities: %.1f MB file, %.1f MB peak, %.2f times\n",
                      size->n_people, size->n_responsibilities, file_size / 1e6, peak / 1e6,
                      (double) peak / file_size);
      g_assert_cmpint (peak, <=, MEMORY_FACTOR * file_size);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDOUT |
                                   G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

static void
test_over_the_limit (void)
{
  if (!measurable ())
    return;

  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *dir = g_dir_make_tmp ("cto-limits-XXXXXX", &error);
      g_autofree char *path = g_build_filename (dir, "huge.ctoplan.json", NULL);
      g_autofree char *message = NULL;
      goffset peak;
      FILE *file;

      /* A sparse file one byte over the limit: it costs no disk, and the
       * check must refuse it before reading it. */
      file = g_fopen (path, "w");
      g_assert_nonnull (file);
      fputs ("{\"format\": \"cto-planner-plan\", \"version\": 1, \"title\": \"", file);
      g_assert_cmpint (fseeko (file, CTO_PLAN_MAX_FILE_SIZE, SEEK_SET), ==, 0);
      fputs ("\"}", file);
      fclose (file);

      peak = check_peak (path, 1, &message);
      remove_plan (path);

      g_assert_nonnull (strstr (message, "too large"));
      g_assert_cmpint (peak, <, CTO_PLAN_MAX_FILE_SIZE / 2);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDOUT |
                                   G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  /* Plans as the program writes them, in the canonical form. */
  static const PlanSize largest = { 8000, 160000, TRUE };
  static const PlanSize many_people = { 100000, 0, FALSE };

  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/limits/memory/largest-plan", &largest, test_accepted_within_bounds);
  g_test_add_data_func ("/limits/memory/100000-people", &many_people,
                        test_accepted_within_bounds);
  g_test_add_func ("/limits/memory/over-the-limit", test_over_the_limit);

  return g_test_run ();
}
