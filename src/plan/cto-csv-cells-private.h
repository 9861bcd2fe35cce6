/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "cto-function.h"

G_BEGIN_DECLS

/* A spreadsheet's cells read as a plan's values, for the import
 * (PLAN-FORMAT.md, section 9). */

typedef enum
{
  CTO_CSV_NUMBER_NON_NEGATIVE,
  CTO_CSV_NUMBER_POSITIVE,
} CtoCsvNumberRule;

/* One leading ' goes from each cell: it kept it from being read as a formula. */
void        _cto_csv_defuse_cells   (GPtrArray        *cells);
/* The cell at @column, or "" past the row's end or for -1. */
const char *_cto_csv_cell_at        (GPtrArray        *cells,
                                     int               column);
/* @text as a number by the rules of the plan format (@separator the
 * decimal one); otherwise %FALSE and in @what what is wrong, to free. */
gboolean    _cto_csv_check_number   (const char       *text,
                                     char              separator,
                                     CtoCsvNumberRule  rule,
                                     double           *value,
                                     char            **what);
/* What a cell may name a function by: its id, its English name and its
 * translated one, casefolded once for a whole sheet. */
typedef struct
{
  char *keys[CTO_N_FUNCTIONS][3];
} CtoCsvFunctionKeys;

void        _cto_csv_function_keys_init  (CtoCsvFunctionKeys       *keys);
void        _cto_csv_function_keys_clear (CtoCsvFunctionKeys       *keys);
/* A function by id or by name, English or translated, in any letter case. */
gboolean    _cto_csv_parse_function      (const CtoCsvFunctionKeys *keys,
                                          const char               *text,
                                          CtoFunction              *function);
/* The four functions' names, as a list for a message. Free with g_free(). */
char       *_cto_csv_function_names (void);
/* @value cut to an id's length and made unique among @taken with -2, -3, …;
 * the id is added to @taken (which owns it), and a copy returned. */
char       *_cto_csv_make_unique_id (const char       *value,
                                     GHashTable       *taken);

G_END_DECLS
