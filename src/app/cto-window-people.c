/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-window"

#include "config.h"

#include <glib/gi18n.h>

#include "cto-window-private.h"

/*
 * Finding people: a warning that names someone takes the user to their
 * card; and the coverage strip folds to one line a tile when the window is
 * short, so the panes below keep most of the height.
 */

/* Below this height, the coverage tiles take one line each. */
#define COMPACT_HEIGHT 700

static void
set_compact (CtoWindow *self,
             int        height)
{
  gboolean compact = height > 0 && height < COMPACT_HEIGHT;

  for (guint f = 0; f < CTO_N_FUNCTIONS; f++)
    cto_coverage_tile_set_compact (self->tiles[f], compact);

  if (compact)
    gtk_widget_add_css_class (GTK_WIDGET (self->coverage_box), "compact");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->coverage_box), "compact");
}

static void
default_height_cb (CtoWindow *self)
{
  int width = 0, height = 0;

  /* Before the window has a size of its own, the size it will get. */
  if (self->tiles[0] != NULL && gtk_widget_get_height (GTK_WIDGET (self)) <= 0)
    {
      gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
      set_compact (self, height);
    }
}

void
_cto_window_fit_coverage (CtoWindow *self)
{
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  if (height > 0)
    set_compact (self, height);
}

/* The card of @person if the board has one bound, or NULL. */
static GtkWidget *
bound_card_of (CtoWindow *self,
               CtoPerson *person)
{
  GHashTableIter iter;
  gpointer card, item;

  g_hash_table_iter_init (&iter, self->lazy_cards.bound);
  while (g_hash_table_iter_next (&iter, &card, &item))
    if (gtk_list_item_get_item (item) == (gpointer) person)
      return card;

  return NULL;
}

static gboolean
focus_card (CtoWindow *self,
            CtoPerson *person)
{
  GtkWidget *card = bound_card_of (self, person);
  GtkWidget *cell;

  if (card == NULL || !gtk_widget_get_mapped (card))
    return FALSE;

  /* The grid's cell holds the focus for its card. */
  cell = gtk_widget_get_parent (card);
  if (cell == NULL || !gtk_widget_grab_focus (cell))
    gtk_widget_child_focus (card, GTK_DIR_TAB_FORWARD);

  return TRUE;
}

/* Called after each layout: the card scrolled to is there now. */
void
_cto_window_focus_pending_person (CtoWindow *self)
{
  if (self->focus_person == NULL)
    return;

  if (focus_card (self, self->focus_person) || ++self->focus_tries > 10)
    {
      g_clear_object (&self->focus_person);
      self->focus_tries = 0;
    }
}

void
_cto_window_show_person (CtoWindow *self,
                         CtoPerson *person)
{
  GListModel *people = G_LIST_MODEL (self->people_selection);
  guint n = g_list_model_get_n_items (people);
  guint position = GTK_INVALID_LIST_POSITION;

  g_assert (CTO_IS_WINDOW (self));
  g_assert (CTO_IS_PERSON (person));

  adw_view_stack_set_visible_child_name (self->view_stack, "board");

  for (guint i = 0; i < n && position == GTK_INVALID_LIST_POSITION; i++)
    {
      g_autoptr(CtoPerson) shown = g_list_model_get_item (people, i);

      if (shown == person)
        position = i;
    }
  if (position == GTK_INVALID_LIST_POSITION)
    return;

  gtk_widget_activate_action (GTK_WIDGET (self->people_grid), "list.scroll-to-item", "u", position);
  g_set_object (&self->focus_person, person);
  self->focus_tries = 0;
  _cto_window_focus_pending_person (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self->people_grid));
}

static void
show_person_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CtoWindow *self = CTO_WINDOW (widget);
  CtoPerson *person = cto_plan_find_person (self->plan, g_variant_get_string (parameter, NULL));

  if (person != NULL)
    _cto_window_show_person (self, person);
}

void
_cto_window_class_init_people (GtkWidgetClass *widget_class)
{
  /* A person's id: scroll the board to their card and focus it. */
  gtk_widget_class_install_action (widget_class, "win.show-person", "s", show_person_action);
}

void
_cto_window_init_people (CtoWindow *self)
{
  g_signal_connect (self, "notify::default-height", G_CALLBACK (default_height_cb), NULL);
}

void
_cto_window_dispose_people (CtoWindow *self)
{
  g_clear_object (&self->focus_person);
}
