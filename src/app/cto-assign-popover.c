/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-assign-popover"

#include "config.h"

#include <glib/gi18n.h>

#include "cto-assign-popover.h"
#include "cto-fit-list.h"
#include "cto-person-sorter.h"
#include "cto-tooltip.h"

struct _CtoAssignPopover
{
  GtkPopover         parent_instance;

  CtoAnalysis       *analysis;
  CtoAnalysis       *as_of;   /* of the plan as of the day shown, or NULL */
  CtoResponsibility *responsibility;
  gulong             changed_id;
  GtkStringFilter   *filter;
  GtkFilterListModel *shown;  /* the people, best fit first, that the search finds */
  GHashTable        *checks;  /* bound GtkCheckButton* */

  GtkLabel          *heading_label;
  GtkSearchEntry    *search_entry;
  GtkListView       *people_list;
};

G_DEFINE_FINAL_TYPE (CtoAssignPopover, cto_assign_popover, GTK_TYPE_POPOVER)

static void check_toggled_cb (GtkCheckButton   *check,
                              CtoAssignPopover *self);

/*
 * A row: whether its person carries the responsibility, and their free
 * hours. The list's row, the list item that holds the check (which Tab and
 * the arrow keys focus: the check is no Tab stop of its own), is named for
 * a screen reader: who, their free hours, and whether they carry it.
 */
static void
update_check (CtoAssignPopover *self,
              GtkCheckButton   *check)
{
  CtoPerson *person = g_object_get_data (G_OBJECT (check), "person");
  GtkWidget *free_label = gtk_widget_get_next_sibling (GTK_WIDGET (check));
  GtkWidget *row = gtk_widget_get_parent (gtk_widget_get_parent (GTK_WIDGET (check)));
  g_autofree char *free_text = NULL;
  g_autofree char *name = NULL;
  gboolean carries;

  if (person == NULL)
    return;

  carries = cto_responsibility_find_assignee (self->responsibility,
                                              cto_person_get_id (person), NULL) != NULL;
  g_signal_handlers_block_by_func (check, check_toggled_cb, self);
  gtk_check_button_set_active (check, carries);
  g_signal_handlers_unblock_by_func (check, check_toggled_cb, self);

  free_text = cto_person_sorter_dup_free_text (self->analysis, self->as_of, person);
  gtk_label_set_label (GTK_LABEL (free_label), free_text);
  if (row == NULL)
    return;

  name = carries ?
    /* Translators: accessible name of a person in "Assign to…" who carries it: "Bo — Engineer, 6 h free, assigned" */
    g_strdup_printf (_("%s, %s, assigned"), cto_tooltip_get_text (GTK_WIDGET (check)), free_text) :
    /* Translators: accessible name of a person in "Assign to…" who does not carry it: "Bo — Engineer, 6 h free, not assigned" */
    g_strdup_printf (_("%s, %s, not assigned"), cto_tooltip_get_text (GTK_WIDGET (check)), free_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Space or Enter assigns or unassigns"),
                                  -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (row),
                               GTK_ACCESSIBLE_STATE_CHECKED, carries,
                               -1);
}

static void
check_toggled_cb (GtkCheckButton   *check,
                  CtoAssignPopover *self)
{
  CtoPerson *person = g_object_get_data (G_OBJECT (check), "person");

  if (person == NULL)
    return;

  gtk_widget_activate_action (GTK_WIDGET (self),
                              gtk_check_button_get_active (check) ? "win.assign" : "win.unassign",
                              "(ss)",
                              cto_responsibility_get_id (self->responsibility),
                              cto_person_get_id (person));

  /* The action may have changed nothing (a refused edit): show the truth. */
  update_check (self, check);
}

/* Who carries it, and everyone's free hours, as the plan now is. */
static void
analysis_changed_cb (CtoAssignPopover *self)
{
  GHashTableIter iter;
  gpointer check;

  g_hash_table_iter_init (&iter, self->checks);
  while (g_hash_table_iter_next (&iter, &check, NULL))
    update_check (self, check);
}

static void
search_changed_cb (CtoAssignPopover *self)
{
  gtk_string_filter_set_search (self->filter,
                                gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  cto_fit_list_height (GTK_WIDGET (self->people_list));
}

/* Enter in the search: the best fit that the search finds carries it. */
static void
search_activate_cb (CtoAssignPopover *self)
{
  g_autoptr(CtoPerson) top = NULL;

  /* The entry tells of a change a moment after the typing; Enter may come
   * sooner, and means what is typed now. */
  search_changed_cb (self);
  top = g_list_model_get_item (G_LIST_MODEL (self->shown), 0);
  if (top == NULL)
    return;

  if (cto_responsibility_find_assignee (self->responsibility, cto_person_get_id (top), NULL) == NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.assign", "(ss)",
                                cto_responsibility_get_id (self->responsibility),
                                cto_person_get_id (top));
  gtk_popover_popdown (GTK_POPOVER (self));
}

/* The check of the list's row with the focus, or NULL. */
static GtkCheckButton *
focused_check (CtoAssignPopover *self)
{
  GtkWidget *list = GTK_WIDGET (self->people_list);
  GtkRoot *root = gtk_widget_get_root (list);
  GtkWidget *row = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *box;

  while (row != NULL && gtk_widget_get_parent (row) != list)
    row = gtk_widget_get_parent (row);
  box = row != NULL ? gtk_widget_get_first_child (row) : NULL;
  if (box == NULL || !GTK_IS_CHECK_BUTTON (gtk_widget_get_first_child (box)))
    return NULL;

  return GTK_CHECK_BUTTON (gtk_widget_get_first_child (box));
}

/* Space and Enter on a row give the responsibility to its person, or take
 * it back: before the list's own, which would select the row. */
static gboolean
toggle_row_cb (GtkWidget *list,
               GVariant  *arguments,
               gpointer   user_data)
{
  GtkCheckButton *check = focused_check (user_data);

  if (check == NULL)
    return FALSE;

  gtk_check_button_set_active (check, !gtk_check_button_get_active (check));
  return TRUE;
}

/* Tab and Shift+Tab leave the list for the search, whichever row has the
 * focus: the list is one Tab stop, its rows reached by the arrows. */
static gboolean
leave_list_cb (GtkWidget *list,
               GVariant  *arguments,
               gpointer   user_data)
{
  CtoAssignPopover *self = user_data;

  return gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/*
 * The people, best fit first as the suggestions rank candidates, as they
 * are when the picker opens: the order stays while it is open, so that the
 * row of someone just given the responsibility stays where it was, under
 * the focus. The search keeps that order.
 */
static void
sort_people (CtoAssignPopover *self)
{
  GListModel *people = cto_plan_get_people (cto_analysis_get_plan (self->analysis));
  /* Ranked for the hours they would take on, joining with a share of one,
   * as Assign gives it. */
  GtkSorter *sorter = cto_person_sorter_new (self->analysis,
                                             cto_responsibility_get_function (self->responsibility),
                                             cto_responsibility_get_joining_hours (self->responsibility, 1));
  g_autoptr(GtkSortListModel) sorted = NULL;
  g_autoptr(GListStore) store = g_list_store_new (CTO_TYPE_PERSON);
  guint n;

  cto_person_sorter_set_as_of (CTO_PERSON_SORTER (sorter), self->as_of);
  sorted = gtk_sort_list_model_new (g_object_ref (people), sorter);
  n = g_list_model_get_n_items (G_LIST_MODEL (sorted));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CtoPerson) person = g_list_model_get_item (G_LIST_MODEL (sorted), i);

      g_list_store_append (store, person);
    }
  gtk_filter_list_model_set_model (self->shown, G_LIST_MODEL (store));
}

/* Opened, the picker is ready for typing: Enter then picks the top match. */
static void
map_cb (CtoAssignPopover *self)
{
  /* Each opening is a new search: the popover is kept for its row, and the
   * last one's text would find no one with the next name. */
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  search_changed_cb (self);
  sort_people (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          CtoAssignPopover         *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *free_label = gtk_label_new (NULL);

  gtk_widget_set_hexpand (check, TRUE);
  /* The row is the Tab stop, and Space and Enter on it toggle the check.
   * Not focusable alone: GTK 4.8's check button then says it took the
   * focus it refused, and the list's row never gets it. */
  gtk_widget_set_can_focus (check, FALSE);
  gtk_widget_set_name (free_label, "free-hours");
  gtk_widget_add_css_class (free_label, "dim-label");
  gtk_widget_add_css_class (free_label, "numeric");
  gtk_widget_set_margin_end (free_label, 6);
  g_signal_connect (check, "toggled", G_CALLBACK (check_toggled_cb), self);
  gtk_box_append (GTK_BOX (box), check);
  gtk_box_append (GTK_BOX (box), free_label);
  gtk_list_item_set_child (item, box);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         CtoAssignPopover         *self)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *check = gtk_widget_get_first_child (box);
  CtoPerson *person = gtk_list_item_get_item (item);
  const char *role = cto_person_get_role (person);
  g_autofree char *label = NULL;

  if (role != NULL && role[0] != '\0')
    /* Translators: a person in the "Assign to…" list: name — role */
    label = g_strdup_printf (_("%s — %s"), cto_person_get_name (person), role);
  else
    label = g_strdup (cto_person_get_name (person));

  gtk_check_button_set_label (GTK_CHECK_BUTTON (check), label);
  /* A long role keeps the popover no wider than a small screen: the
   * check's own label is cut, whole in the tooltip. */
  if (GTK_IS_LABEL (gtk_widget_get_last_child (check)))
    {
      gtk_label_set_ellipsize (GTK_LABEL (gtk_widget_get_last_child (check)), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (gtk_widget_get_last_child (check)), 40);
    }
  cto_tooltip_set_text (check, label);
  g_object_set_data_full (G_OBJECT (check), "person", g_object_ref (person), g_object_unref);
  g_hash_table_add (self->checks, check);
  update_check (self, GTK_CHECK_BUTTON (check));
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           CtoAssignPopover         *self)
{
  GtkWidget *check = gtk_widget_get_first_child (gtk_list_item_get_child (item));

  g_hash_table_remove (self->checks, check);
  g_object_set_data (G_OBJECT (check), "person", NULL);
}

static void
cto_assign_popover_dispose (GObject *object)
{
  CtoAssignPopover *self = (CtoAssignPopover *) object;

  g_clear_signal_handler (&self->changed_id, self->analysis);

  G_OBJECT_CLASS (cto_assign_popover_parent_class)->dispose (object);
}

static void
cto_assign_popover_finalize (GObject *object)
{
  CtoAssignPopover *self = (CtoAssignPopover *) object;

  g_clear_object (&self->analysis);
  g_clear_object (&self->as_of);
  g_clear_object (&self->responsibility);
  g_clear_object (&self->shown);
  g_clear_pointer (&self->checks, g_hash_table_unref);

  G_OBJECT_CLASS (cto_assign_popover_parent_class)->finalize (object);
}

static void
cto_assign_popover_class_init (CtoAssignPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cto_assign_popover_dispose;
  object_class->finalize = cto_assign_popover_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/cto-assign-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, CtoAssignPopover, heading_label);
  gtk_widget_class_bind_template_child (widget_class, CtoAssignPopover, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CtoAssignPopover, people_list);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
}

static void
cto_assign_popover_init (CtoAssignPopover *self)
{
  GtkEventController *keys = gtk_shortcut_controller_new ();

  self->checks = g_hash_table_new (NULL, NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "map", G_CALLBACK (map_cb), NULL);
  /* Escape in the search, which takes it before the popover can, closes. */
  g_signal_connect_swapped (self->search_entry, "stop-search", G_CALLBACK (gtk_popover_popdown), self);

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
    gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("space|KP_Space|Return|KP_Enter|ISO_Enter"),
                      gtk_callback_action_new (toggle_row_cb, self, NULL)));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
    gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("Tab|KP_Tab|<Shift>ISO_Left_Tab|<Shift>Tab"),
                      gtk_callback_action_new (leave_list_cb, self, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self->people_list), keys);
}

GtkWidget *
cto_assign_popover_new (CtoAnalysis       *analysis,
                        CtoAnalysis       *as_of,
                        CtoResponsibility *responsibility)
{
  CtoAssignPopover *self;
  GtkListItemFactory *factory;
  g_autoptr(GtkNoSelection) selection = NULL;
  g_autofree char *heading = NULL;

  g_return_val_if_fail (CTO_IS_ANALYSIS (analysis), NULL);
  g_return_val_if_fail (as_of == NULL || CTO_IS_ANALYSIS (as_of), NULL);
  g_return_val_if_fail (CTO_IS_RESPONSIBILITY (responsibility), NULL);

  self = g_object_new (CTO_TYPE_ASSIGN_POPOVER, NULL);
  self->analysis = g_object_ref (analysis);
  self->as_of = as_of != NULL ? g_object_ref (as_of) : NULL;
  self->responsibility = g_object_ref (responsibility);
  self->changed_id = g_signal_connect_swapped (analysis, "changed",
                                               G_CALLBACK (analysis_changed_cb), self);

  /* Translators: the heading of the "Assign to…" popover; %s is a responsibility */
  heading = g_strdup_printf (_("Who carries “%s”?"), cto_responsibility_get_title (responsibility));
  gtk_label_set_label (self->heading_label, heading);

  self->filter = GTK_STRING_FILTER (cto_person_sorter_new_filter ());
  self->shown = gtk_filter_list_model_new (NULL, GTK_FILTER (self->filter));
  sort_people (self);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), self);

  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->shown)));
  gtk_list_view_set_model (self->people_list, GTK_SELECTION_MODEL (selection));
  gtk_list_view_set_factory (self->people_list, factory);
  g_object_unref (factory);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->people_list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, heading,
                                  -1);

  return GTK_WIDGET (self);
}

void
cto_assign_popover_set_as_of (CtoAssignPopover *self,
                              CtoAnalysis      *as_of)
{
  g_return_if_fail (CTO_IS_ASSIGN_POPOVER (self));
  g_return_if_fail (as_of == NULL || CTO_IS_ANALYSIS (as_of));

  if (!g_set_object (&self->as_of, as_of))
    return;

  /* The free hours at once; the order when it next opens, as it stays
   * while it is open. */
  analysis_changed_cb (self);
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    sort_people (self);
}
