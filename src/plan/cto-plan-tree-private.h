/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/*
 * The document of a plan file as the reader walks it (cto-plan-tree.c):
 * built in one pass over text that _cto_plan_scan() has accepted, with every
 * node, array and string in a few large blocks freed at once. Values mean
 * what json-glib's parser makes of them: an integer literal is an int64, a
 * literal with a fraction or an exponent a double (1e999 infinite), strings
 * decoded, the members of an object in file order.
 */

typedef enum
{
  CTO_PLAN_NODE_NULL,
  CTO_PLAN_NODE_BOOLEAN,
  CTO_PLAN_NODE_INT,
  CTO_PLAN_NODE_DOUBLE,
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
    double               number;
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

/* A copy of @node as json-glib would have parsed it. */
JsonNode          *_cto_plan_node_to_json   (const CtoPlanNode  *node);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CtoPlanTree, _cto_plan_tree_free)

G_END_DECLS
