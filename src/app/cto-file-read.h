/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cto-plan.h"

G_BEGIN_DECLS

#define CTO_TYPE_FILE_READ (cto_file_read_get_type ())
G_DECLARE_FINAL_TYPE (CtoFileRead, cto_file_read, CTO, FILE_READ, GObject)

/* Starts reading the plan of @file in a thread, at once. */
CtoFileRead *cto_file_read_new          (GFile               *file);
GFile       *cto_file_read_get_file     (CtoFileRead         *self);
/* Gives up reading: a wait not yet over ends with G_IO_ERROR_CANCELLED. */
void         cto_file_read_cancel       (CtoFileRead         *self);
/* Calls @callback once the file is read (in an idle of the thread-default
 * main context when it already is). Any number may wait. */
void         cto_file_read_wait_async   (CtoFileRead         *self,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
/* The plan read, or %NULL with why not. */
CtoPlan     *cto_file_read_wait_finish  (CtoFileRead         *self,
                                         GAsyncResult        *result,
                                         GError             **error);

G_END_DECLS
