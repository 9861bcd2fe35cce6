/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * The command line of PLAN-FORMAT.md section 4. Parses @argv; runs a headless
 * command (which never touches GTK) and returns its exit status, or returns -1
 * with @files set (a %NULL-terminated list, possibly empty) when the window
 * should open them.
 */
int  cto_cli_run  (int      argc,
                   char   **argv,
                   char  ***files);

G_END_DECLS
