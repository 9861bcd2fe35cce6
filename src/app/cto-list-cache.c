/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-window"

#include "config.h"

#include <string.h>

#include "cto-list-cache.h"

struct _CtoListCache
{
  GObject     parent_instance;

  GListModel *model;
  GPtrArray  *items;
};

static void cto_list_cache_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CtoListCache, cto_list_cache, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      cto_list_cache_list_model_init))

static GType
cto_list_cache_get_item_type (GListModel *list)
{
  CtoListCache *self = CTO_LIST_CACHE (list);

  return g_list_model_get_item_type (self->model);
}

static guint
cto_list_cache_get_n_items (GListModel *list)
{
  return CTO_LIST_CACHE (list)->items->len;
}

static gpointer
cto_list_cache_get_item (GListModel *list,
                         guint       position)
{
  CtoListCache *self = CTO_LIST_CACHE (list);

  if (position >= self->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
cto_list_cache_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = cto_list_cache_get_item_type;
  iface->get_n_items = cto_list_cache_get_n_items;
  iface->get_item = cto_list_cache_get_item;
}

static void
items_changed_cb (GListModel   *model,
                  guint         position,
                  guint         removed,
                  guint         added,
                  CtoListCache *self)
{
  if (removed > 0)
    g_ptr_array_remove_range (self->items, position, removed);
  if (added > 0)
    {
      /* Room for them, then the items in their places. */
      g_ptr_array_set_size (self->items, self->items->len + added);
      memmove (self->items->pdata + position + added, self->items->pdata + position,
               (self->items->len - added - position) * sizeof (gpointer));
      for (guint i = 0; i < added; i++)
        self->items->pdata[position + i] = g_list_model_get_item (model, position + i);
    }

  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

static void
cto_list_cache_dispose (GObject *object)
{
  CtoListCache *self = (CtoListCache *) object;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, items_changed_cb, self);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (cto_list_cache_parent_class)->dispose (object);
}

static void
cto_list_cache_finalize (GObject *object)
{
  CtoListCache *self = (CtoListCache *) object;

  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (cto_list_cache_parent_class)->finalize (object);
}

static void
cto_list_cache_class_init (CtoListCacheClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cto_list_cache_dispose;
  object_class->finalize = cto_list_cache_finalize;
}

static void
cto_list_cache_init (CtoListCache *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

CtoListCache *
cto_list_cache_new (GListModel *model)
{
  CtoListCache *self;
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (model), NULL);

  self = g_object_new (CTO_TYPE_LIST_CACHE, NULL);
  self->model = g_object_ref (model);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (self->items, g_list_model_get_item (model, i));
  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), self);

  return self;
}
