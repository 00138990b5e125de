/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shenbao-document-check"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "shenbao-document-check.h"
#include "shenbao-error.h"
#include "shenbao-finding.h"
#include "shenbao-image.h"
#include "shenbao-photo.h"

#define FIELD "document"

/* The long side that keeps the smallest print legible: an ID card's 1.8 mm
 * characters at 640 px across 85.6 mm, a form's 3.5 mm (10 pt) characters at
 * 1200 px down 297 mm (about 100 dpi). */
#define ID_CARD_MIN_LONG_SIDE  640
#define DOCUMENT_MIN_LONG_SIDE 1200

/* ISO/IEC 7810 ID-1, the card's 85.6 × 54 mm; a photo of the card with a
 * little table around it is still within 10 %. */
#define ID_CARD_RATIO           (85.6 / 54.0)
#define ID_CARD_RATIO_TOLERANCE 0.10

/* Sharpness: the variance of the Laplacian of a grey copy whose long side is
 * SHARPNESS_LONG_SIDE, taken per SHARPNESS_TILE square and read at the 95th
 * percentile of the tiles, so that margins and blank paper do not count,
 * only the writing. Measured on the test pages (tests/image-fixtures.c:
 * strokes of writing on lit paper with sensor noise, JPEG at quality 90;
 * A4 at 1240 × 1754 and 2480 × 3508, an ID card at 1280 × 808) against the
 * deviation of their blur in pixels of the 1000-pixel copy: sharp pages
 * score 8000–11300; 0.8 px 1100, 1.0 px 600 (both crisp to the eye); 1.4 px
 * 180 (soft, still legible); 1.6 px 120; 2 px 50–60 (the strokes run
 * together); paper and noise alone 12–15. The threshold sits at about
 * 1.6 px, 0.5 mm on an A4 page. It only warns: a pale pencil scores lower
 * than ink at the same focus. */
#define SHARPNESS_LONG_SIDE 1000
#define SHARPNESS_TILE      32
#define SHARPNESS_MIN       100.0

/* Export: A4 at 300 dpi is 3508 px long; more adds bytes, not legibility.
 * Below quality 60, JPEG rings around the strokes of handwriting. */
#define EXPORT_MAX_LONG_SIDE 3508
#define EXPORT_BEST_QUALITY  90
#define EXPORT_MIN_QUALITY   60
#define EXPORT_SCALE_STEP    0.8

static int
min_long_side (ShenbaoDocumentKind kind)
{
  return kind == SHENBAO_DOCUMENT_ID_CARD ? ID_CARD_MIN_LONG_SIDE : DOCUMENT_MIN_LONG_SIDE;
}

static void
check_dimensions (GPtrArray           *findings,
                  ShenbaoDocumentKind  kind,
                  int                  width,
                  int                  height)
{
  int long_side = MAX (width, height);
  double ratio = (double) MAX (width, height) / MIN (width, height);

  if (long_side < min_long_side (kind))
    shenbao_findings_add (findings, SHENBAO_SEVERITY_ERROR, FIELD, "document.dimensions.too-small",
                          _("The picture is only %d × %d pixels; its long side needs at least "
                            "%d pixels for the text to be legible. Take the photo closer or "
                            "at a higher resolution."),
                          width, height, min_long_side (kind));

  if (kind == SHENBAO_DOCUMENT_ID_CARD && height > width)
    shenbao_findings_add (findings, SHENBAO_SEVERITY_WARNING, FIELD,
                          "document.orientation.portrait", "%s",
                          _("The picture of the ID card is upright; an ID card lies "
                            "landscape. Turn the picture so that the card reads normally."));
  else if (kind == SHENBAO_DOCUMENT_ID_CARD
           && fabs (ratio / ID_CARD_RATIO - 1.0) > ID_CARD_RATIO_TOLERANCE)
    shenbao_findings_add (findings, SHENBAO_SEVERITY_WARNING, FIELD, "document.dimensions.card",
                          _("The picture's sides are %.2f : 1, the card's 1.59 : 1; crop the "
                            "picture to the card."),
                          ratio);
  else if (kind == SHENBAO_DOCUMENT_FORM && width > height)
    shenbao_findings_add (findings, SHENBAO_SEVERITY_WARNING, FIELD,
                          "document.orientation.landscape", "%s",
                          _("The picture lies landscape, but the form is an upright A4 page. "
                            "Turn the picture so that the page reads normally."));
}

/* Grey, 0–255, of a copy scaled to the long side given (never enlarged). */
static double *
grey_copy (GdkPixbuf *pixbuf,
           int        long_side,
           int       *width,
           int       *height)
{
  double scale = MIN (1.0, (double) long_side / MAX (gdk_pixbuf_get_width (pixbuf),
                                                     gdk_pixbuf_get_height (pixbuf)));
  g_autoptr(GdkPixbuf) scaled = NULL;
  const guint8 *pixels;
  int rowstride;
  int channels;
  double *grey;

  *width = MAX (1, (int) lround (gdk_pixbuf_get_width (pixbuf) * scale));
  *height = MAX (1, (int) lround (gdk_pixbuf_get_height (pixbuf) * scale));
  scaled = gdk_pixbuf_scale_simple (pixbuf, *width, *height, GDK_INTERP_BILINEAR);
  pixels = gdk_pixbuf_read_pixels (scaled);
  rowstride = gdk_pixbuf_get_rowstride (scaled);
  channels = gdk_pixbuf_get_n_channels (scaled);
  grey = g_new (double, (gsize) *width * (gsize) *height);
  for (int y = 0; y < *height; y++)
    for (int x = 0; x < *width; x++)
      {
        const guint8 *pixel = pixels + (gsize) y * (gsize) rowstride + (gsize) x * (gsize) channels;

        grey[(gsize) y * (gsize) *width + (gsize) x] = 0.299 * pixel[0] + 0.587 * pixel[1]
                                                       + 0.114 * pixel[2];
      }
  return grey;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double left = *(const double *) a;
  double right = *(const double *) b;

  return (left > right) - (left < right);
}

static double
measure_sharpness (GdkPixbuf *pixbuf)
{
  g_autoptr(GArray) tiles = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree double *grey = NULL;
  int width;
  int height;

  grey = grey_copy (pixbuf, SHARPNESS_LONG_SIDE, &width, &height);
  for (int top = 1; top + SHARPNESS_TILE < height; top += SHARPNESS_TILE)
    for (int left = 1; left + SHARPNESS_TILE < width; left += SHARPNESS_TILE)
      {
        double sum = 0;
        double squares = 0;
        double n = (double) SHARPNESS_TILE * SHARPNESS_TILE;
        double variance;

        for (int y = top; y < top + SHARPNESS_TILE; y++)
          for (int x = left; x < left + SHARPNESS_TILE; x++)
            {
              const double *p = grey + (gsize) y * (gsize) width + (gsize) x;
              double laplacian = p[-1] + p[1] + p[-width] + p[width] - 4 * p[0];

              sum += laplacian;
              squares += laplacian * laplacian;
            }
        variance = squares / n - (sum / n) * (sum / n);
        g_array_append_val (tiles, variance);
      }
  if (tiles->len == 0)
    return 0.0;
  g_array_sort (tiles, compare_doubles);
  return g_array_index (tiles, double, (guint) (tiles->len * 19 / 20));
}

static void
add_error (GPtrArray    *findings,
           const GError *error)
{
  const char *code = "document.file.damaged";

  if (error->code == SHENBAO_ERROR_UNSUPPORTED_FORMAT)
    code = "document.format.unsupported";
  else if (error->code == SHENBAO_ERROR_TOO_LARGE)
    code = "document.dimensions.huge";
  shenbao_findings_add (findings, SHENBAO_SEVERITY_ERROR, FIELD, code, "%s", error->message);
}

GPtrArray *
shenbao_document_check (GBytes              *data,
                        ShenbaoDocumentKind  kind)
{
  g_autoptr(GPtrArray) findings = shenbao_findings_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  ShenbaoImageInfo info;
  int width;
  int height;

  if (!shenbao_image_probe (data, &info, &error))
    {
      add_error (findings, error);
      return g_steal_pointer (&findings);
    }
  shenbao_image_info_get_upright_size (&info, &width, &height);
  check_dimensions (findings, kind, width, height);

  pixbuf = shenbao_image_load (data, (double) SHARPNESS_LONG_SIDE / MAX (width, height), &error);
  if (pixbuf == NULL)
    {
      add_error (findings, error);
      return g_steal_pointer (&findings);
    }
  if (measure_sharpness (pixbuf) < SHARPNESS_MIN)
    shenbao_findings_add (findings, SHENBAO_SEVERITY_WARNING, FIELD, "document.sharpness.blurred",
                          "%s", _("The picture looks blurred; the reviewer may not be able to "
                                  "read it. Take it again, holding still, in good light, with "
                                  "the page in focus."));
  return g_steal_pointer (&findings);
}

static GdkPixbuf *
scale_to_long_side (GdkPixbuf *pixbuf,
                    int        long_side)
{
  double scale = (double) long_side / MAX (gdk_pixbuf_get_width (pixbuf),
                                           gdk_pixbuf_get_height (pixbuf));

  if (scale >= 1.0)
    return g_object_ref (pixbuf);
  return gdk_pixbuf_scale_simple (pixbuf,
                                  MAX (1, (int) lround (gdk_pixbuf_get_width (pixbuf) * scale)),
                                  MAX (1, (int) lround (gdk_pixbuf_get_height (pixbuf) * scale)),
                                  GDK_INTERP_BILINEAR);
}

GBytes *
shenbao_document_encode (GBytes              *data,
                         ShenbaoDocumentKind  kind,
                         gsize                max_bytes,
                         GError             **error)
{
  const ShenbaoJpegOptions options = {
    .quality = EXPORT_BEST_QUALITY,
    .optimize_coding = TRUE,
  };
  g_autoptr(GdkPixbuf) decoded = NULL;
  ShenbaoImageInfo info;
  int width;
  int height;
  int long_side;

  if (!shenbao_image_probe (data, &info, error))
    return NULL;
  shenbao_image_info_get_upright_size (&info, &width, &height);
  long_side = MIN (MAX (width, height), EXPORT_MAX_LONG_SIDE);
  decoded = shenbao_image_load (data, (double) long_side / MAX (width, height), error);
  if (decoded == NULL)
    return NULL;

  while (TRUE)
    {
      g_autoptr(GdkPixbuf) scaled = scale_to_long_side (decoded, long_side);
      g_autoptr(GError) local_error = NULL;
      g_autoptr(GBytes) jpeg = NULL;
      int quality;

      jpeg = shenbao_image_encode_jpeg_within (scaled, &options, max_bytes, EXPORT_MIN_QUALITY,
                                               &quality, &local_error);
      if (jpeg != NULL)
        return g_steal_pointer (&jpeg);
      if (!g_error_matches (local_error, SHENBAO_ERROR, SHENBAO_ERROR_TOO_LARGE))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      /* Each step scales the decoded picture afresh, so that blur does not
       * build up; the last step is the smallest legible size. */
      if (long_side <= min_long_side (kind))
        {
          g_set_error (error, SHENBAO_ERROR, SHENBAO_ERROR_TOO_LARGE,
                       _("The picture cannot be brought under %lu bytes and "
                         "stay legible: even at %d × %d pixels and JPEG quality %d it takes "
                         "more."),
                       (gulong) max_bytes, gdk_pixbuf_get_width (scaled), gdk_pixbuf_get_height (scaled),
                       EXPORT_MIN_QUALITY);
          return NULL;
        }
      long_side = MAX ((int) (long_side * EXPORT_SCALE_STEP), min_long_side (kind));
    }
}

gboolean
shenbao_document_kind_for_slot (const ShenbaoSlot   *slot,
                                ShenbaoDocumentKind *kind)
{
  switch (slot->kind)
    {
    case SHENBAO_SLOT_KIND_ID_CARD:
      *kind = SHENBAO_DOCUMENT_ID_CARD;
      return TRUE;
    case SHENBAO_SLOT_KIND_HANDWRITTEN_FORM:
      *kind = SHENBAO_DOCUMENT_FORM;
      return TRUE;
    case SHENBAO_SLOT_KIND_DOCUMENT:
      /* Diplomas and certificates, often landscape. */
      *kind = SHENBAO_DOCUMENT_CERTIFICATE;
      return TRUE;
    case SHENBAO_SLOT_KIND_PHOTO:
    default:
      return FALSE;
    }
}

GPtrArray *
shenbao_slot_check (const ShenbaoSlot *slot,
                    GBytes            *data)
{
  ShenbaoDocumentKind kind;

  g_return_val_if_fail (slot != NULL, NULL);
  g_return_val_if_fail (data != NULL, NULL);

  if (!shenbao_document_kind_for_slot (slot, &kind))
    return shenbao_photo_check (data);
  return shenbao_document_check (data, kind);
}
