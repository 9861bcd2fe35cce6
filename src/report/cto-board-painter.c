/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-board-pages"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "cto-board-painter-private.h"
#include "cto-date.h"
#include "cto-report-private.h"

/* Drawing ------------------------------------------------------------------ */

void
_cto_board_set_color (cairo_t *cr,
                      guint32  rgb)
{
  cairo_set_source_rgb (cr,
                        ((rgb >> 16) & 0xff) / 255.0,
                        ((rgb >> 8) & 0xff) / 255.0,
                        (rgb & 0xff) / 255.0);
}

guint32
_cto_board_status_color (CtoCoverage status)
{
  switch (status)
    {
    case CTO_COVERAGE_COVERED:
      return CTO_BOARD_COLOR_COVERED;
    case CTO_COVERAGE_PARTIAL:
      return CTO_BOARD_COLOR_PARTIAL;
    case CTO_COVERAGE_UNCOVERED:
      return CTO_BOARD_COLOR_UNCOVERED;
    case CTO_COVERAGE_EMPTY:
    default:
      return CTO_BOARD_COLOR_EMPTY;
    }
}

static gboolean
is_noncharacter (gunichar c)
{
  return (c >= 0xfdd0 && c <= 0xfdef) || (c & 0xfffe) == 0xfffe;
}

/*
 * Plan text as one paragraph that Pango and every cairo surface take: line
 * breaks would break the layout's line count, so white space of any kind
 * is one space; other control characters and noncharacters, which Pango
 * draws as boxes and a PDF refuses, are U+FFFD. Space at either end would
 * push the text off the line its neighbours start on.
 */
char *
_cto_board_clean_text (const char *text)
{
  g_autofree char *valid = NULL;
  GString *out;

  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c >= 0x09 && c <= 0x0d) || c == 0x85 || c == 0x2028 || c == 0x2029)
        {
          /* "\r\n" is one break: one space. */
          if (out->len == 0 || out->str[out->len - 1] != ' ')
            g_string_append_c (out, ' ');
        }
      else if (g_unichar_iscntrl (c) || is_noncharacter (c))
        {
          g_string_append_unichar (out, 0xfffd);
        }
      else
        {
          g_string_append_unichar (out, c);
        }
    }

  return g_strstrip (g_string_free (out, FALSE));
}

/* The text of @layout with each character that no font can draw (drawn as
 * a box with its code) as U+FFFD; %NULL when there is none. */
static char *
replace_unknown_glyphs (PangoLayout *layout)
{
  const char *text = pango_layout_get_text (layout);
  gsize length = strlen (text);
  g_autofree gboolean *unknown = NULL;
  PangoLayoutIter *iter;
  GString *out;
  gboolean any = FALSE;

  if (pango_layout_get_unknown_glyphs_count (layout) == 0)
    return NULL;

  unknown = g_new0 (gboolean, length + 1);
  iter = pango_layout_get_iter (layout);
  do
    {
      PangoLayoutRun *run = pango_layout_iter_get_run_readonly (iter);

      if (run == NULL)
        continue;
      for (int i = 0; i < run->glyphs->num_glyphs; i++)
        {
          gsize offset = (gsize) run->item->offset + (gsize) run->glyphs->log_clusters[i];

          if ((run->glyphs->glyphs[i].glyph & PANGO_GLYPH_UNKNOWN_FLAG) != 0 && offset < length)
            unknown[offset] = any = TRUE;
        }
    }
  while (pango_layout_iter_next_run (iter));
  pango_layout_iter_free (iter);

  if (!any)
    return NULL;

  out = g_string_sized_new (length);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (unknown[p - text])
        g_string_append_unichar (out, 0xfffd);
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }

  return g_string_free (out, FALSE);
}

PangoLayout *
_cto_board_make_layout (PangoContext        *pango,
                        const CtoBoardStyle *style,
                        const char          *text,
                        double               width,
                        int                  lines)
{
  PangoLayout *layout = pango_layout_new (pango);
  PangoFontDescription *font = pango_font_description_from_string (CTO_BOARD_FONT_FAMILY);
  g_autofree char *clean = _cto_board_clean_text (text != NULL ? text : "");
  g_autofree char *replaced = NULL;

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

  /* A character no font has shows as U+FFFD, as everywhere else. */
  replaced = replace_unknown_glyphs (layout);
  if (replaced != NULL)
    pango_layout_set_text (layout, replaced, -1);

  return layout;
}

double
_cto_board_draw_text (CtoBoardPainter     *p,
                      const CtoBoardStyle *style,
                      const char          *text,
                      double               x,
                      double               y,
                      double               width,
                      int                  lines)
{
  return _cto_board_draw_text_said (p, style, text, NULL, x, y, width, lines);
}

double
_cto_board_draw_text_said (CtoBoardPainter     *p,
                           const CtoBoardStyle *style,
                           const char          *text,
                           const char          *said,
                           double               x,
                           double               y,
                           double               width,
                           int                  lines)
{
  g_autoptr(PangoLayout) layout = _cto_board_make_layout (p->pango, style, text, width, lines);
  PangoRectangle logical;

  if (p->text != NULL)
    {
      /* What is said is cleaned as what is drawn is, whole, but keeps the
       * characters that no font here draws: it is text, which the reader's
       * fonts may show (PLAN-FORMAT.md, section 8). */
      g_autofree char *line = _cto_board_clean_text (said != NULL ? said : text != NULL ? text : "");

      if (*line != '\0')
        {
          g_string_append (p->text, line);
          g_string_append_c (p->text, '\n');
        }
    }

  pango_layout_get_extents (layout, NULL, &logical);
  _cto_board_set_color (p->cr, style->color);
  cairo_move_to (p->cr, x, y);
  pango_cairo_show_layout (p->cr, layout);
  cairo_new_path (p->cr);

  return (double) logical.height / PANGO_SCALE;
}

/* The width @text takes on one line. */
double
_cto_board_text_width (CtoBoardPainter     *p,
                       const CtoBoardStyle *style,
                       const char          *text)
{
  g_autoptr(PangoLayout) layout = _cto_board_make_layout (p->pango, style, text, 0, 1);
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);

  return (double) logical.width / PANGO_SCALE;
}

/* @items up to @n, and how many of them are left out. */
static char *
list_of_first (GPtrArray *items,
               guint      n)
{
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    cto_report_format_append_item (list, g_ptr_array_index (items, i));

  return cto_report_format_more (list->str, items->len - n);
}

char *
_cto_board_fit_list (CtoBoardPainter     *p,
                     const CtoBoardStyle *style,
                     GPtrArray           *items,
                     double               width,
                     int                  lines)
{
  guint low = 1;            /* fits, or must: the first name alone, cut if it must */
  guint high = items->len;  /* the most that might */

  g_return_val_if_fail (items != NULL && items->len > 0, NULL);

  /* The most names that fit whole, found by halving: a function of
   * thousands of people is a dozen layouts, not thousands. More names make
   * a longer line, so what fits does not come back once it stops. */
  while (low < high)
    {
      guint n = low + (high - low + 1) / 2;
      g_autofree char *text = list_of_first (items, n);
      g_autoptr(PangoLayout) layout = _cto_board_make_layout (p->pango, style, text, width, lines);

      if (pango_layout_is_ellipsized (layout))
        high = n - 1;
      else
        low = n;
    }

  return list_of_first (items, low);
}

/* Where to cut @text to keep about @keep characters of it: at the last
 * place a cursor may stand (not inside a character made of several, an
 * emoji sequence or a letter with its accent), and not inside an escape
 * such as "\u{202E}". 0 when there is no such place. */
static gsize
cut_at (const char *text,
        gsize       length,
        glong       keep)
{
  glong n_chars = g_utf8_strlen (text, length);
  g_autofree PangoLogAttr *attrs = g_new0 (PangoLogAttr, n_chars + 1);
  const char *cut;
  const char *escape;

  pango_get_log_attrs (text, (int) length, -1, pango_language_get_default (), attrs, n_chars + 1);
  while (keep > 0 && !attrs[keep].is_cursor_position)
    keep--;
  if (keep <= 0)
    return 0;

  cut = g_utf8_offset_to_pointer (text, keep);
  escape = g_strrstr_len (text, cut - text, "\\u{");
  if (escape != NULL && memchr (escape, '}', cut - escape) == NULL)
    cut = escape;

  return cut - text;
}

char *
_cto_board_fit_isolated (PangoContext        *pango,
                         const CtoBoardStyle *style,
                         const char          *text,
                         double               width,
                         int                  lines)
{
  g_autofree char *fitted = g_strdup (text);

  /* Each round cuts the longest stretch by a third: a few layouts, however
   * long the title. */
  for (guint round = 0; round < 32; round++)
    {
      g_autoptr(PangoLayout) layout = _cto_board_make_layout (pango, style, fitted, width, lines);
      const char *longest = NULL;
      const char *longest_end = NULL;
      glong longest_length = 0;
      GString *shorter;
      gsize keep;

      if (!pango_layout_is_ellipsized (layout))
        return g_steal_pointer (&fitted);

      for (const char *p = strstr (fitted, CTO_REPORT_FSI); p != NULL; p = strstr (p, CTO_REPORT_FSI))
        {
          const char *start = p + strlen (CTO_REPORT_FSI);
          const char *end = strstr (start, CTO_REPORT_PDI);
          glong length;

          if (end == NULL)
            break;
          length = g_utf8_strlen (start, end - start);
          if (length > longest_length)
            {
              longest = start;
              longest_end = end;
              longest_length = length;
            }
          p = end;
        }
      if (longest == NULL || longest_length <= 8)
        break;

      /* What was cut before ends in "…": it is counted out, then put back. */
      if (g_str_has_prefix (g_utf8_offset_to_pointer (longest, longest_length - 1), "…"))
        longest_length--;
      keep = cut_at (longest, g_utf8_offset_to_pointer (longest, longest_length) - longest,
                     longest_length * 2 / 3);
      if (keep == 0)
        break;
      shorter = g_string_new_len (fitted, longest - fitted);
      g_string_append_len (shorter, longest, keep);
      g_string_append (shorter, "…");
      g_string_append (shorter, longest_end);
      g_free (fitted);
      fitted = g_string_free (shorter, FALSE);
    }

  /* Even with its titles and names short, the words around them do not
   * fit: the text as it was, its end cut as any too long. */
  return g_strdup (text);
}

void
_cto_board_rounded_rectangle (cairo_t *cr,
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
void
_cto_board_draw_status_glyph (cairo_t     *cr,
                              CtoCoverage  status,
                              double       cx,
                              double       cy,
                              double       r)
{
  cairo_save (cr);
  cairo_new_path (cr);
  _cto_board_set_color (cr, _cto_board_status_color (status));
  cairo_set_line_width (cr, MAX (r / 4, 0.8));
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  switch (status)
    {
    case CTO_COVERAGE_COVERED:
      cairo_arc (cr, cx, cy, r, 0, 2 * G_PI);
      cairo_fill (cr);
      _cto_board_set_color (cr, CTO_BOARD_COLOR_WHITE);
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
void
_cto_board_draw_warning_glyph (cairo_t *cr,
                               double   cx,
                               double   cy,
                               double   size,
                               guint32  color)
{
  double h = size * 0.9;

  cairo_save (cr);
  cairo_new_path (cr);
  _cto_board_set_color (cr, color);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_width (cr, size * 0.12);
  cairo_move_to (cr, cx, cy - h / 2);
  cairo_line_to (cr, cx + size / 2, cy + h / 2);
  cairo_line_to (cr, cx - size / 2, cy + h / 2);
  cairo_close_path (cr);
  cairo_fill_preserve (cr);
  cairo_stroke (cr);

  _cto_board_set_color (cr, CTO_BOARD_COLOR_WHITE);
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
void
_cto_board_draw_hatched (cairo_t *cr,
                         double   x,
                         double   y,
                         double   width,
                         double   height)
{
  if (width <= 0 || height <= 0)
    return;

  cairo_save (cr);
  cairo_rectangle (cr, x, y, width, height);
  _cto_board_set_color (cr, CTO_BOARD_COLOR_WARN_LIGHT);
  cairo_fill_preserve (cr);
  cairo_clip_preserve (cr);
  _cto_board_set_color (cr, CTO_BOARD_COLOR_WARN);
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

void
_cto_board_hline (cairo_t *cr,
                  double   x0,
                  double   x1,
                  double   y,
                  double   width,
                  guint32  color)
{
  cairo_save (cr);
  _cto_board_set_color (cr, color);
  cairo_set_line_width (cr, width);
  cairo_move_to (cr, x0, y);
  cairo_line_to (cr, x1, y);
  cairo_stroke (cr);
  cairo_restore (cr);
}

void
_cto_board_vline (cairo_t *cr,
                  double   x,
                  double   y0,
                  double   y1,
                  double   width,
                  guint32  color)
{
  cairo_save (cr);
  _cto_board_set_color (cr, color);
  cairo_set_line_width (cr, width);
  cairo_move_to (cr, x, y0);
  cairo_line_to (cr, x, y1);
  cairo_stroke (cr);
  cairo_restore (cr);
}

void
_cto_board_frame_init (CtoBoardFrame *frame,
                       double         width,
                       double         height)
{
  frame->scale = MIN (width, height) / CTO_BOARD_DESIGN_SHORT_SIDE;
  frame->width = width / frame->scale;
  frame->height = height / frame->scale;
  frame->left = CTO_BOARD_MARGIN;
  frame->right = frame->width - CTO_BOARD_MARGIN;
  frame->top = CTO_BOARD_CONTENT_TOP;
  frame->bottom = frame->height - CTO_BOARD_CONTENT_BOTTOM;
}

double
_cto_board_frame_content_width (const CtoBoardFrame *frame)
{
  return frame->right - frame->left;
}

double
_cto_board_frame_content_height (const CtoBoardFrame *frame)
{
  return frame->bottom - frame->top;
}

void
_cto_board_draw_header (CtoBoardPainter *p,
                        const char      *subtitle)
{
  const CtoBoardFrame *f = &p->frame;
    _cto_board_draw_text (p, &CTO_BOARD_STYLE_PAGE_TITLE, p->title, f->left, CTO_BOARD_MARGIN - 6,
                          _cto_board_frame_content_width (f), 1);
  _cto_board_draw_text (p, &CTO_BOARD_STYLE_SUBTITLE, subtitle, f->left, CTO_BOARD_MARGIN + 23,
                        _cto_board_frame_content_width (f), 1);
  _cto_board_hline (p->cr, f->left, f->right, CTO_BOARD_MARGIN + 44, 0.75, CTO_BOARD_COLOR_RULE);
  _cto_board_hline (p->cr, f->left, f->left + 44, CTO_BOARD_MARGIN + 44, 2.5,
                    CTO_BOARD_COLOR_ACCENT);
}

/* The foot's words, with the title as given (%NULL @day: no day shown). */
static char *
foot_text (const char *title,
           const char *day,
           const char *date)
{
  /* Isolated: a title that ends in right-to-left text would take the date in. */
  g_autofree char *isolated = _cto_report_isolate (title, TRUE);

  if (day != NULL)
    /* Translators: the foot of a board page of a plan as of a day: the
     * plan's title, the day it shows and the date of the report,
     * "Acme Robotics 2027 · as of 1 July 2027 · 5 December 2026" */
    return g_strdup_printf (_("%s · as of %s · %s"), isolated, day, date);

  /* Translators: the foot of a board page: the plan's title and the date */
  return g_strdup_printf (_("%s · %s"), isolated, date);
}

void
_cto_board_draw_footer (CtoBoardPainter *p)
{
  const CtoBoardFrame *f = &p->frame;
  CtoPlan *plan = cto_analysis_get_plan (p->analysis);
  const GDate *as_of = cto_plan_get_as_of (plan);
  const char *title = cto_plan_get_title (plan);
  g_autofree char *date = _cto_report_format_date (p->date);
  g_autofree char *day = as_of != NULL ? cto_date_format_long (as_of) : NULL;
  g_autofree char *left = foot_text (title, day, date);
  g_autofree char *right = NULL;
  double y = f->height - 28;
  double width = _cto_board_frame_content_width (f);

  /* A title too long for the foot is cut, not the day and date after it:
   * the most of it that fits, found by halving; nothing of it but "…" when
   * nothing fits. */
  if (_cto_board_text_width (p, &CTO_BOARD_STYLE_FOOTER, left) > width * 0.7)
    {
      glong low = 0;
      glong high = g_utf8_strlen (title, -1);

      g_free (left);
      left = foot_text ("…", day, date);
      while (low < high)
        {
          glong n = low + (high - low + 1) / 2;
          g_autofree char *start = g_utf8_substring (title, 0, n);
          g_autofree char *cut = g_strconcat (start, "…", NULL);
          g_autofree char *text = foot_text (cut, day, date);

          if (_cto_board_text_width (p, &CTO_BOARD_STYLE_FOOTER, text) > width * 0.7)
            {
              high = n - 1;
            }
          else
            {
              low = n;
              g_free (left);
              left = g_steal_pointer (&text);
            }
        }
    }

  _cto_board_hline (p->cr, f->left, f->right, y - 6, 0.5, CTO_BOARD_COLOR_RULE);
  _cto_board_draw_text (p, &CTO_BOARD_STYLE_FOOTER, left, f->left, y, width * 0.7, 1);
  if (p->alone)
    return;

  /* Translators: the page number at the foot of a board page */
  right = g_strdup_printf (_("Page %u of %u"), p->number + 1, p->n_pages);
  _cto_board_draw_text (p, &CTO_BOARD_STYLE_FOOTER_RIGHT, right, f->right - width * 0.25, y,
                        width * 0.25, 1);
}

void
_cto_board_draw_section_heading (CtoBoardPainter *p,
                                 const char      *text,
                                 gboolean         continued,
                                 double           x,
                                 double           y,
                                 double           width)
{
  const CtoBoardStyle style = { 11, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, CTO_BOARD_COLOR_INK, PANGO_ALIGN_LEFT };
  /* Translators: a section heading where its list goes on in another column or page */
  g_autofree char *heading = continued ? g_strdup_printf (_("%s (continued)"), text) : g_strdup (text);

  _cto_board_draw_text (p, &style, heading, x, y + 7, width, 1);
  _cto_board_hline (p->cr, x, x + width, y + CTO_BOARD_SECTION_HEADING_H - 4, 0.6,
                    CTO_BOARD_COLOR_RULE);
}
