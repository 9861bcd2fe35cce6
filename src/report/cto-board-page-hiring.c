/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-board-pages"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "cto-board-page-kind-private.h"
#include "cto-report-time-private.h"

/* The hiring plan (PLAN-FORMAT.md, section 6): eight quarters by the four
 * functions, each in words and a shape, the hiring gap of each quarter,
 * then who starts and who leaves, going on to further pages when long.
 * Only when somebody in the plan has a date. */

#define HIRING_HEAD_H     20.0    /* the table's column titles */
#define HIRING_ROW_H      30.0
#define HIRING_QUARTER_W  62.0
#define HIRING_PEOPLE_W   44.0
#define HIRING_GAP_W      96.0    /* on a narrow page: 64 */
#define HIRING_HEADING_H  30.0    /* "Starting and leaving" */
#define HIRING_LINE_H     15.0
#define HIRING_LABEL_W    70.0    /* "Starting", "Leaving" */

typedef struct
{
  int   quarter;     /* whose label the line starts with, or -1 */
  int   direction;   /* 0 starting, 1 leaving, -1 the note that nobody does */
  gboolean first;    /* the first line of its direction: shows its word */
  char *names;
} HiringLine;

typedef struct
{
  CtoTimeline *timeline;
  GArray      *lines;    /* HiringLine */
} HiringState;

static void
hiring_line_clear (HiringLine *line)
{
  g_free (line->names);
}

static void
hiring_state_free (HiringState *self)
{
  g_clear_object (&self->timeline);
  g_array_unref (self->lines);
  g_free (self);
}

static double
names_width (const CtoBoardFrame *frame)
{
  return _cto_board_frame_content_width (frame) - HIRING_QUARTER_W - HIRING_LABEL_W;
}

static double
text_width (PangoContext *pango,
            const char   *text)
{
  g_autoptr(PangoLayout) layout = _cto_board_make_layout (pango, &CTO_BOARD_STYLE_BODY, text, 0, 1);
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);

  return (double) logical.width / PANGO_SCALE;
}

/* The names of @people, packed into lines of whole names that fit @width. */
static void
add_lines (HiringState  *self,
           PangoContext *pango,
           double        width,
           int           quarter,
           int           direction,
           GPtrArray    *people)
{
  g_autoptr(GString) line = g_string_new (NULL);
  gboolean first = TRUE;

  for (guint i = 0; i <= people->len; i++)
    {
      g_autofree char *name = NULL;
      g_autofree char *candidate = NULL;

      if (i < people->len)
        {
          g_autoptr(GPtrArray) one = g_ptr_array_new ();

          g_ptr_array_add (one, g_ptr_array_index (people, i));
          name = _cto_report_hiring_names (one, TRUE);
          if (i + 1 < people->len)
            {
              char *with_comma = g_strconcat (name, _(", "), NULL);

              g_free (name);
              name = with_comma;
            }
          candidate = g_strconcat (line->str, name, NULL);
          if (line->len == 0 || text_width (pango, candidate) <= width)
            {
              g_string_assign (line, candidate);
              continue;
            }
        }

      if (line->len > 0)
        {
          HiringLine l = { first ? quarter : -1, direction, first, NULL };

          g_strchomp (line->str);
          l.names = g_strdup (line->str);
          g_array_append_val (self->lines, l);
          first = FALSE;
        }
      g_string_assign (line, name != NULL ? name : "");
    }
}

static gpointer
paginate_hiring (CtoBoardPagination *pagination)
{
  const CtoBoardFrame *frame = &pagination->frame;
  HiringState *self;
  CtoTimeline *timeline = _cto_report_hiring_timeline (pagination->analysis, pagination->date);
  double table_h = HIRING_HEAD_H + CTO_TIMELINE_N_QUARTERS * HIRING_ROW_H;
  double room;
  CtoBoardPage *page;
  guint n_quarters;

  if (timeline == NULL)
    return NULL;

  self = g_new0 (HiringState, 1);
  self->timeline = timeline;
  self->lines = g_array_new (FALSE, TRUE, sizeof (HiringLine));
  g_array_set_clear_func (self->lines, (GDestroyNotify) hiring_line_clear);

  n_quarters = cto_timeline_get_n_quarters (timeline);
  for (guint i = 0; i < n_quarters; i++)
    {
      const CtoTimelineQuarter *quarter = cto_timeline_get_quarter (timeline, i);
      guint before = self->lines->len;

      add_lines (self, pagination->pango, names_width (frame), (int) i, 0, quarter->starting);
      add_lines (self, pagination->pango, names_width (frame), self->lines->len == before ? (int) i : -1,
                 1, quarter->leaving);
    }
  if (self->lines->len == 0)
    {
      HiringLine l = { -1, -1, TRUE, g_strdup (_("Nobody starts or leaves in these quarters.")) };

      g_array_append_val (self->lines, l);
    }

  /* The table on the first page, then as many lines as fit on each page. */
  page = _cto_board_pagination_add_page (pagination, 0);
  page->first = 0;
  room = _cto_board_frame_content_height (frame) - table_h - 12 - HIRING_HEADING_H;
  for (guint i = 0; i < self->lines->len; i++)
    {
      if (room < HIRING_LINE_H)
        {
          page->last = i;
          page = _cto_board_pagination_add_page (pagination, 0);
          page->first = i;
          room = _cto_board_frame_content_height (frame) - HIRING_HEADING_H;
        }
      room -= HIRING_LINE_H;
    }
  page->last = self->lines->len;

  return self;
}

static void
draw_table (CtoBoardPainter *p,
            HiringState     *self,
            double           y)
{
  const CtoBoardFrame *f = &p->frame;
  /* As wide as its heading, in every language ("Personen"). */
  double people_w = MAX (HIRING_PEOPLE_W,
                         _cto_board_text_width (p, &CTO_BOARD_STYLE_LABEL_RIGHT, _("People")) + 14);
  double gap_w = _cto_board_frame_content_width (f) >= 640 ? HIRING_GAP_W : 64;
  double function_w = (_cto_board_frame_content_width (f) - HIRING_QUARTER_W - people_w -
                       gap_w) / CTO_N_FUNCTIONS;
  double functions_x = f->left + HIRING_QUARTER_W + people_w;
  double gap_x = functions_x + CTO_N_FUNCTIONS * function_w;
  guint n_quarters = cto_timeline_get_n_quarters (self->timeline);

  _cto_board_draw_text (p, &CTO_BOARD_STYLE_LABEL, _("Quarter"), f->left, y + 4, HIRING_QUARTER_W, 1);
  _cto_board_draw_text (p, &CTO_BOARD_STYLE_LABEL_RIGHT, _("People"), f->left + HIRING_QUARTER_W, y + 4,
                        people_w - 12, 1);
  for (guint fn = 0; fn < CTO_N_FUNCTIONS; fn++)
    _cto_board_draw_text (p, &CTO_BOARD_STYLE_LABEL, cto_function_get_name ((CtoFunction) fn),
                          functions_x + fn * function_w + 4, y + 4, function_w - 8, 1);
  _cto_board_draw_text (p, &CTO_BOARD_STYLE_LABEL_RIGHT, _("Hiring gap"), gap_x, y + 4,
                        gap_w - 4, 1);
  y += HIRING_HEAD_H;
  _cto_board_hline (p->cr, f->left, f->right, y - 2, 0.75, CTO_BOARD_COLOR_LINE);

  for (guint i = 0; i < n_quarters; i++)
    {
      const CtoTimelineQuarter *quarter = cto_timeline_get_quarter (self->timeline, i);
      g_autofree char *people = g_strdup_printf ("%u", quarter->n_people);
      g_autofree char *gap = NULL;
      g_autofree char *fte = NULL;
      double hours = 0;
      double gap_fte = 0;

      if (i % 2 == 1)
        {
          _cto_board_set_color (p->cr, CTO_BOARD_COLOR_ZEBRA);
          cairo_rectangle (p->cr, f->left, y, f->right - f->left, HIRING_ROW_H);
          cairo_fill (p->cr);
        }

      _cto_board_draw_text (p, &CTO_BOARD_STYLE_BODY_BOLD, quarter->label, f->left + 2, y + 8,
                            HIRING_QUARTER_W - 4, 1);
      _cto_board_draw_text (p, &CTO_BOARD_STYLE_BODY_RIGHT, people, f->left + HIRING_QUARTER_W, y + 8,
                            people_w - 12, 1);

      for (guint fn = 0; fn < CTO_N_FUNCTIONS; fn++)
        {
          const CtoTimelineFunction *function = &quarter->functions[fn];
          g_autofree char *state = _cto_report_hiring_function (quarter, (CtoFunction) fn);
          double x = functions_x + fn * function_w + 4;

          _cto_board_draw_status_glyph (p->cr, function->status, x + 5, y + 9.5, 4.5);
          _cto_board_draw_text (p, &CTO_BOARD_STYLE_BODY, cto_coverage_get_name (function->status),
                                x + 14, y + 3, function_w - 22, 1);
          if (_cto_report_hiring_needs_attention (quarter, (CtoFunction) fn))
            {
              _cto_board_draw_warning_glyph (p->cr, x + 5, y + 21, 8, CTO_BOARD_COLOR_WARN);
              _cto_board_draw_text (p, &(CtoBoardStyle) { 7.5, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL,
                                                          CTO_BOARD_COLOR_WARN, PANGO_ALIGN_LEFT },
                                    state, x + 14, y + 16, function_w - 22, 1);
            }
          else
            {
              _cto_board_draw_text (p, &(CtoBoardStyle) { 7.5, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL,
                                                          CTO_BOARD_COLOR_MUTED, PANGO_ALIGN_LEFT },
                                    state, x + 14, y + 16, function_w - 22, 1);
            }
        }

      for (guint fn = 0; fn < CTO_N_FUNCTIONS; fn++)
        gap_fte += quarter->functions[fn].gap_fte;
      g_free (_cto_report_hiring_gap (quarter, &hours));
      gap = cto_report_format_hours (hours);
      fte = cto_report_format_fte (gap_fte);
      _cto_board_draw_text (p, hours > CTO_ANALYSIS_TOLERANCE ? &CTO_BOARD_STYLE_BODY_BOLD_RIGHT
                                                              : &CTO_BOARD_STYLE_BODY_RIGHT,
                            gap, gap_x, y + 3, gap_w - 4, 1);
      _cto_board_draw_text (p, &(CtoBoardStyle) { 7.5, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL,
                                                  CTO_BOARD_COLOR_MUTED, PANGO_ALIGN_RIGHT },
                            fte, gap_x, y + 16, gap_w - 4, 1);
      y += HIRING_ROW_H;
    }
  _cto_board_hline (p->cr, f->left, f->right, y, 0.5, CTO_BOARD_COLOR_RULE);
}

/* A plus for starting, a minus for leaving, drawn beside the word. */
static void
draw_direction_glyph (cairo_t *cr,
                      int      direction,
                      double   cx,
                      double   cy)
{
  cairo_save (cr);
  _cto_board_set_color (cr, direction == 0 ? CTO_BOARD_COLOR_ACCENT : CTO_BOARD_COLOR_MUTED);
  cairo_arc (cr, cx, cy, 4.5, 0, 2 * G_PI);
  cairo_fill (cr);
  _cto_board_set_color (cr, CTO_BOARD_COLOR_WHITE);
  cairo_set_line_width (cr, 1.2);
  cairo_move_to (cr, cx - 2.5, cy);
  cairo_line_to (cr, cx + 2.5, cy);
  if (direction == 0)
    {
      cairo_move_to (cr, cx, cy - 2.5);
      cairo_line_to (cr, cx, cy + 2.5);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_hiring_page (CtoBoardPainter *p)
{
  const CtoBoardFrame *f = &p->frame;
  HiringState *self = p->state;
  const CtoBoardStyle heading_style = { 11, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, CTO_BOARD_COLOR_INK,
                                        PANGO_ALIGN_LEFT };
  g_autofree char *subtitle = _cto_report_hiring_subtitle (self->timeline);
  g_autofree char *heading = NULL;
  double y = f->top - 6;

  _cto_board_draw_header (p, subtitle);

  if (p->page->nth == 0)
    {
      draw_table (p, self, y);
      y += HIRING_HEAD_H + CTO_TIMELINE_N_QUARTERS * HIRING_ROW_H + 12;
      heading = g_strdup (_("Starting and leaving"));
    }
  else
    {
      heading = g_strdup_printf (_("%s (continued)"), _("Starting and leaving"));
    }

  _cto_board_draw_text (p, &heading_style, heading, f->left, y + 7, _cto_board_frame_content_width (f), 1);
  _cto_board_hline (p->cr, f->left, f->right, y + HIRING_HEADING_H - 4, 0.6, CTO_BOARD_COLOR_RULE);
  y += HIRING_HEADING_H;

  for (guint i = p->page->first; i < p->page->last; i++)
    {
      const HiringLine *line = &g_array_index (self->lines, HiringLine, i);
      double x = f->left + HIRING_QUARTER_W;

      if (line->direction < 0)
        {
          _cto_board_draw_text (p, &CTO_BOARD_STYLE_NOTE, line->names, f->left, y, names_width (f), 1);
          y += HIRING_LINE_H;
          continue;
        }

      if (line->quarter >= 0)
        _cto_board_draw_text (p, &CTO_BOARD_STYLE_BODY_BOLD,
                              cto_timeline_get_quarter (self->timeline, (guint) line->quarter)->label,
                              f->left + 2, y, HIRING_QUARTER_W - 4, 1);
      if (line->first)
        {
          draw_direction_glyph (p->cr, line->direction, x + 5, y + 6.5);
          _cto_board_draw_text (p, &CTO_BOARD_STYLE_SMALL,
                                line->direction == 0 ? _("Starting") : _("Leaving"),
                                x + 14, y + 1, HIRING_LABEL_W - 16, 1);
        }
      _cto_board_draw_text (p, &CTO_BOARD_STYLE_BODY, line->names, x + HIRING_LABEL_W, y,
                            names_width (f), 1);
      y += HIRING_LINE_H;
    }

  _cto_board_draw_footer (p);
}

static const char *
hiring_heading (CtoAnalysis *analysis)
{
  return _cto_report_heading_hiring ();
}

const CtoBoardPageKindInfo _cto_board_page_hiring = {
  .kind = CTO_BOARD_PAGE_HIRING,
  .heading = hiring_heading,
  .paginate = paginate_hiring,
  .draw = draw_hiring_page,
  .free_state = (GDestroyNotify) hiring_state_free,
};
