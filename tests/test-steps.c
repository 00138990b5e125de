/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "shenbao.h"
#include "fixture-test-util.h"

/* The wizard's step marks and the verdict's state and reason, computed from
 * the application alone. */

static ShenbaoVerdict *
check (ShenbaoApplication *application)
{
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 4, 12, 2026);
  return shenbao_rules_check (application, catalogue (), SHENBAO_RULES_DEFAULT, &today);
}

static void
assert_steps (ShenbaoApplication      *application,
              const ShenbaoStepStatus *expected)
{
  g_autoptr(ShenbaoVerdict) verdict = check (application);

  for (ShenbaoStep step = 0; step < SHENBAO_N_STEPS; step++)
    g_assert_cmpint (shenbao_step_get_status (step, verdict, application, NULL), ==, expected[step]);
}

static void
test_new_application_is_incomplete_not_wrong (void)
{
  static const ShenbaoStepStatus expected[] = {
    SHENBAO_STEP_STATUS_INCOMPLETE, SHENBAO_STEP_STATUS_COMPLETE,
    SHENBAO_STEP_STATUS_INCOMPLETE, SHENBAO_STEP_STATUS_INCOMPLETE,
  };
  GDate today;
  g_autoptr(ShenbaoApplication) application = NULL;
  g_autoptr(ShenbaoVerdict) verdict = NULL;
  g_autofree char *reason = NULL;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 4, 12, 2026);
  application = shenbao_catalogue_new_application (catalogue (), &today);
  assert_steps (application, expected);
  verdict = check (application);
  g_assert_cmpint (shenbao_verdict_get_state (verdict), ==, SHENBAO_VERDICT_STATE_TO_FIX);
  reason = shenbao_verdict_get_reason (verdict);
  g_assert_cmpstr (reason, ==, "Choose the condition you apply under: the verdict and the materials follow from it.");
}

static void
test_complete_but_materials_missing (void)
{
  static const ShenbaoStepStatus expected[] = {
    SHENBAO_STEP_STATUS_COMPLETE, SHENBAO_STEP_STATUS_COMPLETE,
    SHENBAO_STEP_STATUS_COMPLETE, SHENBAO_STEP_STATUS_INCOMPLETE,
  };
  g_autoptr(ShenbaoApplication) application = load_fixture ("condition1.xml");
  g_autoptr(ShenbaoVerdict) verdict = check (application);
  g_autofree char *reason = shenbao_verdict_get_reason (verdict);

  assert_steps (application, expected);
  g_assert_cmpint (shenbao_verdict_get_state (verdict), ==, SHENBAO_VERDICT_STATE_PASSES);
  g_assert_cmpstr (reason, ==, "The work history counts at least 5 years in this or a related occupation.");
}

/* A value that fails its check is an error on its own step only; a file that
 * cannot be read is an error on the uploads. */
static void
test_errors_land_on_their_step (void)
{
  static const ShenbaoStepStatus expected[] = {
    SHENBAO_STEP_STATUS_ERROR, SHENBAO_STEP_STATUS_COMPLETE,
    SHENBAO_STEP_STATUS_COMPLETE, SHENBAO_STEP_STATUS_ERROR,
  };
  g_autoptr(ShenbaoApplication) application = load_fixture ("condition1.xml");
  g_autoptr(ShenbaoVerdict) verdict = NULL;
  g_autofree char *reason = NULL;

  shenbao_application_set (application, SHENBAO_FIELD_PERSON_ID_NUMBER, "110105199003071238");
  shenbao_application_set_attachment (application, "个人照片", "gone.jpg", NULL);
  assert_steps (application, expected);
  verdict = check (application);
  g_assert_cmpint (shenbao_verdict_get_state (verdict), ==, SHENBAO_VERDICT_STATE_TO_FIX);
  reason = shenbao_verdict_get_reason (verdict);
  g_assert_true (g_str_has_prefix (reason, "2 problems are left to fix, the first: "));
}

/* Every condition gets its reason when it is not met. */
static void
test_reason_when_not_met (void)
{
  g_autoptr(ShenbaoApplication) application = load_fixture ("condition1.xml");
  g_autoptr(ShenbaoVerdict) short_work = NULL;
  g_autoptr(ShenbaoVerdict) no_education = NULL;
  g_autoptr(ShenbaoWorkEntry) entry = shenbao_application_get_work_entry (application, 0);
  g_autofree char *reason = NULL;
  g_autofree char *education_reason = NULL;

  shenbao_work_entry_set (entry, SHENBAO_WORK_FIELD_FROM, "2024-01");
  short_work = check (application);
  g_assert_cmpint (shenbao_verdict_get_state (short_work), ==, SHENBAO_VERDICT_STATE_NOT_MET);
  reason = shenbao_verdict_get_reason (short_work);
  g_assert_true (g_str_has_prefix (reason, "Condition 1 needs 5 years (60 months) of work"));

  shenbao_application_set (application, SHENBAO_FIELD_CONDITION, "3");
  no_education = check (application);
  /* Nothing of the education yet: something to fill in, not a verdict. */
  g_assert_cmpint (shenbao_verdict_get_state (no_education), ==, SHENBAO_VERDICT_STATE_TO_FIX);
  education_reason = shenbao_verdict_get_reason (no_education);
  g_assert_true (g_str_has_suffix (education_reason, "is not filled in"));
}

/* Too few months is wrong once the history is filled in; with nothing in it
 * yet, the step is only incomplete. */
static void
test_months_short_or_missing (void)
{
  static const ShenbaoStepStatus empty_history[] = {
    SHENBAO_STEP_STATUS_INCOMPLETE, SHENBAO_STEP_STATUS_COMPLETE,
    SHENBAO_STEP_STATUS_INCOMPLETE, SHENBAO_STEP_STATUS_INCOMPLETE,
  };
  static const ShenbaoStepStatus short_history[] = {
    SHENBAO_STEP_STATUS_COMPLETE, SHENBAO_STEP_STATUS_COMPLETE,
    SHENBAO_STEP_STATUS_ERROR, SHENBAO_STEP_STATUS_INCOMPLETE,
  };
  GDate today;
  g_autoptr(ShenbaoApplication) fresh = NULL;
  g_autoptr(ShenbaoApplication) application = load_fixture ("condition1.xml");
  g_autoptr(ShenbaoWorkEntry) entry = shenbao_application_get_work_entry (application, 0);

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 4, 12, 2026);
  fresh = shenbao_catalogue_new_application (catalogue (), &today);
  shenbao_application_set (fresh, SHENBAO_FIELD_OCCUPATION, "互联网营销师");
  shenbao_application_set (fresh, SHENBAO_FIELD_CONDITION, "1");
  assert_steps (fresh, empty_history);

  shenbao_work_entry_set (entry, SHENBAO_WORK_FIELD_FROM, "2024-01");
  assert_steps (application, short_history);
}

static void
test_step_for_field (void)
{
  g_assert_cmpint (shenbao_step_for_field ("person/name"), ==, SHENBAO_STEP_BASIC);
  g_assert_cmpint (shenbao_step_for_field ("person/identity"), ==, SHENBAO_STEP_IDENTITY);
  g_assert_cmpint (shenbao_step_for_field ("work/2/from"), ==, SHENBAO_STEP_REGISTRATION);
  g_assert_cmpint (shenbao_step_for_field ("signature-date"), ==, SHENBAO_STEP_REGISTRATION);
  g_assert_cmpint (shenbao_step_for_field ("attachments/个人照片"), ==, SHENBAO_STEP_UPLOADS);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  shenbao_core_init ();

  g_test_add_func ("/steps/new-application", test_new_application_is_incomplete_not_wrong);
  g_test_add_func ("/steps/materials-missing", test_complete_but_materials_missing);
  g_test_add_func ("/steps/errors", test_errors_land_on_their_step);
  g_test_add_func ("/steps/reason-not-met", test_reason_when_not_met);
  g_test_add_func ("/steps/months", test_months_short_or_missing);
  g_test_add_func ("/steps/field", test_step_for_field);
  return g_test_run ();
}
