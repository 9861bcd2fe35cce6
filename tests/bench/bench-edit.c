/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * An edit on a large plan, felt: an assignment, and a keystroke in the
 * search field, each on the window of a plan of 1,000 people and 20,000
 * responsibilities, timed from the edit to the end of the frame that shows
 * it. The target is one frame (16 ms). Two baselines are measured in the
 * same run: the same edits on the example plan (the ratio says how the
 * cost grows with the plan), and a frame of the large plan's window
 * redrawn with nothing changed. Every sample redraws the whole window, so
 * each includes one full frame.
 *
 * Then What If They Leave? on the large plan, which is worked out on
 * another thread: the longest the main loop is busy at a stretch (the
 * window draws nothing meanwhile), from the choice until the window shows
 * what would change, and from leaving until it shows the plan again;
 * against the frame with nothing changed.
 *
 * Then saving the large plan, which is written from a copy on another
 * thread: the longest the main loop is busy at a stretch, from Save until
 * the window says it is saved; against writing the same plan to the same
 * file on the main thread, as the window did before.
 *
 * Samples alternate between the three kinds, so that the machine's moods
 * fall on all of them alike; medians are compared. The processor time the
 * process spends on each sample (in all its threads, so drawing included,
 * but not the display server's) is reported too: on a machine busy with
 * other work it varies much less than the time on the clock.
 */
#define G_LOG_DOMAIN "bench-edit"

#include "config.h"

#include <stdlib.h>
#include <time.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "cto-bench-plan.h"
#include "cto-plan-io.h"
#include "cto-window-private.h"

#define ROUNDS        15
#define WHAT_IF_ROUNDS 7
#define SETTLING_AT_MOST_US (5 * G_USEC_PER_SEC)
#define WORKING_AT_MOST_US  (60 * G_USEC_PER_SEC)
#define N_PEOPLE      1000
#define N_RESPONSIBILITIES 20000
#define FRAME_MS      16.0

typedef struct
{
  gint64   layout_start;
  gint64   painted;
  gboolean armed;
  gboolean done;
} Frame;

static void
layout_cb (GdkFrameClock *clock,
           Frame         *frame)
{
  if (frame->armed && frame->layout_start == 0)
    frame->layout_start = g_get_monotonic_time ();
}

static void
after_paint_cb (GdkFrameClock *clock,
                Frame         *frame)
{
  if (!frame->armed)
    return;
  frame->painted = g_get_monotonic_time ();
  frame->done = TRUE;
  frame->armed = FALSE;
}

static void
settle (void)
{
  gint64 until = g_get_monotonic_time () + 100 * 1000;

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, g_main_context_pending (NULL));
}

typedef void (*Edit) (CtoWindow *window, guint round);

/* Milliseconds of processor time of the last sample. */
static double last_cpu_ms;

static double
cpu_ms (void)
{
  struct timespec now;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &now);

  return now.tv_sec * 1000.0 + now.tv_nsec / 1e6;
}

/* Milliseconds from the edit to the end of the frame that shows it, less
 * the wait for that frame to start. */
static double
time_edit (CtoWindow *window,
           Frame     *frame,
           Edit       edit,
           guint      round)
{
  gint64 start, edited;

  double cpu_start;

  settle ();
  *frame = (Frame) { 0, 0, TRUE, FALSE };
  cpu_start = cpu_ms ();
  start = g_get_monotonic_time ();
  if (edit != NULL)
    edit (window, round);
  gtk_widget_queue_draw (GTK_WIDGET (window));
  edited = g_get_monotonic_time ();
  while (!frame->done)
    g_main_context_iteration (NULL, TRUE);
  last_cpu_ms = cpu_ms () - cpu_start;

  return ((edited - start) + (frame->painted - MAX (frame->layout_start, edited))) / 1000.0;
}

/* Assigns a responsibility to the plan's second person, or takes it off
 * them when they carry it: an edit either way. */
static void
assign_edit (CtoWindow *window,
             guint      round)
{
  GListModel *responsibilities = cto_plan_get_responsibilities (window->plan);
  GListModel *people = cto_plan_get_people (window->plan);
  g_autoptr(CtoResponsibility) responsibility =
    g_list_model_get_item (responsibilities, (1 + round) % g_list_model_get_n_items (responsibilities));
  g_autoptr(CtoPerson) person = g_list_model_get_item (people, 1 % g_list_model_get_n_items (people));
  gboolean carries = cto_responsibility_find_assignee (responsibility, cto_person_get_id (person),
                                                       NULL) != NULL;

  gtk_widget_activate_action (GTK_WIDGET (window), carries ? "win.unassign" : "win.assign", "(ss)",
                              cto_responsibility_get_id (responsibility), cto_person_get_id (person));
}

static void
search_edit (CtoWindow *window,
             guint      round)
{
  static const char text[] = "roadmap (1";
  g_autofree char *typed = g_strndup (text, 1 + round % (sizeof text - 1));

  /* A keystroke: the text, then the search at once rather than after the
   * entry's delay. */
  gtk_editable_set_text (GTK_EDITABLE (window->search_entry), typed);
  g_signal_emit_by_name (window->search_entry, "search-changed");
}

/* What If They Leave? ------------------------------------------------------ */

/* The main loop waits in poll() for longer than this only when it has
 * nothing to do. */
#define WAITED_US 1000

static GPollFunc default_poll;
static gint64    free_since;  /* the main loop last waited or a frame was painted */
static gint64    longest_us;  /* the longest from then to the next wait or paint */

/* The main loop was busy from free_since until @busy_until, and is free
 * again at @free_at. */
static void
free_again (gint64 busy_until,
            gint64 free_at)
{
  longest_us = MAX (longest_us, busy_until - free_since);
  free_since = free_at;
}

static void
free_now (void)
{
  gint64 now = g_get_monotonic_time ();

  free_again (now, now);
}

static int
timed_poll (GPollFD *fds,
            guint    n_fds,
            int      timeout)
{
  gint64 start = g_get_monotonic_time ();
  int ready = default_poll (fds, n_fds, timeout);
  gint64 end = g_get_monotonic_time ();

  if (end - start > WAITED_US)
    free_again (start, end);

  return ready;
}

/* A frame's time counts too: nothing is shown while it is laid out. */
static void
painted_cb (GdkFrameClock *clock,
            gpointer       data)
{
  free_now ();
}

/* Enters the drill for the plan's second person, or leaves it: in
 * milliseconds, the longest the window could not draw, from the choice
 * until the main loop has done all it had to; @shown_ms, how long until
 * it had drawn the outcome. */
static double
time_what_if (CtoWindow *window,
              Frame     *frame,
              gboolean   enter,
              double    *shown_ms)
{
  gint64 start, until;

  settle ();
  start = free_since = g_get_monotonic_time ();
  longest_us = 0;
  if (enter)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.what-if", "s", "person-1");
  else
    gtk_widget_activate_action (GTK_WIDGET (window), "win.what-if-close", NULL);
  g_assert_true ((_cto_window_get_what_if (window) != NULL) == enter);

  until = start + WORKING_AT_MOST_US;
  while (_cto_window_get_what_if_pending (window))
    {
      if (g_get_monotonic_time () > until)
        g_error ("What If They Leave? was not worked out in %d s", (int) (WORKING_AT_MOST_US / G_USEC_PER_SEC));
      g_main_context_iteration (NULL, TRUE);
    }

  /* The frame that shows it, then what the window does after it (cards
   * filled in, the bar sliding away) until the main loop is idle. */
  *frame = (Frame) { 0, 0, TRUE, FALSE };
  gtk_widget_queue_draw (GTK_WIDGET (window));
  while (!frame->done)
    g_main_context_iteration (NULL, TRUE);
  *shown_ms = (frame->painted - start) / 1000.0;
  until = g_get_monotonic_time () + SETTLING_AT_MOST_US;
  while (g_main_context_pending (NULL) && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  free_now ();

  return longest_us / 1000.0;
}

static gboolean
keep_drawing_cb (GtkWidget     *widget,
                 GdkFrameClock *clock,
                 gpointer       data)
{
  gtk_widget_queue_draw (widget);

  return G_SOURCE_CONTINUE;
}

/* Saves the window's plan to @file: in milliseconds, the longest the
 * window could not draw, from Save until the main loop has done all it
 * had to, while it draws a frame whenever it can, as when someone
 * scrolls meanwhile; @saved_ms, how long until it was saved. */
static double
time_save (CtoWindow *window,
           GFile     *file,
           double    *saved_ms)
{
  gint64 start, until;
  guint tick;

  settle ();
  tick = gtk_widget_add_tick_callback (GTK_WIDGET (window), keep_drawing_cb, NULL, NULL);
  start = free_since = g_get_monotonic_time ();
  longest_us = 0;
  _cto_window_save_to (window, file);

  until = start + WORKING_AT_MOST_US;
  while (_cto_window_is_saving (window))
    {
      if (g_get_monotonic_time () > until)
        g_error ("the plan was not saved in %d s", (int) (WORKING_AT_MOST_US / G_USEC_PER_SEC));
      g_main_context_iteration (NULL, TRUE);
    }
  *saved_ms = (g_get_monotonic_time () - start) / 1000.0;
  gtk_widget_remove_tick_callback (GTK_WIDGET (window), tick);
  g_assert_null (window->error_dialog);
  until = g_get_monotonic_time () + SETTLING_AT_MOST_US;
  while (g_main_context_pending (NULL) && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  free_now ();

  return longest_us / 1000.0;
}

/* The same plan written on the main thread, in milliseconds. */
static double
time_save_in_place (CtoPlan *plan,
                    GFile   *file)
{
  g_autoptr(GError) error = NULL;
  gint64 start;

  settle ();
  start = g_get_monotonic_time ();
  cto_plan_io_save_file (plan, file, NULL, &error);
  g_assert_no_error (error);

  return (g_get_monotonic_time () - start) / 1000.0;
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
median_of (double *values,
           guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);

  return values[n / 2];
}

static double
median (double *values)
{
  return median_of (values, ROUNDS);
}

static CtoWindow *
window_new (CtoPlan *plan,
            Frame   *frame)
{
  CtoWindow *window = cto_window_new (NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  _cto_window_set_plan (window, plan, NULL);
  gtk_widget_realize (GTK_WIDGET (window));
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "layout",
                    G_CALLBACK (layout_cb), frame);
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                    G_CALLBACK (after_paint_cb), frame);
  gtk_window_present (GTK_WINDOW (window));
  for (guint i = 0; i < 3; i++)
    time_edit (window, frame, NULL, 0);
  /* The details of what is on screen are filled in after the first frames. */
  for (guint i = 0; i < 20; i++)
    settle ();

  return window;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CtoPlan) large_plan = NULL;
  g_autoptr(CtoPlan) example_plan = NULL;
  g_autoptr(GFile) example_file = NULL;
  g_autoptr(GError) error = NULL;
  CtoWindow *large, *example;
  Frame large_frame = { 0 }, example_frame = { 0 };
  double idle[ROUNDS], assign[ROUNDS], search[ROUNDS], small_assign[ROUNDS], small_search[ROUNDS];
  double idle_cpu[ROUNDS], assign_cpu[ROUNDS], search_cpu[ROUNDS], small_assign_cpu[ROUNDS],
         small_search_cpu[ROUNDS];
  double enter[WHAT_IF_ROUNDS], enter_shown[WHAT_IF_ROUNDS], leave[WHAT_IF_ROUNDS],
         leave_shown[WHAT_IF_ROUNDS], what_if_idle[WHAT_IF_ROUNDS];
  double save[WHAT_IF_ROUNDS], saved[WHAT_IF_ROUNDS], save_in_place[WHAT_IF_ROUNDS];
  g_autofree char *dir = NULL;
  g_autofree char *save_path = NULL;
  g_autoptr(GFile) save_file = NULL;

  if (argc != 2)
    {
      g_printerr ("usage: %s EXAMPLE-PLAN\n", argv[0]);
      return 2;
    }

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GTK_A11Y", "none", TRUE);
  gtk_init ();
  adw_init ();

  example_file = g_file_new_for_commandline_arg (argv[1]);
  example_plan = cto_plan_io_load_file (example_file, NULL, &error);
  g_assert_no_error (error);
  large_plan = cto_bench_plan_new (N_PEOPLE, N_RESPONSIBILITIES);
  example = window_new (example_plan, &example_frame);
  large = window_new (large_plan, &large_frame);

  for (guint i = 0; i < ROUNDS; i++)
    {
      idle[i] = time_edit (large, &large_frame, NULL, i);
      idle_cpu[i] = last_cpu_ms;
      assign[i] = time_edit (large, &large_frame, assign_edit, i);
      assign_cpu[i] = last_cpu_ms;
      search[i] = time_edit (large, &large_frame, search_edit, i);
      search_cpu[i] = last_cpu_ms;
      small_assign[i] = time_edit (example, &example_frame, assign_edit, i);
      small_assign_cpu[i] = last_cpu_ms;
      small_search[i] = time_edit (example, &example_frame, search_edit, i);
      small_search_cpu[i] = last_cpu_ms;
    }

  /* The search found nothing: the board shows everyone again. */
  gtk_editable_set_text (GTK_EDITABLE (large->search_entry), "");
  g_signal_emit_by_name (large->search_entry, "search-changed");
  default_poll = g_main_context_get_poll_func (NULL);
  g_main_context_set_poll_func (NULL, timed_poll);
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (large)), "after-paint",
                    G_CALLBACK (painted_cb), NULL);
  for (guint i = 0; i < WHAT_IF_ROUNDS; i++)
    {
      what_if_idle[i] = time_edit (large, &large_frame, NULL, i);
      enter[i] = time_what_if (large, &large_frame, TRUE, &enter_shown[i]);
      leave[i] = time_what_if (large, &large_frame, FALSE, &leave_shown[i]);
    }

  dir = g_dir_make_tmp ("bench-edit-XXXXXX", &error);
  g_assert_no_error (error);
  save_path = g_build_filename (dir, "large.ctoplan.json", NULL);
  save_file = g_file_new_for_path (save_path);
  for (guint i = 0; i < WHAT_IF_ROUNDS; i++)
    {
      save[i] = time_save (large, save_file, &saved[i]);
      save_in_place[i] = time_save_in_place (large_plan, save_file);
    }
  g_unlink (save_path);
  g_rmdir (dir);
  g_main_context_set_poll_func (NULL, default_poll);

  g_print ("medians of %d, each with one full frame; target %.0f ms\n", ROUNDS, FRAME_MS);
  g_print ("a frame of the large plan's window, nothing changed: %.1f ms\n", median (idle));
  g_print ("an assignment: %.1f ms on 1,000 people, %.1f ms on the example plan, ratio %.2f\n",
           median (assign), median (small_assign), median (assign) / median (small_assign));
  g_print ("a keystroke in the search: %.1f ms on 20,000 responsibilities, %.1f ms on the "
           "example plan, ratio %.2f\n",
           median (search), median (small_search), median (search) / median (small_search));

  g_print ("processor time of the process (medians): a frame, nothing changed: %.1f ms\n",
           median (idle_cpu));
  g_print ("an assignment: %.1f ms on 1,000 people, %.1f ms on the example plan\n",
           median (assign_cpu), median (small_assign_cpu));
  g_print ("a keystroke in the search: %.1f ms on 20,000 responsibilities, %.1f ms on the "
           "example plan\n", median (search_cpu), median (small_search_cpu));

  g_print ("What If They Leave? on 1,000 people (medians of %d): the longest the window "
           "could not draw: %.1f ms entering (shown after %.1f ms), %.1f ms leaving (shown "
           "after %.1f ms); against a frame with nothing changed (%.1f ms): ratios %.2f and %.2f\n",
           WHAT_IF_ROUNDS, median_of (enter, WHAT_IF_ROUNDS), median_of (enter_shown, WHAT_IF_ROUNDS),
           median_of (leave, WHAT_IF_ROUNDS), median_of (leave_shown, WHAT_IF_ROUNDS),
           median_of (what_if_idle, WHAT_IF_ROUNDS),
           median_of (enter, WHAT_IF_ROUNDS) / median_of (what_if_idle, WHAT_IF_ROUNDS),
           median_of (leave, WHAT_IF_ROUNDS) / median_of (what_if_idle, WHAT_IF_ROUNDS));

  g_print ("Saving 1,000 people and 20,000 responsibilities (medians of %d): the longest the "
           "window could not draw: %.1f ms (saved after %.1f ms); against writing it on the main "
           "thread: %.1f ms, ratio %.2f\n",
           WHAT_IF_ROUNDS, median_of (save, WHAT_IF_ROUNDS), median_of (saved, WHAT_IF_ROUNDS),
           median_of (save_in_place, WHAT_IF_ROUNDS),
           median_of (save, WHAT_IF_ROUNDS) / median_of (save_in_place, WHAT_IF_ROUNDS));

  large->close_confirmed = TRUE;
  gtk_window_destroy (GTK_WINDOW (large));
  example->close_confirmed = TRUE;
  gtk_window_destroy (GTK_WINDOW (example));

  return 0;
}
