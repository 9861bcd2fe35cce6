/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "cto-plan.h"

G_BEGIN_DECLS

/*
 * The responsibilities of @plan as CSV (RFC 4180), for a spreadsheet.
 *
 * A header row, then one row per responsibility in plan order:
 *
 *   id,title,function,effort,description,accountable,person_1,share_1,person_2,share_2,…
 *
 * - function: the function's id ("planning", "consumer-liaison", …);
 * - effort and share_N: numbers as the plan file writes them ("6", "2.5");
 * - accountable: the id of the assignee marked accountable, empty when none is;
 * - person_N, share_N: the assignees in the plan's order, by person id, with
 *   their shares. There are as many pairs as the responsibility with the most
 *   assignees needs (at least one); the pairs a row does not use are empty.
 *
 * Every record ends with CRLF. A field holding a comma, a double quote, CR or
 * LF is quoted, with its double quotes doubled. A field that begins with =, +,
 * -, @, TAB or CR gets a ' in front, so that a spreadsheet shows it as text
 * instead of running it as a formula.
 *
 * Returns: (transfer full): the text; @length (may be %NULL) gets its length.
 */
char *cto_report_csv (CtoPlan *plan,
                      gsize   *length);

G_END_DECLS
