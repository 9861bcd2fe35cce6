/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * CtoFunction:
 *
 * The four functions of a technology leader, in their fixed order.
 */
typedef enum
{
  CTO_FUNCTION_PLANNING,
  CTO_FUNCTION_INFRASTRUCTURE,
  CTO_FUNCTION_CONSUMER_LIAISON,
  CTO_FUNCTION_THINKER,
} CtoFunction;

#define CTO_N_FUNCTIONS 4

#define CTO_TYPE_FUNCTION (cto_function_get_type ())
GType        cto_function_get_type        (void) G_GNUC_CONST;

/* The id used in plan files ("planning", "consumer-liaison", ...). */
const char  *cto_function_get_id          (CtoFunction  function);
/* Translated name and description for people to read. */
const char  *cto_function_get_name        (CtoFunction  function);
const char  *cto_function_get_description (CtoFunction  function);
/* The English name, the same in every locale, for machine-readable output. */
const char  *cto_function_get_untranslated_name (CtoFunction function);
/* Looks up an id; returns FALSE when @id names none of the four. */
gboolean     cto_function_from_id         (const char  *id,
                                           CtoFunction *function);

G_END_DECLS
