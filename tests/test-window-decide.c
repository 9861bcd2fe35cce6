/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "cto-org-chart-view.h"
#include "cto-org-layout.h"
#include "cto-person-card.h"
#include "cto-plan-io.h"
#include "cto-suggestions-pane.h"
#include "cto-suggestions.h"
#include "cto-tooltip.h"
#include "cto-what-if-bar.h"
#include "cto-window-private.h"
#include "display-test-util.h"

/* Suggestions and the what-if mode in the real window: each change one
 * undo step, the what-if left with the plan byte for byte unchanged. */

static CtoWindow *
window_new_example (void)
{
  g_autoptr(CtoPlan) plan = example_plan_new ();
  CtoWindow *window;

  window = window_new_with (plan);
  spin ();

  return window;
}

static gboolean
has_name (GtkWidget     *widget,
          gconstpointer  name)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_widget_get_name (widget), name) == 0;
}

static gboolean
is_suggestions_button (GtkWidget     *widget,
                       gconstpointer  data)
{
  const char *tooltip;

  if (!GTK_IS_MENU_BUTTON (widget) || g_strcmp0 (gtk_widget_get_name (widget), "suggestions-button") != 0)
    return FALSE;
  tooltip = cto_tooltip_get_text (widget);
  return tooltip != NULL && (strstr (tooltip, " suggestions: ") || strstr (tooltip, " suggestion: "));
}

/* A button that runs the action named @action. */
static gboolean
runs_action (GtkWidget     *widget,
             gconstpointer  action)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
}

static gboolean
is_apply_button (GtkWidget     *widget,
                 gconstpointer  data)
{
  return runs_action (widget, "win.apply-suggestion");
}

/* The window's shortcut for Escape alone, as a key press would find it. */
static GtkShortcutAction *
escape_action (CtoWindow *window)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == GDK_KEY_Escape &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == 0)
            return gtk_shortcut_get_action (shortcut);
        }
    }

  return NULL;
}

/* A menu button whose menu, made as it opens, has items. */
static gboolean
has_menu (GtkWidget     *widget,
          gconstpointer  data)
{
  GMenuModel *menu;

  if (!GTK_IS_MENU_BUTTON (widget))
    return FALSE;

  gtk_menu_button_popup (GTK_MENU_BUTTON (widget));
  menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget));
  gtk_menu_button_popdown (GTK_MENU_BUTTON (widget));

  return menu != NULL && g_menu_model_get_n_items (menu) > 0;
}

/* Whether @menu has an item for @action with the string @target. */
static gboolean
menu_offers (GMenuModel *menu,
             const char *action,
             const char *target)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GVariant) value = g_menu_model_get_item_attribute_value (menu, i, G_MENU_ATTRIBUTE_TARGET,
                                                                         G_VARIANT_TYPE_STRING);

      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &name) &&
          g_strcmp0 (name, action) == 0 &&
          (target == NULL ? value == NULL
                          : value != NULL && g_strcmp0 (g_variant_get_string (value, NULL), target) == 0))
        return TRUE;
    }

  return FALSE;
}

static gboolean
can_undo (gpointer history)
{
  return cto_history_get_can_undo (history);
}

static char *
bytes_of (CtoWindow *window)
{
  return cto_plan_io_to_data (window->plan, NULL);
}

static void
test_suggestions (void)
{
  CtoWindow *window = window_new_example ();
  CtoHistory *history = history_of (window);
  g_autofree char *before = bytes_of (window);
  g_autoptr(CtoSuggestions) expected = cto_suggestions_new (window->plan);
  g_autofree char *all = cto_plan_io_to_data (cto_suggestions_get_plan_after (expected), NULL);
  g_autofree char *after_all = NULL;
  g_autofree char *undone = NULL;
  guint n = cto_suggestions_get_n_items (expected);

  g_assert_cmpuint (n, >, 1);
  g_assert_cmpuint (_cto_window_get_n_suggestions (window), ==, n);

  /* The header says how many, in words; its list offers each. */
  {
    GtkWidget *button = find_widget (GTK_WIDGET (window), is_suggestions_button, NULL);
    g_autofree char *count = g_strdup_printf ("%u suggestions: ", n);
    g_autofree char *number = g_strdup_printf ("%u", n);

    g_assert_nonnull (button);
    g_assert_true (g_str_has_prefix (cto_tooltip_get_text (button), count));
    g_assert_cmpstr (adw_button_content_get_label (
                       ADW_BUTTON_CONTENT (gtk_menu_button_get_child (GTK_MENU_BUTTON (button)))),
                     ==, number);
    gtk_menu_button_popup (GTK_MENU_BUTTON (button));
    spin_for (g_getenv ("SHOT") ? 4 : 0.2);
    /* Opened, on the first suggestion: Apply All, above the list, is not
     * what a second Enter does. */
    {
      GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

      g_assert_nonnull (focus);
      g_assert_true (GTK_IS_LIST_BOX_ROW (focus));
      g_assert_cmpint (gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (focus)), ==, 0);
    }
    /* A real click on the first Apply. */
    g_assert_nonnull (find_widget (button, is_apply_button, NULL));
    g_assert_true (gtk_widget_activate (find_widget (button, is_apply_button, NULL)));
    spin_until (can_undo, history, 10);
    cto_history_undo (history);
    g_assert_false (cto_history_get_can_undo (history));
    spin ();
    gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
  }

  /* Apply one: one step, and the list follows. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.apply-suggestion", "u", 0));
  spin ();
  g_assert_cmpuint (_cto_window_get_n_suggestions (window), ==, n - 1);
  cto_history_undo (history);
  g_assert_false (cto_history_get_can_undo (history));
  spin ();
  g_assert_cmpuint (_cto_window_get_n_suggestions (window), ==, n);

  /* Apply All: one step. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.apply-all-suggestions", NULL));
  spin ();
  after_all = bytes_of (window);
  g_assert_cmpstr (after_all, ==, all);
  g_assert_cmpuint (_cto_window_get_n_suggestions (window), ==, 0);
  cto_history_undo (history);
  g_assert_false (cto_history_get_can_undo (history));
  undone = bytes_of (window);
  g_assert_cmpstr (undone, ==, before);

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
no_suggestions (gpointer window)
{
  return suggestions_fresh (window) && _cto_window_get_n_suggestions (window) == 0;
}

/* An Apply or Apply All takes its button away with the list made again: the
 * focus goes to the Apply now in its place, and with nothing left to
 * apply, the popover closes and gives it to its button. The keys never
 * reach nothing. */
static void
test_suggestions_keep_focus (void)
{
  CtoWindow *window = window_new_example ();
  GtkWidget *button = find_widget (GTK_WIDGET (window), is_suggestions_button, NULL);
  GtkWidget *popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
  guint n = _cto_window_get_n_suggestions (window);
  GtkWidget *focus;

  g_assert_cmpuint (n, >, 2);
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  spin_for (0.2);

  /* The first Apply, pressed: the next suggestion's Apply has the focus. */
  g_assert_true (gtk_widget_grab_focus (find_widget (popover, is_apply_button, NULL)));
  /* A button activated from the keyboard clicks when it comes back up. */
  g_assert_true (gtk_widget_activate (gtk_root_get_focus (GTK_ROOT (window))));
  spin_until (can_undo, history_of (window), 10);
  spin_until (suggestions_fresh, window, 10);
  spin ();
  g_assert_cmpuint (_cto_window_get_n_suggestions (window), ==, n - 1);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_true (is_apply_button (focus, NULL));
  g_assert_true (gtk_widget_is_ancestor (focus, popover));
  g_assert_true (gtk_widget_get_mapped (focus));

  /* Apply All by its mnemonic, the focus on a row: nothing left to apply,
   * and the focus back on the button. GTK 4.8 goes on naming the row taken
   * out of the popover as the focus, which no key reaches. */
  g_assert_true (gtk_widget_grab_focus (find_widget (popover, is_of_type, GSIZE_TO_POINTER (GTK_TYPE_LIST_BOX_ROW))));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.apply-all-suggestions", NULL));
  spin_until (no_suggestions, window, 10);
  spin ();
  g_assert_false (gtk_widget_get_visible (popover));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_true (focus == button || gtk_widget_is_ancestor (focus, button));

  /* Closed with the focus nowhere, it gives the focus to its button too. */
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  spin ();
  gtk_root_set_focus (GTK_ROOT (window), NULL);
  gtk_popover_popdown (GTK_POPOVER (popover));
  spin ();
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (focus == button || (focus != NULL && gtk_widget_is_ancestor (focus, button)));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Read only, as the what-if bar shows them, a row with the focus when the
 * list is made again leaves it on the row in its place. */
static void
test_suggestions_read_only_focus (void)
{
  g_autoptr(CtoPlan) plan = example_plan_new ();
  g_autoptr(CtoSuggestions) suggestions = cto_suggestions_new (plan);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *pane = cto_suggestions_pane_new ();
  GtkWidget *list;
  GtkListBoxRow *row;

  g_assert_cmpuint (cto_suggestions_get_n_items (suggestions), >, 1);
  gtk_window_set_child (GTK_WINDOW (window), pane);
  cto_suggestions_pane_set_suggestions (CTO_SUGGESTIONS_PANE (pane), suggestions, FALSE);
  gtk_window_present (GTK_WINDOW (window));
  spin_for (0.2);
  list = find_widget (pane, is_of_type, GSIZE_TO_POINTER (GTK_TYPE_LIST_BOX));
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 1);
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (row)));

  cto_suggestions_pane_set_suggestions (CTO_SUGGESTIONS_PANE (pane), suggestions, FALSE);
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 1);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == GTK_WIDGET (row));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* What stays unresolved names the first ones, as the list does, in a text
 * that is no Tab stop. */
static void
test_suggestions_unresolved_cut (void)
{
  g_autoptr(GString) json = g_string_new ("{ \"format\": \"cto-planner-plan\", \"version\": 1,"
                                          "  \"people\": [ { \"id\": \"ana\", \"name\": \"Ana\", \"capacity\": 1 } ],"
                                          "  \"responsibilities\": [");
  g_autoptr(CtoPlan) plan = NULL;
  g_autoptr(CtoSuggestions) suggestions = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  GtkWidget *pane = g_object_ref_sink (cto_suggestions_pane_new ());
  GtkWidget *label;

  for (guint i = 0; i < 30; i++)
    g_string_append_printf (json, "%s{ \"id\": \"r%u\", \"title\": \"Work %u\", \"function\": \"planning\", "
                            "\"effort\": 5 }", i > 0 ? "," : "", i, i);
  g_string_append (json, "] }");
  plan = cto_plan_io_load_data (json->str, json->len, &error);
  g_assert_no_error (error);
  suggestions = cto_suggestions_new (plan);
  g_assert_cmpuint (cto_suggestions_get_n_items (suggestions), ==, 0);

  cto_suggestions_pane_set_suggestions (CTO_SUGGESTIONS_PANE (pane), suggestions, TRUE);
  label = gtk_widget_get_last_child (pane);
  g_assert_true (GTK_IS_LABEL (label));
  g_assert_true (gtk_widget_get_visible (label));
  g_assert_false (gtk_label_get_selectable (GTK_LABEL (label)));
  lines = g_strsplit (gtk_label_get_label (GTK_LABEL (label)), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 13);
  g_assert_nonnull (strstr (lines[0], "Work 0"));
  g_assert_nonnull (strstr (lines[11], "Work 11"));
  g_assert_cmpstr (lines[12], ==, "and 18 more");

  g_object_unref (pane);
}

/* Whether the focus is on the card of @id, in the board's cell that holds it. */
static gboolean
focus_on_card_of (CtoWindow  *window,
                  const char *id)
{
  GtkWidget *grid = GTK_WIDGET (window->people_grid);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  if (focus == NULL || !gtk_widget_is_ancestor (focus, grid))
    return FALSE;
  for (GtkWidget *cell = focus; cell != grid; cell = gtk_widget_get_parent (cell))
    if (gtk_widget_get_parent (cell) == grid)
      {
        GtkWidget *card = gtk_widget_get_first_child (cell);

        return CTO_IS_PERSON_CARD (card) &&
               g_strcmp0 (cto_person_get_id (cto_person_card_get_person (CTO_PERSON_CARD (card))), id) == 0;
      }

  return FALSE;
}

static gboolean
focus_on_bo (gpointer window)
{
  return focus_on_card_of (window, "bo");
}

/* Mia's card comes after Bo's. */
static gboolean
focus_on_mia (gpointer window)
{
  return focus_on_card_of (window, "mia");
}

static gboolean
focus_in_search (gpointer data)
{
  CtoWindow *window = data;
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (window->search_entry));
}

static void
test_what_if (void)
{
  CtoWindow *window = window_new_example ();
  CtoHistory *history = history_of (window);
  g_autofree char *before = bytes_of (window);
  g_autofree char *left = NULL;
  g_autofree char *undone = NULL;

  /* A person's card offers the drill in its menu, which the keyboard reaches. */
  {
    CtoPerson *bo = cto_plan_find_person (window->plan, "bo");
    GtkWidget *card = find_widget (GTK_WIDGET (window->people_grid), is_card_of, bo);
    GtkWidget *button;

    g_assert_nonnull (card);
    cto_person_card_show_details (CTO_PERSON_CARD (card));
    button = find_widget (card, has_menu, NULL);
    g_assert_nonnull (button);
    g_assert_true (gtk_widget_get_focusable (button) || gtk_widget_get_focusable (gtk_widget_get_first_child (button)));
    /* The card's own action, which leads to Bo's what-if. */
    g_assert_true (menu_offers (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button)), "card.what-if", NULL));
    g_assert_true (gtk_widget_activate_action (card, "card.what-if", NULL));
    spin ();
    g_assert_cmpstr (_cto_window_get_what_if (window), ==, "bo");
    gtk_widget_activate_action (GTK_WIDGET (window), "win.what-if-close", NULL);
    spin ();
    g_assert_null (_cto_window_get_what_if (window));
  }

  /* Entered and left: nothing changed. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.what-if", "s", "bo"));
  spin ();
  g_assert_cmpstr (_cto_window_get_what_if (window), ==, "bo");
  /* The board shows the plan without Bo, and takes no edits. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (window->people_selection)), ==,
                    g_list_model_get_n_items (cto_plan_get_people (window->plan)) - 1);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (window->view_stack)));
  g_assert_false (gtk_widget_get_visible (window->responsibility_pane));
  g_assert_cmpstr (gtk_label_get_label (window->people_count_label), ==, "6 people");
  /* The coverage as it would be: the tiles follow the plan without Bo. */
  g_assert_true (_cto_window_get_card_analysis (window) != window->analysis);
  /* Escape leaves the mode. */
  g_assert_nonnull (escape_action (window));
  g_assert_true (gtk_shortcut_action_activate (escape_action (window), 0, GTK_WIDGET (window), NULL));
  spin ();
  g_assert_null (_cto_window_get_what_if (window));
  /* Back on Bo's card, not in the search. */
  spin_until (focus_on_bo, window, 10);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (window->view_stack)));
  g_assert_true (gtk_widget_get_visible (window->responsibility_pane));
  /* Out of the mode, Escape is left to others. */
  g_assert_false (gtk_shortcut_action_activate (escape_action (window), 0, GTK_WIDGET (window), NULL));
  g_assert_cmpstr (gtk_label_get_label (window->people_count_label), ==, "7 people");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (window->people_selection)), ==,
                    g_list_model_get_n_items (cto_plan_get_people (window->plan)));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.what-if", "s", "bo");
  spin ();
  /* An edit meanwhile (undo, a shortcut) is followed. */
  cto_plan_set_title (window->plan, "Changed");
  spin ();
  g_assert_cmpstr (_cto_window_get_what_if (window), ==, "bo");
  cto_history_undo (history);
  spin ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.what-if-close", NULL));
  spin ();
  g_assert_null (_cto_window_get_what_if (window));
  left = bytes_of (window);
  g_assert_cmpstr (left, ==, before);
  g_assert_false (cto_history_get_can_undo (history));

  /* Remove Them: one step; the focus, in the bar that goes, on the card
   * that came after theirs. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.what-if", "s", "bo");
  spin ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.what-if-remove", NULL));
  spin ();
  g_assert_null (_cto_window_get_what_if (window));
  g_assert_null (cto_plan_find_person (window->plan, "bo"));
  spin_until (focus_on_mia, window, 10);
  cto_history_undo (history);
  g_assert_false (cto_history_get_can_undo (history));
  undone = bytes_of (window);
  g_assert_cmpstr (undone, ==, before);

  /* With a search that finds them alone, in the search, and the board
   * says it finds no one. */
  gtk_editable_set_text (GTK_EDITABLE (window->search_entry), "Bo Lin");
  spin_for (0.4);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (window->people_selection)), ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.what-if", "s", "bo");
  spin ();
  /* The drill shows everyone left, whatever the search, which is out of
   * sight meanwhile. */
  g_assert_false (gtk_widget_get_visible (window->responsibility_pane));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (window->people_selection)), ==,
                    g_list_model_get_n_items (cto_plan_get_people (window->plan)) - 1);
  g_assert_cmpstr (gtk_label_get_label (window->people_count_label), ==, "6 people");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.what-if-remove", NULL));
  spin ();
  spin_until (focus_in_search, window, 10);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->people_stack), ==, "none-found");
  g_assert_cmpstr (gtk_label_get_label (window->people_count_label), ==, "0 of 6 people");
  cto_history_undo (history);
  spin ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->people_stack), ==, "board");
  gtk_editable_set_text (GTK_EDITABLE (window->search_entry), "");
  spin_for (0.4);
  /* Out of the search, as a card's menu takes the focus, where the mode
   * starts from. */
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (window->people_grid)));
  g_clear_pointer (&undone, g_free);
  undone = bytes_of (window);
  g_assert_cmpstr (undone, ==, before);

  /* Turn Into an Open Role: one step. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.what-if", "s", "bo");
  spin ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.what-if-open-role", NULL));
  spin ();
  g_assert_true (cto_person_get_open_role (cto_plan_find_person (window->plan, "bo")));
  /* The board shows the plan as it now is: the seat, by its new name,
   * carrying what Bo carried. */
  {
    CtoPerson *seat = cto_plan_find_person (window->plan, "bo");
    GtkWidget *card = find_widget (GTK_WIDGET (window->people_grid), is_card_of, seat);
    GtkWidget *name = NULL;
    GtkWidget *load = NULL;

    g_assert_nonnull (card);
    name = find_widget (card, has_name, "name");
    load = find_widget (card, has_name, "load");
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (name)), ==, cto_person_get_name (seat));
    g_assert_false (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (load)), "0 of"));
  }
  cto_history_undo (history);
  g_assert_false (cto_history_get_can_undo (history));
  g_clear_pointer (&undone, g_free);
  undone = bytes_of (window);
  g_assert_cmpstr (undone, ==, before);

  gtk_window_destroy (GTK_WINDOW (window));
}


/* Remove Them and Apply All: the plan the bar showed, with its suggestions
 * applied, in one undo step; the button above the list, in reach. */
static void
test_what_if_remove_apply (void)
{
  CtoWindow *window = window_new_example ();
  CtoHistory *history = history_of (window);
  g_autofree char *before = bytes_of (window);
  g_autofree char *expected = NULL;
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  CtoSuggestions *suggestions;
  GtkWidget *bar;
  GtkWidget *button;
  GtkWidget *list;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.what-if", "s", "bo"));
  spin ();
  bar = find_widget (GTK_WIDGET (window), is_of_type, GSIZE_TO_POINTER (CTO_TYPE_WHAT_IF_BAR));
  g_assert_nonnull (bar);
  suggestions = cto_what_if_bar_get_suggestions (CTO_WHAT_IF_BAR (bar));
  g_assert_nonnull (suggestions);
  g_assert_cmpuint (cto_suggestions_get_n_items (suggestions), >, 0);
  expected = cto_plan_io_to_data (cto_suggestions_get_plan_after (suggestions), NULL);

  button = find_widget (bar, runs_action, "win.what-if-remove-apply");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "Remove Them and _Apply All");
  list = find_widget (bar, is_of_type, GSIZE_TO_POINTER (GTK_TYPE_LIST_BOX));
  g_assert_nonnull (list);
  /* Beside how many there are, just above the list. */
  g_assert_true (gtk_widget_get_next_sibling (gtk_widget_get_parent (button)) == list);
  g_assert_true (gtk_widget_has_css_class (button, "destructive-action"));

  /* An edit meanwhile: it waits for the suggestions made after, as Apply
   * All does. */
  cto_plan_set_title (window->plan, "Changed");
  g_assert_false (gtk_widget_get_sensitive (button));
  spin_until (suggestions_fresh, window, 10);
  spin ();
  g_assert_true (gtk_widget_get_sensitive (button));
  cto_history_undo (history);
  spin_until (suggestions_fresh, window, 10);
  spin ();
  suggestions = cto_what_if_bar_get_suggestions (CTO_WHAT_IF_BAR (bar));
  g_assert_nonnull (suggestions);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.what-if-remove-apply", NULL));
  spin ();
  g_assert_null (_cto_window_get_what_if (window));
  /* The bar lets go of them, and of their copy of the plan. */
  g_assert_null (cto_what_if_bar_get_suggestions (CTO_WHAT_IF_BAR (bar)));
  g_assert_null (cto_plan_find_person (window->plan, "bo"));
  after = bytes_of (window);
  g_assert_cmpstr (after, ==, expected);
  spin_until (focus_on_mia, window, 10);

  g_assert_cmpstr (cto_history_get_undo_label (history), ==, "Remove Bo Lin and Apply the Suggestions");
  cto_history_undo (history);
  g_assert_false (cto_history_get_can_undo (history));
  undone = bytes_of (window);
  g_assert_cmpstr (undone, ==, before);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Someone alone in the plan: their leaving leaves work that no one can
 * take, so there is nothing to apply with their removal, and the button
 * is not there; Remove Them still is. */
static void
test_what_if_remove_apply_nothing (void)
{
  g_autoptr(CtoPlan) plan = plan_from_json (
    "{ \"format\": \"cto-planner-plan\", \"version\": 1, \"title\": \"Alone\","
    "  \"people\": [ { \"id\": \"solo\", \"name\": \"Sol Oyelaran\", \"capacity\": 40 } ],"
    "  \"responsibilities\": [ { \"id\": \"infra\", \"title\": \"Run the servers\","
    "    \"function\": \"infrastructure\", \"effort\": 4,"
    "    \"assignees\": [ { \"person\": \"solo\" } ] } ] }");
  CtoWindow *window = window_new_with (plan);
  GtkWidget *bar;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.what-if", "s", "solo"));
  spin_until (suggestions_fresh, window, 10);
  spin ();
  bar = find_widget (GTK_WIDGET (window), is_of_type, GSIZE_TO_POINTER (CTO_TYPE_WHAT_IF_BAR));
  g_assert_nonnull (bar);
  g_assert_cmpuint (cto_suggestions_get_n_items (cto_what_if_bar_get_suggestions (CTO_WHAT_IF_BAR (bar))), ==, 0);
  g_assert_false (gtk_widget_get_visible (find_widget (bar, runs_action, "win.what-if-remove-apply")));
  g_assert_false (gtk_widget_get_sensitive (find_widget (bar, runs_action, "win.what-if-remove-apply")));
  /* Its action, disabled, does nothing. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.what-if-remove-apply", NULL);
  spin ();
  g_assert_nonnull (cto_plan_find_person (window->plan, "solo"));
  g_assert_false (cto_history_get_can_undo (history_of (window)));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.what-if-remove", NULL));
  spin ();
  g_assert_null (cto_plan_find_person (window->plan, "solo"));
  /* With no card beside theirs, the focus in the search. */
  spin_until (focus_in_search, window, 10);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A plan opened while the what-if mode shows another's: the board shows
 * the new plan's figures, not those of the plan without the person. */
static void
test_what_if_then_open (void)
{
  CtoWindow *window = window_new_example ();
  g_autoptr(CtoPlan) other = plan_from_json (small_plan_json);
  GtkWidget *card;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.what-if", "s", "bo"));
  spin ();
  g_assert_cmpstr (_cto_window_get_what_if (window), ==, "bo");

  _cto_window_set_plan (window, other, NULL);
  spin ();
  g_assert_null (_cto_window_get_what_if (window));
  card = find_widget (GTK_WIDGET (window->people_grid), is_card_of, cto_plan_find_person (other, "ana"));
  g_assert_nonnull (card);
  cto_person_card_show_details (CTO_PERSON_CARD (card));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (find_widget (card, has_name, "load"))), ==,
                   "6 of 40 h · 15%");

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean scrolls (gpointer data);

/* The what-if of someone who carries much, with many suggestions: the
 * window keeps its size, the bar's words scroll. */
static void
test_what_if_keeps_size (void)
{
  CtoWindow *window = window_new_example ();
  int height = gtk_widget_get_height (GTK_WIDGET (window));
  int minimum;

  g_assert_cmpint (height, >, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.what-if", "s", "ravi"));
  spin_for (0.5);
  g_assert_cmpstr (_cto_window_get_what_if (window), ==, "ravi");
  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (GTK_WIDGET (window)),
                      &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, height);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (window)), ==, height);
  /* The words take two fifths of the window at most, and scroll. */
  {
    GtkWidget *scroller = widget_of_type (widget_of_type (GTK_WIDGET (window), CTO_TYPE_WHAT_IF_BAR),
                                          GTK_TYPE_SCROLLED_WINDOW);

    g_assert_cmpint (gtk_widget_get_height (scroller), <=, height * 2 / 5);
    g_assert_true (scrolls (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller))));
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A what-if with few words (no suggestions, two lines unresolved): the bar
 * is as tall as its words, with no empty space under them, and leaves most
 * of the window to the plan it describes. */
static void
test_what_if_fits_words (void)
{
  /* Bo leaves: Ana stays over, and his work is no one's. */
  g_autoptr(CtoPlan) plan = data_plan_new ("suggest-no-room.json");
  CtoWindow *window = window_new_with (plan);
  GtkWidget *bar;
  GtkWidget *scroller;
  GtkWidget *texts;
  int natural;

  spin ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.what-if", "s", "bo"));
  spin_for (0.5);
  bar = widget_of_type (GTK_WIDGET (window), CTO_TYPE_WHAT_IF_BAR);
  scroller = widget_of_type (bar, GTK_TYPE_SCROLLED_WINDOW);
  texts = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller));
  if (GTK_IS_VIEWPORT (texts))
    texts = gtk_viewport_get_child (GTK_VIEWPORT (texts));
  gtk_widget_measure (texts, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (texts),
                      NULL, &natural, NULL, NULL);
  /* As tall as the words at their width: no empty space under them. */
  g_assert_cmpint (natural, >, 0);
  g_assert_cmpint (gtk_widget_get_height (texts), ==, natural);
  g_assert_cmpint (gtk_widget_get_height (scroller), ==, natural);
  g_assert_cmpint (gtk_widget_get_height (bar), <, gtk_widget_get_height (GTK_WIDGET (window)) / 3);

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
scrolls (gpointer data)
{
  GtkAdjustment *adjustment = data;

  return gtk_adjustment_get_upper (adjustment) > gtk_adjustment_get_page_size (adjustment);
}

/* How many report to @id on the org chart as it shows, or -1 when the
 * chart has no box of theirs. */
/* The box of @id on the org chart as it shows, or NULL. */
static GtkWidget *
chart_box_of (CtoWindow  *window,
              const char *id)
{
  CtoOrgLayout *layout = cto_org_chart_view_get_layout (window->org_chart);

  for (guint node = 0; node < cto_org_layout_get_n_nodes (layout); node++)
    {
      CtoPerson *person = cto_org_layout_get_data (layout, node);

      if (g_strcmp0 (cto_person_get_id (person), id) == 0)
        return cto_org_chart_view_get_node (window->org_chart, person);
    }

  return NULL;
}

static int
chart_reports_of (CtoWindow  *window,
                  const char *id)
{
  CtoOrgLayout *layout = cto_org_chart_view_get_layout (window->org_chart);

  for (guint node = 0; node < cto_org_layout_get_n_nodes (layout); node++)
    if (g_strcmp0 (cto_person_get_id (cto_org_layout_get_data (layout, node)), id) == 0)
      return cto_org_layout_get_n_children (layout, node);

  return -1;
}

/* The org chart shows the plan as it would be too: without the person,
 * those who reported to them reporting to their manager, with no hint to
 * drag; and the plan again once the drill is left. */
static void
test_what_if_org_chart (void)
{
  CtoWindow *window = window_new_example ();
  GtkWidget *ana_box;

  _cto_window_choose_org_chart (window);
  spin ();
  g_assert_cmpint (chart_reports_of (window, "ana"), ==, 3);
  g_assert_cmpint (chart_reports_of (window, "ravi"), ==, 3);

  ana_box = chart_box_of (window, "ana");
  g_assert_nonnull (ana_box);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.what-if", "s", "ravi"));
  spin ();
  /* The chart in sight keeps its boxes, given the plan as it would be:
   * a large team's chart is not made anew. */
  g_assert_true (chart_box_of (window, "ana") == ana_box);
  g_assert_cmpint (chart_reports_of (window, "ravi"), ==, -1);
  g_assert_cmpint (chart_reports_of (window, "ana"), ==, 5);
  g_assert_cmpuint (cto_org_layout_get_n_nodes (cto_org_chart_view_get_layout (window->org_chart)), ==, 6);
  /* Nothing of it can be dragged meanwhile: the hint saying how is gone. */
  g_assert_true (_cto_window_org_chart_chosen (window));
  g_assert_false (gtk_widget_get_visible (window->org_chart_hint));

  /* Another person's drill, from the first. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.what-if", "s", "ana"));
  spin ();
  g_assert_cmpint (chart_reports_of (window, "ana"), ==, -1);
  g_assert_cmpint (chart_reports_of (window, "ravi"), ==, 3);
  g_assert_cmpuint (cto_org_layout_get_n_roots (cto_org_chart_view_get_layout (window->org_chart)), ==, 3);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.what-if-close", NULL));
  spin ();
  g_assert_true (cto_org_chart_view_get_analysis (window->org_chart) == window->analysis);
  g_assert_cmpint (chart_reports_of (window, "ana"), ==, 3);
  g_assert_cmpint (chart_reports_of (window, "ravi"), ==, 3);
  /* Back on Ana's card, on the board; the chart has its hint again. */
  g_assert_false (_cto_window_org_chart_chosen (window));
  _cto_window_choose_org_chart (window);
  spin ();
  g_assert_true (gtk_widget_get_visible (window->org_chart_hint));

  window_free (window);
}

/* Each drill opens at its heading, though the last one was scrolled down
 * to its suggestions. */
static void
test_what_if_opens_at_heading (void)
{
  CtoWindow *window = window_new_example ();
  GtkWidget *bar;
  GtkWidget *scroller;
  GtkAdjustment *adjustment;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.what-if", "s", "ravi"));
  spin_for (0.5);
  bar = find_widget (GTK_WIDGET (window), is_of_type, GSIZE_TO_POINTER (CTO_TYPE_WHAT_IF_BAR));
  g_assert_nonnull (bar);
  scroller = find_widget (bar, is_of_type, GSIZE_TO_POINTER (GTK_TYPE_SCROLLED_WINDOW));
  g_assert_nonnull (scroller);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  /* Ravi's drill is longer than the bar: it scrolls, once laid out. */
  spin_until (scrolls, adjustment, 20);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.what-if-close", NULL));
  spin ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.what-if", "s", "ravi"));
  spin_for (0.3);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A person added after the what-if mode was left gets a card like any
 * other: not dimmed, its menu working. */
static void
test_what_if_then_add (void)
{
  CtoWindow *window = window_new_example ();
  g_autoptr(CtoPerson) kim = cto_person_new ("kim", "Kim Schulz", "", 40, FALSE);
  GtkWidget *card;
  GtkWidget *button;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.what-if", "s", "bo"));
  spin ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.what-if-close", NULL));
  spin ();
  cto_plan_insert_person (window->plan, g_list_model_get_n_items (cto_plan_get_people (window->plan)), kim);
  spin_for (0.3);
  _cto_window_show_person (window, kim);
  spin_for (0.3);
  card = find_widget (GTK_WIDGET (window->people_grid), is_card_of, kim);
  g_assert_nonnull (card);
  g_assert_true (gtk_widget_is_sensitive (card));
  g_assert_cmpfloat (gtk_widget_get_opacity (card), ==, 1.0);
  cto_person_card_show_details (CTO_PERSON_CARD (card));
  button = find_widget (card, has_menu, NULL);
  g_assert_nonnull (button);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  display_test_init (&argc, &argv, "window-decide", "none");

  g_test_add_func ("/window-decide/suggestions/keep-focus", test_suggestions_keep_focus);
  g_test_add_func ("/window-decide/suggestions/unresolved-cut", test_suggestions_unresolved_cut);
  g_test_add_func ("/window-decide/suggestions/read-only-focus", test_suggestions_read_only_focus);
  g_test_add_func ("/window-decide/suggestions/apply-and-undo", test_suggestions);
  g_test_add_func ("/window-decide/what-if/left-unchanged-remove-open-role", test_what_if);
  g_test_add_func ("/window-decide/what-if/then-open", test_what_if_then_open);
  g_test_add_func ("/window-decide/what-if/remove-apply", test_what_if_remove_apply);
  g_test_add_func ("/window-decide/what-if/remove-apply-nothing", test_what_if_remove_apply_nothing);
  g_test_add_func ("/window-decide/what-if/then-add", test_what_if_then_add);
  g_test_add_func ("/window-decide/what-if/keeps-size", test_what_if_keeps_size);
  g_test_add_func ("/window-decide/what-if/fits-words", test_what_if_fits_words);
  g_test_add_func ("/window-decide/what-if/opens-at-heading", test_what_if_opens_at_heading);
  g_test_add_func ("/window-decide/what-if/org-chart", test_what_if_org_chart);

  return display_test_run ();
}
