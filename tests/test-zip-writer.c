/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <archive.h>
#include <archive_entry.h>
#include <gio/gio.h>

#include "cto-zip-writer.h"

/* The ZIP archives the slide decks are made of: what goes in comes out
 * whole, in order, stored or compressed as asked, dated as asked, and a
 * stored first member has the plain header document formats want. */

typedef struct
{
  const char *name;
  const char *data;
  gsize       length;
  gboolean    stored;
} Input;

static const char binary[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\xff\xfe";

static const Input inputs[] = {
  { "mimetype", "application/vnd.oasis.opendocument.presentation", 47, TRUE },
  { "content.xml", "<?xml version=\"1.0\"?><a>text text text text text text</a>", 56, FALSE },
  { "Pictures/page1.png", binary, sizeof binary - 1, TRUE },
  { "empty", "", 0, FALSE },
  { "deep/er/still.txt", "x", 1, FALSE },
};

static GDateTime *
member_date (void)
{
  return g_date_time_new_utc (2027, 3, 5, 9, 30, 0);
}

static GBytes *
write_archive (const Input *members,
               guint        n_members)
{
  g_autoptr(GDateTime) date = member_date ();
  g_autoptr(CtoZipWriter) zip = cto_zip_writer_new (date, NULL);
  g_autoptr(GError) error = NULL;
  GBytes *bytes;

  for (guint i = 0; i < n_members; i++)
    {
      g_assert_true (cto_zip_writer_add (zip, members[i].name, members[i].data, members[i].length,
                                         members[i].stored, &error));
      g_assert_no_error (error);
    }
  bytes = cto_zip_writer_finish (zip, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bytes);

  return bytes;
}

/* Reads @bytes back with libarchive and compares with @members. */
static void
check_archive (GBytes      *bytes,
               const Input *members,
               guint        n_members)
{
  g_autoptr(GDateTime) date = member_date ();
  struct archive *archive = archive_read_new ();
  struct archive_entry *entry;
  gsize size = 0;
  gconstpointer data = g_bytes_get_data (bytes, &size);
  guint n = 0;
  int status;

  archive_read_support_format_zip (archive);
  g_assert_cmpint (archive_read_open_memory (archive, data, size), ==, ARCHIVE_OK);
  while ((status = archive_read_next_header (archive, &entry)) == ARCHIVE_OK)
    {
      g_autoptr(GByteArray) contents = g_byte_array_new ();
      char buffer[4096];
      la_ssize_t read;

      g_assert_cmpuint (n, <, n_members);
      g_assert_cmpstr (archive_entry_pathname (entry), ==, members[n].name);
      g_assert_cmpint (archive_entry_mtime (entry), ==, g_date_time_to_unix (date));
      g_assert_cmpstr (archive_format_name (archive), ==,
                       members[n].stored ? "ZIP 1.0 (uncompressed)" : "ZIP 2.0 (deflation)");
      while ((read = archive_read_data (archive, buffer, sizeof buffer)) > 0)
        g_byte_array_append (contents, (const guint8 *) buffer, (guint) read);
      g_assert_cmpint (read, ==, 0);
      g_assert_cmpmem (contents->data, contents->len, members[n].data, members[n].length);
      n++;
    }
  g_assert_cmpint (status, ==, ARCHIVE_EOF);
  g_assert_cmpuint (n, ==, n_members);
  archive_read_free (archive);
}

static void
test_round_trip (void)
{
  g_autoptr(GBytes) bytes = write_archive (inputs, G_N_ELEMENTS (inputs));
  const guint8 *header = g_bytes_get_data (bytes, NULL);

  check_archive (bytes, inputs, G_N_ELEMENTS (inputs));

  /* The first member stored with a plain header: its data right after its
   * name, no extra field, no data descriptor. */
  g_assert_cmpuint (header[6] & 0x08, ==, 0);
  g_assert_cmpuint (header[8] | header[9] << 8, ==, 0);
  g_assert_cmpuint (header[28] | header[29] << 8, ==, 0);
  g_assert_cmpmem (header + 30, 8, "mimetype", 8);
  g_assert_cmpmem (header + 38, inputs[0].length, inputs[0].data, inputs[0].length);
}

/* A first member that is compressed keeps the header libarchive gives it. */
static void
test_first_compressed (void)
{
  g_autoptr(GBytes) bytes = write_archive (inputs + 1, G_N_ELEMENTS (inputs) - 1);
  const guint8 *header = g_bytes_get_data (bytes, NULL);

  check_archive (bytes, inputs + 1, G_N_ELEMENTS (inputs) - 1);
  g_assert_cmpuint (header[8] | header[9] << 8, ==, 8);
}

/* The same members on the same date make the same file. */
static void
test_reproducible (void)
{
  g_autoptr(GBytes) first = write_archive (inputs, G_N_ELEMENTS (inputs));
  g_autoptr(GBytes) second = write_archive (inputs, G_N_ELEMENTS (inputs));

  g_assert_true (g_bytes_equal (first, second));
}

/* Nothing can be added once the archive is finished. */
static void
test_after_finish (void)
{
  g_autoptr(GDateTime) date = member_date ();
  g_autoptr(CtoZipWriter) zip = cto_zip_writer_new (date, NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (cto_zip_writer_add (zip, "a", "a", 1, FALSE, &error));
  bytes = cto_zip_writer_finish (zip, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bytes);

  g_assert_false (cto_zip_writer_add (zip, "b", "b", 1, FALSE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_null (cto_zip_writer_finish (zip, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
}

/* An archive left unfinished is thrown away without a word. */
static void
test_abandoned (void)
{
  g_autoptr(GDateTime) date = member_date ();
  g_autoptr(CtoZipWriter) zip = cto_zip_writer_new (date, NULL);

  g_assert_true (cto_zip_writer_add (zip, "a", "a", 1, TRUE, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/zip-writer/round-trip", test_round_trip);
  g_test_add_func ("/zip-writer/first-compressed", test_first_compressed);
  g_test_add_func ("/zip-writer/reproducible", test_reproducible);
  g_test_add_func ("/zip-writer/after-finish", test_after_finish);
  g_test_add_func ("/zip-writer/abandoned", test_abandoned);

  return g_test_run ();
}
