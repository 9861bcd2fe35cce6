/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/*
 * Internal API shared by the files that read and write plans:
 * cto-plan-scanner.c (the checks before parsing), cto-plan-reader.c (the
 * document to a plan), cto-plan-messages.c (refusals and where they are),
 * cto-plan-writer.c (the canonical text) and cto-plan-io.c (files).
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
/* json-glib's syntax error, told with the line and column in characters. */
void      _cto_plan_set_parser_error     (GError                **error,
                                          const char             *data,
                                          gsize                   length,
                                          const GError           *parser_error);

/* The scan before parsing (cto-plan-scanner.c): strict JSON, valid UTF-8,
 * an object at the top, nested at most CTO_PLAN_MAX_DEPTH deep. */
gboolean  _cto_plan_scan                 (const char             *data,
                                          gsize                   length,
                                          GError                **error);

/* Reading the file (cto-plan-read-file.c) */

/* All of @file, when it is a regular file of at most CTO_PLAN_MAX_FILE_SIZE;
 * a G_IO_ERROR otherwise, with a message that starts "file: ". */
char     *_cto_plan_read_file            (GFile                  *file,
                                          GCancellable           *cancellable,
                                          gsize                  *length,
                                          GError                **error);
void      _cto_plan_set_too_large_error  (GError                **error);

G_END_DECLS
