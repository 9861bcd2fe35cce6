/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "cto-json-writer.h"
#include "cto-plan-diff.h"

G_BEGIN_DECLS

/* The object of `cto-planner --diff --json` (PLAN-FORMAT.md, section 7),
 * one trailing newline. Free with g_free(). */
char *cto_report_diff_json          (CtoPlanDiff   *diff);
/* Its members (people, responsibilities, functions) into the object open in @w. */
void  cto_report_diff_write_members (CtoJsonWriter *w,
                                     CtoPlanDiff   *diff);
/* What changed, for people to read in a terminal, as `cto-planner --diff`
 * prints it; @old_name and @new_name name the two plans (file names). */
char *cto_report_diff_text          (CtoPlanDiff   *diff,
                                     const char    *old_name,
                                     const char    *new_name);

/* A compared member's values before and after in words, for people, each a
 * new string: "12 h", "yes", "no date", "1 April 2027", a manager by name
 * (in the old and the new plan), a quoted text. Numbers have two decimals
 * at most, as everywhere (PLAN-FORMAT.md, section 4), and more only where
 * two would read the same: "40 h → 40.0001 h". Not escaped. */
void  cto_report_diff_describe_field (CtoPlan             *old_plan,
                                      CtoPlan             *new_plan,
                                      const CtoDiffField  *field,
                                      char               **before,
                                      char               **after);
/* A member's name for people: "capacity" → "Capacity". */
const char *cto_report_diff_field_name (const char *field);
/* Who carries @change's responsibility before and after, in the old and
 * the new plan, each a new string: "Bo Lin 67% (accountable), Ana Pérez
 * 33%", "Bo Lin", or "nobody", as the board pages say it. When the two would
 * read the same (shares scaled alike, or the one person's mark set), the
 * shares and marks themselves: "Bo Lin (share 2, accountable)", with more
 * decimals where two would not tell them apart. Not escaped. */
void  cto_report_diff_describe_carriers  (CtoPlan              *old_plan,
                                          CtoPlan              *new_plan,
                                          const CtoDiffChange  *change,
                                          char                **before,
                                          char                **after);

G_END_DECLS
