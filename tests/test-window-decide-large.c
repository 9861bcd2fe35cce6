/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cto-departure.h"
#include "cto-person-card.h"
#include "cto-plan-io.h"
#include "cto-suggestions.h"
#include "cto-what-if-bar.h"
#include "cto-window-private.h"
#include "display-test-util.h"

/* A large plan's suggestions, and what happens when someone leaves it: on
 * a plan this large they are worked out from a copy, on another thread,
 * while the window goes on drawing. */

static char *
bytes_of (CtoWindow *window)
{
  return cto_plan_io_to_data (window->plan, NULL);
}

/* 600 people, 1,800 responsibilities: a third of them unassigned, and ten
 * people over capacity. */
static CtoPlan *
large_plan (void)
{
  CtoPlan *plan = cto_plan_new ();

  for (guint i = 0; i < 600; i++)
    {
      g_autofree char *id = g_strdup_printf ("p%u", i);
      g_autofree char *name = g_strdup_printf ("Person %u", i);
      g_autoptr(CtoPerson) person = cto_person_new (id, name, "", i < 10 ? 4 : 40, FALSE);

      cto_plan_insert_person (plan, G_MAXUINT, person);
    }
  for (guint i = 0; i < 1800; i++)
    {
      g_autofree char *id = g_strdup_printf ("r%u", i);
      g_autofree char *title = g_strdup_printf ("Responsibility number %u", i);
      g_autofree char *person = g_strdup_printf ("p%u", i % 600);
      g_autoptr(CtoResponsibility) responsibility =
        cto_responsibility_new (id, title, (CtoFunction) (i % CTO_N_FUNCTIONS), 4, "");

      cto_plan_insert_responsibility (plan, G_MAXUINT, responsibility);
      if (i % 3 != 0)
        cto_plan_assign (plan, responsibility, cto_plan_find_person (plan, person), 1);
    }
  cto_history_clear (cto_plan_get_history (plan));

  return plan;
}

/* A large plan's suggestions are worked out on another thread once the
 * edits pause: the same suggestions, and none applied while they wait. */
static void
test_suggestions_large (void)
{
  g_autoptr(CtoPlan) plan = large_plan ();
  CtoWindow *window = window_new_with (plan);
  CtoHistory *history = cto_plan_get_history (plan);
  g_autoptr(CtoSuggestions) expected = NULL;
  g_autofree char *edited = NULL;
  g_autofree char *unchanged = NULL;
  g_autofree char *all = NULL;
  g_autofree char *after_all = NULL;

  spin_until (suggestions_fresh, window, 30);
  expected = cto_suggestions_new (plan);
  g_assert_cmpuint (cto_suggestions_get_n_items (expected), >, 1);
  g_assert_cmpuint (_cto_window_get_n_suggestions (window), ==, cto_suggestions_get_n_items (expected));

  /* An edit: the suggestions for the plan before it wait for new ones. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.assign", "(ss)", "r0", "p100");
  g_assert_true (_cto_window_get_suggestions_pending (window));
  edited = bytes_of (window);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.apply-all-suggestions", NULL);
  unchanged = bytes_of (window);
  g_assert_cmpstr (unchanged, ==, edited);
  g_assert_cmpstr (cto_history_get_undo_label (history), !=, "Apply All Suggestions");

  spin_until (suggestions_fresh, window, 30);
  g_clear_object (&expected);
  expected = cto_suggestions_new (plan);
  all = cto_plan_io_to_data (cto_suggestions_get_plan_after (expected), NULL);
  g_assert_cmpuint (_cto_window_get_n_suggestions (window), ==, cto_suggestions_get_n_items (expected));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.apply-all-suggestions", NULL));
  spin ();
  after_all = bytes_of (window);
  g_assert_cmpstr (after_all, ==, all);

  window_free (window);
}

/* Under As of Today, a large plan's suggestions are made on a copy of the
 * plan as of that day, on another thread: they give the work of people
 * gone by then to others, who join them in the whole plan, where the one
 * who left stays accountable. All of them apply. */
static void
test_suggestions_large_as_of (void)
{
  g_autoptr(CtoPlan) plan = large_plan ();
  CtoWindow *window = NULL;
  GDate left;
  guint n;

  /* People 10 to 19 left in 2020: the work they carry alone is nobody's
   * today. */
  g_date_clear (&left, 1);
  g_date_set_dmy (&left, 1, G_DATE_JANUARY, 2020);
  for (guint i = 10; i < 20; i++)
    {
      g_autofree char *id = g_strdup_printf ("p%u", i);

      g_assert_true (cto_plan_set_person_dates (plan, cto_plan_find_person (plan, id), NULL, &left, NULL));
    }
  cto_history_clear (cto_plan_get_history (plan));

  window = window_new_with (plan);
  _cto_window_set_as_of_position (window, 1);
  spin ();
  spin_until (suggestions_fresh, window, 30);
  n = _cto_window_get_n_suggestions (window);
  g_assert_cmpuint (n, >, 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.apply-all-suggestions", NULL));
  spin ();
  /* The toast says that the takers share that work in the whole plan, as
   * Apply does for one. */
  g_assert_nonnull (find_widget (GTK_WIDGET (window), is_label_containing,
                                 "give work their takers share in the whole plan and carry alone "
                                 "on the day shown"));
  g_assert_cmpstr (cto_history_get_undo_label (cto_plan_get_history (window->plan)), ==,
                   "Apply All Suggestions");

  /* r10, p10's alone, now has someone else too, and p10 accountable. */
  {
    CtoResponsibility *r10 = cto_plan_find_responsibility (window->plan, "r10");

    g_assert_cmpuint (cto_responsibility_get_n_assignees (r10), ==, 2);
    g_assert_cmpstr (cto_responsibility_get_accountable (r10), ==, "p10");
  }

  window_free (window);
}

/* What If They Leave? on a large plan: the bar says at once that it is
 * being worked out, over the board as it was, which takes no edits; then
 * it shows what would change, as on a small plan. */
static gboolean
what_if_shown (gpointer window)
{
  return !_cto_window_get_what_if_pending (window);
}

static CtoWhatIfBar *
bar_of (CtoWindow *window)
{
  GtkWidget *bar = find_widget (GTK_WIDGET (window), is_of_type, GSIZE_TO_POINTER (CTO_TYPE_WHAT_IF_BAR));

  g_assert_nonnull (bar);
  return CTO_WHAT_IF_BAR (bar);
}

/* Whether the board shows the card of the person of @id. */
static gboolean
board_shows (CtoWindow  *window,
             const char *id)
{
  GListModel *shown = G_LIST_MODEL (window->people_selection);

  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(CtoPerson) person = g_list_model_get_item (shown, i);

      if (g_strcmp0 (cto_person_get_id (person), id) == 0)
        return TRUE;
    }

  return FALSE;
}

static gboolean
out_of_what_if (gpointer window)
{
  return _cto_window_get_what_if (window) == NULL;
}

static void
test_what_if_large (void)
{
  g_autoptr(CtoPlan) plan = large_plan ();
  CtoWindow *window = window_new_with (plan);
  g_autoptr(CtoDeparture) expected = cto_departure_new (plan, "p5");
  g_autoptr(CtoSuggestions) expected_suggestions =
    cto_suggestions_new (cto_departure_get_plan_after (expected));
  guint n_people = g_list_model_get_n_items (cto_plan_get_people (plan));
  CtoWhatIfBar *bar = bar_of (window);
  g_autofree char *before = NULL;
  g_autofree char *left = NULL;
  GtkWidget *first_card;

  spin_until (suggestions_fresh, window, 30);
  spin_until (has_cards, window, 10);
  before = bytes_of (window);
  first_card = find_widget (GTK_WIDGET (window->people_grid), is_card_of, cto_plan_find_person (plan, "p0"));
  g_assert_nonnull (first_card);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.what-if", "s", "p5"));
  g_assert_true (_cto_window_get_what_if_pending (window));
  g_assert_cmpstr (_cto_window_get_what_if (window), ==, "p5");
  g_assert_true (cto_what_if_bar_get_working (bar));
  g_assert_nonnull (find_widget (GTK_WIDGET (bar), is_label_containing, "What if Person 5 leaves?"));
  g_assert_nonnull (find_widget (GTK_WIDGET (bar), is_label_containing, "Working out what would change"));
  g_assert_true (board_shows (window, "p5"));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (window->view_stack)));
  g_assert_null (cto_what_if_bar_get_suggestions (bar));
  g_assert_false (gtk_widget_is_sensitive (find_widget (GTK_WIDGET (bar), is_button_labelled,
                                                        "Remove Them and _Apply All")));

  spin_until (what_if_shown, window, 30);
  g_assert_false (cto_what_if_bar_get_working (bar));
  g_assert_cmpstr (_cto_window_get_what_if (window), ==, "p5");
  /* The plan without them: the board, the tiles, the bar's suggestions. */
  g_assert_false (board_shows (window, "p5"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (window->people_selection)), ==, n_people - 1);
  g_assert_cmpstr (gtk_label_get_label (window->people_count_label), ==, "599 people");
  g_assert_cmpuint (cto_analysis_get_unassigned (_cto_window_get_card_analysis (window))->len, ==,
                    cto_analysis_get_unassigned (cto_departure_get_analysis_after (expected))->len);
  g_assert_cmpuint (cto_analysis_get_unassigned (_cto_window_get_card_analysis (window))->len, >,
                    cto_analysis_get_unassigned (window->analysis)->len);
  g_assert_nonnull (cto_what_if_bar_get_suggestions (bar));
  g_assert_cmpuint (cto_suggestions_get_n_items (cto_what_if_bar_get_suggestions (bar)), ==,
                    cto_suggestions_get_n_items (expected_suggestions));
  /* The others' cards stay: making a large team's all again takes frames. */
  g_assert_true (find_widget (GTK_WIDGET (window->people_grid), is_card_of,
                              cto_plan_find_person (plan, "p0")) == first_card);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.what-if-close", NULL));
  spin ();
  left = bytes_of (window);
  g_assert_cmpstr (left, ==, before);
  g_assert_true (board_shows (window, "p5"));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (window->view_stack)));
  g_assert_cmpstr (gtk_label_get_label (window->people_count_label), ==, "600 people");

  /* Left before it is worked out, while the plan is copied or once the
   * work is on the other thread: nothing comes of it. */
  for (guint i = 0; i < 2; i++)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.what-if", "s", "p6"));
      if (i == 1)
        spin_for (0.1);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.what-if-close", NULL));
      g_assert_false (_cto_window_get_what_if_pending (window));
      spin_for (1);
      g_assert_null (_cto_window_get_what_if (window));
      g_assert_true (board_shows (window, "p6"));
      g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (window->view_stack)));
      g_assert_null (cto_what_if_bar_get_suggestions (bar));
      g_assert_true (_cto_window_get_card_analysis (window) == window->analysis);
    }

  /* Another chosen meanwhile: the drill of the last one. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.what-if", "s", "p6"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.what-if", "s", "p7"));
  spin_until (what_if_shown, window, 30);
  g_assert_cmpstr (_cto_window_get_what_if (window), ==, "p7");
  g_assert_true (board_shows (window, "p6"));
  g_assert_false (board_shows (window, "p7"));
  g_assert_nonnull (find_widget (GTK_WIDGET (bar), is_label_containing, "What if Person 7 leaves?"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.what-if-close", NULL));
  spin ();

  /* Gone from the plan while it is worked out (an undo, say): the drill
   * ends. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.what-if", "s", "p8"));
  g_assert_true (cto_departure_remove_person (plan, "p8"));
  spin_until (out_of_what_if, window, 30);
  g_assert_false (_cto_window_get_what_if_pending (window));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (window->view_stack)));

  /* As of a day: until it is worked out, the tiles show that day, then
   * the day without them. */
  _cto_window_set_as_of_position (window, 1);
  spin ();
  g_assert_nonnull (window->as_of_analysis);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.what-if", "s", "p9"));
  g_assert_true (_cto_window_get_what_if_pending (window));
  g_assert_true (_cto_window_get_view_analysis (window) == window->as_of_analysis);
  spin_until (what_if_shown, window, 30);
  g_assert_true (_cto_window_get_view_analysis (window) == _cto_window_get_card_analysis (window));
  g_assert_true (_cto_window_get_view_analysis (window) != window->as_of_analysis);
  g_assert_false (board_shows (window, "p9"));

  /* Closed while it is worked out. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.what-if", "s", "p10"));
  g_assert_true (_cto_window_get_what_if_pending (window));
  window_free (window);
}

int
main (int   argc,
      char *argv[])
{
  display_test_init (&argc, &argv, "window-decide-large", "none");

  g_test_add_func ("/window-decide-large/suggestions", test_suggestions_large);
  g_test_add_func ("/window-decide-large/suggestions-as-of", test_suggestions_large_as_of);
  g_test_add_func ("/window-decide-large/what-if", test_what_if_large);

  return display_test_run ();
}
