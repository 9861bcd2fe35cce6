/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-org-layout"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "cto-org-layout.h"

#define NIL (-1)

/* Node 0 is a hidden root above every tree, so a forest is laid out as one
 * tree; the public node i is node i + 1 here. */
typedef struct
{
  int      parent;
  int      first_child;
  int      last_child;
  int      prev_sibling;
  int      next_sibling;
  guint    n_children;
  guint    number;         /* 1-based position among the siblings */
  int      depth;          /* -1 for the hidden root */
  double   width;
  double   height;
  gpointer data;

  /* The walks of the algorithm. */
  double   prelim;
  double   mod;
  double   shift;
  double   change;
  double   midpoint;
  int      thread;
  int      ancestor;

  /* The result: the centre of the box, its top. */
  double   x;
  double   y;
} Node;

struct _CtoOrgLayout
{
  GObject  parent_instance;

  GArray  *nodes;
  double   sibling_gap;
  double   subtree_gap;
  double   level_gap;
  guint    min_stacked;    /* 0, or from how many leaves on they go in a column */
  double   width;
  double   height;
  gboolean dirty;
};

G_DEFINE_FINAL_TYPE (CtoOrgLayout, cto_org_layout, G_TYPE_OBJECT)

#define N(i) (g_array_index (self->nodes, Node, (i)))

static int
next_left (CtoOrgLayout *self,
           int           v)
{
  return N (v).first_child != NIL ? N (v).first_child : N (v).thread;
}

static int
next_right (CtoOrgLayout *self,
            int           v)
{
  return N (v).last_child != NIL ? N (v).last_child : N (v).thread;
}

/* How far apart the centres of @left and @right, on one level, must be. */
static double
distance (CtoOrgLayout *self,
          int           left,
          int           right)
{
  gboolean siblings = N (left).parent == N (right).parent && N (left).parent != 0;

  return (N (left).width + N (right).width) / 2.0 +
         (siblings ? self->sibling_gap : self->subtree_gap);
}

static void
move_subtree (CtoOrgLayout *self,
              int           wm,
              int           wp,
              double        shift)
{
  double subtrees = (double) N (wp).number - (double) N (wm).number;

  g_assert (subtrees > 0);

  N (wp).change -= shift / subtrees;
  N (wp).shift += shift;
  N (wm).change += shift / subtrees;
  N (wp).prelim += shift;
  N (wp).mod += shift;
}

static int
greatest_distinct_ancestor (CtoOrgLayout *self,
                            int           vim,
                            int           v,
                            int           default_ancestor)
{
  if (N (N (vim).ancestor).parent == N (v).parent)
    return N (vim).ancestor;

  return default_ancestor;
}

/* Pushes the subtree of @v right until it clears the subtrees of its left
 * siblings on every level, spreading the shift over the siblings between. */
static int
apportion (CtoOrgLayout *self,
           int           v,
           int           default_ancestor)
{
  int w = N (v).prev_sibling;
  int vip, vop, vim, vom;
  double sip, sop, sim, som;

  if (w == NIL)
    return default_ancestor;

  vip = vop = v;
  vim = w;
  vom = N (N (v).parent).first_child;
  sip = N (vip).mod;
  sop = N (vop).mod;
  sim = N (vim).mod;
  som = N (vom).mod;

  while (next_right (self, vim) != NIL && next_left (self, vip) != NIL)
    {
      double shift;

      vim = next_right (self, vim);
      vip = next_left (self, vip);
      vom = next_left (self, vom);
      vop = next_right (self, vop);
      g_assert (vom != NIL && vop != NIL);

      N (vop).ancestor = v;
      shift = (N (vim).prelim + sim) - (N (vip).prelim + sip) + distance (self, vim, vip);
      if (shift > 0)
        {
          move_subtree (self, greatest_distinct_ancestor (self, vim, v, default_ancestor), v, shift);
          sip += shift;
          sop += shift;
        }
      sim += N (vim).mod;
      sip += N (vip).mod;
      som += N (vom).mod;
      sop += N (vop).mod;
    }

  if (next_right (self, vim) != NIL && next_right (self, vop) == NIL)
    {
      N (vop).thread = next_right (self, vim);
      N (vop).mod += sim - sop;
    }

  if (next_left (self, vip) != NIL && next_left (self, vom) == NIL)
    {
      N (vom).thread = next_left (self, vip);
      N (vom).mod += sip - som;
      default_ancestor = v;
    }

  return default_ancestor;
}

static void
execute_shifts (CtoOrgLayout *self,
                int           v)
{
  double shift = 0;
  double change = 0;

  for (int w = N (v).last_child; w != NIL; w = N (w).prev_sibling)
    {
      N (w).prelim += shift;
      N (w).mod += shift;
      change += N (w).change;
      shift += N (w).shift + change;
    }
}

/* The first walk for a parent whose children's subtrees are laid out. */
static void
place_children (CtoOrgLayout *self,
                int           v)
{
  int default_ancestor = N (v).first_child;

  for (int w = N (v).first_child; w != NIL; w = N (w).next_sibling)
    {
      int left = N (w).prev_sibling;

      if (N (w).first_child == NIL)
        {
          N (w).prelim = left != NIL ? N (left).prelim + distance (self, left, w) : 0;
        }
      else if (left != NIL)
        {
          N (w).prelim = N (left).prelim + distance (self, left, w);
          N (w).mod = N (w).prelim - N (w).midpoint;
        }
      else
        {
          N (w).prelim = N (w).midpoint;
        }

      default_ancestor = apportion (self, w, default_ancestor);
    }

  execute_shifts (self, v);
  N (v).midpoint = (N (N (v).first_child).prelim + N (N (v).last_child).prelim) / 2.0;
}

typedef struct
{
  int   parent;
  int   first_child;
  int   last_child;
  int   prev_sibling;
  int   next_sibling;
  guint n_children;
  guint number;
  int   depth;
} Links;

/* Whether @v's children are to be stacked: enough of them, none with
 * children of their own. */
static gboolean
stacks_children (CtoOrgLayout *self,
                 int           v)
{
  if (v == 0 || self->min_stacked == 0 || N (v).n_children < self->min_stacked)
    return FALSE;

  for (int c = N (v).first_child; c != NIL; c = N (c).next_sibling)
    {
      if (N (c).first_child != NIL)
        return FALSE;
    }
  return TRUE;
}

/* Makes the leaves of a stacking parent a chain, each the only child of the
 * one above it, for the walks to place them in a column with room kept at
 * every level; returns the links as they were. */
static Links *
stack_leaves (CtoOrgLayout *self)
{
  guint n = self->nodes->len;
  Links *links = g_new (Links, n);

  for (guint i = 0; i < n; i++)
    links[i] = (Links) { N (i).parent, N (i).first_child, N (i).last_child, N (i).prev_sibling,
                         N (i).next_sibling, N (i).n_children, N (i).number, N (i).depth };

  for (guint v = 1; v < n; v++)
    {
      int above = (int) v;

      if (!stacks_children (self, (int) v))
        continue;

      for (int c = links[v].first_child; c != NIL; c = links[c].next_sibling)
        {
          N (above).first_child = N (above).last_child = c;
          N (above).n_children = 1;
          N (c).parent = above;
          N (c).prev_sibling = N (c).next_sibling = NIL;
          N (c).number = 1;
          N (c).depth = N (above).depth + 1;
          above = c;
        }
    }

  return links;
}

static void
unstack_leaves (CtoOrgLayout *self,
                Links        *links)
{
  for (guint i = 0; i < self->nodes->len; i++)
    {
      N (i).parent = links[i].parent;
      N (i).first_child = links[i].first_child;
      N (i).last_child = links[i].last_child;
      N (i).prev_sibling = links[i].prev_sibling;
      N (i).next_sibling = links[i].next_sibling;
      N (i).n_children = links[i].n_children;
      N (i).number = links[i].number;
      N (i).depth = links[i].depth;
    }
  g_free (links);
}

static void
compute (CtoOrgLayout *self)
{
  Links *links = NULL;
  g_autoptr(GArray) order = NULL;
  g_autoptr(GArray) stack = NULL;
  g_autoptr(GArray) level_height = NULL;
  g_autoptr(GArray) level_top = NULL;
  g_autoptr(GArray) offset = NULL;
  double min_left = G_MAXDOUBLE;
  double max_right = -G_MAXDOUBLE;
  guint n = self->nodes->len;
  int hidden_root = 0;

  if (!self->dirty)
    return;
  self->dirty = FALSE;

  for (guint i = 0; i < n; i++)
    {
      N (i).prelim = N (i).mod = N (i).shift = N (i).change = N (i).midpoint = 0;
      N (i).thread = NIL;
      N (i).ancestor = (int) i;
    }

  if (self->min_stacked > 0)
    links = stack_leaves (self);

  /* Pre-order without recursion: plans may be one long chain of managers. */
  order = g_array_sized_new (FALSE, FALSE, sizeof (int), n);
  stack = g_array_new (FALSE, FALSE, sizeof (int));
  g_array_append_val (stack, hidden_root);
  while (stack->len > 0)
    {
      int v = g_array_index (stack, int, stack->len - 1);

      g_array_set_size (stack, stack->len - 1);
      g_array_append_val (order, v);
      for (int c = N (v).last_child; c != NIL; c = N (c).prev_sibling)
        g_array_append_val (stack, c);
    }

  /* First walk: every subtree before its root. */
  for (guint k = order->len; k > 0; k--)
    {
      int v = g_array_index (order, int, k - 1);

      if (N (v).first_child != NIL)
        place_children (self, v);
    }

  /* Second walk: sum the modifiers down the tree. */
  offset = g_array_new (FALSE, TRUE, sizeof (double));
  g_array_set_size (offset, n);
  level_height = g_array_new (FALSE, TRUE, sizeof (double));
  for (guint k = 0; k < order->len; k++)
    {
      int v = g_array_index (order, int, k);
      double m = g_array_index (offset, double, v);

      N (v).x = N (v).prelim + m;
      for (int c = N (v).first_child; c != NIL; c = N (c).next_sibling)
        g_array_index (offset, double, c) = m + N (v).mod;

      if (v != 0)
        {
          guint depth = (guint) N (v).depth;

          if (depth >= level_height->len)
            g_array_set_size (level_height, depth + 1);
          g_array_index (level_height, double, depth) =
            MAX (g_array_index (level_height, double, depth), N (v).height);
          min_left = MIN (min_left, N (v).x - N (v).width / 2.0);
          max_right = MAX (max_right, N (v).x + N (v).width / 2.0);
        }
    }

  level_top = g_array_new (FALSE, TRUE, sizeof (double));
  g_array_set_size (level_top, level_height->len);
  for (guint d = 1; d < level_height->len; d++)
    g_array_index (level_top, double, d) =
      g_array_index (level_top, double, d - 1) + g_array_index (level_height, double, d - 1) +
      self->level_gap;

  for (guint i = 1; i < n; i++)
    {
      N (i).x -= min_left;
      N (i).y = g_array_index (level_top, double, N (i).depth);
    }

  if (n > 1)
    {
      guint last = level_height->len - 1;

      self->width = max_right - min_left;
      self->height = g_array_index (level_top, double, last) +
                     g_array_index (level_height, double, last);
    }
  else
    {
      self->width = self->height = 0;
    }

  if (links != NULL)
    unstack_leaves (self, links);
}

static void
cto_org_layout_finalize (GObject *object)
{
  CtoOrgLayout *self = (CtoOrgLayout *) object;

  g_clear_pointer (&self->nodes, g_array_unref);

  G_OBJECT_CLASS (cto_org_layout_parent_class)->finalize (object);
}

static void
cto_org_layout_class_init (CtoOrgLayoutClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cto_org_layout_finalize;
}

static void
cto_org_layout_init (CtoOrgLayout *self)
{
  Node root = { 0 };

  root.parent = root.first_child = root.last_child = NIL;
  root.prev_sibling = root.next_sibling = NIL;
  root.depth = -1;

  self->nodes = g_array_new (FALSE, TRUE, sizeof (Node));
  g_array_append_val (self->nodes, root);
  self->sibling_gap = 12;
  self->subtree_gap = 24;
  self->level_gap = 24;
  self->dirty = TRUE;
}

/**
 * cto_org_layout_new:
 *
 * Returns: (transfer full): an empty layout with gaps of 12, 24 and 24.
 */
CtoOrgLayout *
cto_org_layout_new (void)
{
  return g_object_new (CTO_TYPE_ORG_LAYOUT, NULL);
}

/**
 * cto_org_layout_set_spacing:
 * @sibling_gap: between boxes with the same parent
 * @subtree_gap: between boxes with different parents, and between trees
 * @level_gap: between the bottom of the tallest box of a level and the next level
 */
void
cto_org_layout_set_spacing (CtoOrgLayout *self,
                            double        sibling_gap,
                            double        subtree_gap,
                            double        level_gap)
{
  g_return_if_fail (CTO_IS_ORG_LAYOUT (self));

  self->sibling_gap = MAX (sibling_gap, 0);
  self->subtree_gap = MAX (subtree_gap, 0);
  self->level_gap = MAX (level_gap, 0);
  self->dirty = TRUE;
}

/**
 * cto_org_layout_set_stack_leaves:
 * @min_leaves: 0 for none
 *
 * The children of a box that has at least @min_leaves of them, none with
 * children of its own, go in a column under it rather than in a row, so
 * that wide teams keep the chart narrow. The tree stays as it was added.
 */
void
cto_org_layout_set_stack_leaves (CtoOrgLayout *self,
                                 guint         min_leaves)
{
  g_return_if_fail (CTO_IS_ORG_LAYOUT (self));

  self->min_stacked = min_leaves > 0 ? MAX (min_leaves, 2) : 0;
  self->dirty = TRUE;
}

/**
 * cto_org_layout_stack_to_fit:
 * @widest: how many times as wide as it is high the drawing may be
 * @was: how far the last layout of the same chart was stacked, from 0 to
 *   %CTO_ORG_LAYOUT_STACKED_MOST
 *
 * Stacks leaves, first from five under one box and then from two, for as
 * long as the drawing is more than @widest times as wide as it is high.
 * A chart stays as far stacked as it @was until it is well within the limit
 * without: one edit near the limit does not move every box.
 *
 * Returns: how far it is stacked now
 */
guint
cto_org_layout_stack_to_fit (CtoOrgLayout *self,
                             double        widest,
                             guint         was)
{
  static const guint from[CTO_ORG_LAYOUT_STACKED_MOST] = { 5, 2 };
  /* Back to fewer columns only at five sixths of the limit: at 3:1, a
   * chart stacked at 3.1:1 comes back once it would be 2.5:1. */
  const double back = 5.0 / 6.0;
  guint level;

  g_return_val_if_fail (CTO_IS_ORG_LAYOUT (self), 0);
  g_return_val_if_fail (widest > 0, 0);

  for (level = 0; level < CTO_ORG_LAYOUT_STACKED_MOST; level++)
    {
      double width, height;
      double limit = level < was ? widest * back : widest;

      cto_org_layout_set_stack_leaves (self, level > 0 ? from[level - 1] : 0);
      cto_org_layout_get_size (self, &width, &height);
      if (width <= limit * height)
        return level;
    }

  cto_org_layout_set_stack_leaves (self, from[level - 1]);

  return level;
}

/**
 * cto_org_layout_add_node:
 * @parent: a node added before, or -1 for a new root
 * @width: the box's width, ≥ 0
 * @height: the box's height, ≥ 0
 * @data: (nullable): anything, for the caller to find the box by
 *
 * Returns: the new node's number
 */
guint
cto_org_layout_add_node (CtoOrgLayout *self,
                         int           parent,
                         double        width,
                         double        height,
                         gpointer      data)
{
  Node node = { 0 };
  int index;

  g_return_val_if_fail (CTO_IS_ORG_LAYOUT (self), 0);
  g_return_val_if_fail (parent >= -1 && parent + 1 < (int) self->nodes->len, 0);

  index = (int) self->nodes->len;
  node.parent = parent + 1;
  node.first_child = node.last_child = NIL;
  node.next_sibling = NIL;
  node.prev_sibling = N (node.parent).last_child;
  node.number = N (node.parent).n_children + 1;
  node.depth = N (node.parent).depth + 1;
  node.width = isfinite (width) ? MAX (width, 0) : 0;
  node.height = isfinite (height) ? MAX (height, 0) : 0;
  node.data = data;
  g_array_append_val (self->nodes, node);

  if (N (node.parent).last_child != NIL)
    N (N (node.parent).last_child).next_sibling = index;
  else
    N (node.parent).first_child = index;
  N (node.parent).last_child = index;
  N (node.parent).n_children++;

  self->dirty = TRUE;

  return (guint) index - 1;
}

/**
 * cto_org_layout_add_plan:
 * @plan: the plan whose reporting lines to lay out
 * @box_width: the width of every box
 * @box_height: the height of every box
 *
 * Adds every person of @plan, managers before the people who report to them.
 */
void
cto_org_layout_add_plan (CtoOrgLayout *self,
                         CtoPlan      *plan,
                         double        box_width,
                         double        box_height)
{
  GListModel *people;
  guint n_people;
  g_autoptr(GHashTable) index_of = NULL;   /* id → plan position */
  g_autoptr(GArray) first_report = NULL;   /* linked lists of reports in plan order */
  g_autoptr(GArray) next_report = NULL;
  g_autoptr(GArray) node_of = NULL;
  g_autoptr(GArray) queue = NULL;
  g_autofree gboolean *added = NULL;
  g_autofree int *last_report = NULL;

  g_return_if_fail (CTO_IS_ORG_LAYOUT (self));
  g_return_if_fail (CTO_IS_PLAN (plan));

  people = cto_plan_get_people (plan);
  n_people = g_list_model_get_n_items (people);
  index_of = g_hash_table_new (g_str_hash, g_str_equal);
  first_report = g_array_new (FALSE, FALSE, sizeof (int));
  next_report = g_array_new (FALSE, FALSE, sizeof (int));
  node_of = g_array_new (FALSE, FALSE, sizeof (int));
  g_array_set_size (first_report, n_people);
  g_array_set_size (next_report, n_people);
  g_array_set_size (node_of, n_people);
  added = g_new0 (gboolean, n_people);
  last_report = g_new (int, n_people);

  for (guint i = 0; i < n_people; i++)
    {
      g_autoptr(CtoPerson) person = g_list_model_get_item (people, i);

      g_hash_table_insert (index_of, (gpointer) cto_person_get_id (person), GUINT_TO_POINTER (i + 1));
      g_array_index (first_report, int, i) = NIL;
      g_array_index (next_report, int, i) = NIL;
      last_report[i] = NIL;
    }

  queue = g_array_new (FALSE, FALSE, sizeof (int));
  for (guint i = 0; i < n_people; i++)
    {
      g_autoptr(CtoPerson) person = g_list_model_get_item (people, i);
      const char *manager = cto_person_get_reports_to (person);
      guint m = manager ? GPOINTER_TO_UINT (g_hash_table_lookup (index_of, manager)) : 0;

      if (m == 0 || m - 1 == i)
        {
          int root = (int) i;

          g_array_append_val (queue, root);
          continue;
        }

      m--;
      if (last_report[m] == NIL)
        g_array_index (first_report, int, m) = (int) i;
      else
        g_array_index (next_report, int, last_report[m]) = (int) i;
      last_report[m] = (int) i;
    }

  /* Breadth first from the roots, so that every manager has a node before
   * the people who report to them. Someone on a cycle, which a valid plan
   * never has, becomes a root rather than disappear. */
  for (guint start = 0; start <= n_people; start++)
    {
      if (start > 0)
        {
          int i = (int) start - 1;

          if (added[i])
            continue;
          g_array_set_size (queue, 0);
          g_array_append_val (queue, i);
        }

      for (guint k = 0; k < queue->len; k++)
        {
          int i = g_array_index (queue, int, k);
          g_autoptr(CtoPerson) person = NULL;
          const char *manager;
          int parent = NIL;

          if (added[i])
            continue;
          added[i] = TRUE;

          person = g_list_model_get_item (people, (guint) i);
          manager = cto_person_get_reports_to (person);
          if (manager != NULL)
            {
              guint m = GPOINTER_TO_UINT (g_hash_table_lookup (index_of, manager));

              if (m != 0 && m - 1 != (guint) i && added[m - 1])
                parent = g_array_index (node_of, int, m - 1);
            }

          g_array_index (node_of, int, i) =
            (int) cto_org_layout_add_node (self, parent, box_width, box_height, person);

          for (int r = g_array_index (first_report, int, i); r != NIL;
               r = g_array_index (next_report, int, r))
            g_array_append_val (queue, r);
        }
    }
}

guint
cto_org_layout_get_n_nodes (CtoOrgLayout *self)
{
  g_return_val_if_fail (CTO_IS_ORG_LAYOUT (self), 0);

  return self->nodes->len - 1;
}

gpointer
cto_org_layout_get_data (CtoOrgLayout *self,
                         guint         node)
{
  g_return_val_if_fail (CTO_IS_ORG_LAYOUT (self), NULL);
  g_return_val_if_fail (node + 1 < self->nodes->len, NULL);

  return N (node + 1).data;
}

int
cto_org_layout_find_data (CtoOrgLayout *self,
                          gpointer      data)
{
  g_return_val_if_fail (CTO_IS_ORG_LAYOUT (self), -1);

  for (guint i = 1; i < self->nodes->len; i++)
    if (N (i).data == data)
      return (int) i - 1;

  return -1;
}

int
cto_org_layout_get_parent (CtoOrgLayout *self,
                           guint         node)
{
  g_return_val_if_fail (CTO_IS_ORG_LAYOUT (self), -1);
  g_return_val_if_fail (node + 1 < self->nodes->len, -1);

  return N (node + 1).parent - 1;
}

guint
cto_org_layout_get_depth (CtoOrgLayout *self,
                          guint         node)
{
  g_return_val_if_fail (CTO_IS_ORG_LAYOUT (self), 0);
  g_return_val_if_fail (node + 1 < self->nodes->len, 0);

  return (guint) N (node + 1).depth;
}

guint
cto_org_layout_get_n_children (CtoOrgLayout *self,
                               guint         node)
{
  g_return_val_if_fail (CTO_IS_ORG_LAYOUT (self), 0);
  g_return_val_if_fail (node + 1 < self->nodes->len, 0);

  return N (node + 1).n_children;
}

static guint
nth_child (CtoOrgLayout *self,
           int           parent,
           guint         position)
{
  int c = N (parent).first_child;

  for (guint k = 0; k < position && c != NIL; k++)
    c = N (c).next_sibling;

  g_assert (c != NIL);
  return (guint) c - 1;
}

guint
cto_org_layout_get_child (CtoOrgLayout *self,
                          guint         node,
                          guint         position)
{
  g_return_val_if_fail (CTO_IS_ORG_LAYOUT (self), 0);
  g_return_val_if_fail (node + 1 < self->nodes->len, 0);
  g_return_val_if_fail (position < N (node + 1).n_children, 0);

  return nth_child (self, (int) node + 1, position);
}

guint
cto_org_layout_get_n_roots (CtoOrgLayout *self)
{
  g_return_val_if_fail (CTO_IS_ORG_LAYOUT (self), 0);

  return N (0).n_children;
}

guint
cto_org_layout_get_root (CtoOrgLayout *self,
                         guint         position)
{
  g_return_val_if_fail (CTO_IS_ORG_LAYOUT (self), 0);
  g_return_val_if_fail (position < N (0).n_children, 0);

  return nth_child (self, 0, position);
}

void
cto_org_layout_get_box (CtoOrgLayout *self,
                        guint         node,
                        CtoOrgRect   *rect)
{
  g_return_if_fail (CTO_IS_ORG_LAYOUT (self));
  g_return_if_fail (node + 1 < self->nodes->len);
  g_return_if_fail (rect != NULL);

  compute (self);

  rect->x = N (node + 1).x - N (node + 1).width / 2.0;
  rect->y = N (node + 1).y;
  rect->width = N (node + 1).width;
  rect->height = N (node + 1).height;
}

void
cto_org_layout_get_size (CtoOrgLayout *self,
                         double       *width,
                         double       *height)
{
  g_return_if_fail (CTO_IS_ORG_LAYOUT (self));

  compute (self);

  if (width != NULL)
    *width = self->width;
  if (height != NULL)
    *height = self->height;
}
