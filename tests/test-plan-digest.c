/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "cto-plan-io.h"

/* The digest that tells whether a plan's file still holds what was read or
 * written there: the same for the same bytes, another for any byte changed,
 * added or taken away, and the same whether the bytes come from a file read
 * as a plan or from memory. */

static const char plan_text[] =
  "{\n"
  "  \"format\": \"cto-planner-plan\",\n"
  "  \"version\": 1,\n"
  "  \"title\": \"Digest\",\n"
  "  \"people\": [ { \"id\": \"ana\", \"name\": \"Ana\" } ],\n"
  "  \"responsibilities\": []\n"
  "}\n";

static void
test_bytes (void)
{
  gsize length = strlen (plan_text);
  guint64 digest = cto_plan_io_digest (plan_text, length);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autofree char *copy = g_strdup (plan_text);

  g_assert_cmpuint (cto_plan_io_digest (copy, length), ==, digest);

  /* Each byte changed by one bit, at every position (both in the part read
   * eight bytes at a time and in the tail), gives a digest of its own. */
  for (gsize i = 0; i < length; i++)
    for (guint bit = 0; bit < 8; bit++)
      {
        gint64 *changed = g_new (gint64, 1);

        copy[i] ^= (char) (1 << bit);
        *changed = (gint64) cto_plan_io_digest (copy, length);
        copy[i] ^= (char) (1 << bit);
        g_assert_cmpuint ((guint64) *changed, !=, digest);
        g_assert_false (g_hash_table_contains (seen, changed));
        g_hash_table_add (seen, changed);
      }

  /* Every prefix differs from the whole and from the others, a trailing
   * zero byte too. */
  for (gsize n = 0; n < length; n++)
    g_assert_cmpuint (cto_plan_io_digest (plan_text, n), !=, digest);
  g_assert_cmpuint (cto_plan_io_digest (plan_text, length + 1), !=, digest);
  g_assert_cmpuint (cto_plan_io_digest (NULL, 0), ==, cto_plan_io_digest ("", 0));
}

static void
test_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("digest-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "plan.ctoplan.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(CtoPlan) plan = NULL;
  guint64 read_digest = 0;
  guint64 file_digest = 0;

  g_assert_true (g_file_set_contents (path, plan_text, -1, NULL));
  plan = cto_plan_io_load_file_digest (file, NULL, &read_digest, &error);
  g_assert_no_error (error);
  g_assert_nonnull (plan);
  g_assert_cmpuint (read_digest, ==, cto_plan_io_digest (plan_text, strlen (plan_text)));

  g_assert_true (cto_plan_io_digest_file (file, NULL, &file_digest, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (file_digest, ==, read_digest);

  /* Not a file: no digest, and why. */
  g_assert_false (cto_plan_io_digest_file (folder, NULL, &file_digest, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);

  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plan-digest/bytes", test_bytes);
  g_test_add_func ("/plan-digest/file", test_file);

  return g_test_run ();
}
