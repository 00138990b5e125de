/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void         shenbao_core_init       (void);
const char  *shenbao_data_dir        (void);
char        *shenbao_data_path       (const char *name);
const char  *shenbao_locale_dir      (void);
char        *shenbao_user_data_dir   (void);

G_END_DECLS
