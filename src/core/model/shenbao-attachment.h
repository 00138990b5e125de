/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SHENBAO_TYPE_ATTACHMENT (shenbao_attachment_get_type ())

/* A file attached to an upload slot. The bytes are kept (and stored), so a
 * moved or deleted original loses nothing. data is NULL when an application
 * file names an attachment that could not be read; the rules report it, and
 * problem says why (missing, a link, too large…), when it is known. */
typedef struct
{
  char   *slot;       /* the slot's name as in the application file: 个人照片 … */
  char   *filename;   /* the original file's name, for display */
  GBytes *data;
  char   *problem;    /* why data is NULL, fit to show; NULL when not known */
} ShenbaoAttachment;

GType              shenbao_attachment_get_type (void) G_GNUC_CONST;
ShenbaoAttachment *shenbao_attachment_new      (const char        *slot,
                                                const char        *filename,
                                                GBytes            *data);
ShenbaoAttachment *shenbao_attachment_copy     (const ShenbaoAttachment *attachment);
void               shenbao_attachment_free     (ShenbaoAttachment *attachment);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShenbaoAttachment, shenbao_attachment_free)

G_END_DECLS
