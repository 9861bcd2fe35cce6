/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-zip-writer"

#include "config.h"

#include <archive.h>
#include <archive_entry.h>

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "cto-zip-writer.h"

struct _CtoZipWriter
{
  struct archive *archive;
  GByteArray     *bytes;
  gint64          time;
  gboolean        failed;
  gboolean        finished;
};

static la_ssize_t
write_cb (struct archive *archive,
          void           *data,
          const void     *buffer,
          size_t          length)
{
  CtoZipWriter *self = data;

  if (self->bytes != NULL)
    g_byte_array_append (self->bytes, buffer, (guint) length);

  return (la_ssize_t) length;
}

static gboolean
check (CtoZipWriter  *self,
       int            status,
       GError       **error)
{
  const char *reason;

  if (status == ARCHIVE_OK)
    return TRUE;

  self->failed = TRUE;
  reason = archive_error_string (self->archive);
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               /* Translators: the reason comes from the archive library, in English */
               _("Could not make the archive: %s"), reason != NULL ? reason : "?");
  return FALSE;
}

static gboolean
check_usable (CtoZipWriter  *self,
              GError       **error)
{
  if (!self->failed && !self->finished)
    return TRUE;

  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                       _("Could not make the archive: an earlier part failed"));
  return FALSE;
}

/**
 * cto_zip_writer_new:
 * @date: the time of every member
 *
 * Returns: (transfer full): an empty archive
 */
CtoZipWriter *
cto_zip_writer_new (GDateTime *date)
{
  CtoZipWriter *self = g_new0 (CtoZipWriter, 1);

  g_return_val_if_fail (date != NULL, self);

  self->bytes = g_byte_array_new ();
  self->time = g_date_time_to_unix (date);
  self->archive = archive_write_new ();

  /* ZIP without the padding to whole blocks that tape formats want. */
  if (archive_write_set_format_zip (self->archive) != ARCHIVE_OK ||
      archive_write_set_bytes_in_last_block (self->archive, 1) != ARCHIVE_OK ||
      archive_write_open (self->archive, self, NULL, write_cb, NULL) != ARCHIVE_OK)
    self->failed = TRUE;

  return self;
}

void
cto_zip_writer_free (CtoZipWriter *self)
{
  if (self == NULL)
    return;

  /* Not finished: what was made is thrown away, nothing was written. */
  archive_write_free (self->archive);
  g_clear_pointer (&self->bytes, g_byte_array_unref);
  g_free (self);
}

gboolean
cto_zip_writer_add (CtoZipWriter  *self,
                    const char    *name,
                    const void    *data,
                    gsize          length,
                    gboolean       stored,
                    GError       **error)
{
  struct archive_entry *entry;
  gboolean ok;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (name != NULL && *name != '\0' && *name != '/', FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_usable (self, error))
    return FALSE;

  if (!check (self, stored ? archive_write_zip_set_compression_store (self->archive)
                            : archive_write_zip_set_compression_deflate (self->archive),
              error))
    return FALSE;

  entry = archive_entry_new ();
  archive_entry_set_pathname (entry, name);
  archive_entry_set_filetype (entry, AE_IFREG);
  archive_entry_set_perm (entry, 0644);
  archive_entry_set_size (entry, (la_int64_t) length);
  archive_entry_set_mtime (entry, (time_t) self->time, 0);

  ok = check (self, archive_write_header (self->archive, entry), error);
  archive_entry_free (entry);

  while (ok && length > 0)
    {
      la_ssize_t written = archive_write_data (self->archive, data, length);

      if (written <= 0)
        {
          ok = check (self, written < 0 ? (int) written : ARCHIVE_FATAL, error);
          break;
        }
      data = (const guint8 *) data + written;
      length -= (gsize) written;
    }

  return ok && check (self, archive_write_finish_entry (self->archive), error);
}

gboolean
cto_zip_writer_add_bytes (CtoZipWriter  *self,
                          const char    *name,
                          GBytes        *bytes,
                          gboolean       stored,
                          GError       **error)
{
  gsize length = 0;
  gconstpointer data;

  g_return_val_if_fail (bytes != NULL, FALSE);

  data = g_bytes_get_data (bytes, &length);

  return cto_zip_writer_add (self, name, data != NULL ? data : "", length, stored, error);
}

/**
 * cto_zip_writer_finish:
 *
 * Returns: (transfer full) (nullable): the whole archive, or %NULL when a
 * member could not be added or the directory not be written
 */
GBytes *
cto_zip_writer_finish (CtoZipWriter  *self,
                       GError       **error)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_usable (self, error))
    return NULL;

  self->finished = TRUE;
  if (!check (self, archive_write_close (self->archive), error))
    return NULL;

  return g_byte_array_free_to_bytes (g_steal_pointer (&self->bytes));
}
