/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-export-odp"

#include "config.h"

#include <string.h>

#include "cto-export-odp.h"
#include "cto-export-slides-private.h"
#include "cto-report-cairo.h"
#include "cto-zip-writer.h"

#define ODP_MIME_TYPE "application/vnd.oasis.opendocument.presentation"

/* Where the pages draw their heading, in points: the slide's title goes
 * there, behind the picture. */
#define TITLE_X       36.0
#define TITLE_Y       30.0
#define TITLE_HEIGHT  30.0

/* The notes pages: A4 portrait, the slide above its notes. */
#define NOTES_WIDTH   595.0
#define NOTES_HEIGHT  842.0
#define NOTES_MARGIN  56.0

/* The picture in the file manager's list: 256 points wide. */
#define THUMBNAIL_SCALE (256.0 / CTO_BOARD_PAGE_WIDTH)

#define OFFICE_NAMESPACES \
  " xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"" \
  " xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\"" \
  " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"" \
  " xmlns:draw=\"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0\"" \
  " xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\"" \
  " xmlns:svg=\"urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0\"" \
  " xmlns:presentation=\"urn:oasis:names:tc:opendocument:xmlns:presentation:1.0\"" \
  " xmlns:xlink=\"http://www.w3.org/1999/xlink\"" \
  " office:version=\"1.3\""

#define XML_DECLARATION "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"

/* A length in centimetres, the unit ODF files usually give. */
static void
append_length (GString    *out,
               const char *attribute,
               double      points)
{
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (number, sizeof number, "%.4f", points * 2.54 / 72.0);
  g_string_append_printf (out, " %s=\"%scm\"", attribute, number);
}

static void
append_box (GString *out,
            double   x,
            double   y,
            double   width,
            double   height)
{
  append_length (out, "svg:x", x);
  append_length (out, "svg:y", y);
  append_length (out, "svg:width", width);
  append_length (out, "svg:height", height);
}

/* A paragraph of ODF text: runs of spaces are spaces ODF keeps (text:s),
 * where plain spaces would be collapsed into one. */
static void
append_paragraph (GString    *out,
                  const char *text)
{
  g_autoptr(GString) escaped = g_string_new (NULL);
  gsize i = 0;

  _cto_export_slides_append_xml (escaped, text);

  g_string_append (out, "<text:p>");
  while (i < escaped->len)
    {
      gsize run = 0;

      while (i + run < escaped->len && escaped->str[i + run] == ' ')
        run++;

      if (run == 0)
        {
          g_string_append_c (out, escaped->str[i++]);
          continue;
        }

      /* The first space of a run is an ordinary one, except at the start. */
      if (i > 0)
        {
          g_string_append_c (out, ' ');
          run--;
          i++;
        }
      if (run == 1)
        g_string_append (out, "<text:s/>");
      else if (run > 1)
        g_string_append_printf (out, "<text:s text:c=\"%" G_GSIZE_FORMAT "\"/>", run);
      i += run;
    }
  g_string_append (out, "</text:p>");
}

static void
append_paragraphs (GString    *out,
                   const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text != NULL ? text : "", "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (lines[i][0] != '\0' || lines[i + 1] != NULL)
      append_paragraph (out, lines[i]);
}

static char *
picture_name (guint index)
{
  return g_strdup_printf ("Pictures/page%u.svg", index + 1);
}

static char *
make_content (GPtrArray *slides)
{
  GString *out = g_string_new (XML_DECLARATION);

  g_string_append (out, "<office:document-content" OFFICE_NAMESPACES ">\n"
                        "<office:body><office:presentation>\n");

  for (guint i = 0; i < slides->len; i++)
    {
      const CtoSlide *slide = g_ptr_array_index (slides, i);
      g_autofree char *picture = picture_name (i);

      g_string_append (out, "<draw:page draw:name=\"");
      _cto_export_slides_append_xml (out, slide->title);
      g_string_append (out, "\" draw:master-page-name=\"Board\">\n");

      /* The title first, so that the picture covers it: the slide has its
       * title for the outline, the slide sorter and screen readers, and
       * looks like the page. */
      g_string_append (out, "<draw:frame presentation:style-name=\"Board-title\""
                            " presentation:class=\"title\" presentation:user-transformed=\"true\"");
      append_box (out, TITLE_X, TITLE_Y, CTO_BOARD_PAGE_WIDTH - 2 * TITLE_X, TITLE_HEIGHT);
      g_string_append (out, "><draw:text-box>");
      append_paragraph (out, slide->title);
      g_string_append (out, "</draw:text-box></draw:frame>\n");

      g_string_append (out, "<draw:frame draw:name=\"");
      _cto_export_slides_append_xml (out, slide->title);
      g_string_append_c (out, '"');
      append_box (out, 0, 0, CTO_BOARD_PAGE_WIDTH, CTO_BOARD_PAGE_HEIGHT);
      g_string_append_printf (out, "><draw:image xlink:href=\"%s\" xlink:type=\"simple\""
                                   " xlink:show=\"embed\" xlink:actuate=\"onLoad\""
                                   " draw:mime-type=\"image/svg+xml\"><text:p/></draw:image>",
                              picture);
      g_string_append (out, "<svg:title>");
      _cto_export_slides_append_xml (out, slide->title);
      g_string_append (out, "</svg:title><svg:desc>");
      _cto_export_slides_append_lines (out, slide->text, "\n");
      g_string_append (out, "</svg:desc></draw:frame>\n");

      g_string_append (out, "<presentation:notes>");
      g_string_append (out, "<draw:page-thumbnail presentation:class=\"page\"");
      g_string_append_printf (out, " draw:page-number=\"%u\"", i + 1);
      append_box (out, NOTES_MARGIN, NOTES_MARGIN, NOTES_WIDTH - 2 * NOTES_MARGIN,
                  (NOTES_WIDTH - 2 * NOTES_MARGIN) * CTO_BOARD_PAGE_HEIGHT / CTO_BOARD_PAGE_WIDTH);
      g_string_append (out, "/>\n<draw:frame presentation:style-name=\"Board-notes\""
                            " presentation:class=\"notes\"");
      append_box (out, NOTES_MARGIN, NOTES_HEIGHT / 2, NOTES_WIDTH - 2 * NOTES_MARGIN,
                  NOTES_HEIGHT / 2 - NOTES_MARGIN);
      g_string_append (out, "><draw:text-box>");
      append_paragraphs (out, slide->text);
      g_string_append (out, "</draw:text-box></draw:frame></presentation:notes>\n"
                            "</draw:page>\n");
    }

  g_string_append (out, "</office:presentation></office:body>\n</office:document-content>\n");

  return g_string_free (out, FALSE);
}

static char *
make_styles (void)
{
  GString *out = g_string_new (XML_DECLARATION);

  g_string_append (out, "<office:document-styles" OFFICE_NAMESPACES ">\n"
                        "<office:styles>\n"
                        "<style:style style:name=\"Board-title\" style:family=\"presentation\">"
                        "<style:graphic-properties draw:stroke=\"none\" draw:fill=\"none\""
                        " draw:auto-grow-height=\"false\" fo:min-height=\"0cm\"/>"
                        "<style:paragraph-properties fo:text-align=\"start\"/>"
                        "<style:text-properties fo:font-size=\"20pt\" fo:font-weight=\"bold\""
                        " fo:color=\"#1c1c1c\"/>"
                        "</style:style>\n"
                        "<style:style style:name=\"Board-notes\" style:family=\"presentation\">"
                        "<style:graphic-properties draw:stroke=\"none\" draw:fill=\"none\"/>"
                        "<style:text-properties fo:font-size=\"11pt\"/>"
                        "</style:style>\n"
                        "</office:styles>\n"
                        "<office:automatic-styles>\n"
                        "<style:page-layout style:name=\"Slide\"><style:page-layout-properties"
                        " fo:margin-top=\"0cm\" fo:margin-bottom=\"0cm\" fo:margin-left=\"0cm\""
                        " fo:margin-right=\"0cm\"");
  append_length (out, "fo:page-width", CTO_BOARD_PAGE_WIDTH);
  append_length (out, "fo:page-height", CTO_BOARD_PAGE_HEIGHT);
  g_string_append (out, " style:print-orientation=\"landscape\"/></style:page-layout>\n"
                        "<style:page-layout style:name=\"Notes\"><style:page-layout-properties"
                        " fo:margin-top=\"0cm\" fo:margin-bottom=\"0cm\" fo:margin-left=\"0cm\""
                        " fo:margin-right=\"0cm\"");
  append_length (out, "fo:page-width", NOTES_WIDTH);
  append_length (out, "fo:page-height", NOTES_HEIGHT);
  g_string_append (out, " style:print-orientation=\"portrait\"/></style:page-layout>\n"
                        "<style:style style:name=\"Background\" style:family=\"drawing-page\">"
                        "<style:drawing-page-properties draw:fill=\"solid\" draw:fill-color=\"#ffffff\""
                        " draw:background-size=\"full\"/></style:style>\n"
                        "</office:automatic-styles>\n"
                        "<office:master-styles>\n"
                        "<style:master-page style:name=\"Board\" style:page-layout-name=\"Slide\""
                        " draw:style-name=\"Background\">\n"
                        "<presentation:notes style:page-layout-name=\"Notes\">"
                        "<draw:page-thumbnail presentation:class=\"page\"");
  append_box (out, NOTES_MARGIN, NOTES_MARGIN, NOTES_WIDTH - 2 * NOTES_MARGIN,
              (NOTES_WIDTH - 2 * NOTES_MARGIN) * CTO_BOARD_PAGE_HEIGHT / CTO_BOARD_PAGE_WIDTH);
  g_string_append (out, "/><draw:frame presentation:style-name=\"Board-notes\""
                        " presentation:class=\"notes\" presentation:placeholder=\"true\"");
  append_box (out, NOTES_MARGIN, NOTES_HEIGHT / 2, NOTES_WIDTH - 2 * NOTES_MARGIN,
              NOTES_HEIGHT / 2 - NOTES_MARGIN);
  g_string_append (out, "><draw:text-box/></draw:frame></presentation:notes>\n"
                        "</style:master-page>\n"
                        "</office:master-styles>\n"
                        "</office:document-styles>\n");

  return g_string_free (out, FALSE);
}

static char *
make_meta (CtoBoardPages *pages)
{
  CtoPlan *plan = cto_analysis_get_plan (cto_board_pages_get_analysis (pages));
  g_autofree char *date = _cto_export_slides_iso_date (cto_board_pages_get_date (pages));
  GString *out = g_string_new (XML_DECLARATION);

  g_string_append (out, "<office:document-meta"
                        " xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
                        " xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\""
                        " xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
                        " office:version=\"1.3\"><office:meta>"
                        "<meta:generator>CTO Planner/" PACKAGE_VERSION "</meta:generator><dc:title>");
  _cto_export_slides_append_xml (out, cto_plan_get_title (plan));
  g_string_append_printf (out, "</dc:title><meta:creation-date>%s</meta:creation-date>"
                               "<dc:date>%s</dc:date></office:meta></office:document-meta>\n",
                          date, date);

  return g_string_free (out, FALSE);
}

static char *
make_manifest (GPtrArray *slides)
{
  GString *out = g_string_new (XML_DECLARATION);

  g_string_append (out, "<manifest:manifest"
                        " xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\""
                        " manifest:version=\"1.3\">\n"
                        "<manifest:file-entry manifest:full-path=\"/\" manifest:version=\"1.3\""
                        " manifest:media-type=\"" ODP_MIME_TYPE "\"/>\n"
                        "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>\n"
                        "<manifest:file-entry manifest:full-path=\"styles.xml\" manifest:media-type=\"text/xml\"/>\n"
                        "<manifest:file-entry manifest:full-path=\"meta.xml\" manifest:media-type=\"text/xml\"/>\n"
                        "<manifest:file-entry manifest:full-path=\"Thumbnails/thumbnail.png\""
                        " manifest:media-type=\"image/png\"/>\n");
  for (guint i = 0; i < slides->len; i++)
    {
      g_autofree char *picture = picture_name (i);

      g_string_append_printf (out, "<manifest:file-entry manifest:full-path=\"%s\""
                                   " manifest:media-type=\"image/svg+xml\"/>\n", picture);
    }
  g_string_append (out, "</manifest:manifest>\n");

  return g_string_free (out, FALSE);
}

static gboolean
add_text (CtoZipWriter  *zip,
          const char    *name,
          char          *text,
          GError       **error)
{
  g_autofree char *owned = text;

  return cto_zip_writer_add (zip, name, owned, strlen (owned), FALSE, error);
}

/**
 * cto_export_odp:
 * @pages: the board pages
 *
 * Returns: (transfer full) (nullable): the ODP file
 */
GBytes *
cto_export_odp (CtoBoardPages  *pages,
                GError        **error)
{
  g_autoptr(GPtrArray) slides = NULL;
  g_autoptr(CtoZipWriter) zip = NULL;
  g_autoptr(GBytes) thumbnail = NULL;

  g_return_val_if_fail (CTO_IS_BOARD_PAGES (pages), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  slides = _cto_export_slides_collect (pages, FALSE, error);
  if (slides == NULL)
    return NULL;
  thumbnail = cto_report_png (pages, 0, THUMBNAIL_SCALE, CTO_BOARD_DRAW_NONE, error);
  if (thumbnail == NULL)
    return NULL;

  /* The type first and as it is, where programs look for it. */
  zip = cto_zip_writer_new (cto_board_pages_get_date (pages), error);
  if (zip == NULL ||
      !cto_zip_writer_add (zip, "mimetype", ODP_MIME_TYPE, strlen (ODP_MIME_TYPE), TRUE, error) ||
      !add_text (zip, "content.xml", make_content (slides), error) ||
      !add_text (zip, "styles.xml", make_styles (), error) ||
      !add_text (zip, "meta.xml", make_meta (pages), error) ||
      !cto_zip_writer_add_bytes (zip, "Thumbnails/thumbnail.png", thumbnail, TRUE, error))
    return NULL;

  for (guint i = 0; i < slides->len; i++)
    {
      const CtoSlide *slide = g_ptr_array_index (slides, i);
      g_autofree char *picture = picture_name (i);

      if (!cto_zip_writer_add_bytes (zip, picture, slide->svg, FALSE, error))
        return NULL;
    }

  if (!add_text (zip, "META-INF/manifest.xml", make_manifest (slides), error))
    return NULL;

  return cto_zip_writer_finish (zip, error);
}
