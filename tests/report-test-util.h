/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * What the tests of the reports share: the plans they read or make, and a
 * check of each format, which the exports' tests run again on the files
 * they write.
 */
#pragma once

#include <glib.h>

#include "cto-board-pages.h"
#include "cto-export.h"
#include "cto-plan.h"

G_BEGIN_DECLS

#define A4_W CTO_BOARD_PAGE_WIDTH
#define A4_H CTO_BOARD_PAGE_HEIGHT

/* The example plan of data/examples, and the valid plan of hostile text. */
char       *example_path          (void);
char       *hostile_path          (void);
CtoPlan    *load_plan             (const char      *path);
CtoPlan    *load_example          (void);
CtoPlan    *load_hostile          (void);
/* Adds a person at the end, reporting to the person of id @manager (or nobody). */
CtoPerson  *add_person            (CtoPlan         *plan,
                                   const char      *id,
                                   const char      *name,
                                   const char      *role,
                                   double           capacity,
                                   gboolean         open_role,
                                   const char      *manager);
/* A company of @n_people, with two responsibilities a person. */
CtoPlan    *make_large_plan       (guint            n_people);
/* The date the reports are made on. */
GDateTime  *fixed_date            (void);

/* A new folder of the test's own, and its removal with all it holds. */
char       *tmp_dir               (void);
void        remove_tree           (const char      *path);
char       *read_file             (const char      *path,
                                   gsize           *length);
void        write_bytes           (const char      *path,
                                   GBytes          *bytes);

/* The CSV text @csv reads back, field by field, as @plan's values. */
void        check_csv_text        (CtoPlan         *plan,
                                   const char      *csv,
                                   gsize            length);
/* Every table of the Markdown has its header rule and cells in line. */
void        check_markdown_tables (const char      *markdown);
/* Only the report's own tags; every string of @plan there, escaped. */
void        check_html_tags       (const char      *html);
void        check_html_plan_text  (const char      *html,
                                   CtoPlan         *plan);
/* The pages of the PDF at @path (pdfinfo), every one A4 landscape. */
guint       pdf_pages             (const char      *path);
/* The text pdftotext reads on page @page (from 1), line breaks as spaces. */
char       *pdf_page_text         (const char      *path,
                                   guint            page);
/* An A4 landscape SVG page that GMarkup and xmllint read. */
void        check_svg_data        (const char      *text,
                                   gsize            length);
void        check_xmllint         (const char      *path);
/* The image a PNG holds; free with cairo_surface_destroy(). */
cairo_surface_t *png_image_new    (const guchar    *data,
                                   gsize            length);
/* A PNG of @width × @height that is not blank. */
void        check_png_data        (const guchar    *data,
                                   gsize            length,
                                   int              width,
                                   int              height);
/* The file at @path is @plan exported in @format. */
void        check_export_file     (CtoExportFormat  format,
                                   const char      *path,
                                   CtoPlan         *plan);

G_END_DECLS
