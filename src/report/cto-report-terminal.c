/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-report"

#include "config.h"

#include <string.h>

#include "cto-report-terminal-private.h"
#include "cto-terminal-text.h"

#define MAX_RULE 72

char *
_cto_report_terminal_escape (const char *text)
{
  return cto_terminal_text (text != NULL ? text : "", -1, CTO_TERMINAL_TEXT_ONE_LINE);
}

guint
_cto_report_terminal_width (const char *text)
{
  guint width = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iszerowidth (c))
        continue;
      width += g_unichar_iswide (c) ? 2 : 1;
    }

  return width;
}

static void
pad (GString *out,
     guint    columns)
{
  for (guint i = 0; i < columns; i++)
    g_string_append_c (out, ' ');
}

void
_cto_report_terminal_left (GString    *out,
                           const char *text,
                           guint       width)
{
  guint w = _cto_report_terminal_width (text);

  g_string_append (out, text);
  if (w < width)
    pad (out, width - w);
}

void
_cto_report_terminal_right (GString    *out,
                            const char *text,
                            guint       width)
{
  guint w = _cto_report_terminal_width (text);

  if (w < width)
    pad (out, width - w);
  g_string_append (out, text);
}

void
_cto_report_terminal_heading (GString    *out,
                              const char *heading,
                              char        rule)
{
  guint width = MIN (_cto_report_terminal_width (heading), MAX_RULE);

  g_string_append (out, heading);
  g_string_append_c (out, '\n');
  for (guint i = 0; i < width; i++)
    g_string_append_c (out, rule);
  g_string_append_c (out, '\n');
}
