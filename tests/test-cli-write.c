/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "cli-test-util.h"

/* Where an export may and may not go (PLAN-FORMAT.md, section 8). */

typedef struct
{
  char *dir;
  char *plan;       /* a copy of the example plan */
  char *original;   /* its bytes */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *example = g_test_build_filename (G_TEST_DIST, "..", "data", "examples",
                                                    "acme-robotics.ctoplan.json", NULL);

  f->dir = g_dir_make_tmp ("cto-cli-write-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
  f->plan = g_build_filename (f->dir, "plan.json", NULL);
  g_assert_true (g_file_get_contents (example, &f->original, NULL, NULL));
  g_assert_true (g_file_set_contents (f->plan, f->original, -1, NULL));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);

      if (g_rmdir (path) != 0)
        g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->plan);
  g_free (f->original);
}

static void
assert_plan_untouched (Fixture *f)
{
  g_autofree char *now = NULL;
  GStatBuf st;

  g_assert_cmpint (g_lstat (f->plan, &st), ==, 0);
  g_assert_true (S_ISREG (st.st_mode));
  g_assert_true (g_file_get_contents (f->plan, &now, NULL, NULL));
  g_assert_cmpstr (now, ==, f->original);
}

/* A message is one line, "cto-planner: OUT: WHAT", naming no temporary file. */
static void
assert_refusal (const CliRun *run,
                const char   *out,
                const char   *what)
{
  g_autofree char *prefix = g_strdup_printf ("cto-planner: %s: ", out);

  g_assert_cmpint (run->status, ==, 1);
  g_assert_cmpstr (run->out, ==, "");
  g_assert_true (g_str_has_prefix (run->err, prefix));
  g_assert_nonnull (strstr (run->err, what));
  g_assert_true (strchr (run->err, '\n') == run->err + strlen (run->err) - 1);
  /* After the name: what went wrong, with no other path in it. */
  g_assert_null (strchr (run->err + strlen (prefix), '/'));
}

static const char *formats[] = { "json", "csv", "markdown", "html", "pdf", "svg", "png", "odp", "pptx" };

/* The plan itself, by its own path, another path, a link or a hard link. */
static void
test_plan_itself (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *dotted = g_build_filename (f->dir, ".", "plan.json", NULL);
  g_autofree char *soft = g_build_filename (f->dir, "soft.json", NULL);
  g_autofree char *hard = g_build_filename (f->dir, "hard.json", NULL);
  const char *outs[] = { f->plan, dotted, soft, hard };

  g_assert_cmpint (symlink ("plan.json", soft), ==, 0);
  g_assert_cmpint (link (f->plan, hard), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    for (guint j = 0; j < G_N_ELEMENTS (outs); j++)
      {
        g_auto(CliRun) run = { 0 };

        CLI_RUN (&run, "--export", formats[i], "--output", outs[j], f->plan);
        assert_refusal (&run, outs[j], "the plan itself");
        assert_plan_untouched (f);
      }
}

/* The plan of --baseline, by its own path or a link: refused and kept as
 * the plan itself is. */
static void
test_baseline_itself (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *old = g_build_filename (f->dir, "old.json", NULL);
  g_autofree char *soft = g_build_filename (f->dir, "old-link.json", NULL);
  const char *outs[] = { old, soft };
  g_autofree char *kept = NULL;

  g_assert_true (g_file_set_contents (old, f->original, -1, NULL));
  g_assert_cmpint (symlink ("old.json", soft), ==, 0);

  for (guint j = 0; j < G_N_ELEMENTS (outs); j++)
    {
      g_auto(CliRun) run = { 0 };

      CLI_RUN (&run, "--export", "pdf", "--baseline", old, "--output", outs[j], f->plan);
      assert_refusal (&run, outs[j], "--baseline");
      g_assert_true (g_file_get_contents (old, &kept, NULL, NULL));
      g_assert_cmpstr (kept, ==, f->original);
      g_clear_pointer (&kept, g_free);
    }
}

/* No write permission bit for anyone: kept, even for root. */
static void
test_read_only (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *out = g_build_filename (f->dir, "board.pdf", NULL);
  g_autofree char *contents = NULL;
  g_auto(CliRun) run = { 0 };

  g_assert_true (g_file_set_contents (out, "last quarter's pack", -1, NULL));
  g_assert_cmpint (g_chmod (out, 0444), ==, 0);

  CLI_RUN (&run, "--export", "pdf", "--output", out, f->plan);
  assert_refusal (&run, out, "read-only");
  g_assert_true (g_file_get_contents (out, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "last quarter's pack");
}

static void
test_symlink_stays (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *real = g_build_filename (f->dir, "real.md", NULL);
  g_autofree char *link_path = g_build_filename (f->dir, "latest.md", NULL);
  g_autofree char *contents = NULL;
  g_auto(CliRun) run = { 0 };
  GStatBuf st;

  g_assert_true (g_file_set_contents (real, "old", -1, NULL));
  g_assert_cmpint (symlink ("real.md", link_path), ==, 0);

  CLI_RUN (&run, "--export", "markdown", "--output", link_path, f->plan);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpint (g_lstat (link_path, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  g_assert_true (g_file_get_contents (real, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "# "));
}

static void
test_not_a_file (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (f->dir, "folder", NULL);
  g_autofree char *fifo = g_build_filename (f->dir, "fifo", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "no-such-folder", "out.csv", NULL);
  g_auto(CliRun) dir_run = { 0 };
  g_auto(CliRun) fifo_run = { 0 };
  g_auto(CliRun) missing_run = { 0 };

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  g_assert_cmpint (mkfifo (fifo, 0644), ==, 0);

  CLI_RUN (&dir_run, "--export", "csv", "--output", folder, f->plan);
  assert_refusal (&dir_run, folder, "folder");

  /* Refused at once, never waited on. */
  CLI_RUN (&fifo_run, "--export", "csv", "--output", fifo, f->plan);
  assert_refusal (&fifo_run, fifo, "not a regular file");

  CLI_RUN (&missing_run, "--export", "csv", "--output", missing, f->plan);
  assert_refusal (&missing_run, missing, "No such file or directory");
}

/* Standard output is a pipe here, as in `cto-planner … --output /dev/stdout | less`:
 * a pipe is refused as one, not as a file that could not be made. */
static void
test_stdout_pipe (Fixture       *f,
                  gconstpointer  data)
{
  g_auto(CliRun) run = { 0 };

  CLI_RUN (&run, "--export", "csv", "--output", "/dev/stdout", f->plan);
  assert_refusal (&run, "/dev/stdout", "it is not a regular file");
}

/* Nothing but OUT appears in its folder, whatever the format. */
static void
test_no_leftovers (Fixture       *f,
                   gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *name = g_strdup_printf ("out.%s", formats[i]);
      g_autofree char *out = g_build_filename (f->dir, name, NULL);
      g_auto(CliRun) run = { 0 };
      g_autoptr(GDir) dir = NULL;
      const char *entry;
      guint n = 0;

      CLI_RUN (&run, "--export", formats[i], "--output", out, f->plan);
      g_assert_cmpint (run.status, ==, 0);

      dir = g_dir_open (f->dir, 0, NULL);
      while ((entry = g_dir_read_name (dir)) != NULL)
        {
          g_assert_false (g_str_has_prefix (entry, "."));
          n++;
        }
      g_assert_cmpuint (n, ==, i + 2);
      g_unlink (out);
      g_assert_true (g_file_set_contents (out, "", -1, NULL));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/cli-write/plan-itself", test_plan_itself);
  ADD ("/cli-write/read-only", test_read_only);
  ADD ("/cli-write/symlink-stays", test_symlink_stays);
  ADD ("/cli-write/not-a-file", test_not_a_file);
  ADD ("/cli-write/stdout-pipe", test_stdout_pipe);
  ADD ("/cli-write/baseline-itself", test_baseline_itself);
  ADD ("/cli-write/no-leftovers", test_no_leftovers);
#undef ADD

  return g_test_run ();
}
