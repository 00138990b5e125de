/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shenbao-application.h"

G_BEGIN_DECLS

/* The application file: UTF-8 XML in the namespace
 * urn:shenbao:application:1, validated against data/application.rng, with the
 * attachments in files beside it. The reader refuses hostile XML (no network,
 * no external entities, no entity expansion); each refusal names the line. */

#define SHENBAO_APPLICATION_NAMESPACE "urn:shenbao:application:1"

ShenbaoApplication *shenbao_application_file_load      (const char          *path,
                                                        GError             **error);
/* base_dir: where the attachments' relative paths start; NULL reads none. */
ShenbaoApplication *shenbao_application_file_load_data (const char          *data,
                                                        gsize                length,
                                                        const char          *base_dir,
                                                        GError             **error);
/* Writes path and, beside it, one file per attachment named after its slot. */
gboolean            shenbao_application_file_save      (ShenbaoApplication  *application,
                                                        const char          *path,
                                                        GError             **error);
char               *shenbao_application_file_to_data   (ShenbaoApplication  *application,
                                                        GHashTable          *attachment_hrefs,
                                                        gsize               *length);

G_END_DECLS
