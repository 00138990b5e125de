/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "shenbao-attachment.h"
#include "shenbao-work-entry.h"

G_BEGIN_DECLS

#define SHENBAO_TYPE_APPLICATION (shenbao_application_get_type ())

G_DECLARE_FINAL_TYPE (ShenbaoApplication, shenbao_application, SHENBAO, APPLICATION, GObject)

/* The fields of one application, the portal's and the forms'. Values are strings as typed,
 * the enumerated ones in the guide's Chinese words; an empty field is unset.
 * Each field is also a string property named as in shenbao_field_property(),
 * for GUI bindings and change notification. */
typedef enum
{
  SHENBAO_FIELD_OCCUPATION,
  SHENBAO_FIELD_LEVEL,
  SHENBAO_FIELD_CONDITION,
  SHENBAO_FIELD_PLAN_NAME,
  SHENBAO_FIELD_PLAN_DEADLINE,
  SHENBAO_FIELD_SIGNATURE_DATE,
  SHENBAO_FIELD_PERSON_NAME,
  SHENBAO_FIELD_PERSON_GENDER,
  SHENBAO_FIELD_PERSON_BIRTH_DATE,
  SHENBAO_FIELD_PERSON_ETHNICITY,
  SHENBAO_FIELD_PERSON_EDUCATION_LEVEL,
  SHENBAO_FIELD_PERSON_ID_NUMBER,
  SHENBAO_FIELD_PERSON_ID_VALID_UNTIL,
  SHENBAO_FIELD_PERSON_MOBILE,
  SHENBAO_FIELD_PERSON_PHONE,
  SHENBAO_FIELD_PERSON_EMAIL,
  SHENBAO_FIELD_PERSON_POSTCODE,
  SHENBAO_FIELD_PERSON_ASSESSMENT_CATEGORY,
  SHENBAO_FIELD_PERSON_SOURCE,
  SHENBAO_FIELD_PERSON_IDENTITY,
  SHENBAO_FIELD_CERTIFICATE_OCCUPATION,
  SHENBAO_FIELD_CERTIFICATE_LEVEL,
  SHENBAO_FIELD_CERTIFICATE_NUMBER,
  SHENBAO_FIELD_CERTIFICATE_ISSUED,
  SHENBAO_FIELD_EDUCATION_SCHOOL_TYPE,
  SHENBAO_FIELD_EDUCATION_SCHOOL,
  SHENBAO_FIELD_EDUCATION_MAJOR,
  SHENBAO_FIELD_EDUCATION_FROM,
  SHENBAO_FIELD_EDUCATION_TO,
  SHENBAO_FIELD_EDUCATION_STATUS,
  SHENBAO_FIELD_EDUCATION_CHSI_CODE,
  SHENBAO_N_FIELDS,
} ShenbaoField;

/* "person/name": the field's path in the application file and its key in the store. */
const char *shenbao_field_name          (ShenbaoField  field);
/* "person-name": the GObject property. */
const char *shenbao_field_property      (ShenbaoField  field);
gboolean    shenbao_field_from_name     (const char   *name,
                                         ShenbaoField *field);
/* Where the field lives in the application file: an element below the root
 * (parent NULL) or below parent, or an attribute of parent. */
const char *shenbao_field_xml_parent    (ShenbaoField  field);
const char *shenbao_field_xml_name      (ShenbaoField  field);
gboolean    shenbao_field_is_attribute  (ShenbaoField  field);

ShenbaoApplication *shenbao_application_new     (void);
ShenbaoApplication *shenbao_application_copy    (ShenbaoApplication *self);

gint64      shenbao_application_get_id          (ShenbaoApplication *self);
void        shenbao_application_set_id          (ShenbaoApplication *self,
                                                 gint64              id);

const char *shenbao_application_get             (ShenbaoApplication *self,
                                                 ShenbaoField        field);
void        shenbao_application_set             (ShenbaoApplication *self,
                                                 ShenbaoField        field,
                                                 const char         *value);
/* 1–3, or 0 when the condition is unset or not one of the three. */
int         shenbao_application_get_condition   (ShenbaoApplication *self);
/* TRUE when the field holds a valid YYYY-MM-DD date. */
gboolean    shenbao_application_get_date        (ShenbaoApplication *self,
                                                 ShenbaoField        field,
                                                 GDate              *date);

GListModel       *shenbao_application_get_work_entries   (ShenbaoApplication *self);
guint             shenbao_application_get_n_work_entries (ShenbaoApplication *self);
ShenbaoWorkEntry *shenbao_application_get_work_entry     (ShenbaoApplication *self,
                                                          guint               position);
void              shenbao_application_append_work_entry  (ShenbaoApplication *self,
                                                          ShenbaoWorkEntry   *entry);
void              shenbao_application_remove_work_entry  (ShenbaoApplication *self,
                                                          guint               position);
void              shenbao_application_move_work_entry    (ShenbaoApplication *self,
                                                          guint               from,
                                                          guint               to);

/* Attachments, one per slot name, in the order they were attached. */
GPtrArray               *shenbao_application_get_attachments  (ShenbaoApplication *self);
const ShenbaoAttachment *shenbao_application_get_attachment   (ShenbaoApplication *self,
                                                               const char         *slot);
void                     shenbao_application_set_attachment   (ShenbaoApplication *self,
                                                               const char         *slot,
                                                               const char         *filename,
                                                               GBytes             *data);
/* An attachment the application file names but that could not be read,
 * and why. */
void                     shenbao_application_set_unread_attachment (ShenbaoApplication *self,
                                                                    const char         *slot,
                                                                    const char         *filename,
                                                                    const char         *problem);
void                     shenbao_application_remove_attachment (ShenbaoApplication *self,
                                                                const char         *slot);

G_END_DECLS
