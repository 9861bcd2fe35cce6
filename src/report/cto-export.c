/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-export"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "cto-board-pages.h"
#include "cto-export-odp.h"
#include "cto-export-pptx.h"
#include "cto-export.h"
#include "cto-plan-io.h"
#include "cto-report-cairo.h"
#include "cto-report-csv.h"
#include "cto-report-html.h"
#include "cto-report-markdown.h"
#include "cto-report-private.h"

/* Each format is made from the board pages: their plan, date and baseline. */
typedef char *(*RenderText) (CtoBoardPages *pages,
                             gsize         *length,
                             GError       **error);

static char *
render_json (CtoBoardPages  *pages,
             gsize          *length,
             GError        **error)
{
  CtoAnalysis *analysis = cto_board_pages_get_analysis (pages);
  g_autofree char *data = cto_plan_io_to_data (cto_analysis_get_plan (analysis), length);

  if (!cto_plan_io_check_size (*length, error))
    return NULL;

  return g_steal_pointer (&data);
}

static char *
render_csv (CtoBoardPages  *pages,
            gsize          *length,
            GError        **error)
{
  return cto_report_csv (cto_analysis_get_plan (cto_board_pages_get_analysis (pages)), length);
}

static char *
render_markdown (CtoBoardPages  *pages,
                 gsize          *length,
                 GError        **error)
{
  return cto_report_markdown_with_baseline (cto_board_pages_get_analysis (pages),
                                            cto_board_pages_get_baseline (pages),
                                            cto_board_pages_get_date (pages), length);
}

static char *
render_html (CtoBoardPages  *pages,
             gsize          *length,
             GError        **error)
{
  return cto_report_html_with_baseline (cto_board_pages_get_analysis (pages),
                                        cto_board_pages_get_baseline (pages),
                                        cto_board_pages_get_date (pages), length);
}

static char *
bytes_to_text (GBytes *bytes,
               gsize  *length)
{
  if (bytes == NULL)
    return NULL;

  return g_bytes_unref_to_data (bytes, length);
}

/* All pages of A4 landscape (CTO_BOARD_PAGE_WIDTH × CTO_BOARD_PAGE_HEIGHT points). */
static char *
render_pdf (CtoBoardPages  *pages,
            gsize          *length,
            GError        **error)
{

  return bytes_to_text (cto_report_pdf (pages, error), length);
}

/* The coverage page alone. */
static char *
render_svg (CtoBoardPages  *pages,
            gsize          *length,
            GError        **error)
{
  guint page = cto_board_pages_find_page (pages, CTO_BOARD_PAGE_WIDTH, CTO_BOARD_PAGE_HEIGHT,
                                          CTO_BOARD_PAGE_COVERAGE);

  return bytes_to_text (cto_report_svg (pages, page, CTO_BOARD_DRAW_ALONE, error), length);
}

/* The coverage page alone, at two pixels per point: 1684 × 1190. */
static char *
render_png (CtoBoardPages  *pages,
            gsize          *length,
            GError        **error)
{
  guint page = cto_board_pages_find_page (pages, CTO_BOARD_PAGE_WIDTH, CTO_BOARD_PAGE_HEIGHT,
                                          CTO_BOARD_PAGE_COVERAGE);

  return bytes_to_text (cto_report_png (pages, page, 2, CTO_BOARD_DRAW_ALONE, error), length);
}

/* Every page, a slide each, as an OpenDocument presentation. */
static char *
render_odp (CtoBoardPages  *pages,
            gsize          *length,
            GError        **error)
{

  return bytes_to_text (cto_export_odp (pages, error), length);
}

/* Every page, a slide each, as a PowerPoint presentation. */
static char *
render_pptx (CtoBoardPages  *pages,
             gsize          *length,
             GError        **error)
{

  return bytes_to_text (cto_export_pptx (pages, error), length);
}

static const struct {
  const char *id;
  const char *extension;
  const char *name;
  const char *mime_type;
  RenderText  render;
} formats[CTO_N_EXPORT_FORMATS] = {
  [CTO_EXPORT_JSON] = { "json", "json", N_("Plan file (JSON)"), "application/json", render_json },
  [CTO_EXPORT_CSV] = { "csv", "csv", N_("Spreadsheet (CSV)"), "text/csv", render_csv },
  [CTO_EXPORT_MARKDOWN] = { "markdown", "md", N_("Report (Markdown)"), "text/markdown", render_markdown },
  [CTO_EXPORT_HTML] = { "html", "html", N_("Web page (HTML)"), "text/html", render_html },
  [CTO_EXPORT_PDF] = { "pdf", "pdf", N_("Board pack (PDF)"), "application/pdf", render_pdf },
  [CTO_EXPORT_SVG] = { "svg", "svg", N_("Coverage page (SVG)"), "image/svg+xml", render_svg },
  [CTO_EXPORT_PNG] = { "png", "png", N_("Coverage page (PNG)"), "image/png", render_png },
  [CTO_EXPORT_ODP] = { "odp", "odp", N_("Board slides (ODP)"),
                       "application/vnd.oasis.opendocument.presentation", render_odp },
  [CTO_EXPORT_PPTX] = { "pptx", "pptx", N_("Board slides (PowerPoint)"),
                        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
                        render_pptx },
};

const char *
cto_export_format_get_id (CtoExportFormat format)
{
  g_return_val_if_fail (format < CTO_N_EXPORT_FORMATS, NULL);

  return formats[format].id;
}

const char *
cto_export_format_get_extension (CtoExportFormat format)
{
  g_return_val_if_fail (format < CTO_N_EXPORT_FORMATS, NULL);

  return formats[format].extension;
}

const char *
cto_export_format_get_name (CtoExportFormat format)
{
  g_return_val_if_fail (format < CTO_N_EXPORT_FORMATS, NULL);

  return _(formats[format].name);
}

const char *
cto_export_format_get_mime_type (CtoExportFormat format)
{
  g_return_val_if_fail (format < CTO_N_EXPORT_FORMATS, NULL);

  return formats[format].mime_type;
}

gboolean
cto_export_format_is_data (CtoExportFormat format)
{
  g_return_val_if_fail (format < CTO_N_EXPORT_FORMATS, FALSE);

  return format == CTO_EXPORT_JSON || format == CTO_EXPORT_CSV;
}

gboolean
cto_export_format_shows_baseline (CtoExportFormat format)
{
  g_return_val_if_fail (format < CTO_N_EXPORT_FORMATS, FALSE);

  return format == CTO_EXPORT_MARKDOWN || format == CTO_EXPORT_HTML || format == CTO_EXPORT_PDF ||
         format == CTO_EXPORT_ODP || format == CTO_EXPORT_PPTX;
}

gboolean
cto_export_format_from_id (const char      *id,
                           CtoExportFormat *format)
{
  g_return_val_if_fail (id != NULL, FALSE);

  for (guint i = 0; i < CTO_N_EXPORT_FORMATS; i++)
    {
      if (formats[i].render != NULL && strcmp (formats[i].id, id) == 0)
        {
          if (format != NULL)
            *format = (CtoExportFormat) i;
          return TRUE;
        }
    }

  return FALSE;
}

gboolean
cto_export_to_file (CtoAnalysis      *analysis,
                    CtoExportFormat   format,
                    GFile            *file,
                    GCancellable     *cancellable,
                    GError          **error)
{
  g_autoptr(CtoBoardPages) pages = NULL;

  g_return_val_if_fail (CTO_IS_ANALYSIS (analysis), FALSE);

  pages = cto_board_pages_new (analysis);

  return cto_export_pages_to_file (pages, format, file, cancellable, error);
}

gboolean
cto_export_pages_to_file (CtoBoardPages    *pages,
                          CtoExportFormat   format,
                          GFile            *file,
                          GCancellable     *cancellable,
                          GError          **error)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_return_val_if_fail (CTO_IS_BOARD_PAGES (pages), FALSE);
  g_return_val_if_fail (format < CTO_N_EXPORT_FORMATS, FALSE);
  g_return_val_if_fail (formats[format].render != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  contents = formats[format].render (pages, &length, error);
  if (contents == NULL)
    return FALSE;

  return cto_write_file_atomic (file, contents, length, cancellable, error);
}
