/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cto-analysis.h"
#include "cto-board-pages.h"

G_BEGIN_DECLS

typedef enum
{
  CTO_EXPORT_JSON,
  CTO_EXPORT_CSV,
  CTO_EXPORT_MARKDOWN,
  CTO_EXPORT_HTML,
  CTO_EXPORT_PDF,
  CTO_EXPORT_SVG,
  CTO_EXPORT_PNG,
  CTO_EXPORT_ODP,
  CTO_EXPORT_PPTX,
} CtoExportFormat;

#define CTO_N_EXPORT_FORMATS 9

/* "json", "csv", "markdown", ... as on the command line. */
const char *cto_export_format_get_id        (CtoExportFormat  format);
/* The usual file name extension, without the dot. */
const char *cto_export_format_get_extension (CtoExportFormat  format);
/* Translated name for a format chooser ("PDF board pack", ...). */
const char *cto_export_format_get_name      (CtoExportFormat  format);
const char *cto_export_format_get_mime_type (CtoExportFormat  format);
/* Whether @format carries the plan's data (the plan file, the
 * spreadsheet) rather than what the board pages and reports show. */
gboolean    cto_export_format_is_data       (CtoExportFormat  format);
/* Whether @format shows what changed since a baseline: the formats with
 * the board pages' content, not the data nor a single page's picture. */
gboolean    cto_export_format_shows_baseline (CtoExportFormat format);
gboolean    cto_export_format_from_id       (const char      *id,
                                             CtoExportFormat *format);

/*
 * Writes the plan of @analysis in @format to @file. The file appears whole or
 * not at all: on failure an existing file is left as it was.
 */
gboolean    cto_export_to_file              (CtoAnalysis     *analysis,
                                             CtoExportFormat  format,
                                             GFile           *file,
                                             GCancellable    *cancellable,
                                             GError         **error);
/* The same for what @pages show: their plan, their date, and with a
 * baseline (cto_board_pages_set_baseline()) the "Since the last plan" page
 * and section, in every format that has the board pages' content. */
gboolean    cto_export_pages_to_file        (CtoBoardPages   *pages,
                                             CtoExportFormat  format,
                                             GFile           *file,
                                             GCancellable    *cancellable,
                                             GError         **error);

G_END_DECLS
