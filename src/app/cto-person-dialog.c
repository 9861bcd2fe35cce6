/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-person-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cto-date-row.h"
#include "cto-dialog-keys.h"
#include "cto-history.h"
#include "cto-manager-picker.h"
#include "cto-person-dialog.h"

struct _CtoPersonDialog
{
  AdwWindow       parent_instance;

  CtoPlan        *plan;
  CtoPerson      *person;     /* NULL when adding */
  CtoPerson      *manager;    /* whom the person is to report to, or NULL */
  double          shown_capacity;

  GtkButton      *save_button;
  GtkWidget      *error_group;
  GtkLabel       *error_label;
  AdwEntryRow    *name_row;
  AdwEntryRow    *role_row;
  GtkSpinButton  *capacity_spin;
  GtkMenuButton  *reports_button;
  GtkSwitch      *open_role_switch;
  AdwPreferencesGroup *fields_group;
  CtoDateRow     *start_row;
  CtoDateRow     *end_row;
  GtkWidget      *delete_group;
};

G_DEFINE_FINAL_TYPE (CtoPersonDialog, cto_person_dialog, ADW_TYPE_WINDOW)

enum { SAVED, N_SIGNALS };

static guint signals[N_SIGNALS];

/* The button shows whom the person is to report to, as the list names
 * them ("No One" is its first choice). What takes the focus is the toggle
 * inside it (GTK 4.8's GtkMenuButton gives no other way to name it), and
 * says what it is for too. */
static void
update_reports_button (CtoPersonDialog *self)
{
  const char *whom = self->manager != NULL ? cto_person_get_name (self->manager) : _("No One");
  GtkWidget *toggle = gtk_widget_get_first_child (GTK_WIDGET (self->reports_button));
  g_autofree char *name = NULL;

  gtk_menu_button_set_label (self->reports_button, whom);

  /* Translators: the Reports to button's name for screen readers, "Reports to: Ana Pérez",
   * or "Reports to: No One" */
  name = g_strdup_printf (_("Reports to: %s"), whom);
  if (GTK_IS_TOGGLE_BUTTON (toggle))
    gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

/* The choices, made as the list opens, so that they are the plan's now. */
static void
create_reports_popup_cb (GtkMenuButton *button,
                         gpointer       user_data)
{
  CtoPersonDialog *self = user_data;
  g_autoptr(GMenu) menu = cto_manager_picker_build_menu (self->plan, self->person,
                                                         "dialog.reports-to");

  cto_manager_picker_set_menu (CTO_MANAGER_PICKER (gtk_menu_button_get_popover (button)),
                               G_MENU_MODEL (menu),
                               self->manager != NULL ? cto_person_get_id (self->manager) : "");
}

static void
reports_to_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CtoPersonDialog *self = CTO_PERSON_DIALOG (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  CtoPerson *manager = id[0] != '\0' ? cto_plan_find_person (self->plan, id) : NULL;

  g_set_object (&self->manager, manager);
  update_reports_button (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->reports_button));
}

static char *
get_name (CtoPersonDialog *self)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
}

static void
name_changed_cb (CtoPersonDialog *self)
{
  g_autofree char *name = get_name (self);

  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), name[0] != '\0');
}

static void
show_error (CtoPersonDialog *self,
            const char      *message)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (self->error_label),
                                                 GTK_TYPE_SCROLLED_WINDOW);

  gtk_label_set_label (self->error_label, message);
  gtk_widget_set_visible (self->error_group, TRUE);

  /* The message is above the fields: on a short screen, with the dates
   * just set at the bottom, it would show out of view. */
  if (scrolled != NULL)
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)), 0);
}

static void
save_cb (CtoPersonDialog *self)
{
  g_autoptr(CtoPerson) saved = NULL;
  CtoHistory *history = cto_plan_get_history (self->plan);
  g_autofree char *name = get_name (self);
  g_autofree char *label = NULL;
  g_autoptr(GError) error = NULL;
  const char *role = gtk_editable_get_text (GTK_EDITABLE (self->role_row));
  CtoPerson *manager = self->manager;
  double capacity;
  GDate start_day, end_day;
  const GDate *start = cto_date_row_get_date (self->start_row, &start_day) ? &start_day : NULL;
  const GDate *end = cto_date_row_get_date (self->end_row, &end_day) ? &end_day : NULL;

  if (name[0] == '\0')
    return;

  /* Dates the plan would refuse are said here, and nothing is saved. */
  if (!cto_plan_check_person_dates (start, end, &error))
    {
      show_error (self, error->message);
      return;
    }

  gtk_spin_button_update (self->capacity_spin);
  capacity = gtk_spin_button_get_value (self->capacity_spin);

  if (self->person == NULL)
    {
      g_autofree char *id = cto_plan_make_person_id (self->plan, name);

      saved = cto_person_new (id, name, role, capacity, gtk_switch_get_active (self->open_role_switch));
      /* Translators: the undo step of adding a person */
      label = g_strdup_printf (_("Add %s"), name);
      cto_history_begin_group (history, label);
      cto_plan_insert_person (self->plan, G_MAXUINT, saved);
      if (manager != NULL)
        cto_plan_set_reports_to (self->plan, saved, manager, &error);
      if (error == NULL)
        cto_plan_set_person_dates (self->plan, saved, start, end, &error);
      cto_history_end_group (history);
    }
  else
    {
      /* Translators: the undo step of editing a person */
      label = g_strdup_printf (_("Edit %s"), cto_person_get_name (self->person));
      saved = g_object_ref (self->person);
      cto_history_begin_group (history, label);
      /* The reporting line first: when it is refused, nothing else changes. */
      if (cto_plan_set_reports_to (self->plan, self->person, manager, &error))
        {
          cto_plan_set_person_name (self->plan, self->person, name);
          cto_plan_set_person_role (self->plan, self->person, role);
          /* The field rounds to two decimals: an untouched value stays exact. */
          if (capacity != self->shown_capacity)
            cto_plan_set_person_capacity (self->plan, self->person, capacity);
          cto_plan_set_person_open_role (self->plan, self->person,
                                         gtk_switch_get_active (self->open_role_switch));
          cto_plan_set_person_dates (self->plan, self->person, start, end, &error);
        }
      cto_history_end_group (history);
    }

  if (error != NULL)
    {
      show_error (self, error->message);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, saved);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
delete_cb (CtoPersonDialog *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  g_autoptr(CtoPerson) person = g_object_ref (self->person);

  gtk_window_destroy (GTK_WINDOW (self));
  if (parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.delete-person", "s",
                                cto_person_get_id (person));
}

static void
cto_person_dialog_finalize (GObject *object)
{
  CtoPersonDialog *self = (CtoPersonDialog *) object;

  g_clear_object (&self->plan);
  g_clear_object (&self->person);
  g_clear_object (&self->manager);

  G_OBJECT_CLASS (cto_person_dialog_parent_class)->finalize (object);
}

static void
cto_person_dialog_class_init (CtoPersonDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = cto_person_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/cto-person-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CtoPersonDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, CtoPersonDialog, error_group);
  gtk_widget_class_bind_template_child (widget_class, CtoPersonDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, CtoPersonDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, CtoPersonDialog, role_row);
  gtk_widget_class_bind_template_child (widget_class, CtoPersonDialog, capacity_spin);
  gtk_widget_class_bind_template_child (widget_class, CtoPersonDialog, reports_button);
  gtk_widget_class_bind_template_child (widget_class, CtoPersonDialog, open_role_switch);
  gtk_widget_class_bind_template_child (widget_class, CtoPersonDialog, delete_group);
  gtk_widget_class_bind_template_child (widget_class, CtoPersonDialog, fields_group);
  gtk_widget_class_bind_template_callback (widget_class, name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_cb);
  gtk_widget_class_bind_template_callback (widget_class, delete_cb);
  gtk_widget_class_install_action (widget_class, "dialog.reports-to", "s", reports_to_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  /**
   * CtoPersonDialog::saved:
   * @person: the person added or edited
   *
   * The person was added or their edit saved, before the dialog closes.
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, CTO_TYPE_PERSON);
}

/* An empty Leaves opens on the day after the start, the first it may be. */
static void
start_changed_cb (CtoPersonDialog *self)
{
  GDate start, first_end;

  if (cto_date_row_get_date (self->start_row, &start))
    {
      cto_person_get_first_end (&start, &first_end);
      cto_date_row_set_opens_on (self->end_row, &first_end);
    }
  else
    {
      cto_date_row_set_opens_on (self->end_row, NULL);
    }
}

/* The dates, made here rather than in the template, so that the template
 * names only types that gtk4-builder-tool knows. */
static CtoDateRow *
add_date_row (CtoPersonDialog *self,
              const char      *title,
              const char      *subtitle)
{
  GtkWidget *row = cto_date_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  cto_dialog_keys_open_on_enter (row);
  adw_preferences_group_add (self->fields_group, row);

  return CTO_DATE_ROW (row);
}

static void
cto_person_dialog_init (CtoPersonDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_menu_button_set_popover (self->reports_button, cto_manager_picker_new ());
  gtk_menu_button_set_create_popup_func (self->reports_button, create_reports_popup_cb, self, NULL);

  /* Enter in the number field saves, as in the text fields. */
  gtk_text_set_activates_default (GTK_TEXT (gtk_editable_get_delegate (GTK_EDITABLE (self->capacity_spin))),
                                  TRUE);
  self->start_row = add_date_row (self, _("Starts"),
                                  _("The first day there; for an open role, the planned hire date"));
  self->end_row = add_date_row (self, _("Leaves"), _("The first day no longer there"));
  g_signal_connect_swapped (self->start_row, "changed", G_CALLBACK (start_changed_cb), self);
}

GtkWidget *
cto_person_dialog_new (GtkWindow *parent,
                       CtoPlan   *plan,
                       CtoPerson *person)
{
  CtoPersonDialog *self;
  const char *reports_to = NULL;

  g_return_val_if_fail (CTO_IS_PLAN (plan), NULL);
  g_return_val_if_fail (person == NULL || CTO_IS_PERSON (person), NULL);

  self = g_object_new (CTO_TYPE_PERSON_DIALOG,
                       "transient-for", parent,
                       "title", person ? _("Edit Person") : _("Add Person"),
                       NULL);
  self->plan = g_object_ref (plan);
  self->person = person ? g_object_ref (person) : NULL;

  gtk_button_set_label (self->save_button, person ? _("_Save") : _("_Add"));
  gtk_widget_set_visible (self->delete_group, person != NULL);

  if (person != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), cto_person_get_name (person));
      gtk_editable_set_text (GTK_EDITABLE (self->role_row), cto_person_get_role (person));
      gtk_spin_button_set_value (self->capacity_spin, cto_person_get_capacity (person));
      gtk_spin_button_update (self->capacity_spin);
      self->shown_capacity = gtk_spin_button_get_value (self->capacity_spin);
      gtk_switch_set_active (self->open_role_switch, cto_person_get_open_role (person));
      reports_to = cto_person_get_reports_to (person);
      cto_date_row_set_date (self->start_row, cto_person_get_start (person));
      cto_date_row_set_date (self->end_row, cto_person_get_end (person));
      start_changed_cb (self);
    }

  if (reports_to != NULL)
    self->manager = cto_plan_find_person (plan, reports_to);
  if (self->manager != NULL)
    g_object_ref (self->manager);
  update_reports_button (self);

  name_changed_cb (self);

  /* The first field, not the header bar's Cancel, has the focus. */
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->name_row));

  return GTK_WIDGET (self);
}
