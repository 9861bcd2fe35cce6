/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-window"

#include "config.h"

#include "cto-assignment-chip.h"
#include "cto-org-node.h"
#include "cto-person-card.h"
#include "cto-responsibility-row.h"
#include "cto-window-private.h"

/*
 * The responsibility list from the keyboard: one Tab stop, arrows inside
 * (GtkListView's own), and each row's actions in a menu for the Menu key
 * and Shift+F10, since its buttons are no Tab stops. F6 moves between the
 * panes, back where the focus was in each, and into them from the header
 * bar or the coverage strip. A plan opens with the focus in its list.
 * Elsewhere the Menu key and Shift+F10 open the menu of what has the focus.
 */

/* Layouts to wait for the list's first row before giving up. */
#define FOCUS_LIST_TRIES 10

static GtkPaned *
panes_of (CtoWindow *self)
{
  return GTK_PANED (gtk_widget_get_ancestor (self->responsibility_pane, GTK_TYPE_PANED));
}

static gboolean
list_key_pressed_cb (GtkEventControllerKey *controller,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     CtoWindow             *self)
{
  if (keyval != GDK_KEY_Tab && keyval != GDK_KEY_ISO_Left_Tab && keyval != GDK_KEY_KP_Tab)
    return FALSE;
  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;

  /* Tab leaves the list, whichever row has the focus. */
  if (keyval == GDK_KEY_ISO_Left_Tab || (state & GDK_SHIFT_MASK) != 0)
    {
      if (gtk_revealer_get_reveal_child (self->filter_revealer) &&
          gtk_widget_child_focus (GTK_WIDGET (self->filter_revealer), GTK_DIR_TAB_BACKWARD))
        return TRUE;
      return gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
    }

  return gtk_widget_child_focus (gtk_paned_get_end_child (panes_of (self)), GTK_DIR_TAB_FORWARD);
}

/* The row whose list item has the focus, or NULL. Asked of the window: the
 * list forgets its focus child when its items change under a focused row,
 * which keeps the focus. */
static CtoResponsibilityRow *
focused_row (CtoWindow *self)
{
  GtkWidget *list = GTK_WIDGET (self->responsibility_list);
  GtkWidget *item = gtk_root_get_focus (GTK_ROOT (self));
  GtkWidget *row;

  while (item != NULL && gtk_widget_get_parent (item) != list)
    item = gtk_widget_get_parent (item);
  row = item ? gtk_widget_get_first_child (item) : NULL;

  return row != NULL && CTO_IS_RESPONSIBILITY_ROW (row) ? CTO_RESPONSIBILITY_ROW (row) : NULL;
}

static gboolean
row_menu_cb (GtkWidget *list,
             GVariant  *arguments,
             gpointer   user_data)
{
  CtoResponsibilityRow *row = focused_row (CTO_WINDOW (user_data));

  if (row == NULL)
    return FALSE;

  cto_responsibility_row_popup_menu (row);
  return TRUE;
}

/* The card whose cell of the board, or anything in it, has the focus. */
static CtoPersonCard *
card_of_focus (GtkWidget *focus)
{
  GtkWidget *card = gtk_widget_get_ancestor (focus, CTO_TYPE_PERSON_CARD);

  if (card == NULL && CTO_IS_PERSON_CARD (gtk_widget_get_first_child (focus)))
    card = gtk_widget_get_first_child (focus);

  return card != NULL ? CTO_PERSON_CARD (card) : NULL;
}

/* The Menu key and Shift+F10 outside the list, whose rows have their own:
 * the menu of the chip, the card or the org chart's box with the focus,
 * or nothing. Never the search field's, which has its own for when it has
 * the focus: the window passes it the keys nothing else takes
 * (gtk_search_entry_set_key_capture_widget()), and with them its focus. */
static gboolean
context_menu_cb (GtkWidget *widget,
                 GVariant  *arguments,
                 gpointer   user_data)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (user_data));
  GtkWidget *found;
  CtoPersonCard *card;

  if (focus == NULL)
    return TRUE;

  if ((found = gtk_widget_get_ancestor (focus, CTO_TYPE_ASSIGNMENT_CHIP)) != NULL)
    cto_assignment_chip_popup (CTO_ASSIGNMENT_CHIP (found));
  else if ((card = card_of_focus (focus)) != NULL)
    cto_person_card_popup_menu (card);
  else if ((found = gtk_widget_get_ancestor (focus, CTO_TYPE_ORG_NODE)) != NULL)
    cto_org_node_popup (CTO_ORG_NODE (found));

  return TRUE;
}

/* Whether the panes are on screen: the plan's page shows, and on it the
 * board (not the org chart). */
static gboolean
panes_shown (CtoWindow *self)
{
  return gtk_widget_is_drawable (GTK_WIDGET (panes_of (self)));
}

/* The pane the focus is in: 0 the responsibilities', 1 the people's, or
 * -1 neither (the header bar, the coverage strip). */
static int
pane_of_focus (CtoWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  GtkPaned *panes = panes_of (self);

  if (focus == NULL)
    return -1;
  if (gtk_widget_is_ancestor (focus, gtk_paned_get_start_child (panes)))
    return 0;
  if (gtk_widget_is_ancestor (focus, gtk_paned_get_end_child (panes)))
    return 1;
  return -1;
}

static void
focus_changed_cb (CtoWindow *self)
{
  int pane = pane_of_focus (self);

  if (pane >= 0)
    g_set_weak_pointer (&self->pane_focus[pane], gtk_root_get_focus (GTK_ROOT (self)));
}

/* The row of @responsibility, or the list's first row when %NULL, when it
 * is made and on screen. */
static gboolean
focus_row (CtoWindow         *self,
           CtoResponsibility *responsibility)
{
  GHashTableIter iter;
  gpointer item;

  g_hash_table_iter_init (&iter, self->bound_rows);
  while (g_hash_table_iter_next (&iter, &item, NULL))
    {
      GtkWidget *row = gtk_list_item_get_child (item);
      gboolean wanted = responsibility != NULL ? gtk_list_item_get_item (item) == (gpointer) responsibility
                                               : gtk_list_item_get_position (item) == 0;

      if (wanted && row != NULL && gtk_widget_get_mapped (row))
        return gtk_widget_grab_focus (gtk_widget_get_parent (row));
    }

  return FALSE;
}

/* Until the row of @responsibility (the list's first when %NULL) is made,
 * after a layout (_cto_window_focus_pending_row()); unless the focus moves
 * meanwhile. */
static void
wait_for_row (CtoWindow         *self,
              CtoResponsibility *responsibility)
{
  g_set_object (&self->focus_responsibility, responsibility);
  g_set_weak_pointer (&self->focus_list_from, gtk_root_get_focus (GTK_ROOT (self)));
  self->focus_list_tries = FOCUS_LIST_TRIES;
}

static void
stop_waiting (CtoWindow *self)
{
  self->focus_list_tries = 0;
  g_clear_object (&self->focus_responsibility);
  g_clear_weak_pointer (&self->focus_list_from);
}

/* The row waited for (the list's first unless one was asked for), or the
 * search when the list is empty; FALSE while the row is not made yet. */
static gboolean
focus_list_start (CtoWindow *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->responsibility_model)) == 0)
    return gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));

  return focus_row (self, self->focus_responsibility);
}

/* Into a pane where the focus last was in it; else into the list of
 * responsibilities (their search when it is empty), or the first of the
 * people's pane. */
static gboolean
focus_pane (CtoWindow *self,
            int        pane)
{
  GtkWidget *child = pane == 0 ? gtk_paned_get_start_child (panes_of (self))
                               : gtk_paned_get_end_child (panes_of (self));
  GtkWidget *last = self->pane_focus[pane];

  /* Never into what is not on screen. */
  if (!panes_shown (self))
    return FALSE;

  if (last != NULL && gtk_widget_is_ancestor (last, child) && gtk_widget_is_drawable (last) &&
      gtk_widget_grab_focus (last))
    return TRUE;

  if (pane == 1)
    return gtk_widget_child_focus (child, GTK_DIR_TAB_FORWARD);

  if (focus_list_start (self))
    return TRUE;

  /* Its rows are made in the next layout: the list's own focus until
   * then, the row's after (_cto_window_focus_pending_row()). */
  if (!gtk_widget_grab_focus (GTK_WIDGET (self->responsibility_list)))
    return FALSE;
  wait_for_row (self, self->focus_responsibility);
  return TRUE;
}

/* F6 and Shift+F6: from one pane to the other, back where the focus was
 * there; from outside them, into the list (F6) or the people (Shift+F6). */
static gboolean
pane_key_cb (GtkWidget *widget,
             GVariant  *arguments,
             gpointer   user_data)
{
  CtoWindow *self = CTO_WINDOW (widget);
  int pane = pane_of_focus (self);

  /* On the org chart, or the loading or error page, F6 is not ours. */
  if (!panes_shown (self))
    return FALSE;
  if (pane < 0)
    return focus_pane (self, g_variant_get_boolean (arguments) ? 1 : 0);

  return focus_pane (self, 1 - pane);
}

void
_cto_window_focus_plan (CtoWindow *self)
{
  g_assert (CTO_IS_WINDOW (self));

  /* Where the user is in the people's pane, they stay; on the org chart,
   * the focus is theirs. */
  stop_waiting (self);
  g_clear_weak_pointer (&self->pane_focus[0]);
  if (pane_of_focus (self) == 1 || _cto_window_org_chart_chosen (self))
    return;

  /* A window not yet on screen, or still showing that it reads, takes the
   * focus once the board shows: focus given before the window is on screen
   * makes GTK 4.8 present it to screen readers as a mere "filler". */
  if (panes_shown (self))
    focus_pane (self, 0);
  else
    wait_for_row (self, NULL);
}

void
_cto_window_focus_row (CtoWindow         *self,
                       CtoResponsibility *responsibility)
{
  g_assert (CTO_IS_WINDOW (self));
  g_assert (CTO_IS_RESPONSIBILITY (responsibility));

  if (!panes_shown (self) || !focus_row (self, responsibility))
    wait_for_row (self, responsibility);
  else
    stop_waiting (self);
}

void
_cto_window_focus_pending_row (CtoWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (self->focus_list_tries == 0)
    return;

  /* Not on a page the user chose instead, nor where they went meanwhile. */
  if (_cto_window_org_chart_chosen (self) ||
      (pane_of_focus (self) >= 0 && focus != self->focus_list_from))
    {
      stop_waiting (self);
      return;
    }
  if (!panes_shown (self))
    return;

  if (focus_list_start (self) || --self->focus_list_tries == 0)
    stop_waiting (self);
}

void
_cto_window_init_keys (CtoWindow *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (list_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->responsibility_list), keys);

  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
    gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Shift>F10|Menu"),
                      gtk_callback_action_new (row_menu_cb, self, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self->responsibility_list), shortcuts);

  /* On the window's content, which the keys reach before the window, where
   * the search field takes what they pass on. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
    gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Shift>F10|Menu"),
                      gtk_callback_action_new (context_menu_cb, self, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self->toast_overlay), shortcuts);

  /* Before GtkPaned's own F6, which goes to the first of a pane rather
   * than back where the focus was. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  for (guint backwards = 0; backwards < 2; backwards++)
    {
      GtkShortcut *shortcut =
        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_F6, backwards ? GDK_SHIFT_MASK : 0),
                          gtk_callback_action_new (pane_key_cb, NULL, NULL));

      gtk_shortcut_set_arguments (shortcut, g_variant_new_boolean (backwards));
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), shortcut);
    }
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
  g_signal_connect (self, "notify::focus-widget", G_CALLBACK (focus_changed_cb), NULL);
}

void
_cto_window_dispose_keys (CtoWindow *self)
{
  stop_waiting (self);
  for (guint pane = 0; pane < G_N_ELEMENTS (self->pane_focus); pane++)
    g_clear_weak_pointer (&self->pane_focus[pane]);
}
