/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * Days of the calendar as plans write them: "YYYY-MM-DD" (PLAN-FORMAT.md,
 * sections 2 and 6). Days are calendar days, with no time and no zone.
 */

/* Reads exactly "YYYY-MM-DD" naming a real day; FALSE for anything else. */
gboolean  cto_date_parse      (const char  *text,
                               GDate       *date);
/* "YYYY-MM-DD". Free with g_free(). */
char     *cto_date_to_string  (const GDate *date);
/* Today in UTC, or the day SOURCE_DATE_EPOCH names when it is set. */
void      cto_date_get_today  (GDate       *date);
/* The day in words for people, "1 April 2027", translated. Free with g_free(). */
char     *cto_date_format_long (const GDate *date);
/* The same, with the month cut short where room is short, "1 Apr 2027". */
char     *cto_date_format_short (const GDate *date);
/* The first day of the calendar quarter holding @date. */
void      cto_date_get_quarter_start (const GDate *date,
                                      GDate       *start);

G_END_DECLS
