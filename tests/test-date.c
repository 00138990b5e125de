/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "shenbao.h"

static void
test_year_month_parse (void)
{
  static const struct { const char *text; gboolean ok; int year; int month; } cases[] = {
    { "2020-09", TRUE, 2020, 9 },
    { "1999-12", TRUE, 1999, 12 },
    { "2000-01", TRUE, 2000, 1 },
    { "2020-13", FALSE, 0, 0 },
    { "2020-00", FALSE, 0, 0 },
    { "2020-9", FALSE, 0, 0 },
    { "202009", FALSE, 0, 0 },
    { "2020/09", FALSE, 0, 0 },
    { "0999-01", FALSE, 0, 0 },
    { "1799-12", FALSE, 0, 0 },
    { "", FALSE, 0, 0 },
    { "至今", FALSE, 0, 0 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      ShenbaoYearMonth ym = SHENBAO_YEAR_MONTH_UNSET;
      gboolean ok = shenbao_year_month_parse (cases[i].text, &ym, &error);

      g_test_message ("%s", cases[i].text);
      g_assert_cmpint (ok, ==, cases[i].ok);
      if (ok)
        {
          g_autofree char *back = shenbao_year_month_format (ym);

          g_assert_no_error (error);
          g_assert_cmpint (shenbao_year_month_year (ym), ==, cases[i].year);
          g_assert_cmpint (shenbao_year_month_month (ym), ==, cases[i].month);
          g_assert_cmpstr (back, ==, cases[i].text);
        }
      else
        g_assert_error (error, SHENBAO_ERROR, SHENBAO_ERROR_INVALID_INPUT);
    }
}

static void
test_year_month_arithmetic (void)
{
  ShenbaoYearMonth a = shenbao_year_month_make (2018, 3);
  ShenbaoYearMonth b = shenbao_year_month_make (2023, 3);
  ShenbaoYearMonth c = shenbao_year_month_make (2019, 1);
  ShenbaoYearMonth d = shenbao_year_month_make (2018, 12);

  g_assert_cmpint (b - a, ==, 60);
  g_assert_cmpint (c - d, ==, 1);
  g_assert_cmpint (shenbao_year_month_month (c), ==, 1);
  g_assert_cmpint (shenbao_year_month_year (d), ==, 2018);
}

static void
test_date_parse (void)
{
  static const struct { const char *text; gboolean ok; } cases[] = {
    { "2024-02-29", TRUE },
    { "2023-02-29", FALSE },
    { "1900-02-29", FALSE },
    { "2000-02-29", TRUE },
    { "2026-04-31", FALSE },
    { "2026-12-31", TRUE },
    { "2026-1-31", FALSE },
    { "2026-01-31x", FALSE },
    { "", FALSE },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      GDate date;
      gboolean ok = shenbao_date_parse (cases[i].text, &date, &error);

      g_test_message ("%s", cases[i].text);
      g_assert_cmpint (ok, ==, cases[i].ok);
      if (ok)
        {
          g_autofree char *back = shenbao_date_format (&date);
          g_assert_cmpstr (back, ==, cases[i].text);
        }
    }
}

static void
test_age (void)
{
  GDate birth, day;

  shenbao_date_parse ("2000-02-29", &birth, NULL);
  shenbao_date_parse ("2016-02-28", &day, NULL);
  g_assert_cmpint (shenbao_date_age_on (&birth, &day), ==, 15);
  shenbao_date_parse ("2016-02-29", &day, NULL);
  g_assert_cmpint (shenbao_date_age_on (&birth, &day), ==, 16);
}

static void
test_today_pinned (void)
{
  g_autofree char *text = NULL;
  GDate today;

  g_setenv ("SHENBAO_TODAY", "2026-11-28", TRUE);
  shenbao_date_set_today (&today);
  text = shenbao_date_format (&today);
  g_assert_cmpstr (text, ==, "2026-11-28");
  g_unsetenv ("SHENBAO_TODAY");
}

static ShenbaoYearMonth
ym (const char *text)
{
  ShenbaoYearMonth parsed = SHENBAO_YEAR_MONTH_UNSET;

  g_assert_true (shenbao_year_month_parse (text, &parsed, NULL));
  return parsed;
}

/* SPEC §4: both end months count, a month once, from since on. */
static void
test_month_spans (void)
{
  static const struct
  {
    const char *name;
    const char *spans[3][2];
    const char *since;
    int         months;
    const char *first, *last;
  } cases[] = {
    { "five calendar years", { { "2018-01", "2022-12" } }, NULL, 60, "2018-01", "2022-12" },
    { "one month short", { { "2018-02", "2022-12" } }, NULL, 59, "2018-02", "2022-12" },
    { "a single month", { { "2020-01", "2020-01" } }, NULL, 1, "2020-01", "2020-01" },
    { "a month shared by two entries", { { "2018-01", "2019-01" }, { "2019-01", "2020-01" } }, NULL, 25,
      "2018-01", "2020-01" },
    { "adjacent entries", { { "2018-01", "2019-12" }, { "2020-01", "2022-12" } }, NULL, 60, "2018-01", "2022-12" },
    { "a gap of one month", { { "2018-01", "2019-12" }, { "2020-02", "2022-12" } }, NULL, 59,
      "2018-01", "2022-12" },
    { "overlapping entries", { { "2018-01", "2020-06" }, { "2019-01", "2022-12" } }, NULL, 60,
      "2018-01", "2022-12" },
    { "nested entry", { { "2018-01", "2022-12" }, { "2019-01", "2020-01" } }, NULL, 60, "2018-01", "2022-12" },
    { "out of order", { { "2021-01", "2021-12" }, { "2018-01", "2018-12" }, { "2018-06", "2019-03" } }, NULL,
      27, "2018-01", "2021-12" },
    { "ends before it starts", { { "2020-05", "2019-12" } }, NULL, 0, NULL, NULL },
    { "counted from the month after a certificate of 2022-03", { { "2020-01", "2025-03" } }, "2022-04", 36,
      "2022-04", "2025-03" },
    { "all of it before since", { { "2018-01", "2019-12" } }, "2020-01", 0, NULL, NULL },
    { "since inside the second entry", { { "2018-01", "2019-12" }, { "2021-01", "2021-12" } }, "2021-07", 6,
      "2021-07", "2021-12" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      ShenbaoMonthSpan spans[3];
      ShenbaoYearMonth first, last;
      guint n = 0;

      g_test_message ("%s", cases[i].name);
      for (; n < G_N_ELEMENTS (spans) && cases[i].spans[n][0] != NULL; n++)
        {
          spans[n].from = ym (cases[i].spans[n][0]);
          spans[n].to = ym (cases[i].spans[n][1]);
        }
      g_assert_cmpint (shenbao_month_spans_count (spans, n, cases[i].since != NULL ? ym (cases[i].since)
                                                                                    : SHENBAO_YEAR_MONTH_UNSET,
                                                  &first, &last), ==, cases[i].months);
      g_assert_cmpint (first, ==, cases[i].first != NULL ? ym (cases[i].first) : SHENBAO_YEAR_MONTH_UNSET);
      g_assert_cmpint (last, ==, cases[i].last != NULL ? ym (cases[i].last) : SHENBAO_YEAR_MONTH_UNSET);
    }
  g_assert_cmpint (shenbao_month_spans_count (NULL, 0, SHENBAO_YEAR_MONTH_UNSET, NULL, NULL), ==, 0);
}

/* Whole where whole, else rounded to one decimal, never truncated: no
 * number of months short of a whole year reads as whole. */
static void
test_years (void)
{
  static const struct { int months; const char *years; } cases[] = {
    { 0, "0" }, { 1, "0.1" }, { 3, "0.3" }, { 6, "0.5" }, { 9, "0.8" }, { 11, "0.9" }, { 12, "1" },
    { 24, "2" }, { 35, "2.9" }, { 36, "3" }, { 54, "4.5" }, { 59, "4.9" }, { 60, "5" }, { 61, "5.1" },
    { 65, "5.4" }, { 104, "8.7" }, { 105, "8.8" }, { 119, "9.9" }, { 120, "10" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *years = shenbao_months_format_years (cases[i].months);

      g_assert_cmpstr (years, ==, cases[i].years);
    }
  for (int months = 0; months < 240; months++)
    {
      g_autofree char *years = shenbao_months_format_years (months);

      g_assert_cmpint (strchr (years, '.') == NULL, ==, months % 12 == 0);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/date/year-month/parse", test_year_month_parse);
  g_test_add_func ("/date/year-month/arithmetic", test_year_month_arithmetic);
  g_test_add_func ("/date/parse", test_date_parse);
  g_test_add_func ("/date/age", test_age);
  g_test_add_func ("/date/today-pinned", test_today_pinned);
  g_test_add_func ("/date/month-spans", test_month_spans);
  g_test_add_func ("/date/years", test_years);

  return g_test_run ();
}
