/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "cto-board-pages.h"

G_BEGIN_DECLS

/*
 * What every board page is drawn with: the frame of a page, text in a few
 * styles, the status and warning glyphs, hatching, rules, and the header
 * and footer every page but the title page has.
 */

/*
 * Every size below is in points of the design page, whose short side is 595
 * (A4). A page of another size is drawn scaled by its short side / 595, with
 * the long side giving the room across (see _cto_board_frame_init()).
 */
#define CTO_BOARD_DESIGN_SHORT_SIDE   595.0
#define CTO_BOARD_MARGIN              36.0
#define CTO_BOARD_CONTENT_TOP         92.0
#define CTO_BOARD_CONTENT_BOTTOM      44.0   /* from the bottom edge */

#define CTO_BOARD_FONT_FAMILY         "Cantarell, Noto Sans, DejaVu Sans, sans-serif"

/* A restrained palette; no status is told by colour alone. */
#define CTO_BOARD_COLOR_INK           0x1d2433
#define CTO_BOARD_COLOR_MUTED         0x5b6475
#define CTO_BOARD_COLOR_RULE          0xd5d9e0
#define CTO_BOARD_COLOR_LINE          0x8a93a3
#define CTO_BOARD_COLOR_FAINT         0xf3f5f8
#define CTO_BOARD_COLOR_ZEBRA         0xf7f8fa
#define CTO_BOARD_COLOR_ACCENT        0x2f4b6e
#define CTO_BOARD_COLOR_ACCENT_LIGHT  0xe3e9f1
#define CTO_BOARD_COLOR_WARN          0x9b1c1c
#define CTO_BOARD_COLOR_WARN_LIGHT    0xf7dede
#define CTO_BOARD_COLOR_COVERED       0x2e7d4f
#define CTO_BOARD_COLOR_PARTIAL       0x9a6200
#define CTO_BOARD_COLOR_UNCOVERED     0xb3261e
#define CTO_BOARD_COLOR_EMPTY         0x6b7280
#define CTO_BOARD_COLOR_WHITE         0xffffff

typedef struct
{
  double scale;    /* design points to the caller's units */
  double width;    /* the page in design points */
  double height;
  double left;     /* the content area */
  double right;
  double top;
  double bottom;
} CtoBoardFrame;

typedef struct
{
  double         size;
  PangoWeight    weight;
  PangoStyle     style;
  guint32        color;
  PangoAlignment align;
} CtoBoardStyle;

static const CtoBoardStyle CTO_BOARD_STYLE_PAGE_TITLE = { 20, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, CTO_BOARD_COLOR_INK, PANGO_ALIGN_LEFT };
static const CtoBoardStyle CTO_BOARD_STYLE_SUBTITLE = { 10, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, CTO_BOARD_COLOR_MUTED, PANGO_ALIGN_LEFT };
static const CtoBoardStyle CTO_BOARD_STYLE_FOOTER = { 7.5, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, CTO_BOARD_COLOR_MUTED, PANGO_ALIGN_LEFT };
static const CtoBoardStyle CTO_BOARD_STYLE_FOOTER_RIGHT = { 7.5, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, CTO_BOARD_COLOR_MUTED, PANGO_ALIGN_RIGHT };
static const CtoBoardStyle CTO_BOARD_STYLE_LABEL = { 7.5, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, CTO_BOARD_COLOR_MUTED, PANGO_ALIGN_LEFT };
static const CtoBoardStyle CTO_BOARD_STYLE_LABEL_RIGHT = { 7.5, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, CTO_BOARD_COLOR_MUTED, PANGO_ALIGN_RIGHT };
static const CtoBoardStyle CTO_BOARD_STYLE_LABEL_CENTER = { 7.5, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, CTO_BOARD_COLOR_MUTED, PANGO_ALIGN_CENTER };
static const CtoBoardStyle CTO_BOARD_STYLE_BODY = { 9, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, CTO_BOARD_COLOR_INK, PANGO_ALIGN_LEFT };
static const CtoBoardStyle CTO_BOARD_STYLE_BODY_RIGHT = { 9, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, CTO_BOARD_COLOR_INK, PANGO_ALIGN_RIGHT };
static const CtoBoardStyle CTO_BOARD_STYLE_BODY_BOLD = { 9, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, CTO_BOARD_COLOR_INK, PANGO_ALIGN_LEFT };
static const CtoBoardStyle CTO_BOARD_STYLE_BODY_BOLD_RIGHT = { 9, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, CTO_BOARD_COLOR_INK, PANGO_ALIGN_RIGHT };
static const CtoBoardStyle CTO_BOARD_STYLE_WARN = { 9, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, CTO_BOARD_COLOR_WARN, PANGO_ALIGN_LEFT };
static const CtoBoardStyle CTO_BOARD_STYLE_NOTE = { 9, PANGO_WEIGHT_NORMAL, PANGO_STYLE_ITALIC, CTO_BOARD_COLOR_MUTED, PANGO_ALIGN_LEFT };
static const CtoBoardStyle CTO_BOARD_STYLE_SMALL = { 8, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, CTO_BOARD_COLOR_MUTED, PANGO_ALIGN_LEFT };

/* One page of the board pages, as the pagination leaves it. */
typedef struct
{
  CtoBoardPageKind kind;
  guint            nth;     /* among the pages of its kind */
  guint            count;
  guint            first;   /* a range of the kind's items on this page */
  guint            last;
  gpointer         detail;  /* the kind's own, freed with g_free() */
} CtoBoardPage;

/* What draws one page. */
typedef struct
{
  PangoContext       *pango;
  cairo_t            *cr;
  CtoBoardFrame       frame;
  CtoAnalysis        *analysis;
  GDateTime          *date;
  const CtoBoardPage *page;
  gpointer            state;    /* of the page's kind, from its paginate() */
  guint               number;   /* from 0 */
  guint               n_pages;
  gboolean            alone;    /* a page on its own: no page number */
  const char         *title;    /* "People and load (2 of 3)" */
  GString            *text;     /* when set, every string drawn, one a line */
} CtoBoardPainter;

void         _cto_board_set_color            (cairo_t             *cr,
                                              guint32              rgb);
guint32      _cto_board_status_color         (CtoCoverage          status);
/* Plan text as Pango and every surface take it, on one line (see the .c). */
char        *_cto_board_clean_text           (const char          *text);
/* A layout for @text in @width (0: unbounded) on at most @lines lines, the
 * last one ellipsized. */
PangoLayout *_cto_board_make_layout          (PangoContext        *pango,
                                              const CtoBoardStyle *style,
                                              const char          *text,
                                              double               width,
                                              int                  lines);
/* Draws @text with its top left at (@x, @y); returns the height it took. */
double       _cto_board_draw_text            (CtoBoardPainter     *p,
                                              const CtoBoardStyle *style,
                                              const char          *text,
                                              double               x,
                                              double               y,
                                              double               width,
                                              int                  lines);
/* Draws @text as _cto_board_draw_text () does, and gives the page's text
 * @said in its place: for what reads only with what is drawn around it. */
double       _cto_board_draw_text_said       (CtoBoardPainter     *p,
                                              const CtoBoardStyle *style,
                                              const char          *text,
                                              const char          *said,
                                              double               x,
                                              double               y,
                                              double               width,
                                              int                  lines);
/* The width @text takes on one line. */
double       _cto_board_text_width           (CtoBoardPainter     *p,
                                              const CtoBoardStyle *style,
                                              const char          *text);
/* As many of @items as @lines lines of @width hold whole, then how many
 * more there are: "Ana, Bo and 4 more"; never a name cut short. */
char        *_cto_board_fit_list             (CtoBoardPainter     *p,
                                              const CtoBoardStyle *style,
                                              GPtrArray           *items,
                                              double               width,
                                              int                  lines);
/* @text as it fits in @lines lines of @width: while it does not, the
 * longest stretch of the plan's text in it (between Unicode isolates, a
 * title or a name) is cut shorter, ending in "…", so that the words around
 * it stay whole: "Give “Supercal…” (3 h) to Bo — Bo rises to 80%". Cut
 * only where a cursor may stand, never inside an escape; when even short
 * titles and names leave the words around them too long, @text as it was. */
char        *_cto_board_fit_isolated         (PangoContext        *pango,
                                              const CtoBoardStyle *style,
                                              const char          *text,
                                              double               width,
                                              int                  lines);
void         _cto_board_rounded_rectangle    (cairo_t             *cr,
                                              double               x,
                                              double               y,
                                              double               width,
                                              double               height,
                                              double               radius);
void         _cto_board_draw_status_glyph    (cairo_t             *cr,
                                              CtoCoverage          status,
                                              double               cx,
                                              double               cy,
                                              double               r);
void         _cto_board_draw_warning_glyph   (cairo_t             *cr,
                                              double               cx,
                                              double               cy,
                                              double               size,
                                              guint32              color);
void         _cto_board_draw_hatched         (cairo_t             *cr,
                                              double               x,
                                              double               y,
                                              double               width,
                                              double               height);
/* The heading of a section of a page that flows in columns, with a rule
 * under it; "(continued)" where a column goes on with it. */
#define CTO_BOARD_SECTION_HEADING_H 28.0
void         _cto_board_draw_section_heading (CtoBoardPainter     *p,
                                              const char          *text,
                                              gboolean             continued,
                                              double               x,
                                              double               y,
                                              double               width);
void         _cto_board_hline                (cairo_t             *cr,
                                              double               x0,
                                              double               x1,
                                              double               y,
                                              double               width,
                                              guint32              color);
void         _cto_board_vline                (cairo_t             *cr,
                                              double               x,
                                              double               y0,
                                              double               y1,
                                              double               width,
                                              guint32              color);

void         _cto_board_frame_init           (CtoBoardFrame       *frame,
                                              double               width,
                                              double               height);
double       _cto_board_frame_content_width  (const CtoBoardFrame *frame);
double       _cto_board_frame_content_height (const CtoBoardFrame *frame);

/* The page's title and @subtitle on top, the plan, date and page number at the foot. */
void         _cto_board_draw_header          (CtoBoardPainter     *p,
                                              const char          *subtitle);
void         _cto_board_draw_footer          (CtoBoardPainter     *p);

G_END_DECLS
