/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "cto-suggestions.h"

G_BEGIN_DECLS

/*
 * `cto-planner --suggest --json` (PLAN-FORMAT.md, section 5.2): the
 * suggestions, what stays unresolved, and the object of section 4 for the
 * plan with every suggestion applied. Free with g_free().
 */
char  *cto_report_suggestions_json        (CtoSuggestions      *suggestions);

/*
 * One suggestion in words, made safe for a terminal: "Move “Run the cloud
 * platform” (4 h) from Bo Lin to Mia Okafor — Bo Lin drops to 100%, Mia
 * Okafor rises to 70%". Free with g_free().
 */
char  *cto_report_suggestion_describe     (CtoSuggestions      *suggestions,
                                           const CtoSuggestion *suggestion);
/*
 * What stays unresolved once every suggestion is applied, a sentence each:
 * "Bo Lin stays 6 h over: no one has room for any of their work — a hire
 * of 0.15 FTE would cover it". Free with g_strfreev().
 */
char **cto_report_suggestions_unresolved  (CtoSuggestions      *suggestions);
/*
 * What is said when there is no suggestion: that there is nothing to
 * rebalance, or, when something stays @unresolved, that no one has room
 * for it. Translated; not to be freed.
 */
const char *cto_report_suggestions_none   (gboolean             unresolved);

/* `cto-planner --suggest`: all of the above for people to read. */
char  *cto_report_suggestions_text        (CtoSuggestions      *suggestions);

G_END_DECLS
