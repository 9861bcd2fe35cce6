/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CTO_TYPE_DATE_ROW (cto_date_row_get_type ())
G_DECLARE_FINAL_TYPE (CtoDateRow, cto_date_row, CTO, DATE_ROW, AdwActionRow)

/*
 * A row for a day that may be left empty: a button showing the day (or
 * "No date") opens a calendar, with a field under it to type the day in,
 * year-month-day; a clear button empties it. ::changed is emitted when the
 * user picks or clears a day.
 */
GtkWidget *cto_date_row_new      (void);
/* Copies the day into @date and returns TRUE, or returns FALSE when empty. */
gboolean   cto_date_row_get_date (CtoDateRow  *self,
                                  GDate       *date);
/* @date may be %NULL for no date. */
void       cto_date_row_set_date (CtoDateRow  *self,
                                  const GDate *date);
/* The day the calendar opens on while the row is empty; %NULL: today. */
void       cto_date_row_set_opens_on (CtoDateRow  *self,
                                      const GDate *day);

G_END_DECLS
