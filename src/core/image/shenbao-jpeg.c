/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shenbao-jpeg"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <setjmp.h>
#include <stdio.h>
#include <string.h>

#include <jpeglib.h>
#include <jerror.h>

#include "shenbao-error.h"
#include "shenbao-image-private.h"
#include "shenbao-limits.h"

/* JPEG markers (ITU T.81 table B.1). */
enum
{
  MARKER_SOF0 = 0xC0,
  MARKER_DHT = 0xC4,
  MARKER_JPG = 0xC8,
  MARKER_DAC = 0xCC,
  MARKER_SOF15 = 0xCF,
  MARKER_RST0 = 0xD0,
  MARKER_RST7 = 0xD7,
  MARKER_EOI = 0xD9,
  MARKER_SOS = 0xDA,
  MARKER_APP0 = 0xE0,
  MARKER_APP1 = 0xE1,
  MARKER_APP14 = 0xEE,
  MARKER_APP15 = 0xEF,
  MARKER_COM = 0xFE,
  MARKER_TEM = 0x01,
};

/* libjpeg keeps a progressive image's coefficients in memory: 6 bytes a
 * pixel at 4:4:4, so this lets through every image under the pixel limit
 * with ordinary subsampling and stops a hostile one at an error. */
#define MAX_DECODER_MEMORY (512L * 1024 * 1024)

static guint
read_u16_be (const guint8 *p)
{
  return (guint) p[0] << 8 | p[1];
}

static guint
read_u16 (const guint8 *p,
          gboolean      little_endian)
{
  return little_endian ? (guint) p[1] << 8 | p[0] : read_u16_be (p);
}

static guint32
read_u32 (const guint8 *p,
          gboolean      little_endian)
{
  return little_endian ? (guint32) p[3] << 24 | (guint32) p[2] << 16 | (guint32) p[1] << 8 | p[0]
                       : (guint32) p[0] << 24 | (guint32) p[1] << 16 | (guint32) p[2] << 8 | p[3];
}

/* The Orientation tag (0x0112) of IFD0 in an APP1 Exif segment (Exif 2.3
 * §4.6.4); 1 when absent or unreadable. */
static int
exif_orientation (const guint8 *segment,
                  gsize         length)
{
  const guint8 *tiff = segment + 6;
  gsize size = length - 6;
  gboolean little_endian;
  guint32 ifd;
  guint count;

  if (length < 6 + 8)
    return 1;
  if (memcmp (tiff, "II", 2) == 0)
    little_endian = TRUE;
  else if (memcmp (tiff, "MM", 2) == 0)
    little_endian = FALSE;
  else
    return 1;
  if (read_u16 (tiff + 2, little_endian) != 42)
    return 1;
  ifd = read_u32 (tiff + 4, little_endian);
  if (ifd > size - 2)
    return 1;
  count = read_u16 (tiff + ifd, little_endian);
  for (guint i = 0; i < count; i++)
    {
      gsize entry = ifd + 2 + (gsize) i * 12;
      guint value;

      if (entry + 12 > size)
        break;
      if (read_u16 (tiff + entry, little_endian) != 0x0112)
        continue;
      /* A SHORT, whose value sits in the first two bytes of the field. */
      if (read_u16 (tiff + entry + 2, little_endian) != 3)
        return 1;
      value = read_u16 (tiff + entry + 8, little_endian);
      return value >= 1 && value <= 8 ? (int) value : 1;
    }
  return 1;
}

static gboolean
is_frame_marker (guint8 marker)
{
  return marker >= MARKER_SOF0 && marker <= MARKER_SOF15 && marker != MARKER_DHT
         && marker != MARKER_JPG && marker != MARKER_DAC;
}

static gboolean
is_progressive_marker (guint8 marker)
{
  /* SOF2, SOF6, SOF10, SOF14: progressive, Huffman or arithmetic. */
  return marker == 0xC2 || marker == 0xC6 || marker == 0xCA || marker == 0xCE;
}

/* What the export leaves out (the portal wants clean files, and a photo
 * must not carry where it was taken): every application segment but the
 * JFIF header and Adobe's, which tell the decoder the colour transform,
 * and comments. EXIF (camera, GPS, thumbnail), XMP, IPTC, ICC, maker data. */
static gboolean
is_metadata_segment (guint8        marker,
                     const guint8 *segment,
                     gsize         length)
{
  if (marker == MARKER_APP0)
    return length < 5 || memcmp (segment, "JFIF\0", 5) != 0;
  if (marker == MARKER_APP14)
    return length < 5 || memcmp (segment, "Adobe", 5) != 0;
  return (marker >= MARKER_APP1 && marker <= MARKER_APP15) || marker == MARKER_COM;
}

static void
read_segment (guint8            marker,
              const guint8     *segment,
              gsize             length,
              ShenbaoImageInfo *info)
{
  if (is_frame_marker (marker) && length >= 6)
    {
      info->height = (int) read_u16_be (segment + 1);
      info->width = (int) read_u16_be (segment + 3);
      info->components = segment[5];
      info->progressive = is_progressive_marker (marker);
    }
  else if (marker == MARKER_APP1 && length >= 6 && memcmp (segment, "Exif\0\0", 6) == 0)
    {
      info->has_metadata = TRUE;
      info->orientation = exif_orientation (segment, length);
    }
  else if (is_metadata_segment (marker, segment, length))
    info->has_metadata = TRUE;
}

static void
set_truncated_error (GError **error)
{
  g_set_error_literal (error, SHENBAO_ERROR, SHENBAO_ERROR_CORRUPT,
                       _("The JPEG file is cut off: its end is missing, so part of the picture "
                         "would show as a grey band. Copy or download the file again."));
}

/* Walks the entropy-coded data after the first scan header to the
 * end-of-image marker, skipping the segments between the scans of a
 * progressive file. gdk-pixbuf and libjpeg both decode a truncated file
 * without an error, filling the rest with grey. */
static gboolean
find_end_of_image (const guint8           *data,
                   gsize                   size,
                   gsize                   pos,
                   const ShenbaoImageInfo *info,
                   GError                **error)
{
  gint64 pixels = (gint64) info->width * info->height;
  int scans = 1;

  while (pos < size)
    {
      const guint8 *next = memchr (data + pos, 0xFF, size - pos);
      guint8 marker;
      guint length;

      if (next == NULL || (gsize) (next - data) + 1 >= size)
        break;
      pos = (gsize) (next - data) + 1;
      marker = data[pos];
      /* Stuffed zero bytes, restart markers and fill bytes are scan data. */
      if (marker == 0x00 || (marker >= MARKER_RST0 && marker <= MARKER_RST7))
        {
          pos++;
          continue;
        }
      if (marker == 0xFF)
        continue;
      if (marker == MARKER_EOI)
        return TRUE;
      if (pos + 3 > size)
        break;
      length = read_u16_be (data + pos + 1);
      if (length < 2)
        break;
      /* Each scan is a pass over the whole image: bounded by the count and
       * by the work, before libjpeg starts. */
      if (marker == MARKER_SOS
          && (++scans > SHENBAO_LIMIT_JPEG_SCANS || scans * pixels > SHENBAO_LIMIT_JPEG_SCAN_PIXELS))
        {
          g_set_error (error, SHENBAO_ERROR, SHENBAO_ERROR_CORRUPT,
                       _("The JPEG file has %d scans or more over %d × %d pixels, far more "
                         "than any camera writes: it is damaged or made to stall the decoder."),
                       scans, info->width, info->height);
          return FALSE;
        }
      pos += 1 + length;
    }
  set_truncated_error (error);
  return FALSE;
}

gboolean
shenbao_jpeg_read_header (const guint8     *data,
                          gsize             size,
                          ShenbaoImageInfo *info,
                          GError          **error)
{
  gsize pos = 2;

  *info = (ShenbaoImageInfo) { .format = SHENBAO_IMAGE_FORMAT_JPEG, .orientation = 1 };
  while (pos < size)
    {
      guint8 marker;
      guint length;

      /* libjpeg skips stray bytes between segments with a warning: so do we. */
      while (pos < size && data[pos] != 0xFF)
        pos++;
      while (pos < size && data[pos] == 0xFF)
        pos++;
      if (pos >= size)
        break;
      marker = data[pos++];
      if (marker == MARKER_TEM || (marker >= MARKER_RST0 && marker <= MARKER_RST7))
        continue;
      if (marker == MARKER_EOI)
        break;
      if (pos + 2 > size)
        break;
      length = read_u16_be (data + pos);
      if (length < 2 || pos + length > size)
        break;
      read_segment (marker, data + pos + 2, length - 2, info);
      pos += length;
      if (marker != MARKER_SOS)
        continue;

      if (info->width <= 0 || info->height <= 0 || info->components == 0)
        {
          g_set_error_literal (error, SHENBAO_ERROR, SHENBAO_ERROR_CORRUPT,
                               _("The JPEG file gives no valid picture size: it is damaged."));
          return FALSE;
        }
      return find_end_of_image (data, size, pos, info, error);
    }
  set_truncated_error (error);
  return FALSE;
}

GBytes *
shenbao_image_strip_jpeg_metadata (GBytes *jpeg)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (jpeg, &size);
  g_autoptr(GByteArray) stripped = g_byte_array_sized_new ((guint) size);
  gsize pos = 2;

  g_return_val_if_fail (size >= 2 && data[0] == 0xFF && data[1] == 0xD8, NULL);

  g_byte_array_append (stripped, data, 2);
  while (pos < size)
    {
      gsize start;
      guint8 marker;
      guint length;

      /* The same walk as shenbao_jpeg_read_header; stray bytes go. */
      while (pos < size && data[pos] != 0xFF)
        pos++;
      start = pos;
      while (pos < size && data[pos] == 0xFF)
        pos++;
      if (pos + 3 > size)
        break;
      marker = data[pos++];
      if (marker == MARKER_TEM || (marker >= MARKER_RST0 && marker <= MARKER_RST7))
        continue;
      length = read_u16_be (data + pos);
      /* From the first scan on, the file is the picture: kept whole. */
      if (marker == MARKER_SOS || length < 2 || pos + length > size)
        {
          g_byte_array_append (stripped, data + start, (guint) (size - start));
          break;
        }
      if (!is_metadata_segment (marker, data + pos + 2, length - 2))
        g_byte_array_append (stripped, data + start, (guint) (pos + length - start));
      pos += length;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&stripped));
}

/* Decoding */

typedef struct
{
  struct jpeg_error_mgr manager;
  jmp_buf               jump;
  gboolean              damaged;
  char                  message[JMSG_LENGTH_MAX];
} ErrorHandler;

static void
on_error_exit (j_common_ptr cinfo)
{
  ErrorHandler *handler = (ErrorHandler *) cinfo->err;

  handler->manager.format_message (cinfo, handler->message);
  longjmp (handler->jump, 1);
}

/* libjpeg only warns about missing or corrupt picture data and goes on with
 * grey; those warnings make the image unusable, so they stop the decoding.
 * Others (stray bytes between segments, an unknown JFIF revision) are
 * harmless and common in camera files. */
static void
on_emit_message (j_common_ptr cinfo,
                 int          level)
{
  ErrorHandler *handler = (ErrorHandler *) cinfo->err;
  int code = handler->manager.msg_code;

  if (level >= 0)
    return;
  if (code == JWRN_JPEG_EOF || code == JWRN_HIT_MARKER || code == JWRN_HUFF_BAD_CODE
      || code == JWRN_ARITH_BAD_CODE || code == JWRN_MUST_RESYNC)
    {
      handler->damaged = TRUE;
      handler->manager.format_message (cinfo, handler->message);
      longjmp (handler->jump, 1);
    }
}

typedef struct
{
  struct jpeg_decompress_struct cinfo;
  ErrorHandler                  error;
  GdkPixbuf                    *pixbuf;
  guint8                       *cmyk_row;
} Decoder;

/* Adobe's encoders (and libjpeg writing CMYK, which adds the Adobe marker)
 * store CMYK inverted: 255 means no ink. */
static void
cmyk_to_rgb (const guint8 *cmyk,
             guint8       *rgb,
             guint         width,
             gboolean      inverted)
{
  for (guint x = 0; x < width; x++, cmyk += 4, rgb += 3)
    {
      guint c = inverted ? cmyk[0] : 255u - cmyk[0];
      guint m = inverted ? cmyk[1] : 255u - cmyk[1];
      guint y = inverted ? cmyk[2] : 255u - cmyk[2];
      guint k = inverted ? cmyk[3] : 255u - cmyk[3];

      rgb[0] = (guint8) ((c * k + 127) / 255);
      rgb[1] = (guint8) ((m * k + 127) / 255);
      rgb[2] = (guint8) ((y * k + 127) / 255);
    }
}

/* Every local here is dead after a longjmp: the state lives in *decoder. */
static gboolean
run_decoder (Decoder      *decoder,
             const guint8 *data,
             gsize         size,
             int           scale_eighths)
{
  struct jpeg_decompress_struct *cinfo = &decoder->cinfo;
  gboolean cmyk;
  guint8 *pixels;
  int rowstride;

  if (setjmp (decoder->error.jump) != 0)
    return FALSE;

  jpeg_create_decompress (cinfo);
  cinfo->mem->max_memory_to_use = MAX_DECODER_MEMORY;
  jpeg_mem_src (cinfo, data, size);
  jpeg_read_header (cinfo, TRUE);

  cmyk = cinfo->jpeg_color_space == JCS_CMYK || cinfo->jpeg_color_space == JCS_YCCK;
  cinfo->out_color_space = cmyk ? JCS_CMYK : JCS_RGB;
  cinfo->scale_num = (unsigned int) CLAMP (scale_eighths, 1, 8);
  cinfo->scale_denom = 8;
  jpeg_start_decompress (cinfo);

  decoder->pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, (int) cinfo->output_width,
                                    (int) cinfo->output_height);
  if (decoder->pixbuf == NULL)
    ERREXIT1 (cinfo, JERR_OUT_OF_MEMORY, 0);
  pixels = gdk_pixbuf_get_pixels (decoder->pixbuf);
  rowstride = gdk_pixbuf_get_rowstride (decoder->pixbuf);
  if (cmyk)
    decoder->cmyk_row = g_malloc ((gsize) cinfo->output_width * 4);

  while (cinfo->output_scanline < cinfo->output_height)
    {
      guint8 *row = pixels + (gsize) cinfo->output_scanline * (gsize) rowstride;
      JSAMPROW target = cmyk ? decoder->cmyk_row : row;

      jpeg_read_scanlines (cinfo, &target, 1);
      if (cmyk)
        cmyk_to_rgb (decoder->cmyk_row, row, cinfo->output_width, cinfo->saw_Adobe_marker);
    }
  jpeg_finish_decompress (cinfo);
  return TRUE;
}

GdkPixbuf *
shenbao_jpeg_decode (const guint8 *data,
                     gsize         size,
                     int           scale_eighths,
                     GError      **error)
{
  g_autofree Decoder *decoder = g_new0 (Decoder, 1);
  gboolean decoded;

  decoder->cinfo.err = jpeg_std_error (&decoder->error.manager);
  decoder->error.manager.error_exit = on_error_exit;
  decoder->error.manager.emit_message = on_emit_message;

  decoded = run_decoder (decoder, data, size, scale_eighths);
  jpeg_destroy_decompress (&decoder->cinfo);
  g_free (decoder->cmyk_row);
  if (decoded)
    return decoder->pixbuf;

  g_clear_object (&decoder->pixbuf);
  if (decoder->error.manager.msg_code == JERR_OUT_OF_MEMORY
      || decoder->error.manager.msg_code == JERR_NO_BACKING_STORE)
    g_set_error_literal (error, SHENBAO_ERROR, SHENBAO_ERROR_TOO_LARGE,
                         _("The JPEG image needs more memory to decode than Shenbao allows "
                           "for one image."));
  else if (decoder->error.damaged)
    g_set_error (error, SHENBAO_ERROR, SHENBAO_ERROR_CORRUPT,
                 _("The JPEG image is damaged: part of its picture data is missing or corrupt "
                   "(%s)."),
                 decoder->error.message);
  else
    g_set_error (error, SHENBAO_ERROR, SHENBAO_ERROR_CORRUPT,
                 _("The JPEG image is damaged and cannot be read (%s)."), decoder->error.message);
  return NULL;
}

/* Encoding */

#define OUTPUT_CHUNK 65536

/* A destination that grows a GByteArray, so that nothing leaks when libjpeg
 * gives up halfway (jpeg_mem_dest's buffer does). */
typedef struct
{
  struct jpeg_destination_mgr manager;
  GByteArray                 *bytes;
  guint8                      chunk[OUTPUT_CHUNK];
} Destination;

static void
on_init_destination (j_compress_ptr cinfo)
{
  Destination *destination = (Destination *) cinfo->dest;

  destination->manager.next_output_byte = destination->chunk;
  destination->manager.free_in_buffer = OUTPUT_CHUNK;
}

static boolean
on_empty_output_buffer (j_compress_ptr cinfo)
{
  Destination *destination = (Destination *) cinfo->dest;

  g_byte_array_append (destination->bytes, destination->chunk, OUTPUT_CHUNK);
  on_init_destination (cinfo);
  return TRUE;
}

static void
on_term_destination (j_compress_ptr cinfo)
{
  Destination *destination = (Destination *) cinfo->dest;

  g_byte_array_append (destination->bytes, destination->chunk,
                       OUTPUT_CHUNK - (guint) destination->manager.free_in_buffer);
}

typedef struct
{
  struct jpeg_compress_struct cinfo;
  ErrorHandler                error;
  Destination                 destination;
} Encoder;

static gboolean
run_encoder (Encoder                  *encoder,
             GdkPixbuf                *pixbuf,
             const ShenbaoJpegOptions *options)
{
  struct jpeg_compress_struct *cinfo = &encoder->cinfo;
  const guint8 *pixels = gdk_pixbuf_read_pixels (pixbuf);
  int rowstride = gdk_pixbuf_get_rowstride (pixbuf);

  if (setjmp (encoder->error.jump) != 0)
    return FALSE;

  jpeg_create_compress (cinfo);
  cinfo->dest = &encoder->destination.manager;
  cinfo->image_width = (JDIMENSION) gdk_pixbuf_get_width (pixbuf);
  cinfo->image_height = (JDIMENSION) gdk_pixbuf_get_height (pixbuf);
  cinfo->input_components = 3;
  cinfo->in_color_space = JCS_RGB;
  jpeg_set_defaults (cinfo);
  jpeg_set_quality (cinfo, CLAMP (options->quality, 1, 100), TRUE);
  if (options->full_chroma)
    {
      cinfo->comp_info[0].h_samp_factor = 1;
      cinfo->comp_info[0].v_samp_factor = 1;
    }
  cinfo->optimize_coding = options->optimize_coding;
  /* JFIF density: unit 1 is dots per inch, unit 0 a bare pixel aspect. */
  cinfo->density_unit = options->dpi > 0 ? 1 : 0;
  cinfo->X_density = (UINT16) (options->dpi > 0 ? options->dpi : 1);
  cinfo->Y_density = cinfo->X_density;

  /* Baseline (no jpeg_simple_progression), and no marker but the JFIF
   * header that jpeg_start_compress writes. */
  jpeg_start_compress (cinfo, TRUE);
  while (cinfo->next_scanline < cinfo->image_height)
    {
      JSAMPROW row = (JSAMPROW) (pixels + (gsize) cinfo->next_scanline * (gsize) rowstride);

      jpeg_write_scanlines (cinfo, &row, 1);
    }
  jpeg_finish_compress (cinfo);
  return TRUE;
}

GBytes *
shenbao_image_encode_jpeg (GdkPixbuf                *pixbuf,
                           const ShenbaoJpegOptions *options,
                           GError                  **error)
{
  g_autoptr(GdkPixbuf) rgb = NULL;
  g_autofree Encoder *encoder = NULL;
  g_autoptr(GByteArray) bytes = NULL;
  gboolean encoded;

  g_return_val_if_fail (GDK_IS_PIXBUF (pixbuf), NULL);
  g_return_val_if_fail (gdk_pixbuf_get_bits_per_sample (pixbuf) == 8, NULL);

  rgb = shenbao_image_flatten (pixbuf);
  if (rgb == NULL)
    {
      g_set_error_literal (error, SHENBAO_ERROR, SHENBAO_ERROR_TOO_LARGE,
                           _("There is not enough memory to encode the image."));
      return NULL;
    }
  bytes = g_byte_array_new ();
  encoder = g_new0 (Encoder, 1);
  encoder->cinfo.err = jpeg_std_error (&encoder->error.manager);
  encoder->error.manager.error_exit = on_error_exit;
  encoder->destination.bytes = bytes;
  encoder->destination.manager.init_destination = on_init_destination;
  encoder->destination.manager.empty_output_buffer = on_empty_output_buffer;
  encoder->destination.manager.term_destination = on_term_destination;

  encoded = run_encoder (encoder, rgb, options);
  jpeg_destroy_compress (&encoder->cinfo);
  if (!encoded)
    {
      g_set_error (error, SHENBAO_ERROR, SHENBAO_ERROR_FAILED,
                   _("The image could not be encoded as JPEG (%s)."), encoder->error.message);
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}
