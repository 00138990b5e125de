/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <sys/wait.h>

#include "shenbao.h"
#include "cli-test-util.h"

static void
test_usage (void)
{
  g_auto(CliRun) run = { 0 };

  CLI_RUN_C (&run, "no-such-command");
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "check-id"));
}

static void
test_help (void)
{
  g_auto(CliRun) run = { 0 };

  CLI_RUN_C (&run, "check-id", "--help");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "GB 11643"));
}

static void
test_check_id_valid (void)
{
  g_auto(CliRun) run = { 0 };

  CLI_RUN (&run, "check-id", "11010519491231002x");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "11010519491231002X"));
  g_assert_nonnull (strstr (run.out, "女"));
  g_assert_nonnull (strstr (run.out, "1949-12-31"));
  g_assert_nonnull (strstr (run.out, "出生日期"));
}

static void
test_check_id_invalid (void)
{
  g_auto(CliRun) run = { 0 };

  CLI_RUN (&run, "check-id", "110105900307123");
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "15"));
  g_assert_nonnull (strstr (run.err, "18"));
  g_assert_nonnull (strstr (run.err, "身份证"));
}

static void
test_check_id_usage (void)
{
  g_auto(CliRun) run = { 0 };

  CLI_RUN_C (&run, "check-id");
  g_assert_cmpint (run.status, ==, 2);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/usage", test_usage);
  g_test_add_func ("/cli/help", test_help);
  g_test_add_func ("/cli/check-id/valid", test_check_id_valid);
  g_test_add_func ("/cli/check-id/invalid", test_check_id_invalid);
  g_test_add_func ("/cli/check-id/usage", test_check_id_usage);

  return g_test_run ();
}
