/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cto-file-writer.h"

G_BEGIN_DECLS

/*
 * What tells one version of a plan's file from another, so that a save
 * never silently replaces what another program wrote (PLAN-FORMAT.md,
 * section 8). A fingerprint is a look at the file (what its metadata says)
 * and the digest of its bytes (cto_plan_io_digest()); it is text, kept
 * beside a recovery copy. All of these are safe on any thread and do file
 * access: call them off the main thread where the file may be slow.
 */

/* The look at @file now, taken before it is read: should the file change
 * while it is read, a later look differs, and the digest decides. NULL
 * when it cannot be looked at. */
char     *cto_file_fingerprint_look         (GFile              *file);
char     *cto_file_fingerprint_new          (const char         *look,
                                             guint64             digest);
/* The fingerprint of the file just written as @stamp says, with @digest of
 * the bytes written. When another program changed the file since it was
 * written, the look is of the file written, so that the next
 * cto_file_fingerprint_changed() reads the file. NULL when the file cannot
 * be looked at. */
char     *cto_file_fingerprint_of_written   (GFile              *file,
                                             const CtoFileStamp *stamp,
                                             guint64             digest);
/* Whether @file differs from the version @fingerprint is of. A file that
 * has gone, or cannot be looked at, counts as unchanged: it is simply
 * written again, or the save says why it fails. When only what the look
 * sees changed, @refreshed is set to the file's fingerprint now. */
gboolean  cto_file_fingerprint_changed      (GFile              *file,
                                             const char         *fingerprint,
                                             char              **refreshed);

G_END_DECLS
