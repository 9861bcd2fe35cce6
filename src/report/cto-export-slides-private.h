/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "cto-board-pages.h"

G_BEGIN_DECLS

/*
 * What the slide decks (ODP, PPTX) show on each slide, one slide per board
 * page at CTO_BOARD_PAGE_WIDTH × CTO_BOARD_PAGE_HEIGHT points, and how they
 * write plan text into XML.
 */
typedef struct
{
  char   *title;  /* the page's title, as its heading says */
  char   *text;   /* every string drawn on the page, a line each */
  GBytes *svg;    /* the page as SVG */
  GBytes *png;    /* the same picture as PNG, when asked for, or NULL */
} CtoSlide;

/* The slides of @pages, a CtoSlide each; with a PNG of each page when
 * @with_png. Free with g_ptr_array_unref(). */
GPtrArray *_cto_export_slides_collect      (CtoBoardPages  *pages,
                                            gboolean        with_png,
                                            GError        **error);

/* Appends @text to @out escaped for XML text and attribute values (in double
 * quotes). Line breaks and tabs become spaces; other characters XML 1.0
 * cannot hold (control characters, U+FFFE, U+FFFF, broken UTF-8) become
 * U+FFFD, so that no string breaks the file. */
void       _cto_export_slides_append_xml   (GString        *out,
                                            const char     *text);

/* Appends the lines of @text, each escaped as above, with @separator
 * between them (none after the last line break). */
void       _cto_export_slides_append_lines (GString        *out,
                                            const char     *text,
                                            const char     *separator);

/* The date in ISO 8601, "2027-03-05T09:00:00Z", for the files' metadata. */
char      *_cto_export_slides_iso_date     (GDateTime      *date);

G_END_DECLS
