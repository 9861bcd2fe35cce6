/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: reading and validating a plan, then analysing it and
 * printing the analysis as --summary does. */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "cto-analysis.h"
#include "cto-plan-io.h"
#include "cto-report-summary.h"
#include "cto-terminal-text.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

/* Text for a terminal: valid UTF-8, nothing a terminal acts on, line feeds
 * only where @lines allows them. */
static void
assert_terminal_safe (const char *text,
                      gboolean    lines)
{
  g_assert (g_utf8_validate (text, -1, NULL));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      g_assert (!cto_terminal_text_is_unsafe (c) || (lines && c == '\n'));
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(CtoPlan) plan = NULL;
  g_autoptr(CtoAnalysis) analysis = NULL;
  g_autoptr(GError) error = NULL;

  plan = cto_plan_io_load_data ((const char *) data, size, &error);
  if (plan == NULL)
    {
      /* Every refusal is a plan error with a message that says where. */
      g_assert (error != NULL && error->domain == CTO_PLAN_ERROR);
      g_assert (error->message != NULL && strstr (error->message, ": ") != NULL);
      assert_terminal_safe (error->message, FALSE);
      return 0;
    }

  g_assert (error == NULL);
  analysis = cto_analysis_new (plan);
  for (guint f = 0; f < CTO_N_FUNCTIONS; f++)
    g_assert (cto_analysis_get_function (analysis, f) != NULL);

  {
    g_autofree char *text = cto_report_summary_text (analysis);
    g_autofree char *json = cto_report_summary_json (analysis);

    assert_terminal_safe (text, TRUE);
    assert_terminal_safe (json, TRUE);
  }

  return 0;
}
