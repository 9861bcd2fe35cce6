/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-date-row"

#include "config.h"

#include <glib/gi18n.h>

#include "cto-date-row.h"
#include "cto-date.h"
#include "cto-tooltip.h"

struct _CtoDateRow
{
  AdwActionRow    parent_instance;

  GDate           date;      /* cleared when empty */
  gboolean        updating;

  GtkMenuButton  *button;
  GtkLabel       *button_label;
  GtkCalendar    *calendar;
  GtkButton      *clear_button;
};

G_DEFINE_FINAL_TYPE (CtoDateRow, cto_date_row, ADW_TYPE_ACTION_ROW)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

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

  /* The calendar opens on the day, or on today when there is none. */
  self->updating = TRUE;
  {
    GDate shown;
    g_autoptr(GDateTime) time = NULL;

    if (has_date)
      shown = self->date;
    else
      cto_date_get_today (&shown);
    time = g_date_time_new_local (g_date_get_year (&shown), g_date_get_month (&shown),
                                  g_date_get_day (&shown), 12, 0, 0);
    if (time != NULL)
      gtk_calendar_select_day (self->calendar, time);
  }
  self->updating = FALSE;
}

/* Takes the day the calendar shows selected; the calendar opens on today
 * when there is no date, and a day already selected cannot be picked again,
 * so "Use This Day" takes it too. */
static void
take_calendar_day (CtoDateRow *self)
{
  g_autoptr(GDateTime) time = gtk_calendar_get_date (self->calendar);

  g_date_clear (&self->date, 1);
  g_date_set_dmy (&self->date,
                  (GDateDay) g_date_time_get_day_of_month (time),
                  (GDateMonth) g_date_time_get_month (time),
                  (GDateYear) g_date_time_get_year (time));
  update (self);
  gtk_menu_button_popdown (self->button);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
day_selected_cb (CtoDateRow *self)
{
  if (!self->updating)
    take_calendar_day (self);
}

static void
use_day_cb (CtoDateRow *self)
{
  take_calendar_day (self);
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
  gtk_widget_class_bind_template_child (widget_class, CtoDateRow, clear_button);
  gtk_widget_class_bind_template_callback (widget_class, day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, clear_cb);
  gtk_widget_class_bind_template_callback (widget_class, use_day_cb);
}

static void
cto_date_row_init (CtoDateRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_date_clear (&self->date, 1);
  g_signal_connect (self, "notify::title", G_CALLBACK (title_changed_cb), NULL);
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
