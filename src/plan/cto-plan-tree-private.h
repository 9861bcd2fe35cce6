/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/*
 * The document of a plan file as the reader walks it (cto-plan-tree.c):
 * built in one pass over text that _cto_plan_scan() has accepted, with every
 * node, array and string in a few large blocks freed at once. Values mean
 * what json-glib's parser makes of them: an integer literal of at most 18
 * digits is an int64; any other number ("2.5", "1E2", "-0", a 21-digit
 * integer) keeps its text, which _cto_plan_node_get_number() reads as the
 * nearest double (1e999 infinite) and the writer gives back as it stands, so
 * that an unknown member's numbers are kept exactly (PLAN-FORMAT.md,
 * section 2); strings decoded, the members of an object in file order.
 */

typedef enum
{
  CTO_PLAN_NODE_NULL,
  CTO_PLAN_NODE_BOOLEAN,
  CTO_PLAN_NODE_INT,
  CTO_PLAN_NODE_NUMBER,       /* its text in string, length bytes */
  CTO_PLAN_NODE_STRING,
  CTO_PLAN_NODE_ARRAY,
  CTO_PLAN_NODE_OBJECT,
} CtoPlanNodeKind;

typedef struct _CtoPlanNode   CtoPlanNode;
typedef struct _CtoPlanMember CtoPlanMember;
typedef struct _CtoPlanTree   CtoPlanTree;

struct _CtoPlanNode
{
  CtoPlanNodeKind kind;
  guint32         length;     /* bytes of a string, elements of an array, members of an object */
  union
  {
    gboolean             boolean;
    gint64               integer;
    const char          *string;    /* nul-terminated; holds no nul (\u0000 is refused) */
    const CtoPlanNode   *elements;
    const CtoPlanMember *members;   /* in file order, each name once */
  };
};

struct _CtoPlanMember
{
  const char  *name;
  CtoPlanNode  value;
};

/* The document of @data, which _cto_plan_scan() accepted (a byte order mark
 * already taken off); it does not refer to @data afterwards. */
CtoPlanTree       *_cto_plan_tree_new       (const char         *data,
                                             gsize               length);
void               _cto_plan_tree_free      (CtoPlanTree        *tree);
const CtoPlanNode *_cto_plan_tree_get_root  (const CtoPlanTree  *tree);

/* The value of a number node (INT or NUMBER), +0 for -0. */
double             _cto_plan_node_get_number (const CtoPlanNode *node);
/* Whether a NUMBER node's text is an integer: no fraction, no exponent. */
gboolean           _cto_plan_node_is_integer_text (const CtoPlanNode *node);

/* A copy of @node as json-glib would have parsed it, but for a NUMBER node,
 * which becomes a node that keeps its text (see below). */
JsonNode          *_cto_plan_node_to_json   (const CtoPlanNode  *node);

/* json-glib cannot hold a number's text, so the copy of a NUMBER node for an
 * unknown member is a string node that starts with a byte no text read
 * from a file has (it is all UTF-8), then the number's text. The writer
 * writes that text back as it stands; nothing else reads unknown members. */
JsonNode          *_cto_plan_json_number_new (const char        *text);
/* The number's text of such a node, or %NULL for any other node. */
const char        *_cto_plan_json_get_number_text (JsonNode *node);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CtoPlanTree, _cto_plan_tree_free)

G_END_DECLS
