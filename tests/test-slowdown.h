/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

/* build-aux/sanitize.sh sets SHENBAO_UNDER_ASAN: there everything runs up to
 * ten times slower, so a test's time limits and waits are scaled by this
 * rather than dropped. */
static inline int
test_slowdown (void)
{
  return g_getenv ("SHENBAO_UNDER_ASAN") != NULL ? 10 : 1;
}
