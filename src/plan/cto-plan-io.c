/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-plan-io"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cto-file-writer.h"
#include "cto-plan-io.h"

/* Saving plans: the canonical text (cto-plan-writer.c), checked against the
 * size a plan file may have, written safely (cto-file-writer.c). */

/**
 * cto_plan_io_save_file_full:
 * @plan: a plan
 * @file: where to save it
 * @flags: what the user allowed (replacing a read-only file)
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error
 *
 * Writes the canonical text of @plan to @file as cto_write_file_atomic_full()
 * does; a plan too large to be read back is not written.
 *
 * Returns: whether the plan was saved; when not, @file is as it was
 */
gboolean
cto_plan_io_save_file_full (CtoPlan        *plan,
                            GFile          *file,
                            CtoWriteFlags   flags,
                            GCancellable   *cancellable,
                            GError        **error)
{
  return cto_plan_io_save_file_digest (plan, file, flags, NULL, cancellable, NULL, error);
}

gboolean
cto_plan_io_save_file_digest (CtoPlan        *plan,
                              GFile          *file,
                              CtoWriteFlags   flags,
                              CtoFileStamp   *stamp,
                              GCancellable   *cancellable,
                              guint64        *digest,
                              GError        **error)
{
  g_autofree char *data = NULL;
  gsize length = 0;

  g_return_val_if_fail (CTO_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  data = cto_plan_io_to_data (plan, &length);
  if (!cto_plan_io_check_size (length, error))
    return FALSE;

  if (!cto_write_file_atomic_full (file, data, length, flags, stamp, cancellable, error))
    return FALSE;

  if (digest != NULL)
    *digest = cto_plan_io_digest (data, length);
  return TRUE;
}

/**
 * cto_plan_io_save_file:
 *
 * cto_plan_io_save_file_full() with no flags: a read-only file is refused.
 */
gboolean
cto_plan_io_save_file (CtoPlan       *plan,
                       GFile         *file,
                       GCancellable  *cancellable,
                       GError       **error)
{
  return cto_plan_io_save_file_full (plan, file, CTO_WRITE_FLAGS_NONE, cancellable, error);
}

/**
 * cto_plan_io_check_size:
 * @length: the length of a plan's canonical text
 * @error: return location for an error
 *
 * Refuses (CTO_PLAN_ERROR_TOO_LARGE) a text longer than a plan file may be,
 * so that the program never writes a file it would refuse to read.
 */
gboolean
cto_plan_io_check_size (gsize    length,
                        GError **error)
{
  if (length <= CTO_PLAN_MAX_FILE_SIZE)
    return TRUE;

  g_set_error (error, CTO_PLAN_ERROR, CTO_PLAN_ERROR_TOO_LARGE,
               _("the plan would take %.1f MiB, more than the %d MiB a plan file may have"),
               length / (1024.0 * 1024.0), CTO_PLAN_MAX_FILE_SIZE / (1024 * 1024));
  return FALSE;
}
