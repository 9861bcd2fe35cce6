/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "cto-cli-decide.h"
#include "cto-departure.h"
#include "cto-plan-io.h"
#include "cto-report-departure.h"
#include "cto-report-suggestions.h"
#include "cto-suggestions.h"

enum {
  EXIT_REFUSED = 1,
};

/* A value of the command line in a one-line message: safe on a terminal,
 * cut at 64 bytes. */
static char *
message_value (const char *value)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *valid = g_utf8_make_valid (value, -1);

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gsize before = out->len;

      if (c <= 0x1F || (c >= 0x7F && c <= 0x9F) || (c >= 0x202A && c <= 0x202E) ||
          (c >= 0x2066 && c <= 0x2069) || (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE)
        g_string_append_printf (out, "\\u{%X}", c);
      else
        g_string_append_unichar (out, c);

      if (out->len > 64)
        {
          g_string_truncate (out, before);
          g_string_append (out, "…");
          break;
        }
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static CtoPlan *
load (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;
  CtoPlan *plan;

  plan = cto_plan_io_load_file (file, NULL, &error);
  if (plan == NULL)
    g_printerr ("%s: %s: %s\n", g_get_prgname (), path, error->message);

  return plan;
}

static int
print (const char *text)
{
  fputs (text, stdout);
  return fflush (stdout) == 0 ? EXIT_SUCCESS : EXIT_REFUSED;
}

int
cto_cli_run_without (const char *path,
                     const char *person_id,
                     gboolean    json)
{
  g_autoptr(CtoPlan) plan = load (path);
  g_autoptr(CtoDeparture) departure = NULL;
  g_autofree char *text = NULL;

  if (plan == NULL)
    return EXIT_REFUSED;

  departure = cto_departure_new (plan, person_id);
  if (departure == NULL)
    {
      g_autofree char *value = message_value (person_id);
      /* Translators: the end of "cto-planner: PLAN: --without: unknown person "x"" */
      g_autofree char *message = g_strdup_printf (_("unknown person \"%s\""), value);

      g_printerr ("%s: %s: --without: %s\n", g_get_prgname (), path, message);
      return EXIT_REFUSED;
    }

  text = json ? cto_report_departure_json (departure) : cto_report_departure_text (departure);
  return print (text);
}

int
cto_cli_run_suggest (const char *path,
                     gboolean    json)
{
  g_autoptr(CtoPlan) plan = load (path);
  g_autoptr(CtoSuggestions) suggestions = NULL;
  g_autofree char *text = NULL;

  if (plan == NULL)
    return EXIT_REFUSED;

  suggestions = cto_suggestions_new (plan);
  text = json ? cto_report_suggestions_json (suggestions) : cto_report_suggestions_text (suggestions);
  return print (text);
}
