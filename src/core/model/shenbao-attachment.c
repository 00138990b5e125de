/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shenbao-attachment"

#include "config.h"

#include "shenbao-attachment.h"

G_DEFINE_BOXED_TYPE (ShenbaoAttachment, shenbao_attachment,
                     shenbao_attachment_copy, shenbao_attachment_free)

ShenbaoAttachment *
shenbao_attachment_new (const char *slot,
                        const char *filename,
                        GBytes     *data)
{
  ShenbaoAttachment *attachment = g_new0 (ShenbaoAttachment, 1);

  attachment->slot = g_strdup (slot);
  attachment->filename = g_strdup (filename);
  attachment->data = data != NULL ? g_bytes_ref (data) : NULL;
  return attachment;
}

ShenbaoAttachment *
shenbao_attachment_copy (const ShenbaoAttachment *attachment)
{
  ShenbaoAttachment *copy = shenbao_attachment_new (attachment->slot, attachment->filename,
                                                    attachment->data);

  copy->problem = g_strdup (attachment->problem);
  return copy;
}

void
shenbao_attachment_free (ShenbaoAttachment *attachment)
{
  if (attachment == NULL)
    return;
  g_free (attachment->slot);
  g_free (attachment->filename);
  g_free (attachment->problem);
  g_clear_pointer (&attachment->data, g_bytes_unref);
  g_free (attachment);
}
