/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CTO_CSV_ERROR (cto_csv_error_quark ())

typedef enum
{
  CTO_CSV_ERROR_TOO_LARGE,      /* the file is over the size limit */
  CTO_CSV_ERROR_NOT_A_FILE,     /* a folder, a FIFO, a device */
  CTO_CSV_ERROR_UNCLOSED_QUOTE, /* a quoted cell runs to the end of the file */
  CTO_CSV_ERROR_ENCODING,       /* a cell that is not UTF-8, or holds a NUL */
  CTO_CSV_ERROR_TOO_WIDE,       /* a record of more cells than a spreadsheet has columns */
  CTO_CSV_ERROR_HEADER,         /* the header row lacks or repeats a column */
  CTO_CSV_ERROR_INVALID,        /* a cell breaks a rule of the plan format */
  CTO_CSV_ERROR_PLAN_TOO_LARGE, /* the plan would be too large to write */
} CtoCsvError;

/* The columns of a spreadsheet's sheet: a record of more cells is refused,
 * so that a line of separators cannot make millions of cells. */
#define CTO_CSV_MAX_COLUMNS 16384

GQuark cto_csv_error_quark (void);

/*
 * Reads the records of a CSV text (RFC 4180) as a spreadsheet does: UTF-8
 * with or without a byte order mark; cells separated by commas or by
 * semicolons, whichever the first record holds more of outside quotes;
 * records ended by CRLF, LF or CR; a cell that starts with a double quote
 * runs to the next lone double quote and may hold separators, line breaks
 * and doubled quotes. A quote inside an unquoted cell, or text after the
 * closing quote of a quoted one, is kept as it is.
 */
typedef struct _CtoCsvReader CtoCsvReader;

/* @data is borrowed: it must outlive the reader. */
CtoCsvReader *cto_csv_reader_new        (const char    *data,
                                         gsize          length);
void          cto_csv_reader_free       (CtoCsvReader  *self);

/* ',' or ';'. */
char          cto_csv_reader_get_separator (CtoCsvReader *self);

/*
 * Reads the next record into @cells (transfer full, a GPtrArray of
 * nul-terminated strings). Returns FALSE at the end of the text with @error
 * unset, or FALSE with @error set when the record cannot be read: then
 * cto_csv_reader_get_column() says which cell, and reading may go on with the
 * next record (a quote left open has taken the rest of the text with it).
 */
gboolean      cto_csv_reader_next       (CtoCsvReader  *self,
                                         GPtrArray    **cells,
                                         GError       **error);
/* The row of the record last read, as a spreadsheet counts: the first is 1. */
guint         cto_csv_reader_get_row    (CtoCsvReader  *self);
/* The cell, counted from 0, where the last record could not be read. */
guint         cto_csv_reader_get_column (CtoCsvReader  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CtoCsvReader, cto_csv_reader_free)

/* The largest CSV file read, as for plans. */
#define CTO_CSV_MAX_FILE_SIZE (64 * 1024 * 1024)

/* All of a CSV file, refused at once unless it is a regular file of at most
 * CTO_CSV_MAX_FILE_SIZE bytes. */
char         *cto_csv_read_file         (GFile         *file,
                                         GCancellable  *cancellable,
                                         gsize         *length,
                                         GError       **error);

/* A cell as a number, as a spreadsheet writes one ("2.5"; "2,5" when
 * @separator is ';'). */
gboolean      cto_csv_parse_number      (const char    *text,
                                         char           separator,
                                         double        *value);

G_END_DECLS
