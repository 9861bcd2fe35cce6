/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cto-analysis.h"

G_BEGIN_DECLS

#define CTO_TYPE_PERSON_SORTER (cto_person_sorter_get_type ())
G_DECLARE_FINAL_TYPE (CtoPersonSorter, cto_person_sorter, CTO, PERSON_SORTER, GtkSorter)

/* People of the plan of @analysis as candidates for @hours of a
 * responsibility of @function, best fit first:
 * cto_analysis_compare_candidates(). Sorts again when @analysis changes. */
GtkSorter *cto_person_sorter_new           (CtoAnalysis *analysis,
                                            CtoFunction  function,
                                            double       hours);
/* As of a day: ranked by their figures in @as_of, the analysis of the plan
 * as of that day (their twins there, found by id); those not there then
 * last, in plan order. %NULL: the plan's own figures. */
void       cto_person_sorter_set_as_of     (CtoPersonSorter *self,
                                            CtoAnalysis     *as_of);

/* "6 h free" or "3 h over", for a person in a picker; as of a day when
 * @as_of is given, "not there then" for someone not there on it. */
char      *cto_person_sorter_dup_free_text (CtoAnalysis *analysis,
                                            CtoAnalysis *as_of,
                                            CtoPerson   *person);

/* A filter on a person's name and role, case and accents aside. */
GtkFilter *cto_person_sorter_new_filter    (void);

G_END_DECLS
