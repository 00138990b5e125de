/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
#include <sys/wait.h>

#include "shenbao.h"
#include "cli-test-util.h"

/* shenbao-cli list / import / export-app / status. Each test has its own XDG
 * folders (G_TEST_OPTION_ISOLATE_DIRS), which the CLI inherits. */

static char *
test_folder (const char *name)
{
  char *folder = g_build_filename (g_get_user_data_dir (), name, NULL);

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  return folder;
}

static GBytes *
pattern_bytes (gsize size,
               guint seed)
{
  guint8 *data = g_malloc (size);

  for (gsize i = 0; i < size; i++)
    data[i] = (guint8) ((i * 13 + seed) % 256);
  return g_bytes_new_take (data, size);
}

/* An application file with two work entries and two attachments beside it,
 * as the writer lays it out. */
static char *
write_application_file (const char *folder)
{
  g_autoptr(ShenbaoApplication) application = NULL;
  g_autoptr(ShenbaoWorkEntry) entry = shenbao_work_entry_new ();
  g_autoptr(ShenbaoWorkEntry) second = shenbao_work_entry_new ();
  g_autoptr(GBytes) photo = pattern_bytes (51234, 1);
  g_autoptr(GBytes) form = pattern_bytes (700000, 2);
  g_autoptr(GError) error = NULL;
  g_autofree char *fixture = g_build_filename (TEST_SRCDIR, "fixtures", "condition1.xml", NULL);
  char *path = g_build_filename (folder, "张三.xml", NULL);

  application = shenbao_application_file_load (fixture, &error);
  g_assert_no_error (error);
  shenbao_work_entry_set (second, SHENBAO_WORK_FIELD_EMPLOYER, "北京𠮷祥文化传媒有限公司");
  shenbao_work_entry_set (second, SHENBAO_WORK_FIELD_FROM, "2015-01");
  shenbao_work_entry_set (second, SHENBAO_WORK_FIELD_TO, "2018-02");
  shenbao_work_entry_set (second, SHENBAO_WORK_FIELD_OCCUPATION, "推销员");
  shenbao_application_append_work_entry (application, second);
  shenbao_application_set_attachment (application, "个人照片", "photo.jpg", photo);
  shenbao_application_set_attachment (application, "申报表", "form.jpg", form);
  g_assert_true (shenbao_application_file_save (application, path, &error));
  g_assert_no_error (error);
  return path;
}

static void
assert_same_files (const char *expected_folder,
                   const char *actual_folder)
{
  g_autoptr(GDir) dir = g_dir_open (expected_folder, 0, NULL);
  const char *name;
  int n_files = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *expected_path = g_build_filename (expected_folder, name, NULL);
      g_autofree char *actual_path = g_build_filename (actual_folder, name, NULL);
      g_autofree char *expected = NULL;
      g_autofree char *actual = NULL;
      gsize expected_length, actual_length;

      g_test_message ("%s", name);
      g_assert_true (g_file_get_contents (expected_path, &expected, &expected_length, NULL));
      g_assert_true (g_file_get_contents (actual_path, &actual, &actual_length, NULL));
      g_assert_cmpmem (actual, actual_length, expected, expected_length);
      n_files++;
    }
  g_assert_cmpint (n_files, ==, 3);
}

/* import → export-app gives the same file, and the attachments byte for
 * byte, even after the originals are gone. */
static void
test_round_trip (void)
{
  g_autofree char *original = test_folder ("original");
  g_autofree char *exported = test_folder ("exported");
  g_autofree char *db = g_build_filename (g_get_user_data_dir (), "store.db", NULL);
  g_autofree char *path = write_application_file (original);
  g_autofree char *copy = g_build_filename (exported, "张三.xml", NULL);
  g_autofree char *kept = test_folder ("kept");
  g_auto(CliRun) run = { 0 };

  CLI_RUN (&run, "import", "--db", db, path);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "1\n");
  cli_run_clear (&run);

  /* The store holds the bytes: moving the originals away loses nothing. */
  g_assert_cmpint (g_rename (original, kept), ==, 0);
  CLI_RUN (&run, "export-app", "--db", db, "1", copy);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  assert_same_files (kept, exported);
}

static void
test_list (void)
{
  g_autofree char *folder = test_folder ("files");
  g_autofree char *path = write_application_file (folder);
  g_autofree char *fixture = g_build_filename (TEST_SRCDIR, "fixtures", "condition3.xml", NULL);
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) columns = NULL;
  g_auto(CliRun) run = { 0 };

  /* The user's own database, in the XDG data folder, made on first use.
   * GLib points the process's XDG variables at /dev/null and isolates only
   * its own view of them: hand the test's folder to the CLI. */
  g_setenv ("XDG_DATA_HOME", g_get_user_data_dir (), TRUE);
  CLI_RUN (&run, "list");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "");
  cli_run_clear (&run);
  g_autofree char *db = g_build_filename (g_get_user_data_dir (), "shenbao", "shenbao.db", NULL);
  g_assert_true (g_file_test (db, G_FILE_TEST_IS_REGULAR));

  CLI_RUN (&run, "import", path);
  g_assert_cmpint (run.status, ==, 0);
  cli_run_clear (&run);
  CLI_RUN (&run, "import", fixture);
  g_assert_cmpstr (run.out, ==, "2\n");
  cli_run_clear (&run);
  CLI_RUN (&run, "status", "1", "审核中");
  g_assert_cmpint (run.status, ==, 0);
  cli_run_clear (&run);

  CLI_RUN (&run, "list");
  g_assert_cmpint (run.status, ==, 0);
  lines = g_strsplit (run.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_cmpstr (lines[2], ==, "");
  columns = g_strsplit (lines[0], "\t", -1);
  g_assert_cmpuint (g_strv_length (columns), ==, 6);
  g_assert_cmpstr (columns[0], ==, "1");
  g_assert_cmpstr (columns[1], ==, "张三");
  g_assert_cmpstr (columns[2], ==, "互联网营销师");
  g_assert_cmpstr (columns[3], ==, "1");
  g_assert_cmpstr (columns[4], ==, "审核中");
  g_assert_true (g_regex_match_simple ("^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d$", columns[5], 0, 0));
  g_assert_true (g_str_has_prefix (lines[1], "2\t"));
  g_assert_nonnull (strstr (lines[1], "\t未提交\t"));

  /* --db before the command, and SHENBAO_DB, pick another database. */
  cli_run_clear (&run);
  g_autofree char *third = g_build_filename (g_get_user_data_dir (), "third.db", NULL);
  CLI_RUN (&run, "--db", third, "import", fixture);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "1\n");
  g_assert_true (g_file_test (third, G_FILE_TEST_IS_REGULAR));

  cli_run_clear (&run);
  g_autofree char *other = g_build_filename (g_get_user_data_dir (), "other.db", NULL);
  g_setenv ("SHENBAO_DB", other, TRUE);
  CLI_RUN (&run, "list");
  g_unsetenv ("SHENBAO_DB");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_true (g_file_test (other, G_FILE_TEST_IS_REGULAR));
}

/* The tracker from the command line, in Chinese, with its exit codes. */
static void
test_status (void)
{
  g_autofree char *db = g_build_filename (g_get_user_data_dir (), "store.db", NULL);
  g_autofree char *fixture = g_build_filename (TEST_SRCDIR, "fixtures", "condition1.xml", NULL);
  static const struct
  {
    const char *state;
    const char *reason;
    int status;
    const char *says;
  } steps[] = {
    { "审核通过", NULL, 1, "下一步是“审核中”" },
    { "审核中", NULL, 0, "审核中" },
    { "审核不通过", NULL, 1, "查看原因" },
    { "审核不通过", "工作单位名称不全", 0, "工作单位名称不全" },
    { "材料已邮寄", NULL, 1, "缴费" },
    { "审核中", NULL, 0, "审核中" },
    { "审核通过", "很好", 1, "审核不通过" },
    { "审核通过", NULL, 0, "审核通过" },
    { "已缴费", NULL, 1, "待缴费" },
    { "待缴费", NULL, 0, "待缴费" },
    { "已缴费", NULL, 0, "已缴费" },
    { "准考证", NULL, 0, "准考证" },
    { "审核中", NULL, 1, "最后一步" },
  };
  g_auto(CliRun) run = { 0 };

  CLI_RUN (&run, "import", "--db", db, fixture);
  g_assert_cmpint (run.status, ==, 0);
  cli_run_clear (&run);
  CLI_RUN (&run, "status", "--db", db, "1");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "未提交\n");

  for (gsize i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      cli_run_clear (&run);
      if (steps[i].reason != NULL)
        CLI_RUN (&run, "status", "--db", db, "1", steps[i].state, steps[i].reason);
      else
        CLI_RUN (&run, "status", "--db", db, "1", steps[i].state);
      g_test_message ("%s: %s%s", steps[i].state, run.out, run.err);
      g_assert_cmpint (run.status, ==, steps[i].status);
      g_assert_nonnull (strstr (steps[i].status == 0 ? run.out : run.err, steps[i].says));
      if (steps[i].status == 0)
        g_assert_true (g_str_has_prefix (run.out, steps[i].state));
    }
}

static void
test_mailing (void)
{
  g_autofree char *db = g_build_filename (g_get_user_data_dir (), "store.db", NULL);
  g_autofree char *fixture = g_build_filename (TEST_SRCDIR, "fixtures", "condition1.xml", NULL);
  static const char *path_states[] = { "审核中", "审核通过", "待缴费", "已缴费" };
  g_auto(GStrv) lines = NULL;
  g_auto(CliRun) run = { 0 };

  g_setenv ("SHENBAO_TODAY", "2026-12-10", TRUE);
  CLI_RUN (&run, "import", "--db", db, fixture);
  for (gsize i = 0; i < G_N_ELEMENTS (path_states); i++)
    {
      cli_run_clear (&run);
      CLI_RUN (&run, "status", "--db", db, "1", path_states[i]);
      g_assert_cmpint (run.status, ==, 0);
    }

  cli_run_clear (&run);
  CLI_RUN (&run, "status", "--db", db, "1", "材料已邮寄");
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "快递单号"));
  cli_run_clear (&run);
  CLI_RUN (&run, "status", "--db", db, "1", "材料已邮寄", "--tracking-number", "SF1", "--date",
           "2026-12-11");
  g_assert_cmpint (run.status, ==, 1);
  cli_run_clear (&run);
  CLI_RUN (&run, "status", "--db", db, "1", "审核中", "--tracking-number", "SF1");
  g_assert_cmpint (run.status, ==, 2);
  cli_run_clear (&run);
  CLI_RUN (&run, "status", "--db", db, "1", "材料已邮寄", "--tracking-number", "SF1234567890");
  g_assert_cmpint (run.status, ==, 0);
  cli_run_clear (&run);
  CLI_RUN (&run, "status", "--db", db, "1", "材料已邮寄", "--tracking-number", "EMS 9", "--date",
           "2026-12-01");
  g_assert_cmpint (run.status, ==, 0);

  /* The state stays 已缴费; the history shows both mailings. */
  lines = g_strsplit (run.out, "\n", -1);
  g_assert_cmpstr (lines[0], ==, "已缴费");
  g_assert_cmpuint (g_strv_length (lines), ==, 8);
  g_assert_true (g_str_has_suffix (lines[5], "\t材料已邮寄\t2026-12-10\tSF1234567890"));
  g_assert_true (g_str_has_suffix (lines[6], "\t材料已邮寄\t2026-12-01\tEMS 9"));
  g_unsetenv ("SHENBAO_TODAY");
}

static void
test_usage_and_errors (void)
{
  g_autofree char *db = g_build_filename (g_get_user_data_dir (), "store.db", NULL);
  g_autofree char *folder = test_folder ("files");
  g_autofree char *path = write_application_file (folder);
  g_autofree char *target = g_build_filename (folder, "copy.xml", NULL);
  g_autofree char *text_db = g_build_filename (folder, "shenbao.db", NULL);
  g_auto(CliRun) run = { 0 };

  CLI_RUN (&run, "import", "--db", db, path);
  g_assert_cmpint (run.status, ==, 0);

  static const struct
  {
    const char *args[6];
    int status;
    const char *says;
  } cases[] = {
    { { "status" }, 2, NULL },
    { { "status", "one" }, 2, "shenbao-cli list" },
    { { "status", "0" }, 2, "shenbao-cli list" },
    { { "status", "7" }, 2, "7" },
    { { "status", "1", "审核" }, 2, "材料已邮寄" },
    { { "status", "1", "审核中", "a", "b" }, 2, NULL },
    { { "export-app", "1" }, 2, NULL },
    { { "export-app", "9", "x.xml" }, 2, "9" },
    { { "import" }, 2, NULL },
    { { "import", "/nonexistent/app.xml" }, 2, NULL },
    { { "list", "extra" }, 2, NULL },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) args = g_ptr_array_new ();

      for (int j = 0; cases[i].args[j] != NULL; j++)
        g_ptr_array_add (args, (gpointer) cases[i].args[j]);
      g_ptr_array_add (args, "--db");
      g_ptr_array_add (args, db);
      g_ptr_array_add (args, NULL);
      cli_run_clear (&run);
      cli_run_in_locale (&run, "zh_CN.UTF-8", (const char * const *) args->pdata);
      g_test_message ("%s: %s", cases[i].args[0], run.err);
      g_assert_cmpint (run.status, ==, cases[i].status);
      if (cases[i].says != NULL)
        g_assert_nonnull (strstr (run.err, cases[i].says));
    }

  /* export-app does not overwrite unless asked to. */
  cli_run_clear (&run);
  CLI_RUN (&run, "export-app", "--db", db, "1", target);
  g_assert_cmpint (run.status, ==, 0);
  cli_run_clear (&run);
  CLI_RUN (&run, "export-app", "--db", db, "1", target);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "--force"));
  cli_run_clear (&run);
  CLI_RUN (&run, "export-app", "--db", db, "--force", "1", target);
  g_assert_cmpint (run.status, ==, 0);

  /* A file that is not a Shenbao database: a message and exit code 2. */
  g_assert_true (g_file_set_contents (text_db, "not a database\n", -1, NULL));
  cli_run_clear (&run);
  CLI_RUN (&run, "list", "--db", text_db);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "不是“申报”的数据库"));
  cli_run_clear (&run);
  CLI_RUN_C (&run, "list", "--db", text_db);
  g_assert_nonnull (strstr (run.err, "not a Shenbao database"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_unsetenv ("SHENBAO_DB");

  g_test_add_func ("/cli-store/round-trip", test_round_trip);
  g_test_add_func ("/cli-store/list", test_list);
  g_test_add_func ("/cli-store/status", test_status);
  g_test_add_func ("/cli-store/mailing", test_mailing);
  g_test_add_func ("/cli-store/usage-and-errors", test_usage_and_errors);

  return g_test_run ();
}
