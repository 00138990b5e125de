/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SHENBAO_TYPE_ENTRY_ROW (shenbao_entry_row_get_type ())

G_DECLARE_FINAL_TYPE (ShenbaoEntryRow, shenbao_entry_row, SHENBAO, ENTRY_ROW, AdwActionRow)

GtkEntry *shenbao_entry_row_get_entry (ShenbaoEntryRow *self);

G_END_DECLS
