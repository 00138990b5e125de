/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shenbao-application.h"

G_BEGIN_DECLS

/* The words of the application file (data/application.rng) for the
 * fields that take one of a few fixed ones: the portal's own words, what a
 * drop-down offers and what the rules accept. */
#define SHENBAO_EDUCATION_GRADUATED  "已毕业"
#define SHENBAO_EDUCATION_GRADUATING "在读应届"
/* Condition 2 takes only a level-5 certificate (guide §一). */
#define SHENBAO_CERTIFICATE_LEVEL_5  "五级"

/* The field's words, NULL-terminated, in the portal's order; NULL for a
 * field that is typed or whose words are the catalogue's. */
const char * const *shenbao_field_get_choices (ShenbaoField field);

G_END_DECLS
