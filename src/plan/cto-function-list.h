/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cto-function.h"
#include "cto-responsibility.h"

G_BEGIN_DECLS

/*
 * Internal to src/plan: the responsibilities of one function, in the plan's
 * order, as a GListModel that follows the plan. The plan keeps one for each
 * function (cto_plan_get_function_responsibilities()), so that whoever shows
 * them by function does not filter every responsibility four times.
 */

#define CTO_TYPE_FUNCTION_LIST (cto_function_list_get_type ())
G_DECLARE_FINAL_TYPE (CtoFunctionList, cto_function_list, CTO, FUNCTION_LIST, GObject)

/* The four lists of one model of CtoResponsibility, kept as it changes. */
typedef struct _CtoFunctionLists CtoFunctionLists;

CtoFunctionLists *_cto_function_lists_new      (GListModel        *responsibilities);
void              _cto_function_lists_free     (CtoFunctionLists  *lists);
GListModel       *_cto_function_lists_get      (CtoFunctionLists  *lists,
                                                CtoFunction        function);
/* The responsibility at @position of the model may have another function
 * now: it moves to that function's list. */
void              _cto_function_lists_regroup  (CtoFunctionLists  *lists,
                                                guint              position);

G_END_DECLS
