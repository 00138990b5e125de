/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "shenbao.h"

/* Each case starts from a fixture a reviewer would accept, changes a few
 * fields (and optionally replaces the work history), and says which finding
 * code must appear — or that none may — and whether the chosen condition is
 * met. "today" is 2026-11-28, the fixtures' signature date. */
typedef struct
{
  const char *field;   /* an application field, or "work/N/name" */
  const char *value;
} Change;

typedef struct
{
  const char *name;
  const char *fixture;
  Change      changes[8];
  const char *work[4];          /* "from|to|occupation|founded|deregistered|employer", replaces the history */
  const char *expect_code;      /* NULL: no error at all */
  const char *expect_field;
  ShenbaoSeverity expect_severity;
  gboolean    expect_met;
} RuleCase;

#define EMPLOYER "北京某某网络科技有限公司"

static const RuleCase cases[] = {
  { "condition 1 accepted", "condition1.xml", { { NULL } }, { NULL }, NULL, NULL, 0, TRUE },
  { "condition 2 accepted", "condition2.xml", { { NULL } }, { NULL }, NULL, NULL, 0, TRUE },
  { "condition 3 accepted", "condition3.xml", { { NULL } }, { NULL }, NULL, NULL, 0, TRUE },

  /* ID number and what follows from it */
  { "checksum", "condition1.xml", { { "person/id-number", "110105199003071238" } }, { NULL },
    "id-number.invalid", "person/id-number", SHENBAO_SEVERITY_ERROR, TRUE },
  { "legacy 15 digits", "condition1.xml", { { "person/id-number", "110105900307123" } }, { NULL },
    "id-number.invalid", "person/id-number", SHENBAO_SEVERITY_ERROR, TRUE },
  { "lower-case x", "condition1.xml", { { "person/id-number", "11010519491231002x" }, { "person/gender", "女" },
                                        { "person/birth-date", "1949-12-31" } }, { NULL },
    NULL, NULL, 0, TRUE },
  { "gender mismatch", "condition1.xml", { { "person/gender", "女" } }, { NULL },
    "gender.mismatch", "person/gender", SHENBAO_SEVERITY_ERROR, TRUE },
  { "birth date mismatch", "condition1.xml", { { "person/birth-date", "1990-03-08" } }, { NULL },
    "birth-date.mismatch", "person/birth-date", SHENBAO_SEVERITY_ERROR, TRUE },
  { "ID expired", "condition1.xml", { { "person/id-valid-until", "2026-11-27" } }, { NULL },
    "id-validity.expired", "person/id-valid-until", SHENBAO_SEVERITY_ERROR, TRUE },
  { "ID expires before deadline", "condition1.xml", { { "person/id-valid-until", "2026-12-01" } }, { NULL },
    "id-validity.before-deadline", "person/id-valid-until", SHENBAO_SEVERITY_WARNING, TRUE },
  { "ID valid 长期", "condition1.xml", { { "person/id-valid-until", "长期" } }, { NULL }, NULL, NULL, 0, TRUE },
  { "ID validity impossible date", "condition1.xml", { { "person/id-valid-until", "2031-02-30" } }, { NULL },
    "date.invalid", "person/id-valid-until", SHENBAO_SEVERITY_ERROR, TRUE },

  /* contact */
  { "mobile 12", "condition1.xml", { { "person/mobile", "12800138000" } }, { NULL },
    "mobile.invalid", "person/mobile", SHENBAO_SEVERITY_ERROR, TRUE },
  { "mobile short", "condition1.xml", { { "person/mobile", "1380013800" } }, { NULL },
    "mobile.invalid", "person/mobile", SHENBAO_SEVERITY_ERROR, TRUE },
  { "email", "condition1.xml", { { "person/email", "zhangsan@example" } }, { NULL },
    "email.invalid", "person/email", SHENBAO_SEVERITY_ERROR, TRUE },
  { "postcode", "condition1.xml", { { "person/postcode", "10004" } }, { NULL },
    "postcode.invalid", "person/postcode", SHENBAO_SEVERITY_ERROR, TRUE },
  { "postcode optional", "condition1.xml", { { "person/postcode", "" } }, { NULL }, NULL, NULL, 0, TRUE },
  { "name missing", "condition1.xml", { { "person/name", "" } }, { NULL },
    "required", "person/name", SHENBAO_SEVERITY_ERROR, TRUE },
  { "ethnicity unknown", "condition1.xml", { { "person/ethnicity", "汉" } }, { NULL },
    "not-listed", "person/ethnicity", SHENBAO_SEVERITY_ERROR, TRUE },
  { "identity student", "condition1.xml", { { "person/identity", "学生" } }, { NULL },
    "identity.not-employee", "person/identity", SHENBAO_SEVERITY_WARNING, TRUE },
  { "rare characters in names", "condition1.xml", { { "person/name", "王堃" } }, { NULL }, NULL, NULL, 0, TRUE },
  { "condition 4", "condition1.xml", { { "condition", "4" } }, { NULL },
    "condition.unknown", "condition", SHENBAO_SEVERITY_ERROR, FALSE },
  { "unknown occupation", "condition1.xml", { { "occupation", "互联网营销员" } }, { NULL },
    "occupation.unknown", "occupation", SHENBAO_SEVERITY_ERROR, FALSE },

  /* months of work: condition 1 needs 60, both end months included, 至今
   * running through the signature month 2026-11 */
  { "condition 1: five calendar years", "condition1.xml", { { NULL } }, { "2018-01|2022-12|营销员" },
    NULL, NULL, 0, TRUE },                                                          /* 60 */
  { "condition 1: a month short", "condition1.xml", { { NULL } }, { "2018-02|2022-12|营销员" },
    "condition.not-met", "work", SHENBAO_SEVERITY_ERROR, FALSE },                  /* 59 */
  { "condition 1: 60 months to 至今", "condition1.xml", { { NULL } }, { "2021-12|至今|营销员" }, NULL, NULL, 0, TRUE },
  { "condition 1: 59 months to 至今", "condition1.xml", { { NULL } }, { "2022-01|至今|营销员" },
    "condition.not-met", "work", SHENBAO_SEVERITY_ERROR, FALSE },
  { "至今 at a past signature date", "condition1.xml", { { "signature-date", "2025-06-30" } },
    { "2020-07|至今|营销员" }, NULL, NULL, 0, TRUE },                                /* 60 */
  { "至今 at a past signature date, a month short", "condition1.xml", { { "signature-date", "2025-06-30" } },
    { "2020-08|至今|营销员" }, "condition.not-met", "work", SHENBAO_SEVERITY_ERROR, FALSE },
  { "overlapping periods count once", "condition1.xml", { { NULL } },
    { "2018-02|2020-01|营销员", "2019-01|2021-01|电子商务师", "2021-01|2022-12|播音员" },
    "condition.not-met", "work", SHENBAO_SEVERITY_ERROR, FALSE },                  /* 59 months, not 73 */
  { "adjacent periods join", "condition1.xml", { { NULL } },
    { "2018-01|2019-12|营销员", "2020-01|2022-12|网络编辑" }, NULL, NULL, 0, TRUE }, /* 60 */
  { "a gap of a month", "condition1.xml", { { NULL } },
    { "2018-01|2019-12|营销员", "2020-02|2022-12|网络编辑" },
    "condition.not-met", "work", SHENBAO_SEVERITY_ERROR, FALSE },                  /* 59 */
  { "nested period adds nothing", "condition1.xml", { { NULL } },
    { "2018-02|2022-12|营销员", "2019-01|2020-01|营销员" },
    "condition.not-met", "work", SHENBAO_SEVERITY_ERROR, FALSE },                  /* 59 */
  { "unrelated work does not count", "condition1.xml", { { NULL } },
    { "2015-01|2020-01|厨师", "2020-01|2023-01|网络编辑" },
    "work.occupation.unrelated", "work/1/occupation", SHENBAO_SEVERITY_ERROR, FALSE },
  { "another occupation, its related work", "condition1.xml", { { "occupation", "电子商务师" } },
    { "2015-01|至今|营销员" }, NULL, NULL, 0, TRUE },
  { "no work history", "condition1.xml", { { NULL } }, { "" }, "work.missing", "work", SHENBAO_SEVERITY_ERROR, FALSE },

  /* condition 2 needs 36 months after the issue month: 2023-12 through
   * 2026-11 for a certificate of 2023-11, whatever its day */
  { "condition 2: 36 months", "condition2.xml", { { "certificate/issued", "2023-11-15" } }, { NULL }, NULL, NULL, 0, TRUE },
  { "condition 2: 36 months, issued at a month's end", "condition2.xml", { { "certificate/issued", "2023-11-30" } },
    { NULL }, NULL, NULL, 0, TRUE },
  { "condition 2: 35 months", "condition2.xml", { { "certificate/issued", "2023-12-01" } }, { NULL },
    "condition.not-met", "work", SHENBAO_SEVERITY_ERROR, FALSE },
  { "condition 2: the issue month does not count", "condition2.xml", { { "certificate/issued", "2023-11-15" } },
    { "2023-11|2026-10|电子商务师" }, "condition.not-met", "work", SHENBAO_SEVERITY_ERROR, FALSE }, /* 35 */
  { "condition 2: work from the month after", "condition2.xml", { { "certificate/issued", "2023-11-15" } },
    { "2023-12|至今|电子商务师" }, NULL, NULL, 0, TRUE },                               /* 36 */
  { "certificate level 4", "condition2.xml", { { "certificate/level", "4" } }, { NULL },
    "certificate.level", "certificate/level", SHENBAO_SEVERITY_ERROR, FALSE },
  { "certificate level 五级", "condition2.xml", { { "certificate/level", "五级" } }, { NULL }, NULL, NULL, 0, TRUE },
  { "certificate unrelated", "condition2.xml", { { "certificate/occupation", "厨师" } }, { NULL },
    "certificate.occupation.unrelated", "certificate/occupation", SHENBAO_SEVERITY_ERROR, FALSE },
  { "certificate number missing", "condition2.xml", { { "certificate/number", "" } }, { NULL },
    "required", "certificate/number", SHENBAO_SEVERITY_ERROR, FALSE },

  /* dates of a work entry against the employer and the signature (guide 说明 4) */
  { "work before founding", "condition1.xml", { { NULL } }, { "2012-03|至今|营销员|2012-04-18" },
    "work.before-founding", "work/1/from", SHENBAO_SEVERITY_ERROR, TRUE },
  { "work in the founding month", "condition1.xml", { { NULL } }, { "2012-04|至今|营销员|2012-04-18" },
    NULL, NULL, 0, TRUE },
  { "work after deregistration", "condition1.xml", { { NULL } },
    { "2012-05|2020-02|营销员|2012-04-18|2020-01-31" },
    "work.after-deregistration", "work/1/to", SHENBAO_SEVERITY_ERROR, TRUE },
  { "至今 at a deregistered employer", "condition1.xml", { { NULL } },
    { "2012-05|至今|营销员|2012-04-18|2020-01-31" },
    "work.present-after-deregistration", "work/1/to", SHENBAO_SEVERITY_ERROR, TRUE },
  { "work after signature", "condition1.xml", { { NULL } }, { "2012-05|2026-12|营销员|2012-04-18" },
    "work.after-signature", "work/1/to", SHENBAO_SEVERITY_ERROR, TRUE },
  { "start after end", "condition1.xml", { { NULL } },
    { "2020-05|2019-12|营销员|2012-04-18", "2013-01|2019-12|营销员|2012-04-18" },
    "work.start-after-end", "work/1/from", SHENBAO_SEVERITY_ERROR, TRUE },
  { "impossible month", "condition1.xml", { { NULL } }, { "2019-13|至今|营销员|2012-04-18" },
    "year-month.invalid", "work/1/from", SHENBAO_SEVERITY_ERROR, FALSE },
  { "founding date missing", "condition1.xml", { { NULL } }, { "2013-01|至今|营销员|" },
    "employer.founded.missing", "work/1/founded", SHENBAO_SEVERITY_WARNING, TRUE },
  { "short employer name", "condition1.xml", { { NULL } }, { "2013-01|至今|营销员|2012-04-18||某某科技" },
    "employer.short-name", "work/1/employer", SHENBAO_SEVERITY_WARNING, TRUE },
  { "employer without suffix", "condition1.xml", { { NULL } }, { "2013-01|至今|营销员|2012-04-18||北京某某网络科技" },
    "employer.short-name", "work/1/employer", SHENBAO_SEVERITY_WARNING, TRUE },
  { "work before 16", "condition1.xml", { { NULL } }, { "2005-01|至今|营销员|2000-01-01" },
    "work.under-16", "work/1/from", SHENBAO_SEVERITY_WARNING, TRUE },
  { "signature in the future", "condition1.xml", { { "signature-date", "2026-12-01" } }, { NULL },
    "signature.future", "signature-date", SHENBAO_SEVERITY_WARNING, TRUE },

  /* education (condition 3), majors per school type */
  { "major not listed at that school type", "condition3.xml",
    { { "occupation", "电子商务师" }, { "education/school-type", "技工学校" }, { "education/major", "移动商务" },
      { "education/chsi-code", "" } }, { NULL },
    "education.major.unlisted", "education/major", SHENBAO_SEVERITY_ERROR, FALSE },
  { "major listed at that school type", "condition3.xml",
    { { "occupation", "电子商务师" }, { "education/school-type", "中等职业学校" }, { "education/major", "移动商务" },
      { "education/chsi-code", "" } }, { NULL }, NULL, NULL, 0, TRUE },
  { "研究生 judged by the undergraduate list", "condition3.xml",
    { { "education/school-type", "研究生" }, { "education/major", "网络空间安全" } }, { NULL }, NULL, NULL, 0, TRUE },
  { "one list for every school type", "condition3.xml",
    { { "occupation", "互联网营销师" }, { "education/school-type", "技工学校" }, { "education/major", "动画" } },
    { NULL }, NULL, NULL, 0, TRUE },
  { "major typed with spaces", "condition3.xml",
    { { "education/major", " 计算机 网络技术 " } }, { NULL }, NULL, NULL, 0, TRUE },
  { "CHSI code needed for 专科", "condition3.xml", { { "education/chsi-code", "" } }, { NULL },
    "required", "education/chsi-code", SHENBAO_SEVERITY_ERROR, FALSE },
  { "no CHSI code for 技工学校", "condition3.xml",
    { { "education/school-type", "技工学校" }, { "education/major", "计算机网络应用" }, { "education/chsi-code", "" },
      { "education/school", "新疆某某技工学校" } }, { NULL }, NULL, NULL, 0, TRUE },
  { "在读应届 this school year", "condition3.xml",
    { { "education/status", "在读应届" }, { "education/from", "2024-09" }, { "education/to", "2027-06" } },
    { NULL }, NULL, NULL, 0, TRUE },
  { "在读应届 next year is not 应届", "condition3.xml",
    { { "education/status", "在读应届" }, { "education/from", "2025-09" }, { "education/to", "2028-06" } },
    { NULL }, "education.not-this-year", "education/to", SHENBAO_SEVERITY_ERROR, FALSE },
  { "已毕业 in the future", "condition3.xml",
    { { "education/to", "2027-06" } }, { NULL },
    "education.graduated-in-future", "education/to", SHENBAO_SEVERITY_ERROR, FALSE },
  { "status unknown", "condition3.xml", { { "education/status", "肄业" } }, { NULL },
    "education.status", "education/status", SHENBAO_SEVERITY_ERROR, FALSE },
};

static ShenbaoApplication *
load_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
  g_autoptr(GError) error = NULL;
  ShenbaoApplication *application = shenbao_application_file_load (path, &error);

  g_assert_no_error (error);
  return application;
}

static void
replace_work (ShenbaoApplication *application,
              const char * const *work)
{
  while (shenbao_application_get_n_work_entries (application) > 0)
    shenbao_application_remove_work_entry (application, 0);

  for (guint i = 0; i < 4 && work[i] != NULL && *work[i] != '\0'; i++)
    {
      g_auto(GStrv) parts = g_strsplit (work[i], "|", -1);
      guint n_parts = g_strv_length (parts);
      g_autoptr(ShenbaoWorkEntry) entry = shenbao_work_entry_new ();

      shenbao_work_entry_set (entry, SHENBAO_WORK_FIELD_FROM, parts[0]);
      shenbao_work_entry_set (entry, SHENBAO_WORK_FIELD_TO, parts[1]);
      shenbao_work_entry_set (entry, SHENBAO_WORK_FIELD_OCCUPATION, parts[2]);
      shenbao_work_entry_set (entry, SHENBAO_WORK_FIELD_FOUNDED, n_parts > 3 ? parts[3] : "2000-01-01");
      shenbao_work_entry_set (entry, SHENBAO_WORK_FIELD_DEREGISTERED, n_parts > 4 ? parts[4] : NULL);
      shenbao_work_entry_set (entry, SHENBAO_WORK_FIELD_EMPLOYER,
                              n_parts > 5 && *parts[5] != '\0' ? parts[5] : EMPLOYER);
      shenbao_application_append_work_entry (application, entry);
    }
}

static void
apply_changes (ShenbaoApplication *application,
               const Change       *changes,
               gsize               n_changes)
{
  for (gsize j = 0; j < n_changes && changes[j].field != NULL; j++)
    {
      ShenbaoField field;

      g_assert_true (shenbao_field_from_name (changes[j].field, &field));
      shenbao_application_set (application, field, changes[j].value);
    }
}

static void
today (GDate *date)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, 28, 11, 2026);
}

static void
test_cases (void)
{
  g_autoptr(GError) error = NULL;
  ShenbaoCatalogue *catalogue = shenbao_catalogue_get_default (&error);
  GDate now;

  g_assert_no_error (error);
  today (&now);
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const RuleCase *c = &cases[i];
      g_autoptr(ShenbaoApplication) application = load_fixture (c->fixture);
      g_autoptr(ShenbaoVerdict) verdict = NULL;

      g_test_message ("case: %s", c->name);
      apply_changes (application, c->changes, G_N_ELEMENTS (c->changes));
      if (c->work[0] != NULL)
        replace_work (application, c->work);

      verdict = shenbao_rules_check (application, catalogue, SHENBAO_RULES_DEFAULT, &now);
      for (guint j = 0; j < verdict->findings->len; j++)
        {
          ShenbaoFinding *f = g_ptr_array_index (verdict->findings, j);
          g_test_message ("  %s %s %s: %s", shenbao_severity_to_string (f->severity), f->field, f->code, f->message);
        }

      if (c->expect_code == NULL)
        g_assert_cmpint (shenbao_findings_worst (verdict->findings), <, SHENBAO_SEVERITY_ERROR);
      else
        {
          gboolean found = FALSE;

          for (guint j = 0; j < verdict->findings->len; j++)
            {
              ShenbaoFinding *f = g_ptr_array_index (verdict->findings, j);

              if (g_str_equal (f->code, c->expect_code) && g_strcmp0 (f->field, c->expect_field) == 0
                  && f->severity == c->expect_severity)
                {
                  found = TRUE;
                  g_assert_cmpuint (strlen (f->message), >, 4);
                }
            }
          g_assert_true (found);
        }
      if (verdict->condition != 0)
        g_assert_cmpint (verdict->met[verdict->condition], ==, c->expect_met);
    }
}

static void
test_months (void)
{
  static const struct { const char *work[3]; int months; } month_cases[] = {
    { { "2018-01|2020-01|营销员", "2019-01|2021-01|营销员" }, 37 },
    { { "2018-01|2022-01|营销员", "2019-01|2020-01|营销员" }, 49 },
    { { "2018-01|2019-01|营销员", "2019-01|2020-01|营销员" }, 25 },
    { { "2018-01|2019-01|营销员", "2019-02|2020-01|营销员" }, 25 },
    { { "2018-01|2019-01|营销员", "2019-03|2020-01|营销员" }, 24 },
    { { "2020-01|2020-01|营销员" }, 1 },
    { { "2025-11|至今|营销员" }, 13 },
    { { "2018-01|2020-01|营销员", "2019-01|2021-01|厨师" }, 25 },
  };
  ShenbaoCatalogue *catalogue = shenbao_catalogue_get_default (NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (month_cases); i++)
    {
      g_autoptr(ShenbaoApplication) application = load_fixture ("condition1.xml");
      ShenbaoYearMonth first, last;

      replace_work (application, month_cases[i].work);
      g_assert_cmpint (shenbao_rules_count_work_months (application, catalogue, SHENBAO_YEAR_MONTH_UNSET,
                                                        &first, &last), ==, month_cases[i].months);
    }
}

static void
test_also_meets (void)
{
  ShenbaoCatalogue *catalogue = shenbao_catalogue_get_default (NULL);
  g_autoptr(ShenbaoApplication) application = load_fixture ("condition2.xml");
  g_autoptr(ShenbaoVerdict) verdict = NULL;
  GDate now;

  today (&now);
  verdict = shenbao_rules_check (application, catalogue, SHENBAO_RULES_DEFAULT, &now);
  g_assert_true (shenbao_verdict_passes (verdict));
  g_assert_true (verdict->met[1]);
  g_assert_true (verdict->met[2]);
  g_assert_false (verdict->met[3]);
  g_assert_cmpint (verdict->months_of_work, ==, 125);
  g_assert_cmpint (verdict->months_after_certificate, ==, 65);
}

/* The words a drop-down offers for a fixed-word field are the words the
 * rules accept: none of them is refused as unknown. */
static void
test_choices_accepted (void)
{
  ShenbaoCatalogue *catalogue = shenbao_catalogue_get_default (NULL);
  static const struct { const char *fixture; ShenbaoField field; const char *code; } fields[] = {
    { "condition3.xml", SHENBAO_FIELD_EDUCATION_STATUS, "education.status" },
    { "condition2.xml", SHENBAO_FIELD_CERTIFICATE_LEVEL, "certificate.level" },
  };
  GDate now;

  today (&now);
  for (gsize i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      const char * const *choices = shenbao_field_get_choices (fields[i].field);

      g_assert_nonnull (choices);
      for (gsize j = 0; choices[j] != NULL; j++)
        {
          g_autoptr(ShenbaoApplication) application = load_fixture (fields[i].fixture);
          g_autoptr(ShenbaoVerdict) verdict = NULL;

          shenbao_application_set (application, fields[i].field, choices[j]);
          verdict = shenbao_rules_check (application, catalogue, SHENBAO_RULES_DEFAULT, &now);
          g_assert_null (shenbao_findings_find (verdict->findings, fields[i].code));
        }
    }
  g_assert_cmpstrv (shenbao_field_get_choices (SHENBAO_FIELD_PERSON_GENDER),
                    ((const char * const[]) { shenbao_gender_to_string (SHENBAO_GENDER_MALE),
                                              shenbao_gender_to_string (SHENBAO_GENDER_FEMALE), NULL }));
  g_assert_null (shenbao_field_get_choices (SHENBAO_FIELD_PERSON_NAME));
}

static void
test_complete_requires_attachments (void)
{
  ShenbaoCatalogue *catalogue = shenbao_catalogue_get_default (NULL);
  g_autoptr(ShenbaoApplication) application = load_fixture ("condition1.xml");
  g_autoptr(ShenbaoVerdict) draft = NULL;
  g_autoptr(ShenbaoVerdict) final = NULL;
  g_autoptr(GPtrArray) photo = NULL;
  GDate now;

  today (&now);
  draft = shenbao_rules_check (application, catalogue, SHENBAO_RULES_DEFAULT, &now);
  g_assert_true (shenbao_verdict_passes (draft));
  photo = shenbao_verdict_findings_for (draft, "attachments/个人照片");
  g_assert_cmpuint (photo->len, ==, 1);
  g_assert_cmpint (((ShenbaoFinding *) photo->pdata[0])->severity, ==, SHENBAO_SEVERITY_WARNING);

  final = shenbao_rules_check (application, catalogue, SHENBAO_RULES_COMPLETE, &now);
  g_assert_false (shenbao_verdict_passes (final));
  g_assert_nonnull (shenbao_findings_find (final->findings, "attachment.missing"));
  g_assert_cmpint (shenbao_findings_worst (final->findings), ==, SHENBAO_SEVERITY_ERROR);
}

static void
test_suggestions (void)
{
  ShenbaoCatalogue *catalogue = shenbao_catalogue_get_default (NULL);
  g_autoptr(ShenbaoApplication) application = load_fixture ("condition1.xml");
  g_autoptr(ShenbaoWorkEntry) entry = shenbao_application_get_work_entry (application, 0);
  g_autoptr(ShenbaoVerdict) verdict = NULL;
  const ShenbaoFinding *finding;
  GDate now;

  today (&now);
  shenbao_work_entry_set (entry, SHENBAO_WORK_FIELD_OCCUPATION, "营销专员");
  verdict = shenbao_rules_check (application, catalogue, SHENBAO_RULES_DEFAULT, &now);
  finding = shenbao_findings_find (verdict->findings, "work.occupation.unrelated");
  g_assert_nonnull (finding);
  g_assert_nonnull (finding->suggestion);
  g_assert_nonnull (strstr (finding->suggestion, "营销员"));
  /* The message explains the guide's rule, in Chinese under zh_CN. */
  g_assert_nonnull (strstr (finding->message, "营销专员"));
}

/* The messages say how to fix what they find, in Chinese, on the field
 * they are about. */
static void
test_messages (void)
{
  static const struct
  {
    const char *name;
    const char *fixture;
    Change      changes[4];
    const char *work;
    const char *code;
    const char *field;
    const char *message[4];
    const char *suggestion;
  } message_cases[] = {
    { "a major listed for another occupation", "condition3.xml", { { "education/major", "跨境电子商务" } }, NULL,
      "education.major.unlisted", "education/major",
      { "专业“跨境电子商务”不在信息安全测试员（高等职业学校）", "“跨境电子商务”列在电子商务师", "可改报该职业" },
      NULL },
    { "研究生 is judged by the 本科 list", "condition3.xml",
      { { "education/school-type", "研究生" }, { "education/major", "跨境电子商务" } }, NULL,
      "education.major.unlisted", "education/major",
      { "研究生按普通高等学校本科的专业列表判断", "“跨境电子商务”列在电子商务师" }, NULL },
    { "a major listed nowhere", "condition3.xml", { { "education/major", "计算机网路技术" } }, NULL,
      "education.major.unlisted", "education/major", { "计算机网路技术" }, "最接近的规定名称：计算机网络技术" },
    { "the CHSI code", "condition3.xml", { { "education/chsi-code", "" } }, NULL, "required", "education/chsi-code",
      { "专科及以上学历（高等职业学校）", "www.chsi.com.cn", "在线验证报告" }, NULL },
    { "an ID card that expires before the deadline", "condition1.xml", { { "person/id-valid-until", "2026-12-01" } },
      NULL, "id-validity.before-deadline", "person/id-valid-until", { "2026-12-01", "2026-12-20", "换领新身份证" },
      NULL },
    { "an unrelated certificate", "condition2.xml", { { "certificate/occupation", "厨师" } }, NULL,
      "certificate.occupation.unrelated", "certificate/occupation", { "厨师", "电子商务师" },
      "可用的证书职业：电子商务师、营销员" },
    { "在读应届 after the school year", "condition3.xml",
      { { "education/status", "在读应届" }, { "education/from", "2025-09" }, { "education/to", "2028-06" } }, NULL,
      "education.not-this-year", "education/to", { "2026—2027 学年", "2027 年 8 月", "2028-06" }, NULL },
    { "在读应届 already graduated", "condition3.xml",
      { { "education/status", "在读应届" }, { "education/to", "2026-06" } }, NULL,
      "education.graduation-past", "education/to", { "2026-06", "请选择“已毕业”" }, NULL },
    { "condition 1 a month short", "condition1.xml", { { NULL } }, "2018-02|2022-12|营销员", "condition.not-met", "work",
      { "满 5 年（共 60 个月）", "累计 4.9 年（共 59 个月）", "起止月份均计入" }, NULL },
    { "condition 2 a month short", "condition2.xml", { { "certificate/issued", "2023-12-01" } }, NULL,
      "condition.not-met", "work", { "取得证书当月之后工作满 3 年（共 36 个月）", "累计 2.9 年（共 35 个月）" }, NULL },
  };
  ShenbaoCatalogue *catalogue = shenbao_catalogue_get_default (NULL);
  GDate now;

  today (&now);
  for (gsize i = 0; i < G_N_ELEMENTS (message_cases); i++)
    {
      g_autoptr(ShenbaoApplication) application = load_fixture (message_cases[i].fixture);
      g_autoptr(ShenbaoVerdict) verdict = NULL;
      g_autoptr(GPtrArray) on_field = NULL;
      const ShenbaoFinding *finding = NULL;

      g_test_message ("case: %s", message_cases[i].name);
      apply_changes (application, message_cases[i].changes, G_N_ELEMENTS (message_cases[i].changes));
      if (message_cases[i].work != NULL)
        {
          const char *work[] = { message_cases[i].work, NULL };

          replace_work (application, work);
        }
      verdict = shenbao_rules_check (application, catalogue, SHENBAO_RULES_DEFAULT, &now);
      on_field = shenbao_verdict_findings_for (verdict, message_cases[i].field);
      for (guint j = 0; j < on_field->len; j++)
        if (g_str_equal (((ShenbaoFinding *) on_field->pdata[j])->code, message_cases[i].code))
          finding = on_field->pdata[j];
      g_assert_nonnull (finding);
      g_test_message ("  %s / %s", finding->message, finding->suggestion);
      for (gsize m = 0; m < G_N_ELEMENTS (message_cases[i].message) && message_cases[i].message[m] != NULL; m++)
        g_assert_nonnull (strstr (finding->message, message_cases[i].message[m]));
      if (message_cases[i].suggestion != NULL)
        g_assert_nonnull (strstr (finding->suggestion, message_cases[i].suggestion));
    }
}

/* 在读应届 for a form signed on the 15th of each month of 2026: the school
 * year runs September through August, so a graduation from the signature
 * month (or the next) through the August that ends it passes, the month
 * before the signature has passed, and the September after is next year's
 * class. */
static void
test_graduating_this_school_year (void)
{
  ShenbaoCatalogue *catalogue = shenbao_catalogue_get_default (NULL);
  GDate now;

  today (&now);
  for (int month = 1; month <= 12; month++)
    {
      int start = month >= 9 ? 2026 : 2025;
      g_autofree char *signature = g_strdup_printf ("2026-%02d-15", month);
      g_autofree char *signed_month = g_strdup_printf ("2026-%02d", month);
      g_autofree char *next_month = g_strdup_printf ("%04d-%02d", month == 12 ? 2027 : 2026, month % 12 + 1);
      g_autofree char *last_month = g_strdup_printf ("%04d-%02d", month == 1 ? 2025 : 2026, month == 1 ? 12 : month - 1);
      g_autofree char *year_end = g_strdup_printf ("%04d-08", start + 1);
      g_autofree char *next_year = g_strdup_printf ("%04d-09", start + 1);
      g_autofree char *school_year = g_strdup_printf ("%d—%d 学年", start, start + 1);
      const struct { const char *to; const char *code; } graduations[] = {
        /* signed in August, September is the next school year's */
        { signed_month, NULL }, { next_month, month == 8 ? "education.not-this-year" : NULL }, { year_end, NULL },
        { last_month, "education.graduation-past" }, { next_year, "education.not-this-year" },
      };

      for (gsize g = 0; g < G_N_ELEMENTS (graduations); g++)
        {
          g_autoptr(ShenbaoApplication) application = load_fixture ("condition3.xml");
          g_autoptr(ShenbaoVerdict) verdict = NULL;
          g_autoptr(GPtrArray) on_field = NULL;

          g_test_message ("signed %s, graduating %s", signature, graduations[g].to);
          shenbao_application_set (application, SHENBAO_FIELD_SIGNATURE_DATE, signature);
          shenbao_application_set (application, SHENBAO_FIELD_EDUCATION_STATUS, "在读应届");
          shenbao_application_set (application, SHENBAO_FIELD_EDUCATION_FROM, "2023-09");
          shenbao_application_set (application, SHENBAO_FIELD_EDUCATION_TO, graduations[g].to);
          verdict = shenbao_rules_check (application, catalogue, SHENBAO_RULES_DEFAULT, &now);
          on_field = shenbao_verdict_findings_for (verdict, "education/to");
          if (graduations[g].code == NULL)
            {
              g_assert_cmpuint (on_field->len, ==, 0);
              g_assert_true (verdict->met[3]);
              continue;
            }
          g_assert_cmpuint (on_field->len, ==, 1);
          g_assert_cmpstr (((ShenbaoFinding *) on_field->pdata[0])->code, ==, graduations[g].code);
          g_assert_nonnull (strstr (((ShenbaoFinding *) on_field->pdata[0])->message, graduations[g].to));
          if (g_str_equal (graduations[g].code, "education.not-this-year"))
            g_assert_nonnull (strstr (((ShenbaoFinding *) on_field->pdata[0])->message, school_year));
          g_assert_false (verdict->met[3]);
        }
    }
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  g_setenv ("LANG", "zh_CN.UTF-8", TRUE);
  g_test_init (&argc, &argv, NULL);
  shenbao_core_init ();

  g_test_add_func ("/rules/cases", test_cases);
  g_test_add_func ("/rules/months", test_months);
  g_test_add_func ("/rules/also-meets", test_also_meets);
  g_test_add_func ("/rules/complete", test_complete_requires_attachments);
  g_test_add_func ("/rules/suggestions", test_suggestions);
  g_test_add_func ("/rules/messages", test_messages);
  g_test_add_func ("/rules/graduating-this-school-year", test_graduating_this_school_year);
  g_test_add_func ("/rules/choices-accepted", test_choices_accepted);

  return g_test_run ();
}
