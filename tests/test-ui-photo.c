/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The crop dialog of the 1-inch photo (SPEC §7, Fix): it starts from the
 * frame around the face and shows the face box; centred when there is no
 * face. The real face is tests/fixtures/portrait-collins.jpg. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "shenbao.h"
#include "shenbao-crop-view.h"
#include "shenbao-photo-dialog.h"
#include "image-fixtures.h"
#include "ui-test-util.h"

#define SLOT "个人照片"

/* The portrait tripled, off to the left of a white 2400 × 1800 picture. */
static GBytes *
off_centre_portrait (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "portrait-collins.jpg", NULL);
  g_autoptr(GBytes) data = shenbao_image_read_file (path, NULL);
  g_autoptr(GdkPixbuf) face = shenbao_image_load (data, 1.0, NULL);
  g_autoptr(GdkPixbuf) scaled = gdk_pixbuf_scale_simple (face, 720, 990, GDK_INTERP_BILINEAR);
  g_autoptr(GdkPixbuf) canvas = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 2400, 1800);

  gdk_pixbuf_fill (canvas, FIXTURE_WHITE << 8 | 0xFF);
  gdk_pixbuf_copy_area (scaled, 0, 0, 720, 990, canvas, 150, 400);
  return fixture_jpeg (canvas, 92, FIXTURE_JPEG_BASELINE);
}

static GtkWindow *
open_dialog (ShenbaoApplication *application,
             GBytes             *photo)
{
  GtkWindow *dialog;

  shenbao_application_set_attachment (application, SLOT, "photo.jpg", photo);
  dialog = shenbao_photo_dialog_new (NULL, application, SLOT);
  gtk_window_set_default_size (dialog, 900, 600);
  gtk_window_present (dialog);
  ui_test_wait_until (gtk_widget_get_mapped (GTK_WIDGET (dialog)));
  return dialog;
}

static void
test_starts_around_the_face (void)
{
  g_autoptr(ShenbaoApplication) application = shenbao_application_new ();
  g_autoptr(GBytes) photo = off_centre_portrait ();
  GtkWindow *dialog = open_dialog (application, photo);
  ShenbaoCropView *view = SHENBAO_CROP_VIEW (ui_test_find (GTK_WIDGET (dialog), "crop_view"));
  ShenbaoPhotoCrop crop, face;
  GtkLabel *report;

  /* The face box, in the full picture's pixels: the fixture's face (its
   * centre at 118, 115, 99 pixels high) tripled and moved to (150, 400). */
  g_assert_true (shenbao_crop_view_get_face (view, &face));
  g_assert_cmpfloat (fabs (face.x + face.width / 2.0 - (150 + 3 * 118)), <, 30);
  g_assert_cmpfloat (fabs (face.y + face.height / 2.0 - (400 + 3 * 115)), <, 30);
  g_assert_cmpint (abs (face.height - 3 * 99), <, 40);

  /* The frame: 5:7, centred on the face, the face at 0.42 of its height. */
  shenbao_crop_view_get_crop (view, &crop);
  g_assert_cmpint (abs (crop.height - crop.width * 7 / 5), <=, 1);
  g_assert_cmpint (abs (crop.x + crop.width / 2 - (face.x + face.width / 2)), <=, 2);
  g_assert_cmpfloat (fabs ((double) face.height / crop.height - 0.42), <, 0.02);

  /* Fixing that frame gives a photo that passes, face and all. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "photo.fix", NULL));
  ui_test_wait_until (gtk_widget_get_sensitive (ui_test_find (GTK_WIDGET (dialog), "use_button")));
  report = GTK_LABEL (ui_test_find (GTK_WIDGET (dialog), "report_label"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (report), "error"));
  g_assert_null (strstr (gtk_label_get_text (report), "人脸"));

  gtk_window_destroy (dialog);
  ui_test_iterate ();
}

/* Moved far off the face, the fix says what is wrong with the face. */
static void
test_off_face_frame_is_explained (void)
{
  g_autoptr(ShenbaoApplication) application = shenbao_application_new ();
  g_autoptr(GBytes) photo = off_centre_portrait ();
  GtkWindow *dialog = open_dialog (application, photo);
  ShenbaoCropView *view = SHENBAO_CROP_VIEW (ui_test_find (GTK_WIDGET (dialog), "crop_view"));
  ShenbaoPhotoCrop crop;
  GtkLabel *report;

  shenbao_crop_view_get_crop (view, &crop);
  crop.x += crop.width / 4;
  shenbao_crop_view_set_crop (view, &crop);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "photo.fix", NULL));
  report = GTK_LABEL (ui_test_find (GTK_WIDGET (dialog), "report_label"));
  ui_test_wait_until (gtk_widget_has_css_class (GTK_WIDGET (report), "error"));
  g_assert_nonnull (strstr (gtk_label_get_text (report), "人脸没有居中"));
  g_assert_false (gtk_widget_get_sensitive (ui_test_find (GTK_WIDGET (dialog), "use_button")));

  gtk_window_destroy (dialog);
  ui_test_iterate ();
}

static void
test_centred_without_a_face (void)
{
  g_autoptr(ShenbaoApplication) application = shenbao_application_new ();
  g_autoptr(GdkPixbuf) card = fixture_document (1200, 1600, 1.0);
  g_autoptr(GBytes) photo = fixture_jpeg (card, 92, FIXTURE_JPEG_BASELINE);
  GtkWindow *dialog = open_dialog (application, photo);
  ShenbaoCropView *view = SHENBAO_CROP_VIEW (ui_test_find (GTK_WIDGET (dialog), "crop_view"));
  ShenbaoPhotoCrop crop, centred;

  g_assert_false (shenbao_crop_view_get_face (view, NULL));
  shenbao_crop_view_get_crop (view, &crop);
  shenbao_photo_default_crop (1200, 1600, &centred);
  g_assert_cmpint (crop.x, ==, centred.x);
  g_assert_cmpint (crop.y, ==, centred.y);
  g_assert_cmpint (crop.width, ==, centred.width);

  gtk_window_destroy (dialog);
  ui_test_iterate ();
}

int
main (int    argc,
      char **argv)
{
  ui_test_init (&argc, &argv);
  shenbao_core_init ();

  g_test_add_func ("/ui/photo/starts-around-the-face", test_starts_around_the_face);
  g_test_add_func ("/ui/photo/off-face-frame", test_off_face_frame_is_explained);
  g_test_add_func ("/ui/photo/centred-without-a-face", test_centred_without_a_face);
  return g_test_run ();
}
