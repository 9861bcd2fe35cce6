/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cto-board-pages.h"

G_BEGIN_DECLS

/*
 * The board pages as files, made in memory so that nothing is written
 * until a file is whole. Each page is CTO_BOARD_PAGE_WIDTH ×
 * CTO_BOARD_PAGE_HEIGHT points (A4 landscape).
 */

/* Every page, as vector graphics with the text as text. */
GBytes *cto_report_pdf (CtoBoardPages  *pages,
                        GError        **error);
/* One page (cto_board_pages_find_page() finds the coverage page); a slide
 * of the pack, or with %CTO_BOARD_DRAW_ALONE an image of its own. */
GBytes *cto_report_svg (CtoBoardPages      *pages,
                        guint               page,
                        CtoBoardDrawFlags   flags,
                        GError            **error);
/* One page at @scale pixels per point: 2 gives 1684 × 1190 pixels. */
GBytes *cto_report_png (CtoBoardPages      *pages,
                        guint               page,
                        double              scale,
                        CtoBoardDrawFlags   flags,
                        GError            **error);

G_END_DECLS
