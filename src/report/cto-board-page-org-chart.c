/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-board-pages"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "cto-board-page-kind-private.h"
#include "cto-report-private.h"

/* The org chart, cut into pieces that fit a page and packed onto pages. */

/* Org chart */
#define ORG_BOX_W           132.0
#define ORG_BOX_H           80.0
#define ORG_MORE_H          11.0   /* a head box's line naming where more of the team is */
#define ORG_SIBLING_GAP     10.0
#define ORG_SUBTREE_GAP     18.0
#define ORG_LEVEL_GAP       28.0
#define ORG_NOTE_H          12.0   /* under a box whose team is drawn elsewhere */
#define ORG_ROW_GAP         24.0   /* between pieces of the chart on one page */

/* A piece of the org chart: a manager's reports (or the roots), each with
 * as many levels under them as fit, under a box of the manager (the head).
 * A team too wide for one piece goes on in further pieces, each with the
 * head again. Pieces are packed onto pages in rows, in order. */
typedef struct
{
  int      parent;   /* node of the whole tree shown as the head, or -1 */
  gboolean home;     /* the head is the manager's own box, not a repeat */
  int      more;     /* the next piece of the same team, or -1 */
  GArray  *tops;     /* guint nodes of the whole tree */
  GArray  *depths;   /* guint: levels shown under each top, 1 = the top alone */
  double   width;    /* of its boxes, and of the notes under the last level */
  double   height;
  double   x;        /* in the content area of its page */
  double   y;
  guint    page;
} OrgPage;

/* A box of the org chart as drawn, in design points on its page. */
typedef struct
{
  guint      node;        /* of the whole tree */
  CtoOrgRect rect;
  int        manager;     /* the box drawn above it, or -1 */
  guint      piece;
  gboolean   head;        /* heads a piece: their team (or part of it) is below */
  gboolean   again;       /* a head drawn again; the own box is in another piece */
  int        own_piece;   /* the piece of the person's own box */
  int        team_piece;  /* the piece their team goes on in, or -1 */
  int        more_piece;  /* of a head: the piece with more of the team, or -1 */
} OrgBox;

typedef struct
{
  int      node;
  gboolean home;
} OrgStub;

typedef struct
{
  GPtrArray     *pieces;        /* OrgPage */
  CtoOrgLayout  *tree;          /* everybody's reporting lines, for structure */
  GArray        *continues_on;  /* int per tree node: the first piece of its team, or -1 */
  GArray        *placed_on;     /* int per tree node: the piece of its own box, or -1 */
} OrgState;

static void
org_page_free (OrgPage *page)
{
  g_array_unref (page->tops);
  g_array_unref (page->depths);
  g_free (page);
}

static void
org_state_free (OrgState *self)
{
  g_ptr_array_unref (self->pieces);
  g_clear_object (&self->tree);
  g_array_unref (self->continues_on);
  g_array_unref (self->placed_on);
  g_free (self);
}

static void
add_truncated (CtoOrgLayout *tree,
               CtoOrgLayout *layout,
               int           parent,
               guint         top,
               guint         depth)
{
  typedef struct { guint node; int parent; guint level; } Entry;
  g_autoptr(GArray) queue = g_array_new (FALSE, FALSE, sizeof (Entry));
  Entry first = { top, parent, 0 };

  g_array_append_val (queue, first);
  for (guint k = 0; k < queue->len; k++)
    {
      Entry entry = g_array_index (queue, Entry, k);
      guint box = cto_org_layout_add_node (layout, entry.parent, ORG_BOX_W, ORG_BOX_H,
                                           GUINT_TO_POINTER (entry.node + 1));

      if (entry.level + 1 >= depth)
        continue;

      for (guint c = 0; c < cto_org_layout_get_n_children (tree, entry.node); c++)
        {
          Entry child = { cto_org_layout_get_child (tree, entry.node, c), (int) box, entry.level + 1 };

          g_array_append_val (queue, child);
        }
    }
}

/* The height of a piece's head box: one line more when more of the team is
 * in a further piece. */
static double
org_head_height (const OrgPage *page)
{
  return ORG_BOX_H + (page->more >= 0 ? ORG_MORE_H : 0);
}

/* The boxes of one org chart piece: the head, if any, on top; the tops with
 * their subtrees; and @extra_top to try whether it fits. */
static CtoOrgLayout *
org_page_layout (CtoOrgLayout  *tree,
                 const OrgPage *page,
                 int            extra_top,
                 guint          extra_depth)
{
  CtoOrgLayout *layout = cto_org_layout_new ();
  int root = -1;

  cto_org_layout_set_spacing (layout, ORG_SIBLING_GAP, ORG_SUBTREE_GAP, ORG_LEVEL_GAP);

  if (page->parent >= 0)
    root = (int) cto_org_layout_add_node (layout, -1, ORG_BOX_W, org_head_height (page),
                                          GUINT_TO_POINTER ((guint) page->parent + 1));

  for (guint i = 0; i < page->tops->len; i++)
    add_truncated (tree, layout, root, g_array_index (page->tops, guint, i),
                   g_array_index (page->depths, guint, i));

  if (extra_top >= 0)
    add_truncated (tree, layout, root, (guint) extra_top, extra_depth);

  return layout;
}

typedef struct
{
  CtoOrgLayout *tree;
  double        max_width;
  guint         max_columns;
} OrgFit;

/* Whether @page with @top's subtree down to @depth levels fits across. */
static gboolean
org_fits (const OrgFit  *fit,
          const OrgPage *page,
          guint          top,
          guint          depth)
{
  g_autoptr(GArray) level = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(CtoOrgLayout) layout = NULL;
  guint count = 1;
  double width;

  /* More boxes on one level than fit across never fit: a quick no. */
  g_array_append_val (level, top);
  for (guint d = 1; d < depth && level->len > 0; d++)
    {
      g_autoptr(GArray) next = g_array_new (FALSE, FALSE, sizeof (guint));

      for (guint i = 0; i < level->len; i++)
        {
          guint node = g_array_index (level, guint, i);

          for (guint c = 0; c < cto_org_layout_get_n_children (fit->tree, node); c++)
            {
              guint child = cto_org_layout_get_child (fit->tree, node, c);

              g_array_append_val (next, child);
            }
        }
      if (next->len > fit->max_columns)
        return FALSE;
      g_array_unref (level);
      level = g_steal_pointer (&next);
      count = level->len;
    }
  if (count > fit->max_columns)
    return FALSE;

  layout = org_page_layout (fit->tree, page, (int) top, depth);
  cto_org_layout_get_size (layout, &width, NULL);

  return width <= fit->max_width + 1e-6;
}

/* Lays the pieces of the org chart out in rows, in order, as many rows on a
 * page as fit; each row centred. */
static void
pack_org (OrgState           *self,
          CtoBoardPagination *pagination)
{
  const CtoBoardFrame *frame = &pagination->frame;
  double width = _cto_board_frame_content_width (frame);
  double height = _cto_board_frame_content_height (frame);
  CtoBoardPage *page = NULL;
  double x = 0;
  double row_y = 0;
  double row_h = 0;
  guint row_first = 0;

  for (guint i = 0; i <= self->pieces->len; i++)
    {
      OrgPage *org = i < self->pieces->len ? g_ptr_array_index (self->pieces, i) : NULL;
      gboolean beside = org != NULL && page != NULL && i > row_first &&
                        x + ORG_ROW_GAP + org->width <= width && row_y + org->height <= height;

      if (beside)
        {
          org->x = x + ORG_ROW_GAP;
          org->y = row_y;
          org->page = pagination->pages->len - 1;
          x = org->x + org->width;
          row_h = MAX (row_h, org->height);
          page->last = i + 1;
          continue;
        }

      /* Centre the row that is full. */
      for (guint k = row_first; k < i; k++)
        ((OrgPage *) g_ptr_array_index (self->pieces, k))->x += (width - x) / 2;

      if (org == NULL)
        break;

      if (page != NULL && row_y + row_h + ORG_ROW_GAP + org->height <= height)
        {
          row_y += row_h + ORG_ROW_GAP;
        }
      else
        {
          page = _cto_board_pagination_add_page (pagination, 0);
          page->first = i;
          row_y = 0;
        }

      org->x = 0;
      org->y = row_y;
      org->page = pagination->pages->len - 1;
      x = org->width;
      row_h = org->height;
      row_first = i;
      page->last = i + 1;
    }
}

/* Whether @top alone, down to @depth levels, fits across a piece under @parent. */
static gboolean
org_fits_alone (const OrgFit *fit,
                int           parent,
                guint         top,
                guint         depth)
{
  OrgPage alone = { 0 };
  gboolean fits;

  alone.parent = parent;
  alone.more = -1;
  alone.tops = g_array_new (FALSE, FALSE, sizeof (guint));
  alone.depths = g_array_new (FALSE, FALSE, sizeof (guint));
  fits = org_fits (fit, &alone, top, depth);
  g_array_unref (alone.tops);
  g_array_unref (alone.depths);

  return fits;
}

/*
 * Cuts the reporting lines into pieces that fit a page: from the top of the
 * organisation down, each piece a manager's team (the roots first) with as
 * many levels under each report as fit across and down. A report whose own
 * team is cut off gets a note where it goes on; that team becomes a piece
 * of its own under the manager's box drawn again. A root whose team does
 * not fit beside it at all heads its team's piece with its own box.
 */
static gpointer
paginate_org (CtoBoardPagination *pagination)
{
  const CtoBoardFrame *frame = &pagination->frame;
  OrgState *self = g_new0 (OrgState, 1);
  CtoPlan *plan = cto_analysis_get_plan (pagination->analysis);
  CtoOrgLayout *tree;
  guint n_nodes;
  g_autoptr(GArray) levels = NULL;
  g_autoptr(GArray) stubs = g_array_new (FALSE, FALSE, sizeof (OrgStub));
  OrgStub roots = { -1, FALSE };
  OrgFit fit;
  guint max_levels;

  self->pieces = g_ptr_array_new_with_free_func ((GDestroyNotify) org_page_free);
  self->continues_on = g_array_new (FALSE, TRUE, sizeof (int));
  self->placed_on = g_array_new (FALSE, TRUE, sizeof (int));
  self->tree = tree = cto_org_layout_new ();
  cto_org_layout_add_plan (tree, plan, ORG_BOX_W, ORG_BOX_H);
  n_nodes = cto_org_layout_get_n_nodes (tree);

  /* Managers are added before their reports: the levels of every subtree
   * from the last node back. */
  levels = g_array_new (FALSE, TRUE, sizeof (guint));
  g_array_set_size (levels, n_nodes);
  for (guint k = n_nodes; k > 0; k--)
    {
      guint node = k - 1;
      guint most = 0;

      for (guint c = 0; c < cto_org_layout_get_n_children (tree, node); c++)
        most = MAX (most, g_array_index (levels, guint, cto_org_layout_get_child (tree, node, c)));
      g_array_index (levels, guint, node) = most + 1;
    }

  g_array_set_size (self->continues_on, n_nodes);
  g_array_set_size (self->placed_on, n_nodes);
  for (guint i = 0; i < n_nodes; i++)
    g_array_index (self->continues_on, int, i) = g_array_index (self->placed_on, int, i) = -1;

  fit.tree = tree;
  fit.max_width = _cto_board_frame_content_width (frame);
  fit.max_columns = MAX (1,
                         (guint) floor ((fit.max_width + ORG_SIBLING_GAP) / (ORG_BOX_W + ORG_SIBLING_GAP)));
  max_levels = MAX (1, (guint) floor ((_cto_board_frame_content_height (frame) - ORG_NOTE_H - ORG_MORE_H + ORG_LEVEL_GAP) /
                                      (ORG_BOX_H + ORG_LEVEL_GAP)));

  /* A stub is a manager whose reports go in pieces of their own (-1: the
   * roots). Stubs are taken in the order they appear, so the pieces go from
   * the top of the organisation down. */
  g_array_append_val (stubs, roots);
  for (guint s = 0; s < stubs->len; s++)
    {
      OrgStub stub = g_array_index (stubs, OrgStub, s);
      int parent = stub.node;
      guint n_children = parent < 0 ? cto_org_layout_get_n_roots (tree)
                                    : cto_org_layout_get_n_children (tree, (guint) parent);
      guint room = max_levels > 1 && parent >= 0 ? max_levels - 1 : max_levels;
      guint next = 0;
      OrgPage *previous = NULL;

      if (parent >= 0)
        g_array_index (self->continues_on, int, parent) = (int) self->pieces->len;
      if (stub.home)
        g_array_index (self->placed_on, int, parent) = (int) self->pieces->len;

      do
        {
          OrgPage *org = g_new0 (OrgPage, 1);

          org->parent = parent;
          org->home = stub.home && previous == NULL;
          org->more = -1;
          org->tops = g_array_new (FALSE, FALSE, sizeof (guint));
          org->depths = g_array_new (FALSE, FALSE, sizeof (guint));

          while (next < n_children)
            {
              guint child = parent < 0 ? cto_org_layout_get_root (tree, next)
                                       : cto_org_layout_get_child (tree, (guint) parent, next);
              guint want = MIN (g_array_index (levels, guint, child), room);
              guint depth = want;

              while (depth > 0 && !org_fits (&fit, org, child, depth))
                depth--;

              if (depth == 0)
                {
                  if (org->tops->len > 0)
                    break;
                  depth = 1;  /* a single box always goes in a piece */
                }
              else if (depth < want && org->tops->len > 0 &&
                       org_fits_alone (&fit, parent, child, depth + 1))
                {
                  /* It shows more in a piece of its own: it goes there. */
                  break;
                }
              else if (depth == 1 && want > 1 && parent < 0)
                {
                  /* A root whose reports do not fit under it: its own box
                   * heads their piece. */
                  OrgStub home = { (int) child, TRUE };

                  g_array_append_val (stubs, home);
                  next++;
                  continue;
                }

              g_array_append_val (org->tops, child);
              g_array_append_val (org->depths, depth);
              next++;
            }

          /* Roots that all head pieces of their own leave no piece of roots. */
          if (org->tops->len == 0 && n_children > 0)
            {
              org_page_free (org);
              break;
            }

          /* Who is in this piece, and whose reports go in later pieces. */
          for (guint t = 0; t < org->tops->len; t++)
            {
              typedef struct { guint node; guint level; } Entry;
              g_autoptr(GArray) queue = g_array_new (FALSE, FALSE, sizeof (Entry));
              Entry top = { g_array_index (org->tops, guint, t), 0 };
              guint depth = g_array_index (org->depths, guint, t);

              g_array_append_val (queue, top);
              for (guint k = 0; k < queue->len; k++)
                {
                  Entry entry = g_array_index (queue, Entry, k);
                  guint n = cto_org_layout_get_n_children (tree, entry.node);

                  g_array_index (self->placed_on, int, entry.node) = (int) self->pieces->len;
                  if (n > 0 && entry.level + 1 == depth)
                    {
                      OrgStub team = { (int) entry.node, FALSE };

                      g_array_append_val (stubs, team);
                      continue;
                    }
                  for (guint c = 0; c < n && entry.level + 1 < depth; c++)
                    {
                      Entry report = { cto_org_layout_get_child (tree, entry.node, c), entry.level + 1 };

                      g_array_append_val (queue, report);
                    }
                }
            }

          if (previous != NULL)
            previous->more = (int) self->pieces->len;
          previous = org;
          g_ptr_array_add (self->pieces, org);
        }
      while (next < n_children);
    }

  /* The sizes, now that every head knows whether its team goes on. */
  for (guint i = 0; i < self->pieces->len; i++)
    {
      OrgPage *org = g_ptr_array_index (self->pieces, i);
      g_autoptr(CtoOrgLayout) layout = org_page_layout (tree, org, -1, 0);

      cto_org_layout_get_size (layout, &org->width, &org->height);
      org->height += ORG_NOTE_H;
    }

  pack_org (self, pagination);

  return self;
}

/* The boxes of the org chart on @page, in design points. */
static GArray *
collect_org_boxes (OrgState            *self,
                   const CtoBoardFrame *frame,
                   const CtoBoardPage  *page)
{
  GArray *boxes = g_array_new (FALSE, TRUE, sizeof (OrgBox));

  if (page->kind != CTO_BOARD_PAGE_ORG_CHART)
    return boxes;

  for (guint i = page->first; i < page->last; i++)
    {
      const OrgPage *org = g_ptr_array_index (self->pieces, i);
      g_autoptr(CtoOrgLayout) layout = org_page_layout (self->tree, org, -1, 0);
      guint n = cto_org_layout_get_n_nodes (layout);
      guint base = boxes->len;

      for (guint b = 0; b < n; b++)
        {
          OrgBox box = { 0 };
          int manager = cto_org_layout_get_parent (layout, b);

          box.node = GPOINTER_TO_UINT (cto_org_layout_get_data (layout, b)) - 1;
          cto_org_layout_get_box (layout, b, &box.rect);
          box.rect.x += frame->left + org->x;
          box.rect.y += frame->top + org->y;
          box.manager = manager >= 0 ? (int) base + manager : -1;
          box.piece = i;
          box.head = org->parent >= 0 && b == 0;
          box.again = box.head && !org->home;
          box.own_piece = box.again ? g_array_index (self->placed_on, int, box.node) : (int) i;
          box.more_piece = box.head ? org->more : -1;
          box.team_piece = -1;

          /* Reports not in this piece are in the piece that continues them. */
          if (!box.head && cto_org_layout_get_n_children (layout, b) == 0 &&
              cto_org_layout_get_n_children (self->tree, box.node) > 0)
            box.team_piece = g_array_index (self->continues_on, int, box.node);

          g_array_append_val (boxes, box);
        }
    }

  return boxes;
}

typedef enum
{
  ORG_NOTE_TEAM,   /* under a box whose team is elsewhere */
  ORG_NOTE_FROM,   /* in a head drawn again */
  ORG_NOTE_MORE,   /* in a head whose team goes on */
} OrgNote;

/* Where piece @to is, seen from piece @from, in words. */
static char *
org_note (OrgState *self,
          OrgNote   note,
          guint     from,
          guint     to)
{
  const OrgPage *here = g_ptr_array_index (self->pieces, from);
  const OrgPage *there = g_ptr_array_index (self->pieces, to);
  gboolean other_row = fabs (there->y - here->y) > 1e-6;

  if (here->page != there->page)
    {
      switch (note)
        {
        case ORG_NOTE_TEAM:
          /* Translators: under a manager whose team is drawn on another page */
          return g_strdup_printf (_("Team on page %u"), there->page + 1);
        case ORG_NOTE_FROM:
          /* Translators: in a manager's box drawn again above their team */
          return g_strdup_printf (_("Continued from page %u"), there->page + 1);
        case ORG_NOTE_MORE:
        default:
          /* Translators: in a manager's box when their team does not fit in one piece */
          return g_strdup_printf (_("More of the team on page %u"), there->page + 1);
        }
    }

  /* On the same page, pieces go left to right, then down. */
  switch (note)
    {
    case ORG_NOTE_TEAM:
      return g_strdup (other_row ? _("Team below ▾") : _("Team at right ▸"));
    case ORG_NOTE_FROM:
      return g_strdup (other_row ? _("Continued from above") : _("Continued from the left"));
    case ORG_NOTE_MORE:
    default:
      return g_strdup (other_row ? _("More of the team below") : _("More of the team at right"));
    }
}

static void
draw_org_box (CtoBoardPainter *p,
              const OrgBox    *box)
{
  cairo_t *cr = p->cr;
  CtoPerson *person = cto_org_layout_get_data (((OrgState *) p->state)->tree, box->node);
  const CtoPersonReport *report = cto_analysis_get_person (p->analysis, person);
  gboolean open_role = cto_person_get_open_role (person);
  gboolean overloaded = report != NULL && report->overloaded;
  const CtoBoardStyle name_style = { 9, PANGO_WEIGHT_BOLD, open_role ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL,
                             CTO_BOARD_COLOR_INK, PANGO_ALIGN_LEFT };
  const CtoBoardStyle role_style = { 7.5, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, CTO_BOARD_COLOR_MUTED, PANGO_ALIGN_LEFT };
  const CtoBoardStyle functions_style = { 7, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, CTO_BOARD_COLOR_ACCENT, PANGO_ALIGN_LEFT };
  const CtoBoardStyle tag_style = { 7, PANGO_WEIGHT_NORMAL, PANGO_STYLE_ITALIC, CTO_BOARD_COLOR_MUTED, PANGO_ALIGN_LEFT };
  const CtoBoardStyle warn_style = { 7, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, CTO_BOARD_COLOR_WARN, PANGO_ALIGN_LEFT };
  const CtoBoardStyle note_style = { 7, PANGO_WEIGHT_NORMAL, PANGO_STYLE_ITALIC, CTO_BOARD_COLOR_MUTED, PANGO_ALIGN_CENTER };
  double x = box->rect.x;
  double y = box->rect.y;
  double inner_x = x + 7;
  double inner_w = ORG_BOX_W - 14;
  double tag_y = y + ORG_BOX_H - 15;
  double cy = y + 6;
  double name_h;
  int role_lines;
  g_autofree char *functions = report != NULL ? _cto_report_person_functions (report) : g_strdup ("");

  cairo_save (cr);
  _cto_board_rounded_rectangle (cr, x + 0.5, y + 0.5, box->rect.width - 1, box->rect.height - 1, 4);
  _cto_board_set_color (cr, box->again ? CTO_BOARD_COLOR_FAINT : CTO_BOARD_COLOR_WHITE);
  cairo_fill_preserve (cr);
  if (open_role)
    {
      double dash[] = { 3, 2 };

      cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
    }
  _cto_board_set_color (cr,
                        overloaded && !box->again ? CTO_BOARD_COLOR_WARN : CTO_BOARD_COLOR_LINE);
  cairo_set_line_width (cr, overloaded && !box->again ? 1.3 : 0.8);
  cairo_stroke (cr);
  cairo_restore (cr);

  /* A long name takes a second line, and the role gives it up. */
  if (overloaded && !box->again)
    _cto_board_draw_warning_glyph (cr, x + ORG_BOX_W - 11, cy + 6, 9, CTO_BOARD_COLOR_WARN);
  name_h = _cto_board_draw_text (p, &name_style, cto_person_get_name (person), inner_x, cy,
                      inner_w - (overloaded && !box->again ? 12 : 0), 2);
  role_lines = name_h > 14 ? 1 : 2;
  cy += name_h + 1;

  if (box->more_piece >= 0)
    {
      g_autofree char *more = org_note (p->state, ORG_NOTE_MORE, box->piece,
                                        (guint) box->more_piece);

      _cto_board_draw_text (p, &tag_style, more, inner_x, y + ORG_BOX_H - 4, inner_w, 1);
    }

  if (box->again)
    {
      g_autofree char *from = org_note (p->state, ORG_NOTE_FROM, box->piece,
                                        (guint) box->own_piece);

      _cto_board_draw_text (p, &role_style, cto_person_get_role (person), inner_x, cy, inner_w, 1);
      _cto_board_draw_text (p, &tag_style, from, inner_x, tag_y, inner_w, 1);
      return;
    }

  if (*cto_person_get_role (person) != '\0')
    cy += _cto_board_draw_text (p, &role_style, cto_person_get_role (person), inner_x, cy, inner_w,
                                role_lines);
  cy += 3;
  if (*functions != '\0')
    _cto_board_draw_text (p, &functions_style, functions, inner_x, cy, inner_w,
               CLAMP ((int) floor ((tag_y - 1 - cy) / 8.5), 1, 2));
  else
    _cto_board_draw_text (p, &tag_style, _("No responsibilities"), inner_x, cy, inner_w, 1);

  if (overloaded)
    {
      _cto_board_draw_text (p, &warn_style, _("Overloaded"), inner_x, tag_y, inner_w / 2, 1);
      if (open_role)
        _cto_board_draw_text (p, &tag_style, _("Open role"), inner_x + inner_w / 2, tag_y,
                              inner_w / 2, 1);
    }
  else if (open_role)
    {
      _cto_board_draw_text (p, &tag_style, _("Open role"), inner_x, tag_y, inner_w, 1);
    }

  if (box->team_piece >= 0)
    {
      g_autofree char *note = org_note (p->state, ORG_NOTE_TEAM, box->piece,
                                        (guint) box->team_piece);

      _cto_board_draw_text (p, &note_style, note, x - ORG_SIBLING_GAP / 2, y + box->rect.height + 2,
                 ORG_BOX_W + ORG_SIBLING_GAP, 1);
    }
}

static void
draw_org_page (CtoBoardPainter *p)
{
  const CtoBoardFrame *f = &p->frame;
  g_autoptr(GArray) boxes = collect_org_boxes (p->state, f, p->page);

  _cto_board_draw_header (p, _("Who reports to whom, and the functions each person carries."));

  if (boxes->len == 0)
    _cto_board_draw_text (p, &CTO_BOARD_STYLE_NOTE, _("Nobody is in the plan yet."), f->left, f->top,
               _cto_board_frame_content_width (f), 1);

  /* Lines from each manager down to their reports. */
  cairo_save (p->cr);
  _cto_board_set_color (p->cr, CTO_BOARD_COLOR_LINE);
  cairo_set_line_width (p->cr, 0.9);
  for (guint i = 0; i < boxes->len; i++)
    {
      const OrgBox *manager = &g_array_index (boxes, OrgBox, i);
      double centre = manager->rect.x + manager->rect.width / 2;
      double low = centre;
      double high = centre;
      double mid = 0;
      gboolean any = FALSE;

      for (guint k = i + 1; k < boxes->len; k++)
        {
          const OrgBox *report = &g_array_index (boxes, OrgBox, k);
          double x = report->rect.x + report->rect.width / 2;

          if (report->manager != (int) i)
            continue;

          mid = report->rect.y - ORG_LEVEL_GAP / 2;
          low = MIN (low, x);
          high = MAX (high, x);
          cairo_move_to (p->cr, x, mid);
          cairo_line_to (p->cr, x, report->rect.y);
          any = TRUE;
        }
      if (!any)
        continue;

      cairo_move_to (p->cr, centre, manager->rect.y + manager->rect.height);
      cairo_line_to (p->cr, centre, mid);
      cairo_move_to (p->cr, low, mid);
      cairo_line_to (p->cr, high, mid);
    }
  cairo_stroke (p->cr);
  cairo_restore (p->cr);

  for (guint i = 0; i < boxes->len; i++)
    draw_org_box (p, &g_array_index (boxes, OrgBox, i));

  _cto_board_draw_footer (p);
}

GArray *
_cto_board_org_chart_get_boxes (gpointer             state,
                                const CtoBoardFrame *frame,
                                const CtoBoardPage  *page)
{
  OrgState *self = state;
  GArray *result = g_array_new (FALSE, TRUE, sizeof (CtoBoardOrgBox));
  g_autoptr(GArray) boxes = collect_org_boxes (self, frame, page);

  for (guint i = 0; i < boxes->len; i++)
    {
      const OrgBox *box = &g_array_index (boxes, OrgBox, i);
      CtoBoardOrgBox out = { 0 };

      out.person = cto_org_layout_get_data (self->tree, box->node);
      out.rect.x = box->rect.x * frame->scale;
      out.rect.y = box->rect.y * frame->scale;
      out.rect.width = box->rect.width * frame->scale;
      out.rect.height = box->rect.height * frame->scale;
      out.manager = box->manager;
      out.head = box->head;
      out.again = box->again;
      out.own_page = (int) ((const OrgPage *) g_ptr_array_index (self->pieces, box->own_piece))->page;
      out.team_page = box->team_piece >= 0
                      ? (int) ((const OrgPage *) g_ptr_array_index (self->pieces, box->team_piece))->page
                      : -1;
      out.more_page = box->more_piece >= 0
                      ? (int) ((const OrgPage *) g_ptr_array_index (self->pieces, box->more_piece))->page
                      : -1;
      g_array_append_val (result, out);
    }

  return result;
}

static const char *
org_chart_heading (CtoAnalysis *analysis)
{
  return _cto_report_heading_org_chart ();
}

const CtoBoardPageKindInfo _cto_board_page_org_chart = {
  .kind = CTO_BOARD_PAGE_ORG_CHART,
  .heading = org_chart_heading,
  .paginate = paginate_org,
  .draw = draw_org_page,
  .free_state = (GDestroyNotify) org_state_free,
};
