/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-presentation-window"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "cto-presentation-window.h"

/* Every page is laid out at the size of the board pack, so a page shows
 * on screen what it shows in the PDF; the window only scales it. */
#define PAGE_WIDTH  CTO_BOARD_PAGE_WIDTH
#define PAGE_HEIGHT CTO_BOARD_PAGE_HEIGHT

/* How long the hint and the leave button stay after the pointer last moved. */
#define CONTROLS_SECONDS 3

struct _CtoPresentationWindow
{
  AdwWindow         parent_instance;

  CtoBoardPages    *pages;
  gulong            pages_changed_id;
  guint             page;
  guint             n_pages;
  /* Where the page shown sits among the pages of its kind, so that it can
   * be found again when an edit changes the number of pages. */
  CtoBoardPageKind  kind;
  guint             offset_in_kind;
  guint             controls_timeout_id;
  double            pointer_x;
  double            pointer_y;

  GtkDrawingArea   *area;
  GtkLabel         *page_label;
  GtkRevealer      *hint_revealer;
  GtkRevealer      *leave_revealer;
};

G_DEFINE_FINAL_TYPE (CtoPresentationWindow, cto_presentation_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_PAGE,
  PROP_N_PAGES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_page (CtoPresentationWindow *self)
{
  g_autofree char *title = NULL;
  g_autofree char *number = NULL;
  GtkWidget *widget = GTK_WIDGET (self);

  title = cto_board_pages_get_page_title (self->pages, PAGE_WIDTH, PAGE_HEIGHT, self->page);
  /* Translators: the page shown and the number of pages: "3 / 8" */
  number = g_strdup_printf (_("%u / %u"), self->page + 1, self->n_pages);

  gtk_label_set_label (self->page_label, number);
  gtk_window_set_title (GTK_WINDOW (self), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->area),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);

  gtk_widget_action_set_enabled (widget, "presentation.previous", self->page > 0);
  gtk_widget_action_set_enabled (widget, "presentation.first", self->page > 0);
  gtk_widget_action_set_enabled (widget, "presentation.next", self->page + 1 < self->n_pages);
  gtk_widget_action_set_enabled (widget, "presentation.last", self->page + 1 < self->n_pages);

  gtk_widget_queue_draw (GTK_WIDGET (self->area));
}

static void
remember_kind (CtoPresentationWindow *self)
{
  self->kind = cto_board_pages_get_page_kind (self->pages, PAGE_WIDTH, PAGE_HEIGHT, self->page);
  self->offset_in_kind =
    self->page - cto_board_pages_find_page (self->pages, PAGE_WIDTH, PAGE_HEIGHT, self->kind);
}

/* The page of the kind shown before, as far into that kind as it was, or
 * the last page of that kind when the kind has become shorter. */
static guint
find_remembered_page (CtoPresentationWindow *self)
{
  guint page = cto_board_pages_find_page (self->pages, PAGE_WIDTH, PAGE_HEIGHT, self->kind);

  for (guint i = 0; i < self->offset_in_kind; i++)
    {
      if (page + 1 >= self->n_pages ||
          cto_board_pages_get_page_kind (self->pages, PAGE_WIDTH, PAGE_HEIGHT, page + 1) != self->kind)
        break;
      page++;
    }

  return page;
}

static void
pages_changed_cb (CtoPresentationWindow *self)
{
  guint n_pages = cto_board_pages_get_n_pages (self->pages, PAGE_WIDTH, PAGE_HEIGHT);
  guint page;

  g_assert (n_pages > 0);

  self->n_pages = n_pages;
  page = find_remembered_page (self);
  if (page != self->page)
    {
      self->page = page;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PAGES]);

  update_page (self);
}

/* The scale of the page in an area of @width × @height: as large as fits,
 * centred, but with the page number in the black beside or below it, not
 * over the page's foot, where the screen's shape leaves too thin a band. */
static double
page_scale (CtoPresentationWindow *self,
            int                    width,
            int                    height)
{
  double scale = MIN (width / PAGE_WIDTH, height / PAGE_HEIGHT);
  graphene_rect_t number;
  double below, beside, smaller;

  if (!gtk_widget_compute_bounds (GTK_WIDGET (self->page_label), GTK_WIDGET (self->area), &number))
    return scale;

  /* The band each side of the page that the number needs, with its margins. */
  below = height - number.origin.y;
  beside = MIN (width - number.origin.x, number.origin.x + number.size.width);
  if ((height - PAGE_HEIGHT * scale) / 2 >= below || (width - PAGE_WIDTH * scale) / 2 >= beside)
    return scale;

  /* Whichever band costs the page less; in a window too small for either,
   * the page as large as it fits, under the number. */
  smaller = MAX ((height - 2 * below) / PAGE_HEIGHT, (width - 2 * beside) / PAGE_WIDTH);
  return smaller > 0 ? MIN (scale, smaller) : scale;
}

static void
draw_cb (GtkDrawingArea *area,
         cairo_t        *cr,
         int             width,
         int             height,
         gpointer        user_data)
{
  CtoPresentationWindow *self = CTO_PRESENTATION_WINDOW (user_data);
  double scale;

  /* Letterboxed: black around the page where the screen's shape differs. */
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_paint (cr);

  if (self->pages == NULL || width <= 0 || height <= 0)
    return;

  scale = page_scale (self, width, height);
  cairo_translate (cr,
                   floor ((width - PAGE_WIDTH * scale) / 2),
                   floor ((height - PAGE_HEIGHT * scale) / 2));
  cairo_scale (cr, scale, scale);
  cairo_rectangle (cr, 0, 0, PAGE_WIDTH, PAGE_HEIGHT);
  cairo_clip (cr);
  cto_board_pages_draw_page (self->pages, cr, PAGE_WIDTH, PAGE_HEIGHT, self->page);
}

static gboolean
hide_controls_cb (gpointer user_data)
{
  CtoPresentationWindow *self = CTO_PRESENTATION_WINDOW (user_data);

  self->controls_timeout_id = 0;
  gtk_revealer_set_reveal_child (self->hint_revealer, FALSE);
  gtk_revealer_set_reveal_child (self->leave_revealer, FALSE);

  return G_SOURCE_REMOVE;
}

static void
show_controls (CtoPresentationWindow *self,
               gboolean               hint)
{
  if (hint)
    gtk_revealer_set_reveal_child (self->hint_revealer, TRUE);
  gtk_revealer_set_reveal_child (self->leave_revealer, TRUE);

  g_clear_handle_id (&self->controls_timeout_id, g_source_remove);
  self->controls_timeout_id = g_timeout_add_seconds (CONTROLS_SECONDS, hide_controls_cb, self);
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           CtoPresentationWindow    *self)
{
  /* A window appearing under a still pointer reports a motion too. */
  if (ABS (x - self->pointer_x) < 1 && ABS (y - self->pointer_y) < 1)
    return;

  self->pointer_x = x;
  self->pointer_y = y;
  show_controls (self, FALSE);
}

static void
pressed_cb (GtkGestureClick       *gesture,
            int                    n_press,
            double                 x,
            double                 y,
            CtoPresentationWindow *self)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));

  if (button == GDK_BUTTON_PRIMARY)
    gtk_widget_activate_action (GTK_WIDGET (self), "presentation.next", NULL);
  else if (button == GDK_BUTTON_SECONDARY)
    gtk_widget_activate_action (GTK_WIDGET (self), "presentation.previous", NULL);
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CtoPresentationWindow *self = CTO_PRESENTATION_WINDOW (widget);
  guint last = self->n_pages - 1;
  guint page = self->page;

  if (g_str_equal (action_name, "presentation.next"))
    page = MIN (page + 1, last);
  else if (g_str_equal (action_name, "presentation.previous"))
    page = page > 0 ? page - 1 : 0;
  else if (g_str_equal (action_name, "presentation.first"))
    page = 0;
  else if (g_str_equal (action_name, "presentation.last"))
    page = last;
  else
    g_assert_not_reached ();

  cto_presentation_window_set_page (self, page);
}

static void
add_keys (GtkShortcutController *controller,
          const guint           *keys,
          guint                  n_keys,
          const char            *action)
{
  for (guint i = 0; i < n_keys; i++)
    gtk_shortcut_controller_add_shortcut (controller,
                                          gtk_shortcut_new (gtk_keyval_trigger_new (keys[i], 0),
                                                            gtk_named_action_new (action)));
}

static void
cto_presentation_window_dispose (GObject *object)
{
  CtoPresentationWindow *self = (CtoPresentationWindow *) object;

  g_clear_handle_id (&self->controls_timeout_id, g_source_remove);
  g_clear_signal_handler (&self->pages_changed_id, self->pages);
  g_clear_object (&self->pages);

  gtk_widget_dispose_template (GTK_WIDGET (self), CTO_TYPE_PRESENTATION_WINDOW);

  G_OBJECT_CLASS (cto_presentation_window_parent_class)->dispose (object);
}

static void
cto_presentation_window_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  CtoPresentationWindow *self = CTO_PRESENTATION_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PAGE:
      g_value_set_uint (value, self->page);
      break;
    case PROP_N_PAGES:
      g_value_set_uint (value, self->n_pages);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cto_presentation_window_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  CtoPresentationWindow *self = CTO_PRESENTATION_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PAGE:
      cto_presentation_window_set_page (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cto_presentation_window_class_init (CtoPresentationWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cto_presentation_window_dispose;
  object_class->get_property = cto_presentation_window_get_property;
  object_class->set_property = cto_presentation_window_set_property;

  properties[PROP_PAGE] =
    g_param_spec_uint ("page", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_PAGES] =
    g_param_spec_uint ("n-pages", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/cto-presentation-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CtoPresentationWindow, area);
  gtk_widget_class_bind_template_child (widget_class, CtoPresentationWindow, page_label);
  gtk_widget_class_bind_template_child (widget_class, CtoPresentationWindow, hint_revealer);
  gtk_widget_class_bind_template_child (widget_class, CtoPresentationWindow, leave_revealer);

  gtk_widget_class_install_action (widget_class, "presentation.next", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "presentation.previous", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "presentation.first", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "presentation.last", NULL, move_action);
}

static void
cto_presentation_window_init (CtoPresentationWindow *self)
{
  static const guint next_keys[] = {
    GDK_KEY_Right, GDK_KEY_KP_Right, GDK_KEY_Down, GDK_KEY_KP_Down,
    GDK_KEY_space, GDK_KEY_KP_Space, GDK_KEY_Page_Down, GDK_KEY_KP_Page_Down,
    GDK_KEY_Return, GDK_KEY_KP_Enter,
  };
  static const guint previous_keys[] = {
    GDK_KEY_Left, GDK_KEY_KP_Left, GDK_KEY_Up, GDK_KEY_KP_Up,
    GDK_KEY_BackSpace, GDK_KEY_Page_Up, GDK_KEY_KP_Page_Up,
  };
  static const guint first_keys[] = { GDK_KEY_Home, GDK_KEY_KP_Home };
  static const guint last_keys[] = { GDK_KEY_End, GDK_KEY_KP_End };
  static const guint leave_keys[] = { GDK_KEY_Escape };
  GtkEventController *keys;
  GtkEventController *motion;
  GtkGesture *click;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The keys of presenting, and of the page turners that send them. Caught
   * before any widget or the window's own keys (arrows move the focus)
   * see them. */
  keys = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  gtk_event_controller_set_name (keys, "presentation-keys");
  add_keys (GTK_SHORTCUT_CONTROLLER (keys), next_keys, G_N_ELEMENTS (next_keys),
            "presentation.next");
  add_keys (GTK_SHORTCUT_CONTROLLER (keys), previous_keys, G_N_ELEMENTS (previous_keys),
            "presentation.previous");
  add_keys (GTK_SHORTCUT_CONTROLLER (keys), first_keys, G_N_ELEMENTS (first_keys),
            "presentation.first");
  add_keys (GTK_SHORTCUT_CONTROLLER (keys), last_keys, G_N_ELEMENTS (last_keys),
            "presentation.last");
  add_keys (GTK_SHORTCUT_CONTROLLER (keys), leave_keys, G_N_ELEMENTS (leave_keys),
            "window.close");
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  gtk_drawing_area_set_draw_func (self->area, draw_cb, self, NULL);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  g_signal_connect (click, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->area), GTK_EVENT_CONTROLLER (click));

  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  self->pointer_x = -1;
  self->pointer_y = -1;
  show_controls (self, TRUE);
}

GtkWidget *
cto_presentation_window_new (GtkWindow   *parent,
                             CtoAnalysis *analysis)
{
  CtoPresentationWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (CTO_IS_ANALYSIS (analysis), NULL);

  self = g_object_new (CTO_TYPE_PRESENTATION_WINDOW,
                       "transient-for", parent,
                       "destroy-with-parent", TRUE,
                       NULL);
  cto_presentation_window_set_analysis (self, analysis);

  return GTK_WIDGET (self);
}

void
cto_presentation_window_set_analysis (CtoPresentationWindow *self,
                                      CtoAnalysis           *analysis)
{
  g_return_if_fail (CTO_IS_PRESENTATION_WINDOW (self));
  g_return_if_fail (CTO_IS_ANALYSIS (analysis));

  if (self->pages != NULL && cto_board_pages_get_analysis (self->pages) == analysis)
    return;

  g_clear_signal_handler (&self->pages_changed_id, self->pages);
  g_clear_object (&self->pages);

  self->pages = cto_board_pages_new (analysis);
  self->pages_changed_id = g_signal_connect_swapped (self->pages, "changed",
                                                     G_CALLBACK (pages_changed_cb), self);
  pages_changed_cb (self);
}

CtoBoardPages *
cto_presentation_window_get_pages (CtoPresentationWindow *self)
{
  g_return_val_if_fail (CTO_IS_PRESENTATION_WINDOW (self), NULL);

  return self->pages;
}

guint
cto_presentation_window_get_page (CtoPresentationWindow *self)
{
  g_return_val_if_fail (CTO_IS_PRESENTATION_WINDOW (self), 0);

  return self->page;
}

void
cto_presentation_window_set_page (CtoPresentationWindow *self,
                                  guint                  page)
{
  g_return_if_fail (CTO_IS_PRESENTATION_WINDOW (self));
  g_return_if_fail (self->pages != NULL);

  page = MIN (page, self->n_pages - 1);
  if (page == self->page)
    return;

  self->page = page;
  remember_kind (self);
  update_page (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
}

guint
cto_presentation_window_get_n_pages (CtoPresentationWindow *self)
{
  g_return_val_if_fail (CTO_IS_PRESENTATION_WINDOW (self), 0);

  return self->n_pages;
}
