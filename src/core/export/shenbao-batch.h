/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shenbao-application.h"
#include "shenbao-catalogue.h"
#include "shenbao-csv.h"

G_BEGIN_DECLS

/* A batch CSV (doc/batch.md) has a header row of field paths as in
 * shenbao_field_name() ("person/name") and work entry columns "work/N/FIELD"
 * with FIELD as in shenbao_work_field_name() and N from 1. Fails with
 * SHENBAO_ERROR_PARSE naming the first column that is neither. */
gboolean            shenbao_batch_check_header (GStrv                header,
                                                GError             **error);

/* The application of one row under a checked header: what the catalogue
 * preselects (shenbao_catalogue_new_application()), then every non-empty
 * cell; a work entry whose cells are all empty is left out. Fails with
 * SHENBAO_ERROR_PARSE naming the line when the row has more or fewer cells
 * than the header. */
ShenbaoApplication *shenbao_batch_application_from_row (ShenbaoCatalogue    *catalogue,
                                                        GStrv                header,
                                                        const ShenbaoCsvRow *row,
                                                        const GDate         *today,
                                                        GError             **error);

G_END_DECLS
