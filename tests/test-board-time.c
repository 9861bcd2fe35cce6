/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "cto-analysis.h"
#include "cto-board-pages.h"
#include "cto-plan-diff.h"
#include "cto-plan-io.h"
#include "cto-report-html.h"
#include "cto-report-markdown.h"
#include "cto-timeline.h"
#include "report-test-util.h"

/* The "Hiring plan" page (PLAN-FORMAT.md, section 6) and the "Since the last
 * plan" page (section 7): when they are there, and what they say, on the
 * board pages and in the Markdown and HTML reports. */

#define W CTO_BOARD_PAGE_WIDTH
#define H CTO_BOARD_PAGE_HEIGHT

static CtoPlan *
load_data (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);

  return load_plan (path);
}

/* 14 February 2027: the hiring plan starts with 2027 Q1. */
static GDateTime *
report_date (void)
{
  return g_date_time_new_utc (2027, 2, 14, 12, 0, 0);
}

static CtoBoardPages *
pages_for (CtoAnalysis *analysis)
{
  g_autoptr(GDateTime) date = report_date ();
  CtoBoardPages *pages = cto_board_pages_new (analysis);

  cto_board_pages_set_date (pages, date);
  return pages;
}

/* @text without the Unicode isolates around plan text. */
static char *
without_isolates (const char *text)
{
  g_autoptr(GString) out = g_string_new (text);

  g_string_replace (out, "\xe2\x81\xa8", "", 0);
  g_string_replace (out, "\xe2\x81\xa9", "", 0);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static guint
count_kind (CtoBoardPages    *pages,
            CtoBoardPageKind  kind)
{
  guint count = 0;

  for (guint i = 0; i < cto_board_pages_get_n_pages (pages, W, H); i++)
    count += cto_board_pages_get_page_kind (pages, W, H, i) == kind;

  return count;
}

/* The text of every page of @kind, one string a line, isolates left out. */
static char *
kind_text (CtoBoardPages    *pages,
           CtoBoardPageKind  kind)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < cto_board_pages_get_n_pages (pages, W, H); i++)
    if (cto_board_pages_get_page_kind (pages, W, H, i) == kind)
      {
        g_autofree char *page = cto_board_pages_get_page_text (pages, W, H, i);
        g_autofree char *clean = without_isolates (page);

        g_string_append (text, clean);
      }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static int
line_index (char       **lines,
            const char  *line,
            int          from)
{
  for (int i = MAX (from, 0); lines[i] != NULL; i++)
    if (strcmp (lines[i], line) == 0)
      return i;

  return -1;
}

/* Hiring plan --------------------------------------------------------------- */

static void
test_hiring_page (void)
{
  g_autoptr(CtoPlan) plan = load_data ("time-plan.json");
  g_autoptr(CtoAnalysis) analysis = cto_analysis_new (plan);
  g_autoptr(CtoBoardPages) pages = pages_for (analysis);
  g_autofree char *text = kind_text (pages, CTO_BOARD_PAGE_HIRING);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  GDate from;
  g_autoptr(CtoTimeline) timeline = NULL;
  guint n = cto_board_pages_get_n_pages (pages, W, H);
  int at;

  /* The seven pages of every plan (the last the key-person risk), then the
   * hiring plan last. */
  g_assert_cmpuint (n, ==, 8);
  g_assert_cmpuint (count_kind (pages, CTO_BOARD_PAGE_HIRING), ==, 1);
  g_assert_cmpuint (cto_board_pages_find_page (pages, W, H, CTO_BOARD_PAGE_HIRING), ==, 7);
  g_assert_cmpint (cto_board_pages_get_page_kind (pages, W, H, 7), ==, CTO_BOARD_PAGE_HIRING);
  g_assert_cmpstr (lines[0], ==, "Hiring plan");
  g_assert_true (g_str_has_suffix (text, "\nAcme over time · 14 February 2027\nPage 8 of 8\n"));
  g_assert_cmpstr (lines[1], ==, "From 2027 Q1 to 2028 Q4, each quarter as of its first day, as "
                                 "people start and leave");

  /* Each quarter's row says what the timeline says, in words: its people,
   * each function's status and bus factor, the hiring gap. */
  g_date_clear (&from, 1);
  g_date_set_dmy (&from, 14, 2, 2027);
  timeline = cto_timeline_new (plan, &from);
  at = 0;
  for (guint q = 0; q < cto_timeline_get_n_quarters (timeline); q++)
    {
      const CtoTimelineQuarter *quarter = cto_timeline_get_quarter (timeline, q);
      g_autofree char *people = g_strdup_printf ("%u", quarter->n_people);

      at = line_index (lines, quarter->label, at);
      g_assert_cmpint (at, >, 0);
      g_assert_cmpstr (lines[at + 1], ==, people);
      for (guint f = 0; f < CTO_N_FUNCTIONS; f++)
        {
          const CtoTimelineFunction *function = &quarter->functions[f];
          const CtoFunctionReport *report = cto_analysis_get_function (quarter->analysis,
                                                                       (CtoFunction) f);
          /* What the coverage page flags, flagged in each quarter too. */
          const char *why = function->overloaded ? ", overloaded"
                            : cto_function_report_rests_on_one_person (report) ? ", one person"
                            : cto_function_report_rests_on_hires_alone (report) ? ", hires only"
                            : "";
          g_autofree char *bus = g_strdup_printf ("Bus factor %u%s", function->bus_factor, why);

          g_assert_cmpstr (lines[at + 2 + 2 * f], ==, cto_coverage_get_name (function->status));
          g_assert_cmpstr (lines[at + 3 + 2 * f], ==, bus);
        }
    }

  /* Worked out by hand: from 2027 Q3 Bo Lin has left, and nobody else
   * carries Cloud; Support waits for its hire until 2027 Q2. */
  at = line_index (lines, "2027 Q3", 0);
  g_assert_cmpstr (lines[at + 4], ==, "Partly covered");
  g_assert_cmpstr (lines[at + 5], ==, "Bus factor 1, one person");
  at = line_index (lines, "2027 Q1", 0);
  g_assert_cmpstr (lines[at + 1], ==, "3");
  g_assert_cmpstr (lines[at + 10], ==, "20 h");
  g_assert_cmpstr (lines[at + 11], ==, "0.5 FTE");

  /* Who starts and who leaves, by quarter. */
  at = line_index (lines, "Starting and leaving", 0);
  g_assert_cmpint (at, >, 0);
  g_assert_cmpstr (lines[at + 1], ==, "2027 Q2");
  g_assert_cmpstr (lines[at + 2], ==, "Starting");
  g_assert_cmpstr (lines[at + 3], ==, "Support lead (open role)");
  g_assert_cmpstr (lines[at + 4], ==, "2027 Q3");
  g_assert_cmpstr (lines[at + 5], ==, "Leaving");
  g_assert_cmpstr (lines[at + 6], ==, "Bo Lin");
  g_assert_cmpstr (lines[at + 7], ==, "2027 Q4");
  g_assert_cmpstr (lines[at + 8], ==, "Leaving");
  g_assert_cmpstr (lines[at + 9], ==, "Dana Wu");
  /* Eve Ito starts in 2029, after the eighth quarter. */
  g_assert_null (strstr (text, "Eve Ito"));
}

/* The quarters start with the pages' date. */
static void
test_hiring_follows_date (void)
{
  g_autoptr(CtoPlan) plan = load_data ("time-plan.json");
  g_autoptr(CtoAnalysis) analysis = cto_analysis_new (plan);
  g_autoptr(CtoBoardPages) pages = pages_for (analysis);
  g_autoptr(GDateTime) later = g_date_time_new_utc (2029, 4, 1, 0, 0, 0);
  g_autofree char *text = NULL;

  cto_board_pages_set_date (pages, later);
  text = kind_text (pages, CTO_BOARD_PAGE_HIRING);
  g_assert_nonnull (strstr (text, "\n2029 Q2\n"));
  g_assert_null (strstr (text, "2027 Q1"));
  g_assert_nonnull (strstr (text, "\nEve Ito\n"));
}

/* The pages of the plan as of a day have the same hiring plan as the whole
 * plan's: its quarters count everyone, also those not there on that day
 * (Bo, gone by 1 July 2027, leaves in 2027 Q3; the support lead starts in
 * 2027 Q2). Only its foot says which day, as every page's does. */
static void
test_hiring_as_of (void)
{
  g_autoptr(CtoPlan) plan = load_data ("time-plan.json");
  g_autoptr(CtoAnalysis) analysis = cto_analysis_new (plan);
  g_autoptr(CtoBoardPages) pages = pages_for (analysis);
  GDate day;
  g_autoptr(CtoPlan) as_of = NULL;
  g_autoptr(CtoAnalysis) as_of_analysis = NULL;
  g_autoptr(CtoBoardPages) as_of_pages = NULL;
  g_autofree char *whole_text = NULL;
  g_autofree char *as_of_text = NULL;
  char *foot;

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 1, 7, 2027);
  as_of = cto_plan_copy_as_of (plan, &day);
  g_assert_true (cto_plan_get_whole (as_of) == plan);
  g_assert_true (cto_plan_get_whole (plan) == plan);
  as_of_analysis = cto_analysis_new (as_of);
  as_of_pages = pages_for (as_of_analysis);
  whole_text = kind_text (pages, CTO_BOARD_PAGE_HIRING);
  as_of_text = kind_text (as_of_pages, CTO_BOARD_PAGE_HIRING);
  g_assert_nonnull (strstr (as_of_text, "\nBo Lin\n"));
  g_assert_nonnull (strstr (as_of_text, "\nSupport lead (open role)\n"));
  foot = strstr (as_of_text, "\nAcme over time · as of 1 July 2027 · 14 February 2027\n");
  g_assert_nonnull (foot);
  *foot = '\0';
  g_assert_true (g_str_has_prefix (whole_text, as_of_text));
  g_assert_true (g_str_has_suffix (whole_text, "\nAcme over time · 14 February 2027\nPage 8 of 8\n"));
}

/* Every page of the plan as of a day says which day: people not there
 * then are missing from each of them. */
static void
test_as_of_every_page (void)
{
  g_autoptr(CtoPlan) plan = load_data ("time-plan.json");
  g_autoptr(CtoPlan) as_of = NULL;
  g_autoptr(CtoAnalysis) analysis = NULL;
  g_autoptr(CtoBoardPages) pages = NULL;
  GDate day;
  guint n;

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 1, 7, 2027);
  /* A title too long for the foot is cut there, not the day after it. */
  cto_plan_set_title (plan, "The plan for the board meeting of the Acme Robotics group of companies, "
                            "fiscal year 2027, draft seven, reviewed by the whole leadership team");
  as_of = cto_plan_copy_as_of (plan, &day);
  analysis = cto_analysis_new (as_of);
  pages = pages_for (analysis);
  n = cto_board_pages_get_n_pages (pages, W, H);
  g_assert_cmpuint (n, >, 5);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = cto_board_pages_get_page_text (pages, W, H, i);

      if (strstr (text, "As of 1 July 2027") == NULL && strstr (text, " · as of 1 July 2027 · ") == NULL)
        g_error ("page %u does not say the day it shows:\n%s", i + 1, text);
      if (i > 0 && strstr (text, "…\u2069 · as of 1 July 2027 · 14 February 2027\n") == NULL)
        g_error ("page %u does not cut the title in its foot:\n%s", i + 1, text);
    }
}

static void
test_hiring_none_without_dates (void)
{
  g_autoptr(CtoPlan) plan = load_example ();
  g_autoptr(CtoAnalysis) analysis = cto_analysis_new (plan);
  g_autoptr(CtoBoardPages) pages = pages_for (analysis);
  g_autoptr(GDateTime) date = report_date ();
  g_autofree char *markdown = NULL;
  g_autofree char *html = NULL;
  GDate start;

  /* The example's seven pages (the last the key-person risk), no hiring plan. */
  g_assert_cmpuint (cto_board_pages_get_n_pages (pages, W, H), ==, 7);
  g_assert_cmpuint (count_kind (pages, CTO_BOARD_PAGE_HIRING), ==, 0);
  /* A kind without pages is found where it would be: here, past the end. */
  g_assert_cmpuint (cto_board_pages_find_page (pages, W, H, CTO_BOARD_PAGE_HIRING), ==, 6);
  markdown = cto_report_markdown (analysis, date, NULL);
  html = cto_report_html (analysis, date, NULL);
  g_assert_null (strstr (markdown, "Hiring plan"));
  g_assert_null (strstr (html, "Hiring plan"));

  /* One date is enough. */
  g_date_clear (&start, 1);
  g_date_set_dmy (&start, 1, 6, 2027);
  {
    g_autoptr(CtoPerson) first = g_list_model_get_item (cto_plan_get_people (plan), 0);

    g_assert_true (cto_plan_set_person_dates (plan, first, &start, NULL, NULL));
  }
  g_assert_cmpuint (count_kind (pages, CTO_BOARD_PAGE_HIRING), ==, 1);
}

/* Many people starting in one quarter: the names go on to further pages,
 * every one of them there. */
static void
test_hiring_long (void)
{
  g_autoptr(CtoPlan) plan = cto_plan_new ();
  g_autoptr(CtoAnalysis) analysis = cto_analysis_new (plan);
  g_autoptr(CtoBoardPages) pages = pages_for (analysis);
  g_autofree char *text = NULL;
  g_autofree char *title = NULL;
  GDate start;

  g_date_clear (&start, 1);
  g_date_set_dmy (&start, 1, 5, 2027);
  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *id = g_strdup_printf ("p%u", i);
      g_autofree char *name = g_strdup_printf ("Person number %u", i);
      CtoPerson *person = add_person (plan, id, name, "", 40, FALSE, NULL);

      g_assert_true (cto_plan_set_person_dates (plan, person, &start, NULL, NULL));
    }

  g_assert_cmpuint (count_kind (pages, CTO_BOARD_PAGE_HIRING), >, 1);
  title = cto_board_pages_get_page_title (pages, W, H,
                                          cto_board_pages_find_page (pages, W, H, CTO_BOARD_PAGE_HIRING) + 1);
  g_assert_true (g_str_has_prefix (title, "Hiring plan (2 of "));
  text = kind_text (pages, CTO_BOARD_PAGE_HIRING);
  g_assert_nonnull (strstr (text, "Starting and leaving (continued)"));
  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *name = g_strdup_printf ("Person number %u,", i);
      g_autofree char *last = g_strdup_printf ("Person number %u\n", i);

      g_assert_true (strstr (text, name) != NULL || strstr (text, last) != NULL);
    }
}

/* Names in a right-to-left script among others in a line of who starts:
 * each name isolated, as on every other page, so that the line keeps the
 * plan's order from left to right and its commas between the names. */
static void
test_hiring_right_to_left_names (void)
{
  g_autoptr(CtoPlan) plan = cto_plan_new ();
  g_autoptr(CtoAnalysis) analysis = cto_analysis_new (plan);
  g_autoptr(CtoBoardPages) pages = pages_for (analysis);
  g_autofree char *text = NULL;
  GDate start;

  g_date_clear (&start, 1);
  g_date_set_dmy (&start, 1, 5, 2027);
  g_assert_true (cto_plan_set_person_dates (plan, add_person (plan, "ravi", "رافي مينون", "", 40, FALSE, NULL),
                                            &start, NULL, NULL));
  g_assert_true (cto_plan_set_person_dates (plan, add_person (plan, "bo", "Bo Lin", "", 40, FALSE, NULL),
                                            &start, NULL, NULL));

  text = cto_board_pages_get_page_text (pages, W, H,
                                        cto_board_pages_find_page (pages, W, H, CTO_BOARD_PAGE_HIRING));
  g_assert_nonnull (strstr (text, "\n\u2068رافي مينون\u2069, \u2068Bo Lin\u2069\n"));
}

/* Since the last plan ------------------------------------------------------- */

/* The line under the heading of "Since the last plan" against @baseline,
 * set afresh: the pages do not follow edits of the baseline. */
static char *
since_subtitle (CtoBoardPages *pages,
                CtoPlan       *baseline)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  cto_board_pages_set_baseline (pages, NULL);
  cto_board_pages_set_baseline (pages, baseline);
  text = kind_text (pages, CTO_BOARD_PAGE_SINCE);
  lines = g_strsplit (text, "\n", -1);
  g_assert_nonnull (lines[0]);
  g_assert_nonnull (lines[1]);

  return g_strdup (lines[1]);
}

static void
test_since_page (void)
{
  g_autoptr(CtoPlan) old_plan = load_data ("diff-old.json");
  g_autoptr(CtoPlan) new_plan = load_data ("diff-new.json");
  g_autoptr(CtoAnalysis) analysis = cto_analysis_new (new_plan);
  g_autoptr(CtoBoardPages) pages = pages_for (analysis);
  guint n = cto_board_pages_get_n_pages (pages, W, H);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  int at;

  g_assert_cmpuint (count_kind (pages, CTO_BOARD_PAGE_SINCE), ==, 0);
  g_assert_null (cto_board_pages_get_baseline (pages));
  cto_board_pages_set_baseline (pages, old_plan);
  g_assert_true (cto_board_pages_get_baseline (pages) == old_plan);
  g_assert_cmpuint (cto_board_pages_get_n_pages (pages, W, H), ==, n + 1);
  /* Right after the title page. */
  g_assert_cmpint (cto_board_pages_get_page_kind (pages, W, H, 1), ==, CTO_BOARD_PAGE_SINCE);
  g_assert_cmpint (cto_board_pages_get_page_kind (pages, W, H, 2), ==, CTO_BOARD_PAGE_COVERAGE);

  text = kind_text (pages, CTO_BOARD_PAGE_SINCE);
  lines = g_strsplit (text, "\n", -1);
  g_assert_cmpstr (lines[0], ==, "Since the last plan");
  g_assert_true (g_str_has_suffix (text, "\nAcme after · 14 February 2027\nPage 2 of 9\n"));
  g_assert_cmpstr (lines[1], ==, "Compared with “Acme before”. People: 1 added, 1 removed, 2 changed; "
                                 "Responsibilities: 2 added, 1 removed, 2 changed");

  /* Each function before → after, worked out by hand: Planning gains
   * Licences, which nobody carries; Infrastructure's Cloud goes to Eve Ito
   * at 12 of her 12 hours; Thinker's Strategy rests on Ana Pérez alone. */
  at = line_index (lines, "Planning", 0);
  g_assert_cmpstr (lines[at + 1], ==, "Covered → Partly covered");
  g_assert_cmpstr (lines[at + 2], ==, "2 (unchanged)");
  g_assert_cmpstr (lines[at + 3], ==, "0 h → 3 h");
  g_assert_cmpstr (lines[at + 4], ==, "no (unchanged)");
  at = line_index (lines, "Thinker", 0);
  g_assert_cmpstr (lines[at + 1], ==, "Covered (unchanged)");
  g_assert_cmpstr (lines[at + 2], ==, "2 → 1");

  /* What was added, removed and changed, and how. */
  at = line_index (lines, "People", 0);
  g_assert_cmpint (at, >, 0);
  g_assert_cmpstr (lines[at + 1], ==, "Added: Data lead (open role)");
  g_assert_cmpstr (lines[at + 2], ==, "Removed: Dana Wu");
  g_assert_cmpstr (lines[at + 3], ==, "Changed: Eve Ito");
  g_assert_cmpstr (lines[at + 4], ==, "Name: “Support lead” → “Eve Ito”");
  g_assert_cmpstr (lines[at + 5], ==, "Capacity: 40 h → 12 h");
  at = line_index (lines, "Responsibilities", 0);
  g_assert_cmpint (at, >, 0);
  g_assert_cmpint (line_index (lines, "Removed: Fax", at), >, at);
  g_assert_cmpint (line_index (lines, "Effort: 8 h → 12 h", at), >, at);
  g_assert_cmpint (line_index (lines, "Carried by: Bo Lin → Eve Ito", at), >, at);

  /* A saved copy of the same plan bears its title: it is named as an
   * earlier version, not as the plan compared with itself. */
  {
    g_autoptr(CtoPlan) copy = cto_plan_copy (new_plan);
    g_autofree char *same = since_subtitle (pages, copy);
    g_autofree char *retitled = NULL;
    g_autofree char *changed = NULL;

    g_assert_cmpstr (same, ==,
                     "Compared with an earlier version of this plan: the same people and responsibilities");

    cto_plan_set_title (copy, "Acme before");
    retitled = since_subtitle (pages, copy);
    g_assert_cmpstr (retitled, ==, "Compared with “Acme before”: the same people and responsibilities");

    cto_plan_set_title (copy, cto_plan_get_title (new_plan));
    cto_plan_remove_person (copy, cto_plan_find_person (copy, "hire-2"));
    changed = since_subtitle (pages, copy);
    g_assert_true (g_str_has_prefix (changed, "Compared with an earlier version of this plan. People: 1 added"));
    cto_board_pages_set_baseline (pages, NULL);
  }

  /* Without the baseline, the page goes. */
  cto_board_pages_set_baseline (pages, NULL);
  g_assert_cmpuint (cto_board_pages_get_n_pages (pages, W, H), ==, n);
  g_assert_cmpuint (count_kind (pages, CTO_BOARD_PAGE_SINCE), ==, 0);
  g_assert_cmpuint (cto_board_pages_find_page (pages, W, H, CTO_BOARD_PAGE_SINCE), ==, 1);
}

/* Managers by name, each side as its own plan names them, the old one
 * though gone from the new plan; days in words. On the page and in the
 * Markdown report alike. */
static void
test_since_people_in_words (void)
{
  g_autoptr(CtoPlan) old_plan = load_data ("diff-managers-old.json");
  g_autoptr(CtoPlan) new_plan = load_data ("diff-managers-new.json");
  g_autoptr(CtoAnalysis) analysis = cto_analysis_new (new_plan);
  g_autoptr(CtoBoardPages) pages = pages_for (analysis);
  g_autoptr(GDateTime) date = report_date ();
  g_autofree char *text = NULL;
  g_autofree char *markdown = NULL;
  g_auto(GStrv) lines = NULL;
  int sam, kim, lou;

  cto_board_pages_set_baseline (pages, old_plan);
  text = kind_text (pages, CTO_BOARD_PAGE_SINCE);
  lines = g_strsplit (text, "\n", -1);
  /* Each change's lines follow it, in the same column: a column never ends
   * between them (no "People (continued)" between Sam's lines). */
  sam = line_index (lines, "Changed: Sam Lee", 0);
  kim = line_index (lines, "Changed: Kim Park", sam);
  lou = line_index (lines, "Changed: Lou Chen", kim);
  g_assert_cmpint (sam, >, 0);
  g_assert_cmpint (kim, >, sam);
  g_assert_cmpint (lou, >, kim);
  g_assert_cmpint (line_index (lines, "Reports to: Ravi Menon → Mia Okafor", sam), ==, sam + 1);
  g_assert_cmpint (line_index (lines, "Starts: 15 March 2026 → 1 April 2026", sam), ==, sam + 2);
  g_assert_cmpint (line_index (lines, "Leaves: no date → 3 January 2027", sam), ==, sam + 3);
  g_assert_cmpint (line_index (lines, "Reports to: Support lead → no one", kim), ==, kim + 1);
  g_assert_cmpint (line_index (lines, "Reports to: no one → Eve Ito", lou), ==, lou + 1);

  markdown = cto_report_markdown_with_baseline (analysis, old_plan, date, NULL);
  g_assert_nonnull (strstr (markdown, "- Changed: Sam Lee — Reports to: Ravi Menon → Mia Okafor; "
                                      "Starts: 15 March 2026 → 1 April 2026; "
                                      "Leaves: no date → 3 January 2027\n"));
}

static void
count_cb (guint *count)
{
  (*count)++;
}

/* The page follows edits of the plan, and setting a baseline is a change. */
static void
test_since_follows (void)
{
  g_autoptr(CtoPlan) old_plan = load_data ("diff-old.json");
  g_autoptr(CtoPlan) new_plan = load_data ("diff-old.json");
  g_autoptr(CtoAnalysis) analysis = cto_analysis_new (new_plan);
  g_autoptr(CtoBoardPages) pages = pages_for (analysis);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  guint changed = 0;

  g_signal_connect_swapped (pages, "changed", G_CALLBACK (count_cb), &changed);
  cto_board_pages_set_baseline (pages, old_plan);
  g_assert_cmpuint (changed, ==, 1);
  cto_board_pages_set_baseline (pages, old_plan);
  g_assert_cmpuint (changed, ==, 1);

  before = kind_text (pages, CTO_BOARD_PAGE_SINCE);
  g_assert_nonnull (strstr (before, "the same people and responsibilities"));
  g_assert_nonnull (strstr (before, "\nNo changes.\n"));

  add_person (new_plan, "zoe", "Zoe Kim", "", 40, FALSE, NULL);
  after = kind_text (pages, CTO_BOARD_PAGE_SINCE);
  g_assert_nonnull (strstr (after, "\nAdded: Zoe Kim\n"));
}

/* Everything changed: the lists go on to further pages. */
static void
test_since_long (void)
{
  g_autoptr(CtoPlan) old_plan = cto_plan_new ();
  g_autoptr(CtoPlan) new_plan = make_large_plan (60);
  g_autoptr(CtoAnalysis) analysis = cto_analysis_new (new_plan);
  g_autoptr(CtoBoardPages) pages = pages_for (analysis);
  g_autofree char *title = NULL;
  g_autofree char *text = NULL;
  GListModel *people = cto_plan_get_people (new_plan);

  cto_board_pages_set_baseline (pages, old_plan);
  g_assert_cmpuint (count_kind (pages, CTO_BOARD_PAGE_SINCE), >, 1);
  title = cto_board_pages_get_page_title (pages, W, H, 2);
  g_assert_true (g_str_has_prefix (title, "Since the last plan (2 of "));
  for (guint i = 1; i < cto_board_pages_get_n_pages (pages, W, H); i++)
    g_assert_cmpint (cto_board_pages_get_page_kind (pages, W, H, i - 1), <=,
                     cto_board_pages_get_page_kind (pages, W, H, i));

  text = kind_text (pages, CTO_BOARD_PAGE_SINCE);
  g_assert_true (strstr (text, "People (continued)") != NULL ||
                 strstr (text, "Responsibilities (continued)") != NULL);
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(CtoPerson) person = g_list_model_get_item (people, i);
      g_autofree char *line = g_strdup_printf ("\nAdded: %s", cto_person_get_name (person));

      g_assert_nonnull (strstr (text, line));
    }
  /* Every page of it at a portrait size and a wide screen too. */
  g_assert_cmpuint (cto_board_pages_get_n_pages (pages, A4_H, A4_W), >, 6);
  g_assert_cmpuint (cto_board_pages_get_n_pages (pages, 1920, 1080), >, 6);
}

/* The reports ---------------------------------------------------------------- */

static void
test_reports (void)
{
  g_autoptr(CtoPlan) old_plan = load_data ("diff-old.json");
  g_autoptr(CtoPlan) new_plan = load_data ("diff-new.json");
  g_autoptr(CtoAnalysis) analysis = cto_analysis_new (new_plan);
  g_autoptr(GDateTime) date = report_date ();
  g_autofree char *markdown = cto_report_markdown_with_baseline (analysis, old_plan, date, NULL);
  g_autofree char *plain = cto_report_markdown (analysis, date, NULL);
  g_autofree char *html = cto_report_html_with_baseline (analysis, old_plan, date, NULL);
  const char *since;
  const char *coverage;
  const char *hiring;

  check_markdown_tables (markdown);
  check_html_tags (html);

  /* Since the last plan after the title, before the coverage; the hiring
   * plan (diff-new.json has a date) last. */
  since = strstr (markdown, "\n## Since the last plan\n");
  coverage = strstr (markdown, "\n## Coverage at a glance\n");
  hiring = strstr (markdown, "\n## Hiring plan\n");
  g_assert_nonnull (since);
  g_assert_nonnull (coverage);
  g_assert_nonnull (hiring);
  g_assert_true (since < coverage && coverage < hiring);
  g_assert_nonnull (strstr (markdown, "- Added: Data lead (open role)\n"));
  g_assert_nonnull (strstr (markdown, "- Changed: Cloud — Effort: 8 h → 12 h; "
                                      "Carried by: Bo Lin → Eve Ito\n"));
  g_assert_nonnull (strstr (markdown, "● Covered → ◐ Partly covered"));
  g_assert_nonnull (strstr (markdown, "| 2027 Q1 |"));

  g_assert_null (strstr (plain, "Since the last plan"));
  g_assert_nonnull (strstr (plain, "\n## Hiring plan\n"));

  g_assert_nonnull (strstr (html, "Since the last plan</h2>"));
  g_assert_nonnull (strstr (html, "Hiring plan</h2>"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/board-time/hiring/page", test_hiring_page);
  g_test_add_func ("/board-time/hiring/as-of", test_hiring_as_of);
  g_test_add_func ("/board-time/as-of/every-page", test_as_of_every_page);
  g_test_add_func ("/board-time/hiring/follows-date", test_hiring_follows_date);
  g_test_add_func ("/board-time/hiring/none-without-dates", test_hiring_none_without_dates);
  g_test_add_func ("/board-time/hiring/long", test_hiring_long);
  g_test_add_func ("/board-time/hiring/right-to-left-names", test_hiring_right_to_left_names);
  g_test_add_func ("/board-time/since/page", test_since_page);
  g_test_add_func ("/board-time/since/people-in-words", test_since_people_in_words);
  g_test_add_func ("/board-time/since/follows", test_since_follows);
  g_test_add_func ("/board-time/since/long", test_since_long);
  g_test_add_func ("/board-time/reports", test_reports);

  return g_test_run ();
}
