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
#include "cto-recovery.h"

/*
 * The recovery folder holds, for each running process that has unsaved
 * changes, a lock file "SESSION.lock" that the process keeps locked
 * (flock) while it runs, and for each of its plans a copy
 * "SESSION-N.ctoplan.json" (the canonical text) with a note "SESSION-N.info"
 * (a key file: the plan's title, and its file's URI and etag). A copy whose
 * session's lock can be taken, or that has no lock file, was left behind by
 * a process that ended without removing it.
 */

#define PLAN_SUFFIX ".ctoplan.json"
#define INFO_SUFFIX ".info"
#define LOCK_SUFFIX ".lock"
#define INFO_GROUP "Recovery"

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
  GApplication *held_app;      /* kept running while a write is under way */
  guint         joined : 1;
  guint         writing : 1;
  guint         write_again : 1; /* the plan changed while it was being written */
  guint         discarded : 1;
};

G_DEFINE_FINAL_TYPE (CtoRecovery, cto_recovery, G_TYPE_OBJECT)

typedef struct
{
  char   *path;
  char   *info_path;
  char   *info;
  GBytes *plan;
} WriteData;

typedef struct
{
  CtoPlan *plan;
  GFile   *file;
  char    *etag;
  char    *path;
  char    *info_path;
} Recovered;

struct _CtoRecoveredPlans
{
  GPtrArray *items;       /* Recovered */
  GArray    *lock_fds;    /* int: the locks of ended sessions, held */
  GPtrArray *lock_paths;  /* their files, parallel to lock_fds */
};

/* The session of this process: touched on the main thread only. */
static char  *session_id;
static int    session_fd = -1;
static guint  session_users;
static guint  next_copy;

static void update (CtoRecovery *self);

static char *
build_path (const char *folder,
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

static gboolean
same_file (int         fd,
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
      g_autofree char *path = build_path (folder, id, LOCK_SUFFIX);
      int fd = g_open (path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);

      if (fd < 0)
        {
          set_errno_error (error, errno, path);
          return FALSE;
        }

      /* Another process looking for copies left behind may hold the new
       * lock for a moment and then remove the file: the lock counts only
       * while the file still bears the name. */
      if (flock (fd, LOCK_EX) == 0 && same_file (fd, path))
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
  path = build_path (folder, session_id, LOCK_SUFFIX);
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
  g_free (write->info);
  g_bytes_unref (write->plan);
  g_free (write);
}

/* In a thread of its own: the note first, so that a copy never lacks it. */
static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  WriteData *write = task_data;
  g_autofree char *folder = g_path_get_dirname (write->path);
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  const char *contents = g_bytes_get_data (write->plan, &length);

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      set_errno_error (&error, errno, folder);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (!g_file_set_contents_full (write->info_path, write->info, -1,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error) ||
      !g_file_set_contents_full (write->path, contents, (gssize) length,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
write_done_cb (GObject      *source_object,
               GAsyncResult *result,
               gpointer      user_data)
{
  CtoRecovery *self = CTO_RECOVERY (source_object);
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    g_debug ("Could not keep a copy of the unsaved changes: %s", error->message);

  self->writing = FALSE;
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

static char *
make_info (CtoRecovery *self)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();

  g_key_file_set_string (key_file, INFO_GROUP, "Title", cto_plan_get_title (self->plan));
  if (self->file != NULL)
    {
      g_autofree char *uri = g_file_get_uri (self->file);

      g_key_file_set_string (key_file, INFO_GROUP, "File", uri);
    }
  if (self->etag != NULL)
    g_key_file_set_string (key_file, INFO_GROUP, "Etag", self->etag);

  return g_key_file_to_data (key_file, NULL, NULL);
}

static void
start_write (CtoRecovery *self)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  WriteData *write;
  char *contents;
  gsize length = 0;

  if (!self->joined)
    {
      g_autofree char *folder = cto_recovery_dup_folder ();
      g_autofree char *name = NULL;

      if (!join_session (folder, &error))
        {
          g_debug ("Could not keep a copy of the unsaved changes: %s", error->message);
          return;
        }

      self->joined = TRUE;
      name = g_strdup_printf ("%s-%u", session_id, ++next_copy);
      g_free (self->path);
      g_free (self->info_path);
      self->path = build_path (folder, name, PLAN_SUFFIX);
      self->info_path = build_path (folder, name, INFO_SUFFIX);
    }

  /* The plan is read here, on its own thread; only the bytes travel. */
  contents = cto_plan_io_to_data (self->plan, &length);
  write = g_new0 (WriteData, 1);
  write->path = g_strdup (self->path);
  write->info_path = g_strdup (self->info_path);
  write->info = make_info (self);
  write->plan = g_bytes_new_take (contents, length);

  self->writing = TRUE;
  self->held_app = g_application_get_default ();
  if (self->held_app != NULL)
    {
      g_object_ref (self->held_app);
      g_application_hold (self->held_app);
    }

  task = g_task_new (self, NULL, write_done_cb, NULL);
  g_task_set_source_tag (task, start_write);
  g_task_set_task_data (task, write, write_data_free);
  g_task_run_in_thread (task, write_thread);
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

  if (cto_history_get_modified (cto_plan_get_history (self->plan)))
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
  schedule (self, CTO_RECOVERY_DELAY);
}

static void
modified_changed_cb (CtoRecovery *self)
{
  if (cto_history_get_modified (cto_plan_get_history (self->plan)))
    {
      schedule (self, CTO_RECOVERY_DELAY);
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

  /* A copy on disk names the file: it is brought up to date with the next write. */
  if (self->joined && g_file_test (self->path, G_FILE_TEST_EXISTS))
    schedule (self, CTO_RECOVERY_DELAY);
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

void
cto_recovery_discard (CtoRecovery *self)
{
  g_return_if_fail (CTO_IS_RECOVERY (self));

  if (self->discarded)
    return;

  self->discarded = TRUE;
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_clear_signal_handler (&self->changed_id, self->plan);
  g_clear_signal_handler (&self->modified_id, cto_plan_get_history (self->plan));

  update (self);
}

char *
cto_recovery_dup_folder (void)
{
  return g_build_filename (g_get_user_state_dir (), "cto-planner", "recovery", NULL);
}

/* Copies left behind --------------------------------------------------------- */

static void
recovered_free (gpointer data)
{
  Recovered *recovered = data;

  g_clear_object (&recovered->plan);
  g_clear_object (&recovered->file);
  g_free (recovered->etag);
  g_free (recovered->path);
  g_free (recovered->info_path);
  g_free (recovered);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The session a copy's name starts with: all before the last '-'. */
static char *
session_of (const char *name)
{
  const char *dash = strrchr (name, '-');

  return dash != NULL ? g_strndup (name, (gsize) (dash - name)) : g_strdup (name);
}

static Recovered *
read_copy (const char *folder,
           const char *name)
{
  g_autofree char *stem = g_strndup (name, strlen (name) - strlen (PLAN_SUFFIX));
  g_autofree char *path = build_path (folder, stem, PLAN_SUFFIX);
  g_autofree char *info_path = build_path (folder, stem, INFO_SUFFIX);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GKeyFile) info = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CtoPlan) plan = NULL;
  g_autofree char *uri = NULL;
  Recovered *recovered;

  plan = cto_plan_io_load_file (file, NULL, &error);
  if (plan == NULL)
    {
      g_debug ("Removing %s, which cannot be restored: %s", path, error->message);
      g_unlink (path);
      g_unlink (info_path);
      return NULL;
    }

  recovered = g_new0 (Recovered, 1);
  recovered->plan = g_steal_pointer (&plan);
  recovered->path = g_steal_pointer (&path);
  recovered->info_path = g_steal_pointer (&info_path);

  /* Without its note, a copy still holds the plan: it is offered as never saved. */
  if (g_key_file_load_from_file (info, recovered->info_path, G_KEY_FILE_NONE, NULL))
    {
      uri = g_key_file_get_string (info, INFO_GROUP, "File", NULL);
      if (uri != NULL && uri[0] != '\0')
        recovered->file = g_file_new_for_uri (uri);
      recovered->etag = g_key_file_get_string (info, INFO_GROUP, "Etag", NULL);
    }

  return recovered;
}

/*
 * Takes the lock in @path when the session's process has ended: returns its
 * descriptor, or -1 when the process still runs (or the file is gone).
 */
static int
claim_session (const char *path)
{
  int fd = g_open (path, O_RDWR | O_CLOEXEC, 0);

  if (fd < 0)
    return -1;

  if (flock (fd, LOCK_EX | LOCK_NB) != 0 || !same_file (fd, path))
    {
      close (fd);
      return -1;
    }

  return fd;
}

CtoRecoveredPlans *
cto_recovered_plans_claim (void)
{
  g_autoptr(CtoRecoveredPlans) self = NULL;
  g_autofree char *folder = cto_recovery_dup_folder ();
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) live = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) ended = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GArray) used = NULL;
  const char *name;

  if (dir == NULL)
    return NULL;

  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  self = g_new0 (CtoRecoveredPlans, 1);
  self->items = g_ptr_array_new_with_free_func (recovered_free);
  self->lock_fds = g_array_new (FALSE, FALSE, sizeof (int));
  self->lock_paths = g_ptr_array_new_with_free_func (g_free);

  /* Which sessions still run. */
  for (guint i = 0; i < names->len; i++)
    {
      const char *lock_name = g_ptr_array_index (names, i);
      g_autofree char *id = NULL;
      g_autofree char *path = NULL;
      int fd;

      if (!g_str_has_suffix (lock_name, LOCK_SUFFIX))
        continue;

      id = g_strndup (lock_name, strlen (lock_name) - strlen (LOCK_SUFFIX));
      path = g_build_filename (folder, lock_name, NULL);
      if (g_strcmp0 (id, session_id) == 0 || (fd = claim_session (path)) < 0)
        {
          g_hash_table_add (live, g_steal_pointer (&id));
          continue;
        }

      g_hash_table_insert (ended, g_steal_pointer (&id), GUINT_TO_POINTER (self->lock_fds->len));
      g_array_append_val (self->lock_fds, fd);
      g_ptr_array_add (self->lock_paths, g_steal_pointer (&path));
    }

  /* Their copies. A copy without a lock file was left behind too: a
   * process takes its lock before it writes a copy. */
  used = g_array_new (FALSE, TRUE, sizeof (gboolean));
  g_array_set_size (used, self->lock_fds->len);
  for (guint i = 0; i < names->len; i++)
    {
      const char *copy_name = g_ptr_array_index (names, i);
      g_autofree char *id = NULL;
      gpointer index;
      Recovered *recovered;

      if (!g_str_has_suffix (copy_name, PLAN_SUFFIX))
        continue;

      id = session_of (copy_name);
      if (g_hash_table_contains (live, id))
        continue;

      recovered = read_copy (folder, copy_name);
      if (recovered == NULL)
        continue;

      g_ptr_array_add (self->items, recovered);
      if (g_hash_table_lookup_extended (ended, id, NULL, &index))
        g_array_index (used, gboolean, GPOINTER_TO_UINT (index)) = TRUE;
    }

  /* Notes without a copy, of sessions that ended: a write cut short. */
  for (guint i = 0; i < names->len; i++)
    {
      const char *info_name = g_ptr_array_index (names, i);
      g_autofree char *id = NULL;
      g_autofree char *stem = NULL;
      g_autofree char *copy = NULL;

      if (!g_str_has_suffix (info_name, INFO_SUFFIX))
        continue;

      id = session_of (info_name);
      stem = g_strndup (info_name, strlen (info_name) - strlen (INFO_SUFFIX));
      copy = build_path (folder, stem, PLAN_SUFFIX);
      if (!g_hash_table_contains (live, id) && !g_file_test (copy, G_FILE_TEST_EXISTS))
        {
          g_autofree char *path = g_build_filename (folder, info_name, NULL);

          g_unlink (path);
        }
    }

  /* Sessions that ended with nothing to restore leave only their lock file. */
  for (guint i = self->lock_fds->len; i > 0; i--)
    {
      if (g_array_index (used, gboolean, i - 1))
        continue;

      g_unlink (g_ptr_array_index (self->lock_paths, i - 1));
      close (g_array_index (self->lock_fds, int, i - 1));
      g_array_remove_index (self->lock_fds, i - 1);
      g_ptr_array_remove_index (self->lock_paths, i - 1);
    }

  if (self->items->len == 0)
    return NULL;

  return g_steal_pointer (&self);
}

guint
cto_recovered_plans_get_n_items (CtoRecoveredPlans *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->items->len;
}

static Recovered *
get_item (CtoRecoveredPlans *self,
          guint              position)
{
  g_assert (position < self->items->len);

  return g_ptr_array_index (self->items, position);
}

CtoPlan *
cto_recovered_plans_get_plan (CtoRecoveredPlans *self,
                              guint              position)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (position < self->items->len, NULL);

  return get_item (self, position)->plan;
}

GFile *
cto_recovered_plans_get_file (CtoRecoveredPlans *self,
                              guint              position)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (position < self->items->len, NULL);

  return get_item (self, position)->file;
}

const char *
cto_recovered_plans_get_etag (CtoRecoveredPlans *self,
                              guint              position)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (position < self->items->len, NULL);

  return get_item (self, position)->etag;
}

void
cto_recovered_plans_delete (CtoRecoveredPlans *self)
{
  g_return_if_fail (self != NULL);

  for (guint i = 0; i < self->items->len; i++)
    {
      Recovered *recovered = g_ptr_array_index (self->items, i);

      g_unlink (recovered->path);
      g_unlink (recovered->info_path);
    }

  /* The lock files go last, and while still locked. */
  for (guint i = 0; i < self->lock_fds->len; i++)
    {
      g_unlink (g_ptr_array_index (self->lock_paths, i));
      close (g_array_index (self->lock_fds, int, i));
    }
  g_array_set_size (self->lock_fds, 0);
  g_ptr_array_set_size (self->lock_paths, 0);
}

void
cto_recovered_plans_free (CtoRecoveredPlans *self)
{
  if (self == NULL)
    return;

  for (guint i = 0; i < self->lock_fds->len; i++)
    close (g_array_index (self->lock_fds, int, i));

  g_array_unref (self->lock_fds);
  g_ptr_array_unref (self->lock_paths);
  g_ptr_array_unref (self->items);
  g_free (self);
}
