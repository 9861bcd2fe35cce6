/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "cto-plan.h"

G_BEGIN_DECLS

/* What the commands of cto-cli*.c share (cto-cli.c). */

enum {
  CTO_CLI_EXIT_REFUSED = 1,
  CTO_CLI_EXIT_USAGE = 2,
};

/* "cto-planner: SUBJECT: MESSAGE" on standard error, one line, safe on a
 * terminal (PLAN-FORMAT.md, section 8); no SUBJECT when %NULL. */
void     _cto_cli_print_error   (const char   *subject,
                                 const char   *message);
void     _cto_cli_print_refusal (const char   *path,
                                 const GError *error);
/* The plan in @path, as of the day of --as-of when one was given; prints
 * the refusal and returns %NULL when it cannot be read. */
CtoPlan *_cto_cli_load          (const char   *path);
/* Writes @text to standard output: 0, or 1 when it could not be written. */
int      _cto_cli_print         (const char   *text);

G_END_DECLS
