/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "cto-board-pages.h"
#include "cto-history.h"
#include "cto-org-chart-view.h"
#include "cto-org-node.h"
#include "cto-person-card.h"
#include "cto-plan-io.h"
#include "cto-presentation-window.h"
#include "cto-window-private.h"
#include "display-test-util.h"

/* The board meeting in the real window, under Xvfb: presenting, printing,
 * exporting, and the org chart with its drops and menus. */

#define PAGE_WIDTH  CTO_BOARD_PAGE_WIDTH
#define PAGE_HEIGHT CTO_BOARD_PAGE_HEIGHT

static const char plan_json[] =
  "{\n"
  "  \"format\": \"cto-planner-plan\",\n"
  "  \"version\": 1,\n"
  "  \"title\": \"Test plan\",\n"
  "  \"people\": [\n"
  "    { \"id\": \"ana\", \"name\": \"Ana\", \"role\": \"CEO\", \"capacity\": 40 },\n"
  "    { \"id\": \"bo\", \"name\": \"Bo\", \"role\": \"Engineer\", \"capacity\": 10 },\n"
  "    { \"id\": \"hire\", \"name\": \"Support hire\", \"capacity\": 40, \"open_role\": true }\n"
  "  ],\n"
  "  \"responsibilities\": [\n"
  "    { \"id\": \"security\", \"title\": \"Security\", \"function\": \"infrastructure\", \"effort\": 6,\n"
  "      \"assignees\": [ { \"person\": \"ana\" } ] },\n"
  "    { \"id\": \"tools\", \"title\": \"Tools\", \"function\": \"planning\", \"effort\": 4 },\n"
  "    { \"id\": \"strategy\", \"title\": \"Strategy\", \"function\": \"thinker\", \"effort\": 2,\n"
  "      \"assignees\": [ { \"person\": \"ana\" } ] }\n"
  "  ]\n"
  "}\n";

/* Helpers ------------------------------------------------------------------ */

/* The presentation shown over @window, or NULL. */
static CtoPresentationWindow *
presentation_of (CtoWindow *window)
{
  return CTO_PRESENTATION_WINDOW (transient_of_type (window, CTO_TYPE_PRESENTATION_WINDOW));
}

/* The window's pages (the board and the org chart), and the org chart. */
static AdwViewStack *
view_stack_of (CtoWindow *window)
{
  return ADW_VIEW_STACK (widget_named (window, "view-stack"));
}

static CtoOrgChartView *
org_chart_of (CtoWindow *window)
{
  return CTO_ORG_CHART_VIEW (widget_of_type (window, CTO_TYPE_ORG_CHART_VIEW));
}

static CtoWindow *
window_new (void)
{
  g_autoptr(CtoPlan) plan = plan_from_json (plan_json);

  return window_new_with (plan);
}

static CtoPerson *
person (CtoWindow  *window,
        const char *id)
{
  CtoPerson *found = cto_plan_find_person (plan_of (window), id);

  g_assert_nonnull (found);
  return found;
}

/* Adds @n people, so that the people pages run on. */
static void
add_people (CtoPlan *plan,
            guint    n)
{
  CtoHistory *history = cto_plan_get_history (plan);

  cto_history_begin_group (history, "Add people");
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("extra-%u", i);
      g_autofree char *name = g_strdup_printf ("Extra person %u", i);
      g_autoptr(CtoPerson) extra = cto_person_new (id, name, "Engineer", 40, FALSE);

      cto_plan_insert_person (plan, G_MAXUINT, extra);
    }
  cto_history_end_group (history);
}

/* The text of a toast shown now, if any. */
static gboolean
toast_shows (CtoWindow  *window,
             const char *text)
{
  return find_by_accessible_label (widget_of_type (window, ADW_TYPE_TOAST_OVERLAY), text) != NULL;
}

/* Presentation ------------------------------------------------------------- */

/* What pressing @keyval does in @widget: the shortcut the key triggers, run
 * as GTK runs it when the key arrives. FALSE when no shortcut takes it. */
static gboolean
press (GtkWidget *widget,
       guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == 0)
            {
              gboolean done = gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                                            GTK_SHORTCUT_ACTION_EXCLUSIVE,
                                                            widget, NULL);
              spin ();
              return done;
            }
        }
    }

  return FALSE;
}

static gboolean
presentation_drawn (gpointer data)
{
  CtoPresentationWindow *presentation = data;
  GtkWidget *area = find_widget (GTK_WIDGET (presentation), is_of_type,
                                 GSIZE_TO_POINTER (GTK_TYPE_DRAWING_AREA));

  return gtk_widget_get_mapped (area) && gtk_widget_get_width (area) > 0;
}

static void
expect_page (CtoPresentationWindow *presentation,
             guint                  page)
{
  CtoBoardPages *pages = cto_presentation_window_get_pages (presentation);
  guint n_pages = cto_board_pages_get_n_pages (pages, PAGE_WIDTH, PAGE_HEIGHT);
  g_autofree char *title = cto_board_pages_get_page_title (pages, PAGE_WIDTH, PAGE_HEIGHT, page);
  g_autofree char *number = g_strdup_printf ("%u / %u", page + 1, n_pages);
  GtkWidget *label = find_widget_by_name (GTK_WIDGET (presentation), "page-number");
  GtkWidget *area = find_widget (GTK_WIDGET (presentation), is_of_type,
                                 GSIZE_TO_POINTER (GTK_TYPE_DRAWING_AREA));

  g_assert_cmpuint (cto_presentation_window_get_page (presentation), ==, page);
  g_assert_cmpuint (cto_presentation_window_get_n_pages (presentation), ==, n_pages);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, number);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (presentation)), ==, title);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (area), GTK_ACCESSIBLE_PROPERTY_LABEL, title);
}

/* The drawing area as it is drawn on screen, into an image. */
static cairo_surface_t *
render_area (GtkWidget *area)
{
  int width = gtk_widget_get_width (area);
  int height = gtk_widget_get_height (area);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (area);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

static guint32
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  const guchar *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  return *(const guint32 *) (data + y * stride + x * 4) & 0xffffff;
}

typedef struct
{
  GtkWidget *area;
  int        width;
  int        height;
} AreaSize;

static gboolean
area_sized (gpointer data)
{
  AreaSize *size = data;
  int width = gtk_widget_get_width (size->area);
  int height = gtk_widget_get_height (size->area);

  /* The window's frame, if any, is a few pixels. */
  return width > 0 && height > 0 && ABS (width - size->width) <= 16 &&
         ABS (height - size->height) <= 16;
}

/* Whether the page number sits on black, off the page, in the presentation
 * at its size now. */
static gboolean
number_off_page (CtoPresentationWindow *presentation)
{
  GtkWidget *area = find_widget (GTK_WIDGET (presentation), is_of_type,
                                 GSIZE_TO_POINTER (GTK_TYPE_DRAWING_AREA));
  GtkWidget *label = find_widget_by_name (GTK_WIDGET (presentation), "page-number");
  cairo_surface_t *image = render_area (area);
  graphene_rect_t bounds;
  gboolean black = TRUE;

  g_assert_true (gtk_widget_compute_bounds (label, area, &bounds));
  g_assert_cmpfloat (bounds.size.width, >, 0);
  for (int y = (int) bounds.origin.y; y < (int) (bounds.origin.y + bounds.size.height); y++)
    for (int x = (int) bounds.origin.x; x < (int) (bounds.origin.x + bounds.size.width); x++)
      black = black && pixel_at (image, x, y) == 0;
  cairo_surface_destroy (image);

  return black;
}

/* The page number is never drawn over the page, whatever the screen's
 * shape: one of about the page's own (A4, 1.41:1) or a little squarer
 * leaves too thin a band of black around the page for it, and the page is
 * drawn a little smaller there. */
static void
test_present_number (void)
{
  CtoWindow *window = window_new ();
  /* Wider than the page, of its shape (√2:1), and squarer (4:3). */
  const int sizes[][2] = { { 1024, 640 }, { 1131, 800 }, { 800, 600 } };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      GtkWidget *presentation = cto_presentation_window_new (GTK_WINDOW (window), window->analysis);
      AreaSize size = {
        find_widget (presentation, is_of_type, GSIZE_TO_POINTER (GTK_TYPE_DRAWING_AREA)),
        sizes[i][0], sizes[i][1],
      };

      /* A window of the screen's shape, as it is shown full screen. */
      gtk_window_set_decorated (GTK_WINDOW (presentation), FALSE);
      gtk_window_set_default_size (GTK_WINDOW (presentation), size.width, size.height);
      gtk_window_present (GTK_WINDOW (presentation));
      spin_until (area_sized, &size, 10);
      spin ();
      if (!number_off_page (CTO_PRESENTATION_WINDOW (presentation)))
        g_error ("at %d × %d the page number is over the page", size.width, size.height);
      gtk_window_destroy (GTK_WINDOW (presentation));
      spin ();
    }

  window_free (window);
}

static void
test_present_pages (void)
{
  CtoWindow *window = window_new ();
  CtoPresentationWindow *presentation;
  CtoBoardPages *pages;
  GtkWidget *area;
  cairo_surface_t *image;
  double scale, page_x, page_y;
  int width, height;
  guint n_pages, gaps, kind_page;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL);
  presentation = presentation_of (window);
  g_assert_true (CTO_IS_PRESENTATION_WINDOW (presentation));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (presentation)));
  spin_until (presentation_drawn, presentation, 20);

  pages = cto_presentation_window_get_pages (presentation);
  g_assert_true (cto_board_pages_get_analysis (pages) == window->analysis);
  n_pages = cto_board_pages_get_n_pages (pages, PAGE_WIDTH, PAGE_HEIGHT);
  g_assert_cmpuint (n_pages, >=, 6);
  expect_page (presentation, 0);

  /* Presenting again shows the same window. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL);
  g_assert_true (presentation_of (window) == presentation);

  /* The page, scaled to fit and centred, black around it. */
  area = find_widget (GTK_WIDGET (presentation), is_of_type, GSIZE_TO_POINTER (GTK_TYPE_DRAWING_AREA));
  width = gtk_widget_get_width (area);
  height = gtk_widget_get_height (area);
  scale = MIN (width / PAGE_WIDTH, height / PAGE_HEIGHT);
  page_x = floor ((width - PAGE_WIDTH * scale) / 2);
  page_y = floor ((height - PAGE_HEIGHT * scale) / 2);
  g_assert_true (page_x >= 2 || page_y >= 2);
  image = render_area (area);
  g_assert_cmphex (pixel_at (image, width / 2, (int) (page_y + 2)), !=, 0);
  if (page_x >= 2)
    {
      g_assert_cmphex (pixel_at (image, (int) page_x / 2, height / 2), ==, 0);
      g_assert_cmphex (pixel_at (image, width - 1 - (int) page_x / 2, height / 2), ==, 0);
      g_assert_cmphex (pixel_at (image, (int) page_x + 2, height / 2), !=, 0);
    }
  else
    {
      g_assert_cmphex (pixel_at (image, width / 2, (int) page_y / 2), ==, 0);
      g_assert_cmphex (pixel_at (image, width / 2, height - 1 - (int) page_y / 2), ==, 0);
    }
  cairo_surface_destroy (image);

  /* The keys of presenting. */
  g_assert_true (press (GTK_WIDGET (presentation), GDK_KEY_Right));
  expect_page (presentation, 1);
  g_assert_true (press (GTK_WIDGET (presentation), GDK_KEY_Page_Down));
  expect_page (presentation, 2);
  g_assert_true (press (GTK_WIDGET (presentation), GDK_KEY_space));
  expect_page (presentation, 3);
  g_assert_true (press (GTK_WIDGET (presentation), GDK_KEY_Left));
  expect_page (presentation, 2);
  g_assert_true (press (GTK_WIDGET (presentation), GDK_KEY_Page_Up));
  expect_page (presentation, 1);
  g_assert_true (press (GTK_WIDGET (presentation), GDK_KEY_End));
  expect_page (presentation, n_pages - 1);
  /* Past the end it stays. */
  gtk_widget_activate_action (GTK_WIDGET (presentation), "presentation.next", NULL);
  expect_page (presentation, n_pages - 1);
  g_assert_true (press (GTK_WIDGET (presentation), GDK_KEY_Home));
  expect_page (presentation, 0);
  gtk_widget_activate_action (GTK_WIDGET (presentation), "presentation.previous", NULL);
  expect_page (presentation, 0);
  gtk_widget_activate_action (GTK_WIDGET (presentation), "presentation.last", NULL);
  expect_page (presentation, n_pages - 1);

  /* An edit: more people, more pages; the gaps page stays on screen. */
  gaps = cto_board_pages_find_page (pages, PAGE_WIDTH, PAGE_HEIGHT, CTO_BOARD_PAGE_GAPS);
  g_assert_true (press (GTK_WIDGET (presentation), GDK_KEY_Home));
  cto_presentation_window_set_page (presentation, gaps);
  add_people (plan_of (window), 60);
  spin ();
  g_assert_cmpuint (cto_board_pages_get_n_pages (pages, PAGE_WIDTH, PAGE_HEIGHT), >, n_pages);
  kind_page = cto_board_pages_find_page (pages, PAGE_WIDTH, PAGE_HEIGHT, CTO_BOARD_PAGE_GAPS);
  g_assert_cmpuint (kind_page, >, gaps);
  expect_page (presentation, kind_page);

  /* On the second people page, taking the people away again leaves the
   * first and only one. */
  cto_presentation_window_set_page (presentation,
                                    cto_board_pages_find_page (pages, PAGE_WIDTH, PAGE_HEIGHT,
                                                               CTO_BOARD_PAGE_PEOPLE) + 1);
  g_assert_cmpint (cto_board_pages_get_page_kind (pages, PAGE_WIDTH, PAGE_HEIGHT,
                                                  cto_presentation_window_get_page (presentation)),
                   ==, CTO_BOARD_PAGE_PEOPLE);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  spin ();
  expect_page (presentation,
               cto_board_pages_find_page (pages, PAGE_WIDTH, PAGE_HEIGHT, CTO_BOARD_PAGE_PEOPLE));
  g_assert_cmpuint (cto_presentation_window_get_n_pages (presentation), ==, n_pages);

  /* Escape leaves. */
  g_assert_true (press (GTK_WIDGET (presentation), GDK_KEY_Escape));
  g_assert_null (presentation_of (window));

  window_free (window);
}

static void
test_present_other_plan (void)
{
  CtoWindow *window = window_new ();
  g_autoptr(CtoPlan) other = plan_from_json (plan_json);
  CtoPresentationWindow *presentation;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL);
  presentation = presentation_of (window);
  g_assert_nonnull (presentation);
  g_object_add_weak_pointer (G_OBJECT (presentation), (gpointer *) &presentation);

  _cto_window_set_plan (window, other, NULL);
  g_assert_true (presentation_of (window) == presentation);
  g_assert_true (cto_board_pages_get_analysis (cto_presentation_window_get_pages (presentation)) ==
                 window->analysis);

  /* The presentation goes with its window. */
  window_free (window);
  g_assert_null (presentation);
}

/* Printing ----------------------------------------------------------------- */

static char *
run_poppler (const char *program,
             const char *path)
{
  g_autofree char *full = g_find_program_in_path (program);
  const char *argv[] = { full, path, "-", NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (full == NULL)
    return NULL;
  if (g_str_equal (program, "pdfinfo"))
    argv[2] = NULL;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return g_steal_pointer (&out);
}

static void
test_print_to_pdf (void)
{
  g_autoptr(CtoPlan) plan = plan_from_json (plan_json);
  CtoWindow *window;
  g_autofree char *path = g_build_filename (display_test_dir (), "printed.pdf", NULL);
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CtoAnalysis) analysis = NULL;
  g_autoptr(CtoBoardPages) pages = NULL;
  const char *pages_line;
  guint n_pages = 0;
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  const char *size;
  double width, height, paper_width = 0, paper_height = 0;
  GtkPrintOperationResult result;

  if (pdfinfo == NULL)
    {
      g_test_skip ("pdfinfo (poppler-utils) is not installed");
      return;
    }

  /* Enough people for the people pages to run on. */
  add_people (plan, 40);
  window = window_new_with (plan);

  result = _cto_window_print (window, GTK_PRINT_OPERATION_ACTION_EXPORT, path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  /* As many pages as the board pages have at the printable size. */
  g_assert_nonnull (window->page_setup);
  g_assert_cmpint (gtk_page_setup_get_orientation (window->page_setup), ==,
                   GTK_PAGE_ORIENTATION_LANDSCAPE);
  width = gtk_page_setup_get_page_width (window->page_setup, GTK_UNIT_POINTS);
  height = gtk_page_setup_get_page_height (window->page_setup, GTK_UNIT_POINTS);
  analysis = cto_analysis_new (plan_of (window));
  pages = cto_board_pages_new (analysis);
  g_assert_cmpuint (cto_board_pages_get_n_pages (pages, width, height), >, 6);

  info = run_poppler ("pdfinfo", path);
  g_test_message ("%s", info);
  pages_line = strstr (info, "\nPages:");
  g_assert_nonnull (pages_line);
  g_assert_cmpint (sscanf (pages_line, "\nPages: %u", &n_pages), ==, 1);
  g_assert_cmpuint (n_pages, ==, cto_board_pages_get_n_pages (pages, width, height));
  size = strstr (info, "Page size:");
  g_assert_nonnull (size);
  g_assert_cmpint (sscanf (size, "Page size: %lf x %lf", &paper_width, &paper_height), ==, 2);
  g_assert_cmpfloat (paper_width, >, paper_height);

  /* The pages carry the plan's text. */
  text = run_poppler ("pdftotext", path);
  if (text != NULL)
    {
      g_assert_nonnull (strstr (text, "Test plan"));
      g_assert_nonnull (strstr (text, "Extra person 39"));
    }

  window_free (window);
}

/* Export ------------------------------------------------------------------- */

typedef struct
{
  CtoExportFormat  format;
  const char      *name;
  const char      *starts_with;   /* or NULL */
  const char      *contains;      /* or NULL */
} ExportCase;

static const ExportCase export_cases[] = {
  { CTO_EXPORT_PDF, "board.pdf", "%PDF", NULL },
  { CTO_EXPORT_SVG, "coverage.svg", NULL, "<svg" },
  { CTO_EXPORT_PNG, "coverage.png", "\x89PNG", NULL },
  { CTO_EXPORT_CSV, "plan.csv", NULL, "Security" },
  { CTO_EXPORT_MARKDOWN, "report.md", NULL, "Test plan" },
  { CTO_EXPORT_HTML, "report.html", NULL, "<html" },
  { CTO_EXPORT_JSON, "copy.ctoplan.json", NULL, "\"cto-planner-plan\"" },
  { CTO_EXPORT_ODP, "slides.odp", "PK\x03\x04", NULL },
  { CTO_EXPORT_PPTX, "slides.pptx", "PK\x03\x04", NULL },
  { CTO_EXPORT_PDF, "NAMED.ODP", "PK\x03\x04", NULL },
  /* The name's extension wins over the format chosen... */
  { CTO_EXPORT_PDF, "named.svg", NULL, "<svg" },
  { CTO_EXPORT_CSV, "NAMED.PDF", "%PDF", NULL },
  /* ...and the format decides when the name has none of ours. */
  { CTO_EXPORT_PNG, "no-extension", "\x89PNG", NULL },
};

static void
test_export_formats (void)
{
  CtoWindow *window = window_new ();

  for (guint i = 0; i < G_N_ELEMENTS (export_cases); i++)
    {
      const ExportCase *c = &export_cases[i];
      g_autofree char *path = g_build_filename (display_test_dir (), c->name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autofree char *contents = NULL;
      gsize length;

      g_test_message ("%s", c->name);
      g_assert_true (_cto_window_export_to (window, c->format, file, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      g_assert_cmpuint (length, >, 0);
      if (c->starts_with != NULL)
        g_assert_true (memcmp (contents, c->starts_with, strlen (c->starts_with)) == 0);
      if (c->contains != NULL)
        g_assert_nonnull (g_strstr_len (contents, length, c->contains));
    }

  window_free (window);
}

static void
test_export_says_how (void)
{
  CtoWindow *window = window_new ();
  g_autofree char *folder_path = g_build_filename (display_test_dir (), "a-folder.pdf", NULL);
  g_autofree char *good_path = g_build_filename (display_test_dir (), "said.pdf", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (folder_path);
  g_autoptr(GFile) good = g_file_new_for_path (good_path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (folder_path, 0700), ==, 0);

  /* A folder is no place for a file: refused, and the folder stays. */
  g_assert_false (_cto_window_export_to (window, CTO_EXPORT_PDF, folder, &error));
  g_assert_nonnull (error);
  g_assert_true (g_file_test (folder_path, G_FILE_TEST_IS_DIR));

  /* Through the window: a dialog says why. */
  g_assert_null (error_dialog_of (window));
  g_assert_false (_cto_window_export_file (window, CTO_EXPORT_PDF, folder));
  g_assert_true (ADW_IS_MESSAGE_DIALOG (error_dialog_of (window)));
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (error_dialog_of (window))), ==,
                   "Could Not Export the Plan");
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (error_dialog_of (window))),
                                   "a-folder.pdf: "));
  respond_to (error_dialog_of (window), "close");

  /* Done: a toast. */
  g_assert_false (toast_shows (window, "Exported “said.pdf”"));
  g_assert_true (_cto_window_export_file (window, CTO_EXPORT_PDF, good));
  spin ();
  g_assert_true (toast_shows (window, "Exported “said.pdf”"));
  g_assert_null (error_dialog_of (window));
  g_assert_true (g_file_test (good_path, G_FILE_TEST_IS_REGULAR));

  window_free (window);
}

static gboolean
is_check_labelled (GtkWidget     *widget,
                   gconstpointer  name)
{
  GtkWidget *row;

  if (!GTK_IS_CHECK_BUTTON (widget))
    return FALSE;

  row = gtk_widget_get_ancestor (widget, ADW_TYPE_ACTION_ROW);
  return row != NULL &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), name) == 0;
}

static void
test_export_dialog (void)
{
  CtoWindow *window;
  const struct {
    CtoExportFormat  format;
    const char      *proposed;
  } cases[] = {
    { CTO_EXPORT_SVG, "Test plan.svg" },
    { CTO_EXPORT_JSON, "Test plan.ctoplan.json" },
    { CTO_EXPORT_PDF, "Test plan.pdf" },
    { CTO_EXPORT_ODP, "Test plan.odp" },
    { CTO_EXPORT_PPTX, "Test plan.pptx" },
  };

  if (!file_chooser_testable ())
    return;

  window = window_new ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *proposed = NULL;
      /* The chooser says what the export makes. */
      g_autofree char *title = g_strdup_printf ("Export as %s",
                                                cto_export_format_get_name (cases[i].format));
      GtkWidget *dialog;
      GtkWidget *check;
      GtkFileFilter *filter;

      gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL);
      dialog = dialog_with_response (window, "choose");
      g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));

      /* Every format is offered, by name. */
      for (guint f = 0; f < CTO_N_EXPORT_FORMATS; f++)
        g_assert_nonnull (find_widget (dialog, is_check_labelled,
                                       cto_export_format_get_name ((CtoExportFormat) f)));

      check = find_widget (dialog, is_check_labelled, cto_export_format_get_name (cases[i].format));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "choose");
      gtk_window_destroy (GTK_WINDOW (dialog));
      spin ();
      g_assert_null (dialog_with_response (window, "choose"));

      /* The file chooser proposes the format's extension, and filters by it. */
      g_assert_nonnull (file_chooser_of (window));
      proposed = gtk_file_chooser_get_current_name (file_chooser_of (window));
      g_assert_cmpstr (proposed, ==, cases[i].proposed);
      filter = gtk_file_chooser_get_filter (file_chooser_of (window));
      g_assert_nonnull (filter);
      g_assert_cmpstr (gtk_file_filter_get_name (filter), ==,
                       cto_export_format_get_name (cases[i].format));
      g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (file_chooser_of (window))), ==, title);

      file_chooser_respond (window, GTK_RESPONSE_CANCEL);
      spin ();
    }

  /* Cancelled, nothing follows. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL);
  respond_to (dialog_with_response (window, "choose"), "cancel");
  g_assert_null (dialog_with_response (window, "choose"));
  g_assert_null (file_chooser_of (window));

  window_free (window);
}

/* The org chart ------------------------------------------------------------ */

static gboolean
org_chart_shown (gpointer data)
{
  CtoWindow *window = data;
  g_autoptr(CtoPerson) first = g_list_model_get_item (cto_plan_get_people (plan_of (window)), 0);
  GtkWidget *node = cto_org_chart_view_get_node (org_chart_of (window), first);

  return node != NULL && gtk_widget_get_mapped (node) && gtk_widget_get_width (node) > 0;
}

static CtoWindow *
org_window_new (void)
{
  CtoWindow *window = window_new ();

  adw_view_stack_set_visible_child_name (view_stack_of (window), "org-chart");
  spin_until (org_chart_shown, window, 20);

  return window;
}

static GtkWidget *
node_of (CtoWindow  *window,
         const char *id)
{
  GtkWidget *node = cto_org_chart_view_get_node (org_chart_of (window), person (window, id));

  g_assert_true (CTO_IS_ORG_NODE (node));
  return node;
}

static gboolean
drop_person (GtkWidget *target,
             CtoPerson *dropped)
{
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean accepted = FALSE;

  g_value_init (&value, CTO_TYPE_PERSON);
  g_value_set_object (&value, dropped);
  g_signal_emit_by_name (drop_target_of (target), "drop", &value, 10.0, 10.0, &accepted);
  spin ();

  return accepted;
}

/* Bo's box laid out below Ana's. */
static gboolean
bo_below_ana (gpointer data)
{
  CtoWindow *window = data;
  graphene_rect_t ana, bo;

  return gtk_widget_compute_bounds (node_of (window, "ana"), GTK_WIDGET (org_chart_of (window)), &ana) &&
         gtk_widget_compute_bounds (node_of (window, "bo"), GTK_WIDGET (org_chart_of (window)), &bo) &&
         bo.origin.y >= ana.origin.y + ana.size.height;
}

static void
test_org_drop_on_person (void)
{
  CtoWindow *window = org_window_new ();
  CtoOrgLayout *layout;

  g_assert_null (cto_person_get_reports_to (person (window, "bo")));
  g_assert_false (cto_history_get_can_undo (history_of (window)));
  /* Two roots, side by side. */
  g_assert_false (bo_below_ana (window));

  g_assert_true (drop_person (node_of (window, "ana"), person (window, "bo")));
  g_assert_cmpstr (cto_person_get_reports_to (person (window, "bo")), ==, "ana");
  g_assert_true (toast_shows (window, "Bo now reports to Ana"));

  /* Drawn by the org layout: Bo's box now under Ana's. */
  layout = cto_org_chart_view_get_layout (org_chart_of (window));
  g_assert_cmpint (cto_org_layout_get_parent (layout,
                                              cto_org_layout_find_data (layout, person (window, "bo"))),
                   ==, cto_org_layout_find_data (layout, person (window, "ana")));
  spin_until (bo_below_ana, window, 20);

  /* One drop, one step. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  spin ();
  g_assert_null (cto_person_get_reports_to (person (window, "bo")));
  g_assert_false (cto_history_get_can_undo (history_of (window)));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
  g_assert_cmpstr (cto_person_get_reports_to (person (window, "bo")), ==, "ana");

  /* On themselves, or on the one they report to already: nothing. */
  g_assert_false (drop_person (node_of (window, "bo"), person (window, "bo")));
  g_assert_false (drop_person (node_of (window, "ana"), person (window, "bo")));
  g_assert_cmpstr (cto_person_get_reports_to (person (window, "bo")), ==, "ana");

  window_free (window);
}

static void
test_org_drop_on_empty_space (void)
{
  CtoWindow *window = org_window_new ();

  g_assert_true (cto_plan_set_reports_to (plan_of (window), person (window, "bo"), person (window, "ana"),
                                          NULL));
  cto_history_clear (history_of (window));

  g_assert_true (drop_person (GTK_WIDGET (org_chart_of (window)), person (window, "bo")));
  g_assert_null (cto_person_get_reports_to (person (window, "bo")));
  g_assert_true (toast_shows (window, "Bo now reports to no one"));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpstr (cto_person_get_reports_to (person (window, "bo")), ==, "ana");
  g_assert_false (cto_history_get_can_undo (history_of (window)));

  window_free (window);
}

static void
test_org_drop_cycle_refused (void)
{
  CtoWindow *window = org_window_new ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(CtoPlan) other = plan_from_json (plan_json);

  g_assert_true (cto_plan_set_reports_to (plan_of (window), person (window, "bo"), person (window, "ana"),
                                          NULL));
  g_assert_true (cto_plan_set_reports_to (plan_of (window), person (window, "hire"), person (window, "bo"),
                                          NULL));
  cto_history_clear (history_of (window));
  spin ();
  before = cto_plan_io_to_data (plan_of (window), NULL);

  /* Ana under Hire, who reports to Bo, who reports to Ana. */
  g_assert_false (drop_person (node_of (window, "hire"), person (window, "ana")));
  after = cto_plan_io_to_data (plan_of (window), NULL);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (cto_history_get_can_undo (history_of (window)));
  g_assert_true (toast_shows (window, "“Ana” cannot report to “Support hire”, who already reports to them"));

  /* A person of another plan is not taken. */
  g_assert_false (drop_person (node_of (window, "ana"), cto_plan_find_person (other, "hire")));
  g_assert_false (drop_person (GTK_WIDGET (org_chart_of (window)), cto_plan_find_person (other, "bo")));
  g_clear_pointer (&after, g_free);
  after = cto_plan_io_to_data (plan_of (window), NULL);
  g_assert_cmpstr (before, ==, after);

  window_free (window);
}

static gboolean
menu_has_target (GMenuModel *menu,
                 const char *action,
                 const char *target)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);
      g_autofree char *item_action = NULL;
      g_autoptr(GVariant) item_target = NULL;

      if (section != NULL)
        {
          if (menu_has_target (section, action, target))
            return TRUE;
          continue;
        }

      g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &item_action);
      item_target = g_menu_model_get_item_attribute_value (menu, i, G_MENU_ATTRIBUTE_TARGET,
                                                           G_VARIANT_TYPE_STRING);
      if (g_strcmp0 (item_action, action) == 0 && item_target != NULL &&
          g_strcmp0 (g_variant_get_string (item_target, NULL), target) == 0)
        return TRUE;
    }

  return FALSE;
}

static GtkWidget *
node_button (GtkWidget *node)
{
  GtkWidget *button = find_widget (node, is_of_type, GSIZE_TO_POINTER (GTK_TYPE_BUTTON));

  g_assert_nonnull (button);
  return button;
}

static void
test_org_menu (void)
{
  CtoWindow *window = org_window_new ();
  g_autoptr(GMenuModel) bo_menu = NULL;
  g_autoptr(GMenuModel) ana_menu = NULL;
  GtkWidget *bo = node_of (window, "bo");

  g_assert_true (cto_plan_set_reports_to (plan_of (window), person (window, "bo"), person (window, "ana"),
                                          NULL));
  cto_history_clear (history_of (window));
  spin ();

  /* The possible managers: no one, and anyone not under the person. */
  bo_menu = cto_org_node_build_menu (CTO_ORG_NODE (bo));
  g_assert_true (menu_has_target (bo_menu, "node.reports-to", ""));
  g_assert_true (menu_has_target (bo_menu, "node.reports-to", "ana"));
  g_assert_true (menu_has_target (bo_menu, "node.reports-to", "hire"));
  g_assert_false (menu_has_target (bo_menu, "node.reports-to", "bo"));
  ana_menu = cto_org_node_build_menu (CTO_ORG_NODE (node_of (window, "ana")));
  g_assert_false (menu_has_target (ana_menu, "node.reports-to", "bo"));
  g_assert_true (menu_has_target (ana_menu, "node.reports-to", "hire"));

  /* What the box says, in words. */
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (node_button (bo)),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Bo, Engineer. Reports to Ana. Carries nothing.");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (node_button (node_of (window, "hire"))),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Support hire. Open role. Reports to no one. Carries nothing.");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (node_button (node_of (window, "ana"))),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Ana, CEO. Reports to no one. Carries Infrastructure, Thinker.");
  g_assert_true (gtk_widget_get_focusable (node_button (bo)));

  /* Choosing from the menu: one step, undone as one. */
  gtk_widget_activate_action (bo, "node.reports-to", "s", "hire");
  spin ();
  g_assert_cmpstr (cto_person_get_reports_to (person (window, "bo")), ==, "hire");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (node_button (bo)),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Bo, Engineer. Reports to Support hire. Carries nothing.");
  gtk_widget_activate_action (bo, "node.reports-to", "s", "");
  g_assert_null (cto_person_get_reports_to (person (window, "bo")));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpstr (cto_person_get_reports_to (person (window, "bo")), ==, "hire");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpstr (cto_person_get_reports_to (person (window, "bo")), ==, "ana");
  g_assert_false (cto_history_get_can_undo (history_of (window)));

  /* The same through the window's action, as the keyboard reaches it. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.set-reports-to", "(ss)", "ana", "bo");
  g_assert_null (cto_person_get_reports_to (person (window, "ana")));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.set-reports-to", "(ss)", "hire", "ana");
  g_assert_cmpstr (cto_person_get_reports_to (person (window, "hire")), ==, "ana");

  window_free (window);
}

static gboolean
popover_shown (gpointer data)
{
  GtkWidget *node = data;
  GtkWidget *popover = find_widget (node, is_of_type, GSIZE_TO_POINTER (GTK_TYPE_POPOVER));

  return popover != NULL && gtk_widget_get_visible (popover);
}

static void
test_org_from_person_card (void)
{
  CtoWindow *window = window_new ();
  GtkWidget *card;
  GtkWidget *options;
  GtkWidget *node;
  GMenuModel *menu;

  /* The card's menu leads there. */
  card = find_widget (widget_named (window, "people-grid"), is_card_of, person (window, "bo"));
  g_assert_nonnull (card);
  options = find_widget (card, is_of_type, GSIZE_TO_POINTER (GTK_TYPE_MENU_BUTTON));
  g_assert_nonnull (options);
  /* Made as it opens. */
  gtk_menu_button_popup (GTK_MENU_BUTTON (options));
  menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (options));
  g_assert_true (menu_has_target (menu, "win.reports-to", "bo"));
  gtk_menu_button_popdown (GTK_MENU_BUTTON (options));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.reports-to", "s", "bo");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (view_stack_of (window)), ==, "org-chart");
  node = node_of (window, "bo");
  spin_until (popover_shown, node, 20);
  g_assert_true (gtk_widget_has_focus (node_button (node)) ||
                 gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), node));

  /* Choosing an item closes the menu, as a click on it does. */
  gtk_widget_activate_action (node, "node.reports-to", "s", "ana");
  gtk_popover_popdown (GTK_POPOVER (find_widget (node, is_of_type,
                                                 GSIZE_TO_POINTER (GTK_TYPE_POPOVER))));
  g_assert_cmpstr (cto_person_get_reports_to (person (window, "bo")), ==, "ana");

  window_free (window);
}

static void
test_org_follows_plan (void)
{
  CtoWindow *window = org_window_new ();
  g_autoptr(CtoPerson) extra = cto_person_new ("cy", "Cy", "Designer", 20, FALSE);
  g_autoptr(CtoPlan) other = plan_from_json (plan_json);
  GtkWidget *ana = node_of (window, "ana");
  GtkWidget *name;

  /* New people get a box; renamed ones say so; boxes survive edits. */
  cto_plan_insert_person (plan_of (window), G_MAXUINT, extra);
  spin ();
  g_assert_nonnull (node_of (window, "cy"));
  cto_plan_set_person_name (plan_of (window), person (window, "ana"), "Ana Pérez");
  spin ();
  g_assert_true (node_of (window, "ana") == ana);
  name = find_widget_by_name (ana, "name");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (name)), ==, "Ana Pérez");

  cto_plan_remove_person (plan_of (window), person (window, "cy"));
  spin ();
  g_assert_cmpuint (cto_org_layout_get_n_nodes (cto_org_chart_view_get_layout (org_chart_of (window))), ==, 3);

  /* Another plan, its own boxes. */
  _cto_window_set_plan (window, other, NULL);
  spin ();
  g_assert_true (cto_org_chart_view_get_analysis (org_chart_of (window)) == window->analysis);
  g_assert_true (cto_org_node_get_person (CTO_ORG_NODE (node_of (window, "ana"))) ==
                 cto_plan_find_person (other, "ana"));

  window_free (window);
}

static void
test_org_large_plan (void)
{
  g_autoptr(CtoPlan) plan = cto_plan_new ();
  CtoWindow *window;
  GtkWidget *scroller;

  /* A wide and deep company: everyone reports to the person five above. */
  for (guint i = 0; i < 1000; i++)
    {
      g_autofree char *id = g_strdup_printf ("p%u", i);
      g_autofree char *name = g_strdup_printf ("Person %u", i);
      g_autoptr(CtoPerson) added = cto_person_new (id, name, "Engineer", 40, i % 7 == 0);

      cto_plan_insert_person (plan, i, added);
      if (i > 0)
        {
          g_autofree char *manager = g_strdup_printf ("p%u", (i - 1) / 5);

          g_assert_true (cto_plan_set_reports_to (plan, added, cto_plan_find_person (plan, manager),
                                                  NULL));
        }
    }
  cto_history_clear (cto_plan_get_history (plan));

  window = window_new_with (plan);
  /* Nothing is made for the org chart until it shows. */
  g_assert_null (gtk_widget_get_first_child (GTK_WIDGET (org_chart_of (window))));

  /* How fast is for benchmarks to say; this checks what the chart does. */
  adw_view_stack_set_visible_child_name (view_stack_of (window), "org-chart");
  spin_until (org_chart_shown, window, 60);
  g_assert_cmpuint (cto_org_layout_get_n_nodes (cto_org_chart_view_get_layout (org_chart_of (window))), ==,
                    1000);

  /* Larger than the window: it scrolls. */
  scroller = widget_named (window, "org-chart-scroller");
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (org_chart_of (window))), >,
                   gtk_widget_get_width (scroller));

  g_assert_true (drop_person (node_of (window, "p0"), person (window, "p999")));
  g_assert_cmpstr (cto_person_get_reports_to (person (window, "p999")), ==, "p0");

  window_free (window);
}

int
main (int   argc,
      char *argv[])
{
  /* An accessibility context that records, so that the tests read what a
   * screen reader would be told. */
  display_test_init (&argc, &argv, "board", "test");

  g_test_add_func ("/board/present/pages-keys-edits", test_present_pages);
  g_test_add_func ("/board/present/other-plan", test_present_other_plan);
  g_test_add_func ("/board/present/number-off-page", test_present_number);
  g_test_add_func ("/board/print/export-pdf", test_print_to_pdf);
  g_test_add_func ("/board/export/formats", test_export_formats);
  g_test_add_func ("/board/export/failure-and-success", test_export_says_how);
  g_test_add_func ("/board/export/format-chosen", test_export_dialog);
  g_test_add_func ("/board/org/drop-on-person", test_org_drop_on_person);
  g_test_add_func ("/board/org/drop-on-empty-space", test_org_drop_on_empty_space);
  g_test_add_func ("/board/org/cycle-refused", test_org_drop_cycle_refused);
  g_test_add_func ("/board/org/menu", test_org_menu);
  g_test_add_func ("/board/org/from-person-card", test_org_from_person_card);
  g_test_add_func ("/board/org/follows-plan", test_org_follows_plan);
  g_test_add_func ("/board/org/large-plan", test_org_large_plan);

  return display_test_run ();
}
