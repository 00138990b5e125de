/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "shenbao.h"

G_BEGIN_DECLS

#define SHENBAO_TYPE_MATERIALS_SECTION (shenbao_materials_section_get_type ())

G_DECLARE_FINAL_TYPE (ShenbaoMaterialsSection, shenbao_materials_section, SHENBAO, MATERIALS_SECTION, AdwPreferencesGroup)

/* What the portal asks for the application's condition, and where each
 * material stands: attached or not, its checks (from checker, may be NULL),
 * how many originals to mail. application NULL: none. */
void shenbao_materials_section_show         (ShenbaoMaterialsSection  *self,
                                             ShenbaoApplication       *application,
                                             ShenbaoAttachmentChecker *checker);
/* The checks of the slot's file are ready (slot NULL: any slot's). */
void shenbao_materials_section_slot_checked (ShenbaoMaterialsSection  *self,
                                             const char               *slot);

G_END_DECLS
