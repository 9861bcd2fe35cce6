/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-suggestions-pane"

#include "config.h"

#include <glib/gi18n.h>

#include "cto-mnemonic-names.h"
#include "cto-report-suggestions.h"
#include "cto-suggestions-pane.h"
#include "cto-tooltip.h"

/* A long list names the first ones: each applied, it is made afresh. */
#define MAX_ROWS 50
/* And what stays unresolved, the first ones too: on a large plan it can
 * run to hundreds of lines. */
#define MAX_UNRESOLVED 12

struct _CtoSuggestionsPane
{
  GtkBox      parent_instance;

  GtkLabel   *summary_label;
  GtkListBox *list;
  GtkWidget  *apply_all_button;
  GtkLabel   *unresolved_label;

  gboolean    can_apply;
  gboolean    read_only_action;   /* Apply All has one of its own, read only */

  /* Where the focus was when the suggestions went out of date: the index
   * of its row, or -1; see cto_suggestions_pane_remember_focus(). */
  gboolean    focus_remembered;
  int         focus_row;
};

G_DEFINE_FINAL_TYPE (CtoSuggestionsPane, cto_suggestions_pane, GTK_TYPE_BOX)

static GtkWidget *
make_row (const char *text,
          guint       position,
          gboolean    can_apply)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 60);
  gtk_label_set_width_chars (GTK_LABEL (label), 36);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_box_append (GTK_BOX (box), label);

  if (can_apply)
    {
      GtkWidget *apply = gtk_button_new_with_mnemonic (_("_Apply"));

      gtk_actionable_set_action_name (GTK_ACTIONABLE (apply), "win.apply-suggestion");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (apply), "u", position);
      gtk_widget_set_valign (apply, GTK_ALIGN_CENTER);
      /* Which one it applies, for those who do not see the row. */
      cto_mnemonic_names_keep (apply);
      gtk_accessible_update_property (GTK_ACCESSIBLE (apply), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
      gtk_box_append (GTK_BOX (box), apply);
    }

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);

  return row;
}

/* The line that ends a list cut short. */
static char *
and_more (guint n_more)
{
  return g_strdup_printf (ngettext ("and %u more", "and %u more", n_more), n_more);
}

static void
cto_suggestions_pane_class_init (CtoSuggestionsPaneClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/cto-suggestions-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, CtoSuggestionsPane, summary_label);
  gtk_widget_class_bind_template_child (widget_class, CtoSuggestionsPane, list);
  gtk_widget_class_bind_template_child (widget_class, CtoSuggestionsPane, apply_all_button);
  gtk_widget_class_bind_template_child (widget_class, CtoSuggestionsPane, unresolved_label);
}

static void
cto_suggestions_pane_init (CtoSuggestionsPane *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Not in the template, where GTK would wait on the display to set it. */
  cto_tooltip_set_text (GTK_WIDGET (self->apply_all_button),
                        _("Apply every suggestion as one step"));
}

GtkWidget *
cto_suggestions_pane_new (void)
{
  return g_object_new (CTO_TYPE_SUGGESTIONS_PANE, NULL);
}

/* The focus in the pane, or NULL. */
static GtkWidget *
focus_within (CtoSuggestionsPane *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self)) ? focus : NULL;
}

/* The Apply button of the row at @index (the last row when there are
 * fewer), or NULL. */
static GtkWidget *
apply_button_at (CtoSuggestionsPane *self,
                 int                 index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list, index);
  GtkWidget *last;

  if (row == NULL)
    {
      GtkWidget *child = gtk_widget_get_last_child (GTK_WIDGET (self->list));

      if (!GTK_IS_LIST_BOX_ROW (child))
        return NULL;
      row = GTK_LIST_BOX_ROW (child);
    }

  last = gtk_widget_get_last_child (gtk_list_box_row_get_child (row));
  return GTK_IS_BUTTON (last) ? last : NULL;
}

/*
 * The list made again under the focus (an Apply or Apply All pressed, the
 * plan changed meanwhile) takes the focus with it, and GTK puts it nowhere:
 * keys would reach nothing. It goes to the Apply now where the focused one
 * was, else Apply All (read only, to the row in its place); with nothing
 * left, the popover the pane is in closes and gives it back to the button
 * that opened it.
 */
static void
keep_focus (CtoSuggestionsPane *self,
            int                 row)
{
  GtkWidget *target = row >= 0 ? apply_button_at (self, row) : NULL;
  GtkWidget *popover;

  if (target == NULL && self->can_apply && gtk_widget_get_visible (self->apply_all_button))
    target = self->apply_all_button;
  if (target == NULL)
    target = apply_button_at (self, 0);
  /* Read only (the what-if bar's), the row now in its place. */
  if (target == NULL && row >= 0 && gtk_widget_get_visible (GTK_WIDGET (self->list)))
    {
      GtkListBoxRow *in_place = gtk_list_box_get_row_at_index (self->list, row);

      target = in_place != NULL ? GTK_WIDGET (in_place) : gtk_widget_get_last_child (GTK_WIDGET (self->list));
    }
  if (target != NULL && gtk_widget_grab_focus (target))
    return;

  popover = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_POPOVER);
  if (popover != NULL)
    {
      GtkWidget *opener = gtk_widget_get_parent (popover);

      gtk_popover_popdown (GTK_POPOVER (popover));
      if (opener != NULL)
        gtk_widget_grab_focus (opener);
    }
}

/* The index of the row holding @focus, or -1. */
static int
row_of (GtkWidget *focus)
{
  GtkWidget *row = gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW);

  return row != NULL ? gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) : -1;
}

void
cto_suggestions_pane_remember_focus (CtoSuggestionsPane *self)
{
  GtkWidget *focus;

  g_return_if_fail (CTO_IS_SUGGESTIONS_PANE (self));

  if ((focus = focus_within (self)) == NULL)
    return;

  self->focus_remembered = TRUE;
  self->focus_row = row_of (focus);
}

void
cto_suggestions_pane_set_suggestions (CtoSuggestionsPane *self,
                                      CtoSuggestions     *suggestions,
                                      gboolean            can_apply)
{
  g_auto(GStrv) unresolved = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *unresolved_text = NULL;
  gboolean keep = self->focus_remembered;
  int focus_row = self->focus_row;
  GtkWidget *focus;
  GtkWidget *child;
  guint n_unresolved;
  guint n;

  g_return_if_fail (CTO_IS_SUGGESTIONS_PANE (self));
  g_return_if_fail (CTO_IS_SUGGESTIONS (suggestions));

  /* Asked before the rows go. */
  self->focus_remembered = FALSE;
  if ((focus = focus_within (self)) != NULL)
    {
      keep = TRUE;
      focus_row = row_of (focus);
    }

  n = cto_suggestions_get_n_items (suggestions);
  unresolved = cto_report_suggestions_unresolved (suggestions);

  if (n == 0)
    summary = g_strdup (cto_report_suggestions_none (unresolved[0] != NULL));
  else if (can_apply)
    summary = g_strdup_printf (ngettext ("%u suggestion, each one undo step:",
                                         "%u suggestions, each one undo step:", n), n);
  else
    /* Translators: suggestions shown, not offered, for a plan the window only shows (without someone) */
    summary = g_strdup_printf (ngettext ("%u suggestion for the plan as it would be:",
                                         "%u suggestions for the plan as it would be:", n), n);
  gtk_label_set_label (self->summary_label, summary);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  for (guint i = 0; i < MIN (n, MAX_ROWS); i++)
    {
      g_autofree char *text = cto_report_suggestion_describe (suggestions,
                                                              cto_suggestions_get_nth (suggestions, i));

      gtk_list_box_append (self->list, make_row (text, i, can_apply));
    }
  if (n > MAX_ROWS)
    {
      g_autofree char *more = and_more (n - MAX_ROWS);

      gtk_list_box_append (self->list, make_row (more, 0, FALSE));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->list), n > 0);
  self->can_apply = can_apply;
  gtk_widget_set_visible (self->apply_all_button,
                          can_apply ? n > 1 : self->read_only_action && n > 0);

  n_unresolved = g_strv_length (unresolved);
  if (n_unresolved > MAX_UNRESOLVED)
    {
      g_free (unresolved[MAX_UNRESOLVED]);
      unresolved[MAX_UNRESOLVED] = and_more (n_unresolved - MAX_UNRESOLVED);
      for (guint i = MAX_UNRESOLVED + 1; i < n_unresolved; i++)
        g_clear_pointer (&unresolved[i], g_free);
    }
  unresolved_text = g_strjoinv ("\n", unresolved);
  gtk_label_set_label (self->unresolved_label, unresolved_text);
  gtk_widget_set_visible (GTK_WIDGET (self->unresolved_label), unresolved[0] != NULL);

  /* Unless it went elsewhere meanwhile, or the pane was closed. GTK 4.8
   * may go on naming a row taken out of a popover as the focus. */
  if (keep && gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      GtkWidget *now = root != NULL ? gtk_root_get_focus (root) : NULL;

      if (root != NULL && (now == NULL || gtk_widget_get_root (now) != root || focus_within (self) != NULL))
        keep_focus (self, focus_row);
    }
}

void
cto_suggestions_pane_set_read_only_action (CtoSuggestionsPane *self,
                                           const char         *label,
                                           const char         *tooltip,
                                           const char         *action_name)
{
  g_return_if_fail (CTO_IS_SUGGESTIONS_PANE (self));
  g_return_if_fail (label != NULL && action_name != NULL);

  self->read_only_action = TRUE;
  /* It does more than the suggestions: styled as what it also does. */
  gtk_widget_remove_css_class (self->apply_all_button, "suggested-action");
  gtk_widget_add_css_class (self->apply_all_button, "destructive-action");
  gtk_button_set_label (GTK_BUTTON (self->apply_all_button), label);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->apply_all_button), action_name);
  cto_tooltip_set_text (self->apply_all_button, tooltip);
}

void
cto_suggestions_pane_focus_first (CtoSuggestionsPane *self)
{
  GtkListBoxRow *first;

  g_return_if_fail (CTO_IS_SUGGESTIONS_PANE (self));

  first = gtk_list_box_get_row_at_index (self->list, 0);
  if (first != NULL && gtk_widget_get_visible (GTK_WIDGET (self->list)))
    gtk_widget_grab_focus (GTK_WIDGET (first));
}
