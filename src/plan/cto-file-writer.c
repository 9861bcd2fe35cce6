/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-file-writer"
/* O_TMPFILE, AT_EMPTY_PATH */
#define _GNU_SOURCE

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "cto-file-writer.h"

#define MAX_LINKS 40

G_DEFINE_QUARK (cto-file-writer-error-quark, cto_file_writer_error)

/* The process's umask, read without changing it: saves write on other
 * threads, and setting it to read it would leave it 0 for a moment for
 * every file created meanwhile. Linux says it in /proc (4.7 and later);
 * elsewhere it is set and set back, as before. */
static mode_t
current_umask (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (g_file_get_contents ("/proc/self/status", &status, NULL, NULL) &&
      (line = strstr (status, "\nUmask:")) != NULL)
    return (mode_t) (g_ascii_strtoull (line + strlen ("\nUmask:"), NULL, 8) & 0777);

  {
    mode_t mask = umask (0);

    umask (mask);
    return mask;
  }
}

static gboolean
set_errno_error (GError     **error,
                 int          saved_errno,
                 const char  *what)
{
  /* Translators: "could not write the file: No space left on device" */
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("%s: %s"), what, g_strerror (saved_errno));
  return FALSE;
}

/*
 * The file a path names once every symbolic link is followed, even when the
 * last one points at a file that does not exist yet. %NULL (errno set) for a
 * loop of links.
 */
static char *
resolve_links (const char *path)
{
  g_autofree char *current = g_strdup (path);

  for (guint i = 0; i < MAX_LINKS; i++)
    {
      g_autofree char *target = NULL;
      GStatBuf st;

      if (g_lstat (current, &st) != 0 || !S_ISLNK (st.st_mode))
        return g_steal_pointer (&current);

      target = g_file_read_link (current, NULL);
      if (target == NULL)
        return g_steal_pointer (&current);

      if (!g_path_is_absolute (target))
        {
          g_autofree char *dir = g_path_get_dirname (current);
          char *joined = g_build_filename (dir, target, NULL);

          g_free (target);
          target = joined;
        }

      g_free (current);
      current = g_steal_pointer (&target);
    }

  errno = ELOOP;
  return NULL;
}

static gboolean
write_all (int            fd,
           const char    *contents,
           gsize          length,
           GCancellable  *cancellable,
           GError       **error)
{
  while (length > 0)
    {
      gssize written;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      written = write (fd, contents, MIN (length, (gsize) 1 << 20));
      if (written < 0)
        {
          if (errno == EINTR)
            continue;
          return set_errno_error (error, errno, _("could not write the file"));
        }

      contents += written;
      length -= (gsize) written;
    }

  return TRUE;
}

/* A name for a link next to @target that does not exist yet. */
static char *
make_temporary_name (const char *target)
{
  g_autofree char *dir = g_path_get_dirname (target);
  g_autofree char *base = g_path_get_basename (target);
  g_autofree char *name = g_strdup_printf (".%s.%08x", base, g_random_int ());

  return g_build_filename (dir, name, NULL);
}

/* What the whole file @fd is, before it is put in place: whatever happens
 * to the path after that, this is what was written. */
static gboolean
stamp_written (int            fd,
               CtoFileStamp  *stamp,
               GError       **error)
{
  GStatBuf st;

  if (stamp == NULL)
    return TRUE;

  if (fstat (fd, &st) != 0)
    return set_errno_error (error, errno, _("could not write the file"));

  stamp->known = TRUE;
  stamp->inode = st.st_ino;
  stamp->mtime = st.st_mtim.tv_sec;
  stamp->mtime_usec = st.st_mtim.tv_nsec / 1000;
  stamp->size = st.st_size;
  return TRUE;
}

/* Gives the unnamed file @fd a name next to @target, then puts it in the
 * place of @target in one step. */
static gboolean
link_in (int          fd,
         const char  *target,
         gboolean     target_exists,
         GError     **error)
{
  g_autofree char *proc_path = g_strdup_printf ("/proc/self/fd/%d", fd);
  int saved_errno;

  /* Nothing there yet: the file appears under its name at once. */
  if (!target_exists)
    {
      if (linkat (fd, "", AT_FDCWD, target, AT_EMPTY_PATH) == 0 ||
          linkat (AT_FDCWD, proc_path, AT_FDCWD, target, AT_SYMLINK_FOLLOW) == 0)
        return TRUE;
      if (errno != EEXIST)
        return set_errno_error (error, errno, _("could not create the file"));
    }

  for (guint attempt = 0; attempt < 100; attempt++)
    {
      g_autofree char *temporary = make_temporary_name (target);

      if (linkat (fd, "", AT_FDCWD, temporary, AT_EMPTY_PATH) != 0 &&
          linkat (AT_FDCWD, proc_path, AT_FDCWD, temporary, AT_SYMLINK_FOLLOW) != 0)
        {
          if (errno == EEXIST)
            continue;
          return set_errno_error (error, errno, _("could not create the file"));
        }

      if (g_rename (temporary, target) == 0)
        return TRUE;

      saved_errno = errno;
      g_unlink (temporary);
      return set_errno_error (error, saved_errno, _("could not replace the file"));
    }

  return set_errno_error (error, EEXIST, _("could not create the file"));
}

/* Where O_TMPFILE is not supported: a named file next to the target,
 * removed again on any failure. */
static gboolean
write_through_named_file (const char    *target,
                          const char    *contents,
                          gsize          length,
                          mode_t         mode,
                          CtoFileStamp  *stamp,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autofree char *dir = g_path_get_dirname (target);
  g_autofree char *base = g_path_get_basename (target);
  g_autofree char *template = g_strdup_printf (".%s.XXXXXX", base);
  g_autofree char *temporary = g_build_filename (dir, template, NULL);
  int fd;
  int saved_errno;

  fd = g_mkstemp_full (temporary, O_WRONLY | O_CLOEXEC, (int) mode);
  if (fd < 0)
    return set_errno_error (error, errno, _("could not create the file"));

  if (!write_all (fd, contents, length, cancellable, error))
    goto fail;

  if (fchmod (fd, mode) != 0 || fsync (fd) != 0)
    {
      saved_errno = errno;
      set_errno_error (error, saved_errno, _("could not write the file"));
      goto fail;
    }

  if (!stamp_written (fd, stamp, error))
    goto fail;

  if (close (fd) != 0)
    {
      fd = -1;
      set_errno_error (error, errno, _("could not write the file"));
      goto fail;
    }
  fd = -1;

  if (g_rename (temporary, target) != 0)
    {
      set_errno_error (error, errno, _("could not replace the file"));
      goto fail;
    }

  return TRUE;

fail:
  if (fd >= 0)
    close (fd);
  g_unlink (temporary);
  return FALSE;
}

static gboolean
write_local (const char     *path,
             const char     *contents,
             gsize           length,
             CtoWriteFlags   flags,
             CtoFileStamp   *stamp,
             GCancellable   *cancellable,
             GError        **error)
{
  g_autofree char *target = resolve_links (path);
  g_autofree char *dir = NULL;
  gboolean exists;
  mode_t mode = 0666;
  GStatBuf st;
  int fd;

  if (target == NULL)
    return set_errno_error (error, errno, _("could not follow the link"));

  /* What the path names is asked of the path itself: the kernel follows
   * links the text of which names no file, as /proc/self/fd/1 (/dev/stdout)
   * does for a pipe. */
  exists = g_stat (path, &st) == 0;
  if (!exists && errno != ENOENT)
    return set_errno_error (error, errno, _("could not write the file"));

  if (exists)
    {
      if (S_ISDIR (st.st_mode))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY, _("it is a folder"));
          return FALSE;
        }
      if (!S_ISREG (st.st_mode))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                       _("it is not a regular file"));
          return FALSE;
        }
      if ((st.st_mode & 0222) == 0 && !(flags & CTO_WRITE_REPLACE_READ_ONLY))
        {
          g_set_error (error, CTO_FILE_WRITER_ERROR, CTO_FILE_WRITER_ERROR_READ_ONLY,
                       _("the file is read-only"));
          return FALSE;
        }
      mode = st.st_mode & 07777;
    }
  else
    {
      mode = 0666 & ~current_umask ();
    }

  dir = g_path_get_dirname (target);
  fd = open (dir, O_TMPFILE | O_WRONLY | O_CLOEXEC, mode);
  if (fd < 0)
    {
      if (errno == EOPNOTSUPP || errno == EISDIR || errno == EINVAL)
        return write_through_named_file (target, contents, length, mode, stamp,
                                         cancellable, error);
      return set_errno_error (error, errno, _("could not create the file"));
    }

  if (!write_all (fd, contents, length, cancellable, error))
    {
      close (fd);
      return FALSE;
    }

  if (fchmod (fd, mode) != 0 || fsync (fd) != 0)
    {
      int saved_errno = errno;

      close (fd);
      return set_errno_error (error, saved_errno, _("could not write the file"));
    }

  if (!stamp_written (fd, stamp, error) || !link_in (fd, target, exists, error))
    {
      close (fd);
      return FALSE;
    }

  if (close (fd) != 0)
    return set_errno_error (error, errno, _("could not write the file"));

  return TRUE;
}

/**
 * cto_write_file_atomic_full:
 * @file: the file to write
 * @contents: the bytes to write
 * @length: how many
 * @flags: what the caller allows
 * @stamp: (out) (optional): what the file written is, for a later look
 *   to tell whether another program changed it since
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error
 *
 * Writes @contents to @file as section 8 of PLAN-FORMAT.md asks.
 *
 * Returns: whether @file now holds @contents; when not, it is as it was
 */
gboolean
cto_write_file_atomic_full (GFile          *file,
                            const char     *contents,
                            gsize           length,
                            CtoWriteFlags   flags,
                            CtoFileStamp   *stamp,
                            GCancellable   *cancellable,
                            GError        **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (contents != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (stamp != NULL)
    *stamp = (CtoFileStamp) { .known = FALSE };

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  path = g_file_get_path (file);
  if (path == NULL)
    {
      /* Not a local file: GIO writes next to it and renames where it can. */
      return g_file_replace_contents (file, contents ? contents : "", length, NULL, FALSE,
                                      G_FILE_CREATE_NONE, NULL, cancellable, error);
    }

  if (write_local (path, contents ? contents : "", length, flags, stamp, cancellable, error))
    return TRUE;

  if (stamp != NULL)
    stamp->known = FALSE;
  return FALSE;
}

/**
 * cto_write_file_atomic:
 *
 * cto_write_file_atomic_full() with no flags: a read-only file is refused.
 */
gboolean
cto_write_file_atomic (GFile         *file,
                       const char    *contents,
                       gsize          length,
                       GCancellable  *cancellable,
                       GError       **error)
{
  return cto_write_file_atomic_full (file, contents, length, CTO_WRITE_FLAGS_NONE, NULL,
                                     cancellable, error);
}

gboolean
cto_file_is_same (GFile *a,
                  GFile *b)
{
  g_autofree char *path_a = NULL;
  g_autofree char *path_b = NULL;
  GStatBuf st_a;
  GStatBuf st_b;

  g_return_val_if_fail (G_IS_FILE (a), FALSE);
  g_return_val_if_fail (G_IS_FILE (b), FALSE);

  path_a = g_file_get_path (a);
  path_b = g_file_get_path (b);
  if (path_a == NULL || path_b == NULL)
    return g_file_equal (a, b);

  if (g_stat (path_a, &st_a) != 0 || g_stat (path_b, &st_b) != 0)
    return FALSE;

  return st_a.st_dev == st_b.st_dev && st_a.st_ino == st_b.st_ino;
}
