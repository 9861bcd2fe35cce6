/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-responsibility-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cto-dialog-keys.h"
#include "cto-history.h"
#include "cto-responsibility-dialog.h"

struct _CtoResponsibilityDialog
{
  AdwWindow          parent_instance;

  CtoPlan           *plan;
  CtoResponsibility *responsibility;  /* NULL when adding */
  double             shown_effort;

  GtkButton         *save_button;
  AdwEntryRow       *title_row;
  AdwComboRow       *function_row;
  GtkSpinButton     *effort_spin;
  GtkTextView       *description_view;
  GtkWidget         *delete_group;
};

G_DEFINE_FINAL_TYPE (CtoResponsibilityDialog, cto_responsibility_dialog, ADW_TYPE_WINDOW)

enum { SAVED, N_SIGNALS };

static guint signals[N_SIGNALS];

static char *
get_title (CtoResponsibilityDialog *self)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
}

static char *
get_description (CtoResponsibilityDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->description_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
title_changed_cb (CtoResponsibilityDialog *self)
{
  g_autofree char *title = get_title (self);

  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), title[0] != '\0');
}

static void
save_cb (CtoResponsibilityDialog *self)
{
  g_autoptr(CtoResponsibility) saved = NULL;
  CtoHistory *history = cto_plan_get_history (self->plan);
  g_autofree char *title = get_title (self);
  g_autofree char *description = get_description (self);
  g_autofree char *label = NULL;
  CtoFunction function = (CtoFunction) MIN (adw_combo_row_get_selected (self->function_row),
                                            CTO_N_FUNCTIONS - 1);
  double effort;

  if (title[0] == '\0')
    return;

  gtk_spin_button_update (self->effort_spin);
  effort = gtk_spin_button_get_value (self->effort_spin);

  if (self->responsibility == NULL)
    {
      g_autofree char *id = cto_plan_make_responsibility_id (self->plan, title);

      saved = cto_responsibility_new (id, title, function, effort, description);
      cto_plan_insert_responsibility (self->plan, G_MAXUINT, saved);
    }
  else
    {
      /* Translators: the undo step of editing a responsibility */
      label = g_strdup_printf (_("Edit “%s”"), cto_responsibility_get_title (self->responsibility));
      saved = g_object_ref (self->responsibility);
      cto_history_begin_group (history, label);
      cto_plan_set_responsibility_title (self->plan, self->responsibility, title);
      cto_plan_set_responsibility_function (self->plan, self->responsibility, function);
      /* The field rounds to two decimals: an untouched value stays exact. */
      if (effort != self->shown_effort)
        cto_plan_set_responsibility_effort (self->plan, self->responsibility, effort);
      cto_plan_set_responsibility_description (self->plan, self->responsibility, description);
      cto_history_end_group (history);
    }

  g_signal_emit (self, signals[SAVED], 0, saved);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
delete_cb (CtoResponsibilityDialog *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  g_autoptr(CtoResponsibility) responsibility = g_object_ref (self->responsibility);

  gtk_window_destroy (GTK_WINDOW (self));
  if (parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.delete-responsibility", "s",
                                cto_responsibility_get_id (responsibility));
}

static void
cto_responsibility_dialog_finalize (GObject *object)
{
  CtoResponsibilityDialog *self = (CtoResponsibilityDialog *) object;

  g_clear_object (&self->plan);
  g_clear_object (&self->responsibility);

  G_OBJECT_CLASS (cto_responsibility_dialog_parent_class)->finalize (object);
}

static void
cto_responsibility_dialog_class_init (CtoResponsibilityDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = cto_responsibility_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/cto-responsibility-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CtoResponsibilityDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, CtoResponsibilityDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, CtoResponsibilityDialog, function_row);
  gtk_widget_class_bind_template_child (widget_class, CtoResponsibilityDialog, effort_spin);
  gtk_widget_class_bind_template_child (widget_class, CtoResponsibilityDialog, description_view);
  gtk_widget_class_bind_template_child (widget_class, CtoResponsibilityDialog, delete_group);
  gtk_widget_class_bind_template_callback (widget_class, title_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_cb);
  gtk_widget_class_bind_template_callback (widget_class, delete_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  /**
   * CtoResponsibilityDialog::saved:
   * @responsibility: the responsibility added or edited
   *
   * The responsibility was added or its edit saved, before the dialog closes.
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, CTO_TYPE_RESPONSIBILITY);
}

static void
cto_responsibility_dialog_init (CtoResponsibilityDialog *self)
{
  g_autoptr(GtkStringList) functions = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Enter in the number field saves, as in the text fields. */
  gtk_text_set_activates_default (GTK_TEXT (gtk_editable_get_delegate (GTK_EDITABLE (self->effort_spin))),
                                  TRUE);

  for (guint f = 0; f < CTO_N_FUNCTIONS; f++)
    gtk_string_list_append (functions, cto_function_get_name ((CtoFunction) f));
  adw_combo_row_set_model (self->function_row, G_LIST_MODEL (functions));
  cto_dialog_keys_open_on_enter (GTK_WIDGET (self->function_row));
}

GtkWidget *
cto_responsibility_dialog_new (GtkWindow         *parent,
                               CtoPlan           *plan,
                               CtoResponsibility *responsibility,
                               CtoFunction        function)
{
  CtoResponsibilityDialog *self;

  g_return_val_if_fail (CTO_IS_PLAN (plan), NULL);
  g_return_val_if_fail (responsibility == NULL || CTO_IS_RESPONSIBILITY (responsibility), NULL);

  self = g_object_new (CTO_TYPE_RESPONSIBILITY_DIALOG,
                       "transient-for", parent,
                       "title", responsibility ? _("Edit Responsibility") : _("Add Responsibility"),
                       NULL);
  self->plan = g_object_ref (plan);
  self->responsibility = responsibility ? g_object_ref (responsibility) : NULL;

  gtk_button_set_label (self->save_button, responsibility ? _("_Save") : _("_Add"));
  gtk_widget_set_visible (self->delete_group, responsibility != NULL);

  if (responsibility != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->title_row),
                             cto_responsibility_get_title (responsibility));
      gtk_spin_button_set_value (self->effort_spin, cto_responsibility_get_effort (responsibility));
      gtk_spin_button_update (self->effort_spin);
      self->shown_effort = gtk_spin_button_get_value (self->effort_spin);
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->description_view),
                                cto_responsibility_get_description (responsibility), -1);
      function = cto_responsibility_get_function (responsibility);
    }
  adw_combo_row_set_selected (self->function_row, (guint) function);

  title_changed_cb (self);

  /* The first field, not the header bar's Cancel, has the focus. */
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->title_row));

  return GTK_WIDGET (self);
}
