/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-window-decide"

#include "config.h"

#include <glib/gi18n.h>

#include "cto-date.h"
#include "cto-departure.h"
#include "cto-suggestions-pane.h"
#include "cto-suggestions.h"
#include "cto-tooltip.h"
#include "cto-what-if-bar.h"
#include "cto-window-private.h"

/*
 * Helping to decide, in the window: a header button that counts the
 * rebalancing suggestions and lists them with Apply and Apply All, and the
 * what-if mode of a person leaving, marked by a bar, showing the coverage
 * without them until the user turns them into an open role, removes them
 * (with the suggestions for the plan without them applied, or not), or
 * leaves the mode with nothing changed. Every change is one undo step.
 */

/* Plans of more than this many people and responsibilities get their
 * suggestions, and what happens when someone leaves, worked out on another
 * thread: on a large plan that takes longer than a frame. Smaller ones take
 * less than a millisecond. */
#define MAX_ITEMS_AT_ONCE 2000
/* How many the main loop copies at a time for that thread (about a
 * millisecond's work). */
#define ITEMS_A_STEP 1000
/* How long edits of a large plan must pause before its suggestions are
 * worked out again. */
#define SETTLE_MS 250

struct _CtoWindowDecide
{
  CtoAnalysis        *analysis;        /* the window's, followed */
  gulong              changed_id;
  guint               idle_id;
  CtoSuggestions     *suggestions;     /* for the plan as it is, unless stale */
  gboolean            stale;           /* the plan changed since they were made */
  guint               generation;      /* of the requests for new suggestions */
  guint               settle_id;       /* a large plan's wait for edits to pause */
  GCancellable       *suggesting;      /* the work on a large plan's suggestions */

  GtkMenuButton      *button;
  CtoSuggestionsPane *pane;            /* in the button's popover */

  /* What-if mode */
  char               *person_id;       /* NULL: not in the mode */
  CtoDeparture       *departure;
  gboolean            departure_apart; /* made from a copy of the plan, on another thread */
  GCancellable       *departing;       /* the work on a large plan's departure */
  GtkRevealer        *revealer;
  CtoWhatIfBar       *bar;
  AdwButtonContent   *button_content;
};

/* The count on the button, and the list in its popover. */
static void
update_suggestions (CtoWindow *self)
{
  CtoWindowDecide *d = self->decide;
  guint n = cto_suggestions_get_n_items (d->suggestions);
  g_autofree char *count = g_strdup_printf (ngettext ("%u suggestion", "%u suggestions", n), n);
  g_autofree char *number = g_strdup_printf ("%u", n);
  /* Translators: the tooltip of the suggestions button: "3 suggestions: who could take what" */
  g_autofree char *tooltip = g_strdup_printf (_("%s: who could take what"), count);

  /* The header keeps its width for small screens: the button shows the
   * number beside its icon, and says the rest to tooltips and screen readers. */
  adw_button_content_set_label (d->button_content, number);
  cto_tooltip_set_text (GTK_WIDGET (d->button), tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (d->button),
                                   GTK_ACCESSIBLE_PROPERTY_LABEL, count, -1);
  cto_suggestions_pane_set_suggestions (d->pane, d->suggestions, TRUE);
}

/*
 * The board shows the plan without the person, @plan (NULL: the plan), and
 * takes no edits. It keeps the cards of the plan's people, which take their
 * figures from @plan (_cto_window_get_card_as_of()): those of a large team
 * are many, and making them all again would take several frames.
 */
static void
show_board_of (CtoWindow *self,
               CtoPlan   *plan,
               gboolean   editable)
{
  /* Sensitive before the cards change, insensitive after: a card let go of
   * under the insensitive board and placed again under the sensitive one
   * would stay insensitive (GTK 4.8 gives a widget its new parent's state
   * without taking back the old one's). */
  if (editable)
    gtk_widget_set_sensitive (GTK_WIDGET (self->view_stack), TRUE);
  _cto_window_show_people_of (self, plan);
  _cto_window_update_cards_as_of (self);
  if (!editable)
    gtk_widget_set_sensitive (GTK_WIDGET (self->view_stack), FALSE);
  /* The list follows the plan itself: out of the way while it is not shown. */
  gtk_widget_set_visible (self->responsibility_pane, editable);
}

static void
show_coverage_of (CtoWindow   *self,
                  CtoAnalysis *analysis)
{
  for (guint f = 0; f < CTO_N_FUNCTIONS; f++)
    cto_coverage_tile_update (self->tiles[f], analysis);
}

/* The org chart of the plan the cards show: the plan's, on the day shown,
 * or the plan without the person. */
static void
update_org_chart (CtoWindow *self)
{
  cto_org_chart_view_set_analysis (self->org_chart, _cto_window_get_card_analysis (self));
  cto_org_chart_view_set_as_of (self->org_chart, _cto_window_get_chart_as_of (self));
  _cto_window_update_org_chart_page (self);
}

/* Made on another thread: may be let go of there too (its plans are its
 * own). Here, not as the task's data: the task itself is let go of last
 * on the main thread. */
static void
unref_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  g_object_unref (task_data);
  g_task_return_boolean (task, TRUE);
}

/* Lets go of @object, suggestions or a departure no one shows, without
 * holding up the main loop: freeing the copies of a large plan they hold
 * takes a while. */
static void
unref_later (gpointer object)
{
  g_autoptr(GTask) task = NULL;

  if (object == NULL)
    return;

  task = g_task_new (NULL, NULL, NULL, NULL);
  g_task_set_task_data (task, object, NULL);
  g_task_run_in_thread (task, unref_thread);
}

/* Work under way on another thread that no one waits for any more: for
 * a plan edited since, or a drill left. */
static void
stop_work (GCancellable **cancellable)
{
  if (*cancellable != NULL)
    g_cancellable_cancel (*cancellable);
  g_clear_object (cancellable);
}

/* The same, for new work. */
static void
renew_cancellable (GCancellable **cancellable)
{
  stop_work (cancellable);
  *cancellable = g_cancellable_new ();
}

static gboolean
is_large (CtoPlan *plan)
{
  return g_list_model_get_n_items (cto_plan_get_people (plan)) +
         g_list_model_get_n_items (cto_plan_get_responsibilities (plan)) > MAX_ITEMS_AT_ONCE;
}

/* Once nothing shows it: a departure made apart from the plan, on another
 * thread, holds nothing of it and is let go of there too (a large plan's
 * copies take a while to free); one made from the plan itself, here. */
static void
let_go_of_departure (CtoDeparture *departure,
                     gboolean      apart)
{
  if (apart)
    unref_later (departure);
  else
    g_clear_object (&departure);
}

static void
leave_what_if (CtoWindow *self)
{
  CtoWindowDecide *d = self->decide;
  /* Gone before the cards show the plan's own figures again, so that they
   * follow the plan's analysis, not the one of the plan without the person. */
  CtoDeparture *departure = g_steal_pointer (&d->departure);

  g_clear_pointer (&d->person_id, g_free);
  stop_work (&d->departing);
  /* The bar's suggestions hold a copy of the plan without the person. */
  unref_later (cto_what_if_bar_take_suggestions (d->bar));
  /* Back to all the plan's people the search finds, with their own figures. */
  show_board_of (self, NULL, TRUE);
  gtk_revealer_set_reveal_child (d->revealer, FALSE);
  show_coverage_of (self, _cto_window_get_view_analysis (self));
  update_org_chart (self);
  /* The count of the whole plan's people, as the board shows them again. */
  _cto_window_update_people_count (self);
  _cto_window_update_decide_actions (self);
  let_go_of_departure (departure, d->departure_apart);
}

/*
 * The plan the person leaves: as of the day the window shows, when it shows
 * one (PLAN-FORMAT.md, section 6: the plan as of a day is a plan of its own,
 * without those not there), else the plan.
 */
static CtoPlan *
plan_shown (CtoWindow *self)
{
  return cto_analysis_get_plan (_cto_window_get_day_analysis (self));
}

/* The what-if bar, the coverage and the cards as they would be, with the
 * suggestions for the plan without the person (both taken); @apart, as
 * let_go_of_departure() says. */
static void
show_departure (CtoWindow      *self,
                CtoDeparture   *departure,
                CtoSuggestions *suggestions,
                gboolean        apart)
{
  CtoWindowDecide *d = self->decide;
  /* Let go of once nothing shows it. */
  CtoDeparture *old = g_steal_pointer (&d->departure);
  gboolean old_apart = d->departure_apart;

  d->departure = departure;
  d->departure_apart = apart;
  show_board_of (self, cto_departure_get_plan_after (d->departure), FALSE);
  show_coverage_of (self, cto_departure_get_analysis_after (d->departure));
  _cto_window_update_people_count (self);
  update_org_chart (self);
  unref_later (cto_what_if_bar_take_suggestions (d->bar));
  cto_what_if_bar_set_departure (d->bar, d->departure, suggestions);
  gtk_revealer_set_reveal_child (d->revealer, TRUE);
  _cto_window_update_decide_actions (self);
  let_go_of_departure (old, old_apart);
}

/* A large plan's departure and suggestions, worked out together. */
typedef struct
{
  CtoDeparture   *departure;
  CtoSuggestions *suggestions;
} WorkedOut;

static void
worked_out_free (WorkedOut *worked_out)
{
  unref_later (worked_out->departure);
  unref_later (worked_out->suggestions);
  g_free (worked_out);
}

static gpointer
depart_on_copy (CtoPlan      *copy,
                gpointer      person_id,
                GCancellable *cancellable)
{
  WorkedOut *worked_out = g_new0 (WorkedOut, 1);

  worked_out->departure = cto_departure_new (copy, person_id);
  if (worked_out->departure != NULL && !g_cancellable_is_cancelled (cancellable))
    worked_out->suggestions = cto_suggestions_new (cto_departure_get_plan_after (worked_out->departure));

  return worked_out;
}

static void
departed_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  CtoWindow *self = CTO_WINDOW (source);
  WorkedOut *worked_out = cto_plan_work_on_copy_finish (result, NULL);

  /* Not cancelled: the window still shows the drill it was made for, and
   * the plan is as it was copied (an edit meanwhile begins it again). */
  if (worked_out == NULL)
    return;

  g_clear_object (&self->decide->departing);
  /* Gone from the plan meanwhile (undone, say). */
  if (worked_out->departure == NULL)
    leave_what_if (self);
  else
    show_departure (self, g_steal_pointer (&worked_out->departure),
                    g_steal_pointer (&worked_out->suggestions), TRUE);
  worked_out_free (worked_out);
}

static void
update_what_if (CtoWindow *self)
{
  CtoWindowDecide *d = self->decide;
  CtoPlan *plan = plan_shown (self);
  CtoPerson *person = d->person_id != NULL ? cto_plan_find_person (plan, d->person_id) : NULL;
  CtoDeparture *departure;

  stop_work (&d->departing);
  if (person == NULL)
    {
      leave_what_if (self);
      return;
    }

  if (!is_large (plan))
    {
      departure = cto_departure_new (plan, d->person_id);
      show_departure (self, departure, cto_suggestions_new (cto_departure_get_plan_after (departure)), FALSE);
      return;
    }

  /* A large plan's takes longer than a frame: worked out on another thread,
   * while the bar says so over the board as it was, which takes no edits.
   * The plan is copied first, before the frames (a few frames' time), so
   * that the drill is shown without waiting for them. */
  unref_later (cto_what_if_bar_take_suggestions (d->bar));
  cto_what_if_bar_set_working (d->bar, person, cto_plan_get_as_of (plan));
  if (d->departure == NULL)
    show_board_of (self, NULL, FALSE);
  gtk_revealer_set_reveal_child (d->revealer, TRUE);
  _cto_window_update_decide_actions (self);
  renew_cancellable (&d->departing);
  cto_plan_work_on_copy_async (plan, self, ITEMS_A_STEP, G_PRIORITY_HIGH_IDLE,
                               depart_on_copy, g_strdup (d->person_id), g_free,
                               (GDestroyNotify) worked_out_free,
                               d->departing, departed_cb, NULL);
}

static void
show_new_suggestions (CtoWindow      *self,
                      CtoSuggestions *suggestions)
{
  CtoWindowDecide *d = self->decide;

  unref_later (g_steal_pointer (&d->suggestions));
  d->suggestions = suggestions;
  d->stale = FALSE;
  /* The actions first: the list gives the focus back to an Apply, which
   * takes it only once it can be pressed. */
  _cto_window_update_decide_actions (self);
  update_suggestions (self);
  if (d->person_id != NULL)
    update_what_if (self);
}

static gpointer
suggest_on_copy (CtoPlan      *copy,
                 gpointer      data,
                 GCancellable *cancellable)
{
  return cto_suggestions_new (copy);
}

static void
suggested_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  CtoWindow *self = CTO_WINDOW (source);
  g_autoptr(CtoSuggestions) suggestions = cto_plan_work_on_copy_finish (result, NULL);

  /* Made for the plan as it is, and the window still shows it. */
  if (suggestions == NULL || self->decide == NULL ||
      GPOINTER_TO_UINT (user_data) != self->decide->generation)
    {
      unref_later (g_steal_pointer (&suggestions));
      return;
    }

  show_new_suggestions (self, g_steal_pointer (&suggestions));
}

/*
 * For the plan as of the day chosen, when one is: who could take what then.
 * A small plan's at once; a large plan's from a copy, on another thread
 * (cto_plan_work_on_copy_async()), so that the window goes on drawing and
 * taking edits meanwhile; an edit meanwhile asks for them again, and those
 * under way are dropped.
 */
static gboolean
recompute_idle_cb (gpointer data)
{
  CtoWindow *self = data;
  CtoWindowDecide *d = self->decide;
  CtoPlan *plan = plan_shown (self);

  d->idle_id = 0;
  if (!is_large (plan))
    {
      stop_work (&d->suggesting);
      show_new_suggestions (self, cto_suggestions_new (plan));
      return G_SOURCE_REMOVE;
    }

  renew_cancellable (&d->suggesting);
  cto_plan_work_on_copy_async (plan, self, ITEMS_A_STEP, G_PRIORITY_LOW,
                               suggest_on_copy, NULL, NULL, unref_later,
                               d->suggesting, suggested_cb, GUINT_TO_POINTER (d->generation));

  return G_SOURCE_REMOVE;
}

static gboolean
settled_cb (gpointer data)
{
  CtoWindow *self = data;
  CtoWindowDecide *d = self->decide;

  d->settle_id = 0;
  if (d->idle_id == 0)
    d->idle_id = g_idle_add_full (G_PRIORITY_LOW, recompute_idle_cb, self, NULL);

  return G_SOURCE_REMOVE;
}

/* The suggestions shown are for the plan as it was: new ones, soon. On a
 * large plan, once the edits pause: each set takes a while to work out, on
 * another thread, and one for a plan edited meanwhile is dropped; until
 * then it would only compete with the frames that show the edits. */
static void
request_suggestions (CtoWindow *self)
{
  CtoWindowDecide *d = self->decide;

  cto_suggestions_pane_remember_focus (d->pane);
  d->stale = TRUE;
  d->generation++;
  stop_work (&d->suggesting);
  if (is_large (plan_shown (self)))
    {
      g_clear_handle_id (&d->settle_id, g_source_remove);
      g_clear_handle_id (&d->idle_id, g_source_remove);
      d->settle_id = g_timeout_add (SETTLE_MS, settled_cb, self);
    }
  else if (d->idle_id == 0 && d->settle_id == 0)
    {
      d->idle_id = g_idle_add_full (G_PRIORITY_LOW, recompute_idle_cb, self, NULL);
    }
  _cto_window_update_decide_actions (self);
}

/* After the window's own handler: the what-if coverage stays on the tiles
 * until the idle brings it up to date. */
static void
analysis_changed_cb (CtoWindow *self)
{
  CtoWindowDecide *d = self->decide;

  if (d->departure != NULL)
    show_coverage_of (self, cto_departure_get_analysis_after (d->departure));
  /* The drill being worked out is of the plan before: of this one now. */
  if (d->departing != NULL)
    update_what_if (self);

  request_suggestions (self);
}

/* Actions --------------------------------------------------------------- */

static void
apply_suggestion_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  CtoWindow *self = CTO_WINDOW (widget);
  CtoWindowDecide *d = self->decide;
  guint i = g_variant_get_uint32 (parameter);
  g_autoptr(CtoSuggestions) suggestions = NULL;
  const CtoSuggestion *suggestion;
  gboolean joined;

  if (d->suggestions == NULL || i >= cto_suggestions_get_n_items (d->suggestions))
    return;

  /* Held: the change may bring new suggestions before the toast is made. */
  suggestions = g_object_ref (d->suggestions);
  suggestion = cto_suggestions_get_nth (suggestions, i);
  if (!cto_suggestions_apply_nth (suggestions, i, self->plan, &joined))
    {
      _cto_window_toast_text (self, _("The plan has changed since this suggestion was made"), FALSE);
      return;
    }

  /* Made for the day shown, to give work unassigned then that the whole
   * plan has carried by people gone that day, or not yet there: the
   * person joined them, and the toast says so. */
  if (joined)
    {
      CtoPerson *to = cto_plan_find_person (self->plan, suggestion->to);
      CtoResponsibility *responsibility = cto_plan_find_responsibility (self->plan,
                                                                        suggestion->responsibility);
      /* Translators: a toast with an Undo button, after applying a suggestion under As of a day:
       * "Léa Martin now shares “Run the cloud” in the whole plan, and carries it alone on the day shown" */
      g_autofree char *text = g_strdup_printf (_("%s now shares “%s” in the whole plan, and carries it "
                                                 "alone on the day shown"),
                                               cto_person_get_name (to),
                                               cto_responsibility_get_title (responsibility));

      _cto_window_toast_text (self, text, TRUE);
    }
  else
    {
      _cto_window_toast_undo (self, _("Suggestion applied"));
    }
}

static void
apply_all_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CtoWindow *self = CTO_WINDOW (widget);
  CtoWindowDecide *d = self->decide;
  guint n, applied, joined;

  if (d->suggestions == NULL)
    return;

  n = cto_suggestions_get_n_items (d->suggestions);
  applied = cto_suggestions_apply_all (d->suggestions, self->plan, &joined);
  _cto_window_toast_applied (self, applied, n, joined, FALSE);
}

static void
what_if_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CtoWindow *self = CTO_WINDOW (widget);
  CtoWindowDecide *d = self->decide;
  const char *id = g_variant_get_string (parameter, NULL);
  CtoPerson *person = cto_plan_find_person (self->plan, id);

  /* Not there on the day shown: their leaving changes nothing then. */
  if (person != NULL && cto_plan_find_person (plan_shown (self), id) == NULL)
    {
      /* Translators: a toast, when What If They Leave? is chosen for someone
       * not there on the day the window shows: "Bo Lin is not there on the day shown" */
      g_autofree char *text = g_strdup_printf (_("%s is not there on the day shown"),
                                               cto_person_get_name (person));

      _cto_window_toast_text (self, text, FALSE);
      return;
    }

  g_free (d->person_id);
  d->person_id = g_strdup (id);
  update_what_if (self);
  if (d->person_id != NULL)
    cto_what_if_bar_begin (d->bar);
}

/* Back where the user was before the mode: on the person's card, which the
 * focus leaves for the bar, rather than wherever GTK puts it when the bar
 * goes (the search field). */
static void
focus_card_of (CtoWindow  *self,
               const char *person_id)
{
  CtoPerson *person = person_id != NULL ? cto_plan_find_person (self->plan, person_id) : NULL;

  if (person != NULL)
    _cto_window_show_person (self, person);
}

static void
what_if_close_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CtoWindow *self = CTO_WINDOW (widget);
  g_autofree char *id = g_strdup (self->decide->person_id);

  leave_what_if (self);
  focus_card_of (self, id);
}

static void
what_if_open_role_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  CtoWindow *self = CTO_WINDOW (widget);
  g_autofree char *id = g_strdup (self->decide->person_id);

  leave_what_if (self);
  if (id != NULL && cto_departure_make_open_role (self->plan, id))
    _cto_window_toast_undo (self, _("Turned into an open role"));
  focus_card_of (self, id);
}

/* As of a day: the person leaves on it, one undo step; the rest of the
 * plan stays as it is. */
static void
what_if_leave_then_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  CtoWindow *self = CTO_WINDOW (widget);
  g_autofree char *id = g_strdup (self->decide->person_id);
  const GDate *day = self->as_of_analysis != NULL ?
                     cto_plan_get_as_of (cto_analysis_get_plan (self->as_of_analysis)) : NULL;
  CtoPerson *person = id != NULL ? cto_plan_find_person (self->plan, id) : NULL;
  g_autoptr(GError) error = NULL;
  GDate last;

  if (person == NULL || day == NULL)
    return;

  last = *day;
  leave_what_if (self);
  if (cto_plan_set_person_dates (self->plan, person, cto_person_get_start (person), &last, &error))
    {
      g_autofree char *date = cto_date_format_long (&last);
      /* Translators: a toast with an Undo button, "Bo Lin leaves on 1 April 2027" */
      g_autofree char *text = g_strdup_printf (_("%s leaves on %s"), cto_person_get_name (person), date);

      _cto_window_toast_text (self, text, TRUE);
    }
  else
    {
      _cto_window_toast_text (self, error->message, FALSE);
    }
  focus_card_of (self, id);
}

/* The person removed, as the what-if showed it. */
static void
what_if_remove_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  CtoWindow *self = CTO_WINDOW (widget);
  g_autofree char *id = g_strdup (self->decide->person_id);
  g_autofree char *neighbour = NULL;

  /* Out of the mode first: the board shows them again. */
  leave_what_if (self);
  neighbour = id != NULL ? _cto_window_neighbour_of (self, id) : NULL;
  if (id != NULL && cto_departure_remove_person (self->plan, id))
    _cto_window_toast_undo (self, _("Person removed"));

  _cto_window_focus_after_removal (self, neighbour);
}

/* The person removed and the suggestions for the plan without them
 * applied, as the bar showed them: one undo step. */
static void
what_if_remove_apply_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  CtoWindow *self = CTO_WINDOW (widget);
  CtoWindowDecide *d = self->decide;
  g_autofree char *id = g_strdup (d->person_id);
  g_autofree char *neighbour = NULL;
  CtoSuggestions *shown = cto_what_if_bar_get_suggestions (d->bar);
  g_autoptr(CtoSuggestions) suggestions = NULL;
  guint joined = 0;
  int applied;

  if (id == NULL || shown == NULL || cto_plan_find_person (self->plan, id) == NULL)
    return;

  suggestions = g_object_ref (shown);
  leave_what_if (self);
  neighbour = _cto_window_neighbour_of (self, id);
  applied = cto_departure_remove_and_apply (self->plan, id, suggestions, &joined);
  g_assert (applied >= 0);
  _cto_window_toast_applied (self, (guint) applied, cto_suggestions_get_n_items (suggestions), joined, TRUE);
  _cto_window_focus_after_removal (self, neighbour);
}

/* Internal API ------------------------------------------------------------ */

void
_cto_window_update_decide_actions (CtoWindow *self)
{
  CtoWindowDecide *d = self->decide;
  gboolean what_if = d != NULL && d->person_id != NULL;
  CtoSuggestions *bar_suggestions = what_if ? cto_what_if_bar_get_suggestions (d->bar) : NULL;
  /* Suggestions made for the plan before an edit wait for those made after. */
  guint n = d != NULL && d->suggestions != NULL && !d->stale ?
            cto_suggestions_get_n_items (d->suggestions) : 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.apply-suggestion", n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.apply-all-suggestions", n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.what-if-close", what_if);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.what-if-open-role", what_if);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.what-if-remove", what_if);
  /* And the bar's suggestions, made with the what-if, wait as the others do. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.what-if-remove-apply",
                                 what_if && !d->stale && bar_suggestions != NULL &&
                                 cto_suggestions_get_n_items (bar_suggestions) > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.what-if-leave-then",
                                 what_if && self->as_of_analysis != NULL);
}

void
_cto_window_class_init_decide (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.apply-suggestion", "u", apply_suggestion_action);
  gtk_widget_class_install_action (widget_class, "win.apply-all-suggestions", NULL, apply_all_action);
  gtk_widget_class_install_action (widget_class, "win.what-if", "s", what_if_action);
  gtk_widget_class_install_action (widget_class, "win.what-if-close", NULL, what_if_close_action);
  gtk_widget_class_install_action (widget_class, "win.what-if-open-role", NULL, what_if_open_role_action);
  gtk_widget_class_install_action (widget_class, "win.what-if-remove", NULL, what_if_remove_action);
  gtk_widget_class_install_action (widget_class, "win.what-if-remove-apply", NULL,
                                   what_if_remove_apply_action);
  gtk_widget_class_install_action (widget_class, "win.what-if-leave-then", NULL, what_if_leave_then_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.what-if-close", NULL);
}

/* Closed with the focus nowhere (its list made again under it), the
 * popover gives it back to its button: GTK would leave it nowhere, or on a
 * row no longer in the window, and the keys with it. */
static void
popover_closed_cb (GtkPopover *popover,
                   CtoWindow  *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  /* Closed as the window goes. */
  if (self->decide == NULL)
    return;

  if (focus == NULL || gtk_widget_get_root (focus) != GTK_ROOT (self) ||
      gtk_widget_is_ancestor (focus, GTK_WIDGET (popover)))
    gtk_widget_grab_focus (GTK_WIDGET (self->decide->button));
}

static void
popover_shown_cb (GtkPopover *popover,
                  CtoWindow  *self)
{
  if (self->decide != NULL)
    cto_suggestions_pane_focus_first (self->decide->pane);
}

void
_cto_window_init_decide (CtoWindow *self)
{
  CtoWindowDecide *d = g_new0 (CtoWindowDecide, 1);
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();

  self->decide = d;

  /* The header control and its list. */
  d->pane = CTO_SUGGESTIONS_PANE (cto_suggestions_pane_new ());
  gtk_widget_set_margin_start (GTK_WIDGET (d->pane), 6);
  gtk_widget_set_margin_end (GTK_WIDGET (d->pane), 6);
  gtk_widget_set_margin_top (GTK_WIDGET (d->pane), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (d->pane), 6);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (d->pane));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 480);
  gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_min_content_width (GTK_SCROLLED_WINDOW (scroller), 440);
  gtk_popover_set_child (GTK_POPOVER (popover), scroller);
  d->button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  d->button_content = ADW_BUTTON_CONTENT (adw_button_content_new ());
  adw_button_content_set_icon_name (d->button_content, "power-profile-balanced-symbolic");
  gtk_menu_button_set_child (d->button, GTK_WIDGET (d->button_content));
  gtk_widget_set_name (GTK_WIDGET (d->button), "suggestions-button");
  gtk_menu_button_set_popover (d->button, popover);
  g_signal_connect_after (popover, "closed", G_CALLBACK (popover_closed_cb), self);
  g_signal_connect_after (popover, "show", G_CALLBACK (popover_shown_cb), self);
  cto_tooltip_set_text (GTK_WIDGET (d->button), _("Who could take what"));
  adw_header_bar_pack_end (self->header_bar, GTK_WIDGET (d->button));

  /* The what-if bar, under the header bar. */
  d->bar = CTO_WHAT_IF_BAR (cto_what_if_bar_new ());
  d->revealer = GTK_REVEALER (gtk_revealer_new ());
  gtk_revealer_set_child (d->revealer, GTK_WIDGET (d->bar));
  gtk_box_insert_child_after (self->plan_box, GTK_WIDGET (d->revealer),
                              GTK_WIDGET (self->header_bar));

  _cto_window_update_decide_actions (self);
}

void
_cto_window_refresh_suggestions (CtoWindow *self)
{
  CtoWindowDecide *d = self->decide;

  if (d == NULL)
    return;

  request_suggestions (self);
}

void
_cto_window_update_decide (CtoWindow *self)
{
  CtoWindowDecide *d = self->decide;

  if (d->analysis != NULL)
    g_clear_signal_handler (&d->changed_id, d->analysis);
  g_set_object (&d->analysis, self->analysis);
  d->changed_id = g_signal_connect_swapped (d->analysis, "changed", G_CALLBACK (analysis_changed_cb), self);

  /* Another plan: the what-if of the one before means nothing. Out of it,
   * the board and the tiles already show the new plan. */
  if (d->person_id != NULL || d->departure != NULL)
    leave_what_if (self);

  /* Worked out once the window has shown the plan: on a large plan it takes
   * a moment, which the first frame does not wait for. */
  unref_later (g_steal_pointer (&d->suggestions));
  adw_button_content_set_label (d->button_content, "…");
  cto_tooltip_set_text (GTK_WIDGET (d->button), _("Who could take what"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (d->button),
                                   GTK_ACCESSIBLE_PROPERTY_LABEL, _("Suggestions"), -1);
  g_clear_handle_id (&d->idle_id, g_source_remove);
  g_clear_handle_id (&d->settle_id, g_source_remove);
  stop_work (&d->suggesting);
  request_suggestions (self);
}

void
_cto_window_dispose_decide (CtoWindow *self)
{
  CtoWindowDecide *d = self->decide;

  if (d == NULL)
    return;

  g_clear_handle_id (&d->idle_id, g_source_remove);
  g_clear_handle_id (&d->settle_id, g_source_remove);
  stop_work (&d->suggesting);
  stop_work (&d->departing);
  if (d->analysis != NULL)
    g_clear_signal_handler (&d->changed_id, d->analysis);
  g_clear_object (&d->analysis);
  g_clear_object (&d->suggestions);
  g_clear_object (&d->departure);
  g_clear_pointer (&d->person_id, g_free);
  g_clear_pointer (&self->decide, g_free);
}

void
_cto_window_fit_what_if (CtoWindow *self)
{
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  if (self->decide != NULL && height > 0)
    cto_what_if_bar_fit_height (self->decide->bar, height);
}

void
_cto_window_update_what_if (CtoWindow *self)
{
  if (self->decide != NULL && self->decide->person_id != NULL)
    update_what_if (self);
}

/* For the display tests: whether the what-if mode shows, and for whom. */
const char *
_cto_window_get_what_if (CtoWindow *self)
{
  return self->decide != NULL ? self->decide->person_id : NULL;
}

gboolean
_cto_window_get_suggestions_pending (CtoWindow *self)
{
  CtoWindowDecide *d = self->decide;

  return d != NULL && d->stale;
}

gboolean
_cto_window_get_what_if_pending (CtoWindow *self)
{
  CtoWindowDecide *d = self->decide;

  return d != NULL && d->departing != NULL;
}

guint
_cto_window_get_n_suggestions (CtoWindow *self)
{
  CtoWindowDecide *d = self->decide;

  return d != NULL && d->suggestions != NULL ? cto_suggestions_get_n_items (d->suggestions) : 0;
}

CtoAnalysis *
_cto_window_get_card_analysis (CtoWindow *self)
{
  CtoWindowDecide *d = self->decide;

  if (d != NULL && d->departure != NULL)
    return cto_departure_get_analysis_after (d->departure);

  return self->analysis;
}
