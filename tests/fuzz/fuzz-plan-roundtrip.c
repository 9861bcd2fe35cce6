/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * libFuzzer target: a plan that reads must write canonically and read back to
 * the same plan — the same canonical bytes again.
 */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "cto-plan-io.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(CtoPlan) plan = NULL;
  g_autoptr(CtoPlan) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  gsize first_length = 0;
  gsize second_length = 0;

  plan = cto_plan_io_load_data ((const char *) data, size, NULL);
  if (plan == NULL)
    return 0;

  first = cto_plan_io_to_data (plan, &first_length);
  again = cto_plan_io_load_data (first, first_length, &error);
  if (again == NULL)
    g_error ("the canonical form of a valid plan was refused: %s", error->message);

  second = cto_plan_io_to_data (again, &second_length);
  if (first_length != second_length || memcmp (first, second, first_length) != 0)
    g_error ("reading the canonical form back gave another plan");

  return 0;
}
