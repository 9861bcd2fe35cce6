/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "cto-file-writer.h"
#include "cto-plan-io.h"

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("cto-file-writer-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
remove_tree (const char *path)
{
  GStatBuf st;

  if (g_lstat (path, &st) != 0)
    return;

  if (S_ISDIR (st.st_mode))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  remove_tree (f->dir);
  g_free (f->dir);
}

static char *
path_in (Fixture    *f,
         const char *name)
{
  return g_build_filename (f->dir, name, NULL);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The folder holds @names (sorted, joined by spaces) and nothing else: no
 * temporary file may stay. */
static void
assert_listing (Fixture    *f,
                const char *names)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  g_autoptr(GPtrArray) listed = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *joined = NULL;
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (listed, g_strdup (name));
  g_ptr_array_sort (listed, compare_names);
  g_ptr_array_add (listed, NULL);
  joined = g_strjoinv (" ", (char **) listed->pdata);
  g_assert_cmpstr (joined, ==, names);
}

static void
write_text (const char *path,
            const char *text)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

static void
assert_contents (const char *path,
                 const char *text)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, text);
}

static void
assert_mode (const char *path,
             mode_t      mode)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, mode);
}

static void
assert_link (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_lstat (path, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
}

static gboolean
write_path (const char     *path,
            const char     *text,
            CtoWriteFlags   flags,
            GError        **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return cto_write_file_atomic_full (file, text, strlen (text), flags, NULL, NULL, error);
}

static void
test_new_file (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *path = path_in (f, "new.json");
  g_autofree char *private_path = path_in (f, "private.json");
  g_autoptr(GError) error = NULL;
  mode_t mask = umask (022);

  g_assert_true (write_path (path, "hello", CTO_WRITE_FLAGS_NONE, &error));
  g_assert_no_error (error);
  /* The process's umask, whatever it is. */
  umask (077);
  g_assert_true (write_path (private_path, "secret", CTO_WRITE_FLAGS_NONE, &error));
  umask (mask);
  g_assert_no_error (error);
  assert_contents (path, "hello");
  assert_mode (path, 0644);
  assert_mode (private_path, 0600);
  assert_listing (f, "new.json private.json");
}

static void
test_replace_keeps_mode (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *path = path_in (f, "plan.json");
  g_autoptr(GError) error = NULL;

  write_text (path, "old");
  g_chmod (path, 0640);
  g_assert_true (write_path (path, "new", CTO_WRITE_FLAGS_NONE, &error));
  g_assert_no_error (error);
  assert_contents (path, "new");
  assert_mode (path, 0640);
  assert_listing (f, "plan.json");
}

/* A link stays a link, relative or absolute, dangling or not, in a chain. */
static void
test_symlink_stays (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *real = path_in (f, "real.json");
  g_autofree char *link1 = path_in (f, "link1.json");
  g_autofree char *link2 = path_in (f, "link2.json");
  g_autofree char *dangling = path_in (f, "dangling.json");
  g_autofree char *absent = path_in (f, "absent.json");
  g_autoptr(GError) error = NULL;

  write_text (real, "old");
  g_assert_cmpint (symlink ("real.json", link1), ==, 0);
  g_assert_cmpint (symlink (link1, link2), ==, 0);
  g_assert_cmpint (symlink ("absent.json", dangling), ==, 0);

  g_assert_true (write_path (link2, "through two links", CTO_WRITE_FLAGS_NONE, &error));
  g_assert_no_error (error);
  assert_contents (real, "through two links");
  assert_link (link1);
  assert_link (link2);

  g_assert_true (write_path (dangling, "made", CTO_WRITE_FLAGS_NONE, &error));
  g_assert_no_error (error);
  assert_contents (absent, "made");
  assert_link (dangling);
}

static void
test_link_loop (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *a = path_in (f, "a");
  g_autofree char *b = path_in (f, "b");
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (symlink ("b", a), ==, 0);
  g_assert_cmpint (symlink ("a", b), ==, 0);
  g_assert_false (write_path (a, "x", CTO_WRITE_FLAGS_NONE, &error));
  g_assert_nonnull (error);
}

/* No write bit for anyone: refused and kept (as root too), unless the
 * user said to replace it; its mode stays. */
static void
test_read_only (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = path_in (f, "plan.json");
  g_autoptr(GError) error = NULL;

  write_text (path, "precious");
  g_chmod (path, 0444);

  g_assert_false (write_path (path, "pdf", CTO_WRITE_FLAGS_NONE, &error));
  g_assert_error (error, CTO_FILE_WRITER_ERROR, CTO_FILE_WRITER_ERROR_READ_ONLY);
  g_assert_null (strstr (error->message, f->dir));
  assert_contents (path, "precious");
  g_clear_error (&error);

  g_assert_true (write_path (path, "agreed", CTO_WRITE_REPLACE_READ_ONLY, &error));
  g_assert_no_error (error);
  assert_contents (path, "agreed");
  assert_mode (path, 0444);
  assert_listing (f, "plan.json");
}

static void
test_not_a_regular_file (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *dir = path_in (f, "folder");
  g_autofree char *fifo = path_in (f, "fifo");
  g_autofree char *missing = path_in (f, "no/such/folder/plan.json");
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (dir, 0755), ==, 0);
  g_assert_cmpint (mkfifo (fifo, 0644), ==, 0);

  g_assert_false (write_path (dir, "x", CTO_WRITE_FLAGS_NONE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_clear_error (&error);

  /* Never opened, so never waited on. */
  g_assert_false (write_path (fifo, "x", CTO_WRITE_FLAGS_NONE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_clear_error (&error);

  g_assert_false (write_path (missing, "x", CTO_WRITE_FLAGS_NONE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  /* The message names no file, least of all a temporary one. */
  g_assert_null (strstr (error->message, "plan.json"));
  g_assert_null (strchr (error->message, '/'));
}

/* /dev/stdout when the output goes into a pipe: a link to /proc/self/fd/1,
 * itself a link whose text ("pipe:[…]") names no file. It is a pipe, not a
 * file that could not be made. */
static void
test_pipe_through_proc (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *link = path_in (f, "stdout");
  g_autofree char *proc_path = NULL;
  g_autoptr(GError) error = NULL;
  int fds[2];

  g_assert_cmpint (pipe (fds), ==, 0);
  proc_path = g_strdup_printf ("/proc/self/fd/%d", fds[1]);
  g_assert_cmpint (symlink (proc_path, link), ==, 0);

  g_assert_false (write_path (proc_path, "x", CTO_WRITE_FLAGS_NONE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_clear_error (&error);

  g_assert_false (write_path (link, "x", CTO_WRITE_FLAGS_NONE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);

  close (fds[0]);
  close (fds[1]);
}

/* Killed at any moment while writing, the writer leaves either the old
 * file or the new one, and nothing else. */
static void
test_killed_leaves_nothing (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *path = path_in (f, "plan.json");
  gsize length = 64 * 1024 * 1024;
  g_autofree char *big = g_malloc (length);

  memset (big, 'x', length);
  write_text (path, "old");

  for (guint delay_ms = 1; delay_ms <= 40; delay_ms *= 3)
    {
      GStatBuf st;
      pid_t child = fork ();
      int status;

      g_assert_cmpint (child, >=, 0);
      if (child == 0)
        {
          g_autoptr(GFile) file = g_file_new_for_path (path);

          cto_write_file_atomic (file, big, length, NULL, NULL);
          _exit (0);
        }

      g_usleep (delay_ms * 1000);
      kill (child, SIGKILL);
      g_assert_cmpint (waitpid (child, &status, 0), ==, child);

      assert_listing (f, "plan.json");
      g_assert_cmpint (g_stat (path, &st), ==, 0);
      g_assert_true (st.st_size == 3 || (gsize) st.st_size == length);
    }
}

static void
test_same_file (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = path_in (f, "plan.json");
  g_autofree char *hard = path_in (f, "hard.json");
  g_autofree char *soft = path_in (f, "soft.json");
  g_autofree char *other = path_in (f, "other.json");
  g_autofree char *dotted = g_build_filename (f->dir, ".", "plan.json", NULL);
  g_autoptr(GFile) plan = g_file_new_for_path (path);
  g_autoptr(GFile) hard_file = g_file_new_for_path (hard);
  g_autoptr(GFile) soft_file = g_file_new_for_path (soft);
  g_autoptr(GFile) other_file = g_file_new_for_path (other);
  g_autoptr(GFile) dotted_file = g_file_new_for_path (dotted);
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/plan.json");

  write_text (path, "plan");
  write_text (other, "plan");
  g_assert_cmpint (link (path, hard), ==, 0);
  g_assert_cmpint (symlink ("plan.json", soft), ==, 0);

  g_assert_true (cto_file_is_same (plan, hard_file));
  g_assert_true (cto_file_is_same (soft_file, plan));
  g_assert_true (cto_file_is_same (dotted_file, plan));
  g_assert_false (cto_file_is_same (plan, other_file));
  g_assert_false (cto_file_is_same (plan, missing));
}

/* What the writer says it wrote is what a look at the file shows, whether
 * the file is new or replaced, and nothing is known of a write that failed. */
static void
test_stamp (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *path = path_in (f, "plan.json");
  g_autofree char *folder = path_in (f, "folder");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) folder_file = g_file_new_for_path (folder);
  const char *texts[] = { "first\n", "the second, longer\n" };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GError) error = NULL;
      CtoFileStamp stamp;
      GStatBuf st;

      g_assert_true (cto_write_file_atomic_full (file, texts[i], strlen (texts[i]),
                                                 CTO_WRITE_FLAGS_NONE, &stamp, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpint (g_stat (path, &st), ==, 0);
      g_assert_true (stamp.known);
      g_assert_cmpuint (stamp.inode, ==, st.st_ino);
      g_assert_cmpint (stamp.size, ==, strlen (texts[i]));
      g_assert_cmpuint (stamp.mtime, ==, st.st_mtim.tv_sec);
      g_assert_cmpuint (stamp.mtime_usec, ==, st.st_mtim.tv_nsec / 1000);
    }

  {
    g_autoptr(GError) error = NULL;
    CtoFileStamp stamp = { .known = TRUE };

    g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
    g_assert_false (cto_write_file_atomic_full (folder_file, "x", 1, CTO_WRITE_FLAGS_NONE,
                                                &stamp, NULL, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
    g_assert_false (stamp.known);
  }
}

static void
test_check_size (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (cto_plan_io_check_size (CTO_PLAN_MAX_FILE_SIZE, &error));
  g_assert_no_error (error);
  g_assert_false (cto_plan_io_check_size ((gsize) CTO_PLAN_MAX_FILE_SIZE + 1, &error));
  g_assert_error (error, CTO_PLAN_ERROR, CTO_PLAN_ERROR_TOO_LARGE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/file-writer/new-file", test_new_file);
  ADD ("/file-writer/replace-keeps-mode", test_replace_keeps_mode);
  ADD ("/file-writer/symlink-stays", test_symlink_stays);
  ADD ("/file-writer/link-loop", test_link_loop);
  ADD ("/file-writer/read-only", test_read_only);
  ADD ("/file-writer/not-a-regular-file", test_not_a_regular_file);
  ADD ("/file-writer/pipe-through-proc", test_pipe_through_proc);
  ADD ("/file-writer/killed-leaves-nothing", test_killed_leaves_nothing);
  ADD ("/file-writer/same-file", test_same_file);
  ADD ("/file-writer/stamp", test_stamp);
#undef ADD
  g_test_add_func ("/file-writer/check-size", test_check_size);

  return g_test_run ();
}
