/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "shenbao.h"
#include "shenbao-app.h"
#include "shenbao-window.h"
#include "ui-test-util.h"

static ShenbaoApp *app;

static void
test_window_opens_on_empty_list (void)
{
  ShenbaoWindow *window;
  GtkWidget *empty_page;

  window = shenbao_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  ui_test_wait_until (gtk_widget_get_mapped (GTK_WIDGET (window)));

  empty_page = ui_test_find (GTK_WIDGET (window), "empty_page");
  g_assert_nonnull (empty_page);
  g_assert_true (gtk_widget_get_mapped (empty_page));
  /* The interface speaks Chinese under zh_CN (the test runs in that locale). */
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (empty_page)), ==, "还没有申报");

  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate ();
}

static void
test_window_remembers_size (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  ShenbaoWindow *window;
  int width, height;

  g_settings_set_int (settings, "window-width", 820);
  g_settings_set_int (settings, "window-height", 610);

  window = shenbao_window_new (app);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 820);
  g_assert_cmpint (height, ==, 610);

  gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 900);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 700);

  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate ();
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *db_dir = NULL;
  g_autofree char *db_path = NULL;

  ui_test_init (&argc, &argv);
  /* A database of its own: the empty state is what a first start shows. */
  db_dir = g_dir_make_tmp ("shenbao-ui-XXXXXX", NULL);
  db_path = g_build_filename (db_dir, "shenbao.db", NULL);
  g_setenv ("SHENBAO_DB", db_path, TRUE);
  shenbao_core_init ();
  app = shenbao_app_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  g_test_add_func ("/ui/window/empty-list", test_window_opens_on_empty_list);
  g_test_add_func ("/ui/window/remembers-size", test_window_remembers_size);

  return g_test_run ();
}
