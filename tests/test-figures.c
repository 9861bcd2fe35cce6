/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "cto-analysis.h"
#include "cto-board-pages.h"
#include "cto-plan-io.h"
#include "cto-report-format.h"
#include "cto-report-html.h"
#include "cto-report-markdown.h"
#include "cto-report-summary.h"

/*
 * The same plan read through the command line's text summary, the Markdown
 * and HTML reports and the board pages' text: every person's load,
 * capacity and utilization, and every function's hiring gap in hours and
 * FTE, must read the same in all four (PLAN-FORMAT.md section 4).
 */

typedef struct
{
  CtoPlan       *plan;
  CtoAnalysis   *analysis;
  char          *summary;
  char         **markdown;
  char         **html;
  char         **people_pages;   /* the lines of every people page */
  char         **gaps_pages;     /* the lines of every gaps page */
} Views;

static CtoPlan *
load_plan (const char *name,
           gboolean    example)
{
  g_autofree char *path = example
    ? g_test_build_filename (G_TEST_DIST, "..", "data", "examples", name, NULL)
    : g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  CtoPlan *plan = cto_plan_io_load_file (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (plan);

  return plan;
}

static char **
pages_of_kind (CtoBoardPages    *pages,
               CtoBoardPageKind  kind)
{
  guint n_pages = cto_board_pages_get_n_pages (pages, CTO_BOARD_PAGE_WIDTH, CTO_BOARD_PAGE_HEIGHT);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < n_pages; i++)
    {
      g_autofree char *page = NULL;

      if (cto_board_pages_get_page_kind (pages, CTO_BOARD_PAGE_WIDTH, CTO_BOARD_PAGE_HEIGHT, i) != kind)
        continue;
      page = cto_board_pages_get_page_text (pages, CTO_BOARD_PAGE_WIDTH, CTO_BOARD_PAGE_HEIGHT, i);
      g_assert_nonnull (page);
      g_string_append (text, page);
    }

  return g_strsplit (text->str, "\n", -1);
}

static void
views_init (Views   *views,
            CtoPlan *plan)
{
  g_autoptr(GDateTime) date = g_date_time_new_utc (2027, 3, 5, 0, 0, 0);
  g_autoptr(CtoBoardPages) pages = NULL;
  g_autofree char *markdown = NULL;
  g_autofree char *html = NULL;

  views->plan = plan;
  views->analysis = cto_analysis_new (plan);
  views->summary = cto_report_summary_text (views->analysis);
  markdown = cto_report_markdown (views->analysis, date, NULL);
  html = cto_report_html (views->analysis, date, NULL);
  views->markdown = g_strsplit (markdown, "\n", -1);
  views->html = g_strsplit (html, "\n", -1);

  pages = cto_board_pages_new (views->analysis);
  cto_board_pages_set_date (pages, date);
  views->people_pages = pages_of_kind (pages, CTO_BOARD_PAGE_PEOPLE);
  views->gaps_pages = pages_of_kind (pages, CTO_BOARD_PAGE_GAPS);
}

static void
views_clear (Views *views)
{
  g_clear_object (&views->analysis);
  g_clear_object (&views->plan);
  g_clear_pointer (&views->summary, g_free);
  g_clear_pointer (&views->markdown, g_strfreev);
  g_clear_pointer (&views->html, g_strfreev);
  g_clear_pointer (&views->people_pages, g_strfreev);
  g_clear_pointer (&views->gaps_pages, g_strfreev);
}

/* The first line from @from on that starts with @prefix, or %NULL. */
static const char *
find_line (char       **lines,
           const char  *after,
           const char  *prefix)
{
  guint i = 0;

  if (after != NULL)
    {
      while (lines[i] != NULL && strstr (lines[i], after) == NULL)
        i++;
      if (lines[i] == NULL)
        return NULL;
    }

  for (; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], prefix))
      return lines[i];

  return NULL;
}

/* Line @name of the pages and the @n lines after it, as one line. */
static char *
find_page_row (char       **lines,
               const char  *name,
               guint        n)
{
  for (guint i = 0; lines[i] != NULL; i++)
    {
      GString *row;

      if (g_strcmp0 (lines[i], name) != 0)
        continue;

      row = g_string_new (lines[i]);
      for (guint k = 1; k <= n && lines[i + k] != NULL; k++)
        {
          g_string_append (row, " | ");
          g_string_append (row, lines[i + k]);
        }
      return g_string_free (row, FALSE);
    }

  return NULL;
}

/* The first match of @pattern's groups in @text, joined by "/", or %NULL. */
static char *
match (const char *pattern,
       const char *text)
{
  g_autoptr(GRegex) regex = g_regex_new (pattern, 0, 0, NULL);
  g_autoptr(GMatchInfo) info = NULL;
  GString *out;

  g_assert_nonnull (regex);
  if (text == NULL || !g_regex_match (regex, text, 0, &info))
    return NULL;

  out = g_string_new (NULL);
  for (int i = 1; i < g_match_info_get_match_count (info); i++)
    {
      g_autofree char *group = g_match_info_fetch (info, i);

      if (i > 1)
        g_string_append_c (out, '/');
      g_string_append (out, group);
    }

  return g_string_free (out, FALSE);
}

#define NUMBER "(-?[0-9]+(?:\\.[0-9]+)?)"
#define PERCENT "(?:^|[^0-9.])([0-9]+%|no capacity|unbounded)"

/* "load/capacity" and the utilization of one person, from one view. */
typedef struct
{
  const char *view;
  char       *hours;
  char       *percent;
} Figures;

static void
check_agree (const char *what,
             Figures    *figures,
             guint       n,
             const char *hours,
             const char *percent)
{
  for (guint i = 0; i < n; i++)
    {
      g_test_message ("%s, %s: %s, %s", what, figures[i].view, figures[i].hours, figures[i].percent);
      if (g_strcmp0 (figures[i].hours, hours) != 0 || g_strcmp0 (figures[i].percent, percent) != 0)
        g_error ("%s: the %s shows %s and %s, the analysis %s and %s", what, figures[i].view,
                 figures[i].hours, figures[i].percent, hours, percent);
      g_free (figures[i].hours);
      g_free (figures[i].percent);
    }
}

static void
check_person (Views                 *views,
              const CtoPersonReport *report)
{
  const char *name = cto_person_get_name (report->person);
  g_autofree char *summary_prefix = g_strconcat ("  ", name, NULL);
  g_autofree char *markdown_prefix = g_strconcat ("| **", name, "** |", NULL);
  g_autofree char *html_prefix = g_strconcat ("<tr><td><strong>", name, "</strong></td>", NULL);
  g_auto(GStrv) summary = g_strsplit (views->summary, "\n", -1);
  const char *summary_row = find_line (summary, "People", summary_prefix);
  const char *markdown_row = find_line (views->markdown, NULL, markdown_prefix);
  const char *html_row = find_line (views->html, NULL, html_prefix);
  g_autofree char *page_row = find_page_row (views->people_pages, name, 4);
  g_autofree char *load = cto_report_format_decimal (report->load);
  g_autofree char *capacity = cto_report_format_decimal (report->capacity);
  g_autofree char *hours = g_strdup_printf ("%s/%s", load, capacity);
  g_autofree char *percent = report->utilization_unbounded
                             ? g_strdup ("unbounded")
                             : cto_report_format_percent (report->utilization);
  Figures figures[] = {
    { "summary", match (NUMBER " / " NUMBER " h", summary_row), match (PERCENT, summary_row) },
    { "Markdown report", match (NUMBER " h of " NUMBER " h", markdown_row), match (PERCENT, markdown_row) },
    { "HTML report", match (NUMBER " h of " NUMBER " h", html_row), match (PERCENT, html_row) },
    { "board pages", match (NUMBER " h of " NUMBER " h", page_row), match (PERCENT, page_row) },
  };

  /* A person of no capacity but some load: each view says so in its words. */
  for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
    if (g_strcmp0 (figures[i].percent, "no capacity") == 0)
      {
        g_free (figures[i].percent);
        figures[i].percent = g_strdup ("unbounded");
      }

  check_agree (name, figures, G_N_ELEMENTS (figures), hours, percent);
}

static void
check_function (Views                   *views,
                const CtoFunctionReport *report)
{
  const char *name = cto_function_get_name (report->function);
  g_autofree char *summary_heading = g_strconcat (name, ": ", NULL);
  g_autofree char *markdown_prefix = g_strconcat ("| ", name, " |", NULL);
  g_autofree char *html_prefix = g_strconcat ("<tr><td>", name, "</td>", NULL);
  g_auto(GStrv) summary = g_strsplit (views->summary, "\n", -1);
  const char *summary_row = find_line (summary, summary_heading, "  Hiring gap");
  const char *markdown_row = find_line (views->markdown, "### Hiring gap", markdown_prefix);
  const char *html_row = find_line (views->html, "<h3>Hiring gap</h3>", html_prefix);
  g_autofree char *page_row = find_page_row (views->gaps_pages, name, 3);
  g_autofree char *hours = cto_report_format_decimal (report->gap_hours);
  g_autofree char *fte = cto_report_format_decimal (report->gap_fte);
  Figures figures[] = {
    { "summary", match (NUMBER " h", summary_row), match (NUMBER " FTE", summary_row) },
    { "Markdown report", match (NUMBER " h", markdown_row), match (NUMBER " FTE", markdown_row) },
    { "HTML report", match (NUMBER " h", html_row), match (NUMBER " FTE", html_row) },
    { "board pages", match (NUMBER " h", page_row), match (NUMBER " FTE", page_row) },
  };

  check_agree (name, figures, G_N_ELEMENTS (figures), hours, fte);
}

static void
check_plan (CtoPlan *plan)
{
  Views views = { 0 };

  views_init (&views, plan);
  for (guint i = 0; i < cto_analysis_get_n_people (views.analysis); i++)
    check_person (&views, cto_analysis_get_person_nth (views.analysis, i));
  for (guint f = 0; f < CTO_N_FUNCTIONS; f++)
    check_function (&views, cto_analysis_get_function (views.analysis, (CtoFunction) f));
  views_clear (&views);
}

static void
test_agree_example (void)
{
  check_plan (load_plan ("acme-robotics.ctoplan.json", TRUE));
}

static void
test_agree_awkward (void)
{
  check_plan (load_plan ("awkward-figures.ctoplan.json", FALSE));
}

/* What the awkward plan's figures are, worked out by hand: two decimals at
 * most, no trailing zeros, whole percentages, half away from zero. */
static void
test_awkward_values (void)
{
  static const struct {
    const char *id;
    const char *load;
    const char *capacity;
    const char *utilization;
  } people[] = {
    { "una", "0.13", "37.5", "0%" },     /* 0.125 h of 37.5 h */
    { "tri1", "13.67", "10", "137%" },   /* 1/3 + 2/3 of 20 */
    { "tri2", "7", "10", "70%" },        /* 1/3 + 1/3 of 20 */
    { "tri3", "0.33", "10", "3%" },      /* 1/3 */
    { "zed", "2", "0", "no capacity" },
    { "hal", "0.38", "0.5", "75%" },     /* 0.375 h of 0.5 h */
  };
  g_autoptr(CtoPlan) plan = load_plan ("awkward-figures.ctoplan.json", FALSE);
  g_autoptr(CtoAnalysis) analysis = cto_analysis_new (plan);
  const CtoFunctionReport *infrastructure = cto_analysis_get_function (analysis, CTO_FUNCTION_INFRASTRUCTURE);
  g_autofree char *gap = cto_report_format_hours (infrastructure->gap_hours);
  g_autofree char *fte = cto_report_format_fte (infrastructure->gap_fte);

  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      const CtoPersonReport *report = cto_analysis_get_person (analysis, cto_plan_find_person (plan, people[i].id));
      g_autofree char *load = cto_report_format_decimal (report->load);
      g_autofree char *capacity = cto_report_format_decimal (report->capacity);
      g_autofree char *utilization = cto_report_format_utilization (report);

      g_assert_cmpstr (load, ==, people[i].load);
      g_assert_cmpstr (capacity, ==, people[i].capacity);
      g_assert_cmpstr (utilization, ==, people[i].utilization);
    }

  /* Tri One's 3 2/3 hours too many, in FTE of 37.5 h. */
  g_assert_cmpstr (gap, ==, "3.67 h");
  g_assert_cmpstr (fte, ==, "0.1 FTE");
}

/* A list in a sentence, whole or cut short. */
static void
test_format_list (void)
{
  g_autoptr(GString) list = g_string_new (NULL);
  g_autofree char *whole = NULL;
  g_autofree char *cut = NULL;
  g_autofree char *one_more = NULL;

  cto_report_format_append_item (list, "Ana");
  cto_report_format_append_item (list, "Bo Lin");
  cto_report_format_append_item (list, "Cy");
  g_assert_cmpstr (list->str, ==, "Ana, Bo Lin, Cy");

  whole = cto_report_format_more (list->str, 0);
  cut = cto_report_format_more (list->str, 4);
  one_more = cto_report_format_more ("Ana", 1);
  g_assert_cmpstr (whole, ==, "Ana, Bo Lin, Cy");
  g_assert_cmpstr (cut, ==, "Ana, Bo Lin, Cy and 4 more");
  g_assert_cmpstr (one_more, ==, "Ana and 1 more");
}

static void
test_format (void)
{
  static const struct {
    double      value;
    const char *decimal;
    const char *percent;   /* of value as a fraction */
  } cases[] = {
    { 0, "0", "0%" },
    { -0.001, "0", "0%" },
    { 0.125, "0.13", "13%" },
    { 1.0 / 3, "0.33", "33%" },
    { 2.0 / 3, "0.67", "67%" },
    { 37.5, "37.5", "3750%" },
    { 1.005, "1", "100%" },   /* 1.005 is 1.00499… in binary */
    { 1.3335, "1.33", "133%" },
    { 40, "40", "4000%" },
    { 1000000, "1000000", "100000000%" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *decimal = cto_report_format_decimal (cases[i].value);
      g_autofree char *percent = cto_report_format_percent (cases[i].value);
      g_autofree char *hours = cto_report_format_hours (cases[i].value);
      g_autofree char *fte = cto_report_format_fte (cases[i].value);
      g_autofree char *expected_hours = g_strdup_printf ("%s h", cases[i].decimal);
      g_autofree char *expected_fte = g_strdup_printf ("%s FTE", cases[i].decimal);

      g_assert_cmpstr (decimal, ==, cases[i].decimal);
      g_assert_cmpstr (percent, ==, cases[i].percent);
      g_assert_cmpstr (hours, ==, expected_hours);
      g_assert_cmpstr (fte, ==, expected_fte);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/figures/format", test_format);
  g_test_add_func ("/figures/format-list", test_format_list);
  g_test_add_func ("/figures/awkward-values", test_awkward_values);
  g_test_add_func ("/figures/agree/example", test_agree_example);
  g_test_add_func ("/figures/agree/awkward", test_agree_awkward);

  return g_test_run ();
}
