/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "shenbao.h"
#include "image-fixtures.h"

/* A camera's pixel, about 2 px across the page: sharp. */
#define SHARP   1.0
/* The strokes run together: a shaken or misfocused photo. */
#define BLURRED 4.0

static GBytes *
document_jpeg (int    width,
               int    height,
               double blur)
{
  g_autoptr(GdkPixbuf) page = fixture_document (width, height, blur);

  return fixture_jpeg (page, 90, FIXTURE_JPEG_BASELINE);
}

/* An upright page stored turned, as a phone held sideways stores it. */
static GBytes *
turned_document (int orientation)
{
  g_autoptr(GdkPixbuf) page = fixture_document (1240, 1754, SHARP);
  g_autoptr(GdkPixbuf) stored = fixture_stored_for (page, orientation);
  g_autoptr(GBytes) jpeg = fixture_jpeg (stored, 90, FIXTURE_JPEG_BASELINE);

  return fixture_with_orientation (jpeg, orientation);
}

static GBytes *
document_png (int width,
              int height)
{
  g_autoptr(GdkPixbuf) page = fixture_document (width, height, SHARP);

  return fixture_png (page);
}

typedef struct
{
  const char         *name;
  ShenbaoDocumentKind kind;
  GBytes             *data;
  const char         *code;      /* NULL: no finding at all */
  ShenbaoSeverity     severity;
} DocumentCase;

static void
test_findings (void)
{
  g_autoptr(GBytes) card = document_jpeg (1280, 808, SHARP);
  g_autoptr(GBytes) page = document_jpeg (1240, 1754, SHARP);
  g_autoptr(GdkPixbuf) diploma = fixture_document (1754, 1240, SHARP);
  DocumentCase cases[] = {
    { "ID card", SHENBAO_DOCUMENT_ID_CARD, g_bytes_ref (card), NULL, 0 },
    { "ID card, blurred", SHENBAO_DOCUMENT_ID_CARD, document_jpeg (1280, 808, BLURRED),
      "document.sharpness.blurred", SHENBAO_SEVERITY_WARNING },
    { "ID card, too small", SHENBAO_DOCUMENT_ID_CARD, document_jpeg (600, 379, SHARP),
      "document.dimensions.too-small", SHENBAO_SEVERITY_ERROR },
    { "ID card, upright", SHENBAO_DOCUMENT_ID_CARD, document_jpeg (808, 1280, SHARP),
      "document.orientation.portrait", SHENBAO_SEVERITY_WARNING },
    { "ID card with the table around it", SHENBAO_DOCUMENT_ID_CARD,
      document_jpeg (1280, 1000, SHARP), "document.dimensions.card", SHENBAO_SEVERITY_WARNING },
    { "form", SHENBAO_DOCUMENT_FORM, g_bytes_ref (page), NULL, 0 },
    { "form, PNG", SHENBAO_DOCUMENT_FORM, document_png (1240, 1754), NULL, 0 },
    { "form, turned by EXIF", SHENBAO_DOCUMENT_FORM, turned_document (6), NULL, 0 },
    { "form, upside down by EXIF", SHENBAO_DOCUMENT_FORM, turned_document (3), NULL, 0 },
    { "form, blurred", SHENBAO_DOCUMENT_FORM, document_jpeg (1240, 1754, BLURRED),
      "document.sharpness.blurred", SHENBAO_SEVERITY_WARNING },
    { "form, landscape", SHENBAO_DOCUMENT_FORM, document_jpeg (1754, 1240, SHARP),
      "document.orientation.landscape", SHENBAO_SEVERITY_WARNING },
    { "form, too small", SHENBAO_DOCUMENT_FORM, document_jpeg (800, 1131, SHARP),
      "document.dimensions.too-small", SHENBAO_SEVERITY_ERROR },
    { "diploma, landscape", SHENBAO_DOCUMENT_CERTIFICATE,
      fixture_jpeg (diploma, 90, FIXTURE_JPEG_BASELINE), NULL, 0 },
    { "diploma, CMYK", SHENBAO_DOCUMENT_CERTIFICATE, fixture_jpeg (diploma, 90, FIXTURE_JPEG_CMYK),
      NULL, 0 },
    { "truncated", SHENBAO_DOCUMENT_FORM, fixture_truncated (page, 0.8), "document.file.damaged",
      SHENBAO_SEVERITY_ERROR },
    { "empty", SHENBAO_DOCUMENT_ID_CARD, g_bytes_new_static ("", 0), "document.file.damaged",
      SHENBAO_SEVERITY_ERROR },
    { "30000 × 30000 header", SHENBAO_DOCUMENT_FORM, fixture_with_frame_size (page, 30000, 30000),
      "document.dimensions.huge", SHENBAO_SEVERITY_ERROR },
    { "gif", SHENBAO_DOCUMENT_FORM, fixture_gif (), "document.format.unsupported",
      SHENBAO_SEVERITY_ERROR },
    { "heic", SHENBAO_DOCUMENT_ID_CARD, fixture_heic (), "document.format.unsupported",
      SHENBAO_SEVERITY_ERROR },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) findings = shenbao_document_check (cases[i].data, cases[i].kind);
      const ShenbaoFinding *finding;

      g_test_message ("document: %s", cases[i].name);
      for (guint j = 0; j < findings->len; j++)
        g_test_message ("  %s", ((ShenbaoFinding *) g_ptr_array_index (findings, j))->message);
      if (cases[i].code == NULL)
        {
          g_assert_cmpuint (findings->len, ==, 0);
          g_bytes_unref (cases[i].data);
          continue;
        }
      g_assert_cmpuint (findings->len, ==, 1);
      finding = shenbao_findings_find (findings, cases[i].code);
      g_assert_nonnull (finding);
      g_assert_cmpint (finding->severity, ==, cases[i].severity);
      g_assert_cmpstr (finding->field, ==, "document");
      g_bytes_unref (cases[i].data);
    }
}

static void
assert_clean_upright (GBytes *jpeg,
                      int     width,
                      int     height)
{
  g_autoptr(GArray) markers = fixture_jpeg_markers (jpeg);
  ShenbaoImageInfo info;

  for (guint i = 0; i < markers->len; i++)
    {
      guint8 marker = g_array_index (markers, guint8, i);

      g_assert_true (marker < 0xE1 || marker > 0xEF);
      g_assert_cmphex (marker, !=, 0xFE);
    }
  g_assert_true (shenbao_image_probe (jpeg, &info, NULL));
  g_assert_false (info.has_metadata);
  g_assert_false (info.progressive);
  g_assert_cmpint (info.orientation, ==, 1);
  g_assert_cmpint (info.components, ==, 3);
  g_assert_cmpint (info.width, ==, width);
  g_assert_cmpint (info.height, ==, height);
}

/* A phone's 12-megapixel photo of the page, quicker to make by enlarging. */
static GBytes *
enlarged_jpeg (GBytes *jpeg,
               int     width,
               int     height)
{
  g_autoptr(GdkPixbuf) page = shenbao_image_load (jpeg, 1.0, NULL);
  g_autoptr(GdkPixbuf) large = gdk_pixbuf_scale_simple (page, width, height, GDK_INTERP_BILINEAR);

  return fixture_jpeg (large, 90, FIXTURE_JPEG_BASELINE);
}

typedef struct
{
  const char         *name;
  ShenbaoDocumentKind kind;
  GBytes             *data;
  gsize               max_bytes;
  int                 width;   /* of the result */
  int                 height;
} EncodeCase;

/* The export keeps the pixels while quality alone can meet the limit, then
 * scales down by steps, never below what stays legible. */
static void
test_encode (void)
{
  g_autoptr(GBytes) page = document_jpeg (1240, 1754, SHARP);
  EncodeCase cases[] = {
    { "form under 2 MB", SHENBAO_DOCUMENT_FORM, g_bytes_ref (page),
      SHENBAO_DOCUMENT_DEFAULT_MAX_BYTES, 1240, 1754 },
    { "form, turned by EXIF", SHENBAO_DOCUMENT_FORM, turned_document (6),
      SHENBAO_DOCUMENT_DEFAULT_MAX_BYTES, 1240, 1754 },
    { "form under 90 000 bytes: one step", SHENBAO_DOCUMENT_FORM, g_bytes_ref (page), 90000, 992,
      1403 },
    { "form under 80 000 bytes: the floor", SHENBAO_DOCUMENT_FORM, g_bytes_ref (page), 80000, 848,
      1200 },
    { "PNG", SHENBAO_DOCUMENT_FORM, document_png (1240, 1754), SHENBAO_DOCUMENT_DEFAULT_MAX_BYTES,
      1240, 1754 },
    { "ID card under 60 000 bytes", SHENBAO_DOCUMENT_ID_CARD, document_jpeg (1280, 808, SHARP),
      60000, 1024, 646 },
    { "beyond A4 at 300 dpi", SHENBAO_DOCUMENT_CERTIFICATE, enlarged_jpeg (page, 3000, 4242),
      SHENBAO_DOCUMENT_DEFAULT_MAX_BYTES, 2481, 3508 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) jpeg = NULL;

      g_test_message ("encode: %s", cases[i].name);
      jpeg = shenbao_document_encode (cases[i].data, cases[i].kind, cases[i].max_bytes, &error);
      g_assert_no_error (error);
      g_test_message ("  %" G_GSIZE_FORMAT " bytes", g_bytes_get_size (jpeg));
      g_assert_cmpuint (g_bytes_get_size (jpeg), <=, cases[i].max_bytes);
      assert_clean_upright (jpeg, cases[i].width, cases[i].height);
      g_bytes_unref (cases[i].data);
    }
}

static void
test_encode_refusals (void)
{
  g_autoptr(GBytes) page = document_jpeg (1240, 1754, SHARP);
  g_autoptr(GBytes) gif = fixture_gif ();
  g_autoptr(GBytes) truncated = fixture_truncated (page, 0.5);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) jpeg = NULL;

  /* Legible costs more than that. */
  jpeg = shenbao_document_encode (page, SHENBAO_DOCUMENT_FORM, 20000, &error);
  g_assert_null (jpeg);
  g_assert_error (error, SHENBAO_ERROR, SHENBAO_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "20000"));
  g_clear_error (&error);

  jpeg = shenbao_document_encode (gif, SHENBAO_DOCUMENT_FORM, 2000000, &error);
  g_assert_null (jpeg);
  g_assert_error (error, SHENBAO_ERROR, SHENBAO_ERROR_UNSUPPORTED_FORMAT);
  g_clear_error (&error);

  jpeg = shenbao_document_encode (truncated, SHENBAO_DOCUMENT_FORM, 2000000, &error);
  g_assert_null (jpeg);
  g_assert_error (error, SHENBAO_ERROR, SHENBAO_ERROR_CORRUPT);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/document/check/findings", test_findings);
  g_test_add_func ("/document/encode", test_encode);
  g_test_add_func ("/document/encode/refusals", test_encode_refusals);

  return g_test_run ();
}
