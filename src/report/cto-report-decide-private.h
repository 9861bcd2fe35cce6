/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "cto-analysis.h"
#include "cto-suggestions.h"

G_BEGIN_DECLS

/*
 * Text helpers shared by the departure and suggestion reports
 * (cto-report-decide-text.c).
 */

/* Plan text made safe for one line of a terminal (PLAN-FORMAT.md, section
 * 8): control characters, bidirectional controls and noncharacters as \u{…}. */
char *_cto_report_decide_safe     (const char *text);
/* A person's name, safe, marked when an open role; between Unicode
 * isolates when @isolate (for text that is laid out, not printed). */
char *_cto_report_decide_name     (CtoPerson  *person,
                                   gboolean    isolate);
/* A responsibility's title, safe, in quotation marks: “Run the cloud”;
 * between Unicode isolates, inside the marks, when @isolate. */
char *_cto_report_decide_title    (CtoResponsibility *responsibility,
                                   gboolean           isolate);
/* cto_report_suggestion_describe() and
 * cto_report_suggestions_unresolved(), with the plan's text between
 * Unicode isolates when @isolate: for the board pages and the HTML report,
 * where it is laid out, and a page can shorten it (_cto_board_fit_isolated()). */
char  *_cto_report_suggestion_describe_full    (CtoSuggestions      *suggestions,
                                                const CtoSuggestion *suggestion,
                                                gboolean             isolate);
char **_cto_report_suggestions_unresolved_full (CtoSuggestions      *suggestions,
                                                gboolean             isolate);
/* "16 h", "2.5 h": at most two decimals. */
char *_cto_report_decide_hours    (double      hours);
/* "0.15": at most two decimals. */
char *_cto_report_decide_number   (double      value);
/* @load of @capacity as "70%"; "no capacity" for a load without capacity. */
char *_cto_report_decide_percent  (double      load,
                                   double      capacity);

G_END_DECLS
