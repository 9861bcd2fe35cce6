/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-board-pages"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "cto-board-page-kind-private.h"
#include "cto-report-time-private.h"

/* Since the last plan (PLAN-FORMAT.md, section 7): each function before and
 * after, then the people and responsibilities added, removed and changed,
 * in columns, going on to further pages when long. Only with a baseline. */

#define SINCE_HEAD_H      20.0
#define SINCE_ROW_H       24.0
#define SINCE_FUNCTION_W  130.0
#define SINCE_COLUMN_GAP  28.0
#define SINCE_ITEM_H      17.0
#define SINCE_LINE_H      11.5
#define SINCE_DETAIL_LINES 3

typedef enum
{
  SINCE_HEADING,
  SINCE_CHANGE,
  SINCE_NONE,
} SinceItemKind;

/* A block of the flow: a heading, "No changes.", or a change with the
 * lines that say what changed, which stay in one column with it. */
typedef struct
{
  SinceItemKind        kind;
  CtoReportChangeKind  change;
  char                *text;
  GPtrArray           *details;       /* char*, of a change */
  GArray              *detail_lines;  /* int, each detail's lines */
} SinceItem;

typedef struct
{
  CtoPlanDiff *diff;
  GPtrArray   *items;   /* SinceItem */
} SinceState;

static void
since_item_free (SinceItem *item)
{
  g_free (item->text);
  g_clear_pointer (&item->details, g_ptr_array_unref);
  g_clear_pointer (&item->detail_lines, g_array_unref);
  g_free (item);
}

static void
since_state_free (SinceState *self)
{
  g_clear_object (&self->diff);
  g_ptr_array_unref (self->items);
  g_free (self);
}

static SinceItem *
add_item (SinceState          *self,
          SinceItemKind        kind,
          CtoReportChangeKind  change,
          const char          *text)
{
  SinceItem *item = g_new0 (SinceItem, 1);

  item->kind = kind;
  item->change = change;
  item->text = g_strdup (text);
  g_ptr_array_add (self->items, item);

  return item;
}

static double
detail_height (int lines)
{
  return SINCE_LINE_H * lines + 2;
}

static double
item_height (const SinceItem *item)
{
  double height;

  switch (item->kind)
    {
    case SINCE_HEADING:
      return CTO_BOARD_SECTION_HEADING_H;
    case SINCE_CHANGE:
      height = SINCE_ITEM_H;
      for (guint d = 0; item->detail_lines != NULL && d < item->detail_lines->len; d++)
        height += detail_height (g_array_index (item->detail_lines, int, d));
      return height;
    case SINCE_NONE:
    default:
      return SINCE_ITEM_H;
    }
}

static double
measure_item (gconstpointer  data,
              gboolean      *heading)
{
  const SinceItem *item = data;

  *heading = item->kind == SINCE_HEADING;
  return item_height (item);
}

static guint
n_columns (const CtoBoardFrame *frame)
{
  return _cto_board_frame_content_width (frame) >= 640 ? 2 : 1;
}

static double
column_width (const CtoBoardFrame *frame)
{
  guint n = n_columns (frame);

  return (_cto_board_frame_content_width (frame) - (n - 1) * SINCE_COLUMN_GAP) / n;
}

static double
table_height (void)
{
  return SINCE_HEAD_H + CTO_N_FUNCTIONS * SINCE_ROW_H + 10;
}

static gpointer
paginate_since (CtoBoardPagination *pagination)
{
  const CtoBoardFrame *frame = &pagination->frame;
  SinceState *self;
  double detail_width = column_width (frame) - 28;

  if (pagination->baseline == NULL)
    return NULL;

  self = g_new0 (SinceState, 1);
  self->diff = cto_plan_diff_new (pagination->baseline, cto_analysis_get_plan (pagination->analysis));
  self->items = g_ptr_array_new_with_free_func ((GDestroyNotify) since_item_free);

  for (guint kind = 0; kind < 2; kind++)
    {
      g_autoptr(GPtrArray) changes = _cto_report_since_changes (self->diff, kind == 0, TRUE);

      add_item (self, SINCE_HEADING, 0, kind == 0 ? _("People") : _("Responsibilities"));
      if (changes->len == 0)
        add_item (self, SINCE_NONE, 0, _("No changes."));
      for (guint i = 0; i < changes->len; i++)
        {
          const CtoReportChange *change = g_ptr_array_index (changes, i);
          SinceItem *item = add_item (self, SINCE_CHANGE, change->kind, change->text);

          item->details = g_ptr_array_new_with_free_func (g_free);
          item->detail_lines = g_array_new (FALSE, FALSE, sizeof (int));
          for (guint d = 0; d < change->details->len; d++)
            {
              const char *detail = g_ptr_array_index (change->details, d);
              g_autoptr(PangoLayout) layout = _cto_board_make_layout (pagination->pango,
                                                                      &CTO_BOARD_STYLE_SMALL, detail,
                                                                      detail_width, SINCE_DETAIL_LINES);
              int lines = pango_layout_get_line_count (layout);

              g_ptr_array_add (item->details, g_strdup (detail));
              g_array_append_val (item->detail_lines, lines);
            }
        }
    }

  /* Below the functions' table on the first page. */
  _cto_board_pagination_flow (pagination, self->items, measure_item, n_columns (frame),
                              _cto_board_frame_content_height (frame) - table_height ());

  return self;
}

/* A plus for added, a minus for removed, a dot for changed: beside the word. */
static void
draw_change_glyph (cairo_t             *cr,
                   CtoReportChangeKind  kind,
                   double               cx,
                   double               cy)
{
  cairo_save (cr);
  _cto_board_set_color (cr, kind == CTO_REPORT_CHANGE_REMOVED ? CTO_BOARD_COLOR_MUTED
                                                              : CTO_BOARD_COLOR_ACCENT);
  cairo_arc (cr, cx, cy, 4.5, 0, 2 * G_PI);
  cairo_fill (cr);
  _cto_board_set_color (cr, CTO_BOARD_COLOR_WHITE);
  cairo_set_line_width (cr, 1.2);
  switch (kind)
    {
    case CTO_REPORT_CHANGE_ADDED:
      cairo_move_to (cr, cx, cy - 2.5);
      cairo_line_to (cr, cx, cy + 2.5);
      G_GNUC_FALLTHROUGH;
    case CTO_REPORT_CHANGE_REMOVED:
      cairo_move_to (cr, cx - 2.5, cy);
      cairo_line_to (cr, cx + 2.5, cy);
      cairo_stroke (cr);
      break;
    case CTO_REPORT_CHANGE_CHANGED:
    default:
      cairo_arc (cr, cx, cy, 1.5, 0, 2 * G_PI);
      cairo_fill (cr);
      break;
    }
  cairo_restore (cr);
}

static void
draw_table (CtoBoardPainter *p,
            SinceState      *self,
            double           y)
{
  const CtoBoardFrame *f = &p->frame;
  const double shares[CTO_REPORT_SINCE_N_FACTS] = { 0.34, 0.18, 0.28, 0.2 };
  double rest = _cto_board_frame_content_width (f) - SINCE_FUNCTION_W;
  double x;

  _cto_board_draw_text (p, &CTO_BOARD_STYLE_LABEL, _("Function"), f->left, y + 4, SINCE_FUNCTION_W, 1);
  x = f->left + SINCE_FUNCTION_W;
  for (guint fact = 0; fact < CTO_REPORT_SINCE_N_FACTS; fact++)
    {
      _cto_board_draw_text (p, &CTO_BOARD_STYLE_LABEL, _cto_report_since_fact_label (fact), x, y + 4,
                            rest * shares[fact] - 8, 1);
      x += rest * shares[fact];
    }
  y += SINCE_HEAD_H;
  _cto_board_hline (p->cr, f->left, f->right, y - 2, 0.75, CTO_BOARD_COLOR_LINE);

  for (guint fn = 0; fn < CTO_N_FUNCTIONS; fn++)
    {
      const CtoFunctionReport *after =
        cto_analysis_get_function (cto_plan_diff_get_new_analysis (self->diff), (CtoFunction) fn);

      if (fn % 2 == 1)
        {
          _cto_board_set_color (p->cr, CTO_BOARD_COLOR_ZEBRA);
          cairo_rectangle (p->cr, f->left, y, f->right - f->left, SINCE_ROW_H);
          cairo_fill (p->cr);
        }
      _cto_board_draw_status_glyph (p->cr, after->status, f->left + 6, y + 12, 4.5);
      _cto_board_draw_text (p, &CTO_BOARD_STYLE_BODY_BOLD, cto_function_get_name ((CtoFunction) fn),
                            f->left + 16, y + 6, SINCE_FUNCTION_W - 20, 1);
      x = f->left + SINCE_FUNCTION_W;
      for (guint fact = 0; fact < CTO_REPORT_SINCE_N_FACTS; fact++)
        {
          gboolean changed = FALSE;
          g_autofree char *text = _cto_report_since_fact (self->diff, (CtoFunction) fn, fact, FALSE,
                                                          &changed);
          double tx = x;

          if (fact == 3 && after->overloaded)
            {
              _cto_board_draw_warning_glyph (p->cr, x + 4, y + 12, 8, CTO_BOARD_COLOR_WARN);
              tx += 12;
            }
          _cto_board_draw_text (p, changed ? &CTO_BOARD_STYLE_BODY_BOLD : &CTO_BOARD_STYLE_BODY, text,
                                tx, y + 6, rest * shares[fact] - 8 - (tx - x), 1);
          x += rest * shares[fact];
        }
      y += SINCE_ROW_H;
    }
  _cto_board_hline (p->cr, f->left, f->right, y, 0.5, CTO_BOARD_COLOR_RULE);
}

static void
draw_since_page (CtoBoardPainter *p)
{
  const CtoBoardFrame *f = &p->frame;
  SinceState *self = p->state;
  const CtoBoardFlowPage *page = p->page->detail;
  g_autofree char *subtitle = _cto_report_since_subtitle (self->diff);
  double top = f->top - 6;
  double width = column_width (f);

  _cto_board_draw_header (p, subtitle);
  if (p->page->nth == 0)
    {
      draw_table (p, self, top);
      top += table_height ();
    }

  for (guint c = 0; c < page->n_columns; c++)
    {
      const CtoBoardFlowColumn *column = &page->columns[c];
      double x = f->left + c * (width + SINCE_COLUMN_GAP);
      double y = top;

      if (column->carry >= 0)
        {
          const SinceItem *heading = g_ptr_array_index (self->items, column->carry);

          _cto_board_draw_section_heading (p, heading->text, TRUE, x, y, width);
          y += CTO_BOARD_SECTION_HEADING_H;
        }

      for (guint i = column->first; i < column->last; i++)
        {
          const SinceItem *item = g_ptr_array_index (self->items, i);

          switch (item->kind)
            {
            case SINCE_HEADING:
              _cto_board_draw_section_heading (p, item->text, FALSE, x, y, width);
              break;
            case SINCE_CHANGE:
              {
                double detail_y = y + SINCE_ITEM_H;

                draw_change_glyph (p->cr, item->change, x + 5, y + 7.5);
                _cto_board_draw_text (p, &CTO_BOARD_STYLE_BODY, item->text, x + 14, y + 1, width - 14, 1);
                for (guint d = 0; d < item->details->len; d++)
                  {
                    _cto_board_draw_text (p, &CTO_BOARD_STYLE_SMALL, g_ptr_array_index (item->details, d),
                                          x + 28, detail_y, width - 28, SINCE_DETAIL_LINES);
                    detail_y += detail_height (g_array_index (item->detail_lines, int, d));
                  }
              }
              break;
            case SINCE_NONE:
            default:
              _cto_board_draw_text (p, &CTO_BOARD_STYLE_NOTE, item->text, x + 14, y + 1, width - 14, 1);
              break;
            }
          y += item_height (item);
        }
    }

  _cto_board_draw_footer (p);
}

static const char *
since_heading (CtoAnalysis *analysis)
{
  return _cto_report_heading_since ();
}

const CtoBoardPageKindInfo _cto_board_page_since = {
  .kind = CTO_BOARD_PAGE_SINCE,
  .heading = since_heading,
  .paginate = paginate_since,
  .draw = draw_since_page,
  .free_state = (GDestroyNotify) since_state_free,
};
