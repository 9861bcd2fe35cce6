/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-board-pages"

#include "config.h"

#include "cto-board-page-kind-private.h"

/* Blocks in columns, for the pages that flow (gaps, key-person risk, since
 * the last plan): one rule of where a column ends, for all of them. */

static CtoBoardFlowPage *
add_flow_page (CtoBoardPagination *pagination)
{
  CtoBoardFlowPage *page = _cto_board_pagination_add_page (pagination, sizeof (CtoBoardFlowPage))->detail;

  page->n_columns = 1;
  page->columns[0].carry = -1;

  return page;
}

/* How high each of @n_columns columns is to be to share @rest evenly:
 * @room when it does not fit in them. */
static double
balance (double rest,
         guint  n_columns,
         double room)
{
  return rest <= n_columns * room ? rest / n_columns : room;
}

void
_cto_board_pagination_flow (CtoBoardPagination  *pagination,
                            GPtrArray           *items,
                            CtoBoardFlowMeasure  measure,
                            guint                n_columns,
                            double               first_room)
{
  guint n = items->len;
  g_autofree double *heights = g_new (double, n);
  g_autofree gboolean *headings = g_new (gboolean, n);
  g_autofree double *left = g_new0 (double, n + 1);
  g_autofree double *section = g_new (double, n);
  guint start = 0;
  CtoBoardFlowPage *page;
  double room = first_room;
  double used = 0;
  double target;
  guint column = 0;
  int heading = -1;

  g_return_if_fail (n_columns >= 1 && n_columns <= CTO_BOARD_FLOW_MAX_COLUMNS);
  g_return_if_fail (n <= G_MAXINT);

  for (guint i = 0; i < n; i++)
    heights[i] = measure (g_ptr_array_index (items, i), &headings[i]);

  /* What is left from each block on: for balancing the last page's columns. */
  for (guint i = n; i > 0; i--)
    left[i - 1] = left[i] + heights[i - 1];

  /* The height of the section each block is in: from its heading, or the
   * first block, to the next heading. */
  for (guint i = 1; i <= n; i++)
    if (i == n || headings[i])
      {
        for (guint j = start; j < i; j++)
          section[j] = left[start] - left[i];
        start = i;
      }

  page = add_flow_page (pagination);
  target = balance (left[0], n_columns, room);
  for (guint i = 0; i < n; i++)
    {
      /* A heading and the block after it are one: they go to the next
       * column together when they do not fit, or when their middle would
       * pass the height the columns share, and never part. Where the two
       * do not fit even in an empty column, they start one all the same. */
      gboolean under_heading = i > 0 && headings[i - 1];
      double need = heights[i];
      gboolean past_target;

      if (headings[i] && i + 1 < n)
        need += heights[i + 1];

      /* Balancing the columns parts no section that is shorter than a
       * column is to be, where what is left still fits the columns after
       * this one: it goes whole to the column that would hold most of it.
       * A longer one parts where the column's height falls. */
      if (section[i] <= target && left[i] <= (n_columns - column - 1) * room)
        past_target = headings[i] && used + section[i] / 2 > target;
      else
        past_target = used + need / 2 > target;

      if (used > 0 && !under_heading &&
          (used + need > room || (column + 1 < n_columns && past_target)))
        {
          page->columns[column].last = i;
          if (++column == n_columns)
            {
              page = add_flow_page (pagination);
              room = _cto_board_frame_content_height (&pagination->frame);
              column = 0;
            }
          page->n_columns = column + 1;
          page->columns[column].first = i;
          page->columns[column].carry = headings[i] ? -1 : heading;
          used = page->columns[column].carry >= 0 ? heights[heading] : 0;
          target = balance (used + left[i], n_columns - column, room);
        }

      if (headings[i])
        heading = (int) i;
      used += heights[i];
    }
  page->columns[column].last = n;
}
