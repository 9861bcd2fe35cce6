/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cto-board-pages.h"

G_BEGIN_DECLS

/*
 * The board pages as a PowerPoint presentation (PPTX, Office Open XML): one
 * slide per page, the slide A4 landscape, the page on it as an SVG picture
 * with a PNG of the same picture for programs that do not read SVG, the
 * page's title as the slide's title (behind the picture), and all of the
 * page's text in the slide's notes.
 */
GBytes *cto_export_pptx (CtoBoardPages  *pages,
                         GError        **error);

G_END_DECLS
