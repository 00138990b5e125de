/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shenbao-form-values"

#include "shenbao-form-values.h"
#include "shenbao-rules.h"

static void
put (GHashTable *values,
     const char *key,
     const char *value)
{
  g_autofree char *trimmed = value != NULL ? g_strstrip (g_strdup (value)) : NULL;

  if (trimmed != NULL && *trimmed != '\0')
    g_hash_table_insert (values, g_strdup (key), g_steal_pointer (&trimmed));
}

static void
put_field (GHashTable         *values,
           const char         *key,
           ShenbaoApplication *application,
           ShenbaoField        field)
{
  put (values, key, shenbao_application_get (application, field));
}

/* key-year and key-month of a year-month. */
static void
put_year_month (GHashTable       *values,
                const char       *key,
                ShenbaoYearMonth  year_month)
{
  g_autofree char *year_key = g_strconcat (key, "-year", NULL);
  g_autofree char *month_key = g_strconcat (key, "-month", NULL);
  g_autofree char *year = NULL;
  g_autofree char *month = NULL;

  if (year_month == SHENBAO_YEAR_MONTH_UNSET)
    return;
  year = g_strdup_printf ("%d", shenbao_year_month_year (year_month));
  month = g_strdup_printf ("%d", shenbao_year_month_month (year_month));
  put (values, year_key, year);
  put (values, month_key, month);
}

static void
put_typed_year_month (GHashTable         *values,
                      const char         *key,
                      ShenbaoApplication *application,
                      ShenbaoField        field)
{
  ShenbaoYearMonth year_month = SHENBAO_YEAR_MONTH_UNSET;

  if (shenbao_year_month_parse (shenbao_application_get (application, field), &year_month, NULL))
    put_year_month (values, key, year_month);
}

/* The guide's level words for a certificate's level number (五级 for 5). */
static const char *
level_words (const char *level)
{
  static const char * const words[] = { "一级", "二级", "三级", "四级", "五级" };
  guint64 number = 0;

  if (!g_ascii_string_to_unsigned (level, 10, 1, G_N_ELEMENTS (words), &number, NULL))
    return level;
  return words[number - 1];
}

static void
put_signature (GHashTable         *values,
               ShenbaoApplication *application)
{
  GDate date;
  g_autofree char *year = NULL;
  g_autofree char *month = NULL;
  g_autofree char *day = NULL;

  if (!shenbao_application_get_date (application, SHENBAO_FIELD_SIGNATURE_DATE, &date))
    return;
  year = g_strdup_printf ("%d", g_date_get_year (&date));
  month = g_strdup_printf ("%d", g_date_get_month (&date));
  day = g_strdup_printf ("%d", g_date_get_day (&date));
  put (values, "signature-year", year);
  put (values, "signature-month", month);
  put (values, "signature-day", day);
}

/* The work the commitment letter sums up: for condition 2, the work after
 * the previous certificate, which is what the condition counts. */
static void
put_total_work (GHashTable         *values,
                ShenbaoApplication *application,
                ShenbaoCatalogue   *catalogue)
{
  ShenbaoYearMonth since = SHENBAO_YEAR_MONTH_UNSET, first, last;
  g_autofree char *years = NULL;
  GDate issued;
  int months;

  if (shenbao_application_get_condition (application) == 2
      && shenbao_application_get_date (application, SHENBAO_FIELD_CERTIFICATE_ISSUED, &issued))
    since = shenbao_rules_counted_after (&issued);
  months = shenbao_rules_count_work_months (application, catalogue, since, &first, &last);
  if (months <= 0)
    return;
  put_year_month (values, "total-from", first);
  put_year_month (values, "total-to", last);
  years = shenbao_months_format_years (months);
  put (values, "total-years", years);
}

GHashTable *
shenbao_form_values_new (ShenbaoApplication *application,
                         ShenbaoCatalogue   *catalogue)
{
  GHashTable *values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  int condition = shenbao_application_get_condition (application);
  g_autofree char *id_number = g_ascii_strup (shenbao_application_get (application, SHENBAO_FIELD_PERSON_ID_NUMBER), -1);

  put_field (values, "name", application, SHENBAO_FIELD_PERSON_NAME);
  put (values, "id-number", id_number);
  put_field (values, "mobile", application, SHENBAO_FIELD_PERSON_MOBILE);
  put_field (values, "occupation", application, SHENBAO_FIELD_OCCUPATION);
  put (values, "level", shenbao_catalogue_get_level_name (catalogue));
  if (condition != 0)
    put (values, "condition", shenbao_catalogue_get_condition_text (catalogue, condition));
  put_field (values, "education-level", application, SHENBAO_FIELD_PERSON_EDUCATION_LEVEL);
  put_field (values, "chsi-code", application, SHENBAO_FIELD_EDUCATION_CHSI_CODE);
  put_signature (values, application);

  put_field (values, "certificate-occupation", application, SHENBAO_FIELD_CERTIFICATE_OCCUPATION);
  put (values, "certificate-level", level_words (shenbao_application_get (application, SHENBAO_FIELD_CERTIFICATE_LEVEL)));
  put_field (values, "certificate-number", application, SHENBAO_FIELD_CERTIFICATE_NUMBER);

  put_field (values, "school-name", application, SHENBAO_FIELD_EDUCATION_SCHOOL);
  put_field (values, "school-major", application, SHENBAO_FIELD_EDUCATION_MAJOR);
  put_typed_year_month (values, "school-from", application, SHENBAO_FIELD_EDUCATION_FROM);
  put_typed_year_month (values, "school-to", application, SHENBAO_FIELD_EDUCATION_TO);

  put_total_work (values, application, catalogue);
  return values;
}

GHashTable *
shenbao_form_values_for_work_entry (GHashTable         *values,
                                    ShenbaoApplication *application,
                                    guint               position)
{
  GHashTable *entry_values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(ShenbaoWorkEntry) entry = shenbao_application_get_work_entry (application, position);
  ShenbaoMonthSpan span;
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, values);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (entry_values, g_strdup (key), g_strdup (value));

  put (entry_values, "work-employer", shenbao_work_entry_get (entry, SHENBAO_WORK_FIELD_EMPLOYER));
  put (entry_values, "work-occupation", shenbao_work_entry_get (entry, SHENBAO_WORK_FIELD_OCCUPATION));
  /* 至今 is written as the signature date's month, where the rules end it. */
  if (shenbao_rules_work_entry_span (application, entry, &span.from, &span.to) && span.to >= span.from)
    {
      g_autofree char *years =
        shenbao_months_format_years (shenbao_month_spans_count (&span, 1, SHENBAO_YEAR_MONTH_UNSET, NULL, NULL));

      put_year_month (entry_values, "work-from", span.from);
      put_year_month (entry_values, "work-to", span.to);
      put (entry_values, "work-years", years);
    }
  return entry_values;
}
