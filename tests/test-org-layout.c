/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib.h>

#include "cto-org-layout.h"

/* Stacking a manager's many reports in a column: the tree stays the tree,
 * the chart gets narrower, and no two boxes ever overlap. */

#define W 200.0
#define H 60.0

static gboolean
overlap (const CtoOrgRect *a,
         const CtoOrgRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

static void
assert_no_overlap (CtoOrgLayout *layout)
{
  guint n = cto_org_layout_get_n_nodes (layout);
  double width, height;

  cto_org_layout_get_size (layout, &width, &height);
  for (guint i = 0; i < n; i++)
    {
      CtoOrgRect a;

      cto_org_layout_get_box (layout, i, &a);
      g_assert_cmpfloat (a.x, >=, -1e-9);
      g_assert_cmpfloat (a.x + a.width, <=, width + 1e-9);
      g_assert_cmpfloat (a.y + a.height, <=, height + 1e-9);
      for (guint j = i + 1; j < n; j++)
        {
          CtoOrgRect b;

          cto_org_layout_get_box (layout, j, &b);
          g_assert_false (overlap (&a, &b));
        }
    }
}

static void
test_column (void)
{
  g_autoptr(CtoOrgLayout) layout = cto_org_layout_new ();
  guint root = cto_org_layout_add_node (layout, -1, W, H, NULL);
  double width, height;
  CtoOrgRect parent, above;

  for (guint i = 0; i < 8; i++)
    cto_org_layout_add_node (layout, (int) root, W, H, NULL);
  cto_org_layout_set_stack_leaves (layout, 5);

  /* Still eight children, one level down, as added. */
  g_assert_cmpuint (cto_org_layout_get_n_children (layout, root), ==, 8);
  g_assert_cmpuint (cto_org_layout_get_depth (layout, cto_org_layout_get_child (layout, root, 7)), ==, 1);

  /* One box wide; each child under the one before, under the manager. */
  cto_org_layout_get_size (layout, &width, &height);
  g_assert_cmpfloat (width, ==, W);
  cto_org_layout_get_box (layout, root, &parent);
  above = parent;
  for (guint i = 0; i < 8; i++)
    {
      CtoOrgRect box;

      cto_org_layout_get_box (layout, cto_org_layout_get_child (layout, root, i), &box);
      g_assert_cmpfloat (box.x, ==, parent.x);
      g_assert_cmpfloat (box.y, >=, above.y + above.height);
      above = box;
    }
  assert_no_overlap (layout);

  /* Fewer than asked for: a row, as before. */
  cto_org_layout_set_stack_leaves (layout, 9);
  cto_org_layout_get_size (layout, &width, &height);
  g_assert_cmpfloat (width, >, 8 * W);
}

/* A stacked column beside a deep, wide subtree: the column keeps its room
 * at every level it reaches. */
static void
test_column_beside_deep_tree (void)
{
  g_autoptr(CtoOrgLayout) layout = cto_org_layout_new ();
  guint root = cto_org_layout_add_node (layout, -1, W, H, NULL);
  guint wide_team = cto_org_layout_add_node (layout, (int) root, W, H, NULL);
  guint deep = cto_org_layout_add_node (layout, (int) root, W, H, NULL);
  guint other_team = cto_org_layout_add_node (layout, (int) root, W, H, NULL);

  for (guint i = 0; i < 7; i++)
    cto_org_layout_add_node (layout, (int) wide_team, W, H, NULL);
  for (guint i = 0; i < 6; i++)
    cto_org_layout_add_node (layout, (int) other_team, W, H, NULL);
  /* Under "deep", a tree that widens as it goes down. */
  for (guint i = 0; i < 3; i++)
    {
      guint lead = cto_org_layout_add_node (layout, (int) deep, W, H, NULL);

      for (guint j = 0; j < 3; j++)
        {
          guint sub = cto_org_layout_add_node (layout, (int) lead, W, H, NULL);

          for (guint k = 0; k < 2; k++)
            cto_org_layout_add_node (layout, (int) sub, W, H, NULL);
        }
    }

  cto_org_layout_set_spacing (layout, 16, 32, 48);
  cto_org_layout_set_stack_leaves (layout, 5);
  assert_no_overlap (layout);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/org-layout/stack-leaves/column", test_column);
  g_test_add_func ("/org-layout/stack-leaves/beside-deep-tree", test_column_beside_deep_tree);

  return g_test_run ();
}
