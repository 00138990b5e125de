/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <fcntl.h>
#include <unistd.h>

#include "shenbao.h"
#include "image-fixtures.h"

/* Unsigned, as the fixtures' colours (image-fixtures.h). */
#define RED   0xE02020u
#define GREEN 0x20C020u
#define BLUE  0x2020E0u
#define BLACK 0x101010u

/* An upright picture whose quadrants tell every turn and mirror apart. */
static GdkPixbuf *
compass (int width,
         int height)
{
  GdkPixbuf *pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  g_autoptr(GdkPixbuf) quadrant = NULL;

  gdk_pixbuf_fill (pixbuf, RED << 8 | 0xFF);
  quadrant = gdk_pixbuf_new_subpixbuf (pixbuf, width / 2, 0, width - width / 2, height / 2);
  gdk_pixbuf_fill (quadrant, GREEN << 8 | 0xFF);
  g_clear_object (&quadrant);
  quadrant = gdk_pixbuf_new_subpixbuf (pixbuf, 0, height / 2, width / 2, height - height / 2);
  gdk_pixbuf_fill (quadrant, BLUE << 8 | 0xFF);
  g_clear_object (&quadrant);
  quadrant = gdk_pixbuf_new_subpixbuf (pixbuf, width / 2, height / 2, width - width / 2,
                                       height - height / 2);
  gdk_pixbuf_fill (quadrant, BLACK << 8 | 0xFF);
  return pixbuf;
}

static void
assert_compass (GdkPixbuf *pixbuf)
{
  int width = gdk_pixbuf_get_width (pixbuf);
  int height = gdk_pixbuf_get_height (pixbuf);
  int w = width / 4;
  int h = height / 4;

  g_assert_true (fixture_colour_near (fixture_mean_colour (pixbuf, w / 2, h / 2, w, h), RED, 24));
  g_assert_true (fixture_colour_near (fixture_mean_colour (pixbuf, width / 2 + w / 2, h / 2, w, h),
                                      GREEN, 24));
  g_assert_true (fixture_colour_near (fixture_mean_colour (pixbuf, w / 2, height / 2 + h / 2, w, h),
                                      BLUE, 24));
  g_assert_true (fixture_colour_near (
    fixture_mean_colour (pixbuf, width / 2 + w / 2, height / 2 + h / 2, w, h), BLACK, 24));
}

typedef struct
{
  const char        *name;
  const char        *bytes;
  gsize              size;
  ShenbaoImageFormat format;
} SniffCase;

static const SniffCase sniff_cases[] = {
  { "jpeg", "\xFF\xD8\xFF\xE0", 4, SHENBAO_IMAGE_FORMAT_JPEG },
  { "png", "\x89PNG\r\n\x1A\n\0\0\0\x0DIHDR", 16, SHENBAO_IMAGE_FORMAT_PNG },
  { "gif87", "GIF87a\x01\0\x01\0", 10, SHENBAO_IMAGE_FORMAT_GIF },
  { "gif89", "GIF89a\x01\0\x01\0", 10, SHENBAO_IMAGE_FORMAT_GIF },
  { "heic", "\0\0\0\x18" "ftypheic\0\0\0\0", 16, SHENBAO_IMAGE_FORMAT_HEIC },
  { "heif", "\0\0\0\x18" "ftypmif1\0\0\0\0", 16, SHENBAO_IMAGE_FORMAT_HEIC },
  { "avif", "\0\0\0\x1C" "ftypavif\0\0\0\0", 16, SHENBAO_IMAGE_FORMAT_AVIF },
  { "mp4", "\0\0\0\x18" "ftypisom\0\0\0\0", 16, SHENBAO_IMAGE_FORMAT_UNKNOWN },
  { "webp", "RIFF\0\0\0\0WEBPVP8 ", 16, SHENBAO_IMAGE_FORMAT_WEBP },
  { "wav", "RIFF\0\0\0\0WAVEfmt ", 16, SHENBAO_IMAGE_FORMAT_UNKNOWN },
  { "bmp", "BM\0\0\0\0\0\0\0\0\x36\0\0\0", 14, SHENBAO_IMAGE_FORMAT_BMP },
  { "tiff-le", "II*\0\x08\0\0\0", 8, SHENBAO_IMAGE_FORMAT_TIFF },
  { "tiff-be", "MM\0*\0\0\0\x08", 8, SHENBAO_IMAGE_FORMAT_TIFF },
  { "pdf", "%PDF-1.7\n", 9, SHENBAO_IMAGE_FORMAT_PDF },
  { "text", "hello, world", 12, SHENBAO_IMAGE_FORMAT_UNKNOWN },
  { "two-bytes-of-jpeg", "\xFF\xD8", 2, SHENBAO_IMAGE_FORMAT_UNKNOWN },
  { "empty", "", 0, SHENBAO_IMAGE_FORMAT_UNKNOWN },
};

static void
test_sniff (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (sniff_cases); i++)
    {
      const SniffCase *c = &sniff_cases[i];

      g_test_message ("sniff: %s", c->name);
      g_assert_cmpint (shenbao_image_sniff ((const guint8 *) c->bytes, c->size), ==, c->format);
    }
  g_assert_cmpstr (shenbao_image_format_to_string (SHENBAO_IMAGE_FORMAT_HEIC), ==, "HEIC");
  g_assert_null (shenbao_image_format_to_string (SHENBAO_IMAGE_FORMAT_UNKNOWN));
}

static void
test_probe_jpeg (void)
{
  g_autoptr(GdkPixbuf) picture = fixture_portrait (300, 200, FIXTURE_WHITE, 0.5);
  struct
  {
    const char      *name;
    FixtureJpegFlags flags;
    int              components;
    gboolean         progressive;
  } cases[] = {
    { "baseline", FIXTURE_JPEG_BASELINE, 3, FALSE },
    { "progressive", FIXTURE_JPEG_PROGRESSIVE, 3, TRUE },
    { "cmyk", FIXTURE_JPEG_CMYK, 4, FALSE },
    { "grey", FIXTURE_JPEG_GREY, 1, FALSE },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) jpeg = fixture_jpeg (picture, 90, cases[i].flags);
      g_autoptr(GError) error = NULL;
      ShenbaoImageInfo info;

      g_test_message ("probe: %s", cases[i].name);
      g_assert_true (shenbao_image_probe (jpeg, &info, &error));
      g_assert_no_error (error);
      g_assert_cmpint (info.format, ==, SHENBAO_IMAGE_FORMAT_JPEG);
      g_assert_cmpint (info.width, ==, 300);
      g_assert_cmpint (info.height, ==, 200);
      g_assert_cmpint (info.orientation, ==, 1);
      g_assert_cmpint (info.components, ==, cases[i].components);
      g_assert_cmpint (info.progressive, ==, cases[i].progressive);
      g_assert_false (info.has_metadata);
    }
}

static void
test_probe_metadata (void)
{
  g_autoptr(GdkPixbuf) picture = fixture_portrait (120, 80, FIXTURE_WHITE, 0.5);
  g_autoptr(GBytes) jpeg = fixture_jpeg (picture, 90, FIXTURE_JPEG_BASELINE);

  for (int orientation = 1; orientation <= 8; orientation++)
    {
      g_autoptr(GBytes) tagged = fixture_with_orientation (jpeg, orientation);
      ShenbaoImageInfo info;
      int width;
      int height;

      g_assert_true (shenbao_image_probe (tagged, &info, NULL));
      g_assert_cmpint (info.orientation, ==, orientation);
      g_assert_true (info.has_metadata);
      shenbao_image_info_get_upright_size (&info, &width, &height);
      g_assert_cmpint (width, ==, orientation >= 5 ? 80 : 120);
      g_assert_cmpint (height, ==, orientation >= 5 ? 120 : 80);
    }

  {
    g_autoptr(GBytes) comment = fixture_with_segment (jpeg, 0xFE, "Shot on a phone");
    g_autoptr(GBytes) xmp = fixture_with_segment (jpeg, 0xE1, "http://ns.adobe.com/xap/1.0/");
    g_autoptr(GBytes) icc = fixture_with_segment (jpeg, 0xE2, "ICC_PROFILE");
    ShenbaoImageInfo info;

    g_assert_true (shenbao_image_probe (comment, &info, NULL));
    g_assert_true (info.has_metadata);
    g_assert_true (shenbao_image_probe (xmp, &info, NULL));
    g_assert_true (info.has_metadata);
    g_assert_cmpint (info.orientation, ==, 1);
    /* The export leaves an ICC profile out too (SPEC §7). */
    g_assert_true (shenbao_image_probe (icc, &info, NULL));
    g_assert_true (info.has_metadata);
  }
}

static void
test_probe_png (void)
{
  g_autoptr(GdkPixbuf) picture = fixture_portrait (64, 48, FIXTURE_WHITE, 0.5);
  g_autoptr(GBytes) png = fixture_png (picture);
  g_autoptr(GError) error = NULL;
  ShenbaoImageInfo info;

  g_assert_true (shenbao_image_probe (png, &info, &error));
  g_assert_no_error (error);
  g_assert_cmpint (info.format, ==, SHENBAO_IMAGE_FORMAT_PNG);
  g_assert_cmpint (info.width, ==, 64);
  g_assert_cmpint (info.height, ==, 48);
  g_assert_cmpint (info.orientation, ==, 1);
}

typedef struct
{
  const char *name;
  GBytes     *data;
  int         code;
  const char *words;   /* in the message */
} RefusalCase;

/* Files refused by the header alone, each with its own message. */
static void
test_probe_refusals (void)
{
  g_autoptr(GdkPixbuf) picture = fixture_portrait (400, 300, FIXTURE_WHITE, 0.5);
  g_autoptr(GBytes) jpeg = fixture_jpeg (picture, 90, FIXTURE_JPEG_BASELINE);
  g_autoptr(GBytes) progressive = fixture_jpeg (picture, 90, FIXTURE_JPEG_PROGRESSIVE);
  g_autoptr(GBytes) png = fixture_png (picture);
  RefusalCase cases[] = {
    { "empty", g_bytes_new_static ("", 0), SHENBAO_ERROR_CORRUPT, "empty" },
    { "header only", fixture_truncated (jpeg, 0.05), SHENBAO_ERROR_CORRUPT, "cut off" },
    { "half", fixture_truncated (jpeg, 0.5), SHENBAO_ERROR_CORRUPT, "cut off" },
    { "all but the end marker", g_bytes_new_from_bytes (jpeg, 0, g_bytes_get_size (jpeg) - 2),
      SHENBAO_ERROR_CORRUPT, "cut off" },
    { "progressive, half", fixture_truncated (progressive, 0.5), SHENBAO_ERROR_CORRUPT, "cut off" },
    { "png, half", fixture_truncated (png, 0.5), SHENBAO_ERROR_CORRUPT, "cut off" },
    { "png, signature only", g_bytes_new_from_bytes (png, 0, 8), SHENBAO_ERROR_CORRUPT, "header" },
    { "30000 × 30000 header", fixture_with_frame_size (jpeg, 30000, 30000),
      SHENBAO_ERROR_TOO_LARGE, "30000" },
    { "zero height", fixture_with_frame_size (jpeg, 400, 0), SHENBAO_ERROR_CORRUPT, "size" },
    { "gif", fixture_gif (), SHENBAO_ERROR_UNSUPPORTED_FORMAT, "GIF" },
    { "heic", fixture_heic (), SHENBAO_ERROR_UNSUPPORTED_FORMAT, "HEIC" },
    { "text", g_bytes_new_static ("not an image", 12), SHENBAO_ERROR_UNSUPPORTED_FORMAT, "JPEG" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GdkPixbuf) loaded = NULL;
      ShenbaoImageInfo info;
      gint64 start = g_get_monotonic_time ();

      g_test_message ("refused: %s", cases[i].name);
      g_assert_false (shenbao_image_probe (cases[i].data, &info, &error));
      g_assert_error (error, SHENBAO_ERROR, cases[i].code);
      g_assert_nonnull (strstr (error->message, cases[i].words));
      g_clear_error (&error);

      /* Loading refuses it too, before allocating anything. */
      loaded = shenbao_image_load (cases[i].data, 1.0, &error);
      g_assert_null (loaded);
      g_assert_error (error, SHENBAO_ERROR, cases[i].code);
      g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);
      g_bytes_unref (cases[i].data);
    }
}

/* An end-of-image marker in the middle: the header walk is satisfied, the
 * decoder meets the end of the data and says so instead of painting grey. */
static void
test_load_damaged (void)
{
  g_autoptr(GdkPixbuf) picture = fixture_portrait (400, 300, FIXTURE_WHITE, 0.5);
  g_autoptr(GBytes) jpeg = fixture_jpeg (picture, 90, FIXTURE_JPEG_BASELINE);
  gsize size;
  guint8 *bytes = g_memdup2 (g_bytes_get_data (jpeg, &size), g_bytes_get_size (jpeg));
  g_autoptr(GBytes) damaged = NULL;
  g_autoptr(GdkPixbuf) loaded = NULL;
  g_autoptr(GError) error = NULL;
  ShenbaoImageInfo info;

  bytes[size / 2] = 0xFF;
  bytes[size / 2 + 1] = 0xD9;
  damaged = g_bytes_new_take (bytes, size);
  g_assert_true (shenbao_image_probe (damaged, &info, NULL));
  loaded = shenbao_image_load (damaged, 1.0, &error);
  g_assert_null (loaded);
  g_assert_error (error, SHENBAO_ERROR, SHENBAO_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "damaged"));
}

static void
test_load_orientations (void)
{
  g_autoptr(GdkPixbuf) upright = compass (160, 224);

  for (int orientation = 1; orientation <= 8; orientation++)
    {
      g_autoptr(GdkPixbuf) stored = fixture_stored_for (upright, orientation);
      g_autoptr(GBytes) plain = fixture_jpeg (stored, 92, FIXTURE_JPEG_BASELINE);
      g_autoptr(GBytes) jpeg = fixture_with_orientation (plain, orientation);
      g_autoptr(GError) error = NULL;
      g_autoptr(GdkPixbuf) loaded = NULL;

      g_test_message ("orientation %d", orientation);
      loaded = shenbao_image_load (jpeg, 1.0, &error);
      g_assert_no_error (error);
      g_assert_cmpint (gdk_pixbuf_get_width (loaded), ==, 160);
      g_assert_cmpint (gdk_pixbuf_get_height (loaded), ==, 224);
      g_assert_false (gdk_pixbuf_get_has_alpha (loaded));
      assert_compass (loaded);
    }
}

static void
test_load_colour_spaces (void)
{
  g_autoptr(GdkPixbuf) upright = compass (160, 224);
  FixtureJpegFlags flags[] = { FIXTURE_JPEG_CMYK, FIXTURE_JPEG_PROGRESSIVE,
                               FIXTURE_JPEG_CMYK | FIXTURE_JPEG_PROGRESSIVE };

  for (gsize i = 0; i < G_N_ELEMENTS (flags); i++)
    {
      g_autoptr(GBytes) jpeg = fixture_jpeg (upright, 95, flags[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(GdkPixbuf) loaded = shenbao_image_load (jpeg, 1.0, &error);

      g_assert_no_error (error);
      g_assert_cmpint (gdk_pixbuf_get_n_channels (loaded), ==, 3);
      assert_compass (loaded);
    }

  {
    g_autoptr(GBytes) grey = fixture_jpeg (upright, 95, FIXTURE_JPEG_GREY);
    g_autoptr(GdkPixbuf) loaded = shenbao_image_load (grey, 1.0, NULL);
    guint32 top_left = fixture_mean_colour (loaded, 10, 10, 40, 40);

    g_assert_cmpint (gdk_pixbuf_get_n_channels (loaded), ==, 3);
    g_assert_cmpint (top_left >> 16, ==, top_left & 0xFF);
  }
}

static void
test_load_png_alpha (void)
{
  g_autoptr(GdkPixbuf) transparent = gdk_pixbuf_new (GDK_COLORSPACE_RGB, TRUE, 8, 40, 30);
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GdkPixbuf) loaded = NULL;
  g_autoptr(GError) error = NULL;

  gdk_pixbuf_fill (transparent, 0x00000000);
  png = fixture_png (transparent);
  loaded = shenbao_image_load (png, 1.0, &error);
  g_assert_no_error (error);
  g_assert_false (gdk_pixbuf_get_has_alpha (loaded));
  g_assert_cmphex (fixture_mean_colour (loaded, 0, 0, 40, 30), ==, 0xFFFFFF);
}

/* libjpeg's DCT scaling: n/8 of the size, the smallest n that keeps at
 * least the scale asked for. */
static void
test_load_at_scale (void)
{
  g_autoptr(GdkPixbuf) picture = fixture_portrait (1600, 1200, FIXTURE_WHITE, 0.5);
  g_autoptr(GBytes) jpeg = fixture_jpeg (picture, 85, FIXTURE_JPEG_BASELINE);
  struct
  {
    double scale;
    int    width;
  } cases[] = {
    { 0.01, 200 }, { 0.125, 200 }, { 0.2, 400 }, { 0.3, 600 }, { 0.5, 800 }, { 0.9, 1600 },
    { 1.0, 1600 }, { 4.0, 1600 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GdkPixbuf) loaded = shenbao_image_load (jpeg, cases[i].scale, NULL);

      g_assert_cmpint (gdk_pixbuf_get_width (loaded), ==, cases[i].width);
      g_assert_cmpint (gdk_pixbuf_get_height (loaded), ==, cases[i].width * 3 / 4);
    }
}

static void
assert_clean_jpeg (GBytes *jpeg)
{
  g_autoptr(GArray) markers = fixture_jpeg_markers (jpeg);

  for (guint i = 0; i < markers->len; i++)
    {
      guint8 marker = g_array_index (markers, guint8, i);

      /* SOI, one APP0 (JFIF) second, then tables, a baseline frame, a scan. */
      if (i == 1)
        g_assert_cmphex (marker, ==, 0xE0);
      else
        g_assert_true (marker == 0xD8 || marker == 0xDB || marker == 0xC0 || marker == 0xC4
                       || marker == 0xDA);
    }
}

static void
test_encode_clean (void)
{
  g_autoptr(GdkPixbuf) picture = fixture_portrait (295, 413, FIXTURE_WHITE, 0.5);
  struct
  {
    ShenbaoJpegOptions options;
    int                unit;
    int                density;
    gboolean           subsampled;
  } cases[] = {
    { { .quality = 90, .dpi = 300 }, 1, 300, TRUE },
    { { .quality = 90, .dpi = 300, .full_chroma = TRUE }, 1, 300, FALSE },
    { { .quality = 75, .optimize_coding = TRUE }, 0, 1, TRUE },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) jpeg = shenbao_image_encode_jpeg (picture, &cases[i].options, &error);
      g_autoptr(GdkPixbuf) decoded = NULL;
      ShenbaoImageInfo info;
      int unit;
      int x_density;
      int y_density;

      g_assert_no_error (error);
      assert_clean_jpeg (jpeg);
      g_assert_true (fixture_jpeg_density (jpeg, &unit, &x_density, &y_density));
      g_assert_cmpint (unit, ==, cases[i].unit);
      g_assert_cmpint (x_density, ==, cases[i].density);
      g_assert_cmpint (y_density, ==, cases[i].density);
      g_assert_cmpint (fixture_jpeg_subsampled (jpeg), ==, cases[i].subsampled);
      g_assert_true (shenbao_image_probe (jpeg, &info, NULL));
      g_assert_false (info.progressive);
      g_assert_false (info.has_metadata);

      decoded = shenbao_image_load (jpeg, 1.0, NULL);
      g_assert_true (fixture_colour_near (fixture_mean_colour (decoded, 0, 0, 295, 20),
                                          FIXTURE_WHITE, 8));
    }
}

static void
test_encode_alpha (void)
{
  g_autoptr(GdkPixbuf) transparent = gdk_pixbuf_new (GDK_COLORSPACE_RGB, TRUE, 8, 32, 32);
  ShenbaoJpegOptions options = { .quality = 95 };
  g_autoptr(GBytes) jpeg = NULL;
  g_autoptr(GdkPixbuf) decoded = NULL;

  gdk_pixbuf_fill (transparent, 0x20202000);
  jpeg = shenbao_image_encode_jpeg (transparent, &options, NULL);
  decoded = shenbao_image_load (jpeg, 1.0, NULL);
  g_assert_true (fixture_colour_near (fixture_mean_colour (decoded, 0, 0, 32, 32), 0xFFFFFF, 2));
}

static void
test_encode_within (void)
{
  g_autoptr(GdkPixbuf) picture = fixture_portrait (295, 413, FIXTURE_WHITE, 1.0);
  ShenbaoJpegOptions options = { .quality = 100 };
  gsize limits[] = { 200000, 60000, 30000, 12000 };

  for (gsize i = 0; i < G_N_ELEMENTS (limits); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) jpeg = NULL;
      int quality = 0;

      jpeg = shenbao_image_encode_jpeg_within (picture, &options, limits[i], 30, &quality, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (g_bytes_get_size (jpeg), <=, limits[i]);
      if (quality < 100)
        {
          ShenbaoJpegOptions better = { .quality = quality + 1 };
          g_autoptr(GBytes) larger = shenbao_image_encode_jpeg (picture, &better, NULL);

          g_assert_cmpuint (g_bytes_get_size (larger), >, limits[i]);
        }
    }

  {
    g_autoptr(GError) error = NULL;
    int quality = 0;
    g_autoptr(GBytes) jpeg = shenbao_image_encode_jpeg_within (picture, &options, 3000, 50,
                                                                &quality, &error);

    g_assert_null (jpeg);
    g_assert_error (error, SHENBAO_ERROR, SHENBAO_ERROR_TOO_LARGE);
  }
}

static void
test_read_file (void)
{
  g_autofree char *dir = fixture_temp_dir ();
  g_autofree char *missing = g_build_filename (dir, "missing.jpg", NULL);
  g_autofree char *huge = g_build_filename (dir, "huge.jpg", NULL);
  g_autoptr(GBytes) data = NULL;
  g_autoptr(GError) error = NULL;
  int fd;

  data = shenbao_image_read_file (missing, &error);
  g_assert_null (data);
  g_assert_error (error, SHENBAO_ERROR, SHENBAO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A sparse file: large, and nothing written. */
  fd = open (huge, O_CREAT | O_WRONLY, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, SHENBAO_IMAGE_MAX_FILE_BYTES + 1), ==, 0);
  close (fd);
  data = shenbao_image_read_file (huge, &error);
  g_assert_null (data);
  g_assert_error (error, SHENBAO_ERROR, SHENBAO_ERROR_TOO_LARGE);
  fixture_remove_dir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/image/sniff", test_sniff);
  g_test_add_func ("/image/probe/jpeg", test_probe_jpeg);
  g_test_add_func ("/image/probe/metadata", test_probe_metadata);
  g_test_add_func ("/image/probe/png", test_probe_png);
  g_test_add_func ("/image/probe/refusals", test_probe_refusals);
  g_test_add_func ("/image/load/damaged", test_load_damaged);
  g_test_add_func ("/image/load/orientations", test_load_orientations);
  g_test_add_func ("/image/load/colour-spaces", test_load_colour_spaces);
  g_test_add_func ("/image/load/png-alpha", test_load_png_alpha);
  g_test_add_func ("/image/load/at-scale", test_load_at_scale);
  g_test_add_func ("/image/encode/clean", test_encode_clean);
  g_test_add_func ("/image/encode/alpha", test_encode_alpha);
  g_test_add_func ("/image/encode/within", test_encode_within);
  g_test_add_func ("/image/read-file", test_read_file);

  return g_test_run ();
}
