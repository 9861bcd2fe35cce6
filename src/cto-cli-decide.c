/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "cto-cli-decide.h"
#include "cto-date.h"
#include "cto-departure.h"
#include "cto-cli-private.h"
#include "cto-plan-io.h"
#include "cto-report-departure.h"
#include "cto-report-suggestions.h"
#include "cto-suggestions.h"
#include "cto-terminal-text.h"

#define EXIT_REFUSED CTO_CLI_EXIT_REFUSED

/* Why @person_id cannot leave @plan: no one has that id, or, under
 * --as-of, they are not there on that day. */
static char *
not_there_message (CtoPlan    *plan,
                   const char *person_id)
{
  CtoPlan *whole = cto_plan_get_whole (plan);
  CtoPerson *person = whole != NULL ? cto_plan_find_person (whole, person_id) : NULL;

  if (person != NULL)
    {
      g_autofree char *name = cto_terminal_text (cto_person_get_name (person), -1, CTO_TERMINAL_TEXT_ONE_LINE);
      g_autofree char *day = cto_date_format_long (cto_plan_get_as_of (plan));

      /* Translators: the end of "cto-planner: PLAN: --without: Bo Lin is not in
       * the plan on 1 April 2027", with --as-of a day the person has left by or
       * not started on */
      return g_strdup_printf (_("--without: %s is not in the plan on %s"), name, day);
    }
  else
    {
      g_autofree char *value = cto_terminal_text_quote (person_id);

      /* Translators: the end of "cto-planner: PLAN: --without: unknown person "x"" */
      return g_strdup_printf (_("--without: unknown person %s"), value);
    }
}

int
cto_cli_run_without (const char *path,
                     const char *person_id,
                     gboolean    json)
{
  g_autoptr(CtoPlan) plan = _cto_cli_load (path);
  g_autoptr(CtoDeparture) departure = NULL;
  g_autofree char *text = NULL;

  if (plan == NULL)
    return EXIT_REFUSED;

  departure = cto_departure_new (plan, person_id);
  if (departure == NULL)
    {
      g_autofree char *message = not_there_message (plan, person_id);

      _cto_cli_print_error (path, message);
      return EXIT_REFUSED;
    }

  text = json ? cto_report_departure_json (departure) : cto_report_departure_text (departure);
  return _cto_cli_print (text);
}

int
cto_cli_run_suggest (const char *path,
                     gboolean    json)
{
  g_autoptr(CtoPlan) plan = _cto_cli_load (path);
  g_autoptr(CtoSuggestions) suggestions = NULL;
  g_autofree char *text = NULL;

  if (plan == NULL)
    return EXIT_REFUSED;

  suggestions = cto_suggestions_new (plan);
  text = json ? cto_report_suggestions_json (suggestions) : cto_report_suggestions_text (suggestions);
  return _cto_cli_print (text);
}
