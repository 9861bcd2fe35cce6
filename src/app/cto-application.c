/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-application"

#include "config.h"

#include <glib/gi18n.h>

#include "cto-application.h"

struct _CtoApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (CtoApplication, cto_application, ADW_TYPE_APPLICATION)

static void
cto_application_activate (GApplication *app)
{
  GtkWindow *window = GTK_WINDOW (adw_application_window_new (GTK_APPLICATION (app)));

  gtk_window_set_title (window, _("CTO Planner"));
  gtk_window_present (window);
}

static void
cto_application_class_init (CtoApplicationClass *klass)
{
  G_APPLICATION_CLASS (klass)->activate = cto_application_activate;
}

static void
cto_application_init (CtoApplication *self)
{
}

CtoApplication *
cto_application_new (void)
{
  return g_object_new (CTO_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       NULL);
}

int
cto_application_run (CtoApplication     *self,
                     const char * const *files)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();

  g_ptr_array_add (args, (char *) g_get_prgname ());
  for (guint i = 0; files != NULL && files[i] != NULL; i++)
    g_ptr_array_add (args, (char *) files[i]);
  g_ptr_array_add (args, NULL);

  return g_application_run (G_APPLICATION (self), (int) args->len - 1, (char **) args->pdata);
}
