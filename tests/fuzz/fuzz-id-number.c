/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The ID-number validator on any text: a parsed number or an error. */
#include <string.h>

#include "shenbao-date.h"
#include "shenbao-id-number.h"

#include "fuzz-target.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autoptr(GError) error = NULL;
  ShenbaoIdNumber number;
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 1, G_DATE_JUNE, 2026);
  if (!shenbao_id_number_parse (text, &today, &number, &error))
    {
      g_assert_nonnull (error);
      g_assert_cmpstr (error->message, !=, "");
      return 0;
    }
  g_assert_no_error (error);
  /* A number that parses is normalised and tells gender and birth date. */
  g_assert_true (strlen (number.number) == 15 || strlen (number.number) == 18);
  g_assert_true (g_date_valid (&number.birth_date));
  g_assert_cmpint (g_date_compare (&number.birth_date, &today), <=, 0);
  g_assert_nonnull (shenbao_id_kind_to_string (number.kind));
  return 0;
}
