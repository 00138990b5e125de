/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "shenbao.h"
#include "fixture-test-util.h"
#include "shenbao-form-values.h"

static void
assert_value (GHashTable *values,
              const char *key,
              const char *expected)
{
  g_test_message ("%s", key);
  g_assert_cmpstr (g_hash_table_lookup (values, key), ==, expected);
}

static void
test_condition1 (void)
{
  g_autoptr(ShenbaoApplication) application = load_fixture ("condition1.xml");
  g_autoptr(GHashTable) values = shenbao_form_values_new (application, catalogue ());
  g_autoptr(GHashTable) entry = shenbao_form_values_for_work_entry (values, application, 0);

  assert_value (values, "name", "张三");
  assert_value (values, "id-number", "110105199003071239");
  assert_value (values, "level", "四级");
  assert_value (values, "condition", "累计从事本职业或相关职业工作满5年。");
  assert_value (values, "signature-year", "2026");
  assert_value (values, "signature-month", "11");
  assert_value (values, "signature-day", "28");
  /* 2018-03 through 至今, which runs through the signature month: 105 months */
  assert_value (values, "total-from-year", "2018");
  assert_value (values, "total-from-month", "3");
  assert_value (values, "total-to-year", "2026");
  assert_value (values, "total-to-month", "11");
  assert_value (values, "total-years", "8.8");
  assert_value (values, "certificate-number", NULL);
  assert_value (values, "work-employer", NULL);

  assert_value (entry, "work-employer", "北京某某网络科技有限公司");
  assert_value (entry, "work-occupation", "营销员");
  assert_value (entry, "work-from-year", "2018");
  assert_value (entry, "work-to-month", "11");
  assert_value (entry, "work-years", "8.8");
  assert_value (entry, "name", "张三");
}

/* Condition 2 counts the work after the previous certificate's issue month
 * (2021-06): 2021-07 through 2026-11, 65 months; the first entry, 2016-07
 * through 2020-12, is 54 months. */
static void
test_condition2 (void)
{
  g_autoptr(ShenbaoApplication) application = load_fixture ("condition2.xml");
  g_autoptr(GHashTable) values = shenbao_form_values_new (application, catalogue ());
  g_autoptr(GHashTable) first = shenbao_form_values_for_work_entry (values, application, 0);

  assert_value (values, "certificate-level", "五级");
  assert_value (values, "certificate-occupation", "电子商务师");
  assert_value (values, "total-from-year", "2021");
  assert_value (values, "total-from-month", "7");
  assert_value (values, "total-years", "5.4");
  assert_value (first, "work-from-month", "7");
  assert_value (first, "work-to-year", "2020");
  assert_value (first, "work-years", "4.5");
}

/* A date not yet valid leaves its blanks empty. */
static void
test_unfinished (void)
{
  g_autoptr(ShenbaoApplication) application = load_fixture ("condition3.xml");
  g_autoptr(GHashTable) values = NULL;

  shenbao_application_set (application, SHENBAO_FIELD_SIGNATURE_DATE, "2026-13");
  shenbao_application_set (application, SHENBAO_FIELD_EDUCATION_FROM, "九月");
  values = shenbao_form_values_new (application, catalogue ());
  assert_value (values, "signature-year", NULL);
  assert_value (values, "school-from-year", NULL);
  assert_value (values, "school-to-year", "2019");
  assert_value (values, "school-name", "新疆某某职业技术学院");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  shenbao_core_init ();

  g_test_add_func ("/form-values/condition1", test_condition1);
  g_test_add_func ("/form-values/condition2", test_condition2);
  g_test_add_func ("/form-values/unfinished", test_unfinished);

  return g_test_run ();
}
