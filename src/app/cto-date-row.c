/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-date-row"

#include "config.h"

#include <glib/gi18n.h>

#include "cto-date-row.h"
#include "cto-date.h"
#include "cto-tooltip.h"

struct _CtoDateRow
{
  AdwActionRow        parent_instance;

  GDate               date;      /* cleared when empty */
  GDate               opens_on;  /* where an empty row's calendar opens; cleared: today */
  gboolean            updating;
  gboolean            typing;    /* the calendar follows the day typed */

  GtkMenuButton      *button;
  GtkLabel           *button_label;
  GtkCalendar        *calendar;
  GtkEventController *calendar_keys;
  GtkEntry           *day_entry;
  GtkLabel           *day_error;
  GtkWidget          *arrows[4];  /* of the calendar's header: see name_calendar_arrows() */
  GtkButton          *clear_button;
};

G_DEFINE_FINAL_TYPE (CtoDateRow, cto_date_row, ADW_TYPE_ACTION_ROW)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Shows @day selected in the calendar, picking nothing. */
static void
select_day (CtoDateRow  *self,
            const GDate *day)
{
  g_autoptr(GDateTime) time = g_date_time_new_local (g_date_get_year (day), g_date_get_month (day),
                                                     g_date_get_day (day), 12, 0, 0);
  gboolean updating = self->updating;

  self->updating = TRUE;
  if (time != NULL)
    gtk_calendar_select_day (self->calendar, time);
  self->updating = updating;
}

/* The calendar opens on the day, or, when there is none, on the day set
 * with cto_date_row_set_opens_on(), or on today. */
static void
select_shown_day (CtoDateRow *self)
{
  GDate shown;

  if (g_date_valid (&self->date))
    shown = self->date;
  else if (g_date_valid (&self->opens_on))
    shown = self->opens_on;
  else
    cto_date_get_today (&shown);
  select_day (self, &shown);
}

static void
get_calendar_day (CtoDateRow *self,
                  GDate      *day)
{
  g_autoptr(GDateTime) time = gtk_calendar_get_date (self->calendar);

  g_date_clear (day, 1);
  g_date_set_dmy (day,
                  (GDateDay) g_date_time_get_day_of_month (time),
                  (GDateMonth) g_date_time_get_month (time),
                  (GDateYear) g_date_time_get_year (time));
}

/* How a day is typed, for the field's tooltip and screen readers. The
 * messages that use it follow it with a full stop. */
static char *
dup_day_hint (void)
{
  g_autofree char *example = NULL;
  GDate today;

  cto_date_get_today (&today);
  example = cto_date_to_string (&today);

  /* Translators: how to type a day in the field under the calendar; %s is an example */
  return g_strdup_printf (_("Year-month-day, for example %s"), example);
}

/* Says under the field why what was typed is not a day; %NULL: nothing. */
static void
show_day_error (CtoDateRow *self,
                const char *message)
{
  gtk_label_set_label (self->day_error, message);
  gtk_widget_set_visible (GTK_WIDGET (self->day_error), message != NULL);
  if (message != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->day_entry), "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (self->day_entry),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->day_entry),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
    }
  else
    {
      g_autofree char *hint = dup_day_hint ();

      gtk_widget_remove_css_class (GTK_WIDGET (self->day_entry), "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (self->day_entry), GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->day_entry),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, hint, -1);
    }
}

enum {
  ARROW_PREVIOUS_MONTH,
  ARROW_NEXT_MONTH,
  ARROW_PREVIOUS_YEAR,
  ARROW_NEXT_YEAR,
};

/* GTK 4.8's calendar cannot go before the year 1 nor after 9999 (it
 * complains, and goes nowhere): its arrows stop there. */
static void
update_arrows (CtoDateRow *self,
               const GDate *shown)
{
  GDateYear year = g_date_get_year (shown);
  GDateMonth month = g_date_get_month (shown);
  const gboolean can[] = {
    [ARROW_PREVIOUS_MONTH] = year > 1 || month > G_DATE_JANUARY,
    [ARROW_NEXT_MONTH] = year < 9999 || month < G_DATE_DECEMBER,
    [ARROW_PREVIOUS_YEAR] = year > 1,
    [ARROW_NEXT_YEAR] = year < 9999,
  };

  for (guint i = 0; i < G_N_ELEMENTS (self->arrows); i++)
    {
      if (self->arrows[i] == NULL)
        continue;
      /* An arrow that stops with the keyboard on it leaves it on the
       * calendar, not nowhere. */
      if (!can[i] && gtk_widget_has_focus (self->arrows[i]))
        gtk_widget_grab_focus (GTK_WIDGET (self->calendar));
      gtk_widget_set_sensitive (self->arrows[i], can[i]);
    }
}

/* The arrows, and the field, say where the calendar is: the field, the
 * day it shows selected, but not while the field is typed in, which moves
 * the calendar. */
static void
sync_day_entry (CtoDateRow *self)
{
  g_autofree char *text = NULL;
  gboolean updating = self->updating;
  GDate shown;

  get_calendar_day (self, &shown);
  update_arrows (self, &shown);
  if (self->typing)
    return;

  text = cto_date_to_string (&shown);
  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->day_entry), text);
  self->updating = updating;
  show_day_error (self, NULL);
}

static void
calendar_moved_cb (CtoDateRow *self)
{
  sync_day_entry (self);
}

/* The calendar's keys are its own key controller's: GTK 4.8 has no other way
 * to move its keyboard's cell. Presses @keyval there; whether it took it. */
static gboolean
press_in_calendar (CtoDateRow      *self,
                   guint            keyval,
                   GdkModifierType  state)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (self->calendar));
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller) && controller != self->calendar_keys)
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, state, &handled);
    }

  return handled;
}

/* Where in its grid the calendar shows the day in @state (selected, or the
 * keyboard's cell, which it marks focused). */
static gboolean
find_day_cell (CtoDateRow    *self,
               GtkStateFlags  state,
               int           *row,
               int           *column)
{
  for (GtkWidget *grid = gtk_widget_get_first_child (GTK_WIDGET (self->calendar));
       grid != NULL;
       grid = gtk_widget_get_next_sibling (grid))
    {
      if (!GTK_IS_GRID (grid))
        continue;

      for (GtkWidget *day = gtk_widget_get_first_child (grid); day != NULL;
           day = gtk_widget_get_next_sibling (day))
        if (gtk_widget_has_css_class (day, "day-number") && (gtk_widget_get_state_flags (day) & state))
          {
            gtk_grid_query_child (GTK_GRID (grid), day, column, row, NULL, NULL);
            return TRUE;
          }
    }

  return FALSE;
}

/* Puts the calendar's keyboard cell on the day selected. GTK 4.8 keeps the
 * two apart: gtk_calendar_select_day() leaves the cell where it was, on no
 * day at first, so that the first arrow went to the first cell of the grid
 * and Space picked that. Only the calendar's arrow keys move the cell. */
static void
focus_selected_day (CtoDateRow *self)
{
  gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (self->calendar)) == GTK_TEXT_DIR_RTL;
  int row, column;

  if (!find_day_cell (self, GTK_STATE_FLAG_SELECTED, &row, &column))
    return;

  /* Onto the grid of six weeks, then at most across it and down it. */
  for (guint moves = 0; moves < 1 + 6 + 7; moves++)
    {
      int focus_row, focus_column;
      guint keyval;

      if (!find_day_cell (self, GTK_STATE_FLAG_FOCUSED, &focus_row, &focus_column))
        keyval = GDK_KEY_Down;
      else if (focus_row != row)
        keyval = focus_row < row ? GDK_KEY_Down : GDK_KEY_Up;
      else if (focus_column != column)
        keyval = (focus_column < column) != rtl ? GDK_KEY_Right : GDK_KEY_Left;
      else
        return;

      if (!press_in_calendar (self, keyval, 0))
        return;
    }
}

static void
update (CtoDateRow *self)
{
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self));
  g_autofree char *text = NULL;
  g_autofree char *button_name = NULL;
  g_autofree char *clear_name = NULL;
  gboolean has_date = g_date_valid (&self->date);

  text = has_date ? cto_date_format_long (&self->date) : g_strdup (_("No date"));
  gtk_label_set_label (self->button_label, text);

  /* Translators: a date button's name for screen readers, "Starts: 1 April 2027" */
  button_name = g_strdup_printf (_("%s: %s"), title, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, button_name, -1);
  /* Translators: the button that empties a date, "Clear Starts" */
  clear_name = g_strdup_printf (_("No date for “%s”"), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->clear_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, clear_name, -1);
  cto_tooltip_set_text (GTK_WIDGET (self->clear_button), clear_name);
  gtk_widget_set_sensitive (GTK_WIDGET (self->clear_button), has_date);

  select_shown_day (self);
}

/* The row's day picked: shown, the picker closed, and said. */
static void
take_day (CtoDateRow *self)
{
  update (self);
  gtk_menu_button_popdown (self->button);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Takes the day the calendar shows selected; the calendar opens on today
 * when there is no date, and a day already selected cannot be picked again,
 * so "Use This Day" takes it too. */
static void
take_calendar_day (CtoDateRow *self)
{
  get_calendar_day (self, &self->date);
  take_day (self);
}

static void
day_selected_cb (CtoDateRow *self)
{
  if (!self->updating)
    take_calendar_day (self);
}

/* Whether the calendar can go a month or a year on as Ctrl and @keyval
 * would take it, as its arrows can. */
static gboolean
can_page (CtoDateRow *self,
          guint       keyval)
{
  gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (self->calendar)) == GTK_TEXT_DIR_RTL;
  guint arrow;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      arrow = rtl ? ARROW_NEXT_MONTH : ARROW_PREVIOUS_MONTH;
      break;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      arrow = rtl ? ARROW_PREVIOUS_MONTH : ARROW_NEXT_MONTH;
      break;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      arrow = ARROW_PREVIOUS_YEAR;
      break;
    default:
      arrow = ARROW_NEXT_YEAR;
      break;
    }

  return self->arrows[arrow] == NULL || gtk_widget_get_sensitive (self->arrows[arrow]);
}

/* A digit typed on the calendar starts a day in the field under it,
 * without the Tab presses through the calendar's arrows. */
static gboolean
start_typing (CtoDateRow *self,
              guint       keyval)
{
  gunichar digit = gdk_keyval_to_unicode (keyval);
  char text[2] = { 0 };

  /* Days are typed as plans write them, in ASCII digits. */
  if (digit < '0' || digit > '9')
    return FALSE;

  text[0] = (char) digit;
  gtk_widget_grab_focus (GTK_WIDGET (self->day_entry));
  gtk_editable_set_text (GTK_EDITABLE (self->day_entry), text);
  gtk_editable_set_position (GTK_EDITABLE (self->day_entry), -1);

  return TRUE;
}

/* Enter and Space pick the day of the keyboard's cell, as a click picks a
 * day, also the day already selected; Ctrl and an arrow go a month or a
 * year on, as in the calendar, and pick nothing (going from the 31st to a
 * shorter month changes the day the calendar selects); a digit starts a
 * day typed. */
static gboolean
calendar_key_pressed_cb (CtoDateRow      *self,
                         guint            keyval,
                         guint            keycode,
                         GdkModifierType  state)
{
  GdkModifierType modifiers = state & gtk_accelerator_get_default_mod_mask ();

  switch (keyval)
    {
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
    case GDK_KEY_space:
    case GDK_KEY_KP_Space:
      if (modifiers != 0)
        return FALSE;
      /* The calendar's Space selects the cell's day, of another month too. */
      self->updating = TRUE;
      press_in_calendar (self, GDK_KEY_space, 0);
      self->updating = FALSE;
      take_calendar_day (self);
      return TRUE;

    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      if (modifiers != GDK_CONTROL_MASK)
        return FALSE;
      if (!can_page (self, keyval))
        return TRUE;
      self->updating = TRUE;
      press_in_calendar (self, keyval, state);
      self->updating = FALSE;
      focus_selected_day (self);
      return TRUE;

    default:
      /* Shift too: some keyboards (French, Belgian) type digits with it. */
      return (modifiers & ~GDK_SHIFT_MASK) == 0 && start_typing (self, keyval);
    }
}

/* The picker opens on the row's day (or today), with the keyboard there:
 * whatever the calendar was moved to before it was closed is gone. */
static void
popover_show_cb (CtoDateRow *self)
{
  select_shown_day (self);
  sync_day_entry (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->calendar));
  focus_selected_day (self);
}

/* The day the field says, spaces around it aside (as pasted); the text
 * it was read from, to be freed. */
static char *
read_day_entry (CtoDateRow *self,
                GDate      *typed,
                gboolean   *is_day)
{
  char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->day_entry))));

  *is_day = cto_date_parse (text, typed);
  return text;
}

/* A day typed as plans write it, year-month-day: the calendar goes there,
 * with its keyboard, as soon as it is one. */
static void
day_entry_changed_cb (CtoDateRow *self)
{
  g_autofree char *text = NULL;
  gboolean is_day;
  GDate typed;

  if (self->updating)
    return;

  show_day_error (self, NULL);
  text = read_day_entry (self, &typed, &is_day);
  if (!is_day)
    return;

  self->typing = TRUE;
  select_day (self, &typed);
  focus_selected_day (self);
  self->typing = FALSE;
}

/* Takes the day the field says, which is the calendar's unless something
 * else was typed there; or says why what was typed is not a day. Enter in
 * the field and "Use This Day" both. */
static void
take_field_day (CtoDateRow *self)
{
  g_autofree char *text = NULL;
  g_autofree char *hint = NULL;
  g_autofree char *message = NULL;
  gboolean is_day;
  GDate typed;

  text = read_day_entry (self, &typed, &is_day);
  if (is_day)
    {
      self->date = typed;
      take_day (self);
      return;
    }

  hint = dup_day_hint ();
  if (text[0] == '\0')
    /* Translators: %s says how to type a day ("Year-month-day, for example …") */
    message = g_strdup_printf (_("No day typed. %s."), hint);
  else
    /* Translators: what was typed for a day, then how to type one ("Year-month-day, for example …") */
    message = g_strdup_printf (_("“%s” is not a day. %s."), text, hint);
  show_day_error (self, message);
}

static void
use_day_cb (CtoDateRow *self)
{
  take_field_day (self);
}

static void
day_entry_activate_cb (CtoDateRow *self)
{
  take_field_day (self);
}

/* Paged by its header's arrows or Ctrl and an arrow: the keyboard's cell
 * goes with the day selected, which Enter then picks. */
static void
calendar_paged_cb (CtoDateRow *self)
{
  focus_selected_day (self);
}

static void
clear_cb (CtoDateRow *self)
{
  if (!g_date_valid (&self->date))
    return;

  g_date_clear (&self->date, 1);
  update (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->button));
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
title_changed_cb (CtoDateRow *self)
{
  update (self);
}

/* GTK 4.8's calendar names the arrows of its header by their icons alone:
 * they are named here by what they do, in the order it makes them. */
static void
name_calendar_arrows (CtoDateRow *self)
{
  const char *names[] = {
    /* Translators: an arrow of a calendar's header */
    [ARROW_PREVIOUS_MONTH] = N_("Previous Month"),
    /* Translators: an arrow of a calendar's header */
    [ARROW_NEXT_MONTH] = N_("Next Month"),
    /* Translators: an arrow of a calendar's header */
    [ARROW_PREVIOUS_YEAR] = N_("Previous Year"),
    /* Translators: an arrow of a calendar's header */
    [ARROW_NEXT_YEAR] = N_("Next Year"),
  };
  GtkWidget *header = gtk_widget_get_first_child (GTK_WIDGET (self->calendar));
  guint n = 0;

  for (GtkWidget *child = header != NULL ? gtk_widget_get_first_child (header) : NULL;
       child != NULL && n < G_N_ELEMENTS (names);
       child = gtk_widget_get_next_sibling (child))
    {
      if (!GTK_IS_BUTTON (child))
        continue;
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _(names[n]), -1);
      cto_tooltip_set_text (child, _(names[n]));
      self->arrows[n] = child;
      n++;
    }
}

static void
cto_date_row_class_init (CtoDateRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/cto-date-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CtoDateRow, button);
  gtk_widget_class_bind_template_child (widget_class, CtoDateRow, button_label);
  gtk_widget_class_bind_template_child (widget_class, CtoDateRow, calendar);
  gtk_widget_class_bind_template_child (widget_class, CtoDateRow, day_entry);
  gtk_widget_class_bind_template_child (widget_class, CtoDateRow, day_error);
  gtk_widget_class_bind_template_child (widget_class, CtoDateRow, clear_button);
  gtk_widget_class_bind_template_callback (widget_class, day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, clear_cb);
  gtk_widget_class_bind_template_callback (widget_class, popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, use_day_cb);
  gtk_widget_class_bind_template_callback (widget_class, calendar_moved_cb);
  gtk_widget_class_bind_template_callback (widget_class, day_entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, day_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, calendar_paged_cb);
}

static void
cto_date_row_init (CtoDateRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_date_clear (&self->date, 1);
  g_date_clear (&self->opens_on, 1);

  /* Before the calendar's own keys, which take Space on no day at first
   * and no Enter at all. */
  self->calendar_keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (self->calendar_keys, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (self->calendar_keys, "key-pressed",
                            G_CALLBACK (calendar_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->calendar), self->calendar_keys);
  g_signal_connect (self, "notify::title", G_CALLBACK (title_changed_cb), NULL);
  name_calendar_arrows (self);
  show_day_error (self, NULL);
  {
    g_autofree char *hint = dup_day_hint ();

    cto_tooltip_set_text (GTK_WIDGET (self->day_entry), hint);
  }
  update (self);
}

GtkWidget *
cto_date_row_new (void)
{
  return g_object_new (CTO_TYPE_DATE_ROW, NULL);
}

gboolean
cto_date_row_get_date (CtoDateRow *self,
                       GDate      *date)
{
  g_return_val_if_fail (CTO_IS_DATE_ROW (self), FALSE);
  g_return_val_if_fail (date != NULL, FALSE);

  *date = self->date;
  return g_date_valid (&self->date);
}

void
cto_date_row_set_date (CtoDateRow  *self,
                       const GDate *date)
{
  g_return_if_fail (CTO_IS_DATE_ROW (self));
  g_return_if_fail (date == NULL || g_date_valid (date));

  g_date_clear (&self->date, 1);
  if (date != NULL)
    self->date = *date;
  update (self);
}

void
cto_date_row_set_opens_on (CtoDateRow  *self,
                           const GDate *day)
{
  g_return_if_fail (CTO_IS_DATE_ROW (self));
  g_return_if_fail (day == NULL || g_date_valid (day));

  g_date_clear (&self->opens_on, 1);
  if (day != NULL)
    self->opens_on = *day;
}
