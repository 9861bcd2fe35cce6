/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "cto-analysis.h"

G_BEGIN_DECLS

/*
 * The board report as one self-contained HTML page: the sections of the
 * board pages, dated @date, with an inline style sheet and nothing loaded
 * from elsewhere. Every string from the plan is escaped, and the page's
 * content security policy allows no script.
 *
 * Returns: (transfer full): the text; @length (may be %NULL) gets its length.
 */
char *cto_report_html (CtoAnalysis *analysis,
                       GDateTime   *date,
                       gsize       *length);

/* The same, with a "Since the last plan" section after the title comparing
 * with @baseline, when it is not %NULL. */
char *cto_report_html_with_baseline (CtoAnalysis *analysis,
                                     CtoPlan     *baseline,
                                     GDateTime   *date,
                                     gsize       *length);

G_END_DECLS
