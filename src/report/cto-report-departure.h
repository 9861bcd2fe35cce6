/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "cto-departure.h"
#include "cto-json-writer.h"

G_BEGIN_DECLS

/*
 * `cto-planner --summary --json --without ID` (PLAN-FORMAT.md, section 5.1):
 * the object of section 4 for the plan without the person, with the member
 * "without". Free with g_free().
 */
char *cto_report_departure_json          (CtoDeparture  *departure);
/* The member "without" alone, written into the object open in @w. */
void  cto_report_departure_write_member  (CtoJsonWriter *w,
                                          CtoDeparture  *departure);

/*
 * What the departure means, in words, one thing a line: the hours to pick
 * up, what is left unassigned, where the accountable person is lost, each
 * function before → after. The first line is the heading ("If Bo Lin
 * leaves"). For the terminal and the window alike. Free with g_strfreev().
 */
char **cto_report_departure_lines        (CtoDeparture  *departure);

/*
 * `cto-planner --summary --without ID`: those lines, then the analysis of the
 * plan without the person as `--summary` prints it. Free with g_free().
 */
char *cto_report_departure_text          (CtoDeparture  *departure);

G_END_DECLS
