/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <sys/wait.h>

#include "shenbao.h"
#include "cli-test-util.h"

static char *
fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
}

static char *
temp_folder (void)
{
  g_autofree char *dir = g_dir_make_tmp ("shenbao-cli-render-XXXXXX", NULL);

  g_assert_nonnull (dir);
  return g_build_filename (dir, "out", NULL);
}

static gboolean
written (const char *folder,
         const char *name)
{
  g_autofree char *path = g_build_filename (folder, name, NULL);

  return g_file_test (path, G_FILE_TEST_IS_REGULAR);
}

static void
test_render_all (void)
{
  g_auto(CliRun) run = { 0 };
  g_autofree char *app = fixture ("condition1.xml");
  g_autofree char *folder = temp_folder ();

  CLI_RUN (&run, "render", app, "--out", folder);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_true (written (folder, "print-package.pdf"));
  g_assert_true (written (folder, "application-form.pdf"));
  g_assert_true (written (folder, "work-commitment.pdf"));
  g_assert_true (written (folder, "fill-guide.pdf"));
  g_assert_true (written (folder, "checklist.pdf"));
  g_assert_false (written (folder, "education-commitment.pdf"));
  g_assert_nonnull (strstr (run.out, "print-package.pdf"));
}

static void
test_render_condition3 (void)
{
  g_auto(CliRun) run = { 0 };
  g_autofree char *app = fixture ("condition3.xml");
  g_autofree char *folder = temp_folder ();

  CLI_RUN (&run, "render", app, "--out", folder);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (written (folder, "education-commitment.pdf"));
  g_assert_false (written (folder, "work-commitment.pdf"));
}

static void
test_render_one (void)
{
  g_auto(CliRun) run = { 0 };
  g_autofree char *app = fixture ("condition2.xml");
  g_autofree char *folder = temp_folder ();

  CLI_RUN (&run, "render", app, "--out", folder, "--document", "fill-guide");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (written (folder, "fill-guide.pdf"));
  g_assert_false (written (folder, "print-package.pdf"));
}

static void
test_usage (void)
{
  g_autofree char *app = fixture ("condition1.xml");
  g_autofree char *folder = temp_folder ();
  g_autofree char *missing = fixture ("no-such-application.xml");

  {
    g_auto(CliRun) run = { 0 };

    CLI_RUN_C (&run, "render", app);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "--out"));
  }
  {
    g_auto(CliRun) run = { 0 };

    CLI_RUN_C (&run, "render", app, "--out", folder, "--document", "form");
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "form"));
  }
  {
    g_auto(CliRun) run = { 0 };

    CLI_RUN_C (&run, "render", missing, "--out", folder);
    g_assert_cmpint (run.status, ==, 2);
  }
  {
    g_auto(CliRun) run = { 0 };

    CLI_RUN_C (&run, "render", "--help");
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "print-package.pdf"));
    g_assert_nonnull (strstr (run.out, "--document"));
  }
}

/* An application with no condition breaks a rule of the forms: exit 1,
 * said in the user's language. */
static void
test_no_condition (void)
{
  g_auto(CliRun) run = { 0 };
  g_autofree char *original = fixture ("condition1.xml");
  g_autofree char *folder = temp_folder ();
  g_autofree char *parent = g_path_get_dirname (folder);
  g_autofree char *app = g_build_filename (parent, "no-condition.xml", NULL);
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRegex) condition = g_regex_new ("<condition>1</condition>", 0, 0, NULL);
  g_autofree char *changed = NULL;

  g_file_get_contents (original, &data, NULL, &error);
  g_assert_no_error (error);
  changed = g_regex_replace_literal (condition, data, -1, 0, "", 0, NULL);
  g_file_set_contents (app, changed, -1, &error);
  g_assert_no_error (error);

  CLI_RUN (&run, "render", app, "--out", folder);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "申报条件"));
}

static void
test_unwritable (void)
{
  g_auto(CliRun) run = { 0 };
  g_autofree char *app = fixture ("condition1.xml");

  CLI_RUN_C (&run, "render", app, "--out", "/proc/shenbao-cannot-write-here");
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "/proc/shenbao-cannot-write-here"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/render/all", test_render_all);
  g_test_add_func ("/cli/render/condition3", test_render_condition3);
  g_test_add_func ("/cli/render/one", test_render_one);
  g_test_add_func ("/cli/render/usage", test_usage);
  g_test_add_func ("/cli/render/no-condition", test_no_condition);
  g_test_add_func ("/cli/render/unwritable", test_unwritable);

  return g_test_run ();
}
