/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>
#include <zlib.h>

#include "shenbao-error.h"
#include "shenbao-pdf-font-file.h"

/* The tables libharu 2.3 embeds (hpdf_fontdef_tt.c), sorted by tag as the
 * table directory must be. */
static const char table_tags[][5] = {
  "OS/2", "cmap", "cvt ", "fpgm", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "name", "post", "prep",
};

enum
{
  TABLE_GLYF = 4,
  TABLE_HEAD = 5,
  TABLE_HHEA = 6,
  TABLE_HMTX = 7,
  TABLE_LOCA = 8,
  TABLE_MAXP = 9,
  N_TABLES = G_N_ELEMENTS (table_tags),
};

/* head: its size, and where checkSumAdjustment and indexToLocFormat are. */
#define HEAD_LENGTH 54
#define HEAD_ADJUSTMENT 8
#define HEAD_LOCA_FORMAT 50
/* What every table's checksums and the header's add up to (OpenType, head). */
#define CHECKSUM_MAGIC 0xB1B0AFBA

typedef struct
{
  const guint8 *data;       /* in the mapped file; NULL: the face has none */
  guint32       length;
  guint32       offset;     /* of an unchanging table, in the constant block */
  guint32       checksum;
} Table;

struct _ShenbaoPdfFontFile
{
  GMappedFile *file;
  Table        tables[N_TABLES];
  guint        n_tables;
  guint        n_glyphs;
  gboolean     long_offsets;      /* loca holds 32-bit offsets, not halves in 16 bits */
  /* Every table but glyf, loca and head, each padded to four bytes, as the
   * raw deflate data that ends each program. */
  GBytes      *constant;
  guint32      constant_length;
  guint32      constant_adler;
};

static guint16
read_u16 (const guint8 *p)
{
  return (guint16) (p[0] << 8 | p[1]);
}

static guint32
read_u32 (const guint8 *p)
{
  return (guint32) p[0] << 24 | (guint32) p[1] << 16 | (guint32) p[2] << 8 | p[3];
}

static void
append_u16 (GByteArray *array,
            guint16     value)
{
  guint8 bytes[2] = { value >> 8, value & 0xFF };

  g_byte_array_append (array, bytes, 2);
}

static void
append_u32 (GByteArray *array,
            guint32     value)
{
  append_u16 (array, value >> 16);
  append_u16 (array, value & 0xFFFF);
}

static void
write_u32 (guint8  *p,
           guint32  value)
{
  p[0] = value >> 24;
  p[1] = (value >> 16) & 0xFF;
  p[2] = (value >> 8) & 0xFF;
  p[3] = value & 0xFF;
}

/* Tables start on four-byte boundaries; the padding is not in their length. */
static void
pad (GByteArray *array)
{
  static const guint8 zeros[3] = { 0 };

  g_byte_array_append (array, zeros, (4 - array->len % 4) % 4);
}

/* The sum of the big-endian 32-bit words, the last padded with zeros. */
static guint32
checksum (const guint8 *data,
          gsize         length)
{
  guint32 sum = 0;
  guint8 last[4] = { 0 };

  for (gsize i = 0; i + 4 <= length; i += 4)
    sum += read_u32 (data + i);
  memcpy (last, data + length - length % 4, length % 4);
  return sum + read_u32 (last);
}

/* Raw deflate data (no zlib header or trailer): ending the stream, or, for a
 * part that more data follows, on a byte boundary without a final block, so
 * that the next part's data can be appended as it is. */
static GBytes *
deflate_raw (const guint8 *data,
             gsize         length,
             int           level,
             gboolean      last)
{
  z_stream stream = { 0 };
  GByteArray *out;
  int status = deflateInit2 (&stream, level, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY);

  g_assert (status == Z_OK);
  /* Room for all of it in one call, the sync flush's empty block included. */
  out = g_byte_array_sized_new (deflateBound (&stream, length) + 16);
  g_byte_array_set_size (out, deflateBound (&stream, length) + 16);
  stream.next_in = (Bytef *) data;
  stream.avail_in = length;
  stream.next_out = out->data;
  stream.avail_out = out->len;
  status = deflate (&stream, last ? Z_FINISH : Z_SYNC_FLUSH);
  g_assert (last ? status == Z_STREAM_END : status == Z_OK);
  g_byte_array_set_size (out, out->len - stream.avail_out);
  deflateEnd (&stream);
  return g_byte_array_free_to_bytes (out);
}

static guint32
glyph_offset (ShenbaoPdfFontFile *self,
              guint               glyph)
{
  const guint8 *loca = self->tables[TABLE_LOCA].data;

  return self->long_offsets ? read_u32 (loca + 4 * glyph) : 2u * read_u16 (loca + 2 * glyph);
}

static gboolean
read_directory (ShenbaoPdfFontFile *self,
                int                 index)
{
  const guint8 *data = (const guint8 *) g_mapped_file_get_contents (self->file);
  gsize size = g_mapped_file_get_length (self->file);
  gsize start = 0;
  guint n;

  if (size >= 12 && memcmp (data, "ttcf", 4) == 0)
    {
      if (index < 0 || (guint32) index >= read_u32 (data + 8) || 16 + 4 * (gsize) index > size)
        return FALSE;
      start = read_u32 (data + 12 + 4 * index);
    }
  if (start + 12 > size)
    return FALSE;
  n = read_u16 (data + start + 4);
  if (start + 12 + 16 * (gsize) n > size)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      const guint8 *entry = data + start + 12 + 16 * i;
      guint32 offset = read_u32 (entry + 8), length = read_u32 (entry + 12);

      for (guint t = 0; t < N_TABLES; t++)
        if (memcmp (entry, table_tags[t], 4) == 0 && self->tables[t].data == NULL)
          {
            if (offset > size || length > size - offset)
              return FALSE;
            self->tables[t].data = data + offset;
            self->tables[t].length = length;
            self->n_tables++;
          }
    }
  return TRUE;
}

/* The tables the outlines need are there, and every glyph lies inside glyf. */
static gboolean
check_tables (ShenbaoPdfFontFile *self)
{
  static const guint required[] = { TABLE_GLYF, TABLE_HEAD, TABLE_HHEA, TABLE_HMTX, TABLE_LOCA, TABLE_MAXP };
  const Table *tables = self->tables;

  for (gsize i = 0; i < G_N_ELEMENTS (required); i++)
    if (tables[required[i]].data == NULL)
      return FALSE;
  if (tables[TABLE_HEAD].length < HEAD_LENGTH || tables[TABLE_MAXP].length < 6)
    return FALSE;
  self->n_glyphs = read_u16 (tables[TABLE_MAXP].data + 4);
  self->long_offsets = read_u16 (tables[TABLE_HEAD].data + HEAD_LOCA_FORMAT) == 1;
  if (tables[TABLE_LOCA].length < (self->n_glyphs + 1) * (self->long_offsets ? 4u : 2u))
    return FALSE;
  for (guint i = 0; i < self->n_glyphs; i++)
    if (glyph_offset (self, i) > glyph_offset (self, i + 1))
      return FALSE;
  return glyph_offset (self, self->n_glyphs) <= tables[TABLE_GLYF].length;
}

static gboolean
changes_with_glyphs (guint table)
{
  return table == TABLE_GLYF || table == TABLE_LOCA || table == TABLE_HEAD;
}

static void
compress_constant_tables (ShenbaoPdfFontFile *self)
{
  g_autoptr(GByteArray) block = g_byte_array_new ();

  for (guint t = 0; t < N_TABLES; t++)
    {
      Table *table = &self->tables[t];

      if (table->data == NULL || changes_with_glyphs (t))
        continue;
      table->offset = block->len;
      table->checksum = checksum (table->data, table->length);
      g_byte_array_append (block, table->data, table->length);
      pad (block);
    }
  /* Once per face and process; the best compression would take 25 ms more
   * a face for 1% less, which a single rendering would notice. */
  self->constant = deflate_raw (block->data, block->len, Z_DEFAULT_COMPRESSION, TRUE);
  self->constant_length = block->len;
  self->constant_adler = adler32 (adler32 (0, NULL, 0), block->data, block->len);
}

ShenbaoPdfFontFile *
shenbao_pdf_font_file_new (const char  *path,
                           int          index,
                           GError     **error)
{
  g_autoptr(ShenbaoPdfFontFile) self = g_new0 (ShenbaoPdfFontFile, 1);
  g_autoptr(GError) local_error = NULL;

  self->file = g_mapped_file_new (path, FALSE, &local_error);
  if (self->file == NULL)
    {
      g_set_error (error, SHENBAO_ERROR, SHENBAO_ERROR_FONT, _("The font “%s” cannot be read: %s"), path,
                   local_error->message);
      return NULL;
    }
  if (!read_directory (self, index) || !check_tables (self))
    {
      g_set_error (error, SHENBAO_ERROR, SHENBAO_ERROR_FONT,
                   _("The font “%s” cannot be embedded in a PDF: its TrueType tables are damaged."), path);
      return NULL;
    }
  compress_constant_tables (self);
  return g_steal_pointer (&self);
}

void
shenbao_pdf_font_file_free (ShenbaoPdfFontFile *self)
{
  g_clear_pointer (&self->file, g_mapped_file_unref);
  g_clear_pointer (&self->constant, g_bytes_unref);
  g_free (self);
}

guint
shenbao_pdf_font_file_get_n_glyphs (ShenbaoPdfFontFile *self)
{
  return self->n_glyphs;
}

/* The flags of a composite glyph's components (TrueType, glyf). */
#define COMPONENT_WORD_ARGUMENTS 0x0001
#define COMPONENT_SCALE 0x0008
#define COMPONENT_MORE 0x0020
#define COMPONENT_XY_SCALE 0x0040
#define COMPONENT_MATRIX 0x0080
/* Components of components: fonts nest them a level or two at most. */
#define MAX_COMPONENT_DEPTH 8

static void
mark (ShenbaoPdfFontFile *self,
      guint8             *used,
      guint               glyph,
      guint               depth)
{
  const guint8 *outlines = self->tables[TABLE_GLYF].data;
  guint32 start, end;

  if (glyph >= self->n_glyphs || used[glyph] || depth > MAX_COMPONENT_DEPTH)
    return;
  used[glyph] = 1;
  start = glyph_offset (self, glyph);
  end = glyph_offset (self, glyph + 1);
  /* A negative number of contours: a composite glyph, whose components
   * follow the 10-byte header. */
  if (end - start < 10 || (gint16) read_u16 (outlines + start) >= 0)
    return;
  for (guint32 at = start + 10; at + 4 <= end;)
    {
      guint16 flags = read_u16 (outlines + at);

      mark (self, used, read_u16 (outlines + at + 2), depth + 1);
      if ((flags & COMPONENT_MORE) == 0)
        break;
      at += 4 + (flags & COMPONENT_WORD_ARGUMENTS ? 4 : 2)
            + (flags & COMPONENT_SCALE ? 2 : flags & COMPONENT_XY_SCALE ? 4 : flags & COMPONENT_MATRIX ? 8 : 0);
    }
}

void
shenbao_pdf_font_file_mark (ShenbaoPdfFontFile *self,
                            guint8             *used,
                            guint               glyph)
{
  mark (self, used, glyph, 0);
}

/* The outlines of the glyphs used, each where the new loca says; unused
 * glyphs are empty. */
static void
subset_outlines (ShenbaoPdfFontFile *self,
                 const guint8       *used,
                 GByteArray         *loca,
                 GByteArray         *glyf)
{
  const guint8 *outlines = self->tables[TABLE_GLYF].data;
  guint entry_size = self->long_offsets ? 4 : 2;

  g_byte_array_set_size (loca, (self->n_glyphs + 1) * entry_size);
  for (guint i = 0; i <= self->n_glyphs; i++)
    {
      guint8 *entry = loca->data + i * entry_size;

      /* Short offsets are halves: every outline of such a face has an even
       * length, so the new offsets stay even. */
      if (self->long_offsets)
        write_u32 (entry, glyf->len);
      else
        {
          entry[0] = (glyf->len / 2) >> 8;
          entry[1] = (glyf->len / 2) & 0xFF;
        }
      if (i < self->n_glyphs && used[i])
        g_byte_array_append (glyf, outlines + glyph_offset (self, i),
                             glyph_offset (self, i + 1) - glyph_offset (self, i));
    }
}

/* The offset table and the table directory, the tables laid out as: head,
 * loca, glyf, then the constant block. */
static void
write_directory (ShenbaoPdfFontFile *self,
                 Table              *tables,
                 GByteArray         *out)
{
  guint search = 1, selector = 0;
  guint32 offset = 12 + 16 * self->n_tables;
  guint32 constant_start;

  while (search * 2 <= self->n_tables)
    {
      search *= 2;
      selector++;
    }
  append_u32 (out, 0x00010000);
  append_u16 (out, self->n_tables);
  append_u16 (out, 16 * search);
  append_u16 (out, selector);
  append_u16 (out, 16 * (self->n_tables - search));

  tables[TABLE_HEAD].offset = offset;
  tables[TABLE_LOCA].offset = tables[TABLE_HEAD].offset + (tables[TABLE_HEAD].length + 3) / 4 * 4;
  tables[TABLE_GLYF].offset = tables[TABLE_LOCA].offset + (tables[TABLE_LOCA].length + 3) / 4 * 4;
  constant_start = tables[TABLE_GLYF].offset + (tables[TABLE_GLYF].length + 3) / 4 * 4;
  for (guint t = 0; t < N_TABLES; t++)
    {
      if (tables[t].data == NULL)
        continue;
      g_byte_array_append (out, (const guint8 *) table_tags[t], 4);
      append_u32 (out, tables[t].checksum);
      append_u32 (out, changes_with_glyphs (t) ? tables[t].offset : constant_start + tables[t].offset);
      append_u32 (out, tables[t].length);
    }
}

GBytes *
shenbao_pdf_font_file_subset (ShenbaoPdfFontFile *self,
                              const guint8       *used,
                              guint               n_glyphs,
                              gsize              *length)
{
  Table tables[N_TABLES];
  g_autoptr(GByteArray) loca = g_byte_array_new ();
  g_autoptr(GByteArray) glyf = g_byte_array_new ();
  g_autoptr(GByteArray) changed = g_byte_array_new ();
  g_autoptr(GBytes) compressed = NULL;
  guint8 head[HEAD_LENGTH];
  guint32 sum = 0;
  GByteArray *stream;
  guint8 trailer[4];

  g_return_val_if_fail (n_glyphs == self->n_glyphs, NULL);

  memcpy (tables, self->tables, sizeof tables);
  subset_outlines (self, used, loca, glyf);
  memcpy (head, self->tables[TABLE_HEAD].data, HEAD_LENGTH);
  write_u32 (head + HEAD_ADJUSTMENT, 0);
  tables[TABLE_HEAD] = (Table) { head, HEAD_LENGTH, 0, checksum (head, HEAD_LENGTH) };
  tables[TABLE_LOCA] = (Table) { loca->data, loca->len, 0, checksum (loca->data, loca->len) };
  tables[TABLE_GLYF] = (Table) { glyf->data, glyf->len, 0, checksum (glyf->data, glyf->len) };

  write_directory (self, tables, changed);
  sum = checksum (changed->data, changed->len);
  for (guint t = 0; t < N_TABLES; t++)
    if (tables[t].data != NULL)
      sum += tables[t].checksum;
  write_u32 (head + HEAD_ADJUSTMENT, CHECKSUM_MAGIC - sum);
  g_byte_array_append (changed, head, HEAD_LENGTH);
  pad (changed);
  g_byte_array_append (changed, loca->data, loca->len);
  pad (changed);
  g_byte_array_append (changed, glyf->data, glyf->len);
  pad (changed);

  /* A zlib stream: its header, the changed part, the constant block, and
   * the Adler-32 of the whole. */
  compressed = deflate_raw (changed->data, changed->len, Z_BEST_SPEED, FALSE);
  stream = g_byte_array_sized_new (2 + g_bytes_get_size (compressed) + g_bytes_get_size (self->constant) + 4);
  g_byte_array_append (stream, (const guint8 *) "\x78\x9C", 2);
  g_byte_array_append (stream, g_bytes_get_data (compressed, NULL), g_bytes_get_size (compressed));
  g_byte_array_append (stream, g_bytes_get_data (self->constant, NULL), g_bytes_get_size (self->constant));
  write_u32 (trailer, adler32_combine (adler32 (adler32 (0, NULL, 0), changed->data, changed->len),
                                       self->constant_adler, self->constant_length));
  g_byte_array_append (stream, trailer, 4);
  *length = changed->len + self->constant_length;
  return g_byte_array_free_to_bytes (stream);
}
