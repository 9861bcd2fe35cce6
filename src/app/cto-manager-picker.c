/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-manager-picker"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "cto-manager-picker.h"
#include "cto-plan.h"

struct _CtoManagerPicker
{
  GtkPopover      parent_instance;

  GtkLabel       *heading;
  GtkSearchEntry *search_entry;
  GtkListBox     *list;
  GtkWidget      *empty_label;
  GtkBox         *buttons;
  char           *search;      /* casefolded, or NULL */
};

G_DEFINE_FINAL_TYPE (CtoManagerPicker, cto_manager_picker, GTK_TYPE_POPOVER)

#define ACTION_KEY "cto-action"
#define TARGET_KEY "cto-target"
#define TEXT_KEY   "cto-text"    /* casefolded label */

/* An item of the choices that cannot be chosen says why in this attribute
 * (and has no action). */
#define UNAVAILABLE_ATTRIBUTE "cto-unavailable"
/* What tells an item apart from another of the same label, said under it;
 * a search finds items by their labels alone. */
#define DETAIL_ATTRIBUTE "cto-detail"

static gboolean
row_matches (GtkListBoxRow *row,
             gpointer       user_data)
{
  CtoManagerPicker *self = user_data;
  const char *text = g_object_get_data (G_OBJECT (row), TEXT_KEY);

  return self->search == NULL || strstr (text, self->search) != NULL;
}

/* The first row shown that can be picked, or NULL; with @any, the first
 * row shown. */
static GtkListBoxRow *
first_shown_row (CtoManagerPicker *self,
                 gboolean          any)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      if (GTK_IS_LIST_BOX_ROW (row) && gtk_widget_get_child_visible (row) &&
          (any || gtk_widget_get_sensitive (row)))
        return GTK_LIST_BOX_ROW (row);
    }

  return NULL;
}

static void
pick (CtoManagerPicker *self,
      GtkListBoxRow    *row)
{
  const char *action = g_object_get_data (G_OBJECT (row), ACTION_KEY);
  GVariant *target = g_object_get_data (G_OBJECT (row), TARGET_KEY);

  /* One that cannot be chosen has no action. */
  if (action == NULL)
    return;

  gtk_popover_popdown (GTK_POPOVER (self));
  gtk_widget_activate_action_variant (GTK_WIDGET (self), action, target);
}

static void
search_changed_cb (CtoManagerPicker *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  g_clear_pointer (&self->search, g_free);
  if (text[0] != '\0')
    self->search = g_utf8_casefold (text, -1);

  gtk_list_box_invalidate_filter (self->list);
  gtk_widget_set_visible (self->empty_label, first_shown_row (self, TRUE) == NULL);
}

static void
search_activate_cb (CtoManagerPicker *self)
{
  GtkListBoxRow *row;

  /* Enter may come before the entry tells of the typing: it means what is typed now. */
  search_changed_cb (self);
  row = first_shown_row (self, FALSE);

  /* Enter picks the top match; with nothing typed, nothing is picked. */
  if (self->search != NULL && row != NULL)
    pick (self, row);
}

static void
row_activated_cb (CtoManagerPicker *self,
                  GtkListBoxRow    *row)
{
  pick (self, row);
}

static gboolean
search_key_pressed_cb (GtkEventControllerKey *controller,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       CtoManagerPicker      *self)
{
  GtkListBoxRow *row;

  if (keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down)
    return FALSE;

  /* Down may come before the entry tells of the typing, as Enter may. */
  search_changed_cb (self);
  row = first_shown_row (self, FALSE);
  if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
  return row != NULL;
}

/* The row that has the focus, or NULL. */
static GtkListBoxRow *
focused_row (CtoManagerPicker *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->list)))
    return NULL;
  return GTK_LIST_BOX_ROW (GTK_IS_LIST_BOX_ROW (focus) ? focus
                           : gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW));
}

static gboolean
keynav_failed_cb (CtoManagerPicker *self,
                  GtkDirectionType  direction)
{
  /* Up from the first row: back to typing. */
  if (direction != GTK_DIR_UP)
    return FALSE;

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  return TRUE;
}

/* Whether the keys may rest on @row: shown and pickable. */
static gboolean
can_rest_on (GtkWidget *row)
{
  return GTK_IS_LIST_BOX_ROW (row) && gtk_widget_get_child_visible (row) &&
         gtk_widget_get_sensitive (row);
}

static double
row_top (GtkWidget *row,
         GtkWidget *list)
{
  graphene_rect_t bounds;

  if (!gtk_widget_compute_bounds (row, list, &bounds))
    return 0;
  return bounds.origin.y;
}

/* The row @count rows that can be picked away from @from (the first or
 * last with no @from), or the one nearest a page away for @pages; NULL when
 * there is none that way. */
static GtkWidget *
row_away (GtkWidget *list,
          GtkWidget *from,
          int        count,
          gboolean   pages)
{
  GtkWidget *(*step) (GtkWidget *) = count > 0 ? gtk_widget_get_next_sibling
                                               : gtk_widget_get_prev_sibling;
  GtkWidget *found = NULL;
  GtkWidget *row;
  double page = 0;
  double from_top = 0;

  if (from == NULL)
    row = count > 0 ? gtk_widget_get_first_child (list) : gtk_widget_get_last_child (list);
  else
    row = step (from);

  if (pages)
    {
      GtkWidget *scroller = gtk_widget_get_ancestor (list, GTK_TYPE_SCROLLED_WINDOW);

      if (scroller != NULL)
        page = gtk_adjustment_get_page_size (
          gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller)));
      if (from != NULL)
        from_top = row_top (from, list);
    }

  for (int left = ABS (count); row != NULL; row = step (row))
    {
      if (!can_rest_on (row))
        continue;
      found = row;
      /* A page: the first a page or more from @from, else the last there is. */
      if (pages && from != NULL && ABS (row_top (row, list) - from_top) < page * ABS (count))
        continue;
      if (pages || --left == 0)
        break;
    }

  return found;
}

/* The arrows, Page Up and Down, Home and End, as the list has them, but
 * stepping over those who cannot be picked: the list would rest on one,
 * which cannot take the focus, and keys would seem to do nothing. */
static void
move_cursor_cb (GtkListBox       *list,
                GtkMovementStep   step,
                int               count,
                gboolean          extend,
                gboolean          modify,
                CtoManagerPicker *self)
{
  GtkWidget *from = GTK_WIDGET (focused_row (self));
  GtkWidget *to;

  switch (step)
    {
    case GTK_MOVEMENT_DISPLAY_LINES:
      to = row_away (GTK_WIDGET (list), from, count, FALSE);
      break;
    case GTK_MOVEMENT_PAGES:
      to = row_away (GTK_WIDGET (list), from, count, TRUE);
      break;
    case GTK_MOVEMENT_BUFFER_ENDS:
      to = row_away (GTK_WIDGET (list), NULL, -count, FALSE);
      break;
    default:
      return;
    }

  g_signal_stop_emission_by_name (list, "move-cursor");

  if (to != NULL)
    {
      if (to != from)
        gtk_widget_grab_focus (to);
    }
  else if (step == GTK_MOVEMENT_BUFFER_ENDS)
    gtk_widget_error_bell (GTK_WIDGET (list));
  /* Past the ends, as the list goes: up to the search, down to what
   * follows the list. */
  else if (count < 0)
    keynav_failed_cb (self, GTK_DIR_UP);
  else if (!gtk_widget_child_focus (GTK_WIDGET (self), GTK_DIR_TAB_FORWARD))
    gtk_widget_error_bell (GTK_WIDGET (list));
}

static void
shown_cb (CtoManagerPicker *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
cto_manager_picker_finalize (GObject *object)
{
  CtoManagerPicker *self = (CtoManagerPicker *) object;

  g_clear_pointer (&self->search, g_free);

  G_OBJECT_CLASS (cto_manager_picker_parent_class)->finalize (object);
}

static void
cto_manager_picker_class_init (CtoManagerPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cto_manager_picker_finalize;
}

static void
cto_manager_picker_init (CtoManagerPicker *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkEventController *keys;

  /* Whose manager it is: the org chart's box that opens it is out of sight
   * under it. */
  self->heading = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->heading, 0);
  gtk_label_set_wrap (self->heading, TRUE);
  gtk_label_set_max_width_chars (self->heading, 30);
  gtk_widget_add_css_class (GTK_WIDGET (self->heading), "heading");
  gtk_widget_set_visible (GTK_WIDGET (self->heading), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->heading));

  self->search_entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  gtk_widget_set_name (GTK_WIDGET (self->search_entry), "manager-search");
  g_object_set (self->search_entry, "placeholder-text", _("Search people"), NULL);
  /* Filtered as soon as the main loop turns, as the Assign To list
   * (cto-assign-popover.ui); Down and Enter act on what is typed. */
  gtk_search_entry_set_search_delay (self->search_entry, 0);
  /* The search's accessible name is the heading's (cto_manager_picker_set_menu ()). */
  g_signal_connect_swapped (self->search_entry, "search-changed",
                            G_CALLBACK (search_changed_cb), self);
  g_signal_connect_swapped (self->search_entry, "activate", G_CALLBACK (search_activate_cb), self);
  /* Escape in the search, which takes it before the popover can, closes
   * the list with nothing picked. */
  g_signal_connect_swapped (self->search_entry, "stop-search", G_CALLBACK (gtk_popover_popdown), self);
  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (search_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->search_entry));

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_set_name (GTK_WIDGET (self->list), "manager-list");
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_list_box_set_activate_on_single_click (self->list, TRUE);
  gtk_list_box_set_filter_func (self->list, row_matches, self, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("People"),
                                  -1);
  g_signal_connect_swapped (self->list, "row-activated", G_CALLBACK (row_activated_cb), self);
  g_signal_connect_swapped (self->list, "keynav-failed", G_CALLBACK (keynav_failed_cb), self);
  g_signal_connect (self->list, "move-cursor", G_CALLBACK (move_cursor_cb), self);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->list));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 320);
  gtk_box_append (GTK_BOX (box), scroller);

  self->empty_label = gtk_label_new (_("No one by that name"));
  gtk_widget_add_css_class (self->empty_label, "dim-label");
  gtk_widget_set_visible (self->empty_label, FALSE);
  gtk_box_append (GTK_BOX (box), self->empty_label);

  self->buttons = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 0));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->buttons));

  gtk_widget_set_size_request (box, 300, -1);
  gtk_popover_set_child (GTK_POPOVER (self), box);
  g_signal_connect (self, "show", G_CALLBACK (shown_cb), NULL);
}

GtkWidget *
cto_manager_picker_new (void)
{
  return g_object_new (CTO_TYPE_MANAGER_PICKER, NULL);
}

/* Takes @target. What tells a choice apart from another of the same label
 * (@detail, or %NULL) is said under it. A choice that cannot be chosen
 * (@unavailable says why) is shown out of reach, saying why: found by a
 * search like the others. */
static GtkWidget *
make_row (const char *label,
          const char *detail,
          const char *action,
          GVariant   *target,
          gboolean    current,
          const char *unavailable)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *text = gtk_label_new_with_mnemonic (label);
  /* The label alone, or with lines under it: a box of its own only then,
   * as a list of hundreds has rows of the one line. */
  GtkWidget *texts = detail != NULL || unavailable != NULL ? gtk_box_new (GTK_ORIENTATION_VERTICAL, 2) : text;
  g_autoptr(GString) name = g_string_new (gtk_label_get_text (GTK_LABEL (text)));

  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_ellipsize (GTK_LABEL (text), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (texts, TRUE);
  if (texts != text)
    gtk_box_append (GTK_BOX (texts), text);
  gtk_box_append (GTK_BOX (box), texts);

  /* Under the label, in small print: what tells it apart, and why it
   * cannot be chosen. */
  for (guint i = 0; i < 2; i++)
    {
      const char *words = i == 0 ? detail : unavailable;
      GtkWidget *caption;

      if (words == NULL)
        continue;
      caption = gtk_label_new (words);
      gtk_label_set_xalign (GTK_LABEL (caption), 0);
      gtk_label_set_wrap (GTK_LABEL (caption), TRUE);
      gtk_widget_add_css_class (caption, "caption");
      if (unavailable == NULL)
        gtk_widget_add_css_class (caption, "dim-label");
      gtk_box_append (GTK_BOX (texts), caption);
      g_string_append_printf (name, i == 0 ? ", %s" : " (%s)", words);
    }

  if (unavailable != NULL)
    {
      gtk_widget_set_sensitive (row, FALSE);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
    }
  else
    {
      GtkWidget *mark = gtk_image_new_from_icon_name ("object-select-symbolic");

      /* The current choice in words too, not by the mark alone. */
      gtk_widget_set_visible (mark, current);
      gtk_accessible_update_property (GTK_ACCESSIBLE (mark), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Current"), -1);
      gtk_box_append (GTK_BOX (box), mark);
      if (current)
        g_string_append_printf (name, " (%s)", _("current"));
    }

  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name->str, -1);

  g_object_set_data_full (G_OBJECT (row), ACTION_KEY, g_strdup (action), g_free);
  g_object_set_data_full (G_OBJECT (row), TARGET_KEY, target, (GDestroyNotify) g_variant_unref);
  g_object_set_data_full (G_OBJECT (row), TEXT_KEY,
                          g_utf8_casefold (gtk_label_get_text (GTK_LABEL (text)), -1), g_free);

  return row;
}

void
cto_manager_picker_set_menu (CtoManagerPicker *self,
                             GMenuModel       *menu,
                             const char       *current)
{
  GtkWidget *child;

  g_return_if_fail (CTO_IS_MANAGER_PICKER (self));
  g_return_if_fail (G_IS_MENU_MODEL (menu));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->buttons))) != NULL)
    gtk_box_remove (self->buttons, child);

  /* The first section's label is the heading, when it has one. */
  {
    g_autofree char *heading = NULL;

    if (g_menu_model_get_n_items (menu) > 0)
      g_menu_model_get_item_attribute (menu, 0, G_MENU_ATTRIBUTE_LABEL, "s", &heading);
    gtk_label_set_label (self->heading, heading != NULL ? heading : "");
    gtk_widget_set_visible (GTK_WIDGET (self->heading), heading != NULL);
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    heading != NULL ? heading : _("Reports to"), -1);
  }

  for (int section = 0; section < g_menu_model_get_n_items (menu); section++)
    {
      g_autoptr(GMenuModel) items = g_menu_model_get_item_link (menu, section, G_MENU_LINK_SECTION);

      for (int i = 0; items != NULL && i < g_menu_model_get_n_items (items); i++)
        {
          g_autofree char *label = NULL;
          g_autofree char *action = NULL;
          g_autofree char *unavailable = NULL;
          g_autofree char *detail = NULL;
          g_autoptr(GVariant) target =
            g_menu_model_get_item_attribute_value (items, i, G_MENU_ATTRIBUTE_TARGET, NULL);

          g_menu_model_get_item_attribute (items, i, G_MENU_ATTRIBUTE_LABEL, "s", &label);
          g_menu_model_get_item_attribute (items, i, G_MENU_ATTRIBUTE_ACTION, "s", &action);
          g_menu_model_get_item_attribute (items, i, UNAVAILABLE_ATTRIBUTE, "s", &unavailable);
          g_menu_model_get_item_attribute (items, i, DETAIL_ATTRIBUTE, "s", &detail);
          if (label == NULL || (action == NULL && (section > 0 || unavailable == NULL)))
            continue;

          if (section == 0)
            {
              gboolean is_current = target != NULL &&
                                    g_variant_is_of_type (target, G_VARIANT_TYPE_STRING) &&
                                    g_strcmp0 (g_variant_get_string (target, NULL), current) == 0;

              gtk_list_box_append (self->list,
                                   make_row (label, detail, action, target ? g_variant_ref (target) : NULL,
                                             is_current, unavailable));
            }
          else
            {
              GtkWidget *button = gtk_button_new_with_mnemonic (label);

              gtk_widget_add_css_class (button, "flat");
              g_signal_connect_swapped (button, "clicked", G_CALLBACK (gtk_popover_popdown), self);
              gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
              if (target != NULL)
                gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
              gtk_box_append (self->buttons, button);
            }
        }
    }

  search_changed_cb (self);
}

/* A name as a menu label, where an underscore marks a mnemonic. */
static char *
escape_mnemonic (const char *name)
{
  g_auto(GStrv) parts = g_strsplit (name, "_", -1);

  return g_strjoinv ("__", parts);
}

/* A person as a choice: with the role, as two people may share a name. */
static char *
choice_text (CtoPerson *candidate)
{
  if (cto_person_get_role (candidate) != NULL && cto_person_get_role (candidate)[0] != '\0')
    {
      /* Translators: a choice of whom someone reports to: name — role */
      return g_strdup_printf (_("%s — %s"), cto_person_get_name (candidate), cto_person_get_role (candidate));
    }

  return g_strdup (cto_person_get_name (candidate));
}

/* Whom @candidate reports to, as a choice's text tells them apart by it:
 * "" for no one. */
static const char *
manager_of (CtoPerson *candidate)
{
  const char *manager = cto_person_get_reports_to (candidate);

  return manager != NULL ? manager : "";
}

/* What tells @candidate apart from the others in @twins, who are called the
 * same way: whom they report to where that differs among them, and their
 * id where it does not. */
static char *
told_apart (CtoPlan   *plan,
            GPtrArray *twins,
            CtoPerson *candidate)
{
  g_autofree char *by_manager = NULL;
  guint n_same_manager = 0;

  for (guint i = 0; i < twins->len; i++)
    n_same_manager += g_strcmp0 (manager_of (twins->pdata[i]), manager_of (candidate)) == 0;

  if (n_same_manager < twins->len)
    {
      CtoPerson *manager = manager_of (candidate)[0] != '\0' ?
                           cto_plan_find_person (plan, manager_of (candidate)) : NULL;

      if (manager != NULL)
        {
          /* Translators: under a choice of whom someone reports to, telling
           * it apart from another of the same name and role: "Reports to Ana Pérez" */
          by_manager = g_strdup_printf (_("Reports to %s"), cto_person_get_name (manager));
        }
      else if (manager_of (candidate)[0] == '\0')
        {
          /* Translators: under a choice of whom someone reports to, telling
           * it apart from another of the same name and role */
          by_manager = g_strdup (_("Reports to no one"));
        }
      if (by_manager != NULL && n_same_manager == 1)
        return g_steal_pointer (&by_manager);
    }

  if (by_manager != NULL)
    {
      /* Translators: under a choice of whom someone reports to, telling it
       * apart from others of the same name, role and manager by the
       * person's id in the plan: "Reports to Ana Pérez · id bo-2" */
      return g_strdup_printf (C_("reports-to choice", "%s · id %s"), by_manager, cto_person_get_id (candidate));
    }

  /* Translators: under a choice of whom someone reports to, telling it
   * apart from others of the same name and role by the person's id in the
   * plan: "Id bo-2" */
  return g_strdup_printf (C_("reports-to choice", "Id %s"), cto_person_get_id (candidate));
}

/* What each person of @plan is called as a choice, in the plan's order. */
static GPtrArray *
choice_texts (CtoPlan *plan)
{
  GListModel *people = cto_plan_get_people (plan);
  guint n = g_list_model_get_n_items (people);
  GPtrArray *texts = g_ptr_array_new_full (n, g_free);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CtoPerson) candidate = g_list_model_get_item (people, i);

      g_ptr_array_add (texts, choice_text (candidate));
    }

  return texts;
}

/* What tells each person apart as a choice of whom @person reports to from
 * another called the same way (@texts, choice_texts ()), in the plan's
 * order; %NULL for those called as no one else (and for @person, who is no
 * choice). */
static GPtrArray *
choice_details (CtoPlan   *plan,
                CtoPerson *person,
                GPtrArray *texts)
{
  GListModel *people = cto_plan_get_people (plan);
  guint n = g_list_model_get_n_items (people);
  GPtrArray *details = g_ptr_array_new_full (n, g_free);
  /* The people called the same way (the plan holds them), by that text. */
  g_autoptr(GHashTable) twins = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                       (GDestroyNotify) g_ptr_array_unref);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CtoPerson) candidate = g_list_model_get_item (people, i);
      GPtrArray *same;

      if (candidate == person)
        continue;

      same = g_hash_table_lookup (twins, texts->pdata[i]);
      if (same == NULL)
        {
          same = g_ptr_array_new ();
          g_hash_table_insert (twins, texts->pdata[i], same);
        }
      g_ptr_array_add (same, candidate);
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CtoPerson) candidate = g_list_model_get_item (people, i);
      GPtrArray *same = g_hash_table_lookup (twins, texts->pdata[i]);

      g_ptr_array_add (details, candidate != person && same->len > 1 ?
                                told_apart (plan, same, candidate) : NULL);
    }

  return details;
}

/* A person as a choice, called @text and told apart by @detail (or %NULL). */
static void
set_choice (GMenuItem  *item,
            const char *text,
            const char *detail)
{
  g_autofree char *label = escape_mnemonic (text);

  g_menu_item_set_label (item, label);
  if (detail != NULL)
    g_menu_item_set_attribute (item, DETAIL_ATTRIBUTE, "s", detail);
}

GMenu *
cto_manager_picker_build_menu (CtoPlan    *plan,
                               CtoPerson  *person,
                               const char *action)
{
  GListModel *people;
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) managers = g_menu_new ();
  g_autoptr(GMenuItem) no_one = g_menu_item_new (_("_No One"), NULL);
  g_autoptr(GPtrArray) texts = NULL;
  g_autoptr(GPtrArray) details = NULL;

  g_return_val_if_fail (CTO_IS_PLAN (plan), NULL);
  g_return_val_if_fail (person == NULL || CTO_IS_PERSON (person), NULL);
  g_return_val_if_fail (action != NULL, NULL);

  people = cto_plan_get_people (plan);
  texts = choice_texts (plan);
  details = choice_details (plan, person, texts);

  g_menu_item_set_action_and_target (no_one, action, "s", "");
  g_menu_append_item (managers, no_one);

  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(CtoPerson) candidate = g_list_model_get_item (people, i);
      g_autoptr(GMenuItem) item = NULL;

      /* Themselves and those below them: their line would close a
       * cycle. Listed, out of reach, so that a search for them says why. */
      if (person != NULL &&
          cto_plan_reports_to_closes_cycle (plan, cto_person_get_id (person), cto_person_get_id (candidate)))
        {
          g_autofree char *why = NULL;

          if (candidate == person)
            continue;
          /* Translators: why someone cannot be chosen as a person's manager,
           * "Reports to Mia Pérez, directly or through others" */
          why = g_strdup_printf (_("Reports to %s, directly or through others"), cto_person_get_name (person));
          item = g_menu_item_new (NULL, NULL);
          set_choice (item, texts->pdata[i], details->pdata[i]);
          g_menu_item_set_attribute (item, UNAVAILABLE_ATTRIBUTE, "s", why);
          g_menu_append_item (managers, item);
          continue;
        }

      item = g_menu_item_new (NULL, NULL);
      set_choice (item, texts->pdata[i], details->pdata[i]);
      g_menu_item_set_action_and_target (item, action, "s", cto_person_get_id (candidate));
      g_menu_append_item (managers, item);
    }

  if (person != NULL)
    {
      /* Translators: the heading of the list of whom a person may report to */
      g_autofree char *heading = g_strdup_printf (_("Who does %s report to?"), cto_person_get_name (person));

      g_menu_append_section (menu, heading, G_MENU_MODEL (managers));
    }
  else
    {
      /* Someone not in the plan yet: the dialog adding them says whose. */
      g_menu_append_section (menu, NULL, G_MENU_MODEL (managers));
    }

  return g_steal_pointer (&menu);
}
