/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-window"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "cto-header-center.h"
#include "cto-history.h"
#include "cto-mnemonic-names.h"
#include "cto-person-card.h"
#include "cto-plan-io.h"
#include "cto-responsibility-row.h"
#include "cto-tooltip.h"
#include "cto-window-private.h"

G_DEFINE_FINAL_TYPE (CtoWindow, cto_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_FILTER_FUNCTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  CtoWindow   *window;
  CtoFunction  function;
} FilterData;

static char *
dup_display_name (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  return g_filename_display_name (basename);
}

/* Of a group's responsibilities, those shown: the search finds them, in
 * the function picked if one is. */
static gboolean
responsibility_matches (gpointer item,
                        gpointer user_data)
{
  FilterData *data = user_data;
  CtoWindow *self = data->window;
  CtoResponsibility *responsibility = item;

  if (self->filter_function >= 0 && (CtoFunction) self->filter_function != data->function)
    return FALSE;

  return _cto_window_search_finds (self, responsibility);
}

/* The search or the function picked changed: each group shows others of
 * its responsibilities. */
static void
refilter_as (CtoWindow       *self,
             GtkFilterChange  change)
{
  for (guint f = 0; f < CTO_N_FUNCTIONS; f++)
    gtk_filter_changed (GTK_FILTER (self->function_filters[f]), change);
}

/*
 * For changes that can replace most of the list (a function picked,
 * another plan): the list is detached meanwhile, so it builds its rows
 * once for the result instead of once for each function's group.
 */
static void
refilter_detached (CtoWindow *self,
                   CtoPlan   *plan)
{
  gtk_list_view_set_model (self->responsibility_list, NULL);
  cto_lazy_items_restart (&self->lazy_rows);

  if (plan != NULL)
    {
      for (guint f = 0; f < CTO_N_FUNCTIONS; f++)
        gtk_filter_list_model_set_model (self->function_models[f],
                                         cto_plan_get_function_responsibilities (plan, f));
    }
  else
    {
      refilter_as (self, GTK_FILTER_CHANGE_DIFFERENT);
    }

  gtk_list_view_set_model (self->responsibility_list,
                           GTK_SELECTION_MODEL (self->responsibility_selection));
}

static void
update_filter_note (CtoWindow *self)
{
  gboolean empty = g_list_model_get_n_items (G_LIST_MODEL (self->responsibility_model)) == 0;

  gtk_stack_set_visible_child_name (self->responsibility_stack, empty ? "empty" : "list");

  if (self->filter_function >= 0)
    {
      g_autofree char *note = NULL;

      /* Translators: shown above the responsibilities when one function is picked */
      note = g_strdup_printf (_("Showing only %s"),
                              cto_function_get_name ((CtoFunction) self->filter_function));
      gtk_label_set_label (self->filter_label, note);
    }
  gtk_revealer_set_reveal_child (self->filter_revealer, self->filter_function >= 0);
}

static void
responsibility_items_changed_cb (CtoWindow *self)
{
  /* The rows' positions settle during the next layout; headers follow. */
  _cto_window_update_headers_later (self);

  update_filter_note (self);
}

/* Titles beyond this many characters are cut for the window and its header:
 * a title bar shows far fewer, and the window system refuses a title of
 * megabytes. */
#define MAX_TITLE_CHARS 200

static char *
shorten_title (const char *title)
{
  const char *end;

  if (g_utf8_strlen (title, MAX_TITLE_CHARS + 1) <= MAX_TITLE_CHARS)
    return g_strdup (title);

  end = g_utf8_offset_to_pointer (title, MAX_TITLE_CHARS - 1);
  return g_strdup_printf ("%.*s…", (int) (end - title), title);
}

void
_cto_window_update_title (CtoWindow *self)
{
  g_autofree char *title = shorten_title (cto_plan_get_title (self->plan));
  gboolean modified = cto_history_get_modified (cto_plan_get_history (self->plan));
  g_autofree char *window_title = NULL;

  adw_window_title_set_title (self->window_title, title);

  if (modified)
    /* Translators: the window's title when the plan has unsaved changes */
    window_title = g_strdup_printf (_("• %s"), title);
  else
    window_title = g_strdup (title);

  if (_cto_window_says_saving (self))
    {
      /* Translators: the window's subtitle while a save takes a while */
      adw_window_title_set_subtitle (self->window_title, _("Saving…"));
    }
  else if (modified)
    {
      adw_window_title_set_subtitle (self->window_title, _("Unsaved changes"));
    }
  else
    {
      g_autofree char *name = self->file ? dup_display_name (self->file) : NULL;

      adw_window_title_set_subtitle (self->window_title, name ? name : _("Not saved yet"));
    }

  gtk_window_set_title (GTK_WINDOW (self), window_title);
}

static void
update_coverage (CtoWindow *self)
{
  CtoAnalysis *analysis = _cto_window_get_view_analysis (self);

  /* Only the tiles whose figures an edit changed. */
  for (guint f = 0; f < CTO_N_FUNCTIONS; f++)
    if (cto_analysis_function_changed (analysis, (CtoFunction) f))
      cto_coverage_tile_update (self->tiles[f], analysis);
}

/* The last toast with Undo takes back the step just made: once the plan
 * changes again (an undo, another edit), it would take back another, so
 * its button goes. The toast itself goes in its own time: libadwaita 1.2
 * crashes when a toast is dismissed while it still slides in. */
static void
plan_changed_cb (CtoWindow *self)
{
  if (self->undo_toast != NULL)
    {
      adw_toast_set_button_label (self->undo_toast, NULL);
      adw_toast_set_action_name (self->undo_toast, NULL);
    }
  g_clear_weak_pointer (&self->undo_toast);
}

static void
analysis_changed_cb (CtoWindow *self)
{
  GPtrArray *assigned = cto_analysis_get_changed_responsibilities (self->analysis);

  /* A name, a title or who carries what may have changed: what the
   * search finds can differ. Most edits change nothing it finds, and then
   * the list keeps its rows as they are (each row follows the analysis
   * itself). A responsibility given another function has already moved to
   * that function's group: the plan keeps each function's list. */
  gboolean found_changed =
    assigned != NULL ?
      _cto_window_update_search_after_assignees (self, assigned,
                                                 cto_analysis_get_changed_people (self->analysis)) :
      _cto_window_update_search_after_edit (self);

  update_coverage (self);
  if (found_changed)
    refilter_as (self, GTK_FILTER_CHANGE_DIFFERENT);
}

static void
history_changed_cb (CtoWindow *self)
{
  _cto_window_update_title (self);
  _cto_window_update_actions (self);
}

/*
 * Each keystroke filters the rows and cards there are, without building
 * them again: typing on finds fewer (more strict), erasing finds more
 * (less strict), and the filter models keep what they can.
 */
static void
apply_search (CtoWindow  *self,
              const char *text)
{
  GtkFilterChange change;

  if (_cto_window_update_search (self, text, &change))
    refilter_as (self, change);
}

static gboolean
clear_search_cb (gpointer user_data)
{
  CtoWindow *self = user_data;

  self->search_clear_id = 0;
  apply_search (self, "");

  return G_SOURCE_REMOVE;
}

/*
 * The search entry reports an emptied field at once, also when new text
 * replaces the old (gtk_editable_set_text(), or typing over a selection)
 * and the field is empty only on the way: showing every row and card then
 * would build them all for a state that no frame shows. So an emptied
 * search takes effect before the next frame, or at once when reported
 * again, unless new text comes first.
 */
static void
search_changed_cb (CtoWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (text[0] == '\0' && cto_plan_search_get_text (self->search) != NULL &&
      self->search_clear_id == 0)
    {
      self->search_clear_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, clear_search_cb, self, NULL);
      return;
    }

  g_clear_handle_id (&self->search_clear_id, g_source_remove);
  apply_search (self, text);
}

/* Escape in the search empties it: everything shows again. */
static void
search_stopped_cb (CtoWindow *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
responsibility_activated_cb (CtoWindow *self,
                             guint      position)
{
  g_autoptr(CtoResponsibility) responsibility =
    g_list_model_get_item (G_LIST_MODEL (self->responsibility_model), position);

  if (responsibility != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.edit-responsibility", "s",
                                cto_responsibility_get_id (responsibility));
}

static void
cto_window_realize (GtkWidget *widget)
{
  CtoWindow *self = CTO_WINDOW (widget);

  GTK_WIDGET_CLASS (cto_window_parent_class)->realize (widget);

  /* After the window's own layout, so the cards have their places. */
  self->layout_id = g_signal_connect_object (gtk_widget_get_frame_clock (widget), "layout",
                                             G_CALLBACK (_cto_window_views_layout_cb), self,
                                             G_CONNECT_AFTER);
}

static void
cto_window_unrealize (GtkWidget *widget)
{
  CtoWindow *self = CTO_WINDOW (widget);

  g_clear_signal_handler (&self->layout_id, gtk_widget_get_frame_clock (widget));

  GTK_WIDGET_CLASS (cto_window_parent_class)->unrealize (widget);
}

static gboolean
finish_pending_idle_cb (gpointer user_data)
{
  _cto_window_finish_pending (CTO_WINDOW (user_data));

  return G_SOURCE_REMOVE;
}

/* After the question has gone: closing the window while its dialog still
 * answers would leave the dialog a dead parent. */
static void
finish_pending_later (CtoWindow *self)
{
  g_idle_add_full (G_PRIORITY_DEFAULT, finish_pending_idle_cb,
                   g_object_ref (self), g_object_unref);
}

static void
unsaved_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     CtoWindow        *self)
{
  if (self->unsaved_dialog == GTK_WIDGET (dialog))
    self->unsaved_dialog = NULL;

  if (g_strcmp0 (response, "save") == 0)
    {
      if (self->file == NULL)
        _cto_window_save_as (self);
      else
        _cto_window_save (self);
    }
  else if (g_strcmp0 (response, "discard") == 0)
    {
      finish_pending_later (self);
    }
  else
    {
      _cto_window_cancel_pending (self);
    }
}

static gboolean
cto_window_close_request (GtkWindow *window)
{
  CtoWindow *self = CTO_WINDOW (window);

  _cto_window_save_window_state (self);

  if (!self->close_confirmed && _cto_window_may_be_unsaved (self))
    {
      gboolean asked_before = self->pending == CTO_WINDOW_PENDING_CLOSE;

      _cto_window_ask_unsaved (self, CTO_WINDOW_PENDING_CLOSE, NULL, NULL);
      _cto_window_close_waits_for_save (self, asked_before);
      return TRUE;
    }

  return GTK_WINDOW_CLASS (cto_window_parent_class)->close_request (window);
}

static void
cto_window_dispose (GObject *object)
{
  CtoWindow *self = (CtoWindow *) object;

  g_clear_handle_id (&self->headers_idle_id, g_source_remove);
  g_clear_handle_id (&self->search_clear_id, g_source_remove);
  g_clear_handle_id (&self->lazy_cards.idle_id, g_source_remove);
  g_clear_handle_id (&self->lazy_rows.idle_id, g_source_remove);
  _cto_window_dispose_safety (self);
  _cto_window_dispose_keys (self);
  _cto_window_dispose_settings (self);
  _cto_window_dispose_board (self);
  _cto_window_dispose_people (self);
  _cto_window_dispose_open (self);
  _cto_window_dispose_time (self);
  _cto_window_dispose_decide (self);
  if (self->file_chooser != NULL)
    {
      gtk_native_dialog_destroy (self->file_chooser);
      g_clear_object (&self->file_chooser);
    }
  g_clear_weak_pointer (&self->undo_toast);
  g_clear_object (&self->plan_signals);
  g_clear_object (&self->history_signals);
  g_clear_object (&self->analysis_signals);

  gtk_widget_dispose_template (GTK_WIDGET (self), CTO_TYPE_WINDOW);

  for (guint f = 0; f < CTO_N_FUNCTIONS; f++)
    {
      g_clear_object (&self->function_models[f]);
      g_clear_object (&self->function_filters[f]);
    }
  g_clear_object (&self->responsibility_selection);
  g_clear_object (&self->responsibility_model);
  g_clear_object (&self->analysis);
  g_clear_object (&self->plan);
  g_clear_object (&self->file);
  g_clear_object (&self->pending_plan);
  g_clear_object (&self->pending_file);

  G_OBJECT_CLASS (cto_window_parent_class)->dispose (object);
}

static void
cto_window_finalize (GObject *object)
{
  CtoWindow *self = (CtoWindow *) object;

  g_clear_pointer (&self->bound_rows, g_hash_table_unref);
  cto_lazy_items_clear (&self->lazy_cards);
  cto_lazy_items_clear (&self->lazy_rows);
  _cto_window_finalize_people (self);

  G_OBJECT_CLASS (cto_window_parent_class)->finalize (object);
}

static void
cto_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  CtoWindow *self = CTO_WINDOW (object);

  switch (prop_id)
    {
    case PROP_FILTER_FUNCTION:
      g_value_set_int (value, self->filter_function);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cto_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  CtoWindow *self = CTO_WINDOW (object);

  switch (prop_id)
    {
    case PROP_FILTER_FUNCTION:
      _cto_window_set_filter_function (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The main menu is given to its button when first opened: given at once,
 * its popover and a row of widgets for each item would be made with the
 * window. */
static void
create_main_menu_cb (GtkMenuButton *button,
                     gpointer       user_data)
{
  CtoWindow *self = user_data;

  if (gtk_menu_button_get_menu_model (button) == NULL)
    gtk_menu_button_set_menu_model (button, self->main_menu);
}

static void
cto_window_class_init (CtoWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  cto_mnemonic_names_install ();

  object_class->dispose = cto_window_dispose;
  object_class->finalize = cto_window_finalize;
  object_class->get_property = cto_window_get_property;
  object_class->set_property = cto_window_set_property;
  widget_class->realize = cto_window_realize;
  widget_class->unrealize = cto_window_unrealize;
  window_class->close_request = cto_window_close_request;

  /* Which function the responsibilities pane shows, or -1 for all. */
  properties[PROP_FILTER_FUNCTION] =
    g_param_spec_int ("filter-function", NULL, NULL,
                      -1, CTO_N_FUNCTIONS - 1, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CTO_TYPE_COVERAGE_TILE);
  g_type_ensure (CTO_TYPE_HEADER_CENTER);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/cto-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CtoWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, CtoWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CtoWindow, plan_box);
  gtk_widget_class_bind_template_child (widget_class, CtoWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, CtoWindow, main_menu_button);
  gtk_widget_class_bind_template_child (widget_class, CtoWindow, main_menu);
  gtk_widget_class_bind_template_child (widget_class, CtoWindow, coverage_box);
  gtk_widget_class_bind_template_child (widget_class, CtoWindow, responsibility_pane);
  gtk_widget_class_bind_template_child (widget_class, CtoWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CtoWindow, filter_revealer);
  gtk_widget_class_bind_template_child (widget_class, CtoWindow, filter_label);
  gtk_widget_class_bind_template_child (widget_class, CtoWindow, responsibility_stack);
  gtk_widget_class_bind_template_child (widget_class, CtoWindow, responsibility_list);
  gtk_widget_class_bind_template_child (widget_class, CtoWindow, people_count_label);
  gtk_widget_class_bind_template_child (widget_class, CtoWindow, people_stack);
  gtk_widget_class_bind_template_child (widget_class, CtoWindow, people_grid);
  gtk_widget_class_bind_template_child (widget_class, CtoWindow, people_selection);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_stopped_cb);
  gtk_widget_class_bind_template_callback (widget_class, responsibility_activated_cb);

  _cto_window_class_init_actions (widget_class);
  _cto_window_class_init_settings (widget_class);
  _cto_window_class_init_board (widget_class);
  _cto_window_class_init_people (widget_class);
  _cto_window_class_init_time (widget_class);
  _cto_window_class_init_decide (widget_class);
  _cto_window_class_init_import (widget_class);
}

/* The tooltips of the template's widgets (see cto_tooltip_set_text()). */
static const CtoTemplateTooltip tooltips[] = {
  { "undo_button", N_("Undo (Ctrl+Z)") },
  { "redo_button", N_("Redo (Shift+Ctrl+Z)") },
  { "open_button", N_("Open a Plan (Ctrl+O)") },
  { "main_menu_button", N_("Main Menu") },
  { "save_button", N_("Save the Plan (Ctrl+S)") },
  { "responsibilities_heading", N_("F6 moves between the responsibilities and the people") },
  { "add_responsibility_button", N_("Add Responsibility") },
  { "people_heading", N_("F6 moves between the responsibilities and the people") },
  { "as_of_dropdown", N_("Show the plan as of a day") },
  { "add_person_button", N_("Add Person") },
};

static void
cto_window_init (CtoWindow *self)
{
  g_autoptr(GListStore) sections = g_list_store_new (G_TYPE_LIST_MODEL);

  self->filter_function = -1;
  self->bound_rows = g_hash_table_new (NULL, NULL);
  self->layout_frame = -1;
  self->save_silence_ms = CTO_WINDOW_SAVE_SILENCE_MS;

  self->plan_signals = g_signal_group_new (CTO_TYPE_PLAN);
  g_signal_group_connect_swapped (self->plan_signals, "notify::title",
                                  G_CALLBACK (_cto_window_update_title), self);
  g_signal_group_connect_swapped (self->plan_signals, "changed",
                                  G_CALLBACK (plan_changed_cb), self);
  self->history_signals = g_signal_group_new (CTO_TYPE_HISTORY);
  g_signal_group_connect_swapped (self->history_signals, "notify::modified",
                                  G_CALLBACK (history_changed_cb), self);
  g_signal_group_connect_swapped (self->history_signals, "notify::can-undo",
                                  G_CALLBACK (history_changed_cb), self);
  g_signal_group_connect_swapped (self->history_signals, "notify::can-redo",
                                  G_CALLBACK (history_changed_cb), self);
  self->analysis_signals = g_signal_group_new (CTO_TYPE_ANALYSIS);
  g_signal_group_connect_swapped (self->analysis_signals, "changed",
                                  G_CALLBACK (analysis_changed_cb), self);

  gtk_widget_init_template (GTK_WIDGET (self));
  cto_tooltip_set_template_texts (GTK_WIDGET (self), tooltips,
                                  G_N_ELEMENTS (tooltips));
  gtk_menu_button_set_create_popup_func (self->main_menu_button, create_main_menu_cb, self, NULL);

  for (guint f = 0; f < CTO_N_FUNCTIONS; f++)
    {
      FilterData *data = g_new0 (FilterData, 1);

      self->tiles[f] = CTO_COVERAGE_TILE (cto_coverage_tile_new ((CtoFunction) f));
      gtk_box_append (self->coverage_box, GTK_WIDGET (self->tiles[f]));

      /* Of each function's responsibilities (the plan keeps them, see
       * refilter_detached()), those that show. */
      data->window = self;
      data->function = (CtoFunction) f;
      self->function_filters[f] = gtk_custom_filter_new (responsibility_matches, data, g_free);
      self->function_models[f] =
        gtk_filter_list_model_new (NULL, g_object_ref (GTK_FILTER (self->function_filters[f])));
      g_list_store_append (sections, self->function_models[f]);
    }

  /* The functions' groups one after another, in the fixed order. */
  self->responsibility_model = gtk_flatten_list_model_new (g_object_ref (G_LIST_MODEL (sections)));
  g_signal_connect_object (self->responsibility_model, "items-changed",
                           G_CALLBACK (responsibility_items_changed_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  self->responsibility_selection =
    gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->responsibility_model)));
  gtk_list_view_set_model (self->responsibility_list,
                           GTK_SELECTION_MODEL (self->responsibility_selection));

  _cto_window_init_views (self);

  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));

  _cto_window_init_dnd (self);
  _cto_window_init_actions (self);
  _cto_window_init_settings (self);
  _cto_window_init_board (self);
  _cto_window_init_people (self);
  _cto_window_init_keys (self);
  _cto_window_init_open (self);
  _cto_window_init_time (self);
  _cto_window_init_decide (self);
}

void
_cto_window_set_plan (CtoWindow *self,
                      CtoPlan   *plan,
                      GFile     *file)
{
  g_autoptr(CtoPlan) old_plan = NULL;
  gboolean same_file;

  g_assert (CTO_IS_WINDOW (self));
  g_assert (CTO_IS_PLAN (plan));

  /* Read again, or restored from its recovery copy: the same document. */
  same_file = file != NULL && self->file != NULL && g_file_equal (file, self->file);

  /* Nothing of the old plan reaches the window while it goes. */
  g_signal_group_set_target (self->plan_signals, NULL);
  g_signal_group_set_target (self->history_signals, NULL);
  g_signal_group_set_target (self->analysis_signals, NULL);

  /* Kept until the lists have let go of its items. */
  old_plan = g_steal_pointer (&self->plan);
  self->plan = g_object_ref (plan);
  g_clear_object (&self->analysis);
  self->analysis = cto_analysis_new (plan);
  g_set_object (&self->file, file);

  /* What the search finds in the new plan, before the lists filter it. */
  cto_lazy_items_restart (&self->lazy_cards);
  _cto_window_set_people (self, cto_plan_get_people (plan));
  refilter_detached (self, plan);

  g_signal_group_set_target (self->plan_signals, plan);
  g_signal_group_set_target (self->history_signals, cto_plan_get_history (plan));
  g_signal_group_set_target (self->analysis_signals, self->analysis);

  update_coverage (self);
  _cto_window_update_title (self);
  update_filter_note (self);
  _cto_window_update_actions (self);
  _cto_window_plan_attached (self);
  _cto_window_update_board (self);
  _cto_window_update_time (self, !same_file);
  _cto_window_update_decide (self);
  _cto_window_focus_plan (self);
}

static void
error_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   CtoWindow        *self)
{
  if (self->error_dialog == GTK_WIDGET (dialog))
    self->error_dialog = NULL;
}

void
_cto_window_show_error (CtoWindow  *self,
                        const char *heading,
                        const char *body)
{
  GtkWidget *dialog;

  g_assert (CTO_IS_WINDOW (self));

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  g_signal_connect (dialog, "response", G_CALLBACK (error_response_cb), self);
  self->error_dialog = dialog;
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_cto_window_toast_undo (CtoWindow  *self,
                        const char *text)
{
  /* A toast's title is markup; names and messages are text. */
  g_autofree char *markup = g_markup_escape_text (text, -1);
  AdwToast *toast = adw_toast_new (markup);

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  g_set_weak_pointer (&self->undo_toast, toast);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
_cto_window_toast_text (CtoWindow  *self,
                        const char *text,
                        gboolean    with_undo)
{
  if (with_undo)
    {
      _cto_window_toast_undo (self, text);
    }
  else
    {
      g_autofree char *markup = g_markup_escape_text (text, -1);
      AdwToast *toast = adw_toast_new (markup);

      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
}

void
_cto_window_ask_unsaved (CtoWindow        *self,
                         CtoWindowPending  pending,
                         CtoPlan          *plan,
                         GFile            *file)
{
  GtkWidget *dialog;

  g_assert (CTO_IS_WINDOW (self));

  /* One question at a time: a second request replaces the first. While a
   * save is under way, the request waits for it, and is asked only when
   * there is still something unsaved then; closing the window wins over
   * what else waits, as nothing asks the user to choose. */
  if (self->unsaved_dialog != NULL || _cto_window_is_saving (self))
    {
      gboolean takes = self->unsaved_dialog != NULL
                         ? pending == CTO_WINDOW_PENDING_REPLACE ||
                           self->pending == CTO_WINDOW_PENDING_NONE
                         : pending == CTO_WINDOW_PENDING_CLOSE ||
                           self->pending != CTO_WINDOW_PENDING_CLOSE;

      if (takes)
        {
          self->pending = pending;
          g_set_object (&self->pending_plan, plan);
          g_set_object (&self->pending_file, file);
        }
      if (self->unsaved_dialog != NULL)
        gtk_window_present (GTK_WINDOW (self->unsaved_dialog));
      return;
    }

  self->pending = pending;
  g_set_object (&self->pending_plan, plan);
  g_set_object (&self->pending_file, file);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Save Changes?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” has unsaved changes. Changes that are not saved are lost."),
                                  cto_plan_get_title (self->plan));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (unsaved_response_cb), self);

  self->unsaved_dialog = dialog;
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_cto_window_finish_pending (CtoWindow *self)
{
  CtoWindowPending pending = self->pending;
  g_autoptr(CtoPlan) plan = g_steal_pointer (&self->pending_plan);
  g_autoptr(GFile) file = g_steal_pointer (&self->pending_file);

  self->pending = CTO_WINDOW_PENDING_NONE;

  switch (pending)
    {
    case CTO_WINDOW_PENDING_CLOSE:
      self->close_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
      break;
    case CTO_WINDOW_PENDING_REPLACE:
      _cto_window_set_plan (self, plan, file);
      break;
    case CTO_WINDOW_PENDING_NONE:
    default:
      break;
    }
}

void
_cto_window_cancel_pending (CtoWindow *self)
{
  self->pending = CTO_WINDOW_PENDING_NONE;
  g_clear_object (&self->pending_plan);
  g_clear_object (&self->pending_file);
}

void
_cto_window_set_filter_function (CtoWindow *self,
                                 int        function)
{
  g_assert (CTO_IS_WINDOW (self));

  function = CLAMP (function, -1, CTO_N_FUNCTIONS - 1);
  if (self->filter_function == function)
    return;

  self->filter_function = function;
  refilter_detached (self, NULL);
  update_filter_note (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTER_FUNCTION]);
}

int
_cto_window_get_filter_function (CtoWindow *self)
{
  return self->filter_function;
}

CtoWindow *
cto_window_new (GtkApplication *application)
{
  CtoWindow *self;
  g_autoptr(CtoPlan) plan = cto_plan_new_from_template ();

  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);

  self = g_object_new (CTO_TYPE_WINDOW, "application", application, NULL);
  _cto_window_set_plan (self, plan, NULL);

  return self;
}

CtoPlan *
cto_window_get_plan (CtoWindow *self)
{
  g_return_val_if_fail (CTO_IS_WINDOW (self), NULL);

  return self->plan;
}

GFile *
cto_window_get_file (CtoWindow *self)
{
  g_return_val_if_fail (CTO_IS_WINDOW (self), NULL);

  return self->file;
}
