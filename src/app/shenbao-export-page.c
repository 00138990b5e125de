/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shenbao-export-page"

#include "config.h"

#include "shenbao-documents-section.h"
#include "shenbao-export-page.h"
#include "shenbao-materials-section.h"
#include "shenbao-package-section.h"
#include "shenbao-review-section.h"
#include "shenbao-verdict-row.h"

/* The fifth step, 打印与导出: the verdict, then one section each for the
 * materials and where each stands, the PDFs to print, the upload package and
 * the review tracker. The page only places them and tells them what
 * changed. */
struct _ShenbaoExportPage
{
  ShenbaoWizardPage parent_instance;

  ShenbaoVerdictRow *verdict_row;
  ShenbaoMaterialsSection *materials_section;
  ShenbaoDocumentsSection *documents_section;
  ShenbaoPackageSection *package_section;
  ShenbaoReviewSection *review_section;

  ShenbaoStore *store;
  ShenbaoApplication *watched;
};

G_DEFINE_FINAL_TYPE (ShenbaoExportPage, shenbao_export_page, SHENBAO_TYPE_WIZARD_PAGE)

static void
condition_changed (ShenbaoExportPage *self)
{
  shenbao_materials_section_show (self->materials_section, self->watched,
                                  shenbao_wizard_page_get_checker (SHENBAO_WIZARD_PAGE (self)));
  shenbao_documents_section_show (self->documents_section, self->watched);
}

static void
shenbao_export_page_attachment_checked (ShenbaoWizardPage *page,
                                        const char        *slot)
{
  ShenbaoExportPage *self = SHENBAO_EXPORT_PAGE (page);

  /* Every slot's: perhaps a new checker. */
  if (slot == NULL)
    condition_changed (self);
  else
    shenbao_materials_section_slot_checked (self->materials_section, slot);
}

void
shenbao_export_page_set_store (ShenbaoExportPage *self,
                               ShenbaoStore      *store)
{
  g_return_if_fail (SHENBAO_IS_EXPORT_PAGE (self));

  g_set_object (&self->store, store);
  shenbao_review_section_show (self->review_section, self->store, self->watched);
}

void
shenbao_export_page_save_documents_to (ShenbaoExportPage *self,
                                       const char        *folder)
{
  g_return_if_fail (SHENBAO_IS_EXPORT_PAGE (self));

  shenbao_documents_section_save_to (self->documents_section, folder);
}

void
shenbao_export_page_export_to (ShenbaoExportPage *self,
                               const char        *folder,
                               gboolean           zip)
{
  g_return_if_fail (SHENBAO_IS_EXPORT_PAGE (self));

  shenbao_package_section_export_to (self->package_section, folder, zip);
}

static void
shenbao_export_page_bind (ShenbaoWizardPage  *page,
                          ShenbaoApplication *application)
{
  ShenbaoExportPage *self = SHENBAO_EXPORT_PAGE (page);

  if (self->watched != NULL)
    g_signal_handlers_disconnect_by_data (self->watched, self);
  self->watched = application;
  if (application != NULL)
    g_signal_connect_swapped (application, "notify::condition", G_CALLBACK (condition_changed), self);
  shenbao_package_section_show (self->package_section, application);
  condition_changed (self);
  shenbao_review_section_show (self->review_section, self->store, application);
}

static void
shenbao_export_page_show_verdict (ShenbaoWizardPage    *page,
                                  const ShenbaoVerdict *verdict)
{
  shenbao_verdict_row_show (SHENBAO_EXPORT_PAGE (page)->verdict_row, verdict);
}

/* The last step owns no field: the others mark theirs. */
static gboolean
shenbao_export_page_owns_field (ShenbaoWizardPage *page,
                                const char        *field)
{
  return FALSE;
}

static void
shenbao_export_page_dispose (GObject *object)
{
  ShenbaoExportPage *self = SHENBAO_EXPORT_PAGE (object);

  if (self->watched != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->watched, self);
      self->watched = NULL;
    }
  g_clear_object (&self->store);
  G_OBJECT_CLASS (shenbao_export_page_parent_class)->dispose (object);
}

static void
shenbao_export_page_class_init (ShenbaoExportPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  ShenbaoWizardPageClass *page_class = SHENBAO_WIZARD_PAGE_CLASS (klass);

  object_class->dispose = shenbao_export_page_dispose;
  page_class->bind = shenbao_export_page_bind;
  page_class->show_verdict = shenbao_export_page_show_verdict;
  page_class->owns_field = shenbao_export_page_owns_field;
  page_class->attachment_checked = shenbao_export_page_attachment_checked;

  g_type_ensure (SHENBAO_TYPE_VERDICT_ROW);
  g_type_ensure (SHENBAO_TYPE_MATERIALS_SECTION);
  g_type_ensure (SHENBAO_TYPE_DOCUMENTS_SECTION);
  g_type_ensure (SHENBAO_TYPE_PACKAGE_SECTION);
  g_type_ensure (SHENBAO_TYPE_REVIEW_SECTION);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/shenbao/Shenbao/shenbao-export-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ShenbaoExportPage, verdict_row);
  gtk_widget_class_bind_template_child (widget_class, ShenbaoExportPage, materials_section);
  gtk_widget_class_bind_template_child (widget_class, ShenbaoExportPage, documents_section);
  gtk_widget_class_bind_template_child (widget_class, ShenbaoExportPage, package_section);
  gtk_widget_class_bind_template_child (widget_class, ShenbaoExportPage, review_section);
}

static void
shenbao_export_page_init (ShenbaoExportPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
