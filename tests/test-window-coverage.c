/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "cto-coverage-tile.h"
#include "cto-person-card.h"
#include "cto-tooltip.h"
#include "cto-window-private.h"
#include "display-test-util.h"

/* The coverage strip on a real team: who is overloaded, by name, and a
 * strip that keeps its height on any screen. */

/* Helpers ------------------------------------------------------------------ */

static const char *
tile_text (CtoWindow   *window,
           CtoFunction  function,
           const char  *name)
{
  GtkWidget *label = find_widget_by_name (GTK_WIDGET (window->tiles[function]), name);

  g_assert_true (GTK_IS_LABEL (label));
  return gtk_label_get_text (GTK_LABEL (label));
}

/* The tooltip of the tile's overload line (its button), which is also the
 * button's accessible name. */
static const char *
overload_tooltip (CtoWindow   *window,
                  CtoFunction  function)
{
  GtkWidget *label = find_widget_by_name (GTK_WIDGET (window->tiles[function]), "overloaded");
  GtkWidget *button = gtk_widget_get_ancestor (label, GTK_TYPE_BUTTON);

  g_assert_nonnull (button);
  return cto_tooltip_get_text (button);
}

static void
add_person (CtoPlan    *plan,
            const char *id,
            const char *name,
            double      capacity)
{
  g_autoptr(CtoPerson) person = cto_person_new (id, name, "Engineer", capacity, FALSE);

  cto_plan_insert_person (plan, G_MAXUINT, person);
}

static void
add_responsibility (CtoPlan     *plan,
                    const char  *id,
                    CtoFunction  function,
                    double       effort,
                    const char  *person_id)
{
  g_autoptr(CtoResponsibility) responsibility = cto_responsibility_new (id, id, function, effort, "");

  cto_plan_insert_responsibility (plan, G_MAXUINT, responsibility);
  if (person_id != NULL)
    cto_plan_assign (plan, responsibility, cto_plan_find_person (plan, person_id), 1);
}

/*
 * A team of 60, each with 30 of their 40 hours carried in infrastructure;
 * the last of them, Bo Lin, works half time and carries 26 of 20 hours.
 * Every function has one responsibility unassigned.
 */
static CtoPlan *
team_plan (void)
{
  CtoPlan *plan = cto_plan_new ();

  for (guint i = 0; i < 59; i++)
    {
      g_autofree char *id = g_strdup_printf ("p%u", i);
      g_autofree char *name = g_strdup_printf ("Person %u", i);
      g_autofree char *work = g_strdup_printf ("work-%u", i);

      add_person (plan, id, name, 40);
      add_responsibility (plan, work, CTO_FUNCTION_INFRASTRUCTURE, 30, id);
    }
  add_person (plan, "bo", "Bo Lin", 20);
  add_responsibility (plan, "cloud", CTO_FUNCTION_INFRASTRUCTURE, 16, "bo");
  add_responsibility (plan, "roadmap", CTO_FUNCTION_PLANNING, 10, "bo");
  for (guint f = 0; f < CTO_N_FUNCTIONS; f++)
    {
      g_autofree char *id = g_strdup_printf ("open-%u", f);

      add_responsibility (plan, id, (CtoFunction) f, 2, NULL);
    }

  return plan;
}

static CtoWindow *
window_new_sized (CtoPlan *plan,
                  int      width,
                  int      height)
{
  CtoWindow *window = cto_window_new (NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  _cto_window_set_plan (window, plan, NULL);
  gtk_window_present (GTK_WINDOW (window));
  spin_until (has_cards, window, 20);
  spin ();

  return window;
}

static int
tile_height (CtoWindow   *window,
             CtoFunction  function)
{
  return gtk_widget_get_height (GTK_WIDGET (window->tiles[function]));
}

/* Tests -------------------------------------------------------------------- */

typedef struct
{
  CtoWindow *window;
  CtoPerson *person;
} FocusWait;

static gboolean
card_has_focus (gpointer data)
{
  FocusWait *wait = data;
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (wait->window));
  GtkWidget *card = find_widget (GTK_WIDGET (wait->window->people_grid), is_card_of, wait->person);

  return focus != NULL && card != NULL &&
         (focus == card || gtk_widget_is_ancestor (focus, card) ||
          focus == gtk_widget_get_parent (card)) &&
         gtk_widget_get_mapped (card);
}

/* The tile names who is overloaded and by how much, and its warning takes
 * the user to that person's card, far down a board of 60. */
static void
test_overloaded_named (void)
{
  g_autoptr(CtoPlan) plan = team_plan ();
  CtoWindow *window = window_new_sized (plan, 1280, 800);
  GtkWidget *warning;
  FocusWait wait;

  g_assert_cmpstr (tile_text (window, CTO_FUNCTION_INFRASTRUCTURE, "overloaded"), ==, "Bo Lin is 6 h over");
  g_assert_cmpstr (tile_text (window, CTO_FUNCTION_PLANNING, "overloaded"), ==, "Bo Lin is 6 h over");
  /* Not in the functions he has nothing of. */
  g_assert_cmpstr (tile_text (window, CTO_FUNCTION_THINKER, "overloaded"), ==, "");
  g_assert_false (gtk_widget_get_child_visible (gtk_widget_get_ancestor (
    find_widget_by_name (GTK_WIDGET (window->tiles[CTO_FUNCTION_THINKER]), "overloaded"),
    GTK_TYPE_BUTTON)));

  /* The card is not on screen until asked for. */
  wait.window = window;
  wait.person = cto_plan_find_person (window->plan, "bo");
  g_assert_false (card_has_focus (&wait));

  warning = gtk_widget_get_ancestor (find_widget_by_name (GTK_WIDGET (window->tiles[CTO_FUNCTION_INFRASTRUCTURE]),
                                                  "overloaded"),
                                     GTK_TYPE_BUTTON);
  g_assert_nonnull (warning);
  g_assert_true (gtk_widget_get_child_visible (warning));
  gtk_widget_activate (warning);
  spin_until (card_has_focus, &wait, 10);

  /* Also when a search hid him: the search gives way. */
  gtk_widget_grab_focus (GTK_WIDGET (window->search_entry));
  gtk_editable_set_text (GTK_EDITABLE (window->search_entry), "Person 1");
  g_signal_emit_by_name (window->search_entry, "search-changed");
  spin ();
  g_assert_false (card_has_focus (&wait));
  gtk_widget_activate (warning);
  spin_until (card_has_focus, &wait, 10);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (window->search_entry)), ==, "");

  window_free (window);
}

/* Several: how many, and who, the most over first. */
static void
test_overloaded_many (void)
{
  g_autoptr(CtoPlan) plan = team_plan ();
  CtoWindow *window;

  /* Two more of the team over capacity, by 2 h and by 10 h. */
  add_responsibility (plan, "extra-0", CTO_FUNCTION_INFRASTRUCTURE, 12, "p0");
  add_responsibility (plan, "extra-1", CTO_FUNCTION_INFRASTRUCTURE, 20, "p1");
  window = window_new_sized (plan, 1280, 800);

  /* The line leads with the most over, so that a narrow tile still says
   * who and how much; the tooltip (and the screen reader) has everyone. */
  g_assert_cmpstr (tile_text (window, CTO_FUNCTION_INFRASTRUCTURE, "overloaded"), ==,
                   "Person 1 is 10 h over · 2 more");
  g_assert_cmpstr (overload_tooltip (window, CTO_FUNCTION_INFRASTRUCTURE), ==,
                   "3 people over capacity: Person 1 (10 h), Bo Lin (6 h), Person 0 (2 h). "
                   "Show Person 1’s card");
  g_assert_cmpstr (tile_text (window, CTO_FUNCTION_PLANNING, "overloaded"), ==, "Bo Lin is 6 h over");
  g_assert_cmpstr (overload_tooltip (window, CTO_FUNCTION_PLANNING), ==,
                   "Bo Lin is 6 h over. Show Bo Lin’s card");

  window_free (window);
}

/* Many: the most over by name, the others counted, on a line that stays short. */
static void
test_overloaded_counted (void)
{
  g_autoptr(CtoPlan) plan = team_plan ();
  CtoWindow *window;

  /* Four more over capacity, by 2, 10, 4 and 7 h; Bo Lin is 6 h over. */
  add_responsibility (plan, "extra-0", CTO_FUNCTION_INFRASTRUCTURE, 12, "p0");
  add_responsibility (plan, "extra-1", CTO_FUNCTION_INFRASTRUCTURE, 20, "p1");
  add_responsibility (plan, "extra-2", CTO_FUNCTION_INFRASTRUCTURE, 14, "p2");
  add_responsibility (plan, "extra-3", CTO_FUNCTION_INFRASTRUCTURE, 17, "p3");
  window = window_new_sized (plan, 1280, 800);

  g_assert_cmpstr (tile_text (window, CTO_FUNCTION_INFRASTRUCTURE, "overloaded"), ==,
                   "Person 1 is 10 h over · 4 more");
  g_assert_cmpstr (overload_tooltip (window, CTO_FUNCTION_INFRASTRUCTURE), ==,
                   "5 people over capacity: Person 1 (10 h), Person 3 (7 h), Bo Lin (6 h) and 2 more. "
                   "Show Person 1’s card");

  window_free (window);
}

/* Of the ways the overload line says it, the one shown, which must be whole. */
static const char *
overload_line_shown (CtoWindow   *window,
                     CtoFunction  function)
{
  static const char * const ways[] = { "overloaded", "overloaded-short", "overloaded-count" };
  GtkWidget *shown = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (ways); i++)
    {
      GtkWidget *label = find_widget_by_name (GTK_WIDGET (window->tiles[function]), ways[i]);

      g_assert_true (GTK_IS_LABEL (label));
      if (!gtk_widget_get_mapped (label))
        continue;
      g_assert_null (shown);
      shown = label;
    }

  g_assert_nonnull (shown);
  g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (shown))));
  return gtk_label_get_text (GTK_LABEL (shown));
}

/* Names too long for the tile: how many are over and by how much, whole,
 * rather than a name cut short with neither; on a narrower tile, how many. */
static void
test_overloaded_long_names (void)
{
  g_autoptr(CtoPlan) plan = team_plan ();
  const char *shown;
  CtoWindow *window;

  add_responsibility (plan, "extra-0", CTO_FUNCTION_INFRASTRUCTURE, 12, "p0");
  add_responsibility (plan, "extra-1", CTO_FUNCTION_INFRASTRUCTURE, 20, "p1");
  add_responsibility (plan, "extra-2", CTO_FUNCTION_INFRASTRUCTURE, 14, "p2");
  add_responsibility (plan, "extra-3", CTO_FUNCTION_INFRASTRUCTURE, 17, "p3");
  cto_plan_set_person_name (plan, cto_plan_find_person (plan, "p1"),
                            "Maximiliana Chukwuemeka-Ostrowska Wiśniewska");
  cto_plan_set_person_name (plan, cto_plan_find_person (plan, "bo"),
                            "Bo Lin-Papadopoulou Vasquez-Delgado");
  window = window_new_sized (plan, 1280, 800);

  g_assert_cmpstr (overload_line_shown (window, CTO_FUNCTION_INFRASTRUCTURE), ==,
                   "5 over capacity, up to 10 h");
  g_assert_cmpstr (overload_line_shown (window, CTO_FUNCTION_PLANNING), ==, "6 h over capacity");
  /* The button still names them, and takes the user to the worst. */
  g_assert_cmpstr (overload_tooltip (window, CTO_FUNCTION_PLANNING), ==,
                   "Bo Lin-Papadopoulou Vasquez-Delgado is 6 h over. "
                   "Show Bo Lin-Papadopoulou Vasquez-Delgado’s card");
  window_free (window);

  /* Four tiles abreast in 1024: how many, if not by how much. */
  window = window_new_sized (plan, 1024, 800);
  g_assert_false (cto_coverage_tile_get_compact (window->tiles[CTO_FUNCTION_INFRASTRUCTURE]));
  shown = overload_line_shown (window, CTO_FUNCTION_INFRASTRUCTURE);
  g_assert_true (g_str_has_prefix (shown, "5 over capacity"));
  window_free (window);

  /* Short names are said in full, as before. */
  cto_plan_set_person_name (plan, cto_plan_find_person (plan, "p1"), "Mia");
  window = window_new_sized (plan, 1280, 800);
  g_assert_cmpstr (overload_line_shown (window, CTO_FUNCTION_INFRASTRUCTURE), ==,
                   "Mia is 10 h over · 4 more");
  window_free (window);
}

/* "Partly covered" says which part. */
static void
test_partly_covered_says_how_much (void)
{
  g_autoptr(CtoPlan) plan = team_plan ();
  CtoWindow *window = window_new_sized (plan, 1280, 800);

  g_assert_cmpstr (tile_text (window, CTO_FUNCTION_INFRASTRUCTURE, "status"), ==, "60 of 61 assigned");
  g_assert_cmpstr (tile_text (window, CTO_FUNCTION_PLANNING, "status"), ==, "1 of 2 assigned");
  g_assert_cmpstr (tile_text (window, CTO_FUNCTION_THINKER, "status"), ==, "Not covered");

  window_free (window);
}

/* The tiles are as tall as each other, and stay so when warnings come and go. */
/* The height the overload line's ways of saying it take, whether it says
 * anything or not. */
static int
overload_line_height (CtoWindow   *window,
                      CtoFunction  function)
{
  GtkWidget *label = find_widget_by_name (GTK_WIDGET (window->tiles[function]), "overloaded");
  int natural = 0;

  gtk_widget_measure (gtk_widget_get_parent (label), GTK_ORIENTATION_VERTICAL, -1,
                      NULL, &natural, NULL, NULL);
  return natural;
}

static void
test_heights_fixed (void)
{
  g_autoptr(CtoPlan) plan = team_plan ();
  CtoWindow *window = window_new_sized (plan, 1280, 800);
  int height = tile_height (window, CTO_FUNCTION_PLANNING);
  int strip = gtk_widget_get_height (GTK_WIDGET (window->coverage_box));

  g_assert_cmpint (height, >, 0);
  for (guint f = 0; f < CTO_N_FUNCTIONS; f++)
    g_assert_cmpint (tile_height (window, (CtoFunction) f), ==, height);
  g_assert_false (cto_coverage_tile_get_compact (window->tiles[0]));
  /* The overload line, said or not, is a line high: however large the
   * text, the tile does not grow when someone becomes overloaded. */
  g_assert_cmpint (overload_line_height (window, CTO_FUNCTION_THINKER), >, 0);
  g_assert_cmpint (overload_line_height (window, CTO_FUNCTION_THINKER), ==,
                   overload_line_height (window, CTO_FUNCTION_PLANNING));

  /* The thinker function gets a person who is overloaded, one resting on
   * them, and one shared with no one accountable: three warnings more. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.assign", "(ss)", "open-3", "bo");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.assign", "(ss)", "open-3", "p2");
  spin ();
  spin_for (0.2);
  g_assert_cmpstr (tile_text (window, CTO_FUNCTION_THINKER, "overloaded"), ==, "Bo Lin is 7 h over");
  for (guint f = 0; f < CTO_N_FUNCTIONS; f++)
    g_assert_cmpint (tile_height (window, (CtoFunction) f), ==, height);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (window->coverage_box)), ==, strip);

  /* A long name is ellipsized, and whole in the tooltip. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  cto_plan_set_person_name (window->plan, cto_plan_find_person (window->plan, "bo"),
                            "Bo Lin-Wojciechowska-Montgomery-Fitzgerald of the Infrastructure Team");
  spin ();
  spin_for (0.2);
  for (guint f = 0; f < CTO_N_FUNCTIONS; f++)
    g_assert_cmpint (tile_height (window, (CtoFunction) f), ==, height);

  window_free (window);
}

/* A tile has one warning line: it shows the first warning and how many
 * more there are, and its tooltip says them all. */
static void
test_warnings_counted (void)
{
  g_autoptr(CtoPlan) plan = cto_plan_new ();
  g_autoptr(CtoPerson) hire = cto_person_new ("hire", "Data hire", "", 40, TRUE);
  CtoWindow *window;
  GtkWidget *waiting;

  add_person (plan, "ana", "Ana Pérez", 40);
  add_person (plan, "bo", "Bo Lin", 40);
  cto_plan_insert_person (plan, G_MAXUINT, hire);
  /* One carried by a planned hire alone, one shared with no one accountable. */
  add_responsibility (plan, "pipeline", CTO_FUNCTION_INFRASTRUCTURE, 4, "hire");
  add_responsibility (plan, "storage", CTO_FUNCTION_INFRASTRUCTURE, 4, "ana");
  cto_plan_assign (plan, cto_plan_find_responsibility (plan, "storage"),
                   cto_plan_find_person (plan, "bo"), 1);
  window = window_new_sized (plan, 1280, 800);

  g_assert_cmpstr (tile_text (window, CTO_FUNCTION_INFRASTRUCTURE, "waiting"), ==,
                   "1 waiting for a hire · 1 more");
  waiting = find_widget_by_name (GTK_WIDGET (window->tiles[CTO_FUNCTION_INFRASTRUCTURE]), "waiting");
  g_assert_true (gtk_widget_get_mapped (waiting));
  g_assert_cmpstr (cto_tooltip_get_text (waiting), ==,
                   "1 waiting for a hire\n1 with no one accountable");
  g_assert_false (gtk_widget_get_mapped (find_widget_by_name (
    GTK_WIDGET (window->tiles[CTO_FUNCTION_INFRASTRUCTURE]), "no-accountable")));

  /* One warning alone says only itself. */
  cto_plan_set_accountable (window->plan, cto_plan_find_responsibility (window->plan, "storage"),
                            cto_plan_find_person (window->plan, "ana"));
  spin ();
  g_assert_cmpstr (tile_text (window, CTO_FUNCTION_INFRASTRUCTURE, "waiting"), ==,
                   "1 waiting for a hire");
  g_assert_cmpstr (cto_tooltip_get_text (waiting), ==, "1 waiting for a hire");

  window_free (window);
}

/* At 800×600 the strip takes two short lines a tile, each with its status in
 * words and the warning that matters most. */
static void
test_compact_small_screen (void)
{
  g_autoptr(CtoPlan) plan = team_plan ();
  CtoWindow *window = window_new_sized (plan, 800, 600);
  int height;

  spin_for (0.2);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (window)), <=, 600);
  height = tile_height (window, CTO_FUNCTION_PLANNING);
  for (guint f = 0; f < CTO_N_FUNCTIONS; f++)
    {
      g_assert_true (cto_coverage_tile_get_compact (window->tiles[f]));
      g_assert_cmpint (tile_height (window, (CtoFunction) f), ==, height);
    }
  /* A tenth of the window at most, where the full tiles took half. */
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (window->coverage_box)), <=, 60);

  g_assert_cmpstr (tile_text (window, CTO_FUNCTION_THINKER, "compact"), ==, "Not covered");
  g_assert_cmpstr (tile_text (window, CTO_FUNCTION_PLANNING, "compact"), ==, "1 of 2 · Bo Lin is 6 h over");
  /* The overload warning is still there to take the user to Bo Lin. */
  g_assert_true (gtk_widget_get_mapped (gtk_widget_get_ancestor (
    find_widget_by_name (GTK_WIDGET (window->tiles[CTO_FUNCTION_PLANNING]), "overloaded"),
    GTK_TYPE_BUTTON)));
  g_assert_false (gtk_widget_get_mapped (gtk_widget_get_ancestor (
    find_widget_by_name (GTK_WIDGET (window->tiles[CTO_FUNCTION_THINKER]), "overloaded"),
    GTK_TYPE_BUTTON)));
  /* The window keeps the size asked for: the strip fits 800 pixels. */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 800);

  /* Taller again: the full tiles. */
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 780);
  spin_for (0.3);
  g_assert_false (cto_coverage_tile_get_compact (window->tiles[0]));

  window_free (window);
}

int
main (int   argc,
      char *argv[])
{
  display_test_init (&argc, &argv, "window-coverage", "none");

  g_test_add_func ("/window-coverage/overloaded/named-and-shown", test_overloaded_named);
  g_test_add_func ("/window-coverage/overloaded/many", test_overloaded_many);
  g_test_add_func ("/window-coverage/overloaded/counted", test_overloaded_counted);
  g_test_add_func ("/window-coverage/overloaded/long-names", test_overloaded_long_names);
  g_test_add_func ("/window-coverage/status/partly-says-how-much", test_partly_covered_says_how_much);
  g_test_add_func ("/window-coverage/tiles/height-fixed", test_heights_fixed);
  g_test_add_func ("/window-coverage/tiles/warnings-counted", test_warnings_counted);
  g_test_add_func ("/window-coverage/tiles/compact-at-800x600", test_compact_small_screen);

  return display_test_run ();
}
