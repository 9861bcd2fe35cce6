/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-coverage-tile"

#include "config.h"

#include <glib/gi18n.h>

#include "cto-coverage-tile.h"
#include "cto-report-format.h"

struct _CtoCoverageTile
{
  GtkToggleButton  parent_instance;

  CtoFunction      function;

  GtkLabel        *name_label;
  GtkImage        *status_icon;
  GtkLabel        *status_label;
  GtkLabel        *hours_label;
  GtkWidget       *single_box;
  GtkWidget       *waiting_box;
  GtkLabel        *waiting_label;
  GtkWidget       *accountable_box;
  GtkLabel        *accountable_label;
  GtkWidget       *overloaded_box;
  GtkLabel        *overloaded_label;
  GtkLabel        *single_label;
  GtkLabel        *gap_label;
};

G_DEFINE_FINAL_TYPE (CtoCoverageTile, cto_coverage_tile, GTK_TYPE_TOGGLE_BUTTON)

static const struct
{
  const char *icon_name;
  const char *css_class;
} coverage_looks[] = {
  [CTO_COVERAGE_EMPTY] = { "action-unavailable-symbolic", "empty" },
  [CTO_COVERAGE_UNCOVERED] = { "dialog-error-symbolic", "uncovered" },
  [CTO_COVERAGE_PARTIAL] = { "dialog-warning-symbolic", "partial" },
  [CTO_COVERAGE_COVERED] = { "emblem-ok-symbolic", "covered" },
};

static void
append_visible_text (GString  *text,
                     GtkLabel *label)
{
  GtkWidget *row = gtk_widget_get_parent (GTK_WIDGET (label));

  if (!gtk_widget_get_visible (GTK_WIDGET (label)) || !gtk_widget_get_visible (row))
    return;

  g_string_append (text, ". ");
  g_string_append (text, gtk_label_get_text (label));
}

static void
cto_coverage_tile_class_init (CtoCoverageTileClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/cto-coverage-tile.ui");
  gtk_widget_class_bind_template_child (widget_class, CtoCoverageTile, name_label);
  gtk_widget_class_bind_template_child (widget_class, CtoCoverageTile, status_icon);
  gtk_widget_class_bind_template_child (widget_class, CtoCoverageTile, status_label);
  gtk_widget_class_bind_template_child (widget_class, CtoCoverageTile, hours_label);
  gtk_widget_class_bind_template_child (widget_class, CtoCoverageTile, single_box);
  gtk_widget_class_bind_template_child (widget_class, CtoCoverageTile, single_label);
  gtk_widget_class_bind_template_child (widget_class, CtoCoverageTile, waiting_box);
  gtk_widget_class_bind_template_child (widget_class, CtoCoverageTile, waiting_label);
  gtk_widget_class_bind_template_child (widget_class, CtoCoverageTile, accountable_box);
  gtk_widget_class_bind_template_child (widget_class, CtoCoverageTile, accountable_label);
  gtk_widget_class_bind_template_child (widget_class, CtoCoverageTile, overloaded_box);
  gtk_widget_class_bind_template_child (widget_class, CtoCoverageTile, overloaded_label);
  gtk_widget_class_bind_template_child (widget_class, CtoCoverageTile, gap_label);
}

static void
cto_coverage_tile_init (CtoCoverageTile *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
cto_coverage_tile_new (CtoFunction function)
{
  CtoCoverageTile *self = g_object_new (CTO_TYPE_COVERAGE_TILE, NULL);
  g_autofree char *tooltip = NULL;

  self->function = function;
  gtk_label_set_label (self->name_label, cto_function_get_name (function));
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self),
                                          g_variant_new_int32 ((gint32) function));

  /* Translators: the tooltip of a coverage tile; %s is a function's name */
  tooltip = g_strdup_printf (_("Show only the responsibilities of %s"),
                             cto_function_get_name (function));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), tooltip);

  return GTK_WIDGET (self);
}

CtoFunction
cto_coverage_tile_get_function (CtoCoverageTile *self)
{
  g_return_val_if_fail (CTO_IS_COVERAGE_TILE (self), CTO_FUNCTION_PLANNING);

  return self->function;
}

void
cto_coverage_tile_update (CtoCoverageTile         *self,
                          const CtoFunctionReport *report)
{
  g_autofree char *effort = NULL;
  g_autofree char *hours = NULL;
  g_autoptr(GString) accessible = NULL;

  g_return_if_fail (CTO_IS_COVERAGE_TILE (self));
  g_return_if_fail (report != NULL);

  for (guint i = 0; i < G_N_ELEMENTS (coverage_looks); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self), coverage_looks[i].css_class);
  gtk_widget_add_css_class (GTK_WIDGET (self), coverage_looks[report->status].css_class);
  gtk_image_set_from_icon_name (self->status_icon, coverage_looks[report->status].icon_name);
  gtk_label_set_label (self->status_label, cto_coverage_get_name (report->status));

  effort = cto_report_format_decimal (report->effort);
  /* Translators: "12 h a week · 3 of 4 assigned" */
  hours = g_strdup_printf (ngettext ("%s h a week · %u of %u assigned",
                                     "%s h a week · %u of %u assigned",
                                     report->n_responsibilities),
                           effort, report->n_covered, report->n_responsibilities);
  gtk_label_set_label (self->hours_label, hours);

  gtk_widget_set_visible (self->single_box,
                          cto_function_report_rests_on_one_person (report));

  gtk_widget_set_visible (self->waiting_box, report->waiting_for_hire > 0);
  if (report->waiting_for_hire > 0)
    {
      g_autofree char *text =
        g_strdup_printf (ngettext ("%u waiting for a hire", "%u waiting for a hire",
                                   report->waiting_for_hire),
                         report->waiting_for_hire);
      gtk_label_set_label (self->waiting_label, text);
    }

  gtk_widget_set_visible (self->accountable_box, report->without_accountable > 0);
  if (report->without_accountable > 0)
    {
      g_autofree char *text =
        g_strdup_printf (ngettext ("%u with no one accountable", "%u with no one accountable",
                                   report->without_accountable),
                         report->without_accountable);
      gtk_label_set_label (self->accountable_label, text);
    }

  gtk_widget_set_visible (self->overloaded_box, report->overloaded);

  if (cto_function_report_has_hiring_gap (report))
    {
      g_autofree char *gap_hours = cto_report_format_decimal (report->gap_hours);
      g_autofree char *gap_fte = cto_report_format_decimal (report->gap_fte);
      g_autofree char *text = NULL;

      /* Translators: "Hiring gap: 6 h · 0.15 FTE" (full-time equivalents) */
      text = g_strdup_printf (_("Hiring gap: %s h · %s FTE"), gap_hours, gap_fte);
      gtk_label_set_label (self->gap_label, text);
      gtk_widget_add_css_class (GTK_WIDGET (self->gap_label), "has-gap");
    }
  else
    {
      gtk_label_set_label (self->gap_label, _("No hiring gap"));
      gtk_widget_remove_css_class (GTK_WIDGET (self->gap_label), "has-gap");
    }

  accessible = g_string_new (cto_function_get_name (self->function));
  g_string_append (accessible, ": ");
  g_string_append (accessible, cto_coverage_get_name (report->status));
  append_visible_text (accessible, self->hours_label);
  append_visible_text (accessible, self->single_label);
  append_visible_text (accessible, self->waiting_label);
  append_visible_text (accessible, self->accountable_label);
  append_visible_text (accessible, self->overloaded_label);
  append_visible_text (accessible, self->gap_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible->str,
                                  -1);
}
