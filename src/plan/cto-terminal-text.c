/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-terminal-text"

#include "config.h"

#include <string.h>

#include "cto-terminal-text.h"

gboolean
cto_terminal_text_is_unsafe (gunichar c)
{
  return c < 0x20 || (c >= 0x7f && c <= 0x9f) ||
         (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) ||
         (c >= 0xfdd0 && c <= 0xfdef) || (c & 0xfffe) == 0xfffe;
}

static void
append_escaped (GString              *out,
                const char           *text,
                gsize                 length,
                CtoTerminalTextFlags  flags,
                gboolean              quoted)
{
  const char *p = text;
  const char *end = text + length;
  const char *run = p;

  while (p < end)
    {
      guchar byte = (guchar) *p;
      gunichar c;
      gsize skip;

      /* Plain ASCII is by far the most common: no decoding. */
      if (byte >= 0x20 && byte < 0x7f && !(quoted && (byte == '"' || byte == '\\')))
        {
          p++;
          continue;
        }

      if (byte < 0x80)
        {
          c = byte;
          skip = 1;
        }
      else
        {
          c = g_utf8_get_char_validated (p, end - p);
          skip = c < 0x80000000 ? (gsize) g_utf8_skip[byte] : 1;
        }

      if (c < 0x80000000 && !cto_terminal_text_is_unsafe (c) &&
          !(quoted && (c == '"' || c == '\\')))
        {
          p += skip;
          continue;
        }

      if (c == '\n' && (flags & CTO_TERMINAL_TEXT_KEEP_LINE_FEED) != 0)
        {
          p++;
          continue;
        }

      g_string_append_len (out, run, p - run);
      if (c >= 0x80000000)
        g_string_append_printf (out, "\\x%02x", byte);
      else if (c == '"' || c == '\\')
        {
          g_string_append_c (out, '\\');
          g_string_append_c (out, (char) c);
        }
      else
        g_string_append_printf (out, "\\u{%x}", c);
      p += skip;
      run = p;
    }

  g_string_append_len (out, run, p - run);
}

/**
 * cto_terminal_text_append:
 * @out: where to append
 * @text: the text, in any encoding: bytes that are not UTF-8 are shown as \x..
 * @length: the length of @text in bytes, or -1 when it ends with a nul
 * @flags: whether line feeds stay
 *
 * Appends @text to @out as a terminal may show it (see the header).
 */
void
cto_terminal_text_append (GString              *out,
                          const char           *text,
                          gssize                length,
                          CtoTerminalTextFlags  flags)
{
  g_return_if_fail (out != NULL);

  if (text == NULL)
    return;

  append_escaped (out, text, length < 0 ? strlen (text) : (gsize) length, flags, FALSE);
}

/**
 * cto_terminal_text:
 * @text: (nullable): the text
 * @length: the length of @text in bytes, or -1 when it ends with a nul
 * @flags: whether line feeds stay
 *
 * Returns: (transfer full): @text as a terminal may show it; "" for %NULL
 */
char *
cto_terminal_text (const char           *text,
                   gssize                length,
                   CtoTerminalTextFlags  flags)
{
  GString *out = g_string_new (NULL);

  cto_terminal_text_append (out, text, length, flags);
  return g_string_free (out, FALSE);
}

/**
 * cto_terminal_text_quote:
 * @value: a member name or value
 *
 * Returns: (transfer full): @value as a message names it: quoted, on one
 * line, cut short after CTO_TERMINAL_TEXT_MAX_VALUE bytes
 */
char *
cto_terminal_text_quote (const char *value)
{
  GString *out = g_string_new ("\"");
  gsize length = strlen (value);
  gboolean cut = length > CTO_TERMINAL_TEXT_MAX_VALUE;

  if (cut)
    {
      const char *p = value;
      const char *limit = value + CTO_TERMINAL_TEXT_MAX_VALUE;

      /* The last whole character within the limit; a byte that starts no
       * valid character counts as one. */
      while (p < limit)
        {
          gunichar c = g_utf8_get_char_validated (p, value + length - p);
          gsize skip = c < 0x80000000 ? (gsize) g_utf8_skip[(guchar) *p] : 1;

          if (p + skip > limit)
            break;
          p += skip;
        }
      length = p - value;
    }

  append_escaped (out, value, length, CTO_TERMINAL_TEXT_ONE_LINE, TRUE);
  if (cut)
    g_string_append (out, "…");
  g_string_append_c (out, '"');

  return g_string_free (out, FALSE);
}
