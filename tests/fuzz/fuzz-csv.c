/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The CSV reader of batch and import: any bytes give rows or an error. */
#include "shenbao-csv.h"
#include "shenbao-error.h"

#include "fuzz-target.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = shenbao_csv_read ((const char *) data, size, &error);
  guint previous_line = 0;

  if (rows == NULL)
    {
      g_assert_true (g_error_matches (error, SHENBAO_ERROR, SHENBAO_ERROR_PARSE)
                     || g_error_matches (error, SHENBAO_ERROR, SHENBAO_ERROR_TOO_LARGE));
      return 0;
    }
  g_assert_no_error (error);
  /* Whatever the input's encoding, the rows are UTF-8, in the file's order. */
  for (guint i = 0; i < rows->len; i++)
    {
      ShenbaoCsvRow *row = g_ptr_array_index (rows, i);

      g_assert_cmpuint (row->line, >, previous_line);
      previous_line = row->line;
      for (char **field = row->fields; *field != NULL; field++)
        g_assert_true (g_utf8_validate (*field, -1, NULL));
    }
  return 0;
}
