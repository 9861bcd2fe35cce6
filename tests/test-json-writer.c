/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include <glib.h>
#include <json-glib/json-glib.h>

#include "cto-json-writer.h"

static void
test_layout (void)
{
  g_autoptr(CtoJsonWriter) w = cto_json_writer_new ();
  g_autofree char *text = NULL;

  cto_json_writer_begin_object (w);
  cto_json_writer_member_string (w, "title", "T");
  cto_json_writer_member (w, "list");
  cto_json_writer_begin_array (w);
  cto_json_writer_number (w, 1);
  cto_json_writer_begin_object (w);
  cto_json_writer_member_null (w, "a");
  cto_json_writer_end_object (w);
  cto_json_writer_end_array (w);
  cto_json_writer_member (w, "empty");
  cto_json_writer_begin_array (w);
  cto_json_writer_end_array (w);
  cto_json_writer_member_boolean (w, "b", TRUE);
  cto_json_writer_member_string (w, "none", NULL);
  cto_json_writer_end_object (w);

  text = cto_json_writer_finish (g_steal_pointer (&w));
  g_assert_cmpstr (text, ==,
                   "{\n"
                   "  \"title\": \"T\",\n"
                   "  \"list\": [\n"
                   "    1,\n"
                   "    {\n"
                   "      \"a\": null\n"
                   "    }\n"
                   "  ],\n"
                   "  \"empty\": [],\n"
                   "  \"b\": true,\n"
                   "  \"none\": null\n"
                   "}\n");
}

typedef struct
{
  const char *in;
  const char *out;
} EscapeCase;

/* What a terminal could act on is escaped; the text stays the same data. */
static void
test_escapes (void)
{
  const EscapeCase cases[] = {
    { "plain é 日本 😀", "\"plain é 日本 😀\"" },
    { "q\"b\\", "\"q\\\"b\\\\\"" },
    { "\x1b[2J\n\t\r", "\"\\u001b[2J\\n\\t\\r\"" },
    { "del\x7f c1\xc2\x9b", "\"del\\u007f c1\\u009b\"" },
    { "\xe2\x80\xae" "rtl\xe2\x81\xa6", "\"\\u202ertl\\u2066\"" },
    { "\xef\xbf\xbf\xef\xb7\x90", "\"\\uffff\\ufdd0\"" },
    { "\xf0\x9f\xbf\xbf", "\"\\ud83f\\udfff\"" },          /* U+1FFFF */
    { "\xf4\x8f\xbf\xbe", "\"\\udbff\\udffe\"" },          /* U+10FFFE */
    { "bad \xff byte", "\"bad \xef\xbf\xbd byte\"" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) out = g_string_new (NULL);
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;

      cto_json_append_string (out, cases[i].in);
      g_assert_cmpstr (out->str, ==, cases[i].out);

      /* Still JSON, and the same string (for valid UTF-8). */
      g_assert_true (json_parser_load_from_data (parser, out->str, -1, &error));
      g_assert_no_error (error);
      if (g_utf8_validate (cases[i].in, -1, NULL))
        g_assert_cmpstr (json_node_get_string (json_parser_get_root (parser)), ==, cases[i].in);
    }
}

static void
test_numbers (void)
{
  /* Unrounded (PLAN-FORMAT.md, section 4): the shortest text that reads
   * back to the same double. */
  const struct { double value; const char *text; } cases[] = {
    { 40, "40" }, { 4.000000000000001, "4.000000000000001" }, { 0.1 + 0.2, "0.30000000000000004" },
    { -0.0, "0" }, { 1e300, "1e+300" }, { 1.0 / 3, "0.3333333333333333" },
    { 1.3333333333333333, "1.3333333333333333" }, { 40.0000000001, "40.0000000001" },
    { 1e-10, "1e-10" }, { 1e-303, "1e-303" },
    { INFINITY, "null" }, { -INFINITY, "null" }, { NAN, "null" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CtoJsonWriter) w = cto_json_writer_new ();
      g_autofree char *text = NULL;
      g_autofree char *expected = g_strdup_printf ("%s\n", cases[i].text);

      cto_json_writer_number (w, cases[i].value);
      text = cto_json_writer_finish (g_steal_pointer (&w));
      g_assert_cmpstr (text, ==, expected);
      if (isfinite (cases[i].value))
        g_assert_cmpfloat (g_ascii_strtod (text, NULL), ==, cases[i].value);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json-writer/layout", test_layout);
  g_test_add_func ("/json-writer/escapes", test_escapes);
  g_test_add_func ("/json-writer/numbers", test_numbers);

  return g_test_run ();
}
