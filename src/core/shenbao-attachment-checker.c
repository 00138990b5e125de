/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gio.h>

#include "shenbao-attachment-checker.h"
#include "shenbao-document-check.h"
#include "shenbao-image.h"

struct _ShenbaoAttachmentChecker
{
  GObject parent_instance;

  ShenbaoCatalogue *catalogue;
  int thumbnail_size;
  ShenbaoApplication *application;
  GHashTable *results;   /* slot name → Result */
};

G_DEFINE_FINAL_TYPE (ShenbaoAttachmentChecker, shenbao_attachment_checker, G_TYPE_OBJECT)

enum
{
  SIGNAL_CHECKED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* What a check of one file gave. data tells a stale answer from the
 * current one when the file was replaced while a worker was busy with it. */
typedef struct
{
  GBytes *data;
  GPtrArray *findings;   /* NULL while pending */
  GdkPixbuf *thumbnail;
} Result;

static void
result_free (Result *result)
{
  g_bytes_unref (result->data);
  g_clear_pointer (&result->findings, g_ptr_array_unref);
  g_clear_object (&result->thumbnail);
  g_free (result);
}

typedef struct
{
  char *slot;
  GBytes *data;
  const ShenbaoSlot *catalogue_slot;
  int thumbnail_size;
  GPtrArray *findings;
  GdkPixbuf *thumbnail;
} Job;

static void
job_free (Job *job)
{
  g_free (job->slot);
  g_bytes_unref (job->data);
  g_clear_pointer (&job->findings, g_ptr_array_unref);
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
  Job *job = task_data;

  job->findings = shenbao_slot_check (job->catalogue_slot, job->data);
  job->thumbnail = make_thumbnail (job->data, job->thumbnail_size);
  g_task_return_boolean (task, TRUE);
}

static void
check_done (GObject      *object,
            GAsyncResult *async_result,
            gpointer      user_data)
{
  ShenbaoAttachmentChecker *self = SHENBAO_ATTACHMENT_CHECKER (object);
  Job *job = g_task_get_task_data (G_TASK (async_result));
  Result *result = g_hash_table_lookup (self->results, job->slot);

  if (result == NULL || result->data != job->data)
    return;
  result->findings = g_steal_pointer (&job->findings);
  result->thumbnail = g_steal_pointer (&job->thumbnail);
  g_signal_emit (self, signals[SIGNAL_CHECKED], 0, job->slot);
}

static void
attachment_changed (ShenbaoAttachmentChecker *self,
                    const char               *slot_name)
{
  const ShenbaoAttachment *attachment = shenbao_application_get_attachment (self->application, slot_name);
  const ShenbaoSlot *slot = shenbao_catalogue_find_slot (self->catalogue, slot_name);
  Result *result = g_hash_table_lookup (self->results, slot_name);
  g_autoptr(GTask) task = NULL;
  Job *job;

  if (attachment != NULL && result != NULL && attachment->data == result->data)
    return;
  g_hash_table_remove (self->results, slot_name);
  /* An unreadable file and a name the catalogue does not know are the
   * rules' to report (attachment.unreadable); there is nothing to look at. */
  if (attachment == NULL || attachment->data == NULL || slot == NULL)
    {
      g_signal_emit (self, signals[SIGNAL_CHECKED], 0, slot_name);
      return;
    }

  result = g_new0 (Result, 1);
  result->data = g_bytes_ref (attachment->data);
  g_hash_table_insert (self->results, g_strdup (slot_name), result);

  job = g_new0 (Job, 1);
  job->slot = g_strdup (slot_name);
  job->data = g_bytes_ref (attachment->data);
  job->catalogue_slot = slot;
  job->thumbnail_size = self->thumbnail_size;
  task = g_task_new (self, NULL, check_done, NULL);
  g_task_set_source_tag (task, attachment_changed);
  /* The catalogue outlives the job: the task holds the checker, which
   * holds the catalogue. */
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, check_in_thread);
  g_signal_emit (self, signals[SIGNAL_CHECKED], 0, slot_name);
}

void
shenbao_attachment_checker_set_application (ShenbaoAttachmentChecker *self,
                                            ShenbaoApplication       *application)
{
  GPtrArray *attachments;

  g_return_if_fail (SHENBAO_IS_ATTACHMENT_CHECKER (self));
  g_return_if_fail (application == NULL || SHENBAO_IS_APPLICATION (application));

  if (self->application == application)
    return;
  if (self->application != NULL)
    g_signal_handlers_disconnect_by_data (self->application, self);
  g_set_object (&self->application, application);
  g_hash_table_remove_all (self->results);
  if (application == NULL)
    return;

  g_signal_connect_swapped (application, "attachment-changed", G_CALLBACK (attachment_changed), self);
  attachments = shenbao_application_get_attachments (application);
  for (guint i = 0; i < attachments->len; i++)
    attachment_changed (self, ((ShenbaoAttachment *) g_ptr_array_index (attachments, i))->slot);
}

static Result *
lookup (ShenbaoAttachmentChecker *self,
        const char               *slot)
{
  g_return_val_if_fail (SHENBAO_IS_ATTACHMENT_CHECKER (self), NULL);
  g_return_val_if_fail (slot != NULL, NULL);

  return g_hash_table_lookup (self->results, slot);
}

gboolean
shenbao_attachment_checker_is_pending (ShenbaoAttachmentChecker *self,
                                       const char               *slot)
{
  Result *result = lookup (self, slot);

  return result != NULL && result->findings == NULL;
}

GPtrArray *
shenbao_attachment_checker_get_findings (ShenbaoAttachmentChecker *self,
                                         const char               *slot)
{
  Result *result = lookup (self, slot);

  return result != NULL ? result->findings : NULL;
}

GdkPixbuf *
shenbao_attachment_checker_get_thumbnail (ShenbaoAttachmentChecker *self,
                                          const char               *slot)
{
  Result *result = lookup (self, slot);

  return result != NULL ? result->thumbnail : NULL;
}

ShenbaoAttachmentChecker *
shenbao_attachment_checker_new (ShenbaoCatalogue *catalogue,
                                int               thumbnail_size)
{
  ShenbaoAttachmentChecker *self;

  g_return_val_if_fail (SHENBAO_IS_CATALOGUE (catalogue), NULL);
  g_return_val_if_fail (thumbnail_size > 0, NULL);

  self = g_object_new (SHENBAO_TYPE_ATTACHMENT_CHECKER, NULL);
  self->catalogue = g_object_ref (catalogue);
  self->thumbnail_size = thumbnail_size;
  return self;
}

static void
shenbao_attachment_checker_dispose (GObject *object)
{
  ShenbaoAttachmentChecker *self = SHENBAO_ATTACHMENT_CHECKER (object);

  shenbao_attachment_checker_set_application (self, NULL);
  g_clear_object (&self->catalogue);
  G_OBJECT_CLASS (shenbao_attachment_checker_parent_class)->dispose (object);
}

static void
shenbao_attachment_checker_finalize (GObject *object)
{
  ShenbaoAttachmentChecker *self = SHENBAO_ATTACHMENT_CHECKER (object);

  g_hash_table_unref (self->results);
  G_OBJECT_CLASS (shenbao_attachment_checker_parent_class)->finalize (object);
}

static void
shenbao_attachment_checker_class_init (ShenbaoAttachmentCheckerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = shenbao_attachment_checker_dispose;
  object_class->finalize = shenbao_attachment_checker_finalize;

  /* A slot's results changed: checks started (pending), finished, or the
   * file went away. */
  signals[SIGNAL_CHECKED] =
    g_signal_new ("checked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
shenbao_attachment_checker_init (ShenbaoAttachmentChecker *self)
{
  self->results = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) result_free);
}
