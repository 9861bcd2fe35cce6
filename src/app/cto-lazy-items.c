/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-window"

#include "config.h"

#include "cto-lazy-items.h"

/* A view given a model starts at its top. */
void
cto_lazy_items_restart (CtoLazyItems *lazy)
{
  lazy->fill_first = 0;
  lazy->fill_last = lazy->n_first - 1;
  lazy->shown_first = G_MAXUINT;
  lazy->shown_last = 0;
}

/* Whether an item bound at @position is to be made whole at once. */
gboolean
cto_lazy_items_near (CtoLazyItems *lazy,
                     guint         position)
{
  return position >= lazy->fill_first && position <= lazy->fill_last;
}

/*
 * The list and the grid keep widgets for many more items than fit on screen
 * (in GTK 4.8 a list keeps two hundred rows, a grid thirty rows of cards),
 * and the details of an item are most of what it costs to make and
 * measure: the chips of a person's card, the content of a responsibility's
 * row. So only the items bound on screen or near it are made whole; the
 * others are bound without their details, and show them when they come
 * near: one by one while the window is idle, within a screenful of those on
 * screen, so that scrolling finds them ready.
 *
 * What is on screen is known after a layout, and a widget's style only in
 * the next frame's: an item made whole when bound is drawn right in the
 * frame that shows it. A view starts at its top, where its first items show;
 * later, those near the ones the last layout placed on screen are. An item
 * that a layout places on screen without its details (a jump far down the
 * list) shows them at once, and the frame lays out again before it paints.
 */

void
cto_lazy_items_init (CtoLazyItems *lazy,
                 GtkWidget    *view,
                 guint         n_first,
                 gboolean    (*get_shown) (GtkWidget *child),
                 void        (*show) (GtkWidget *child))
{
  lazy->view = view;
  lazy->bound = g_hash_table_new (NULL, NULL);
  lazy->n_first = n_first;
  lazy->get_shown = get_shown;
  lazy->show = show;
  cto_lazy_items_restart (lazy);
}

void
cto_lazy_items_clear (CtoLazyItems *lazy)
{
  g_clear_handle_id (&lazy->idle_id, g_source_remove);
  g_clear_pointer (&lazy->bound, g_hash_table_unref);
  g_clear_pointer (&lazy->spares, g_ptr_array_unref);
}

/*
 * GTK 4.8 makes a new widget for each item that comes into view and
 * destroys the one of each item that goes, and a search changes most of
 * the items in view with each keystroke. So the children of the items torn
 * down are kept, as many as a view holds, and given to the next items set
 * up: they are bound again, not built again.
 */
#define MAX_SPARES 256

GtkWidget *
cto_lazy_items_take_spare (CtoLazyItems *lazy)
{
  if (lazy->spares == NULL || lazy->spares->len == 0)
    return NULL;

  return g_ptr_array_steal_index_fast (lazy->spares, lazy->spares->len - 1);
}

void
cto_lazy_items_setup (CtoLazyItems *lazy,
                      GtkListItem  *item,
                      GtkWidget    *child)
{
  gtk_list_item_set_child (item, child);
  g_object_set_data_full (G_OBJECT (item), "cto-lazy-items-child", g_object_ref (child),
                          g_object_unref);
}

GtkWidget *
cto_lazy_items_get_child (GtkListItem *item)
{
  return g_object_get_data (G_OBJECT (item), "cto-lazy-items-child");
}

void
cto_lazy_items_teardown (CtoLazyItems *lazy,
                         GtkListItem  *item)
{
  GtkWidget *child = g_object_steal_data (G_OBJECT (item), "cto-lazy-items-child");

  if (child == NULL)
    return;

  /* The item has let go of it by now, unless a view tears down otherwise. */
  if (gtk_list_item_get_child (item) == child)
    gtk_list_item_set_child (item, NULL);

  if (lazy->bound == NULL || gtk_widget_get_parent (child) != NULL)
    {
      g_object_unref (child);
      return;
    }

  /* Let go of under an insensitive view (the board in the what-if mode), it
   * would stay insensitive under a sensitive one: GTK 4.8 gives a child
   * its new parent's state, but does not take back the old parent's. */
  gtk_widget_unset_state_flags (child, GTK_STATE_FLAG_INSENSITIVE);

  if (lazy->spares == NULL)
    lazy->spares = g_ptr_array_new_with_free_func (g_object_unref);
  if (lazy->spares->len < MAX_SPARES)
    g_ptr_array_add (lazy->spares, child);
  else
    g_object_unref (child);
}

typedef struct
{
  GtkWidget       *child;
  graphene_rect_t  bounds;
} PlacedItem;

static int
compare_placed (gconstpointer a,
                gconstpointer b)
{
  const PlacedItem *pa = a;
  const PlacedItem *pb = b;

  if (pa->bounds.origin.y != pb->bounds.origin.y)
    return pa->bounds.origin.y < pb->bounds.origin.y ? -1 : 1;
  if (pa->bounds.origin.x != pb->bounds.origin.x)
    return pa->bounds.origin.x < pb->bounds.origin.x ? -1 : 1;
  return 0;
}

/* The item without its details nearest to those on screen, within a screenful. */
static GtkWidget *
nearest_deferred (CtoLazyItems *lazy)
{
  guint page = lazy->shown_last - lazy->shown_first + 1;
  GtkWidget *nearest = NULL;
  guint nearest_distance = G_MAXUINT;
  GHashTableIter iter;
  gpointer child, item;

  if (lazy->shown_first > lazy->shown_last)
    return NULL;

  g_hash_table_iter_init (&iter, lazy->bound);
  while (g_hash_table_iter_next (&iter, &child, &item))
    {
      guint position = gtk_list_item_get_position (item);
      guint distance;

      if (lazy->get_shown (child) || position == GTK_INVALID_LIST_POSITION)
        continue;

      if (position < lazy->shown_first)
        distance = lazy->shown_first - position;
      else if (position > lazy->shown_last)
        distance = position - lazy->shown_last;
      else
        distance = 0;

      if (distance <= page && distance < nearest_distance)
        {
          nearest = child;
          nearest_distance = distance;
        }
    }

  return nearest;
}

/* A few milliseconds at a time, so that frames keep coming. */
static gboolean
show_details_idle_cb (gpointer user_data)
{
  CtoLazyItems *lazy = user_data;
  gint64 start = g_get_monotonic_time ();

  do
    {
      GtkWidget *child = nearest_deferred (lazy);

      if (child == NULL)
        {
          lazy->idle_id = 0;
          return G_SOURCE_REMOVE;
        }

      lazy->show (child);
    }
  while (g_get_monotonic_time () - start < 4 * G_TIME_SPAN_MILLISECOND);

  return G_SOURCE_CONTINUE;
}

void
cto_lazy_items_show_in_view (CtoLazyItems *lazy,
                             gboolean      again)
{
  int height = gtk_widget_get_height (lazy->view);
  g_autoptr(GArray) placed = NULL;
  GHashTableIter iter;
  gpointer child, item;
  double shown_height = 0;
  guint n_shown = 0;
  double estimate;
  float row_y = 0;
  double row_old = 0;
  double row_new = 0;
  double shift = 0;

  lazy->shown_first = G_MAXUINT;
  lazy->shown_last = 0;

  if (height <= 0 || !gtk_widget_get_mapped (lazy->view))
    return;

  /* The view maps the items that show, and only those. */
  placed = g_array_new (FALSE, FALSE, sizeof (PlacedItem));
  g_hash_table_iter_init (&iter, lazy->bound);
  while (g_hash_table_iter_next (&iter, &child, &item))
    {
      guint position = gtk_list_item_get_position (item);
      PlacedItem entry;

      if (!gtk_widget_get_mapped (child) || position == GTK_INVALID_LIST_POSITION)
        continue;

      lazy->shown_first = MIN (lazy->shown_first, position);
      lazy->shown_last = MAX (lazy->shown_last, position);

      if (!gtk_widget_compute_bounds (child, lazy->view, &entry.bounds))
        continue;

      if (lazy->get_shown (child))
        {
          shown_height += entry.bounds.size.height;
          n_shown++;
          continue;
        }

      if (entry.bounds.origin.y + entry.bounds.size.height <= 0 || entry.bounds.origin.y >= height)
        continue;

      entry.child = child;
      g_array_append_val (placed, entry);
    }

  /* Row by row from the top: a row that grows pushes the rows below it
   * down, and those it pushes off the screen wait. How much an item grows
   * is guessed from those on screen already whole (their details are not
   * styled yet, so cannot be measured now); with none, only the first row
   * shows its details. When the view keeps its bottom in place instead,
   * or the guess was short, the items that still show in the frame's next
   * layout show their details then, all of them. */
  estimate = n_shown > 0 ? shown_height / n_shown : 0;
  g_array_sort (placed, compare_placed);
  for (guint i = 0; i < placed->len; i++)
    {
      PlacedItem *entry = &g_array_index (placed, PlacedItem, i);

      if (i == 0 || entry->bounds.origin.y != row_y)
        {
          shift += MAX (row_new - row_old, 0);
          if (!again && i > 0 && (estimate <= 0 || entry->bounds.origin.y + shift >= height))
            break;
          row_y = entry->bounds.origin.y;
          row_old = row_new = 0;
        }

      lazy->show (entry->child);
      row_old = MAX (row_old, entry->bounds.size.height);
      row_new = MAX (row_new, MAX (estimate, entry->bounds.size.height));
    }

  if (lazy->shown_first <= lazy->shown_last)
    {
      guint page = lazy->shown_last - lazy->shown_first + 1;

      lazy->fill_first = lazy->shown_first > page ? lazy->shown_first - page : 0;
      lazy->fill_last = lazy->shown_last + page;
    }

  if (lazy->idle_id == 0 && nearest_deferred (lazy) != NULL)
    lazy->idle_id = g_idle_add (show_details_idle_cb, lazy);
}
