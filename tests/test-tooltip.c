/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gtk/gtk.h>

#include "cto-tooltip.h"

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

int
main (int   argc,
      char *argv[])
{
  /* The accessible properties are read back through GTK's test context. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tooltip/shown", test_tooltip_shown);
  g_test_add_func ("/tooltip/removed", test_tooltip_removed);

  return g_test_run ();
}
