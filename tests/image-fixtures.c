/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jpeglib.h>

#include "image-fixtures.h"

/* Deterministic noise, so that every run makes the same bytes. */
typedef struct
{
  guint32 state;
} Noise;

static double
noise_uniform (Noise *noise)
{
  noise->state ^= noise->state << 13;
  noise->state ^= noise->state >> 17;
  noise->state ^= noise->state << 5;
  return (noise->state & 0xFFFFFF) / (double) 0x1000000;
}

/* Roughly normal, mean 0, deviation 1 (the sum of three uniforms). */
static double
noise_normal (Noise *noise)
{
  return (noise_uniform (noise) + noise_uniform (noise) + noise_uniform (noise) - 1.5) * 2.0;
}

static guint8
clamp_byte (double value)
{
  return (guint8) CLAMP (lround (value), 0, 255);
}

/* The pixels of a new RGB pixbuf, fetched once: the fixtures write millions. */
typedef struct
{
  guint8 *pixels;
  gsize   rowstride;
} Canvas;

static Canvas
canvas_of (GdkPixbuf *pixbuf)
{
  return (Canvas) { gdk_pixbuf_get_pixels (pixbuf), (gsize) gdk_pixbuf_get_rowstride (pixbuf) };
}

static void
put_pixel (const Canvas *canvas,
           int           x,
           int           y,
           const double  colour[3])
{
  guint8 *pixel = canvas->pixels + (gsize) y * canvas->rowstride + (gsize) x * 3;

  pixel[0] = clamp_byte (colour[0]);
  pixel[1] = clamp_byte (colour[1]);
  pixel[2] = clamp_byte (colour[2]);
}

static gboolean
in_ellipse (double x,
            double y,
            double centre_x,
            double centre_y,
            double radius_x,
            double radius_y)
{
  double dx = (x - centre_x) / radius_x;
  double dy = (y - centre_y) / radius_y;

  return dx * dx + dy * dy <= 1.0;
}

static void
set_colour (double  colour[3],
            double  red,
            double  green,
            double  blue)
{
  colour[0] = red;
  colour[1] = green;
  colour[2] = blue;
}

GdkPixbuf *
fixture_portrait (int     width,
                  int     height,
                  guint32 background,
                  double  detail)
{
  GdkPixbuf *pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  Canvas canvas = canvas_of (pixbuf);
  Noise noise = { 0x2545F491 };

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        /* In units of the width, so that round things stay round. */
        double u = (x - width / 2.0) / width;
        double v = (double) y / width;
        double grain = noise_normal (&noise);
        double colour[3];
        double texture;

        set_colour (colour, (background >> 16) & 0xFF, (background >> 8) & 0xFF,
                    background & 0xFF);
        texture = -6.0 * v / 1.4 + grain * (0.5 + 1.5 * detail);
        if (v > 0.95 && fabs (u) < 0.12 + (v - 0.95) * 1.6)
          {
            set_colour (colour, 45, 62, 110);
            texture = 18.0 * detail * sin (u * 60.0 + v * 20.0) + grain * (0.3 + 6 * detail);
          }
        else if (fabs (u) < 0.08 && v > 0.78)
          {
            set_colour (colour, 200, 150, 122);
            texture = grain * (0.3 + 5 * detail);
          }
        if (in_ellipse (u, v, 0, 0.52, 0.24, 0.26))
          {
            set_colour (colour, 35, 28, 22);
            texture = 25.0 * detail * sin (u * 180.0 + 3.0 * sin (v * 40.0))
                      + grain * (0.3 + 6 * detail);
          }
        if (in_ellipse (u, v, 0, 0.62, 0.2, 0.26))
          {
            set_colour (colour, 224, 178, 148);
            texture = -40.0 * (u / 0.2) * (u / 0.2) + grain * (0.3 + 6 * detail);
            if (in_ellipse (fabs (u), v, 0.075, 0.58, 0.03, 0.015))
              set_colour (colour, 40, 30, 30);
            else if (in_ellipse (u, v, 0, 0.74, 0.06, 0.012))
              set_colour (colour, 170, 70, 70);
          }
        colour[0] += texture;
        colour[1] += texture;
        colour[2] += texture;
        put_pixel (&canvas, x, y, colour);
      }
  return pixbuf;
}

GdkPixbuf *
fixture_plain_card (int width,
                    int height)
{
  GdkPixbuf *pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  Canvas canvas = canvas_of (pixbuf);

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        double shade = 250.0 - 3.0 * y / height;
        double colour[3] = { shade, shade, shade - 2 };

        put_pixel (&canvas, x, y, colour);
      }
  return pixbuf;
}

static void
stamp (double *ink,
       int     width,
       int     height,
       double  x,
       double  y,
       int     thickness)
{
  for (int dy = 0; dy < thickness; dy++)
    for (int dx = 0; dx < thickness; dx++)
      {
        int px = (int) x + dx;
        int py = (int) y + dy;

        if (px >= 0 && py >= 0 && px < width && py < height)
          ink[(gsize) py * (gsize) width + (gsize) px] = 1.0;
      }
}

static void
draw_line (double *ink,
           int     width,
           int     height,
           double  x0,
           double  y0,
           double  x1,
           double  y1,
           int     thickness)
{
  int steps = (int) (2 * MAX (fabs (x1 - x0), fabs (y1 - y0))) + 1;

  for (int i = 0; i <= steps; i++)
    stamp (ink, width, height, x0 + (x1 - x0) * i / steps, y0 + (y1 - y0) * i / steps, thickness);
}

/* Three passes of a box filter approach a Gaussian of that deviation. */
static void
blur_plane (double *plane,
            int     width,
            int     height,
            double  deviation)
{
  int radius = (int) lround (sqrt (deviation * deviation + 0.25) - 0.5);
  g_autofree double *line = g_new (double, MAX (width, height));

  if (radius < 1)
    return;
  for (int pass = 0; pass < 6; pass++)
    {
      gboolean rows = pass % 2 == 0;
      int count = rows ? height : width;
      int length = rows ? width : height;

      for (int i = 0; i < count; i++)
        {
          /* A running sum over the window, the edges clamped. */
          double sum = 0;

          for (int k = -radius; k <= radius; k++)
            sum += rows ? plane[(gsize) i * width + CLAMP (k, 0, length - 1)]
                        : plane[(gsize) CLAMP (k, 0, length - 1) * width + i];
          for (int j = 0; j < length; j++)
            {
              int enter = MIN (j + radius + 1, length - 1);
              int leave = MAX (j - radius, 0);

              line[j] = sum / (2 * radius + 1);
              sum += rows ? plane[(gsize) i * width + enter] - plane[(gsize) i * width + leave]
                          : plane[(gsize) enter * width + i] - plane[(gsize) leave * width + i];
            }
          for (int j = 0; j < length; j++)
            {
              if (rows)
                plane[(gsize) i * width + j] = line[j];
              else
                plane[(gsize) j * width + i] = line[j];
            }
        }
    }
}

GdkPixbuf *
fixture_document (int    width,
                  int    height,
                  double blur)
{
  GdkPixbuf *pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  Canvas canvas = canvas_of (pixbuf);
  g_autofree double *ink = g_new0 (double, (gsize) width * (gsize) height);
  Noise noise = { 0x9E3779B9 };
  int size = MIN (width, height);
  double line_height = size * 0.045;
  double char_width = line_height * 0.45;
  int thickness = MAX (1, size / 400);

  /* Ruled lines, then lines of handwriting-like strokes between them. */
  for (double y = height * 0.08; y < height * 0.92; y += line_height * 1.6)
    {
      draw_line (ink, width, height, width * 0.06, y + line_height, width * 0.94, y + line_height,
                 1);
      for (double x = width * 0.08; x < width * 0.9; x += char_width * 1.25)
        {
          if (noise_uniform (&noise) < 0.15)
            continue;
          for (int stroke = 0; stroke < 3; stroke++)
            draw_line (ink, width, height, x + noise_uniform (&noise) * char_width,
                       y + noise_uniform (&noise) * line_height * 0.8,
                       x + noise_uniform (&noise) * char_width,
                       y + noise_uniform (&noise) * line_height * 0.8, thickness);
        }
    }
  blur_plane (ink, width, height, blur);

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        double u = (double) x / width - 0.5;
        double v = (double) y / height - 0.5;
        double paper = 240.0 - 40.0 * (u * u + v * v) + 2.0 * noise_normal (&noise);
        double amount = ink[(gsize) y * (gsize) width + (gsize) x];
        double colour[3] = { paper - amount * (paper - 30), paper - amount * (paper - 32),
                             paper - 6 - amount * (paper - 70) };

        put_pixel (&canvas, x, y, colour);
      }
  return pixbuf;
}

/* EXIF orientation n says where the stored rows and columns go (Exif 2.3,
 * table for tag 0x0112); this is the displayed pixel each stored one shows. */
GdkPixbuf *
fixture_stored_for (GdkPixbuf *upright,
                    int        orientation)
{
  int width = gdk_pixbuf_get_width (upright);
  int height = gdk_pixbuf_get_height (upright);
  gboolean turned = orientation >= 5;
  int stored_width = turned ? height : width;
  int stored_height = turned ? width : height;
  GdkPixbuf *stored = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, stored_width, stored_height);
  int channels = gdk_pixbuf_get_n_channels (upright);

  for (int sy = 0; sy < stored_height; sy++)
    for (int sx = 0; sx < stored_width; sx++)
      {
        int W = stored_width;
        int H = stored_height;
        int dx = sx;
        int dy = sy;
        const guint8 *from;
        guint8 *to;

        switch (orientation)
          {
          case 2: dx = W - 1 - sx; dy = sy; break;
          case 3: dx = W - 1 - sx; dy = H - 1 - sy; break;
          case 4: dx = sx; dy = H - 1 - sy; break;
          case 5: dx = sy; dy = sx; break;
          case 6: dx = H - 1 - sy; dy = sx; break;
          case 7: dx = H - 1 - sy; dy = W - 1 - sx; break;
          case 8: dx = sy; dy = W - 1 - sx; break;
          default: break;
          }
        from = gdk_pixbuf_read_pixels (upright) + (gsize) dy * gdk_pixbuf_get_rowstride (upright)
               + (gsize) dx * channels;
        to = gdk_pixbuf_get_pixels (stored) + (gsize) sy * gdk_pixbuf_get_rowstride (stored)
             + (gsize) sx * 3;
        memcpy (to, from, 3);
      }
  return stored;
}

GBytes *
fixture_jpeg (GdkPixbuf       *pixbuf,
              int              quality,
              FixtureJpegFlags flags)
{
  struct jpeg_compress_struct cinfo;
  struct jpeg_error_mgr error;
  unsigned char *buffer = NULL;
  unsigned long size = 0;
  int width = gdk_pixbuf_get_width (pixbuf);
  int height = gdk_pixbuf_get_height (pixbuf);
  int channels = gdk_pixbuf_get_n_channels (pixbuf);
  int components = flags & FIXTURE_JPEG_CMYK ? 4 : flags & FIXTURE_JPEG_GREY ? 1 : 3;
  g_autofree guint8 *row = g_malloc ((gsize) width * 4);
  GBytes *bytes;

  cinfo.err = jpeg_std_error (&error);
  jpeg_create_compress (&cinfo);
  jpeg_mem_dest (&cinfo, &buffer, &size);
  cinfo.image_width = (JDIMENSION) width;
  cinfo.image_height = (JDIMENSION) height;
  cinfo.input_components = components;
  cinfo.in_color_space = components == 4 ? JCS_CMYK : components == 1 ? JCS_GRAYSCALE : JCS_RGB;
  jpeg_set_defaults (&cinfo);
  jpeg_set_quality (&cinfo, quality, TRUE);
  if (flags & FIXTURE_JPEG_PROGRESSIVE)
    jpeg_simple_progression (&cinfo);
  jpeg_start_compress (&cinfo, TRUE);
  for (int y = 0; y < height; y++)
    {
      const guint8 *pixel = gdk_pixbuf_read_pixels (pixbuf) + (gsize) y * gdk_pixbuf_get_rowstride (pixbuf);
      JSAMPROW rows[1] = { row };

      for (int x = 0; x < width; x++, pixel += channels)
        {
          guint8 *out = row + (gsize) x * components;

          if (components == 1)
            out[0] = clamp_byte (0.299 * pixel[0] + 0.587 * pixel[1] + 0.114 * pixel[2]);
          else if (components == 3)
            memcpy (out, pixel, 3);
          else
            {
              /* Adobe's inverted CMYK, as libjpeg's Adobe marker announces:
               * 255 is no ink, and red = C × K / 255. */
              int k = MAX (pixel[0], MAX (pixel[1], pixel[2]));

              for (int c = 0; c < 3; c++)
                out[c] = (guint8) (k == 0 ? 0 : pixel[c] * 255 / k);
              out[3] = (guint8) k;
            }
        }
      jpeg_write_scanlines (&cinfo, rows, 1);
    }
  jpeg_finish_compress (&cinfo);
  jpeg_destroy_compress (&cinfo);
  bytes = g_bytes_new (buffer, size);
  free (buffer);
  return bytes;
}

GBytes *
fixture_png (GdkPixbuf *pixbuf)
{
  g_autoptr(GError) error = NULL;
  gchar *buffer = NULL;
  gsize size = 0;

  gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &size, "png", &error, NULL);
  g_assert_no_error (error);
  return g_bytes_new_take (buffer, size);
}

GBytes *
fixture_jpeg_of_size (GdkPixbuf       *pixbuf,
                      gsize            size,
                      FixtureJpegFlags flags)
{
  for (int quality = 100; quality > 0; quality--)
    {
      g_autoptr(GBytes) jpeg = fixture_jpeg (pixbuf, quality, flags);
      GByteArray *padded;

      if (g_bytes_get_size (jpeg) > size)
        continue;
      padded = g_byte_array_sized_new ((guint) size);
      g_byte_array_append (padded, g_bytes_get_data (jpeg, NULL), (guint) g_bytes_get_size (jpeg));
      g_byte_array_set_size (padded, (guint) size);
      memset (padded->data + g_bytes_get_size (jpeg), 0, size - g_bytes_get_size (jpeg));
      return g_byte_array_free_to_bytes (padded);
    }
  g_assert_not_reached ();
}

static GBytes *
insert_after_soi (GBytes       *jpeg,
                  const guint8 *segment,
                  gsize         length)
{
  GByteArray *bytes = g_byte_array_new ();
  gsize size;
  const guint8 *data = g_bytes_get_data (jpeg, &size);

  g_byte_array_append (bytes, data, 2);
  g_byte_array_append (bytes, segment, (guint) length);
  g_byte_array_append (bytes, data + 2, (guint) (size - 2));
  return g_byte_array_free_to_bytes (bytes);
}

GBytes *
fixture_with_orientation (GBytes *jpeg,
                          int     orientation)
{
  /* Big-endian TIFF: IFD0 at 8 with Orientation and a GPS IFD pointer, the
   * GPS IFD at 38 with GPSVersionID 2.3.0.0. */
  const guint8 segment[] = {
    0xFF, 0xE1, 0x00, 2 + 6 + 56,
    'E', 'x', 'i', 'f', 0, 0,
    'M', 'M', 0x00, 0x2A, 0x00, 0x00, 0x00, 0x08,
    0x00, 0x02,
    0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, 0x00, (guint8) orientation, 0x00, 0x00,
    0x88, 0x25, 0x00, 0x04, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 38,
    0x00, 0x00, 0x00, 0x00,
    0x00, 0x01,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x04, 0x02, 0x03, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00,
  };

  return insert_after_soi (jpeg, segment, sizeof segment);
}

GBytes *
fixture_with_segment (GBytes     *jpeg,
                      guint8      marker,
                      const char *payload)
{
  gsize length = strlen (payload);
  g_autofree guint8 *segment = g_malloc (length + 4);

  segment[0] = 0xFF;
  segment[1] = marker;
  segment[2] = (guint8) ((length + 2) >> 8);
  segment[3] = (guint8) ((length + 2) & 0xFF);
  memcpy (segment + 4, payload, length);
  return insert_after_soi (jpeg, segment, length + 4);
}

GBytes *
fixture_with_frame_size (GBytes *jpeg,
                         int     width,
                         int     height)
{
  gsize size;
  guint8 *data = g_memdup2 (g_bytes_get_data (jpeg, &size), g_bytes_get_size (jpeg));

  for (gsize i = 2; i + 9 < size; i++)
    if (data[i] == 0xFF && (data[i + 1] == 0xC0 || data[i + 1] == 0xC2))
      {
        data[i + 5] = (guint8) (height >> 8);
        data[i + 6] = (guint8) (height & 0xFF);
        data[i + 7] = (guint8) (width >> 8);
        data[i + 8] = (guint8) (width & 0xFF);
        break;
      }
  return g_bytes_new_take (data, size);
}

GBytes *
fixture_truncated (GBytes *data,
                   double  fraction)
{
  return g_bytes_new_from_bytes (data, 0, (gsize) (g_bytes_get_size (data) * fraction));
}

GBytes *
fixture_gif (void)
{
  static const guint8 gif[] = "GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!\xf9"
                              "\x04\x01\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00"
                              "\x02\x02\x44\x01\x00;";

  return g_bytes_new_static (gif, sizeof gif - 1);
}

GBytes *
fixture_heic (void)
{
  static const guint8 heic[] = "\x00\x00\x00\x18" "ftypheic\x00\x00\x00\x00" "mif1heic"
                               "\x00\x00\x00\x08" "meta";

  return g_bytes_new_static (heic, sizeof heic - 1);
}

GArray *
fixture_jpeg_markers (GBytes *jpeg)
{
  GArray *markers = g_array_new (FALSE, FALSE, sizeof (guint8));
  gsize size;
  const guint8 *data = g_bytes_get_data (jpeg, &size);
  gsize pos = 2;

  g_assert_cmpuint (size, >, 4);
  g_assert_cmpuint (data[0], ==, 0xFF);
  g_assert_cmpuint (data[1], ==, 0xD8);
  g_array_append_val (markers, data[1]);
  while (pos + 4 <= size)
    {
      guint8 marker = data[pos + 1];

      g_assert_cmpuint (data[pos], ==, 0xFF);
      g_array_append_val (markers, marker);
      if (marker == 0xDA)
        break;
      pos += 2 + ((gsize) data[pos + 2] << 8 | data[pos + 3]);
    }
  return markers;
}

static const guint8 *
find_segment (GBytes     *jpeg,
              guint8      marker,
              const char *prefix)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (jpeg, &size);
  gsize pos = 2;

  while (pos + 4 <= size && data[pos + 1] != 0xDA)
    {
      gsize length = (gsize) data[pos + 2] << 8 | data[pos + 3];

      if (data[pos + 1] == marker
          && (prefix == NULL || memcmp (data + pos + 4, prefix, strlen (prefix) + 1) == 0))
        return data + pos + 4;
      pos += 2 + length;
    }
  return NULL;
}

gboolean
fixture_jpeg_density (GBytes *jpeg,
                      int    *unit,
                      int    *x_density,
                      int    *y_density)
{
  const guint8 *jfif = find_segment (jpeg, 0xE0, "JFIF");

  if (jfif == NULL)
    return FALSE;
  *unit = jfif[7];
  *x_density = jfif[8] << 8 | jfif[9];
  *y_density = jfif[10] << 8 | jfif[11];
  return TRUE;
}

gboolean
fixture_jpeg_subsampled (GBytes *jpeg)
{
  const guint8 *frame = find_segment (jpeg, 0xC0, NULL);

  g_assert_nonnull (frame);
  /* Precision, height, width, components, then the first component's id
   * and its sampling factors. */
  return frame[7] != 0x11;
}

guint32
fixture_mean_colour (GdkPixbuf *pixbuf,
                     int        x,
                     int        y,
                     int        width,
                     int        height)
{
  double sum[3] = { 0 };
  int channels = gdk_pixbuf_get_n_channels (pixbuf);

  for (int j = y; j < y + height; j++)
    for (int i = x; i < x + width; i++)
      {
        const guint8 *pixel = gdk_pixbuf_read_pixels (pixbuf)
                              + (gsize) j * gdk_pixbuf_get_rowstride (pixbuf)
                              + (gsize) i * channels;

        for (int c = 0; c < 3; c++)
          sum[c] += pixel[c];
      }
  return (guint32) clamp_byte (sum[0] / (width * height)) << 16
         | (guint32) clamp_byte (sum[1] / (width * height)) << 8
         | clamp_byte (sum[2] / (width * height));
}

gboolean
fixture_colour_near (guint32 colour,
                     guint32 expected,
                     int     tolerance)
{
  for (int shift = 0; shift <= 16; shift += 8)
    if (ABS ((int) ((colour >> shift) & 0xFF) - (int) ((expected >> shift) & 0xFF)) > tolerance)
      return FALSE;
  return TRUE;
}

char *
fixture_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("shenbao-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

char *
fixture_write (const char *dir,
               const char *name,
               GBytes     *data)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_file_set_contents (path, g_bytes_get_data (data, NULL), (gssize) g_bytes_get_size (data),
                       &error);
  g_assert_no_error (error);
  return path;
}

void
fixture_remove_dir (const char *dir)
{
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  const char *name;

  while (folder != NULL && (name = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        fixture_remove_dir (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}
