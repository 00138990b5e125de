/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SHENBAO_ID_NUMBER_ERROR (shenbao_id_number_error_quark ())

typedef enum
{
  SHENBAO_ID_NUMBER_ERROR_EMPTY,
  SHENBAO_ID_NUMBER_ERROR_LEGACY,      /* a 15-digit first-generation number */
  SHENBAO_ID_NUMBER_ERROR_LENGTH,
  SHENBAO_ID_NUMBER_ERROR_CHARACTERS,
  SHENBAO_ID_NUMBER_ERROR_REGION,
  SHENBAO_ID_NUMBER_ERROR_BIRTH_DATE,
  SHENBAO_ID_NUMBER_ERROR_FUTURE,
  SHENBAO_ID_NUMBER_ERROR_CHECKSUM,
} ShenbaoIdNumberError;

typedef enum
{
  SHENBAO_ID_KIND_RESIDENT,            /* 居民身份证 */
  SHENBAO_ID_KIND_HK_MACAO_RESIDENT,   /* 港澳居民居住证, 81/82 */
  SHENBAO_ID_KIND_TAIWAN_RESIDENT,     /* 台湾居民居住证, 83 */
  SHENBAO_ID_KIND_FOREIGN_PERMANENT,   /* 外国人永久居留身份证 (2023), 9 */
} ShenbaoIdKind;

typedef enum
{
  SHENBAO_GENDER_UNKNOWN,
  SHENBAO_GENDER_MALE,
  SHENBAO_GENDER_FEMALE,
} ShenbaoGender;

typedef struct
{
  char          number[19];   /* normalised: upper-case X */
  ShenbaoIdKind kind;
  ShenbaoGender gender;
  GDate         birth_date;
} ShenbaoIdNumber;

GQuark        shenbao_id_number_error_quark (void);

gboolean      shenbao_id_number_parse        (const char      *text,
                                              const GDate     *today,
                                              ShenbaoIdNumber *out,
                                              GError         **error);
char          shenbao_id_number_check_digit  (const char      *first17);
const char   *shenbao_id_kind_to_string      (ShenbaoIdKind    kind);
const char   *shenbao_gender_to_string       (ShenbaoGender    gender);
ShenbaoGender shenbao_gender_from_string     (const char      *text);

G_END_DECLS
