/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-window"

#include "config.h"

#include <glib/gi18n.h>

#include "cto-date.h"
#include "cto-dialog-keys.h"
#include "cto-window-private.h"

static char *
dup_display_basename (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  return g_filename_display_name (basename);
}

/* The format a file name asks for by its extension, if it is one of ours. */
static gboolean
format_from_name (const char      *basename,
                  CtoExportFormat *format)
{
  g_autofree char *folded = g_utf8_strdown (basename, -1);

  for (guint i = 0; i < CTO_N_EXPORT_FORMATS; i++)
    {
      g_autofree char *suffix =
        g_strconcat (".", cto_export_format_get_extension ((CtoExportFormat) i), NULL);

      if (g_str_has_suffix (folded, suffix))
        {
          *format = (CtoExportFormat) i;
          return TRUE;
        }
    }

  return FALSE;
}

static char *
propose_name (CtoWindow       *self,
              CtoExportFormat  format)
{
  g_autofree char *name = NULL;

  if (format == CTO_EXPORT_JSON)
    name = g_strdup_printf ("%s.ctoplan.json", cto_plan_get_title (self->plan));
  else
    name = g_strdup_printf ("%s.%s", cto_plan_get_title (self->plan),
                            cto_export_format_get_extension (format));
  g_strdelimit (name, "/\\", '-');

  return g_steal_pointer (&name);
}

static void
clear_file_chooser (CtoWindow *self)
{
  if (self->file_chooser == NULL)
    return;

  gtk_native_dialog_destroy (self->file_chooser);
  g_clear_object (&self->file_chooser);
}

static void
chooser_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     CtoWindow       *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

  clear_file_chooser (self);

  if (file != NULL)
    _cto_window_export_file (self, self->export_format, file);
}

static void
choose_file (CtoWindow *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *pattern = NULL;
  g_autofree char *name = propose_name (self, self->export_format);
  g_autofree char *title = NULL;

  /* Translators: title of the file chooser; %s is a format: “Export as Board pack (PDF)” */
  title = g_strdup_printf (_("Export as %s"), cto_export_format_get_name (self->export_format));

  clear_file_chooser (self);
  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  _cto_window_prepare_chooser (self, GTK_FILE_CHOOSER (chooser), NULL);
  self->file_chooser = GTK_NATIVE_DIALOG (chooser);

  pattern = g_strconcat ("*.", cto_export_format_get_extension (self->export_format), NULL);
  gtk_file_filter_set_name (filter, cto_export_format_get_name (self->export_format));
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_filter_add_mime_type (filter, cto_export_format_get_mime_type (self->export_format));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);

  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
format_toggled_cb (GtkCheckButton *check,
                   CtoWindow      *self)
{
  if (gtk_check_button_get_active (check))
    self->export_format =
      (CtoExportFormat) GPOINTER_TO_INT (g_object_get_data (G_OBJECT (check), "cto-format"));
}

static void
format_dialog_response_cb (AdwMessageDialog *dialog,
                           const char       *response,
                           CtoWindow        *self)
{
  if (self->export_dialog == GTK_WIDGET (dialog))
    self->export_dialog = NULL;

  if (g_strcmp0 (response, "choose") == 0)
    choose_file (self);
}

/* Enter on a format picks it and goes on to the file, as a double click
 * would: GTK 4.8's list takes only Space, and the dialog took Enter for
 * its default answer, with the format picked before. */
static gboolean
format_enter_cb (GtkWidget *list,
                 GVariant  *args,
                 gpointer   data)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (list));
  GtkWidget *row = focus != NULL ? gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW) : NULL;

  if (row == NULL || !gtk_widget_is_ancestor (row, list))
    return FALSE;

  gtk_widget_activate (row);
  return cto_dialog_keys_answer (list, NULL, NULL);
}

static GtkWidget *
make_format_list (CtoWindow *self)
{
  GtkWidget *list = gtk_list_box_new ();
  GtkCheckButton *group = NULL;

  cto_dialog_keys_on_enter (list, format_enter_cb, NULL);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Format"),
                                  -1);

  for (guint i = 0; i < CTO_N_EXPORT_FORMATS; i++)
    {
      CtoExportFormat format = (CtoExportFormat) i;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      g_autofree char *extension = g_strconcat (".", cto_export_format_get_extension (format), NULL);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cto_export_format_get_name (format));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), extension);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      /* The row is the one Tab stop of a format; Space on it picks it, Enter
       * picks it and goes on (format_enter_cb()). */
      gtk_widget_set_focusable (check, FALSE);
      gtk_check_button_set_group (GTK_CHECK_BUTTON (check), group);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), format == self->export_format);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      cto_export_format_get_name (format),
                                      -1);
      g_object_set_data (G_OBJECT (check), "cto-format", GINT_TO_POINTER (format));
      g_signal_connect (check, "toggled", G_CALLBACK (format_toggled_cb), self);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
      if (format == self->export_format)
        g_object_set_data (G_OBJECT (list), "cto-chosen-row", row);

      if (group == NULL)
        group = GTK_CHECK_BUTTON (check);
    }

  return list;
}

/* Room in the dialog for the text and its buttons, beside the list. */
#define DIALOG_ROOM 320
#define MIN_LIST_HEIGHT 160

/*
 * The list scrolls in a window too short to show it whole beside the rest
 * of the dialog (at 800×600 it would make a dialog taller than the
 * window); the format chosen, focused, scrolls into view.
 */
static GtkWidget *
scroll_formats (CtoWindow *self,
                GtkWidget *list)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *viewport = gtk_viewport_new (NULL, NULL);
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  gtk_viewport_set_scroll_to_focus (GTK_VIEWPORT (viewport), TRUE);
  gtk_viewport_set_child (GTK_VIEWPORT (viewport), list);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), viewport);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  if (height > 0)
    gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller),
                                                MAX (height - DIALOG_ROOM, MIN_LIST_HEIGHT));

  return scroller;
}

void
_cto_window_export (CtoWindow *self)
{
  GtkWidget *dialog;
  GtkWidget *list;
  g_autofree char *body = NULL;

  g_assert (CTO_IS_WINDOW (self));

  if (self->export_dialog != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->export_dialog));
      return;
    }

  /* Translators: the export dialog's text, above the list of formats */
  body = g_strdup (_("The board pack and the slides have every board page; the "
                      "coverage page alone is a picture for a slide or a web page; "
                      "the others carry the plan’s data."));
  if (self->baseline != NULL)
    {
      g_autofree char *since = NULL;
      char *both;

      if (self->baseline_name != NULL)
        /* Translators: added to the export dialog's text after Compare With…; %s is
         * the file compared with: "… since the plan in “acme-robotics.ctoplan.json”." */
        since = g_strdup_printf (_("The board pages, slides and reports include "
                                   "what changed since the plan in “%s”."),
                                 self->baseline_name);
      else
        /* Translators: added to the export dialog's text after Compare With Saved */
        since = g_strdup (_("The board pages, slides and reports include what changed "
                            "since the plan as saved when it was compared."));
      both = g_strconcat (body, "\n\n", since, NULL);

      g_free (body);
      body = both;
    }
  if (self->as_of_analysis != NULL)
    {
      g_autofree char *day = cto_date_format_long (cto_plan_get_as_of (cto_analysis_get_plan (self->as_of_analysis)));
      /* Translators: added to the export dialog's text when the window shows the plan as of a day */
      g_autofree char *as_of = g_strdup_printf (_("As the window shows it, the board pages and "
                                                  "reports show the plan as of %s; the plan file "
                                                  "and the spreadsheet keep the whole plan."), day);
      char *both = g_strconcat (body, "\n\n", as_of, NULL);

      g_free (body);
      body = both;
    }
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Export the Plan"), body);
  list = make_format_list (self);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scroll_formats (self, list));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "choose", _("_Choose File…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "choose",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "choose");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (format_dialog_response_cb), self);

  self->export_dialog = dialog;
  gtk_window_present (GTK_WINDOW (dialog));
  /* The first field: the format chosen last. */
  gtk_window_set_focus (GTK_WINDOW (dialog), g_object_get_data (G_OBJECT (list), "cto-chosen-row"));
}

gboolean
_cto_window_export_to (CtoWindow        *self,
                       CtoExportFormat   format,
                       GFile            *file,
                       GError          **error)
{
  g_autofree char *basename = NULL;
  g_autoptr(CtoBoardPages) pages = NULL;

  g_assert (CTO_IS_WINDOW (self));
  g_assert (G_IS_FILE (file));

  /* A name ending in another of the formats' extensions asks for that one. */
  basename = g_file_get_basename (file);
  if (basename != NULL)
    format_from_name (basename, &format);

  /* As of a day, the pages and reports show that day, as the window does;
   * the plan file and the spreadsheet keep the whole plan, everyone in it. */
  pages = cto_board_pages_new (cto_export_format_is_data (format) ? self->analysis
                                                                   : _cto_window_get_day_analysis (self));
  cto_board_pages_set_baseline (pages, self->baseline);

  return cto_export_pages_to_file (pages, format, file, NULL, error);
}

gboolean
_cto_window_export_file (CtoWindow       *self,
                         CtoExportFormat  format,
                         GFile           *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = dup_display_basename (file);

  g_assert (CTO_IS_WINDOW (self));

  if (!_cto_window_export_to (self, format, file, &error))
    {
      g_autofree char *reason = _cto_window_describe_write_error (file, error);
      /* Translators: after a failed export; the first %s is a file name, the second why it failed */
      g_autofree char *body = g_strdup_printf (_("%s: %s.\n\nNothing on disk was changed."),
                                               name, reason);

      _cto_window_show_error (self, _("Could Not Export the Plan"), body);
      return FALSE;
    }
  else
    {
      /* Translators: a notification after exporting; %s is a file name */
      g_autofree char *title = g_strdup_printf (_("Exported “%s”"), name);
      g_autofree char *markup = g_markup_escape_text (title, -1);

      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (markup));
      return TRUE;
    }
}
