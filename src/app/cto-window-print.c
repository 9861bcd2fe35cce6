/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-window"

#include "config.h"

#include <glib/gi18n.h>

#include "cto-board-pages.h"
#include "cto-window-private.h"

/* The pages of one print run, laid out for the printable area of the paper
 * chosen: how many there are depends on its shape. */
typedef struct
{
  CtoBoardPages *pages;
  double         width;
  double         height;
} PrintJob;

static void
print_job_free (gpointer data)
{
  PrintJob *job = data;

  g_clear_object (&job->pages);
  g_free (job);
}

static GtkPageSetup *
make_page_setup (void)
{
  GtkPageSetup *setup = gtk_page_setup_new ();

  /* The paper of the locale, turned as the board pages are. */
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_LANDSCAPE);

  return setup;
}

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                PrintJob          *job)
{
  job->width = gtk_print_context_get_width (context);
  job->height = gtk_print_context_get_height (context);
  gtk_print_operation_set_n_pages (operation,
                                   (int) cto_board_pages_get_n_pages (job->pages, job->width,
                                                                      job->height));
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              PrintJob          *job)
{
  cto_board_pages_draw_page (job->pages, gtk_print_context_get_cairo_context (context),
                             job->width, job->height, (guint) page);
}

static void
done_cb (GtkPrintOperation       *operation,
         GtkPrintOperationResult  result,
         CtoWindow               *self)
{
  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    {
      /* The next print starts from the choices of this one. */
      g_set_object (&self->print_settings, gtk_print_operation_get_print_settings (operation));
      g_set_object (&self->page_setup, gtk_print_operation_get_default_page_setup (operation));
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;

      gtk_print_operation_get_error (operation, &error);
      _cto_window_show_error (self, _("Could Not Print the Plan"),
                              error ? error->message : _("The printer refused the pages."));
    }
}

GtkPrintOperationResult
_cto_window_print (CtoWindow               *self,
                   GtkPrintOperationAction  action,
                   const char              *export_filename,
                   GError                 **error)
{
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) default_setup = NULL;
  PrintJob *job = g_new0 (PrintJob, 1);

  g_assert (CTO_IS_WINDOW (self));
  g_assert (action != GTK_PRINT_OPERATION_ACTION_EXPORT || export_filename != NULL);

  job->pages = cto_board_pages_new (_cto_window_get_day_analysis (self));
  cto_board_pages_set_baseline (job->pages, self->baseline);
  g_object_set_data_full (G_OBJECT (operation), "cto-print-job", job, print_job_free);

  if (self->page_setup == NULL)
    self->page_setup = make_page_setup ();

  gtk_print_operation_set_job_name (operation, cto_plan_get_title (self->plan));
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_default_page_setup (operation, self->page_setup);
  if (self->print_settings != NULL)
    gtk_print_operation_set_print_settings (operation, self->print_settings);
  if (export_filename != NULL)
    gtk_print_operation_set_export_filename (operation, export_filename);
  /* Exporting has no dialog to wait for. */
  gtk_print_operation_set_allow_async (operation, action != GTK_PRINT_OPERATION_ACTION_EXPORT);

  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), job);
  g_signal_connect_object (operation, "done", G_CALLBACK (done_cb), self, 0);

  return gtk_print_operation_run (operation, action, GTK_WINDOW (self), error);
}
