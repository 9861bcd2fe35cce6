/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "cto-board-pages.h"
#include "cto-board-pages-private.h"
#include "cto-board-painter-private.h"

G_BEGIN_DECLS

/*
 * A kind of board page: how it is cut into pages at a page size, and how
 * each of its pages is drawn. CtoBoardPages goes through the kinds in the
 * order of CtoBoardPageKind; a new page is a new kind in a file of its own
 * and one line in the table of cto-board-pages.c.
 */

/* What pagination works with: every page so far, of every kind. */
typedef struct
{
  CtoAnalysis      *analysis;
  GDateTime        *date;      /* the pages' date */
  CtoPlan          *baseline;  /* the plan compared with, or %NULL */
  PangoContext     *pango;
  CtoBoardFrame     frame;
  GArray           *pages;   /* CtoBoardPage */
  CtoBoardPageKind  kind;    /* of the pages being added */
} CtoBoardPagination;

/* Adds a page of the kind being paginated, with @detail_size bytes of
 * detail (zeroed), and returns it; valid until the next page is added. */
CtoBoardPage *_cto_board_pagination_add_page (CtoBoardPagination *pagination,
                                              gsize               detail_size);

/*
 * Blocks that flow down the columns of a page, then onto further pages,
 * some of them headings of the blocks after them. A heading never ends a
 * column: it goes with the block after it. A block that goes on in the next
 * column under a heading repeats it on top. When the rest fits in the
 * columns left on the page, they share it evenly instead of the first
 * filling up.
 */
#define CTO_BOARD_FLOW_MAX_COLUMNS 2

/* The height of @item, a block of the flow, and whether it is a heading. */
typedef double (*CtoBoardFlowMeasure) (gconstpointer  item,
                                       gboolean      *heading);

typedef struct
{
  guint first;   /* the blocks from first to last − 1 */
  guint last;
  int   carry;   /* the heading to repeat on top, or -1 */
} CtoBoardFlowColumn;

/* The detail of each page _cto_board_pagination_flow() adds. */
typedef struct
{
  CtoBoardFlowColumn columns[CTO_BOARD_FLOW_MAX_COLUMNS];
  guint              n_columns;
} CtoBoardFlowPage;

/* Adds the pages that @items (of at most G_MAXINT) take in @n_columns
 * columns, @first_room high on the first page and the content's height on
 * the others; at least one page. */
void _cto_board_pagination_flow (CtoBoardPagination  *pagination,
                                 GPtrArray           *items,
                                 CtoBoardFlowMeasure  measure,
                                 guint                n_columns,
                                 double               first_room);

typedef struct
{
  CtoBoardPageKind   kind;
  /* The heading of its pages, translated. */
  const char      *(*heading)    (CtoAnalysis        *analysis);
  /* Adds its pages; returns what drawing them needs (its state), or %NULL. */
  gpointer         (*paginate)   (CtoBoardPagination *pagination);
  /* Draws painter->page, background aside. */
  void             (*draw)       (CtoBoardPainter    *painter);
  GDestroyNotify     free_state;
} CtoBoardPageKindInfo;

extern const CtoBoardPageKindInfo _cto_board_page_title;
extern const CtoBoardPageKindInfo _cto_board_page_since;
extern const CtoBoardPageKindInfo _cto_board_page_coverage;
extern const CtoBoardPageKindInfo _cto_board_page_people;
extern const CtoBoardPageKindInfo _cto_board_page_matrix;
extern const CtoBoardPageKindInfo _cto_board_page_org_chart;
extern const CtoBoardPageKindInfo _cto_board_page_gaps;
extern const CtoBoardPageKindInfo _cto_board_page_key_person;
extern const CtoBoardPageKindInfo _cto_board_page_hiring;

/* The org chart's boxes on @page (of that kind), in the caller's units
 * (@frame's scale): CtoBoardOrgBox. */
GArray *_cto_board_org_chart_get_boxes (gpointer             state,
                                        const CtoBoardFrame *frame,
                                        const CtoBoardPage  *page);

/* The rows (CtoResponsibility) and columns (CtoPerson) of a matrix page. */
void    _cto_board_matrix_get_page     (gpointer             state,
                                        CtoAnalysis         *analysis,
                                        const CtoBoardPage  *page,
                                        GPtrArray          **rows,
                                        GPtrArray          **columns);

G_END_DECLS
