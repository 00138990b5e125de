/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A year-month as a count of months since year 0, so that the months between
 * two of them is a subtraction (SPEC §4: end − start, in months). 0 means unset. */
typedef gint32 ShenbaoYearMonth;

#define SHENBAO_YEAR_MONTH_UNSET 0

ShenbaoYearMonth shenbao_year_month_make      (int year, int month);
int              shenbao_year_month_year      (ShenbaoYearMonth ym);
int              shenbao_year_month_month     (ShenbaoYearMonth ym);
gboolean         shenbao_year_month_parse     (const char       *text,
                                               ShenbaoYearMonth *out,
                                               GError          **error);
char            *shenbao_year_month_format    (ShenbaoYearMonth ym);
ShenbaoYearMonth shenbao_year_month_from_date (const GDate *date);

gboolean         shenbao_date_parse           (const char  *text,
                                               GDate       *out,
                                               GError     **error);
char            *shenbao_date_format          (const GDate *date);
gboolean         shenbao_date_is_set          (const GDate *date);
void             shenbao_date_set_today       (GDate       *date);
int              shenbao_date_age_on          (const GDate *birth,
                                               const GDate *day);

G_END_DECLS
