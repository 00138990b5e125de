/* SPDX-License-Identifier: GPL-3.0-or-later */
#define _GNU_SOURCE /* memfd_create */
#define G_LOG_DOMAIN "shenbao-pdf-fonts"

#include "config.h"

#include <fontconfig/fontconfig.h>
#include <glib/gi18n-lib.h>
#include <hb-subset.h>
#include <hb.h>
#include <hpdf_doc.h>
#include <hpdf_font.h>
#include <hpdf_fontdef.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>
#include <hpdf_version.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include <zlib.h>

#include "shenbao-error.h"
#include "shenbao-paths.h"
#include "shenbao-pdf-fonts.h"

typedef struct
{
  const char *group;         /* in data/fonts.ini */
  const char *variable;      /* the environment variable that overrides it */
  const char *description;   /* for messages */
} FaceInfo;

static const FaceInfo face_info[SHENBAO_PDF_N_FACES] = {
  [SHENBAO_PDF_FACE_SONG] = { "song", "SHENBAO_FONT_SONG", N_("Song (宋体)") },
  [SHENBAO_PDF_FACE_KAI] = { "kai", "SHENBAO_FONT_KAI", N_("Kai (楷体)") },
  [SHENBAO_PDF_FACE_MING] = { "ming", "SHENBAO_FONT_MING", N_("Ming (明体)") },
  [SHENBAO_PDF_FACE_EXTENSION] = { "extension", "SHENBAO_FONT_EXTENSION", N_("CJK extensions (BabelStone Han)") },
  [SHENBAO_PDF_FACE_UKAI] = { "ukai", "SHENBAO_FONT_UKAI", N_("Kai fallback (AR PL UKai)") },
};

#define BMP_SIZE 0x10000

typedef struct
{
  gsize           opened;           /* g_once_init_enter: the fields below are set */
  char           *family;           /* from data/fonts.ini */
  char           *package;
  ShenbaoPdfFace  fallbacks[SHENBAO_PDF_N_FACES];
  guint           n_fallbacks;
  char           *path;             /* NULL: not installed */
  int             index;            /* in a collection (.ttc) */
  GError         *error;            /* why the face cannot be used */
  hb_face_t      *face;             /* the whole face: what the subsets are cut from */
  hb_font_t      *font;             /* coverage and advances, in font units */
  guint           units_per_em;
  /* Every character of the pages is measured many times over (line breaks,
   * balanced widths): per code of the BMP, the advance in thousandths of an
   * em + 1, or 0 where the face has no glyph. Filled when the face opens and
   * read-only after, so that threads share it without a lock. */
  guint16        *advances;
} Face;

static Face faces[SHENBAO_PDF_N_FACES];

/* Read once per process; a missing or broken file is an installation fault
 * that every face reports. */
static GKeyFile *
load_face_list (GError **error)
{
  static gsize loaded;
  static GKeyFile *list;
  static GError *list_error;

  if (g_once_init_enter (&loaded))
    {
      g_autofree char *path = shenbao_data_path ("fonts.ini");
      GKeyFile *file = g_key_file_new ();
      g_autoptr(GError) local_error = NULL;

      if (g_key_file_load_from_file (file, path, G_KEY_FILE_NONE, &local_error))
        list = file;
      else
        {
          g_set_error (&list_error, SHENBAO_ERROR, SHENBAO_ERROR_FONT, _("The list of fonts “%s” cannot be read: %s"),
                       path, local_error->message);
          g_key_file_unref (file);
        }
      g_once_init_leave (&loaded, 1);
    }
  if (list == NULL)
    g_propagate_error (error, g_error_copy (list_error));
  return list;
}

static gboolean
face_by_group (const char     *group,
               ShenbaoPdfFace *id)
{
  for (int i = 0; i < SHENBAO_PDF_N_FACES; i++)
    if (g_strcmp0 (face_info[i].group, group) == 0)
      {
        *id = i;
        return TRUE;
      }
  return FALSE;
}

static gboolean
read_face_entry (Face            *face,
                 const FaceInfo  *info,
                 GError         **error)
{
  GKeyFile *list = load_face_list (error);
  g_auto(GStrv) fallbacks = NULL;
  g_autoptr(GError) local_error = NULL;

  if (list == NULL)
    return FALSE;
  face->family = g_key_file_get_string (list, info->group, "family", &local_error);
  if (face->family != NULL)
    face->package = g_key_file_get_string (list, info->group, "package", &local_error);
  if (face->package != NULL)
    fallbacks = g_key_file_get_string_list (list, info->group, "fallbacks", NULL, &local_error);
  if (fallbacks == NULL)
    {
      g_set_error (error, SHENBAO_ERROR, SHENBAO_ERROR_FONT, _("The list of fonts has no entry for the %s font: %s"),
                   _(info->description), local_error->message);
      return FALSE;
    }
  for (guint i = 0; fallbacks[i] != NULL; i++)
    if (!face_by_group (fallbacks[i], &face->fallbacks[face->n_fallbacks++]))
      {
        g_set_error (error, SHENBAO_ERROR, SHENBAO_ERROR_FONT,
                     _("The list of fonts names an unknown fallback “%s” for the %s font."), fallbacks[i],
                     _(info->description));
        return FALSE;
      }
  return TRUE;
}

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
has_truetype_outlines (hb_face_t *face)
{
  hb_blob_t *glyf = hb_face_reference_table (face, HB_TAG ('g', 'l', 'y', 'f'));
  gboolean found = hb_blob_get_length (glyf) > 0;

  hb_blob_destroy (glyf);
  return found;
}

/* The same truncation as libharu's widths (hmtx advance × 1000 / units per
 * em), so that what is measured here is what the PDF advances. */
static int
glyph_advance (Face           *face,
               hb_codepoint_t  glyph)
{
  return (int) ((guint32) hb_font_get_glyph_h_advance (face->font, glyph) * 1000 / face->units_per_em);
}

static void
measure_bmp (Face *face)
{
  hb_set_t *codes = hb_set_create ();
  hb_codepoint_t c = HB_SET_VALUE_INVALID;

  face->advances = g_new0 (guint16, BMP_SIZE);
  hb_face_collect_unicodes (face->face, codes);
  while (hb_set_next (codes, &c) && c < BMP_SIZE)
    {
      hb_codepoint_t glyph;

      if (hb_font_get_nominal_glyph (face->font, c, &glyph))
        face->advances[c] = MIN (glyph_advance (face, glyph), G_MAXUINT16 - 1) + 1;
    }
  hb_set_destroy (codes);
}

static gboolean
open_file (Face            *face,
           const FaceInfo  *info,
           GError         **error)
{
  const char *override = g_getenv (info->variable);
  hb_blob_t *blob;

  if (override != NULL && *override != '\0')
    face->path = g_strdup (override);
  else if (!find_with_fontconfig (face->family, &face->path, &face->index))
    {
      g_set_error (error, SHENBAO_ERROR, SHENBAO_ERROR_FONT,
                   _("No %s font for the PDFs: install the package %s, or set %s to the path of a "
                     "TrueType font."),
                   _(info->description), face->package, info->variable);
      return FALSE;
    }

  /* Mapped, not read: BabelStone Han alone is 51 MB. */
  blob = hb_blob_create_from_file_or_fail (face->path);
  if (blob == NULL || face->index >= (int) hb_face_count (blob))
    {
      g_set_error (error, SHENBAO_ERROR, SHENBAO_ERROR_FONT,
                   _("The %s font “%s” cannot be opened (set %s to the path of a TrueType font)."),
                   _(info->description), face->path, info->variable);
      hb_blob_destroy (blob);
      return FALSE;
    }
  face->face = hb_face_create (blob, face->index);
  hb_blob_destroy (blob);
  face->units_per_em = hb_face_get_upem (face->face);
  if (!has_truetype_outlines (face->face) || hb_face_get_glyph_count (face->face) == 0)
    {
      g_set_error (error, SHENBAO_ERROR, SHENBAO_ERROR_FONT,
                   _("The %s font “%s” cannot be embedded in a PDF: it is not a TrueType font "
                     "(%s can name another one)."),
                   _(info->description), face->path, info->variable);
      return FALSE;
    }
  hb_face_make_immutable (face->face);
  face->font = hb_font_create (face->face);
  hb_font_make_immutable (face->font);
  measure_bmp (face);
  return TRUE;
}

/* Finds and opens the face, once per process, whatever the thread. */
static Face *
open_face (ShenbaoPdfFace id)
{
  Face *face = &faces[id];

  if (g_once_init_enter (&face->opened))
    {
      const FaceInfo *info = &face_info[id];

      if (!read_face_entry (face, info, &face->error) || !open_file (face, info, &face->error))
        {
          g_clear_pointer (&face->font, hb_font_destroy);
          g_clear_pointer (&face->face, hb_face_destroy);
        }
      g_once_init_leave (&face->opened, 1);
    }
  return face;
}

gboolean
shenbao_pdf_fonts_require (ShenbaoPdfFace   id,
                           GError         **error)
{
  Face *face = open_face (id);

  if (face->font == NULL)
    {
      g_propagate_error (error, g_error_copy (face->error));
      return FALSE;
    }
  return TRUE;
}

static gboolean
face_has_glyph (ShenbaoPdfFace id,
                gunichar       c)
{
  Face *face = open_face (id);
  hb_codepoint_t glyph;

  if (face->font == NULL)
    return FALSE;
  if (c < BMP_SIZE)
    return face->advances[c] != 0;
  return hb_font_get_nominal_glyph (face->font, c, &glyph);
}

gboolean
shenbao_pdf_fonts_resolve (ShenbaoPdfFace  primary,
                           gunichar        c,
                           ShenbaoPdfFace *face)
{
  Face *entry = open_face (primary);

  if (face_has_glyph (primary, c))
    {
      *face = primary;
      return TRUE;
    }
  for (guint i = 0; i < entry->n_fallbacks; i++)
    if (face_has_glyph (entry->fallbacks[i], c))
      {
        *face = entry->fallbacks[i];
        return TRUE;
      }
  return FALSE;
}

int
shenbao_pdf_fonts_advance (ShenbaoPdfFace id,
                           gunichar       c)
{
  Face *face = open_face (id);
  hb_codepoint_t glyph;

  if (face->font == NULL)
    return 0;
  if (c < BMP_SIZE && face->advances[c] > 0)
    return face->advances[c] - 1;
  /* Glyph 0, .notdef, where the face has none. */
  return glyph_advance (face, c >= BMP_SIZE && hb_font_get_nominal_glyph (face->font, c, &glyph) ? glyph : 0);
}

char *
shenbao_pdf_fonts_missing_fallbacks (void)
{
  g_autoptr(GStrvBuilder) missing = g_strv_builder_new ();
  g_auto(GStrv) packages = NULL;
  gboolean listed[SHENBAO_PDF_N_FACES] = { FALSE };

  for (int i = 0; i < SHENBAO_PDF_N_FACES; i++)
    {
      Face *face = open_face (i);

      for (guint j = 0; j < face->n_fallbacks; j++)
        {
          Face *fallback = open_face (face->fallbacks[j]);

          if (fallback->font == NULL && fallback->package != NULL && !listed[face->fallbacks[j]])
            g_strv_builder_add (missing, fallback->package);
          listed[face->fallbacks[j]] = TRUE;
        }
    }
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

/* libharu keys the fonts it loads by their PostScript name and keeps them
 * from one document to the next of an HPDF_Doc (HPDF_NewDoc): a second
 * subset of a face would come back as the first. Each PDF has a libharu
 * document of its own. */
HPDF_Doc
shenbao_pdf_fonts_begin_document (GError **error)
{
  HPDF_Doc doc = HPDF_New (ignore_hpdf_error, NULL);

  if (doc == NULL || HPDF_UseUTFEncodings (doc) != HPDF_OK)
    {
      g_set_error (error, SHENBAO_ERROR, SHENBAO_ERROR_FAILED, _("The PDF library could not be started."));
      g_clear_pointer (&doc, HPDF_Free);
    }
  return doc;
}

void
shenbao_pdf_fonts_end_document (HPDF_Doc doc)
{
  HPDF_Free (doc);
}

/* The codes of a subset: libharu's UTF-8 encoder takes a code of the BMP
 * for each character, which is the font's CID, and maps the 65 536 codes to
 * glyphs through the font's cmap, by a linear search of its segments. Each
 * glyph of a subset has its glyph id for code: the subset's cmap is one
 * segment, searched at once; the CIDs are the glyph ids, as a PDF reads them
 * when a font has no CIDToGIDMap; and a character beyond the BMP (𠮷) has a
 * code like any other. A character the face lacks gets a code past the
 * glyphs, which draws nothing (.notdef). The ToUnicode map gives each code
 * its character back. */
/* Codes stay below the surrogates, which UTF-8 cannot carry: far more glyphs
 * than a document of a few pages has. */
#define MAX_CODES 0xD800

struct _ShenbaoPdfSubset
{
  HPDF_Font   font;
  GHashTable *codes;   /* character → its code (GUINT_TO_POINTER) */
};

void
shenbao_pdf_subset_free (ShenbaoPdfSubset *subset)
{
  g_clear_pointer (&subset->codes, g_hash_table_unref);
  g_free (subset);
}

HPDF_Font
shenbao_pdf_subset_get_font (ShenbaoPdfSubset *subset)
{
  return subset->font;
}

char *
shenbao_pdf_subset_encode (ShenbaoPdfSubset *subset,
                           const char       *text)
{
  GString *encoded = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gpointer code = g_hash_table_lookup (subset->codes, GUINT_TO_POINTER (g_utf8_get_char (p)));

      g_return_val_if_fail (code != NULL, g_string_free (encoded, TRUE));
      g_string_append_unichar (encoded, GPOINTER_TO_UINT (code));
    }
  return g_string_free (encoded, FALSE);
}

static void
append_u16 (GByteArray *array,
            guint16     value)
{
  guint8 bytes[2] = { value >> 8, value & 0xFF };

  g_byte_array_append (array, bytes, 2);
}

/* A cmap of one format 4 subtable (Windows, Unicode BMP: the one libharu
 * reads): codes 1 to n_glyphs - 1 to the glyphs of the same ids, then the
 * 0xFFFF segment that ends it. */
static hb_blob_t *
make_code_cmap (guint n_glyphs)
{
  GByteArray *table = g_byte_array_new ();
  guint n_segments = n_glyphs > 1 ? 2 : 1;
  guint search_range = n_segments == 2 ? 4 : 2, entry_selector = n_segments == 2 ? 1 : 0;

  append_u16 (table, 0);           /* version */
  append_u16 (table, 1);           /* one subtable */
  append_u16 (table, 3);           /* Windows */
  append_u16 (table, 1);           /* Unicode BMP */
  append_u16 (table, 0);
  append_u16 (table, 12);          /* its offset, 32 bits */
  append_u16 (table, 4);           /* format */
  append_u16 (table, 16 + 8 * n_segments);
  append_u16 (table, 0);           /* language */
  append_u16 (table, 2 * n_segments);
  append_u16 (table, search_range);
  append_u16 (table, entry_selector);
  append_u16 (table, 2 * n_segments - search_range);
  if (n_segments == 2)
    append_u16 (table, n_glyphs - 1);   /* end codes */
  append_u16 (table, 0xFFFF);
  append_u16 (table, 0);                /* reserved */
  if (n_segments == 2)
    append_u16 (table, 1);              /* start codes */
  append_u16 (table, 0xFFFF);
  if (n_segments == 2)
    append_u16 (table, 0);              /* deltas */
  append_u16 (table, 1);
  if (n_segments == 2)
    append_u16 (table, 0);              /* range offsets */
  append_u16 (table, 0);
  return hb_blob_create ((const char *) table->data, table->len, HB_MEMORY_MODE_READONLY, table,
                         (hb_destroy_func_t) g_byte_array_unref);
}

static void
append_name_record (GByteArray *records,
                    GByteArray *strings,
                    guint       name_id,
                    const char *text)
{
  glong n_units = 0;
  g_autofree gunichar2 *utf16 = g_utf8_to_utf16 (text, -1, NULL, &n_units, NULL);

  append_u16 (records, 3);            /* Windows */
  append_u16 (records, 1);            /* Unicode BMP */
  append_u16 (records, 0x409);        /* English (United States) */
  append_u16 (records, name_id);
  append_u16 (records, 2 * n_units);
  append_u16 (records, strings->len);
  for (glong i = 0; i < n_units; i++)
    append_u16 (strings, utf16[i]);
}

/* A name table of the two names libharu reads, the PostScript name renamed:
 * libharu keys the fonts of a document by it (ParseName), so that two faces
 * of one font file, a Kai face overridden by the Song one, need two names. */
static hb_blob_t *
make_name_table (Face       *face,
                 const char *suffix)
{
  char name[64] = { 0 }, style[64] = { 0 };
  unsigned name_length = sizeof name, style_length = sizeof style;
  g_autofree char *renamed = NULL;
  g_autoptr(GByteArray) records = g_byte_array_new ();
  g_autoptr(GByteArray) strings = g_byte_array_new ();
  GByteArray *table = g_byte_array_new ();

  hb_ot_name_get_utf8 (face->face, HB_OT_NAME_ID_POSTSCRIPT_NAME, HB_LANGUAGE_INVALID, &name_length,
                       name);
  hb_ot_name_get_utf8 (face->face, HB_OT_NAME_ID_FONT_SUBFAMILY, HB_LANGUAGE_INVALID, &style_length,
                       style);
  renamed = g_strdup_printf ("%s-%s", *name != '\0' ? name : "Font", suffix);
  append_name_record (records, strings, HB_OT_NAME_ID_FONT_SUBFAMILY, *style != '\0' ? style : "Regular");
  append_name_record (records, strings, HB_OT_NAME_ID_POSTSCRIPT_NAME, renamed);
  append_u16 (table, 0);                    /* format */
  append_u16 (table, 2);                    /* records */
  append_u16 (table, 6 + records->len);     /* where the strings start */
  g_byte_array_append (table, records->data, records->len);
  g_byte_array_append (table, strings->data, strings->len);
  return hb_blob_create ((const char *) table->data, table->len, HB_MEMORY_MODE_READONLY, table,
                         (hb_destroy_func_t) g_byte_array_unref);
}

/* The subset keeps a reference to the table. */
static void
replace_table (hb_face_t *subset,
               hb_tag_t   tag,
               hb_blob_t *table)
{
  hb_face_builder_add_table (subset, tag, table);
  hb_blob_destroy (table);
}

/* The subset of face for the characters of chars it has: its file, with the
 * code cmap, and renamed with rename when not NULL; codes receives each
 * character's code. */
static hb_blob_t *
cut_subset (Face            *face,
            const gunichar  *chars,
            guint            n_chars,
            const char      *rename,
            GHashTable      *codes,
            GError         **error)
{
  hb_subset_input_t *input = hb_subset_input_create_or_fail ();
  hb_subset_plan_t *plan = NULL;
  hb_face_t *subset = NULL;
  hb_blob_t *file = NULL;
  const hb_map_t *old_glyphs, *new_glyphs;
  guint n_glyphs, n_missing = 0;

  for (guint i = 0; input != NULL && i < n_chars; i++)
    hb_set_add (hb_subset_input_unicode_set (input), chars[i]);
  /* Hinting is for screens at small sizes; print needs none, and it would
   * double the size of some faces. libharu names the font from its English
   * PostScript name, Windows' or else the Macintosh's: both are kept. */
  if (input != NULL)
    {
      hb_subset_input_set_flags (input, HB_SUBSET_FLAGS_NO_HINTING | HB_SUBSET_FLAGS_NAME_LEGACY);
      hb_set_add (hb_subset_input_set (input, HB_SUBSET_SETS_NAME_LANG_ID), 0);   /* Macintosh English */
    }
  if (input != NULL)
    plan = hb_subset_plan_create_or_fail (face->face, input);
  if (plan != NULL)
    subset = hb_subset_plan_execute_or_fail (plan);
  if (subset == NULL)
    {
      g_set_error (error, SHENBAO_ERROR, SHENBAO_ERROR_FONT, _("The font “%s” could not be cut to the characters drawn."),
                   face->path);
      goto out;
    }

  n_glyphs = hb_face_get_glyph_count (subset);
  old_glyphs = hb_subset_plan_unicode_to_old_glyph_mapping (plan);
  new_glyphs = hb_subset_plan_old_to_new_glyph_mapping (plan);
  for (guint i = 0; i < n_chars; i++)
    {
      hb_codepoint_t old_glyph = hb_map_get (old_glyphs, chars[i]);
      hb_codepoint_t new_glyph = old_glyph != HB_MAP_VALUE_INVALID ? hb_map_get (new_glyphs, old_glyph) : 0;
      guint code = new_glyph != HB_MAP_VALUE_INVALID && new_glyph != 0 ? new_glyph : n_glyphs + n_missing++;

      g_hash_table_insert (codes, GUINT_TO_POINTER (chars[i]), GUINT_TO_POINTER (code));
    }
  if (n_glyphs + n_missing > MAX_CODES)
    {
      g_set_error (error, SHENBAO_ERROR, SHENBAO_ERROR_FONT,
                   _("The document draws more than %u different characters in one font."), MAX_CODES);
      goto out;
    }
  replace_table (subset, HB_TAG ('c', 'm', 'a', 'p'), make_code_cmap (n_glyphs));
  if (rename != NULL)
    replace_table (subset, HB_TAG ('n', 'a', 'm', 'e'), make_name_table (face, rename));
  file = hb_face_reference_blob (subset);

out:
  hb_face_destroy (subset);
  hb_subset_plan_destroy (plan);
  hb_subset_input_destroy (input);
  return file;
}

/* Hands the subset to libharu through its public font loading, for its
 * metrics and widths: from memory where libharu has it (2.4), else through a
 * file in memory, gone once loaded. The font program is embedded by
 * embed_program. */
static const char *
load_into_libharu (HPDF_Doc    doc,
                   hb_blob_t  *file)
{
  unsigned length;
  const char *data = hb_blob_get_data (file, &length);
#if HPDF_VERSION_ID >= 20400
  return HPDF_LoadTTFontFromMemory (doc, (const HPDF_BYTE *) data, length, HPDF_FALSE);
#else
  g_autofree char *path = NULL;
  const char *name = NULL;
  int fd = memfd_create ("shenbao-font", MFD_CLOEXEC);

  if (fd < 0)
    return NULL;
  path = g_strdup_printf ("/proc/self/fd/%d", fd);
  if (write (fd, data, length) == (gssize) length)
    name = HPDF_LoadTTFontFromFile (doc, path, HPDF_FALSE);
  close (fd);
  return name;
#endif
}

/* libharu hooks: the only places where Shenbao reaches past libharu's
 * public API (hpdf.h) into its structures, in this one place:
 * n_font_definitions, set_subset_tag, write_to_unicode and embed_program.
 * tests/test-pdf-layout.c checks each (same-font-twice, subset-tags,
 * beyond-bmp and missing, fallback and its pixels), and every PDF test does
 * through pdf_fonts() (every font embedded, a subset, with a ToUnicode map,
 * its tag not libharu's).
 *
 * How many fonts the document has loaded: libharu gives back the font it
 * has already loaded by the same PostScript name, as if it had loaded the
 * new one. */
static HPDF_UINT
n_font_definitions (HPDF_Doc doc)
{
  return doc->fontdef_list->count;
}

/* The subset tag: libharu tags the fonts of a document HPDFAA, HPDFAB… in
 * the order it loads them, so every PDF would carry HPDFAA+ for a different
 * subset and merging PDFs would mix them up. The tag is drawn from the
 * characters, so that another set of glyphs has another tag. */
static void
set_subset_tag (HPDF_FontDef    definition,
                const char     *path,
                const gunichar *chars,
                guint           n_chars)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 digest[32];
  gsize digest_length = sizeof digest;
  char tag[HPDF_TTF_FONT_TAG_LEN + 1] = { 0 };

  g_checksum_update (checksum, (const guchar *) path, strlen (path));
  g_checksum_update (checksum, (const guchar *) chars, n_chars * sizeof *chars);
  g_checksum_get_digest (checksum, digest, &digest_length);
  for (int i = 0; i < HPDF_TTF_FONT_TAG_LEN; i++)
    tag[i] = 'A' + digest[i] % 26;
  HPDF_TTFontDef_SetTagName (definition, tag);
}

/* The ToUnicode map: libharu 2.3 gives a UTF-8 font a copy of its encoding
 * CMap (begincidrange), which poppler warns about on every page, and which
 * would give the codes back, not the characters. */
static gboolean
write_to_unicode (HPDF_Font   font,
                  GHashTable *codes)
{
  HPDF_FontAttr attr = font->attr;
  g_autoptr(GString) cmap = g_string_new (NULL);
  g_autoptr(GList) chars = g_hash_table_get_keys (codes);
  guint n = 0;

  if (attr->cmap_stream == NULL)
    return FALSE;
  g_string_append (cmap,
                   "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
                   "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
                   "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
                   "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
  /* At most 100 entries a block (PDF 32000, 9.10.3). */
  for (GList *l = chars; l != NULL; l = l->next, n++)
    {
      gunichar c = GPOINTER_TO_UINT (l->data);
      guint code = GPOINTER_TO_UINT (g_hash_table_lookup (codes, l->data));
      guint remaining = g_hash_table_size (codes) - n;

      if (n % 100 == 0)
        g_string_append_printf (cmap, "%u beginbfchar\n", MIN (remaining, 100));
      if (c < BMP_SIZE)
        g_string_append_printf (cmap, "<%04X> <%04X>\n", code, c);
      else
        g_string_append_printf (cmap, "<%04X> <%04X%04X>\n", code, 0xD800 + ((c - BMP_SIZE) >> 10),
                                0xDC00 + ((c - BMP_SIZE) & 0x3FF));
      if (n % 100 == 99 || remaining == 1)
        g_string_append (cmap, "endbfchar\n");
    }
  g_string_append (cmap, "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");

  HPDF_MemStream_FreeData (attr->cmap_stream->stream);
  return HPDF_Stream_Write (attr->cmap_stream->stream, (const HPDF_BYTE *) cmap->str, cmap->len) == HPDF_OK;
}

/* The font program is compressed already: libharu writes the stream as it
 * is, and this says how it is encoded. */
static HPDF_STATUS
write_flate_filter (HPDF_Dict   dict,
                    HPDF_Stream stream)
{
  return HPDF_Stream_WriteStr (stream, "/Filter /FlateDecode\012");
}

/* The font program: the subset as HarfBuzz wrote it, in a font descriptor
 * like the one libharu makes in CIDFontType2_BeforeWrite_Func (which makes
 * none where the definition has one). libharu would write the program again
 * from the file it loaded, four bytes a read (2.3 without padding its tables
 * to four bytes), and compress it at zlib's default level, which took half
 * the CPU time of a batch; the fastest level takes half as long for 7% more
 * bytes. The font is loaded as not embedded, so that libharu makes no
 * CIDToGIDMap either: the codes are the glyph ids. */
static gboolean
embed_program (HPDF_Doc      doc,
               HPDF_FontDef  definition,
               hb_blob_t    *file)
{
  HPDF_TTFontDefAttr attr = definition->attr;
  HPDF_Dict descriptor = HPDF_Dict_New (doc->mmgr);
  HPDF_Dict program = HPDF_DictStream_New (doc->mmgr, doc->xref);
  unsigned length;
  const Bytef *data = (const Bytef *) hb_blob_get_data (file, &length);
  uLongf compressed_length = compressBound (length);
  g_autofree Bytef *compressed = g_malloc (compressed_length);
  HPDF_STATUS status = HPDF_OK;

  if (descriptor == NULL || program == NULL
      || compress2 (compressed, &compressed_length, data, length, Z_BEST_SPEED) != Z_OK)
    return FALSE;
  program->write_fn = write_flate_filter;
  status += HPDF_Stream_Write (program->stream, compressed, compressed_length);
  status += HPDF_Dict_AddNumber (program, "Length1", length);
  status += HPDF_Xref_Add (doc->xref, descriptor);
  status += HPDF_Dict_Add (descriptor, "FontFile2", program);
  status += HPDF_Dict_AddName (descriptor, "Type", "FontDescriptor");
  status += HPDF_Dict_AddNumber (descriptor, "Ascent", definition->ascent);
  status += HPDF_Dict_AddNumber (descriptor, "Descent", definition->descent);
  status += HPDF_Dict_AddNumber (descriptor, "CapHeight", definition->cap_height);
  status += HPDF_Dict_AddNumber (descriptor, "Flags", definition->flags);
  status += HPDF_Dict_Add (descriptor, "FontBBox", HPDF_Box_Array_New (doc->mmgr, definition->font_bbox));
  status += HPDF_Dict_AddName (descriptor, "FontName", attr->base_font);
  status += HPDF_Dict_AddNumber (descriptor, "ItalicAngle", definition->italic_angle);
  status += HPDF_Dict_AddNumber (descriptor, "StemV", definition->stemv);
  status += HPDF_Dict_AddNumber (descriptor, "XHeight", definition->x_height);
  definition->descriptor = descriptor;
  return status == HPDF_OK;
}

/* libharu checks the embedding permissions of the OS/2 table only for the
 * fonts it embeds itself: restricted licence, no subsetting, bitmaps only. */
static gboolean
may_embed (Face *face)
{
  hb_blob_t *os2 = hb_face_reference_table (face->face, HB_TAG ('O', 'S', '/', '2'));
  unsigned length;
  const guint8 *data = (const guint8 *) hb_blob_get_data (os2, &length);
  guint16 type = length >= 10 ? (guint16) (data[8] << 8 | data[9]) : 0;

  hb_blob_destroy (os2);
  return (type & (0x0002 | 0x0100 | 0x0200)) == 0;
}

/* Cuts the subset and loads it into libharu: its file, which the PDF embeds,
 * and its name in the document. A face of the document from the same font
 * already has the name: that subset is cut again under a name of its own. */
static hb_blob_t *
load_subset (HPDF_Doc         doc,
             ShenbaoPdfFace   id,
             const gunichar  *chars,
             guint            n_chars,
             GHashTable      *codes,
             const char     **name,
             GError         **error)
{
  Face *face = open_face (id);
  HPDF_UINT n_loaded = n_font_definitions (doc);
  hb_blob_t *file = cut_subset (face, chars, n_chars, NULL, codes, error);

  if (file == NULL)
    return NULL;
  *name = load_into_libharu (doc, file);
  if (*name != NULL && n_font_definitions (doc) == n_loaded)
    {
      hb_blob_destroy (file);
      g_hash_table_remove_all (codes);
      file = cut_subset (face, chars, n_chars, face_info[id].group, codes, error);
      if (file == NULL)
        return NULL;
      *name = load_into_libharu (doc, file);
    }
  if (*name == NULL)
    shenbao_pdf_fonts_set_error (error, doc);
  else if (n_font_definitions (doc) == n_loaded)
    g_set_error (error, SHENBAO_ERROR, SHENBAO_ERROR_FONT,
                 _("The font “%s” has the name of another font of the document (%s): set %s to another font."),
                 face->path, *name, face_info[id].variable);
  else
    return file;
  hb_blob_destroy (file);
  return NULL;
}

ShenbaoPdfSubset *
shenbao_pdf_fonts_use (HPDF_Doc         doc,
                       ShenbaoPdfFace   id,
                       const gunichar  *chars,
                       guint            n_chars,
                       GError         **error)
{
  Face *face = open_face (id);
  g_autoptr(ShenbaoPdfSubset) subset = g_new0 (ShenbaoPdfSubset, 1);
  hb_blob_t *file;
  const char *name = NULL;
  HPDF_FontDef definition;

  g_return_val_if_fail (n_chars > 0, NULL);

  if (face->font == NULL)
    {
      g_propagate_error (error, g_error_copy (face->error));
      return NULL;
    }
  if (!may_embed (face))
    {
      g_set_error (error, SHENBAO_ERROR, SHENBAO_ERROR_FONT,
                   _("The font “%s” cannot be embedded in a PDF: its licence forbids it (set %s to another font)."),
                   face->path, face_info[id].variable);
      return NULL;
    }
  subset->codes = g_hash_table_new (NULL, NULL);
  file = load_subset (doc, id, chars, n_chars, subset->codes, &name, error);
  if (file == NULL)
    return NULL;
  definition = HPDF_GetFontDef (doc, name);
  if (definition != NULL)
    {
      set_subset_tag (definition, face->path, chars, n_chars);
      if (embed_program (doc, definition, file))
        subset->font = HPDF_GetFont (doc, name, "UTF-8");
    }
  hb_blob_destroy (file);
  if (subset->font == NULL || !write_to_unicode (subset->font, subset->codes))
    {
      shenbao_pdf_fonts_set_error (error, doc);
      return NULL;
    }
  return g_steal_pointer (&subset);
}
