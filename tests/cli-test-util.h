/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The built program run as a user runs it, with no display (PLAN-FORMAT.md,
 * section 4). */
typedef struct
{
  int   status;     /* exit status; -1 when the program did not exit normally */
  char *out;
  char *err;
} CliRun;

void  cli_run_clear (CliRun      *run);
void  cli_run_argv  (CliRun      *run,
                     const char **args);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CliRun, cli_run_clear)

#define CLI_RUN(run, ...) \
  G_STMT_START { \
    const char *_args[] = { __VA_ARGS__, NULL }; \
    cli_run_argv (run, _args); \
  } G_STMT_END

G_END_DECLS
