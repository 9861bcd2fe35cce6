/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "cto-report-html.h"
#include "report-test-util.h"

/* The HTML report: only its own markup, the plan's text escaped. */

static void
test_html_example (void)
{
  g_autoptr(CtoPlan) plan = load_example ();
  g_autoptr(CtoAnalysis) analysis = cto_analysis_new (plan);
  g_autoptr(GDateTime) date = fixed_date ();
  gsize length = 0;
  g_autofree char *html = cto_report_html (analysis, date, &length);

  g_assert_cmpuint (length, ==, strlen (html));
  g_assert_true (g_str_has_prefix (html, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"));
  g_assert_true (g_str_has_suffix (html, "</html>\n"));
  g_assert_nonnull (strstr (html, "<title>Acme Robotics 2027 — Board report · 5 March 2027</title>"));
  g_assert_nonnull (strstr (html, "<h2>Coverage at a glance</h2>"));
  g_assert_nonnull (strstr (html, "<h2>Org chart</h2>"));
  g_assert_nonnull (strstr (html, "<td>Léa Martin</td>"));
  g_assert_nonnull (strstr (html, "Content-Security-Policy"));
  g_assert_null (strstr (html, "<script"));
  g_assert_null (strstr (html, "http://"));
  g_assert_null (strstr (html, "https://"));
  check_html_tags (html);
  check_html_plan_text (html, plan);
}

static void
test_html_hostile (void)
{
  g_autoptr(CtoPlan) plan = load_hostile ();
  g_autoptr(CtoAnalysis) analysis = cto_analysis_new (plan);
  g_autoptr(GDateTime) date = fixed_date ();
  g_autofree char *html = cto_report_html (analysis, date, NULL);
  g_autofree char *lower = g_ascii_strdown (html, -1);
  GListModel *people = cto_plan_get_people (plan);

  g_assert_true (g_utf8_validate (html, -1, NULL));
  g_assert_null (strstr (lower, "<script"));
  g_assert_null (strstr (lower, "<img"));
  g_assert_null (strstr (lower, "onerror=alert(1)>"));
  g_assert_nonnull (strstr (html, "&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt;"));
  g_assert_nonnull (strstr (html, "&lt;/td&gt;&lt;/tr&gt;&lt;img src=x onerror=alert(1)&gt;"));
  g_assert_nonnull (strstr (html, "&amp;amp;"));

  /* Every person's name is there, escaped. */
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(CtoPerson) person = g_list_model_get_item (people, i);
      g_autofree char *escaped = g_markup_escape_text (cto_person_get_name (person), -1);

      if (strpbrk (cto_person_get_name (person), "\t\r\n'") != NULL)
        continue;
      g_assert_nonnull (strstr (html, escaped));
    }

  check_html_tags (html);
  check_html_plan_text (html, plan);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report/html/example", test_html_example);
  g_test_add_func ("/report/html/hostile", test_html_hostile);

  return g_test_run ();
}
