/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-report-decide"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cto-report-decide-private.h"
#include "cto-report-format.h"
#include "cto-report-private.h"
#include "cto-terminal-text.h"

char *
_cto_report_decide_safe (const char *text)
{
  return cto_terminal_text (text != NULL ? text : "", -1, CTO_TERMINAL_TEXT_ONE_LINE);
}

/* Plan text, safe; between Unicode isolates when @isolate. Its own
 * bidirectional controls are escaped by then: the isolates are ours. */
static char *
safe_isolated (const char *text,
               gboolean    isolate)
{
  g_autofree char *safe = _cto_report_decide_safe (text);

  return _cto_report_isolate (safe, isolate);
}

char *
_cto_report_decide_name (CtoPerson *person,
                         gboolean   isolate)
{
  g_autofree char *name = safe_isolated (cto_person_get_name (person), isolate);

  if (cto_person_get_open_role (person))
    /* Translators: a planned hire, a seat not yet filled */
    return g_strdup_printf (_("%s (open role)"), name);

  return g_steal_pointer (&name);
}

char *
_cto_report_decide_title (CtoResponsibility *responsibility,
                          gboolean           isolate)
{
  g_autofree char *title = safe_isolated (cto_responsibility_get_title (responsibility), isolate);

  /* Translators: a responsibility's title quoted in a sentence */
  return g_strdup_printf (_("“%s”"), title);
}

char *
_cto_report_decide_number (double value)
{
  return cto_report_format_decimal (value);
}

char *
_cto_report_decide_hours (double hours)
{
  return cto_report_format_hours (hours);
}

char *
_cto_report_decide_percent (double load,
                            double capacity)
{
  if (capacity <= 0)
    {
      if (load > 0)
        return cto_report_format_no_capacity ();
      capacity = 1;
    }

  return cto_report_format_percent (load / capacity);
}
