/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cto-function.h"
#include "cto-person.h"
#include "cto-responsibility.h"

G_BEGIN_DECLS

#define CTO_PLAN_ERROR (cto_plan_error_quark ())

typedef enum
{
  CTO_PLAN_ERROR_TOO_LARGE,     /* the file is over the size limit */
  CTO_PLAN_ERROR_TOO_DEEP,      /* JSON nested deeper than the limit */
  CTO_PLAN_ERROR_SYNTAX,        /* not JSON, or not UTF-8 */
  CTO_PLAN_ERROR_FORMAT,        /* not a plan file at all */
  CTO_PLAN_ERROR_NEWER_VERSION, /* made by a newer version of the program */
  CTO_PLAN_ERROR_INVALID,       /* a member breaks a rule */
  CTO_PLAN_ERROR_CYCLE,         /* reporting lines would form a cycle */
  CTO_PLAN_ERROR_SPREADSHEET,   /* a spreadsheet the import reads, not a plan file */
} CtoPlanError;

GQuark cto_plan_error_quark (void);

/* Whether @value may be the number of a member the format names
 * (PLAN-FORMAT.md, section 2): finite, and either 0 (unless @positive) or
 * from CTO_PLAN_MIN_NUMBER to CTO_PLAN_MAX_NUMBER, so that every figure
 * derived from it stays finite. */
gboolean cto_plan_number_is_valid (double   value,
                                   gboolean positive);

#define CTO_PLAN_MAX_FILE_SIZE   (64 * 1024 * 1024)
#define CTO_PLAN_MAX_DEPTH       64
#define CTO_PLAN_MAX_NUMBER      1000000.0
#define CTO_PLAN_MIN_NUMBER      0.01
#define CTO_PLAN_MAX_ID_LENGTH   128
#define CTO_PLAN_FORMAT_VERSION  1

typedef struct _CtoHistory CtoHistory;

#define CTO_TYPE_PLAN (cto_plan_get_type ())
G_DECLARE_FINAL_TYPE (CtoPlan, cto_plan, CTO, PLAN, GObject)

/* An empty plan: no people, no responsibilities, default settings. */
CtoPlan           *cto_plan_new                       (void);
/* A new plan holding the starter template's responsibilities, unassigned. */
CtoPlan           *cto_plan_new_from_template         (void);

const char        *cto_plan_get_title                 (CtoPlan           *self);
double             cto_plan_get_overload_threshold    (CtoPlan           *self);
double             cto_plan_get_hours_per_fte         (CtoPlan           *self);

/* GListModel of CtoPerson, in plan order. */
GListModel        *cto_plan_get_people                (CtoPlan           *self);
/* GListModel of CtoResponsibility, in plan order. */
GListModel        *cto_plan_get_responsibilities      (CtoPlan           *self);
/* GListModel of the CtoResponsibility of @function, in plan order; it
 * follows the plan as responsibilities are added, removed, moved or given
 * another function. */
GListModel        *cto_plan_get_function_responsibilities (CtoPlan       *self,
                                                           CtoFunction    function);

CtoPerson         *cto_plan_find_person               (CtoPlan           *self,
                                                       const char        *id);
CtoResponsibility *cto_plan_find_responsibility       (CtoPlan           *self,
                                                       const char        *id);
/* Position in plan order, or -1. */
int                cto_plan_get_person_position       (CtoPlan           *self,
                                                       CtoPerson         *person);
int                cto_plan_get_responsibility_position (CtoPlan         *self,
                                                       CtoResponsibility *responsibility);

/*
 * Plans derived from a plan (never touching it), each with an empty history:
 * an equal copy; the plan without some people, as if they left (the others
 * keep their shares, accountable marks of theirs pass to no one, reports go
 * up the line); the plan as of a day, without those who are not there then.
 */
CtoPlan           *cto_plan_copy                      (CtoPlan           *self);
CtoPlan           *cto_plan_copy_without              (CtoPlan           *self,
                                                       const char * const *ids);
CtoPlan           *cto_plan_copy_as_of                (CtoPlan           *self,
                                                       const GDate       *day);
/*
 * cto_plan_copy() a few items at a time, on the main thread, so that a large
 * plan is copied without holding up the main loop for long; the copy, once
 * whole, may be put together and used on another thread.
 */
typedef struct _CtoPlanCopier CtoPlanCopier;

CtoPlanCopier     *cto_plan_copier_new                (CtoPlan           *plan);
CtoPlan           *cto_plan_copier_get_plan           (CtoPlanCopier     *self);
/* Copies up to @n more people and responsibilities, starting again when the
 * plan changed meanwhile; TRUE once the copy is whole. */
gboolean           cto_plan_copier_step               (CtoPlanCopier     *self,
                                                       guint              n);
CtoPlan           *cto_plan_copier_finish             (CtoPlanCopier     *self);
void               cto_plan_copier_free               (CtoPlanCopier     *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CtoPlanCopier, cto_plan_copier_free)

/*
 * Something worked out from a plan on another thread: the plan copied a
 * step at a time on the main loop, then @func called with the copy there.
 */
typedef gpointer (*CtoPlanWorkFunc) (CtoPlan      *copy,
                                     gpointer      data,
                                     GCancellable *cancellable);

void               cto_plan_work_on_copy_async        (CtoPlan             *plan,
                                                       gpointer             source_object,
                                                       guint                n_a_step,
                                                       int                  priority,
                                                       CtoPlanWorkFunc      func,
                                                       gpointer             data,
                                                       GDestroyNotify       data_free,
                                                       GDestroyNotify       result_free,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
gpointer           cto_plan_work_on_copy_finish       (GAsyncResult        *result,
                                                       GError             **error);
guint              cto_plan_work_on_copy_get_state    (GAsyncResult        *result);

/* The day a plan made by cto_plan_copy_as_of() is as of, else %NULL. */
const GDate       *cto_plan_get_as_of                 (CtoPlan           *self);
CtoPlan           *cto_plan_get_whole                 (CtoPlan           *self);

/* A fresh id derived from @name ("Ana Pérez" → "ana-perez", "ana-perez-2"). */
char              *cto_plan_make_person_id            (CtoPlan           *self,
                                                       const char        *name);
char              *cto_plan_make_responsibility_id    (CtoPlan           *self,
                                                       const char        *title);

/* The undo history that records every edit below. */
CtoHistory        *cto_plan_get_history               (CtoPlan           *self);

/*
 * Edits. Each one is recorded in the history as one undoable step, emits
 * ::changed, and does nothing (records nothing) when it would change nothing.
 */
void               cto_plan_set_title                 (CtoPlan           *self,
                                                       const char        *title);
void               cto_plan_set_overload_threshold    (CtoPlan           *self,
                                                       double             threshold);
void               cto_plan_set_hours_per_fte         (CtoPlan           *self,
                                                       double             hours);

/* @position may be past the end to append. @person's id must be new to the plan. */
void               cto_plan_insert_person             (CtoPlan           *self,
                                                       guint              position,
                                                       CtoPerson         *person);
/* Also removes the person's assignments and the reporting lines to them. */
void               cto_plan_remove_person             (CtoPlan           *self,
                                                       CtoPerson         *person);
void               cto_plan_move_person               (CtoPlan           *self,
                                                       CtoPerson         *person,
                                                       guint              position);
void               cto_plan_set_person_name           (CtoPlan           *self,
                                                       CtoPerson         *person,
                                                       const char        *name);
void               cto_plan_set_person_role           (CtoPlan           *self,
                                                       CtoPerson         *person,
                                                       const char        *role);
void               cto_plan_set_person_capacity       (CtoPlan           *self,
                                                       CtoPerson         *person,
                                                       double             capacity);
void               cto_plan_set_person_open_role      (CtoPlan           *self,
                                                       CtoPerson         *person,
                                                       gboolean           open_role);
/* Refuses (CTO_PLAN_ERROR_INVALID), as cto_plan_set_person_dates() does,
 * dates out of order (cto_person_dates_in_order()): for an edit of many
 * fields that must know before it changes any. */
gboolean           cto_plan_check_person_dates        (const GDate       *start,
                                                       const GDate       *end,
                                                       GError           **error);
/* Either date may be %NULL. Refuses (CTO_PLAN_ERROR_INVALID) an end that is
 * not later than the start. */
gboolean           cto_plan_set_person_dates          (CtoPlan           *self,
                                                       CtoPerson         *person,
                                                       const GDate       *start,
                                                       const GDate       *end,
                                                       GError           **error);
/* Whether @person (an id) reporting to @manager (an id) would close a
 * cycle: @manager is @person, or reports to them, directly or not. */
gboolean           cto_plan_reports_to_closes_cycle   (CtoPlan           *self,
                                                       const char        *person,
                                                       const char        *manager);
/* @manager may be %NULL. Refuses (CTO_PLAN_ERROR_CYCLE) a line that closes a cycle. */
gboolean           cto_plan_set_reports_to            (CtoPlan           *self,
                                                       CtoPerson         *person,
                                                       CtoPerson         *manager,
                                                       GError           **error);

void               cto_plan_insert_responsibility     (CtoPlan           *self,
                                                       guint              position,
                                                       CtoResponsibility *responsibility);
void               cto_plan_remove_responsibility     (CtoPlan           *self,
                                                       CtoResponsibility *responsibility);
void               cto_plan_move_responsibility       (CtoPlan           *self,
                                                       CtoResponsibility *responsibility,
                                                       guint              position);
void               cto_plan_set_responsibility_title  (CtoPlan           *self,
                                                       CtoResponsibility *responsibility,
                                                       const char        *title);
void               cto_plan_set_responsibility_function (CtoPlan         *self,
                                                       CtoResponsibility *responsibility,
                                                       CtoFunction        function);
void               cto_plan_set_responsibility_effort (CtoPlan           *self,
                                                       CtoResponsibility *responsibility,
                                                       double             effort);
void               cto_plan_set_responsibility_description (CtoPlan      *self,
                                                       CtoResponsibility *responsibility,
                                                       const char        *description);

/*
 * Assignments. Each returns TRUE when it changed the plan (and recorded one
 * step), FALSE when there was nothing to change.
 */
/* Adds @person with @share (> 0), keeping everyone else who carries it. */
gboolean           cto_plan_assign                    (CtoPlan           *self,
                                                       CtoResponsibility *responsibility,
                                                       CtoPerson         *person,
                                                       double             share);
gboolean           cto_plan_unassign                  (CtoPlan           *self,
                                                       CtoResponsibility *responsibility,
                                                       CtoPerson         *person);
/* Hands @from's assignment (share, accountable) to @to. When @to already
 * carries it, @from's share is added to theirs. */
gboolean           cto_plan_move_assignment           (CtoPlan           *self,
                                                       CtoResponsibility *responsibility,
                                                       CtoPerson         *from,
                                                       CtoPerson         *to);
gboolean           cto_plan_set_share                 (CtoPlan           *self,
                                                       CtoResponsibility *responsibility,
                                                       CtoPerson         *person,
                                                       double             share);
/* Marks @person (an assignee) accountable, or nobody when %NULL. */
gboolean           cto_plan_set_accountable           (CtoPlan           *self,
                                                       CtoResponsibility *responsibility,
                                                       CtoPerson         *person);

G_END_DECLS
