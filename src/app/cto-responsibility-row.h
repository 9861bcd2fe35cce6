/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cto-analysis.h"

G_BEGIN_DECLS

#define CTO_TYPE_RESPONSIBILITY_ROW (cto_responsibility_row_get_type ())
G_DECLARE_FINAL_TYPE (CtoResponsibilityRow, cto_responsibility_row, CTO, RESPONSIBILITY_ROW, GtkBox)

GtkWidget         *cto_responsibility_row_new                (void);
/* Shows @responsibility and follows @analysis until unbound. */
void               cto_responsibility_row_bind               (CtoResponsibilityRow *self,
                                                              CtoResponsibility    *responsibility,
                                                              CtoAnalysis          *analysis);
void               cto_responsibility_row_unbind             (CtoResponsibilityRow *self);
CtoResponsibility *cto_responsibility_row_get_responsibility (CtoResponsibilityRow *self);
/* The heading of a group of rows above this one, or %NULL for none. */
void               cto_responsibility_row_set_header         (CtoResponsibilityRow *self,
                                                              const char           *header);

G_END_DECLS
