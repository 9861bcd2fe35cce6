/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cto-file-writer.h"
#include "cto-plan.h"

G_BEGIN_DECLS

/*
 * Reading and writing plan files (PLAN-FORMAT.md, section 2).
 *
 * A refusal is a CTO_PLAN_ERROR whose message reads "WHERE: WHAT", where
 * WHERE is a JSON path such as "responsibilities[3].assignees[0].person",
 * "line 4, column 12" for syntax errors, or "file" for the file as a whole.
 * Callers put the file's name in front.
 */

/* Reads, parses and validates a plan; its history starts empty and saved. */
CtoPlan  *cto_plan_io_load_file   (GFile         *file,
                                   GCancellable  *cancellable,
                                   GError       **error);
/* The same, and sets @digest to the digest of the bytes it read
 * (cto_plan_io_digest()). */
CtoPlan  *cto_plan_io_load_file_digest (GFile         *file,
                                        GCancellable  *cancellable,
                                        guint64       *digest,
                                        GError       **error);
CtoPlan  *cto_plan_io_load_data   (const char    *data,
                                   gsize          length,
                                   GError       **error);

/* The canonical text of @plan: UTF-8, two-space indentation, one trailing newline. */
char     *cto_plan_io_to_data     (CtoPlan       *plan,
                                   gsize         *length);

/*
 * Writes the canonical text safely (cto-file-writer.h): the old file stays
 * whole until the new one is complete; a read-only file is kept unless
 * @flags allow replacing it; a plan whose text would be too large to read
 * back is not written. Does not touch the history's saved mark.
 */
gboolean  cto_plan_io_save_file   (CtoPlan       *plan,
                                   GFile         *file,
                                   GCancellable  *cancellable,
                                   GError       **error);
gboolean  cto_plan_io_save_file_full (CtoPlan       *plan,
                                     GFile         *file,
                                     CtoWriteFlags  flags,
                                     GCancellable  *cancellable,
                                     GError       **error);
/* The same, and sets @digest to the digest of the bytes written
 * (cto_plan_io_digest()) and @stamp to what the file written is. */
gboolean  cto_plan_io_save_file_digest (CtoPlan       *plan,
                                       GFile         *file,
                                       CtoWriteFlags  flags,
                                       CtoFileStamp  *stamp,
                                       GCancellable  *cancellable,
                                       guint64       *digest,
                                       GError       **error);
/*
 * A digest of bytes, to tell whether a file still holds what was read or
 * written: two texts with the same digest are, but for a chance of one in
 * 2^64, the same. Not for telling a file from one made to look the same.
 */
guint64   cto_plan_io_digest      (const char    *data,
                                   gsize          length);
/* The digest of all of @file, read as a plan file is (at most
 * CTO_PLAN_MAX_FILE_SIZE, a regular file). */
gboolean  cto_plan_io_digest_file (GFile         *file,
                                   GCancellable  *cancellable,
                                   guint64       *digest,
                                   GError       **error);
/* Refuses a canonical text longer than a plan file may be. */
gboolean  cto_plan_io_check_size  (gsize          length,
                                   GError       **error);
/* Shortest text that reads back to @value, integers without a decimal point. */
char     *cto_format_json_number  (double         value);

G_END_DECLS
