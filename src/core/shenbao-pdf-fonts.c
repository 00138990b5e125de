/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <fontconfig/fontconfig.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_ADVANCES_H
#include FT_OUTLINE_H
#include FT_TRUETYPE_TAGS_H
#include FT_TRUETYPE_TABLES_H
#include <glib/gi18n-lib.h>
#include <hpdf_font.h>
#include <hpdf_fontdef.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>
#include <zlib.h>

#include "shenbao-error.h"
#include "shenbao-pdf-font-file.h"
#include "shenbao-pdf-fonts.h"

typedef struct
{
  const char *family;        /* the fontconfig family */
  const char *variable;      /* the environment variable that overrides it */
  const char *package;       /* the Debian package that ships it */
  const char *description;   /* for messages */
} FaceInfo;

static const FaceInfo face_info[SHENBAO_PDF_N_FACES] = {
  [SHENBAO_PDF_FACE_SONG] = { "AR PL SungtiL GB", "SHENBAO_FONT_SONG", "fonts-arphic-gbsn00lp", N_("Song (宋体)") },
  [SHENBAO_PDF_FACE_KAI] = { "AR PL KaitiM GB", "SHENBAO_FONT_KAI", "fonts-arphic-gkai00mp", N_("Kai (楷体)") },
  [SHENBAO_PDF_FACE_MING] = { "AR PL UMing CN", "SHENBAO_FONT_MING", "fonts-arphic-uming", N_("Ming (明体)") },
  [SHENBAO_PDF_FACE_EXTENSION] = { "BabelStone Han", "SHENBAO_FONT_EXTENSION", "fonts-babelstone-han",
                                   N_("CJK extensions (BabelStone Han)") },
};

/* The faces a primary face falls back to, in order. */
static const ShenbaoPdfFace fallbacks[] = { SHENBAO_PDF_FACE_MING, SHENBAO_PDF_FACE_EXTENSION };

typedef struct
{
  gboolean            looked_up;
  char               *path;           /* NULL: not installed */
  int                 index;          /* in a collection (.ttc) */
  GError             *error;          /* why the face cannot be used */
  FT_Face             outline_face;   /* coverage, widths and outlines */
  const char         *hpdf_name;      /* loaded into the libharu document, or NULL */
  ShenbaoPdfFontFile *program;        /* what is embedded, once the face is */
  /* Every character of the pages is measured many times over (line breaks,
   * balanced widths): per code of the BMP, the advance + 1 and the face
   * that draws it in text set in this one + 1, 0 until asked, RESOLVED_NONE
   * where no face has it. */
  guint16            *advances;
  guint8             *resolved;
  HPDF_Font           document_font;  /* the font of the document being made, or NULL */
  /* The face's own cmap in libharu, while a reduced one stands in for a document. */
  gboolean            cmap_swapped;
  HPDF_TTF_CmapRange  saved_cmap;
  HPDF_UINT16        *reduced_glyphs;
  HPDF_UINT16         reduced_end_codes[2];
  HPDF_UINT16         reduced_start_codes[2];
  HPDF_UINT16         reduced_range_offsets[2];
  HPDF_INT16          reduced_deltas[2];
} Face;

/* faces_lock guards the faces and FreeType; document_lock is held from
 * begin_document to end_document. */
G_LOCK_DEFINE_STATIC (faces_lock);
static Face faces[SHENBAO_PDF_N_FACES];
static FT_Library freetype;
static GMutex document_lock;
static HPDF_Doc document;

static gboolean
find_with_fontconfig (const char  *family,
                      char       **path,
                      int         *index)
{
  FcPattern *pattern = FcPatternBuild (NULL, FC_FAMILY, FcTypeString, family, NULL);
  FcObjectSet *objects = FcObjectSetBuild (FC_FILE, FC_INDEX, FC_FONTFORMAT, NULL);
  FcFontSet *set = FcFontList (NULL, pattern, objects);
  gboolean found = FALSE;

  for (int i = 0; set != NULL && i < set->nfont && !found; i++)
    {
      FcChar8 *file = NULL, *format = NULL;
      int face_index = 0;

      /* libharu embeds TrueType outlines only, not CFF (OpenType .otf). */
      if (FcPatternGetString (set->fonts[i], FC_FONTFORMAT, 0, &format) != FcResultMatch
          || g_strcmp0 ((const char *) format, "TrueType") != 0
          || FcPatternGetString (set->fonts[i], FC_FILE, 0, &file) != FcResultMatch)
        continue;
      FcPatternGetInteger (set->fonts[i], FC_INDEX, 0, &face_index);
      *path = g_strdup ((const char *) file);
      *index = face_index;
      found = TRUE;
    }

  if (set != NULL)
    FcFontSetDestroy (set);
  FcObjectSetDestroy (objects);
  FcPatternDestroy (pattern);
  return found;
}

static gboolean
has_truetype_outlines (FT_Face face)
{
  FT_ULong length = 0;

  return FT_IS_SFNT (face) && FT_Load_Sfnt_Table (face, TTAG_glyf, 0, NULL, &length) == 0 && length > 0;
}

/* Finds and opens the face with FreeType, once per process. */
static Face *
open_face (ShenbaoPdfFace id)
{
  Face *face = &faces[id];
  const FaceInfo *info = &face_info[id];
  const char *override;

  /* Asked for every character measured: no more than this when known. */
  if (face->looked_up)
    return face;
  face->looked_up = TRUE;
  override = g_getenv (info->variable);

  if (freetype == NULL && FT_Init_FreeType (&freetype) != 0)
    {
      g_set_error (&face->error, SHENBAO_ERROR, SHENBAO_ERROR_FONT, _("The font library could not be started."));
      return face;
    }

  if (override != NULL && *override != '\0')
    face->path = g_strdup (override);
  else if (!find_with_fontconfig (info->family, &face->path, &face->index))
    {
      g_set_error (&face->error, SHENBAO_ERROR, SHENBAO_ERROR_FONT,
                   _("No %s font for the PDFs: install the package %s, or set %s to the path of a "
                     "TrueType font."),
                   _(info->description), info->package, info->variable);
      return face;
    }

  if (FT_New_Face (freetype, face->path, face->index, &face->outline_face) != 0)
    {
      g_set_error (&face->error, SHENBAO_ERROR, SHENBAO_ERROR_FONT,
                   _("The %s font “%s” cannot be opened (set %s to the path of a TrueType font)."),
                   _(info->description), face->path, info->variable);
      return face;
    }
  if (!has_truetype_outlines (face->outline_face))
    {
      g_set_error (&face->error, SHENBAO_ERROR, SHENBAO_ERROR_FONT,
                   _("The %s font “%s” cannot be embedded in a PDF: it is not a TrueType font "
                     "(%s can name another one)."),
                   _(info->description), face->path, info->variable);
      g_clear_pointer (&face->outline_face, FT_Done_Face);
      return face;
    }
  FT_Select_Charmap (face->outline_face, FT_ENCODING_UNICODE);
  return face;
}

gboolean
shenbao_pdf_fonts_require (ShenbaoPdfFace   id,
                           GError         **error)
{
  Face *face;
  gboolean found;

  G_LOCK (faces_lock);
  face = open_face (id);
  found = face->outline_face != NULL;
  if (!found)
    g_propagate_error (error, g_error_copy (face->error));
  G_UNLOCK (faces_lock);
  return found;
}

static gboolean
face_has_glyph (ShenbaoPdfFace id,
                gunichar       c)
{
  Face *face = open_face (id);

  return face->outline_face != NULL && FT_Get_Char_Index (face->outline_face, c) != 0;
}

#define CACHED_CODES 0x10000
#define RESOLVED_NONE G_MAXUINT8

static gboolean
resolve (ShenbaoPdfFace  primary,
         gunichar        c,
         ShenbaoPdfFace *face)
{
  gboolean found = FALSE;

  if (face_has_glyph (primary, c))
    {
      *face = primary;
      found = TRUE;
    }
  for (gsize i = 0; i < G_N_ELEMENTS (fallbacks) && !found; i++)
    if (fallbacks[i] != primary && face_has_glyph (fallbacks[i], c))
      {
        *face = fallbacks[i];
        found = TRUE;
      }
  return found;
}

gboolean
shenbao_pdf_fonts_resolve (ShenbaoPdfFace  primary,
                           gunichar        c,
                           ShenbaoPdfFace *face)
{
  Face *cache = &faces[primary];
  gboolean found;

  G_LOCK (faces_lock);
  if (c >= CACHED_CODES)
    found = resolve (primary, c, face);
  else
    {
      if (cache->resolved == NULL)
        cache->resolved = g_new0 (guint8, CACHED_CODES);
      if (cache->resolved[c] == 0)
        cache->resolved[c] = resolve (primary, c, face) ? *face + 1 : RESOLVED_NONE;
      found = cache->resolved[c] != RESOLVED_NONE;
      if (found)
        *face = cache->resolved[c] - 1;
    }
  G_UNLOCK (faces_lock);
  return found;
}

static int
measure_advance (Face     *face,
                 gunichar  c)
{
  FT_Fixed advance = 0;
  int width = 0;

  if (face->outline_face != NULL)
    {
      FT_UInt glyph = FT_Get_Char_Index (face->outline_face, c);

      /* The same truncation as libharu's widths (hmtx advance × 1000 / units
       * per em), so that what is measured here is what the PDF advances. */
      if (FT_Get_Advance (face->outline_face, glyph, FT_LOAD_NO_SCALE, &advance) == 0)
        width = (int) ((guint32) advance * 1000 / face->outline_face->units_per_EM);
    }
  return width;
}

int
shenbao_pdf_fonts_advance (ShenbaoPdfFace id,
                           gunichar       c)
{
  Face *face;
  int width;

  G_LOCK (faces_lock);
  face = open_face (id);
  if (c >= CACHED_CODES)
    width = measure_advance (face, c);
  else
    {
      if (face->advances == NULL)
        face->advances = g_new0 (guint16, CACHED_CODES);
      if (face->advances[c] == 0)
        face->advances[c] = MIN (measure_advance (face, c), G_MAXUINT16 - 1) + 1;
      width = face->advances[c] - 1;
    }
  G_UNLOCK (faces_lock);
  return width;
}

char *
shenbao_pdf_fonts_missing_fallbacks (void)
{
  g_autoptr(GStrvBuilder) missing = g_strv_builder_new ();
  g_auto(GStrv) packages = NULL;

  G_LOCK (faces_lock);
  for (gsize i = 0; i < G_N_ELEMENTS (fallbacks); i++)
    if (open_face (fallbacks[i])->outline_face == NULL)
      g_strv_builder_add (missing, face_info[fallbacks[i]].package);
  G_UNLOCK (faces_lock);

  packages = g_strv_builder_end (missing);
  return packages[0] != NULL ? g_strjoinv (", ", packages) : NULL;
}

/* libharu reports failures through this and through the return values the
 * callers check; it must not jump away as its examples do. */
static void
ignore_hpdf_error (HPDF_STATUS  error_number,
                   HPDF_STATUS  detail,
                   void        *user_data)
{
}

void
shenbao_pdf_fonts_set_error (GError   **error,
                             HPDF_Doc   doc)
{
  g_set_error (error, SHENBAO_ERROR, SHENBAO_ERROR_FAILED,
               _("The PDF library failed (error 0x%04X, detail %u)."),
               (unsigned) HPDF_GetError (doc), (unsigned) HPDF_GetErrorDetail (doc));
}

HPDF_Doc
shenbao_pdf_fonts_begin_document (GError **error)
{
  g_mutex_lock (&document_lock);
  if (document == NULL)
    {
      document = HPDF_New (ignore_hpdf_error, NULL);
      if (document == NULL || HPDF_UseUTFEncodings (document) != HPDF_OK)
        {
          g_set_error (error, SHENBAO_ERROR, SHENBAO_ERROR_FAILED, _("The PDF library could not be started."));
          g_clear_pointer (&document, HPDF_Free);
          g_mutex_unlock (&document_lock);
          return NULL;
        }
    }
  if (HPDF_NewDoc (document) != HPDF_OK)
    {
      shenbao_pdf_fonts_set_error (error, document);
      g_mutex_unlock (&document_lock);
      return NULL;
    }
  return document;
}

/* The file the face's PDF font programs are written from: the one libharu
 * loaded, with as many glyphs. */
static gboolean
open_program (Face      *face,
              HPDF_Doc   doc,
              GError   **error)
{
  HPDF_TTFontDefAttr attr = HPDF_GetFontDef (doc, face->hpdf_name)->attr;

  face->program = shenbao_pdf_font_file_new (face->path, face->index, error);
  if (face->program == NULL)
    return FALSE;
  if (shenbao_pdf_font_file_get_n_glyphs (face->program) != attr->num_glyphs)
    {
      g_set_error (error, SHENBAO_ERROR, SHENBAO_ERROR_FONT,
                   _("The font “%s” cannot be embedded in a PDF: its TrueType tables are damaged."), face->path);
      g_clear_pointer (&face->program, shenbao_pdf_font_file_free);
      return FALSE;
    }
  return TRUE;
}

static gboolean
load_into_libharu (Face      *face,
                   HPDF_Doc   doc,
                   GError   **error)
{
  if (face->hpdf_name == NULL && face->outline_face->num_faces > 1)
    face->hpdf_name = HPDF_LoadTTFontFromFile2 (doc, face->path, face->index, HPDF_TRUE);
  else if (face->hpdf_name == NULL)
    face->hpdf_name = HPDF_LoadTTFontFromFile (doc, face->path, HPDF_TRUE);
  if (face->hpdf_name == NULL)
    {
      shenbao_pdf_fonts_set_error (error, doc);
      return FALSE;
    }
  return face->program != NULL || open_program (face, doc, error);
}

/* libharu 2.3's HPDF_GetFont maps all 65 536 codes of its UTF-8 encoder to
 * glyphs, each by a linear search of the face's cmap segments: about 100 ms
 * a face and document. For the document being made, the face's cmap is
 * replaced by one segment that maps exactly the characters drawn, through a
 * glyph array, which libharu reads in constant time; the real cmap comes back
 * in end_document. The embedded font keeps its own cmap table.
 *
 * The glyphs are marked as used on the way: libharu marks each glyph when it
 * first measures it and then reads the font file, a seek and a read through
 * stdio per glyph and document, for the parts of composite glyphs; marked
 * beforehand from the mapped file, they are not read again. */
static void
set_up_definition (Face           *face,
                   HPDF_FontDef    definition,
                   const gunichar *chars,
                   guint           n_chars)
{
  HPDF_TTFontDefAttr attr = definition->attr;
  gunichar first = chars[0], last = chars[n_chars - 1];

  face->saved_cmap = attr->cmap;
  face->cmap_swapped = TRUE;
  face->reduced_glyphs = g_new0 (HPDF_UINT16, last - first + 1);
  for (guint i = 0; i < n_chars; i++)
    {
      FT_UInt glyph = FT_Get_Char_Index (face->outline_face, chars[i]);

      face->reduced_glyphs[chars[i] - first] = glyph;
      shenbao_pdf_font_file_mark (face->program, attr->glyph_tbl.flgs, glyph);
    }

  /* Segment 0 covers [first, last] through the glyph array: libharu reads
   * glyph_id_array[id_range_offset / 2 + (code - first) - segments], so an
   * offset of 2 × segments indexes the array by code - first. Segment 1 is
   * the 0xFFFF terminator the format requires. */
  face->reduced_start_codes[0] = first;
  face->reduced_end_codes[0] = last;
  face->reduced_range_offsets[0] = 2 * 2;
  face->reduced_deltas[0] = 0;
  face->reduced_start_codes[1] = face->reduced_end_codes[1] = 0xFFFF;
  face->reduced_range_offsets[1] = 0;
  face->reduced_deltas[1] = 1;

  attr->cmap.format = 4;
  attr->cmap.seg_count_x2 = 2 * 2;
  attr->cmap.end_count = face->reduced_end_codes;
  attr->cmap.start_count = face->reduced_start_codes;
  attr->cmap.id_delta = face->reduced_deltas;
  attr->cmap.id_range_offset = face->reduced_range_offsets;
  attr->cmap.glyph_id_array = face->reduced_glyphs;
  attr->cmap.glyph_id_array_count = last - first + 1;
}

static void
restore_cmap (Face     *face,
              HPDF_Doc  doc)
{
  HPDF_FontDef definition;

  if (!face->cmap_swapped)
    return;
  definition = HPDF_GetFontDef (doc, face->hpdf_name);
  ((HPDF_TTFontDefAttr) definition->attr)->cmap = face->saved_cmap;
  face->cmap_swapped = FALSE;
  g_clear_pointer (&face->reduced_glyphs, g_free);
}

/* libharu 2.3 gives a UTF-8 font a ToUnicode stream that is a copy of its
 * encoding CMap (begincidrange), which poppler warns about on every page. Its
 * codes are the characters' own (code = CID = UTF-16 of the BMP character),
 * so the right map is the identity over the characters drawn. */
static gboolean
write_identity_to_unicode (HPDF_Font       font,
                           const gunichar *chars,
                           guint           n_chars)
{
  HPDF_FontAttr attr = font->attr;
  g_autoptr(GString) cmap = g_string_new (NULL);
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (guint));

  if (attr->cmap_stream == NULL)
    return TRUE;

  /* One bfrange per 256-code row that holds a drawn character: a range may
   * only vary in its last byte. */
  for (guint i = 0; i < n_chars; i++)
    {
      guint row = chars[i] >> 8;

      if (rows->len == 0 || g_array_index (rows, guint, rows->len - 1) != row)
        g_array_append_val (rows, row);
    }

  g_string_append (cmap,
                   "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
                   "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
                   "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
                   "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
  for (guint i = 0; i < rows->len; i += 100)
    {
      guint block = MIN (rows->len - i, 100);

      g_string_append_printf (cmap, "%u beginbfrange\n", block);
      for (guint j = i; j < i + block; j++)
        {
          guint row = g_array_index (rows, guint, j);

          g_string_append_printf (cmap, "<%02X00> <%02XFF> <%02X00>\n", row, row, row);
        }
      g_string_append (cmap, "endbfrange\n");
    }
  g_string_append (cmap, "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");

  HPDF_MemStream_FreeData (attr->cmap_stream->stream);
  return HPDF_Stream_Write (attr->cmap_stream->stream, (const HPDF_BYTE *) cmap->str, cmap->len) == HPDF_OK;
}

HPDF_Font
shenbao_pdf_fonts_use (HPDF_Doc         doc,
                       ShenbaoPdfFace   id,
                       const gunichar  *chars,
                       guint            n_chars,
                       GError         **error)
{
  Face *face;
  HPDF_Font font = NULL;

  g_return_val_if_fail (n_chars > 0, NULL);
  g_return_val_if_fail (chars[n_chars - 1] <= 0xFFFF, NULL);

  G_LOCK (faces_lock);
  face = open_face (id);
  if (face->outline_face == NULL)
    g_propagate_error (error, g_error_copy (face->error));
  else if (load_into_libharu (face, doc, error))
    {
      set_up_definition (face, HPDF_GetFontDef (doc, face->hpdf_name), chars, n_chars);
      font = HPDF_GetFont (doc, face->hpdf_name, "UTF-8");
      if (font == NULL || !write_identity_to_unicode (font, chars, n_chars))
        {
          shenbao_pdf_fonts_set_error (error, doc);
          font = NULL;
        }
      face->document_font = font;
    }
  G_UNLOCK (faces_lock);
  return font;
}

/* The font program is compressed already (shenbao-pdf-font-file.c): libharu
 * writes the stream as it is, and this says how it is encoded. */
static HPDF_STATUS
write_flate_filter (HPDF_Dict   dict,
                    HPDF_Stream stream)
{
  return HPDF_Stream_WriteStr (stream, "/Filter /FlateDecode\012");
}

/* libharu compresses a face's CIDToGIDMap, two bytes for every code of the
 * BMP (128 KB, nearly all zeros), at the document's level in every PDF; the
 * fastest level takes a third of the time for some 700 bytes more. */
static gboolean
compress_glyph_map (HPDF_FontAttr attr)
{
  HPDF_Dict map = attr->map_stream;
  HPDF_UINT size, read;
  g_autofree HPDF_BYTE *data = NULL;
  g_autofree Bytef *compressed = NULL;
  uLongf compressed_size;

  if (map == NULL)
    return TRUE;
  size = read = map->stream->size;
  data = g_malloc (MAX (size, 1));
  if (HPDF_Stream_Seek (map->stream, 0, HPDF_SEEK_SET) != HPDF_OK
      || HPDF_Stream_Read (map->stream, data, &read) != HPDF_OK || read != size)
    return FALSE;
  compressed_size = compressBound (size);
  compressed = g_malloc (compressed_size);
  if (compress2 (compressed, &compressed_size, data, size, Z_BEST_SPEED) != Z_OK)
    return FALSE;
  HPDF_MemStream_FreeData (map->stream);
  if (HPDF_Stream_Write (map->stream, compressed, compressed_size) != HPDF_OK)
    return FALSE;
  map->filter = HPDF_STREAM_FILTER_NONE;
  map->write_fn = write_flate_filter;
  /* CIDFontType2_BeforeWrite_Func would give it the document's filter again. */
  attr->map_stream = NULL;
  return TRUE;
}

/* The font descriptor with the face's font program, as libharu 2.3 makes it
 * in CIDFontType2_BeforeWrite_Func, which makes none where the definition
 * has one already. libharu would write the program anew from the font file
 * four bytes at a time and compress all of it, for every PDF: most of the
 * time of a batch. Here only the outlines and their offsets change from one
 * PDF to the next, and only they are compressed (shenbao_pdf_font_file_subset). */
static gboolean
embed_face (Face      *face,
            HPDF_Doc   doc,
            GError   **error)
{
  HPDF_FontDef definition = ((HPDF_FontAttr) face->document_font->attr)->fontdef;
  HPDF_TTFontDefAttr attr = definition->attr;
  HPDF_Dict descriptor, program;
  g_autoptr(GBytes) data = NULL;
  gsize length;
  HPDF_STATUS status = HPDF_OK;

  /* The glyphs marked for the characters drawn (set_up_definition), and any
   * libharu marked as the pages were written. */
  data = shenbao_pdf_font_file_subset (face->program, attr->glyph_tbl.flgs, attr->num_glyphs, &length);

  descriptor = HPDF_Dict_New (doc->mmgr);
  program = HPDF_DictStream_New (doc->mmgr, doc->xref);
  if (descriptor == NULL || program == NULL)
    {
      shenbao_pdf_fonts_set_error (error, doc);
      return FALSE;
    }
  program->write_fn = write_flate_filter;
  status += HPDF_Stream_Write (program->stream, g_bytes_get_data (data, NULL), g_bytes_get_size (data));
  status += HPDF_Dict_AddNumber (program, "Length1", length);
  status += HPDF_Xref_Add (doc->xref, descriptor);
  status += HPDF_Dict_Add (descriptor, "FontFile2", program);
  status += HPDF_Dict_AddName (descriptor, "Type", "FontDescriptor");
  status += HPDF_Dict_AddNumber (descriptor, "Ascent", definition->ascent);
  status += HPDF_Dict_AddNumber (descriptor, "Descent", definition->descent);
  status += HPDF_Dict_AddNumber (descriptor, "Flags", definition->flags);
  status += HPDF_Dict_Add (descriptor, "FontBBox", HPDF_Box_Array_New (doc->mmgr, definition->font_bbox));
  status += HPDF_Dict_AddName (descriptor, "FontName", attr->base_font);
  status += HPDF_Dict_AddNumber (descriptor, "ItalicAngle", definition->italic_angle);
  status += HPDF_Dict_AddNumber (descriptor, "StemV", definition->stemv);
  status += HPDF_Dict_AddNumber (descriptor, "XHeight", definition->x_height);
  if (status != HPDF_OK || !compress_glyph_map (face->document_font->attr))
    {
      shenbao_pdf_fonts_set_error (error, doc);
      return FALSE;
    }
  definition->descriptor = descriptor;
  return TRUE;
}

gboolean
shenbao_pdf_fonts_embed (HPDF_Doc   doc,
                         GError   **error)
{
  gboolean embedded = TRUE;

  G_LOCK (faces_lock);
  for (int i = 0; i < SHENBAO_PDF_N_FACES && embedded; i++)
    if (faces[i].document_font != NULL)
      embedded = embed_face (&faces[i], doc, error);
  G_UNLOCK (faces_lock);
  return embedded;
}

typedef struct
{
  HPDF_Page page;
  double    x;
  double    y;
  double    scale;
  double    current_x;   /* the pen, in page points */
  double    current_y;
} OutlinePen;

static void
pen_point (OutlinePen      *pen,
           const FT_Vector *point,
           double          *x,
           double          *y)
{
  *x = pen->x + point->x * pen->scale;
  *y = pen->y + point->y * pen->scale;
}

static int
outline_move_to (const FT_Vector *to,
                 void            *user_data)
{
  OutlinePen *pen = user_data;

  pen_point (pen, to, &pen->current_x, &pen->current_y);
  HPDF_Page_MoveTo (pen->page, pen->current_x, pen->current_y);
  return 0;
}

static int
outline_line_to (const FT_Vector *to,
                 void            *user_data)
{
  OutlinePen *pen = user_data;

  pen_point (pen, to, &pen->current_x, &pen->current_y);
  HPDF_Page_LineTo (pen->page, pen->current_x, pen->current_y);
  return 0;
}

static int
outline_cubic_to (const FT_Vector *control1,
                  const FT_Vector *control2,
                  const FT_Vector *to,
                  void            *user_data)
{
  OutlinePen *pen = user_data;
  double x1, y1, x2, y2;

  pen_point (pen, control1, &x1, &y1);
  pen_point (pen, control2, &x2, &y2);
  pen_point (pen, to, &pen->current_x, &pen->current_y);
  HPDF_Page_CurveTo (pen->page, x1, y1, x2, y2, pen->current_x, pen->current_y);
  return 0;
}

/* TrueType outlines are quadratic; PDF paths are cubic: the control points
 * of the same curve lie two thirds of the way from each end to the
 * quadratic's control point. */
static int
outline_conic_to (const FT_Vector *control,
                  const FT_Vector *to,
                  void            *user_data)
{
  OutlinePen *pen = user_data;
  double cx, cy, x, y;

  pen_point (pen, control, &cx, &cy);
  pen_point (pen, to, &x, &y);
  HPDF_Page_CurveTo (pen->page,
                     pen->current_x + 2 * (cx - pen->current_x) / 3, pen->current_y + 2 * (cy - pen->current_y) / 3,
                     x + 2 * (cx - x) / 3, y + 2 * (cy - y) / 3,
                     x, y);
  pen->current_x = x;
  pen->current_y = y;
  return 0;
}

gboolean
shenbao_pdf_fonts_fill_outline (HPDF_Page       page,
                                ShenbaoPdfFace  id,
                                gunichar        c,
                                double          x,
                                double          y,
                                double          size)
{
  static const FT_Outline_Funcs funcs = {
    outline_move_to, outline_line_to, outline_conic_to, outline_cubic_to, 0, 0,
  };
  Face *face;
  gboolean drawn = FALSE;

  G_LOCK (faces_lock);
  face = open_face (id);
  if (face->outline_face != NULL
      && FT_Load_Glyph (face->outline_face, FT_Get_Char_Index (face->outline_face, c),
                        FT_LOAD_NO_SCALE | FT_LOAD_NO_BITMAP | FT_LOAD_NO_HINTING) == 0
      && face->outline_face->glyph->format == FT_GLYPH_FORMAT_OUTLINE)
    {
      FT_Outline *outline = &face->outline_face->glyph->outline;
      OutlinePen pen = { page, x, y, size / face->outline_face->units_per_EM, x, y };

      if (outline->n_contours > 0)
        drawn = FT_Outline_Decompose (outline, &funcs, &pen) == 0;
      if (outline->n_contours > 0 && !drawn)
        HPDF_Page_EndPath (page);
      else if (drawn && (outline->flags & FT_OUTLINE_EVEN_ODD_FILL))
        HPDF_Page_Eofill (page);
      else if (drawn)
        HPDF_Page_Fill (page);
    }
  G_UNLOCK (faces_lock);
  return drawn;
}

void
shenbao_pdf_fonts_end_document (HPDF_Doc doc)
{
  G_LOCK (faces_lock);
  for (int i = 0; i < SHENBAO_PDF_N_FACES; i++)
    {
      restore_cmap (&faces[i], doc);
      faces[i].document_font = NULL;
    }
  G_UNLOCK (faces_lock);
  g_mutex_unlock (&document_lock);
}
