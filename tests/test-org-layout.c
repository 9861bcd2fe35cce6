/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include <gio/gio.h>

#include "cto-org-layout.h"
#include "report-test-util.h"

/* The org chart layout: tidy trees, no boxes over each other. */

static gboolean
overlap (const CtoOrgRect *a,
         const CtoOrgRect *b)
{
  return a->x < b->x + b->width - 1e-6 && b->x < a->x + a->width - 1e-6 &&
         a->y < b->y + b->height - 1e-6 && b->y < a->y + a->height - 1e-6;
}

/* The rules of a tidy tree, for any layout. */
static void
check_tidy (CtoOrgLayout *layout,
            double        sibling_gap)
{
  guint n = cto_org_layout_get_n_nodes (layout);
  double width, height;
  g_autofree CtoOrgRect *boxes = g_new0 (CtoOrgRect, MAX (n, 1));

  cto_org_layout_get_size (layout, &width, &height);
  for (guint i = 0; i < n; i++)
    {
      cto_org_layout_get_box (layout, i, &boxes[i]);
      g_assert_cmpfloat (boxes[i].x, >=, -1e-6);
      g_assert_cmpfloat (boxes[i].y, >=, -1e-6);
      g_assert_cmpfloat (boxes[i].x + boxes[i].width, <=, width + 1e-6);
      g_assert_cmpfloat (boxes[i].y + boxes[i].height, <=, height + 1e-6);
    }

  for (guint i = 0; i < n; i++)
    {
      guint n_children = cto_org_layout_get_n_children (layout, i);
      int parent = cto_org_layout_get_parent (layout, i);

      /* Below the parent, on the level of its depth. */
      if (parent >= 0)
        {
          g_assert_cmpfloat (boxes[i].y, >=, boxes[parent].y + boxes[parent].height);
          g_assert_cmpuint (cto_org_layout_get_depth (layout, i), ==,
                            cto_org_layout_get_depth (layout, (guint) parent) + 1);
        }

      /* Centred over the children, which stand left to right in order,
       * at least a gap apart. */
      if (n_children > 0)
        {
          const CtoOrgRect *first = &boxes[cto_org_layout_get_child (layout, i, 0)];
          const CtoOrgRect *last = &boxes[cto_org_layout_get_child (layout, i, n_children - 1)];

          g_assert_cmpfloat_with_epsilon (boxes[i].x + boxes[i].width / 2,
                                          (first->x + first->width / 2 + last->x + last->width / 2) / 2,
                                          1e-6);
        }
      for (guint c = 1; c < n_children; c++)
        {
          const CtoOrgRect *left = &boxes[cto_org_layout_get_child (layout, i, c - 1)];
          const CtoOrgRect *right = &boxes[cto_org_layout_get_child (layout, i, c)];

          g_assert_cmpfloat (left->x + left->width + sibling_gap, <=, right->x + 1e-6);
        }

      for (guint j = i + 1; j < n; j++)
        if (overlap (&boxes[i], &boxes[j]))
          g_error ("boxes %u and %u overlap", i, j);
    }
}

static void
test_org_layout_shapes (void)
{
  /* Trees that trip up simple layouts: a wide fan, a deep chain beside a
   * leaf, subtrees of different depths, several roots, boxes of many sizes. */
  for (guint seed = 1; seed <= 40; seed++)
    {
      g_autoptr(CtoOrgLayout) layout = cto_org_layout_new ();
      GRand *rand = g_rand_new_with_seed (seed);
      guint n = 1 + g_rand_int_range (rand, 0, 60);

      cto_org_layout_set_spacing (layout, 8, 20, 16);
      for (guint i = 0; i < n; i++)
        {
          /* Lean to recent nodes for depth, to early ones for breadth. */
          int parent = i == 0 || g_rand_int_range (rand, 0, 8) == 0
                       ? -1
                       : (int) (seed % 2 ? g_rand_int_range (rand, MAX (0, (int) i - 3), (int) i)
                                         : g_rand_int_range (rand, 0, (int) i));
          double width = 20 + g_rand_int_range (rand, 0, 80);
          double height = 10 + g_rand_int_range (rand, 0, 40);

          g_assert_cmpuint (cto_org_layout_add_node (layout, parent, width, height, NULL), ==, i);
        }
      g_rand_free (rand);

      check_tidy (layout, 8);
    }
}

static void
test_org_layout_known (void)
{
  g_autoptr(CtoOrgLayout) layout = cto_org_layout_new ();
  CtoOrgRect a, b, c, d, e;
  double width, height;

  /* a over b and c; c over d; e a second root. */
  cto_org_layout_set_spacing (layout, 10, 20, 30);
  cto_org_layout_add_node (layout, -1, 100, 40, NULL);
  cto_org_layout_add_node (layout, 0, 100, 40, NULL);
  cto_org_layout_add_node (layout, 0, 100, 40, NULL);
  cto_org_layout_add_node (layout, 2, 100, 40, NULL);
  cto_org_layout_add_node (layout, -1, 100, 40, NULL);
  cto_org_layout_get_box (layout, 0, &a);
  cto_org_layout_get_box (layout, 1, &b);
  cto_org_layout_get_box (layout, 2, &c);
  cto_org_layout_get_box (layout, 3, &d);
  cto_org_layout_get_box (layout, 4, &e);
  cto_org_layout_get_size (layout, &width, &height);

  g_assert_cmpfloat (b.x, ==, 0);
  g_assert_cmpfloat (c.x, ==, 110);
  g_assert_cmpfloat (a.x, ==, 55);
  g_assert_cmpfloat (d.x, ==, 110);
  g_assert_cmpfloat (a.y, ==, 0);
  g_assert_cmpfloat (b.y, ==, 70);
  g_assert_cmpfloat (d.y, ==, 140);
  /* The second tree goes beside the first, at the gap between trees; its
   * root clears the first root, the only box on its level. */
  g_assert_cmpfloat (e.x, ==, 175);
  g_assert_cmpfloat (e.y, ==, 0);
  g_assert_cmpfloat (width, ==, 275);
  g_assert_cmpfloat (height, ==, 180);
  g_assert_cmpuint (cto_org_layout_get_n_roots (layout), ==, 2);
  g_assert_cmpuint (cto_org_layout_get_root (layout, 1), ==, 4);
}

static void
test_org_layout_deep (void)
{
  g_autoptr(CtoOrgLayout) layout = cto_org_layout_new ();
  CtoOrgRect last;
  guint n = 100000;

  /* No recursion: a chain this long would overflow the stack. */
  for (guint i = 0; i < n; i++)
    cto_org_layout_add_node (layout, (int) i - 1, 10, 10, NULL);
  cto_org_layout_get_box (layout, n - 1, &last);

  g_assert_cmpfloat (last.x, ==, 0);
  g_assert_cmpfloat (last.y, ==, (n - 1) * (10 + 24.0));
  g_assert_cmpuint (cto_org_layout_get_depth (layout, n - 1), ==, n - 1);
}

static void
test_org_layout_plan (void)
{
  g_autoptr(CtoPlan) plan = load_example ();
  g_autoptr(CtoOrgLayout) layout = cto_org_layout_new ();
  GListModel *people = cto_plan_get_people (plan);
  guint n_people = g_list_model_get_n_items (people);

  cto_org_layout_add_plan (layout, plan, 120, 60);
  g_assert_cmpuint (cto_org_layout_get_n_nodes (layout), ==, n_people);

  for (guint i = 0; i < n_people; i++)
    {
      g_autoptr(CtoPerson) person = g_list_model_get_item (people, i);
      int node = cto_org_layout_find_data (layout, person);
      int parent;
      const char *manager = cto_person_get_reports_to (person);

      g_assert_cmpint (node, >=, 0);
      parent = cto_org_layout_get_parent (layout, (guint) node);
      if (manager == NULL)
        g_assert_cmpint (parent, ==, -1);
      else
        g_assert_true (cto_org_layout_get_data (layout, (guint) parent) ==
                       cto_plan_find_person (plan, manager));
    }

  check_tidy (layout, 12);

  /* A person who reports to someone later in the plan still gets their
   * manager's box above theirs, and siblings keep the plan's order. */
  {
    g_autoptr(CtoPlan) backwards = cto_plan_new ();
    g_autoptr(CtoOrgLayout) tree = cto_org_layout_new ();

    add_person (backwards, "c", "C", "", 40, FALSE, NULL);
    add_person (backwards, "b", "B", "", 40, FALSE, NULL);
    add_person (backwards, "a", "A", "", 40, FALSE, NULL);
    add_person (backwards, "z", "Z", "", 40, FALSE, NULL);
    g_assert_true (cto_plan_set_reports_to (backwards, cto_plan_find_person (backwards, "c"),
                                            cto_plan_find_person (backwards, "a"), NULL));
    g_assert_true (cto_plan_set_reports_to (backwards, cto_plan_find_person (backwards, "b"),
                                            cto_plan_find_person (backwards, "a"), NULL));
    cto_org_layout_add_plan (tree, backwards, 50, 20);

    g_assert_cmpuint (cto_org_layout_get_n_roots (tree), ==, 2);
    g_assert_true (cto_org_layout_get_data (tree, cto_org_layout_get_root (tree, 0)) ==
                   cto_plan_find_person (backwards, "a"));
    g_assert_true (cto_org_layout_get_data (tree, cto_org_layout_get_root (tree, 1)) ==
                   cto_plan_find_person (backwards, "z"));
    g_assert_true (cto_org_layout_get_data (tree, cto_org_layout_get_child (tree, cto_org_layout_get_root (tree, 0), 0)) ==
                   cto_plan_find_person (backwards, "c"));
    check_tidy (tree, 12);
  }
}

/* Stacking a manager's many reports in a column: the tree stays the tree,
 * the chart gets narrower, and no two boxes ever overlap. */

#define W 200.0
#define H 60.0


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

/* A manager over @n reports of @height, with no gaps: @n × W wide and
 * 2 × @height high in a row. */
static CtoOrgLayout *
new_fan (guint  n,
         double height)
{
  CtoOrgLayout *layout = cto_org_layout_new ();
  guint root = cto_org_layout_add_node (layout, -1, W, height, NULL);

  cto_org_layout_set_spacing (layout, 0, 0, 0);
  for (guint i = 0; i < n; i++)
    cto_org_layout_add_node (layout, (int) root, W, height, NULL);

  return layout;
}

static guint
stack_fan (guint  n,
           double height,
           guint  was)
{
  g_autoptr(CtoOrgLayout) layout = new_fan (n, height);
  guint stacked = cto_org_layout_stack_to_fit (layout, 3, was);
  double width;

  /* What it says it did is what it laid out: a column of three from
   * two on, a row before. */
  cto_org_layout_get_size (layout, &width, NULL);
  g_assert_cmpfloat (width, ==, stacked == CTO_ORG_LAYOUT_STACKED_MOST ? W : n * W);

  return stacked;
}

/* Stacked while wider than 3:1, and kept stacked near it: a chart that
 * crosses the line at each edit does not move every box each time. */
static void
test_stack_to_fit (void)
{
  g_autoptr(CtoOrgLayout) mixed = cto_org_layout_new ();
  guint root, five, two;

  /* 600 × 180 (3.3:1): too wide, the three go in a column. */
  g_assert_cmpuint (stack_fan (3, 90, 0), ==, CTO_ORG_LAYOUT_STACKED_MOST);
  /* 600 × 200 (3:1) and 600 × 220 (2.7:1): a row, as it was… */
  g_assert_cmpuint (stack_fan (3, 100, 0), ==, 0);
  g_assert_cmpuint (stack_fan (3, 110, 0), ==, 0);
  /* …and at 2.7:1 a column, as it was. */
  g_assert_cmpuint (stack_fan (3, 110, CTO_ORG_LAYOUT_STACKED_MOST), ==, CTO_ORG_LAYOUT_STACKED_MOST);
  /* 600 × 250 (2.4:1) is well within: back to a row. */
  g_assert_cmpuint (stack_fan (3, 125, CTO_ORG_LAYOUT_STACKED_MOST), ==, 0);

  /* Five reports under one manager and two under another: stacking from
   * five is enough (600 × 420), and stays so when it was stacked more. */
  root = cto_org_layout_add_node (mixed, -1, W, H, NULL);
  five = cto_org_layout_add_node (mixed, (int) root, W, H, NULL);
  two = cto_org_layout_add_node (mixed, (int) root, W, H, NULL);
  for (guint i = 0; i < 5; i++)
    cto_org_layout_add_node (mixed, (int) five, W, H, NULL);
  for (guint i = 0; i < 2; i++)
    cto_org_layout_add_node (mixed, (int) two, W, H, NULL);
  cto_org_layout_set_spacing (mixed, 0, 0, 0);
  g_assert_cmpuint (cto_org_layout_stack_to_fit (mixed, 3, 0), ==, 1);
  g_assert_cmpuint (cto_org_layout_stack_to_fit (mixed, 3, CTO_ORG_LAYOUT_STACKED_MOST), ==, 1);
  assert_no_overlap (mixed);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report/org-layout/shapes", test_org_layout_shapes);
  g_test_add_func ("/report/org-layout/known", test_org_layout_known);
  g_test_add_func ("/report/org-layout/deep", test_org_layout_deep);
  g_test_add_func ("/report/org-layout/plan", test_org_layout_plan);
  g_test_add_func ("/report/org-layout/stack-leaves/column", test_column);
  g_test_add_func ("/report/org-layout/stack-leaves/to-fit", test_stack_to_fit);
  g_test_add_func ("/report/org-layout/stack-leaves/beside-deep-tree",
                   test_column_beside_deep_tree);

  return g_test_run ();
}
