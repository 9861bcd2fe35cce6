/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-plan-io"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "cto-plan-io-private.h"
#include "cto-plan.h"

/* The scan before parsing ----------------------------------------------------- */

typedef enum
{
  BYTE_OTHER,
  BYTE_SPACE,
  BYTE_OPEN,
  BYTE_CLOSE,
  BYTE_PUNCTUATION,
  BYTE_QUOTE,
  BYTE_NUMBER,
  BYTE_WORD,
} ByteClass;

static const guint8 byte_classes[256] = {
  [' '] = BYTE_SPACE, ['\t'] = BYTE_SPACE, ['\n'] = BYTE_SPACE, ['\r'] = BYTE_SPACE,
  ['{'] = BYTE_OPEN, ['['] = BYTE_OPEN,
  ['}'] = BYTE_CLOSE, [']'] = BYTE_CLOSE,
  [','] = BYTE_PUNCTUATION, [':'] = BYTE_PUNCTUATION,
  ['"'] = BYTE_QUOTE,
  ['-'] = BYTE_NUMBER,
  ['0'] = BYTE_NUMBER, ['1'] = BYTE_NUMBER, ['2'] = BYTE_NUMBER, ['3'] = BYTE_NUMBER,
  ['4'] = BYTE_NUMBER, ['5'] = BYTE_NUMBER, ['6'] = BYTE_NUMBER, ['7'] = BYTE_NUMBER,
  ['8'] = BYTE_NUMBER, ['9'] = BYTE_NUMBER,
  ['_'] = BYTE_WORD,
  ['a'] = BYTE_WORD, ['b'] = BYTE_WORD, ['c'] = BYTE_WORD, ['d'] = BYTE_WORD,
  ['e'] = BYTE_WORD, ['f'] = BYTE_WORD, ['g'] = BYTE_WORD, ['h'] = BYTE_WORD,
  ['i'] = BYTE_WORD, ['j'] = BYTE_WORD, ['k'] = BYTE_WORD, ['l'] = BYTE_WORD,
  ['m'] = BYTE_WORD, ['n'] = BYTE_WORD, ['o'] = BYTE_WORD, ['p'] = BYTE_WORD,
  ['q'] = BYTE_WORD, ['r'] = BYTE_WORD, ['s'] = BYTE_WORD, ['t'] = BYTE_WORD,
  ['u'] = BYTE_WORD, ['v'] = BYTE_WORD, ['w'] = BYTE_WORD, ['x'] = BYTE_WORD,
  ['y'] = BYTE_WORD, ['z'] = BYTE_WORD,
  ['A'] = BYTE_WORD, ['B'] = BYTE_WORD, ['C'] = BYTE_WORD, ['D'] = BYTE_WORD,
  ['E'] = BYTE_WORD, ['F'] = BYTE_WORD, ['G'] = BYTE_WORD, ['H'] = BYTE_WORD,
  ['I'] = BYTE_WORD, ['J'] = BYTE_WORD, ['K'] = BYTE_WORD, ['L'] = BYTE_WORD,
  ['M'] = BYTE_WORD, ['N'] = BYTE_WORD, ['O'] = BYTE_WORD, ['P'] = BYTE_WORD,
  ['Q'] = BYTE_WORD, ['R'] = BYTE_WORD, ['S'] = BYTE_WORD, ['T'] = BYTE_WORD,
  ['U'] = BYTE_WORD, ['V'] = BYTE_WORD, ['W'] = BYTE_WORD, ['X'] = BYTE_WORD,
  ['Y'] = BYTE_WORD, ['Z'] = BYTE_WORD,
};

/* Bytes that end the plain run of a string: the quote, the backslash, the
 * control characters (STOP_END), and the first bytes of non-ASCII
 * characters, which are checked one by one (STOP_UTF8). */
enum { STOP_NONE, STOP_END, STOP_UTF8 };

#define STOP_ROW_UTF8 \
  STOP_UTF8, STOP_UTF8, STOP_UTF8, STOP_UTF8, STOP_UTF8, STOP_UTF8, STOP_UTF8, STOP_UTF8, \
  STOP_UTF8, STOP_UTF8, STOP_UTF8, STOP_UTF8, STOP_UTF8, STOP_UTF8, STOP_UTF8, STOP_UTF8

static const guint8 string_stops[256] = {
  STOP_END, STOP_END, STOP_END, STOP_END, STOP_END, STOP_END, STOP_END, STOP_END,
  STOP_END, STOP_END, STOP_END, STOP_END, STOP_END, STOP_END, STOP_END, STOP_END,
  STOP_END, STOP_END, STOP_END, STOP_END, STOP_END, STOP_END, STOP_END, STOP_END,
  STOP_END, STOP_END, STOP_END, STOP_END, STOP_END, STOP_END, STOP_END, STOP_END,
  ['"'] = STOP_END, ['\\'] = STOP_END,
  [0x80] = STOP_ROW_UTF8, STOP_ROW_UTF8, STOP_ROW_UTF8, STOP_ROW_UTF8,
  STOP_ROW_UTF8, STOP_ROW_UTF8, STOP_ROW_UTF8, STOP_ROW_UTF8,
};

#undef STOP_ROW_UTF8

static gboolean
is_word_byte (guchar c)
{
  return byte_classes[c] == BYTE_WORD || g_ascii_isdigit (c);
}

/* Reads the four hex digits of a \u escape at @p; -1 when they are not there. */
static int
read_hex4 (const guchar *p,
           const guchar *end)
{
  int value = 0;

  if (end - p < 4)
    return -1;

  for (int i = 0; i < 4; i++)
    {
      int digit = g_ascii_xdigit_value (p[i]);

      if (digit < 0)
        return -1;
      value = value * 16 + digit;
    }

  return value;
}

/* Eight bytes at a time, for the long runs of indentation and of plain string
 * text; each test below answers whether any of the eight bytes matches. */
#define ONES  G_GUINT64_CONSTANT (0x0101010101010101)
#define HIGHS G_GUINT64_CONSTANT (0x8080808080808080)

static inline guint64
load_word (const guchar *p)
{
  guint64 word;

  memcpy (&word, p, sizeof word);
  return word;
}

static inline guint64
bytes_below (guint64 word,
             guchar  limit)
{
  return (word - ONES * limit) & ~word & HIGHS;
}

static inline gboolean
has_string_stop (guint64 word)
{
  return ((word & HIGHS) |
          bytes_below (word, 0x20) |
          bytes_below (word ^ (ONES * '"'), 1) |
          bytes_below (word ^ (ONES * '\\'), 1)) != 0;
}

/* The character at @p, which is not ASCII, or -1 when @p does not start
 * valid UTF-8 (overlong forms, surrogates and values past U+10FFFF
 * included). Moves @p past it. */
static gunichar
next_utf8_char (const guchar **p,
                const guchar  *end)
{
  gunichar c = g_utf8_get_char_validated ((const char *) *p, end - *p);

  if (c == (gunichar) -1 || c == (gunichar) -2)
    return (gunichar) -1;

  *p += g_utf8_skip[**p];
  return c;
}

/*
 * The checks json-glib does not make, or makes only after recursing: one pass
 * over the bytes, before json-glib sees them.
 *
 * json-glib parses recursively, so deep input would overflow the stack; its
 * scanner also takes comments, single-quoted strings, hexadecimal numbers and
 * text after the value, ends a string at \u0000, lets lone surrogates through
 * as invalid UTF-8, and wraps integers too large for 64 bits. All of that is
 * refused here with the line and column, so that the parser only ever sees
 * valid UTF-8 and strict JSON, nested at most CTO_PLAN_MAX_DEPTH deep, with an
 * object at the top. Everything before the point of a refusal is valid UTF-8.
 */
gboolean
_cto_plan_scan (const char  *data,
                gsize        length,
                GError     **error)
{
  const guchar *start = (const guchar *) data;
  const guchar *end = start + length;
  const guchar *p = start;
  guint depth = 0;

#define FAIL(code, at, ...) \
  G_STMT_START { \
    _cto_plan_set_error_at_offset (error, code, data, (const char *) (at) - data, __VA_ARGS__); \
    return FALSE; \
  } G_STMT_END

  while (p < end && byte_classes[*p] == BYTE_SPACE)
    p++;

  if (p == end)
    {
      _cto_plan_set_error (error, CTO_PLAN_ERROR_SYNTAX, _("file"), _("the file is empty"));
      return FALSE;
    }

  if (*p != '{')
    {
      /* Unless it is not text at all. */
      for (const guchar *q = p; q < end; )
        {
          if (*q < 0x80)
            q++;
          else if (next_utf8_char (&q, end) == (gunichar) -1)
            FAIL (CTO_PLAN_ERROR_SYNTAX, q, _("not valid UTF-8"));
        }

      _cto_plan_set_error (error, CTO_PLAN_ERROR_FORMAT, _("top level"), _("expected a JSON object"));
      return FALSE;
    }

  while (p < end)
    {
      const guchar *token = p;

      switch (byte_classes[*p])
        {
        case BYTE_SPACE:
          for (p++; end - p >= 8 && load_word (p) == ONES * ' '; p += 8)
            ;
          for (; p < end && byte_classes[*p] == BYTE_SPACE; p++)
            ;
          continue;

        case BYTE_OPEN:
          if (++depth > CTO_PLAN_MAX_DEPTH)
            FAIL (CTO_PLAN_ERROR_TOO_DEEP, p, _("nested deeper than %d levels"),
                  CTO_PLAN_MAX_DEPTH);
          p++;
          continue;

        case BYTE_CLOSE:
          p++;
          /* Brackets that do not match are for the parser to report. */
          if (--depth > 0)
            continue;

          for (; p < end; p++)
            {
              if (byte_classes[*p] != BYTE_SPACE)
                FAIL (CTO_PLAN_ERROR_SYNTAX, p, _("unexpected text after the top-level object"));
            }
          return TRUE;

        case BYTE_PUNCTUATION:
          p++;
          continue;

        case BYTE_QUOTE:
          for (p++;;)
            {
              while (end - p >= 8 && !has_string_stop (load_word (p)))
                p += 8;
              while (p < end && string_stops[*p] == STOP_NONE)
                p++;

              if (p == end)
                FAIL (CTO_PLAN_ERROR_SYNTAX, token, _("unterminated string"));

              if (string_stops[*p] == STOP_UTF8)
                {
                  const guchar *character = p;

                  if (next_utf8_char (&p, end) == (gunichar) -1)
                    FAIL (CTO_PLAN_ERROR_SYNTAX, character, _("not valid UTF-8"));
                  continue;
                }

              if (*p == '"')
                {
                  p++;
                  break;
                }

              if (*p != '\\')
                FAIL (CTO_PLAN_ERROR_SYNTAX, p, _("control character U+%04X in a string"), *p);

              if (p + 1 == end)
                FAIL (CTO_PLAN_ERROR_SYNTAX, token, _("unterminated string"));

              switch (p[1])
                {
                case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
                  p += 2;
                  break;

                case 'u':
                  {
                    int unit = read_hex4 (p + 2, end);

                    if (unit < 0)
                      FAIL (CTO_PLAN_ERROR_SYNTAX, p, _("invalid \\u escape"));
                    if (unit == 0)
                      FAIL (CTO_PLAN_ERROR_SYNTAX, p, _("\\u0000 is not allowed in a string"));
                    if (unit >= 0xdc00 && unit <= 0xdfff)
                      FAIL (CTO_PLAN_ERROR_SYNTAX, p, _("invalid \\u escape: unpaired surrogate"));
                    if (unit >= 0xd800 && unit <= 0xdbff)
                      {
                        int low = -1;

                        if (end - p >= 12 && p[6] == '\\' && p[7] == 'u')
                          low = read_hex4 (p + 8, end);
                        if (low < 0xdc00 || low > 0xdfff)
                          FAIL (CTO_PLAN_ERROR_SYNTAX, p,
                                _("invalid \\u escape: unpaired surrogate"));
                        p += 6;
                      }
                    p += 6;
                  }
                  break;

                default:
                  if (p[1] >= 0x21 && p[1] < 0x7f)
                    FAIL (CTO_PLAN_ERROR_SYNTAX, p, _("invalid escape \"\\%c\""), p[1]);
                  FAIL (CTO_PLAN_ERROR_SYNTAX, p, _("invalid escape"));
                }
            }
          continue;

        case BYTE_NUMBER:
          {
            guint digits = 0;
            gboolean integer = TRUE;

            /* -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? */
            if (*p == '-')
              p++;
            if (p < end && *p == '0')
              {
                p++;
                digits = 1;
              }
            else
              {
                for (; p < end && g_ascii_isdigit (*p); p++)
                  digits++;
              }
            if (digits == 0)
              FAIL (CTO_PLAN_ERROR_SYNTAX, token, _("invalid number"));

            if (p < end && *p == '.')
              {
                const guchar *fraction = ++p;

                for (; p < end && g_ascii_isdigit (*p); p++)
                  ;
                if (p == fraction)
                  FAIL (CTO_PLAN_ERROR_SYNTAX, token, _("invalid number"));
                integer = FALSE;
              }

            if (p < end && (*p == 'e' || *p == 'E'))
              {
                const guchar *exponent;

                p++;
                if (p < end && (*p == '+' || *p == '-'))
                  p++;
                for (exponent = p; p < end && g_ascii_isdigit (*p); p++)
                  ;
                if (p == exponent)
                  FAIL (CTO_PLAN_ERROR_SYNTAX, token, _("invalid number"));
                integer = FALSE;
              }

            if (p < end && (is_word_byte (*p) || *p == '.' || *p == '+' || *p == '-'))
              FAIL (CTO_PLAN_ERROR_SYNTAX, token, _("invalid number"));

            /* json-glib keeps integers in 64 bits and wraps past them. */
            if (integer && digits > 18)
              FAIL (CTO_PLAN_ERROR_SYNTAX, token, _("number out of range"));
          }
          continue;

        case BYTE_WORD:
          /* true, false and null; json-glib reports any other word. */
          while (p < end && is_word_byte (*p))
            p++;
          continue;

        default:
          break;
        }

      if (*p >= 0x21 && *p < 0x7f)
        FAIL (CTO_PLAN_ERROR_SYNTAX, p, _("unexpected character \"%c\""), *p);

      if (*p < 0x80)
        FAIL (CTO_PLAN_ERROR_SYNTAX, p, _("unexpected character U+%04X"), *p);

      {
        const guchar *character = p;
        gunichar c = next_utf8_char (&p, end);

        if (c == (gunichar) -1)
          FAIL (CTO_PLAN_ERROR_SYNTAX, character, _("not valid UTF-8"));
        FAIL (CTO_PLAN_ERROR_SYNTAX, character, _("unexpected character U+%04X"), c);
      }
    }

  FAIL (CTO_PLAN_ERROR_SYNTAX, end, _("unexpected end of file"));

#undef FAIL
}

#undef ONES
#undef HIGHS
