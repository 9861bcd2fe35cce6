/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-plan-io"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "cto-plan-io-private.h"
#include "cto-word-private.h"
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

/* Whether a byte of @word ends a string's plain run: a quote, a
 * backslash, a control character or a byte of a multibyte character. */
static inline gboolean
has_string_stop (guint64 word)
{
  return ((word & CTO_WORD_HIGHS) |
          cto_word_bytes_below (word, 0x20) |
          cto_word_has_byte (word, '"') |
          cto_word_has_byte (word, '\\')) != 0;
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

/* Member names ---------------------------------------------------------------- */

/* Of two members of the same name, json-glib would keep the last; which one
 * was meant cannot be known, so the scan refuses them (RFC 7493). Each open
 * object keeps its names, decoded, in an arena, with an open-addressing
 * table of their positions. */

typedef struct
{
  guint32 offset;           /* in the level's arena */
  guint32 length;
  guint32 hash;
} Name;

typedef enum
{
  EXPECT_VALUE,             /* after ":", or after "," in an array */
  EXPECT_VALUE_OR_CLOSE,    /* after "[" */
  EXPECT_NAME,              /* after "," in an object */
  EXPECT_NAME_OR_CLOSE,     /* after "{" */
  EXPECT_COLON,             /* after a member's name */
  EXPECT_COMMA_OR_CLOSE,    /* after a value */
} Expect;

typedef struct
{
  const guchar *open;       /* its bracket */
  guint         n;          /* members or elements so far */
  const guchar *name;       /* the current member's name, between its quotes */
  gsize         name_length;
  GString      *arena;      /* names of an object, decoded */
  GArray       *names;      /* Name */
  guint32      *slots;      /* 1 + index into names, or 0 */
  guint         n_slots;    /* a power of two, at least twice the names */
} Level;

typedef struct
{
  Level levels[CTO_PLAN_MAX_DEPTH + 1];  /* [0] is outside the top-level object */
} Levels;

#define MIN_SLOTS 16

static void
levels_clear (Levels *levels)
{
  for (guint i = 0; i <= CTO_PLAN_MAX_DEPTH; i++)
    {
      Level *level = &levels->levels[i];

      if (level->arena != NULL)
        g_string_free (level->arena, TRUE);
      g_clear_pointer (&level->names, g_array_unref);
      g_clear_pointer (&level->slots, g_free);
    }
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Levels, levels_clear)

static void
level_begin_object (Level *level)
{
  if (level->arena == NULL)
    {
      level->arena = g_string_sized_new (256);
      level->names = g_array_new (FALSE, FALSE, sizeof (Name));
    }
  g_string_truncate (level->arena, 0);
  g_array_set_size (level->names, 0);

  /* A large table from an earlier object is not cleared again and again. */
  if (level->n_slots != MIN_SLOTS)
    {
      g_free (level->slots);
      level->n_slots = MIN_SLOTS;
      level->slots = g_new0 (guint32, MIN_SLOTS);
    }
  else
    {
      memset (level->slots, 0, MIN_SLOTS * sizeof (guint32));
    }
}

/* The text of a string between its quotes, which the scan found valid, with
 * its escapes resolved. */
static void
decode_string (const guchar *p,
               const guchar *end,
               GString      *out)
{
  while (p < end)
    {
      const guchar *run = p;
      gunichar c;

      while (p < end && *p != '\\')
        p++;
      g_string_append_len (out, (const char *) run, p - run);
      if (p == end)
        break;

      switch (p[1])
        {
        case 'b': c = '\b'; break;
        case 'f': c = '\f'; break;
        case 'n': c = '\n'; break;
        case 'r': c = '\r'; break;
        case 't': c = '\t'; break;
        case 'u':
          c = read_hex4 (p + 2, end);
          if (c >= 0xd800 && c <= 0xdbff)
            {
              c = 0x10000 + ((c - 0xd800) << 10) + (read_hex4 (p + 8, end) - 0xdc00);
              p += 6;
            }
          p += 4;
          break;
        default:
          c = p[1];
          break;
        }
      g_string_append_unichar (out, c);
      p += 2;
    }
}

static guint32
hash_name (const char *name,
           gsize       length)
{
  guint32 hash = 2166136261u;

  for (gsize i = 0; i < length; i++)
    hash = (hash ^ (guchar) name[i]) * 16777619u;

  return hash;
}

static void
level_insert_slot (Level  *level,
                   guint32 hash,
                   guint   index)
{
  guint mask = level->n_slots - 1;
  guint slot = hash & mask;

  while (level->slots[slot] != 0)
    slot = (slot + 1) & mask;
  level->slots[slot] = index + 1;
}

/* Adds the name of the member that starts at @name (after its quote, @length
 * bytes); %FALSE when the object already has a member of that name. */
static gboolean
level_add_name (Level        *level,
                const guchar *name,
                gsize         length,
                gboolean      escaped)
{
  Name entry;
  const char *text;
  guint mask;
  guint slot;

  entry.offset = level->arena->len;
  if (escaped)
    decode_string (name, name + length, level->arena);
  else
    g_string_append_len (level->arena, (const char *) name, length);
  entry.length = level->arena->len - entry.offset;
  text = level->arena->str + entry.offset;
  entry.hash = hash_name (text, entry.length);

  mask = level->n_slots - 1;
  for (slot = entry.hash & mask; level->slots[slot] != 0; slot = (slot + 1) & mask)
    {
      const Name *other = &g_array_index (level->names, Name, level->slots[slot] - 1);

      if (other->hash == entry.hash && other->length == entry.length &&
          memcmp (level->arena->str + other->offset, text, entry.length) == 0)
        {
          g_string_truncate (level->arena, entry.offset);
          return FALSE;
        }
    }

  g_array_append_val (level->names, entry);
  level->slots[slot] = level->names->len;

  if (level->names->len * 2 > level->n_slots)
    {
      level->n_slots *= 2;
      g_free (level->slots);
      level->slots = g_new0 (guint32, level->n_slots);
      for (guint i = 0; i < level->names->len; i++)
        level_insert_slot (level, g_array_index (level->names, Name, i).hash, i);
    }

  return TRUE;
}

/* Refuses the member named at @name in the object of @depth as a
 * duplicate, with the JSON path of the object. */
static gboolean
fail_duplicate (Levels        *levels,
                guint          depth,
                const guchar  *name,
                gsize          length,
                GError       **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  CtoPlanLocation locations[CTO_PLAN_MAX_DEPTH + 1] = { { NULL, NULL, 0 } };
  g_autoptr(GString) duplicate = g_string_new (NULL);
  g_autofree char *quoted = NULL;

  /* locations[i] is where the container of level i is: in the container of
   * level i - 1, under its current member or as its current element. */
  for (guint i = 2; i <= depth; i++)
    {
      const Level *parent = &levels->levels[i - 1];

      locations[i].parent = &locations[i - 1];
      if (*parent->open == '{')
        {
          GString *member = g_string_new (NULL);

          decode_string (parent->name, parent->name + parent->name_length, member);
          locations[i].member = member->str;
          g_ptr_array_add (names, g_string_free (member, FALSE));
        }
      else
        {
          locations[i].index = parent->n - 1;
        }
    }

  decode_string (name, name + length, duplicate);
  quoted = _cto_plan_quote_value (duplicate->str);
  _cto_plan_set_error_at (error, CTO_PLAN_ERROR_INVALID, &locations[depth],
                          _("duplicate member %s"), quoted);
  return FALSE;
}

/* The scan -------------------------------------------------------------------- */

static const char *
describe_expected (Expect  expect,
                   gboolean in_object)
{
  switch (expect)
    {
    case EXPECT_VALUE:
      return in_object ? _("expected a value after \":\"") : _("expected a value after \",\"");
    case EXPECT_VALUE_OR_CLOSE:
      return _("expected a value or \"]\"");
    case EXPECT_NAME:
      return _("expected a member name in double quotes after \",\"");
    case EXPECT_NAME_OR_CLOSE:
      return _("expected a member name in double quotes or \"}\"");
    case EXPECT_COLON:
      return _("expected \":\" after the member name");
    case EXPECT_COMMA_OR_CLOSE:
    default:
      return in_object ? _("expected \",\" or \"}\"") : _("expected \",\" or \"]\"");
    }
}

gboolean
_cto_plan_scan_starts_as_object (const char *data,
                                 gsize       length)
{
  const guchar *p = (const guchar *) data;
  const guchar *end = p + length;

  while (p < end && byte_classes[*p] == BYTE_SPACE)
    p++;

  return p < end && *p == '{';
}

/*
 * Every check of the text, in one pass over the bytes, before the document is
 * built (cto-plan-tree.c), which trusts it and checks nothing again.
 *
 * Only strict JSON is taken: no comments, single-quoted strings, hexadecimal
 * numbers or text after the value, no \u0000 and no lone surrogate, no
 * member named twice in one object, and a bracket that
 * closes the wrong container is told as such. Each refusal names the line
 * and column (or, for a repeated name, the path), so that the document only
 * ever sees valid UTF-8 and strict JSON, nested at most CTO_PLAN_MAX_DEPTH
 * deep, with an object at the top and every member name once in its object.
 * Everything before the point of a refusal is valid UTF-8.
 */
gboolean
_cto_plan_scan (const char  *data,
                gsize        length,
                GError     **error)
{
  const guchar *start = (const guchar *) data;
  const guchar *end = start + length;
  const guchar *p = start;
  g_auto(Levels) levels = { 0 };
  Expect expect = EXPECT_VALUE;
  const guchar *after_token = p;
  guint depth = 0;

#define FAIL(code, at, ...) \
  G_STMT_START { \
    _cto_plan_set_error_at_offset (error, code, data, (const char *) (at) - data, __VA_ARGS__); \
    return FALSE; \
  } G_STMT_END

#define IN_OBJECT (depth > 0 && *levels.levels[depth].open == '{')

  /* Something else than what was expected at @at. A missing "," or ":" is
   * told where it is missing: right after the token before. */
#define FAIL_EXPECTED(at) \
  FAIL (CTO_PLAN_ERROR_SYNTAX, \
        expect == EXPECT_COMMA_OR_CLOSE || expect == EXPECT_COLON ? after_token : (at), \
        "%s", describe_expected (expect, IN_OBJECT))

  /* Where a value starts: one was expected; in an array, it is the next element. */
#define BEGIN_VALUE(at) \
  G_STMT_START { \
    if (expect != EXPECT_VALUE && expect != EXPECT_VALUE_OR_CLOSE) \
      FAIL_EXPECTED (at); \
    if (depth > 0) \
      levels.levels[depth].n++; \
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
          for (p++; end - p >= 8 && cto_word_is_all (cto_word_load (p), ' '); p += 8)
            ;
          for (; p < end && byte_classes[*p] == BYTE_SPACE; p++)
            ;
          continue;

        case BYTE_OPEN:
          BEGIN_VALUE (p);
          if (++depth > CTO_PLAN_MAX_DEPTH)
            FAIL (CTO_PLAN_ERROR_TOO_DEEP, p, _("nested deeper than %d levels"),
                  CTO_PLAN_MAX_DEPTH);
          levels.levels[depth].open = p;
          levels.levels[depth].n = 0;
          if (*p == '{')
            {
              level_begin_object (&levels.levels[depth]);
              expect = EXPECT_NAME_OR_CLOSE;
            }
          else
            {
              expect = EXPECT_VALUE_OR_CLOSE;
            }
          p++;
          continue;

        case BYTE_CLOSE:
          {
            const guchar *open = levels.levels[depth].open;
            guchar closes = *open == '{' ? '}' : ']';

            if (*p != closes)
              {
                g_autofree char *opened = _cto_plan_describe_position (data, open - start);

                /* Translators: line 3, column 5: "}" does not close "[" opened at line 2, column 12 */
                FAIL (CTO_PLAN_ERROR_SYNTAX, p, _("\"%c\" does not close \"%c\" opened at %s"),
                      *p, *open, opened);
              }
            if (expect != EXPECT_COMMA_OR_CLOSE && expect != EXPECT_VALUE_OR_CLOSE &&
                expect != EXPECT_NAME_OR_CLOSE)
              FAIL_EXPECTED (p);
          }
          p++;
          after_token = p;
          expect = EXPECT_COMMA_OR_CLOSE;
          if (--depth > 0)
            continue;

          for (; p < end; p++)
            {
              if (byte_classes[*p] != BYTE_SPACE)
                FAIL (CTO_PLAN_ERROR_SYNTAX, p, _("unexpected text after the top-level object"));
            }
          return TRUE;

        case BYTE_PUNCTUATION:
          if (*p == ',' && expect == EXPECT_COMMA_OR_CLOSE)
            expect = IN_OBJECT ? EXPECT_NAME : EXPECT_VALUE;
          else if (*p == ':' && expect == EXPECT_COLON)
            expect = EXPECT_VALUE;
          else
            FAIL_EXPECTED (p);
          p++;
          continue;

        case BYTE_QUOTE:
          {
            gboolean name = expect == EXPECT_NAME || expect == EXPECT_NAME_OR_CLOSE;
            gboolean escaped = FALSE;

            if (!name)
              BEGIN_VALUE (p);

            for (p++;;)
              {
                while (end - p >= 8 && !has_string_stop (cto_word_load (p)))
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

                escaped = TRUE;
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

            after_token = p;
            if (!name)
              {
                expect = EXPECT_COMMA_OR_CLOSE;
                continue;
              }

            {
              Level *level = &levels.levels[depth];

              level->n++;
              level->name = token + 1;
              level->name_length = p - 1 - (token + 1);
              if (!level_add_name (level, level->name, level->name_length, escaped))
                return fail_duplicate (&levels, depth, level->name, level->name_length, error);
              expect = EXPECT_COLON;
            }
          }
          continue;

        case BYTE_NUMBER:
          {
            guint digits = 0;

            BEGIN_VALUE (p);

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
              }

            if (p < end && (is_word_byte (*p) || *p == '.' || *p == '+' || *p == '-'))
              FAIL (CTO_PLAN_ERROR_SYNTAX, token, _("invalid number"));
          }
          after_token = p;
          expect = EXPECT_COMMA_OR_CLOSE;
          continue;

        case BYTE_WORD:
          BEGIN_VALUE (token);
          while (p < end && is_word_byte (*p))
            p++;
          if (!((p - token == 4 && memcmp (token, "true", 4) == 0) ||
                (p - token == 5 && memcmp (token, "false", 5) == 0) ||
                (p - token == 4 && memcmp (token, "null", 4) == 0)))
            {
              g_autofree char *word = g_strndup ((const char *) token, p - token);
              g_autofree char *quoted = _cto_plan_quote_value (word);

              FAIL (CTO_PLAN_ERROR_SYNTAX, token, _("unexpected word %s"), quoted);
            }
          after_token = p;
          expect = EXPECT_COMMA_OR_CLOSE;
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

  {
    const guchar *open = levels.levels[depth].open;
    g_autofree char *opened = _cto_plan_describe_position (data, open - start);

    /* Translators: line 9, column 1: unexpected end of file: "[" opened at line 2, column 12 is not closed */
    FAIL (CTO_PLAN_ERROR_SYNTAX, end, _("unexpected end of file: \"%c\" opened at %s is not closed"),
          *open, opened);
  }

#undef BEGIN_VALUE
#undef FAIL_EXPECTED
#undef IN_OBJECT
#undef FAIL
}

