/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-plan-io"

#include "config.h"

#include <stdlib.h>
#include <sys/stat.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "cto-plan-io.h"

/**
 * cto_plan_io_save_file:
 * @plan: a plan
 * @file: where to save it
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error
 *
 * Writes the canonical text of @plan to @file atomically.
 *
 * Returns: whether the plan was saved; when not, @file is as it was
 */
gboolean
cto_plan_io_save_file (CtoPlan       *plan,
                       GFile         *file,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autofree char *data = NULL;
  gsize length = 0;

  g_return_val_if_fail (CTO_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  data = cto_plan_io_to_data (plan, &length);
  return cto_write_file_atomic (file, data, length, cancellable, error);
}

/**
 * cto_write_file_atomic:
 * @file: the file to write
 * @contents: (array length=length): the bytes to write
 * @length: the number of bytes
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error
 *
 * Writes @contents to a new file next to @file, then renames it over @file,
 * so that @file is either whole and old or whole and new. A symbolic link is
 * followed, so that the file it points to is the one replaced; an existing
 * file keeps its permissions.
 *
 * Returns: whether @file now holds @contents
 */
gboolean
cto_write_file_atomic (GFile         *file,
                       const char    *contents,
                       gsize          length,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autofree char *path = NULL;
  g_autofree char *target = NULL;
  GStatBuf st;
  int mode = 0666;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (contents != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  path = g_file_get_path (file);
  if (path == NULL)
    {
      /* Not a local file: GIO writes next to it and renames where it can. */
      return g_file_replace_contents (file, contents, length, NULL, FALSE,
                                      G_FILE_CREATE_NONE, NULL, cancellable, error);
    }

  /* g_file_replace_contents() would rewrite the file in place, not atomically,
   * when it cannot create a file next to it (or the file has several links);
   * g_file_set_contents_full() always writes a new file and renames it. */
  target = realpath (path, NULL);
  if (target == NULL)
    target = g_strdup (path);

  if (g_stat (target, &st) == 0)
    {
      if (S_ISDIR (st.st_mode))
        {
          g_autofree char *display = g_filename_display_name (path);

          g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                       _("Cannot write “%s”: it is a folder"), display);
          return FALSE;
        }
      mode = st.st_mode & 0777;
    }

  return g_file_set_contents_full (target, contents ? contents : "", (gssize) length,
                                   G_FILE_SET_CONTENTS_CONSISTENT |
                                   G_FILE_SET_CONTENTS_ONLY_EXISTING,
                                   mode, error);
}
