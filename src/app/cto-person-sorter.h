/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cto-analysis.h"

G_BEGIN_DECLS

#define CTO_TYPE_PERSON_SORTER (cto_person_sorter_get_type ())
G_DECLARE_FINAL_TYPE (CtoPersonSorter, cto_person_sorter, CTO, PERSON_SORTER, GtkSorter)

/* People as candidates for a responsibility of @function, best fit first:
 * cto_analysis_compare_candidates(). Sorts again when @analysis changes. */
GtkSorter *cto_person_sorter_new           (CtoAnalysis *analysis,
                                            CtoFunction  function);

/* "6 h free" or "3 h over", for a person in a picker. */
char      *cto_person_sorter_dup_free_text (CtoAnalysis *analysis,
                                            CtoPerson   *person);

/* A filter on a person's name and role, case and accents aside. */
GtkFilter *cto_person_sorter_new_filter    (void);

G_END_DECLS
