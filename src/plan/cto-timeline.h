/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "cto-analysis.h"
#include "cto-plan.h"

G_BEGIN_DECLS

#define CTO_TIMELINE_N_QUARTERS 8

/* One function in one quarter (PLAN-FORMAT.md, section 6). */
typedef struct
{
  CtoFunction  function;
  CtoCoverage  status;
  guint        bus_factor;
  double       gap_hours;
  double       gap_fte;
  gboolean     overloaded;
} CtoTimelineFunction;

/* One quarter, as of its first day. Owned by the timeline. */
typedef struct
{
  char                *label;      /* "2027 Q1", the same in every language */
  guint                year;
  guint                quarter;    /* 1 to 4 */
  GDate                as_of;      /* the quarter's first day */
  GDate                next;       /* the next quarter's first day */
  guint                n_people;   /* there on @as_of, open roles included */
  GPtrArray           *starting;   /* CtoPerson* of the plan, start inside the quarter, plan order */
  GPtrArray           *leaving;    /* CtoPerson* of the plan, end inside the quarter, plan order */
  CtoAnalysis         *analysis;   /* of the plan as of @as_of */
  CtoTimelineFunction  functions[CTO_N_FUNCTIONS];
} CtoTimelineQuarter;

#define CTO_TYPE_TIMELINE (cto_timeline_get_type ())
G_DECLARE_FINAL_TYPE (CtoTimeline, cto_timeline, CTO, TIMELINE, GObject)

/*
 * The plan over eight calendar quarters (PLAN-FORMAT.md, section 6),
 * starting with the quarter that holds @from (%NULL: today, or the day
 * SOURCE_DATE_EPOCH names). A snapshot: it does not follow later edits of
 * @plan; make a new one after a change.
 */
CtoTimeline              *cto_timeline_new            (CtoPlan     *plan,
                                                       const GDate *from);
CtoPlan                  *cto_timeline_get_plan       (CtoTimeline *self);
guint                     cto_timeline_get_n_quarters (CtoTimeline *self);
const CtoTimelineQuarter *cto_timeline_get_quarter    (CtoTimeline *self,
                                                       guint        position);
/* Whether any person of the plan has a start or an end date. */
gboolean                  cto_timeline_has_dates      (CtoTimeline *self);

G_END_DECLS
