/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-json-writer"

#include "config.h"

#include <math.h>

#include "cto-json-writer.h"
#include "cto-plan-io.h"

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

/* Characters a terminal could act on or show misleadingly: controls,
 * bidirectional controls, noncharacters. */
static gboolean
needs_escape (gunichar c)
{
  return c < 0x20 || (c >= 0x7f && c <= 0x9f) ||
         (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) ||
         (c >= 0xfdd0 && c <= 0xfdef) || (c & 0xfffe) == 0xfffe;
}

void
cto_json_append_string (GString    *out,
                        const char *value)
{
  g_autofree char *valid = NULL;

  if (!g_utf8_validate (value, -1, NULL))
    value = valid = g_utf8_make_valid (value, -1);

  g_string_append_c (out, '"');
  for (const char *p = value; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

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
          if (!needs_escape (c))
            g_string_append_len (out, p, g_utf8_next_char (p) - p);
          else if (c < 0x10000)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_printf (out, "\\u%04x\\u%04x",
                                    0xd800 + ((c - 0x10000) >> 10),
                                    0xdc00 + ((c - 0x10000) & 0x3ff));
        }
    }
  g_string_append_c (out, '"');
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
  char buffer[G_ASCII_DTOSTR_BUF_SIZE + 32];
  g_autofree char *text = NULL;

  next_value (self);
  if (!isfinite (value))
    {
      g_string_append (self->out, "null");
      return;
    }

  if (fabs (value) < 1e15)
    {
      g_ascii_formatd (buffer, sizeof buffer, "%.9f", value);
      value = g_ascii_strtod (buffer, NULL);
    }
  if (value == 0)
    value = 0;  /* no "-0" */

  text = cto_format_json_number (value);
  g_string_append (self->out, text);
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
