/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-export"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "cto-export.h"
#include "cto-plan-io.h"

typedef char *(*RenderText) (CtoAnalysis *analysis,
                             gsize       *length,
                             GError     **error);

static char *
render_json (CtoAnalysis  *analysis,
             gsize        *length,
             GError      **error)
{
  return cto_plan_io_to_data (cto_analysis_get_plan (analysis), length);
}

static const struct {
  const char *id;
  const char *extension;
  const char *name;
  const char *mime_type;
  RenderText  render;
} formats[CTO_N_EXPORT_FORMATS] = {
  [CTO_EXPORT_JSON] = { "json", "json", N_("Plan file (JSON)"), "application/json", render_json },
  [CTO_EXPORT_CSV] = { "csv", "csv", N_("Spreadsheet (CSV)"), "text/csv", NULL },
  [CTO_EXPORT_MARKDOWN] = { "markdown", "md", N_("Report (Markdown)"), "text/markdown", NULL },
  [CTO_EXPORT_HTML] = { "html", "html", N_("Web page (HTML)"), "text/html", NULL },
  [CTO_EXPORT_PDF] = { "pdf", "pdf", N_("Board pack (PDF)"), "application/pdf", NULL },
  [CTO_EXPORT_SVG] = { "svg", "svg", N_("Coverage page (SVG)"), "image/svg+xml", NULL },
  [CTO_EXPORT_PNG] = { "png", "png", N_("Coverage page (PNG)"), "image/png", NULL },
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
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_return_val_if_fail (CTO_IS_ANALYSIS (analysis), FALSE);
  g_return_val_if_fail (format < CTO_N_EXPORT_FORMATS, FALSE);
  g_return_val_if_fail (formats[format].render != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  contents = formats[format].render (analysis, &length, error);
  if (contents == NULL)
    return FALSE;

  return cto_write_file_atomic (file, contents, length, cancellable, error);
}
