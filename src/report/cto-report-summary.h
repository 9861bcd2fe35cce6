/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "cto-analysis.h"
#include "cto-json-writer.h"

G_BEGIN_DECLS

/*
 * The analysis as `cto-planner --summary --json` prints it (PLAN-FORMAT.md,
 * section 4): two-space indentation, one trailing newline. Free with g_free().
 */
char *cto_report_summary_json          (CtoAnalysis   *analysis);
/*
 * The members of that object, written into the object open in @w, for
 * output that adds members to it or nests it.
 */
void  cto_report_summary_write_members (CtoJsonWriter *w,
                                        CtoAnalysis   *analysis);

/*
 * The analysis for people to read in a terminal, as `cto-planner --summary`
 * prints it: translated, one trailing newline. Free with g_free().
 */
char *cto_report_summary_text (CtoAnalysis *analysis);

G_END_DECLS
