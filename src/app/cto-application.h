/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CTO_TYPE_APPLICATION (cto_application_get_type ())
G_DECLARE_FINAL_TYPE (CtoApplication, cto_application, CTO, APPLICATION, AdwApplication)

CtoApplication *cto_application_new (void);
/* Runs the application on @files (command-line arguments, may be empty). */
int             cto_application_run (CtoApplication     *self,
                                     const char * const *files);

G_END_DECLS
