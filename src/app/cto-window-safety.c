/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-window"

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n.h>

#include "cto-file-fingerprint.h"
#include "cto-history.h"
#include "cto-plan-io.h"
#include "cto-window-private.h"

/* Nothing is lost: a copy of unsaved changes survives a crash, a save never
 * silently replaces what another program wrote, and a failed save says why. */

/* The fingerprint a plan's file had when _cto_window_load_file() read it. */
#define ETAG_KEY "cto-window-etag"

#define QUESTION_PLAN_KEY "cto-question-plan"

void
_cto_window_question_asked (CtoWindow *self,
                            gpointer   question)
{
  g_object_set_data_full (G_OBJECT (question), QUESTION_PLAN_KEY, g_object_ref (self->plan),
                          g_object_unref);
}

gboolean
_cto_window_question_holds (CtoWindow *self,
                            gpointer   question)
{
  return g_object_get_data (G_OBJECT (question), QUESTION_PLAN_KEY) == (gpointer) self->plan &&
         self->save == NULL;
}

static void
changed_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     CtoWindow        *self)
{
  if (self->changed_dialog == GTK_WIDGET (dialog))
    g_clear_weak_pointer (&self->changed_dialog);

  if (!_cto_window_question_holds (self, dialog))
    _cto_window_cancel_pending (self);
  else if (g_strcmp0 (response, "overwrite") == 0)
    _cto_window_save_to (self, self->file);
  else if (g_strcmp0 (response, "save-as") == 0)
    _cto_window_save_as (self);
  else
    _cto_window_cancel_pending (self);
}

static void
ask_changed_on_disk (CtoWindow *self)
{
  g_autofree char *basename = g_file_get_basename (self->file);
  g_autofree char *name = g_filename_display_name (basename);
  GtkWidget *dialog;

  if (self->changed_dialog != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->changed_dialog));
      return;
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("The File Changed on Disk"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("Another program changed “%s” after it was opened or saved "
                                    "here. Saving replaces those changes with this plan."),
                                  name);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "save-as", _("Save _As…"),
                                    "overwrite", _("_Overwrite"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "overwrite",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (changed_response_cb), self);
  _cto_window_question_asked (self, dialog);

  /* Weak: destroyed otherwise, as with its window, it is gone. */
  g_set_weak_pointer (&self->changed_dialog, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The nearest folder above @file that exists, or %NULL. */
static GFile *
existing_ancestor (GFile *file)
{
  g_autoptr(GFile) ancestor = g_file_get_parent (file);

  while (ancestor != NULL && !g_file_query_exists (ancestor, NULL))
    {
      GFile *parent = g_file_get_parent (ancestor);

      g_object_unref (ancestor);
      ancestor = parent;
    }

  return g_steal_pointer (&ancestor);
}

typedef enum
{
  WRITE_ERROR_OTHER,
  WRITE_ERROR_NO_FOLDER,
  WRITE_ERROR_NOT_FOLDER,
  WRITE_ERROR_NO_SPACE,
  WRITE_ERROR_TOO_LARGE,
  WRITE_ERROR_READ_ONLY,
  WRITE_ERROR_DENIED,
  WRITE_ERROR_NAME_TOO_LONG,
} WriteError;

static WriteError
classify (const GError *error)
{
  static const struct
  {
    gboolean   gio;         /* G_IO_ERROR, else G_FILE_ERROR */
    int        code;
    WriteError kind;
  } table[] = {
    { FALSE, G_FILE_ERROR_NOENT, WRITE_ERROR_NO_FOLDER },
    { FALSE, G_FILE_ERROR_NOTDIR, WRITE_ERROR_NOT_FOLDER },
    { FALSE, G_FILE_ERROR_NOSPC, WRITE_ERROR_NO_SPACE },
    { FALSE, G_FILE_ERROR_ROFS, WRITE_ERROR_READ_ONLY },
    { FALSE, G_FILE_ERROR_ACCES, WRITE_ERROR_DENIED },
    { FALSE, G_FILE_ERROR_PERM, WRITE_ERROR_DENIED },
    { FALSE, G_FILE_ERROR_NAMETOOLONG, WRITE_ERROR_NAME_TOO_LONG },
    { TRUE, G_IO_ERROR_NOT_FOUND, WRITE_ERROR_NO_FOLDER },
    { TRUE, G_IO_ERROR_NOT_DIRECTORY, WRITE_ERROR_NOT_FOLDER },
    { TRUE, G_IO_ERROR_NO_SPACE, WRITE_ERROR_NO_SPACE },
    { TRUE, G_IO_ERROR_READ_ONLY, WRITE_ERROR_READ_ONLY },
    { TRUE, G_IO_ERROR_PERMISSION_DENIED, WRITE_ERROR_DENIED },
    { TRUE, G_IO_ERROR_FILENAME_TOO_LONG, WRITE_ERROR_NAME_TOO_LONG },
  };

  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    {
      GQuark domain = table[i].gio ? G_IO_ERROR : G_FILE_ERROR;

      if (g_error_matches (error, domain, table[i].code))
        return table[i].kind;
    }

  /* EFBIG has no code of its own: GLib names it in the message, in g_strerror()'s words. */
  if ((error->domain == G_FILE_ERROR || error->domain == G_IO_ERROR) &&
      strstr (error->message, g_strerror (EFBIG)) != NULL)
    return WRITE_ERROR_TOO_LARGE;

  return WRITE_ERROR_OTHER;
}

/* @file's name as people read it. */
static char *
display_name_of (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  return g_filename_display_name (basename);
}

static void
read_only_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       CtoWindow        *self)
{
  GFile *file = g_object_get_data (G_OBJECT (dialog), "cto-file");

  if (g_strcmp0 (response, "replace") == 0 && _cto_window_question_holds (self, dialog))
    _cto_window_save_to_full (self, file, CTO_WRITE_REPLACE_READ_ONLY);
}

static void
read_only_destroy_cb (GtkWidget *dialog,
                      CtoWindow *self)
{
  if (self->error_dialog == dialog)
    self->error_dialog = NULL;
}

/* A read-only file is replaced only when the user says so. */
static void
ask_replace_read_only (CtoWindow *self,
                       GFile     *file)
{
  g_autofree char *name = display_name_of (file);
  GtkWidget *dialog;

  /* Translators: %s is a file name */
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Replace a Read-Only File?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” is marked read-only, so that it is not changed by "
                                    "mistake. Replace it with this plan anyway? It stays "
                                    "read-only."), name);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "replace", _("_Replace"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "replace",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "cto-file", g_object_ref (file), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (read_only_response_cb), self, 0);
  _cto_window_question_asked (self, dialog);
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (read_only_destroy_cb), self, 0);
  self->error_dialog = dialog;
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A save under way: the plan is copied a step at a time on the main loop,
 * then written from the copy on another thread, so that neither a large
 * plan's text nor a slow disk or network folder holds up the window. */
struct _CtoWindowSave
{
  GWeakRef      window;       /* gone first when destroyed while saving */
  CtoPlan      *plan;         /* the plan being saved */
  GFile        *file;
  CtoWriteFlags flags;
  char         *etag;         /* the file's as last read or written, to check; or NULL */
  guint         saying_id;    /* says "Saving…" when it takes a while */
  gboolean      said;
  GApplication *held_app;     /* kept running until the file is written */
  CtoRecovery  *kept;         /* the copy of the plan left by a close without waiting */
};

typedef struct
{
  gboolean changed;           /* another program changed the file: not written */
  char    *refreshed;         /* the fingerprint of the same bytes, looked at anew */
  char    *etag;              /* the fingerprint of the file written */
  GError  *error;
} Written;

/* Items copied at a time, about a millisecond's work. The copy goes
 * between frames: a save may take a little longer, never a frame. */
#define SAVE_ITEMS_A_STEP 1000

static void
written_free (gpointer data)
{
  Written *written = data;

  g_clear_error (&written->error);
  g_free (written->refreshed);
  g_free (written->etag);
  g_free (written);
}

static void
save_free (CtoWindowSave *save)
{
  g_weak_ref_clear (&save->window);
  g_clear_handle_id (&save->saying_id, g_source_remove);
  g_clear_object (&save->plan);
  g_clear_object (&save->file);
  g_free (save->etag);
  g_clear_object (&save->kept);
  if (save->held_app != NULL)
    {
      g_application_release (save->held_app);
      g_clear_object (&save->held_app);
    }
  g_free (save);
}

/* Destroys the dialog a weak pointer of the window holds, if any. */
static void
destroy_dialog (GtkWidget **dialog_pointer)
{
  GtkWidget *dialog = *dialog_pointer;

  if (dialog == NULL)
    return;

  g_clear_weak_pointer (dialog_pointer);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* The offer to close without waiting goes once the save has ended. */
static void
destroy_waiting_dialog (CtoWindow *self)
{
  destroy_dialog (&self->waiting_dialog);
}

/* One save at a time in the program: of two windows saving the same file
 * at once, the second sees the first's file as changed. */
static GMutex write_lock;

GMutex *
_cto_window_get_write_lock (void)
{
  return &write_lock;
}

/* On another thread, from the copy: first whether another program changed
 * the file, then the file written, and its fingerprint. Not cancelled once
 * there: the old file stays whole until the new one is, and the user asked
 * for it. */
static gpointer
write_copy (CtoPlan      *copy,
            gpointer      data,
            GCancellable *cancellable)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&write_lock);
  CtoWindowSave *save = data;
  Written *written = g_new0 (Written, 1);
  CtoFileStamp stamp;
  guint64 digest = 0;

  if (save->etag != NULL &&
      cto_file_fingerprint_changed (save->file, save->etag, &written->refreshed))
    {
      written->changed = TRUE;
      return written;
    }

  if (!cto_plan_io_save_file_digest (copy, save->file, save->flags, &stamp, NULL, &digest,
                                     &written->error))
    return written;

  /* The digest of the bytes just written, not of the file read back: no
   * second read of a large plan, and no other program's bytes taken for
   * ours. */
  written->etag = cto_file_fingerprint_of_written (save->file, &stamp, digest);

  return written;
}

static gboolean
say_saving_cb (gpointer user_data)
{
  CtoWindow *self = CTO_WINDOW (user_data);

  self->save->saying_id = 0;
  self->save->said = TRUE;
  _cto_window_update_title (self);
  if (self->pending == CTO_WINDOW_PENDING_CLOSE)
    _cto_window_tell_closing_after_save (self);

  return G_SOURCE_REMOVE;
}

/* Why @file could not be written; @shown, whether the plan saved is still
 * the one shown. */
static void
show_write_error (CtoWindow    *self,
                  GFile        *file,
                  const GError *error,
                  gboolean      shown)
{
  g_autofree char *name = display_name_of (file);
  g_autofree char *reason = _cto_window_describe_write_error (file, error);
  g_autofree char *body = NULL;

  if (shown)
    /* Translators: after a failed save; the first %s is a file name, the second why it failed */
    body = g_strdup_printf (_("%s: %s.\n\nNothing on disk was changed, and the plan keeps its "
                              "unsaved changes."), name, reason);
  else
    /* Translators: after a failed save of a plan another has replaced in
     * the window since; the first %s is a file name, the second why it failed */
    body = g_strdup_printf (_("%s: %s.\n\nNothing on disk was changed."), name, reason);

  _cto_window_show_error (self, _("Could Not Save the Plan"), body);
}

/* What waited for the save, once any question has gone: asked after all
 * when there is something unsaved, as edits that came in meanwhile. */
static gboolean
go_on_after_save_cb (gpointer user_data)
{
  CtoWindow *self = CTO_WINDOW (user_data);

  if (self->pending != CTO_WINDOW_PENDING_NONE &&
      cto_history_get_modified (cto_plan_get_history (self->plan)))
    {
      g_autoptr(CtoPlan) plan = g_steal_pointer (&self->pending_plan);
      g_autoptr(GFile) file = g_steal_pointer (&self->pending_file);

      _cto_window_ask_unsaved (self, self->pending, plan, file);
    }
  else
    {
      _cto_window_finish_pending (self);
    }

  return G_SOURCE_REMOVE;
}

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  CtoWindowSave *save = user_data;
  g_autoptr(CtoWindow) self = g_weak_ref_get (&save->window);
  Written *written = cto_plan_work_on_copy_finish (result, NULL);

  /* The window went first: the file is written all the same, and there
   * is no one to tell. Closed without waiting, it left a copy for the next
   * start: of no more use if the file now holds the plan as it was closed,
   * else to be offered with the file as it is now. */
  if (self == NULL)
    {
      if (save->kept != NULL && written->error == NULL && !written->changed)
        {
          if (cto_history_get_state (cto_plan_get_history (save->plan)) ==
              cto_plan_work_on_copy_get_state (result))
            cto_recovery_forget_kept (save->kept);
          else
            cto_recovery_set_file (save->kept, save->file, written->etag);
        }
      written_free (written);
      save_free (save);
      return;
    }

  g_assert (self->save == save);
  self->save = NULL;
  destroy_waiting_dialog (self);

  if (save->plan == self->plan && written->refreshed != NULL)
    {
      g_free (self->file_etag);
      self->file_etag = g_steal_pointer (&written->refreshed);
      cto_recovery_set_file (self->recovery, self->file, self->file_etag);
    }

  if (written->changed)
    {
      /* Nothing written: the user decides, and what waits goes on or is
       * cancelled with the answer. Of a plan no longer shown, there is
       * nothing to decide. */
      if (save->plan == self->plan)
        ask_changed_on_disk (self);
    }
  else if (written->error != NULL)
    {
      /* What waited for it is given up, unless it waited for a plan no
       * longer shown. A read-only file is replaced only when the user says
       * so, and only with the plan that was to be saved, still shown. */
      if (save->plan == self->plan)
        _cto_window_cancel_pending (self);
      if (save->plan == self->plan &&
          g_error_matches (written->error, CTO_FILE_WRITER_ERROR, CTO_FILE_WRITER_ERROR_READ_ONLY))
        ask_replace_read_only (self, save->file);
      else
        show_write_error (self, save->file, written->error, save->plan == self->plan);
    }
  else if (save->plan == self->plan)
    {
      g_set_object (&self->file, save->file);
      /* The file holds the plan as it was when copied: edited since, or
       * those edits undone past it, the plan has changes to save. */
      cto_history_mark_saved_state (cto_plan_get_history (self->plan),
                                    cto_plan_work_on_copy_get_state (result));
      g_free (self->file_etag);
      self->file_etag = g_steal_pointer (&written->etag);
      cto_recovery_set_file (self->recovery, self->file, self->file_etag);
      _cto_window_remember_file (self, self->file);
    }
  /* Else another plan is shown, in place of one with nothing unsaved: the
   * window has nothing more to say of the file written. */

  /* What waited for the save goes on (a failed save has cancelled it; a
   * changed file asks first). */
  if (self->pending != CTO_WINDOW_PENDING_NONE && (!written->changed || save->plan != self->plan))
    g_idle_add_full (G_PRIORITY_DEFAULT, go_on_after_save_cb, g_object_ref (self), g_object_unref);

  _cto_window_update_title (self);
  _cto_window_update_actions (self);
  written_free (written);
  save_free (save);
}

/* Starts saving to @file; when @etag is not %NULL, only if the file is
 * still the version it is the fingerprint of, else asks. */
static void
start_save (CtoWindow     *self,
            GFile         *file,
            CtoWriteFlags  flags,
            const char    *etag)
{
  CtoWindowSave *save;

  g_assert (CTO_IS_WINDOW (self));
  g_assert (G_IS_FILE (file));

  /* Save and Save As wait for the save under way, and so does any
   * question that could lead to one. */
  g_return_if_fail (self->save == NULL);

  save = g_new0 (CtoWindowSave, 1);
  save->plan = g_object_ref (self->plan);
  save->file = g_object_ref (file);
  save->flags = flags;
  save->etag = g_strdup (etag);
  g_weak_ref_init (&save->window, self);
  save->saying_id = g_timeout_add (self->save_silence_ms, say_saving_cb, self);
  /* The program does not end before the file is whole, even should the
   * window go first. */
  save->held_app = g_application_get_default ();
  if (save->held_app != NULL)
    {
      g_object_ref (save->held_app);
      g_application_hold (save->held_app);
    }
  self->save = save;
  _cto_window_update_actions (self);

  cto_plan_work_on_copy_async (self->plan, NULL, SAVE_ITEMS_A_STEP, G_PRIORITY_DEFAULT_IDLE,
                               write_copy, save, NULL, written_free, NULL, saved_cb, save);
}

void
_cto_window_save_to_full (CtoWindow     *self,
                          GFile         *file,
                          CtoWriteFlags  flags)
{
  start_save (self, file, flags, NULL);
}

void
_cto_window_save_to (CtoWindow *self,
                     GFile     *file)
{
  _cto_window_save_to_full (self, file, CTO_WRITE_FLAGS_NONE);
}

void
_cto_window_tell_closing_after_save (CtoWindow *self)
{
  /* Translators: a toast when the window is closed while a slow save is under way */
  _cto_window_toast_text (self, _("The window closes once the plan is saved"), FALSE);
}

/* Closes the window while its save goes on: its unsaved changes stay in
 * the recovery copy, offered at the next start, and the program no longer
 * waits for the save to end to quit. */
static void
close_without_waiting (CtoWindow *self)
{
  if (self->recovery != NULL)
    {
      cto_recovery_keep (self->recovery);
      /* The save may end while the program lives on: then it knows better
       * what the copy is for. */
      if (self->save->plan == self->plan)
        self->save->kept = g_object_ref (self->recovery);
      g_clear_object (&self->recovery);
    }
  if (self->save->held_app != NULL)
    {
      g_application_release (self->save->held_app);
      g_clear_object (&self->save->held_app);
    }
  _cto_window_cancel_pending (self);
  self->close_confirmed = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
close_without_waiting_cb (gpointer user_data)
{
  CtoWindow *self = CTO_WINDOW (user_data);

  /* Should the save have ended meanwhile, what waited for it went on. */
  if (self->save != NULL)
    close_without_waiting (self);

  return G_SOURCE_REMOVE;
}

static void
waiting_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     CtoWindow        *self)
{
  /* The dialog goes by itself once answered. */
  g_clear_weak_pointer (&self->waiting_dialog);

  /* Not while the dialog says its answer: once it has gone. */
  if (g_str_equal (response, "close") && self->save != NULL)
    g_idle_add_full (G_PRIORITY_DEFAULT, close_without_waiting_cb, g_object_ref (self),
                     g_object_unref);
}

static void
ask_close_without_waiting (CtoWindow *self)
{
  g_autofree char *name = NULL;
  const GError *keep_error;
  GtkWidget *dialog;

  if (self->waiting_dialog != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->waiting_dialog));
      return;
    }

  name = display_name_of (self->save->file);
  keep_error = self->recovery != NULL ? cto_recovery_get_error (self->recovery) : NULL;
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Close Without Waiting?"), NULL);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "wait", _("_Keep Waiting"));
  if (keep_error == NULL)
    {
      adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                      /* Translators: %s is a file name */
                                      _("Saving “%s” is taking a long time. If the window closes "
                                        "now, the save may not finish. Unsaved changes are kept "
                                        "and offered again the next time CTO Planner starts."),
                                      name);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close",
                                       _("_Close Without Waiting"));
    }
  else
    {
      /* The copy that would keep the changes could not be written last
       * time (a full disk may be why the save is slow too): closing may
       * lose them, and says so. */
      adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                      /* Translators: a file name, then why the changes could not be kept */
                                      _("Saving “%s” is taking a long time, and the unsaved "
                                        "changes could not be kept for the next start: %s. If "
                                        "the window closes now and the save does not finish, "
                                        "the changes are lost."),
                                      name, keep_error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close",
                                       _("_Close and Lose Changes"));
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "close",
                                                  ADW_RESPONSE_DESTRUCTIVE);
    }
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "wait");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "wait");
  g_signal_connect (dialog, "response", G_CALLBACK (waiting_response_cb), self);

  g_set_weak_pointer (&self->waiting_dialog, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_cto_window_close_waits_for_save (CtoWindow *self,
                                  gboolean   asked_before)
{
  g_return_if_fail (CTO_IS_WINDOW (self));

  /* Only once the save has taken long enough to say so: a quick one
   * closes the window before anyone would look. */
  if (self->save == NULL || !self->save->said)
    return;

  if (!asked_before)
    _cto_window_tell_closing_after_save (self);
  else
    ask_close_without_waiting (self);
}

gboolean
_cto_window_is_saving (CtoWindow *self)
{
  g_return_val_if_fail (CTO_IS_WINDOW (self), FALSE);

  return self->save != NULL;
}

gboolean
_cto_window_may_be_unsaved (CtoWindow *self)
{
  g_return_val_if_fail (CTO_IS_WINDOW (self), FALSE);

  /* During a save, what is unsaved is known once it ends: it may fail, or
   * edits made meanwhile stay unsaved. */
  return self->save != NULL || cto_history_get_modified (cto_plan_get_history (self->plan));
}

gboolean
_cto_window_says_saving (CtoWindow *self)
{
  g_return_val_if_fail (CTO_IS_WINDOW (self), FALSE);

  /* Of the plan shown only: not of one it replaced. */
  return self->save != NULL && self->save->said && self->save->plan == self->plan;
}

void
_cto_window_dispose_safety (CtoWindow *self)
{
  /* A save under way ends on its own; the window has no more to do with it. */
  if (self->save != NULL)
    {
      g_clear_handle_id (&self->save->saying_id, g_source_remove);
      self->save = NULL;
    }
  if (self->recovery != NULL)
    {
      cto_recovery_discard (self->recovery);
      g_clear_object (&self->recovery);
    }
  destroy_dialog (&self->changed_dialog);
  destroy_waiting_dialog (self);
  g_clear_pointer (&self->file_etag, g_free);
}

CtoPlan *
_cto_window_load_file (GFile        *file,
                       GCancellable *cancellable,
                       GError      **error)
{
  g_autofree char *look = NULL;
  guint64 digest = 0;
  CtoPlan *plan;

  /* Looked at before reading: should the file change in between, its
   * metadata differ, and the digest, of the bytes read, decides. */
  look = cto_file_fingerprint_look (file);
  plan = cto_plan_io_load_file_digest (file, cancellable, &digest, error);
  if (plan != NULL && look != NULL)
    g_object_set_data_full (G_OBJECT (plan), ETAG_KEY, cto_file_fingerprint_new (look, digest),
                            g_free);

  return plan;
}

void
_cto_window_plan_attached (CtoWindow *self)
{
  g_assert (CTO_IS_WINDOW (self));

  g_free (self->file_etag);
  self->file_etag = g_object_steal_data (G_OBJECT (self->plan), ETAG_KEY);

  /* The copy of the plan that was here goes with it. */
  if (self->recovery != NULL)
    {
      cto_recovery_discard (self->recovery);
      g_clear_object (&self->recovery);
    }
  self->recovery = cto_recovery_new (self->plan);
  cto_recovery_set_file (self->recovery, self->file, self->file_etag);

  if (self->file != NULL)
    _cto_window_remember_file (self, self->file);
}

char *
_cto_window_describe_write_error (GFile        *file,
                                  const GError *error)
{
  g_autoptr(GFile) folder = g_file_get_parent (file);
  g_autofree char *folder_name = folder ? g_file_get_parse_name (folder) : g_strdup ("/");

  switch (classify (error))
    {
    case WRITE_ERROR_NO_FOLDER:
      /* Translators: why a file could not be saved; %s is a folder */
      return g_strdup_printf (_("the folder “%s” does not exist"), folder_name);

    case WRITE_ERROR_NOT_FOLDER:
      {
        g_autoptr(GFile) blocking = existing_ancestor (file);
        g_autofree char *blocking_name = blocking ? g_file_get_parse_name (blocking)
                                                  : g_strdup (folder_name);

        /* Translators: why a file could not be saved; %s is a path */
        return g_strdup_printf (_("“%s” is a file, not a folder"), blocking_name);
      }

    case WRITE_ERROR_NO_SPACE:
      return g_strdup (_("there is not enough space left on the disk"));

    case WRITE_ERROR_TOO_LARGE:
      return g_strdup (_("the file would be larger than the disk or the system allows"));

    case WRITE_ERROR_READ_ONLY:
      /* Translators: why a file could not be saved; %s is a folder */
      return g_strdup_printf (_("the folder “%s” is on a disk that can only be read"),
                              folder_name);

    case WRITE_ERROR_DENIED:
      /* Translators: why a file could not be saved; %s is a folder */
      return g_strdup_printf (_("you do not have permission to write in the folder “%s”"),
                              folder_name);

    case WRITE_ERROR_NAME_TOO_LONG:
      return g_strdup (_("the file name is too long"));

    case WRITE_ERROR_OTHER:
    default:
      return g_strdup (error->message);
    }
}

void
_cto_window_save (CtoWindow *self)
{
  g_assert (CTO_IS_WINDOW (self));
  g_assert (self->file != NULL);

  /* Only if no other program changed the file since, else it asks. */
  start_save (self, self->file, CTO_WRITE_FLAGS_NONE, self->file_etag);
}

void
_cto_window_restore (CtoWindow  *self,
                     CtoPlan    *plan,
                     GFile      *file,
                     const char *etag)
{
  g_assert (CTO_IS_WINDOW (self));
  g_assert (CTO_IS_PLAN (plan));

  if (etag != NULL)
    g_object_set_data_full (G_OBJECT (plan), ETAG_KEY, g_strdup (etag), g_free);

  /* Unsaved before it is shown, so that its copy is written at once. */
  cto_history_mark_unsaved (cto_plan_get_history (plan));
  _cto_window_set_plan (self, plan, file);
}
