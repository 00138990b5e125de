/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shenbao-async"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "shenbao-async.h"
#include "shenbao-document-check.h"
#include "shenbao-error.h"
#include "shenbao-finding.h"
#include "shenbao-image.h"

/* Runs thread in a worker with job as the task's data. No source object
 * (the caller's widget may be gone by the time the worker ends: it cancels
 * instead), and a cancel returns at once, the worker's late answer being
 * ignored by GTask. */
static void
run_job (const char         *name,
         gpointer            job,
         GDestroyNotify      job_free,
         gpointer            source_tag,
         GTaskThreadFunc     thread,
         GCancellable       *cancellable,
         GAsyncReadyCallback callback,
         gpointer            user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_name (task, name);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, job, job_free);
  g_task_set_return_on_cancel (task, TRUE);
  g_debug ("%s: started", name);
  g_task_run_in_thread (task, thread);
}

/* What the worker returned, with its job for the rest of the answer; NULL
 * (with the error) when it failed or was cancelled. */
static gpointer
finish_job (GAsyncResult *result,
            gpointer      source_tag,
            gpointer     *job,
            GError      **error)
{
  GError *failure = NULL;
  gpointer answer;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  *job = g_task_get_task_data (G_TASK (result));
  answer = g_task_propagate_pointer (G_TASK (result), &failure);
  g_debug ("%s: %s", g_task_get_name (G_TASK (result)), failure != NULL ? failure->message : "done");
  if (failure != NULL)
    g_propagate_error (error, failure);
  return answer;
}

/* —— documents and the upload package —— */

typedef struct
{
  ShenbaoApplication *application;
  ShenbaoDocument document;
  char *path;
  ShenbaoExportFlags flags;
  gsize max_bytes;
  GPtrArray *messages;   /* warnings (char *) or problems (ShenbaoFinding) */
} WriteJob;

static void
write_job_free (WriteJob *job)
{
  g_object_unref (job->application);
  g_free (job->path);
  g_ptr_array_unref (job->messages);
  g_free (job);
}

static WriteJob *
write_job_new (ShenbaoApplication *application,
               const char         *path,
               GPtrArray          *messages)
{
  WriteJob *job = g_new0 (WriteJob, 1);

  job->application = shenbao_application_copy (application);
  job->path = g_strdup (path);
  job->messages = messages;
  return job;
}

static void
render_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  WriteJob *job = task_data;
  GError *error = NULL;
  ShenbaoCatalogue *catalogue = shenbao_catalogue_get_default (&error);
  gboolean rendered = catalogue != NULL
    && (job->document == SHENBAO_N_DOCUMENTS
          ? shenbao_documents_render_all (job->application, catalogue, job->path, job->messages, &error)
          : shenbao_document_render_to_file (job->document, job->application, catalogue, job->path,
                                             job->messages, &error));

  if (!rendered)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_ptr_array_ref (job->messages), (GDestroyNotify) g_ptr_array_unref);
}

void
shenbao_document_render_async (ShenbaoDocument     document,
                               ShenbaoApplication *application,
                               const char         *path,
                               GCancellable       *cancellable,
                               GAsyncReadyCallback callback,
                               gpointer            user_data)
{
  WriteJob *job;

  g_return_if_fail (document <= SHENBAO_N_DOCUMENTS);
  g_return_if_fail (SHENBAO_IS_APPLICATION (application));
  g_return_if_fail (path != NULL);

  job = write_job_new (application, path, g_ptr_array_new_with_free_func (g_free));
  job->document = document;
  run_job ("render", job, (GDestroyNotify) write_job_free, shenbao_document_render_async, render_in_thread,
           cancellable, callback, user_data);
}

gboolean
shenbao_document_render_finish (GAsyncResult *result,
                                GPtrArray   **warnings,
                                GError      **error)
{
  WriteJob *job;
  g_autoptr(GPtrArray) messages = finish_job (result, shenbao_document_render_async, (gpointer *) &job, error);

  if (messages == NULL)
    return FALSE;
  if (warnings != NULL)
    *warnings = g_steal_pointer (&messages);
  return TRUE;
}

static void
export_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  WriteJob *job = task_data;
  GError *error = NULL;
  ShenbaoCatalogue *catalogue = shenbao_catalogue_get_default (&error);
  char *written = NULL;

  if (catalogue == NULL
      || !shenbao_export_write (job->application, catalogue, job->path, job->flags, job->max_bytes,
                                &written, job->messages, &error))
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, written, g_free);
}

void
shenbao_export_write_async (ShenbaoApplication *application,
                            const char         *out_dir,
                            ShenbaoExportFlags  flags,
                            gsize               max_bytes,
                            GCancellable       *cancellable,
                            GAsyncReadyCallback callback,
                            gpointer            user_data)
{
  WriteJob *job;

  g_return_if_fail (SHENBAO_IS_APPLICATION (application));
  g_return_if_fail (out_dir != NULL);

  job = write_job_new (application, out_dir, shenbao_findings_new ());
  job->flags = flags;
  job->max_bytes = max_bytes;
  run_job ("export", job, (GDestroyNotify) write_job_free, shenbao_export_write_async, export_in_thread,
           cancellable, callback, user_data);
}

char *
shenbao_export_write_finish (GAsyncResult *result,
                             GPtrArray   **problems,
                             GError      **error)
{
  WriteJob *job;
  char *written = finish_job (result, shenbao_export_write_async, (gpointer *) &job, error);

  if (written == NULL)
    return NULL;
  if (problems != NULL)
    *problems = g_ptr_array_ref (job->messages);
  return written;
}

/* —— photos and attachments —— */

typedef struct
{
  GBytes *data;
  gboolean has_crop;
  ShenbaoPhotoCrop crop;
  ShenbaoPhotoFixReport report;
  GPtrArray *checks;
} FixJob;

static void
fix_job_free (FixJob *job)
{
  g_bytes_unref (job->data);
  g_clear_pointer (&job->checks, g_ptr_array_unref);
  g_free (job);
}

static void
fix_in_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  FixJob *job = task_data;
  GError *error = NULL;
  GBytes *fixed = shenbao_photo_fix (job->data, job->has_crop ? &job->crop : NULL, &job->report, &error);

  if (fixed == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  job->checks = shenbao_photo_check (fixed);
  g_task_return_pointer (task, fixed, (GDestroyNotify) g_bytes_unref);
}

void
shenbao_photo_fix_async (GBytes                 *data,
                         const ShenbaoPhotoCrop *crop,
                         GCancellable           *cancellable,
                         GAsyncReadyCallback     callback,
                         gpointer                user_data)
{
  FixJob *job;

  g_return_if_fail (data != NULL);

  job = g_new0 (FixJob, 1);
  job->data = g_bytes_ref (data);
  job->has_crop = crop != NULL;
  if (crop != NULL)
    job->crop = *crop;
  run_job ("photo fix", job, (GDestroyNotify) fix_job_free, shenbao_photo_fix_async, fix_in_thread,
           cancellable, callback, user_data);
}

GBytes *
shenbao_photo_fix_finish (GAsyncResult          *result,
                          ShenbaoPhotoFixReport *report,
                          GPtrArray            **checks,
                          GError               **error)
{
  FixJob *job;
  GBytes *fixed = finish_job (result, shenbao_photo_fix_async, (gpointer *) &job, error);

  if (fixed == NULL)
    return NULL;
  if (report != NULL)
    *report = job->report;
  if (checks != NULL)
    *checks = g_ptr_array_ref (job->checks);
  return fixed;
}

typedef struct
{
  ShenbaoCatalogue *catalogue;
  char *slot;
  GBytes *data;
  int thumbnail_size;
  GdkPixbuf *thumbnail;
} CheckJob;

static void
check_job_free (CheckJob *job)
{
  g_object_unref (job->catalogue);
  g_free (job->slot);
  g_bytes_unref (job->data);
  g_clear_object (&job->thumbnail);
  g_free (job);
}

static GdkPixbuf *
make_thumbnail (GBytes *data,
                int     size)
{
  ShenbaoImageInfo info;
  g_autoptr(GdkPixbuf) upright = NULL;
  int width, height;
  double scale;

  if (!shenbao_image_probe (data, &info, NULL))
    return NULL;
  shenbao_image_info_get_upright_size (&info, &width, &height);
  scale = MIN (1.0, (double) size / MAX (width, height));
  upright = shenbao_image_load (data, scale, NULL);
  if (upright == NULL)
    return NULL;
  width = gdk_pixbuf_get_width (upright);
  height = gdk_pixbuf_get_height (upright);
  scale = MIN (1.0, (double) size / MAX (width, height));
  return gdk_pixbuf_scale_simple (upright, MAX (1, (int) (width * scale + 0.5)),
                                  MAX (1, (int) (height * scale + 0.5)), GDK_INTERP_BILINEAR);
}

static void
check_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  CheckJob *job = task_data;
  const ShenbaoSlot *slot = shenbao_catalogue_find_slot (job->catalogue, job->slot);
  GPtrArray *findings = shenbao_slot_check (slot, job->data);

  job->thumbnail = make_thumbnail (job->data, job->thumbnail_size);
  g_task_return_pointer (task, findings, (GDestroyNotify) g_ptr_array_unref);
}

void
shenbao_slot_check_async (ShenbaoCatalogue   *catalogue,
                          const char         *slot,
                          GBytes             *data,
                          int                 thumbnail_size,
                          GCancellable       *cancellable,
                          GAsyncReadyCallback callback,
                          gpointer            user_data)
{
  CheckJob *job;

  g_return_if_fail (SHENBAO_IS_CATALOGUE (catalogue));
  g_return_if_fail (shenbao_catalogue_find_slot (catalogue, slot) != NULL);
  g_return_if_fail (data != NULL);
  g_return_if_fail (thumbnail_size > 0);

  job = g_new0 (CheckJob, 1);
  job->catalogue = g_object_ref (catalogue);
  job->slot = g_strdup (slot);
  job->data = g_bytes_ref (data);
  job->thumbnail_size = thumbnail_size;
  run_job ("attachment check", job, (GDestroyNotify) check_job_free, shenbao_slot_check_async, check_in_thread,
           cancellable, callback, user_data);
}

GPtrArray *
shenbao_slot_check_finish (GAsyncResult *result,
                           GdkPixbuf   **thumbnail,
                           GError      **error)
{
  CheckJob *job;
  GPtrArray *findings = finish_job (result, shenbao_slot_check_async, (gpointer *) &job, error);

  if (findings == NULL)
    return NULL;
  if (thumbnail != NULL)
    *thumbnail = job->thumbnail != NULL ? g_object_ref (job->thumbnail) : NULL;
  return findings;
}

static void
read_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GFile *file = task_data;
  g_autofree char *path = g_file_get_path (file);
  GError *error = NULL;
  GBytes *data;

  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_task_return_new_error (task, SHENBAO_ERROR, SHENBAO_ERROR_IO,
                               _("“%s” is not a file on this computer: save it to a folder first"), uri);
      return;
    }
  data = shenbao_image_read_file (path, &error);
  if (data == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, data, (GDestroyNotify) g_bytes_unref);
}

void
shenbao_image_read_file_async (GFile              *file,
                               GCancellable       *cancellable,
                               GAsyncReadyCallback callback,
                               gpointer            user_data)
{

  g_return_if_fail (G_IS_FILE (file));

  run_job ("file read", g_object_ref (file), g_object_unref, shenbao_image_read_file_async, read_in_thread,
           cancellable, callback, user_data);
}

GBytes *
shenbao_image_read_file_finish (GAsyncResult *result,
                                GError      **error)
{
  GFile *file;

  return finish_job (result, shenbao_image_read_file_async, (gpointer *) &file, error);
}
