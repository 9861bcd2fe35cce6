/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-board-pages"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "cto-board-page-kind-private.h"
#include "cto-report-private.h"

/* Who carries what: responsibilities by people, with each share; in bands
 * of rows that fit a page, and of columns that fit across. */

/* Who carries what */
#define MATRIX_HEAD_H       44.0
#define MATRIX_FUNCTION_H   22.0
#define MATRIX_ROW_H        16.0
#define MATRIX_LEGEND_H     18.0
#define MATRIX_LABEL_W      236.0
#define MATRIX_COLUMN_W     48.0

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

typedef struct
{
  guint column_first;   /* a range of the state's columns */
  guint column_last;
  guint band_first;     /* all the columns of these rows */
  guint band_last;
} MatrixPage;

typedef struct
{
  GArray   *items;      /* MatrixItem */
  GArray   *columns;    /* guint: people's positions in the analysis */
  gboolean  sparse;     /* only who carries some of a page's rows has a column */
} MatrixState;

static void
matrix_item_clear (MatrixItem *item)
{
  g_clear_object (&item->responsibility);
}

static MatrixState *
matrix_state_new (void)
{
  MatrixState *self = g_new0 (MatrixState, 1);

  self->items = g_array_new (FALSE, TRUE, sizeof (MatrixItem));
  g_array_set_clear_func (self->items, (GDestroyNotify) matrix_item_clear);
  self->columns = g_array_new (FALSE, TRUE, sizeof (guint));

  return self;
}

static void
matrix_state_free (MatrixState *self)
{
  g_array_unref (self->items);
  g_array_unref (self->columns);
  g_free (self);
}

/* The least room for titles; narrow pages give a little. */
static double
matrix_label_width (const CtoBoardFrame *frame)
{
  return MIN (MATRIX_LABEL_W, _cto_board_frame_content_width (frame) * 0.34);
}

static double
matrix_item_height (const MatrixItem *item)
{
  return item->kind == MATRIX_FUNCTION ? MATRIX_FUNCTION_H : MATRIX_ROW_H;
}

static gpointer
paginate_matrix (CtoBoardPagination *pagination)
{
  const CtoBoardFrame *frame = &pagination->frame;
  MatrixState *self = matrix_state_new ();
  CtoPlan *plan = cto_analysis_get_plan (pagination->analysis);
  GListModel *responsibilities = cto_plan_get_responsibilities (plan);
  guint n_responsibilities = g_list_model_get_n_items (responsibilities);
  guint n_people = cto_analysis_get_n_people (pagination->analysis);
  double room = _cto_board_frame_content_height (frame) - MATRIX_HEAD_H - MATRIX_LEGEND_H;
  guint per_page = MAX (1, (guint) floor ((_cto_board_frame_content_width (frame) - matrix_label_width (frame)) /
                                          MATRIX_COLUMN_W));
  g_autoptr(GArray) breaks = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GHashTable) positions = g_hash_table_new (g_str_hash, g_str_equal);
  double used = 0;

  for (guint f = 0; f < CTO_N_FUNCTIONS; f++)
    {
      MatrixItem header = { MATRIX_FUNCTION, (CtoFunction) f, NULL };
      gboolean any = FALSE;

      g_array_append_val (self->items, header);
      for (guint i = 0; i < n_responsibilities; i++)
        {
          g_autoptr(CtoResponsibility) responsibility = g_list_model_get_item (responsibilities, i);
          MatrixItem row = { MATRIX_RESPONSIBILITY, (CtoFunction) f, NULL };

          if ((guint) cto_responsibility_get_function (responsibility) != f)
            continue;
          row.responsibility = g_steal_pointer (&responsibility);
          g_array_append_val (self->items, row);
          any = TRUE;
        }
      if (!any)
        {
          MatrixItem none = { MATRIX_NONE, (CtoFunction) f, NULL };

          g_array_append_val (self->items, none);
        }
    }

  /* Bands of rows that fit a page. A band that starts inside a function
   * repeats its heading; a heading never ends a band. */
  g_array_append_val (breaks, (guint) { 0 });
  for (guint i = 0; i < self->items->len; i++)
    {
      const MatrixItem *item = &g_array_index (self->items, MatrixItem, i);
      double height = matrix_item_height (item);
      double need = height;

      if (item->kind == MATRIX_FUNCTION && i + 1 < self->items->len)
        need += matrix_item_height (&g_array_index (self->items, MatrixItem, i + 1));

      if (used > 0 && used + need > room)
        {
          g_array_append_val (breaks, i);
          used = item->kind == MATRIX_FUNCTION ? 0 : MATRIX_FUNCTION_H;
        }
      used += height;
    }
  g_array_append_val (breaks, self->items->len);

  /* When everybody fits across, everybody has a column on every page. When
   * not, the rows of a band have columns only for the people who carry some
   * of them: a hundred people make mostly empty columns otherwise. */
  self->sparse = n_people > per_page;
  if (self->sparse)
    {
      for (guint i = 0; i < n_people; i++)
        g_hash_table_insert (positions,
                             (gpointer) cto_person_get_id (cto_analysis_get_person_nth (pagination->analysis, i)->person),
                             GUINT_TO_POINTER (i + 1));
    }

  for (guint b = 0; b + 1 < breaks->len; b++)
    {
      guint first = g_array_index (breaks, guint, b);
      guint last = g_array_index (breaks, guint, b + 1);
      guint band_first = self->columns->len;
      guint band_last;

      if (!self->sparse)
        {
          for (guint i = 0; i < n_people; i++)
            g_array_append_val (self->columns, i);
        }
      else
        {
          g_autofree gboolean *carries = g_new0 (gboolean, n_people);

          for (guint i = first; i < last; i++)
            {
              const MatrixItem *item = &g_array_index (self->items, MatrixItem, i);

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
              g_array_append_val (self->columns, i);
        }
      band_last = self->columns->len;

      for (guint column = band_first; column < band_last || column == band_first; column += per_page)
        {
          CtoBoardPage *page = _cto_board_pagination_add_page (pagination, sizeof (MatrixPage));
          MatrixPage *detail = page->detail;

          page->first = first;
          page->last = last;
          detail->band_first = band_first;
          detail->band_last = band_last;
          detail->column_first = column;
          detail->column_last = MIN (column + per_page, band_last);
          if (band_last == band_first)
            break;
        }
    }

  return self;
}

static void
draw_matrix_function (CtoBoardPainter *p,
                      CtoFunction      function,
                      gboolean         continued,
                      double           y,
                      double           right)
{
  const CtoBoardFrame *f = &p->frame;
  const CtoFunctionReport *report = cto_analysis_get_function (p->analysis, function);
  g_autofree char *text = NULL;

  if (continued)
    /* Translators: a function heading repeated on the next page, "Planning (continued)" */
    text = g_strdup_printf (_("%s (continued)"), cto_function_get_name (function));
  else
    /* Translators: a function and its status, "Planning — Partly covered" */
    text = g_strdup_printf (_("%s — %s"), cto_function_get_name (function),
                            cto_coverage_get_name (report->status));

  _cto_board_set_color (p->cr, CTO_BOARD_COLOR_ACCENT_LIGHT);
  cairo_rectangle (p->cr, f->left, y + 3, right - f->left, MATRIX_FUNCTION_H - 5);
  cairo_fill (p->cr);
  _cto_board_draw_status_glyph (p->cr, report->status, f->left + 9,
                                y + 3 + (MATRIX_FUNCTION_H - 5) / 2, 5);
  _cto_board_draw_text (p, &CTO_BOARD_STYLE_BODY_BOLD, text, f->left + 20, y + 5.5,
                        right - f->left - 24, 1);
}

/* A cell of @text; the page's text gives @said in its place, if not NULL. */
static void
draw_share_cell (CtoBoardPainter *p,
                 const char      *text,
                 const char      *said,
                 gboolean         accountable,
                 double           x,
                 double           y,
                 double           width,
                 double           height)
{
  const CtoBoardStyle style = { 7.5, accountable ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL,
                        accountable ? CTO_BOARD_COLOR_WHITE : CTO_BOARD_COLOR_INK, PANGO_ALIGN_CENTER };

  _cto_board_rounded_rectangle (p->cr, x, y, width, height, 2);
  _cto_board_set_color (p->cr, accountable ? CTO_BOARD_COLOR_ACCENT : CTO_BOARD_COLOR_ACCENT_LIGHT);
  cairo_fill (p->cr);
  _cto_board_draw_text_said (p, &style, text, said, x, y + (height - 9.5) / 2, width, 1);
}

/* The person of column @column of the state's columns. */
static CtoPerson *
column_person (MatrixState *self,
               CtoAnalysis *analysis,
               guint        column)
{
  guint position = g_array_index (self->columns, guint, column);

  return cto_analysis_get_person_nth (analysis, position)->person;
}

static void
draw_matrix_page (CtoBoardPainter *p)
{
  const CtoBoardFrame *f = &p->frame;
  const CtoBoardPage *page = p->page;
  const MatrixPage *detail = page->detail;
  MatrixState *self = p->state;
  const CtoBoardStyle title_style = { 8.5, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, CTO_BOARD_COLOR_INK, PANGO_ALIGN_LEFT };
  const CtoBoardStyle hours_style = { 8.5, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, CTO_BOARD_COLOR_INK, PANGO_ALIGN_RIGHT };
  const CtoBoardStyle person_style = { 7.5, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, CTO_BOARD_COLOR_INK, PANGO_ALIGN_CENTER };
  const CtoBoardStyle open_style = { 7.5, PANGO_WEIGHT_BOLD, PANGO_STYLE_ITALIC, CTO_BOARD_COLOR_MUTED, PANGO_ALIGN_CENTER };
  const CtoBoardStyle missing_style = { 8.5, PANGO_WEIGHT_BOLD, PANGO_STYLE_ITALIC, CTO_BOARD_COLOR_WARN, PANGO_ALIGN_LEFT };
  guint n_columns = detail->column_last - detail->column_first;
  /* Titles get the room the people's columns leave, within reason. */
  double label_w = CLAMP (_cto_board_frame_content_width (f) - n_columns * MATRIX_COLUMN_W,
                          matrix_label_width (f), 420);
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
    n_rows += g_array_index (self->items, MatrixItem, i).kind == MATRIX_RESPONSIBILITY;
  if (self->sparse && n_rows > 0)
    {
      guint n_band = detail->band_last - detail->band_first;

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
                                  detail->column_first - detail->band_first + 1,
                                  detail->column_last - detail->band_first, n_band);
        }
    }
  _cto_board_draw_header (p, subtitle->str);

  /* Column heads. */
  _cto_board_draw_text (p, &CTO_BOARD_STYLE_LABEL, _("Responsibility"), f->left, y - 14,
                        label_w - 50, 1);
  _cto_board_draw_text (p, &CTO_BOARD_STYLE_LABEL_RIGHT, _("Hours"), f->left + label_w - 50, y - 14,
                        42, 1);
  for (guint c = detail->column_first; c < detail->column_last; c++)
    {
      CtoPerson *person = column_person (self, p->analysis, c);
      double x = columns_x + (c - detail->column_first) * MATRIX_COLUMN_W;

      _cto_board_draw_text (p, cto_person_get_open_role (person) ? &open_style : &person_style,
                 cto_person_get_name (person), x + 2, f->top, MATRIX_COLUMN_W - 4, 3);
    }
  _cto_board_hline (p->cr, f->left, right, y - 2, 0.75, CTO_BOARD_COLOR_LINE);

  if (page->first < page->last &&
      g_array_index (self->items, MatrixItem, page->first).kind != MATRIX_FUNCTION)
    {
      draw_matrix_function (p, g_array_index (self->items, MatrixItem, page->first).function,
                            TRUE, y, right);
      y += MATRIX_FUNCTION_H;
    }

  for (guint i = page->first; i < page->last; i++)
    {
      const MatrixItem *item = &g_array_index (self->items, MatrixItem, i);
      CtoResponsibility *responsibility = item->responsibility;

      switch (item->kind)
        {
        case MATRIX_FUNCTION:
          draw_matrix_function (p, item->function, FALSE, y, right);
          zebra = FALSE;
          break;

        case MATRIX_NONE:
          _cto_board_draw_text (p, &CTO_BOARD_STYLE_NOTE, _("No responsibilities"), f->left + 20,
                                y + 2, label_w, 1);
          break;

        case MATRIX_RESPONSIBILITY:
        default:
          {
            g_autofree char *hours = cto_report_format_hours (cto_responsibility_get_effort (responsibility));

            if (zebra)
              {
                _cto_board_set_color (p->cr, CTO_BOARD_COLOR_ZEBRA);
                cairo_rectangle (p->cr, f->left, y, right - f->left, MATRIX_ROW_H);
                cairo_fill (p->cr);
              }
            zebra = !zebra;

            _cto_board_draw_text (p, &title_style, cto_responsibility_get_title (responsibility),
                       f->left + 4, y + 2.5, label_w - 58, 1);
            _cto_board_draw_text (p, &hours_style, hours, f->left + label_w - 50, y + 2.5, 42, 1);

            if (cto_responsibility_get_n_assignees (responsibility) == 0)
              {
                g_array_append_val (across, y);
                _cto_board_draw_status_glyph (p->cr, CTO_COVERAGE_UNCOVERED, columns_x + 10,
                                              y + MATRIX_ROW_H / 2, 4.5);
                _cto_board_draw_text (p, &missing_style, _("Not covered"), columns_x + 19, y + 2.5,
                           right - columns_x - 19, 1);
                break;
              }

            for (guint c = detail->column_first; c < detail->column_last; c++)
              {
                CtoPerson *person = column_person (self, p->analysis, c);
                const CtoAssignment *assignment =
                  cto_responsibility_find_assignee (responsibility, cto_person_get_id (person),
                                                    NULL);
                gboolean accountable;
                g_autofree char *share = NULL;
                g_autofree char *said = NULL;

                if (assignment == NULL)
                  continue;

                accountable = cto_responsibility_is_accountable (responsibility, assignment->person);
                share = _cto_report_format_share (responsibility, assignment);
                /* The page's text, for slide notes: whose share it is,
                 * which the picture shows by the column. */
                if (accountable)
                  /* Translators: a cell of the board pages' matrix, as slide notes
                   * read it: a person's name and their share of a responsibility
                   * ("Ana Pérez: 50 %, accountable"). */
                  said = g_strdup_printf (_("%s: %s, accountable"), cto_person_get_name (person), share);
                else
                  /* Translators: as "%s: %s, accountable", for someone not accountable
                   * ("Bo Lin: 50 %") */
                  said = g_strdup_printf (C_("matrix cell", "%s: %s"), cto_person_get_name (person), share);
                draw_share_cell (p, share, said, accountable,
                                 columns_x + (c - detail->column_first) * MATRIX_COLUMN_W + 4, y + 1.5,
                                 MATRIX_COLUMN_W - 8, MATRIX_ROW_H - 3);
              }
          }
          break;
        }

      y += matrix_item_height (item);
    }

  for (guint c = detail->column_first; c <= detail->column_last && n_columns > 0; c++)
    {
      double x = columns_x + (c - detail->column_first) * MATRIX_COLUMN_W;
      double top = f->top;

      for (guint k = 0; k < across->len; k++)
        {
          double row = g_array_index (across, double, k);

          if (c > detail->column_first && c < detail->column_last)
            {
              _cto_board_vline (p->cr, x, top, row, 0.4, CTO_BOARD_COLOR_RULE);
              top = row + MATRIX_ROW_H;
            }
        }
      _cto_board_vline (p->cr, x, top, y, 0.4, CTO_BOARD_COLOR_RULE);
    }

  /* The legend. */
  {
    double ly = f->bottom - 13;
    double x = f->left;
    const char *accountable = _("accountable (who carries a responsibility alone is accountable for it)");
    const char *shared = _("shares it");
    g_autofree char *two_thirds = cto_report_format_percent (2.0 / 3);
    g_autofree char *one_third = cto_report_format_percent (1.0 / 3);
    double text_w = MIN (_cto_board_text_width (p, &CTO_BOARD_STYLE_SMALL, accountable),
                         (_cto_board_frame_content_width (f) - 100) * 0.7);

    draw_share_cell (p, two_thirds, NULL, TRUE, x, ly, 34, 12);
    _cto_board_draw_text (p, &CTO_BOARD_STYLE_SMALL, accountable, x + 40, ly + 1, text_w + 1, 1);
    x += 40 + text_w + 20;
    draw_share_cell (p, one_third, NULL, FALSE, x, ly, 34, 12);
    _cto_board_draw_text (p, &CTO_BOARD_STYLE_SMALL, shared, x + 40, ly + 1,
                          MAX (f->right - x - 40, 1), 1);
  }

  _cto_board_draw_footer (p);
}

void
_cto_board_matrix_get_page (gpointer             state,
                            CtoAnalysis         *analysis,
                            const CtoBoardPage  *page,
                            GPtrArray          **rows,
                            GPtrArray          **columns)
{
  MatrixState *self = state;
  const MatrixPage *detail = page->detail;

  *rows = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = page->first; i < page->last; i++)
    {
      const MatrixItem *item = &g_array_index (self->items, MatrixItem, i);

      if (item->kind == MATRIX_RESPONSIBILITY)
        g_ptr_array_add (*rows, g_object_ref (item->responsibility));
    }

  *columns = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint c = detail->column_first; c < detail->column_last; c++)
    g_ptr_array_add (*columns, g_object_ref (column_person (self, analysis, c)));
}

static const char *
matrix_heading (CtoAnalysis *analysis)
{
  return _cto_report_heading_matrix ();
}

const CtoBoardPageKindInfo _cto_board_page_matrix = {
  .kind = CTO_BOARD_PAGE_MATRIX,
  .heading = matrix_heading,
  .paginate = paginate_matrix,
  .draw = draw_matrix_page,
  .free_state = (GDestroyNotify) matrix_state_free,
};
