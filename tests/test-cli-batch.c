/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <sys/wait.h>

#include "cli-test-util.h"
#include "image-fixtures.h"
#include "shenbao.h"

/* Enough candidates to show that one bad row never stops the rest, few
 * enough to keep the test fast under a loaded machine. */
#define N_CANDIDATES 24

static char *
example_csv (guint        n,
             const char  *broken_row)
{
  g_autofree char *path = g_build_filename (TEST_SRCDIR, "..", "doc", "batch-example.csv", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) csv = g_string_new (NULL);

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\n", -1);
  g_string_append_printf (csv, "%s\n", lines[0]);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("张%u", i);
      g_autoptr(GString) row = g_string_new (lines[1]);

      g_string_replace (row, "张三", name, 1);
      if (i == n / 2)
        g_string_append_printf (csv, "%s\n", broken_row);
      g_string_append_printf (csv, "%s\n", row->str);
    }
  return g_string_free (g_steal_pointer (&csv), FALSE);
}

static GPtrArray *
read_summary (const char *out)
{
  g_autofree char *path = g_build_filename (out, "summary.csv", NULL);
  g_autofree char *contents = NULL;
  gsize length;
  g_autoptr(GError) error = NULL;
  GPtrArray *rows;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  rows = shenbao_csv_read (contents, length, &error);
  g_assert_no_error (error);
  return rows;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
test_csv_batch (void)
{
  g_autofree char *dir = fixture_temp_dir ();
  g_autofree char *csv = example_csv (N_CANDIDATES, "互联网营销师,4,1,too,few");
  g_autoptr(GBytes) bytes = g_bytes_new (csv, strlen (csv));
  g_autofree char *input = fixture_write (dir, "batch.csv", bytes);
  g_autofree char *out = g_build_filename (dir, "out", NULL);
  g_autoptr(GPtrArray) summary = NULL;
  g_auto(CliRun) run = { 0 };
  g_auto(CliRun) again = { 0 };
  const ShenbaoCsvRow *broken;

  CLI_RUN_C (&run, "batch", input, "--out", out);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "25 of 25 done, 1 failing"));
  summary = read_summary (out);
  g_assert_cmpuint (summary->len, ==, N_CANDIDATES + 2);
  broken = g_ptr_array_index (summary, N_CANDIDATES / 2 + 1);
  g_assert_cmpstr (broken->fields[0], ==, "line 14");
  g_assert_cmpstr (broken->fields[4], ==, "error");
  g_assert_nonnull (strstr (broken->fields[5], "Line 14 has 5 cells where the header has 26"));
  for (guint i = 1; i < summary->len; i++)
    {
      const ShenbaoCsvRow *row = g_ptr_array_index (summary, i);
      g_autofree char *source = g_strdup_printf ("line %u", i + 1);
      g_autofree char *folder = g_strdup_printf ("%04u-", i);
      g_autofree char *pdf = NULL;
      g_autofree char *form = NULL;

      /* In the order of the input, whatever order the workers of the
       * batch finished in. */
      g_assert_cmpstr (row->fields[0], ==, source);
      if (row == broken)
        continue;
      g_assert_true (g_str_has_prefix (row->fields[2], folder));
      g_assert_cmpstr (row->fields[4], ==, "passes");
      pdf = g_build_filename (out, row->fields[2], "print-package.pdf", NULL);
      g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
      /* The print package holds the forms: without --all-documents they
       * are not written again. */
      form = g_build_filename (out, row->fields[2], "application-form.pdf", NULL);
      g_assert_false (g_file_test (form, G_FILE_TEST_EXISTS));
    }

  /* An earlier batch is never written over unasked. */
  CLI_RUN_C (&again, "batch", input, "--out", out);
  g_assert_cmpint (again.status, ==, 2);
  remove_tree (dir);
}

static void
test_gb18030_batch (void)
{
  g_autofree char *dir = fixture_temp_dir ();
  g_autofree char *csv = example_csv (1, "");
  g_autoptr(GError) error = NULL;
  gsize length;
  g_autofree char *gb = g_convert (csv, -1, "GB18030", "UTF-8", NULL, &length, &error);
  g_autoptr(GBytes) bytes = g_bytes_new (gb, length);
  g_autofree char *input = fixture_write (dir, "batch.csv", bytes);
  g_autofree char *out = g_build_filename (dir, "out", NULL);
  g_autoptr(GPtrArray) summary = NULL;
  g_auto(CliRun) run = { 0 };
  const ShenbaoCsvRow *row;

  g_assert_no_error (error);
  CLI_RUN_C (&run, "batch", input, "--out", out);
  g_assert_cmpint (run.status, ==, 0);
  summary = read_summary (out);
  g_assert_cmpuint (summary->len, ==, 2);
  row = g_ptr_array_index (summary, 1);
  g_assert_cmpstr (row->fields[1], ==, "张0");
  g_assert_cmpstr (row->fields[2], ==, "0001-张0-互联网营销师");
  remove_tree (dir);
}

static void
test_folder_batch (void)
{
  g_autofree char *dir = fixture_temp_dir ();
  g_autofree char *out = g_build_filename (dir, "out", NULL);
  g_autofree char *fixtures = g_build_filename (TEST_SRCDIR, "fixtures", NULL);
  g_autoptr(GPtrArray) summary = NULL;
  g_auto(CliRun) run = { 0 };
  /* --all-documents: every document of the condition-3 candidate. */
  static const char * const documents[] = {
    "print-package.pdf", "application-form.pdf", "education-commitment.pdf", "fill-guide.pdf", "checklist.pdf",
  };

  CLI_RUN_C (&run, "batch", fixtures, "--out", out, "--all-documents");
  g_assert_cmpint (run.status, ==, 0);
  summary = read_summary (out);
  g_assert_cmpstr (((ShenbaoCsvRow *) g_ptr_array_index (summary, 1))->fields[0], ==, "condition1.xml");
  g_assert_cmpstr (((ShenbaoCsvRow *) g_ptr_array_index (summary, 3))->fields[3], ==, "Meets condition 3");
  /* the months validate prints: 2018-03 through 2026-11; 2021-07 on */
  g_assert_cmpstr (((ShenbaoCsvRow *) g_ptr_array_index (summary, 1))->fields[6], ==, "105");
  g_assert_cmpstr (((ShenbaoCsvRow *) g_ptr_array_index (summary, 2))->fields[6], ==, "65");
  g_assert_cmpstr (((ShenbaoCsvRow *) g_ptr_array_index (summary, 3))->fields[6], ==, "");
  for (gsize i = 0; i < G_N_ELEMENTS (documents); i++)
    {
      const ShenbaoCsvRow *row = g_ptr_array_index (summary, 3);
      g_autofree char *pdf = g_build_filename (out, row->fields[2], documents[i], NULL);

      g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
    }
  remove_tree (dir);
}

/* shenbao-cli export: a hostile name stays inside --out, missing slots are
 * exit 1, an existing package is refused (2) unless --force. */
static void
test_export (void)
{
  g_autofree char *dir = fixture_temp_dir ();
  g_autofree char *source = g_build_filename (TEST_SRCDIR, "fixtures", "condition1.xml", NULL);
  g_autofree char *app_path = g_build_filename (dir, "app.xml", NULL);
  g_autofree char *out = g_build_filename (dir, "out", NULL);
  g_autofree char *package = g_build_filename (out, "__x-互联网营销师", NULL);
  g_autofree char *photo_path = g_build_filename (package, "个人照片.jpg", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ShenbaoApplication) application = shenbao_application_file_load (source, &error);
  g_autoptr(GdkPixbuf) portrait = fixture_portrait (500, 700, FIXTURE_WHITE, 1.0);
  g_autoptr(GBytes) photo = fixture_jpeg (portrait, 95, FIXTURE_JPEG_BASELINE);
  g_auto(CliRun) run = { 0 };
  g_auto(CliRun) again = { 0 };
  g_auto(CliRun) forced = { 0 };

  g_assert_no_error (error);
  shenbao_application_set (application, SHENBAO_FIELD_PERSON_NAME, "../x");
  shenbao_application_set_attachment (application, "个人照片", "photo.jpg", photo);
  g_assert_true (shenbao_application_file_save (application, app_path, &error));
  g_assert_no_error (error);

  CLI_RUN_C (&run, "export", app_path, "--out", out);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.out, "身份证人像面: not yet attached"));
  g_assert_true (g_file_test (photo_path, G_FILE_TEST_IS_REGULAR));

  CLI_RUN_C (&again, "export", app_path, "--out", out);
  g_assert_cmpint (again.status, ==, 2);
  g_assert_nonnull (strstr (again.err, "--force"));
  CLI_RUN_C (&forced, "export", app_path, "--out", out, "--force", "--zip");
  g_assert_cmpint (forced.status, ==, 1);
  g_assert_nonnull (strstr (forced.out, ".zip"));
  remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/batch/csv", test_csv_batch);
  g_test_add_func ("/cli/batch/gb18030", test_gb18030_batch);
  g_test_add_func ("/cli/batch/folder", test_folder_batch);
  g_test_add_func ("/cli/export", test_export);
  return g_test_run ();
}
