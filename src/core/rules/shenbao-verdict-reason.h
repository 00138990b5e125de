/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shenbao-rules.h"

G_BEGIN_DECLS

/* How the verdict looks at a glance. */
typedef enum
{
  SHENBAO_VERDICT_STATE_PASSES,      /* the chosen condition is met, nothing wrong */
  SHENBAO_VERDICT_STATE_TO_FIX,      /* no condition yet, or met with errors to fix */
  SHENBAO_VERDICT_STATE_NOT_MET,     /* the chosen condition is not met */
} ShenbaoVerdictState;

ShenbaoVerdictState shenbao_verdict_get_state  (const ShenbaoVerdict *verdict);

/* One sentence that says why the verdict is what it is, for every condition:
 * what was counted or found when it passes, the first thing in the way when
 * it does not. Translated. */
char               *shenbao_verdict_get_reason (const ShenbaoVerdict *verdict);

G_END_DECLS
