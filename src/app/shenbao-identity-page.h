/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shenbao-wizard-page.h"

G_BEGIN_DECLS

#define SHENBAO_TYPE_IDENTITY_PAGE (shenbao_identity_page_get_type ())

G_DECLARE_FINAL_TYPE (ShenbaoIdentityPage, shenbao_identity_page, SHENBAO, IDENTITY_PAGE, ShenbaoWizardPage)

G_END_DECLS
