/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib.h>

#include "cto-analysis.h"
#include "cto-history.h"
#include "cto-plan-io.h"
#include "cto-plan.h"
#include "cto-report-summary.h"

#define EPSILON 1e-9

/* Helpers ------------------------------------------------------------------- */

static CtoPerson *
add_person (CtoPlan    *plan,
            const char *id,
            const char *name,
            double      capacity,
            gboolean    open_role)
{
  g_autoptr(CtoPerson) person = cto_person_new (id, name, "", capacity, open_role);

  cto_plan_insert_person (plan, G_MAXUINT, person);
  g_assert_true (cto_plan_find_person (plan, id) == person);

  return person;
}

static CtoResponsibility *
add_responsibility (CtoPlan     *plan,
                    const char  *id,
                    CtoFunction  function,
                    double       effort)
{
  g_autoptr(CtoResponsibility) responsibility = NULL;
  g_autofree char *title = g_strdup_printf ("Title of %s", id);

  responsibility = cto_responsibility_new (id, title, function, effort, "");
  cto_plan_insert_responsibility (plan, G_MAXUINT, responsibility);
  g_assert_true (cto_plan_find_responsibility (plan, id) == responsibility);

  return responsibility;
}

/* The ids of a function's people, comma-separated, for compact assertions. */
static char *
describe_people (const CtoFunctionReport *report)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < report->people->len; i++)
    g_string_append_printf (s, "%s%s", i ? "," : "",
                            cto_person_get_id (g_ptr_array_index (report->people, i)));

  return g_string_free (s, FALSE);
}

static char *
describe_responsibilities (GPtrArray *responsibilities)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < responsibilities->len; i++)
    g_string_append_printf (s, "%s%s", i ? "," : "",
                            cto_responsibility_get_id (g_ptr_array_index (responsibilities, i)));

  return g_string_free (s, FALSE);
}

static const CtoPersonReport *
person_report (CtoAnalysis *analysis,
               CtoPerson   *person)
{
  const CtoPersonReport *report = cto_analysis_get_person (analysis, person);

  g_assert_nonnull (report);
  g_assert_true (report->person == person);
  return report;
}

static void
count_cb (gpointer  instance,
          guint    *count)
{
  (*count)++;
}

/* Coverage ------------------------------------------------------------------ */

static void
test_coverage_names (void)
{
  static const struct {
    CtoCoverage  coverage;
    const char  *id;
    const char  *name;
  } cases[] = {
    { CTO_COVERAGE_EMPTY, "empty", "No responsibilities" },
    { CTO_COVERAGE_UNCOVERED, "uncovered", "Not covered" },
    { CTO_COVERAGE_PARTIAL, "partial", "Partly covered" },
    { CTO_COVERAGE_COVERED, "covered", "Covered" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_cmpstr (cto_coverage_get_id (cases[i].coverage), ==, cases[i].id);
      g_assert_cmpstr (cto_coverage_get_name (cases[i].coverage), ==, cases[i].name);
    }
}

/* Planning empty; infrastructure with nothing assigned; consumer liaison with
 * one of two assigned; thinker with everything assigned. */
static void
test_status (void)
{
  g_autoptr(CtoPlan) plan = cto_plan_new ();
  g_autoptr(CtoAnalysis) analysis = NULL;
  CtoPerson *ana = add_person (plan, "ana", "Ana", 40, FALSE);
  static const struct {
    CtoFunction  function;
    CtoCoverage  status;
    guint        n_responsibilities;
    guint        n_covered;
    double       effort;
    double       unassigned_effort;
  } cases[] = {
    { CTO_FUNCTION_PLANNING, CTO_COVERAGE_EMPTY, 0, 0, 0, 0 },
    { CTO_FUNCTION_INFRASTRUCTURE, CTO_COVERAGE_UNCOVERED, 2, 0, 7, 7 },
    { CTO_FUNCTION_CONSUMER_LIAISON, CTO_COVERAGE_PARTIAL, 2, 1, 5, 3 },
    { CTO_FUNCTION_THINKER, CTO_COVERAGE_COVERED, 2, 2, 6, 0 },
  };

  add_responsibility (plan, "i1", CTO_FUNCTION_INFRASTRUCTURE, 3);
  add_responsibility (plan, "i2", CTO_FUNCTION_INFRASTRUCTURE, 4);
  cto_plan_assign (plan, add_responsibility (plan, "c1", CTO_FUNCTION_CONSUMER_LIAISON, 2), ana, 1);
  add_responsibility (plan, "c2", CTO_FUNCTION_CONSUMER_LIAISON, 3);
  cto_plan_assign (plan, add_responsibility (plan, "t1", CTO_FUNCTION_THINKER, 1), ana, 1);
  cto_plan_assign (plan, add_responsibility (plan, "t2", CTO_FUNCTION_THINKER, 5), ana, 1);

  analysis = cto_analysis_new (plan);
  g_assert_true (cto_analysis_get_plan (analysis) == plan);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const CtoFunctionReport *report = cto_analysis_get_function (analysis, cases[i].function);

      g_test_message ("function %s", cto_function_get_id (cases[i].function));
      g_assert_cmpint (report->function, ==, cases[i].function);
      g_assert_cmpint (report->status, ==, cases[i].status);
      g_assert_cmpuint (report->n_responsibilities, ==, cases[i].n_responsibilities);
      g_assert_cmpuint (report->n_covered, ==, cases[i].n_covered);
      g_assert_cmpfloat_with_epsilon (report->effort, cases[i].effort, EPSILON);
      g_assert_cmpfloat_with_epsilon (report->unassigned_effort, cases[i].unassigned_effort,
                                      EPSILON);
      g_assert_cmpfloat_with_epsilon (report->gap_hours, cases[i].unassigned_effort, EPSILON);
    }

  {
    g_autofree char *unassigned = describe_responsibilities (cto_analysis_get_unassigned (analysis));

    g_assert_cmpstr (unassigned, ==, "i1,i2,c2");
  }

  g_assert_cmpfloat_with_epsilon (person_report (analysis, ana)->load, 8, EPSILON);
}

/* Shares ---------------------------------------------------------------------- */

static void
test_shares (void)
{
  g_autoptr(CtoPlan) plan = cto_plan_new ();
  g_autoptr(CtoAnalysis) analysis = NULL;
  CtoPerson *ana = add_person (plan, "ana", "Ana", 40, FALSE);
  CtoPerson *bo = add_person (plan, "bo", "Bo", 40, FALSE);
  CtoPerson *cy = add_person (plan, "cy", "Cy", 40, FALSE);
  CtoResponsibility *security = add_responsibility (plan, "security",
                                                    CTO_FUNCTION_INFRASTRUCTURE, 6);
  CtoResponsibility *backups = add_responsibility (plan, "backups",
                                                   CTO_FUNCTION_INFRASTRUCTURE, 1);
  CtoResponsibility *roadmap = add_responsibility (plan, "roadmap", CTO_FUNCTION_PLANNING, 4);
  const CtoFunctionReport *infrastructure;
  const CtoPersonReport *report;
  g_autofree char *people = NULL;
  g_autofree char *carried = NULL;

  /* Bo is assigned first, but people come in plan order. */
  cto_plan_assign (plan, security, bo, 1);
  cto_plan_assign (plan, security, ana, 2);
  cto_plan_assign (plan, backups, bo, 1);
  cto_plan_assign (plan, roadmap, ana, 1);

  analysis = cto_analysis_new (plan);

  g_assert_cmpfloat_with_epsilon (cto_analysis_get_person_hours (analysis, security, "ana"), 4, EPSILON);
  g_assert_cmpfloat_with_epsilon (cto_analysis_get_person_hours (analysis, security, "bo"), 2, EPSILON);
  g_assert_cmpfloat (cto_analysis_get_person_hours (analysis, security, "cy"), ==, 0);
  g_assert_cmpfloat (cto_analysis_get_person_hours (analysis, security, "nobody"), ==, 0);

  report = person_report (analysis, ana);
  g_assert_cmpfloat_with_epsilon (report->load, 8, EPSILON);
  g_assert_cmpfloat_with_epsilon (report->function_load[CTO_FUNCTION_INFRASTRUCTURE], 4, EPSILON);
  g_assert_cmpfloat_with_epsilon (report->function_load[CTO_FUNCTION_PLANNING], 4, EPSILON);
  g_assert_cmpfloat (report->function_load[CTO_FUNCTION_THINKER], ==, 0);
  g_assert_cmpfloat_with_epsilon (report->utilization, 0.2, EPSILON);
  g_assert_false (report->overloaded);
  carried = describe_responsibilities (report->responsibilities);
  g_assert_cmpstr (carried, ==, "security,roadmap");

  report = person_report (analysis, bo);
  g_assert_cmpfloat_with_epsilon (report->load, 3, EPSILON);
  g_assert_cmpfloat_with_epsilon (report->function_load[CTO_FUNCTION_INFRASTRUCTURE], 3, EPSILON);

  report = person_report (analysis, cy);
  g_assert_cmpfloat (report->load, ==, 0);
  g_assert_cmpuint (report->responsibilities->len, ==, 0);

  infrastructure = cto_analysis_get_function (analysis, CTO_FUNCTION_INFRASTRUCTURE);
  people = describe_people (infrastructure);
  g_assert_cmpstr (people, ==, "ana,bo");
  g_assert_cmpuint (infrastructure->bus_factor, ==, 2);

  /* People reports come in plan order. */
  g_assert_cmpuint (cto_analysis_get_n_people (analysis), ==, 3);
  g_assert_true (cto_analysis_get_person_nth (analysis, 0)->person == ana);
  g_assert_true (cto_analysis_get_person_nth (analysis, 1)->person == bo);
  g_assert_true (cto_analysis_get_person_nth (analysis, 2)->person == cy);
}

/* A load that equals the limit but for rounding is not an overload. */
static void
test_rounding (void)
{
  g_autoptr(CtoPlan) plan = cto_plan_new ();
  g_autoptr(CtoAnalysis) analysis = NULL;
  CtoPerson *ana = add_person (plan, "ana", "Ana", 0.3, FALSE);
  const CtoPersonReport *report;

  cto_plan_assign (plan, add_responsibility (plan, "a", CTO_FUNCTION_PLANNING, 0.1), ana, 1);
  cto_plan_assign (plan, add_responsibility (plan, "b", CTO_FUNCTION_PLANNING, 0.2), ana, 1);

  analysis = cto_analysis_new (plan);

  /* 0.1 + 0.2 is a little more than 0.3 in binary. */
  report = person_report (analysis, ana);
  g_assert_cmpfloat (report->load, >, 0.3);
  g_assert_cmpfloat_with_epsilon (report->load, 0.3, EPSILON);
  g_assert_false (report->overloaded);
  g_assert_false (cto_analysis_get_function (analysis, CTO_FUNCTION_PLANNING)->overloaded);
  g_assert_cmpfloat (cto_analysis_get_function (analysis, CTO_FUNCTION_PLANNING)->gap_hours, ==, 0);
}

/* Capacity ------------------------------------------------------------------- */

static void
test_zero_capacity (void)
{
  g_autoptr(CtoPlan) plan = cto_plan_new ();
  g_autoptr(CtoAnalysis) analysis = NULL;
  CtoPerson *idle = add_person (plan, "idle", "Idle", 0, FALSE);
  CtoPerson *busy = add_person (plan, "busy", "Busy", 0, FALSE);
  CtoResponsibility *r = add_responsibility (plan, "r", CTO_FUNCTION_PLANNING, 2);
  const CtoPersonReport *report;

  cto_plan_assign (plan, r, busy, 1);
  analysis = cto_analysis_new (plan);

  report = person_report (analysis, idle);
  g_assert_cmpfloat (report->load, ==, 0);
  g_assert_cmpfloat (report->utilization, ==, 0);
  g_assert_false (report->utilization_unbounded);
  g_assert_false (report->overloaded);

  report = person_report (analysis, busy);
  g_assert_cmpfloat_with_epsilon (report->load, 2, EPSILON);
  g_assert_true (report->utilization_unbounded);
  g_assert_true (report->overloaded);

  /* All of busy's load is excess. */
  g_assert_cmpfloat_with_epsilon (cto_analysis_get_function (analysis, CTO_FUNCTION_PLANNING)->gap_hours,
                                  2, EPSILON);

  /* A responsibility of no effort keeps a person of no capacity at 0. */
  cto_plan_assign (plan, add_responsibility (plan, "nothing", CTO_FUNCTION_PLANNING, 0), idle, 1);
  report = person_report (analysis, idle);
  g_assert_cmpfloat (report->utilization, ==, 0);
  g_assert_false (report->utilization_unbounded);
  g_assert_false (report->overloaded);
}

static void
test_threshold (void)
{
  static const struct {
    double   capacity;
    double   load;
    double   threshold;
    gboolean overloaded;
  } cases[] = {
    { 10, 10, 1.0, FALSE },
    { 10, 10.001, 1.0, TRUE },
    { 10, 9, 1.0, FALSE },
    { 10, 12, 1.2, FALSE },
    { 10, 12.01, 1.2, TRUE },
    { 40, 44, 1.1, FALSE },
    { 40, 44.5, 1.1, TRUE },
    { 40, 30, 0.75, FALSE },
    { 40, 30.5, 0.75, TRUE },
    { 40, 40, 0.75, TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CtoPlan) plan = cto_plan_new ();
      g_autoptr(CtoAnalysis) analysis = NULL;
      CtoPerson *ana = add_person (plan, "ana", "Ana", cases[i].capacity, FALSE);
      CtoResponsibility *r = add_responsibility (plan, "r", CTO_FUNCTION_THINKER, cases[i].load);
      const CtoPersonReport *report;
      const CtoFunctionReport *thinker;
      double excess = cases[i].load - cases[i].capacity * cases[i].threshold;

      g_test_message ("capacity %g, load %g, threshold %g",
                      cases[i].capacity, cases[i].load, cases[i].threshold);

      cto_plan_assign (plan, r, ana, 1);
      cto_plan_set_overload_threshold (plan, cases[i].threshold);
      g_assert_cmpfloat (cto_plan_get_overload_threshold (plan), ==, cases[i].threshold);
      analysis = cto_analysis_new (plan);

      report = person_report (analysis, ana);
      g_assert_cmpfloat_with_epsilon (report->utilization, cases[i].load / cases[i].capacity,
                                      EPSILON);
      g_assert_cmpint (report->overloaded, ==, cases[i].overloaded);

      thinker = cto_analysis_get_function (analysis, CTO_FUNCTION_THINKER);
      g_assert_cmpint (thinker->overloaded, ==, cases[i].overloaded);
      g_assert_cmpfloat_with_epsilon (thinker->gap_hours, cases[i].overloaded ? excess : 0,
                                      EPSILON);
    }
}

/* Open roles, accountability ------------------------------------------------- */

static void
test_open_roles (void)
{
  g_autoptr(CtoPlan) plan = cto_plan_new ();
  g_autoptr(CtoAnalysis) analysis = cto_analysis_new (plan);
  CtoPerson *ana = add_person (plan, "ana", "Ana", 40, FALSE);
  CtoPerson *hire = add_person (plan, "hire", "Hire", 40, TRUE);
  CtoPerson *hire2 = add_person (plan, "hire-2", "Second hire", 40, TRUE);
  CtoResponsibility *r1 = add_responsibility (plan, "r1", CTO_FUNCTION_INFRASTRUCTURE, 4);
  CtoResponsibility *r2 = add_responsibility (plan, "r2", CTO_FUNCTION_INFRASTRUCTURE, 4);
  const CtoFunctionReport *infrastructure;
  g_autofree char *people = NULL;

  cto_plan_assign (plan, r1, hire, 1);
  infrastructure = cto_analysis_get_function (analysis, CTO_FUNCTION_INFRASTRUCTURE);
  g_assert_cmpint (infrastructure->status, ==, CTO_COVERAGE_PARTIAL);
  g_assert_cmpuint (infrastructure->people->len, ==, 1);
  g_assert_cmpuint (infrastructure->bus_factor, ==, 0);
  g_assert_cmpuint (infrastructure->waiting_for_hire, ==, 1);

  /* Two planned hires are still only planned hires. */
  cto_plan_assign (plan, r2, hire2, 1);
  cto_plan_assign (plan, r2, hire, 1);
  g_assert_cmpint (infrastructure->status, ==, CTO_COVERAGE_COVERED);
  g_assert_cmpuint (infrastructure->bus_factor, ==, 0);
  g_assert_cmpuint (infrastructure->waiting_for_hire, ==, 2);

  /* Someone already here takes part in r2: it no longer waits. */
  cto_plan_assign (plan, r2, ana, 1);
  g_assert_cmpuint (infrastructure->bus_factor, ==, 1);
  g_assert_cmpuint (infrastructure->waiting_for_hire, ==, 1);
  people = describe_people (infrastructure);
  g_assert_cmpstr (people, ==, "ana,hire,hire-2");

  /* The hire arrives. */
  cto_plan_set_person_open_role (plan, hire, FALSE);
  g_assert_cmpuint (infrastructure->bus_factor, ==, 2);
  g_assert_cmpuint (infrastructure->waiting_for_hire, ==, 0);
}

static void
test_without_accountable (void)
{
  g_autoptr(CtoPlan) plan = cto_plan_new ();
  g_autoptr(CtoAnalysis) analysis = cto_analysis_new (plan);
  CtoPerson *ana = add_person (plan, "ana", "Ana", 40, FALSE);
  CtoPerson *bo = add_person (plan, "bo", "Bo", 40, FALSE);
  CtoPerson *cy = add_person (plan, "cy", "Cy", 40, FALSE);
  CtoResponsibility *single = add_responsibility (plan, "single", CTO_FUNCTION_PLANNING, 1);
  CtoResponsibility *pair = add_responsibility (plan, "pair", CTO_FUNCTION_PLANNING, 1);
  CtoResponsibility *trio = add_responsibility (plan, "trio", CTO_FUNCTION_PLANNING, 1);
  const CtoFunctionReport *planning = cto_analysis_get_function (analysis, CTO_FUNCTION_PLANNING);

  /* A single assignee is accountable by nature. */
  cto_plan_assign (plan, single, ana, 1);
  g_assert_cmpuint (planning->without_accountable, ==, 0);

  cto_plan_assign (plan, pair, ana, 1);
  cto_plan_assign (plan, pair, bo, 1);
  g_assert_cmpuint (planning->without_accountable, ==, 1);

  cto_plan_assign (plan, trio, ana, 1);
  cto_plan_assign (plan, trio, bo, 1);
  cto_plan_assign (plan, trio, cy, 1);
  g_assert_cmpuint (planning->without_accountable, ==, 2);

  cto_plan_set_accountable (plan, trio, cy);
  g_assert_cmpuint (planning->without_accountable, ==, 1);
  cto_plan_set_accountable (plan, pair, bo);
  g_assert_cmpuint (planning->without_accountable, ==, 0);

  /* Back to one assignee: nobody marked, still accountable by nature. */
  cto_plan_unassign (plan, pair, bo);
  g_assert_null (cto_responsibility_get_accountable (pair));
  g_assert_cmpuint (planning->without_accountable, ==, 0);
}

/* The gap ------------------------------------------------------------------- */

static void
test_gap (void)
{
  g_autoptr(CtoPlan) plan = cto_plan_new ();
  g_autoptr(CtoAnalysis) analysis = NULL;
  CtoPerson *ana = add_person (plan, "ana", "Ana", 10, FALSE);
  CtoPerson *bo = add_person (plan, "bo", "Bo", 40, FALSE);
  CtoResponsibility *roadmap = add_responsibility (plan, "roadmap", CTO_FUNCTION_PLANNING, 9);
  CtoResponsibility *security = add_responsibility (plan, "security",
                                                    CTO_FUNCTION_INFRASTRUCTURE, 6);
  const CtoFunctionReport *planning;
  const CtoFunctionReport *infrastructure;

  add_responsibility (plan, "tools", CTO_FUNCTION_PLANNING, 5);
  cto_plan_assign (plan, roadmap, ana, 1);
  cto_plan_assign (plan, security, ana, 1);
  cto_plan_assign (plan, security, bo, 1);

  analysis = cto_analysis_new (plan);
  planning = cto_analysis_get_function (analysis, CTO_FUNCTION_PLANNING);
  infrastructure = cto_analysis_get_function (analysis, CTO_FUNCTION_INFRASTRUCTURE);

  /* Ana carries 9 + 3 = 12 of 10 hours: 2 too many, 9/12 of them from
   * planning, 3/12 from infrastructure. Bo is not overloaded and adds nothing. */
  g_assert_cmpfloat_with_epsilon (person_report (analysis, ana)->load, 12, EPSILON);
  g_assert_true (person_report (analysis, ana)->overloaded);
  g_assert_false (person_report (analysis, bo)->overloaded);
  g_assert_true (planning->overloaded);
  g_assert_true (infrastructure->overloaded);
  g_assert_cmpfloat_with_epsilon (planning->unassigned_effort, 5, EPSILON);
  g_assert_cmpfloat_with_epsilon (planning->gap_hours, 5 + 1.5, EPSILON);
  g_assert_cmpfloat_with_epsilon (planning->gap_fte, 6.5 / 40, EPSILON);
  g_assert_cmpfloat_with_epsilon (infrastructure->gap_hours, 0.5, EPSILON);
  g_assert_cmpfloat_with_epsilon (infrastructure->gap_fte, 0.5 / 40, EPSILON);
  g_assert_cmpfloat (cto_analysis_get_function (analysis, CTO_FUNCTION_THINKER)->gap_hours, ==, 0);

  /* A threshold of 1.1 allows 11 hours: 1 too many. */
  cto_plan_set_overload_threshold (plan, 1.1);
  g_assert_cmpfloat_with_epsilon (planning->gap_hours, 5 + 0.75, EPSILON);
  g_assert_cmpfloat_with_epsilon (infrastructure->gap_hours, 0.25, EPSILON);

  cto_plan_set_hours_per_fte (plan, 25);
  g_assert_cmpfloat_with_epsilon (planning->gap_fte, 5.75 / 25, EPSILON);
  g_assert_cmpfloat_with_epsilon (infrastructure->gap_fte, 0.25 / 25, EPSILON);

  /* Assigning the unassigned responsibility to Bo closes that part. */
  cto_plan_assign (plan, cto_plan_find_responsibility (plan, "tools"), bo, 1);
  g_assert_cmpfloat (planning->unassigned_effort, ==, 0);
  g_assert_cmpfloat_with_epsilon (planning->gap_hours, 0.75, EPSILON);
}

/* Following the plan ---------------------------------------------------------- */

static void
test_follows_edits (void)
{
  g_autoptr(CtoPlan) plan = cto_plan_new ();
  g_autoptr(CtoAnalysis) analysis = cto_analysis_new (plan);
  CtoHistory *history = cto_plan_get_history (plan);
  CtoPerson *ana = add_person (plan, "ana", "Ana", 10, FALSE);
  CtoResponsibility *roadmap = add_responsibility (plan, "roadmap", CTO_FUNCTION_PLANNING, 8);
  CtoResponsibility *strategy = add_responsibility (plan, "strategy", CTO_FUNCTION_THINKER, 4);
  const CtoFunctionReport *planning = cto_analysis_get_function (analysis, CTO_FUNCTION_PLANNING);
  g_autoptr(CtoPlan) plan_property = NULL;
  guint changed = 0;

  g_object_get (analysis, "plan", &plan_property, NULL);
  g_assert_true (plan_property == plan);

  g_assert_cmpuint (cto_analysis_get_n_people (analysis), ==, 1);
  g_assert_cmpint (planning->status, ==, CTO_COVERAGE_UNCOVERED);
  g_signal_connect (analysis, "changed", G_CALLBACK (count_cb), &changed);

  cto_plan_assign (plan, roadmap, ana, 1);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpint (planning->status, ==, CTO_COVERAGE_COVERED);
  g_assert_cmpfloat_with_epsilon (person_report (analysis, ana)->load, 8, EPSILON);
  g_assert_cmpuint (cto_analysis_get_unassigned (analysis)->len, ==, 1);

  cto_plan_set_responsibility_effort (plan, roadmap, 12);
  g_assert_cmpuint (changed, ==, 2);
  g_assert_cmpfloat_with_epsilon (person_report (analysis, ana)->load, 12, EPSILON);
  g_assert_true (person_report (analysis, ana)->overloaded);
  g_assert_cmpfloat_with_epsilon (planning->gap_hours, 2, EPSILON);

  cto_history_undo (history);
  g_assert_cmpuint (changed, ==, 3);
  g_assert_cmpfloat_with_epsilon (person_report (analysis, ana)->load, 8, EPSILON);
  g_assert_false (person_report (analysis, ana)->overloaded);
  g_assert_cmpfloat (planning->gap_hours, ==, 0);

  cto_history_undo (history);
  g_assert_cmpuint (changed, ==, 4);
  g_assert_cmpint (planning->status, ==, CTO_COVERAGE_UNCOVERED);
  g_assert_cmpfloat (person_report (analysis, ana)->load, ==, 0);

  cto_history_redo (history);
  g_assert_cmpuint (changed, ==, 5);
  g_assert_cmpint (planning->status, ==, CTO_COVERAGE_COVERED);

  /* A group of edits is one change. */
  cto_history_begin_group (history, "Reorganise");
  cto_plan_assign (plan, strategy, ana, 1);
  cto_plan_set_person_capacity (plan, ana, 20);
  cto_history_end_group (history);
  g_assert_cmpuint (changed, ==, 6);
  g_assert_cmpuint (cto_analysis_get_unassigned (analysis)->len, ==, 0);
  g_assert_cmpfloat_with_epsilon (person_report (analysis, ana)->utilization, 12.0 / 20, EPSILON);

  /* A removed person leaves the analysis; their work becomes unassigned. */
  cto_plan_remove_person (plan, ana);
  g_assert_cmpuint (changed, ==, 7);
  g_assert_cmpuint (cto_analysis_get_n_people (analysis), ==, 0);
  g_assert_null (cto_analysis_get_person (analysis, ana));
  g_assert_cmpuint (cto_analysis_get_unassigned (analysis)->len, ==, 2);
  g_assert_cmpint (planning->status, ==, CTO_COVERAGE_UNCOVERED);

  cto_history_undo (history);
  g_assert_cmpuint (changed, ==, 8);
  ana = cto_plan_find_person (plan, "ana");
  g_assert_nonnull (ana);
  g_assert_cmpfloat_with_epsilon (person_report (analysis, ana)->load, 12, EPSILON);
}

static void
test_dispose_disconnects (void)
{
  g_autoptr(CtoPlan) plan = cto_plan_new ();
  CtoAnalysis *analysis = cto_analysis_new (plan);
  gulong handler;

  handler = g_signal_handler_find (plan, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, analysis);
  g_assert_cmpuint (handler, !=, 0);

  g_object_unref (analysis);
  g_assert_false (g_signal_handler_is_connected (plan, handler));

  /* Editing the plan afterwards reaches no analysis. */
  add_person (plan, "ana", "Ana", 10, FALSE);
}

/* Summary --------------------------------------------------------------------- */

/* Ana carries 8 of roadmap (share 2 of 3) and strategy: 12 of 10 hours. Bo, a
 * planned hire of no capacity, carries 4 of roadmap: all excess. Cy carries
 * 0.1 + 0.2 hours of 0.3, equal but for rounding. */
/* Free hours: capacity × threshold − load, negative by the excess. */
static void
test_free_hours (void)
{
  g_autoptr(CtoPlan) plan = cto_plan_new ();
  g_autoptr(CtoAnalysis) analysis = cto_analysis_new (plan);
  CtoPerson *ana = add_person (plan, "ana", "Ana", 40, FALSE);
  CtoPerson *bo = add_person (plan, "bo", "Bo", 20, FALSE);
  CtoPerson *outsider = cto_person_new ("x", "X", "", 40, FALSE);

  cto_plan_assign (plan, add_responsibility (plan, "a", CTO_FUNCTION_PLANNING, 30), ana, 1);
  cto_plan_assign (plan, add_responsibility (plan, "b", CTO_FUNCTION_PLANNING, 26), bo, 1);
  g_assert_cmpfloat_with_epsilon (cto_analysis_get_free_hours (analysis, ana), 10, EPSILON);
  g_assert_cmpfloat_with_epsilon (cto_analysis_get_free_hours (analysis, bo), -6, EPSILON);

  cto_plan_set_overload_threshold (plan, 1.5);
  g_assert_cmpfloat_with_epsilon (cto_analysis_get_free_hours (analysis, bo), 4, EPSILON);
  g_assert_cmpfloat (cto_analysis_get_free_hours (analysis, outsider), ==, 0);
  g_object_unref (outsider);
}

/* Candidates: among the function's people first, then most free hours,
 * then plan order (PLAN-FORMAT.md section 5.2), whatever their hours there;
 * someone overloaded, never a candidate, after everyone else. */
static void
test_candidates_order (void)
{
  g_autoptr(CtoPlan) plan = cto_plan_new ();
  g_autoptr(CtoAnalysis) analysis = cto_analysis_new (plan);
  CtoPerson *free40 = add_person (plan, "free40", "Free", 40, FALSE);
  CtoPerson *in5 = add_person (plan, "in5", "In, 5 h free", 40, FALSE);
  CtoPerson *in10 = add_person (plan, "in10", "In, 10 h free", 40, FALSE);
  CtoPerson *in_zero = add_person (plan, "in0", "In, no hours there", 10, FALSE);
  CtoPerson *twin = add_person (plan, "twin", "Free too", 40, FALSE);
  CtoPerson *over = add_person (plan, "over", "In, 5 h over", 10, FALSE);
  /* free40 carries an hour of planning: 39 h free, after twin's 40. */
  CtoPerson *order[] = { in10, in_zero, in5, twin, free40, over };
  g_autoptr(GPtrArray) people = g_ptr_array_new ();

  cto_plan_assign (plan, add_responsibility (plan, "a", CTO_FUNCTION_INFRASTRUCTURE, 35), in5, 1);
  cto_plan_assign (plan, add_responsibility (plan, "b", CTO_FUNCTION_INFRASTRUCTURE, 30), in10, 1);
  cto_plan_assign (plan, add_responsibility (plan, "c", CTO_FUNCTION_INFRASTRUCTURE, 0), in_zero, 1);
  cto_plan_assign (plan, add_responsibility (plan, "d", CTO_FUNCTION_PLANNING, 1), free40, 1);
  cto_plan_assign (plan, add_responsibility (plan, "e", CTO_FUNCTION_INFRASTRUCTURE, 15), over, 1);
  cto_plan_set_overload_threshold (plan, 1.0);

  for (guint i = G_N_ELEMENTS (order); i > 0; i--)
    g_ptr_array_add (people, order[i - 1]);
  for (guint i = 0; i < people->len; i++)
    for (guint j = 0; j < people->len; j++)
      {
        int expected = 0;

        for (guint k = 0; k < G_N_ELEMENTS (order); k++)
          if (order[k] == people->pdata[i] || order[k] == people->pdata[j])
            {
              expected = people->pdata[i] == people->pdata[j] ? 0 : order[k] == people->pdata[i] ? -1 : 1;
              break;
            }
        g_assert_cmpint (CLAMP (cto_analysis_compare_candidates (analysis, CTO_FUNCTION_INFRASTRUCTURE, 0,
                                                                 people->pdata[i], people->pdata[j]),
                                -1, 1), ==, expected);
      }

  /* For planning, free40 carries some of it already: first. */
  g_assert_cmpint (cto_analysis_compare_candidates (analysis, CTO_FUNCTION_PLANNING, 0, free40, in10), <, 0);
  g_assert_cmpint (cto_analysis_compare_candidates (analysis, CTO_FUNCTION_PLANNING, 0, twin, in10), <, 0);

  /* 8 h would overload in5, who has 5 h free, not twin, outside the
   * function with 40: twin first; in10 keeps its place. 12 h would
   * overload all the function's people: twin and free40, with room, come
   * first, then those 12 h would overload as before, and over last. 5 h fit
   * in5 exactly: the function's people first again. */
  g_assert_cmpint (cto_analysis_compare_candidates (analysis, CTO_FUNCTION_INFRASTRUCTURE, 8, twin, in5), <, 0);
  g_assert_cmpint (cto_analysis_compare_candidates (analysis, CTO_FUNCTION_INFRASTRUCTURE, 8, in10, twin), <, 0);
  g_assert_cmpint (cto_analysis_compare_candidates (analysis, CTO_FUNCTION_INFRASTRUCTURE, 12, free40, in10), <, 0);
  g_assert_cmpint (cto_analysis_compare_candidates (analysis, CTO_FUNCTION_INFRASTRUCTURE, 12, in10, in5), <, 0);
  g_assert_cmpint (cto_analysis_compare_candidates (analysis, CTO_FUNCTION_INFRASTRUCTURE, 12, in5, over), <, 0);
  g_assert_cmpint (cto_analysis_compare_candidates (analysis, CTO_FUNCTION_INFRASTRUCTURE, 5, in5, twin), <, 0);
}

static CtoPlan *
make_summary_plan (void)
{
  CtoPlan *plan = cto_plan_new ();
  CtoPerson *ana = add_person (plan, "ana", "Ana Pérez", 10, FALSE);
  CtoPerson *bo = add_person (plan, "bo", "Bo \\ Lin", 0, TRUE);
  CtoPerson *cy = add_person (plan, "cy", "Cy", 0.3, FALSE);
  CtoResponsibility *roadmap = add_responsibility (plan, "roadmap", CTO_FUNCTION_PLANNING, 12);

  cto_plan_set_title (plan, "Q3 \"draft\"\n");
  cto_plan_assign (plan, roadmap, ana, 2);
  cto_plan_assign (plan, roadmap, bo, 1);
  cto_plan_set_accountable (plan, roadmap, ana);
  add_responsibility (plan, "security", CTO_FUNCTION_INFRASTRUCTURE, 3);
  cto_plan_assign (plan, add_responsibility (plan, "backups", CTO_FUNCTION_INFRASTRUCTURE, 0.1),
                   cy, 1);
  cto_plan_assign (plan, add_responsibility (plan, "patching", CTO_FUNCTION_INFRASTRUCTURE, 0.2),
                   cy, 1);
  cto_plan_assign (plan, add_responsibility (plan, "strategy", CTO_FUNCTION_THINKER, 4), ana, 1);

  return plan;
}

static const char expected_summary_json[] =
  "{\n"
  "  \"title\": \"Q3 \\\"draft\\\"\\n\",\n"
  "  \"functions\": [\n"
  "    {\n"
  "      \"id\": \"planning\",\n"
  "      \"name\": \"Planning\",\n"
  "      \"status\": \"covered\",\n"
  "      \"overloaded\": true,\n"
  "      \"responsibilities\": 1,\n"
  "      \"covered\": 1,\n"
  "      \"effort\": 12,\n"
  "      \"unassigned_effort\": 0,\n"
  "      \"people\": [\n"
  "        \"ana\",\n"
  "        \"bo\"\n"
  "      ],\n"
  "      \"bus_factor\": 1,\n"
  "      \"waiting_for_hire\": 0,\n"
  "      \"without_accountable\": 0,\n"
  "      \"gap_hours\": 5.333333333333333,\n"
  "      \"gap_fte\": 0.13333333333333333\n"
  "    },\n"
  "    {\n"
  "      \"id\": \"infrastructure\",\n"
  "      \"name\": \"Infrastructure\",\n"
  "      \"status\": \"partial\",\n"
  "      \"overloaded\": false,\n"
  "      \"responsibilities\": 3,\n"
  "      \"covered\": 2,\n"
  "      \"effort\": 3.3000000000000003,\n"
  "      \"unassigned_effort\": 3,\n"
  "      \"people\": [\n"
  "        \"cy\"\n"
  "      ],\n"
  "      \"bus_factor\": 1,\n"
  "      \"waiting_for_hire\": 0,\n"
  "      \"without_accountable\": 0,\n"
  "      \"gap_hours\": 3,\n"
  "      \"gap_fte\": 0.075\n"
  "    },\n"
  "    {\n"
  "      \"id\": \"consumer-liaison\",\n"
  "      \"name\": \"Consumer liaison\",\n"
  "      \"status\": \"empty\",\n"
  "      \"overloaded\": false,\n"
  "      \"responsibilities\": 0,\n"
  "      \"covered\": 0,\n"
  "      \"effort\": 0,\n"
  "      \"unassigned_effort\": 0,\n"
  "      \"people\": [],\n"
  "      \"bus_factor\": 0,\n"
  "      \"waiting_for_hire\": 0,\n"
  "      \"without_accountable\": 0,\n"
  "      \"gap_hours\": 0,\n"
  "      \"gap_fte\": 0\n"
  "    },\n"
  "    {\n"
  "      \"id\": \"thinker\",\n"
  "      \"name\": \"Thinker\",\n"
  "      \"status\": \"covered\",\n"
  "      \"overloaded\": true,\n"
  "      \"responsibilities\": 1,\n"
  "      \"covered\": 1,\n"
  "      \"effort\": 4,\n"
  "      \"unassigned_effort\": 0,\n"
  "      \"people\": [\n"
  "        \"ana\"\n"
  "      ],\n"
  "      \"bus_factor\": 1,\n"
  "      \"waiting_for_hire\": 0,\n"
  "      \"without_accountable\": 0,\n"
  "      \"gap_hours\": 0.6666666666666666,\n"
  "      \"gap_fte\": 0.016666666666666666\n"
  "    }\n"
  "  ],\n"
  "  \"people\": [\n"
  "    {\n"
  "      \"id\": \"ana\",\n"
  "      \"name\": \"Ana Pérez\",\n"
  "      \"open_role\": false,\n"
  "      \"load\": 12,\n"
  "      \"capacity\": 10,\n"
  "      \"utilization\": 1.2,\n"
  "      \"overloaded\": true\n"
  "    },\n"
  "    {\n"
  "      \"id\": \"bo\",\n"
  "      \"name\": \"Bo \\\\ Lin\",\n"
  "      \"open_role\": true,\n"
  "      \"load\": 4,\n"
  "      \"capacity\": 0,\n"
  "      \"utilization\": null,\n"
  "      \"overloaded\": true\n"
  "    },\n"
  "    {\n"
  "      \"id\": \"cy\",\n"
  "      \"name\": \"Cy\",\n"
  "      \"open_role\": false,\n"
  "      \"load\": 0.30000000000000004,\n"
  "      \"capacity\": 0.3,\n"
  "      \"utilization\": 1.0000000000000002,\n"
  "      \"overloaded\": false\n"
  "    }\n"
  "  ],\n"
  "  \"unassigned\": [\n"
  "    \"security\"\n"
  "  ]\n"
  "}\n";

static void
test_summary_json (void)
{
  g_autoptr(CtoPlan) plan = make_summary_plan ();
  g_autoptr(CtoAnalysis) analysis = cto_analysis_new (plan);
  g_autofree char *json = cto_report_summary_json (analysis);

  g_assert_cmpstr (json, ==, expected_summary_json);
}

static void
test_summary_json_empty (void)
{
  g_autoptr(CtoPlan) plan = cto_plan_new ();
  g_autoptr(CtoAnalysis) analysis = cto_analysis_new (plan);
  g_autofree char *json = NULL;

  cto_plan_set_title (plan, "Tab\there, bell\a");
  json = cto_report_summary_json (analysis);

  g_assert_true (g_str_has_prefix (json, "{\n  \"title\": \"Tab\\there, bell\\u0007\",\n"
                                         "  \"functions\": [\n    {\n      \"id\": \"planning\",\n"));
  g_assert_true (g_str_has_suffix (json, "  ],\n  \"people\": [],\n  \"unassigned\": []\n}\n"));
}

static void
test_summary_text (void)
{
  g_autoptr(CtoPlan) plan = make_summary_plan ();
  g_autoptr(CtoAnalysis) analysis = cto_analysis_new (plan);
  g_autofree char *text = NULL;
  static const char *expected[] = {
    "Q3 \"draft\"",
    "Planning: Covered",
    "Infrastructure: Partly covered",
    "Consumer liaison: No responsibilities",
    "Thinker: Covered",
    "2 of 3 responsibilities covered",
    "1 of 1 responsibility covered",
    "3.3 h, 3 h of them unassigned",
    "Ana Pérez, Bo \\ Lin (open role)",
    "1 — rests on one person",
    "5.33 h (0.13 FTE)",
    "Ana Pérez",
    "12 / 10 h",
    "120%",
    "OVERLOADED",
    "no capacity",
    "0.3 / 0.3 h",
    "Title of security (Infrastructure, 3 h)",
  };

  text = cto_report_summary_text (analysis);
  g_test_message ("%s", text);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      if (strstr (text, expected[i]) == NULL)
        g_error ("“%s” is missing from the summary:\n%s", expected[i], text);
    }

  g_assert_true (g_str_has_suffix (text, "\n"));
  g_assert_false (g_str_has_suffix (text, "\n\n"));
  g_assert_true (g_utf8_validate (text, -1, NULL));

  /* Ana is overloaded, Cy is not: exactly two people (Ana, Bo) are marked. */
  {
    g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
    guint marked = 0;

    for (guint i = 0; lines[i] != NULL; i++)
      {
        if (strstr (lines[i], "OVERLOADED") == NULL)
          continue;
        marked++;
        g_assert_true (strstr (lines[i], "Ana") != NULL || strstr (lines[i], "Bo") != NULL);
      }
    g_assert_cmpuint (marked, ==, 2);
  }
}

static void
test_summary_text_waiting (void)
{
  g_autoptr(CtoPlan) plan = cto_plan_new ();
  g_autoptr(CtoAnalysis) analysis = cto_analysis_new (plan);
  CtoPerson *hire = add_person (plan, "hire", "Support lead", 40, TRUE);
  CtoResponsibility *support = add_responsibility (plan, "support",
                                                   CTO_FUNCTION_CONSUMER_LIAISON, 8);
  g_autofree char *text = NULL;

  cto_plan_assign (plan, support, hire, 1);
  /* A title that tries to clear the screen. */
  cto_plan_set_title (plan, "Plan\033[2J");
  text = cto_report_summary_text (analysis);
  g_test_message ("%s", text);

  g_assert_nonnull (strstr (text, "0 — waiting for a hire"));
  g_assert_nonnull (strstr (text, "1 responsibility carried only by planned hires"));
  g_assert_nonnull (strstr (text, "None: every responsibility has someone."));
  g_assert_null (strchr (text, '\033'));
}

/* The example plan ------------------------------------------------------------ */

static void
test_example (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "examples",
                                                 "acme-robotics.ctoplan.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CtoPlan) plan = cto_plan_io_load_file (file, NULL, &error);
  g_autoptr(CtoAnalysis) analysis = NULL;
  GListModel *people;
  GListModel *responsibilities;
  guint n_overloaded = 0;
  guint n_roots = 0;
  guint n_shared_without_accountable = 0;
  gboolean open_role_carries = FALSE;
  gboolean rests_on_one = FALSE;
  static const struct {
    CtoFunction  function;
    CtoCoverage  status;
    guint        bus_factor;
    double       effort;
    double       gap_hours;
  } functions[] = {
    { CTO_FUNCTION_PLANNING, CTO_COVERAGE_PARTIAL, 4, 18, 5 },
    { CTO_FUNCTION_INFRASTRUCTURE, CTO_COVERAGE_COVERED, 3, 28, 1 },
    { CTO_FUNCTION_CONSUMER_LIAISON, CTO_COVERAGE_PARTIAL, 3, 25, 5 },
    { CTO_FUNCTION_THINKER, CTO_COVERAGE_COVERED, 1, 12, 0 },
  };

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  analysis = cto_analysis_new (plan);

  /* It is in canonical form: saving it gives back the same bytes. */
  {
    g_autofree char *contents = NULL;
    g_autofree char *saved = NULL;
    gsize length = 0;
    gsize saved_length = 0;

    g_file_get_contents (path, &contents, &length, &error);
    g_assert_no_error (error);
    saved = cto_plan_io_to_data (plan, &saved_length);
    g_assert_cmpstr (saved, ==, contents);
    g_assert_cmpuint (saved_length, ==, length);
  }
  people = cto_plan_get_people (plan);
  responsibilities = cto_plan_get_responsibilities (plan);

  g_assert_cmpuint (g_list_model_get_n_items (people), >=, 5);
  g_assert_cmpuint (g_list_model_get_n_items (people), <=, 8);

  for (guint i = 0; i < cto_analysis_get_n_people (analysis); i++)
    {
      const CtoPersonReport *report = cto_analysis_get_person_nth (analysis, i);

      if (report->overloaded)
        n_overloaded++;
      if (cto_person_get_open_role (report->person) && report->responsibilities->len > 0)
        open_role_carries = TRUE;
      if (cto_person_get_reports_to (report->person) == NULL)
        n_roots++;
      else
        g_assert_nonnull (cto_plan_find_person (plan, cto_person_get_reports_to (report->person)));
    }
  g_assert_cmpuint (n_overloaded, ==, 1);
  g_assert_true (open_role_carries);
  g_assert_cmpuint (n_roots, ==, 1);

  for (guint i = 0; i < g_list_model_get_n_items (responsibilities); i++)
    {
      g_autoptr(CtoResponsibility) r = g_list_model_get_item (responsibilities, i);

      if (cto_responsibility_get_n_assignees (r) >= 2 && cto_responsibility_get_accountable (r) == NULL)
        n_shared_without_accountable++;
    }
  g_assert_cmpuint (n_shared_without_accountable, ==, 1);

  for (guint i = 0; i < G_N_ELEMENTS (functions); i++)
    {
      const CtoFunctionReport *report = cto_analysis_get_function (analysis, functions[i].function);

      g_test_message ("function %s", cto_function_get_id (functions[i].function));
      g_assert_cmpuint (report->n_responsibilities, >=, 3);
      g_assert_cmpint (report->status, ==, functions[i].status);
      g_assert_cmpuint (report->bus_factor, ==, functions[i].bus_factor);
      g_assert_cmpfloat_with_epsilon (report->effort, functions[i].effort, EPSILON);
      g_assert_cmpfloat_with_epsilon (report->gap_hours, functions[i].gap_hours, EPSILON);
      if (report->bus_factor == 1)
        rests_on_one = TRUE;
    }
  g_assert_true (rests_on_one);
  g_assert_cmpuint (cto_analysis_get_function (analysis, CTO_FUNCTION_INFRASTRUCTURE)->waiting_for_hire,
                    ==, 1);

  {
    g_autofree char *unassigned = describe_responsibilities (cto_analysis_get_unassigned (analysis));
    const CtoPersonReport *bo = person_report (analysis, cto_plan_find_person (plan, "bo"));

    g_assert_cmpstr (unassigned, ==, "assembly-line-tools,api-onboarding");
    g_assert_true (bo->overloaded);
    g_assert_cmpfloat_with_epsilon (bo->load, 16, EPSILON);
    g_assert_cmpfloat_with_epsilon (bo->capacity, 12, EPSILON);
  }

  {
    g_autofree char *text = cto_report_summary_text (analysis);

    g_test_message ("%s", text);
    g_assert_nonnull (strstr (text, "1 — rests on one person"));
    g_assert_nonnull (strstr (text, "Security engineer (open role)"));
  }
}

/* Rules: each once in the plan library -------------------------------------- */

/* Who is accountable: the marked assignee, else the only one, else nobody. */
static void
test_rule_accountable (void)
{
  g_autoptr(CtoPlan) plan = cto_plan_new ();
  CtoPerson *ana = add_person (plan, "ana", "Ana", 40, FALSE);
  CtoPerson *bo = add_person (plan, "bo", "Bo", 40, FALSE);
  CtoResponsibility *alone = add_responsibility (plan, "alone", CTO_FUNCTION_PLANNING, 2);
  CtoResponsibility *shared = add_responsibility (plan, "shared", CTO_FUNCTION_PLANNING, 2);
  CtoResponsibility *marked = add_responsibility (plan, "marked", CTO_FUNCTION_PLANNING, 2);
  CtoResponsibility *nobody = add_responsibility (plan, "nobody", CTO_FUNCTION_PLANNING, 2);

  cto_plan_assign (plan, alone, bo, 1);
  cto_plan_assign (plan, shared, ana, 1);
  cto_plan_assign (plan, shared, bo, 1);
  cto_plan_assign (plan, marked, ana, 1);
  cto_plan_assign (plan, marked, bo, 3);
  cto_plan_set_accountable (plan, marked, bo);

  /* Alone: accountable by nature, without a mark. */
  g_assert_null (cto_responsibility_get_accountable (alone));
  g_assert_cmpstr (cto_responsibility_find_accountable (alone), ==, "bo");
  g_assert_true (cto_responsibility_is_accountable (alone, "bo"));
  g_assert_false (cto_responsibility_is_accountable (alone, "ana"));
  g_assert_false (cto_responsibility_lacks_accountable (alone));

  /* Shared without a mark: nobody, and that is what lacks one. */
  g_assert_null (cto_responsibility_find_accountable (shared));
  g_assert_false (cto_responsibility_is_accountable (shared, "ana"));
  g_assert_false (cto_responsibility_is_accountable (shared, "bo"));
  g_assert_true (cto_responsibility_lacks_accountable (shared));

  /* Shared and marked: the mark, not the first or the largest share alone. */
  g_assert_cmpstr (cto_responsibility_find_accountable (marked), ==, "bo");
  g_assert_true (cto_responsibility_is_accountable (marked, "bo"));
  g_assert_false (cto_responsibility_is_accountable (marked, "ana"));
  g_assert_false (cto_responsibility_lacks_accountable (marked));
  cto_plan_set_accountable (plan, marked, ana);
  g_assert_cmpstr (cto_responsibility_find_accountable (marked), ==, "ana");

  /* Without assignees: nobody, and nothing is shared. */
  g_assert_null (cto_responsibility_find_accountable (nobody));
  g_assert_false (cto_responsibility_is_accountable (nobody, NULL));
  g_assert_false (cto_responsibility_lacks_accountable (nobody));

  /* The fraction each carries: share / sum of shares. */
  g_assert_cmpfloat_with_epsilon (cto_responsibility_get_fraction (marked, "bo"), 0.75, EPSILON);
  g_assert_cmpfloat_with_epsilon (cto_responsibility_get_fraction (marked, "ana"), 0.25, EPSILON);
  g_assert_cmpfloat_with_epsilon (cto_responsibility_get_fraction (alone, "ana"), 0, EPSILON);
  g_assert_cmpfloat_with_epsilon (cto_responsibility_get_fraction (alone, "bo"), 1, EPSILON);

  /* The analysis counts the same ones. */
  {
    g_autoptr(CtoAnalysis) analysis = cto_analysis_new (plan);

    g_assert_cmpuint (cto_analysis_get_function (analysis, CTO_FUNCTION_PLANNING)->without_accountable, ==, 1);
  }
}

/* Waiting for a hire: assignees, every one an open role. */
static void
test_rule_waiting_for_hire (void)
{
  g_autoptr(CtoPlan) plan = cto_plan_new ();
  CtoPerson *ana = add_person (plan, "ana", "Ana", 40, FALSE);
  CtoPerson *hire = add_person (plan, "hire", "Hire", 40, TRUE);
  CtoPerson *hire2 = add_person (plan, "hire2", "Hire 2", 40, TRUE);
  CtoResponsibility *hires = add_responsibility (plan, "hires", CTO_FUNCTION_THINKER, 2);
  CtoResponsibility *one_hire = add_responsibility (plan, "one-hire", CTO_FUNCTION_THINKER, 2);
  CtoResponsibility *mixed = add_responsibility (plan, "mixed", CTO_FUNCTION_THINKER, 2);
  CtoResponsibility *nobody = add_responsibility (plan, "nobody", CTO_FUNCTION_THINKER, 2);
  g_autoptr(CtoAnalysis) analysis = NULL;

  cto_plan_assign (plan, hires, hire, 1);
  cto_plan_assign (plan, hires, hire2, 1);
  cto_plan_assign (plan, one_hire, hire, 1);
  cto_plan_assign (plan, mixed, hire, 1);
  cto_plan_assign (plan, mixed, ana, 1);
  analysis = cto_analysis_new (plan);

  g_assert_true (cto_analysis_is_waiting_for_hire (analysis, hires));
  g_assert_true (cto_analysis_is_waiting_for_hire (analysis, one_hire));
  g_assert_false (cto_analysis_is_waiting_for_hire (analysis, mixed));
  g_assert_false (cto_analysis_is_waiting_for_hire (analysis, nobody));
  g_assert_cmpuint (cto_analysis_get_function (analysis, CTO_FUNCTION_THINKER)->waiting_for_hire, ==, 2);

  /* A hire made: the seat is filled, nothing waits on it. */
  cto_plan_unassign (plan, mixed, ana);
  g_assert_true (cto_analysis_is_waiting_for_hire (analysis, mixed));
  g_assert_cmpuint (cto_analysis_get_function (analysis, CTO_FUNCTION_THINKER)->waiting_for_hire, ==, 3);
}

/* Resting on one person (bus factor 1) or on planned hires alone (0), only
 * for a covered or partly covered function. */
static void
test_rule_rests_on (void)
{
  static const struct {
    const char  *name;
    CtoCoverage  status;
    guint        bus_factor;
    gboolean     one_person;
    gboolean     hires_alone;
  } cases[] = {
    { "covered, one",     CTO_COVERAGE_COVERED,   1, TRUE,  FALSE },
    { "partial, one",     CTO_COVERAGE_PARTIAL,   1, TRUE,  FALSE },
    { "covered, hires",   CTO_COVERAGE_COVERED,   0, FALSE, TRUE  },
    { "partial, hires",   CTO_COVERAGE_PARTIAL,   0, FALSE, TRUE  },
    { "covered, two",     CTO_COVERAGE_COVERED,   2, FALSE, FALSE },
    { "uncovered",        CTO_COVERAGE_UNCOVERED, 0, FALSE, FALSE },
    { "empty",            CTO_COVERAGE_EMPTY,     0, FALSE, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      CtoFunctionReport report = { 0 };

      g_test_message ("%s", cases[i].name);
      report.status = cases[i].status;
      report.bus_factor = cases[i].bus_factor;
      g_assert_cmpint (cto_function_report_rests_on_one_person (&report), ==, cases[i].one_person);
      g_assert_cmpint (cto_function_report_rests_on_hires_alone (&report), ==, cases[i].hires_alone);
      g_assert_cmpint (cto_function_report_rests_on_few (&report), ==,
                       cases[i].one_person || cases[i].hires_alone);
    }

  /* From a plan: Ana alone on planning; the hire alone on thinker. */
  {
    g_autoptr(CtoPlan) plan = cto_plan_new ();
    CtoPerson *ana = add_person (plan, "ana", "Ana", 40, FALSE);
    CtoPerson *hire = add_person (plan, "hire", "Hire", 40, TRUE);
    g_autoptr(CtoAnalysis) analysis = NULL;

    cto_plan_assign (plan, add_responsibility (plan, "p1", CTO_FUNCTION_PLANNING, 2), ana, 1);
    cto_plan_assign (plan, add_responsibility (plan, "p2", CTO_FUNCTION_PLANNING, 2), hire, 1);
    add_responsibility (plan, "p3", CTO_FUNCTION_PLANNING, 2);
    cto_plan_assign (plan, add_responsibility (plan, "t1", CTO_FUNCTION_THINKER, 2), hire, 1);
    analysis = cto_analysis_new (plan);

    g_assert_true (cto_function_report_rests_on_one_person (cto_analysis_get_function (analysis, CTO_FUNCTION_PLANNING)));
    g_assert_true (cto_function_report_rests_on_hires_alone (cto_analysis_get_function (analysis, CTO_FUNCTION_THINKER)));
    g_assert_false (cto_function_report_rests_on_few (cto_analysis_get_function (analysis, CTO_FUNCTION_INFRASTRUCTURE)));
  }
}

/* A hiring gap: more than the tolerance of 1e-9 hours. */
static void
test_rule_hiring_gap (void)
{
  static const struct {
    double   gap_hours;
    gboolean gap;
  } cases[] = {
    { 0, FALSE },
    { 1e-10, FALSE },
    { 1e-9, FALSE },
    { 2e-9, TRUE },
    { 0.01, TRUE },
    { 40, TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      CtoFunctionReport report = { 0 };

      report.status = CTO_COVERAGE_PARTIAL;
      report.gap_hours = cases[i].gap_hours;
      g_test_message ("gap %g", cases[i].gap_hours);
      g_assert_cmpint (cto_function_report_has_hiring_gap (&report), ==, cases[i].gap);
    }

  /* Shares of a third leave a remainder far below the tolerance: no gap. */
  {
    g_autoptr(CtoPlan) plan = cto_plan_new ();
    CtoPerson *ana = add_person (plan, "ana", "Ana", 1, FALSE);
    CtoPerson *bo = add_person (plan, "bo", "Bo", 1, FALSE);
    CtoPerson *cy = add_person (plan, "cy", "Cy", 1, FALSE);
    CtoResponsibility *r = add_responsibility (plan, "r", CTO_FUNCTION_INFRASTRUCTURE, 3);
    g_autoptr(CtoAnalysis) analysis = NULL;

    cto_plan_assign (plan, r, ana, 1);
    cto_plan_assign (plan, r, bo, 1);
    cto_plan_assign (plan, r, cy, 1);
    analysis = cto_analysis_new (plan);
    g_assert_false (cto_function_report_has_hiring_gap (cto_analysis_get_function (analysis, CTO_FUNCTION_INFRASTRUCTURE)));

    cto_plan_set_share (plan, r, ana, 2);
    g_assert_true (cto_function_report_has_hiring_gap (cto_analysis_get_function (analysis, CTO_FUNCTION_INFRASTRUCTURE)));
  }
}

/* Utilization is load / capacity, in the person's report. */
static void
test_rule_utilization (void)
{
  g_autoptr(CtoPlan) plan = cto_plan_new ();
  CtoPerson *ana = add_person (plan, "ana", "Ana", 37.5, FALSE);
  CtoPerson *bo = add_person (plan, "bo", "Bo", 0, FALSE);
  g_autoptr(CtoAnalysis) analysis = NULL;

  cto_plan_assign (plan, add_responsibility (plan, "r1", CTO_FUNCTION_PLANNING, 20), ana, 1);
  cto_plan_assign (plan, add_responsibility (plan, "r2", CTO_FUNCTION_PLANNING, 0.125), bo, 1);
  analysis = cto_analysis_new (plan);

  g_assert_cmpfloat_with_epsilon (person_report (analysis, ana)->utilization, 20 / 37.5, EPSILON);
  g_assert_false (person_report (analysis, ana)->utilization_unbounded);
  g_assert_true (person_report (analysis, bo)->utilization_unbounded);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/analysis/coverage-names", test_coverage_names);
  g_test_add_func ("/analysis/status", test_status);
  g_test_add_func ("/analysis/shares", test_shares);
  g_test_add_func ("/analysis/rounding", test_rounding);
  g_test_add_func ("/analysis/capacity/zero", test_zero_capacity);
  g_test_add_func ("/analysis/capacity/threshold", test_threshold);
  g_test_add_func ("/analysis/open-roles", test_open_roles);
  g_test_add_func ("/analysis/without-accountable", test_without_accountable);
  g_test_add_func ("/analysis/gap", test_gap);
  g_test_add_func ("/analysis/follows-edits", test_follows_edits);
  g_test_add_func ("/analysis/free-hours", test_free_hours);
  g_test_add_func ("/analysis/candidates/order", test_candidates_order);
  g_test_add_func ("/analysis/dispose-disconnects", test_dispose_disconnects);
  g_test_add_func ("/analysis/summary/json", test_summary_json);
  g_test_add_func ("/analysis/summary/json-empty", test_summary_json_empty);
  g_test_add_func ("/analysis/summary/text", test_summary_text);
  g_test_add_func ("/analysis/summary/text-waiting", test_summary_text_waiting);
  g_test_add_func ("/analysis/example", test_example);
  g_test_add_func ("/analysis/rule/accountable", test_rule_accountable);
  g_test_add_func ("/analysis/rule/waiting-for-hire", test_rule_waiting_for_hire);
  g_test_add_func ("/analysis/rule/rests-on", test_rule_rests_on);
  g_test_add_func ("/analysis/rule/hiring-gap", test_rule_hiring_gap);
  g_test_add_func ("/analysis/rule/utilization", test_rule_utilization);

  return g_test_run ();
}
