/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "cto-plan.h"

G_BEGIN_DECLS

/**
 * CtoOrgRect:
 *
 * A box of the layout: its top left corner and size, in the units the
 * boxes were given in. The layout's left edge is at x = 0, its top at y = 0.
 */
typedef struct
{
  double x;
  double y;
  double width;
  double height;
} CtoOrgRect;

#define CTO_TYPE_ORG_LAYOUT (cto_org_layout_get_type ())
G_DECLARE_FINAL_TYPE (CtoOrgLayout, cto_org_layout, CTO, ORG_LAYOUT, GObject)

/*
 * A tidy tree layout (Reingold–Tilford, in the linear time of Buchheim,
 * Jünger and Leipert) of boxes of any size: each parent centred over its
 * children, the boxes of one level side by side without overlap, each level
 * below the one above it, and every tree of a forest beside the others.
 * Nodes are numbered from 0 in the order they are added; the layout is
 * computed when it is first asked for after a change.
 */
CtoOrgLayout *cto_org_layout_new              (void);

/* Horizontal gaps between siblings and between boxes of different parents
 * (and different trees), and the vertical gap between levels. */
void          cto_org_layout_set_spacing      (CtoOrgLayout *self,
                                               double        sibling_gap,
                                               double        subtree_gap,
                                               double        level_gap);

/* From how many children, none with children of their own, a box's
 * children go in a column under it rather than in a row; 0 (the default)
 * for never. */
void          cto_org_layout_set_stack_leaves (CtoOrgLayout *self,
                                               guint         min_leaves);

/* How far cto_org_layout_stack_to_fit() may stack a chart. */
#define CTO_ORG_LAYOUT_STACKED_MOST 2

/* Stacks leaves for as long as the drawing is more than @widest times as
 * wide as it is high, keeping a chart as stacked as it @was near the limit;
 * returns how far it stacked, from 0 (not at all) to the most. */
guint         cto_org_layout_stack_to_fit     (CtoOrgLayout *self,
                                               double        widest,
                                               guint         was);

/* Adds a box under @parent (an earlier node), or a new root when @parent is
 * -1. Children are laid out left to right in the order they are added. */
guint         cto_org_layout_add_node         (CtoOrgLayout *self,
                                               int           parent,
                                               double        width,
                                               double        height,
                                               gpointer      data);

/* Adds every person of @plan as a box of the given size, under the person
 * they report to; people who report to nobody are roots. Siblings and roots
 * keep the plan's order. The data of each node is its CtoPerson. */
void          cto_org_layout_add_plan         (CtoOrgLayout *self,
                                               CtoPlan      *plan,
                                               double        box_width,
                                               double        box_height);

guint         cto_org_layout_get_n_nodes      (CtoOrgLayout *self);
gpointer      cto_org_layout_get_data         (CtoOrgLayout *self,
                                               guint         node);
/* The node whose data is @data, or -1. */
int           cto_org_layout_find_data        (CtoOrgLayout *self,
                                               gpointer      data);
/* -1 for a root. */
int           cto_org_layout_get_parent       (CtoOrgLayout *self,
                                               guint         node);
/* 0 for a root. */
guint         cto_org_layout_get_depth        (CtoOrgLayout *self,
                                               guint         node);
guint         cto_org_layout_get_n_children   (CtoOrgLayout *self,
                                               guint         node);
guint         cto_org_layout_get_child        (CtoOrgLayout *self,
                                               guint         node,
                                               guint         position);
guint         cto_org_layout_get_n_roots      (CtoOrgLayout *self);
guint         cto_org_layout_get_root         (CtoOrgLayout *self,
                                               guint         position);

/* Where @node's box goes. */
void          cto_org_layout_get_box          (CtoOrgLayout *self,
                                               guint         node,
                                               CtoOrgRect   *rect);
/* The size of the whole drawing; 0 × 0 without nodes. */
void          cto_org_layout_get_size         (CtoOrgLayout *self,
                                               double       *width,
                                               double       *height);

G_END_DECLS
