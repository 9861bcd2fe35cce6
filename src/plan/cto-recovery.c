/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-recovery"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "cto-history.h"
#include "cto-plan-io.h"
#include "cto-recovery-private.h"
#include "cto-recovery.h"


struct _CtoRecovery
{
  GObject       parent_instance;

  CtoPlan      *plan;
  GFile        *file;
  char         *etag;
  char         *path;          /* the copy, once this recovery has joined the session */
  char         *info_path;
  gulong        changed_id;
  gulong        modified_id;
  guint         timeout_id;
  guint         delay;         /* milliseconds from an edit to its copy */
  GApplication *held_app;      /* kept running while a write is under way */
  GCancellable *copying;       /* stops the copy for a write once discarded */
  GError       *error;         /* why the last copy could not be written */
  guint         joined : 1;
  guint         writing : 1;
  guint         write_again : 1; /* the plan changed while it was being written */
  guint         discarded : 1;
  guint         kept : 1;      /* left for the next start */
};

G_DEFINE_FINAL_TYPE (CtoRecovery, cto_recovery, G_TYPE_OBJECT)

/* What a write needs besides the copy: where, and what the note says of
 * the file. */
typedef struct
{
  char *path;
  char *info_path;
  char *uri;
  char *etag;
  gboolean kept;
} WriteData;

/* How many people and responsibilities are copied at a time for a write:
 * about a millisecond's work, so that the copy of a large plan never holds
 * up a frame. */
#define ITEMS_A_STEP 1000

/* The session of this process: touched on the main thread only. */
static char  *session_id;
static int    session_fd = -1;
static guint  session_users;
static guint  next_copy;

static void update (CtoRecovery *self);

const char *
_cto_recovery_get_session_id (void)
{
  return session_id;
}

char *
_cto_recovery_build_path (const char *folder,
            const char *name,
            const char *suffix)
{
  g_autofree char *basename = g_strconcat (name, suffix, NULL);

  return g_build_filename (folder, basename, NULL);
}

static void
set_errno_error (GError     **error,
                 int          saved_errno,
                 const char  *path)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               "%s: %s", display, g_strerror (saved_errno));
}

gboolean
_cto_recovery_same_file (int         fd,
           const char *path)
{
  struct stat held;
  struct stat named;

  return fstat (fd, &held) == 0 && stat (path, &named) == 0 &&
         held.st_dev == named.st_dev && held.st_ino == named.st_ino;
}

static gboolean
join_session (const char  *folder,
              GError     **error)
{
  if (session_id != NULL)
    {
      session_users++;
      return TRUE;
    }

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      set_errno_error (error, errno, folder);
      return FALSE;
    }

  for (guint attempt = 0; attempt < 8; attempt++)
    {
      g_autofree char *id = g_uuid_string_random ();
      g_autofree char *path = _cto_recovery_build_path (folder, id, CTO_RECOVERY_LOCK_SUFFIX);
      int fd = g_open (path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);

      if (fd < 0)
        {
          set_errno_error (error, errno, path);
          return FALSE;
        }

      /* Another process looking for copies left behind may hold the new
       * lock for a moment and then remove the file: the lock counts only
       * while the file still bears the name. */
      if (flock (fd, LOCK_EX) == 0 && _cto_recovery_same_file (fd, path))
        {
          session_id = g_steal_pointer (&id);
          session_fd = fd;
          session_users = 1;
          return TRUE;
        }

      close (fd);
    }

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_BUSY, "%s: could not lock a session", folder);
  return FALSE;
}

static void
leave_session (void)
{
  g_autofree char *folder = NULL;
  g_autofree char *path = NULL;

  g_assert (session_users > 0);

  if (--session_users > 0)
    return;

  /* Removed while still locked, so that no one takes it for a session that ended. */
  folder = cto_recovery_dup_folder ();
  path = _cto_recovery_build_path (folder, session_id, CTO_RECOVERY_LOCK_SUFFIX);
  g_unlink (path);
  close (session_fd);
  session_fd = -1;
  g_clear_pointer (&session_id, g_free);
}

static void
write_data_free (gpointer data)
{
  WriteData *write = data;

  g_free (write->path);
  g_free (write->info_path);
  g_free (write->uri);
  g_free (write->etag);
  g_free (write);
}

/* The note beside a copy: the plan's title, its file and that file's
 * fingerprint when the copy was made. */
static char *
make_info (CtoPlan    *copy,
           WriteData  *write)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();

  g_key_file_set_string (key_file, CTO_RECOVERY_INFO_GROUP, "Title", cto_plan_get_title (copy));
  if (write->uri != NULL)
    g_key_file_set_string (key_file, CTO_RECOVERY_INFO_GROUP, "File", write->uri);
  if (write->etag != NULL)
    g_key_file_set_string (key_file, CTO_RECOVERY_INFO_GROUP, "Etag", write->etag);
  if (write->kept)
    g_key_file_set_boolean (key_file, CTO_RECOVERY_INFO_GROUP, "Kept", TRUE);

  return g_key_file_to_data (key_file, NULL, NULL);
}

/* On another thread, from the copy: the note first, so that a copy never
 * lacks it. Returns the error, or %NULL once written. */
static gpointer
write_copy (CtoPlan      *copy,
            gpointer      data,
            GCancellable *cancellable)
{
  WriteData *write = data;
  g_autofree char *folder = g_path_get_dirname (write->path);
  g_autofree char *info = make_info (copy, write);
  GError *error = NULL;
  gsize length = 0;
  g_autofree char *contents = cto_plan_io_to_data (copy, &length);

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      set_errno_error (&error, errno, folder);
      return error;
    }

  if (!g_file_set_contents_full (write->info_path, info, -1,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error) ||
      !g_file_set_contents_full (write->path, contents, (gssize) length,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
    return error;

  return NULL;
}

static void
write_finished (CtoRecovery *self)
{
  self->writing = FALSE;
  g_clear_object (&self->copying);
  if (self->held_app != NULL)
    {
      g_application_release (self->held_app);
      g_clear_object (&self->held_app);
    }

  if (self->write_again || self->discarded)
    {
      self->write_again = FALSE;
      update (self);
    }
}

static void
write_done_cb (GObject      *source_object,
               GAsyncResult *result,
               gpointer      user_data)
{
  CtoRecovery *self = CTO_RECOVERY (source_object);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) write_error = cto_plan_work_on_copy_finish (result, &error);

  /* Discarded while copying (@error): nothing was written, nothing learnt. */
  if (write_error != NULL)
    {
      g_debug ("Could not keep a copy of the unsaved changes: %s", write_error->message);
      g_clear_error (&self->error);
      self->error = g_steal_pointer (&write_error);
    }
  else if (error == NULL)
    {
      g_clear_error (&self->error);
    }

  write_finished (self);
}

static void
start_write (CtoRecovery *self)
{
  g_autoptr(GError) error = NULL;
  WriteData *write;

  if (!self->joined)
    {
      g_autofree char *folder = cto_recovery_dup_folder ();
      g_autofree char *name = NULL;

      if (!join_session (folder, &error))
        {
          g_debug ("Could not keep a copy of the unsaved changes: %s", error->message);
          g_clear_error (&self->error);
          self->error = g_steal_pointer (&error);
          return;
        }

      self->joined = TRUE;
      name = g_strdup_printf ("%s-%u", session_id, ++next_copy);
      g_free (self->path);
      g_free (self->info_path);
      self->path = _cto_recovery_build_path (folder, name, CTO_RECOVERY_PLAN_SUFFIX);
      self->info_path = _cto_recovery_build_path (folder, name, CTO_RECOVERY_INFO_SUFFIX);
    }

  self->writing = TRUE;
  self->held_app = g_application_get_default ();
  if (self->held_app != NULL)
    {
      g_object_ref (self->held_app);
      g_application_hold (self->held_app);
    }

  write = g_new0 (WriteData, 1);
  write->path = g_strdup (self->path);
  write->info_path = g_strdup (self->info_path);
  write->uri = self->file != NULL ? g_file_get_uri (self->file) : NULL;
  write->etag = g_strdup (self->etag);
  write->kept = self->kept;

  /* The plan is read here, on its own thread, a step at a time between
   * frames; the copy, which shares nothing with it, is written on another. */
  self->copying = g_cancellable_new ();
  cto_plan_work_on_copy_async (self->plan, self, ITEMS_A_STEP, G_PRIORITY_DEFAULT_IDLE,
                               write_copy, write, write_data_free,
                               (GDestroyNotify) g_error_free, self->copying,
                               write_done_cb, NULL);
}

static void
remove_copy (CtoRecovery *self)
{
  if (self->path != NULL)
    g_unlink (self->path);
  if (self->info_path != NULL)
    g_unlink (self->info_path);
}

/* Brings the disk in line with the plan: a copy when it has unsaved changes, none otherwise. */
static void
update (CtoRecovery *self)
{
  if (self->writing)
    {
      self->write_again = TRUE;
      return;
    }

  if (self->discarded)
    {
      remove_copy (self);
      if (self->joined)
        {
          self->joined = FALSE;
          leave_session ();
        }
      return;
    }

  /* A kept copy is written whatever the history says: the save it was
   * kept for may write another state of the plan than the one shown. */
  if (self->kept || cto_history_get_modified (cto_plan_get_history (self->plan)))
    start_write (self);
  else
    remove_copy (self);
}

static gboolean
timeout_cb (gpointer user_data)
{
  CtoRecovery *self = user_data;

  self->timeout_id = 0;
  update (self);

  return G_SOURCE_REMOVE;
}

/* At most one write per delay, however fast the edits come. */
static void
schedule (CtoRecovery *self,
          guint        delay)
{
  if (self->timeout_id == 0 && !self->discarded)
    self->timeout_id = g_timeout_add (delay, timeout_cb, self);
}

static void
plan_changed_cb (CtoRecovery *self)
{
  schedule (self, self->delay);
}

static void
modified_changed_cb (CtoRecovery *self)
{
  if (cto_history_get_modified (cto_plan_get_history (self->plan)))
    {
      schedule (self, self->delay);
    }
  else
    {
      /* Saved, or undone to the saved state: nothing to keep. */
      g_clear_handle_id (&self->timeout_id, g_source_remove);
      update (self);
    }
}

static void
cto_recovery_dispose (GObject *object)
{
  CtoRecovery *self = (CtoRecovery *) object;

  /* A write under way holds a reference: there is none here. */
  g_assert (!self->writing);
  if (!self->kept)
    cto_recovery_discard (self);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (cto_recovery_parent_class)->dispose (object);
}

static void
cto_recovery_finalize (GObject *object)
{
  CtoRecovery *self = (CtoRecovery *) object;

  g_clear_object (&self->file);
  g_free (self->etag);
  g_free (self->path);
  g_free (self->info_path);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (cto_recovery_parent_class)->finalize (object);
}

static void
cto_recovery_class_init (CtoRecoveryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cto_recovery_dispose;
  object_class->finalize = cto_recovery_finalize;
}

static void
cto_recovery_init (CtoRecovery *self)
{
  self->delay = CTO_RECOVERY_DELAY;
}

CtoRecovery *
cto_recovery_new (CtoPlan *plan)
{
  CtoRecovery *self;

  g_return_val_if_fail (CTO_IS_PLAN (plan), NULL);

  self = g_object_new (CTO_TYPE_RECOVERY, NULL);
  self->plan = g_object_ref (plan);
  self->changed_id = g_signal_connect_swapped (plan, "changed",
                                               G_CALLBACK (plan_changed_cb), self);
  self->modified_id = g_signal_connect_swapped (cto_plan_get_history (plan), "notify::modified",
                                                G_CALLBACK (modified_changed_cb), self);

  /* A plan with unsaved changes from the start (a restored copy) is kept at once. */
  if (cto_history_get_modified (cto_plan_get_history (plan)))
    schedule (self, 0);

  return self;
}

void
cto_recovery_set_file (CtoRecovery *self,
                       GFile       *file,
                       const char  *etag)
{
  g_return_if_fail (CTO_IS_RECOVERY (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  g_set_object (&self->file, file);
  g_free (self->etag);
  self->etag = g_strdup (etag);

  /* A copy on disk, or one being written (its note made before this),
   * names the file: it is brought up to date with the next write. */
  if (self->writing)
    self->write_again = TRUE;
  else if (self->kept)
    update (self);  /* at once: the program may be about to end */
  else if (self->joined && g_file_test (self->path, G_FILE_TEST_EXISTS))
    schedule (self, self->delay);
}

void
cto_recovery_set_delay (CtoRecovery *self,
                        guint        delay)
{
  g_return_if_fail (CTO_IS_RECOVERY (self));

  self->delay = delay;
}

const char *
cto_recovery_get_path (CtoRecovery *self)
{
  g_return_val_if_fail (CTO_IS_RECOVERY (self), NULL);

  return self->path;
}

gboolean
cto_recovery_get_busy (CtoRecovery *self)
{
  g_return_val_if_fail (CTO_IS_RECOVERY (self), FALSE);

  return self->writing || self->timeout_id != 0;
}

gboolean
cto_recovery_get_writing (CtoRecovery *self)
{
  g_return_val_if_fail (CTO_IS_RECOVERY (self), FALSE);

  return self->writing;
}

const GError *
cto_recovery_get_error (CtoRecovery *self)
{
  g_return_val_if_fail (CTO_IS_RECOVERY (self), NULL);

  return self->error;
}

void
cto_recovery_discard (CtoRecovery *self)
{
  g_return_if_fail (CTO_IS_RECOVERY (self));

  if (self->discarded || self->kept)
    return;

  self->discarded = TRUE;
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  /* A copy not yet made is not made; one being written is then removed. */
  if (self->copying != NULL)
    g_cancellable_cancel (self->copying);
  g_clear_signal_handler (&self->changed_id, self->plan);
  g_clear_signal_handler (&self->modified_id, cto_plan_get_history (self->plan));

  update (self);
}

char *
cto_recovery_dup_folder (void)
{
  return g_build_filename (g_get_user_state_dir (), "cto-planner", "recovery", NULL);
}

void
cto_recovery_keep (CtoRecovery *self)
{
  g_return_if_fail (CTO_IS_RECOVERY (self));

  if (self->discarded || self->kept)
    return;

  self->kept = TRUE;
  g_clear_signal_handler (&self->changed_id, self->plan);
  g_clear_signal_handler (&self->modified_id, cto_plan_get_history (self->plan));

  /* Written again now, with every edit and a note that says it was kept
   * on purpose. The session stays joined until the program ends, so that
   * its copies count as left behind then. */
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  update (self);
}

void
cto_recovery_forget_kept (CtoRecovery *self)
{
  g_return_if_fail (CTO_IS_RECOVERY (self));

  if (!self->kept)
    return;

  /* As a discard: removed now, or when the write under way ends. */
  self->kept = FALSE;
  self->discarded = TRUE;
  if (self->copying != NULL)
    g_cancellable_cancel (self->copying);
  update (self);
}
