/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shenbao-attachment-checker"

#include "config.h"

#include <gio/gio.h>

#include "shenbao-async.h"
#include "shenbao-attachment-checker.h"

struct _ShenbaoAttachmentChecker
{
  GObject parent_instance;

  ShenbaoCatalogue *catalogue;
  int thumbnail_size;
  ShenbaoApplication *application;
  GHashTable *results;   /* slot name → Result */
  GCancellable *cancellable;   /* the checks of application's files */
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

/* A check on its way, for the slot's file data. */
typedef struct
{
  ShenbaoAttachmentChecker *self;
  char *slot;
  GBytes *data;
} Job;

static void
job_free (Job *job)
{
  g_free (job->slot);
  g_bytes_unref (job->data);
  g_free (job);
}

static void
check_done (GObject      *object,
            GAsyncResult *async_result,
            gpointer      user_data)
{
  Job *job = user_data;
  g_autoptr(GdkPixbuf) thumbnail = NULL;
  g_autoptr(GPtrArray) findings = shenbao_slot_check_finish (async_result, &thumbnail, NULL);
  Result *result;

  /* Cancelled: the checker let go of the application, or is gone. */
  if (findings == NULL)
    {
      job_free (job);
      return;
    }
  result = g_hash_table_lookup (job->self->results, job->slot);
  if (result != NULL && result->data == job->data)
    {
      result->findings = g_steal_pointer (&findings);
      result->thumbnail = g_steal_pointer (&thumbnail);
      g_signal_emit (job->self, signals[SIGNAL_CHECKED], 0, job->slot);
    }
  job_free (job);
}

static void
attachment_changed (ShenbaoAttachmentChecker *self,
                    const char               *slot_name)
{
  const ShenbaoAttachment *attachment = shenbao_application_get_attachment (self->application, slot_name);
  const ShenbaoSlot *slot = shenbao_catalogue_find_slot (self->catalogue, slot_name);
  Result *result = g_hash_table_lookup (self->results, slot_name);
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
  job->self = self;
  job->slot = g_strdup (slot_name);
  job->data = g_bytes_ref (attachment->data);
  shenbao_slot_check_async (self->catalogue, slot->name, attachment->data, self->thumbnail_size,
                            self->cancellable, check_done, job);
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
  /* What is still being checked belongs to the application let go of. */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (application == NULL)
    return;
  self->cancellable = g_cancellable_new ();

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
