/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-analysis"

#include "config.h"

#include <string.h>

#include "cto-analysis-private.h"

/* Loads within this many hours of the limit do not count as overloaded, so
 * that shares such as 1/3 + 2/3 do not tip a person over by rounding. */
#define OVERLOAD_TOLERANCE CTO_ANALYSIS_TOLERANCE

G_DEFINE_FINAL_TYPE (CtoAnalysis, cto_analysis, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PLAN,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
person_entry_free (gpointer data)
{
  PersonEntry *entry = data;

  g_clear_object (&entry->report.person);
  g_clear_pointer (&entry->report.responsibilities, g_ptr_array_unref);
  g_free (entry);
}

static PersonEntry *
person_entry_new (CtoPerson *person)
{
  PersonEntry *entry = g_new0 (PersonEntry, 1);

  entry->report.person = g_object_ref (person);
  entry->report.capacity = cto_person_get_capacity (person);
  entry->report.responsibilities = g_ptr_array_new_with_free_func (g_object_unref);

  return entry;
}

static void
clear_function_reports (CtoAnalysis *self)
{
  for (guint f = 0; f < CTO_N_FUNCTIONS; f++)
    {
      CtoFunctionReport *report = &self->functions[f];

      g_clear_pointer (&report->people, g_ptr_array_unref);
      memset (report, 0, sizeof *report);
      report->function = (CtoFunction) f;
      report->people = g_ptr_array_new_with_free_func (g_object_unref);
    }
}

static void
clear_reports (CtoAnalysis *self)
{
  clear_function_reports (self);
  g_hash_table_remove_all (self->people_by_id);
  g_ptr_array_set_size (self->people, 0);
  g_ptr_array_set_size (self->unassigned, 0);
}

/* The rule of a responsibility waiting for a hire: carried, and only by
 * open roles of the plan. @entries: its assignees' entries, NULL for an id
 * not in the plan. */
static gboolean
entries_wait_for_hire (PersonEntry * const *entries,
                       guint                n)
{
  for (guint i = 0; i < n; i++)
    if (entries[i] == NULL || !cto_person_get_open_role (entries[i]->report.person))
      return FALSE;

  return n > 0;
}

/* What @responsibility counts for in its function's report. @entries: its
 * assignees' entries, NULL for an id not in the plan. */
guint8
_cto_analysis_responsibility_counts (CtoResponsibility  *responsibility,
                       PersonEntry * const *entries,
                       guint               n_assignees)
{
  guint8 counts = 0;

  if (n_assignees == 0)
    return 0;

  counts |= COUNTS_COVERED;
  if (cto_responsibility_lacks_accountable (responsibility))
    counts |= COUNTS_WITHOUT_ACCOUNTABLE;
  if (entries_wait_for_hire (entries, n_assignees))
    counts |= COUNTS_WAITING_FOR_HIRE;

  return counts;
}

void
_cto_analysis_add_counts (CtoFunctionReport *report,
            guint8             counts,
            int                sign)
{
  if (counts & COUNTS_COVERED)
    report->n_covered += sign;
  if (counts & COUNTS_WITHOUT_ACCOUNTABLE)
    report->without_accountable += sign;
  if (counts & COUNTS_WAITING_FOR_HIRE)
    report->waiting_for_hire += sign;
}

/* Utilization and overload, from the load. */
void
_cto_analysis_finish_person (PersonEntry *entry,
               double       threshold)
{
  CtoPersonReport *person = &entry->report;

  person->utilization = 0;
  person->utilization_unbounded = FALSE;
  if (person->capacity > 0)
    person->utilization = person->load / person->capacity;
  else if (person->load == 0)
    person->utilization = 0;
  else
    person->utilization_unbounded = TRUE;

  person->overloaded = person->load > person->capacity * threshold + OVERLOAD_TOLERANCE;
}

/* The functions' people, bus factors, overload and gaps, from the people's
 * reports and the unassigned responsibilities: linear in people. */
void
_cto_analysis_finish_functions (CtoAnalysis *self)
{
  double threshold = cto_plan_get_overload_threshold (self->plan);
  double hours_per_fte = cto_plan_get_hours_per_fte (self->plan);

  for (guint f = 0; f < CTO_N_FUNCTIONS; f++)
    {
      CtoFunctionReport *report = &self->functions[f];

      g_ptr_array_set_size (report->people, 0);
      report->bus_factor = 0;
      report->overloaded = FALSE;
      report->gap_hours = 0;
      report->unassigned_effort = 0;
    }

  for (guint i = 0; i < self->unassigned->len; i++)
    {
      CtoResponsibility *responsibility = g_ptr_array_index (self->unassigned, i);

      self->functions[cto_responsibility_get_function (responsibility)].unassigned_effort +=
        cto_responsibility_get_effort (responsibility);
    }

  for (guint i = 0; i < self->people->len; i++)
    {
      PersonEntry *entry = g_ptr_array_index (self->people, i);
      CtoPersonReport *person = &entry->report;
      gboolean counted = cto_person_counts_in_bus_factor (person->person);

      for (guint f = 0; f < CTO_N_FUNCTIONS; f++)
        {
          CtoFunctionReport *report = &self->functions[f];

          if ((entry->functions & (1u << f)) == 0)
            continue;

          g_ptr_array_add (report->people, g_object_ref (person->person));
          if (counted)
            report->bus_factor++;

          if (person->overloaded)
            {
              double excess = person->load - person->capacity * threshold;

              report->overloaded = TRUE;
              report->gap_hours += excess * person->function_load[f] / person->load;
            }
        }
    }

  for (guint f = 0; f < CTO_N_FUNCTIONS; f++)
    {
      CtoFunctionReport *report = &self->functions[f];

      report->status = cto_coverage_from_counts (report->n_responsibilities, report->n_covered);

      report->gap_hours += report->unassigned_effort;
      report->gap_fte = hours_per_fte > 0 ? report->gap_hours / hours_per_fte : 0;
    }
}

/* One pass over people, one over responsibilities and their assignees, one
 * over people again: linear in the size of the plan. Each assignee is
 * looked up once. */
void
_cto_analysis_recompute (CtoAnalysis *self)
{
  GListModel *people;
  GListModel *responsibilities;
  double threshold;
  guint n_people;
  guint n_responsibilities;
  g_autoptr(GPtrArray) entries = NULL;

  clear_reports (self);
  self->generation++;
  self->whole = TRUE;
  g_clear_pointer (&self->changed_responsibilities, g_ptr_array_unref);
  g_clear_pointer (&self->changed_people, g_ptr_array_unref);
  g_clear_pointer (&self->positions, g_hash_table_unref);
  g_byte_array_set_size (self->counts, 0);
  for (guint f = 0; f < CTO_N_FUNCTIONS; f++)
    self->function_changed[f] = TRUE;

  if (self->plan == NULL)
    return;

  self->serial = _cto_plan_get_change_serial (self->plan);
  threshold = cto_plan_get_overload_threshold (self->plan);
  people = cto_plan_get_people (self->plan);
  responsibilities = cto_plan_get_responsibilities (self->plan);

  n_people = g_list_model_get_n_items (people);
  for (guint i = 0; i < n_people; i++)
    {
      g_autoptr(CtoPerson) person = g_list_model_get_item (people, i);
      PersonEntry *entry = person_entry_new (person);

      entry->generation = self->generation;
      g_ptr_array_add (self->people, entry);
      g_hash_table_insert (self->people_by_id, (gpointer) cto_person_get_id (person), entry);
    }

  entries = g_ptr_array_new ();
  n_responsibilities = g_list_model_get_n_items (responsibilities);
  g_byte_array_set_size (self->counts, n_responsibilities);
  for (guint i = 0; i < n_responsibilities; i++)
    {
      g_autoptr(CtoResponsibility) responsibility = g_list_model_get_item (responsibilities, i);
      CtoFunction function = cto_responsibility_get_function (responsibility);
      CtoFunctionReport *report;
      double effort = cto_responsibility_get_effort (responsibility);
      guint n_assignees = cto_responsibility_get_n_assignees (responsibility);
      double total_share;

      g_assert (function < CTO_N_FUNCTIONS);
      report = &self->functions[function];

      report->n_responsibilities++;
      report->effort += effort;

      if (n_assignees == 0)
        {
          self->counts->data[i] = 0;
          g_ptr_array_add (self->unassigned, g_object_ref (responsibility));
          continue;
        }

      g_ptr_array_set_size (entries, n_assignees);
      for (guint j = 0; j < n_assignees; j++)
        g_ptr_array_index (entries, j) =
          g_hash_table_lookup (self->people_by_id, cto_responsibility_get_assignee (responsibility, j)->person);

      self->counts->data[i] = _cto_analysis_responsibility_counts (responsibility, (PersonEntry **) entries->pdata,
                                                     n_assignees);
      _cto_analysis_add_counts (report, self->counts->data[i], 1);

      total_share = cto_responsibility_get_total_share (responsibility);

      for (guint j = 0; j < n_assignees; j++)
        {
          const CtoAssignment *assignment = cto_responsibility_get_assignee (responsibility, j);
          PersonEntry *entry = g_ptr_array_index (entries, j);
          double hours;

          if (entry == NULL)
            continue;

          hours = total_share > 0 ? effort * assignment->share / total_share : 0;
          entry->report.load += hours;
          entry->report.function_load[function] += hours;
          entry->functions |= 1u << function;
          g_ptr_array_add (entry->report.responsibilities, g_object_ref (responsibility));
        }
    }

  for (guint i = 0; i < self->people->len; i++)
    _cto_analysis_finish_person (g_ptr_array_index (self->people, i), threshold);

  _cto_analysis_finish_functions (self);
}

static void
plan_changed_cb (CtoAnalysis *self,
                 CtoPlan     *plan)
{
  const CtoPlanChange *change = _cto_plan_get_change (plan);

  /* An edit of who carries what, right after the last one followed, is
   * followed where it touches; anything else, over the whole plan. */
  if (change != NULL && change->serial == self->serial + 1 && !change->other &&
      change->assignees != NULL && _cto_analysis_follow_assignees (self, change->assignees))
    self->serial = change->serial;
  else
    _cto_analysis_recompute (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
cto_analysis_constructed (GObject *object)
{
  CtoAnalysis *self = (CtoAnalysis *) object;

  G_OBJECT_CLASS (cto_analysis_parent_class)->constructed (object);

  if (self->plan != NULL)
    self->plan_changed_id = g_signal_connect_swapped (self->plan, "changed",
                                                      G_CALLBACK (plan_changed_cb), self);
  _cto_analysis_recompute (self);
}

static void
cto_analysis_dispose (GObject *object)
{
  CtoAnalysis *self = (CtoAnalysis *) object;

  if (self->plan != NULL)
    g_clear_signal_handler (&self->plan_changed_id, self->plan);
  clear_reports (self);
  g_clear_pointer (&self->positions, g_hash_table_unref);
  g_clear_pointer (&self->changed_responsibilities, g_ptr_array_unref);
  g_clear_pointer (&self->changed_people, g_ptr_array_unref);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (cto_analysis_parent_class)->dispose (object);
}

static void
cto_analysis_finalize (GObject *object)
{
  CtoAnalysis *self = (CtoAnalysis *) object;

  for (guint f = 0; f < CTO_N_FUNCTIONS; f++)
    g_clear_pointer (&self->functions[f].people, g_ptr_array_unref);
  g_clear_pointer (&self->people_by_id, g_hash_table_unref);
  g_clear_pointer (&self->people, g_ptr_array_unref);
  g_clear_pointer (&self->unassigned, g_ptr_array_unref);
  g_clear_pointer (&self->counts, g_byte_array_unref);

  G_OBJECT_CLASS (cto_analysis_parent_class)->finalize (object);
}

static void
cto_analysis_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  CtoAnalysis *self = CTO_ANALYSIS (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cto_analysis_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  CtoAnalysis *self = CTO_ANALYSIS (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      self->plan = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cto_analysis_class_init (CtoAnalysisClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = cto_analysis_constructed;
  object_class->dispose = cto_analysis_dispose;
  object_class->finalize = cto_analysis_finalize;
  object_class->get_property = cto_analysis_get_property;
  object_class->set_property = cto_analysis_set_property;

  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL,
                         CTO_TYPE_PLAN,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CtoAnalysis::changed:
   *
   * Emitted after the analysis has followed a change of its plan.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
cto_analysis_init (CtoAnalysis *self)
{
  self->people = g_ptr_array_new_with_free_func (person_entry_free);
  self->people_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->unassigned = g_ptr_array_new_with_free_func (g_object_unref);
  self->counts = g_byte_array_new ();
  self->whole = TRUE;
  clear_function_reports (self);
}

/**
 * cto_analysis_new:
 * @plan: the plan to follow
 *
 * Creates the analysis of @plan. It is recomputed on each ::changed of the
 * plan, after which the analysis emits ::changed itself.
 */
CtoAnalysis *
cto_analysis_new (CtoPlan *plan)
{
  g_return_val_if_fail (CTO_IS_PLAN (plan), NULL);

  return g_object_new (CTO_TYPE_ANALYSIS, "plan", plan, NULL);
}

CtoPlan *
cto_analysis_get_plan (CtoAnalysis *self)
{
  g_return_val_if_fail (CTO_IS_ANALYSIS (self), NULL);

  return self->plan;
}

/**
 * cto_analysis_get_function:
 *
 * Returns: (transfer none): the report on @function, valid until the next
 * ::changed of the analysis.
 */
const CtoFunctionReport *
cto_analysis_get_function (CtoAnalysis *self,
                           CtoFunction  function)
{
  g_return_val_if_fail (CTO_IS_ANALYSIS (self), NULL);
  g_return_val_if_fail (function < CTO_N_FUNCTIONS, NULL);

  return &self->functions[function];
}

guint
cto_analysis_get_n_people (CtoAnalysis *self)
{
  g_return_val_if_fail (CTO_IS_ANALYSIS (self), 0);

  return self->people->len;
}

/**
 * cto_analysis_get_person_nth:
 *
 * Returns: (transfer none): the report on the person at @position in plan
 * order, valid until the next ::changed of the analysis.
 */
const CtoPersonReport *
cto_analysis_get_person_nth (CtoAnalysis *self,
                             guint        position)
{
  g_return_val_if_fail (CTO_IS_ANALYSIS (self), NULL);
  g_return_val_if_fail (position < self->people->len, NULL);

  return g_ptr_array_index (self->people, position);
}

/**
 * cto_analysis_get_person:
 *
 * Returns: (transfer none) (nullable): the report on @person, or %NULL when
 * @person is not in the plan as last analysed.
 */
const CtoPersonReport *
cto_analysis_get_person (CtoAnalysis *self,
                         CtoPerson   *person)
{
  PersonEntry *entry;

  g_return_val_if_fail (CTO_IS_ANALYSIS (self), NULL);
  g_return_val_if_fail (CTO_IS_PERSON (person), NULL);

  entry = g_hash_table_lookup (self->people_by_id, cto_person_get_id (person));
  if (entry == NULL || entry->report.person != person)
    return NULL;

  return &entry->report;
}

/**
 * cto_analysis_get_unassigned:
 *
 * Returns: (transfer none) (element-type CtoResponsibility): the
 * responsibilities without assignees, in plan order.
 */
GPtrArray *
cto_analysis_get_unassigned (CtoAnalysis *self)
{
  g_return_val_if_fail (CTO_IS_ANALYSIS (self), NULL);

  return self->unassigned;
}

/**
 * cto_analysis_get_person_hours:
 *
 * Returns: the hours per week of @responsibility that @person_id carries:
 * its effort in proportion of the person's share, 0 when not assigned.
 */
double
cto_analysis_get_person_hours (CtoAnalysis       *self,
                               CtoResponsibility *responsibility,
                               const char        *person_id)
{
  g_return_val_if_fail (CTO_IS_ANALYSIS (self), 0);
  g_return_val_if_fail (CTO_IS_RESPONSIBILITY (responsibility), 0);
  g_return_val_if_fail (person_id != NULL, 0);

  return cto_responsibility_get_effort (responsibility) *
         cto_responsibility_get_fraction (responsibility, person_id);
}

/**
 * cto_analysis_is_waiting_for_hire:
 *
 * Returns: whether @responsibility has assignees, all of them open roles
 */
gboolean
cto_analysis_is_waiting_for_hire (CtoAnalysis       *self,
                                  CtoResponsibility *responsibility)
{
  g_autofree PersonEntry **entries = NULL;
  guint n;

  g_return_val_if_fail (CTO_IS_ANALYSIS (self), FALSE);
  g_return_val_if_fail (CTO_IS_RESPONSIBILITY (responsibility), FALSE);

  n = cto_responsibility_get_n_assignees (responsibility);
  entries = g_new (PersonEntry *, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    entries[i] = g_hash_table_lookup (self->people_by_id,
                                      cto_responsibility_get_assignee (responsibility, i)->person);

  return entries_wait_for_hire (entries, n);
}

/**
 * cto_analysis_get_free_hours:
 *
 * Returns: the hours @person can still take before being overloaded:
 * capacity × overload threshold − load (negative when overloaded, by the
 * excess). 0 when @person is not in the plan.
 */
double
cto_analysis_get_free_hours (CtoAnalysis *self,
                             CtoPerson   *person)
{
  const CtoPersonReport *report;

  g_return_val_if_fail (CTO_IS_ANALYSIS (self), 0);

  report = cto_analysis_get_person (self, person);
  if (report == NULL)
    return 0;

  return report->capacity * cto_plan_get_overload_threshold (self->plan) - report->load;
}

static gboolean
carries_function (CtoAnalysis *self,
                  CtoFunction  function,
                  CtoPerson   *person)
{
  PersonEntry *entry = (PersonEntry *) cto_analysis_get_person (self, person);

  return entry != NULL && (entry->functions & (1u << function)) != 0;
}

/**
 * cto_analysis_compare_candidates:
 *
 * @hours: the hours the one chosen takes on
 *
 * Orders people as candidates for @hours of a responsibility of @function,
 * best first (PLAN-FORMAT.md section 5.2): those among the function's
 * people, then the most free hours, then plan order. Someone whom @hours
 * would overload is no candidate there: a list of every person, as the
 * window's pickers show, offers them after all who are, and those already
 * overloaded last of all.
 *
 * Returns: < 0 when @a comes before @b, > 0 after, 0 for the same person.
 */
int
cto_analysis_compare_candidates (CtoAnalysis *self,
                                 CtoFunction  function,
                                 double       hours,
                                 CtoPerson   *a,
                                 CtoPerson   *b)
{
  gboolean a_in, b_in;
  gboolean a_over, b_over;
  gboolean a_short, b_short;
  double a_free, b_free;

  g_return_val_if_fail (CTO_IS_ANALYSIS (self), 0);

  if (a == b)
    return 0;

  a_free = cto_analysis_get_free_hours (self, a);
  b_free = cto_analysis_get_free_hours (self, b);
  a_over = a_free < -OVERLOAD_TOLERANCE;
  b_over = b_free < -OVERLOAD_TOLERANCE;
  if (a_over != b_over)
    return a_over ? 1 : -1;

  a_short = a_free - hours < -OVERLOAD_TOLERANCE;
  b_short = b_free - hours < -OVERLOAD_TOLERANCE;
  if (a_short != b_short)
    return a_short ? 1 : -1;

  a_in = carries_function (self, function, a);
  b_in = carries_function (self, function, b);
  if (a_in != b_in)
    return a_in ? -1 : 1;

  if (a_free > b_free + OVERLOAD_TOLERANCE)
    return -1;
  if (b_free > a_free + OVERLOAD_TOLERANCE)
    return 1;

  return cto_plan_get_person_position (self->plan, a) - cto_plan_get_person_position (self->plan, b);
}

/**
 * cto_analysis_get_changed_responsibilities:
 *
 * What the last ::changed followed, for those that show the analysis and
 * need not show all of it again: the responsibilities whose assignees
 * changed, when nothing else of the plan did.
 *
 * Returns: (transfer none) (nullable) (element-type CtoResponsibility):
 * those responsibilities, or %NULL when anything may have changed.
 */
GPtrArray *
cto_analysis_get_changed_responsibilities (CtoAnalysis *self)
{
  g_return_val_if_fail (CTO_IS_ANALYSIS (self), NULL);

  return self->whole ? NULL : self->changed_responsibilities;
}

/**
 * cto_analysis_get_changed_people:
 *
 * Returns: (transfer none) (nullable) (element-type CtoPerson): the people
 * whose reports the last ::changed worked out again (those who carried a
 * changed responsibility before or carry it now), or %NULL when it went over
 * the whole plan.
 */
GPtrArray *
cto_analysis_get_changed_people (CtoAnalysis *self)
{
  g_return_val_if_fail (CTO_IS_ANALYSIS (self), NULL);

  return self->whole ? NULL : self->changed_people;
}

/**
 * cto_analysis_person_changed:
 *
 * Returns: whether the last ::changed may have changed the report on
 * @person: %TRUE unless it went over a few people only, not @person.
 */
gboolean
cto_analysis_person_changed (CtoAnalysis *self,
                             CtoPerson   *person)
{
  PersonEntry *entry;

  g_return_val_if_fail (CTO_IS_ANALYSIS (self), TRUE);
  g_return_val_if_fail (CTO_IS_PERSON (person), TRUE);

  entry = (PersonEntry *) cto_analysis_get_person (self, person);

  return self->whole || entry == NULL || entry->generation == self->generation;
}

/**
 * cto_analysis_function_changed:
 *
 * Returns: whether the last ::changed may have changed the report on
 * @function, or the report on one of its people.
 */
gboolean
cto_analysis_function_changed (CtoAnalysis *self,
                               CtoFunction  function)
{
  g_return_val_if_fail (CTO_IS_ANALYSIS (self), TRUE);
  g_return_val_if_fail (function < CTO_N_FUNCTIONS, TRUE);

  return self->whole || self->function_changed[function];
}
