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
/* Stores an application file (data/application.rng) with its attachments as a new
 * application, as the main menu and a drop on the list do; returns its id,
 * or 0 after saying why in a toast. */
gint64         shenbao_window_import_file      (ShenbaoWindow      *self,
                                                GFile              *file);
/* Writes the open application to an application file, its attachments
 * beside it; FALSE after saying why in a toast. */
gboolean       shenbao_window_export_file      (ShenbaoWindow      *self,
                                                GFile              *file);

G_END_DECLS
