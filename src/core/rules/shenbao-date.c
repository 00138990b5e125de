/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shenbao-date"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>

#include "shenbao-date.h"
#include "shenbao-error.h"

/* The years a candidate's dates can sensibly fall in; anything outside is a
 * typing slip, not a date. */
#define YEAR_MIN 1800
#define YEAR_MAX 2199

ShenbaoYearMonth
shenbao_year_month_make (int year,
                         int month)
{
  g_return_val_if_fail (month >= 1 && month <= 12, SHENBAO_YEAR_MONTH_UNSET);

  return year * 12 + (month - 1);
}

int
shenbao_year_month_year (ShenbaoYearMonth ym)
{
  return ym / 12;
}

int
shenbao_year_month_month (ShenbaoYearMonth ym)
{
  return ym % 12 + 1;
}

static gboolean
parse_digits (const char *text,
              gsize       length,
              int        *out)
{
  int value = 0;

  for (gsize i = 0; i < length; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      value = value * 10 + (text[i] - '0');
    }
  *out = value;
  return TRUE;
}

gboolean
shenbao_year_month_parse (const char       *text,
                          ShenbaoYearMonth *out,
                          GError          **error)
{
  int year, month;

  if (text == NULL || strlen (text) != 7 || text[4] != '-'
      || !parse_digits (text, 4, &year) || !parse_digits (text + 5, 2, &month))
    {
      g_set_error (error, SHENBAO_ERROR, SHENBAO_ERROR_INVALID_INPUT,
                   _("“%s” is not a year and month (write it as 2020-09)"),
                   text != NULL ? text : "");
      return FALSE;
    }
  if (month < 1 || month > 12 || year < YEAR_MIN || year > YEAR_MAX)
    {
      g_set_error (error, SHENBAO_ERROR, SHENBAO_ERROR_INVALID_INPUT,
                   _("“%s” is not a possible year and month"), text);
      return FALSE;
    }
  *out = shenbao_year_month_make (year, month);
  return TRUE;
}

char *
shenbao_year_month_format (ShenbaoYearMonth ym)
{
  return g_strdup_printf ("%04d-%02d", shenbao_year_month_year (ym),
                          shenbao_year_month_month (ym));
}

ShenbaoYearMonth
shenbao_year_month_from_date (const GDate *date)
{
  return shenbao_year_month_make (g_date_get_year (date), g_date_get_month (date));
}

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  const ShenbaoMonthSpan *x = a, *y = b;

  return x->from < y->from ? -1 : x->from > y->from;
}

int
shenbao_month_spans_count (const ShenbaoMonthSpan *spans,
                           guint                   n_spans,
                           ShenbaoYearMonth        since,
                           ShenbaoYearMonth       *first,
                           ShenbaoYearMonth       *last)
{
  g_autoptr(GArray) sorted = g_array_sized_new (FALSE, FALSE, sizeof (ShenbaoMonthSpan), n_spans);
  ShenbaoYearMonth counted_from = SHENBAO_YEAR_MONTH_UNSET, counted_to = SHENBAO_YEAR_MONTH_UNSET;
  ShenbaoMonthSpan current = { 0, 0 };
  int months = 0;

  for (guint i = 0; i < n_spans; i++)
    {
      ShenbaoMonthSpan span = spans[i];

      if (since != SHENBAO_YEAR_MONTH_UNSET)
        span.from = MAX (span.from, since);
      if (span.to >= span.from)
        g_array_append_val (sorted, span);
    }

  /* Merged in order of their first month: a span that starts at most one
   * month after the current one ends continues it, so that a month is
   * counted once and 2019-12 followed by 2020-01 leaves no gap. */
  g_array_sort (sorted, compare_spans);
  for (guint i = 0; i < sorted->len; i++)
    {
      ShenbaoMonthSpan span = g_array_index (sorted, ShenbaoMonthSpan, i);

      if (i > 0 && span.from <= current.to + 1)
        {
          current.to = MAX (current.to, span.to);
          continue;
        }
      if (i > 0)
        months += current.to - current.from + 1;
      current = span;
    }
  if (sorted->len > 0)
    {
      months += current.to - current.from + 1;
      counted_from = g_array_index (sorted, ShenbaoMonthSpan, 0).from;
      counted_to = current.to;
    }
  if (first != NULL)
    *first = counted_from;
  if (last != NULL)
    *last = counted_to;
  return months;
}

char *
shenbao_months_format_years (int months)
{
  int tenths;

  g_return_val_if_fail (months >= 0, NULL);

  /* Twelfths to tenths, half up, in integers: 11 months are 9 tenths, so a
   * year that is not whole never reads as whole. */
  tenths = (months % 12 * 20 + 12) / 24;
  if (tenths == 0)
    return g_strdup_printf ("%d", months / 12);
  return g_strdup_printf ("%d.%d", months / 12, tenths);
}

gboolean
shenbao_date_parse (const char  *text,
                    GDate       *out,
                    GError     **error)
{
  int year, month, day;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-'
      || !parse_digits (text, 4, &year) || !parse_digits (text + 5, 2, &month)
      || !parse_digits (text + 8, 2, &day))
    {
      g_set_error (error, SHENBAO_ERROR, SHENBAO_ERROR_INVALID_INPUT,
                   _("“%s” is not a date (write it as 2020-09-01)"),
                   text != NULL ? text : "");
      return FALSE;
    }
  if (year < YEAR_MIN || year > YEAR_MAX || !g_date_valid_dmy (day, month, year))
    {
      g_set_error (error, SHENBAO_ERROR, SHENBAO_ERROR_INVALID_INPUT,
                   _("“%s” is not a date that exists"), text);
      return FALSE;
    }
  g_date_clear (out, 1);
  g_date_set_dmy (out, day, month, year);
  return TRUE;
}

char *
shenbao_date_format (const GDate *date)
{
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date),
                          g_date_get_month (date), g_date_get_day (date));
}

gboolean
shenbao_date_is_set (const GDate *date)
{
  return date != NULL && g_date_valid (date);
}

/* SHENBAO_TODAY=YYYY-MM-DD pins "today" so that tests and reproducible
 * renders do not change with the calendar. */
void
shenbao_date_set_today (GDate *date)
{
  const char *pinned = g_getenv ("SHENBAO_TODAY");

  g_date_clear (date, 1);
  if (pinned != NULL && shenbao_date_parse (pinned, date, NULL))
    return;
  g_date_set_time_t (date, time (NULL));
}

int
shenbao_date_age_on (const GDate *birth,
                     const GDate *day)
{
  int age = g_date_get_year (day) - g_date_get_year (birth);

  if (g_date_get_month (day) < g_date_get_month (birth)
      || (g_date_get_month (day) == g_date_get_month (birth)
          && g_date_get_day (day) < g_date_get_day (birth)))
    age--;
  return age;
}
