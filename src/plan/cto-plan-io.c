/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-plan-io"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "cto-date.h"
#include "cto-file-writer.h"
#include "cto-plan-io.h"
#include "cto-plan-private.h"

#define FORMAT_NAME    "cto-planner-plan"
#define DEFAULT_TITLE  "Untitled plan"

/* Longest quoted value a message shows, in bytes, before it is cut short. */
#define MESSAGE_VALUE_MAX 64
/* How many people a message about a reporting cycle names. */
#define CYCLE_NAMES_MAX 8

/* Where in the document something is: a chain of locations on the stack,
 * turned into a path such as "responsibilities[3].assignees[0].person" only
 * when a refusal needs it. The root has no parent. */
typedef struct _Location Location;
struct _Location
{
  const Location *parent;
  const char     *member;   /* %NULL for an array element */
  guint           index;
};

typedef enum
{
  STRING_OPTIONAL,
  STRING_REQUIRED,          /* present and not empty */
  STRING_ID,                /* present, 1 to CTO_PLAN_MAX_ID_LENGTH bytes */
} StringRule;

typedef enum
{
  NUMBER_POSITIVE,          /* > 0 */
  NUMBER_NON_NEGATIVE,      /* >= 0 */
} NumberRule;

typedef struct
{
  CtoPlan     *plan;
  GHashTable  *person_index;  /* id (owned by the person) → position + 1 */
  GPtrArray   *people;        /* CtoPerson, in file order */
  const char **reports_to;    /* per person, borrowed from the document, or NULL */
  guint       *manager;       /* per person, position of the manager or G_MAXUINT */
  guint       *assigned_in;   /* per person, 1 + position of the last responsibility
                               * that named them, so repeats are found in O(1) */
  GHashTable  *responsibility_ids; /* id (owned by the responsibility) */
  GPtrArray   *responsibilities;   /* CtoResponsibility, in file order */
} Reader;

typedef struct
{
  GString  *out;
  guint     depth;
  gboolean  first;            /* nothing written yet in the open container */
} Writer;

static void write_node (Writer   *w,
                        JsonNode *node);

/* Messages ------------------------------------------------------------------ */

static void
append_json_string (GString    *out,
                    const char *s)
{
  const char *run = s;
  const char *p;

  g_string_append_c (out, '"');

  for (p = s; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c >= 0x20 && c != '"' && c != '\\')
        continue;

      g_string_append_len (out, run, p - run);
      run = p + 1;

      switch (c)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\b':
          g_string_append (out, "\\b");
          break;
        case '\f':
          g_string_append (out, "\\f");
          break;
        default:
          g_string_append_printf (out, "\\u%04x", c);
          break;
        }
    }

  g_string_append_len (out, run, p - run);
  g_string_append_c (out, '"');
}

/* A value as a message shows it: quoted and escaped like JSON, so that
 * control characters cannot reach a terminal, and cut short when long. */
static char *
quote_value (const char *value)
{
  GString *s = g_string_new (NULL);
  gsize length = strlen (value);

  if (length <= MESSAGE_VALUE_MAX)
    {
      append_json_string (s, value);
    }
  else
    {
      const char *end = g_utf8_find_prev_char (value, value + MESSAGE_VALUE_MAX + 1);
      g_autofree char *head = g_strndup (value, end - value);

      append_json_string (s, head);
      g_string_insert (s, s->len - 1, "…");
    }

  return g_string_free (s, FALSE);
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
append_location (GString        *s,
                 const Location *location)
{
  if (location->parent == NULL)
    return;

  append_location (s, location->parent);

  if (location->member == NULL)
    {
      g_string_append_printf (s, "[%u]", location->index);
    }
  else if (is_plain_name (location->member))
    {
      if (s->len > 0)
        g_string_append_c (s, '.');
      g_string_append (s, location->member);
    }
  else
    {
      g_string_append_c (s, '[');
      append_json_string (s, location->member);
      g_string_append_c (s, ']');
    }
}

static char *
location_to_string (const Location *location)
{
  GString *s;

  if (location->parent == NULL)
    return g_strdup (_("top level"));

  s = g_string_new (NULL);
  append_location (s, location);
  return g_string_free (s, FALSE);
}

static void set_error (GError     **error,
                       int          code,
                       const char  *where,
                       const char  *format,
                       ...) G_GNUC_PRINTF (4, 5);

static void
set_error (GError     **error,
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

static void set_error_at (GError         **error,
                          int              code,
                          const Location  *location,
                          const char      *format,
                          ...) G_GNUC_PRINTF (4, 5);

static void
set_error_at (GError         **error,
              int              code,
              const Location  *location,
              const char      *format,
              ...)
{
  g_autofree char *where = location_to_string (location);
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, CTO_PLAN_ERROR, code, "%s: %s", where, what);
}

/* "line L, column C" of a byte offset; columns count characters. The text
 * before @offset is valid UTF-8 whenever this is asked. */
static char *
describe_position (const char *data,
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

static void set_error_at_offset (GError     **error,
                                 int          code,
                                 const char  *data,
                                 gsize        offset,
                                 const char  *format,
                                 ...) G_GNUC_PRINTF (5, 6);

static void
set_error_at_offset (GError     **error,
                     int          code,
                     const char  *data,
                     gsize        offset,
                     const char  *format,
                     ...)
{
  g_autofree char *where = describe_position (data, offset);
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, CTO_PLAN_ERROR, code, "%s: %s", where, what);
}

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
static gboolean
scan_document (const char  *data,
               gsize        length,
               GError     **error)
{
  const guchar *start = (const guchar *) data;
  const guchar *end = start + length;
  const guchar *p = start;
  guint depth = 0;

#define FAIL(code, at, ...) \
  G_STMT_START { \
    set_error_at_offset (error, code, data, (const char *) (at) - data, __VA_ARGS__); \
    return FALSE; \
  } G_STMT_END

  while (p < end && byte_classes[*p] == BYTE_SPACE)
    p++;

  if (p == end)
    {
      set_error (error, CTO_PLAN_ERROR_SYNTAX, _("file"), _("the file is empty"));
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

      set_error (error, CTO_PLAN_ERROR_FORMAT, _("top level"), _("expected a JSON object"));
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

/* json-glib's syntax errors read "<data>:LINE:COLUMN: Parse error: WHAT", with
 * the column in bytes; they are told again as "line L, column C: WHAT". */
static void
set_parser_error (GError       **error,
                  const char    *data,
                  gsize          length,
                  const GError  *parser_error)
{
  const char *message = parser_error->message;
  const char *what;
  unsigned int line = 0;
  unsigned int column = 0;
  int consumed = -1;
  gsize offset = 0;

  if (sscanf (message, "<data>:%u:%u: %n", &line, &column, &consumed) < 2 || consumed < 0 ||
      line == 0)
    {
      set_error (error, CTO_PLAN_ERROR_SYNTAX, _("file"), "%s", message);
      return;
    }

  what = strstr (message + consumed, ": ");
  what = what != NULL ? what + 2 : message + consumed;

  /* The start of the line, then @column bytes into it, but not past its end;
   * a character cut in two there is not counted. */
  for (guint l = 1; l < line && offset < length; offset++)
    {
      if (data[offset] == '\n')
        l++;
    }
  for (guint c = 1; c < column && offset < length && data[offset] != '\n'; c++)
    offset++;

  set_error_at_offset (error, CTO_PLAN_ERROR_SYNTAX, data, offset, "%s", what);
}

/* Reading members ------------------------------------------------------------- */

/* The members an object may have, in the order of the format's table. */
enum { TOP_FORMAT, TOP_VERSION, TOP_TITLE, TOP_SETTINGS, TOP_PEOPLE, TOP_RESPONSIBILITIES, N_TOP };
enum { SETTINGS_OVERLOAD_THRESHOLD, SETTINGS_HOURS_PER_FTE, N_SETTINGS };
enum { PERSON_ID, PERSON_NAME, PERSON_ROLE, PERSON_CAPACITY, PERSON_REPORTS_TO,
       PERSON_OPEN_ROLE, PERSON_START, PERSON_END, N_PERSON };
enum { RESPONSIBILITY_ID, RESPONSIBILITY_TITLE, RESPONSIBILITY_FUNCTION, RESPONSIBILITY_EFFORT,
       RESPONSIBILITY_DESCRIPTION, RESPONSIBILITY_ASSIGNEES, N_RESPONSIBILITY };
enum { ASSIGNEE_PERSON, ASSIGNEE_SHARE, ASSIGNEE_ACCOUNTABLE, N_ASSIGNEE };

#define MAX_KNOWN_MEMBERS 8

static const char * const top_names[N_TOP] = {
  "format", "version", "title", "settings", "people", "responsibilities",
};
static const char * const settings_names[N_SETTINGS] = {
  "overload_threshold", "hours_per_fte",
};
static const char * const person_names[N_PERSON] = {
  "id", "name", "role", "capacity", "reports_to", "open_role", "start", "end",
};
static const char * const responsibility_names[N_RESPONSIBILITY] = {
  "id", "title", "function", "effort", "description", "assignees",
};
static const char * const assignee_names[N_ASSIGNEE] = {
  "person", "share", "accountable",
};

/* The known members of one object, found in a single pass over it. */
typedef struct
{
  JsonObject          *object;
  const char * const  *names;
  guint                n_names;
  const Location      *location;
  JsonNode            *nodes[MAX_KNOWN_MEMBERS];
  guint                n_unknown;
} Members;

static gboolean
find_members (JsonNode            *node,
              const Location      *location,
              const char * const  *names,
              guint                n_names,
              Members             *members,
              GError             **error)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;

  g_assert (n_names <= MAX_KNOWN_MEMBERS);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      set_error_at (error, CTO_PLAN_ERROR_INVALID, location, _("expected an object"));
      return FALSE;
    }

  members->object = json_node_get_object (node);
  members->names = names;
  members->n_names = n_names;
  members->location = location;
  members->n_unknown = 0;
  memset (members->nodes, 0, sizeof members->nodes);

  /* Unordered, but without a lookup per name; the order only matters for
   * the unknown members, which collect_extras() takes in file order. */
  json_object_iter_init (&iter, members->object);
  while (json_object_iter_next (&iter, &name, &value))
    {
      guint i;

      for (i = 0; i < n_names; i++)
        {
          if (name[0] == names[i][0] && strcmp (name, names[i]) == 0)
            break;
        }

      if (i < n_names)
        members->nodes[i] = value;
      else
        members->n_unknown++;
    }

  return TRUE;
}

static gboolean
is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

static gboolean
is_number (JsonNode *node,
           double   *value)
{
  GType type;

  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;

  type = json_node_get_value_type (node);
  if (type == G_TYPE_INT64)
    *value = (double) json_node_get_int (node);
  else if (type == G_TYPE_DOUBLE)
    *value = json_node_get_double (node);
  else
    return FALSE;

  return TRUE;
}

/* Every number in a plan, extras included, is finite and at most the limit. */
static gboolean
check_number_limits (double          value,
                     const Location *location,
                     GError        **error)
{
  if (!isfinite (value))
    {
      set_error_at (error, CTO_PLAN_ERROR_INVALID, location, _("must be a finite number"));
      return FALSE;
    }

  if (value > CTO_PLAN_MAX_NUMBER)
    {
      g_autofree char *limit = cto_format_json_number (CTO_PLAN_MAX_NUMBER);

      set_error_at (error, CTO_PLAN_ERROR_INVALID, location, _("must be at most %s"), limit);
      return FALSE;
    }

  return TRUE;
}

static gboolean
missing_member (const Location  *container,
                const char      *name,
                int              code,
                GError         **error)
{
  set_error_at (error, code, container, _("missing required member \"%s\""), name);
  return FALSE;
}

static gboolean
read_string (const Members  *members,
             guint           member,
             StringRule      rule,
             const char     *fallback,
             const char    **value,
             GError        **error)
{
  JsonNode *node = members->nodes[member];
  const Location location = { members->location, members->names[member], 0 };
  gsize length;

  if (node == NULL)
    {
      if (rule != STRING_OPTIONAL)
        return missing_member (members->location, members->names[member],
                               CTO_PLAN_ERROR_INVALID, error);
      *value = fallback;
      return TRUE;
    }

  if (!is_string (node))
    {
      set_error_at (error, CTO_PLAN_ERROR_INVALID, &location, _("expected a string"));
      return FALSE;
    }

  *value = json_node_get_string (node);
  if (rule == STRING_OPTIONAL)
    return TRUE;

  length = strlen (*value);
  if (length == 0)
    {
      set_error_at (error, CTO_PLAN_ERROR_INVALID, &location, _("must not be empty"));
      return FALSE;
    }

  if (rule == STRING_ID && length > CTO_PLAN_MAX_ID_LENGTH)
    {
      set_error_at (error, CTO_PLAN_ERROR_INVALID, &location,
                    _("must be at most %d bytes long"), CTO_PLAN_MAX_ID_LENGTH);
      return FALSE;
    }

  return TRUE;
}

/* A date "YYYY-MM-DD" or null; @date is left cleared when there is none. */
static gboolean
read_date (const Members  *members,
           guint           member,
           GDate          *date,
           GError        **error)
{
  JsonNode *node = members->nodes[member];
  const Location location = { members->location, members->names[member], 0 };

  g_date_clear (date, 1);
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (!is_string (node))
    {
      set_error_at (error, CTO_PLAN_ERROR_INVALID, &location,
                    _("expected a date (YYYY-MM-DD) or null"));
      return FALSE;
    }

  if (!cto_date_parse (json_node_get_string (node), date))
    {
      g_autofree char *quoted = quote_value (json_node_get_string (node));

      set_error_at (error, CTO_PLAN_ERROR_INVALID, &location,
                    _("%s is not a real day in the form YYYY-MM-DD"), quoted);
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_number (const Members  *members,
             guint           member,
             NumberRule      rule,
             double          fallback,
             double         *value,
             GError        **error)
{
  JsonNode *node = members->nodes[member];
  const Location location = { members->location, members->names[member], 0 };

  if (node == NULL)
    {
      *value = fallback;
      return TRUE;
    }

  if (!is_number (node, value))
    {
      set_error_at (error, CTO_PLAN_ERROR_INVALID, &location, _("expected a number"));
      return FALSE;
    }

  if (!check_number_limits (*value, &location, error))
    return FALSE;

  if (rule == NUMBER_POSITIVE && !(*value > 0))
    {
      set_error_at (error, CTO_PLAN_ERROR_INVALID, &location, _("must be greater than 0"));
      return FALSE;
    }

  if (rule == NUMBER_NON_NEGATIVE && !(*value >= 0))
    {
      set_error_at (error, CTO_PLAN_ERROR_INVALID, &location, _("must be 0 or greater"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_boolean (const Members  *members,
              guint           member,
              gboolean       *value,
              GError        **error)
{
  JsonNode *node = members->nodes[member];
  const Location location = { members->location, members->names[member], 0 };

  if (node == NULL)
    {
      *value = FALSE;
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    {
      set_error_at (error, CTO_PLAN_ERROR_INVALID, &location, _("expected a boolean"));
      return FALSE;
    }

  *value = json_node_get_boolean (node);
  return TRUE;
}

/* An optional array; *array stays %NULL when it is absent. */
static gboolean
read_array (const Members  *members,
            guint           member,
            JsonArray     **array,
            GError        **error)
{
  JsonNode *node = members->nodes[member];
  const Location location = { members->location, members->names[member], 0 };

  *array = NULL;
  if (node == NULL)
    return TRUE;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      set_error_at (error, CTO_PLAN_ERROR_INVALID, &location, _("expected an array"));
      return FALSE;
    }

  *array = json_node_get_array (node);
  return TRUE;
}

/* Extras ---------------------------------------------------------------------- */

static gboolean check_extra (JsonNode        *node,
                             const Location  *location,
                             GError         **error);

typedef struct
{
  const Location  *container;
  GError         **error;
  gboolean         failed;
} CheckMembers;

static void
check_member_cb (JsonObject  *object,
                 const char  *name,
                 JsonNode    *node,
                 gpointer     user_data)
{
  CheckMembers *check = user_data;
  const Location location = { check->container, name, 0 };

  if (!check->failed && !check_extra (node, &location, check->error))
    check->failed = TRUE;
}

/* Unknown members follow the rules for every value: numbers finite and at
 * most the limit (strings were checked before parsing). */
static gboolean
check_extra (JsonNode        *node,
             const Location  *location,
             GError         **error)
{
  double value;

  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        CheckMembers check = { location, error, FALSE };

        json_object_foreach_member (json_node_get_object (node), check_member_cb, &check);
        return !check.failed;
      }

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);

        for (guint i = 0; i < n; i++)
          {
            const Location element = { location, NULL, i };

            if (!check_extra (json_array_get_element (array, i), &element, error))
              return FALSE;
          }
        return TRUE;
      }

    case JSON_NODE_VALUE:
      if (is_number (node, &value))
        return check_number_limits (value, location, error);
      return TRUE;

    case JSON_NODE_NULL:
    default:
      return TRUE;
    }
}

typedef struct
{
  const Members  *members;
  JsonObject     *extra;
  GError        **error;
  gboolean        failed;
} CollectExtras;

static void
collect_extra_cb (JsonObject  *object,
                  const char  *name,
                  JsonNode    *node,
                  gpointer     user_data)
{
  CollectExtras *collect = user_data;
  const Members *members = collect->members;
  const Location location = { members->location, name, 0 };

  if (collect->failed)
    return;

  for (guint i = 0; i < members->n_names; i++)
    {
      if (strcmp (name, members->names[i]) == 0)
        return;
    }

  if (!check_extra (node, &location, collect->error))
    {
      collect->failed = TRUE;
      return;
    }

  json_object_set_member (collect->extra, name, json_node_copy (node));
}

/* The members the format does not name, in file order, or %NULL in *extra
 * when there are none. */
static gboolean
collect_extras (const Members  *members,
                JsonObject    **extra,
                GError        **error)
{
  CollectExtras collect = { members, NULL, error, FALSE };

  *extra = NULL;
  if (members->n_unknown == 0)
    return TRUE;

  collect.extra = json_object_new ();
  json_object_foreach_member (members->object, collect_extra_cb, &collect);

  if (collect.failed)
    {
      json_object_unref (collect.extra);
      return FALSE;
    }

  *extra = collect.extra;
  return TRUE;
}

/* The plan -------------------------------------------------------------------- */

static void
reader_clear (Reader *reader)
{
  g_clear_pointer (&reader->person_index, g_hash_table_unref);
  g_clear_pointer (&reader->people, g_ptr_array_unref);
  g_clear_pointer (&reader->reports_to, g_free);
  g_clear_pointer (&reader->manager, g_free);
  g_clear_pointer (&reader->assigned_in, g_free);
  g_clear_pointer (&reader->responsibility_ids, g_hash_table_unref);
  g_clear_pointer (&reader->responsibilities, g_ptr_array_unref);
  g_clear_object (&reader->plan);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Reader, reader_clear)

static gboolean
read_person (Reader          *reader,
             JsonNode        *node,
             const Location  *location,
             GError         **error)
{
  g_autoptr(JsonObject) extra = NULL;
  Members members;
  JsonNode *reports_to;
  CtoPerson *person;
  const char *id;
  const char *name;
  const char *role;
  double capacity;
  gboolean open_role;
  GDate start;
  GDate end;

  if (!find_members (node, location, person_names, N_PERSON, &members, error) ||
      !read_string (&members, PERSON_ID, STRING_ID, NULL, &id, error))
    return FALSE;

  if (g_hash_table_contains (reader->person_index, id))
    {
      const Location at = { location, "id", 0 };
      g_autofree char *quoted = quote_value (id);

      set_error_at (error, CTO_PLAN_ERROR_INVALID, &at, _("duplicate id %s"), quoted);
      return FALSE;
    }

  if (!read_string (&members, PERSON_NAME, STRING_REQUIRED, NULL, &name, error) ||
      !read_string (&members, PERSON_ROLE, STRING_OPTIONAL, "", &role, error) ||
      !read_number (&members, PERSON_CAPACITY, NUMBER_NON_NEGATIVE, 40, &capacity, error))
    return FALSE;

  reports_to = members.nodes[PERSON_REPORTS_TO];
  if (reports_to != NULL && !JSON_NODE_HOLDS_NULL (reports_to) && !is_string (reports_to))
    {
      const Location at = { location, "reports_to", 0 };

      set_error_at (error, CTO_PLAN_ERROR_INVALID, &at, _("expected a string or null"));
      return FALSE;
    }

  if (!read_boolean (&members, PERSON_OPEN_ROLE, &open_role, error) ||
      !read_date (&members, PERSON_START, &start, error) ||
      !read_date (&members, PERSON_END, &end, error))
    return FALSE;

  if (g_date_valid (&start) && g_date_valid (&end) && g_date_compare (&end, &start) <= 0)
    {
      const Location at = { location, "end", 0 };

      set_error_at (error, CTO_PLAN_ERROR_INVALID, &at, _("must be later than start"));
      return FALSE;
    }

  if (!collect_extras (&members, &extra, error))
    return FALSE;

  person = cto_person_new (id, name, role, capacity, open_role);
  _cto_person_set_dates (person,
                         g_date_valid (&start) ? &start : NULL,
                         g_date_valid (&end) ? &end : NULL);
  _cto_person_set_extra (person, extra);

  reader->reports_to[location->index] =
    reports_to != NULL && is_string (reports_to) ? json_node_get_string (reports_to) : NULL;
  g_ptr_array_add (reader->people, person);
  g_hash_table_insert (reader->person_index, (gpointer) cto_person_get_id (person),
                       GUINT_TO_POINTER (location->index + 1));

  return TRUE;
}

static gboolean
report_cycle (Reader          *reader,
              guint            on_cycle,
              const Location  *people,
              GError         **error)
{
  g_autoptr(GString) names = g_string_new (NULL);
  guint first = on_cycle;
  guint i = on_cycle;
  guint n = 0;

  /* Name the cycle from the person who comes first in the plan. */
  do
    {
      first = MIN (first, i);
      i = reader->manager[i];
    }
  while (i != on_cycle);

  i = first;
  do
    {
      g_autofree char *quoted = NULL;

      if (n++ == CYCLE_NAMES_MAX)
        {
          g_string_append (names, " → …");
          break;
        }

      quoted = quote_value (cto_person_get_id (g_ptr_array_index (reader->people, i)));
      if (names->len > 0)
        g_string_append (names, " → ");
      g_string_append (names, quoted);
      i = reader->manager[i];
    }
  while (i != first);

  if (i == first)
    {
      g_autofree char *quoted =
        quote_value (cto_person_get_id (g_ptr_array_index (reader->people, first)));

      g_string_append (names, " → ");
      g_string_append (names, quoted);
    }

  {
    const Location person = { people, NULL, first };
    const Location at = { &person, "reports_to", 0 };

    set_error_at (error, CTO_PLAN_ERROR_CYCLE, &at, _("reporting lines form a cycle: %s"),
                  names->str);
  }

  return FALSE;
}

/* Reporting lines: every manager is another person of the plan, and following
 * them never comes back. Each person is walked once. */
static gboolean
resolve_reports_to (Reader          *reader,
                    const Location  *people,
                    GError         **error)
{
  guint n = reader->people->len;
  g_autofree guint8 *state = NULL;  /* 0 not seen, 1 on the current walk, 2 done */

  for (guint i = 0; i < n; i++)
    {
      const char *manager = reader->reports_to[i];
      guint position;

      reader->manager[i] = G_MAXUINT;
      if (manager == NULL)
        continue;

      position = GPOINTER_TO_UINT (g_hash_table_lookup (reader->person_index, manager));
      if (position == 0 || position - 1 == i)
        {
          const Location person = { people, NULL, i };
          const Location at = { &person, "reports_to", 0 };
          g_autofree char *quoted = quote_value (manager);

          if (position == 0)
            set_error_at (error, CTO_PLAN_ERROR_INVALID, &at, _("unknown person %s"), quoted);
          else
            set_error_at (error, CTO_PLAN_ERROR_CYCLE, &at,
                          _("a person cannot report to themselves"));
          return FALSE;
        }

      reader->manager[i] = position - 1;
      _cto_person_set_reports_to (g_ptr_array_index (reader->people, i),
                                  cto_person_get_id (g_ptr_array_index (reader->people,
                                                                        position - 1)));
    }

  state = g_new0 (guint8, n);
  for (guint i = 0; i < n; i++)
    {
      guint j;

      for (j = i; j != G_MAXUINT && state[j] == 0; j = reader->manager[j])
        state[j] = 1;

      if (j != G_MAXUINT && state[j] == 1)
        return report_cycle (reader, j, people, error);

      for (j = i; j != G_MAXUINT && state[j] == 1; j = reader->manager[j])
        state[j] = 2;
    }

  return TRUE;
}

static gboolean
read_people (Reader           *reader,
             JsonArray        *array,
             const Location   *top,
             GError          **error)
{
  const Location people = { top, "people", 0 };
  guint n = array != NULL ? json_array_get_length (array) : 0;

  reader->person_index = g_hash_table_new (g_str_hash, g_str_equal);
  reader->people = g_ptr_array_new_full (n, g_object_unref);
  reader->reports_to = g_new0 (const char *, n);
  reader->manager = g_new (guint, n);
  reader->assigned_in = g_new0 (guint, n);

  for (guint i = 0; i < n; i++)
    {
      const Location location = { &people, NULL, i };

      if (!read_person (reader, json_array_get_element (array, i), &location, error))
        return FALSE;
    }

  return resolve_reports_to (reader, &people, error);
}

static gboolean
read_assignee (Reader             *reader,
               CtoResponsibility  *responsibility,
               guint               responsibility_position,
               JsonNode           *node,
               const Location     *location,
               gboolean           *has_accountable,
               GError            **error)
{
  g_autoptr(JsonObject) extra = NULL;
  Members members;
  const char *person;
  double share;
  gboolean accountable;
  guint position;

  if (!find_members (node, location, assignee_names, N_ASSIGNEE, &members, error) ||
      !read_string (&members, ASSIGNEE_PERSON, STRING_REQUIRED, NULL, &person, error))
    return FALSE;

  position = GPOINTER_TO_UINT (g_hash_table_lookup (reader->person_index, person));
  if (position == 0 || reader->assigned_in[position - 1] == responsibility_position + 1)
    {
      const Location at = { location, "person", 0 };
      g_autofree char *quoted = quote_value (person);

      if (position == 0)
        set_error_at (error, CTO_PLAN_ERROR_INVALID, &at, _("unknown person %s"), quoted);
      else
        set_error_at (error, CTO_PLAN_ERROR_INVALID, &at,
                      _("%s is already an assignee of this responsibility"), quoted);
      return FALSE;
    }
  reader->assigned_in[position - 1] = responsibility_position + 1;

  if (!read_number (&members, ASSIGNEE_SHARE, NUMBER_POSITIVE, 1, &share, error) ||
      !read_boolean (&members, ASSIGNEE_ACCOUNTABLE, &accountable, error))
    return FALSE;

  if (accountable && *has_accountable)
    {
      const Location at = { location, "accountable", 0 };

      set_error_at (error, CTO_PLAN_ERROR_INVALID, &at,
                    _("another assignee is already accountable"));
      return FALSE;
    }
  *has_accountable |= accountable;

  if (!collect_extras (&members, &extra, error))
    return FALSE;

  /* The person's id as the plan holds it, not the document's copy. */
  _cto_responsibility_add_assignee (responsibility,
                                    cto_person_get_id (g_ptr_array_index (reader->people,
                                                                          position - 1)),
                                    share, accountable, extra);
  return TRUE;
}

static gboolean
read_responsibility (Reader          *reader,
                     JsonNode        *node,
                     const Location  *location,
                     GError         **error)
{
  g_autoptr(CtoResponsibility) responsibility = NULL;
  g_autoptr(JsonObject) extra = NULL;
  const Location assignees_location = { location, "assignees", 0 };
  Members members;
  JsonArray *assignees;
  const char *id;
  const char *title;
  const char *function_id;
  const char *description;
  CtoFunction function;
  double effort;
  gboolean has_accountable = FALSE;

  if (!find_members (node, location, responsibility_names, N_RESPONSIBILITY, &members, error) ||
      !read_string (&members, RESPONSIBILITY_ID, STRING_ID, NULL, &id, error) ||
      !read_string (&members, RESPONSIBILITY_TITLE, STRING_REQUIRED, NULL, &title, error) ||
      !read_string (&members, RESPONSIBILITY_FUNCTION, STRING_REQUIRED, NULL, &function_id,
                    error))
    return FALSE;

  if (!cto_function_from_id (function_id, &function))
    {
      const Location at = { location, "function", 0 };
      g_autofree char *quoted = quote_value (function_id);

      set_error_at (error, CTO_PLAN_ERROR_INVALID, &at, _("unknown function %s"), quoted);
      return FALSE;
    }

  if (!read_number (&members, RESPONSIBILITY_EFFORT, NUMBER_NON_NEGATIVE, 0, &effort, error) ||
      !read_string (&members, RESPONSIBILITY_DESCRIPTION, STRING_OPTIONAL, "", &description,
                    error) ||
      !read_array (&members, RESPONSIBILITY_ASSIGNEES, &assignees, error))
    return FALSE;

  /* Adding is also the test for a duplicate id: one lookup, not two. */
  responsibility = cto_responsibility_new (id, title, function, effort, description);
  if (!g_hash_table_add (reader->responsibility_ids, (gpointer) cto_responsibility_get_id (responsibility)))
    {
      const Location at = { location, "id", 0 };
      g_autofree char *quoted = quote_value (id);

      set_error_at (error, CTO_PLAN_ERROR_INVALID, &at, _("duplicate id %s"), quoted);
      return FALSE;
    }

  if (assignees != NULL)
    {
      guint n = json_array_get_length (assignees);

      for (guint i = 0; i < n; i++)
        {
          const Location assignee = { &assignees_location, NULL, i };

          if (!read_assignee (reader, responsibility, location->index,
                              json_array_get_element (assignees, i), &assignee,
                              &has_accountable, error))
            return FALSE;
        }
    }

  if (!collect_extras (&members, &extra, error))
    return FALSE;
  _cto_responsibility_set_extra (responsibility, extra);
  g_ptr_array_add (reader->responsibilities, g_steal_pointer (&responsibility));

  return TRUE;
}

static gboolean
read_settings (Reader          *reader,
               JsonNode        *node,
               const Location  *top,
               GError         **error)
{
  g_autoptr(JsonObject) extra = NULL;
  const Location location = { top, "settings", 0 };
  Members members;
  double overload_threshold = 1.0;
  double hours_per_fte = 40.0;

  if (node != NULL)
    {
      if (!find_members (node, &location, settings_names, N_SETTINGS, &members, error) ||
          !read_number (&members, SETTINGS_OVERLOAD_THRESHOLD, NUMBER_POSITIVE, 1.0,
                        &overload_threshold, error) ||
          !read_number (&members, SETTINGS_HOURS_PER_FTE, NUMBER_POSITIVE, 40.0,
                        &hours_per_fte, error) ||
          !collect_extras (&members, &extra, error))
        return FALSE;
    }

  _cto_plan_set_settings_internal (reader->plan, overload_threshold, hours_per_fte);
  _cto_plan_set_settings_extra (reader->plan, extra);

  return TRUE;
}

static gboolean
read_version (const Members  *members,
              GError        **error)
{
  const Location location = { members->location, "version", 0 };
  JsonNode *node = members->nodes[TOP_VERSION];
  gint64 version;

  if (node == NULL)
    return missing_member (members->location, "version", CTO_PLAN_ERROR_INVALID, error);

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    {
      set_error_at (error, CTO_PLAN_ERROR_INVALID, &location, _("expected an integer"));
      return FALSE;
    }

  version = json_node_get_int (node);
  if (version < 1)
    {
      set_error_at (error, CTO_PLAN_ERROR_INVALID, &location, _("must be 1 or greater"));
      return FALSE;
    }

  if (version > CTO_PLAN_FORMAT_VERSION)
    {
      /* Translators: the first number is the file's format version */
      set_error_at (error, CTO_PLAN_ERROR_NEWER_VERSION, &location,
                    _("the plan was made by a newer version of CTO Planner "
                      "(format version %lld; this version reads up to %d)"),
                    (long long) version, CTO_PLAN_FORMAT_VERSION);
      return FALSE;
    }

  return TRUE;
}

static CtoPlan *
read_plan (JsonNode  *root,
           GError   **error)
{
  g_auto(Reader) reader = { NULL, };
  g_autoptr(JsonObject) extra = NULL;
  const Location top = { NULL, NULL, 0 };
  const Location format_location = { &top, "format", 0 };
  Members members;
  JsonNode *format;
  JsonArray *people;
  JsonArray *responsibilities;
  const char *title;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      set_error_at (error, CTO_PLAN_ERROR_FORMAT, &top, _("expected a JSON object"));
      return NULL;
    }

  if (!find_members (root, &top, top_names, N_TOP, &members, error))
    return NULL;

  /* Whether this is a plan at all, and one of a version that can be read,
   * comes before anything else the file might get wrong. */
  format = members.nodes[TOP_FORMAT];
  if (format == NULL)
    {
      missing_member (&top, "format", CTO_PLAN_ERROR_FORMAT, error);
      return NULL;
    }
  if (!is_string (format) || strcmp (json_node_get_string (format), FORMAT_NAME) != 0)
    {
      set_error_at (error, CTO_PLAN_ERROR_FORMAT, &format_location,
                    _("not a CTO Planner plan (expected \"%s\")"), FORMAT_NAME);
      return NULL;
    }

  if (!read_version (&members, error))
    return NULL;

  reader.plan = cto_plan_new ();

  if (!read_string (&members, TOP_TITLE, STRING_OPTIONAL, DEFAULT_TITLE, &title, error) ||
      !read_settings (&reader, members.nodes[TOP_SETTINGS], &top, error) ||
      !read_array (&members, TOP_PEOPLE, &people, error) ||
      !read_array (&members, TOP_RESPONSIBILITIES, &responsibilities, error) ||
      !read_people (&reader, people, &top, error))
    return NULL;

  _cto_plan_set_title_internal (reader.plan, title);

  if (responsibilities != NULL)
    {
      const Location list = { &top, "responsibilities", 0 };
      guint n = json_array_get_length (responsibilities);

      reader.responsibility_ids = g_hash_table_new (g_str_hash, g_str_equal);
      reader.responsibilities = g_ptr_array_new_full (n, g_object_unref);

      for (guint i = 0; i < n; i++)
        {
          const Location location = { &list, NULL, i };

          if (!read_responsibility (&reader, json_array_get_element (responsibilities, i),
                                    &location, error))
            return NULL;
        }

      /* The ids were found unique above: all of them go in at once. */
      _cto_plan_append_responsibilities (reader.plan,
                                         (CtoResponsibility **) reader.responsibilities->pdata,
                                         reader.responsibilities->len);
    }

  if (!collect_extras (&members, &extra, error))
    return NULL;
  _cto_plan_set_extra (reader.plan, extra);

  /* The people go in last, when the reader's index of them is gone, so
   * that the two are never held at once with the whole document. */
  g_clear_pointer (&reader.person_index, g_hash_table_unref);
  if (reader.people != NULL)
    _cto_plan_append_people (reader.plan, (CtoPerson **) reader.people->pdata,
                             reader.people->len);

  return g_steal_pointer (&reader.plan);
}

/* Reading the file ------------------------------------------------------------ */

static void
set_file_error (GError       **error,
                const GError  *io_error)
{
  const char *what = io_error->message;

  if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    what = _("no such file");
  else if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
    what = _("is a folder, not a file");
  else if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    what = _("permission denied");

  g_set_error (error, io_error->domain, io_error->code, "%s: %s", _("file"), what);
}

static void
set_too_large_error (GError **error)
{
  set_error (error, CTO_PLAN_ERROR_TOO_LARGE, _("file"),
             _("too large (the limit is %d MiB)"), CTO_PLAN_MAX_FILE_SIZE / (1024 * 1024));
}

/* Reads all of @file into one buffer, refusing it as soon as it is known to be
 * over the limit: from its size when it has one, else while reading. */
static char *
read_file_capped (GFile         *file,
                  GCancellable  *cancellable,
                  gsize         *length,
                  GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *buffer = NULL;
  gsize capacity = 64 * 1024;
  gsize filled = 0;

  stream = g_file_read (file, cancellable, &local_error);
  if (stream == NULL)
    {
      set_file_error (error, local_error);
      return NULL;
    }

  info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                         cancellable, NULL);
  if (info != NULL && g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE))
    {
      goffset size = g_file_info_get_size (info);

      if (size > CTO_PLAN_MAX_FILE_SIZE)
        {
          set_too_large_error (error);
          return NULL;
        }

      /* One more byte than the size, so that one read also meets the end. */
      if (size > 0)
        capacity = (gsize) size + 1;
    }

  buffer = g_malloc (capacity);

  for (;;)
    {
      gsize wanted = capacity - filled;
      gsize got = 0;

      if (!g_input_stream_read_all (G_INPUT_STREAM (stream), buffer + filled, wanted, &got,
                                    cancellable, &local_error))
        {
          set_file_error (error, local_error);
          return NULL;
        }

      filled += got;
      if (filled > CTO_PLAN_MAX_FILE_SIZE)
        {
          set_too_large_error (error);
          return NULL;
        }

      if (got < wanted)
        break;

      capacity = MIN (capacity * 2, (gsize) CTO_PLAN_MAX_FILE_SIZE + 1);
      buffer = g_realloc (buffer, capacity);
    }

  *length = filled;
  return g_steal_pointer (&buffer);
}

/* Writing --------------------------------------------------------------------- */

static const char spaces[] = "                                                                ";

static void
writer_newline (Writer *w)
{
  guint n = w->depth * 2;

  g_string_append_c (w->out, '\n');
  while (n > 0)
    {
      guint chunk = MIN (n, sizeof spaces - 1);

      g_string_append_len (w->out, spaces, chunk);
      n -= chunk;
    }
}

/* Before each member or element of the open container. */
static void
writer_next (Writer *w)
{
  if (!w->first)
    g_string_append_c (w->out, ',');
  writer_newline (w);
  w->first = FALSE;
}

static void
writer_open (Writer *w,
             char    bracket)
{
  g_string_append_c (w->out, bracket);
  w->depth++;
  w->first = TRUE;
}

static void
writer_close (Writer *w,
              char    bracket)
{
  w->depth--;
  if (!w->first)
    writer_newline (w);
  g_string_append_c (w->out, bracket);
  w->first = FALSE;
}

static void
writer_key (Writer     *w,
            const char *name)
{
  writer_next (w);
  append_json_string (w->out, name);
  g_string_append (w->out, ": ");
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

static void
write_number (Writer *w,
              double  value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append (w->out, format_number (buffer, value));
}

static void
write_boolean (Writer   *w,
               gboolean  value)
{
  g_string_append (w->out, value ? "true" : "false");
}

static void
write_member_cb (JsonObject  *object,
                 const char  *name,
                 JsonNode    *node,
                 gpointer     user_data)
{
  Writer *w = user_data;

  writer_key (w, name);
  write_node (w, node);
}

static void
write_node (Writer   *w,
            JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      writer_open (w, '{');
      json_object_foreach_member (json_node_get_object (node), write_member_cb, w);
      writer_close (w, '}');
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);

        writer_open (w, '[');
        for (guint i = 0; i < n; i++)
          {
            writer_next (w);
            write_node (w, json_array_get_element (array, i));
          }
        writer_close (w, ']');
      }
      break;

    case JSON_NODE_VALUE:
      {
        GType type = json_node_get_value_type (node);

        if (type == G_TYPE_INT64)
          g_string_append_printf (w->out, "%" G_GINT64_FORMAT, json_node_get_int (node));
        else if (type == G_TYPE_DOUBLE)
          write_number (w, json_node_get_double (node));
        else if (type == G_TYPE_BOOLEAN)
          write_boolean (w, json_node_get_boolean (node));
        else if (type == G_TYPE_STRING)
          append_json_string (w->out, json_node_get_string (node));
        else
          g_string_append (w->out, "null");
      }
      break;

    case JSON_NODE_NULL:
    default:
      g_string_append (w->out, "null");
      break;
    }
}

static void
write_extras (Writer     *w,
              JsonObject *extra)
{
  if (extra != NULL)
    json_object_foreach_member (extra, write_member_cb, w);
}

static void
write_date (Writer      *w,
            const char  *name,
            const GDate *date)
{
  g_autofree char *text = NULL;

  if (date == NULL)
    return;

  text = cto_date_to_string (date);
  writer_key (w, name);
  append_json_string (w->out, text);
}

static void
write_person (Writer    *w,
              CtoPerson *person)
{
  const char *reports_to = cto_person_get_reports_to (person);

  writer_open (w, '{');
  writer_key (w, "id");
  append_json_string (w->out, cto_person_get_id (person));
  writer_key (w, "name");
  append_json_string (w->out, cto_person_get_name (person));
  writer_key (w, "role");
  append_json_string (w->out, cto_person_get_role (person));
  writer_key (w, "capacity");
  write_number (w, cto_person_get_capacity (person));
  writer_key (w, "reports_to");
  if (reports_to != NULL)
    append_json_string (w->out, reports_to);
  else
    g_string_append (w->out, "null");
  writer_key (w, "open_role");
  write_boolean (w, cto_person_get_open_role (person));
  /* Dates are written only when set, so that plans without them keep the
   * bytes they had before dates existed. */
  write_date (w, "start", cto_person_get_start (person));
  write_date (w, "end", cto_person_get_end (person));
  write_extras (w, _cto_person_get_extra (person));
  writer_close (w, '}');
}

static void
write_responsibility (Writer            *w,
                      CtoResponsibility *responsibility)
{
  guint n = cto_responsibility_get_n_assignees (responsibility);

  writer_open (w, '{');
  writer_key (w, "id");
  append_json_string (w->out, cto_responsibility_get_id (responsibility));
  writer_key (w, "title");
  append_json_string (w->out, cto_responsibility_get_title (responsibility));
  writer_key (w, "function");
  append_json_string (w->out,
                      cto_function_get_id (cto_responsibility_get_function (responsibility)));
  writer_key (w, "effort");
  write_number (w, cto_responsibility_get_effort (responsibility));
  writer_key (w, "description");
  append_json_string (w->out, cto_responsibility_get_description (responsibility));

  writer_key (w, "assignees");
  writer_open (w, '[');
  for (guint i = 0; i < n; i++)
    {
      const CtoAssignment *assignment = cto_responsibility_get_assignee (responsibility, i);

      writer_next (w);
      writer_open (w, '{');
      writer_key (w, "person");
      append_json_string (w->out, assignment->person);
      writer_key (w, "share");
      write_number (w, assignment->share);
      writer_key (w, "accountable");
      write_boolean (w, assignment->accountable);
      write_extras (w, assignment->extra);
      writer_close (w, '}');
    }
  writer_close (w, ']');

  write_extras (w, _cto_responsibility_get_extra (responsibility));
  writer_close (w, '}');
}

/* Public API ------------------------------------------------------------------ */

/* Loads @data; @owned, when not %NULL, is the block @data lies in, freed as
 * soon as the parser is done with it so that the text and the plan are not
 * both held with the parsed document at the peak. */
static CtoPlan *
load_data (const char  *data,
           gsize        length,
           char        *owned,
           GError     **error)
{
  g_autofree char *owned_data = owned;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) parser_error = NULL;

  if (length > CTO_PLAN_MAX_FILE_SIZE)
    {
      set_too_large_error (error);
      return NULL;
    }

  if (data == NULL)
    data = "";

  /* A byte order mark is allowed (RFC 8259, section 8.1) and not kept. */
  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  if (!scan_document (data, length, error))
    return NULL;

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, data, (gssize) length, &parser_error))
    {
      set_parser_error (error, data, length, parser_error);
      return NULL;
    }

  /* From here on, refusals name JSON paths, not places in the text. */
  g_clear_pointer (&owned_data, g_free);

  return read_plan (json_parser_get_root (parser), error);
}

/**
 * cto_plan_io_load_data:
 * @data: the file's bytes, not necessarily nul-terminated
 * @length: the number of bytes in @data
 * @error: return location for a #CTO_PLAN_ERROR
 *
 * Checks, parses and validates a plan (PLAN-FORMAT.md, section 2).
 *
 * Returns: (transfer full) (nullable): the plan, with an empty history
 */
CtoPlan *
cto_plan_io_load_data (const char  *data,
                       gsize        length,
                       GError     **error)
{
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return load_data (data, length, NULL, error);
}

/**
 * cto_plan_io_load_file:
 * @file: the plan file
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error
 *
 * Reads @file, refusing it unread when it is over %CTO_PLAN_MAX_FILE_SIZE,
 * then loads it as cto_plan_io_load_data() does. When the file cannot be read
 * the error keeps its #G_IO_ERROR code, with a message that starts "file: ".
 *
 * Returns: (transfer full) (nullable): the plan, with an empty history
 */
CtoPlan *
cto_plan_io_load_file (GFile         *file,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autofree char *data = NULL;
  char *text;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = read_file_capped (file, cancellable, &length, error);
  if (data == NULL)
    return NULL;

  text = g_steal_pointer (&data);

  return load_data (text, length, text, error);
}

/**
 * cto_plan_io_to_data:
 * @plan: a plan
 * @length: (out) (optional): the length of the text, without the nul
 *
 * Writes @plan in the canonical form: every member in the order of the
 * format's table, each with its value even when it is the default, kept
 * unknown members after the known ones, two-space indentation.
 *
 * Returns: (transfer full): the nul-terminated text
 */
char *
cto_plan_io_to_data (CtoPlan *plan,
                     gsize   *length)
{
  GListModel *people;
  GListModel *responsibilities;
  guint n_people;
  guint n_responsibilities;
  Writer w = { NULL, 0, TRUE };

  g_return_val_if_fail (CTO_IS_PLAN (plan), NULL);

  people = cto_plan_get_people (plan);
  responsibilities = cto_plan_get_responsibilities (plan);
  n_people = g_list_model_get_n_items (people);
  n_responsibilities = g_list_model_get_n_items (responsibilities);

  /* A close guess of the size, so that the text is seldom moved. */
  w.out = g_string_sized_new (1024 + n_people * 200 + n_responsibilities * 400);

  writer_open (&w, '{');
  writer_key (&w, "format");
  append_json_string (w.out, FORMAT_NAME);
  writer_key (&w, "version");
  g_string_append_printf (w.out, "%d", CTO_PLAN_FORMAT_VERSION);
  writer_key (&w, "title");
  append_json_string (w.out, cto_plan_get_title (plan));

  writer_key (&w, "settings");
  writer_open (&w, '{');
  writer_key (&w, "overload_threshold");
  write_number (&w, cto_plan_get_overload_threshold (plan));
  writer_key (&w, "hours_per_fte");
  write_number (&w, cto_plan_get_hours_per_fte (plan));
  write_extras (&w, _cto_plan_get_settings_extra (plan));
  writer_close (&w, '}');

  writer_key (&w, "people");
  writer_open (&w, '[');
  for (guint i = 0; i < n_people; i++)
    {
      g_autoptr(CtoPerson) person = g_list_model_get_item (people, i);

      writer_next (&w);
      write_person (&w, person);
    }
  writer_close (&w, ']');

  writer_key (&w, "responsibilities");
  writer_open (&w, '[');
  for (guint i = 0; i < n_responsibilities; i++)
    {
      g_autoptr(CtoResponsibility) responsibility = g_list_model_get_item (responsibilities, i);

      writer_next (&w);
      write_responsibility (&w, responsibility);
    }
  writer_close (&w, ']');

  write_extras (&w, _cto_plan_get_extra (plan));
  writer_close (&w, '}');
  g_string_append_c (w.out, '\n');

  if (length != NULL)
    *length = w.out->len;

  return g_string_free (w.out, FALSE);
}

/**
 * cto_plan_io_save_file_full:
 * @plan: a plan
 * @file: where to save it
 * @flags: what the user allowed (replacing a read-only file)
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error
 *
 * Writes the canonical text of @plan to @file as cto_write_file_atomic_full()
 * does; a plan too large to be read back is not written.
 *
 * Returns: whether the plan was saved; when not, @file is as it was
 */
gboolean
cto_plan_io_save_file_full (CtoPlan        *plan,
                            GFile          *file,
                            CtoWriteFlags   flags,
                            GCancellable   *cancellable,
                            GError        **error)
{
  g_autofree char *data = NULL;
  gsize length = 0;

  g_return_val_if_fail (CTO_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  data = cto_plan_io_to_data (plan, &length);
  if (!cto_plan_io_check_size (length, error))
    return FALSE;

  return cto_write_file_atomic_full (file, data, length, flags, cancellable, error);
}

/**
 * cto_plan_io_save_file:
 *
 * cto_plan_io_save_file_full() with no flags: a read-only file is refused.
 */
gboolean
cto_plan_io_save_file (CtoPlan       *plan,
                       GFile         *file,
                       GCancellable  *cancellable,
                       GError       **error)
{
  return cto_plan_io_save_file_full (plan, file, CTO_WRITE_FLAGS_NONE, cancellable, error);
}

/**
 * cto_plan_io_check_size:
 * @length: the length of a plan's canonical text
 * @error: return location for an error
 *
 * Refuses (CTO_PLAN_ERROR_TOO_LARGE) a text longer than a plan file may be,
 * so that the program never writes a file it would refuse to read.
 */
gboolean
cto_plan_io_check_size (gsize    length,
                        GError **error)
{
  if (length <= CTO_PLAN_MAX_FILE_SIZE)
    return TRUE;

  g_set_error (error, CTO_PLAN_ERROR, CTO_PLAN_ERROR_TOO_LARGE,
               _("the plan would take %.1f MiB, more than the %d MiB a plan file may have"),
               length / (1024.0 * 1024.0), CTO_PLAN_MAX_FILE_SIZE / (1024 * 1024));
  return FALSE;
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
