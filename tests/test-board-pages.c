/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "cto-analysis.h"
#include "cto-board-pages.h"
#include "cto-plan-io.h"
#include "cto-report-cairo.h"

#define W CTO_BOARD_PAGE_WIDTH
#define H CTO_BOARD_PAGE_HEIGHT

static CtoPlan *
load_example (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "examples",
                                                 "acme-robotics.ctoplan.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  CtoPlan *plan = cto_plan_io_load_file (file, NULL, &error);

  g_assert_no_error (error);
  return plan;
}

static CtoBoardPages *
pages_for (CtoPlan *plan)
{
  g_autoptr(CtoAnalysis) analysis = cto_analysis_new (plan);
  g_autoptr(GDateTime) date = g_date_time_new_utc (2027, 3, 5, 0, 0, 0);
  CtoBoardPages *pages = cto_board_pages_new (analysis);

  cto_board_pages_set_date (pages, date);
  return pages;
}

/* The index of the first line that is exactly @line, or -1. */
static int
line_index (char       **lines,
            const char  *line)
{
  for (int i = 0; lines[i] != NULL; i++)
    if (strcmp (lines[i], line) == 0)
      return i;

  return -1;
}

static char *
all_text_of_kind (CtoBoardPages    *pages,
                  CtoBoardPageKind  kind)
{
  GString *text = g_string_new (NULL);
  guint n_pages = cto_board_pages_get_n_pages (pages, W, H);

  for (guint i = 0; i < n_pages; i++)
    if (cto_board_pages_get_page_kind (pages, W, H, i) == kind)
      {
        g_autofree char *page = cto_board_pages_get_page_text (pages, W, H, i);

        g_string_append (text, page);
      }

  return g_string_free (text, FALSE);
}

/* Each page's text: its heading first, its footer last, one string a line. */
static void
test_text_pages (void)
{
  g_autoptr(CtoPlan) plan = load_example ();
  g_autoptr(CtoBoardPages) pages = pages_for (plan);
  guint n_pages = cto_board_pages_get_n_pages (pages, W, H);

  g_assert_cmpuint (n_pages, >=, 6);
  for (guint i = 0; i < n_pages; i++)
    {
      g_autofree char *text = cto_board_pages_get_page_text (pages, W, H, i);
      g_autofree char *title = cto_board_pages_get_page_title (pages, W, H, i);
      g_autofree char *number = g_strdup_printf ("Page %u of %u", i + 1, n_pages);
      g_auto(GStrv) lines = NULL;
      guint n_lines;

      g_assert_nonnull (text);
      g_assert_true (g_utf8_validate (text, -1, NULL));
      g_assert_true (g_str_has_suffix (text, "\n"));
      g_assert_null (strstr (text, "\n\n"));
      lines = g_strsplit (text, "\n", -1);
      n_lines = g_strv_length (lines) - 1;

      if (cto_board_pages_get_page_kind (pages, W, H, i) == CTO_BOARD_PAGE_TITLE)
        {
          /* The kicker, the title, the date, in that order. */
          int kicker = line_index (lines, "TECHNOLOGY RESPONSIBILITIES");
          int plan_title = line_index (lines, cto_plan_get_title (plan));
          int date = line_index (lines, "Board report · 5 March 2027");

          g_assert_cmpint (kicker, ==, 0);
          g_assert_cmpint (plan_title, ==, 1);
          g_assert_cmpint (date, ==, 2);
          continue;
        }

      g_assert_cmpstr (lines[0], ==, title);
      g_assert_cmpstr (lines[n_lines - 1], ==, number);
      g_assert_cmpint (line_index (lines, "Acme Robotics 2027 · 5 March 2027"), ==, (int) n_lines - 2);
    }

  g_assert_null (cto_board_pages_get_page_text (pages, W, H, n_pages));
  g_assert_null (cto_board_pages_get_page_text (pages, 0, 0, 0));
}

/* Everything of the plan the pages show is in their text, whole even
 * where a page cuts it short. */
static void
test_text_complete (void)
{
  g_autoptr(CtoPlan) plan = load_example ();
  g_autoptr(CtoBoardPages) pages = pages_for (plan);
  g_autofree char *people = all_text_of_kind (pages, CTO_BOARD_PAGE_PEOPLE);
  g_autofree char *matrix = all_text_of_kind (pages, CTO_BOARD_PAGE_MATRIX);
  g_autofree char *org = all_text_of_kind (pages, CTO_BOARD_PAGE_ORG_CHART);
  g_auto(GStrv) people_lines = g_strsplit (people, "\n", -1);
  g_auto(GStrv) matrix_lines = g_strsplit (matrix, "\n", -1);
  g_auto(GStrv) org_lines = g_strsplit (org, "\n", -1);
  GListModel *model = cto_plan_get_people (plan);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CtoPerson) person = g_list_model_get_item (model, i);

      g_assert_cmpint (line_index (people_lines, cto_person_get_name (person)), >=, 0);
      g_assert_cmpint (line_index (org_lines, cto_person_get_name (person)), >=, 0);
    }

  model = cto_plan_get_responsibilities (plan);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CtoResponsibility) responsibility = g_list_model_get_item (model, i);

      g_assert_cmpint (line_index (matrix_lines, cto_responsibility_get_title (responsibility)), >=, 0);
    }
}

/* The text follows the plan. */
static void
test_text_follows (void)
{
  g_autoptr(CtoPlan) plan = load_example ();
  g_autoptr(CtoBoardPages) pages = pages_for (plan);
  g_autofree char *before = cto_board_pages_get_page_text (pages, W, H, 0);
  g_autofree char *after = NULL;

  g_assert_nonnull (strstr (before, "Acme Robotics 2027\n"));
  cto_plan_set_title (plan, "Renamed plan");
  after = cto_board_pages_get_page_text (pages, W, H, 0);
  g_assert_null (strstr (after, "Acme Robotics 2027"));
  g_assert_nonnull (strstr (after, "Renamed plan\n"));
}

/* A valid plan full of what text engines and PDF refuse or cannot draw. */
static const char unusual_plan[] =
  "{ \"format\": \"cto-planner-plan\", \"version\": 1,"
  "  \"title\": \"Odd \\uffff \\ufdd0 \\udbff\\udfff \\ud83f\\udffe \\u0007\\u001b[31m \\u202eevil\\u202c \\u2066iso\\u2069 \\u0085\\u009b end\","
  "  \"people\": ["
  "    { \"id\": \"a\", \"name\": \"Ana \\uffff\\u202e\\u0007\", \"role\": \"\\ufdd0\\u0085\\ufffe\" },"
  "    { \"id\": \"b\", \"name\": \"Bo \\udbff\\udffd\", \"role\": \"Private use \\udb80\\udc00\" } ],"
  "  \"responsibilities\": ["
  "    { \"id\": \"r\", \"title\": \"Sec \\udbff\\udffe \\u200f \\u007f \\u0001x\", \"function\": \"planning\", \"effort\": 2,"
  "      \"description\": \"\\ufdef\", \"assignees\": [ { \"person\": \"a\" }, { \"person\": \"b\" } ] } ] }";

static gboolean
is_noncharacter (gunichar c)
{
  return (c >= 0xfdd0 && c <= 0xfdef) || (c & 0xfffe) == 0xfffe;
}

static void
test_unusual_characters (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CtoPlan) plan = cto_plan_io_load_data (unusual_plan, strlen (unusual_plan), &error);
  g_autoptr(CtoBoardPages) pages = NULL;
  g_autoptr(GBytes) pdf = NULL;
  guint n_pages;

  g_assert_no_error (error);
  pages = pages_for (plan);
  n_pages = cto_board_pages_get_n_pages (pages, W, H);

  pdf = cto_report_pdf (pages, &error);
  g_assert_no_error (error);
  g_assert_nonnull (pdf);

  for (guint i = 0; i < n_pages; i++)
    {
      g_autoptr(GBytes) svg = cto_report_svg (pages, i, &error);
      g_autoptr(GBytes) png = NULL;
      g_autofree char *text = NULL;

      g_assert_no_error (error);
      g_assert_nonnull (svg);
      png = cto_report_png (pages, i, 1, &error);
      g_assert_no_error (error);
      g_assert_nonnull (png);

      /* What was drawn: no noncharacter, no control but the line breaks,
       * and U+FFFD where there was one, or where no font has a glyph. */
      text = cto_board_pages_get_page_text (pages, W, H, i);
      g_assert_true (g_utf8_validate (text, -1, NULL));
      for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if (c == '\n')
            continue;
          if (is_noncharacter (c) || g_unichar_iscntrl (c) || c == 0x10fffd || c == 0xf0000)
            g_error ("page %u draws U+%04X: %s", i + 1, c, text);
        }
      if (cto_board_pages_get_page_kind (pages, W, H, i) == CTO_BOARD_PAGE_TITLE)
        g_assert_nonnull (strstr (text, "Odd \xef\xbf\xbd \xef\xbf\xbd \xef\xbf\xbd \xef\xbf\xbd \xef\xbf\xbd\xef\xbf\xbd[31m"));
      if (cto_board_pages_get_page_kind (pages, W, H, i) == CTO_BOARD_PAGE_PEOPLE)
        g_assert_nonnull (strstr (text, "\nBo \xef\xbf\xbd\n"));
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/board-pages/text/pages", test_text_pages);
  g_test_add_func ("/board-pages/text/complete", test_text_complete);
  g_test_add_func ("/board-pages/text/follows", test_text_follows);
  g_test_add_func ("/board-pages/unusual-characters", test_unusual_characters);

  return g_test_run ();
}
