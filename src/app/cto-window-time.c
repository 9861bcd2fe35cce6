/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-window"

#include "config.h"

#include <glib/gi18n.h>

#include "cto-compare-dialog.h"
#include "cto-date.h"
#include "cto-history.h"
#include "cto-person-card.h"
#include "cto-plan-diff.h"
#include "cto-plan-io.h"
#include "cto-presentation-window.h"
#include "cto-responsibility-row.h"
#include "cto-tooltip.h"
#include "cto-window-private.h"

/*
 * The window over time: the As of control shows the tiles, the cards and
 * who carries what in the list as of a coming day (PLAN-FORMAT.md, section
 * 6) while every edit still changes the whole plan; Compare With… shows
 * what changed from another plan file or from the saved file (section 7).
 */

/* The As of choices: the whole plan, today, then the coming quarters. */
#define AS_OF_TODAY       1
#define N_COMING_QUARTERS 7

CtoAnalysis *
_cto_window_get_view_analysis (CtoWindow *self)
{
  CtoAnalysis *shown = _cto_window_get_card_analysis (self);

  /* A person leaving, in the what-if mode, outweighs the day chosen, once
   * worked out. */
  if (shown != self->analysis)
    return shown;

  return self->as_of_analysis != NULL ? self->as_of_analysis : self->analysis;
}

CtoAnalysis *
_cto_window_get_day_analysis (CtoWindow *self)
{
  g_return_val_if_fail (CTO_IS_WINDOW (self), NULL);

  return self->as_of_analysis != NULL ? self->as_of_analysis : self->analysis;
}

/* What the org chart shows of the day: in the what-if mode, the plan
 * without the person is already the plan as of that day. */
CtoAnalysis *
_cto_window_get_chart_as_of (CtoWindow *self)
{
  return _cto_window_get_card_analysis (self) == self->analysis ? self->as_of_analysis : NULL;
}

/* The cards stay those of the plan's people, also in the what-if mode: the
 * plan without the person lends them its figures as a day's plan does. */
CtoAnalysis *
_cto_window_get_card_as_of (CtoWindow *self)
{
  CtoAnalysis *shown = _cto_window_get_card_analysis (self);

  return shown != self->analysis ? shown : self->as_of_analysis;
}

void
_cto_window_update_cards_as_of (CtoWindow *self)
{
  GHashTableIter iter;
  gpointer card;

  g_hash_table_iter_init (&iter, self->lazy_cards.bound);
  while (g_hash_table_iter_next (&iter, &card, NULL))
    cto_person_card_set_as_of (CTO_PERSON_CARD (card), _cto_window_get_card_as_of (self));
}

void
_cto_window_bind_card_time (CtoWindow *self,
                            GtkWidget *card)
{
  cto_person_card_set_as_of (CTO_PERSON_CARD (card), _cto_window_get_card_as_of (self));
}

const GDate *
_cto_window_get_as_of_day (CtoWindow *self)
{
  guint position = gtk_drop_down_get_selected (self->as_of_dropdown);
  const GDate *day;

  if (self->as_of_days == NULL || position >= self->as_of_days->len)
    return NULL;

  day = &g_array_index (self->as_of_days, GDate, position);
  return g_date_valid (day) ? day : NULL;
}

/* Shows the tiles, the cards and who carries what in the list as of the
 * day chosen. */
static void
apply_as_of (CtoWindow *self)
{
  GHashTableIter iter;
  gpointer child;

  for (guint f = 0; f < CTO_N_FUNCTIONS; f++)
    cto_coverage_tile_update (self->tiles[f], _cto_window_get_view_analysis (self));

  _cto_window_update_cards_as_of (self);

  g_hash_table_iter_init (&iter, self->lazy_rows.bound);
  while (g_hash_table_iter_next (&iter, &child, NULL))
    cto_responsibility_row_set_as_of (CTO_RESPONSIBILITY_ROW (child), self->as_of_analysis);

  cto_org_chart_view_set_as_of (self->org_chart, _cto_window_get_chart_as_of (self));
  _cto_window_update_org_chart_page (self);
}

/* The plan as of the day chosen, made again from the plan as it is now. */
static void
recompute_as_of (CtoWindow *self)
{
  const GDate *day = self->plan != NULL ? _cto_window_get_as_of_day (self) : NULL;
  gboolean shown = self->as_of_analysis != NULL;

  g_clear_object (&self->as_of_analysis);
  if (day != NULL)
    {
      g_autoptr(CtoPlan) as_of = cto_plan_copy_as_of (self->plan, day);

      self->as_of_analysis = cto_analysis_new (as_of);
    }

  /* The whole plan shown before and now: the window has shown its change. */
  if (shown || self->as_of_analysis != NULL)
    {
      apply_as_of (self);
      /* How many are there that day. */
      _cto_window_update_people_count (self);
    }

  /* The board pages shown follow the day too, with their title page
   * saying which (the plan's summary, cto-report-facts.c). */
  if (self->presentation != NULL && self->plan != NULL)
    {
      cto_presentation_window_set_analysis (self->presentation, _cto_window_get_day_analysis (self));
      _cto_window_apply_baseline (self);
    }
}

static void
as_of_selected_cb (CtoWindow *self)
{
  recompute_as_of (self);
  /* The what-if of the person leaving on the day now shown; out of it when
   * they are not there then. */
  _cto_window_update_what_if (self);
  /* The suggestions are for the plan as the window shows it. */
  _cto_window_refresh_suggestions (self);
}

/* An As of choice of a coming quarter's first day, the day written by
 * @format: "As of 1 April 2027", "As of 1 Apr 2027". */
static char *
quarter_label (const GDate *day,
               char      *(*format) (const GDate *))
{
  g_autofree char *text = format (day);

  /* Translators: an As of choice, the first day of a coming quarter: "As of 1 April 2027" */
  return g_strdup_printf (_("As of %s"), text);
}

static void
fill_as_of_dropdown (CtoWindow *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GDate today;
  GDate day;
  g_autofree char *today_text = NULL;
  g_autofree char *today_label = NULL;

  g_clear_pointer (&self->as_of_days, g_array_unref);
  self->as_of_days = g_array_new (FALSE, TRUE, sizeof (GDate));

  g_date_clear (&day, 1);
  g_array_append_val (self->as_of_days, day);
  gtk_string_list_append (labels, _("Whole Plan"));

  cto_date_get_today (&today);
  g_assert (self->as_of_days->len == AS_OF_TODAY);
  g_array_append_val (self->as_of_days, today);
  today_text = cto_date_format_long (&today);
  /* Translators: the As of choice of today, "Today, 4 December 2026" */
  today_label = g_strdup_printf (_("Today, %s"), today_text);
  gtk_string_list_append (labels, today_label);

  cto_date_get_quarter_start (&today, &day);
  for (guint i = 0; i < N_COMING_QUARTERS; i++)
    {
      g_autofree char *label = NULL;

      g_date_add_months (&day, 3);
      g_array_append_val (self->as_of_days, day);
      label = quarter_label (&day, cto_date_format_long);
      gtk_string_list_append (labels, label);
    }

  gtk_drop_down_set_model (self->as_of_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->as_of_dropdown, 0);
}

void
_cto_window_set_as_of_position (CtoWindow *self,
                                guint      position)
{
  g_return_if_fail (CTO_IS_WINDOW (self));

  gtk_drop_down_set_selected (self->as_of_dropdown, position);
}

/* Compare With… ------------------------------------------------------------ */

static void
update_compare_actions (CtoWindow *self)
{
  gboolean modified = self->plan != NULL &&
                      cto_history_get_modified (cto_plan_get_history (self->plan));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.compare-saved",
                                 self->file != NULL && modified);
}

static void
show_comparison (CtoWindow  *self,
                 CtoPlan    *old_plan,
                 const char *old_name,
                 gboolean    saved)
{
  g_autoptr(CtoPlanDiff) diff = cto_plan_diff_new (old_plan, self->plan);

  if (self->compare_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->compare_dialog));

  /* Kept for the board pages until another plan is opened; the export
   * dialog says so, naming the file compared with, unless it is the open
   * plan's own, as saved. */
  g_set_object (&self->baseline, old_plan);
  g_free (self->baseline_name);
  self->baseline_name = saved ? NULL : g_strdup (old_name);
  _cto_window_apply_baseline (self);

  self->compare_dialog = cto_compare_dialog_new (GTK_WINDOW (self), diff, old_name, _cto_window_get_as_of_day (self));
  g_object_add_weak_pointer (G_OBJECT (self->compare_dialog), (gpointer *) &self->compare_dialog);
  gtk_window_present (GTK_WINDOW (self->compare_dialog));
}

void
_cto_window_compare_with (CtoWindow *self,
                          GFile     *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CtoPlan) old_plan = cto_plan_io_load_file (file, NULL, &error);
  g_autofree char *name = g_file_get_basename (file);

  if (old_plan == NULL)
    {
      /* Translators: the heading when a plan to compare with cannot be read */
      g_autofree char *heading = g_strdup_printf (_("Could Not Compare With “%s”"), name);
      g_autofree char *body = _cto_window_describe_open_failure (file, error);

      _cto_window_show_error (self, heading, body);
      return;
    }

  show_comparison (self, old_plan, name, self->file != NULL && g_file_equal (file, self->file));
}

static void
compare_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     CtoWindow       *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);

  if (file != NULL)
    _cto_window_compare_with (self, file);
}

static void
compare_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CtoWindow *self = CTO_WINDOW (widget);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Compare With a Plan"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Compare"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  _cto_window_prepare_chooser (self, GTK_FILE_CHOOSER (chooser), NULL);
  g_signal_connect (chooser, "response", G_CALLBACK (compare_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
compare_saved_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CtoWindow *self = CTO_WINDOW (widget);

  if (self->file != NULL)
    _cto_window_compare_with (self, self->file);
}

/* Hooks -------------------------------------------------------------------- */

void
_cto_window_class_init_time (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, CtoWindow, as_of_dropdown);
  gtk_widget_class_install_action (widget_class, "win.compare", NULL, compare_action);
  gtk_widget_class_install_action (widget_class, "win.compare-saved", NULL, compare_saved_action);
}

/* The As of control's days: on its button the day chosen, cut short when
 * room is short (its whole text then in a tooltip); in its list every day
 * whole, the one chosen with a check mark, as GTK's own list has it. */

static void
setup_button_day_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  cto_tooltip_show_cut_text (GTK_LABEL (label));
  gtk_list_item_set_child (item, label);
}

/* On the button, the day chosen in few words, so that it keeps its room on
 * a small screen: "Today", "As of 1 Apr 2027"; the list has the days in
 * full ("Today, 4 December 2026", "As of 1 April 2027"). */
static void
bind_button_day_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    CtoWindow                *self)
{
  GtkStringObject *choice = gtk_list_item_get_item (item);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  guint position = gtk_list_item_get_position (item);
  const GDate *day = position < self->as_of_days->len ? &g_array_index (self->as_of_days, GDate, position)
                                                      : NULL;

  if (day == NULL || !g_date_valid (day))
    {
      gtk_label_set_label (label, gtk_string_object_get_string (choice));
    }
  else if (position == AS_OF_TODAY)
    {
      /* Translators: the As of button when today is chosen; its list says "Today, 4 December 2026" */
      gtk_label_set_label (label, C_("as of", "Today"));
    }
  else
    {
      g_autofree char *short_label = quarter_label (day, cto_date_format_short);

      gtk_label_set_label (label, short_label);
    }
}

static void
setup_list_day_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), check);
  gtk_list_item_set_child (item, box);
}

static void
update_check (GtkDropDown *dropdown,
              GParamSpec  *pspec,
              GtkListItem *item)
{
  GtkWidget *check = gtk_widget_get_last_child (gtk_list_item_get_child (item));

  gtk_widget_set_opacity (check, gtk_drop_down_get_selected (dropdown) ==
                                 gtk_list_item_get_position (item) ? 1 : 0);
}

static void
bind_list_day_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  GtkDropDown              *dropdown)
{
  GtkStringObject *day = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_widget_get_first_child (gtk_list_item_get_child (item));

  gtk_label_set_label (GTK_LABEL (label), gtk_string_object_get_string (day));
  g_signal_connect_object (dropdown, "notify::selected", G_CALLBACK (update_check), item, 0);
  update_check (dropdown, NULL, item);
}

static void
unbind_list_day_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    GtkDropDown              *dropdown)
{
  g_signal_handlers_disconnect_by_func (dropdown, update_check, item);
}

void
_cto_window_init_time (CtoWindow *self)
{
  g_autoptr(GtkListItemFactory) button_factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkListItemFactory) list_factory = gtk_signal_list_item_factory_new ();

  /* The day chosen, on the button, gives way on a narrow window ("Today,
   * 14 February 2027" is long in some languages); the list has them whole. */
  g_signal_connect (button_factory, "setup", G_CALLBACK (setup_button_day_cb), NULL);
  g_signal_connect (button_factory, "bind", G_CALLBACK (bind_button_day_cb), self);
  g_signal_connect (list_factory, "setup", G_CALLBACK (setup_list_day_cb), NULL);
  g_signal_connect (list_factory, "bind", G_CALLBACK (bind_list_day_cb), self->as_of_dropdown);
  g_signal_connect (list_factory, "unbind", G_CALLBACK (unbind_list_day_cb), self->as_of_dropdown);
  gtk_drop_down_set_factory (self->as_of_dropdown, button_factory);
  gtk_drop_down_set_list_factory (self->as_of_dropdown, list_factory);
  fill_as_of_dropdown (self);
  g_signal_connect_swapped (self->as_of_dropdown, "notify::selected",
                            G_CALLBACK (as_of_selected_cb), self);
  update_compare_actions (self);
}

void
_cto_window_update_time (CtoWindow *self,
                         gboolean   other_document)
{
  /* The new plan's changes: the As of view and Compare With Saved follow them. */
  g_signal_connect_object (self->analysis, "changed",
                           G_CALLBACK (recompute_as_of), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (cto_plan_get_history (self->plan), "notify::modified",
                           G_CALLBACK (update_compare_actions), self, G_CONNECT_SWAPPED);
  /* Another plan starts whole, as it starts compared with nothing; the
   * same file read again keeps the day it was shown as of. The what-if and
   * the suggestions follow the plan set anyway. */
  if (other_document)
    {
      g_signal_handlers_block_by_func (self->as_of_dropdown, as_of_selected_cb, self);
      gtk_drop_down_set_selected (self->as_of_dropdown, 0);
      g_signal_handlers_unblock_by_func (self->as_of_dropdown, as_of_selected_cb, self);
    }
  recompute_as_of (self);
  update_compare_actions (self);
  /* A comparison was with the plan that was open before. */
  g_clear_object (&self->baseline);
  g_clear_pointer (&self->baseline_name, g_free);
  _cto_window_apply_baseline (self);
}

CtoPlan *
_cto_window_get_baseline (CtoWindow *self)
{
  g_return_val_if_fail (CTO_IS_WINDOW (self), NULL);

  return self->baseline;
}

void
_cto_window_dispose_time (CtoWindow *self)
{
  if (self->compare_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->compare_dialog));
  g_clear_object (&self->as_of_analysis);
  g_clear_pointer (&self->as_of_days, g_array_unref);
  g_clear_object (&self->baseline);
  g_clear_pointer (&self->baseline_name, g_free);
}
