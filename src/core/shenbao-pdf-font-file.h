/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The font program a PDF embeds for a TrueType face (FontFile2), written from
 * the mapped font file. Only glyf and loca change with the glyphs drawn (and
 * head with its checksum): every other table is the file's own, compressed
 * once per face, and each document compresses only what changed. */
typedef struct _ShenbaoPdfFontFile ShenbaoPdfFontFile;

/* Maps the face of index in the file (a .ttf, or a .ttc collection). Fails
 * with SHENBAO_ERROR_FONT when the file is not a TrueType font with glyph
 * outlines. */
ShenbaoPdfFontFile *shenbao_pdf_font_file_new      (const char          *path,
                                                    int                  index,
                                                    GError             **error);
void                shenbao_pdf_font_file_free     (ShenbaoPdfFontFile  *self);
guint               shenbao_pdf_font_file_get_n_glyphs (ShenbaoPdfFontFile *self);
/* Sets used[glyph] (used has an entry for every glyph of the face), and
 * those of the glyphs a composite glyph is made of. */
void                shenbao_pdf_font_file_mark     (ShenbaoPdfFontFile  *self,
                                                    guint8              *used,
                                                    guint                glyph);
/* The font program with the outlines of the glyphs whose used[] is not zero
 * (n_glyphs entries: every glyph of the face) and no others, as a zlib
 * (FlateDecode) stream; length receives its size uncompressed (Length1). */
GBytes             *shenbao_pdf_font_file_subset   (ShenbaoPdfFontFile  *self,
                                                    const guint8        *used,
                                                    guint                n_glyphs,
                                                    gsize               *length);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShenbaoPdfFontFile, shenbao_pdf_font_file_free)

G_END_DECLS
