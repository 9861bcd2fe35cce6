/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Start to first frame: how long the window takes from the start of a
 * process to its first frame on screen showing the plan, with the example plan and with a plan
 * of 1,000 people and 20,000 responsibilities, each as a ratio to an empty
 * AdwApplicationWindow started the same way in the same run.
 *
 * The parent times children that are this same program: each makes its
 * window, prints a line at the end of the first frame it paints and exits.
 * Runs alternate between the three kinds so that the machine's moods fall on
 * all of them alike; medians are compared.
 */
#define G_LOG_DOMAIN "bench-window"

#include "config.h"

#include <stdio.h>
#include <unistd.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "cto-bench-plan.h"
#include "cto-plan-io.h"
#include "cto-application.h"
#include "cto-window.h"

#define ROUNDS 5

static const char *child_kind;
static const char *child_path;

static void
after_paint_cb (GdkFrameClock *clock,
                GtkWidget     *window)
{
  guint n_people = 0;

  /* The plan is read in a thread: the first frame that counts shows it. */
  if (CTO_IS_WINDOW (window) && cto_window_is_loading (CTO_WINDOW (window)))
    return;

  if (CTO_IS_WINDOW (window))
    n_people = g_list_model_get_n_items (cto_plan_get_people (cto_window_get_plan (CTO_WINDOW (window))));

  /* The frame is on screen: say so, with how many people the window shows,
   * and leave without tearing down, which is no part of starting. */
  printf ("frame %u\n", n_people);
  fflush (stdout);
  _exit (0);
}

static void
realize_cb (GtkWidget *window)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (after_paint_cb), window);
}

static void
window_added_cb (GtkApplication *app,
                 GtkWindow      *window)
{
  g_signal_connect (window, "realize", G_CALLBACK (realize_cb), NULL);
}

static void
activate_empty_cb (GtkApplication *app)
{
  GtkWidget *window = adw_application_window_new (app);

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
}

/* The program as it starts on a plan, or an empty window started the same
 * way: an application of the same kind with the same resources. */
static int
run_child (void)
{
  g_set_prgname ("cto-planner");

  if (g_strcmp0 (child_kind, "empty") == 0)
    {
      g_autoptr(AdwApplication) app =
        adw_application_new ("io.github.ctoplanner.BenchWindow", G_APPLICATION_NON_UNIQUE);

      g_application_set_resource_base_path (G_APPLICATION (app), RESOURCE_BASE_PATH);
      g_signal_connect (app, "window-added", G_CALLBACK (window_added_cb), NULL);
      g_signal_connect (app, "activate", G_CALLBACK (activate_empty_cb), NULL);

      return g_application_run (G_APPLICATION (app), 0, NULL);
    }
  else
    {
      g_autoptr(CtoApplication) app = cto_application_new ();
      const char * const files[] = { child_path, NULL };

      g_signal_connect (app, "window-added", G_CALLBACK (window_added_cb), NULL);

      return cto_application_run (app, files);
    }
}

static double
time_child (GSubprocessLauncher *launcher,
            const char          *self,
            const char          *kind,
            const char          *path)
{
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDataInputStream) lines = NULL;
  g_autofree char *line = NULL;
  gint64 start;
  double seconds;

  start = g_get_monotonic_time ();
  child = g_subprocess_launcher_spawn (launcher, &error, self, "--child", kind, path, NULL);
  g_assert_no_error (error);

  lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child));
  line = g_data_input_stream_read_line (lines, NULL, NULL, &error);
  seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;

  g_assert_no_error (error);
  if (line == NULL || !g_str_has_prefix (line, "frame "))
    g_error ("the %s window did not show a frame", kind);
  /* A window that shows no one did not open the plan. */
  if (strcmp (kind, "plan") == 0 && strcmp (line, "frame 0") == 0)
    g_error ("the window did not open %s", path);

  g_subprocess_wait_check (child, NULL, &error);
  g_assert_no_error (error);

  return seconds;
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
median (double *values)
{
  qsort (values, ROUNDS, sizeof (double), compare_doubles);

  return values[ROUNDS / 2];
}

int
main (int   argc,
      char *argv[])
{
  static const char * const xdg_folders[] = {
    "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME",
  };
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *large_path = NULL;
  g_autoptr(GFile) large = NULL;
  g_autoptr(CtoPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  const char *example;
  double empty_times[ROUNDS];
  double example_times[ROUNDS];
  double large_times[ROUNDS];
  double empty;

  if (argc == 4 && strcmp (argv[1], "--child") == 0)
    {
      child_kind = argv[2];
      child_path = argv[3];
      return run_child ();
    }

  if (argc != 2)
    {
      g_printerr ("usage: %s EXAMPLE-PLAN\n", argv[0]);
      return 2;
    }
  example = argv[1];

  dir = g_dir_make_tmp ("bench-window-XXXXXX", &error);
  g_assert_no_error (error);
  large_path = g_build_filename (dir, "large.ctoplan.json", NULL);
  large = g_file_new_for_path (large_path);
  plan = cto_bench_plan_new (1000, 20000);
  cto_plan_io_save_file (plan, large, NULL, &error);
  g_assert_no_error (error);

  /* Folders of their own, so that no recovery copy or setting of the
   * user's, nor of an earlier run, changes what the children do. */
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  for (guint i = 0; i < G_N_ELEMENTS (xdg_folders); i++)
    {
      g_autofree char *folder = g_build_filename (dir, xdg_folders[i], NULL);

      g_subprocess_launcher_setenv (launcher, xdg_folders[i], folder, TRUE);
    }

  for (guint i = 0; i < ROUNDS; i++)
    {
      empty_times[i] = time_child (launcher, argv[0], "empty", "-");
      example_times[i] = time_child (launcher, argv[0], "plan", example);
      large_times[i] = time_child (launcher, argv[0], "plan", large_path);
    }

  empty = median (empty_times);
  g_print ("empty AdwApplicationWindow: %.3f s to the first frame (median of %d)\n",
           empty, ROUNDS);
  g_print ("example plan: %.3f s, ratio %.2f\n", median (example_times),
           median (example_times) / empty);
  g_print ("1,000 people, 20,000 responsibilities: %.3f s, ratio %.2f\n",
           median (large_times), median (large_times) / empty);

  /* The children leave nothing there: they exit before anything is saved. */
  g_unlink (large_path);
  for (guint i = 0; i < G_N_ELEMENTS (xdg_folders); i++)
    {
      g_autofree char *folder = g_build_filename (dir, xdg_folders[i], NULL);

      g_rmdir (folder);
    }
  g_rmdir (dir);

  return 0;
}
