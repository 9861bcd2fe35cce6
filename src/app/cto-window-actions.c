/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-window"

#include "config.h"

#include <glib/gi18n.h>

#include "cto-history.h"
#include "cto-person-dialog.h"
#include "cto-responsibility-dialog.h"
#include "cto-window-private.h"

/* Looks up the targets of an action's parameter; FALSE (and a debug note)
 * when they are not in this window's plan any more. */
static gboolean
lookup (CtoWindow          *self,
        const char         *responsibility_id,
        CtoResponsibility **responsibility,
        const char         *person_id,
        CtoPerson         **person)
{
  if (responsibility != NULL)
    {
      *responsibility = cto_plan_find_responsibility (self->plan, responsibility_id);
      if (*responsibility == NULL)
        {
          g_debug ("No responsibility “%s” in the plan", responsibility_id);
          return FALSE;
        }
    }

  if (person != NULL)
    {
      *person = cto_plan_find_person (self->plan, person_id);
      if (*person == NULL)
        {
          g_debug ("No person “%s” in the plan", person_id);
          return FALSE;
        }
    }

  return TRUE;
}

static GtkFileFilter *
make_plan_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Plans"));
  gtk_file_filter_add_pattern (filter, "*.ctoplan.json");
  gtk_file_filter_add_pattern (filter, "*.json");
  gtk_file_filter_add_mime_type (filter, "application/json");

  return filter;
}

static void
clear_file_chooser (CtoWindow *self)
{
  if (self->file_chooser == NULL)
    return;

  gtk_native_dialog_destroy (self->file_chooser);
  g_clear_object (&self->file_chooser);
}

static GtkFileChooserNative *
start_file_chooser (CtoWindow            *self,
                    const char           *title,
                    GtkFileChooserAction  action,
                    const char           *accept_label,
                    GFile                *folder)
{
  GtkFileChooserNative *chooser;

  clear_file_chooser (self);
  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action, accept_label, NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  _cto_window_prepare_chooser (self, GTK_FILE_CHOOSER (chooser), folder);
  self->file_chooser = GTK_NATIVE_DIALOG (chooser);

  return chooser;
}

static void
open_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  CtoWindow       *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

  clear_file_chooser (self);

  if (file != NULL)
    cto_window_open_file (self, file);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CtoWindow *self = CTO_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = make_plan_filter ();

  chooser = start_file_chooser (self, _("Open a Plan"), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), NULL);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect (chooser, "response", G_CALLBACK (open_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
save_as_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     CtoWindow       *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT && _cto_window_question_holds (self, dialog))
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

  clear_file_chooser (self);

  /* What is pending goes on once saved. */
  if (file != NULL)
    _cto_window_save_to (self, file);
  else
    _cto_window_cancel_pending (self);
}

void
_cto_window_save_as (CtoWindow *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = make_plan_filter ();
  g_autoptr(GFile) folder = self->file != NULL ? g_file_get_parent (self->file) : NULL;
  g_autofree char *name = NULL;

  /* A folder gone since the plan was opened: the last folder instead. */
  if (folder != NULL &&
      g_file_query_file_type (folder, G_FILE_QUERY_INFO_NONE, NULL) != G_FILE_TYPE_DIRECTORY)
    g_clear_object (&folder);

  /* The plan's own folder and name, or the last folder and a name made of
   * its title. The name set, not the file: GTK 4.8's own chooser leaves the
   * name empty for a file given to it. */
  chooser = start_file_chooser (self, _("Save the Plan"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), folder);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  if (self->file != NULL)
    {
      g_autofree char *basename = g_file_get_basename (self->file);

      name = g_filename_display_name (basename);
    }
  else
    {
      name = g_strdup_printf ("%s.ctoplan.json", cto_plan_get_title (self->plan));
      g_strdelimit (name, "/\\", '-');
    }
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);

  g_signal_connect (chooser, "response", G_CALLBACK (save_as_response_cb), self);
  _cto_window_question_asked (self, chooser);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CtoWindow *self = CTO_WINDOW (widget);

  if (self->file != NULL)
    _cto_window_save (self);
  else
    _cto_window_save_as (self);
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  _cto_window_save_as (CTO_WINDOW (widget));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  _cto_window_export (CTO_WINDOW (widget));
}

static void
rename_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    CtoWindow        *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  if (self->rename_dialog == GTK_WIDGET (dialog))
    self->rename_dialog = NULL;

  if (g_strcmp0 (response, "rename") == 0 && title[0] != '\0')
    cto_plan_set_title (self->plan, title);
}

static void
rename_text_changed_cb (GtkEditable      *entry,
                        AdwMessageDialog *dialog)
{
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "rename", title[0] != '\0');
}

static void
rename_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CtoWindow *self = CTO_WINDOW (widget);
  GtkWidget *dialog;
  GtkWidget *entry;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Rename the Plan"), NULL);
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), cto_plan_get_title (self->plan));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Title of the plan"),
                                  -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "rename", _("_Rename"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "rename",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "rename");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (entry, "changed", G_CALLBACK (rename_text_changed_cb), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (rename_response_cb), self);

  self->rename_dialog = dialog;
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
item_back_cb (GListModel  *items,
              guint        position,
              guint        removed,
              guint        added,
              GObject    **back)
{
  if (added > removed && *back == NULL)
    *back = g_list_model_get_item (items, position);
}

/* Undo or Redo. A person or a responsibility it brings back (a removal
 * undone, an addition redone) is shown with the focus, as one just added
 * is: the focus was left on a neighbour when they went. */
static void
step_history (CtoWindow *self,
              gboolean   undo)
{
  CtoHistory *history = cto_plan_get_history (self->plan);
  GListModel *people = cto_plan_get_people (self->plan);
  GListModel *responsibilities = cto_plan_get_responsibilities (self->plan);
  g_autoptr(GObject) person = NULL;
  g_autoptr(GObject) responsibility = NULL;
  gulong people_handler;
  gulong responsibilities_handler;

  if (undo ? !cto_history_get_can_undo (history) : !cto_history_get_can_redo (history))
    return;

  people_handler = g_signal_connect (people, "items-changed", G_CALLBACK (item_back_cb), &person);
  responsibilities_handler = g_signal_connect (responsibilities, "items-changed",
                                               G_CALLBACK (item_back_cb), &responsibility);
  if (undo)
    cto_history_undo (history);
  else
    cto_history_redo (history);
  g_signal_handler_disconnect (people, people_handler);
  g_signal_handler_disconnect (responsibilities, responsibilities_handler);

  if (_cto_window_org_chart_chosen (self))
    return;
  if (person != NULL)
    _cto_window_show_person (self, CTO_PERSON (person));
  else if (responsibility != NULL)
    _cto_window_show_responsibility (self, CTO_RESPONSIBILITY (responsibility));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  step_history (CTO_WINDOW (widget), TRUE);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  step_history (CTO_WINDOW (widget), FALSE);
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  gtk_widget_grab_focus (GTK_WIDGET (CTO_WINDOW (widget)->search_entry));
}

/* Who was added or edited is shown where their card is now, with the
 * focus; on the org chart, the chart shows them. */
static void
person_saved_cb (CtoWindow *self,
                 CtoPerson *person)
{
  if (!_cto_window_org_chart_chosen (self))
    _cto_window_show_person (self, person);
}

static void
present_person_dialog (CtoWindow *self,
                       CtoPerson *person)
{
  GtkWidget *dialog = cto_person_dialog_new (GTK_WINDOW (self), self->plan, person);

  g_signal_connect_object (dialog, "saved", G_CALLBACK (person_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_person_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  present_person_dialog (CTO_WINDOW (widget), NULL);
}

static void
edit_person_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CtoWindow *self = CTO_WINDOW (widget);
  CtoPerson *person;

  if (lookup (self, NULL, NULL, g_variant_get_string (parameter, NULL), &person))
    present_person_dialog (self, person);
}

static void
delete_person_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CtoWindow *self = CTO_WINDOW (widget);
  CtoPerson *person;
  g_autofree char *title = NULL;

  if (!lookup (self, NULL, NULL, g_variant_get_string (parameter, NULL), &person))
    return;

  /* Translators: a notification with an Undo button; %s is a person's name */
  title = g_strdup_printf (_("Deleted %s"), cto_person_get_name (person));
  cto_plan_remove_person (self->plan, person);
  _cto_window_toast_undo (self, title);
}

/* What was added or edited is shown where its row is now, with the focus. */
static void
responsibility_saved_cb (CtoWindow         *self,
                         CtoResponsibility *responsibility)
{
  if (!_cto_window_org_chart_chosen (self))
    _cto_window_show_responsibility (self, responsibility);
}

static void
present_responsibility_dialog (CtoWindow         *self,
                               CtoResponsibility *responsibility,
                               CtoFunction        function)
{
  GtkWidget *dialog = cto_responsibility_dialog_new (GTK_WINDOW (self), self->plan,
                                                     responsibility, function);

  g_signal_connect_object (dialog, "saved", G_CALLBACK (responsibility_saved_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_responsibility_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  CtoWindow *self = CTO_WINDOW (widget);
  CtoFunction function = self->filter_function >= 0 ? (CtoFunction) self->filter_function
                                                    : CTO_FUNCTION_PLANNING;

  present_responsibility_dialog (self, NULL, function);
}

static void
edit_responsibility_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  CtoWindow *self = CTO_WINDOW (widget);
  CtoResponsibility *responsibility;

  if (lookup (self, g_variant_get_string (parameter, NULL), &responsibility, NULL, NULL))
    present_responsibility_dialog (self, responsibility, CTO_FUNCTION_PLANNING);
}

static void
delete_responsibility_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  CtoWindow *self = CTO_WINDOW (widget);
  CtoResponsibility *responsibility;
  g_autofree char *title = NULL;

  if (!lookup (self, g_variant_get_string (parameter, NULL), &responsibility, NULL, NULL))
    return;

  /* Translators: a notification with an Undo button; %s is a responsibility */
  title = g_strdup_printf (_("Deleted “%s”"), cto_responsibility_get_title (responsibility));
  cto_plan_remove_responsibility (self->plan, responsibility);
  _cto_window_toast_undo (self, title);
}

static void
assign_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CtoWindow *self = CTO_WINDOW (widget);
  const char *responsibility_id;
  const char *person_id;
  CtoResponsibility *responsibility;
  CtoPerson *person;

  g_variant_get (parameter, "(&s&s)", &responsibility_id, &person_id);
  if (!lookup (self, responsibility_id, &responsibility, person_id, &person) ||
      !cto_plan_assign (self->plan, responsibility, person, 1.0))
    return;

  /* As of a day they are not there on, the list and the tiles show no
   * change: say where it went. */
  if (self->as_of_analysis != NULL &&
      cto_plan_find_person (cto_analysis_get_plan (self->as_of_analysis), person_id) == NULL)
    {
      /* Translators: a toast with an Undo button, after giving work to someone not there
       * on the day the window shows: "Eve Ito is not there on the day shown: they carry it in the whole plan" */
      g_autofree char *text = g_strdup_printf (_("%s is not there on the day shown: they carry it "
                                                 "in the whole plan"), cto_person_get_name (person));

      _cto_window_toast_text (self, text, TRUE);
    }
}

static void
unassign_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  CtoWindow *self = CTO_WINDOW (widget);
  const char *responsibility_id;
  const char *person_id;
  CtoResponsibility *responsibility;
  CtoPerson *person;

  g_variant_get (parameter, "(&s&s)", &responsibility_id, &person_id);
  if (lookup (self, responsibility_id, &responsibility, person_id, &person))
    _cto_window_unassign (self, responsibility, person);
}

static void
move_assignment_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  CtoWindow *self = CTO_WINDOW (widget);
  const char *responsibility_id;
  const char *from_id;
  const char *to_id;
  CtoResponsibility *responsibility;
  CtoPerson *from;
  CtoPerson *to;

  g_variant_get (parameter, "(&s&s&s)", &responsibility_id, &from_id, &to_id);
  if (lookup (self, responsibility_id, &responsibility, from_id, &from) &&
      lookup (self, responsibility_id, NULL, to_id, &to))
    cto_plan_move_assignment (self->plan, responsibility, from, to);
}

static void
set_share_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CtoWindow *self = CTO_WINDOW (widget);
  const char *responsibility_id;
  const char *person_id;
  double share;
  CtoResponsibility *responsibility;
  CtoPerson *person;

  g_variant_get (parameter, "(&s&sd)", &responsibility_id, &person_id, &share);
  if (!(share > 0 && share <= CTO_PLAN_MAX_NUMBER))
    return;
  if (lookup (self, responsibility_id, &responsibility, person_id, &person))
    cto_plan_set_share (self->plan, responsibility, person, share);
}

static void
set_accountable_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  CtoWindow *self = CTO_WINDOW (widget);
  const char *responsibility_id;
  const char *person_id;
  CtoResponsibility *responsibility;
  CtoPerson *person = NULL;

  g_variant_get (parameter, "(&s&s)", &responsibility_id, &person_id);
  if (!lookup (self, responsibility_id, &responsibility, NULL, NULL))
    return;
  if (person_id[0] != '\0' && !lookup (self, NULL, NULL, person_id, &person))
    return;

  cto_plan_set_accountable (self->plan, responsibility, person);
}

/* The keyboard shortcuts window, built when first asked for. Not at
 * gtk/help-overlay.ui: there GTK would build it with every window. As the
 * window's own action, it keeps GtkApplicationWindow from adding its
 * own. */
static void
show_help_overlay_cb (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (user_data);
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (window);

  if (overlay == NULL)
    {
      g_autoptr(GtkBuilder) builder =
        gtk_builder_new_from_resource (RESOURCE_BASE_PATH "/cto-shortcuts-window.ui");

      overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      gtk_application_window_set_help_overlay (window, overlay);
    }

  gtk_window_present (GTK_WINDOW (overlay));
}

void
_cto_window_init_actions (CtoWindow *self)
{
  g_autoptr(GSimpleAction) help = g_simple_action_new ("show-help-overlay", NULL);

  g_signal_connect_object (help, "activate", G_CALLBACK (show_help_overlay_cb), self, 0);
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (help));
}

void
_cto_window_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "win.rename", NULL, rename_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);

  gtk_widget_class_install_action (widget_class, "win.add-person", NULL, add_person_action);
  gtk_widget_class_install_action (widget_class, "win.edit-person", "s", edit_person_action);
  gtk_widget_class_install_action (widget_class, "win.delete-person", "s", delete_person_action);
  gtk_widget_class_install_action (widget_class, "win.add-responsibility", NULL,
                                   add_responsibility_action);
  gtk_widget_class_install_action (widget_class, "win.edit-responsibility", "s",
                                   edit_responsibility_action);
  gtk_widget_class_install_action (widget_class, "win.delete-responsibility", "s",
                                   delete_responsibility_action);

  /* What a drag does, for the keyboard and the menus: (responsibility, person…) ids. */
  gtk_widget_class_install_action (widget_class, "win.assign", "(ss)", assign_action);
  gtk_widget_class_install_action (widget_class, "win.unassign", "(ss)", unassign_action);
  gtk_widget_class_install_action (widget_class, "win.move-assignment", "(sss)",
                                   move_assignment_action);
  gtk_widget_class_install_action (widget_class, "win.set-share", "(ssd)", set_share_action);
  gtk_widget_class_install_action (widget_class, "win.set-accountable", "(ss)",
                                   set_accountable_action);

  gtk_widget_class_install_property_action (widget_class, "win.filter-function", "filter-function");
}

void
_cto_window_update_actions (CtoWindow *self)
{
  CtoHistory *history = cto_plan_get_history (self->plan);
  GtkWidget *widget = GTK_WIDGET (self);

  /* Nothing to act on while the plan is not shown (the page says why). */
  if (self->plan_actions_off)
    return;

  gtk_widget_action_set_enabled (widget, "win.undo", cto_history_get_can_undo (history));
  gtk_widget_action_set_enabled (widget, "win.redo", cto_history_get_can_redo (history));
  /* One save at a time. */
  gtk_widget_action_set_enabled (widget, "win.save",
                                 self->save == NULL &&
                                 (self->file == NULL || cto_history_get_modified (history)));
  gtk_widget_action_set_enabled (widget, "win.save-as", self->save == NULL);
}
