/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * An edit on a large plan, felt: an assignment, and a keystroke in the
 * search field, each on the window of a plan of 1,000 people and 20,000
 * responsibilities, timed from the edit to the end of the frame that shows
 * it. The target is one frame (16 ms). The baseline, measured in the same
 * run on the same window, is a frame of the window redrawn with nothing
 * changed; every sample redraws the whole window too, so the ratio says
 * what the edit adds to a frame.
 *
 * Samples alternate between the three kinds, so that the machine's moods
 * fall on all of them alike; medians are compared.
 */
#define G_LOG_DOMAIN "bench-edit"

#include "config.h"

#include <stdlib.h>

#include <adwaita.h>

#include "cto-bench-plan.h"
#include "cto-window-private.h"

#define ROUNDS        15
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

/* Milliseconds from the edit to the end of the frame that shows it, less
 * the wait for that frame to start. */
static double
time_edit (CtoWindow *window,
           Frame     *frame,
           Edit       edit,
           guint      round)
{
  gint64 start, edited;

  settle ();
  *frame = (Frame) { 0, 0, TRUE, FALSE };
  start = g_get_monotonic_time ();
  if (edit != NULL)
    edit (window, round);
  gtk_widget_queue_draw (GTK_WIDGET (window));
  edited = g_get_monotonic_time ();
  while (!frame->done)
    g_main_context_iteration (NULL, TRUE);

  return ((edited - start) + (frame->painted - MAX (frame->layout_start, edited))) / 1000.0;
}

static void
assign_edit (CtoWindow *window,
             guint      round)
{
  g_autofree char *id = g_strdup_printf ("responsibility-%u", 1 + round);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.assign", "(ss)", id, "person-1");
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
  g_autoptr(CtoPlan) plan = NULL;
  CtoWindow *window;
  Frame frame = { 0 };
  double idle[ROUNDS], assign[ROUNDS], search[ROUNDS];
  double base;

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GTK_A11Y", "none", TRUE);
  gtk_init ();
  adw_init ();

  plan = cto_bench_plan_new (N_PEOPLE, N_RESPONSIBILITIES);
  window = cto_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  _cto_window_set_plan (window, plan, NULL);
  gtk_widget_realize (GTK_WIDGET (window));
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "layout",
                    G_CALLBACK (layout_cb), &frame);
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                    G_CALLBACK (after_paint_cb), &frame);
  gtk_window_present (GTK_WINDOW (window));
  for (guint i = 0; i < 3; i++)
    time_edit (window, &frame, NULL, 0);
  /* The details of what is on screen are filled in after the first frames. */
  for (guint i = 0; i < 20; i++)
    settle ();

  for (guint i = 0; i < ROUNDS; i++)
    {
      idle[i] = time_edit (window, &frame, NULL, i);
      assign[i] = time_edit (window, &frame, assign_edit, i);
      search[i] = time_edit (window, &frame, search_edit, i);
    }

  base = median (idle);
  g_print ("a frame of the window, nothing changed: %.1f ms (median of %d)\n", base, ROUNDS);
  g_print ("an assignment: %.1f ms, ratio %.2f (target %.0f ms)\n",
           median (assign), median (assign) / base, FRAME_MS);
  g_print ("a keystroke in the search: %.1f ms, ratio %.2f (target %.0f ms)\n",
           median (search), median (search) / base, FRAME_MS);

  window->close_confirmed = TRUE;
  gtk_window_destroy (GTK_WINDOW (window));

  return 0;
}
