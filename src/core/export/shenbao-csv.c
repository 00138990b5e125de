/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shenbao-csv"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "shenbao-csv.h"
#include "shenbao-error.h"
#include "shenbao-limits.h"
#include "shenbao-string-private.h"

void
shenbao_csv_row_free (ShenbaoCsvRow *row)
{
  g_strfreev (row->fields);
  g_free (row);
}

/* UTF-8 as it is, else GB18030 (a superset of GBK and GB2312): the two
 * encodings a spreadsheet of Chinese names is saved in. A NUL byte is in
 * neither kind of text; the reader would take it for the end and drop the
 * rest in silence. The line of a fault is counted in the bytes, before
 * decoding. */
static char *
decode (const char  *data,
        gsize        length,
        GError     **error)
{
  g_autoptr(GError) convert_error = NULL;
  const char *nul;
  const char *end;
  gsize bytes_read = 0;
  char *text;

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }
  nul = memchr (data, '\0', length);
  if (nul != NULL)
    {
      g_set_error (error, SHENBAO_ERROR, SHENBAO_ERROR_PARSE,
                   _("Line %u: a NUL byte; this is not a text file (save it as CSV again)"),
                   shenbao_line_of_offset (data, (gsize) (nul - data)));
      return NULL;
    }
  if (g_utf8_validate_len (data, length, &end))
    return g_strndup (data, length);
  text = g_convert (data, (gssize) length, "UTF-8", "GB18030", &bytes_read, NULL, &convert_error);
  if (text == NULL)
    g_set_error (error, SHENBAO_ERROR, SHENBAO_ERROR_PARSE,
                 _("Line %u: the CSV file is neither UTF-8 (from line %u) nor GB18030: %s"),
                 shenbao_line_of_offset (data, bytes_read),
                 shenbao_line_of_offset (data, (gsize) (end - data)),
                 convert_error->message);
  return text;
}

static gboolean
check_field_length (gsize     length,
                    guint     line,
                    GError  **error)
{
  if (length <= SHENBAO_LIMIT_CSV_FIELD_BYTES)
    return TRUE;
  g_set_error (error, SHENBAO_ERROR, SHENBAO_ERROR_TOO_LARGE,
               _("Line %u: a field of more than %u KB; no name or address is that long"), line,
               (guint) (SHENBAO_LIMIT_CSV_FIELD_BYTES / 1024));
  return FALSE;
}

typedef struct
{
  const char *p;
  guint       line;
} Reader;

static gboolean
at_line_end (const char *p)
{
  return *p == '\n' || (*p == '\r' && p[1] == '\n') || *p == '\r';
}

static void
skip_line_end (Reader *reader)
{
  if (*reader->p == '\r' && reader->p[1] == '\n')
    reader->p++;
  reader->p++;
  reader->line++;
}

/* A quoted field; reader->p is on the opening quote. */
static char *
read_quoted (Reader  *reader,
             GError **error)
{
  g_autoptr(GString) field = g_string_new (NULL);
  guint start_line = reader->line;

  reader->p++;
  for (;;)
    {
      if (*reader->p == '\0')
        {
          g_set_error (error, SHENBAO_ERROR, SHENBAO_ERROR_PARSE,
                       _("Line %u: a quoted field is never closed"), start_line);
          return NULL;
        }
      if (*reader->p == '"' && reader->p[1] == '"')
        {
          g_string_append_c (field, '"');
          reader->p += 2;
        }
      else if (*reader->p == '"')
        {
          reader->p++;
          break;
        }
      else
        {
          if (*reader->p == '\n')
            reader->line++;
          g_string_append_c (field, *reader->p++);
          if (!check_field_length (field->len, start_line, error))
            return NULL;
        }
    }
  if (*reader->p != ',' && *reader->p != '\0' && !at_line_end (reader->p))
    {
      g_set_error (error, SHENBAO_ERROR, SHENBAO_ERROR_PARSE,
                   _("Line %u: text after the closing quote of a field"), reader->line);
      return NULL;
    }
  return g_string_free (g_steal_pointer (&field), FALSE);
}

static char *
read_plain (Reader  *reader,
            GError **error)
{
  const char *start = reader->p;

  while (*reader->p != ',' && *reader->p != '\0' && !at_line_end (reader->p))
    reader->p++;
  if (!check_field_length ((gsize) (reader->p - start), reader->line, error))
    return NULL;
  return g_strndup (start, reader->p - start);
}

static ShenbaoCsvRow *
read_row (Reader  *reader,
          GError **error)
{
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(ShenbaoCsvRow) row = g_new0 (ShenbaoCsvRow, 1);

  row->line = reader->line;
  for (;;)
    {
      char *field = *reader->p == '"' ? read_quoted (reader, error) : read_plain (reader, error);

      if (field == NULL)
        return NULL;
      g_ptr_array_add (fields, field);
      if (*reader->p != ',')
        break;
      reader->p++;
    }
  if (*reader->p != '\0')
    skip_line_end (reader);
  g_ptr_array_add (fields, NULL);
  row->fields = (GStrv) g_ptr_array_steal (fields, NULL);
  return g_steal_pointer (&row);
}

GPtrArray *
shenbao_csv_read (const char  *data,
                  gsize        length,
                  GError     **error)
{
  g_autofree char *text = decode (data, length, error);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) shenbao_csv_row_free);
  Reader reader;

  if (text == NULL)
    return NULL;
  reader.p = text;
  reader.line = 1;
  while (*reader.p != '\0')
    {
      ShenbaoCsvRow *row;

      if (at_line_end (reader.p))
        {
          skip_line_end (&reader);
          continue;
        }
      row = read_row (&reader, error);
      if (row == NULL)
        return NULL;
      g_ptr_array_add (rows, row);
    }
  return g_steal_pointer (&rows);
}

void
shenbao_csv_append_field (GString    *line,
                          const char *value,
                          gboolean    last)
{
  g_autofree char *defused = NULL;

  /* A spreadsheet runs a cell that starts with one of these as a formula
   * (=HYPERLINK(…) in a candidate's name); OWASP's advice: an apostrophe
   * before it makes it text. */
  if (strchr ("=+-@\t\r", value[0]) != NULL && value[0] != '\0')
    value = defused = g_strconcat ("'", value, NULL);
  /* RFC 4180: a field with a quote, comma or line break is quoted, its
   * quotes doubled. */
  if (strpbrk (value, "\",\r\n") != NULL)
    {
      g_autoptr(GString) quoted = g_string_new (value);

      g_string_replace (quoted, "\"", "\"\"", 0);
      g_string_append_printf (line, "\"%s\"", quoted->str);
    }
  else
    g_string_append (line, value);
  g_string_append (line, last ? "\r\n" : ",");
}
