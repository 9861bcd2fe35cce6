/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>

#include "cto-assignment-chip.h"
#include "cto-compare-dialog.h"
#include "cto-date-row.h"
#include "cto-date.h"
#include "cto-org-layout.h"
#include "cto-person-card.h"
#include "cto-person-dialog.h"
#include "cto-plan-io.h"
#include "cto-presentation-window.h"
#include "cto-tooltip.h"
#include "cto-window-private.h"
#include "cto-suggestions.h"
#include "cto-tooltip.h"
#include "display-test-util.h"

/* The window over time: the As of control, Compare With…, and the dates of
 * the person dialog, driven in the real window. */

/* SOURCE_DATE_EPOCH below makes today 2027-02-14, so that the As of
 * choices are: 0 whole plan, 1 today, 2 2027-04-01, 3 2027-07-01,
 * 4 2027-10-01, 5 2028-01-01, … */
#define AS_OF_2027_07_01 3
#define AS_OF_2028_01_01 5

static const char *
tile_status (CtoWindow   *window,
             CtoFunction  function)
{
  GtkWidget *label = find_widget_by_name (GTK_WIDGET (window->tiles[function]), "status");

  g_assert_nonnull (label);
  return gtk_label_get_text (GTK_LABEL (label));
}

static GtkWidget *
card_of (CtoWindow  *window,
         const char *person_id)
{
  CtoPerson *person = cto_plan_find_person (window->plan, person_id);
  GtkWidget *card;

  g_assert_nonnull (person);
  card = find_widget (GTK_WIDGET (window->people_grid), is_card_of, person);
  g_assert_nonnull (card);
  return card;
}

/* What the card says of someone not there on the day shown, or NULL. */
/* The dates a card shows of someone there on the day shown, or NULL. */
static const char *
card_dates (CtoWindow  *window,
            const char *person_id)
{
  GtkWidget *label = find_widget_by_name (card_of (window, person_id), "dates");

  return label != NULL && gtk_widget_get_visible (label) ? gtk_label_get_text (GTK_LABEL (label)) : NULL;
}

static const char *
card_absence (CtoWindow  *window,
              const char *person_id)
{
  GtkWidget *card = card_of (window, person_id);
  GtkWidget *label = find_widget_by_name (card, "as-of");

  if (label == NULL || !gtk_widget_get_visible (label))
    {
      g_assert_cmpfloat (gtk_widget_get_opacity (card), ==, 1.0);
      return NULL;
    }

  g_assert_cmpfloat (gtk_widget_get_opacity (card), <, 1.0);
  return gtk_label_get_text (GTK_LABEL (label));
}

/* Whether a card says that its chips are the whole plan's, not the day's. */
static gboolean
card_says_whole_plan (CtoWindow  *window,
                      const char *person_id)
{
  GtkWidget *label = find_widget_by_name (card_of (window, person_id), "whole-plan-caption");

  if (label == NULL || !gtk_widget_get_visible (label))
    return FALSE;
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, "Their part in the whole plan");
  return TRUE;
}

static GtkWidget *
chip_of (CtoWindow  *window,
         const char *person_id,
         const char *responsibility_id)
{
  GtkWidget *card = card_of (window, person_id);

  for (GtkWidget *chip = find_widget (card, is_of_type, GSIZE_TO_POINTER (CTO_TYPE_ASSIGNMENT_CHIP));
       chip != NULL; chip = gtk_widget_get_next_sibling (chip))
    {
      CtoResponsibility *responsibility =
        cto_assignment_chip_get_responsibility (CTO_ASSIGNMENT_CHIP (chip));

      if (g_str_equal (cto_responsibility_get_id (responsibility), responsibility_id))
        return chip;
    }

  g_assert_not_reached ();
}

/* The responsibility of the first chip on @person_id's card. */
static const char *
first_chip (CtoWindow  *window,
            const char *person_id)
{
  GtkWidget *chip = find_widget (card_of (window, person_id), is_of_type,
                                 GSIZE_TO_POINTER (CTO_TYPE_ASSIGNMENT_CHIP));

  g_assert_nonnull (chip);
  return cto_responsibility_get_id (cto_assignment_chip_get_responsibility (CTO_ASSIGNMENT_CHIP (chip)));
}

/* The hours and share on @person_id's chip of @responsibility_id. */
static const char *
chip_share (CtoWindow  *window,
            const char *person_id,
            const char *responsibility_id)
{
  GtkWidget *label = find_widget_by_name (chip_of (window, person_id, responsibility_id), "share");

  return gtk_label_get_text (GTK_LABEL (label));
}

/* Who the chip says is accountable, or NULL when it does not say. */
static const char *
chip_accountable (CtoWindow  *window,
                  const char *person_id,
                  const char *responsibility_id)
{
  GtkWidget *label = find_widget_by_name (chip_of (window, person_id, responsibility_id), "accountable");

  return gtk_widget_is_visible (label) ? gtk_label_get_text (GTK_LABEL (label)) : NULL;
}

/* Who the list says carries responsibility @id, and the words its tooltip
 * adds (the text of the carriers' label and its tooltip). */
static const char *
row_carriers (CtoWindow   *window,
              const char  *id,
              const char **tooltip)
{
  GtkWidget *row = find_widget (GTK_WIDGET (window->responsibility_list), is_row_of, id);
  GtkWidget *label;

  g_assert_nonnull (row);
  label = find_widget_by_name (row, "carriers");
  g_assert_nonnull (label);
  if (tooltip != NULL)
    *tooltip = cto_tooltip_get_text (label);
  return gtk_label_get_text (GTK_LABEL (label));
}

static gboolean
is_shown_check (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_IMAGE (widget) && gtk_widget_get_opacity (widget) > 0 &&
         g_strcmp0 (gtk_image_get_icon_name (GTK_IMAGE (widget)), "object-select-symbolic") == 0;
}

static guint
count_shown_checks (GtkWidget *widget)
{
  guint n = is_shown_check (widget, NULL) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_shown_checks (child);
  return n;
}

/* The day the As of control's list marks as chosen, its popup opened. */
static const char *
checked_day (CtoWindow *window)
{
  GtkWidget *popover = find_widget (GTK_WIDGET (window->as_of_dropdown), is_of_type,
                                    GSIZE_TO_POINTER (GTK_TYPE_POPOVER));
  GtkWidget *check;
  const char *day;

  g_assert_nonnull (popover);
  gtk_popover_popup (GTK_POPOVER (popover));
  spin_for (0.2);
  check = find_widget (popover, is_shown_check, NULL);
  g_assert_nonnull (check);
  g_assert_cmpuint (count_shown_checks (popover), ==, 1);
  day = gtk_label_get_text (GTK_LABEL (gtk_widget_get_prev_sibling (check)));
  gtk_popover_popdown (GTK_POPOVER (popover));
  spin ();
  return day;
}

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

static void
click (GtkWidget  *root,
       const char *label)
{
  GtkWidget *button = find_widget (root, is_button_labelled, label);

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  spin ();
}

static gboolean
is_row_titled (GtkWidget     *widget,
               gconstpointer  title)
{
  return ADW_IS_PREFERENCES_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static gboolean
has_tooltip (GtkWidget     *widget,
             gconstpointer  tooltip)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (cto_tooltip_get_text (widget), tooltip) == 0;
}

static gboolean
is_error_label (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "error");
}

/* The tiles and cards follow the day chosen; people not there are shown so,
 * in words; edits change the whole plan and the view follows them. */
static void
test_as_of (void)
{
  g_autoptr(CtoPlan) plan = data_plan_new ("time-plan.json");
  CtoWindow *window = window_new_with (plan);
  GDate start = parse_day ("2027-12-01");
  GListModel *choices = gtk_drop_down_get_model (window->as_of_dropdown);

  /* The choices: the whole plan, today, the coming quarters' first days. */
  g_assert_cmpuint (g_list_model_get_n_items (choices), ==, 9);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (choices), 0), ==, "Whole Plan");
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (choices), 1), ==, "Today, 14 February 2027");
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (choices), 2), ==, "As of 1 April 2027");

  /* The whole plan: everyone counts, whatever their dates. */
  g_assert_cmpstr (tile_status (window, CTO_FUNCTION_CONSUMER_LIAISON), ==, "Covered");
  g_assert_cmpstr (tile_status (window, CTO_FUNCTION_INFRASTRUCTURE), ==, "Covered");
  g_assert_null (card_absence (window, "bo"));
  g_assert_null (card_absence (window, "eve"));
  /* Cards say when people start and leave (the Leaves day: the first day
   * gone), dim, above the name; those without dates say nothing. */
  g_assert_cmpstr (card_dates (window, "bo"), ==, "Leaves 1 July 2027");
  g_assert_cmpstr (card_dates (window, "eve"), ==, "Starts 1 May 2029");
  g_assert_cmpstr (card_dates (window, "dana"), ==, "Starts 1 June 2026 · Leaves 20 November 2027");
  g_assert_null (card_dates (window, "ana"));
  g_assert_cmpstr (chip_share (window, "ana", "security"), ==, "2 of 6 h · 33% share");
  g_assert_cmpstr (chip_accountable (window, "ana", "security"), ==, "Accountable: Bo Lin");

  /* As of 1 July 2027: Bo has left, and nobody does the cloud. */
  _cto_window_set_as_of_position (window, AS_OF_2027_07_01);
  spin ();
  g_assert_cmpstr (tile_status (window, CTO_FUNCTION_INFRASTRUCTURE), ==, "1 of 2 assigned");
  g_assert_cmpstr (tile_status (window, CTO_FUNCTION_CONSUMER_LIAISON), ==, "Covered");
  /* Bo's card says he has left, and no longer his dates; the count, how
   * many of the plan's people are there that day. */
  g_assert_null (card_dates (window, "bo"));
  g_assert_cmpstr (gtk_label_get_label (window->people_count_label), ==, "3 of 5 people there");
  /* His chips are what he carries in the whole plan, not that day: his card
   * says so above them. Those of someone there that day are the day's. */
  g_assert_true (card_says_whole_plan (window, "bo"));
  g_assert_false (card_says_whole_plan (window, "ana"));
  _cto_window_set_as_of_position (window, 0);
  spin ();
  g_assert_cmpstr (gtk_label_get_label (window->people_count_label), ==, "5 people");
  g_assert_false (card_says_whole_plan (window, "bo"));
  _cto_window_set_as_of_position (window, AS_OF_2027_07_01);
  spin ();
  g_assert_cmpstr (card_dates (window, "dana"), ==, "Starts 1 June 2026 · Leaves 20 November 2027");
  g_assert_cmpstr (card_absence (window, "bo"), ==, "Left 1 July 2027");
  g_assert_cmpstr (card_absence (window, "eve"), ==, "Starts 1 May 2029");
  g_assert_null (card_absence (window, "hire-1"));
  g_assert_null (card_absence (window, "ana"));

  /* The org chart dims Bo's box too, saying when he left, and shows Ana's
   * functions of that day. */
  {
    GtkWidget *bo = cto_org_chart_view_get_node (window->org_chart, cto_plan_find_person (window->plan, "bo"));
    GtkWidget *dana = cto_org_chart_view_get_node (window->org_chart, cto_plan_find_person (window->plan, "dana"));

    g_assert_nonnull (bo);
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (find_widget_by_name (bo, "functions"))), ==,
                     "Left 1 July 2027");
    g_assert_cmpfloat (gtk_widget_get_opacity (bo), <, 1.0);
    g_assert_cmpfloat (gtk_widget_get_opacity (dana), ==, 1.0);

    /* And says which day it shows, on its own page only. */
    g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window->org_chart_as_of)));
    _cto_window_choose_org_chart (window);
    spin ();
    g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (window->org_chart_as_of)));
    g_assert_cmpstr (gtk_label_get_label (window->org_chart_as_of), ==, "As of 1 July 2027");
    _cto_window_set_as_of_position (window, AS_OF_2027_07_01 + 1);
    spin ();
    g_assert_cmpstr (gtk_label_get_label (window->org_chart_as_of), ==, "As of 1 October 2027");
    _cto_window_set_as_of_position (window, 0);
    spin ();
    g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window->org_chart_as_of)));
    _cto_window_set_as_of_position (window, AS_OF_2027_07_01);
    spin ();
    g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (window->org_chart_as_of)));
    adw_view_stack_set_visible_child_name (window->view_stack, "board");
    spin ();
    g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window->org_chart_as_of)));
  }

  /* The list of days marks the one chosen. */
  g_assert_cmpstr (checked_day (window), ==, "As of 1 July 2027");

  /* The list says who carries each then, and who does in the whole plan. */
  {
    const char *tooltip = NULL;

    g_assert_cmpstr (row_carriers (window, "cloud", &tooltip), ==, "Unassigned");
    g_assert_cmpstr (tooltip, ==, "Nobody on the day shown; in the whole plan: Bo Lin");
    g_assert_cmpstr (row_carriers (window, "security", &tooltip), ==, "Ana Pérez");
    g_assert_cmpstr (tooltip, ==,
                     "Ana Pérez on the day shown; in the whole plan: Bo Lin (accountable), Ana Pérez");
    g_assert_cmpstr (row_carriers (window, "tools", &tooltip), ==, "Ana Pérez");
    g_assert_cmpstr (tooltip, ==, "Ana Pérez");
  }

  /* Ana's chip of Security: hers alone then, all six hours. */
  g_assert_cmpstr (chip_share (window, "ana", "security"), ==, "6 h · alone");
  g_assert_null (chip_accountable (window, "ana", "security"));
  /* Its popover edits her share of the whole plan, two of six hours, and
   * says so. */
  {
    GtkWidget *chip = chip_of (window, "ana", "security");
    GtkWidget *button = find_widget (chip, is_of_type, GSIZE_TO_POINTER (GTK_TYPE_MENU_BUTTON));
    GtkWidget *popover;

    gtk_menu_button_popup (GTK_MENU_BUTTON (button));
    spin ();
    popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
    g_assert_nonnull (find_widget (popover, is_label_containing, "Their part in the whole plan"));
    g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (find_widget_by_name (popover, "share-hours"))),
                       ==, 2);
    gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
    spin ();
  }

  /* Her chips are in the order of the hours they show. With Security at
   * 30 h, a third of it hers in the whole plan (10 h, after Strategy's
   * 12), it is all hers on the day shown, so it comes first. */
  g_assert_cmpstr (first_chip (window, "ana"), ==, "strategy");
  cto_plan_set_responsibility_effort (window->plan, cto_plan_find_responsibility (window->plan, "security"), 30);
  spin ();
  g_assert_cmpstr (chip_share (window, "ana", "security"), ==, "30 h · alone");
  g_assert_cmpstr (first_chip (window, "ana"), ==, "security");
  cto_history_undo (history_of (window));
  spin ();
  g_assert_cmpstr (first_chip (window, "ana"), ==, "strategy");

  /* The suggestions are for that day's plan: who could take the cloud then. */
  {
    g_autoptr(CtoSuggestions) expected =
      cto_suggestions_new (cto_analysis_get_plan (window->as_of_analysis));
    g_autoptr(CtoSuggestions) whole = cto_suggestions_new (plan);

    spin_for (0.3);
    g_assert_cmpuint (cto_suggestions_get_n_items (expected), !=,
                      cto_suggestions_get_n_items (whole));
    g_assert_cmpuint (_cto_window_get_n_suggestions (window), ==,
                      cto_suggestions_get_n_items (expected));
    g_assert_cmpuint (cto_responsibility_get_n_assignees (cto_plan_find_responsibility (window->plan, "cloud")),
                      ==, 1);
  }

  /* As of 2028: Dana is gone too, and the website is nobody's. */
  _cto_window_set_as_of_position (window, AS_OF_2028_01_01);
  spin ();
  g_assert_cmpstr (tile_status (window, CTO_FUNCTION_CONSUMER_LIAISON), ==, "1 of 2 assigned");
  g_assert_cmpstr (card_absence (window, "dana"), ==, "Left 20 November 2027");

  /* An edit changes the whole plan, and the view follows it. */
  g_assert_true (cto_plan_set_person_dates (window->plan, cto_plan_find_person (window->plan, "eve"),
                                            &start, NULL, NULL));
  spin ();
  g_assert_null (card_absence (window, "eve"));
  g_assert_true (cto_history_get_can_undo (history_of (window)));
  g_assert_nonnull (cto_person_get_start (cto_plan_find_person (window->plan, "eve")));
  /* The website, nobody's since Dana left, given to Eve: the list says so
   * for the day shown, and the whole plan has both. */
  g_assert_cmpstr (row_carriers (window, "website", NULL), ==, "Unassigned");
  /* Given to Bo, gone then: the list shows no change for the day, and a
   * toast says where it went. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.assign", "(ss)", "website", "bo");
  spin ();
  g_assert_cmpstr (row_carriers (window, "website", NULL), ==, "Unassigned");
  g_assert_nonnull (find_widget (GTK_WIDGET (window), is_label_containing,
                                 "Bo Lin is not there on the day shown: they carry it in the whole plan"));
  cto_history_undo (history_of (window));
  spin ();
  gtk_widget_activate_action (GTK_WIDGET (window), "win.assign", "(ss)", "website", "eve");
  spin ();
  {
    const char *tooltip = NULL;

    g_assert_cmpstr (row_carriers (window, "website", &tooltip), ==, "Eve Ito");
    g_assert_cmpstr (tooltip, ==, "Eve Ito on the day shown; in the whole plan: Dana Wu, Eve Ito");
  }
  cto_history_undo (history_of (window));
  spin ();
  g_assert_cmpstr (row_carriers (window, "website", NULL), ==, "Unassigned");
  cto_history_undo (history_of (window));
  spin ();
  g_assert_cmpstr (card_absence (window, "eve"), ==, "Starts 1 May 2029");

  /* The whole plan again. */
  _cto_window_set_as_of_position (window, 0);
  spin ();
  g_assert_null (window->as_of_analysis);
  g_assert_cmpstr (tile_status (window, CTO_FUNCTION_CONSUMER_LIAISON), ==, "Covered");
  g_assert_null (card_absence (window, "dana"));
  {
    GtkWidget *bo = cto_org_chart_view_get_node (window->org_chart, cto_plan_find_person (window->plan, "bo"));

    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (find_widget_by_name (bo, "functions"))), ==,
                     "Infrastructure");
    g_assert_cmpfloat (gtk_widget_get_opacity (bo), ==, 1.0);
  }
  g_assert_cmpstr (row_carriers (window, "cloud", NULL), ==, "Bo Lin");
  g_assert_cmpstr (chip_share (window, "ana", "security"), ==, "2 of 6 h · 33% share");
  g_assert_cmpstr (row_carriers (window, "website", NULL), ==, "Dana Wu");

  window_free (window);
}

/* Compare With Saved: offered only over unsaved changes; shows what
 * changed and each function before → after. */
/* Someone not there on the day shown, deleted and brought back by Undo:
 * their card comes back as it was, saying they have left, with their
 * chips the whole plan's. The card is bound again before the figures are
 * worked out anew, and once crashed there. */
static void
test_as_of_undo_delete (void)
{
  g_autoptr(CtoPlan) plan = data_plan_new ("time-plan.json");
  CtoWindow *window = window_new_with (plan);
  CtoHistory *history = cto_plan_get_history (window->plan);

  _cto_window_set_as_of_position (window, AS_OF_2027_07_01);
  spin ();
  g_assert_cmpstr (card_absence (window, "bo"), ==, "Left 1 July 2027");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-person", "s", "bo"));
  spin ();
  g_assert_null (cto_plan_find_person (window->plan, "bo"));
  g_assert_cmpstr (gtk_label_get_label (window->people_count_label), ==, "3 of 4 people there");

  cto_history_undo (history);
  spin ();
  g_assert_cmpstr (card_absence (window, "bo"), ==, "Left 1 July 2027");
  g_assert_true (card_says_whole_plan (window, "bo"));
  g_assert_cmpstr (gtk_label_get_label (window->people_count_label), ==, "3 of 5 people there");

  window_free (window);
}

static void
test_compare_saved (void)
{
  g_autoptr(CtoPlan) plan = data_plan_new ("time-plan.json");
  CtoWindow *window = window_new_with (plan);
  g_autofree char *path = g_build_filename (display_test_dir (), "saved.ctoplan.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  CtoPerson *bo;
  GtkWidget *dialog;
  GtkWidget *row;
  CtoPlanDiff *diff;

  g_assert_true (save_to_and_wait (window, file));
  /* Nothing unsaved: nothing to compare with the saved file. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.compare-saved", NULL);
  spin ();
  g_assert_null (window->compare_dialog);

  /* Bo stays and takes fewer hours. */
  bo = cto_plan_find_person (window->plan, "bo");
  g_assert_true (cto_plan_set_person_dates (window->plan, bo, NULL, NULL, NULL));
  cto_plan_set_person_capacity (window->plan, bo, 12);
  spin ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.compare-saved", NULL));
  spin ();
  dialog = window->compare_dialog;
  g_assert_nonnull (dialog);
  diff = cto_compare_dialog_get_diff (CTO_COMPARE_DIALOG (dialog));
  g_assert_cmpuint (cto_plan_diff_get_changed_people (diff)->len, ==, 1);
  g_assert_cmpuint (cto_plan_diff_get_added_people (diff)->len, ==, 0);

  row = find_widget (dialog, is_row_titled, "Bo Lin");
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Capacity: 32 h → 12 h"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Leaves: 1 July 2027 → no date"));

  /* Bo is overloaded now, 14 h on 12, all of it infrastructure: in words. */
  row = find_widget (dialog, is_row_titled, "Infrastructure");
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                            "Covered, bus factor 2, gap 0 h → Covered, bus factor 2, gap 2 h, overloaded"));
  row = find_widget (dialog, is_row_titled, "Planning");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Unchanged: Covered"));

  gtk_window_destroy (GTK_WINDOW (dialog));
  spin ();
  g_assert_null (window->compare_dialog);

  /* The export dialog says since when: the file compared with is the one
   * open, so its name would say nothing. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL);
  spin ();
  g_assert_nonnull (window->export_dialog);
  g_assert_nonnull (find_widget (window->export_dialog, is_label_containing,
                                 "include what changed since the plan as saved when it was compared."));
  g_assert_null (find_widget (window->export_dialog, is_label_containing, "saved.ctoplan.json"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (window->export_dialog), "cancel");
  spin ();

  window_free (window);
  g_unlink (path);
}

/* Compare With… a chosen file: what was added and removed; a file that is
 * not a plan says why and changes nothing. */
static void
test_compare_file (void)
{
  g_autoptr(CtoPlan) plan = data_plan_new ("diff-new.json");
  CtoWindow *window = window_new_with (plan);
  g_autofree char *old_path = g_test_build_filename (G_TEST_DIST, "data", "diff-old.json", NULL);
  g_autofree char *bad_path = g_test_build_filename (G_TEST_DIST, "data", "invalid-cycle.json", NULL);
  g_autoptr(GFile) old_file = g_file_new_for_path (old_path);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad_path);
  g_autofree char *csv_path = g_test_build_filename (G_TEST_DIST, "data", "csv", "acme-robotics.csv", NULL);
  g_autoptr(GFile) csv_file = g_file_new_for_path (csv_path);
  GtkWidget *dialog;
  GtkWidget *row;

  _cto_window_compare_with (window, bad_file);
  spin ();
  g_assert_null (window->compare_dialog);
  g_assert_nonnull (window->error_dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window->error_dialog)), ==,
                   "Could Not Compare With “invalid-cycle.json”");
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (window->error_dialog)),
                                   "invalid-cycle.json: "));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (window->error_dialog), "close");
  spin ();
  g_assert_null (window->error_dialog);

  /* A spreadsheet is named as one, with the way to make a plan of it, and
   * no place in it named ("file:"). */
  _cto_window_compare_with (window, csv_file);
  spin ();
  g_assert_null (window->compare_dialog);
  g_assert_nonnull (window->error_dialog);
  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (window->error_dialog)), ==,
                   "acme-robotics.csv: It is a spreadsheet, not a plan file. Import Spreadsheet… "
                   "in the main menu makes a plan of it.");

  _cto_window_compare_with (window, old_file);
  spin ();
  dialog = window->compare_dialog;
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Changes Since diff-old.json");

  row = find_widget (dialog, is_row_titled, "Dana Wu");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Removed");
  row = find_widget (dialog, is_row_titled, "Data lead");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Added");
  row = find_widget (dialog, is_row_titled, "Cloud");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                            "Carried by: Bo Lin → Eve Ito"));
  row = find_widget (dialog, is_row_titled, "Thinker");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Covered, bus factor 2, gap 0 h → Covered, bus factor 1, gap 0 h"));

  window_free (window);
  spin ();
  g_assert_null (find_toplevel (CTO_TYPE_COMPARE_DIALOG));
}

/* Compare With… names managers as each plan does, the old one though gone
 * from the plan shown, and gives days in words. */
static void
test_compare_people_in_words (void)
{
  g_autoptr(CtoPlan) plan = data_plan_new ("diff-managers-new.json");
  CtoWindow *window = window_new_with (plan);
  g_autofree char *old_path = g_test_build_filename (G_TEST_DIST, "data", "diff-managers-old.json", NULL);
  g_autoptr(GFile) old_file = g_file_new_for_path (old_path);
  GtkWidget *dialog;
  GtkWidget *row;

  _cto_window_compare_with (window, old_file);
  spin ();
  dialog = window->compare_dialog;
  g_assert_nonnull (dialog);

  row = find_widget (dialog, is_row_titled, "Sam Lee");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "Changed\n"
                   "Reports to: Ravi Menon → Mia Okafor\n"
                   "Starts: 15 March 2026 → 1 April 2026\n"
                   "Leaves: no date → 3 January 2027");
  row = find_widget (dialog, is_row_titled, "Kim Park");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "Changed\nReports to: Support lead → no one");
  row = find_widget (dialog, is_row_titled, "Lou Chen");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "Changed\nReports to: no one → Eve Ito");

  window_free (window);
  spin ();
}

/* After Compare With…, presenting (F5) and exporting include the page of
 * what changed since that plan, and the comparison says so; opening
 * another plan ends it. */
static void
test_compare_presents (void)
{
  g_autoptr(CtoPlan) plan = data_plan_new ("diff-new.json");
  g_autoptr(CtoPlan) other = data_plan_new ("time-plan.json");
  CtoWindow *window = window_new_with (plan);
  g_autofree char *old_path = g_test_build_filename (G_TEST_DIST, "data", "diff-old.json", NULL);
  g_autoptr(GFile) old_file = g_file_new_for_path (old_path);
  g_autofree char *out_path = display_test_path ("since.md");
  g_autoptr(GFile) out = g_file_new_for_path (out_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *markdown = NULL;
  g_autofree char *text = NULL;
  CtoBoardPages *pages;
  guint n_pages;

  g_assert_null (_cto_window_get_baseline (window));
  _cto_window_compare_with (window, old_file);
  spin ();
  g_assert_nonnull (window->compare_dialog);
  g_assert_nonnull (find_widget (window->compare_dialog, is_label_containing,
                                 "include a “Since the last plan” page"));
  g_assert_nonnull (_cto_window_get_baseline (window));

  /* F5 */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL));
  spin ();
  g_assert_nonnull (window->presentation);
  pages = cto_presentation_window_get_pages (window->presentation);
  g_assert_true (cto_board_pages_get_baseline (pages) == _cto_window_get_baseline (window));
  g_assert_cmpint (cto_board_pages_get_page_kind (pages, CTO_BOARD_PAGE_WIDTH, CTO_BOARD_PAGE_HEIGHT, 1),
                   ==, CTO_BOARD_PAGE_SINCE);
  text = cto_board_pages_get_page_text (pages, CTO_BOARD_PAGE_WIDTH, CTO_BOARD_PAGE_HEIGHT, 1);
  g_assert_nonnull (strstr (text, "Since the last plan"));
  g_assert_nonnull (strstr (text, "Dana Wu"));
  n_pages = cto_presentation_window_get_n_pages (window->presentation);

  /* Export */
  g_assert_true (_cto_window_export_to (window, CTO_EXPORT_MARKDOWN, out, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (out_path, &markdown, NULL, NULL));
  g_assert_nonnull (strstr (markdown, "\n## Since the last plan\n"));
  g_unlink (out_path);

  /* The export dialog says since which plan: the file's, not a title,
   * which the plan open may share. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL);
  spin ();
  g_assert_nonnull (window->export_dialog);
  g_assert_nonnull (find_widget (window->export_dialog, is_label_containing,
                                 "include what changed since the plan in “diff-old.json”."));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (window->export_dialog), "cancel");
  spin ();

  /* Another plan: no baseline, no page of it. */
  _cto_window_set_plan (window, other, NULL);
  spin ();
  g_assert_null (_cto_window_get_baseline (window));
  pages = cto_presentation_window_get_pages (window->presentation);
  g_assert_null (cto_board_pages_get_baseline (pages));
  for (guint i = 0; i < cto_presentation_window_get_n_pages (window->presentation); i++)
    g_assert_cmpint (cto_board_pages_get_page_kind (pages, CTO_BOARD_PAGE_WIDTH, CTO_BOARD_PAGE_HEIGHT, i),
                     !=, CTO_BOARD_PAGE_SINCE);
  g_assert_cmpuint (n_pages, >, 0);

  window_free (window);
  spin ();
}

/* Compare With Saved under As of a day: the dialog lists the whole plan's
 * changes and says that the pages compare both plans as of the day shown;
 * the "Since the last plan" page, presented and exported, has only the
 * change made, not everyone gone that day as removed. */
static void
test_compare_as_of (void)
{
  g_autoptr(CtoPlan) plan = data_plan_new ("time-plan.json");
  CtoWindow *window = window_new_with (plan);
  g_autofree char *path = g_build_filename (display_test_dir (), "saved-as-of.ctoplan.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *out_path = display_test_path ("since-as-of.md");
  g_autoptr(GFile) out = g_file_new_for_path (out_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *markdown = NULL;
  g_autofree char *text = NULL;
  CtoResponsibility *security;
  CtoBoardPages *pages;
  const char *since;
  g_autofree char *since_page = NULL;

  g_assert_true (save_to_and_wait (window, file));
  security = cto_plan_find_responsibility (window->plan, "security");
  cto_plan_set_responsibility_effort (window->plan, security, 8);
  _cto_window_set_as_of_position (window, AS_OF_2027_07_01);
  spin ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.compare-saved", NULL));
  spin ();
  g_assert_nonnull (window->compare_dialog);
  g_assert_nonnull (find_widget (window->compare_dialog, is_label_containing,
                                 "compares both plans as of the day shown, now 1 July 2027"));
  g_assert_cmpuint (cto_plan_diff_get_changed_responsibilities (
                      cto_compare_dialog_get_diff (CTO_COMPARE_DIALOG (window->compare_dialog)))->len, ==, 1);
  gtk_window_destroy (GTK_WINDOW (window->compare_dialog));
  spin ();

  /* F5: the day's pages, since the saved plan as of the same day. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL));
  spin ();
  pages = cto_presentation_window_get_pages (window->presentation);
  g_assert_cmpint (cto_board_pages_get_page_kind (pages, CTO_BOARD_PAGE_WIDTH, CTO_BOARD_PAGE_HEIGHT, 1),
                   ==, CTO_BOARD_PAGE_SINCE);
  text = cto_board_pages_get_page_text (pages, CTO_BOARD_PAGE_WIDTH, CTO_BOARD_PAGE_HEIGHT, 1);
  g_assert_nonnull (strstr (text, "Security"));
  g_assert_null (strstr (text, "Bo Lin"));
  g_assert_null (strstr (text, "Cloud"));

  /* Export: the same page. */
  g_assert_true (_cto_window_export_to (window, CTO_EXPORT_MARKDOWN, out, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (out_path, &markdown, NULL, NULL));
  since = strstr (markdown, "\n## Since the last plan\n");
  g_assert_nonnull (since);
  /* The page alone, up to the next. */
  since_page = g_strndup (since, strstr (since + 1, "\n## ") - since);
  g_assert_nonnull (strstr (since_page, "Security"));
  g_assert_null (strstr (since_page, "Bo Lin"));
  g_unlink (out_path);

  window_free (window);
  g_unlink (path);
}

/* As of a day, the board pages presented and exported are the day's, as
 * the window shows it, and the export dialog says so; back to the whole
 * plan, they are the whole plan's again. */
static void
test_as_of_exports (void)
{
  g_autoptr(CtoPlan) plan = data_plan_new ("time-plan.json");
  CtoWindow *window = window_new_with (plan);
  g_autofree char *out_path = display_test_path ("as-of.md");
  g_autoptr(GFile) out = g_file_new_for_path (out_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *markdown = NULL;
  g_autofree char *title = NULL;
  CtoBoardPages *pages;

  _cto_window_set_as_of_position (window, AS_OF_2027_07_01);
  spin ();

  /* Exported: the plan on that day, Bo gone, saying so on top. */
  g_assert_true (_cto_window_export_to (window, CTO_EXPORT_MARKDOWN, out, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (out_path, &markdown, NULL, NULL));
  g_assert_nonnull (strstr (markdown, "As of 1 July 2027 · 3 people"));
  /* Bo only in the hiring plan, over the whole plan's quarters. */
  g_assert_nonnull (strstr (markdown, "\n## Hiring plan\n"));
  g_assert_true (strstr (markdown, "Bo Lin") > strstr (markdown, "\n## Hiring plan\n"));
  g_unlink (out_path);

  /* The plan file keeps everyone: a copy of the plan loses nothing. */
  g_clear_object (&out);
  g_free (out_path);
  out_path = display_test_path ("as-of.ctoplan.json");
  out = g_file_new_for_path (out_path);
  g_assert_true (_cto_window_export_to (window, CTO_EXPORT_JSON, out, &error));
  g_assert_no_error (error);
  {
    g_autoptr(CtoPlan) copy = cto_plan_io_load_file (out, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (cto_plan_get_people (copy)), ==, 5);
    g_assert_nonnull (cto_plan_find_person (copy, "bo"));
  }
  g_unlink (out_path);

  /* The export dialog says which day. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL);
  spin ();
  g_assert_nonnull (window->export_dialog);
  g_assert_nonnull (find_widget (window->export_dialog, is_label_containing,
                                 "show the plan as of 1 July 2027"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (window->export_dialog), "cancel");
  spin ();

  /* Presented: the day's pages, following the plan's edits. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL));
  spin ();
  pages = cto_presentation_window_get_pages (window->presentation);
  g_assert_true (cto_board_pages_get_analysis (pages) == window->as_of_analysis);
  title = cto_board_pages_get_page_text (pages, CTO_BOARD_PAGE_WIDTH, CTO_BOARD_PAGE_HEIGHT, 0);
  g_assert_nonnull (strstr (title, "As of 1 July 2027"));
  cto_plan_set_title (window->plan, "Changed");
  spin ();
  pages = cto_presentation_window_get_pages (window->presentation);
  g_assert_true (cto_board_pages_get_analysis (pages) == window->as_of_analysis);
  g_assert_cmpstr (cto_plan_get_title (cto_analysis_get_plan (cto_board_pages_get_analysis (pages))), ==,
                   "Changed");

  /* The whole plan again. */
  _cto_window_set_as_of_position (window, 0);
  spin ();
  pages = cto_presentation_window_get_pages (window->presentation);
  g_assert_true (cto_board_pages_get_analysis (pages) == window->analysis);

  window_free (window);
  spin ();
}

/* Another plan opened in the window starts whole: the day chosen for the
 * plan before is not carried over to its cards, its tiles or its pages.
 * The same file read again (as after another program changed it) keeps
 * the day. */
static void
test_as_of_other_plan (void)
{
  g_autoptr(CtoPlan) plan = data_plan_new ("time-plan.json");
  g_autofree char *first_path = g_test_build_filename (G_TEST_DIST, "data", "time-plan.json", NULL);
  g_autofree char *other_path = g_test_build_filename (G_TEST_DIST, "data", "diff-old.json", NULL);
  g_autoptr(GFile) first = g_file_new_for_path (first_path);
  g_autoptr(GFile) other = g_file_new_for_path (other_path);
  CtoWindow *window = window_new_with (plan);

  _cto_window_set_as_of_position (window, AS_OF_2027_07_01);
  spin ();
  g_assert_nonnull (window->as_of_analysis);
  g_assert_cmpstr (gtk_label_get_label (window->people_count_label), ==, "3 of 5 people there");

  /* The same file read again keeps the day. */
  open_and_wait (window, other);
  _cto_window_set_as_of_position (window, AS_OF_2027_07_01);
  spin ();
  open_and_wait (window, other);
  g_assert_cmpuint (gtk_drop_down_get_selected (window->as_of_dropdown), ==, AS_OF_2027_07_01);
  g_assert_nonnull (window->as_of_analysis);

  /* Another does not. */
  open_and_wait (window, first);
  g_assert_true (g_file_equal (cto_window_get_file (window), first));
  g_assert_cmpuint (gtk_drop_down_get_selected (window->as_of_dropdown), ==, 0);
  g_assert_null (window->as_of_analysis);
  g_assert_null (_cto_window_get_as_of_day (window));
  g_assert_true (_cto_window_get_day_analysis (window) == window->analysis);
  g_assert_false (g_str_has_suffix (gtk_label_get_label (window->people_count_label), "there"));

  window_free (window);
}

/* Dates picked in the dialog are one undoable step; an end before the start
 * is said in the dialog and saves nothing; "no date" clears one. */
static void
test_person_dialog_dates (void)
{
  g_autoptr(CtoPlan) plan = data_plan_new ("time-plan.json");
  CtoWindow *window = window_new_with (plan);
  CtoPerson *ana = cto_plan_find_person (window->plan, "ana");
  GtkWidget *dialog;
  GtkWidget *start_row;
  GtkWidget *end_row;
  GtkWidget *error_label;
  GtkWidget *clear_button;
  g_autoptr(GDateTime) pick = g_date_time_new_local (2027, 3, 1, 12, 0, 0);
  GDate early = parse_day ("2026-01-01");
  GDate picked;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-person", "s", "ana");
  dialog = find_toplevel (CTO_TYPE_PERSON_DIALOG);
  g_assert_nonnull (dialog);
  start_row = find_widget (dialog, is_row_titled, "Starts");
  end_row = find_widget (dialog, is_row_titled, "Leaves");
  g_assert_true (CTO_IS_DATE_ROW (start_row) && CTO_IS_DATE_ROW (end_row));
  g_assert_false (cto_date_row_get_date (CTO_DATE_ROW (start_row), &picked));

  /* Picking a day in the calendar sets it. */
  gtk_calendar_select_day (GTK_CALENDAR (find_widget (start_row, is_of_type,
                                                      GSIZE_TO_POINTER (GTK_TYPE_CALENDAR))), pick);
  spin ();
  g_assert_true (cto_date_row_get_date (CTO_DATE_ROW (start_row), &picked));
  g_assert_cmpuint (g_date_get_month (&picked), ==, 3);

  /* A last day before the first is refused in the dialog. */
  cto_date_row_set_date (CTO_DATE_ROW (end_row), &early);
  click (dialog, "_Save");
  g_assert_true (find_toplevel (CTO_TYPE_PERSON_DIALOG) == dialog);
  error_label = find_widget (dialog, is_error_label, NULL);
  g_assert_nonnull (error_label);
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (error_label)), ==,
                   "The day someone leaves must come after the day they start.");
  g_assert_null (cto_person_get_start (ana));
  g_assert_false (cto_history_get_can_undo (history_of (window)));

  /* No date for the end: saved, one step. */
  clear_button = find_widget (end_row, has_tooltip, "No date for “Leaves”");
  g_assert_nonnull (clear_button);
  g_signal_emit_by_name (clear_button, "clicked");
  spin ();
  g_assert_false (cto_date_row_get_date (CTO_DATE_ROW (end_row), &picked));

  /* With no date, the calendar of Leaves opens on the day after the
   * start, the first it may be, which is taken with a button (a day
   * already selected cannot be clicked into choosing). */
  {
    GDate after_start;

    g_assert_true (cto_date_row_get_date (CTO_DATE_ROW (start_row), &after_start));
    g_date_add_days (&after_start, 1);
    click (end_row, "_Use This Day");
    g_assert_true (cto_date_row_get_date (CTO_DATE_ROW (end_row), &picked));
    g_assert_cmpint (g_date_compare (&picked, &after_start), ==, 0);
  }
  g_signal_emit_by_name (clear_button, "clicked");
  spin ();
  g_assert_false (cto_date_row_get_date (CTO_DATE_ROW (end_row), &picked));
  click (dialog, "_Save");
  g_assert_null (find_toplevel (CTO_TYPE_PERSON_DIALOG));
  g_assert_nonnull (cto_person_get_start (ana));
  g_assert_null (cto_person_get_end (ana));
  cto_history_undo (history_of (window));
  g_assert_null (cto_person_get_start (ana));

  window_free (window);
}

static gboolean
is_day_in_state (GtkWidget     *widget,
                 gconstpointer  state)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "day-number") &&
         (gtk_widget_get_state_flags (widget) & GPOINTER_TO_UINT (state)) != 0;
}

/* The day of the month the calendar shows selected, or with the keyboard on
 * it (its cell marked focused, which is what the outline shows); 0 when none. */
static int
calendar_day (GtkWidget     *calendar,
              GtkStateFlags  state)
{
  GtkWidget *label = find_widget (calendar, is_day_in_state, GUINT_TO_POINTER (state));

  return label != NULL ? atoi (gtk_label_get_text (GTK_LABEL (label))) : 0;
}

typedef struct
{
  GtkWidget *dialog;
  GtkWidget *row;
  GtkWidget *popover;
  GtkWidget *calendar;
} DatePicker;

static gboolean
is_visible (gpointer widget)
{
  return gtk_widget_get_visible (widget);
}

/* Opens the picker of @picker's row, as Enter on the row does (not the
 * dialog's Save): the keyboard is on the calendar, on the day selected. */
static void
open_picker (DatePicker *picker,
             int         day)
{
  /* The button pops the picker up a moment after, as a key press on it does. */
  press_shortcut (picker->row, "Return");
  spin_until (is_visible, picker->popover, 10);
  g_assert_true (find_toplevel (CTO_TYPE_PERSON_DIALOG) == picker->dialog);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (picker->dialog)) == picker->calendar);
  g_assert_cmpint (calendar_day (picker->calendar, GTK_STATE_FLAG_SELECTED), ==, day);
  g_assert_cmpint (calendar_day (picker->calendar, GTK_STATE_FLAG_FOCUSED), ==, day);
}

static void
assert_row_date (DatePicker *picker,
                 const char *expected)
{
  GDate date;
  GDate want = parse_day (expected);

  g_assert_true (cto_date_row_get_date (CTO_DATE_ROW (picker->row), &date));
  g_assert_cmpint (g_date_compare (&date, &want), ==, 0);
}

/* A date picked with the keyboard alone: the calendar opens with the
 * keyboard on the day shown selected, arrows move it, Enter or Space picks
 * the day and closes, Ctrl and an arrow go a month on and pick nothing,
 * Escape closes with nothing changed. */
static void
test_person_dialog_date_keys (void)
{
  g_autoptr(CtoPlan) plan = data_plan_new ("time-plan.json");
  CtoWindow *window = window_new_with (plan);
  GDate start = parse_day ("2027-03-17");
  DatePicker picker;
  GtkWidget *button;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-person", "s", "ana");
  picker.dialog = find_toplevel (CTO_TYPE_PERSON_DIALOG);
  g_assert_nonnull (picker.dialog);
  picker.row = find_widget (picker.dialog, is_row_titled, "Starts");
  g_assert_true (CTO_IS_DATE_ROW (picker.row));
  button = find_widget (picker.row, is_of_type, GSIZE_TO_POINTER (GTK_TYPE_MENU_BUTTON));
  picker.popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
  picker.calendar = find_widget (picker.popover, is_of_type, GSIZE_TO_POINTER (GTK_TYPE_CALENDAR));
  cto_date_row_set_date (CTO_DATE_ROW (picker.row), &start);

  /* Two days on, a week down, Enter. */
  open_picker (&picker, 17);
  g_assert_true (press_key (picker.calendar, GDK_KEY_Right, 0));
  g_assert_true (press_key (picker.calendar, GDK_KEY_Right, 0));
  g_assert_true (press_key (picker.calendar, GDK_KEY_Down, 0));
  g_assert_cmpint (calendar_day (picker.calendar, GTK_STATE_FLAG_FOCUSED), ==, 26);
  assert_row_date (&picker, "2027-03-17");
  g_assert_true (press_key (picker.calendar, GDK_KEY_Return, 0));
  g_assert_false (gtk_widget_get_visible (picker.popover));
  assert_row_date (&picker, "2027-03-26");

  /* A month on, then Escape: nothing changed; the picker opens on the
   * row's day again. */
  open_picker (&picker, 26);
  g_assert_true (press_key (picker.calendar, GDK_KEY_Right, GDK_CONTROL_MASK));
  g_assert_true (gtk_widget_get_visible (picker.popover));
  g_assert_cmpint (calendar_day (picker.calendar, GTK_STATE_FLAG_FOCUSED), ==, 26);
  g_assert_true (press_key (picker.calendar, GDK_KEY_Escape, 0));
  g_assert_false (gtk_widget_get_visible (picker.popover));
  assert_row_date (&picker, "2027-03-26");

  /* Space on the day already selected picks it too. */
  open_picker (&picker, 26);
  g_assert_true (press_key (picker.calendar, GDK_KEY_space, 0));
  g_assert_false (gtk_widget_get_visible (picker.popover));
  assert_row_date (&picker, "2027-03-26");

  /* From the 31st a month on is the 30th, which is not picked until Enter. */
  start = parse_day ("2027-03-31");
  cto_date_row_set_date (CTO_DATE_ROW (picker.row), &start);
  open_picker (&picker, 31);
  g_assert_true (press_key (picker.calendar, GDK_KEY_Right, GDK_CONTROL_MASK));
  g_assert_true (gtk_widget_get_visible (picker.popover));
  g_assert_cmpint (calendar_day (picker.calendar, GTK_STATE_FLAG_SELECTED), ==, 30);
  g_assert_cmpint (calendar_day (picker.calendar, GTK_STATE_FLAG_FOCUSED), ==, 30);
  assert_row_date (&picker, "2027-03-31");
  g_assert_true (press_key (picker.calendar, GDK_KEY_KP_Enter, 0));
  assert_row_date (&picker, "2027-04-30");

  /* With no date, the picker opens on today, which Enter takes. */
  cto_date_row_set_date (CTO_DATE_ROW (picker.row), NULL);
  open_picker (&picker, 14);
  g_assert_true (press_key (picker.calendar, GDK_KEY_Return, 0));
  assert_row_date (&picker, "2027-02-14");

  /* An empty Leaves opens on the day after the start, the first it may be. */
  start = parse_day ("2027-03-17");
  cto_date_row_set_date (CTO_DATE_ROW (picker.row), &start);
  g_signal_emit_by_name (picker.row, "changed");
  picker.row = find_widget (picker.dialog, is_row_titled, "Leaves");
  g_assert_true (CTO_IS_DATE_ROW (picker.row));
  button = find_widget (picker.row, is_of_type, GSIZE_TO_POINTER (GTK_TYPE_MENU_BUTTON));
  picker.popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
  picker.calendar = find_widget (picker.popover, is_of_type, GSIZE_TO_POINTER (GTK_TYPE_CALENDAR));
  open_picker (&picker, 18);
  g_assert_true (press_key (picker.calendar, GDK_KEY_Return, 0));
  assert_row_date (&picker, "2027-03-18");

  gtk_window_destroy (GTK_WINDOW (picker.dialog));
  window_free (window);
}

/* The load the card of the person of @person_id shows, among the people
 * the board shows (in the what-if mode, those of the plan without someone). */
static const char *
card_load (CtoWindow  *window,
           const char *person_id)
{
  GListModel *people = G_LIST_MODEL (window->people_selection);
  GtkWidget *card = NULL;
  GtkWidget *label;

  for (guint i = 0; i < g_list_model_get_n_items (people) && card == NULL; i++)
    {
      g_autoptr(CtoPerson) person = g_list_model_get_item (people, i);

      if (g_strcmp0 (cto_person_get_id (person), person_id) == 0)
        card = find_widget (GTK_WIDGET (window->people_grid), is_card_of, person);
    }
  g_assert_nonnull (card);
  cto_person_card_show_details (CTO_PERSON_CARD (card));
  label = find_widget_by_name (card, "load");
  g_assert_nonnull (label);
  return gtk_label_get_text (GTK_LABEL (label));
}

static gboolean
is_check_of (GtkWidget     *widget,
             gconstpointer  name)
{
  return GTK_IS_CHECK_BUTTON (widget) &&
         g_strcmp0 (gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)), name) == 0;
}

/* The free hours Assign To… shows for @name, and at which place. */
static const char *
picker_free (GtkWidget  *popover,
             const char *name,
             guint      *position)
{
  GtkWidget *check = find_widget (popover, is_check_of, name);
  GListModel *shown;

  g_assert_nonnull (check);
  shown = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (
    find_widget (popover, is_of_type, GSIZE_TO_POINTER (GTK_TYPE_LIST_VIEW)))));
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(CtoPerson) person = g_list_model_get_item (shown, i);

      if (g_strcmp0 (cto_person_get_name (person), name) == 0)
        *position = i;
    }
  return gtk_label_get_text (GTK_LABEL (gtk_widget_get_next_sibling (check)));
}

/* As of a day, Assign To… gives each person's free hours on that day and
 * ranks them by those, with those not there then last, saying so. */
static void
test_as_of_picker (void)
{
  g_autoptr(CtoPlan) plan = data_plan_new ("time-plan.json");
  CtoWindow *window = window_new_with (plan);
  GtkWidget *row;
  GtkWidget *button;
  GtkWidget *popover;
  guint ana = 0, bo = 0, eve = 0, dana = 0;

  _cto_window_set_as_of_position (window, AS_OF_2027_07_01);
  spin ();
  row = find_widget (GTK_WIDGET (window->responsibility_list), is_row_of, "cloud");
  g_assert_nonnull (row);
  button = find_widget (row, is_of_type, GSIZE_TO_POINTER (GTK_TYPE_MENU_BUTTON));
  g_assert_nonnull (button);
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  spin_for (0.2);
  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
  g_assert_nonnull (popover);

  /* Ana, alone on Security then: 10 + 6 + 12 of 36 h (12 h free in the
   * whole plan, with Bo). */
  g_assert_cmpstr (picker_free (popover, "Ana Pérez", &ana), ==, "8 h free");
  g_assert_cmpstr (picker_free (popover, "Bo Lin", &bo), ==, "not there then");
  g_assert_cmpstr (picker_free (popover, "Eve Ito", &eve), ==, "not there then");
  g_assert_cmpstr (picker_free (popover, "Dana Wu", &dana), ==, "24 h free");
  g_assert_cmpuint (bo, ==, 3);
  g_assert_cmpuint (eve, ==, 4);
  g_assert_cmpuint (ana, <, bo);
  g_assert_cmpuint (dana, <, bo);
  gtk_popover_popdown (GTK_POPOVER (popover));

  /* The whole plan again: the plan's own hours. */
  _cto_window_set_as_of_position (window, 0);
  spin ();
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  spin_for (0.2);
  g_assert_cmpstr (picker_free (popover, "Ana Pérez", &ana), ==, "12 h free");
  g_assert_cmpstr (picker_free (popover, "Bo Lin", &bo), !=, "not there then");
  gtk_popover_popdown (GTK_POPOVER (popover));

  window_free (window);
}

/* A suggestion made for the day shown, to give work unassigned then that
 * the whole plan has carried by someone gone that day: applied, its taker
 * joins them, carries it alone on the day, and the toast says so. */
static void
test_as_of_suggestion_applied (void)
{
  g_autoptr(CtoPlan) plan = data_plan_new ("time-plan.json");
  CtoWindow *window = window_new_with (plan);
  g_autoptr(CtoSuggestions) expected = NULL;
  CtoResponsibility *cloud = cto_plan_find_responsibility (window->plan, "cloud");
  gboolean applied = FALSE;

  /* As of 1 July 2027: Bo has left, and nobody does the cloud. */
  _cto_window_set_as_of_position (window, AS_OF_2027_07_01);
  spin ();
  expected = cto_suggestions_new (cto_analysis_get_plan (window->as_of_analysis));
  spin_for (0.3);
  g_assert_cmpuint (_cto_window_get_n_suggestions (window), ==, cto_suggestions_get_n_items (expected));

  for (guint i = 0; i < cto_suggestions_get_n_items (expected) && !applied; i++)
    {
      const CtoSuggestion *s = cto_suggestions_get_nth (expected, i);
      CtoPerson *taker;

      if (s->kind != CTO_SUGGESTION_ASSIGN || g_strcmp0 (s->responsibility, "cloud") != 0)
        continue;

      taker = cto_plan_find_person (window->plan, s->to);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.apply-suggestion", "u", i));
      spin ();
      g_assert_cmpuint (cto_responsibility_get_n_assignees (cloud), ==, 2);
      g_assert_nonnull (cto_responsibility_find_assignee (cloud, "bo", NULL));
      g_assert_nonnull (cto_responsibility_find_assignee (cloud, s->to, NULL));
      g_assert_cmpstr (row_carriers (window, "cloud", NULL), ==, cto_person_get_name (taker));
      g_assert_nonnull (find_widget (GTK_WIDGET (window), is_label_containing,
                                     "now shares “Cloud” in the whole plan"));

      /* Undone as one step. */
      cto_history_undo (history_of (window));
      spin ();
      g_assert_cmpuint (cto_responsibility_get_n_assignees (cloud), ==, 1);
      applied = TRUE;
    }
  g_assert_true (applied);

  window_free (window);
}

/* How many boxes the org chart has. */
static guint
chart_size (CtoWindow *window)
{
  return cto_org_layout_get_n_nodes (cto_org_chart_view_get_layout (window->org_chart));
}

static gboolean
is_menu_item_labelled (GtkWidget     *widget,
                       gconstpointer  text)
{
  g_autofree char *label = NULL;

  if (g_strcmp0 (G_OBJECT_TYPE_NAME (widget), "GtkModelButton") != 0)
    return FALSE;
  g_object_get (widget, "text", &label, NULL);
  return g_strcmp0 (label, text) == 0;
}

/* Whether the item What If They Leave? of @person_id's card menu can be
 * chosen, as it shows when the menu opens. */
static gboolean
card_what_if_sensitive (CtoWindow  *window,
                        const char *person_id)
{
  GtkWidget *button = widget_of_type (card_of (window, person_id), GTK_TYPE_MENU_BUTTON);
  GtkWidget *item;
  gboolean sensitive;

  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  spin ();
  item = find_widget (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button))),
                      is_menu_item_labelled, "What If They Leave?");
  g_assert_nonnull (item);
  sensitive = gtk_widget_is_sensitive (item);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
  spin ();

  return sensitive;
}

/* What if someone leaves, as of a day: they leave the plan of that day
 * (PLAN-FORMAT.md, section 6), not the whole plan; someone not there then
 * cannot leave it; and the window comes back to the day as it was. */
static void
test_what_if_as_of (void)
{
  g_autoptr(CtoPlan) plan = data_plan_new ("time-plan.json");
  CtoWindow *window = window_new_with (plan);

  /* As of 1 July 2027, Bo has left: there is no leaving to show, and his
   * card does not offer one. */
  g_assert_true (card_what_if_sensitive (window, "bo"));
  _cto_window_set_as_of_position (window, AS_OF_2027_07_01);
  spin ();
  g_assert_false (card_what_if_sensitive (window, "bo"));
  g_assert_true (card_what_if_sensitive (window, "dana"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.what-if", "s", "bo"));
  spin ();
  g_assert_null (_cto_window_get_what_if (window));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (window->view_stack)));
  /* The count says how many of the plan's five are there that day. */
  g_assert_cmpstr (gtk_label_get_label (window->people_count_label), ==, "3 of 5 people there");

  /* Dana leaving then: Ana, there alone on Security and Strategy, is over
   * (10 + 6 + 24 of 36 h; in the whole plan, with Bo, 36 of 36); the
   * cloud is nobody's, as on that day. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.what-if", "s", "dana"));
  spin ();
  g_assert_cmpstr (_cto_window_get_what_if (window), ==, "dana");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (window->people_selection)), ==, 2);
  g_assert_cmpstr (gtk_label_get_label (window->people_count_label), ==, "2 people");
  g_assert_cmpstr (tile_status (window, CTO_FUNCTION_INFRASTRUCTURE), ==, "1 of 2 assigned");
  g_assert_cmpstr (tile_status (window, CTO_FUNCTION_CONSUMER_LIAISON), ==, "1 of 2 assigned");
  g_assert_cmpstr (card_load (window, "ana"), ==, "40 of 36 h · 111%");
  /* The org chart too: the two there that day without Dana. */
  g_assert_cmpuint (chart_size (window), ==, 2);

  /* The bar says which day, and offers to make it Dana's last. */
  g_assert_nonnull (find_widget (GTK_WIDGET (window), is_label_containing,
                                 "What if Dana Wu leaves on 1 July 2027?"));
  /* In the words of the person dialog: the Leaves day is the first day gone. */
  g_assert_nonnull (find_widget (GTK_WIDGET (window), is_label_containing,
                                 "Leave Then makes 1 July 2027 their Leaves day, the first day they are gone."));

  /* Back to the day: all five cards, the day's figures. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.what-if-close", NULL);
  spin ();
  g_assert_null (_cto_window_get_what_if (window));
  g_assert_cmpstr (gtk_label_get_label (window->people_count_label), ==, "3 of 5 people there");
  g_assert_cmpstr (tile_status (window, CTO_FUNCTION_CONSUMER_LIAISON), ==, "Covered");
  g_assert_cmpstr (card_load (window, "ana"), ==, "28 of 36 h · 78%");
  g_assert_cmpstr (card_absence (window, "bo"), ==, "Left 1 July 2027");
  /* The whole plan's chart again, who is there marked by the day. */
  g_assert_cmpuint (chart_size (window), ==, 5);
  g_assert_true (cto_org_chart_view_get_analysis (window->org_chart) == window->analysis);

  /* Another day chosen in the mode: the person leaves that day's plan, and
   * one not there then ends the mode. */
  _cto_window_set_as_of_position (window, 0);
  spin ();
  gtk_widget_activate_action (GTK_WIDGET (window), "win.what-if", "s", "dana");
  spin ();
  g_assert_cmpstr (tile_status (window, CTO_FUNCTION_INFRASTRUCTURE), ==, "Covered");
  g_assert_cmpstr (card_load (window, "ana"), ==, "36 of 36 h · 100%");
  _cto_window_set_as_of_position (window, AS_OF_2027_07_01);
  spin ();
  g_assert_cmpstr (_cto_window_get_what_if (window), ==, "dana");
  g_assert_cmpstr (tile_status (window, CTO_FUNCTION_INFRASTRUCTURE), ==, "1 of 2 assigned");
  g_assert_cmpstr (card_load (window, "ana"), ==, "40 of 36 h · 111%");
  g_assert_cmpstr (gtk_label_get_label (window->people_count_label), ==, "2 people");
  g_assert_cmpuint (chart_size (window), ==, 2);
  _cto_window_set_as_of_position (window, AS_OF_2028_01_01);
  spin ();
  g_assert_null (_cto_window_get_what_if (window));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (window->view_stack)));
  g_assert_cmpstr (gtk_label_get_label (window->people_count_label), ==, "2 of 5 people there");
  g_assert_cmpstr (card_absence (window, "dana"), ==, "Left 20 November 2027");

  /* Leave Then: Dana's last day becomes the day shown, one undo step, and
   * nothing else of the plan changes. */
  _cto_window_set_as_of_position (window, AS_OF_2027_07_01);
  spin ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.what-if", "s", "dana"));
  spin ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.what-if-leave-then", NULL));
  spin ();
  g_assert_null (_cto_window_get_what_if (window));
  {
    CtoPerson *dana = cto_plan_find_person (window->plan, "dana");
    GDate left = parse_day ("2027-07-01");

    g_assert_nonnull (dana);
    g_assert_false (cto_person_get_open_role (dana));
    g_assert_cmpint (g_date_compare (cto_person_get_end (dana), &left), ==, 0);
    g_assert_cmpstr (card_absence (window, "dana"), ==, "Left 1 July 2027");
    cto_history_undo (history_of (window));
    spin ();
    left = parse_day ("2027-11-20");
    g_assert_cmpint (g_date_compare (cto_person_get_end (dana), &left), ==, 0);
    g_assert_false (cto_history_get_can_undo (history_of (window)));
  }
  /* Not offered for the whole plan, which has no day to leave on. */
  _cto_window_set_as_of_position (window, 0);
  spin ();
  gtk_widget_activate_action (GTK_WIDGET (window), "win.what-if", "s", "dana");
  spin ();
  g_assert_false (gtk_widget_is_visible (find_widget (GTK_WIDGET (window), is_button_labelled, "_Leave Then")));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.what-if-close", NULL);
  spin ();

  /* Someone whose first day is the day shown cannot leave on it: Leave Then
   * is not offered, and the plan refuses it, the toast says why, and nothing
   * changes. */
  {
    CtoPerson *eve = cto_plan_find_person (window->plan, "eve");
    GDate first = parse_day ("2027-07-01");
    gboolean could_undo;

    g_assert_true (cto_plan_set_person_dates (window->plan, eve, &first, NULL, NULL));
    could_undo = cto_history_get_can_undo (history_of (window));
    _cto_window_set_as_of_position (window, AS_OF_2027_07_01);
    spin ();
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.what-if", "s", "eve"));
    spin ();
    g_assert_cmpstr (_cto_window_get_what_if (window), ==, "eve");
    /* Not offered, and the bar says why. */
    g_assert_false (gtk_widget_is_visible (find_widget (GTK_WIDGET (window), is_button_labelled, "_Leave Then")));
    g_assert_nonnull (find_widget (GTK_WIDGET (window), is_label_containing,
                                   "They start on this day, so they cannot leave on it."));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.what-if-leave-then", NULL));
    spin ();
    g_assert_null (_cto_window_get_what_if (window));
    g_assert_nonnull (find_widget (GTK_WIDGET (window), is_label_containing,
                                   "The day someone leaves must come after the day they start"));
    g_assert_null (cto_person_get_end (eve));
    g_assert_cmpint (g_date_compare (cto_person_get_start (eve), &first), ==, 0);
    g_assert_true (cto_history_get_can_undo (history_of (window)) == could_undo);
  }

  window_free (window);
}

int
main (int   argc,
      char *argv[])
{
  /* 2027-02-14 12:00 UTC */
  g_setenv ("SOURCE_DATE_EPOCH", "1802606400", TRUE);
  display_test_init (&argc, &argv, "window-time", "none");

  g_test_add_func ("/window-time/as-of", test_as_of);
  g_test_add_func ("/window-time/as-of-suggestion-applied", test_as_of_suggestion_applied);
  g_test_add_func ("/window-time/what-if-as-of", test_what_if_as_of);
  g_test_add_func ("/window-time/as-of-undo-delete", test_as_of_undo_delete);
  g_test_add_func ("/window-time/as-of-picker", test_as_of_picker);
  g_test_add_func ("/window-time/as-of-other-plan", test_as_of_other_plan);
  g_test_add_func ("/window-time/compare-saved", test_compare_saved);
  g_test_add_func ("/window-time/compare-file", test_compare_file);
  g_test_add_func ("/window-time/compare-people-in-words", test_compare_people_in_words);
  g_test_add_func ("/window-time/compare-presents", test_compare_presents);
  g_test_add_func ("/window-time/compare-as-of", test_compare_as_of);
  g_test_add_func ("/window-time/as-of-exports", test_as_of_exports);
  g_test_add_func ("/window-time/person-dialog-dates", test_person_dialog_dates);
  g_test_add_func ("/window-time/person-dialog-date-keys", test_person_dialog_date_keys);

  return display_test_run ();
}
