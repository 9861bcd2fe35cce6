/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * Text laid out for a terminal: the text of --summary, --suggest,
 * --timeline and --diff. Plan text goes through
 * _cto_report_terminal_escape(), which is cto_terminal_text() for one line
 * (PLAN-FORMAT.md, section 8).
 */
char  *_cto_report_terminal_escape (const char *text);
/* Columns @text takes in a terminal. */
guint  _cto_report_terminal_width  (const char *text);
/* @text, then spaces up to @width columns. */
void   _cto_report_terminal_left   (GString    *out,
                                    const char *text,
                                    guint       width);
/* Spaces, then @text ending at @width columns. */
void   _cto_report_terminal_right  (GString    *out,
                                    const char *text,
                                    guint       width);
/* A heading and a rule of @rule under it. */
void   _cto_report_terminal_heading (GString   *out,
                                     const char *heading,
                                     char        rule);

G_END_DECLS
