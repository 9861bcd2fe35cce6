/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "cto-cli-import.h"
#include "cto-csv-import.h"
#include "cto-plan-io.h"

/* Whether @a and @b are the same file, by any path or link. */
static gboolean
same_file (const char *a,
           const char *b)
{
  GStatBuf sa;
  GStatBuf sb;

  return g_stat (a, &sa) == 0 && g_stat (b, &sb) == 0 &&
         sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

gboolean
cto_cli_import_format_known (const char *format)
{
  return g_strcmp0 (format, "csv") == 0;
}

gboolean
cto_cli_import (const char   *format,
                const char   *output,
                const char   *path,
                const char  **refused,
                GError      **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GFile) out = g_file_new_for_commandline_arg (output);
  g_autoptr(CtoCsvImport) import = NULL;
  g_autoptr(CtoPlan) plan = NULL;

  g_return_val_if_fail (cto_cli_import_format_known (format), FALSE);
  g_return_val_if_fail (refused != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *refused = path;
  import = cto_csv_import_new_for_file (file, NULL, error);
  if (import == NULL)
    return FALSE;

  plan = cto_csv_import_dup_complete_plan (import, error);
  if (plan == NULL)
    return FALSE;

  *refused = output;
  if (same_file (path, output))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                           _("this is the file being imported; the plan would replace it"));
      return FALSE;
    }

  return cto_plan_io_save_file (plan, out, NULL, error);
}
