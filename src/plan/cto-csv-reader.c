/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-csv-reader"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

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

static gboolean
is_all_digits (const char *p,
               const char *end)
{
  if (p == end)
    return FALSE;

  for (; p < end; p++)
    {
      if (!g_ascii_isdigit (*p))
        return FALSE;
    }

  return TRUE;
}

/**
 * cto_csv_parse_number:
 * @text: a cell
 * @separator: the file's separator
 * @value: (out): the number
 *
 * Reads a number as a spreadsheet writes it: digits with an optional point
 * (or, in a file separated by semicolons, a comma) and exponent, a sign, and
 * spaces around it. Hexadecimal, "inf" and "nan" are not numbers here.
 *
 * Returns: whether @text is a number; one too large to hold is infinite
 */
gboolean
cto_csv_parse_number (const char *text,
                      char        separator,
                      double     *value)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  char *p = copy;
  char *mantissa;
  char *point;
  char *exponent;
  char *end;
  gboolean has_digits = FALSE;

  if (*p == '+' || *p == '-')
    p++;
  mantissa = p;

  exponent = strpbrk (p, "eE");
  end = exponent != NULL ? exponent : p + strlen (p);

  point = memchr (p, '.', end - p);
  if (point == NULL && separator == ';')
    {
      point = memchr (p, ',', end - p);
      if (point != NULL)
        *point = '.';
    }

  if (point != NULL)
    {
      has_digits = (point > mantissa && is_all_digits (mantissa, point)) ||
                   (point + 1 < end && is_all_digits (point + 1, end));
      if ((point > mantissa && !is_all_digits (mantissa, point)) ||
          (point + 1 < end && !is_all_digits (point + 1, end)))
        has_digits = FALSE;
    }
  else
    {
      has_digits = is_all_digits (mantissa, end);
    }

  if (has_digits && exponent != NULL)
    {
      char *e = exponent + 1;

      if (*e == '+' || *e == '-')
        e++;
      has_digits = is_all_digits (e, e + strlen (e));
    }

  if (!has_digits)
    return FALSE;

  /* -0 is 0. */
  *value = g_ascii_strtod (copy, NULL) + 0.0;

  return TRUE;
}

/* Reading the file ------------------------------------------------------------- */

static void
set_file_error (GError     **error,
                int          errsv)
{
  const char *what;

  if (errsv == ENOENT)
    what = _("no such file");
  else if (errsv == EACCES || errsv == EPERM)
    what = _("permission denied");
  else
    what = g_strerror (errsv);

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv), "%s: %s", _("file"), what);
}

static void
set_too_large_error (GError **error)
{
  g_autofree char *what = g_strdup_printf (_("too large (the limit is %d MiB)"),
                                           CTO_CSV_MAX_FILE_SIZE / (1024 * 1024));

  g_set_error (error, CTO_CSV_ERROR, CTO_CSV_ERROR_TOO_LARGE, "%s: %s", _("file"), what);
}

static gboolean
check_file_type (GFileType   type,
                 GError    **error)
{
  if (type == G_FILE_TYPE_REGULAR)
    return TRUE;

  if (type == G_FILE_TYPE_DIRECTORY)
    g_set_error (error, CTO_CSV_ERROR, CTO_CSV_ERROR_NOT_A_FILE, "%s: %s", _("file"),
                 _("is a folder, not a file"));
  else
    g_set_error (error, CTO_CSV_ERROR, CTO_CSV_ERROR_NOT_A_FILE, "%s: %s", _("file"),
                 _("not a regular file"));

  return FALSE;
}

/* Reads a local file: opened without waiting (a FIFO would otherwise wait
 * for a writer), refused unless it is a regular file, and read no further
 * than the limit. */
static char *
read_local_file (const char  *path,
                 gsize       *length,
                 GError     **error)
{
  g_autofree char *buffer = NULL;
  gsize capacity;
  gsize filled = 0;
  struct stat st;
  int fd;

  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      set_file_error (error, errno);
      return NULL;
    }

  if (fstat (fd, &st) != 0)
    {
      set_file_error (error, errno);
      close (fd);
      return NULL;
    }

  if (!check_file_type (S_ISREG (st.st_mode) ? G_FILE_TYPE_REGULAR
                        : S_ISDIR (st.st_mode) ? G_FILE_TYPE_DIRECTORY
                        : G_FILE_TYPE_SPECIAL, error))
    {
      close (fd);
      return NULL;
    }

  if (st.st_size > CTO_CSV_MAX_FILE_SIZE)
    {
      set_too_large_error (error);
      close (fd);
      return NULL;
    }

  capacity = (gsize) st.st_size + 1;
  buffer = g_malloc (capacity);

  for (;;)
    {
      gssize got;

      if (filled == capacity)
        {
          if (capacity > CTO_CSV_MAX_FILE_SIZE)
            {
              set_too_large_error (error);
              close (fd);
              return NULL;
            }
          capacity = MIN (capacity * 2, (gsize) CTO_CSV_MAX_FILE_SIZE + 1);
          buffer = g_realloc (buffer, capacity);
        }

      got = read (fd, buffer + filled, capacity - filled);
      if (got < 0 && errno == EINTR)
        continue;
      if (got < 0)
        {
          set_file_error (error, errno);
          close (fd);
          return NULL;
        }
      if (got == 0)
        break;
      filled += (gsize) got;
    }

  close (fd);

  if (filled > CTO_CSV_MAX_FILE_SIZE)
    {
      set_too_large_error (error);
      return NULL;
    }

  *length = filled;
  return g_steal_pointer (&buffer);
}

/**
 * cto_csv_read_file:
 * @file: a CSV file
 * @cancellable: (nullable): a #GCancellable
 * @length: (out): the number of bytes read
 * @error: where a file that cannot be read says why ("file: …")
 *
 * Reads all of @file, refusing it at once (CTO_CSV_ERROR) when it is not a
 * regular file or is over %CTO_CSV_MAX_FILE_SIZE.
 *
 * Returns: (transfer full) (nullable): the bytes, nul-terminated
 */
char *
cto_csv_read_file (GFile         *file,
                   GCancellable  *cancellable,
                   gsize         *length,
                   GError       **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  char *contents = NULL;

  if (path != NULL)
    return read_local_file (path, length, error);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL)
    {
      g_set_error (error, local_error->domain, local_error->code, "%s: %s", _("file"),
                   local_error->message);
      return NULL;
    }

  if (!check_file_type (g_file_info_get_file_type (info), error))
    return NULL;

  if (g_file_info_get_size (info) > CTO_CSV_MAX_FILE_SIZE)
    {
      set_too_large_error (error);
      return NULL;
    }

  if (!g_file_load_contents (file, cancellable, &contents, length, NULL, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code, "%s: %s", _("file"),
                   local_error->message);
      return NULL;
    }

  if (*length > CTO_CSV_MAX_FILE_SIZE)
    {
      g_free (contents);
      set_too_large_error (error);
      return NULL;
    }

  return contents;
}
