/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "cto-csv-import.h"
#include "cto-csv-reader.h"
#include "cto-history.h"
#include "cto-plan-io.h"
#include "cto-plan-private.h"
#include "cto-report-csv.h"

/* Starting a plan from a spreadsheet (PLAN-FORMAT.md, section 9): what the
 * CSV export writes reads back, and what a spreadsheet saves is read as the
 * spreadsheet showed it, or refused naming the row and the column. */

/* Helpers ------------------------------------------------------------------ */

static char *
data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
}

static CtoPlan *
load_plan_file (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  CtoPlan *plan = cto_plan_io_load_file (file, NULL, &error);

  g_assert_no_error (error);
  return plan;
}

/* Every plan an import makes is one the plan format accepts. */
static void
assert_valid_plan (CtoPlan *plan)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CtoPlan) again = NULL;
  g_autofree char *text = NULL;
  gsize length;

  text = cto_plan_io_to_data (plan, &length);
  again = cto_plan_io_load_data (text, length, &error);
  g_assert_no_error (error);
  g_assert_nonnull (again);
}

/* Imports @text, which must read whole. */
static CtoPlan *
import_ok (const char *text,
           gsize       length)
{
  g_autoptr(CtoCsvImport) import = cto_csv_import_new_for_data (text, length, "Imported");
  g_autoptr(GError) error = NULL;
  CtoPlan *plan = cto_csv_import_dup_complete_plan (import, &error);

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  assert_valid_plan (plan);

  return plan;
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

static CtoPerson *
person_at (CtoPlan *plan,
           guint    position)
{
  g_autoptr(CtoPerson) person = g_list_model_get_item (cto_plan_get_people (plan), position);

  g_assert_nonnull (person);
  return person;
}

static guint
n_responsibilities (CtoPlan *plan)
{
  return g_list_model_get_n_items (cto_plan_get_responsibilities (plan));
}

static guint
n_people (CtoPlan *plan)
{
  return g_list_model_get_n_items (cto_plan_get_people (plan));
}

/* What section 9 promises comes back from an export. */
static void
assert_same_responsibilities (CtoPlan *expected,
                              CtoPlan *actual)
{
  g_assert_cmpuint (n_responsibilities (actual), ==, n_responsibilities (expected));

  for (guint i = 0; i < n_responsibilities (expected); i++)
    {
      CtoResponsibility *a = responsibility_at (expected, i);
      CtoResponsibility *b = responsibility_at (actual, i);

      g_assert_cmpstr (cto_responsibility_get_id (b), ==, cto_responsibility_get_id (a));
      g_assert_cmpstr (cto_responsibility_get_title (b), ==, cto_responsibility_get_title (a));
      g_assert_cmpint (cto_responsibility_get_function (b), ==,
                       cto_responsibility_get_function (a));
      g_assert_cmpfloat (cto_responsibility_get_effort (b), ==, cto_responsibility_get_effort (a));
      g_assert_cmpstr (cto_responsibility_get_description (b), ==,
                       cto_responsibility_get_description (a));
      g_assert_cmpuint (cto_responsibility_get_n_assignees (b), ==,
                        cto_responsibility_get_n_assignees (a));

      for (guint j = 0; j < cto_responsibility_get_n_assignees (a); j++)
        {
          const CtoAssignment *x = cto_responsibility_get_assignee (a, j);
          const CtoAssignment *y = cto_responsibility_get_assignee (b, j);

          g_assert_cmpstr (y->person, ==, x->person);
          g_assert_cmpfloat (y->share, ==, x->share);
          g_assert_cmpint (y->accountable, ==, x->accountable);
        }
    }
}

static void
assert_round_trip (CtoPlan *plan)
{
  g_autofree char *csv = NULL;
  g_autoptr(CtoPlan) imported = NULL;
  gsize length;

  csv = cto_report_csv (plan, &length);
  imported = import_ok (csv, length);
  assert_same_responsibilities (plan, imported);

  /* Everyone assigned comes back as a person of the same id, at 40 hours. */
  for (guint i = 0; i < n_people (imported); i++)
    {
      CtoPerson *person = person_at (imported, i);

      g_assert_nonnull (cto_plan_find_person (plan, cto_person_get_id (person)));
      g_assert_cmpstr (cto_person_get_name (person), ==, cto_person_get_id (person));
      g_assert_cmpfloat (cto_person_get_capacity (person), ==, 40);
    }
}

/* Round trips -------------------------------------------------------------- */

static void
test_round_trip_example (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "examples",
                                                 "acme-robotics.ctoplan.json", NULL);
  g_autoptr(CtoPlan) plan = load_plan_file (path);

  g_assert_cmpuint (n_responsibilities (plan), >, 0);
  assert_round_trip (plan);
}

static void
test_round_trip_hostile (void)
{
  g_autofree char *path = data_path ("valid-hostile.json");
  g_autoptr(CtoPlan) plan = load_plan_file (path);

  assert_round_trip (plan);
}

static const char * const pieces[] = {
  "a", "Zoë", "👩‍💻", "مريم", ",", ";", "\"", "\"\"", "\n", "\r\n", "\r", " ", "\t",
  "=", "+", "-", "@", "'", "x'y", "=SUM(A1)", "é", "\u200b", "0", "1,5", "person_1",
};

/* A string of pieces, any of which may come first: a leading ' too, which
 * the export doubles and the import takes back (PLAN-FORMAT.md, sections 8
 * and 9). */
static char *
random_text (GRand *rand,
             guint  max_pieces,
             gsize  max_bytes)
{
  GString *s = g_string_new (NULL);
  guint n = g_rand_int_range (rand, 1, max_pieces + 1);

  for (guint i = 0; i < n; i++)
    {
      const char *piece = pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))];

      if (s->len + strlen (piece) > max_bytes)
        break;
      g_string_append (s, piece);
    }

  if (s->len == 0)
    g_string_append (s, "x");

  return g_string_free (s, FALSE);
}

static double
random_number (GRand   *rand,
               gboolean positive)
{
  switch (g_rand_int_range (rand, 0, 4))
    {
    case 0:
      return positive ? 1 : 0;
    case 1:
      return g_rand_int_range (rand, 1, 80);
    case 2:
      return g_rand_int_range (rand, 1, 100000000) / 100.0;
    default:
      return g_rand_double_range (rand, 0.01, 1000000);
    }
}

static CtoPlan *
random_plan (guint32 seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(CtoPlan) plan = cto_plan_new ();
  guint n_persons = g_rand_int_range (rand, 0, 12);
  guint n_rows = g_rand_int_range (rand, 0, 30);

  for (guint i = 0; i < n_persons; i++)
    {
      /* Ids up to the longest an id may be. */
      g_autofree char *id = random_text (rand, 60, CTO_PLAN_MAX_ID_LENGTH);
      g_autoptr(CtoPerson) person = cto_person_new (id, "Name", "", 40, FALSE);

      _cto_plan_append_person (plan, person);
    }

  for (guint i = 0; i < n_rows; i++)
    {
      g_autofree char *id = random_text (rand, 20, CTO_PLAN_MAX_ID_LENGTH);
      g_autofree char *title = random_text (rand, 20, 1000);
      g_autofree char *description = g_rand_boolean (rand) ? random_text (rand, 40, 4000)
                                                           : g_strdup ("");
      g_autoptr(CtoResponsibility) responsibility =
        cto_responsibility_new (id, title, g_rand_int_range (rand, 0, CTO_N_FUNCTIONS),
                                random_number (rand, FALSE), description);
      guint n_assignees = n_persons > 0 ? g_rand_int_range (rand, 0, MIN (n_persons, 5) + 1) : 0;
      int accountable = n_assignees > 0 && g_rand_boolean (rand)
                          ? g_rand_int_range (rand, 0, n_assignees) : -1;
      guint first = n_persons > 0 ? g_rand_int_range (rand, 0, n_persons) : 0;

      for (guint j = 0; j < n_assignees; j++)
        {
          CtoPerson *person = person_at (plan, (first + j) % n_persons);

          _cto_responsibility_add_assignee (responsibility, cto_person_get_id (person),
                                            random_number (rand, TRUE), accountable == (int) j,
                                            NULL);
        }

      /* A repeated id is left out, as the format would refuse it. */
      _cto_plan_append_responsibility (plan, responsibility);
    }

  return g_steal_pointer (&plan);
}

static void
test_round_trip_generated (void)
{
  for (guint32 seed = 1; seed <= 200; seed++)
    {
      g_autoptr(CtoPlan) plan = random_plan (seed);

      assert_valid_plan (plan);
      assert_round_trip (plan);
    }
}

/* Refusals and what a spreadsheet shows ------------------------------------ */

typedef struct
{
  const char *name;
  const char *csv;
  gsize       length;        /* 0: strlen (csv) */
  const char *first_problem; /* NULL: read whole */
  guint       n_problems;
  int         n_rows;        /* rows in the plan of readable rows; -1: no plan */
} Case;

#define CSV(text) text, sizeof text - 1

static const Case cases[] = {
  /* The structure of the file */
  { "empty-file", CSV (""), "row 1: no header: the file is empty", 1, -1 },
  { "bom-only", CSV ("\xef\xbb\xbf"), "row 1: no header: the file is empty", 1, -1 },
  { "header-only", CSV ("title,function\r\n"), NULL, 0, 0 },
  { "missing-function-column", CSV ("id,title,effort\nx,X,1\n"),
    "row 1: no column \"function\"", 1, -1 },
  { "missing-both-columns", CSV ("id\nx\n"), "row 1: no column \"title\"", 2, -1 },
  { "repeated-column", CSV ("title,function,Title\nA,planning,B\n"),
    "row 1, column \"Title\": the column appears twice", 1, -1 },
  { "share-without-person-column", CSV ("title,function,share_2\nA,planning,1\n"),
    "row 1, column \"share_2\": no column \"person_2\" beside it", 1, -1 },
  { "quote-left-open", CSV ("title,function\nA,planning\n\"B,thinker\nC,planning\n"),
    "row 3, column \"title\": a quoted cell is never closed", 1, -1 },
  { "ragged-short-row", CSV ("title,function,effort,description\nA,planning\n"), NULL, 0, 1 },
  { "ragged-long-row", CSV ("title,function\nA,planning,,\nB,planning,extra\n"),
    "row 3, column 3: a cell beyond the header’s 2 columns", 1, 1 },
  { "blank-rows-counted", CSV ("title,function\n\nA,planning\n,\nB,nothing\n"),
    "row 5, column \"function\": unknown function \"nothing\" "
    "(Planning, Infrastructure, Consumer liaison, Thinker)", 1, 1 },
  { "multi-line-cell-one-row", CSV ("title,function\n\"A\nB\r\nC\",planning\nD,x\n"),
    "row 3, column \"function\": unknown function \"x\" "
    "(Planning, Infrastructure, Consumer liaison, Thinker)", 1, 1 },
  { "not-utf8", CSV ("title,function\nA\xff,planning\n"),
    "row 2, column \"title\": not valid UTF-8", 1, 0 },
  { "nul-character", CSV ("title,function\nA\0B,planning\n"),
    "row 2, column \"title\": holds a NUL character", 1, 0 },

  /* Numbers */
  { "effort-not-a-number", CSV ("title,function,effort\nA,planning,lots\n"),
    "row 2, column \"effort\": not a number", 1, 0 },
  { "effort-hexadecimal", CSV ("title,function,effort\nA,planning,0x10\n"),
    "row 2, column \"effort\": not a number", 1, 0 },
  { "effort-infinite", CSV ("title,function,effort\nA,planning,inf\n"),
    "row 2, column \"effort\": not a number", 1, 0 },
  { "effort-nan", CSV ("title,function,effort\nA,planning,NaN\n"),
    "row 2, column \"effort\": not a number", 1, 0 },
  { "effort-overflow", CSV ("title,function,effort\nA,planning,1e999\n"),
    "row 2, column \"effort\": must be at most 1000000", 1, 0 },
  { "effort-too-large", CSV ("title,function,effort\nA,planning,1000000.5\n"),
    "row 2, column \"effort\": must be at most 1000000", 1, 0 },
  { "effort-too-small", CSV ("title,function,effort\nA,planning,0.001\n"),
    "row 2, column \"effort\": must be 0 or at least 0.01", 1, 0 },
  { "effort-negative", CSV ("title,function,effort\nA,planning,-1\n"),
    "row 2, column \"effort\": must be 0 or greater", 1, 0 },
  { "effort-comma-in-comma-file", CSV ("title,function,effort\nA,planning,\"1,5\"\n"),
    "row 2, column \"effort\": not a number", 1, 0 },
  { "share-zero", CSV ("title,function,person_1,share_1\nA,planning,Ana,0\n"),
    "row 2, column \"share_1\": must be greater than 0", 1, 0 },
  { "share-without-person", CSV ("title,function,person_1,share_1\nA,planning,,2\n"),
    "row 2, column \"share_1\": a share without a person", 1, 0 },

  /* The rules of the plan */
  { "empty-title", CSV ("title,function\n,planning\n"),
    "row 2, column \"title\": must not be empty", 1, 0 },
  { "empty-function", CSV ("title,function\nA,\n"),
    "row 2, column \"function\": must not be empty", 1, 0 },
  { "unknown-function", CSV ("title,function\nA,security\n"),
    "row 2, column \"function\": unknown function \"security\" "
    "(Planning, Infrastructure, Consumer liaison, Thinker)", 1, 0 },
  { "accountable-not-a-person", CSV ("title,function,accountable,person_1\nA,planning,Bo,Ana\n"),
    "row 2, column \"accountable\": \"Bo\" is not one of the row’s persons", 1, 0 },
  { "person-twice", CSV ("title,function,person_1,person_2\nA,planning,Ana,Ana\n"),
    "row 2, column \"person_2\": \"Ana\" is already an assignee of this responsibility", 1, 0 },
  { "duplicate-id", CSV ("id,title,function\nx,A,planning\ny,B,planning\nx,C,planning\n"),
    "row 4, column \"id\": duplicate id \"x\"", 1, 2 },
  { "id-too-long", CSV ("id,title,function\n"
                        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
                        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
                        "a,A,planning\n"),
    "row 2, column \"id\": must be at most 128 bytes long", 1, 0 },
  { "every-problem-listed", CSV ("title,function,effort\nA,planning,x\nB,planning,1\n"
                                 "C,nope,-2\n,thinker,\n"),
    "row 2, column \"effort\": not a number", 4, 1 },
  { "value-in-message-escaped", CSV ("title,function\nA,\"x\x1b[31m\"\n"),
    "row 2, column \"function\": unknown function \"x\\u{1b}[31m\" "
    "(Planning, Infrastructure, Consumer liaison, Thinker)", 1, 0 },
};

static void
test_case (gconstpointer data)
{
  const Case *c = data;
  g_autoptr(CtoCsvImport) import =
    cto_csv_import_new_for_data (c->csv, c->length, "Imported");
  g_autoptr(GError) error = NULL;
  g_autoptr(CtoPlan) complete = cto_csv_import_dup_complete_plan (import, &error);
  CtoPlan *plan = cto_csv_import_get_plan (import);

  if (c->first_problem == NULL)
    {
      g_assert_no_error (error);
      g_assert_nonnull (complete);
    }
  else
    {
      int code = g_str_has_prefix (c->first_problem, "row 1") ? CTO_CSV_ERROR_HEADER
                                                              : CTO_CSV_ERROR_INVALID;

      g_assert_error (error, CTO_CSV_ERROR, code);
      g_assert_cmpstr (error->message, ==, c->first_problem);
      g_assert_cmpstr (cto_csv_import_get_problem (import, 0)->message, ==, c->first_problem);
      g_assert_null (complete);
    }

  g_assert_cmpuint (cto_csv_import_get_n_problems (import), ==, c->n_problems);

  if (c->n_rows < 0)
    {
      g_assert_null (plan);
    }
  else
    {
      g_assert_nonnull (plan);
      g_assert_cmpuint (n_responsibilities (plan), ==, (guint) c->n_rows);
      g_assert_cmpuint (cto_csv_import_get_n_rows (import), ==, (guint) c->n_rows);
      assert_valid_plan (plan);
    }
}

static void
test_problems_name_rows_and_columns (void)
{
  static const char csv[] = "Title,Function,Effort\nA,planning,x\nB,planning,1\nC,nope,-2\n";
  g_autoptr(CtoCsvImport) import = cto_csv_import_new_for_data (csv, strlen (csv), NULL);
  const CtoCsvProblem *problem;
  CtoPlan *plan = cto_csv_import_get_plan (import);

  g_assert_cmpuint (cto_csv_import_get_n_problems (import), ==, 3);

  problem = cto_csv_import_get_problem (import, 0);
  g_assert_cmpuint (problem->row, ==, 2);
  g_assert_cmpstr (problem->column, ==, "Effort");
  problem = cto_csv_import_get_problem (import, 1);
  g_assert_cmpuint (problem->row, ==, 4);
  g_assert_cmpstr (problem->column, ==, "Function");
  g_assert_cmpstr (problem->message, ==, "row 4, column \"Function\": unknown function \"nope\" "
    "(Planning, Infrastructure, Consumer liaison, Thinker)");
  problem = cto_csv_import_get_problem (import, 2);
  g_assert_cmpuint (problem->row, ==, 4);
  g_assert_cmpstr (problem->column, ==, "Effort");

  /* Only the row that could be read is in the plan. */
  g_assert_cmpuint (n_responsibilities (plan), ==, 1);
  g_assert_cmpstr (cto_responsibility_get_title (responsibility_at (plan, 0)), ==, "B");
}

/* A row left out takes no id from the rows that are read. */
static void
test_readable_rows_ids (void)
{
  static const char csv[] = "title,function,effort\nSecurity,planning,x\nSecurity,planning,1\n";
  g_autoptr(CtoCsvImport) import = cto_csv_import_new_for_data (csv, strlen (csv), NULL);
  CtoPlan *plan = cto_csv_import_get_plan (import);

  g_assert_cmpuint (cto_csv_import_get_n_problems (import), ==, 1);
  g_assert_cmpuint (n_responsibilities (plan), ==, 1);
  g_assert_cmpstr (cto_responsibility_get_id (responsibility_at (plan, 0)), ==, "Security");
}

/* Read as a spreadsheet shows it ----------------------------------------- */

static void
test_bom_semicolons_letter_case (void)
{
  static const char csv[] =
    "\xef\xbb\xbf" "TITLE;Function;EFFORT;Person_1;Share_1;person_2;SHARE_2;Accountable\r\n"
    "Security;INFRASTRUCTURE;6,5;Ana;2;Bo;;Bo\r\n"
    "\"Roadmap; \"\"next\"\" year\";Consumer Liaison; 4 ;Ana;0.5;;;\r\n";
  g_autoptr(CtoPlan) plan = import_ok (csv, strlen (csv));
  CtoResponsibility *r;
  const CtoAssignment *a;

  g_assert_cmpuint (n_responsibilities (plan), ==, 2);
  r = responsibility_at (plan, 0);
  g_assert_cmpstr (cto_responsibility_get_id (r), ==, "Security");
  g_assert_cmpstr (cto_responsibility_get_title (r), ==, "Security");
  g_assert_cmpint (cto_responsibility_get_function (r), ==, CTO_FUNCTION_INFRASTRUCTURE);
  g_assert_cmpfloat (cto_responsibility_get_effort (r), ==, 6.5);
  g_assert_cmpuint (cto_responsibility_get_n_assignees (r), ==, 2);
  a = cto_responsibility_get_assignee (r, 0);
  g_assert_cmpstr (a->person, ==, "Ana");
  g_assert_cmpfloat (a->share, ==, 2);
  g_assert_false (a->accountable);
  a = cto_responsibility_get_assignee (r, 1);
  g_assert_cmpstr (a->person, ==, "Bo");
  g_assert_cmpfloat (a->share, ==, 1);
  g_assert_true (a->accountable);

  r = responsibility_at (plan, 1);
  g_assert_cmpstr (cto_responsibility_get_title (r), ==, "Roadmap; \"next\" year");
  g_assert_cmpint (cto_responsibility_get_function (r), ==, CTO_FUNCTION_CONSUMER_LIAISON);
  g_assert_cmpfloat (cto_responsibility_get_effort (r), ==, 4);
  g_assert_cmpfloat (cto_responsibility_get_assignee (r, 0)->share, ==, 0.5);

  g_assert_cmpuint (n_people (plan), ==, 2);
  g_assert_cmpstr (cto_person_get_id (person_at (plan, 0)), ==, "Ana");
  g_assert_cmpstr (cto_person_get_name (person_at (plan, 1)), ==, "Bo");
  g_assert_cmpfloat (cto_person_get_capacity (person_at (plan, 1)), ==, 40);
  g_assert_false (cto_person_get_open_role (person_at (plan, 1)));

  /* Default settings, and the title given. */
  g_assert_cmpstr (cto_plan_get_title (plan), ==, "Imported");
  g_assert_cmpfloat (cto_plan_get_overload_threshold (plan), ==, 1.0);
  g_assert_cmpfloat (cto_plan_get_hours_per_fte (plan), ==, 40);
  g_assert_false (cto_history_get_modified (cto_plan_get_history (plan)));
}

static void
test_line_ends (void)
{
  static const char * const texts[] = {
    "title,function,description\nA,planning,\"one\r\ntwo\"\nB,thinker,x",
    "title,function,description\r\nA,planning,\"one\r\ntwo\"\r\nB,thinker,x\r\n",
    "title,function,description\rA,planning,\"one\r\ntwo\"\rB,thinker,x\r",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(CtoPlan) plan = import_ok (texts[i], strlen (texts[i]));

      g_assert_cmpuint (n_responsibilities (plan), ==, 2);
      g_assert_cmpstr (cto_responsibility_get_description (responsibility_at (plan, 0)), ==,
                       "one\r\ntwo");
      g_assert_cmpstr (cto_responsibility_get_title (responsibility_at (plan, 1)), ==, "B");
      g_assert_cmpstr (cto_responsibility_get_description (responsibility_at (plan, 1)), ==, "x");
    }
}

static void
test_defused_cells (void)
{
  static const char csv[] =
    "'id,title,function,effort,description,accountable,person_1,share_1\n"
    "'=cmd(),'+SUM(A1),'thinker,'3,''quoted,'@bo,'@bo,'2\n"
    "tools,Tools,planning,,It's fine,,,\n";
  g_autoptr(CtoPlan) plan = import_ok (csv, strlen (csv));
  CtoResponsibility *r = responsibility_at (plan, 0);

  g_assert_cmpstr (cto_responsibility_get_id (r), ==, "=cmd()");
  g_assert_cmpstr (cto_responsibility_get_title (r), ==, "+SUM(A1)");
  g_assert_cmpint (cto_responsibility_get_function (r), ==, CTO_FUNCTION_THINKER);
  g_assert_cmpfloat (cto_responsibility_get_effort (r), ==, 3);
  /* Only one ' goes. */
  g_assert_cmpstr (cto_responsibility_get_description (r), ==, "'quoted");
  g_assert_cmpstr (cto_responsibility_get_accountable (r), ==, "@bo");
  g_assert_cmpfloat (cto_responsibility_get_assignee (r, 0)->share, ==, 2);

  r = responsibility_at (plan, 1);
  g_assert_cmpstr (cto_responsibility_get_description (r), ==, "It's fine");
  g_assert_cmpfloat (cto_responsibility_get_effort (r), ==, 0);
}

static void
test_large_cells (void)
{
  gsize size = 1024 * 1024;
  g_autofree char *title = g_malloc (size + 1);
  g_autofree char *description = NULL;
  g_autoptr(GString) csv = g_string_new ("title,function,description,person_1\n");
  g_autoptr(CtoPlan) plan = NULL;
  CtoResponsibility *r;

  memset (title, 'T', size);
  title[size] = '\0';
  /* Quotes, separators and line breaks all through a quoted megabyte. */
  description = g_strnfill (size, 'd');
  for (gsize i = 0; i < size; i += 97)
    description[i] = "\",;\n\r"[i % 5];

  g_string_append_printf (csv, "%s,planning,\"", title);
  for (const char *p = description; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (csv, '"');
      g_string_append_c (csv, *p);
    }
  g_string_append_printf (csv, "\",%s\r\n", title);

  plan = import_ok (csv->str, csv->len);
  r = responsibility_at (plan, 0);
  g_assert_cmpstr (cto_responsibility_get_title (r), ==, title);
  g_assert_cmpstr (cto_responsibility_get_description (r), ==, description);

  /* The title and the person's name are whole; their ids cut to 128 bytes. */
  g_assert_cmpuint (strlen (cto_responsibility_get_id (r)), ==, CTO_PLAN_MAX_ID_LENGTH);
  g_assert_cmpstr (cto_person_get_name (person_at (plan, 0)), ==, title);
  g_assert_cmpuint (strlen (cto_person_get_id (person_at (plan, 0))), ==, CTO_PLAN_MAX_ID_LENGTH);
}

static void
test_made_ids (void)
{
  g_autoptr(GString) csv = g_string_new ("id,title,function,person_1,person_2,person_3\n");
  g_autoptr(GString) long_name = g_string_new (NULL);
  g_autoptr(CtoPlan) plan = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *second_head = NULL;

  /* 200 bytes of two-byte characters, so that a cut at 128 or 126 bytes
   * falls between characters only where it may. */
  for (guint i = 0; i < 100; i++)
    g_string_append (long_name, "é");

  g_string_append (csv, ",Security,planning,Ana,,\n");
  g_string_append (csv, ",Security,planning,,,\n");
  g_string_append (csv, "Security-2,Taken,planning,,,\n");
  g_string_append_printf (csv, ",Other,planning,%sa,%sb,Security-2\n", long_name->str,
                          long_name->str);
  plan = import_ok (csv->str, csv->len);

  g_assert_cmpstr (cto_responsibility_get_id (responsibility_at (plan, 0)), ==, "Security");
  g_assert_cmpstr (cto_responsibility_get_id (responsibility_at (plan, 1)), ==, "Security-3");
  g_assert_cmpstr (cto_responsibility_get_id (responsibility_at (plan, 2)), ==, "Security-2");
  g_assert_cmpstr (cto_responsibility_get_id (responsibility_at (plan, 3)), ==, "Other");

  g_assert_cmpuint (n_people (plan), ==, 4);
  g_assert_cmpstr (cto_person_get_id (person_at (plan, 0)), ==, "Ana");
  first = g_utf8_substring (long_name->str, 0, 64);
  second_head = g_utf8_substring (long_name->str, 0, 63);
  second = g_strconcat (second_head, "-2", NULL);
  g_assert_cmpstr (cto_person_get_id (person_at (plan, 1)), ==, first);
  g_assert_cmpstr (cto_person_get_id (person_at (plan, 2)), ==, second);
  g_assert_cmpuint (strlen (second), ==, 128);
  g_assert_true (g_str_has_suffix (cto_person_get_name (person_at (plan, 2)), "b"));
  /* A person named like a responsibility is a person all the same. */
  g_assert_cmpstr (cto_person_get_id (person_at (plan, 3)), ==, "Security-2");
  g_assert_cmpstr (cto_responsibility_get_assignee (responsibility_at (plan, 3), 1)->person, ==,
                   second);
}

static void
test_function_names (void)
{
  static const char csv[] =
    "title,function\n"
    "A,planning\nB,PLANNING\nC,Infrastructure\nD,consumer-liaison\nE,Consumer liaison\n"
    "F,CONSUMER LIAISON\nG, thinker \nH,Thinker\n";
  static const CtoFunction expected[] = {
    CTO_FUNCTION_PLANNING, CTO_FUNCTION_PLANNING, CTO_FUNCTION_INFRASTRUCTURE,
    CTO_FUNCTION_CONSUMER_LIAISON, CTO_FUNCTION_CONSUMER_LIAISON, CTO_FUNCTION_CONSUMER_LIAISON,
    CTO_FUNCTION_THINKER, CTO_FUNCTION_THINKER,
  };
  g_autoptr(CtoPlan) plan = import_ok (csv, strlen (csv));

  g_assert_cmpuint (n_responsibilities (plan), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpint (cto_responsibility_get_function (responsibility_at (plan, i)), ==,
                     expected[i]);
}

static void
test_other_columns_ignored (void)
{
  static const char csv[] = "Notes,title,,function,person_2,person_1\n"
                            "whatever,A,x,planning,Bo,Ana\n";
  g_autoptr(CtoPlan) plan = import_ok (csv, strlen (csv));
  CtoResponsibility *r = responsibility_at (plan, 0);

  /* Pairs in the order of their numbers, whatever the columns' order. */
  g_assert_cmpuint (cto_responsibility_get_n_assignees (r), ==, 2);
  g_assert_cmpstr (cto_responsibility_get_assignee (r, 0)->person, ==, "Ana");
  g_assert_cmpstr (cto_responsibility_get_assignee (r, 1)->person, ==, "Bo");
  g_assert_cmpstr (cto_responsibility_get_description (r), ==, "");
}

/* Files -------------------------------------------------------------------- */

static void
test_file_title_and_read (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cto-csv-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "Plan 2027.v2.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CtoCsvImport) import = NULL;

  g_assert_true (g_file_set_contents (path, "title,function\nA,planning\n", -1, NULL));
  import = cto_csv_import_new_for_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cto_plan_get_title (cto_csv_import_get_plan (import)), ==, "Plan 2027.v2");

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_file_refused (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cto-csv-XXXXXX", NULL);
  g_autofree char *fifo = g_build_filename (dir, "fifo.csv", NULL);
  g_autofree char *large = g_build_filename (dir, "large.csv", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.csv", NULL);
  struct {
    const char *path;
    GQuark      domain;
    int         code;
    const char *message;
  } refusals[] = {
    { dir, CTO_CSV_ERROR, CTO_CSV_ERROR_NOT_A_FILE, "file: is a folder, not a file" },
    { fifo, CTO_CSV_ERROR, CTO_CSV_ERROR_NOT_A_FILE, "file: not a regular file" },
    { large, CTO_CSV_ERROR, CTO_CSV_ERROR_TOO_LARGE, "file: too large (the limit is 64 MiB)" },
    { missing, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "file: no such file" },
  };
  int fd;

  /* Nobody writes to the FIFO: refused at once, never waited on. */
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  fd = g_open (large, O_WRONLY | O_CREAT, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, CTO_CSV_MAX_FILE_SIZE + 1), ==, 0);
  close (fd);

  for (guint i = 0; i < G_N_ELEMENTS (refusals); i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (refusals[i].path);
      g_autoptr(GError) error = NULL;
      g_autoptr(CtoCsvImport) import = cto_csv_import_new_for_file (file, NULL, &error);

      g_assert_null (import);
      g_assert_error (error, refusals[i].domain, refusals[i].code);
      g_assert_cmpstr (error->message, ==, refusals[i].message);
    }

  g_unlink (fifo);
  g_unlink (large);
  g_rmdir (dir);
}

static void
test_file_at_the_limit (void)
{
  static const char head[] = "title,function,notes\nA,planning,";
  g_autofree char *dir = g_dir_make_tmp ("cto-csv-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "limit.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CtoCsvImport) import = NULL;
  g_autoptr(GString) csv = g_string_new (head);

  /* Exactly 64 MiB is read; the column the plan has no place for is not
   * part of it. */
  g_string_set_size (csv, CTO_CSV_MAX_FILE_SIZE);
  memset (csv->str + strlen (head), 'x', CTO_CSV_MAX_FILE_SIZE - strlen (head));
  g_assert_true (g_file_set_contents (path, csv->str, csv->len, NULL));

  import = cto_csv_import_new_for_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cto_csv_import_get_n_problems (import), ==, 0);
  g_assert_cmpuint (cto_csv_import_get_n_rows (import), ==, 1);

  g_unlink (path);
  g_rmdir (dir);
}

/* A plan that could not be written, being larger than a plan file may be,
 * is not made: a few megabytes of short rows would be one. */
static void
test_plan_too_large (void)
{
  static const char row[] = "a,thinker\n";
  guint n_rows = 600000;
  g_autoptr(GString) csv = g_string_sized_new (n_rows * strlen (row) + 32);
  g_autoptr(CtoCsvImport) import = NULL;
  const CtoCsvProblem *problem;

  g_string_append (csv, "title,function\n");
  for (guint i = 0; i < n_rows; i++)
    g_string_append (csv, row);
  g_assert_cmpuint (csv->len, <, CTO_CSV_MAX_FILE_SIZE / 8);

  import = cto_csv_import_new_for_data (csv->str, csv->len, NULL);
  g_assert_null (cto_csv_import_get_plan (import));
  g_assert_cmpuint (cto_csv_import_get_n_problems (import), ==, 1);
  problem = cto_csv_import_get_problem (import, 0);
  g_assert_cmpuint (problem->row, >, 400000);
  g_assert_cmpuint (problem->row, <=, n_rows + 1);
  g_assert_true (g_str_has_suffix (problem->message,
                                   ": the plan would be larger than a plan file may be (64 MiB)"));
}

/* A line of separators is not a million cells. */
static void
test_too_many_columns (void)
{
  g_autoptr(GString) csv = g_string_new ("title,function\nA,planning\nB,thinker");
  g_autoptr(CtoCsvImport) import = NULL;
  const CtoCsvProblem *problem;

  for (guint i = 0; i < 1000000; i++)
    g_string_append_c (csv, ',');
  g_string_append (csv, "\nC,thinker\n");

  import = cto_csv_import_new_for_data (csv->str, csv->len, NULL);
  g_assert_cmpuint (cto_csv_import_get_n_problems (import), ==, 1);
  problem = cto_csv_import_get_problem (import, 0);
  g_assert_cmpstr (problem->message, ==,
                   "row 3, column 16385: more cells than a sheet has columns");
  g_assert_cmpuint (cto_csv_import_get_n_rows (import), ==, 2);
}

/* The seed files of the fuzz target each read to a valid plan or name a row. */
static void
test_seed_files (void)
{
  g_autofree char *dir_path = data_path ("csv");
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autoptr(CtoCsvImport) import = cto_csv_import_new_for_file (file, NULL, &error);
      g_autoptr(CtoPlan) plan = NULL;

      if (!g_str_has_suffix (name, ".csv"))
        continue;

      g_assert_no_error (error);
      plan = cto_csv_import_dup_complete_plan (import, &error);
      if (g_str_has_prefix (name, "problems"))
        {
          g_assert_error (error, CTO_CSV_ERROR, CTO_CSV_ERROR_INVALID);
          g_assert_true (g_str_has_prefix (error->message, "row "));
        }
      else
        {
          g_assert_no_error (error);
          assert_valid_plan (plan);
        }
      n++;
    }

  g_assert_cmpuint (n, >=, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv-import/round-trip/example", test_round_trip_example);
  g_test_add_func ("/csv-import/round-trip/hostile", test_round_trip_hostile);
  g_test_add_func ("/csv-import/round-trip/generated", test_round_trip_generated);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/csv-import/rows/%s", cases[i].name);

      g_test_add_data_func (path, &cases[i], test_case);
    }
  g_test_add_func ("/csv-import/rows/problems-name-rows-and-columns",
                   test_problems_name_rows_and_columns);
  g_test_add_func ("/csv-import/rows/readable-rows-ids", test_readable_rows_ids);
  g_test_add_func ("/csv-import/read/bom-semicolons-letter-case", test_bom_semicolons_letter_case);
  g_test_add_func ("/csv-import/read/line-ends", test_line_ends);
  g_test_add_func ("/csv-import/read/defused-cells", test_defused_cells);
  g_test_add_func ("/csv-import/read/megabyte-cells", test_large_cells);
  g_test_add_func ("/csv-import/read/made-ids", test_made_ids);
  g_test_add_func ("/csv-import/read/function-names", test_function_names);
  g_test_add_func ("/csv-import/read/other-columns-ignored", test_other_columns_ignored);
  g_test_add_func ("/csv-import/file/title-and-read", test_file_title_and_read);
  g_test_add_func ("/csv-import/file/refused", test_file_refused);
  g_test_add_func ("/csv-import/file/at-the-limit", test_file_at_the_limit);
  g_test_add_func ("/csv-import/file/seed-files", test_seed_files);
  g_test_add_func ("/csv-import/limits/plan-too-large", test_plan_too_large);
  g_test_add_func ("/csv-import/limits/too-many-columns", test_too_many_columns);

  return g_test_run ();
}
