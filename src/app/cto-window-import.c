/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-window"

#include "config.h"

#include <glib/gi18n.h>

#include "cto-csv-import.h"
#include "cto-dialog-keys.h"
#include "cto-history.h"
#include "cto-window-private.h"

/*
 * Import Spreadsheet…: the rows of a CSV file become a new, unsaved plan in
 * a window of its own (PLAN-FORMAT.md, section 9). When rows cannot be read,
 * every problem is listed first, and nothing is made until the user has seen
 * them: then the rows that could be read may become the plan, without those
 * listed, when the file as a whole could be read.
 */

#define IMPORT_KEY "cto-csv-import"
#define FILE_KEY   "cto-csv-file"

static char *
dup_display_name (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  return g_filename_display_name (basename != NULL ? basename : "");
}

/* The rows of @source as a new plan: in a window of their own, or in this
 * one when it still shows that it could not open @source as a plan. */
static void
open_imported (CtoWindow *self,
               GFile     *source,
               CtoPlan   *plan)
{
  CtoWindow *window;

  /* A plan no file holds yet: closing asks, saving asks where. */
  cto_history_mark_unsaved (cto_plan_get_history (plan));

  if (_cto_window_shows_failure_of (self, source))
    {
      _cto_window_show_new_plan (self, plan);
      return;
    }

  window = cto_window_new (gtk_window_get_application (GTK_WINDOW (self)));
  _cto_window_set_plan (window, plan, NULL);
  gtk_window_present (GTK_WINDOW (window));
}

static void
setup_problem_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_margin_top (label, 3);
  gtk_widget_set_margin_bottom (label, 3);
  gtk_widget_set_margin_start (label, 6);
  gtk_widget_set_margin_end (label, 6);
  gtk_list_item_set_child (item, label);
}

static void
bind_problem_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item)
{
  GtkStringObject *message = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      gtk_string_object_get_string (message));
}

/* Every problem, one a line, in a list that scrolls (a file may hold
 * thousands) and recycles its rows. */
static GtkWidget *
make_problem_list (CtoCsvImport *import)
{
  g_autoptr(GtkStringList) messages = gtk_string_list_new (NULL);
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkNoSelection *selection;
  GtkWidget *list;
  GtkWidget *scroller;

  for (guint i = 0; i < cto_csv_import_get_n_problems (import); i++)
    gtk_string_list_append (messages, cto_csv_import_get_problem (import, i)->message);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_problem_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_problem_cb), NULL);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_steal_pointer (&messages)));
  list = gtk_list_view_new (GTK_SELECTION_MODEL (selection), g_steal_pointer (&factory));
  gtk_widget_set_name (list, "import-problems");
  /* Enter answers the dialog from the list, where the keyboard starts. */
  cto_dialog_keys_on_enter (list, cto_dialog_keys_answer, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Problems found"),
                                  -1);

  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 120);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 320);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_widget_set_size_request (scroller, 440, -1);
  gtk_widget_add_css_class (scroller, "card");
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), list);

  return scroller;
}

static void
problems_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      CtoWindow        *self)
{
  CtoCsvImport *import = g_object_get_data (G_OBJECT (dialog), IMPORT_KEY);

  if (g_strcmp0 (response, "import") == 0)
    open_imported (self, g_object_get_data (G_OBJECT (dialog), FILE_KEY),
                   cto_csv_import_get_plan (import));
}

static void
show_problems (CtoWindow    *self,
               GFile        *file,
               CtoCsvImport *import)
{
  g_autofree char *name = dup_display_name (file);
  guint n_problems = cto_csv_import_get_n_problems (import);
  guint n_rows = cto_csv_import_get_n_rows (import);
  /* Only when the file as a whole was read, and something is left to take. */
  gboolean partial = cto_csv_import_get_plan (import) != NULL && n_rows > 0;
  g_autoptr(GString) body = g_string_new (NULL);
  GtkWidget *dialog;

  g_string_append_printf (body,
                          g_dngettext (GETTEXT_PACKAGE,
                                       "“%s” has %u problem:",
                                       "“%s” has %u problems:", n_problems),
                          name, n_problems);
  if (partial)
    {
      g_string_append (body, " ");
      g_string_append_printf (body,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "the rows listed would be left out, and the "
                                           "%u other row would become a new plan.",
                                           "the rows listed would be left out, and the "
                                           "%u other rows would become a new plan.", n_rows),
                              n_rows);
    }
  else
    {
      g_string_append (body, " ");
      g_string_append (body, _("no plan can be made from it until they are corrected."));
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                   partial ? _("Some Rows Cannot Be Read")
                                           : _("The Spreadsheet Cannot Be Read"),
                                   body->str);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), make_problem_list (import));
  g_object_set_data_full (G_OBJECT (dialog), IMPORT_KEY, g_object_ref (import), g_object_unref);
  g_object_set_data_full (G_OBJECT (dialog), FILE_KEY, g_object_ref (file), g_object_unref);

  if (partial)
    {
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "cancel", _("_Cancel"),
                                        "import", _("_Import the Readable Rows"),
                                        NULL);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
    }
  else
    {
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      /* Enter closes it too, from the list where the keyboard starts. */
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
    }

  g_signal_connect_object (dialog, "response", G_CALLBACK (problems_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_thread_cb (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  GError *error = NULL;
  CtoCsvImport *import = cto_csv_import_new_for_file (task_data, cancellable, &error);

  if (import == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, import, g_object_unref);
}

static void
import_done_cb (GObject      *source_object,
                GAsyncResult *result,
                gpointer      user_data)
{
  GWeakRef *weak = user_data;
  g_autoptr(CtoWindow) self = g_weak_ref_get (weak);
  g_autoptr(CtoCsvImport) import = NULL;
  g_autoptr(GError) error = NULL;
  GFile *file = g_task_get_task_data (G_TASK (result));

  g_weak_ref_clear (weak);
  g_free (weak);
  import = g_task_propagate_pointer (G_TASK (result), &error);

  /* A window closed meanwhile has nobody left to tell. */
  if (self == NULL || gtk_widget_in_destruction (GTK_WIDGET (self)))
    return;

  self->n_imports--;
  _cto_window_update_error_page (self);

  if (import == NULL)
    {
      g_autofree char *name = dup_display_name (file);
      g_autofree char *body = g_strdup_printf ("%s: %s", name, error->message);

      _cto_window_show_error (self, _("Could Not Import the Spreadsheet"), body);
      return;
    }

  if (cto_csv_import_get_n_problems (import) > 0)
    show_problems (self, file, import);
  else
    open_imported (self, file, cto_csv_import_get_plan (import));
}

/* Reads @file in a thread, so that a large sheet never stops the window;
 * then a plan of every row opens in a new window (or in this one, when it
 * still says it could not open @file as a plan), or the problems show. */
void
_cto_window_import_file (CtoWindow *self,
                         GFile     *file)
{
  g_autoptr(GTask) task = NULL;
  GWeakRef *weak = g_new0 (GWeakRef, 1);

  g_assert (CTO_IS_WINDOW (self));
  g_assert (G_IS_FILE (file));

  g_weak_ref_init (weak, self);
  self->n_imports++;
  _cto_window_update_error_page (self);
  task = g_task_new (NULL, NULL, import_done_cb, weak);
  g_task_set_source_tag (task, _cto_window_import_file);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, import_thread_cb);
}

static void
import_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    CtoWindow       *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

  if (self->file_chooser == dialog)
    {
      gtk_native_dialog_destroy (self->file_chooser);
      g_clear_object (&self->file_chooser);
    }

  if (file != NULL)
    _cto_window_import_file (self, file);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CtoWindow *self = CTO_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  if (self->file_chooser != NULL)
    {
      gtk_native_dialog_destroy (self->file_chooser);
      g_clear_object (&self->file_chooser);
    }

  gtk_file_filter_set_name (filter, _("Spreadsheets (CSV)"));
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_filter_add_pattern (filter, "*.CSV");
  gtk_file_filter_add_mime_type (filter, "text/csv");

  chooser = gtk_file_chooser_native_new (_("Import a Spreadsheet"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  _cto_window_prepare_chooser (self, GTK_FILE_CHOOSER (chooser), NULL);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  self->file_chooser = GTK_NATIVE_DIALOG (chooser);
  g_signal_connect (chooser, "response", G_CALLBACK (import_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
_cto_window_class_init_import (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
}
