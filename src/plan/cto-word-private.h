/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <string.h>

#include <glib.h>

G_BEGIN_DECLS

/* Eight bytes at a time, for the long runs of indentation and of plain
 * string text in a plan file; each test answers whether any of the eight
 * bytes of a word matches. Shared by the scanner (cto-plan-scanner.c) and
 * the document builder (cto-plan-tree.c). */
#define CTO_WORD_ONES  G_GUINT64_CONSTANT (0x0101010101010101)
#define CTO_WORD_HIGHS G_GUINT64_CONSTANT (0x8080808080808080)

/* The eight bytes at @p, whatever their alignment. */
static inline guint64
cto_word_load (const guchar *p)
{
  guint64 word;

  memcpy (&word, p, sizeof word);
  return word;
}

/* Nonzero when a byte of @word is below @limit (at most 0x80). */
static inline guint64
cto_word_bytes_below (guint64 word,
                      guchar  limit)
{
  return (word - CTO_WORD_ONES * limit) & ~word & CTO_WORD_HIGHS;
}

/* Nonzero when a byte of @word is @byte. */
static inline guint64
cto_word_has_byte (guint64 word,
                   guchar  byte)
{
  return cto_word_bytes_below (word ^ (CTO_WORD_ONES * byte), 1);
}

/* Whether all eight bytes of @word are @byte. */
static inline gboolean
cto_word_is_all (guint64 word,
                 guchar  byte)
{
  return word == CTO_WORD_ONES * byte;
}

G_END_DECLS
