/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include "cto-json-writer.h"
#include "cto-terminal-text.h"

/* Text that reaches a terminal (PLAN-FORMAT.md, section 8). */

typedef struct
{
  const char *name;
  const char *text;
  gssize      length;       /* -1: up to the nul */
  const char *one_line;
  const char *multi_line;   /* %NULL: as one_line */
} EscapeCase;

static const EscapeCase escape_cases[] = {
  { "plain", "Ana Pérez, 👩‍💻 and 中文", -1, "Ana Pérez, 👩‍💻 and 中文", NULL },
  { "clear-screen", "\x1b[2J\x1b[H", -1, "\\u{1b}[2J\\u{1b}[H", NULL },
  { "window-title", "\x1b]0;owned\x07", -1, "\\u{1b}]0;owned\\u{7}", NULL },
  { "line-feed", "one\ntwo", -1, "one\\u{a}two", "one\ntwo" },
  { "carriage-return", "one\rtwo\r\n", -1, "one\\u{d}two\\u{d}\\u{a}", "one\\u{d}two\\u{d}\n" },
  { "tab", "a\tb", -1, "a\\u{9}b", NULL },
  { "nul-inside", "a\0b", 3, "a\\u{0}b", NULL },
  { "del", "a\x7f" "b", -1, "a\\u{7f}b", NULL },
  { "c1-csi", "a\xc2\x9b" "31m", -1, "a\\u{9b}31m", NULL },
  { "c1-nel", "a\xc2\x85" "b", -1, "a\\u{85}b", NULL },
  { "c1-edges", "\xc2\x80\xc2\x9f\xc2\xa0", -1, "\\u{80}\\u{9f}\xc2\xa0", NULL },
  { "bidi-override", "\u202egnp.exe", -1, "\\u{202e}gnp.exe", NULL },
  { "bidi-range", "\u202a\u202b\u202c\u202d\u2029", -1,
    "\\u{202a}\\u{202b}\\u{202c}\\u{202d}\u2029", NULL },
  { "bidi-isolates", "\u2066x\u2067\u2068\u2069\u2065", -1,
    "\\u{2066}x\\u{2067}\\u{2068}\\u{2069}\u2065", NULL },
  { "noncharacters", "\ufdd0\ufdef\ufffe\uffff\U0001fffe\U0010ffff\ufdcf", -1,
    "\\u{fdd0}\\u{fdef}\\u{fffe}\\u{ffff}\\u{1fffe}\\u{10ffff}\ufdcf", NULL },
  { "not-utf8", "plan\xff\xfe.json", -1, "plan\\xff\\xfe.json", NULL },
  { "latin1-name", "caf\xe9.json", -1, "caf\\xe9.json", NULL },
  { "cut-character", "ab\xe2\x82", -1, "ab\\xe2\\x82", NULL },
  { "overlong", "\xc0\xaf", -1, "\\xc0\\xaf", NULL },
  { "surrogate-bytes", "\xed\xa0\x80", -1, "\\xed\\xa0\\x80", NULL },
  { "backslash-kept", "C:\\plans\\u{1b}", -1, "C:\\plans\\u{1b}", NULL },
  { "empty", "", -1, "", NULL },
};

static void
test_escape (gconstpointer data)
{
  const EscapeCase *c = data;
  g_autofree char *one_line = cto_terminal_text (c->text, c->length, CTO_TERMINAL_TEXT_ONE_LINE);
  g_autofree char *multi_line = cto_terminal_text (c->text, c->length,
                                                   CTO_TERMINAL_TEXT_KEEP_LINE_FEED);
  g_autofree char *twice = cto_terminal_text (one_line, -1, CTO_TERMINAL_TEXT_ONE_LINE);

  g_assert_cmpstr (one_line, ==, c->one_line);
  g_assert_cmpstr (multi_line, ==, c->multi_line != NULL ? c->multi_line : c->one_line);
  g_assert_true (g_utf8_validate (one_line, -1, NULL));
  g_assert_null (strchr (one_line, '\n'));
  /* Escaped text goes through again unchanged: messages may be escaped by
   * the library and again by the command line. */
  g_assert_cmpstr (twice, ==, one_line);
}

typedef struct
{
  const char *name;
  const char *value;
  const char *quoted;
} QuoteCase;

static const QuoteCase quote_cases[] = {
  { "plain", "bob", "\"bob\"" },
  { "quote-and-backslash", "a\"b\\c", "\"a\\\"b\\\\c\"" },
  { "forged-line", "x\ncto-planner: ok", "\"x\\u{a}cto-planner: ok\"" },
  { "exactly-64",
    "0123456789012345678901234567890123456789012345678901234567890123",
    "\"0123456789012345678901234567890123456789012345678901234567890123\"" },
  { "65-cut",
    "01234567890123456789012345678901234567890123456789012345678901234",
    "\"0123456789012345678901234567890123456789012345678901234567890123…\"" },
  /* 63 ASCII bytes then "é" (2 bytes): the cut falls inside it, so it goes. */
  { "cut-at-character",
    "012345678901234567890123456789012345678901234567890123456789012é",
    "\"012345678901234567890123456789012345678901234567890123456789012…\"" },
  /* The cut counts the value's own bytes; escapes may make the shown text longer. */
  { "cut-then-escape",
    "\x1b\x1b\x1b\x1b\x1b\x1b\x1b\x1b\x1b\x1b\x1b\x1b\x1b\x1b\x1b\x1b"
    "\x1b\x1b\x1b\x1b\x1b\x1b\x1b\x1b\x1b\x1b\x1b\x1b\x1b\x1b\x1b\x1b"
    "\x1b\x1b\x1b\x1b\x1b\x1b\x1b\x1b\x1b\x1b\x1b\x1b\x1b\x1b\x1b\x1b"
    "\x1b\x1b\x1b\x1b\x1b\x1b\x1b\x1b\x1b\x1b\x1b\x1b\x1b\x1b\x1b\x1b" "[2J",
    NULL },
};

static void
test_quote (gconstpointer data)
{
  const QuoteCase *c = data;
  g_autofree char *quoted = cto_terminal_text_quote (c->value);

  g_assert_true (g_utf8_validate (quoted, -1, NULL));
  g_assert_null (strchr (quoted, '\n'));
  if (c->quoted != NULL)
    {
      g_assert_cmpstr (quoted, ==, c->quoted);
    }
  else
    {
      g_autoptr(GString) expected = g_string_new ("\"");

      for (guint i = 0; i < 64; i++)
        g_string_append (expected, "\\u{1b}");
      g_string_append (expected, "…\"");
      g_assert_cmpstr (quoted, ==, expected->str);
    }
}

/* The one JSON string writer: standard output escapes what a terminal could
 * act on as \uXXXX; files keep the plan's text as it is, escaping only what
 * JSON requires. */
static void
test_json_modes (void)
{
  static const struct {
    const char *text;
    const char *terminal;
    const char *file;
  } cases[] = {
    { "plain é", "\"plain é\"", "\"plain é\"" },
    { "\x1b[2J\n\"\\", "\"\\u001b[2J\\n\\\"\\\\\"", "\"\\u001b[2J\\n\\\"\\\\\"" },
    { "del\x7f c1\xc2\x85", "\"del\\u007f c1\\u0085\"", "\"del\x7f c1\xc2\x85\"" },
    { "\u202egnp", "\"\\u202egnp\"", "\"\u202egnp\"" },
    { "\U0001fffe", "\"\\ud83f\\udffe\"", "\"\U0001fffe\"" },
    { "\ufffe\u2066", "\"\\ufffe\\u2066\"", "\"\ufffe\u2066\"" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) terminal = g_string_new (NULL);
      g_autoptr(GString) file = g_string_new (NULL);

      cto_json_append_string_full (terminal, cases[i].text, CTO_JSON_ESCAPE_TERMINAL);
      cto_json_append_string_full (file, cases[i].text, CTO_JSON_ESCAPE_FILE);
      g_assert_cmpstr (terminal->str, ==, cases[i].terminal);
      g_assert_cmpstr (file->str, ==, cases[i].file);
    }
}

/* Numbers JSON cannot hold are written as null, never abort. */
static void
test_json_numbers (void)
{
  static const struct {
    double      value;
    const char *text;
  } cases[] = {
    { 40, "40" }, { 0.1, "0.1" }, { 1e-303, "1e-303" }, { -1.5e300, "-1.5e+300" },
    { 5551234567, "5551234567" }, { -0.0, "0" },
    { INFINITY, "null" }, { -INFINITY, "null" }, { NAN, "null" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) out = g_string_new (NULL);
      g_autoptr(CtoJsonWriter) w = cto_json_writer_new ();
      g_autofree char *text = NULL;

      cto_json_append_number (out, cases[i].value);
      g_assert_cmpstr (out->str, ==, cases[i].text);

      cto_json_writer_begin_array (w);
      cto_json_writer_number (w, cases[i].value);
      cto_json_writer_end_array (w);
      text = cto_json_writer_finish (g_steal_pointer (&w));
      if (!isfinite (cases[i].value))
        g_assert_cmpstr (text, ==, "[\n  null\n]\n");
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (escape_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/terminal-text/escape/%s", escape_cases[i].name);

      g_test_add_data_func (path, &escape_cases[i], test_escape);
    }
  for (guint i = 0; i < G_N_ELEMENTS (quote_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/terminal-text/quote/%s", quote_cases[i].name);

      g_test_add_data_func (path, &quote_cases[i], test_quote);
    }
  g_test_add_func ("/terminal-text/json/modes", test_json_modes);
  g_test_add_func ("/terminal-text/json/numbers", test_json_numbers);

  return g_test_run ();
}
