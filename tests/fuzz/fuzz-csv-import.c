/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * libFuzzer target: reading a spreadsheet's CSV into a new plan. Every
 * problem names its row; a plan made from the rows that could be read is one
 * the plan format accepts, and reads back to the same canonical text.
 */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "cto-csv-import.h"
#include "cto-plan-io.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(CtoCsvImport) import = NULL;
  g_autoptr(CtoPlan) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text_again = NULL;
  gsize length = 0;
  gsize length_again = 0;
  CtoPlan *plan;

  import = cto_csv_import_new_for_data ((const char *) data, size, "Fuzz");

  for (guint i = 0; i < cto_csv_import_get_n_problems (import); i++)
    {
      const CtoCsvProblem *problem = cto_csv_import_get_problem (import, i);

      g_assert (problem->row >= 1);
      g_assert (g_str_has_prefix (problem->message, "row "));
      g_assert (g_utf8_validate (problem->message, -1, NULL));
      /* One line, whatever the cells held. */
      g_assert (strpbrk (problem->message, "\r\n") == NULL);
    }

  plan = cto_csv_import_get_plan (import);
  if (plan == NULL)
    {
      g_assert (cto_csv_import_get_n_problems (import) > 0);
      return 0;
    }

  g_assert (g_list_model_get_n_items (cto_plan_get_responsibilities (plan)) ==
            cto_csv_import_get_n_rows (import));

  text = cto_plan_io_to_data (plan, &length);
  again = cto_plan_io_load_data (text, length, &error);
  if (again == NULL)
    g_error ("an imported plan was refused: %s", error->message);

  text_again = cto_plan_io_to_data (again, &length_again);
  if (length != length_again || memcmp (text, text_again, length) != 0)
    g_error ("an imported plan read back as another plan");

  return 0;
}
