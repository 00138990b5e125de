/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "shenbao.h"

G_BEGIN_DECLS

#define SHENBAO_TYPE_APP (shenbao_app_get_type ())

G_DECLARE_FINAL_TYPE (ShenbaoApp, shenbao_app, SHENBAO, APP, AdwApplication)

ShenbaoApp   *shenbao_app_new       (void);
ShenbaoStore *shenbao_app_get_store (ShenbaoApp  *self,
                                     GError     **error);

G_END_DECLS
