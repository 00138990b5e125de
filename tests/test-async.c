/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>

#include "fixture-test-util.h"
#include "image-fixtures.h"
#include "pdf-test-util.h"
#include "shenbao.h"

/* The asynchronous calls of shenbao-async.h: each gives what its blocking
 * counterpart gives, back in the caller's main context, and a cancel ends
 * the wait at once with G_IO_ERROR_CANCELLED. */

static void
store_result (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GAsyncResult **out = user_data;

  g_assert_null (object);
  *out = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *result;
}

static gboolean
pdf_text_has (const char *path,
              const char *needle)
{
  g_autofree char *text = pdf_text (path);

  return strstr (text, needle) != NULL;
}

/* A document is rendered from the application as it was at the call: a
 * change made meanwhile is not in it. */
static void
test_render (void)
{
  g_autoptr(ShenbaoApplication) application = load_fixture ("condition1.xml");
  g_autofree char *dir = fixture_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "application-form.pdf", NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup (shenbao_application_get (application, SHENBAO_FIELD_PERSON_NAME));

  shenbao_document_render_async (SHENBAO_DOCUMENT_FILL_GUIDE, application, path, NULL, store_result, &result);
  shenbao_application_set (application, SHENBAO_FIELD_PERSON_NAME, "改名后");
  g_assert_true (shenbao_document_render_finish (wait_for (&result), &warnings, &error));
  g_assert_no_error (error);
  g_assert_nonnull (warnings);
  g_assert_true (pdf_text_has (path, name));
  g_assert_false (pdf_text_has (path, "改名后"));
  fixture_remove_dir (dir);
}

/* An application without a condition has no forms: the error comes back
 * through _finish. */
static void
test_render_error (void)
{
  g_autoptr(ShenbaoApplication) application = shenbao_application_new ();
  g_autofree char *dir = fixture_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "application-form.pdf", NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  shenbao_document_render_async (SHENBAO_DOCUMENT_APPLICATION_FORM, application, path, NULL, store_result, &result);
  g_assert_false (shenbao_document_render_finish (wait_for (&result), NULL, &error));
  g_assert_nonnull (error);
  g_assert_false (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  fixture_remove_dir (dir);
}

/* Cancelled as the page that asked goes away: the callback comes with
 * CANCELLED and no result, whatever the worker does after. */
static void
test_export_cancelled (void)
{
  g_autoptr(ShenbaoApplication) application = load_fixture ("condition1.xml");
  g_autofree char *dir = fixture_temp_dir ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *written = NULL;

  shenbao_export_write_async (application, dir, SHENBAO_EXPORT_ZIP, SHENBAO_DOCUMENT_DEFAULT_MAX_BYTES,
                              cancellable, store_result, &result);
  g_cancellable_cancel (cancellable);
  written = shenbao_export_write_finish (wait_for (&result), &problems, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (written);
  g_assert_null (problems);
  fixture_remove_dir (dir);
}

static void
test_export (void)
{
  g_autoptr(ShenbaoApplication) application = load_fixture ("condition1.xml");
  g_autofree char *dir = fixture_temp_dir ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *written = NULL;

  shenbao_export_write_async (application, dir, SHENBAO_EXPORT_ZIP, SHENBAO_DOCUMENT_DEFAULT_MAX_BYTES,
                              NULL, store_result, &result);
  written = shenbao_export_write_finish (wait_for (&result), &problems, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (written, dir));
  g_assert_true (g_str_has_suffix (written, ".zip"));
  g_assert_true (g_file_test (written, G_FILE_TEST_IS_REGULAR));
  /* The fixture has no attachments: the manifest lists them as missing. */
  g_assert_nonnull (shenbao_findings_find (problems, "export.missing"));
  fixture_remove_dir (dir);
}

static void
test_photo_fix (void)
{
  g_autoptr(GdkPixbuf) portrait = fixture_portrait (1200, 1600, FIXTURE_WHITE, 1.0);
  g_autoptr(GBytes) input = fixture_jpeg (portrait, 92, FIXTURE_JPEG_BASELINE);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) checks = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) fixed = NULL;
  ShenbaoPhotoFixReport report = { 0 };

  shenbao_photo_fix_async (input, NULL, NULL, store_result, &result);
  fixed = shenbao_photo_fix_finish (wait_for (&result), &report, &checks, &error);
  g_assert_no_error (error);
  g_assert_cmpint (report.width, ==, SHENBAO_PHOTO_WIDTH);
  g_assert_cmpint (report.height, ==, SHENBAO_PHOTO_HEIGHT);
  g_assert_cmpuint (g_bytes_get_size (fixed), >=, SHENBAO_PHOTO_MIN_BYTES);
  g_assert_cmpuint (g_bytes_get_size (fixed), <=, SHENBAO_PHOTO_MAX_BYTES);
  g_assert_cmpint (shenbao_findings_worst (checks), !=, SHENBAO_SEVERITY_ERROR);
}

/* The checks of a slot's file and its thumbnail; a cancel drops both. */
static void
test_slot_check (void)
{
  g_autoptr(GdkPixbuf) portrait = fixture_portrait (1200, 1600, FIXTURE_BLUE, 1.0);
  g_autoptr(GBytes) input = fixture_jpeg (portrait, 92, FIXTURE_JPEG_BASELINE);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) cancelled = NULL;
  g_autoptr(GdkPixbuf) thumbnail = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GError) error = NULL;

  shenbao_slot_check_async (catalogue (), "个人照片", input, 64, NULL, store_result, &result);
  findings = shenbao_slot_check_finish (wait_for (&result), &thumbnail, &error);
  g_assert_no_error (error);
  /* A blue background is what the photo check refuses. */
  g_assert_cmpint (shenbao_findings_worst (findings), ==, SHENBAO_SEVERITY_ERROR);
  g_assert_cmpint (gdk_pixbuf_get_height (thumbnail), ==, 64);
  g_assert_cmpint (gdk_pixbuf_get_width (thumbnail), ==, 48);
  g_clear_object (&thumbnail);
  g_clear_pointer (&findings, g_ptr_array_unref);

  shenbao_slot_check_async (catalogue (), "个人照片", input, 64, cancellable, store_result, &cancelled);
  g_cancellable_cancel (cancellable);
  findings = shenbao_slot_check_finish (wait_for (&cancelled), &thumbnail, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (findings);
  g_assert_null (thumbnail);
}

static void
test_read_file (void)
{
  g_autoptr(GdkPixbuf) portrait = fixture_portrait (300, 400, FIXTURE_WHITE, 1.0);
  g_autoptr(GBytes) jpeg = fixture_jpeg (portrait, 90, FIXTURE_JPEG_BASELINE);
  g_autofree char *dir = fixture_temp_dir ();
  g_autofree char *path = fixture_write (dir, "photo.jpg", jpeg);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) remote = g_file_new_for_uri ("http://example.com/photo.jpg");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) remote_result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) read = NULL;

  shenbao_image_read_file_async (file, NULL, store_result, &result);
  read = shenbao_image_read_file_finish (wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (read, jpeg));

  shenbao_image_read_file_async (remote, NULL, store_result, &remote_result);
  g_assert_null (shenbao_image_read_file_finish (wait_for (&remote_result), &error));
  g_assert_error (error, SHENBAO_ERROR, SHENBAO_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "http://example.com/photo.jpg"));
  fixture_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/async/render", test_render);
  g_test_add_func ("/async/render-error", test_render_error);
  g_test_add_func ("/async/export", test_export);
  g_test_add_func ("/async/export-cancelled", test_export_cancelled);
  g_test_add_func ("/async/photo-fix", test_photo_fix);
  g_test_add_func ("/async/slot-check", test_slot_check);
  g_test_add_func ("/async/read-file", test_read_file);
  return g_test_run ();
}
