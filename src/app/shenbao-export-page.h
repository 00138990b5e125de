/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shenbao-wizard-page.h"

G_BEGIN_DECLS

#define SHENBAO_TYPE_EXPORT_PAGE (shenbao_export_page_get_type ())

G_DECLARE_FINAL_TYPE (ShenbaoExportPage, shenbao_export_page, SHENBAO, EXPORT_PAGE, ShenbaoWizardPage)

/* The store that keeps the review tracker; NULL when it could not be opened. */
void shenbao_export_page_set_store   (ShenbaoExportPage        *self,
                                      ShenbaoStore             *store);

/* What the Save All and Export buttons do once a folder is chosen (their
 * sections', shenbao_documents_section_save_to() and
 * shenbao_package_section_export_to()). */
void shenbao_export_page_save_documents_to (ShenbaoExportPage *self,
                                            const char        *folder);
void shenbao_export_page_export_to         (ShenbaoExportPage *self,
                                            const char        *folder,
                                            gboolean           zip);

G_END_DECLS
