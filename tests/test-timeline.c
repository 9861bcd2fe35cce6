/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "cto-date.h"
#include "cto-plan-io.h"
#include "cto-report-format.h"
#include "cto-report-summary.h"
#include "cto-report-timeline.h"
#include "cto-timeline.h"
#include "plan-generator.h"

/* The plan over eight quarters (PLAN-FORMAT.md, section 6). */

#define N_GENERATED 200

static CtoPlan *
load_data_plan (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  CtoPlan *plan = cto_plan_io_load_file (file, NULL, &error);

  g_assert_no_error (error);
  return plan;
}

static char *
read_data (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static GDate
day (const char *text)
{
  GDate date;

  g_assert_true (cto_date_parse (text, &date));
  return date;
}

static char *
summary_of (CtoPlan *plan)
{
  g_autoptr(CtoAnalysis) analysis = cto_analysis_new (plan);

  return cto_report_summary_json (analysis);
}

/* The hand-made plan: people start and leave inside quarters and on their
 * first days; the expected JSON was worked out by hand. */
static void
test_hand_made (void)
{
  g_autoptr(CtoPlan) plan = load_data_plan ("time-plan.json");
  GDate from = day ("2027-02-14");
  g_autoptr(CtoTimeline) timeline = cto_timeline_new (plan, &from);
  g_autofree char *json = cto_report_timeline_json (timeline);
  g_autofree char *expected = read_data ("timeline-time-plan.json");

  g_assert_cmpstr (json, ==, expected);
  g_assert_true (cto_timeline_has_dates (timeline));
}

/* Days in words for people, the month in full or cut short; in English
 * here (the tests run in C.UTF-8). */
static void
test_date_words (void)
{
  GDate first = day ("2027-04-01");
  GDate leap = day ("2028-02-29");
  g_autofree char *first_long = cto_date_format_long (&first);
  g_autofree char *first_short = cto_date_format_short (&first);
  g_autofree char *leap_long = cto_date_format_long (&leap);
  g_autofree char *leap_short = cto_date_format_short (&leap);

  g_assert_cmpstr (first_long, ==, "1 April 2027");
  g_assert_cmpstr (first_short, ==, "1 Apr 2027");
  g_assert_cmpstr (leap_long, ==, "29 February 2028");
  g_assert_cmpstr (leap_short, ==, "29 Feb 2028");
}

static void
test_labels (void)
{
  static const struct {
    const char *from;
    const char *first_label;
    const char *first_day;
    const char *last_label;
  } cases[] = {
    { "2027-01-01", "2027 Q1", "2027-01-01", "2028 Q4" },
    { "2027-03-31", "2027 Q1", "2027-01-01", "2028 Q4" },
    { "2027-04-01", "2027 Q2", "2027-04-01", "2029 Q1" },
    { "2027-12-31", "2027 Q4", "2027-10-01", "2029 Q3" },
    { "2028-02-29", "2028 Q1", "2028-01-01", "2029 Q4" },
  };
  g_autoptr(CtoPlan) plan = cto_plan_new ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate from = day (cases[i].from);
      g_autoptr(CtoTimeline) timeline = cto_timeline_new (plan, &from);
      const CtoTimelineQuarter *first = cto_timeline_get_quarter (timeline, 0);
      const CtoTimelineQuarter *last = cto_timeline_get_quarter (timeline, CTO_TIMELINE_N_QUARTERS - 1);
      g_autofree char *first_day = cto_date_to_string (&first->as_of);

      g_assert_cmpuint (cto_timeline_get_n_quarters (timeline), ==, 8);
      g_assert_cmpstr (first->label, ==, cases[i].first_label);
      g_assert_cmpstr (first_day, ==, cases[i].first_day);
      g_assert_cmpstr (last->label, ==, cases[i].last_label);
      g_assert_false (cto_timeline_has_dates (timeline));
    }
}

/* Without --from, the quarter of today, or of the day SOURCE_DATE_EPOCH names. */
static void
test_default_from (void)
{
  g_autoptr(CtoPlan) plan = cto_plan_new ();
  g_autoptr(CtoTimeline) timeline = NULL;
  g_autofree char *old = g_strdup (g_getenv ("SOURCE_DATE_EPOCH"));

  /* 2027-08-15 12:00 UTC */
  g_setenv ("SOURCE_DATE_EPOCH", "1818244800", TRUE);
  timeline = cto_timeline_new (plan, NULL);
  g_assert_cmpstr (cto_timeline_get_quarter (timeline, 0)->label, ==, "2027 Q3");

  if (old != NULL)
    g_setenv ("SOURCE_DATE_EPOCH", old, TRUE);
  else
    g_unsetenv ("SOURCE_DATE_EPOCH");
}

/* A plan without dates is the same plan in every quarter. */
static void
test_no_dates_identical (void)
{
  for (guint32 seed = 1; seed <= N_GENERATED; seed++)
    {
      g_autoptr(CtoPlan) plan = plan_generator_new (seed, FALSE);
      GDate from = day ("2026-11-05");
      g_autoptr(CtoTimeline) timeline = cto_timeline_new (plan, &from);
      g_autofree char *whole = summary_of (plan);
      guint n_people = g_list_model_get_n_items (cto_plan_get_people (plan));
      const CtoTimelineQuarter *first = cto_timeline_get_quarter (timeline, 0);

      for (guint q = 0; q < CTO_TIMELINE_N_QUARTERS; q++)
        {
          const CtoTimelineQuarter *quarter = cto_timeline_get_quarter (timeline, q);
          g_autofree char *summary = cto_report_summary_json (quarter->analysis);

          g_assert_cmpuint (quarter->n_people, ==, n_people);
          g_assert_cmpuint (quarter->starting->len, ==, 0);
          g_assert_cmpuint (quarter->leaving->len, ==, 0);
          g_assert_cmpstr (summary, ==, whole);
          for (guint f = 0; f < CTO_N_FUNCTIONS; f++)
            {
              g_assert_cmpint (quarter->functions[f].status, ==, first->functions[f].status);
              g_assert_cmpuint (quarter->functions[f].bus_factor, ==, first->functions[f].bus_factor);
              g_assert_cmpfloat (quarter->functions[f].gap_hours, ==, first->functions[f].gap_hours);
              g_assert_cmpfloat (quarter->functions[f].gap_fte, ==, first->functions[f].gap_fte);
            }
        }
    }
}

/* Each quarter is the plan as of its first day, and each person with a day
 * in the eight quarters starts or leaves in exactly the one that holds it. */
static void
test_quarters_as_of (void)
{
  for (guint32 seed = 1; seed <= N_GENERATED; seed++)
    {
      g_autoptr(CtoPlan) plan = plan_generator_new (seed, TRUE);
      GDate from = day ("2026-05-20");
      g_autoptr(CtoTimeline) timeline = cto_timeline_new (plan, &from);
      GListModel *people = cto_plan_get_people (plan);
      const CtoTimelineQuarter *first = cto_timeline_get_quarter (timeline, 0);
      const CtoTimelineQuarter *last = cto_timeline_get_quarter (timeline, CTO_TIMELINE_N_QUARTERS - 1);

      for (guint q = 0; q < CTO_TIMELINE_N_QUARTERS; q++)
        {
          const CtoTimelineQuarter *quarter = cto_timeline_get_quarter (timeline, q);
          g_autoptr(CtoPlan) as_of = cto_plan_copy_as_of (plan, &quarter->as_of);
          g_autofree char *expected = summary_of (as_of);
          g_autofree char *summary = cto_report_summary_json (quarter->analysis);

          g_assert_cmpstr (summary, ==, expected);
          g_assert_cmpuint (quarter->n_people, ==, g_list_model_get_n_items (cto_plan_get_people (as_of)));
        }

      for (guint i = 0; i < g_list_model_get_n_items (people); i++)
        {
          g_autoptr(CtoPerson) person = g_list_model_get_item (people, i);
          const GDate *start = cto_person_get_start (person);
          const GDate *end = cto_person_get_end (person);
          guint n_starting = 0;
          guint n_leaving = 0;
          gboolean start_inside = start != NULL && g_date_compare (start, &first->as_of) >= 0 &&
                                  g_date_compare (start, &last->next) < 0;
          gboolean end_inside = end != NULL && g_date_compare (end, &first->as_of) >= 0 &&
                                g_date_compare (end, &last->next) < 0;

          for (guint q = 0; q < CTO_TIMELINE_N_QUARTERS; q++)
            {
              const CtoTimelineQuarter *quarter = cto_timeline_get_quarter (timeline, q);

              n_starting += g_ptr_array_find (quarter->starting, person, NULL);
              n_leaving += g_ptr_array_find (quarter->leaving, person, NULL);
            }

          g_assert_cmpuint (n_starting, ==, start_inside ? 1 : 0);
          g_assert_cmpuint (n_leaving, ==, end_inside ? 1 : 0);
        }
    }
}

/* The plan as of a day before every start is the plan without those people
 * (and without those gone by then), as if each of them left. */
static void
test_before_starts_equals_without (void)
{
  for (guint32 seed = 1; seed <= N_GENERATED; seed++)
    {
      g_autoptr(CtoPlan) plan = plan_generator_new (seed, TRUE);
      GListModel *people = cto_plan_get_people (plan);
      g_autoptr(GPtrArray) away = g_ptr_array_new ();
      GDate before;
      gboolean any_start = FALSE;
      g_autoptr(CtoPlan) as_of = NULL;
      g_autoptr(CtoPlan) without = NULL;
      g_autofree char *a = NULL;
      g_autofree char *b = NULL;

      g_date_clear (&before, 1);
      for (guint i = 0; i < g_list_model_get_n_items (people); i++)
        {
          g_autoptr(CtoPerson) person = g_list_model_get_item (people, i);
          const GDate *start = cto_person_get_start (person);

          if (start != NULL && (!g_date_valid (&before) || g_date_compare (start, &before) <= 0))
            {
              before = *start;
              any_start = TRUE;
            }
        }
      if (!any_start)
        continue;
      g_date_subtract_days (&before, 1);

      for (guint i = 0; i < g_list_model_get_n_items (people); i++)
        {
          g_autoptr(CtoPerson) person = g_list_model_get_item (people, i);
          const GDate *end = cto_person_get_end (person);

          if (cto_person_get_start (person) != NULL || (end != NULL && g_date_compare (end, &before) <= 0))
            g_ptr_array_add (away, (gpointer) cto_person_get_id (person));
        }
      g_ptr_array_add (away, NULL);

      as_of = cto_plan_copy_as_of (plan, &before);
      without = cto_plan_copy_without (plan, (const char * const *) away->pdata);
      a = cto_plan_io_to_data (as_of, NULL);
      b = cto_plan_io_to_data (without, NULL);
      g_assert_cmpstr (a, ==, b);
      g_clear_pointer (&a, g_free);
      g_clear_pointer (&b, g_free);
      a = summary_of (as_of);
      b = summary_of (without);
      g_assert_cmpstr (a, ==, b);
    }
}

/* The text form names every quarter and every status in words. */
static void
test_text (void)
{
  g_autoptr(CtoPlan) plan = load_data_plan ("time-plan.json");
  GDate from = day ("2027-02-14");
  g_autoptr(CtoTimeline) timeline = cto_timeline_new (plan, &from);
  g_autofree char *text = cto_report_timeline_text (timeline);

  for (guint q = 0; q < CTO_TIMELINE_N_QUARTERS; q++)
    g_assert_nonnull (strstr (text, cto_timeline_get_quarter (timeline, q)->label));
  g_assert_nonnull (strstr (text, "Partly covered, 1"));
  g_assert_nonnull (strstr (text, "20 h (0.5 FTE)"));
  g_assert_nonnull (strstr (text, "2027 Q2  Starting: Support lead (open role)"));
  g_assert_nonnull (strstr (text, "2027 Q3  Leaving: Bo Lin"));
  g_assert_nonnull (strstr (text, "2028 Q1       2  Covered, 1, overloaded"));
}

/* Plan text reaches a terminal without its control characters. */
static void
test_text_escaped (void)
{
  const char *json =
    "{\"format\": \"cto-planner-plan\", \"version\": 1, \"title\": \"T\\u001b]0;x\\u0007\","
    " \"people\": [{\"id\": \"a\", \"name\": \"A\\u001b[2J\\u202eB\", \"start\": \"2027-02-01\"}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(CtoPlan) plan = cto_plan_io_load_data (json, strlen (json), &error);
  GDate from = day ("2027-01-01");
  g_autoptr(CtoTimeline) timeline = NULL;
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  timeline = cto_timeline_new (plan, &from);
  text = cto_report_timeline_text (timeline);
  g_assert_null (strchr (text, '\x1b'));
  g_assert_null (strchr (text, '\x07'));
  g_assert_null (strstr (text, "\xe2\x80\xae"));
  g_assert_nonnull (strstr (text, "T\\u{1b}]0;x\\u{7}"));
  g_assert_nonnull (strstr (text, "Starting: A\\u{1b}[2J\\u{202e}B"));
}

/* What a card or a box of the org chart shows of a person as of a day: the
 * day's figures, or no figures and why. */
static void
test_person_as_of (void)
{
  g_autoptr(CtoPlan) plan = load_data_plan ("time-plan.json");
  g_autoptr(CtoAnalysis) analysis = cto_analysis_new (plan);
  GDate spring = day ("2027-05-01");
  g_autoptr(CtoPlan) day_plan = cto_plan_copy_as_of (plan, &spring);
  g_autoptr(CtoAnalysis) as_of = cto_analysis_new (day_plan);
  CtoPerson *bo = cto_plan_find_person (plan, "bo");
  CtoPerson *eve = cto_plan_find_person (plan, "eve");
  char *absence = (char *) "not reset";
  const CtoPersonReport *report;

  /* Without a day, the whole plan's report. */
  report = cto_report_person_as_of (analysis, NULL, bo, &absence);
  g_assert_true (report == cto_analysis_get_person (analysis, bo));
  g_assert_null (absence);

  /* Bo is there in May 2027: the day plan's report of Bo. */
  report = cto_report_person_as_of (analysis, as_of, bo, &absence);
  g_assert_nonnull (report);
  g_assert_true (report == cto_analysis_get_person (as_of, cto_plan_find_person (day_plan, "bo")));
  g_assert_null (absence);

  /* Eve starts in 2029: no report, and the card says when she starts. */
  report = cto_report_person_as_of (analysis, as_of, eve, &absence);
  g_assert_null (report);
  g_assert_cmpstr (absence, ==, "Starts 1 May 2029");
  g_free (absence);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/timeline/hand-made", test_hand_made);
  g_test_add_func ("/timeline/labels", test_labels);
  g_test_add_func ("/timeline/date-words", test_date_words);
  g_test_add_func ("/timeline/default-from", test_default_from);
  g_test_add_func ("/timeline/no-dates-identical", test_no_dates_identical);
  g_test_add_func ("/timeline/quarters-as-of", test_quarters_as_of);
  g_test_add_func ("/timeline/before-starts-equals-without", test_before_starts_equals_without);
  g_test_add_func ("/timeline/text", test_text);
  g_test_add_func ("/timeline/person-as-of", test_person_as_of);
  g_test_add_func ("/timeline/text-escaped", test_text_escaped);

  return g_test_run ();
}
