/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SHENBAO_TYPE_CHOICE_ROW (shenbao_choice_row_get_type ())

G_DECLARE_FINAL_TYPE (ShenbaoChoiceRow, shenbao_choice_row, SHENBAO, CHOICE_ROW, AdwComboRow)

void shenbao_choice_row_set_choices (ShenbaoChoiceRow   *self,
                                     const char * const *choices);

G_END_DECLS
