/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "cto-cli-import.h"
#include "cto-csv-import.h"
#include "cto-plan-io.h"

enum {
  EXIT_REFUSED = 1,
};

static void
print_refusal (const char *path,
               const char *message)
{
  g_printerr ("%s: %s: %s\n", g_get_prgname (), path, message);
}

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

int
cto_cli_import (const char *format,
                const char *output,
                const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GFile) out = g_file_new_for_commandline_arg (output);
  g_autoptr(CtoCsvImport) import = NULL;
  g_autoptr(CtoPlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (cto_cli_import_format_known (format), EXIT_REFUSED);

  import = cto_csv_import_new_for_file (file, NULL, &error);
  if (import != NULL)
    plan = cto_csv_import_dup_complete_plan (import, &error);
  if (plan == NULL)
    {
      print_refusal (path, error->message);
      return EXIT_REFUSED;
    }

  if (same_file (path, output))
    {
      print_refusal (output, _("this is the file being imported; the plan would replace it"));
      return EXIT_REFUSED;
    }

  if (!cto_plan_io_save_file (plan, out, NULL, &error))
    {
      print_refusal (output, error->message);
      return EXIT_REFUSED;
    }

  return EXIT_SUCCESS;
}
