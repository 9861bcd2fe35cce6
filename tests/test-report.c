/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include <cairo.h>
#include <gio/gio.h>
#include <glib/gstdio.h>

#include "cto-analysis.h"
#include "cto-board-pages.h"
#include "cto-board-pages-private.h"
#include "cto-export.h"
#include "cto-org-layout.h"
#include "cto-plan-io.h"
#include "cto-plan.h"
#include "cto-report-cairo.h"
#include "cto-report-csv.h"
#include "cto-report-html.h"
#include "cto-report-markdown.h"

/* The reports made from a plan: CSV, Markdown, HTML, the board pages and
 * their PDF, SVG and PNG files, the org chart layout, and the exports of the
 * command line. */

#define A4_W CTO_BOARD_PAGE_WIDTH
#define A4_H CTO_BOARD_PAGE_HEIGHT

/* Plans --------------------------------------------------------------------- */

static char *
example_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "examples",
                                "acme-robotics.ctoplan.json", NULL);
}

static char *
hostile_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "data", "valid-hostile.json", NULL);
}

static CtoPlan *
load_plan (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  CtoPlan *plan = cto_plan_io_load_file (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (plan);

  return plan;
}

static CtoPlan *
load_example (void)
{
  g_autofree char *path = example_path ();

  return load_plan (path);
}

static CtoPlan *
load_hostile (void)
{
  g_autofree char *path = hostile_path ();

  return load_plan (path);
}

static CtoPerson *
add_person (CtoPlan    *plan,
            const char *id,
            const char *name,
            const char *role,
            double      capacity,
            gboolean    open_role,
            const char *manager)
{
  g_autoptr(CtoPerson) person = cto_person_new (id, name, role, capacity, open_role);
  g_autoptr(GError) error = NULL;

  cto_plan_insert_person (plan, G_MAXUINT, person);
  if (manager != NULL)
    {
      g_assert_true (cto_plan_set_reports_to (plan, person, cto_plan_find_person (plan, manager), &error));
      g_assert_no_error (error);
    }

  return person;
}

/* A company of @n_people: one chief, nine managers under them, everybody else
 * spread over the managers; two responsibilities per person, carried by one
 * to three people, some by nobody. */
static CtoPlan *
make_large_plan (guint n_people)
{
  CtoPlan *plan = cto_plan_new ();

  cto_plan_set_title (plan, "A company of a hundred people");

  for (guint i = 0; i < n_people; i++)
    {
      g_autofree char *id = g_strdup_printf ("p%u", i);
      g_autofree char *name = g_strdup_printf ("Person number %u with a longer name", i);
      g_autofree char *manager = NULL;

      if (i >= 1 && i <= 9)
        manager = g_strdup ("p0");
      else if (i >= 10)
        manager = g_strdup_printf ("p%u", 1 + (i - 10) % 9);
      add_person (plan, id, name, "Engineer", 10 + i % 30, i % 17 == 0 && i > 0, manager);
    }

  for (guint r = 0; r < 2 * n_people; r++)
    {
      g_autofree char *id = g_strdup_printf ("r%u", r);
      g_autofree char *title = g_strdup_printf ("Responsibility %u of the large plan", r);
      g_autoptr(CtoResponsibility) responsibility =
        cto_responsibility_new (id, title, (CtoFunction) (r % CTO_N_FUNCTIONS), 1 + r % 7, "");

      cto_plan_insert_responsibility (plan, G_MAXUINT, responsibility);
      if (r % 11 == 0)
        continue;
      for (guint k = 0; k < 1 + r % 3; k++)
        {
          g_autofree char *person = g_strdup_printf ("p%u", (r * 7 + k * 13) % n_people);

          cto_plan_assign (plan, responsibility, cto_plan_find_person (plan, person), 1 + k);
        }
    }

  return plan;
}

static GDateTime *
fixed_date (void)
{
  return g_date_time_new_utc (2027, 3, 5, 9, 0, 0);
}

/* RFC 4180 ------------------------------------------------------------------ */

/* A strict reader: every record ends with CRLF, quoted fields double their
 * quotes, unquoted fields hold no quote, CR or LF. Returns rows of fields,
 * or NULL (and a message) for text that breaks the rules. */
static GPtrArray *
parse_csv (const char  *text,
           gsize        length,
           char       **message)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  const char *p = text;
  const char *end = text + length;

  while (p < end)
    {
      g_autoptr(GString) field = g_string_new (NULL);

      if (*p == '"')
        {
          p++;
          for (;;)
            {
              if (p >= end)
                {
                  *message = g_strdup ("unterminated quoted field");
                  return NULL;
                }
              if (*p == '"')
                {
                  if (p + 1 < end && p[1] == '"')
                    {
                      g_string_append_c (field, '"');
                      p += 2;
                      continue;
                    }
                  p++;
                  break;
                }
              g_string_append_c (field, *p++);
            }
        }
      else
        {
          while (p < end && *p != ',' && *p != '\r')
            {
              if (*p == '"' || *p == '\n')
                {
                  *message = g_strdup_printf ("bare %s in an unquoted field at byte %u",
                                              *p == '"' ? "quote" : "LF", (guint) (p - text));
                  return NULL;
                }
              g_string_append_c (field, *p++);
            }
        }

      g_ptr_array_add (fields, g_string_free (g_steal_pointer (&field), FALSE));

      if (p < end && *p == ',')
        {
          p++;
          if (p == end)
            {
              *message = g_strdup ("comma at the end of the text");
              return NULL;
            }
          continue;
        }
      if (p + 2 <= end && p[0] == '\r' && p[1] == '\n')
        {
          p += 2;
          g_ptr_array_add (fields, NULL);
          g_ptr_array_add (rows, g_ptr_array_steal (fields, NULL));
          g_ptr_array_set_free_func (fields, g_free);
          continue;
        }
      *message = g_strdup_printf ("a record that does not end with CRLF at byte %u", (guint) (p - text));
      return NULL;
    }

  if (fields->len > 0)
    {
      *message = g_strdup ("the last record has no CRLF");
      return NULL;
    }

  return g_steal_pointer (&rows);
}

/* What a spreadsheet cell shows for @value: formulas defused with a '
 * (PLAN-FORMAT.md, section 8), told by what starts after the leading white
 * space and invisible characters; a leading ' is doubled. */
static char *
defused (const char *value)
{
  static const char * const blanks[] = { " ", "\u00a0", "\u3000", "\u200b", "\ufeff" };
  static const char * const starts[] = {
    "=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20",
  };
  const char *rest = value;
  gboolean skipped = TRUE;

  if (value[0] == '\'')
    return g_strconcat ("'", value, NULL);

  while (skipped)
    {
      skipped = FALSE;
      for (guint i = 0; i < G_N_ELEMENTS (starts); i++)
        {
          if (g_str_has_prefix (rest, starts[i]))
            return g_strconcat ("'", value, NULL);
        }
      for (guint i = 0; i < G_N_ELEMENTS (blanks) && !skipped; i++)
        {
          if (g_str_has_prefix (rest, blanks[i]))
            {
              rest += strlen (blanks[i]);
              skipped = TRUE;
            }
        }
    }

  return g_strdup (value);
}

static void
assert_field (const char *field,
              const char *value)
{
  g_autofree char *expected = defused (value);

  g_assert_cmpstr (field, ==, expected);
}

static void
assert_number_field (const char *field,
                     double      value)
{
  char *end = NULL;
  double read = g_ascii_strtod (field, &end);

  g_assert_nonnull (end);
  g_assert_cmpint (*end, ==, '\0');
  g_assert_cmpfloat (read, ==, value);
}

/* The CSV text @csv reads back, field by field, as @plan's values. */
static void
check_csv_text (CtoPlan    *plan,
                const char *csv,
                gsize       length)
{
  GListModel *responsibilities = cto_plan_get_responsibilities (plan);
  guint n = g_list_model_get_n_items (responsibilities);
  guint n_pairs = 1;
  g_autofree char *message = NULL;
  g_autoptr(GPtrArray) rows = parse_csv (csv, length, &message);
  char **header;

  g_assert_true (g_utf8_validate (csv, (gssize) length, NULL));
  if (rows == NULL)
    g_error ("the CSV does not parse: %s", message);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CtoResponsibility) responsibility = g_list_model_get_item (responsibilities, i);

      n_pairs = MAX (n_pairs, cto_responsibility_get_n_assignees (responsibility));
    }

  g_assert_cmpuint (rows->len, ==, n + 1);
  header = g_ptr_array_index (rows, 0);
  g_assert_cmpuint (g_strv_length (header), ==, 6 + 2 * n_pairs);
  g_assert_cmpstr (header[0], ==, "id");
  g_assert_cmpstr (header[1], ==, "title");
  g_assert_cmpstr (header[2], ==, "function");
  g_assert_cmpstr (header[3], ==, "effort");
  g_assert_cmpstr (header[4], ==, "description");
  g_assert_cmpstr (header[5], ==, "accountable");
  g_assert_cmpstr (header[6], ==, "person_1");
  g_assert_cmpstr (header[7], ==, "share_1");

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CtoResponsibility) responsibility = g_list_model_get_item (responsibilities, i);
      char **row = g_ptr_array_index (rows, i + 1);
      const char *accountable = cto_responsibility_get_accountable (responsibility);
      guint n_assignees = cto_responsibility_get_n_assignees (responsibility);

      g_assert_cmpuint (g_strv_length (row), ==, 6 + 2 * n_pairs);
      assert_field (row[0], cto_responsibility_get_id (responsibility));
      assert_field (row[1], cto_responsibility_get_title (responsibility));
      g_assert_cmpstr (row[2], ==, cto_function_get_id (cto_responsibility_get_function (responsibility)));
      assert_number_field (row[3], cto_responsibility_get_effort (responsibility));
      assert_field (row[4], cto_responsibility_get_description (responsibility));
      assert_field (row[5], accountable != NULL ? accountable : "");

      for (guint k = 0; k < n_pairs; k++)
        {
          if (k < n_assignees)
            {
              const CtoAssignment *assignment = cto_responsibility_get_assignee (responsibility, k);

              assert_field (row[6 + 2 * k], assignment->person);
              assert_number_field (row[7 + 2 * k], assignment->share);
            }
          else
            {
              g_assert_cmpstr (row[6 + 2 * k], ==, "");
              g_assert_cmpstr (row[7 + 2 * k], ==, "");
            }
        }
    }
}

/* The CSV of @plan reads back, field by field, as the plan's values. */
static void
check_csv_round_trip (CtoPlan *plan)
{
  gsize length = 0;
  g_autofree char *csv = cto_report_csv (plan, &length);

  g_assert_cmpuint (length, ==, strlen (csv));
  check_csv_text (plan, csv, length);
}

static void
test_csv_example (void)
{
  g_autoptr(CtoPlan) plan = load_example ();

  check_csv_round_trip (plan);
}

static void
test_csv_hostile (void)
{
  g_autoptr(CtoPlan) plan = load_hostile ();

  check_csv_round_trip (plan);
}

static void
test_csv_fields (void)
{
  const struct {
    const char *title;
    const char *field;   /* as it must stand in the file */
  } cases[] = {
    { "plain", "plain" },
    { "=1+1", "'=1+1" },
    { "+SUM(A1)", "'+SUM(A1)" },
    { "-2", "'-2" },
    { "@cmd", "'@cmd" },
    { "\tTab", "'\tTab" },
    { "\rCR", "\"'\rCR\"" },
    { "a,b", "\"a,b\"" },
    { "say \"hi\"", "\"say \"\"hi\"\"\"" },
    { "two\nlines", "\"two\nlines\"" },
    { "=\"a\",b", "\"'=\"\"a\"\",b\"" },
    { "mid=dle", "mid=dle" },
    { " =space first", "' =space first" },
    { "\u00a0\u3000\u200b\ufeff+1", "'\u00a0\u3000\u200b\ufeff+1" },
    { " \t=1", "' \t=1" },
    { "\uff1d1+1", "'\uff1d1+1" },
    { "\uff0bSUM(A1)", "'\uff0bSUM(A1)" },
    { "\uff0d2", "'\uff0d2" },
    { "\uff20cmd", "'\uff20cmd" },
    { "'quoted", "''quoted" },
    { "  x=1", "  x=1" },
    { "\u200bplain", "\u200bplain" },
    { "\u2003=em space is not a blank", "\u2003=em space is not a blank" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CtoPlan) plan = cto_plan_new ();
      g_autoptr(CtoResponsibility) responsibility =
        cto_responsibility_new ("r", cases[i].title, CTO_FUNCTION_THINKER, 2.5, "");
      g_autofree char *csv = NULL;
      g_autofree char *expected = NULL;

      cto_plan_insert_responsibility (plan, 0, responsibility);
      csv = cto_report_csv (plan, NULL);
      expected = g_strdup_printf ("id,title,function,effort,description,accountable,person_1,share_1\r\n"
                                  "r,%s,thinker,2.5,,,,\r\n", cases[i].field);
      g_assert_cmpstr (csv, ==, expected);
    }
}

static void
test_csv_empty (void)
{
  g_autoptr(CtoPlan) plan = cto_plan_new ();
  g_autofree char *csv = cto_report_csv (plan, NULL);

  g_assert_cmpstr (csv, ==, "id,title,function,effort,description,accountable,person_1,share_1\r\n");
}

/* Markdown ------------------------------------------------------------------ */

/* The number of cells of a table line: its | that no backslash escapes, less one. */
static guint
count_cells (const char *line)
{
  guint pipes = 0;

  for (const char *p = line; *p != '\0'; p++)
    {
      if (*p == '\\' && p[1] != '\0')
        p++;
      else if (*p == '|')
        pipes++;
    }

  return pipes - 1;
}

static void
check_markdown_tables (const char *markdown)
{
  g_auto(GStrv) lines = g_strsplit (markdown, "\n", -1);
  guint columns = 0;
  guint n_tables = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (lines[i][0] != '|')
        {
          columns = 0;
          continue;
        }
      if (columns == 0)
        {
          columns = count_cells (lines[i]);
          n_tables++;
          g_assert_cmpuint (columns, >, 0);
          g_assert_nonnull (lines[i + 1]);
          g_assert_true (g_str_has_prefix (lines[i + 1], "| ---"));
        }
      g_assert_cmpuint (count_cells (lines[i]), ==, columns);
    }

  /* Coverage, people, four functions (unless empty), org chart, hiring gap. */
  g_assert_cmpuint (n_tables, >=, 5);
}

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

/* HTML ---------------------------------------------------------------------- */

/* Every tag in @html is one the report writes: no plan text became markup. */
static void
check_html_tags (const char *html)
{
  const char *allowed[] = {
    "!DOCTYPE", "html", "head", "meta", "title", "style", "body", "main", "header",
    "h1", "h2", "h3", "p", "table", "thead", "tbody", "tr", "th", "td", "strong", "span",
    "ul", "li",
  };
  guint n_tags = 0;
  const char *style = strstr (html, "<style>");
  const char *style_end = strstr (html, "</style>");

  g_assert_nonnull (style);
  g_assert_nonnull (style_end);

  for (const char *p = strchr (html, '<'); p != NULL; p = strchr (p + 1, '<'))
    {
      const char *name = p + 1;
      gsize length;
      gboolean known = FALSE;

      /* The style sheet holds no < at all. */
      g_assert_false (p > style && p < style_end);

      if (*name == '/')
        name++;
      length = strspn (name, "!ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789");
      for (guint i = 0; i < G_N_ELEMENTS (allowed); i++)
        known |= strlen (allowed[i]) == length && strncmp (allowed[i], name, length) == 0;
      if (!known)
        g_error ("unexpected markup in the HTML: %.40s", p);
      n_tags++;
    }

  g_assert_cmpuint (n_tags, >, 50);
}

/* @text as the report must write it in HTML text: the five markup
 * characters as references, control characters but tab and line feed as
 * spaces. */
static char *
html_text (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '&')
        g_string_append (out, "&amp;");
      else if (c == '<')
        g_string_append (out, "&lt;");
      else if (c == '>')
        g_string_append (out, "&gt;");
      else if (c == '"')
        g_string_append (out, "&quot;");
      else if (c == '\'')
        g_string_append (out, "&#39;");
      else if (g_unichar_iscntrl (c) && c != '\t' && c != '\n')
        g_string_append_c (out, ' ');
      else
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/* The plan's words a report shows: its title, people's names and roles,
 * responsibilities' titles. */
static GPtrArray *
plan_strings (CtoPlan *plan)
{
  GPtrArray *strings = g_ptr_array_new ();
  GListModel *people = cto_plan_get_people (plan);
  GListModel *responsibilities = cto_plan_get_responsibilities (plan);

  g_ptr_array_add (strings, (gpointer) cto_plan_get_title (plan));
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(CtoPerson) person = g_list_model_get_item (people, i);

      g_ptr_array_add (strings, (gpointer) cto_person_get_name (person));
      g_ptr_array_add (strings, (gpointer) cto_person_get_role (person));
    }
  for (guint i = 0; i < g_list_model_get_n_items (responsibilities); i++)
    {
      g_autoptr(CtoResponsibility) responsibility = g_list_model_get_item (responsibilities, i);

      g_ptr_array_add (strings, (gpointer) cto_responsibility_get_title (responsibility));
    }

  return strings;
}

/* Every string of the plan is in @html, escaped; none that could be markup
 * is there as it is. */
static void
check_html_plan_text (const char *html,
                      CtoPlan    *plan)
{
  g_autoptr(GPtrArray) strings = plan_strings (plan);

  for (guint i = 0; i < strings->len; i++)
    {
      const char *text = g_ptr_array_index (strings, i);
      g_autofree char *escaped = html_text (text);

      if (*text == '\0')
        continue;
      if (strstr (html, escaped) == NULL)
        g_error ("“%s” is not in the HTML as “%s”", text, escaped);
      if (strpbrk (text, "<>&") != NULL && strstr (html, text) != NULL)
        g_error ("“%s” is in the HTML unescaped", text);
    }
}

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

/* Org layout ---------------------------------------------------------------- */

static gboolean
overlap (const CtoOrgRect *a,
         const CtoOrgRect *b)
{
  return a->x < b->x + b->width - 1e-6 && b->x < a->x + a->width - 1e-6 &&
         a->y < b->y + b->height - 1e-6 && b->y < a->y + a->height - 1e-6;
}

/* The rules of a tidy tree, for any layout. */
static void
check_tidy (CtoOrgLayout *layout,
            double        sibling_gap)
{
  guint n = cto_org_layout_get_n_nodes (layout);
  double width, height;
  g_autofree CtoOrgRect *boxes = g_new0 (CtoOrgRect, MAX (n, 1));

  cto_org_layout_get_size (layout, &width, &height);
  for (guint i = 0; i < n; i++)
    {
      cto_org_layout_get_box (layout, i, &boxes[i]);
      g_assert_cmpfloat (boxes[i].x, >=, -1e-6);
      g_assert_cmpfloat (boxes[i].y, >=, -1e-6);
      g_assert_cmpfloat (boxes[i].x + boxes[i].width, <=, width + 1e-6);
      g_assert_cmpfloat (boxes[i].y + boxes[i].height, <=, height + 1e-6);
    }

  for (guint i = 0; i < n; i++)
    {
      guint n_children = cto_org_layout_get_n_children (layout, i);
      int parent = cto_org_layout_get_parent (layout, i);

      /* Below the parent, on the level of its depth. */
      if (parent >= 0)
        {
          g_assert_cmpfloat (boxes[i].y, >=, boxes[parent].y + boxes[parent].height);
          g_assert_cmpuint (cto_org_layout_get_depth (layout, i), ==,
                            cto_org_layout_get_depth (layout, (guint) parent) + 1);
        }

      /* Centred over the children, which stand left to right in order,
       * at least a gap apart. */
      if (n_children > 0)
        {
          const CtoOrgRect *first = &boxes[cto_org_layout_get_child (layout, i, 0)];
          const CtoOrgRect *last = &boxes[cto_org_layout_get_child (layout, i, n_children - 1)];

          g_assert_cmpfloat_with_epsilon (boxes[i].x + boxes[i].width / 2,
                                          (first->x + first->width / 2 + last->x + last->width / 2) / 2,
                                          1e-6);
        }
      for (guint c = 1; c < n_children; c++)
        {
          const CtoOrgRect *left = &boxes[cto_org_layout_get_child (layout, i, c - 1)];
          const CtoOrgRect *right = &boxes[cto_org_layout_get_child (layout, i, c)];

          g_assert_cmpfloat (left->x + left->width + sibling_gap, <=, right->x + 1e-6);
        }

      for (guint j = i + 1; j < n; j++)
        if (overlap (&boxes[i], &boxes[j]))
          g_error ("boxes %u and %u overlap", i, j);
    }
}

static void
test_org_layout_shapes (void)
{
  /* Trees that trip up simple layouts: a wide fan, a deep chain beside a
   * leaf, subtrees of different depths, several roots, boxes of many sizes. */
  for (guint seed = 1; seed <= 40; seed++)
    {
      g_autoptr(CtoOrgLayout) layout = cto_org_layout_new ();
      GRand *rand = g_rand_new_with_seed (seed);
      guint n = 1 + g_rand_int_range (rand, 0, 60);

      cto_org_layout_set_spacing (layout, 8, 20, 16);
      for (guint i = 0; i < n; i++)
        {
          /* Lean to recent nodes for depth, to early ones for breadth. */
          int parent = i == 0 || g_rand_int_range (rand, 0, 8) == 0
                       ? -1
                       : (int) (seed % 2 ? g_rand_int_range (rand, MAX (0, (int) i - 3), (int) i)
                                         : g_rand_int_range (rand, 0, (int) i));
          double width = 20 + g_rand_int_range (rand, 0, 80);
          double height = 10 + g_rand_int_range (rand, 0, 40);

          g_assert_cmpuint (cto_org_layout_add_node (layout, parent, width, height, NULL), ==, i);
        }
      g_rand_free (rand);

      check_tidy (layout, 8);
    }
}

static void
test_org_layout_known (void)
{
  g_autoptr(CtoOrgLayout) layout = cto_org_layout_new ();
  CtoOrgRect a, b, c, d, e;
  double width, height;

  /* a over b and c; c over d; e a second root. */
  cto_org_layout_set_spacing (layout, 10, 20, 30);
  cto_org_layout_add_node (layout, -1, 100, 40, NULL);
  cto_org_layout_add_node (layout, 0, 100, 40, NULL);
  cto_org_layout_add_node (layout, 0, 100, 40, NULL);
  cto_org_layout_add_node (layout, 2, 100, 40, NULL);
  cto_org_layout_add_node (layout, -1, 100, 40, NULL);
  cto_org_layout_get_box (layout, 0, &a);
  cto_org_layout_get_box (layout, 1, &b);
  cto_org_layout_get_box (layout, 2, &c);
  cto_org_layout_get_box (layout, 3, &d);
  cto_org_layout_get_box (layout, 4, &e);
  cto_org_layout_get_size (layout, &width, &height);

  g_assert_cmpfloat (b.x, ==, 0);
  g_assert_cmpfloat (c.x, ==, 110);
  g_assert_cmpfloat (a.x, ==, 55);
  g_assert_cmpfloat (d.x, ==, 110);
  g_assert_cmpfloat (a.y, ==, 0);
  g_assert_cmpfloat (b.y, ==, 70);
  g_assert_cmpfloat (d.y, ==, 140);
  /* The second tree goes beside the first, at the gap between trees; its
   * root clears the first root, the only box on its level. */
  g_assert_cmpfloat (e.x, ==, 175);
  g_assert_cmpfloat (e.y, ==, 0);
  g_assert_cmpfloat (width, ==, 275);
  g_assert_cmpfloat (height, ==, 180);
  g_assert_cmpuint (cto_org_layout_get_n_roots (layout), ==, 2);
  g_assert_cmpuint (cto_org_layout_get_root (layout, 1), ==, 4);
}

static void
test_org_layout_deep (void)
{
  g_autoptr(CtoOrgLayout) layout = cto_org_layout_new ();
  CtoOrgRect last;
  guint n = 100000;

  /* No recursion: a chain this long would overflow the stack. */
  for (guint i = 0; i < n; i++)
    cto_org_layout_add_node (layout, (int) i - 1, 10, 10, NULL);
  cto_org_layout_get_box (layout, n - 1, &last);

  g_assert_cmpfloat (last.x, ==, 0);
  g_assert_cmpfloat (last.y, ==, (n - 1) * (10 + 24.0));
  g_assert_cmpuint (cto_org_layout_get_depth (layout, n - 1), ==, n - 1);
}

static void
test_org_layout_plan (void)
{
  g_autoptr(CtoPlan) plan = load_example ();
  g_autoptr(CtoOrgLayout) layout = cto_org_layout_new ();
  GListModel *people = cto_plan_get_people (plan);
  guint n_people = g_list_model_get_n_items (people);

  cto_org_layout_add_plan (layout, plan, 120, 60);
  g_assert_cmpuint (cto_org_layout_get_n_nodes (layout), ==, n_people);

  for (guint i = 0; i < n_people; i++)
    {
      g_autoptr(CtoPerson) person = g_list_model_get_item (people, i);
      int node = cto_org_layout_find_data (layout, person);
      int parent;
      const char *manager = cto_person_get_reports_to (person);

      g_assert_cmpint (node, >=, 0);
      parent = cto_org_layout_get_parent (layout, (guint) node);
      if (manager == NULL)
        g_assert_cmpint (parent, ==, -1);
      else
        g_assert_true (cto_org_layout_get_data (layout, (guint) parent) ==
                       cto_plan_find_person (plan, manager));
    }

  check_tidy (layout, 12);

  /* A person who reports to someone later in the plan still gets their
   * manager's box above theirs, and siblings keep the plan's order. */
  {
    g_autoptr(CtoPlan) backwards = cto_plan_new ();
    g_autoptr(CtoOrgLayout) tree = cto_org_layout_new ();

    add_person (backwards, "c", "C", "", 40, FALSE, NULL);
    add_person (backwards, "b", "B", "", 40, FALSE, NULL);
    add_person (backwards, "a", "A", "", 40, FALSE, NULL);
    add_person (backwards, "z", "Z", "", 40, FALSE, NULL);
    g_assert_true (cto_plan_set_reports_to (backwards, cto_plan_find_person (backwards, "c"),
                                            cto_plan_find_person (backwards, "a"), NULL));
    g_assert_true (cto_plan_set_reports_to (backwards, cto_plan_find_person (backwards, "b"),
                                            cto_plan_find_person (backwards, "a"), NULL));
    cto_org_layout_add_plan (tree, backwards, 50, 20);

    g_assert_cmpuint (cto_org_layout_get_n_roots (tree), ==, 2);
    g_assert_true (cto_org_layout_get_data (tree, cto_org_layout_get_root (tree, 0)) ==
                   cto_plan_find_person (backwards, "a"));
    g_assert_true (cto_org_layout_get_data (tree, cto_org_layout_get_root (tree, 1)) ==
                   cto_plan_find_person (backwards, "z"));
    g_assert_true (cto_org_layout_get_data (tree, cto_org_layout_get_child (tree, cto_org_layout_get_root (tree, 0), 0)) ==
                   cto_plan_find_person (backwards, "c"));
    check_tidy (tree, 12);
  }
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

static void
test_pages_example (void)
{
  g_autoptr(CtoPlan) plan = load_example ();
  g_autoptr(CtoAnalysis) analysis = cto_analysis_new (plan);
  g_autoptr(CtoBoardPages) pages = cto_board_pages_new (analysis);
  const CtoBoardPageKind kinds[] = {
    CTO_BOARD_PAGE_TITLE, CTO_BOARD_PAGE_COVERAGE, CTO_BOARD_PAGE_PEOPLE,
    CTO_BOARD_PAGE_MATRIX, CTO_BOARD_PAGE_ORG_CHART, CTO_BOARD_PAGE_GAPS,
  };
  const char *titles[] = {
    "Acme Robotics 2027", "Coverage at a glance", "People and load",
    "Who carries what", "Org chart", "Gaps",
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
  g_assert_null (cto_board_pages_get_page_title (pages, A4_W, A4_H, 6));
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

  g_assert_cmpuint (cto_board_pages_get_n_pages (pages, A4_W, A4_H), ==, 6);
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
  g_assert_cmpuint (cto_board_pages_get_n_pages (pages, A4_W, A4_H), ==, 6);
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

/* PDF, SVG, PNG ------------------------------------------------------------- */

static char *
tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("cto-report-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
    }
  g_remove (path);
}

/* The page count pdfinfo (poppler-utils) reads in the PDF at @path; every
 * page A4 landscape. */
static guint
pdf_pages (const char *path)
{
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { pdfinfo, "-f", "1", "-l", "100000", path, NULL };
  int status = 0;
  g_auto(GStrv) lines = NULL;
  guint pages = 0;
  guint n_sizes = 0;

  if (pdfinfo == NULL)
    g_error ("pdfinfo is not installed (Debian: poppler-utils)");

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  /* Every page the same size: pdfinfo -l names each page's. */
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *value = strchr (lines[i], ':');

      if (value == NULL)
        continue;
      value += 1 + strspn (value + 1, " ");
      if (g_str_has_prefix (lines[i], "Pages:"))
        pages = (guint) g_ascii_strtoull (value, NULL, 10);
      else if (g_str_has_prefix (lines[i], "Page ") && strstr (lines[i], " size:") != NULL)
        {
          g_assert_cmpstr (value, ==, "842 x 595 pts (A4)");
          n_sizes++;
        }
      else if (g_str_has_prefix (lines[i], "Page ") && strstr (lines[i], " rot:") != NULL)
        g_assert_cmpstr (value, ==, "0");
    }

  g_assert_cmpuint (pages, >, 0);
  g_assert_cmpuint (n_sizes, ==, pages);
  return pages;
}

static void
write_bytes (const char *path,
             GBytes     *bytes)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
}

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

typedef struct
{
  guint depth;
  guint elements;
  char *root;
  char *width;
  char *height;
} SvgCheck;

static void
svg_start_cb (GMarkupParseContext  *context,
              const char           *name,
              const char          **attribute_names,
              const char          **attribute_values,
              gpointer              data,
              GError              **error)
{
  SvgCheck *check = data;

  if (check->depth++ == 0)
    {
      check->root = g_strdup (name);
      for (guint i = 0; attribute_names[i] != NULL; i++)
        {
          if (strcmp (attribute_names[i], "width") == 0)
            check->width = g_strdup (attribute_values[i]);
          else if (strcmp (attribute_names[i], "height") == 0)
            check->height = g_strdup (attribute_values[i]);
        }
    }
  check->elements++;
}

static void
svg_end_cb (GMarkupParseContext  *context,
            const char           *name,
            gpointer              data,
            GError              **error)
{
  ((SvgCheck *) data)->depth--;
}

/* SVG text: well-formed XML (GMarkup is strict about it), an svg element of
 * A4 landscape in points, with the page drawn in it. */
static void
check_svg_data (const char *text,
                gsize       length)
{
  const GMarkupParser parser = { svg_start_cb, svg_end_cb, NULL, NULL, NULL };
  g_autoptr(GError) error = NULL;
  SvgCheck check = { 0 };
  GMarkupParseContext *context;

  g_assert_true (g_utf8_validate (text, (gssize) length, NULL));

  context = g_markup_parse_context_new (&parser, G_MARKUP_PREFIX_ERROR_POSITION, &check, NULL);
  g_markup_parse_context_parse (context, text, (gssize) length, &error);
  g_assert_no_error (error);
  g_markup_parse_context_end_parse (context, &error);
  g_assert_no_error (error);
  g_markup_parse_context_free (context);

  g_assert_cmpstr (check.root, ==, "svg");
  g_assert_cmpstr (check.width, ==, "842pt");
  g_assert_cmpstr (check.height, ==, "595pt");
  g_assert_cmpuint (check.depth, ==, 0);
  g_assert_cmpuint (check.elements, >, 50);
  g_free (check.root);
  g_free (check.width);
  g_free (check.height);
}

/* xmllint (libxml2-utils), a second and independent XML parser, reads the
 * file at @path without a complaint. */
static void
check_xmllint (const char *path)
{
  g_autofree char *xmllint = g_find_program_in_path ("xmllint");
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { NULL, "--noout", "--nonet", path, NULL };
  int status = 0;

  if (xmllint == NULL)
    g_error ("xmllint is not installed (Debian: libxml2-utils)");
  argv[0] = xmllint;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, &err,
                &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("xmllint refuses %s: %s", path, err);
  g_assert_cmpstr (err, ==, "");
}

static void
check_svg (CtoPlan *plan)
{
  g_autoptr(CtoAnalysis) analysis = cto_analysis_new (plan);
  g_autoptr(CtoBoardPages) pages = cto_board_pages_new (analysis);
  g_autoptr(GError) error = NULL;
  guint coverage = cto_board_pages_find_page (pages, A4_W, A4_H, CTO_BOARD_PAGE_COVERAGE);
  g_autoptr(GBytes) svg = cto_report_svg (pages, coverage, &error);
  g_autofree char *dir = tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "coverage.svg", NULL);
  const char *text;
  gsize length;

  g_assert_no_error (error);
  g_assert_nonnull (svg);
  text = g_bytes_get_data (svg, &length);
  check_svg_data (text, length);
  write_bytes (path, svg);
  check_xmllint (path);
  remove_tree (dir);

  g_assert_null (cto_report_svg (pages, 1000, &error));
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

typedef struct
{
  const guchar *data;
  gsize         length;
} Reader;

static cairo_status_t
read_cb (void          *closure,
         unsigned char *data,
         unsigned int   length)
{
  Reader *reader = closure;

  if (length > reader->length)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (data, reader->data, length);
  reader->data += length;
  reader->length -= length;

  return CAIRO_STATUS_SUCCESS;
}

/* Reads back a PNG: its size, and how many colours it has. */
static void
check_png_data (const guchar *data,
                gsize         length,
                int           width,
                int           height)
{
  Reader reader = { data, length };
  cairo_surface_t *image = cairo_image_surface_create_from_png_stream (read_cb, &reader);
  g_autoptr(GHashTable) colours = g_hash_table_new (NULL, NULL);
  const guchar *pixels;
  int stride;

  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, height);

  cairo_surface_flush (image);
  pixels = cairo_image_surface_get_data (image);
  stride = cairo_image_surface_get_stride (image);
  for (int y = 0; y < height; y += 3)
    for (int x = 0; x < width; x += 3)
      {
        guint32 pixel = *(const guint32 *) (pixels + y * stride + x * 4) & 0xffffff;

        g_hash_table_add (colours, GUINT_TO_POINTER (pixel + 1));
      }
  cairo_surface_destroy (image);

  /* Not blank: white, ink, the status colours and the edges of text. */
  g_assert_cmpuint (g_hash_table_size (colours), >, 20);
}

static void
test_png (void)
{
  g_autoptr(CtoPlan) plan = load_example ();
  g_autoptr(CtoAnalysis) analysis = cto_analysis_new (plan);
  g_autoptr(CtoBoardPages) pages = cto_board_pages_new (analysis);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) png = cto_report_png (pages, 1, 2, &error);
  g_autoptr(GBytes) small = cto_report_png (pages, 5, 1, &error);
  gsize length;
  const guchar *data;

  g_assert_no_error (error);
  data = g_bytes_get_data (png, &length);
  check_png_data (data, length, 1684, 1190);
  data = g_bytes_get_data (small, &length);
  check_png_data (data, length, 842, 595);
}

/* Exports ------------------------------------------------------------------- */

static char *
read_file (const char *path,
           gsize      *length)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);

  return contents;
}

static void
check_export_file (CtoExportFormat  format,
                   const char      *path,
                   CtoPlan         *plan)
{
  gsize length = 0;
  g_autofree char *contents = read_file (path, &length);

  g_assert_cmpuint (length, >, 100);

  switch (format)
    {
    case CTO_EXPORT_CSV:
      {
        g_autofree char *expected = cto_report_csv (plan, NULL);

        g_assert_cmpstr (contents, ==, expected);
        check_csv_text (plan, contents, length);
      }
      break;
    case CTO_EXPORT_MARKDOWN:
      g_assert_true (g_str_has_prefix (contents, "# "));
      g_assert_true (g_utf8_validate (contents, (gssize) length, NULL));
      check_markdown_tables (contents);
      break;
    case CTO_EXPORT_HTML:
      g_assert_true (g_str_has_prefix (contents, "<!DOCTYPE html>"));
      check_html_tags (contents);
      check_html_plan_text (contents, plan);
      break;
    case CTO_EXPORT_PDF:
      {
        g_autoptr(CtoAnalysis) analysis = cto_analysis_new (plan);
        g_autoptr(CtoBoardPages) pages = cto_board_pages_new (analysis);

        g_assert_cmpuint (pdf_pages (path), ==, cto_board_pages_get_n_pages (pages, A4_W, A4_H));
      }
      break;
    case CTO_EXPORT_SVG:
      check_svg_data (contents, length);
      check_xmllint (path);
      break;
    case CTO_EXPORT_PNG:
      check_png_data ((const guchar *) contents, length, 1684, 1190);
      break;
    case CTO_EXPORT_JSON:
    default:
      {
        g_autoptr(CtoPlan) read = load_plan (path);
        g_autofree char *expected = cto_plan_io_to_data (plan, NULL);
        g_autofree char *again = cto_plan_io_to_data (read, NULL);

        /* The canonical form: what the plan itself writes, and reads back. */
        g_assert_cmpstr (contents, ==, expected);
        g_assert_cmpstr (again, ==, expected);
      }
      break;
    }
}

static void
test_export_formats (void)
{
  g_autofree char *dir = tmp_dir ();
  g_autoptr(CtoPlan) example = load_example ();
  g_autoptr(CtoPlan) hostile = load_hostile ();
  CtoPlan *plans[] = { example, hostile };

  for (guint p = 0; p < G_N_ELEMENTS (plans); p++)
    {
      g_autoptr(CtoAnalysis) analysis = cto_analysis_new (plans[p]);

      for (guint f = 0; f < CTO_N_EXPORT_FORMATS; f++)
        {
          g_autofree char *name = g_strdup_printf ("out-%u.%s", p, cto_export_format_get_extension (f));
          g_autofree char *path = g_build_filename (dir, name, NULL);
          g_autoptr(GFile) file = g_file_new_for_path (path);
          g_autoptr(GError) error = NULL;
          CtoExportFormat format;

          /* Every format can be asked for by its id. */
          g_assert_true (cto_export_format_from_id (cto_export_format_get_id (f), &format));
          g_assert_cmpint (format, ==, f);

          g_assert_true (cto_export_to_file (analysis, f, file, NULL, &error));
          g_assert_no_error (error);
          check_export_file (f, path, plans[p]);
        }
    }

  remove_tree (dir);
}

static void
test_export_fails_cleanly (void)
{
  g_autofree char *dir = tmp_dir ();
  g_autofree char *missing = g_build_filename (dir, "missing", "board.pdf", NULL);
  g_autofree char *folder = g_build_filename (dir, "folder", NULL);
  g_autofree char *existing = g_build_filename (dir, "existing.csv", NULL);
  g_autofree char *under_file = g_build_filename (existing, "board.pdf", NULL);
  g_autoptr(CtoPlan) plan = load_example ();
  g_autoptr(CtoAnalysis) analysis = cto_analysis_new (plan);

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  g_assert_true (g_file_set_contents (existing, "keep me\n", -1, NULL));

  for (guint f = 0; f < CTO_N_EXPORT_FORMATS; f++)
    {
      const char *targets[] = { missing, folder, under_file };

      for (guint t = 0; t < G_N_ELEMENTS (targets); t++)
        {
          g_autoptr(GFile) file = g_file_new_for_path (targets[t]);
          g_autoptr(GError) error = NULL;
          g_autofree char *kept = NULL;
          g_autoptr(GDir) listing = NULL;
          guint n_entries = 0;

          g_assert_false (cto_export_to_file (analysis, f, file, NULL, &error));
          g_assert_nonnull (error);

          /* Nothing new in the folder, the folder still a folder, the
           * existing file as it was. */
          g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
          g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
          kept = read_file (existing, NULL);
          g_assert_cmpstr (kept, ==, "keep me\n");
          listing = g_dir_open (dir, 0, NULL);
          while (g_dir_read_name (listing) != NULL)
            n_entries++;
          g_assert_cmpuint (n_entries, ==, 2);
        }
    }

  remove_tree (dir);
}

/* The command line ---------------------------------------------------------- */

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
run_export (Run        *run,
            const char *format,
            const char *output,
            const char *plan)
{
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  const char *program = g_getenv ("CTO_PLANNER");

  g_assert_nonnull (program);
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  g_subprocess_launcher_setenv (launcher, "LANGUAGE", "C", TRUE);

  process = g_subprocess_launcher_spawn (launcher, &error, program, "--export", format,
                                         "--output", output, plan, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  run->status = g_subprocess_get_if_exited (process) ? g_subprocess_get_exit_status (process) : -1;
}

static void
test_cli_export (void)
{
  g_autofree char *dir = tmp_dir ();
  g_autofree char *example = example_path ();
  g_autofree char *hostile = hostile_path ();
  const char *paths[2] = { example, hostile };

  for (guint p = 0; p < G_N_ELEMENTS (paths); p++)
    {
      g_autoptr(CtoPlan) plan = load_plan (paths[p]);

      for (guint f = 0; f < CTO_N_EXPORT_FORMATS; f++)
        {
          g_autofree char *name = g_strdup_printf ("cli-%u.%s", p, cto_export_format_get_extension (f));
          g_autofree char *path = g_build_filename (dir, name, NULL);
          g_auto(Run) run = { 0 };

          run_export (&run, cto_export_format_get_id (f), path, paths[p]);
          g_assert_cmpint (run.status, ==, 0);
          g_assert_cmpstr (run.err, ==, "");
          check_export_file (f, path, plan);
        }
    }

  remove_tree (dir);
}

/* A hundred people through the command line: the PDF has every page. */
static void
test_cli_export_large (void)
{
  g_autofree char *dir = tmp_dir ();
  g_autofree char *plan_path = g_build_filename (dir, "large.ctoplan.json", NULL);
  g_autofree char *pdf_path = g_build_filename (dir, "large.pdf", NULL);
  g_autofree char *csv_path = g_build_filename (dir, "large.csv", NULL);
  g_autoptr(CtoPlan) plan = make_large_plan (100);
  g_autoptr(CtoAnalysis) analysis = cto_analysis_new (plan);
  g_autoptr(CtoBoardPages) pages = cto_board_pages_new (analysis);
  g_autoptr(GFile) file = g_file_new_for_path (plan_path);
  g_autoptr(GError) error = NULL;
  g_auto(Run) pdf = { 0 };
  g_auto(Run) csv = { 0 };
  guint n_pages = cto_board_pages_get_n_pages (pages, A4_W, A4_H);

  g_assert_true (cto_plan_io_save_file (plan, file, NULL, &error));
  g_assert_no_error (error);

  run_export (&pdf, "pdf", pdf_path, plan_path);
  g_assert_cmpint (pdf.status, ==, 0);
  g_assert_cmpstr (pdf.err, ==, "");
  g_assert_cmpuint (n_pages, >, 6 + 3 * 5);
  g_assert_cmpuint (pdf_pages (pdf_path), ==, n_pages);

  run_export (&csv, "csv", csv_path, plan_path);
  g_assert_cmpint (csv.status, ==, 0);
  check_export_file (CTO_EXPORT_CSV, csv_path, plan);

  remove_tree (dir);
}

static void
test_cli_export_fails (void)
{
  g_autofree char *dir = tmp_dir ();
  g_autofree char *example = example_path ();
  g_autofree char *missing = g_build_filename (dir, "missing", "board.pdf", NULL);
  g_autofree char *existing = g_build_filename (dir, "board.pdf", NULL);
  g_autofree char *below_existing = g_build_filename (existing, "board.pdf", NULL);
  g_autofree char *refused = g_test_build_filename (G_TEST_DIST, "data", "invalid-cycle.json", NULL);
  const char *formats[] = { "csv", "markdown", "html", "pdf", "svg", "png" };

  g_assert_true (g_file_set_contents (existing, "old\n", -1, NULL));

  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      g_auto(Run) into_missing = { 0 };
      g_auto(Run) into_folder = { 0 };
      g_auto(Run) under_file = { 0 };
      g_auto(Run) from_refused = { 0 };
      g_autofree char *kept = NULL;

      run_export (&into_missing, formats[f], missing, example);
      g_assert_cmpint (into_missing.status, ==, 1);
      g_assert_cmpstr (into_missing.err, !=, "");
      g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

      run_export (&into_folder, formats[f], dir, example);
      g_assert_cmpint (into_folder.status, ==, 1);
      g_assert_cmpstr (into_folder.err, !=, "");
      g_assert_true (g_file_test (dir, G_FILE_TEST_IS_DIR));

      /* Under a regular file: no folder is there to write in. */
      run_export (&under_file, formats[f], below_existing, example);
      g_assert_cmpint (under_file.status, ==, 1);
      g_assert_cmpstr (under_file.err, !=, "");
      g_assert_true (g_file_test (existing, G_FILE_TEST_IS_REGULAR));

      run_export (&from_refused, formats[f], existing, refused);
      g_assert_cmpint (from_refused.status, ==, 1);
      kept = read_file (existing, NULL);
      g_assert_cmpstr (kept, ==, "old\n");
    }

  /* No half-made file, no temporary file left behind: only the old file. */
  {
    g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
    const char *name;
    guint n_entries = 0;

    g_assert_nonnull (listing);
    while ((name = g_dir_read_name (listing)) != NULL)
      {
        g_assert_cmpstr (name, ==, "board.pdf");
        n_entries++;
      }
    g_assert_cmpuint (n_entries, ==, 1);
  }

  remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report/csv/example", test_csv_example);
  g_test_add_func ("/report/csv/hostile", test_csv_hostile);
  g_test_add_func ("/report/csv/fields", test_csv_fields);
  g_test_add_func ("/report/csv/empty", test_csv_empty);
  g_test_add_func ("/report/markdown/example", test_markdown_example);
  g_test_add_func ("/report/markdown/hostile", test_markdown_hostile);
  g_test_add_func ("/report/html/example", test_html_example);
  g_test_add_func ("/report/html/hostile", test_html_hostile);
  g_test_add_func ("/report/org-layout/shapes", test_org_layout_shapes);
  g_test_add_func ("/report/org-layout/known", test_org_layout_known);
  g_test_add_func ("/report/org-layout/deep", test_org_layout_deep);
  g_test_add_func ("/report/org-layout/plan", test_org_layout_plan);
  g_test_add_func ("/report/pages/example", test_pages_example);
  g_test_add_func ("/report/pages/hostile", test_pages_hostile);
  g_test_add_func ("/report/pages/empty", test_pages_empty);
  g_test_add_func ("/report/pages/paginate", test_pages_paginate);
  g_test_add_func ("/report/pages/org-chain", test_pages_org_chain);
  g_test_add_func ("/report/pages/follow", test_pages_follow);
  g_test_add_func ("/report/pdf", test_pdf);
  g_test_add_func ("/report/svg", test_svg);
  g_test_add_func ("/report/png", test_png);
  g_test_add_func ("/report/export/formats", test_export_formats);
  g_test_add_func ("/report/export/fails-cleanly", test_export_fails_cleanly);
  g_test_add_func ("/report/cli/export", test_cli_export);
  g_test_add_func ("/report/cli/export-large", test_cli_export_large);
  g_test_add_func ("/report/cli/export-fails", test_cli_export_fails);

  return g_test_run ();
}
