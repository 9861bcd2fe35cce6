/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CTO_TYPE_LIST_CACHE (cto_list_cache_get_type ())

G_DECLARE_FINAL_TYPE (CtoListCache, cto_list_cache, CTO, LIST_CACHE, GObject)

/* The items of a model, kept in an array as the model changes: a filter
 * model over it finds any item at once, where a filter model or a list
 * store looks it up in a tree. */
CtoListCache *cto_list_cache_new (GListModel *model);

G_END_DECLS
