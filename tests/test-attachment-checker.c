/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "image-fixtures.h"
#include "shenbao.h"

static ShenbaoCatalogue *
catalogue (void)
{
  g_autoptr(GError) error = NULL;
  ShenbaoCatalogue *catalogue = shenbao_catalogue_get_default (&error);

  g_assert_no_error (error);
  return catalogue;
}

static void
count_checked (guint *count)
{
  (*count)++;
}

/* Runs the main loop until the slot's checks are done. */
static void
wait_for (ShenbaoAttachmentChecker *checker,
          const char               *slot)
{
  while (shenbao_attachment_checker_is_pending (checker, slot))
    g_main_context_iteration (NULL, TRUE);
}

static GBytes *
portrait_jpeg (int width,
               int height)
{
  g_autoptr(GdkPixbuf) pixbuf = fixture_portrait (width, height, FIXTURE_WHITE, 1.0);

  return fixture_jpeg (pixbuf, 95, FIXTURE_JPEG_BASELINE);
}

static void
test_photo_checked_with_thumbnail (void)
{
  g_autoptr(ShenbaoAttachmentChecker) checker = shenbao_attachment_checker_new (catalogue (), 96);
  g_autoptr(ShenbaoApplication) application = shenbao_application_new ();
  /* Stored landscape with orientation 6: the thumbnail must stand upright. */
  g_autoptr(GdkPixbuf) upright = fixture_portrait (500, 700, FIXTURE_WHITE, 1.0);
  g_autoptr(GdkPixbuf) stored = fixture_stored_for (upright, 6);
  g_autoptr(GBytes) plain = fixture_jpeg (stored, 95, FIXTURE_JPEG_BASELINE);
  g_autoptr(GBytes) jpeg = fixture_with_orientation (plain, 6);
  guint checked = 0;
  GdkPixbuf *thumbnail;
  GPtrArray *findings;

  g_signal_connect_swapped (checker, "checked", G_CALLBACK (count_checked), &checked);
  shenbao_attachment_checker_set_application (checker, application);
  g_assert_null (shenbao_attachment_checker_get_findings (checker, "个人照片"));

  shenbao_application_set_attachment (application, "个人照片", "me.jpg", jpeg);
  g_assert_true (shenbao_attachment_checker_is_pending (checker, "个人照片"));
  g_assert_null (shenbao_attachment_checker_get_findings (checker, "个人照片"));
  wait_for (checker, "个人照片");
  g_assert_cmpuint (checked, ==, 2);

  findings = shenbao_attachment_checker_get_findings (checker, "个人照片");
  g_assert_nonnull (findings);
  /* The photo checks ran, not the document ones: a 500 × 700 phone file with
   * EXIF is not the portal's 295 × 413 photo in 40–80 KB. */
  g_assert_nonnull (shenbao_findings_find (findings, "photo.metadata"));
  thumbnail = shenbao_attachment_checker_get_thumbnail (checker, "个人照片");
  g_assert_nonnull (thumbnail);
  g_assert_cmpint (gdk_pixbuf_get_height (thumbnail), ==, 96);
  g_assert_cmpint (gdk_pixbuf_get_width (thumbnail), <, 96);
}

static void
test_document_slot_and_broken_file (void)
{
  g_autoptr(ShenbaoAttachmentChecker) checker = shenbao_attachment_checker_new (catalogue (), 64);
  g_autoptr(ShenbaoApplication) application = shenbao_application_new ();
  g_autoptr(GBytes) portrait = portrait_jpeg (400, 560);
  g_autoptr(GBytes) broken = g_bytes_new_static ("\xff\xd8\xff\xe0 not really", 15);
  GPtrArray *findings;

  shenbao_application_set_attachment (application, "身份证人像面", "front.jpg", portrait);
  /* Attachments already there are checked as soon as the application is set. */
  shenbao_attachment_checker_set_application (checker, application);
  wait_for (checker, "身份证人像面");
  findings = shenbao_attachment_checker_get_findings (checker, "身份证人像面");
  g_assert_nonnull (findings);
  g_assert_null (shenbao_findings_find (findings, "photo.metadata"));
  g_assert_nonnull (shenbao_attachment_checker_get_thumbnail (checker, "身份证人像面"));

  /* Replaced while nothing waits on the first answer: the new file counts. */
  shenbao_application_set_attachment (application, "身份证人像面", "front.jpg", broken);
  wait_for (checker, "身份证人像面");
  findings = shenbao_attachment_checker_get_findings (checker, "身份证人像面");
  g_assert_cmpint (shenbao_findings_worst (findings), ==, SHENBAO_SEVERITY_ERROR);
  g_assert_null (shenbao_attachment_checker_get_thumbnail (checker, "身份证人像面"));

  shenbao_application_remove_attachment (application, "身份证人像面");
  g_assert_false (shenbao_attachment_checker_is_pending (checker, "身份证人像面"));
  g_assert_null (shenbao_attachment_checker_get_findings (checker, "身份证人像面"));
}

/* A file replaced before its first check finished: the stale answer is
 * dropped and only the second file's results are kept. */
static void
test_replaced_while_pending (void)
{
  g_autoptr(ShenbaoAttachmentChecker) checker = shenbao_attachment_checker_new (catalogue (), 64);
  g_autoptr(ShenbaoApplication) application = shenbao_application_new ();
  g_autoptr(GBytes) first = portrait_jpeg (3000, 4000);
  g_autoptr(GBytes) second = g_bytes_new_static ("GIF89a", 6);
  GPtrArray *findings;

  shenbao_attachment_checker_set_application (checker, application);
  shenbao_application_set_attachment (application, "个人照片", "big.jpg", first);
  shenbao_application_set_attachment (application, "个人照片", "small.gif", second);
  wait_for (checker, "个人照片");
  /* Let the first worker finish too; its answer must not land. */
  g_usleep (G_USEC_PER_SEC);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  findings = shenbao_attachment_checker_get_findings (checker, "个人照片");
  g_assert_nonnull (findings);
  g_assert_cmpint (shenbao_findings_worst (findings), ==, SHENBAO_SEVERITY_ERROR);
  g_assert_null (shenbao_attachment_checker_get_thumbnail (checker, "个人照片"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/attachment-checker/photo", test_photo_checked_with_thumbnail);
  g_test_add_func ("/attachment-checker/document-and-broken", test_document_slot_and_broken_file);
  g_test_add_func ("/attachment-checker/replaced-while-pending", test_replaced_while_pending);
  return g_test_run ();
}
