/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cto-analysis.h"

G_BEGIN_DECLS

#define CTO_TYPE_RESPONSIBILITY_ROW (cto_responsibility_row_get_type ())
G_DECLARE_FINAL_TYPE (CtoResponsibilityRow, cto_responsibility_row, CTO, RESPONSIBILITY_ROW, GtkBox)

GtkWidget         *cto_responsibility_row_new                (void);
/* Shows @responsibility and follows @analysis until unbound; who carries
 * it as of a day when @as_of, the analysis of the plan as of that day, is
 * given (see cto_responsibility_row_set_as_of()). With @defer_details the
 * row is made and filled only on cto_responsibility_row_show_details(), and
 * meanwhile keeps the height it will have: a list shows the details of the
 * rows that come into view. */
void               cto_responsibility_row_bind               (CtoResponsibilityRow *self,
                                                              CtoResponsibility    *responsibility,
                                                              CtoAnalysis          *analysis,
                                                              CtoAnalysis          *as_of,
                                                              gboolean              defer_details);
void               cto_responsibility_row_unbind             (CtoResponsibilityRow *self);
/* Shows who carries the responsibility in the plan of @as_of, the plan as
 * of a day, or in the whole plan again for %NULL. Until unbound. */
void               cto_responsibility_row_set_as_of          (CtoResponsibilityRow *self,
                                                              CtoAnalysis          *as_of);
CtoResponsibility *cto_responsibility_row_get_responsibility (CtoResponsibilityRow *self);
void               cto_responsibility_row_show_details       (CtoResponsibilityRow *self);
gboolean           cto_responsibility_row_get_details_shown  (CtoResponsibilityRow *self);
/* Lets go of the widgets that show the row's details, made again when it
 * next shows them: a row no longer needed keeps no more than its heading. */
void               cto_responsibility_row_drop_content       (CtoResponsibilityRow *self);
/* The height kept by a row whose details wait is learnt from the rows laid
 * out with them: a row laid out with its details tells it, and a row bound
 * before takes it up. %TRUE when the row's height changed. */
gboolean           cto_responsibility_row_sync_placeholder   (CtoResponsibilityRow *self);
/* The row's actions (assign, edit, delete) in a menu, for the Menu key,
 * Shift+F10 and a right click: its buttons are no Tab stops. */
void               cto_responsibility_row_popup_menu         (CtoResponsibilityRow *self);
/* That menu, once it was opened; %NULL before. */
GtkWidget         *cto_responsibility_row_get_menu           (CtoResponsibilityRow *self);
/* The heading of a group of rows above this one, or %NULL for none. */
void               cto_responsibility_row_set_header         (CtoResponsibilityRow *self,
                                                              const char           *header);

G_END_DECLS
