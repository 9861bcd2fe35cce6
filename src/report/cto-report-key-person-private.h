/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "cto-key-people.h"
#include "cto-report-private.h"

G_BEGIN_DECLS

/*
 * What the key-person risk page, the Markdown and the HTML report say, in
 * words (cto-report-key-person.c). Plain text, as in cto-report-private.h.
 */

/* A list in a line names this many responsibilities and counts the rest. */
#define CTO_REPORT_KEY_PERSON_MAX_TITLES 8

const char *_cto_report_heading_key_person        (void);
/* "What the plan would lose with each person, worst first" */
const char *_cto_report_key_person_intro          (void);
/* The person's name. */
char       *_cto_report_key_person_name           (CtoDeparture               *departure);
/* "16 h a week" */
char       *_cto_report_key_person_hours          (CtoDeparture               *departure);
/* "Left unassigned: “A”, “B” and 2 more", or %NULL when nothing would be. */
char       *_cto_report_key_person_left           (CtoDeparture               *departure,
                                                   gboolean                    isolate);
/* "No one accountable for: “A”", or %NULL. */
char       *_cto_report_key_person_accountable    (CtoDeparture               *departure,
                                                   gboolean                    isolate);
/* "Planning: Covered → Partly covered, bus factor 2 → 1"; with @glyphs,
 * each status has its shape too: "● Covered → ◐ Partly covered". */
char       *_cto_report_key_person_function       (const CtoDepartureFunction *function,
                                                   gboolean                    glyphs);
/* "12 others: nothing would be left uncovered"; when that is @everybody,
 * "Nothing would be left uncovered if any of the 12 people left". */
char       *_cto_report_key_person_others         (guint                       n_others,
                                                   gboolean                    everybody);
/* Of a person with nothing at risk: "Ana Pérez (8 h)" */
char       *_cto_report_key_person_other          (CtoDeparture               *departure,
                                                   gboolean                    isolate);
/* When the plan has no one but open roles. */
const char *_cto_report_key_person_nobody         (CtoAnalysis                *analysis);

/* The section "Key-person risk" of the Markdown and HTML reports. */
void        _cto_report_write_key_person          (CtoAnalysis                *analysis,
                                                   CtoReportWriter            *writer);

G_END_DECLS
