/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-recovery"

#include "config.h"

#include <glib/gi18n.h>

#include "cto-history.h"
#include "cto-recovery-dialog.h"
#include "cto-recovered-plans.h"
#include "cto-window-private.h"

typedef struct
{
  CtoWindow         *parent;   /* weak */
  CtoRecoveredPlans *plans;
} Offer;

static void
offer_free (gpointer data)
{
  Offer *offer = data;

  g_clear_weak_pointer (&offer->parent);
  g_clear_pointer (&offer->plans, cto_recovered_plans_free);
  g_free (offer);
}

static gboolean
is_untouched (CtoWindow *window,
              GFile     *file)
{
  CtoHistory *history = cto_plan_get_history (cto_window_get_plan (window));
  GFile *shown = cto_window_get_file (window);

  if (_cto_window_may_be_unsaved (window))
    return FALSE;
  if (file == NULL || shown == NULL)
    return file == NULL && shown == NULL && !cto_history_get_can_undo (history);

  return g_file_equal (file, shown);
}

/* The window showing @file untouched, else @parent on a plan nobody
 * touched yet (once), else a new one. */
static CtoWindow *
pick_window (CtoWindow *parent,
             GFile     *file,
             gboolean  *parent_used)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (parent));
  CtoWindow *window;

  if (file != NULL && app != NULL)
    {
      for (GList *l = gtk_application_get_windows (app); l != NULL; l = l->next)
        {
          if (CTO_IS_WINDOW (l->data) && is_untouched (l->data, file))
            return l->data;
        }
    }
  else if (file != NULL && is_untouched (parent, file))
    {
      return parent;
    }

  if (!*parent_used && is_untouched (parent, NULL))
    {
      *parent_used = TRUE;
      return parent;
    }

  window = cto_window_new (app);
  gtk_window_present (GTK_WINDOW (window));

  return window;
}

static void
restore (Offer *offer)
{
  gboolean parent_used = FALSE;
  guint n = cto_recovered_plans_get_n_items (offer->plans);

  for (guint i = 0; i < n; i++)
    {
      GFile *file = cto_recovered_plans_get_file (offer->plans, i);
      CtoWindow *window;

      if (cto_recovered_plans_get_plan (offer->plans, i) == NULL)
        continue;

      window = pick_window (offer->parent, file, &parent_used);
      _cto_window_restore (window, cto_recovered_plans_get_plan (offer->plans, i), file,
                           cto_recovered_plans_get_etag (offer->plans, i));
    }
}

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             Offer            *offer)
{
  if (g_strcmp0 (response, "restore") == 0 && offer->parent != NULL)
    {
      /* The windows keep copies of their own before the old ones go. */
      restore (offer);
      cto_recovered_plans_delete (offer->plans);
    }
  else if (g_strcmp0 (response, "discard") == 0)
    {
      cto_recovered_plans_delete (offer->plans);
    }

  /* Anything else keeps the copies for the next start. */
  g_clear_pointer (&offer->plans, cto_recovered_plans_free);
}

static char *
describe_time (gint64 seconds)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (seconds);

  if (time == NULL)
    return g_strdup ("");

  /* Translators: when a copy of unsaved changes was made; a strftime format */
  return g_date_time_format (time, _("%e %B %Y, %H:%M"));
}

/* One copy: its plan and where it belongs, or why it cannot be restored. */
static GtkWidget *
make_row (CtoRecoveredPlans *plans,
          guint              position)
{
  CtoPlan *plan = cto_recovered_plans_get_plan (plans, position);
  GFile *file = cto_recovered_plans_get_file (plans, position);
  g_autofree char *where = file ? g_file_get_parse_name (file) : NULL;
  g_autofree char *when = describe_time (cto_recovered_plans_get_modified (plans, position));
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();

  if (plan != NULL)
    {
      title = g_markup_escape_text (cto_plan_get_title (plan), -1);
      if (where != NULL)
        /* Translators: a copy to restore: where its plan is saved, then when the copy was made */
        subtitle = g_strdup_printf (_("%s — changed %s"), where, when);
      else
        /* Translators: a copy of a plan never saved; %s is when the copy was made */
        subtitle = g_strdup_printf (_("Not saved yet — changed %s"), when);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("document-revert-symbolic"));
    }
  else
    {
      const GError *error = cto_recovered_plans_get_error (plans, position);
      const char *path = cto_recovered_plans_get_path (plans, position);

      title = g_strdup (where != NULL ? where : _("A plan that was never saved"));
      title = g_markup_escape_text (title, -1);
      /* Translators: a copy that cannot be restored: why, then the file where it is kept */
      subtitle = g_strdup_printf (_("Cannot be restored: %s. Kept in %s"),
                                  error != NULL ? error->message : "", path);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  {
    g_autofree char *escaped = g_markup_escape_text (subtitle, -1);

    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
  }
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);

  return row;
}

GtkWidget *
cto_recovery_dialog_offer (CtoWindow *parent)
{
  g_autoptr(CtoRecoveredPlans) plans = NULL;
  GtkWidget *dialog;
  GtkWidget *list;
  GtkWidget *scrolled;
  Offer *offer;
  guint n;
  guint n_readable = 0;
  guint n_kept = 0;
  const char *body;

  g_return_val_if_fail (CTO_IS_WINDOW (parent), NULL);

  plans = cto_recovered_plans_claim ();
  if (plans == NULL)
    return NULL;

  n = cto_recovered_plans_get_n_items (plans);
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Plans with unsaved changes"), -1);
  for (guint i = 0; i < n; i++)
    {
      gtk_list_box_append (GTK_LIST_BOX (list), make_row (plans, i));
      n_readable += cto_recovered_plans_get_plan (plans, i) != NULL;
      n_kept += cto_recovered_plans_get_kept (plans, i);
    }

  /* However many there are, the dialog keeps its buttons on screen. */
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);

  if (n_readable == 0 && n_kept == n)
    body = ngettext ("A plan was closed before its save ended. The copy of its unsaved "
                     "changes cannot be restored, and stays where it is.",
                     "Plans were closed before their saves ended. The copies of their unsaved "
                     "changes cannot be restored, and stay where they are.", n);
  else if (n_readable == 0)
    body = ngettext ("CTO Planner stopped unexpectedly while a plan had unsaved changes. "
                     "The copy it kept cannot be restored, and stays where it is.",
                     "CTO Planner stopped unexpectedly while plans had unsaved changes. "
                     "The copies it kept cannot be restored, and stay where they are.", n);
  else if (n_kept == n)
    /* Closed without waiting for their saves: nothing unexpected. */
    body = ngettext ("This plan was closed before its save ended. Its unsaved "
                     "changes were kept:",
                     "These plans were closed before their saves ended. Their "
                     "unsaved changes were kept, newest first:", n);
  else
    body = ngettext ("CTO Planner stopped unexpectedly while this plan had "
                     "unsaved changes. They were kept:",
                     "CTO Planner stopped unexpectedly while these plans had "
                     "unsaved changes. They were kept, newest first:", n);

  dialog = adw_message_dialog_new (GTK_WINDOW (parent), _("Restore Unsaved Changes?"), body);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "discard", _("_Discard"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "restore",
                                           n_readable > 0);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "discard",
                                           n_readable > 0);
  if (n_readable == 0)
    adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "later", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog),
                                           n_readable > 0 ? "restore" : "later");
  /* Escape decides nothing: the copies are offered again next time. */
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "later");

  offer = g_new0 (Offer, 1);
  g_set_weak_pointer (&offer->parent, parent);
  offer->plans = g_steal_pointer (&plans);
  g_object_set_data_full (G_OBJECT (dialog), "cto-recovery-offer", offer, offer_free);
  g_signal_connect (dialog, "response", G_CALLBACK (response_cb), offer);

  gtk_window_present (GTK_WINDOW (dialog));

  return dialog;
}
