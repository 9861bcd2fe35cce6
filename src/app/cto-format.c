/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-format"

#include "config.h"

#include "cto-format.h"
#include "cto-report-format.h"

char *
cto_format_hours (double hours)
{
  return cto_report_format_number (hours, 1);
}

char *
cto_format_percent (double fraction)
{
  return cto_report_format_number (fraction * 100, 0);
}

char *
cto_format_fte (double fte)
{
  return cto_report_format_number (fte, 2);
}
