/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "cto-assignment-chip.h"
#include "cto-chip.h"
#include "cto-history.h"
#include "cto-person-card.h"
#include "cto-person-dialog.h"
#include "cto-plan-io.h"
#include "cto-responsibility-dialog.h"
#include "cto-responsibility-row.h"
#include "cto-tooltip.h"
#include "cto-window-private.h"
#include "display-test-util.h"

/* The real window, under Xvfb: actions, drops delivered to the real drop
 * targets, and what the cards, rows and tiles then say. */

static const char plan_json[] =
  "{\n"
  "  \"format\": \"cto-planner-plan\",\n"
  "  \"version\": 1,\n"
  "  \"title\": \"Test plan\",\n"
  "  \"people\": [\n"
  "    { \"id\": \"ana\", \"name\": \"Ana\", \"role\": \"CEO\", \"capacity\": 40 },\n"
  "    { \"id\": \"bo\", \"name\": \"Bo\", \"role\": \"Engineer\", \"capacity\": 10 },\n"
  "    { \"id\": \"hire\", \"name\": \"Support hire\", \"capacity\": 40, \"open_role\": true }\n"
  "  ],\n"
  "  \"responsibilities\": [\n"
  "    { \"id\": \"security\", \"title\": \"Security\", \"function\": \"infrastructure\", \"effort\": 6,\n"
  "      \"assignees\": [ { \"person\": \"ana\" } ] },\n"
  "    { \"id\": \"tools\", \"title\": \"Tools\", \"function\": \"planning\", \"effort\": 4 },\n"
  "    { \"id\": \"data\", \"title\": \"Data storage\", \"function\": \"infrastructure\", \"effort\": 2 },\n"
  "    { \"id\": \"support\", \"title\": \"Support\", \"function\": \"consumer-liaison\", \"effort\": 12 },\n"
  "    { \"id\": \"strategy\", \"title\": \"Strategy\", \"function\": \"thinker\", \"effort\": 2,\n"
  "      \"assignees\": [ { \"person\": \"ana\" } ] }\n"
  "  ]\n"
  "}\n";

/* Helpers ------------------------------------------------------------------ */

/* The title and subtitle the header bar shows. */
static AdwWindowTitle *
title_of (CtoWindow *window)
{
  return ADW_WINDOW_TITLE (widget_of_type (window, ADW_TYPE_WINDOW_TITLE));
}

static gboolean
has_name (GtkWidget     *widget,
          gconstpointer  name)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_widget_get_name (widget), name) == 0;
}

static const char *
label_text (GtkWidget  *root,
            const char *name)
{
  GtkWidget *label = find_widget (root, has_name, name);

  g_assert_nonnull (label);
  return gtk_label_get_text (GTK_LABEL (label));
}

static gboolean
label_shown (GtkWidget  *root,
             const char *name)
{
  GtkWidget *label = find_widget (root, has_name, name);

  g_assert_nonnull (label);
  return gtk_widget_is_visible (label);
}

static GtkWidget *
card_of (CtoWindow  *window,
         const char *person_id)
{
  CtoPerson *person = cto_plan_find_person (plan_of (window), person_id);
  GtkWidget *card;

  g_assert_nonnull (person);
  card = find_widget (widget_named (window, "people-grid"), is_card_of, person);
  g_assert_nonnull (card);

  return card;
}

static gboolean
emit_drop (GtkWidget    *widget,
           const GValue *value)
{
  gboolean accepted = FALSE;

  g_signal_emit_by_name (drop_target_of (widget), "drop", value, 10.0, 10.0, &accepted);
  spin ();

  return accepted;
}

static gboolean
drop_responsibility (CtoWindow  *window,
                     const char *responsibility_id,
                     const char *person_id)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, CTO_TYPE_RESPONSIBILITY);
  g_value_set_object (&value, cto_plan_find_responsibility (plan_of (window), responsibility_id));

  return emit_drop (card_of (window, person_id), &value);
}

static gboolean
drop_chip (CtoWindow  *window,
           GtkWidget  *target,
           const char *responsibility_id,
           const char *from_id)
{
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(CtoChip) chip =
    cto_chip_new (cto_plan_find_responsibility (plan_of (window), responsibility_id),
                  cto_plan_find_person (plan_of (window), from_id));

  g_value_init (&value, CTO_TYPE_CHIP);
  g_value_set_boxed (&value, chip);

  return emit_drop (target, &value);
}

static double
share_of (CtoWindow  *window,
          const char *responsibility_id,
          const char *person_id)
{
  CtoResponsibility *responsibility = cto_plan_find_responsibility (plan_of (window), responsibility_id);
  const CtoAssignment *assignment = cto_responsibility_find_assignee (responsibility, person_id, NULL);

  return assignment ? assignment->share : 0;
}

static const char *
tile_text (CtoWindow   *window,
           CtoFunction  function,
           const char  *name)
{
  return label_text (coverage_tile_of (window, function), name);
}

/* The part of a tile that shows only its function's responsibilities. */
static GtkToggleButton *
tile_toggle (CtoWindow   *window,
             CtoFunction  function)
{
  GtkWidget *toggle = find_widget (coverage_tile_of (window, function), is_of_type,
                                   GSIZE_TO_POINTER (GTK_TYPE_TOGGLE_BUTTON));

  g_assert_nonnull (toggle);
  return GTK_TOGGLE_BUTTON (toggle);
}

static CtoWindow *
window_new (void)
{
  g_autoptr(CtoPlan) plan = plan_from_json (plan_json);

  return window_new_with (plan);
}

/* Drops -------------------------------------------------------------------- */

static void
test_drop_responsibility (void)
{
  CtoWindow *window = window_new ();
  GtkWidget *bo = card_of (window, "bo");

  g_assert_cmpstr (label_text (bo, "load"), ==, "0 of 10 h · 0%");
  g_assert_cmpstr (tile_text (window, CTO_FUNCTION_PLANNING, "status"), ==, "Not covered");

  g_assert_true (drop_responsibility (window, "tools", "bo"));
  g_assert_cmpfloat (share_of (window, "tools", "bo"), ==, 1);
  g_assert_cmpstr (label_text (bo, "load"), ==, "4 of 10 h · 40%");
  g_assert_cmpstr (tile_text (window, CTO_FUNCTION_PLANNING, "status"), ==, "Covered");
  g_assert_true (label_shown (coverage_tile_of (window, CTO_FUNCTION_PLANNING), "single-person"));
  g_assert_cmpstr (tile_text (window, CTO_FUNCTION_PLANNING, "gap"), ==, "No hiring gap");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  spin ();
  g_assert_cmpuint (cto_responsibility_get_n_assignees (cto_plan_find_responsibility (plan_of (window), "tools")), ==, 0);
  g_assert_cmpstr (label_text (bo, "load"), ==, "0 of 10 h · 0%");
  g_assert_cmpstr (tile_text (window, CTO_FUNCTION_PLANNING, "status"), ==, "Not covered");
  g_assert_cmpstr (tile_text (window, CTO_FUNCTION_PLANNING, "gap"), ==, "Hiring gap: 4 h · 0.1 FTE");
  g_assert_false (cto_history_get_can_undo (history_of (window)));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
  spin ();
  g_assert_cmpfloat (share_of (window, "tools", "bo"), ==, 1);
  g_assert_cmpstr (label_text (bo, "load"), ==, "4 of 10 h · 40%");

  window_free (window);
}

static void
test_drop_responsibility_shares (void)
{
  CtoWindow *window = window_new ();

  g_assert_true (drop_responsibility (window, "security", "bo"));
  g_assert_cmpfloat (share_of (window, "security", "ana"), ==, 1);
  g_assert_cmpfloat (share_of (window, "security", "bo"), ==, 1);
  g_assert_cmpstr (label_text (card_of (window, "bo"), "load"), ==, "3 of 10 h · 30%");
  g_assert_cmpstr (label_text (card_of (window, "ana"), "load"), ==, "5 of 40 h · 13%");
  g_assert_cmpstr (tile_text (window, CTO_FUNCTION_INFRASTRUCTURE, "no-accountable"), ==,
                   "1 with no one accountable");
  g_assert_true (label_shown (coverage_tile_of (window, CTO_FUNCTION_INFRASTRUCTURE), "no-accountable"));

  /* One drop, one step. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpfloat (share_of (window, "security", "ana"), ==, 1);
  g_assert_cmpfloat (share_of (window, "security", "bo"), ==, 0);
  g_assert_false (cto_history_get_can_undo (history_of (window)));

  window_free (window);
}

static void
test_drop_chip_moves (void)
{
  CtoWindow *window = window_new ();

  g_assert_true (drop_chip (window, card_of (window, "bo"), "security", "ana"));
  g_assert_cmpfloat (share_of (window, "security", "ana"), ==, 0);
  g_assert_cmpfloat (share_of (window, "security", "bo"), ==, 1);
  g_assert_cmpstr (label_text (card_of (window, "ana"), "load"), ==, "2 of 40 h · 5%");
  g_assert_cmpstr (label_text (card_of (window, "bo"), "load"), ==, "6 of 10 h · 60%");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpfloat (share_of (window, "security", "ana"), ==, 1);
  g_assert_cmpfloat (share_of (window, "security", "bo"), ==, 0);
  g_assert_cmpstr (label_text (card_of (window, "ana"), "load"), ==, "8 of 40 h · 20%");
  g_assert_false (cto_history_get_can_undo (history_of (window)));

  window_free (window);
}

static void
test_drop_chip_copy (void)
{
  CtoWindow *window = window_new ();
  g_autoptr(CtoChip) chip = cto_chip_new (cto_plan_find_responsibility (plan_of (window), "security"),
                                          cto_plan_find_person (plan_of (window), "ana"));

  /* Ctrl held: the second person is added, the first keeps it. */
  g_assert_true (_cto_window_drop_chip (window, chip, cto_plan_find_person (plan_of (window), "bo"), TRUE));
  spin ();
  g_assert_cmpfloat (share_of (window, "security", "ana"), ==, 1);
  g_assert_cmpfloat (share_of (window, "security", "bo"), ==, 1);
  g_assert_cmpstr (label_text (card_of (window, "bo"), "load"), ==, "3 of 10 h · 30%");

  window_free (window);
}

static void
test_drop_chip_on_pane (void)
{
  CtoWindow *window = window_new ();

  g_assert_true (drop_chip (window, widget_named (window, "responsibility-pane"), "security", "ana"));
  g_assert_cmpuint (cto_responsibility_get_n_assignees (cto_plan_find_responsibility (plan_of (window), "security")), ==, 0);
  g_assert_cmpstr (label_text (card_of (window, "ana"), "load"), ==, "2 of 40 h · 5%");
  g_assert_cmpstr (tile_text (window, CTO_FUNCTION_INFRASTRUCTURE, "status"), ==, "Not covered");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpfloat (share_of (window, "security", "ana"), ==, 1);
  g_assert_cmpstr (tile_text (window, CTO_FUNCTION_INFRASTRUCTURE, "status"), ==, "1 of 2 assigned");

  window_free (window);
}

static void
test_drop_changes_nothing (void)
{
  CtoWindow *window = window_new ();
  g_autofree char *before = cto_plan_io_to_data (plan_of (window), NULL);
  g_autofree char *after = NULL;

  /* Ana carries it already; a chip dropped back on its own card; a chip of
   * a responsibility Bo does not carry. */
  g_assert_false (drop_responsibility (window, "security", "ana"));
  g_assert_false (drop_chip (window, card_of (window, "ana"), "security", "ana"));
  g_assert_false (drop_chip (window, widget_named (window, "responsibility-pane"), "tools", "bo"));

  after = cto_plan_io_to_data (plan_of (window), NULL);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (cto_history_get_can_undo (history_of (window)));
  g_assert_false (cto_history_get_modified (history_of (window)));

  window_free (window);
}

static void
test_drop_from_other_plan (void)
{
  CtoWindow *window = window_new ();
  CtoWindow *other = window_new ();
  g_auto(GValue) value = G_VALUE_INIT;

  /* Same ids, other objects: a drag between two windows changes neither. */
  g_value_init (&value, CTO_TYPE_RESPONSIBILITY);
  g_value_set_object (&value, cto_plan_find_responsibility (plan_of (other), "tools"));
  g_assert_false (emit_drop (card_of (window, "bo"), &value));
  g_assert_false (cto_history_get_can_undo (history_of (window)));
  g_assert_false (cto_history_get_can_undo (history_of (other)));

  window_free (other);
  window_free (window);
}

/* Keyboard and menu equivalents -------------------------------------------- */

static void
test_actions_assignments (void)
{
  CtoWindow *window = window_new ();
  GtkWidget *widget = GTK_WIDGET (window);
  CtoResponsibility *security = cto_plan_find_responsibility (plan_of (window), "security");

  gtk_widget_activate_action (widget, "win.assign", "(ss)", "security", "bo");
  g_assert_cmpfloat (share_of (window, "security", "bo"), ==, 1);

  gtk_widget_activate_action (widget, "win.set-share", "(ssd)", "security", "bo", 2.0);
  g_assert_cmpfloat (share_of (window, "security", "bo"), ==, 2);
  g_assert_cmpstr (label_text (card_of (window, "bo"), "load"), ==, "4 of 10 h · 40%");

  gtk_widget_activate_action (widget, "win.set-accountable", "(ss)", "security", "bo");
  g_assert_cmpstr (cto_responsibility_get_accountable (security), ==, "bo");
  gtk_widget_activate_action (widget, "win.set-accountable", "(ss)", "security", "");
  g_assert_null (cto_responsibility_get_accountable (security));

  gtk_widget_activate_action (widget, "win.move-assignment", "(sss)", "security", "bo", "hire");
  g_assert_cmpfloat (share_of (window, "security", "bo"), ==, 0);
  g_assert_cmpfloat (share_of (window, "security", "hire"), ==, 2);
  g_assert_true (label_shown (coverage_tile_of (window, CTO_FUNCTION_INFRASTRUCTURE), "single-person"));

  gtk_widget_activate_action (widget, "win.unassign", "(ss)", "security", "hire");
  g_assert_cmpfloat (share_of (window, "security", "hire"), ==, 0);

  /* Unknown ids and refused shares change nothing. */
  gtk_widget_activate_action (widget, "win.assign", "(ss)", "nothing", "bo");
  gtk_widget_activate_action (widget, "win.set-share", "(ssd)", "security", "ana", -1.0);
  g_assert_cmpfloat (share_of (window, "security", "ana"), ==, 1);

  /* Six steps back to where it started. */
  for (guint i = 0; i < 6; i++)
    gtk_widget_activate_action (widget, "win.undo", NULL);
  g_assert_false (cto_history_get_can_undo (history_of (window)));
  g_assert_false (cto_history_get_modified (history_of (window)));
  g_assert_cmpuint (cto_responsibility_get_n_assignees (security), ==, 1);

  window_free (window);
}

static void
test_actions_delete (void)
{
  CtoWindow *window = window_new ();
  GtkWidget *widget = GTK_WIDGET (window);

  gtk_widget_activate_action (widget, "win.delete-person", "s", "ana");
  spin ();
  g_assert_null (cto_plan_find_person (plan_of (window), "ana"));
  g_assert_cmpstr (tile_text (window, CTO_FUNCTION_THINKER, "status"), ==, "Not covered");

  gtk_widget_activate_action (widget, "win.delete-responsibility", "s", "tools");
  g_assert_null (cto_plan_find_responsibility (plan_of (window), "tools"));
  g_assert_cmpstr (tile_text (window, CTO_FUNCTION_PLANNING, "status"), ==, "No responsibilities");
  /* Not "0 of 0 assigned" after it. */
  g_assert_cmpstr (tile_text (window, CTO_FUNCTION_PLANNING, "hours"), ==, "0 h a week");

  /* The responsibility brought back has the focus, not the row that took
   * its place. */
  gtk_widget_activate_action (widget, "win.undo", NULL);
  spin_for (0.3);
  {
    GtkWidget *row = find_widget (widget_named (window, "responsibility-list"), is_row_of, "tools");
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

    g_assert_nonnull (row);
    g_assert_nonnull (focus);
    g_assert_true (focus == row || gtk_widget_is_ancestor (focus, row) || gtk_widget_is_ancestor (row, focus));
  }
  gtk_widget_activate_action (widget, "win.undo", NULL);
  spin_until (has_cards, window, 10);
  g_assert_nonnull (cto_plan_find_person (plan_of (window), "ana"));
  g_assert_nonnull (cto_plan_find_responsibility (plan_of (window), "tools"));
  g_assert_cmpfloat (share_of (window, "strategy", "ana"), ==, 1);
  g_assert_cmpstr (label_text (card_of (window, "ana"), "load"), ==, "8 of 40 h · 20%");
  /* Brought back, Ana's card has the focus (its cell holds it), as one
   * just added would; not a neighbour's, where it went when she did. */
  spin_for (0.3);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == gtk_widget_get_parent (card_of (window, "ana")));

  window_free (window);
}

/* A deletion's toast names what went, its plan text not read as markup,
 * and loses its Undo once that would take back another step. */
static void
test_undo_toast (void)
{
  CtoWindow *window = window_new ();
  GtkWidget *widget = GTK_WIDGET (window);
  CtoPerson *ana = cto_plan_find_person (plan_of (window), "ana");
  AdwToast *toast;

  cto_plan_set_person_name (plan_of (window), ana, "Ana <R&D>");
  gtk_widget_activate_action (widget, "win.delete-person", "s", "ana");
  spin ();
  toast = g_object_ref (window->undo_toast);
  g_assert_cmpstr (adw_toast_get_title (toast), ==, "Deleted Ana &lt;R&amp;D&gt;");
  g_assert_cmpstr (adw_toast_get_action_name (toast), ==, "win.undo");

  gtk_widget_activate_action (widget, "win.undo", NULL);
  spin ();
  g_assert_nonnull (cto_plan_find_person (plan_of (window), "ana"));
  g_assert_null (adw_toast_get_action_name (toast));
  g_assert_null (adw_toast_get_button_label (toast));
  g_assert_null (window->undo_toast);
  g_clear_object (&toast);

  /* Another edit right after it does the same. */
  gtk_widget_activate_action (widget, "win.delete-responsibility", "s", "tools");
  toast = g_object_ref (window->undo_toast);
  cto_plan_set_person_name (plan_of (window), cto_plan_find_person (plan_of (window), "ana"), "Ana");
  g_assert_null (adw_toast_get_action_name (toast));
  g_clear_object (&toast);
  spin_for (0.7);

  window_free (window);
}

static gboolean
row_header_is (gpointer data)
{
  const char **args = data;
  CtoWindow *window = (CtoWindow *) args[0];
  GtkWidget *row = find_widget (widget_named (window, "responsibility-list"), is_row_of, args[1]);
  GtkWidget *header;

  if (row == NULL)
    return FALSE;

  header = find_widget (row, has_name, "header");
  if (args[2] == NULL)
    return !gtk_widget_get_visible (header);

  return gtk_widget_get_visible (header) &&
         g_strcmp0 (gtk_label_get_text (GTK_LABEL (header)), args[2]) == 0;
}

static void
expect_header (CtoWindow  *window,
               const char *responsibility_id,
               const char *header)
{
  const char *args[] = { (const char *) window, responsibility_id, header };

  spin_until (row_header_is, args, 10);
}

/* The function the list shows alone, or -1 (the window's property). */
static int
filter_function_of (CtoWindow *window)
{
  int function;

  g_object_get (window, "filter-function", &function, NULL);
  return function;
}

static guint
n_shown (CtoWindow *window)
{
  return g_list_model_get_n_items (shown_rows (window));
}

static void
test_responsibility_groups (void)
{
  CtoWindow *window = window_new ();
  g_autoptr(CtoResponsibility) first = NULL;

  /* Grouped by function, in the fixed order, each group headed with its count. */
  g_assert_cmpuint (n_shown (window), ==, 5);
  first = g_list_model_get_item (shown_rows (window), 0);
  g_assert_cmpstr (cto_responsibility_get_id (first), ==, "tools");
  expect_header (window, "tools", "Planning · 1");
  expect_header (window, "security", "Infrastructure · 2");
  expect_header (window, "data", NULL);

  /* A responsibility that changes function changes group, in plan order. */
  cto_plan_set_responsibility_function (plan_of (window),
                                        cto_plan_find_responsibility (plan_of (window), "security"),
                                        CTO_FUNCTION_PLANNING);
  expect_header (window, "data", "Infrastructure · 1");
  expect_header (window, "security", "Planning · 2");
  expect_header (window, "tools", NULL);

  /* Clicking a tile shows its function only; Show All shows all. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.filter-function", "i",
                              (int) CTO_FUNCTION_INFRASTRUCTURE);
  g_assert_cmpint (filter_function_of (window), ==, CTO_FUNCTION_INFRASTRUCTURE);
  g_assert_cmpuint (n_shown (window), ==, 1);
  g_assert_true (gtk_toggle_button_get_active (tile_toggle (window, CTO_FUNCTION_INFRASTRUCTURE)));
  g_assert_false (gtk_toggle_button_get_active (tile_toggle (window, CTO_FUNCTION_PLANNING)));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.filter-function", "i", -1);
  g_assert_cmpuint (n_shown (window), ==, 5);

  /* Search by title, case-insensitive. */
  gtk_editable_set_text (GTK_EDITABLE (widget_named (window, "search-entry")), "SECUR");
  g_signal_emit_by_name (widget_named (window, "search-entry"), "search-changed");
  g_assert_cmpuint (n_shown (window), ==, 1);
  gtk_editable_set_text (GTK_EDITABLE (widget_named (window, "search-entry")), "no such thing");
  g_signal_emit_by_name (widget_named (window, "search-entry"), "search-changed");
  g_assert_cmpuint (n_shown (window), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (
                     GTK_STACK (widget_named (window, "responsibility-stack"))), ==, "empty");
  gtk_editable_set_text (GTK_EDITABLE (widget_named (window, "search-entry")), "");
  g_signal_emit_by_name (widget_named (window, "search-entry"), "search-changed");
  g_assert_cmpuint (n_shown (window), ==, 5);

  window_free (window);
}

static void
test_row_shows_unassigned (void)
{
  CtoWindow *window = window_new ();
  GtkWidget *row;

  expect_header (window, "tools", "Planning · 1");
  row = find_widget (widget_named (window, "responsibility-list"), is_row_of, "tools");
  g_assert_cmpstr (label_text (row, "carriers"), ==, "Unassigned");
  g_assert_cmpstr (label_text (row, "hours"), ==, "4 h");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.assign", "(ss)", "tools", "bo");
  g_assert_cmpstr (label_text (row, "carriers"), ==, "Bo");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.assign", "(ss)", "tools", "ana");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.set-accountable", "(ss)", "tools", "ana");
  g_assert_cmpstr (label_text (row, "carriers"), ==, "Bo, Ana (accountable)");

  window_free (window);
}

/* Dialogs ------------------------------------------------------------------ */

static GtkWidget *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (window))
        return window;
    }

  return NULL;
}

/* The @n-th entry row of @dialog, counting from 0. */
static GtkEditable *
entry_row (GtkWidget *dialog,
           guint      n)
{
  GtkWidget *row = find_widget (dialog, is_of_type, GSIZE_TO_POINTER (ADW_TYPE_ENTRY_ROW));

  g_assert_nonnull (row);
  while (n-- > 0)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (row);

      while (next != NULL && !ADW_IS_ENTRY_ROW (next))
        next = gtk_widget_get_next_sibling (next);
      g_assert_nonnull (next);
      row = next;
    }

  return GTK_EDITABLE (row);
}

static void
click (GtkWidget  *root,
       const char *label)
{
  GtkWidget *button = find_widget (root, is_button_labelled, label);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  spin ();
}

static void
test_person_dialog (void)
{
  CtoWindow *window = window_new ();
  GtkWidget *dialog;
  CtoPerson *person;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.add-person", NULL);
  dialog = find_toplevel (CTO_TYPE_PERSON_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_false (gtk_widget_is_sensitive (find_widget (dialog, is_button_labelled, "_Add")));

  gtk_editable_set_text (entry_row (dialog, 0), "  Chen Wei ");
  gtk_editable_set_text (entry_row (dialog, 1), "Designer");
  click (dialog, "_Add");
  g_assert_null (find_toplevel (CTO_TYPE_PERSON_DIALOG));

  person = cto_plan_find_person (plan_of (window), "chen-wei");
  g_assert_nonnull (person);
  g_assert_cmpstr (cto_person_get_name (person), ==, "Chen Wei");
  g_assert_cmpstr (cto_person_get_role (person), ==, "Designer");
  g_assert_cmpfloat (cto_person_get_capacity (person), ==, 40);
  g_assert_cmpstr (label_text (GTK_WIDGET (window), "people-count"), ==, "4 people");

  /* Editing: one step for all fields. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-person", "s", "chen-wei");
  dialog = find_toplevel (CTO_TYPE_PERSON_DIALOG);
  g_assert_cmpstr (gtk_editable_get_text (entry_row (dialog, 0)), ==, "Chen Wei");
  gtk_editable_set_text (entry_row (dialog, 0), "Chen");
  gtk_editable_set_text (entry_row (dialog, 1), "Lead designer");
  click (dialog, "_Save");
  g_assert_cmpstr (cto_person_get_name (person), ==, "Chen");
  g_assert_cmpstr (cto_person_get_role (person), ==, "Lead designer");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpstr (cto_person_get_name (person), ==, "Chen Wei");
  g_assert_cmpstr (cto_person_get_role (person), ==, "Designer");

  /* Deleting from the dialog, then taking it back. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-person", "s", "chen-wei");
  click (find_toplevel (CTO_TYPE_PERSON_DIALOG), "_Delete Person");
  g_assert_null (cto_plan_find_person (plan_of (window), "chen-wei"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_true (cto_plan_find_person (plan_of (window), "chen-wei") == person);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_null (cto_plan_find_person (plan_of (window), "chen-wei"));
  g_assert_false (cto_history_get_can_undo (history_of (window)));

  window_free (window);
}

static void
test_dialogs_save_unchanged (void)
{
  CtoWindow *window = window_new ();
  CtoPerson *bo = cto_plan_find_person (plan_of (window), "bo");
  CtoResponsibility *tools = cto_plan_find_responsibility (plan_of (window), "tools");

  cto_plan_set_person_capacity (plan_of (window), bo, 37.125);
  cto_plan_set_responsibility_effort (plan_of (window), tools, 0.333);
  cto_history_clear (history_of (window));

  /* Saving what was shown, untouched, changes nothing and records nothing. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-person", "s", "bo");
  click (find_toplevel (CTO_TYPE_PERSON_DIALOG), "_Save");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-responsibility", "s", "tools");
  click (find_toplevel (CTO_TYPE_RESPONSIBILITY_DIALOG), "_Save");

  g_assert_cmpfloat (cto_person_get_capacity (bo), ==, 37.125);
  g_assert_cmpfloat (cto_responsibility_get_effort (tools), ==, 0.333);
  g_assert_false (cto_history_get_can_undo (history_of (window)));
  g_assert_false (cto_history_get_modified (history_of (window)));

  window_free (window);
}

static void
test_responsibility_dialog (void)
{
  CtoWindow *window = window_new ();
  CtoResponsibility *responsibility;
  GtkWidget *dialog;

  /* With a function picked, a new responsibility belongs to it. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.filter-function", "i",
                              (int) CTO_FUNCTION_THINKER);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.add-responsibility", NULL);
  dialog = find_toplevel (CTO_TYPE_RESPONSIBILITY_DIALOG);
  g_assert_nonnull (dialog);
  gtk_editable_set_text (entry_row (dialog, 0), "Talk to investors");
  click (dialog, "_Add");

  responsibility = cto_plan_find_responsibility (plan_of (window), "talk-to-investors");
  g_assert_nonnull (responsibility);
  g_assert_cmpint (cto_responsibility_get_function (responsibility), ==, CTO_FUNCTION_THINKER);
  g_assert_cmpuint (n_shown (window), ==, 2);
  g_assert_cmpstr (tile_text (window, CTO_FUNCTION_THINKER, "status"), ==, "1 of 2 assigned");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-responsibility", "s", "tools");
  dialog = find_toplevel (CTO_TYPE_RESPONSIBILITY_DIALOG);
  g_assert_cmpstr (gtk_editable_get_text (entry_row (dialog, 0)), ==, "Tools");
  gtk_editable_set_text (entry_row (dialog, 0), "Engineering tools");
  click (dialog, "_Save");
  g_assert_cmpstr (cto_responsibility_get_title (cto_plan_find_responsibility (plan_of (window), "tools")),
                   ==, "Engineering tools");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-responsibility", "s", "tools");
  click (find_toplevel (CTO_TYPE_RESPONSIBILITY_DIALOG), "_Delete Responsibility");
  g_assert_null (cto_plan_find_responsibility (plan_of (window), "tools"));
  g_assert_cmpstr (tile_text (window, CTO_FUNCTION_PLANNING, "status"), ==, "No responsibilities");

  for (guint i = 0; i < 3; i++)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_false (cto_history_get_can_undo (history_of (window)));
  g_assert_cmpstr (cto_responsibility_get_title (cto_plan_find_responsibility (plan_of (window), "tools")),
                   ==, "Tools");
  g_assert_null (cto_plan_find_responsibility (plan_of (window), "talk-to-investors"));

  window_free (window);
}

/* Menus instead of drags ----------------------------------------------------- */

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

static gboolean
is_check_labelled (GtkWidget     *widget,
                   gconstpointer  label)
{
  return GTK_IS_CHECK_BUTTON (widget) &&
         g_strcmp0 (gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)), label) == 0;
}

static gboolean
popover_has_check (gpointer data)
{
  gpointer *args = data;

  return find_widget (args[0], is_check_labelled, args[1]) != NULL;
}

/* Opens the menu button inside @root and returns its popover. */
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

/* Move To… narrowed by a search: every person it finds shows whole,
 * without scrolling, when they are few. */
static void
test_chip_popover_search (void)
{
  g_autoptr(CtoPlan) plan = example_plan_new ();
  CtoWindow *window = window_new_with (plan);
  GtkWidget *card = card_of (window, "ravi");
  GtkWidget *chip;
  GtkWidget *popover;
  GtkWidget *people_list;
  GtkWidget *scroller;
  GtkAdjustment *adjustment;
  int natural;

  cto_person_card_show_details (CTO_PERSON_CARD (card));
  spin ();
  chip = find_widget (card, is_chip_of, "technology-strategy");
  g_assert_nonnull (chip);
  popover = open_menu_button (chip);
  people_list = find_widget (popover, is_of_type, GSIZE_TO_POINTER (GTK_TYPE_LIST_VIEW));
  g_assert_nonnull (people_list);
  scroller = gtk_widget_get_parent (people_list);

  /* Bo Lin, Mia Okafor and the Security engineer. */
  gtk_editable_set_text (GTK_EDITABLE (find_widget (popover, is_of_type, GSIZE_TO_POINTER (GTK_TYPE_SEARCH_ENTRY))),
                         "engineer");
  spin_for (0.6);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (people_list)))),
                    ==, 3);
  gtk_widget_measure (people_list, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (people_list),
                      NULL, &natural, NULL, NULL);
  g_assert_cmpint (natural, >, 0);
  g_assert_cmpint (gtk_widget_get_height (people_list), >=, natural);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), <=, gtk_adjustment_get_page_size (adjustment));

  gtk_popover_popdown (GTK_POPOVER (popover));
  window_free (window);
}

static void
test_chip_popover (void)
{
  CtoWindow *window = window_new ();
  CtoResponsibility *security = cto_plan_find_responsibility (plan_of (window), "security");
  GtkWidget *chip;
  GtkWidget *popover;
  GtkWidget *hours;

  chip = find_widget (card_of (window, "ana"), is_chip_of, "security");
  g_assert_nonnull (chip);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.assign", "(ss)", "security", "bo");

  /* Her part in hours, applied at once: 4.5 of 6 h beside Bo's share 1 is share 3. */
  popover = open_menu_button (chip);
  hours = find_widget_by_name (popover, "share-hours");
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (hours)), ==, 3);
  /* Opened, the focus is in its search of people, whether a click or a key
   * opened it, even when its part in hours, a field of its own, is there to
   * edit; a name typed elsewhere in it goes to the search too. */
  g_assert_true (gtk_widget_is_sensitive (hours));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)),
                                         find_widget (popover, is_of_type, GSIZE_TO_POINTER (GTK_TYPE_SEARCH_ENTRY))));
  g_assert_true (gtk_search_entry_get_key_capture_widget (GTK_SEARCH_ENTRY (find_widget (popover, is_of_type, GSIZE_TO_POINTER (GTK_TYPE_SEARCH_ENTRY)))) == popover);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (hours), 4.5);
  spin ();
  g_assert_cmpfloat (share_of (window, "security", "ana"), ==, 3);
  g_assert_cmpstr (label_text (chip, "share"), ==, "4.5 of 6 h · 75% share");
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (find_widget_by_name (popover,
                                                                                    "share-percent"))),
                     ==, 75);

  /* All of it, or none, is no share beside Bo's: refused, saying why. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (hours), 6);
  spin ();
  g_assert_cmpfloat (share_of (window, "security", "ana"), ==, 3);
  g_assert_true (label_shown (popover, "share-error"));
  g_assert_nonnull (strstr (label_text (popover, "share-error"), "the others keep a part"));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (find_widget_by_name (popover, "share-percent")), 50);
  spin ();
  g_assert_cmpfloat (share_of (window, "security", "ana"), ==, 1);
  g_assert_false (label_shown (popover, "share-error"));
  gtk_popover_popdown (GTK_POPOVER (popover));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpfloat (share_of (window, "security", "ana"), ==, 3);

  /* Mark accountable. */
  popover = open_menu_button (chip);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find_widget (popover, is_check_labelled, "_Accountable")),
                               TRUE);
  spin ();
  g_assert_cmpstr (cto_responsibility_get_accountable (security), ==, "ana");
  g_assert_cmpstr (label_text (chip, "accountable"), ==, "Accountable");
  gtk_popover_popdown (GTK_POPOVER (popover));

  /* Move to someone else: the first person who does not carry it yet. */
  popover = open_menu_button (chip);
  click (popover, "Move");
  g_assert_cmpfloat (share_of (window, "security", "ana"), ==, 0);
  g_assert_cmpfloat (share_of (window, "security", "hire"), ==, 3);
  g_assert_cmpstr (cto_responsibility_get_accountable (security), ==, "hire");

  /* Unassign, from the chip on the new card. */
  chip = find_widget (card_of (window, "hire"), is_chip_of, "security");
  g_assert_nonnull (chip);
  popover = open_menu_button (chip);
  click (popover, "_Unassign");
  g_assert_cmpfloat (share_of (window, "security", "hire"), ==, 0);
  g_assert_cmpfloat (share_of (window, "security", "bo"), ==, 1);

  /* Each one step. */
  for (guint i = 0; i < 5; i++)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_false (cto_history_get_can_undo (history_of (window)));

  window_free (window);
}

static void
test_assign_popover (void)
{
  CtoWindow *window = window_new ();
  GtkWidget *row;
  GtkWidget *popover;
  GtkWidget *check;
  gpointer args[2];

  expect_header (window, "tools", "Planning · 1");
  row = find_widget (widget_named (window, "responsibility-list"), is_row_of, "tools");
  popover = open_menu_button (row);
  args[0] = popover;
  args[1] = (gpointer) "Bo — Engineer";
  spin_until (popover_has_check, args, 10);

  check = find_widget (popover, is_check_labelled, "Bo — Engineer");
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  g_assert_cmpfloat (share_of (window, "tools", "bo"), ==, 1);
  g_assert_cmpstr (label_text (card_of (window, "bo"), "load"), ==, "4 of 10 h · 40%");

  check = find_widget (popover, is_check_labelled, "Ana — CEO");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  g_assert_cmpfloat (share_of (window, "tools", "ana"), ==, 1);
  g_assert_cmpfloat (share_of (window, "tools", "bo"), ==, 1);

  /* Undo shows in the open popover too. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));

  check = find_widget (popover, is_check_labelled, "Bo — Engineer");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), FALSE);
  g_assert_cmpuint (cto_responsibility_get_n_assignees (cto_plan_find_responsibility (plan_of (window), "tools")), ==, 0);

  gtk_popover_popdown (GTK_POPOVER (popover));
  window_free (window);
}

/* Title, files, the unsaved question --------------------------------------- */

static void
test_title (void)
{
  CtoWindow *window = window_new ();

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Test plan");
  g_assert_cmpstr (adw_window_title_get_title (title_of (window)), ==, "Test plan");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.assign", "(ss)", "tools", "bo");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "• Test plan");
  g_assert_cmpstr (adw_window_title_get_subtitle (title_of (window)), ==, "Unsaved changes");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Test plan");

  window_free (window);
}

static void
test_rename (void)
{
  CtoWindow *window = window_new ();
  GtkWidget *dialog;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.rename", NULL);
  dialog = g_object_ref (dialog_with_response (window, "rename"));
  g_assert_nonnull (dialog);
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog))),
                         "  Board pack 2027 ");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "rename");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
  spin ();

  g_assert_cmpstr (cto_plan_get_title (plan_of (window)), ==, "Board pack 2027");
  g_assert_cmpstr (adw_window_title_get_title (title_of (window)), ==, "Board pack 2027");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "• Board pack 2027");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpstr (adw_window_title_get_title (title_of (window)), ==, "Test plan");

  window_free (window);
}

static void
test_empty_board (void)
{
  g_autoptr(CtoPlan) plan = cto_plan_new_from_template ();
  CtoWindow *window = cto_window_new (NULL);

  _cto_window_set_plan (window, plan, NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (widget_named (window, "people-stack"))),
                   ==, "empty");
  g_assert_cmpstr (adw_window_title_get_subtitle (title_of (window)), ==, "Not saved yet");
  for (guint f = 0; f < CTO_N_FUNCTIONS; f++)
    g_assert_cmpstr (tile_text (window, (CtoFunction) f, "status"), ==, "Not covered");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_false (cto_history_get_can_undo (history_of (window)));

  window_free (window);
}

static void
test_open_invalid (void)
{
  CtoWindow *window = window_new ();
  CtoPlan *plan = plan_of (window);
  g_autoptr(GFile) file = display_test_file ("broken.ctoplan.json");
  g_autofree char *before = cto_plan_io_to_data (plan, NULL);
  g_autofree char *after = NULL;
  const char *body;

  write_file (file, "{ \"format\": \"cto-planner-plan\", \"version\": 1, \"people\": [ { \"id\": \"x\" } ] }");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.assign", "(ss)", "tools", "bo");
  open_and_wait (window, file);

  g_assert_true (plan_of (window) == plan);
  g_assert_null (cto_window_get_file (window));
  g_assert_nonnull (error_dialog_of (window));
  g_assert_null (unsaved_dialog_of (window));
  body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (error_dialog_of (window)));
  g_assert_true (g_str_has_prefix (body, "broken.ctoplan.json: people[0]"));

  /* Untouched: the edit before is still there and still unsaved. */
  g_assert_true (cto_history_get_modified (history_of (window)));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  after = cto_plan_io_to_data (plan, NULL);
  g_assert_cmpstr (before, ==, after);

  window_free (window);
}

static void
test_open_over_unsaved (void)
{
  CtoWindow *window = window_new ();
  CtoPlan *plan = plan_of (window);
  g_autoptr(GFile) file = display_test_file ("other.ctoplan.json");
  g_autofree char *other = g_strdup (plan_json);

  memcpy (strstr (other, "Test plan"), "Next plan", strlen ("Next plan"));
  write_file (file, other);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.assign", "(ss)", "tools", "bo");

  open_and_wait (window, file);
  g_assert_nonnull (unsaved_dialog_of (window));
  g_assert_true (plan_of (window) == plan);
  respond_to (unsaved_dialog_of (window), "cancel");
  g_assert_true (plan_of (window) == plan);
  g_assert_true (cto_history_get_modified (history_of (window)));

  open_and_wait (window, file);
  respond_to (unsaved_dialog_of (window), "discard");
  wait_until_loaded (window);
  g_assert_true (plan_of (window) != plan);
  g_assert_cmpstr (cto_plan_get_title (plan_of (window)), ==, "Next plan");
  g_assert_true (g_file_equal (cto_window_get_file (window), file));
  g_assert_false (cto_history_get_modified (history_of (window)));
  g_assert_cmpstr (adw_window_title_get_subtitle (title_of (window)), ==, "other.ctoplan.json");
  spin_until (has_cards, window, 10);
  g_assert_cmpstr (label_text (card_of (window, "bo"), "load"), ==, "0 of 10 h · 0%");

  window_free (window);
}

static void
test_close_unsaved (gconstpointer data)
{
  const char *response = data;
  CtoWindow *window = window_new ();
  g_autoptr(GFile) file = display_test_file ("closing.ctoplan.json");
  gpointer alive = window;

  g_object_add_weak_pointer (G_OBJECT (window), &alive);
  g_assert_true (save_to_and_wait (window, file));
  g_assert_false (cto_history_get_modified (history_of (window)));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.assign", "(ss)", "tools", "bo");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.close", NULL);
  spin ();
  g_assert_nonnull (alive);
  g_assert_nonnull (unsaved_dialog_of (window));

  respond_to (unsaved_dialog_of (window), response);
  if (alive != NULL)
    wait_until_saved (alive);
  spin ();

  if (g_str_equal (response, "cancel"))
    {
      g_assert_nonnull (alive);
      g_assert_true (cto_history_get_modified (history_of (window)));
      window_free (window);
    }
  else
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CtoPlan) saved = cto_plan_io_load_file (file, NULL, &error);
      CtoResponsibility *tools;

      g_assert_no_error (error);
      g_assert_null (alive);
      tools = cto_plan_find_responsibility (saved, "tools");
      g_assert_cmpuint (cto_responsibility_get_n_assignees (tools), ==,
                        g_str_equal (response, "save") ? 1 : 0);
    }
}

static void
test_save_failure (void)
{
  CtoWindow *window = window_new ();
  g_autoptr(GFile) file = display_test_file ("no-such-folder/plan.ctoplan.json");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.assign", "(ss)", "tools", "bo");
  g_assert_false (save_to_and_wait (window, file));
  g_assert_true (cto_history_get_modified (history_of (window)));
  g_assert_null (cto_window_get_file (window));
  g_assert_nonnull (error_dialog_of (window));
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (error_dialog_of (window))),
                                   "plan.ctoplan.json: "));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "• Test plan");

  window_free (window);
}

static void
test_save_action (void)
{
  CtoWindow *window = window_new ();
  g_autoptr(GFile) file = display_test_file ("saved.ctoplan.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(CtoPlan) saved = NULL;

  g_assert_true (save_to_and_wait (window, file));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.assign", "(ss)", "support", "hire");
  g_assert_true (cto_history_get_modified (history_of (window)));
  save_and_wait (window);
  g_assert_false (cto_history_get_modified (history_of (window)));

  saved = cto_plan_io_load_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cto_responsibility_get_n_assignees (cto_plan_find_responsibility (saved, "support")), ==, 1);
  g_assert_cmpstr (tile_text (window, CTO_FUNCTION_CONSUMER_LIAISON, "waiting"), ==,
                   "1 waiting for a hire");

  window_free (window);
}

/* A large plan ------------------------------------------------------------- */

static void
test_large_plan (void)
{
  g_autoptr(CtoPlan) plan = cto_plan_new ();
  CtoWindow *window;

  for (guint i = 0; i < 1000; i++)
    {
      g_autofree char *id = g_strdup_printf ("p%u", i);
      g_autofree char *name = g_strdup_printf ("Person %u", i);
      g_autoptr(CtoPerson) person = cto_person_new (id, name, "Engineer", 40, FALSE);

      cto_plan_insert_person (plan, i, person);
    }
  for (guint i = 0; i < 20000; i++)
    {
      g_autofree char *id = g_strdup_printf ("r%u", i);
      g_autofree char *title = g_strdup_printf ("Responsibility %u", i);
      g_autoptr(CtoResponsibility) responsibility =
        cto_responsibility_new (id, title, (CtoFunction) (i % CTO_N_FUNCTIONS), 1, "");

      cto_plan_insert_responsibility (plan, i, responsibility);
      if (i % 2 == 0)
        {
          g_autofree char *person_id = g_strdup_printf ("p%u", i % 1000);

          cto_plan_assign (plan, responsibility, cto_plan_find_person (plan, person_id), 1);
        }
    }
  cto_history_clear (cto_plan_get_history (plan));

  /* How fast is the benchmark window-first-frame's business; this checks
   * what the window does with a plan this size. */
  window = cto_window_new (NULL);
  _cto_window_set_plan (window, plan, NULL);
  gtk_window_present (GTK_WINDOW (window));
  spin_until (has_cards, window, 60);

  /* Only the rows and cards on screen exist. */
  {
    g_autoptr(GPtrArray) bound = rows_of (window);

    g_assert_cmpuint (bound->len, <, 500);
  }

  g_assert_true (drop_responsibility (window, "r1", "p0"));
  g_assert_cmpstr (label_text (card_of (window, "p0"), "load"), ==, "21 of 40 h · 53%");

  gtk_editable_set_text (GTK_EDITABLE (widget_named (window, "search-entry")), "Responsibility 1999");
  g_signal_emit_by_name (widget_named (window, "search-entry"), "search-changed");
  spin ();
  g_assert_cmpuint (n_shown (window), ==, 11);

  window_free (window);
}

/* Counts the buttons shown below @widget that show only an icon, failing
 * unless each says what it does when the pointer rests on it. */
static guint
assert_icon_buttons_explained (GtkWidget *widget)
{
  guint n = 0;

  if (!gtk_widget_get_mapped (widget))
    return 0;

  if ((GTK_IS_BUTTON (widget) && gtk_button_get_icon_name (GTK_BUTTON (widget)) != NULL) ||
      (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (widget)) != NULL &&
       gtk_menu_button_get_label (GTK_MENU_BUTTON (widget)) == NULL))
    {
      if (cto_tooltip_get_text (widget) == NULL && gtk_widget_get_tooltip_text (widget) == NULL)
        g_error ("a %s with the icon %s has no tooltip", G_OBJECT_TYPE_NAME (widget),
                 GTK_IS_BUTTON (widget) ? gtk_button_get_icon_name (GTK_BUTTON (widget))
                                        : gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (widget)));
      n++;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += assert_icon_buttons_explained (child);

  return n;
}

/* Every button of the window that shows only an icon, on the cards, the
 * chips, the rows and the header, says what it does in a tooltip. */
static void
test_icon_buttons_explained (void)
{
  g_autoptr(CtoPlan) plan = example_plan_new ();
  CtoWindow *window = window_new_with (plan);

  g_assert_cmpuint (assert_icon_buttons_explained (GTK_WIDGET (window)), >, 20);

  window_free (window);
}

int
main (int   argc,
      char *argv[])
{
  display_test_init (&argc, &argv, "window", "none");

  g_test_add_func ("/window/drop/responsibility-assigns", test_drop_responsibility);
  g_test_add_func ("/window/drop/responsibility-shares", test_drop_responsibility_shares);
  g_test_add_func ("/window/drop/chip-moves", test_drop_chip_moves);
  g_test_add_func ("/window/drop/chip-with-ctrl-shares", test_drop_chip_copy);
  g_test_add_func ("/window/drop/chip-on-pane-unassigns", test_drop_chip_on_pane);
  g_test_add_func ("/window/drop/no-change-no-step", test_drop_changes_nothing);
  g_test_add_func ("/window/drop/other-plan-refused", test_drop_from_other_plan);
  g_test_add_func ("/window/actions/assignments", test_actions_assignments);
  g_test_add_func ("/window/actions/delete-and-undo", test_actions_delete);
  g_test_add_func ("/window/actions/undo-toast", test_undo_toast);
  g_test_add_func ("/window/responsibilities/groups-filter-search", test_responsibility_groups);
  g_test_add_func ("/window/responsibilities/unassigned-in-words", test_row_shows_unassigned);
  g_test_add_func ("/window/menus/chip", test_chip_popover);
  g_test_add_func ("/window/menus/chip/search", test_chip_popover_search);
  g_test_add_func ("/window/menus/assign-to", test_assign_popover);
  g_test_add_func ("/window/dialogs/person", test_person_dialog);
  g_test_add_func ("/window/dialogs/responsibility", test_responsibility_dialog);
  g_test_add_func ("/window/dialogs/save-unchanged-records-nothing", test_dialogs_save_unchanged);
  g_test_add_func ("/window/title/unsaved-marker", test_title);
  g_test_add_func ("/window/icon-buttons-explained", test_icon_buttons_explained);
  g_test_add_func ("/window/title/rename", test_rename);
  g_test_add_func ("/window/new/starter-template", test_empty_board);
  g_test_add_func ("/window/open/invalid-keeps-plan", test_open_invalid);
  g_test_add_func ("/window/open/over-unsaved-asks", test_open_over_unsaved);
  g_test_add_data_func ("/window/unsaved/close/cancel", "cancel", test_close_unsaved);
  g_test_add_data_func ("/window/unsaved/close/discard", "discard", test_close_unsaved);
  g_test_add_data_func ("/window/unsaved/close/save", "save", test_close_unsaved);
  g_test_add_func ("/window/save/failure-keeps-unsaved", test_save_failure);
  g_test_add_func ("/window/save/action-writes", test_save_action);
  g_test_add_func ("/window/large-plan", test_large_plan);

  return display_test_run ();
}
