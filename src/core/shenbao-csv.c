/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "shenbao-csv.h"
#include "shenbao-error.h"

void
shenbao_csv_row_free (ShenbaoCsvRow *row)
{
  g_strfreev (row->fields);
  g_free (row);
}

/* UTF-8 as it is, else GB18030 (a superset of GBK and GB2312): the two
 * encodings a spreadsheet of Chinese names is saved in. */
static char *
decode (const char  *data,
        gsize        length,
        GError     **error)
{
  g_autoptr(GError) convert_error = NULL;
  char *text;

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }
  if (g_utf8_validate_len (data, length, NULL))
    return g_strndup (data, length);
  text = g_convert (data, (gssize) length, "UTF-8", "GB18030", NULL, NULL, &convert_error);
  if (text == NULL)
    g_set_error (error, SHENBAO_ERROR, SHENBAO_ERROR_PARSE,
                 _("The CSV file is neither UTF-8 nor GB18030: %s"), convert_error->message);
  return text;
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
read_plain (Reader *reader)
{
  const char *start = reader->p;

  while (*reader->p != ',' && *reader->p != '\0' && !at_line_end (reader->p))
    reader->p++;
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
      char *field = *reader->p == '"' ? read_quoted (reader, error) : read_plain (reader);

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
