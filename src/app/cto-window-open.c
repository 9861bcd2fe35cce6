/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-window"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "cto-file-read.h"
#include "cto-history.h"
#include "cto-plan-io.h"
#include "cto-window-private.h"

/* Opening a plan file: read in a thread, so that the window keeps drawing
 * and a large plan can be given up on; shown as a page while it is read;
 * and a failure that never costs the plan that was shown. A window made
 * for one file shows, when that file cannot be read, a page saying why,
 * never a plan the user did not ask for. */

/* How long a window waits for its file before it shows itself reading it:
 * a plan read by then shows at once, with no loading page that flashes by. */
#define PRESENT_DELAY_MS 250

/* Actions that have nothing to act on while the window shows no plan. */
static const char * const plan_actions[] = {
  "win.save", "win.save-as", "win.export", "win.print", "win.present", "win.rename",
  "win.undo", "win.redo", "win.find", "win.add-person", "win.add-responsibility",
};

static char *
dup_display_name (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  return g_filename_display_name (basename);
}

static GtkWidget *make_loading_page (CtoWindow *self);
static GtkWidget *make_error_page   (CtoWindow *self);

/* The loading and error pages are made the first time one is shown: most
 * windows never show either. */
static void
ensure_page (CtoWindow  *self,
             const char *name)
{
  if (gtk_stack_get_child_by_name (self->content_stack, name) != NULL)
    return;

  if (g_str_equal (name, "loading"))
    gtk_stack_add_named (self->content_stack, make_loading_page (self), name);
  else if (g_str_equal (name, "error"))
    gtk_stack_add_named (self->content_stack, make_error_page (self), name);
}

static void
show_page (CtoWindow  *self,
           const char *name)
{
  gboolean plan = g_strcmp0 (name, "plan") == 0;
  gboolean loading = g_strcmp0 (name, "loading") == 0;

  /* A window not on screen yet shows that it is reading only once it is
   * (map_cb()): a read done by then never needs the page. */
  self->loading_unshown = loading && !gtk_widget_get_mapped (GTK_WIDGET (self));
  if (!self->loading_unshown)
    {
      ensure_page (self, name);
      gtk_stack_set_visible_child_name (self->content_stack, name);
    }
  if (self->loading_spinner != NULL)
    gtk_spinner_set_spinning (self->loading_spinner, loading && !self->loading_unshown);

  self->plan_actions_off = !plan;
  for (guint i = 0; i < G_N_ELEMENTS (plan_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), plan_actions[i], plan);
  if (plan)
    _cto_window_update_actions (self);
}

static void
map_cb (CtoWindow *self)
{
  if (self->loading_unshown)
    show_page (self, "loading");
}

static void
present_waiting (CtoWindow *self)
{
  g_clear_handle_id (&self->present_timeout_id, g_source_remove);
  if (!self->present_when_read)
    return;

  self->present_when_read = FALSE;
  gtk_window_present (GTK_WINDOW (self));
}

static gboolean
present_timeout_cb (gpointer user_data)
{
  CtoWindow *self = user_data;

  self->present_timeout_id = 0;
  present_waiting (self);

  return G_SOURCE_REMOVE;
}

/* The line of a syntax error: its message starts "line L, column C: WHAT",
 * in the user's language; the first number before the colon, or 0. */
static guint
syntax_line (const char *message)
{
  const char *end = strchr (message, ':');

  for (const char *p = message; *p != '\0' && (end == NULL || p < end); p++)
    if (g_ascii_isdigit (*p))
      return (guint) g_ascii_strtoull (p, NULL, 10);

  return 0;
}

char *
_cto_window_describe_open_error (const GError *error)
{
  if (error->domain == G_IO_ERROR)
    {
      switch (error->code)
        {
        case G_IO_ERROR_NOT_FOUND:
          return g_strdup (_("The file does not exist. It may have been moved, renamed or deleted."));
        case G_IO_ERROR_PERMISSION_DENIED:
          return g_strdup (_("You do not have permission to read the file."));
        case G_IO_ERROR_IS_DIRECTORY:
          return g_strdup (_("It is a folder, not a plan file."));
        default:
          return g_strdup (_("The file could not be read."));
        }
    }

  if (error->domain == CTO_PLAN_ERROR)
    {
      guint line;

      switch ((CtoPlanError) error->code)
        {
        case CTO_PLAN_ERROR_FORMAT:
          return g_strdup (_("It is not a CTO Planner plan file."));
        case CTO_PLAN_ERROR_SPREADSHEET:
          /* Translators: "Import Spreadsheet…" is the main menu's item, as it reads there */
          return g_strdup (_("It is a spreadsheet, not a plan file. Import Spreadsheet… in the "
                             "main menu makes a plan of it."));
        case CTO_PLAN_ERROR_NEWER_VERSION:
          return g_strdup (_("It was made by a newer version of CTO Planner. Update CTO Planner "
                             "to open it."));
        case CTO_PLAN_ERROR_TOO_LARGE:
          return g_strdup (_("It is larger than any plan can be."));
        case CTO_PLAN_ERROR_SYNTAX:
          line = syntax_line (error->message);
          if (line > 0)
            /* Translators: %u is a line number of the file */
            return g_strdup_printf (_("The file is damaged at line %u."), line);
          return g_strdup (_("The file is damaged."));
        case CTO_PLAN_ERROR_TOO_DEEP:
        case CTO_PLAN_ERROR_INVALID:
        case CTO_PLAN_ERROR_CYCLE:
        default:
          return g_strdup (_("The file is damaged: part of the plan breaks the rules of the "
                             "plan format."));
        }
    }

  return g_strdup (_("The file could not be read."));
}

char *
_cto_window_describe_open_failure (GFile        *file,
                                   const GError *error)
{
  g_autofree char *name = dup_display_name (file);
  g_autofree char *reason = _cto_window_describe_open_error (error);

  /* A spreadsheet's message ("file: a spreadsheet, not a plan file") says
   * no more than its reason, and names no place in it. */
  if (g_error_matches (error, CTO_PLAN_ERROR, CTO_PLAN_ERROR_SPREADSHEET))
    return g_strdup_printf ("%s: %s", name, reason);

  return g_strdup_printf ("%s: %s\n\n%s", name, error->message, reason);
}

static void
import_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    CtoWindow        *self)
{
  GFile *file = g_object_get_data (G_OBJECT (dialog), "cto-file");

  if (self->error_dialog == GTK_WIDGET (dialog))
    self->error_dialog = NULL;

  if (g_strcmp0 (response, "import") == 0)
    _cto_window_import_file (self, file);
}

/* A spreadsheet opened over a plan: offers to make a plan of it, which
 * opens in a window of its own. */
static void
offer_import (CtoWindow *self,
              GFile     *file)
{
  g_autofree char *name = dup_display_name (file);
  GtkWidget *dialog;

  /* Translators: the heading when a spreadsheet is opened as if it were a plan */
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Import the Spreadsheet?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  /* Translators: %s is a file name */
                                  _("“%s” is a spreadsheet, not a plan file. Importing it makes "
                                    "a plan of its rows, in a new window; the plan shown stays "
                                    "as it is."),
                                  name);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "import", _("_Import Spreadsheet"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "import",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "import");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "cto-file", g_object_ref (file), g_object_unref);
  g_signal_connect (dialog, "response", G_CALLBACK (import_response_cb), self);
  self->error_dialog = dialog;
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_error_page (CtoWindow    *self,
                 GFile        *file,
                 const GError *error)
{
  g_autofree char *name = dup_display_name (file);
  g_autofree char *title = NULL;
  gboolean spreadsheet = g_error_matches (error, CTO_PLAN_ERROR, CTO_PLAN_ERROR_SPREADSHEET);
  /* The page has its own way to import a spreadsheet, the main menu aside. */
  g_autofree char *reason = spreadsheet
    ? g_strdup (_("It is a spreadsheet, not a plan file. Importing it makes a plan of its rows."))
    : _cto_window_describe_open_error (error);
  g_autofree char *where = g_file_get_parse_name (file);
  g_autofree char *details = g_strdup_printf ("%s\n%s", where, error->message);

  /* Translators: the heading of the page shown when a plan file could not be read */
  title = g_strdup_printf (_("Could Not Open “%s”"), name);
  ensure_page (self, "error");
  adw_status_page_set_title (self->error_page, title);
  adw_status_page_set_description (self->error_page, reason);
  gtk_label_set_label (self->error_details, details);
  gtk_expander_set_expanded (self->error_expander, FALSE);
  adw_window_title_set_title (self->error_title, name);
  /* Not "Untitled plan": there is no plan, only this file. */
  gtk_window_set_title (GTK_WINDOW (self), title);
  _cto_window_update_error_page (self);
  /* Trying a spreadsheet again would only fail again: it is imported instead. */
  gtk_widget_set_visible (GTK_WIDGET (self->retry_button), !spreadsheet);
  gtk_widget_set_visible (self->import_button, spreadsheet);
  show_page (self, "error");
  gtk_widget_grab_focus (spreadsheet ? self->import_button : GTK_WIDGET (self->retry_button));
}

static void
load_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  CtoFileRead *read = CTO_FILE_READ (source);
  g_autoptr(CtoWindow) self = user_data;
  GFile *file = cto_file_read_get_file (read);
  g_autoptr(CtoPlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  /* Given up on, or followed by another file: what it read is not wanted. */
  if (self->load_cancellable == NULL ||
      g_task_get_cancellable (G_TASK (result)) != self->load_cancellable)
    return;
  g_clear_object (&self->load_cancellable);
  g_clear_object (&self->read);

  plan = cto_file_read_wait_finish (read, result, &error);
  if (plan == NULL)
    {
      g_autofree char *body = NULL;

      if (!self->shows_plan)
        {
          show_error_page (self, file, error);
          present_waiting (self);
          return;
        }

      /* What was shown stays, untouched, as it was. */
      show_page (self, "plan");
      present_waiting (self);
      if (g_error_matches (error, CTO_PLAN_ERROR, CTO_PLAN_ERROR_SPREADSHEET))
        {
          offer_import (self, file);
          return;
        }
      body = _cto_window_describe_open_failure (file, error);
      _cto_window_show_error (self, _("Could Not Open the Plan"), body);
      return;
    }

  self->shows_plan = TRUE;
  show_page (self, "plan");
  if (_cto_window_may_be_unsaved (self))
    _cto_window_ask_unsaved (self, CTO_WINDOW_PENDING_REPLACE, plan, file);
  else
    _cto_window_set_plan (self, plan, file);
  present_waiting (self);
}

static void
cancel_clicked_cb (CtoWindow *self)
{
  _cto_window_cancel_load (self);
}

static void
retry_clicked_cb (CtoWindow *self)
{
  g_autoptr(GFile) file = g_object_ref (self->failed_file);

  cto_window_open_file (self, file);
}

/* A spreadsheet opened as a plan: its rows become the plan of this window. */
static void
import_clicked_cb (CtoWindow *self)
{
  _cto_window_import_file (self, self->failed_file);
}

static GtkWidget *
page_header (AdwWindowTitle **title)
{
  GtkWidget *header = adw_header_bar_new ();

  *title = ADW_WINDOW_TITLE (adw_window_title_new ("", NULL));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (*title));
  gtk_widget_add_css_class (header, "flat");

  return header;
}

static char *
dup_opening_title (GFile *file)
{
  g_autofree char *name = dup_display_name (file);

  /* Translators: shown while a plan file is read; %s is its name */
  return g_strdup_printf (_("Opening “%s”…"), name);
}

/* Names the file being read on the loading page, if it is made. */
static void
name_loading_page (CtoWindow *self)
{
  GFile *file;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  if (self->read == NULL || self->loading_status == NULL)
    return;

  file = cto_file_read_get_file (self->read);
  name = dup_display_name (file);
  title = dup_opening_title (file);
  adw_status_page_set_title (self->loading_status, title);
  adw_window_title_set_title (self->loading_title, name);
}

static GtkWidget *
make_loading_page (CtoWindow *self)
{
  GtkWidget *page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *status = adw_status_page_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));

  gtk_box_append (GTK_BOX (page), page_header (&self->loading_title));

  self->loading_spinner = GTK_SPINNER (gtk_spinner_new ());
  gtk_widget_set_size_request (GTK_WIDGET (self->loading_spinner), 32, 32);
  gtk_widget_set_halign (GTK_WIDGET (self->loading_spinner), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->loading_spinner),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Reading the plan"), -1);

  gtk_widget_set_halign (cancel, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (cancel, "pill");
  gtk_widget_set_name (cancel, "cancel-open");
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (cancel_clicked_cb), self);

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->loading_spinner));
  gtk_box_append (GTK_BOX (box), cancel);
  adw_status_page_set_child (ADW_STATUS_PAGE (status), box);
  self->loading_status = ADW_STATUS_PAGE (status);
  gtk_widget_set_vexpand (status, TRUE);
  gtk_box_append (GTK_BOX (page), status);
  gtk_widget_set_name (page, "loading-page");
  name_loading_page (self);

  return page;
}

static GtkWidget *
make_error_page (CtoWindow *self)
{
  GtkWidget *page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *open_other = gtk_button_new_with_mnemonic (_("_Open Another…"));
  GtkWidget *details = gtk_label_new (NULL);
  GtkWidget *expander = gtk_expander_new_with_mnemonic (_("_Details"));

  gtk_box_append (GTK_BOX (page), page_header (&self->error_title));

  self->error_page = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (self->error_page, "dialog-error-symbolic");
  gtk_widget_set_vexpand (GTK_WIDGET (self->error_page), TRUE);

  gtk_widget_set_halign (buttons, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (open_other), "win.open");
  gtk_widget_add_css_class (open_other, "pill");
  self->retry_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Try Again")));
  gtk_widget_add_css_class (GTK_WIDGET (self->retry_button), "pill");
  gtk_widget_add_css_class (GTK_WIDGET (self->retry_button), "suggested-action");
  g_signal_connect_swapped (self->retry_button, "clicked", G_CALLBACK (retry_clicked_cb), self);
  self->import_button = gtk_button_new_with_mnemonic (_("_Import Spreadsheet"));
  gtk_widget_add_css_class (self->import_button, "pill");
  gtk_widget_add_css_class (self->import_button, "suggested-action");
  g_signal_connect_swapped (self->import_button, "clicked", G_CALLBACK (import_clicked_cb), self);
  gtk_box_append (GTK_BOX (buttons), open_other);
  gtk_box_append (GTK_BOX (buttons), GTK_WIDGET (self->retry_button));
  gtk_box_append (GTK_BOX (buttons), self->import_button);

  /* The exact place and message, for whoever fixes the file. */
  gtk_label_set_selectable (GTK_LABEL (details), TRUE);
  gtk_label_set_wrap (GTK_LABEL (details), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (details), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (details), 0);
  gtk_widget_set_name (details, "open-error-details");
  gtk_widget_add_css_class (details, "monospace");
  gtk_expander_set_child (GTK_EXPANDER (expander), details);
  gtk_widget_set_halign (expander, GTK_ALIGN_CENTER);
  gtk_widget_set_size_request (details, 360, -1);
  self->error_details = GTK_LABEL (details);
  self->error_expander = GTK_EXPANDER (expander);

  gtk_box_append (GTK_BOX (box), buttons);
  gtk_box_append (GTK_BOX (box), expander);
  adw_status_page_set_child (self->error_page, box);

  gtk_box_append (GTK_BOX (page), GTK_WIDGET (self->error_page));
  gtk_widget_set_name (page, "open-error-page");

  return page;
}

void
_cto_window_init_open (CtoWindow *self)
{
  g_autoptr(GtkWidget) plan_page = g_object_ref (GTK_WIDGET (self->plan_box));

  self->shows_plan = TRUE;

  /* The plan's own page, as the template has it; the loading and error
   * pages join it when first shown. */
  self->content_stack = GTK_STACK (gtk_stack_new ());
  /* Each page is laid out only while it is shown. */
  gtk_stack_set_hhomogeneous (self->content_stack, FALSE);
  gtk_stack_set_vhomogeneous (self->content_stack, FALSE);
  adw_toast_overlay_set_child (self->toast_overlay, NULL);
  gtk_stack_add_named (self->content_stack, plan_page, "plan");
  gtk_stack_set_visible_child_name (self->content_stack, "plan");
  adw_toast_overlay_set_child (self->toast_overlay, GTK_WIDGET (self->content_stack));
  g_signal_connect (self, "map", G_CALLBACK (map_cb), NULL);
}

static void
stop_reading (CtoWindow *self)
{
  if (self->read != NULL)
    cto_file_read_cancel (self->read);
  g_clear_object (&self->read);
  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
}

gboolean
_cto_window_shows_failure_of (CtoWindow *self,
                              GFile     *file)
{
  return !self->shows_plan && self->load_cancellable == NULL && self->failed_file != NULL &&
         file != NULL && g_file_equal (self->failed_file, file);
}

void
_cto_window_update_error_page (CtoWindow *self)
{
  if (self->import_button != NULL)
    gtk_widget_set_sensitive (self->import_button, self->n_imports == 0);
}

void
_cto_window_show_new_plan (CtoWindow *self,
                           CtoPlan   *plan)
{
  g_assert (!self->shows_plan);

  stop_reading (self);
  self->shows_plan = TRUE;
  g_clear_object (&self->failed_file);
  _cto_window_set_plan (self, plan, NULL);
  show_page (self, "plan");
}

void
_cto_window_dispose_open (CtoWindow *self)
{
  stop_reading (self);
  g_clear_object (&self->failed_file);
  g_clear_handle_id (&self->present_timeout_id, g_source_remove);
}

void
_cto_window_cancel_load (CtoWindow *self)
{
  g_assert (CTO_IS_WINDOW (self));

  if (self->load_cancellable == NULL)
    return;

  stop_reading (self);

  if (self->shows_plan)
    {
      show_page (self, "plan");
      present_waiting (self);
    }
  else
    {
      g_clear_handle_id (&self->present_timeout_id, g_source_remove);
      gtk_window_close (GTK_WINDOW (self));
    }
}

gboolean
cto_window_is_loading (CtoWindow *self)
{
  g_return_val_if_fail (CTO_IS_WINDOW (self), FALSE);

  return self->load_cancellable != NULL;
}

/* Shows that @read is read, and what it read once it is. */
static void
open_read (CtoWindow   *self,
           CtoFileRead *read)
{
  GFile *file = cto_file_read_get_file (read);

  /* One file at a time: the last one asked for. */
  stop_reading (self);
  self->load_cancellable = g_cancellable_new ();
  self->read = g_object_ref (read);
  g_set_object (&self->failed_file, file);

  if (!self->shows_plan)
    {
      g_autofree char *title = dup_opening_title (file);

      gtk_window_set_title (GTK_WINDOW (self), title);
    }
  name_loading_page (self);
  show_page (self, "loading");

  cto_file_read_wait_async (read, self->load_cancellable, load_done_cb, g_object_ref (self));
}

void
cto_window_open_file (CtoWindow *self,
                      GFile     *file)
{
  g_autoptr(CtoFileRead) read = NULL;

  g_return_if_fail (CTO_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  read = cto_file_read_new (file);
  open_read (self, read);
}

void
cto_window_present_when_read (CtoWindow *self)
{
  g_return_if_fail (CTO_IS_WINDOW (self));

  if (self->load_cancellable == NULL || gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      gtk_window_present (GTK_WINDOW (self));
      return;
    }

  self->present_when_read = TRUE;
  if (self->present_timeout_id == 0)
    self->present_timeout_id = g_timeout_add (PRESENT_DELAY_MS, present_timeout_cb, self);
}

CtoWindow *
cto_window_new_for_read (GtkApplication *application,
                         CtoFileRead    *read)
{
  CtoWindow *self;
  g_autoptr(CtoPlan) plan = cto_plan_new ();

  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (CTO_IS_FILE_READ (read), NULL);

  self = g_object_new (CTO_TYPE_WINDOW, "application", application, NULL);
  _cto_window_set_plan (self, plan, NULL);
  self->shows_plan = FALSE;
  open_read (self, read);

  return self;
}

CtoWindow *
cto_window_new_for_file (GtkApplication *application,
                         GFile          *file)
{
  g_autoptr(CtoFileRead) read = NULL;

  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  read = cto_file_read_new (file);

  return cto_window_new_for_read (application, read);
}
