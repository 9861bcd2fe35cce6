/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-what-if-bar"

#include "config.h"

#include <glib/gi18n.h>

#include "cto-report-departure.h"
#include "cto-suggestions-pane.h"
#include "cto-suggestions.h"
#include "cto-what-if-bar.h"

struct _CtoWhatIfBar
{
  GtkBox              parent_instance;

  GtkBox             *texts;
  GtkLabel           *heading_label;
  GtkLabel           *details_label;
  GtkWidget          *open_role_button;
  CtoSuggestionsPane *suggestions_pane;
};

G_DEFINE_FINAL_TYPE (CtoWhatIfBar, cto_what_if_bar, GTK_TYPE_BOX)

static void
cto_what_if_bar_class_init (CtoWhatIfBarClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/cto-what-if-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, CtoWhatIfBar, texts);
  gtk_widget_class_bind_template_child (widget_class, CtoWhatIfBar, heading_label);
  gtk_widget_class_bind_template_child (widget_class, CtoWhatIfBar, details_label);
  gtk_widget_class_bind_template_child (widget_class, CtoWhatIfBar, open_role_button);
}

static void
cto_what_if_bar_init (CtoWhatIfBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The suggestions for the plan without the person: read, not applied. */
  self->suggestions_pane = CTO_SUGGESTIONS_PANE (cto_suggestions_pane_new ());
  gtk_box_append (self->texts, GTK_WIDGET (self->suggestions_pane));
}

GtkWidget *
cto_what_if_bar_new (void)
{
  return g_object_new (CTO_TYPE_WHAT_IF_BAR, NULL);
}

void
cto_what_if_bar_set_departure (CtoWhatIfBar *self,
                               CtoDeparture *departure)
{
  g_autoptr(CtoSuggestions) suggestions = NULL;
  g_autoptr(GString) details = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;
  g_autofree char *heading = NULL;

  g_return_if_fail (CTO_IS_WHAT_IF_BAR (self));
  g_return_if_fail (CTO_IS_DEPARTURE (departure));

  /* Translators: the what-if bar, "What if Bo Lin leaves? Nothing changes unless you choose." */
  heading = g_strdup_printf (_("What if %s leaves? Nothing changes unless you choose."),
                             cto_person_get_name (cto_departure_get_person (departure)));
  gtk_label_set_label (self->heading_label, heading);

  lines = cto_report_departure_lines (departure);
  for (guint i = 1; lines[i] != NULL; i++)
    {
      if (details->len > 0)
        g_string_append_c (details, '\n');
      g_string_append (details, lines[i]);
    }
  gtk_label_set_label (self->details_label, details->str);

  suggestions = cto_suggestions_new (cto_departure_get_plan_after (departure));
  cto_suggestions_pane_set_suggestions (self->suggestions_pane, suggestions, FALSE);
}

void
cto_what_if_bar_focus (CtoWhatIfBar *self)
{
  g_return_if_fail (CTO_IS_WHAT_IF_BAR (self));

  gtk_widget_grab_focus (self->open_role_button);
}
