/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-application"

#include "config.h"

#include <glib/gi18n.h>

#include "cto-application.h"
#include "cto-file-read.h"
#include "cto-recovery-dialog.h"
#include "cto-window.h"

struct _CtoApplication
{
  AdwApplication parent_instance;

  gboolean       recovery_offered;
  GPtrArray     *arguments;     /* the files of the command line, or NULL */
  GPtrArray     *reads;         /* CtoFileRead* of those files, until opened */
};

G_DEFINE_FINAL_TYPE (CtoApplication, cto_application, ADW_TYPE_APPLICATION)

/* Every keyboard accelerator of the application, in one place. */
static const struct
{
  const char *action;
  const char *accels[3];
} accelerators[] = {
  { "app.new", { "<Control>n", NULL } },
  { "app.quit", { "<Control>q", NULL } },
  { "win.open", { "<Control>o", NULL } },
  { "win.save", { "<Control>s", NULL } },
  { "win.save-as", { "<Control><Shift>s", NULL } },
  { "win.print", { "<Control>p", NULL } },
  { "win.present", { "F5", NULL } },
  { "win.close", { "<Control>w", NULL } },
  { "win.undo", { "<Control>z", NULL } },
  { "win.redo", { "<Control><Shift>z", NULL } },
  { "win.find", { "<Control>f", NULL } },
  { "win.add-responsibility", { "<Control><Shift>r", NULL } },
  { "win.add-person", { "<Control><Shift>p", NULL } },
  { "win.show-help-overlay", { "<Control>question", NULL } },
};

static void
new_activated_cb (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  CtoWindow *window = cto_window_new (GTK_APPLICATION (user_data));

  gtk_window_present (GTK_WINDOW (window));
}

static void
quit_activated_cb (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (app));

  /* Each window asks about its own unsaved changes; the application ends
   * when the last one has closed. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
}

static void
about_activated_cb (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GtkWindow *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "modal", TRUE,
                        "application-name", _("CTO Planner"),
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "comments", _("Decide who carries which technology responsibilities"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (about);
}

static const GActionEntry app_actions[] = {
  { .name = "new", .activate = new_activated_cb },
  { .name = "quit", .activate = quit_activated_cb },
  { .name = "about", .activate = about_activated_cb },
};

static void
load_icon_theme_thread (GTask        *task,
                        gpointer      source_object,
                        gpointer      task_data,
                        GCancellable *cancellable)
{
  /* A lookup from a thread is one that GTK allows: it loads the themes. */
  gtk_icon_theme_has_icon (GTK_ICON_THEME (task_data), "open-menu-symbolic");
  g_task_return_boolean (task, TRUE);
}

/* Has the icon theme loaded in a thread, if it is not loaded yet (see the
 * startup): then it is ready by the time the window shows, not loaded on
 * the main thread with the first icon drawn. */
static void
load_icon_theme (void)
{
  GdkDisplay *display = gdk_display_get_default ();
  g_autoptr(GTask) task = NULL;

  if (display == NULL)
    return;

  task = g_task_new (NULL, NULL, NULL, NULL);
  g_task_set_task_data (task, g_object_ref (gtk_icon_theme_get_for_display (display)), g_object_unref);
  g_task_run_in_thread (task, load_icon_theme_thread);
}

/* The application's style sheet. It is loaded here, not by AdwApplication
 * from a resource base path, for which GtkApplication would add a folder
 * of icons to the icon theme (see the startup). */
static void
load_style (void)
{
  g_autoptr(GtkCssProvider) style = gtk_css_provider_new ();
  GdkDisplay *display = gdk_display_get_default ();

  if (display == NULL)
    return;

  gtk_css_provider_load_from_resource (style, RESOURCE_BASE_PATH "/style.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (style),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
cto_application_startup (GApplication *app)
{
  CtoApplication *self = CTO_APPLICATION (app);

  /* This is the instance that will open the files of its command line:
   * they are read while GTK and the window are set up. */
  if (self->arguments != NULL)
    {
      self->reads = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = 0; i < self->arguments->len; i++)
        {
          g_autoptr(GFile) file = g_file_new_for_commandline_arg (g_ptr_array_index (self->arguments, i));

          g_ptr_array_add (self->reads, cto_file_read_new (file));
        }
    }

  /* GTK starts loading the icon theme in a thread as soon as the theme is
   * made; a folder of icons added later waits for that load to end, and
   * throws it away. libadwaita adds its folder in adw_init (): called
   * first, it makes the theme and adds its folder at once, mostly before
   * the load has started, and the one load serves the whole run. The
   * application has no icons of its own, so no resource base path, from
   * which GtkApplication would add one more folder later. Measured with
   * bench-window's children side by side, this takes about 3 ms off the
   * start. Should the load have started first, it is started again. */
  adw_init ();

  G_APPLICATION_CLASS (cto_application_parent_class)->startup (app);
  load_style ();
  load_icon_theme ();

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);

  for (guint i = 0; i < G_N_ELEMENTS (accelerators); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app),
                                           accelerators[i].action,
                                           accelerators[i].accels);
}

static void offer_recovery (CtoApplication *self,
                            CtoWindow      *window);

static void
window_mapped_cb (CtoWindow      *window,
                  CtoApplication *self)
{
  g_signal_handlers_disconnect_by_func (window, window_mapped_cb, self);
  offer_recovery (self, window);
}

/* Once, when the first window is up: a later activation (another start
 * handing over to this one) has nothing of its own to restore. A window
 * still reading its plan is not up yet. */
static void
offer_recovery (CtoApplication *self,
                CtoWindow      *window)
{
  if (self->recovery_offered)
    return;

  if (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    {
      g_signal_connect (window, "map", G_CALLBACK (window_mapped_cb), self);
      return;
    }

  self->recovery_offered = TRUE;
  cto_recovery_dialog_offer (window);
}

static void
cto_application_activate (GApplication *app)
{
  CtoWindow *window = cto_window_new (GTK_APPLICATION (app));

  gtk_window_present (GTK_WINDOW (window));
  offer_recovery (CTO_APPLICATION (app), window);
}

/* The read of @file started at startup, or a new one. */
static CtoFileRead *
take_read (CtoApplication *self,
           GFile          *file)
{
  for (guint i = 0; self->reads != NULL && i < self->reads->len; i++)
    {
      CtoFileRead *read = g_ptr_array_index (self->reads, i);

      if (g_file_equal (cto_file_read_get_file (read), file))
        return g_ptr_array_steal_index (self->reads, i);
    }

  return cto_file_read_new (file);
}

static void
cto_application_open (GApplication  *app,
                      GFile        **files,
                      int            n_files,
                      const char    *hint)
{
  for (int i = 0; i < n_files; i++)
    {
      g_autoptr(CtoFileRead) read = take_read (CTO_APPLICATION (app), files[i]);
      CtoWindow *window = cto_window_new_for_read (GTK_APPLICATION (app), read);

      cto_window_present_when_read (window);
      if (i == n_files - 1)
        offer_recovery (CTO_APPLICATION (app), window);
    }

  /* Read ahead for nothing: not asked for again. */
  g_clear_pointer (&CTO_APPLICATION (app)->reads, g_ptr_array_unref);
}

static void
cto_application_finalize (GObject *object)
{
  CtoApplication *self = (CtoApplication *) object;

  g_clear_pointer (&self->arguments, g_ptr_array_unref);
  g_clear_pointer (&self->reads, g_ptr_array_unref);

  G_OBJECT_CLASS (cto_application_parent_class)->finalize (object);
}

static void
cto_application_class_init (CtoApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = cto_application_finalize;

  app_class->startup = cto_application_startup;
  app_class->activate = cto_application_activate;
  app_class->open = cto_application_open;
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
                       "resource-base-path", NULL,
                       NULL);
}

int
cto_application_run (CtoApplication     *self,
                     const char * const *files)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();

  g_return_val_if_fail (CTO_IS_APPLICATION (self), 1);

  g_ptr_array_add (args, (char *) g_get_prgname ());
  for (guint i = 0; files != NULL && files[i] != NULL; i++)
    g_ptr_array_add (args, (char *) files[i]);
  g_ptr_array_add (args, NULL);

  g_clear_pointer (&self->arguments, g_ptr_array_unref);
  if (files != NULL && files[0] != NULL)
    {
      self->arguments = g_ptr_array_new_with_free_func (g_free);
      for (guint i = 0; files[i] != NULL; i++)
        g_ptr_array_add (self->arguments, g_strdup (files[i]));
    }

  return g_application_run (G_APPLICATION (self), (int) args->len - 1, (char **) args->pdata);
}
