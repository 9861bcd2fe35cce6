/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-chip-popover"

#include "config.h"

#include <glib/gi18n.h>

#include "cto-chip-popover.h"
#include "cto-report-format.h"
#include "cto-assignment-chip.h"
#include "cto-fit-list.h"
#include "cto-person-sorter.h"

struct _CtoChipPopover
{
  GtkPopover          parent_instance;

  CtoAnalysis        *analysis;
  CtoAnalysis        *as_of;     /* of the plan as of the day shown, or NULL */
  CtoResponsibility  *responsibility;
  CtoPerson          *person;
  gulong              analysis_changed_id;
  GtkStringFilter    *search_filter;
  GtkSingleSelection *people_selection;

  GtkLabel           *heading_label;
  GtkWidget          *share_box;
  GtkSpinButton      *hours_spin;
  GtkSpinButton      *percent_spin;
  GtkWidget          *share_error_box;
  GtkLabel           *share_error_label;
  GtkLabel           *share_caption;
  GtkLabel           *share_note_label;
  GtkCheckButton     *accountable_check;
  GtkSearchEntry     *people_search;
  GtkListView        *people_list;
  GtkButton          *move_button;
  GtkButton          *share_button;
};

G_DEFINE_FINAL_TYPE (CtoChipPopover, cto_chip_popover, GTK_TYPE_POPOVER)

static void hours_changed_cb   (CtoChipPopover *self);
static void percent_changed_cb (CtoChipPopover *self);

/* The share the person holds, and the sum of the others'. */
static gboolean
get_shares (CtoChipPopover *self,
            double         *share,
            double         *others)
{
  const CtoAssignment *assignment =
    cto_responsibility_find_assignee (self->responsibility, cto_person_get_id (self->person), NULL);

  if (assignment == NULL)
    return FALSE;

  *share = assignment->share;
  *others = cto_responsibility_get_total_share (self->responsibility) - assignment->share;
  return TRUE;
}

static void
show_share_error (CtoChipPopover *self,
                  const char     *message)
{
  gtk_widget_set_visible (self->share_error_box, message != NULL);
  gtk_label_set_label (self->share_error_label, message ? message : "");
}

static void
update_share (CtoChipPopover *self)
{
  double effort = cto_responsibility_get_effort (self->responsibility);
  double share, others, fraction;
  gboolean shared;

  if (!get_shares (self, &share, &others))
    {
      gtk_widget_set_sensitive (self->share_box, FALSE);
      return;
    }

  shared = others > 0;
  fraction = share / (share + others);

  g_signal_handlers_block_by_func (self->hours_spin, hours_changed_cb, self);
  g_signal_handlers_block_by_func (self->percent_spin, percent_changed_cb, self);
  gtk_spin_button_set_value (self->hours_spin, effort * fraction);
  gtk_spin_button_set_value (self->percent_spin, 100 * fraction);
  g_signal_handlers_unblock_by_func (self->hours_spin, hours_changed_cb, self);
  g_signal_handlers_unblock_by_func (self->percent_spin, percent_changed_cb, self);

  gtk_widget_set_sensitive (GTK_WIDGET (self->hours_spin), shared && effort > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->percent_spin), shared);

  /* Alone, the part cannot change: say why the fields are off. */
  gtk_widget_set_visible (GTK_WIDGET (self->share_note_label), !shared);
  gtk_label_set_label (self->share_note_label,
                       _("They carry all of it alone. Share it with someone to split the hours."));
}

/*
 * A part of the effort (0 < @fraction < 1) as a share beside the others':
 * share / (share + others) = fraction, so share = fraction × others / (1 − fraction).
 * Refused with a message when no share the plan can hold gives it.
 */
static void
apply_fraction (CtoChipPopover *self,
                double          fraction,
                gboolean        as_hours)
{
  double effort = cto_responsibility_get_effort (self->responsibility);
  double share, others, wanted, lowest, highest;

  if (!get_shares (self, &share, &others) || others <= 0)
    return;

  /* The parts that shares from 0.01 to the plan's largest number give. */
  lowest = 0.01 / (0.01 + others);
  highest = CTO_PLAN_MAX_NUMBER / (CTO_PLAN_MAX_NUMBER + others);

  if (!(fraction >= lowest - 1e-12 && fraction <= highest + 1e-12))
    {
      g_autofree char *message = NULL;

      if (as_hours)
        {
          g_autofree char *low = cto_report_format_decimal (lowest * effort);
          g_autofree char *high = cto_report_format_decimal (highest * effort);
          g_autofree char *whole = cto_report_format_decimal (effort);

          /* Translators: refusing hours for a shared responsibility: "between 0.01 and 5.99 h of the 6 h" */
          message = g_strdup_printf (_("Enter between %s and %s h of the %s h: the others keep "
                                       "a part. To carry none of it, unassign."),
                                     low, high, whole);
        }
      else
        {
          g_autofree char *low = cto_report_format_percent (lowest);
          g_autofree char *high = cto_report_format_percent (highest);

          /* Translators: refusing a percentage for a shared responsibility */
          message = g_strdup_printf (_("Enter between %s and %s: the others keep a part. "
                                       "To carry none of it, unassign."), low, high);
        }
      show_share_error (self, message);
      return;
    }

  show_share_error (self, NULL);
  wanted = CLAMP (fraction * others / (1 - fraction), 0.01, CTO_PLAN_MAX_NUMBER);
  if (G_APPROX_VALUE (wanted, share, 1e-9))
    return;

  gtk_widget_activate_action (GTK_WIDGET (self), "win.set-share", "(ssd)",
                              cto_responsibility_get_id (self->responsibility),
                              cto_person_get_id (self->person),
                              wanted);
}

static void
hours_changed_cb (CtoChipPopover *self)
{
  double effort = cto_responsibility_get_effort (self->responsibility);

  if (effort > 0)
    apply_fraction (self, gtk_spin_button_get_value (self->hours_spin) / effort, TRUE);
}

static void
percent_changed_cb (CtoChipPopover *self)
{
  apply_fraction (self, gtk_spin_button_get_value (self->percent_spin) / 100, FALSE);
}

static void
accountable_toggled_cb (CtoChipPopover *self)
{
  gboolean active = gtk_check_button_get_active (self->accountable_check);

  gtk_widget_activate_action (GTK_WIDGET (self), "win.set-accountable", "(ss)",
                              cto_responsibility_get_id (self->responsibility),
                              active ? cto_person_get_id (self->person) : "");
}

static gboolean
carries (CtoChipPopover *self,
         CtoPerson      *person)
{
  return cto_responsibility_find_assignee (self->responsibility,
                                           cto_person_get_id (person), NULL) != NULL;
}

static void
move_to (CtoChipPopover *self,
         CtoPerson      *to)
{
  if (to == NULL)
    return;

  gtk_popover_popdown (GTK_POPOVER (self));
  gtk_widget_activate_action (GTK_WIDGET (self), "win.move-assignment", "(sss)",
                              cto_responsibility_get_id (self->responsibility),
                              cto_person_get_id (self->person),
                              cto_person_get_id (to));
}

static void
move_cb (CtoChipPopover *self)
{
  move_to (self, gtk_single_selection_get_selected_item (self->people_selection));
}

static void
share_with_cb (CtoChipPopover *self)
{
  CtoPerson *with = gtk_single_selection_get_selected_item (self->people_selection);

  if (with == NULL || carries (self, with))
    return;

  gtk_popover_popdown (GTK_POPOVER (self));
  gtk_widget_activate_action (GTK_WIDGET (self), "win.assign", "(ss)",
                              cto_responsibility_get_id (self->responsibility),
                              cto_person_get_id (with));
}

static void
people_search_changed_cb (CtoChipPopover *self)
{
  gtk_string_filter_set_search (self->search_filter,
                                gtk_editable_get_text (GTK_EDITABLE (self->people_search)));
  cto_fit_list_height (GTK_WIDGET (self->people_list));
}

/* Enter in the search: the best fit that it finds takes it over. */
static void
people_search_activate_cb (CtoChipPopover *self)
{
  g_autoptr(CtoPerson) top = NULL;

  /* Enter may come before the entry tells of the typing: it means what is typed now. */
  people_search_changed_cb (self);
  top = g_list_model_get_item (G_LIST_MODEL (self->people_selection), 0);

  move_to (self, top);
}

static void
unassign_cb (CtoChipPopover *self)
{
  gtk_popover_popdown (GTK_POPOVER (self));
  gtk_widget_activate_action (GTK_WIDGET (self), "win.unassign", "(ss)",
                              cto_responsibility_get_id (self->responsibility),
                              cto_person_get_id (self->person));
}

static void
selected_changed_cb (CtoChipPopover *self)
{
  CtoPerson *to = gtk_single_selection_get_selected_item (self->people_selection);

  gtk_widget_set_sensitive (GTK_WIDGET (self->move_button), to != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->share_button), to != NULL);
}

static void
analysis_changed_cb (CtoChipPopover *self)
{
  update_share (self);
  selected_changed_cb (self);
}

static gboolean
does_not_carry (gpointer item,
                gpointer user_data)
{
  return !carries (user_data, item);
}

static void
setup_person_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 CtoChipPopover           *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *free_label = gtk_label_new (NULL);

  gtk_widget_set_hexpand (name, TRUE);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_set_name (free_label, "free-hours");
  gtk_widget_add_css_class (free_label, "dim-label");
  gtk_widget_add_css_class (free_label, "numeric");
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 3);
  gtk_widget_set_margin_bottom (box, 3);
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), free_label);
  gtk_list_item_set_child (item, box);
}

static void
bind_person_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                CtoChipPopover           *self)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  CtoPerson *person = gtk_list_item_get_item (item);
  const char *role = cto_person_get_role (person);
  g_autofree char *free_text = cto_person_sorter_dup_free_text (self->analysis, self->as_of, person);
  g_autofree char *name = NULL;
  g_autofree char *accessible = NULL;

  if (role != NULL && role[0] != '\0')
    /* Translators: a person in a list of people: name — role */
    name = g_strdup_printf (_("%s — %s"), cto_person_get_name (person), role);
  else
    name = g_strdup (cto_person_get_name (person));

  gtk_label_set_label (GTK_LABEL (gtk_widget_get_first_child (box)), name);
  gtk_label_set_label (GTK_LABEL (gtk_widget_get_last_child (box)), free_text);
  /* Translators: accessible name of a person in a list: "Bo — Engineer, 6 h free" */
  accessible = g_strdup_printf (_("%s, %s"), name, free_text);
  /* The list's row, which the arrow keys focus, says it. */
  if (gtk_widget_get_parent (box) != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (box)),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                    -1);
}

static void
cto_chip_popover_dispose (GObject *object)
{
  CtoChipPopover *self = (CtoChipPopover *) object;

  g_clear_signal_handler (&self->analysis_changed_id, self->analysis);

  G_OBJECT_CLASS (cto_chip_popover_parent_class)->dispose (object);
}

static void
cto_chip_popover_finalize (GObject *object)
{
  CtoChipPopover *self = (CtoChipPopover *) object;

  g_clear_object (&self->analysis);
  g_clear_object (&self->as_of);
  g_clear_object (&self->responsibility);
  g_clear_object (&self->person);
  g_clear_object (&self->people_selection);

  G_OBJECT_CLASS (cto_chip_popover_parent_class)->finalize (object);
}

static void
cto_chip_popover_class_init (CtoChipPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cto_chip_popover_dispose;
  object_class->finalize = cto_chip_popover_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/cto-chip-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, CtoChipPopover, heading_label);
  gtk_widget_class_bind_template_child (widget_class, CtoChipPopover, share_box);
  gtk_widget_class_bind_template_child (widget_class, CtoChipPopover, hours_spin);
  gtk_widget_class_bind_template_child (widget_class, CtoChipPopover, percent_spin);
  gtk_widget_class_bind_template_child (widget_class, CtoChipPopover, share_error_box);
  gtk_widget_class_bind_template_child (widget_class, CtoChipPopover, share_error_label);
  gtk_widget_class_bind_template_child (widget_class, CtoChipPopover, share_caption);
  gtk_widget_class_bind_template_child (widget_class, CtoChipPopover, share_note_label);
  gtk_widget_class_bind_template_child (widget_class, CtoChipPopover, accountable_check);
  gtk_widget_class_bind_template_child (widget_class, CtoChipPopover, people_search);
  gtk_widget_class_bind_template_child (widget_class, CtoChipPopover, people_list);
  gtk_widget_class_bind_template_child (widget_class, CtoChipPopover, move_button);
  gtk_widget_class_bind_template_child (widget_class, CtoChipPopover, share_button);
  gtk_widget_class_bind_template_callback (widget_class, hours_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, percent_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, accountable_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, people_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, people_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, move_cb);
  gtk_widget_class_bind_template_callback (widget_class, share_with_cb);
  gtk_widget_class_bind_template_callback (widget_class, unassign_cb);
}

/* Opened by a click as by a key, the popover is ready for a name, as
 * every picker of people is: the focus is in its empty search (the part and the
 * accountable mark are a Shift+Tab back), and a name typed anywhere else in
 * it goes there too, but in the fields of hours, which take text. */
static void
map_cb (CtoChipPopover *self)
{
  /* Each opening is a new search, whether or not the popover is kept. */
  gtk_editable_set_text (GTK_EDITABLE (self->people_search), "");
  people_search_changed_cb (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->people_search));
}

static void
cto_chip_popover_init (CtoChipPopover *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_search_entry_set_key_capture_widget (self->people_search, GTK_WIDGET (self));
  g_signal_connect (self, "map", G_CALLBACK (map_cb), NULL);
  /* Escape in the search, which takes it before the popover can, closes. */
  g_signal_connect_swapped (self->people_search, "stop-search", G_CALLBACK (gtk_popover_popdown), self);
}

GtkWidget *
cto_chip_popover_new (CtoAnalysis       *analysis,
                      CtoAnalysis       *as_of,
                      CtoResponsibility *responsibility,
                      CtoPerson         *person)
{
  CtoChipPopover *self;
  const CtoAssignment *assignment;
  GtkSortListModel *sorted;
  GtkSorter *sorter;
  GtkEveryFilter *filter;
  GtkFilterListModel *filtered;
  g_autoptr(GtkListItemFactory) factory = NULL;
  g_autofree char *heading = NULL;

  g_return_val_if_fail (CTO_IS_ANALYSIS (analysis), NULL);
  g_return_val_if_fail (as_of == NULL || CTO_IS_ANALYSIS (as_of), NULL);
  g_return_val_if_fail (CTO_IS_RESPONSIBILITY (responsibility), NULL);
  g_return_val_if_fail (CTO_IS_PERSON (person), NULL);

  self = g_object_new (CTO_TYPE_CHIP_POPOVER, NULL);
  self->analysis = g_object_ref (analysis);
  self->as_of = as_of != NULL ? g_object_ref (as_of) : NULL;
  self->responsibility = g_object_ref (responsibility);
  self->person = g_object_ref (person);

  /* Translators: heading of a chip's popover: “Security” carried by Ana */
  heading = g_strdup_printf (_("“%s” carried by %s"),
                             cto_responsibility_get_title (responsibility),
                             cto_person_get_name (person));
  gtk_label_set_label (self->heading_label, heading);
  /* The chip shows the day's part, which follows from the plan's shares
   * and who is there then; what is edited here is the plan's share. */
  if (as_of != NULL)
    gtk_label_set_label (self->share_caption, _("Their part in the whole plan"));

  assignment = cto_responsibility_find_assignee (responsibility, cto_person_get_id (person), NULL);
  if (assignment != NULL)
    {
      g_signal_handlers_block_by_func (self->accountable_check, accountable_toggled_cb, self);
      gtk_check_button_set_active (self->accountable_check, assignment->accountable);
      g_signal_handlers_unblock_by_func (self->accountable_check, accountable_toggled_cb, self);
    }
  update_share (self);

  /* Those who do not carry it yet, best fit first; the first is picked to
   * begin with. */
  sorter = cto_person_sorter_new (analysis, cto_responsibility_get_function (responsibility),
                                  cto_assignment_chip_hours_of (analysis, as_of, responsibility, person));
  cto_person_sorter_set_as_of (CTO_PERSON_SORTER (sorter), as_of);
  sorted = gtk_sort_list_model_new (g_object_ref (cto_plan_get_people (cto_analysis_get_plan (analysis))),
                                    sorter);
  filter = gtk_every_filter_new ();
  gtk_multi_filter_append (GTK_MULTI_FILTER (filter),
                           GTK_FILTER (gtk_custom_filter_new (does_not_carry, self, NULL)));
  self->search_filter = GTK_STRING_FILTER (cto_person_sorter_new_filter ());
  gtk_multi_filter_append (GTK_MULTI_FILTER (filter), GTK_FILTER (self->search_filter));
  filtered = gtk_filter_list_model_new (G_LIST_MODEL (sorted), GTK_FILTER (filter));
  self->people_selection = gtk_single_selection_new (G_LIST_MODEL (filtered));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_person_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_person_cb), self);
  gtk_list_view_set_factory (self->people_list, factory);
  gtk_list_view_set_model (self->people_list, GTK_SELECTION_MODEL (self->people_selection));

  g_signal_connect_swapped (self->people_selection, "notify::selected",
                            G_CALLBACK (selected_changed_cb), self);
  selected_changed_cb (self);

  self->analysis_changed_id = g_signal_connect_swapped (analysis, "changed",
                                                        G_CALLBACK (analysis_changed_cb), self);

  return GTK_WIDGET (self);
}
