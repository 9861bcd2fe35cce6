/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "cto-file-fingerprint.h"
#include "cto-file-writer.h"
#include "cto-plan-io.h"

/* Whether a save may replace a plan's file: a fingerprint taken when the
 * file was read or written tells whether another program changed it since. */

#define TEXT "{\"format\": \"cto-planner-plan\", \"version\": 1}\n"
#define OTHER "{\"format\": \"cto-planner-plan\", \"version\": 2}\n"

typedef struct
{
  char  *dir;
  char  *path;
  GFile *file;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("cto-file-fingerprint-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "plan.ctoplan.json", NULL);
  f->file = g_file_new_for_path (f->path);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (f->dir, name, NULL);

      g_unlink (child);
    }
  g_rmdir (f->dir);
  g_object_unref (f->file);
  g_free (f->path);
  g_free (f->dir);
}

static void
set_contents (Fixture    *f,
              const char *text)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (f->path, text, -1, &error);
  g_assert_no_error (error);
}

/* Another program writing @text into the file in place, as an editor
 * that does not replace the file does: same inode. */
static void
write_in_place (Fixture    *f,
                const char *text)
{
  int fd = open (f->path, O_WRONLY | O_TRUNC);

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (write (fd, text, strlen (text)), ==, (gssize) strlen (text));
  g_assert_cmpint (close (fd), ==, 0);
}

/* Sets the file's time of last modification, as touch and cp -p do. */
static void
set_mtime (Fixture *f,
           time_t   seconds,
           long     nanoseconds)
{
  struct timespec times[2] = {
    { .tv_nsec = UTIME_OMIT },
    { .tv_sec = seconds, .tv_nsec = nanoseconds },
  };

  g_assert_cmpint (utimensat (AT_FDCWD, f->path, times, 0), ==, 0);
}

static void
mtime_of (Fixture  *f,
          time_t   *seconds,
          long     *nanoseconds)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (f->path, &st), ==, 0);
  *seconds = st.st_mtim.tv_sec;
  *nanoseconds = st.st_mtim.tv_nsec;
}

/* The fingerprint of the file as it is now, taken as a read takes it. */
static char *
read_fingerprint (Fixture *f)
{
  g_autofree char *look = cto_file_fingerprint_look (f->file);
  guint64 digest = 0;

  g_assert_nonnull (look);
  g_assert_true (cto_plan_io_digest_file (f->file, NULL, &digest, NULL));
  return cto_file_fingerprint_new (look, digest);
}

static gboolean
changed (Fixture     *f,
         const char  *fingerprint,
         char       **refreshed)
{
  g_autofree char *ignored = NULL;

  return cto_file_fingerprint_changed (f->file, fingerprint,
                                       refreshed != NULL ? refreshed : &ignored);
}

static void
test_unchanged (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *fingerprint = NULL;
  g_autofree char *refreshed = NULL;

  set_contents (f, TEXT);
  fingerprint = read_fingerprint (f);

  g_assert_false (changed (f, fingerprint, &refreshed));
  g_assert_null (refreshed);
}

/* A touch, or a program that syncs folders writing the same bytes, is no
 * change; the fingerprint is refreshed so that the file is not read again. */
static void
test_same_bytes (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *fingerprint = NULL;
  g_autofree char *refreshed = NULL;
  g_autofree char *again = NULL;
  time_t seconds;
  long nanoseconds;

  set_contents (f, TEXT);
  fingerprint = read_fingerprint (f);
  mtime_of (f, &seconds, &nanoseconds);
  set_mtime (f, seconds + 10, nanoseconds);

  g_assert_false (changed (f, fingerprint, &refreshed));
  g_assert_nonnull (refreshed);
  g_assert_cmpstr (refreshed, !=, fingerprint);
  g_assert_false (changed (f, refreshed, &again));
  g_assert_null (again);

  /* Replaced by a copy of itself. */
  g_clear_pointer (&refreshed, g_free);
  set_contents (f, TEXT);
  g_assert_false (changed (f, fingerprint, &refreshed));
  g_assert_nonnull (refreshed);
}

static void
test_other_bytes (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *fingerprint = NULL;
  g_autofree char *refreshed = NULL;
  time_t seconds;
  long nanoseconds;

  set_contents (f, TEXT);
  fingerprint = read_fingerprint (f);

  /* Of the same size, written in place, its time of modification set
   * back: the time its inode changed still tells. */
  mtime_of (f, &seconds, &nanoseconds);
  write_in_place (f, OTHER);
  set_mtime (f, seconds, nanoseconds);
  g_assert_true (changed (f, fingerprint, &refreshed));
  g_assert_null (refreshed);

  /* Replaced by another file. */
  set_contents (f, OTHER);
  g_assert_true (changed (f, fingerprint, NULL));
}

/* A file that has gone is simply written again. */
static void
test_gone (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *fingerprint = NULL;

  set_contents (f, TEXT);
  fingerprint = read_fingerprint (f);
  g_unlink (f->path);

  g_assert_false (changed (f, fingerprint, NULL));
}

/* A recovery copy of an earlier version keeps only the look: it alone
 * decides, even for a touch. */
static void
test_look_only (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *look = NULL;
  time_t seconds;
  long nanoseconds;

  set_contents (f, TEXT);
  look = cto_file_fingerprint_look (f->file);

  g_assert_false (changed (f, look, NULL));
  mtime_of (f, &seconds, &nanoseconds);
  set_mtime (f, seconds + 10, nanoseconds);
  g_assert_true (changed (f, look, NULL));
}

static char *
write_fingerprint (Fixture    *f,
                   const char *text,
                   void      (*meanwhile) (Fixture *f))
{
  g_autoptr(GError) error = NULL;
  CtoFileStamp stamp;

  g_assert_true (cto_write_file_atomic_full (f->file, text, strlen (text), CTO_WRITE_FLAGS_NONE,
                                             &stamp, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (stamp.known);

  if (meanwhile != NULL)
    meanwhile (f);

  return cto_file_fingerprint_of_written (f->file, &stamp,
                                          cto_plan_io_digest (text, strlen (text)));
}

static void
test_written (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *fingerprint = NULL;
  g_autofree char *refreshed = NULL;

  set_contents (f, OTHER);
  fingerprint = write_fingerprint (f, TEXT, NULL);

  /* The look is of the file as it is: nothing to read again. */
  g_assert_false (changed (f, fingerprint, &refreshed));
  g_assert_null (refreshed);
}

static void
replace_meanwhile (Fixture *f)
{
  set_contents (f, OTHER);
}

static void
write_in_place_meanwhile (Fixture *f)
{
  write_in_place (f, OTHER "\n");
}

static void
same_bytes_meanwhile (Fixture *f)
{
  set_contents (f, TEXT);
}

/* Another program writes the file between the save putting it in place and
 * looking at it: the fingerprint must not pair that program's look with the
 * digest of the bytes the save wrote. */
static void
test_changed_after_written (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *replaced = NULL;
  g_autofree char *in_place = NULL;
  g_autofree char *same = NULL;
  g_autofree char *refreshed = NULL;

  replaced = write_fingerprint (f, TEXT, replace_meanwhile);
  g_assert_nonnull (replaced);
  g_assert_true (changed (f, replaced, NULL));

  in_place = write_fingerprint (f, TEXT, write_in_place_meanwhile);
  g_assert_nonnull (in_place);
  g_assert_true (changed (f, in_place, NULL));

  /* Written again with the same bytes: read once, and no change. */
  same = write_fingerprint (f, TEXT, same_bytes_meanwhile);
  g_assert_false (changed (f, same, &refreshed));
  g_assert_nonnull (refreshed);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/file-fingerprint/unchanged", test_unchanged);
  ADD ("/file-fingerprint/same-bytes", test_same_bytes);
  ADD ("/file-fingerprint/other-bytes", test_other_bytes);
  ADD ("/file-fingerprint/gone", test_gone);
  ADD ("/file-fingerprint/look-only", test_look_only);
  ADD ("/file-fingerprint/written", test_written);
  ADD ("/file-fingerprint/changed-after-written", test_changed_after_written);
#undef ADD

  return g_test_run ();
}
