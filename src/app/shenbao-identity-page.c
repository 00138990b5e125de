/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shenbao-identity-page"

#include "config.h"

#include "shenbao-identity-page.h"

/* Step 2 of the portal, 身份选择 (guide §三.4): three cards, 职工 chosen. */
struct _ShenbaoIdentityPage
{
  ShenbaoWizardPage parent_instance;

  GtkToggleButton *teacher_button;
  GtkToggleButton *student_button;
  GtkToggleButton *employee_button;
  GtkLabel *advice_label;

  ShenbaoApplication *watched;
  gulong identity_handler;
  gboolean updating;
};

G_DEFINE_FINAL_TYPE (ShenbaoIdentityPage, shenbao_identity_page, SHENBAO_TYPE_WIZARD_PAGE)

/* The application file's words for the three cards (data/application.rng). */
static const char *
identity_of (ShenbaoIdentityPage *self,
             GtkToggleButton     *button)
{
  if (button == self->teacher_button)
    return "教师";
  if (button == self->student_button)
    return "学生";
  return "职工";
}

static void
identity_toggled (ShenbaoIdentityPage *self,
                  GtkToggleButton     *button)
{
  ShenbaoApplication *application = shenbao_wizard_page_get_application (SHENBAO_WIZARD_PAGE (self));

  if (self->updating || application == NULL || !gtk_toggle_button_get_active (button))
    return;
  shenbao_application_set (application, SHENBAO_FIELD_PERSON_IDENTITY, identity_of (self, button));
}

static void
show_identity (ShenbaoIdentityPage *self)
{
  ShenbaoApplication *application = shenbao_wizard_page_get_application (SHENBAO_WIZARD_PAGE (self));
  const char *identity = application != NULL
                           ? shenbao_application_get (application, SHENBAO_FIELD_PERSON_IDENTITY) : "";
  GtkToggleButton *buttons[] = { self->teacher_button, self->student_button, self->employee_button };

  self->updating = TRUE;
  for (gsize i = 0; i < G_N_ELEMENTS (buttons); i++)
    gtk_toggle_button_set_active (buttons[i], g_str_equal (identity, identity_of (self, buttons[i])));
  self->updating = FALSE;
}

static void
shenbao_identity_page_bind (ShenbaoWizardPage  *page,
                            ShenbaoApplication *application)
{
  ShenbaoIdentityPage *self = SHENBAO_IDENTITY_PAGE (page);

  g_clear_signal_handler (&self->identity_handler, self->watched);
  self->watched = application;
  if (application != NULL)
    {
      /* Preselected: the guide (§三, step 4) has everyone pick 职工身份. */
      if (*shenbao_application_get (application, SHENBAO_FIELD_PERSON_IDENTITY) == '\0')
        shenbao_application_set (application, SHENBAO_FIELD_PERSON_IDENTITY, "职工");
      self->identity_handler = g_signal_connect_swapped (application, "notify::person-identity",
                                                         G_CALLBACK (show_identity), self);
    }
  show_identity (self);
}

static void
shenbao_identity_page_show_verdict (ShenbaoWizardPage    *page,
                                    const ShenbaoVerdict *verdict)
{
  ShenbaoIdentityPage *self = SHENBAO_IDENTITY_PAGE (page);
  g_autoptr(GPtrArray) findings = verdict != NULL
    ? shenbao_verdict_findings_for (verdict, shenbao_field_name (SHENBAO_FIELD_PERSON_IDENTITY)) : NULL;
  const ShenbaoFinding *finding = findings != NULL && findings->len > 0 ? findings->pdata[0] : NULL;

  gtk_label_set_text (self->advice_label, finding != NULL ? finding->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->advice_label), finding != NULL);
}

static gboolean
shenbao_identity_page_owns_field (ShenbaoWizardPage *page,
                                  const char        *field)
{
  return g_strcmp0 (field, shenbao_field_name (SHENBAO_FIELD_PERSON_IDENTITY)) == 0;
}

static void
shenbao_identity_page_dispose (GObject *object)
{
  ShenbaoIdentityPage *self = SHENBAO_IDENTITY_PAGE (object);

  g_clear_signal_handler (&self->identity_handler, self->watched);
  G_OBJECT_CLASS (shenbao_identity_page_parent_class)->dispose (object);
}

static void
shenbao_identity_page_class_init (ShenbaoIdentityPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  ShenbaoWizardPageClass *page_class = SHENBAO_WIZARD_PAGE_CLASS (klass);

  object_class->dispose = shenbao_identity_page_dispose;
  page_class->bind = shenbao_identity_page_bind;
  page_class->show_verdict = shenbao_identity_page_show_verdict;
  page_class->owns_field = shenbao_identity_page_owns_field;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/shenbao/Shenbao/shenbao-identity-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ShenbaoIdentityPage, teacher_button);
  gtk_widget_class_bind_template_child (widget_class, ShenbaoIdentityPage, student_button);
  gtk_widget_class_bind_template_child (widget_class, ShenbaoIdentityPage, employee_button);
  gtk_widget_class_bind_template_child (widget_class, ShenbaoIdentityPage, advice_label);
  gtk_widget_class_bind_template_callback (widget_class, identity_toggled);
}

static void
shenbao_identity_page_init (ShenbaoIdentityPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
