/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cto-analysis.h"

G_BEGIN_DECLS

#define CTO_TYPE_COVERAGE_TILE (cto_coverage_tile_get_type ())
G_DECLARE_FINAL_TYPE (CtoCoverageTile, cto_coverage_tile, CTO, COVERAGE_TILE, GtkToggleButton)

/* A tile of the coverage strip; activating it shows only @function's responsibilities. */
GtkWidget   *cto_coverage_tile_new          (CtoFunction              function);
CtoFunction  cto_coverage_tile_get_function (CtoCoverageTile         *self);
void         cto_coverage_tile_update       (CtoCoverageTile         *self,
                                             const CtoFunctionReport *report);

G_END_DECLS
