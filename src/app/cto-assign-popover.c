/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-assign-popover"

#include "config.h"

#include <glib/gi18n.h>

#include "cto-assign-popover.h"
#include "cto-person-sorter.h"
#include "cto-tooltip.h"

struct _CtoAssignPopover
{
  GtkPopover         parent_instance;

  CtoAnalysis       *analysis;
  CtoResponsibility *responsibility;
  gulong             assignees_changed_id;
  GtkStringFilter   *filter;
  GListModel        *shown;   /* the people, best fit first, that the search finds */
  GHashTable        *checks;  /* bound GtkCheckButton* */

  GtkLabel          *heading_label;
  GtkSearchEntry    *search_entry;
  GtkListView       *people_list;
};

G_DEFINE_FINAL_TYPE (CtoAssignPopover, cto_assign_popover, GTK_TYPE_POPOVER)

static void check_toggled_cb (GtkCheckButton   *check,
                              CtoAssignPopover *self);

static void
update_check (CtoAssignPopover *self,
              GtkCheckButton   *check)
{
  CtoPerson *person = g_object_get_data (G_OBJECT (check), "person");
  gboolean carries;

  if (person == NULL)
    return;

  carries = cto_responsibility_find_assignee (self->responsibility,
                                              cto_person_get_id (person), NULL) != NULL;

  g_signal_handlers_block_by_func (check, check_toggled_cb, self);
  gtk_check_button_set_active (check, carries);
  g_signal_handlers_unblock_by_func (check, check_toggled_cb, self);
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

static void
assignees_changed_cb (CtoAssignPopover *self)
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
}

/* Enter in the search: the best fit that the search finds carries it. */
static void
search_activate_cb (CtoAssignPopover *self)
{
  g_autoptr(CtoPerson) top = NULL;

  /* The entry tells of a change a moment after the typing; Enter may come
   * sooner, and means what is typed now. */
  search_changed_cb (self);
  top = g_list_model_get_item (self->shown, 0);
  if (top == NULL)
    return;

  if (cto_responsibility_find_assignee (self->responsibility, cto_person_get_id (top), NULL) == NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.assign", "(ss)",
                                cto_responsibility_get_id (self->responsibility),
                                cto_person_get_id (top));
  gtk_popover_popdown (GTK_POPOVER (self));
}

/* Opened, the picker is ready for typing: Enter then picks the top match. */
static void
map_cb (CtoAssignPopover *self)
{
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
  GtkWidget *free_label = gtk_widget_get_last_child (box);
  CtoPerson *person = gtk_list_item_get_item (item);
  const char *role = cto_person_get_role (person);
  g_autofree char *label = NULL;
  g_autofree char *free_text = cto_person_sorter_dup_free_text (self->analysis, person);

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
  gtk_label_set_label (GTK_LABEL (free_label), free_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, free_text,
                                  -1);
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

  g_clear_signal_handler (&self->assignees_changed_id, self->responsibility);

  G_OBJECT_CLASS (cto_assign_popover_parent_class)->dispose (object);
}

static void
cto_assign_popover_finalize (GObject *object)
{
  CtoAssignPopover *self = (CtoAssignPopover *) object;

  g_clear_object (&self->analysis);
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
  self->checks = g_hash_table_new (NULL, NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "map", G_CALLBACK (map_cb), NULL);
}

GtkWidget *
cto_assign_popover_new (CtoAnalysis       *analysis,
                        CtoResponsibility *responsibility)
{
  CtoAssignPopover *self;
  GtkListItemFactory *factory;
  GtkSortListModel *sorted;
  g_autoptr(GtkNoSelection) selection = NULL;
  g_autofree char *heading = NULL;

  g_return_val_if_fail (CTO_IS_ANALYSIS (analysis), NULL);
  g_return_val_if_fail (CTO_IS_RESPONSIBILITY (responsibility), NULL);

  self = g_object_new (CTO_TYPE_ASSIGN_POPOVER, NULL);
  self->analysis = g_object_ref (analysis);
  self->responsibility = g_object_ref (responsibility);
  self->assignees_changed_id =
    g_signal_connect_swapped (responsibility, "assignees-changed",
                              G_CALLBACK (assignees_changed_cb), self);

  /* Translators: the heading of the "Assign to…" popover; %s is a responsibility */
  heading = g_strdup_printf (_("Who carries “%s”?"), cto_responsibility_get_title (responsibility));
  gtk_label_set_label (self->heading_label, heading);

  /* Best fit first, as the suggestions rank candidates; the search keeps
   * that order. */
  sorted = gtk_sort_list_model_new (g_object_ref (cto_plan_get_people (cto_analysis_get_plan (analysis))),
                                    cto_person_sorter_new (analysis,
                                                           cto_responsibility_get_function (responsibility)));
  self->filter = GTK_STRING_FILTER (cto_person_sorter_new_filter ());
  self->shown = G_LIST_MODEL (gtk_filter_list_model_new (G_LIST_MODEL (sorted),
                                                         GTK_FILTER (self->filter)));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), self);

  selection = gtk_no_selection_new (g_object_ref (self->shown));
  gtk_list_view_set_model (self->people_list, GTK_SELECTION_MODEL (selection));
  gtk_list_view_set_factory (self->people_list, factory);
  g_object_unref (factory);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->people_list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, heading,
                                  -1);

  return GTK_WIDGET (self);
}
