/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * The commands that help to decide (PLAN-FORMAT.md, section 5), run by
 * cto_cli_run(). Each returns the exit status.
 */
/* `--summary [--json] --without ID PLAN` */
int  cto_cli_run_without  (const char *path,
                           const char *person_id,
                           gboolean    json);
/* `--suggest [--json] PLAN` */
int  cto_cli_run_suggest  (const char *path,
                           gboolean    json);

G_END_DECLS
