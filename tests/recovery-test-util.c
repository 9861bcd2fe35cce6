/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>

#include <glib/gstdio.h>

#include "cto-recovery.h"
#include "recovery-test-util.h"

static char *blocked_folder;

static char *
dup_aside (const char *folder)
{
  return g_strconcat (folder, "-aside", NULL);
}

static void
unblock_cb (gpointer data)
{
  recovery_folder_unblock ();
}

char *
recovery_folder_block (void)
{
  g_autofree char *folder = cto_recovery_dup_folder ();
  g_autofree char *aside = dup_aside (folder);
  g_autoptr(GError) error = NULL;

  g_assert_null (blocked_folder);
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_cmpint (g_rename (folder, aside), ==, 0);
  blocked_folder = g_strdup (folder);
  g_test_queue_destroy (unblock_cb, NULL);
  g_file_set_contents (folder, "", 0, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&folder);
}

void
recovery_folder_unblock (void)
{
  g_autofree char *folder = g_steal_pointer (&blocked_folder);
  g_autofree char *aside = NULL;

  if (folder == NULL)
    return;

  aside = dup_aside (folder);
  if (g_unlink (folder) != 0)
    g_assert_cmpint (errno, ==, ENOENT);
  g_assert_cmpint (g_rename (aside, folder), ==, 0);
}
