/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "cto-person-card.h"
#include "cto-window-private.h"
#include "display-test-util.h"

void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    {
      g_unlink (path);
    }
}

void
spin (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

void
spin_for (double seconds)
{
  gboolean timed_out = FALSE;

  g_timeout_add ((guint) (seconds * 1000), timeout_cb, &timed_out);
  while (!timed_out)
    g_main_context_iteration (NULL, TRUE);
}

gboolean
try_spin_until (gboolean (*done) (gpointer),
                gpointer   data,
                double     seconds)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add ((guint) (seconds * 1000), timeout_cb, &timed_out);

  while (!done (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (id);
  spin ();

  return !timed_out;
}

void
spin_until (gboolean (*done) (gpointer),
            gpointer   data,
            guint      seconds)
{
  g_assert_true (try_spin_until (done, data, seconds));
}

GtkWidget *
find_widget (GtkWidget  *root,
             gboolean  (*match) (GtkWidget *, gconstpointer),
             gconstpointer data)
{
  if (match (root, data))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, match, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

gboolean
is_card_of (GtkWidget     *widget,
            gconstpointer  person)
{
  return CTO_IS_PERSON_CARD (widget) &&
         cto_person_card_get_person (CTO_PERSON_CARD (widget)) == person;
}

GtkDropTarget *
drop_target_of (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        return GTK_DROP_TARGET (controller);
    }

  g_assert_not_reached ();
  return NULL;
}

gboolean
has_cards (gpointer data)
{
  CtoWindow *window = data;
  g_autoptr(CtoPerson) first = g_list_model_get_item (cto_plan_get_people (window->plan), 0);

  return first != NULL &&
         find_widget (GTK_WIDGET (window->people_grid), is_card_of, first) != NULL &&
         gtk_widget_get_width (GTK_WIDGET (window->people_grid)) > 0;
}

CtoHistory *
history_of (CtoWindow *window)
{
  return cto_plan_get_history (window->plan);
}

gboolean
file_chooser_testable (void)
{
#if defined(__SANITIZE_ADDRESS__)
  g_test_skip ("GTK's file chooser leaks under LeakSanitizer; run in the ordinary build");
  return FALSE;
#else
  return TRUE;
#endif
}

static gboolean
loaded (gpointer window)
{
  return !cto_window_is_loading (CTO_WINDOW (window));
}

void
wait_until_loaded (CtoWindow *window)
{
  spin_until (loaded, window, 60);
  spin ();
}

void
open_and_wait (CtoWindow *window,
               GFile     *file)
{
  cto_window_open_file (window, file);
  wait_until_loaded (window);
}
