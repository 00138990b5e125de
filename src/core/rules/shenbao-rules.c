/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shenbao-rules"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "shenbao-choices.h"
#include "shenbao-finding.h"
#include "shenbao-id-number.h"
#include "shenbao-names.h"
#include "shenbao-rules.h"

/* Endings of a registered organisation's full name (guide 说明 4:
 * 工作单位需填写全称). A name without one is most often a shop sign or an
 * abbreviation, which the reviewer rejects. */
static const char * const organisation_suffixes[] = {
  "公司", "集团", "中心", "学校", "学院", "大学", "医院", "事务所", "研究院", "研究所",
  "合作社", "商行", "门市部", "工作室", "经营部", "服务部", "委员会", "协会", "基金会",
  "银行", "办事处", "厂", "店", "馆", "局", "站", "所", "社", "院",
};

/* A school's full name ends like this (guide 说明 5). */
static const char * const school_suffixes[] = {
  "学校", "学院", "大学", "中学", "技校", "中专", "学堂",
};

/* Below this many characters a name is an abbreviation, not a registered
 * full name (北京某某科技有限公司 has ten). */
#define MIN_FULL_NAME_CHARACTERS 6

/* The age from which work counts without a second look (labour law). */
#define MIN_WORKING_AGE 16

#define MAX_SUGGESTIONS 3

/* School types whose diplomas are 专科 or above: the form asks for the CHSI
 * verification code of those (guide §二, 学历 row). */
static const char * const higher_education_school_types[] = {
  "高等职业学校", "普通高等学校本科", "研究生",
};

typedef struct
{
  ShenbaoApplication *application;
  ShenbaoCatalogue   *catalogue;
  ShenbaoRulesFlags   flags;
  GDate               today;
  GDate               signature;        /* valid when signature_set */
  gboolean            signature_set;
  GDate               birth;            /* valid when birth_set */
  gboolean            birth_set;
  GPtrArray          *findings;
} Check;

#define error_at(check, field, code, ...) \
  shenbao_findings_add ((check)->findings, SHENBAO_SEVERITY_ERROR, (field), (code), __VA_ARGS__)
#define warning_at(check, field, code, ...) \
  shenbao_findings_add ((check)->findings, SHENBAO_SEVERITY_WARNING, (field), (code), __VA_ARGS__)

static void
suggest (ShenbaoFinding     *finding,
         const char * const *list,
         const char         *text)
{
  g_auto(GStrv) suggestions = shenbao_names_suggest (list, text, MAX_SUGGESTIONS);
  g_autofree char *joined = NULL;

  if (suggestions[0] == NULL)
    return;
  /* Translators: the separator between suggested names */
  joined = g_strjoinv (_(", "), suggestions);
  finding->suggestion = g_strdup_printf (_("Closest listed: %s"), joined);
}

static gboolean
is_blank (const char *text)
{
  return text == NULL || *text == '\0';
}

static gboolean
has_suffix (const char         *name,
            const char * const *suffixes,
            gsize               n_suffixes)
{
  for (gsize i = 0; i < n_suffixes; i++)
    if (g_str_has_suffix (name, suffixes[i]))
      return TRUE;
  return FALSE;
}

static const char *
value (Check        *check,
       ShenbaoField  field)
{
  return shenbao_application_get (check->application, field);
}

static const char *
field_name (ShenbaoField field)
{
  return shenbao_field_name (field);
}

/* A required field that is empty gives one finding, and FALSE so that the
 * caller skips the checks of its value. */
static gboolean
require (Check        *check,
         ShenbaoField  field,
         const char   *label)
{
  if (!is_blank (value (check, field)))
    return TRUE;
  error_at (check, field_name (field), "required", _("%s is not filled in"), label);
  return FALSE;
}

static gboolean
parse_date (Check      *check,
            const char *field,
            const char *label,
            const char *text,
            GDate      *date)
{
  g_autoptr(GError) error = NULL;

  if (shenbao_date_parse (text, date, &error))
    return TRUE;
  error_at (check, field, "date.invalid", _("%s: %s"), label, error->message);
  return FALSE;
}

static gboolean
parse_year_month (Check            *check,
                  const char       *field,
                  const char       *label,
                  const char       *text,
                  ShenbaoYearMonth *ym)
{
  g_autoptr(GError) error = NULL;

  /* An empty field is missing, not malformed: its message quotes nothing. */
  if (is_blank (text))
    {
      error_at (check, field, "required", _("%s is not filled in"), label);
      return FALSE;
    }
  if (shenbao_year_month_parse (text, ym, &error))
    return TRUE;
  error_at (check, field, "year-month.invalid", _("%s: %s"), label, error->message);
  return FALSE;
}

static void
check_listed (Check        *check,
              ShenbaoField  field,
              ShenbaoList   list,
              const char   *label)
{
  const char * const *items = shenbao_catalogue_get_list (check->catalogue, list);
  const char *text = value (check, field);
  ShenbaoFinding *finding;

  if (is_blank (text) || shenbao_names_match (items, text) != NULL)
    return;
  finding = error_at (check, field_name (field), "not-listed",
                      _("%s “%s” is not one of the portal’s choices"), label, text);
  suggest (finding, items, text);
}

/* —— person (step 1, 基础信息) —— */

static void
check_id_number (Check *check)
{
  const char *field = field_name (SHENBAO_FIELD_PERSON_ID_NUMBER);
  g_autoptr(GError) error = NULL;
  ShenbaoIdNumber id;
  const char *gender;
  GDate typed_birth;

  if (!require (check, SHENBAO_FIELD_PERSON_ID_NUMBER, _("The ID number")))
    return;
  if (!shenbao_id_number_parse (value (check, SHENBAO_FIELD_PERSON_ID_NUMBER), &check->today, &id, &error))
    {
      error_at (check, field, "id-number.invalid", "%s", error->message);
      return;
    }
  check->birth = id.birth_date;
  check->birth_set = TRUE;

  gender = value (check, SHENBAO_FIELD_PERSON_GENDER);
  if (!is_blank (gender) && shenbao_gender_from_string (gender) != id.gender)
    error_at (check, field_name (SHENBAO_FIELD_PERSON_GENDER), "gender.mismatch",
              _("The gender (%s) does not match the ID number, which is a %s’s"),
              gender, shenbao_gender_to_string (id.gender));

  if (shenbao_date_parse (value (check, SHENBAO_FIELD_PERSON_BIRTH_DATE), &typed_birth, NULL)
      && g_date_compare (&typed_birth, &id.birth_date) != 0)
    {
      g_autofree char *from_id = shenbao_date_format (&id.birth_date);

      error_at (check, field_name (SHENBAO_FIELD_PERSON_BIRTH_DATE), "birth-date.mismatch",
                _("The birth date does not match the ID number, which gives %s"), from_id);
    }
}

static void
check_id_validity (Check *check)
{
  const char *field = field_name (SHENBAO_FIELD_PERSON_ID_VALID_UNTIL);
  const char *text = value (check, SHENBAO_FIELD_PERSON_ID_VALID_UNTIL);
  GDate valid_until, deadline;

  if (!require (check, SHENBAO_FIELD_PERSON_ID_VALID_UNTIL, _("The ID card’s expiry date")))
    return;
  if (g_str_equal (text, "长期"))
    return;
  if (!parse_date (check, field, _("The ID card’s expiry date"), text, &valid_until))
    return;
  /* Guide §三.6: the ID card must be within its validity. */
  if (g_date_compare (&valid_until, &check->today) < 0)
    {
      error_at (check, field, "id-validity.expired",
                _("The ID card expired on %s: renew it before applying (the portal rejects an expired card)"), text);
      return;
    }
  if (shenbao_application_get_date (check->application, SHENBAO_FIELD_PLAN_DEADLINE, &deadline)
      && g_date_compare (&valid_until, &deadline) < 0)
    {
      g_autofree char *deadline_text = shenbao_date_format (&deadline);

      warning_at (check, field, "id-validity.before-deadline",
                  _("The ID card expires on %s, before the plan’s registration deadline (%s): renew the card "
                    "first and apply with the new one"), text, deadline_text);
    }
}

static void
check_contact (Check *check)
{
  const char *mobile = value (check, SHENBAO_FIELD_PERSON_MOBILE);
  const char *phone = value (check, SHENBAO_FIELD_PERSON_PHONE);
  const char *email = value (check, SHENBAO_FIELD_PERSON_EMAIL);
  const char *postcode = value (check, SHENBAO_FIELD_PERSON_POSTCODE);

  if (require (check, SHENBAO_FIELD_PERSON_MOBILE, _("The mobile number"))
      && !g_regex_match_simple ("^1[3-9][0-9]{9}$", mobile, 0, 0))
    error_at (check, field_name (SHENBAO_FIELD_PERSON_MOBILE), "mobile.invalid",
              _("“%s” is not a mainland mobile number (11 digits starting with 13 to 19)"), mobile);

  if (!is_blank (phone) && !g_regex_match_simple ("^\\+?[0-9][0-9 -]{5,19}$", phone, 0, 0))
    error_at (check, field_name (SHENBAO_FIELD_PERSON_PHONE), "phone.invalid",
              _("“%s” is not a telephone number (digits, with an area code such as 010-12345678)"), phone);

  if (require (check, SHENBAO_FIELD_PERSON_EMAIL, _("The email address"))
      && !g_regex_match_simple ("^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}$",
                                email, 0, 0))
    error_at (check, field_name (SHENBAO_FIELD_PERSON_EMAIL), "email.invalid",
              _("“%s” is not an email address (such as name@example.com)"), email);

  if (!is_blank (postcode) && !g_regex_match_simple ("^[0-9]{6}$", postcode, 0, 0))
    error_at (check, field_name (SHENBAO_FIELD_PERSON_POSTCODE), "postcode.invalid",
              _("“%s” is not a postcode (6 digits)"), postcode);
}

static void
check_person (Check *check)
{
  const char *identity = value (check, SHENBAO_FIELD_PERSON_IDENTITY);

  require (check, SHENBAO_FIELD_PERSON_NAME, _("The name"));
  require (check, SHENBAO_FIELD_PERSON_GENDER, _("The gender"));
  require (check, SHENBAO_FIELD_PERSON_BIRTH_DATE, _("The birth date"));
  require (check, SHENBAO_FIELD_PERSON_ETHNICITY, _("The ethnic group"));
  require (check, SHENBAO_FIELD_PERSON_EDUCATION_LEVEL, _("The education level"));
  check_id_number (check);
  check_id_validity (check);
  check_contact (check);

  check_listed (check, SHENBAO_FIELD_PERSON_ETHNICITY, SHENBAO_LIST_ETHNIC_GROUPS, _("The ethnic group"));
  check_listed (check, SHENBAO_FIELD_PERSON_EDUCATION_LEVEL, SHENBAO_LIST_EDUCATION_LEVELS, _("The education level"));
  check_listed (check, SHENBAO_FIELD_PERSON_ASSESSMENT_CATEGORY, SHENBAO_LIST_ASSESSMENT_CATEGORIES,
                _("The assessment category"));
  check_listed (check, SHENBAO_FIELD_PERSON_SOURCE, SHENBAO_LIST_SOURCES, _("The candidate source"));
  check_listed (check, SHENBAO_FIELD_PERSON_IDENTITY, SHENBAO_LIST_IDENTITIES, _("The identity"));

  /* Guide §三.4: 所有报考人员选择"职工身份". */
  if (!is_blank (identity)
      && g_strcmp0 (identity, shenbao_catalogue_get_list_default (check->catalogue, SHENBAO_LIST_IDENTITIES)) != 0)
    warning_at (check, field_name (SHENBAO_FIELD_PERSON_IDENTITY), "identity.not-employee",
                _("The guide asks every candidate to choose the employee identity (职工身份), whatever their job"));
}

/* —— what is applied for —— */

static void
check_application (Check *check)
{
  const char *occupation = value (check, SHENBAO_FIELD_OCCUPATION);
  const char *level = value (check, SHENBAO_FIELD_LEVEL);
  const char *condition = value (check, SHENBAO_FIELD_CONDITION);
  GDate deadline;

  if (require (check, SHENBAO_FIELD_OCCUPATION, _("The occupation applied for"))
      && !shenbao_catalogue_has_occupation (check->catalogue, occupation))
    {
      ShenbaoFinding *finding =
        error_at (check, field_name (SHENBAO_FIELD_OCCUPATION), "occupation.unknown",
                  _("“%s” is not an occupation of this guide"), occupation);

      suggest (finding, shenbao_catalogue_get_occupations (check->catalogue), occupation);
    }

  if (!is_blank (level) && !g_str_equal (level, "4") && !g_str_equal (level, "四级"))
    error_at (check, field_name (SHENBAO_FIELD_LEVEL), "level.not-4",
              _("This guide is for level 4 (四级) only, not “%s”"), level);

  if (require (check, SHENBAO_FIELD_CONDITION, _("The application condition"))
      && shenbao_application_get_condition (check->application) == 0)
    error_at (check, field_name (SHENBAO_FIELD_CONDITION), "condition.unknown",
              _("The condition must be 1, 2 or 3, not “%s”"), condition);

  if (!is_blank (value (check, SHENBAO_FIELD_PLAN_DEADLINE)))
    parse_date (check, field_name (SHENBAO_FIELD_PLAN_DEADLINE), _("The registration deadline"),
                value (check, SHENBAO_FIELD_PLAN_DEADLINE), &deadline);

  if (require (check, SHENBAO_FIELD_SIGNATURE_DATE, _("The signature date")))
    check->signature_set = parse_date (check, field_name (SHENBAO_FIELD_SIGNATURE_DATE), _("The signature date"),
                                       value (check, SHENBAO_FIELD_SIGNATURE_DATE), &check->signature);
}

/* —— work history (conditions 1 and 2) —— */

static gboolean
relevant_occupation (ShenbaoCatalogue *catalogue,
                     const char       *applied,
                     const char       *held)
{
  const char * const applied_only[] = { applied, NULL };

  return shenbao_names_match (applied_only, held) != NULL
         || shenbao_names_match (shenbao_catalogue_get_related_occupations (catalogue, applied), held) != NULL;
}

gboolean
shenbao_rules_work_entry_span (ShenbaoApplication *application,
                               ShenbaoWorkEntry   *entry,
                               ShenbaoYearMonth   *from,
                               ShenbaoYearMonth   *to)
{
  GDate signature;

  if (!shenbao_year_month_parse (shenbao_work_entry_get (entry, SHENBAO_WORK_FIELD_FROM), from, NULL))
    return FALSE;
  if (shenbao_work_entry_is_present (entry))
    {
      if (!shenbao_application_get_date (application, SHENBAO_FIELD_SIGNATURE_DATE, &signature))
        return FALSE;
      *to = shenbao_year_month_from_date (&signature);
      return TRUE;
    }
  return shenbao_year_month_parse (shenbao_work_entry_get (entry, SHENBAO_WORK_FIELD_TO), to, NULL);
}

ShenbaoYearMonth
shenbao_rules_counted_after (const GDate *issued)
{
  return shenbao_year_month_from_date (issued) + 1;
}

int
shenbao_rules_count_work_months (ShenbaoApplication *application,
                                 ShenbaoCatalogue   *catalogue,
                                 ShenbaoYearMonth    since,
                                 ShenbaoYearMonth   *first,
                                 ShenbaoYearMonth   *last)
{
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (ShenbaoMonthSpan));
  const char *applied = shenbao_application_get (application, SHENBAO_FIELD_OCCUPATION);
  guint n_entries = shenbao_application_get_n_work_entries (application);

  for (guint i = 0; i < n_entries; i++)
    {
      g_autoptr(ShenbaoWorkEntry) entry = shenbao_application_get_work_entry (application, i);
      ShenbaoMonthSpan span;

      if (relevant_occupation (catalogue, applied, shenbao_work_entry_get (entry, SHENBAO_WORK_FIELD_OCCUPATION))
          && shenbao_rules_work_entry_span (application, entry, &span.from, &span.to))
        g_array_append_val (spans, span);
    }
  return shenbao_month_spans_count ((const ShenbaoMonthSpan *) spans->data, spans->len, since, first, last);
}

static void
check_employer (Check            *check,
                ShenbaoWorkEntry *entry,
                const char       *prefix)
{
  const char *employer = shenbao_work_entry_get (entry, SHENBAO_WORK_FIELD_EMPLOYER);
  g_autofree char *field = g_strconcat (prefix, "employer", NULL);

  if (is_blank (employer))
    {
      error_at (check, field, "required", _("The employer’s full name is not filled in"));
      return;
    }
  /* Guide 说明 4: 工作单位需填写全称. */
  if (g_utf8_strlen (employer, -1) < MIN_FULL_NAME_CHARACTERS
      || !has_suffix (employer, organisation_suffixes, G_N_ELEMENTS (organisation_suffixes)))
    warning_at (check, field, "employer.short-name",
                _("“%s” does not look like a full registered name: write it as on the business licence, "
                  "such as 北京某某科技有限公司"), employer);
}

/* The applied occupation and its related ones, NULL-terminated. */
static GPtrArray *
relevant_occupations (Check *check)
{
  const char *applied = value (check, SHENBAO_FIELD_OCCUPATION);
  const char * const *related = shenbao_catalogue_get_related_occupations (check->catalogue, applied);
  GPtrArray *choices = g_ptr_array_new ();

  g_ptr_array_add (choices, (gpointer) applied);
  for (guint i = 0; related[i] != NULL; i++)
    g_ptr_array_add (choices, (gpointer) related[i]);
  g_ptr_array_add (choices, NULL);
  return choices;
}

static void
check_work_occupation (Check            *check,
                       ShenbaoWorkEntry *entry,
                       const char       *prefix)
{
  const char *applied = value (check, SHENBAO_FIELD_OCCUPATION);
  const char *held = shenbao_work_entry_get (entry, SHENBAO_WORK_FIELD_OCCUPATION);
  g_autofree char *field = g_strconcat (prefix, "occupation", NULL);
  g_autoptr(GPtrArray) choices = NULL;
  ShenbaoFinding *finding;

  if (is_blank (held))
    {
      error_at (check, field, "required", _("The occupation held is not filled in"));
      return;
    }
  if (!shenbao_catalogue_has_occupation (check->catalogue, applied)
      || relevant_occupation (check->catalogue, applied, held))
    return;

  /* Guide 说明 3: write the applied occupation or a listed related one; the
   * lists end in 等, but only a listed name passes the review. */
  finding = error_at (check, field, "work.occupation.unrelated",
                      _("“%s” is neither %s nor one of its related occupations listed in the guide; "
                        "the form must name a listed occupation (guide note 3)"), held, applied);
  choices = relevant_occupations (check);
  suggest (finding, (const char * const *) choices->pdata, held);
}

static void
check_work_dates (Check            *check,
                  ShenbaoWorkEntry *entry,
                  const char       *prefix)
{
  g_autofree char *from_field = g_strconcat (prefix, "from", NULL);
  g_autofree char *to_field = g_strconcat (prefix, "to", NULL);
  g_autofree char *founded_field = g_strconcat (prefix, "founded", NULL);
  g_autofree char *deregistered_field = g_strconcat (prefix, "deregistered", NULL);
  const char *founded_text = shenbao_work_entry_get (entry, SHENBAO_WORK_FIELD_FOUNDED);
  const char *deregistered_text = shenbao_work_entry_get (entry, SHENBAO_WORK_FIELD_DEREGISTERED);
  const char *to_text = shenbao_work_entry_get (entry, SHENBAO_WORK_FIELD_TO);
  gboolean present = shenbao_work_entry_is_present (entry);
  ShenbaoYearMonth from = 0, to = 0;
  gboolean from_ok, to_ok = FALSE;
  GDate founded, deregistered;
  gboolean founded_ok = FALSE, deregistered_ok = FALSE;

  from_ok = parse_year_month (check, from_field, _("The start of the work"),
                              shenbao_work_entry_get (entry, SHENBAO_WORK_FIELD_FROM), &from);
  if (present)
    {
      if (check->signature_set)
        {
          to = shenbao_year_month_from_date (&check->signature);
          to_ok = TRUE;
        }
    }
  else
    to_ok = parse_year_month (check, to_field, _("The end of the work (a year and month, or 至今)"), to_text, &to);

  if (is_blank (founded_text))
    warning_at (check, founded_field, "employer.founded.missing",
                _("The employer’s founding date is not filled in: look it up (国家企业信用信息公示系统) "
                  "so that the work does not start before it (guide note 4)"));
  else
    founded_ok = parse_date (check, founded_field, _("The employer’s founding date"), founded_text, &founded);
  if (!is_blank (deregistered_text))
    deregistered_ok = parse_date (check, deregistered_field, _("The employer’s deregistration date"),
                                  deregistered_text, &deregistered);

  if (from_ok && to_ok && from > to)
    error_at (check, from_field, "work.start-after-end", _("The work starts after it ends"));

  /* Guide 说明 4: the work may not conflict with the employer's founding and
   * deregistration, nor with the date the form is signed. */
  if (from_ok && founded_ok && from < shenbao_year_month_from_date (&founded))
    error_at (check, from_field, "work.before-founding",
              _("The work starts before the employer was founded (%s)"), founded_text);
  if (deregistered_ok && present)
    error_at (check, to_field, "work.present-after-deregistration",
              _("The employer was deregistered on %s, so the work cannot last until now (至今)"), deregistered_text);
  else if (to_ok && deregistered_ok && to > shenbao_year_month_from_date (&deregistered))
    error_at (check, to_field, "work.after-deregistration",
              _("The work ends after the employer was deregistered (%s)"), deregistered_text);
  if (to_ok && !present && check->signature_set && to > shenbao_year_month_from_date (&check->signature))
    error_at (check, to_field, "work.after-signature",
              _("The work ends after the signature date: the form cannot promise work that has not happened"));

  if (from_ok && check->birth_set)
    {
      GDate sixteenth = check->birth;

      g_date_add_years (&sixteenth, MIN_WORKING_AGE);
      if (from < shenbao_year_month_from_date (&sixteenth))
        warning_at (check, from_field, "work.under-16",
                    _("The work starts before the 16th birthday: the reviewer will question it"));
    }
}

static void
check_work (Check *check)
{
  guint n_entries = shenbao_application_get_n_work_entries (check->application);

  if (n_entries == 0)
    {
      error_at (check, "work", "work.missing",
                _("The chosen condition needs a work history: add the work in this or a related occupation"));
      return;
    }
  for (guint i = 0; i < n_entries; i++)
    {
      g_autoptr(ShenbaoWorkEntry) entry = shenbao_application_get_work_entry (check->application, i);
      g_autofree char *prefix = g_strdup_printf ("work/%u/", i + 1);

      check_employer (check, entry, prefix);
      check_work_dates (check, entry, prefix);
      check_work_occupation (check, entry, prefix);
    }
}

/* —— previous certificate (condition 2) —— */

static gboolean
certificate_level_is_5 (const char *level)
{
  return g_str_equal (level, "5") || g_str_equal (level, SHENBAO_CERTIFICATE_LEVEL_5) || g_str_equal (level, "五级/初级工");
}

/* The first month that counts for condition 2 (guide §一: the months after
 * the certificate's issue month), or UNSET. */
static ShenbaoYearMonth
check_certificate (Check *check)
{
  const char *occupation = value (check, SHENBAO_FIELD_CERTIFICATE_OCCUPATION);
  const char *level = value (check, SHENBAO_FIELD_CERTIFICATE_LEVEL);
  const char *applied = value (check, SHENBAO_FIELD_OCCUPATION);
  GDate issued;

  if (require (check, SHENBAO_FIELD_CERTIFICATE_OCCUPATION, _("The certificate’s occupation"))
      && shenbao_catalogue_has_occupation (check->catalogue, applied)
      && !relevant_occupation (check->catalogue, applied, occupation))
    {
      ShenbaoFinding *finding =
        error_at (check, field_name (SHENBAO_FIELD_CERTIFICATE_OCCUPATION), "certificate.occupation.unrelated",
                  _("The certificate is for “%s”, which is neither %s nor a related occupation: condition 2 "
                    "needs a level-5 certificate of one of them"), occupation, applied);

      g_autoptr(GPtrArray) choices = relevant_occupations (check);
      /* A certificate cannot be renamed: the candidate needs the whole
       * list of those that count, not the names closest to the wrong one. */
      g_autofree char *joined = g_strjoinv (_(", "), (char **) choices->pdata);

      finding->suggestion = g_strdup_printf (_("Certificates that count: %s"), joined);
    }
  if (require (check, SHENBAO_FIELD_CERTIFICATE_LEVEL, _("The certificate’s level"))
      && !certificate_level_is_5 (level))
    error_at (check, field_name (SHENBAO_FIELD_CERTIFICATE_LEVEL), "certificate.level",
              _("Condition 2 needs a level-5 (五级/初级工) certificate, not “%s”"), level);
  require (check, SHENBAO_FIELD_CERTIFICATE_NUMBER, _("The certificate number"));
  if (!require (check, SHENBAO_FIELD_CERTIFICATE_ISSUED, _("The certificate’s issue date"))
      || !parse_date (check, field_name (SHENBAO_FIELD_CERTIFICATE_ISSUED), _("The certificate’s issue date"),
                      value (check, SHENBAO_FIELD_CERTIFICATE_ISSUED), &issued))
    return SHENBAO_YEAR_MONTH_UNSET;
  if (g_date_compare (&issued, &check->today) > 0)
    {
      error_at (check, field_name (SHENBAO_FIELD_CERTIFICATE_ISSUED), "certificate.issued.future",
                _("The certificate’s issue date is in the future"));
      return SHENBAO_YEAR_MONTH_UNSET;
    }
  return shenbao_rules_counted_after (&issued);
}

/* —— education (condition 3) —— */

gboolean
shenbao_rules_is_higher_education (const char *school_type)
{
  return g_strv_contains (higher_education_school_types, school_type);
}

/* The year in which the school year holding day began: school years run
 * from September through August (应届 is the class that graduates
 * by the end of the school year the form is signed in). */
static int
school_year_start (const GDate *day)
{
  return g_date_get_year (day) - (g_date_get_month (day) >= 9 ? 0 : 1);
}

/* 在读应届: a graduation from the signature month through the August that
 * ends its school year, so that a student graduating next month is 应届
 * whatever the calendar month, August excepted: September begins the next
 * school year. */
static void
check_graduation_this_year (Check            *check,
                            ShenbaoYearMonth  to)
{
  const char *field = field_name (SHENBAO_FIELD_EDUCATION_TO);
  const char *typed = value (check, SHENBAO_FIELD_EDUCATION_TO);
  int start = school_year_start (&check->signature);
  ShenbaoYearMonth signed_month = shenbao_year_month_from_date (&check->signature);
  ShenbaoYearMonth year_end = shenbao_year_month_make (start + 1, 8);

  if (to < signed_month)
    error_at (check, field, "education.graduation-past",
              _("The graduation typed (%s) lies before the signature date: a student who has graduated is "
                "not 在读应届; choose 已毕业"), typed);
  else if (to > year_end)
    error_at (check, field, "education.not-this-year",
              _("Only students who graduate by the end of the %d—%d school year (%d-08) count as 在读应届; "
                "the graduation typed is %s"), start, start + 1, start + 1, typed);
}

static void
check_education_dates (Check      *check,
                       const char *status)
{
  const char *from_field = field_name (SHENBAO_FIELD_EDUCATION_FROM);
  const char *to_field = field_name (SHENBAO_FIELD_EDUCATION_TO);
  ShenbaoYearMonth from = 0, to = 0;
  gboolean from_ok, to_ok;

  from_ok = require (check, SHENBAO_FIELD_EDUCATION_FROM, _("The start of the studies"))
            && parse_year_month (check, from_field, _("The start of the studies"),
                                 value (check, SHENBAO_FIELD_EDUCATION_FROM), &from);
  to_ok = require (check, SHENBAO_FIELD_EDUCATION_TO, _("The graduation"))
          && parse_year_month (check, to_field, _("The graduation"), value (check, SHENBAO_FIELD_EDUCATION_TO), &to);
  if (from_ok && to_ok && from >= to)
    error_at (check, from_field, "education.start-after-end", _("The studies start after they end"));
  if (!to_ok || !check->signature_set)
    return;

  if (g_str_equal (status, SHENBAO_EDUCATION_GRADUATED) && to > shenbao_year_month_from_date (&check->signature))
    error_at (check, to_field, "education.graduated-in-future",
              _("The graduation lies after the signature date: choose 在读应届 if you graduate this school year"));
  else if (g_str_equal (status, SHENBAO_EDUCATION_GRADUATING))
    check_graduation_this_year (check, to);
}

/* The other occupations of the guide whose list for the school type names
 * the major, joined, or NULL: the candidate may have chosen the wrong one. */
static char *
occupations_listing (Check      *check,
                     const char *major,
                     const char *school_type)
{
  const char * const *occupations = shenbao_catalogue_get_occupations (check->catalogue);
  const char *applied = value (check, SHENBAO_FIELD_OCCUPATION);
  g_autoptr(GStrvBuilder) listing = g_strv_builder_new ();
  g_auto(GStrv) names = NULL;

  for (guint i = 0; occupations[i] != NULL; i++)
    {
      const char * const *majors = shenbao_catalogue_get_majors (check->catalogue, occupations[i], school_type);

      if (!g_str_equal (occupations[i], applied) && majors != NULL && shenbao_names_match (majors, major) != NULL)
        g_strv_builder_add (listing, occupations[i]);
    }
  names = g_strv_builder_end (listing);
  /* Translators: the separator between suggested names */
  return names[0] != NULL ? g_strjoinv (_(", "), names) : NULL;
}

/* Guide 说明 5: the lists end in 等, but only a listed major passes. The
 * message says which list judged it and where else the major is listed. */
static void
check_major (Check      *check,
             const char *school_type)
{
  const char *applied = value (check, SHENBAO_FIELD_OCCUPATION);
  const char *major = value (check, SHENBAO_FIELD_EDUCATION_MAJOR);
  const char * const *majors = shenbao_catalogue_get_majors (check->catalogue, applied, school_type);
  gboolean by_school_type = shenbao_catalogue_majors_by_school_type (check->catalogue, applied);
  const char *judged_as = shenbao_catalogue_get_judged_as (check->catalogue, school_type);
  g_autoptr(GString) message = g_string_new (NULL);
  g_autofree char *elsewhere = NULL;
  ShenbaoFinding *finding;

  if (majors == NULL || shenbao_names_match (majors, major) != NULL)
    return;
  if (by_school_type)
    g_string_printf (message, _("The major “%s” is not listed for %s at a %s; the form must name a listed major "
                                "(guide note 5)"), major, applied, school_type);
  else
    g_string_printf (message, _("The major “%s” is not listed for %s; the form must name a listed major "
                                "(guide note 5)"), major, applied);
  if (by_school_type && judged_as != NULL)
    {
      g_string_append (message, _("; "));
      g_string_append_printf (message, _("a %s is judged by the %s list"), school_type, judged_as);
    }
  elsewhere = occupations_listing (check, major, school_type);
  if (elsewhere != NULL)
    {
      g_string_append (message, _("; "));
      g_string_append_printf (message, _("“%s” is listed for %s: apply for that occupation, or name a major "
                                         "listed for %s"), major, elsewhere, applied);
    }
  finding = error_at (check, field_name (SHENBAO_FIELD_EDUCATION_MAJOR), "education.major.unlisted", "%s",
                      message->str);
  suggest (finding, majors, major);
}

static void
check_education (Check *check)
{
  const char *school_type = value (check, SHENBAO_FIELD_EDUCATION_SCHOOL_TYPE);
  const char *school = value (check, SHENBAO_FIELD_EDUCATION_SCHOOL);
  const char *status = value (check, SHENBAO_FIELD_EDUCATION_STATUS);
  const char * const *school_types = shenbao_catalogue_get_list (check->catalogue, SHENBAO_LIST_SCHOOL_TYPES);
  gboolean type_ok;

  type_ok = require (check, SHENBAO_FIELD_EDUCATION_SCHOOL_TYPE, _("The school type"));
  if (type_ok && !g_strv_contains (school_types, school_type))
    {
      error_at (check, field_name (SHENBAO_FIELD_EDUCATION_SCHOOL_TYPE), "not-listed",
                _("“%s” is not a school type of the guide"), school_type);
      type_ok = FALSE;
    }

  if (require (check, SHENBAO_FIELD_EDUCATION_SCHOOL, _("The school’s full name"))
      && (g_utf8_strlen (school, -1) < 4 || !has_suffix (school, school_suffixes, G_N_ELEMENTS (school_suffixes))))
    warning_at (check, field_name (SHENBAO_FIELD_EDUCATION_SCHOOL), "school.short-name",
                _("“%s” does not look like a school’s full name as printed on the diploma"), school);

  if (require (check, SHENBAO_FIELD_EDUCATION_MAJOR, _("The major")) && type_ok)
    check_major (check, school_type);

  if (require (check, SHENBAO_FIELD_EDUCATION_STATUS, _("The graduation status"))
      && !g_str_equal (status, SHENBAO_EDUCATION_GRADUATED) && !g_str_equal (status, SHENBAO_EDUCATION_GRADUATING))
    error_at (check, field_name (SHENBAO_FIELD_EDUCATION_STATUS), "education.status",
              _("The status must be 已毕业 or 在读应届, not “%s”"), status);
  check_education_dates (check, status);

  /* Guide §二 (学历 row): 专科及以上学历需提供学信网验证码. */
  if (type_ok && shenbao_rules_is_higher_education (school_type)
      && is_blank (value (check, SHENBAO_FIELD_EDUCATION_CHSI_CODE)))
    error_at (check, field_name (SHENBAO_FIELD_EDUCATION_CHSI_CODE), "required",
              _("The CHSI verification code (学信网验证码) is not filled in: the form asks it for a diploma of "
                "专科 or above (a %s) so that the reviewer can verify it; get it at www.chsi.com.cn (学信档案, "
                "在线验证报告)"), school_type);
}

/* —— materials (guide §二, §三.6) —— */

static void
check_materials (Check *check,
                 int    condition)
{
  GPtrArray *materials = shenbao_catalogue_get_materials (check->catalogue, condition);
  gboolean complete = (check->flags & SHENBAO_RULES_COMPLETE) != 0;

  for (guint i = 0; i < materials->len; i++)
    {
      const ShenbaoSlot *slot = g_ptr_array_index (materials, i);
      const ShenbaoAttachment *attachment = shenbao_application_get_attachment (check->application, slot->name);
      g_autofree char *field = g_strconcat ("attachments/", slot->name, NULL);

      if (attachment == NULL)
        shenbao_findings_add (check->findings, complete ? SHENBAO_SEVERITY_ERROR : SHENBAO_SEVERITY_WARNING,
                              field, "attachment.missing", _("%s: not yet attached"), slot->name);
      else if (attachment->data == NULL && attachment->problem != NULL)
        error_at (check, field, "attachment.unreadable", _("%s: the file “%s” could not be read: %s"),
                  slot->name, attachment->filename, attachment->problem);
      else if (attachment->data == NULL)
        error_at (check, field, "attachment.unreadable", _("%s: the file “%s” could not be read"),
                  slot->name, attachment->filename);
    }
}

static void
check_signature_date (Check *check)
{
  if (check->signature_set && g_date_compare (&check->signature, &check->today) > 0)
    warning_at (check, field_name (SHENBAO_FIELD_SIGNATURE_DATE), "signature.future",
                _("The signature date is in the future: sign on the day you write the forms"));
}

/* Runs a section's checks. Findings are kept when the section belongs to the
 * chosen condition; otherwise the section is judged quietly, only to tell
 * whether the candidate would also meet that condition. Returns TRUE when it
 * found no error. */
static gboolean
run_section (Check    *check,
             gboolean  report,
             void    (*section) (Check *check, gpointer data),
             gpointer  data)
{
  g_autoptr(GPtrArray) quiet = shenbao_findings_new ();
  GPtrArray *findings = check->findings;
  GPtrArray *target = report ? findings : quiet;
  guint before = target->len;
  gboolean passes = TRUE;

  check->findings = target;
  section (check, data);
  check->findings = findings;
  for (guint i = before; i < target->len; i++)
    if (((ShenbaoFinding *) g_ptr_array_index (target, i))->severity == SHENBAO_SEVERITY_ERROR)
      passes = FALSE;
  return passes;
}

static void
certificate_section (Check    *check,
                     gpointer  since)
{
  *(ShenbaoYearMonth *) since = check_certificate (check);
}

static void
education_section (Check    *check,
                   gpointer  unused)
{
  check_education (check);
}

/* "8.8 年（共 105 个月）": the years as the forms write them, and the months
 * they round, so that the verdict and the fill-in guide read the same. */
static char *
format_duration (int months)
{
  g_autofree char *years = shenbao_months_format_years (months);

  /* Translators: a duration, as in 8.8 年（共 105 个月） */
  return g_strdup_printf (_("%s years (%d months)"), years, months);
}

static void
check_months (Check          *check,
              ShenbaoVerdict *verdict)
{
  int counted = shenbao_verdict_get_months_counted (verdict);
  g_autofree char *counted_text = format_duration (counted);
  g_autofree char *needed_text = format_duration (verdict->months_needed);

  if (counted >= verdict->months_needed)
    return;
  if (verdict->condition == 1)
    error_at (check, "work", "condition.not-met",
              _("Condition 1 needs %s of work in this or a related occupation; the history counts %s, "
                "each entry from its first month through its last"),
              needed_text, counted_text);
  else
    error_at (check, "work", "condition.not-met",
              _("Condition 2 needs %s of work after the certificate’s issue month; the history counts %s"),
              needed_text, counted_text);
}

ShenbaoVerdict *
shenbao_rules_check (ShenbaoApplication *application,
                     ShenbaoCatalogue   *catalogue,
                     ShenbaoRulesFlags   flags,
                     const GDate        *today)
{
  ShenbaoVerdict *verdict = g_new0 (ShenbaoVerdict, 1);
  Check check = { application, catalogue, flags };
  int condition = shenbao_application_get_condition (application);
  ShenbaoYearMonth since = SHENBAO_YEAR_MONTH_UNSET;
  gboolean certificate_ok, education_ok;

  check.today = *today;
  check.findings = verdict->findings = shenbao_findings_new ();
  verdict->condition = condition;

  check_application (&check);
  check_person (&check);
  check_signature_date (&check);
  if (condition == 1 || condition == 2)
    check_work (&check);
  certificate_ok = run_section (&check, condition == 2, certificate_section, &since);
  education_ok = run_section (&check, condition == 3, education_section, NULL);

  verdict->months_of_work = shenbao_rules_count_work_months (application, catalogue,
                                                             SHENBAO_YEAR_MONTH_UNSET, NULL, NULL);
  if (since != SHENBAO_YEAR_MONTH_UNSET)
    verdict->months_after_certificate = shenbao_rules_count_work_months (application, catalogue,
                                                                         since, NULL, NULL);
  verdict->met[1] = verdict->months_of_work >= shenbao_catalogue_get_condition_months (catalogue, 1);
  verdict->met[2] = certificate_ok && since != SHENBAO_YEAR_MONTH_UNSET
                    && verdict->months_after_certificate >= shenbao_catalogue_get_condition_months (catalogue, 2);
  verdict->met[3] = education_ok;

  if (condition != 0)
    {
      verdict->months_needed = shenbao_catalogue_get_condition_months (catalogue, condition);
      if (condition != 3)
        check_months (&check, verdict);
      check_materials (&check, condition);
    }
  return verdict;
}

void
shenbao_verdict_free (ShenbaoVerdict *verdict)
{
  if (verdict == NULL)
    return;
  g_ptr_array_unref (verdict->findings);
  g_free (verdict);
}

gboolean
shenbao_verdict_passes (const ShenbaoVerdict *verdict)
{
  return verdict->condition != 0 && verdict->met[verdict->condition]
         && shenbao_findings_worst (verdict->findings) != SHENBAO_SEVERITY_ERROR;
}

char *
shenbao_verdict_get_summary (const ShenbaoVerdict *verdict)
{
  if (verdict->condition == 0)
    return g_strdup (_("No condition chosen yet"));
  if (shenbao_verdict_passes (verdict))
    return g_strdup_printf (_("Meets condition %d"), verdict->condition);
  if (verdict->met[verdict->condition])
    return g_strdup_printf (_("Condition %d is met, but the application has errors to fix"), verdict->condition);
  return g_strdup_printf (_("Does not meet condition %d yet"), verdict->condition);
}

static void
add_months (GStrvBuilder *details,
            const char   *label,
            int           months)
{
  g_autofree char *duration = format_duration (months);
  /* Translators: a label and a duration, as in 累计工作时间：8.8 年（共 105 个月） */
  g_autofree char *line = g_strdup_printf (_("%s: %s"), label, duration);

  g_strv_builder_add (details, line);
}

int
shenbao_verdict_get_months_counted (const ShenbaoVerdict *verdict)
{
  switch (verdict->condition)
    {
    case 1:
      return verdict->months_of_work;
    case 2:
      return verdict->months_after_certificate;
    default:
      return 0;
    }
}

GStrv
shenbao_verdict_get_details (const ShenbaoVerdict *verdict)
{
  g_autoptr(GStrvBuilder) details = g_strv_builder_new ();
  g_autoptr(GString) also = g_string_new (NULL);

  if (verdict->condition == 1 || verdict->condition == 2)
    add_months (details, _("Months of work counted"), verdict->months_of_work);
  if (verdict->condition == 2)
    add_months (details, _("Months of work after the certificate"), verdict->months_after_certificate);
  if (verdict->months_needed > 0)
    add_months (details, _("Months needed"), verdict->months_needed);

  for (int condition = 1; condition <= 3; condition++)
    if (condition != verdict->condition && verdict->met[condition])
      g_string_append_printf (also, also->len > 0 ? ", %d" : "%d", condition);
  if (also->len > 0)
    {
      g_autofree char *line = g_strdup_printf (_("Also meets condition %s"), also->str);

      g_strv_builder_add (details, line);
    }
  return g_strv_builder_end (details);
}

GPtrArray *
shenbao_verdict_findings_for (const ShenbaoVerdict *verdict,
                              const char           *field)
{
  GPtrArray *matching = g_ptr_array_new ();

  for (guint i = 0; i < verdict->findings->len; i++)
    {
      ShenbaoFinding *finding = g_ptr_array_index (verdict->findings, i);

      if (g_strcmp0 (finding->field, field) == 0)
        g_ptr_array_add (matching, finding);
    }
  return matching;
}
