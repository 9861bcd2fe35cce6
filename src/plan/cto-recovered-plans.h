/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cto-plan.h"

G_BEGIN_DECLS

/* The copies that processes no longer running left behind. */
typedef struct _CtoRecoveredPlans CtoRecoveredPlans;

/*
 * Finds the copies of processes that ended without removing them, and
 * holds their locks until freed, so that no other process offers them
 * meanwhile, newest first. Copies that cannot be read are listed too, with
 * the reason, and never removed: they stay for the user to look at.
 *
 * Returns: (transfer full) (nullable): the copies, %NULL when there are none
 */
CtoRecoveredPlans *cto_recovered_plans_claim     (void);
guint              cto_recovered_plans_get_n_items (CtoRecoveredPlans *self);
/* A plan as it was, its history empty; %NULL when the copy cannot be read. */
CtoPlan           *cto_recovered_plans_get_plan  (CtoRecoveredPlans *self,
                                                  guint              position);
/* The file it belongs to, or %NULL when it was never saved. */
GFile             *cto_recovered_plans_get_file  (CtoRecoveredPlans *self,
                                                  guint              position);
const char        *cto_recovered_plans_get_etag  (CtoRecoveredPlans *self,
                                                  guint              position);
/* Whether the copy was left on purpose, by a window closed without waiting
 * for its save (cto_recovery_keep()), rather than by a crash. */
gboolean           cto_recovered_plans_get_kept  (CtoRecoveredPlans *self,
                                                  guint              position);
/* Why the copy cannot be read, or %NULL. */
const GError      *cto_recovered_plans_get_error (CtoRecoveredPlans *self,
                                                  guint              position);
/* Where the copy is. */
const char        *cto_recovered_plans_get_path  (CtoRecoveredPlans *self,
                                                  guint              position);
/* When it was written, in seconds since 1970 (UTC). */
gint64             cto_recovered_plans_get_modified (CtoRecoveredPlans *self,
                                                  guint              position);
/* Removes the copies that can be read from the disk; the others stay. */
void               cto_recovered_plans_delete    (CtoRecoveredPlans *self);
/* Lets go of the copies; those not deleted are found again next time. */
void               cto_recovered_plans_free      (CtoRecoveredPlans *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CtoRecoveredPlans, cto_recovered_plans_free)

G_END_DECLS
