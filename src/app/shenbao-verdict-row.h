/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "shenbao.h"

G_BEGIN_DECLS

#define SHENBAO_TYPE_VERDICT_ROW (shenbao_verdict_row_get_type ())

G_DECLARE_FINAL_TYPE (ShenbaoVerdictRow, shenbao_verdict_row, SHENBAO, VERDICT_ROW, AdwActionRow)

/* The rules' verdict in one row: which condition is met and why, the
 * months counted and which other condition would be met. */
void        shenbao_verdict_row_show            (ShenbaoVerdictRow    *self,
                                                 const ShenbaoVerdict *verdict);
/* "passes", "to-fix" or "not-met": the style class the row wears. */
const char *shenbao_verdict_row_get_state_style (ShenbaoVerdictRow    *self);

G_END_DECLS
