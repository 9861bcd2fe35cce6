/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-analysis"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cto-analysis.h"

/* The rules on a function's figures (PLAN-FORMAT.md section 3): its
 * coverage, and whether it rests on few people or has a hiring gap. The
 * analysis (cto-analysis.c) counts the figures; every reader asks here
 * what they mean. */

static const struct {
  const char *id;
  const char *name;
} coverages[] = {
  [CTO_COVERAGE_EMPTY] = { "empty", N_("No responsibilities") },
  [CTO_COVERAGE_UNCOVERED] = { "uncovered", N_("Not covered") },
  [CTO_COVERAGE_PARTIAL] = { "partial", N_("Partly covered") },
  [CTO_COVERAGE_COVERED] = { "covered", N_("Covered") },
};

/**
 * cto_coverage_get_id:
 *
 * Returns: the id of @coverage as in the JSON summary ("partial", ...).
 */
const char *
cto_coverage_get_id (CtoCoverage coverage)
{
  g_return_val_if_fail (coverage < G_N_ELEMENTS (coverages), NULL);

  return coverages[coverage].id;
}

/**
 * cto_coverage_get_name:
 *
 * Returns: @coverage in translated words ("Partly covered", ...).
 */
const char *
cto_coverage_get_name (CtoCoverage coverage)
{
  g_return_val_if_fail (coverage < G_N_ELEMENTS (coverages), NULL);

  return _(coverages[coverage].name);
}

/**
 * cto_coverage_from_counts:
 *
 * Returns: "empty" without responsibilities, "uncovered" when none has an
 * assignee, "covered" when every one has, "partial" otherwise.
 */
CtoCoverage
cto_coverage_from_counts (guint n_responsibilities,
                          guint n_covered)
{
  g_return_val_if_fail (n_covered <= n_responsibilities, CTO_COVERAGE_EMPTY);

  if (n_responsibilities == 0)
    return CTO_COVERAGE_EMPTY;
  if (n_covered == 0)
    return CTO_COVERAGE_UNCOVERED;
  if (n_covered == n_responsibilities)
    return CTO_COVERAGE_COVERED;
  return CTO_COVERAGE_PARTIAL;
}

static gboolean
is_carried (const CtoFunctionReport *report)
{
  return report->status == CTO_COVERAGE_COVERED || report->status == CTO_COVERAGE_PARTIAL;
}

gboolean
cto_person_counts_in_bus_factor (CtoPerson *person)
{
  g_return_val_if_fail (CTO_IS_PERSON (person), FALSE);

  return !cto_person_get_open_role (person);
}

/**
 * cto_function_report_rests_on_one_person:
 *
 * The one rule of PLAN-FORMAT.md section 3 for a function that rests on a
 * single person; with cto_function_report_rests_on_hires_alone(), the rule
 * for the window's tiles, the pages, every export and the summary.
 */
gboolean
cto_function_report_rests_on_one_person (const CtoFunctionReport *report)
{
  g_return_val_if_fail (report != NULL, FALSE);

  return is_carried (report) && report->bus_factor == 1;
}

gboolean
cto_function_report_rests_on_hires_alone (const CtoFunctionReport *report)
{
  g_return_val_if_fail (report != NULL, FALSE);

  return is_carried (report) && report->bus_factor == 0;
}

gboolean
cto_function_report_rests_on_few (const CtoFunctionReport *report)
{
  return cto_function_report_rests_on_one_person (report) ||
         cto_function_report_rests_on_hires_alone (report);
}

gboolean
cto_function_report_has_hiring_gap (const CtoFunctionReport *report)
{
  g_return_val_if_fail (report != NULL, FALSE);

  return report->gap_hours > CTO_ANALYSIS_TOLERANCE;
}
