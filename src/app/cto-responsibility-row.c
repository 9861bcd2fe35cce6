/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-responsibility-row"

#include "config.h"

#include <glib/gi18n.h>

#include "cto-assign-popover.h"
#include "cto-report-format.h"
#include "cto-responsibility-row.h"
#include "cto-tooltip.h"

/* What a row shows of its responsibility: made once the row comes into view. */
#define CTO_TYPE_RESPONSIBILITY_ROW_CONTENT (cto_responsibility_row_content_get_type ())
G_DECLARE_FINAL_TYPE (CtoResponsibilityRowContent, cto_responsibility_row_content,
                      CTO, RESPONSIBILITY_ROW_CONTENT, GtkGrid)

struct _CtoResponsibilityRowContent
{
  GtkGrid        parent_instance;

  GtkLabel      *title_label;
  GtkWidget     *carriers_box;
  GtkImage      *carriers_icon;
  GtkLabel      *carriers_label;
  GtkLabel      *hours_label;
  GtkMenuButton *assign_button;
  GtkButton     *edit_button;
  GMenuModel    *row_menu;
  GtkWidget     *menu;          /* the row's menu, made when first asked for */
};

G_DEFINE_FINAL_TYPE (CtoResponsibilityRowContent, cto_responsibility_row_content, GTK_TYPE_GRID)

struct _CtoResponsibilityRow
{
  GtkBox                       parent_instance;

  CtoResponsibility           *responsibility;
  CtoAnalysis                 *analysis;
  gulong                       analysis_changed_id;
  CtoAnalysis                 *as_of;           /* of the plan as of a day, or NULL */
  gboolean                     details_shown;
  gint64                       details_frame;   /* the frame they were first laid out in */

  GtkLabel                    *header_label;
  GtkWidget                   *placeholder;
  CtoResponsibilityRowContent *content;     /* NULL until first shown */
};

G_DEFINE_FINAL_TYPE (CtoResponsibilityRow, cto_responsibility_row, GTK_TYPE_BOX)

/* The height of a row's content, the same for every row: what a row whose
 * details wait takes instead. 0 until a row has shown its details. */
static int content_height;

/* Who carries @responsibility, in words: "Ravi Menon (accountable), Bo Lin". */
static char *
describe_carriers (CtoPlan           *plan,
                   CtoResponsibility *responsibility)
{
  guint n_assignees = cto_responsibility_get_n_assignees (responsibility);
  GString *names = g_string_new (NULL);

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

  return g_string_free (names, FALSE);
}

/* The responsibility as the row shows who carries it, and the plan they
 * are in: as of the day shown (its twin there), or the whole plan's. */
static CtoResponsibility *
shown_responsibility (CtoResponsibilityRow  *self,
                      CtoPlan              **plan)
{
  if (self->as_of != NULL)
    {
      CtoPlan *as_of = cto_analysis_get_plan (self->as_of);
      CtoResponsibility *twin =
        cto_plan_find_responsibility (as_of, cto_responsibility_get_id (self->responsibility));

      if (twin != NULL)
        {
          *plan = as_of;
          return twin;
        }
    }

  *plan = cto_analysis_get_plan (self->analysis);
  return self->responsibility;
}

/*
 * The list's row (the list item that holds this row, which is what arrow
 * keys focus) is named for a screen reader: title, function, who carries
 * it and its hours; its description says how to reach its actions.
 */
static void
update_accessible (CtoResponsibilityRow *self)
{
  GtkWidget *item = gtk_widget_get_parent (GTK_WIDGET (self));
  CtoResponsibility *responsibility = self->responsibility;
  CtoResponsibility *shown;
  CtoPlan *plan;
  g_autofree char *effort = NULL;
  g_autofree char *carriers = NULL;
  g_autofree char *name = NULL;

  if (item == NULL || responsibility == NULL || self->analysis == NULL)
    return;

  effort = cto_report_format_decimal (cto_responsibility_get_effort (responsibility));
  shown = shown_responsibility (self, &plan);
  carriers = describe_carriers (plan, shown);
  if (carriers[0] == '\0')
    /* Translators: accessible name of a row: title, function, hours: "Security, Infrastructure, unassigned, 6 h a week" */
    name = g_strdup_printf (_("%s, %s, unassigned, %s h a week"),
                            cto_responsibility_get_title (responsibility),
                            cto_function_get_name (cto_responsibility_get_function (responsibility)),
                            effort);
  else
    /* Translators: accessible name of a row: title, function, who, hours: "Security, Infrastructure, carried by Ana, 6 h a week" */
    name = g_strdup_printf (_("%s, %s, carried by %s, %s h a week"),
                            cto_responsibility_get_title (responsibility),
                            cto_function_get_name (cto_responsibility_get_function (responsibility)),
                            carriers, effort);

  gtk_accessible_update_property (GTK_ACCESSIBLE (item),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Enter edits it; the Menu key or Shift+F10 opens its actions"),
                                  -1);
}

/* The carriers' tooltip: who carries it, whole; as of a day when that is
 * not who carries it in the whole plan, who does there too. */
static void
update_carriers_tooltip (CtoResponsibilityRow *self,
                         CtoResponsibility    *shown,
                         const char           *names)
{
  GtkWidget *label = GTK_WIDGET (self->content->carriers_label);
  g_autofree char *whole = NULL;
  g_autofree char *text = NULL;

  if (shown != self->responsibility)
    whole = describe_carriers (cto_analysis_get_plan (self->analysis), self->responsibility);

  if (whole == NULL || g_str_equal (whole, names))
    {
      cto_tooltip_set_text (label, names[0] != '\0' ? names : NULL);
      return;
    }

  /* A day's plan has fewer people, never more: who carries it then also
   * carries it in the whole plan. */
  if (names[0] == '\0')
    /* Translators: tooltip of a responsibility nobody carries on the day shown; %s: who carries it in the whole plan */
    text = g_strdup_printf (_("Nobody on the day shown; in the whole plan: %s"), whole);
  else
    /* Translators: tooltip of who carries a responsibility on the day shown (first %s), and in the whole plan (second %s) */
    text = g_strdup_printf (_("%s on the day shown; in the whole plan: %s"), names, whole);
  cto_tooltip_set_text (label, text);
}

static void
update (CtoResponsibilityRow *self)
{
  CtoResponsibilityRowContent *content = self->content;
  CtoResponsibility *responsibility = self->responsibility;
  CtoPlan *plan;
  /* Who carries it on the day shown; what it is, the plan's own. */
  CtoResponsibility *shown = shown_responsibility (self, &plan);
  guint n_assignees = cto_responsibility_get_n_assignees (shown);
  const char *title = cto_responsibility_get_title (responsibility);
  g_autofree char *effort = cto_report_format_decimal (cto_responsibility_get_effort (responsibility));
  g_autofree char *names = describe_carriers (plan, shown);
  g_autofree char *hours = NULL;
  g_autofree char *assign_label = NULL;
  g_autofree char *edit_label = NULL;

  gtk_label_set_label (content->title_label, title);
  cto_tooltip_set_text (GTK_WIDGET (content->title_label), title);

  /* Translators: hours a week, as in "6 h" */
  hours = g_strdup_printf (_("%s h"), effort);
  gtk_label_set_label (content->hours_label, hours);

  if (n_assignees == 0)
    {
      gtk_image_set_from_icon_name (content->carriers_icon, "dialog-warning-symbolic");
      gtk_label_set_label (content->carriers_label, _("Unassigned"));
      gtk_widget_add_css_class (content->carriers_box, "unassigned");
    }
  else
    {
      gtk_image_set_from_icon_name (content->carriers_icon,
                                    n_assignees > 1 ? "system-users-symbolic"
                                                    : "avatar-default-symbolic");
      gtk_label_set_label (content->carriers_label, names);
      gtk_widget_remove_css_class (content->carriers_box, "unassigned");
    }
  update_carriers_tooltip (self, shown, names);

  /* Translators: the accessible name of a button; %s is a responsibility's title */
  assign_label = g_strdup_printf (_("Assign “%s” to…"), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (content->assign_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, assign_label,
                                  -1);
  /* Translators: the accessible name of a button; %s is a responsibility's title */
  edit_label = g_strdup_printf (_("Edit “%s”"), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (content->edit_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, edit_label,
                                  -1);
}

/* The content shows the responsibility, or waits hidden while the
 * placeholder keeps the row's height. */
static void
update_shown (CtoResponsibilityRow *self)
{
  if (self->content != NULL)
    gtk_widget_set_visible (GTK_WIDGET (self->content), self->details_shown);
  gtk_widget_set_visible (self->placeholder, !self->details_shown);
  if (!self->details_shown)
    gtk_widget_set_size_request (self->placeholder, -1, content_height);
}

static void
analysis_changed_cb (CtoResponsibilityRow *self)
{
  GPtrArray *changed = cto_analysis_get_changed_responsibilities (self->analysis);

  /* As of a day, the row is shown again when the window hands it that
   * day's analysis, made anew after every change. */
  if (self->as_of != NULL)
    return;

  /* After an edit of who carries some responsibilities, only their rows. */
  if (changed != NULL && !g_ptr_array_find (changed, self->responsibility, NULL))
    return;

  update_accessible (self);
  if (self->details_shown)
    update (self);
}

static CtoResponsibilityRow *
row_of_content (gpointer content)
{
  return CTO_RESPONSIBILITY_ROW (gtk_widget_get_parent (GTK_WIDGET (content)));
}

static void
create_assign_popover_cb (GtkMenuButton *button,
                          gpointer       user_data)
{
  CtoResponsibilityRow *self = row_of_content (user_data);

  if (self->responsibility == NULL || gtk_menu_button_get_popover (button) != NULL)
    return;

  gtk_menu_button_set_popover (button,
                               cto_assign_popover_new (self->analysis, self->as_of,
                                                       self->responsibility));
}

static GdkContentProvider *
drag_prepare_cb (GtkDragSource               *source,
                 double                       x,
                 double                       y,
                 CtoResponsibilityRowContent *content)
{
  CtoResponsibilityRow *self = row_of_content (content);

  if (self->responsibility == NULL)
    return NULL;

  return gdk_content_provider_new_typed (CTO_TYPE_RESPONSIBILITY, self->responsibility);
}

static void
drag_begin_cb (GtkDragSource               *source,
               GdkDrag                     *drag,
               CtoResponsibilityRowContent *content)
{
  GtkWidget *icon = gtk_drag_icon_get_for_drag (drag);
  GtkWidget *label = gtk_label_new (gtk_label_get_label (content->title_label));

  gtk_widget_add_css_class (label, "drag-icon");
  gtk_drag_icon_set_child (GTK_DRAG_ICON (icon), label);
}

static void
assign_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CtoResponsibilityRowContent *content = CTO_RESPONSIBILITY_ROW_CONTENT (widget);

  gtk_menu_button_popup (content->assign_button);
}

static void
window_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CtoResponsibilityRow *self = row_of_content (widget);

  if (self->responsibility == NULL)
    return;

  gtk_widget_activate_action (widget,
                              g_str_equal (action_name, "row.edit") ? "win.edit-responsibility"
                                                                    : "win.delete-responsibility",
                              "s", cto_responsibility_get_id (self->responsibility));
}

static void
popup_menu (CtoResponsibilityRowContent *content,
            double                       x,
            double                       y)
{
  if (content->menu == NULL)
    {
      content->menu = gtk_popover_menu_new_from_model (content->row_menu);
      gtk_widget_set_parent (content->menu, GTK_WIDGET (content));
      gtk_popover_set_has_arrow (GTK_POPOVER (content->menu), FALSE);
    }

  if (x >= 0 && y >= 0)
    gtk_popover_set_pointing_to (GTK_POPOVER (content->menu),
                                 &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  else
    gtk_popover_set_pointing_to (GTK_POPOVER (content->menu), NULL);
  gtk_popover_popup (GTK_POPOVER (content->menu));
}

static void
context_pressed_cb (GtkGestureClick             *gesture,
                    int                          n_press,
                    double                       x,
                    double                       y,
                    CtoResponsibilityRowContent *content)
{
  popup_menu (content, x, y);
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
cto_responsibility_row_content_dispose (GObject *object)
{
  CtoResponsibilityRowContent *content = CTO_RESPONSIBILITY_ROW_CONTENT (object);

  g_clear_pointer (&content->menu, gtk_widget_unparent);
  gtk_widget_dispose_template (GTK_WIDGET (object), CTO_TYPE_RESPONSIBILITY_ROW_CONTENT);

  G_OBJECT_CLASS (cto_responsibility_row_content_parent_class)->dispose (object);
}

static void
cto_responsibility_row_content_class_init (CtoResponsibilityRowContentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cto_responsibility_row_content_dispose;
  gtk_widget_class_install_action (widget_class, "row.assign", NULL, assign_action);
  gtk_widget_class_install_action (widget_class, "row.edit", NULL, window_action);
  gtk_widget_class_install_action (widget_class, "row.delete", NULL, window_action);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/cto-responsibility-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CtoResponsibilityRowContent, title_label);
  gtk_widget_class_bind_template_child (widget_class, CtoResponsibilityRowContent, carriers_box);
  gtk_widget_class_bind_template_child (widget_class, CtoResponsibilityRowContent, carriers_icon);
  gtk_widget_class_bind_template_child (widget_class, CtoResponsibilityRowContent, carriers_label);
  gtk_widget_class_bind_template_child (widget_class, CtoResponsibilityRowContent, hours_label);
  gtk_widget_class_bind_template_child (widget_class, CtoResponsibilityRowContent, assign_button);
  gtk_widget_class_bind_template_child (widget_class, CtoResponsibilityRowContent, edit_button);
  gtk_widget_class_bind_template_child (widget_class, CtoResponsibilityRowContent, row_menu);
}

static void
cto_responsibility_row_content_init (CtoResponsibilityRowContent *self)
{
  GtkDragSource *source;
  GtkGesture *click;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Set here rather than in the template: a tooltip set from a template
   * asks the display where the pointer is, and rows are made by the
   * hundred as the list scrolls or a search narrows it. */
  cto_tooltip_set_text (GTK_WIDGET (self->assign_button), _("Assign to…"));
  cto_tooltip_set_text (GTK_WIDGET (self->edit_button), _("Edit Responsibility"));

  /* A right click opens the row's menu. */
  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect (click, "pressed", G_CALLBACK (context_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  gtk_menu_button_set_create_popup_func (self->assign_button, create_assign_popover_cb,
                                         self, NULL);
  /* The row is the list's one Tab stop, so its button is none; but the
   * picker it opens takes the focus, so focus may not be refused below it
   * (can-focus would). */
  gtk_widget_set_focusable (gtk_widget_get_first_child (GTK_WIDGET (self->assign_button)), FALSE);

  source = gtk_drag_source_new ();
  gtk_drag_source_set_actions (source, GDK_ACTION_COPY);
  g_signal_connect (source, "prepare", G_CALLBACK (drag_prepare_cb), self);
  g_signal_connect (source, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (source));
}

static void
cto_responsibility_row_dispose (GObject *object)
{
  CtoResponsibilityRow *self = (CtoResponsibilityRow *) object;
  GtkWidget *child;

  cto_responsibility_row_unbind (self);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_box_remove (GTK_BOX (self), child);
  self->header_label = NULL;
  self->placeholder = NULL;
  self->content = NULL;

  G_OBJECT_CLASS (cto_responsibility_row_parent_class)->dispose (object);
}

static void
cto_responsibility_row_class_init (CtoResponsibilityRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cto_responsibility_row_dispose;
}

/* The heading of its group, then the content, made once the row comes into
 * view (a list keeps many more rows than show). */
static void
cto_responsibility_row_init (CtoResponsibilityRow *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);

  self->header_label = g_object_new (GTK_TYPE_LABEL,
                                     "name", "header",
                                     "visible", FALSE,
                                     "xalign", 0.0f,
                                     "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                     NULL);
  gtk_widget_add_css_class (GTK_WIDGET (self->header_label), "heading");
  gtk_widget_add_css_class (GTK_WIDGET (self->header_label), "section-header");
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->header_label));

  self->placeholder = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_box_append (GTK_BOX (self), self->placeholder);
  update_shown (self);
}

GtkWidget *
cto_responsibility_row_new (void)
{
  return g_object_new (CTO_TYPE_RESPONSIBILITY_ROW, NULL);
}

void
cto_responsibility_row_bind (CtoResponsibilityRow *self,
                             CtoResponsibility    *responsibility,
                             CtoAnalysis          *analysis,
                             CtoAnalysis          *as_of,
                             gboolean              defer_details)
{
  g_return_if_fail (CTO_IS_RESPONSIBILITY_ROW (self));
  g_return_if_fail (CTO_IS_RESPONSIBILITY (responsibility));
  g_return_if_fail (CTO_IS_ANALYSIS (analysis));
  g_return_if_fail (as_of == NULL || CTO_IS_ANALYSIS (as_of));

  cto_responsibility_row_unbind (self);

  self->responsibility = g_object_ref (responsibility);
  self->analysis = g_object_ref (analysis);
  self->as_of = as_of != NULL ? g_object_ref (as_of) : NULL;
  self->analysis_changed_id =
    g_signal_connect_swapped (analysis, "changed", G_CALLBACK (analysis_changed_cb), self);

  self->details_shown = FALSE;
  update_accessible (self);
  if (defer_details)
    update_shown (self);
  else
    cto_responsibility_row_show_details (self);
}

void
cto_responsibility_row_unbind (CtoResponsibilityRow *self)
{
  g_return_if_fail (CTO_IS_RESPONSIBILITY_ROW (self));

  if (self->content != NULL)
    gtk_menu_button_set_popover (self->content->assign_button, NULL);
  g_clear_signal_handler (&self->analysis_changed_id, self->analysis);
  g_clear_object (&self->analysis);
  g_clear_object (&self->as_of);
  g_clear_object (&self->responsibility);
}

void
cto_responsibility_row_set_as_of (CtoResponsibilityRow *self,
                                  CtoAnalysis          *as_of)
{
  g_return_if_fail (CTO_IS_RESPONSIBILITY_ROW (self));
  g_return_if_fail (as_of == NULL || CTO_IS_ANALYSIS (as_of));

  if (as_of == self->as_of && as_of == NULL)
    return;

  g_set_object (&self->as_of, as_of);
  if (self->responsibility == NULL)
    return;

  if (self->content != NULL && gtk_menu_button_get_popover (self->content->assign_button) != NULL)
    cto_assign_popover_set_as_of (CTO_ASSIGN_POPOVER (gtk_menu_button_get_popover (self->content->assign_button)),
                                  as_of);
  update_accessible (self);
  if (self->details_shown)
    update (self);
}

void
cto_responsibility_row_show_details (CtoResponsibilityRow *self)
{
  g_return_if_fail (CTO_IS_RESPONSIBILITY_ROW (self));

  if (self->details_shown || self->responsibility == NULL)
    return;

  if (self->content == NULL)
    {
      self->content = g_object_new (CTO_TYPE_RESPONSIBILITY_ROW_CONTENT, NULL);
      gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->content));
    }

  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->content->edit_button), "s",
                                    cto_responsibility_get_id (self->responsibility));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->content->edit_button),
                                  "win.edit-responsibility");
  self->details_shown = TRUE;
  self->details_frame = -1;
  update (self);
  update_shown (self);
}

void
cto_responsibility_row_drop_content (CtoResponsibilityRow *self)
{
  g_return_if_fail (CTO_IS_RESPONSIBILITY_ROW (self));

  if (self->content == NULL)
    return;

  gtk_box_remove (GTK_BOX (self), GTK_WIDGET (self->content));
  self->content = NULL;
  self->details_shown = FALSE;
  update_shown (self);
}

gboolean
cto_responsibility_row_get_details_shown (CtoResponsibilityRow *self)
{
  g_return_val_if_fail (CTO_IS_RESPONSIBILITY_ROW (self), FALSE);

  return self->details_shown;
}

gboolean
cto_responsibility_row_sync_placeholder (CtoResponsibilityRow *self)
{
  int height;

  g_return_val_if_fail (CTO_IS_RESPONSIBILITY_ROW (self), FALSE);

  if (self->details_shown)
    {
      GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
      graphene_rect_t bounds;
      gint64 frame;

      /* Laid out, the content tells the height for the others; but it is
       * styled only in the frame after the one it was made in. */
      if (clock == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self->content)))
        return FALSE;
      frame = gdk_frame_clock_get_frame_counter (clock);
      if (self->details_frame < 0)
        self->details_frame = frame;
      else if (frame > self->details_frame &&
               gtk_widget_compute_bounds (GTK_WIDGET (self->content), GTK_WIDGET (self), &bounds) &&
               bounds.size.height > 0)
        content_height = (int) (bounds.size.height + 0.5);
      return FALSE;
    }

  gtk_widget_get_size_request (self->placeholder, NULL, &height);
  if (height == content_height)
    return FALSE;

  gtk_widget_set_size_request (self->placeholder, -1, content_height);
  return TRUE;
}

void
cto_responsibility_row_popup_menu (CtoResponsibilityRow *self)
{
  g_return_if_fail (CTO_IS_RESPONSIBILITY_ROW (self));

  if (self->responsibility == NULL)
    return;

  cto_responsibility_row_show_details (self);
  popup_menu (self->content, -1, -1);
}

GtkWidget *
cto_responsibility_row_get_menu (CtoResponsibilityRow *self)
{
  g_return_val_if_fail (CTO_IS_RESPONSIBILITY_ROW (self), NULL);

  return self->content ? self->content->menu : NULL;
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
