/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "shenbao.h"

G_BEGIN_DECLS

#define SHENBAO_TYPE_PACKAGE_SECTION (shenbao_package_section_get_type ())

G_DECLARE_FINAL_TYPE (ShenbaoPackageSection, shenbao_package_section, SHENBAO, PACKAGE_SECTION, AdwPreferencesGroup)

/* The upload package of application (NULL: none), as a folder or a zip. */
void shenbao_package_section_show      (ShenbaoPackageSection *self,
                                        ShenbaoApplication    *application);
/* What Export does once a folder is chosen: the package is written in a
 * worker, the row then says where and what is still to do. */
void shenbao_package_section_export_to (ShenbaoPackageSection *self,
                                        const char            *folder,
                                        gboolean               zip);

G_END_DECLS
