/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * What the display tests share: running the main loop, finding widgets in
 * the real window, cleaning up after themselves.
 */
#pragma once

#include <adwaita.h>

#include "cto-history.h"
#include "cto-window.h"

G_BEGIN_DECLS

/* Removes @path and everything below it. */
void           remove_tree           (const char   *path);
/* Runs the main loop until nothing is pending. */
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
/* The first widget, depth first from @root, that @match accepts. */
GtkWidget     *find_widget           (GtkWidget    *root,
                                      gboolean    (*match) (GtkWidget *, gconstpointer),
                                      gconstpointer data);
/* Matches for find_widget(): of the GType in @type; the card of @person. */
gboolean       is_of_type            (GtkWidget    *widget,
                                      gconstpointer type);
gboolean       is_card_of            (GtkWidget    *widget,
                                      gconstpointer person);
/* The drop target of @widget; the test fails if it has none. */
GtkDropTarget *drop_target_of        (GtkWidget    *widget);
/* Whether the window shows its first person's card, laid out. */
gboolean       has_cards             (gpointer      window);
CtoHistory    *history_of            (CtoWindow    *window);
/* Runs the main loop until the window has read the file it was reading. */
void           wait_until_loaded     (CtoWindow    *window);
/* cto_window_open_file(), then the main loop until the file is read. */
void           open_and_wait         (CtoWindow    *window,
                                      GFile        *file);
/* FALSE, and the test skipped, under LeakSanitizer: GTK 4.8's own file
 * chooser leaves what its folder model read behind when it closes, which
 * would drown what the program itself does. */
gboolean       file_chooser_testable (void);

G_END_DECLS
