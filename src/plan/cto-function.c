/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-function"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "cto-function.h"

G_DEFINE_ENUM_TYPE (CtoFunction, cto_function,
  G_DEFINE_ENUM_VALUE (CTO_FUNCTION_PLANNING, "planning"),
  G_DEFINE_ENUM_VALUE (CTO_FUNCTION_INFRASTRUCTURE, "infrastructure"),
  G_DEFINE_ENUM_VALUE (CTO_FUNCTION_CONSUMER_LIAISON, "consumer-liaison"),
  G_DEFINE_ENUM_VALUE (CTO_FUNCTION_THINKER, "thinker"))

static const struct {
  const char *id;
  const char *name;
  const char *description;
} functions[CTO_N_FUNCTIONS] = {
  { "planning", N_("Planning"),
    N_("How the company uses technology internally: the tools people work with, "
       "the tools used to build the product, planning moves to new technology "
       "as the company grows") },
  { "infrastructure", N_("Infrastructure"),
    N_("How the company itself runs: protection from security threats, where and "
       "how data is stored, the systems the company runs on") },
  { "consumer-liaison", N_("Consumer liaison"),
    N_("Connecting customers to the company through technology: the technical side "
       "of marketing and social media, leading technical support for customers") },
  { "thinker", N_("Thinker"),
    N_("Technology in the long-term goals: strategy with the CEO, explaining it to "
       "investors and partners, adjusting it from their feedback") },
};

const char *
cto_function_get_id (CtoFunction function)
{
  g_return_val_if_fail (function < CTO_N_FUNCTIONS, NULL);

  return functions[function].id;
}

const char *
cto_function_get_name (CtoFunction function)
{
  g_return_val_if_fail (function < CTO_N_FUNCTIONS, NULL);

  return _(functions[function].name);
}

const char *
cto_function_get_untranslated_name (CtoFunction function)
{
  g_return_val_if_fail (function < CTO_N_FUNCTIONS, NULL);

  return functions[function].name;
}

const char *
cto_function_get_description (CtoFunction function)
{
  g_return_val_if_fail (function < CTO_N_FUNCTIONS, NULL);

  return _(functions[function].description);
}

gboolean
cto_function_from_id (const char  *id,
                      CtoFunction *function)
{
  g_return_val_if_fail (id != NULL, FALSE);

  for (guint i = 0; i < CTO_N_FUNCTIONS; i++)
    {
      if (strcmp (id, functions[i].id) == 0)
        {
          if (function != NULL)
            *function = (CtoFunction) i;
          return TRUE;
        }
    }

  return FALSE;
}
