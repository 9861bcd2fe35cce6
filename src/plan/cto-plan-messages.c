/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-plan-io"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "cto-plan-io-private.h"
#include "cto-plan.h"
#include "cto-terminal-text.h"

/* A value as a message shows it: quoted, with the characters a terminal
 * could act on shown escaped, on one line and cut short when long. */
char *
_cto_plan_quote_value (const char *value)
{
  return cto_terminal_text_quote (value);
}

static gboolean
is_plain_name (const char *name)
{
  if (!g_ascii_isalpha (*name) && *name != '_')
    return FALSE;

  for (const char *p = name + 1; *p != '\0'; p++)
    {
      if (!g_ascii_isalnum (*p) && *p != '_' && *p != '-')
        return FALSE;
    }

  return TRUE;
}

static void
append_location (GString               *s,
                 const CtoPlanLocation *location)
{
  if (location->parent == NULL)
    return;

  append_location (s, location->parent);

  if (location->member == NULL)
    {
      g_string_append_printf (s, "[%u]", location->index);
    }
  else if (is_plain_name (location->member) &&
           strlen (location->member) <= CTO_TERMINAL_TEXT_MAX_VALUE)
    {
      if (s->len > 0)
        g_string_append_c (s, '.');
      g_string_append (s, location->member);
    }
  else
    {
      g_autofree char *quoted = cto_terminal_text_quote (location->member);

      g_string_append_c (s, '[');
      g_string_append (s, quoted);
      g_string_append_c (s, ']');
    }
}

char *
_cto_plan_location_to_string (const CtoPlanLocation *location)
{
  GString *s;

  if (location->parent == NULL)
    return g_strdup (_("top level"));

  s = g_string_new (NULL);
  append_location (s, location);
  return g_string_free (s, FALSE);
}

void
_cto_plan_set_error (GError     **error,
                     int          code,
                     const char  *where,
                     const char  *format,
                     ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, CTO_PLAN_ERROR, code, "%s: %s", where, what);
}

void
_cto_plan_set_error_at (GError         **error,
              int              code,
              const CtoPlanLocation  *location,
              const char      *format,
              ...)
{
  g_autofree char *where = _cto_plan_location_to_string (location);
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, CTO_PLAN_ERROR, code, "%s: %s", where, what);
}

/* "line L, column C" of a byte offset; columns count characters. The text
 * before @offset is valid UTF-8 whenever this is asked. */
char *
_cto_plan_describe_position (const char *data,
                   gsize       offset)
{
  const char *line_start = data;
  guint line = 1;

  for (const char *p = data; p < data + offset; p++)
    {
      if (*p == '\n')
        {
          line++;
          line_start = p + 1;
        }
    }

  return g_strdup_printf (_("line %u, column %u"), line,
                          (guint) g_utf8_strlen (line_start, data + offset - line_start) + 1);
}

void
_cto_plan_set_error_at_offset (GError     **error,
                               int          code,
                               const char  *data,
                               gsize        offset,
                               const char  *format,
                               ...)
{
  g_autofree char *where = _cto_plan_describe_position (data, offset);
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, CTO_PLAN_ERROR, code, "%s: %s", where, what);
}
