/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-board-pages"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "cto-board-pages.h"
#include "cto-board-pages-private.h"
#include "cto-org-layout.h"
#include "cto-report-private.h"

/*
 * Every size below is in points of the design page, whose short side is 595
 * (A4). A page of another size is drawn scaled by its short side / 595, with
 * the long side giving the room across (see frame_init()).
 */
#define DESIGN_SHORT_SIDE   595.0
#define MARGIN              36.0
#define CONTENT_TOP         92.0
#define CONTENT_BOTTOM      44.0   /* from the bottom edge */

#define FONT_FAMILY         "Cantarell, Noto Sans, DejaVu Sans, sans-serif"

/* People and load */
#define PEOPLE_HEAD_H       34.0
#define PEOPLE_ROW_H        30.0

/* Who carries what */
#define MATRIX_HEAD_H       44.0
#define MATRIX_FUNCTION_H   22.0
#define MATRIX_ROW_H        16.0
#define MATRIX_LEGEND_H     18.0
#define MATRIX_LABEL_W      236.0
#define MATRIX_COLUMN_W     48.0

/* People and load: the key under the bars */
#define PEOPLE_LEGEND_H     20.0

/* Org chart */
#define ORG_BOX_W           132.0
#define ORG_BOX_H           80.0
#define ORG_MORE_H          11.0   /* a head box's line naming where more of the team is */
#define ORG_SIBLING_GAP     10.0
#define ORG_SUBTREE_GAP     18.0
#define ORG_LEVEL_GAP       28.0
#define ORG_NOTE_H          12.0   /* under a box whose team is drawn elsewhere */
#define ORG_ROW_GAP         24.0   /* between pieces of the chart on one page */

/* Gaps */
#define GAPS_COLUMN_GAP     28.0
#define GAPS_HEADING_H      28.0
#define GAPS_ROW_H          18.0
#define GAPS_ITEM_H         16.0   /* one line; each further line adds GAPS_LINE_H */
#define GAPS_LINE_H         11.5
#define GAPS_ITEM_LINES     3

/* A restrained palette; no status is told by colour alone. */
#define COLOR_INK           0x1d2433
#define COLOR_MUTED         0x5b6475
#define COLOR_RULE          0xd5d9e0
#define COLOR_LINE          0x8a93a3
#define COLOR_FAINT         0xf3f5f8
#define COLOR_ZEBRA         0xf7f8fa
#define COLOR_ACCENT        0x2f4b6e
#define COLOR_ACCENT_LIGHT  0xe3e9f1
#define COLOR_WARN          0x9b1c1c
#define COLOR_WARN_LIGHT    0xf7dede
#define COLOR_COVERED       0x2e7d4f
#define COLOR_PARTIAL       0x9a6200
#define COLOR_UNCOVERED     0xb3261e
#define COLOR_EMPTY         0x6b7280
#define COLOR_WHITE         0xffffff

typedef struct
{
  double scale;    /* design points to the caller's units */
  double width;    /* the page in design points */
  double height;
  double left;     /* the content area */
  double right;
  double top;
  double bottom;
} Frame;

typedef enum
{
  MATRIX_FUNCTION,
  MATRIX_RESPONSIBILITY,
  MATRIX_NONE,       /* a function without responsibilities */
} MatrixItemKind;

typedef struct
{
  MatrixItemKind     kind;
  CtoFunction        function;
  CtoResponsibility *responsibility;  /* owned */
} MatrixItem;

typedef enum
{
  GAP_HEADING,
  GAP_ROW,           /* the hiring gap of one function */
  GAP_TOTAL,
  GAP_ITEM,
  GAP_NONE,          /* a section with nothing in it */
} GapItemKind;

typedef struct
{
  GapItemKind  kind;
  int          function;
  char        *text;
  int          lines;      /* of an item, at the column's width */
} GapItem;

typedef struct
{
  guint first;
  guint last;
  int   carry;       /* the heading to repeat on top, or -1 */
} FlowColumn;

/* A piece of the org chart: a manager's reports (or the roots), each with
 * as many levels under them as fit, under a box of the manager (the head).
 * A team too wide for one piece goes on in further pieces, each with the
 * head again. Pieces are packed onto pages in rows, in order. */
typedef struct
{
  int      parent;   /* node of the whole tree shown as the head, or -1 */
  gboolean home;     /* the head is the manager's own box, not a repeat */
  int      more;     /* the next piece of the same team, or -1 */
  GArray  *tops;     /* guint nodes of the whole tree */
  GArray  *depths;   /* guint: levels shown under each top, 1 = the top alone */
  double   width;    /* of its boxes, and of the notes under the last level */
  double   height;
  double   x;        /* in the content area of its page */
  double   y;
  guint    page;
} OrgPage;

/* A box of the org chart as drawn, in design points on its page. */
typedef struct
{
  guint      node;        /* of the whole tree */
  CtoOrgRect rect;
  int        manager;     /* the box drawn above it, or -1 */
  guint      piece;
  gboolean   head;        /* heads a piece: their team (or part of it) is below */
  gboolean   again;       /* a head drawn again; the own box is in another piece */
  int        own_piece;   /* the piece of the person's own box */
  int        team_piece;  /* the piece their team goes on in, or -1 */
  int        more_piece;  /* of a head: the piece with more of the team, or -1 */
} OrgBox;

typedef struct
{
  int      node;
  gboolean home;
} OrgStub;

typedef struct
{
  CtoBoardPageKind kind;
  guint            nth;            /* among the pages of its kind */
  guint            count;
  guint            first;          /* people, matrix items, org chart pieces */
  guint            last;
  guint            column_first;   /* matrix people: a range of matrix_columns */
  guint            column_last;
  guint            band_first;     /* all the matrix columns of these rows */
  guint            band_last;
  FlowColumn       columns[2];     /* gaps */
  guint            n_columns;
} Page;

struct _CtoBoardPages
{
  GObject        parent_instance;

  CtoAnalysis   *analysis;
  GDateTime     *date;
  gboolean       date_set;
  PangoContext  *pango;

  /* The pagination for one page size, in design points. */
  gboolean       valid;
  double         width;
  double         height;
  GArray        *pages;         /* Page */
  GArray        *matrix_items;  /* MatrixItem */
  GArray        *matrix_columns;/* guint: people's positions in the analysis */
  gboolean       matrix_sparse; /* only who carries some of a page's rows has a column */
  GPtrArray     *gap_items;     /* GapItem */
  GPtrArray     *org_pages;     /* OrgPage */
  CtoOrgLayout  *tree;          /* everybody's reporting lines, for structure */
  GArray        *continues_on;  /* int per tree node: the first piece of its team, or -1 */
  GArray        *placed_on;     /* int per tree node: the piece of its own box, or -1 */
  double         load_scale;    /* the utilization at the right end of the bars */
};

typedef struct
{
  CtoBoardPages *self;
  cairo_t       *cr;
  Frame          frame;
  const Page    *page;
  guint          number;        /* from 0 */
  GString       *text;          /* when set, every string drawn, a line each */
} Painter;

typedef struct
{
  double         size;
  PangoWeight    weight;
  PangoStyle     style;
  guint32        color;
  PangoAlignment align;
} Style;

G_DEFINE_FINAL_TYPE (CtoBoardPages, cto_board_pages, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ANALYSIS,
  PROP_DATE,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const Style STYLE_PAGE_TITLE = { 20, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, COLOR_INK, PANGO_ALIGN_LEFT };
static const Style STYLE_SUBTITLE = { 10, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, COLOR_MUTED, PANGO_ALIGN_LEFT };
static const Style STYLE_FOOTER = { 7.5, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, COLOR_MUTED, PANGO_ALIGN_LEFT };
static const Style STYLE_FOOTER_RIGHT = { 7.5, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, COLOR_MUTED, PANGO_ALIGN_RIGHT };
static const Style STYLE_LABEL = { 7.5, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, COLOR_MUTED, PANGO_ALIGN_LEFT };
static const Style STYLE_LABEL_RIGHT = { 7.5, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, COLOR_MUTED, PANGO_ALIGN_RIGHT };
static const Style STYLE_LABEL_CENTER = { 7.5, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, COLOR_MUTED, PANGO_ALIGN_CENTER };
static const Style STYLE_BODY = { 9, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, COLOR_INK, PANGO_ALIGN_LEFT };
static const Style STYLE_BODY_RIGHT = { 9, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, COLOR_INK, PANGO_ALIGN_RIGHT };
static const Style STYLE_BODY_BOLD = { 9, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, COLOR_INK, PANGO_ALIGN_LEFT };
static const Style STYLE_BODY_BOLD_RIGHT = { 9, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, COLOR_INK, PANGO_ALIGN_RIGHT };
static const Style STYLE_WARN = { 9, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, COLOR_WARN, PANGO_ALIGN_LEFT };
static const Style STYLE_NOTE = { 9, PANGO_WEIGHT_NORMAL, PANGO_STYLE_ITALIC, COLOR_MUTED, PANGO_ALIGN_LEFT };
static const Style STYLE_SMALL = { 8, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, COLOR_MUTED, PANGO_ALIGN_LEFT };

/* Drawing ------------------------------------------------------------------ */

static void
set_color (cairo_t *cr,
           guint32  rgb)
{
  cairo_set_source_rgb (cr,
                        ((rgb >> 16) & 0xff) / 255.0,
                        ((rgb >> 8) & 0xff) / 255.0,
                        (rgb & 0xff) / 255.0);
}

static guint32
status_color (CtoCoverage status)
{
  switch (status)
    {
    case CTO_COVERAGE_COVERED:
      return COLOR_COVERED;
    case CTO_COVERAGE_PARTIAL:
      return COLOR_PARTIAL;
    case CTO_COVERAGE_UNCOVERED:
      return COLOR_UNCOVERED;
    case CTO_COVERAGE_EMPTY:
    default:
      return COLOR_EMPTY;
    }
}

/* Plan text as one paragraph: line breaks and other control characters would
 * break the layout's line count. Space at either end would push the text off
 * the line its neighbours start on. */
static char *
clean_text (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c) || c == 0x2028 || c == 0x2029)
        {
          /* "\r\n" is one break: one space. */
          if (out->len == 0 || out->str[out->len - 1] != ' ')
            g_string_append_c (out, ' ');
        }
      else
        {
          g_string_append_unichar (out, c);
        }
    }

  return g_strstrip (g_string_free (out, FALSE));
}

/* A layout for @text in @width (0: unbounded) on at most @lines lines, the
 * last one ellipsized. */
static PangoLayout *
make_layout (CtoBoardPages *self,
             const Style   *style,
             const char    *text,
             double         width,
             int            lines)
{
  PangoLayout *layout = pango_layout_new (self->pango);
  PangoFontDescription *font = pango_font_description_from_string (FONT_FAMILY);
  g_autofree char *clean = clean_text (text != NULL ? text : "");

  pango_font_description_set_size (font, (int) (style->size * PANGO_SCALE));
  pango_font_description_set_weight (font, style->weight);
  pango_font_description_set_style (font, style->style);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);

  /* Left to right around the plan's text; right-to-left names still read
   * right to left inside it. */
  pango_layout_set_auto_dir (layout, FALSE);
  pango_layout_set_alignment (layout, style->align);

  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_height (layout, -MAX (lines, 1));
    }

  pango_layout_set_text (layout, clean, -1);

  return layout;
}

/* Draws @text with its top left at (@x, @y); returns the height it took. */
static double
draw_text (Painter     *p,
           const Style *style,
           const char  *text,
           double       x,
           double       y,
           double       width,
           int          lines)
{
  g_autoptr(PangoLayout) layout = make_layout (p->self, style, text, width, lines);
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  if (p->text != NULL)
    {
      g_string_append (p->text, pango_layout_get_text (layout));
      g_string_append_c (p->text, '\n');
    }

  set_color (p->cr, style->color);
  cairo_move_to (p->cr, x, y);
  pango_cairo_show_layout (p->cr, layout);
  cairo_new_path (p->cr);

  return (double) logical.height / PANGO_SCALE;
}

/* The width @text takes on one line. */
static double
text_width (Painter     *p,
            const Style *style,
            const char  *text)
{
  g_autoptr(PangoLayout) layout = make_layout (p->self, style, text, 0, 1);
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);

  return (double) logical.width / PANGO_SCALE;
}

static void
rounded_rectangle (cairo_t *cr,
                   double   x,
                   double   y,
                   double   width,
                   double   height,
                   double   radius)
{
  radius = MIN (radius, MIN (width, height) / 2);

  cairo_new_path (cr);
  cairo_arc (cr, x + width - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + width - radius, y + height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

/* A shape per status, so that it reads without colour: covered a filled
 * disc with a tick, partly covered a half-filled ring, not covered a ring
 * with a cross, no responsibilities a dashed ring. */
static void
draw_status_glyph (cairo_t     *cr,
                   CtoCoverage  status,
                   double       cx,
                   double       cy,
                   double       r)
{
  cairo_save (cr);
  cairo_new_path (cr);
  set_color (cr, status_color (status));
  cairo_set_line_width (cr, MAX (r / 4, 0.8));
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  switch (status)
    {
    case CTO_COVERAGE_COVERED:
      cairo_arc (cr, cx, cy, r, 0, 2 * G_PI);
      cairo_fill (cr);
      set_color (cr, COLOR_WHITE);
      cairo_move_to (cr, cx - r * 0.45, cy + r * 0.02);
      cairo_line_to (cr, cx - r * 0.1, cy + r * 0.38);
      cairo_line_to (cr, cx + r * 0.5, cy - r * 0.35);
      cairo_stroke (cr);
      break;

    case CTO_COVERAGE_PARTIAL:
      cairo_arc (cr, cx, cy, r - cairo_get_line_width (cr) / 2, 0, 2 * G_PI);
      cairo_stroke (cr);
      cairo_move_to (cr, cx, cy - r);
      cairo_arc_negative (cr, cx, cy, r, -G_PI / 2, G_PI / 2);
      cairo_close_path (cr);
      cairo_fill (cr);
      break;

    case CTO_COVERAGE_UNCOVERED:
      cairo_arc (cr, cx, cy, r - cairo_get_line_width (cr) / 2, 0, 2 * G_PI);
      cairo_stroke (cr);
      cairo_move_to (cr, cx - r * 0.35, cy - r * 0.35);
      cairo_line_to (cr, cx + r * 0.35, cy + r * 0.35);
      cairo_move_to (cr, cx + r * 0.35, cy - r * 0.35);
      cairo_line_to (cr, cx - r * 0.35, cy + r * 0.35);
      cairo_stroke (cr);
      break;

    case CTO_COVERAGE_EMPTY:
    default:
      {
        double dash = r * 0.5;

        cairo_set_dash (cr, &dash, 1, 0);
        cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
        cairo_arc (cr, cx, cy, r - cairo_get_line_width (cr) / 2, 0, 2 * G_PI);
        cairo_stroke (cr);
      }
      break;
    }

  cairo_restore (cr);
}

/* A warning: a triangle with an exclamation mark. */
static void
draw_warning_glyph (cairo_t *cr,
                    double   cx,
                    double   cy,
                    double   size,
                    guint32  color)
{
  double h = size * 0.9;

  cairo_save (cr);
  cairo_new_path (cr);
  set_color (cr, color);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_width (cr, size * 0.12);
  cairo_move_to (cr, cx, cy - h / 2);
  cairo_line_to (cr, cx + size / 2, cy + h / 2);
  cairo_line_to (cr, cx - size / 2, cy + h / 2);
  cairo_close_path (cr);
  cairo_fill_preserve (cr);
  cairo_stroke (cr);

  set_color (cr, COLOR_WHITE);
  cairo_set_line_width (cr, size * 0.13);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_move_to (cr, cx, cy - h * 0.14);
  cairo_line_to (cr, cx, cy + h * 0.18);
  cairo_stroke (cr);
  cairo_arc (cr, cx, cy + h * 0.34, size * 0.07, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_restore (cr);
}

/* Diagonal hatching over a rectangle, for what is over capacity: it reads in
 * greyscale and without telling red from green. */
static void
draw_hatched (cairo_t *cr,
              double   x,
              double   y,
              double   width,
              double   height)
{
  if (width <= 0 || height <= 0)
    return;

  cairo_save (cr);
  cairo_rectangle (cr, x, y, width, height);
  set_color (cr, COLOR_WARN_LIGHT);
  cairo_fill_preserve (cr);
  cairo_clip_preserve (cr);
  set_color (cr, COLOR_WARN);
  cairo_set_line_width (cr, 0.8);
  cairo_stroke (cr);

  cairo_set_line_width (cr, 1.1);
  for (double d = -height; d < width; d += 3.6)
    {
      cairo_move_to (cr, x + d, y + height);
      cairo_line_to (cr, x + d + height, y);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
hline (cairo_t *cr,
       double   x0,
       double   x1,
       double   y,
       double   width,
       guint32  color)
{
  cairo_save (cr);
  set_color (cr, color);
  cairo_set_line_width (cr, width);
  cairo_move_to (cr, x0, y);
  cairo_line_to (cr, x1, y);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
vline (cairo_t *cr,
       double   x,
       double   y0,
       double   y1,
       double   width,
       guint32  color)
{
  cairo_save (cr);
  set_color (cr, color);
  cairo_set_line_width (cr, width);
  cairo_move_to (cr, x, y0);
  cairo_line_to (cr, x, y1);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* Pagination --------------------------------------------------------------- */

static void
frame_init (Frame  *frame,
            double  width,
            double  height)
{
  frame->scale = MIN (width, height) / DESIGN_SHORT_SIDE;
  frame->width = width / frame->scale;
  frame->height = height / frame->scale;
  frame->left = MARGIN;
  frame->right = frame->width - MARGIN;
  frame->top = CONTENT_TOP;
  frame->bottom = frame->height - CONTENT_BOTTOM;
}

static double
frame_content_width (const Frame *frame)
{
  return frame->right - frame->left;
}

static double
frame_content_height (const Frame *frame)
{
  return frame->bottom - frame->top;
}

static void
matrix_item_clear (MatrixItem *item)
{
  g_clear_object (&item->responsibility);
}

static void
gap_item_free (GapItem *item)
{
  g_free (item->text);
  g_free (item);
}

static void
org_page_free (OrgPage *page)
{
  g_array_unref (page->tops);
  g_array_unref (page->depths);
  g_free (page);
}

static void
invalidate (CtoBoardPages *self)
{
  self->valid = FALSE;
  g_array_set_size (self->pages, 0);
  g_array_set_size (self->matrix_items, 0);
  g_array_set_size (self->matrix_columns, 0);
  self->matrix_sparse = FALSE;
  g_ptr_array_set_size (self->gap_items, 0);
  g_ptr_array_set_size (self->org_pages, 0);
  g_clear_object (&self->tree);
  g_array_set_size (self->continues_on, 0);
  g_array_set_size (self->placed_on, 0);
}

static Page *
add_page (CtoBoardPages    *self,
          CtoBoardPageKind  kind)
{
  Page page = { 0 };

  page.kind = kind;
  g_array_append_val (self->pages, page);

  return &g_array_index (self->pages, Page, self->pages->len - 1);
}

static void
paginate_people (CtoBoardPages *self,
                 const Frame   *frame)
{
  guint n_people = cto_analysis_get_n_people (self->analysis);
  guint per_page = MAX (1, (guint) floor ((frame_content_height (frame) - PEOPLE_HEAD_H - PEOPLE_LEGEND_H) /
                                          PEOPLE_ROW_H));
  double highest = 0;

  for (guint i = 0; i < n_people; i++)
    {
      const CtoPersonReport *report = cto_analysis_get_person_nth (self->analysis, i);

      if (!report->utilization_unbounded)
        highest = MAX (highest, report->utilization);
    }
  /* Bars from 0 to at least 150 %, at most 300 %, in steps of 50 %. */
  self->load_scale = CLAMP (ceil (highest * 2) / 2, 1.5, 3.0);

  for (guint first = 0; first < n_people || first == 0; first += per_page)
    {
      Page *page = add_page (self, CTO_BOARD_PAGE_PEOPLE);

      page->first = first;
      page->last = MIN (first + per_page, n_people);
      if (n_people == 0)
        break;
    }
}

/* The least room for titles; narrow pages give a little. */
static double
matrix_label_width (const Frame *frame)
{
  return MIN (MATRIX_LABEL_W, frame_content_width (frame) * 0.34);
}

static double
matrix_item_height (const MatrixItem *item)
{
  return item->kind == MATRIX_FUNCTION ? MATRIX_FUNCTION_H : MATRIX_ROW_H;
}

static void
paginate_matrix (CtoBoardPages *self,
                 const Frame   *frame)
{
  CtoPlan *plan = cto_analysis_get_plan (self->analysis);
  GListModel *responsibilities = cto_plan_get_responsibilities (plan);
  guint n_responsibilities = g_list_model_get_n_items (responsibilities);
  guint n_people = cto_analysis_get_n_people (self->analysis);
  double room = frame_content_height (frame) - MATRIX_HEAD_H - MATRIX_LEGEND_H;
  guint per_page = MAX (1, (guint) floor ((frame_content_width (frame) - matrix_label_width (frame)) /
                                          MATRIX_COLUMN_W));
  g_autoptr(GArray) breaks = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GHashTable) positions = g_hash_table_new (g_str_hash, g_str_equal);
  double used = 0;

  for (guint f = 0; f < CTO_N_FUNCTIONS; f++)
    {
      MatrixItem header = { MATRIX_FUNCTION, (CtoFunction) f, NULL };
      gboolean any = FALSE;

      g_array_append_val (self->matrix_items, header);
      for (guint i = 0; i < n_responsibilities; i++)
        {
          g_autoptr(CtoResponsibility) responsibility = g_list_model_get_item (responsibilities, i);
          MatrixItem row = { MATRIX_RESPONSIBILITY, (CtoFunction) f, NULL };

          if ((guint) cto_responsibility_get_function (responsibility) != f)
            continue;
          row.responsibility = g_steal_pointer (&responsibility);
          g_array_append_val (self->matrix_items, row);
          any = TRUE;
        }
      if (!any)
        {
          MatrixItem none = { MATRIX_NONE, (CtoFunction) f, NULL };

          g_array_append_val (self->matrix_items, none);
        }
    }

  /* Bands of rows that fit a page. A band that starts inside a function
   * repeats its heading; a heading never ends a band. */
  g_array_append_val (breaks, (guint) { 0 });
  for (guint i = 0; i < self->matrix_items->len; i++)
    {
      const MatrixItem *item = &g_array_index (self->matrix_items, MatrixItem, i);
      double height = matrix_item_height (item);
      double need = height;

      if (item->kind == MATRIX_FUNCTION && i + 1 < self->matrix_items->len)
        need += matrix_item_height (&g_array_index (self->matrix_items, MatrixItem, i + 1));

      if (used > 0 && used + need > room)
        {
          g_array_append_val (breaks, i);
          used = item->kind == MATRIX_FUNCTION ? 0 : MATRIX_FUNCTION_H;
        }
      used += height;
    }
  g_array_append_val (breaks, self->matrix_items->len);

  /* When everybody fits across, everybody has a column on every page. When
   * not, the rows of a band have columns only for the people who carry some
   * of them: a hundred people make mostly empty columns otherwise. */
  self->matrix_sparse = n_people > per_page;
  if (self->matrix_sparse)
    {
      for (guint i = 0; i < n_people; i++)
        g_hash_table_insert (positions,
                             (gpointer) cto_person_get_id (cto_analysis_get_person_nth (self->analysis, i)->person),
                             GUINT_TO_POINTER (i + 1));
    }

  for (guint b = 0; b + 1 < breaks->len; b++)
    {
      guint first = g_array_index (breaks, guint, b);
      guint last = g_array_index (breaks, guint, b + 1);
      guint band_first = self->matrix_columns->len;
      guint band_last;

      if (!self->matrix_sparse)
        {
          for (guint i = 0; i < n_people; i++)
            g_array_append_val (self->matrix_columns, i);
        }
      else
        {
          g_autofree gboolean *carries = g_new0 (gboolean, n_people);

          for (guint i = first; i < last; i++)
            {
              const MatrixItem *item = &g_array_index (self->matrix_items, MatrixItem, i);

              if (item->kind != MATRIX_RESPONSIBILITY)
                continue;
              for (guint k = 0; k < cto_responsibility_get_n_assignees (item->responsibility); k++)
                {
                  const CtoAssignment *assignment = cto_responsibility_get_assignee (item->responsibility, k);
                  guint position = GPOINTER_TO_UINT (g_hash_table_lookup (positions, assignment->person));

                  if (position > 0)
                    carries[position - 1] = TRUE;
                }
            }
          for (guint i = 0; i < n_people; i++)
            if (carries[i])
              g_array_append_val (self->matrix_columns, i);
        }
      band_last = self->matrix_columns->len;

      for (guint column = band_first; column < band_last || column == band_first; column += per_page)
        {
          Page *page = add_page (self, CTO_BOARD_PAGE_MATRIX);

          page->first = first;
          page->last = last;
          page->band_first = band_first;
          page->band_last = band_last;
          page->column_first = column;
          page->column_last = MIN (column + per_page, band_last);
          if (band_last == band_first)
            break;
        }
    }
}

/* The boxes of @top's subtree down to @depth levels, under @parent of @layout. */
static void
add_truncated (CtoOrgLayout *tree,
               CtoOrgLayout *layout,
               int           parent,
               guint         top,
               guint         depth)
{
  typedef struct { guint node; int parent; guint level; } Entry;
  g_autoptr(GArray) queue = g_array_new (FALSE, FALSE, sizeof (Entry));
  Entry first = { top, parent, 0 };

  g_array_append_val (queue, first);
  for (guint k = 0; k < queue->len; k++)
    {
      Entry entry = g_array_index (queue, Entry, k);
      guint box = cto_org_layout_add_node (layout, entry.parent, ORG_BOX_W, ORG_BOX_H,
                                           GUINT_TO_POINTER (entry.node + 1));

      if (entry.level + 1 >= depth)
        continue;

      for (guint c = 0; c < cto_org_layout_get_n_children (tree, entry.node); c++)
        {
          Entry child = { cto_org_layout_get_child (tree, entry.node, c), (int) box, entry.level + 1 };

          g_array_append_val (queue, child);
        }
    }
}

/* The height of a piece's head box: one line more when more of the team is
 * in a further piece. */
static double
org_head_height (const OrgPage *page)
{
  return ORG_BOX_H + (page->more >= 0 ? ORG_MORE_H : 0);
}

/* The boxes of one org chart piece: the head, if any, on top; the tops with
 * their subtrees; and @extra_top to try whether it fits. */
static CtoOrgLayout *
org_page_layout (CtoOrgLayout  *tree,
                 const OrgPage *page,
                 int            extra_top,
                 guint          extra_depth)
{
  CtoOrgLayout *layout = cto_org_layout_new ();
  int root = -1;

  cto_org_layout_set_spacing (layout, ORG_SIBLING_GAP, ORG_SUBTREE_GAP, ORG_LEVEL_GAP);

  if (page->parent >= 0)
    root = (int) cto_org_layout_add_node (layout, -1, ORG_BOX_W, org_head_height (page),
                                          GUINT_TO_POINTER ((guint) page->parent + 1));

  for (guint i = 0; i < page->tops->len; i++)
    add_truncated (tree, layout, root, g_array_index (page->tops, guint, i),
                   g_array_index (page->depths, guint, i));

  if (extra_top >= 0)
    add_truncated (tree, layout, root, (guint) extra_top, extra_depth);

  return layout;
}

typedef struct
{
  CtoOrgLayout *tree;
  double        max_width;
  guint         max_columns;
} OrgFit;

/* Whether @page with @top's subtree down to @depth levels fits across. */
static gboolean
org_fits (const OrgFit  *fit,
          const OrgPage *page,
          guint          top,
          guint          depth)
{
  g_autoptr(GArray) level = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(CtoOrgLayout) layout = NULL;
  guint count = 1;
  double width;

  /* More boxes on one level than fit across never fit: a quick no. */
  g_array_append_val (level, top);
  for (guint d = 1; d < depth && level->len > 0; d++)
    {
      g_autoptr(GArray) next = g_array_new (FALSE, FALSE, sizeof (guint));

      for (guint i = 0; i < level->len; i++)
        {
          guint node = g_array_index (level, guint, i);

          for (guint c = 0; c < cto_org_layout_get_n_children (fit->tree, node); c++)
            {
              guint child = cto_org_layout_get_child (fit->tree, node, c);

              g_array_append_val (next, child);
            }
        }
      if (next->len > fit->max_columns)
        return FALSE;
      g_array_unref (level);
      level = g_steal_pointer (&next);
      count = level->len;
    }
  if (count > fit->max_columns)
    return FALSE;

  layout = org_page_layout (fit->tree, page, (int) top, depth);
  cto_org_layout_get_size (layout, &width, NULL);

  return width <= fit->max_width + 1e-6;
}

/* Lays the pieces of the org chart out in rows, in order, as many rows on a
 * page as fit; each row centred. */
static void
pack_org (CtoBoardPages *self,
          const Frame   *frame)
{
  double width = frame_content_width (frame);
  double height = frame_content_height (frame);
  Page *page = NULL;
  double x = 0;
  double row_y = 0;
  double row_h = 0;
  guint row_first = 0;

  for (guint i = 0; i <= self->org_pages->len; i++)
    {
      OrgPage *org = i < self->org_pages->len ? g_ptr_array_index (self->org_pages, i) : NULL;
      gboolean beside = org != NULL && page != NULL && i > row_first &&
                        x + ORG_ROW_GAP + org->width <= width && row_y + org->height <= height;

      if (beside)
        {
          org->x = x + ORG_ROW_GAP;
          org->y = row_y;
          org->page = self->pages->len - 1;
          x = org->x + org->width;
          row_h = MAX (row_h, org->height);
          page->last = i + 1;
          continue;
        }

      /* Centre the row that is full. */
      for (guint k = row_first; k < i; k++)
        ((OrgPage *) g_ptr_array_index (self->org_pages, k))->x += (width - x) / 2;

      if (org == NULL)
        break;

      if (page != NULL && row_y + row_h + ORG_ROW_GAP + org->height <= height)
        {
          row_y += row_h + ORG_ROW_GAP;
        }
      else
        {
          page = add_page (self, CTO_BOARD_PAGE_ORG_CHART);
          page->first = i;
          row_y = 0;
        }

      org->x = 0;
      org->y = row_y;
      org->page = self->pages->len - 1;
      x = org->width;
      row_h = org->height;
      row_first = i;
      page->last = i + 1;
    }
}

/* Whether @top alone, down to @depth levels, fits across a piece under @parent. */
static gboolean
org_fits_alone (const OrgFit *fit,
                int           parent,
                guint         top,
                guint         depth)
{
  OrgPage alone = { 0 };
  gboolean fits;

  alone.parent = parent;
  alone.more = -1;
  alone.tops = g_array_new (FALSE, FALSE, sizeof (guint));
  alone.depths = g_array_new (FALSE, FALSE, sizeof (guint));
  fits = org_fits (fit, &alone, top, depth);
  g_array_unref (alone.tops);
  g_array_unref (alone.depths);

  return fits;
}

/*
 * Cuts the reporting lines into pieces that fit a page: from the top of the
 * organisation down, each piece a manager's team (the roots first) with as
 * many levels under each report as fit across and down. A report whose own
 * team is cut off gets a note where it goes on; that team becomes a piece
 * of its own under the manager's box drawn again. A root whose team does
 * not fit beside it at all heads its team's piece with its own box.
 */
static void
paginate_org (CtoBoardPages *self,
              const Frame   *frame)
{
  CtoPlan *plan = cto_analysis_get_plan (self->analysis);
  CtoOrgLayout *tree;
  guint n_nodes;
  g_autoptr(GArray) levels = NULL;
  g_autoptr(GArray) stubs = g_array_new (FALSE, FALSE, sizeof (OrgStub));
  OrgStub roots = { -1, FALSE };
  OrgFit fit;
  guint max_levels;

  self->tree = tree = cto_org_layout_new ();
  cto_org_layout_add_plan (tree, plan, ORG_BOX_W, ORG_BOX_H);
  n_nodes = cto_org_layout_get_n_nodes (tree);

  /* Managers are added before their reports: the levels of every subtree
   * from the last node back. */
  levels = g_array_new (FALSE, TRUE, sizeof (guint));
  g_array_set_size (levels, n_nodes);
  for (guint k = n_nodes; k > 0; k--)
    {
      guint node = k - 1;
      guint most = 0;

      for (guint c = 0; c < cto_org_layout_get_n_children (tree, node); c++)
        most = MAX (most, g_array_index (levels, guint, cto_org_layout_get_child (tree, node, c)));
      g_array_index (levels, guint, node) = most + 1;
    }

  g_array_set_size (self->continues_on, n_nodes);
  g_array_set_size (self->placed_on, n_nodes);
  for (guint i = 0; i < n_nodes; i++)
    g_array_index (self->continues_on, int, i) = g_array_index (self->placed_on, int, i) = -1;

  fit.tree = tree;
  fit.max_width = frame_content_width (frame);
  fit.max_columns = MAX (1, (guint) floor ((fit.max_width + ORG_SIBLING_GAP) / (ORG_BOX_W + ORG_SIBLING_GAP)));
  max_levels = MAX (1, (guint) floor ((frame_content_height (frame) - ORG_NOTE_H - ORG_MORE_H + ORG_LEVEL_GAP) /
                                      (ORG_BOX_H + ORG_LEVEL_GAP)));

  /* A stub is a manager whose reports go in pieces of their own (-1: the
   * roots). Stubs are taken in the order they appear, so the pieces go from
   * the top of the organisation down. */
  g_array_append_val (stubs, roots);
  for (guint s = 0; s < stubs->len; s++)
    {
      OrgStub stub = g_array_index (stubs, OrgStub, s);
      int parent = stub.node;
      guint n_children = parent < 0 ? cto_org_layout_get_n_roots (tree)
                                    : cto_org_layout_get_n_children (tree, (guint) parent);
      guint room = max_levels > 1 && parent >= 0 ? max_levels - 1 : max_levels;
      guint next = 0;
      OrgPage *previous = NULL;

      if (parent >= 0)
        g_array_index (self->continues_on, int, parent) = (int) self->org_pages->len;
      if (stub.home)
        g_array_index (self->placed_on, int, parent) = (int) self->org_pages->len;

      do
        {
          OrgPage *org = g_new0 (OrgPage, 1);

          org->parent = parent;
          org->home = stub.home && previous == NULL;
          org->more = -1;
          org->tops = g_array_new (FALSE, FALSE, sizeof (guint));
          org->depths = g_array_new (FALSE, FALSE, sizeof (guint));

          while (next < n_children)
            {
              guint child = parent < 0 ? cto_org_layout_get_root (tree, next)
                                       : cto_org_layout_get_child (tree, (guint) parent, next);
              guint want = MIN (g_array_index (levels, guint, child), room);
              guint depth = want;

              while (depth > 0 && !org_fits (&fit, org, child, depth))
                depth--;

              if (depth == 0)
                {
                  if (org->tops->len > 0)
                    break;
                  depth = 1;  /* a single box always goes in a piece */
                }
              else if (depth < want && org->tops->len > 0 &&
                       org_fits_alone (&fit, parent, child, depth + 1))
                {
                  /* It shows more in a piece of its own: it goes there. */
                  break;
                }
              else if (depth == 1 && want > 1 && parent < 0)
                {
                  /* A root whose reports do not fit under it: its own box
                   * heads their piece. */
                  OrgStub home = { (int) child, TRUE };

                  g_array_append_val (stubs, home);
                  next++;
                  continue;
                }

              g_array_append_val (org->tops, child);
              g_array_append_val (org->depths, depth);
              next++;
            }

          /* Roots that all head pieces of their own leave no piece of roots. */
          if (org->tops->len == 0 && n_children > 0)
            {
              org_page_free (org);
              break;
            }

          /* Who is in this piece, and whose reports go in later pieces. */
          for (guint t = 0; t < org->tops->len; t++)
            {
              typedef struct { guint node; guint level; } Entry;
              g_autoptr(GArray) queue = g_array_new (FALSE, FALSE, sizeof (Entry));
              Entry top = { g_array_index (org->tops, guint, t), 0 };
              guint depth = g_array_index (org->depths, guint, t);

              g_array_append_val (queue, top);
              for (guint k = 0; k < queue->len; k++)
                {
                  Entry entry = g_array_index (queue, Entry, k);
                  guint n = cto_org_layout_get_n_children (tree, entry.node);

                  g_array_index (self->placed_on, int, entry.node) = (int) self->org_pages->len;
                  if (n > 0 && entry.level + 1 == depth)
                    {
                      OrgStub team = { (int) entry.node, FALSE };

                      g_array_append_val (stubs, team);
                      continue;
                    }
                  for (guint c = 0; c < n && entry.level + 1 < depth; c++)
                    {
                      Entry report = { cto_org_layout_get_child (tree, entry.node, c), entry.level + 1 };

                      g_array_append_val (queue, report);
                    }
                }
            }

          if (previous != NULL)
            previous->more = (int) self->org_pages->len;
          previous = org;
          g_ptr_array_add (self->org_pages, org);
        }
      while (next < n_children);
    }

  /* The sizes, now that every head knows whether its team goes on. */
  for (guint i = 0; i < self->org_pages->len; i++)
    {
      OrgPage *org = g_ptr_array_index (self->org_pages, i);
      g_autoptr(CtoOrgLayout) layout = org_page_layout (tree, org, -1, 0);

      cto_org_layout_get_size (layout, &org->width, &org->height);
      org->height += ORG_NOTE_H;
    }

  pack_org (self, frame);
}

static double
gap_item_height (const GapItem *item)
{
  switch (item->kind)
    {
    case GAP_HEADING:
      return GAPS_HEADING_H;
    case GAP_ROW:
    case GAP_TOTAL:
      return GAPS_ROW_H;
    case GAP_ITEM:
    case GAP_NONE:
    default:
      return GAPS_ITEM_H + (MAX (item->lines, 1) - 1) * GAPS_LINE_H;
    }
}

static void
add_gap_item (CtoBoardPages *self,
              GapItemKind    kind,
              int            function,
              const char    *text)
{
  GapItem *item = g_new0 (GapItem, 1);

  item->kind = kind;
  item->function = function;
  item->text = g_strdup (text);
  g_ptr_array_add (self->gap_items, item);
}

static guint
gaps_columns (const Frame *frame)
{
  return frame_content_width (frame) >= 640 ? 2 : 1;
}

static double
gaps_column_width (const Frame *frame)
{
  guint n_columns = gaps_columns (frame);

  return (frame_content_width (frame) - (n_columns - 1) * GAPS_COLUMN_GAP) / n_columns;
}

static void
paginate_gaps (CtoBoardPages *self,
               const Frame   *frame)
{
  g_autoptr(GPtrArray) sections = _cto_report_gap_sections (self->analysis, TRUE);
  double room = frame_content_height (frame);
  guint n_columns = gaps_columns (frame);
  Page *page;
  guint column = 0;
  double used = 0;
  int heading = -1;

  double item_width = gaps_column_width (frame) - 14;
  g_autofree double *left = NULL;
  double target;

  add_gap_item (self, GAP_HEADING, -1, _("Hiring gap"));
  for (guint f = 0; f < CTO_N_FUNCTIONS; f++)
    add_gap_item (self, GAP_ROW, (int) f, NULL);
  add_gap_item (self, GAP_TOTAL, -1, NULL);

  for (guint s = 0; s < sections->len; s++)
    {
      CtoReportSection *section = g_ptr_array_index (sections, s);

      add_gap_item (self, GAP_HEADING, -1, section->heading);
      if (section->items->len == 0)
        add_gap_item (self, GAP_NONE, -1, section->none);
      for (guint i = 0; i < section->items->len; i++)
        add_gap_item (self, GAP_ITEM, -1, g_ptr_array_index (section->items, i));
    }

  /* Long items wrap, up to a few lines: measured here, since text is
   * measured the same at any scale (no hinting). */
  for (guint i = 0; i < self->gap_items->len; i++)
    {
      GapItem *item = g_ptr_array_index (self->gap_items, i);
      g_autoptr(PangoLayout) layout = NULL;

      if (item->kind != GAP_ITEM)
        continue;
      layout = make_layout (self, &STYLE_BODY, item->text, item_width, GAPS_ITEM_LINES);
      item->lines = pango_layout_get_line_count (layout);
    }

  /* What is left from each item on: for balancing the last page's columns. */
  left = g_new0 (double, self->gap_items->len + 1);
  for (guint i = self->gap_items->len; i > 0; i--)
    left[i - 1] = left[i] + gap_item_height (g_ptr_array_index (self->gap_items, i - 1));

  /* Flow down the columns, then onto the next page. A heading never ends a
   * column; a section that goes on in the next column repeats its heading.
   * When the rest fits in the columns left on the page, they share it
   * evenly instead of the first filling up. */
  page = add_page (self, CTO_BOARD_PAGE_GAPS);
  page->n_columns = 1;
  page->columns[0].first = 0;
  page->columns[0].carry = -1;
  target = left[0] <= n_columns * room ? left[0] / n_columns : room;
  for (guint i = 0; i < self->gap_items->len; i++)
    {
      const GapItem *item = g_ptr_array_index (self->gap_items, i);
      double height = gap_item_height (item);
      double need = height;

      if (item->kind == GAP_HEADING && i + 1 < self->gap_items->len)
        need += gap_item_height (g_ptr_array_index (self->gap_items, i + 1));

      if (used > 0 && (used + need > room || (column + 1 < n_columns && used + height / 2 > target)))
        {
          page->columns[column].last = i;
          if (++column == n_columns)
            {
              page = add_page (self, CTO_BOARD_PAGE_GAPS);
              column = 0;
            }
          page->n_columns = column + 1;
          page->columns[column].first = i;
          page->columns[column].carry = item->kind == GAP_HEADING ? -1 : heading;
          used = page->columns[column].carry >= 0 ? GAPS_HEADING_H : 0;
          target = used + left[i] <= (n_columns - column) * room
                   ? (used + left[i]) / (n_columns - column)
                   : room;
        }

      if (item->kind == GAP_HEADING)
        heading = (int) i;
      used += height;
    }
  page->columns[column].last = self->gap_items->len;
}

static void
ensure_pages (CtoBoardPages *self,
              const Frame   *frame)
{
  guint count[CTO_BOARD_PAGE_GAPS + 1] = { 0 };
  guint nth[CTO_BOARD_PAGE_GAPS + 1] = { 0 };

  if (self->valid && self->width == frame->width && self->height == frame->height)
    return;

  invalidate (self);
  self->width = frame->width;
  self->height = frame->height;

  add_page (self, CTO_BOARD_PAGE_TITLE);
  add_page (self, CTO_BOARD_PAGE_COVERAGE);
  paginate_people (self, frame);
  paginate_matrix (self, frame);
  paginate_org (self, frame);
  paginate_gaps (self, frame);

  for (guint i = 0; i < self->pages->len; i++)
    count[g_array_index (self->pages, Page, i).kind]++;
  for (guint i = 0; i < self->pages->len; i++)
    {
      Page *page = &g_array_index (self->pages, Page, i);

      page->nth = nth[page->kind]++;
      page->count = count[page->kind];
    }

  self->valid = TRUE;
}

/* Pages ------------------------------------------------------------------- */

static const char *
kind_heading (CtoBoardPages    *self,
              CtoBoardPageKind  kind)
{
  switch (kind)
    {
    case CTO_BOARD_PAGE_TITLE:
      return cto_plan_get_title (cto_analysis_get_plan (self->analysis));
    case CTO_BOARD_PAGE_COVERAGE:
      return _cto_report_heading_coverage ();
    case CTO_BOARD_PAGE_PEOPLE:
      return _cto_report_heading_people ();
    case CTO_BOARD_PAGE_MATRIX:
      return _cto_report_heading_matrix ();
    case CTO_BOARD_PAGE_ORG_CHART:
      return _cto_report_heading_org_chart ();
    case CTO_BOARD_PAGE_GAPS:
    default:
      return _cto_report_heading_gaps ();
    }
}

static char *
page_title (CtoBoardPages *self,
            const Page    *page)
{
  const char *heading = kind_heading (self, page->kind);

  if (page->count > 1)
    /* Translators: a page heading and which of its pages this is, "People and load (2 of 3)" */
    return g_strdup_printf (_("%s (%u of %u)"), heading, page->nth + 1, page->count);

  return g_strdup (heading);
}

static void
draw_header (Painter    *p,
             const char *subtitle)
{
  const Frame *f = &p->frame;
  g_autofree char *title = page_title (p->self, p->page);

  draw_text (p, &STYLE_PAGE_TITLE, title, f->left, MARGIN - 6, frame_content_width (f), 1);
  draw_text (p, &STYLE_SUBTITLE, subtitle, f->left, MARGIN + 23, frame_content_width (f), 1);
  hline (p->cr, f->left, f->right, MARGIN + 44, 0.75, COLOR_RULE);
  hline (p->cr, f->left, f->left + 44, MARGIN + 44, 2.5, COLOR_ACCENT);
}

static void
draw_footer (Painter *p)
{
  const Frame *f = &p->frame;
  CtoPlan *plan = cto_analysis_get_plan (p->self->analysis);
  g_autofree char *date = _cto_report_format_date (p->self->date);
  g_autofree char *left = NULL;
  g_autofree char *right = NULL;
  double y = f->height - 28;
  double width = frame_content_width (f);

  /* Translators: the foot of a board page: the plan's title and the date */
  left = g_strdup_printf (_("%s · %s"), cto_plan_get_title (plan), date);
  /* Translators: the page number at the foot of a board page */
  right = g_strdup_printf (_("Page %u of %u"), p->number + 1, p->self->pages->len);

  hline (p->cr, f->left, f->right, y - 6, 0.5, COLOR_RULE);
  draw_text (p, &STYLE_FOOTER, left, f->left, y, width * 0.7, 1);
  draw_text (p, &STYLE_FOOTER_RIGHT, right, f->right - width * 0.25, y, width * 0.25, 1);
}

static void
draw_title_page (Painter *p)
{
  const Frame *f = &p->frame;
  CtoAnalysis *analysis = p->self->analysis;
  CtoPlan *plan = cto_analysis_get_plan (analysis);
  const Style title_style = { 32, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, COLOR_INK, PANGO_ALIGN_LEFT };
  const Style kicker_style = { 10, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, COLOR_ACCENT, PANGO_ALIGN_LEFT };
  const Style date_style = { 14, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, COLOR_MUTED, PANGO_ALIGN_LEFT };
  const Style summary_style = { 11, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, COLOR_INK, PANGO_ALIGN_LEFT };
  const Style name_style = { 11, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, COLOR_INK, PANGO_ALIGN_LEFT };
  const Style status_style = { 9.5, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, COLOR_MUTED, PANGO_ALIGN_LEFT };
  double left = MARGIN * 2;
  double width = f->width - 2 * left;
  double y = f->height * 0.24;
  g_autofree char *kicker = g_utf8_strup (_("Technology responsibilities"), -1);
  g_autofree char *subtitle = _cto_report_subtitle (p->self->date);
  g_autofree char *summary = _cto_report_plan_summary (analysis);
  double column;

  set_color (p->cr, COLOR_ACCENT);
  cairo_rectangle (p->cr, left, y, 48, 4);
  cairo_fill (p->cr);
  y += 16;
  y += draw_text (p, &kicker_style, kicker, left, y, width, 1) + 8;
  y += draw_text (p, &title_style, cto_plan_get_title (plan), left, y, width, 3) + 10;
  y += draw_text (p, &date_style, subtitle, left, y, width, 1) + 18;
  draw_text (p, &summary_style, summary, left, y, width, 2);

  /* The four functions in one line, as a preview of the next page. */
  y = f->height - 132;
  hline (p->cr, left, left + width, y, 0.75, COLOR_RULE);
  y += 18;
  column = width / CTO_N_FUNCTIONS;
  for (guint fn = 0; fn < CTO_N_FUNCTIONS; fn++)
    {
      const CtoFunctionReport *report = cto_analysis_get_function (analysis, (CtoFunction) fn);
      double x = left + fn * column;

      draw_status_glyph (p->cr, report->status, x + 8, y + 8, 7.5);
      draw_text (p, &name_style, cto_function_get_name ((CtoFunction) fn), x + 22, y, column - 30, 1);
      draw_text (p, &status_style, cto_coverage_get_name (report->status), x + 22, y + 17, column - 30, 1);
    }
}

#define DESCRIPTION_LINES 4

static const Style STYLE_DESCRIPTION = { 7.5, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, COLOR_MUTED, PANGO_ALIGN_LEFT };

/* @description_h: the room for the function's description, the same in
 * every card so that their facts line up; 0 for none. */
static void
draw_coverage_card (Painter                 *p,
                    const CtoFunctionReport *report,
                    double                   x,
                    double                   y,
                    double                   width,
                    double                   height,
                    double                   description_h)
{
  cairo_t *cr = p->cr;
  const Style name_style = { 14, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, COLOR_INK, PANGO_ALIGN_LEFT };
  const Style description_style = STYLE_DESCRIPTION;
  const Style status_style = { 12, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, status_color (report->status),
                               PANGO_ALIGN_LEFT };
  const Style value_style = { 8.5, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, COLOR_INK, PANGO_ALIGN_LEFT };
  const Style value_warn_style = { 8.5, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, COLOR_WARN, PANGO_ALIGN_LEFT };
  double inner_x = x + 14;
  double inner_w = width - 28;
  double cy = y + 18;
  double slot;
  guint n_facts = CTO_REPORT_N_FACTS - 1;

  cairo_save (cr);
  cairo_new_path (cr);
  rounded_rectangle (cr, x, y, width, height, 6);
  set_color (cr, COLOR_WHITE);
  cairo_fill_preserve (cr);
  set_color (cr, COLOR_RULE);
  cairo_set_line_width (cr, 0.8);
  cairo_stroke_preserve (cr);
  cairo_clip (cr);
  set_color (cr, status_color (report->status));
  cairo_rectangle (cr, x, y, width, 5);
  cairo_fill (cr);
  cairo_restore (cr);

  cy += draw_text (p, &name_style, cto_function_get_name (report->function), inner_x, cy, inner_w, 1) + 3;
  if (description_h > 0)
    {
      draw_text (p, &description_style, cto_function_get_description (report->function),
                 inner_x, cy, inner_w, DESCRIPTION_LINES);
      cy += description_h + 5;
    }

  draw_status_glyph (cr, report->status, inner_x + 8, cy + 9, 8);
  draw_text (p, &status_style, cto_coverage_get_name (report->status), inner_x + 22, cy + 1, inner_w - 22, 1);
  cy += 26;
  hline (cr, inner_x, inner_x + inner_w, cy, 0.6, COLOR_RULE);
  cy += 8;

  slot = (y + height - 8 - cy) / n_facts;
  for (guint fact = CTO_REPORT_FACT_STATUS + 1; fact < CTO_REPORT_N_FACTS; fact++)
    {
      g_autofree char *label = g_utf8_strup (_cto_report_fact_get_label ((CtoReportFact) fact), -1);
      g_autofree char *value = _cto_report_fact_get_value (p->self->analysis, report,
                                                           (CtoReportFact) fact, TRUE);
      int lines = MAX (1, (int) floor ((slot - 13) / 10.5));

      draw_text (p, &STYLE_LABEL, label, inner_x, cy, inner_w, 1);
      if (_cto_report_fact_is_warning (report, (CtoReportFact) fact))
        {
          draw_warning_glyph (cr, inner_x + 5, cy + 17, 9, COLOR_WARN);
          draw_text (p, &value_warn_style, value, inner_x + 14, cy + 11, inner_w - 14, lines);
        }
      else
        {
          draw_text (p, &value_style, value, inner_x, cy + 11, inner_w, lines);
        }
      cy += slot;
    }
}

static void
draw_legend (Painter *p,
             double   y)
{
  const Frame *f = &p->frame;
  const CtoCoverage order[] = {
    CTO_COVERAGE_COVERED, CTO_COVERAGE_PARTIAL, CTO_COVERAGE_UNCOVERED, CTO_COVERAGE_EMPTY,
  };
  double x = f->left;

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      const char *name = cto_coverage_get_name (order[i]);

      draw_status_glyph (p->cr, order[i], x + 5, y + 6, 5);
      draw_text (p, &STYLE_SMALL, name, x + 14, y, 0, 1);
      x += 14 + text_width (p, &STYLE_SMALL, name) + 18;
    }

  draw_warning_glyph (p->cr, x + 5, y + 6, 9, COLOR_WARN);
  draw_text (p, &STYLE_SMALL, _("needs attention"), x + 14, y, f->right - x - 14, 1);
}

static void
draw_coverage_page (Painter *p)
{
  const Frame *f = &p->frame;
  g_autofree char *summary = _cto_report_plan_summary (p->self->analysis);
  guint columns = frame_content_width (f) >= 640 ? 4 : 2;
  guint rows = CTO_N_FUNCTIONS / columns;
  double gap = 14;
  double legend = 22;
  double width = (frame_content_width (f) - (columns - 1) * gap) / columns;
  double height = (frame_content_height (f) - legend - (rows - 1) * gap) / rows;
  double description_h = 0;

  draw_header (p, summary);

  /* Tall cards say what each function covers. */
  for (guint fn = 0; fn < CTO_N_FUNCTIONS && height >= 380; fn++)
    {
      g_autoptr(PangoLayout) layout = make_layout (p->self, &STYLE_DESCRIPTION,
                                                   cto_function_get_description ((CtoFunction) fn),
                                                   width - 28, DESCRIPTION_LINES);
      PangoRectangle logical;

      pango_layout_get_extents (layout, NULL, &logical);
      description_h = MAX (description_h, (double) logical.height / PANGO_SCALE);
    }

  for (guint fn = 0; fn < CTO_N_FUNCTIONS; fn++)
    {
      const CtoFunctionReport *report = cto_analysis_get_function (p->self->analysis, (CtoFunction) fn);
      double x = f->left + (fn % columns) * (width + gap);
      double y = f->top + (fn / columns) * (height + gap);

      draw_coverage_card (p, report, x, y, width, height, description_h);
    }

  draw_legend (p, f->bottom - 12);
  draw_footer (p);
}

static void
draw_load_bar (Painter               *p,
               const CtoPersonReport *report,
               double                 threshold,
               double                 x,
               double                 y,
               double                 width,
               double                 height)
{
  cairo_t *cr = p->cr;
  double scale = p->self->load_scale;
  double u = report->utilization;
  double end;

  cairo_save (cr);
  rounded_rectangle (cr, x, y, width, height, 2);
  set_color (cr, COLOR_FAINT);
  cairo_fill (cr);

  if (report->utilization_unbounded)
    {
      draw_hatched (cr, x, y, width, height);
      cairo_restore (cr);
      return;
    }

  end = MIN (u, scale) / scale * width;
  if (report->overloaded)
    {
      double limit = MIN (threshold, scale) / scale * width;

      set_color (cr, COLOR_ACCENT);
      cairo_rectangle (cr, x, y, limit, height);
      cairo_fill (cr);
      draw_hatched (cr, x + limit, y, end - limit, height);
    }
  else if (end > 0)
    {
      set_color (cr, COLOR_ACCENT);
      cairo_rectangle (cr, x, y, end, height);
      cairo_fill (cr);
    }

  /* Beyond the end of the scale: an arrow head says the bar goes on. */
  if (u > scale)
    {
      set_color (cr, COLOR_WARN);
      cairo_move_to (cr, x + width - height * 0.7, y + 1);
      cairo_line_to (cr, x + width, y + height / 2);
      cairo_line_to (cr, x + width - height * 0.7, y + height - 1);
      cairo_close_path (cr);
      cairo_fill (cr);
    }

  cairo_restore (cr);
}

/* What the bars' fill, hatching and lines mean. */
static void
draw_people_legend (Painter *p,
                    double   threshold)
{
  const Frame *f = &p->frame;
  cairo_t *cr = p->cr;
  double y = f->bottom - 13;
  double x = f->left;
  const char *load = _("Load");
  const char *over = _("Load past the overload limit: overloaded");
  g_autofree char *full = _cto_report_format_percent (1);
  /* Translators: the key to the line at full capacity on the load bars, "Capacity (100%)" */
  g_autofree char *capacity = g_strdup_printf (_("Capacity (%s)"), full);
  const char *limit = _("Overload limit");

  set_color (cr, COLOR_ACCENT);
  cairo_rectangle (cr, x, y + 1, 22, 10);
  cairo_fill (cr);
  draw_text (p, &STYLE_SMALL, load, x + 28, y, 0, 1);
  x += 28 + text_width (p, &STYLE_SMALL, load) + 18;

  draw_hatched (cr, x, y + 1, 22, 10);
  draw_text (p, &STYLE_SMALL, over, x + 28, y, 0, 1);
  x += 28 + text_width (p, &STYLE_SMALL, over) + 18;

  vline (cr, x + 2, y - 1, y + 13, 1.0, COLOR_LINE);
  draw_text (p, &STYLE_SMALL, capacity, x + 8, y, 0, 1);
  x += 8 + text_width (p, &STYLE_SMALL, capacity) + 18;

  if (fabs (threshold - 1) > 1e-9 && threshold < p->self->load_scale)
    {
      double dash[] = { 3, 2 };

      cairo_save (cr);
      cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
      vline (cr, x + 2, y - 1, y + 13, 1.0, COLOR_WARN);
      cairo_restore (cr);
      draw_text (p, &STYLE_SMALL, limit, x + 8, y, MAX (f->right - x - 8, 1), 1);
    }
}

static void
draw_people_page (Painter *p)
{
  const Frame *f = &p->frame;
  const Page *page = p->page;
  CtoAnalysis *analysis = p->self->analysis;
  CtoPlan *plan = cto_analysis_get_plan (analysis);
  const Style name_style = { 9.5, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, COLOR_INK, PANGO_ALIGN_LEFT };
  const Style percent_style = { 10, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, COLOR_INK, PANGO_ALIGN_RIGHT };
  const Style percent_warn_style = { 10, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, COLOR_WARN, PANGO_ALIGN_RIGHT };
  const Style load_style = { 8, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, COLOR_MUTED, PANGO_ALIGN_RIGHT };
  const Style open_style = { 8, PANGO_WEIGHT_NORMAL, PANGO_STYLE_ITALIC, COLOR_MUTED, PANGO_ALIGN_LEFT };
  guint n_people = cto_analysis_get_n_people (analysis);
  guint n_overloaded = 0;
  double threshold = cto_plan_get_overload_threshold (plan);
  double scale = p->self->load_scale;
  double width = frame_content_width (f);
  double name_w = MIN (220, width * 0.28);
  double value_w = 78;
  double flag_w = 86;
  double bar_x = f->left + name_w + 14;
  double bar_w = width - name_w - 14 - 14 - value_w - 12 - flag_w;
  double value_x = bar_x + bar_w + 14;
  double flag_x = value_x + value_w + 12;
  double head_y = f->top;
  double rows_y = f->top + PEOPLE_HEAD_H;
  double rows_end = rows_y + (page->last - page->first) * PEOPLE_ROW_H;
  g_autoptr(GString) subtitle = g_string_new (NULL);

  for (guint i = 0; i < n_people; i++)
    n_overloaded += cto_analysis_get_person_nth (analysis, i)->overloaded ? 1 : 0;

  if (n_people == 0)
    {
      draw_header (p, _("Load against capacity, per person"));
      draw_text (p, &STYLE_NOTE, _("Nobody is in the plan yet."), f->left, f->top, width, 1);
      draw_footer (p);
      return;
    }

  g_string_append_printf (subtitle, g_dngettext (GETTEXT_PACKAGE,
                                                 "%u of %u person is overloaded.",
                                                 "%u of %u people are overloaded.",
                                                 n_people),
                          n_overloaded, n_people);
  if (page->count > 1)
    {
      g_string_append (subtitle, "  ");
      /* Translators: which people a page shows, "People 15–28 of 100" */
      g_string_append_printf (subtitle, _("People %u–%u of %u"), page->first + 1, page->last, n_people);
    }
  draw_header (p, subtitle->str);

  draw_text (p, &STYLE_LABEL, _("Person"), f->left, head_y, name_w, 1);
  draw_text (p, &STYLE_LABEL, _("Load against capacity"), bar_x, head_y, bar_w, 1);
  draw_text (p, &STYLE_LABEL_RIGHT, _("Load"), value_x, head_y, value_w, 1);

  /* The scale, its grid, the capacity line and the overload limit. */
  for (double t = 0; t <= scale + 1e-9; t += 0.5)
    {
      double x = bar_x + t / scale * bar_w;
      g_autofree char *tick = _cto_report_format_percent (t);
      gboolean full = fabs (t - 1) < 1e-9;

      draw_text (p, &STYLE_LABEL_CENTER, tick, x - 20, head_y + 14, 40, 1);
      vline (p->cr, x, rows_y - 4, rows_end, full ? 1.0 : 0.5, full ? COLOR_LINE : COLOR_RULE);
    }
  if (fabs (threshold - 1) > 1e-9 && threshold < scale)
    {
      double x = bar_x + threshold / scale * bar_w;
      double dash[] = { 3, 2 };

      cairo_save (p->cr);
      cairo_set_dash (p->cr, dash, G_N_ELEMENTS (dash), 0);
      vline (p->cr, x, rows_y - 4, rows_end, 1.0, COLOR_WARN);
      cairo_restore (p->cr);
    }
  hline (p->cr, f->left, f->right, rows_y - 4, 0.75, COLOR_LINE);

  for (guint i = page->first; i < page->last; i++)
    {
      const CtoPersonReport *report = cto_analysis_get_person_nth (analysis, i);
      gboolean open_role = cto_person_get_open_role (report->person);
      double y = rows_y + (i - page->first) * PEOPLE_ROW_H;
      g_autofree char *percent = _cto_report_person_utilization (report);
      g_autofree char *load = _cto_report_person_load (report);
      double tag_y = y + 4;

      draw_text (p, &name_style, cto_person_get_name (report->person), f->left, y + 2, name_w, 1);
      draw_text (p, &STYLE_SMALL, cto_person_get_role (report->person), f->left, y + 15, name_w, 1);
      draw_load_bar (p, report, threshold, bar_x, y + 8, bar_w, 12);
      draw_text (p, report->overloaded ? &percent_warn_style : &percent_style, percent,
                 value_x, y + 2, value_w, 1);
      draw_text (p, &load_style, load, value_x, y + 15, value_w, 1);

      if (report->overloaded)
        {
          draw_warning_glyph (p->cr, flag_x + 5, tag_y + 6, 10, COLOR_WARN);
          draw_text (p, &STYLE_WARN, _("Overloaded"), flag_x + 14, tag_y, flag_w - 14, 1);
          tag_y += 12;
        }
      if (open_role)
        draw_text (p, &open_style, _("Open role"), flag_x + (report->overloaded ? 14 : 0), tag_y,
                   flag_w, 1);

      hline (p->cr, f->left, f->right, y + PEOPLE_ROW_H - 0.5, 0.4, COLOR_RULE);
    }

  draw_people_legend (p, threshold);
  draw_footer (p);
}

static void
draw_matrix_function (Painter    *p,
                      CtoFunction function,
                      gboolean    continued,
                      double      y,
                      double      right)
{
  const Frame *f = &p->frame;
  const CtoFunctionReport *report = cto_analysis_get_function (p->self->analysis, function);
  g_autofree char *text = NULL;

  if (continued)
    /* Translators: a function heading repeated on the next page, "Planning (continued)" */
    text = g_strdup_printf (_("%s (continued)"), cto_function_get_name (function));
  else
    /* Translators: a function and its status, "Planning — Partly covered" */
    text = g_strdup_printf (_("%s — %s"), cto_function_get_name (function),
                            cto_coverage_get_name (report->status));

  set_color (p->cr, COLOR_ACCENT_LIGHT);
  cairo_rectangle (p->cr, f->left, y + 3, right - f->left, MATRIX_FUNCTION_H - 5);
  cairo_fill (p->cr);
  draw_status_glyph (p->cr, report->status, f->left + 9, y + 3 + (MATRIX_FUNCTION_H - 5) / 2, 5);
  draw_text (p, &STYLE_BODY_BOLD, text, f->left + 20, y + 5.5, right - f->left - 24, 1);
}

static void
draw_share_cell (Painter    *p,
                 const char *text,
                 gboolean    accountable,
                 double      x,
                 double      y,
                 double      width,
                 double      height)
{
  const Style style = { 7.5, accountable ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL,
                        accountable ? COLOR_WHITE : COLOR_INK, PANGO_ALIGN_CENTER };

  rounded_rectangle (p->cr, x, y, width, height, 2);
  set_color (p->cr, accountable ? COLOR_ACCENT : COLOR_ACCENT_LIGHT);
  cairo_fill (p->cr);
  draw_text (p, &style, text, x, y + (height - 9.5) / 2, width, 1);
}

/* The person of column @column of matrix_columns. */
static CtoPerson *
column_person (CtoBoardPages *self,
               guint          column)
{
  guint position = g_array_index (self->matrix_columns, guint, column);

  return cto_analysis_get_person_nth (self->analysis, position)->person;
}

static void
draw_matrix_page (Painter *p)
{
  const Frame *f = &p->frame;
  const Page *page = p->page;
  const Style title_style = { 8.5, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, COLOR_INK, PANGO_ALIGN_LEFT };
  const Style hours_style = { 8.5, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, COLOR_INK, PANGO_ALIGN_RIGHT };
  const Style person_style = { 7.5, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, COLOR_INK, PANGO_ALIGN_CENTER };
  const Style open_style = { 7.5, PANGO_WEIGHT_BOLD, PANGO_STYLE_ITALIC, COLOR_MUTED, PANGO_ALIGN_CENTER };
  const Style missing_style = { 8.5, PANGO_WEIGHT_BOLD, PANGO_STYLE_ITALIC, COLOR_WARN, PANGO_ALIGN_LEFT };
  guint n_columns = page->column_last - page->column_first;
  /* Titles get the room the people's columns leave, within reason. */
  double label_w = CLAMP (frame_content_width (f) - n_columns * MATRIX_COLUMN_W, matrix_label_width (f), 420);
  double columns_x = f->left + label_w;
  double right = columns_x + n_columns * MATRIX_COLUMN_W;
  double y = f->top + MATRIX_HEAD_H;
  gboolean zebra = FALSE;
  guint n_rows = 0;
  /* Rows the column rules leave out: "Not covered" runs across the columns. */
  g_autoptr(GArray) across = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GString) subtitle = g_string_new (_("Each person’s share of each responsibility."));

  right = MAX (right, f->left + label_w + 120);
  right = MIN (right, f->right);
  for (guint i = page->first; i < page->last; i++)
    n_rows += g_array_index (p->self->matrix_items, MatrixItem, i).kind == MATRIX_RESPONSIBILITY;
  if (p->self->matrix_sparse && n_rows > 0)
    {
      guint n_band = page->band_last - page->band_first;

      g_string_append (subtitle, "  ");
      if (n_band == 0)
        g_string_append (subtitle, _("Nobody carries these responsibilities."));
      else
        g_string_append_printf (subtitle,
                                g_dngettext (GETTEXT_PACKAGE,
                                             "Shown: the %u person who carries any of these.",
                                             "Shown: the %u people who carry any of these.",
                                             n_band),
                                n_band);
      if (n_columns < n_band)
        {
          g_string_append (subtitle, "  ");
          g_string_append_printf (subtitle, _("People %u–%u of %u"),
                                  page->column_first - page->band_first + 1,
                                  page->column_last - page->band_first, n_band);
        }
    }
  draw_header (p, subtitle->str);

  /* Column heads. */
  draw_text (p, &STYLE_LABEL, _("Responsibility"), f->left, y - 14, label_w - 50, 1);
  draw_text (p, &STYLE_LABEL_RIGHT, _("Hours"), f->left + label_w - 50, y - 14, 42, 1);
  for (guint c = page->column_first; c < page->column_last; c++)
    {
      CtoPerson *person = column_person (p->self, c);
      double x = columns_x + (c - page->column_first) * MATRIX_COLUMN_W;

      draw_text (p, cto_person_get_open_role (person) ? &open_style : &person_style,
                 cto_person_get_name (person), x + 2, f->top, MATRIX_COLUMN_W - 4, 3);
    }
  hline (p->cr, f->left, right, y - 2, 0.75, COLOR_LINE);

  if (page->first < page->last &&
      g_array_index (p->self->matrix_items, MatrixItem, page->first).kind != MATRIX_FUNCTION)
    {
      draw_matrix_function (p, g_array_index (p->self->matrix_items, MatrixItem, page->first).function,
                            TRUE, y, right);
      y += MATRIX_FUNCTION_H;
    }

  for (guint i = page->first; i < page->last; i++)
    {
      const MatrixItem *item = &g_array_index (p->self->matrix_items, MatrixItem, i);
      CtoResponsibility *responsibility = item->responsibility;

      switch (item->kind)
        {
        case MATRIX_FUNCTION:
          draw_matrix_function (p, item->function, FALSE, y, right);
          zebra = FALSE;
          break;

        case MATRIX_NONE:
          draw_text (p, &STYLE_NOTE, _("No responsibilities"), f->left + 20, y + 2, label_w, 1);
          break;

        case MATRIX_RESPONSIBILITY:
        default:
          {
            g_autofree char *hours = _cto_report_format_hours (cto_responsibility_get_effort (responsibility));

            if (zebra)
              {
                set_color (p->cr, COLOR_ZEBRA);
                cairo_rectangle (p->cr, f->left, y, right - f->left, MATRIX_ROW_H);
                cairo_fill (p->cr);
              }
            zebra = !zebra;

            draw_text (p, &title_style, cto_responsibility_get_title (responsibility),
                       f->left + 4, y + 2.5, label_w - 58, 1);
            draw_text (p, &hours_style, hours, f->left + label_w - 50, y + 2.5, 42, 1);

            if (cto_responsibility_get_n_assignees (responsibility) == 0)
              {
                g_array_append_val (across, y);
                draw_status_glyph (p->cr, CTO_COVERAGE_UNCOVERED, columns_x + 10, y + MATRIX_ROW_H / 2, 4.5);
                draw_text (p, &missing_style, _("Not covered"), columns_x + 19, y + 2.5,
                           right - columns_x - 19, 1);
                break;
              }

            for (guint c = page->column_first; c < page->column_last; c++)
              {
                CtoPerson *person = column_person (p->self, c);
                const CtoAssignment *assignment =
                  cto_responsibility_find_assignee (responsibility, cto_person_get_id (person), NULL);
                g_autofree char *share = NULL;

                if (assignment == NULL)
                  continue;

                share = _cto_report_format_share (responsibility, assignment);
                draw_share_cell (p, share, _cto_report_is_accountable (responsibility, assignment),
                                 columns_x + (c - page->column_first) * MATRIX_COLUMN_W + 4, y + 1.5,
                                 MATRIX_COLUMN_W - 8, MATRIX_ROW_H - 3);
              }
          }
          break;
        }

      y += matrix_item_height (item);
    }

  for (guint c = page->column_first; c <= page->column_last && n_columns > 0; c++)
    {
      double x = columns_x + (c - page->column_first) * MATRIX_COLUMN_W;
      double top = f->top;

      for (guint k = 0; k < across->len; k++)
        {
          double row = g_array_index (across, double, k);

          if (c > page->column_first && c < page->column_last)
            {
              vline (p->cr, x, top, row, 0.4, COLOR_RULE);
              top = row + MATRIX_ROW_H;
            }
        }
      vline (p->cr, x, top, y, 0.4, COLOR_RULE);
    }

  /* The legend. */
  {
    double ly = f->bottom - 13;
    double x = f->left;
    const char *accountable = _("accountable (who carries a responsibility alone is accountable for it)");
    const char *shared = _("shares it");
    g_autofree char *two_thirds = _cto_report_format_percent (2.0 / 3);
    g_autofree char *one_third = _cto_report_format_percent (1.0 / 3);
    double text_w = MIN (text_width (p, &STYLE_SMALL, accountable), (frame_content_width (f) - 100) * 0.7);

    draw_share_cell (p, two_thirds, TRUE, x, ly, 34, 12);
    draw_text (p, &STYLE_SMALL, accountable, x + 40, ly + 1, text_w + 1, 1);
    x += 40 + text_w + 20;
    draw_share_cell (p, one_third, FALSE, x, ly, 34, 12);
    draw_text (p, &STYLE_SMALL, shared, x + 40, ly + 1, MAX (f->right - x - 40, 1), 1);
  }

  draw_footer (p);
}

/* The boxes of the org chart on @page, in design points. */
static GArray *
collect_org_boxes (CtoBoardPages *self,
                   const Frame   *frame,
                   const Page    *page)
{
  GArray *boxes = g_array_new (FALSE, TRUE, sizeof (OrgBox));

  if (page->kind != CTO_BOARD_PAGE_ORG_CHART)
    return boxes;

  for (guint i = page->first; i < page->last; i++)
    {
      const OrgPage *org = g_ptr_array_index (self->org_pages, i);
      g_autoptr(CtoOrgLayout) layout = org_page_layout (self->tree, org, -1, 0);
      guint n = cto_org_layout_get_n_nodes (layout);
      guint base = boxes->len;

      for (guint b = 0; b < n; b++)
        {
          OrgBox box = { 0 };
          int manager = cto_org_layout_get_parent (layout, b);

          box.node = GPOINTER_TO_UINT (cto_org_layout_get_data (layout, b)) - 1;
          cto_org_layout_get_box (layout, b, &box.rect);
          box.rect.x += frame->left + org->x;
          box.rect.y += frame->top + org->y;
          box.manager = manager >= 0 ? (int) base + manager : -1;
          box.piece = i;
          box.head = org->parent >= 0 && b == 0;
          box.again = box.head && !org->home;
          box.own_piece = box.again ? g_array_index (self->placed_on, int, box.node) : (int) i;
          box.more_piece = box.head ? org->more : -1;
          box.team_piece = -1;

          /* Reports not in this piece are in the piece that continues them. */
          if (!box.head && cto_org_layout_get_n_children (layout, b) == 0 &&
              cto_org_layout_get_n_children (self->tree, box.node) > 0)
            box.team_piece = g_array_index (self->continues_on, int, box.node);

          g_array_append_val (boxes, box);
        }
    }

  return boxes;
}

typedef enum
{
  ORG_NOTE_TEAM,   /* under a box whose team is elsewhere */
  ORG_NOTE_FROM,   /* in a head drawn again */
  ORG_NOTE_MORE,   /* in a head whose team goes on */
} OrgNote;

/* Where piece @to is, seen from piece @from, in words. */
static char *
org_note (CtoBoardPages *self,
          OrgNote        note,
          guint          from,
          guint          to)
{
  const OrgPage *here = g_ptr_array_index (self->org_pages, from);
  const OrgPage *there = g_ptr_array_index (self->org_pages, to);
  gboolean other_row = fabs (there->y - here->y) > 1e-6;

  if (here->page != there->page)
    {
      switch (note)
        {
        case ORG_NOTE_TEAM:
          /* Translators: under a manager whose team is drawn on another page */
          return g_strdup_printf (_("Team on page %u"), there->page + 1);
        case ORG_NOTE_FROM:
          /* Translators: in a manager's box drawn again above their team */
          return g_strdup_printf (_("Continued from page %u"), there->page + 1);
        case ORG_NOTE_MORE:
        default:
          /* Translators: in a manager's box when their team does not fit in one piece */
          return g_strdup_printf (_("More of the team on page %u"), there->page + 1);
        }
    }

  /* On the same page, pieces go left to right, then down. */
  switch (note)
    {
    case ORG_NOTE_TEAM:
      return g_strdup (other_row ? _("Team below ▾") : _("Team at right ▸"));
    case ORG_NOTE_FROM:
      return g_strdup (other_row ? _("Continued from above") : _("Continued from the left"));
    case ORG_NOTE_MORE:
    default:
      return g_strdup (other_row ? _("More of the team below") : _("More of the team at right"));
    }
}

static void
draw_org_box (Painter      *p,
              const OrgBox *box)
{
  cairo_t *cr = p->cr;
  CtoPerson *person = cto_org_layout_get_data (p->self->tree, box->node);
  const CtoPersonReport *report = cto_analysis_get_person (p->self->analysis, person);
  gboolean open_role = cto_person_get_open_role (person);
  gboolean overloaded = report != NULL && report->overloaded;
  const Style name_style = { 9, PANGO_WEIGHT_BOLD, open_role ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL,
                             COLOR_INK, PANGO_ALIGN_LEFT };
  const Style role_style = { 7.5, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, COLOR_MUTED, PANGO_ALIGN_LEFT };
  const Style functions_style = { 7, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, COLOR_ACCENT, PANGO_ALIGN_LEFT };
  const Style tag_style = { 7, PANGO_WEIGHT_NORMAL, PANGO_STYLE_ITALIC, COLOR_MUTED, PANGO_ALIGN_LEFT };
  const Style warn_style = { 7, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, COLOR_WARN, PANGO_ALIGN_LEFT };
  const Style note_style = { 7, PANGO_WEIGHT_NORMAL, PANGO_STYLE_ITALIC, COLOR_MUTED, PANGO_ALIGN_CENTER };
  double x = box->rect.x;
  double y = box->rect.y;
  double inner_x = x + 7;
  double inner_w = ORG_BOX_W - 14;
  double tag_y = y + ORG_BOX_H - 15;
  double cy = y + 6;
  double name_h;
  int role_lines;
  g_autofree char *functions = report != NULL ? _cto_report_person_functions (report) : g_strdup ("");

  cairo_save (cr);
  rounded_rectangle (cr, x + 0.5, y + 0.5, box->rect.width - 1, box->rect.height - 1, 4);
  set_color (cr, box->again ? COLOR_FAINT : COLOR_WHITE);
  cairo_fill_preserve (cr);
  if (open_role)
    {
      double dash[] = { 3, 2 };

      cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
    }
  set_color (cr, overloaded && !box->again ? COLOR_WARN : COLOR_LINE);
  cairo_set_line_width (cr, overloaded && !box->again ? 1.3 : 0.8);
  cairo_stroke (cr);
  cairo_restore (cr);

  /* A long name takes a second line, and the role gives it up. */
  if (overloaded && !box->again)
    draw_warning_glyph (cr, x + ORG_BOX_W - 11, cy + 6, 9, COLOR_WARN);
  name_h = draw_text (p, &name_style, cto_person_get_name (person), inner_x, cy,
                      inner_w - (overloaded && !box->again ? 12 : 0), 2);
  role_lines = name_h > 14 ? 1 : 2;
  cy += name_h + 1;

  if (box->more_piece >= 0)
    {
      g_autofree char *more = org_note (p->self, ORG_NOTE_MORE, box->piece, (guint) box->more_piece);

      draw_text (p, &tag_style, more, inner_x, y + ORG_BOX_H - 4, inner_w, 1);
    }

  if (box->again)
    {
      g_autofree char *from = org_note (p->self, ORG_NOTE_FROM, box->piece, (guint) box->own_piece);

      draw_text (p, &role_style, cto_person_get_role (person), inner_x, cy, inner_w, 1);
      draw_text (p, &tag_style, from, inner_x, tag_y, inner_w, 1);
      return;
    }

  if (*cto_person_get_role (person) != '\0')
    cy += draw_text (p, &role_style, cto_person_get_role (person), inner_x, cy, inner_w, role_lines);
  cy += 3;
  if (*functions != '\0')
    draw_text (p, &functions_style, functions, inner_x, cy, inner_w,
               CLAMP ((int) floor ((tag_y - 1 - cy) / 8.5), 1, 2));
  else
    draw_text (p, &tag_style, _("No responsibilities"), inner_x, cy, inner_w, 1);

  if (overloaded)
    {
      draw_text (p, &warn_style, _("Overloaded"), inner_x, tag_y, inner_w / 2, 1);
      if (open_role)
        draw_text (p, &tag_style, _("Open role"), inner_x + inner_w / 2, tag_y, inner_w / 2, 1);
    }
  else if (open_role)
    {
      draw_text (p, &tag_style, _("Open role"), inner_x, tag_y, inner_w, 1);
    }

  if (box->team_piece >= 0)
    {
      g_autofree char *note = org_note (p->self, ORG_NOTE_TEAM, box->piece, (guint) box->team_piece);

      draw_text (p, &note_style, note, x - ORG_SIBLING_GAP / 2, y + box->rect.height + 2,
                 ORG_BOX_W + ORG_SIBLING_GAP, 1);
    }
}

static void
draw_org_page (Painter *p)
{
  const Frame *f = &p->frame;
  g_autoptr(GArray) boxes = collect_org_boxes (p->self, f, p->page);

  draw_header (p, _("Who reports to whom, and the functions each person carries."));

  if (boxes->len == 0)
    draw_text (p, &STYLE_NOTE, _("Nobody is in the plan yet."), f->left, f->top,
               frame_content_width (f), 1);

  /* Lines from each manager down to their reports. */
  cairo_save (p->cr);
  set_color (p->cr, COLOR_LINE);
  cairo_set_line_width (p->cr, 0.9);
  for (guint i = 0; i < boxes->len; i++)
    {
      const OrgBox *manager = &g_array_index (boxes, OrgBox, i);
      double centre = manager->rect.x + manager->rect.width / 2;
      double low = centre;
      double high = centre;
      double mid = 0;
      gboolean any = FALSE;

      for (guint k = i + 1; k < boxes->len; k++)
        {
          const OrgBox *report = &g_array_index (boxes, OrgBox, k);
          double x = report->rect.x + report->rect.width / 2;

          if (report->manager != (int) i)
            continue;

          mid = report->rect.y - ORG_LEVEL_GAP / 2;
          low = MIN (low, x);
          high = MAX (high, x);
          cairo_move_to (p->cr, x, mid);
          cairo_line_to (p->cr, x, report->rect.y);
          any = TRUE;
        }
      if (!any)
        continue;

      cairo_move_to (p->cr, centre, manager->rect.y + manager->rect.height);
      cairo_line_to (p->cr, centre, mid);
      cairo_move_to (p->cr, low, mid);
      cairo_line_to (p->cr, high, mid);
    }
  cairo_stroke (p->cr);
  cairo_restore (p->cr);

  for (guint i = 0; i < boxes->len; i++)
    draw_org_box (p, &g_array_index (boxes, OrgBox, i));

  draw_footer (p);
}

static void
draw_gaps_heading (Painter    *p,
                   const char *text,
                   gboolean    continued,
                   double      x,
                   double      y,
                   double      width)
{
  const Style style = { 11, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, COLOR_INK, PANGO_ALIGN_LEFT };
  g_autofree char *heading = continued ? g_strdup_printf (_("%s (continued)"), text) : g_strdup (text);

  draw_text (p, &style, heading, x, y + 7, width, 1);
  hline (p->cr, x, x + width, y + GAPS_HEADING_H - 4, 0.6, COLOR_RULE);
}

static void
draw_gaps_page (Painter *p)
{
  const Frame *f = &p->frame;
  const Page *page = p->page;
  CtoAnalysis *analysis = p->self->analysis;
  CtoPlan *plan = cto_analysis_get_plan (analysis);
  double column_w = gaps_column_width (f);
  double total = _cto_report_total_gap_hours (analysis);
  g_autofree char *subtitle = NULL;

  if (total > 1e-9)
    {
      g_autofree char *hours = _cto_report_format_hours (total);
      g_autofree char *fte = cto_report_format_number (total / cto_plan_get_hours_per_fte (plan), 2);

      /* Translators: "Hiring gap: 20 h a week (0.5 FTE)" */
      subtitle = g_strdup_printf (_("Hiring gap: %s a week (%s FTE)"), hours, fte);
    }
  else
    {
      subtitle = g_strdup (_("No hiring gap: every hour of work has someone with room for it."));
    }
  draw_header (p, subtitle);

  for (guint c = 0; c < page->n_columns; c++)
    {
      const FlowColumn *column = &page->columns[c];
      double x = f->left + c * (column_w + GAPS_COLUMN_GAP);
      double y = f->top - 6;
      double hours_x = x + column_w * 0.62;
      double number_w = column_w * 0.19;

      if (column->carry >= 0)
        {
          const GapItem *heading = g_ptr_array_index (p->self->gap_items, column->carry);

          draw_gaps_heading (p, heading->text, TRUE, x, y, column_w);
          y += GAPS_HEADING_H;
        }

      for (guint i = column->first; i < column->last; i++)
        {
          const GapItem *item = g_ptr_array_index (p->self->gap_items, i);

          switch (item->kind)
            {
            case GAP_HEADING:
              draw_gaps_heading (p, item->text, FALSE, x, y, column_w);
              break;

            case GAP_ROW:
              {
                const CtoFunctionReport *report = cto_analysis_get_function (analysis, (CtoFunction) item->function);
                g_autofree char *hours = _cto_report_format_hours (report->gap_hours);
                g_autofree char *fte = _cto_report_format_fte (report->gap_fte);
                gboolean gap = report->gap_hours > 1e-9;

                draw_status_glyph (p->cr, report->status, x + 5, y + 8.5, 4.5);
                draw_text (p, &STYLE_BODY, cto_function_get_name (report->function), x + 15, y + 2,
                           column_w * 0.34, 1);
                draw_text (p, &STYLE_SMALL, cto_coverage_get_name (report->status),
                           x + 15 + column_w * 0.34, y + 3, column_w * 0.26, 1);
                draw_text (p, gap ? &STYLE_BODY_BOLD_RIGHT : &STYLE_BODY_RIGHT, hours, hours_x, y + 2, number_w, 1);
                draw_text (p, gap ? &STYLE_BODY_BOLD_RIGHT : &STYLE_BODY_RIGHT, fte,
                           hours_x + number_w, y + 2, number_w, 1);
              }
              break;

            case GAP_TOTAL:
              {
                g_autofree char *hours = _cto_report_format_hours (total);
                g_autofree char *fte = _cto_report_format_fte (total / cto_plan_get_hours_per_fte (plan));

                hline (p->cr, x, x + column_w, y + 0.5, 0.75, COLOR_LINE);
                draw_text (p, &STYLE_BODY_BOLD, _("All functions"), x + 15, y + 3, column_w * 0.5, 1);
                draw_text (p, &STYLE_BODY_BOLD_RIGHT, hours, hours_x, y + 3, number_w, 1);
                draw_text (p, &STYLE_BODY_BOLD_RIGHT, fte, hours_x + number_w, y + 3, number_w, 1);
              }
              break;

            case GAP_ITEM:
              set_color (p->cr, COLOR_ACCENT);
              cairo_rectangle (p->cr, x + 3, y + 6, 4, 4);
              cairo_fill (p->cr);
              draw_text (p, &STYLE_BODY, item->text, x + 14, y + 2, column_w - 14, GAPS_ITEM_LINES);
              break;

            case GAP_NONE:
            default:
              draw_text (p, &STYLE_NOTE, item->text, x + 14, y + 2, column_w - 14, 1);
              break;
            }

          y += gap_item_height (item);
        }
    }

  draw_footer (p);
}

/* The object --------------------------------------------------------------- */

static void
analysis_changed_cb (CtoBoardPages *self)
{
  invalidate (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static gboolean
valid_size (double width,
            double height)
{
  return isfinite (width) && isfinite (height) && width >= 1 && height >= 1;
}

static void
cto_board_pages_dispose (GObject *object)
{
  CtoBoardPages *self = (CtoBoardPages *) object;

  if (self->analysis != NULL)
    g_signal_handlers_disconnect_by_data (self->analysis, self);
  invalidate (self);
  g_clear_object (&self->analysis);

  G_OBJECT_CLASS (cto_board_pages_parent_class)->dispose (object);
}

static void
cto_board_pages_finalize (GObject *object)
{
  CtoBoardPages *self = (CtoBoardPages *) object;

  g_clear_pointer (&self->date, g_date_time_unref);
  g_clear_object (&self->pango);
  g_clear_pointer (&self->pages, g_array_unref);
  g_clear_pointer (&self->matrix_items, g_array_unref);
  g_clear_pointer (&self->matrix_columns, g_array_unref);
  g_clear_pointer (&self->gap_items, g_ptr_array_unref);
  g_clear_pointer (&self->org_pages, g_ptr_array_unref);
  g_clear_pointer (&self->continues_on, g_array_unref);
  g_clear_pointer (&self->placed_on, g_array_unref);

  G_OBJECT_CLASS (cto_board_pages_parent_class)->finalize (object);
}

static void
cto_board_pages_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CtoBoardPages *self = CTO_BOARD_PAGES (object);

  switch (prop_id)
    {
    case PROP_ANALYSIS:
      g_value_set_object (value, self->analysis);
      break;
    case PROP_DATE:
      g_value_set_boxed (value, self->date);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cto_board_pages_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  CtoBoardPages *self = CTO_BOARD_PAGES (object);

  switch (prop_id)
    {
    case PROP_ANALYSIS:
      self->analysis = g_value_dup_object (value);
      if (self->analysis != NULL)
        g_signal_connect_swapped (self->analysis, "changed", G_CALLBACK (analysis_changed_cb), self);
      break;
    case PROP_DATE:
      cto_board_pages_set_date (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cto_board_pages_class_init (CtoBoardPagesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cto_board_pages_dispose;
  object_class->finalize = cto_board_pages_finalize;
  object_class->get_property = cto_board_pages_get_property;
  object_class->set_property = cto_board_pages_set_property;

  properties[PROP_ANALYSIS] =
    g_param_spec_object ("analysis", NULL, NULL,
                         CTO_TYPE_ANALYSIS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_DATE] =
    g_param_spec_boxed ("date", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CtoBoardPages::changed:
   *
   * The pages must be drawn again; their number may have changed.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
cto_board_pages_init (CtoBoardPages *self)
{
  cairo_font_options_t *options = cairo_font_options_create ();

  self->date = _cto_report_default_date ();
  self->pages = g_array_new (FALSE, TRUE, sizeof (Page));
  self->matrix_items = g_array_new (FALSE, TRUE, sizeof (MatrixItem));
  g_array_set_clear_func (self->matrix_items, (GDestroyNotify) matrix_item_clear);
  self->matrix_columns = g_array_new (FALSE, TRUE, sizeof (guint));
  self->gap_items = g_ptr_array_new_with_free_func ((GDestroyNotify) gap_item_free);
  self->org_pages = g_ptr_array_new_with_free_func ((GDestroyNotify) org_page_free);
  self->continues_on = g_array_new (FALSE, TRUE, sizeof (int));
  self->placed_on = g_array_new (FALSE, TRUE, sizeof (int));

  /* Text measured and drawn the same on screen, on paper and in files:
   * sizes in points, no hinting to bend the metrics to a screen's pixels. */
  self->pango = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  pango_cairo_context_set_resolution (self->pango, 72);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (self->pango, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (self->pango, FALSE);
}

/**
 * cto_board_pages_new:
 * @analysis: the analysis of the plan to show
 *
 * Returns: (transfer full): the board pages of @analysis's plan, dated today.
 */
CtoBoardPages *
cto_board_pages_new (CtoAnalysis *analysis)
{
  g_return_val_if_fail (CTO_IS_ANALYSIS (analysis), NULL);

  return g_object_new (CTO_TYPE_BOARD_PAGES, "analysis", analysis, NULL);
}

CtoAnalysis *
cto_board_pages_get_analysis (CtoBoardPages *self)
{
  g_return_val_if_fail (CTO_IS_BOARD_PAGES (self), NULL);

  return self->analysis;
}

/**
 * cto_board_pages_get_date:
 *
 * Returns: (transfer none): the date on the pages
 */
GDateTime *
cto_board_pages_get_date (CtoBoardPages *self)
{
  g_return_val_if_fail (CTO_IS_BOARD_PAGES (self), NULL);

  return self->date;
}

/**
 * cto_board_pages_set_date:
 * @date: (nullable): the date to show, or %NULL for today
 */
void
cto_board_pages_set_date (CtoBoardPages *self,
                          GDateTime     *date)
{
  g_return_if_fail (CTO_IS_BOARD_PAGES (self));

  if (date == NULL && !self->date_set)
    return;
  if (date != NULL && self->date_set && g_date_time_equal (date, self->date))
    return;

  g_clear_pointer (&self->date, g_date_time_unref);
  self->date = date != NULL ? g_date_time_ref (date) : _cto_report_default_date ();
  self->date_set = date != NULL;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * cto_board_pages_get_n_pages:
 * @width: the page's width, in any unit
 * @height: the page's height, in the same unit
 *
 * Returns: how many pages there are at this size; at least six when the
 * size is one (≥ 1 × 1)
 */
guint
cto_board_pages_get_n_pages (CtoBoardPages *self,
                             double         width,
                             double         height)
{
  Frame frame;

  g_return_val_if_fail (CTO_IS_BOARD_PAGES (self), 0);

  if (!valid_size (width, height))
    return 0;

  frame_init (&frame, width, height);
  ensure_pages (self, &frame);

  return self->pages->len;
}

static const Page *
get_page (CtoBoardPages *self,
          Frame         *frame,
          double         width,
          double         height,
          guint          page)
{
  if (!valid_size (width, height))
    return NULL;

  frame_init (frame, width, height);
  ensure_pages (self, frame);
  if (page >= self->pages->len)
    return NULL;

  return &g_array_index (self->pages, Page, page);
}

static gboolean
paint_page (CtoBoardPages *self,
            cairo_t       *cr,
            double         width,
            double         height,
            guint          page,
            GString       *text)
{
  Painter painter = { 0 };

  painter.self = self;
  painter.cr = cr;
  painter.number = page;
  painter.text = text;
  painter.page = get_page (self, &painter.frame, width, height, page);
  if (painter.page == NULL)
    return FALSE;

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  set_color (cr, COLOR_WHITE);
  cairo_fill (cr);
  cairo_scale (cr, painter.frame.scale, painter.frame.scale);
  pango_cairo_update_context (cr, self->pango);

  switch (painter.page->kind)
    {
    case CTO_BOARD_PAGE_TITLE:
      draw_title_page (&painter);
      break;
    case CTO_BOARD_PAGE_COVERAGE:
      draw_coverage_page (&painter);
      break;
    case CTO_BOARD_PAGE_PEOPLE:
      draw_people_page (&painter);
      break;
    case CTO_BOARD_PAGE_MATRIX:
      draw_matrix_page (&painter);
      break;
    case CTO_BOARD_PAGE_ORG_CHART:
      draw_org_page (&painter);
      break;
    case CTO_BOARD_PAGE_GAPS:
    default:
      draw_gaps_page (&painter);
      break;
    }

  cairo_restore (cr);

  return TRUE;
}

/**
 * cto_board_pages_draw_page:
 * @cr: where to draw
 * @width: the page's width in @cr's user units
 * @height: the page's height
 * @page: which page, from 0 to cto_board_pages_get_n_pages() − 1
 *
 * Draws the page, its white background included, into (0, 0, @width, @height).
 */
void
cto_board_pages_draw_page (CtoBoardPages *self,
                           cairo_t       *cr,
                           double         width,
                           double         height,
                           guint          page)
{
  g_return_if_fail (CTO_IS_BOARD_PAGES (self));
  g_return_if_fail (cr != NULL);

  if (!paint_page (self, cr, width, height, page, NULL))
    g_critical ("%s: no page %u at %g × %g", G_STRFUNC, page, width, height);
}

/**
 * cto_board_pages_get_page_text:
 * @width: the page's width, in any unit
 * @height: the page's height, in the same unit
 * @page: which page
 *
 * Returns: (transfer full) (nullable): every string drawn on @page, whole
 * (also where the page shortens it), one line each, in the order they are
 * drawn; %NULL past the last page
 */
char *
cto_board_pages_get_page_text (CtoBoardPages *self,
                               double         width,
                               double         height,
                               guint          page)
{
  g_autoptr(GString) text = g_string_new (NULL);
  cairo_surface_t *surface;
  cairo_t *cr;
  gboolean drawn;

  g_return_val_if_fail (CTO_IS_BOARD_PAGES (self), NULL);

  /* Drawn as for a file, so that every choice of what to draw is the same;
   * a surface of one pixel keeps the drawing itself cheap. */
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1, 1);
  cr = cairo_create (surface);
  drawn = paint_page (self, cr, width, height, page, text);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  if (!drawn)
    return NULL;

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * cto_board_pages_get_page_title:
 *
 * Returns: (transfer full) (nullable): the heading of @page, with which of
 * its kind's pages it is when there are several; %NULL past the last page
 */
char *
cto_board_pages_get_page_title (CtoBoardPages *self,
                                double         width,
                                double         height,
                                guint          page)
{
  Frame frame;
  const Page *p;

  g_return_val_if_fail (CTO_IS_BOARD_PAGES (self), NULL);

  p = get_page (self, &frame, width, height, page);
  if (p == NULL)
    return NULL;

  return page_title (self, p);
}

CtoBoardPageKind
cto_board_pages_get_page_kind (CtoBoardPages *self,
                               double         width,
                               double         height,
                               guint          page)
{
  Frame frame;
  const Page *p;

  g_return_val_if_fail (CTO_IS_BOARD_PAGES (self), CTO_BOARD_PAGE_TITLE);

  p = get_page (self, &frame, width, height, page);
  if (p == NULL)
    {
      g_critical ("%s: no page %u at %g × %g", G_STRFUNC, page, width, height);
      return CTO_BOARD_PAGE_TITLE;
    }

  return p->kind;
}

guint
cto_board_pages_find_page (CtoBoardPages    *self,
                           double            width,
                           double            height,
                           CtoBoardPageKind  kind)
{
  Frame frame;

  g_return_val_if_fail (CTO_IS_BOARD_PAGES (self), 0);
  g_return_val_if_fail (kind <= CTO_BOARD_PAGE_GAPS, 0);

  if (!valid_size (width, height))
    return 0;

  frame_init (&frame, width, height);
  ensure_pages (self, &frame);
  for (guint i = 0; i < self->pages->len; i++)
    if (g_array_index (self->pages, Page, i).kind == kind)
      return i;

  return 0;
}

/**
 * _cto_board_pages_get_org_boxes:
 * @width: the page's width, in any unit
 * @height: the page's height, in the same unit
 * @page: which page
 *
 * Returns: (transfer full) (element-type CtoBoardOrgBox): the org chart's
 * boxes on @page, in @width × @height units
 */
GArray *
_cto_board_pages_get_org_boxes (CtoBoardPages *self,
                                double         width,
                                double         height,
                                guint          page)
{
  GArray *result = g_array_new (FALSE, TRUE, sizeof (CtoBoardOrgBox));
  g_autoptr(GArray) boxes = NULL;
  Frame frame;
  const Page *p;

  g_return_val_if_fail (CTO_IS_BOARD_PAGES (self), result);

  p = get_page (self, &frame, width, height, page);
  if (p == NULL)
    return result;

  boxes = collect_org_boxes (self, &frame, p);
  for (guint i = 0; i < boxes->len; i++)
    {
      const OrgBox *box = &g_array_index (boxes, OrgBox, i);
      CtoBoardOrgBox out = { 0 };

      out.person = cto_org_layout_get_data (self->tree, box->node);
      out.rect.x = box->rect.x * frame.scale;
      out.rect.y = box->rect.y * frame.scale;
      out.rect.width = box->rect.width * frame.scale;
      out.rect.height = box->rect.height * frame.scale;
      out.manager = box->manager;
      out.head = box->head;
      out.again = box->again;
      out.own_page = (int) ((const OrgPage *) g_ptr_array_index (self->org_pages, box->own_piece))->page;
      out.team_page = box->team_piece >= 0
                      ? (int) ((const OrgPage *) g_ptr_array_index (self->org_pages, box->team_piece))->page
                      : -1;
      out.more_page = box->more_piece >= 0
                      ? (int) ((const OrgPage *) g_ptr_array_index (self->org_pages, box->more_piece))->page
                      : -1;
      g_array_append_val (result, out);
    }

  return result;
}

/**
 * _cto_board_pages_get_matrix_page:
 * @rows: (out) (transfer container) (element-type CtoResponsibility): the rows
 * @columns: (out) (transfer container) (element-type CtoPerson): the columns
 *
 * Returns: whether @page is a page of the matrix
 */
gboolean
_cto_board_pages_get_matrix_page (CtoBoardPages  *self,
                                  double          width,
                                  double          height,
                                  guint           page,
                                  GPtrArray     **rows,
                                  GPtrArray     **columns)
{
  Frame frame;
  const Page *p;

  g_return_val_if_fail (CTO_IS_BOARD_PAGES (self), FALSE);
  g_return_val_if_fail (rows != NULL && columns != NULL, FALSE);

  *rows = *columns = NULL;
  p = get_page (self, &frame, width, height, page);
  if (p == NULL || p->kind != CTO_BOARD_PAGE_MATRIX)
    return FALSE;

  *rows = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = p->first; i < p->last; i++)
    {
      const MatrixItem *item = &g_array_index (self->matrix_items, MatrixItem, i);

      if (item->kind == MATRIX_RESPONSIBILITY)
        g_ptr_array_add (*rows, g_object_ref (item->responsibility));
    }

  *columns = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint c = p->column_first; c < p->column_last; c++)
    g_ptr_array_add (*columns, g_object_ref (column_person (self, c)));

  return TRUE;
}
