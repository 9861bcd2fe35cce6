/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cto-csv-reader.h"
#include "cto-plan.h"

G_BEGIN_DECLS

/*
 * A new plan from a spreadsheet's CSV (PLAN-FORMAT.md, section 9): one row
 * per responsibility under the header
 *
 *   id,title,function,effort,description,accountable,person_1,share_1,…
 *
 * in any letter case and order; only title and function are required.
 * Every person named becomes a person of the plan.
 *
 * Every problem names its row as a spreadsheet counts them (the header is
 * row 1) and its column: `row 7, column "effort": not a number`.
 */

/**
 * CtoCsvProblem:
 * @row: the row, the header being row 1
 * @column: the column's name as the header gives it, or %NULL for the row
 *   as a whole
 * @message: the whole message, `row 7, column "effort": not a number`
 *
 * A row, or a cell, that could not be read.
 */
typedef struct
{
  guint  row;
  char  *column;
  char  *message;
} CtoCsvProblem;

#define CTO_TYPE_CSV_IMPORT (cto_csv_import_get_type ())
G_DECLARE_FINAL_TYPE (CtoCsvImport, cto_csv_import, CTO, CSV_IMPORT, GObject)

/* Reads every row of @data, a CSV file's bytes, into a plan titled @title. */
CtoCsvImport        *cto_csv_import_new_for_data  (const char    *data,
                                                   gsize          length,
                                                   const char    *title);
/*
 * Reads @file as cto_csv_import_new_for_data() does, titled after its name.
 * Refuses (CTO_CSV_ERROR, or G_IO_ERROR when it cannot be read) a file over
 * 64 MiB or one that is not a regular file, at once, without waiting on it.
 */
CtoCsvImport        *cto_csv_import_new_for_file  (GFile         *file,
                                                   GCancellable  *cancellable,
                                                   GError       **error);

/* The problems, in the order of the rows. */
guint                cto_csv_import_get_n_problems (CtoCsvImport *self);
const CtoCsvProblem *cto_csv_import_get_problem   (CtoCsvImport  *self,
                                                   guint          position);
/*
 * The plan of every row that could be read, with an empty history; %NULL
 * when the file as a whole could not be read (no header, a column missing,
 * a quote left open). Rows with problems are left out of it whole.
 */
CtoPlan             *cto_csv_import_get_plan      (CtoCsvImport  *self);
/* How many rows the plan holds. */
guint                cto_csv_import_get_n_rows    (CtoCsvImport  *self);

/*
 * The plan, only when every row could be read: else %NULL and @error (a
 * CTO_CSV_ERROR) says what is wrong with the first problem.
 */
CtoPlan             *cto_csv_import_dup_complete_plan (CtoCsvImport *self,
                                                   GError       **error);

/* The title a plan imported from @file gets: its name without the extension. */
char                *cto_csv_import_title_for_file (GFile        *file);

/* Whether @data begins as a sheet the import reads, its first row a header
 * with the columns title and function: to tell a spreadsheet opened as a
 * plan from any other file that is not one. */
gboolean             cto_csv_import_is_sheet      (const char   *data,
                                                   gsize         length);

G_END_DECLS
