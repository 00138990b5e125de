/* SPDX-License-Identifier: GPL-3.0-or-later */
/* batch's CSV path, as shenbao-cli batch takes it: the rows, the header,
 * one application per row checked against the rules, and a summary line
 * written back that reads as the same cells and runs no formula. */
#include <string.h>

#include "shenbao.h"

#include "fuzz-target.h"

static gboolean
is_formula (const char *cell)
{
  return cell[0] != '\0' && strchr ("=+-@\t\r", cell[0]) != NULL;
}

/* What the summary must read back as: the cell, with the apostrophe that
 * disarms a formula. */
static void
assert_summary_round_trip (GStrv cells)
{
  g_autoptr(GString) line = g_string_new (NULL);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  GStrv read;
  guint n = g_strv_length (cells);

  for (guint i = 0; i < n; i++)
    shenbao_csv_append_field (line, cells[i], i + 1 == n);
  rows = shenbao_csv_read (line->str, line->len, &error);
  g_assert_no_error (error);
  /* A row of one empty cell is a blank line, which the reader skips. */
  if (n == 1 && *cells[0] == '\0')
    return;
  g_assert_cmpuint (rows->len, ==, 1);
  read = ((ShenbaoCsvRow *) g_ptr_array_index (rows, 0))->fields;
  g_assert_cmpuint (g_strv_length (read), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_assert_false (is_formula (read[i]));
      if (is_formula (cells[i]))
        {
          g_assert_cmpint (read[i][0], ==, '\'');
          g_assert_cmpstr (read[i] + 1, ==, cells[i]);
        }
      else
        g_assert_cmpstr (read[i], ==, cells[i]);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = shenbao_csv_read ((const char *) data, size, &error);
  ShenbaoCatalogue *catalogue;
  GDate today;
  GStrv header;

  if (rows == NULL)
    {
      g_assert_true (g_error_matches (error, SHENBAO_ERROR, SHENBAO_ERROR_PARSE)
                     || g_error_matches (error, SHENBAO_ERROR, SHENBAO_ERROR_TOO_LARGE));
      return 0;
    }
  if (rows->len == 0)
    return 0;
  catalogue = shenbao_catalogue_get_default (&error);
  g_assert_no_error (error);
  shenbao_date_set_today (&today);
  header = ((ShenbaoCsvRow *) g_ptr_array_index (rows, 0))->fields;
  assert_summary_round_trip (header);
  if (!shenbao_batch_check_header (header, &error))
    {
      g_assert_error (error, SHENBAO_ERROR, SHENBAO_ERROR_PARSE);
      return 0;
    }
  for (guint i = 1; i < rows->len; i++)
    {
      const ShenbaoCsvRow *row = g_ptr_array_index (rows, i);
      g_autoptr(GError) row_error = NULL;
      g_autoptr(ShenbaoApplication) application =
        shenbao_batch_application_from_row (catalogue, header, row, &today, &row_error);
      g_autoptr(ShenbaoVerdict) verdict = NULL;
      g_autofree char *problems = NULL;
      g_autofree char *summary = NULL;
      g_autofree char *name = NULL;

      if (application == NULL)
        {
          g_assert_nonnull (row_error);
          continue;
        }
      g_assert_cmpuint (shenbao_application_get_n_work_entries (application), <=,
                        SHENBAO_LIMIT_BATCH_WORK_ENTRIES);
      verdict = shenbao_rules_check (application, catalogue, SHENBAO_RULES_DEFAULT, &today);
      problems = shenbao_findings_join (verdict->findings);
      summary = shenbao_verdict_get_summary (verdict);
      name = shenbao_export_get_name (application);
      {
        char *cells[] = { (char *) shenbao_application_get (application, SHENBAO_FIELD_PERSON_NAME),
                          name, summary, problems, NULL };

        assert_summary_round_trip (cells);
      }
    }
  return 0;
}
