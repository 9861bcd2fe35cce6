/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-window"

#include "config.h"

#include <glib/gi18n.h>

#include "cto-window-private.h"

static void
presentation_destroy_cb (CtoWindow *self)
{
  self->presentation = NULL;
}

static void
present_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CtoWindow *self = CTO_WINDOW (widget);

  if (self->presentation == NULL)
    {
      GtkWidget *presentation = cto_presentation_window_new (GTK_WINDOW (self),
                                                             _cto_window_get_day_analysis (self));

      self->presentation = CTO_PRESENTATION_WINDOW (presentation);
      g_signal_connect_object (presentation, "destroy", G_CALLBACK (presentation_destroy_cb),
                               self, G_CONNECT_SWAPPED);
      gtk_window_fullscreen (GTK_WINDOW (presentation));
      _cto_window_apply_baseline (self);
    }

  gtk_window_present (GTK_WINDOW (self->presentation));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  /* A failure shows in a dialog of its own. */
  _cto_window_print (CTO_WINDOW (widget), GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, NULL, NULL);
}

static void
set_reports_to_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  CtoWindow *self = CTO_WINDOW (widget);
  const char *person_id;
  const char *manager_id;
  CtoPerson *person;
  CtoPerson *manager = NULL;

  g_variant_get (parameter, "(&s&s)", &person_id, &manager_id);
  person = cto_plan_find_person (self->plan, person_id);
  if (manager_id[0] != '\0')
    manager = cto_plan_find_person (self->plan, manager_id);

  if (person == NULL || (manager_id[0] != '\0' && manager == NULL))
    {
      g_debug ("No person “%s” or “%s” in the plan", person_id, manager_id);
      return;
    }

  _cto_window_set_reports_to (self, person, manager);
}

static void
reports_to_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CtoWindow *self = CTO_WINDOW (widget);
  CtoPerson *person = cto_plan_find_person (self->plan, g_variant_get_string (parameter, NULL));

  if (person == NULL)
    return;

  /* The choice is made where the reporting lines show. */
  _cto_window_choose_org_chart (self);
  cto_org_chart_view_popup (self->org_chart, person);
}

void
_cto_window_class_init_board (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, CtoWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, CtoWindow, org_chart_scroller);
  gtk_widget_class_bind_template_child (widget_class, CtoWindow, org_chart_hint);
  gtk_widget_class_bind_template_child (widget_class, CtoWindow, org_chart_as_of);

  gtk_widget_class_install_action (widget_class, "win.present", NULL, present_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  /* Shows the org chart and the choice of whom a person (an id) reports to. */
  gtk_widget_class_install_action (widget_class, "win.reports-to", "s", reports_to_action);
  /* (person, manager) ids; an empty manager for no one. */
  gtk_widget_class_install_action (widget_class, "win.set-reports-to", "(ss)",
                                   set_reports_to_action);
}

void
_cto_window_init_board (CtoWindow *self)
{
  self->org_chart = CTO_ORG_CHART_VIEW (cto_org_chart_view_new ());
  gtk_scrolled_window_set_child (self->org_chart_scroller, GTK_WIDGET (self->org_chart));
  _cto_window_init_org_chart (self);
  self->export_format = CTO_EXPORT_PDF;
}

void
_cto_window_update_board (CtoWindow *self)
{
  cto_org_chart_view_set_analysis (self->org_chart, self->analysis);
  _cto_window_update_org_chart (self);
  if (self->presentation != NULL)
    cto_presentation_window_set_analysis (self->presentation, self->analysis);
  _cto_window_apply_baseline (self);
}

void
_cto_window_apply_baseline (CtoWindow *self)
{
  if (self->presentation != NULL)
    cto_board_pages_set_baseline (cto_presentation_window_get_pages (self->presentation),
                                  self->baseline);
}

void
_cto_window_dispose_board (CtoWindow *self)
{
  if (self->presentation != NULL)
    gtk_window_destroy (GTK_WINDOW (self->presentation));
  g_assert (self->presentation == NULL);
  if (self->export_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (g_steal_pointer (&self->export_dialog)));
  g_clear_object (&self->print_settings);
  g_clear_object (&self->page_setup);
}

gboolean
_cto_window_set_reports_to (CtoWindow *self,
                            CtoPerson *person,
                            CtoPerson *manager)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  g_assert (CTO_IS_WINDOW (self));
  g_assert (CTO_IS_PERSON (person));

  if (g_strcmp0 (cto_person_get_reports_to (person),
                 manager ? cto_person_get_id (manager) : NULL) == 0)
    return FALSE;

  if (!cto_plan_set_reports_to (self->plan, person, manager, &error))
    {
      _cto_window_toast_text (self, error->message, FALSE);
      return FALSE;
    }

  if (manager != NULL)
    /* Translators: a notification with an Undo button: “Bo Lin now reports to Ana Pérez” */
    title = g_strdup_printf (_("%s now reports to %s"), cto_person_get_name (person),
                             cto_person_get_name (manager));
  else
    /* Translators: a notification with an Undo button */
    title = g_strdup_printf (_("%s now reports to no one"), cto_person_get_name (person));
  _cto_window_toast_text (self, title, TRUE);
  /* On the chart, the box follows its new place: it may move far. */
  if (_cto_window_org_chart_chosen (self))
    cto_org_chart_view_reveal (self->org_chart, person);

  return TRUE;
}
