/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * The recovery folder holds, for each running process that has unsaved
 * changes, a lock file "SESSION.lock" that the process keeps locked
 * (flock) while it runs, and for each of its plans a copy
 * "SESSION-N.ctoplan.json" (the canonical text) with a note "SESSION-N.info"
 * (a key file: the plan's title, and its file's URI and etag). A copy whose
 * session's lock can be taken, or that has no lock file, was left behind by
 * a process that ended without removing it.
 */

#define CTO_RECOVERY_PLAN_SUFFIX ".ctoplan.json"
#define CTO_RECOVERY_INFO_SUFFIX ".info"
#define CTO_RECOVERY_LOCK_SUFFIX ".lock"
#define CTO_RECOVERY_INFO_GROUP  "Recovery"

/* FOLDER/NAMESUFFIX */
char       *_cto_recovery_build_path     (const char *folder,
                                          const char *name,
                                          const char *suffix);
/* Whether the open file @fd still bears the name @path. */
gboolean    _cto_recovery_same_file      (int         fd,
                                          const char *path);
/* The session of this process, or %NULL when it has none yet. */
const char *_cto_recovery_get_session_id (void);

G_END_DECLS
