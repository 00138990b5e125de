/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
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

static char *
fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
}

static void
test_validate_accepts (void)
{
  g_autofree char *path = fixture ("condition1.xml");
  g_auto(CliRun) run = { 0 };

  CLI_RUN (&run, "validate", path);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "符合申报条件 1"));
  g_assert_nonnull (strstr (run.out, "共 104 个月"));
  g_assert_nonnull (strstr (run.out, "个人照片：尚未添加"));
}

static void
test_validate_complete (void)
{
  g_autofree char *path = fixture ("condition3.xml");
  g_auto(CliRun) run = { 0 };

  CLI_RUN (&run, "validate", "--complete", path);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.out, "错误 [attachments/毕业证书]"));
}

static void
test_validate_rejects (void)
{
  g_autofree char *source = fixture ("condition1.xml");
  g_autofree char *contents = NULL;
  g_autofree char *dir = g_dir_make_tmp ("shenbao-cli-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "bad.xml", NULL);
  g_autoptr(GString) text = NULL;
  g_auto(CliRun) run = { 0 };

  g_assert_true (g_file_get_contents (source, &contents, NULL, NULL));
  text = g_string_new (contents);
  g_string_replace (text, "<occupation>营销员</occupation>", "<occupation>厨师</occupation>", 1);
  g_string_replace (text, "13800138000", "23800138000", 1);
  g_assert_true (g_file_set_contents (path, text->str, -1, NULL));

  CLI_RUN (&run, "validate", path);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.out, "不符合申报条件 1"));
  g_assert_nonnull (strstr (run.out, "“厨师”既不是互联网营销师"));
  g_assert_nonnull (strstr (run.out, "不是大陆手机号码"));
  g_remove (path);
  g_rmdir (dir);
}

static void
test_validate_io_errors (void)
{
  g_autofree char *dir = g_dir_make_tmp ("shenbao-cli-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "bomb.xml", NULL);
  g_auto(CliRun) missing = { 0 };
  g_auto(CliRun) bomb = { 0 };

  CLI_RUN (&missing, "validate", "/nonexistent/app.xml");
  g_assert_cmpint (missing.status, ==, 2);

  g_assert_true (g_file_set_contents (path, "<?xml version=\"1.0\"?>\n<!DOCTYPE a [<!ENTITY a \"aaaa\">]>\n"
                                      "<application xmlns=\"urn:shenbao:application:1\" version=\"1\"/>", -1, NULL));
  CLI_RUN (&bomb, "validate", path);
  g_assert_cmpint (bomb.status, ==, 2);
  g_assert_nonnull (strstr (bomb.err, "第 2 行"));
  g_assert_nonnull (strstr (bomb.err, "DOCTYPE"));
  g_remove (path);
  g_rmdir (dir);
}

static void
test_catalog (void)
{
  g_auto(CliRun) all = { 0 };
  g_auto(CliRun) one = { 0 };
  g_auto(CliRun) unknown = { 0 };

  CLI_RUN (&all, "catalog");
  g_assert_cmpint (all.status, ==, 0);
  g_assert_cmpstr (all.out, ==, "电子商务师\n信息安全测试员\n互联网营销师\n");

  CLI_RUN (&one, "catalog", "信息安全测试员");
  g_assert_cmpint (one.status, ==, 0);
  g_assert_nonnull (strstr (one.out, "相关职业 (11)"));
  g_assert_nonnull (strstr (one.out, "相关专业（高等职业学校） (35)"));
  g_assert_nonnull (strstr (one.out, "移动互联应用技术"));

  CLI_RUN (&unknown, "catalog", "电子商务员");
  g_assert_cmpint (unknown.status, ==, 1);
  g_assert_nonnull (strstr (unknown.err, "电子商务师"));
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
  g_test_add_func ("/cli/validate/accepts", test_validate_accepts);
  g_test_add_func ("/cli/validate/complete", test_validate_complete);
  g_test_add_func ("/cli/validate/rejects", test_validate_rejects);
  g_test_add_func ("/cli/validate/io-errors", test_validate_io_errors);
  g_test_add_func ("/cli/catalog", test_catalog);

  return g_test_run ();
}
