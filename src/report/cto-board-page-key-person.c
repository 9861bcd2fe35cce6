/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-board-pages"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "cto-board-page-kind-private.h"
#include "cto-report-key-person-private.h"

/*
 * Key-person risk: for each person who is not an open role, what the plan
 * would lose if they left (PLAN-FORMAT.md section 5.1), worst first in the
 * order of cto_key_people_compare(). People whose leaving would leave
 * nothing uncovered (cto_key_people_is_at_risk()) come last, one line each
 * under one heading. The entries flow down the columns and onto further
 * pages; an entry is never split.
 */

#define KP_COLUMN_GAP   28.0
#define KP_NAME_H       17.0
#define KP_LINE_H       14.0   /* one line; each further line adds KP_WRAP_H */
#define KP_WRAP_H       11.5
#define KP_ENTRY_GAP    10.0
#define KP_OTHER_H      15.0
#define KP_LINES        10     /* a list of at most eight titles wraps onto these */
#define KP_INDENT       14.0

typedef enum
{
  KP_PERSON,           /* someone whose leaving would leave something uncovered */
  KP_OTHERS_HEADING,
  KP_OTHER,            /* someone whose leaving would not */
  KP_NOBODY,
} KpItemKind;

typedef struct
{
  KpItemKind    kind;
  CtoDeparture *departure;
  char         *text;          /* the heading, the line of an other, the note */
  char         *left;          /* of a person: left unassigned, or NULL */
  char         *accountable;   /* of a person: accountable lost, or NULL */
  int           left_lines;
  int           accountable_lines;
  guint         n_functions;   /* that drop */
} KpItem;

typedef struct
{
  GPtrArray *items;            /* KpItem */
} KpState;

static void
kp_item_free (KpItem *item)
{
  g_clear_object (&item->departure);
  g_free (item->text);
  g_free (item->left);
  g_free (item->accountable);
  g_free (item);
}

static void
kp_state_free (KpState *self)
{
  g_ptr_array_unref (self->items);
  g_free (self);
}

static KpItem *
add_item (KpState      *self,
          KpItemKind    kind,
          CtoDeparture *departure,
          char         *text)
{
  KpItem *item = g_new0 (KpItem, 1);

  item->kind = kind;
  item->departure = departure != NULL ? g_object_ref (departure) : NULL;
  item->text = text;
  g_ptr_array_add (self->items, item);

  return item;
}

static double
wrapped_height (int lines)
{
  return KP_LINE_H + (MAX (lines, 1) - 1) * KP_WRAP_H;
}

static double
kp_item_height (const KpItem *item)
{
  double height;

  switch (item->kind)
    {
    case KP_PERSON:
      height = KP_NAME_H + item->n_functions * KP_LINE_H + KP_ENTRY_GAP;
      if (item->left != NULL)
        height += wrapped_height (item->left_lines);
      if (item->accountable != NULL)
        height += wrapped_height (item->accountable_lines);
      return height;
    case KP_OTHERS_HEADING:
      return CTO_BOARD_SECTION_HEADING_H;
    case KP_OTHER:
      return KP_OTHER_H;
    case KP_NOBODY:
    default:
      return KP_LINE_H;
    }
}

static double
measure_kp_item (gconstpointer  data,
                 gboolean      *heading)
{
  const KpItem *item = data;

  *heading = item->kind == KP_OTHERS_HEADING;
  return kp_item_height (item);
}

static guint
kp_columns (const CtoBoardFrame *frame)
{
  return _cto_board_frame_content_width (frame) >= 640 ? 2 : 1;
}

static double
kp_column_width (const CtoBoardFrame *frame)
{
  guint n_columns = kp_columns (frame);

  return (_cto_board_frame_content_width (frame) - (n_columns - 1) * KP_COLUMN_GAP) / n_columns;
}

static int
measure_lines (CtoBoardPagination *pagination,
               const char         *text,
               double              width)
{
  g_autoptr(PangoLayout) layout = NULL;

  if (text == NULL)
    return 0;
  layout = _cto_board_make_layout (pagination->pango, &CTO_BOARD_STYLE_BODY, text, width, KP_LINES);
  return pango_layout_get_line_count (layout);
}

static void
add_items (KpState            *self,
           CtoBoardPagination *pagination)
{
  g_autoptr(GPtrArray) departures = cto_key_people_new (pagination->analysis);
  double text_width = kp_column_width (&pagination->frame) - KP_INDENT;
  guint n_others = 0;

  if (departures->len == 0)
    {
      add_item (self, KP_NOBODY, NULL, g_strdup (_cto_report_key_person_nobody (pagination->analysis)));
      return;
    }

  for (guint i = 0; i < departures->len; i++)
    {
      CtoDeparture *departure = g_ptr_array_index (departures, i);
      KpItem *item;

      if (!cto_key_people_is_at_risk (departure))
        {
          n_others++;
          continue;
        }

      item = add_item (self, KP_PERSON, departure, _cto_report_key_person_name (departure));
      item->left = _cto_report_key_person_left (departure, TRUE);
      item->accountable = _cto_report_key_person_accountable (departure, TRUE);
      item->left_lines = measure_lines (pagination, item->left, text_width);
      item->accountable_lines = measure_lines (pagination, item->accountable, text_width);
      item->n_functions = cto_key_people_count_drops (departure);
    }

  if (n_others == 0)
    return;

  add_item (self, KP_OTHERS_HEADING, NULL,
            _cto_report_key_person_others (n_others, n_others == departures->len));
  for (guint i = 0; i < departures->len; i++)
    {
      CtoDeparture *departure = g_ptr_array_index (departures, i);

      if (!cto_key_people_is_at_risk (departure))
        add_item (self, KP_OTHER, departure, _cto_report_key_person_other (departure, TRUE));
    }
}

static gpointer
paginate_key_person (CtoBoardPagination *pagination)
{
  const CtoBoardFrame *frame = &pagination->frame;
  KpState *self = g_new0 (KpState, 1);

  self->items = g_ptr_array_new_with_free_func ((GDestroyNotify) kp_item_free);
  add_items (self, pagination);
  _cto_board_pagination_flow (pagination, self->items, measure_kp_item, kp_columns (frame),
                              _cto_board_frame_content_height (frame));

  return self;
}

static double
draw_warning_line (CtoBoardPainter *p,
                   const char      *text,
                   int              lines,
                   double           x,
                   double           y,
                   double           width)
{
  _cto_board_draw_warning_glyph (p->cr, x + 5, y + 7, 8, CTO_BOARD_COLOR_WARN);
  _cto_board_draw_text (p, &CTO_BOARD_STYLE_BODY, text, x + KP_INDENT, y + 1, width - KP_INDENT, KP_LINES);
  return wrapped_height (lines);
}

static void
draw_person (CtoBoardPainter *p,
             const KpItem    *item,
             double           x,
             double           y,
             double           width)
{
  g_autofree char *hours = _cto_report_key_person_hours (item->departure);

  _cto_board_draw_text (p, &CTO_BOARD_STYLE_BODY_BOLD, item->text, x, y + 1, width * 0.7, 1);
  _cto_board_draw_text (p, &CTO_BOARD_STYLE_BODY_RIGHT, hours, x + width * 0.7, y + 1, width * 0.3, 1);
  y += KP_NAME_H;

  if (item->left != NULL)
    y += draw_warning_line (p, item->left, item->left_lines, x, y, width);
  if (item->accountable != NULL)
    y += draw_warning_line (p, item->accountable, item->accountable_lines, x, y, width);

  for (guint f = 0; f < CTO_N_FUNCTIONS; f++)
    {
      const CtoDepartureFunction *function = cto_departure_get_function (item->departure, (CtoFunction) f);
      g_autofree char *text = NULL;

      if (!cto_key_people_function_drops (function))
        continue;

      /* The shape of the status after, the words of both. */
      text = _cto_report_key_person_function (function, FALSE);
      _cto_board_draw_status_glyph (p->cr, function->status_after, x + 5, y + 7, 4.5);
      _cto_board_draw_text (p, &CTO_BOARD_STYLE_BODY, text, x + KP_INDENT, y + 1, width - KP_INDENT, 1);
      y += KP_LINE_H;
    }

  _cto_board_hline (p->cr, x, x + width, y + KP_ENTRY_GAP / 2, 0.5, CTO_BOARD_COLOR_RULE);
}

static void
draw_key_person_page (CtoBoardPainter *p)
{
  const CtoBoardFrame *f = &p->frame;
  const CtoBoardFlowPage *page = p->page->detail;
  KpState *state = p->state;
  double column_w = kp_column_width (f);

  _cto_board_draw_header (p, _cto_report_key_person_intro ());

  for (guint c = 0; c < page->n_columns; c++)
    {
      const CtoBoardFlowColumn *column = &page->columns[c];
      double x = f->left + c * (column_w + KP_COLUMN_GAP);
      double y = f->top - 6;

      if (column->carry >= 0)
        {
          const KpItem *heading = g_ptr_array_index (state->items, column->carry);

          _cto_board_draw_section_heading (p, heading->text, TRUE, x, y, column_w);
          y += CTO_BOARD_SECTION_HEADING_H;
        }

      for (guint i = column->first; i < column->last; i++)
        {
          const KpItem *item = g_ptr_array_index (state->items, i);

          switch (item->kind)
            {
            case KP_PERSON:
              draw_person (p, item, x, y, column_w);
              break;

            case KP_OTHERS_HEADING:
              _cto_board_draw_section_heading (p, item->text, FALSE, x, y, column_w);
              break;

            case KP_OTHER:
              _cto_board_set_color (p->cr, CTO_BOARD_COLOR_ACCENT);
              cairo_rectangle (p->cr, x + 3, y + 6, 4, 4);
              cairo_fill (p->cr);
              _cto_board_draw_text (p, &CTO_BOARD_STYLE_BODY, item->text, x + KP_INDENT, y + 1,
                                    column_w - KP_INDENT, 1);
              break;

            case KP_NOBODY:
            default:
              _cto_board_draw_text (p, &CTO_BOARD_STYLE_NOTE, item->text, x, y + 1, column_w, 1);
              break;
            }

          y += kp_item_height (item);
        }
    }

  _cto_board_draw_footer (p);
}

static const char *
key_person_heading (CtoAnalysis *analysis)
{
  return _cto_report_heading_key_person ();
}

const CtoBoardPageKindInfo _cto_board_page_key_person = {
  .kind = CTO_BOARD_PAGE_KEY_PERSON,
  .heading = key_person_heading,
  .paginate = paginate_key_person,
  .draw = draw_key_person_page,
  .free_state = (GDestroyNotify) kp_state_free,
};
