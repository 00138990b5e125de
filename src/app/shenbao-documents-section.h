/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "shenbao.h"

G_BEGIN_DECLS

#define SHENBAO_TYPE_DOCUMENTS_SECTION (shenbao_documents_section_get_type ())

G_DECLARE_FINAL_TYPE (ShenbaoDocumentsSection, shenbao_documents_section, SHENBAO, DOCUMENTS_SECTION, AdwPreferencesGroup)

/* The PDFs of the application's condition, each to open in a viewer, the
 * print package to print, all of them to save in a folder. application
 * NULL: none. */
void shenbao_documents_section_show    (ShenbaoDocumentsSection *self,
                                        ShenbaoApplication      *application);
/* What Save All does once a folder is chosen: the PDFs are rendered in a
 * worker and a toast says how it went. */
void shenbao_documents_section_save_to (ShenbaoDocumentsSection *self,
                                        const char              *folder);

G_END_DECLS
