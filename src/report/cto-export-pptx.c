/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-export-pptx"

#include "config.h"

#include <string.h>

#include "cto-export-pptx.h"
#include "cto-export-slides-private.h"
#include "cto-zip-writer.h"

/* Lengths in English Metric Units: 12,700 to the point. */
#define EMU_PER_POINT   12700
#define SLIDE_WIDTH     ((gint64) (CTO_BOARD_PAGE_WIDTH * EMU_PER_POINT))
#define SLIDE_HEIGHT    ((gint64) (CTO_BOARD_PAGE_HEIGHT * EMU_PER_POINT))

/* Where the pages draw their heading: the slide's title goes there, behind
 * the picture. */
#define TITLE_X         ((gint64) 36 * EMU_PER_POINT)
#define TITLE_Y         ((gint64) 30 * EMU_PER_POINT)
#define TITLE_WIDTH     (SLIDE_WIDTH - 2 * TITLE_X)
#define TITLE_HEIGHT    ((gint64) 30 * EMU_PER_POINT)

/* The notes pages: 7.5 × 10 inches, the slide above its notes. */
#define NOTES_WIDTH     6858000
#define NOTES_HEIGHT    9144000
#define NOTES_MARGIN    685800
#define NOTES_IMAGE_WIDTH  (NOTES_WIDTH - 2 * NOTES_MARGIN)
#define NOTES_IMAGE_HEIGHT (NOTES_IMAGE_WIDTH * SLIDE_HEIGHT / SLIDE_WIDTH)
#define NOTES_BODY_Y    (NOTES_HEIGHT / 2)
#define NOTES_BODY_HEIGHT (NOTES_HEIGHT / 2 - NOTES_MARGIN)

/* The first relationship of presentation.xml that names a slide. */
#define FIRST_SLIDE_RID 7

#define XML_DECLARATION "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

#define NS_A "http://schemas.openxmlformats.org/drawingml/2006/main"
#define NS_R "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define NS_P "http://schemas.openxmlformats.org/presentationml/2006/main"
#define PML_NAMESPACES " xmlns:a=\"" NS_A "\" xmlns:r=\"" NS_R "\" xmlns:p=\"" NS_P "\""

#define REL_TYPE(name) "http://schemas.openxmlformats.org/officeDocument/2006/relationships/" name
#define CONTENT_TYPE(name) "application/vnd.openxmlformats-officedocument." name

/* The picture's SVG, in the extension PowerPoint reads over the PNG. */
#define SVG_BLIP_URI "{96DAC541-7B7A-43D3-8B79-37D633B846F1}"
#define NS_ASVG "http://schemas.microsoft.com/office/drawing/2016/SVG/main"

/* A group's frame, which every shape tree begins with. */
#define SHAPE_TREE_START \
  "<p:spTree><p:nvGrpSpPr><p:cNvPr id=\"1\" name=\"\"/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>" \
  "<p:grpSpPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"0\" cy=\"0\"/>" \
  "<a:chOff x=\"0\" y=\"0\"/><a:chExt cx=\"0\" cy=\"0\"/></a:xfrm></p:grpSpPr>"

#define COLOR_MAP \
  "<p:clrMap bg1=\"lt1\" tx1=\"dk1\" bg2=\"lt2\" tx2=\"dk2\" accent1=\"accent1\"" \
  " accent2=\"accent2\" accent3=\"accent3\" accent4=\"accent4\" accent5=\"accent5\"" \
  " accent6=\"accent6\" hlink=\"hlink\" folHlink=\"folHlink\"/>"

#define EMPTY_PARAGRAPH "<a:p><a:endParaRPr/></a:p>"

static void
append_xfrm (GString *out,
             gint64   x,
             gint64   y,
             gint64   width,
             gint64   height)
{
  g_string_append_printf (out, "<a:xfrm><a:off x=\"%" G_GINT64_FORMAT "\" y=\"%" G_GINT64_FORMAT "\"/>"
                               "<a:ext cx=\"%" G_GINT64_FORMAT "\" cy=\"%" G_GINT64_FORMAT "\"/></a:xfrm>",
                          x, y, width, height);
}

static void
append_relationship (GString    *out,
                     guint       id,
                     const char *type,
                     const char *target)
{
  g_string_append_printf (out, "<Relationship Id=\"rId%u\" Type=\"%s\" Target=\"%s\"/>\n",
                          id, type, target);
}

static GString *
relationships_start (void)
{
  return g_string_new (XML_DECLARATION
                       "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\n");
}

static char *
relationships_end (GString *out)
{
  g_string_append (out, "</Relationships>\n");
  return g_string_free (out, FALSE);
}

/* A paragraph a line, each line's text whole. */
static void
append_paragraphs (GString    *out,
                   const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text != NULL ? text : "", "\n", -1);
  gboolean any = FALSE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (lines[i][0] == '\0' && lines[i + 1] == NULL)
        break;
      any = TRUE;
      if (lines[i][0] == '\0')
        {
          g_string_append (out, EMPTY_PARAGRAPH);
          continue;
        }
      g_string_append (out, "<a:p><a:r><a:rPr dirty=\"0\"/><a:t>");
      _cto_export_slides_append_xml (out, lines[i]);
      g_string_append (out, "</a:t></a:r></a:p>");
    }

  /* A text body has at least one paragraph. */
  if (!any)
    g_string_append (out, EMPTY_PARAGRAPH);
}

static char *
make_content_types (GPtrArray *slides)
{
  GString *out = g_string_new (XML_DECLARATION);

  g_string_append (out,
    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\n"
    "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\n"
    "<Default Extension=\"xml\" ContentType=\"application/xml\"/>\n"
    "<Default Extension=\"png\" ContentType=\"image/png\"/>\n"
    "<Default Extension=\"svg\" ContentType=\"image/svg+xml\"/>\n"
    "<Override PartName=\"/ppt/presentation.xml\" ContentType=\"" CONTENT_TYPE ("presentationml.presentation.main+xml") "\"/>\n"
    "<Override PartName=\"/ppt/presProps.xml\" ContentType=\"" CONTENT_TYPE ("presentationml.presProps+xml") "\"/>\n"
    "<Override PartName=\"/ppt/viewProps.xml\" ContentType=\"" CONTENT_TYPE ("presentationml.viewProps+xml") "\"/>\n"
    "<Override PartName=\"/ppt/tableStyles.xml\" ContentType=\"" CONTENT_TYPE ("presentationml.tableStyles+xml") "\"/>\n"
    "<Override PartName=\"/ppt/slideMasters/slideMaster1.xml\" ContentType=\"" CONTENT_TYPE ("presentationml.slideMaster+xml") "\"/>\n"
    "<Override PartName=\"/ppt/slideLayouts/slideLayout1.xml\" ContentType=\"" CONTENT_TYPE ("presentationml.slideLayout+xml") "\"/>\n"
    "<Override PartName=\"/ppt/notesMasters/notesMaster1.xml\" ContentType=\"" CONTENT_TYPE ("presentationml.notesMaster+xml") "\"/>\n"
    "<Override PartName=\"/ppt/theme/theme1.xml\" ContentType=\"" CONTENT_TYPE ("theme+xml") "\"/>\n"
    "<Override PartName=\"/ppt/theme/theme2.xml\" ContentType=\"" CONTENT_TYPE ("theme+xml") "\"/>\n"
    "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>\n"
    "<Override PartName=\"/docProps/app.xml\" ContentType=\"" CONTENT_TYPE ("extended-properties+xml") "\"/>\n");

  for (guint i = 1; i <= slides->len; i++)
    g_string_append_printf (out,
      "<Override PartName=\"/ppt/slides/slide%u.xml\" ContentType=\"" CONTENT_TYPE ("presentationml.slide+xml") "\"/>\n"
      "<Override PartName=\"/ppt/notesSlides/notesSlide%u.xml\" ContentType=\"" CONTENT_TYPE ("presentationml.notesSlide+xml") "\"/>\n",
      i, i);

  g_string_append (out, "</Types>\n");

  return g_string_free (out, FALSE);
}

static char *
make_package_relationships (void)
{
  GString *out = relationships_start ();

  append_relationship (out, 1, REL_TYPE ("officeDocument"), "ppt/presentation.xml");
  append_relationship (out, 2, "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
                       "docProps/core.xml");
  append_relationship (out, 3, REL_TYPE ("extended-properties"), "docProps/app.xml");

  return relationships_end (out);
}

static char *
make_core_properties (CtoBoardPages *pages)
{
  CtoPlan *plan = cto_analysis_get_plan (cto_board_pages_get_analysis (pages));
  g_autofree char *date = _cto_export_slides_iso_date (cto_board_pages_get_date (pages));
  GString *out = g_string_new (XML_DECLARATION);

  g_string_append (out,
    "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\""
    " xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\""
    " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>");
  _cto_export_slides_append_xml (out, cto_plan_get_title (plan));
  g_string_append_printf (out,
    "</dc:title><dcterms:created xsi:type=\"dcterms:W3CDTF\">%s</dcterms:created>"
    "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">%s</dcterms:modified></cp:coreProperties>\n",
    date, date);

  return g_string_free (out, FALSE);
}

static char *
make_app_properties (GPtrArray *slides)
{
  return g_strdup_printf (XML_DECLARATION
    "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">"
    "<Application>CTO Planner</Application><Slides>%u</Slides><Notes>%u</Notes>"
    "</Properties>\n", slides->len, slides->len);
}

static char *
make_presentation (GPtrArray *slides)
{
  GString *out = g_string_new (XML_DECLARATION);

  g_string_append (out,
    "<p:presentation" PML_NAMESPACES " saveSubsetFonts=\"1\">"
    "<p:sldMasterIdLst><p:sldMasterId id=\"2147483648\" r:id=\"rId1\"/></p:sldMasterIdLst>"
    "<p:notesMasterIdLst><p:notesMasterId r:id=\"rId2\"/></p:notesMasterIdLst>"
    "<p:sldIdLst>");
  for (guint i = 0; i < slides->len; i++)
    g_string_append_printf (out, "<p:sldId id=\"%u\" r:id=\"rId%u\"/>", 256 + i, FIRST_SLIDE_RID + i);
  g_string_append_printf (out,
    "</p:sldIdLst>"
    "<p:sldSz cx=\"%" G_GINT64_FORMAT "\" cy=\"%" G_GINT64_FORMAT "\"/>"
    "<p:notesSz cx=\"%d\" cy=\"%d\"/>"
    "</p:presentation>\n",
    SLIDE_WIDTH, SLIDE_HEIGHT, NOTES_WIDTH, NOTES_HEIGHT);

  return g_string_free (out, FALSE);
}

static char *
make_presentation_relationships (GPtrArray *slides)
{
  GString *out = relationships_start ();

  append_relationship (out, 1, REL_TYPE ("slideMaster"), "slideMasters/slideMaster1.xml");
  append_relationship (out, 2, REL_TYPE ("notesMaster"), "notesMasters/notesMaster1.xml");
  append_relationship (out, 3, REL_TYPE ("theme"), "theme/theme1.xml");
  append_relationship (out, 4, REL_TYPE ("presProps"), "presProps.xml");
  append_relationship (out, 5, REL_TYPE ("viewProps"), "viewProps.xml");
  append_relationship (out, 6, REL_TYPE ("tableStyles"), "tableStyles.xml");
  for (guint i = 0; i < slides->len; i++)
    {
      g_autofree char *target = g_strdup_printf ("slides/slide%u.xml", i + 1);

      append_relationship (out, FIRST_SLIDE_RID + i, REL_TYPE ("slide"), target);
    }

  return relationships_end (out);
}

static const char theme[] =
  XML_DECLARATION
  "<a:theme xmlns:a=\"" NS_A "\" name=\"CTO Planner\"><a:themeElements>"
  "<a:clrScheme name=\"CTO Planner\">"
  "<a:dk1><a:srgbClr val=\"1C1C1C\"/></a:dk1><a:lt1><a:srgbClr val=\"FFFFFF\"/></a:lt1>"
  "<a:dk2><a:srgbClr val=\"3D3846\"/></a:dk2><a:lt2><a:srgbClr val=\"F6F5F4\"/></a:lt2>"
  "<a:accent1><a:srgbClr val=\"1C71D8\"/></a:accent1><a:accent2><a:srgbClr val=\"2EC27E\"/></a:accent2>"
  "<a:accent3><a:srgbClr val=\"E5A50A\"/></a:accent3><a:accent4><a:srgbClr val=\"C01C28\"/></a:accent4>"
  "<a:accent5><a:srgbClr val=\"813D9C\"/></a:accent5><a:accent6><a:srgbClr val=\"865E3C\"/></a:accent6>"
  "<a:hlink><a:srgbClr val=\"1A5FB4\"/></a:hlink><a:folHlink><a:srgbClr val=\"613583\"/></a:folHlink>"
  "</a:clrScheme>"
  "<a:fontScheme name=\"CTO Planner\">"
  "<a:majorFont><a:latin typeface=\"Calibri\"/><a:ea typeface=\"\"/><a:cs typeface=\"\"/></a:majorFont>"
  "<a:minorFont><a:latin typeface=\"Calibri\"/><a:ea typeface=\"\"/><a:cs typeface=\"\"/></a:minorFont>"
  "</a:fontScheme>"
  "<a:fmtScheme name=\"CTO Planner\">"
  "<a:fillStyleLst><a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill>"
  "<a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill>"
  "<a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill></a:fillStyleLst>"
  "<a:lnStyleLst><a:ln w=\"6350\"><a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill></a:ln>"
  "<a:ln w=\"12700\"><a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill></a:ln>"
  "<a:ln w=\"19050\"><a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill></a:ln></a:lnStyleLst>"
  "<a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle>"
  "<a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle>"
  "</a:effectStyleLst>"
  "<a:bgFillStyleLst><a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill>"
  "<a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill>"
  "<a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill></a:bgFillStyleLst>"
  "</a:fmtScheme></a:themeElements><a:objectDefaults/><a:extraClrSchemeLst/></a:theme>\n";

static char *
make_slide_master (void)
{
  GString *out = g_string_new (XML_DECLARATION);

  g_string_append (out,
    "<p:sldMaster" PML_NAMESPACES "><p:cSld>"
    "<p:bg><p:bgPr><a:solidFill><a:srgbClr val=\"FFFFFF\"/></a:solidFill><a:effectLst/></p:bgPr></p:bg>"
    SHAPE_TREE_START
    "<p:sp><p:nvSpPr><p:cNvPr id=\"2\" name=\"Title Placeholder 1\"/>"
    "<p:cNvSpPr><a:spLocks noGrp=\"1\"/></p:cNvSpPr><p:nvPr><p:ph type=\"title\"/></p:nvPr></p:nvSpPr>"
    "<p:spPr>");
  append_xfrm (out, TITLE_X, TITLE_Y, TITLE_WIDTH, TITLE_HEIGHT);
  g_string_append (out,
    "<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></p:spPr>"
    "<p:txBody><a:bodyPr lIns=\"0\" tIns=\"0\" rIns=\"0\" bIns=\"0\" anchor=\"t\"><a:noAutofit/></a:bodyPr>"
    "<a:lstStyle/>" EMPTY_PARAGRAPH "</p:txBody></p:sp>"
    "</p:spTree></p:cSld>"
    COLOR_MAP
    "<p:sldLayoutIdLst><p:sldLayoutId id=\"2147483649\" r:id=\"rId1\"/></p:sldLayoutIdLst>"
    "<p:txStyles>"
    "<p:titleStyle><a:lvl1pPr algn=\"l\"><a:defRPr sz=\"2000\" b=\"1\"><a:solidFill><a:schemeClr val=\"tx1\"/></a:solidFill>"
    "<a:latin typeface=\"+mj-lt\"/></a:defRPr></a:lvl1pPr></p:titleStyle>"
    "<p:bodyStyle><a:lvl1pPr><a:defRPr sz=\"1800\"><a:solidFill><a:schemeClr val=\"tx1\"/></a:solidFill>"
    "<a:latin typeface=\"+mn-lt\"/></a:defRPr></a:lvl1pPr></p:bodyStyle>"
    "<p:otherStyle><a:lvl1pPr><a:defRPr sz=\"1800\"><a:solidFill><a:schemeClr val=\"tx1\"/></a:solidFill>"
    "<a:latin typeface=\"+mn-lt\"/></a:defRPr></a:lvl1pPr></p:otherStyle>"
    "</p:txStyles></p:sldMaster>\n");

  return g_string_free (out, FALSE);
}

static char *
make_slide_master_relationships (void)
{
  GString *out = relationships_start ();

  append_relationship (out, 1, REL_TYPE ("slideLayout"), "../slideLayouts/slideLayout1.xml");
  append_relationship (out, 2, REL_TYPE ("theme"), "../theme/theme1.xml");

  return relationships_end (out);
}

static const char slide_layout[] =
  XML_DECLARATION
  "<p:sldLayout" PML_NAMESPACES " type=\"titleOnly\" preserve=\"1\">"
  "<p:cSld name=\"Board page\">"
  SHAPE_TREE_START
  "<p:sp><p:nvSpPr><p:cNvPr id=\"2\" name=\"Title 1\"/>"
  "<p:cNvSpPr><a:spLocks noGrp=\"1\"/></p:cNvSpPr><p:nvPr><p:ph type=\"title\"/></p:nvPr></p:nvSpPr>"
  "<p:spPr/><p:txBody><a:bodyPr/><a:lstStyle/>" EMPTY_PARAGRAPH "</p:txBody></p:sp>"
  "</p:spTree></p:cSld>"
  "<p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>\n";

static char *
make_slide_layout_relationships (void)
{
  GString *out = relationships_start ();

  append_relationship (out, 1, REL_TYPE ("slideMaster"), "../slideMasters/slideMaster1.xml");

  return relationships_end (out);
}

static char *
make_notes_master (void)
{
  GString *out = g_string_new (XML_DECLARATION);

  g_string_append (out,
    "<p:notesMaster" PML_NAMESPACES "><p:cSld>"
    "<p:bg><p:bgPr><a:solidFill><a:srgbClr val=\"FFFFFF\"/></a:solidFill><a:effectLst/></p:bgPr></p:bg>"
    SHAPE_TREE_START
    "<p:sp><p:nvSpPr><p:cNvPr id=\"2\" name=\"Slide Image Placeholder 1\"/>"
    "<p:cNvSpPr><a:spLocks noGrp=\"1\" noRot=\"1\" noChangeAspect=\"1\"/></p:cNvSpPr>"
    "<p:nvPr><p:ph type=\"sldImg\" idx=\"2\"/></p:nvPr></p:nvSpPr><p:spPr>");
  append_xfrm (out, NOTES_MARGIN, NOTES_MARGIN, NOTES_IMAGE_WIDTH, NOTES_IMAGE_HEIGHT);
  g_string_append (out,
    "<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom><a:noFill/>"
    "<a:ln w=\"12700\"><a:solidFill><a:prstClr val=\"black\"/></a:solidFill></a:ln></p:spPr></p:sp>"
    "<p:sp><p:nvSpPr><p:cNvPr id=\"3\" name=\"Notes Placeholder 2\"/>"
    "<p:cNvSpPr><a:spLocks noGrp=\"1\"/></p:cNvSpPr>"
    "<p:nvPr><p:ph type=\"body\" sz=\"quarter\" idx=\"3\"/></p:nvPr></p:nvSpPr><p:spPr>");
  append_xfrm (out, NOTES_MARGIN, NOTES_BODY_Y, NOTES_IMAGE_WIDTH, NOTES_BODY_HEIGHT);
  g_string_append (out,
    "<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></p:spPr>"
    "<p:txBody><a:bodyPr/><a:lstStyle/>" EMPTY_PARAGRAPH "</p:txBody></p:sp>"
    "</p:spTree></p:cSld>"
    COLOR_MAP
    "<p:notesStyle><a:lvl1pPr marL=\"0\" algn=\"l\"><a:defRPr sz=\"1200\">"
    "<a:solidFill><a:schemeClr val=\"tx1\"/></a:solidFill><a:latin typeface=\"+mn-lt\"/>"
    "</a:defRPr></a:lvl1pPr></p:notesStyle></p:notesMaster>\n");

  return g_string_free (out, FALSE);
}

static char *
make_notes_master_relationships (void)
{
  GString *out = relationships_start ();

  append_relationship (out, 1, REL_TYPE ("theme"), "../theme/theme2.xml");

  return relationships_end (out);
}

static char *
make_slide (const CtoSlide *slide,
            guint           number)
{
  GString *out = g_string_new (XML_DECLARATION);

  g_string_append (out, "<p:sld" PML_NAMESPACES "><p:cSld>" SHAPE_TREE_START);

  /* The title first, so that the picture covers it: the slide has its
   * title for the outline, the slide sorter and screen readers, and looks
   * like the page. */
  g_string_append (out,
    "<p:sp><p:nvSpPr><p:cNvPr id=\"2\" name=\"Title 1\"/>"
    "<p:cNvSpPr><a:spLocks noGrp=\"1\"/></p:cNvSpPr><p:nvPr><p:ph type=\"title\"/></p:nvPr></p:nvSpPr>"
    "<p:spPr>");
  append_xfrm (out, TITLE_X, TITLE_Y, TITLE_WIDTH, TITLE_HEIGHT);
  /* One paragraph, as the page draws it on one line. */
  g_string_append (out, "</p:spPr><p:txBody><a:bodyPr/><a:lstStyle/>"
                        "<a:p><a:r><a:rPr dirty=\"0\"/><a:t>");
  _cto_export_slides_append_xml (out, slide->title);
  g_string_append (out, "</a:t></a:r></a:p></p:txBody></p:sp>");

  /* The page, with its words as the picture's description. */
  g_string_append_printf (out, "<p:pic><p:nvPicPr><p:cNvPr id=\"3\" name=\"Page %u\" title=\"", number);
  _cto_export_slides_append_xml (out, slide->title);
  g_string_append (out, "\" descr=\"");
  _cto_export_slides_append_lines (out, slide->text, "&#10;");
  g_string_append (out,
    "\"/><p:cNvPicPr><a:picLocks noChangeAspect=\"1\"/></p:cNvPicPr><p:nvPr/></p:nvPicPr>"
    "<p:blipFill><a:blip r:embed=\"rId2\"><a:extLst><a:ext uri=\"" SVG_BLIP_URI "\">"
    "<asvg:svgBlip xmlns:asvg=\"" NS_ASVG "\" r:embed=\"rId3\"/></a:ext></a:extLst></a:blip>"
    "<a:stretch><a:fillRect/></a:stretch></p:blipFill><p:spPr>");
  append_xfrm (out, 0, 0, SLIDE_WIDTH, SLIDE_HEIGHT);
  g_string_append (out,
    "<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></p:spPr></p:pic>"
    "</p:spTree></p:cSld>"
    "<p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>\n");

  return g_string_free (out, FALSE);
}

static char *
make_slide_relationships (guint number)
{
  GString *out = relationships_start ();
  g_autofree char *png = g_strdup_printf ("../media/page%u.png", number);
  g_autofree char *svg = g_strdup_printf ("../media/page%u.svg", number);
  g_autofree char *notes = g_strdup_printf ("../notesSlides/notesSlide%u.xml", number);

  append_relationship (out, 1, REL_TYPE ("slideLayout"), "../slideLayouts/slideLayout1.xml");
  append_relationship (out, 2, REL_TYPE ("image"), png);
  append_relationship (out, 3, REL_TYPE ("image"), svg);
  append_relationship (out, 4, REL_TYPE ("notesSlide"), notes);

  return relationships_end (out);
}

static char *
make_notes_slide (const CtoSlide *slide)
{
  GString *out = g_string_new (XML_DECLARATION);

  g_string_append (out,
    "<p:notes" PML_NAMESPACES "><p:cSld>" SHAPE_TREE_START
    "<p:sp><p:nvSpPr><p:cNvPr id=\"2\" name=\"Slide Image Placeholder 1\"/>"
    "<p:cNvSpPr><a:spLocks noGrp=\"1\" noRot=\"1\" noChangeAspect=\"1\"/></p:cNvSpPr>"
    "<p:nvPr><p:ph type=\"sldImg\"/></p:nvPr></p:nvSpPr><p:spPr/></p:sp>"
    "<p:sp><p:nvSpPr><p:cNvPr id=\"3\" name=\"Notes Placeholder 2\"/>"
    "<p:cNvSpPr><a:spLocks noGrp=\"1\"/></p:cNvSpPr>"
    "<p:nvPr><p:ph type=\"body\" idx=\"1\"/></p:nvPr></p:nvSpPr><p:spPr/>"
    "<p:txBody><a:bodyPr/><a:lstStyle/>");
  append_paragraphs (out, slide->text);
  g_string_append (out,
    "</p:txBody></p:sp></p:spTree></p:cSld>"
    "<p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:notes>\n");

  return g_string_free (out, FALSE);
}

static char *
make_notes_slide_relationships (guint number)
{
  GString *out = relationships_start ();
  g_autofree char *slide = g_strdup_printf ("../slides/slide%u.xml", number);

  append_relationship (out, 1, REL_TYPE ("notesMaster"), "../notesMasters/notesMaster1.xml");
  append_relationship (out, 2, REL_TYPE ("slide"), slide);

  return relationships_end (out);
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

static gboolean
add_static (CtoZipWriter  *zip,
            const char    *name,
            const char    *text,
            GError       **error)
{
  return cto_zip_writer_add (zip, name, text, strlen (text), FALSE, error);
}

static gboolean
add_slide (CtoZipWriter    *zip,
           const CtoSlide  *slide,
           guint            number,
           GError         **error)
{
  g_autofree char *slide_name = g_strdup_printf ("ppt/slides/slide%u.xml", number);
  g_autofree char *slide_rels = g_strdup_printf ("ppt/slides/_rels/slide%u.xml.rels", number);
  g_autofree char *notes_name = g_strdup_printf ("ppt/notesSlides/notesSlide%u.xml", number);
  g_autofree char *notes_rels = g_strdup_printf ("ppt/notesSlides/_rels/notesSlide%u.xml.rels", number);
  g_autofree char *png = g_strdup_printf ("ppt/media/page%u.png", number);
  g_autofree char *svg = g_strdup_printf ("ppt/media/page%u.svg", number);

  /* PNG is compressed already. */
  return add_text (zip, slide_name, make_slide (slide, number), error) &&
         add_text (zip, slide_rels, make_slide_relationships (number), error) &&
         add_text (zip, notes_name, make_notes_slide (slide), error) &&
         add_text (zip, notes_rels, make_notes_slide_relationships (number), error) &&
         cto_zip_writer_add_bytes (zip, png, slide->png, TRUE, error) &&
         cto_zip_writer_add_bytes (zip, svg, slide->svg, FALSE, error);
}

/**
 * cto_export_pptx:
 * @pages: the board pages
 *
 * Returns: (transfer full) (nullable): the PPTX file
 */
GBytes *
cto_export_pptx (CtoBoardPages  *pages,
                 GError        **error)
{
  g_autoptr(GPtrArray) slides = NULL;
  g_autoptr(CtoZipWriter) zip = NULL;

  g_return_val_if_fail (CTO_IS_BOARD_PAGES (pages), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  slides = _cto_export_slides_collect (pages, TRUE, error);
  if (slides == NULL)
    return NULL;

  zip = cto_zip_writer_new (cto_board_pages_get_date (pages), error);
  if (zip == NULL ||
      !add_text (zip, "[Content_Types].xml", make_content_types (slides), error) ||
      !add_text (zip, "_rels/.rels", make_package_relationships (), error) ||
      !add_text (zip, "docProps/core.xml", make_core_properties (pages), error) ||
      !add_text (zip, "docProps/app.xml", make_app_properties (slides), error) ||
      !add_text (zip, "ppt/presentation.xml", make_presentation (slides), error) ||
      !add_text (zip, "ppt/_rels/presentation.xml.rels", make_presentation_relationships (slides), error) ||
      !add_static (zip, "ppt/presProps.xml", XML_DECLARATION "<p:presentationPr" PML_NAMESPACES "/>\n", error) ||
      !add_static (zip, "ppt/viewProps.xml", XML_DECLARATION "<p:viewPr" PML_NAMESPACES "/>\n", error) ||
      !add_static (zip, "ppt/tableStyles.xml",
                   XML_DECLARATION "<a:tblStyleLst xmlns:a=\"" NS_A "\""
                   " def=\"{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}\"/>\n", error) ||
      !add_text (zip, "ppt/slideMasters/slideMaster1.xml", make_slide_master (), error) ||
      !add_text (zip, "ppt/slideMasters/_rels/slideMaster1.xml.rels", make_slide_master_relationships (), error) ||
      !add_static (zip, "ppt/slideLayouts/slideLayout1.xml", slide_layout, error) ||
      !add_text (zip, "ppt/slideLayouts/_rels/slideLayout1.xml.rels", make_slide_layout_relationships (), error) ||
      !add_text (zip, "ppt/notesMasters/notesMaster1.xml", make_notes_master (), error) ||
      !add_text (zip, "ppt/notesMasters/_rels/notesMaster1.xml.rels", make_notes_master_relationships (), error) ||
      !add_static (zip, "ppt/theme/theme1.xml", theme, error) ||
      !add_static (zip, "ppt/theme/theme2.xml", theme, error))
    return NULL;

  for (guint i = 0; i < slides->len; i++)
    if (!add_slide (zip, g_ptr_array_index (slides, i), i + 1, error))
      return NULL;

  return cto_zip_writer_finish (zip, error);
}
