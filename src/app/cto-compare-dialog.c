/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-compare-dialog"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "cto-compare-dialog.h"
#include "cto-date.h"
#include "cto-report-format.h"
#include "cto-report-diff.h"

struct _CtoCompareDialog
{
  AdwWindow    parent_instance;

  CtoPlanDiff *diff;
  AdwPreferencesPage *page;
};

G_DEFINE_FINAL_TYPE (CtoCompareDialog, cto_compare_dialog, ADW_TYPE_WINDOW)

/* A shape for each status, as on the coverage tiles: never colour alone. */
static const char *
status_icon (CtoCoverage status)
{
  switch (status)
    {
    case CTO_COVERAGE_COVERED:
      return "emblem-ok-symbolic";
    case CTO_COVERAGE_PARTIAL:
      return "dialog-warning-symbolic";
    case CTO_COVERAGE_UNCOVERED:
      return "dialog-error-symbolic";
    case CTO_COVERAGE_EMPTY:
    default:
      return "content-loading-symbolic";
    }
}

static GtkWidget *
add_row (AdwPreferencesGroup *group,
         const char          *icon_name,
         const char          *title,
         const char          *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (subtitle != NULL && *subtitle != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  /* The row's title says in words what the icon shows. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  adw_preferences_group_add (group, row);

  return row;
}

static AdwPreferencesGroup *
add_group (CtoCompareDialog *self,
           const char       *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (group));

  return ADW_PREFERENCES_GROUP (group);
}

static void
add_note (CtoCompareDialog *self,
          const GDate      *day_shown)
{
  GtkWidget *group = adw_preferences_group_new ();
  g_autofree char *day = NULL;
  g_autofree char *note = NULL;

  if (day_shown == NULL)
    {
      note = g_strdup (_("Presentation, printing and Export now include a “Since the last plan” "
                         "page with these changes, until another plan is opened."));
    }
  else
    {
      /* The board pages show the plan as of the day shown, and compare
       * both plans as of that day (cto_plan_diff_new()). */
      day = cto_date_format_long (day_shown);
      /* Translators: the note of Compare With under As of a day: "… as of 1 April 2027, …" */
      note = g_strdup_printf (_("These are the changes to the whole plan. Presentation, printing "
                                "and Export now include a “Since the last plan” page that "
                                "compares both plans as of the day shown, now %s, until another "
                                "plan is opened."), day);
    }

  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), note);
  adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (group));
}

static char *
state_text (const CtoFunctionReport *report)
{
  g_autofree char *gap = cto_report_format_number (report->gap_hours, 2);

  if (report->overloaded)
    /* Translators: a function's state: "Covered, bus factor 2, gap 4 h, overloaded" */
    return g_strdup_printf (_("%s, bus factor %u, gap %s h, overloaded"),
                            cto_coverage_get_name (report->status), report->bus_factor, gap);

  /* Translators: a function's state: "Covered, bus factor 2, gap 4 h" */
  return g_strdup_printf (_("%s, bus factor %u, gap %s h"),
                          cto_coverage_get_name (report->status), report->bus_factor, gap);
}

static void
add_functions (CtoCompareDialog *self)
{
  AdwPreferencesGroup *group = add_group (self, _("Functions"));

  if (cto_plan_diff_is_empty (self->diff))
    adw_preferences_group_set_description (group,
                                           _("The two plans have the same people and responsibilities."));
  CtoAnalysis *before = cto_plan_diff_get_old_analysis (self->diff);
  CtoAnalysis *after = cto_plan_diff_get_new_analysis (self->diff);

  for (guint f = 0; f < CTO_N_FUNCTIONS; f++)
    {
      const CtoFunctionReport *b = cto_analysis_get_function (before, (CtoFunction) f);
      const CtoFunctionReport *a = cto_analysis_get_function (after, (CtoFunction) f);
      g_autofree char *before_text = state_text (b);
      g_autofree char *after_text = state_text (a);
      g_autofree char *subtitle = NULL;

      if (cto_plan_diff_function_changed (self->diff, (CtoFunction) f))
        /* Translators: a function before and after: "Partly covered, … → Covered, …" */
        subtitle = g_strdup_printf (_("%s → %s"), before_text, after_text);
      else
        /* Translators: a function that did not change: "Unchanged: Covered, …" */
        subtitle = g_strdup_printf (_("Unchanged: %s"), after_text);

      add_row (group, status_icon (a->status), cto_function_get_name ((CtoFunction) f), subtitle);
    }
}

static char *
describe_change (CtoPlanDiff         *diff,
                 const CtoDiffChange *change)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < change->fields->len; i++)
    {
      const CtoDiffField *field = &g_array_index (change->fields, CtoDiffField, i);
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;

      cto_report_diff_describe_field (cto_plan_diff_get_old_plan (diff),
                                      cto_plan_diff_get_new_plan (diff), field, &before, &after);

      if (out->len > 0)
        g_string_append_c (out, '\n');
      /* Translators: a changed member, "Capacity: 40 h → 12 h" */
      g_string_append_printf (out, _("%s: %s → %s"), cto_report_diff_field_name (field->field),
                              before, after);
    }

  if (change->assignees_changed)
    {
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;

      cto_report_diff_describe_carriers (cto_plan_diff_get_old_plan (diff),
                                         cto_plan_diff_get_new_plan (diff), change, &before, &after);
      if (out->len > 0)
        g_string_append_c (out, '\n');
      /* Translators: who carries a responsibility, before and after */
      g_string_append_printf (out, _("Carried by: %s → %s"), before, after);
    }

  return g_string_free (out, FALSE);
}

static void
add_items (CtoCompareDialog *self,
           const char       *title,
           GPtrArray        *added,
           GPtrArray        *removed,
           GPtrArray        *changed,
           gboolean          people)
{
  AdwPreferencesGroup *group = add_group (self, title);

  for (guint i = 0; i < added->len; i++)
    {
      gpointer item = g_ptr_array_index (added, i);

      add_row (group, "list-add-symbolic",
               people ? cto_person_get_name (item) : cto_responsibility_get_title (item),
               _("Added"));
    }
  for (guint i = 0; i < removed->len; i++)
    {
      gpointer item = g_ptr_array_index (removed, i);

      add_row (group, "list-remove-symbolic",
               people ? cto_person_get_name (item) : cto_responsibility_get_title (item),
               _("Removed"));
    }
  for (guint i = 0; i < changed->len; i++)
    {
      const CtoDiffChange *change = g_ptr_array_index (changed, i);
      g_autofree char *what = describe_change (self->diff, change);
      /* Translators: a changed person or responsibility, then what changed */
      g_autofree char *subtitle = g_strdup_printf (_("Changed\n%s"), what);

      add_row (group, "document-edit-symbolic",
               people ? cto_person_get_name (change->after) : cto_responsibility_get_title (change->after),
               subtitle);
    }

  if (added->len == 0 && removed->len == 0 && changed->len == 0)
    add_row (group, "emblem-ok-symbolic", _("No changes"), NULL);
}

static void
cto_compare_dialog_finalize (GObject *object)
{
  CtoCompareDialog *self = CTO_COMPARE_DIALOG (object);

  g_clear_object (&self->diff);

  G_OBJECT_CLASS (cto_compare_dialog_parent_class)->finalize (object);
}

static void
cto_compare_dialog_class_init (CtoCompareDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = cto_compare_dialog_finalize;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cto_compare_dialog_init (CtoCompareDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  self->page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->page), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->page));
  adw_window_set_content (ADW_WINDOW (self), box);
  gtk_window_set_default_size (GTK_WINDOW (self), 640, 720);
}

GtkWidget *
cto_compare_dialog_new (GtkWindow   *parent,
                        CtoPlanDiff *diff,
                        const char  *old_name,
                        const GDate *day_shown)
{
  CtoCompareDialog *self;
  g_autofree char *title = NULL;

  g_return_val_if_fail (CTO_IS_PLAN_DIFF (diff), NULL);

  /* Translators: the title of the comparison, "Changes since plan.json" */
  title = g_strdup_printf (_("Changes Since %s"), old_name);
  self = g_object_new (CTO_TYPE_COMPARE_DIALOG,
                       "transient-for", parent,
                       "modal", FALSE,
                       "destroy-with-parent", TRUE,
                       "title", title,
                       NULL);
  self->diff = g_object_ref (diff);

  /* The window keeps the comparison for the board pages: say so. */
  add_note (self, day_shown);
  add_functions (self);
  add_items (self, _("People"),
             cto_plan_diff_get_added_people (diff),
             cto_plan_diff_get_removed_people (diff),
             cto_plan_diff_get_changed_people (diff), TRUE);
  add_items (self, _("Responsibilities"),
             cto_plan_diff_get_added_responsibilities (diff),
             cto_plan_diff_get_removed_responsibilities (diff),
             cto_plan_diff_get_changed_responsibilities (diff), FALSE);

  return GTK_WIDGET (self);
}

CtoPlanDiff *
cto_compare_dialog_get_diff (CtoCompareDialog *self)
{
  g_return_val_if_fail (CTO_IS_COMPARE_DIALOG (self), NULL);

  return self->diff;
}
