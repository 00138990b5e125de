/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "shenbao.h"

G_BEGIN_DECLS

#define SHENBAO_TYPE_SLOT_ROW (shenbao_slot_row_get_type ())

G_DECLARE_FINAL_TYPE (ShenbaoSlotRow, shenbao_slot_row, SHENBAO, SLOT_ROW, AdwActionRow)

/* One upload slot: what is attached, its preview and its checks, with
 * buttons that activate uploads.choose, uploads.fix and uploads.remove and a
 * drop target that activates uploads.attach, each with the slot's name. */
ShenbaoSlotRow *shenbao_slot_row_new           (const ShenbaoSlot       *slot);
const char     *shenbao_slot_row_get_slot_name (ShenbaoSlotRow          *self);
void            shenbao_slot_row_show          (ShenbaoSlotRow          *self,
                                                const ShenbaoAttachment *attachment,
                                                ShenbaoAttachmentChecker *checker);

G_END_DECLS
