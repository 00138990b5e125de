/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The 1-inch photo checks on any bytes offered as the photo: findings, never
 * a failure. */
#include "shenbao-finding.h"
#include "shenbao-photo.h"

#include "fuzz-target.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GPtrArray) findings = shenbao_photo_check (bytes);

  g_assert_nonnull (findings);
  for (guint i = 0; i < findings->len; i++)
    {
      ShenbaoFinding *finding = g_ptr_array_index (findings, i);

      g_assert_true (g_str_has_prefix (finding->code, "photo."));
      g_assert_true (g_utf8_validate (finding->message, -1, NULL));
    }
  return 0;
}
