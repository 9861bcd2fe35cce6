/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-window"

#include "config.h"

#include <glib/gi18n.h>

#include "cto-window-private.h"

/*
 * Finding people: the search finds them (and what they carry) and the board
 * shows those it finds; a warning that names someone takes the user to
 * their card; and the coverage strip folds to two short lines a tile when
 * the window is short, so the panes below keep most of the height.
 */

/* Below this height, the coverage tiles are compact. */
#define COMPACT_HEIGHT 700

static void
set_compact (CtoWindow *self,
             int        height)
{
  gboolean compact = height > 0 && height < COMPACT_HEIGHT;

  for (guint f = 0; f < CTO_N_FUNCTIONS; f++)
    cto_coverage_tile_set_compact (self->tiles[f], compact);

  /* Compact, the strip also keeps less room around and between its tiles,
   * so that four fit the width of a small screen. */
  gtk_box_set_spacing (self->coverage_box, compact ? 4 : 12);
  gtk_widget_set_margin_top (GTK_WIDGET (self->coverage_box), compact ? 6 : 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->coverage_box), compact ? 6 : 12);
  gtk_widget_set_margin_start (GTK_WIDGET (self->coverage_box), compact ? 4 : 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->coverage_box), compact ? 4 : 12);
}

static void
default_height_cb (CtoWindow *self)
{
  int width = 0, height = 0;

  /* Before the window has a size of its own, the size it will get. */
  if (self->tiles[0] != NULL && gtk_widget_get_height (GTK_WIDGET (self)) <= 0)
    {
      gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
      set_compact (self, height);
    }
}

void
_cto_window_fit_coverage (CtoWindow *self)
{
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  if (height > 0)
    set_compact (self, height);
}

/* The card of @person if the board has one bound, or NULL. */
static GtkWidget *
bound_card_of (CtoWindow *self,
               CtoPerson *person)
{
  GHashTableIter iter;
  gpointer card, item;

  g_hash_table_iter_init (&iter, self->lazy_cards.bound);
  while (g_hash_table_iter_next (&iter, &card, &item))
    if (gtk_list_item_get_item (item) == (gpointer) person)
      return card;

  return NULL;
}

static gboolean
focus_card (CtoWindow *self,
            CtoPerson *person)
{
  GtkWidget *card = bound_card_of (self, person);
  GtkWidget *cell;

  if (card == NULL || !gtk_widget_get_mapped (card))
    return FALSE;

  /* The grid's cell holds the focus for its card; show where it is, also
   * after a click. */
  gtk_window_set_focus_visible (GTK_WINDOW (self), TRUE);
  cell = gtk_widget_get_parent (card);
  if (cell == NULL || !gtk_widget_grab_focus (cell))
    gtk_widget_child_focus (card, GTK_DIR_TAB_FORWARD);

  return TRUE;
}

/* Called after each layout: the card scrolled to is there now. */
void
_cto_window_focus_pending_person (CtoWindow *self)
{
  if (self->focus_person == NULL)
    return;

  if (focus_card (self, self->focus_person) || ++self->focus_tries > 10)
    {
      g_clear_object (&self->focus_person);
      self->focus_tries = 0;
    }
}

void
_cto_window_show_person (CtoWindow *self,
                         CtoPerson *person)
{
  g_assert (CTO_IS_WINDOW (self));
  g_assert (CTO_IS_PERSON (person));

  if (_cto_window_reveal (self, GTK_WIDGET (self->people_grid),
                          G_LIST_MODEL (self->people_selection), person) == GTK_INVALID_LIST_POSITION)
    return;

  g_set_object (&self->focus_person, person);
  self->focus_tries = 0;
  _cto_window_focus_pending_person (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self->people_grid));
}

/* The id of the person whose card the board shows after @person_id's, or
 * else before it; NULL when the board shows no one else, or not them. */
char *
_cto_window_neighbour_of (CtoWindow  *self,
                          const char *person_id)
{
  GListModel *shown = G_LIST_MODEL (self->people_model);
  guint n = g_list_model_get_n_items (shown);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CtoPerson) person = g_list_model_get_item (shown, i);
      g_autoptr(CtoPerson) neighbour = NULL;

      if (g_strcmp0 (cto_person_get_id (person), person_id) != 0)
        continue;
      if (i + 1 < n)
        neighbour = g_list_model_get_item (shown, i + 1);
      else if (i > 0)
        neighbour = g_list_model_get_item (shown, i - 1);
      return neighbour != NULL ? g_strdup (cto_person_get_id (neighbour)) : NULL;
    }

  return NULL;
}

/* The focus, which was in the bar that goes with a person removed, on the
 * card beside theirs (@neighbour's), else in the search. */
void
_cto_window_focus_after_removal (CtoWindow  *self,
                                 const char *neighbour)
{
  CtoPerson *person = neighbour != NULL ? cto_plan_find_person (self->plan, neighbour) : NULL;

  if (person != NULL)
    _cto_window_show_person (self, person);
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

gboolean
_cto_window_search_finds (CtoWindow         *self,
                          CtoResponsibility *responsibility)
{
  return cto_plan_search_finds_responsibility (self->search, responsibility);
}

static gboolean
person_found (gpointer item,
              gpointer user_data)
{
  CtoWindow *self = user_data;

  /* In the what-if mode, where the search is out of sight, everyone left. */
  if (self->people_of != NULL)
    return cto_plan_find_person (self->people_of, cto_person_get_id (item)) != NULL;

  return cto_plan_search_finds_person (self->search, item);
}

void
_cto_window_show_people_of (CtoWindow *self,
                            CtoPlan   *plan)
{
  if (self->people_of == plan)
    return;

  g_set_object (&self->people_of, plan);
  gtk_filter_changed (GTK_FILTER (self->people_filter), GTK_FILTER_CHANGE_DIFFERENT);
}

/* How many people the board shows, of how many. */
void
_cto_window_update_people_count (CtoWindow *self)
{
  guint n_in_plan = g_list_model_get_n_items (cto_plan_get_people (self->plan));
  /* In the what-if mode, those of the plan without the person. */
  guint n_people = self->people_of != NULL ?
                   g_list_model_get_n_items (cto_plan_get_people (self->people_of)) : n_in_plan;
  guint n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->people_model));
  gboolean searched = self->people_of == NULL && cto_plan_search_get_text (self->search) != NULL;
  g_autofree char *count = NULL;

  if (searched)
    /* Translators: the people the search finds: "3 of 60 people" */
    count = g_strdup_printf (ngettext ("%u of %u person", "%u of %u people", n_people),
                             n_shown, n_people);
  else if (self->as_of_analysis != NULL && self->people_of == NULL)
    /* Translators: as of a day, how many of the plan's people are there then
     * (the others' cards are dimmed): "3 of 5 people there" */
    count = g_strdup_printf (ngettext ("%u of %u person there", "%u of %u people there", n_people),
                             cto_analysis_get_n_people (self->as_of_analysis), n_people);
  else
    count = g_strdup_printf (ngettext ("%u person", "%u people", n_people), n_people);
  gtk_label_set_label (self->people_count_label, count);

  /* A plan with no one asks for people; a search that finds no one says so. */
  if (n_in_plan == 0)
    gtk_stack_set_visible_child_name (self->people_stack, "empty");
  else if (n_shown == 0 && searched)
    gtk_stack_set_visible_child_name (self->people_stack, "none-found");
  else
    gtk_stack_set_visible_child_name (self->people_stack, "board");
}

static const GtkFilterChange filter_changes[] = {
  [CTO_PLAN_SEARCH_MORE_STRICT] = GTK_FILTER_CHANGE_MORE_STRICT,
  [CTO_PLAN_SEARCH_LESS_STRICT] = GTK_FILTER_CHANGE_LESS_STRICT,
  [CTO_PLAN_SEARCH_DIFFERENT] = GTK_FILTER_CHANGE_DIFFERENT,
};

gboolean
_cto_window_update_search (CtoWindow       *self,
                           const char      *text,
                           GtkFilterChange *change)
{
  CtoPlanSearchChange how;

  g_assert (CTO_IS_WINDOW (self));

  how = cto_plan_search_set_text (self->search, text);
  if (how == CTO_PLAN_SEARCH_SAME)
    return FALSE;

  *change = filter_changes[how];
  gtk_filter_changed (GTK_FILTER (self->people_filter), *change);
  _cto_window_update_people_count (self);

  return TRUE;
}

gboolean
_cto_window_update_search_after_edit (CtoWindow *self)
{
  gboolean people_changed, responsibilities_changed;

  g_assert (CTO_IS_WINDOW (self));

  cto_plan_search_set_plan (self->search, self->plan, &people_changed, &responsibilities_changed);

  /* The board's cards stay bound when it shows the same people. */
  if (people_changed)
    gtk_filter_changed (GTK_FILTER (self->people_filter), GTK_FILTER_CHANGE_DIFFERENT);
  _cto_window_update_people_count (self);

  return responsibilities_changed;
}

gboolean
_cto_window_update_search_after_assignees (CtoWindow *self,
                                           GPtrArray *responsibilities,
                                           GPtrArray *people)
{
  gboolean people_changed, responsibilities_changed;

  g_assert (CTO_IS_WINDOW (self));

  cto_plan_search_assignees_changed (self->search, responsibilities, people, self->analysis,
                                     &people_changed, &responsibilities_changed);
  if (people_changed)
    {
      gtk_filter_changed (GTK_FILTER (self->people_filter), GTK_FILTER_CHANGE_DIFFERENT);
      _cto_window_update_people_count (self);
    }

  return responsibilities_changed;
}

void
_cto_window_set_people (CtoWindow  *self,
                        GListModel *people)
{
  cto_plan_search_set_plan (self->search, self->plan, NULL, NULL);
  gtk_filter_list_model_set_model (self->people_model, people);
  _cto_window_update_people_count (self);
}

static gboolean
prepare_search_cb (gpointer user_data)
{
  CtoWindow *self = user_data;

  self->search_prepare_id = 0;
  cto_plan_search_prepare (self->search);

  return G_SOURCE_REMOVE;
}

/* The search field has the focus: text is coming. What the search looks
 * at is read in the meantime, rather than at the first keystroke. */
static void
search_focused_cb (CtoWindow *self)
{
  if (self->search_prepare_id == 0 && !gtk_widget_in_destruction (GTK_WIDGET (self)))
    self->search_prepare_id = g_idle_add_full (G_PRIORITY_LOW, prepare_search_cb, self, NULL);
}

static void
show_person_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CtoWindow *self = CTO_WINDOW (widget);
  CtoPerson *person = cto_plan_find_person (self->plan, g_variant_get_string (parameter, NULL));

  if (person != NULL)
    _cto_window_show_person (self, person);
}

void
_cto_window_class_init_people (GtkWidgetClass *widget_class)
{
  /* A person's id: scroll the board to their card and focus it. */
  gtk_widget_class_install_action (widget_class, "win.show-person", "s", show_person_action);
}

void
_cto_window_init_people (CtoWindow *self)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  /* The board shows the people the search finds. */
  self->search = cto_plan_search_new (NULL);
  g_signal_connect_swapped (focus, "enter", G_CALLBACK (search_focused_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), focus);
  self->people_filter = gtk_custom_filter_new (person_found, self, NULL);
  self->people_model = gtk_filter_list_model_new (NULL, g_object_ref (GTK_FILTER (self->people_filter)));
  gtk_no_selection_set_model (self->people_selection, G_LIST_MODEL (self->people_model));
  g_signal_connect (self, "notify::default-height", G_CALLBACK (default_height_cb), NULL);
}

void
_cto_window_dispose_people (CtoWindow *self)
{
  g_clear_handle_id (&self->search_prepare_id, g_source_remove);
  g_clear_object (&self->focus_person);
  g_clear_object (&self->people_model);
  g_clear_object (&self->people_filter);
  g_clear_object (&self->people_of);
}

void
_cto_window_finalize_people (CtoWindow *self)
{
  g_clear_object (&self->search);
}
