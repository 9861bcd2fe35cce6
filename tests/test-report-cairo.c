/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <cairo.h>
#include <gio/gio.h>

#include "cto-analysis.h"
#include "cto-board-pages.h"
#include "cto-export.h"
#include "cto-plan-io.h"
#include "cto-report-cairo.h"
#include "report-test-util.h"

/* The board pages drawn: PDF, SVG and PNG. */

static void
check_pdf (CtoPlan *plan)
{
  g_autoptr(CtoAnalysis) analysis = cto_analysis_new (plan);
  g_autoptr(CtoBoardPages) pages = cto_board_pages_new (analysis);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = cto_report_pdf (pages, &error);
  g_autofree char *dir = tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "board.pdf", NULL);

  g_assert_no_error (error);
  g_assert_nonnull (pdf);
  g_assert_cmpuint (g_bytes_get_size (pdf), >, 1000);
  g_assert_cmpmem (g_bytes_get_data (pdf, NULL), 5, "%PDF-", 5);

  write_bytes (path, pdf);
  g_assert_cmpuint (pdf_pages (path), ==, cto_board_pages_get_n_pages (pages, A4_W, A4_H));

  remove_tree (dir);
}

static void
test_pdf (void)
{
  g_autoptr(CtoPlan) example = load_example ();
  g_autoptr(CtoPlan) hostile = load_hostile ();
  g_autoptr(CtoPlan) large = make_large_plan (100);

  check_pdf (example);
  check_pdf (hostile);
  check_pdf (large);
}

/* A suggestion about a responsibility with a very long title keeps, on the
 * gaps page, whom it gives the work to: the title is cut, not the end of
 * the sentence. */
static void
test_pdf_long_title (void)
{
  g_autoptr(GString) json = g_string_new (NULL);
  g_autoptr(GString) title = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CtoPlan) plan = NULL;
  g_autoptr(CtoAnalysis) analysis = NULL;
  g_autoptr(CtoBoardPages) pages = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *dir = tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "board.pdf", NULL);
  g_autofree char *text = NULL;
  const char *suggestions;

  for (guint i = 0; i < 12; i++)
    g_string_append (title, "Supercalifragilistic");
  g_string_printf (json,
                   "{\"format\": \"cto-planner-plan\", \"version\": 1, \"title\": \"Long\","
                   " \"people\": [{\"id\": \"busy\", \"name\": \"Busy\", \"capacity\": 10},"
                   "               {\"id\": \"short\", \"name\": \"Short\", \"capacity\": 40}],"
                   " \"responsibilities\": [{\"id\": \"long\", \"title\": \"%s\", \"function\": \"planning\","
                   "   \"effort\": 3, \"assignees\": [{\"person\": \"busy\"}]},"
                   "  {\"id\": \"run\", \"title\": \"Run\", \"function\": \"planning\", \"effort\": 9,"
                   "   \"assignees\": [{\"person\": \"busy\"}]}]}",
                   title->str);
  plan = cto_plan_io_load_data (json->str, json->len, &error);
  g_assert_no_error (error);
  analysis = cto_analysis_new (plan);
  pages = cto_board_pages_new (analysis);
  pdf = cto_report_pdf (pages, &error);
  g_assert_no_error (error);
  write_bytes (path, pdf);

  text = pdf_page_text (path, cto_board_pages_find_page (pages, A4_W, A4_H, CTO_BOARD_PAGE_GAPS) + 1);
  suggestions = strstr (text, "Suggestions");
  g_assert_nonnull (suggestions);
  g_assert_nonnull (strstr (suggestions, "Supercalifragilistic"));
  g_assert_nonnull (strstr (suggestions, "…”"));
  g_assert_nonnull (strstr (suggestions, "to Short"));
  g_assert_nonnull (strstr (suggestions, "Short rises to"));

  remove_tree (dir);
}

/* The first two elements inside the root and their text. */
typedef struct
{
  guint    depth;
  guint    n_children;
  char    *names[2];
  GString *texts[2];
} SvgHead;

static void
head_start_cb (GMarkupParseContext  *context,
               const char           *name,
               const char          **attribute_names,
               const char          **attribute_values,
               gpointer              user_data,
               GError              **error)
{
  SvgHead *head = user_data;

  if (head->depth++ == 1 && head->n_children < 2)
    {
      head->names[head->n_children] = g_strdup (name);
      head->texts[head->n_children] = g_string_new (NULL);
    }
  if (head->depth == 2)
    head->n_children++;
}

static void
head_end_cb (GMarkupParseContext  *context,
             const char           *name,
             gpointer              user_data,
             GError              **error)
{
  ((SvgHead *) user_data)->depth--;
}

static void
head_text_cb (GMarkupParseContext  *context,
              const char           *text,
              gsize                 length,
              gpointer              user_data,
              GError              **error)
{
  SvgHead *head = user_data;

  if (head->depth == 2 && head->n_children <= 2)
    g_string_append_len (head->texts[head->n_children - 1], text, (gssize) length);
}

/* The picture has a title, the page's heading, and a description, its
 * text, as the first things in it: cairo draws the letters as shapes. */
static void
check_svg_title (CtoBoardPages      *pages,
                 guint               page,
                 CtoBoardDrawFlags   flags,
                 GBytes             *svg)
{
  const GMarkupParser parser = { head_start_cb, head_end_cb, head_text_cb, NULL, NULL };
  g_autofree char *title = cto_board_pages_get_page_title (pages, A4_W, A4_H, page);
  g_autoptr(GString) drawn = g_string_new (NULL);
  g_autofree char *page_number = NULL;
  char *text;
  SvgHead head = { 0 };
  GMarkupParseContext *context = g_markup_parse_context_new (&parser, 0, &head, NULL);
  gsize length;
  const char *data = g_bytes_get_data (svg, &length);

  g_assert_true (g_markup_parse_context_parse (context, data, (gssize) length, NULL));
  g_markup_parse_context_free (context);

  /* The text of the page as the picture shows it: on its own, with no page
   * number at its foot. */
  {
    cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR, NULL);
    cairo_t *cr = cairo_create (surface);

    cto_board_pages_draw_page_text (pages, cr, A4_W, A4_H, page, flags, drawn);
    cairo_destroy (cr);
    cairo_surface_destroy (surface);
  }
  text = drawn->str;
  page_number = g_strdup_printf ("Page %u of %u", page + 1, cto_board_pages_get_n_pages (pages, A4_W, A4_H));
  if (flags & CTO_BOARD_DRAW_ALONE)
    g_assert_null (strstr (head.texts[1]->str, page_number));
  else
    g_assert_nonnull (strstr (head.texts[1]->str, page_number));

  g_assert_cmpuint (head.n_children, >, 2);
  g_assert_cmpstr (head.names[0], ==, "title");
  g_assert_cmpstr (head.texts[0]->str, ==, title);
  g_assert_cmpstr (head.names[1], ==, "desc");
  g_assert_cmpstr (head.texts[1]->str, ==, g_strstrip (text));
  for (guint i = 0; i < 2; i++)
    {
      g_free (head.names[i]);
      g_string_free (head.texts[i], TRUE);
    }
}

static void
check_svg (CtoPlan *plan)
{
  g_autoptr(CtoAnalysis) analysis = cto_analysis_new (plan);
  g_autoptr(CtoBoardPages) pages = cto_board_pages_new (analysis);
  g_autoptr(GError) error = NULL;
  guint coverage = cto_board_pages_find_page (pages, A4_W, A4_H, CTO_BOARD_PAGE_COVERAGE);
  g_autoptr(GBytes) svg = cto_report_svg (pages, coverage, CTO_BOARD_DRAW_ALONE, &error);
  g_autofree char *dir = tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "coverage.svg", NULL);
  const char *text;
  gsize length;

  g_assert_no_error (error);
  g_assert_nonnull (svg);
  text = g_bytes_get_data (svg, &length);
  check_svg_data (text, length);
  check_svg_title (pages, coverage, CTO_BOARD_DRAW_ALONE, svg);
  {
    g_autoptr(GBytes) numbered = cto_report_svg (pages, coverage, CTO_BOARD_DRAW_NONE, &error);

    g_assert_no_error (error);
    check_svg_title (pages, coverage, CTO_BOARD_DRAW_NONE, numbered);
  }
  write_bytes (path, svg);
  check_xmllint (path);
  remove_tree (dir);

  g_assert_null (cto_report_svg (pages, 1000, CTO_BOARD_DRAW_NONE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
}

static void
test_svg (void)
{
  g_autoptr(CtoPlan) example = load_example ();
  g_autoptr(CtoPlan) hostile = load_hostile ();

  check_svg (example);
  check_svg (hostile);
}

static void
test_png (void)
{
  g_autoptr(CtoPlan) plan = load_example ();
  g_autoptr(CtoAnalysis) analysis = cto_analysis_new (plan);
  g_autoptr(CtoBoardPages) pages = cto_board_pages_new (analysis);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) png = cto_report_png (pages, 1, 2, CTO_BOARD_DRAW_ALONE, &error);
  g_autoptr(GBytes) small = cto_report_png (pages, 5, 1, CTO_BOARD_DRAW_NONE, &error);
  gsize length;
  const guchar *data;

  g_assert_no_error (error);
  data = g_bytes_get_data (png, &length);
  check_png_data (data, length, 1684, 1190);
  data = g_bytes_get_data (small, &length);
  check_png_data (data, length, 842, 595);
}

/* How many glyphs an SVG of cairo's draws. */
static guint
count_glyphs (const char *svg,
              gsize       length)
{
  g_autofree char *text = g_strndup (svg, length);
  guint n = 0;

  for (const char *p = strstr (text, "<use"); p != NULL; p = strstr (p + 1, "<use"))
    n++;

  return n;
}

/* A page as an image of its own (the PNG and SVG exports) is the page of the
 * pack but for its number at the foot's right end: "Page 2 of 9" would be
 * wrong wherever the image goes. */
static void
test_png_alone (void)
{
  g_autoptr(CtoPlan) plan = load_example ();
  g_autoptr(CtoAnalysis) analysis = cto_analysis_new (plan);
  g_autoptr(CtoBoardPages) pages = cto_board_pages_new (analysis);
  guint coverage = cto_board_pages_find_page (pages, A4_W, A4_H, CTO_BOARD_PAGE_COVERAGE);
  g_autoptr(GBytes) in_pack = cto_report_png (pages, coverage, 1, CTO_BOARD_DRAW_NONE, NULL);
  g_autoptr(GBytes) alone = cto_report_png (pages, coverage, 1, CTO_BOARD_DRAW_ALONE, NULL);
  g_autofree char *text = cto_board_pages_get_page_text (pages, A4_W, A4_H, coverage);
  cairo_surface_t *a;
  cairo_surface_t *b;
  const guchar *pa;
  const guchar *pb;
  int width, height, stride;
  guint n_numbered = 0;

  /* The pack's page has its number. */
  g_assert_nonnull (strstr (text, "Page 2 of "));

  a = png_image_new (g_bytes_get_data (in_pack, NULL), g_bytes_get_size (in_pack));
  b = png_image_new (g_bytes_get_data (alone, NULL), g_bytes_get_size (alone));
  width = cairo_image_surface_get_width (a);
  height = cairo_image_surface_get_height (a);
  stride = cairo_image_surface_get_stride (a);
  g_assert_cmpint (cairo_image_surface_get_width (b), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (b), ==, height);
  pa = cairo_image_surface_get_data (a);
  pb = cairo_image_surface_get_data (b);

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint32 pixel_a = *(const guint32 *) (pa + y * stride + x * 4) & 0xffffff;
        guint32 pixel_b = *(const guint32 *) (pb + y * stride + x * 4) & 0xffffff;

        if (pixel_a == pixel_b)
          continue;

        /* Only the number differs: the foot's right quarter, blank when alone. */
        g_assert_cmpint (y, >, height - 40);
        g_assert_cmpint (x, >, width * 3 / 4 - 60);
        g_assert_cmphex (pixel_b, ==, 0xffffff);
        n_numbered++;
      }
  g_assert_cmpuint (n_numbered, >, 50);

  cairo_surface_destroy (a);
  cairo_surface_destroy (b);

  /* The PNG and SVG exports are that page, alone. */
  {
    g_autofree char *dir = tmp_dir ();
    g_autofree char *png_path = g_build_filename (dir, "coverage.png", NULL);
    g_autofree char *svg_path = g_build_filename (dir, "coverage.svg", NULL);
    g_autoptr(GFile) png_file = g_file_new_for_path (png_path);
    g_autoptr(GFile) svg_file = g_file_new_for_path (svg_path);
    g_autoptr(GBytes) png = cto_report_png (pages, coverage, 2, CTO_BOARD_DRAW_ALONE, NULL);
    g_autoptr(GBytes) svg = cto_report_svg (pages, coverage, CTO_BOARD_DRAW_ALONE, NULL);
    g_autoptr(GBytes) numbered_svg = cto_report_svg (pages, coverage, CTO_BOARD_DRAW_NONE, NULL);
    g_autoptr(GError) error = NULL;
    g_autofree char *exported = NULL;
    gsize length;

    g_assert_true (cto_export_pages_to_file (pages, CTO_EXPORT_PNG, png_file, NULL, &error));
    g_assert_no_error (error);
    exported = read_file (png_path, &length);
    g_assert_cmpmem (exported, length, g_bytes_get_data (png, NULL), g_bytes_get_size (png));
    g_clear_pointer (&exported, g_free);

    /* An SVG's ids differ from one drawing to the next: its glyphs are
     * counted, fewer by the number's. */
    g_assert_true (cto_export_pages_to_file (pages, CTO_EXPORT_SVG, svg_file, NULL, &error));
    g_assert_no_error (error);
    exported = read_file (svg_path, &length);
    g_assert_cmpuint (count_glyphs (exported, length), ==,
                      count_glyphs (g_bytes_get_data (svg, NULL), g_bytes_get_size (svg)));
    g_assert_cmpuint (count_glyphs (exported, length), <,
                      count_glyphs (g_bytes_get_data (numbered_svg, NULL), g_bytes_get_size (numbered_svg)));

    remove_tree (dir);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report/pdf", test_pdf);
  g_test_add_func ("/report/pdf/long-title", test_pdf_long_title);
  g_test_add_func ("/report/svg", test_svg);
  g_test_add_func ("/report/png", test_png);
  g_test_add_func ("/report/png/alone", test_png_alone);

  return g_test_run ();
}
