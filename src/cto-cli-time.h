/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "cto-plan.h"

G_BEGIN_DECLS

/*
 * The command line over time and side by side (PLAN-FORMAT.md, sections 6
 * and 7). Each returns the exit status; a day given on the command line is
 * checked first with cto_cli_time_check_date().
 */

/* FALSE, with a message for the usage error, when @text is not a real day
 * "YYYY-MM-DD"; else TRUE, with the day in @day (which may be %NULL), or
 * @day cleared when @text is %NULL. */
gboolean  cto_cli_time_check_date (const char       *option,
                                   const char       *text,
                                   GDate            *day,
                                   char            **message);
/* Takes @plan (may be %NULL) and returns it as of @day, or as it is when
 * @day is not a valid day. */
CtoPlan  *cto_cli_time_as_of      (CtoPlan          *plan,
                                   const GDate      *day);
int       cto_cli_time_timeline   (const char       *path,
                                   gboolean          json,
                                   const char       *from);
int       cto_cli_time_diff       (const char       *old_path,
                                   const char       *new_path,
                                   gboolean          json);

G_END_DECLS
