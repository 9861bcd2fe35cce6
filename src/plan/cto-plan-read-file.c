/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-plan-io"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "cto-plan-io-private.h"
#include "cto-plan-io.h"
#include "cto-plan.h"
#include "cto-word-private.h"

/* Reading the file ------------------------------------------------------------ */

static void
set_file_error (GError       **error,
                const GError  *io_error)
{
  const char *what = io_error->message;

  if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    what = _("no such file");
  else if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
    what = _("is a folder, not a file");
  else if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    what = _("permission denied");

  g_set_error (error, io_error->domain, io_error->code, "%s: %s", _("file"), what);
}

void
_cto_plan_set_too_large_error (GError **error)
{
  _cto_plan_set_error (error, CTO_PLAN_ERROR_TOO_LARGE, _("file"),
                       _("too large (the limit is %d MiB)"), CTO_PLAN_MAX_FILE_SIZE / (1024 * 1024));
}

/* Reads all of a file that is not local into one buffer, refusing it as soon as it is known to be
 * over the limit: from its size when it has one, else while reading. */
static char *
read_stream_capped (GFile         *file,
                    GCancellable  *cancellable,
                    gsize         *length,
                    GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *buffer = NULL;
  gsize capacity = 64 * 1024;
  gsize filled = 0;

  stream = g_file_read (file, cancellable, &local_error);
  if (stream == NULL)
    {
      set_file_error (error, local_error);
      return NULL;
    }

  info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                         cancellable, NULL);
  if (info != NULL && g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE))
    {
      goffset size = g_file_info_get_size (info);

      if (size > CTO_PLAN_MAX_FILE_SIZE)
        {
          _cto_plan_set_too_large_error (error);
          return NULL;
        }

      /* One more byte than the size, so that one read also meets the end. */
      if (size > 0)
        capacity = (gsize) size + 1;
    }

  buffer = g_malloc (capacity);

  for (;;)
    {
      gsize wanted = capacity - filled;
      gsize got = 0;

      if (!g_input_stream_read_all (G_INPUT_STREAM (stream), buffer + filled, wanted, &got,
                                    cancellable, &local_error))
        {
          set_file_error (error, local_error);
          return NULL;
        }

      filled += got;
      if (filled > CTO_PLAN_MAX_FILE_SIZE)
        {
          _cto_plan_set_too_large_error (error);
          return NULL;
        }

      if (got < wanted)
        break;

      capacity = MIN (capacity * 2, (gsize) CTO_PLAN_MAX_FILE_SIZE + 1);
      buffer = g_realloc (buffer, capacity);
    }

  *length = filled;
  return g_steal_pointer (&buffer);
}

static void
set_errno_error (GError **error,
                 int      saved_errno)
{
  g_autoptr(GError) io_error = g_error_new_literal (G_IO_ERROR,
                                                    g_io_error_from_errno (saved_errno),
                                                    g_strerror (saved_errno));

  set_file_error (error, io_error);
}

/* Only a regular file is read: a folder, a FIFO, a device or a socket is
 * refused at once, never waited on (PLAN-FORMAT.md, section 2). */
static gboolean
check_regular (mode_t   mode,
               GError **error)
{
  const char *what;

  if (S_ISREG (mode))
    return TRUE;

  if (S_ISDIR (mode))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY, "%s: %s", _("file"),
                   _("is a folder, not a file"));
      return FALSE;
    }

  if (S_ISFIFO (mode))
    what = _("is a pipe (FIFO), not a regular file");
  else if (S_ISCHR (mode) || S_ISBLK (mode))
    what = _("is a device, not a regular file");
  else if (S_ISSOCK (mode))
    what = _("is a socket, not a regular file");
  else
    what = _("is not a regular file");

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE, "%s: %s", _("file"), what);
  return FALSE;
}

static void
close_fd (int *fd)
{
  if (*fd >= 0)
    g_close (*fd, NULL);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (int, close_fd)

/* Reads all of the local file @path into one buffer. The type is checked
 * before opening, so that no device is ever opened, and again on what was
 * opened, without blocking (O_NONBLOCK), so that a FIFO put there in
 * between is not waited on either. */
static char *
read_local_capped (const char    *path,
                   GCancellable  *cancellable,
                   gsize         *length,
                   GError       **error)
{
  g_auto(int) fd = -1;
  g_autofree char *buffer = NULL;
  GStatBuf st;
  struct stat opened;
  gsize capacity = 64 * 1024;
  gsize filled = 0;

  if (g_stat (path, &st) != 0)
    {
      set_errno_error (error, errno);
      return NULL;
    }
  if (!check_regular (st.st_mode, error))
    return NULL;

  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      set_errno_error (error, errno);
      return NULL;
    }

  if (fstat (fd, &opened) != 0)
    {
      set_errno_error (error, errno);
      return NULL;
    }
  if (!check_regular (opened.st_mode, error))
    return NULL;

  if (opened.st_size > CTO_PLAN_MAX_FILE_SIZE)
    {
      _cto_plan_set_too_large_error (error);
      return NULL;
    }
  /* One more byte than the size, so that one read also meets the end. */
  if (opened.st_size > 0)
    capacity = (gsize) opened.st_size + 1;

  buffer = g_malloc (capacity);

  for (;;)
    {
      gssize got;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;

      got = read (fd, buffer + filled, capacity - filled);
      if (got < 0)
        {
          if (errno == EINTR)
            continue;
          set_errno_error (error, errno);
          return NULL;
        }
      if (got == 0)
        break;

      filled += got;
      if (filled > CTO_PLAN_MAX_FILE_SIZE)
        {
          _cto_plan_set_too_large_error (error);
          return NULL;
        }

      if (filled == capacity)
        {
          capacity = MIN (capacity * 2, (gsize) CTO_PLAN_MAX_FILE_SIZE + 1);
          buffer = g_realloc (buffer, capacity);
        }
    }

  *length = filled;
  return g_steal_pointer (&buffer);
}

/* Reads all of @file into one buffer, refusing it as soon as it is known to
 * be over CTO_PLAN_MAX_FILE_SIZE or not to be a regular file. */
char *
_cto_plan_read_file (GFile         *file,
                     GCancellable  *cancellable,
                     gsize         *length,
                     GError       **error)
{
  g_autofree char *path = g_file_get_path (file);

  if (path != NULL)
    return read_local_capped (path, cancellable, length, error);

  return read_stream_capped (file, cancellable, length, error);
}

/* FNV-1a over eight bytes at a time, each step's high half folded into its
 * low one, and the length: a few milliseconds for the largest plan. */
guint64
cto_plan_io_digest (const char *data,
                    gsize       length)
{
  const guint64 prime = G_GUINT64_CONSTANT (0x100000001b3);
  guint64 hash = G_GUINT64_CONSTANT (0xcbf29ce484222325);
  gsize i = 0;

  g_return_val_if_fail (data != NULL || length == 0, 0);

  for (; i + sizeof (guint64) <= length; i += sizeof (guint64))
    {
      hash = (hash ^ cto_word_load ((const guchar *) data + i)) * prime;
      hash ^= hash >> 32;
    }
  for (; i < length; i++)
    hash = (hash ^ (guchar) data[i]) * prime;

  return hash ^ length;
}

gboolean
cto_plan_io_digest_file (GFile         *file,
                         GCancellable  *cancellable,
                         guint64       *digest,
                         GError       **error)
{
  g_autofree char *data = NULL;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (digest != NULL, FALSE);

  data = _cto_plan_read_file (file, cancellable, &length, error);
  if (data == NULL)
    return FALSE;

  *digest = cto_plan_io_digest (data, length);
  return TRUE;
}
