/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <fontconfig/fontconfig.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include <glib/gstdio.h>
#include <zlib.h>

#include "shenbao.h"
#include "shenbao-pdf-font-file.h"

/* The Song face's file, as the renderer finds it. */
static char *
song_path (void)
{
  FcPattern *pattern = FcNameParse ((const FcChar8 *) "AR PL SungtiL GB");
  FcResult result;
  FcPattern *match;
  FcChar8 *file = NULL;
  char *path = NULL;

  FcConfigSubstitute (NULL, pattern, FcMatchPattern);
  FcDefaultSubstitute (pattern);
  match = FcFontMatch (NULL, pattern, &result);
  if (match != NULL && FcPatternGetString (match, FC_FILE, 0, &file) == FcResultMatch)
    path = g_strdup ((const char *) file);
  if (match != NULL)
    FcPatternDestroy (match);
  FcPatternDestroy (pattern);
  g_assert_nonnull (path);
  return path;
}

static guint32
font_checksum (const guint8 *data,
               gsize         length)
{
  guint32 sum = 0;

  for (gsize i = 0; i < length; i += 4)
    {
      guint32 word = 0;

      for (gsize j = 0; j < 4; j++)
        word = word << 8 | (i + j < length ? data[i + j] : 0);
      sum += word;
    }
  return sum;
}

/* The program holds the outlines of the glyphs asked for and no others; it
 * is a TrueType font FreeType opens, its checksums as the format wants. */
static void
test_subset (void)
{
  g_autofree char *path = song_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ShenbaoPdfFontFile) file = shenbao_pdf_font_file_new (path, 0, &error);
  g_autoptr(GBytes) stream = NULL;
  g_autofree guint8 *used = NULL;
  g_autofree guint8 *program = NULL;
  FT_Library library;
  FT_Face original, subset;
  FT_UInt drawn, not_drawn;
  gsize length;
  uLongf program_length;

  g_assert_no_error (error);
  g_assert_cmpint (FT_Init_FreeType (&library), ==, 0);
  g_assert_cmpint (FT_New_Face (library, path, 0, &original), ==, 0);
  drawn = FT_Get_Char_Index (original, 0x4E2D);       /* 中 */
  not_drawn = FT_Get_Char_Index (original, 0x56FD);   /* 国 */
  g_assert_cmpuint (drawn, !=, 0);
  g_assert_cmpuint (not_drawn, !=, 0);
  g_assert_cmpuint (shenbao_pdf_font_file_get_n_glyphs (file), ==, original->num_glyphs);

  used = g_new0 (guint8, original->num_glyphs);
  used[0] = 1;
  shenbao_pdf_font_file_mark (file, used, drawn);
  g_assert_cmpuint (used[drawn], ==, 1);
  g_assert_cmpuint (used[not_drawn], ==, 0);
  stream = shenbao_pdf_font_file_subset (file, used, original->num_glyphs, &length);
  program_length = length;
  program = g_malloc (length);
  g_assert_cmpint (uncompress (program, &program_length, g_bytes_get_data (stream, NULL),
                               g_bytes_get_size (stream)),
                   ==, Z_OK);
  g_assert_cmpuint (program_length, ==, length);
  g_assert_cmphex (font_checksum (program, length), ==, 0xB1B0AFBA);

  g_assert_cmpint (FT_New_Memory_Face (library, program, length, 0, &subset), ==, 0);
  g_assert_cmpint (subset->num_glyphs, ==, original->num_glyphs);
  g_assert_cmpint (FT_Load_Glyph (subset, drawn, FT_LOAD_NO_SCALE), ==, 0);
  g_assert_cmpint (subset->glyph->outline.n_contours, >, 0);
  g_assert_cmpint (FT_Load_Glyph (subset, not_drawn, FT_LOAD_NO_SCALE), ==, 0);
  g_assert_cmpint (subset->glyph->outline.n_contours, ==, 0);

  FT_Done_Face (subset);
  FT_Done_Face (original);
  FT_Done_FreeType (library);
}

/* A file that is no TrueType font, or a font cut short, is refused. */
static void
test_damaged (void)
{
  g_autofree char *path = song_path ();
  g_autofree char *dir = g_dir_make_tmp ("shenbao-font-XXXXXX", NULL);
  g_autofree char *cut = g_build_filename (dir, "cut.ttf", NULL);
  g_autofree char *text = g_build_filename (dir, "text.ttf", NULL);
  g_autofree char *contents = NULL;
  gsize length;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) text_error = NULL;
  g_autoptr(ShenbaoPdfFontFile) cut_file = NULL;
  g_autoptr(ShenbaoPdfFontFile) text_file = NULL;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (cut, contents, length / 2, NULL));
  g_assert_true (g_file_set_contents (text, "not a font", -1, NULL));

  cut_file = shenbao_pdf_font_file_new (cut, 0, &error);
  g_assert_null (cut_file);
  g_assert_error (error, SHENBAO_ERROR, SHENBAO_ERROR_FONT);
  text_file = shenbao_pdf_font_file_new (text, 0, &text_error);
  g_assert_null (text_file);
  g_assert_error (text_error, SHENBAO_ERROR, SHENBAO_ERROR_FONT);

  g_unlink (cut);
  g_unlink (text);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pdf-font-file/subset", test_subset);
  g_test_add_func ("/pdf-font-file/damaged", test_damaged);
  return g_test_run ();
}
