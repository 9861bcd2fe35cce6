/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-org-node"

#include "config.h"

#include <glib/gi18n.h>

#include "cto-manager-picker.h"
#include "cto-org-node.h"
#include "cto-report-format.h"
#include "cto-tooltip.h"

struct _CtoOrgNode
{
  GtkWidget      parent_instance;

  CtoAnalysis   *analysis;
  CtoAnalysis   *as_of;      /* of the plan as of the day shown, or NULL */
  CtoPerson     *person;
  GSimpleAction *reports_to_action;

  GtkWidget     *popover;

  GtkButton     *button;
  GtkLabel      *name_label;
  GtkWidget     *open_role_label;
  GtkLabel      *role_label;
  GtkLabel      *functions_label;
  GtkWidget     *overload_box;
  GtkWidget     *status_box;
};

G_DEFINE_FINAL_TYPE (CtoOrgNode, cto_org_node, GTK_TYPE_WIDGET)

static CtoPlan *
get_plan (CtoOrgNode *self)
{
  return self->analysis ? cto_analysis_get_plan (self->analysis) : NULL;
}

static char *
dup_functions_text (const CtoPersonReport *report,
                    const char            *separator)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint f = 0; report != NULL && f < CTO_N_FUNCTIONS; f++)
    {
      if (report->function_load[f] > 0)
        g_ptr_array_add (names, (gpointer) cto_function_get_name ((CtoFunction) f));
    }

  if (names->len == 0)
    return NULL;

  g_ptr_array_add (names, NULL);
  return g_strjoinv (separator, (char **) names->pdata);
}

static void
update (CtoOrgNode *self)
{
  CtoPlan *plan = get_plan (self);
  g_autofree char *absence = NULL;
  const CtoPersonReport *report =
    cto_report_person_as_of (self->analysis, self->as_of, self->person, &absence);
  const char *name = cto_person_get_name (self->person);
  const char *role = cto_person_get_role (self->person);
  const char *manager_id = cto_person_get_reports_to (self->person);
  CtoPerson *manager = manager_id ? cto_plan_find_person (plan, manager_id) : NULL;
  gboolean open_role = cto_person_get_open_role (self->person);
  gboolean overloaded = report != NULL && report->overloaded;
  g_autofree char *functions = dup_functions_text (report, " · ");
  g_autofree char *functions_spoken = dup_functions_text (report, ", ");
  g_autoptr(GString) accessible = g_string_new (name);

  gtk_label_set_label (self->name_label, name);
  gtk_label_set_label (self->role_label, role);
  gtk_widget_set_visible (GTK_WIDGET (self->role_label), role != NULL && role[0] != '\0');
  gtk_widget_set_visible (self->open_role_label, open_role);
  gtk_widget_set_visible (self->overload_box, overloaded);
  gtk_widget_set_visible (self->status_box, open_role || overloaded);
  if (absence != NULL)
    gtk_label_set_label (self->functions_label, absence);
  else
    gtk_label_set_label (self->functions_label, functions ? functions : _("Carries nothing"));
  cto_tooltip_set_text (GTK_WIDGET (self->functions_label), absence ? absence : functions);
  gtk_widget_set_opacity (GTK_WIDGET (self), absence != NULL ? 0.55 : 1.0);

  if (open_role)
    gtk_widget_add_css_class (GTK_WIDGET (self), "open-role");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "open-role");

  /* What a screen reader says of the box: everything it shows, in words. */
  if (role != NULL && role[0] != '\0')
    g_string_append_printf (accessible, ", %s", role);
  g_string_append (accessible, ". ");
  if (open_role)
    g_string_append_printf (accessible, "%s. ", _("Open role"));
  if (manager != NULL)
    /* Translators: part of the accessible name of a box of the org chart */
    g_string_append_printf (accessible, _("Reports to %s."), cto_person_get_name (manager));
  else
    g_string_append (accessible, _("Reports to no one."));
  g_string_append (accessible, " ");
  if (absence != NULL)
    g_string_append_printf (accessible, "%s.", absence);
  else if (functions_spoken != NULL)
    /* Translators: part of the accessible name of a box of the org chart */
    g_string_append_printf (accessible, _("Carries %s."), functions_spoken);
  else
    g_string_append_printf (accessible, "%s.", _("Carries nothing"));
  if (overloaded)
    g_string_append_printf (accessible, " %s.", _("Overloaded"));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible->str,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Opens the choice of whom they report to"),
                                  GTK_ACCESSIBLE_PROPERTY_HAS_POPUP, TRUE,
                                  -1);

  g_simple_action_set_state (self->reports_to_action,
                             g_variant_new_string (manager_id ? manager_id : ""));
}

static void
reports_to_activate_cb (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  CtoOrgNode *self = CTO_ORG_NODE (user_data);

  if (self->person == NULL)
    return;

  gtk_widget_activate_action (GTK_WIDGET (self), "win.set-reports-to", "(ss)",
                              cto_person_get_id (self->person),
                              g_variant_get_string (parameter, NULL));
}

static void
button_clicked_cb (CtoOrgNode *self)
{
  cto_org_node_popup (self);
}

static GdkContentProvider *
drag_prepare_cb (GtkDragSource *source,
                 double         x,
                 double         y,
                 CtoOrgNode    *self)
{
  if (self->person == NULL)
    return NULL;

  return gdk_content_provider_new_typed (CTO_TYPE_PERSON, self->person);
}

static void
drag_begin_cb (GtkDragSource *source,
               GdkDrag       *drag,
               CtoOrgNode    *self)
{
  GtkWidget *icon = gtk_drag_icon_get_for_drag (drag);
  GtkWidget *label = gtk_label_new (gtk_label_get_label (self->name_label));

  gtk_widget_add_css_class (label, "drag-icon");
  gtk_drag_icon_set_child (GTK_DRAG_ICON (icon), label);
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         CtoOrgNode    *self)
{
  CtoPerson *person;
  CtoPlan *plan = get_plan (self);

  if (self->person == NULL || !G_VALUE_HOLDS (value, CTO_TYPE_PERSON))
    return FALSE;

  person = g_value_get_object (value);
  /* Only people of this plan; a drag may come from another window. */
  if (person == NULL || person == self->person ||
      cto_plan_find_person (plan, cto_person_get_id (person)) != person)
    return FALSE;
  /* Nothing would change. */
  if (g_strcmp0 (cto_person_get_reports_to (person), cto_person_get_id (self->person)) == 0)
    return FALSE;

  gtk_widget_activate_action (GTK_WIDGET (self), "win.set-reports-to", "(ss)",
                              cto_person_get_id (person), cto_person_get_id (self->person));

  return g_strcmp0 (cto_person_get_reports_to (person), cto_person_get_id (self->person)) == 0;
}

static gboolean
cto_org_node_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (CTO_ORG_NODE (widget)->button));
}

static void
cto_org_node_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  gtk_widget_measure (GTK_WIDGET (CTO_ORG_NODE (widget)->button), orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static GtkSizeRequestMode
cto_org_node_get_request_mode (GtkWidget *widget)
{
  return gtk_widget_get_request_mode (GTK_WIDGET (CTO_ORG_NODE (widget)->button));
}

static void
cto_org_node_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  CtoOrgNode *self = CTO_ORG_NODE (widget);

  gtk_widget_allocate (GTK_WIDGET (self->button), width, height, baseline, NULL);
  gtk_popover_present (GTK_POPOVER (self->popover));
}

static void
cto_org_node_dispose (GObject *object)
{
  CtoOrgNode *self = (CtoOrgNode *) object;

  g_clear_object (&self->analysis);
  g_clear_object (&self->as_of);
  g_clear_object (&self->person);
  g_clear_pointer (&self->popover, gtk_widget_unparent);

  gtk_widget_dispose_template (GTK_WIDGET (self), CTO_TYPE_ORG_NODE);

  G_OBJECT_CLASS (cto_org_node_parent_class)->dispose (object);
}

static void
cto_org_node_finalize (GObject *object)
{
  CtoOrgNode *self = (CtoOrgNode *) object;

  g_clear_object (&self->reports_to_action);

  G_OBJECT_CLASS (cto_org_node_parent_class)->finalize (object);
}

static void
cto_org_node_class_init (CtoOrgNodeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cto_org_node_dispose;
  object_class->finalize = cto_org_node_finalize;
  widget_class->grab_focus = cto_org_node_grab_focus;
  widget_class->measure = cto_org_node_measure;
  widget_class->get_request_mode = cto_org_node_get_request_mode;
  widget_class->size_allocate = cto_org_node_size_allocate;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/cto-org-node.ui");
  gtk_widget_class_bind_template_child (widget_class, CtoOrgNode, button);
  gtk_widget_class_bind_template_child (widget_class, CtoOrgNode, name_label);
  gtk_widget_class_bind_template_child (widget_class, CtoOrgNode, open_role_label);
  gtk_widget_class_bind_template_child (widget_class, CtoOrgNode, role_label);
  gtk_widget_class_bind_template_child (widget_class, CtoOrgNode, functions_label);
  gtk_widget_class_bind_template_child (widget_class, CtoOrgNode, overload_box);
  gtk_widget_class_bind_template_child (widget_class, CtoOrgNode, status_box);
  gtk_widget_class_bind_template_callback (widget_class, button_clicked_cb);
}

static void
cto_org_node_init (CtoOrgNode *self)
{
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  GtkDragSource *source;
  GtkDropTarget *target;

  gtk_widget_init_template (GTK_WIDGET (self));
  cto_tooltip_show_cut_text (self->name_label);
  cto_tooltip_show_cut_text (self->role_label);

  self->popover = cto_manager_picker_new ();
  gtk_popover_set_position (GTK_POPOVER (self->popover), GTK_POS_BOTTOM);
  gtk_widget_set_parent (self->popover, GTK_WIDGET (self));

  /* Stateful, so that the menu marks whom the person reports to now. */
  self->reports_to_action = g_simple_action_new_stateful ("reports-to", G_VARIANT_TYPE_STRING,
                                                          g_variant_new_string (""));
  g_signal_connect (self->reports_to_action, "activate",
                    G_CALLBACK (reports_to_activate_cb), self);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (self->reports_to_action));
  gtk_widget_insert_action_group (GTK_WIDGET (self), "node", G_ACTION_GROUP (group));

  source = gtk_drag_source_new ();
  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (drag_prepare_cb), self);
  g_signal_connect (source, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (source));

  target = gtk_drop_target_new (CTO_TYPE_PERSON, GDK_ACTION_MOVE);
  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

GtkWidget *
cto_org_node_new (void)
{
  return g_object_new (CTO_TYPE_ORG_NODE, NULL);
}

void
cto_org_node_set (CtoOrgNode  *self,
                  CtoAnalysis *analysis,
                  CtoPerson   *person)
{
  g_return_if_fail (CTO_IS_ORG_NODE (self));
  g_return_if_fail (CTO_IS_ANALYSIS (analysis));
  g_return_if_fail (CTO_IS_PERSON (person));

  g_set_object (&self->analysis, analysis);
  g_set_object (&self->person, person);

  update (self);
}

void
cto_org_node_set_as_of (CtoOrgNode  *self,
                        CtoAnalysis *as_of)
{
  g_return_if_fail (CTO_IS_ORG_NODE (self));
  g_return_if_fail (as_of == NULL || CTO_IS_ANALYSIS (as_of));

  if (!g_set_object (&self->as_of, as_of) || self->person == NULL)
    return;

  update (self);
}

CtoPerson *
cto_org_node_get_person (CtoOrgNode *self)
{
  g_return_val_if_fail (CTO_IS_ORG_NODE (self), NULL);

  return self->person;
}

void
cto_org_node_popup (CtoOrgNode *self)
{
  g_autoptr(GMenuModel) menu = NULL;

  g_return_if_fail (CTO_IS_ORG_NODE (self));

  if (self->person == NULL)
    return;

  /* Built as it opens, so it lists the plan as it is now. */
  menu = cto_org_node_build_menu (self);
  cto_manager_picker_set_menu (CTO_MANAGER_PICKER (self->popover), menu,
                               cto_person_get_reports_to (self->person) ?
                               cto_person_get_reports_to (self->person) : "");
  gtk_widget_grab_focus (GTK_WIDGET (self->button));
  gtk_popover_popup (GTK_POPOVER (self->popover));
}

GMenuModel *
cto_org_node_build_menu (CtoOrgNode *self)
{
  g_autoptr(GMenu) menu = NULL;
  g_autoptr(GMenu) edit_section = g_menu_new ();
  g_autoptr(GMenuItem) edit = g_menu_item_new (_("_Edit Person…"), NULL);

  g_return_val_if_fail (CTO_IS_ORG_NODE (self), NULL);
  g_return_val_if_fail (self->person != NULL, NULL);

  menu = cto_manager_picker_build_menu (get_plan (self), self->person, "node.reports-to");
  g_menu_item_set_action_and_target (edit, "win.edit-person", "s", cto_person_get_id (self->person));
  g_menu_append_item (edit_section, edit);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (edit_section));

  return G_MENU_MODEL (g_steal_pointer (&menu));
}
