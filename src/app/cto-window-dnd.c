/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-window"

#include "config.h"

#include <glib/gi18n.h>

#include "cto-person-card.h"
#include "cto-window-private.h"

/* Whether @responsibility and @person (either may be %NULL) are in this
 * window's plan: a drag may come from another window. */
static gboolean
in_plan (CtoWindow         *self,
         CtoResponsibility *responsibility,
         CtoPerson         *person)
{
  if (responsibility != NULL &&
      cto_plan_find_responsibility (self->plan, cto_responsibility_get_id (responsibility)) != responsibility)
    return FALSE;

  if (person != NULL &&
      cto_plan_find_person (self->plan, cto_person_get_id (person)) != person)
    return FALSE;

  return TRUE;
}

/* Ctrl held during a drag leaves the drop only the copy action. */
static gboolean
drop_is_copy (GtkDropTarget *target)
{
  GdkDrop *drop = gtk_drop_target_get_current_drop (target);
  GdkModifierType state =
    gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (target));

  if (state & GDK_CONTROL_MASK)
    return TRUE;

  if (drop != NULL)
    {
      GdkDragAction actions = gdk_drop_get_actions (drop);

      return (actions & GDK_ACTION_COPY) && !(actions & GDK_ACTION_MOVE);
    }

  return FALSE;
}

static gboolean
card_drop_cb (GtkDropTarget *target,
              const GValue  *value,
              double         x,
              double         y,
              CtoWindow     *self)
{
  GtkWidget *card = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  CtoPerson *person = cto_person_card_get_person (CTO_PERSON_CARD (card));

  if (person == NULL)
    return FALSE;

  if (G_VALUE_HOLDS (value, CTO_TYPE_RESPONSIBILITY))
    return _cto_window_drop_responsibility (self, g_value_get_object (value), person);

  if (G_VALUE_HOLDS (value, CTO_TYPE_CHIP))
    return _cto_window_drop_chip (self, g_value_get_boxed (value), person, drop_is_copy (target));

  return FALSE;
}

static gboolean
pane_drop_cb (GtkDropTarget *target,
              const GValue  *value,
              double         x,
              double         y,
              CtoWindow     *self)
{
  if (!G_VALUE_HOLDS (value, CTO_TYPE_CHIP))
    return FALSE;

  return _cto_window_drop_chip_on_pane (self, g_value_get_boxed (value));
}

void
_cto_window_init_dnd (CtoWindow *self)
{
  GtkDropTarget *target = gtk_drop_target_new (CTO_TYPE_CHIP, GDK_ACTION_MOVE | GDK_ACTION_COPY);

  g_signal_connect (target, "drop", G_CALLBACK (pane_drop_cb), self);
  gtk_widget_add_controller (self->responsibility_pane, GTK_EVENT_CONTROLLER (target));
}

void
_cto_window_add_card_drop_target (CtoWindow *self,
                                  GtkWidget *card)
{
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_MOVE | GDK_ACTION_COPY);
  GType types[] = { CTO_TYPE_RESPONSIBILITY, CTO_TYPE_CHIP };

  gtk_drop_target_set_gtypes (target, types, G_N_ELEMENTS (types));
  g_signal_connect (target, "drop", G_CALLBACK (card_drop_cb), self);
  gtk_widget_add_controller (card, GTK_EVENT_CONTROLLER (target));
}

gboolean
_cto_window_drop_responsibility (CtoWindow         *self,
                                 CtoResponsibility *responsibility,
                                 CtoPerson         *person)
{
  g_assert (CTO_IS_WINDOW (self));

  if (!CTO_IS_RESPONSIBILITY (responsibility) || !in_plan (self, responsibility, person))
    return FALSE;

  /* Shared: whoever carries it already keeps it. */
  return cto_plan_assign (self->plan, responsibility, person, 1.0);
}

gboolean
_cto_window_drop_chip (CtoWindow     *self,
                       const CtoChip *chip,
                       CtoPerson     *person,
                       gboolean       copy)
{
  g_assert (CTO_IS_WINDOW (self));

  if (chip == NULL || !in_plan (self, chip->responsibility, chip->person) ||
      !in_plan (self, NULL, person) || chip->person == person)
    return FALSE;

  if (copy)
    return cto_plan_assign (self->plan, chip->responsibility, person, 1.0);

  return cto_plan_move_assignment (self->plan, chip->responsibility, chip->person, person);
}

gboolean
_cto_window_drop_chip_on_pane (CtoWindow     *self,
                               const CtoChip *chip)
{
  g_assert (CTO_IS_WINDOW (self));

  if (chip == NULL || !in_plan (self, chip->responsibility, chip->person))
    return FALSE;

  return _cto_window_unassign (self, chip->responsibility, chip->person);
}

gboolean
_cto_window_unassign (CtoWindow         *self,
                      CtoResponsibility *responsibility,
                      CtoPerson         *person)
{
  g_autofree char *title = NULL;

  if (!cto_plan_unassign (self->plan, responsibility, person))
    return FALSE;

  /* Translators: a notification with an Undo button: Took “Security” from Ana */
  title = g_strdup_printf (_("Took “%s” from %s"), cto_responsibility_get_title (responsibility),
                           cto_person_get_name (person));
  _cto_window_toast_undo (self, title);

  return TRUE;
}
