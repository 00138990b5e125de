/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The face of the 1-inch photo (SPEC §7) on a real face: Eileen Collins's
 * NASA portrait (public domain, tests/fixtures/README.md), placed, scaled,
 * turned and framed as candidates' pictures come. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "shenbao.h"
#include "image-fixtures.h"

/* Where the detector finds the face in the fixture (240 × 330), measured
 * once by hand against the picture: the box from the brows to below the
 * mouth, centred on the nose. */
#define FIXTURE_FACE_CENTRE_X 118
#define FIXTURE_FACE_CENTRE_Y 115
#define FIXTURE_FACE_SIZE     99

static GdkPixbuf *
portrait (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "portrait-collins.jpg", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) data = shenbao_image_read_file (path, &error);
  GdkPixbuf *pixbuf;

  g_assert_no_error (error);
  pixbuf = shenbao_image_load (data, 1.0, &error);
  g_assert_no_error (error);
  return pixbuf;
}

/* The portrait scaled by scale, its top left corner at (x, y) of a white
 * picture of width × height. */
static GdkPixbuf *
placed (double scale,
        int    width,
        int    height,
        int    x,
        int    y)
{
  g_autoptr(GdkPixbuf) face = portrait ();
  GdkPixbuf *canvas = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  int face_width = (int) (gdk_pixbuf_get_width (face) * scale);
  int face_height = (int) (gdk_pixbuf_get_height (face) * scale);
  g_autoptr(GdkPixbuf) scaled = gdk_pixbuf_scale_simple (face, face_width, face_height,
                                                         GDK_INTERP_BILINEAR);

  gdk_pixbuf_fill (canvas, FIXTURE_WHITE << 8 | 0xFF);
  gdk_pixbuf_copy_area (scaled, 0, 0, MIN (face_width, width - x), MIN (face_height, height - y),
                        canvas, x, y);
  return canvas;
}

static ShenbaoPhotoCrop
only_face (GdkPixbuf *picture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) faces = shenbao_face_find (picture, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (faces->len, ==, 1);
  return g_array_index (faces, ShenbaoPhotoCrop, 0);
}

/* The findings in the test's log; their worst severity. */
static ShenbaoSeverity
logged (GPtrArray *findings)
{
  for (guint i = 0; i < findings->len; i++)
    g_test_message ("  %s", ((ShenbaoFinding *) g_ptr_array_index (findings, i))->code);
  return shenbao_findings_worst (findings);
}

static void
test_find (void)
{
  g_autoptr(GdkPixbuf) picture = portrait ();
  ShenbaoPhotoCrop face = only_face (picture);

  g_assert_cmpint (abs (face.x + face.width / 2 - FIXTURE_FACE_CENTRE_X), <=, 6);
  g_assert_cmpint (abs (face.y + face.height / 2 - FIXTURE_FACE_CENTRE_Y), <=, 6);
  g_assert_cmpint (abs (face.height - FIXTURE_FACE_SIZE), <=, 10);
  g_assert_cmpint (face.width, ==, face.height);

  /* At other sizes, on a white canvas, the same face, in the given pixels. */
  for (double scale = 0.8; scale <= 5.0; scale *= 1.6)
    {
      g_autoptr(GdkPixbuf) canvas = placed (scale, (int) (600 * scale), (int) (500 * scale),
                                            (int) (40 * scale), (int) (60 * scale));

      g_test_message ("scale %.2f", scale);
      face = only_face (canvas);
      g_assert_cmpfloat (fabs ((face.x + face.width / 2.0) / scale - 40 - FIXTURE_FACE_CENTRE_X), <=, 8);
      g_assert_cmpfloat (fabs ((face.y + face.height / 2.0) / scale - 60 - FIXTURE_FACE_CENTRE_Y), <=, 8);
      g_assert_cmpfloat (fabs (face.height / scale - FIXTURE_FACE_SIZE), <=, 12);
    }
}

/* Pictures without a face find none: a detector's false face would refuse
 * a photo for a proportion it does not have. */
static void
test_no_face (void)
{
  GdkPixbuf *pictures[] = {
    fixture_plain_card (600, 840),
    fixture_document (1280, 808, 1.0),
    fixture_document (808, 1280, 0.0),
  };

  for (gsize i = 0; i < G_N_ELEMENTS (pictures); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) faces = shenbao_face_find (pictures[i], &error);

      g_assert_no_error (error);
      g_assert_cmpuint (faces->len, ==, 0);
      g_object_unref (pictures[i]);
    }
}

/* A 1-inch photo with no face: a warning, and the photo still passes. */
static void
test_check_no_face (void)
{
  g_autoptr(GdkPixbuf) card = fixture_document (295, 413, 1.0);
  g_autoptr(GBytes) jpeg = fixture_jpeg_of_size (card, 60000, FIXTURE_JPEG_BASELINE);
  g_autoptr(GPtrArray) findings = shenbao_photo_check (jpeg);
  const ShenbaoFinding *finding = shenbao_findings_find (findings, "photo.face.none");

  g_assert_nonnull (finding);
  g_assert_cmpint (finding->severity, ==, SHENBAO_SEVERITY_WARNING);
  for (guint i = 0; i < findings->len; i++)
    g_assert_false (g_str_has_prefix (((ShenbaoFinding *) g_ptr_array_index (findings, i))->code,
                                      "photo.face.too"));
}

/* Two faces: a warning; the larger one is judged. */
static void
test_check_two_faces (void)
{
  g_autoptr(GdkPixbuf) face = portrait ();
  g_autoptr(GdkPixbuf) pair = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 480, 330);
  g_autoptr(GBytes) jpeg = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  const ShenbaoFinding *finding;

  gdk_pixbuf_copy_area (face, 0, 0, 240, 330, pair, 0, 0);
  gdk_pixbuf_copy_area (face, 0, 0, 240, 330, pair, 240, 0);
  jpeg = fixture_jpeg (pair, 92, FIXTURE_JPEG_BASELINE);
  findings = shenbao_photo_check (jpeg);
  logged (findings);
  finding = shenbao_findings_find (findings, "photo.face.several");
  g_assert_nonnull (finding);
  g_assert_cmpint (finding->severity, ==, SHENBAO_SEVERITY_WARNING);
  g_assert_nonnull (strstr (finding->message, "2"));
}

/* A tiny face in a photo of the recommended size: refused for its
 * proportion, with the share measured and the fix named. */
static void
test_check_tiny_face (void)
{
  /* The face box is 99 of the portrait's pixels: at 0.5, 50 of 413 (12%). */
  g_autoptr(GdkPixbuf) photo = placed (0.5, 295, 413, 88, 150);
  g_autoptr(GBytes) jpeg = fixture_jpeg_of_size (photo, 50000, FIXTURE_JPEG_BASELINE);
  g_autoptr(GPtrArray) findings = shenbao_photo_check (jpeg);
  const ShenbaoFinding *finding = shenbao_findings_find (findings, "photo.face.too-small");

  logged (findings);
  g_assert_nonnull (finding);
  g_assert_cmpint (finding->severity, ==, SHENBAO_SEVERITY_ERROR);
  g_assert_true (strstr (finding->message, "about 12%") != NULL
                 || strstr (finding->message, "about 11%") != NULL
                 || strstr (finding->message, "about 13%") != NULL);
  g_assert_nonnull (strstr (finding->message, "28%–60%"));
  g_assert_nonnull (strstr (finding->message, "Crop and Fix"));
}

/* The face in the fixed photo: one, centred, at the fixer's proportion. */
static void
assert_framed (GBytes *photo)
{
  g_autoptr(GdkPixbuf) picture = shenbao_image_load (photo, 1.0, NULL);
  g_autoptr(GPtrArray) findings = shenbao_photo_check (photo);
  int width = gdk_pixbuf_get_width (picture);
  int height = gdk_pixbuf_get_height (picture);
  ShenbaoPhotoCrop face = only_face (picture);
  double share = (double) face.height / height;
  double offset = (face.x + face.width / 2.0 - width / 2.0) / width;

  g_test_message ("face %d,%d %d × %d in %d × %d: share %.2f, offset %.2f", face.x, face.y,
                  face.width, face.height, width, height, share, offset);
  g_assert_cmpint (logged (findings), <, SHENBAO_SEVERITY_ERROR);
  g_assert_null (shenbao_findings_find (findings, "photo.face.none"));
  g_assert_cmpfloat (fabs (share - 0.42), <, 0.06);
  g_assert_cmpfloat (fabs (offset), <, 0.04);
  /* Its centre at half the height: room above the hair, the shoulders below. */
  g_assert_cmpfloat (fabs ((face.y + face.height / 2.0) / height - 0.5), <, 0.05);
}

/* A portrait off to one side of a large white picture: check-photo names
 * the proportion and the position, and the fixer centres it. */
static void
test_fix_off_centre (void)
{
  g_autoptr(GdkPixbuf) canvas = placed (3.0, 2400, 1800, 150, 400);
  g_autoptr(GBytes) jpeg = fixture_jpeg (canvas, 92, FIXTURE_JPEG_BASELINE);
  g_autoptr(GPtrArray) findings = shenbao_photo_check (jpeg);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) fixed = NULL;
  ShenbaoPhotoFixReport report;

  logged (findings);
  g_assert_nonnull (shenbao_findings_find (findings, "photo.face.too-small"));
  g_assert_nonnull (shenbao_findings_find (findings, "photo.face.off-centre"));
  g_assert_nonnull (strstr (shenbao_findings_find (findings, "photo.face.off-centre")->message, "left"));

  fixed = shenbao_photo_fix (jpeg, NULL, &report, &error);
  g_assert_no_error (error);
  g_assert_cmpint (report.width, ==, SHENBAO_PHOTO_WIDTH);
  assert_framed (fixed);
}

/* The EXIF orientation is applied before the face is looked for: a phone
 * held upright or upside down stores the picture turned. */
static void
test_fix_turned (void)
{
  g_autoptr(GdkPixbuf) upright = placed (2.5, 1500, 2000, 700, 300);

  for (int orientation = 1; orientation <= 8; orientation++)
    {
      g_autoptr(GdkPixbuf) stored = fixture_stored_for (upright, orientation);
      g_autoptr(GBytes) jpeg = fixture_jpeg (stored, 92, FIXTURE_JPEG_BASELINE);
      g_autoptr(GBytes) tagged = fixture_with_orientation (jpeg, orientation);
      g_autoptr(GPtrArray) findings = shenbao_photo_check (tagged);
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) fixed = NULL;

      g_test_message ("orientation %d", orientation);
      logged (findings);
      g_assert_null (shenbao_findings_find (findings, "photo.face.none"));
      g_assert_nonnull (shenbao_findings_find (findings, "photo.face.off-centre"));
      fixed = shenbao_photo_fix (tagged, NULL, NULL, &error);
      g_assert_no_error (error);
      assert_framed (fixed);
    }
}

/* The crop dialog's starting frame: around the face in the preview, in
 * full-size pixels; centred when there is none. */
static void
test_suggest_crop (void)
{
  g_autoptr(GdkPixbuf) canvas = placed (3.0, 2400, 1800, 150, 400);
  g_autoptr(GdkPixbuf) preview = gdk_pixbuf_scale_simple (canvas, 1024, 768, GDK_INTERP_BILINEAR);
  g_autoptr(GdkPixbuf) card = fixture_plain_card (1024, 768);
  ShenbaoPhotoCrop crop, face, centred;

  g_assert_true (shenbao_photo_suggest_crop (preview, 2400, 1800, &crop, &face));
  g_assert_cmpfloat (fabs ((face.x + face.width / 2.0) - (150 + 3.0 * FIXTURE_FACE_CENTRE_X)), <, 30);
  /* 5:7 to the pixel: the height is the width's 7/5, rounded down. */
  g_assert_cmpint (crop.height, ==, crop.width * 7 / 5);
  g_assert_cmpfloat (fabs ((double) face.height / crop.height - 0.42), <, 0.02);
  g_assert_cmpint (abs (crop.x + crop.width / 2 - (face.x + face.width / 2)), <=, 1);

  g_assert_false (shenbao_photo_suggest_crop (card, 2400, 1800, &crop, &face));
  shenbao_photo_default_crop (2400, 1800, &centred);
  g_assert_cmpmem (&crop, sizeof crop, &centred, sizeof centred);
}

/* A face near the picture's edge: the frame stays inside the picture. */
static void
test_face_crop_clamped (void)
{
  ShenbaoPhotoCrop face = { 10, 20, 300, 300 };
  ShenbaoPhotoCrop crop;

  shenbao_photo_face_crop (2000, 3000, &face, &crop);
  g_assert_cmpint (crop.x, ==, 0);
  g_assert_cmpint (crop.y, ==, 0);
  g_assert_cmpint (crop.height, ==, crop.width * 7 / 5);

  /* A face too large for any frame: the largest one. */
  face = (ShenbaoPhotoCrop) { 100, 100, 1800, 1800 };
  shenbao_photo_face_crop (2000, 2100, &face, &crop);
  g_assert_cmpint (crop.height, ==, 2100);
  g_assert_cmpint (crop.width, ==, 1500);
  g_assert_cmpint (crop.x + crop.width, <=, 2000);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  shenbao_core_init ();

  g_test_add_func ("/face/find", test_find);
  g_test_add_func ("/face/no-face", test_no_face);
  g_test_add_func ("/face/check/no-face", test_check_no_face);
  g_test_add_func ("/face/check/two-faces", test_check_two_faces);
  g_test_add_func ("/face/check/tiny-face", test_check_tiny_face);
  g_test_add_func ("/face/fix/off-centre", test_fix_off_centre);
  g_test_add_func ("/face/fix/turned", test_fix_turned);
  g_test_add_func ("/face/crop/suggested", test_suggest_crop);
  g_test_add_func ("/face/crop/clamped", test_face_crop_clamped);
  return g_test_run ();
}
