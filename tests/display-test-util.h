/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * What the display tests share: folders and settings of their own, the
 * window on a plan, running the main loop, finding widgets and dialogs in
 * the real window as a person finds them (by name, label or role), and
 * cleaning up after themselves.
 */
#pragma once

#include <adwaita.h>

#include "cto-history.h"
#include "cto-plan.h"
#include "cto-window.h"

G_BEGIN_DECLS

/* Setting up --------------------------------------------------------------- */

/* Mounts of the test's own (a full disk, a read-only folder), gone with it,
 * where the process may make them (as root in a container, usually); and
 * a write over the file size limit failing (EFBIG) instead of ending the
 * process. Only a process with one thread may do this: call it first in
 * main(). Returns whether mounts can be made. */
gboolean       display_test_isolate  (void);
/* HOME and the XDG folders in a new folder named after @name, settings in
 * memory, X11, GTK_A11Y set to @a11y ("none", or "test" for an
 * accessibility context that records), untranslated text; then GTK,
 * libadwaita and g_test started. */
void           display_test_init     (int          *argc,
                                      char       ***argv,
                                      const char   *name,
                                      const char   *a11y);
/* Runs the tests added, then removes the folder and the settings. */
int            display_test_run      (void);
/* The folder of the run, and a file in it (that need not exist). */
const char    *display_test_dir      (void);
char          *display_test_path     (const char   *name);
GFile         *display_test_file     (const char   *name);
/* The application's settings, as the window reads them: the schema
 * compiled in the build folder (GSETTINGS_SCHEMA_DIR); the test fails
 * without it. */
GSettings     *display_test_settings (void);

/* A plan read from JSON text; the test fails if it is refused. */
CtoPlan       *plan_from_json        (const char   *json);
/* The example plan the program ships, Acme Robotics. */
CtoPlan       *example_plan_new      (void);
/* A plan of the tests' data folder, tests/data/@name. */
CtoPlan       *data_plan_new         (const char   *name);
/* A window on @plan, shown, its cards laid out. */
CtoWindow     *window_new_with       (CtoPlan      *plan);
/* Closes every dialog over @window, then @window, without asking. */
void           window_free           (CtoWindow    *window);

/* A plan of two people, Ana (CEO) and Bo (Engineer), and two
 * responsibilities, Security (Ana's) and Tools (nobody's). */
extern const char small_plan_json[];
/* A window on small_plan_json, shown. */
CtoWindow     *small_window_new      (void);
/* A window on @file, which then holds small_plan_json, read as the Open
 * button reads it. */
CtoWindow     *small_window_open     (GFile        *file);
/* A file of the test's folder holding small_plan_json. */
GFile         *small_plan_file       (const char   *name);
/* An edit as a person makes it: Tools given to Bo. */
void           small_window_edit     (CtoWindow    *window);
/* A window on @file, made read-only, with an edit saved there: it asks
 * whether to replace the file. @before: the file's bytes. */
CtoWindow     *read_only_window_open (GFile        *file,
                                      char        **before);
/* Fails the test unless the recovery folder empties within seconds. */
void           assert_nothing_left   (void);

/* The day of @text, "YYYY-MM-DD"; the test fails if it names none. */
GDate          parse_day             (const char   *text);

/* Files -------------------------------------------------------------------- */

void           write_path            (const char   *path,
                                      const char   *contents);
char          *read_path             (const char   *path);
void           write_file            (GFile        *file,
                                      const char   *contents);
char          *read_file             (GFile        *file);
/* Another program writes @file; its time moves on whatever the clock's grain. */
void           write_file_elsewhere  (GFile        *file,
                                      const char   *contents);

/* Dialogs ------------------------------------------------------------------ */

/* The window shown over @window (transient for it) of @type, or NULL. */
GtkWidget     *transient_of_type     (gpointer      window,
                                      GType         type);
/* The message dialog over @window that offers @response (e.g. "discard"
 * for "Save Changes?"), or NULL. */
GtkWidget     *dialog_with_response  (gpointer      window,
                                      const char   *response);
/* The dialogs of the window, by what they offer: an error ("Close", or
 * "Replace" over a read-only file), "Save Changes?" ("Save"), "The File
 * Changed on Disk" ("Overwrite"). NULL when not shown. */
GtkWidget     *error_dialog_of       (gpointer      window);
GtkWidget     *unsaved_dialog_of     (gpointer      window);
GtkWidget     *changed_dialog_of     (gpointer      window);
/* The file chooser shown over @window (GTK's own, where no portal is
 * used), or NULL; and its answer, as its buttons give it, and the
 * chooser gone. */
GtkFileChooser *file_chooser_of      (gpointer      window);
void           file_chooser_respond  (gpointer      window,
                                      int           response);
/* Answers @dialog with @response as a click does: the dialog goes, then
 * its window acts on the answer. */
void           respond_to            (GtkWidget    *dialog,
                                      const char   *response);

/* Widgets ------------------------------------------------------------------ */

/* The first widget below @root (or @root) of widget name @name. */
GtkWidget     *find_widget_by_name   (GtkWidget    *root,
                                      const char   *name);
/* The widget below @root of widget name @name, or of @type; the test
 * fails if there is none. */
GtkWidget     *widget_named          (gpointer      root,
                                      const char   *name);
GtkWidget     *widget_of_type        (gpointer      root,
                                      GType         type);
/* The first widget below @root whose accessible name is @label: its
 * accessible label property, or the text of its label or button. */
GtkWidget     *find_by_accessible_label (GtkWidget *root,
                                      const char   *label);
/* The responsibilities the list shows, in its order (its model). */
GListModel    *shown_rows            (CtoWindow    *window);
/* Every row the responsibility list holds, bound to a responsibility:
 * those on screen and a few around them. */
GPtrArray     *rows_of               (CtoWindow    *window);
/* The coverage tile of @function; the test fails if there is none. */
GtkWidget     *coverage_tile_of      (gpointer      window,
                                      CtoFunction   function);

/* The main loop, and the widget tree ---------------------------------------- */

/* Removes @path and everything below it. */
void           remove_tree           (const char   *path);
/* Runs the main loop until nothing is pending, or for ten seconds at most. */
void           spin                  (void);
/* Runs the main loop for @seconds. */
void           spin_for              (double        seconds);
/* Runs the main loop until @done says so; the test fails after @seconds. */
void           spin_until            (gboolean    (*done) (gpointer),
                                      gpointer      data,
                                      guint         seconds);
/* The same, returning FALSE after @seconds instead of failing. */
gboolean       try_spin_until        (gboolean    (*done) (gpointer),
                                      gpointer      data,
                                      double        seconds);
/* For spin_until(): whether the pointer at @pointer, a weak pointer to an
 * object, is NULL: the object is gone. */
gboolean       is_cleared            (gpointer      pointer);
/* The first widget, depth first from @root, that @match accepts. */
GtkWidget     *find_widget           (GtkWidget    *root,
                                      gboolean    (*match) (GtkWidget *, gconstpointer),
                                      gconstpointer data);
/* Matches for find_widget(): of the GType in @type; the card of @person;
 * the list's row of the responsibility of id @id; the button labelled
 * @label; the button of the action named @action; a label whose text
 * contains @text. */
gboolean       is_of_type            (GtkWidget    *widget,
                                      gconstpointer type);
gboolean       is_card_of            (GtkWidget    *widget,
                                      gconstpointer person);
gboolean       is_row_of             (GtkWidget    *widget,
                                      gconstpointer id);
gboolean       is_button_labelled    (GtkWidget    *widget,
                                      gconstpointer label);
gboolean       is_button_of          (GtkWidget    *widget,
                                      gconstpointer action);
gboolean       is_label_containing   (GtkWidget    *widget,
                                      gconstpointer text);
/* The drop target of @widget; the test fails if it has none. */
GtkDropTarget *drop_target_of        (GtkWidget    *widget);
/* Whether the window shows its first person's card, laid out. */
gboolean       has_cards             (gpointer      window);
/* Whether the window's suggestions are those of the plan as it is now,
 * made on another thread after each edit. */
gboolean       suggestions_fresh     (gpointer      window);
/* The plan the window shows (cto_window_get_plan()), and its history. */
CtoPlan       *plan_of               (CtoWindow    *window);
CtoHistory    *history_of            (CtoWindow    *window);
/* Runs the main loop until the window has read the file it was reading. */
void           wait_until_loaded     (CtoWindow    *window);
/* cto_window_open_file(), then the main loop until the file is read. */
void           open_and_wait         (CtoWindow    *window,
                                      GFile        *file);
/* Runs the main loop until the save under way, written on another thread,
 * has ended, or the window has gone. */
void           wait_until_saved      (gpointer      window);
/* _cto_window_save_to(), then the main loop until saved: TRUE when the
 * window's file is now @file and no error is shown. */
gboolean       save_to_and_wait      (CtoWindow    *window,
                                      GFile        *file);
/* Activates win.save, then the main loop until saved. */
void           save_and_wait         (CtoWindow    *window);
/* FALSE, and the test skipped, under LeakSanitizer: GTK 4.8's own file
 * chooser leaves what its folder model read behind when it closes, which
 * would drown what the program itself does. */
gboolean       file_chooser_testable (void);

/* Activates what @trigger ("<Shift>F10") does among the shortcuts of
 * @widget, as the key would. */
void           press_shortcut        (GtkWidget    *widget,
                                      const char   *trigger);
/* Presses @keyval (with @state) while @widget has the focus, as GTK hands
 * the key on to key controllers (its shortcut controllers aside); whether
 * one took it. */
gboolean       press_key             (GtkWidget    *widget,
                                      guint         keyval,
                                      GdkModifierType state);

G_END_DECLS
