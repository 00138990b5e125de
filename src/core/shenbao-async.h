/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "shenbao-application.h"
#include "shenbao-catalogue.h"
#include "shenbao-documents.h"
#include "shenbao-export.h"
#include "shenbao-photo.h"

G_BEGIN_DECLS

/* The core's slow work as GIO asynchronous calls, for a program that must
 * stay responsive meanwhile: each runs in a worker thread on what it was
 * given when it was called (an application is copied then, so the candidate
 * may type on) and calls back in the caller's thread-default main context.
 * Cancelling stops the waiting: the callback comes at once with
 * G_IO_ERROR_CANCELLED, and whatever the worker still makes is dropped. */

/* shenbao_document_render_to_file(), or with SHENBAO_N_DOCUMENTS
 * shenbao_documents_render_all() into path as a folder. _finish gives the
 * warnings (translated sentences, may be empty). */
void        shenbao_document_render_async   (ShenbaoDocument        document,
                                             ShenbaoApplication    *application,
                                             const char            *path,
                                             GCancellable          *cancellable,
                                             GAsyncReadyCallback    callback,
                                             gpointer               user_data);
gboolean    shenbao_document_render_finish  (GAsyncResult          *result,
                                             GPtrArray            **warnings,
                                             GError               **error);

/* shenbao_export_write(); _finish returns what was written and gives the
 * problems the manifest lists (ShenbaoFinding). */
void        shenbao_export_write_async      (ShenbaoApplication    *application,
                                             const char            *out_dir,
                                             ShenbaoExportFlags     flags,
                                             gsize                  max_bytes,
                                             GCancellable          *cancellable,
                                             GAsyncReadyCallback    callback,
                                             gpointer               user_data);
char       *shenbao_export_write_finish     (GAsyncResult          *result,
                                             GPtrArray            **problems,
                                             GError               **error);

/* shenbao_photo_fix() (crop may be NULL), then shenbao_photo_check() on the
 * result, as the export will check it. */
void        shenbao_photo_fix_async         (GBytes                *data,
                                             const ShenbaoPhotoCrop *crop,
                                             GCancellable          *cancellable,
                                             GAsyncReadyCallback    callback,
                                             gpointer               user_data);
GBytes     *shenbao_photo_fix_finish        (GAsyncResult          *result,
                                             ShenbaoPhotoFixReport *report,
                                             GPtrArray            **checks,
                                             GError               **error);

/* shenbao_slot_check() of the catalogue's slot on data, and the upright
 * picture scaled into a square of thumbnail_size (NULL when data is not a
 * readable image). Fails only when cancelled. */
void        shenbao_slot_check_async        (ShenbaoCatalogue      *catalogue,
                                             const char            *slot,
                                             GBytes                *data,
                                             int                    thumbnail_size,
                                             GCancellable          *cancellable,
                                             GAsyncReadyCallback    callback,
                                             gpointer               user_data);
GPtrArray  *shenbao_slot_check_finish       (GAsyncResult          *result,
                                             GdkPixbuf            **thumbnail,
                                             GError               **error);

/* shenbao_image_read_file() on a local file; fails, saying so, for a file
 * that is not on this computer. */
void        shenbao_image_read_file_async   (GFile                 *file,
                                             GCancellable          *cancellable,
                                             GAsyncReadyCallback    callback,
                                             gpointer               user_data);
GBytes     *shenbao_image_read_file_finish  (GAsyncResult          *result,
                                             GError               **error);

G_END_DECLS
