/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The application-file reader on any bytes: an application or an error. An
 * application read is checked against the rules and written back, and what
 * is written must read again. */
#include "shenbao-application-file.h"
#include "shenbao-catalogue.h"
#include "shenbao-rules.h"

#include "fuzz-target.h"

static void
check_and_write_back (ShenbaoApplication *application)
{
  g_autoptr(GError) error = NULL;
  ShenbaoCatalogue *catalogue = shenbao_catalogue_get_default (&error);
  g_autoptr(GDate) today = g_date_new_dmy (1, G_DATE_JUNE, 2026);
  g_autoptr(ShenbaoVerdict) verdict = NULL;
  g_autoptr(ShenbaoApplication) again = NULL;
  g_autofree char *written = NULL;
  gsize length;

  g_assert_no_error (error);
  verdict = shenbao_rules_check (application, catalogue, SHENBAO_RULES_DEFAULT, today);
  g_assert_nonnull (verdict);
  g_free (shenbao_verdict_get_summary (verdict));
  g_strfreev (shenbao_verdict_get_details (verdict));

  written = shenbao_application_file_to_data (application, NULL, &length);
  again = shenbao_application_file_load_data (written, length, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (again);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  /* No folder: attachments named by the file are not read from the disk. */
  g_autoptr(ShenbaoApplication) application =
    shenbao_application_file_load_data ((const char *) data, size, NULL, &error);

  if (application == NULL)
    {
      g_assert_nonnull (error);
      return 0;
    }
  g_assert_no_error (error);
  check_and_write_back (application);
  return 0;
}
