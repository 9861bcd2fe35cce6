/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-file-read"

#include "config.h"

#include "cto-file-read.h"
#include "cto-window-private.h"

/*
 * A plan file being read in a thread, started before anyone waits for it:
 * the application starts reading the files it is given before GTK and the
 * window are set up, which on a large plan is most of the time the reading
 * takes. The window then waits for the read like for one of its own.
 */

struct _CtoFileRead
{
  GObject       parent_instance;

  GFile        *file;
  GCancellable *cancellable;
  gboolean      done;
  CtoPlan      *plan;
  GError       *error;
  GPtrArray    *waits;          /* GTask*, each to be told */
};

G_DEFINE_FINAL_TYPE (CtoFileRead, cto_file_read, G_TYPE_OBJECT)

static void
read_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  CtoPlan *plan = _cto_window_load_file (G_FILE (task_data), cancellable, &error);

  if (plan == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, plan, g_object_unref);
}

static void
tell (GTask       *wait,
      CtoFileRead *self)
{
  if (g_task_return_error_if_cancelled (wait))
    return;

  if (self->plan != NULL)
    g_task_return_pointer (wait, g_object_ref (self->plan), g_object_unref);
  else
    g_task_return_error (wait, g_error_copy (self->error));
}

static void
read_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  CtoFileRead *self = CTO_FILE_READ (source);
  g_autoptr(GPtrArray) waits = NULL;

  self->plan = g_task_propagate_pointer (G_TASK (result), &self->error);
  self->done = TRUE;

  waits = g_steal_pointer (&self->waits);
  self->waits = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < waits->len; i++)
    tell (g_ptr_array_index (waits, i), self);
}

static void
cto_file_read_finalize (GObject *object)
{
  CtoFileRead *self = (CtoFileRead *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->file);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->plan);
  g_clear_error (&self->error);
  g_clear_pointer (&self->waits, g_ptr_array_unref);

  G_OBJECT_CLASS (cto_file_read_parent_class)->finalize (object);
}

static void
cto_file_read_class_init (CtoFileReadClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cto_file_read_finalize;
}

static void
cto_file_read_init (CtoFileRead *self)
{
  self->cancellable = g_cancellable_new ();
  self->waits = g_ptr_array_new_with_free_func (g_object_unref);
}

CtoFileRead *
cto_file_read_new (GFile *file)
{
  CtoFileRead *self;
  g_autoptr(GTask) task = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (CTO_TYPE_FILE_READ, NULL);
  self->file = g_object_ref (file);

  /* The task keeps the read alive until the thread is done. */
  task = g_task_new (self, self->cancellable, read_done_cb, NULL);
  g_task_set_source_tag (task, cto_file_read_new);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, read_thread);

  return self;
}

GFile *
cto_file_read_get_file (CtoFileRead *self)
{
  g_return_val_if_fail (CTO_IS_FILE_READ (self), NULL);

  return self->file;
}

void
cto_file_read_cancel (CtoFileRead *self)
{
  g_return_if_fail (CTO_IS_FILE_READ (self));

  g_cancellable_cancel (self->cancellable);
}

void
cto_file_read_wait_async (CtoFileRead         *self,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) wait = NULL;

  g_return_if_fail (CTO_IS_FILE_READ (self));

  wait = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (wait, cto_file_read_wait_async);
  g_task_set_check_cancellable (wait, FALSE);

  if (self->done)
    tell (wait, self);
  else
    g_ptr_array_add (self->waits, g_steal_pointer (&wait));
}

CtoPlan *
cto_file_read_wait_finish (CtoFileRead   *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (CTO_IS_FILE_READ (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
