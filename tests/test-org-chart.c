/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "cto-history.h"
#include "cto-org-node.h"
#include "cto-tooltip.h"
#include "cto-manager-picker.h"
#include "cto-window-private.h"
#include "display-test-util.h"

/* The org chart of a large team in the real window: it opens at the top
 * of the tree, Fit shows it whole, zoom buttons zoom, and whom someone
 * reports to is found by typing. */

#define N_PEOPLE 300

static CtoPlan *team_with_reports (guint n_people, guint n_reports);

/* A team of @n_people, each reporting to one of the first fifth. */
static CtoPlan *
team_new (guint n_people)
{
  return team_with_reports (n_people, 5);
}

/* A team of @n_people: Person 0, their @n_reports reports, and theirs. */
static CtoPlan *
team_with_reports (guint n_people,
                   guint n_reports)
{
  CtoPlan *plan = cto_plan_new ();

  for (guint i = 0; i < n_people; i++)
    {
      g_autofree char *id = g_strdup_printf ("p%u", i);
      g_autofree char *name = g_strdup_printf ("Person %u", i);
      g_autoptr(CtoPerson) added = cto_person_new (id, name, "Engineer", 40, FALSE);

      cto_plan_insert_person (plan, i, added);
      if (i > 0)
        {
          g_autofree char *manager = g_strdup_printf ("p%u", (i - 1) / n_reports);

          g_assert_true (cto_plan_set_reports_to (plan, added, cto_plan_find_person (plan, manager),
                                                  NULL));
        }
    }
  cto_history_clear (cto_plan_get_history (plan));

  return plan;
}

static CtoPerson *
person (CtoWindow  *window,
        const char *id)
{
  CtoPerson *found = cto_plan_find_person (window->plan, id);

  g_assert_nonnull (found);
  return found;
}

static GtkWidget *
node_of (CtoWindow  *window,
         const char *id)
{
  GtkWidget *node = cto_org_chart_view_get_node (window->org_chart, person (window, id));

  g_assert_nonnull (node);
  return node;
}

static gboolean
chart_placed (gpointer data)
{
  CtoWindow *window = data;
  g_autoptr(CtoPerson) first = g_list_model_get_item (cto_plan_get_people (window->plan), 0);

  return window->zoom_tick_id == 0 && gtk_widget_get_width (GTK_WIDGET (window->org_chart)) > 0 &&
         gtk_widget_get_mapped (node_of (window, cto_person_get_id (first)));
}

static CtoWindow *
window_on_chart (CtoPlan *plan)
{
  CtoWindow *window = cto_window_new (NULL);

  _cto_window_set_plan (window, plan, NULL);
  gtk_window_present (GTK_WINDOW (window));
  spin_for (0.2);
  adw_view_stack_set_visible_child_name (window->view_stack, "org-chart");
  spin_until (chart_placed, window, 60);
  spin_for (0.1);

  return window;
}

/* The box of @id in the scrolled window's coordinates. */
static graphene_rect_t
bounds_in_view (CtoWindow  *window,
                const char *id)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (node_of (window, id),
                                            GTK_WIDGET (window->org_chart_scroller), &bounds));
  return bounds;
}

/* Every box of the team of N_PEOPLE together, in the view's coordinates. */
static graphene_rect_t
bounds_of_everyone (CtoWindow *window)
{
  graphene_rect_t all = bounds_in_view (window, "p0");

  for (guint i = 1; i < N_PEOPLE; i++)
    {
      g_autofree char *id = g_strdup_printf ("p%u", i);
      graphene_rect_t box = bounds_in_view (window, id);

      graphene_rect_union (&all, &box, &all);
    }
  return all;
}

static gboolean
within_view (CtoWindow             *window,
             const graphene_rect_t *bounds)
{
  double width = gtk_widget_get_width (GTK_WIDGET (window->org_chart_scroller));
  double height = gtk_widget_get_height (GTK_WIDGET (window->org_chart_scroller));

  return bounds->origin.x >= -1 && bounds->origin.y >= -1 &&
         bounds->origin.x + bounds->size.width <= width + 1 &&
         bounds->origin.y + bounds->size.height <= height + 1;
}

static gboolean
has_tooltip (GtkWidget     *widget,
             gconstpointer  tooltip)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (cto_tooltip_get_text (widget), tooltip) == 0;
}

static GtkWidget *
zoom_button (CtoWindow  *window,
             const char *tooltip)
{
  GtkWidget *button = find_widget (GTK_WIDGET (window), has_tooltip, tooltip);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_drawable (button));
  return button;
}

static void
click (GtkWidget *button)
{
  g_signal_emit_by_name (button, "clicked");
  spin ();
}

/* Tests -------------------------------------------------------------------- */

static void
test_opens_at_top (void)
{
  CtoWindow *window = window_on_chart (team_new (N_PEOPLE));
  graphene_rect_t root = bounds_in_view (window, "p0");

  /* Too large to show whole at a readable size: at 100 %, the root in view. */
  g_assert_cmpfloat (cto_org_chart_view_get_zoom (window->org_chart), ==, 1.0);
  g_assert_true (within_view (window, &root));

  window_free (window);
}

static void
test_fit_shows_all (void)
{
  CtoWindow *window = window_on_chart (team_new (N_PEOPLE));
  graphene_rect_t all;
  graphene_rect_t bounds;
  GtkWidget *fit = zoom_button (window, "Fit the Whole Chart");

  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (fit), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Fit the Whole Chart");
  click (fit);
  spin_until (chart_placed, window, 60);
  spin_for (0.1);
  g_assert_cmpfloat (cto_org_chart_view_get_zoom (window->org_chart), <, 1.0);

  /* Every box of the tree, together, inside what the scrolled window shows. */
  all = bounds_of_everyone (window);
  g_assert_true (within_view (window, &all));

  /* Zooming in from there, and back to 100 %. */
  {
    double fitted = cto_org_chart_view_get_zoom (window->org_chart);
    GtkWidget *zoom_in = zoom_button (window, "Zoom In (Ctrl++)");

    gtk_test_accessible_assert_property (GTK_ACCESSIBLE (zoom_in), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                         "Zoom In");
    click (zoom_in);
    g_assert_cmpfloat (cto_org_chart_view_get_zoom (window->org_chart), >, fitted);
    click (zoom_button (window, "Zoom Out (Ctrl+−)"));
    g_assert_cmpfloat_with_epsilon (cto_org_chart_view_get_zoom (window->org_chart), fitted, 1e-9);
    click (zoom_button (window, "Actual Size (Ctrl+0)"));
    g_assert_cmpfloat (cto_org_chart_view_get_zoom (window->org_chart), ==, 1.0);
    /* Which the button says as every percentage in the window. */
    g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (zoom_button (window, "Actual Size (Ctrl+0)"))), ==,
                     "100%");
  }

  /* From the whole chart, the actual size keeps the head of the tree in
   * view, as when the chart opens; not the middle of the chart. */
  click (fit);
  spin_until (chart_placed, window, 60);
  click (zoom_button (window, "Actual Size (Ctrl+0)"));
  spin_until (chart_placed, window, 60);
  spin_for (0.1);
  g_assert_cmpfloat (cto_org_chart_view_get_zoom (window->org_chart), ==, 1.0);
  {
    graphene_rect_t root = bounds_in_view (window, "p0");

    g_assert_true (within_view (window, &root));
  }

  /* The same when the keys come faster than the chart is laid out: from
   * the chart's far corner, Fit and at once the actual size. */
  {
    GtkAdjustment *h = gtk_scrolled_window_get_hadjustment (window->org_chart_scroller);
    GtkAdjustment *v = gtk_scrolled_window_get_vadjustment (window->org_chart_scroller);

    gtk_adjustment_set_value (h, gtk_adjustment_get_upper (h));
    gtk_adjustment_set_value (v, gtk_adjustment_get_upper (v));
    spin_for (0.1);
    bounds = bounds_in_view (window, "p0");
    g_assert_false (within_view (window, &bounds));
  }
  g_signal_emit_by_name (fit, "clicked");
  g_signal_emit_by_name (zoom_button (window, "Actual Size (Ctrl+0)"), "clicked");
  spin_until (chart_placed, window, 60);
  spin_for (0.1);
  bounds = bounds_in_view (window, "p0");
  g_assert_true (within_view (window, &bounds));

  window_free (window);
}

/* Fit shows a team of 300 with three reports each (four too, but slow to
 * check here) as a chart that fills the view, not as a line across it at
 * 2 %: their reports with none of their own go in columns. */
static void
test_fit_few_reports (void)
{
  CtoWindow *window = window_on_chart (team_with_reports (N_PEOPLE, 3));
  double view_height = gtk_widget_get_height (GTK_WIDGET (window->org_chart_scroller));
  double view_width = gtk_widget_get_width (GTK_WIDGET (window->org_chart_scroller));
  graphene_rect_t all;

  click (zoom_button (window, "Fit the Whole Chart"));
  spin_until (chart_placed, window, 60);
  spin_for (0.1);
  g_assert_cmpfloat (cto_org_chart_view_get_zoom (window->org_chart), >, 0.06);

  all = bounds_of_everyone (window);
  g_assert_true (within_view (window, &all));
  g_assert_cmpfloat (all.size.width, >, view_width / 2);
  g_assert_cmpfloat (all.size.height, >, view_height / 10);

  window_free (window);
}

static gboolean
moved_box_in_view (gpointer window)
{
  graphene_rect_t box = bounds_in_view (window, "p1");

  return within_view (window, &box);
}

/* A box given a manager far off moves with its team to the end of the
 * chart: the chart follows it there, as it would follow the focus. */
static void
test_moved_box_in_view (void)
{
  CtoWindow *window = window_on_chart (team_new (N_PEOPLE));
  g_autofree char *last = g_strdup_printf ("p%u", N_PEOPLE - 1);
  graphene_rect_t box;

  box = bounds_in_view (window, last);
  g_assert_false (within_view (window, &box));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.set-reports-to", "(ss)",
                                             "p1", last));
  g_assert_cmpstr (cto_person_get_reports_to (person (window, "p1")), ==, last);
  spin_until (moved_box_in_view, window, 20);

  window_free (window);
}

/* A small team opens whole. */
static void
test_small_opens_whole (void)
{
  CtoWindow *window = window_on_chart (team_new (6));
  graphene_rect_t all = bounds_in_view (window, "p0");

  for (guint i = 1; i < 6; i++)
    {
      g_autofree char *id = g_strdup_printf ("p%u", i);
      graphene_rect_t box = bounds_in_view (window, id);

      graphene_rect_union (&all, &box, &all);
    }
  g_assert_true (within_view (window, &all));
  g_assert_cmpfloat (cto_org_chart_view_get_zoom (window->org_chart), ==, 1.0);

  /* The chart says how to use it while it shows, and only then. */
  g_assert_true (gtk_widget_is_drawable (window->org_chart_hint));
  adw_view_stack_set_visible_child_name (window->view_stack, "board");
  spin ();
  g_assert_false (gtk_widget_get_visible (window->org_chart_hint));
  adw_view_stack_set_visible_child_name (window->view_stack, "org-chart");
  spin ();
  g_assert_true (gtk_widget_is_drawable (window->org_chart_hint));

  window_free (window);
}

static gboolean
focus_in_picker (gpointer data)
{
  CtoWindow *window = data;
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return focus != NULL && gtk_widget_get_ancestor (focus, GTK_TYPE_POPOVER) != NULL &&
         gtk_widget_get_mapped (focus);
}

static GtkWidget *
open_picker (CtoWindow  *window,
             const char *id)
{
  GtkWidget *focus;

  /* As the person card's "Reports To…" does. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.reports-to", "s", id);
  spin_until (focus_in_picker, window, 20);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (gtk_widget_is_ancestor (focus, node_of (window, id)));
  g_assert_true (GTK_IS_EDITABLE (focus));

  return focus;
}

static guint
n_shown_rows (GtkWidget *popover)
{
  GtkWidget *list = find_widget (popover, is_of_type, GSIZE_TO_POINTER (GTK_TYPE_LIST_BOX));
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (list); row; row = gtk_widget_get_next_sibling (row))
    n += gtk_widget_get_child_visible (row);
  return n;
}

static gboolean
searched (gpointer popover)
{
  return n_shown_rows (popover) < N_PEOPLE - 1;
}

/* The row of the list that has the focus, or NULL. */
static GtkListBoxRow *
focused_row (CtoWindow *window)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  if (focus == NULL)
    return NULL;
  return GTK_LIST_BOX_ROW (GTK_IS_LIST_BOX_ROW (focus) ? focus
                           : gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW));
}

/* What the row says, casefolded. */
static const char *
row_text (GtkListBoxRow *row)
{
  g_assert_nonnull (row);
  return g_object_get_data (G_OBJECT (row), "cto-text");
}

/* Enter in a text field: its key binding emits "activate". */
static void
press_enter (GtkWidget *text)
{
  g_assert_true (GTK_IS_TEXT (text));
  g_signal_emit_by_name (text, "activate");
  spin ();
}

static void
type_and_enter (GtkWidget  *entry,
                const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  /* The search entry reports a change after a short delay. */
  spin_for (0.3);
  press_enter (entry);
}

static void
test_picker_filters_and_enter_picks (void)
{
  CtoWindow *window = window_on_chart (team_new (N_PEOPLE));
  GtkWidget *entry;

  entry = open_picker (window, "p250");
  GtkWidget *popover = gtk_widget_get_ancestor (entry, GTK_TYPE_POPOVER);

  /* Everyone but the person and those below them, and No One. */
  g_assert_cmpuint (n_shown_rows (popover), ==, N_PEOPLE);

  /* Enter with nothing typed picks nothing. */
  press_enter (entry);
  g_assert_cmpstr (cto_person_get_reports_to (person (window, "p250")), ==, "p49");

  /* "person 27" matches Person 27 and Person 270 to 279 (case aside); the
   * top one is picked. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "person 27");
  spin_until (searched, popover, 5);
  g_assert_cmpuint (n_shown_rows (popover), ==, 11);
  type_and_enter (entry, "person 27");
  g_assert_cmpstr (cto_person_get_reports_to (person (window, "p250")), ==, "p27");
  g_assert_false (gtk_widget_get_visible (popover));

  /* Undone as one step. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpstr (cto_person_get_reports_to (person (window, "p250")), ==, "p49");

  /* Down at once after the typing, before the entry tells of it: on the
   * first the typing finds, not on the first of everyone (No One). */
  entry = open_picker (window, "p250");
  popover = gtk_widget_get_ancestor (entry, GTK_TYPE_POPOVER);
  gtk_editable_set_text (GTK_EDITABLE (entry), "person 27");
  g_assert_true (press_key (entry, GDK_KEY_Down, 0));
  g_assert_true (g_str_has_prefix (row_text (focused_row (window)), "person 27 "));
  gtk_popover_popdown (GTK_POPOVER (popover));
  spin ();

  /* Escape in its search (its stop-search) closes it, picking nothing. */
  entry = open_picker (window, "p250");
  popover = gtk_widget_get_ancestor (entry, GTK_TYPE_POPOVER);
  g_signal_emit_by_name (gtk_widget_get_ancestor (entry, GTK_TYPE_SEARCH_ENTRY), "stop-search");
  spin ();
  g_assert_false (gtk_widget_get_visible (popover));
  g_assert_cmpstr (cto_person_get_reports_to (person (window, "p250")), ==, "p49");

  /* "No one" is a choice like the others. */
  entry = open_picker (window, "p250");
  type_and_enter (entry, "no one");
  g_assert_null (cto_person_get_reports_to (person (window, "p250")));

  window_free (window);
}

static guint
n_sensitive_rows (GtkWidget *popover)
{
  GtkWidget *list = find_widget (popover, is_of_type, GSIZE_TO_POINTER (GTK_TYPE_LIST_BOX));
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (list); row; row = gtk_widget_get_next_sibling (row))
    n += gtk_widget_get_child_visible (row) && gtk_widget_get_sensitive (row);
  return n;
}

static gboolean
is_label_with_text (GtkWidget     *widget,
                    gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget) &&
         g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

/* The picker says whose manager it picks. Those below the person are
 * found by a search, out of reach, saying why, not "No one by that name";
 * Enter picks none of them. */
static void
test_picker_says_why (void)
{
  CtoWindow *window = window_on_chart (team_new (N_PEOPLE));
  GtkWidget *entry = open_picker (window, "p49");
  GtkWidget *popover = gtk_widget_get_ancestor (entry, GTK_TYPE_POPOVER);

  g_assert_nonnull (find_widget (popover, is_label_with_text, "Who does Person 49 report to?"));
  /* Everyone but Person 49, and No One; all but the five below them can be picked. */
  g_assert_cmpuint (n_shown_rows (popover), ==, N_PEOPLE);
  g_assert_cmpuint (n_sensitive_rows (popover), ==, N_PEOPLE - 5);

  gtk_editable_set_text (GTK_EDITABLE (entry), "person 250");
  spin_until (searched, popover, 5);
  g_assert_cmpuint (n_shown_rows (popover), ==, 1);
  g_assert_cmpuint (n_sensitive_rows (popover), ==, 0);
  g_assert_nonnull (find_widget (popover, is_label_with_text, "Reports to Person 49, directly or through others"));
  g_assert_null (find_widget (popover, is_label_with_text, "No one by that name"));
  type_and_enter (entry, "person 250");
  g_assert_cmpstr (cto_person_get_reports_to (person (window, "p49")), ==, "p9");

  window_free (window);
}

/* What the list's keys do: Down and Up, Page Down, Home and End. */
static void
move_cursor (GtkWidget       *list,
             GtkMovementStep  step,
             int              count)
{
  g_signal_emit_by_name (list, "move-cursor", step, count, FALSE, FALSE);
  spin ();
}

/* The arrows, Page Down, Home and End never rest on one who cannot be
 * picked: they step over them, and Enter picks the one they rest on. */
static void
test_picker_keys_skip_unavailable (void)
{
  CtoWindow *window = window_on_chart (team_new (N_PEOPLE));
  GtkWidget *entry = open_picker (window, "p9");
  GtkWidget *popover = gtk_widget_get_ancestor (entry, GTK_TYPE_POPOVER);
  GtkWidget *list = find_widget (popover, is_of_type, GSIZE_TO_POINTER (GTK_TYPE_LIST_BOX));
  GtkListBoxRow *first = NULL;
  GtkListBoxRow *last = NULL;
  GtkListBoxRow *row;
  guint n_sensitive;
  guint n_visited = 0;

  /* "person 25" shows Person 25 and 250 to 259, of whom 250 to 255,
   * below Person 9 (through 50), cannot be picked. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "person 25");
  spin_until (searched, popover, 5);
  n_sensitive = n_sensitive_rows (popover);
  g_assert_cmpuint (n_sensitive, ==, 5);
  g_assert_cmpuint (n_shown_rows (popover), ==, n_sensitive + 6);
  for (GtkWidget *child = gtk_widget_get_first_child (list); child; child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_get_child_visible (child) && gtk_widget_get_sensitive (child))
      {
        if (first == NULL)
          first = GTK_LIST_BOX_ROW (child);
        last = GTK_LIST_BOX_ROW (child);
      }

  /* Down from the search: the first that can be picked. */
  g_assert_true (press_key (entry, GDK_KEY_Down, 0));
  g_assert_true (focused_row (window) == first);

  /* Down, one by one, through every one that can be picked, to the last. */
  for (row = focused_row (window); row != last; row = focused_row (window))
    {
      g_assert_nonnull (row);
      g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (row)));
      n_visited++;
      g_assert_cmpuint (n_visited, <, n_sensitive);
      move_cursor (list, GTK_MOVEMENT_DISPLAY_LINES, 1);
      g_assert_true (focused_row (window) != row);
    }
  g_assert_cmpuint (n_visited + 1, ==, n_sensitive);

  /* Up, back over them: from Person 256 to Person 25. */
  for (row = last; !g_str_has_prefix (row_text (row), "person 256 "); row = focused_row (window))
    move_cursor (list, GTK_MOVEMENT_DISPLAY_LINES, -1);
  move_cursor (list, GTK_MOVEMENT_DISPLAY_LINES, -1);
  g_assert_true (g_str_has_prefix (row_text (focused_row (window)), "person 25 "));
  g_assert_true (focused_row (window) == first);

  /* Home, Page Down, End; Up from the first is back to typing. */
  move_cursor (list, GTK_MOVEMENT_BUFFER_ENDS, -1);
  g_assert_true (focused_row (window) == first);
  move_cursor (list, GTK_MOVEMENT_PAGES, 1);
  row = focused_row (window);
  g_assert_nonnull (row);
  g_assert_true (row != first);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (row)));
  move_cursor (list, GTK_MOVEMENT_BUFFER_ENDS, 1);
  g_assert_true (focused_row (window) == last);
  move_cursor (list, GTK_MOVEMENT_BUFFER_ENDS, -1);
  move_cursor (list, GTK_MOVEMENT_DISPLAY_LINES, -1);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)),
                                         gtk_widget_get_ancestor (entry, GTK_TYPE_SEARCH_ENTRY)));
  g_assert_true (press_key (entry, GDK_KEY_Down, 0));
  move_cursor (list, GTK_MOVEMENT_BUFFER_ENDS, 1);

  /* Down from the last goes on to what follows the list, in the picker. */
  move_cursor (list, GTK_MOVEMENT_DISPLAY_LINES, 1);
  g_assert_null (focused_row (window));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), popover));
  g_assert_true (press_key (entry, GDK_KEY_Down, 0));
  move_cursor (list, GTK_MOVEMENT_BUFFER_ENDS, 1);
  g_assert_true (focused_row (window) == last);

  /* Enter on it picks it: Person 259. */
  g_signal_emit_by_name (list, "activate-cursor-row");
  spin ();
  g_assert_false (gtk_widget_get_visible (popover));
  g_assert_cmpstr (cto_person_get_reports_to (person (window, "p9")), ==, "p259");

  window_free (window);
}

/* The choices of whom @id may report to, after No One: each label, with
 * what tells it apart after " | " where it says. */
static GPtrArray *
choice_labels (CtoPlan    *plan,
               const char *id)
{
  g_autoptr(GMenu) menu = cto_manager_picker_build_menu (plan, cto_plan_find_person (plan, id),
                                                         "node.reports-to");
  g_autoptr(GMenuModel) choices = g_menu_model_get_item_link (G_MENU_MODEL (menu), 0, G_MENU_LINK_SECTION);
  GPtrArray *labels = g_ptr_array_new_with_free_func (g_free);

  for (int i = 1; i < g_menu_model_get_n_items (choices); i++)
    {
      g_autofree char *label = NULL;
      g_autofree char *detail = NULL;

      g_assert_true (g_menu_model_get_item_attribute (choices, i, G_MENU_ATTRIBUTE_LABEL, "s", &label));
      if (g_menu_model_get_item_attribute (choices, i, "cto-detail", "s", &detail))
        g_ptr_array_add (labels, g_strconcat (label, " | ", detail, NULL));
      else
        g_ptr_array_add (labels, g_steal_pointer (&label));
    }

  return labels;
}

/* People of the same name and role are told apart, on a line under their
 * name, by whom they report to where that differs among them, and by their
 * ids where it does not; the person whose manager is chosen has no twin in
 * the list. A search finds them by name and role alone. */
static void
test_picker_same_names (void)
{
  g_autoptr(CtoPlan) plan = plan_from_json (
    "{ \"format\": \"cto-planner-plan\", \"version\": 1, \"title\": \"Twins\",\n"
    "  \"people\": [\n"
    "    { \"id\": \"t1\", \"name\": \"Thi Lin\", \"role\": \"Engineer\", \"capacity\": 40, \"reports_to\": \"ana\" },\n"
    "    { \"id\": \"t2\", \"name\": \"Thi Lin\", \"role\": \"Engineer\", \"capacity\": 40, \"reports_to\": \"ravi\" },\n"
    "    { \"id\": \"t3\", \"name\": \"Thi Lin\", \"role\": \"Engineer\", \"capacity\": 40, \"reports_to\": \"ravi\" },\n"
    "    { \"id\": \"ana\", \"name\": \"Ana Pérez\", \"role\": \"CEO\", \"capacity\": 40 },\n"
    "    { \"id\": \"ravi\", \"name\": \"Ravi Menon\", \"role\": \"CTO\", \"capacity\": 40, \"reports_to\": \"ana\" },\n"
    "    { \"id\": \"t4\", \"name\": \"Thi Lin\", \"role\": \"Designer\", \"capacity\": 40, \"reports_to\": \"ravi\" },\n"
    "    { \"id\": \"t5\", \"name\": \"Thi Lin\", \"role\": \"Designer\", \"capacity\": 40, \"reports_to\": \"ana\" },\n"
    "    { \"id\": \"mo\", \"name\": \"Mo\", \"capacity\": 40 },\n"
    "    { \"id\": \"mo_2\", \"name\": \"Mo\", \"capacity\": 40 }\n"
    "  ],\n"
    "  \"responsibilities\": [] }\n");
  g_autoptr(GPtrArray) labels = choice_labels (plan, "t4");
  CtoWindow *window;
  GtkWidget *entry;

  g_assert_cmpuint (labels->len, ==, 8);
  g_assert_cmpstr (labels->pdata[0], ==, "Thi Lin — Engineer | Reports to Ana Pérez");
  g_assert_cmpstr (labels->pdata[1], ==, "Thi Lin — Engineer | Reports to Ravi Menon · id t2");
  g_assert_cmpstr (labels->pdata[2], ==, "Thi Lin — Engineer | Reports to Ravi Menon · id t3");
  g_assert_cmpstr (labels->pdata[3], ==, "Ana Pérez — CEO");
  g_assert_cmpstr (labels->pdata[4], ==, "Ravi Menon — CTO");
  g_assert_cmpstr (labels->pdata[5], ==, "Thi Lin — Designer");
  g_assert_cmpstr (labels->pdata[6], ==, "Mo | Id mo");
  g_assert_cmpstr (labels->pdata[7], ==, "Mo | Id mo_2");

  /* "ana" finds Ana, not those said to report to her. */
  window = window_on_chart (plan);
  entry = open_picker (window, "mo");
  {
    GtkWidget *popover = gtk_widget_get_ancestor (entry, GTK_TYPE_POPOVER);
    GtkWidget *detail = find_widget (popover, is_label_with_text, "Reports to Ravi Menon · id t2");

    /* Under the name, whole: a line of its own. */
    g_assert_nonnull (detail);
    g_assert_true (gtk_widget_is_drawable (detail));
    gtk_test_accessible_assert_property (GTK_ACCESSIBLE (gtk_widget_get_ancestor (detail, GTK_TYPE_LIST_BOX_ROW)),
                                         GTK_ACCESSIBLE_PROPERTY_LABEL,
                                         "Thi Lin — Engineer, Reports to Ravi Menon · id t2");
  }
  type_and_enter (entry, "ana");
  g_assert_cmpstr (cto_person_get_reports_to (person (window, "mo")), ==, "ana");

  window_free (window);
}

int
main (int   argc,
      char *argv[])
{
  display_test_init (&argc, &argv, "org-chart", "test");

  g_test_add_func ("/org-chart/open/at-top", test_opens_at_top);
  g_test_add_func ("/org-chart/open/small-whole", test_small_opens_whole);
  g_test_add_func ("/org-chart/fit/shows-all", test_fit_shows_all);
  g_test_add_func ("/org-chart/fit/few-reports", test_fit_few_reports);
  g_test_add_func ("/org-chart/reports-to/moved-box-in-view", test_moved_box_in_view);
  g_test_add_func ("/org-chart/reports-to/filter-and-enter", test_picker_filters_and_enter_picks);
  g_test_add_func ("/org-chart/reports-to/says-why", test_picker_says_why);
  g_test_add_func ("/org-chart/reports-to/same-names", test_picker_same_names);
  g_test_add_func ("/org-chart/reports-to/keys-skip-unavailable", test_picker_keys_skip_unavailable);

  return display_test_run ();
}
