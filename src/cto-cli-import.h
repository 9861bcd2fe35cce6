/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Whether `--import FORMAT` names a format that can be imported ("csv"). */
gboolean  cto_cli_import_format_known (const char *format);

/*
 * `cto-planner --import FORMAT --output PLAN FILE` (PLAN-FORMAT.md, section
 * 9): a new plan from FILE, written to PLAN as an export is. Returns the
 * exit status: 0, or 1 when FILE was refused or PLAN could not be written
 * (then PLAN is as it was).
 */
int       cto_cli_import              (const char *format,
                                       const char *output,
                                       const char *path);

G_END_DECLS
