/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "shenbao.h"
#include "image-fixtures.h"

#define HAIR  0x231C16
#define SHIRT 0x2D3E6E

static guint
count_errors (GPtrArray *findings)
{
  guint errors = 0;

  for (guint i = 0; i < findings->len; i++)
    {
      const ShenbaoFinding *finding = g_ptr_array_index (findings, i);

      g_test_message ("  %s %s", finding->code, finding->message);
      if (finding->severity == SHENBAO_SEVERITY_ERROR)
        errors++;
    }
  return errors;
}

/* SPEC §7: a photo passes only when both readings of KB agree. The sizes
 * are made exact by bytes after the end-of-image marker. */
static void
test_file_sizes (void)
{
  g_autoptr(GdkPixbuf) portrait = fixture_portrait (295, 413, FIXTURE_WHITE, 1.0);
  struct
  {
    gsize       size;
    const char *code;    /* NULL: passes */
    const char *words;   /* in the message */
  } cases[] = {
    { 30000, "photo.size.too-small", "40 000 or 40 960" },
    { 39999, "photo.size.too-small", "40 000 or 40 960" },
    { 40000, "photo.size.too-small", "1024" },
    { 40959, "photo.size.too-small", "1024" },
    { 40960, NULL, NULL },
    { 62000, NULL, NULL },
    { 80000, NULL, NULL },
    { 80001, "photo.size.too-large", "1000 bytes" },
    { 81920, "photo.size.too-large", "1000 bytes" },
    { 81921, "photo.size.too-large", "80 000 or 81 920" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) jpeg = fixture_jpeg_of_size (portrait, cases[i].size, 0);
      g_autoptr(GPtrArray) findings = shenbao_photo_check (jpeg);
      const ShenbaoFinding *finding;

      g_test_message ("size %" G_GSIZE_FORMAT, cases[i].size);
      g_assert_cmpuint (g_bytes_get_size (jpeg), ==, cases[i].size);
      if (cases[i].code == NULL)
        {
          g_assert_cmpuint (count_errors (findings), ==, 0);
          g_assert_cmpuint (findings->len, ==, 0);
          continue;
        }
      g_assert_cmpuint (count_errors (findings), ==, 1);
      finding = shenbao_findings_find (findings, cases[i].code);
      g_assert_nonnull (finding);
      g_assert_cmpint (finding->severity, ==, SHENBAO_SEVERITY_ERROR);
      g_assert_nonnull (strstr (finding->message, cases[i].words));
    }
}

typedef struct
{
  const char      *name;
  GBytes          *data;
  const char      *code;
  ShenbaoSeverity  severity;
  const char      *words;  /* in the message, or NULL */
  guint            errors; /* in all */
} CheckCase;

static GBytes *
sized (GdkPixbuf       *pixbuf,
       gsize            size,
       FixtureJpegFlags flags)
{
  GBytes *jpeg = fixture_jpeg_of_size (pixbuf, size, flags);

  g_object_unref (pixbuf);
  return jpeg;
}

static GBytes *
encoded (GdkPixbuf       *pixbuf,
         FixtureJpegFlags flags)
{
  GBytes *jpeg = fixture_jpeg (pixbuf, 95, flags);

  g_object_unref (pixbuf);
  return jpeg;
}

static GBytes *
turned (int orientation)
{
  g_autoptr(GdkPixbuf) upright = fixture_portrait (295, 413, FIXTURE_WHITE, 1.0);
  g_autoptr(GdkPixbuf) stored = fixture_stored_for (upright, orientation);
  g_autoptr(GBytes) jpeg = fixture_jpeg_of_size (stored, 60000, FIXTURE_JPEG_BASELINE);

  return fixture_with_orientation (jpeg, orientation);
}

static void
test_findings (void)
{
  g_autoptr(GdkPixbuf) good = fixture_portrait (295, 413, FIXTURE_WHITE, 1.0);
  g_autoptr(GBytes) good_jpeg = fixture_jpeg_of_size (good, 60000, FIXTURE_JPEG_BASELINE);
  CheckCase cases[] = {
    { "blue background", sized (fixture_portrait (295, 413, FIXTURE_BLUE, 1.0), 60000, 0),
      "photo.background.colour", SHENBAO_SEVERITY_ERROR, "blue", 1 },
    { "red background", sized (fixture_portrait (295, 413, 0xC83232, 1.0), 60000, 0),
      "photo.background.colour", SHENBAO_SEVERITY_ERROR, "red", 1 },
    { "grey background", sized (fixture_portrait (295, 413, 0x8C8C8C, 1.0), 60000, 0),
      "photo.background.dark", SHENBAO_SEVERITY_ERROR, NULL, 1 },
    { "greyish background", sized (fixture_portrait (295, 413, 0xB4B4B4, 1.0), 60000, 0),
      "photo.background.greyish", SHENBAO_SEVERITY_WARNING, NULL, 0 },
    { "landscape", sized (fixture_portrait (560, 400, FIXTURE_WHITE, 1.0), 60000, 0),
      "photo.dimensions.landscape", SHENBAO_SEVERITY_ERROR, "560 × 400", 1 },
    { "3:4", sized (fixture_portrait (300, 400, FIXTURE_WHITE, 1.0), 60000, 0),
      "photo.dimensions.aspect", SHENBAO_SEVERITY_ERROR, "5:7", 1 },
    { "too small", sized (fixture_portrait (250, 350, FIXTURE_WHITE, 1.0), 45000, 0),
      "photo.dimensions.too-small", SHENBAO_SEVERITY_ERROR, "260 × 364", 1 },
    { "larger 5:7", sized (fixture_portrait (325, 455, FIXTURE_WHITE, 1.0), 60000, 0),
      "photo.dimensions.not-recommended", SHENBAO_SEVERITY_WARNING, "295 × 413", 0 },
    { "turned by EXIF", turned (6), "photo.orientation.exif", SHENBAO_SEVERITY_WARNING, NULL, 0 },
    { "EXIF metadata", turned (1), "photo.metadata", SHENBAO_SEVERITY_INFO, NULL, 0 },
    { "cmyk", sized (fixture_portrait (295, 413, FIXTURE_WHITE, 1.0), 60000, FIXTURE_JPEG_CMYK),
      "photo.jpeg.cmyk", SHENBAO_SEVERITY_ERROR, "CMYK", 1 },
    { "progressive",
      sized (fixture_portrait (295, 413, FIXTURE_WHITE, 1.0), 60000, FIXTURE_JPEG_PROGRESSIVE),
      "photo.jpeg.progressive", SHENBAO_SEVERITY_WARNING, NULL, 0 },
    { "truncated", fixture_truncated (good_jpeg, 0.7), "photo.file.damaged",
      SHENBAO_SEVERITY_ERROR, "cut off", 1 },
    { "empty", g_bytes_new_static ("", 0), "photo.file.empty", SHENBAO_SEVERITY_ERROR, NULL, 1 },
    { "30000 × 30000 header", fixture_with_frame_size (good_jpeg, 30000, 30000),
      "photo.dimensions.huge", SHENBAO_SEVERITY_ERROR, "30000", 1 },
    /* A wrong format is also the wrong size here. */
    { "png named .jpg", fixture_png (good), "photo.format.not-jpeg", SHENBAO_SEVERITY_ERROR,
      "PNG", 2 },
    { "gif named .jpg", fixture_gif (), "photo.format.not-jpeg", SHENBAO_SEVERITY_ERROR, "GIF",
      2 },
    { "heic named .jpg", fixture_heic (), "photo.format.not-jpeg", SHENBAO_SEVERITY_ERROR,
      "HEIC", 2 },
    { "text named .jpg", g_bytes_new_static ("hello", 5), "photo.format.not-jpeg",
      SHENBAO_SEVERITY_ERROR, "nor any image format", 2 },
  };

  {
    g_autoptr(GPtrArray) findings = shenbao_photo_check (good_jpeg);

    g_assert_cmpuint (count_errors (findings), ==, 0);
    g_assert_cmpuint (findings->len, ==, 0);
  }

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) findings = shenbao_photo_check (cases[i].data);
      const ShenbaoFinding *finding = shenbao_findings_find (findings, cases[i].code);

      g_test_message ("check: %s", cases[i].name);
      g_assert_nonnull (finding);
      g_assert_cmpint (finding->severity, ==, cases[i].severity);
      g_assert_cmpstr (finding->field, ==, "photo");
      if (cases[i].words != NULL)
        g_assert_nonnull (strstr (finding->message, cases[i].words));
      g_assert_cmpuint (count_errors (findings), ==, cases[i].errors);
      g_bytes_unref (cases[i].data);
    }
}

static void
test_format_suggestions (void)
{
  g_autoptr(GdkPixbuf) good = fixture_portrait (295, 413, FIXTURE_WHITE, 1.0);
  g_autoptr(GBytes) png = fixture_png (good);
  g_autoptr(GBytes) heic = fixture_heic ();
  g_autoptr(GPtrArray) png_findings = shenbao_photo_check (png);
  g_autoptr(GPtrArray) heic_findings = shenbao_photo_check (heic);

  /* The fixer reads a PNG; a HEIC must be saved as JPEG first. */
  g_assert_nonnull (strstr (shenbao_findings_find (png_findings, "photo.format.not-jpeg")->suggestion,
                            "fixer"));
  g_assert_nonnull (strstr (shenbao_findings_find (heic_findings, "photo.format.not-jpeg")->suggestion,
                            "iPhone"));

  /* A damaged file is too large all the same, but the fixer cannot read it. */
  {
    g_autoptr(GdkPixbuf) large = fixture_portrait (600, 840, FIXTURE_WHITE, 1.0);
    g_autoptr(GBytes) jpeg = fixture_jpeg (large, 100, FIXTURE_JPEG_BASELINE);
    g_autoptr(GBytes) truncated = fixture_truncated (jpeg, 0.9);
    g_autoptr(GPtrArray) findings = shenbao_photo_check (truncated);
    const ShenbaoFinding *size = shenbao_findings_find (findings, "photo.size.too-large");

    g_assert_nonnull (size);
    g_assert_null (size->suggestion);
    g_assert_nonnull (shenbao_findings_find (findings, "photo.file.damaged"));
  }
}

static void
assert_no_metadata (GBytes *jpeg)
{
  g_autoptr(GArray) markers = fixture_jpeg_markers (jpeg);
  int unit;
  int x_density;
  int y_density;

  for (guint i = 0; i < markers->len; i++)
    {
      guint8 marker = g_array_index (markers, guint8, i);

      /* Only JFIF's APP0 among the application segments, no comment, and a
       * baseline frame. */
      g_assert_true (marker < 0xE1 || marker > 0xEF);
      g_assert_cmphex (marker, !=, 0xFE);
      g_assert_true (marker == 0xC0 || marker < 0xC1 || marker > 0xCF || marker == 0xC4);
    }
  g_assert_true (fixture_jpeg_density (jpeg, &unit, &x_density, &y_density));
  g_assert_cmpint (unit, ==, 1);
  g_assert_cmpint (x_density, ==, y_density);
}

/* The fixed photo shows the head at the top and the shirt at the bottom.
 * Where the hair is depends on the frame (around the face, or centred when
 * the drawn face is missed): somewhere in the top third, in the middle. */
static void
assert_upright_portrait (GBytes *jpeg)
{
  g_autoptr(GdkPixbuf) photo = shenbao_image_load (jpeg, 1.0, NULL);
  int width = gdk_pixbuf_get_width (photo);
  int height = gdk_pixbuf_get_height (photo);
  gboolean hair = FALSE;

  g_assert_cmpint (width * 7, ==, height * 5);
  for (int y = height / 20; y < height / 3 && !hair; y += height / 50)
    hair = fixture_colour_near (
      fixture_mean_colour (photo, width * 45 / 100, y, width / 10, height / 25), HAIR, 40);
  g_assert_true (hair);
  g_assert_true (fixture_colour_near (
    fixture_mean_colour (photo, width * 45 / 100, height * 92 / 100, width / 10, height / 25),
    SHIRT, 40));
  g_assert_true (fixture_colour_near (fixture_mean_colour (photo, 0, 0, width, height / 30),
                                      FIXTURE_WHITE, 12));
}

static void
assert_fixed (GBytes                      *input,
              GBytes                      *photo,
              const ShenbaoPhotoFixReport *report)
{
  g_autoptr(GPtrArray) findings = shenbao_photo_check (photo);
  ShenbaoImageInfo info;

  g_assert_nonnull (photo);
  g_assert_false (g_bytes_equal (input, photo));
  g_assert_cmpuint (count_errors (findings), ==, 0);
  g_assert_cmpuint (g_bytes_get_size (photo), >=, SHENBAO_PHOTO_MIN_BYTES);
  g_assert_cmpuint (g_bytes_get_size (photo), <=, SHENBAO_PHOTO_MAX_BYTES);
  g_assert_cmpuint (g_bytes_get_size (photo), ==, report->size);
  g_assert_true (shenbao_image_probe (photo, &info, NULL));
  g_assert_cmpint (info.width, ==, report->width);
  g_assert_cmpint (info.height, ==, report->height);
  g_assert_cmpint (info.orientation, ==, 1);
  g_assert_false (info.has_metadata);
  g_assert_false (info.progressive);
  g_assert_cmpint (info.components, ==, 3);
  g_assert_cmpint (fixture_jpeg_subsampled (photo), ==, !report->full_chroma);
  assert_no_metadata (photo);
  assert_upright_portrait (photo);
}

static GBytes *
phone_photo (int orientation)
{
  g_autoptr(GdkPixbuf) upright = fixture_portrait (900, 1200, FIXTURE_WHITE, 1.0);
  g_autoptr(GdkPixbuf) stored = fixture_stored_for (upright, orientation);
  g_autoptr(GBytes) jpeg = fixture_jpeg (stored, 92, FIXTURE_JPEG_BASELINE);
  g_autoptr(GBytes) tagged = fixture_with_orientation (jpeg, orientation);

  /* A camera's comment and an XMP packet besides the EXIF and its GPS. */
  g_autoptr(GBytes) commented = fixture_with_segment (tagged, 0xFE, "Camera comment");

  return fixture_with_segment (commented, 0xE1, "http://ns.adobe.com/xap/1.0/\0<x:xmpmeta/>");
}

static void
test_fix_orientations (void)
{
  for (int orientation = 1; orientation <= 8; orientation++)
    {
      g_autoptr(GBytes) input = phone_photo (orientation);
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) photo = NULL;
      ShenbaoPhotoFixReport report;

      g_test_message ("fix: orientation %d", orientation);
      photo = shenbao_photo_fix (input, NULL, &report, &error);
      g_assert_no_error (error);
      assert_fixed (input, photo, &report);
      g_assert_cmpint (report.width, ==, SHENBAO_PHOTO_WIDTH);
      g_assert_cmpint (report.height, ==, SHENBAO_PHOTO_HEIGHT);
    }
}

/* The portrait in the middle of a wider white picture. */
static GdkPixbuf *
widened (GdkPixbuf *portrait,
         int        width)
{
  int height = gdk_pixbuf_get_height (portrait);
  int portrait_width = gdk_pixbuf_get_width (portrait);
  GdkPixbuf *wide = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);

  gdk_pixbuf_fill (wide, FIXTURE_WHITE << 8 | 0xFF);
  gdk_pixbuf_copy_area (portrait, 0, 0, portrait_width, height, wide,
                        (width - portrait_width) / 2, 0);
  return wide;
}

typedef struct
{
  const char *name;
  GBytes     *data;
  gboolean    full_chroma;  /* the plain photos need 4:4:4 … */
  gboolean    enlarged;     /* … or a larger 5:7 size */
  gboolean    below_best;   /* a detailed one fits below quality 100 */
} FixCase;

static void
test_fix_inputs (void)
{
  g_autoptr(GdkPixbuf) sharp = fixture_portrait (600, 840, FIXTURE_WHITE, 1.0);
  g_autoptr(GdkPixbuf) detailed = fixture_portrait (295, 413, FIXTURE_WHITE, 1.0);
  FixCase cases[] = {
    { "sharp", fixture_jpeg (sharp, 92, FIXTURE_JPEG_BASELINE), FALSE, FALSE, FALSE },
    { "over 80 000 bytes", fixture_jpeg (sharp, 100, FIXTURE_JPEG_BASELINE), FALSE, FALSE, FALSE },
    { "detailed, 295 × 413", fixture_jpeg (detailed, 100, FIXTURE_JPEG_BASELINE), FALSE, FALSE,
      TRUE },
    { "cmyk", fixture_jpeg (sharp, 92, FIXTURE_JPEG_CMYK), FALSE, FALSE, FALSE },
    { "progressive", fixture_jpeg (sharp, 92, FIXTURE_JPEG_PROGRESSIVE), FALSE, FALSE, FALSE },
    { "png named .jpg", fixture_png (sharp), FALSE, FALSE, FALSE },
    { "landscape", encoded (widened (sharp, 1200), 0), FALSE, FALSE, FALSE },
    { "smooth", encoded (fixture_portrait (600, 840, FIXTURE_WHITE, 0.02), 0), TRUE, FALSE,
      FALSE },
    { "smoother", encoded (fixture_portrait (600, 840, FIXTURE_WHITE, 0.0), 0), TRUE, TRUE,
      FALSE },
    { "just big enough", sized (fixture_portrait (260, 364, FIXTURE_WHITE, 1.0), 40000, 0),
      FALSE, FALSE, FALSE },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) photo = NULL;
      ShenbaoPhotoFixReport report;

      g_test_message ("fix: %s", cases[i].name);
      photo = shenbao_photo_fix (cases[i].data, NULL, &report, &error);
      g_assert_no_error (error);
      g_test_message ("  %d × %d, quality %d, %s, %" G_GSIZE_FORMAT " bytes", report.width,
                      report.height, report.quality, report.full_chroma ? "4:4:4" : "4:2:0",
                      report.size);
      assert_fixed (cases[i].data, photo, &report);
      g_assert_cmpint (report.full_chroma, ==, cases[i].full_chroma);
      g_assert_cmpint (report.width > SHENBAO_PHOTO_WIDTH, ==, cases[i].enlarged);
      g_assert_cmpint (report.quality < 100, ==, cases[i].below_best);

      /* Fixing a fixed photo still passes. */
      {
        g_autoptr(GBytes) again = shenbao_photo_fix (photo, NULL, &report, &error);

        g_assert_no_error (error);
        assert_fixed (photo, again, &report);
      }
      g_bytes_unref (cases[i].data);
    }
}

typedef struct
{
  const char *name;
  GBytes     *data;
  int         code;
  const char *words;
} FixFailure;

static void
test_fix_failures (void)
{
  g_autoptr(GdkPixbuf) sharp = fixture_portrait (600, 840, FIXTURE_WHITE, 1.0);
  g_autoptr(GBytes) jpeg = fixture_jpeg (sharp, 92, FIXTURE_JPEG_BASELINE);
  FixFailure cases[] = {
    { "plain card", encoded (fixture_plain_card (600, 840), 0), SHENBAO_ERROR_INVALID_INPUT,
      "40 960" },
    { "blue background", encoded (fixture_portrait (600, 840, FIXTURE_BLUE, 1.0), 0),
      SHENBAO_ERROR_INVALID_INPUT, "white wall" },
    { "dark background", encoded (fixture_portrait (600, 840, 0x505050, 1.0), 0),
      SHENBAO_ERROR_INVALID_INPUT, "white wall" },
    { "too small", encoded (fixture_portrait (240, 336, FIXTURE_WHITE, 1.0), 0),
      SHENBAO_ERROR_INVALID_INPUT, "260 × 364" },
    { "truncated", fixture_truncated (jpeg, 0.6), SHENBAO_ERROR_CORRUPT, "cut off" },
    { "empty", g_bytes_new_static ("", 0), SHENBAO_ERROR_CORRUPT, "empty" },
    { "30000 × 30000 header", fixture_with_frame_size (jpeg, 30000, 30000),
      SHENBAO_ERROR_TOO_LARGE, "30000" },
    { "gif named .jpg", fixture_gif (), SHENBAO_ERROR_UNSUPPORTED_FORMAT, "GIF" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) photo = NULL;
      ShenbaoPhotoFixReport report;

      g_test_message ("refuses: %s", cases[i].name);
      photo = shenbao_photo_fix (cases[i].data, NULL, &report, &error);
      g_assert_null (photo);
      g_assert_error (error, SHENBAO_ERROR, cases[i].code);
      g_test_message ("  %s", error->message);
      g_assert_nonnull (strstr (error->message, cases[i].words));
      g_bytes_unref (cases[i].data);
    }
}

static void
test_default_crop (void)
{
  struct
  {
    int              width;
    int              height;
    ShenbaoPhotoCrop crop;
  } cases[] = {
    { 295, 413, { 0, 0, 295, 413 } },
    { 3000, 4000, { 71, 0, 2857, 4000 } },
    { 4000, 3000, { 929, 0, 2142, 3000 } },
    { 1000, 2000, { 0, 300, 1000, 1400 } },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      ShenbaoPhotoCrop crop;

      shenbao_photo_default_crop (cases[i].width, cases[i].height, &crop);
      g_assert_cmpint (crop.x, ==, cases[i].crop.x);
      g_assert_cmpint (crop.y, ==, cases[i].crop.y);
      g_assert_cmpint (crop.width, ==, cases[i].crop.width);
      g_assert_cmpint (crop.height, ==, cases[i].crop.height);
    }
}

/* A group photo: the portrait is the left half of a wide picture, where the
 * centred crop would miss it. */
static void
test_fix_crop (void)
{
  g_autoptr(GdkPixbuf) portrait = fixture_portrait (600, 840, FIXTURE_WHITE, 1.0);
  g_autoptr(GdkPixbuf) wide = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 1500, 840);
  g_autoptr(GBytes) jpeg = NULL;
  g_autoptr(GBytes) photo = NULL;
  g_autoptr(GError) error = NULL;
  ShenbaoPhotoFixReport report;
  /* A little wider than 5:7: trimmed around its centre. */
  const ShenbaoPhotoCrop crop = { 0, 0, 640, 840 };
  const ShenbaoPhotoCrop outside[] = {
    { -1, 0, 600, 840 }, { 1000, 0, 600, 840 }, { 0, 0, 0, 0 }, { 0, 100, 600, 840 },
  };

  gdk_pixbuf_fill (wide, FIXTURE_WHITE << 8 | 0xFF);
  gdk_pixbuf_copy_area (portrait, 0, 0, 600, 840, wide, 20, 0);
  jpeg = fixture_jpeg (wide, 92, FIXTURE_JPEG_BASELINE);

  photo = shenbao_photo_fix (jpeg, &crop, &report, &error);
  g_assert_no_error (error);
  assert_fixed (jpeg, photo, &report);

  for (gsize i = 0; i < G_N_ELEMENTS (outside); i++)
    {
      g_autoptr(GBytes) refused = shenbao_photo_fix (jpeg, &outside[i], &report, &error);

      g_assert_null (refused);
      g_assert_error (error, SHENBAO_ERROR, SHENBAO_ERROR_INVALID_INPUT);
      g_clear_error (&error);
    }
}

/* The crop is in upright coordinates, after the EXIF orientation. */
static void
test_fix_crop_turned (void)
{
  g_autoptr(GdkPixbuf) portrait = fixture_portrait (600, 840, FIXTURE_WHITE, 1.0);
  g_autoptr(GdkPixbuf) tall = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 600, 1500);
  g_autoptr(GdkPixbuf) stored = NULL;
  g_autoptr(GBytes) jpeg = NULL;
  g_autoptr(GBytes) tagged = NULL;
  g_autoptr(GBytes) photo = NULL;
  g_autoptr(GError) error = NULL;
  ShenbaoPhotoFixReport report;
  const ShenbaoPhotoCrop crop = { 0, 600, 600, 840 };

  gdk_pixbuf_fill (tall, 0x202020FF);
  gdk_pixbuf_copy_area (portrait, 0, 0, 600, 840, tall, 0, 600);
  stored = fixture_stored_for (tall, 8);
  jpeg = fixture_jpeg (stored, 92, FIXTURE_JPEG_BASELINE);
  tagged = fixture_with_orientation (jpeg, 8);

  photo = shenbao_photo_fix (tagged, &crop, &report, &error);
  g_assert_no_error (error);
  assert_fixed (tagged, photo, &report);
}

/* The best-quality JPEG of the portrait at most max_bytes, unpadded. */
static GBytes *
jpeg_under (GdkPixbuf *pixbuf,
            gsize      max_bytes)
{
  for (int quality = 100; quality > 0; quality--)
    {
      GBytes *jpeg = fixture_jpeg (pixbuf, quality, FIXTURE_JPEG_BASELINE);

      if (g_bytes_get_size (jpeg) <= max_bytes)
        return jpeg;
      g_bytes_unref (jpeg);
    }
  g_assert_not_reached ();
}

/* A comment of exactly length bytes of payload. */
static GBytes *
with_comment (GBytes *jpeg,
              gsize   length)
{
  g_autofree char *payload = g_strnfill (length, 'x');

  return fixture_with_segment (jpeg, 0xFE, payload);
}

/* SPEC §7: check-photo judges what the export writes. A 62 000-byte photo
 * that is 30 000 bytes of picture and a comment used to pass the check and
 * be refused by the export once the comment was stripped. */
static void
test_export_padded_comment (void)
{
  g_autoptr(GdkPixbuf) portrait = fixture_portrait (295, 413, FIXTURE_WHITE, 1.0);
  g_autoptr(GBytes) picture = jpeg_under (portrait, 30000);
  g_autoptr(GBytes) padded = with_comment (picture, 62000 - g_bytes_get_size (picture) - 4);
  g_autoptr(GPtrArray) checks = shenbao_photo_check (padded);
  g_autoptr(GPtrArray) exported_checks = NULL;
  g_autoptr(GBytes) exported = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *words = g_strdup_printf ("would be %lu bytes", (gulong) g_bytes_get_size (picture));
  const ShenbaoFinding *finding;

  g_assert_cmpuint (g_bytes_get_size (padded), ==, 62000);
  g_assert_cmpuint (count_errors (checks), ==, 1);
  finding = shenbao_findings_find (checks, "photo.export");
  g_assert_nonnull (finding);
  g_assert_nonnull (strstr (finding->message, words));
  g_assert_nonnull (finding->suggestion);

  /* The export fixes what the check refused, and the result passes. */
  exported = shenbao_photo_export (padded, checks, &error);
  g_assert_no_error (error);
  exported_checks = shenbao_photo_check (exported);
  g_assert_cmpuint (count_errors (exported_checks), ==, 0);
}

/* Metadata that the window can spare: the check passes, and the export
 * writes the very picture bytes without it, which pass again. */
static void
test_export_strips (void)
{
  g_autoptr(GdkPixbuf) portrait = fixture_portrait (295, 413, FIXTURE_WHITE, 1.0);
  g_autoptr(GBytes) picture = jpeg_under (portrait, 60000);
  g_autoptr(GBytes) tagged = fixture_with_orientation (picture, 1);
  g_autoptr(GBytes) xmp = fixture_with_segment (tagged, 0xE1, "http://ns.adobe.com/xap/1.0/");
  g_autoptr(GBytes) icc = fixture_with_segment (xmp, 0xE2, "ICC_PROFILE");
  g_autoptr(GBytes) commented = with_comment (icc, 8000);
  g_autoptr(GPtrArray) checks = shenbao_photo_check (commented);
  g_autoptr(GPtrArray) exported_checks = NULL;
  g_autoptr(GBytes) exported = NULL;
  g_autoptr(GError) error = NULL;
  ShenbaoImageInfo info;

  g_assert_cmpuint (g_bytes_get_size (picture), >=, SHENBAO_PHOTO_MIN_BYTES);
  g_assert_cmpuint (g_bytes_get_size (commented), <=, SHENBAO_PHOTO_MAX_BYTES);
  g_assert_cmpuint (count_errors (checks), ==, 0);
  g_assert_nonnull (shenbao_findings_find (checks, "photo.metadata"));

  exported = shenbao_photo_export (commented, checks, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (exported, picture));
  g_assert_true (shenbao_image_probe (exported, &info, NULL));
  g_assert_false (info.has_metadata);
  exported_checks = shenbao_photo_check (exported);
  g_assert_cmpuint (count_errors (exported_checks), ==, 0);
  g_assert_null (shenbao_findings_find (exported_checks, "photo.metadata"));

  /* Nothing to strip: the photo leaves as it is. */
  g_clear_pointer (&exported, g_bytes_unref);
  exported = shenbao_photo_export (picture, exported_checks, &error);
  g_assert_no_error (error);
  g_assert_true (exported == picture);
}

/* A photo that shows upright only by its EXIF tag passes with a warning;
 * the export turns it (new pixels, its own frame), and that passes too. */
static void
test_export_turned (void)
{
  g_autoptr(GdkPixbuf) upright = fixture_portrait (295, 413, FIXTURE_WHITE, 1.0);

  for (int orientation = 2; orientation <= 8; orientation++)
    {
      g_autoptr(GdkPixbuf) stored = fixture_stored_for (upright, orientation);
      g_autoptr(GBytes) picture = jpeg_under (stored, 60000);
      g_autoptr(GBytes) tagged = fixture_with_orientation (picture, orientation);
      g_autoptr(GPtrArray) checks = shenbao_photo_check (tagged);
      g_autoptr(GPtrArray) exported_checks = NULL;
      g_autoptr(GBytes) exported = NULL;
      g_autoptr(GError) error = NULL;
      ShenbaoImageInfo info;

      g_test_message ("orientation %d", orientation);
      g_assert_cmpuint (count_errors (checks), ==, 0);
      g_assert_nonnull (shenbao_findings_find (checks, "photo.orientation.exif"));
      exported = shenbao_photo_export (tagged, checks, &error);
      g_assert_no_error (error);
      g_assert_true (shenbao_image_probe (exported, &info, NULL));
      g_assert_cmpint (info.orientation, ==, 1);
      g_assert_false (info.has_metadata);
      g_assert_cmpint (info.width, ==, SHENBAO_PHOTO_WIDTH);
      exported_checks = shenbao_photo_check (exported);
      g_assert_cmpuint (count_errors (exported_checks), ==, 0);
      assert_upright_portrait (exported);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/photo/check/file-sizes", test_file_sizes);
  g_test_add_func ("/photo/check/findings", test_findings);
  g_test_add_func ("/photo/check/format-suggestions", test_format_suggestions);
  g_test_add_func ("/photo/fix/orientations", test_fix_orientations);
  g_test_add_func ("/photo/fix/inputs", test_fix_inputs);
  g_test_add_func ("/photo/fix/failures", test_fix_failures);
  g_test_add_func ("/photo/fix/default-crop", test_default_crop);
  g_test_add_func ("/photo/fix/crop", test_fix_crop);
  g_test_add_func ("/photo/fix/crop-turned", test_fix_crop_turned);
  g_test_add_func ("/photo/export/padded-comment", test_export_padded_comment);
  g_test_add_func ("/photo/export/strips", test_export_strips);
  g_test_add_func ("/photo/export/turned", test_export_turned);

  return g_test_run ();
}
