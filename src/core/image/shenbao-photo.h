/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gdk-pixbuf/gdk-pixbuf.h>

G_BEGIN_DECLS

/* The guide (§三.6) asks for 40–80 KB without saying whether a KB is 1000
 * or 1024 bytes, so a photo passes only when both readings agree. */
#define SHENBAO_PHOTO_MIN_BYTES 40960
#define SHENBAO_PHOTO_MAX_BYTES 80000

/* 25 × 35 mm at 300 dpi, the size the portal recommends. */
#define SHENBAO_PHOTO_WIDTH  295
#define SHENBAO_PHOTO_HEIGHT 413

/* Below this a face is too coarse to recognise (a 22 × 31 mm photo at 300 dpi). */
#define SHENBAO_PHOTO_MIN_WIDTH  260
#define SHENBAO_PHOTO_MIN_HEIGHT 364

/* A rectangle of the upright image (EXIF orientation applied), in pixels. */
typedef struct
{
  int x;
  int y;
  int width;
  int height;
} ShenbaoPhotoCrop;

/* What the fixer wrote. */
typedef struct
{
  int      width;
  int      height;
  int      quality;
  gboolean full_chroma;  /* encoded 4:4:4 to reach the minimum size */
  gsize    size;
} ShenbaoPhotoFixReport;

/* The 1-inch photo checks (guide §三.6) on a file's bytes, as findings with
 * codes under "photo.": the file (empty, damaged, not a JPEG), its size, its
 * pixel size and aspect, its background. Never fails: a bad file is a finding. */
GPtrArray *shenbao_photo_check        (GBytes                 *data);

/* The largest 5:7 rectangle centred in an upright image of that size. */
void       shenbao_photo_default_crop (int                     width,
                                       int                     height,
                                       ShenbaoPhotoCrop       *crop);

/* The 5:7 frame of a 1-inch photo around a face box (shenbao-face.h) in an
 * upright picture of that size: the box at 0.42 of the frame's height,
 * centred left to right and with its centre at half the height; at least
 * 295 × 413 pixels (never scaled up), clamped to the picture (the largest 5:7 frame
 * when the face is too large for one). */
void       shenbao_photo_face_crop    (int                     width,
                                       int                     height,
                                       const ShenbaoPhotoCrop *face,
                                       ShenbaoPhotoCrop       *crop);

/* The frame the fixer and the crop dialog start from: around the largest
 * face found in picture (the upright image, possibly scaled down from
 * full_width × full_height), else the centred default. The face box, in
 * full-size pixels, goes to *face when one is found (TRUE). */
gboolean   shenbao_photo_suggest_crop (GdkPixbuf              *picture,
                                       int                     full_width,
                                       int                     full_height,
                                       ShenbaoPhotoCrop       *crop,
                                       ShenbaoPhotoCrop       *face);

/* A new photo that passes shenbao_photo_check: the EXIF orientation applied,
 * cropped to 5:7 (crop, trimmed to 5:7 around its centre, or when NULL the
 * suggested frame around the face), scaled to 295 × 413, a clean baseline JPEG at 300 dpi
 * whose quality is searched so that its size lands in the window. A photo
 * too plain to reach the minimum is encoded without chroma subsampling, then
 * at larger 5:7 sizes, never padded. Fails, saying why and what to do, when
 * the photo cannot pass (a coloured background, too little detail, too few
 * pixels). */
GBytes    *shenbao_photo_fix          (GBytes                 *data,
                                       const ShenbaoPhotoCrop *crop,
                                       ShenbaoPhotoFixReport  *report,
                                       GError                **error);

/* The photo as the export writes it, checks being
 * shenbao_photo_check's findings on it. With an error: fixed (the frame
 * around the face). Without: as it is, or with its metadata removed and its
 * picture bytes untouched when that keeps it in the size window, or
 * re-encoded at its own frame when it relies on an EXIF orientation to show
 * upright. shenbao_photo_check runs the same steps, so a photo it passes is
 * written and still passes. */
GBytes    *shenbao_photo_export       (GBytes                 *data,
                                       GPtrArray              *checks,
                                       GError                **error);

G_END_DECLS
