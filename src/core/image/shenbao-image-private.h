/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shenbao-image.h"

G_BEGIN_DECLS

/* shenbao-jpeg.c: the JPEG side of the image module, with libjpeg directly
 * where gdk-pixbuf cannot do the job (warnings as errors, 4:4:4 encoding). */
gboolean   shenbao_jpeg_read_header (const guint8     *data,
                                     gsize             size,
                                     ShenbaoImageInfo *info,
                                     GError          **error);
GdkPixbuf *shenbao_jpeg_decode      (const guint8     *data,
                                     gsize             size,
                                     int               scale_eighths,
                                     GError          **error);

/* shenbao-image.c: an RGB copy with transparency laid over white, or a new
 * reference to the pixbuf when it has no alpha. */
GdkPixbuf *shenbao_image_flatten    (GdkPixbuf        *pixbuf);

G_END_DECLS
