/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SHENBAO_TYPE_CHOICE_ROW (shenbao_choice_row_get_type ())

G_DECLARE_FINAL_TYPE (ShenbaoChoiceRow, shenbao_choice_row, SHENBAO, CHOICE_ROW, AdwActionRow)

void         shenbao_choice_row_set_choices   (ShenbaoChoiceRow   *self,
                                               const char * const *choices);
/* The drop-down the row holds: its model is a GtkStringList whose first
 * item stands for nothing chosen. */
GtkDropDown *shenbao_choice_row_get_drop_down (ShenbaoChoiceRow   *self);

G_END_DECLS
