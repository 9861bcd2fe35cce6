/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-format"

#include "config.h"

#include <math.h>

#include "cto-format.h"

char *
cto_format_hours (double hours)
{
  double rounded = round (hours * 10) / 10;

  if (rounded == floor (rounded))
    return g_strdup_printf ("%.0f", rounded);

  return g_strdup_printf ("%.1f", rounded);
}

char *
cto_format_percent (double fraction)
{
  return g_strdup_printf ("%.0f", round (fraction * 100));
}
