/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "cto-assign-popover.h"
#include "cto-date-row.h"
#include "cto-history.h"
#include "cto-mnemonic-names.h"
#include "cto-person-card.h"
#include "cto-person-dialog.h"
#include "cto-plan-io.h"
#include "cto-responsibility-dialog.h"
#include "cto-window-private.h"
#include "cto-responsibility-row.h"
#include "cto-tooltip.h"
#include "display-test-util.h"

/* The dialogs as a keyboard uses them: the first field has the focus, Tab
 * stops once at each field, Enter in a field does what the default button
 * does. Tab and Enter are what GTK's own key bindings call: moving the
 * focus forward from the window, and activating the focused widget. */

/* Helpers ------------------------------------------------------------------ */

static gboolean
is_toplevel_of (gpointer data)
{
  GType type = GPOINTER_TO_SIZE (data);
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (toplevel, type) && gtk_widget_get_mapped (GTK_WIDGET (toplevel)))
        return TRUE;
    }
  return FALSE;
}

static GtkWidget *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (toplevel, type))
        return GTK_WIDGET (toplevel);
    }
  return NULL;
}

static GtkWidget *
open_dialog (CtoWindow  *window,
             const char *action,
             GType       type)
{
  GtkWidget *dialog;

  gtk_widget_activate_action (GTK_WIDGET (window), action, NULL);
  spin_until (is_toplevel_of, GSIZE_TO_POINTER (type), 10);
  dialog = find_toplevel (type);
  g_assert_nonnull (dialog);
  spin ();

  return dialog;
}

static GtkWidget *
focus_of (GtkWidget *window)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  g_assert_nonnull (focus);
  return focus;
}

static void
collect_of_type (GtkWidget *root,
                 GType      type,
                 GPtrArray *found)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        g_ptr_array_add (found, child);
      collect_of_type (child, type, found);
    }
}

/* The nth widget of @type in @root, depth first. */
static GtkWidget *
nth_of_type (GtkWidget *root,
             GType      type,
             guint      n)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect_of_type (root, type, found);
  return n < found->len ? g_ptr_array_index (found, n) : NULL;
}

static gboolean
focus_in (GtkWidget *dialog,
          GtkWidget *field)
{
  GtkWidget *focus = focus_of (dialog);

  return focus == field || gtk_widget_is_ancestor (focus, field);
}

/* Tab, as the window's key binding does it. */
static void
press_tab (GtkWidget *window)
{
  if (!gtk_widget_child_focus (window, GTK_DIR_TAB_FORWARD))
    {
      gtk_root_set_focus (GTK_ROOT (window), NULL);
      gtk_widget_child_focus (window, GTK_DIR_TAB_FORWARD);
    }
  spin ();
}

/* Typing into the focused field, then Enter. */
static void
type_text (GtkWidget  *window,
           const char *text)
{
  GtkWidget *focus = focus_of (window);

  g_assert_true (GTK_IS_EDITABLE (focus));
  gtk_editable_set_text (GTK_EDITABLE (focus), text);
  spin ();
}

/* Enter: a text field's key binding emits its "activate"; elsewhere the
 * focused widget activates. */
static void
press_enter (GtkWidget *window)
{
  GtkWidget *focus = focus_of (window);

  if (GTK_IS_TEXT (focus))
    g_signal_emit_by_name (focus, "activate");
  else
    g_assert_true (gtk_widget_activate (focus));
  spin ();
}

static gboolean
toplevel_gone (gpointer data)
{
  return find_toplevel (GPOINTER_TO_SIZE (data)) == NULL;
}

static CtoWindow *
window_new (void)
{
  CtoWindow *window = cto_window_new (NULL);

  gtk_window_present (GTK_WINDOW (window));
  spin_for (0.2);

  return window;
}

/* Enter in a dialog of @type that then closes, having done its work. */
static void
enter_closes (GtkWidget *dialog,
              GType      type)
{
  press_enter (dialog);
  spin_until (toplevel_gone, GSIZE_TO_POINTER (type), 10);
}

/* A person added as the keyboard adds one: Shift+Ctrl+P, the name, Enter. */
static void
add_person (CtoWindow  *window,
            const char *name)
{
  GtkWidget *dialog = open_dialog (window, "win.add-person", CTO_TYPE_PERSON_DIALOG);

  type_text (dialog, name);
  enter_closes (dialog, CTO_TYPE_PERSON_DIALOG);
}

/* Tests -------------------------------------------------------------------- */

static gboolean
is_shown_popover (GtkWidget     *widget,
                  gconstpointer  data)
{
  return GTK_IS_POPOVER (widget) && gtk_widget_get_visible (widget);
}

/* Whether @widget shows a popover. An activated button clicks only once
 * its pressed look has shown: the tests wait for it. */
static gboolean
has_shown_popover (gpointer widget)
{
  return find_widget (widget, is_shown_popover, NULL) != NULL;
}

static void
test_person_focus_and_tab_stops (void)
{
  /* People for the Reports to list. */
  CtoWindow *window = small_window_new ();
  GtkWidget *dialog = open_dialog (window, "win.add-person", CTO_TYPE_PERSON_DIALOG);
  GtkWidget *fields[] = {
    nth_of_type (dialog, ADW_TYPE_ENTRY_ROW, 0),
    nth_of_type (dialog, ADW_TYPE_ENTRY_ROW, 1),
    nth_of_type (dialog, GTK_TYPE_SPIN_BUTTON, 0),
    nth_of_type (dialog, GTK_TYPE_MENU_BUTTON, 0),
    nth_of_type (dialog, GTK_TYPE_SWITCH, 0),
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    g_assert_nonnull (fields[i]);

  /* Opened on the name, not on Cancel. */
  g_assert_true (focus_in (dialog, fields[0]));
  g_assert_true (GTK_IS_EDITABLE (focus_of (dialog)));
  type_text (dialog, "Chen Wei");

  /* One Tab a field, in the order they show. */
  for (guint i = 1; i < G_N_ELEMENTS (fields); i++)
    {
      press_tab (dialog);
      g_assert_true (focus_in (dialog, fields[i]));
    }

  /* Enter on Reports to opens its list, as Space does: it does not add
   * the person with whoever the row shows. */
  g_assert_true (gtk_widget_grab_focus (fields[3]));
  press_enter (dialog);
  spin_until (has_shown_popover, fields[3], 5);
  g_assert_nonnull (find_toplevel (CTO_TYPE_PERSON_DIALOG));
  g_assert_null (cto_plan_find_person (window->plan, "chen-wei"));

  /* Closed before the dialog, as the user closes it: GTK 4.8 does not
   * take a dialog destroyed under an open list under the pointer well. */
  gtk_popover_popdown (GTK_POPOVER (find_widget (fields[3], is_shown_popover, NULL)));
  spin ();
  gtk_window_destroy (GTK_WINDOW (dialog));
  window_free (window);
}

/* Whom a new person reports to, chosen by typing part of a name in the
 * list's search and Enter, as in the org chart. */
static void
test_person_reports_to_search (void)
{
  CtoWindow *window = small_window_new ();
  GtkWidget *dialog = open_dialog (window, "win.add-person", CTO_TYPE_PERSON_DIALOG);
  GtkWidget *name = nth_of_type (dialog, ADW_TYPE_ENTRY_ROW, 0);
  GtkWidget *reports = nth_of_type (dialog, GTK_TYPE_MENU_BUTTON, 0);
  GtkWidget *popover;
  GtkWidget *search;
  CtoPerson *person;

  g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (reports)), ==, "No One");
  /* What takes the focus says what it is for. */
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (gtk_widget_get_first_child (reports)),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Reports to: No One");
  type_text (dialog, "Chen Wei");

  /* Enter on the button opens the list, with the focus in its search. */
  g_assert_true (gtk_widget_grab_focus (reports));
  press_enter (dialog);
  spin_until (has_shown_popover, reports, 5);
  popover = find_widget (reports, is_shown_popover, NULL);
  search = focus_of (dialog);
  g_assert_true (GTK_IS_EDITABLE (search));
  g_assert_true (gtk_widget_is_ancestor (search, popover));

  /* "bo" is in Bo's name alone: Enter picks him, and the list closes. */
  gtk_editable_set_text (GTK_EDITABLE (search), "bo");
  spin_for (0.3);
  press_enter (dialog);
  g_assert_false (gtk_widget_get_visible (popover));
  g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (reports)), ==, "Bo");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (gtk_widget_get_first_child (reports)),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Reports to: Bo");
  g_assert_true (focus_in (dialog, reports));

  /* Nothing changes in the plan until the person is added. */
  g_assert_null (cto_plan_find_person (window->plan, "chen-wei"));
  g_assert_true (gtk_widget_grab_focus (name));
  enter_closes (dialog, CTO_TYPE_PERSON_DIALOG);
  person = cto_plan_find_person (window->plan, "chen-wei");
  g_assert_nonnull (person);
  g_assert_cmpstr (cto_person_get_reports_to (person), ==, "bo");

  /* Editing Chen: the button shows Bo, and Chen is no choice of their own. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-person", "s", "chen-wei");
  spin_until (is_toplevel_of, GSIZE_TO_POINTER (CTO_TYPE_PERSON_DIALOG), 10);
  dialog = find_toplevel (CTO_TYPE_PERSON_DIALOG);
  reports = nth_of_type (dialog, GTK_TYPE_MENU_BUTTON, 0);
  g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (reports)), ==, "Bo");

  gtk_window_destroy (GTK_WINDOW (dialog));
  window_free (window);
}

static gboolean
is_drawn (gpointer widget)
{
  return gtk_widget_is_drawable (widget);
}

/* Whether @widget shows whole in what @scrolled shows. */
static gboolean
in_view (GtkWidget *widget,
         GtkWidget *scrolled)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (widget, scrolled, &bounds));
  return bounds.origin.y >= 0 &&
         bounds.origin.y + bounds.size.height <= gtk_widget_get_height (scrolled);
}

static gboolean
is_error_label (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "error");
}

/* Dates the plan refuses are said in the dialog, where the user sees it:
 * in a dialog too short for its fields, scrolled down to the dates. */
static void
test_person_error_in_view (void)
{
  CtoWindow *window = window_new ();
  GtkWidget *dialog = open_dialog (window, "win.add-person", CTO_TYPE_PERSON_DIALOG);
  GtkWidget *error = find_widget (dialog, is_error_label, NULL);
  GtkWidget *scrolled = gtk_widget_get_ancestor (error, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  GDate start, end;

  gtk_window_set_default_size (GTK_WINDOW (dialog), 460, 240);
  type_text (dialog, "Chen Wei");
  g_date_clear (&start, 1);
  g_date_clear (&end, 1);
  g_date_set_dmy (&start, 1, G_DATE_JUNE, 2027);
  g_date_set_dmy (&end, 1, G_DATE_JANUARY, 2027);
  cto_date_row_set_date (CTO_DATE_ROW (nth_of_type (dialog, CTO_TYPE_DATE_ROW, 0)), &start);
  cto_date_row_set_date (CTO_DATE_ROW (nth_of_type (dialog, CTO_TYPE_DATE_ROW, 1)), &end);
  spin_for (0.2);

  /* Enter in the name field, at the top (the Add button clicks once it
   * has shown pressed): refused, and said where it shows. */
  g_assert_true (gtk_widget_grab_focus (nth_of_type (dialog, ADW_TYPE_ENTRY_ROW, 0)));
  gtk_adjustment_set_value (vadjustment, 0);
  press_enter (dialog);
  spin_until (is_drawn, error, 5);
  spin_for (0.2);
  g_assert_nonnull (find_toplevel (CTO_TYPE_PERSON_DIALOG));
  g_assert_null (cto_plan_find_person (window->plan, "chen-wei"));
  g_assert_true (in_view (error, scrolled));

  /* Again, from further down. */
  gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_upper (vadjustment));
  spin_for (0.2);
  g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment), >, 0);
  press_enter (dialog);
  spin_for (0.5);
  g_assert_null (cto_plan_find_person (window->plan, "chen-wei"));
  g_assert_true (in_view (error, scrolled));

  gtk_window_destroy (GTK_WINDOW (dialog));
  window_free (window);
}

static void
test_person_enter_adds (void)
{
  CtoWindow *window = window_new ();
  GtkWidget *dialog = open_dialog (window, "win.add-person", CTO_TYPE_PERSON_DIALOG);
  guint before = g_list_model_get_n_items (cto_plan_get_people (window->plan));
  CtoPerson *person;

  /* Enter with no name adds nothing and keeps the dialog. */
  press_enter (dialog);
  g_assert_nonnull (find_toplevel (CTO_TYPE_PERSON_DIALOG));
  g_assert_cmpuint (g_list_model_get_n_items (cto_plan_get_people (window->plan)), ==, before);

  type_text (dialog, "Chen Wei");
  press_tab (dialog);
  type_text (dialog, "Designer");
  press_tab (dialog);
  type_text (dialog, "32");
  /* Enter in the capacity field: the value typed counts. */
  enter_closes (dialog, CTO_TYPE_PERSON_DIALOG);

  person = cto_plan_find_person (window->plan, "chen-wei");
  g_assert_nonnull (person);
  g_assert_cmpstr (cto_person_get_role (person), ==, "Designer");
  g_assert_cmpfloat (cto_person_get_capacity (person), ==, 32);

  /* Enter in the role field adds too. */
  dialog = open_dialog (window, "win.add-person", CTO_TYPE_PERSON_DIALOG);
  type_text (dialog, "Bo");
  press_tab (dialog);
  type_text (dialog, "Engineer");
  enter_closes (dialog, CTO_TYPE_PERSON_DIALOG);
  g_assert_nonnull (cto_plan_find_person (window->plan, "bo"));

  window_free (window);
}

static void
test_responsibility_focus_and_enter (void)
{
  CtoWindow *window = window_new ();
  GtkWidget *dialog = open_dialog (window, "win.add-responsibility",
                                   CTO_TYPE_RESPONSIBILITY_DIALOG);
  guint before = g_list_model_get_n_items (cto_plan_get_responsibilities (window->plan));
  GtkWidget *fields[] = {
    nth_of_type (dialog, ADW_TYPE_ENTRY_ROW, 0),
    nth_of_type (dialog, ADW_TYPE_COMBO_ROW, 0),
    nth_of_type (dialog, GTK_TYPE_SPIN_BUTTON, 0),
    nth_of_type (dialog, GTK_TYPE_TEXT_VIEW, 0),
  };

  g_assert_true (focus_in (dialog, fields[0]));
  for (guint i = 1; i < G_N_ELEMENTS (fields); i++)
    {
      press_tab (dialog);
      g_assert_true (focus_in (dialog, fields[i]));
    }

  /* Enter on Function opens its list, as Space does: it does not add the
   * responsibility with the function the row shows. */
  g_assert_true (gtk_widget_grab_focus (fields[1]));
  press_shortcut (fields[1], "Return");
  spin_until (has_shown_popover, fields[1], 5);
  g_assert_cmpuint (g_list_model_get_n_items (cto_plan_get_responsibilities (window->plan)), ==,
                    before);
  gtk_popover_popdown (GTK_POPOVER (find_widget (fields[1], is_shown_popover, NULL)));
  spin ();

  /* Back to the title, then Enter adds. */
  gtk_widget_grab_focus (fields[0]);
  type_text (dialog, "On-call rota");
  enter_closes (dialog, CTO_TYPE_RESPONSIBILITY_DIALOG);
  g_assert_cmpuint (g_list_model_get_n_items (cto_plan_get_responsibilities (window->plan)), ==,
                    before + 1);

  window_free (window);
}

static void
test_export_focus (void)
{
  CtoWindow *window = window_new ();
  GtkWidget *dialog = open_dialog (window, "win.export", ADW_TYPE_MESSAGE_DIALOG);
  GtkWidget *first = focus_of (dialog);
  GtkWidget *check;

  /* On the format chosen last, a row of the list; Tab leaves the list for
   * the buttons (no second stop in the same row), arrows go along it. */
  g_assert_true (ADW_IS_ACTION_ROW (first));
  check = nth_of_type (first, GTK_TYPE_CHECK_BUTTON, 0);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  for (guint i = 0; i < 8; i++)
    {
      press_tab (dialog);
      g_assert_false (GTK_IS_CHECK_BUTTON (focus_of (dialog)));
    }
  gtk_widget_grab_focus (first);
  /* Down, as the list's key binding does it. */
  g_signal_emit_by_name (gtk_widget_get_parent (first), "move-cursor",
                         GTK_MOVEMENT_DISPLAY_LINES, 1, FALSE, FALSE);
  spin ();
  g_assert_true (ADW_IS_ACTION_ROW (focus_of (dialog)));
  g_assert_true (focus_of (dialog) != first);

  /* A row activated, as Space does it, picks its format. */
  check = nth_of_type (focus_of (dialog), GTK_TYPE_CHECK_BUTTON, 0);
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  press_enter (dialog);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));

  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  window_free (window);
}

/* Down to a format and Enter: that format, and the file to write it to. */
static void
test_export_enter (void)
{
  CtoWindow *window;
  GtkWidget *dialog;
  GtkWidget *first;
  GtkWidget *png = NULL;
  GtkFileChooser *chooser;

  if (!file_chooser_testable ())
    return;

  window = window_new ();
  dialog = open_dialog (window, "win.export", ADW_TYPE_MESSAGE_DIALOG);
  first = focus_of (dialog);
  for (GtkWidget *row = first; row != NULL; row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                   "Coverage page (PNG)") == 0)
      png = row;
  g_assert_nonnull (png);
  g_assert_true (png != first);
  gtk_widget_grab_focus (png);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);

  g_assert_true (press_key (png, GDK_KEY_Return, 0));
  g_assert_cmpint (window->export_format, ==, CTO_EXPORT_PNG);
  /* Gone, as when its button is pressed, which it is for a moment. */
  spin_until (is_cleared, &dialog, 5);
  g_assert_null (window->export_dialog);
  chooser = file_chooser_of (window);
  g_assert_nonnull (chooser);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (chooser)), ==, "Export as Coverage page (PNG)");
  file_chooser_respond (window, GTK_RESPONSE_CANCEL);

  window_free (window);
}

static gboolean
is_assign_button (GtkWidget     *widget,
                  gconstpointer  data)
{
  return GTK_IS_MENU_BUTTON (widget) && gtk_widget_get_mapped (widget)
         && g_strcmp0 (cto_tooltip_get_text (widget), "Assign to…") == 0;
}

static gboolean
has_assign_button (gpointer window)
{
  return find_widget (GTK_WIDGET (CTO_WINDOW (window)->responsibility_list),
                      is_assign_button, NULL) != NULL;
}

static gboolean
typing_in_picker (gpointer window)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return focus != NULL && GTK_IS_EDITABLE (focus) &&
         gtk_widget_get_ancestor (focus, CTO_TYPE_ASSIGN_POPOVER) != NULL;
}

/* From the starter template, with the keyboard only: three people, then
 * one of them takes a responsibility. */
/* The keyboard shortcuts window, as Ctrl+? opens it: built when first
 * asked for, over the window; asked for again, the same window. */
/* Whether a shortcut of the window under @widget has @value as its
 * @property ("action-name", "accelerator"). */
static gboolean
has_shortcut_with (GtkWidget  *widget,
                   const char *property,
                   const char *value)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      g_autofree char *own = NULL;

      g_object_get (widget, property, &own, NULL);
      if (g_strcmp0 (own, value) == 0)
        return TRUE;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_shortcut_with (child, property, value))
      return TRUE;

  return FALSE;
}

/* Whether @text, a key cap's, is a key's name as X spells it ("Page_Down",
 * "BackSpace"), which GtkShortcutLabel shows as it is when GTK has no
 * translation of it (English): an underscore, or a capital inside a word. */
static gboolean
is_raw_key_name (const char *text)
{
  if (strchr (text, '_') != NULL)
    return TRUE;
  for (const char *p = text; p[0] != '\0' && p[1] != '\0'; p++)
    if (g_ascii_islower (p[0]) && g_ascii_isupper (p[1]))
      return TRUE;
  return FALSE;
}

static gboolean
is_key_cap (GtkWidget     *widget,
            gconstpointer  raw)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "keycap") &&
         (!GPOINTER_TO_INT (raw) || is_raw_key_name (gtk_label_get_text (GTK_LABEL (widget))));
}

static void
test_shortcuts_window (void)
{
  CtoWindow *window = window_new ();
  GtkShortcutsWindow *overlay;
  GtkWidget *raw;

  g_assert_null (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  spin ();
  overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
  g_assert_nonnull (overlay);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (overlay)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (overlay)) == GTK_WINDOW (window));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (overlay)));
  g_assert_true (has_shortcut_with (GTK_WIDGET (overlay), "action-name", "win.save"));
  /* The keys of no action of ours that the keyboard relies on. */
  g_assert_true (has_shortcut_with (GTK_WIDGET (overlay), "accelerator", "F6 <Shift>F6"));
  g_assert_true (has_shortcut_with (GTK_WIDGET (overlay), "accelerator", "<Shift>F10 Menu"));
  g_assert_true (has_shortcut_with (GTK_WIDGET (overlay), "accelerator", "F10"));

  /* Every key reads as its key cap, in English too; the keys of a
   * presenter's remote are still told. */
  g_assert_nonnull (find_widget (GTK_WIDGET (overlay), is_key_cap, GINT_TO_POINTER (FALSE)));
  raw = find_widget (GTK_WIDGET (overlay), is_key_cap, GINT_TO_POINTER (TRUE));
  if (raw != NULL)
    g_error ("the shortcuts window shows the key cap “%s”", gtk_label_get_text (GTK_LABEL (raw)));
  g_assert_nonnull (find_widget (GTK_WIDGET (overlay), is_label_containing, "Page Down"));
  g_assert_nonnull (find_widget (GTK_WIDGET (overlay), is_label_containing, "Page Up"));

  gtk_window_close (GTK_WINDOW (overlay));
  spin ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (overlay)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  spin ();
  g_assert_true (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)) == overlay);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (overlay)));
  gtk_window_close (GTK_WINDOW (overlay));

  window_free (window);
}

/* A team of 40 with a responsibility each, all in infrastructure: what is
 * added at the end of the board or the list is far out of view. */
static CtoPlan *
team_plan (void)
{
  CtoPlan *plan = cto_plan_new ();

  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *id = g_strdup_printf ("p%u", i);
      g_autofree char *name = g_strdup_printf ("Person %u", i);
      g_autofree char *work = g_strdup_printf ("Work %u", i);
      g_autoptr(CtoPerson) person = cto_person_new (id, name, "Engineer", 40, FALSE);
      g_autoptr(CtoResponsibility) responsibility =
        cto_responsibility_new (id, work, CTO_FUNCTION_INFRASTRUCTURE, 10, "");

      cto_plan_insert_person (plan, G_MAXUINT, person);
      cto_plan_insert_responsibility (plan, G_MAXUINT, responsibility);
      cto_plan_assign (plan, responsibility, person, 1);
    }

  return plan;
}

typedef struct
{
  CtoWindow *window;
  gpointer   item;   /* a CtoPerson, or a CtoResponsibility */
} Shown;

/* Whether the focus is on @item's card or row, on screen. */
static gboolean
focus_on_item (gpointer data)
{
  Shown *shown = data;
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (shown->window));
  GtkWidget *view = CTO_IS_PERSON (shown->item) ? GTK_WIDGET (shown->window->people_grid)
                                                : GTK_WIDGET (shown->window->responsibility_list);

  if (focus == NULL || !gtk_widget_is_ancestor (focus, view))
    return FALSE;

  /* The view's cell for an item holds the focus for it. */
  for (GtkWidget *cell = focus; cell != view; cell = gtk_widget_get_parent (cell))
    if (gtk_widget_get_parent (cell) == view)
      {
        GtkWidget *child = gtk_widget_get_first_child (cell);

        if (child == NULL || !gtk_widget_get_mapped (child))
          return FALSE;
        if (CTO_IS_PERSON (shown->item))
          return cto_person_card_get_person (CTO_PERSON_CARD (child)) == shown->item;
        return cto_responsibility_row_get_responsibility (CTO_RESPONSIBILITY_ROW (child)) == shown->item;
      }

  return FALSE;
}

/* What a dialog adds or edits is shown with the focus where it is now, far
 * down the list or the board, also when a search hid it; the next keys act
 * on it. On the org chart, the chart stays. */
static void
test_added_shown (void)
{
  g_autoptr(CtoPlan) plan = team_plan ();
  CtoWindow *window = window_new_with (plan);
  GtkWidget *dialog;
  GtkWidget *function;
  Shown shown = { window, NULL };

  gtk_editable_set_text (GTK_EDITABLE (window->search_entry), "Person 1");
  g_signal_emit_by_name (window->search_entry, "search-changed");
  spin ();

  dialog = open_dialog (window, "win.add-responsibility", CTO_TYPE_RESPONSIBILITY_DIALOG);
  function = nth_of_type (dialog, ADW_TYPE_COMBO_ROW, 0);
  adw_combo_row_set_selected (ADW_COMBO_ROW (function), CTO_FUNCTION_THINKER);
  type_text (dialog, "Brief the investors");
  enter_closes (dialog, CTO_TYPE_RESPONSIBILITY_DIALOG);

  shown.item = cto_plan_find_responsibility (window->plan, "brief-the-investors");
  g_assert_nonnull (shown.item);
  spin_until (focus_on_item, &shown, 10);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (window->search_entry)), ==, "");
  g_assert_true (gtk_window_get_focus_visible (GTK_WINDOW (window)));

  /* Undone at once: the row goes, and the focus stays in the list, on a
   * row a key can act on. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  spin_for (0.2);
  g_assert_null (cto_plan_find_responsibility (window->plan, "brief-the-investors"));
  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

    g_assert_nonnull (focus);
    g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (window->responsibility_list)));
  }
  gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
  spin ();

  add_person (window, "Zoe Quist");

  shown.item = cto_plan_find_person (window->plan, "zoe-quist");
  g_assert_nonnull (shown.item);
  spin_until (focus_on_item, &shown, 10);

  /* An edit that moves a row to another function's group, far down. */
  shown.item = cto_plan_find_responsibility (window->plan, "p0");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-responsibility", "s", "p0");
  spin_until (is_toplevel_of, GSIZE_TO_POINTER (CTO_TYPE_RESPONSIBILITY_DIALOG), 10);
  dialog = find_toplevel (CTO_TYPE_RESPONSIBILITY_DIALOG);
  adw_combo_row_set_selected (ADW_COMBO_ROW (nth_of_type (dialog, ADW_TYPE_COMBO_ROW, 0)),
                              CTO_FUNCTION_THINKER);
  spin ();
  enter_closes (dialog, CTO_TYPE_RESPONSIBILITY_DIALOG);
  g_assert_cmpint (cto_responsibility_get_function (shown.item), ==, CTO_FUNCTION_THINKER);
  spin_until (focus_on_item, &shown, 10);

  /* Added from the org chart: the chart stays in view. */
  _cto_window_choose_org_chart (window);
  spin ();
  add_person (window, "Yan Ortiz");
  g_assert_nonnull (cto_plan_find_person (window->plan, "yan-ortiz"));
  spin ();
  g_assert_true (_cto_window_org_chart_chosen (window));

  window_free (window);
}

static void
test_keyboard_session (void)
{
  static const char * const names[] = { "Ana", "Bo", "Cy" };
  CtoWindow *window = window_new ();
  CtoResponsibility *first;
  GtkWidget *assign;
  GtkWidget *row;
  GtkWidget *menu;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    add_person (window, names[i]);
  g_assert_cmpuint (g_list_model_get_n_items (cto_plan_get_people (window->plan)), ==, 3);

  /* The first row, focused in the list (one Tab stop); its menu key opens
   * the row's menu, whose Assign To… opens the picker with the focus in its
   * search; "Bo" and Enter give it to Bo. */
  first = g_list_model_get_item (G_LIST_MODEL (window->responsibility_model), 0);
  g_object_unref (first);
  spin_until (has_assign_button, window, 10);
  assign = find_widget (GTK_WIDGET (window->responsibility_list), is_assign_button, NULL);
  row = gtk_widget_get_ancestor (assign, CTO_TYPE_RESPONSIBILITY_ROW);
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_grab_focus (gtk_widget_get_parent (row)));
  press_shortcut (GTK_WIDGET (window->responsibility_list), "<Shift>F10");
  menu = cto_responsibility_row_get_menu (CTO_RESPONSIBILITY_ROW (row));
  g_assert_true (menu != NULL && gtk_widget_get_visible (menu));
  /* As a chosen item does: the menu closes, then its action runs. */
  gtk_popover_popdown (GTK_POPOVER (menu));
  spin ();
  g_assert_true (gtk_widget_activate_action (gtk_widget_get_parent (menu), "row.assign", NULL));
  spin_until (typing_in_picker, window, 10);
  type_text (GTK_WIDGET (window), "Bo");
  press_enter (GTK_WIDGET (window));

  g_assert_nonnull (cto_responsibility_find_assignee (first, "bo", NULL));
  g_assert_cmpuint (cto_responsibility_get_n_assignees (first), ==, 1);

  window_free (window);
}

/* The check of the picker's row with the focus, or NULL when the focus is
 * on no row. */
static GtkCheckButton *
focused_row_check (GtkWidget *window)
{
  GtkWidget *focus = focus_of (window);
  GtkWidget *box = gtk_widget_get_first_child (focus);
  GtkWidget *check = box != NULL ? gtk_widget_get_first_child (box) : NULL;

  return GTK_IS_CHECK_BUTTON (check) ? GTK_CHECK_BUTTON (check) : NULL;
}

/* The id of the person of the picker's row at @position. */
static const char *
person_at (GtkWidget *people_list,
           guint      position)
{
  GListModel *shown = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (people_list)));
  g_autoptr(CtoPerson) person = g_list_model_get_item (shown, position);

  g_assert_nonnull (person);
  return cto_person_get_id (person);
}

/* Assign To… of the row of @responsibility_id, opened, ready for typing. */
static GtkWidget *
open_assign_picker (CtoWindow  *window,
                    const char *responsibility_id)
{
  GtkWidget *row;

  spin_until (has_assign_button, window, 10);
  row = find_widget (GTK_WIDGET (window->responsibility_list), is_row_of, responsibility_id);
  g_assert_nonnull (row);
  gtk_menu_button_popup (GTK_MENU_BUTTON (find_widget (row, is_assign_button, NULL)));
  spin_until (typing_in_picker, window, 10);

  return gtk_widget_get_ancestor (focus_of (GTK_WIDGET (window)), CTO_TYPE_ASSIGN_POPOVER);
}

/* Assign To… from the keyboard: Tab from the search is one stop in the
 * list, on a row rather than on its check; arrows go from row to row;
 * Space and Enter on a row give the responsibility to its person or take it
 * back, and the rows keep their order meanwhile, the free hours shown
 * following; Tab leaves the list, back to the search. */
static void
test_assign_rows (void)
{
  CtoWindow *window = small_window_new ();
  CtoResponsibility *tools = cto_plan_find_responsibility (window->plan, "tools");
  GtkWidget *popover;
  GtkWidget *people_list;
  GtkCheckButton *first;
  GtkCheckButton *second;

  popover = open_assign_picker (window, "tools");
  people_list = find_widget (popover, is_of_type, GSIZE_TO_POINTER (GTK_TYPE_LIST_VIEW));
  g_assert_nonnull (people_list);

  /* Tab: the first row, whose check is no stop of its own. */
  g_assert_true (gtk_widget_child_focus (popover, GTK_DIR_TAB_FORWARD));
  spin ();
  first = focused_row_check (GTK_WIDGET (window));
  g_assert_nonnull (first);
  g_assert_false (gtk_widget_get_can_focus (GTK_WIDGET (first)));
  g_assert_cmpuint (cto_responsibility_get_n_assignees (tools), ==, 0);

  /* Space on it: its person carries it; again: no longer. */
  press_shortcut (people_list, "space");
  g_assert_true (gtk_check_button_get_active (first));
  g_assert_cmpuint (cto_responsibility_get_n_assignees (tools), ==, 1);
  press_shortcut (people_list, "space");
  g_assert_false (gtk_check_button_get_active (first));
  g_assert_cmpuint (cto_responsibility_get_n_assignees (tools), ==, 0);

  /* Down, then Enter: Bo, second, carries it, and stays second, though
   * now among Planning's people; his free hours say so. */
  g_assert_true (gtk_widget_child_focus (popover, GTK_DIR_DOWN));
  spin ();
  second = focused_row_check (GTK_WIDGET (window));
  g_assert_nonnull (second);
  g_assert_true (second != first);
  g_assert_cmpstr (person_at (people_list, 0), ==, "ana");
  g_assert_cmpstr (person_at (people_list, 1), ==, "bo");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_widget_get_next_sibling (GTK_WIDGET (second)))), ==,
                   "10 h free");
  press_shortcut (people_list, "Return");
  g_assert_true (gtk_check_button_get_active (second));
  g_assert_cmpuint (cto_responsibility_get_n_assignees (tools), ==, 1);
  g_assert_nonnull (cto_responsibility_find_assignee (tools, "bo", NULL));
  g_assert_cmpstr (person_at (people_list, 0), ==, "ana");
  g_assert_cmpstr (person_at (people_list, 1), ==, "bo");
  g_assert_true (focused_row_check (GTK_WIDGET (window)) == second);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_widget_get_next_sibling (GTK_WIDGET (second)))), ==,
                   "6 h free");

  /* Tab from a row: back to the search, not to the next row. */
  press_shortcut (people_list, "Tab");
  g_assert_true (typing_in_picker (window));

  window_free (window);
}

/* Assign To… narrowed by a search: every person it finds shows whole,
 * without scrolling, when they are few. */
static void
test_assign_filtered (void)
{
  g_autoptr(CtoPlan) plan = example_plan_new ();
  CtoWindow *window = window_new_with (plan);
  GtkWidget *popover;
  GtkWidget *people_list;
  GtkWidget *scroller;
  GtkWidget *search;
  int natural;

  popover = open_assign_picker (window, "engineering-tools");
  people_list = find_widget (popover, is_of_type, GSIZE_TO_POINTER (GTK_TYPE_LIST_VIEW));
  scroller = gtk_widget_get_parent (people_list);
  search = find_widget (popover, is_of_type, GSIZE_TO_POINTER (GTK_TYPE_SEARCH_ENTRY));

  gtk_editable_set_text (GTK_EDITABLE (search), "engineer");
  spin_for (0.6);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (people_list)))), ==, 3);
  gtk_widget_measure (people_list, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (people_list),
                      NULL, &natural, NULL, NULL);
  /* Three rows, whole, with nothing to scroll. */
  g_assert_cmpint (natural, >, 0);
  g_assert_cmpint (gtk_widget_get_height (people_list), >=, natural);
  {
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));

    g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), <=, gtk_adjustment_get_page_size (adjustment));
  }

  window_free (window);
}

/* Fails if a realized button of @root with a mnemonic is named by its
 * label, mnemonic and all; how many there were. */
static guint
assert_mnemonic_buttons_named (GtkWidget *root)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  guint n_checked = 0;

  collect_of_type (root, GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    {
      GtkButton *button = g_ptr_array_index (buttons, i);
      g_autofree char *differs = NULL;

      if (!gtk_button_get_use_underline (button) || gtk_button_get_label (button) == NULL ||
          !gtk_widget_get_realized (GTK_WIDGET (button)))
        continue;
      differs = gtk_test_accessible_check_property (GTK_ACCESSIBLE (button),
                                                    GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                    gtk_button_get_label (button));

      if (differs == NULL)
        g_error ("the button “%s” is named by its label, mnemonic and all",
                 gtk_button_get_label (button));
      n_checked++;
    }

  return n_checked;
}

static gboolean
is_mnemonic_button (GtkWidget     *widget,
                    gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

/* A screen reader reads a button with a mnemonic by its text, "Add", not as
 * GTK 4.8 names it, "_Add Add": in the window, in a dialog, with a label
 * that changes once shown, and among a message dialog's answers. */
static void
test_mnemonic_names (void)
{
  CtoWindow *window = window_new ();
  GtkWidget *dialog;
  GtkWidget *add;
  GtkWidget *named;

  g_assert_cmpuint (assert_mnemonic_buttons_named (GTK_WIDGET (window)), >, 0);

  dialog = open_dialog (window, "win.add-person", CTO_TYPE_PERSON_DIALOG);
  g_assert_cmpuint (assert_mnemonic_buttons_named (dialog), >, 0);
  add = find_widget (dialog, is_mnemonic_button, "_Add");
  g_assert_nonnull (add);
  gtk_button_set_label (GTK_BUTTON (add), "_Save");
  g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (add), GTK_ACCESSIBLE_PROPERTY_LABEL));
  /* And each time it changes again, its mnemonic taken away and back. */
  gtk_button_set_label (GTK_BUTTON (add), "_Done");
  g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (add), GTK_ACCESSIBLE_PROPERTY_LABEL));
  gtk_button_set_use_underline (GTK_BUTTON (add), FALSE);
  gtk_button_set_label (GTK_BUTTON (add), "Finish");
  gtk_button_set_use_underline (GTK_BUTTON (add), TRUE);
  gtk_button_set_label (GTK_BUTTON (add), "_Add");
  g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (add), GTK_ACCESSIBLE_PROPERTY_LABEL));
  g_assert_cmpuint (assert_mnemonic_buttons_named (dialog), >, 0);
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* A name the program gives such a button stays, as the Apply buttons of
   * the suggestions say which suggestion they apply. */
  named = gtk_button_new_with_mnemonic ("_Apply");
  cto_mnemonic_names_keep (named);
  gtk_accessible_update_property (GTK_ACCESSIBLE (named), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  "Apply the first", -1);
  dialog = adw_message_dialog_new (GTK_WINDOW (window), "Heading", NULL);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), named);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "no", "_No", "yes", "_Yes", NULL);
  gtk_window_present (GTK_WINDOW (dialog));
  spin ();
  g_assert_true (gtk_widget_get_realized (named));
  g_assert_cmpuint (assert_mnemonic_buttons_named (dialog), ==, 3);
  g_assert_null (gtk_test_accessible_check_property (GTK_ACCESSIBLE (named), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                     "Apply the first"));
  gtk_window_destroy (GTK_WINDOW (dialog));

  window_free (window);
}

int
main (int   argc,
      char *argv[])
{
  display_test_init (&argc, &argv, "dialogs", "test");

  g_test_add_func ("/dialogs/person/focus-and-tab-stops", test_person_focus_and_tab_stops);
  g_test_add_func ("/dialogs/person/enter-adds", test_person_enter_adds);
  g_test_add_func ("/dialogs/person/reports-to-search", test_person_reports_to_search);
  g_test_add_func ("/dialogs/person/error-in-view", test_person_error_in_view);
  g_test_add_func ("/dialogs/responsibility/focus-and-enter", test_responsibility_focus_and_enter);
  g_test_add_func ("/dialogs/export/focus", test_export_focus);
  g_test_add_func ("/dialogs/export/enter", test_export_enter);
  g_test_add_func ("/dialogs/keyboard-session", test_keyboard_session);
  g_test_add_func ("/dialogs/assign/rows", test_assign_rows);
  g_test_add_func ("/dialogs/added-shown", test_added_shown);
  g_test_add_func ("/dialogs/shortcuts-window", test_shortcuts_window);
  g_test_add_func ("/dialogs/assign/filtered", test_assign_filtered);
  g_test_add_func ("/dialogs/mnemonic-names", test_mnemonic_names);

  return display_test_run ();
}
