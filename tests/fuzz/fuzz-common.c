/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib.h>
#include <locale.h>

#include "fuzz-target.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  /* The schemas and the catalogue come from the source tree unless the
   * caller (meson test) points elsewhere. */
  g_setenv ("SHENBAO_DATA_DIR", SHENBAO_SOURCE_DATA_DIR, FALSE);
  /* A pinned day, so that a finding depends on the input alone. */
  g_setenv ("SHENBAO_TODAY", "2026-06-01", FALSE);
  setlocale (LC_ALL, "C.UTF-8");
  /* A critical or a warning is a programming error the input revealed: make
   * it a crash the fuzzer keeps rather than a line it ignores. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}
