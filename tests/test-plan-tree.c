/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The document a plan file is read into (cto-plan-tree.c) against json-glib's
 * parser on the same text: the same kinds, members in the same order, the same
 * strings, the same number types and values to the bit. Every plan file of
 * the tests and the examples, awkward documents, and many random ones.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "cto-plan-io-private.h"
#include "cto-plan-io.h"
#include "cto-plan-private.h"
#include "cto-plan.h"

/* Comparing ------------------------------------------------------------------- */

static void
assert_same_double (double      a,
                    double      b,
                    const char *path)
{
  if (memcmp (&a, &b, sizeof a) != 0)
    g_error ("%s: %.17g and %.17g differ", path, a, b);
}

/* A number's @text, kept as it stands, reads as the number json-glib
 * parsed, to the bit; an integer json-glib would wrap (more than 18
 * digits) is only checked to be one. */
static void
assert_number_text (const char *text,
                    JsonNode   *json,
                    const char *path)
{
  g_assert_true (JSON_NODE_HOLDS_VALUE (json));

  if (json_node_get_value_type (json) == G_TYPE_DOUBLE)
    {
      assert_same_double (g_ascii_strtod (text, NULL), json_node_get_double (json), path);
    }
  else
    {
      const char *digits = text[0] == '-' ? text + 1 : text;

      g_assert_cmpstr (g_type_name (json_node_get_value_type (json)), ==, "gint64");
      g_assert_true (strspn (digits, "0123456789") == strlen (digits));
      if (strlen (digits) <= 18)
        g_assert_cmpint (g_ascii_strtoll (text, NULL, 10), ==, json_node_get_int (json));
    }
}

static const char *
describe_json (JsonNode *json)
{
  if (JSON_NODE_HOLDS_OBJECT (json))
    return "object";
  if (JSON_NODE_HOLDS_ARRAY (json))
    return "array";
  if (JSON_NODE_HOLDS_NULL (json))
    return "null";
  return g_type_name (json_node_get_value_type (json));
}

/* @node, from the new document, is what json-glib parsed as @json. */
static void
assert_node_is_json (const CtoPlanNode *node,
                     JsonNode          *json,
                     const char        *path)
{
  CtoPlanNodeKind expected;

  switch (json_node_get_node_type (json))
    {
    case JSON_NODE_OBJECT:
      expected = CTO_PLAN_NODE_OBJECT;
      break;
    case JSON_NODE_ARRAY:
      expected = CTO_PLAN_NODE_ARRAY;
      break;
    case JSON_NODE_NULL:
      expected = CTO_PLAN_NODE_NULL;
      break;
    case JSON_NODE_VALUE:
    default:
      {
        GType type = json_node_get_value_type (json);

        /* An integer json-glib holds in 64 bits keeps its text when
         * written "-0" or with more than 18 digits (json-glib wraps those). */
        if (type == G_TYPE_INT64)
          expected = node->kind == CTO_PLAN_NODE_NUMBER ? CTO_PLAN_NODE_NUMBER : CTO_PLAN_NODE_INT;
        else if (type == G_TYPE_DOUBLE)
          expected = CTO_PLAN_NODE_NUMBER;
        else if (type == G_TYPE_STRING)
          expected = CTO_PLAN_NODE_STRING;
        else if (type == G_TYPE_BOOLEAN)
          expected = CTO_PLAN_NODE_BOOLEAN;
        else
          g_error ("%s: json-glib holds a %s", path, g_type_name (type));
      }
      break;
    }

  if (node->kind != expected)
    g_error ("%s: kind %d where json-glib has a %s", path, node->kind, describe_json (json));

  switch (node->kind)
    {
    case CTO_PLAN_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (json);
        g_autoptr(GList) names = json_object_get_members (object);
        GList *l = names;

        g_assert_cmpuint (node->length, ==, json_object_get_size (object));
        for (guint i = 0; i < node->length; i++, l = l->next)
          {
            g_autofree char *member_path = g_strdup_printf ("%s.%s", path, node->members[i].name);

            g_assert_nonnull (l);
            /* The same members in the same order: file order. */
            g_assert_cmpstr (node->members[i].name, ==, l->data);
            assert_node_is_json (&node->members[i].value,
                                 json_object_get_member (object, l->data), member_path);
          }
      }
      break;

    case CTO_PLAN_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (json);

        g_assert_cmpuint (node->length, ==, json_array_get_length (array));
        for (guint i = 0; i < node->length; i++)
          {
            g_autofree char *element_path = g_strdup_printf ("%s[%u]", path, i);

            assert_node_is_json (&node->elements[i], json_array_get_element (array, i),
                                 element_path);
          }
      }
      break;

    case CTO_PLAN_NODE_STRING:
      g_assert_cmpstr (node->string, ==, json_node_get_string (json));
      g_assert_cmpuint (node->length, ==, strlen (json_node_get_string (json)));
      break;

    case CTO_PLAN_NODE_INT:
      g_assert_cmpint (node->integer, ==, json_node_get_int (json));
      break;

    case CTO_PLAN_NODE_NUMBER:
      assert_number_text (node->string, json, path);
      g_assert_cmpuint (node->length, ==, strlen (node->string));
      break;

    case CTO_PLAN_NODE_BOOLEAN:
      g_assert_cmpint (!!node->boolean, ==, !!json_node_get_boolean (json));
      break;

    case CTO_PLAN_NODE_NULL:
    default:
      break;
    }
}

/* Two json-glib values the same, number types and bits included; a number
 * kept as its text in @a reads as json-glib's number in @b. */
static void
assert_json_same (JsonNode   *a,
                  JsonNode   *b,
                  const char *path)
{
  if (_cto_plan_json_get_number_text (a) != NULL)
    {
      assert_number_text (_cto_plan_json_get_number_text (a), b, path);
      return;
    }

  g_assert_cmpint (json_node_get_node_type (a), ==, json_node_get_node_type (b));

  switch (json_node_get_node_type (a))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *x = json_node_get_object (a);
        JsonObject *y = json_node_get_object (b);
        g_autoptr(GList) xs = json_object_get_members (x);
        g_autoptr(GList) ys = json_object_get_members (y);
        GList *k = ys;

        g_assert_cmpuint (g_list_length (xs), ==, g_list_length (ys));
        for (GList *l = xs; l != NULL; l = l->next, k = k->next)
          {
            g_autofree char *member_path = g_strdup_printf ("%s.%s", path, (char *) l->data);

            g_assert_cmpstr (l->data, ==, k->data);
            assert_json_same (json_object_get_member (x, l->data),
                              json_object_get_member (y, k->data), member_path);
          }
      }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *x = json_node_get_array (a);
        JsonArray *y = json_node_get_array (b);

        g_assert_cmpuint (json_array_get_length (x), ==, json_array_get_length (y));
        for (guint i = 0; i < json_array_get_length (x); i++)
          {
            g_autofree char *element_path = g_strdup_printf ("%s[%u]", path, i);

            assert_json_same (json_array_get_element (x, i), json_array_get_element (y, i),
                              element_path);
          }
      }
      break;

    case JSON_NODE_VALUE:
      g_assert_cmpstr (g_type_name (json_node_get_value_type (a)), ==,
                       g_type_name (json_node_get_value_type (b)));
      if (json_node_get_value_type (a) == G_TYPE_DOUBLE)
        assert_same_double (json_node_get_double (a), json_node_get_double (b), path);
      else if (json_node_get_value_type (a) == G_TYPE_INT64)
        g_assert_cmpint (json_node_get_int (a), ==, json_node_get_int (b));
      else if (json_node_get_value_type (a) == G_TYPE_BOOLEAN)
        g_assert_cmpint (json_node_get_boolean (a), ==, json_node_get_boolean (b));
      else
        g_assert_cmpstr (json_node_get_string (a), ==, json_node_get_string (b));
      break;

    case JSON_NODE_NULL:
    default:
      break;
    }
}

/* Parses @text both ways when the scan accepts it, as reading a file does, and
 * asserts that the two documents are the same, and that the copy made for an
 * unknown member is too. %FALSE when the scan refuses the text. */
static gboolean
compare_text (const char *text,
              gsize       length)
{
  g_autoptr(CtoPlanTree) tree = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonNode) copy = NULL;
  g_autoptr(GError) error = NULL;

  if (length >= 3 && memcmp (text, "\xef\xbb\xbf", 3) == 0)
    {
      text += 3;
      length -= 3;
    }

  if (!_cto_plan_scan (text, length, &error))
    return FALSE;

  tree = _cto_plan_tree_new (text, length);
  json_parser_load_from_data (parser, text, (gssize) length, &error);
  g_assert_no_error (error);

  assert_node_is_json (_cto_plan_tree_get_root (tree), json_parser_get_root (parser), "$");

  copy = _cto_plan_node_to_json (_cto_plan_tree_get_root (tree));
  assert_json_same (copy, json_parser_get_root (parser), "$");

  return TRUE;
}

static void
assert_compared (const char *text)
{
  if (!compare_text (text, strlen (text)))
    g_error ("the scan refused %s", text);
}

/* The files ------------------------------------------------------------------- */

static guint
compare_folder (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;
  guint compared = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (path, name, NULL);
      g_autofree char *contents = NULL;
      gsize length = 0;

      if (g_file_test (file, G_FILE_TEST_IS_DIR) || !g_str_has_suffix (name, ".json"))
        continue;

      g_assert_true (g_file_get_contents (file, &contents, &length, NULL));
      if (compare_text (contents, length))
        compared++;
    }

  return compared;
}

static void
test_files (void)
{
  g_autofree char *data = g_test_build_filename (G_TEST_DIST, "data", NULL);
  g_autofree char *fuzz = g_test_build_filename (G_TEST_DIST, "data", "fuzz", NULL);
  g_autofree char *examples = g_test_build_filename (G_TEST_DIST, "..", "data", "examples", NULL);
  guint compared = 0;

  compared += compare_folder (data);
  compared += compare_folder (fuzz);
  compared += compare_folder (examples);

  /* Most of the invalid files are refused after parsing, not by the scan. */
  g_assert_cmpuint (compared, >=, 50);
}

/* Awkward documents ----------------------------------------------------------- */

static void
test_awkward (void)
{
  static const char * const documents[] = {
    "{}",
    " \r\n\t{ \r\n\t} \r\n\t",
    "{\"\":\"\",\"a\":{},\"b\":[],\"c\":[[]],\"d\":[{}],\"e\":{\"\":{}}}",
    "{\"null\":null,\"true\":true,\"false\":false,\"list\":[null,true,false,[null]]}",
    /* Escapes, surrogate pairs, upper- and lowercase hex, text around them. */
    "{\"s\":\"\\u00e9\\u20AC\\ud83d\\ude00\\uD834\\uDD1E\\uDBFF\\uDFFF\\u0001\\u001f\\u007F\"}",
    "{\"s\":\"\\\"\\\\\\/\\b\\f\\n\\r\\t\",\"t\":\"\\\\\",\"u\":\"\\\"\"}",
    "{\"s\":\"before\\nafter, a longer run of plain text\\t\\u00e9 and more plain text again\"}",
    "{\"é€😀\":\"é€😀 raw\",\"\\u00e9\\u20ac\\ud83d\\ude01\":\"escaped name\"}",
    "{\"\\u0061b\":1,\"a\\u0062c\":2,\"\\\"\":3,\"\\\\\":4}",
    /* Strings that end at every place in a word of eight bytes. */
    "{\"a\":\"\",\"b\":\"1\",\"c\":\"12\",\"d\":\"123\",\"e\":\"1234\",\"f\":\"12345\","
    "\"g\":\"123456\",\"h\":\"1234567\",\"i\":\"12345678\",\"j\":\"123456789\","
    "\"k\":\"1234567\\\"\",\"l\":\"12345678\\\\\",\"m\":\"\\\\12345678\"}",
    /* Numbers at and around every edge json-glib has. */
    "{\"n\":[0,-0,1,-1,999999999999999999,-999999999999999999,123456789012345678]}",
    /* Integers past 64 bits, which json-glib would wrap, kept as text. */
    "{\"n\":[9223372036854775807,-9223372036854775808,12345678901234567890,"
    "-10000000000000000000,123456789012345678901234567890]}",
    "{\"n\":[0.0,-0.0,0e0,-0e0,0E-0,0.5,-0.5,1e5,1E5,1e+5,1e-5,-1e5,1.5e3,1e0]}",
    "{\"n\":[1e999,-1e999,1e-400,-1e-400,1.7976931348623157e308,1.7976931348623159e308]}",
    "{\"n\":[4.9406564584124654e-324,2.4703282292062328e-324,2.2250738585072014e-308]}",
    "{\"n\":[0.1,0.2,0.30000000000000004,3.141592653589793238462643383279]}",
    "{\"n\":[12345678901234567890.5,1234567890123456789012345678901234567890e-20]}",
    "{\"n\":[1.00000000000000011102230246251565404236316680908203125,"
    "1.00000000000000011102230246251565404236316680908203124,"
    "1.00000000000000011102230246251565404236316680908203126]}",
    "{\"n\":[0.000000000000000000000000000000000000000000000000000000000000000000000001]}",
    "{\"n\":[9007199254740993.0,9007199254740993,-9007199254740993.5e0]}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
    assert_compared (documents[i]);
}

/* Nested as deep as the scan allows, objects and arrays by turns. */
static void
test_deep (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) closing = g_string_new (NULL);

  for (guint depth = 1; depth <= CTO_PLAN_MAX_DEPTH; depth++)
    {
      if (depth % 2 == 1)
        {
          g_string_append_printf (text, "{\"level %u\":", depth);
          g_string_prepend (closing, "}");
        }
      else
        {
          g_string_append_printf (text, "[%u,", depth);
          g_string_prepend (closing, "]");
        }
    }
  g_string_append (text, "\"bottom\"");
  g_string_append (text, closing->str);

  assert_compared (text->str);
}

/* Random documents ------------------------------------------------------------ */

static void
append_space (GRand   *rand,
              GString *out)
{
  static const char spaces[] = " \t\n\r";
  guint n;

  switch (g_rand_int_range (rand, 0, 4))
    {
    case 0:
      return;
    case 1:
      g_string_append_c (out, ' ');
      return;
    case 2:
      /* Indentation, as long runs of spaces. */
      g_string_append_c (out, '\n');
      for (n = g_rand_int_range (rand, 0, 40); n > 0; n--)
        g_string_append_c (out, ' ');
      return;
    default:
      for (n = g_rand_int_range (rand, 1, 6); n > 0; n--)
        g_string_append_c (out, spaces[g_rand_int_range (rand, 0, 4)]);
      return;
    }
}

static void
append_string (GRand      *rand,
               GString    *out,
               const char *prefix)
{
  static const char * const escapes[] = {
    "\\\"", "\\\\", "\\/", "\\b", "\\f", "\\n", "\\r", "\\t",
  };
  static const char * const characters[] = {
    "é", "€", "😀", "日本", "\x7f", "ß",
  };
  guint pieces = g_rand_int_range (rand, 0, 8);

  g_string_append_c (out, '"');
  g_string_append (out, prefix);
  for (guint i = 0; i < pieces; i++)
    {
      switch (g_rand_int_range (rand, 0, 6))
        {
        case 0:
          g_string_append (out, escapes[g_rand_int_range (rand, 0, G_N_ELEMENTS (escapes))]);
          break;
        case 1:
          g_string_append (out, characters[g_rand_int_range (rand, 0, G_N_ELEMENTS (characters))]);
          break;
        case 2:
          {
            guint unit;

            do
              unit = g_rand_int_range (rand, 1, 0x10000);
            while (unit >= 0xd800 && unit <= 0xdfff);
            g_string_append_printf (out, g_rand_boolean (rand) ? "\\u%04x" : "\\u%04X", unit);
          }
          break;
        case 3:
          {
            guint c = g_rand_int_range (rand, 0x10000, 0x110000) - 0x10000;

            g_string_append_printf (out, "\\u%04x\\u%04X", 0xd800 + (c >> 10), 0xdc00 + (c & 0x3ff));
          }
          break;
        default:
          for (guint n = g_rand_int_range (rand, 1, 20); n > 0; n--)
            {
              char c = (char) g_rand_int_range (rand, 0x20, 0x7f);

              if (c == '"' || c == '\\')
                c = '_';
              g_string_append_c (out, c);
            }
          break;
        }
    }
  g_string_append_c (out, '"');
}

static guint
append_digits (GRand   *rand,
               GString *out,
               guint    min,
               guint    max)
{
  guint n = g_rand_int_range (rand, min, max + 1);

  for (guint i = 0; i < n; i++)
    g_string_append_c (out, '0' + g_rand_int_range (rand, i == 0 ? 1 : 0, 10));

  return n;
}

static void
append_number (GRand   *rand,
               GString *out)
{
  guint digits = 1;
  gboolean fraction;
  gboolean exponent;

  if (g_rand_boolean (rand))
    g_string_append_c (out, '-');

  if (g_rand_int_range (rand, 0, 6) == 0)
    g_string_append_c (out, '0');
  else
    digits = append_digits (rand, out, 1, g_rand_boolean (rand) ? 18 : 30);

  fraction = g_rand_boolean (rand);
  exponent = g_rand_boolean (rand);
  /* An integer of more than 18 digits is refused: this one gets a fraction. */
  if (digits > 18 && !exponent)
    fraction = TRUE;

  if (fraction)
    {
      g_string_append_c (out, '.');
      g_string_append_c (out, '0' + g_rand_int_range (rand, 0, 10));
      append_digits (rand, out, 0, 25);
    }
  if (exponent)
    {
      g_string_append_c (out, g_rand_boolean (rand) ? 'e' : 'E');
      if (g_rand_boolean (rand))
        g_string_append_c (out, g_rand_boolean (rand) ? '+' : '-');
      if (g_rand_boolean (rand))
        g_string_append_c (out, '0');
      append_digits (rand, out, 1, 3);
    }
}

static void
append_value (GRand   *rand,
              GString *out,
              guint    depth)
{
  guint kind = g_rand_int_range (rand, 0, depth < 8 ? 9 : 6);

  append_space (rand, out);
  switch (kind)
    {
    case 0:
      g_string_append (out, "null");
      break;
    case 1:
      g_string_append (out, g_rand_boolean (rand) ? "true" : "false");
      break;
    case 2:
    case 3:
      append_number (rand, out);
      break;
    case 4:
    case 5:
      append_string (rand, out, "");
      break;
    case 6:
      {
        guint n = g_rand_int_range (rand, 0, 5);

        g_string_append_c (out, '[');
        for (guint i = 0; i < n; i++)
          {
            if (i > 0)
              g_string_append_c (out, ',');
            append_value (rand, out, depth + 1);
          }
        append_space (rand, out);
        g_string_append_c (out, ']');
      }
      break;
    default:
      {
        guint n = g_rand_int_range (rand, 0, 5);

        g_string_append_c (out, '{');
        for (guint i = 0; i < n; i++)
          {
            g_autofree char *prefix = g_strdup_printf ("%u", i);

            if (i > 0)
              g_string_append_c (out, ',');
            append_space (rand, out);
            /* Each name starts with its position, so that none repeats. */
            append_string (rand, out, prefix);
            append_space (rand, out);
            g_string_append_c (out, ':');
            append_value (rand, out, depth + 1);
          }
        append_space (rand, out);
        g_string_append_c (out, '}');
      }
      break;
    }
  append_space (rand, out);
}

static void
test_random (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261204);

  for (guint round = 0; round < 3000; round++)
    {
      g_autoptr(GString) text = g_string_new ("{\"format\":");
      guint n = g_rand_int_range (rand, 0, 6);

      append_value (rand, text, 1);
      for (guint i = 0; i < n; i++)
        {
          g_string_append_printf (text, ",\"m%u\":", i);
          append_value (rand, text, 1);
        }
      g_string_append_c (text, '}');

      assert_compared (text->str);
    }
}

/* Unknown members ------------------------------------------------------------- */

/* @extra holds the members of @parsed that are not in @known, in file order,
 * with the values json-glib gives them. */
static void
assert_extras (JsonObject         *extra,
               JsonNode           *parsed,
               const char * const *known,
               const char         *path)
{
  JsonObject *object = json_node_get_object (parsed);
  g_autoptr(GList) names = json_object_get_members (object);
  g_autoptr(GList) kept = json_object_get_members (extra);
  GList *k = kept;

  g_assert_nonnull (extra);
  for (GList *l = names; l != NULL; l = l->next)
    {
      g_autofree char *member_path = g_strdup_printf ("%s.%s", path, (char *) l->data);

      if (g_strv_contains (known, l->data))
        continue;

      g_assert_nonnull (k);
      g_assert_cmpstr (k->data, ==, l->data);
      assert_json_same (json_object_get_member (extra, k->data),
                        json_object_get_member (object, l->data), member_path);
      k = k->next;
    }
  g_assert_null (k);
}

/* Unknown members of every type, at every level, are kept as json-glib reads
 * them. */
static void
test_extras (void)
{
  static const char text[] =
    "{\"format\":\"cto-planner-plan\",\"version\":1,"
    "\"x-null\":null,\"x-true\":true,\"x-false\":false,\"x-int\":-7,\"x-zero\":-0,"
    "\"x-double\":2.5,\"x-negative-zero\":-0.0,\"x-tiny\":1e-303,\"x-huge\":-1.5e300,"
    "\"x-big\":999999999999999999,\"x-string\":\"\\u00e9\\ud83d\\ude00\\n\","
    "\"x-array\":[1,\"a\",null,[],{},[1.0e2]],\"x-object\":{\"k\":{\"n\":[{}]},\"\":\"\"},"
    "\"settings\":{\"hours_per_fte\":40,\"x\":[0.1,0.2]},"
    "\"people\":[{\"id\":\"a\",\"name\":\"A\",\"x\":{\"y\":[1e-300,-0]},\"z\":\"\"}],"
    "\"responsibilities\":[{\"id\":\"r\",\"title\":\"R\",\"function\":\"infrastructure\","
    "\"x\":\"r\",\"assignees\":[{\"person\":\"a\",\"x\":{\"deep\":[[[true]]]}}]}]}";
  static const char * const top[] = {
    "format", "version", "title", "settings", "people", "responsibilities", NULL,
  };
  static const char * const settings[] = { "overload_threshold", "hours_per_fte", NULL };
  static const char * const person[] = {
    "id", "name", "role", "capacity", "reports_to", "open_role", "start", "end", NULL,
  };
  static const char * const responsibility[] = {
    "id", "title", "function", "effort", "description", "assignees", NULL,
  };
  static const char * const assignee[] = { "person", "share", "accountable", NULL };
  g_autoptr(CtoPlan) plan = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  JsonNode *responsibility_node;
  g_autoptr(CtoPerson) first = NULL;
  CtoResponsibility *r;

  assert_compared (text);

  plan = cto_plan_io_load_data (text, strlen (text), &error);
  g_assert_no_error (error);
  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));

  assert_extras (_cto_plan_get_extra (plan), json_parser_get_root (parser), top, "$");
  assert_extras (_cto_plan_get_settings_extra (plan), json_object_get_member (root, "settings"),
                 settings, "$.settings");
  first = g_list_model_get_item (cto_plan_get_people (plan), 0);
  assert_extras (_cto_person_get_extra (first),
                 json_array_get_element (json_object_get_array_member (root, "people"), 0),
                 person, "$.people[0]");

  r = g_list_model_get_item (cto_plan_get_responsibilities (plan), 0);
  responsibility_node = json_array_get_element (json_object_get_array_member (root, "responsibilities"), 0);
  assert_extras (_cto_responsibility_get_extra (r), responsibility_node, responsibility,
                 "$.responsibilities[0]");
  assert_extras (cto_responsibility_get_assignee (r, 0)->extra,
                 json_array_get_element (json_object_get_array_member (json_node_get_object (responsibility_node),
                                                                       "assignees"), 0),
                 assignee, "$.responsibilities[0].assignees[0]");

  g_object_unref (r);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plan-tree/files", test_files);
  g_test_add_func ("/plan-tree/awkward", test_awkward);
  g_test_add_func ("/plan-tree/deep", test_deep);
  g_test_add_func ("/plan-tree/random", test_random);
  g_test_add_func ("/plan-tree/extras", test_extras);

  return g_test_run ();
}
