/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-window"

#include "config.h"

#include <glib/gi18n.h>

#include "cto-responsibility-row.h"
#include "cto-window-private.h"

/* The responsibility list's groups: a row heads its function's group, with
 * the group's count; and showing one responsibility's row. */

/* A row heads its function's group when the row above belongs to another. */
void
_cto_window_update_header (CtoWindow   *self,
                           GtkListItem *item)
{
  CtoResponsibilityRow *row = CTO_RESPONSIBILITY_ROW (gtk_list_item_get_child (item));
  CtoResponsibility *responsibility = gtk_list_item_get_item (item);
  guint position = gtk_list_item_get_position (item);
  g_autoptr(CtoResponsibility) previous = NULL;
  CtoFunction function;

  if (responsibility == NULL || position == GTK_INVALID_LIST_POSITION)
    return;

  function = cto_responsibility_get_function (responsibility);
  if (position > 0)
    previous = g_list_model_get_item (G_LIST_MODEL (self->responsibility_model), position - 1);

  if (previous == NULL || cto_responsibility_get_function (previous) != function)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->function_models[function]));
      g_autofree char *header = NULL;

      /* Translators: heading of a group of responsibilities: "Planning · 4" */
      header = g_strdup_printf (_("%s · %u"), cto_function_get_name (function), n);
      cto_responsibility_row_set_header (row, header);
    }
  else
    {
      cto_responsibility_row_set_header (row, NULL);
    }
}

static void
update_headers (CtoWindow *self)
{
  GHashTableIter iter;
  gpointer item;

  g_hash_table_iter_init (&iter, self->bound_rows);
  while (g_hash_table_iter_next (&iter, &item, NULL))
    _cto_window_update_header (self, item);
}

static gboolean
update_headers_idle_cb (gpointer user_data)
{
  CtoWindow *self = user_data;

  self->headers_idle_id = 0;
  update_headers (self);

  return G_SOURCE_REMOVE;
}

void
_cto_window_update_headers_later (CtoWindow *self)
{
  if (self->headers_idle_id == 0)
    self->headers_idle_id = g_idle_add (update_headers_idle_cb, self);
}

void
_cto_window_show_responsibility (CtoWindow         *self,
                                 CtoResponsibility *responsibility)
{
  g_assert (CTO_IS_WINDOW (self));
  g_assert (CTO_IS_RESPONSIBILITY (responsibility));

  if (_cto_window_reveal (self, GTK_WIDGET (self->responsibility_list),
                          G_LIST_MODEL (self->responsibility_model),
                          responsibility) == GTK_INVALID_LIST_POSITION)
    return;

  /* Where the focus goes shows, also after a click. */
  gtk_window_set_focus_visible (GTK_WINDOW (self), TRUE);
  _cto_window_focus_row (self, responsibility);
}
