/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cto-analysis.h"

G_BEGIN_DECLS

#define CTO_TYPE_COVERAGE_TILE (cto_coverage_tile_get_type ())
G_DECLARE_FINAL_TYPE (CtoCoverageTile, cto_coverage_tile, CTO, COVERAGE_TILE, GtkWidget)

/* A tile of the coverage strip; activating it shows only @function's
 * responsibilities, activating its overload line shows the most overloaded
 * person's card (win.show-person). */
GtkWidget   *cto_coverage_tile_new          (CtoFunction      function);
CtoFunction  cto_coverage_tile_get_function (CtoCoverageTile *self);
/* Says what @analysis says of the tile's function, and who is overloaded. */
void         cto_coverage_tile_update       (CtoCoverageTile *self,
                                             CtoAnalysis     *analysis);
/* One line (for short windows), or the full tile; both keep their height
 * whatever they say. */
void         cto_coverage_tile_set_compact  (CtoCoverageTile *self,
                                             gboolean         compact);
gboolean     cto_coverage_tile_get_compact  (CtoCoverageTile *self);

G_END_DECLS
