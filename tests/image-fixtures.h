/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gdk-pixbuf/gdk-pixbuf.h>

G_BEGIN_DECLS

/* Images made by the tests, with libjpeg and gdk-pixbuf directly (not with
 * the code under test), so that they compress like the real thing. */

/* 0xRRGGBB, unsigned: shifted into gdk_pixbuf_fill's 0xRRGGBBAA it would
 * overflow an int. */
#define FIXTURE_WHITE 0xF6F6F4u
#define FIXTURE_BLUE  0x3C8CDCu

/* A head-and-shoulders photo on a background colour (0xRRGGBB). detail, 0–1,
 * is the amount of texture (skin, hair, cloth, sensor noise): 1 compresses
 * like a sharp portrait, 0.2 like a smooth one. */
GdkPixbuf *fixture_portrait             (int        width,
                                         int        height,
                                         guint32    background,
                                         double     detail);
/* A near-white card with a faint gradient: next to nothing to encode. */
GdkPixbuf *fixture_plain_card           (int        width,
                                         int        height);
/* A photographed page: lines of handwriting-like strokes and ruled lines on
 * lit paper, blurred by a Gaussian-like filter of the given radius. */
GdkPixbuf *fixture_document             (int        width,
                                         int        height,
                                         double     blur);
/* The pixels a camera stores for an upright picture when it records that
 * EXIF orientation (the inverse of what a viewer applies). */
GdkPixbuf *fixture_stored_for           (GdkPixbuf *upright,
                                         int        orientation);

typedef enum
{
  FIXTURE_JPEG_BASELINE = 0,
  FIXTURE_JPEG_PROGRESSIVE = 1 << 0,
  FIXTURE_JPEG_CMYK = 1 << 1,
  FIXTURE_JPEG_GREY = 1 << 2,
} FixtureJpegFlags;

GBytes    *fixture_jpeg                 (GdkPixbuf       *pixbuf,
                                         int              quality,
                                         FixtureJpegFlags flags);
GBytes    *fixture_png                  (GdkPixbuf       *pixbuf);
/* A JPEG of exactly size bytes: the best quality under it, then bytes after
 * the end-of-image marker (only a fixture may pad; the fixer never does). */
GBytes    *fixture_jpeg_of_size         (GdkPixbuf       *pixbuf,
                                         gsize            size,
                                         FixtureJpegFlags flags);
/* The JPEG with a segment inserted after SOI: an APP1 Exif segment with the
 * Orientation tag (and a GPS IFD pointer), or any marker with a payload. */
GBytes    *fixture_with_orientation     (GBytes          *jpeg,
                                         int              orientation);
GBytes    *fixture_with_segment         (GBytes          *jpeg,
                                         guint8           marker,
                                         const char      *payload);
GBytes    *fixture_with_frame_size      (GBytes          *jpeg,
                                         int              width,
                                         int              height);
GBytes    *fixture_truncated            (GBytes          *data,
                                         double           fraction);
GBytes    *fixture_gif                  (void);
GBytes    *fixture_heic                 (void);

/* The markers before the first scan, in order (SOI first). */
GArray    *fixture_jpeg_markers         (GBytes          *jpeg);
/* The JFIF density fields; FALSE without a JFIF APP0 segment. */
gboolean   fixture_jpeg_density         (GBytes          *jpeg,
                                         int             *unit,
                                         int             *x_density,
                                         int             *y_density);
/* Chroma is subsampled when the first component is sampled 2 × 2. */
gboolean   fixture_jpeg_subsampled      (GBytes          *jpeg);

/* The mean colour of a rectangle, as 0xRRGGBB. */
guint32    fixture_mean_colour          (GdkPixbuf       *pixbuf,
                                         int              x,
                                         int              y,
                                         int              width,
                                         int              height);
gboolean   fixture_colour_near          (guint32          colour,
                                         guint32          expected,
                                         int              tolerance);

/* A fresh temporary folder, the files written into it, and its removal. */
char      *fixture_temp_dir             (void);
char      *fixture_write                (const char      *dir,
                                         const char      *name,
                                         GBytes          *data);
/* Removes everything below too (links are removed, not followed). */
void       fixture_remove_dir           (const char      *dir);

G_END_DECLS
