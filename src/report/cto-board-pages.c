/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-board-pages"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "cto-board-pages.h"
#include "cto-board-pages-private.h"
#include "cto-board-page-kind-private.h"
#include "cto-report-private.h"

/* The kinds of page, in the order of their pages (and of CtoBoardPageKind). */
static const CtoBoardPageKindInfo *const kinds[] = {
  &_cto_board_page_title,
  &_cto_board_page_since,
  &_cto_board_page_coverage,
  &_cto_board_page_people,
  &_cto_board_page_matrix,
  &_cto_board_page_org_chart,
  &_cto_board_page_gaps,
  &_cto_board_page_key_person,
  &_cto_board_page_hiring,
};

#define N_KINDS G_N_ELEMENTS (kinds)

struct _CtoBoardPages
{
  GObject        parent_instance;

  CtoAnalysis   *analysis;
  GDateTime     *date;
  gboolean       date_set;
  CtoPlan       *baseline;
  PangoContext  *pango;

  /* The pagination for one page size, in design points. */
  gboolean       valid;
  double         width;
  double         height;
  GArray        *pages;            /* CtoBoardPage */
  gpointer       states[N_KINDS];  /* each kind's, from its paginate() */
};

G_DEFINE_FINAL_TYPE (CtoBoardPages, cto_board_pages, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ANALYSIS,
  PROP_DATE,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
page_clear (CtoBoardPage *page)
{
  g_clear_pointer (&page->detail, g_free);
}

static void
invalidate (CtoBoardPages *self)
{
  self->valid = FALSE;
  if (self->pages != NULL)
    g_array_set_size (self->pages, 0);
  for (guint k = 0; k < N_KINDS; k++)
    {
      if (self->states[k] != NULL && kinds[k]->free_state != NULL)
        kinds[k]->free_state (self->states[k]);
      self->states[k] = NULL;
    }
}

CtoBoardPage *
_cto_board_pagination_add_page (CtoBoardPagination *pagination,
                                gsize               detail_size)
{
  CtoBoardPage page = { 0 };

  page.kind = pagination->kind;
  page.detail = detail_size > 0 ? g_malloc0 (detail_size) : NULL;
  g_array_append_val (pagination->pages, page);

  return &g_array_index (pagination->pages, CtoBoardPage, pagination->pages->len - 1);
}

static void
ensure_pages (CtoBoardPages       *self,
              const CtoBoardFrame *frame)
{
  guint count[N_KINDS] = { 0 };
  guint nth[N_KINDS] = { 0 };
  CtoBoardPagination pagination = { 0 };

  if (self->valid && self->width == frame->width && self->height == frame->height)
    return;

  invalidate (self);
  self->width = frame->width;
  self->height = frame->height;

  pagination.analysis = self->analysis;
  pagination.date = self->date;
  pagination.baseline = self->baseline;
  pagination.pango = self->pango;
  pagination.frame = *frame;
  pagination.pages = self->pages;
  for (guint k = 0; k < N_KINDS; k++)
    {
      g_assert (kinds[k]->kind == k);
      pagination.kind = kinds[k]->kind;
      self->states[k] = kinds[k]->paginate (&pagination);
    }

  for (guint i = 0; i < self->pages->len; i++)
    count[g_array_index (self->pages, CtoBoardPage, i).kind]++;
  for (guint i = 0; i < self->pages->len; i++)
    {
      CtoBoardPage *page = &g_array_index (self->pages, CtoBoardPage, i);

      page->nth = nth[page->kind]++;
      page->count = count[page->kind];
    }

  self->valid = TRUE;
}

static char *
page_title (CtoBoardPages      *self,
            const CtoBoardPage *page)
{
  const char *heading = kinds[page->kind]->heading (self->analysis);

  if (page->count > 1)
    /* Translators: a page heading and which of its pages this is, "People and load (2 of 3)" */
    return g_strdup_printf (_("%s (%u of %u)"), heading, page->nth + 1, page->count);

  return g_strdup (heading);
}

/* The object --------------------------------------------------------------- */

/* The object --------------------------------------------------------------- */

static void
analysis_changed_cb (CtoBoardPages *self)
{
  invalidate (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static gboolean
valid_size (double width,
            double height)
{
  return isfinite (width) && isfinite (height) && width >= 1 && height >= 1;
}

static void
cto_board_pages_dispose (GObject *object)
{
  CtoBoardPages *self = (CtoBoardPages *) object;

  if (self->analysis != NULL)
    g_signal_handlers_disconnect_by_data (self->analysis, self);
  invalidate (self);
  g_clear_object (&self->analysis);
  g_clear_object (&self->baseline);

  G_OBJECT_CLASS (cto_board_pages_parent_class)->dispose (object);
}

static void
cto_board_pages_finalize (GObject *object)
{
  CtoBoardPages *self = (CtoBoardPages *) object;

  g_clear_pointer (&self->date, g_date_time_unref);
  g_clear_object (&self->pango);
  g_clear_pointer (&self->pages, g_array_unref);

  G_OBJECT_CLASS (cto_board_pages_parent_class)->finalize (object);
}

static void
cto_board_pages_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CtoBoardPages *self = CTO_BOARD_PAGES (object);

  switch (prop_id)
    {
    case PROP_ANALYSIS:
      g_value_set_object (value, self->analysis);
      break;
    case PROP_DATE:
      g_value_set_boxed (value, self->date);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cto_board_pages_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  CtoBoardPages *self = CTO_BOARD_PAGES (object);

  switch (prop_id)
    {
    case PROP_ANALYSIS:
      self->analysis = g_value_dup_object (value);
      if (self->analysis != NULL)
        g_signal_connect_swapped (self->analysis, "changed", G_CALLBACK (analysis_changed_cb), self);
      break;
    case PROP_DATE:
      cto_board_pages_set_date (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cto_board_pages_class_init (CtoBoardPagesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cto_board_pages_dispose;
  object_class->finalize = cto_board_pages_finalize;
  object_class->get_property = cto_board_pages_get_property;
  object_class->set_property = cto_board_pages_set_property;

  properties[PROP_ANALYSIS] =
    g_param_spec_object ("analysis", NULL, NULL,
                         CTO_TYPE_ANALYSIS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_DATE] =
    g_param_spec_boxed ("date", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CtoBoardPages::changed:
   *
   * The pages must be drawn again; their number may have changed.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
cto_board_pages_init (CtoBoardPages *self)
{
  cairo_font_options_t *options = cairo_font_options_create ();

  self->date = _cto_report_default_date ();
  self->pages = g_array_new (FALSE, TRUE, sizeof (CtoBoardPage));
  g_array_set_clear_func (self->pages, (GDestroyNotify) page_clear);

  /* Text measured and drawn the same on screen, on paper and in files:
   * sizes in points, no hinting to bend the metrics to a screen's pixels. */
  self->pango = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  pango_cairo_context_set_resolution (self->pango, 72);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (self->pango, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (self->pango, FALSE);
}

/**
 * cto_board_pages_new:
 * @analysis: the analysis of the plan to show
 *
 * Returns: (transfer full): the board pages of @analysis's plan, dated today.
 */
CtoBoardPages *
cto_board_pages_new (CtoAnalysis *analysis)
{
  g_return_val_if_fail (CTO_IS_ANALYSIS (analysis), NULL);

  return g_object_new (CTO_TYPE_BOARD_PAGES, "analysis", analysis, NULL);
}

CtoAnalysis *
cto_board_pages_get_analysis (CtoBoardPages *self)
{
  g_return_val_if_fail (CTO_IS_BOARD_PAGES (self), NULL);

  return self->analysis;
}

/**
 * cto_board_pages_get_date:
 *
 * Returns: (transfer none): the date on the pages
 */
GDateTime *
cto_board_pages_get_date (CtoBoardPages *self)
{
  g_return_val_if_fail (CTO_IS_BOARD_PAGES (self), NULL);

  return self->date;
}

/**
 * cto_board_pages_set_date:
 * @date: (nullable): the date to show, or %NULL for today
 */
void
cto_board_pages_set_date (CtoBoardPages *self,
                          GDateTime     *date)
{
  g_return_if_fail (CTO_IS_BOARD_PAGES (self));

  if (date == NULL && !self->date_set)
    return;
  if (date != NULL && self->date_set && g_date_time_equal (date, self->date))
    return;

  g_clear_pointer (&self->date, g_date_time_unref);
  self->date = date != NULL ? g_date_time_ref (date) : _cto_report_default_date ();
  self->date_set = date != NULL;
  /* The hiring plan starts with the date's quarter. */
  invalidate (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * cto_board_pages_get_baseline:
 *
 * Returns: (transfer none) (nullable): the plan compared with
 */
CtoPlan *
cto_board_pages_get_baseline (CtoBoardPages *self)
{
  g_return_val_if_fail (CTO_IS_BOARD_PAGES (self), NULL);

  return self->baseline;
}

/**
 * cto_board_pages_set_baseline:
 * @baseline_or_null: (nullable): the plan to compare with, or %NULL for none
 *
 * With a baseline, a "Since the last plan" page follows the title page: what
 * was added, removed and changed from @baseline_or_null to the pages' plan,
 * and each function before and after. It follows edits of the pages' plan;
 * @baseline_or_null itself is not to be changed while it is set.
 */
void
cto_board_pages_set_baseline (CtoBoardPages *self,
                              CtoPlan       *baseline_or_null)
{
  g_return_if_fail (CTO_IS_BOARD_PAGES (self));
  g_return_if_fail (baseline_or_null == NULL || CTO_IS_PLAN (baseline_or_null));

  if (self->baseline == baseline_or_null)
    return;

  g_set_object (&self->baseline, baseline_or_null);
  invalidate (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * cto_board_pages_get_n_pages:
 * @width: the page's width, in any unit
 * @height: the page's height, in the same unit
 *
 * Returns: how many pages there are at this size; at least six when the
 * size is one (≥ 1 × 1), more with a baseline or dates
 */
guint
cto_board_pages_get_n_pages (CtoBoardPages *self,
                             double         width,
                             double         height)
{
  CtoBoardFrame frame;

  g_return_val_if_fail (CTO_IS_BOARD_PAGES (self), 0);

  if (!valid_size (width, height))
    return 0;

  _cto_board_frame_init (&frame, width, height);
  ensure_pages (self, &frame);

  return self->pages->len;
}

static const CtoBoardPage *
get_page (CtoBoardPages *self,
          CtoBoardFrame *frame,
          double         width,
          double         height,
          guint          page)
{
  if (!valid_size (width, height))
    return NULL;

  _cto_board_frame_init (frame, width, height);
  ensure_pages (self, frame);
  if (page >= self->pages->len)
    return NULL;

  return &g_array_index (self->pages, CtoBoardPage, page);
}

/* Draws page @page at @width × @height, its text also into @text when set. */
static gboolean
draw_page (CtoBoardPages     *self,
           cairo_t           *cr,
           double             width,
           double             height,
           guint              page,
           CtoBoardDrawFlags  flags,
           GString           *text)
{
  CtoBoardPainter painter = { 0 };
  g_autofree char *title = NULL;

  painter.page = get_page (self, &painter.frame, width, height, page);
  if (painter.page == NULL)
    return FALSE;

  title = page_title (self, painter.page);
  painter.pango = self->pango;
  painter.cr = cr;
  painter.analysis = self->analysis;
  painter.date = self->date;
  painter.state = self->states[painter.page->kind];
  painter.number = page;
  painter.n_pages = self->pages->len;
  painter.alone = (flags & CTO_BOARD_DRAW_ALONE) != 0;
  painter.title = title;
  painter.text = text;

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  _cto_board_set_color (cr, CTO_BOARD_COLOR_WHITE);
  cairo_fill (cr);
  cairo_scale (cr, painter.frame.scale, painter.frame.scale);
  pango_cairo_update_context (cr, self->pango);
  kinds[painter.page->kind]->draw (&painter);
  cairo_restore (cr);

  return TRUE;
}

/**
 * cto_board_pages_draw_page:
 * @cr: where to draw
 * @width: the page's width in @cr's user units
 * @height: the page's height
 * @page: which page, from 0 to cto_board_pages_get_n_pages() − 1
 *
 * Draws the page, its white background included, into (0, 0, @width, @height).
 */
void
cto_board_pages_draw_page (CtoBoardPages *self,
                           cairo_t       *cr,
                           double         width,
                           double         height,
                           guint          page)
{
  cto_board_pages_draw_page_full (self, cr, width, height, page, CTO_BOARD_DRAW_NONE);
}

/**
 * cto_board_pages_draw_page_full:
 * @flags: how the page is shown
 *
 * As cto_board_pages_draw_page(); with %CTO_BOARD_DRAW_ALONE, for a page on
 * its own, its foot gives no "Page 3 of 9".
 */
void
cto_board_pages_draw_page_full (CtoBoardPages     *self,
                                cairo_t           *cr,
                                double             width,
                                double             height,
                                guint              page,
                                CtoBoardDrawFlags  flags)
{
  cto_board_pages_draw_page_text (self, cr, width, height, page, flags, NULL);
}

void
cto_board_pages_draw_page_text (CtoBoardPages     *self,
                                cairo_t           *cr,
                                double             width,
                                double             height,
                                guint              page,
                                CtoBoardDrawFlags  flags,
                                GString           *text)
{
  g_return_if_fail (CTO_IS_BOARD_PAGES (self));
  g_return_if_fail (cr != NULL);

  if (!draw_page (self, cr, width, height, page, flags, text))
    g_critical ("%s: no page %u at %g × %g", G_STRFUNC, page, width, height);
}

/**
 * cto_board_pages_get_page_text:
 * @width: the page's width, in any unit
 * @height: the page's height, in the same unit
 * @page: which page
 *
 * All the text drawn on @page, in the order it is drawn, one line for each
 * string drawn (plan text on one line, as the page shows it): for slide
 * notes, and for reading the pages without drawing them. A character that
 * no font here has is drawn as U+FFFD but kept here, for the reader's
 * fonts; controls and noncharacters are U+FFFD in both.
 *
 * Returns: (transfer full) (nullable): the text, each line ending in a line
 * break; %NULL past the last page
 */
char *
cto_board_pages_get_page_text (CtoBoardPages *self,
                               double         width,
                               double         height,
                               guint          page)
{
  g_autoptr(GString) text = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  gboolean drawn;

  g_return_val_if_fail (CTO_IS_BOARD_PAGES (self), NULL);

  if (!valid_size (width, height) || page >= cto_board_pages_get_n_pages (self, width, height))
    return NULL;

  /* Drawn for real, so that the text is what the page shows; recorded,
   * never rasterised. */
  text = g_string_new (NULL);
  surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR, NULL);
  cr = cairo_create (surface);
  drawn = draw_page (self, cr, width, height, page, CTO_BOARD_DRAW_NONE, text);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  return drawn ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

/**
 * cto_board_pages_get_page_title:
 *
 * Returns: (transfer full) (nullable): the heading of @page, with which of
 * its kind's pages it is when there are several; %NULL past the last page
 */
char *
cto_board_pages_get_page_title (CtoBoardPages *self,
                                double         width,
                                double         height,
                                guint          page)
{
  CtoBoardFrame frame;
  const CtoBoardPage *p;

  g_return_val_if_fail (CTO_IS_BOARD_PAGES (self), NULL);

  p = get_page (self, &frame, width, height, page);
  if (p == NULL)
    return NULL;

  return page_title (self, p);
}

CtoBoardPageKind
cto_board_pages_get_page_kind (CtoBoardPages *self,
                               double         width,
                               double         height,
                               guint          page)
{
  CtoBoardFrame frame;
  const CtoBoardPage *p;

  g_return_val_if_fail (CTO_IS_BOARD_PAGES (self), CTO_BOARD_PAGE_TITLE);

  p = get_page (self, &frame, width, height, page);
  if (p == NULL)
    {
      g_critical ("%s: no page %u at %g × %g", G_STRFUNC, page, width, height);
      return CTO_BOARD_PAGE_TITLE;
    }

  return p->kind;
}

guint
cto_board_pages_find_page (CtoBoardPages    *self,
                           double            width,
                           double            height,
                           CtoBoardPageKind  kind)
{
  CtoBoardFrame frame;

  g_return_val_if_fail (CTO_IS_BOARD_PAGES (self), 0);
  g_return_val_if_fail ((guint) kind < N_KINDS, 0);

  if (!valid_size (width, height))
    return 0;

  _cto_board_frame_init (&frame, width, height);
  ensure_pages (self, &frame);
  for (guint i = 0; i < self->pages->len; i++)
    if (g_array_index (self->pages, CtoBoardPage, i).kind >= kind)
      return i;

  return self->pages->len > 0 ? self->pages->len - 1 : 0;
}

/**
 * _cto_board_pages_get_org_boxes:
 * @width: the page's width, in any unit
 * @height: the page's height, in the same unit
 * @page: which page
 *
 * Returns: (transfer full) (element-type CtoBoardOrgBox): the org chart's
 * boxes on @page, in @width × @height units
 */
GArray *
_cto_board_pages_get_org_boxes (CtoBoardPages *self,
                                double         width,
                                double         height,
                                guint          page)
{
  CtoBoardFrame frame;
  const CtoBoardPage *p;

  g_return_val_if_fail (CTO_IS_BOARD_PAGES (self), g_array_new (FALSE, TRUE, sizeof (CtoBoardOrgBox)));

  p = get_page (self, &frame, width, height, page);
  if (p == NULL || p->kind != CTO_BOARD_PAGE_ORG_CHART)
    return g_array_new (FALSE, TRUE, sizeof (CtoBoardOrgBox));

  return _cto_board_org_chart_get_boxes (self->states[CTO_BOARD_PAGE_ORG_CHART], &frame, p);
}

/**
 * _cto_board_pages_get_matrix_page:
 * @rows: (out) (transfer container) (element-type CtoResponsibility): the rows
 * @columns: (out) (transfer container) (element-type CtoPerson): the columns
 *
 * Returns: whether @page is a page of the matrix
 */
gboolean
_cto_board_pages_get_matrix_page (CtoBoardPages  *self,
                                  double          width,
                                  double          height,
                                  guint           page,
                                  GPtrArray     **rows,
                                  GPtrArray     **columns)
{
  CtoBoardFrame frame;
  const CtoBoardPage *p;

  g_return_val_if_fail (CTO_IS_BOARD_PAGES (self), FALSE);
  g_return_val_if_fail (rows != NULL && columns != NULL, FALSE);

  *rows = *columns = NULL;
  p = get_page (self, &frame, width, height, page);
  if (p == NULL || p->kind != CTO_BOARD_PAGE_MATRIX)
    return FALSE;

  _cto_board_matrix_get_page (self->states[CTO_BOARD_PAGE_MATRIX], self->analysis, p, rows, columns);

  return TRUE;
}
