/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-person-card"

#include "config.h"

#include <glib/gi18n.h>

#include "cto-assignment-chip.h"
#include "cto-date.h"
#include "cto-report-format.h"
#include "cto-person-card.h"
#include "cto-tooltip.h"

/* Chips shown before "Show more": a card stays small, and a board of
 * people with many responsibilities each stays quick to draw. */
#define N_CHIPS_FOLDED 6

struct _CtoPersonCard
{
  GtkBox          parent_instance;

  CtoPerson      *person;
  CtoAnalysis    *analysis;
  gulong          analysis_changed_id;

  AdwAvatar      *avatar;
  GtkLabel       *name_label;
  GtkLabel       *role_label;
  GtkWidget      *open_role_label;
  GtkMenuButton  *options_button;
  GtkProgressBar *load_bar;
  GtkLabel       *load_label;
  GtkWidget      *overload_box;
  GtkWidget      *chips_box;
  GtkButton      *more_button;
  GtkWidget      *empty_label;
  GtkWidget      *chips_placeholder; /* the chips' height while details wait */

  gboolean        unfolded;
  gboolean        details_shown;
  gint64          details_frame;    /* the frame they were first laid out in, or -1 */

  CtoAnalysis    *as_of;            /* of the plan as of a day, or NULL */
  GtkLabel       *as_of_label;      /* "Starts 1 April 2027", made when first needed */
  GtkWidget      *whole_caption;    /* above the chips of someone not there, made when first needed */
  gboolean        heights_learnt;   /* from this card's chips */
  guint           n_chips_plain;    /* the chips a card whose details wait will show */
  guint           n_chips_accountable;
};

G_DEFINE_FINAL_TYPE (CtoPersonCard, cto_person_card, GTK_TYPE_BOX)

typedef struct
{
  CtoResponsibility *responsibility;
  double             hours;
} Carried;

static int
compare_carried (gconstpointer a,
                 gconstpointer b)
{
  const Carried *ca = a;
  const Carried *cb = b;

  if (ca->hours > cb->hours)
    return -1;
  if (ca->hours < cb->hours)
    return 1;
  return 0;
}

/* Biggest first by the hours their chips show (the day's when one is
 * shown); equal hours keep the plan's order (the sort is stable). */
static GArray *
sort_carried (CtoPersonCard         *self,
              const CtoPersonReport *report)
{
  GArray *carried = g_array_sized_new (FALSE, FALSE, sizeof (Carried), report->responsibilities->len);

  for (guint i = 0; i < report->responsibilities->len; i++)
    {
      Carried entry;

      entry.responsibility = g_ptr_array_index (report->responsibilities, i);
      entry.hours = cto_assignment_chip_hours_of (self->analysis, self->as_of,
                                                  entry.responsibility, report->person);
      g_array_append_val (carried, entry);
    }

  g_array_sort (carried, compare_carried);
  return carried;
}

static void
update_more (CtoPersonCard *self,
             guint          n_carried)
{
  gtk_widget_set_visible (self->empty_label, n_carried == 0);

  gtk_widget_set_visible (GTK_WIDGET (self->more_button), n_carried > N_CHIPS_FOLDED);
  if (n_carried > N_CHIPS_FOLDED)
    {
      g_autofree char *more = NULL;

      if (self->unfolded)
        more = g_strdup (_("Show fewer"));
      else
        more = g_strdup_printf (ngettext ("Show %u more", "Show %u more",
                                          n_carried - N_CHIPS_FOLDED),
                                n_carried - N_CHIPS_FOLDED);
      gtk_button_set_label (self->more_button, more);
    }
}

/*
 * The height of a chip, without and with its line on who is accountable:
 * learnt from the cards laid out with their chips, it is what a card whose
 * details wait keeps for each chip it will show, so that a board of such
 * cards is about as tall as it will be. 0 until learnt.
 */
static double chip_height_sum[2];
static guint chip_height_count[2];

static double
chip_height (gboolean accountable)
{
  guint k = accountable ? 1 : 0;

  if (chip_height_count[k] == 0)
    k = 1 - k;
  return chip_height_count[k] > 0 ? chip_height_sum[k] / chip_height_count[k] : 0;
}

static void
learn_chip_heights (CtoPersonCard *self)
{
  for (GtkWidget *chip = gtk_widget_get_first_child (self->chips_box);
       chip != NULL;
       chip = gtk_widget_get_next_sibling (chip))
    {
      CtoResponsibility *responsibility =
        cto_assignment_chip_get_responsibility (CTO_ASSIGNMENT_CHIP (chip));
      graphene_rect_t bounds;
      guint k;

      if (!gtk_widget_get_mapped (chip) || responsibility == NULL ||
          !gtk_widget_compute_bounds (chip, self->chips_box, &bounds))
        continue;

      k = cto_assignment_chip_shows_accountable (responsibility, self->person) ? 1 : 0;
      /* Enough to know; and then the cards keep their heights. */
      if (chip_height_count[k] < 1000)
        {
          chip_height_sum[k] += bounds.size.height;
          chip_height_count[k]++;
        }
    }
}

/* TRUE when the height kept for the chips changed. */
/* Gives the placeholder the height the card's chips will have, from the
 * heights of chips already laid out, and shows it while the details wait.
 * Returns TRUE when a card still waiting changed height, so that the layout
 * must run again. */
static gboolean
update_placeholder (CtoPersonCard *self)
{
  guint n = self->n_chips_plain + self->n_chips_accountable;
  int height = 0;
  int old_height;

  if (n > 0)
    height = (int) (self->n_chips_plain * chip_height (FALSE) +
                    self->n_chips_accountable * chip_height (TRUE) +
                    (n - 1) * gtk_box_get_spacing (GTK_BOX (self->chips_box)) + 0.5);

  gtk_widget_set_visible (self->chips_placeholder, !self->details_shown && n > 0);
  gtk_widget_get_size_request (self->chips_placeholder, NULL, &old_height);
  if (old_height == height)
    return FALSE;

  gtk_widget_set_size_request (self->chips_placeholder, -1, height);
  return !self->details_shown;
}

/* Reuses the chips already there, so a drag that starts on one survives. */
static gboolean
holds_focus (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static void
update_chips (CtoPersonCard         *self,
              const CtoPersonReport *report)
{
  g_autoptr(GArray) carried = NULL;
  GtkWidget *child = gtk_widget_get_first_child (self->chips_box);
  gboolean focus_gone = FALSE;
  guint n_carried = 0;
  guint n = 0;

  if (report != NULL)
    {
      carried = sort_carried (self, report);
      n_carried = carried->len;
    }
  n = self->unfolded ? n_carried : MIN (n_carried, N_CHIPS_FOLDED);

  for (guint i = 0; i < n; i++)
    {
      Carried *entry = &g_array_index (carried, Carried, i);

      if (child == NULL)
        {
          GtkWidget *chip = cto_assignment_chip_new ();

          gtk_box_append (GTK_BOX (self->chips_box), chip);
          cto_assignment_chip_set (CTO_ASSIGNMENT_CHIP (chip), self->analysis,
                                   entry->responsibility, self->person, self->as_of);
        }
      else
        {
          cto_assignment_chip_set (CTO_ASSIGNMENT_CHIP (child), self->analysis,
                                   entry->responsibility, self->person, self->as_of);
          child = gtk_widget_get_next_sibling (child);
        }
    }

  while (child != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);

      focus_gone |= holds_focus (child);
      gtk_box_remove (GTK_BOX (self->chips_box), child);
      child = next;
    }

  /* The focus of a chip that went (moved to someone else, unassigned)
   * stays on this card: on the chip now last, else the card's first
   * control. GTK would pass it on to the next card. */
  if (focus_gone &&
      (n == 0 || !gtk_widget_child_focus (gtk_widget_get_last_child (self->chips_box), GTK_DIR_TAB_FORWARD)))
    gtk_widget_grab_focus (GTK_WIDGET (self->options_button));

  gtk_widget_set_visible (self->chips_box, n > 0);
  gtk_widget_set_visible (self->chips_placeholder, FALSE);
  update_more (self, n_carried);
}

/* Until its details are shown, a card out of view keeps the chips it had
 * for another person hidden, and spends nothing on them but the height they
 * will take. */
static void
update_deferred (CtoPersonCard         *self,
                 const CtoPersonReport *report)
{
  g_autoptr(GArray) carried = NULL;
  guint n_carried = 0;

  self->n_chips_plain = 0;
  self->n_chips_accountable = 0;
  if (report != NULL)
    {
      carried = sort_carried (self, report);
      n_carried = carried->len;
    }
  for (guint i = 0; i < MIN (n_carried, N_CHIPS_FOLDED); i++)
    {
      Carried *entry = &g_array_index (carried, Carried, i);

      if (cto_assignment_chip_shows_accountable (entry->responsibility, self->person))
        self->n_chips_accountable++;
      else
        self->n_chips_plain++;
    }

  gtk_widget_set_visible (self->chips_box, FALSE);
  update_placeholder (self);
  update_more (self, n_carried);
}

/* Above the card, someone not there on the day shown says so, in bold
 * ("Left 1 July 2027"); otherwise, someone with dates has them there, dim
 * ("Leaves 1 July 2027"). */
static void
update_as_of (CtoPersonCard *self,
              const char    *absence,
              const char    *dates)
{
  const char *text = absence != NULL ? absence : dates;

  if (text != NULL && self->as_of_label == NULL)
    {
      self->as_of_label = GTK_LABEL (gtk_label_new (NULL));
      gtk_label_set_xalign (self->as_of_label, 0);
      gtk_label_set_wrap (self->as_of_label, TRUE);
      gtk_box_prepend (GTK_BOX (self), GTK_WIDGET (self->as_of_label));
    }
  if (self->as_of_label != NULL)
    {
      GtkWidget *label = GTK_WIDGET (self->as_of_label);

      gtk_label_set_label (self->as_of_label, text != NULL ? text : "");
      gtk_widget_set_visible (label, text != NULL);
      gtk_widget_set_name (label, absence != NULL ? "as-of" : "dates");
      if (absence != NULL)
        {
          gtk_widget_add_css_class (label, "heading");
          gtk_widget_remove_css_class (label, "caption");
          gtk_widget_remove_css_class (label, "dim-label");
        }
      else
        {
          gtk_widget_remove_css_class (label, "heading");
          gtk_widget_add_css_class (label, "caption");
          gtk_widget_add_css_class (label, "dim-label");
        }
    }
  gtk_widget_set_opacity (GTK_WIDGET (self), absence != NULL ? 0.55 : 1.0);
}

/* The chips of someone not there on the day shown are what they carry in
 * the whole plan, not that day: a caption above them says so, in the chip
 * popover's words. */
static void
update_whole_caption (CtoPersonCard *self,
                      gboolean       shown)
{
  if (shown && self->whole_caption == NULL)
    {
      self->whole_caption = gtk_label_new (_("Their part in the whole plan"));
      gtk_widget_set_name (self->whole_caption, "whole-plan-caption");
      gtk_label_set_xalign (GTK_LABEL (self->whole_caption), 0);
      gtk_label_set_wrap (GTK_LABEL (self->whole_caption), TRUE);
      gtk_widget_add_css_class (self->whole_caption, "caption");
      gtk_box_insert_child_after (GTK_BOX (self), self->whole_caption,
                                  gtk_widget_get_prev_sibling (self->chips_box));
    }
  if (self->whole_caption != NULL)
    gtk_widget_set_visible (self->whole_caption, shown);
}

static void
update (CtoPersonCard *self)
{
  g_autofree char *absence = NULL;
  g_autofree char *dates = cto_report_format_dates (self->person);
  const CtoPersonReport *report =
    cto_report_person_as_of (self->analysis, self->as_of, self->person, &absence);
  /* The chips are the whole plan's, so that what they edit is the plan's;
   * their figures are the day's (cto_assignment_chip_set()). NULL for a
   * person just put back, until the figures are worked out anew. */
  const CtoPersonReport *whole = cto_analysis_get_person (self->analysis, self->person);
  const char *name = cto_person_get_name (self->person);
  const char *role = cto_person_get_role (self->person);
  double capacity = cto_person_get_capacity (self->person);
  double load = report ? report->load : 0;
  gboolean overloaded = report ? report->overloaded : FALSE;
  g_autofree char *load_hours = cto_report_format_decimal (load);
  g_autofree char *capacity_hours = cto_report_format_decimal (capacity);
  g_autofree char *load_text = NULL;
  g_autofree char *options_label = NULL;
  g_autofree char *accessible = NULL;
  GtkWidget *cell;
  double fraction;

  gtk_label_set_label (self->name_label, name);
  gtk_label_set_label (self->role_label, role);
  gtk_widget_set_visible (GTK_WIDGET (self->role_label), role != NULL && role[0] != '\0');
  gtk_widget_set_visible (self->open_role_label, cto_person_get_open_role (self->person));

  if (report != NULL && report->utilization_unbounded)
    {
      /* Translators: load of a person without capacity: "5 of 0 h · no capacity" */
      load_text = g_strdup_printf (_("%s of %s h · no capacity"), load_hours, capacity_hours);
      fraction = 1;
    }
  else
    {
      double utilization = report != NULL ? report->utilization : 0;
      g_autofree char *percent = cto_report_format_percent (utilization);

      /* Translators: load of a person: "34 of 40 h · 85%" */
      load_text = g_strdup_printf (_("%s of %s h · %s"), load_hours, capacity_hours, percent);
      fraction = MIN (utilization, 1.0);
    }
  gtk_label_set_label (self->load_label, load_text);
  gtk_progress_bar_set_fraction (self->load_bar, fraction);

  gtk_widget_set_visible (self->overload_box, overloaded);
  if (overloaded)
    gtk_widget_add_css_class (GTK_WIDGET (self), "overloaded");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "overloaded");

  if (self->details_shown)
    {
      adw_avatar_set_text (self->avatar, name);
      update_chips (self, whole);
    }
  else
    {
      update_deferred (self, whole);
    }

  update_as_of (self, absence, dates);
  /* Someone not there on the day shown: their leaving changes nothing then. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "card.what-if", absence == NULL);
  update_whole_caption (self, absence != NULL && whole != NULL && whole->responsibilities->len > 0);

  if (absence != NULL)
    /* Translators: accessible name of the card of someone not there on the day shown */
    accessible = g_strdup_printf (_("%s. %s"), name, absence);
  else if (overloaded)
    /* Translators: accessible name of a person's card: name, then load */
    accessible = g_strdup_printf (_("%s. %s. Overloaded"), name, load_text);
  else
    /* Translators: accessible name of a person's card: name, then load */
    accessible = g_strdup_printf (_("%s. %s"), name, load_text);
  if (absence == NULL && dates != NULL)
    {
      /* Translators: accessible name of a person's card, then their dates */
      char *with_dates = g_strdup_printf (_("%s. %s"), accessible, dates);

      g_free (accessible);
      accessible = with_dates;
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  /* The board's cell that holds the card is what the arrow keys focus: a
   * screen reader names it, not the card inside. */
  cell = gtk_widget_get_parent (GTK_WIDGET (self));
  if (cell != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (cell),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                    -1);
  /* Translators: accessible name of the menu button of a person's card */
  options_label = g_strdup_printf (_("Options for %s"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->options_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, options_label,
                                  -1);
}

static void
analysis_changed_cb (CtoPersonCard *self)
{
  /* An edit of who carries what touches few people: the others' cards,
   * chips and all, stay as they are. As of a day, the card is shown again
   * when the window hands it that day's analysis. */
  if (self->as_of == NULL && !cto_analysis_person_changed (self->analysis, self->person))
    return;

  update (self);
}

static void
more_clicked_cb (CtoPersonCard *self)
{
  self->unfolded = !self->unfolded;
  if (self->analysis != NULL && self->details_shown)
    update_chips (self, cto_analysis_get_person (self->analysis, self->person));
}

static void
what_if_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CtoPersonCard *self = CTO_PERSON_CARD (widget);

  if (self->person != NULL)
    gtk_widget_activate_action (widget, "win.what-if", "s", cto_person_get_id (self->person));
}

static GMenuModel *
make_menu (CtoPerson *person)
{
  GMenu *menu = g_menu_new ();
  const char *id = cto_person_get_id (person);
  g_autoptr(GMenuItem) edit = g_menu_item_new (_("_Edit…"), NULL);
  g_autoptr(GMenuItem) reports_to = g_menu_item_new (_("Reports _To…"), NULL);
  g_autoptr(GMenuItem) remove = g_menu_item_new (_("_Delete"), NULL);
  g_autoptr(GMenuItem) what_if = g_menu_item_new (_("What If They _Leave?"), NULL);

  g_menu_item_set_action_and_target (edit, "win.edit-person", "s", id);
  g_menu_item_set_action_and_target (reports_to, "win.reports-to", "s", id);
  g_menu_item_set_action_and_target (remove, "win.delete-person", "s", id);
  g_menu_append_item (menu, edit);
  g_menu_append_item (menu, reports_to);
  g_menu_append_item (menu, remove);
  /* The card's own: off for someone not there on the day shown. */
  g_menu_item_set_detailed_action (what_if, "card.what-if");
  g_menu_append_item (menu, what_if);

  return G_MENU_MODEL (menu);
}

/* A card's menu, made when it is first opened: a board of many cards
 * would otherwise build a menu for each card it lays out. */
static void
create_menu_cb (GtkMenuButton *button,
                gpointer       user_data)
{
  CtoPersonCard *self = user_data;
  g_autoptr(GMenuModel) menu = NULL;

  if (self->person == NULL || gtk_menu_button_get_menu_model (button) != NULL)
    return;

  menu = make_menu (self->person);
  gtk_menu_button_set_menu_model (button, menu);
}

void
cto_person_card_popup_menu (CtoPersonCard *self)
{
  g_return_if_fail (CTO_IS_PERSON_CARD (self));

  if (self->person == NULL)
    return;

  /* A card whose details wait has no menu yet. */
  cto_person_card_show_details (self);
  gtk_menu_button_popup (self->options_button);
}

static void
cto_person_card_dispose (GObject *object)
{
  CtoPersonCard *self = (CtoPersonCard *) object;

  cto_person_card_unbind (self);

  G_OBJECT_CLASS (cto_person_card_parent_class)->dispose (object);
}

static void
cto_person_card_class_init (CtoPersonCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cto_person_card_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/cto-person-card.ui");
  gtk_widget_class_install_action (widget_class, "card.what-if", NULL, what_if_action);
  gtk_widget_class_bind_template_child (widget_class, CtoPersonCard, avatar);
  gtk_widget_class_bind_template_child (widget_class, CtoPersonCard, chips_placeholder);
  gtk_widget_class_bind_template_child (widget_class, CtoPersonCard, name_label);
  gtk_widget_class_bind_template_child (widget_class, CtoPersonCard, role_label);
  gtk_widget_class_bind_template_child (widget_class, CtoPersonCard, open_role_label);
  gtk_widget_class_bind_template_child (widget_class, CtoPersonCard, options_button);
  gtk_widget_class_bind_template_child (widget_class, CtoPersonCard, load_bar);
  gtk_widget_class_bind_template_child (widget_class, CtoPersonCard, load_label);
  gtk_widget_class_bind_template_child (widget_class, CtoPersonCard, overload_box);
  gtk_widget_class_bind_template_child (widget_class, CtoPersonCard, chips_box);
  gtk_widget_class_bind_template_child (widget_class, CtoPersonCard, more_button);
  gtk_widget_class_bind_template_child (widget_class, CtoPersonCard, empty_label);
  gtk_widget_class_bind_template_callback (widget_class, more_clicked_cb);
}

static void
cto_person_card_init (CtoPersonCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Not in the template: there, GTK would ask the display where the
   * pointer is for each card (see cto-tooltip.c). */
  cto_tooltip_set_text (self->open_role_label, _("A planned hire: a seat not yet filled"));
  /* Translators: the tooltip of the menu button of a person's card, naming its items */
  cto_tooltip_set_text (GTK_WIDGET (self->options_button), _("Edit, Reports To, Delete, What If They Leave"));
  gtk_menu_button_set_create_popup_func (self->options_button, create_menu_cb, self, NULL);
  cto_tooltip_show_cut_text (self->name_label);
  cto_tooltip_show_cut_text (self->role_label);

  self->details_frame = -1;
}

GtkWidget *
cto_person_card_new (void)
{
  return g_object_new (CTO_TYPE_PERSON_CARD, NULL);
}

void
cto_person_card_bind (CtoPersonCard *self,
                      CtoPerson     *person,
                      CtoAnalysis   *analysis,
                      gboolean       defer_details)
{
  g_return_if_fail (CTO_IS_PERSON_CARD (self));
  g_return_if_fail (CTO_IS_PERSON (person));
  g_return_if_fail (CTO_IS_ANALYSIS (analysis));

  cto_person_card_unbind (self);

  self->person = g_object_ref (person);
  self->analysis = g_object_ref (analysis);
  self->details_shown = !defer_details;
  self->details_frame = -1;
  self->heights_learnt = FALSE;
  self->analysis_changed_id =
    g_signal_connect_swapped (analysis, "changed", G_CALLBACK (analysis_changed_cb), self);

  /* The menu of the person bound before goes; this one's is made when
   * first opened (create_menu_cb). */
  if (gtk_menu_button_get_menu_model (self->options_button) != NULL)
    gtk_menu_button_set_menu_model (self->options_button, NULL);

  update (self);
}

void
cto_person_card_unbind (CtoPersonCard *self)
{
  g_return_if_fail (CTO_IS_PERSON_CARD (self));

  self->unfolded = FALSE;
  g_clear_signal_handler (&self->analysis_changed_id, self->analysis);
  g_clear_object (&self->analysis);
  g_clear_object (&self->person);
  g_clear_object (&self->as_of);
}

void
cto_person_card_set_as_of (CtoPersonCard *self,
                           CtoAnalysis   *as_of)
{
  g_return_if_fail (CTO_IS_PERSON_CARD (self));
  g_return_if_fail (as_of == NULL || CTO_IS_ANALYSIS (as_of));

  if (!g_set_object (&self->as_of, as_of) && as_of == NULL)
    return;
  if (self->person != NULL && self->analysis != NULL)
    update (self);
}

CtoPerson *
cto_person_card_get_person (CtoPersonCard *self)
{
  g_return_val_if_fail (CTO_IS_PERSON_CARD (self), NULL);

  return self->person;
}

void
cto_person_card_show_details (CtoPersonCard *self)
{
  g_return_if_fail (CTO_IS_PERSON_CARD (self));

  if (self->details_shown)
    return;

  self->details_shown = TRUE;
  self->details_frame = -1;
  self->heights_learnt = FALSE;
  if (self->person != NULL)
    update (self);
}

gboolean
cto_person_card_get_details_shown (CtoPersonCard *self)
{
  g_return_val_if_fail (CTO_IS_PERSON_CARD (self), FALSE);

  return self->details_shown;
}

gboolean
cto_person_card_sync_placeholder (CtoPersonCard *self)
{
  GdkFrameClock *clock;
  gint64 frame;

  g_return_val_if_fail (CTO_IS_PERSON_CARD (self), FALSE);

  if (!self->details_shown)
    return update_placeholder (self);

  /* Chips are styled in the frame after the one they were made in: their
   * heights are known from the next frame's layout on. */
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
  if (clock == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return FALSE;
  frame = gdk_frame_clock_get_frame_counter (clock);
  if (self->details_frame < 0)
    {
      self->details_frame = frame;
    }
  else if (frame > self->details_frame && !self->heights_learnt)
    {
      learn_chip_heights (self);
      self->heights_learnt = TRUE;
    }

  return FALSE;
}
