/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <cairo.h>

#include "cto-analysis.h"
#include "cto-board-pages.h"
#include "cto-key-people.h"
#include "cto-report-html.h"
#include "cto-report-markdown.h"
#include "cto-report-suggestions.h"
#include "cto-suggestions.h"
#include "report-test-util.h"

/* The key-person risk page (and the suggestions on the gaps page), through
 * the text the pages draw, and the same section of the Markdown and HTML
 * reports. tests/data/README works out key-person.json by hand. */

/* The Unicode isolates around plan text among other words, on the pages
 * and in HTML. */
#define FSI "\u2068"
#define PDI "\u2069"

#define W CTO_BOARD_PAGE_WIDTH
#define H CTO_BOARD_PAGE_HEIGHT

static CtoPlan *
load_data (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);

  return load_plan (path);
}

static CtoBoardPages *
pages_for (CtoAnalysis *analysis)
{
  g_autoptr(GDateTime) date = fixed_date ();
  CtoBoardPages *pages = cto_board_pages_new (analysis);

  cto_board_pages_set_date (pages, date);
  return pages;
}

/* Every line drawn on the pages of @kind, in order. */
static GPtrArray *
lines_of_kind (CtoBoardPages    *pages,
               double            width,
               double            height,
               CtoBoardPageKind  kind)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < cto_board_pages_get_n_pages (pages, width, height); i++)
    {
      g_autofree char *text = NULL;
      g_auto(GStrv) split = NULL;

      if (cto_board_pages_get_page_kind (pages, width, height, i) != kind)
        continue;
      text = cto_board_pages_get_page_text (pages, width, height, i);
      split = g_strsplit (text, "\n", -1);
      for (guint l = 0; split[l] != NULL; l++)
        if (*split[l] != '\0')
          g_ptr_array_add (lines, g_strdup (split[l]));
    }

  return lines;
}

static int
find_line (GPtrArray  *lines,
           const char *line,
           guint       from)
{
  for (guint i = from; i < lines->len; i++)
    if (strcmp (g_ptr_array_index (lines, i), line) == 0)
      return (int) i;

  return -1;
}

static guint
count_line (GPtrArray  *lines,
            const char *line)
{
  guint n = 0;

  for (guint i = 0; i < lines->len; i++)
    n += strcmp (g_ptr_array_index (lines, i), line) == 0;

  return n;
}

/* Worst first, each with their hours, what would be left unassigned or
 * without its accountable person, and the functions that drop; then the
 * others, one line each, by hours. */
static void
test_page_order_and_figures (void)
{
  const char *expected[] = {
    "Bo",
    "9.5 h a week",
    "Left unassigned: “" FSI "Cloud" PDI "”",
    "No one accountable for: “" FSI "Security" PDI "”",
    "Planning: stays Covered, bus factor 1 → 0",
    "Infrastructure: Covered → Partly covered, bus factor 2 → 1",
    "Ana",
    "10 h a week",
    "Left unassigned: “" FSI "Roadmap" PDI "”",
    "Infrastructure: stays Covered, bus factor 2 → 1",
    "Thinker: Covered → Not covered, bus factor 1 → 0",
    "3 others: nothing would be left uncovered",
    FSI "Dee" PDI " (2.83 h)",
    FSI "Cy" PDI " (2.33 h)",
    FSI "Eve" PDI " (1.83 h)",
  };
  g_autoptr(CtoPlan) plan = load_data ("key-person.json");
  g_autoptr(CtoAnalysis) analysis = cto_analysis_new (plan);
  g_autoptr(CtoBoardPages) pages = pages_for (analysis);
  g_autoptr(GPtrArray) lines = lines_of_kind (pages, W, H, CTO_BOARD_PAGE_KEY_PERSON);
  guint page = cto_board_pages_find_page (pages, W, H, CTO_BOARD_PAGE_KEY_PERSON);
  g_autofree char *title = cto_board_pages_get_page_title (pages, W, H, page);
  int first;

  /* Right after the gaps, on one page. */
  g_assert_cmpuint (page, ==, cto_board_pages_find_page (pages, W, H, CTO_BOARD_PAGE_GAPS) + 1);
  g_assert_cmpuint (page + 1, ==, cto_board_pages_get_n_pages (pages, W, H));
  g_assert_cmpstr (title, ==, "Key-person risk");
  g_assert_cmpstr (g_ptr_array_index (lines, 0), ==, "Key-person risk");

  first = find_line (lines, expected[0], 0);
  g_assert_cmpint (first, >, 0);
  g_assert_cmpuint (first + G_N_ELEMENTS (expected), <=, lines->len);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (g_ptr_array_index (lines, first + i), ==, expected[i]);

  /* An open role is nobody whose leaving the plan would lose. */
  g_assert_cmpint (find_line (lines, "Hire", 0), ==, -1);
  g_assert_cmpint (find_line (lines, "Hire (0 h)", 0), ==, -1);
}

/* Nobody to lose, and nobody whose leaving would leave anything uncovered:
 * said in words, on the page and in the report. */
static void
test_nobody_at_risk (void)
{
  g_autoptr(CtoPlan) plan = cto_plan_new ();
  g_autoptr(CtoAnalysis) analysis = cto_analysis_new (plan);
  g_autoptr(CtoBoardPages) pages = pages_for (analysis);
  g_autoptr(GDateTime) date = fixed_date ();
  g_autoptr(CtoResponsibility) responsibility = cto_responsibility_new ("ops", "Ops", CTO_FUNCTION_PLANNING, 6, "");
  g_autoptr(GPtrArray) lines = lines_of_kind (pages, W, H, CTO_BOARD_PAGE_KEY_PERSON);
  g_autoptr(GPtrArray) after = NULL;
  g_autofree char *markdown = NULL;

  /* No one yet, then an open role alone. */
  g_assert_cmpint (find_line (lines, "Nobody is in the plan yet.", 0), >, 0);
  add_person (plan, "hire", "Hire", "", 40, TRUE, NULL);
  {
    g_autoptr(GPtrArray) hire_alone = lines_of_kind (pages, W, H, CTO_BOARD_PAGE_KEY_PERSON);

    g_assert_cmpint (find_line (hire_alone, "Nobody in the plan but open roles.", 0), >, 0);
  }

  /* Three people share the only responsibility: any one of them leaving
   * leaves two. An open role is not among them. */
  add_person (plan, "ana", "Ana", "", 40, FALSE, NULL);
  add_person (plan, "bo", "Bo", "", 40, FALSE, NULL);
  add_person (plan, "cy", "Cy", "", 40, FALSE, NULL);
  cto_plan_insert_responsibility (plan, G_MAXUINT, responsibility);
  for (guint i = 0; i < 4; i++)
    cto_plan_assign (plan, responsibility,
                     cto_plan_find_person (plan, (const char *[]) { "ana", "bo", "cy", "hire" }[i]), 1);

  after = lines_of_kind (pages, W, H, CTO_BOARD_PAGE_KEY_PERSON);
  g_assert_cmpint (find_line (after, "Nothing would be left uncovered if any of the 3 people left", 0), >, 0);
  g_assert_cmpint (find_line (after, FSI "Ana" PDI " (1.5 h)", 0), >, 0);
  g_assert_cmpint (find_line (after, "Nobody in the plan but open roles.", 0), ==, -1);
  g_assert_cmpint (find_line (after, "Ana", 0), ==, -1);

  markdown = cto_report_markdown (analysis, date, NULL);
  g_assert_nonnull (strstr (markdown, "\n## Key-person risk\n"));
  g_assert_nonnull (strstr (markdown, "\n### Nothing would be left uncovered if any of the 3 people left\n"));
  g_assert_null (strstr (strstr (markdown, "\n## Key-person risk\n"), "| Person |"));
}

/* Long lists of long titles: eight named and the rest counted, wrapped
 * whole, and every page drawn inside itself at any size. */
static void
test_long_lists (void)
{
  const double sizes[][2] = { { W, H }, { H, W }, { 1920, 1080 }, { 612, 792 } };
  g_autoptr(CtoPlan) plan = cto_plan_new ();
  g_autoptr(CtoAnalysis) analysis = cto_analysis_new (plan);
  g_autoptr(CtoBoardPages) pages = pages_for (analysis);
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GString) expected = g_string_new ("Left unassigned: ");

  for (guint p = 0; p < 6; p++)
    {
      g_autofree char *id = g_strdup_printf ("p%u", p);

      add_person (plan, id, id, "", 40, FALSE, NULL);
      for (guint r = 0; r < 12; r++)
        {
          g_autofree char *rid = g_strdup_printf ("r%u-%u", p, r);
          g_autofree char *title = g_strdup_printf ("Responsibility %u of %u, with a title as long as "
                                                    "some people write them, going on and on", r, p);
          g_autoptr(CtoResponsibility) responsibility =
            cto_responsibility_new (rid, title, (CtoFunction) (r % CTO_N_FUNCTIONS), 1, "");

          cto_plan_insert_responsibility (plan, G_MAXUINT, responsibility);
          cto_plan_assign (plan, responsibility, cto_plan_find_person (plan, id), 1);
          if (p == 0 && r < 8)
            g_string_append_printf (expected, "%s“" FSI "%s" PDI "”", r > 0 ? ", " : "", title);
        }
    }
  g_string_append (expected, " and 4 more");

  lines = lines_of_kind (pages, W, H, CTO_BOARD_PAGE_KEY_PERSON);
  g_assert_cmpint (find_line (lines, expected->str, 0), >, 0);

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      double width = sizes[s][0], height = sizes[s][1];
      guint n = cto_board_pages_get_n_pages (pages, width, height);

      for (guint i = cto_board_pages_find_page (pages, width, height, CTO_BOARD_PAGE_KEY_PERSON); i < n; i++)
        {
          cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
          cairo_t *cr = cairo_create (surface);
          double x, y, w, h;

          cto_board_pages_draw_page (pages, cr, width, height, i);
          cairo_destroy (cr);
          cairo_recording_surface_ink_extents (surface, &x, &y, &w, &h);
          cairo_surface_destroy (surface);
          g_assert_cmpfloat (x, >=, -0.01);
          g_assert_cmpfloat (y, >=, -0.01);
          g_assert_cmpfloat (x + w, <=, width + 0.01);
          g_assert_cmpfloat (y + h, <=, height + 0.01);
        }
    }
}

/* The order of the rule itself: responsibilities left unassigned, then
 * functions changing status, then responsibilities left with no one
 * accountable, then functions dropping, then hours, then plan order. */
static void
test_order_rule (void)
{
  const char *expected[] = { "bo", "ana", "dee", "cy", "eve" };
  g_autoptr(CtoPlan) plan = load_data ("key-person.json");
  g_autoptr(CtoAnalysis) analysis = cto_analysis_new (plan);
  g_autoptr(GPtrArray) departures = cto_key_people_new (analysis);
  CtoDeparture *bo, *ana, *dee;

  g_assert_cmpuint (departures->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < departures->len; i++)
    g_assert_cmpstr (cto_person_get_id (cto_departure_get_person (g_ptr_array_index (departures, i))),
                     ==, expected[i]);

  bo = g_ptr_array_index (departures, 0);
  ana = g_ptr_array_index (departures, 1);
  dee = g_ptr_array_index (departures, 2);
  g_assert_true (cto_key_people_is_at_risk (bo));
  g_assert_true (cto_key_people_is_at_risk (ana));
  g_assert_false (cto_key_people_is_at_risk (dee));
  g_assert_cmpuint (cto_key_people_count_status (bo), ==, 1);
  g_assert_cmpuint (cto_key_people_count_drops (bo), ==, 2);
  g_assert_cmpuint (cto_key_people_count_drops (dee), ==, 1);
  g_assert_cmpint (cto_key_people_compare (bo, ana), <, 0);
  g_assert_cmpint (cto_key_people_compare (ana, bo), >, 0);
  g_assert_cmpint (cto_key_people_compare (bo, bo), ==, 0);

  /* Ana marked accountable for Security instead of Bo: now Ana loses an
   * accountable person too, and with more hours she comes first. */
  {
    CtoResponsibility *security = cto_plan_find_responsibility (plan, "security");
    g_autoptr(GPtrArray) again = NULL;

    g_assert_true (cto_plan_set_accountable (plan, security, cto_plan_find_person (plan, "ana")));
    again = cto_key_people_new (analysis);
    g_assert_cmpstr (cto_person_get_id (cto_departure_get_person (g_ptr_array_index (again, 0))), ==, "ana");
    g_assert_cmpstr (cto_person_get_id (cto_departure_get_person (g_ptr_array_index (again, 1))), ==, "bo");
  }
}

/* Where the accountable person leaves one other on it, that one is
 * accountable by nature: the accountable person is lost (§5.1), but nothing
 * is left without one, and no page says so. */
static void
test_accountable_by_nature (void)
{
  g_autoptr(CtoPlan) plan = load_data ("key-person.json");
  g_autoptr(CtoAnalysis) analysis = cto_analysis_new (plan);
  CtoResponsibility *security = cto_plan_find_responsibility (plan, "security");
  g_autoptr(CtoDeparture) shared = cto_departure_new (plan, "bo");
  g_autoptr(CtoDeparture) alone = NULL;
  g_autoptr(CtoBoardPages) pages = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autofree char *markdown = NULL;
  g_autoptr(GDateTime) date = fixed_date ();

  /* Ana and the hire would share it, with no one accountable. */
  g_assert_cmpuint (cto_departure_get_accountable_lost (shared)->len, ==, 1);
  g_assert_cmpuint (cto_departure_get_left_without_accountable (shared)->len, ==, 1);
  g_assert_true (g_ptr_array_index (cto_departure_get_left_without_accountable (shared), 0) == security);

  /* Ana alone would carry it. */
  g_assert_true (cto_plan_unassign (plan, security, cto_plan_find_person (plan, "hire")));
  alone = cto_departure_new (plan, "bo");
  g_assert_cmpuint (cto_departure_get_accountable_lost (alone)->len, ==, 1);
  g_assert_cmpuint (cto_departure_get_left_without_accountable (alone)->len, ==, 0);
  g_assert_false (cto_responsibility_lacks_accountable (cto_plan_find_responsibility (cto_departure_get_plan_after (alone),
                                                                                     "security")));

  pages = pages_for (analysis);
  lines = lines_of_kind (pages, W, H, CTO_BOARD_PAGE_KEY_PERSON);
  for (guint i = 0; i < lines->len; i++)
    g_assert_null (strstr (g_ptr_array_index (lines, i), "No one accountable"));
  markdown = cto_report_markdown (analysis, date, NULL);
  g_assert_nonnull (strstr (markdown, "\n## Key-person risk\n"));
  g_assert_null (strstr (markdown, "No one accountable"));
}

/* The figures worked out from the analysis before are those of the plan
 * without the person, analysed afresh: for every person of several plans. */
static void
test_figures_match_plan_after (void)
{
  CtoPlan *plans[] = {
    load_example (), load_hostile (), load_data ("key-person.json"),
    load_data ("departure-basic.json"), make_large_plan (100),
  };

  for (guint p = 0; p < G_N_ELEMENTS (plans); p++)
    {
      g_autoptr(CtoAnalysis) analysis = cto_analysis_new (plans[p]);
      GListModel *people = cto_plan_get_people (plans[p]);

      for (guint i = 0; i < g_list_model_get_n_items (people); i++)
        {
          g_autoptr(CtoPerson) person = g_list_model_get_item (people, i);
          g_autoptr(CtoDeparture) figures = cto_departure_new_figures (analysis, person);
          g_autoptr(CtoDeparture) full = cto_departure_new (plans[p], cto_person_get_id (person));
          CtoAnalysis *after = cto_departure_get_analysis_after (full);

          g_assert_null (cto_departure_get_plan_after (figures));
          g_assert_cmpfloat (cto_departure_get_hours (figures), ==, cto_departure_get_hours (full));
          g_assert_cmpuint (cto_departure_get_left_unassigned (figures)->len, ==,
                            cto_departure_get_left_unassigned (full)->len);
          g_assert_cmpuint (cto_departure_get_accountable_lost (figures)->len, ==,
                            cto_departure_get_accountable_lost (full)->len);
          for (guint f = 0; f < CTO_N_FUNCTIONS; f++)
            {
              const CtoDepartureFunction *function = cto_departure_get_function (figures, (CtoFunction) f);
              const CtoFunctionReport *report = cto_analysis_get_function (after, (CtoFunction) f);

              g_assert_cmpint (function->status_after, ==, report->status);
              g_assert_cmpuint (function->bus_factor_after, ==, report->bus_factor);
            }
        }
      g_object_unref (plans[p]);
    }
}

/* The lines of `--suggest` for @plan: each suggestion, then what stays
 * unresolved, without the numbering and indent. */
static GPtrArray *
cli_suggestion_lines (CtoPlan *plan)
{
  g_autoptr(CtoSuggestions) suggestions = cto_suggestions_new (plan);
  g_autofree char *text = cto_report_suggestions_text (suggestions);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];

      if (!g_str_has_prefix (line, "  "))
        continue;
      line += 2;
      if (g_ascii_isdigit (*line))
        line = strstr (line, ". ") + 2;
      g_ptr_array_add (out, g_strdup (line));
    }

  return out;
}

/* @lines as read, without the isolates around plan text. */
static GPtrArray *
without_isolates (GPtrArray *lines)
{
  GPtrArray *read = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < lines->len; i++)
    {
      GString *line = g_string_new (g_ptr_array_index (lines, i));

      g_string_replace (line, FSI, "", 0);
      g_string_replace (line, PDI, "", 0);
      g_ptr_array_add (read, g_string_free (line, FALSE));
    }

  return read;
}

/* The gaps pages say what `--suggest` says, sentence for sentence, in its
 * order, under their own headings (the plan's text isolated, so that a
 * right-to-left name keeps the sentence in order). */
static void
test_gaps_suggestions (void)
{
  const char *plans[] = {
    NULL, /* the example */
    "suggest-given-up.json",
    "suggest-order.json",
    "suggest-rank.json",
    "key-person.json",
  };

  for (guint p = 0; p < G_N_ELEMENTS (plans); p++)
    {
      g_autoptr(CtoPlan) plan = plans[p] != NULL ? load_data (plans[p]) : load_example ();
      g_autoptr(CtoAnalysis) analysis = cto_analysis_new (plan);
      g_autoptr(CtoBoardPages) pages = pages_for (analysis);
      g_autoptr(GPtrArray) cli = cli_suggestion_lines (plan);
      g_autoptr(GPtrArray) isolated = lines_of_kind (pages, W, H, CTO_BOARD_PAGE_GAPS);
      g_autoptr(GPtrArray) lines = without_isolates (isolated);
      g_autoptr(CtoSuggestions) suggestions = cto_suggestions_new (plan);
      int at = find_line (lines, "Suggestions", 0);

      g_test_message ("plan %s", plans[p] != NULL ? plans[p] : "example");
      g_assert_cmpint (at, >, 0);
      for (guint i = 0; i < cli->len; i++)
        {
          const char *line = g_ptr_array_index (cli, i);
          int next = find_line (lines, line, at + 1);

          g_assert_cmpint (next, >, at);
          g_assert_cmpuint (count_line (lines, line), ==, 1);
          if (i == cto_suggestions_get_n_items (suggestions))
            g_assert_cmpint (find_line (lines, "Still unresolved", at), ==, next - 1);
          at = next;
        }

      if (cli->len == 0)
        g_assert_cmpstr (g_ptr_array_index (lines, at + 1), ==,
                         "Nothing to rebalance: nobody is overloaded and every responsibility has someone.");
      else if (cto_suggestions_get_n_items (suggestions) == 0)
        g_assert_cmpint (find_line (lines, "No suggestions: no one who could take on work has room for it.", 0), >, 0);
      if (cto_suggestions_get_unresolved_overloaded (suggestions)->len +
          cto_suggestions_get_unresolved_unassigned (suggestions)->len == 0)
        g_assert_cmpint (find_line (lines, "Still unresolved", 0), ==, -1);
    }
}

/* The hundred-person plan goes on over several pages at any size: every
 * person who is not an open role named once, nobody else. */
static void
test_paginate (void)
{
  const double sizes[][2] = { { W, H }, { H, W }, { 1920, 1080 }, { 612, 792 } };
  g_autoptr(CtoPlan) plan = make_large_plan (100);
  g_autoptr(CtoAnalysis) analysis = cto_analysis_new (plan);
  g_autoptr(CtoBoardPages) pages = pages_for (analysis);
  GListModel *people = cto_plan_get_people (plan);

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      double width = sizes[s][0], height = sizes[s][1];
      g_autoptr(GPtrArray) lines = lines_of_kind (pages, width, height, CTO_BOARD_PAGE_KEY_PERSON);
      guint first = cto_board_pages_find_page (pages, width, height, CTO_BOARD_PAGE_KEY_PERSON);
      guint n_pages = cto_board_pages_get_n_pages (pages, width, height);
      guint n_kind = 0;

      for (guint i = first; i < n_pages; i++)
        {
          g_autofree char *title = cto_board_pages_get_page_title (pages, width, height, i);
          g_autofree char *expected = NULL;

          if (cto_board_pages_get_page_kind (pages, width, height, i) != CTO_BOARD_PAGE_KEY_PERSON)
            break;
          n_kind++;
          expected = g_strdup_printf ("Key-person risk (%u of ", n_kind);
          g_assert_true (g_str_has_prefix (title, expected));
        }
      g_assert_cmpuint (n_kind, >, 1);

      for (guint i = 0; i < g_list_model_get_n_items (people); i++)
        {
          g_autoptr(CtoPerson) person = g_list_model_get_item (people, i);
          const char *name = cto_person_get_name (person);
          g_autofree char *prefix = g_strdup_printf (FSI "%s" PDI " (", name);
          guint n = 0;

          for (guint l = 0; l < lines->len; l++)
            {
              const char *line = g_ptr_array_index (lines, l);

              n += strcmp (line, name) == 0 || g_str_has_prefix (line, prefix);
            }
          g_assert_cmpuint (n, ==, cto_person_get_open_role (person) ? 0 : 1);
        }
    }
}

/* @needles appear in @haystack in this order, after @from. */
static void
check_in_order (const char  *haystack,
                const char  *from,
                const char **needles,
                guint        n_needles)
{
  const char *at = strstr (haystack, from);

  g_assert_nonnull (at);
  for (guint i = 0; i < n_needles; i++)
    {
      const char *next = strstr (at, needles[i]);

      if (next == NULL)
        g_error ("“%s” is not after the one before it", needles[i]);
      at = next + strlen (needles[i]);
    }
}

static void
test_markdown (void)
{
  const char *expected[] = {
    "**Bo**", "9.5 h", "Left unassigned: “Cloud”; No one accountable for: “Security”",
    "Planning: stays ● Covered, bus factor 1 → 0; Infrastructure: ● Covered → ◐ Partly covered, bus factor 2 → 1",
    "**Ana**", "10 h", "Left unassigned: “Roadmap”",
    "Thinker: ● Covered → ○ Not covered, bus factor 1 → 0",
    "### 3 others: nothing would be left uncovered",
    "- Dee (2.83 h)\n- Cy (2.33 h)\n- Eve (1.83 h)\n",
  };
  g_autoptr(CtoPlan) plan = load_data ("key-person.json");
  g_autoptr(CtoAnalysis) analysis = cto_analysis_new (plan);
  g_autoptr(GDateTime) date = fixed_date ();
  g_autofree char *markdown = cto_report_markdown (analysis, date, NULL);
  const char *gaps = strstr (markdown, "\n## Gaps\n");

  /* After the gaps, as on the board. */
  g_assert_nonnull (gaps);
  g_assert_nonnull (strstr (gaps, "\n## Key-person risk\n"));
  g_assert_null (strstr (strstr (gaps, "\n## Key-person risk\n"), "Hire"));
  check_in_order (markdown, "\n## Key-person risk\n", expected, G_N_ELEMENTS (expected));
  check_markdown_tables (markdown);
}

static void
test_html (void)
{
  const char *expected[] = {
    "<strong>Bo</strong>", "9.5 h",
    "Left unassigned: “" FSI "Cloud" PDI "”; No one accountable for: “" FSI "Security" PDI "”",
    "Infrastructure: ● Covered → ◐ Partly covered, bus factor 2 → 1",
    "<strong>Ana</strong>", "10 h", "Thinker: ● Covered → ○ Not covered, bus factor 1 → 0",
    "3 others: nothing would be left uncovered",
    "<li>" FSI "Dee" PDI " (2.83 h)</li>", "<li>" FSI "Cy" PDI " (2.33 h)</li>",
    "<li>" FSI "Eve" PDI " (1.83 h)</li>",
  };
  g_autoptr(CtoPlan) plan = load_data ("key-person.json");
  g_autoptr(CtoAnalysis) analysis = cto_analysis_new (plan);
  g_autoptr(GDateTime) date = fixed_date ();
  g_autofree char *html = cto_report_html (analysis, date, NULL);

  check_in_order (html, ">Key-person risk</h2>", expected, G_N_ELEMENTS (expected));
  check_html_tags (html);
}

/* Hostile names and titles stay text in the section: escaped, every
 * person who is not an open role there. */
static void
test_html_hostile (void)
{
  g_autoptr(CtoPlan) plan = load_hostile ();
  g_autoptr(CtoAnalysis) analysis = cto_analysis_new (plan);
  g_autoptr(GDateTime) date = fixed_date ();
  g_autofree char *html = cto_report_html (analysis, date, NULL);
  const char *section = strstr (html, ">Key-person risk</h2>");
  g_autofree char *lower = NULL;
  GListModel *people = cto_plan_get_people (plan);

  g_assert_nonnull (section);
  lower = g_ascii_strdown (section, -1);
  g_assert_null (strstr (lower, "<script"));
  g_assert_null (strstr (lower, "<img"));
  g_assert_nonnull (strstr (section, "&lt;script&gt;alert(&quot;name&quot;)&lt;/script&gt;"));
  check_html_tags (html);

  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(CtoPerson) person = g_list_model_get_item (people, i);
      g_autofree char *markup = g_markup_escape_text (cto_person_get_name (person), -1);
      g_auto(GStrv) parts = g_strsplit (markup, "&apos;", -1);
      g_autofree char *escaped = g_strjoinv ("&#39;", parts);

      /* Line breaks and tabs are written otherwise (as test-report-html
       * checks). */
      if (cto_person_get_open_role (person) || strpbrk (cto_person_get_name (person), "\t\r\n") != NULL)
        continue;
      g_assert_nonnull (strstr (section, escaped));
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/key-person/page/order-and-figures", test_page_order_and_figures);
  g_test_add_func ("/key-person/order", test_order_rule);
  g_test_add_func ("/key-person/accountable-by-nature", test_accountable_by_nature);
  g_test_add_func ("/key-person/nobody-at-risk", test_nobody_at_risk);
  g_test_add_func ("/key-person/page/long-lists", test_long_lists);
  g_test_add_func ("/key-person/figures", test_figures_match_plan_after);
  g_test_add_func ("/key-person/page/paginate", test_paginate);
  g_test_add_func ("/key-person/gaps/suggestions", test_gaps_suggestions);
  g_test_add_func ("/key-person/markdown", test_markdown);
  g_test_add_func ("/key-person/html", test_html);
  g_test_add_func ("/key-person/html/hostile", test_html_hostile);

  return g_test_run ();
}
