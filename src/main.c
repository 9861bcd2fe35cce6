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
  const char *localedir;
  int status;

  setlocale (LC_ALL, "");
  /* CTO_PLANNER_LOCALEDIR runs the program uninstalled in another language:
   * it names a folder of <lang>/LC_MESSAGES/cto-planner.mo, such as the po
   * folder of a build, to use instead of the installed catalogs. */
  localedir = g_getenv ("CTO_PLANNER_LOCALEDIR");
  if (localedir == NULL || *localedir == '\0')
    localedir = LOCALEDIR;
  bindtextdomain (GETTEXT_PACKAGE, localedir);
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
