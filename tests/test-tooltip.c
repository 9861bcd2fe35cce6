/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gtk/gtk.h>

#include <adwaita.h>

#include "cto-tooltip.h"
#include "cto-window.h"

/* Tooltips kept on the widget and given to GTK when it asks: what the user
 * sees on hovering, and what a screen reader says of the widget. */

static gboolean
ask (GtkWidget *widget)
{
  g_autoptr(GtkTooltip) tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
  gboolean shown = FALSE;

  g_signal_emit_by_name (widget, "query-tooltip", 1, 1, FALSE, tooltip, &shown);

  return shown;
}

static void
test_tooltip_shown (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *button = gtk_button_new_with_label ("Edit");

  gtk_window_set_child (GTK_WINDOW (window), button);
  gtk_window_present (GTK_WINDOW (window));

  g_assert_false (ask (button));

  cto_tooltip_set_text (button, "Edit Responsibility");
  g_assert_cmpstr (cto_tooltip_get_text (button), ==, "Edit Responsibility");
  g_assert_true (gtk_widget_get_has_tooltip (button));
  g_assert_true (ask (button));
  g_assert_null (gtk_test_accessible_check_property (GTK_ACCESSIBLE (button),
                                                     GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                     "Edit Responsibility"));

  /* A new text replaces the old, for both. */
  cto_tooltip_set_text (button, "Assign to…");
  g_assert_cmpstr (cto_tooltip_get_text (button), ==, "Assign to…");
  g_assert_null (gtk_test_accessible_check_property (GTK_ACCESSIBLE (button),
                                                     GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                     "Assign to…"));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_tooltip_removed (void)
{
  g_autoptr(GtkWidget) label = g_object_ref_sink (gtk_label_new ("Rosa Novak"));

  cto_tooltip_set_text (label, "Rosa Novak, Head of Operations");
  g_assert_true (ask (label));

  /* None, and an empty text is none. */
  cto_tooltip_set_text (label, "");
  g_assert_null (cto_tooltip_get_text (label));
  g_assert_false (gtk_widget_get_has_tooltip (label));
  g_assert_false (ask (label));
  g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (label),
                                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));

  cto_tooltip_set_text (label, "Back");
  cto_tooltip_set_text (label, NULL);
  g_assert_null (cto_tooltip_get_text (label));
  g_assert_false (ask (label));
}

/* While a drop-down's list or a menu button's menu is open, their tooltip
 * is not shown: GTK would show it over the list, hiding its first item. */
static void
test_tooltip_popover_open (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  const char * const days[] = { "Whole Plan", "As of 1 April 2027", NULL };
  GtkWidget *dropdown = gtk_drop_down_new_from_strings (days);
  GtkWidget *menu_button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();

  gtk_popover_set_child (GTK_POPOVER (popover), gtk_label_new ("Delete"));
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (menu_button), popover);
  gtk_box_append (GTK_BOX (box), dropdown);
  gtk_box_append (GTK_BOX (box), menu_button);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
  cto_tooltip_set_text (dropdown, "Show the plan as of a day");
  cto_tooltip_set_text (menu_button, "More");
  /* A list opens only over a window on screen. */
  while (!gtk_widget_get_mapped (dropdown))
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (ask (dropdown));
  /* Its button, pressed. */
  g_assert_true (GTK_IS_TOGGLE_BUTTON (gtk_widget_get_first_child (dropdown)));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (gtk_widget_get_first_child (dropdown)), TRUE);
  g_assert_false (ask (dropdown));
  gtk_menu_button_popup (GTK_MENU_BUTTON (menu_button));
  g_assert_false (ask (menu_button));

  gtk_menu_button_popdown (GTK_MENU_BUTTON (menu_button));
  g_assert_true (ask (menu_button));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Counts the widgets under @widget whose tooltip was set with GTK's own
 * setter, which waits on the display each time. A search entry's clear
 * icon is GTK's own doing, not the window's. */
static guint
count_gtk_tooltips (GtkWidget *widget)
{
  guint n = 0;

  if (gtk_widget_get_tooltip_text (widget) != NULL || gtk_widget_get_tooltip_markup (widget) != NULL)
    {
      g_test_message ("a GTK tooltip on a %s: %s", G_OBJECT_TYPE_NAME (widget),
                      gtk_widget_get_tooltip_text (widget));
      n++;
    }

  if (GTK_IS_SEARCH_ENTRY (widget))
    return n;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_gtk_tooltips (child);

  return n;
}

static GtkWidget *
find_by_action (GtkWidget  *widget,
                const char *action)
{
  if (GTK_IS_ACTIONABLE (widget)
      && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_action (child, action);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The window's own buttons keep their tooltips, and none of them, nor any
 * of the window's other widgets, had it set in a way that waits on the
 * display while the window is made. */
static void
test_tooltip_window (void)
{
  CtoWindow *window = cto_window_new (NULL);
  GtkWidget *undo = find_by_action (GTK_WIDGET (window), "win.undo");
  GtkWidget *add_person = find_by_action (GTK_WIDGET (window), "win.add-person");

  g_assert_nonnull (undo);
  g_assert_cmpstr (cto_tooltip_get_text (undo), ==, "Undo (Ctrl+Z)");
  g_assert_true (ask (undo));
  g_assert_nonnull (add_person);
  g_assert_cmpstr (cto_tooltip_get_text (add_person), ==, "Add Person");
  g_assert_null (gtk_test_accessible_check_property (GTK_ACCESSIBLE (add_person),
                                                     GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                     "Add Person"));

  g_assert_cmpuint (count_gtk_tooltips (GTK_WIDGET (window)), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  /* The accessible properties are read back through GTK's test context. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/tooltip/shown", test_tooltip_shown);
  g_test_add_func ("/tooltip/removed", test_tooltip_removed);
  g_test_add_func ("/tooltip/popover-open", test_tooltip_popover_open);
  g_test_add_func ("/tooltip/window", test_tooltip_window);

  return g_test_run ();
}
