/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "cto-cli-decide.h"
#include "cto-departure.h"
#include "cto-cli-private.h"
#include "cto-plan-io.h"
#include "cto-report-departure.h"
#include "cto-report-suggestions.h"
#include "cto-suggestions.h"
#include "cto-terminal-text.h"

#define EXIT_REFUSED CTO_CLI_EXIT_REFUSED

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
      g_autofree char *value = cto_terminal_text_quote (person_id);
      /* Translators: the end of "cto-planner: PLAN: --without: unknown person "x"" */
      g_autofree char *message = g_strdup_printf (_("--without: unknown person %s"), value);

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
