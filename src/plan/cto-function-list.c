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

/* Replaces @n_removed items at @position with @added, whose references it
 * takes. Says nothing: see emit_changes(). */
static void
splice (CtoFunctionList  *self,
        guint             position,
        guint             n_removed,
        GPtrArray        *added)
{
  guint n_added = added->len;

  g_ptr_array_remove_range (self->items, position, n_removed);
  if (n_added > 0)
    {
      guint n_after = self->items->len - position;

      g_ptr_array_set_size (self->items, self->items->len + n_added);
      if (n_after > 0)
        memmove (&self->items->pdata[position + n_added], &self->items->pdata[position],
                 n_after * sizeof (gpointer));
      memcpy (&self->items->pdata[position], added->pdata, n_added * sizeof (gpointer));
    }
}

/* The four lists ------------------------------------------------------------ */

/* An edit of the model the lists follow: @removed items at @position
 * replaced by @added; or (@added NULL) the item at @position given
 * @function. */
typedef struct
{
  guint      position;
  guint      removed;
  GPtrArray *added;      /* CtoResponsibility, referenced */
  guint      function;
} Edit;

struct _CtoFunctionLists
{
  GListModel      *responsibilities;
  gulong           items_changed_id;
  /* The function of each responsibility of the model, by position, as the
   * lists have it: where an item is in its list is how many of its
   * function come before it. */
  GByteArray      *functions;
  CtoFunctionList *lists[CTO_N_FUNCTIONS];
  /* Edits not yet followed: one made while the lists say what an earlier
   * one changed (whoever hears it may edit the plan) waits its turn, so
   * that each change said is the lists' state then. */
  GQueue           edits;
  gboolean         following;
};

static void
edit_free (Edit *edit)
{
  g_clear_pointer (&edit->added, g_ptr_array_unref);
  g_free (edit);
}

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

/* Changes the lists as @edit says, every one of them before any says so:
 * whoever follows one finds the others in step with the plan. */
static void
follow (CtoFunctionLists *self,
        Edit             *edit)
{
  guint start[CTO_N_FUNCTIONS];
  guint n_removed[CTO_N_FUNCTIONS] = { 0 };
  GPtrArray *added_to[CTO_N_FUNCTIONS];
  guint n_after;

  count_before (self, edit->position, start);
  for (guint f = 0; f < CTO_N_FUNCTIONS; f++)
    added_to[f] = g_ptr_array_new ();

  if (edit->added == NULL)
    {
      guint old_function = self->functions->data[edit->position];
      CtoResponsibility *responsibility;

      if (old_function == edit->function)
        goto out;

      responsibility = g_ptr_array_index (self->lists[old_function]->items, start[old_function]);
      n_removed[old_function] = 1;
      g_ptr_array_add (added_to[edit->function], g_object_ref (responsibility));
      self->functions->data[edit->position] = (guint8) edit->function;
    }
  else
    {
      for (guint i = edit->position; i < edit->position + edit->removed; i++)
        n_removed[self->functions->data[i]]++;
      g_byte_array_remove_range (self->functions, edit->position, edit->removed);

      n_after = self->functions->len - edit->position;
      g_byte_array_set_size (self->functions, self->functions->len + edit->added->len);
      if (n_after > 0)
        memmove (&self->functions->data[edit->position + edit->added->len],
                 &self->functions->data[edit->position], n_after);

      for (guint i = 0; i < edit->added->len; i++)
        {
          CtoResponsibility *responsibility = g_ptr_array_index (edit->added, i);
          CtoFunction function = cto_responsibility_get_function (responsibility);

          self->functions->data[edit->position + i] = (guint8) function;
          g_ptr_array_add (added_to[function], g_object_ref (responsibility));
        }
    }

  for (guint f = 0; f < CTO_N_FUNCTIONS; f++)
    splice (self->lists[f], start[f], n_removed[f], added_to[f]);
  for (guint f = 0; f < CTO_N_FUNCTIONS; f++)
    if (n_removed[f] > 0 || added_to[f]->len > 0)
      g_list_model_items_changed (G_LIST_MODEL (self->lists[f]), start[f], n_removed[f],
                                  added_to[f]->len);

out:
  for (guint f = 0; f < CTO_N_FUNCTIONS; f++)
    g_ptr_array_unref (added_to[f]);
}

static void
follow_edits (CtoFunctionLists *self,
              Edit             *edit)
{
  g_queue_push_tail (&self->edits, edit);
  if (self->following)
    return;

  self->following = TRUE;
  while ((edit = g_queue_pop_head (&self->edits)) != NULL)
    {
      follow (self, edit);
      edit_free (edit);
    }
  self->following = FALSE;
}

static void
items_changed_cb (GListModel       *model,
                  guint             position,
                  guint             removed,
                  guint             added,
                  CtoFunctionLists *self)
{
  Edit *edit = g_new0 (Edit, 1);

  edit->position = position;
  edit->removed = removed;
  /* What the model has now, which a later edit may change before this one
   * is followed. */
  edit->added = g_ptr_array_new_full (added, g_object_unref);
  for (guint i = 0; i < added; i++)
    g_ptr_array_add (edit->added, g_list_model_get_item (model, position + i));

  follow_edits (self, edit);
}

CtoFunctionLists *
_cto_function_lists_new (GListModel *responsibilities)
{
  CtoFunctionLists *self = g_new0 (CtoFunctionLists, 1);

  self->responsibilities = g_object_ref (responsibilities);
  self->functions = g_byte_array_new ();
  g_queue_init (&self->edits);
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
  g_queue_clear_full (&self->edits, (GDestroyNotify) edit_free);
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
  Edit *edit;

  g_return_if_fail (responsibility != NULL);

  edit = g_new0 (Edit, 1);
  edit->position = position;
  edit->function = cto_responsibility_get_function (responsibility);
  follow_edits (self, edit);
}
