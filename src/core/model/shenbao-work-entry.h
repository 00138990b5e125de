/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "shenbao-date.h"

G_BEGIN_DECLS

#define SHENBAO_TYPE_WORK_ENTRY (shenbao_work_entry_get_type ())

G_DECLARE_FINAL_TYPE (ShenbaoWorkEntry, shenbao_work_entry, SHENBAO, WORK_ENTRY, GObject)

/* The text a work entry's end holds when the candidate still works there. */
#define SHENBAO_PRESENT "至今"

/* One period of work. Every value is kept as typed, as a string
 * property, so that nothing a candidate enters is lost before it is valid; the
 * rules read the typed values through the getters below. */
typedef enum
{
  SHENBAO_WORK_FIELD_EMPLOYER,
  SHENBAO_WORK_FIELD_FOUNDED,
  SHENBAO_WORK_FIELD_DEREGISTERED,
  SHENBAO_WORK_FIELD_FROM,
  SHENBAO_WORK_FIELD_TO,
  SHENBAO_WORK_FIELD_OCCUPATION,
  SHENBAO_N_WORK_FIELDS,
} ShenbaoWorkField;

ShenbaoWorkEntry *shenbao_work_entry_new        (void);
ShenbaoWorkEntry *shenbao_work_entry_copy       (ShenbaoWorkEntry *self);
const char       *shenbao_work_entry_get        (ShenbaoWorkEntry *self,
                                                 ShenbaoWorkField  field);
void              shenbao_work_entry_set        (ShenbaoWorkEntry *self,
                                                 ShenbaoWorkField  field,
                                                 const char       *value);
const char       *shenbao_work_field_name       (ShenbaoWorkField  field);
gboolean          shenbao_work_field_from_name  (const char       *name,
                                                 ShenbaoWorkField *field);

gint64            shenbao_work_entry_get_id     (ShenbaoWorkEntry *self);
void              shenbao_work_entry_set_id     (ShenbaoWorkEntry *self,
                                                 gint64            id);

gboolean          shenbao_work_entry_is_present (ShenbaoWorkEntry *self);

G_END_DECLS
