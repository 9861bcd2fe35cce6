/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "cto-analysis.h"

G_BEGIN_DECLS

/*
 * Figures as people read them, the same in the window, on the board pages,
 * in the Markdown and HTML reports and in the command line's text
 * (PLAN-FORMAT.md section 4): hours and FTE to at most two decimals without
 * trailing zeros, percentages as whole numbers. CSV and JSON keep exact
 * numbers and do not come here.
 */

/* Rounded half away from zero to at most @max_decimals, in the locale's
 * digits, without trailing zeros and never "-0"; "—" when not finite. */
char *cto_report_format_number      (double                 value,
                                     guint                  max_decimals);
/* Hours or FTE as a bare number: "6", "2.5", "0.13". */
char *cto_report_format_decimal     (double                 value);
/* "6 h", "0.25 h" */
char *cto_report_format_hours       (double                 hours);
/* "0.13 FTE" */
char *cto_report_format_fte         (double                 fte);
/* A hiring gap, in hours and full-time equivalents: "5 h (0.13 FTE)" */
char *cto_report_format_gap         (double                 hours,
                                     double                 fte);
/* A fraction as a whole percentage: 1.333 → "133%". */
char *cto_report_format_percent     (double                 fraction);
/* A person's utilization (load / capacity): "133%", or "no capacity" when
 * the capacity is 0 and the load is not. */
char *cto_report_format_utilization (const CtoPersonReport *report);
/* What cto_report_format_utilization() says of a load without capacity
 * (PLAN-FORMAT.md, section 3: unbounded): "no capacity". */
char *cto_report_format_no_capacity (void);

/* What a person's box or card says of someone not there on @day: "Starts
 * 1 April 2027", "Left 1 January 2027"; %NULL when they are there then
 * (PLAN-FORMAT.md, section 6). */
char *cto_report_format_absence     (CtoPerson             *person,
                                     const GDate           *day);
/* A person's dates as their card says them: "Starts 1 April 2027",
 * "Leaves 1 July 2028" (the first day no longer there), both joined by
 * " · "; %NULL when they have none. */
char *cto_report_format_dates       (CtoPerson             *person);
/* @person's report as a person's box or card shows it: in @as_of, an
 * analysis of the plan as of a day, when given; in @analysis, the whole
 * plan's, otherwise. %NULL when they are not there on that day, with
 * @absence set to cto_report_format_absence()'s text; @absence is %NULL
 * otherwise. */
const CtoPersonReport *
      cto_report_person_as_of       (CtoAnalysis           *analysis,
                                     CtoAnalysis           *as_of,
                                     CtoPerson             *person,
                                     char                 **absence);

/* Lists in sentences: items joined with ", ", and a list cut short ends
 * with how many more there are: "Ana, Bo, Cy and 4 more". */
void  cto_report_format_append_item (GString               *list,
                                     const char            *item);
/* @list, the first items of one too long to show whole, followed by how
 * many more there are; @list alone when @n_more is 0. */
char *cto_report_format_more        (const char            *list,
                                     guint                  n_more);

G_END_DECLS
