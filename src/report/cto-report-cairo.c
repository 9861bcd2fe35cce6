/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-report-cairo"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>

#include "cto-board-painter-private.h"
#include "cto-report-cairo.h"

static cairo_status_t
write_to_array_cb (void                *closure,
                   const unsigned char *data,
                   unsigned int         length)
{
  g_byte_array_append (closure, data, length);

  return CAIRO_STATUS_SUCCESS;
}

static gboolean
check_status (cairo_status_t   status,
              GError         **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               /* Translators: the reason comes from the drawing library, in English */
               _("Could not draw the board pages: %s"), cairo_status_to_string (status));
  return FALSE;
}

/* Finishes @surface (which flushes it into its stream) and hands out what it wrote. */
static GBytes *
finish (cairo_surface_t  *surface,
        GByteArray       *bytes,
        GError          **error)
{
  cairo_status_t status;

  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (!check_status (status, error))
    {
      g_byte_array_unref (bytes);
      return NULL;
    }

  return g_byte_array_free_to_bytes (bytes);
}

/* Draws @page; with @text, gives what it draws there too. */
static gboolean
draw (CtoBoardPages      *pages,
      cairo_surface_t    *surface,
      double              scale,
      guint               page,
      CtoBoardDrawFlags   flags,
      gboolean            show,
      GString            *text,
      GError            **error)
{
  cairo_t *cr = cairo_create (surface);
  cairo_status_t status;

  cairo_scale (cr, scale, scale);
  cto_board_pages_draw_page_text (pages, cr, CTO_BOARD_PAGE_WIDTH, CTO_BOARD_PAGE_HEIGHT, page, flags, text);
  if (show)
    cairo_show_page (cr);
  status = cairo_status (cr);
  cairo_destroy (cr);

  return check_status (status, error);
}

static gboolean
check_page (CtoBoardPages  *pages,
            guint           page,
            GError        **error)
{
  guint n_pages = cto_board_pages_get_n_pages (pages, CTO_BOARD_PAGE_WIDTH, CTO_BOARD_PAGE_HEIGHT);

  if (page < n_pages)
    return TRUE;

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
               _("There is no page %u: the board pages have %u"), page + 1, n_pages);
  return FALSE;
}

/**
 * cto_report_pdf:
 * @pages: the board pages
 *
 * Returns: (transfer full): a PDF with every page, its title in the
 * document's properties and each page in its outline
 */
GBytes *
cto_report_pdf (CtoBoardPages  *pages,
                GError        **error)
{
  CtoPlan *plan;
  GByteArray *bytes;
  cairo_surface_t *surface;
  guint n_pages;
  g_autofree char *created = NULL;
  g_autofree char *plan_title = NULL;

  g_return_val_if_fail (CTO_IS_BOARD_PAGES (pages), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  plan = cto_analysis_get_plan (cto_board_pages_get_analysis (pages));
  n_pages = cto_board_pages_get_n_pages (pages, CTO_BOARD_PAGE_WIDTH, CTO_BOARD_PAGE_HEIGHT);
  bytes = g_byte_array_new ();
  surface = cairo_pdf_surface_create_for_stream (write_to_array_cb, bytes,
                                                 CTO_BOARD_PAGE_WIDTH, CTO_BOARD_PAGE_HEIGHT);

  /* The date on the pages is the document's date, so a plan exported twice
   * on one day (or with SOURCE_DATE_EPOCH) gives the same file. */
  created = g_date_time_format (cto_board_pages_get_date (pages), "%Y-%m-%dT%H:%M:%S%:z");
  /* The document's properties and outline take what the pages draw: a
   * noncharacter in the plan's title would fail the whole PDF. */
  plan_title = _cto_board_clean_text (cto_plan_get_title (plan));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, plan_title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "CTO Planner");
  if (created != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, created);

  for (guint i = 0; i < n_pages; i++)
    {
      g_autofree char *heading = cto_board_pages_get_page_title (pages, CTO_BOARD_PAGE_WIDTH,
                                                                 CTO_BOARD_PAGE_HEIGHT, i);
      g_autofree char *title = _cto_board_clean_text (heading);
      g_autofree char *link = g_strdup_printf ("page=%u", i + 1);
      GError *local_error = NULL;

      cairo_pdf_surface_add_outline (surface, CAIRO_PDF_OUTLINE_ROOT, title, link, 0);
      if (!draw (pages, surface, 1, i, CTO_BOARD_DRAW_NONE, TRUE, NULL, &local_error))
        {
          cairo_surface_destroy (surface);
          g_byte_array_unref (bytes);
          g_propagate_error (error, local_error);
          return NULL;
        }
    }

  return finish (surface, bytes, error);
}

/* @svg with a title and a description, the page's heading and @text, what
 * was drawn, as the first things in it: what reads the picture aloud, or
 * searches it, has no text otherwise, as cairo draws the letters as shapes. */
static GBytes *
add_svg_title (GBytes        *svg,
               CtoBoardPages *pages,
               guint          page,
               GString       *text)
{
  g_autofree char *title = cto_board_pages_get_page_title (pages, CTO_BOARD_PAGE_WIDTH,
                                                           CTO_BOARD_PAGE_HEIGHT, page);
  /* The title page's heading is the plan's title as it is. */
  g_autofree char *clean_title = _cto_board_clean_text (title != NULL ? title : "");
  g_autofree char *title_markup = g_markup_escape_text (clean_title, -1);
  g_autofree char *text_markup = g_markup_escape_text (g_strstrip (text->str), -1);
  gsize length;
  const char *data = g_bytes_get_data (svg, &length);
  const char *root = g_strstr_len (data, length, "<svg ");
  const char *end = root != NULL ? memchr (root, '>', length - (root - data)) : NULL;
  GString *out;

  if (end == NULL)
    return g_bytes_ref (svg);

  out = g_string_sized_new (length + strlen (title_markup) + strlen (text_markup) + 32);
  g_string_append_len (out, data, end + 1 - data);
  g_string_append_printf (out, "\n<title>%s</title>\n<desc>%s</desc>", title_markup, text_markup);
  g_string_append_len (out, end + 1, length - (end + 1 - data));

  return g_string_free_to_bytes (out);
}

/**
 * cto_report_svg:
 * @pages: the board pages
 * @page: which page
 * @flags: %CTO_BOARD_DRAW_ALONE for an image of its own
 *
 * Returns: (transfer full): the page as SVG 1.1, sized in points
 */
GBytes *
cto_report_svg (CtoBoardPages      *pages,
                guint               page,
                CtoBoardDrawFlags   flags,
                GError            **error)
{
  GByteArray *bytes;
  cairo_surface_t *surface;
  g_autoptr(GBytes) svg = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (CTO_IS_BOARD_PAGES (pages), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_page (pages, page, error))
    return NULL;

  bytes = g_byte_array_new ();
  surface = cairo_svg_surface_create_for_stream (write_to_array_cb, bytes,
                                                 CTO_BOARD_PAGE_WIDTH, CTO_BOARD_PAGE_HEIGHT);
  cairo_svg_surface_restrict_to_version (surface, CAIRO_SVG_VERSION_1_1);
  cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PT);

  if (!draw (pages, surface, 1, page, flags, FALSE, text, error))
    {
      cairo_surface_destroy (surface);
      g_byte_array_unref (bytes);
      return NULL;
    }

  svg = finish (surface, bytes, error);
  if (svg == NULL)
    return NULL;

  return add_svg_title (svg, pages, page, text);
}

/**
 * cto_report_png:
 * @pages: the board pages
 * @page: which page
 * @scale: pixels per point, > 0
 * @flags: %CTO_BOARD_DRAW_ALONE for an image of its own
 *
 * Returns: (transfer full): the page as an opaque PNG image
 */
GBytes *
cto_report_png (CtoBoardPages      *pages,
                guint               page,
                double              scale,
                CtoBoardDrawFlags   flags,
                GError            **error)
{
  GByteArray *bytes;
  cairo_surface_t *surface;
  cairo_status_t status;
  int width, height;

  g_return_val_if_fail (CTO_IS_BOARD_PAGES (pages), NULL);
  g_return_val_if_fail (scale > 0 && scale <= 16, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_page (pages, page, error))
    return NULL;

  width = (int) ceil (CTO_BOARD_PAGE_WIDTH * scale);
  height = (int) ceil (CTO_BOARD_PAGE_HEIGHT * scale);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);

  if (!check_status (cairo_surface_status (surface), error) ||
      !draw (pages, surface, scale, page, flags, FALSE, NULL, error))
    {
      cairo_surface_destroy (surface);
      return NULL;
    }

  bytes = g_byte_array_new ();
  status = cairo_surface_write_to_png_stream (surface, write_to_array_cb, bytes);
  cairo_surface_destroy (surface);
  if (!check_status (status, error))
    {
      g_byte_array_unref (bytes);
      return NULL;
    }

  return g_byte_array_free_to_bytes (bytes);
}
