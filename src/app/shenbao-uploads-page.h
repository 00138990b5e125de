/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shenbao-wizard-page.h"

G_BEGIN_DECLS

#define SHENBAO_TYPE_UPLOADS_PAGE (shenbao_uploads_page_get_type ())

G_DECLARE_FINAL_TYPE (ShenbaoUploadsPage, shenbao_uploads_page, SHENBAO, UPLOADS_PAGE, ShenbaoWizardPage)

/* Reads the file in a worker thread and attaches it to the slot; what goes
 * wrong is said in a toast and the slot keeps what it had. */
void shenbao_uploads_page_attach_file (ShenbaoUploadsPage       *self,
                                       const char               *slot,
                                       GFile                    *file);

G_END_DECLS
