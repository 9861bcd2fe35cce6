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

#include "cto-plan-io.h"
#include "cto-recovered-plans.h"
#include "cto-recovery-private.h"
#include "cto-recovery.h"

typedef struct
{
  CtoPlan *plan;        /* %NULL when the copy cannot be read */
  GError  *error;       /* why not */
  GFile   *file;
  char    *etag;
  char    *path;
  char    *info_path;
  gint64   modified;    /* when the copy was written, in seconds since 1970 */
  gboolean kept;        /* left on purpose (cto_recovery_keep()), not by a crash */
} Recovered;

struct _CtoRecoveredPlans
{
  GPtrArray *items;       /* Recovered */
  GArray    *lock_fds;    /* int: the locks of ended sessions, held */
  GPtrArray *lock_paths;  /* their files, parallel to lock_fds */
};

/* Copies left behind --------------------------------------------------------- */

static void
recovered_free (gpointer data)
{
  Recovered *recovered = data;

  g_clear_object (&recovered->plan);
  g_clear_error (&recovered->error);
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

/* A copy and its note. A copy that cannot be read (damaged, made by a newer
 * version, not ours to read) is kept on disk with the reason, never removed:
 * the user decides. */
static Recovered *
read_copy (const char *folder,
           const char *name)
{
  g_autofree char *stem = g_strndup (name, strlen (name) - strlen (CTO_RECOVERY_PLAN_SUFFIX));
  g_autoptr(GKeyFile) info = g_key_file_new ();
  g_autoptr(GFile) file = NULL;
  g_autofree char *uri = NULL;
  Recovered *recovered;
  GStatBuf st;

  recovered = g_new0 (Recovered, 1);
  recovered->path = _cto_recovery_build_path (folder, stem, CTO_RECOVERY_PLAN_SUFFIX);
  recovered->info_path = _cto_recovery_build_path (folder, stem, CTO_RECOVERY_INFO_SUFFIX);
  if (g_stat (recovered->path, &st) == 0)
    recovered->modified = (gint64) st.st_mtime;

  file = g_file_new_for_path (recovered->path);
  recovered->plan = cto_plan_io_load_file (file, NULL, &recovered->error);

  /* Without its note, a copy still holds the plan: it is offered as never saved. */
  if (g_key_file_load_from_file (info, recovered->info_path, G_KEY_FILE_NONE, NULL))
    {
      uri = g_key_file_get_string (info, CTO_RECOVERY_INFO_GROUP, "File", NULL);
      if (uri != NULL && uri[0] != '\0')
        recovered->file = g_file_new_for_uri (uri);
      recovered->etag = g_key_file_get_string (info, CTO_RECOVERY_INFO_GROUP, "Etag", NULL);
      recovered->kept = g_key_file_get_boolean (info, CTO_RECOVERY_INFO_GROUP, "Kept", NULL);
    }

  return recovered;
}

/* Newest first; copies of one moment in the order of their names. */
static int
compare_recovered (gconstpointer a,
                   gconstpointer b)
{
  const Recovered *ra = *(const Recovered * const *) a;
  const Recovered *rb = *(const Recovered * const *) b;

  if (ra->modified != rb->modified)
    return ra->modified > rb->modified ? -1 : 1;

  return strcmp (ra->path, rb->path);
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

  if (flock (fd, LOCK_EX | LOCK_NB) != 0 || !_cto_recovery_same_file (fd, path))
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

      if (!g_str_has_suffix (lock_name, CTO_RECOVERY_LOCK_SUFFIX))
        continue;

      id = g_strndup (lock_name, strlen (lock_name) - strlen (CTO_RECOVERY_LOCK_SUFFIX));
      path = g_build_filename (folder, lock_name, NULL);
      if (g_strcmp0 (id, _cto_recovery_get_session_id ()) == 0 || (fd = claim_session (path)) < 0)
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

      if (!g_str_has_suffix (copy_name, CTO_RECOVERY_PLAN_SUFFIX))
        continue;

      id = session_of (copy_name);
      if (g_hash_table_contains (live, id))
        continue;

      recovered = read_copy (folder, copy_name);
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

      if (!g_str_has_suffix (info_name, CTO_RECOVERY_INFO_SUFFIX))
        continue;

      id = session_of (info_name);
      stem = g_strndup (info_name, strlen (info_name) - strlen (CTO_RECOVERY_INFO_SUFFIX));
      copy = _cto_recovery_build_path (folder, stem, CTO_RECOVERY_PLAN_SUFFIX);
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

  g_ptr_array_sort (self->items, compare_recovered);
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

gboolean
cto_recovered_plans_get_kept (CtoRecoveredPlans *self,
                              guint              position)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (position < self->items->len, FALSE);

  return get_item (self, position)->kept;
}

const GError *
cto_recovered_plans_get_error (CtoRecoveredPlans *self,
                               guint              position)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (position < self->items->len, NULL);

  return get_item (self, position)->error;
}

const char *
cto_recovered_plans_get_path (CtoRecoveredPlans *self,
                              guint              position)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (position < self->items->len, NULL);

  return get_item (self, position)->path;
}

gint64
cto_recovered_plans_get_modified (CtoRecoveredPlans *self,
                                  guint              position)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (position < self->items->len, 0);

  return get_item (self, position)->modified;
}

void
cto_recovered_plans_delete (CtoRecoveredPlans *self)
{
  g_return_if_fail (self != NULL);

  for (guint i = 0; i < self->items->len; i++)
    {
      Recovered *recovered = g_ptr_array_index (self->items, i);

      if (recovered->plan == NULL)
        continue;
      g_unlink (recovered->path);
      g_unlink (recovered->info_path);
    }

  /* The lock files go last, and while still locked. A copy kept without
   * its lock file still counts as left behind. */
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
