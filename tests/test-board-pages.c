/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <cairo.h>
#include <gio/gio.h>
#include <pango/pangocairo.h>

#include "cto-analysis.h"
#include "cto-board-page-kind-private.h"
#include "cto-board-pages.h"
#include "cto-board-pages-private.h"
#include "cto-board-painter-private.h"
#include "cto-org-layout.h"
#include "cto-plan-io.h"
#include "cto-report-cairo.h"
#include "cto-report-private.h"
#include "report-test-util.h"

#define W CTO_BOARD_PAGE_WIDTH
#define H CTO_BOARD_PAGE_HEIGHT

/* The Unicode isolates around plan text among other words. */
#define FSI "\u2068"
#define PDI "\u2069"

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
                  double            width,
                  double            height,
                  CtoBoardPageKind  kind)
{
  GString *text = g_string_new (NULL);
  guint n_pages = cto_board_pages_get_n_pages (pages, width, height);

  for (guint i = 0; i < n_pages; i++)
    if (cto_board_pages_get_page_kind (pages, width, height, i) == kind)
      {
        g_autofree char *page = cto_board_pages_get_page_text (pages, width, height, i);

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
      g_assert_cmpint (line_index (lines, FSI "Acme Robotics 2027" PDI " · 5 March 2027"), ==, (int) n_lines - 2);
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
  g_autofree char *people = all_text_of_kind (pages, W, H, CTO_BOARD_PAGE_PEOPLE);
  g_autofree char *matrix = all_text_of_kind (pages, W, H, CTO_BOARD_PAGE_MATRIX);
  g_autofree char *org = all_text_of_kind (pages, W, H, CTO_BOARD_PAGE_ORG_CHART);
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

      /* Each share says whose it is: the notes of a slide have no columns. */
      for (guint a = 0; a < cto_responsibility_get_n_assignees (responsibility); a++)
        {
          const CtoAssignment *assignment = cto_responsibility_get_assignee (responsibility, a);
          CtoPerson *person = cto_plan_find_person (plan, assignment->person);
          g_autofree char *share = _cto_report_format_share (responsibility, assignment);
          g_autofree char *line = NULL;

          if (cto_responsibility_is_accountable (responsibility, assignment->person))
            line = g_strdup_printf ("%s: %s, accountable", cto_person_get_name (person), share);
          else
            line = g_strdup_printf ("%s: %s", cto_person_get_name (person), share);
          if (line_index (matrix_lines, line) < 0)
            g_error ("the matrix's text has no line \"%s\"", line);
        }
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
      g_autoptr(GBytes) svg = cto_report_svg (pages, i, CTO_BOARD_DRAW_NONE, &error);
      g_autoptr(GBytes) png = NULL;
      g_autofree char *text = NULL;

      g_assert_no_error (error);
      g_assert_nonnull (svg);
      png = cto_report_png (pages, i, 1, CTO_BOARD_DRAW_NONE, &error);
      g_assert_no_error (error);
      g_assert_nonnull (png);

      /* What was drawn, as text: no noncharacter, no control but the line
       * breaks, and U+FFFD where there was one; a character that no font
       * has a glyph for (drawn as U+FFFD) kept, for the reader's fonts. */
      text = cto_board_pages_get_page_text (pages, W, H, i);
      g_assert_true (g_utf8_validate (text, -1, NULL));
      for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if (c == '\n')
            continue;
          if (is_noncharacter (c) || g_unichar_iscntrl (c))
            g_error ("page %u draws U+%04X: %s", i + 1, c, text);
        }
      if (cto_board_pages_get_page_kind (pages, W, H, i) == CTO_BOARD_PAGE_TITLE)
        g_assert_nonnull (strstr (text, "Odd \xef\xbf\xbd \xef\xbf\xbd \xef\xbf\xbd \xef\xbf\xbd \xef\xbf\xbd\xef\xbf\xbd[31m"));
      if (cto_board_pages_get_page_kind (pages, W, H, i) == CTO_BOARD_PAGE_PEOPLE)
        g_assert_nonnull (strstr (text, "\nBo \U0010fffd\n"));
    }
}

/* The text of the pages, for the slides' notes and the pictures'
 * descriptions, keeps names and titles in the plan's own characters, even
 * where no font here draws them (PLAN-FORMAT.md, section 8). */
static void
test_text_keeps_characters (void)
{
  static const char plan_json[] =
    "{ \"format\": \"cto-planner-plan\", \"version\": 1, \"title\": \"扩张 2027\","
    "  \"people\": [ { \"id\": \"w\", \"name\": \"王小明\" }, { \"id\": \"t\", \"name\": \"田中 太郎\" } ],"
    "  \"responsibilities\": [ { \"id\": \"r\", \"title\": \"云基础设施\", \"function\": \"infrastructure\","
    "    \"effort\": 2, \"assignees\": [ { \"person\": \"w\" } ] } ] }";
  g_autoptr(GError) error = NULL;
  g_autoptr(CtoPlan) plan = cto_plan_io_load_data (plan_json, strlen (plan_json), &error);
  g_autoptr(CtoBoardPages) pages = NULL;
  g_autoptr(GString) all = g_string_new (NULL);

  g_assert_no_error (error);
  pages = pages_for (plan);
  for (guint i = 0; i < cto_board_pages_get_n_pages (pages, W, H); i++)
    {
      g_autofree char *text = cto_board_pages_get_page_text (pages, W, H, i);

      g_string_append (all, text);
    }

  g_assert_nonnull (strstr (all->str, "扩张 2027"));
  g_assert_nonnull (strstr (all->str, "王小明"));
  g_assert_nonnull (strstr (all->str, "田中 太郎"));
  g_assert_nonnull (strstr (all->str, "云基础设施"));
}

/* Board pages --------------------------------------------------------------- */

static guint
count_kind (CtoBoardPages    *pages,
            double            width,
            double            height,
            CtoBoardPageKind  kind)
{
  guint n = 0;

  for (guint i = 0; i < cto_board_pages_get_n_pages (pages, width, height); i++)
    n += cto_board_pages_get_page_kind (pages, width, height, i) == kind;

  return n;
}

/* Draws every page on an unbounded surface: nothing may land outside the page. */
static void
check_pages_inside (CtoBoardPages *pages,
                    double         width,
                    double         height)
{
  guint n = cto_board_pages_get_n_pages (pages, width, height);

  g_assert_cmpuint (n, >=, 6);
  for (guint i = 0; i < n; i++)
    {
      cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
      cairo_t *cr = cairo_create (surface);
      double x, y, w, h;

      cto_board_pages_draw_page (pages, cr, width, height, i);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_destroy (cr);
      cairo_recording_surface_ink_extents (surface, &x, &y, &w, &h);
      cairo_surface_destroy (surface);

      if (x < -0.01 || y < -0.01 || x + w > width + 0.01 || y + h > height + 0.01)
        g_error ("page %u of %u at %g × %g draws outside itself: %g, %g, %g × %g",
                 i + 1, n, width, height, x, y, w, h);
    }
}

static gboolean
rects_overlap (const CtoOrgRect *a,
               const CtoOrgRect *b)
{
  return a->x < b->x + b->width - 1e-6 && b->x < a->x + a->width - 1e-6 &&
         a->y < b->y + b->height - 1e-6 && b->y < a->y + a->height - 1e-6;
}

static guint
count_reports (CtoPlan   *plan,
               CtoPerson *manager)
{
  GListModel *people = cto_plan_get_people (plan);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(CtoPerson) person = g_list_model_get_item (people, i);

      n += g_strcmp0 (cto_person_get_reports_to (person), cto_person_get_id (manager)) == 0;
    }

  return n;
}

/* Whether page @page holds a head box of @person: where a note says their team goes on. */
static gboolean
has_head (GPtrArray *all,
          guint      page,
          CtoPerson *person)
{
  GArray *boxes = g_ptr_array_index (all, page);

  for (guint i = 0; i < boxes->len; i++)
    {
      const CtoBoardOrgBox *box = &g_array_index (boxes, CtoBoardOrgBox, i);

      if (box->head && box->person == person)
        return TRUE;
    }

  return FALSE;
}

/*
 * The org chart pages at @width × @height: every person's own box once;
 * every reporting line drawn once, either on the page or through a note
 * naming the page where the team goes on, and that page has the manager's
 * box on top of (part of) the team; a box drawn again names the page of the
 * own box; the boxes inside the page, clear of the heading and the footer,
 * and of each other; every manager above their reports.
 */
static void
check_org_chart (CtoPlan       *plan,
                 CtoBoardPages *pages,
                 double         width,
                 double         height)
{
  GListModel *people = cto_plan_get_people (plan);
  guint n_people = g_list_model_get_n_items (people);
  guint n_pages = cto_board_pages_get_n_pages (pages, width, height);
  double scale = MIN (width, height) / 595;
  g_autoptr(GHashTable) own_page = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) under_manager = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autoptr(GHashTable) named_pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  guint n_org_pages = 0;

  for (guint page = 0; page < n_pages; page++)
    {
      GArray *boxes = _cto_board_pages_get_org_boxes (pages, width, height, page);

      g_ptr_array_add (all, boxes);
      if (cto_board_pages_get_page_kind (pages, width, height, page) != CTO_BOARD_PAGE_ORG_CHART)
        {
          g_assert_cmpuint (boxes->len, ==, 0);
          continue;
        }

      n_org_pages++;
      if (n_people > 0)
        g_assert_cmpuint (boxes->len, >, 0);

      for (guint i = 0; i < boxes->len; i++)
        {
          const CtoBoardOrgBox *box = &g_array_index (boxes, CtoBoardOrgBox, i);
          const char *manager_id = cto_person_get_reports_to (box->person);
          guint n_reports = count_reports (plan, box->person);
          guint n_below = 0;

          g_assert_nonnull (cto_plan_find_person (plan, cto_person_get_id (box->person)));

          /* Inside the page, below the heading, above the footer. */
          g_assert_cmpfloat (box->rect.x, >=, 30 * scale);
          g_assert_cmpfloat (box->rect.x + box->rect.width, <=, width - 30 * scale);
          g_assert_cmpfloat (box->rect.y, >=, 88 * scale);
          g_assert_cmpfloat (box->rect.y + box->rect.height, <=, height - 44 * scale);
          for (guint k = 0; k < i; k++)
            if (rects_overlap (&box->rect, &g_array_index (boxes, CtoBoardOrgBox, k).rect))
              g_error ("page %u: boxes %u and %u overlap", page + 1, k, i);

          /* Under the box of their manager, or on top of a piece. */
          if (box->manager >= 0)
            {
              const CtoBoardOrgBox *manager = &g_array_index (boxes, CtoBoardOrgBox, box->manager);

              g_assert_cmpint (box->manager, <, (int) i);
              g_assert_false (box->head);
              g_assert_cmpstr (manager_id, ==, cto_person_get_id (manager->person));
              g_assert_cmpfloat (manager->rect.y + manager->rect.height, <, box->rect.y);
              g_hash_table_replace (under_manager, box->person,
                                    GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (under_manager, box->person)) + 1));
            }
          else if (!box->again)
            {
              /* A box with nobody above it and not drawn again is a root. */
              g_assert_null (manager_id);
            }

          /* The own box, once. */
          if (!box->again)
            {
              g_assert_cmpint (box->own_page, ==, (int) page);
              if (g_hash_table_contains (own_page, box->person))
                g_error ("%s has two boxes of their own", cto_person_get_name (box->person));
              g_hash_table_insert (own_page, box->person, GUINT_TO_POINTER (page + 1));
            }
          else
            {
              g_assert_true (box->head);
            }

          /* The team: here in full, or on the page the note names. */
          for (guint k = i + 1; k < boxes->len; k++)
            n_below += g_array_index (boxes, CtoBoardOrgBox, k).manager == (int) i;
          if (box->head)
            {
              g_assert_cmpuint (n_below, >, 0);
              g_assert_cmpint (box->team_page, ==, -1);
            }
          else if (n_below > 0)
            {
              g_assert_cmpuint (n_below, ==, n_reports);
              g_assert_cmpint (box->team_page, ==, -1);
            }
          else if (n_reports > 0)
            {
              g_assert_cmpint (box->team_page, >=, (int) page);
              g_assert_cmpint (box->team_page, <, (int) n_pages);
            }
          else
            {
              g_assert_cmpint (box->team_page, ==, -1);
            }

          if (!box->head)
            g_assert_cmpint (box->more_page, ==, -1);
          else if (box->more_page >= 0)
            g_assert_cmpint (box->more_page, >=, (int) page);
        }
    }

  g_assert_cmpuint (n_org_pages, ==, count_kind (pages, width, height, CTO_BOARD_PAGE_ORG_CHART));
  g_assert_cmpuint (n_org_pages, >=, 1);

  /* The notes name the right pages; and every head drawn again is on a
   * page a note names, so that a reader following the notes finds each part
   * of a team. */
  for (guint page = 0; page < n_pages; page++)
    {
      GArray *boxes = g_ptr_array_index (all, page);

      for (guint i = 0; i < boxes->len; i++)
        {
          const CtoBoardOrgBox *box = &g_array_index (boxes, CtoBoardOrgBox, i);

          if (box->team_page >= 0 || box->more_page >= 0)
            {
              GPtrArray *named = g_hash_table_lookup (named_pages, box->person);

              if (named == NULL)
                {
                  named = g_ptr_array_new ();
                  g_hash_table_insert (named_pages, box->person, named);
                }
              g_ptr_array_add (named, GINT_TO_POINTER (MAX (box->team_page, box->more_page) + 1));
            }
        }
    }
  for (guint page = 0; page < n_pages; page++)
    {
      GArray *boxes = g_ptr_array_index (all, page);

      for (guint i = 0; i < boxes->len; i++)
        {
          const CtoBoardOrgBox *box = &g_array_index (boxes, CtoBoardOrgBox, i);

          if (box->again)
            {
              GPtrArray *named = g_hash_table_lookup (named_pages, box->person);

              if (named == NULL || !g_ptr_array_find (named, GINT_TO_POINTER (page + 1), NULL))
                g_error ("page %u: no note leads to this part of %s's team", page + 1,
                         cto_person_get_name (box->person));
            }

          if (box->team_page >= 0 && !has_head (all, (guint) box->team_page, box->person))
            g_error ("page %u: %s's team is not on page %d", page + 1, cto_person_get_name (box->person),
                     box->team_page + 1);
          if (box->more_page >= 0 && !has_head (all, (guint) box->more_page, box->person))
            g_error ("page %u: more of %s's team is not on page %d", page + 1,
                     cto_person_get_name (box->person), box->more_page + 1);
          if (box->again)
            g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (own_page, box->person)), ==,
                              (guint) box->own_page + 1);
        }
    }

  /* Everybody once, and every reporting line once. */
  for (guint i = 0; i < n_people; i++)
    {
      g_autoptr(CtoPerson) person = g_list_model_get_item (people, i);

      if (!g_hash_table_contains (own_page, person))
        g_error ("%s is not in the org chart", cto_person_get_name (person));
      g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (under_manager, person)), ==,
                        cto_person_get_reports_to (person) != NULL ? 1 : 0);
    }
  g_assert_cmpuint (g_hash_table_size (own_page), ==, n_people);
}

/*
 * The matrix pages at @width × @height: every share of every responsibility
 * in exactly one cell (its row and its person's column on one page), every
 * responsibility in a row; when not everybody fits across, no column
 * without a share on its page.
 */
static void
check_matrix (CtoPlan       *plan,
              CtoBoardPages *pages,
              double         width,
              double         height)
{
  GListModel *responsibilities = cto_plan_get_responsibilities (plan);
  guint n_responsibilities = g_list_model_get_n_items (responsibilities);
  guint n_pages = cto_board_pages_get_n_pages (pages, width, height);
  g_autoptr(GHashTable) cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) rows_seen = g_hash_table_new (NULL, NULL);
  guint n_cells = 0;
  gboolean everybody = TRUE;

  for (guint page = 0; page < n_pages; page++)
    {
      g_autoptr(GPtrArray) rows = NULL;
      g_autoptr(GPtrArray) columns = NULL;

      if (!_cto_board_pages_get_matrix_page (pages, width, height, page, &rows, &columns))
        {
          g_assert_cmpint (cto_board_pages_get_page_kind (pages, width, height, page), !=, CTO_BOARD_PAGE_MATRIX);
          continue;
        }
      everybody &= columns->len == cto_analysis_get_n_people (cto_board_pages_get_analysis (pages));

      for (guint r = 0; r < rows->len; r++)
        g_hash_table_add (rows_seen, g_ptr_array_index (rows, r));

      for (guint c = 0; c < columns->len; c++)
        {
          CtoPerson *person = g_ptr_array_index (columns, c);
          guint in_column = 0;

          for (guint r = 0; r < rows->len; r++)
            {
              CtoResponsibility *responsibility = g_ptr_array_index (rows, r);
              char *key;

              if (cto_responsibility_find_assignee (responsibility, cto_person_get_id (person), NULL) == NULL)
                continue;

              key = g_strdup_printf ("%s\n%s", cto_responsibility_get_id (responsibility),
                                     cto_person_get_id (person));
              if (!g_hash_table_add (cells, key))
                g_error ("the share of %s in %s is in the matrix twice", cto_person_get_id (person),
                         cto_responsibility_get_id (responsibility));
              in_column++;
            }

          if (!everybody)
            g_assert_cmpuint (in_column, >, 0);
        }
    }

  for (guint i = 0; i < n_responsibilities; i++)
    {
      g_autoptr(CtoResponsibility) responsibility = g_list_model_get_item (responsibilities, i);

      g_assert_true (g_hash_table_contains (rows_seen, responsibility));
      n_cells += cto_responsibility_get_n_assignees (responsibility);
    }
  g_assert_cmpuint (g_hash_table_size (cells), ==, n_cells);
}

/* A line too long for its lines is cut in its plan text, between the
 * isolates: where a cursor may stand, never inside an escape, and the words
 * around it whole; when even that cannot fit them, it is left as it was. */
static void
test_pages_fit_isolated (void)
{
  PangoFontMap *fonts = pango_cairo_font_map_get_default ();
  PangoContext *pango = pango_font_map_create_context (fonts);
  g_autoptr(GString) family = g_string_new (NULL);
  g_autoptr(GString) escaped = g_string_new (NULL);
  g_autoptr(GString) rtl = g_string_new (NULL);
  g_autofree char *text = NULL;
  g_autofree char *fitted = NULL;
  g_autofree char *tail = NULL;

  /* A family of emoji joined into one: cut between families, never inside. */
  for (guint i = 0; i < 40; i++)
    g_string_append (family, "👩‍👩‍👧");
  text = g_strdup_printf ("Give “" FSI "%s" PDI "” (3 h) to " FSI "Bo" PDI " — Bo rises to 80%%",
                          family->str);
  fitted = _cto_board_fit_isolated (pango, &CTO_BOARD_STYLE_BODY, text, 200, 2);
  g_assert_true (g_utf8_validate (fitted, -1, NULL));
  g_assert_true (g_str_has_suffix (fitted, "” (3 h) to " FSI "Bo" PDI " — Bo rises to 80%"));
  g_assert_nonnull (strstr (fitted, "👩‍👩‍👧…"));
  g_assert_null (strstr (fitted, "\u200d…"));
  g_assert_cmpuint (strlen (fitted), <, strlen (text));

  /* Escaped controls are cut before, not inside. */
  for (guint i = 0; i < 60; i++)
    g_string_append (escaped, "ab\\u{202E}");
  g_free (text);
  text = g_strdup_printf ("Give “" FSI "%s" PDI "” (3 h) to Bo", escaped->str);
  g_free (fitted);
  fitted = _cto_board_fit_isolated (pango, &CTO_BOARD_STYLE_BODY, text, 200, 2);
  tail = g_strndup (fitted, strstr (fitted, "…") - fitted);
  g_assert_true (g_str_has_suffix (tail, "}") || g_str_has_suffix (tail, "b"));

  /* A title written right to left is cut at its logical end, inside its
   * isolate, so that "…" stands at its left, where it ends on the page:
   * its start, and the words around it, whole. */
  for (guint i = 0; i < 30; i++)
    g_string_append (rtl, "שלום עולם ");
  g_free (text);
  text = g_strdup_printf ("Give “" FSI "%s" PDI "” (3 h) to " FSI "Bo" PDI, rtl->str);
  g_free (fitted);
  fitted = _cto_board_fit_isolated (pango, &CTO_BOARD_STYLE_BODY, text, 200, 2);
  g_assert_true (g_str_has_prefix (fitted, "Give “" FSI "שלום עולם"));
  g_assert_true (g_str_has_suffix (fitted, "…" PDI "” (3 h) to " FSI "Bo" PDI));
  g_assert_cmpuint (strlen (fitted), <, strlen (text));

  /* Words around too long for the lines whatever the names: as it was. */
  g_free (text);
  text = g_strdup_printf ("%s " FSI "Bo" PDI, escaped->str);
  g_free (fitted);
  fitted = _cto_board_fit_isolated (pango, &CTO_BOARD_STYLE_BODY, text, 100, 1);
  g_assert_cmpstr (fitted, ==, text);

  g_object_unref (pango);
}

/* The coverage page's lists of people end on a whole name, with how many
 * more there are, when they are too long for their card. */
static void
test_pages_coverage_lists (void)
{
  g_autoptr(CtoPlan) plan = cto_plan_new ();
  g_autoptr(CtoResponsibility) planning = cto_responsibility_new ("plan", "Plan", CTO_FUNCTION_PLANNING, 400, "");
  g_autoptr(CtoResponsibility) thinking = cto_responsibility_new ("think", "Think", CTO_FUNCTION_THINKER, 2, "");
  g_autoptr(CtoBoardPages) pages = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  guint n_lists = 0;

  cto_plan_insert_responsibility (plan, G_MAXUINT, planning);
  cto_plan_insert_responsibility (plan, G_MAXUINT, thinking);
  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *id = g_strdup_printf ("p%u", i);
      g_autofree char *name = g_strdup_printf ("Alexandra Vandenberghe-Oyelaran %u", i);

      /* All forty overloaded, by the ten hours each carries. */
      cto_plan_assign (plan, planning, add_person (plan, id, name, "", 5, FALSE, NULL), 1);
    }
  cto_plan_assign (plan, thinking, cto_plan_find_person (plan, "p0"), 1);
  cto_plan_assign (plan, thinking, cto_plan_find_person (plan, "p1"), 1);

  pages = pages_for (plan);
  text = all_text_of_kind (pages, W, H, CTO_BOARD_PAGE_COVERAGE);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *more = g_strrstr (lines[i], PDI " and ");
      guint n_shown = 0;
      guint n_more = 0;

      if (!g_str_has_prefix (lines[i], FSI "Alexandra Vandenberghe-Oyelaran 0" PDI))
        continue;
      n_lists++;

      /* The first ones, whole and in order, then how many more. */
      for (const char *at = lines[i]; (at = strstr (at, FSI)) != NULL; at += strlen (FSI))
        {
          g_autofree char *name = g_strdup_printf (FSI "Alexandra Vandenberghe-Oyelaran %u" PDI, n_shown);

          g_assert_true (g_str_has_prefix (at, name));
          n_shown++;
        }
      if (more != NULL)
        g_assert_true (sscanf (more + strlen (PDI " and "), "%u more", &n_more) == 1);

      /* Planning's forty (who carry it, who is overloaded), cut short;
       * Thinker's two. */
      g_assert_true (n_shown + n_more == 40 || n_shown + n_more == 2);
      if (n_shown + n_more == 40)
        g_assert_cmpuint (n_more, >, 0);
    }
  /* Who carries Planning and Thinker, and who of them is overloaded. */
  g_assert_cmpuint (n_lists, ==, 4);
}

static void
test_pages_example (void)
{
  g_autoptr(CtoPlan) plan = load_example ();
  g_autoptr(CtoAnalysis) analysis = cto_analysis_new (plan);
  g_autoptr(CtoBoardPages) pages = cto_board_pages_new (analysis);
  const CtoBoardPageKind kinds[] = {
    CTO_BOARD_PAGE_TITLE, CTO_BOARD_PAGE_COVERAGE, CTO_BOARD_PAGE_PEOPLE,
    CTO_BOARD_PAGE_MATRIX, CTO_BOARD_PAGE_ORG_CHART, CTO_BOARD_PAGE_GAPS,
    CTO_BOARD_PAGE_KEY_PERSON,
  };
  const char *titles[] = {
    "Acme Robotics 2027", "Coverage at a glance", "People and load",
    "Who carries what", "Org chart", "Gaps", "Key-person risk",
  };

  g_assert_true (cto_board_pages_get_analysis (pages) == analysis);
  g_assert_cmpuint (cto_board_pages_get_n_pages (pages, A4_W, A4_H), ==, G_N_ELEMENTS (kinds));
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *title = cto_board_pages_get_page_title (pages, A4_W, A4_H, i);

      g_assert_cmpint (cto_board_pages_get_page_kind (pages, A4_W, A4_H, i), ==, kinds[i]);
      g_assert_cmpuint (cto_board_pages_find_page (pages, A4_W, A4_H, kinds[i]), ==, i);
      g_assert_cmpstr (title, ==, titles[i]);
    }
  g_assert_null (cto_board_pages_get_page_title (pages, A4_W, A4_H, 7));
  g_assert_cmpuint (cto_board_pages_get_n_pages (pages, 0, A4_H), ==, 0);

  /* Landscape A4, portrait A4, a wide screen in pixels, and Letter. */
  check_pages_inside (pages, A4_W, A4_H);
  check_pages_inside (pages, A4_H, A4_W);
  check_pages_inside (pages, 1920, 1080);
  check_pages_inside (pages, 612, 792);
  check_org_chart (plan, pages, A4_W, A4_H);
  check_org_chart (plan, pages, A4_H, A4_W);
  check_org_chart (plan, pages, 1920, 1080);
  check_matrix (plan, pages, A4_W, A4_H);
  check_matrix (plan, pages, A4_H, A4_W);
}

static void
test_pages_hostile (void)
{
  g_autoptr(CtoPlan) plan = load_hostile ();
  g_autoptr(CtoAnalysis) analysis = cto_analysis_new (plan);
  g_autoptr(CtoBoardPages) pages = cto_board_pages_new (analysis);

  check_pages_inside (pages, A4_W, A4_H);
  check_pages_inside (pages, A4_H, A4_W);
  check_org_chart (plan, pages, A4_W, A4_H);
  check_org_chart (plan, pages, A4_H, A4_W);
  check_matrix (plan, pages, A4_W, A4_H);
  check_matrix (plan, pages, A4_H, A4_W);
}

static void
test_pages_empty (void)
{
  g_autoptr(CtoPlan) plan = cto_plan_new ();
  g_autoptr(CtoAnalysis) analysis = cto_analysis_new (plan);
  g_autoptr(CtoBoardPages) pages = cto_board_pages_new (analysis);

  g_assert_cmpuint (cto_board_pages_get_n_pages (pages, A4_W, A4_H), ==, 7);
  check_pages_inside (pages, A4_W, A4_H);
  check_org_chart (plan, pages, A4_W, A4_H);
  check_matrix (plan, pages, A4_W, A4_H);
}

static void
test_pages_paginate (void)
{
  g_autoptr(CtoPlan) plan = make_large_plan (100);
  g_autoptr(CtoAnalysis) analysis = cto_analysis_new (plan);
  g_autoptr(CtoBoardPages) pages = cto_board_pages_new (analysis);
  guint n = cto_board_pages_get_n_pages (pages, A4_W, A4_H);
  g_autofree char *title = NULL;

  g_assert_cmpuint (n, >, 6);
  g_assert_cmpuint (count_kind (pages, A4_W, A4_H, CTO_BOARD_PAGE_TITLE), ==, 1);
  g_assert_cmpuint (count_kind (pages, A4_W, A4_H, CTO_BOARD_PAGE_COVERAGE), ==, 1);
  /* A hundred rows of 30 points in some 400 points. */
  g_assert_cmpuint (count_kind (pages, A4_W, A4_H, CTO_BOARD_PAGE_PEOPLE), >=, 7);
  /* 200 responsibilities by 100 people: more than one page down, more than
   * one across; but a band of rows has columns only for the people who
   * carry some of them, far fewer pages than 100 columns would take. */
  g_assert_cmpuint (count_kind (pages, A4_W, A4_H, CTO_BOARD_PAGE_MATRIX), >, 8);
  g_assert_cmpuint (count_kind (pages, A4_W, A4_H, CTO_BOARD_PAGE_MATRIX), <, 8 * 9);
  check_matrix (plan, pages, A4_W, A4_H);
  check_matrix (plan, pages, A4_H, A4_W);
  /* Nine teams of ten do not fit across one page. */
  g_assert_cmpuint (count_kind (pages, A4_W, A4_H, CTO_BOARD_PAGE_ORG_CHART), >, 2);
  check_org_chart (plan, pages, A4_W, A4_H);
  check_org_chart (plan, pages, A4_H, A4_W);
  g_assert_cmpuint (count_kind (pages, A4_W, A4_H, CTO_BOARD_PAGE_GAPS), >=, 1);

  /* Pages of a kind say which one they are. */
  title = cto_board_pages_get_page_title (pages, A4_W, A4_H,
                                          cto_board_pages_find_page (pages, A4_W, A4_H, CTO_BOARD_PAGE_PEOPLE) + 1);
  g_assert_true (g_str_has_prefix (title, "People and load (2 of "));

  /* In kind order, each kind together. */
  for (guint i = 1; i < n; i++)
    g_assert_cmpint (cto_board_pages_get_page_kind (pages, A4_W, A4_H, i - 1), <=,
                     cto_board_pages_get_page_kind (pages, A4_W, A4_H, i));

  check_pages_inside (pages, A4_W, A4_H);
  check_pages_inside (pages, A4_H, A4_W);
}

/* The hiring plan and since the last plan, long enough to go on to further
 * pages, draw nothing outside the page at any size. */
static void
test_pages_time (void)
{
  g_autoptr(CtoPlan) baseline = cto_plan_new ();
  g_autoptr(CtoPlan) plan = make_large_plan (60);
  g_autoptr(CtoAnalysis) analysis = cto_analysis_new (plan);
  g_autoptr(CtoBoardPages) pages = cto_board_pages_new (analysis);
  GListModel *people = cto_plan_get_people (plan);
  g_autoptr(GDateTime) date = fixed_date ();
  GDate start;

  g_date_clear (&start, 1);
  g_date_set_dmy (&start, 1, 4, 2027);
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(CtoPerson) person = g_list_model_get_item (people, i);

      g_assert_true (cto_plan_set_person_dates (plan, person, &start, NULL, NULL));
    }
  cto_board_pages_set_date (pages, date);
  cto_board_pages_set_baseline (pages, baseline);

  g_assert_cmpuint (count_kind (pages, A4_W, A4_H, CTO_BOARD_PAGE_SINCE), >, 1);
  g_assert_cmpuint (count_kind (pages, A4_W, A4_H, CTO_BOARD_PAGE_HIRING), >=, 1);
  check_pages_inside (pages, A4_W, A4_H);
  check_pages_inside (pages, A4_H, A4_W);
  check_pages_inside (pages, 1920, 1080);
  check_pages_inside (pages, 612, 792);
}

/* @n_overloaded people, each carrying twice their hours in one
 * responsibility, and @n_unassigned responsibilities that nobody carries. */
static CtoPlan *
make_gaps_plan (guint n_overloaded,
                guint n_unassigned)
{
  CtoPlan *plan = cto_plan_new ();

  for (guint i = 0; i < n_overloaded + n_unassigned; i++)
    {
      g_autofree char *id = g_strdup_printf ("r%u", i);
      g_autofree char *title = g_strdup_printf ("Responsibility %u", i);
      g_autoptr(CtoResponsibility) responsibility =
        cto_responsibility_new (id, title, (CtoFunction) (i % CTO_N_FUNCTIONS), 20, "");

      cto_plan_insert_responsibility (plan, G_MAXUINT, responsibility);
      if (i < n_overloaded)
        {
          g_autofree char *person_id = g_strdup_printf ("p%u", i);
          g_autofree char *name = g_strdup_printf ("Person %u", i);
          CtoPerson *person = add_person (plan, person_id, name, "Engineer", 10, FALSE, NULL);

          g_assert_true (cto_plan_assign (plan, responsibility, person, 1));
        }
    }

  return plan;
}

/*
 * Every section of the gaps pages starts in the column of its heading. The
 * text has the columns one after the other, so the line after a heading is
 * the section's first item, or its sentence for none; never the heading
 * again, "(continued)", on top of the next column or page.
 */
static void
check_gaps_headings (CtoBoardPages *pages,
                     double         width,
                     double         height)
{
  CtoAnalysis *analysis = cto_board_pages_get_analysis (pages);
  g_autoptr(GPtrArray) sections = _cto_report_gap_sections (analysis, TRUE);
  g_autofree char *text = all_text_of_kind (pages, width, height, CTO_BOARD_PAGE_GAPS);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  /* After the table of the hiring gap, whose rows name statuses such as "Not covered". */
  int at = line_index (lines, "All functions");

  g_assert_cmpint (at, >=, 0);
  for (guint s = 0; s < sections->len; s++)
    {
      const CtoReportSection *section = g_ptr_array_index (sections, s);
      const char *first = section->items->len > 0 ? g_ptr_array_index (section->items, 0)
                                                  : section->none;
      int heading = line_index (lines + at, section->heading);

      g_assert_cmpint (heading, >=, 0);
      at += heading + 1;
      if (g_strcmp0 (lines[at], first) != 0)
        g_error ("at %g × %g the gaps page leaves \"%s\" at the foot of a column, "
                 "followed by \"%s\"", width, height, section->heading, lines[at]);
    }
}

/* Plans whose sections end at many heights of the gaps page's columns: two
 * overloaded people on A4 left "Overloaded" alone at the foot of the first
 * column, the people in the second. */
static void
test_pages_gaps_headings (void)
{
  const double sizes[][2] = { { A4_W, A4_H }, { A4_H, A4_W }, { 1920, 1080 }, { 612, 792 } };

  for (guint n_overloaded = 1; n_overloaded <= 12; n_overloaded++)
    for (guint n_unassigned = 0; n_unassigned <= 2; n_unassigned++)
      {
        g_autoptr(CtoPlan) plan = make_gaps_plan (n_overloaded, n_unassigned);
        g_autoptr(CtoBoardPages) pages = pages_for (plan);

        for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
          check_gaps_headings (pages, sizes[i][0], sizes[i][1]);
      }
}

typedef struct
{
  double   height;
  gboolean heading;
} FlowBlock;

static double
measure_flow_block (gconstpointer  data,
                    gboolean      *heading)
{
  const FlowBlock *block = data;

  *heading = block->heading;
  return block->height;
}

static void
clear_page (CtoBoardPage *page)
{
  g_clear_pointer (&page->detail, g_free);
}

/* A heading and its first block that fit in no column, not even an empty
 * one, still start a column together, and what follows goes on after them. */
static void
test_pages_flow_tall (void)
{
  FlowBlock blocks[] = { { 100, FALSE }, { 28, TRUE }, { 700, FALSE }, { 16, FALSE } };
  const int columns[][3] = { { 0, 1, -1 }, { 1, 3, -1 }, { 3, 4, 1 } };  /* first, last, carry */
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  g_autoptr(GArray) pages = g_array_new (FALSE, TRUE, sizeof (CtoBoardPage));
  CtoBoardPagination pagination = { .pages = pages };

  g_array_set_clear_func (pages, (GDestroyNotify) clear_page);
  for (guint i = 0; i < G_N_ELEMENTS (blocks); i++)
    g_ptr_array_add (items, &blocks[i]);

  /* Portrait A4: one column, some 700 points high. */
  _cto_board_frame_init (&pagination.frame, A4_H, A4_W);
  g_assert_cmpfloat (_cto_board_frame_content_height (&pagination.frame), <, 728);
  _cto_board_pagination_flow (&pagination, items, measure_flow_block, 1,
                              _cto_board_frame_content_height (&pagination.frame));

  g_assert_cmpuint (pages->len, ==, G_N_ELEMENTS (columns));
  for (guint i = 0; i < pages->len; i++)
    {
      const CtoBoardFlowPage *page = g_array_index (pages, CtoBoardPage, i).detail;

      g_assert_cmpuint (page->n_columns, ==, 1);
      g_assert_cmpint (page->columns[0].first, ==, columns[i][0]);
      g_assert_cmpint (page->columns[0].last, ==, columns[i][1]);
      g_assert_cmpint (page->columns[0].carry, ==, columns[i][2]);
    }
}

/* Balanced columns part no section shorter than a column: the one that
 * started above the middle went on, "(continued)", in the next column
 * with most of it, and the first column was left three quarters empty. A
 * section longer than a column still parts where the column ends. */
static void
test_pages_flow_short_section (void)
{
  /* A table, a section of three, a section of one; then the same with a
   * section as long as the page. */
  FlowBlock blocks[] = { { 50, FALSE }, { 28, TRUE }, { 16, FALSE }, { 16, FALSE }, { 16, FALSE },
                         { 28, TRUE }, { 16, FALSE } };
  FlowBlock long_blocks[] = { { 50, FALSE }, { 28, TRUE }, { 100, FALSE }, { 100, FALSE },
                              { 100, FALSE }, { 100, FALSE } };
  /* What fits one page stays on it: moving the first section whole would
   * send the last line onto a page of its own (columns of 100 here). */
  FlowBlock full_blocks[] = { { 50, FALSE }, { 12, TRUE }, { 16, FALSE }, { 16, FALSE }, { 16, FALSE },
                              { 16, FALSE }, { 12, TRUE }, { 10, FALSE }, { 10, FALSE } };
  struct { FlowBlock *blocks; guint n; double room; int columns[2][3]; } cases[] = {
    { blocks, G_N_ELEMENTS (blocks), 0, { { 0, 1, -1 }, { 1, 7, -1 } } },
    { long_blocks, G_N_ELEMENTS (long_blocks), 0, { { 0, 4, -1 }, { 4, 6, 1 } } },
    { full_blocks, G_N_ELEMENTS (full_blocks), 100, { { 0, 4, -1 }, { 4, 9, 1 } } },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(GPtrArray) items = g_ptr_array_new ();
      g_autoptr(GArray) pages = g_array_new (FALSE, TRUE, sizeof (CtoBoardPage));
      CtoBoardPagination pagination = { .pages = pages };
      const CtoBoardFlowPage *page;

      g_array_set_clear_func (pages, (GDestroyNotify) clear_page);
      for (guint i = 0; i < cases[c].n; i++)
        g_ptr_array_add (items, &cases[c].blocks[i]);

      _cto_board_frame_init (&pagination.frame, A4_W, A4_H);
      _cto_board_pagination_flow (&pagination, items, measure_flow_block, 2,
                                  cases[c].room > 0 ? cases[c].room
                                                    : _cto_board_frame_content_height (&pagination.frame));

      g_assert_cmpuint (pages->len, ==, 1);
      page = g_array_index (pages, CtoBoardPage, 0).detail;
      g_assert_cmpuint (page->n_columns, ==, 2);
      for (guint i = 0; i < 2; i++)
        {
          g_assert_cmpint (page->columns[i].first, ==, cases[c].columns[i][0]);
          g_assert_cmpint (page->columns[i].last, ==, cases[c].columns[i][1]);
          g_assert_cmpint (page->columns[i].carry, ==, cases[c].columns[i][2]);
        }
    }
}

static void
test_pages_org_chain (void)
{
  g_autoptr(CtoPlan) plan = cto_plan_new ();
  g_autoptr(CtoAnalysis) analysis = cto_analysis_new (plan);
  g_autoptr(CtoBoardPages) pages = cto_board_pages_new (analysis);

  /* Fifteen levels of managers: at most four levels fit down a page, so
   * the chain goes on in pieces (packed side by side), each starting with
   * the manager it continues and each cut-off manager saying where their
   * team goes on. */
  for (guint i = 0; i < 15; i++)
    {
      g_autofree char *id = g_strdup_printf ("m%u", i);
      g_autofree char *manager = i > 0 ? g_strdup_printf ("m%u", i - 1) : NULL;

      add_person (plan, id, id, "Manager", 40, FALSE, manager);
    }

  check_org_chart (plan, pages, A4_W, A4_H);
  check_org_chart (plan, pages, A4_H, A4_W);
  check_pages_inside (pages, A4_W, A4_H);
  check_pages_inside (pages, A4_H, A4_W);

  /* Fifteen levels in pieces of at most four: a manager cut off from their
   * report at least every fourth level, each pointing to the head drawn
   * again above the rest of the chain. */
  {
    guint n_pages = cto_board_pages_get_n_pages (pages, A4_W, A4_H);
    guint n_notes = 0;
    guint n_again = 0;

    for (guint page = 0; page < n_pages; page++)
      {
        g_autoptr(GArray) boxes = _cto_board_pages_get_org_boxes (pages, A4_W, A4_H, page);
        g_autofree guint *level = g_new0 (guint, MAX (boxes->len, 1));

        for (guint i = 0; i < boxes->len; i++)
          {
            const CtoBoardOrgBox *box = &g_array_index (boxes, CtoBoardOrgBox, i);

            n_notes += box->team_page >= 0;
            n_again += box->again;
            /* No piece holds more than four levels. */
            level[i] = box->manager >= 0 ? level[box->manager] + 1 : 0;
            g_assert_cmpuint (level[i], <, 4);
          }
      }
    g_assert_cmpuint (n_notes, >=, 14 / 4);
    g_assert_cmpuint (n_again, ==, n_notes);
  }
}

static void
count_cb (guint *count)
{
  (*count)++;
}

static void
test_pages_follow (void)
{
  g_autoptr(CtoPlan) plan = load_example ();
  g_autoptr(CtoAnalysis) analysis = cto_analysis_new (plan);
  g_autoptr(CtoBoardPages) pages = cto_board_pages_new (analysis);
  g_autoptr(GDateTime) date = fixed_date ();
  g_autoptr(GDateTime) read = NULL;
  guint changed = 0;
  guint notified = 0;

  g_signal_connect_swapped (pages, "changed", G_CALLBACK (count_cb), &changed);
  g_signal_connect_swapped (pages, "notify::date", G_CALLBACK (count_cb), &notified);

  g_assert_nonnull (cto_board_pages_get_date (pages));
  cto_board_pages_set_date (pages, date);
  g_assert_true (g_date_time_equal (cto_board_pages_get_date (pages), date));
  g_object_get (pages, "date", &read, NULL);
  g_assert_true (g_date_time_equal (read, date));
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpuint (changed, ==, 1);
  cto_board_pages_set_date (pages, date);
  g_assert_cmpuint (notified, ==, 1);

  /* Twenty more people: the people pages grow, and ::changed says so. */
  g_assert_cmpuint (cto_board_pages_get_n_pages (pages, A4_W, A4_H), ==, 7);
  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *id = g_strdup_printf ("new-%u", i);

      add_person (plan, id, id, "", 40, FALSE, NULL);
    }
  g_assert_cmpuint (changed, >=, 21);
  g_assert_cmpuint (count_kind (pages, A4_W, A4_H, CTO_BOARD_PAGE_PEOPLE), >, 1);

  cto_board_pages_set_date (pages, NULL);
  g_assert_cmpuint (notified, ==, 2);
  g_assert_false (g_date_time_equal (cto_board_pages_get_date (pages), date));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report/pages/example", test_pages_example);
  g_test_add_func ("/report/pages/coverage-lists", test_pages_coverage_lists);
  g_test_add_func ("/report/pages/fit-isolated", test_pages_fit_isolated);
  g_test_add_func ("/report/pages/hostile", test_pages_hostile);
  g_test_add_func ("/report/pages/empty", test_pages_empty);
  g_test_add_func ("/report/pages/paginate", test_pages_paginate);
  g_test_add_func ("/report/pages/org-chain", test_pages_org_chain);
  g_test_add_func ("/report/pages/time", test_pages_time);
  g_test_add_func ("/report/pages/gaps-headings", test_pages_gaps_headings);
  g_test_add_func ("/report/pages/flow-tall", test_pages_flow_tall);
  g_test_add_func ("/report/pages/flow-short-section", test_pages_flow_short_section);
  g_test_add_func ("/report/pages/follow", test_pages_follow);
  g_test_add_func ("/board-pages/text/pages", test_text_pages);
  g_test_add_func ("/board-pages/text/complete", test_text_complete);
  g_test_add_func ("/board-pages/text/follows", test_text_follows);
  g_test_add_func ("/board-pages/unusual-characters", test_unusual_characters);
  g_test_add_func ("/board-pages/text-keeps-characters", test_text_keeps_characters);

  return g_test_run ();
}
