/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * Text that reaches a terminal (PLAN-FORMAT.md, section 8): every message and
 * the text of --summary, --suggest, --timeline and --diff goes through here,
 * so that no plan text or file name can move the cursor, change colours,
 * forge a line or reorder what is shown.
 *
 * Shown as \u{…} (lowercase hexadecimal, no leading zeros): control
 * characters U+0000–U+001F (but a line feed in multi-line text), U+007F–U+009F,
 * the bidirectional controls U+202A–U+202E and U+2066–U+2069, and
 * noncharacters (U+FDD0–U+FDEF and U+xFFFE, U+xFFFF). A byte that is not part
 * of valid UTF-8, as in a file name, is shown as \x.. (lowercase). Everything
 * else, backslashes included, is kept as it is.
 */

typedef enum
{
  CTO_TERMINAL_TEXT_ONE_LINE       = 0,       /* a line feed too is shown as \u{a} */
  CTO_TERMINAL_TEXT_KEEP_LINE_FEED = 1 << 0,  /* multi-line output: line feeds stay */
} CtoTerminalTextFlags;

/* The longest member name or value a message shows, in bytes, before "…". */
#define CTO_TERMINAL_TEXT_MAX_VALUE 64

/* Whether @c is shown escaped (line feeds aside). */
gboolean  cto_terminal_text_is_unsafe  (gunichar              c);

/* @text (@length bytes, or up to its nul when -1) made safe for a terminal. */
char     *cto_terminal_text            (const char           *text,
                                        gssize                length,
                                        CtoTerminalTextFlags  flags);
void      cto_terminal_text_append     (GString              *out,
                                        const char           *text,
                                        gssize                length,
                                        CtoTerminalTextFlags  flags);

/* A member name or value as a message names it: in double quotes, on one
 * line, with '"' and '\' escaped by a backslash, cut at a character boundary
 * after CTO_TERMINAL_TEXT_MAX_VALUE bytes of @value with "…" inside the
 * quotes. */
char     *cto_terminal_text_quote      (const char           *value);

G_END_DECLS
