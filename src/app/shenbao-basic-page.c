/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shenbao-basic-page"

#include "config.h"

#include "shenbao-basic-page.h"
#include "shenbao-choice-row.h"
#include "shenbao-entry-row.h"

/* Step 1 of the portal, 基础信息 (guide §三.3). */
struct _ShenbaoBasicPage
{
  ShenbaoWizardPage parent_instance;

  ShenbaoApplication *watched;
  gulong id_number_handler;
};

G_DEFINE_FINAL_TYPE (ShenbaoBasicPage, shenbao_basic_page, SHENBAO_TYPE_WIZARD_PAGE)

/* The gender and the birth date follow from a valid ID number; the
 * rules flag a mismatch in an imported file, typing fills them in. */
static void
id_number_changed (ShenbaoApplication *application)
{
  g_autofree char *birth = NULL;
  ShenbaoIdNumber id;
  GDate today;

  shenbao_date_set_today (&today);
  if (!shenbao_id_number_parse (shenbao_application_get (application, SHENBAO_FIELD_PERSON_ID_NUMBER),
                                &today, &id, NULL))
    return;
  birth = shenbao_date_format (&id.birth_date);
  shenbao_application_set (application, SHENBAO_FIELD_PERSON_GENDER, shenbao_gender_to_string (id.gender));
  shenbao_application_set (application, SHENBAO_FIELD_PERSON_BIRTH_DATE, birth);
}

static void
shenbao_basic_page_bind (ShenbaoWizardPage  *page,
                         ShenbaoApplication *application)
{
  ShenbaoBasicPage *self = SHENBAO_BASIC_PAGE (page);

  SHENBAO_WIZARD_PAGE_CLASS (shenbao_basic_page_parent_class)->bind (page, application);

  g_clear_signal_handler (&self->id_number_handler, self->watched);
  self->watched = application;
  if (application != NULL)
    self->id_number_handler = g_signal_connect (application, "notify::person-id-number",
                                                G_CALLBACK (id_number_changed), NULL);
}

static void
shenbao_basic_page_dispose (GObject *object)
{
  ShenbaoBasicPage *self = SHENBAO_BASIC_PAGE (object);

  g_clear_signal_handler (&self->id_number_handler, self->watched);
  G_OBJECT_CLASS (shenbao_basic_page_parent_class)->dispose (object);
}

static void
shenbao_basic_page_class_init (ShenbaoBasicPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = shenbao_basic_page_dispose;
  SHENBAO_WIZARD_PAGE_CLASS (klass)->bind = shenbao_basic_page_bind;

  g_type_ensure (SHENBAO_TYPE_ENTRY_ROW);
  g_type_ensure (SHENBAO_TYPE_CHOICE_ROW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/shenbao/Shenbao/shenbao-basic-page.ui");
}

static void
shenbao_basic_page_init (ShenbaoBasicPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
