/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "shenbao.h"

G_BEGIN_DECLS

#define SHENBAO_TYPE_WORK_ENTRY_ROW (shenbao_work_entry_row_get_type ())

G_DECLARE_FINAL_TYPE (ShenbaoWorkEntryRow, shenbao_work_entry_row, SHENBAO, WORK_ENTRY_ROW, AdwExpanderRow)

ShenbaoWorkEntryRow *shenbao_work_entry_row_new             (ShenbaoApplication  *application,
                                                             ShenbaoWorkEntry    *entry);
/* Names the row's fields "work/N/…" so that the rules' findings reach them. */
void                 shenbao_work_entry_row_set_position    (ShenbaoWorkEntryRow *self,
                                                             guint                position);
void                 shenbao_work_entry_row_set_occupations (ShenbaoWorkEntryRow *self,
                                                             const char * const  *occupations);

G_END_DECLS
