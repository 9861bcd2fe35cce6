/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "cto-date.h"
#include "cto-date-row.h"
#include "cto-tooltip.h"
#include "display-test-util.h"

/* The row for a day, as the person dialog has two: a day typed in the
 * field under the calendar, as quick for a day years away as for
 * tomorrow; what is not a day, said where it was typed; the calendar's
 * arrows named. The real widget in a window under Xvfb, with an
 * accessibility context that records. */

typedef struct
{
  GtkWidget *window;
  GtkWidget *row;
  GtkWidget *popover;
  GtkWidget *calendar;
  GtkWidget *entry;
  GtkWidget *error;
  guint      n_changed;
} Picker;

static void
changed_cb (GtkWidget *row,
            Picker    *picker)
{
  picker->n_changed++;
}

static void
picker_init (Picker     *picker,
             const char *shown)
{
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *button;
  GDate date = parse_day (shown);

  picker->window = gtk_window_new ();
  picker->row = cto_date_row_new ();
  picker->n_changed = 0;
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (picker->row), "Starts");
  cto_date_row_set_date (CTO_DATE_ROW (picker->row), &date);
  g_signal_connect (picker->row, "changed", G_CALLBACK (changed_cb), picker);
  gtk_list_box_append (GTK_LIST_BOX (list), picker->row);
  gtk_window_set_child (GTK_WINDOW (picker->window), list);
  gtk_window_present (GTK_WINDOW (picker->window));

  button = widget_of_type (picker->row, GTK_TYPE_MENU_BUTTON);
  picker->popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
  picker->calendar = widget_of_type (picker->popover, GTK_TYPE_CALENDAR);
  picker->entry = widget_named (picker->popover, "day-entry");
  picker->error = widget_named (picker->popover, "day-error");
  spin ();
}

static void
picker_clear (Picker *picker)
{
  gtk_window_destroy (GTK_WINDOW (picker->window));
  spin ();
}

static gboolean
is_visible (gpointer widget)
{
  return gtk_widget_get_visible (widget);
}

static void
picker_open (Picker *picker)
{
  gtk_menu_button_popup (GTK_MENU_BUTTON (widget_of_type (picker->row, GTK_TYPE_MENU_BUTTON)));
  spin_until (is_visible, picker->popover, 10);
}

/* The day the row holds, "YYYY-MM-DD", or NULL. */
static char *
row_day (Picker *picker)
{
  GDate date;

  if (!cto_date_row_get_date (CTO_DATE_ROW (picker->row), &date))
    return NULL;
  return cto_date_to_string (&date);
}

/* The day the calendar shows selected, "YYYY-MM-DD". */
static char *
calendar_day (Picker *picker)
{
  g_autoptr(GDateTime) time = gtk_calendar_get_date (GTK_CALENDAR (picker->calendar));

  return g_date_time_format (time, "%Y-%m-%d");
}

static void
type_day (Picker     *picker,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (picker->entry), text);
}

/* Enter in the field, as GtkText's own binding for it does: press_key()
 * reaches no binding. */
static void
press_enter (Picker *picker)
{
  g_signal_emit_by_name (picker->entry, "activate");
  spin ();
}

/* The field shows the day the picker opens on; the calendar goes to a day
 * as soon as it is typed, with nothing picked yet; Enter picks it and
 * closes the picker, once. */
static void
test_typed (void)
{
  Picker picker;
  g_autofree char *held = NULL;
  g_autofree char *shown = NULL;

  picker_init (&picker, "2027-03-17");
  picker_open (&picker);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (picker.entry)), ==, "2027-03-17");
  g_assert_false (gtk_widget_get_visible (picker.error));

  /* Halfway typed, then a day years away. */
  type_day (&picker, "2031-1");
  shown = calendar_day (&picker);
  g_assert_cmpstr (shown, ==, "2027-03-17");
  type_day (&picker, "2031-11-05");
  g_clear_pointer (&shown, g_free);
  shown = calendar_day (&picker);
  g_assert_cmpstr (shown, ==, "2031-11-05");
  /* Typing is not picking. */
  held = row_day (&picker);
  g_assert_cmpstr (held, ==, "2027-03-17");
  g_assert_cmpuint (picker.n_changed, ==, 0);

  press_enter (&picker);
  g_clear_pointer (&held, g_free);
  held = row_day (&picker);
  g_assert_cmpstr (held, ==, "2031-11-05");
  g_assert_cmpuint (picker.n_changed, ==, 1);
  g_assert_false (gtk_widget_get_visible (picker.popover));

  /* Opened again, on the day picked. A digit typed on the calendar, where
   * the keyboard is, starts a day in the field. */
  picker_open (&picker);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (picker.entry)), ==, "2031-11-05");
  g_assert_true (gtk_widget_has_focus (picker.calendar));
  g_assert_true (press_key (picker.calendar, GDK_KEY_2, 0));
  g_assert_true (gtk_widget_is_focus (picker.entry) ||
                 gtk_widget_is_ancestor (gtk_root_get_focus (gtk_widget_get_root (picker.entry)),
                                         picker.entry));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (picker.entry)), ==, "2");
  g_assert_true (gtk_widget_get_visible (picker.popover));
  g_assert_false (press_key (picker.calendar, GDK_KEY_a, 0));
  /* With Shift too, as French keyboards type digits. */
  gtk_widget_grab_focus (picker.calendar);
  g_assert_true (press_key (picker.calendar, GDK_KEY_7, GDK_SHIFT_MASK));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (picker.entry)), ==, "7");

  /* Typed, then picked on the calendar with Enter: the day typed, where
   * the calendar's keyboard went with it. */
  type_day (&picker, "2029-08-14");
  g_assert_true (press_key (picker.calendar, GDK_KEY_Return, 0));
  g_clear_pointer (&held, g_free);
  held = row_day (&picker);
  g_assert_cmpstr (held, ==, "2029-08-14");
  g_assert_false (gtk_widget_get_visible (picker.popover));

  /* Spaces around a day, as it may be pasted, are no matter. */
  picker_open (&picker);
  type_day (&picker, " 2030-01-02 ");
  press_enter (&picker);
  g_clear_pointer (&held, g_free);
  held = row_day (&picker);
  g_assert_cmpstr (held, ==, "2030-01-02");

  picker_clear (&picker);
}

/* What is not a day is said under the field, to screen readers too, and
 * picks nothing; the picker stays open. Typing on takes the message
 * away, and opening the picker again starts afresh. */
static void
test_not_a_day (void)
{
  static const char * const not_days[] = { "2031-02-30", "5 March", "2031-3-5", "" };
  Picker picker;
  g_autofree char *held = NULL;

  picker_init (&picker, "2027-03-17");
  picker_open (&picker);

  for (guint i = 0; i < G_N_ELEMENTS (not_days); i++)
    {
      g_autofree char *expected = not_days[i][0] == '\0' ?
        g_strdup ("No day typed. Year-month-day, for example ") :
        g_strdup_printf ("“%s” is not a day. Year-month-day, for example ", not_days[i]);

      type_day (&picker, not_days[i]);
      press_enter (&picker);
      g_assert_true (gtk_widget_get_visible (picker.error));
      g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (picker.error)), expected));
      g_assert_true (gtk_widget_has_css_class (picker.entry, "error"));
      g_assert_null (gtk_test_accessible_check_state (GTK_ACCESSIBLE (picker.entry),
                                                      GTK_ACCESSIBLE_STATE_INVALID,
                                                      GTK_ACCESSIBLE_INVALID_TRUE));
      g_assert_null (gtk_test_accessible_check_property (GTK_ACCESSIBLE (picker.entry),
                                                         GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                         gtk_label_get_text (GTK_LABEL (picker.error))));
      g_assert_true (gtk_widget_get_visible (picker.popover));
      held = row_day (&picker);
      g_assert_cmpstr (held, ==, "2027-03-17");
      g_clear_pointer (&held, g_free);
      g_assert_cmpuint (picker.n_changed, ==, 0);
    }

  type_day (&picker, "2031-02-2");
  g_assert_false (gtk_widget_get_visible (picker.error));
  g_assert_false (gtk_widget_has_css_class (picker.entry, "error"));
  g_assert_false (gtk_test_accessible_has_state (GTK_ACCESSIBLE (picker.entry),
                                                 GTK_ACCESSIBLE_STATE_INVALID));
  g_assert_null (gtk_test_accessible_check_property (GTK_ACCESSIBLE (picker.entry),
                                                     GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                     cto_tooltip_get_text (picker.entry)));
  g_assert_true (g_str_has_prefix (cto_tooltip_get_text (picker.entry),
                                   "Year-month-day, for example "));

  /* Use This Day takes what the field says, or says why it cannot. */
  g_signal_emit_by_name (find_widget (picker.popover, is_button_labelled, "_Use This Day"), "clicked");
  spin ();
  g_assert_true (gtk_widget_get_visible (picker.error));
  g_assert_true (gtk_widget_get_visible (picker.popover));
  held = row_day (&picker);
  g_assert_cmpstr (held, ==, "2027-03-17");
  g_clear_pointer (&held, g_free);

  /* Closed with the message shown, then opened: no message, the row's day. */
  press_enter (&picker);
  g_assert_true (gtk_widget_get_visible (picker.error));
  gtk_popover_popdown (GTK_POPOVER (picker.popover));
  spin ();
  picker_open (&picker);
  g_assert_false (gtk_widget_get_visible (picker.error));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (picker.entry)), ==, "2027-03-17");

  picker_clear (&picker);
}

/* The field follows the calendar as it moves, by the keyboard (a month on
 * with Ctrl and an arrow) or a click on a day. */
static void
test_follows_calendar (void)
{
  Picker picker;
  g_autoptr(GDateTime) clicked = g_date_time_new_local (2027, 6, 9, 12, 0, 0);

  picker_init (&picker, "2027-03-31");
  picker_open (&picker);
  g_assert_true (press_key (picker.calendar, GDK_KEY_Right, GDK_CONTROL_MASK));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (picker.entry)), ==, "2027-04-30");
  g_assert_true (press_key (picker.calendar, GDK_KEY_Down, GDK_CONTROL_MASK));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (picker.entry)), ==, "2028-04-30");
  g_assert_cmpuint (picker.n_changed, ==, 0);

  /* A click picks the day, which the field then says. */
  gtk_calendar_select_day (GTK_CALENDAR (picker.calendar), clicked);
  spin ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (picker.entry)), ==, "2027-06-09");
  g_assert_cmpuint (picker.n_changed, ==, 1);

  picker_clear (&picker);
}

/* The arrow of the calendar's header named @name. */
static GtkWidget *
arrow_named (Picker     *picker,
             const char *name)
{
  GtkWidget *header = gtk_widget_get_first_child (picker->calendar);

  for (GtkWidget *child = gtk_widget_get_first_child (header); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      g_autofree char *differs = NULL;

      if (!GTK_IS_BUTTON (child))
        continue;
      differs = gtk_test_accessible_check_property (GTK_ACCESSIBLE (child),
                                                    GTK_ACCESSIBLE_PROPERTY_LABEL, name);
      if (differs == NULL)
        return child;
    }

  g_error ("no arrow of the calendar is named “%s”", name);
}

/* The arrows of the calendar's header are named by what they do, and the
 * field follows where they go; Enter on the calendar then picks the day
 * the field says. At the calendar's ends, years 1 and 9999, its arrows
 * and Ctrl with an arrow key stop. */
static void
test_arrows (void)
{
  static const struct {
    const char *name;
    const char *after;
  } arrows[] = {
    { "Previous Month", "2027-02-17" },
    { "Next Month", "2027-03-17" },
    { "Previous Year", "2026-03-17" },
    { "Next Year", "2027-03-17" },
  };
  static const struct {
    const char *day;
    const char *stopped[2];      /* the arrows that stop there */
    guint       keys[2];         /* and their keys, with Ctrl */
    const char *going_on;        /* an arrow that goes on */
  } ends[] = {
    { "9999-12-31", { "Next Month", "Next Year" }, { GDK_KEY_Right, GDK_KEY_Down }, "Previous Month" },
    { "0001-01-01", { "Previous Month", "Previous Year" }, { GDK_KEY_Left, GDK_KEY_Up }, "Next Year" },
  };
  Picker picker;
  g_autofree char *held = NULL;

  picker_init (&picker, "2027-03-17");
  picker_open (&picker);
  for (guint i = 0; i < G_N_ELEMENTS (arrows); i++)
    {
      g_autofree char *shown = NULL;

      g_signal_emit_by_name (arrow_named (&picker, arrows[i].name), "clicked");
      spin ();
      shown = calendar_day (&picker);
      g_assert_cmpstr (shown, ==, arrows[i].after);
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (picker.entry)), ==, arrows[i].after);
      g_assert_true (gtk_widget_get_visible (picker.popover));
    }
  g_assert_cmpuint (picker.n_changed, ==, 0);

  g_signal_emit_by_name (arrow_named (&picker, "Next Month"), "clicked");
  spin ();
  g_assert_true (press_key (picker.calendar, GDK_KEY_Return, 0));
  held = row_day (&picker);
  g_assert_cmpstr (held, ==, "2027-04-17");

  /* The last month the calendar has, and the first. */
  picker_open (&picker);
  for (guint i = 0; i < G_N_ELEMENTS (ends); i++)
    {
      type_day (&picker, ends[i].day);
      for (guint j = 0; j < G_N_ELEMENTS (ends[i].stopped); j++)
        {
          g_assert_false (gtk_widget_get_sensitive (arrow_named (&picker, ends[i].stopped[j])));
          g_assert_true (press_key (picker.calendar, ends[i].keys[j], GDK_CONTROL_MASK));
        }
      g_assert_true (gtk_widget_get_sensitive (arrow_named (&picker, ends[i].going_on)));
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (picker.entry)), ==, ends[i].day);
    }

  /* Next Year pressed into the last year: the keyboard, which was on the
   * arrow, goes to the calendar. */
  type_day (&picker, "9998-06-01");
  gtk_widget_grab_focus (arrow_named (&picker, "Next Year"));
  g_assert_true (gtk_widget_has_focus (arrow_named (&picker, "Next Year")));
  g_signal_emit_by_name (arrow_named (&picker, "Next Year"), "clicked");
  spin ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (picker.entry)), ==, "9999-06-01");
  g_assert_true (gtk_widget_has_focus (picker.calendar));

  picker_clear (&picker);
}

static gboolean
is_allocated (gpointer widget)
{
  return gtk_widget_get_width (widget) > 0;
}

/* A long text pasted into the field: the message quotes it, cut to three
 * lines, and the picker keeps the size it opened with; screen readers
 * still get the whole message. */
static void
test_long_paste (void)
{
  Picker picker;
  g_autoptr(GString) pasted = g_string_new (NULL);
  int width, height;
  int error_height;

  picker_init (&picker, "2027-03-17");
  picker_open (&picker);
  spin_until (is_allocated, picker.popover, 10);
  width = gtk_widget_get_width (picker.popover);
  height = gtk_widget_get_height (picker.popover);
  g_assert_cmpint (width, >, 0);

  type_day (&picker, "2031-02-30");
  press_enter (&picker);
  spin_until (is_allocated, picker.error, 10);
  error_height = gtk_widget_get_height (picker.error);
  g_assert_cmpint (error_height, >, 0);

  for (guint i = 0; i < 40; i++)
    g_string_append (pasted, "Quarterly board meeting, the second of the year ");
  type_day (&picker, pasted->str);
  press_enter (&picker);
  spin_for (0.3);

  g_assert_true (gtk_widget_get_visible (picker.error));
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (picker.error)),
                                   "“Quarterly board meeting"));
  /* Three lines, the last cut short. */
  g_assert_cmpint (pango_layout_get_line_count (gtk_label_get_layout (GTK_LABEL (picker.error))), ==, 3);
  g_assert_true (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (picker.error))));
  g_assert_cmpint (gtk_widget_get_width (picker.popover), ==, width);
  g_assert_cmpint (gtk_widget_get_height (picker.popover), <=, height + 3 * error_height);
  g_assert_null (gtk_test_accessible_check_property (GTK_ACCESSIBLE (picker.entry),
                                                     GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                     gtk_label_get_text (GTK_LABEL (picker.error))));
  g_assert_cmpuint (picker.n_changed, ==, 0);

  picker_clear (&picker);
}

int
main (int   argc,
      char *argv[])
{
  display_test_init (&argc, &argv, "date-row", "test");

  g_test_add_func ("/date-row/typed", test_typed);
  g_test_add_func ("/date-row/not-a-day", test_not_a_day);
  g_test_add_func ("/date-row/follows-calendar", test_follows_calendar);
  g_test_add_func ("/date-row/arrows", test_arrows);
  g_test_add_func ("/date-row/long-paste", test_long_paste);

  return display_test_run ();
}
