/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cto-analysis.h"
#include "cto-chip.h"
#include "cto-coverage-tile.h"
#include "cto-window.h"

G_BEGIN_DECLS

typedef enum
{
  CTO_WINDOW_PENDING_NONE,
  CTO_WINDOW_PENDING_CLOSE,   /* close the window */
  CTO_WINDOW_PENDING_REPLACE, /* replace the plan with pending_plan */
} CtoWindowPending;

/* Shared by cto-window*.c, and read by the display tests. */
struct _CtoWindow
{
  AdwApplicationWindow  parent_instance;

  CtoPlan              *plan;
  CtoAnalysis          *analysis;
  GFile                *file;
  gulong                analysis_changed_id;
  gulong                modified_id;
  gulong                can_undo_id;
  gulong                can_redo_id;
  gulong                title_id;

  /* The responsibilities pane: one filter model per function, flattened
   * in the fixed order of functions. */
  GtkCustomFilter      *function_filters[CTO_N_FUNCTIONS];
  GtkFilterListModel   *function_models[CTO_N_FUNCTIONS];
  GtkFlattenListModel  *responsibility_model;
  GtkNoSelection       *responsibility_selection;
  GHashTable           *bound_rows;         /* GtkListItem* of the list */
  guint                 headers_idle_id;
  int                   filter_function;    /* -1: every function */
  char                 *search_text;        /* casefolded, or NULL */

  /* Template children */
  AdwWindowTitle       *window_title;
  AdwToastOverlay      *toast_overlay;
  GtkBox               *coverage_box;
  CtoCoverageTile      *tiles[CTO_N_FUNCTIONS];
  GtkWidget            *responsibility_pane;
  GtkSearchEntry       *search_entry;
  GtkRevealer          *filter_revealer;
  GtkLabel             *filter_label;
  GtkStack             *responsibility_stack;
  GtkListView          *responsibility_list;
  GtkLabel             *people_count_label;
  GtkStack             *people_stack;
  GtkGridView          *people_grid;
  GtkNoSelection       *people_selection;

  /* Dialogs in flight */
  GtkWidget            *unsaved_dialog;
  GtkWidget            *error_dialog;
  GtkWidget            *rename_dialog;
  GtkNativeDialog      *file_chooser;
  CtoWindowPending      pending;
  CtoPlan              *pending_plan;
  GFile                *pending_file;
  gboolean              close_confirmed;
};

/* cto-window.c */
void     _cto_window_set_plan             (CtoWindow         *self,
                                           CtoPlan           *plan,
                                           GFile             *file);
gboolean _cto_window_save_to              (CtoWindow         *self,
                                           GFile             *file);
void     _cto_window_show_error           (CtoWindow         *self,
                                           const char        *heading,
                                           const char        *body);
/* A toast whose button takes the last step back. */
void     _cto_window_toast_undo           (CtoWindow         *self,
                                           const char        *title);
void     _cto_window_ask_unsaved          (CtoWindow         *self,
                                           CtoWindowPending   pending,
                                           CtoPlan           *plan,
                                           GFile             *file);
void     _cto_window_finish_pending       (CtoWindow         *self);
void     _cto_window_cancel_pending       (CtoWindow         *self);
void     _cto_window_set_filter_function  (CtoWindow         *self,
                                           int                function);
int      _cto_window_get_filter_function  (CtoWindow         *self);

/* cto-window-actions.c */
void     _cto_window_class_init_actions   (GtkWidgetClass    *widget_class);
void     _cto_window_update_actions       (CtoWindow         *self);
/* Asks for a file and saves there; then goes on with what is pending. */
void     _cto_window_save_as              (CtoWindow         *self);

/* cto-window-dnd.c: the drop targets, and what each drop does. */
void     _cto_window_init_dnd             (CtoWindow         *self);
void     _cto_window_add_card_drop_target (CtoWindow         *self,
                                           GtkWidget         *card);
gboolean _cto_window_drop_responsibility  (CtoWindow         *self,
                                           CtoResponsibility *responsibility,
                                           CtoPerson         *person);
gboolean _cto_window_drop_chip            (CtoWindow         *self,
                                           const CtoChip     *chip,
                                           CtoPerson         *person,
                                           gboolean           copy);
gboolean _cto_window_drop_chip_on_pane    (CtoWindow         *self,
                                           const CtoChip     *chip);
/* Unassigns, offering to undo. */
gboolean _cto_window_unassign             (CtoWindow         *self,
                                           CtoResponsibility *responsibility,
                                           CtoPerson         *person);

G_END_DECLS
