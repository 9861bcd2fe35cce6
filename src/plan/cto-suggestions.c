/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-suggestions"

#include "config.h"

#include <math.h>
#include <stdlib.h>

#include <glib/gi18n-lib.h>

#include "cto-history.h"
#include "cto-suggestions.h"

/* PLAN-FORMAT.md section 3: values within this of each other are equal, for
 * overload as for order. */
#define TOLERANCE 1e-9

/*
 * The suggestions are worked out on a small model of the plan of our own
 * (loads, seats, who is among a function's people), changed as each one is
 * made; the plan with them applied is made once at the end.
 */
typedef struct
{
  guint   person;
  double  share;
} Seat;

typedef struct
{
  CtoResponsibility *responsibility;   /* borrowed from the plan */
  CtoFunction        function;
  double             effort;
  double             total_share;
  GArray            *seats;            /* Seat */
} Job;

typedef struct
{
  CtoPerson *person;                   /* borrowed from the plan */
  double     load;
  double     limit;                    /* capacity × overload threshold */
  gboolean   open_role;
  gboolean   given_up;
  GArray    *carried;                  /* guint: indices of jobs */
} Member;

typedef struct
{
  Member  *members;
  guint    n_members;
  Job     *jobs;
  guint    n_jobs;
  guint   *in_function;                /* [member × CTO_N_FUNCTIONS]: seats held */
  /* Those who may take work: not open roles, not overloaded, in plan order.
   * Nobody leaves it: a candidate is never overloaded by what it takes. */
  GArray  *available;                  /* guint */
} Model;

typedef struct
{
  guint   job;
  double  hours;
  gboolean covers;                     /* hours ≥ the excess */
} Offer;

struct _CtoSuggestions
{
  GObject      parent_instance;

  GArray      *items;                  /* CtoSuggestion */
  GPtrArray   *unresolved_overloaded;  /* char* ids */
  GPtrArray   *unresolved_unassigned;  /* char* ids */
  CtoPlan     *plan_after;
  CtoAnalysis *analysis_after;
  GDate        as_of;                  /* the day of the plan, if it is as of one */
};

G_DEFINE_FINAL_TYPE (CtoSuggestions, cto_suggestions, G_TYPE_OBJECT)

static void
suggestion_clear (gpointer data)
{
  CtoSuggestion *suggestion = data;

  g_clear_pointer (&suggestion->responsibility, g_free);
  g_clear_pointer (&suggestion->from, g_free);
  g_clear_pointer (&suggestion->to, g_free);
}

/* The model ---------------------------------------------------------------- */

static gboolean
member_overloaded (const Member *member)
{
  return member->load > member->limit + TOLERANCE;
}

static void
model_init (Model   *model,
            CtoPlan *plan)
{
  GListModel *people = cto_plan_get_people (plan);
  GListModel *responsibilities = cto_plan_get_responsibilities (plan);
  double threshold = cto_plan_get_overload_threshold (plan);
  g_autoptr(GHashTable) positions = g_hash_table_new (g_str_hash, g_str_equal);

  model->n_members = g_list_model_get_n_items (people);
  model->n_jobs = g_list_model_get_n_items (responsibilities);
  model->members = g_new0 (Member, MAX (model->n_members, 1));
  model->jobs = g_new0 (Job, MAX (model->n_jobs, 1));
  model->in_function = g_new0 (guint, MAX (model->n_members, 1) * CTO_N_FUNCTIONS);

  for (guint i = 0; i < model->n_members; i++)
    {
      Member *member = &model->members[i];
      CtoPerson *person = g_list_model_get_item (people, i);

      /* The plan holds the person for as long as the model lives. */
      g_object_unref (person);
      member->person = person;
      member->limit = cto_person_get_capacity (person) * threshold;
      member->open_role = cto_person_get_open_role (person);
      member->carried = g_array_new (FALSE, FALSE, sizeof (guint));
      g_hash_table_insert (positions, (gpointer) cto_person_get_id (person), GUINT_TO_POINTER (i + 1));
    }

  for (guint i = 0; i < model->n_jobs; i++)
    {
      Job *job = &model->jobs[i];
      CtoResponsibility *responsibility = g_list_model_get_item (responsibilities, i);
      guint n_assignees = cto_responsibility_get_n_assignees (responsibility);

      g_object_unref (responsibility);
      job->responsibility = responsibility;
      job->function = cto_responsibility_get_function (responsibility);
      job->effort = cto_responsibility_get_effort (responsibility);
      job->total_share = cto_responsibility_get_total_share (responsibility);
      job->seats = g_array_sized_new (FALSE, FALSE, sizeof (Seat), MAX (n_assignees, 1));

      for (guint j = 0; j < n_assignees; j++)
        {
          const CtoAssignment *assignment = cto_responsibility_get_assignee (responsibility, j);
          guint position = GPOINTER_TO_UINT (g_hash_table_lookup (positions, assignment->person));
          Seat seat;
          Member *member;

          if (position == 0)
            continue;

          seat.person = position - 1;
          seat.share = assignment->share;
          g_array_append_val (job->seats, seat);

          member = &model->members[seat.person];
          member->load += job->total_share > 0 ? job->effort * seat.share / job->total_share : 0;
          g_array_append_val (member->carried, i);
          model->in_function[seat.person * CTO_N_FUNCTIONS + job->function]++;
        }
    }

  model->available = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < model->n_members; i++)
    if (!model->members[i].open_role && !member_overloaded (&model->members[i]))
      g_array_append_val (model->available, i);
}

static void
model_clear (Model *model)
{
  for (guint i = 0; i < model->n_members; i++)
    g_array_unref (model->members[i].carried);
  for (guint i = 0; i < model->n_jobs; i++)
    g_array_unref (model->jobs[i].seats);
  g_free (model->members);
  g_free (model->jobs);
  g_free (model->in_function);
  g_array_unref (model->available);
}

static double
seat_hours (const Job  *job,
            const Seat *seat)
{
  return job->total_share > 0 ? job->effort * seat->share / job->total_share : 0;
}

static Seat *
job_find_seat (Job   *job,
               guint  person)
{
  for (guint i = 0; i < job->seats->len; i++)
    {
      Seat *seat = &g_array_index (job->seats, Seat, i);

      if (seat->person == person)
        return seat;
    }

  return NULL;
}

/* The best candidate to take @hours of @job: not an open role, not already
 * on it, not overloaded after taking it; those among the function's people
 * first, then the most free hours, then plan order. -1 when nobody is. */
static int
best_candidate (Model *model,
                Job   *job,
                double hours)
{
  int best = -1;
  gboolean best_inside = FALSE;
  double best_free = 0;

  for (guint i = 0; i < model->available->len; i++)
    {
      guint q = g_array_index (model->available, guint, i);
      const Member *member = &model->members[q];
      gboolean inside;
      double free_hours;

      if (member->load + hours > member->limit + TOLERANCE)
        continue;
      if (job_find_seat (job, q) != NULL)
        continue;

      inside = model->in_function[q * CTO_N_FUNCTIONS + job->function] > 0;
      free_hours = member->limit - member->load;

      if (best < 0 ||
          (inside && !best_inside) ||
          (inside == best_inside && free_hours > best_free + TOLERANCE))
        {
          best = (int) q;
          best_inside = inside;
          best_free = free_hours;
        }
    }

  return best;
}

/* Those that cover the excess, smallest first; then the rest, largest
 * first; equal hours in plan order. */
static int
compare_offers (const void *a,
                const void *b)
{
  const Offer *x = a;
  const Offer *y = b;

  if (x->covers != y->covers)
    return x->covers ? -1 : 1;

  if (fabs (x->hours - y->hours) > TOLERANCE)
    {
      if (x->covers)
        return x->hours < y->hours ? -1 : 1;
      return x->hours > y->hours ? -1 : 1;
    }

  return (x->job > y->job) - (x->job < y->job);
}

/* The overloaded person not given up on with the largest excess, the first
 * in plan order among equals; -1 when there is none. */
static int
most_overloaded (Model *model)
{
  int best = -1;
  double best_excess = 0;

  for (guint p = 0; p < model->n_members; p++)
    {
      const Member *member = &model->members[p];
      double excess = member->load - member->limit;

      if (member->given_up || !member_overloaded (member))
        continue;

      if (best < 0 || excess > best_excess + TOLERANCE)
        {
          best = (int) p;
          best_excess = excess;
        }
    }

  return best;
}

static void
add_suggestion (CtoSuggestions    *self,
                Model             *model,
                CtoSuggestionKind  kind,
                guint              job_index,
                int                from,
                guint              to,
                double             hours)
{
  Job *job = &model->jobs[job_index];
  CtoSuggestion suggestion = {
    .kind = kind,
    .responsibility = g_strdup (cto_responsibility_get_id (job->responsibility)),
    .function = job->function,
    .from = from >= 0 ? g_strdup (cto_person_get_id (model->members[from].person)) : NULL,
    .to = g_strdup (cto_person_get_id (model->members[to].person)),
    .hours = hours,
    .from_load = from >= 0 ? model->members[from].load : 0,
    .to_load = model->members[to].load,
  };

  g_array_append_val (self->items, suggestion);
}

/* Moves one seat of @job from @from to @to. */
static void
move_seat (Model *model,
           guint  job_index,
           guint  from,
           guint  to,
           double hours)
{
  Job *job = &model->jobs[job_index];
  Seat *seat = job_find_seat (job, from);
  Member *giver = &model->members[from];
  Member *taker = &model->members[to];

  g_assert (seat != NULL);
  seat->person = to;

  for (guint i = 0; i < giver->carried->len; i++)
    if (g_array_index (giver->carried, guint, i) == job_index)
      {
        g_array_remove_index (giver->carried, i);
        break;
      }
  g_array_append_val (taker->carried, job_index);

  giver->load -= hours;
  taker->load += hours;

  /* Relieved, the giver may take work in turn, in its place in plan order. */
  if (!giver->open_role && !member_overloaded (giver))
    {
      guint at = 0;

      while (at < model->available->len && g_array_index (model->available, guint, at) < from)
        at++;
      g_array_insert_val (model->available, at, from);
    }
  model->in_function[from * CTO_N_FUNCTIONS + job->function]--;
  model->in_function[to * CTO_N_FUNCTIONS + job->function]++;
}

/* Step 1 of section 5.2 for the person @p: moves one assignment of theirs
 * to its best candidate; FALSE when none of them has one. */
static gboolean
relieve (CtoSuggestions *self,
         Model          *model,
         guint           p,
         GArray         *offers)
{
  Member *member = &model->members[p];
  double excess = member->load - member->limit;

  g_array_set_size (offers, 0);
  for (guint i = 0; i < member->carried->len; i++)
    {
      guint job_index = g_array_index (member->carried, guint, i);
      Job *job = &model->jobs[job_index];
      Offer offer;

      offer.job = job_index;
      offer.hours = seat_hours (job, job_find_seat (job, p));
      /* An assignment that carries no hours never moves. */
      if (offer.hours <= TOLERANCE)
        continue;
      offer.covers = offer.hours >= excess - TOLERANCE;
      g_array_append_val (offers, offer);
    }

  if (offers->len > 1)
    qsort (offers->data, offers->len, sizeof (Offer), compare_offers);

  for (guint i = 0; i < offers->len; i++)
    {
      const Offer *offer = &g_array_index (offers, Offer, i);
      int q = best_candidate (model, &model->jobs[offer->job], offer->hours);

      if (q < 0)
        continue;

      move_seat (model, offer->job, p, (guint) q, offer->hours);
      add_suggestion (self, model, CTO_SUGGESTION_MOVE, offer->job, (int) p, (guint) q,
                      offer->hours);
      return TRUE;
    }

  return FALSE;
}

static void
suggest (CtoSuggestions *self,
         Model          *model)
{
  g_autoptr(GArray) offers = g_array_new (FALSE, FALSE, sizeof (Offer));
  int p;

  /* Each move takes an assignment from an overloaded person to one who is
   * not and never becomes so: it never moves again, and the loop ends. */
  while ((p = most_overloaded (model)) >= 0)
    {
      if (!relieve (self, model, (guint) p, offers))
        model->members[p].given_up = TRUE;
    }

  for (guint i = 0; i < model->n_jobs; i++)
    {
      Job *job = &model->jobs[i];
      Seat seat;
      int q;

      if (job->seats->len > 0)
        continue;

      q = best_candidate (model, job, job->effort);
      if (q < 0)
        continue;

      seat.person = (guint) q;
      seat.share = 1;
      g_array_append_val (job->seats, seat);
      job->total_share = 1;
      model->members[q].load += job->effort;
      g_array_append_val (model->members[q].carried, i);
      model->in_function[q * CTO_N_FUNCTIONS + job->function]++;
      add_suggestion (self, model, CTO_SUGGESTION_ASSIGN, i, -1, (guint) q, job->effort);
    }
}

/* Whether @responsibility is carried in @plan only by people not there on
 * @day: then it is unassigned in the plan as of @day. */
static gboolean
carried_only_by_absent (CtoPlan           *plan,
                        CtoResponsibility *responsibility,
                        const GDate       *day)
{
  if (day == NULL || !g_date_valid (day))
    return FALSE;

  for (guint i = 0; i < cto_responsibility_get_n_assignees (responsibility); i++)
    {
      const CtoAssignment *assignment = cto_responsibility_get_assignee (responsibility, i);
      CtoPerson *person = cto_plan_find_person (plan, assignment->person);

      if (person != NULL && cto_person_is_present (person, day))
        return FALSE;
    }

  return TRUE;
}

/* @to joins the people who carry @responsibility in the whole @plan, all
 * of them away on the day the suggestion was made for: @to carries it
 * alone then. Who was accountable in the whole plan stays so, also when
 * they were only by nature, as its only assignee. */
static gboolean
join_absent (CtoPlan           *plan,
             CtoResponsibility *responsibility,
             CtoPerson         *to)
{
  const char *accountable = cto_responsibility_find_accountable (responsibility);

  if (accountable != NULL && cto_responsibility_get_accountable (responsibility) == NULL)
    cto_plan_set_accountable (plan, responsibility, cto_plan_find_person (plan, accountable));

  return cto_plan_assign (plan, responsibility, to, 1);
}

/* Applies @suggestion, made for a plan as of @day (or %NULL), to @plan;
 * FALSE when the plan no longer allows it. @joined says whether @to
 * joined people away on @day (join_absent()). */
static gboolean
apply_one (const CtoSuggestion *suggestion,
           CtoPlan             *plan,
           const GDate         *day,
           gboolean            *joined)
{
  CtoResponsibility *responsibility = cto_plan_find_responsibility (plan, suggestion->responsibility);
  CtoPerson *to = cto_plan_find_person (plan, suggestion->to);
  CtoPerson *from = NULL;

  if (joined != NULL)
    *joined = FALSE;
  if (responsibility == NULL || to == NULL)
    return FALSE;
  if (cto_responsibility_find_assignee (responsibility, suggestion->to, NULL) != NULL)
    return FALSE;

  if (suggestion->kind == CTO_SUGGESTION_ASSIGN)
    {
      if (cto_responsibility_get_n_assignees (responsibility) == 0)
        return cto_plan_assign (plan, responsibility, to, 1);

      /* Unassigned on the day, but carried in the whole plan by people
       * who are gone then, or not yet there. */
      if (!carried_only_by_absent (plan, responsibility, day))
        return FALSE;
      if (joined != NULL)
        *joined = TRUE;
      return join_absent (plan, responsibility, to);
    }

  from = cto_plan_find_person (plan, suggestion->from);
  if (from == NULL || cto_responsibility_find_assignee (responsibility, suggestion->from, NULL) == NULL)
    return FALSE;

  return cto_plan_move_assignment (plan, responsibility, from, to);
}

/* GObject ------------------------------------------------------------------ */

static void
cto_suggestions_dispose (GObject *object)
{
  CtoSuggestions *self = (CtoSuggestions *) object;

  g_clear_object (&self->analysis_after);
  g_clear_object (&self->plan_after);

  G_OBJECT_CLASS (cto_suggestions_parent_class)->dispose (object);
}

static void
cto_suggestions_finalize (GObject *object)
{
  CtoSuggestions *self = (CtoSuggestions *) object;

  g_clear_pointer (&self->items, g_array_unref);
  g_clear_pointer (&self->unresolved_overloaded, g_ptr_array_unref);
  g_clear_pointer (&self->unresolved_unassigned, g_ptr_array_unref);

  G_OBJECT_CLASS (cto_suggestions_parent_class)->finalize (object);
}

static void
cto_suggestions_class_init (CtoSuggestionsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cto_suggestions_dispose;
  object_class->finalize = cto_suggestions_finalize;
}

static void
cto_suggestions_init (CtoSuggestions *self)
{
  self->items = g_array_new (FALSE, TRUE, sizeof (CtoSuggestion));
  g_array_set_clear_func (self->items, suggestion_clear);
  self->unresolved_overloaded = g_ptr_array_new_with_free_func (g_free);
  self->unresolved_unassigned = g_ptr_array_new_with_free_func (g_free);
  g_date_clear (&self->as_of, 1);
}

/* Public API --------------------------------------------------------------- */

/**
 * cto_suggestions_new:
 * @plan: the plan to rebalance
 *
 * Works out the rebalancing suggestions of PLAN-FORMAT.md section 5.2 for
 * @plan as it is now, each one on the plan as changed by those before, and
 * the plan with all of them applied. @plan is never touched.
 *
 * Returns: (transfer full): the suggestions
 */
CtoSuggestions *
cto_suggestions_new (CtoPlan *plan)
{
  CtoSuggestions *self;
  Model model = { 0 };
  guint n_people;

  g_return_val_if_fail (CTO_IS_PLAN (plan), NULL);

  self = g_object_new (CTO_TYPE_SUGGESTIONS, NULL);
  if (cto_plan_get_as_of (plan) != NULL)
    self->as_of = *cto_plan_get_as_of (plan);

  model_init (&model, plan);
  suggest (self, &model);
  model_clear (&model);

  self->plan_after = cto_plan_copy (plan);
  for (guint i = 0; i < self->items->len; i++)
    {
      gboolean applied = apply_one (&g_array_index (self->items, CtoSuggestion, i),
                                    self->plan_after, NULL, NULL);

      g_assert (applied);
    }
  cto_history_clear (cto_plan_get_history (self->plan_after));
  self->analysis_after = cto_analysis_new (self->plan_after);

  n_people = cto_analysis_get_n_people (self->analysis_after);
  for (guint i = 0; i < n_people; i++)
    {
      const CtoPersonReport *report = cto_analysis_get_person_nth (self->analysis_after, i);

      if (report->overloaded)
        g_ptr_array_add (self->unresolved_overloaded, g_strdup (cto_person_get_id (report->person)));
    }

  {
    GPtrArray *unassigned = cto_analysis_get_unassigned (self->analysis_after);

    for (guint i = 0; i < unassigned->len; i++)
      g_ptr_array_add (self->unresolved_unassigned,
                       g_strdup (cto_responsibility_get_id (g_ptr_array_index (unassigned, i))));
  }

  return self;
}

guint
cto_suggestions_get_n_items (CtoSuggestions *self)
{
  g_return_val_if_fail (CTO_IS_SUGGESTIONS (self), 0);

  return self->items->len;
}

/**
 * cto_suggestions_get_nth:
 *
 * Returns: (transfer none): the suggestion at @position, in the order they
 * were made (each on the plan as changed by those before).
 */
const CtoSuggestion *
cto_suggestions_get_nth (CtoSuggestions *self,
                         guint           position)
{
  g_return_val_if_fail (CTO_IS_SUGGESTIONS (self), NULL);
  g_return_val_if_fail (position < self->items->len, NULL);

  return &g_array_index (self->items, CtoSuggestion, position);
}

/**
 * cto_suggestions_get_unresolved_overloaded:
 *
 * Returns: (transfer none) (element-type utf8): ids of the people still
 * overloaded once every suggestion is applied, in plan order.
 */
GPtrArray *
cto_suggestions_get_unresolved_overloaded (CtoSuggestions *self)
{
  g_return_val_if_fail (CTO_IS_SUGGESTIONS (self), NULL);

  return self->unresolved_overloaded;
}

/**
 * cto_suggestions_get_unresolved_unassigned:
 *
 * Returns: (transfer none) (element-type utf8): ids of the responsibilities
 * still without assignees once every suggestion is applied, in plan order.
 */
GPtrArray *
cto_suggestions_get_unresolved_unassigned (CtoSuggestions *self)
{
  g_return_val_if_fail (CTO_IS_SUGGESTIONS (self), NULL);

  return self->unresolved_unassigned;
}

CtoPlan *
cto_suggestions_get_plan_after (CtoSuggestions *self)
{
  g_return_val_if_fail (CTO_IS_SUGGESTIONS (self), NULL);

  return self->plan_after;
}

CtoAnalysis *
cto_suggestions_get_analysis_after (CtoSuggestions *self)
{
  g_return_val_if_fail (CTO_IS_SUGGESTIONS (self), NULL);

  return self->analysis_after;
}

/**
 * cto_suggestion_apply:
 * @suggestion: a suggestion made for @plan
 * @plan: the plan to change
 *
 * Applies @suggestion to @plan as one undoable step.
 *
 * Returns: %TRUE when applied; %FALSE, with nothing changed, when the plan
 * no longer allows it.
 */
gboolean
cto_suggestion_apply (const CtoSuggestion *suggestion,
                      CtoPlan             *plan)
{
  CtoHistory *history;
  gboolean applied;

  g_return_val_if_fail (suggestion != NULL, FALSE);
  g_return_val_if_fail (CTO_IS_PLAN (plan), FALSE);

  history = cto_plan_get_history (plan);
  cto_history_begin_group (history, _("Apply Suggestion"));
  applied = apply_one (suggestion, plan, NULL, NULL);
  cto_history_end_group (history);

  return applied;
}

/**
 * cto_suggestions_apply_nth:
 * @self: suggestions made for @plan, or for @plan as of a day
 * @position: which
 * @plan: the plan to change
 *
 * Applies the suggestion at @position as cto_suggestion_apply() does, and
 * also a suggestion made for @plan as of a day to give a responsibility
 * unassigned then, while @plan has it carried only by people not there
 * that day: the person joins them (share 1), and carries it alone then;
 * who was accountable for it in the whole plan stays so.
 * @joined (nullable) says whether it was applied so.
 *
 * Returns: whether it was applied
 */
gboolean
cto_suggestions_apply_nth (CtoSuggestions *self,
                           guint           position,
                           CtoPlan        *plan,
                           gboolean       *joined)
{
  CtoHistory *history;
  gboolean applied;

  g_return_val_if_fail (CTO_IS_SUGGESTIONS (self), FALSE);
  g_return_val_if_fail (position < self->items->len, FALSE);
  g_return_val_if_fail (CTO_IS_PLAN (plan), FALSE);

  history = cto_plan_get_history (plan);
  cto_history_begin_group (history, _("Apply Suggestion"));
  applied = apply_one (&g_array_index (self->items, CtoSuggestion, position), plan, &self->as_of, joined);
  cto_history_end_group (history);

  return applied;
}

/**
 * cto_suggestions_apply_all:
 * @self: suggestions made for @plan as it is
 * @plan: the plan to change
 * @n_joined: (out) (optional): where to put how many of those applied
 *   joined people away on the day they were made for, as
 *   cto_suggestions_apply_nth() says of each
 *
 * Applies every suggestion, in order, to @plan as one undoable step. Those
 * the plan no longer allows are left out.
 *
 * Returns: how many were applied
 */
guint
cto_suggestions_apply_all (CtoSuggestions *self,
                           CtoPlan        *plan,
                           guint          *n_joined)
{
  CtoHistory *history;
  guint applied = 0;
  guint joined_count = 0;

  g_return_val_if_fail (CTO_IS_SUGGESTIONS (self), 0);
  g_return_val_if_fail (CTO_IS_PLAN (plan), 0);

  history = cto_plan_get_history (plan);
  cto_history_begin_group (history, _("Apply All Suggestions"));
  for (guint i = 0; i < self->items->len; i++)
    {
      gboolean joined;

      if (apply_one (&g_array_index (self->items, CtoSuggestion, i), plan, &self->as_of, &joined))
        {
          applied++;
          joined_count += joined;
        }
    }
  cto_history_end_group (history);

  if (n_joined != NULL)
    *n_joined = joined_count;

  return applied;
}
