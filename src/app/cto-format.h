/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Hours for people to read: "6", "2.5", "0.3" (one decimal at most). */
char *cto_format_hours   (double hours);
/* A fraction as a whole percentage: 0.85 → "85". */
char *cto_format_percent (double fraction);
char *cto_format_fte     (double fte);

G_END_DECLS
