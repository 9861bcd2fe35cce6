/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "cto-plan.h"

G_BEGIN_DECLS

#define CTO_TYPE_HISTORY (cto_history_get_type ())
G_DECLARE_FINAL_TYPE (CtoHistory, cto_history, CTO, HISTORY, GObject)

gboolean    cto_history_get_can_undo    (CtoHistory *self);
gboolean    cto_history_get_can_redo    (CtoHistory *self);
/* A short translated description of the step undo would take back, or %NULL. */
const char *cto_history_get_undo_label  (CtoHistory *self);
const char *cto_history_get_redo_label  (CtoHistory *self);
void        cto_history_undo            (CtoHistory *self);
void        cto_history_redo            (CtoHistory *self);

/*
 * Edits between begin and end become one step. Groups nest; the outermost
 * label names the step. An empty group records nothing.
 */
void        cto_history_begin_group     (CtoHistory *self,
                                         const char *label);
void        cto_history_end_group       (CtoHistory *self);

/* Whether the plan differs from the state last marked saved. */
gboolean    cto_history_get_modified    (CtoHistory *self);
void        cto_history_mark_saved      (CtoHistory *self);
/*
 * Which state the plan is in: the same number again after undo or redo
 * back to it, and never that of another state. Marked saved, the plan is
 * modified whenever it is in another state: for a copy written while the
 * plan was edited further.
 */
guint       cto_history_get_state       (CtoHistory *self);
void        cto_history_mark_saved_state (CtoHistory *self,
                                          guint       state);
/*
 * The plan differs from every state the history knows as saved, as a copy
 * kept from unsaved changes does: modified until the next mark_saved.
 */
void        cto_history_mark_unsaved    (CtoHistory *self);
/* Forgets every step; the current state counts as saved. */
void        cto_history_clear           (CtoHistory *self);

G_END_DECLS
