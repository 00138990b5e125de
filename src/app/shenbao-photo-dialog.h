/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "shenbao.h"

G_BEGIN_DECLS

#define SHENBAO_TYPE_PHOTO_DIALOG (shenbao_photo_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ShenbaoPhotoDialog, shenbao_photo_dialog, SHENBAO, PHOTO_DIALOG, AdwWindow)

/* Crop-and-fix of the 1-inch photo attached to slot (guide §三.6): a 5:7 frame
 * over the photo, Fix runs shenbao_photo_fix and shows the result's size and
 * checks, Use This Photo puts it in the slot in place of the original. */
GtkWindow *shenbao_photo_dialog_new (GtkWindow          *parent,
                                     ShenbaoApplication *application,
                                     const char         *slot);

G_END_DECLS
