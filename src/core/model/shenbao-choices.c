/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shenbao-choices"

#include "config.h"

#include "shenbao-choices.h"

const char * const *
shenbao_field_get_choices (ShenbaoField field)
{
  static const char * const education_statuses[] = {
    SHENBAO_EDUCATION_GRADUATED, SHENBAO_EDUCATION_GRADUATING, NULL,
  };
  static const char * const certificate_levels[] = { SHENBAO_CERTIFICATE_LEVEL_5, NULL };
  /* As shenbao_gender_to_string() writes them, from the ID number. */
  static const char * const genders[] = { "男", "女", NULL };

  g_return_val_if_fail (field < SHENBAO_N_FIELDS, NULL);

  switch (field)
    {
    case SHENBAO_FIELD_PERSON_GENDER:
      return genders;
    case SHENBAO_FIELD_EDUCATION_STATUS:
      return education_statuses;
    case SHENBAO_FIELD_CERTIFICATE_LEVEL:
      return certificate_levels;
    default:
      return NULL;
    }
}
