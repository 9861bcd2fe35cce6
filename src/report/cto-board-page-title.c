/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-board-pages"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "cto-board-page-kind-private.h"
#include "cto-report-private.h"

/* The first page: the plan's title, the date, and the four functions in a line. */

static void
draw_title_page (CtoBoardPainter *p)
{
  const CtoBoardFrame *f = &p->frame;
  CtoAnalysis *analysis = p->analysis;
  CtoPlan *plan = cto_analysis_get_plan (analysis);
  const CtoBoardStyle title_style = { 32, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, CTO_BOARD_COLOR_INK, PANGO_ALIGN_LEFT };
  const CtoBoardStyle kicker_style = { 10, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, CTO_BOARD_COLOR_ACCENT, PANGO_ALIGN_LEFT };
  const CtoBoardStyle date_style = { 14, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, CTO_BOARD_COLOR_MUTED, PANGO_ALIGN_LEFT };
  const CtoBoardStyle summary_style = { 11, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, CTO_BOARD_COLOR_INK, PANGO_ALIGN_LEFT };
  const CtoBoardStyle name_style = { 11, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, CTO_BOARD_COLOR_INK, PANGO_ALIGN_LEFT };
  const CtoBoardStyle status_style = { 9.5, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, CTO_BOARD_COLOR_MUTED, PANGO_ALIGN_LEFT };
  double left = CTO_BOARD_MARGIN * 2;
  double width = f->width - 2 * left;
  double y = f->height * 0.24;
  g_autofree char *kicker = g_utf8_strup (_("Technology responsibilities"), -1);
  g_autofree char *subtitle = _cto_report_subtitle (p->date);
  g_autofree char *summary = _cto_report_plan_summary (analysis);
  double column;

  _cto_board_set_color (p->cr, CTO_BOARD_COLOR_ACCENT);
  cairo_rectangle (p->cr, left, y, 48, 4);
  cairo_fill (p->cr);
  y += 16;
  y += _cto_board_draw_text (p, &kicker_style, kicker, left, y, width, 1) + 8;
  y += _cto_board_draw_text (p, &title_style, cto_plan_get_title (plan), left, y, width, 3) + 10;
  y += _cto_board_draw_text (p, &date_style, subtitle, left, y, width, 1) + 18;
  _cto_board_draw_text (p, &summary_style, summary, left, y, width, 2);

  /* The four functions in one line, as a preview of the next page. */
  y = f->height - 132;
  _cto_board_hline (p->cr, left, left + width, y, 0.75, CTO_BOARD_COLOR_RULE);
  y += 18;
  column = width / CTO_N_FUNCTIONS;
  for (guint fn = 0; fn < CTO_N_FUNCTIONS; fn++)
    {
      const CtoFunctionReport *report = cto_analysis_get_function (analysis, (CtoFunction) fn);
      double x = left + fn * column;

      _cto_board_draw_status_glyph (p->cr, report->status, x + 8, y + 8, 7.5);
      _cto_board_draw_text (p, &name_style, cto_function_get_name ((CtoFunction) fn), x + 22, y,
                            column - 30, 1);
      _cto_board_draw_text (p, &status_style, cto_coverage_get_name (report->status), x + 22,
                            y + 17, column - 30, 1);
    }
}

static gpointer
paginate_title (CtoBoardPagination *pagination)
{
  _cto_board_pagination_add_page (pagination, 0);

  return NULL;
}

static const char *
title_heading (CtoAnalysis *analysis)
{
  return cto_plan_get_title (cto_analysis_get_plan (analysis));
}

const CtoBoardPageKindInfo _cto_board_page_title = {
  .kind = CTO_BOARD_PAGE_TITLE,
  .heading = title_heading,
  .paginate = paginate_title,
  .draw = draw_title_page,
};
