/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "cto-export.h"

G_BEGIN_DECLS

/*
 * The command line over time and side by side (PLAN-FORMAT.md, sections 6
 * and 7). Each returns the exit status; a day given on the command line is
 * checked first with cto_cli_time_check_date().
 */

/* FALSE, with a message for the usage error, when @text is not a real day
 * "YYYY-MM-DD". */
gboolean  cto_cli_time_check_date (const char       *option,
                                   const char       *text,
                                   char            **message);
int       cto_cli_time_summary    (const char       *path,
                                   gboolean          json,
                                   const char       *as_of);
int       cto_cli_time_export     (const char       *path,
                                   CtoExportFormat   format,
                                   const char       *output,
                                   const char       *as_of);
int       cto_cli_time_timeline   (const char       *path,
                                   gboolean          json,
                                   const char       *from);
int       cto_cli_time_diff       (const char       *old_path,
                                   const char       *new_path,
                                   gboolean          json);

G_END_DECLS
