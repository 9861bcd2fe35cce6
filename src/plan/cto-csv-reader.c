/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-csv-reader"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "cto-csv-reader.h"

struct _CtoCsvReader
{
  const char *data;
  gsize       length;
  gsize       offset;
  char        separator;
  guint       row;
  guint       column;
};

G_DEFINE_QUARK (cto-csv-error-quark, cto_csv_error)

/* The separator the first record uses more of, outside quoted cells. */
static char
detect_separator (const char *data,
                  gsize       length)
{
  gboolean quoted = FALSE;
  gsize commas = 0;
  gsize semicolons = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (c == '"')
        quoted = !quoted;
      else if (quoted)
        continue;
      else if (c == '\n' || c == '\r')
        break;
      else if (c == ',')
        commas++;
      else if (c == ';')
        semicolons++;
    }

  return semicolons > commas ? ';' : ',';
}

/**
 * cto_csv_reader_new:
 * @data: (array length=length): the text, not necessarily nul-terminated
 * @length: its length in bytes
 *
 * Returns: (transfer full): a reader at the first record
 */
CtoCsvReader *
cto_csv_reader_new (const char *data,
                    gsize       length)
{
  CtoCsvReader *self = g_new0 (CtoCsvReader, 1);

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  self->data = data != NULL ? data : "";
  self->length = length;

  /* A byte order mark is no part of the first cell. */
  if (length >= 3 && memcmp (self->data, "\xef\xbb\xbf", 3) == 0)
    self->offset = 3;

  self->separator = detect_separator (self->data + self->offset, self->length - self->offset);

  return self;
}

void
cto_csv_reader_free (CtoCsvReader *self)
{
  g_free (self);
}

char
cto_csv_reader_get_separator (CtoCsvReader *self)
{
  g_return_val_if_fail (self != NULL, ',');

  return self->separator;
}

guint
cto_csv_reader_get_row (CtoCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->row;
}

guint
cto_csv_reader_get_column (CtoCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->column;
}

/* Skips the line break at the offset, if there is one. */
static gboolean
skip_line_break (CtoCsvReader *self)
{
  if (self->offset >= self->length)
    return FALSE;

  if (self->data[self->offset] == '\r')
    {
      self->offset++;
      if (self->offset < self->length && self->data[self->offset] == '\n')
        self->offset++;
      return TRUE;
    }

  if (self->data[self->offset] == '\n')
    {
      self->offset++;
      return TRUE;
    }

  return FALSE;
}

/* The cell that starts at the offset; the offset ends at the separator,
 * the line break or the end of the text that follows it. */
static char *
read_cell (CtoCsvReader *self,
           gsize        *length,
           gboolean     *unclosed)
{
  const char *data = self->data;
  gsize end = self->length;
  GString *cell = g_string_new (NULL);
  gsize i = self->offset;

  *unclosed = FALSE;

  if (i < end && data[i] == '"')
    {
      i++;
      for (;;)
        {
          const char *quote = memchr (data + i, '"', end - i);

          if (quote == NULL)
            {
              g_string_append_len (cell, data + i, end - i);
              i = end;
              *unclosed = TRUE;
              break;
            }

          g_string_append_len (cell, data + i, quote - (data + i));
          i = quote - data + 1;
          if (i < end && data[i] == '"')
            {
              g_string_append_c (cell, '"');
              i++;
              continue;
            }
          break;
        }
    }

  /* Unquoted text, or what follows a closing quote, up to the separator. */
  while (i < end && !*unclosed)
    {
      char c = data[i];

      if (c == self->separator || c == '\n' || c == '\r')
        break;
      g_string_append_c (cell, c);
      i++;
    }

  self->offset = i;
  *length = cell->len;

  return g_string_free (cell, FALSE);
}

gboolean
cto_csv_reader_next (CtoCsvReader  *self,
                     GPtrArray    **cells,
                     GError       **error)
{
  g_autoptr(GPtrArray) record = NULL;
  const char *bad = NULL;
  CtoCsvError bad_code = CTO_CSV_ERROR_ENCODING;
  guint bad_column = 0;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (cells != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *cells = NULL;
  if (self->offset >= self->length)
    return FALSE;

  self->row++;
  self->column = 0;
  record = g_ptr_array_new_with_free_func (g_free);

  for (;;)
    {
      gboolean unclosed;
      gsize cell_length;
      char *cell = read_cell (self, &cell_length, &unclosed);

      if (record->len < CTO_CSV_MAX_COLUMNS)
        {
          g_ptr_array_add (record, cell);
        }
      else
        {
          /* Read to the end of the record all the same, keeping nothing. */
          g_free (cell);
          if (bad == NULL)
            {
              bad = _("more cells than a sheet has columns");
              bad_code = CTO_CSV_ERROR_TOO_WIDE;
              bad_column = CTO_CSV_MAX_COLUMNS;
            }
          if (unclosed)
            {
              self->column = CTO_CSV_MAX_COLUMNS;
              g_set_error_literal (error, CTO_CSV_ERROR, CTO_CSV_ERROR_UNCLOSED_QUOTE,
                                   _("a quoted cell is never closed"));
              return FALSE;
            }
          cell = NULL;
        }

      if (unclosed)
        {
          self->column = record->len - 1;
          g_set_error_literal (error, CTO_CSV_ERROR, CTO_CSV_ERROR_UNCLOSED_QUOTE,
                               _("a quoted cell is never closed"));
          return FALSE;
        }

      /* A NUL would cut the text short without a word: refused. */
      if (bad == NULL && cell != NULL)
        {
          if (memchr (cell, '\0', cell_length) != NULL)
            bad = _("holds a NUL character");
          else if (!g_utf8_validate (cell, cell_length, NULL))
            bad = _("not valid UTF-8");
          if (bad != NULL)
            bad_column = record->len - 1;
        }

      if (self->offset < self->length && self->data[self->offset] == self->separator)
        {
          self->offset++;
          continue;
        }

      skip_line_break (self);
      break;
    }

  if (bad != NULL)
    {
      self->column = bad_column;
      g_set_error_literal (error, CTO_CSV_ERROR, bad_code, bad);
      return FALSE;
    }

  *cells = g_steal_pointer (&record);
  return TRUE;
}
