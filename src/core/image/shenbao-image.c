/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shenbao-image"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "shenbao-error.h"
#include "shenbao-file.h"
#include "shenbao-image-private.h"

static gboolean
has_prefix (const guint8 *data,
            gsize         size,
            gsize         offset,
            const char   *prefix,
            gsize         length)
{
  return size >= offset + length && memcmp (data + offset, prefix, length) == 0;
}

/* The signatures of the formats a phone or a scanner hands out. HEIC and
 * AVIF share the ISO base media file container and differ by brand. */
ShenbaoImageFormat
shenbao_image_sniff (const guint8 *data,
                     gsize         size)
{
  static const char *const heic_brands[] = { "heic", "heix", "hevc", "hevx", "heim",
                                             "heis", "mif1", "msf1" };

  if (has_prefix (data, size, 0, "\xFF\xD8\xFF", 3))
    return SHENBAO_IMAGE_FORMAT_JPEG;
  if (has_prefix (data, size, 0, "\x89PNG\r\n\x1A\n", 8))
    return SHENBAO_IMAGE_FORMAT_PNG;
  if (has_prefix (data, size, 0, "GIF87a", 6) || has_prefix (data, size, 0, "GIF89a", 6))
    return SHENBAO_IMAGE_FORMAT_GIF;
  if (has_prefix (data, size, 0, "RIFF", 4) && has_prefix (data, size, 8, "WEBP", 4))
    return SHENBAO_IMAGE_FORMAT_WEBP;
  if (has_prefix (data, size, 4, "ftyp", 4))
    {
      if (has_prefix (data, size, 8, "avif", 4) || has_prefix (data, size, 8, "avis", 4))
        return SHENBAO_IMAGE_FORMAT_AVIF;
      for (gsize i = 0; i < G_N_ELEMENTS (heic_brands); i++)
        if (has_prefix (data, size, 8, heic_brands[i], 4))
          return SHENBAO_IMAGE_FORMAT_HEIC;
    }
  if (has_prefix (data, size, 0, "II*\0", 4) || has_prefix (data, size, 0, "MM\0*", 4))
    return SHENBAO_IMAGE_FORMAT_TIFF;
  if (has_prefix (data, size, 0, "%PDF-", 5))
    return SHENBAO_IMAGE_FORMAT_PDF;
  /* "BM" and a file header of at least 14 bytes. */
  if (has_prefix (data, size, 0, "BM", 2) && size >= 14)
    return SHENBAO_IMAGE_FORMAT_BMP;
  return SHENBAO_IMAGE_FORMAT_UNKNOWN;
}

const char *
shenbao_image_format_to_string (ShenbaoImageFormat format)
{
  switch (format)
    {
    case SHENBAO_IMAGE_FORMAT_JPEG:
      return "JPEG";
    case SHENBAO_IMAGE_FORMAT_PNG:
      return "PNG";
    case SHENBAO_IMAGE_FORMAT_GIF:
      return "GIF";
    case SHENBAO_IMAGE_FORMAT_HEIC:
      return "HEIC";
    case SHENBAO_IMAGE_FORMAT_AVIF:
      return "AVIF";
    case SHENBAO_IMAGE_FORMAT_WEBP:
      return "WebP";
    case SHENBAO_IMAGE_FORMAT_BMP:
      return "BMP";
    case SHENBAO_IMAGE_FORMAT_TIFF:
      return "TIFF";
    case SHENBAO_IMAGE_FORMAT_PDF:
      return "PDF";
    case SHENBAO_IMAGE_FORMAT_UNKNOWN:
    default:
      return NULL;
    }
}

GBytes *
shenbao_image_read_file (const char *path,
                         GError    **error)
{
  return shenbao_file_read (path, SHENBAO_IMAGE_MAX_FILE_BYTES, error);
}

static guint32
read_u32_be (const guint8 *p)
{
  return (guint32) p[0] << 24 | (guint32) p[1] << 16 | (guint32) p[2] << 8 | p[3];
}

/* PNG (ISO/IEC 15948): the IHDR chunk first, then chunks up to IEND. Walking
 * the chunk lengths finds a truncated file without inflating anything. */
static gboolean
png_read_header (const guint8     *data,
                 gsize             size,
                 ShenbaoImageInfo *info,
                 GError          **error)
{
  gsize pos = 8;

  *info = (ShenbaoImageInfo) { .format = SHENBAO_IMAGE_FORMAT_PNG, .orientation = 1 };
  if (size < 8 + 8 + 13 || !has_prefix (data, size, 12, "IHDR", 4))
    {
      g_set_error_literal (error, SHENBAO_ERROR, SHENBAO_ERROR_CORRUPT,
                           _("The PNG file is damaged: its header is missing."));
      return FALSE;
    }
  info->width = (int) MIN (read_u32_be (data + 16), (guint32) G_MAXINT);
  info->height = (int) MIN (read_u32_be (data + 20), (guint32) G_MAXINT);
  /* Colour types 0 and 4 are grey (with or without alpha). */
  info->components = data[25] == 0 || data[25] == 4 ? 1 : 3;

  while (pos + 12 <= size)
    {
      guint32 length = read_u32_be (data + pos);

      if (length > size - pos - 12)
        break;
      if (has_prefix (data, size, pos + 4, "IEND", 4))
        return TRUE;
      pos += 12 + (gsize) length;
    }
  g_set_error_literal (error, SHENBAO_ERROR, SHENBAO_ERROR_CORRUPT,
                       _("The PNG file is cut off: its end is missing. Copy or download the "
                         "file again."));
  return FALSE;
}

gboolean
shenbao_image_probe (GBytes           *data,
                     ShenbaoImageInfo *info,
                     GError          **error)
{
  gsize size;
  const guint8 *bytes = g_bytes_get_data (data, &size);
  ShenbaoImageFormat format;
  gboolean read;

  if (size == 0)
    {
      g_set_error_literal (error, SHENBAO_ERROR, SHENBAO_ERROR_CORRUPT,
                           _("The file is empty (0 bytes)."));
      return FALSE;
    }
  format = shenbao_image_sniff (bytes, size);
  if (format == SHENBAO_IMAGE_FORMAT_JPEG)
    read = shenbao_jpeg_read_header (bytes, size, info, error);
  else if (format == SHENBAO_IMAGE_FORMAT_PNG)
    read = png_read_header (bytes, size, info, error);
  else if (format == SHENBAO_IMAGE_FORMAT_UNKNOWN)
    {
      g_set_error_literal (error, SHENBAO_ERROR, SHENBAO_ERROR_UNSUPPORTED_FORMAT,
                           _("The file is not an image in any format Shenbao knows; "
                             "use a JPEG or PNG image."));
      return FALSE;
    }
  else
    {
      g_set_error (error, SHENBAO_ERROR, SHENBAO_ERROR_UNSUPPORTED_FORMAT,
                   _("The file is a %s image, whatever its name says; use a JPEG or PNG image."),
                   shenbao_image_format_to_string (format));
      return FALSE;
    }
  if (!read)
    return FALSE;

  if ((gint64) info->width * info->height > SHENBAO_IMAGE_MAX_PIXELS)
    {
      g_set_error (error, SHENBAO_ERROR, SHENBAO_ERROR_TOO_LARGE,
                   _("The image claims to be %d × %d pixels, more than the %d megapixels "
                     "Shenbao accepts: the file is damaged, or made to exhaust memory."),
                   info->width, info->height, SHENBAO_IMAGE_MAX_PIXELS / 1000000);
      return FALSE;
    }
  return TRUE;
}

void
shenbao_image_info_get_upright_size (const ShenbaoImageInfo *info,
                                     int                    *width,
                                     int                    *height)
{
  /* Orientations 5–8 turn the image a quarter. */
  gboolean turned = info->orientation >= 5;

  *width = turned ? info->height : info->width;
  *height = turned ? info->width : info->height;
}

GdkPixbuf *
shenbao_image_flatten (GdkPixbuf *pixbuf)
{
  int width = gdk_pixbuf_get_width (pixbuf);
  int height = gdk_pixbuf_get_height (pixbuf);
  GdkPixbuf *flat;

  if (!gdk_pixbuf_get_has_alpha (pixbuf))
    return g_object_ref (pixbuf);
  flat = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  if (flat == NULL)
    return NULL;
  gdk_pixbuf_fill (flat, 0xFFFFFFFF);
  gdk_pixbuf_composite (pixbuf, flat, 0, 0, width, height, 0, 0, 1, 1, GDK_INTERP_NEAREST, 255);
  return flat;
}

static GdkPixbuf *
png_decode (GBytes  *data,
            GError **error)
{
  g_autoptr(GdkPixbufLoader) loader = NULL;
  g_autoptr(GError) local_error = NULL;
  GdkPixbuf *pixbuf;
  gsize size;
  const guint8 *bytes = g_bytes_get_data (data, &size);
  gboolean written;

  loader = gdk_pixbuf_loader_new_with_type ("png", &local_error);
  if (loader == NULL)
    {
      g_set_error (error, SHENBAO_ERROR, SHENBAO_ERROR_UNSUPPORTED_FORMAT,
                   _("PNG images cannot be read on this system (%s)."), local_error->message);
      return NULL;
    }
  written = gdk_pixbuf_loader_write (loader, bytes, size, &local_error);
  /* The loader must be closed even after a failed write. */
  if (!gdk_pixbuf_loader_close (loader, written ? &local_error : NULL) || !written)
    {
      g_set_error (error, SHENBAO_ERROR, SHENBAO_ERROR_CORRUPT,
                   _("The PNG image is damaged and cannot be read (%s)."), local_error->message);
      return NULL;
    }
  if (gdk_pixbuf_loader_get_pixbuf (loader) == NULL)
    {
      g_set_error_literal (error, SHENBAO_ERROR, SHENBAO_ERROR_CORRUPT,
                           _("The PNG file holds no picture: it is damaged."));
      return NULL;
    }
  pixbuf = shenbao_image_flatten (gdk_pixbuf_loader_get_pixbuf (loader));
  if (pixbuf == NULL)
    g_set_error_literal (error, SHENBAO_ERROR, SHENBAO_ERROR_TOO_LARGE,
                         _("There is not enough memory to open the image."));
  return pixbuf;
}

/* gdk-pixbuf turns the image by the "orientation" option, as its own
 * loaders set it from the EXIF tag. */
static GdkPixbuf *
apply_orientation (GdkPixbuf *pixbuf,
                   int        orientation)
{
  char value[2] = { (char) ('0' + orientation), '\0' };

  if (orientation == 1)
    return g_object_ref (pixbuf);
  gdk_pixbuf_remove_option (pixbuf, "orientation");
  gdk_pixbuf_set_option (pixbuf, "orientation", value);
  return gdk_pixbuf_apply_embedded_orientation (pixbuf);
}

GdkPixbuf *
shenbao_image_load (GBytes  *data,
                    double   min_scale,
                    GError **error)
{
  g_autoptr(GdkPixbuf) decoded = NULL;
  ShenbaoImageInfo info;
  gsize size;
  const guint8 *bytes = g_bytes_get_data (data, &size);

  if (!shenbao_image_probe (data, &info, error))
    return NULL;

  if (info.format == SHENBAO_IMAGE_FORMAT_JPEG)
    decoded = shenbao_jpeg_decode (bytes, size, (int) ceil (CLAMP (min_scale, 0.0, 1.0) * 8.0),
                                   error);
  else
    decoded = png_decode (data, error);
  if (decoded == NULL)
    return NULL;
  return apply_orientation (decoded, info.orientation);
}

GBytes *
shenbao_image_encode_jpeg_within (GdkPixbuf                *pixbuf,
                                  const ShenbaoJpegOptions *options,
                                  gsize                     max_bytes,
                                  int                       min_quality,
                                  int                      *quality,
                                  GError                  **error)
{
  ShenbaoJpegOptions attempt = *options;
  g_autoptr(GBytes) best = NULL;
  int best_quality = options->quality;
  int low = min_quality;
  int high = options->quality - 1;

  /* The file grows with the quality, nearly monotonically: the top quality
   * often fits at once (a small or smooth image); otherwise a bisection
   * finds the best one in about seven encodes. */
  best = shenbao_image_encode_jpeg (pixbuf, &attempt, error);
  if (best == NULL)
    return NULL;
  if (g_bytes_get_size (best) <= max_bytes)
    {
      *quality = best_quality;
      return g_steal_pointer (&best);
    }
  g_clear_pointer (&best, g_bytes_unref);

  while (low <= high)
    {
      g_autoptr(GBytes) bytes = NULL;

      attempt.quality = low + (high - low + 1) / 2;
      bytes = shenbao_image_encode_jpeg (pixbuf, &attempt, error);
      if (bytes == NULL)
        return NULL;
      if (g_bytes_get_size (bytes) <= max_bytes)
        {
          g_clear_pointer (&best, g_bytes_unref);
          best = g_steal_pointer (&bytes);
          best_quality = attempt.quality;
          low = attempt.quality + 1;
        }
      else
        high = attempt.quality - 1;
    }
  if (best == NULL)
    {
      g_set_error (error, SHENBAO_ERROR, SHENBAO_ERROR_TOO_LARGE,
                   _("Even at JPEG quality %d the image takes more than %lu bytes."),
                   min_quality, (gulong) max_bytes);
      return NULL;
    }
  *quality = best_quality;
  return g_steal_pointer (&best);
}
