/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "cto-analysis.h"

G_BEGIN_DECLS

/*
 * The board report as Markdown (CommonMark with GitHub's tables): the
 * sections of the board pages, dated @date. Plan text is escaped, so that
 * no name or title can start a heading, a link, a table cell or raw HTML.
 *
 * Returns: (transfer full): the text; @length (may be %NULL) gets its length.
 */
char *cto_report_markdown (CtoAnalysis *analysis,
                           GDateTime   *date,
                           gsize       *length);

/* The same, with a "Since the last plan" section after the title comparing
 * with @baseline, when it is not %NULL. */
char *cto_report_markdown_with_baseline (CtoAnalysis *analysis,
                                         CtoPlan     *baseline,
                                         GDateTime   *date,
                                         gsize       *length);

G_END_DECLS
