/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shenbao-materials-section"

#include "config.h"

#include <glib/gi18n.h>

#include "shenbao-materials-section.h"
#include "shenbao-status-item.h"

struct _ShenbaoMaterialsSection
{
  AdwPreferencesGroup parent_instance;

  GtkListBox *materials_list;

  GListStore *materials;   /* ShenbaoStatusItem, one per material of the condition */
  GPtrArray *slots;        /* the catalogue's ShenbaoSlot of each item, not owned */
  ShenbaoApplication *application;
  ShenbaoAttachmentChecker *checker;
};

G_DEFINE_FINAL_TYPE (ShenbaoMaterialsSection, shenbao_materials_section, ADW_TYPE_PREFERENCES_GROUP)

static char *
material_state (ShenbaoMaterialsSection *self,
                const ShenbaoSlot       *slot,
                const char             **icon_name,
                const char             **style)
{
  const ShenbaoAttachment *attachment = shenbao_application_get_attachment (self->application, slot->name);
  GPtrArray *findings = self->checker != NULL ? shenbao_attachment_checker_get_findings (self->checker, slot->name) : NULL;
  g_autofree char *problems = NULL;

  if (attachment == NULL)
    {
      *icon_name = "radio-symbolic";
      *style = "dim-label";
      return g_strdup (slot->kind == SHENBAO_SLOT_KIND_HANDWRITTEN_FORM
                       ? _("Not uploaded yet: print it, write it by hand, photograph it")
                       : _("Not uploaded yet"));
    }
  if (attachment->data == NULL)
    {
      *icon_name = "dialog-error-symbolic";
      *style = "error";
      return g_strdup (_("The file could not be read: attach it again"));
    }
  if (findings == NULL)
    {
      *icon_name = "content-loading-symbolic";
      *style = "dim-label";
      return g_strdup (_("Checking…"));
    }
  problems = shenbao_findings_join (findings);
  switch (shenbao_findings_worst (findings))
    {
    case SHENBAO_SEVERITY_ERROR:
      *icon_name = "dialog-error-symbolic";
      *style = "error";
      return g_strdup_printf (_("Uploaded, to fix: %s"), problems);
    case SHENBAO_SEVERITY_WARNING:
      *icon_name = "dialog-warning-symbolic";
      *style = "warning";
      return g_strdup_printf (_("Uploaded, to look at: %s"), problems);
    case SHENBAO_SEVERITY_INFO:
    default:
      *icon_name = "emblem-ok-symbolic";
      *style = "success";
      return g_strdup (_("Uploaded and checked"));
    }
}

static ShenbaoStatusItem *
material_item (ShenbaoMaterialsSection *self,
               const ShenbaoSlot       *slot)
{
  ShenbaoCatalogue *catalogue = shenbao_catalogue_get_default (NULL);
  int copies = shenbao_catalogue_get_mailing_copies (catalogue, slot->id);
  const char *icon_name, *style;
  g_autofree char *state = material_state (self, slot, &icon_name, &style);
  g_autofree char *subtitle = NULL;

  if (copies > 0)
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s. Mail the original: %d copy",
                                             "%s. Mail the original: %d copies", copies),
                                state, copies);
  return shenbao_status_item_new (slot->name, subtitle != NULL ? subtitle : state, icon_name, style);
}

void
shenbao_materials_section_show (ShenbaoMaterialsSection  *self,
                                ShenbaoApplication       *application,
                                ShenbaoAttachmentChecker *checker)
{
  ShenbaoCatalogue *catalogue = shenbao_catalogue_get_default (NULL);
  int condition = application != NULL ? shenbao_application_get_condition (application) : 0;

  g_return_if_fail (SHENBAO_IS_MATERIALS_SECTION (self));

  g_set_object (&self->application, application);
  g_set_object (&self->checker, checker);
  g_ptr_array_set_size (self->slots, 0);
  if (catalogue != NULL && condition != 0)
    {
      GPtrArray *materials = shenbao_catalogue_get_materials (catalogue, condition);

      for (guint i = 0; i < materials->len; i++)
        g_ptr_array_add (self->slots, g_ptr_array_index (materials, i));
    }
  shenbao_materials_section_slot_checked (self, NULL);
}

void
shenbao_materials_section_slot_checked (ShenbaoMaterialsSection *self,
                                        const char              *slot)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_if_fail (SHENBAO_IS_MATERIALS_SECTION (self));

  for (guint i = 0; i < self->slots->len; i++)
    {
      const ShenbaoSlot *material = g_ptr_array_index (self->slots, i);

      if (slot != NULL && g_str_equal (material->name, slot))
        {
          g_autoptr(ShenbaoStatusItem) item = material_item (self, material);

          g_list_store_splice (self->materials, i, 1, (gpointer *) &item, 1);
          return;
        }
      g_ptr_array_add (items, material_item (self, material));
    }
  if (slot == NULL)
    g_list_store_splice (self->materials, 0, g_list_model_get_n_items (G_LIST_MODEL (self->materials)),
                         items->pdata, items->len);
}

static void
shenbao_materials_section_dispose (GObject *object)
{
  ShenbaoMaterialsSection *self = SHENBAO_MATERIALS_SECTION (object);

  g_clear_object (&self->application);
  g_clear_object (&self->checker);
  G_OBJECT_CLASS (shenbao_materials_section_parent_class)->dispose (object);
}

static void
shenbao_materials_section_finalize (GObject *object)
{
  ShenbaoMaterialsSection *self = SHENBAO_MATERIALS_SECTION (object);

  g_object_unref (self->materials);
  g_ptr_array_unref (self->slots);
  G_OBJECT_CLASS (shenbao_materials_section_parent_class)->finalize (object);
}

static void
shenbao_materials_section_class_init (ShenbaoMaterialsSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = shenbao_materials_section_dispose;
  object_class->finalize = shenbao_materials_section_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/shenbao/Shenbao/shenbao-materials-section.ui");
  gtk_widget_class_bind_template_child (widget_class, ShenbaoMaterialsSection, materials_list);
}

static void
shenbao_materials_section_init (ShenbaoMaterialsSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->materials = g_list_store_new (SHENBAO_TYPE_STATUS_ITEM);
  self->slots = g_ptr_array_new ();
  gtk_list_box_bind_model (self->materials_list, G_LIST_MODEL (self->materials),
                           shenbao_status_item_create_row, NULL, NULL);
}
