/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "shenbao-pdf-fonts.h"

G_BEGIN_DECLS

/* A4 pages measured in millimetres from the top left corner; font sizes in
 * points. Pages are laid out first and written at the end, when the
 * characters each face must draw are known (see shenbao-pdf-fonts.h). */
#define SHENBAO_PDF_PAGE_WIDTH  210.0
#define SHENBAO_PDF_PAGE_HEIGHT 297.0

#define SHENBAO_PDF_BLACK 0x000000
#define SHENBAO_PDF_RED   0xD00000

typedef struct
{
  ShenbaoPdfFace face;    /* the primary face; missing glyphs fall back */
  double         size;    /* points */
  guint32        color;   /* 0xRRGGBB */
  gboolean       bold;    /* drawn filled and stroked: the faces have no bold */
} ShenbaoPdfStyle;

typedef enum
{
  SHENBAO_PDF_ALIGN_LEFT,
  SHENBAO_PDF_ALIGN_CENTER,
  SHENBAO_PDF_ALIGN_RIGHT,
} ShenbaoPdfAlign;

#define SHENBAO_TYPE_PDF_LAYOUT (shenbao_pdf_layout_get_type ())

G_DECLARE_FINAL_TYPE (ShenbaoPdfLayout, shenbao_pdf_layout, SHENBAO, PDF_LAYOUT, GObject)

/* Fails when the Song or the Kai face is not installed. */
ShenbaoPdfLayout *shenbao_pdf_layout_new           (GError                 **error);
/* The document information: title and subject, Shenbao as the creator, now
 * as the creation date. */
void              shenbao_pdf_layout_set_metadata  (ShenbaoPdfLayout        *self,
                                                    const char              *title,
                                                    const char              *subject);
void              shenbao_pdf_layout_add_page      (ShenbaoPdfLayout        *self);
guint             shenbao_pdf_layout_get_n_pages   (ShenbaoPdfLayout        *self);
/* What could not be printed as asked (a character in no installed face), one
 * translated sentence each. */
GPtrArray        *shenbao_pdf_layout_get_warnings  (ShenbaoPdfLayout        *self);

/* Measuring, in millimetres. */
double            shenbao_pdf_style_em             (const ShenbaoPdfStyle   *style);
double            shenbao_pdf_style_char_width     (const ShenbaoPdfStyle   *style,
                                                    gunichar                 c);
double            shenbao_pdf_style_text_width     (const ShenbaoPdfStyle   *style,
                                                    const char              *text);
/* The baseline that centres the ideographs' em box on middle. */
double            shenbao_pdf_style_baseline       (const ShenbaoPdfStyle   *style,
                                                    double                   middle);
GStrv             shenbao_pdf_style_break          (const ShenbaoPdfStyle   *style,
                                                    const char              *text,
                                                    double                   width);

/* Drawing on the last page added. */
void              shenbao_pdf_layout_text          (ShenbaoPdfLayout        *self,
                                                    double                   x,
                                                    double                   baseline,
                                                    const ShenbaoPdfStyle   *style,
                                                    const char              *text);
/* One line in [x, x + width], aligned, centred vertically on middle; text
 * wider than width is set smaller until it fits. */
void              shenbao_pdf_layout_text_in       (ShenbaoPdfLayout        *self,
                                                    double                   x,
                                                    double                   width,
                                                    double                   middle,
                                                    ShenbaoPdfAlign          align,
                                                    const ShenbaoPdfStyle   *style,
                                                    const char              *text);
/* Text wrapped to width, lines line_height apart from top. Returns the
 * height used; with draw FALSE only measures (self may then be NULL). A
 * centred paragraph has lines of even length (现有职业 / 资格证书 rather
 * than 现有职业资格 / 证书), as labels are set. */
double            shenbao_pdf_layout_paragraph     (ShenbaoPdfLayout        *self,
                                                    double                   x,
                                                    double                   top,
                                                    double                   width,
                                                    double                   line_height,
                                                    ShenbaoPdfAlign          align,
                                                    const ShenbaoPdfStyle   *style,
                                                    const char              *text,
                                                    gboolean                 draw);
void              shenbao_pdf_layout_line          (ShenbaoPdfLayout        *self,
                                                    double                   x1,
                                                    double                   y1,
                                                    double                   x2,
                                                    double                   y2,
                                                    double                   line_width,
                                                    guint32                  color);
void              shenbao_pdf_layout_rectangle     (ShenbaoPdfLayout        *self,
                                                    double                   x,
                                                    double                   y,
                                                    double                   width,
                                                    double                   height,
                                                    double                   line_width,
                                                    guint32                  color);
/* A rectangle filled with color, without a border. */
void              shenbao_pdf_layout_fill          (ShenbaoPdfLayout        *self,
                                                    double                   x,
                                                    double                   y,
                                                    double                   width,
                                                    double                   height,
                                                    guint32                  color);
/* A square to tick by hand. */
void              shenbao_pdf_layout_tick_box      (ShenbaoPdfLayout        *self,
                                                    double                   x,
                                                    double                   y,
                                                    double                   size);
/* n boxes side by side, one character of text centred in each: the grid of
 * an ID number. text has at most n characters. */
void              shenbao_pdf_layout_boxes         (ShenbaoPdfLayout        *self,
                                                    double                   x,
                                                    double                   y,
                                                    double                   box_width,
                                                    double                   box_height,
                                                    guint                    n,
                                                    const ShenbaoPdfStyle   *style,
                                                    const char              *text);
/* Text across the page from bottom left to top right, beneath everything
 * else drawn on the page. */
void              shenbao_pdf_layout_watermark     (ShenbaoPdfLayout        *self,
                                                    const ShenbaoPdfStyle   *style,
                                                    const char              *text);

GBytes           *shenbao_pdf_layout_save          (ShenbaoPdfLayout        *self,
                                                    GError                 **error);

G_END_DECLS
