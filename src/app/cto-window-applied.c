/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-window-applied"

#include "config.h"

#include <glib/gi18n.h>

#include "cto-window-private.h"

/* What the window says once suggestions are applied. */

/*
 * The toast after @applied of @n suggestions applied, @joined of them
 * giving work that the whole plan has carried by people away on the day
 * shown (the takers join them), with a person removed first or not: one
 * rule for what it says.
 */
void
_cto_window_toast_applied (CtoWindow *self,
                           guint      applied,
                           guint      n,
                           guint      joined,
                           gboolean   removed)
{
  g_autofree char *text = NULL;

  if (applied == n && joined > 0)
    {
      if (removed)
        /* Translators: a toast with an Undo button, after Remove Them and Apply All under As of a
         * day: "Person removed and suggestions applied; 2 give work their takers share in the whole
         * plan and carry alone on the day shown" */
        text = g_strdup_printf (ngettext ("Person removed and suggestions applied; %u gives work its "
                                          "taker shares in the whole plan and carries alone on the "
                                          "day shown",
                                          "Person removed and suggestions applied; %u give work their "
                                          "takers share in the whole plan and carry alone on the day "
                                          "shown",
                                          joined),
                                joined);
      else
        /* Translators: a toast with an Undo button, after Apply All under As of a day:
         * "Suggestions applied; 2 give work their takers share in the whole plan and carry
         * alone on the day shown" */
        text = g_strdup_printf (ngettext ("Suggestions applied; %u gives work its taker "
                                          "shares in the whole plan and carries alone "
                                          "on the day shown",
                                          "Suggestions applied; %u give work their takers "
                                          "share in the whole plan and carry alone on "
                                          "the day shown",
                                          joined),
                                joined);
    }
  else if (applied == n)
    {
      _cto_window_toast_undo (self, removed ? _("Person removed and suggestions applied")
                                            : _("Suggestions applied"));
      return;
    }
  else if (applied > 0)
    {
      if (removed)
        /* Translators: a toast with an Undo button: "Person removed; 3 of 5 suggestions applied; the
         * plan has changed since the others were made" */
        text = g_strdup_printf (ngettext ("Person removed; %u of %u suggestion applied; the plan has "
                                          "changed since the others were made",
                                          "Person removed; %u of %u suggestions applied; the plan has "
                                          "changed since the others were made",
                                          n),
                                applied, n);
      else
        /* Translators: a toast with an Undo button: "3 of 5 suggestions applied; the plan has
         * changed since the others were made" */
        text = g_strdup_printf (ngettext ("%u of %u suggestion applied; the plan has "
                                          "changed since the others were made",
                                          "%u of %u suggestions applied; the plan has "
                                          "changed since the others were made",
                                          n),
                                applied, n);
    }
  else if (removed)
    {
      /* Translators: a toast with an Undo button */
      text = g_strdup (_("Person removed; the plan has changed since the suggestions were made"));
    }
  else
    {
      _cto_window_toast_text (self, _("The plan has changed since these suggestions were made"), FALSE);
      return;
    }

  _cto_window_toast_text (self, text, TRUE);
}
