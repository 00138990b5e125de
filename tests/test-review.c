/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "shenbao.h"

/* SPEC §9: the only moves the portal makes. */
static const struct
{
  const char *from;
  const char *to;
} legal[] = {
  { "未提交", "审核中" },
  { "审核中", "审核不通过" },
  { "审核中", "审核通过" },
  { "审核不通过", "审核中" },
  { "审核通过", "待缴费" },
  { "待缴费", "已缴费" },
  { "已缴费", "准考证" },
};

static gboolean
is_legal (ShenbaoReviewState from,
          ShenbaoReviewState to)
{
  for (gsize i = 0; i < G_N_ELEMENTS (legal); i++)
    if (g_str_equal (legal[i].from, shenbao_review_state_to_string (from))
        && g_str_equal (legal[i].to, shenbao_review_state_to_string (to)))
      return TRUE;
  return FALSE;
}

static void
test_names (void)
{
  static const char *names[] = { "未提交", "审核中", "审核不通过", "审核通过", "待缴费", "已缴费", "准考证" };
  ShenbaoReviewState state;

  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_assert_true (shenbao_review_state_from_string (names[i], &state));
      g_assert_cmpint (state, ==, i);
      g_assert_cmpstr (shenbao_review_state_to_string (state), ==, names[i]);
    }
  g_assert_false (shenbao_review_state_from_string (SHENBAO_REVIEW_MAILED, &state));
  g_assert_false (shenbao_review_state_from_string ("审核", &state));
  g_assert_false (shenbao_review_state_from_string ("", &state));
}

/* Every pair of states: the seven moves of the table pass, the 42 others
 * are refused as illegal transitions. */
static void
test_transitions (void)
{
  int n_legal = 0;

  for (ShenbaoReviewState from = 0; from < SHENBAO_N_REVIEW_STATES; from++)
    for (ShenbaoReviewState to = 0; to < SHENBAO_N_REVIEW_STATES; to++)
      {
        g_autoptr(GError) error = NULL;
        const char *reason = to == SHENBAO_REVIEW_REJECTED ? "照片背景不是白色" : NULL;
        gboolean ok = shenbao_review_check_transition (from, to, reason, &error);

        g_test_message ("%s → %s", shenbao_review_state_to_string (from),
                        shenbao_review_state_to_string (to));
        g_assert_cmpint (ok, ==, is_legal (from, to));
        if (ok)
          {
            g_assert_no_error (error);
            n_legal++;
          }
        else
          {
            g_assert_error (error, SHENBAO_ERROR, SHENBAO_ERROR_ILLEGAL_TRANSITION);
            g_assert_nonnull (strstr (error->message, shenbao_review_state_to_string (from)));
            g_assert_nonnull (strstr (error->message, shenbao_review_state_to_string (to)));
          }
      }
  g_assert_cmpint (n_legal, ==, G_N_ELEMENTS (legal));
}

/* The message names what may come next, so the user knows what to do. */
static void
test_illegal_messages (void)
{
  static const struct
  {
    ShenbaoReviewState from;
    ShenbaoReviewState to;
    const char *names;
  } cases[] = {
    { SHENBAO_REVIEW_NOT_SUBMITTED, SHENBAO_REVIEW_APPROVED, "“审核中”" },
    { SHENBAO_REVIEW_IN_REVIEW, SHENBAO_REVIEW_PAID, "“审核不通过” or “审核通过”" },
    { SHENBAO_REVIEW_REJECTED, SHENBAO_REVIEW_APPROVED, "“审核中”" },
    { SHENBAO_REVIEW_APPROVED, SHENBAO_REVIEW_PAID, "“待缴费”" },
    { SHENBAO_REVIEW_PAID, SHENBAO_REVIEW_NOT_SUBMITTED, "“准考证”" },
    { SHENBAO_REVIEW_ADMISSION_TICKET, SHENBAO_REVIEW_IN_REVIEW, "last step" },
    { SHENBAO_REVIEW_IN_REVIEW, SHENBAO_REVIEW_IN_REVIEW, "“审核不通过” or “审核通过”" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (shenbao_review_check_transition (cases[i].from, cases[i].to, NULL, &error));
      g_assert_error (error, SHENBAO_ERROR, SHENBAO_ERROR_ILLEGAL_TRANSITION);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, cases[i].names));
    }
}

static void
test_reasons (void)
{
  static const struct
  {
    ShenbaoReviewState from;
    ShenbaoReviewState to;
    const char *reason;
    gboolean ok;
  } cases[] = {
    { SHENBAO_REVIEW_IN_REVIEW, SHENBAO_REVIEW_REJECTED, "工作单位名称不全", TRUE },
    { SHENBAO_REVIEW_IN_REVIEW, SHENBAO_REVIEW_REJECTED, NULL, FALSE },
    { SHENBAO_REVIEW_IN_REVIEW, SHENBAO_REVIEW_REJECTED, "", FALSE },
    { SHENBAO_REVIEW_IN_REVIEW, SHENBAO_REVIEW_REJECTED, " \u3000\t", FALSE },
    { SHENBAO_REVIEW_IN_REVIEW, SHENBAO_REVIEW_APPROVED, "很好", FALSE },
    { SHENBAO_REVIEW_IN_REVIEW, SHENBAO_REVIEW_APPROVED, "", TRUE },
    { SHENBAO_REVIEW_REJECTED, SHENBAO_REVIEW_IN_REVIEW, NULL, TRUE },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean ok = shenbao_review_check_transition (cases[i].from, cases[i].to, cases[i].reason,
                                                     &error);

      g_assert_cmpint (ok, ==, cases[i].ok);
      if (!ok)
        g_assert_error (error, SHENBAO_ERROR, SHENBAO_ERROR_INVALID_INPUT);
    }
}

static void
test_mailing (void)
{
  static const struct
  {
    ShenbaoReviewState state;
    const char *date;
    const char *number;
    int code;   /* -1: passes */
  } cases[] = {
    { SHENBAO_REVIEW_PAID, "2026-12-01", "SF1234567890", -1 },
    { SHENBAO_REVIEW_ADMISSION_TICKET, "2026-12-10", "EMS 1100 2233", -1 },
    { SHENBAO_REVIEW_NOT_SUBMITTED, "2026-12-01", "SF1", SHENBAO_ERROR_ILLEGAL_TRANSITION },
    { SHENBAO_REVIEW_IN_REVIEW, "2026-12-01", "SF1", SHENBAO_ERROR_ILLEGAL_TRANSITION },
    { SHENBAO_REVIEW_REJECTED, "2026-12-01", "SF1", SHENBAO_ERROR_ILLEGAL_TRANSITION },
    { SHENBAO_REVIEW_APPROVED, "2026-12-01", "SF1", SHENBAO_ERROR_ILLEGAL_TRANSITION },
    { SHENBAO_REVIEW_AWAITING_PAYMENT, "2026-12-01", "SF1", SHENBAO_ERROR_ILLEGAL_TRANSITION },
    { SHENBAO_REVIEW_PAID, "2026-12-11", "SF1", SHENBAO_ERROR_INVALID_INPUT },
    { SHENBAO_REVIEW_PAID, "2026-02-30", "SF1", SHENBAO_ERROR_INVALID_INPUT },
    { SHENBAO_REVIEW_PAID, "12/01", "SF1", SHENBAO_ERROR_INVALID_INPUT },
    { SHENBAO_REVIEW_PAID, "2026-12-01", "", SHENBAO_ERROR_INVALID_INPUT },
    { SHENBAO_REVIEW_PAID, "2026-12-01", NULL, SHENBAO_ERROR_INVALID_INPUT },
  };

  g_setenv ("SHENBAO_TODAY", "2026-12-10", TRUE);
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean ok = shenbao_review_check_mailing (cases[i].state, cases[i].date, cases[i].number,
                                                  &error);

      g_test_message ("%s %s", cases[i].date, cases[i].number);
      g_assert_cmpint (ok, ==, cases[i].code < 0);
      if (!ok)
        g_assert_error (error, SHENBAO_ERROR, cases[i].code);
    }
  g_unsetenv ("SHENBAO_TODAY");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/review/names", test_names);
  g_test_add_func ("/review/transitions", test_transitions);
  g_test_add_func ("/review/illegal-messages", test_illegal_messages);
  g_test_add_func ("/review/reasons", test_reasons);
  g_test_add_func ("/review/mailing", test_mailing);

  return g_test_run ();
}
