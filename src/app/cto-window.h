/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cto-file-read.h"
#include "cto-plan.h"

G_BEGIN_DECLS

#define CTO_TYPE_WINDOW (cto_window_get_type ())
G_DECLARE_FINAL_TYPE (CtoWindow, cto_window, CTO, WINDOW, AdwApplicationWindow)

/* A window on a new plan made from the starter template. @application may be %NULL. */
CtoWindow *cto_window_new            (GtkApplication *application);

CtoPlan   *cto_window_get_plan       (CtoWindow      *self);
/* The file the plan was read from or last saved to, or %NULL. */
GFile     *cto_window_get_file       (CtoWindow      *self);

/*
 * A window that shows nothing but its progress until @file is read, then
 * the plan; or a page saying why the file could not be opened.
 */
CtoWindow *cto_window_new_for_file   (GtkApplication *application,
                                      GFile          *file);
/* The same for a file already being read. */
CtoWindow *cto_window_new_for_read   (GtkApplication *application,
                                      CtoFileRead    *read);

/*
 * Reads @file in a thread, the window showing that it does. A valid plan
 * replaces the window's plan (after asking about unsaved changes); a
 * refused one leaves the plan untouched and says why.
 */
void       cto_window_open_file      (CtoWindow      *self,
                                      GFile          *file);
/* Whether a file is being read. */
gboolean   cto_window_is_loading     (CtoWindow      *self);

/*
 * Presents the window once the file it reads is read, with the plan (or
 * the page that says why not), or after a moment showing that it reads:
 * a plan read at once shows without a loading page flashing by, and a
 * large one shows its progress.
 */
void       cto_window_present_when_read (CtoWindow   *self);

G_END_DECLS
