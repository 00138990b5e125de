/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "shenbao.h"
#include "shenbao-app.h"
#include "shenbao-field-editor.h"
#include "shenbao-window.h"
#include "shenbao-wizard.h"
#include "image-fixtures.h"
#include "ui-test-util.h"

/* Not a test: draws the window on every step of a condition-1 application
 * that lacks its materials, light and dark, at a large and a small size, into
 * PNG files for a person to look at (tests/screenshots.sh). */

static void
save_window (GtkWidget  *window,
             const char *path)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (window), gtk_widget_get_height (window));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node, NULL);
  if (!gdk_texture_save_to_png (texture, path))
    g_printerr ("could not write %s\n", path);
}

static void
settle (void)
{
  gint64 until = g_get_monotonic_time () + G_USEC_PER_SEC / 2;

  while (g_get_monotonic_time () < until)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
}

static GtkWidget *
find_type (GtkWidget *root,
           GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_type (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The step shown scrolled down to target. */
static void
save_scrolled_to (ShenbaoWindow *window,
                  GtkWidget     *target,
                  const char    *path)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (target, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  graphene_point_t point;

  if (gtk_widget_compute_point (target, scrolled, &GRAPHENE_POINT_INIT (0, 0), &point))
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + point.y - 12);
  settle ();
  save_window (GTK_WIDGET (window), path);
  gtk_adjustment_set_value (adjustment, 0);
}

/* Step 3 scrolled down to the work history, its entry unfolded (the verdict
 * bar must still be in view), and for condition 2 to the certificate. */
static void
save_work_history (ShenbaoWindow *window,
                   ShenbaoWizard *wizard,
                   const char    *out,
                   guint          dark,
                   int            width)
{
  GtkWidget *page = gtk_stack_get_visible_child (GTK_STACK (find_type (GTK_WIDGET (wizard), GTK_TYPE_STACK)));
  GtkWidget *work = find_type (page, g_type_from_name ("ShenbaoWorkEntryRow"));
  ShenbaoApplication *application = shenbao_wizard_get_application (wizard);
  g_autofree char *name = g_strdup_printf ("3b-work-%s-%d.png", dark ? "dark" : "light", width);
  g_autofree char *certificate = g_strdup_printf ("3c-certificate-%s-%d.png", dark ? "dark" : "light", width);
  g_autofree char *work_path = g_build_filename (out, name, NULL);
  g_autofree char *certificate_path = g_build_filename (out, certificate, NULL);
  g_autoptr(GPtrArray) editors = NULL;

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (work), TRUE);
  settle ();
  save_scrolled_to (window, work, work_path);
  shenbao_application_set (application, SHENBAO_FIELD_CONDITION, "2");
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (work), FALSE);
  settle ();
  editors = shenbao_field_editor_collect (page);
  for (guint i = 0; i < editors->len; i++)
    if (g_str_equal (shenbao_field_editor_get_field (editors->pdata[i]), "certificate/occupation"))
      save_scrolled_to (window, editors->pdata[i], certificate_path);
  shenbao_application_set (application, SHENBAO_FIELD_CONDITION, "1");
}

/* Step 5 scrolled down to the review tracker and its history. */
static void
save_review (ShenbaoWindow *window,
             ShenbaoWizard *wizard,
             const char    *out,
             guint          dark,
             int            width)
{
  GtkWidget *page = gtk_stack_get_visible_child (GTK_STACK (find_type (GTK_WIDGET (wizard), GTK_TYPE_STACK)));
  GtkWidget *review = find_type (page, g_type_from_name ("ShenbaoReviewSection"));
  g_autofree char *name = g_strdup_printf ("5b-review-%s-%d.png", dark ? "dark" : "light", width);
  g_autofree char *path = g_build_filename (out, name, NULL);

  save_scrolled_to (window, review, path);
}

int
main (int    argc,
      char **argv)
{
  static const char * const pages[] = { "basic", "identity", "registration", "uploads", "export" };
  static const struct { int width, height; } sizes[] = { { 1280, 900 }, { 800, 600 } };
  g_autofree char *dir = g_dir_make_tmp ("shenbao-shots-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "shenbao.db", NULL);
  const char *out = argc > 1 ? argv[1] : ".";
  g_autoptr(ShenbaoApp) app = NULL;
  ShenbaoWindow *window;
  ShenbaoWizard *wizard;
  ShenbaoApplication *application;
  g_autoptr(ShenbaoWorkEntry) entry = shenbao_work_entry_new ();

  g_setenv ("SHENBAO_DB", db, TRUE);
  gtk_init ();
  adw_init ();
  shenbao_core_init ();
  app = shenbao_app_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, NULL);

  window = shenbao_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  settle ();
  save_window (GTK_WIDGET (window), g_build_filename (out, "list-empty.png", NULL));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-application", NULL);
  settle ();
  save_window (GTK_WIDGET (window), g_build_filename (out, "new-basic.png", NULL));
  wizard = shenbao_window_get_wizard (window);
  application = shenbao_wizard_get_application (wizard);
  shenbao_application_set (application, SHENBAO_FIELD_PERSON_NAME, "张三");
  shenbao_application_set (application, SHENBAO_FIELD_PERSON_ID_NUMBER, "110105199003071239");
  shenbao_application_set (application, SHENBAO_FIELD_PERSON_MOBILE, "13800138000");
  shenbao_application_set (application, SHENBAO_FIELD_OCCUPATION, "互联网营销师");
  shenbao_application_set (application, SHENBAO_FIELD_CONDITION, "1");
  shenbao_work_entry_set (entry, SHENBAO_WORK_FIELD_EMPLOYER, "北京某某网络科技有限公司");
  shenbao_work_entry_set (entry, SHENBAO_WORK_FIELD_FOUNDED, "2012-04-18");
  shenbao_work_entry_set (entry, SHENBAO_WORK_FIELD_FROM, "2018-03");
  shenbao_work_entry_set (entry, SHENBAO_WORK_FIELD_TO, "至今");
  shenbao_work_entry_set (entry, SHENBAO_WORK_FIELD_OCCUPATION, "营销员");
  shenbao_application_append_work_entry (application, entry);
  /* A phone's portrait, too big and 4:3: the photo's findings show. */
  {
    g_autoptr(GdkPixbuf) portrait = fixture_portrait (1500, 2000, FIXTURE_WHITE, 1.0);
    g_autoptr(GBytes) jpeg = fixture_jpeg (portrait, 92, FIXTURE_JPEG_BASELINE);

    shenbao_application_set_attachment (application, "个人照片", "phone.jpg", jpeg);
  }
  settle ();

  for (guint dark = 0; dark < 2; dark++)
    {
      adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                          dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
      for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
        {
          gtk_window_set_default_size (GTK_WINDOW (window), sizes[s].width, sizes[s].height);
          for (guint p = 0; p < G_N_ELEMENTS (pages); p++)
            {
              g_autofree char *name = g_strdup_printf ("%u-%s-%s-%d.png", p + 1, pages[p],
                                                       dark ? "dark" : "light", sizes[s].width);
              g_autofree char *path = g_build_filename (out, name, NULL);

              shenbao_wizard_set_page (wizard, pages[p]);
              settle ();
              save_window (GTK_WIDGET (window), path);
              if (g_str_equal (pages[p], "registration"))
                save_work_history (window, wizard, out, dark, sizes[s].width);
              if (g_str_equal (pages[p], "export"))
                save_review (window, wizard, out, dark, sizes[s].width);
            }
        }
    }
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-list", NULL);
  settle ();
  save_window (GTK_WIDGET (window), g_build_filename (out, "list.png", NULL));
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
