/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-window"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "cto-window-private.h"

/*
 * Finding people: the search finds them (and what they carry) and the board
 * shows those it finds; a warning that names someone takes the user to
 * their card; and the coverage strip folds to one line a tile when the
 * window is short, so the panes below keep most of the height.
 */

/* Below this height, the coverage tiles take one line each. */
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
  gtk_box_set_spacing (self->coverage_box, compact ? 6 : 12);
  gtk_widget_set_margin_top (GTK_WIDGET (self->coverage_box), compact ? 6 : 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->coverage_box), compact ? 6 : 12);
  gtk_widget_set_margin_start (GTK_WIDGET (self->coverage_box), compact ? 6 : 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->coverage_box), compact ? 6 : 12);
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

static guint
board_position_of (CtoWindow *self,
                   CtoPerson *person)
{
  GListModel *people = G_LIST_MODEL (self->people_selection);
  guint n = g_list_model_get_n_items (people);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CtoPerson) shown = g_list_model_get_item (people, i);

      if (shown == person)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

void
_cto_window_show_person (CtoWindow *self,
                         CtoPerson *person)
{
  guint position;

  g_assert (CTO_IS_WINDOW (self));
  g_assert (CTO_IS_PERSON (person));

  adw_view_stack_set_visible_child_name (self->view_stack, "board");

  /* A search that hides the person gives way. */
  position = board_position_of (self, person);
  if (position == GTK_INVALID_LIST_POSITION && self->search_text != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      g_signal_emit_by_name (self->search_entry, "search-changed");
      position = board_position_of (self, person);
    }
  if (position == GTK_INVALID_LIST_POSITION)
    return;

  gtk_widget_activate_action (GTK_WIDGET (self->people_grid), "list.scroll-to-item", "u", position);
  g_set_object (&self->focus_person, person);
  self->focus_tries = 0;
  _cto_window_focus_pending_person (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self->people_grid));
}

typedef struct
{
  char *text;
  char *folded;
} Folded;

static void
folded_free (gpointer data)
{
  Folded *folded = data;

  g_free (folded->text);
  g_free (folded->folded);
  g_free (folded);
}

/*
 * Whether @text, a name, role or title, holds @search, case aside. Each
 * text is casefolded once and kept (@key: the text's object and which of
 * its texts), so that a keystroke only compares.
 */
static gboolean
text_has (CtoWindow  *self,
          gpointer    key,
          const char *text,
          const char *search)
{
  Folded *folded;

  if (text == NULL || text[0] == '\0')
    return FALSE;

  folded = g_hash_table_lookup (self->folded_texts, key);
  if (folded == NULL)
    {
      folded = g_new0 (Folded, 1);
      g_hash_table_insert (self->folded_texts, key, folded);
    }
  if (g_strcmp0 (folded->text, text) != 0)
    {
      g_free (folded->text);
      g_free (folded->folded);
      folded->text = g_strdup (text);
      folded->folded = g_utf8_casefold (text, -1);
    }

  return strstr (folded->folded, search) != NULL;
}

/* One pass over the people and one over the responsibilities: who and
 * what the search finds. */
static void
find (CtoWindow *self)
{
  GListModel *people = cto_plan_get_people (self->plan);
  GListModel *responsibilities = cto_plan_get_responsibilities (self->plan);
  const char *search = self->search_text;
  g_autoptr(GHashTable) named = g_hash_table_new (g_str_hash, g_str_equal);
  guint n;

  g_clear_pointer (&self->found_people, g_hash_table_unref);
  g_clear_pointer (&self->found_responsibilities, g_hash_table_unref);
  if (search == NULL)
    return;

  if (self->folded_texts == NULL)
    self->folded_texts = g_hash_table_new_full (NULL, NULL, NULL, folded_free);

  self->found_people = g_hash_table_new (NULL, NULL);
  self->found_responsibilities = g_hash_table_new (NULL, NULL);

  n = g_list_model_get_n_items (people);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CtoPerson) person = g_list_model_get_item (people, i);

      /* A person's name is keyed by the person, the role by the byte after. */
      if (text_has (self, person, cto_person_get_name (person), search) ||
          text_has (self, (char *) person + 1, cto_person_get_role (person), search))
        {
          g_hash_table_add (self->found_people, person);
          g_hash_table_add (named, (gpointer) cto_person_get_id (person));
        }
    }

  n = g_list_model_get_n_items (responsibilities);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CtoResponsibility) responsibility = g_list_model_get_item (responsibilities, i);
      guint n_assignees = cto_responsibility_get_n_assignees (responsibility);
      gboolean titled = text_has (self, responsibility, cto_responsibility_get_title (responsibility),
                                  search);
      gboolean carried = FALSE;

      for (guint a = 0; a < n_assignees && !carried; a++)
        carried = g_hash_table_contains (named, cto_responsibility_get_assignee (responsibility, a)->person);

      if (titled || carried)
        g_hash_table_add (self->found_responsibilities, responsibility);

      /* Who carries what the search finds shows on the board too. */
      if (titled)
        for (guint a = 0; a < n_assignees; a++)
          {
            CtoPerson *person =
              cto_plan_find_person (self->plan, cto_responsibility_get_assignee (responsibility, a)->person);

            if (person != NULL)
              g_hash_table_add (self->found_people, person);
          }
    }
}

gboolean
_cto_window_search_finds (CtoWindow         *self,
                          CtoResponsibility *responsibility)
{
  return self->found_responsibilities == NULL ||
         g_hash_table_contains (self->found_responsibilities, responsibility);
}

static gboolean
person_found (gpointer item,
              gpointer user_data)
{
  CtoWindow *self = user_data;

  return self->found_people == NULL || g_hash_table_contains (self->found_people, item);
}

static void
update_people_count (CtoWindow *self)
{
  guint n_people = g_list_model_get_n_items (cto_plan_get_people (self->plan));
  guint n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->people_model));
  g_autofree char *count = NULL;

  if (self->found_people != NULL)
    /* Translators: the people the search finds: "3 of 60 people" */
    count = g_strdup_printf (ngettext ("%u of %u person", "%u of %u people", n_people),
                             n_shown, n_people);
  else
    count = g_strdup_printf (ngettext ("%u person", "%u people", n_people), n_people);
  gtk_label_set_label (self->people_count_label, count);
}

void
_cto_window_update_search (CtoWindow       *self,
                           GtkFilterChange  change)
{
  g_assert (CTO_IS_WINDOW (self));

  find (self);
  gtk_filter_changed (GTK_FILTER (self->people_filter), change);
  update_people_count (self);
}

/* Whether @a and @b, sets or NULL for no search, hold the same. */
static gboolean
same_found (GHashTable *a,
            GHashTable *b)
{
  GHashTableIter iter;
  gpointer item;

  if (a == NULL || b == NULL)
    return a == b;
  if (g_hash_table_size (a) != g_hash_table_size (b))
    return FALSE;

  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &item, NULL))
    if (!g_hash_table_contains (b, item))
      return FALSE;

  return TRUE;
}

gboolean
_cto_window_update_search_after_edit (CtoWindow *self)
{
  g_autoptr(GHashTable) old_people = NULL;
  g_autoptr(GHashTable) old_responsibilities = NULL;
  gboolean same_responsibilities;

  g_assert (CTO_IS_WINDOW (self));

  old_people = g_steal_pointer (&self->found_people);
  old_responsibilities = g_steal_pointer (&self->found_responsibilities);
  find (self);
  same_responsibilities = same_found (old_responsibilities, self->found_responsibilities);

  /* The board's cards stay bound when it shows the same people. */
  if (!same_found (old_people, self->found_people))
    gtk_filter_changed (GTK_FILTER (self->people_filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_people_count (self);

  return !same_responsibilities;
}

/* Whether the search finds @person by name or role. */
static gboolean
names_person (CtoWindow *self,
              CtoPerson *person)
{
  return text_has (self, person, cto_person_get_name (person), self->search_text) ||
         text_has (self, (char *) person + 1, cto_person_get_role (person), self->search_text);
}

gboolean
_cto_window_update_search_after_assignees (CtoWindow *self,
                                           GPtrArray *responsibilities,
                                           GPtrArray *people)
{
  gboolean responsibilities_changed = FALSE;
  gboolean people_changed = FALSE;

  g_assert (CTO_IS_WINDOW (self));

  /* No search: it finds everything, whoever carries it. */
  if (self->found_responsibilities == NULL || self->found_people == NULL)
    return FALSE;

  /* What find() would say of these, and of nothing else: names, roles and
   * titles are as they were, and so is who carries everything else. */
  for (guint i = 0; i < responsibilities->len; i++)
    {
      CtoResponsibility *responsibility = g_ptr_array_index (responsibilities, i);
      guint n_assignees = cto_responsibility_get_n_assignees (responsibility);
      gboolean found = text_has (self, responsibility, cto_responsibility_get_title (responsibility),
                                 self->search_text);

      for (guint a = 0; a < n_assignees && !found; a++)
        {
          CtoPerson *person =
            cto_plan_find_person (self->plan, cto_responsibility_get_assignee (responsibility, a)->person);

          found = person != NULL && names_person (self, person);
        }

      if (found != g_hash_table_contains (self->found_responsibilities, responsibility))
        {
          if (found)
            g_hash_table_add (self->found_responsibilities, responsibility);
          else
            g_hash_table_remove (self->found_responsibilities, responsibility);
          responsibilities_changed = TRUE;
        }
    }

  /* Who carried them or carries them now: found by name, or for carrying
   * something the search finds by title. */
  for (guint i = 0; i < people->len; i++)
    {
      CtoPerson *person = g_ptr_array_index (people, i);
      const CtoPersonReport *report = cto_analysis_get_person (self->analysis, person);
      gboolean found = names_person (self, person);

      for (guint r = 0; report != NULL && r < report->responsibilities->len && !found; r++)
        {
          CtoResponsibility *carried = g_ptr_array_index (report->responsibilities, r);

          found = text_has (self, carried, cto_responsibility_get_title (carried), self->search_text);
        }

      if (found != g_hash_table_contains (self->found_people, person))
        {
          if (found)
            g_hash_table_add (self->found_people, person);
          else
            g_hash_table_remove (self->found_people, person);
          people_changed = TRUE;
        }
    }

  if (people_changed)
    {
      gtk_filter_changed (GTK_FILTER (self->people_filter), GTK_FILTER_CHANGE_DIFFERENT);
      update_people_count (self);
    }

  return responsibilities_changed;
}

void
_cto_window_set_people (CtoWindow  *self,
                        GListModel *people)
{
  /* Another plan: its objects are others, though they may reuse addresses. */
  g_clear_pointer (&self->folded_texts, g_hash_table_unref);
  find (self);
  gtk_filter_list_model_set_model (self->people_model, people);
  update_people_count (self);
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
  /* The board shows the people the search finds. */
  self->people_filter = gtk_custom_filter_new (person_found, self, NULL);
  self->people_model = gtk_filter_list_model_new (NULL, g_object_ref (GTK_FILTER (self->people_filter)));
  gtk_no_selection_set_model (self->people_selection, G_LIST_MODEL (self->people_model));
  g_signal_connect (self, "notify::default-height", G_CALLBACK (default_height_cb), NULL);
}

void
_cto_window_dispose_people (CtoWindow *self)
{
  g_clear_object (&self->focus_person);
  g_clear_object (&self->people_model);
  g_clear_object (&self->people_filter);
}

void
_cto_window_finalize_people (CtoWindow *self)
{
  g_clear_pointer (&self->found_people, g_hash_table_unref);
  g_clear_pointer (&self->found_responsibilities, g_hash_table_unref);
  g_clear_pointer (&self->folded_texts, g_hash_table_unref);
}
