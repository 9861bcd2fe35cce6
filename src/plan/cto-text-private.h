/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* g_utf8_casefold() of @text, at less cost for the ASCII text most names,
 * titles and spreadsheet cells are: there, folding is lowering A to Z.
 * Free with g_free(). */
char *_cto_text_casefold (const char *text);

G_END_DECLS
