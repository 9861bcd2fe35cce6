/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-card-slot"

#include "config.h"

#include "cto-card-slot.h"

/*
 * Where the board's grid puts a person's card. The grid of GTK 4.8 keeps
 * cells for thirty rows of cards, most of them far from the screen; a card
 * is a dozen widgets to build, style and measure. So a cell holds a slot,
 * and the slot makes its card when the card comes near the screen (the
 * board's lazy items, cto-lazy-items.c). Until then it takes the size the
 * cards made so far take, so that the grid's columns and its scrolling stay
 * as they would be with every card made.
 */

struct _CtoCardSlot
{
  GtkWidget      parent_instance;

  CtoPersonCard *card;          /* NULL until shown */
  CtoPerson     *person;
  CtoAnalysis   *analysis;
  CtoAnalysis   *as_of;
};

G_DEFINE_FINAL_TYPE (CtoCardSlot, cto_card_slot, GTK_TYPE_WIDGET)

/* The size of a card without its details, learnt from the cards made. */
static int card_width_minimum;
static int card_width_natural;
static int card_height;

static void
cto_card_slot_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  CtoCardSlot *self = CTO_CARD_SLOT (widget);

  if (self->card != NULL)
    {
      gtk_widget_measure (GTK_WIDGET (self->card), orientation, for_size,
                          minimum, natural, minimum_baseline, natural_baseline);

      if (orientation == GTK_ORIENTATION_HORIZONTAL && for_size < 0)
        {
          card_width_minimum = MAX (card_width_minimum, *minimum);
          card_width_natural = MAX (card_width_natural, *natural);
        }
      else if (orientation == GTK_ORIENTATION_VERTICAL)
        {
          /* A card far from the screen keeps the height its details will
           * take (cto_person_card_sync_placeholder()): any card says what
           * one takes. */
          card_height = *natural;
        }
      return;
    }

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = card_width_minimum;
      *natural = card_width_natural;
    }
  else
    {
      *minimum = *natural = card_height;
    }
}

static GtkSizeRequestMode
cto_card_slot_get_request_mode (GtkWidget *widget)
{
  CtoCardSlot *self = CTO_CARD_SLOT (widget);

  if (self->card != NULL)
    return gtk_widget_get_request_mode (GTK_WIDGET (self->card));

  return GTK_SIZE_REQUEST_CONSTANT_SIZE;
}

static void
cto_card_slot_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  CtoCardSlot *self = CTO_CARD_SLOT (widget);

  if (self->card != NULL)
    gtk_widget_allocate (GTK_WIDGET (self->card), width, height, baseline, NULL);
}

static void
cto_card_slot_dispose (GObject *object)
{
  CtoCardSlot *self = (CtoCardSlot *) object;

  if (self->card != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->card));
  self->card = NULL;
  g_clear_object (&self->person);
  g_clear_object (&self->analysis);
  g_clear_object (&self->as_of);

  G_OBJECT_CLASS (cto_card_slot_parent_class)->dispose (object);
}

static void
cto_card_slot_class_init (CtoCardSlotClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cto_card_slot_dispose;
  widget_class->measure = cto_card_slot_measure;
  widget_class->size_allocate = cto_card_slot_size_allocate;
  widget_class->get_request_mode = cto_card_slot_get_request_mode;
  gtk_widget_class_set_css_name (widget_class, "card-slot");
}

static void
cto_card_slot_init (CtoCardSlot *self)
{
}

GtkWidget *
cto_card_slot_new (void)
{
  return g_object_new (CTO_TYPE_CARD_SLOT, NULL);
}

static void
bind_card (CtoCardSlot *self,
           gboolean     defer)
{
  cto_person_card_bind (self->card, self->person, self->analysis, defer);
  cto_person_card_set_as_of (self->card, self->as_of);
}

void
cto_card_slot_bind (CtoCardSlot *self,
                    CtoPerson   *person,
                    CtoAnalysis *analysis,
                    gboolean     defer)
{
  g_return_if_fail (CTO_IS_CARD_SLOT (self));
  g_return_if_fail (CTO_IS_PERSON (person));
  g_return_if_fail (CTO_IS_ANALYSIS (analysis));

  g_set_object (&self->person, person);
  g_set_object (&self->analysis, analysis);

  if (self->card == NULL && !defer)
    {
      self->card = CTO_PERSON_CARD (cto_person_card_new ());
      gtk_widget_set_parent (GTK_WIDGET (self->card), GTK_WIDGET (self));
    }

  if (self->card != NULL)
    bind_card (self, defer);
  else
    gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
cto_card_slot_unbind (CtoCardSlot *self)
{
  g_return_if_fail (CTO_IS_CARD_SLOT (self));

  if (self->card != NULL)
    cto_person_card_unbind (self->card);
  g_clear_object (&self->person);
  g_clear_object (&self->analysis);
}

CtoPerson *
cto_card_slot_get_person (CtoCardSlot *self)
{
  g_return_val_if_fail (CTO_IS_CARD_SLOT (self), NULL);

  return self->person;
}

CtoPersonCard *
cto_card_slot_get_card (CtoCardSlot *self)
{
  g_return_val_if_fail (CTO_IS_CARD_SLOT (self), NULL);

  return self->card;
}

void
cto_card_slot_show (CtoCardSlot *self)
{
  g_return_if_fail (CTO_IS_CARD_SLOT (self));

  if (self->card == NULL)
    {
      if (self->person == NULL)
        return;

      self->card = CTO_PERSON_CARD (cto_person_card_new ());
      gtk_widget_set_parent (GTK_WIDGET (self->card), GTK_WIDGET (self));
      bind_card (self, FALSE);
      return;
    }

  cto_person_card_show_details (self->card);
}

gboolean
cto_card_slot_get_shown (CtoCardSlot *self)
{
  g_return_val_if_fail (CTO_IS_CARD_SLOT (self), FALSE);

  return self->card != NULL && cto_person_card_get_details_shown (self->card);
}

void
cto_card_slot_set_as_of (CtoCardSlot *self,
                         CtoAnalysis *as_of)
{
  g_return_if_fail (CTO_IS_CARD_SLOT (self));

  g_set_object (&self->as_of, as_of);
  if (self->card != NULL)
    cto_person_card_set_as_of (self->card, as_of);
}
