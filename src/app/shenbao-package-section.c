/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shenbao-package-section"

#include "config.h"

#include <glib/gi18n.h>

#include "shenbao-package-section.h"
#include "shenbao-wizard-page.h"

/* The package is written in a worker on a copy of the application
 * (shenbao_export_write_async); leaving the section cancels it. */
struct _ShenbaoPackageSection
{
  AdwPreferencesGroup parent_instance;

  AdwActionRow *package_row;

  ShenbaoApplication *application;
  GCancellable *cancellable;
};

G_DEFINE_FINAL_TYPE (ShenbaoPackageSection, shenbao_package_section, ADW_TYPE_PREFERENCES_GROUP)

void
shenbao_package_section_show (ShenbaoPackageSection *self,
                              ShenbaoApplication    *application)
{
  g_return_if_fail (SHENBAO_IS_PACKAGE_SECTION (self));

  g_set_object (&self->application, application);
  adw_action_row_set_subtitle (self->package_row, "");
}

typedef struct
{
  ShenbaoPackageSection *self;
  gboolean zip;
} Export;

static void
package_exported (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autofree Export *job = user_data;
  ShenbaoPackageSection *self = job->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *path = shenbao_export_write_finish (result, &problems, &error);
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autofree char *markup = NULL;
  g_autoptr(GFile) written = NULL;
  g_autoptr(GFile) folder = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (path == NULL)
    {
      shenbao_wizard_page_toast_near (GTK_WIDGET (self), error->message);
      return;
    }
  g_string_printf (subtitle, _("Written to %s."), path);
  if (problems->len == 0)
    g_string_append_printf (subtitle, " %s", _("Every slot is filled and passes its checks."));
  else
    g_string_append_printf (subtitle, " %s",
                            g_dngettext (GETTEXT_PACKAGE, "Still to do, as the manifest says:",
                                         "Still to do, as the manifest says:", problems->len));
  for (guint i = 0; i < problems->len; i++)
    g_string_append_printf (subtitle, "\n• %s", ((ShenbaoFinding *) g_ptr_array_index (problems, i))->message);
  markup = g_markup_escape_text (subtitle->str, -1);
  adw_action_row_set_subtitle (self->package_row, markup);
  /* A zip is a file in the folder chosen; a folder export is the folder. */
  written = g_file_new_for_path (path);
  folder = job->zip ? g_file_get_parent (written) : g_object_ref (written);
  shenbao_wizard_page_toast_folder (GTK_WIDGET (self),
                                    problems->len == 0 ? _("The upload package is ready")
                                                       : _("The upload package is written, with things still to do"),
                                    folder);
}

void
shenbao_package_section_export_to (ShenbaoPackageSection *self,
                                   const char            *folder,
                                   gboolean               zip)
{
  Export *job;

  g_return_if_fail (SHENBAO_IS_PACKAGE_SECTION (self));

  if (self->application == NULL)
    return;
  job = g_new0 (Export, 1);
  job->self = self;
  job->zip = zip;
  shenbao_export_write_async (self->application, folder, zip ? SHENBAO_EXPORT_ZIP : 0,
                              SHENBAO_DOCUMENT_DEFAULT_MAX_BYTES, self->cancellable, package_exported, job);
}

static void
folder_chosen (GtkWidget  *widget,
               const char *path,
               gpointer    zip)
{
  shenbao_package_section_export_to (SHENBAO_PACKAGE_SECTION (widget), path, GPOINTER_TO_INT (zip));
}

static void
export_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  gboolean zip = g_variant_get_boolean (parameter);

  if (SHENBAO_PACKAGE_SECTION (widget)->application != NULL)
    shenbao_wizard_page_choose_folder (widget,
                                       zip ? _("Export the Package as a Zip into a Folder")
                                           : _("Export the Package into a Folder"),
                                       folder_chosen, GINT_TO_POINTER (zip));
}

static void
shenbao_package_section_dispose (GObject *object)
{
  ShenbaoPackageSection *self = SHENBAO_PACKAGE_SECTION (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->application);
  G_OBJECT_CLASS (shenbao_package_section_parent_class)->dispose (object);
}

static void
shenbao_package_section_class_init (ShenbaoPackageSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = shenbao_package_section_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/shenbao/Shenbao/shenbao-package-section.ui");
  gtk_widget_class_bind_template_child (widget_class, ShenbaoPackageSection, package_row);
  gtk_widget_class_install_action (widget_class, "package.export", "b", export_activated);
}

static void
shenbao_package_section_init (ShenbaoPackageSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}
