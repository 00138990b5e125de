/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gdk-pixbuf/gdk-pixbuf.h>

#include "shenbao-limits.h"

G_BEGIN_DECLS

/* What a file is by its first bytes, whatever its name says. */
typedef enum
{
  SHENBAO_IMAGE_FORMAT_UNKNOWN,
  SHENBAO_IMAGE_FORMAT_JPEG,
  SHENBAO_IMAGE_FORMAT_PNG,
  SHENBAO_IMAGE_FORMAT_GIF,
  SHENBAO_IMAGE_FORMAT_HEIC,
  SHENBAO_IMAGE_FORMAT_AVIF,
  SHENBAO_IMAGE_FORMAT_WEBP,
  SHENBAO_IMAGE_FORMAT_BMP,
  SHENBAO_IMAGE_FORMAT_TIFF,
  SHENBAO_IMAGE_FORMAT_PDF,
} ShenbaoImageFormat;

#define SHENBAO_IMAGE_MAX_FILE_BYTES SHENBAO_LIMIT_ATTACHMENT_BYTES

/* 100 megapixels is twice a 50-megapixel phone sensor's full output. A header
 * claiming more is refused before any pixel is allocated: a 7 KB JPEG can
 * claim 30000 × 30000 pixels, 2.6 GB once decoded. */
#define SHENBAO_IMAGE_MAX_PIXELS (100 * 1000 * 1000)

/* What the header says, read without decoding a pixel. */
typedef struct
{
  ShenbaoImageFormat format;
  int                width;        /* as stored, before the EXIF orientation */
  int                height;
  int                orientation;  /* EXIF 1–8; 1 when there is no tag */
  int                components;   /* 1 grey, 3 colour, 4 CMYK (JPEG only) */
  gboolean           progressive;  /* JPEG only */
  gboolean           has_metadata; /* EXIF, XMP, IPTC or a comment (JPEG only) */
} ShenbaoImageInfo;

typedef struct
{
  int      quality;          /* 1–100 */
  gboolean full_chroma;      /* 4:4:4 instead of the usual 4:2:0 */
  gboolean optimize_coding;  /* Huffman tables fitted to the image: a smaller file */
  int      dpi;              /* JFIF density; 0 records the pixel aspect only */
} ShenbaoJpegOptions;

ShenbaoImageFormat shenbao_image_sniff                 (const guint8           *data,
                                                        gsize                   size);
/* The format's usual name ("PNG", "HEIC"); NULL for an unknown format. */
const char        *shenbao_image_format_to_string      (ShenbaoImageFormat      format);

/* Reads a whole regular file, refusing one beyond SHENBAO_IMAGE_MAX_FILE_BYTES
 * (see shenbao_file_read()). */
GBytes            *shenbao_image_read_file             (const char             *path,
                                                        GError                **error);

/* Reads the header of a JPEG or PNG and refuses, with a message fit to show,
 * an empty, truncated or corrupt file, another format, and a pixel count
 * beyond SHENBAO_IMAGE_MAX_PIXELS. A JPEG must end with its end-of-image
 * marker (a truncated one would decode with a grey band and no error). */
gboolean           shenbao_image_probe                 (GBytes                 *data,
                                                        ShenbaoImageInfo       *info,
                                                        GError                **error);
/* The size as shown, after the EXIF orientation. */
void               shenbao_image_info_get_upright_size (const ShenbaoImageInfo *info,
                                                        int                    *width,
                                                        int                    *height);

/* Decodes a JPEG or PNG (probing it first) into an upright RGB pixbuf without
 * alpha. A JPEG is decoded at the smallest DCT scale (n/8) that is still at
 * least min_scale of its full size, so a phone photo meant for a thumbnail
 * costs a fraction of a full decode; 1.0 decodes it whole. */
GdkPixbuf         *shenbao_image_load                  (GBytes                 *data,
                                                        double                  min_scale,
                                                        GError                **error);

/* A probed JPEG without its metadata segments (EXIF, XMP, IPTC, ICC,
 * comments: what ShenbaoImageInfo.has_metadata reports), its picture data
 * untouched: the same pixels, no re-encoding. The EXIF orientation goes
 * with the EXIF segment, so a caller strips only a JPEG stored upright. */
GBytes            *shenbao_image_strip_jpeg_metadata   (GBytes                 *jpeg);

/* Every image that leaves the application is written here: a baseline JPEG
 * with a JFIF header and nothing else (no EXIF, GPS, maker notes, XMP, ICC or
 * comment). Transparency is flattened onto white. */
GBytes            *shenbao_image_encode_jpeg           (GdkPixbuf                *pixbuf,
                                                        const ShenbaoJpegOptions *options,
                                                        GError                  **error);
/* The best quality between min_quality and options->quality whose file is at
 * most max_bytes, with that quality in *quality. Fails with
 * SHENBAO_ERROR_TOO_LARGE when even min_quality is too big. */
GBytes            *shenbao_image_encode_jpeg_within    (GdkPixbuf                *pixbuf,
                                                        const ShenbaoJpegOptions *options,
                                                        gsize                     max_bytes,
                                                        int                       min_quality,
                                                        int                      *quality,
                                                        GError                  **error);

G_END_DECLS
