/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shenbao-wizard-page.h"

G_BEGIN_DECLS

#define SHENBAO_TYPE_REGISTRATION_PAGE (shenbao_registration_page_get_type ())

G_DECLARE_FINAL_TYPE (ShenbaoRegistrationPage, shenbao_registration_page, SHENBAO, REGISTRATION_PAGE, ShenbaoWizardPage)

G_END_DECLS
