/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-board-pages"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "cto-board-page-kind-private.h"
#include "cto-report-private.h"

/* Coverage at a glance: a card for each of the four functions. */

#define DESCRIPTION_LINES 4

static const CtoBoardStyle CTO_BOARD_STYLE_DESCRIPTION = { 7.5, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, CTO_BOARD_COLOR_MUTED, PANGO_ALIGN_LEFT };

/* @description_h: the room for the function's description, the same in
 * every card so that their facts line up; 0 for none. */
static void
draw_coverage_card (CtoBoardPainter         *p,
                    const CtoFunctionReport *report,
                    double                   x,
                    double                   y,
                    double                   width,
                    double                   height,
                    double                   description_h)
{
  cairo_t *cr = p->cr;
  const CtoBoardStyle name_style = { 14, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, CTO_BOARD_COLOR_INK, PANGO_ALIGN_LEFT };
  const CtoBoardStyle description_style = CTO_BOARD_STYLE_DESCRIPTION;
  const CtoBoardStyle status_style = { 12, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, _cto_board_status_color (report->status),
                               PANGO_ALIGN_LEFT };
  const CtoBoardStyle value_style = { 8.5, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, CTO_BOARD_COLOR_INK, PANGO_ALIGN_LEFT };
  const CtoBoardStyle value_warn_style = { 8.5, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, CTO_BOARD_COLOR_WARN, PANGO_ALIGN_LEFT };
  double inner_x = x + 14;
  double inner_w = width - 28;
  double cy = y + 18;
  double slot;
  guint n_facts = CTO_REPORT_N_FACTS - 1;

  cairo_save (cr);
  cairo_new_path (cr);
  _cto_board_rounded_rectangle (cr, x, y, width, height, 6);
  _cto_board_set_color (cr, CTO_BOARD_COLOR_WHITE);
  cairo_fill_preserve (cr);
  _cto_board_set_color (cr, CTO_BOARD_COLOR_RULE);
  cairo_set_line_width (cr, 0.8);
  cairo_stroke_preserve (cr);
  cairo_clip (cr);
  _cto_board_set_color (cr, _cto_board_status_color (report->status));
  cairo_rectangle (cr, x, y, width, 5);
  cairo_fill (cr);
  cairo_restore (cr);

  cy += _cto_board_draw_text (p, &name_style, cto_function_get_name (report->function), inner_x, cy, inner_w, 1) + 3;
  if (description_h > 0)
    {
      _cto_board_draw_text (p, &description_style, cto_function_get_description (report->function),
                 inner_x, cy, inner_w, DESCRIPTION_LINES);
      cy += description_h + 5;
    }

  _cto_board_draw_status_glyph (cr, report->status, inner_x + 8, cy + 9, 8);
  _cto_board_draw_text (p, &status_style, cto_coverage_get_name (report->status), inner_x + 22,
                        cy + 1, inner_w - 22, 1);
  cy += 26;
  _cto_board_hline (cr, inner_x, inner_x + inner_w, cy, 0.6, CTO_BOARD_COLOR_RULE);
  cy += 8;

  slot = (y + height - 8 - cy) / n_facts;
  for (guint fact = CTO_REPORT_FACT_STATUS + 1; fact < CTO_REPORT_N_FACTS; fact++)
    {
      g_autofree char *label = g_utf8_strup (_cto_report_fact_get_label ((CtoReportFact) fact), -1);
      g_autofree char *value = NULL;
      g_autoptr(GPtrArray) people = _cto_report_fact_get_people (p->analysis, report,
                                                                 (CtoReportFact) fact, TRUE);
      gboolean warning = _cto_report_fact_is_warning (report, (CtoReportFact) fact);
      int lines = MAX (1, (int) floor ((slot - 13) / 10.5));

      /* A list of people ends on a whole name, with how many more. */
      if (people != NULL && people->len > 0)
        value = _cto_board_fit_list (p, warning ? &value_warn_style : &value_style, people,
                                     warning ? inner_w - 14 : inner_w, lines);
      else
        value = _cto_report_fact_get_value (p->analysis, report, (CtoReportFact) fact, TRUE);

      _cto_board_draw_text (p, &CTO_BOARD_STYLE_LABEL, label, inner_x, cy, inner_w, 1);
      if (warning)
        {
          _cto_board_draw_warning_glyph (cr, inner_x + 5, cy + 17, 9, CTO_BOARD_COLOR_WARN);
          _cto_board_draw_text (p, &value_warn_style, value, inner_x + 14, cy + 11, inner_w - 14,
                                lines);
        }
      else
        {
          _cto_board_draw_text (p, &value_style, value, inner_x, cy + 11, inner_w, lines);
        }
      cy += slot;
    }
}

static void
draw_legend (CtoBoardPainter *p,
             double           y)
{
  const CtoBoardFrame *f = &p->frame;
  const CtoCoverage order[] = {
    CTO_COVERAGE_COVERED, CTO_COVERAGE_PARTIAL, CTO_COVERAGE_UNCOVERED, CTO_COVERAGE_EMPTY,
  };
  double x = f->left;

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      const char *name = cto_coverage_get_name (order[i]);

      _cto_board_draw_status_glyph (p->cr, order[i], x + 5, y + 6, 5);
      _cto_board_draw_text (p, &CTO_BOARD_STYLE_SMALL, name, x + 14, y, 0, 1);
      x += 14 + _cto_board_text_width (p, &CTO_BOARD_STYLE_SMALL, name) + 18;
    }

  _cto_board_draw_warning_glyph (p->cr, x + 5, y + 6, 9, CTO_BOARD_COLOR_WARN);
  _cto_board_draw_text (p, &CTO_BOARD_STYLE_SMALL, _("needs attention"), x + 14, y,
                        f->right - x - 14, 1);
}

static void
draw_coverage_page (CtoBoardPainter *p)
{
  const CtoBoardFrame *f = &p->frame;
  g_autofree char *summary = _cto_report_plan_summary (p->analysis);
  guint columns = _cto_board_frame_content_width (f) >= 640 ? 4 : 2;
  guint rows = CTO_N_FUNCTIONS / columns;
  double gap = 14;
  double legend = 22;
  double width = (_cto_board_frame_content_width (f) - (columns - 1) * gap) / columns;
  double height = (_cto_board_frame_content_height (f) - legend - (rows - 1) * gap) / rows;
  double description_h = 0;

  _cto_board_draw_header (p, summary);

  /* Tall cards say what each function covers. */
  for (guint fn = 0; fn < CTO_N_FUNCTIONS && height >= 380; fn++)
    {
      g_autoptr(PangoLayout) layout = _cto_board_make_layout (p->pango, &CTO_BOARD_STYLE_DESCRIPTION,
                                                   cto_function_get_description ((CtoFunction) fn),
                                                   width - 28, DESCRIPTION_LINES);
      PangoRectangle logical;

      pango_layout_get_extents (layout, NULL, &logical);
      description_h = MAX (description_h, (double) logical.height / PANGO_SCALE);
    }

  for (guint fn = 0; fn < CTO_N_FUNCTIONS; fn++)
    {
      const CtoFunctionReport *report = cto_analysis_get_function (p->analysis, (CtoFunction) fn);
      double x = f->left + (fn % columns) * (width + gap);
      double y = f->top + (fn / columns) * (height + gap);

      draw_coverage_card (p, report, x, y, width, height, description_h);
    }

  draw_legend (p, f->bottom - 12);
  _cto_board_draw_footer (p);
}

static gpointer
paginate_coverage (CtoBoardPagination *pagination)
{
  _cto_board_pagination_add_page (pagination, 0);

  return NULL;
}

static const char *
coverage_heading (CtoAnalysis *analysis)
{
  return _cto_report_heading_coverage ();
}

const CtoBoardPageKindInfo _cto_board_page_coverage = {
  .kind = CTO_BOARD_PAGE_COVERAGE,
  .heading = coverage_heading,
  .paginate = paginate_coverage,
  .draw = draw_coverage_page,
};
