/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-plan-io"

#include "config.h"

#include <string.h>

#include "cto-plan-tree-private.h"
#include "cto-word-private.h"
#include "cto-plan.h"

/*
 * The document of a plan file, built for the reader in one pass over text the
 * scan (cto-plan-scanner.c) has accepted: strict JSON, valid UTF-8, an object
 * at the top, nested at most CTO_PLAN_MAX_DEPTH deep, every escape valid and
 * every surrogate paired. Nothing is checked
 * again here; the pass only never reads past the end.
 *
 * The values of an open container wait on one stack; when it closes they are
 * copied, in order, into one block of its own. Strings are decoded into the
 * same blocks, so the document is a few large allocations, freed together,
 * however many values it holds.
 */

/* Blocks ---------------------------------------------------------------------- */

#define BLOCK_SIZE (1024 * 1024)

/* A block's bytes follow its header, aligned for any node. */
typedef struct _Block Block;
struct _Block
{
  Block *next;
};

G_STATIC_ASSERT (sizeof (Block) % 8 == 0);

struct _CtoPlanTree
{
  Block       *blocks;
  char        *free;        /* the unused rest of the newest block */
  char        *limit;
  CtoPlanNode  root;
};

static char *
tree_alloc_block (CtoPlanTree *tree,
                  gsize        size)
{
  gsize data_size = MAX (size, (gsize) BLOCK_SIZE);
  Block *block = g_malloc (sizeof (Block) + data_size);
  char *data = (char *) (block + 1);

  block->next = tree->blocks;
  tree->blocks = block;
  tree->free = data;
  tree->limit = data + data_size;

  return data;
}

/* @size bytes aligned for any node. */
static void *
tree_alloc (CtoPlanTree *tree,
            gsize        size)
{
  guintptr at = ((guintptr) tree->free + 7) & ~(guintptr) 7;
  char *p;

  if (tree->free == NULL || at > (guintptr) tree->limit || (guintptr) tree->limit - at < size)
    p = tree_alloc_block (tree, size);
  else
    p = (char *) at;

  tree->free = p + size;
  return p;
}

/* @size bytes for text, of which the caller gives back the end it does not
 * use with tree_give_back(). */
static char *
tree_alloc_text (CtoPlanTree *tree,
                 gsize        size)
{
  char *p;

  if (tree->free == NULL || (gsize) (tree->limit - tree->free) < size)
    p = tree_alloc_block (tree, size);
  else
    p = tree->free;

  tree->free = p + size;
  return p;
}

static void
tree_give_back (CtoPlanTree *tree,
                char        *used_end)
{
  tree->free = used_end;
}

void
_cto_plan_tree_free (CtoPlanTree *tree)
{
  Block *block;

  if (tree == NULL)
    return;

  while ((block = tree->blocks) != NULL)
    {
      tree->blocks = block->next;
      g_free (block);
    }

  g_free (tree);
}

const CtoPlanNode *
_cto_plan_tree_get_root (const CtoPlanTree *tree)
{
  return &tree->root;
}

/* Text ------------------------------------------------------------------------ */

static inline gboolean
has_quote_or_backslash (guint64 word)
{
  return (cto_word_has_byte (word, '"') | cto_word_has_byte (word, '\\')) != 0;
}

static inline gboolean
is_space (guchar c)
{
  return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

static const guchar *
skip_space (const guchar *p,
            const guchar *end)
{
  for (;;)
    {
      while (end - p >= 8 && cto_word_is_all (cto_word_load (p), ' '))
        p += 8;
      if (p == end || !is_space (*p))
        return p;
      p++;
    }
}

static guint
hex4 (const guchar *p)
{
  guint value = 0;

  for (guint i = 0; i < 4; i++)
    value = value * 16 + g_ascii_xdigit_value (p[i]);

  return value;
}

/* Resolves the escapes of a string's text, from @p to @end, into @out; the
 * bytes written, never more than were read. */
static gsize
decode_escapes (const guchar *p,
                const guchar *end,
                char         *out)
{
  char *start = out;

  while (p < end)
    {
      const guchar *run = p;
      gunichar c;

      while (p < end && *p != '\\')
        p++;
      memcpy (out, run, p - run);
      out += p - run;
      if (end - p < 2)
        break;

      switch (p[1])
        {
        case 'b': c = '\b'; break;
        case 'f': c = '\f'; break;
        case 'n': c = '\n'; break;
        case 'r': c = '\r'; break;
        case 't': c = '\t'; break;
        case 'u':
          if (end - p < 6)
            return out - start;
          c = hex4 (p + 2);
          if (c >= 0xd800 && c <= 0xdbff && end - p >= 12)
            {
              c = 0x10000 + ((c - 0xd800) << 10) + (hex4 (p + 8) - 0xdc00);
              p += 6;
            }
          p += 4;
          break;
        default:
          c = p[1];
          break;
        }
      out += g_unichar_to_utf8 (c, out);
      p += 2;
    }

  return out - start;
}

/* The string whose opening quote is at *@p, decoded; moves *@p past it. */
static const char *
read_string (CtoPlanTree   *tree,
             const guchar **p,
             const guchar  *end,
             guint32       *length)
{
  const guchar *start = *p + 1;
  const guchar *q = start;
  gboolean escaped = FALSE;
  gsize raw;
  gsize n;
  char *out;

  for (;;)
    {
      while (end - q >= 8 && !has_quote_or_backslash (cto_word_load (q)))
        q += 8;
      while (q < end && *q != '"' && *q != '\\')
        q++;
      if (q >= end || *q == '"')
        break;
      escaped = TRUE;
      q += 2;
    }
  if (q > end)
    q = end;

  raw = q - start;
  out = tree_alloc_text (tree, raw + 1);
  if (escaped)
    {
      n = decode_escapes (start, q, out);
    }
  else
    {
      memcpy (out, start, raw);
      n = raw;
    }
  out[n] = '\0';
  tree_give_back (tree, out + n + 1);

  *p = q < end ? q + 1 : end;
  *length = n;
  return out;
}

/* A number: a literal without fraction or exponent, of at most 18 digits and
 * not -0, is an int64 as json-glib reads it; any other keeps its text. */
static const guchar *
read_number (CtoPlanTree  *tree,
             const guchar *p,
             const guchar *end,
             CtoPlanNode  *node)
{
  const guchar *start = p;
  gboolean negative = FALSE;
  guint64 magnitude = 0;
  guint digits = 0;
  char *text;

  if (*p == '-')
    {
      negative = TRUE;
      p++;
    }

  for (; p < end && g_ascii_isdigit (*p); p++, digits++)
    magnitude = magnitude * 10 + (*p - '0');

  if (p < end && (*p == '.' || *p == 'e' || *p == 'E'))
    {
      for (; p < end && (g_ascii_isdigit (*p) || *p == '.' || *p == 'e' || *p == 'E' ||
                         *p == '+' || *p == '-'); p++)
        ;
    }
  else if (digits <= 18 && !(negative && magnitude == 0))
    {
      node->kind = CTO_PLAN_NODE_INT;
      node->integer = negative ? -(gint64) magnitude : (gint64) magnitude;
      return p;
    }

  text = tree_alloc_text (tree, p - start + 1);
  memcpy (text, start, p - start);
  text[p - start] = '\0';

  node->kind = CTO_PLAN_NODE_NUMBER;
  node->length = p - start;
  node->string = text;
  return p;
}

double
_cto_plan_node_get_number (const CtoPlanNode *node)
{
  if (node->kind == CTO_PLAN_NODE_INT)
    return (double) node->integer;

  g_return_val_if_fail (node->kind == CTO_PLAN_NODE_NUMBER, 0);

  /* Adding 0 makes -0 0, as json-glib reads "-0". */
  return g_ascii_strtod (node->string, NULL) + 0.0;
}

gboolean
_cto_plan_node_is_integer_text (const CtoPlanNode *node)
{
  g_return_val_if_fail (node->kind == CTO_PLAN_NODE_NUMBER, FALSE);

  return strpbrk (node->string, ".eE") == NULL;
}

/* Building -------------------------------------------------------------------- */

typedef struct
{
  guint    start;      /* its first value on the stack; its own node is the one before */
  gboolean object;
} Frame;

typedef struct
{
  CtoPlanTree   *tree;
  CtoPlanMember *stack;   /* the values of the open containers; a name in objects */
  guint          n_stack;
  guint          stack_size;
  Frame          frames[CTO_PLAN_MAX_DEPTH + 1];
} Builder;

static CtoPlanNode *
push (Builder    *builder,
      const char *name)
{
  CtoPlanMember *member;

  if (builder->n_stack == builder->stack_size)
    {
      builder->stack_size = MAX (builder->stack_size * 2, 256);
      builder->stack = g_renew (CtoPlanMember, builder->stack, builder->stack_size);
    }

  member = &builder->stack[builder->n_stack++];
  member->name = name;
  return &member->value;
}

/* Moves the values of the innermost container from the stack into a block
 * of their own. */
static void
close_container (Builder     *builder,
                 const Frame *frame)
{
  guint n = builder->n_stack - frame->start;
  const CtoPlanMember *values = builder->stack + frame->start;
  CtoPlanNode *container = &builder->stack[frame->start - 1].value;

  container->length = n;
  if (frame->object)
    {
      CtoPlanMember *members = NULL;

      if (n > 0)
        {
          members = tree_alloc (builder->tree, n * sizeof (CtoPlanMember));
          memcpy (members, values, n * sizeof (CtoPlanMember));
        }
      container->members = members;
    }
  else
    {
      CtoPlanNode *elements = NULL;

      if (n > 0)
        {
          elements = tree_alloc (builder->tree, n * sizeof (CtoPlanNode));
          for (guint i = 0; i < n; i++)
            elements[i] = values[i].value;
        }
      container->elements = elements;
    }

  builder->n_stack = frame->start;
}

CtoPlanTree *
_cto_plan_tree_new (const char *data,
                    gsize       length)
{
  const guchar *p = (const guchar *) data;
  const guchar *end = p + length;
  g_autoptr(CtoPlanTree) tree = g_new0 (CtoPlanTree, 1);
  Builder builder = { tree, NULL, 0, 0, { { 0, FALSE } } };
  const char *name = NULL;       /* of the member whose value comes next */
  gboolean want_name = FALSE;
  guint depth = 0;

  tree->root.kind = CTO_PLAN_NODE_NULL;

  while (p < end)
    {
      CtoPlanNode *node;
      guint32 string_length;
      const char *string;

      switch (*p)
        {
        case ' ': case '\t': case '\n': case '\r':
          p = skip_space (p, end);
          continue;

        case '{': case '[':
          if (depth == CTO_PLAN_MAX_DEPTH)
            goto done;
          node = push (&builder, name);
          node->kind = *p == '{' ? CTO_PLAN_NODE_OBJECT : CTO_PLAN_NODE_ARRAY;
          node->length = 0;
          node->members = NULL;
          name = NULL;
          depth++;
          builder.frames[depth].start = builder.n_stack;
          builder.frames[depth].object = want_name = *p == '{';
          p++;
          continue;

        case '}': case ']':
          p++;
          if (depth == 0)
            goto done;
          close_container (&builder, &builder.frames[depth]);
          if (--depth == 0)
            goto done;
          continue;

        case ',':
          want_name = builder.frames[depth].object;
          p++;
          continue;

        case ':':
          p++;
          continue;

        case '"':
          string = read_string (tree, &p, end, &string_length);
          if (want_name)
            {
              name = string;
              want_name = FALSE;
              continue;
            }
          node = push (&builder, name);
          node->kind = CTO_PLAN_NODE_STRING;
          node->length = string_length;
          node->string = string;
          break;

        case 't': case 'f':
          node = push (&builder, name);
          node->kind = CTO_PLAN_NODE_BOOLEAN;
          node->length = 0;
          node->boolean = *p == 't';
          p += *p == 't' ? 4 : 5;
          break;

        case 'n':
          node = push (&builder, name);
          node->kind = CTO_PLAN_NODE_NULL;
          node->length = 0;
          node->integer = 0;
          p += 4;
          break;

        default:
          {
            const guchar *number = p;

            node = push (&builder, name);
            node->length = 0;
            p = read_number (tree, p, end, node);
            if (p == number)
              p++;
          }
          break;
        }

      name = NULL;
      if (p > end)
        p = end;
    }

done:
  /* Whatever is still open (only ever when the text was not scanned) is
   * closed where it stands. */
  for (; depth > 0; depth--)
    close_container (&builder, &builder.frames[depth]);

  if (builder.n_stack > 0)
    tree->root = builder.stack[0].value;
  g_free (builder.stack);

  return g_steal_pointer (&tree);
}

/* To json-glib ---------------------------------------------------------------- */

JsonNode *
_cto_plan_node_to_json (const CtoPlanNode *node)
{
  JsonNode *json;

  switch (node->kind)
    {
    case CTO_PLAN_NODE_BOOLEAN:
      return json_node_init_boolean (json_node_alloc (), node->boolean);

    case CTO_PLAN_NODE_INT:
      return json_node_init_int (json_node_alloc (), node->integer);

    case CTO_PLAN_NODE_NUMBER:
      return _cto_plan_json_number_new (node->string);

    case CTO_PLAN_NODE_STRING:
      return json_node_init_string (json_node_alloc (), node->string);

    case CTO_PLAN_NODE_ARRAY:
      {
        JsonArray *array = json_array_sized_new (node->length);

        for (guint i = 0; i < node->length; i++)
          json_array_add_element (array, _cto_plan_node_to_json (&node->elements[i]));

        json = json_node_new (JSON_NODE_ARRAY);
        json_node_take_array (json, array);
        return json;
      }

    case CTO_PLAN_NODE_OBJECT:
      {
        JsonObject *object = json_object_new ();

        for (guint i = 0; i < node->length; i++)
          json_object_set_member (object, node->members[i].name,
                                  _cto_plan_node_to_json (&node->members[i].value));

        json = json_node_new (JSON_NODE_OBJECT);
        json_node_take_object (json, object);
        return json;
      }

    case CTO_PLAN_NODE_NULL:
    default:
      return json_node_init_null (json_node_alloc ());
    }
}

/* The byte that marks a number's text: never in UTF-8. */
#define NUMBER_MARK '\xff'

JsonNode *
_cto_plan_json_number_new (const char *text)
{
  g_autofree char *marked = g_strconcat ((const char[]) { NUMBER_MARK, '\0' }, text, NULL);

  return json_node_init_string (json_node_alloc (), marked);
}

const char *
_cto_plan_json_get_number_text (JsonNode *node)
{
  const char *string;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  string = json_node_get_string (node);
  return string != NULL && string[0] == NUMBER_MARK ? string + 1 : NULL;
}
