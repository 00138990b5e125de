/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include <gtk/gtkunixprint.h>
#include <sqlite3.h>

#include "shenbao.h"
#include "shenbao-app.h"
#include "shenbao-choice-row.h"
#include "shenbao-crop-view.h"
#include "shenbao-entry-row.h"
#include "shenbao-export-page.h"
#include "shenbao-field-editor.h"
#include "shenbao-photo-dialog.h"
#include "shenbao-slot-row.h"
#include "shenbao-uploads-page.h"
#include "shenbao-verdict-row.h"
#include "shenbao-window.h"
#include "shenbao-wizard.h"
#include "shenbao-wizard-page.h"
#include "image-fixtures.h"
#include "ui-test-util.h"

static ShenbaoApp *app;
static char *db_path;
static char *work_dir;

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
  GtkDropDown *drop_down = shenbao_choice_row_get_drop_down (SHENBAO_CHOICE_ROW (editor_for (root, field)));
  GListModel *model = gtk_drop_down_get_model (drop_down);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (model), i), item))
      {
        gtk_drop_down_set_selected (drop_down, i);
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

/* Steps 1 and 2 as a candidate fills them; step 2 keeps 职工. */
static void
fill_person (ShenbaoWizard *wizard,
             const char    *name,
             const char    *id_number)
{
  GtkWidget *root = GTK_WIDGET (wizard);

  type_into (root, "person/name", name);
  type_into (root, "person/id-number", id_number);
  type_into (root, "person/id-valid-until", "2031-05-01");
  choose (root, "person/ethnicity", "汉族");
  choose (root, "person/education-level", "大学本科");
  type_into (root, "person/mobile", "13800138000");
  type_into (root, "person/email", "candidate@example.com");
  g_assert_true (gtk_widget_activate_action (root, "wizard.next", NULL));
  g_assert_true (gtk_widget_activate_action (root, "wizard.next", NULL));
  g_assert_cmpstr (shenbao_wizard_get_page (wizard), ==, "registration");
}

static void
choose_condition (ShenbaoWizard *wizard,
                  const char    *occupation,
                  int            condition)
{
  GtkWidget *root = GTK_WIDGET (wizard);
  g_autofree char *button = g_strdup_printf ("condition%d_button", condition);

  choose (root, "occupation", occupation);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (ui_test_find (root, button)), TRUE);
  g_assert_cmpint (shenbao_application_get_condition (shenbao_wizard_get_application (wizard)), ==, condition);
}

static void
add_work_entry (ShenbaoWizard *wizard,
                guint          number,
                const char    *employer,
                const char    *founded,
                const char    *from,
                const char    *to,
                const char    *occupation)
{
  GtkWidget *root = GTK_WIDGET (wizard);
  g_autofree char *prefix = g_strdup_printf ("work/%u/", number);
  g_autofree char *employer_field = g_strconcat (prefix, "employer", NULL);
  g_autofree char *founded_field = g_strconcat (prefix, "founded", NULL);
  g_autofree char *from_field = g_strconcat (prefix, "from", NULL);
  g_autofree char *to_field = g_strconcat (prefix, "to", NULL);
  g_autofree char *occupation_field = g_strconcat (prefix, "occupation", NULL);

  gtk_widget_activate_action (ui_test_find (root, "work_list"), "page.add-work-entry", NULL);
  ui_test_iterate ();
  type_into (root, employer_field, employer);
  type_into (root, founded_field, founded);
  type_into (root, from_field, from);
  type_into (root, to_field, to);
  choose (root, occupation_field, occupation);
}

/* A whole condition-1 application through steps 1–3. */
static ShenbaoWindow *
open_condition1 (void)
{
  ShenbaoWindow *window = open_new_application ();
  ShenbaoWizard *wizard = shenbao_window_get_wizard (window);

  fill_person (wizard, "张三", "110105199003071239");
  choose_condition (wizard, "互联网营销师", 1);
  add_work_entry (wizard, 1, "北京某某网络科技有限公司", "2012-04-18", "2018-03", "至今", "营销员");
  return window;
}

static void
test_condition1_through_the_pages (void)
{
  ShenbaoWindow *window = open_condition1 ();
  ShenbaoWizard *wizard = shenbao_window_get_wizard (window);
  ShenbaoApplication *application = shenbao_wizard_get_application (wizard);
  g_autoptr(ShenbaoApplication) saved = NULL;
  g_autoptr(ShenbaoWorkEntry) entry = NULL;
  const ShenbaoVerdict *verdict;
  gint64 id;

  /* The gender and the birth date follow from the ID number. */
  g_assert_cmpstr (shenbao_application_get (application, SHENBAO_FIELD_PERSON_GENDER), ==, "男");
  g_assert_cmpstr (shenbao_application_get (application, SHENBAO_FIELD_PERSON_BIRTH_DATE), ==, "1990-03-07");
  /* 职工 is preselected. */
  g_assert_cmpstr (shenbao_application_get (application, SHENBAO_FIELD_PERSON_IDENTITY), ==, "职工");

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

  /* A typed lower-case x is stored as the X the entry shows. */
  type_into (root, "person/id-number", "11010519900307101x");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (shenbao_entry_row_get_entry (SHENBAO_ENTRY_ROW (row)))), ==,
                   "11010519900307101X");
  g_assert_cmpstr (shenbao_application_get (shenbao_wizard_get_application (wizard), SHENBAO_FIELD_PERSON_ID_NUMBER),
                   ==, "11010519900307101X");
  shenbao_wizard_check_now (wizard);
  g_assert_false (gtk_widget_has_css_class (row, "error"));

  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate ();
}

static void
assert_marks (ShenbaoWizard           *wizard,
              const ShenbaoStepStatus *expected)
{
  static const char * const images[] = { "status_basic", "status_identity", "status_registration", "status_uploads" };
  static const char * const styles[] = { "success", "warning", "warning", "error" };

  shenbao_wizard_check_now (wizard);
  ui_test_iterate ();
  for (ShenbaoStep step = 0; step < SHENBAO_N_STEPS; step++)
    {
      GtkWidget *image = ui_test_find (GTK_WIDGET (wizard), images[step]);

      g_assert_cmpint (shenbao_wizard_get_step_status (wizard, step), ==, expected[step]);
      /* What the candidate sees: the mark is there and has the state's colour. */
      g_assert_true (gtk_widget_get_visible (image));
      g_assert_true (gtk_widget_has_css_class (image, styles[expected[step]]));
      if (expected[step] != SHENBAO_STEP_STATUS_ERROR)
        g_assert_false (gtk_widget_has_css_class (image, "error"));
    }
  /* Print & export holds no field and has no mark. */
  g_assert_null (ui_test_find (GTK_WIDGET (wizard), "status_export"));
}

static const char *
verdict_text (ShenbaoWizard *wizard,
              const char   **style)
{
  GtkWidget *row = ui_test_find (GTK_WIDGET (wizard), "verdict_row");

  *style = shenbao_verdict_row_get_state_style (SHENBAO_VERDICT_ROW (row));
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
}

/* Every step's mark is computed from the application at once, before any
 * step is visited, and reads the same after reopening. */
static void
test_step_marks_from_the_application (void)
{
  static const ShenbaoStepStatus fresh[] = {
    SHENBAO_STEP_STATUS_INCOMPLETE, SHENBAO_STEP_STATUS_COMPLETE,
    SHENBAO_STEP_STATUS_INCOMPLETE, SHENBAO_STEP_STATUS_INCOMPLETE,
  };
  static const ShenbaoStepStatus lacking_materials[] = {
    SHENBAO_STEP_STATUS_COMPLETE, SHENBAO_STEP_STATUS_COMPLETE,
    SHENBAO_STEP_STATUS_COMPLETE, SHENBAO_STEP_STATUS_INCOMPLETE,
  };
  static const ShenbaoStepStatus bad_id[] = {
    SHENBAO_STEP_STATUS_ERROR, SHENBAO_STEP_STATUS_COMPLETE,
    SHENBAO_STEP_STATUS_COMPLETE, SHENBAO_STEP_STATUS_INCOMPLETE,
  };
  ShenbaoWindow *window = open_new_application ();
  ShenbaoWizard *wizard = shenbao_window_get_wizard (window);
  g_autoptr(ShenbaoApplication) reopened = NULL;
  const char *style;
  gint64 id;

  /* A new application: nothing red, though nothing is filled in. */
  assert_marks (wizard, fresh);
  g_assert_cmpstr (shenbao_wizard_get_page (wizard), ==, "basic");
  g_assert_cmpstr (verdict_text (wizard, &style), ==, "请先选择申报条件：审核预判和所需材料都由它决定。");
  g_assert_cmpstr (style, ==, "to-fix");
  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate ();

  window = open_condition1 ();
  wizard = shenbao_window_get_wizard (window);
  id = shenbao_application_get_id (shenbao_wizard_get_application (wizard));
  assert_marks (wizard, lacking_materials);
  g_assert_cmpstr (verdict_text (wizard, &style), ==, "工作经历中，本职业或相关职业的累计工作时间已满 5 年。");
  g_assert_cmpstr (style, ==, "passes");
  /* On step 3 the verdict stays in view above the scrolled fields, in a
   * small window too. */
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
  shenbao_wizard_set_page (wizard, "registration");
  ui_test_wait_until (gtk_widget_get_mapped (ui_test_find (GTK_WIDGET (wizard), "verdict_row")));
  g_assert_null (gtk_widget_get_ancestor (ui_test_find (GTK_WIDGET (wizard), "verdict_row"), GTK_TYPE_SCROLLED_WINDOW));

  /* A required field emptied where it was not left: the field is not red
   * yet, but the card does not call the application ready. */
  shenbao_application_set (shenbao_wizard_get_application (wizard), SHENBAO_FIELD_PERSON_EMAIL, "");
  shenbao_wizard_check_now (wizard);
  g_assert_false (gtk_widget_has_css_class (editor_for (GTK_WIDGET (wizard), "person/email"), "error"));
  g_assert_cmpstr (verdict_text (wizard, &style), ==, "还有 1 处问题需要改正，第一处：邮箱未填写");
  g_assert_cmpstr (style, ==, "to-fix");
  shenbao_application_set (shenbao_wizard_get_application (wizard), SHENBAO_FIELD_PERSON_EMAIL, "candidate@example.com");

  /* Condition 3 with nothing of the education: to fill in, and what first. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (ui_test_find (GTK_WIDGET (wizard), "condition3_button")), TRUE);
  shenbao_wizard_check_now (wizard);
  g_assert_cmpstr (verdict_text (wizard, &style), ==, "学校类型未填写");
  g_assert_cmpstr (style, ==, "to-fix");
  /* Condition 2 with a certificate issued last year: not met, and why. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (ui_test_find (GTK_WIDGET (wizard), "condition2_button")), TRUE);
  choose (GTK_WIDGET (wizard), "certificate/occupation", "互联网营销师");
  choose (GTK_WIDGET (wizard), "certificate/level", "五级");
  type_into (GTK_WIDGET (wizard), "certificate/number", "S000011000005213000123");
  type_into (GTK_WIDGET (wizard), "certificate/issued", "2025-06-30");
  shenbao_wizard_check_now (wizard);
  g_assert_true (g_str_has_prefix (verdict_text (wizard, &style), "申报条件 2 需要"));
  g_assert_cmpstr (style, ==, "not-met");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (ui_test_find (GTK_WIDGET (wizard), "condition1_button")), TRUE);

  type_into (GTK_WIDGET (wizard), "person/id-number", "110105199003071238");
  assert_marks (wizard, bad_id);
  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate ();

  window = shenbao_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  reopened = stored (id);
  shenbao_window_open_application (window, reopened);
  assert_marks (shenbao_window_get_wizard (window), bad_id);
  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate ();
}

/* No message anywhere in the page quotes an empty value. */
static void
assert_no_empty_quotes (GtkWidget *root)
{
  g_autoptr(GPtrArray) editors = shenbao_field_editor_collect (root);

  for (guint i = 0; i < editors->len; i++)
    {
      const char *subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (editors->pdata[i]));

      g_assert_null (strstr (subtitle != NULL ? subtitle : "", "“”"));
    }
}

/* A work entry added after the step was left is not red before anything is
 * typed; a field left empty says so once the focus leaves it. */
static void
test_new_work_entry_not_red (void)
{
  ShenbaoWindow *window = open_condition1 ();
  ShenbaoWizard *wizard = shenbao_window_get_wizard (window);
  GtkWidget *root = GTK_WIDGET (wizard);
  GtkWidget *employer;

  g_assert_true (gtk_widget_activate_action (root, "wizard.next", NULL));
  g_assert_true (gtk_widget_activate_action (root, "wizard.back", NULL));
  gtk_widget_activate_action (ui_test_find (root, "work_list"), "page.add-work-entry", NULL);
  ui_test_iterate ();
  shenbao_wizard_check_now (wizard);
  for (guint i = 0; i < 6; i++)
    {
      static const char * const fields[] = { "employer", "founded", "deregistered", "from", "to", "occupation" };
      g_autofree char *field = g_strdup_printf ("work/2/%s", fields[i]);

      g_assert_false (gtk_widget_has_css_class (editor_for (root, field), "error"));
    }
  assert_no_empty_quotes (root);

  employer = editor_for (root, "work/2/employer");
  gtk_widget_grab_focus (GTK_WIDGET (shenbao_entry_row_get_entry (SHENBAO_ENTRY_ROW (employer))));
  gtk_widget_grab_focus (GTK_WIDGET (shenbao_entry_row_get_entry (SHENBAO_ENTRY_ROW (editor_for (root, "work/2/founded")))));
  shenbao_wizard_check_now (wizard);
  g_assert_true (gtk_widget_has_css_class (employer, "error"));
  g_assert_false (gtk_widget_has_css_class (editor_for (root, "work/2/from"), "error"));
  assert_no_empty_quotes (root);

  /* Removed and added again: the new second entry is new, not red. */
  shenbao_application_remove_work_entry (shenbao_wizard_get_application (wizard), 1);
  gtk_widget_activate_action (ui_test_find (root, "work_list"), "page.add-work-entry", NULL);
  ui_test_iterate ();
  shenbao_wizard_check_now (wizard);
  g_assert_false (gtk_widget_has_css_class (editor_for (root, "work/2/employer"), "error"));

  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate ();
}

/* The field editor that holds the focus, or NULL. */
static GtkWidget *
focused_editor (GtkWidget *window)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return focus != NULL ? gtk_widget_get_ancestor (focus, SHENBAO_TYPE_FIELD_EDITOR) : NULL;
}

/* Presses the window's own shortcut for the key, as the key would. */
static void
press_shortcut (GtkWidget       *window,
                guint            keyval,
                GdkModifierType  modifiers)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (window);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger)
              && gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval
              && gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers)
            {
              g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, window,
                                                           gtk_shortcut_get_arguments (shortcut)));
              return;
            }
        }
    }
  g_error ("no shortcut for %s", gdk_keyval_name (keyval));
}

/* The keyboard: the focus starts in 姓名, Tab stops once per field row,
 * Enter moves on and after the last field to 下一步, Escape and Alt+← go
 * back to the list. */
static void
test_keyboard_flow (void)
{
  ShenbaoWindow *window = open_new_application ();
  GtkWidget *root = GTK_WIDGET (window);
  ShenbaoWizard *wizard = shenbao_window_get_wizard (window);
  GtkWidget *page = ui_test_find (root, "basic_page");
  g_autoptr(GPtrArray) editors = shenbao_field_editor_collect (page);
  GtkWidget *postcode;

  ui_test_iterate ();
  g_assert_true (focused_editor (root) == editor_for (root, "person/name"));
  g_assert_true (GTK_IS_TEXT (gtk_root_get_focus (GTK_ROOT (root))));

  for (guint i = 0; i + 1 < editors->len; i++)
    {
      g_assert_true (focused_editor (root) == editors->pdata[i]);
      g_signal_emit_by_name (window, "move-focus", GTK_DIR_TAB_FORWARD);
      g_assert_true (focused_editor (root) == editors->pdata[i + 1]);
    }

  /* The long lists can be searched by typing. */
  g_assert_true (gtk_drop_down_get_enable_search (shenbao_choice_row_get_drop_down (SHENBAO_CHOICE_ROW (editor_for (root, "person/ethnicity")))));
  g_assert_nonnull (gtk_drop_down_get_expression (shenbao_choice_row_get_drop_down (SHENBAO_CHOICE_ROW (editor_for (root, "person/ethnicity")))));

  /* Enter in 邮政编码 goes on to the drop-down after it. */
  postcode = editor_for (root, "person/postcode");
  gtk_widget_grab_focus (GTK_WIDGET (shenbao_entry_row_get_entry (SHENBAO_ENTRY_ROW (postcode))));
  g_signal_emit_by_name (shenbao_entry_row_get_entry (SHENBAO_ENTRY_ROW (postcode)), "activate");
  g_assert_true (focused_editor (root) == editor_for (root, "person/assessment-category"));

  /* Enter in the last field of step 3 goes to 下一步. */
  shenbao_wizard_set_page (wizard, "registration");
  ui_test_iterate ();
  g_signal_emit_by_name (shenbao_entry_row_get_entry (SHENBAO_ENTRY_ROW (editor_for (root, "signature-date"))), "activate");
  g_assert_true (gtk_root_get_focus (GTK_ROOT (root)) == ui_test_find (root, "next_button"));

  /* 下一步 and 上一步 put the focus in the first field of the step shown. */
  shenbao_wizard_set_page (wizard, "identity");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.next", NULL));
  g_assert_true (focused_editor (root) == editor_for (root, "occupation"));

  press_shortcut (root, GDK_KEY_Escape, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (ui_test_find (root, "main_stack"))), ==, "list");
  g_assert_true (gtk_widget_activate_action (root, "win.new-application", NULL));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (ui_test_find (root, "main_stack"))), ==, "wizard");
  press_shortcut (root, GDK_KEY_Left, GDK_ALT_MASK);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (ui_test_find (root, "main_stack"))), ==, "list");

  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate ();
}

/* A button shown with that label, such as a toast's. */
static gboolean
has_button (GtkWidget  *root,
            const char *label)
{
  if (GTK_IS_BUTTON (root) && gtk_widget_get_mapped (root)
      && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (has_button (child, label))
      return TRUE;
  return FALSE;
}

static guint
listed (ShenbaoWindow *window)
{
  GtkListBox *list = GTK_LIST_BOX (ui_test_find (GTK_WIDGET (window), "application_list"));
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, (int) n) != NULL)
    n++;
  return n;
}

static gboolean
list_shows (ShenbaoWindow *window,
            const char    *name)
{
  GtkListBox *list = GTK_LIST_BOX (ui_test_find (GTK_WIDGET (window), "application_list"));
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), name) == 0)
      return TRUE;
  return FALSE;
}

/* Application files through the window: the open application exported with
 * its attachment, imported back as a new one; and the list follows an
 * import that shenbao-cli makes into the same database meanwhile. */
static void
test_application_files_in_the_window (void)
{
  ShenbaoWindow *window = open_condition1 ();
  ShenbaoApplication *application = shenbao_wizard_get_application (shenbao_window_get_wizard (window));
  g_autofree char *folder = g_build_filename (work_dir, "files", NULL);
  g_autofree char *path = g_build_filename (folder, "张三.xml", NULL);
  g_autofree char *fixture = g_build_filename (TEST_SRCDIR, "fixtures", "condition2.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) jpeg = g_bytes_new_static ("\xff\xd8\xff\xd9", 4);
  g_autoptr(ShenbaoApplication) imported = NULL;
  g_autoptr(ShenbaoApplication) from_file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  const char *argv[] = { g_getenv ("SHENBAO_CLI"), "--db", db_path, "import", fixture, NULL };
  int status;
  guint before;
  gint64 id;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  shenbao_application_set_attachment (application, "个人照片", "photo.jpg", jpeg);
  g_assert_true (shenbao_window_export_file (window, file));
  ui_test_wait_until (has_button (GTK_WIDGET (window), "打开文件夹(_O)"));
  from_file = shenbao_application_file_load (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (shenbao_application_get (from_file, SHENBAO_FIELD_PERSON_NAME), ==, "张三");
  g_assert_nonnull (shenbao_application_get_attachment (from_file, "个人照片"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-list", NULL));
  before = listed (window);
  id = shenbao_window_import_file (window, file);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpuint (listed (window), ==, before + 1);
  imported = stored (id);
  g_assert_cmpstr (shenbao_application_get (imported, SHENBAO_FIELD_OCCUPATION), ==, "互联网营销师");
  g_assert_nonnull (shenbao_application_get_attachment (imported, "个人照片"));

  /* Another process writes the store: the open list shows it. */
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  ui_test_wait_until (listed (window) == before + 2);
  g_assert_true (list_shows (window, "王堃"));

  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate ();
}

/* New, then back to the list with nothing typed: no empty draft is kept. */
static void
test_untouched_draft_not_kept (void)
{
  ShenbaoWindow *window = open_new_application ();
  gint64 id = shenbao_application_get_id (shenbao_wizard_get_application (shenbao_window_get_wizard (window)));
  g_autoptr(ShenbaoStore) store = NULL;
  g_autoptr(ShenbaoApplication) gone = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (id, >, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-list", NULL));
  store = shenbao_store_new (db_path, &error);
  g_assert_no_error (error);
  gone = shenbao_store_load (store, id, &error);
  g_assert_null (gone);
  g_assert_error (error, SHENBAO_ERROR, SHENBAO_ERROR_NOT_FOUND);

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
  /* The dialog names what it deletes. */
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), "李四"));

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

/* —— step 4 and 5 —— */

static char *
write_file (const char *name,
            GBytes     *data)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (work_dir, name, NULL);

  g_file_set_contents (path, g_bytes_get_data (data, NULL), (gssize) g_bytes_get_size (data), &error);
  g_assert_no_error (error);
  return path;
}

/* What a candidate would pick for the slot: a phone picture of the card or
 * the handwritten form, and for the photo one made by the fixer. */
static GBytes *
picture_for (const ShenbaoSlot *slot)
{
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GBytes) jpeg = NULL;
  g_autoptr(GError) error = NULL;
  ShenbaoPhotoFixReport report;
  GBytes *photo;

  switch (slot->kind)
    {
    case SHENBAO_SLOT_KIND_PHOTO:
      pixbuf = fixture_portrait (900, 1260, FIXTURE_WHITE, 1.0);
      jpeg = fixture_jpeg (pixbuf, 95, FIXTURE_JPEG_BASELINE);
      photo = shenbao_photo_fix (jpeg, NULL, &report, &error);
      g_assert_no_error (error);
      return photo;
    case SHENBAO_SLOT_KIND_ID_CARD:
      pixbuf = fixture_document (1200, 760, 0.0);
      break;
    case SHENBAO_SLOT_KIND_HANDWRITTEN_FORM:
      pixbuf = fixture_document (1240, 1754, 0.0);
      break;
    case SHENBAO_SLOT_KIND_DOCUMENT:
    default:
      pixbuf = fixture_document (1600, 1130, 0.0);
      break;
    }
  return fixture_jpeg (pixbuf, 90, FIXTURE_JPEG_BASELINE);
}

static ShenbaoSlotRow *
slot_row (GtkWidget  *root,
          const char *slot)
{
  GtkWidget *list = ui_test_find (root, "slot_list");

  for (GtkWidget *child = gtk_widget_get_first_child (list); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (SHENBAO_IS_SLOT_ROW (child) && g_str_equal (shenbao_slot_row_get_slot_name (SHENBAO_SLOT_ROW (child)), slot))
      return SHENBAO_SLOT_ROW (child);
  g_error ("no row for %s", slot);
  return NULL;
}

static const char *
preview_of (GtkWidget  *root,
            const char *slot)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (ui_test_find (GTK_WIDGET (slot_row (root, slot)), "preview_stack")));
}

/* Attaches a file through the uploads page, as the picker or a drop does,
 * and waits for its checks. */
static void
attach (ShenbaoWizard *wizard,
        const char    *slot,
        const char    *path)
{
  GtkWidget *root = GTK_WIDGET (wizard);
  ShenbaoApplication *application = shenbao_wizard_get_application (wizard);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  const ShenbaoAttachment *before = shenbao_application_get_attachment (application, slot);
  GBytes *old = before != NULL ? before->data : NULL;

  shenbao_uploads_page_attach_file (SHENBAO_UPLOADS_PAGE (ui_test_find (root, "uploads_page")), slot, file);
  ui_test_wait_until (shenbao_application_get_attachment (application, slot) != NULL
                      && shenbao_application_get_attachment (application, slot)->data != old);
  ui_test_wait_until (g_strcmp0 (preview_of (root, slot), "checking") != 0);
}

static void
attach_all (ShenbaoWizard *wizard)
{
  ShenbaoApplication *application = shenbao_wizard_get_application (wizard);
  GPtrArray *materials = shenbao_catalogue_get_materials (shenbao_catalogue_get_default (NULL),
                                                          shenbao_application_get_condition (application));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.go", "s", "uploads"));
  for (guint i = 0; i < materials->len; i++)
    {
      const ShenbaoSlot *slot = g_ptr_array_index (materials, i);
      g_autoptr(GBytes) picture = picture_for (slot);
      g_autofree char *name = g_strconcat (slot->id, ".jpg", NULL);
      g_autofree char *path = write_file (name, picture);

      attach (wizard, slot->name, path);
      g_assert_cmpstr (preview_of (GTK_WIDGET (wizard), slot->name), ==, "thumbnail");
    }
}

/* Every material is in the store byte for byte and the final check passes. */
static void
assert_complete_in_store (ShenbaoApplication *application)
{
  g_autoptr(ShenbaoApplication) saved = stored (shenbao_application_get_id (application));
  g_autoptr(ShenbaoVerdict) verdict = NULL;
  GPtrArray *attachments = shenbao_application_get_attachments (application);
  GDate today;

  g_assert_cmpuint (attachments->len, >, 0);
  for (guint i = 0; i < attachments->len; i++)
    {
      const ShenbaoAttachment *attachment = g_ptr_array_index (attachments, i);
      const ShenbaoAttachment *kept = shenbao_application_get_attachment (saved, attachment->slot);

      g_assert_nonnull (kept);
      g_assert_true (g_bytes_equal (kept->data, attachment->data));
    }
  shenbao_date_set_today (&today);
  verdict = shenbao_rules_check (saved, shenbao_catalogue_get_default (NULL), SHENBAO_RULES_COMPLETE, &today);
  if (!shenbao_verdict_passes (verdict))
    g_error ("%s", shenbao_findings_join (verdict->findings));
}

static gboolean
step_marked_error (ShenbaoWizard *wizard,
                   const char    *image)
{
  GtkWidget *status = ui_test_find (GTK_WIDGET (wizard), image);

  return gtk_widget_get_visible (status) && gtk_widget_has_css_class (status, "error");
}

static void
test_condition2_with_uploads (void)
{
  ShenbaoWindow *window = open_new_application ();
  ShenbaoWizard *wizard = shenbao_window_get_wizard (window);
  GtkWidget *root = GTK_WIDGET (wizard);
  ShenbaoApplication *application = shenbao_wizard_get_application (wizard);
  g_autoptr(GBytes) gif = g_bytes_new_static ("GIF89a\x01\x00\x01\x00\x00\x00\x00;", 14);
  g_autofree char *renamed = write_file ("renamed.jpg", gif);
  g_autofree char *missing = g_build_filename (work_dir, "no-such-file.jpg", NULL);
  g_autoptr(GFile) missing_file = g_file_new_for_path (missing);
  const ShenbaoVerdict *verdict;

  fill_person (wizard, "王堃", "310115198808088826");
  choose_condition (wizard, "电子商务师", 2);
  add_work_entry (wizard, 1, "上海某某电子商务有限公司", "2009-07-01", "2016-07", "2020-12", "电子商务师");
  add_work_entry (wizard, 2, "北京某某供应链管理集团有限公司", "2015-03-12", "2021-01", "至今", "采购员");
  choose (root, "certificate/occupation", "电子商务师");
  choose (root, "certificate/level", "五级");
  type_into (root, "certificate/number", "S000011000005213000123");
  type_into (root, "certificate/issued", "2021-06-30");
  shenbao_wizard_check_now (wizard);
  verdict = shenbao_wizard_get_verdict (wizard);
  g_assert_true (verdict->met[2]);

  /* Condition 2 asks for the previous certificate too: six slots. */
  attach_all (wizard);
  g_assert_nonnull (shenbao_application_get_attachment (application, "上一级别证书"));
  assert_complete_in_store (application);
  g_assert_false (step_marked_error (wizard, "status_uploads"));

  /* A GIF named .jpg is attached, checked for what it is, and marks the step. */
  attach (wizard, "身份证人像面", renamed);
  g_assert_cmpstr (preview_of (root, "身份证人像面"), ==, "empty");
  ui_test_wait_until (step_marked_error (wizard, "status_uploads"));
  g_assert_cmpstr (shenbao_application_get_attachment (application, "身份证人像面")->filename, ==, "renamed.jpg");

  /* A file that is not there changes nothing. */
  shenbao_uploads_page_attach_file (SHENBAO_UPLOADS_PAGE (ui_test_find (root, "uploads_page")), "身份证国徽面",
                                    missing_file);
  for (int i = 0; i < 20; i++)
    {
      ui_test_iterate ();
      g_usleep (10000);
    }
  g_assert_cmpstr (shenbao_application_get_attachment (application, "身份证国徽面")->filename, ==, "id-back.jpg");

  /* A PNG dropped on a row (the drop target activates uploads.attach). */
  {
    g_autoptr(GdkPixbuf) card = fixture_document (1200, 760, 0.0);
    g_autoptr(GBytes) png = fixture_png (card);
    g_autofree char *png_path = write_file ("back.png", png);
    g_autofree char *png_uri = g_filename_to_uri (png_path, NULL, NULL);

    g_assert_true (gtk_widget_activate_action (ui_test_find (root, "uploads_page"), "uploads.attach", "(ss)",
                                               "身份证国徽面", png_uri));
    ui_test_wait_until (g_strcmp0 (shenbao_application_get_attachment (application, "身份证国徽面")->filename,
                                   "back.png") == 0);
    ui_test_wait_until (g_strcmp0 (preview_of (root, "身份证国徽面"), "thumbnail") == 0);
  }

  /* Removing asks nothing and Undo brings the file back. */
  g_assert_true (gtk_widget_activate_action (ui_test_find (root, "uploads_page"), "uploads.remove", "s", "身份证国徽面"));
  g_assert_null (shenbao_application_get_attachment (application, "身份证国徽面"));
  g_assert_true (gtk_widget_activate_action (ui_test_find (root, "uploads_page"), "uploads.restore", NULL));
  g_assert_cmpstr (shenbao_application_get_attachment (application, "身份证国徽面")->filename, ==, "back.png");

  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate ();
}

static void
test_condition3_with_uploads (void)
{
  ShenbaoWindow *window = open_new_application ();
  ShenbaoWizard *wizard = shenbao_window_get_wizard (window);
  GtkWidget *root = GTK_WIDGET (wizard);
  ShenbaoApplication *application = shenbao_wizard_get_application (wizard);
  g_autoptr(ShenbaoApplication) saved = NULL;
  const ShenbaoVerdict *verdict;

  fill_person (wizard, "阿依古丽·买买提", "650102199805201521");
  choose_condition (wizard, "信息安全测试员", 3);
  choose (root, "education/school-type", "高等职业学校");
  type_into (root, "education/school", "新疆某某职业技术学院");
  choose (root, "education/major", "计算机网络技术");
  type_into (root, "education/from", "2016-09");
  type_into (root, "education/to", "2019-06");
  choose (root, "education/status", "已毕业");
  type_into (root, "education/chsi-code", "A1B2C3D4E5F6G7H8");
  shenbao_wizard_check_now (wizard);
  verdict = shenbao_wizard_get_verdict (wizard);
  if (!shenbao_verdict_passes (verdict))
    g_error ("%s", shenbao_findings_join (verdict->findings));

  attach_all (wizard);
  g_assert_nonnull (shenbao_application_get_attachment (application, "毕业证书"));
  g_assert_nonnull (shenbao_application_get_attachment (application, "学历承诺书"));
  g_assert_null (shenbao_application_get_attachment (application, "工作经历承诺书"));
  assert_complete_in_store (application);
  saved = stored (shenbao_application_get_id (application));
  g_assert_cmpstr (shenbao_application_get (saved, SHENBAO_FIELD_EDUCATION_MAJOR), ==, "计算机网络技术");

  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate ();
}

static GtkWindow *
find_photo_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (SHENBAO_IS_PHOTO_DIALOG (window))
        return GTK_WINDOW (window);
    }
  return NULL;
}

static GtkWidget *
find_slot_row (GtkWidget  *root,
               const char *slot)
{
  if (SHENBAO_IS_SLOT_ROW (root) && g_strcmp0 (shenbao_slot_row_get_slot_name (SHENBAO_SLOT_ROW (root)), slot) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_slot_row (child, slot);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
file_holds (const char *path,
            const char *text)
{
  g_autofree char *contents = NULL;

  return g_file_get_contents (path, &contents, NULL, NULL) && strstr (contents, text) != NULL;
}

static void
test_photo_crop_and_fix (void)
{
  ShenbaoWindow *window = open_condition1 ();
  ShenbaoWizard *wizard = shenbao_window_get_wizard (window);
  ShenbaoApplication *application = shenbao_wizard_get_application (wizard);
  /* A phone's portrait: 4:3, far too big, with room to crop. */
  g_autoptr(GdkPixbuf) pixbuf = fixture_portrait (1500, 2000, FIXTURE_WHITE, 1.0);
  g_autoptr(GBytes) jpeg = fixture_jpeg (pixbuf, 92, FIXTURE_JPEG_BASELINE);
  g_autofree char *path = write_file ("phone.jpg", jpeg);
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(ShenbaoApplication) saved = NULL;
  ShenbaoPhotoCrop crop = { 150, 100, 1200, 1500 }, placed;
  const ShenbaoAttachment *photo;
  GtkWindow *dialog;

  GtkWidget *row;
  GtkWidget *fix_button;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.go", "s", "uploads"));
  /* Nothing to crop yet. */
  row = find_slot_row (GTK_WIDGET (wizard), "个人照片");
  fix_button = ui_test_find (row, "fix_button");
  g_assert_true (gtk_widget_get_visible (fix_button));
  g_assert_false (gtk_widget_is_sensitive (fix_button));
  attach (wizard, "个人照片", path);
  ui_test_wait_until (!shenbao_attachment_checker_is_pending (shenbao_wizard_page_get_checker (SHENBAO_WIZARD_PAGE (ui_test_find (GTK_WIDGET (wizard), "uploads_page"))), "个人照片"));
  ui_test_iterate ();
  /* Too big and 4:3: a list of errors, and fixing is offered. */
  g_assert_true (gtk_widget_is_sensitive (fix_button));
  g_assert_true (gtk_widget_has_css_class (fix_button, "suggested-action"));
  /* Errors first behind a cross, then warnings behind a warning sign. */
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "\n✗ 文件太大："));
  g_assert_true (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "\n✗ ")
                 < strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "\n⚠ "));
  g_assert_true (gtk_widget_activate_action (ui_test_find (GTK_WIDGET (wizard), "uploads_page"), "uploads.fix", "s", "个人照片"));
  ui_test_wait_until (find_photo_dialog () != NULL);
  dialog = find_photo_dialog ();

  /* The frame stays 5:7 and inside the picture whatever it is asked. */
  shenbao_crop_view_set_crop (SHENBAO_CROP_VIEW (ui_test_find (GTK_WIDGET (dialog), "crop_view")), &crop);
  shenbao_crop_view_get_crop (SHENBAO_CROP_VIEW (ui_test_find (GTK_WIDGET (dialog), "crop_view")), &placed);
  g_assert_cmpint (placed.width, ==, 1200);
  g_assert_cmpint (placed.height, ==, 1680);
  g_assert_cmpint (placed.y + placed.height, <=, 2000);
  g_assert_false (gtk_widget_get_sensitive (ui_test_find (GTK_WIDGET (dialog), "use_button")));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "photo.fix", NULL));
  ui_test_wait_until (gtk_widget_get_sensitive (ui_test_find (GTK_WIDGET (dialog), "use_button")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "photo.use", NULL));
  ui_test_wait_until (find_photo_dialog () == NULL);

  photo = shenbao_application_get_attachment (application, "个人照片");
  g_assert_cmpuint (g_bytes_get_size (photo->data), >=, SHENBAO_PHOTO_MIN_BYTES);
  g_assert_cmpuint (g_bytes_get_size (photo->data), <=, SHENBAO_PHOTO_MAX_BYTES);
  findings = shenbao_photo_check (photo->data);
  g_assert_cmpint (shenbao_findings_worst (findings), <, SHENBAO_SEVERITY_ERROR);
  saved = stored (shenbao_application_get_id (application));
  g_assert_true (g_bytes_equal (shenbao_application_get_attachment (saved, "个人照片")->data, photo->data));

  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate ();
}

static guint
review_events (gint64 id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShenbaoStore) store = shenbao_store_new (db_path, &error);
  g_autoptr(GPtrArray) history = NULL;

  g_assert_no_error (error);
  history = shenbao_store_get_review_history (store, id, &error);
  g_assert_no_error (error);
  return history->len;
}

static void
record_state (GtkWidget          *page,
              ShenbaoReviewState  state,
              const char         *reason)
{
  adw_combo_row_set_selected (ADW_COMBO_ROW (ui_test_find (page, "state_row")), state);
  gtk_editable_set_text (GTK_EDITABLE (ui_test_find (page, "reason_row")), reason != NULL ? reason : "");
  g_assert_true (gtk_widget_activate_action (ui_test_find (page, "review_section"), "review.record-state", NULL));
}

static GtkPrintUnixDialog *
find_print_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_PRINT_UNIX_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return GTK_PRINT_UNIX_DIALOG (window);
    }
  return NULL;
}

/* Picks GTK's own Print to File printer, as a candidate without a printer
 * would, and prints. */
/* The PDF exists and pdftotext finds needle in it; each try frees its own
 * output, as a wait repeats it. */
static gboolean
pdf_has_text (const char *path,
              const char *needle)
{
  g_autofree char *command = g_strdup_printf ("pdftotext -enc UTF-8 '%s' -", path);
  g_autofree char *text = NULL;
  int status = 0;

  return g_spawn_command_line_sync (command, &text, NULL, &status, NULL) && status == 0
         && strstr (text, needle) != NULL;
}

static void
print_to_file (GtkPrintUnixDialog *dialog,
               const char         *path)
{
  g_autoptr(GtkPrintSettings) settings = gtk_print_settings_new ();
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  /* The printer's name is GTK's translation. */
  const char *name = g_dgettext ("gtk40", "Print to File");
  GtkPrinter *printer;

  gtk_print_settings_set_printer (settings, name);
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_URI, uri);
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_FILE_FORMAT, "pdf");
  gtk_print_unix_dialog_set_settings (dialog, settings);
  ui_test_wait_until ((printer = gtk_print_unix_dialog_get_selected_printer (dialog)) != NULL
                      && g_str_equal (gtk_printer_get_name (printer), name));
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_OK);
}

static void
test_print_and_export (void)
{
  ShenbaoWindow *window = open_condition1 ();
  ShenbaoWizard *wizard = shenbao_window_get_wizard (window);
  ShenbaoApplication *application = shenbao_wizard_get_application (wizard);
  GtkWidget *page = ui_test_find (GTK_WIDGET (wizard), "export_page");
  gint64 id = shenbao_application_get_id (application);
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_autofree char *pdf = g_build_filename (g_get_user_cache_dir (), "shenbao", id_text, "application-form.pdf", NULL);
  g_autofree char *opened = g_build_filename (work_dir, "opened", NULL);
  g_autofree char *out = g_build_filename (work_dir, "out", NULL);
  g_autofree char *printed = g_build_filename (work_dir, "printed.pdf", NULL);
  g_autofree char *zip = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *command = NULL;
  int status;

  attach_all (wizard);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.go", "s", "export"));

  /* Open renders the blank form and hands it to the PDF viewer (here a
   * script that notes what it was given). */
  g_assert_true (gtk_widget_activate_action (ui_test_find (page, "documents_section"), "documents.open", "s",
                                             "application-form"));
  /* The script creates the file before it writes the URI into it. */
  ui_test_wait_until (file_holds (opened, "application-form.pdf"));
  command = g_strdup_printf ("pdftotext -enc UTF-8 '%s' -", pdf);
  g_spawn_command_line_sync (command, &text, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "申报表"));

  /* Print sends the print package as it is, here to GTK's Print to File. */
  g_assert_true (gtk_widget_activate_action (ui_test_find (page, "documents_section"), "documents.print", NULL));
  ui_test_wait_until (find_print_dialog () != NULL);
  print_to_file (find_print_dialog (), printed);
  ui_test_wait_until (g_file_test (printed, G_FILE_TEST_EXISTS));
  ui_test_wait_until (pdf_has_text (printed, "承诺书"));

  /* The review tracker: legal moves are kept, an illegal one is refused. */
  g_assert_cmpuint (review_events (id), ==, 0);
  record_state (page, SHENBAO_REVIEW_IN_REVIEW, NULL);
  g_assert_cmpuint (review_events (id), ==, 1);
  record_state (page, SHENBAO_REVIEW_ADMISSION_TICKET, NULL);
  g_assert_cmpuint (review_events (id), ==, 1);
  record_state (page, SHENBAO_REVIEW_REJECTED, "照片背景不是白色");
  g_assert_cmpuint (review_events (id), ==, 2);
  record_state (page, SHENBAO_REVIEW_IN_REVIEW, NULL);
  record_state (page, SHENBAO_REVIEW_APPROVED, NULL);
  record_state (page, SHENBAO_REVIEW_AWAITING_PAYMENT, NULL);
  record_state (page, SHENBAO_REVIEW_PAID, NULL);
  g_assert_cmpuint (review_events (id), ==, 6);
  /* 寄出日期 stays empty until the candidate says when; without it nothing
   * is recorded. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ui_test_find (page, "mailed_date_row"))), ==, "");
  gtk_editable_set_text (GTK_EDITABLE (ui_test_find (page, "tracking_row")), "SF1234567890");
  g_assert_true (gtk_widget_activate_action (ui_test_find (page, "review_section"), "review.record-mailing", NULL));
  g_assert_cmpuint (review_events (id), ==, 6);
  gtk_editable_set_text (GTK_EDITABLE (ui_test_find (page, "mailed_date_row")), "2026-01-05");
  g_assert_true (gtk_widget_activate_action (ui_test_find (page, "review_section"), "review.record-mailing", NULL));
  g_assert_cmpuint (review_events (id), ==, 7);
  g_assert_cmpint (adw_combo_row_get_selected (ADW_COMBO_ROW (ui_test_find (page, "state_row"))), ==,
                   SHENBAO_REVIEW_PAID);

  /* The upload package as a zip. */
  g_assert_cmpint (g_mkdir (out, 0700), ==, 0);
  shenbao_export_page_export_to (SHENBAO_EXPORT_PAGE (page), out, TRUE);
  zip = g_build_filename (out, "张三-互联网营销师.zip", NULL);
  ui_test_wait_until (g_file_test (zip, G_FILE_TEST_EXISTS)
                      && strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (ui_test_find (page, "package_row"))), zip) != NULL);
  /* The toast offers the folder. */
  ui_test_wait_until (has_button (GTK_WIDGET (window), "打开文件夹(_O)"));

  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate ();
}

/* Another program holds the database's write lock, as a full disk or a
 * read-only file would refuse the write: the change cannot be saved. The
 * window says which field was not saved and why, keeps what was typed, and
 * Retry saves it once the lock is gone. */
static void
test_autosave_failure_shown (void)
{
  ShenbaoWindow *window = open_new_application ();
  ShenbaoWizard *wizard = shenbao_window_get_wizard (window);
  ShenbaoApplication *application = shenbao_wizard_get_application (wizard);
  GtkRevealer *banner = GTK_REVEALER (ui_test_find (GTK_WIDGET (window), "save_banner"));
  GtkLabel *label = GTK_LABEL (ui_test_find (GTK_WIDGET (window), "save_banner_label"));
  GtkWidget *mobile = editor_for (GTK_WIDGET (wizard), "person/mobile");
  g_autoptr(ShenbaoApplication) seen = NULL;
  gint64 id;
  sqlite3 *other = NULL;

  type_into (GTK_WIDGET (wizard), "person/name", "钱一");
  id = shenbao_application_get_id (application);
  g_assert_false (gtk_revealer_get_reveal_child (banner));

  g_assert_cmpint (sqlite3_open (db_path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  type_into (GTK_WIDGET (wizard), "person/mobile", "13900000009");
  g_assert_true (gtk_revealer_get_reveal_child (banner));
  /* The row's own title names what was not saved. */
  g_assert_nonnull (strstr (gtk_label_get_text (label), adw_preferences_row_get_title (ADW_PREFERENCES_ROW (mobile))));
  g_assert_nonnull (strstr (gtk_label_get_text (label), "另一个程序"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (shenbao_entry_row_get_entry (SHENBAO_ENTRY_ROW (mobile)))),
                   ==, "13900000009");
  /* Still locked: Retry says so again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.retry-save", NULL));
  g_assert_true (gtk_revealer_get_reveal_child (banner));

  /* The lock gone, nothing is saved until Retry (or the next change). */
  g_assert_cmpint (sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);
  seen = stored (id);
  g_assert_cmpstr (shenbao_application_get (seen, SHENBAO_FIELD_PERSON_MOBILE), ==, "");
  g_clear_object (&seen);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.retry-save", NULL));
  g_assert_false (gtk_revealer_get_reveal_child (banner));
  seen = stored (id);
  g_assert_cmpstr (shenbao_application_get (seen, SHENBAO_FIELD_PERSON_MOBILE), ==, "13900000009");
  g_clear_object (&seen);

  /* Without Retry, the next change that is written takes the band away. */
  g_assert_cmpint (sqlite3_open (db_path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  type_into (GTK_WIDGET (wizard), "person/mobile", "13900000010");
  g_assert_true (gtk_revealer_get_reveal_child (banner));
  g_assert_cmpint (sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);
  type_into (GTK_WIDGET (wizard), "person/email", "qian@example.com");
  g_assert_false (gtk_revealer_get_reveal_child (banner));
  seen = stored (id);
  g_assert_cmpstr (shenbao_application_get (seen, SHENBAO_FIELD_PERSON_MOBILE), ==, "13900000010");

  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate ();
}

/* Closing the window while the package is written cancels the wait: the
 * worker ends on its own, and its answer reaches no section that is gone. */
static void
test_export_cancelled_on_close (void)
{
  ShenbaoWindow *window = open_condition1 ();
  ShenbaoWizard *wizard = shenbao_window_get_wizard (window);
  GtkWidget *page = ui_test_find (GTK_WIDGET (wizard), "export_page");
  g_autoptr(GtkWidget) package = g_object_ref (ui_test_find (page, "package_row"));
  g_autofree char *out = g_build_filename (work_dir, "closed", NULL);
  g_autofree char *zip = g_build_filename (out, "张三-互联网营销师.zip", NULL);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.go", "s", "export"));
  g_assert_cmpint (g_mkdir (out, 0700), ==, 0);
  shenbao_export_page_export_to (SHENBAO_EXPORT_PAGE (page), out, TRUE);
  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_wait_until (g_file_test (zip, G_FILE_TEST_EXISTS));
  ui_test_iterate ();
  /* Had the answer been taken, the row would say where the package went. */
  g_assert_null (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (package)), zip));
}

/* The PDF viewer of the tests: a script registered for application/pdf
 * that writes down the URI it was asked to open. */
static void
install_test_viewer (void)
{
  g_autofree char *applications = g_build_filename (work_dir, "data", "applications", NULL);
  g_autofree char *config = g_build_filename (work_dir, "config", NULL);
  g_autofree char *script = g_build_filename (work_dir, "viewer.sh", NULL);
  /* written aside, then moved: the test waits for the file and must not
   * read it half written */
  g_autofree char *script_text = g_strdup_printf ("#!/bin/sh\nprintf '%%s' \"$1\" > '%s/opened.part' && "
                                                  "mv '%s/opened.part' '%s/opened'\n", work_dir, work_dir, work_dir);
  g_autofree char *desktop = g_build_filename (applications, "shenbao-test-viewer.desktop", NULL);
  g_autofree char *desktop_text = g_strdup_printf ("[Desktop Entry]\nType=Application\nName=Test viewer\n"
                                                   "Exec=%s %%u\nMimeType=application/pdf;\n", script);
  g_autofree char *mimeapps = g_build_filename (config, "mimeapps.list", NULL);
  g_autofree char *data = g_build_filename (work_dir, "data", NULL);
  g_autofree char *cache = g_build_filename (work_dir, "cache", NULL);

  g_assert_cmpint (g_mkdir_with_parents (applications, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (config, 0700), ==, 0);
  g_assert_true (g_file_set_contents (script, script_text, -1, NULL));
  g_assert_cmpint (g_chmod (script, 0700), ==, 0);
  g_assert_true (g_file_set_contents (desktop, desktop_text, -1, NULL));
  g_assert_true (g_file_set_contents (mimeapps, "[Default Applications]\napplication/pdf=shenbao-test-viewer.desktop\n", -1, NULL));
  g_setenv ("XDG_DATA_HOME", data, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *dir = NULL;
  int status;

  /* Before GLib reads the XDG directories, which it does once. */
  work_dir = g_dir_make_tmp ("shenbao-ui-work-XXXXXX", NULL);
  install_test_viewer ();
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
  g_test_add_func ("/ui/wizard/step-marks", test_step_marks_from_the_application);
  g_test_add_func ("/ui/wizard/new-work-entry", test_new_work_entry_not_red);
  g_test_add_func ("/ui/wizard/keyboard", test_keyboard_flow);
  g_test_add_func ("/ui/wizard/application-files", test_application_files_in_the_window);
  g_test_add_func ("/ui/wizard/untouched-draft", test_untouched_draft_not_kept);
  g_test_add_func ("/ui/wizard/autosave", test_autosave_survives_destroyed_window);
  g_test_add_func ("/ui/wizard/delete-asks", test_delete_asks);
  g_test_add_func ("/ui/wizard/condition2-uploads", test_condition2_with_uploads);
  g_test_add_func ("/ui/wizard/condition3-uploads", test_condition3_with_uploads);
  g_test_add_func ("/ui/wizard/photo-crop-and-fix", test_photo_crop_and_fix);
  g_test_add_func ("/ui/wizard/print-and-export", test_print_and_export);
  g_test_add_func ("/ui/wizard/export-cancelled-on-close", test_export_cancelled_on_close);
  g_test_add_func ("/ui/wizard/autosave-failure-shown", test_autosave_failure_shown);

  status = g_test_run ();
  g_clear_object (&app);
  g_free (db_path);
  g_free (work_dir);
  return status;
}
