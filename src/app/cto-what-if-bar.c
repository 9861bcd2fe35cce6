/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-what-if-bar"

#include "config.h"

#include <glib/gi18n.h>

#include "cto-date.h"
#include "cto-report-departure.h"
#include "cto-suggestions-pane.h"
#include "cto-suggestions.h"
#include "cto-tooltip.h"
#include "cto-what-if-bar.h"

/* What the bar says keeps at least this height before it scrolls. */
#define MIN_TEXT_HEIGHT 120

struct _CtoWhatIfBar
{
  GtkBox              parent_instance;

  GtkScrolledWindow  *scroller;
  GtkBox             *texts;
  GtkLabel           *heading_label;
  GtkWidget          *working_label;
  GtkLabel           *details_label;
  GtkLabel           *whole_plan_label;
  GtkWidget          *open_role_button;
  GtkWidget          *leave_then_button;
  CtoSuggestionsPane *suggestions_pane;
  CtoSuggestions     *suggestions;     /* for the plan without the person */
};

G_DEFINE_FINAL_TYPE (CtoWhatIfBar, cto_what_if_bar, GTK_TYPE_BOX)

static void
cto_what_if_bar_dispose (GObject *object)
{
  CtoWhatIfBar *self = (CtoWhatIfBar *) object;

  g_clear_object (&self->suggestions);

  G_OBJECT_CLASS (cto_what_if_bar_parent_class)->dispose (object);
}

static void
cto_what_if_bar_class_init (CtoWhatIfBarClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cto_what_if_bar_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/cto-what-if-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, CtoWhatIfBar, scroller);
  gtk_widget_class_bind_template_child (widget_class, CtoWhatIfBar, texts);
  gtk_widget_class_bind_template_child (widget_class, CtoWhatIfBar, heading_label);
  gtk_widget_class_bind_template_child (widget_class, CtoWhatIfBar, working_label);
  gtk_widget_class_bind_template_child (widget_class, CtoWhatIfBar, details_label);
  gtk_widget_class_bind_template_child (widget_class, CtoWhatIfBar, whole_plan_label);
  gtk_widget_class_bind_template_child (widget_class, CtoWhatIfBar, open_role_button);
  gtk_widget_class_bind_template_child (widget_class, CtoWhatIfBar, leave_then_button);
}

/* The tooltips of the template's buttons (see cto_tooltip_set_text()). */
static const CtoTemplateTooltip tooltips[] = {
  { "open_role_button", N_("Their seat becomes a planned hire with their responsibilities") },
  { "leave_button", N_("Leave without changing anything (Escape)") },
};

static void
cto_what_if_bar_init (CtoWhatIfBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  cto_tooltip_set_template_texts (GTK_WIDGET (self), tooltips,
                                  G_N_ELEMENTS (tooltips));
  /* Until the window says how tall it is. */
  gtk_scrolled_window_set_max_content_height (self->scroller, MIN_TEXT_HEIGHT);

  /* The suggestions for the plan without the person: read, not applied
   * one by one, but all at once with the person removed. */
  self->suggestions_pane = CTO_SUGGESTIONS_PANE (cto_suggestions_pane_new ());
  cto_suggestions_pane_set_read_only_action (self->suggestions_pane,
                                             /* Translators: a button of the what-if bar, above the
                                              * suggestions for the plan without the person ("them"):
                                              * removes the person, then applies all of them */
                                             _("Remove Them and _Apply All"),
                                             _("Remove them and apply every suggestion, "
                                               "as one step"),
                                             "win.what-if-remove-apply");
  gtk_box_append (self->texts, GTK_WIDGET (self->suggestions_pane));
}

GtkWidget *
cto_what_if_bar_new (void)
{
  return g_object_new (CTO_TYPE_WHAT_IF_BAR, NULL);
}

/* The plan they leave is the plan as of the day shown, @day, when it is
 * one; they can leave on it unless it is their first day (section 6). */
static void
show_heading (CtoWhatIfBar *self,
              CtoPerson    *person,
              const GDate  *day)
{
  g_autofree char *heading = NULL;
  const char *name = cto_person_get_name (person);
  gboolean can_leave_then = day != NULL && cto_person_dates_in_order (cto_person_get_start (person), day);

  if (day != NULL)
    {
      g_autofree char *date = cto_date_format_long (day);
      g_autofree char *whole = NULL;
      g_autofree char *leave_then = NULL;

      /* Translators: the what-if bar as of a day, "What if Bo Lin leaves on 1 April 2027? Nothing changes unless you choose." */
      heading = g_strdup_printf (_("What if %s leaves on %s? Nothing changes unless you choose."),
                                 name, date);
      if (can_leave_then)
        /* Translators: under the what-if bar as of a day; "1 April 2027" */
        whole = g_strdup_printf (_("Leave Then makes %s their Leaves day, the first day they are gone. "
                                   "Turning them into an open role or removing them changes every day "
                                   "of the plan."), date);
      else
        /* Translators: under the what-if bar as of a day that is the person's
         * first: they cannot leave on it, so Leave Then is not offered */
        whole = g_strdup (_("They start on this day, so they cannot leave on it. Turning them into "
                            "an open role or removing them changes every day of the plan."));
      gtk_label_set_label (self->whole_plan_label, whole);
      /* Translators: the tooltip of Leave Then in the what-if bar, "Their Leaves day becomes 1 April 2027" */
      leave_then = g_strdup_printf (_("Their Leaves day becomes %s"), date);
      cto_tooltip_set_text (self->leave_then_button, leave_then);
    }
  else
    {
      /* Translators: the what-if bar, "What if Bo Lin leaves? Nothing changes unless you choose." */
      heading = g_strdup_printf (_("What if %s leaves? Nothing changes unless you choose."), name);
    }
  gtk_label_set_label (self->heading_label, heading);
  gtk_widget_set_visible (GTK_WIDGET (self->whole_plan_label), day != NULL);
  gtk_widget_set_visible (self->leave_then_button, can_leave_then);
}

static void
show_working (CtoWhatIfBar *self,
              gboolean      working)
{
  gtk_widget_set_visible (self->working_label, working);
  gtk_widget_set_visible (GTK_WIDGET (self->details_label), !working);
  gtk_widget_set_visible (GTK_WIDGET (self->suggestions_pane), !working);
}

void
cto_what_if_bar_set_departure (CtoWhatIfBar   *self,
                               CtoDeparture   *departure,
                               CtoSuggestions *suggestions)
{
  g_autoptr(GString) details = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;

  g_return_if_fail (CTO_IS_WHAT_IF_BAR (self));
  g_return_if_fail (CTO_IS_DEPARTURE (departure));
  g_return_if_fail (CTO_IS_SUGGESTIONS (suggestions));

  show_heading (self, cto_departure_get_person (departure),
                cto_plan_get_as_of (cto_departure_get_plan (departure)));
  show_working (self, FALSE);

  lines = cto_report_departure_lines (departure);
  for (guint i = 1; lines[i] != NULL; i++)
    {
      if (details->len > 0)
        g_string_append_c (details, '\n');
      g_string_append (details, lines[i]);
    }
  gtk_label_set_label (self->details_label, details->str);

  g_clear_object (&self->suggestions);
  self->suggestions = suggestions;
  cto_suggestions_pane_set_suggestions (self->suggestions_pane, self->suggestions, FALSE);
}

void
cto_what_if_bar_set_working (CtoWhatIfBar *self,
                             CtoPerson    *person,
                             const GDate  *day)
{
  g_return_if_fail (CTO_IS_WHAT_IF_BAR (self));
  g_return_if_fail (CTO_IS_PERSON (person));

  show_heading (self, person, day);
  show_working (self, TRUE);
}

gboolean
cto_what_if_bar_get_working (CtoWhatIfBar *self)
{
  g_return_val_if_fail (CTO_IS_WHAT_IF_BAR (self), FALSE);

  return gtk_widget_get_visible (self->working_label);
}

CtoSuggestions *
cto_what_if_bar_get_suggestions (CtoWhatIfBar *self)
{
  g_return_val_if_fail (CTO_IS_WHAT_IF_BAR (self), NULL);

  return self->suggestions;
}

void
cto_what_if_bar_begin (CtoWhatIfBar *self)
{
  g_return_if_fail (CTO_IS_WHAT_IF_BAR (self));

  /* Each drill opens at its heading, wherever the last one was scrolled. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  gtk_widget_grab_focus (self->open_role_button);
}

void
cto_what_if_bar_fit_height (CtoWhatIfBar *self,
                            int           height)
{
  int text_height;
  int width;

  g_return_if_fail (CTO_IS_WHAT_IF_BAR (self));

  /* Called after every layout of the window: nothing to do while the bar
   * is out of sight. It is fitted in the layout that first shows it. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;

  /* The rest of the window shows the plan as it would be, and takes no
   * edits meanwhile: the words can take more of a tall window's height,
   * enough for Apply All to show on a small screen. */
  text_height = MAX (MIN_TEXT_HEIGHT, height * 2 / 5);

  /* No taller than the words at the width they have. GTK 4.8's scrolled
   * window asks its child for a height for no width, which wrapping text
   * answers as if it were a word a line: the bar took all it could, with
   * empty space under short words. Known after a layout (see
   * _cto_window_views_layout_cb ()). */
  width = gtk_widget_get_width (GTK_WIDGET (self->texts));
  if (width > 0)
    {
      int natural;

      gtk_widget_measure (GTK_WIDGET (self->texts), GTK_ORIENTATION_VERTICAL, width,
                          NULL, &natural, NULL, NULL);
      text_height = MIN (text_height, natural);
    }

  if (gtk_scrolled_window_get_max_content_height (self->scroller) != text_height)
    gtk_scrolled_window_set_max_content_height (self->scroller, text_height);
}

CtoSuggestions *
cto_what_if_bar_take_suggestions (CtoWhatIfBar *self)
{
  g_return_val_if_fail (CTO_IS_WHAT_IF_BAR (self), NULL);

  return g_steal_pointer (&self->suggestions);
}
