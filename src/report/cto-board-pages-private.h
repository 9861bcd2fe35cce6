/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "cto-board-pages.h"
#include "cto-org-layout.h"

G_BEGIN_DECLS

/*
 * A box of the org chart as a board page draws it: what the org chart pages
 * are made of, for checking them.
 */
typedef struct
{
  CtoPerson  *person;
  CtoOrgRect  rect;        /* on the page, in the units of the page size */
  int         manager;     /* the index of the box drawn as their manager above it, or -1 */
  gboolean    head;        /* heads a part of the chart: their team, or part of it, is below */
  int         own_page;    /* the page of the person's own box; another page, or another
                            * part of this one, when the box is a head drawn again */
  gboolean    again;       /* a head drawn again: the person's own box is elsewhere */
  int         team_page;   /* the page the note under the box names for their team, or -1 */
  int         more_page;   /* of a head: the page with more of the team, or -1 */
} CtoBoardOrgBox;

/* The boxes on @page (from 0) at this page size, in the order they are
 * drawn, managers before their reports; an empty array on other pages.
 * Free with g_array_unref(). */
GArray *_cto_board_pages_get_org_boxes (CtoBoardPages *self,
                                        double         width,
                                        double         height,
                                        guint          page);

/* What matrix page @page shows: its rows, the CtoResponsibility of each in
 * order, and its columns, the CtoPerson of each in order. FALSE, and no
 * arrays, on other pages. Free with g_ptr_array_unref(). */
gboolean _cto_board_pages_get_matrix_page (CtoBoardPages  *self,
                                           double          width,
                                           double          height,
                                           guint           page,
                                           GPtrArray     **rows,
                                           GPtrArray     **columns);

G_END_DECLS
