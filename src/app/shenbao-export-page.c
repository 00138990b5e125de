/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <gtk/gtkunixprint.h>

#include "shenbao-export-page.h"
#include "shenbao-verdict-row.h"

/* The fifth step, 打印与导出 (SPEC §3): the verdict, the materials and where
 * each stands, the PDFs to print, the upload package and the review tracker.
 * Rendering and exporting run on a copy of the application in a worker
 * thread, so that the window stays alive while a print package is made. */
struct _ShenbaoExportPage
{
  ShenbaoWizardPage parent_instance;

  ShenbaoVerdictRow *verdict_row;
  GtkListBox *materials_list;
  GtkListBox *documents_list;
  AdwActionRow *package_row;
  AdwComboRow *state_row;
  GtkStringList *state_list;
  AdwEntryRow *reason_row;
  AdwEntryRow *mailed_date_row;
  AdwEntryRow *tracking_row;
  GtkListBox *history_list;

  ShenbaoStore *store;
  ShenbaoApplication *watched;
};

G_DEFINE_FINAL_TYPE (ShenbaoExportPage, shenbao_export_page, SHENBAO_TYPE_WIZARD_PAGE)

static AdwToast *
toast (ShenbaoExportPage *self,
       const char        *title)
{
  return shenbao_wizard_page_toast (SHENBAO_WIZARD_PAGE (self), title);
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static GtkWidget *
status_row (const char *title,
            const char *subtitle,
            const char *icon_name,
            const char *style)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);
  g_autofree char *markup = g_markup_escape_text (subtitle, -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), markup);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  if (style != NULL)
    gtk_widget_add_css_class (icon, style);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  return row;
}

/* —— materials —— */

static char *
material_state (ShenbaoExportPage *self,
                const ShenbaoSlot *slot,
                const char       **icon_name,
                const char       **style)
{
  const ShenbaoAttachment *attachment = shenbao_application_get_attachment (self->watched, slot->name);
  ShenbaoAttachmentChecker *checker = shenbao_wizard_page_get_checker (SHENBAO_WIZARD_PAGE (self));
  GPtrArray *findings = checker != NULL ? shenbao_attachment_checker_get_findings (checker, slot->name) : NULL;
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

static void
show_materials (ShenbaoExportPage *self)
{
  ShenbaoCatalogue *catalogue = shenbao_catalogue_get_default (NULL);
  int condition = self->watched != NULL ? shenbao_application_get_condition (self->watched) : 0;
  GPtrArray *materials;

  clear_list (self->materials_list);
  if (catalogue == NULL || condition == 0)
    return;
  materials = shenbao_catalogue_get_materials (catalogue, condition);
  for (guint i = 0; i < materials->len; i++)
    {
      const ShenbaoSlot *slot = g_ptr_array_index (materials, i);
      int copies = shenbao_catalogue_get_mailing_copies (catalogue, slot->id);
      const char *icon_name, *style;
      g_autofree char *state = material_state (self, slot, &icon_name, &style);
      g_autofree char *subtitle = NULL;

      if (copies > 0)
        subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s. Mail the original: %d copy",
                                                 "%s. Mail the original: %d copies", copies),
                                    state, copies);
      gtk_list_box_append (self->materials_list,
                           status_row (slot->name, subtitle != NULL ? subtitle : state, icon_name, style));
    }
}

/* —— documents —— */

static GtkWidget *
button_row (const char *title,
            const char *subtitle,
            const char *label,
            const char *action_name,
            GVariant   *target)
{
  GtkWidget *row = adw_action_row_new ();
  /* A label, not a mnemonic: the rows repeat it. */
  GtkWidget *button = gtk_button_new_with_label (label);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  if (target != NULL)
    gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, title, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
  return row;
}

static void
show_documents (ShenbaoExportPage *self)
{
  clear_list (self->documents_list);
  if (self->watched == NULL || shenbao_application_get_condition (self->watched) == 0)
    return;
  for (ShenbaoDocument document = 0; document < SHENBAO_N_DOCUMENTS; document++)
    {
      g_autofree char *file_name = NULL;

      if (!shenbao_document_applies (document, self->watched))
        continue;
      file_name = shenbao_document_get_file_name (document);
      gtk_list_box_append (self->documents_list,
                           button_row (shenbao_document_get_title (document), file_name, _("Open"),
                                       "export.open-document",
                                       g_variant_new_string (shenbao_document_get_name (document))));
    }
  gtk_list_box_append (self->documents_list,
                       button_row (_("Print the print package"), _("A4, actual size, one side"), _("Print…"),
                                   "export.print", NULL));
  gtk_list_box_append (self->documents_list,
                       button_row (_("Every PDF in a folder of your choice"), NULL, _("Save All…"),
                                   "export.save-documents", NULL));
}

typedef struct
{
  ShenbaoApplication *application;   /* a copy: the candidate may type on */
  ShenbaoDocument document;          /* SHENBAO_N_DOCUMENTS: all of them, in a folder */
  char *path;                        /* the file or folder to write */
  gboolean zip;
  GPtrArray *messages;               /* warnings or problems, translated */
  char *written;
} RenderJob;

static void
render_job_free (RenderJob *job)
{
  g_object_unref (job->application);
  g_free (job->path);
  g_ptr_array_unref (job->messages);
  g_free (job->written);
  g_free (job);
}

static GTask *
render_task (ShenbaoExportPage  *self,
             const char         *path,
             GAsyncReadyCallback callback)
{
  GTask *task = g_task_new (self, NULL, callback, NULL);
  RenderJob *job = g_new0 (RenderJob, 1);

  job->application = shenbao_application_copy (self->watched);
  job->path = g_strdup (path);
  job->messages = g_ptr_array_new_with_free_func (g_free);
  job->document = SHENBAO_N_DOCUMENTS;
  g_task_set_task_data (task, job, (GDestroyNotify) render_job_free);
  return task;
}

static void
render_document_in_thread (GTask        *task,
                           gpointer      source_object,
                           gpointer      task_data,
                           GCancellable *cancellable)
{
  RenderJob *job = task_data;
  GError *error = NULL;
  ShenbaoCatalogue *catalogue = shenbao_catalogue_get_default (&error);
  gboolean rendered = catalogue != NULL
    && (job->document == SHENBAO_N_DOCUMENTS
          ? shenbao_documents_render_all (job->application, catalogue, job->path, job->messages, &error)
          : shenbao_document_render_to_file (job->document, job->application, catalogue, job->path,
                                             job->messages, &error));

  if (!rendered)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
open_folder (ShenbaoExportPage *self,
             AdwToast          *shown)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *uri = g_file_get_uri (g_object_get_data (G_OBJECT (shown), "shenbao-folder"));

  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
}

/* A toast that says where files were written offers to open the folder.
 * It is what the candidate waits for: it goes before the toasts queued. */
static void
toast_folder (ShenbaoExportPage *self,
              const char        *title,
              GFile             *folder)
{
  AdwToast *shown = adw_toast_new (title);

  adw_toast_set_button_label (shown, _("_Open Folder"));
  adw_toast_set_priority (shown, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (shown), "shenbao-folder", g_object_ref (folder), g_object_unref);
  g_signal_connect_object (shown, "button-clicked", G_CALLBACK (open_folder), self, G_CONNECT_SWAPPED);
  shenbao_wizard_page_add_toast (SHENBAO_WIZARD_PAGE (self), shown);
}

/* Says how a job went: its error, or done (with the folder written to, when
 * there is one) and then each warning. */
static void
toast_result (ShenbaoExportPage *self,
              GAsyncResult      *result,
              const char        *done,
              GFile             *folder)
{
  RenderJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;


  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      toast (self, error->message);
      return;
    }
  if (folder != NULL)
    toast_folder (self, done, folder);
  else
    toast (self, done);
  /* What could not be printed as asked is worth more than the toast's time. */
  for (guint i = 0; i < job->messages->len; i++)
    toast (self, g_ptr_array_index (job->messages, i));
}

static void
viewer_launched (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(ShenbaoExportPage) self = user_data;
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
  ShenbaoExportPage *self = SHENBAO_EXPORT_PAGE (object);
  RenderJob *job = g_task_get_task_data (G_TASK (result));
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *uri = NULL;
  /* The file's name only: the cache folder it is in is no concern of the
   * candidate's. */
  g_autofree char *name = g_path_get_basename (job->path);
  g_autofree char *done = g_strdup_printf (_("Opening %s"), name);

  if (!g_task_had_error (G_TASK (result)) && GTK_IS_WINDOW (root))
    {
      uri = g_filename_to_uri (job->path, NULL, NULL);
      gtk_show_uri_full (GTK_WINDOW (root), uri, GDK_CURRENT_TIME, NULL, viewer_launched, g_object_ref (self));
    }
  toast_result (self, result, done, NULL);
}

/* Rendered for viewing and printing, in the cache: the candidate keeps
 * copies with Save All. */
static char *
cache_path (ShenbaoExportPage *self,
            ShenbaoDocument    document)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, shenbao_application_get_id (self->watched));
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

static void
render_document (ShenbaoExportPage  *self,
                 ShenbaoDocument     document,
                 GAsyncReadyCallback callback)
{
  g_autofree char *path = NULL;
  g_autoptr(GTask) task = NULL;

  if (self->watched == NULL || (path = cache_path (self, document)) == NULL)
    return;
  task = render_task (self, path, callback);
  ((RenderJob *) g_task_get_task_data (task))->document = document;
  g_task_run_in_thread (task, render_document_in_thread);
}

static void
open_document_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  ShenbaoDocument document;

  if (shenbao_document_from_name (g_variant_get_string (parameter, NULL), &document))
    render_document (SHENBAO_EXPORT_PAGE (widget), document, document_rendered);
}

static void
print_job_done (GtkPrintJob  *job,
                gpointer      user_data,
                const GError *error)
{
  ShenbaoExportPage *self = user_data;

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
print_response (GtkDialog         *dialog,
                int                response,
                ShenbaoExportPage *self)
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
  ShenbaoExportPage *self = SHENBAO_EXPORT_PAGE (object);
  RenderJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkPageSetup) page_setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  GtkWidget *dialog;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      toast (self, error->message);
      return;
    }
  for (guint i = 0; i < job->messages->len; i++)
    toast (self, g_ptr_array_index (job->messages, i));
  gtk_page_setup_set_paper_size (page_setup, a4);
  dialog = gtk_print_unix_dialog_new (_("Print the Print Package"), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_print_unix_dialog_set_page_setup (GTK_PRINT_UNIX_DIALOG (dialog), page_setup);
  gtk_print_unix_dialog_set_embed_page_setup (GTK_PRINT_UNIX_DIALOG (dialog), FALSE);
  g_object_set_data_full (G_OBJECT (dialog), "path", g_strdup (job->path), g_free);
  g_signal_connect (dialog, "response", G_CALLBACK (print_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
print_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  render_document (SHENBAO_EXPORT_PAGE (widget), SHENBAO_DOCUMENT_PRINT_PACKAGE, print_package_rendered);
}

static void
documents_saved (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  RenderJob *job = g_task_get_task_data (G_TASK (result));
  g_autofree char *done = g_strdup_printf (_("The PDFs are in %s"), job->path);
  g_autoptr(GFile) folder = g_file_new_for_path (job->path);

  toast_result (SHENBAO_EXPORT_PAGE (object), result, done, folder);
}

static void
export_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  RenderJob *job = task_data;
  GError *error = NULL;
  ShenbaoCatalogue *catalogue = shenbao_catalogue_get_default (&error);
  g_autoptr(GPtrArray) problems = shenbao_findings_new ();

  if (catalogue == NULL
      || !shenbao_export_write (job->application, catalogue, job->path, job->zip ? SHENBAO_EXPORT_ZIP : 0,
                                SHENBAO_DOCUMENT_DEFAULT_MAX_BYTES, &job->written, problems, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  for (guint i = 0; i < problems->len; i++)
    g_ptr_array_add (job->messages, g_strdup (((ShenbaoFinding *) g_ptr_array_index (problems, i))->message));
  g_task_return_boolean (task, TRUE);
}

static void
package_exported (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  ShenbaoExportPage *self = SHENBAO_EXPORT_PAGE (object);
  RenderJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autofree char *markup = NULL;
  g_autoptr(GFile) written = NULL;
  g_autoptr(GFile) folder = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      toast (self, error->message);
      return;
    }
  g_string_printf (subtitle, _("Written to %s."), job->written);
  if (job->messages->len == 0)
    g_string_append_printf (subtitle, " %s", _("Every slot is filled and passes its checks."));
  else
    g_string_append_printf (subtitle, " %s",
                            g_dngettext (GETTEXT_PACKAGE, "Still to do, as the manifest says:",
                                         "Still to do, as the manifest says:", job->messages->len));
  for (guint i = 0; i < job->messages->len; i++)
    g_string_append_printf (subtitle, "\n• %s", (char *) g_ptr_array_index (job->messages, i));
  markup = g_markup_escape_text (subtitle->str, -1);
  adw_action_row_set_subtitle (self->package_row, markup);
  /* A zip is a file in the folder chosen; a folder export is the folder. */
  written = g_file_new_for_path (job->written);
  folder = job->zip ? g_file_get_parent (written) : g_object_ref (written);
  toast_folder (self, job->messages->len == 0 ? _("The upload package is ready")
                                              : _("The upload package is written, with things still to do"),
                folder);
}

static void
run_job (ShenbaoExportPage  *self,
         const char         *folder,
         gboolean            zip,
         GTaskThreadFunc     thread_func,
         GAsyncReadyCallback callback)
{
  g_autoptr(GTask) task = NULL;

  if (self->watched == NULL)
    return;
  task = render_task (self, folder, callback);
  ((RenderJob *) g_task_get_task_data (task))->zip = zip;
  g_task_run_in_thread (task, thread_func);
}

void
shenbao_export_page_save_documents_to (ShenbaoExportPage *self,
                                       const char        *folder)
{
  g_return_if_fail (SHENBAO_IS_EXPORT_PAGE (self));

  run_job (self, folder, FALSE, render_document_in_thread, documents_saved);
}

void
shenbao_export_page_export_to (ShenbaoExportPage *self,
                               const char        *folder,
                               gboolean           zip)
{
  g_return_if_fail (SHENBAO_IS_EXPORT_PAGE (self));

  run_job (self, folder, zip, export_in_thread, package_exported);
}

typedef enum
{
  CHOSEN_SAVE_DOCUMENTS,
  CHOSEN_PACKAGE_FOLDER,
  CHOSEN_PACKAGE_ZIP,
} ChosenFor;

static void
folder_chosen (GtkNativeDialog   *chooser,
               int                response,
               ShenbaoExportPage *self)
{
  ChosenFor chosen_for = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "chosen-for"));
  g_autoptr(GFile) folder = response == GTK_RESPONSE_ACCEPT ? gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser)) : NULL;
  g_autofree char *path = folder != NULL ? g_file_get_path (folder) : NULL;

  if (path != NULL && chosen_for == CHOSEN_SAVE_DOCUMENTS)
    shenbao_export_page_save_documents_to (self, path);
  else if (path != NULL)
    shenbao_export_page_export_to (self, path, chosen_for == CHOSEN_PACKAGE_ZIP);
  g_object_unref (chooser);
}

static void
choose_folder (ShenbaoExportPage *self,
               const char        *title,
               ChosenFor          chosen_for)
{
  GtkFileChooserNative *chooser;

  if (self->watched == NULL)
    return;
  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Select"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_object_set_data (G_OBJECT (chooser), "chosen-for", GINT_TO_POINTER (chosen_for));
  g_signal_connect (chooser, "response", G_CALLBACK (folder_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
save_documents_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  choose_folder (SHENBAO_EXPORT_PAGE (widget), _("Save the PDFs in a Folder"), CHOSEN_SAVE_DOCUMENTS);
}

static void
package_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  gboolean zip = g_variant_get_boolean (parameter);

  choose_folder (SHENBAO_EXPORT_PAGE (widget),
                 zip ? _("Export the Package as a Zip into a Folder") : _("Export the Package into a Folder"),
                 zip ? CHOSEN_PACKAGE_ZIP : CHOSEN_PACKAGE_FOLDER);
}

/* —— review tracker —— */

/* The application's id in the store, or 0 (with the error) when there is
 * no stored application to track. */
static gint64
tracked_id (ShenbaoExportPage *self,
            GError           **error)
{
  gint64 id = self->store != NULL && self->watched != NULL ? shenbao_application_get_id (self->watched) : 0;

  if (id == 0)
    g_set_error_literal (error, SHENBAO_ERROR, SHENBAO_ERROR_STORE,
                         _("The review can only be tracked for a stored application"));
  return id;
}

static GPtrArray *
review_history (ShenbaoExportPage *self)
{
  gint64 id = tracked_id (self, NULL);

  return id != 0 ? shenbao_store_get_review_history (self->store, id, NULL) : NULL;
}

static void
show_review (ShenbaoExportPage *self)
{
  g_autoptr(GPtrArray) history = review_history (self);
  ShenbaoReviewState state = SHENBAO_REVIEW_NOT_SUBMITTED;

  clear_list (self->history_list);
  gtk_editable_set_text (GTK_EDITABLE (self->reason_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->tracking_row), "");
  if (history == NULL || history->len == 0)
    {
      gtk_list_box_append (self->history_list,
                           status_row (shenbao_review_state_to_string (state), _("Nothing recorded yet"),
                                       "document-open-recent-symbolic", "dim-label"));
    }
  for (guint i = 0; history != NULL && i < history->len; i++)
    {
      ShenbaoReviewEvent *event = g_ptr_array_index (history, i);
      g_autoptr(GDateTime) local = g_date_time_to_local (event->time);
      g_autofree char *time = g_date_time_format (local, "%Y-%m-%d %H:%M");
      g_autofree char *subtitle = NULL;

      if (event->mailing)
        subtitle = g_strdup_printf (_("%s: mailed on %s, tracking number %s"), time, event->mailed_date,
                                    event->tracking_number);
      else if (event->reason != NULL)
        subtitle = g_strdup_printf (_("%s: %s"), time, event->reason);
      else
        subtitle = g_strdup (time);
      gtk_list_box_prepend (self->history_list,
                            status_row (event->mailing ? SHENBAO_REVIEW_MAILED : shenbao_review_state_to_string (event->state),
                                        subtitle, event->mailing ? "mail-send-symbolic" : "document-open-recent-symbolic",
                                        NULL));
      state = event->state;
    }
  adw_combo_row_set_selected (self->state_row, state);
}

static void
record_state_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  ShenbaoExportPage *self = SHENBAO_EXPORT_PAGE (widget);
  ShenbaoReviewState state = adw_combo_row_get_selected (self->state_row);
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->reason_row))));
  g_autoptr(GError) error = NULL;
  gint64 id = tracked_id (self, &error);

  if (id == 0 || !shenbao_store_set_review_state (self->store, id, state, *reason != '\0' ? reason : NULL, &error))
    {
      toast (self, error->message);
      return;
    }
  show_review (self);
}

static void
record_mailing_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  ShenbaoExportPage *self = SHENBAO_EXPORT_PAGE (widget);
  g_autofree char *date = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->mailed_date_row))));
  g_autofree char *tracking = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->tracking_row))));
  g_autoptr(GError) error = NULL;
  gint64 id = tracked_id (self, &error);

  if (id == 0 || !shenbao_store_add_mailing (self->store, id, date, tracking, &error))
    {
      toast (self, error->message);
      return;
    }
  show_review (self);
}

/* —— page —— */

static void
condition_changed (ShenbaoExportPage *self)
{
  show_materials (self);
  show_documents (self);
}

static void
shenbao_export_page_attachment_checked (ShenbaoWizardPage *page,
                                        const char        *slot)
{
  show_materials (SHENBAO_EXPORT_PAGE (page));
}

void
shenbao_export_page_set_store (ShenbaoExportPage *self,
                               ShenbaoStore      *store)
{
  g_return_if_fail (SHENBAO_IS_EXPORT_PAGE (self));

  g_set_object (&self->store, store);
  show_review (self);
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
  adw_action_row_set_subtitle (self->package_row, "");
  condition_changed (self);
  show_review (self);
}

static void
shenbao_export_page_show_verdict (ShenbaoWizardPage    *page,
                                  const ShenbaoVerdict *verdict)
{
  ShenbaoExportPage *self = SHENBAO_EXPORT_PAGE (page);

  shenbao_verdict_row_show (self->verdict_row, verdict);
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
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/shenbao/Shenbao/shenbao-export-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ShenbaoExportPage, verdict_row);
  gtk_widget_class_bind_template_child (widget_class, ShenbaoExportPage, materials_list);
  gtk_widget_class_bind_template_child (widget_class, ShenbaoExportPage, documents_list);
  gtk_widget_class_bind_template_child (widget_class, ShenbaoExportPage, package_row);
  gtk_widget_class_bind_template_child (widget_class, ShenbaoExportPage, state_row);
  gtk_widget_class_bind_template_child (widget_class, ShenbaoExportPage, state_list);
  gtk_widget_class_bind_template_child (widget_class, ShenbaoExportPage, reason_row);
  gtk_widget_class_bind_template_child (widget_class, ShenbaoExportPage, mailed_date_row);
  gtk_widget_class_bind_template_child (widget_class, ShenbaoExportPage, tracking_row);
  gtk_widget_class_bind_template_child (widget_class, ShenbaoExportPage, history_list);
  gtk_widget_class_install_action (widget_class, "export.open-document", "s", open_document_activated);
  gtk_widget_class_install_action (widget_class, "export.print", NULL, print_activated);
  gtk_widget_class_install_action (widget_class, "export.save-documents", NULL, save_documents_activated);
  gtk_widget_class_install_action (widget_class, "export.package", "b", package_activated);
  gtk_widget_class_install_action (widget_class, "export.record-state", NULL, record_state_activated);
  gtk_widget_class_install_action (widget_class, "export.record-mailing", NULL, record_mailing_activated);
}

static void
shenbao_export_page_init (ShenbaoExportPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  for (ShenbaoReviewState state = 0; state < SHENBAO_N_REVIEW_STATES; state++)
    gtk_string_list_append (self->state_list, shenbao_review_state_to_string (state));
}
