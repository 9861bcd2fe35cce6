/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <fcntl.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "cto-date.h"
#include "cto-history.h"
#include "cto-plan-io.h"
#include "cto-plan-private.h"
#include "cto-plan-tree-private.h"

/* Helpers ------------------------------------------------------------------ */

static char *
data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
}

static char *
read_data (const char *name,
           gsize      *length)
{
  g_autofree char *path = data_path (name);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);
  return contents;
}

static CtoPlan *
load_data_file (const char *name)
{
  g_autofree char *path = data_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  CtoPlan *plan;

  plan = cto_plan_io_load_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (plan);
  return plan;
}

static CtoPlan *
load_string (const char *text)
{
  g_autoptr(GError) error = NULL;
  CtoPlan *plan;

  plan = cto_plan_io_load_data (text, strlen (text), &error);
  g_assert_no_error (error);
  g_assert_nonnull (plan);
  return plan;
}

static void
assert_refused (const char *text,
                gsize       length,
                int         code,
                const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CtoPlan) plan = NULL;

  plan = cto_plan_io_load_data (text, length, &error);
  g_assert_null (plan);
  g_assert_error (error, CTO_PLAN_ERROR, code);
  g_assert_cmpstr (error->message, ==, message);
}

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("cto-test-plan-io-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    {
      g_unlink (path);
    }
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* The names in the folder @path, sorted and joined with spaces. */
static char *
list_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);

  return g_strjoinv (" ", (char **) names->pdata);
}

static void
write_text (const char *path,
            const char *text)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

static void
assert_file_contents (const char *path,
                      const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (contents, length, expected, strlen (expected));
}

static void
assert_extras_equal (JsonObject *a,
                     JsonObject *b)
{
  g_autoptr(JsonNode) node_a = NULL;
  g_autoptr(JsonNode) node_b = NULL;

  g_assert_nonnull (a);
  g_assert_nonnull (b);

  node_a = json_node_init_object (json_node_alloc (), a);
  node_b = json_node_init_object (json_node_alloc (), b);
  g_assert_true (json_node_equal (node_a, node_b));
}

static CtoPerson *
person_at (CtoPlan *plan,
           guint    position)
{
  g_autoptr(CtoPerson) person = g_list_model_get_item (cto_plan_get_people (plan), position);

  g_assert_nonnull (person);
  return person;  /* the plan keeps it alive */
}

static CtoResponsibility *
responsibility_at (CtoPlan *plan,
                   guint    position)
{
  g_autoptr(CtoResponsibility) responsibility =
    g_list_model_get_item (cto_plan_get_responsibilities (plan), position);

  g_assert_nonnull (responsibility);
  return responsibility;
}

#define PLAN_HEAD "{\"format\": \"cto-planner-plan\", \"version\": 1"
#define PERSON_DATES(dates) \
  PLAN_HEAD ", \"people\": [{\"id\": \"a\", \"name\": \"A\", " dates "}]}"

/* Refusals, one file per rule of the format ------------------------------ */

typedef struct
{
  const char *file;
  int         code;
  const char *message;
  /* The rest of the message is json-glib's own words. */
  gboolean    prefix;
} Refusal;

static const Refusal refusals[] = {
  /* Refused before or while parsing. */
  { "invalid-empty.json", CTO_PLAN_ERROR_SYNTAX, "file: the file is empty" },
  { "invalid-not-json.json", CTO_PLAN_ERROR_FORMAT, "top level: expected a JSON object" },
  { "invalid-top-array.json", CTO_PLAN_ERROR_FORMAT, "top level: expected a JSON object" },
  /* A missing "," is told where it is missing. */
  { "invalid-syntax.json", CTO_PLAN_ERROR_SYNTAX, "line 4, column 24: expected \",\" or \"}\"" },
  { "invalid-truncated.json", CTO_PLAN_ERROR_SYNTAX, "line 18, column 15: unterminated string" },
  { "invalid-trailing-text.json", CTO_PLAN_ERROR_SYNTAX,
    "line 53, column 1: unexpected text after the top-level object" },
  { "invalid-comment.json", CTO_PLAN_ERROR_SYNTAX, "line 4, column 3: unexpected character \"/\"" },
  { "invalid-single-quotes.json", CTO_PLAN_ERROR_SYNTAX,
    "line 4, column 12: unexpected character \"'\"" },
  { "invalid-bad-utf8.json", CTO_PLAN_ERROR_SYNTAX, "line 8, column 21: not valid UTF-8" },
  { "invalid-lone-surrogate.json", CTO_PLAN_ERROR_SYNTAX,
    "line 13, column 19: invalid \\u escape: unpaired surrogate" },
  { "invalid-nul-escape.json", CTO_PLAN_ERROR_SYNTAX,
    "line 13, column 18: \\u0000 is not allowed in a string" },
  { "invalid-bad-escape.json", CTO_PLAN_ERROR_SYNTAX,
    "line 13, column 18: invalid escape \"\\x\"" },
  { "invalid-control-character.json", CTO_PLAN_ERROR_SYNTAX,
    "line 13, column 18: control character U+0009 in a string" },
  { "invalid-number-syntax.json", CTO_PLAN_ERROR_SYNTAX, "line 44, column 17: invalid number" },
  /* json-glib would wrap this one to 6. */
  { "invalid-integer-overflow.json", CTO_PLAN_ERROR_INVALID,
    "responsibilities[0].effort: must be at most 1000000" },
  { "invalid-deep.json", CTO_PLAN_ERROR_TOO_DEEP,
    "line 4, column 74: nested deeper than 64 levels" },

  /* Not a plan, or not one this version reads. */
  { "invalid-missing-format.json", CTO_PLAN_ERROR_FORMAT,
    "top level: missing required member \"format\"" },
  { "invalid-wrong-format.json", CTO_PLAN_ERROR_FORMAT,
    "format: not a CTO Planner plan (expected \"cto-planner-plan\")" },
  { "invalid-missing-version.json", CTO_PLAN_ERROR_INVALID,
    "top level: missing required member \"version\"" },
  { "invalid-newer-version.json", CTO_PLAN_ERROR_NEWER_VERSION,
    "version: the plan was made by a newer version of CTO Planner "
    "(format version 2; this version reads up to 1)" },
  { "invalid-version-not-integer.json", CTO_PLAN_ERROR_INVALID, "version: expected an integer" },
  { "invalid-version-zero.json", CTO_PLAN_ERROR_INVALID, "version: must be 1 or greater" },

  /* The top level and the settings. */
  { "invalid-title-type.json", CTO_PLAN_ERROR_INVALID, "title: expected a string" },
  { "invalid-settings-type.json", CTO_PLAN_ERROR_INVALID, "settings: expected an object" },
  { "invalid-threshold-zero.json", CTO_PLAN_ERROR_INVALID,
    "settings.overload_threshold: must be greater than 0" },
  { "invalid-hours-type.json", CTO_PLAN_ERROR_INVALID,
    "settings.hours_per_fte: expected a number" },
  { "invalid-people-type.json", CTO_PLAN_ERROR_INVALID, "people: expected an array" },
  { "invalid-responsibilities-type.json", CTO_PLAN_ERROR_INVALID,
    "responsibilities: expected an array" },

  /* People. */
  { "invalid-person-type.json", CTO_PLAN_ERROR_INVALID, "people[1]: expected an object" },
  { "invalid-person-missing-id.json", CTO_PLAN_ERROR_INVALID,
    "people[0]: missing required member \"id\"" },
  { "invalid-id-type.json", CTO_PLAN_ERROR_INVALID, "people[1].id: expected a string" },
  { "invalid-id-empty.json", CTO_PLAN_ERROR_INVALID, "people[1].id: must not be empty" },
  { "invalid-id-too-long.json", CTO_PLAN_ERROR_INVALID,
    "people[0].id: must be at most 128 bytes long" },
  { "invalid-duplicate-person-id.json", CTO_PLAN_ERROR_INVALID,
    "people[2].id: duplicate id \"ana\"" },
  { "invalid-person-missing-name.json", CTO_PLAN_ERROR_INVALID,
    "people[2]: missing required member \"name\"" },
  { "invalid-name-empty.json", CTO_PLAN_ERROR_INVALID, "people[0].name: must not be empty" },
  { "invalid-role-type.json", CTO_PLAN_ERROR_INVALID, "people[0].role: expected a string" },
  { "invalid-capacity-negative.json", CTO_PLAN_ERROR_INVALID,
    "people[1].capacity: must be 0 or greater" },
  { "invalid-number-too-large.json", CTO_PLAN_ERROR_INVALID,
    "people[1].capacity: must be at most 1000000" },
  { "invalid-reports-to-type.json", CTO_PLAN_ERROR_INVALID,
    "people[1].reports_to: expected a string or null" },
  { "invalid-reports-to-unknown.json", CTO_PLAN_ERROR_INVALID,
    "people[2].reports_to: unknown person \"dee\"" },
  { "invalid-reports-to-self.json", CTO_PLAN_ERROR_CYCLE,
    "people[1].reports_to: a person cannot report to themselves" },
  { "invalid-cycle.json", CTO_PLAN_ERROR_CYCLE,
    "people[0].reports_to: reporting lines form a cycle: \"ana\" → \"cy\" → \"bo\" → \"ana\"" },
  { "invalid-open-role-type.json", CTO_PLAN_ERROR_INVALID,
    "people[2].open_role: expected a boolean" },

  /* Responsibilities. */
  { "invalid-responsibility-type.json", CTO_PLAN_ERROR_INVALID,
    "responsibilities[0]: expected an object" },
  { "invalid-responsibility-missing-id.json", CTO_PLAN_ERROR_INVALID,
    "responsibilities[1]: missing required member \"id\"" },
  { "invalid-duplicate-responsibility-id.json", CTO_PLAN_ERROR_INVALID,
    "responsibilities[1].id: duplicate id \"security\"" },
  { "invalid-title-empty.json", CTO_PLAN_ERROR_INVALID,
    "responsibilities[1].title: must not be empty" },
  { "invalid-function-missing.json", CTO_PLAN_ERROR_INVALID,
    "responsibilities[0]: missing required member \"function\"" },
  { "invalid-unknown-function.json", CTO_PLAN_ERROR_INVALID,
    "responsibilities[1].function: unknown function \"marketing\"" },
  { "invalid-effort-negative.json", CTO_PLAN_ERROR_INVALID,
    "responsibilities[0].effort: must be 0 or greater" },
  { "invalid-effort-type.json", CTO_PLAN_ERROR_INVALID,
    "responsibilities[0].effort: expected a number" },
  { "invalid-number-infinite.json", CTO_PLAN_ERROR_INVALID,
    "responsibilities[0].effort: must be a finite number" },
  { "invalid-description-type.json", CTO_PLAN_ERROR_INVALID,
    "responsibilities[1].description: expected a string" },
  { "invalid-assignees-type.json", CTO_PLAN_ERROR_INVALID,
    "responsibilities[1].assignees: expected an array" },

  /* Assignees. */
  { "invalid-assignee-type.json", CTO_PLAN_ERROR_INVALID,
    "responsibilities[1].assignees[0]: expected an object" },
  { "invalid-assignee-missing-person.json", CTO_PLAN_ERROR_INVALID,
    "responsibilities[0].assignees[1]: missing required member \"person\"" },
  { "invalid-unknown-person.json", CTO_PLAN_ERROR_INVALID,
    "responsibilities[1].assignees[0].person: unknown person \"bob\"" },
  { "invalid-duplicate-assignee.json", CTO_PLAN_ERROR_INVALID,
    "responsibilities[0].assignees[1].person: "
    "\"bo\" is already an assignee of this responsibility" },
  { "invalid-two-accountable.json", CTO_PLAN_ERROR_INVALID,
    "responsibilities[0].assignees[1].accountable: another assignee is already accountable" },
  { "invalid-share-zero.json", CTO_PLAN_ERROR_INVALID,
    "responsibilities[0].assignees[1].share: must be greater than 0" },
  { "invalid-share-type.json", CTO_PLAN_ERROR_INVALID,
    "responsibilities[0].assignees[1].share: expected a number" },
  { "invalid-accountable-type.json", CTO_PLAN_ERROR_INVALID,
    "responsibilities[1].assignees[0].accountable: expected a boolean" },

  /* Numbers of named members stay where every figure from them is finite. */
  { "invalid-capacity-tiny.json", CTO_PLAN_ERROR_INVALID,
    "people[0].capacity: must be 0 or at least 0.01" },
  { "invalid-hours-tiny.json", CTO_PLAN_ERROR_INVALID,
    "settings.hours_per_fte: must be at least 0.01" },
  { "invalid-share-tiny.json", CTO_PLAN_ERROR_INVALID,
    "responsibilities[0].assignees[0].share: must be at least 0.01" },

  /* A member named twice, at any level, unknown members included. */
  { "invalid-duplicate-member.json", CTO_PLAN_ERROR_INVALID,
    "people[0]: duplicate member \"capacity\"" },
  { "invalid-duplicate-people.json", CTO_PLAN_ERROR_INVALID,
    "top level: duplicate member \"people\"" },
  { "invalid-duplicate-extra-member.json", CTO_PLAN_ERROR_INVALID,
    "people[0].links.phone[0]: duplicate member \"kind\"" },

  /* Brackets that do not match are told as that, where they are. */
  { "invalid-mismatched-bracket.json", CTO_PLAN_ERROR_SYNTAX,
    "line 23, column 53: \"}\" does not close \"[\" opened at line 23, column 20" },
  { "invalid-mismatched-brace.json", CTO_PLAN_ERROR_SYNTAX,
    "line 10, column 5: \"]\" does not close \"{\" opened at line 6, column 5" },
  { "invalid-trailing-comma.json", CTO_PLAN_ERROR_SYNTAX,
    "line 15, column 5: expected a member name in double quotes after \",\"" },

};

static void
test_refusal (gconstpointer data)
{
  const Refusal *refusal = data;
  g_autofree char *path = data_path (refusal->file);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CtoPlan) plan = NULL;

  plan = cto_plan_io_load_file (file, NULL, &error);
  g_assert_null (plan);
  g_assert_error (error, CTO_PLAN_ERROR, refusal->code);

  if (refusal->prefix)
    g_assert_true (g_str_has_prefix (error->message, refusal->message));
  else
    g_assert_cmpstr (error->message, ==, refusal->message);
}

/* Every file in tests/data is named in the table or is a valid plan, so a
 * file cannot be added without saying what it must give. */
static void
test_refusal_table_complete (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", NULL);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;
  guint n_invalid = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      gboolean listed = FALSE;

      if (!g_str_has_prefix (name, "invalid-"))
        continue;

      n_invalid++;
      for (guint i = 0; i < G_N_ELEMENTS (refusals); i++)
        listed |= strcmp (refusals[i].file, name) == 0;
      if (!listed)
        g_test_message ("%s is not in the table", name);
      g_assert_true (listed);
    }

  g_assert_cmpuint (n_invalid, ==, G_N_ELEMENTS (refusals));
}

/* Refusals that need generated input -------------------------------------- */

static void
test_refuse_too_large_file (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "huge.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CtoPlan) plan = NULL;
  int fd;

  /* Sparse: it takes no room, and is refused by its size without being read. */
  fd = g_open (path, O_CREAT | O_WRONLY, 0644);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (off_t) CTO_PLAN_MAX_FILE_SIZE + 1), ==, 0);
  g_close (fd, NULL);

  plan = cto_plan_io_load_file (file, NULL, &error);
  g_assert_null (plan);
  g_assert_error (error, CTO_PLAN_ERROR, CTO_PLAN_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, "file: too large (the limit is 64 MiB)");

  remove_tree (dir);
}

/* A device that never ends is refused at once, unread: only regular files
 * are read. */
static void
test_refuse_endless_stream (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/dev/zero");
  g_autoptr(GError) error = NULL;
  g_autoptr(CtoPlan) plan = NULL;

  if (!g_file_test ("/dev/zero", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no /dev/zero");
      return;
    }

  plan = cto_plan_io_load_file (file, NULL, &error);
  g_assert_null (plan);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_assert_cmpstr (error->message, ==, "file: is a device, not a regular file");
}

static void
test_refuse_too_large_data (void)
{
  /* Refused on its length alone, before a byte is read. */
  static const char one_byte[] = "{";

  assert_refused (one_byte, (gsize) CTO_PLAN_MAX_FILE_SIZE + 1, CTO_PLAN_ERROR_TOO_LARGE,
                  "file: too large (the limit is 64 MiB)");
}

/* A plan with an unknown member of objects and arrays in turn, nested
 * @levels deep in all. */
static char *
make_nested (guint levels)
{
  GString *s = g_string_new ("{\"format\": \"cto-planner-plan\", \"version\": 1, \"x\": ");

  for (guint i = 1; i < levels; i++)
    g_string_append (s, i % 2 ? "[" : "{\"a\": ");
  g_string_append (s, "0");
  for (guint i = levels - 1; i >= 1; i--)
    g_string_append_c (s, i % 2 ? ']' : '}');
  g_string_append_c (s, '}');

  return g_string_free (s, FALSE);
}

static void
test_depth_limit (void)
{
  g_autoptr(GString) ok = g_string_new (PLAN_HEAD ", \"x\": ");
  g_autoptr(GString) deep = NULL;
  g_autoptr(CtoPlan) plan = NULL;
  g_autoptr(CtoPlan) again = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text_again = NULL;
  g_autofree char *message = NULL;
  g_autofree char *mixed = NULL;
  gsize column;

  /* The top-level object is level 1; 63 arrays inside it make 64. */
  for (guint i = 0; i < CTO_PLAN_MAX_DEPTH - 1; i++)
    g_string_append_c (ok, '[');
  for (guint i = 0; i < CTO_PLAN_MAX_DEPTH - 1; i++)
    g_string_append_c (ok, ']');
  g_string_append_c (ok, '}');

  plan = load_string (ok->str);
  text = cto_plan_io_to_data (plan, NULL);
  again = load_string (text);
  text_again = cto_plan_io_to_data (again, NULL);
  g_assert_cmpstr (text, ==, text_again);
  assert_extras_equal (_cto_plan_get_extra (plan), _cto_plan_get_extra (again));

  /* Objects count as arrays do. */
  mixed = make_nested (CTO_PLAN_MAX_DEPTH);
  g_clear_object (&plan);
  plan = load_string (mixed);

  /* One more is refused, at the bracket that goes too deep. */
  deep = g_string_new (PLAN_HEAD ", \"x\": ");
  column = deep->len + CTO_PLAN_MAX_DEPTH;
  for (guint i = 0; i < CTO_PLAN_MAX_DEPTH; i++)
    g_string_append_c (deep, '[');
  for (guint i = 0; i < CTO_PLAN_MAX_DEPTH; i++)
    g_string_append_c (deep, ']');
  g_string_append_c (deep, '}');

  message = g_strdup_printf ("line 1, column %" G_GSIZE_FORMAT ": nested deeper than 64 levels",
                             column);
  assert_refused (deep->str, deep->len, CTO_PLAN_ERROR_TOO_DEEP, message);
}

/* Deep enough to overflow the stack of a recursive parser. */
static void
test_refuse_very_deep (void)
{
  const gsize levels = 1000000;
  g_autoptr(GString) s = g_string_new (PLAN_HEAD ", \"x\": ");
  g_autofree char *mixed = NULL;

  for (gsize i = 0; i < levels; i++)
    g_string_append_c (s, '[');
  for (gsize i = 0; i < levels; i++)
    g_string_append_c (s, ']');
  g_string_append_c (s, '}');

  assert_refused (s->str, s->len, CTO_PLAN_ERROR_TOO_DEEP,
                  "line 1, column 114: nested deeper than 64 levels");

  /* Objects count as arrays do: the 65th level here is an object. */
  mixed = make_nested (CTO_PLAN_MAX_DEPTH + 1);
  assert_refused (mixed, strlen (mixed), CTO_PLAN_ERROR_TOO_DEEP,
                  "line 1, column 269: nested deeper than 64 levels");
}

/* Brackets and quotes inside strings do not count as nesting. */
static void
test_brackets_in_strings (void)
{
  g_autoptr(GString) s = g_string_new (PLAN_HEAD ", \"title\": \"");
  g_autoptr(CtoPlan) plan = NULL;

  for (guint i = 0; i < 1000; i++)
    g_string_append (s, "[{\\\"");
  g_string_append (s, "\"}");

  plan = load_string (s->str);
  g_assert_cmpuint (strlen (cto_plan_get_title (plan)), ==, 3000);
}

typedef struct
{
  const char *name;
  const char *text;
  int         code;
  const char *message;
} InlineRefusal;

static const InlineRefusal inline_refusals[] = {
  { "whitespace", "  \n\t ", CTO_PLAN_ERROR_SYNTAX, "file: the file is empty" },
  { "string", "\"plan\"", CTO_PLAN_ERROR_FORMAT, "top level: expected a JSON object" },
  { "number", "1", CTO_PLAN_ERROR_FORMAT, "top level: expected a JSON object" },
  /* A sheet the import reads, by its header, is named as such; other text is not. */
  { "spreadsheet", "title,function\nBackups,infrastructure\n", CTO_PLAN_ERROR_SPREADSHEET,
    "file: a spreadsheet, not a plan file" },
  { "spreadsheet-semicolons", "\xef\xbb\xbf Id ;\"TITLE\";Effort;Function\n", CTO_PLAN_ERROR_SPREADSHEET,
    "file: a spreadsheet, not a plan file" },
  /* Saved by a spreadsheet program in its own encoding: still named a spreadsheet. */
  { "spreadsheet-latin1", "title,function\nCaf\xe9 tools,planning\n", CTO_PLAN_ERROR_SPREADSHEET,
    "file: a spreadsheet, not a plan file" },
  { "other-sheet", "name,amount\nBread,2\n", CTO_PLAN_ERROR_FORMAT, "top level: expected a JSON object" },
  { "title-alone", "title,effort\nBackups,3\n", CTO_PLAN_ERROR_FORMAT, "top level: expected a JSON object" },
  { "binary", "\x89PNG\r\n\x1a\n", CTO_PLAN_ERROR_SYNTAX, "line 1, column 1: not valid UTF-8" },
  { "two-objects", PLAN_HEAD "} {}", CTO_PLAN_ERROR_SYNTAX,
    "line 1, column 46: unexpected text after the top-level object" },
  { "unclosed", PLAN_HEAD ", \"people\": [", CTO_PLAN_ERROR_SYNTAX,
    "line 1, column 57: unexpected end of file: \"[\" opened at line 1, column 56 is not closed" },
  { "overlong-utf8", PLAN_HEAD ", \"title\": \"\xc0\xaf\"}", CTO_PLAN_ERROR_SYNTAX,
    "line 1, column 56: not valid UTF-8" },
  { "encoded-surrogate", PLAN_HEAD ", \"title\": \"\xed\xa0\x80\"}", CTO_PLAN_ERROR_SYNTAX,
    "line 1, column 56: not valid UTF-8" },
  { "low-surrogate-first", PLAN_HEAD ", \"title\": \"\\udc00\\ud800\"}", CTO_PLAN_ERROR_SYNTAX,
    "line 1, column 56: invalid \\u escape: unpaired surrogate" },
  { "high-surrogate-at-end", PLAN_HEAD ", \"title\": \"x\\ud83d\"}", CTO_PLAN_ERROR_SYNTAX,
    "line 1, column 57: invalid \\u escape: unpaired surrogate" },
  { "short-escape", PLAN_HEAD ", \"title\": \"\\u12\"}", CTO_PLAN_ERROR_SYNTAX,
    "line 1, column 56: invalid \\u escape" },
  { "hex-number", PLAN_HEAD ", \"x\": 0x10}", CTO_PLAN_ERROR_SYNTAX,
    "line 1, column 51: invalid number" },
  { "bare-fraction", PLAN_HEAD ", \"x\": .5}", CTO_PLAN_ERROR_SYNTAX,
    "line 1, column 51: unexpected character \".\"" },
  { "no-fraction-digits", PLAN_HEAD ", \"x\": 1.}", CTO_PLAN_ERROR_SYNTAX,
    "line 1, column 51: invalid number" },
  { "no-exponent-digits", PLAN_HEAD ", \"x\": 1e}", CTO_PLAN_ERROR_SYNTAX,
    "line 1, column 51: invalid number" },
  { "plus-sign", PLAN_HEAD ", \"x\": +1}", CTO_PLAN_ERROR_SYNTAX,
    "line 1, column 51: unexpected character \"+\"" },
  { "nul-byte", PLAN_HEAD ", \"x\": 1}\0", CTO_PLAN_ERROR_SYNTAX,
    "line 1, column 53: unexpected text after the top-level object" },
  { "non-ascii-outside-string", PLAN_HEAD ", \"x\": é}", CTO_PLAN_ERROR_SYNTAX,
    "line 1, column 51: unexpected character U+00E9" },
  /* Columns count characters, not bytes: the same as for the same text in
   * ASCII. */
  { "column-counts-characters", "{\n  \"títle\": \"ü\" \"x\"}", CTO_PLAN_ERROR_SYNTAX,
    "line 2, column 15: expected \",\" or \"}\"" },
  { "column-ascii", "{\n  \"title\": \"u\" \"x\"}", CTO_PLAN_ERROR_SYNTAX,
    "line 2, column 15: expected \",\" or \"}\"" },
  { "capacity-infinite", PLAN_HEAD ", \"people\": [{\"id\": \"a\", \"name\": \"A\", "
    "\"capacity\": 1e999}]}", CTO_PLAN_ERROR_INVALID, "people[0].capacity: must be a finite number" },
  { "version-past-64-bits", "{\"format\": \"cto-planner-plan\", \"version\": 99999999999999999999}",
    CTO_PLAN_ERROR_NEWER_VERSION, "version: the plan was made by a newer version of CTO Planner "
    "(format version 99999999999999999999; this version reads up to 1)" },
  { "version-minus-zero", "{\"format\": \"cto-planner-plan\", \"version\": -0}",
    CTO_PLAN_ERROR_INVALID, "version: must be 1 or greater" },
  { "long-value-shortened",
    PLAN_HEAD ", \"responsibilities\": [{\"id\": \"r\", \"title\": \"R\", \"function\": "
    "\"0123456789012345678901234567890123456789012345678901234567890123456789\"}]}",
    CTO_PLAN_ERROR_INVALID,
    "responsibilities[0].function: unknown function "
    "\"0123456789012345678901234567890123456789012345678901234567890123…\"" },
  { "date-not-a-string", PERSON_DATES ("\"start\": 20270101"), CTO_PLAN_ERROR_INVALID,
    "people[0].start: expected a date (YYYY-MM-DD) or null" },
  { "date-not-a-day", PERSON_DATES ("\"start\": \"2027-02-29\""), CTO_PLAN_ERROR_INVALID,
    "people[0].start: \"2027-02-29\" is not a real day in the form YYYY-MM-DD" },
  { "date-month-13", PERSON_DATES ("\"end\": \"2027-13-01\""), CTO_PLAN_ERROR_INVALID,
    "people[0].end: \"2027-13-01\" is not a real day in the form YYYY-MM-DD" },
  { "date-short-form", PERSON_DATES ("\"start\": \"2027-1-01\""), CTO_PLAN_ERROR_INVALID,
    "people[0].start: \"2027-1-01\" is not a real day in the form YYYY-MM-DD" },
  { "date-with-time", PERSON_DATES ("\"start\": \"2027-01-01T00:00\""), CTO_PLAN_ERROR_INVALID,
    "people[0].start: \"2027-01-01T00:00\" is not a real day in the form YYYY-MM-DD" },
  { "date-year-zero", PERSON_DATES ("\"start\": \"0000-01-01\""), CTO_PLAN_ERROR_INVALID,
    "people[0].start: \"0000-01-01\" is not a real day in the form YYYY-MM-DD" },
  { "date-end-before-start",
    PERSON_DATES ("\"start\": \"2027-03-01\", \"end\": \"2027-02-28\""),
    CTO_PLAN_ERROR_INVALID, "people[0].end: must be later than start" },
  { "date-end-on-start",
    PERSON_DATES ("\"start\": \"2027-03-01\", \"end\": \"2027-03-01\""),
    CTO_PLAN_ERROR_INVALID, "people[0].end: must be later than start" },
  { "control-character-in-message",
    PLAN_HEAD ", \"people\": [{\"id\": \"a\", \"name\": \"A\", \"reports_to\": \"\\u001b[31mb\"}]}",
    CTO_PLAN_ERROR_INVALID, "people[0].reports_to: unknown person \"\\u{1b}[31mb\"" },
};

static void
test_inline_refusal (gconstpointer data)
{
  const InlineRefusal *refusal = data;
  gsize length = strlen (refusal->text);
  g_autoptr(GError) error = NULL;
  g_autoptr(CtoPlan) plan = NULL;

  /* The NUL test carries its NUL inside the text. */
  if (strcmp (refusal->name, "nul-byte") == 0)
    length++;

  plan = cto_plan_io_load_data (refusal->text, length, &error);
  g_assert_null (plan);
  g_assert_error (error, CTO_PLAN_ERROR, refusal->code);
  if (g_str_has_suffix (refusal->message, ": "))
    g_assert_true (g_str_has_prefix (error->message, refusal->message));
  else
    g_assert_cmpstr (error->message, ==, refusal->message);
}

/* Reporting lines are checked in linear time: long chains are fine, and a
 * cycle through all of them is found. */
static GString *
make_chain (guint    n,
            gboolean closed)
{
  GString *s = g_string_new (PLAN_HEAD ", \"people\": [");

  for (guint i = 0; i < n; i++)
    {
      g_string_append_printf (s, "%s{\"id\": \"p%u\", \"name\": \"P\"", i ? ", " : "", i);
      if (i > 0)
        g_string_append_printf (s, ", \"reports_to\": \"p%u\"", i - 1);
      else if (closed)
        g_string_append_printf (s, ", \"reports_to\": \"p%u\"", n - 1);
      g_string_append_c (s, '}');
    }
  g_string_append (s, "]}");

  return s;
}

static void
test_long_chain (void)
{
  const guint n = 100000;
  g_autoptr(GString) chain = make_chain (n, FALSE);
  g_autoptr(GString) cycle = make_chain (n, TRUE);
  g_autoptr(CtoPlan) plan = NULL;

  plan = load_string (chain->str);
  g_assert_cmpuint (g_list_model_get_n_items (cto_plan_get_people (plan)), ==, n);
  g_assert_cmpstr (cto_person_get_reports_to (person_at (plan, n - 1)), ==, "p99998");
  g_assert_null (cto_person_get_reports_to (person_at (plan, 0)));

  assert_refused (cycle->str, cycle->len, CTO_PLAN_ERROR_CYCLE,
                  "people[0].reports_to: reporting lines form a cycle: \"p0\" → \"p99999\" → "
                  "\"p99998\" → \"p99997\" → \"p99996\" → \"p99995\" → \"p99994\" → "
                  "\"p99993\" → …");
}

/* A cycle that does not start at the first person is named from the person
 * on it who comes first in the plan. */
static void
test_cycle_named_from_first (void)
{
  static const char text[] =
    PLAN_HEAD ", \"people\": ["
    "{\"id\": \"a\", \"name\": \"A\", \"reports_to\": \"c\"},"
    "{\"id\": \"b\", \"name\": \"B\"},"
    "{\"id\": \"c\", \"name\": \"C\", \"reports_to\": \"e\"},"
    "{\"id\": \"d\", \"name\": \"D\", \"reports_to\": \"c\"},"
    "{\"id\": \"e\", \"name\": \"E\", \"reports_to\": \"d\"}]}";

  assert_refused (text, strlen (text), CTO_PLAN_ERROR_CYCLE,
                  "people[2].reports_to: reporting lines form a cycle: "
                  "\"c\" → \"e\" → \"d\" → \"c\"");
}

/* @n people, and two responsibilities that each name all of them, the second
 * naming the first person again at its end when @repeat. */
static GString *
make_assignees (guint    n,
                gboolean repeat)
{
  GString *s = g_string_new (PLAN_HEAD ", \"people\": [");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (s, "%s{\"id\": \"p%u\", \"name\": \"P\"}", i ? ", " : "", i);
  g_string_append (s, "], \"responsibilities\": [");
  for (guint r = 0; r < 2; r++)
    {
      g_string_append_printf (s, "%s{\"id\": \"r%u\", \"title\": \"R\", \"function\": \"thinker\", "
                              "\"assignees\": [", r ? ", " : "", r);
      for (guint i = 0; i < n; i++)
        g_string_append_printf (s, "%s{\"person\": \"p%u\"}", i ? ", " : "", i);
      if (r == 1 && repeat)
        g_string_append (s, ", {\"person\": \"p0\"}");
      g_string_append (s, "]}");
    }
  g_string_append (s, "]}");

  return s;
}

/* A person may carry many responsibilities; within one, only once. Found in
 * constant time per assignee. */
static void
test_many_assignees (void)
{
  const guint n = 10000;
  g_autoptr(GString) valid = make_assignees (n, FALSE);
  g_autoptr(GString) repeated = make_assignees (n, TRUE);
  g_autoptr(CtoPlan) plan = NULL;
  g_autofree char *message = NULL;

  plan = load_string (valid->str);
  g_assert_cmpuint (cto_responsibility_get_n_assignees (responsibility_at (plan, 0)), ==, n);
  g_assert_cmpuint (cto_responsibility_get_n_assignees (responsibility_at (plan, 1)), ==, n);

  message = g_strdup_printf ("responsibilities[1].assignees[%u].person: "
                             "\"p0\" is already an assignee of this responsibility", n);
  assert_refused (repeated->str, repeated->len, CTO_PLAN_ERROR_INVALID, message);
}

static void
test_missing_file (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "nothing-here.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CtoPlan) plan = NULL;

  plan = cto_plan_io_load_file (file, NULL, &error);
  g_assert_null (plan);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "file: no such file");

  remove_tree (dir);
}

static void
test_directory (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autoptr(GFile) file = g_file_new_for_path (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(CtoPlan) plan = NULL;

  plan = cto_plan_io_load_file (file, NULL, &error);
  g_assert_null (plan);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_assert_cmpstr (error->message, ==, "file: is a folder, not a file");

  remove_tree (dir);
}

/* Loading valid plans --------------------------------------------------------- */

static void
test_minimal_defaults (void)
{
  g_autoptr(CtoPlan) plan = load_data_file ("valid-minimal.json");
  CtoPerson *ana;
  CtoPerson *hire;
  CtoResponsibility *security;
  CtoResponsibility *roadmap;
  const CtoAssignment *assignment;

  g_assert_cmpstr (cto_plan_get_title (plan), ==, "Untitled plan");
  g_assert_cmpfloat (cto_plan_get_overload_threshold (plan), ==, 1.0);
  g_assert_cmpfloat (cto_plan_get_hours_per_fte (plan), ==, 40.0);
  g_assert_null (_cto_plan_get_extra (plan));
  g_assert_null (_cto_plan_get_settings_extra (plan));

  g_assert_cmpuint (g_list_model_get_n_items (cto_plan_get_people (plan)), ==, 2);
  ana = person_at (plan, 0);
  g_assert_cmpstr (cto_person_get_id (ana), ==, "ana");
  g_assert_cmpstr (cto_person_get_name (ana), ==, "Ana");
  g_assert_cmpstr (cto_person_get_role (ana), ==, "");
  g_assert_cmpfloat (cto_person_get_capacity (ana), ==, 40.0);
  g_assert_null (cto_person_get_reports_to (ana));
  g_assert_false (cto_person_get_open_role (ana));
  g_assert_null (_cto_person_get_extra (ana));

  hire = person_at (plan, 1);
  g_assert_cmpstr (cto_person_get_id (hire), ==, "hire-1");
  g_assert_null (cto_person_get_reports_to (hire));
  g_assert_true (cto_plan_find_person (plan, "hire-1") == hire);

  g_assert_cmpuint (g_list_model_get_n_items (cto_plan_get_responsibilities (plan)), ==, 2);
  security = responsibility_at (plan, 0);
  g_assert_cmpstr (cto_responsibility_get_id (security), ==, "security");
  g_assert_cmpstr (cto_responsibility_get_title (security), ==, "Security");
  g_assert_cmpint (cto_responsibility_get_function (security), ==, CTO_FUNCTION_INFRASTRUCTURE);
  g_assert_cmpfloat (cto_responsibility_get_effort (security), ==, 0.0);
  g_assert_cmpstr (cto_responsibility_get_description (security), ==, "");
  g_assert_null (_cto_responsibility_get_extra (security));
  g_assert_cmpuint (cto_responsibility_get_n_assignees (security), ==, 1);
  assignment = cto_responsibility_get_assignee (security, 0);
  g_assert_cmpstr (assignment->person, ==, "ana");
  g_assert_cmpfloat (assignment->share, ==, 1.0);
  g_assert_false (assignment->accountable);
  g_assert_null (assignment->extra);

  roadmap = responsibility_at (plan, 1);
  g_assert_cmpint (cto_responsibility_get_function (roadmap), ==, CTO_FUNCTION_THINKER);
  g_assert_cmpuint (cto_responsibility_get_n_assignees (roadmap), ==, 0);
  g_assert_true (cto_plan_find_responsibility (plan, "roadmap") == roadmap);
}

static void
test_canonical_values (void)
{
  g_autoptr(CtoPlan) plan = load_data_file ("valid-canonical.json");
  CtoPerson *li = person_at (plan, 1);
  CtoResponsibility *security = responsibility_at (plan, 0);
  const CtoAssignment *first = cto_responsibility_get_assignee (security, 0);
  const CtoAssignment *second = cto_responsibility_get_assignee (security, 1);

  g_assert_cmpstr (cto_plan_get_title (plan), ==, "Ünïcode & \"quotes\" \\ back/slash");
  g_assert_cmpfloat (cto_plan_get_overload_threshold (plan), ==, 1.1);
  g_assert_cmpfloat (cto_plan_get_hours_per_fte (plan), ==, 37.5);
  g_assert_cmpstr (cto_person_get_id (li), ==, "李");
  g_assert_cmpstr (cto_person_get_role (li), ==, "Line one\nline two\ttabbed\r\001\037\b\f");
  g_assert_cmpfloat (cto_person_get_capacity (li), ==, 0.1);
  g_assert_cmpstr (cto_person_get_reports_to (li), ==, "ana");
  g_assert_true (cto_person_get_open_role (li));
  g_assert_cmpfloat (cto_responsibility_get_effort (security), ==, 6.25);
  g_assert_cmpstr (cto_responsibility_get_accountable (security), ==, "李");
  g_assert_cmpfloat (first->share, ==, 2.0);
  g_assert_nonnull (first->extra);
  g_assert_cmpfloat (second->share, ==, 0.5);
  g_assert_null (second->extra);
  g_assert_cmpstr (cto_responsibility_get_description (responsibility_at (plan, 1)), ==,
                   "Ideas 💡 for the next\nyear");
}

static void
test_history_starts_clean (void)
{
  g_autoptr(CtoPlan) plan = load_data_file ("valid-canonical.json");
  CtoHistory *history = cto_plan_get_history (plan);

  g_assert_false (cto_history_get_can_undo (history));
  g_assert_false (cto_history_get_can_redo (history));
  g_assert_false (cto_history_get_modified (history));
}

static void
test_bare_minimum (void)
{
  g_autoptr(CtoPlan) plan = load_string (PLAN_HEAD "}");

  g_assert_cmpuint (g_list_model_get_n_items (cto_plan_get_people (plan)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (cto_plan_get_responsibilities (plan)), ==, 0);
  g_assert_cmpstr (cto_plan_get_title (plan), ==, "Untitled plan");
}

static void
test_byte_order_mark (void)
{
  g_autoptr(CtoPlan) plan = load_string ("\xef\xbb\xbf" PLAN_HEAD ", \"title\": \"BOM\"}");

  g_assert_cmpstr (cto_plan_get_title (plan), ==, "BOM");
}

/* The data need not end in a NUL; only @length bytes are read. */
static void
test_data_without_nul (void)
{
  static const char text[] = PLAN_HEAD ", \"title\": \"T\"}";
  g_autofree char *copy = g_malloc (sizeof text - 1);
  g_autoptr(CtoPlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  memcpy (copy, text, sizeof text - 1);
  plan = cto_plan_io_load_data (copy, sizeof text - 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cto_plan_get_title (plan), ==, "T");
}

/* Writing --------------------------------------------------------------------- */

static void
test_write_empty_plan (void)
{
  g_autoptr(CtoPlan) plan = cto_plan_new ();
  g_autofree char *text = NULL;
  gsize length = 0;

  text = cto_plan_io_to_data (plan, &length);
  g_assert_cmpstr (text, ==,
                   "{\n"
                   "  \"format\": \"cto-planner-plan\",\n"
                   "  \"version\": 1,\n"
                   "  \"title\": \"Untitled plan\",\n"
                   "  \"settings\": {\n"
                   "    \"overload_threshold\": 1,\n"
                   "    \"hours_per_fte\": 40\n"
                   "  },\n"
                   "  \"people\": [],\n"
                   "  \"responsibilities\": []\n"
                   "}\n");
  g_assert_cmpuint (length, ==, strlen (text));
}

static void
test_write_canonical_identical (gconstpointer data)
{
  const char *name = data;
  g_autofree char *original = NULL;
  g_autofree char *written = NULL;
  g_autofree char *again = NULL;
  g_autoptr(CtoPlan) plan = NULL;
  gsize original_length = 0;
  gsize written_length = 0;
  gsize again_length = 0;

  original = read_data (name, &original_length);
  plan = load_data_file (name);

  written = cto_plan_io_to_data (plan, &written_length);
  g_assert_cmpmem (written, written_length, original, original_length);

  again = cto_plan_io_to_data (plan, &again_length);
  g_assert_cmpmem (again, again_length, written, written_length);
}

/* The shipped example is kept in canonical form. */
static void
test_write_example_identical (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "examples",
                                                 "acme-robotics.ctoplan.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CtoPlan) plan = NULL;
  g_autofree char *original = NULL;
  g_autofree char *written = NULL;
  gsize original_length = 0;
  gsize written_length = 0;

  g_file_get_contents (path, &original, &original_length, &error);
  g_assert_no_error (error);
  plan = cto_plan_io_load_file (file, NULL, &error);
  g_assert_no_error (error);

  written = cto_plan_io_to_data (plan, &written_length);
  g_assert_cmpmem (written, written_length, original, original_length);
}

/* A hand-written file with unknown members at every level: the written form
 * is canonical, keeps them after the known members in their own order, and
 * reads back to the same members. */
static void
test_extras_survive (void)
{
  g_autoptr(CtoPlan) plan = load_data_file ("valid-extras.json");
  g_autoptr(CtoPlan) again = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *written = NULL;
  g_autofree char *rewritten = NULL;
  gsize expected_length = 0;
  gsize written_length = 0;
  gsize rewritten_length = 0;
  CtoResponsibility *before;
  CtoResponsibility *after;

  expected = read_data ("valid-extras-canonical.json", &expected_length);
  written = cto_plan_io_to_data (plan, &written_length);
  g_assert_cmpmem (written, written_length, expected, expected_length);

  again = load_string (written);
  assert_extras_equal (_cto_plan_get_extra (plan), _cto_plan_get_extra (again));
  assert_extras_equal (_cto_plan_get_settings_extra (plan), _cto_plan_get_settings_extra (again));
  assert_extras_equal (_cto_person_get_extra (person_at (plan, 0)),
                       _cto_person_get_extra (person_at (again, 0)));
  assert_extras_equal (_cto_person_get_extra (person_at (plan, 1)),
                       _cto_person_get_extra (person_at (again, 1)));

  before = responsibility_at (plan, 0);
  after = responsibility_at (again, 0);
  assert_extras_equal (_cto_responsibility_get_extra (before),
                       _cto_responsibility_get_extra (after));
  assert_extras_equal (cto_responsibility_get_assignee (before, 0)->extra,
                       cto_responsibility_get_assignee (after, 0)->extra);
  g_assert_null (cto_responsibility_get_assignee (after, 1)->extra);

  g_assert_true (json_object_get_boolean_member (
    json_object_get_object_member (_cto_plan_get_extra (again), "x-first"), "kept"));
  g_assert_cmpstr (json_object_get_string_member (_cto_plan_get_extra (again), "x-last"), ==,
                   "end");
  /* A number is kept as its text. */
  g_assert_cmpstr (_cto_plan_json_get_number_text (json_object_get_member (
    cto_responsibility_get_assignee (after, 0)->extra, "weight")), ==, "0.25");

  rewritten = cto_plan_io_to_data (again, &rewritten_length);
  g_assert_cmpmem (rewritten, rewritten_length, written, written_length);
}

/* Edits made through the plan's API are what is written. */
static void
test_write_after_edits (void)
{
  g_autoptr(CtoPlan) plan = load_data_file ("valid-canonical.json");
  g_autoptr(CtoPlan) again = NULL;
  g_autofree char *text = NULL;
  CtoResponsibility *roadmap;

  cto_plan_set_title (plan, "Renamed");
  cto_plan_set_hours_per_fte (plan, 32);
  roadmap = responsibility_at (plan, 1);
  g_assert_true (cto_plan_assign (plan, roadmap, person_at (plan, 0), 3));

  text = cto_plan_io_to_data (plan, NULL);
  again = load_string (text);
  g_assert_cmpstr (cto_plan_get_title (again), ==, "Renamed");
  g_assert_cmpfloat (cto_plan_get_hours_per_fte (again), ==, 32.0);
  g_assert_cmpuint (cto_responsibility_get_n_assignees (responsibility_at (again, 1)), ==, 1);
  g_assert_cmpfloat (cto_responsibility_get_assignee (responsibility_at (again, 1), 0)->share, ==,
                     3.0);
  /* What the edits did not touch is kept, unknown members included. */
  assert_extras_equal (_cto_plan_get_extra (plan), _cto_plan_get_extra (again));
}

static void
test_write_escapes (void)
{
  g_autoptr(CtoPlan) plan = cto_plan_new ();
  g_autofree char *text = NULL;
  g_autoptr(CtoPlan) again = NULL;
  const char *title = "q\"b\\s/n\nt\tr\rb\bf\fc\001u\037d\177é💡";

  cto_plan_set_title (plan, title);
  text = cto_plan_io_to_data (plan, NULL);
  g_assert_nonnull (strstr (text, "\n  \"title\": \"q\\\"b\\\\s/n\\nt\\tr\\rb\\bf\\fc"
                                  "\\u0001u\\u001fd\177é💡\",\n"));

  again = load_string (text);
  g_assert_cmpstr (cto_plan_get_title (again), ==, title);
}

/* A plan made in the program, not read from a file, writes and reads back. */
static void
test_write_built_plan (void)
{
  g_autoptr(CtoPlan) plan = cto_plan_new ();
  g_autoptr(CtoPerson) ana = cto_person_new ("ana", "Ana", "Lead", 12.5, FALSE);
  g_autoptr(CtoPerson) bo = cto_person_new ("bo", "Bo", "", 40, TRUE);
  g_autoptr(CtoResponsibility) ops =
    cto_responsibility_new ("ops", "Operations", CTO_FUNCTION_CONSUMER_LIAISON, 1.0 / 3, "x");
  g_autoptr(CtoPlan) again = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text_again = NULL;

  cto_plan_insert_person (plan, G_MAXUINT, ana);
  cto_plan_insert_person (plan, G_MAXUINT, bo);
  g_assert_true (cto_plan_set_reports_to (plan, bo, ana, NULL));
  cto_plan_insert_responsibility (plan, G_MAXUINT, ops);
  cto_plan_assign (plan, ops, bo, 1);
  cto_plan_assign (plan, ops, ana, 0.1);
  cto_plan_set_accountable (plan, ops, ana);

  text = cto_plan_io_to_data (plan, NULL);
  g_assert_nonnull (strstr (text, "\n      \"capacity\": 12.5,\n"));
  g_assert_nonnull (strstr (text, "\n      \"effort\": 0.3333333333333333,\n"));
  g_assert_nonnull (strstr (text, "\"function\": \"consumer-liaison\""));
  g_assert_nonnull (strstr (text, "\n      \"reports_to\": \"ana\",\n      \"open_role\": true\n"));

  again = load_string (text);
  g_assert_cmpfloat (cto_responsibility_get_effort (responsibility_at (again, 0)), ==, 1.0 / 3);
  g_assert_cmpstr (cto_responsibility_get_accountable (responsibility_at (again, 0)), ==, "ana");
  text_again = cto_plan_io_to_data (again, NULL);
  g_assert_cmpstr (text_again, ==, text);
}

/* Dates are read, kept and written in the order of the format's table, and
 * only when set, so plans without dates keep their bytes. */
static void
test_dates_round_trip (void)
{
  const char *text =
    PLAN_HEAD ", \"people\": ["
    "{\"id\": \"a\", \"name\": \"A\", \"x\": 1, \"end\": \"2028-01-01\", \"start\": \"2024-02-29\"}, "
    "{\"id\": \"b\", \"name\": \"B\", \"start\": null, \"end\": \"2027-07-01\"}, "
    "{\"id\": \"c\", \"name\": \"C\"}]}";
  g_autoptr(CtoPlan) plan = load_string (text);
  g_autoptr(CtoPlan) again = NULL;
  CtoPerson *a = cto_plan_find_person (plan, "a");
  CtoPerson *b = cto_plan_find_person (plan, "b");
  CtoPerson *c = cto_plan_find_person (plan, "c");
  g_autofree char *data = NULL;
  g_autofree char *data_again = NULL;
  g_autofree char *a_start = NULL;
  gsize length;

  g_assert_nonnull (cto_person_get_start (a));
  a_start = cto_date_to_string (cto_person_get_start (a));
  g_assert_cmpstr (a_start, ==, "2024-02-29");
  g_assert_null (cto_person_get_start (b));
  g_assert_nonnull (cto_person_get_end (b));
  g_assert_false (cto_person_has_dates (c));
  g_assert_true (cto_person_has_dates (b));

  data = cto_plan_io_to_data (plan, &length);
  g_assert_nonnull (strstr (data,
    "      \"open_role\": false,\n"
    "      \"start\": \"2024-02-29\",\n"
    "      \"end\": \"2028-01-01\",\n"
    "      \"x\": 1\n"));
  g_assert_nonnull (strstr (data,
    "      \"open_role\": false,\n"
    "      \"end\": \"2027-07-01\"\n"));
  g_assert_null (strstr (data, "null,\n      \"end\""));

  again = load_string (data);
  data_again = cto_plan_io_to_data (again, NULL);
  g_assert_cmpstr (data, ==, data_again);
}

typedef struct
{
  double      value;
  const char *text;
} NumberCase;

static void
test_format_number (void)
{
  const NumberCase cases[] = {
    { 0, "0" },
    { -0.0, "0" },
    { 1, "1" },
    { 40, "40" },
    { -7, "-7" },
    { 1000000, "1000000" },
    { 0.1, "0.1" },
    { 0.5, "0.5" },
    { 6.25, "6.25" },
    { -0.001, "-0.001" },
    { 1.0 / 3, "0.3333333333333333" },
    { 2.0 / 3, "0.6666666666666666" },
    { 0.1 + 0.2, "0.30000000000000004" },
    { 123456.789, "123456.789" },
    { 1e-7, "1e-07" },
    { 999999999999999.0, "999999999999999" },
    { 1e15, "1e+15" },
    { -1e300, "-1e+300" },
    { 5e-324, "5e-324" },
    { INFINITY, "null" },
    { NAN, "null" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = cto_format_json_number (cases[i].value);

      g_assert_cmpstr (text, ==, cases[i].text);
      if (isfinite (cases[i].value))
        g_assert_cmpfloat (g_ascii_strtod (text, NULL), ==, cases[i].value);
    }
}

/* Saving ---------------------------------------------------------------------- */

static void
test_save_new_file (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "plan.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CtoPlan) plan = load_data_file ("valid-canonical.json");
  g_autofree char *expected = cto_plan_io_to_data (plan, NULL);
  g_autofree char *names = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (cto_plan_io_save_file (plan, file, NULL, &error));
  g_assert_no_error (error);
  assert_file_contents (path, expected);

  names = list_dir (dir);
  g_assert_cmpstr (names, ==, "plan.json");

  remove_tree (dir);
}

static void
test_save_replaces (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "plan.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CtoPlan) plan = load_data_file ("valid-minimal.json");
  g_autofree char *expected = cto_plan_io_to_data (plan, NULL);
  g_autofree char *names = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  write_text (path, "an older, much longer text that the new plan must replace entirely\n");
  g_assert_cmpint (g_chmod (path, 0640), ==, 0);

  g_assert_true (cto_plan_io_save_file (plan, file, NULL, &error));
  g_assert_no_error (error);
  assert_file_contents (path, expected);

  /* The replaced file keeps its permissions. */
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0640);

  names = list_dir (dir);
  g_assert_cmpstr (names, ==, "plan.json");

  remove_tree (dir);
}

/* Saving through a symbolic link replaces the file it points to. */
static void
test_save_through_symlink (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *target = g_build_filename (dir, "real.json", NULL);
  g_autofree char *link = g_build_filename (dir, "link.json", NULL);
  g_autoptr(GFile) link_file = g_file_new_for_path (link);
  g_autoptr(CtoPlan) plan = load_data_file ("valid-minimal.json");
  g_autofree char *expected = cto_plan_io_to_data (plan, NULL);
  g_autofree char *names = NULL;
  g_autoptr(GError) error = NULL;

  write_text (target, "old\n");
  g_file_make_symbolic_link (link_file, "real.json", NULL, &error);
  g_assert_no_error (error);

  g_assert_true (cto_plan_io_save_file (plan, link_file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  assert_file_contents (target, expected);

  names = list_dir (dir);
  g_assert_cmpstr (names, ==, "link.json real.json");

  remove_tree (dir);
}

/* A save that cannot happen leaves what was there whole, and says why. */
static void
test_save_parent_is_file (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *parent = g_build_filename (dir, "not-a-folder", NULL);
  g_autofree char *path = g_build_filename (parent, "plan.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CtoPlan) plan = load_data_file ("valid-minimal.json");
  g_autofree char *names = NULL;
  g_autoptr(GError) error = NULL;

  write_text (parent, "old contents\n");

  g_assert_false (cto_plan_io_save_file (plan, file, NULL, &error));
  g_assert_nonnull (error);
  g_assert_cmpstr (error->message, !=, "");
  assert_file_contents (parent, "old contents\n");

  names = list_dir (dir);
  g_assert_cmpstr (names, ==, "not-a-folder");

  remove_tree (dir);
}

static void
test_save_target_is_directory (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *target = g_build_filename (dir, "plan.json", NULL);
  g_autofree char *inside = g_build_filename (target, "keep.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (target);
  g_autoptr(CtoPlan) plan = load_data_file ("valid-minimal.json");
  g_autofree char *names = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (target, 0755), ==, 0);
  write_text (inside, "old contents\n");

  g_assert_false (cto_plan_io_save_file (plan, file, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_assert_true (g_file_test (target, G_FILE_TEST_IS_DIR));
  assert_file_contents (inside, "old contents\n");

  names = list_dir (dir);
  g_assert_cmpstr (names, ==, "plan.json");

  remove_tree (dir);
}

static void
test_save_cancelled (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "plan.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(CtoPlan) plan = load_data_file ("valid-minimal.json");
  g_autofree char *names = NULL;
  g_autoptr(GError) error = NULL;

  write_text (path, "old contents\n");
  g_cancellable_cancel (cancellable);

  g_assert_false (cto_plan_io_save_file (plan, file, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  assert_file_contents (path, "old contents\n");

  names = list_dir (dir);
  g_assert_cmpstr (names, ==, "plan.json");

  remove_tree (dir);
}

/* Saving does not mark the history saved; that is the caller's to do. */
static void
test_save_keeps_history (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "plan.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CtoPlan) plan = load_data_file ("valid-minimal.json");
  g_autoptr(GError) error = NULL;

  cto_plan_set_title (plan, "Changed");
  g_assert_true (cto_history_get_modified (cto_plan_get_history (plan)));

  g_assert_true (cto_plan_io_save_file (plan, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (cto_history_get_modified (cto_plan_get_history (plan)));
  g_assert_true (cto_history_get_can_undo (cto_plan_get_history (plan)));

  remove_tree (dir);
}

static void
test_write_file_atomic (void)
{
  static const char bytes[] = "a\0b\nc";
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "out.bin", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;

  g_assert_true (cto_write_file_atomic (file, bytes, sizeof bytes - 1, NULL, &error));
  g_assert_no_error (error);
  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (contents, length, bytes, sizeof bytes - 1);

  g_clear_pointer (&contents, g_free);
  g_assert_true (cto_write_file_atomic (file, "", 0, NULL, &error));
  g_assert_no_error (error);
  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, ==, 0);

  remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (refusals); i++)
    {
      g_autofree char *name = g_strndup (refusals[i].file + strlen ("invalid-"),
                                         strlen (refusals[i].file) - strlen ("invalid-.json"));
      g_autofree char *path = g_strconcat ("/plan-io/refuse/", name, NULL);

      g_test_add_data_func (path, &refusals[i], test_refusal);
    }
  for (guint i = 0; i < G_N_ELEMENTS (inline_refusals); i++)
    {
      g_autofree char *path = g_strconcat ("/plan-io/refuse/inline/", inline_refusals[i].name,
                                           NULL);

      g_test_add_data_func (path, &inline_refusals[i], test_inline_refusal);
    }
  g_test_add_func ("/plan-io/refuse/table-complete", test_refusal_table_complete);
  g_test_add_func ("/plan-io/refuse/too-large-file", test_refuse_too_large_file);
  g_test_add_func ("/plan-io/refuse/too-large-data", test_refuse_too_large_data);
  g_test_add_func ("/plan-io/refuse/endless-stream", test_refuse_endless_stream);
  g_test_add_func ("/plan-io/refuse/very-deep", test_refuse_very_deep);
  g_test_add_func ("/plan-io/refuse/cycle-named-from-first", test_cycle_named_from_first);
  g_test_add_func ("/plan-io/refuse/missing-file", test_missing_file);
  g_test_add_func ("/plan-io/refuse/directory", test_directory);

  g_test_add_func ("/plan-io/load/minimal-defaults", test_minimal_defaults);
  g_test_add_func ("/plan-io/load/canonical-values", test_canonical_values);
  g_test_add_func ("/plan-io/load/history-clean", test_history_starts_clean);
  g_test_add_func ("/plan-io/load/bare-minimum", test_bare_minimum);
  g_test_add_func ("/plan-io/load/byte-order-mark", test_byte_order_mark);
  g_test_add_func ("/plan-io/load/data-without-nul", test_data_without_nul);
  g_test_add_func ("/plan-io/load/depth-limit", test_depth_limit);
  g_test_add_func ("/plan-io/load/brackets-in-strings", test_brackets_in_strings);
  g_test_add_func ("/plan-io/load/long-chain", test_long_chain);
  g_test_add_func ("/plan-io/load/many-assignees", test_many_assignees);
  g_test_add_func ("/plan-io/load/dates", test_dates_round_trip);

  g_test_add_func ("/plan-io/write/empty-plan", test_write_empty_plan);
  g_test_add_data_func ("/plan-io/write/canonical-identical", "valid-canonical.json",
                        test_write_canonical_identical);
  g_test_add_data_func ("/plan-io/write/extras-canonical-identical", "valid-extras-canonical.json",
                        test_write_canonical_identical);
  g_test_add_func ("/plan-io/write/example-identical", test_write_example_identical);
  g_test_add_func ("/plan-io/write/extras-survive", test_extras_survive);
  g_test_add_func ("/plan-io/write/after-edits", test_write_after_edits);
  g_test_add_func ("/plan-io/write/escapes", test_write_escapes);
  g_test_add_func ("/plan-io/write/built-plan", test_write_built_plan);
  g_test_add_func ("/plan-io/write/format-number", test_format_number);

  g_test_add_func ("/plan-io/save/new-file", test_save_new_file);
  g_test_add_func ("/plan-io/save/replaces", test_save_replaces);
  g_test_add_func ("/plan-io/save/through-symlink", test_save_through_symlink);
  g_test_add_func ("/plan-io/save/parent-is-file", test_save_parent_is_file);
  g_test_add_func ("/plan-io/save/target-is-directory", test_save_target_is_directory);
  g_test_add_func ("/plan-io/save/cancelled", test_save_cancelled);
  g_test_add_func ("/plan-io/save/keeps-history", test_save_keeps_history);
  g_test_add_func ("/plan-io/save/write-file-atomic", test_write_file_atomic);

  return g_test_run ();
}
