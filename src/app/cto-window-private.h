/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cto-analysis.h"
#include "cto-chip.h"
#include "cto-coverage-tile.h"
#include "cto-export.h"
#include "cto-file-writer.h"
#include "cto-lazy-items.h"
#include "cto-org-chart-view.h"
#include "cto-plan-search.h"
#include "cto-presentation-window.h"
#include "cto-recovery.h"
#include "cto-window.h"

G_BEGIN_DECLS

typedef enum
{
  CTO_WINDOW_PENDING_NONE,
  CTO_WINDOW_PENDING_CLOSE,   /* close the window */
  CTO_WINDOW_PENDING_REPLACE, /* replace the plan with pending_plan */
} CtoWindowPending;


typedef struct _CtoWindowDecide CtoWindowDecide;
typedef struct _CtoWindowSave CtoWindowSave;

/* How long a save goes unmentioned: most end before anyone notices. */
#define CTO_WINDOW_SAVE_SILENCE_MS 300

/* Shared by cto-window*.c, and read by the display tests. */
struct _CtoWindow
{
  AdwApplicationWindow  parent_instance;

  CtoPlan              *plan;
  CtoAnalysis          *analysis;
  GFile                *file;
  /* Follow the plan shown, its history and its analysis, whichever they are. */
  GSignalGroup         *plan_signals;
  GSignalGroup         *history_signals;
  GSignalGroup         *analysis_signals;

  /* The responsibilities pane: one filter model per function, over the
   * plan's list of that function (what the search finds, in the function
   * picked), flattened in the fixed order of functions. */
  GtkCustomFilter      *function_filters[CTO_N_FUNCTIONS];
  GtkFilterListModel   *function_models[CTO_N_FUNCTIONS];
  GtkFlattenListModel  *responsibility_model;
  GtkNoSelection       *responsibility_selection;
  GHashTable           *bound_rows;         /* GtkListItem* of the list */
  guint                 headers_idle_id;
  int                   filter_function;    /* -1: every function */
  guint                 search_clear_id;    /* an emptied search, until the next frame */

  /* The items of the list and of the grid, whose details show once they
   * come into view (cto-window.c). */
  CtoLazyItems          lazy_rows;
  CtoLazyItems          lazy_cards;
  gulong                layout_id;          /* of the frame clock */
  guint                 board_max_columns;  /* of cards; the grid has those that fit */
  int                   board_width;        /* when its columns were last fitted */
  gint64                layout_frame;       /* the frame it last laid out */

  /* Template children */
  AdwWindowTitle       *window_title;
  AdwToastOverlay      *toast_overlay;
  AdwToast             *undo_toast;         /* the last toast with Undo, until gone (weak) */
  GtkBox               *plan_box;           /* the header bar, then the plan */
  AdwHeaderBar         *header_bar;
  GtkMenuButton        *main_menu_button;
  GMenuModel           *main_menu;
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

  /* Board meeting: the org chart view, presenting, printing, exporting */
  AdwViewStack         *view_stack;
  GtkScrolledWindow    *org_chart_scroller;
  GtkWidget            *org_chart_hint;
  GtkLabel             *org_chart_as_of;    /* the day the chart shows, under As of */
  CtoOrgChartView      *org_chart;
  CtoPresentationWindow *presentation;
  GtkPrintSettings     *print_settings;
  GtkPageSetup         *page_setup;
  GtkWidget            *export_dialog;
  CtoExportFormat       export_format;

  /* Dialogs in flight */
  GtkWidget            *unsaved_dialog;
  GtkWidget            *error_dialog;
  GtkWidget            *rename_dialog;
  GtkNativeDialog      *file_chooser;
  CtoWindowPending      pending;
  CtoPlan              *pending_plan;
  GFile                *pending_file;
  gboolean              close_confirmed;

  /* cto-window-settings.c */
  GSettings            *settings;           /* NULL when the schema is not installed */
  AdwSplitButton       *open_button;
  GMenu                *recent_menu;
  guint                 save_state_id;

  /* cto-window-people.c */
  CtoPerson            *focus_person;       /* whose card to focus once laid out */
  guint                 focus_tries;
  guint                 focus_list_tries;   /* > 0: a row of the list, once made: */
  CtoResponsibility    *focus_responsibility; /* its, or NULL: the first */
  GtkWidget            *focus_list_from;    /* where the focus was meanwhile, weak */
  GtkWidget            *pane_focus[2];      /* where the focus last was in each pane, weak */
  /* What the search finds, worked out once for each change of the search
   * or the plan, so that the filters only look up. */
  CtoPlanSearch        *search;
  guint                 search_prepare_id;
  GtkCustomFilter      *people_filter;
  GtkFilterListModel   *people_model;            /* the board's people */
  CtoPlan              *people_of;          /* NULL, or only those with a twin in it */

  /* cto-window-safety.c */
  CtoRecovery          *recovery;
  CtoWindowSave        *save;               /* the save under way, or NULL */
  guint                 save_silence_ms;    /* how long before it says so */
  char                 *file_etag;          /* of file when last read or written; NULL: unknown */
  GtkWidget            *changed_dialog;
  GtkWidget            *waiting_dialog;     /* close without waiting for the save? */

  /* cto-window-open.c */
  GtkStack             *content_stack;      /* "plan", "loading", "error" */
  gboolean              loading_unshown;    /* reading, the loading page waits for the map */
  GCancellable         *load_cancellable;   /* of the file being read, or NULL */
  CtoFileRead          *read;               /* the file being read, or NULL */
  GFile                *failed_file;        /* the file read last */
  gboolean              shows_plan;         /* FALSE: made for a file not read yet */
  gboolean              plan_actions_off;   /* while another page is shown */
  guint                 present_timeout_id; /* presents the window still reading */
  gboolean              present_when_read;
  /* The loading and error pages' parts, NULL until first shown. */
  AdwWindowTitle       *loading_title;
  AdwStatusPage        *loading_status;
  GtkSpinner           *loading_spinner;
  AdwWindowTitle       *error_title;
  AdwStatusPage        *error_page;
  GtkExpander          *error_expander;
  GtkLabel             *error_details;
  GtkButton            *retry_button;
  GtkWidget            *import_button;      /* shown for a spreadsheet */
  guint                 n_imports;          /* sheets being read (cto-window-import.c) */

  /* cto-window-org-chart.c */
  GtkButton            *zoom_out_button;
  GtkButton            *zoom_reset_button;
  GtkButton            *zoom_in_button;
  gboolean              org_chart_placed;   /* at the top since the plan came */
  int                   zoom_placing;       /* what to scroll to once laid out */
  guint                 zoom_tick_id;
  guint                 zoom_wait;
  double                zoom_point_x;       /* of the chart at a zoom of 1 */
  double                zoom_point_y;
  double                zoom_anchor_x;      /* of the scrolled window */
  double                zoom_anchor_y;
  double                zoom_pointer_x;
  double                zoom_pointer_y;

  /* cto-window-time.c: the plan as of a day, comparing with another plan */
  GtkDropDown          *as_of_dropdown;
  GArray               *as_of_days;         /* GDate, parallel to the dropdown; invalid: whole plan */
  CtoAnalysis          *as_of_analysis;     /* of the plan as of the day chosen, or NULL */
  GtkWidget            *compare_dialog;
  CtoPlan              *baseline;           /* compared with last: on the board pages until
                                             * another plan is opened, or NULL */
  char                 *baseline_name;      /* the name of its file, while there is one */

  /* cto-window-decide.c */
  CtoWindowDecide      *decide;
};

/* cto-window.c */
void     _cto_window_set_plan             (CtoWindow         *self,
                                           CtoPlan           *plan,
                                           GFile             *file);
/* Starts saving the plan to @file, written on another thread; what is
 * pending goes on once it is saved, or is cancelled when it could not be. */
void     _cto_window_save_to              (CtoWindow         *self,
                                           GFile             *file);
/* cto-window-list.c: the heading of @item's row, when it heads its function's
 * group; of every bound row after the next layout. */
void     _cto_window_update_header        (CtoWindow         *self,
                                           GtkListItem       *item);
void     _cto_window_update_headers_later (CtoWindow         *self);
/* Scrolls the list to @responsibility's row and focuses it. */
void     _cto_window_show_responsibility  (CtoWindow         *self,
                                           CtoResponsibility *responsibility);
/* The window's title and subtitle: the plan's title, whether it has
 * unsaved changes, its file. */
void     _cto_window_update_title         (CtoWindow         *self);
/* With @flags, e.g. when the user agreed to replace a read-only file. */
void     _cto_window_save_to_full         (CtoWindow         *self,
                                           GFile             *file,
                                           CtoWriteFlags      flags);
/* A question that leads to a save (Save As, replace a read-only file,
 * overwrite a changed one), asked of the plan shown: its answer holds only
 * while that plan is shown and no save is under way. */
void     _cto_window_question_asked       (CtoWindow         *self,
                                           gpointer           question);
gboolean _cto_window_question_holds       (CtoWindow         *self,
                                           gpointer           question);
/* Says that the window, asked to close, waits for the save under way. */
void     _cto_window_tell_closing_after_save (CtoWindow      *self);
/* The window asked to close (again, when @asked_before) while a save that
 * says so is under way: says why it stays, then offers to close without
 * waiting. */
void     _cto_window_close_waits_for_save (CtoWindow         *self,
                                           gboolean           asked_before);
/* Whether the plan has unsaved changes, or a save is under way: what
 * replacing the plan or closing the window asks about, or waits for. */
gboolean _cto_window_may_be_unsaved       (CtoWindow         *self);
/* Held while a file is written, one at a time in the program: a save
 * waits for it to write, as it would for a slow disk. */
GMutex  *_cto_window_get_write_lock       (void);
/* Whether a save is under way; whether the window says so yet. */
gboolean _cto_window_is_saving            (CtoWindow         *self);
gboolean _cto_window_says_saving          (CtoWindow         *self);
void     _cto_window_show_error           (CtoWindow         *self,
                                           const char        *heading,
                                           const char        *body);
/* A toast of @text, plain text (names may hold any character): with a
 * button that takes the last step back, or else one that says why something
 * was refused or not done, shown before others. */
void     _cto_window_toast_text           (CtoWindow         *self,
                                           const char        *text,
                                           gboolean           with_undo);
/* A toast of @text, plain text, whose button takes the last step back. */
void     _cto_window_toast_undo           (CtoWindow         *self,
                                           const char        *text);
/* cto-window-applied.c: the toast after @applied of @n suggestions
 * applied, @joined of them under As of a day joining those away, with a
 * person removed first or not. */
void     _cto_window_toast_applied        (CtoWindow         *self,
                                           guint              applied,
                                           guint              n,
                                           guint              joined,
                                           gboolean           removed);
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
void     _cto_window_init_actions         (CtoWindow         *self);
void     _cto_window_update_actions       (CtoWindow         *self);
/* Asks for a file and saves there; then goes on with what is pending. */
void     _cto_window_save_as              (CtoWindow         *self);

/* cto-window-settings.c: window size, the last folder, recent plans. */
void     _cto_window_class_init_settings  (GtkWidgetClass    *widget_class);
void     _cto_window_init_settings        (CtoWindow         *self);
void     _cto_window_dispose_settings     (CtoWindow         *self);
/* Keeps the window's size and whether it is maximized for the next window. */
void     _cto_window_save_window_state    (CtoWindow         *self);
/* Starts @chooser in @folder, or when %NULL the last folder; the folder of
 * the file picked becomes the last. Set once: GTK 4.8's own chooser,
 * moved to a second folder while it reads the first, says it could not show
 * the folder. */
void     _cto_window_prepare_chooser      (CtoWindow         *self,
                                           GtkFileChooser    *chooser,
                                           GFile             *folder);
/* A plan file read or written: its folder is the last, it heads the recent plans. */
void     _cto_window_remember_file        (CtoWindow         *self,
                                           GFile             *file);

/* cto-window-safety.c: recovery copies, saving over a file that changed. */
void     _cto_window_dispose_safety       (CtoWindow         *self);
/* Reads a plan, noting the file's etag on it for _cto_window_set_plan().
 * Safe to call from any thread. */
CtoPlan *_cto_window_load_file            (GFile             *file,
                                           GCancellable      *cancellable,
                                           GError           **error);
/* Called when _cto_window_set_plan() has put a plan in the window. */
void     _cto_window_plan_attached        (CtoWindow         *self);
/* Why a file could not be written, in words: "the folder “…” does not exist". */
char    *_cto_window_describe_write_error (GFile             *file,
                                           const GError      *error);
/* Saves to self->file, asking first when another program changed the file
 * since; then goes on with what is pending, or cancels it. */
void     _cto_window_save                 (CtoWindow         *self);
/* Puts a plan recovered after a crash in the window, unsaved, attached to @file. */
void     _cto_window_restore              (CtoWindow         *self,
                                           CtoPlan           *plan,
                                           GFile             *file,
                                           const char        *etag);

/* cto-window-board.c: the org chart view and presenting; cto-window-print.c,
 * cto-window-export.c: printing and exporting the board pages. */
void     _cto_window_class_init_board     (GtkWidgetClass    *widget_class);
void     _cto_window_init_board           (CtoWindow         *self);
/* After the plan was replaced. */
void     _cto_window_update_board         (CtoWindow         *self);
void     _cto_window_dispose_board        (CtoWindow         *self);
/* Refused (a cycle) says why in a toast; done offers to undo. */
gboolean _cto_window_set_reports_to       (CtoWindow         *self,
                                           CtoPerson         *person,
                                           CtoPerson         *manager);
/* The board pages through GtkPrintOperation; @export_filename for
 * GTK_PRINT_OPERATION_ACTION_EXPORT. A failure also shows in a dialog. */
GtkPrintOperationResult
         _cto_window_print                (CtoWindow         *self,
                                           GtkPrintOperationAction action,
                                           const char        *export_filename,
                                           GError           **error);
/* Asks for a format, then for a file. */
void     _cto_window_export               (CtoWindow         *self);
/* The presentation's pages follow the baseline chosen. */
void     _cto_window_apply_baseline       (CtoWindow         *self);
/* The extension of @file's name wins over @format when it is one of ours. */
gboolean _cto_window_export_to            (CtoWindow         *self,
                                           CtoExportFormat    format,
                                           GFile             *file,
                                           GError           **error);
/* Exports, then says how it went: a toast, or a dialog saying why not. */
gboolean _cto_window_export_file          (CtoWindow         *self,
                                           CtoExportFormat    format,
                                           GFile             *file);

/* cto-window-people.c: finding people, the coverage strip's size. */
void     _cto_window_class_init_people    (GtkWidgetClass    *widget_class);
void     _cto_window_init_people          (CtoWindow         *self);
void     _cto_window_dispose_people       (CtoWindow         *self);
void     _cto_window_finalize_people      (CtoWindow         *self);
/* Scrolls the board to @person's card and focuses it. */
void     _cto_window_show_person          (CtoWindow         *self,
                                           CtoPerson         *person);
/* "60 people", or "3 of 60 people" that the search finds; in the what-if
 * mode, everyone of the plan without the person. */
void     _cto_window_update_people_count  (CtoWindow         *self);
/* After each layout. */
void     _cto_window_focus_pending_person (CtoWindow         *self);
/* The id of the person whose card the board shows after @person_id's, or
 * else before it; NULL when it shows no one else, or not them. */
char    *_cto_window_neighbour_of         (CtoWindow         *self,
                                           const char        *person_id);
/* The focus, after a person is removed, on @neighbour's card (from
 * _cto_window_neighbour_of()), else in the search. */
void     _cto_window_focus_after_removal  (CtoWindow         *self,
                                           const char        *neighbour);
/* The search finds people by name and role, and what they carry;
 * responsibilities by title, or carried by someone it finds. */
gboolean _cto_window_search_finds         (CtoWindow         *self,
                                           CtoResponsibility *responsibility);
/* The search's text as typed: what it finds, and the board filtered
 * again. Returns whether it finds otherwise, and sets how in @change. */
gboolean _cto_window_update_search        (CtoWindow         *self,
                                           const char        *text,
                                           GtkFilterChange   *change);
/* After a change of the plan: what the search finds again, and the board
 * filtered again only when it finds other people. Returns whether it finds
 * other responsibilities. */
/* cto-window-views.c: the list's rows and the board's cards. */
void     _cto_window_init_views           (CtoWindow         *self);
/* Shows the board and scrolls @view (the list or the board) to @item of
 * its @model, emptying a search that hides it: its position, or
 * GTK_INVALID_LIST_POSITION when @model does not have it even so. */
guint    _cto_window_reveal               (CtoWindow         *self,
                                           GtkWidget         *view,
                                           GListModel        *model,
                                           gpointer           item);
/* After each layout: the board's columns, and what comes into view made whole. */
void     _cto_window_views_layout_cb      (GdkFrameClock     *clock,
                                           CtoWindow         *self);
gboolean _cto_window_update_search_after_edit (CtoWindow     *self);
/* The same after an edit of who carries @responsibilities alone (@people:
 * who carried them before or carries them now), looking at those only. */
gboolean _cto_window_update_search_after_assignees (CtoWindow *self,
                                                   GPtrArray *responsibilities,
                                                   GPtrArray *people);
/* The board's people after a new plan. */
void     _cto_window_set_people           (CtoWindow         *self,
                                           GListModel        *people);
/* Only the people of the plan with a twin in @plan (a plan made from it:
 * the plan without someone), whatever the search, or with %NULL those the
 * search finds again. The cards of the others stay as they are. */
void     _cto_window_show_people_of       (CtoWindow         *self,
                                           CtoPlan           *plan);
void     _cto_window_fit_coverage         (CtoWindow         *self);

/* cto-window-keys.c: the responsibility list from the keyboard, F6. */
void     _cto_window_init_keys            (CtoWindow         *self);
void     _cto_window_dispose_keys         (CtoWindow         *self);
/* The focus into the plan's list, unless it is in the plan's panes already. */
void     _cto_window_focus_plan           (CtoWindow         *self);
/* Called after each layout: the list's row to focus is there now. */
void     _cto_window_focus_pending_row    (CtoWindow         *self);
/* Focuses the row of @responsibility, now or once it is made. */
void     _cto_window_focus_row            (CtoWindow         *self,
                                           CtoResponsibility *responsibility);

/* cto-window-time.c: the As of control and Compare With… */
void     _cto_window_class_init_time      (GtkWidgetClass    *widget_class);
void     _cto_window_init_time            (CtoWindow         *self);
void     _cto_window_dispose_time         (CtoWindow         *self);
/* After the plan was replaced. */
/* After a plan is set; @other_document: not the file shown before, read
 * again (the As of day chosen is then dropped). */
void     _cto_window_update_time          (CtoWindow         *self,
                                           gboolean           other_document);
/* The analysis the tiles and cards show: of the plan as of the day chosen,
 * else the whole plan's. Edits always go to the whole plan. */
CtoAnalysis *_cto_window_get_view_analysis (CtoWindow        *self);
/* The analysis of the plan as of the day chosen, else the whole plan's,
 * whatever the what-if shows: what the board pages are made from when they
 * are printed, exported or presented. */
CtoAnalysis *_cto_window_get_day_analysis (CtoWindow         *self);
/* The day's plan the org chart marks who is there by, or NULL: none in the
 * what-if mode, whose plan is already of the day. */
CtoAnalysis *_cto_window_get_chart_as_of  (CtoWindow         *self);
/* Where the cards of the plan's people take their figures from, or NULL
 * for the plan's own: the plan as of the day chosen, or in the what-if
 * mode the plan without the person once worked out. */
CtoAnalysis *_cto_window_get_card_as_of   (CtoWindow         *self);
/* A card just bound: shows it as of the day chosen. */
void     _cto_window_bind_card_time       (CtoWindow         *self,
                                           GtkWidget         *card);
/* The cards shown: their figures from _cto_window_get_card_as_of() again. */
void     _cto_window_update_cards_as_of   (CtoWindow         *self);
/* Shows what changed from the plan in @file to the window's plan, or why
 * @file could not be read. */
void     _cto_window_compare_with         (CtoWindow         *self,
                                           GFile             *file);
/* The plan compared with last, which the board pages (presenting, printing,
 * exporting) show a "Since the last plan" page for, or %NULL. */
CtoPlan *_cto_window_get_baseline         (CtoWindow         *self);
/* The day chosen under As of, or %NULL for the whole plan. */
const GDate *_cto_window_get_as_of_day    (CtoWindow         *self);
/* Chooses the day: 0 the whole plan, 1 today, 2… the coming quarters. */
void     _cto_window_set_as_of_position   (CtoWindow         *self,
                                           guint              position);

/* cto-window-import.c: Import Spreadsheet…, a new plan from a CSV file. */
void     _cto_window_class_init_import    (GtkWidgetClass    *widget_class);
/* Reads @file in a thread, then opens its rows as a new unsaved plan in a
 * new window (in this one when it still says it could not open @file as a
 * plan), or lists the problems first. */
void     _cto_window_import_file          (CtoWindow         *self,
                                           GFile             *file);

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

/* cto-window-org-chart.c: zoom, fit, and opening at the top of the tree. */
void     _cto_window_init_org_chart       (CtoWindow         *self);
/* After the plan was replaced. */
void     _cto_window_update_org_chart     (CtoWindow         *self);
/* Whether the view switcher is on the org chart, shown or not. */
gboolean _cto_window_org_chart_chosen     (CtoWindow         *self);
/* After the page, the day chosen under As of or the what-if mode changed:
 * the chart's page says which day it shows, and the hint how to edit it. */
void     _cto_window_update_org_chart_page (CtoWindow        *self);
void     _cto_window_choose_org_chart     (CtoWindow         *self);

/* cto-window-open.c: reading plan files in a thread, the pages shown
 * meanwhile and when a window made for a file could not read it. */
void     _cto_window_init_open            (CtoWindow         *self);
void     _cto_window_dispose_open         (CtoWindow         *self);
/* Gives up reading: back to the plan shown, or closes a window made for the file. */
void     _cto_window_cancel_load          (CtoWindow         *self);
/* Why a plan file could not be opened, in a sentence a user understands. */
char    *_cto_window_describe_open_error  (const GError      *error);
/* What a dialog says of @file that could not be read as a plan: its name,
 * the error (but for a spreadsheet, whose error says no more) and, in
 * plain words, why. */
char    *_cto_window_describe_open_failure (GFile            *file,
                                            const GError     *error);
/* Whether the window still says it could not open @file, reading no other. */
gboolean _cto_window_shows_failure_of     (CtoWindow         *self,
                                           GFile             *file);
/* Shows @plan, which no file holds yet (its history marked unsaved), in a
 * window that shows no plan. */
void     _cto_window_show_new_plan        (CtoWindow         *self,
                                           CtoPlan           *plan);
/* After an import began or ended: Import Spreadsheet waits for it. */
void     _cto_window_update_error_page    (CtoWindow         *self);

/* cto-window-decide.c: suggestions and the what-if of a person leaving. */
void     _cto_window_class_init_decide    (GtkWidgetClass    *widget_class);
void     _cto_window_init_decide          (CtoWindow         *self);
/* After the plan was replaced. */
void     _cto_window_update_decide        (CtoWindow         *self);
void     _cto_window_update_decide_actions (CtoWindow        *self);
void     _cto_window_dispose_decide       (CtoWindow         *self);
/* As the window's height changes: the what-if bar's share of it. */
void     _cto_window_fit_what_if          (CtoWindow         *self);
/* After the day shown changed: the what-if of the person leaving then. */
void     _cto_window_update_what_if       (CtoWindow         *self);
/* The id of the person the what-if mode shows leaving, or %NULL. */
const char *_cto_window_get_what_if       (CtoWindow         *self);
guint    _cto_window_get_n_suggestions    (CtoWindow         *self);
/* Whether the plan changed since the suggestions were made: they wait. */
gboolean _cto_window_get_suggestions_pending (CtoWindow       *self);
/* Whether what the what-if mode shows is being worked out: a large plan's,
 * on another thread. */
gboolean _cto_window_get_what_if_pending  (CtoWindow       *self);
/* Works the suggestions out again, soon: for the plan as of the day chosen,
 * else the plan. */
void     _cto_window_refresh_suggestions  (CtoWindow         *self);
/* The analysis the board shows: the plan without the person in what-if
 * mode, once worked out; else the plan's (the cards' figures:
 * _cto_window_get_card_as_of()). */
CtoAnalysis *_cto_window_get_card_analysis (CtoWindow        *self);

G_END_DECLS
