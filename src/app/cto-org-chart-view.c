/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-org-chart-view"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "cto-org-chart-view.h"
#include "cto-org-node.h"

#define NODE_WIDTH   220.0
#define SIBLING_GAP  16.0
#define SUBTREE_GAP  32.0
#define LEVEL_GAP    48.0
#define MARGIN       24.0
#define LINE_WIDTH   2.0
#define SMALL_TEAM   12
/* How many times as wide as it is high a chart may be before a manager's
 * reports with none of their own go in a column under them. */
#define WIDEST       3.0

struct _CtoOrgChartView
{
  GtkWidget     parent_instance;

  CtoAnalysis  *analysis;
  CtoAnalysis  *as_of;      /* of the plan as of the day shown, or NULL */
  gulong        changed_id;
  gboolean      dirty;

  CtoOrgLayout *layout;
  GHashTable   *nodes;      /* CtoPerson* → CtoOrgNode*, the view's children */
  GPtrArray    *order;      /* CtoOrgNode* by node of the layout */
  double        box_height;
  guint         stacked;    /* how far the layout stacked leaves, kept between edits */
  double        offset_x;   /* where the layout's left edge is drawn, zoomed */
  double        zoom;       /* 1: boxes at their natural size */
  CtoPerson    *reveal;     /* whose box to scroll into view once placed */
  guint         reveal_id;  /* the tick that waits for it */
  gboolean      reveal_placed; /* laid out since it was asked for */
};

static void scroll_to_node (CtoOrgChartView *self,
                            GtkWidget       *node);

G_DEFINE_FINAL_TYPE (CtoOrgChartView, cto_org_chart_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ZOOM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
node_focused_cb (GtkWidget *node)
{
  scroll_to_node (CTO_ORG_CHART_VIEW (gtk_widget_get_parent (node)), node);
}

static void
append_children (CtoOrgChartView *self,
                 guint            node)
{
  gtk_widget_insert_before (g_ptr_array_index (self->order, node), GTK_WIDGET (self), NULL);

  for (guint i = 0; i < cto_org_layout_get_n_children (self->layout, node); i++)
    append_children (self, cto_org_layout_get_child (self->layout, node, i));
}

static void
remove_nodes (CtoOrgChartView *self)
{
  GtkWidget *child;

  g_hash_table_remove_all (self->nodes);
  g_ptr_array_set_size (self->order, 0);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
}

/* Makes a box for each person, reusing those there are, so that the focus
 * and an open menu survive an edit; and the box of the person of the same
 * id in another plan of the same people (the plan without someone, as of
 * a day), so that showing it makes no boxes anew. */
static void
rebuild (CtoOrgChartView *self)
{
  g_autoptr(GHashTable) old_nodes = NULL;
  g_autoptr(GHashTable) old_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  CtoPlan *plan;
  GListModel *people;
  guint n_people;
  GHashTableIter iter;
  gpointer key, value;

  self->dirty = FALSE;
  g_clear_object (&self->layout);
  self->layout = cto_org_layout_new ();
  cto_org_layout_set_spacing (self->layout, SIBLING_GAP, SUBTREE_GAP, LEVEL_GAP);

  if (self->analysis == NULL)
    {
      remove_nodes (self);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      return;
    }

  plan = cto_analysis_get_plan (self->analysis);
  people = cto_plan_get_people (plan);
  n_people = g_list_model_get_n_items (people);

  /* The old people, with their boxes, are kept until the end. */
  old_nodes = g_steal_pointer (&self->nodes);
  g_hash_table_iter_init (&iter, old_nodes);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (old_by_id, (gpointer) cto_person_get_id (key), value);
  self->nodes = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  self->box_height = 0;

  for (guint i = 0; i < n_people; i++)
    {
      g_autoptr(CtoPerson) person = g_list_model_get_item (people, i);
      GtkWidget *node = NULL;
      int natural;

      if (!g_hash_table_steal_extended (old_by_id, cto_person_get_id (person), NULL, (gpointer *) &node))
        {
          GtkEventController *focus = gtk_event_controller_focus_new ();

          node = cto_org_node_new ();
          gtk_widget_set_parent (node, GTK_WIDGET (self));
          /* Tab brings the box it reaches into view, zoomed or not. */
          g_signal_connect_swapped (focus, "enter", G_CALLBACK (node_focused_cb), node);
          gtk_widget_add_controller (node, focus);
        }

      cto_org_node_set_as_of (CTO_ORG_NODE (node), self->as_of);
      cto_org_node_set (CTO_ORG_NODE (node), self->analysis, person);
      g_hash_table_insert (self->nodes, g_object_ref (person), node);

      gtk_widget_measure (node, GTK_ORIENTATION_VERTICAL, (int) NODE_WIDTH, NULL, &natural, NULL, NULL);
      self->box_height = MAX (self->box_height, natural);
    }

  /* The boxes of people who left the plan. */
  g_hash_table_iter_init (&iter, old_by_id);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    gtk_widget_unparent (value);

  cto_org_layout_add_plan (self->layout, plan, NODE_WIDTH, self->box_height);
  /* Past a small team, a chart too wide to see whole puts reports who
   * have none of their own in a column under their manager. */
  if (n_people > SMALL_TEAM)
    self->stacked = cto_org_layout_stack_to_fit (self->layout, WIDEST, self->stacked);
  else
    self->stacked = 0;

  g_ptr_array_set_size (self->order, 0);
  for (guint i = 0; i < cto_org_layout_get_n_nodes (self->layout); i++)
    {
      GtkWidget *node = g_hash_table_lookup (self->nodes, cto_org_layout_get_data (self->layout, i));

      g_assert (node != NULL);
      g_ptr_array_add (self->order, node);
    }

  /* Children in the order of the tree, which is the order of Tab. */
  for (guint i = 0; i < cto_org_layout_get_n_roots (self->layout); i++)
    append_children (self, cto_org_layout_get_root (self->layout, i));

  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
ensure_built (CtoOrgChartView *self)
{
  if (self->dirty || self->layout == NULL)
    rebuild (self);
}

static void
analysis_changed_cb (CtoOrgChartView *self)
{
  self->dirty = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    rebuild (self);
}

static gboolean
drop_cb (GtkDropTarget   *target,
         const GValue    *value,
         double           x,
         double           y,
         CtoOrgChartView *self)
{
  CtoPerson *person;
  CtoPlan *plan;

  if (self->analysis == NULL || !G_VALUE_HOLDS (value, CTO_TYPE_PERSON))
    return FALSE;

  plan = cto_analysis_get_plan (self->analysis);
  person = g_value_get_object (value);
  if (person == NULL || cto_plan_find_person (plan, cto_person_get_id (person)) != person ||
      cto_person_get_reports_to (person) == NULL)
    return FALSE;

  /* On empty space: reports to no one. */
  gtk_widget_activate_action (GTK_WIDGET (self), "win.set-reports-to", "(ss)",
                              cto_person_get_id (person), "");

  return cto_person_get_reports_to (person) == NULL;
}

static void
cto_org_chart_view_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  CtoOrgChartView *self = CTO_ORG_CHART_VIEW (widget);
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  graphene_rect_t bounds;
  GdkRGBA color;
  cairo_t *cr;

  if (self->layout == NULL || cto_org_layout_get_n_nodes (self->layout) == 0)
    {
      GTK_WIDGET_CLASS (cto_org_chart_view_parent_class)->snapshot (widget, snapshot);
      return;
    }

  gtk_style_context_get_color (context, &color);
  color.alpha *= 0.35;

  graphene_rect_init (&bounds, 0, 0, gtk_widget_get_width (widget), gtk_widget_get_height (widget));
  cr = gtk_snapshot_append_cairo (snapshot, &bounds);
  cairo_translate (cr, self->offset_x, MARGIN * self->zoom);
  cairo_scale (cr, self->zoom, self->zoom);

  /* From each manager down, across, and down to each person below them;
   * stroked as one path, so that the joints are not darker. */
  for (guint node = 0; node < cto_org_layout_get_n_nodes (self->layout); node++)
    {
      guint n_children = cto_org_layout_get_n_children (self->layout, node);
      CtoOrgRect box, first, last;
      double bus_y, centre;

      if (n_children == 0)
        continue;

      cto_org_layout_get_box (self->layout, node, &box);
      cto_org_layout_get_box (self->layout, cto_org_layout_get_child (self->layout, node, 0), &first);
      cto_org_layout_get_box (self->layout,
                              cto_org_layout_get_child (self->layout, node, n_children - 1), &last);
      bus_y = first.y - LEVEL_GAP / 2;
      centre = box.x + box.width / 2;

      cairo_move_to (cr, centre, box.y + box.height);
      cairo_line_to (cr, centre, bus_y);
      cairo_move_to (cr, MIN (first.x + first.width / 2, centre), bus_y);
      cairo_line_to (cr, MAX (last.x + last.width / 2, centre), bus_y);

      for (guint i = 0; i < n_children; i++)
        {
          CtoOrgRect child;

          cto_org_layout_get_box (self->layout, cto_org_layout_get_child (self->layout, node, i), &child);
          cairo_move_to (cr, child.x + child.width / 2, bus_y);
          cairo_line_to (cr, child.x + child.width / 2, child.y);
        }
    }

  gdk_cairo_set_source_rgba (cr, &color);
  cairo_set_line_width (cr, LINE_WIDTH);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_SQUARE);
  cairo_stroke (cr);
  cairo_destroy (cr);

  GTK_WIDGET_CLASS (cto_org_chart_view_parent_class)->snapshot (widget, snapshot);
}

static void
cto_org_chart_view_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  CtoOrgChartView *self = CTO_ORG_CHART_VIEW (widget);
  double width = 0, height = 0;

  if (self->layout != NULL)
    cto_org_layout_get_size (self->layout, &width, &height);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = (int) ceil ((width + 2 * MARGIN) * self->zoom);
  else
    *minimum = *natural = (int) ceil ((height + 2 * MARGIN) * self->zoom);
}

static void
cto_org_chart_view_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  CtoOrgChartView *self = CTO_ORG_CHART_VIEW (widget);
  double layout_width = 0, layout_height = 0;

  if (self->layout == NULL)
    return;

  cto_org_layout_get_size (self->layout, &layout_width, &layout_height);
  /* Centred when there is room to spare. */
  self->offset_x = MAX (MARGIN * self->zoom, floor ((width - layout_width * self->zoom) / 2));

  /* Each box at its natural size, moved into place and scaled: text and
   * pointer alike follow the zoom. */
  for (guint node = 0; node < self->order->len; node++)
    {
      GtkWidget *child = g_ptr_array_index (self->order, node);
      GskTransform *transform = NULL;
      CtoOrgRect box;
      int minimum;

      cto_org_layout_get_box (self->layout, node, &box);
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
      transform = gsk_transform_translate (transform, &GRAPHENE_POINT_INIT (
        (float) round (self->offset_x + box.x * self->zoom),
        (float) round ((MARGIN + box.y) * self->zoom)));
      if (self->zoom != 1.0)
        transform = gsk_transform_scale (transform, (float) self->zoom, (float) self->zoom);
      gtk_widget_allocate (child, MAX ((int) box.width, minimum), (int) box.height, -1, transform);
    }
  self->reveal_placed = TRUE;
}

static void
cto_org_chart_view_map (GtkWidget *widget)
{
  CtoOrgChartView *self = CTO_ORG_CHART_VIEW (widget);

  if (self->dirty)
    rebuild (self);

  GTK_WIDGET_CLASS (cto_org_chart_view_parent_class)->map (widget);
}

static void
cto_org_chart_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CtoOrgChartView *self = CTO_ORG_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cto_org_chart_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  CtoOrgChartView *self = CTO_ORG_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      cto_org_chart_view_set_zoom (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cto_org_chart_view_dispose (GObject *object)
{
  CtoOrgChartView *self = (CtoOrgChartView *) object;

  g_clear_signal_handler (&self->changed_id, self->analysis);
  g_clear_object (&self->analysis);
  g_clear_object (&self->as_of);
  if (self->reveal_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->reveal_id);
  self->reveal_id = 0;
  g_clear_object (&self->reveal);
  if (self->nodes != NULL)
    remove_nodes (self);
  g_clear_object (&self->layout);

  G_OBJECT_CLASS (cto_org_chart_view_parent_class)->dispose (object);
}

static void
cto_org_chart_view_finalize (GObject *object)
{
  CtoOrgChartView *self = (CtoOrgChartView *) object;

  g_clear_pointer (&self->nodes, g_hash_table_unref);
  g_clear_pointer (&self->order, g_ptr_array_unref);

  G_OBJECT_CLASS (cto_org_chart_view_parent_class)->finalize (object);
}

static void
cto_org_chart_view_class_init (CtoOrgChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cto_org_chart_view_dispose;
  object_class->finalize = cto_org_chart_view_finalize;
  object_class->get_property = cto_org_chart_view_get_property;
  object_class->set_property = cto_org_chart_view_set_property;
  widget_class->snapshot = cto_org_chart_view_snapshot;
  widget_class->measure = cto_org_chart_view_measure;
  widget_class->size_allocate = cto_org_chart_view_size_allocate;
  widget_class->map = cto_org_chart_view_map;

  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL,
                         CTO_ORG_CHART_MIN_ZOOM, CTO_ORG_CHART_MAX_ZOOM, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "orgchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
cto_org_chart_view_init (CtoOrgChartView *self)
{
  GtkDropTarget *target;

  self->nodes = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  self->order = g_ptr_array_new ();
  self->zoom = 1.0;

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Org chart"),
                                  -1);

  target = gtk_drop_target_new (CTO_TYPE_PERSON, GDK_ACTION_MOVE);
  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

GtkWidget *
cto_org_chart_view_new (void)
{
  return g_object_new (CTO_TYPE_ORG_CHART_VIEW, NULL);
}

void
cto_org_chart_view_set_analysis (CtoOrgChartView *self,
                                 CtoAnalysis     *analysis)
{
  g_return_if_fail (CTO_IS_ORG_CHART_VIEW (self));
  g_return_if_fail (analysis == NULL || CTO_IS_ANALYSIS (analysis));

  if (self->analysis == analysis)
    return;

  g_clear_signal_handler (&self->changed_id, self->analysis);
  /* Another plan, whose chart is as wide as it is. In sight, its boxes are
   * those of the same ids (rebuild ()); out of sight, the boxes go now,
   * rather than keep the plan they show. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    remove_nodes (self);
  self->stacked = 0;
  g_set_object (&self->analysis, analysis);
  if (analysis != NULL)
    self->changed_id = g_signal_connect_swapped (analysis, "changed",
                                                 G_CALLBACK (analysis_changed_cb), self);

  analysis_changed_cb (self);
}

CtoAnalysis *
cto_org_chart_view_get_analysis (CtoOrgChartView *self)
{
  g_return_val_if_fail (CTO_IS_ORG_CHART_VIEW (self), NULL);

  return self->analysis;
}

GtkWidget *
cto_org_chart_view_get_node (CtoOrgChartView *self,
                             CtoPerson       *person)
{
  g_return_val_if_fail (CTO_IS_ORG_CHART_VIEW (self), NULL);
  g_return_val_if_fail (CTO_IS_PERSON (person), NULL);

  ensure_built (self);

  return g_hash_table_lookup (self->nodes, person);
}

CtoOrgLayout *
cto_org_chart_view_get_layout (CtoOrgChartView *self)
{
  g_return_val_if_fail (CTO_IS_ORG_CHART_VIEW (self), NULL);

  ensure_built (self);

  return self->layout;
}

static void
scroll_to_node (CtoOrgChartView *self,
                GtkWidget       *node)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_SCROLLED_WINDOW);
  graphene_rect_t bounds;
  GtkAdjustment *h, *v;

  if (scroller == NULL || !gtk_widget_compute_bounds (node, GTK_WIDGET (self), &bounds))
    return;

  h = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (scroller));
  v = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  gtk_adjustment_clamp_page (h, bounds.origin.x, bounds.origin.x + bounds.size.width);
  gtk_adjustment_clamp_page (v, bounds.origin.y, bounds.origin.y + bounds.size.height);
}

/* Whether the box shows in the scrolled window, scrolled as it is now. */
static gboolean
node_in_view (GtkWidget *node)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (node, GTK_TYPE_SCROLLED_WINDOW);
  graphene_rect_t bounds;

  if (scroller == NULL || !gtk_widget_compute_bounds (node, scroller, &bounds))
    return TRUE;

  return bounds.origin.x + bounds.size.width > 0 && bounds.origin.y + bounds.size.height > 0 &&
         bounds.origin.x < gtk_widget_get_width (scroller) &&
         bounds.origin.y < gtk_widget_get_height (scroller);
}

static gboolean
popup_timeout_cb (gpointer user_data)
{
  CtoOrgNode *node = user_data;
  CtoOrgChartView *self = CTO_ORG_CHART_VIEW (gtk_widget_get_parent (GTK_WIDGET (node)));
  guint tries = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (node), "cto-popup-tries"));

  if (self == NULL || !gtk_widget_get_mapped (GTK_WIDGET (node)))
    return G_SOURCE_REMOVE;

  /* A menu placed off screen has no monitor to fit in: wait for the box's
   * place, after an edit that moved it, and for the scroll there. */
  if ((self->reveal_id != 0 || !node_in_view (GTK_WIDGET (node))) && tries < 60)
    {
      g_object_set_data (G_OBJECT (node), "cto-popup-tries", GUINT_TO_POINTER (tries + 1));
      return G_SOURCE_CONTINUE;
    }

  g_object_set_data (G_OBJECT (node), "cto-popup-tries", NULL);
  cto_org_node_popup (node);
  return G_SOURCE_REMOVE;
}

void
cto_org_chart_view_popup (CtoOrgChartView *self,
                          CtoPerson       *person)
{
  GtkWidget *node;

  g_return_if_fail (CTO_IS_ORG_CHART_VIEW (self));
  g_return_if_fail (CTO_IS_PERSON (person));

  node = cto_org_chart_view_get_node (self, person);
  if (node == NULL)
    return;

  /* The box in view first, so that the menu opens next to it, on screen;
   * the menu opens once the box has its place. */
  gtk_widget_grab_focus (node);
  cto_org_chart_view_reveal (self, person);
  g_timeout_add_full (G_PRIORITY_DEFAULT_IDLE, 16, popup_timeout_cb, g_object_ref (node), g_object_unref);
}

void
cto_org_chart_view_set_as_of (CtoOrgChartView *self,
                              CtoAnalysis     *as_of)
{
  GHashTableIter iter;
  gpointer node;

  g_return_if_fail (CTO_IS_ORG_CHART_VIEW (self));
  g_return_if_fail (as_of == NULL || CTO_IS_ANALYSIS (as_of));

  if (!g_set_object (&self->as_of, as_of) || self->nodes == NULL)
    return;

  /* Made again from the day's plan after each edit: a chart out of view
   * (on the board's page) shows it once it comes into view, as it does the
   * edit itself (analysis_changed_cb()). */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->dirty = TRUE;
      return;
    }

  /* The boxes keep their places: the chart is the whole plan's, whoever is
   * there on the day. */
  g_hash_table_iter_init (&iter, self->nodes);
  while (g_hash_table_iter_next (&iter, NULL, &node))
    cto_org_node_set_as_of (node, as_of);
}

/* The box in its new place, in the frame after the layout that put it there. */
static gboolean
reveal_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  CtoOrgChartView *self = CTO_ORG_CHART_VIEW (widget);
  GtkWidget *node;

  if (self->dirty || !self->reveal_placed)
    return G_SOURCE_CONTINUE;

  node = self->reveal != NULL ? cto_org_chart_view_get_node (self, self->reveal) : NULL;
  if (node != NULL)
    scroll_to_node (self, node);
  g_clear_object (&self->reveal);
  self->reveal_id = 0;

  return G_SOURCE_REMOVE;
}

void
cto_org_chart_view_reveal (CtoOrgChartView *self,
                           CtoPerson       *person)
{
  g_return_if_fail (CTO_IS_ORG_CHART_VIEW (self));
  g_return_if_fail (CTO_IS_PERSON (person));

  g_set_object (&self->reveal, person);
  /* Placed again before it counts: where it is now may be where it was. */
  self->reveal_placed = FALSE;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  if (self->reveal_id == 0)
    self->reveal_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), reveal_tick_cb, NULL, NULL);
}

void
cto_org_chart_view_set_zoom (CtoOrgChartView *self,
                             double           zoom)
{
  g_return_if_fail (CTO_IS_ORG_CHART_VIEW (self));

  zoom = CLAMP (zoom, CTO_ORG_CHART_MIN_ZOOM, CTO_ORG_CHART_MAX_ZOOM);
  if (self->zoom == zoom)
    return;

  self->zoom = zoom;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

double
cto_org_chart_view_get_zoom (CtoOrgChartView *self)
{
  g_return_val_if_fail (CTO_IS_ORG_CHART_VIEW (self), 1.0);

  return self->zoom;
}

double
cto_org_chart_view_get_fit_zoom (CtoOrgChartView *self,
                                 int              width,
                                 int              height)
{
  double layout_width = 0, layout_height = 0;
  double zoom;

  g_return_val_if_fail (CTO_IS_ORG_CHART_VIEW (self), 1.0);

  ensure_built (self);
  cto_org_layout_get_size (self->layout, &layout_width, &layout_height);
  if (width <= 0 || height <= 0)
    return self->zoom;

  /* Rounded down a little, so that the pixels rounded up still fit. */
  zoom = MIN ((width - 2) / (layout_width + 2 * MARGIN), (height - 2) / (layout_height + 2 * MARGIN));
  return CLAMP (zoom, CTO_ORG_CHART_MIN_ZOOM, 1.0);
}

gboolean
cto_org_chart_view_get_root_centre (CtoOrgChartView *self,
                                    double          *x,
                                    double          *y)
{
  CtoOrgRect box;

  g_return_val_if_fail (CTO_IS_ORG_CHART_VIEW (self), FALSE);

  ensure_built (self);
  if (cto_org_layout_get_n_roots (self->layout) == 0)
    return FALSE;

  cto_org_layout_get_box (self->layout, cto_org_layout_get_root (self->layout, 0), &box);
  *x = self->offset_x + (box.x + box.width / 2) * self->zoom;
  *y = (MARGIN + box.y + box.height / 2) * self->zoom;
  return TRUE;
}
