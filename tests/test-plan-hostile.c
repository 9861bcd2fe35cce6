/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "cto-analysis.h"
#include "cto-plan-io.h"
#include "cto-report-csv.h"
#include "cto-report-html.h"
#include "cto-report-markdown.h"
#include "cto-report-summary.h"

/* Plans that someone crafted, or that a spreadsheet or a script made by
 * accident (PLAN-FORMAT.md, sections 2 and 8): each is refused with a message
 * that points at the real mistake and is safe on a terminal, or read and
 * kept exactly. */

#define HEAD "{\"format\": \"cto-planner-plan\", \"version\": 1"
#define PERSON(members) HEAD ", \"people\": [{\"id\": \"a\", \"name\": \"A\"" members "}]}"
#define ASSIGNED(members) \
  HEAD ", \"people\": [{\"id\": \"a\", \"name\": \"A\"}], \"responsibilities\": [{\"id\": \"r\", " \
  "\"title\": \"R\", \"function\": \"thinker\", \"assignees\": [{\"person\": \"a\"" members "}]}]}"

static char *
data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
}

/* A message is one line and holds nothing a terminal would act on. */
static void
assert_safe_message (const char *message)
{
  for (const char *p = message; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      g_assert_true (g_utf8_validate (p, -1, NULL));
      g_assert_false (c < 0x20 || (c >= 0x7f && c <= 0x9f) ||
                      (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) ||
                      (c >= 0xfdd0 && c <= 0xfdef) || (c & 0xfffe) == 0xfffe);
    }
}

typedef struct
{
  const char *name;
  const char *text;
  int         code;       /* -1: valid */
  const char *message;
} Case;

static const Case cases[] = {
  /* Brackets and the grammar: the message points at the real mistake. */
  { "array-closed-by-brace", HEAD ", \"x\": [}", CTO_PLAN_ERROR_SYNTAX,
    "line 1, column 52: \"}\" does not close \"[\" opened at line 1, column 51" },
  { "object-closed-by-bracket", HEAD ", \"x\": {]}", CTO_PLAN_ERROR_SYNTAX,
    "line 1, column 52: \"]\" does not close \"{\" opened at line 1, column 51" },
  { "top-closed-by-bracket", HEAD "]", CTO_PLAN_ERROR_SYNTAX,
    "line 1, column 44: \"]\" does not close \"{\" opened at line 1, column 1" },
  { "inner-mismatch-on-later-line", HEAD ",\n  \"x\": [\n    {\"a\": [1, 2}\n  ]}",
    CTO_PLAN_ERROR_SYNTAX, "line 3, column 16: \"}\" does not close \"[\" opened at line 3, column 11" },
  { "unclosed-names-opener", HEAD ",\n  \"people\": [\n    {\"id\": \"a\"}\n",
    CTO_PLAN_ERROR_SYNTAX,
    "line 4, column 1: unexpected end of file: \"[\" opened at line 2, column 13 is not closed" },
  { "trailing-comma-array", HEAD ", \"x\": [1,]}", CTO_PLAN_ERROR_SYNTAX,
    "line 1, column 54: expected a value after \",\"" },
  { "trailing-comma-object", HEAD ",}", CTO_PLAN_ERROR_SYNTAX,
    "line 1, column 45: expected a member name in double quotes after \",\"" },
  { "missing-colon", HEAD ", \"x\" 1}", CTO_PLAN_ERROR_SYNTAX,
    "line 1, column 49: expected \":\" after the member name" },
  { "missing-value", HEAD ", \"x\": }", CTO_PLAN_ERROR_SYNTAX,
    "line 1, column 51: expected a value after \":\"" },
  { "missing-comma-array", HEAD ", \"x\": [1 2]}", CTO_PLAN_ERROR_SYNTAX,
    "line 1, column 53: expected \",\" or \"]\"" },
  { "double-comma", HEAD ", \"x\": [1,,2]}", CTO_PLAN_ERROR_SYNTAX,
    "line 1, column 54: expected a value after \",\"" },
  { "colon-in-array", HEAD ", \"x\": [1: 2]}", CTO_PLAN_ERROR_SYNTAX,
    "line 1, column 53: expected \",\" or \"]\"" },
  { "unquoted-name", HEAD ", x: 1}", CTO_PLAN_ERROR_SYNTAX,
    "line 1, column 46: expected a member name in double quotes after \",\"" },
  { "number-as-name", "{1: 2}", CTO_PLAN_ERROR_SYNTAX,
    "line 1, column 2: expected a member name in double quotes or \"}\"" },
  { "unknown-word", HEAD ", \"x\": True}", CTO_PLAN_ERROR_SYNTAX,
    "line 1, column 51: unexpected word \"True\"" },
  { "short-word", HEAD ", \"x\": nul}", CTO_PLAN_ERROR_SYNTAX,
    "line 1, column 51: unexpected word \"nul\"" },
  { "long-word-cut", HEAD ", \"x\": aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa}",
    CTO_PLAN_ERROR_SYNTAX,
    "line 1, column 51: unexpected word "
    "\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa…\"" },
  { "empty-object-ok", HEAD ", \"x\": {}, \"y\": [], \"z\": [[], {}]}", -1, NULL },

  /* A member named twice, at any level, by its path. */
  { "duplicate-top", HEAD ", \"title\": \"A\", \"title\": \"B\"}", CTO_PLAN_ERROR_INVALID,
    "top level: duplicate member \"title\"" },
  { "duplicate-format", HEAD ", \"format\": \"cto-planner-plan\"}", CTO_PLAN_ERROR_INVALID,
    "top level: duplicate member \"format\"" },
  { "duplicate-people", HEAD ", \"people\": [{\"id\": \"a\", \"name\": \"A\"}], \"people\": []}",
    CTO_PLAN_ERROR_INVALID, "top level: duplicate member \"people\"" },
  { "duplicate-capacity", PERSON (", \"capacity\": 40, \"capacity\": 1"), CTO_PLAN_ERROR_INVALID,
    "people[0]: duplicate member \"capacity\"" },
  { "duplicate-settings-member",
    HEAD ", \"settings\": {\"hours_per_fte\": 40, \"hours_per_fte\": 0.5}}",
    CTO_PLAN_ERROR_INVALID, "settings: duplicate member \"hours_per_fte\"" },
  { "duplicate-assignee-member", ASSIGNED (", \"share\": 1, \"share\": 2"), CTO_PLAN_ERROR_INVALID,
    "responsibilities[0].assignees[0]: duplicate member \"share\"" },
  { "duplicate-by-escape", PERSON (", \"role\": \"x\", \"r\\u006fle\": \"y\""),
    CTO_PLAN_ERROR_INVALID, "people[0]: duplicate member \"role\"" },
  { "duplicate-by-surrogates", HEAD ", \"x\": {\"💡\": 1, \"\\ud83d\\udca1\": 2}}",
    CTO_PLAN_ERROR_INVALID, "x: duplicate member \"💡\"" },
  { "duplicate-in-unknown", HEAD ", \"x\": [0, {\"a b\": [{\"k\": 1, \"k\": 2}]}]}",
    CTO_PLAN_ERROR_INVALID, "x[1][\"a b\"][0]: duplicate member \"k\"" },
  { "duplicate-odd-name", HEAD ", \"\\u202e\\u001b[2J\": 1, \"\\u202e\\u001b[2J\": 2}",
    CTO_PLAN_ERROR_INVALID, "top level: duplicate member \"\\u{202e}\\u{1b}[2J\"" },
  { "duplicate-empty-name", HEAD ", \"\": 1, \"\": 2}", CTO_PLAN_ERROR_INVALID,
    "top level: duplicate member \"\"" },
  { "same-name-in-siblings-ok", HEAD ", \"x\": [{\"k\": 1}, {\"k\": 2}], \"k\": {\"k\": {\"k\": 3}}}",
    -1, NULL },
  { "names-differ-by-case-ok", HEAD ", \"Title\": 1, \"TITLE\": 2}", -1, NULL },

  /* Numbers of named members: 0, or from 0.01 to 1,000,000. */
  { "capacity-tiny", PERSON (", \"capacity\": 1e-303"), CTO_PLAN_ERROR_INVALID,
    "people[0].capacity: must be 0 or at least 0.01" },
  { "capacity-below-limit", PERSON (", \"capacity\": 0.00999"), CTO_PLAN_ERROR_INVALID,
    "people[0].capacity: must be 0 or at least 0.01" },
  { "capacity-at-limit-ok", PERSON (", \"capacity\": 0.01"), -1, NULL },
  { "capacity-zero-ok", PERSON (", \"capacity\": 0"), -1, NULL },
  { "capacity-negative-zero-ok", PERSON (", \"capacity\": -0.0"), -1, NULL },
  { "capacity-too-large", PERSON (", \"capacity\": 1000000.5"), CTO_PLAN_ERROR_INVALID,
    "people[0].capacity: must be at most 1000000" },
  { "capacity-infinite", PERSON (", \"capacity\": 1e400"), CTO_PLAN_ERROR_INVALID,
    "people[0].capacity: must be a finite number" },
  { "hours-tiny", HEAD ", \"settings\": {\"hours_per_fte\": 1e-308}}", CTO_PLAN_ERROR_INVALID,
    "settings.hours_per_fte: must be at least 0.01" },
  { "hours-underflow", HEAD ", \"settings\": {\"hours_per_fte\": 1e-400}}", CTO_PLAN_ERROR_INVALID,
    "settings.hours_per_fte: must be greater than 0" },
  { "threshold-tiny", HEAD ", \"settings\": {\"overload_threshold\": 0.005}}",
    CTO_PLAN_ERROR_INVALID, "settings.overload_threshold: must be at least 0.01" },
  { "threshold-at-limit-ok", HEAD ", \"settings\": {\"overload_threshold\": 1000000}}", -1, NULL },
  { "effort-tiny", HEAD ", \"responsibilities\": [{\"id\": \"r\", \"title\": \"R\", "
    "\"function\": \"thinker\", \"effort\": 5e-324}]}", CTO_PLAN_ERROR_INVALID,
    "responsibilities[0].effort: must be 0 or at least 0.01" },
  { "share-tiny", ASSIGNED (", \"share\": 1e-300"), CTO_PLAN_ERROR_INVALID,
    "responsibilities[0].assignees[0].share: must be at least 0.01" },
  { "share-huge", ASSIGNED (", \"share\": 1e300"), CTO_PLAN_ERROR_INVALID,
    "responsibilities[0].assignees[0].share: must be at most 1000000" },
  { "unknown-numbers-kept", HEAD ", \"x\": [1e-303, -1e300, 5e-324, 123456789012345678]}", -1, NULL },
  { "unknown-infinite", HEAD ", \"x\": {\"\\u001b\\n\": 1e999}}", -1, NULL },

  /* Values quoted in messages are escaped and cut. */
  { "forged-line-in-value",
    PERSON (", \"reports_to\": \"x\\ncto-planner: plan.json: valid plan\\u001b[2K\""),
    CTO_PLAN_ERROR_INVALID,
    "people[0].reports_to: unknown person "
    "\"x\\u{a}cto-planner: plan.json: valid plan\\u{1b}[2K\"" },
  { "bidi-in-value", HEAD ", \"responsibilities\": [{\"id\": \"r\", \"title\": \"R\", "
    "\"function\": \"\u202ethinker\u2066\"}]}", CTO_PLAN_ERROR_INVALID,
    "responsibilities[0].function: unknown function \"\\u{202e}thinker\\u{2066}\"" },
  { "c1-and-del-in-value", PERSON (", \"reports_to\": \"\\u009b31m\\u007f\\ufffe\""),
    CTO_PLAN_ERROR_INVALID,
    "people[0].reports_to: unknown person \"\\u{9b}31m\\u{7f}\\u{fffe}\"" },
};

static void
test_case (gconstpointer data)
{
  const Case *c = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CtoPlan) plan = cto_plan_io_load_data (c->text, strlen (c->text), &error);

  if (c->code < 0)
    {
      g_assert_no_error (error);
      g_assert_nonnull (plan);
      return;
    }

  g_assert_null (plan);
  g_assert_error (error, CTO_PLAN_ERROR, c->code);
  g_assert_cmpstr (error->message, ==, c->message);
  assert_safe_message (error->message);
}

/* An object of many members, the repeated one far from the first: the names
 * are not only compared with a few before. */
static void
test_duplicate_in_large_object (void)
{
  g_autoptr(GString) text = g_string_new (HEAD ", \"x\": {");
  g_autoptr(GString) unique = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CtoPlan) plan = NULL;

  for (guint i = 0; i < 5000; i++)
    g_string_append_printf (text, "%s\"m%u\": %u", i > 0 ? ", " : "", i, i);
  unique = g_string_new (text->str);
  g_string_append (unique, "}}");
  g_string_append (text, ", \"m17\": 0}}");

  plan = cto_plan_io_load_data (unique->str, unique->len, &error);
  g_assert_no_error (error);
  g_clear_object (&plan);

  plan = cto_plan_io_load_data (text->str, text->len, &error);
  g_assert_null (plan);
  g_assert_error (error, CTO_PLAN_ERROR, CTO_PLAN_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "x: duplicate member \"m17\"");
}

/* The path of a repeated name deep down, through arrays and long names, each
 * name cut at 64 bytes. */
static void
test_duplicate_deep_path (void)
{
  g_autoptr(GString) text = g_string_new (HEAD ", \"");
  g_autoptr(GString) expected = g_string_new ("[\"");
  g_autoptr(GError) error = NULL;
  g_autoptr(CtoPlan) plan = NULL;

  for (guint i = 0; i < 100; i++)
    g_string_append_c (text, 'n');
  for (guint i = 0; i < 64; i++)
    g_string_append_c (expected, 'n');
  g_string_append (text, "\": [[{\"k\": 1, \"k\": 2}]]}");
  g_string_append (expected, "…\"][0][0]: duplicate member \"k\"");

  plan = cto_plan_io_load_data (text->str, text->len, &error);
  g_assert_null (plan);
  g_assert_cmpstr (error->message, ==, expected->str);
}

/* Numbers of members the format does not name are kept exactly, through a
 * save and a second read. */
static void
test_unknown_numbers_kept (void)
{
  static const char * const exact[] = {
    "123456789012345678901.5", "1E2", "1.0", "-0", "0.10", "9223372036854775807",
    "-10000000000000000000", "1e999", "-2E-999",
  };
  g_autofree char *path = data_path ("valid-extra-numbers.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CtoPlan) plan = cto_plan_io_load_file (file, NULL, &error);
  g_autoptr(CtoPlan) again = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text_again = NULL;
  gsize length = 0;

  g_assert_no_error (error);
  text = cto_plan_io_to_data (plan, &length);
  g_assert_nonnull (strstr (text, "\"tiny\": 1e-303,"));
  g_assert_nonnull (strstr (text, "\"huge\": -1.5e300,"));
  g_assert_nonnull (strstr (text, "5551234567"));
  /* As written, digit for digit: past what a double or an int64 holds, and
   * forms that read as another number's text. */
  for (guint i = 0; i < G_N_ELEMENTS (exact); i++)
    {
      g_autofree char *line = g_strdup_printf (" %s%s\n", exact[i],
                                               i + 1 < G_N_ELEMENTS (exact) ? "," : "");

      g_assert_nonnull (strstr (text, line));
    }

  again = cto_plan_io_load_data (text, length, &error);
  g_assert_no_error (error);
  text_again = cto_plan_io_to_data (again, NULL);
  g_assert_cmpstr (text_again, ==, text);
}

/* Files keep the plan's text as it is: only what JSON requires is escaped. */
static void
test_file_keeps_text (void)
{
  static const char text[] =
    HEAD ", \"title\": \"\\u202eRTL\\u007f DEL \\u0085 NEL \\ufffe \\u2066 \\u001b[2J\"}";
  g_autoptr(GError) error = NULL;
  g_autoptr(CtoPlan) plan = cto_plan_io_load_data (text, strlen (text), &error);
  g_autofree char *saved = NULL;

  g_assert_no_error (error);
  saved = cto_plan_io_to_data (plan, NULL);
  g_assert_nonnull (strstr (saved, "\"title\": \"\u202eRTL\x7f DEL \xc2\x85 NEL \ufffe \u2066 "
                                   "\\u001b[2J\",\n"));
}

/* Only regular files are read; anything else is refused at once. */
typedef enum { KIND_FIFO, KIND_FOLDER, KIND_SOCKET, KIND_DEVICE, KIND_LINK_TO_FIFO } Kind;

typedef struct
{
  const char *name;
  Kind        kind;
  int         code;
  const char *message;
} FileCase;

static const FileCase file_cases[] = {
  { "fifo", KIND_FIFO, G_IO_ERROR_NOT_REGULAR_FILE, "file: is a pipe (FIFO), not a regular file" },
  { "link-to-fifo", KIND_LINK_TO_FIFO, G_IO_ERROR_NOT_REGULAR_FILE,
    "file: is a pipe (FIFO), not a regular file" },
  { "folder", KIND_FOLDER, G_IO_ERROR_IS_DIRECTORY, "file: is a folder, not a file" },
  { "socket", KIND_SOCKET, G_IO_ERROR_NOT_REGULAR_FILE, "file: is a socket, not a regular file" },
  { "device", KIND_DEVICE, G_IO_ERROR_NOT_REGULAR_FILE, "file: is a device, not a regular file" },
};

static void
test_file_kind (gconstpointer data)
{
  const FileCase *c = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("cto-hostile-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "plan.json", NULL);
  g_autofree char *fifo = g_build_filename (dir, "fifo", NULL);
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(CtoPlan) plan = NULL;

  g_assert_no_error (error);

  switch (c->kind)
    {
    case KIND_FIFO:
      g_assert_cmpint (mkfifo (path, 0600), ==, 0);
      break;
    case KIND_LINK_TO_FIFO:
      g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
      g_assert_cmpint (symlink (fifo, path), ==, 0);
      break;
    case KIND_FOLDER:
      g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
      break;
    case KIND_SOCKET:
      {
        g_autoptr(GSocketAddress) address = g_unix_socket_address_new (path);

        socket = g_socket_new (G_SOCKET_FAMILY_UNIX, G_SOCKET_TYPE_STREAM,
                               G_SOCKET_PROTOCOL_DEFAULT, &error);
        g_assert_no_error (error);
        g_socket_bind (socket, address, TRUE, &error);
        g_assert_no_error (error);
      }
      break;
    case KIND_DEVICE:
      g_clear_pointer (&path, g_free);
      path = g_strdup ("/dev/null");
      break;
    }

  /* A FIFO with no writer: waited on, this would never return. */
  file = g_file_new_for_path (path);
  plan = cto_plan_io_load_file (file, NULL, &error);
  g_assert_null (plan);
  g_assert_error (error, G_IO_ERROR, c->code);
  g_assert_cmpstr (error->message, ==, c->message);

  if (c->kind != KIND_DEVICE)
    {
      if (c->kind == KIND_FOLDER)
        g_rmdir (path);
      else
        g_unlink (path);
    }
  g_unlink (fifo);
  g_rmdir (dir);
}

/* Figures from numbers that escaped the reader's rule (a plan built in
 * code) are written, not aborted on: JSON says null, and every other writer
 * of numbers gives its text. */
static void
test_summary_non_finite (void)
{
  g_autoptr(CtoPlan) plan = cto_plan_new ();
  g_autoptr(CtoPerson) person = cto_person_new ("a", "A", "", 1e-320, FALSE);
  g_autoptr(CtoResponsibility) responsibility =
    cto_responsibility_new ("r", "R", CTO_FUNCTION_THINKER, 1000000, "");
  g_autoptr(CtoAnalysis) analysis = NULL;
  g_autofree char *json = NULL;
  g_autofree char *text = NULL;

  cto_plan_insert_person (plan, 0, person);
  cto_plan_insert_responsibility (plan, 0, responsibility);
  g_assert_true (cto_plan_assign (plan, responsibility, person, 1));

  analysis = cto_analysis_new (plan);
  json = cto_report_summary_json (analysis);
  text = cto_report_summary_text (analysis);
  g_assert_nonnull (strstr (json, "\"utilization\": null"));
  g_assert_nonnull (text);

  {
    g_autoptr(GDateTime) date = g_date_time_new_utc (2027, 1, 1, 0, 0, 0);
    g_autofree char *csv = cto_report_csv (plan, NULL);
    g_autofree char *markdown = cto_report_markdown (analysis, date, NULL);
    g_autofree char *html = cto_report_html (analysis, date, NULL);
    g_autofree char *saved = cto_plan_io_to_data (plan, NULL);

    g_assert_nonnull (csv);
    g_assert_nonnull (markdown);
    g_assert_nonnull (html);
    g_assert_nonnull (strstr (saved, "\"capacity\": 1e-320,"));
  }
}

/* Plan text never starts a Markdown block of its own and stays in its item. */
typedef struct
{
  const char *title;
  const char *item;   /* the list item of the unassigned responsibility */
} MarkdownCase;

static const MarkdownCase markdown_cases[] = {
  { "Plain", "- Plain (Thinker, 1 h)\n" },
  { "- item", "- \\- item (Thinker, 1 h)\n" },
  { "+ item", "- \\+ item (Thinker, 1 h)\n" },
  { "* item", "- \\* item (Thinker, 1 h)\n" },
  { "# heading", "- \\# heading (Thinker, 1 h)\n" },
  { "> quote", "- \\> quote (Thinker, 1 h)\n" },
  { "| cell |", "- \\| cell \\| (Thinker, 1 h)\n" },
  { "1. first", "- 1\\. first (Thinker, 1 h)\n" },
  { "123456789) ninth", "- 123456789\\) ninth (Thinker, 1 h)\n" },
  { "2027 plans", "- 2027 plans (Thinker, 1 h)\n" },
  { "    code", "- &#32;   code (Thinker, 1 h)\n" },
  { "\tindented", "- &#32;indented (Thinker, 1 h)\n" },
  { "two\n# lines", "- two \\# lines (Thinker, 1 h)\n" },
  { "row\r\n| a | b |", "- row  \\| a \\| b \\| (Thinker, 1 h)\n" },
  { "---", "- \\--- (Thinker, 1 h)\n" },
};

static void
test_markdown_blocks (void)
{
  g_autoptr(GDateTime) date = g_date_time_new_utc (2027, 1, 1, 0, 0, 0);

  for (guint i = 0; i < G_N_ELEMENTS (markdown_cases); i++)
    {
      g_autoptr(CtoPlan) plan = cto_plan_new ();
      g_autoptr(CtoResponsibility) responsibility =
        cto_responsibility_new ("r", markdown_cases[i].title, CTO_FUNCTION_THINKER, 1, "");
      g_autoptr(CtoAnalysis) analysis = NULL;
      g_autofree char *markdown = NULL;

      cto_plan_insert_responsibility (plan, 0, responsibility);
      analysis = cto_analysis_new (plan);
      markdown = cto_report_markdown (analysis, date, NULL);
      if (strstr (markdown, markdown_cases[i].item) == NULL)
        g_error ("%s: no item %s in\n%s", markdown_cases[i].title, markdown_cases[i].item, markdown);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/plan-hostile/read/%s", cases[i].name);

      g_test_add_data_func (path, &cases[i], test_case);
    }
  g_test_add_func ("/plan-hostile/read/duplicate-in-large-object", test_duplicate_in_large_object);
  g_test_add_func ("/plan-hostile/read/duplicate-deep-path", test_duplicate_deep_path);
  g_test_add_func ("/plan-hostile/write/unknown-numbers-kept", test_unknown_numbers_kept);
  for (guint i = 0; i < G_N_ELEMENTS (file_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/plan-hostile/file/%s", file_cases[i].name);

      g_test_add_data_func (path, &file_cases[i], test_file_kind);
    }
  g_test_add_func ("/plan-hostile/write/file-keeps-text", test_file_keeps_text);
  g_test_add_func ("/plan-hostile/summary/non-finite", test_summary_non_finite);
  g_test_add_func ("/plan-hostile/markdown/blocks", test_markdown_blocks);

  return g_test_run ();
}

