/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "cto-history.h"
#include "cto-plan.h"

G_BEGIN_DECLS

/*
 * Internal API of src/plan. Setters here change an object without recording
 * history; they are for building a plan while reading a file and for the
 * history's commands, never for the interface.
 */

void        _cto_person_set_name            (CtoPerson         *self,
                                             const char        *name);
void        _cto_person_set_role            (CtoPerson         *self,
                                             const char        *role);
void        _cto_person_set_capacity        (CtoPerson         *self,
                                             double             capacity);
void        _cto_person_set_reports_to      (CtoPerson         *self,
                                             const char        *reports_to);
void        _cto_person_set_open_role       (CtoPerson         *self,
                                             gboolean           open_role);
/* Either may be %NULL; no check that @end is later than @start. */
void        _cto_person_set_dates           (CtoPerson         *self,
                                             const GDate       *start,
                                             const GDate       *end);
/* Members the format does not name, kept in file order; may be %NULL. */
JsonObject *_cto_person_get_extra           (CtoPerson         *self);
void        _cto_person_set_extra           (CtoPerson         *self,
                                             JsonObject        *extra);

void        _cto_responsibility_set_title   (CtoResponsibility *self,
                                             const char        *title);
void        _cto_responsibility_set_function (CtoResponsibility *self,
                                             CtoFunction        function);
void        _cto_responsibility_set_effort  (CtoResponsibility *self,
                                             double             effort);
void        _cto_responsibility_set_description (CtoResponsibility *self,
                                             const char        *description);
JsonObject *_cto_responsibility_get_extra   (CtoResponsibility *self);
void        _cto_responsibility_set_extra   (CtoResponsibility *self,
                                             JsonObject        *extra);

/* Appends an assignee; @extra (may be %NULL) is referenced. No checks. */
void        _cto_responsibility_add_assignee (CtoResponsibility *self,
                                             const char        *person,
                                             double             share,
                                             gboolean           accountable,
                                             JsonObject        *extra);
/* A deep copy of the assignees, for commands; free with g_ptr_array_unref(). */
GPtrArray  *_cto_responsibility_dup_assignees (CtoResponsibility *self);
/* Replaces the assignees with a deep copy of @assignees; emits ::assignees-changed. */
void        _cto_responsibility_set_assignees (CtoResponsibility *self,
                                             GPtrArray         *assignees);

CtoAssignment *_cto_assignment_new          (const char        *person,
                                             double             share,
                                             gboolean           accountable,
                                             JsonObject        *extra);
CtoAssignment *_cto_assignment_copy         (const CtoAssignment *assignment);
void           _cto_assignment_free         (CtoAssignment     *assignment);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CtoAssignment, _cto_assignment_free)

/* Building a plan without history, for the reader. */
void        _cto_plan_set_title_internal    (CtoPlan           *self,
                                             const char        *title);
void        _cto_plan_set_settings_internal (CtoPlan           *self,
                                             double             overload_threshold,
                                             double             hours_per_fte);
/* Appends; returns FALSE (and adds nothing) when the id is taken. */
gboolean    _cto_plan_append_person         (CtoPlan           *self,
                                             CtoPerson         *person);
gboolean    _cto_plan_append_responsibility (CtoPlan           *self,
                                             CtoResponsibility *responsibility);
/* Appends @n people whose ids are unique and not yet in the plan. */
void        _cto_plan_append_people         (CtoPlan            *self,
                                             CtoPerson         **people,
                                             guint               n);
/* Appends @n responsibilities whose ids are unique and not yet in the plan. */
void        _cto_plan_append_responsibilities (CtoPlan            *self,
                                               CtoResponsibility **responsibilities,
                                               guint               n);
/* Members the format does not name, at the top level and in "settings". */
JsonObject *_cto_plan_get_extra             (CtoPlan           *self);
void        _cto_plan_set_extra             (CtoPlan           *self,
                                             JsonObject        *extra);
JsonObject *_cto_plan_get_settings_extra    (CtoPlan           *self);
void        _cto_plan_set_settings_extra    (CtoPlan           *self,
                                             JsonObject        *extra);
/* @responsibility's function changed: the lists by function follow. */
void        _cto_plan_regroup               (CtoPlan           *self,
                                             CtoResponsibility *responsibility);

/* Batches ::changed while a group of commands runs; emitted once on the last thaw. */
void        _cto_plan_freeze_changed        (CtoPlan           *self);
void        _cto_plan_thaw_changed          (CtoPlan           *self);
void        _cto_plan_emit_changed          (CtoPlan           *self);

/*
 * What a ::changed is for, so that whoever follows the plan need not look at
 * all of it again: the responsibilities whose assignees alone changed, with
 * who carried them at the ::changed before; or anything (@other).
 */
typedef struct
{
  CtoResponsibility *responsibility;
  GPtrArray         *old_people;     /* char* ids of its assignees before */
} CtoAssigneesChange;

typedef struct
{
  guint      serial;     /* of this ::changed: the one before is serial - 1 */
  gboolean   other;      /* anything may have changed */
  GPtrArray *assignees;  /* CtoAssigneesChange*, or NULL */
} CtoPlanChange;

/* Before the assignees of @responsibility change: the next
 * _cto_plan_emit_changed() is for that change alone. */
void        _cto_plan_note_assignees        (CtoPlan           *self,
                                             CtoResponsibility *responsibility);
/* During ::changed: what changed since the ::changed before, or %NULL when
 * that is not known (another edit waits to be told, or a ::changed within). */
const CtoPlanChange *_cto_plan_get_change   (CtoPlan           *self);
/* How many ::changed the plan has emitted. */
guint       _cto_plan_get_change_serial     (CtoPlan           *self);

/* Commands: the history's unit of undo. */
typedef struct _CtoCommand CtoCommand;
struct _CtoCommand
{
  /* Applies the command forward (@undo FALSE) or backward (@undo TRUE). */
  void  (*apply) (CtoCommand *command,
                  CtoPlan    *plan,
                  gboolean    undo);
  void  (*free)  (CtoCommand *command);
  char  *label;
  guint  serial;
};

CtoHistory *_cto_history_new                (CtoPlan           *plan);
/* Applies @command forward and records it (takes ownership). */
void        _cto_history_push               (CtoHistory        *self,
                                             CtoCommand        *command);

/* cto-plan-commands.c: each pushes one undoable step onto the plan's history;
 * the labels are taken. */
typedef enum
{
  FIELD_PLAN_TITLE,
  FIELD_PLAN_OVERLOAD_THRESHOLD,
  FIELD_PLAN_HOURS_PER_FTE,
  FIELD_PERSON_NAME,
  FIELD_PERSON_ROLE,
  FIELD_PERSON_CAPACITY,
  FIELD_PERSON_OPEN_ROLE,
  FIELD_PERSON_REPORTS_TO,
  FIELD_RESPONSIBILITY_TITLE,
  FIELD_RESPONSIBILITY_FUNCTION,
  FIELD_RESPONSIBILITY_EFFORT,
  FIELD_RESPONSIBILITY_DESCRIPTION,
} CtoPlanField;

void        _cto_plan_push_set_string       (CtoPlan           *self,
                                             gpointer           target,
                                             CtoPlanField       field,
                                             const char        *old_value,
                                             const char        *new_value,
                                             char              *label);
void        _cto_plan_push_set_number       (CtoPlan           *self,
                                             gpointer           target,
                                             CtoPlanField       field,
                                             double             old_value,
                                             double             new_value,
                                             char              *label);
void        _cto_plan_push_insert           (CtoPlan           *self,
                                             gpointer           item,
                                             guint              position,
                                             gboolean           insert,
                                             char              *label);
void        _cto_plan_push_move             (CtoPlan           *self,
                                             gpointer           item,
                                             guint              from,
                                             guint              to,
                                             char              *label);
/* Takes @new_assignees. */
void        _cto_plan_push_assignees        (CtoPlan           *self,
                                             CtoResponsibility *responsibility,
                                             GPtrArray         *new_assignees,
                                             char              *label);
/* What the commands do to the plan's lists (cto-plan.c). */
void        _cto_plan_insert_item           (CtoPlan           *self,
                                             GObject           *item,
                                             guint              position,
                                             gboolean           insert);
void        _cto_plan_move_item             (CtoPlan           *self,
                                             GObject           *item,
                                             guint              from,
                                             guint              to);

G_END_DECLS
