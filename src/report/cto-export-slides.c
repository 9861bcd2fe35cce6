/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-export-slides"

#include "config.h"

#include "cto-export-slides-private.h"
#include "cto-report-cairo.h"

#define REPLACEMENT_CHARACTER 0xFFFD

/* Two pixels per point: 1684 × 1190, sharp on a projector. */
#define PNG_SCALE 2

static void
slide_free (CtoSlide *slide)
{
  g_free (slide->title);
  g_free (slide->text);
  g_clear_pointer (&slide->svg, g_bytes_unref);
  g_clear_pointer (&slide->png, g_bytes_unref);
  g_free (slide);
}

/**
 * _cto_export_slides_collect:
 * @pages: the board pages
 * @with_png: whether each slide needs its picture as PNG too
 *
 * Returns: (transfer full) (element-type CtoSlide) (nullable): a slide for
 * each page, or %NULL when a page could not be drawn
 */
GPtrArray *
_cto_export_slides_collect (CtoBoardPages  *pages,
                            gboolean        with_png,
                            GError        **error)
{
  g_autoptr(GPtrArray) slides = g_ptr_array_new_with_free_func ((GDestroyNotify) slide_free);
  guint n_pages;

  g_return_val_if_fail (CTO_IS_BOARD_PAGES (pages), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  n_pages = cto_board_pages_get_n_pages (pages, CTO_BOARD_PAGE_WIDTH, CTO_BOARD_PAGE_HEIGHT);
  for (guint i = 0; i < n_pages; i++)
    {
      CtoSlide *slide = g_new0 (CtoSlide, 1);

      g_ptr_array_add (slides, slide);
      slide->title = cto_board_pages_get_page_title (pages, CTO_BOARD_PAGE_WIDTH,
                                                     CTO_BOARD_PAGE_HEIGHT, i);
      slide->text = cto_board_pages_get_page_text (pages, CTO_BOARD_PAGE_WIDTH,
                                                   CTO_BOARD_PAGE_HEIGHT, i);
      slide->svg = cto_report_svg (pages, i, CTO_BOARD_DRAW_NONE, error);
      if (slide->svg == NULL)
        return NULL;
      if (with_png)
        {
          slide->png = cto_report_png (pages, i, PNG_SCALE, CTO_BOARD_DRAW_NONE, error);
          if (slide->png == NULL)
            return NULL;
        }
    }

  return g_steal_pointer (&slides);
}

void
_cto_export_slides_append_xml (GString    *out,
                               const char *text)
{
  const char *p = text;

  g_return_if_fail (out != NULL);

  if (text == NULL)
    return;

  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          /* Not UTF-8: one replacement for the byte, then go on. */
          g_string_append_unichar (out, REPLACEMENT_CHARACTER);
          p++;
          continue;
        }

      switch (c)
        {
        case '&':
          g_string_append (out, "&amp;");
          break;
        case '<':
          g_string_append (out, "&lt;");
          break;
        case '>':
          g_string_append (out, "&gt;");
          break;
        case '"':
          g_string_append (out, "&quot;");
          break;
        case '\n':
        case '\r':
        case '\t':
          g_string_append_c (out, ' ');
          break;
        default:
          if (g_unichar_iscntrl (c) || c == 0xFFFE || c == 0xFFFF)
            g_string_append_unichar (out, REPLACEMENT_CHARACTER);
          else
            g_string_append_unichar (out, c);
          break;
        }

      p = g_utf8_next_char (p);
    }
}

void
_cto_export_slides_append_lines (GString    *out,
                                 const char *text,
                                 const char *separator)
{
  g_auto(GStrv) lines = NULL;

  g_return_if_fail (out != NULL);
  g_return_if_fail (separator != NULL);

  lines = g_strsplit (text != NULL ? text : "", "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (lines[i][0] == '\0' && lines[i + 1] == NULL)
        break;
      if (i > 0)
        g_string_append (out, separator);
      _cto_export_slides_append_xml (out, lines[i]);
    }
}

char *
_cto_export_slides_iso_date (GDateTime *date)
{
  g_autoptr(GDateTime) utc = NULL;

  g_return_val_if_fail (date != NULL, NULL);

  utc = g_date_time_to_utc (date);
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}
