/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: reading and validating a plan, then analysing it. */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "cto-analysis.h"
#include "cto-plan-io.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

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
      return 0;
    }

  g_assert (error == NULL);
  analysis = cto_analysis_new (plan);
  for (guint f = 0; f < CTO_N_FUNCTIONS; f++)
    g_assert (cto_analysis_get_function (analysis, f) != NULL);

  return 0;
}
