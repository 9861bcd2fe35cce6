/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Bound items of a list or grid view that show their details only once
 * they come into view. */
typedef struct
{
  GtkWidget   *view;
  GHashTable  *bound;                      /* child widget → its GtkListItem* */
  gboolean   (*get_shown) (GtkWidget *child);
  void       (*show)      (GtkWidget *child);
  guint        n_first;                    /* whole when bound at the top */
  guint        fill_first;                 /* positions whole when bound */
  guint        fill_last;
  guint        shown_first;                /* positions of the items on screen */
  guint        shown_last;
  guint        idle_id;
  GPtrArray   *spares;                     /* children of items torn down */
} CtoLazyItems;

void     cto_lazy_items_init         (CtoLazyItems *lazy,
                                      GtkWidget    *view,
                                      guint         n_first,
                                      gboolean    (*get_shown) (GtkWidget *child),
                                      void        (*show)      (GtkWidget *child));
void     cto_lazy_items_clear        (CtoLazyItems *lazy);
/* A view given a model starts at its top. */
void     cto_lazy_items_restart      (CtoLazyItems *lazy);
/* Whether an item bound at @position is to be made whole at once. */
gboolean cto_lazy_items_near         (CtoLazyItems *lazy,
                                      guint         position);
/* After a layout: shows the details of the items on screen at once, and
 * of those near them while the window is idle. */
void     cto_lazy_items_show_in_view (CtoLazyItems *lazy,
                                      gboolean      again);

/* A child for an item being set up: one that an item torn down had, or
 * NULL. */
GtkWidget *cto_lazy_items_take_spare  (CtoLazyItems *lazy);
/* In a factory's setup: @child, now @item's, is kept for another item once
 * @item is torn down (cto_lazy_items_teardown()). */
void     cto_lazy_items_setup        (CtoLazyItems *lazy,
                                      GtkListItem  *item,
                                      GtkWidget    *child);
void     cto_lazy_items_teardown     (CtoLazyItems *lazy,
                                      GtkListItem  *item);
/* The child set up for @item, also while it is torn down. */
GtkWidget *cto_lazy_items_get_child  (GtkListItem  *item);

G_END_DECLS
