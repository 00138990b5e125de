/* SPDX-License-Identifier: GPL-3.0-or-later */
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

  return g_test_run ();
}
