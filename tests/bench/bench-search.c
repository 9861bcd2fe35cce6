/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Typing a search: the window on a plan of 1,000 people and 20,000
 * responsibilities, a name typed one key at a time and erased again, each
 * key until the next frame is painted; as a ratio to the same typing in a
 * plain GtkListView of the same 21,000 names and titles filtered by a
 * GtkStringFilter, the least GTK does, timed in the same run. Rounds
 * alternate between the two; medians are compared.
 */
#define G_LOG_DOMAIN "bench-search"

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "cto-bench-plan.h"
#include "cto-window-private.h"

#define ROUNDS 5
#define TYPED  "Person Number 99"

static guint n_frames;

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       data)
{
  n_frames++;
}

/* Until a frame was painted after now. */
static void
next_frame (GtkWidget *window)
{
  gint64 end = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  n_frames = 0;
  gtk_widget_queue_draw (window);
  while (n_frames == 0 && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  if (n_frames == 0)
    g_error ("no frame was painted");
}

static void
settle (GtkWidget *window)
{
  for (guint i = 0; i < 5; i++)
    next_frame (window);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Seconds to type TYPED into @entry and erase it, a frame after each key. */
static double
type (GtkWidget   *window,
      GtkEditable *entry)
{
  gint64 start = g_get_monotonic_time ();
  int length = strlen (TYPED);

  for (int i = 0; i < 2 * length; i++)
    {
      int position = strlen (gtk_editable_get_text (entry));

      if (i < length)
        gtk_editable_insert_text (entry, TYPED + i, 1, &position);
      else
        gtk_editable_delete_text (entry, 2 * length - i - 1, -1);
      /* At once, not after the entry's delay: the work is what is timed. */
      g_signal_emit_by_name (entry, "search-changed");
      next_frame (window);
    }

  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

static GtkWidget *
present (GtkWidget *window)
{
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_widget_realize (window);
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (after_paint_cb), NULL);
  gtk_window_present (GTK_WINDOW (window));
  settle (window);

  return window;
}

static void
search_changed_cb (GtkSearchEntry  *entry,
                   GtkStringFilter *filter)
{
  gtk_string_filter_set_search (filter, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item)
{
  gtk_list_item_set_child (item, gtk_label_new (NULL));
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item)
{
  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)),
                       gtk_string_object_get_string (gtk_list_item_get_item (item)));
}

/* The least: a list of the same names and titles and a search entry. */
static double
time_baseline (CtoPlan *plan)
{
  GtkStringList *strings = gtk_string_list_new (NULL);
  GtkStringFilter *filter =
    gtk_string_filter_new (gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GListModel *people = cto_plan_get_people (plan);
  GListModel *responsibilities = cto_plan_get_responsibilities (plan);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *entry = gtk_search_entry_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *list;
  double seconds;

  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(CtoPerson) person = g_list_model_get_item (people, i);

      gtk_string_list_append (strings, cto_person_get_name (person));
    }
  for (guint i = 0; i < g_list_model_get_n_items (responsibilities); i++)
    {
      g_autoptr(CtoResponsibility) responsibility = g_list_model_get_item (responsibilities, i);

      gtk_string_list_append (strings, cto_responsibility_get_title (responsibility));
    }

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), NULL);
  list = gtk_list_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (
                              G_LIST_MODEL (gtk_filter_list_model_new (G_LIST_MODEL (strings),
                                                                       GTK_FILTER (filter))))),
                            factory);
  g_signal_connect (entry, "search-changed", G_CALLBACK (search_changed_cb), filter);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), list);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (GTK_BOX (box), scroller);
  gtk_window_set_child (GTK_WINDOW (window), box);

  present (window);
  seconds = type (window, GTK_EDITABLE (entry));
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;

  return seconds;
}

static double
time_window (CtoPlan *plan)
{
  CtoWindow *window = cto_window_new (NULL);
  double seconds;

  _cto_window_set_plan (window, plan, NULL);
  present (GTK_WIDGET (window));
  seconds = type (GTK_WIDGET (window), GTK_EDITABLE (window->search_entry));
  if (g_list_model_get_n_items (G_LIST_MODEL (window->responsibility_model)) != 20000)
    g_error ("the search did not find everything again");
  window->close_confirmed = TRUE;
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;

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
  g_autoptr(CtoPlan) plan = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bench-search-XXXXXX", NULL);
  const char *vars[] = { "HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME" };
  double baseline[ROUNDS];
  double ours[ROUNDS];
  double base;

  /* Folders of its own: no setting or recovery copy of a user's. */
  for (guint i = 0; i < G_N_ELEMENTS (vars); i++)
    {
      g_autofree char *path = g_build_filename (dir, vars[i], NULL);

      g_mkdir_with_parents (path, 0700);
      g_setenv (vars[i], path, TRUE);
    }
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  gtk_init ();
  adw_init ();

  plan = cto_bench_plan_new (1000, 20000);
  for (guint i = 0; i < ROUNDS; i++)
    {
      baseline[i] = time_baseline (plan);
      ours[i] = time_window (plan);
    }

  base = median (baseline);
  g_print ("typing \"%s\" and erasing it, a frame after each key (median of %d):\n", TYPED, ROUNDS);
  g_print ("plain GtkListView of 21,000 strings: %.3f s\n", base);
  g_print ("window, 1,000 people and 20,000 responsibilities: %.3f s, ratio %.2f\n",
           median (ours), median (ours) / base);

  return 0;
}
