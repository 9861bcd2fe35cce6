/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-planner"

#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "cto-application.h"
#include "cto-cli.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CtoApplication) app = NULL;
  g_auto(GStrv) files = NULL;
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_prgname ("cto-planner");

  /* The headless commands run here, before anything starts GTK. */
  status = cto_cli_run (argc, argv, &files);
  if (status >= 0)
    return status;

  app = cto_application_new ();
  return cto_application_run (app, (const char * const *) files);
}
