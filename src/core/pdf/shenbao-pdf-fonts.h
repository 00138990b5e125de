/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <hpdf.h>

G_BEGIN_DECLS

/* The TrueType faces the PDFs embed (so that they print the same
 * anywhere), found with fontconfig by the
 * families of data/fonts.ini or named by an environment variable
 * (SHENBAO_FONT_SONG, SHENBAO_FONT_KAI, SHENBAO_FONT_UKAI, SHENBAO_FONT_MING,
 * SHENBAO_FONT_EXTENSION: the path of a .ttf or .ttc). Text is set in a
 * primary face (Song or Kai); a character that face lacks is taken from the
 * first of its fallbacks (data/fonts.ini) that has it. */
typedef enum
{
  SHENBAO_PDF_FACE_SONG,       /* AR PL SungtiL GB: the forms */
  SHENBAO_PDF_FACE_KAI,        /* AR PL KaitiM GB: the values of the fill-in guide */
  SHENBAO_PDF_FACE_MING,       /* AR PL UMing CN: rare name characters outside GB 2312 */
  SHENBAO_PDF_FACE_EXTENSION,  /* BabelStone Han: the CJK extensions, 51 MB, opened only when needed */
  SHENBAO_PDF_FACE_UKAI,       /* AR PL UKai CN: what the Kai face lacks, in Kai */
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
 * say it (the font's own horizontal metrics): that of the face's .notdef
 * glyph when it has none for c. */
int        shenbao_pdf_fonts_advance        (ShenbaoPdfFace   face,
                                             gunichar         c);
/* The Debian packages of the fallback faces that are not installed, or NULL. */
char      *shenbao_pdf_fonts_missing_fallbacks (void);

/* A new libharu document for one PDF, its own: documents may be made on
 * several threads at once. */
HPDF_Doc   shenbao_pdf_fonts_begin_document (GError         **error);
void       shenbao_pdf_fonts_end_document   (HPDF_Doc         document);

/* One face of one document: the subset of its glyphs the document draws. */
typedef struct _ShenbaoPdfSubset ShenbaoPdfSubset;

/* Cuts face to the glyphs of chars (sorted code points, any plane) and
 * embeds the cut in document. A character the face has no glyph for can
 * still be written, invisibly, so that the text of a box drawn in its place
 * reads back as the character. Call once per face and document, only for a
 * face the document draws. */
ShenbaoPdfSubset *shenbao_pdf_fonts_use     (HPDF_Doc         document,
                                             ShenbaoPdfFace   face,
                                             const gunichar  *chars,
                                             guint            n_chars,
                                             GError         **error);
void       shenbao_pdf_subset_free          (ShenbaoPdfSubset *subset);
HPDF_Font  shenbao_pdf_subset_get_font      (ShenbaoPdfSubset *subset);
/* The string to give HPDF_Page_ShowText for text, every character of it
 * among the subset's chars: the subset's own codes, one per glyph. */
char      *shenbao_pdf_subset_encode        (ShenbaoPdfSubset *subset,
                                             const char       *text);

/* The error of libharu's last failure in document. */
void       shenbao_pdf_fonts_set_error      (GError         **error,
                                             HPDF_Doc         document);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShenbaoPdfSubset, shenbao_pdf_subset_free)

G_END_DECLS
