/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shenbao-photo"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "shenbao-error.h"
#include "shenbao-face.h"
#include "shenbao-finding.h"
#include "shenbao-image.h"
#include "shenbao-photo.h"

#define FIELD "photo"

/* The two readings of "40–80 KB" (guide §三.6) that are not the window itself. */
#define DECIMAL_MIN_BYTES 40000
#define BINARY_MAX_BYTES  81920

/* 5:7 within 2 %: every rounding of a real 25 × 35 mm crop is well inside,
 * a 22 × 32 mm "small 1-inch" photo (0.69) is not. */
#define ASPECT           (5.0 / 7.0)
#define ASPECT_TOLERANCE 0.02

/* The background is judged on a copy this wide: enough to see a shadow, and
 * a phone photo decodes at 1/8 of its size for it. */
#define BACKGROUND_SAMPLE_WIDTH 200

/* Background thresholds, on 8-bit sRGB values of the border (the top band
 * and the upper half of the sides, where only the wall shows in a 1-inch
 * photo). A studio's white is 240–255; the standard blue of Chinese ID
 * photos, about (67, 142, 219), has a colour spread (max − min of the mean
 * colour) of 150, its red about 190. A white wall that a phone exposes for
 * the face often comes out light grey, so a luma of 160–200 only warns. */
#define BORDER_FRACTION        0.06
#define BACKGROUND_MAX_SPREAD  40.0
#define BACKGROUND_MIN_LUMA    160.0
#define BACKGROUND_WHITE_LUMA  200.0
/* A border pixel within this of the mean luma counts as even; a shadow or
 * an object on the border makes more than a tenth of them stray. */
#define BACKGROUND_EVEN_LUMA   30.0
#define BACKGROUND_MIN_EVEN    0.9

/* The face. The detector's box (shenbao-face.h) spans about 0.6
 * of the head from crown to chin: 101 of 168 pixels on the real test
 * portrait (the box haarcascade_frontalface_default gives too), 0.73 on the
 * drawn one with its flat hair, and it varies by a few per cent with the
 * scale. A 1-inch photo's head is 22–26 mm of its 35 mm (0.63–0.74 of the
 * height), so a studio's photo has a box of 0.38–0.45 of the height. Below
 * 0.28 the head is under about 16 mm: a half-length picture, a selfie held
 * away, a photo of a photo. The margin below 0.38 is for the box's spread
 * (0.29–0.36 on one drawn head at the sizes the tests use), so that no
 * studio photo is refused. Above 0.60 the head would be taller than the
 * photo. */
#define FACE_MIN_SHARE 0.28
#define FACE_MAX_SHARE 0.60
/* The fixer's frame: the box at 0.42 of the height (a 24 mm head) with its
 * centre at half the height, which leaves about 3 mm above the crown and
 * the shoulders below the chin, as a studio frames it. */
#define FACE_TARGET_SHARE  0.42
#define FACE_TARGET_CENTRE 0.50
/* Off-centre: the box's centre more than a tenth of the width (2.5 mm)
 * from the middle. A frontal face's box is centred on the nose within a
 * few per cent. */
#define FACE_MAX_OFFSET 0.10
/* The head around the box, to tell a cut one: the crown half a box above
 * it, the chin a sixth below, the ears a tenth out to each side (51, 16 and
 * about 10 of 101 pixels on the test portrait). The shares used are a
 * little smaller, so that the estimate's own error never cuts a head. */
#define HEAD_ABOVE 0.40
#define HEAD_BELOW 0.10
#define HEAD_SIDE  0.05

/* The fixer decodes a big JPEG once, at the DCT scale a face-centred frame
 * of half the picture's height needs: a phone portrait's face frame is
 * rarely smaller, a scale of 2/8 costs about a tenth more than 1/8 (the
 * entropy decoding dominates), and a smaller frame decodes again. */
#define FIRST_DECODE_FRAME_SHARE 0.5

/* Quality below which the fixer would rather fail than write a blotchy
 * photo; a 295 × 413 portrait never needs it to stay under 80 000 bytes. */
#define FIX_MIN_QUALITY 50

/* The sizes the fixer tries, all 5:7, when a plain photo stays under the
 * minimum at the recommended size: more pixels, more bytes, never padding. */
static const struct
{
  int width;
  int height;
} fix_sizes[] = {
  { SHENBAO_PHOTO_WIDTH, SHENBAO_PHOTO_HEIGHT },
  { 325, 455 },
  { 355, 497 },
  { 415, 581 },
  { 475, 665 },
  { 590, 826 },
};

static const char *
fixer_suggestion (void)
{
  return _("The photo fixer writes a copy that passes.");
}

/* A finding the fixer can correct says so, when the fixer can read the file. */
static void
add_finding (GPtrArray       *findings,
             gboolean         fixable,
             ShenbaoSeverity  severity,
             const char      *code,
             char            *message)
{
  ShenbaoFinding *finding = shenbao_findings_add (findings, severity, FIELD, code, "%s", message);

  if (fixable)
    finding->suggestion = g_strdup (fixer_suggestion ());
  g_free (message);
}

/* The fixer reads PNG as well; other formats must be saved as JPEG first. */
static void
check_format (GPtrArray          *findings,
              ShenbaoImageFormat  format,
              gboolean            fixable)
{
  const char *name = shenbao_image_format_to_string (format);
  ShenbaoFinding *finding;

  if (name == NULL)
    finding = shenbao_findings_add (findings, SHENBAO_SEVERITY_ERROR, FIELD,
                                    "photo.format.not-jpeg", "%s",
                                    _("The photo is not a JPEG image, nor any image format "
                                      "Shenbao knows, whatever its file name says; the portal "
                                      "accepts only JPEG."));
  else
    finding = shenbao_findings_add (findings, SHENBAO_SEVERITY_ERROR, FIELD,
                                    "photo.format.not-jpeg",
                                    _("The photo is really a %s image, whatever its file name "
                                      "says; the portal accepts only JPEG."),
                                    name);

  if (fixable)
    finding->suggestion = g_strdup (fixer_suggestion ());
  else if (format == SHENBAO_IMAGE_FORMAT_HEIC)
    finding->suggestion = g_strdup (_("iPhones save HEIC photos: choose Settings ▸ Camera ▸ "
                                      "Formats ▸ Most Compatible, or share the photo as JPEG."));
  else
    finding->suggestion = g_strdup (_("Save it as a JPEG image with a photo program first."));
}

/* Says which reading of KB fails, as the guide leaves it open (§三.6). */
static void
check_file_size (GPtrArray *findings,
                 gsize      size,
                 gboolean   fixable)
{
  /* The size in the words a file manager uses comes first; the bytes, which
   * decide between the two readings of KB, follow. */
  g_autofree char *readable = g_format_size (size);

  if (size < DECIMAL_MIN_BYTES)
    add_finding (findings, fixable, SHENBAO_SEVERITY_ERROR, "photo.size.too-small",
                 g_strdup_printf (_("File too small: %s, must be 40–80 KB (%lu bytes, under 40 KB "
                                    "however a KB is counted: 40 000 or 40 960 bytes)."),
                                  readable, (gulong) size));
  else if (size < SHENBAO_PHOTO_MIN_BYTES)
    add_finding (findings, fixable, SHENBAO_SEVERITY_ERROR, "photo.size.too-small",
                 g_strdup_printf (_("File too small: %s, must be 40–80 KB (%lu bytes: 40 KB if a "
                                    "KB is 1000 bytes, but under 40 KB if a KB is 1024 bytes; "
                                    "the guide does not say which, so at least 40 960 bytes)."),
                                  readable, (gulong) size));
  else if (size > BINARY_MAX_BYTES)
    add_finding (findings, fixable, SHENBAO_SEVERITY_ERROR, "photo.size.too-large",
                 g_strdup_printf (_("File too large: %s, must be 40–80 KB (%lu bytes, over 80 KB "
                                    "however a KB is counted: 80 000 or 81 920 bytes)."),
                                  readable, (gulong) size));
  else if (size > SHENBAO_PHOTO_MAX_BYTES)
    add_finding (findings, fixable, SHENBAO_SEVERITY_ERROR, "photo.size.too-large",
                 g_strdup_printf (_("File too large: %s, must be 40–80 KB (%lu bytes: within 80 KB "
                                    "if a KB is 1024 bytes, but over 80 KB if a KB is 1000 bytes; "
                                    "the guide does not say which, so at most 80 000 bytes)."),
                                  readable, (gulong) size));
}

static void
check_encoding (GPtrArray              *findings,
                const ShenbaoImageInfo *info)
{
  if (info->components == 4)
    add_finding (findings, TRUE, SHENBAO_SEVERITY_ERROR, "photo.jpeg.cmyk",
                 g_strdup (_("The photo is a CMYK JPEG, as print software writes; many systems "
                             "cannot show it. It must be an ordinary RGB JPEG.")));
  if (info->progressive)
    add_finding (findings, TRUE, SHENBAO_SEVERITY_WARNING, "photo.jpeg.progressive",
                 g_strdup (_("The photo is a progressive JPEG; some upload checks accept only "
                             "baseline JPEGs.")));
  if (info->orientation != 1)
    add_finding (findings, TRUE, SHENBAO_SEVERITY_WARNING, "photo.orientation.exif",
                 g_strdup (_("The photo is stored turned and relies on an EXIF tag to show "
                             "upright; a system that ignores the tag shows it turned.")));
  if (info->has_metadata)
    shenbao_findings_add (findings, SHENBAO_SEVERITY_INFO, FIELD, "photo.metadata", "%s",
                          _("The photo carries metadata (camera details, perhaps the place it "
                            "was taken); the photo fixer and the export leave it out."));
}

static void
check_dimensions (GPtrArray *findings,
                  int        width,
                  int        height)
{
  double ratio = (double) width / height;

  if (width > height)
    add_finding (findings, TRUE, SHENBAO_SEVERITY_ERROR, "photo.dimensions.landscape",
                 g_strdup_printf (_("The photo is %d × %d pixels, wider than it is high; a "
                                    "1-inch photo is upright, 25 mm wide and 35 mm high."),
                                  width, height));
  else if (fabs (ratio / ASPECT - 1.0) > ASPECT_TOLERANCE)
    add_finding (findings, TRUE, SHENBAO_SEVERITY_ERROR, "photo.dimensions.aspect",
                 g_strdup_printf (_("The photo is %d × %d pixels, a width to height ratio of "
                                    "%.2f; a 1-inch photo is 5:7 (25 × 35 mm, 0.71)."),
                                  width, height, ratio));

  if (width < SHENBAO_PHOTO_MIN_WIDTH || height < SHENBAO_PHOTO_MIN_HEIGHT)
    shenbao_findings_add (findings, SHENBAO_SEVERITY_ERROR, FIELD, "photo.dimensions.too-small",
                          _("The photo is only %d × %d pixels; at least %d × %d are needed "
                            "for a clear face. Use a larger original."),
                          width, height, SHENBAO_PHOTO_MIN_WIDTH, SHENBAO_PHOTO_MIN_HEIGHT);
  else if (width != SHENBAO_PHOTO_WIDTH || height != SHENBAO_PHOTO_HEIGHT)
    add_finding (findings, TRUE, SHENBAO_SEVERITY_WARNING, "photo.dimensions.not-recommended",
                 g_strdup_printf (_("The photo is %d × %d pixels; the portal recommends %d × %d."),
                                  width, height, SHENBAO_PHOTO_WIDTH, SHENBAO_PHOTO_HEIGHT));
}

typedef struct
{
  double red;
  double green;
  double blue;
  double luma;
  double even;  /* the fraction of pixels near the mean luma */
} Border;

static gboolean
in_border (int x,
           int y,
           int width,
           int height)
{
  int band_x = MAX (1, (int) (width * BORDER_FRACTION));
  int band_y = MAX (1, (int) (height * BORDER_FRACTION));

  if (y < band_y)
    return TRUE;
  return y < height / 2 && (x < band_x || x >= width - band_x);
}

static double
luma (const guint8 *pixel)
{
  return 0.299 * pixel[0] + 0.587 * pixel[1] + 0.114 * pixel[2];
}

static void
measure_border (GdkPixbuf *pixbuf,
                Border    *border)
{
  int width = gdk_pixbuf_get_width (pixbuf);
  int height = gdk_pixbuf_get_height (pixbuf);
  int rowstride = gdk_pixbuf_get_rowstride (pixbuf);
  int channels = gdk_pixbuf_get_n_channels (pixbuf);
  const guint8 *pixels = gdk_pixbuf_read_pixels (pixbuf);
  double sum[3] = { 0 };
  guint count = 0;
  guint even = 0;

  for (int y = 0; y < height / 2; y++)
    for (int x = 0; x < width; x++)
      {
        const guint8 *pixel = pixels + (gsize) y * (gsize) rowstride + (gsize) x * (gsize) channels;

        if (!in_border (x, y, width, height))
          continue;
        sum[0] += pixel[0];
        sum[1] += pixel[1];
        sum[2] += pixel[2];
        count++;
      }
  count = MAX (count, 1);
  border->red = sum[0] / count;
  border->green = sum[1] / count;
  border->blue = sum[2] / count;
  border->luma = 0.299 * border->red + 0.587 * border->green + 0.114 * border->blue;

  for (int y = 0; y < height / 2; y++)
    for (int x = 0; x < width; x++)
      {
        const guint8 *pixel = pixels + (gsize) y * (gsize) rowstride + (gsize) x * (gsize) channels;

        if (in_border (x, y, width, height)
            && fabs (luma (pixel) - border->luma) <= BACKGROUND_EVEN_LUMA)
          even++;
      }
  border->even = (double) even / count;
}

static void
check_background (GPtrArray *findings,
                  GdkPixbuf *pixbuf)
{
  Border border;
  double spread;

  measure_border (pixbuf, &border);
  spread = MAX (border.red, MAX (border.green, border.blue))
           - MIN (border.red, MIN (border.green, border.blue));

  if (spread > BACKGROUND_MAX_SPREAD && border.blue >= border.red && border.blue >= border.green)
    shenbao_findings_add (findings, SHENBAO_SEVERITY_ERROR, FIELD, "photo.background.colour",
                          "%s", _("The background is blue, not white. Retake the photo in front "
                                  "of a white wall, or have it taken with a white background."));
  else if (spread > BACKGROUND_MAX_SPREAD && border.red >= border.green)
    shenbao_findings_add (findings, SHENBAO_SEVERITY_ERROR, FIELD, "photo.background.colour",
                          "%s", _("The background is red, not white. Retake the photo in front "
                                  "of a white wall, or have it taken with a white background."));
  else if (spread > BACKGROUND_MAX_SPREAD)
    shenbao_findings_add (findings, SHENBAO_SEVERITY_ERROR, FIELD, "photo.background.colour",
                          "%s", _("The background is coloured, not white. Retake the photo in "
                                  "front of a white wall."));
  else if (border.luma < BACKGROUND_MIN_LUMA)
    shenbao_findings_add (findings, SHENBAO_SEVERITY_ERROR, FIELD, "photo.background.dark",
                          "%s", _("The background is dark or grey, not white. Retake the photo "
                                  "in front of a white wall, in good and even light."));
  else if (border.luma < BACKGROUND_WHITE_LUMA)
    shenbao_findings_add (findings, SHENBAO_SEVERITY_WARNING, FIELD, "photo.background.greyish",
                          "%s", _("The background is greyish rather than white; a brighter "
                                  "white background is safer."));

  if (spread <= BACKGROUND_MAX_SPREAD && border.even < BACKGROUND_MIN_EVEN)
    shenbao_findings_add (findings, SHENBAO_SEVERITY_WARNING, FIELD, "photo.background.uneven",
                          "%s", _("The background is uneven near the edges: a shadow, an object "
                                  "or hair reaches the border of the photo."));
}

/* "请用“裁剪并修正”或重新拍摄": the fix, named as the window names it. */
static const char *
face_fix (void)
{
  return _("Use Crop and Fix, or retake the photo.");
}

static void
check_face_size (GPtrArray              *findings,
                 const ShenbaoPhotoCrop *face,
                 int                     height)
{
  double share = (double) face->height / height;
  /* Rounded away from the range, so that a face just outside it never reads
   * as one of its ends ("about 28%" beside "28%–60%"). */
  int percent = share < FACE_MIN_SHARE ? (int) floor (share * 100) : (int) ceil (share * 100);

  if (share < FACE_MIN_SHARE)
    shenbao_findings_add (findings, SHENBAO_SEVERITY_ERROR, FIELD, "photo.face.too-small",
                          _("The face is too small: about %d%% of the photo's height, where a "
                            "1-inch photo's takes about %d%%–%d%%. %s"),
                          percent, (int) (FACE_MIN_SHARE * 100), (int) (FACE_MAX_SHARE * 100),
                          face_fix ());
  else if (share > FACE_MAX_SHARE)
    shenbao_findings_add (findings, SHENBAO_SEVERITY_ERROR, FIELD, "photo.face.too-large",
                          _("The face is too large: about %d%% of the photo's height, where a "
                            "1-inch photo's takes about %d%%–%d%%. %s"),
                          percent, (int) (FACE_MIN_SHARE * 100), (int) (FACE_MAX_SHARE * 100),
                          face_fix ());
}

static void
check_face_position (GPtrArray              *findings,
                     const ShenbaoPhotoCrop *face,
                     int                     width,
                     int                     height)
{
  double offset = (face->x + face->width / 2.0 - width / 2.0) / width;

  if (fabs (offset) > FACE_MAX_OFFSET)
    shenbao_findings_add (findings, SHENBAO_SEVERITY_ERROR, FIELD, "photo.face.off-centre",
                          offset < 0 ? _("The face is not centred: it is %d%% of the width "
                                         "left of the middle. %s")
                                     : _("The face is not centred: it is %d%% of the width "
                                         "right of the middle. %s"),
                          (int) lround (fabs (offset) * 100), face_fix ());

  if (face->y - HEAD_ABOVE * face->height < 0)
    shenbao_findings_add (findings, SHENBAO_SEVERITY_ERROR, FIELD, "photo.face.cut",
                          _("The head is cut by the top edge of the photo. %s"), face_fix ());
  else if (face->y + (1 + HEAD_BELOW) * face->height > height)
    shenbao_findings_add (findings, SHENBAO_SEVERITY_ERROR, FIELD, "photo.face.cut",
                          _("The chin is cut by the bottom edge of the photo. %s"), face_fix ());
  else if (face->x - HEAD_SIDE * face->width < 0
           || face->x + (1 + HEAD_SIDE) * face->width > width)
    shenbao_findings_add (findings, SHENBAO_SEVERITY_ERROR, FIELD, "photo.face.cut",
                          _("The head is cut by a side of the photo. %s"), face_fix ());
}

/* A box of one picture in the pixels of another: less the origin of the
 * part taken (a frame), then scaled. */
static ShenbaoPhotoCrop
map_box (const ShenbaoPhotoCrop *box,
         int                     origin_x,
         int                     origin_y,
         double                  scale)
{
  return (ShenbaoPhotoCrop) {
    (int) lround ((box->x - origin_x) * scale),
    (int) lround ((box->y - origin_y) * scale),
    (int) lround (box->width * scale),
    (int) lround (box->height * scale),
  };
}

/* The face box in the photo's pixels. One that lies outside the photo
 * comes from the fixer, which knows the face from the whole picture. */
static void
judge_face (GPtrArray              *findings,
            const ShenbaoPhotoCrop *face,
            int                     width,
            int                     height)
{
  if (face->x + face->width <= 0 || face->y + face->height <= 0 || face->x >= width
      || face->y >= height)
    {
      shenbao_findings_add (findings, SHENBAO_SEVERITY_ERROR, FIELD, "photo.face.outside",
                            _("The frame leaves out the face found in the picture. %s"),
                            face_fix ());
      return;
    }
  check_face_size (findings, face, height);
  check_face_position (findings, face, width, height);
}

/* No face, or several, is a warning only: a detector can miss. */
static void
check_face (GPtrArray *findings,
            GdkPixbuf *sample,
            int        width,
            int        height)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) faces = shenbao_face_find (sample, &error);
  double scale = (double) width / gdk_pixbuf_get_width (sample);
  ShenbaoPhotoCrop face;

  if (faces == NULL)
    {
      shenbao_findings_add (findings, SHENBAO_SEVERITY_WARNING, FIELD, "photo.face.unchecked",
                            "%s", error->message);
      return;
    }
  if (faces->len == 0)
    {
      shenbao_findings_add (findings, SHENBAO_SEVERITY_WARNING, FIELD, "photo.face.none", "%s",
                            _("No face was found in the photo. A 1-inch photo shows the head "
                              "and shoulders, facing the camera, nothing covering the face; "
                              "if this one does, the detector may have missed it."));
      return;
    }
  if (faces->len > 1)
    shenbao_findings_add (findings, SHENBAO_SEVERITY_WARNING, FIELD, "photo.face.several",
                          _("%u faces were found in the photo; a 1-inch photo shows one person. "
                            "The largest was checked."),
                          faces->len);

  face = map_box (&g_array_index (faces, ShenbaoPhotoCrop, 0), 0, 0, scale);
  judge_face (findings, &face, width, height);
}

static void
add_error (GPtrArray    *findings,
           const GError *error)
{
  const char *code = error->code == SHENBAO_ERROR_TOO_LARGE ? "photo.dimensions.huge"
                                                             : "photo.file.damaged";

  shenbao_findings_add (findings, SHENBAO_SEVERITY_ERROR, FIELD, code, "%s", error->message);
}

static void check_export (GPtrArray              *findings,
                          GBytes                 *data,
                          const ShenbaoImageInfo *info);

/* face: the face box in the photo's pixels when the caller knows it (the
 * fixer, from the whole picture), NULL to look for it. */
static GPtrArray *
check_photo (GBytes                 *data,
             const ShenbaoPhotoCrop *face)
{
  g_autoptr(GPtrArray) findings = shenbao_findings_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  gsize size;
  const guint8 *bytes = g_bytes_get_data (data, &size);
  ShenbaoImageFormat format = shenbao_image_sniff (bytes, size);
  ShenbaoImageInfo info;
  gboolean readable;
  int width = 0;
  int height = 0;

  if (size == 0)
    {
      shenbao_findings_add (findings, SHENBAO_SEVERITY_ERROR, FIELD, "photo.file.empty", "%s",
                            _("The photo file is empty (0 bytes)."));
      return g_steal_pointer (&findings);
    }

  /* Decoded first, so that a finding offers the fixer only for a file the
   * fixer can read. */
  readable = shenbao_image_probe (data, &info, &error);
  if (readable)
    shenbao_image_info_get_upright_size (&info, &width, &height);
  if (readable && format == SHENBAO_IMAGE_FORMAT_JPEG)
    {
      double scale = MAX ((double) BACKGROUND_SAMPLE_WIDTH / width,
                          (double) SHENBAO_FACE_DETECT_SIZE / MAX (width, height));

      pixbuf = shenbao_image_load (data, scale, &error);
      readable = pixbuf != NULL;
    }

  if (format != SHENBAO_IMAGE_FORMAT_JPEG)
    check_format (findings, format, readable);
  check_file_size (findings, size, readable);
  if (format != SHENBAO_IMAGE_FORMAT_JPEG)
    return g_steal_pointer (&findings);
  if (!readable)
    {
      add_error (findings, error);
      return g_steal_pointer (&findings);
    }
  check_encoding (findings, &info);
  check_dimensions (findings, width, height);
  check_background (findings, pixbuf);
  if (face != NULL)
    judge_face (findings, face, width, height);
  else
    check_face (findings, pixbuf, width, height);
  if (shenbao_findings_worst (findings) < SHENBAO_SEVERITY_ERROR)
    check_export (findings, data, &info);
  return g_steal_pointer (&findings);
}

GPtrArray *
shenbao_photo_check (GBytes *data)
{
  return check_photo (data, NULL);
}

/* Fixing */

static void
trim_to_aspect (const ShenbaoPhotoCrop *rectangle,
                ShenbaoPhotoCrop       *crop)
{
  *crop = *rectangle;
  if ((gint64) rectangle->width * 7 > (gint64) rectangle->height * 5)
    {
      crop->width = MAX (1, rectangle->height * 5 / 7);
      crop->x = rectangle->x + (rectangle->width - crop->width) / 2;
    }
  else
    {
      crop->height = MAX (1, rectangle->width * 7 / 5);
      crop->y = rectangle->y + (rectangle->height - crop->height) / 2;
    }
}

void
shenbao_photo_default_crop (int               width,
                            int               height,
                            ShenbaoPhotoCrop *crop)
{
  trim_to_aspect (&(ShenbaoPhotoCrop) { 0, 0, width, height }, crop);
}

void
shenbao_photo_face_crop (int                     width,
                         int                     height,
                         const ShenbaoPhotoCrop *face,
                         ShenbaoPhotoCrop       *crop)
{
  ShenbaoPhotoCrop largest;
  /* Never fewer pixels than the photo: scaled up, the frame would blur. */
  double frame_height = MAX (face->height / FACE_TARGET_SHARE, (double) SHENBAO_PHOTO_HEIGHT);
  double centre_x = face->x + face->width / 2.0;
  double centre_y = face->y + face->height / 2.0;
  int frame_width;

  shenbao_photo_default_crop (width, height, &largest);
  frame_width = MIN ((int) lround (frame_height * 5 / 7), largest.width);
  crop->width = frame_width;
  crop->height = MIN (frame_width * 7 / 5, height);
  crop->x = CLAMP ((int) lround (centre_x - crop->width / 2.0), 0, width - crop->width);
  crop->y = CLAMP ((int) lround (centre_y - FACE_TARGET_CENTRE * crop->height), 0,
                   height - crop->height);
}

gboolean
shenbao_photo_suggest_crop (GdkPixbuf        *picture,
                            int               full_width,
                            int               full_height,
                            ShenbaoPhotoCrop *crop,
                            ShenbaoPhotoCrop *face)
{
  g_autoptr(GArray) faces = NULL;
  double scale;
  ShenbaoPhotoCrop box;

  g_return_val_if_fail (GDK_IS_PIXBUF (picture), FALSE);

  /* A detector that cannot run leaves the centred frame; the check of the
   * result says the face went unchecked. */
  faces = shenbao_face_find (picture, NULL);
  if (faces == NULL || faces->len == 0)
    {
      shenbao_photo_default_crop (full_width, full_height, crop);
      return FALSE;
    }
  scale = (double) full_width / gdk_pixbuf_get_width (picture);
  box = map_box (&g_array_index (faces, ShenbaoPhotoCrop, 0), 0, 0, scale);
  shenbao_photo_face_crop (full_width, full_height, &box, crop);
  if (face != NULL)
    *face = box;
  return TRUE;
}

/* The decoded image, kept across the sizes tried and decoded again only
 * when a larger size needs more pixels than its DCT scale gave. */
typedef struct
{
  GBytes    *data;
  int        width;   /* upright */
  int        height;
  GdkPixbuf *decoded;
} Source;

static void
source_clear (Source *source)
{
  g_clear_object (&source->decoded);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Source, source_clear)

static GdkPixbuf *
render (Source                 *source,
        const ShenbaoPhotoCrop *crop,
        int                     width,
        int                     height,
        GError                **error)
{
  g_autoptr(GdkPixbuf) region = NULL;
  double needed = MIN (1.0, (double) width / crop->width);
  double scale_x;
  double scale_y;
  int x;
  int y;

  if (source->decoded == NULL
      || gdk_pixbuf_get_width (source->decoded) < needed * source->width)
    {
      g_clear_object (&source->decoded);
      source->decoded = shenbao_image_load (source->data, needed, error);
      if (source->decoded == NULL)
        return NULL;
    }

  scale_x = (double) gdk_pixbuf_get_width (source->decoded) / source->width;
  scale_y = (double) gdk_pixbuf_get_height (source->decoded) / source->height;
  x = (int) (crop->x * scale_x);
  y = (int) (crop->y * scale_y);
  region = gdk_pixbuf_new_subpixbuf (
    source->decoded, x, y,
    CLAMP ((int) lround (crop->width * scale_x), 1, gdk_pixbuf_get_width (source->decoded) - x),
    CLAMP ((int) lround (crop->height * scale_y), 1, gdk_pixbuf_get_height (source->decoded) - y));
  /* gdk-pixbuf's bilinear filter averages the whole footprint of each
   * target pixel when it shrinks: no aliasing, no ringing. */
  return gdk_pixbuf_scale_simple (region, width, height, GDK_INTERP_BILINEAR);
}

static gboolean
choose_crop (const ShenbaoPhotoCrop *requested,
             int                     width,
             int                     height,
             ShenbaoPhotoCrop       *crop,
             GError                **error)
{
  if (requested == NULL)
    shenbao_photo_default_crop (width, height, crop);
  else if (requested->width <= 0 || requested->height <= 0 || requested->x < 0
           || requested->y < 0 || requested->x > width - requested->width
           || requested->y > height - requested->height)
    {
      g_set_error (error, SHENBAO_ERROR, SHENBAO_ERROR_INVALID_INPUT,
                   _("The crop rectangle (%d, %d, %d × %d) does not lie within the %d × %d "
                     "photo."),
                   requested->x, requested->y, requested->width, requested->height, width,
                   height);
      return FALSE;
    }
  else
    trim_to_aspect (requested, crop);

  if (crop->width < SHENBAO_PHOTO_MIN_WIDTH || crop->height < SHENBAO_PHOTO_MIN_HEIGHT)
    {
      g_set_error (error, SHENBAO_ERROR, SHENBAO_ERROR_INVALID_INPUT,
                   _("The part of the photo to use is only %d × %d pixels; at least %d × %d "
                     "are needed for a clear face. Use a larger original."),
                   crop->width, crop->height, SHENBAO_PHOTO_MIN_WIDTH,
                   SHENBAO_PHOTO_MIN_HEIGHT);
      return FALSE;
    }
  return TRUE;
}

/* The first error among the findings, as an error: the reason a photo
 * cannot pass, with what to do. */
static gboolean
findings_allow (GPtrArray *findings,
                GError   **error)
{
  for (guint i = 0; i < findings->len; i++)
    {
      const ShenbaoFinding *finding = g_ptr_array_index (findings, i);

      if (finding->severity == SHENBAO_SEVERITY_ERROR)
        {
          g_set_error_literal (error, SHENBAO_ERROR, SHENBAO_ERROR_INVALID_INPUT,
                               finding->message);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
background_allows_fix (GdkPixbuf *photo,
                       GError   **error)
{
  g_autoptr(GPtrArray) findings = shenbao_findings_new ();

  check_background (findings, photo);
  return findings_allow (findings, error);
}

/* The search over the sizes and the two chroma samplings. NULL with no
 * error when nothing reaches the minimum; *report then has the last try. */
static GBytes *
encode_in_window (Source                 *source,
                  const ShenbaoPhotoCrop *crop,
                  ShenbaoPhotoFixReport  *report,
                  GError                **error)
{
  for (gsize i = 0; i < G_N_ELEMENTS (fix_sizes); i++)
    {
      g_autoptr(GdkPixbuf) photo = NULL;

      /* Larger sizes only from real pixels: enlarging adds no detail. */
      if (i > 0 && (crop->width < fix_sizes[i].width || crop->height < fix_sizes[i].height))
        break;
      photo = render (source, crop, fix_sizes[i].width, fix_sizes[i].height, error);
      if (photo == NULL || (i == 0 && !background_allows_fix (photo, error)))
        return NULL;

      /* 4:2:0 first, as every camera writes; 4:4:4 keeps the colour detail
       * that subsampling drops, and a smooth portrait needs those bytes. */
      for (int full_chroma = FALSE; full_chroma <= TRUE; full_chroma++)
        {
          /* The density keeps the print size at 25 mm wide at any size. */
          ShenbaoJpegOptions options = {
            .quality = 100,
            .full_chroma = full_chroma,
            .dpi = (int) lround (fix_sizes[i].width * 25.4 / 25.0),
          };
          g_autoptr(GError) local_error = NULL;
          g_autoptr(GBytes) jpeg = NULL;
          int quality;

          jpeg = shenbao_image_encode_jpeg_within (photo, &options, SHENBAO_PHOTO_MAX_BYTES,
                                                   FIX_MIN_QUALITY, &quality, &local_error);
          if (jpeg == NULL && g_error_matches (local_error, SHENBAO_ERROR, SHENBAO_ERROR_TOO_LARGE))
            continue;
          if (jpeg == NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return NULL;
            }
          *report = (ShenbaoPhotoFixReport) {
            .width = fix_sizes[i].width,
            .height = fix_sizes[i].height,
            .quality = quality,
            .full_chroma = full_chroma,
            .size = g_bytes_get_size (jpeg),
          };
          if (report->size >= SHENBAO_PHOTO_MIN_BYTES)
            return g_steal_pointer (&jpeg);
        }
    }
  return NULL;
}

GBytes *
shenbao_photo_fix (GBytes                 *data,
                   const ShenbaoPhotoCrop *crop,
                   ShenbaoPhotoFixReport  *report,
                   GError                **error)
{
  g_auto(Source) source = { .data = data };
  g_autoptr(GBytes) jpeg = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GError) local_error = NULL;
  ShenbaoPhotoFixReport attempt = { 0 };
  ShenbaoPhotoCrop suggested;
  ShenbaoPhotoCrop chosen;
  ShenbaoPhotoCrop face;
  ShenbaoImageInfo info;
  gboolean has_face;

  if (!shenbao_image_probe (data, &info, error))
    return NULL;
  shenbao_image_info_get_upright_size (&info, &source.width, &source.height);
  source.decoded = shenbao_image_load (
    data, (double) SHENBAO_PHOTO_HEIGHT / (FIRST_DECODE_FRAME_SHARE * source.height), error);
  if (source.decoded == NULL)
    return NULL;
  has_face = shenbao_photo_suggest_crop (source.decoded, source.width, source.height, &suggested,
                                         &face);
  if (!choose_crop (crop != NULL ? crop : &suggested, source.width, source.height, &chosen, error))
    return NULL;

  jpeg = encode_in_window (&source, &chosen, &attempt, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (jpeg == NULL)
    {
      g_set_error (error, SHENBAO_ERROR, SHENBAO_ERROR_INVALID_INPUT,
                   _("The photo cannot reach 40 960 bytes: even at the best quality, without "
                     "colour subsampling and at %d × %d pixels, it takes only %lu bytes. "
                     "It has too little detail (a flat, blank or nearly white picture). "
                     "Use a real photograph of the face, sharp and in good light, not a "
                     "drawing or a scan of a printed photo."),
                   attempt.width, attempt.height, (gulong) attempt.size);
      return NULL;
    }

  /* The guarantee: what the fixer writes passes its own check. The face
   * found in the whole picture is judged where the frame put it: found
   * again in the result, the box would cost another search, and a frame
   * that cuts the face would leave nothing to find. */
  if (has_face)
    face = map_box (&face, chosen.x, chosen.y, (double) attempt.width / chosen.width);
  findings = check_photo (jpeg, has_face ? &face : NULL);
  if (!findings_allow (findings, error))
    return NULL;
  if (report != NULL)
    *report = attempt;
  return g_steal_pointer (&jpeg);
}

/* Exporting */

static gboolean
in_window (gsize size)
{
  return size >= SHENBAO_PHOTO_MIN_BYTES && size <= SHENBAO_PHOTO_MAX_BYTES;
}

/* What the export writes for a photo without errors. */
static GBytes *
export_passing (GBytes                 *data,
                const ShenbaoImageInfo *info,
                GError                **error)
{
  g_autoptr(GBytes) stripped = NULL;
  ShenbaoPhotoCrop frame;
  int width;
  int height;

  if (!info->has_metadata)
    return g_bytes_ref (data);
  if (info->orientation == 1)
    {
      stripped = shenbao_image_strip_jpeg_metadata (data);
      if (in_window (g_bytes_get_size (stripped)))
        return g_steal_pointer (&stripped);
      g_set_error (error, SHENBAO_ERROR, SHENBAO_ERROR_INVALID_INPUT,
                   _("The photo file is %lu bytes, but %lu of them are metadata (camera "
                     "details, a comment) that the export leaves out: the photo uploaded "
                     "would be %lu bytes, outside 40 960–80 000."),
                   (gulong) g_bytes_get_size (data),
                   (gulong) (g_bytes_get_size (data) - g_bytes_get_size (stripped)),
                   (gulong) g_bytes_get_size (stripped));
      return NULL;
    }
  /* The turn needs new pixels: the photo's own frame, re-encoded. */
  shenbao_image_info_get_upright_size (info, &width, &height);
  shenbao_photo_default_crop (width, height, &frame);
  return shenbao_photo_fix (data, &frame, NULL, error);
}

/* Judges what the export will write, not only the file as it is. */
static void
check_export (GPtrArray              *findings,
              GBytes                 *data,
              const ShenbaoImageInfo *info)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) exported = export_passing (data, info, &error);

  if (exported == NULL)
    add_finding (findings, TRUE, SHENBAO_SEVERITY_ERROR, "photo.export",
                 g_strdup (error->message));
}

GBytes *
shenbao_photo_export (GBytes     *data,
                      GPtrArray  *checks,
                      GError    **error)
{
  ShenbaoImageInfo info;

  if (shenbao_findings_worst (checks) == SHENBAO_SEVERITY_ERROR)
    return shenbao_photo_fix (data, NULL, NULL, error);
  if (!shenbao_image_probe (data, &info, error))
    return NULL;
  return export_passing (data, &info, error);
}
