/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-json-writer"

#include "config.h"

#include <math.h>

#include "cto-json-writer.h"
#include "cto-plan-io.h"
#include "cto-terminal-text.h"

#define MAX_DEPTH 16

struct _CtoJsonWriter
{
  GString  *out;
  guint     depth;
  gboolean  empty[MAX_DEPTH];   /* nothing written yet in the container at this depth */
  gboolean  after_member;       /* a member's name was written; its value comes next */
};

CtoJsonWriter *
cto_json_writer_new (void)
{
  CtoJsonWriter *self = g_new0 (CtoJsonWriter, 1);

  self->out = g_string_new (NULL);
  return self;
}

void
cto_json_writer_free (CtoJsonWriter *self)
{
  if (self == NULL)
    return;

  g_string_free (self->out, TRUE);
  g_free (self);
}

char *
cto_json_writer_finish (CtoJsonWriter *self)
{
  GString *out;

  g_return_val_if_fail (self != NULL, NULL);
  g_warn_if_fail (self->depth == 0);

  out = self->out;
  g_free (self);
  g_string_append_c (out, '\n');

  return g_string_free (out, FALSE);
}

static void
indent (CtoJsonWriter *self)
{
  for (guint i = 0; i < self->depth; i++)
    g_string_append (self->out, "  ");
}

/* Starts a value: after a member's name, nothing; in an array, a new line. */
static void
next_value (CtoJsonWriter *self)
{
  if (self->after_member)
    {
      self->after_member = FALSE;
      return;
    }

  if (self->depth == 0)
    return;

  if (!self->empty[self->depth])
    g_string_append_c (self->out, ',');
  g_string_append_c (self->out, '\n');
  indent (self);
  self->empty[self->depth] = FALSE;
}

static void
open_container (CtoJsonWriter *self,
                char           bracket)
{
  g_return_if_fail (self->depth + 1 < MAX_DEPTH);

  next_value (self);
  g_string_append_c (self->out, bracket);
  self->depth++;
  self->empty[self->depth] = TRUE;
}

static void
close_container (CtoJsonWriter *self,
                 char           bracket)
{
  gboolean empty;

  g_return_if_fail (self->depth > 0);

  empty = self->empty[self->depth];
  self->depth--;
  if (!empty)
    {
      g_string_append_c (self->out, '\n');
      indent (self);
    }
  g_string_append_c (self->out, bracket);
}

void
cto_json_writer_begin_object (CtoJsonWriter *self)
{
  open_container (self, '{');
}

void
cto_json_writer_end_object (CtoJsonWriter *self)
{
  close_container (self, '}');
}

void
cto_json_writer_begin_array (CtoJsonWriter *self)
{
  open_container (self, '[');
}

void
cto_json_writer_end_array (CtoJsonWriter *self)
{
  close_container (self, ']');
}

void
cto_json_append_string_full (GString       *out,
                             const char    *value,
                             CtoJsonEscape  escape)
{
  g_autofree char *valid = NULL;
  const char *run;
  const char *p;

  g_return_if_fail (out != NULL && value != NULL);

  if (!g_utf8_validate (value, -1, NULL))
    value = valid = g_utf8_make_valid (value, -1);

  g_string_append_c (out, '"');
  for (p = run = value; *p != '\0'; )
    {
      guchar byte = (guchar) *p;
      gunichar c = byte;
      const char *next = p + 1;

      /* Runs of plain text are copied at once. */
      if (byte >= 0x20 && byte != '"' && byte != '\\' &&
          (escape == CTO_JSON_ESCAPE_FILE || byte < 0x7f))
        {
          p++;
          continue;
        }

      if (byte >= 0x80)
        {
          c = g_utf8_get_char (p);
          next = g_utf8_next_char (p);
          if (!cto_terminal_text_is_unsafe (c))
            {
              p = next;
              continue;
            }
        }

      g_string_append_len (out, run, p - run);
      switch (c)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\b':
          g_string_append (out, "\\b");
          break;
        case '\f':
          g_string_append (out, "\\f");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        default:
          if (c < 0x10000)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_printf (out, "\\u%04x\\u%04x",
                                    0xd800 + ((c - 0x10000) >> 10),
                                    0xdc00 + ((c - 0x10000) & 0x3ff));
        }
      p = run = next;
    }
  g_string_append_len (out, run, p - run);
  g_string_append_c (out, '"');
}

void
cto_json_append_string (GString    *out,
                        const char *value)
{
  cto_json_append_string_full (out, value, CTO_JSON_ESCAPE_TERMINAL);
}

/* @buffer holds at least G_ASCII_DTOSTR_BUF_SIZE bytes. */
static const char *
format_number (char   *buffer,
               double  value)
{
  static const char * const formats[] = {
    "%.1g", "%.2g", "%.3g", "%.4g", "%.5g", "%.6g", "%.7g", "%.8g", "%.9g",
    "%.10g", "%.11g", "%.12g", "%.13g", "%.14g", "%.15g", "%.16g", "%.17g",
  };

  if (!isfinite (value))
    return "null";

  /* Every integer below 10^15 is exact in a double and reads back the same.
   * -0 comes out as 0: json-glib reads "-0" as the integer 0, so "-0" would
   * not survive a second save. */
  if (value == trunc (value) && fabs (value) < 1e15)
    {
      g_snprintf (buffer, G_ASCII_DTOSTR_BUF_SIZE, "%" G_GINT64_FORMAT, (gint64) value);
      return buffer;
    }

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_ascii_formatd (buffer, G_ASCII_DTOSTR_BUF_SIZE, formats[i], value);
      if (g_ascii_strtod (buffer, NULL) == value)
        break;
    }

  return buffer;
}

void
cto_json_append_number (GString *out,
                        double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append (out, format_number (buffer, value));
}

/**
 * cto_format_json_number:
 * @value: a finite number
 *
 * The shortest text that reads back to @value: integers without a decimal
 * point ("40", not "40.0"), other values with as few digits as they need
 * ("0.1", not "0.10000000000000001"). Non-finite values, which JSON cannot
 * hold, come out as "null".
 *
 * Returns: (transfer full): the text
 */
char *
cto_format_json_number (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (format_number (buffer, value));
}

void
cto_json_writer_member (CtoJsonWriter *self,
                        const char    *name)
{
  g_return_if_fail (self != NULL && self->depth > 0 && !self->after_member);

  next_value (self);
  cto_json_append_string (self->out, name);
  g_string_append (self->out, ": ");
  self->after_member = TRUE;
}

void
cto_json_writer_string (CtoJsonWriter *self,
                        const char    *value)
{
  next_value (self);
  if (value == NULL)
    g_string_append (self->out, "null");
  else
    cto_json_append_string (self->out, value);
}

void
cto_json_writer_number (CtoJsonWriter *self,
                        double         value)
{
  next_value (self);
  if (!isfinite (value))
    {
      g_string_append (self->out, "null");
      return;
    }

  /* Unrounded (PLAN-FORMAT.md, section 4): a program reading the output
   * gets the figure the analysis worked out, to the last bit. */
  if (value == 0)
    value = 0;  /* no "-0" */

  cto_json_append_number (self->out, value);
}

void
cto_json_writer_boolean (CtoJsonWriter *self,
                         gboolean       value)
{
  next_value (self);
  g_string_append (self->out, value ? "true" : "false");
}

void
cto_json_writer_null (CtoJsonWriter *self)
{
  next_value (self);
  g_string_append (self->out, "null");
}

void
cto_json_writer_member_string (CtoJsonWriter *self,
                               const char    *name,
                               const char    *value)
{
  cto_json_writer_member (self, name);
  cto_json_writer_string (self, value);
}

void
cto_json_writer_member_number (CtoJsonWriter *self,
                               const char    *name,
                               double         value)
{
  cto_json_writer_member (self, name);
  cto_json_writer_number (self, value);
}

void
cto_json_writer_member_boolean (CtoJsonWriter *self,
                                const char    *name,
                                gboolean       value)
{
  cto_json_writer_member (self, name);
  cto_json_writer_boolean (self, value);
}

void
cto_json_writer_member_null (CtoJsonWriter *self,
                             const char    *name)
{
  cto_json_writer_member (self, name);
  cto_json_writer_null (self);
}
