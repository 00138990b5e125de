/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shenbao-batch"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "shenbao-batch.h"
#include "shenbao-limits.h"
#include "shenbao-error.h"
#include "shenbao-work-entry.h"


/* "work/2/from" → 2 and SHENBAO_WORK_FIELD_FROM. */
static gboolean
parse_work_column (const char       *column,
                   guint            *number,
                   ShenbaoWorkField *field)
{
  g_auto(GStrv) parts = g_strsplit (column, "/", 3);
  guint64 value;

  return g_strv_length (parts) == 3 && g_str_equal (parts[0], "work")
         && g_ascii_string_to_unsigned (parts[1], 10, 1, SHENBAO_LIMIT_BATCH_WORK_ENTRIES, &value, NULL)
         && shenbao_work_field_from_name (parts[2], field)
         && (*number = (guint) value, TRUE);
}

gboolean
shenbao_batch_check_header (GStrv    header,
                            GError **error)
{
  for (guint i = 0; header[i] != NULL; i++)
    {
      ShenbaoField field;
      ShenbaoWorkField work_field;
      guint number;

      if (!shenbao_field_from_name (header[i], &field) && !parse_work_column (header[i], &number, &work_field))
        {
          g_set_error (error, SHENBAO_ERROR, SHENBAO_ERROR_PARSE,
                       _("Column %u of the header, “%s”, is not a field of the application"), i + 1,
                       header[i]);
          return FALSE;
        }
    }
  return TRUE;
}

ShenbaoApplication *
shenbao_batch_application_from_row (ShenbaoCatalogue    *catalogue,
                                    GStrv                header,
                                    const ShenbaoCsvRow *row,
                                    const GDate         *today,
                                    GError             **error)
{
  g_autoptr(ShenbaoApplication) application = NULL;
  ShenbaoWorkEntry *entries[SHENBAO_LIMIT_BATCH_WORK_ENTRIES + 1] = { NULL };
  guint columns = g_strv_length (header);
  guint cells = g_strv_length (row->fields);

  if (cells != columns)
    {
      g_set_error (error, SHENBAO_ERROR, SHENBAO_ERROR_PARSE,
                   _("Line %u has %u cells where the header has %u"), row->line, cells, columns);
      return NULL;
    }
  application = shenbao_catalogue_new_application (catalogue, today);
  for (guint i = 0; i < columns; i++)
    {
      ShenbaoField field;
      ShenbaoWorkField work_field;
      guint number;
      const char *value = row->fields[i];

      if (*value == '\0')
        continue;
      if (shenbao_field_from_name (header[i], &field))
        shenbao_application_set (application, field, value);
      else if (parse_work_column (header[i], &number, &work_field))
        {
          if (entries[number] == NULL)
            entries[number] = shenbao_work_entry_new ();
          shenbao_work_entry_set (entries[number], work_field, value);
        }
    }
  for (guint number = 1; number <= SHENBAO_LIMIT_BATCH_WORK_ENTRIES; number++)
    if (entries[number] != NULL)
      {
        shenbao_application_append_work_entry (application, entries[number]);
        g_object_unref (entries[number]);
      }
  return g_steal_pointer (&application);
}
