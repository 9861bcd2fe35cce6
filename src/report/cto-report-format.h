/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * Numbers as every view of a plan shows them, so that the window, the pages
 * and the exports agree to the last digit: rounded half away from zero to at
 * most @max_decimals, in the locale's digits, without trailing zeros and
 * never "-0". "—" for a number that is not finite.
 */
char *cto_report_format_number (double value,
                                guint  max_decimals);

G_END_DECLS
