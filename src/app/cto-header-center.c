/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-header-center"

#include "config.h"

#include "cto-header-center.h"
#include "cto-keep-place.h"

/* Between the switcher and the title, as between a header bar's widgets. */
#define SPACING 6
/* Wider than any screen: the natural width that makes the header bar give
 * this widget all the room between its start and its end. */
#define FILL_WIDTH 8192
/* The widest title kept whole at the cost of the header's widgets, in
 * characters of the font's average width: about 40 characters of mixed
 * case, fewer in capitals or in wide scripts. */
#define TITLE_WANT_CHARS 40

struct _CtoHeaderCenter
{
  GtkWidget  parent_instance;

  GtkWidget *start;
  GtkWidget *wide;
  GtkWidget *narrow;
  GtkWidget *title;
  gboolean   compact;

  /* title_want_width() for the title's Pango context at that serial:
   * measuring the font's average character is not cheap. */
  guint      title_want_serial;
  int        title_want_width;
};

static void cto_header_center_buildable_init (GtkBuildableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CtoHeaderCenter, cto_header_center, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE,
                                                      cto_header_center_buildable_init))

static GtkBuildableIface *parent_buildable_iface;

static int
min_width (GtkWidget *child)
{
  int minimum = 0;

  if (child != NULL)
    gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  return minimum;
}

static int
natural_width (GtkWidget *child)
{
  int natural = 0;

  if (child != NULL)
    gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
  return natural;
}

/* How wide TITLE_WANT_CHARS characters of average width are in the
 * title's font; worked out again only when its font changes. */
static int
title_want_width (CtoHeaderCenter *self)
{
  PangoContext *context = gtk_widget_get_pango_context (self->title);
  PangoFontMetrics *metrics;

  if (self->title_want_width > 0 && self->title_want_serial == pango_context_get_serial (context))
    return self->title_want_width;

  metrics = pango_context_get_metrics (context, NULL, NULL);
  self->title_want_width = PANGO_PIXELS (TITLE_WANT_CHARS *
                                         pango_font_metrics_get_approximate_char_width (metrics));
  self->title_want_serial = pango_context_get_serial (context);
  pango_font_metrics_unref (metrics);

  return self->title_want_width;
}

/* @child at @x from the start of @widget, @total wide. */
static void
allocate_at (GtkWidget *widget,
             int        total,
             GtkWidget *child,
             int        x,
             int        width,
             int        height)
{
  if (gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL)
    x = total - x - width;
  gtk_widget_size_allocate (child, &(GtkAllocation) { x, 0, width, height }, -1);
}

static void
cto_header_center_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  CtoHeaderCenter *self = CTO_HEADER_CENTER (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* The narrow switcher whole, and the title at its shortest; the
       * start's widgets go when there is no room for them. */
      *minimum = natural_width (self->narrow) + SPACING + min_width (self->title);
      *natural = MAX (*minimum, FILL_WIDTH);
    }
  else
    {
      GtkWidget *children[] = { self->start, self->wide, self->narrow, self->title };

      *minimum = *natural = 0;
      for (guint i = 0; i < G_N_ELEMENTS (children); i++)
        {
          int child_minimum = 0, child_natural = 0;

          if (children[i] == NULL)
            continue;
          gtk_widget_measure (children[i], GTK_ORIENTATION_VERTICAL, -1,
                              &child_minimum, &child_natural, NULL, NULL);
          *minimum = MAX (*minimum, child_minimum);
          *natural = MAX (*natural, child_natural);
        }
    }
}

static void
cto_header_center_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  CtoHeaderCenter *self = CTO_HEADER_CENTER (widget);
  GtkWidget *bar = gtk_widget_get_parent (widget);
  GtkWidget *switcher;
  int title_minimum = min_width (self->title);
  int title_want;
  int start_width, switcher_width, title_x, title_width, room;
  gboolean start_shown;
  graphene_point_t origin;

  if (self->wide == NULL || self->narrow == NULL || self->title == NULL)
    return;

  /* The title whole comes first, as in a GNOME view switcher title: the
   * start's widgets and the wide switcher where they fit beside it, else
   * the narrow one, else the narrow one alone, cutting the title where
   * even that leaves too little room. Each step shows less than the one
   * before, so that nothing comes back as the window narrows. A title
   * wider than TITLE_WANT_CHARS average characters is cut rather than let
   * it take the header's widgets away. */
  start_width = self->start != NULL ? natural_width (self->start) + SPACING : 0;
  title_want = MIN (natural_width (self->title), title_want_width (self));
  start_shown = TRUE;
  if (start_width + min_width (self->wide) + SPACING + title_want <= width)
    self->compact = FALSE;
  else if (start_width + natural_width (self->narrow) + SPACING + title_want <= width)
    self->compact = TRUE;
  else
    {
      self->compact = TRUE;
      start_shown = FALSE;
    }
  cto_keep_place (self->wide, !self->compact);
  cto_keep_place (self->narrow, self->compact);
  if (self->start != NULL)
    {
      cto_keep_place (self->start, start_shown);
      if (!start_shown)
        start_width = 0;
      else
        allocate_at (widget, width, self->start, 0, start_width - SPACING, height);
    }

  switcher = self->compact ? self->narrow : self->wide;
  switcher_width = MIN (natural_width (switcher), width - start_width - SPACING - title_minimum);
  switcher_width = MAX (switcher_width, min_width (switcher));
  allocate_at (widget, width, switcher, start_width, switcher_width, height);
  switcher_width += start_width;

  /* The title centred in the whole bar where there is room, as a header
   * bar centres it; else as near the centre as it can be. */
  room = MAX (0, width - switcher_width - SPACING);
  title_width = MAX (MIN (natural_width (self->title), room), title_minimum);
  title_x = switcher_width + SPACING + (room - title_width) / 2;
  if (bar != NULL &&
      gtk_widget_compute_point (widget, bar, &GRAPHENE_POINT_INIT (0, 0), &origin))
    {
      /* Where the bar's middle is, counted from this widget's start. */
      int centre = gtk_widget_get_width (bar) / 2 - (int) origin.x;

      if (gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL)
        centre = width - centre;
      title_x = CLAMP (centre - title_width / 2,
                       switcher_width + SPACING, MAX (switcher_width + SPACING, width - title_width));
    }
  allocate_at (widget, width, self->title, title_x, title_width, height);
}

static void
cto_header_center_dispose (GObject *object)
{
  CtoHeaderCenter *self = CTO_HEADER_CENTER (object);

  g_clear_pointer (&self->start, gtk_widget_unparent);
  g_clear_pointer (&self->wide, gtk_widget_unparent);
  g_clear_pointer (&self->narrow, gtk_widget_unparent);
  g_clear_pointer (&self->title, gtk_widget_unparent);

  G_OBJECT_CLASS (cto_header_center_parent_class)->dispose (object);
}

static void
cto_header_center_add_child (GtkBuildable *buildable,
                             GtkBuilder   *builder,
                             GObject      *child,
                             const char   *type)
{
  CtoHeaderCenter *self = CTO_HEADER_CENTER (buildable);
  GtkWidget **slot = NULL;

  if (!GTK_IS_WIDGET (child))
    {
      parent_buildable_iface->add_child (buildable, builder, child, type);
      return;
    }

  if (g_strcmp0 (type, "start") == 0)
    slot = &self->start;
  else if (g_strcmp0 (type, "wide") == 0)
    slot = &self->wide;
  else if (g_strcmp0 (type, "narrow") == 0)
    slot = &self->narrow;
  else if (g_strcmp0 (type, "title") == 0)
    slot = &self->title;

  if (slot == NULL || *slot != NULL)
    {
      g_warning ("CtoHeaderCenter takes one child each of types start, wide, narrow and title, not %s",
                 type ? type : "(none)");
      return;
    }

  *slot = GTK_WIDGET (child);
  gtk_widget_set_parent (*slot, GTK_WIDGET (self));
  /* The wide switcher until the first allocation says otherwise. */
  cto_keep_place (*slot, slot != &self->narrow);
}

static void
cto_header_center_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = cto_header_center_add_child;
}

static void
cto_header_center_class_init (CtoHeaderCenterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cto_header_center_dispose;
  widget_class->measure = cto_header_center_measure;
  widget_class->size_allocate = cto_header_center_size_allocate;
}

static void
cto_header_center_init (CtoHeaderCenter *self)
{
}

gboolean
cto_header_center_get_compact (CtoHeaderCenter *self)
{
  g_return_val_if_fail (CTO_IS_HEADER_CENTER (self), FALSE);

  return self->compact;
}
