/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A year-month as a count of months since year 0, so that the next month is
 * ym + 1 and months compare as numbers. 0 means unset. */
typedef gint32 ShenbaoYearMonth;

#define SHENBAO_YEAR_MONTH_UNSET 0

/* A stretch of work as a reviewer reads "2018年1月—2022年12月": from its
 * first month through its last, both included. */
typedef struct
{
  ShenbaoYearMonth from;
  ShenbaoYearMonth to;
} ShenbaoMonthSpan;

ShenbaoYearMonth shenbao_year_month_make      (int year, int month);
int              shenbao_year_month_year      (ShenbaoYearMonth ym);
int              shenbao_year_month_month     (ShenbaoYearMonth ym);
gboolean         shenbao_year_month_parse     (const char       *text,
                                               ShenbaoYearMonth *out,
                                               GError          **error);
char            *shenbao_year_month_format    (ShenbaoYearMonth ym);
ShenbaoYearMonth shenbao_year_month_from_date (const GDate *date);

/* The months of work (guide §一), the one count that the verdict, the CLI, the
 * GUI and the forms show: every month of every span, both ends included
 * (2018-01 to 2022-12 is 60), a month covered by several spans counted once,
 * and only the months from since on (UNSET: all). first and last (may be
 * NULL) receive the first and last month counted, UNSET when none is. */
int              shenbao_month_spans_count    (const ShenbaoMonthSpan *spans,
                                               guint                   n_spans,
                                               ShenbaoYearMonth        since,
                                               ShenbaoYearMonth       *first,
                                               ShenbaoYearMonth       *last);
/* Months as years, the one way they are written: whole where whole,
 * otherwise rounded, never truncated, to one decimal: "5" for 60 months,
 * "5.1" for 61, "8.8" for 105, "4.9" for 59. */
char            *shenbao_months_format_years  (int                     months);

gboolean         shenbao_date_parse           (const char  *text,
                                               GDate       *out,
                                               GError     **error);
char            *shenbao_date_format          (const GDate *date);
gboolean         shenbao_date_is_set          (const GDate *date);
void             shenbao_date_set_today       (GDate       *date);
int              shenbao_date_age_on          (const GDate *birth,
                                               const GDate *day);

G_END_DECLS
