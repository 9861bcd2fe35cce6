/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "cto-plan-io.h"
#include "cto-responsibility-row.h"
#include "cto-tooltip.h"
#include "cto-window-private.h"
#include "display-test-util.h"

/* The responsibility list from the keyboard and for a screen reader: one
 * Tab stop, arrows inside, rows named, their actions in a menu. */

static const char plan_json[] =
  "{\n"
  "  \"format\": \"cto-planner-plan\",\n"
  "  \"version\": 1,\n"
  "  \"title\": \"Test plan\",\n"
  "  \"people\": [\n"
  "    { \"id\": \"ana\", \"name\": \"Ana\", \"role\": \"CEO\", \"capacity\": 40 },\n"
  "    { \"id\": \"bo\", \"name\": \"Bo\", \"role\": \"Engineer\", \"capacity\": 10 }\n"
  "  ],\n"
  "  \"responsibilities\": [\n"
  "    { \"id\": \"tools\", \"title\": \"Choose and run the engineering tools of the whole company\",\n"
  "      \"function\": \"planning\", \"effort\": 4 },\n"
  "    { \"id\": \"security\", \"title\": \"Security\", \"function\": \"infrastructure\", \"effort\": 6,\n"
  "      \"assignees\": [ { \"person\": \"ana\" }, { \"person\": \"bo\", \"share\": 2 } ] },\n"
  "    { \"id\": \"data\", \"title\": \"Data storage\", \"function\": \"infrastructure\", \"effort\": 2.5,\n"
  "      \"assignees\": [ { \"person\": \"bo\" } ] },\n"
  "    { \"id\": \"support\", \"title\": \"Support\", \"function\": \"consumer-liaison\", \"effort\": 12 }\n"
  "  ]\n"
  "}\n";

static CtoWindow *
window_new (void)
{
  g_autoptr(CtoPlan) plan = plan_from_json (plan_json);
  CtoWindow *window = window_new_with (plan);

  spin ();

  return window;
}

static GtkWidget *
row_of (CtoWindow  *window,
        const char *id)
{
  GtkWidget *row = find_widget (GTK_WIDGET (window->responsibility_list), is_row_of, id);

  g_assert_nonnull (row);
  return row;
}

static GtkWidget *
focus_of (CtoWindow *window)
{
  return gtk_root_get_focus (GTK_ROOT (window));
}

static gboolean
in_list (CtoWindow *window)
{
  GtkWidget *focus = focus_of (window);

  return focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (window->responsibility_list));
}

/* A Tab key press on the list, as GTK delivers it there first (capture). */
static void
tab (CtoWindow       *window,
     GdkModifierType  modifiers)
{
  g_autoptr(GListModel) controllers =
    gtk_widget_observe_controllers (GTK_WIDGET (window->responsibility_list));
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed",
                               modifiers & GDK_SHIFT_MASK ? GDK_KEY_ISO_Left_Tab : GDK_KEY_Tab,
                               0, modifiers, &handled);
    }
  g_assert_true (handled);
  spin ();
}

/* One Tab stop: into the list, then out of it; arrows move inside. */
static void
test_one_tab_stop (void)
{
  CtoWindow *window = window_new ();
  GtkWidget *item = gtk_widget_get_parent (row_of (window, "tools"));

  g_assert_true (gtk_widget_grab_focus (item));
  g_assert_true (in_list (window));

  /* Down reaches the next row, still in the list. */
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_DOWN));
  g_assert_true (in_list (window));
  g_assert_true (focus_of (window) == gtk_widget_get_parent (row_of (window, "security")));

  /* Tab leaves the list at once, whichever row has the focus; Shift+Tab
   * goes back to the search. */
  tab (window, 0);
  g_assert_false (in_list (window));
  g_assert_true (gtk_widget_is_ancestor (focus_of (window),
                                         gtk_paned_get_end_child (GTK_PANED (gtk_widget_get_ancestor (
                                           GTK_WIDGET (window->responsibility_list), GTK_TYPE_PANED)))));
  g_assert_true (gtk_widget_grab_focus (gtk_widget_get_parent (row_of (window, "data"))));
  tab (window, GDK_SHIFT_MASK);
  g_assert_false (in_list (window));
  g_assert_true (focus_of (window) == GTK_WIDGET (window->search_entry) ||
                 gtk_widget_is_ancestor (focus_of (window), GTK_WIDGET (window->search_entry)));

  /* The rows' buttons are no Tab stops of their own. */
  g_assert_false (gtk_widget_child_focus (row_of (window, "security"), GTK_DIR_TAB_FORWARD));

  window_free (window);
}

/* F6 or Shift+F6 as the window's shortcut takes it; whether it did. */
static gboolean
try_f6 (CtoWindow       *window,
        GdkModifierType  modifiers)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)) && !handled; j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == GDK_KEY_F6 &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers)
            handled = gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0,
                                                    GTK_WIDGET (window),
                                                    gtk_shortcut_get_arguments (shortcut));
        }
    }
  spin ();
  return handled;
}

static void
press_f6 (CtoWindow       *window,
          GdkModifierType  modifiers)
{
  g_assert_true (try_f6 (window, modifiers));
}

static gboolean
in_people_pane (CtoWindow *window)
{
  GtkPaned *panes = GTK_PANED (gtk_widget_get_ancestor (GTK_WIDGET (window->responsibility_list),
                                                        GTK_TYPE_PANED));

  return gtk_widget_is_ancestor (focus_of (window), gtk_paned_get_end_child (panes));
}

/* A plan opens with the focus on its list's first row. F6 moves between
 * the list and the people, back where the focus was in each; from the
 * header bar, F6 goes to the list and Shift+F6 to the people. */
static void
test_f6 (void)
{
  CtoWindow *window = window_new ();
  GtkWidget *tools = gtk_widget_get_parent (row_of (window, "tools"));
  GtkWidget *security = gtk_widget_get_parent (row_of (window, "security"));

  g_assert_true (focus_of (window) == tools);

  /* Into the people: first the As of control, the top of their pane. */
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_DOWN));
  g_assert_true (focus_of (window) == security);
  press_f6 (window, 0);
  g_assert_true (in_people_pane (window));
  g_assert_true (gtk_widget_is_ancestor (focus_of (window), GTK_WIDGET (window->as_of_dropdown)));
  press_f6 (window, 0);
  g_assert_true (focus_of (window) == security);
  press_f6 (window, GDK_SHIFT_MASK);
  g_assert_true (in_people_pane (window));

  /* From the header bar. */
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window->header_bar), GTK_DIR_TAB_FORWARD));
  g_assert_false (in_list (window) || in_people_pane (window));
  press_f6 (window, 0);
  g_assert_true (focus_of (window) == security);
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window->header_bar), GTK_DIR_TAB_FORWARD));
  press_f6 (window, GDK_SHIFT_MASK);
  g_assert_true (in_people_pane (window));

  /* Back where the focus was among the people: on a card. */
  {
    GtkWidget *on_card;

    g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window->people_grid), GTK_DIR_TAB_FORWARD));
    on_card = focus_of (window);
    g_assert_true (gtk_widget_is_ancestor (on_card, GTK_WIDGET (window->people_grid)));
    press_f6 (window, 0);
    g_assert_true (focus_of (window) == security);
    press_f6 (window, 0);
    g_assert_true (focus_of (window) == on_card);
  }

  /* On the org chart the panes are hidden: F6 is not theirs, and a plan
   * opened there leaves the focus where it is. */
  adw_view_stack_set_visible_child_name (window->view_stack, "org-chart");
  spin_for (0.2);
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window->header_bar), GTK_DIR_TAB_FORWARD));
  {
    GtkWidget *in_header = focus_of (window);
    g_autoptr(CtoPlan) other = plan_from_json (plan_json);

    g_assert_false (try_f6 (window, 0));
    g_assert_true (focus_of (window) == in_header);
    _cto_window_set_plan (window, other, NULL);
    spin_for (0.2);
    g_assert_true (focus_of (window) == in_header);
  }

  window_free (window);
}

/* A plan with no responsibilities opens with the focus in the search, and
 * F6 from the header bar goes there too. */
static void
test_f6_empty_list (void)
{
  g_autoptr(CtoPlan) plan = plan_from_json ("{ \"format\": \"cto-planner-plan\", \"version\": 1,\n"
                                            "  \"title\": \"Nothing yet\",\n"
                                            "  \"people\": [ { \"id\": \"ana\", \"name\": \"Ana\" } ],\n"
                                            "  \"responsibilities\": [] }\n");
  CtoWindow *window = window_new_with (plan);
  GtkWidget *search = GTK_WIDGET (window->search_entry);

  spin_for (0.2);
  g_assert_true (focus_of (window) == search || gtk_widget_is_ancestor (focus_of (window), search));

  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window->header_bar), GTK_DIR_TAB_FORWARD));
  g_assert_false (gtk_widget_is_ancestor (focus_of (window), search));
  press_f6 (window, 0);
  g_assert_true (focus_of (window) == search || gtk_widget_is_ancestor (focus_of (window), search));

  window_free (window);
}

static void
test_rows_named (void)
{
  CtoWindow *window = window_new ();
  const struct {
    const char *id;
    const char *name;
  } rows[] = {
    { "tools", "Choose and run the engineering tools of the whole company, Planning, unassigned, 4 h a week" },
    { "security", "Security, Infrastructure, carried by Ana, Bo, 6 h a week" },
    { "data", "Data storage, Infrastructure, carried by Bo, 2.5 h a week" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      GtkWidget *item = gtk_widget_get_parent (row_of (window, rows[i].id));
      char *error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (item),
                                                        GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                        rows[i].name);

      if (error != NULL)
        g_error ("%s: %s", rows[i].id, error);
    }

  /* A change shows in the name at once. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.assign", "(ss)", "tools", "bo");
  spin ();
  {
    GtkWidget *item = gtk_widget_get_parent (row_of (window, "tools"));
    char *error = gtk_test_accessible_check_property (
      GTK_ACCESSIBLE (item), GTK_ACCESSIBLE_PROPERTY_LABEL,
      "Choose and run the engineering tools of the whole company, Planning, carried by Bo, 4 h a week");

    if (error != NULL)
      g_error ("tools: %s", error);
  }

  window_free (window);
}

/* The row's actions, without its buttons: Shift+F10 opens its menu. */
static void
test_row_menu (void)
{
  CtoWindow *window = window_new ();
  GtkWidget *row = row_of (window, "data");
  GtkWidget *menu;

  g_assert_true (gtk_widget_grab_focus (gtk_widget_get_parent (row)));
  press_shortcut (GTK_WIDGET (window->responsibility_list), "<Shift>F10");
  menu = cto_responsibility_row_get_menu (CTO_RESPONSIBILITY_ROW (row));
  g_assert_nonnull (menu);
  g_assert_true (gtk_widget_get_visible (menu));

  /* Its Delete deletes this row's responsibility. */
  gtk_widget_activate_action (menu, "row.delete", NULL);
  spin ();
  g_assert_null (cto_plan_find_responsibility (window->plan, "data"));

  window_free (window);
}

/* Fails the test unless @widget is named @name. */
static void
assert_named (GtkWidget  *widget,
              const char *name)
{
  char *error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                    GTK_ACCESSIBLE_PROPERTY_LABEL, name);

  if (error != NULL)
    g_error ("%s: %s", G_OBJECT_TYPE_NAME (widget), error);
}

/* The board's cells, which the arrow keys focus, are named as their cards
 * are: name and load; and the name follows the plan. */
static void
test_cells_named (void)
{
  CtoWindow *window = window_new ();
  GtkWidget *card = find_widget (GTK_WIDGET (window->people_grid), is_card_of,
                                 cto_plan_find_person (window->plan, "bo"));

  g_assert_nonnull (card);
  assert_named (card, "Bo. 6.5 of 10 h · 65%");
  assert_named (gtk_widget_get_parent (card), "Bo. 6.5 of 10 h · 65%");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.assign", "(ss)", "tools", "bo");
  spin ();
  card = find_widget (GTK_WIDGET (window->people_grid), is_card_of,
                      cto_plan_find_person (window->plan, "bo"));
  assert_named (gtk_widget_get_parent (card), "Bo. 10.5 of 10 h · 105%. Overloaded");

  window_free (window);
}

/* Titles wrap to two lines, whole in a tooltip. */
static void
test_titles_wrap (void)
{
  CtoWindow *window = window_new ();
  GtkWidget *row = row_of (window, "tools");
  GtkWidget *title = find_widget_by_name (row, "title");

  g_assert_nonnull (title);
  /* Shown, with the whole title in it. */
  g_assert_true (gtk_widget_get_visible (title));
  g_assert_true (gtk_widget_get_mapped (title));
  g_assert_cmpint (gtk_widget_get_height (title), >, 0);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (title)), ==,
                   "Choose and run the engineering tools of the whole company");
  g_assert_true (gtk_label_get_wrap (GTK_LABEL (title)));
  g_assert_cmpint (gtk_label_get_lines (GTK_LABEL (title)), ==, 2);
  g_assert_cmpstr (cto_tooltip_get_text (title), ==,
                   "Choose and run the engineering tools of the whole company");

  /* Every row keeps the same height, one line of title or two: the list
   * sizes the rows it has not filled yet by those it has. */
  {
    GtkWidget *long_content = gtk_widget_get_last_child (row);
    GtkWidget *short_content = gtk_widget_get_last_child (row_of (window, "data"));

    g_assert_cmpint (gtk_widget_get_height (long_content), >, 0);
    g_assert_cmpint (gtk_widget_get_height (long_content), ==, gtk_widget_get_height (short_content));
  }

  window_free (window);
}

int
main (int   argc,
      char *argv[])
{
  /* GTK's own accessibility context for tests: what a screen reader reads. */
  display_test_init (&argc, &argv, "window-list", "test");

  g_test_add_func ("/window-list/keyboard/one-tab-stop", test_one_tab_stop);
  g_test_add_func ("/window-list/keyboard/row-menu", test_row_menu);
  g_test_add_func ("/window-list/keyboard/f6", test_f6);
  g_test_add_func ("/window-list/keyboard/f6-empty-list", test_f6_empty_list);
  g_test_add_func ("/window-list/a11y/rows-named", test_rows_named);
  g_test_add_func ("/window-list/a11y/cells-named", test_cells_named);
  g_test_add_func ("/window-list/titles/wrap", test_titles_wrap);

  return display_test_run ();
}
