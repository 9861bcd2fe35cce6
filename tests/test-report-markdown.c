/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "cto-plan-io.h"
#include "cto-report-markdown.h"
#include "report-test-util.h"

/* The Markdown report: its tables, and plan text that stays text. */

static void
test_markdown_example (void)
{
  g_autoptr(CtoPlan) plan = load_example ();
  g_autoptr(CtoAnalysis) analysis = cto_analysis_new (plan);
  g_autoptr(GDateTime) date = fixed_date ();
  gsize length = 0;
  g_autofree char *markdown = cto_report_markdown (analysis, date, &length);
  const char *headings[] = {
    "# Acme Robotics 2027\n\nBoard report · 5 March 2027\n",
    "\n## Coverage at a glance\n",
    "\n## People and load\n",
    /* A count with no verb to agree with it: "1 of 7 people is" reads wrong. */
    "\n**Overloaded: 1 of 7 people.**\n",
    "\n## Who carries what\n",
    "\n### Planning: ◐ Partly covered\n",
    "\n## Org chart\n",
    "\n## Gaps\n",
    "\n### Hiring gap\n",
    "\n### Not covered\n",
  };

  g_assert_cmpuint (length, ==, strlen (markdown));
  g_assert_true (g_str_has_suffix (markdown, "\n"));
  g_assert_false (g_str_has_suffix (markdown, "\n\n"));
  for (guint i = 0; i < G_N_ELEMENTS (headings); i++)
    g_assert_nonnull (strstr (markdown, headings[i]));

  for (guint i = 0; i < cto_analysis_get_n_people (analysis); i++)
    g_assert_nonnull (strstr (markdown, cto_person_get_name (cto_analysis_get_person_nth (analysis, i)->person)));

  /* The numbers of the analysis. */
  g_assert_nonnull (strstr (markdown, "| **Bo Lin** | Senior software engineer | 16 h of 12 h | **133%** | **⚠ Overloaded** |"));
  g_assert_nonnull (strstr (markdown, "| Choose the software for the assembly line | 3 h | **○ Not covered** | — |"));
  g_assert_nonnull (strstr (markdown, "- Choose the software for the assembly line (Planning, 3 h)\n"));
  check_markdown_tables (markdown);
}

static void
test_markdown_hostile (void)
{
  g_autoptr(CtoPlan) plan = load_hostile ();
  g_autoptr(CtoAnalysis) analysis = cto_analysis_new (plan);
  g_autoptr(GDateTime) date = fixed_date ();
  g_autofree char *markdown = cto_report_markdown (analysis, date, NULL);
  g_auto(GStrv) lines = g_strsplit (markdown, "\n", -1);

  g_assert_true (g_utf8_validate (markdown, -1, NULL));

  /* No raw HTML, no link, no code: each such character is escaped. */
  for (const char *p = markdown; *p != '\0'; p++)
    if (strchr ("<>[]`", *p) != NULL)
      g_assert_cmpint (p[-1], ==, '\\');
  g_assert_null (strstr (markdown, "**bold**"));
  g_assert_null (strstr (markdown, "[link]("));
  g_assert_null (strstr (markdown, "\r"));
  g_assert_null (strstr (markdown, "\t"));
  g_assert_nonnull (strstr (markdown, "\\<script\\>alert(\"title\")\\</script\\>"));
  g_assert_nonnull (strstr (markdown, "@admin \\| \\*\\*bold\\*\\* \\_under\\_ \\[link\\](http://example.invalid)"));
  g_assert_nonnull (strstr (markdown, "مريم العلي"));

  /* Plan text starts no line: every line is ours. */
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];

      g_assert_true (*line == '\0' || *line == '|' || *line == '#' || g_str_has_prefix (line, "- ") ||
                     g_str_has_prefix (line, "**") || g_ascii_isupper (*line) || g_ascii_isdigit (*line));
    }
  check_markdown_tables (markdown);
}

/* The Markdown report of the plan of @json, made on fixed_date(). */
static char *
markdown_of_json (const char *json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CtoPlan) plan = cto_plan_io_load_data (json, strlen (json), &error);
  g_autoptr(CtoAnalysis) analysis = NULL;
  g_autoptr(GDateTime) date = fixed_date ();

  g_assert_no_error (error);
  analysis = cto_analysis_new (plan);

  return cto_report_markdown (analysis, date, NULL);
}

/* A name in bold is bold however it is spaced, with no-break or wide
 * spaces around it: emphasis cannot open or close beside a space. */
static void
test_markdown_spaced_strong (void)
{
  static const char json[] =
    "{\"format\": \"cto-planner-plan\", \"version\": 1, \"title\": \"Spaced\","
    " \"people\": [{\"id\": \"a\", \"name\": \" \u00a0Ana Lee\u2003\", \"capacity\": 1}],"
    " \"responsibilities\": [{\"id\": \"r\", \"title\": \"Run it\", \"function\": \"planning\","
    " \"effort\": 4, \"assignees\": [{\"person\": \"a\"}]}]}";
  g_autofree char *markdown = markdown_of_json (json);

  /* Overloaded, so in bold in the table of people. */
  g_assert_nonnull (strstr (markdown, "| **Ana Lee** |"));
  g_assert_null (strstr (markdown, "**\u00a0"));
  g_assert_null (strstr (markdown, "\u2003**"));
  check_markdown_tables (markdown);
}

/* A function resting on one person beside a planned hire names the person
 * alone, and the hire apart: the hire does not share the risk yet. */
static void
test_markdown_one_person_and_hire (void)
{
  static const char json[] =
    "{\"format\": \"cto-planner-plan\", \"version\": 1, \"title\": \"Hires\","
    " \"people\": [{\"id\": \"dana\", \"name\": \"Dana Wu\", \"capacity\": 40},"
    "  {\"id\": \"lead\", \"name\": \"Support lead\", \"capacity\": 40, \"open_role\": true},"
    "  {\"id\": \"ravi\", \"name\": \"Ravi Menon\", \"capacity\": 40}],"
    " \"responsibilities\": ["
    "  {\"id\": \"site\", \"title\": \"Website\", \"function\": \"consumer-liaison\","
    "   \"effort\": 4, \"assignees\": [{\"person\": \"dana\"}]},"
    "  {\"id\": \"desk\", \"title\": \"Support desk\", \"function\": \"consumer-liaison\","
    "   \"effort\": 4, \"assignees\": [{\"person\": \"lead\"}]},"
    "  {\"id\": \"plan\", \"title\": \"Strategy\", \"function\": \"thinker\","
    "   \"effort\": 4, \"assignees\": [{\"person\": \"ravi\"}]}]}";
  g_autofree char *markdown = markdown_of_json (json);

  g_assert_nonnull (strstr (markdown, "Consumer liaison: Dana Wu alone; planned hires: Support lead (open role)"));
  g_assert_nonnull (strstr (markdown, "Thinker: Ravi Menon alone\n"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report/markdown/example", test_markdown_example);
  g_test_add_func ("/report/markdown/hostile", test_markdown_hostile);
  g_test_add_func ("/report/markdown/spaced-strong", test_markdown_spaced_strong);
  g_test_add_func ("/report/markdown/one-person-and-hire", test_markdown_one_person_and_hire);

  return g_test_run ();
}
