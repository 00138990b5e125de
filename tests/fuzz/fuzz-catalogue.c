/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The catalogue loader on any bytes: a catalogue whose lookups work, or an
 * error. */
#include "shenbao-catalogue.h"

#include "fuzz-target.h"

static void
use_catalogue (ShenbaoCatalogue *catalogue)
{
  const char * const *occupations = shenbao_catalogue_get_occupations (catalogue);
  g_autoptr(GDate) today = g_date_new_dmy (1, G_DATE_JUNE, 2026);
  g_autoptr(ShenbaoApplication) application = shenbao_catalogue_new_application (catalogue, today);

  g_assert_nonnull (application);
  for (int list = 0; list < SHENBAO_N_LISTS; list++)
    g_assert_nonnull (shenbao_catalogue_get_list (catalogue, list));
  for (const char * const *name = occupations; *name != NULL; name++)
    {
      g_assert_true (shenbao_catalogue_has_occupation (catalogue, *name));
      g_assert_nonnull (shenbao_catalogue_get_related_occupations (catalogue, *name));
    }
  /* Every slot the catalogue lists is found again by its id and its name. */
  for (int condition = 1; condition <= 3; condition++)
    {
      GPtrArray *materials = shenbao_catalogue_get_materials (catalogue, condition);

      for (guint i = 0; materials != NULL && i < materials->len; i++)
        {
          const ShenbaoSlot *slot = g_ptr_array_index (materials, i);

          g_assert_true (shenbao_catalogue_find_slot (catalogue, slot->id) == slot);
          g_assert_true (shenbao_catalogue_find_slot (catalogue, slot->name) != NULL);
          shenbao_catalogue_get_mailing_copies (catalogue, slot->id);
        }
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShenbaoCatalogue) catalogue = shenbao_catalogue_load_data ((const char *) data, size, &error);

  if (catalogue == NULL)
    {
      g_assert_nonnull (error);
      return 0;
    }
  g_assert_no_error (error);
  use_catalogue (catalogue);
  return 0;
}
