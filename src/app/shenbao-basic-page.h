/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shenbao-wizard-page.h"

G_BEGIN_DECLS

#define SHENBAO_TYPE_BASIC_PAGE (shenbao_basic_page_get_type ())

G_DECLARE_FINAL_TYPE (ShenbaoBasicPage, shenbao_basic_page, SHENBAO, BASIC_PAGE, ShenbaoWizardPage)

G_END_DECLS
