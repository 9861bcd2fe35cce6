/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "cto-analysis.h"

G_BEGIN_DECLS

/*
 * The page size of the PDF board pack and of the SVG and PNG coverage page:
 * A4 landscape, in points (1/72 inch).
 */
#define CTO_BOARD_PAGE_WIDTH  842.0
#define CTO_BOARD_PAGE_HEIGHT 595.0

typedef enum
{
  CTO_BOARD_PAGE_TITLE,      /* the plan's title and the date */
  CTO_BOARD_PAGE_SINCE,      /* what changed since the baseline plan, when one is set */
  CTO_BOARD_PAGE_COVERAGE,   /* the four functions at a glance */
  CTO_BOARD_PAGE_PEOPLE,     /* load against capacity, one bar per person */
  CTO_BOARD_PAGE_MATRIX,     /* responsibilities by people, with shares */
  CTO_BOARD_PAGE_ORG_CHART,  /* the reporting lines */
  CTO_BOARD_PAGE_GAPS,       /* what the plan leaves open, the hiring gap */
  CTO_BOARD_PAGE_KEY_PERSON, /* what the plan would lose with each person */
  CTO_BOARD_PAGE_HIRING,     /* eight quarters as people start and leave, when any has a date */
} CtoBoardPageKind;

#define CTO_TYPE_BOARD_PAGES (cto_board_pages_get_type ())
G_DECLARE_FINAL_TYPE (CtoBoardPages, cto_board_pages, CTO, BOARD_PAGES, GObject)

/*
 * The board pages of a plan, drawn onto any cairo context: on screen in
 * presentation mode, into PDF, SVG and PNG files, onto printed pages.
 *
 * A page of any size works. The pages are designed for a short side of 595
 * units (A4, in points) and scaled to the short side of the size given, so
 * that text keeps its proportion to the page; the long side decides how much
 * fits across. People, the matrix, the org chart and the gaps continue on
 * further pages when they do not fit on one, so the number of pages depends
 * on the page size. When not everybody fits across the matrix, each page of
 * it has columns only for the people who carry some of its rows. The org
 * chart goes on in pieces, packed onto its pages: a manager whose team is
 * cut off says where it goes on ("Team on page 7", "Team below"), and the
 * piece with the team starts with the manager's box again.
 *
 * The pages follow the analysis: ::changed is emitted after the analysis
 * changes (and when the date changes), when the pages must be drawn again
 * and their number may have changed.
 */
CtoBoardPages     *cto_board_pages_new             (CtoAnalysis   *analysis);
CtoAnalysis       *cto_board_pages_get_analysis    (CtoBoardPages *self);

/* The date the pages bear; today (or SOURCE_DATE_EPOCH) unless set. */
GDateTime         *cto_board_pages_get_date        (CtoBoardPages *self);
/* %NULL goes back to today. */
void               cto_board_pages_set_date        (CtoBoardPages *self,
                                                    GDateTime     *date);

/* The plan the pages compare with on a "Since the last plan" page after
 * the title page (PLAN-FORMAT.md, section 7); %NULL: no such page. */
CtoPlan           *cto_board_pages_get_baseline    (CtoBoardPages *self);
void               cto_board_pages_set_baseline    (CtoBoardPages *self,
                                                    CtoPlan       *baseline_or_null);

/* The number of pages at this page size, in any unit (points, pixels). */
guint              cto_board_pages_get_n_pages     (CtoBoardPages *self,
                                                    double         width,
                                                    double         height);
typedef enum
{
  CTO_BOARD_DRAW_NONE  = 0,
  /* The page stands on its own (an image), out of the pack: its foot
   * gives no page number. */
  CTO_BOARD_DRAW_ALONE = 1 << 0,
} CtoBoardDrawFlags;

/* Draws page @page (from 0) into the rectangle (0, 0, @width, @height) of @cr's
 * user space, background included. The state of @cr is restored afterwards. */
void               cto_board_pages_draw_page       (CtoBoardPages *self,
                                                    cairo_t       *cr,
                                                    double         width,
                                                    double         height,
                                                    guint          page);
void               cto_board_pages_draw_page_full  (CtoBoardPages     *self,
                                                    cairo_t           *cr,
                                                    double             width,
                                                    double             height,
                                                    guint              page,
                                                    CtoBoardDrawFlags  flags);
/* As cto_board_pages_draw_page_full (), and appends to @text, unless NULL,
 * the text it draws, as cto_board_pages_get_page_text () gives it. */
void               cto_board_pages_draw_page_text  (CtoBoardPages     *self,
                                                    cairo_t           *cr,
                                                    double             width,
                                                    double             height,
                                                    guint              page,
                                                    CtoBoardDrawFlags  flags,
                                                    GString           *text);
/* All the text drawn on @page, in drawing order, one line per string drawn
 * (the slides' notes), with the characters no font here draws as they are;
 * %NULL past the last page. Free with g_free(). */
char              *cto_board_pages_get_page_text   (CtoBoardPages *self,
                                                    double         width,
                                                    double         height,
                                                    guint          page);
/* "People and load (2 of 3)", translated. Free with g_free(). */
char              *cto_board_pages_get_page_title  (CtoBoardPages *self,
                                                    double         width,
                                                    double         height,
                                                    guint          page);
CtoBoardPageKind   cto_board_pages_get_page_kind   (CtoBoardPages *self,
                                                    double         width,
                                                    double         height,
                                                    guint          page);
/* The first page of @kind. A kind that has no pages (the hiring plan of a
 * plan without dates, the comparison without a baseline): the page where it
 * would be, the first page of a later kind (or the last page). */
guint              cto_board_pages_find_page       (CtoBoardPages    *self,
                                                    double            width,
                                                    double            height,
                                                    CtoBoardPageKind  kind);

G_END_DECLS
