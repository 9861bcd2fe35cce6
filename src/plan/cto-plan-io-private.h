/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "cto-plan-tree-private.h"

G_BEGIN_DECLS

/*
 * Internal API shared by the files that read and write plans:
 * cto-plan-scanner.c (the checks before parsing), cto-plan-tree.c (the
 * document, parsed), cto-plan-reader.c (the document to a plan), cto-plan-messages.c (refusals and where they are),
 * cto-plan-members.c (the members of one object), cto-plan-writer.c (the
 * canonical text) and cto-plan-io.c (files).
 */

#define CTO_PLAN_FORMAT_NAME "cto-planner-plan"

/* Where in the document something is: a chain of locations on the stack,
 * turned into a path such as "responsibilities[3].assignees[0].person" only
 * when a refusal needs it. The root has no parent. */
typedef struct _CtoPlanLocation CtoPlanLocation;
struct _CtoPlanLocation
{
  const CtoPlanLocation *parent;
  const char            *member;   /* %NULL for an array element */
  guint                  index;
};

/* Messages (cto-plan-messages.c) */

/* A value as a message shows it: quoted, escaped, cut short when long. */
char     *_cto_plan_quote_value          (const char             *value);
/* "top level" or a path such as "people[3].capacity". */
char     *_cto_plan_location_to_string   (const CtoPlanLocation  *location);
/* CTO_PLAN_ERROR @code, "WHERE: WHAT". */
void      _cto_plan_set_error            (GError                **error,
                                          int                     code,
                                          const char             *where,
                                          const char             *format,
                                          ...) G_GNUC_PRINTF (4, 5);
void      _cto_plan_set_error_at         (GError                **error,
                                          int                     code,
                                          const CtoPlanLocation  *location,
                                          const char             *format,
                                          ...) G_GNUC_PRINTF (4, 5);
/* "line L, column C" of byte @offset; @data is valid UTF-8 before it. */
char     *_cto_plan_describe_position    (const char             *data,
                                          gsize                   offset);
/* WHERE is "line L, column C" of byte @offset; @data is valid UTF-8 before it. */
void      _cto_plan_set_error_at_offset  (GError                **error,
                                          int                     code,
                                          const char             *data,
                                          gsize                   offset,
                                          const char             *format,
                                          ...) G_GNUC_PRINTF (5, 6);

/* The scan before parsing (cto-plan-scanner.c): strict JSON, valid UTF-8,
 * an object at the top, nested at most CTO_PLAN_MAX_DEPTH deep. */
gboolean  _cto_plan_scan                 (const char             *data,
                                          gsize                   length,
                                          GError                **error);
/* Whether the first byte after JSON's white space is the "{" of an object. */
gboolean  _cto_plan_scan_starts_as_object (const char            *data,
                                          gsize                   length);

/* Reading the file (cto-plan-read-file.c) */

/* All of @file, when it is a regular file of at most CTO_PLAN_MAX_FILE_SIZE;
 * a G_IO_ERROR otherwise, with a message that starts "file: ". */
char     *_cto_plan_read_file            (GFile                  *file,
                                          GCancellable           *cancellable,
                                          gsize                  *length,
                                          GError                **error);
void      _cto_plan_set_too_large_error  (GError                **error);

typedef enum
{
  CTO_PLAN_STRING_OPTIONAL,
  CTO_PLAN_STRING_REQUIRED,          /* present and not empty */
  CTO_PLAN_STRING_ID,                /* present, 1 to CTO_PLAN_MAX_ID_LENGTH bytes */
} CtoPlanStringRule;

typedef enum
{
  CTO_PLAN_NUMBER_POSITIVE,          /* > 0 */
  CTO_PLAN_NUMBER_NON_NEGATIVE,      /* >= 0 */
} CtoPlanNumberRule;

#define CTO_PLAN_MAX_KNOWN_MEMBERS 8

/* The known members of one object, found in a single pass over it. */
typedef struct
{
  const CtoPlanNode     *object;
  const char * const    *names;
  guint                  n_names;
  const CtoPlanLocation *location;
  const CtoPlanNode     *nodes[CTO_PLAN_MAX_KNOWN_MEMBERS];
  guint                  n_unknown;
} CtoPlanMembers;

/* cto-plan-members.c: the members of one object of a plan file. */
gboolean  _cto_plan_find_members         (const CtoPlanNode      *node,
                                          const CtoPlanLocation  *location,
                                          const char * const     *names,
                                          guint                   n_names,
                                          CtoPlanMembers         *members,
                                          GError                **error);
gboolean  _cto_plan_is_string            (const CtoPlanNode      *node);
gboolean  _cto_plan_missing_member       (const CtoPlanLocation  *container,
                                          const char             *name,
                                          int                     code,
                                          GError                **error);
gboolean  _cto_plan_read_string          (const CtoPlanMembers   *members,
                                          guint                   member,
                                          CtoPlanStringRule       rule,
                                          const char             *fallback,
                                          const char            **value,
                                          GError                **error);
/* A date "YYYY-MM-DD" or null; @date is left cleared when there is none. */
gboolean  _cto_plan_read_date            (const CtoPlanMembers   *members,
                                          guint                   member,
                                          GDate                  *date,
                                          GError                **error);
gboolean  _cto_plan_read_number          (const CtoPlanMembers   *members,
                                          guint                   member,
                                          CtoPlanNumberRule       rule,
                                          double                  fallback,
                                          double                 *value,
                                          GError                **error);
gboolean  _cto_plan_read_boolean         (const CtoPlanMembers   *members,
                                          guint                   member,
                                          gboolean               *value,
                                          GError                **error);
gboolean  _cto_plan_read_array           (const CtoPlanMembers   *members,
                                          guint                   member,
                                          const CtoPlanNode     **array,
                                          GError                **error);
/* The members not named by @members, in file order, as json-glib holds
 * them (numbers as their text: _cto_plan_json_number_new()), or %NULL when
 * none. Any value is kept. */
JsonObject *_cto_plan_collect_extras     (const CtoPlanMembers   *members);

G_END_DECLS
