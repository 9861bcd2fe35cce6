/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * A ZIP archive made in memory, member by member, for the document formats
 * that are one (ODP, PPTX). Nothing is written anywhere: the finished
 * archive is handed out whole, for the atomic file writer.
 */
typedef struct _CtoZipWriter CtoZipWriter;

/* Every member bears @date as its time (a reproducible file for one date).
 * Fails only when the archive library cannot be loaded. */
CtoZipWriter *cto_zip_writer_new    (GDateTime     *date,
                                     GError       **error);
void          cto_zip_writer_free   (CtoZipWriter  *self);

/* Adds member @name (a relative path with "/" between folders) holding
 * @length bytes of @data, compressed with deflate or @stored as they are.
 * A stored first member gets a plain local header (no extra field, its CRC
 * and sizes in place), as OpenDocument wants its "mimetype". Once one
 * member failed, so does everything after it. */
gboolean      cto_zip_writer_add    (CtoZipWriter  *self,
                                     const char    *name,
                                     const void    *data,
                                     gsize          length,
                                     gboolean       stored,
                                     GError       **error);
gboolean      cto_zip_writer_add_bytes (CtoZipWriter  *self,
                                        const char    *name,
                                        GBytes        *bytes,
                                        gboolean       stored,
                                        GError       **error);

/* Writes the archive's directory; then nothing can be added. */
GBytes       *cto_zip_writer_finish (CtoZipWriter  *self,
                                     GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CtoZipWriter, cto_zip_writer_free)

G_END_DECLS
