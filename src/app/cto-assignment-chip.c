/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-assignment-chip"

#include "config.h"

#include <glib/gi18n.h>

#include "cto-assignment-chip.h"
#include "cto-chip-popover.h"
#include "cto-chip.h"
#include "cto-report-format.h"
#include "cto-tooltip.h"

struct _CtoAssignmentChip
{
  GtkGrid            parent_instance;

  CtoAnalysis       *analysis;
  CtoResponsibility *responsibility;
  CtoPerson         *person;
  CtoAnalysis       *as_of;           /* of the plan as of a day shown, or NULL */

  GtkLabel          *title_label;
  GtkLabel          *share_label;
  GtkWidget         *accountable_box;
  GtkImage          *accountable_icon;
  GtkLabel          *accountable_label;
  GtkMenuButton     *options_button;
  GtkButton         *remove_button;
};

G_DEFINE_FINAL_TYPE (CtoAssignmentChip, cto_assignment_chip, GTK_TYPE_GRID)

CtoResponsibility *
cto_assignment_chip_figures_of (CtoAnalysis        *analysis,
                                CtoAnalysis        *as_of,
                                CtoResponsibility  *responsibility,
                                CtoPerson          *person,
                                CtoAnalysis       **figures)
{
  if (as_of != NULL)
    {
      CtoPlan *plan = cto_analysis_get_plan (as_of);
      CtoResponsibility *twin =
        cto_plan_find_responsibility (plan, cto_responsibility_get_id (responsibility));

      if (twin != NULL && cto_plan_find_person (plan, cto_person_get_id (person)) != NULL)
        {
          *figures = as_of;
          return twin;
        }
    }

  *figures = analysis;
  return responsibility;
}

double
cto_assignment_chip_hours_of (CtoAnalysis       *analysis,
                              CtoAnalysis       *as_of,
                              CtoResponsibility *responsibility,
                              CtoPerson         *person)
{
  CtoAnalysis *figures;
  CtoResponsibility *shown =
    cto_assignment_chip_figures_of (analysis, as_of, responsibility, person, &figures);

  return cto_analysis_get_person_hours (figures, shown, cto_person_get_id (person));
}

static void
update (CtoAssignmentChip *self)
{
  CtoAnalysis *analysis;
  CtoResponsibility *shown = cto_assignment_chip_figures_of (self->analysis, self->as_of,
                                                             self->responsibility, self->person,
                                                             &analysis);
  CtoPlan *plan = cto_analysis_get_plan (analysis);
  const char *title = cto_responsibility_get_title (self->responsibility);
  const char *person_id = cto_person_get_id (self->person);
  const char *accountable = cto_responsibility_get_accountable (shown);
  guint n_assignees = cto_responsibility_get_n_assignees (shown);
  double effort = cto_responsibility_get_effort (shown);
  double hours = cto_analysis_get_person_hours (analysis, shown, person_id);
  g_autofree char *hours_text = cto_report_format_decimal (hours);
  g_autofree char *share = NULL;
  g_autofree char *options_label = NULL;
  g_autofree char *remove_label = NULL;

  gtk_label_set_label (self->title_label, title);
  cto_tooltip_set_text (GTK_WIDGET (self->title_label), title);

  if (n_assignees > 1)
    {
      g_autofree char *effort_text = cto_report_format_decimal (effort);
      g_autofree char *percent =
        cto_report_format_percent (cto_responsibility_get_fraction (shown, person_id));

      /* Translators: a shared responsibility on a person's card: "4 of 6 h · 67% share" */
      share = g_strdup_printf (_("%s of %s h · %s share"), hours_text, effort_text, percent);
    }
  else
    {
      /* Translators: a responsibility carried alone: "6 h · alone" */
      share = g_strdup_printf (_("%s h · alone"), hours_text);
    }
  gtk_label_set_label (self->share_label, share);

  gtk_widget_remove_css_class (self->accountable_box, "warning");
  gtk_widget_set_visible (self->accountable_box,
                          cto_assignment_chip_shows_accountable (shown, self->person));
  if (cto_responsibility_is_accountable (shown, person_id))
    {
      gtk_image_set_from_icon_name (self->accountable_icon, "starred-symbolic");
      gtk_label_set_label (self->accountable_label, _("Accountable"));
    }
  else if (accountable != NULL)
    {
      CtoPerson *other = cto_plan_find_person (plan, accountable);
      g_autofree char *text = NULL;

      /* Translators: who is accountable for a shared responsibility */
      text = g_strdup_printf (_("Accountable: %s"), other ? cto_person_get_name (other) : accountable);
      gtk_image_set_from_icon_name (self->accountable_icon, "avatar-default-symbolic");
      gtk_label_set_label (self->accountable_label, text);
    }
  else
    {
      gtk_image_set_from_icon_name (self->accountable_icon, "dialog-warning-symbolic");
      gtk_label_set_label (self->accountable_label, _("No one accountable"));
      gtk_widget_add_css_class (self->accountable_box, "warning");
    }

  /* Translators: accessible name of a button; %s is a responsibility's title */
  options_label = g_strdup_printf (_("Share, accountable or move “%s”"), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->options_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, options_label,
                                  -1);
  /* Translators: accessible name of a button: Unassign “Security” from Ana */
  remove_label = g_strdup_printf (_("Unassign “%s” from %s"), title,
                                  cto_person_get_name (self->person));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->remove_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label,
                                  -1);
}

static void
remove_clicked_cb (CtoAssignmentChip *self)
{
  if (self->responsibility == NULL)
    return;

  gtk_widget_activate_action (GTK_WIDGET (self), "win.unassign", "(ss)",
                              cto_responsibility_get_id (self->responsibility),
                              cto_person_get_id (self->person));
}

static void
create_options_popover_cb (GtkMenuButton *button,
                           gpointer       user_data)
{
  CtoAssignmentChip *self = CTO_ASSIGNMENT_CHIP (user_data);

  if (self->responsibility == NULL)
    return;

  /* A fresh popover each time, so it shows the plan as it is now. */
  gtk_menu_button_set_popover (button,
                               cto_chip_popover_new (self->analysis, self->as_of,
                                                     self->responsibility, self->person));
}

static GdkContentProvider *
drag_prepare_cb (GtkDragSource     *source,
                 double             x,
                 double             y,
                 CtoAssignmentChip *self)
{
  g_autoptr(CtoChip) chip = NULL;

  if (self->responsibility == NULL)
    return NULL;

  chip = cto_chip_new (self->responsibility, self->person);
  return gdk_content_provider_new_typed (CTO_TYPE_CHIP, chip);
}

static void
drag_begin_cb (GtkDragSource     *source,
               GdkDrag           *drag,
               CtoAssignmentChip *self)
{
  GtkWidget *icon = gtk_drag_icon_get_for_drag (drag);
  GtkWidget *label = gtk_label_new (gtk_label_get_label (self->title_label));

  gtk_widget_add_css_class (label, "drag-icon");
  gtk_drag_icon_set_child (GTK_DRAG_ICON (icon), label);
}

static void
cto_assignment_chip_dispose (GObject *object)
{
  CtoAssignmentChip *self = (CtoAssignmentChip *) object;

  g_clear_object (&self->analysis);
  g_clear_object (&self->as_of);
  g_clear_object (&self->responsibility);
  g_clear_object (&self->person);

  G_OBJECT_CLASS (cto_assignment_chip_parent_class)->dispose (object);
}

static void
cto_assignment_chip_class_init (CtoAssignmentChipClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cto_assignment_chip_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/cto-assignment-chip.ui");
  gtk_widget_class_bind_template_child (widget_class, CtoAssignmentChip, title_label);
  gtk_widget_class_bind_template_child (widget_class, CtoAssignmentChip, share_label);
  gtk_widget_class_bind_template_child (widget_class, CtoAssignmentChip, accountable_box);
  gtk_widget_class_bind_template_child (widget_class, CtoAssignmentChip, accountable_icon);
  gtk_widget_class_bind_template_child (widget_class, CtoAssignmentChip, accountable_label);
  gtk_widget_class_bind_template_child (widget_class, CtoAssignmentChip, options_button);
  gtk_widget_class_bind_template_child (widget_class, CtoAssignmentChip, remove_button);
  gtk_widget_class_bind_template_callback (widget_class, remove_clicked_cb);
}

static void
cto_assignment_chip_init (CtoAssignmentChip *self)
{
  GtkDragSource *source;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Set here rather than in the template: a tooltip set from a template
   * asks the display where the pointer is, and a board makes chips by the
   * hundred. */
  cto_tooltip_set_text (GTK_WIDGET (self->options_button), _("Share, Accountable, Move"));
  cto_tooltip_set_text (GTK_WIDGET (self->remove_button), _("Unassign"));
  cto_tooltip_show_cut_text (self->accountable_label);

  gtk_menu_button_set_create_popup_func (self->options_button, create_options_popover_cb,
                                         self, NULL);

  source = gtk_drag_source_new ();
  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE | GDK_ACTION_COPY);
  g_signal_connect (source, "prepare", G_CALLBACK (drag_prepare_cb), self);
  g_signal_connect (source, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (source));
}

void
cto_assignment_chip_popup (CtoAssignmentChip *self)
{
  g_return_if_fail (CTO_IS_ASSIGNMENT_CHIP (self));

  gtk_menu_button_popup (self->options_button);
}

GtkWidget *
cto_assignment_chip_new (void)
{
  return g_object_new (CTO_TYPE_ASSIGNMENT_CHIP, NULL);
}

void
cto_assignment_chip_set (CtoAssignmentChip *self,
                         CtoAnalysis       *analysis,
                         CtoResponsibility *responsibility,
                         CtoPerson         *person,
                         CtoAnalysis       *as_of)
{
  g_return_if_fail (CTO_IS_ASSIGNMENT_CHIP (self));
  g_return_if_fail (CTO_IS_ANALYSIS (analysis));
  g_return_if_fail (CTO_IS_RESPONSIBILITY (responsibility));
  g_return_if_fail (CTO_IS_PERSON (person));
  g_return_if_fail (as_of == NULL || CTO_IS_ANALYSIS (as_of));

  if (self->responsibility != responsibility || self->person != person)
    gtk_menu_button_set_popover (self->options_button, NULL);

  g_set_object (&self->analysis, analysis);
  g_set_object (&self->as_of, as_of);
  g_set_object (&self->responsibility, responsibility);
  g_set_object (&self->person, person);

  update (self);
}

CtoResponsibility *
cto_assignment_chip_get_responsibility (CtoAssignmentChip *self)
{
  g_return_val_if_fail (CTO_IS_ASSIGNMENT_CHIP (self), NULL);

  return self->responsibility;
}

CtoPerson *
cto_assignment_chip_get_person (CtoAssignmentChip *self)
{
  g_return_val_if_fail (CTO_IS_ASSIGNMENT_CHIP (self), NULL);

  return self->person;
}

gboolean
cto_assignment_chip_shows_accountable (CtoResponsibility *responsibility,
                                       CtoPerson         *person)
{
  const char *accountable;
  guint n_assignees;

  g_return_val_if_fail (CTO_IS_RESPONSIBILITY (responsibility), FALSE);
  g_return_val_if_fail (CTO_IS_PERSON (person), FALSE);

  accountable = cto_responsibility_get_accountable (responsibility);
  n_assignees = cto_responsibility_get_n_assignees (responsibility);

  /* Who alone carries it, with no one named accountable, is so plainly. */
  if (cto_responsibility_is_accountable (responsibility, cto_person_get_id (person)))
    return n_assignees > 1 || accountable != NULL;

  return TRUE;
}
