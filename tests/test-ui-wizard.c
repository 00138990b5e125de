/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "shenbao.h"
#include "shenbao-app.h"
#include "shenbao-choice-row.h"
#include "shenbao-entry-row.h"
#include "shenbao-field-editor.h"
#include "shenbao-window.h"
#include "shenbao-wizard.h"
#include "ui-test-util.h"

static ShenbaoApp *app;
static char *db_path;

static GtkWidget *
editor_for (GtkWidget  *root,
            const char *field)
{
  g_autoptr(GPtrArray) editors = shenbao_field_editor_collect (root);

  for (guint i = 0; i < editors->len; i++)
    if (g_strcmp0 (shenbao_field_editor_get_field (editors->pdata[i]), field) == 0)
      return editors->pdata[i];
  g_error ("no editor for %s", field);
  return NULL;
}

/* Types into the row's entry, as a candidate would. */
static void
type_into (GtkWidget  *root,
           const char *field,
           const char *text)
{
  GtkWidget *row = editor_for (root, field);

  g_assert_true (SHENBAO_IS_ENTRY_ROW (row));
  gtk_editable_set_text (GTK_EDITABLE (shenbao_entry_row_get_entry (SHENBAO_ENTRY_ROW (row))), text);
}

/* Picks an item of the row's drop-down by its text. */
static void
choose (GtkWidget  *root,
        const char *field,
        const char *item)
{
  GtkWidget *row = editor_for (root, field);
  GListModel *model = adw_combo_row_get_model (ADW_COMBO_ROW (row));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (model), i), item))
      {
        adw_combo_row_set_selected (ADW_COMBO_ROW (row), i);
        return;
      }
  g_error ("no item %s in %s", item, field);
}

static ShenbaoApplication *
stored (gint64 id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShenbaoStore) store = shenbao_store_new (db_path, &error);
  ShenbaoApplication *application;

  g_assert_no_error (error);
  application = shenbao_store_load (store, id, &error);
  g_assert_no_error (error);
  return application;
}

static ShenbaoWindow *
open_new_application (void)
{
  ShenbaoWindow *window = shenbao_window_new (app);

  gtk_window_present (GTK_WINDOW (window));
  ui_test_wait_until (gtk_widget_get_mapped (GTK_WIDGET (window)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-application", NULL));
  ui_test_iterate ();
  return window;
}

static void
test_condition1_through_the_pages (void)
{
  ShenbaoWindow *window = open_new_application ();
  GtkWidget *root = GTK_WIDGET (window);
  ShenbaoWizard *wizard = shenbao_window_get_wizard (window);
  ShenbaoApplication *application = shenbao_wizard_get_application (wizard);
  g_autoptr(ShenbaoApplication) saved = NULL;
  g_autoptr(ShenbaoWorkEntry) entry = NULL;
  const ShenbaoVerdict *verdict;
  gint64 id;

  /* Step 1 */
  type_into (root, "person/name", "张三");
  type_into (root, "person/id-number", "110105199003071239");
  type_into (root, "person/id-valid-until", "2031-05-01");
  choose (root, "person/ethnicity", "汉族");
  choose (root, "person/education-level", "大学本科");
  type_into (root, "person/mobile", "13800138000");
  type_into (root, "person/email", "zhangsan@example.com");
  /* The gender and the birth date follow from the ID number. */
  g_assert_cmpstr (shenbao_application_get (application, SHENBAO_FIELD_PERSON_GENDER), ==, "男");
  g_assert_cmpstr (shenbao_application_get (application, SHENBAO_FIELD_PERSON_BIRTH_DATE), ==, "1990-03-07");

  /* Step 2: 职工 is preselected. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.next", NULL));
  g_assert_cmpstr (shenbao_application_get (application, SHENBAO_FIELD_PERSON_IDENTITY), ==, "职工");

  /* Step 3 */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.next", NULL));
  g_assert_cmpstr (shenbao_wizard_get_page (wizard), ==, "registration");
  choose (root, "occupation", "互联网营销师");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (ui_test_find (root, "condition1_button")), TRUE);
  g_assert_cmpint (shenbao_application_get_condition (application), ==, 1);
  gtk_widget_activate_action (ui_test_find (root, "work_list"), "page.add-work-entry", NULL);
  ui_test_iterate ();
  type_into (root, "work/1/employer", "北京某某网络科技有限公司");
  type_into (root, "work/1/founded", "2012-04-18");
  type_into (root, "work/1/from", "2018-03");
  type_into (root, "work/1/to", "至今");
  choose (root, "work/1/occupation", "营销员");

  shenbao_wizard_check_now (wizard);
  verdict = shenbao_wizard_get_verdict (wizard);
  g_assert_true (shenbao_verdict_passes (verdict));
  g_assert_cmpint (verdict->months_of_work, >=, 60);

  /* Everything typed is in the store already: no save button. */
  id = shenbao_application_get_id (application);
  g_assert_cmpint (id, >, 0);
  saved = stored (id);
  g_assert_cmpstr (shenbao_application_get (saved, SHENBAO_FIELD_PERSON_NAME), ==, "张三");
  g_assert_cmpstr (shenbao_application_get (saved, SHENBAO_FIELD_OCCUPATION), ==, "互联网营销师");
  g_assert_cmpstr (shenbao_application_get (saved, SHENBAO_FIELD_CONDITION), ==, "1");
  g_assert_cmpuint (shenbao_application_get_n_work_entries (saved), ==, 1);
  entry = shenbao_application_get_work_entry (saved, 0);
  g_assert_cmpstr (shenbao_work_entry_get (entry, SHENBAO_WORK_FIELD_OCCUPATION), ==, "营销员");

  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate ();
}

static void
test_bad_id_number_is_shown (void)
{
  ShenbaoWindow *window = open_new_application ();
  GtkWidget *root = GTK_WIDGET (window);
  ShenbaoWizard *wizard = shenbao_window_get_wizard (window);
  GtkWidget *row;

  type_into (root, "person/id-number", "110105199003071238");
  shenbao_wizard_check_now (wizard);
  row = editor_for (root, "person/id-number");
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "校验"));
  /* An empty required field is not marked before the candidate leaves the step. */
  g_assert_false (gtk_widget_has_css_class (editor_for (root, "person/name"), "error"));

  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate ();
}

static void
test_autosave_survives_destroyed_window (void)
{
  ShenbaoWindow *window = open_new_application ();
  ShenbaoApplication *application = shenbao_wizard_get_application (shenbao_window_get_wizard (window));
  g_autoptr(ShenbaoApplication) saved = NULL;
  gint64 id;

  type_into (GTK_WIDGET (window), "person/name", "王堃");
  id = shenbao_application_get_id (application);
  /* Closed at once, mid-edit: nothing is pending. */
  gtk_window_destroy (GTK_WINDOW (window));
  saved = stored (id);
  g_assert_cmpstr (shenbao_application_get (saved, SHENBAO_FIELD_PERSON_NAME), ==, "王堃");
  ui_test_iterate ();
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static void
test_delete_asks (void)
{
  ShenbaoWindow *window = open_new_application ();
  ShenbaoApplication *application = shenbao_wizard_get_application (shenbao_window_get_wizard (window));
  g_autoptr(ShenbaoStore) store = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  gint64 id;

  type_into (GTK_WIDGET (window), "person/name", "李四");
  id = shenbao_application_get_id (application);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-list", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-application", "x", id));
  ui_test_wait_until (find_message_dialog () != NULL);
  dialog = find_message_dialog ();

  /* Cancel keeps it. */
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (stored (id));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-application", "x", id));
  ui_test_wait_until (find_message_dialog () != NULL);
  dialog = find_message_dialog ();
  adw_message_dialog_response (dialog, "delete");
  gtk_window_destroy (GTK_WINDOW (dialog));
  store = shenbao_store_new (db_path, &error);
  g_assert_no_error (error);
  g_assert_null (shenbao_store_load (store, id, &error));
  g_assert_nonnull (error);

  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate ();
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *dir = NULL;
  int status;

  ui_test_init (&argc, &argv);
  dir = g_dir_make_tmp ("shenbao-ui-XXXXXX", NULL);
  db_path = g_build_filename (dir, "shenbao.db", NULL);
  g_setenv ("SHENBAO_DB", db_path, TRUE);
  shenbao_core_init ();
  app = shenbao_app_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  g_test_add_func ("/ui/wizard/condition1", test_condition1_through_the_pages);
  g_test_add_func ("/ui/wizard/bad-id-number", test_bad_id_number_is_shown);
  g_test_add_func ("/ui/wizard/autosave", test_autosave_survives_destroyed_window);
  g_test_add_func ("/ui/wizard/delete-asks", test_delete_asks);

  status = g_test_run ();
  g_clear_object (&app);
  g_free (db_path);
  return status;
}
