/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "cto-analysis.h"
#include "cto-report-format.h"

G_BEGIN_DECLS

/*
 * What the board pages, the Markdown and the HTML report say, in words, so
 * that the three say the same. Every string is plain text (neither markup
 * nor escaped); each renderer escapes it for its own format.
 */

/* Unicode isolates (FSI … PDI) around plan text set among other words, so
 * that a right-to-left name does not reorder the words around it. */
#define CTO_REPORT_FSI "\xe2\x81\xa8"
#define CTO_REPORT_PDI "\xe2\x81\xa9"

/* Today, or the time SOURCE_DATE_EPOCH names, for reproducible files. */
GDateTime  *_cto_report_default_date            (void);
/* "5 March 2027" */
char       *_cto_report_format_date             (GDateTime               *date);
/* @text between isolates when @isolate, else a copy. */
char       *_cto_report_isolate                 (const char              *text,
                                                 gboolean                 isolate);

/* The name of the person with @person_id, or the id itself when unknown. */
const char *_cto_report_person_name             (CtoPlan                 *plan,
                                                 const char              *person_id);
/* The assignee's part of the responsibility: "67 %". */
char       *_cto_report_format_share            (CtoResponsibility       *responsibility,
                                                 const CtoAssignment     *assignment);
/* "Bo Lin 67 % (accountable), Ana Pérez 33 %", or "Nobody". */
char       *_cto_report_describe_assignees      (CtoPlan                 *plan,
                                                 CtoResponsibility       *responsibility,
                                                 gboolean                 isolate);
/* The functions a person carries: "Planning, Infrastructure", or "". */
char       *_cto_report_person_functions        (const CtoPersonReport   *report);
/* "44 h of 40 h" */
char       *_cto_report_person_load             (const CtoPersonReport   *report);

/* One line of the coverage page for each function. */
typedef enum
{
  CTO_REPORT_FACT_STATUS,
  CTO_REPORT_FACT_HOURS,
  CTO_REPORT_FACT_COVERED,
  CTO_REPORT_FACT_PEOPLE,
  CTO_REPORT_FACT_BUS_FACTOR,
  CTO_REPORT_FACT_ACCOUNTABLE,
  CTO_REPORT_FACT_OVERLOAD,
  CTO_REPORT_FACT_WAITING,
  CTO_REPORT_FACT_GAP,
} CtoReportFact;

#define CTO_REPORT_N_FACTS 9

const char *_cto_report_fact_get_label          (CtoReportFact            fact);
char       *_cto_report_fact_get_value          (CtoAnalysis             *analysis,
                                                 const CtoFunctionReport *report,
                                                 CtoReportFact            fact,
                                                 gboolean                 isolate);
/* For the facts that are lists of people (who carries a function, who of
 * them is overloaded): their names, as the value gives them; else %NULL.
 * Free with g_ptr_array_unref(). */
GPtrArray  *_cto_report_fact_get_people         (CtoAnalysis             *analysis,
                                                 const CtoFunctionReport *report,
                                                 CtoReportFact            fact,
                                                 gboolean                 isolate);
/* Whether the fact is a warning a board should see (single person, overload, …). */
gboolean    _cto_report_fact_is_warning         (const CtoFunctionReport *report,
                                                 CtoReportFact            fact);

/* The gaps page: one section per kind of gap. */
typedef struct
{
  const char *heading;   /* translated */
  const char *none;      /* translated; what to say when @items is empty */
  GPtrArray  *items;     /* char*, plain text */
} CtoReportSection;

/* The sections of the gaps page after the hiring gap table; free with
 * g_ptr_array_unref(). */
GPtrArray  *_cto_report_gap_sections            (CtoAnalysis             *analysis,
                                                 gboolean                 isolate);

/* Sum of the four functions' hiring gaps. */
double      _cto_report_total_gap_hours         (CtoAnalysis             *analysis);

/* "●", "◐", "○", "◌": a shape for each status, so that no reader depends on colour. */
const char *_cto_report_status_glyph            (CtoCoverage              status);

/* The headings of the board pages, shared by every report. */
const char *_cto_report_heading_coverage        (void);
const char *_cto_report_heading_people          (void);
const char *_cto_report_heading_matrix          (void);
const char *_cto_report_heading_org_chart       (void);
const char *_cto_report_heading_gaps            (void);
/* "Board report · 5 March 2027" */
char       *_cto_report_subtitle                (GDateTime               *date);
/* "7 people (1 open role) · 15 responsibilities · 96 h a week" */
char       *_cto_report_plan_summary            (CtoAnalysis             *analysis);
/* How many of the people are overloaded, in a sentence. */
char       *_cto_report_overloaded_count        (guint                    n_overloaded,
                                                 guint                    n_people);

/*
 * A report as a text document (Markdown, HTML): the builder below says what
 * to write, each format's writer says how.
 */
typedef enum
{
  CTO_REPORT_MARK_NONE,
  CTO_REPORT_MARK_STRONG,
  CTO_REPORT_MARK_WARNING,
  CTO_REPORT_MARK_GOOD,
} CtoReportMark;

typedef struct
{
  const char    *text;
  CtoReportMark  mark;
  guint          indent;   /* levels, in the org chart */
} CtoReportCell;

typedef struct
{
  const char *title;
  gboolean    numeric;     /* right-aligned */
} CtoReportColumn;

typedef struct _CtoReportWriter CtoReportWriter;
struct _CtoReportWriter
{
  void (*title)       (CtoReportWriter       *writer,
                       const char            *title,
                       const char            *subtitle);
  void (*heading)     (CtoReportWriter       *writer,
                       guint                  level,
                       const char            *text);
  void (*paragraph)   (CtoReportWriter       *writer,
                       const char            *text,
                       CtoReportMark          mark);
  /* With @row_headers, the first cell of each row names the row. */
  void (*table_begin) (CtoReportWriter       *writer,
                       const CtoReportColumn *columns,
                       guint                  n_columns,
                       gboolean               row_headers);
  void (*table_row)   (CtoReportWriter       *writer,
                       const CtoReportCell   *cells);
  void (*table_end)   (CtoReportWriter       *writer);
  void (*list_begin)  (CtoReportWriter       *writer);
  void (*list_item)   (CtoReportWriter       *writer,
                       const char            *text);
  void (*list_end)    (CtoReportWriter       *writer);

  /* Whether plan text among other words goes between Unicode isolates. */
  gboolean isolate;
};

void        _cto_report_write_document          (CtoAnalysis             *analysis,
                                                 GDateTime               *date,
                                                 CtoPlan                 *baseline,
                                                 CtoReportWriter         *writer);

G_END_DECLS
