/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-plan"

#include "config.h"

#include <string.h>

#include "cto-function-list.h"

struct _CtoFunctionList
{
  GObject    parent_instance;

  GPtrArray *items;   /* CtoResponsibility, referenced */
};

static void cto_function_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CtoFunctionList, cto_function_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, cto_function_list_model_init))

static GType
cto_function_list_get_item_type (GListModel *model)
{
  return CTO_TYPE_RESPONSIBILITY;
}

static guint
cto_function_list_get_n_items (GListModel *model)
{
  return CTO_FUNCTION_LIST (model)->items->len;
}

static gpointer
cto_function_list_get_item (GListModel *model,
                            guint       position)
{
  CtoFunctionList *self = CTO_FUNCTION_LIST (model);

  if (position >= self->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
cto_function_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = cto_function_list_get_item_type;
  iface->get_n_items = cto_function_list_get_n_items;
  iface->get_item = cto_function_list_get_item;
}

static void
cto_function_list_finalize (GObject *object)
{
  CtoFunctionList *self = CTO_FUNCTION_LIST (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (cto_function_list_parent_class)->finalize (object);
}

static void
cto_function_list_class_init (CtoFunctionListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cto_function_list_finalize;
}

static void
cto_function_list_init (CtoFunctionList *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

/* Replaces @n_removed items at @position with @added (whose references it
 * takes), and says so. */
static void
splice (CtoFunctionList  *self,
        guint             position,
        guint             n_removed,
        GPtrArray        *added)
{
  guint n_added = added->len;

  if (n_removed == 0 && n_added == 0)
    return;

  g_ptr_array_remove_range (self->items, position, n_removed);
  if (n_added > 0)
    {
      guint n_after = self->items->len - position;

      g_ptr_array_set_size (self->items, self->items->len + n_added);
      memmove (&self->items->pdata[position + n_added], &self->items->pdata[position],
               n_after * sizeof (gpointer));
      memcpy (&self->items->pdata[position], added->pdata, n_added * sizeof (gpointer));
    }

  g_list_model_items_changed (G_LIST_MODEL (self), position, n_removed, n_added);
}

/* The four lists ------------------------------------------------------------ */

struct _CtoFunctionLists
{
  GListModel      *responsibilities;
  gulong           items_changed_id;
  /* The function of each responsibility of the model, by position, as the
   * lists have it: where an item is in its list is how many of its
   * function come before it. */
  GByteArray      *functions;
  CtoFunctionList *lists[CTO_N_FUNCTIONS];
};

/* How many of the first @end responsibilities each list has. */
static void
count_before (CtoFunctionLists *self,
              guint             end,
              guint             counts[CTO_N_FUNCTIONS])
{
  memset (counts, 0, CTO_N_FUNCTIONS * sizeof (guint));
  for (guint i = 0; i < end; i++)
    counts[self->functions->data[i]]++;
}

static void
items_changed_cb (GListModel       *model,
                  guint             position,
                  guint             removed,
                  guint             added,
                  CtoFunctionLists *self)
{
  guint start[CTO_N_FUNCTIONS];
  guint n_removed[CTO_N_FUNCTIONS] = { 0 };
  GPtrArray *added_to[CTO_N_FUNCTIONS];
  guint n_after;

  count_before (self, position, start);
  for (guint i = position; i < position + removed; i++)
    n_removed[self->functions->data[i]]++;
  g_byte_array_remove_range (self->functions, position, removed);

  n_after = self->functions->len - position;
  g_byte_array_set_size (self->functions, self->functions->len + added);
  memmove (&self->functions->data[position + added], &self->functions->data[position], n_after);

  for (guint f = 0; f < CTO_N_FUNCTIONS; f++)
    added_to[f] = g_ptr_array_new ();
  for (guint i = 0; i < added; i++)
    {
      CtoResponsibility *responsibility = g_list_model_get_item (model, position + i);
      CtoFunction function = cto_responsibility_get_function (responsibility);

      self->functions->data[position + i] = (guint8) function;
      g_ptr_array_add (added_to[function], responsibility);
    }

  for (guint f = 0; f < CTO_N_FUNCTIONS; f++)
    {
      splice (self->lists[f], start[f], n_removed[f], added_to[f]);
      g_ptr_array_unref (added_to[f]);
    }
}

CtoFunctionLists *
_cto_function_lists_new (GListModel *responsibilities)
{
  CtoFunctionLists *self = g_new0 (CtoFunctionLists, 1);

  self->responsibilities = g_object_ref (responsibilities);
  self->functions = g_byte_array_new ();
  for (guint f = 0; f < CTO_N_FUNCTIONS; f++)
    self->lists[f] = g_object_new (CTO_TYPE_FUNCTION_LIST, NULL);

  items_changed_cb (responsibilities, 0, 0, g_list_model_get_n_items (responsibilities), self);
  self->items_changed_id = g_signal_connect (responsibilities, "items-changed",
                                             G_CALLBACK (items_changed_cb), self);
  return self;
}

void
_cto_function_lists_free (CtoFunctionLists *self)
{
  g_clear_signal_handler (&self->items_changed_id, self->responsibilities);
  g_clear_object (&self->responsibilities);
  g_clear_pointer (&self->functions, g_byte_array_unref);
  for (guint f = 0; f < CTO_N_FUNCTIONS; f++)
    g_clear_object (&self->lists[f]);
  g_free (self);
}

GListModel *
_cto_function_lists_get (CtoFunctionLists *self,
                         CtoFunction       function)
{
  g_return_val_if_fail (function < CTO_N_FUNCTIONS, NULL);

  return G_LIST_MODEL (self->lists[function]);
}

void
_cto_function_lists_regroup (CtoFunctionLists *self,
                             guint             position)
{
  g_autoptr(CtoResponsibility) responsibility =
    g_list_model_get_item (self->responsibilities, position);
  CtoFunction old_function;
  CtoFunction new_function;
  guint start[CTO_N_FUNCTIONS];
  g_autoptr(GPtrArray) none = g_ptr_array_new ();
  g_autoptr(GPtrArray) moved = g_ptr_array_new ();

  g_return_if_fail (responsibility != NULL);

  old_function = self->functions->data[position];
  new_function = cto_responsibility_get_function (responsibility);
  if (old_function == new_function)
    return;

  count_before (self, position, start);
  self->functions->data[position] = (guint8) new_function;
  splice (self->lists[old_function], start[old_function], 1, none);
  g_ptr_array_add (moved, g_object_ref (responsibility));
  splice (self->lists[new_function], start[new_function], 0, moved);
}
