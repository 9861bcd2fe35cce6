/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "cto-assignment-chip.h"
#include "cto-person-card.h"
#include "cto-responsibility-row.h"
#include "cto-window-private.h"
#include "display-test-util.h"

/* Finding people in a real team: the search, and the pickers of Assign to…
 * and of a chip, best fit first. */

/* Helpers ------------------------------------------------------------------ */

static gboolean
is_check_labelled (GtkWidget     *widget,
                   gconstpointer  label)
{
  return GTK_IS_CHECK_BUTTON (widget) &&
         g_strcmp0 (gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)), label) == 0;
}

static gboolean
is_chip_of (GtkWidget     *widget,
            gconstpointer  id)
{
  CtoResponsibility *responsibility;

  if (!CTO_IS_ASSIGNMENT_CHIP (widget))
    return FALSE;

  responsibility = cto_assignment_chip_get_responsibility (CTO_ASSIGNMENT_CHIP (widget));
  return responsibility != NULL && g_strcmp0 (cto_responsibility_get_id (responsibility), id) == 0;
}

static void
add_person (CtoPlan    *plan,
            const char *id,
            const char *name,
            const char *role,
            double      capacity)
{
  g_autoptr(CtoPerson) person = cto_person_new (id, name, role, capacity, FALSE);

  cto_plan_insert_person (plan, G_MAXUINT, person);
}

static void
add_responsibility (CtoPlan     *plan,
                    const char  *id,
                    const char  *title,
                    CtoFunction  function,
                    double       effort,
                    const char  *person_id)
{
  g_autoptr(CtoResponsibility) responsibility = cto_responsibility_new (id, title, function, effort, "");

  cto_plan_insert_responsibility (plan, G_MAXUINT, responsibility);
  if (person_id != NULL)
    cto_plan_assign (plan, responsibility, cto_plan_find_person (plan, person_id), 1);
}

static GtkWidget *
open_menu_button (GtkWidget *root)
{
  GtkWidget *button = find_widget (root, is_of_type, GSIZE_TO_POINTER (GTK_TYPE_MENU_BUTTON));
  GtkWidget *popover;

  g_assert_nonnull (button);
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  spin ();
  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
  g_assert_nonnull (popover);

  return popover;
}

/* The ids of the people a picker lists, in its order, joined by spaces. */
static char *
listed (GtkWidget *popover)
{
  GtkWidget *list = find_widget (popover, is_of_type, GSIZE_TO_POINTER (GTK_TYPE_LIST_VIEW));
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list)));
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CtoPerson) person = g_list_model_get_item (model, i);

      g_string_append_printf (ids, "%s%s", i ? " " : "", cto_person_get_id (person));
    }

  return g_string_free (g_steal_pointer (&ids), FALSE);
}

static void
type_and_enter (GtkWidget  *popover,
                const char *text)
{
  GtkWidget *entry = find_widget (popover, is_of_type, GSIZE_TO_POINTER (GTK_TYPE_SEARCH_ENTRY));

  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_signal_emit_by_name (entry, "search-changed");
  spin ();
  g_signal_emit_by_name (entry, "activate");
  spin ();
}

static gboolean
carries (CtoWindow  *window,
         const char *responsibility_id,
         const char *person_id)
{
  return cto_responsibility_find_assignee (cto_plan_find_responsibility (window->plan, responsibility_id),
                                           person_id, NULL) != NULL;
}

/* Pickers ------------------------------------------------------------------ */

/*
 * Ana and Cy already work in infrastructure, with 10 and 5 hours free; Bo
 * and Di do not, with 40 and 20 free. Best fit for an infrastructure
 * responsibility: Ana, Cy, then Bo, Di (PLAN-FORMAT.md section 5.2); for
 * one that would overload Cy, Cy last.
 */
static CtoPlan *
picker_plan (void)
{
  CtoPlan *plan = cto_plan_new ();

  add_person (plan, "bo", "Bo", "Designer", 40);
  add_person (plan, "cy", "Cy", "Engineer", 40);
  add_person (plan, "di", "Di", "Analyst", 20);
  add_person (plan, "ana", "Ana", "Engineer", 40);
  add_responsibility (plan, "net", "Network", CTO_FUNCTION_INFRASTRUCTURE, 30, "ana");
  add_responsibility (plan, "ops", "Operations", CTO_FUNCTION_INFRASTRUCTURE, 35, "cy");
  add_responsibility (plan, "cloud", "Cloud", CTO_FUNCTION_INFRASTRUCTURE, 2, NULL);
  add_responsibility (plan, "backup", "Backup", CTO_FUNCTION_INFRASTRUCTURE, 8, NULL);

  return plan;
}

static void
test_assign_picker (void)
{
  g_autoptr(CtoPlan) plan = picker_plan ();
  CtoWindow *window = window_new_with (plan);
  GtkWidget *row = find_widget (GTK_WIDGET (window->responsibility_list), is_row_of, "cloud");
  GtkWidget *popover;
  GtkWidget *check;
  g_autofree char *order = NULL;

  g_assert_nonnull (row);
  popover = open_menu_button (row);
  order = listed (popover);
  g_assert_cmpstr (order, ==, "ana cy bo di");

  /* Each with their free hours. */
  check = find_widget (popover, is_check_labelled, "Di — Analyst");
  g_assert_nonnull (check);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_widget_get_next_sibling (check))), ==, "20 h free");
  check = find_widget (popover, is_check_labelled, "Cy — Engineer");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_widget_get_next_sibling (check))), ==, "5 h free");

  /* Enter takes the best fit of what the search finds. */
  type_and_enter (popover, "");
  g_assert_true (carries (window, "cloud", "ana"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);

  popover = open_menu_button (row);
  type_and_enter (popover, "analyst");
  g_assert_true (carries (window, "cloud", "di"));
  g_assert_false (carries (window, "cloud", "ana"));

  /* Opened again, the picker starts a new search: what was typed the last
   * time would find no one with the next name. */
  popover = open_menu_button (row);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_widget (popover, is_of_type,
                     GSIZE_TO_POINTER (GTK_TYPE_SEARCH_ENTRY)))), ==, "");
  g_clear_pointer (&order, g_free);
  order = listed (popover);
  g_assert_cmpuint (strlen (order), ==, strlen ("ana cy bo di"));
  type_and_enter (popover, "designer");
  g_assert_true (carries (window, "cloud", "bo"));
  g_assert_true (carries (window, "cloud", "di"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);

  /* Backup's 8 hours would overload Cy, with 5 free: after all who have
   * room for them, though Cy works in infrastructure; Di, who now does the
   * cloud, with 18 free, then Ana, then Bo. */
  row = find_widget (GTK_WIDGET (window->responsibility_list), is_row_of, "backup");
  g_assert_nonnull (row);
  popover = open_menu_button (row);
  g_clear_pointer (&order, g_free);
  order = listed (popover);
  g_assert_cmpstr (order, ==, "di ana bo cy");
  gtk_popover_popdown (GTK_POPOVER (popover));
  spin ();

  window_free (window);
}

static void
test_chip_picker (void)
{
  g_autoptr(CtoPlan) plan = picker_plan ();
  CtoWindow *window = window_new_with (plan);
  GtkWidget *chip;
  GtkWidget *popover;
  g_autofree char *order = NULL;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.assign", "(ss)", "cloud", "bo");
  spin ();
  chip = find_widget (GTK_WIDGET (window->people_grid), is_chip_of, "cloud");
  g_assert_nonnull (chip);

  /* Everyone who does not carry it yet, best fit first, with free hours. */
  popover = open_menu_button (chip);
  order = listed (popover);
  g_assert_cmpstr (order, ==, "ana cy di");
  g_assert_nonnull (find_widget_by_name (popover, "free-hours"));

  /* Enter moves it to the first the search finds. */
  type_and_enter (popover, "");
  g_assert_true (carries (window, "cloud", "ana"));
  g_assert_false (carries (window, "cloud", "bo"));

  /* Share with: one more carries it. */
  chip = find_widget (GTK_WIDGET (window->people_grid), is_chip_of, "cloud");
  popover = open_menu_button (chip);
  {
    GtkWidget *entry = find_widget (popover, is_of_type, GSIZE_TO_POINTER (GTK_TYPE_SEARCH_ENTRY));
    GtkWidget *share = find_widget_by_name (popover, "share-with");

    gtk_editable_set_text (GTK_EDITABLE (entry), "di");
    g_signal_emit_by_name (entry, "search-changed");
    spin ();
    g_assert_nonnull (share);
    g_signal_emit_by_name (share, "clicked");
    spin ();
  }
  g_assert_true (carries (window, "cloud", "ana"));
  g_assert_true (carries (window, "cloud", "di"));

  window_free (window);
}

/* Whether the window's focus is in @person_id's card, within @inside
 * when not %NULL. */
static gboolean
focus_in_card (CtoWindow  *window,
               const char *person_id,
               GtkWidget  *inside)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
  GtkWidget *card = find_widget (GTK_WIDGET (window->people_grid), is_card_of,
                                 cto_plan_find_person (window->plan, person_id));

  return focus != NULL && card != NULL && gtk_widget_is_ancestor (focus, card) &&
         (inside == NULL || gtk_widget_is_ancestor (focus, inside));
}

/* Moving a chip away with the keyboard keeps the focus on the card it left:
 * on the chip now last, or on the card's menu when it has no chip left. */
static void
test_chip_moved_focus_stays (void)
{
  g_autoptr(CtoPlan) plan = picker_plan ();
  CtoWindow *window = window_new_with (plan);
  GtkWidget *popover;
  GtkWidget *entry;

  /* Ana carries Network (30 h), then Cloud (2 h): Cloud is her last chip. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.assign", "(ss)", "cloud", "ana");
  spin ();

  popover = open_menu_button (find_widget (GTK_WIDGET (window->people_grid), is_chip_of, "cloud"));
  entry = find_widget (popover, is_of_type, GSIZE_TO_POINTER (GTK_TYPE_SEARCH_ENTRY));
  g_assert_true (gtk_widget_grab_focus (entry));
  type_and_enter (popover, "Bo");
  g_assert_true (carries (window, "cloud", "bo"));
  g_assert_true (focus_in_card (window, "ana",
                                find_widget (GTK_WIDGET (window->people_grid), is_chip_of, "net")));

  popover = open_menu_button (find_widget (GTK_WIDGET (window->people_grid), is_chip_of, "net"));
  entry = find_widget (popover, is_of_type, GSIZE_TO_POINTER (GTK_TYPE_SEARCH_ENTRY));
  g_assert_true (gtk_widget_grab_focus (entry));
  type_and_enter (popover, "Cy");
  g_assert_true (carries (window, "net", "cy"));
  g_assert_true (focus_in_card (window, "ana", NULL));
  g_assert_true (GTK_IS_MENU_BUTTON (gtk_widget_get_parent (gtk_root_get_focus (GTK_ROOT (window)))));

  window_free (window);
}

/* The search --------------------------------------------------------------- */

/* Sixty people; Rosa Novak, the data engineer, is the 42nd and carries the
 * warehouse and the pipelines; everyone carries one chore. */
static CtoPlan *
team_plan (void)
{
  CtoPlan *plan = cto_plan_new ();

  for (guint i = 0; i < 60; i++)
    {
      g_autofree char *id = g_strdup_printf ("p%u", i);
      g_autofree char *name = g_strdup_printf ("Person %u", i);
      g_autofree char *chore = g_strdup_printf ("chore-%u", i);
      g_autofree char *title = g_strdup_printf ("Chore %u", i);

      if (i == 41)
        add_person (plan, "rosa", "Rosa Novak", "Data engineer", 40);
      else
        add_person (plan, id, name, "Engineer", 40);
      add_responsibility (plan, chore, title, (CtoFunction) (i % CTO_N_FUNCTIONS), 1,
                          i == 41 ? "rosa" : id);
    }
  add_responsibility (plan, "warehouse", "Data warehouse", CTO_FUNCTION_INFRASTRUCTURE, 8, "rosa");
  add_responsibility (plan, "pipelines", "Pipelines", CTO_FUNCTION_INFRASTRUCTURE, 6, "rosa");
  add_responsibility (plan, "budget", "Budget", CTO_FUNCTION_PLANNING, 2, "p3");

  return plan;
}

static void
search (CtoWindow  *window,
        const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (window->search_entry), text);
  g_signal_emit_by_name (window->search_entry, "search-changed");
  spin ();
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The ids of @model's items, sorted, joined by spaces. */
static char *
ids_of (GListModel *model,
        gboolean    people)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      g_ptr_array_add (ids, (gpointer) (people ? cto_person_get_id (CTO_PERSON (item))
                                               : cto_responsibility_get_id (CTO_RESPONSIBILITY (item))));
    }
  g_ptr_array_sort (ids, compare_ids);
  g_ptr_array_add (ids, NULL);

  return g_strjoinv (" ", (char **) ids->pdata);
}

static gboolean
shows_card_of_rosa (gpointer data)
{
  CtoWindow *window = data;

  return find_widget (GTK_WIDGET (window->people_grid), is_card_of,
                      cto_plan_find_person (window->plan, "rosa")) != NULL;
}

static void
test_search_finds_people (void)
{
  g_autoptr(CtoPlan) plan = team_plan ();
  CtoWindow *window = window_new_with (plan);
  GListModel *board = gtk_grid_view_get_model (window->people_grid) ?
                      G_LIST_MODEL (gtk_grid_view_get_model (window->people_grid)) : NULL;
  GListModel *list = G_LIST_MODEL (window->responsibility_model);
  char *ids;

  g_assert_nonnull (board);
  g_assert_cmpuint (g_list_model_get_n_items (board), ==, 60);

  /* By name: the person, and what she carries. */
  search (window, "Rosa Novak");
  ids = ids_of (board, TRUE);
  g_assert_cmpstr (ids, ==, "rosa");
  g_free (ids);
  ids = ids_of (list, FALSE);
  g_assert_cmpstr (ids, ==, "chore-41 pipelines warehouse");
  g_free (ids);
  spin_until (shows_card_of_rosa, window, 10);
  g_assert_cmpstr (gtk_label_get_text (window->people_count_label), ==, "1 of 60 people");

  /* By role, whatever the case. */
  search (window, "DATA ENG");
  ids = ids_of (board, TRUE);
  g_assert_cmpstr (ids, ==, "rosa");
  g_free (ids);

  /* By a title: the responsibility, and who carries it on the board. */
  search (window, "warehouse");
  ids = ids_of (list, FALSE);
  g_assert_cmpstr (ids, ==, "warehouse");
  g_free (ids);
  ids = ids_of (board, TRUE);
  g_assert_cmpstr (ids, ==, "rosa");
  g_free (ids);

  /* Typing on and erasing again. */
  search (window, "Person 1");
  g_assert_cmpuint (g_list_model_get_n_items (board), ==, 11);
  search (window, "Person 13");
  g_assert_cmpuint (g_list_model_get_n_items (board), ==, 1);
  search (window, "Person 1");
  g_assert_cmpuint (g_list_model_get_n_items (board), ==, 11);

  /* A change of the plan is found too. */
  search (window, "Rosa");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.assign", "(ss)", "budget", "rosa");
  spin ();
  ids = ids_of (list, FALSE);
  g_assert_cmpstr (ids, ==, "budget chore-41 pipelines warehouse");
  g_free (ids);

  search (window, "");
  g_assert_cmpuint (g_list_model_get_n_items (board), ==, 60);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 63);
  g_assert_cmpstr (gtk_label_get_text (window->people_count_label), ==, "60 people");

  window_free (window);
}

/* New text over old: the field is empty on the way, but what shows is
 * what the new text finds; emptied, the search shows all by the next frame,
 * and at once when the emptied field is reported; Escape empties it. */
static void
test_search_replaced (void)
{
  g_autoptr(CtoPlan) plan = team_plan ();
  CtoWindow *window = window_new_with (plan);
  GListModel *board = G_LIST_MODEL (gtk_grid_view_get_model (window->people_grid));
  GListModel *list = G_LIST_MODEL (window->responsibility_model);
  char *ids;

  search (window, "Rosa Novak");
  gtk_editable_set_text (GTK_EDITABLE (window->search_entry), "Person 13");
  g_signal_emit_by_name (window->search_entry, "search-changed");
  ids = ids_of (board, TRUE);
  g_assert_cmpstr (ids, ==, "p13");
  g_free (ids);
  ids = ids_of (list, FALSE);
  g_assert_cmpstr (ids, ==, "chore-13");
  g_free (ids);
  g_assert_cmpstr (gtk_label_get_text (window->people_count_label), ==, "1 of 60 people");

  /* Emptied, and not reported again: shown before the next frame. */
  gtk_editable_set_text (GTK_EDITABLE (window->search_entry), "");
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (g_list_model_get_n_items (board), ==, 60);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 63);
  g_assert_cmpstr (gtk_label_get_text (window->people_count_label), ==, "60 people");

  /* Emptied and reported: at once. */
  search (window, "Rosa");
  gtk_editable_set_text (GTK_EDITABLE (window->search_entry), "");
  g_signal_emit_by_name (window->search_entry, "search-changed");
  g_assert_cmpuint (g_list_model_get_n_items (board), ==, 60);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 63);

  /* Escape in the field (its stop-search) empties it. */
  search (window, "Rosa");
  g_assert_cmpuint (g_list_model_get_n_items (board), ==, 1);
  g_signal_emit_by_name (window->search_entry, "stop-search");
  spin ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (window->search_entry)), ==, "");
  g_assert_cmpuint (g_list_model_get_n_items (board), ==, 60);
  g_assert_cmpstr (gtk_label_get_text (window->people_count_label), ==, "60 people");

  window_free (window);
}

/* Of the rows under @widget that show their details, how many show another
 * responsibility than the one they are bound to. */
static guint
rows_showing_others (GtkWidget *widget,
                     guint     *n_shown)
{
  guint n = 0;

  if (CTO_IS_RESPONSIBILITY_ROW (widget) &&
      cto_responsibility_row_get_details_shown (CTO_RESPONSIBILITY_ROW (widget)))
    {
      CtoResponsibility *responsibility =
        cto_responsibility_row_get_responsibility (CTO_RESPONSIBILITY_ROW (widget));
      GtkWidget *title = find_widget_by_name (widget, "title");

      g_assert_nonnull (title);
      (*n_shown)++;
      if (responsibility == NULL || !gtk_widget_get_visible (title) ||
          g_strcmp0 (gtk_label_get_label (GTK_LABEL (title)),
                     cto_responsibility_get_title (responsibility)) != 0)
        n++;
      return n;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += rows_showing_others (child, n_shown);

  return n;
}

/* Rows and their details pass from item to item as the search changes what
 * the list shows: each row shows its own responsibility. */
static void
test_search_rows_show_their_own (void)
{
  g_autoptr(CtoPlan) plan = team_plan ();
  CtoWindow *window = window_new_with (plan);
  const char * const texts[] = { "Rosa", "", "Chore 1", "Chore", "Person 2", "", "warehouse", "" };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      guint n_shown = 0;

      search (window, texts[i]);
      spin_for (0.1);
      g_assert_cmpuint (rows_showing_others (GTK_WIDGET (window->responsibility_list), &n_shown), ==, 0);
      g_assert_cmpuint (n_shown, >, 0);
    }

  window_free (window);
}

static void
assert_ids (GListModel *model,
            gboolean    people,
            const char *expected)
{
  g_autofree char *ids = ids_of (model, people);

  g_assert_cmpstr (ids, ==, expected);
}

/* An edit of who carries what changes what the search finds, each way. */
static void
test_search_follows_assignments (void)
{
  g_autoptr(CtoPlan) plan = team_plan ();
  CtoWindow *window = window_new_with (plan);
  GListModel *board = G_LIST_MODEL (gtk_grid_view_get_model (window->people_grid));
  GListModel *list = G_LIST_MODEL (window->responsibility_model);
  CtoHistory *history = cto_plan_get_history (plan);

  /* By a title: whoever takes it on shows on the board, whoever gives it up
   * leaves it, unless the search finds them otherwise. */
  search (window, "warehouse");
  assert_ids (board, TRUE, "rosa");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.assign", "(ss)", "warehouse", "p13");
  spin ();
  assert_ids (board, TRUE, "p13 rosa");
  g_assert_cmpstr (gtk_label_get_text (window->people_count_label), ==, "2 of 60 people");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.unassign", "(ss)", "warehouse", "rosa");
  spin ();
  assert_ids (board, TRUE, "p13");
  assert_ids (list, FALSE, "warehouse");
  cto_history_undo (history);
  spin ();
  assert_ids (board, TRUE, "p13 rosa");

  /* By name: what she gives up leaves the list, what she takes joins it. */
  search (window, "Rosa");
  assert_ids (list, FALSE, "chore-41 pipelines warehouse");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.unassign", "(ss)", "pipelines", "rosa");
  spin ();
  assert_ids (list, FALSE, "chore-41 warehouse");
  assert_ids (board, TRUE, "rosa");
  cto_history_undo (history);
  spin ();
  assert_ids (list, FALSE, "chore-41 pipelines warehouse");

  /* A title found, and its last carrier gone: the responsibility stays
   * found, the person leaves the board. */
  search (window, "Chore 13");
  assert_ids (list, FALSE, "chore-13");
  assert_ids (board, TRUE, "p13");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.unassign", "(ss)", "chore-13", "p13");
  spin ();
  assert_ids (list, FALSE, "chore-13");
  assert_ids (board, TRUE, "");
  g_assert_cmpstr (gtk_label_get_text (window->people_count_label), ==, "0 of 60 people");

  search (window, "");
  g_assert_cmpuint (g_list_model_get_n_items (board), ==, 60);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 63);

  window_free (window);
}

int
main (int   argc,
      char *argv[])
{
  display_test_init (&argc, &argv, "window-people", "none");

  g_test_add_func ("/window-people/picker/assign-best-fit-first", test_assign_picker);
  g_test_add_func ("/window-people/picker/chip-best-fit-first", test_chip_picker);
  g_test_add_func ("/window-people/picker/chip-moved-focus-stays", test_chip_moved_focus_stays);
  g_test_add_func ("/window-people/search/finds-people", test_search_finds_people);
  g_test_add_func ("/window-people/search/replaced", test_search_replaced);
  g_test_add_func ("/window-people/search/rows-show-their-own", test_search_rows_show_their_own);
  g_test_add_func ("/window-people/search/follows-assignments", test_search_follows_assignments);

  return display_test_run ();
}
