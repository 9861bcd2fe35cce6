/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-chip-popover"

#include "config.h"

#include <glib/gi18n.h>

#include "cto-chip-popover.h"

struct _CtoChipPopover
{
  GtkPopover         parent_instance;

  CtoPlan           *plan;
  CtoResponsibility *responsibility;
  CtoPerson         *person;

  GtkLabel          *heading_label;
  GtkSpinButton     *share_spin;
  GtkCheckButton    *accountable_check;
  GtkDropDown       *move_dropdown;
  GtkButton         *move_button;

  double             shown_share;
};

G_DEFINE_FINAL_TYPE (CtoChipPopover, cto_chip_popover, GTK_TYPE_POPOVER)

static void
set_share_cb (CtoChipPopover *self)
{
  gtk_spin_button_update (self->share_spin);
  gtk_popover_popdown (GTK_POPOVER (self));

  /* The field rounds to two decimals: an untouched value stays exact. */
  if (gtk_spin_button_get_value (self->share_spin) == self->shown_share)
    return;

  gtk_widget_activate_action (GTK_WIDGET (self), "win.set-share", "(ssd)",
                              cto_responsibility_get_id (self->responsibility),
                              cto_person_get_id (self->person),
                              gtk_spin_button_get_value (self->share_spin));
}

static void
accountable_toggled_cb (CtoChipPopover *self)
{
  gboolean active = gtk_check_button_get_active (self->accountable_check);

  gtk_widget_activate_action (GTK_WIDGET (self), "win.set-accountable", "(ss)",
                              cto_responsibility_get_id (self->responsibility),
                              active ? cto_person_get_id (self->person) : "");
}

static void
move_cb (CtoChipPopover *self)
{
  CtoPerson *to = gtk_drop_down_get_selected_item (self->move_dropdown);

  if (to == NULL)
    return;

  gtk_popover_popdown (GTK_POPOVER (self));
  gtk_widget_activate_action (GTK_WIDGET (self), "win.move-assignment", "(sss)",
                              cto_responsibility_get_id (self->responsibility),
                              cto_person_get_id (self->person),
                              cto_person_get_id (to));
}

static void
unassign_cb (CtoChipPopover *self)
{
  gtk_popover_popdown (GTK_POPOVER (self));
  gtk_widget_activate_action (GTK_WIDGET (self), "win.unassign", "(ss)",
                              cto_responsibility_get_id (self->responsibility),
                              cto_person_get_id (self->person));
}

static void
selected_changed_cb (CtoChipPopover *self)
{
  CtoPerson *to = gtk_drop_down_get_selected_item (self->move_dropdown);

  gtk_widget_set_sensitive (GTK_WIDGET (self->move_button), to != NULL && to != self->person);
}

static void
cto_chip_popover_finalize (GObject *object)
{
  CtoChipPopover *self = (CtoChipPopover *) object;

  g_clear_object (&self->plan);
  g_clear_object (&self->responsibility);
  g_clear_object (&self->person);

  G_OBJECT_CLASS (cto_chip_popover_parent_class)->finalize (object);
}

static void
cto_chip_popover_class_init (CtoChipPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = cto_chip_popover_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/cto-chip-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, CtoChipPopover, heading_label);
  gtk_widget_class_bind_template_child (widget_class, CtoChipPopover, share_spin);
  gtk_widget_class_bind_template_child (widget_class, CtoChipPopover, accountable_check);
  gtk_widget_class_bind_template_child (widget_class, CtoChipPopover, move_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CtoChipPopover, move_button);
  gtk_widget_class_bind_template_callback (widget_class, set_share_cb);
  gtk_widget_class_bind_template_callback (widget_class, accountable_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, move_cb);
  gtk_widget_class_bind_template_callback (widget_class, unassign_cb);
}

static void
cto_chip_popover_init (CtoChipPopover *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
cto_chip_popover_new (CtoPlan           *plan,
                      CtoResponsibility *responsibility,
                      CtoPerson         *person)
{
  CtoChipPopover *self;
  const CtoAssignment *assignment;
  g_autoptr(GtkExpression) name = NULL;
  g_autofree char *heading = NULL;

  g_return_val_if_fail (CTO_IS_PLAN (plan), NULL);
  g_return_val_if_fail (CTO_IS_RESPONSIBILITY (responsibility), NULL);
  g_return_val_if_fail (CTO_IS_PERSON (person), NULL);

  self = g_object_new (CTO_TYPE_CHIP_POPOVER, NULL);
  name = gtk_property_expression_new (CTO_TYPE_PERSON, NULL, "name");
  self->plan = g_object_ref (plan);
  self->responsibility = g_object_ref (responsibility);
  self->person = g_object_ref (person);

  /* Translators: heading of a chip's popover: “Security” carried by Ana */
  heading = g_strdup_printf (_("“%s” carried by %s"),
                             cto_responsibility_get_title (responsibility),
                             cto_person_get_name (person));
  gtk_label_set_label (self->heading_label, heading);

  assignment = cto_responsibility_find_assignee (responsibility, cto_person_get_id (person), NULL);
  if (assignment != NULL)
    {
      gtk_spin_button_set_value (self->share_spin, assignment->share);
      gtk_spin_button_update (self->share_spin);
      g_signal_handlers_block_by_func (self->accountable_check, accountable_toggled_cb, self);
      gtk_check_button_set_active (self->accountable_check, assignment->accountable);
      g_signal_handlers_unblock_by_func (self->accountable_check, accountable_toggled_cb, self);
    }

  self->shown_share = gtk_spin_button_get_value (self->share_spin);
  gtk_drop_down_set_expression (self->move_dropdown, name);
  gtk_drop_down_set_model (self->move_dropdown, cto_plan_get_people (plan));
  /* Someone else to begin with: the first person who does not carry it. */
  gtk_drop_down_set_selected (self->move_dropdown, GTK_INVALID_LIST_POSITION);
  for (guint i = 0; i < g_list_model_get_n_items (cto_plan_get_people (plan)); i++)
    {
      g_autoptr(CtoPerson) other = g_list_model_get_item (cto_plan_get_people (plan), i);

      if (cto_responsibility_find_assignee (responsibility, cto_person_get_id (other), NULL) == NULL)
        {
          gtk_drop_down_set_selected (self->move_dropdown, i);
          break;
        }
    }
  g_signal_connect_swapped (self->move_dropdown, "notify::selected",
                            G_CALLBACK (selected_changed_cb), self);
  selected_changed_cb (self);

  return GTK_WIDGET (self);
}
