/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "shenbao-app.h"
#include "shenbao-wizard.h"

G_BEGIN_DECLS

#define SHENBAO_TYPE_WINDOW (shenbao_window_get_type ())

G_DECLARE_FINAL_TYPE (ShenbaoWindow, shenbao_window, SHENBAO, WINDOW, AdwApplicationWindow)

ShenbaoWindow *shenbao_window_new              (ShenbaoApp         *app);
ShenbaoWizard *shenbao_window_get_wizard       (ShenbaoWindow      *self);
void           shenbao_window_open_application (ShenbaoWindow      *self,
                                                ShenbaoApplication *application);

G_END_DECLS
