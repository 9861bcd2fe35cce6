/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "cto-analysis.h"
#include "cto-cli-time.h"
#include "cto-date.h"
#include "cto-plan-diff.h"
#include "cto-cli-private.h"
#include "cto-plan-io.h"
#include "cto-report-diff.h"
#include "cto-report-terminal-private.h"
#include "cto-report-timeline.h"
#include "cto-timeline.h"

#define EXIT_REFUSED CTO_CLI_EXIT_REFUSED

gboolean
cto_cli_time_check_date (const char  *option,
                         const char  *text,
                         GDate       *day,
                         char       **message)
{
  g_autofree char *shown = NULL;
  g_autofree char *safe = NULL;
  GDate parsed;

  if (day != NULL)
    g_date_clear (day, 1);
  if (text == NULL)
    return TRUE;
  if (cto_date_parse (text, &parsed))
    {
      if (day != NULL)
        *day = parsed;
      return TRUE;
    }

  /* A message is one line, safe on a terminal, its value cut at 64 bytes. */
  shown = g_utf8_make_valid (text, MIN (strlen (text), 64));
  if (strlen (text) > 64)
    {
      g_autofree char *cut = g_steal_pointer (&shown);

      /* g_utf8_make_valid() keeps a character cut in half as U+FFFD: drop it. */
      if (g_str_has_suffix (cut, "\xef\xbf\xbd"))
        cut[strlen (cut) - 3] = '\0';
      shown = g_strconcat (cut, "…", NULL);
    }
  safe = _cto_report_terminal_escape (shown);

  /* Translators: "--as-of: “2027-02-30” is not a day of the form YYYY-MM-DD" */
  *message = g_strdup_printf (_("%s: “%s” is not a day of the form YYYY-MM-DD"), option, safe);
  return FALSE;
}

CtoPlan *
cto_cli_time_as_of (CtoPlan     *plan,
                    const GDate *day)
{
  g_autoptr(CtoPlan) whole = plan;

  if (whole == NULL || day == NULL || !g_date_valid (day))
    return g_steal_pointer (&whole);

  return cto_plan_copy_as_of (whole, day);
}

int
cto_cli_time_timeline (const char *path,
                       gboolean    json,
                       const char *from)
{
  g_autoptr(CtoPlan) plan = _cto_cli_load (path);
  g_autoptr(CtoTimeline) timeline = NULL;
  g_autofree char *text = NULL;
  GDate day;

  if (plan == NULL)
    return EXIT_REFUSED;

  if (from != NULL && !cto_date_parse (from, &day))
    g_return_val_if_reached (EXIT_REFUSED);

  timeline = cto_timeline_new (plan, from != NULL ? &day : NULL);
  text = json ? cto_report_timeline_json (timeline) : cto_report_timeline_text (timeline);

  return _cto_cli_print (text);
}

int
cto_cli_time_diff (const char *old_path,
                   const char *new_path,
                   gboolean    json)
{
  g_autoptr(CtoPlan) old_plan = _cto_cli_load (old_path);
  g_autoptr(CtoPlan) new_plan = _cto_cli_load (new_path);
  g_autoptr(CtoPlanDiff) diff = NULL;
  g_autofree char *text = NULL;

  if (old_plan == NULL || new_plan == NULL)
    return EXIT_REFUSED;

  diff = cto_plan_diff_new (old_plan, new_plan);
  text = json ? cto_report_diff_json (diff) : cto_report_diff_text (diff, old_path, new_path);

  return _cto_cli_print (text);
}
