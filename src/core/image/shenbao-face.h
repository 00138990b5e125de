/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gdk-pixbuf/gdk-pixbuf.h>

#include "shenbao-photo.h"

G_BEGIN_DECLS

/* The detector works on a copy whose long side is this many pixels: a face
 * of an eighth of the picture's height is still twice the detector's
 * smallest window (24 pixels), and the search takes milliseconds. At 320
 * the test portrait on a white canvas was missed. A caller that decodes a
 * JPEG for detection needs no more pixels than this. */
#define SHENBAO_FACE_DETECT_SIZE 400

/* The frontal faces in an upright RGB picture, as
 * ShenbaoPhotoCrop rectangles in the picture's pixels, the largest first;
 * empty when there is none. The box is OpenCV's LBP frontal face box, from
 * the forehead to below the mouth, about 0.6 of the head from crown to chin.
 * Fails with SHENBAO_ERROR_NOT_FOUND when the detector's data (OpenCV's
 * cascade file) is not installed. Safe to call from any thread. */
GArray *shenbao_face_find (GdkPixbuf  *picture,
                           GError    **error);

G_END_DECLS
