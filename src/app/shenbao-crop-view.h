/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "shenbao.h"

G_BEGIN_DECLS

#define SHENBAO_TYPE_CROP_VIEW (shenbao_crop_view_get_type ())

G_DECLARE_FINAL_TYPE (ShenbaoCropView, shenbao_crop_view, SHENBAO, CROP_VIEW, GtkWidget)

/* A picture with a 5:7 frame over it that the candidate moves (drag, arrow
 * keys) and resizes (the frame's corner, the scroll wheel, + and -). The
 * frame is kept in the full picture's pixels, whatever size the preview
 * is shown at. ::crop-changed says it moved. */
GtkWidget *shenbao_crop_view_new       (void);
/* preview: the upright picture, possibly scaled down from full_width ×
 * full_height. The frame starts as the largest centred 5:7 rectangle. */
void       shenbao_crop_view_set_image (ShenbaoCropView  *self,
                                        GdkPixbuf        *preview,
                                        int               full_width,
                                        int               full_height);
/* The face box shown while adjusting, in full-picture pixels; NULL for
 * none. set_image clears it. */
void       shenbao_crop_view_set_face  (ShenbaoCropView        *self,
                                        const ShenbaoPhotoCrop *face);
gboolean   shenbao_crop_view_get_face  (ShenbaoCropView        *self,
                                        ShenbaoPhotoCrop       *face);
void       shenbao_crop_view_get_crop  (ShenbaoCropView  *self,
                                        ShenbaoPhotoCrop *crop);
void       shenbao_crop_view_set_crop  (ShenbaoCropView        *self,
                                        const ShenbaoPhotoCrop *crop);

G_END_DECLS
