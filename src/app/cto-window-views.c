/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-window"

#include "config.h"

#include "cto-person-card.h"
#include "cto-responsibility-row.h"
#include "cto-window-private.h"

/* The list's rows and the board's cards: made, bound and passed on as the
 * views scroll, made whole as they come near the screen, and the board's
 * columns fitted to its width after each layout. */

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              CtoWindow                *self)
{
  GtkWidget *row = cto_lazy_items_take_spare (&self->lazy_rows);

  cto_lazy_items_setup (&self->lazy_rows, item, row != NULL ? row : cto_responsibility_row_new ());
  g_clear_object (&row);
}

/* A row torn down is kept to be bound again (cto_lazy_items_teardown()),
 * without its details: those are made again when it comes near the screen.
 * Passed from row to row, details that a screen reader had looked at trip
 * GTK 4.8 (a realized accessible given its role again), and they cost no
 * more to make than to move. */
static void
teardown_row_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 CtoWindow                *self)
{
  GtkWidget *row = cto_lazy_items_get_child (item);

  if (row != NULL)
    cto_responsibility_row_drop_content (CTO_RESPONSIBILITY_ROW (row));

  cto_lazy_items_teardown (&self->lazy_rows, item);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             CtoWindow                *self)
{
  CtoResponsibilityRow *row = CTO_RESPONSIBILITY_ROW (gtk_list_item_get_child (item));
  gboolean near = cto_lazy_items_near (&self->lazy_rows, gtk_list_item_get_position (item));

  cto_responsibility_row_bind (row, gtk_list_item_get_item (item), self->analysis,
                               self->as_of_analysis, !near);
  g_hash_table_add (self->bound_rows, item);
  g_hash_table_insert (self->lazy_rows.bound, row, item);
  _cto_window_update_header (self, item);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               CtoWindow                *self)
{
  GtkWidget *row = gtk_list_item_get_child (item);

  cto_responsibility_row_unbind (CTO_RESPONSIBILITY_ROW (row));
  g_hash_table_remove (self->bound_rows, item);
  g_hash_table_remove (self->lazy_rows.bound, row);
}

static void
setup_card_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               CtoWindow                *self)
{
  GtkWidget *card = cto_lazy_items_take_spare (&self->lazy_cards);

  if (card == NULL)
    {
      card = g_object_ref_sink (cto_person_card_new ());
      _cto_window_add_card_drop_target (self, card);
    }
  cto_lazy_items_setup (&self->lazy_cards, item, card);
  g_object_unref (card);
}

static void
teardown_card_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  CtoWindow                *self)
{
  cto_lazy_items_teardown (&self->lazy_cards, item);
}

static gboolean
card_get_details_shown (GtkWidget *card)
{
  return cto_person_card_get_details_shown (CTO_PERSON_CARD (card));
}

static void
card_show_details (GtkWidget *card)
{
  cto_person_card_show_details (CTO_PERSON_CARD (card));
}

static gboolean
row_get_details_shown (GtkWidget *row)
{
  return cto_responsibility_row_get_details_shown (CTO_RESPONSIBILITY_ROW (row));
}

static void
row_show_details (GtkWidget *row)
{
  cto_responsibility_row_show_details (CTO_RESPONSIBILITY_ROW (row));
}

static void
bind_card_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              CtoWindow                *self)
{
  GtkWidget *card = gtk_list_item_get_child (item);

  cto_person_card_bind (CTO_PERSON_CARD (card), gtk_list_item_get_item (item),
                        self->analysis,
                        !cto_lazy_items_near (&self->lazy_cards, gtk_list_item_get_position (item)));
  _cto_window_bind_card_time (self, card);
  g_hash_table_insert (self->lazy_cards.bound, card, item);
}

static void
unbind_card_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                CtoWindow                *self)
{
  GtkWidget *card = gtk_list_item_get_child (item);

  cto_person_card_unbind (CTO_PERSON_CARD (card));
  g_hash_table_remove (self->lazy_cards.bound, card);
}

/*
 * The grid of GTK 4.8 keeps thirty rows of cards for as many columns as it
 * may have (max-columns), however many it has. So the board lets it have
 * only the columns that fit its width, as the grid counts them: the same
 * columns, and half the cards or fewer. The grid counts them from the cards
 * it holds, which change with max-columns; so fewer are allowed only when
 * the width changed, lest the two chase each other. %TRUE when that changed.
 */
static gboolean
fit_columns (CtoWindow *self)
{
  GtkWidget *grid = GTK_WIDGET (self->people_grid);
  int width = gtk_widget_get_width (grid);
  gboolean natural = gtk_scrollable_get_hscroll_policy (GTK_SCROLLABLE (grid)) == GTK_SCROLL_NATURAL;
  int column = 0;
  guint n_columns;
  GHashTableIter iter;
  gpointer card;

  if (width <= 0 || !gtk_widget_get_mapped (grid))
    return FALSE;

  /* The widest of the cells, as the grid measures them. */
  g_hash_table_iter_init (&iter, self->lazy_cards.bound);
  while (g_hash_table_iter_next (&iter, &card, NULL))
    {
      GtkWidget *cell = gtk_widget_get_parent (card);
      int minimum, natural_width;

      if (cell == NULL)
        continue;
      gtk_widget_measure (cell, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural_width, NULL, NULL);
      column = MAX (column, natural ? natural_width : minimum);
    }
  if (column <= 0)
    return FALSE;

  n_columns = CLAMP ((guint) (width / column), 1, self->board_max_columns);
  if (n_columns == gtk_grid_view_get_max_columns (self->people_grid) ||
      (n_columns < gtk_grid_view_get_max_columns (self->people_grid) &&
       width == self->board_width))
    return FALSE;

  self->board_width = width;
  gtk_grid_view_set_max_columns (self->people_grid, n_columns);
  return TRUE;
}

static guint
position_of (GListModel *model,
             gpointer    item)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) shown = g_list_model_get_item (model, i);

      if (shown == item)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

guint
_cto_window_reveal (CtoWindow  *self,
                    GtkWidget  *view,
                    GListModel *model,
                    gpointer    item)
{
  guint position;

  adw_view_stack_set_visible_child_name (self->view_stack, "board");

  /* A search that hides it gives way. */
  position = position_of (model, item);
  if (position == GTK_INVALID_LIST_POSITION && cto_plan_search_get_text (self->search) != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      g_signal_emit_by_name (self->search_entry, "search-changed");
      position = position_of (model, item);
    }
  if (position != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (view, "list.scroll-to-item", "u", position);

  return position;
}

void
_cto_window_views_layout_cb (GdkFrameClock *clock,
                            CtoWindow     *self)
{
  gint64 frame = gdk_frame_clock_get_frame_counter (clock);
  gboolean again = frame == self->layout_frame;
  gboolean cards_resized = fit_columns (self);
  gboolean rows_resized = FALSE;
  GHashTableIter iter;
  gpointer child;

  self->layout_frame = frame;
  _cto_window_fit_coverage (self);
  _cto_window_fit_what_if (self);
  _cto_window_focus_pending_person (self);
  _cto_window_focus_pending_row (self);

  /* The items laid out with their details tell the height the others keep
   * meanwhile, and these take it up; then the items are in new places,
   * known after the next layout. */
  for (guint pass = 0; pass < 2; pass++)
    {
      g_hash_table_iter_init (&iter, self->lazy_cards.bound);
      while (g_hash_table_iter_next (&iter, &child, NULL))
        cards_resized |= cto_person_card_sync_placeholder (child);
      g_hash_table_iter_init (&iter, self->lazy_rows.bound);
      while (g_hash_table_iter_next (&iter, &child, NULL))
        rows_resized |= cto_responsibility_row_sync_placeholder (child);
    }

  if (!cards_resized)
    cto_lazy_items_show_in_view (&self->lazy_cards, again);
  if (!rows_resized)
    cto_lazy_items_show_in_view (&self->lazy_rows, again);
}

void
_cto_window_init_views (CtoWindow *self)
{
  g_autoptr(GtkListItemFactory) row_factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkListItemFactory) card_factory = gtk_signal_list_item_factory_new ();

  /* Made whole before the first frame: what the board and the list show at
   * their top in a window of 1280×800 (two rows of two columns of cards,
   * twelve rows). A larger window shows more, and the layout that places
   * them on screen makes them whole before the frame is drawn (their size
   * does not change: a card keeps its chips' height, a row its content's);
   * every item made whole that does not show costs its details' measuring. */
  cto_lazy_items_init (&self->lazy_cards, GTK_WIDGET (self->people_grid), 4,
                   card_get_details_shown, card_show_details);
  cto_lazy_items_init (&self->lazy_rows, GTK_WIDGET (self->responsibility_list), 12,
                   row_get_details_shown, row_show_details);

  g_signal_connect (row_factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (row_factory, "bind", G_CALLBACK (bind_row_cb), self);
  g_signal_connect (row_factory, "unbind", G_CALLBACK (unbind_row_cb), self);
  g_signal_connect (row_factory, "teardown", G_CALLBACK (teardown_row_cb), self);
  gtk_list_view_set_factory (self->responsibility_list, row_factory);

  g_signal_connect (card_factory, "setup", G_CALLBACK (setup_card_cb), self);
  g_signal_connect (card_factory, "bind", G_CALLBACK (bind_card_cb), self);
  g_signal_connect (card_factory, "unbind", G_CALLBACK (unbind_card_cb), self);
  g_signal_connect (card_factory, "teardown", G_CALLBACK (teardown_card_cb), self);
  gtk_grid_view_set_factory (self->people_grid, card_factory);
  /* As many as its width takes, up to these: see fit_columns(). */
  self->board_max_columns = gtk_grid_view_get_max_columns (self->people_grid);
  gtk_grid_view_set_max_columns (self->people_grid, 1);
}
