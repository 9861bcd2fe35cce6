/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cto-plan.h"

G_BEGIN_DECLS

/* How long after an edit the copy is written, in milliseconds. */
#define CTO_RECOVERY_DELAY 2000

#define CTO_TYPE_RECOVERY (cto_recovery_get_type ())
G_DECLARE_FINAL_TYPE (CtoRecovery, cto_recovery, CTO, RECOVERY, GObject)

/*
 * Keeps a copy of a plan's unsaved changes in the recovery folder, so that
 * they outlive a crash. The copy is written a moment after an edit (at most
 * once every delay, off the main thread), next to a note of
 * the file the plan belongs to; it is removed as soon as the plan is back
 * at its saved state (saved, or undone to it), and when discarded.
 *
 * Each copy belongs to the running process, which holds a lock for it:
 * cto_recovered_plans_claim() in another process passes it by.
 */
CtoRecovery *cto_recovery_new         (CtoPlan     *plan);
/* The file the plan was read from or saved to (may be %NULL), with its etag then. */
void         cto_recovery_set_file    (CtoRecovery *self,
                                       GFile       *file,
                                       const char  *etag);
/* How long after an edit the copy is written, in milliseconds; from the
 * next edit on. CTO_RECOVERY_DELAY unless set. */
void         cto_recovery_set_delay   (CtoRecovery *self,
                                       guint        delay);
/* Where the copy is written; it may not exist. */
const char  *cto_recovery_get_path    (CtoRecovery *self);
/* Whether a write is due or under way. */
gboolean     cto_recovery_get_busy    (CtoRecovery *self);
/* Whether a write is under way, in its thread. */
gboolean     cto_recovery_get_writing (CtoRecovery *self);
/* Why the last copy could not be written (the folder cannot be made, the
 * disk is full), or %NULL when it was, or none has been tried. */
const GError *cto_recovery_get_error  (CtoRecovery *self);
/* Stops watching the plan and removes the copy: now, or when a write under way ends. */
void         cto_recovery_discard     (CtoRecovery *self);
/* Stops watching the plan and leaves its copy for the next start, to be
 * offered then: written again now, whether or not the plan has unsaved
 * changes (a save under way may be writing another state of it). Nothing
 * is removed afterwards, not even by cto_recovery_discard(). */
void         cto_recovery_keep        (CtoRecovery *self);
/* A kept copy that is no longer needed, its plan saved after all: removed
 * as cto_recovery_discard() would. cto_recovery_set_file() rewrites a kept
 * copy's note at once, for a copy whose plan was saved but has changed since. */
void         cto_recovery_forget_kept (CtoRecovery *self);

/* g_get_user_state_dir ()/cto-planner/recovery */
char        *cto_recovery_dup_folder  (void);

G_END_DECLS
