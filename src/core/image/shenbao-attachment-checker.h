/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gdk-pixbuf/gdk-pixbuf.h>

#include "shenbao-application.h"
#include "shenbao-catalogue.h"

G_BEGIN_DECLS

#define SHENBAO_TYPE_ATTACHMENT_CHECKER (shenbao_attachment_checker_get_type ())

G_DECLARE_FINAL_TYPE (ShenbaoAttachmentChecker, shenbao_attachment_checker, SHENBAO, ATTACHMENT_CHECKER, GObject)

/* Runs the checks of each attached file of an application (shenbao_slot_check)
 * and makes its thumbnail, in a worker thread as the attachments change: a
 * 12-megapixel phone photo takes a noticeable moment to decode, and typing
 * must not wait for it. The results are kept per slot name until the
 * attachment changes again; ::checked (the slot's name) says they are ready. */
ShenbaoAttachmentChecker *shenbao_attachment_checker_new             (ShenbaoCatalogue         *catalogue,
                                                                      int                       thumbnail_size);
void                      shenbao_attachment_checker_set_application (ShenbaoAttachmentChecker *self,
                                                                      ShenbaoApplication       *application);
/* TRUE while the slot's file is being checked. */
gboolean                  shenbao_attachment_checker_is_pending      (ShenbaoAttachmentChecker *self,
                                                                      const char               *slot);
/* The findings on the slot's file; NULL when nothing is attached or the
 * checks are still running. */
GPtrArray                *shenbao_attachment_checker_get_findings    (ShenbaoAttachmentChecker *self,
                                                                      const char               *slot);
/* The upright picture scaled into a square of thumbnail_size; NULL when
 * there is none (nothing attached, still running, or not a readable image). */
GdkPixbuf                *shenbao_attachment_checker_get_thumbnail   (ShenbaoAttachmentChecker *self,
                                                                      const char               *slot);

G_END_DECLS
