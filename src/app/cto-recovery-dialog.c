/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-recovery"

#include "config.h"

#include <glib/gi18n.h>

#include "cto-history.h"
#include "cto-recovery-dialog.h"
#include "cto-recovery.h"
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

  if (cto_history_get_modified (history))
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
      CtoWindow *window = pick_window (offer->parent, file, &parent_used);

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

GtkWidget *
cto_recovery_dialog_offer (CtoWindow *parent)
{
  g_autoptr(CtoRecoveredPlans) plans = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  GtkWidget *dialog;
  Offer *offer;
  guint n;

  g_return_val_if_fail (CTO_IS_WINDOW (parent), NULL);

  plans = cto_recovered_plans_claim ();
  if (plans == NULL)
    return NULL;

  n = cto_recovered_plans_get_n_items (plans);
  g_string_append (body, ngettext ("CTO Planner stopped unexpectedly while this plan had "
                                   "unsaved changes. They were kept:",
                                   "CTO Planner stopped unexpectedly while these plans had "
                                   "unsaved changes. They were kept:", n));
  for (guint i = 0; i < n; i++)
    {
      CtoPlan *plan = cto_recovered_plans_get_plan (plans, i);
      GFile *file = cto_recovered_plans_get_file (plans, i);
      g_autofree char *where = file ? g_file_get_parse_name (file) : NULL;

      g_string_append (body, "\n\n");
      if (where != NULL)
        /* Translators: a plan to restore: its title, then its file */
        g_string_append_printf (body, _("“%s” in %s"), cto_plan_get_title (plan), where);
      else
        /* Translators: a plan to restore that was never saved; %s is its title */
        g_string_append_printf (body, _("“%s”, not saved yet"), cto_plan_get_title (plan));
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (parent), _("Restore Unsaved Changes?"), body->str);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "discard", _("_Discard"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "restore");
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
