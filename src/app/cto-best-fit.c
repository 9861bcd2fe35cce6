/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-best-fit"

#include "config.h"

#include "cto-best-fit.h"
#include "cto-keep-place.h"

/* The choice is made at each allocation, as AdwSqueezer makes it: the
 * children not chosen are kept, not shown (cto_keep_place()), so that
 * measuring them again costs nothing and what reads the line (a test, a
 * tooltip) finds every way of saying it. */
struct _CtoBestFit
{
  GtkWidget parent_instance;
};

static void cto_best_fit_buildable_init (GtkBuildableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CtoBestFit, cto_best_fit, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE,
                                                      cto_best_fit_buildable_init))

static GtkBuildableIface *parent_buildable_iface;

/* Whether @child has anything to say: a label with no text has not. */
static gboolean
says_something (GtkWidget *child)
{
  if (!gtk_widget_get_visible (child))
    return FALSE;
  if (GTK_IS_LABEL (child))
    {
      const char *text = gtk_label_get_text (GTK_LABEL (child));

      return text != NULL && text[0] != '\0';
    }
  return TRUE;
}

static void
cto_best_fit_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  gboolean first = TRUE;

  *minimum = 0;
  *natural = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_min = 0;
      int child_nat = 0;

      /* A way with nothing to say is never shown: its empty width is no
       * minimum of the line's. Its height still counts: a line with
       * nothing to say keeps the height of one that has. */
      if (orientation == GTK_ORIENTATION_HORIZONTAL && !says_something (child))
        continue;

      gtk_widget_measure (child, orientation,
                          orientation == GTK_ORIENTATION_VERTICAL ? -1 : for_size,
                          &child_min, &child_nat, NULL, NULL);

      if (orientation == GTK_ORIENTATION_HORIZONTAL)
        {
          /* As narrow as the narrowest way, as wide as the first. */
          *minimum = first ? child_min : MIN (*minimum, child_min);
          if (first)
            *natural = child_nat;
        }
      else
        {
          *minimum = MAX (*minimum, child_min);
          *natural = MAX (*natural, child_nat);
        }
      first = FALSE;
    }
}

/* The first way that fits whole, else the narrowest, which loses least
 * to its ellipsis: a shorter way in words is not always narrower. */
static GtkWidget *
choose (CtoBestFit *self,
        int         width)
{
  GtkWidget *narrowest = NULL;
  int narrowest_width = G_MAXINT;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int natural = 0;

      if (!says_something (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
      if (natural <= width)
        return child;
      if (natural < narrowest_width)
        {
          narrowest = child;
          narrowest_width = natural;
        }
    }

  return narrowest;
}

static void
cto_best_fit_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  GtkWidget *shown = choose (CTO_BEST_FIT (widget), width);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      cto_keep_place (child, child == shown);
      if (child == shown)
        gtk_widget_size_allocate (child, &(GtkAllocation) { 0, 0, width, height }, baseline);
    }
}

static void
cto_best_fit_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (cto_best_fit_parent_class)->dispose (object);
}

static void
cto_best_fit_add_child (GtkBuildable *buildable,
                        GtkBuilder   *builder,
                        GObject      *child,
                        const char   *type)
{
  if (GTK_IS_WIDGET (child) && type == NULL)
    cto_best_fit_append (CTO_BEST_FIT (buildable), GTK_WIDGET (child));
  else
    parent_buildable_iface->add_child (buildable, builder, child, type);
}

static void
cto_best_fit_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = cto_best_fit_add_child;
}

static void
cto_best_fit_class_init (CtoBestFitClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cto_best_fit_dispose;
  widget_class->measure = cto_best_fit_measure;
  widget_class->size_allocate = cto_best_fit_size_allocate;
}

static void
cto_best_fit_init (CtoBestFit *self)
{
}

void
cto_best_fit_append (CtoBestFit *self,
                     GtkWidget  *child)
{
  g_return_if_fail (CTO_IS_BEST_FIT (self));
  g_return_if_fail (GTK_IS_WIDGET (child));
  g_return_if_fail (gtk_widget_get_parent (child) == NULL);

  gtk_widget_set_parent (child, GTK_WIDGET (self));
  /* Only the first until the first allocation chooses. */
  cto_keep_place (child, gtk_widget_get_prev_sibling (child) == NULL);
}
