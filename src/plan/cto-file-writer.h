/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/*
 * Writing files safely (PLAN-FORMAT.md, section 8), for plans and exports.
 *
 * The old file stays whole until the new one is complete; a program killed
 * while writing leaves no temporary file behind (the new text is written
 * into an unnamed file, linked in when whole). A symbolic link stays a link:
 * the file it names is written. An existing file with no write permission
 * bit for anyone is refused (CTO_FILE_WRITER_ERROR_READ_ONLY) and kept, unless the
 * caller says the user wants it replaced; its permissions are kept either
 * way. A failure's message says what went wrong without naming any file:
 * callers put the name the user gave in front.
 */

#define CTO_FILE_WRITER_ERROR (cto_file_writer_error_quark ())

typedef enum
{
  CTO_FILE_WRITER_ERROR_READ_ONLY,  /* the file has no write permission bit for anyone */
} CtoFileWriterError;

GQuark cto_file_writer_error_quark (void);

typedef enum
{
  CTO_WRITE_FLAGS_NONE          = 0,
  /* Replace a file that has no write permission bit (the user said so). */
  CTO_WRITE_REPLACE_READ_ONLY   = 1 << 0,
} CtoWriteFlags;

/*
 * What a file written here was, looked at through its descriptor once it
 * was whole and before it was put in place: what a later look at the path
 * shows of the same file, until another program changes it. Not known of a
 * file that GIO wrote (not a local file).
 */
typedef struct
{
  gboolean known;
  guint64  inode;
  guint64  mtime;        /* seconds */
  guint32  mtime_usec;
  goffset  size;
} CtoFileStamp;

gboolean  cto_write_file_atomic       (GFile          *file,
                                       const char     *contents,
                                       gsize           length,
                                       GCancellable   *cancellable,
                                       GError        **error);
gboolean  cto_write_file_atomic_full  (GFile          *file,
                                       const char     *contents,
                                       gsize           length,
                                       CtoWriteFlags   flags,
                                       CtoFileStamp   *stamp,
                                       GCancellable   *cancellable,
                                       GError        **error);

/* Whether @a and @b are the same existing file, by any path or link. */
gboolean  cto_file_is_same            (GFile          *a,
                                       GFile          *b);

G_END_DECLS
