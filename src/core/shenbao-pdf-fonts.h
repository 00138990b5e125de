/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <hpdf.h>

G_BEGIN_DECLS

/* The TrueType faces the PDFs embed (SPEC §6), found with fontconfig or named
 * by an environment variable (SHENBAO_FONT_SONG, SHENBAO_FONT_KAI,
 * SHENBAO_FONT_MING, SHENBAO_FONT_EXTENSION: the path of a .ttf or .ttc).
 * Text is set in a primary face (Song or Kai); a character that face lacks is
 * taken from the first fallback that has it, Ming then Extension. */
typedef enum
{
  SHENBAO_PDF_FACE_SONG,       /* AR PL SungtiL GB: the forms */
  SHENBAO_PDF_FACE_KAI,        /* AR PL KaitiM GB: the values of the fill-in guide */
  SHENBAO_PDF_FACE_MING,       /* AR PL UMing CN: rare name characters outside GB 2312 */
  SHENBAO_PDF_FACE_EXTENSION,  /* BabelStone Han: the CJK extensions, 51 MB, opened only when needed */
  SHENBAO_PDF_N_FACES,
} ShenbaoPdfFace;

/* Fails, naming the package to install, when the face is not found. */
gboolean   shenbao_pdf_fonts_require        (ShenbaoPdfFace   face,
                                             GError         **error);

/* The face that draws c in text set in primary: primary itself or the first
 * fallback that has a glyph for it. FALSE when no installed face has one. */
gboolean   shenbao_pdf_fonts_resolve        (ShenbaoPdfFace   primary,
                                             gunichar         c,
                                             ShenbaoPdfFace  *face);
/* The advance of c in face, in thousandths of an em, as the PDF's widths
 * say it (the font's own horizontal metrics). */
int        shenbao_pdf_fonts_advance        (ShenbaoPdfFace   face,
                                             gunichar         c);
/* The Debian packages of the fallback faces that are not installed, or NULL. */
char      *shenbao_pdf_fonts_missing_fallbacks (void);

/* Rendering locks the process's one libharu document: fonts are loaded into
 * it once per process and kept from one PDF to the next, since HPDF_NewDoc
 * keeps the font definitions it has loaded. */
HPDF_Doc   shenbao_pdf_fonts_begin_document (GError         **error);
/* The libharu font of face for the current document, able to draw exactly
 * chars (sorted code points of the Basic Multilingual Plane). Call once per
 * face and document, only for a face the document uses: HPDF_GetFont embeds
 * a face even when nothing is drawn with it. */
HPDF_Font  shenbao_pdf_fonts_use            (HPDF_Doc         document,
                                             ShenbaoPdfFace   face,
                                             const gunichar  *chars,
                                             guint            n_chars,
                                             GError         **error);
/* Gives each face the document uses its font program, once every page is
 * written and before the document is saved. */
gboolean   shenbao_pdf_fonts_embed          (HPDF_Doc         document,
                                             GError         **error);
/* Fills the outline of c, taken from face, with its origin at (x, y) in
 * points: how characters beyond the Basic Multilingual Plane are drawn, which
 * libharu 2.3's UTF-8 encoder drops. */
gboolean   shenbao_pdf_fonts_fill_outline   (HPDF_Page        page,
                                             ShenbaoPdfFace   face,
                                             gunichar         c,
                                             double           x,
                                             double           y,
                                             double           size);
void       shenbao_pdf_fonts_end_document   (HPDF_Doc         document);
/* The error of libharu's last failure in document. */
void       shenbao_pdf_fonts_set_error      (GError         **error,
                                             HPDF_Doc         document);

G_END_DECLS
