/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-board-pages"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "cto-board-page-kind-private.h"
#include "cto-report-private.h"

/* People and load: a bar per person against capacity, as many pages as it takes. */

#define PEOPLE_HEAD_H       34.0
#define PEOPLE_ROW_H        30.0
#define PEOPLE_LEGEND_H     20.0   /* the key under the bars */

typedef struct
{
  double load_scale;    /* the utilization at the right end of the bars */
} PeopleState;

static gpointer
paginate_people (CtoBoardPagination *pagination)
{
  const CtoBoardFrame *frame = &pagination->frame;
  PeopleState *state = g_new0 (PeopleState, 1);
  guint n_people = cto_analysis_get_n_people (pagination->analysis);
  guint per_page = MAX (1, (guint) floor ((_cto_board_frame_content_height (frame) - PEOPLE_HEAD_H - PEOPLE_LEGEND_H) /
                                          PEOPLE_ROW_H));
  double highest = 0;

  for (guint i = 0; i < n_people; i++)
    {
      const CtoPersonReport *report = cto_analysis_get_person_nth (pagination->analysis, i);

      if (!report->utilization_unbounded)
        highest = MAX (highest, report->utilization);
    }
  /* Bars from 0 to at least 150 %, at most 300 %, in steps of 50 %. */
  state->load_scale = CLAMP (ceil (highest * 2) / 2, 1.5, 3.0);

  for (guint first = 0; first < n_people || first == 0; first += per_page)
    {
      CtoBoardPage *page = _cto_board_pagination_add_page (pagination, 0);

      page->first = first;
      page->last = MIN (first + per_page, n_people);
      if (n_people == 0)
        break;
    }

  return state;
}

static void
draw_load_bar (CtoBoardPainter       *p,
               const CtoPersonReport *report,
               double                 threshold,
               double                 x,
               double                 y,
               double                 width,
               double                 height)
{
  cairo_t *cr = p->cr;
  double scale = ((PeopleState *) p->state)->load_scale;
  double u = report->utilization;
  double end;

  cairo_save (cr);
  _cto_board_rounded_rectangle (cr, x, y, width, height, 2);
  _cto_board_set_color (cr, CTO_BOARD_COLOR_FAINT);
  cairo_fill (cr);

  if (report->utilization_unbounded)
    {
      _cto_board_draw_hatched (cr, x, y, width, height);
      cairo_restore (cr);
      return;
    }

  end = MIN (u, scale) / scale * width;
  if (report->overloaded)
    {
      double limit = MIN (threshold, scale) / scale * width;

      _cto_board_set_color (cr, CTO_BOARD_COLOR_ACCENT);
      cairo_rectangle (cr, x, y, limit, height);
      cairo_fill (cr);
      _cto_board_draw_hatched (cr, x + limit, y, end - limit, height);
    }
  else if (end > 0)
    {
      _cto_board_set_color (cr, CTO_BOARD_COLOR_ACCENT);
      cairo_rectangle (cr, x, y, end, height);
      cairo_fill (cr);
    }

  /* Beyond the end of the scale: an arrow head says the bar goes on. */
  if (u > scale)
    {
      _cto_board_set_color (cr, CTO_BOARD_COLOR_WARN);
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
draw_people_legend (CtoBoardPainter *p,
                    double           threshold)
{
  const CtoBoardFrame *f = &p->frame;
  cairo_t *cr = p->cr;
  double y = f->bottom - 13;
  double x = f->left;
  const char *load = _("Load");
  const char *over = _("Load past the overload limit: overloaded");
  g_autofree char *full = cto_report_format_percent (1);
  /* Translators: the key to the line at full capacity on the load bars, "Capacity (100%)" */
  g_autofree char *capacity = g_strdup_printf (_("Capacity (%s)"), full);
  const char *limit = _("Overload limit");

  _cto_board_set_color (cr, CTO_BOARD_COLOR_ACCENT);
  cairo_rectangle (cr, x, y + 1, 22, 10);
  cairo_fill (cr);
  _cto_board_draw_text (p, &CTO_BOARD_STYLE_SMALL, load, x + 28, y, 0, 1);
  x += 28 + _cto_board_text_width (p, &CTO_BOARD_STYLE_SMALL, load) + 18;

  _cto_board_draw_hatched (cr, x, y + 1, 22, 10);
  _cto_board_draw_text (p, &CTO_BOARD_STYLE_SMALL, over, x + 28, y, 0, 1);
  x += 28 + _cto_board_text_width (p, &CTO_BOARD_STYLE_SMALL, over) + 18;

  _cto_board_vline (cr, x + 2, y - 1, y + 13, 1.0, CTO_BOARD_COLOR_LINE);
  _cto_board_draw_text (p, &CTO_BOARD_STYLE_SMALL, capacity, x + 8, y, 0, 1);
  x += 8 + _cto_board_text_width (p, &CTO_BOARD_STYLE_SMALL, capacity) + 18;

  if (fabs (threshold - 1) > 1e-9 && threshold < ((PeopleState *) p->state)->load_scale)
    {
      double dash[] = { 3, 2 };

      cairo_save (cr);
      cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
      _cto_board_vline (cr, x + 2, y - 1, y + 13, 1.0, CTO_BOARD_COLOR_WARN);
      cairo_restore (cr);
      _cto_board_draw_text (p, &CTO_BOARD_STYLE_SMALL, limit, x + 8, y, MAX (f->right - x - 8, 1),
                            1);
    }
}

static void
draw_people_page (CtoBoardPainter *p)
{
  const CtoBoardFrame *f = &p->frame;
  const CtoBoardPage *page = p->page;
  CtoAnalysis *analysis = p->analysis;
  CtoPlan *plan = cto_analysis_get_plan (analysis);
  const CtoBoardStyle name_style = { 9.5, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, CTO_BOARD_COLOR_INK, PANGO_ALIGN_LEFT };
  const CtoBoardStyle percent_style = { 10, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, CTO_BOARD_COLOR_INK, PANGO_ALIGN_RIGHT };
  const CtoBoardStyle percent_warn_style = { 10, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, CTO_BOARD_COLOR_WARN, PANGO_ALIGN_RIGHT };
  const CtoBoardStyle load_style = { 8, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, CTO_BOARD_COLOR_MUTED, PANGO_ALIGN_RIGHT };
  const CtoBoardStyle open_style = { 8, PANGO_WEIGHT_NORMAL, PANGO_STYLE_ITALIC, CTO_BOARD_COLOR_MUTED, PANGO_ALIGN_LEFT };
  guint n_people = cto_analysis_get_n_people (analysis);
  guint n_overloaded = 0;
  double threshold = cto_plan_get_overload_threshold (plan);
  double scale = ((PeopleState *) p->state)->load_scale;
  double width = _cto_board_frame_content_width (f);
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
      _cto_board_draw_header (p, _("Load against capacity, per person"));
      _cto_board_draw_text (p, &CTO_BOARD_STYLE_NOTE, _("Nobody is in the plan yet."), f->left,
                            f->top, width, 1);
      _cto_board_draw_footer (p);
      return;
    }

  {
    g_autofree char *count = _cto_report_overloaded_count (n_overloaded, n_people);

    g_string_append (subtitle, count);
  }
  if (page->count > 1)
    {
      g_string_append (subtitle, "  ");
      /* Translators: which people a page shows, "People 15–28 of 100" */
      g_string_append_printf (subtitle, _("People %u–%u of %u"), page->first + 1, page->last,
                              n_people);
    }
  _cto_board_draw_header (p, subtitle->str);

  _cto_board_draw_text (p, &CTO_BOARD_STYLE_LABEL, _("Person"), f->left, head_y, name_w, 1);
  _cto_board_draw_text (p, &CTO_BOARD_STYLE_LABEL, _("Load against capacity"), bar_x, head_y, bar_w,
                        1);
  _cto_board_draw_text (p, &CTO_BOARD_STYLE_LABEL_RIGHT, _("Load"), value_x, head_y, value_w, 1);

  /* The scale, its grid, the capacity line and the overload limit. */
  for (double t = 0; t <= scale + 1e-9; t += 0.5)
    {
      double x = bar_x + t / scale * bar_w;
      g_autofree char *tick = cto_report_format_percent (t);
      gboolean full = fabs (t - 1) < 1e-9;

      _cto_board_draw_text (p, &CTO_BOARD_STYLE_LABEL_CENTER, tick, x - 20, head_y + 14, 40, 1);
      _cto_board_vline (p->cr, x, rows_y - 4, rows_end, full ? 1.0 : 0.5,
                        full ? CTO_BOARD_COLOR_LINE : CTO_BOARD_COLOR_RULE);
    }
  if (fabs (threshold - 1) > 1e-9 && threshold < scale)
    {
      double x = bar_x + threshold / scale * bar_w;
      double dash[] = { 3, 2 };

      cairo_save (p->cr);
      cairo_set_dash (p->cr, dash, G_N_ELEMENTS (dash), 0);
      _cto_board_vline (p->cr, x, rows_y - 4, rows_end, 1.0, CTO_BOARD_COLOR_WARN);
      cairo_restore (p->cr);
    }
  _cto_board_hline (p->cr, f->left, f->right, rows_y - 4, 0.75, CTO_BOARD_COLOR_LINE);

  for (guint i = page->first; i < page->last; i++)
    {
      const CtoPersonReport *report = cto_analysis_get_person_nth (analysis, i);
      gboolean open_role = cto_person_get_open_role (report->person);
      double y = rows_y + (i - page->first) * PEOPLE_ROW_H;
      g_autofree char *percent = cto_report_format_utilization (report);
      g_autofree char *load = _cto_report_person_load (report);
      double tag_y = y + 4;

      _cto_board_draw_text (p, &name_style, cto_person_get_name (report->person), f->left, y + 2,
                            name_w, 1);
      _cto_board_draw_text (p, &CTO_BOARD_STYLE_SMALL, cto_person_get_role (report->person),
                            f->left, y + 15, name_w, 1);
      draw_load_bar (p, report, threshold, bar_x, y + 8, bar_w, 12);
      _cto_board_draw_text (p, report->overloaded ? &percent_warn_style : &percent_style, percent,
                 value_x, y + 2, value_w, 1);
      _cto_board_draw_text (p, &load_style, load, value_x, y + 15, value_w, 1);

      if (report->overloaded)
        {
          _cto_board_draw_warning_glyph (p->cr, flag_x + 5, tag_y + 6, 10, CTO_BOARD_COLOR_WARN);
          _cto_board_draw_text (p, &CTO_BOARD_STYLE_WARN, _("Overloaded"), flag_x + 14, tag_y,
                                flag_w - 14, 1);
          tag_y += 12;
        }
      if (open_role)
        _cto_board_draw_text (p, &open_style, _("Open role"), flag_x + (report->overloaded ? 14 : 0), tag_y,
                   flag_w, 1);

      _cto_board_hline (p->cr, f->left, f->right, y + PEOPLE_ROW_H - 0.5, 0.4,
                        CTO_BOARD_COLOR_RULE);
    }

  draw_people_legend (p, threshold);
  _cto_board_draw_footer (p);
}

static const char *
people_heading (CtoAnalysis *analysis)
{
  return _cto_report_heading_people ();
}

const CtoBoardPageKindInfo _cto_board_page_people = {
  .kind = CTO_BOARD_PAGE_PEOPLE,
  .heading = people_heading,
  .paginate = paginate_people,
  .draw = draw_people_page,
  .free_state = g_free,
};
