/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * A recovery folder that cannot be written, for the tests of what happens
 * when the unsaved changes cannot be kept (a full disk, a broken folder):
 * the unit tests of the recovery and the window's.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A file stands where the recovery folder would be, so that no copy can be
 * written; what the folder held waits aside. Returns the folder's path. */
char *recovery_folder_block   (void);
/* The folder back as it was. Called also when the test ends (a test that
 * returns early or is skipped); a failed assertion ends the program, whose
 * folders were its own. */
void  recovery_folder_unblock (void);

G_END_DECLS
