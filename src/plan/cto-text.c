/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-plan"

#include "config.h"

#include <string.h>

#include "cto-text-private.h"

char *
_cto_text_casefold (const char *text)
{
  gsize length = strlen (text);

  for (gsize i = 0; i < length; i++)
    if ((guchar) text[i] >= 0x80)
      return g_utf8_casefold (text, length);

  return g_ascii_strdown (text, length);
}
