/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cto-fit-list.h"

/* A search makes rows anew in the layout after it: the height is taken
 * again for as many frames. */
#define FIT_FRAMES 3

typedef struct
{
  guint tick_id;
  guint frames_left;
} Fit;

static GQuark fit_quark;

static gboolean
fit_tick_cb (GtkWidget     *list,
             GdkFrameClock *clock,
             gpointer       user_data)
{
  Fit *fit = user_data;
  GtkScrolledWindow *scroller = GTK_SCROLLED_WINDOW (gtk_widget_get_parent (list));
  int width = gtk_widget_get_width (list);

  if (width > 0)
    {
      int most = gtk_scrolled_window_get_max_content_height (scroller);
      int natural;

      /* The rows' height at the width they have. */
      gtk_widget_measure (list, GTK_ORIENTATION_VERTICAL, width, NULL, &natural, NULL, NULL);
      if (most >= 0)
        natural = MIN (natural, most);
      if (gtk_scrolled_window_get_min_content_height (scroller) != natural)
        gtk_scrolled_window_set_min_content_height (scroller, natural);
    }

  if (--fit->frames_left > 0)
    return G_SOURCE_CONTINUE;

  fit->tick_id = 0;
  return G_SOURCE_REMOVE;
}

void
cto_fit_list_height (GtkWidget *list)
{
  Fit *fit;

  g_return_if_fail (GTK_IS_WIDGET (list));
  g_return_if_fail (GTK_IS_SCROLLED_WINDOW (gtk_widget_get_parent (list)));

  if (G_UNLIKELY (fit_quark == 0))
    fit_quark = g_quark_from_static_string ("cto-fit-list");

  fit = g_object_get_qdata (G_OBJECT (list), fit_quark);
  if (fit == NULL)
    {
      fit = g_new0 (Fit, 1);
      /* Freed with the list, after its tick callbacks. */
      g_object_set_qdata_full (G_OBJECT (list), fit_quark, fit, g_free);
    }

  fit->frames_left = FIT_FRAMES;
  if (fit->tick_id == 0)
    fit->tick_id = gtk_widget_add_tick_callback (list, fit_tick_cb, fit, NULL);
}
