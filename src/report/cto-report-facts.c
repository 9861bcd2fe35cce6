/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-report"

#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "cto-date.h"
#include "cto-report-decide-private.h"
#include "cto-report-private.h"
#include "cto-report-suggestions.h"

#define TOLERANCE CTO_ANALYSIS_TOLERANCE

/**
 * _cto_report_default_date:
 *
 * Returns: (transfer full): now, in local time; or, when SOURCE_DATE_EPOCH
 * holds a number of seconds, that time in UTC, so that the same plan gives
 * the same file.
 */
GDateTime *
_cto_report_default_date (void)
{
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");

  if (epoch != NULL && *epoch != '\0')
    {
      char *end = NULL;
      gint64 seconds;

      errno = 0;
      seconds = g_ascii_strtoll (epoch, &end, 10);
      if (errno == 0 && end != NULL && *end == '\0' && seconds >= 0)
        {
          GDateTime *date = g_date_time_new_from_unix_utc (seconds);

          if (date != NULL)
            return date;
        }
    }

  return g_date_time_new_now_local ();
}

char *
_cto_report_format_date (GDateTime *date)
{
  GDate day;

  g_return_val_if_fail (date != NULL, NULL);

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, g_date_time_get_day_of_month (date),
                  (GDateMonth) g_date_time_get_month (date), (GDateYear) g_date_time_get_year (date));
  return cto_date_format_long (&day);
}

char *
_cto_report_isolate (const char *text,
                     gboolean    isolate)
{
  if (!isolate)
    return g_strdup (text);

  return g_strconcat (CTO_REPORT_FSI, text, CTO_REPORT_PDI, NULL);
}

const char *
_cto_report_person_name (CtoPlan    *plan,
                         const char *person_id)
{
  CtoPerson *person = cto_plan_find_person (plan, person_id);

  return person != NULL ? cto_person_get_name (person) : person_id;
}

char *
_cto_report_format_share (CtoResponsibility   *responsibility,
                          const CtoAssignment *assignment)
{
  return cto_report_format_percent (cto_responsibility_get_fraction (responsibility, assignment->person));
}

char *
_cto_report_describe_assignees (CtoPlan           *plan,
                                CtoResponsibility *responsibility,
                                gboolean           isolate)
{
  guint n = cto_responsibility_get_n_assignees (responsibility);
  GString *out = g_string_new (NULL);

  if (n == 0)
    {
      g_string_append (out, _("Nobody"));
      return g_string_free (out, FALSE);
    }

  for (guint i = 0; i < n; i++)
    {
      const CtoAssignment *assignment = cto_responsibility_get_assignee (responsibility, i);
      g_autofree char *name = _cto_report_isolate (_cto_report_person_name (plan, assignment->person),
                                                   isolate);
      g_autofree char *share = _cto_report_format_share (responsibility, assignment);

      if (i > 0)
        /* Translators: between the people in a list */
        g_string_append (out, _(", "));
      if (n == 1)
        g_string_append (out, name);
      else if (assignment->accountable)
        /* Translators: a person, their part of a responsibility, "Bo Lin 67% (accountable)" */
        g_string_append_printf (out, _("%s %s (accountable)"), name, share);
      else
        /* Translators: a person and their part of a responsibility, "Bo Lin 67%" */
        g_string_append_printf (out, _("%s %s"), name, share);
    }

  return g_string_free (out, FALSE);
}

char *
_cto_report_person_functions (const CtoPersonReport *report)
{
  gboolean carried[CTO_N_FUNCTIONS] = { FALSE, };
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < report->responsibilities->len; i++)
    carried[cto_responsibility_get_function (g_ptr_array_index (report->responsibilities, i))] = TRUE;

  for (guint f = 0; f < CTO_N_FUNCTIONS; f++)
    {
      if (!carried[f])
        continue;
      if (out->len > 0)
        g_string_append (out, _(", "));
      g_string_append (out, cto_function_get_name ((CtoFunction) f));
    }

  return g_string_free (out, FALSE);
}

char *
_cto_report_person_load (const CtoPersonReport *report)
{
  g_autofree char *load = cto_report_format_decimal (report->load);
  g_autofree char *capacity = cto_report_format_decimal (report->capacity);

  /* Translators: load against capacity in hours per week, "44 h of 40 h" */
  return g_strdup_printf (_("%s h of %s h"), load, capacity);
}

/* Facts ------------------------------------------------------------------- */

static const char * const fact_labels[CTO_REPORT_N_FACTS] = {
  [CTO_REPORT_FACT_STATUS] = N_("Status"),
  [CTO_REPORT_FACT_HOURS] = N_("Hours a week"),
  [CTO_REPORT_FACT_COVERED] = N_("Carried"),
  [CTO_REPORT_FACT_PEOPLE] = N_("Carried by"),
  [CTO_REPORT_FACT_BUS_FACTOR] = N_("Bus factor"),
  [CTO_REPORT_FACT_ACCOUNTABLE] = N_("Accountable"),
  [CTO_REPORT_FACT_OVERLOAD] = N_("Overloaded"),
  [CTO_REPORT_FACT_WAITING] = N_("Waiting for a hire"),
  [CTO_REPORT_FACT_GAP] = N_("Hiring gap"),
};

const char *
_cto_report_fact_get_label (CtoReportFact fact)
{
  g_return_val_if_fail (fact < CTO_REPORT_N_FACTS, NULL);

  return _(fact_labels[fact]);
}

static char *
person_label (CtoPerson *person,
              gboolean   isolate)
{
  g_autofree char *name = _cto_report_isolate (cto_person_get_name (person), isolate);

  if (cto_person_get_open_role (person))
    /* Translators: a planned hire, a seat not yet filled */
    return g_strdup_printf (_("%s (open role)"), name);

  return g_steal_pointer (&name);
}

/* The people of @people (only those overloaded, with @overloaded_only) as
 * the facts name them, in order. */
static GPtrArray *
people_labels (CtoAnalysis *analysis,
               GPtrArray   *people,
               gboolean     overloaded_only,
               gboolean     isolate)
{
  GPtrArray *labels = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < people->len; i++)
    {
      CtoPerson *person = g_ptr_array_index (people, i);

      if (overloaded_only)
        {
          const CtoPersonReport *report = cto_analysis_get_person (analysis, person);

          if (report == NULL || !report->overloaded)
            continue;
        }

      g_ptr_array_add (labels, person_label (person, isolate));
    }

  return labels;
}

static char *
people_list (CtoAnalysis *analysis,
             GPtrArray   *people,
             gboolean     overloaded_only,
             gboolean     isolate)
{
  g_autoptr(GPtrArray) labels = people_labels (analysis, people, overloaded_only, isolate);
  GString *out = g_string_new (NULL);

  if (labels->len == 0)
    {
      g_string_free (out, TRUE);
      return g_strdup (_("Nobody"));
    }

  for (guint i = 0; i < labels->len; i++)
    cto_report_format_append_item (out, g_ptr_array_index (labels, i));

  return g_string_free (out, FALSE);
}

GPtrArray *
_cto_report_fact_get_people (CtoAnalysis             *analysis,
                             const CtoFunctionReport *report,
                             CtoReportFact            fact,
                             gboolean                 isolate)
{
  g_return_val_if_fail (report != NULL, NULL);

  if (fact == CTO_REPORT_FACT_PEOPLE)
    return people_labels (analysis, report->people, FALSE, isolate);
  if (fact == CTO_REPORT_FACT_OVERLOAD)
    return people_labels (analysis, report->people, TRUE, isolate);

  return NULL;
}

static gboolean
is_carried (const CtoFunctionReport *report)
{
  return report->status == CTO_COVERAGE_COVERED || report->status == CTO_COVERAGE_PARTIAL;
}

char *
_cto_report_fact_get_value (CtoAnalysis             *analysis,
                            const CtoFunctionReport *report,
                            CtoReportFact            fact,
                            gboolean                 isolate)
{
  g_return_val_if_fail (report != NULL, NULL);

  switch (fact)
    {
    case CTO_REPORT_FACT_STATUS:
      return g_strdup (cto_coverage_get_name (report->status));

    case CTO_REPORT_FACT_HOURS:
      {
        g_autofree char *effort = cto_report_format_hours (report->effort);
        g_autofree char *unassigned = NULL;

        if (report->unassigned_effort <= TOLERANCE)
          return g_steal_pointer (&effort);

        unassigned = cto_report_format_hours (report->unassigned_effort);
        /* Translators: "18 h, 3 h of them unassigned" */
        return g_strdup_printf (_("%s, %s of them unassigned"), effort, unassigned);
      }

    case CTO_REPORT_FACT_COVERED:
      if (report->n_responsibilities == 0)
        return g_strdup (_("No responsibilities"));
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u of %u responsibility covered",
                                           "%u of %u responsibilities covered",
                                           report->n_responsibilities),
                              report->n_covered, report->n_responsibilities);

    case CTO_REPORT_FACT_PEOPLE:
      return people_list (analysis, report->people, FALSE, isolate);

    case CTO_REPORT_FACT_BUS_FACTOR:
      if (report->people->len == 0)
        return g_strdup ("—");
      if (cto_function_report_rests_on_one_person (report))
        /* Translators: the bus factor, then a warning */
        return g_strdup_printf (_("%u — rests on one person"), report->bus_factor);
      if (cto_function_report_rests_on_hires_alone (report))
        return g_strdup_printf (_("%u — waiting for a hire"), report->bus_factor);
      return g_strdup_printf ("%u", report->bus_factor);

    case CTO_REPORT_FACT_ACCOUNTABLE:
      if (!is_carried (report))
        return g_strdup ("—");
      if (report->without_accountable == 0)
        /* Translators: every responsibility of a function has an accountable person */
        return g_strdup (_("Named for every responsibility"));
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u shared responsibility has nobody accountable",
                                           "%u shared responsibilities have nobody accountable",
                                           report->without_accountable),
                              report->without_accountable);

    case CTO_REPORT_FACT_OVERLOAD:
      return people_list (analysis, report->people, TRUE, isolate);

    case CTO_REPORT_FACT_WAITING:
      if (report->waiting_for_hire == 0)
        return g_strdup (_("None"));
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u responsibility carried only by planned hires",
                                           "%u responsibilities carried only by planned hires",
                                           report->waiting_for_hire),
                              report->waiting_for_hire);

    case CTO_REPORT_FACT_GAP:
      if (!cto_function_report_has_hiring_gap (report))
        return g_strdup (_("None"));
      return cto_report_format_gap (report->gap_hours, report->gap_fte);

    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
_cto_report_fact_is_warning (const CtoFunctionReport *report,
                             CtoReportFact            fact)
{
  g_return_val_if_fail (report != NULL, FALSE);

  switch (fact)
    {
    case CTO_REPORT_FACT_STATUS:
      return report->status == CTO_COVERAGE_UNCOVERED || report->status == CTO_COVERAGE_PARTIAL;
    case CTO_REPORT_FACT_HOURS:
      return report->unassigned_effort > TOLERANCE;
    case CTO_REPORT_FACT_COVERED:
      return report->n_covered < report->n_responsibilities;
    case CTO_REPORT_FACT_PEOPLE:
      return report->n_responsibilities > 0 && report->people->len == 0;
    case CTO_REPORT_FACT_BUS_FACTOR:
      return cto_function_report_rests_on_few (report);
    case CTO_REPORT_FACT_ACCOUNTABLE:
      return report->without_accountable > 0;
    case CTO_REPORT_FACT_OVERLOAD:
      return report->overloaded;
    case CTO_REPORT_FACT_WAITING:
      return report->waiting_for_hire > 0;
    case CTO_REPORT_FACT_GAP:
      return cto_function_report_has_hiring_gap (report);
    default:
      g_return_val_if_reached (FALSE);
    }
}

/* Gaps -------------------------------------------------------------------- */

static void
section_free (CtoReportSection *section)
{
  g_clear_pointer (&section->items, g_ptr_array_unref);
  g_free (section);
}

static CtoReportSection *
section_new (GPtrArray  *sections,
             const char *heading,
             const char *none)
{
  CtoReportSection *section = g_new0 (CtoReportSection, 1);

  section->heading = heading;
  section->none = none;
  section->items = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (sections, section);

  return section;
}

/* The rebalancing suggestions (PLAN-FORMAT.md section 5.2), in the words of
 * `--suggest`, and what would stay unresolved, with the hire that would
 * cover it. */
static void
add_suggestion_sections (CtoAnalysis *analysis,
                         GPtrArray   *sections,
                         gboolean     isolate)
{
  g_autoptr(CtoSuggestions) suggestions = cto_suggestions_new (cto_analysis_get_plan (analysis));
  g_auto(GStrv) unresolved = _cto_report_suggestions_unresolved_full (suggestions, isolate);
  guint n = cto_suggestions_get_n_items (suggestions);
  CtoReportSection *section;

  /* What it says when it lists none. */
  section = section_new (sections, _("Suggestions"), cto_report_suggestions_none (unresolved[0] != NULL));
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (section->items,
                     _cto_report_suggestion_describe_full (suggestions,
                                                           cto_suggestions_get_nth (suggestions, i),
                                                           isolate));

  if (unresolved[0] == NULL)
    return;
  section = section_new (sections, _("Still unresolved"), NULL);
  for (guint i = 0; unresolved[i] != NULL; i++)
    g_ptr_array_add (section->items, g_strdup (unresolved[i]));
}

/**
 * _cto_report_gap_sections:
 * @analysis: the analysis
 * @isolate: whether to put plan text between Unicode isolates
 *
 * Returns: (transfer full) (element-type CtoReportSection): not covered,
 * resting on one person, overloaded, waiting for a hire, shared without
 * an accountable person, the suggestions, and what they leave unresolved
 * (only when something is), in that order.
 */
GPtrArray *
_cto_report_gap_sections (CtoAnalysis *analysis,
                          gboolean     isolate)
{
  CtoPlan *plan = cto_analysis_get_plan (analysis);
  GListModel *responsibilities = cto_plan_get_responsibilities (plan);
  guint n_responsibilities = g_list_model_get_n_items (responsibilities);
  GPtrArray *unassigned = cto_analysis_get_unassigned (analysis);
  GPtrArray *sections = g_ptr_array_new_with_free_func ((GDestroyNotify) section_free);
  CtoReportSection *uncovered, *single, *overloaded, *waiting, *no_accountable;

  uncovered = section_new (sections, _("Not covered"), _("None: every responsibility has someone."));
  single = section_new (sections, _("Resting on one person"),
                        _("No function rests on a single person."));
  overloaded = section_new (sections, _("Overloaded"), _("Nobody is overloaded."));
  waiting = section_new (sections, _("Waiting for a hire"),
                         _("Nothing is carried by planned hires alone."));
  no_accountable = section_new (sections, _("Shared without an accountable person"),
                                _("Every shared responsibility has an accountable person."));

  for (guint i = 0; i < unassigned->len; i++)
    {
      CtoResponsibility *responsibility = g_ptr_array_index (unassigned, i);
      g_autofree char *title = _cto_report_isolate (cto_responsibility_get_title (responsibility),
                                                    isolate);
      g_autofree char *hours = cto_report_format_hours (cto_responsibility_get_effort (responsibility));

      /* Translators: an unassigned responsibility, "Run the website (Consumer liaison, 4 h)" */
      g_ptr_array_add (uncovered->items,
                       g_strdup_printf (_("%s (%s, %s)"), title,
                                        cto_function_get_name (cto_responsibility_get_function (responsibility)),
                                        hours));
    }

  for (guint f = 0; f < CTO_N_FUNCTIONS; f++)
    {
      const CtoFunctionReport *report = cto_analysis_get_function (analysis, (CtoFunction) f);
      g_autofree char *people = NULL;

      if (!cto_function_report_rests_on_few (report))
        continue;

      if (cto_function_report_rests_on_one_person (report))
        {
          g_autoptr(GPtrArray) counted = g_ptr_array_new ();
          g_autoptr(GPtrArray) hires = g_ptr_array_new ();
          g_autofree char *one = NULL;

          /* The one person, then the planned hires beside them, who do not
           * make it rest on more than one person yet. */
          for (guint i = 0; i < report->people->len; i++)
            {
              CtoPerson *person = g_ptr_array_index (report->people, i);

              g_ptr_array_add (cto_person_counts_in_bus_factor (person) ? counted : hires, person);
            }
          one = people_list (analysis, counted, FALSE, isolate);
          if (hires->len == 0)
            /* Translators: a function resting on one person, "Thinker: Ravi Menon alone" */
            g_ptr_array_add (single->items, g_strdup_printf (_("%s: %s alone"),
                                                             cto_function_get_name (report->function),
                                                             one));
          else
            {
              g_autofree char *planned = people_list (analysis, hires, FALSE, isolate);

              /* Translators: a function resting on one person beside planned hires, "Consumer liaison: Dana Wu alone; planned hires: Support lead (open role)" */
              g_ptr_array_add (single->items, g_strdup_printf (_("%s: %s alone; planned hires: %s"),
                                                               cto_function_get_name (report->function),
                                                               one, planned));
            }
        }
      else
        {
          people = people_list (analysis, report->people, FALSE, isolate);
          /* Translators: a function carried only by open roles, "Thinker: only planned hires (Security engineer)" */
          g_ptr_array_add (single->items, g_strdup_printf (_("%s: only planned hires (%s)"),
                                                           cto_function_get_name (report->function),
                                                           people));
        }
    }

  for (guint i = 0; i < cto_analysis_get_n_people (analysis); i++)
    {
      const CtoPersonReport *report = cto_analysis_get_person_nth (analysis, i);
      g_autofree char *name = NULL;
      g_autofree char *load = NULL;
      g_autofree char *utilization = NULL;
      g_autofree char *excess = NULL;
      double threshold = cto_plan_get_overload_threshold (plan);

      if (!report->overloaded)
        continue;

      name = person_label (report->person, isolate);
      load = _cto_report_person_load (report);
      utilization = cto_report_format_utilization (report);
      excess = cto_report_format_hours (report->load - report->capacity * threshold);
      /* Translators: an overloaded person, "Ana Pérez: 8 h of 4 h (200%), 4 h too many" */
      g_ptr_array_add (overloaded->items, g_strdup_printf (_("%s: %s (%s), %s too many"),
                                                           name, load, utilization, excess));
    }

  for (guint i = 0; i < n_responsibilities; i++)
    {
      g_autoptr(CtoResponsibility) responsibility = g_list_model_get_item (responsibilities, i);
      g_autofree char *title = NULL;
      g_autofree char *people = NULL;

      if (cto_responsibility_get_n_assignees (responsibility) == 0)
        continue;

      title = _cto_report_isolate (cto_responsibility_get_title (responsibility), isolate);
      people = _cto_report_describe_assignees (plan, responsibility, isolate);

      if (cto_analysis_is_waiting_for_hire (analysis, responsibility))
        /* Translators: a responsibility and who carries it, "Prepare the audit: Security engineer" */
        g_ptr_array_add (waiting->items, g_strdup_printf (_("%s: %s"), title, people));

      if (cto_responsibility_lacks_accountable (responsibility))
        g_ptr_array_add (no_accountable->items, g_strdup_printf (_("%s: %s"), title, people));
    }

  add_suggestion_sections (analysis, sections, isolate);

  return sections;
}

double
_cto_report_total_gap_hours (CtoAnalysis *analysis)
{
  double total = 0;

  for (guint f = 0; f < CTO_N_FUNCTIONS; f++)
    total += cto_analysis_get_function (analysis, (CtoFunction) f)->gap_hours;

  return total;
}

const char *
_cto_report_status_glyph (CtoCoverage status)
{
  switch (status)
    {
    case CTO_COVERAGE_COVERED:
      return "●";
    case CTO_COVERAGE_PARTIAL:
      return "◐";
    case CTO_COVERAGE_UNCOVERED:
      return "○";
    case CTO_COVERAGE_EMPTY:
    default:
      return "◌";
    }
}

const char *
_cto_report_heading_coverage (void)
{
  return _("Coverage at a glance");
}

const char *
_cto_report_heading_people (void)
{
  return _("People and load");
}

const char *
_cto_report_heading_matrix (void)
{
  return _("Who carries what");
}

const char *
_cto_report_heading_org_chart (void)
{
  return _("Org chart");
}

const char *
_cto_report_heading_gaps (void)
{
  return _("Gaps");
}

char *
_cto_report_subtitle (GDateTime *date)
{
  g_autofree char *day = _cto_report_format_date (date);

  /* Translators: under the plan's title, "Board report · 5 March 2027" */
  return g_strdup_printf (_("Board report · %s"), day);
}

char *
_cto_report_plan_summary (CtoAnalysis *analysis)
{
  CtoPlan *plan = cto_analysis_get_plan (analysis);
  guint n_people = cto_analysis_get_n_people (analysis);
  guint n_open = 0;
  guint n_responsibilities = g_list_model_get_n_items (cto_plan_get_responsibilities (plan));
  double hours = 0;
  g_autofree char *people = NULL;
  g_autofree char *responsibilities = NULL;
  g_autofree char *effort = NULL;
  const GDate *as_of;
  char *summary;

  for (guint i = 0; i < n_people; i++)
    n_open += cto_person_get_open_role (cto_analysis_get_person_nth (analysis, i)->person) ? 1 : 0;
  for (guint f = 0; f < CTO_N_FUNCTIONS; f++)
    hours += cto_analysis_get_function (analysis, (CtoFunction) f)->effort;

  people = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person", "%u people", n_people),
                            n_people);
  if (n_open > 0)
    {
      g_autofree char *open = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u open role",
                                                            "%u open roles", n_open),
                                               n_open);
      g_autofree char *all = people;

      /* Translators: "7 people (1 open role)" */
      people = g_strdup_printf (_("%s (%s)"), all, open);
    }
  responsibilities = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u responsibility",
                                                   "%u responsibilities", n_responsibilities),
                                      n_responsibilities);
  effort = cto_report_format_hours (hours);

  /* Translators: people, responsibilities, hours of work a week:
   * "7 people · 15 responsibilities · 96 h a week" */
  summary = g_strdup_printf (_("%s · %s · %s a week"), people, responsibilities, effort);

  /* A plan as of a day says so wherever its summary shows (title page, reports). */
  as_of = cto_plan_get_as_of (plan);
  if (as_of != NULL)
    {
      g_autoptr(GDateTime) day = g_date_time_new_utc (g_date_get_year (as_of),
                                                       g_date_get_month (as_of),
                                                       g_date_get_day (as_of), 0, 0, 0);
      g_autofree char *date = _cto_report_format_date (day);
      g_autofree char *all = summary;

      /* Translators: the plan as of a day, then its summary:
       * "As of 1 April 2027 · 7 people · 15 responsibilities · 96 h a week" */
      summary = g_strdup_printf (_("As of %s · %s"), date, all);
    }

  return summary;
}

char *
_cto_report_overloaded_count (guint n_overloaded,
                              guint n_people)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       /* Translators: how many of the plan's people are
                                        * overloaded, "Overloaded: 1 of 7 people."; the
                                        * plural follows the second number */
                                       "Overloaded: %u of %u person.",
                                       "Overloaded: %u of %u people.",
                                       n_people),
                          n_overloaded, n_people);
}
