/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shenbao-registration-page"

#include "config.h"

#include <glib/gi18n.h>

#include "shenbao-choice-row.h"
#include "shenbao-entry-row.h"
#include "shenbao-field-editor.h"
#include "shenbao-registration-page.h"
#include "shenbao-verdict-row.h"
#include "shenbao-work-entry-row.h"

/* Step 3 of the portal, 报名信息: the occupation, the condition, and only the
 * parts the condition needs, with the live verdict. */
struct _ShenbaoRegistrationPage
{
  ShenbaoWizardPage parent_instance;

  AdwActionRow *condition1_row;
  AdwActionRow *condition2_row;
  AdwActionRow *condition3_row;
  GtkCheckButton *condition1_button;
  GtkCheckButton *condition2_button;
  GtkCheckButton *condition3_button;
  ShenbaoVerdictRow *verdict_row;
  GtkWidget *work_group;
  GtkListBox *work_list;
  GtkWidget *certificate_group;
  ShenbaoChoiceRow *certificate_occupation_row;
  GtkWidget *education_group;
  ShenbaoChoiceRow *major_row;

  ShenbaoApplication *watched;
  GStrv occupations;   /* the applied occupation and its related ones */
  gboolean updating;
};

G_DEFINE_FINAL_TYPE (ShenbaoRegistrationPage, shenbao_registration_page, SHENBAO_TYPE_WIZARD_PAGE)

static GtkCheckButton *
condition_button (ShenbaoRegistrationPage *self,
                  int                      condition)
{
  GtkCheckButton *buttons[] = { self->condition1_button, self->condition2_button, self->condition3_button };

  return buttons[condition - 1];
}

static void
condition_toggled (ShenbaoRegistrationPage *self,
                   GtkCheckButton          *button)
{
  ShenbaoApplication *application = shenbao_wizard_page_get_application (SHENBAO_WIZARD_PAGE (self));

  if (self->updating || application == NULL || !gtk_check_button_get_active (button))
    return;
  for (int condition = 1; condition <= 3; condition++)
    if (condition_button (self, condition) == button)
      {
        char text[2] = { '0' + condition, '\0' };

        shenbao_application_set (application, SHENBAO_FIELD_CONDITION, text);
      }
}

/* The guide's 与所选申报条件无关内容无需填写: only the parts the chosen
 * condition needs are shown; what was typed in the others is kept. */
static void
condition_changed (ShenbaoRegistrationPage *self)
{
  int condition = shenbao_application_get_condition (self->watched);

  self->updating = TRUE;
  for (int c = 1; c <= 3; c++)
    gtk_check_button_set_active (condition_button (self, c), c == condition);
  self->updating = FALSE;

  gtk_widget_set_visible (self->work_group, condition == 1 || condition == 2);
  gtk_widget_set_visible (self->certificate_group, condition == 2);
  gtk_widget_set_visible (self->education_group, condition == 3);
}

static void
offer_occupations (ShenbaoRegistrationPage *self)
{
  int n_rows = 0;

  for (GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->work_list, 0); row != NULL;
       row = gtk_list_box_get_row_at_index (self->work_list, ++n_rows))
    {
      shenbao_work_entry_row_set_position (SHENBAO_WORK_ENTRY_ROW (row), n_rows);
      shenbao_work_entry_row_set_occupations (SHENBAO_WORK_ENTRY_ROW (row), (const char * const *) self->occupations);
    }
  shenbao_choice_row_set_choices (self->certificate_occupation_row, (const char * const *) self->occupations);
}

static void
occupation_changed (ShenbaoRegistrationPage *self)
{
  ShenbaoCatalogue *catalogue = shenbao_catalogue_get_default (NULL);
  const char *occupation = shenbao_application_get (self->watched, SHENBAO_FIELD_OCCUPATION);
  const char * const *related = catalogue != NULL
    ? shenbao_catalogue_get_related_occupations (catalogue, occupation) : NULL;
  g_autoptr(GStrvBuilder) choices = g_strv_builder_new ();

  /* Guide 说明 3: 本职业 or a listed related occupation. */
  if (related != NULL)
    {
      g_strv_builder_add (choices, occupation);
      g_strv_builder_addv (choices, (const char **) related);
    }
  g_strfreev (self->occupations);
  self->occupations = g_strv_builder_end (choices);
  offer_occupations (self);
}

static void
school_type_changed (ShenbaoRegistrationPage *self)
{
  ShenbaoCatalogue *catalogue = shenbao_catalogue_get_default (NULL);

  if (catalogue == NULL)
    return;
  shenbao_choice_row_set_choices (self->major_row,
                                  shenbao_catalogue_get_majors (catalogue,
                                                                shenbao_application_get (self->watched, SHENBAO_FIELD_OCCUPATION),
                                                                shenbao_application_get (self->watched, SHENBAO_FIELD_EDUCATION_SCHOOL_TYPE)));
}

static GtkWidget *
create_work_row (gpointer item,
                 gpointer user_data)
{
  ShenbaoRegistrationPage *self = user_data;

  return GTK_WIDGET (shenbao_work_entry_row_new (self->watched, item));
}

static void
add_work_entry_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  ShenbaoRegistrationPage *self = SHENBAO_REGISTRATION_PAGE (widget);
  g_autoptr(ShenbaoWorkEntry) entry = shenbao_work_entry_new ();
  GtkListBoxRow *row;

  if (self->watched == NULL)
    return;
  shenbao_application_append_work_entry (self->watched, entry);
  row = gtk_list_box_get_row_at_index (self->work_list,
                                       (int) shenbao_application_get_n_work_entries (self->watched) - 1);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (row));
}

static void
shenbao_registration_page_bind (ShenbaoWizardPage  *page,
                                ShenbaoApplication *application)
{
  ShenbaoRegistrationPage *self = SHENBAO_REGISTRATION_PAGE (page);

  if (self->watched != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->watched, self);
      g_signal_handlers_disconnect_by_data (shenbao_application_get_work_entries (self->watched), self);
    }
  gtk_list_box_bind_model (self->work_list, NULL, NULL, NULL, NULL);
  self->watched = application;

  /* The choices first, so that the bound values find their items. */
  if (application != NULL)
    {
      occupation_changed (self);
      school_type_changed (self);
    }
  SHENBAO_WIZARD_PAGE_CLASS (shenbao_registration_page_parent_class)->bind (page, application);
  if (application == NULL)
    return;

  gtk_list_box_bind_model (self->work_list, shenbao_application_get_work_entries (application),
                           create_work_row, self, NULL);
  g_signal_connect_swapped (shenbao_application_get_work_entries (application), "items-changed",
                            G_CALLBACK (offer_occupations), self);
  g_signal_connect_swapped (application, "notify::condition", G_CALLBACK (condition_changed), self);
  g_signal_connect_swapped (application, "notify::occupation", G_CALLBACK (occupation_changed), self);
  g_signal_connect_swapped (application, "notify::occupation", G_CALLBACK (school_type_changed), self);
  g_signal_connect_swapped (application, "notify::education-school-type", G_CALLBACK (school_type_changed), self);
  condition_changed (self);
  offer_occupations (self);
}

static void
shenbao_registration_page_show_verdict (ShenbaoWizardPage    *page,
                                        const ShenbaoVerdict *verdict)
{
  ShenbaoRegistrationPage *self = SHENBAO_REGISTRATION_PAGE (page);

  SHENBAO_WIZARD_PAGE_CLASS (shenbao_registration_page_parent_class)->show_verdict (page, verdict);
  shenbao_verdict_row_show (self->verdict_row, verdict);
}

static gboolean
shenbao_registration_page_owns_field (ShenbaoWizardPage *page,
                                      const char        *field)
{
  return g_str_has_prefix (field, "work") || g_str_equal (field, "condition")
         || SHENBAO_WIZARD_PAGE_CLASS (shenbao_registration_page_parent_class)->owns_field (page, field);
}

static void
shenbao_registration_page_dispose (GObject *object)
{
  ShenbaoRegistrationPage *self = SHENBAO_REGISTRATION_PAGE (object);

  if (self->watched != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->watched, self);
      g_signal_handlers_disconnect_by_data (shenbao_application_get_work_entries (self->watched), self);
      self->watched = NULL;
    }
  g_clear_pointer (&self->occupations, g_strfreev);
  G_OBJECT_CLASS (shenbao_registration_page_parent_class)->dispose (object);
}

static void
shenbao_registration_page_class_init (ShenbaoRegistrationPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  ShenbaoWizardPageClass *page_class = SHENBAO_WIZARD_PAGE_CLASS (klass);

  object_class->dispose = shenbao_registration_page_dispose;
  page_class->bind = shenbao_registration_page_bind;
  page_class->show_verdict = shenbao_registration_page_show_verdict;
  page_class->owns_field = shenbao_registration_page_owns_field;

  g_type_ensure (SHENBAO_TYPE_ENTRY_ROW);
  g_type_ensure (SHENBAO_TYPE_CHOICE_ROW);
  g_type_ensure (SHENBAO_TYPE_VERDICT_ROW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/shenbao/Shenbao/shenbao-registration-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ShenbaoRegistrationPage, condition1_row);
  gtk_widget_class_bind_template_child (widget_class, ShenbaoRegistrationPage, condition2_row);
  gtk_widget_class_bind_template_child (widget_class, ShenbaoRegistrationPage, condition3_row);
  gtk_widget_class_bind_template_child (widget_class, ShenbaoRegistrationPage, condition1_button);
  gtk_widget_class_bind_template_child (widget_class, ShenbaoRegistrationPage, condition2_button);
  gtk_widget_class_bind_template_child (widget_class, ShenbaoRegistrationPage, condition3_button);
  gtk_widget_class_bind_template_child (widget_class, ShenbaoRegistrationPage, verdict_row);
  gtk_widget_class_bind_template_child (widget_class, ShenbaoRegistrationPage, work_group);
  gtk_widget_class_bind_template_child (widget_class, ShenbaoRegistrationPage, work_list);
  gtk_widget_class_bind_template_child (widget_class, ShenbaoRegistrationPage, certificate_group);
  gtk_widget_class_bind_template_child (widget_class, ShenbaoRegistrationPage, certificate_occupation_row);
  gtk_widget_class_bind_template_child (widget_class, ShenbaoRegistrationPage, education_group);
  gtk_widget_class_bind_template_child (widget_class, ShenbaoRegistrationPage, major_row);
  gtk_widget_class_bind_template_callback (widget_class, condition_toggled);
  gtk_widget_class_install_action (widget_class, "page.add-work-entry", NULL, add_work_entry_activated);
}

static void
shenbao_registration_page_init (ShenbaoRegistrationPage *self)
{
  ShenbaoCatalogue *catalogue = shenbao_catalogue_get_default (NULL);
  AdwActionRow *rows[3];

  gtk_widget_init_template (GTK_WIDGET (self));
  rows[0] = self->condition1_row;
  rows[1] = self->condition2_row;
  rows[2] = self->condition3_row;

  /* The guide's exact wording, which the candidate copies onto the form. */
  for (int condition = 1; condition <= 3 && catalogue != NULL; condition++)
    {
      g_autofree char *title = g_strdup_printf ("(%d) %s", condition,
                                                shenbao_catalogue_get_condition_text (catalogue, condition));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (rows[condition - 1]), title);
    }
}
