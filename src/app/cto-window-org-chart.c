/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-window"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "cto-date.h"
#include "cto-report-format.h"
#include "cto-tooltip.h"
#include "cto-window-private.h"

/* Finding one's way on a large org chart: zoom (buttons, Ctrl+plus,
 * Ctrl+minus, Ctrl+0, Ctrl+scroll), Fit, and opening at the top of the
 * tree rather than wherever the scrollbars were. */

#define ZOOM_STEP     1.25
#define READABLE_FIT  0.6   /* below this, a chart opens at 100 % rather than fitted */
#define MAX_WAIT      60    /* frames to wait for the chart's new size */

/* The view stack's name for the chart's page, as the template has it. */
#define ORG_CHART_PAGE "org-chart"

typedef enum
{
  PLACE_NONE,
  PLACE_ROOT,    /* the top of the tree, its first root centred */
  PLACE_POINT,   /* the point of the chart that was under the anchor stays there */
} Placing;

static GtkAdjustment *
hadjustment (CtoWindow *self)
{
  return gtk_scrolled_window_get_hadjustment (self->org_chart_scroller);
}

static GtkAdjustment *
vadjustment (CtoWindow *self)
{
  return gtk_scrolled_window_get_vadjustment (self->org_chart_scroller);
}

/* Whether the scrollbars know the chart's size at its current zoom. */
static gboolean
laid_out (CtoWindow *self)
{
  GtkWidget *chart = GTK_WIDGET (self->org_chart);
  int width, height;

  gtk_widget_measure (chart, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &width, NULL, NULL);
  gtk_widget_measure (chart, GTK_ORIENTATION_VERTICAL, -1, NULL, &height, NULL, NULL);

  return gtk_widget_get_width (chart) > 0 &&
         fabs (gtk_adjustment_get_upper (hadjustment (self)) -
               MAX (width, gtk_adjustment_get_page_size (hadjustment (self)))) < 1 &&
         fabs (gtk_adjustment_get_upper (vadjustment (self)) -
               MAX (height, gtk_adjustment_get_page_size (vadjustment (self)))) < 1;
}

static void
update_zoom_label (CtoWindow *self)
{
  double zoom = cto_org_chart_view_get_zoom (self->org_chart);
  /* A percentage as every other in the window: "80%". */
  g_autofree char *text = cto_report_format_percent (zoom);

  gtk_button_set_label (self->zoom_reset_button, text);
  gtk_widget_set_sensitive (GTK_WIDGET (self->zoom_out_button), zoom > CTO_ORG_CHART_MIN_ZOOM);
  gtk_widget_set_sensitive (GTK_WIDGET (self->zoom_in_button), zoom < CTO_ORG_CHART_MAX_ZOOM);
}

static gboolean
place_tick_cb (GtkWidget     *widget,
               GdkFrameClock *clock,
               gpointer       user_data)
{
  CtoWindow *self = CTO_WINDOW (user_data);
  GtkAdjustment *h = hadjustment (self);
  GtkAdjustment *v = vadjustment (self);
  double x, y;

  if (!laid_out (self) && ++self->zoom_wait < MAX_WAIT)
    return G_SOURCE_CONTINUE;

  switch ((Placing) self->zoom_placing)
    {
    case PLACE_ROOT:
      if (cto_org_chart_view_get_root_centre (self->org_chart, &x, &y))
        gtk_adjustment_set_value (h, x - gtk_adjustment_get_page_size (h) / 2);
      gtk_adjustment_set_value (v, 0);
      break;
    case PLACE_POINT:
      gtk_adjustment_set_value (h, self->zoom_point_x * cto_org_chart_view_get_zoom (self->org_chart) -
                                   self->zoom_anchor_x);
      gtk_adjustment_set_value (v, self->zoom_point_y * cto_org_chart_view_get_zoom (self->org_chart) -
                                   self->zoom_anchor_y);
      break;
    case PLACE_NONE:
    default:
      break;
    }

  self->zoom_placing = PLACE_NONE;
  self->zoom_tick_id = 0;
  return G_SOURCE_REMOVE;
}

static void
place_later (CtoWindow *self,
             Placing    placing)
{
  self->zoom_placing = placing;
  self->zoom_wait = 0;
  if (self->zoom_tick_id == 0)
    self->zoom_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->org_chart_scroller),
                                                       place_tick_cb, self, NULL);
}

/* Zooms so that the point of the chart under (@anchor_x, @anchor_y) of the
 * scrolled window stays there. */
static void
zoom_at (CtoWindow *self,
         double     zoom,
         double     anchor_x,
         double     anchor_y)
{
  double old_zoom = cto_org_chart_view_get_zoom (self->org_chart);

  /* Where the anchor is on the chart at a zoom of 1; kept while zooming
   * again before the chart was laid out. */
  if (self->zoom_placing != PLACE_POINT)
    {
      self->zoom_point_x = (gtk_adjustment_get_value (hadjustment (self)) + anchor_x) / old_zoom;
      self->zoom_point_y = (gtk_adjustment_get_value (vadjustment (self)) + anchor_y) / old_zoom;
      self->zoom_anchor_x = anchor_x;
      self->zoom_anchor_y = anchor_y;
    }
  cto_org_chart_view_set_zoom (self->org_chart, zoom);
  place_later (self, PLACE_POINT);
}

/* Whether the whole chart is in view, as after Fit. */
static gboolean
all_in_view (CtoWindow *self)
{
  GtkAdjustment *h = hadjustment (self);
  GtkAdjustment *v = vadjustment (self);

  return self->zoom_placing == PLACE_NONE && laid_out (self) &&
         gtk_adjustment_get_upper (h) <= gtk_adjustment_get_page_size (h) + 1 &&
         gtk_adjustment_get_upper (v) <= gtk_adjustment_get_page_size (v) + 1;
}

/* Zooms about the middle of the view. From the whole chart in view (as
 * after Fit), whose middle is nobody in particular, the chart's top stays
 * at the top with its head in the middle, as when it opens. */
static void
zoom_by (CtoWindow *self,
         double     factor)
{
  GtkWidget *scroller = GTK_WIDGET (self->org_chart_scroller);
  double zoom = cto_org_chart_view_get_zoom (self->org_chart) * factor;

  /* Also when zooming again before the chart was placed at its top. */
  if (all_in_view (self) || self->zoom_placing == PLACE_ROOT)
    {
      cto_org_chart_view_set_zoom (self->org_chart, zoom);
      place_later (self, PLACE_ROOT);
    }
  else
    {
      zoom_at (self, zoom, gtk_widget_get_width (scroller) / 2.0, gtk_widget_get_height (scroller) / 2.0);
    }
}

static void
zoom_in_cb (CtoWindow *self)
{
  zoom_by (self, ZOOM_STEP);
}

static void
zoom_out_cb (CtoWindow *self)
{
  zoom_by (self, 1 / ZOOM_STEP);
}

static void
zoom_reset_cb (CtoWindow *self)
{
  zoom_by (self, 1 / cto_org_chart_view_get_zoom (self->org_chart));
}

static double
fit_zoom (CtoWindow *self)
{
  GtkWidget *scroller = GTK_WIDGET (self->org_chart_scroller);

  return cto_org_chart_view_get_fit_zoom (self->org_chart, gtk_widget_get_width (scroller),
                                          gtk_widget_get_height (scroller));
}

static void
zoom_fit_cb (CtoWindow *self)
{
  cto_org_chart_view_set_zoom (self->org_chart, fit_zoom (self));
  place_later (self, PLACE_ROOT);
}

static gboolean
org_chart_shown (CtoWindow *self)
{
  return _cto_window_org_chart_chosen (self) &&
         gtk_widget_get_mapped (GTK_WIDGET (self->org_chart_scroller));
}

static gboolean
shortcut_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  CtoWindow *self = CTO_WINDOW (gtk_widget_get_root (widget));
  const char *what = g_variant_get_string (args, NULL);

  if (!org_chart_shown (self))
    return FALSE;

  if (g_str_equal (what, "in"))
    zoom_in_cb (self);
  else if (g_str_equal (what, "out"))
    zoom_out_cb (self);
  else
    zoom_reset_cb (self);

  return TRUE;
}

static void
pointer_motion_cb (GtkEventControllerMotion *motion,
                   double                    x,
                   double                    y,
                   CtoWindow                *self)
{
  self->zoom_pointer_x = x;
  self->zoom_pointer_y = y;
}

static gboolean
scroll_cb (GtkEventControllerScroll *scroll,
           double                    dx,
           double                    dy,
           CtoWindow                *self)
{
  GdkModifierType state =
    gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (scroll));

  if ((state & GDK_CONTROL_MASK) == 0 || dy == 0)
    return FALSE;

  zoom_at (self, cto_org_chart_view_get_zoom (self->org_chart) * pow (ZOOM_STEP, -dy),
           self->zoom_pointer_x, self->zoom_pointer_y);
  return TRUE;
}

/* The first time the chart shows a plan: at the top, and whole when that is
 * still readable. */
static void
place_first (CtoWindow *self)
{
  double fit;

  if (self->org_chart_placed || !org_chart_shown (self))
    return;

  self->org_chart_placed = TRUE;
  fit = fit_zoom (self);
  cto_org_chart_view_set_zoom (self->org_chart, fit >= READABLE_FIT ? fit : 1.0);
  place_later (self, PLACE_ROOT);
}

void
_cto_window_update_org_chart_page (CtoWindow *self)
{
  const GDate *day = _cto_window_get_as_of_day (self);
  g_autofree char *text = NULL;
  g_autofree char *label = NULL;

  /* The view stack measures every page, shown or not: the hint's wrapped
   * text is laid out only while the chart is shown; and it is of no use in
   * the what-if mode, which takes no edits. */
  gtk_widget_set_visible (self->org_chart_hint,
                          _cto_window_org_chart_chosen (self) && _cto_window_get_what_if (self) == NULL);

  gtk_widget_set_visible (GTK_WIDGET (self->org_chart_as_of),
                          day != NULL && _cto_window_org_chart_chosen (self));
  if (day == NULL)
    return;

  text = cto_date_format_long (day);
  /* Translators: above the org chart when it shows the team on one day: "As of 1 April 2027" */
  label = g_strdup_printf (_("As of %s"), text);
  gtk_label_set_label (self->org_chart_as_of, label);
}

static void
page_changed_cb (CtoWindow *self)
{
  _cto_window_update_org_chart_page (self);
  place_first (self);
}

static GtkWidget *
zoom_button (CtoWindow  *self,
             const char *icon_name,
             const char *name,
             const char *tooltip,
             GCallback   callback)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  cto_tooltip_set_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_signal_connect_swapped (button, "clicked", callback, self);

  return button;
}

static void
add_shortcut (GtkShortcutController *controller,
              const char            *accelerator,
              const char            *what)
{
  gtk_shortcut_controller_add_shortcut (controller,
    gtk_shortcut_new_with_arguments (gtk_shortcut_trigger_parse_string (accelerator),
                                     gtk_callback_action_new (shortcut_cb, NULL, NULL),
                                     "s", what));
}

void
_cto_window_init_org_chart (CtoWindow *self)
{
  GtkWidget *scroller = GTK_WIDGET (self->org_chart_scroller);
  GtkWidget *page = gtk_widget_get_parent (scroller);
  GtkWidget *overlay = gtk_overlay_new ();
  GtkWidget *controls = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkEventController *controller;
  GtkShortcutController *shortcuts;

  /* The chart scrolls its boxes into view itself, where they are drawn:
   * the viewport knows nothing of the zoom. */
  gtk_viewport_set_scroll_to_focus (GTK_VIEWPORT (gtk_scrolled_window_get_child (self->org_chart_scroller)),
                                    FALSE);

  /* The controls float over the chart's corner, outside what scrolls. */
  g_object_ref (scroller);
  gtk_box_remove (GTK_BOX (page), scroller);
  gtk_overlay_set_child (GTK_OVERLAY (overlay), scroller);
  g_object_unref (scroller);
  gtk_widget_set_vexpand (overlay, TRUE);
  gtk_box_append (GTK_BOX (page), overlay);

  self->zoom_out_button = GTK_BUTTON (zoom_button (self, "zoom-out-symbolic", _("Zoom Out"),
                                                   _("Zoom Out (Ctrl+−)"), G_CALLBACK (zoom_out_cb)));
  self->zoom_reset_button = GTK_BUTTON (gtk_button_new_with_label ("100 %"));
  cto_tooltip_set_text (GTK_WIDGET (self->zoom_reset_button), _("Actual Size (Ctrl+0)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->zoom_reset_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Actual Size"),
                                  -1);
  g_signal_connect_swapped (self->zoom_reset_button, "clicked", G_CALLBACK (zoom_reset_cb), self);
  self->zoom_in_button = GTK_BUTTON (zoom_button (self, "zoom-in-symbolic", _("Zoom In"),
                                                  _("Zoom In (Ctrl++)"), G_CALLBACK (zoom_in_cb)));
  gtk_box_append (GTK_BOX (controls), GTK_WIDGET (self->zoom_out_button));
  gtk_box_append (GTK_BOX (controls), GTK_WIDGET (self->zoom_reset_button));
  gtk_box_append (GTK_BOX (controls), GTK_WIDGET (self->zoom_in_button));
  gtk_box_append (GTK_BOX (controls),
                  zoom_button (self, "zoom-fit-best-symbolic", _("Fit the Whole Chart"),
                               _("Fit the Whole Chart"), G_CALLBACK (zoom_fit_cb)));
  gtk_widget_add_css_class (controls, "linked");
  gtk_widget_add_css_class (controls, "osd");
  gtk_widget_set_halign (controls, GTK_ALIGN_END);
  gtk_widget_set_valign (controls, GTK_ALIGN_END);
  gtk_widget_set_margin_end (controls, 18);
  gtk_widget_set_margin_bottom (controls, 18);
  gtk_accessible_update_property (GTK_ACCESSIBLE (controls),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Zoom"),
                                  -1);
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), controls);

  shortcuts = GTK_SHORTCUT_CONTROLLER (gtk_shortcut_controller_new ());
  gtk_shortcut_controller_set_scope (shortcuts, GTK_SHORTCUT_SCOPE_GLOBAL);
  add_shortcut (shortcuts, "<Control>plus", "in");
  add_shortcut (shortcuts, "<Control>equal", "in");
  add_shortcut (shortcuts, "<Control>KP_Add", "in");
  add_shortcut (shortcuts, "<Control>minus", "out");
  add_shortcut (shortcuts, "<Control>KP_Subtract", "out");
  add_shortcut (shortcuts, "<Control>0", "reset");
  add_shortcut (shortcuts, "<Control>KP_0", "reset");
  gtk_widget_add_controller (overlay, GTK_EVENT_CONTROLLER (shortcuts));

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (pointer_motion_cb), self);
  gtk_widget_add_controller (scroller, controller);

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (scroller, controller);

  g_signal_connect_object (self->org_chart, "notify::zoom", G_CALLBACK (update_zoom_label), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view_stack, "notify::visible-child-name",
                           G_CALLBACK (page_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (scroller, "map", G_CALLBACK (page_changed_cb), self, G_CONNECT_SWAPPED);
  update_zoom_label (self);
  page_changed_cb (self);
}

void
_cto_window_update_org_chart (CtoWindow *self)
{
  self->org_chart_placed = FALSE;
  place_first (self);
}

gboolean
_cto_window_org_chart_chosen (CtoWindow *self)
{
  return g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), ORG_CHART_PAGE) == 0;
}

void
_cto_window_choose_org_chart (CtoWindow *self)
{
  adw_view_stack_set_visible_child_name (self->view_stack, ORG_CHART_PAGE);
}
