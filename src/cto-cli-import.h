/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Whether `--import FORMAT` names a format that can be imported ("csv"). */
gboolean  cto_cli_import_format_known (const char *format);

/*
 * `cto-planner --import FORMAT --output PLAN FILE` (PLAN-FORMAT.md, section
 * 9): a new plan from FILE, written to PLAN as an export is. When FILE is
 * refused or PLAN cannot be written, returns FALSE with @error set and
 * @refused set to the one of @path and @output that the message is about;
 * then PLAN is as it was.
 */
gboolean  cto_cli_import              (const char   *format,
                                       const char   *output,
                                       const char   *path,
                                       const char  **refused,
                                       GError      **error);

G_END_DECLS
