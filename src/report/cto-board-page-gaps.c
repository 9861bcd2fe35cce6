/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-board-pages"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "cto-board-page-kind-private.h"
#include "cto-report-private.h"

/* The gaps: the hiring gap, then what the plan leaves open, in columns. */

/* Gaps */
#define GAPS_COLUMN_GAP     28.0
#define GAPS_ROW_H          18.0
#define GAPS_ITEM_H         16.0   /* one line; each further line adds GAPS_LINE_H */
#define GAPS_LINE_H         11.5
#define GAPS_ITEM_LINES     3

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
  char        *shown;      /* of an item: @text, its plan text cut to fit its lines */
  int          lines;      /* of an item, at the column's width */
} GapItem;

typedef struct
{
  GPtrArray *items;     /* GapItem */
} GapsState;

static void
gap_item_free (GapItem *item)
{
  g_free (item->text);
  g_free (item->shown);
  g_free (item);
}

static void
gaps_state_free (GapsState *self)
{
  g_ptr_array_unref (self->items);
  g_free (self);
}

static double
gap_item_height (const GapItem *item)
{
  switch (item->kind)
    {
    case GAP_HEADING:
      return CTO_BOARD_SECTION_HEADING_H;
    case GAP_ROW:
    case GAP_TOTAL:
      return GAPS_ROW_H;
    case GAP_ITEM:
    case GAP_NONE:
    default:
      return GAPS_ITEM_H + (MAX (item->lines, 1) - 1) * GAPS_LINE_H;
    }
}

static double
measure_gap_item (gconstpointer  data,
                  gboolean      *heading)
{
  const GapItem *item = data;

  *heading = item->kind == GAP_HEADING;
  return gap_item_height (item);
}

static void
add_gap_item (GapsState   *self,
              GapItemKind  kind,
              int          function,
              const char  *text)
{
  GapItem *item = g_new0 (GapItem, 1);

  item->kind = kind;
  item->function = function;
  item->text = g_strdup (text);
  g_ptr_array_add (self->items, item);
}

static guint
gaps_columns (const CtoBoardFrame *frame)
{
  return _cto_board_frame_content_width (frame) >= 640 ? 2 : 1;
}

static double
gaps_column_width (const CtoBoardFrame *frame)
{
  guint n_columns = gaps_columns (frame);

  return (_cto_board_frame_content_width (frame) - (n_columns - 1) * GAPS_COLUMN_GAP) / n_columns;
}

static gpointer
paginate_gaps (CtoBoardPagination *pagination)
{
  const CtoBoardFrame *frame = &pagination->frame;
  GapsState *self = g_new0 (GapsState, 1);
  g_autoptr(GPtrArray) sections = _cto_report_gap_sections (pagination->analysis, TRUE);
  guint n_columns = gaps_columns (frame);
  double item_width = gaps_column_width (frame) - 14;

  self->items = g_ptr_array_new_with_free_func ((GDestroyNotify) gap_item_free);
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
   * measured the same at any scale (no hinting). An item too long for them
   * is cut in its titles and names, not at its end, where it says whom a
   * suggestion gives work to. */
  for (guint i = 0; i < self->items->len; i++)
    {
      GapItem *item = g_ptr_array_index (self->items, i);
      g_autoptr(PangoLayout) layout = NULL;

      if (item->kind != GAP_ITEM)
        continue;
      item->shown = _cto_board_fit_isolated (pagination->pango, &CTO_BOARD_STYLE_BODY, item->text,
                                             item_width, GAPS_ITEM_LINES);
      layout = _cto_board_make_layout (pagination->pango, &CTO_BOARD_STYLE_BODY, item->shown,
                                       item_width, GAPS_ITEM_LINES);
      item->lines = pango_layout_get_line_count (layout);
    }

  _cto_board_pagination_flow (pagination, self->items, measure_gap_item, n_columns,
                              _cto_board_frame_content_height (frame));

  return self;
}

static void
draw_gaps_page (CtoBoardPainter *p)
{
  const CtoBoardFrame *f = &p->frame;
  const CtoBoardFlowPage *page = p->page->detail;
  CtoAnalysis *analysis = p->analysis;
  CtoPlan *plan = cto_analysis_get_plan (analysis);
  double column_w = gaps_column_width (f);
  double total = _cto_report_total_gap_hours (analysis);
  g_autofree char *subtitle = NULL;

  if (total > 1e-9)
    {
      g_autofree char *hours = cto_report_format_hours (total);
      g_autofree char *fte = cto_report_format_decimal (total / cto_plan_get_hours_per_fte (plan));

      /* Translators: "Hiring gap: 20 h a week (0.5 FTE)" */
      subtitle = g_strdup_printf (_("Hiring gap: %s a week (%s FTE)"), hours, fte);
    }
  else
    {
      subtitle = g_strdup (_("No hiring gap: every hour of work has someone with room for it."));
    }
  _cto_board_draw_header (p, subtitle);

  for (guint c = 0; c < page->n_columns; c++)
    {
      const CtoBoardFlowColumn *column = &page->columns[c];
      double x = f->left + c * (column_w + GAPS_COLUMN_GAP);
      double y = f->top - 6;
      double hours_x = x + column_w * 0.62;
      double number_w = column_w * 0.19;

      if (column->carry >= 0)
        {
          const GapItem *heading = g_ptr_array_index (((GapsState *) p->state)->items,
                                                      column->carry);

          _cto_board_draw_section_heading (p, heading->text, TRUE, x, y, column_w);
          y += CTO_BOARD_SECTION_HEADING_H;
        }

      for (guint i = column->first; i < column->last; i++)
        {
          const GapItem *item = g_ptr_array_index (((GapsState *) p->state)->items, i);

          switch (item->kind)
            {
            case GAP_HEADING:
              _cto_board_draw_section_heading (p, item->text, FALSE, x, y, column_w);
              break;

            case GAP_ROW:
              {
                const CtoFunctionReport *report = cto_analysis_get_function (analysis, (CtoFunction) item->function);
                g_autofree char *hours = cto_report_format_hours (report->gap_hours);
                g_autofree char *fte = cto_report_format_fte (report->gap_fte);
                gboolean gap = cto_function_report_has_hiring_gap (report);

                _cto_board_draw_status_glyph (p->cr, report->status, x + 5, y + 8.5, 4.5);
                _cto_board_draw_text (p, &CTO_BOARD_STYLE_BODY, cto_function_get_name (report->function), x + 15, y + 2,
                           column_w * 0.34, 1);
                _cto_board_draw_text (p, &CTO_BOARD_STYLE_SMALL, cto_coverage_get_name (report->status),
                           x + 15 + column_w * 0.34, y + 3, column_w * 0.26, 1);
                _cto_board_draw_text (p,
                                      gap ? &CTO_BOARD_STYLE_BODY_BOLD_RIGHT : &CTO_BOARD_STYLE_BODY_RIGHT,
                                      hours, hours_x, y + 2, number_w, 1);
                _cto_board_draw_text (p, gap ? &CTO_BOARD_STYLE_BODY_BOLD_RIGHT : &CTO_BOARD_STYLE_BODY_RIGHT, fte,
                           hours_x + number_w, y + 2, number_w, 1);
              }
              break;

            case GAP_TOTAL:
              {
                g_autofree char *hours = cto_report_format_hours (total);
                g_autofree char *fte = cto_report_format_fte (total / cto_plan_get_hours_per_fte (plan));

                _cto_board_hline (p->cr, x, x + column_w, y + 0.5, 0.75, CTO_BOARD_COLOR_LINE);
                _cto_board_draw_text (p, &CTO_BOARD_STYLE_BODY_BOLD, _("All functions"), x + 15,
                                      y + 3, column_w * 0.5, 1);
                _cto_board_draw_text (p, &CTO_BOARD_STYLE_BODY_BOLD_RIGHT, hours, hours_x, y + 3,
                                      number_w, 1);
                _cto_board_draw_text (p, &CTO_BOARD_STYLE_BODY_BOLD_RIGHT, fte, hours_x + number_w,
                                      y + 3, number_w, 1);
              }
              break;

            case GAP_ITEM:
              _cto_board_set_color (p->cr, CTO_BOARD_COLOR_ACCENT);
              cairo_rectangle (p->cr, x + 3, y + 6, 4, 4);
              cairo_fill (p->cr);
              _cto_board_draw_text_said (p, &CTO_BOARD_STYLE_BODY, item->shown, item->text, x + 14,
                                         y + 2, column_w - 14, GAPS_ITEM_LINES);
              break;

            case GAP_NONE:
            default:
              _cto_board_draw_text (p, &CTO_BOARD_STYLE_NOTE, item->text, x + 14, y + 2,
                                    column_w - 14, 1);
              break;
            }

          y += gap_item_height (item);
        }
    }

  _cto_board_draw_footer (p);
}

static const char *
gaps_heading (CtoAnalysis *analysis)
{
  return _cto_report_heading_gaps ();
}

const CtoBoardPageKindInfo _cto_board_page_gaps = {
  .kind = CTO_BOARD_PAGE_GAPS,
  .heading = gaps_heading,
  .paginate = paginate_gaps,
  .draw = draw_gaps_page,
  .free_state = (GDestroyNotify) gaps_state_free,
};
