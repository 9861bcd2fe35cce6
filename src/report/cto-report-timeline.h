/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "cto-json-writer.h"
#include "cto-timeline.h"

G_BEGIN_DECLS

/* The object of `cto-planner --timeline --json` (PLAN-FORMAT.md, section 6),
 * one trailing newline. Free with g_free(). */
char *cto_report_timeline_json          (CtoTimeline   *timeline);
/* Its members ("quarters"), written into the object open in @w. */
void  cto_report_timeline_write_members (CtoJsonWriter *w,
                                         CtoTimeline   *timeline);
/* The eight quarters for people to read in a terminal, as
 * `cto-planner --timeline` prints them. Free with g_free(). */
char *cto_report_timeline_text          (CtoTimeline   *timeline);

G_END_DECLS
