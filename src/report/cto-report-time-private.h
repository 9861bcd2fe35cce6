/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "cto-plan-diff.h"
#include "cto-report-private.h"
#include "cto-timeline.h"

G_BEGIN_DECLS

/*
 * What the "Hiring plan" and "Since the last plan" pages and the sections of
 * the Markdown and HTML reports say, in words, so that they say the same.
 * Plain text, neither markup nor escaped.
 */

/* Hiring plan (PLAN-FORMAT.md, section 6) ------------------------------------ */

const char  *_cto_report_heading_hiring      (void);
/* The eight quarters from the quarter of @date, or %NULL when nobody in the
 * plan has a date (then there is no hiring plan). */
CtoTimeline *_cto_report_hiring_timeline     (CtoAnalysis               *analysis,
                                              GDateTime                 *date);
/* "From 2027 Q1 to 2028 Q4, each quarter as of its first day" */
char        *_cto_report_hiring_subtitle     (CtoTimeline               *timeline);
/* A function in a quarter: "Bus factor 2", and what needs the board's
 * attention, as the coverage page says it: ", overloaded", ", one person"
 * (it rests on one person), ", hires only" (on planned hires alone). */
char        *_cto_report_hiring_function     (const CtoTimelineQuarter  *quarter,
                                              CtoFunction                function);
/* Whether what _cto_report_hiring_function() says needs the board's attention. */
gboolean     _cto_report_hiring_needs_attention (const CtoTimelineQuarter *quarter,
                                                 CtoFunction               function);
/* A quarter's hiring gap, "4 h (0.1 FTE)"; @hours (may be %NULL) gets the hours. */
char        *_cto_report_hiring_gap          (const CtoTimelineQuarter  *quarter,
                                              double                    *hours);
/* "Support lead (open role), Bo Lin" (CtoPerson*), "" when none. */
char        *_cto_report_hiring_names        (GPtrArray                 *people,
                                              gboolean                   isolate);
/* The report's section, nothing when @timeline is %NULL. */
void         _cto_report_write_hiring        (CtoTimeline               *timeline,
                                              CtoReportWriter           *writer);

/* Since the last plan (PLAN-FORMAT.md, section 7) ---------------------------- */

typedef enum
{
  CTO_REPORT_CHANGE_ADDED,
  CTO_REPORT_CHANGE_REMOVED,
  CTO_REPORT_CHANGE_CHANGED,
} CtoReportChangeKind;

/* One person or responsibility added, removed or changed. */
typedef struct
{
  CtoReportChangeKind  kind;
  char                *text;      /* "Added: Data lead (open role)" */
  GPtrArray           *details;   /* char*, "Capacity: 40 h → 12 h", … */
} CtoReportChange;

const char  *_cto_report_heading_since       (void);
/* "Compared with “Acme before”: 2 people added, 1 removed, …" */
char        *_cto_report_since_subtitle      (CtoPlanDiff               *diff);
/* The people (@people) or responsibilities changed, in the order of
 * PLAN-FORMAT.md §7: CtoReportChange; free with g_ptr_array_unref(). */
GPtrArray   *_cto_report_since_changes       (CtoPlanDiff               *diff,
                                              gboolean                   people,
                                              gboolean                   isolate);
/* One fact of a function before and after: "Partly covered → Covered", or
 * "Covered (unchanged)". @fact: 0 status, 1 bus factor, 2 hiring gap,
 * 3 overloaded. *@changed (may be %NULL) says whether it changed. */
#define CTO_REPORT_SINCE_N_FACTS 4
const char  *_cto_report_since_fact_label    (guint                      fact);
char        *_cto_report_since_fact          (CtoPlanDiff               *diff,
                                              CtoFunction                function,
                                              guint                      fact,
                                              gboolean                   glyph,
                                              gboolean                  *changed);
/* The report's section. */
void         _cto_report_write_since         (CtoPlanDiff               *diff,
                                              CtoReportWriter           *writer);

G_END_DECLS
