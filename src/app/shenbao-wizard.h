/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "shenbao.h"

G_BEGIN_DECLS

#define SHENBAO_TYPE_WIZARD (shenbao_wizard_get_type ())

G_DECLARE_FINAL_TYPE (ShenbaoWizard, shenbao_wizard, SHENBAO, WIZARD, AdwBin)

ShenbaoApplication   *shenbao_wizard_get_application (ShenbaoWizard      *self);
void                  shenbao_wizard_set_application (ShenbaoWizard      *self,
                                                      ShenbaoApplication *application);
/* The store that keeps the review tracker (the Print & Export step). */
void                  shenbao_wizard_set_store       (ShenbaoWizard      *self,
                                                      ShenbaoStore       *store);
const char           *shenbao_wizard_get_page        (ShenbaoWizard      *self);
void                  shenbao_wizard_set_page        (ShenbaoWizard      *self,
                                                      const char         *page);
/* The verdict on the application as it stands (rechecked shortly after
 * each change); NULL before the first check. */
const ShenbaoVerdict *shenbao_wizard_get_verdict     (ShenbaoWizard      *self);
/* Runs the pending check now (for tests and before leaving the wizard). */
void                  shenbao_wizard_check_now       (ShenbaoWizard      *self);
/* Puts the focus in the first field of the step shown (姓名 on step 1). */
void                  shenbao_wizard_focus_first_field (ShenbaoWizard    *self);
/* The mark the step indicator shows for the step. */
ShenbaoStepStatus     shenbao_wizard_get_step_status (ShenbaoWizard      *self,
                                                      ShenbaoStep         step);

G_END_DECLS
