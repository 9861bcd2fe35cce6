/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-suggestions-pane"

#include "config.h"

#include <glib/gi18n.h>

#include "cto-report-suggestions.h"
#include "cto-suggestions-pane.h"
#include "cto-tooltip.h"

/* A long list names the first ones: each applied, it is made afresh. */
#define MAX_ROWS 50

struct _CtoSuggestionsPane
{
  GtkBox      parent_instance;

  GtkLabel   *summary_label;
  GtkListBox *list;
  GtkWidget  *apply_all_button;
  GtkLabel   *unresolved_label;
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
      gtk_accessible_update_property (GTK_ACCESSIBLE (apply), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
      gtk_box_append (GTK_BOX (box), apply);
    }

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);

  return row;
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

void
cto_suggestions_pane_set_suggestions (CtoSuggestionsPane *self,
                                      CtoSuggestions     *suggestions,
                                      gboolean            can_apply)
{
  g_auto(GStrv) unresolved = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *unresolved_text = NULL;
  GtkWidget *child;
  guint n;

  g_return_if_fail (CTO_IS_SUGGESTIONS_PANE (self));
  g_return_if_fail (CTO_IS_SUGGESTIONS (suggestions));

  n = cto_suggestions_get_n_items (suggestions);
  unresolved = cto_report_suggestions_unresolved (suggestions);

  if (n == 0 && unresolved[0] == NULL)
    summary = g_strdup (_("Nothing to rebalance: nobody is overloaded and every responsibility has someone."));
  else if (n == 0)
    summary = g_strdup (_("No suggestions: nobody who could take on work has the hours free."));
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
      g_autofree char *more = g_strdup_printf (ngettext ("and %u more", "and %u more", n - MAX_ROWS),
                                               n - MAX_ROWS);

      gtk_list_box_append (self->list, make_row (more, 0, FALSE));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->list), n > 0);
  gtk_widget_set_visible (self->apply_all_button, can_apply && n > 1);

  unresolved_text = g_strjoinv ("\n", unresolved);
  gtk_label_set_label (self->unresolved_label, unresolved_text);
  gtk_widget_set_visible (GTK_WIDGET (self->unresolved_label), unresolved[0] != NULL);
}
