/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "cto-report-csv.h"
#include "report-test-util.h"

/* The CSV report: RFC 4180 text that reads back as the plan. */

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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report/csv/example", test_csv_example);
  g_test_add_func ("/report/csv/hostile", test_csv_hostile);
  g_test_add_func ("/report/csv/fields", test_csv_fields);
  g_test_add_func ("/report/csv/empty", test_csv_empty);

  return g_test_run ();
}
