/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shenbao-documents-section"

#include "config.h"

#include <glib/gi18n.h>
#include <gtk/gtkunixprint.h>

#include "shenbao-documents-section.h"
#include "shenbao-wizard-page.h"

/* Rendering runs in a worker on a copy of the application
 * (shenbao_document_render_async), so that the window stays alive while a
 * print package is made; leaving the section cancels what is running. */
struct _ShenbaoDocumentsSection
{
  AdwPreferencesGroup parent_instance;

  GtkListBox *documents_list;
  GtkWidget *actions_list;

  GtkStringList *documents;   /* the names of the documents that apply */
  ShenbaoApplication *application;
  GCancellable *cancellable;
};

G_DEFINE_FINAL_TYPE (ShenbaoDocumentsSection, shenbao_documents_section, ADW_TYPE_PREFERENCES_GROUP)

static void
toast (ShenbaoDocumentsSection *self,
       const char              *title)
{
  shenbao_wizard_page_toast_near (GTK_WIDGET (self), title);
}

/* What could not be printed as asked is worth more than the toast's time. */
static void
toast_warnings (ShenbaoDocumentsSection *self,
                GPtrArray               *warnings)
{
  for (guint i = 0; warnings != NULL && i < warnings->len; i++)
    toast (self, g_ptr_array_index (warnings, i));
}

static GtkWidget *
document_row (gpointer item,
              gpointer user_data)
{
  const char *name = gtk_string_object_get_string (GTK_STRING_OBJECT (item));
  ShenbaoDocument document = SHENBAO_DOCUMENT_PRINT_PACKAGE;
  GtkWidget *row = adw_action_row_new ();
  /* A label, not a mnemonic: the rows repeat it. */
  GtkWidget *button = gtk_button_new_with_label (_("Open"));
  g_autofree char *file_name = NULL;

  shenbao_document_from_name (name, &document);
  file_name = shenbao_document_get_file_name (document);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), shenbao_document_get_title (document));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), file_name);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "documents.open");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  shenbao_document_get_title (document), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
  return row;
}

void
shenbao_documents_section_show (ShenbaoDocumentsSection *self,
                                ShenbaoApplication      *application)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_null_terminated (SHENBAO_N_DOCUMENTS, NULL, TRUE);

  g_return_if_fail (SHENBAO_IS_DOCUMENTS_SECTION (self));

  g_set_object (&self->application, application);
  for (ShenbaoDocument document = 0;
       application != NULL && shenbao_application_get_condition (application) != 0 && document < SHENBAO_N_DOCUMENTS;
       document++)
    if (shenbao_document_applies (document, application))
      g_ptr_array_add (names, (gpointer) shenbao_document_get_name (document));
  gtk_string_list_splice (self->documents, 0, g_list_model_get_n_items (G_LIST_MODEL (self->documents)),
                          (const char * const *) names->pdata);
  /* Print and Save All need a form to print. */
  gtk_widget_set_visible (self->actions_list, names->len > 0);
}

/* Rendered for viewing and printing, in the cache: the candidate keeps
 * copies with Save All. */
static char *
cache_path (ShenbaoDocumentsSection *self,
            ShenbaoDocument          document)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, shenbao_application_get_id (self->application));
  g_autofree char *folder = g_build_filename (g_get_user_cache_dir (), "shenbao", id, NULL);
  g_autofree char *file_name = shenbao_document_get_file_name (document);

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      g_autofree char *title = g_strdup_printf (_("Could not create the folder %s"), folder);

      toast (self, title);
      return NULL;
    }
  return g_build_filename (folder, file_name, NULL);
}

/* What a render was for: the section, and the file or folder written. */
typedef struct
{
  ShenbaoDocumentsSection *self;
  char *path;
} Render;

static void
render_free (Render *render)
{
  g_free (render->path);
  g_free (render);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Render, render_free)

/* The render's section, or NULL (with nothing to say) when it failed, the
 * error toasted, or was cancelled because the section went away. */
static ShenbaoDocumentsSection *
render_finish (GAsyncResult *result,
               Render       *render,
               GPtrArray   **warnings)
{
  g_autoptr(GError) error = NULL;

  if (shenbao_document_render_finish (result, warnings, &error))
    return render->self;
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    toast (render->self, error->message);
  return NULL;
}

static void
render (ShenbaoDocumentsSection *self,
        ShenbaoDocument          document,
        const char              *path,
        GAsyncReadyCallback      callback)
{
  Render *job = g_new0 (Render, 1);

  job->self = self;
  job->path = g_strdup (path);
  shenbao_document_render_async (document, self->application, path, self->cancellable, callback, job);
}

static void
viewer_launched (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(ShenbaoDocumentsSection) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!gtk_show_uri_full_finish (GTK_WINDOW (object), result, &error))
    {
      g_autofree char *title = g_strdup_printf (_("No program could open the PDF: %s"), error->message);

      toast (self, title);
    }
}

static void
document_rendered (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(Render) job = user_data;
  g_autoptr(GPtrArray) warnings = NULL;
  ShenbaoDocumentsSection *self = render_finish (result, job, &warnings);
  GtkRoot *root;
  /* The file's name only: the cache folder it is in is no concern of the
   * candidate's. */
  g_autofree char *name = g_path_get_basename (job->path);
  g_autofree char *done = g_strdup_printf (_("Opening %s"), name);

  if (self == NULL)
    return;
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (GTK_IS_WINDOW (root))
    {
      g_autofree char *uri = g_filename_to_uri (job->path, NULL, NULL);

      gtk_show_uri_full (GTK_WINDOW (root), uri, GDK_CURRENT_TIME, NULL, viewer_launched, g_object_ref (self));
    }
  toast (self, done);
  toast_warnings (self, warnings);
}

static void
open_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ShenbaoDocumentsSection *self = SHENBAO_DOCUMENTS_SECTION (widget);
  ShenbaoDocument document;
  g_autofree char *path = NULL;

  if (self->application != NULL && shenbao_document_from_name (g_variant_get_string (parameter, NULL), &document)
      && (path = cache_path (self, document)) != NULL)
    render (self, document, path, document_rendered);
}

static void
print_job_done (GtkPrintJob  *job,
                gpointer      user_data,
                const GError *error)
{
  ShenbaoDocumentsSection *self = user_data;

  if (error != NULL)
    {
      g_autofree char *title = g_strdup_printf (_("Printing failed: %s"), error->message);

      toast (self, title);
    }
  else
    toast (self, _("Sent to the printer"));
}

/* The PDF goes to the printer as it is, at the size it was drawn: a form
 * scaled to fit would no longer be the organiser's A4. */
static void
print_response (GtkDialog               *dialog,
                int                      response,
                ShenbaoDocumentsSection *self)
{
  const char *path = g_object_get_data (G_OBJECT (dialog), "path");
  GtkPrinter *printer = gtk_print_unix_dialog_get_selected_printer (GTK_PRINT_UNIX_DIALOG (dialog));
  g_autoptr(GtkPrintSettings) settings = gtk_print_unix_dialog_get_settings (GTK_PRINT_UNIX_DIALOG (dialog));
  g_autoptr(GtkPrintJob) job = NULL;
  g_autoptr(GError) error = NULL;

  gtk_widget_set_visible (GTK_WIDGET (dialog), FALSE);
  if (response == GTK_RESPONSE_OK && printer != NULL)
    {
      if (!gtk_printer_accepts_pdf (printer))
        toast (self, _("This printer does not take PDF: open the print package and print it from the viewer"));
      else
        {
          job = gtk_print_job_new (_("Print package"), printer, settings,
                                   gtk_print_unix_dialog_get_page_setup (GTK_PRINT_UNIX_DIALOG (dialog)));
          if (!gtk_print_job_set_source_file (job, path, &error))
            toast (self, error->message);
          else
            gtk_print_job_send (job, print_job_done, g_object_ref (self), g_object_unref);
        }
    }
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
print_package_rendered (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(Render) job = user_data;
  g_autoptr(GPtrArray) warnings = NULL;
  ShenbaoDocumentsSection *self = render_finish (result, job, &warnings);
  g_autoptr(GtkPageSetup) page_setup = NULL;
  g_autoptr(GtkPaperSize) a4 = NULL;
  GtkWidget *dialog;

  if (self == NULL)
    return;
  toast_warnings (self, warnings);
  page_setup = gtk_page_setup_new ();
  a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  gtk_page_setup_set_paper_size (page_setup, a4);
  dialog = gtk_print_unix_dialog_new (_("Print the Print Package"), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_print_unix_dialog_set_page_setup (GTK_PRINT_UNIX_DIALOG (dialog), page_setup);
  gtk_print_unix_dialog_set_embed_page_setup (GTK_PRINT_UNIX_DIALOG (dialog), FALSE);
  g_object_set_data_full (G_OBJECT (dialog), "path", g_strdup (job->path), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (print_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
print_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  ShenbaoDocumentsSection *self = SHENBAO_DOCUMENTS_SECTION (widget);
  g_autofree char *path = NULL;

  if (self->application != NULL && (path = cache_path (self, SHENBAO_DOCUMENT_PRINT_PACKAGE)) != NULL)
    render (self, SHENBAO_DOCUMENT_PRINT_PACKAGE, path, print_package_rendered);
}

static void
documents_saved (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(Render) job = user_data;
  g_autoptr(GPtrArray) warnings = NULL;
  ShenbaoDocumentsSection *self = render_finish (result, job, &warnings);
  g_autofree char *done = NULL;
  g_autoptr(GFile) folder = NULL;

  if (self == NULL)
    return;
  done = g_strdup_printf (_("The PDFs are in %s"), job->path);
  folder = g_file_new_for_path (job->path);
  shenbao_wizard_page_toast_folder (GTK_WIDGET (self), done, folder);
  toast_warnings (self, warnings);
}

void
shenbao_documents_section_save_to (ShenbaoDocumentsSection *self,
                                   const char              *folder)
{
  g_return_if_fail (SHENBAO_IS_DOCUMENTS_SECTION (self));

  if (self->application != NULL)
    render (self, SHENBAO_N_DOCUMENTS, folder, documents_saved);
}

static void
save_folder_chosen (GtkWidget  *widget,
                    const char *path,
                    gpointer    data)
{
  shenbao_documents_section_save_to (SHENBAO_DOCUMENTS_SECTION (widget), path);
}

static void
save_all_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  if (SHENBAO_DOCUMENTS_SECTION (widget)->application != NULL)
    shenbao_wizard_page_choose_folder (widget, _("Save the PDFs in a Folder"), save_folder_chosen, NULL);
}

static void
shenbao_documents_section_dispose (GObject *object)
{
  ShenbaoDocumentsSection *self = SHENBAO_DOCUMENTS_SECTION (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->application);
  G_OBJECT_CLASS (shenbao_documents_section_parent_class)->dispose (object);
}

static void
shenbao_documents_section_class_init (ShenbaoDocumentsSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = shenbao_documents_section_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/shenbao/Shenbao/shenbao-documents-section.ui");
  gtk_widget_class_bind_template_child (widget_class, ShenbaoDocumentsSection, documents_list);
  gtk_widget_class_bind_template_child (widget_class, ShenbaoDocumentsSection, documents);
  gtk_widget_class_bind_template_child (widget_class, ShenbaoDocumentsSection, actions_list);
  gtk_widget_class_install_action (widget_class, "documents.open", "s", open_activated);
  gtk_widget_class_install_action (widget_class, "documents.print", NULL, print_activated);
  gtk_widget_class_install_action (widget_class, "documents.save-all", NULL, save_all_activated);
}

static void
shenbao_documents_section_init (ShenbaoDocumentsSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  gtk_list_box_bind_model (self->documents_list, G_LIST_MODEL (self->documents), document_row, NULL, NULL);
}
