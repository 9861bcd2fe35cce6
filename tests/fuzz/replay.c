/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Runs a fuzz target's LLVMFuzzerTestOneInput() once on each file named on
 * the command line, so that the seed corpus and every input the fuzzers ever
 * found stay tests of the ordinary build, with any compiler. A target that
 * finds something wrong aborts, as it does under the fuzzer.
 */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include <glib.h>

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static gboolean
replay_file (const char *path)
{
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  if (!g_file_get_contents (path, &data, &length, &error))
    {
      g_printerr ("%s: %s\n", path, error->message);
      return FALSE;
    }

  LLVMFuzzerTestOneInput ((const uint8_t *) data, length);

  return TRUE;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Each argument is a file, or a folder whose files are each taken in turn. */
int
main (int   argc,
      char *argv[])
{
  guint n = 0;

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GDir) dir = NULL;
      g_autoptr(GPtrArray) names = NULL;
      const char *name;

      if (!g_file_test (argv[i], G_FILE_TEST_IS_DIR))
        {
          if (!replay_file (argv[i]))
            return 1;
          n++;
          continue;
        }

      dir = g_dir_open (argv[i], 0, NULL);
      if (dir == NULL)
        {
          g_printerr ("%s: cannot read the folder\n", argv[i]);
          return 1;
        }

      names = g_ptr_array_new_with_free_func (g_free);
      while ((name = g_dir_read_name (dir)) != NULL)
        g_ptr_array_add (names, g_build_filename (argv[i], name, NULL));
      g_ptr_array_sort (names, compare_names);

      for (guint j = 0; j < names->len; j++)
        {
          if (!g_file_test (g_ptr_array_index (names, j), G_FILE_TEST_IS_REGULAR))
            continue;
          if (!replay_file (g_ptr_array_index (names, j)))
            return 1;
          n++;
        }
    }

  g_print ("%u inputs, none failed\n", n);

  return n > 0 ? 0 : 1;
}
