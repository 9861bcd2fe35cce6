/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gio.h>

#include "cto-list-cache.h"

/* A cache of a list holds the list's items in its order, whatever changes
 * the list goes through, and tells the same changes. */

typedef struct
{
  guint position;
  guint removed;
  guint added;
  guint n_changes;
} Change;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Change     *change)
{
  change->position = position;
  change->removed = removed;
  change->added = added;
  change->n_changes++;
}

static void
assert_same_items (GListModel *cache,
                   GListModel *list)
{
  guint n = g_list_model_get_n_items (list);

  g_assert_cmpuint (g_list_model_get_n_items (cache), ==, n);
  g_assert_true (g_list_model_get_item_type (cache) == g_list_model_get_item_type (list));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) expected = g_list_model_get_item (list, i);
      g_autoptr(GObject) item = g_list_model_get_item (cache, i);

      g_assert_true (item == expected);
    }
  g_assert_null (g_list_model_get_item (cache, n));
}

static void
test_follows (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autoptr(GListStore) list = g_list_store_new (G_TYPE_APP_LAUNCH_CONTEXT);
  g_autoptr(CtoListCache) cache = NULL;
  Change change = { 0 };

  for (guint i = 0; i < 20; i++)
    {
      g_autoptr(GAppLaunchContext) item = g_app_launch_context_new ();

      g_list_store_append (list, item);
    }
  cache = cto_list_cache_new (G_LIST_MODEL (list));
  g_signal_connect (cache, "items-changed", G_CALLBACK (items_changed_cb), &change);
  assert_same_items (G_LIST_MODEL (cache), G_LIST_MODEL (list));

  for (guint step = 0; step < 500; step++)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (list));
      guint position = g_rand_int_range (rand, 0, n + 1);
      guint removed = g_rand_int_range (rand, 0, n - position + 1);
      guint added = g_rand_int_range (rand, 0, n < 40 ? 6 : 2);
      g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
      guint n_changes = change.n_changes;

      for (guint i = 0; i < added; i++)
        g_ptr_array_add (items, g_app_launch_context_new ());
      g_list_store_splice (list, position, removed, items->pdata, added);

      assert_same_items (G_LIST_MODEL (cache), G_LIST_MODEL (list));
      if (removed + added > 0)
        {
          g_assert_cmpuint (change.n_changes, ==, n_changes + 1);
          g_assert_cmpuint (change.position, ==, position);
          g_assert_cmpuint (change.removed, ==, removed);
          g_assert_cmpuint (change.added, ==, added);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/list-cache/follows", test_follows);

  return g_test_run ();
}
