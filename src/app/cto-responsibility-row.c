/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-responsibility-row"

#include "config.h"

#include <glib/gi18n.h>

#include "cto-assign-popover.h"
#include "cto-format.h"
#include "cto-responsibility-row.h"

struct _CtoResponsibilityRow
{
  GtkBox             parent_instance;

  CtoResponsibility *responsibility;
  CtoAnalysis       *analysis;
  gulong             analysis_changed_id;

  GtkLabel          *header_label;
  GtkWidget         *content_box;
  GtkLabel          *title_label;
  GtkWidget         *carriers_box;
  GtkImage          *carriers_icon;
  GtkLabel          *carriers_label;
  GtkLabel          *hours_label;
  GtkMenuButton     *assign_button;
  GtkButton         *edit_button;
};

G_DEFINE_FINAL_TYPE (CtoResponsibilityRow, cto_responsibility_row, GTK_TYPE_BOX)

static void
update (CtoResponsibilityRow *self)
{
  CtoResponsibility *responsibility = self->responsibility;
  CtoPlan *plan = cto_analysis_get_plan (self->analysis);
  guint n_assignees = cto_responsibility_get_n_assignees (responsibility);
  const char *title = cto_responsibility_get_title (responsibility);
  g_autofree char *effort = cto_format_hours (cto_responsibility_get_effort (responsibility));
  g_autofree char *hours = NULL;
  g_autofree char *assign_label = NULL;
  g_autofree char *edit_label = NULL;

  gtk_label_set_label (self->title_label, title);

  /* Translators: hours a week, as in "6 h" */
  hours = g_strdup_printf (_("%s h"), effort);
  gtk_label_set_label (self->hours_label, hours);

  if (n_assignees == 0)
    {
      gtk_image_set_from_icon_name (self->carriers_icon, "dialog-warning-symbolic");
      gtk_label_set_label (self->carriers_label, _("Unassigned"));
      gtk_widget_add_css_class (self->carriers_box, "unassigned");
    }
  else
    {
      g_autoptr(GString) names = g_string_new (NULL);

      for (guint i = 0; i < n_assignees; i++)
        {
          const CtoAssignment *assignment = cto_responsibility_get_assignee (responsibility, i);
          CtoPerson *person = cto_plan_find_person (plan, assignment->person);
          const char *name = person ? cto_person_get_name (person) : assignment->person;

          if (i > 0)
            g_string_append (names, ", ");
          if (assignment->accountable && n_assignees > 1)
            /* Translators: a person's name in the list of who carries a responsibility */
            g_string_append_printf (names, _("%s (accountable)"), name);
          else
            g_string_append (names, name);
        }

      gtk_image_set_from_icon_name (self->carriers_icon,
                                    n_assignees > 1 ? "system-users-symbolic"
                                                    : "avatar-default-symbolic");
      gtk_label_set_label (self->carriers_label, names->str);
      gtk_widget_remove_css_class (self->carriers_box, "unassigned");
    }

  /* Translators: the accessible name of a button; %s is a responsibility's title */
  assign_label = g_strdup_printf (_("Assign “%s” to…"), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->assign_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, assign_label,
                                  -1);
  /* Translators: the accessible name of a button; %s is a responsibility's title */
  edit_label = g_strdup_printf (_("Edit “%s”"), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->edit_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, edit_label,
                                  -1);
}

static void
analysis_changed_cb (CtoResponsibilityRow *self)
{
  update (self);
}

static void
create_assign_popover_cb (GtkMenuButton *button,
                          gpointer       user_data)
{
  CtoResponsibilityRow *self = CTO_RESPONSIBILITY_ROW (user_data);

  if (self->responsibility == NULL || gtk_menu_button_get_popover (button) != NULL)
    return;

  gtk_menu_button_set_popover (button,
                               cto_assign_popover_new (cto_analysis_get_plan (self->analysis),
                                                       self->responsibility));
}

static GdkContentProvider *
drag_prepare_cb (GtkDragSource        *source,
                 double                x,
                 double                y,
                 CtoResponsibilityRow *self)
{
  if (self->responsibility == NULL)
    return NULL;

  return gdk_content_provider_new_typed (CTO_TYPE_RESPONSIBILITY, self->responsibility);
}

static void
drag_begin_cb (GtkDragSource        *source,
               GdkDrag              *drag,
               CtoResponsibilityRow *self)
{
  GtkWidget *icon = gtk_drag_icon_get_for_drag (drag);
  GtkWidget *label = gtk_label_new (gtk_label_get_label (self->title_label));

  gtk_widget_add_css_class (label, "drag-icon");
  gtk_drag_icon_set_child (GTK_DRAG_ICON (icon), label);
}

static void
cto_responsibility_row_dispose (GObject *object)
{
  CtoResponsibilityRow *self = (CtoResponsibilityRow *) object;

  cto_responsibility_row_unbind (self);

  G_OBJECT_CLASS (cto_responsibility_row_parent_class)->dispose (object);
}

static void
cto_responsibility_row_class_init (CtoResponsibilityRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cto_responsibility_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/cto-responsibility-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CtoResponsibilityRow, header_label);
  gtk_widget_class_bind_template_child (widget_class, CtoResponsibilityRow, content_box);
  gtk_widget_class_bind_template_child (widget_class, CtoResponsibilityRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, CtoResponsibilityRow, carriers_box);
  gtk_widget_class_bind_template_child (widget_class, CtoResponsibilityRow, carriers_icon);
  gtk_widget_class_bind_template_child (widget_class, CtoResponsibilityRow, carriers_label);
  gtk_widget_class_bind_template_child (widget_class, CtoResponsibilityRow, hours_label);
  gtk_widget_class_bind_template_child (widget_class, CtoResponsibilityRow, assign_button);
  gtk_widget_class_bind_template_child (widget_class, CtoResponsibilityRow, edit_button);
}

static void
cto_responsibility_row_init (CtoResponsibilityRow *self)
{
  GtkDragSource *source;

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_menu_button_set_create_popup_func (self->assign_button, create_assign_popover_cb,
                                         self, NULL);

  source = gtk_drag_source_new ();
  gtk_drag_source_set_actions (source, GDK_ACTION_COPY);
  g_signal_connect (source, "prepare", G_CALLBACK (drag_prepare_cb), self);
  g_signal_connect (source, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  gtk_widget_add_controller (self->content_box, GTK_EVENT_CONTROLLER (source));
}

GtkWidget *
cto_responsibility_row_new (void)
{
  return g_object_new (CTO_TYPE_RESPONSIBILITY_ROW, NULL);
}

void
cto_responsibility_row_bind (CtoResponsibilityRow *self,
                             CtoResponsibility    *responsibility,
                             CtoAnalysis          *analysis)
{
  g_return_if_fail (CTO_IS_RESPONSIBILITY_ROW (self));
  g_return_if_fail (CTO_IS_RESPONSIBILITY (responsibility));
  g_return_if_fail (CTO_IS_ANALYSIS (analysis));

  cto_responsibility_row_unbind (self);

  self->responsibility = g_object_ref (responsibility);
  self->analysis = g_object_ref (analysis);
  self->analysis_changed_id =
    g_signal_connect_swapped (analysis, "changed", G_CALLBACK (analysis_changed_cb), self);

  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->edit_button), "s",
                                    cto_responsibility_get_id (responsibility));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->edit_button),
                                  "win.edit-responsibility");
  update (self);
}

void
cto_responsibility_row_unbind (CtoResponsibilityRow *self)
{
  g_return_if_fail (CTO_IS_RESPONSIBILITY_ROW (self));

  if (self->assign_button != NULL)
    gtk_menu_button_set_popover (self->assign_button, NULL);
  g_clear_signal_handler (&self->analysis_changed_id, self->analysis);
  g_clear_object (&self->analysis);
  g_clear_object (&self->responsibility);
}

CtoResponsibility *
cto_responsibility_row_get_responsibility (CtoResponsibilityRow *self)
{
  g_return_val_if_fail (CTO_IS_RESPONSIBILITY_ROW (self), NULL);

  return self->responsibility;
}

void
cto_responsibility_row_set_header (CtoResponsibilityRow *self,
                                   const char           *header)
{
  g_return_if_fail (CTO_IS_RESPONSIBILITY_ROW (self));

  gtk_widget_set_visible (GTK_WIDGET (self->header_label), header != NULL);
  if (header != NULL)
    gtk_label_set_label (self->header_label, header);
}
