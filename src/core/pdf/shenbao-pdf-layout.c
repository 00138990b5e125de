/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shenbao-pdf-layout"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "shenbao-error.h"
#include "shenbao-line-break.h"
#include "shenbao-pdf-layout.h"

/* PDF space is in points (1/72 in) from the bottom left corner. */
#define POINTS_PER_MM (72.0 / 25.4)
#define PAGE_WIDTH_PT (SHENBAO_PDF_PAGE_WIDTH * POINTS_PER_MM)
#define PAGE_HEIGHT_PT (SHENBAO_PDF_PAGE_HEIGHT * POINTS_PER_MM)

/* The ideographic em box of the Arphic faces runs from 0.12 em below the
 * baseline to 0.88 em above it. */
#define EM_BOX_DESCENT 0.12

typedef enum
{
  OP_TEXT,        /* a run of characters of one face */
  OP_LINE,
  OP_RECTANGLE,
  OP_FILL,
} OpKind;

typedef struct
{
  OpKind          kind;
  double          x, y;            /* points: origin, start or corner */
  double          x2, y2;          /* a line's end, a rectangle's size */
  double          angle;           /* text direction, radians */
  double          line_width;
  guint32         color;
  ShenbaoPdfStyle style;           /* text: the face that draws it */
  char           *text;            /* OP_TEXT */
  gboolean        hidden;          /* OP_TEXT: only there to be read back, x2 points wide */
} Op;

struct _ShenbaoPdfLayout
{
  GObject parent_instance;

  char       *title;
  char       *subject;
  GPtrArray  *pages;           /* GArray of Op */
  GPtrArray  *warnings;        /* char * */
  GHashTable *missing;         /* characters already warned about */
};

G_DEFINE_FINAL_TYPE (ShenbaoPdfLayout, shenbao_pdf_layout, G_TYPE_OBJECT)

static void
op_clear (gpointer data)
{
  Op *op = data;

  g_clear_pointer (&op->text, g_free);
}

static void
shenbao_pdf_layout_finalize (GObject *object)
{
  ShenbaoPdfLayout *self = SHENBAO_PDF_LAYOUT (object);

  g_free (self->title);
  g_free (self->subject);
  g_ptr_array_unref (self->pages);
  g_ptr_array_unref (self->warnings);
  g_hash_table_unref (self->missing);
  G_OBJECT_CLASS (shenbao_pdf_layout_parent_class)->finalize (object);
}

static void
shenbao_pdf_layout_class_init (ShenbaoPdfLayoutClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = shenbao_pdf_layout_finalize;
}

static void
shenbao_pdf_layout_init (ShenbaoPdfLayout *self)
{
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  self->warnings = g_ptr_array_new_with_free_func (g_free);
  self->missing = g_hash_table_new (NULL, NULL);
}

ShenbaoPdfLayout *
shenbao_pdf_layout_new (GError **error)
{
  if (!shenbao_pdf_fonts_require (SHENBAO_PDF_FACE_SONG, error)
      || !shenbao_pdf_fonts_require (SHENBAO_PDF_FACE_KAI, error))
    return NULL;
  return g_object_new (SHENBAO_TYPE_PDF_LAYOUT, NULL);
}

void
shenbao_pdf_layout_set_metadata (ShenbaoPdfLayout *self,
                                 const char       *title,
                                 const char       *subject)
{
  g_return_if_fail (SHENBAO_IS_PDF_LAYOUT (self));

  g_free (self->title);
  g_free (self->subject);
  self->title = g_strdup (title);
  self->subject = g_strdup (subject);
}

guint
shenbao_pdf_layout_get_n_pages (ShenbaoPdfLayout *self)
{
  g_return_val_if_fail (SHENBAO_IS_PDF_LAYOUT (self), 0);

  return self->pages->len;
}

void
shenbao_pdf_layout_add_page (ShenbaoPdfLayout *self)
{
  GArray *ops = g_array_new (FALSE, TRUE, sizeof (Op));

  g_return_if_fail (SHENBAO_IS_PDF_LAYOUT (self));

  g_array_set_clear_func (ops, op_clear);
  g_ptr_array_add (self->pages, ops);
}

GPtrArray *
shenbao_pdf_layout_get_warnings (ShenbaoPdfLayout *self)
{
  g_return_val_if_fail (SHENBAO_IS_PDF_LAYOUT (self), NULL);

  return self->warnings;
}

static GArray *
current_page (ShenbaoPdfLayout *self)
{
  g_return_val_if_fail (self->pages->len > 0, NULL);

  return g_ptr_array_index (self->pages, self->pages->len - 1);
}

/* Characters that take no room and draw nothing: controls and format
 * characters (zero-width joiners, bidi marks) typed into a field. */
static gboolean
is_invisible (gunichar c)
{
  GUnicodeType type = g_unichar_type (c);

  return type == G_UNICODE_CONTROL || type == G_UNICODE_FORMAT;
}

double
shenbao_pdf_style_em (const ShenbaoPdfStyle *style)
{
  return style->size / POINTS_PER_MM;
}

/* The room a character no face has keeps: an em for a wide one. */
static double
missing_width (const ShenbaoPdfStyle *style,
               gunichar               c)
{
  return shenbao_pdf_style_em (style) * (g_unichar_iswide (c) ? 1.0 : 0.5);
}

double
shenbao_pdf_style_char_width (const ShenbaoPdfStyle *style,
                              gunichar               c)
{
  ShenbaoPdfFace face;

  if (is_invisible (c))
    return 0;
  if (!shenbao_pdf_fonts_resolve (style->face, c, &face))
    return missing_width (style, c);
  return shenbao_pdf_fonts_advance (face, c) * shenbao_pdf_style_em (style) / 1000.0;
}

double
shenbao_pdf_style_text_width (const ShenbaoPdfStyle *style,
                              const char            *text)
{
  double width = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    width += shenbao_pdf_style_char_width (style, g_utf8_get_char (p));
  return width;
}

double
shenbao_pdf_style_baseline (const ShenbaoPdfStyle *style,
                            double                 middle)
{
  return middle + (0.5 - EM_BOX_DESCENT) * shenbao_pdf_style_em (style);
}

static double
measure_char (gunichar c,
              gpointer user_data)
{
  return shenbao_pdf_style_char_width (user_data, c);
}

GStrv
shenbao_pdf_style_break (const ShenbaoPdfStyle *style,
                         const char            *text,
                         double                 width)
{
  return shenbao_line_break_text (text, width, measure_char, (gpointer) style);
}

static void
warn_missing (ShenbaoPdfLayout *self,
              gunichar          c)
{
  g_autofree char *packages = NULL;
  char utf8[8] = { 0 };
  GString *warning;

  if (!g_hash_table_add (self->missing, GUINT_TO_POINTER (c)))
    return;
  g_unichar_to_utf8 (c, utf8);
  warning = g_string_new (NULL);
  g_string_printf (warning, _("The character “%s” (U+%04X) is in none of the installed fonts: "
                              "its place is marked with a box."),
                   utf8, c);
  packages = shenbao_pdf_fonts_missing_fallbacks ();
  if (packages != NULL)
    {
      g_string_append_c (warning, ' ');
      g_string_append_printf (warning, _("Installing %s may provide it."), packages);
    }
  g_ptr_array_add (self->warnings, g_string_free (warning, FALSE));
}

typedef struct
{
  ShenbaoPdfLayout      *self;
  GArray                *ops;
  const ShenbaoPdfStyle *style;
  double                 x, y;    /* the pen, points */
  double                 cos_angle, sin_angle;
  double                 angle;
  GString               *run;
  ShenbaoPdfFace         run_face;
  double                 run_x, run_y;
} TextPen;

static void
flush_run (TextPen *pen)
{
  Op op = { OP_TEXT };

  if (pen->run->len == 0)
    return;
  op.x = pen->run_x;
  op.y = pen->run_y;
  op.angle = pen->angle;
  op.style = *pen->style;
  op.style.face = pen->run_face;
  op.color = pen->style->color;
  op.text = g_strndup (pen->run->str, pen->run->len);
  g_array_append_val (pen->ops, op);
  g_string_truncate (pen->run, 0);
}

static void
advance_pen (TextPen *pen,
             double   width_mm)
{
  pen->x += pen->cos_angle * width_mm * POINTS_PER_MM;
  pen->y += pen->sin_angle * width_mm * POINTS_PER_MM;
}

/* A character no face has: a box in its place, and a warning that names it,
 * so that nothing is dropped silently; the character itself is written
 * invisibly in the box, so that the text read back from the PDF has it. */
static void
mark_missing (TextPen  *pen,
              gunichar  c)
{
  double em = shenbao_pdf_style_em (pen->style) * POINTS_PER_MM;
  double width = missing_width (pen->style, c) * POINTS_PER_MM;
  Op op = { OP_RECTANGLE };

  flush_run (pen);
  warn_missing (pen->self, c);
  op.x = pen->x + 0.1 * width;
  op.y = pen->y - EM_BOX_DESCENT * em;
  op.x2 = 0.8 * width;
  op.y2 = 0.9 * em;
  op.line_width = 0.5;
  op.color = pen->style->color;
  g_array_append_val (pen->ops, op);

  op = (Op) { OP_TEXT };
  op.x = pen->x;
  op.y = pen->y;
  op.angle = pen->angle;
  op.style = *pen->style;
  op.text = g_ucs4_to_utf8 (&c, 1, NULL, NULL, NULL);
  op.hidden = TRUE;
  op.x2 = width;
  g_array_append_val (pen->ops, op);
  advance_pen (pen, width / POINTS_PER_MM);
}

static void
add_text (ShenbaoPdfLayout      *self,
          GArray                *ops,
          double                 x,
          double                 y,
          double                 angle,
          const ShenbaoPdfStyle *style,
          const char            *text)
{
  TextPen pen = { self, ops, style, x, y, cos (angle), sin (angle), angle, g_string_new (NULL) };

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      ShenbaoPdfFace face;

      if (is_invisible (c))
        continue;
      if (!shenbao_pdf_fonts_resolve (style->face, c, &face))
        {
          mark_missing (&pen, c);
          continue;
        }
      if (pen.run->len > 0 && face != pen.run_face)
        flush_run (&pen);
      if (pen.run->len == 0)
        {
          pen.run_face = face;
          pen.run_x = pen.x;
          pen.run_y = pen.y;
        }
      g_string_append_unichar (pen.run, c);
      advance_pen (&pen, shenbao_pdf_fonts_advance (face, c) * shenbao_pdf_style_em (style) / 1000.0);
    }
  flush_run (&pen);
  g_string_free (pen.run, TRUE);
}

void
shenbao_pdf_layout_text (ShenbaoPdfLayout      *self,
                         double                 x,
                         double                 baseline,
                         const ShenbaoPdfStyle *style,
                         const char            *text)
{
  g_return_if_fail (SHENBAO_IS_PDF_LAYOUT (self));

  add_text (self, current_page (self), x * POINTS_PER_MM, PAGE_HEIGHT_PT - baseline * POINTS_PER_MM, 0,
            style, text);
}

void
shenbao_pdf_layout_text_in (ShenbaoPdfLayout      *self,
                            double                 x,
                            double                 width,
                            double                 middle,
                            ShenbaoPdfAlign        align,
                            const ShenbaoPdfStyle *style,
                            const char            *text)
{
  ShenbaoPdfStyle fitted = *style;
  double text_width = shenbao_pdf_style_text_width (style, text);

  if (text_width > width && text_width > 0)
    {
      fitted.size = style->size * width / text_width;
      text_width = width;
    }
  if (align == SHENBAO_PDF_ALIGN_CENTER)
    x += (width - text_width) / 2;
  else if (align == SHENBAO_PDF_ALIGN_RIGHT)
    x += width - text_width;
  shenbao_pdf_layout_text (self, x, shenbao_pdf_style_baseline (&fitted, middle), &fitted, text);
}

/* The least width that still breaks the text into n_lines lines. */
static double
balanced_width (const ShenbaoPdfStyle *style,
                const char            *text,
                double                 width,
                guint                  n_lines)
{
  return shenbao_line_break_text_balanced_width (text, width, n_lines, measure_char, (gpointer) style);
}

double
shenbao_pdf_layout_paragraph (ShenbaoPdfLayout      *self,
                              double                 x,
                              double                 top,
                              double                 width,
                              double                 line_height,
                              ShenbaoPdfAlign        align,
                              const ShenbaoPdfStyle *style,
                              const char            *text,
                              gboolean               draw)
{
  g_auto(GStrv) lines = shenbao_pdf_style_break (style, text, width);
  guint n_lines = g_strv_length (lines);

  if (align == SHENBAO_PDF_ALIGN_CENTER && n_lines > 1)
    {
      g_strfreev (lines);
      lines = shenbao_pdf_style_break (style, text, balanced_width (style, text, width, n_lines));
    }
  for (guint i = 0; draw && i < n_lines; i++)
    shenbao_pdf_layout_text_in (self, x, width, top + (i + 0.5) * line_height, align, style, lines[i]);
  return n_lines * line_height;
}

void
shenbao_pdf_layout_line (ShenbaoPdfLayout *self,
                         double            x1,
                         double            y1,
                         double            x2,
                         double            y2,
                         double            line_width,
                         guint32           color)
{
  Op op = { OP_LINE };

  g_return_if_fail (SHENBAO_IS_PDF_LAYOUT (self));

  op.x = x1 * POINTS_PER_MM;
  op.y = PAGE_HEIGHT_PT - y1 * POINTS_PER_MM;
  op.x2 = x2 * POINTS_PER_MM;
  op.y2 = PAGE_HEIGHT_PT - y2 * POINTS_PER_MM;
  op.line_width = line_width;
  op.color = color;
  g_array_append_val (current_page (self), op);
}

/* A rectangle given in millimetres from the top, as PDF space has it. */
static void
add_box (ShenbaoPdfLayout *self,
         OpKind            kind,
         double            x,
         double            y,
         double            width,
         double            height,
         double            line_width,
         guint32           color)
{
  Op op = { kind };

  g_return_if_fail (SHENBAO_IS_PDF_LAYOUT (self));

  op.x = x * POINTS_PER_MM;
  op.y = PAGE_HEIGHT_PT - (y + height) * POINTS_PER_MM;
  op.x2 = width * POINTS_PER_MM;
  op.y2 = height * POINTS_PER_MM;
  op.line_width = line_width;
  op.color = color;
  g_array_append_val (current_page (self), op);
}

void
shenbao_pdf_layout_rectangle (ShenbaoPdfLayout *self,
                              double            x,
                              double            y,
                              double            width,
                              double            height,
                              double            line_width,
                              guint32           color)
{
  add_box (self, OP_RECTANGLE, x, y, width, height, line_width, color);
}

void
shenbao_pdf_layout_fill (ShenbaoPdfLayout *self,
                         double            x,
                         double            y,
                         double            width,
                         double            height,
                         guint32           color)
{
  add_box (self, OP_FILL, x, y, width, height, 0, color);
}

void
shenbao_pdf_layout_tick_box (ShenbaoPdfLayout *self,
                             double            x,
                             double            y,
                             double            size)
{
  shenbao_pdf_layout_rectangle (self, x, y, size, size, 0.8, SHENBAO_PDF_BLACK);
}

void
shenbao_pdf_layout_boxes (ShenbaoPdfLayout      *self,
                          double                 x,
                          double                 y,
                          double                 box_width,
                          double                 box_height,
                          guint                  n,
                          const ShenbaoPdfStyle *style,
                          const char            *text)
{
  const char *p = text;

  for (guint i = 0; i < n; i++)
    {
      double left = x + i * box_width;

      shenbao_pdf_layout_rectangle (self, left, y, box_width, box_height, 0.5, SHENBAO_PDF_BLACK);
      if (p != NULL && *p != '\0')
        {
          char character[8] = { 0 };

          g_unichar_to_utf8 (g_utf8_get_char (p), character);
          shenbao_pdf_layout_text_in (self, left, box_width, y + box_height / 2, SHENBAO_PDF_ALIGN_CENTER,
                                      style, character);
          p = g_utf8_next_char (p);
        }
    }
}

void
shenbao_pdf_layout_watermark (ShenbaoPdfLayout      *self,
                              const ShenbaoPdfStyle *style,
                              const char            *text)
{
  g_autoptr(GArray) ops = g_array_new (FALSE, TRUE, sizeof (Op));
  double angle = atan2 (PAGE_HEIGHT_PT, PAGE_WIDTH_PT);
  double width = shenbao_pdf_style_text_width (style, text) * POINTS_PER_MM;
  double em = shenbao_pdf_style_em (style) * POINTS_PER_MM;
  /* The text's centre on the page's centre: back from the centre by half the
   * width along the diagonal, and down by the middle of the em box across it. */
  double rise = (0.5 - EM_BOX_DESCENT) * em;
  double x = PAGE_WIDTH_PT / 2 - cos (angle) * width / 2 + sin (angle) * rise;
  double y = PAGE_HEIGHT_PT / 2 - sin (angle) * width / 2 - cos (angle) * rise;

  g_return_if_fail (SHENBAO_IS_PDF_LAYOUT (self));

  add_text (self, ops, x, y, angle, style, text);
  /* Beneath what the page already holds: the ops move to the page's start. */
  g_array_prepend_vals (current_page (self), ops->data, ops->len);
}

/* Writing: each face the pages draw is cut to exactly its characters, then
 * the ops are replayed into libharu. */

typedef struct
{
  ShenbaoPdfSubset *subsets[SHENBAO_PDF_N_FACES];
} Fonts;

static void
fonts_clear (Fonts *fonts)
{
  for (int face = 0; face < SHENBAO_PDF_N_FACES; face++)
    g_clear_pointer (&fonts->subsets[face], shenbao_pdf_subset_free);
}

static int
compare_chars (gconstpointer a,
               gconstpointer b)
{
  gunichar x = *(const gunichar *) a, y = *(const gunichar *) b;

  return x < y ? -1 : x > y;
}

/* The characters of the pages, per face that draws them. */
static void
collect_chars (ShenbaoPdfLayout *self,
               GHashTable      **used)
{
  for (guint p = 0; p < self->pages->len; p++)
    {
      GArray *ops = g_ptr_array_index (self->pages, p);

      for (guint i = 0; i < ops->len; i++)
        {
          Op *op = &g_array_index (ops, Op, i);

          if (op->kind != OP_TEXT)
            continue;
          for (const char *c = op->text; *c != '\0'; c = g_utf8_next_char (c))
            g_hash_table_add (used[op->style.face], GUINT_TO_POINTER (g_utf8_get_char (c)));
        }
    }
}

static GArray *
sorted_chars (GHashTable *set)
{
  GArray *chars = g_array_sized_new (FALSE, FALSE, sizeof (gunichar), g_hash_table_size (set));
  GHashTableIter iter;
  gpointer c;

  g_hash_table_iter_init (&iter, set);
  while (g_hash_table_iter_next (&iter, &c, NULL))
    {
      gunichar code = GPOINTER_TO_UINT (c);

      g_array_append_val (chars, code);
    }
  g_array_sort (chars, compare_chars);
  return chars;
}

static gboolean
prepare_fonts (ShenbaoPdfLayout  *self,
               HPDF_Doc           doc,
               Fonts             *fonts,
               GError           **error)
{
  GHashTable *used[SHENBAO_PDF_N_FACES];
  gboolean prepared = TRUE;

  for (int face = 0; face < SHENBAO_PDF_N_FACES; face++)
    used[face] = g_hash_table_new (NULL, NULL);
  collect_chars (self, used);
  for (int face = 0; face < SHENBAO_PDF_N_FACES && prepared; face++)
    {
      g_autoptr(GArray) chars = sorted_chars (used[face]);

      if (chars->len == 0)
        continue;
      fonts->subsets[face] = shenbao_pdf_fonts_use (doc, face, (const gunichar *) chars->data, chars->len, error);
      prepared = fonts->subsets[face] != NULL;
    }
  for (int face = 0; face < SHENBAO_PDF_N_FACES; face++)
    g_hash_table_unref (used[face]);
  return prepared;
}

static void
set_fill (HPDF_Page page,
          guint32   color)
{
  HPDF_Page_SetRGBFill (page, ((color >> 16) & 0xFF) / 255.0, ((color >> 8) & 0xFF) / 255.0, (color & 0xFF) / 255.0);
}

static void
set_stroke (HPDF_Page page,
            guint32   color)
{
  HPDF_Page_SetRGBStroke (page, ((color >> 16) & 0xFF) / 255.0, ((color >> 8) & 0xFF) / 255.0, (color & 0xFF) / 255.0);
}

static void
write_text (HPDF_Page    page,
            const Fonts *fonts,
            const Op    *op)
{
  double c = cos (op->angle), s = sin (op->angle);
  ShenbaoPdfSubset *subset = fonts->subsets[op->style.face];
  g_autofree char *codes = shenbao_pdf_subset_encode (subset, op->text);

  HPDF_Page_BeginText (page);
  HPDF_Page_SetFontAndSize (page, shenbao_pdf_subset_get_font (subset), op->style.size);
  set_fill (page, op->color);
  if (op->hidden)
    {
      /* As wide as its box, however wide the face's .notdef glyph is, so
       * that text extraction keeps it in its place on the line. */
      double advance = shenbao_pdf_fonts_advance (op->style.face, g_utf8_get_char (op->text)) * op->style.size / 1000;

      HPDF_Page_SetTextRenderingMode (page, HPDF_INVISIBLE);
      if (advance > 0)
        HPDF_Page_SetHorizontalScalling (page, 100 * op->x2 / advance);
    }
  else if (op->style.bold)
    {
      set_stroke (page, op->color);
      HPDF_Page_SetLineWidth (page, op->style.size / 30);
      HPDF_Page_SetTextRenderingMode (page, HPDF_FILL_THEN_STROKE);
    }
  HPDF_Page_SetTextMatrix (page, c, s, -s, c, op->x, op->y);
  HPDF_Page_ShowText (page, codes);
  if (op->style.bold || op->hidden)
    HPDF_Page_SetTextRenderingMode (page, HPDF_FILL);
  if (op->hidden)
    HPDF_Page_SetHorizontalScalling (page, 100);
  HPDF_Page_EndText (page);
}

static void
write_page (HPDF_Doc     doc,
            GArray      *ops,
            const Fonts *fonts)
{
  HPDF_Page page = HPDF_AddPage (doc);

  HPDF_Page_SetWidth (page, PAGE_WIDTH_PT);
  HPDF_Page_SetHeight (page, PAGE_HEIGHT_PT);
  for (guint i = 0; i < ops->len; i++)
    {
      const Op *op = &g_array_index (ops, Op, i);

      switch (op->kind)
        {
        case OP_TEXT:
          write_text (page, fonts, op);
          break;
        case OP_LINE:
          HPDF_Page_SetLineWidth (page, op->line_width);
          set_stroke (page, op->color);
          HPDF_Page_MoveTo (page, op->x, op->y);
          HPDF_Page_LineTo (page, op->x2, op->y2);
          HPDF_Page_Stroke (page);
          break;
        case OP_RECTANGLE:
          HPDF_Page_SetLineWidth (page, op->line_width);
          set_stroke (page, op->color);
          HPDF_Page_Rectangle (page, op->x, op->y, op->x2, op->y2);
          HPDF_Page_Stroke (page);
          break;
        case OP_FILL:
          set_fill (page, op->color);
          HPDF_Page_Rectangle (page, op->x, op->y, op->x2, op->y2);
          HPDF_Page_Fill (page);
          break;
        }
    }
}

/* libharu writes a string's bytes as they come, and PDF text strings are
 * PDFDocEncoding or UTF-16BE after a byte order mark: Chinese titles are
 * given as binary strings of UTF-16BE. */
static void
set_info_text (HPDF_Doc    doc,
               const char *key,
               const char *text)
{
  g_autofree gunichar2 *utf16 = NULL;
  glong n_units = 0;
  g_autofree HPDF_BYTE *bytes = NULL;

  if (text == NULL)
    return;
  utf16 = g_utf8_to_utf16 (text, -1, NULL, &n_units, NULL);
  if (utf16 == NULL)
    return;
  bytes = g_new (HPDF_BYTE, 2 * n_units + 2);
  bytes[0] = 0xFE;
  bytes[1] = 0xFF;
  for (glong i = 0; i < n_units; i++)
    {
      bytes[2 + 2 * i] = utf16[i] >> 8;
      bytes[3 + 2 * i] = utf16[i] & 0xFF;
    }
  HPDF_Dict_Add (doc->info, key, HPDF_Binary_New (doc->mmgr, bytes, 2 * n_units + 2));
}

static void
write_metadata (ShenbaoPdfLayout *self,
                HPDF_Doc          doc)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  gint64 offset = g_date_time_get_utc_offset (now) / G_TIME_SPAN_MINUTE;
  HPDF_Date date = {
    g_date_time_get_year (now), g_date_time_get_month (now), g_date_time_get_day_of_month (now),
    g_date_time_get_hour (now), g_date_time_get_minute (now), g_date_time_get_second (now),
    offset == 0 ? 'Z' : offset > 0 ? '+' : '-', (HPDF_INT) (ABS (offset) / 60), (HPDF_INT) (ABS (offset) % 60),
  };

  /* These also create the information dictionary that set_info_text fills. */
  HPDF_SetInfoAttr (doc, HPDF_INFO_CREATOR, "Shenbao " PACKAGE_VERSION);
  HPDF_SetInfoDateAttr (doc, HPDF_INFO_CREATION_DATE, date);
  set_info_text (doc, "Title", self->title);
  set_info_text (doc, "Subject", self->subject);
}

static GBytes *
read_back (HPDF_Doc   doc,
           GError   **error)
{
  HPDF_UINT32 size, read;
  g_autofree HPDF_BYTE *data = NULL;

  if (HPDF_SaveToStream (doc) != HPDF_OK)
    return NULL;
  size = read = HPDF_GetStreamSize (doc);
  data = g_malloc (MAX (size, 1));
  HPDF_ResetStream (doc);
  /* A read to the exact end reports the end of the stream: the count says
   * whether all came. */
  HPDF_ReadFromStream (doc, data, &read);
  if (read != size)
    {
      g_set_error (error, SHENBAO_ERROR, SHENBAO_ERROR_FAILED, _("The PDF could not be read back from memory."));
      return NULL;
    }
  return g_bytes_new_take (g_steal_pointer (&data), size);
}

GBytes *
shenbao_pdf_layout_save (ShenbaoPdfLayout  *self,
                         GError           **error)
{
  g_autoptr(GError) local_error = NULL;
  HPDF_Doc doc;
  Fonts fonts = { { NULL } };
  GBytes *bytes = NULL;

  g_return_val_if_fail (SHENBAO_IS_PDF_LAYOUT (self), NULL);
  g_return_val_if_fail (self->pages->len > 0, NULL);

  doc = shenbao_pdf_fonts_begin_document (error);
  if (doc == NULL)
    return NULL;

  HPDF_SetCompressionMode (doc, HPDF_COMP_ALL);
  write_metadata (self, doc);
  if (prepare_fonts (self, doc, &fonts, &local_error))
    {
      for (guint i = 0; i < self->pages->len; i++)
        write_page (doc, g_ptr_array_index (self->pages, i), &fonts);
      if (HPDF_GetError (doc) == HPDF_OK)
        bytes = read_back (doc, &local_error);
      if (bytes == NULL && local_error == NULL)
        shenbao_pdf_fonts_set_error (&local_error, doc);
    }
  fonts_clear (&fonts);
  shenbao_pdf_fonts_end_document (doc);
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return bytes;
}
