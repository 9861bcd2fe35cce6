/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-zip-writer"

#include "config.h"

#include <string.h>

#include <archive.h>
#include <archive_entry.h>

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <gmodule.h>

#include "cto-zip-writer.h"

/*
 * libarchive is loaded when the first archive is made, not when the program
 * starts: it brings XML, ICU and compression libraries of its own, whose
 * pages would otherwise count against the memory of every command, such
 * as --check on the largest plans (tests/test-limits.c).
 */
#define LIBARCHIVE_FUNCTIONS(F) \
  F (archive_entry_free) \
  F (archive_entry_new) \
  F (archive_entry_set_filetype) \
  F (archive_entry_set_mtime) \
  F (archive_entry_set_pathname) \
  F (archive_entry_set_perm) \
  F (archive_entry_set_size) \
  F (archive_error_string) \
  F (archive_write_close) \
  F (archive_write_data) \
  F (archive_write_finish_entry) \
  F (archive_write_free) \
  F (archive_write_header) \
  F (archive_write_new) \
  F (archive_write_open) \
  F (archive_write_set_bytes_in_last_block) \
  F (archive_write_set_format_zip) \
  F (archive_write_zip_set_compression_deflate) \
  F (archive_write_zip_set_compression_store)

typedef struct
{
#define DECLARE_FUNCTION(name) __typeof__ (name) *name;
  LIBARCHIVE_FUNCTIONS (DECLARE_FUNCTION)
#undef DECLARE_FUNCTION
} Libarchive;

struct _CtoZipWriter
{
  const Libarchive *la;
  struct archive   *archive;
  GByteArray       *bytes;
  gint64            time;
  guint             n_members;
  gboolean          first_stored;
  gboolean          failed;
  gboolean          finished;
};

/* The records of a ZIP file (PKWARE's APPNOTE.TXT, section 4.3). */
#define LOCAL_HEADER_SIZE    30
#define DESCRIPTOR_SIZE      16
#define CENTRAL_HEADER_SIZE  46
#define END_SIZE             22
#define FLAG_DESCRIPTOR      0x0008

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

static const Libarchive *
load_libarchive (GError **error)
{
  static gsize loaded = 0;
  static Libarchive functions;
  static char *failure;

  if (g_once_init_enter (&loaded))
    {
      GModule *module = g_module_open (LIBARCHIVE_SONAME, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
      gboolean found = module != NULL;

#define FIND_FUNCTION(name) \
      found = found && g_module_symbol (module, #name, (gpointer *) &functions.name);
      LIBARCHIVE_FUNCTIONS (FIND_FUNCTION)
#undef FIND_FUNCTION

      if (found)
        g_module_make_resident (module);
      else
        failure = g_strdup (g_module_error ());
      g_once_init_leave (&loaded, 1);
    }

  if (failure != NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   /* Translators: the reason comes from the system, in English */
                   _("Could not load the archive library: %s"), failure);
      return NULL;
    }

  return &functions;
}

static guint16
get16 (const guint8 *p)
{
  return (guint16) (p[0] | p[1] << 8);
}

static guint32
get32 (const guint8 *p)
{
  return (guint32) p[0] | (guint32) p[1] << 8 | (guint32) p[2] << 16 | (guint32) p[3] << 24;
}

static void
put16 (guint8  *p,
       guint16  value)
{
  p[0] = value & 0xff;
  p[1] = value >> 8;
}

static void
put32 (guint8  *p,
       guint32  value)
{
  for (guint i = 0; i < 4; i++)
    p[i] = (value >> (8 * i)) & 0xff;
}

/*
 * libarchive writes every member as a stream: its local header bears extra
 * fields (times, owner) and leaves the CRC and the sizes to a data
 * descriptor after the data. OpenDocument wants its first member, the
 * stored "mimetype", with a plain local header, so that the type stands at
 * byte 38 where programs recognise a file by its first bytes. This rewrites
 * the first member so: no extra field, no descriptor, the CRC and sizes in
 * place, and moves the offsets of the central directory by what it took
 * out. An archive laid out otherwise than expected is left as it is (a
 * valid ZIP file still); FALSE then.
 */
static gboolean
plain_first_member (GByteArray *bytes)
{
  guint8 *data = bytes->data;
  gsize length = bytes->len;
  guint8 *end;
  guint8 *central;
  guint8 *record;
  guint16 n_entries;
  guint16 name_length;
  guint16 extra_length;
  guint32 central_offset;
  guint32 crc;
  guint32 size;
  gsize data_end;
  guint32 removed;

  if (length < LOCAL_HEADER_SIZE + END_SIZE)
    return FALSE;

  /* No archive comment, no Zip64 records: the end record closes the file
   * right after the central directory. */
  end = data + length - END_SIZE;
  if (memcmp (end, "PK\005\006", 4) != 0)
    return FALSE;
  n_entries = get16 (end + 10);
  central_offset = get32 (end + 16);
  if (n_entries == 0 || (gsize) central_offset + get32 (end + 12) != length - END_SIZE)
    return FALSE;
  central = data + central_offset;

  /* The first member: stored, with a descriptor, and its central record. */
  if (memcmp (data, "PK\003\004", 4) != 0 || get16 (data + 8) != 0 ||
      (get16 (data + 6) & FLAG_DESCRIPTOR) == 0)
    return FALSE;
  if (memcmp (central, "PK\001\002", 4) != 0 || get32 (central + 42) != 0)
    return FALSE;
  crc = get32 (central + 16);
  size = get32 (central + 20);
  name_length = get16 (data + 26);
  extra_length = get16 (data + 28);
  data_end = LOCAL_HEADER_SIZE + name_length + extra_length + (gsize) size;
  if (get32 (central + 24) != size || data_end + DESCRIPTOR_SIZE > central_offset ||
      memcmp (data + data_end, "PK\007\010", 4) != 0 || get32 (data + data_end + 4) != crc)
    return FALSE;
  removed = extra_length + DESCRIPTOR_SIZE;

  /* Every central record where it should be, every member after the first. */
  record = central;
  for (guint i = 0; i < n_entries; i++)
    {
      if (record + CENTRAL_HEADER_SIZE > end || memcmp (record, "PK\001\002", 4) != 0)
        return FALSE;
      if (i > 0 && get32 (record + 42) < data_end + DESCRIPTOR_SIZE)
        return FALSE;
      record += CENTRAL_HEADER_SIZE + get16 (record + 28) + get16 (record + 30) + get16 (record + 32);
    }
  if (record != end)
    return FALSE;

  put16 (data + 6, get16 (data + 6) & ~FLAG_DESCRIPTOR);
  put32 (data + 14, crc);
  put32 (data + 18, size);
  put32 (data + 22, size);
  put16 (data + 28, 0);
  put16 (central + 8, get16 (central + 8) & ~FLAG_DESCRIPTOR);
  record = central;
  for (guint i = 0; i < n_entries; i++)
    {
      if (i > 0)
        put32 (record + 42, get32 (record + 42) - removed);
      record += CENTRAL_HEADER_SIZE + get16 (record + 28) + get16 (record + 30) + get16 (record + 32);
    }
  put32 (end + 16, central_offset - removed);

  /* The descriptor first: taking out the extra field moves it. */
  g_byte_array_remove_range (bytes, (guint) data_end, DESCRIPTOR_SIZE);
  g_byte_array_remove_range (bytes, LOCAL_HEADER_SIZE + name_length, extra_length);

  return TRUE;
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
  reason = self->la->archive_error_string (self->archive);
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
 * Returns: (transfer full) (nullable): an empty archive, or %NULL when the
 * archive library cannot be loaded
 */
CtoZipWriter *
cto_zip_writer_new (GDateTime  *date,
                    GError    **error)
{
  g_autoptr(CtoZipWriter) self = NULL;
  const Libarchive *la;

  g_return_val_if_fail (date != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  la = load_libarchive (error);
  if (la == NULL)
    return NULL;

  self = g_new0 (CtoZipWriter, 1);
  self->la = la;
  self->bytes = g_byte_array_new ();
  self->time = g_date_time_to_unix (date);
  self->archive = la->archive_write_new ();
  if (self->archive == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("Could not make the archive: out of memory"));
      return NULL;
    }

  /* ZIP without the padding to whole blocks that tape formats want. */
  if (!check (self, la->archive_write_set_format_zip (self->archive), error) ||
      !check (self, la->archive_write_set_bytes_in_last_block (self->archive, 1), error) ||
      !check (self, la->archive_write_open (self->archive, self, NULL, write_cb, NULL), error))
    return NULL;

  return g_steal_pointer (&self);
}

void
cto_zip_writer_free (CtoZipWriter *self)
{
  if (self == NULL)
    return;

  /* Not finished: what was made is thrown away, nothing was written. */
  if (self->archive != NULL)
    self->la->archive_write_free (self->archive);
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

  if (!check (self, stored ? self->la->archive_write_zip_set_compression_store (self->archive)
                            : self->la->archive_write_zip_set_compression_deflate (self->archive),
              error))
    return FALSE;

  entry = self->la->archive_entry_new ();
  self->la->archive_entry_set_pathname (entry, name);
  self->la->archive_entry_set_filetype (entry, AE_IFREG);
  self->la->archive_entry_set_perm (entry, 0644);
  self->la->archive_entry_set_size (entry, (la_int64_t) length);
  self->la->archive_entry_set_mtime (entry, (time_t) self->time, 0);

  ok = check (self, self->la->archive_write_header (self->archive, entry), error);
  self->la->archive_entry_free (entry);
  if (self->n_members++ == 0)
    self->first_stored = stored;

  while (ok && length > 0)
    {
      la_ssize_t written = self->la->archive_write_data (self->archive, data, length);

      if (written <= 0)
        {
          ok = check (self, written < 0 ? (int) written : ARCHIVE_FATAL, error);
          break;
        }
      data = (const guint8 *) data + written;
      length -= (gsize) written;
    }

  return ok && check (self, self->la->archive_write_finish_entry (self->archive), error);
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
  if (!check (self, self->la->archive_write_close (self->archive), error))
    return NULL;

  if (self->first_stored)
    plain_first_member (self->bytes);

  return g_byte_array_free_to_bytes (g_steal_pointer (&self->bytes));
}
