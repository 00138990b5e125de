/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shenbao-uploads-page"

#include "config.h"

#include <glib/gi18n.h>

#include "shenbao-photo-dialog.h"
#include "shenbao-slot-row.h"
#include "shenbao-uploads-page.h"

/* Step 4 of the portal, 证件上传: one row per material of the chosen
 * condition (guide §二, §三.6), each with its file, preview and checks. */
struct _ShenbaoUploadsPage
{
  ShenbaoWizardPage parent_instance;

  AdwPreferencesGroup *slots_group;
  GtkListBox *slot_list;

  ShenbaoApplication *watched;
  /* The last removed file, for Undo. */
  ShenbaoAttachment *removed;
  GCancellable *cancellable;   /* the files being read */
};

G_DEFINE_FINAL_TYPE (ShenbaoUploadsPage, shenbao_uploads_page, SHENBAO_TYPE_WIZARD_PAGE)

static ShenbaoSlotRow *
find_row (ShenbaoUploadsPage *self,
          const char         *slot)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->slot_list)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (SHENBAO_IS_SLOT_ROW (child) && g_strcmp0 (shenbao_slot_row_get_slot_name (SHENBAO_SLOT_ROW (child)), slot) == 0)
      return SHENBAO_SLOT_ROW (child);
  return NULL;
}

static void
remove_rows (ShenbaoUploadsPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->slot_list))) != NULL)
    gtk_list_box_remove (self->slot_list, child);
}

/* The slots follow the condition: the guide's materials differ per condition. */
static void
condition_changed (ShenbaoUploadsPage *self)
{
  ShenbaoCatalogue *catalogue = shenbao_catalogue_get_default (NULL);
  ShenbaoAttachmentChecker *checker = shenbao_wizard_page_get_checker (SHENBAO_WIZARD_PAGE (self));
  int condition = self->watched != NULL ? shenbao_application_get_condition (self->watched) : 0;
  GPtrArray *materials;
  g_autofree char *title = NULL;

  remove_rows (self);
  if (catalogue == NULL || condition == 0)
    {
      adw_preferences_group_set_title (self->slots_group, _("Uploads"));
      return;
    }
  title = g_strdup_printf (_("Uploads for condition %d"), condition);
  adw_preferences_group_set_title (self->slots_group, title);
  materials = shenbao_catalogue_get_materials (catalogue, condition);
  for (guint i = 0; i < materials->len; i++)
    {
      const ShenbaoSlot *slot = g_ptr_array_index (materials, i);
      ShenbaoSlotRow *row = shenbao_slot_row_new (slot);

      gtk_list_box_append (self->slot_list, GTK_WIDGET (row));
      if (checker != NULL)
        shenbao_slot_row_show (row, shenbao_application_get_attachment (self->watched, slot->name), checker);
    }
}

static void
shenbao_uploads_page_attachment_checked (ShenbaoWizardPage *page,
                                         const char        *slot)
{
  ShenbaoUploadsPage *self = SHENBAO_UPLOADS_PAGE (page);
  ShenbaoSlotRow *row = slot != NULL ? find_row (self, slot) : NULL;

  if (slot == NULL)
    condition_changed (self);
  else if (row != NULL && self->watched != NULL)
    shenbao_slot_row_show (row, shenbao_application_get_attachment (self->watched, slot),
                           shenbao_wizard_page_get_checker (page));
}

typedef struct
{
  ShenbaoUploadsPage *self;
  ShenbaoApplication *application;
  char *slot;
  char *filename;
} AttachJob;

static void
attach_job_free (AttachJob *job)
{
  g_object_unref (job->application);
  g_free (job->slot);
  g_free (job->filename);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AttachJob, attach_job_free)

static void
file_read (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(AttachJob) job = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) data = shenbao_image_read_file_finish (result, &error);

  /* The page is gone: so is the row the file was for. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (data == NULL)
    {
      g_autofree char *title = g_strdup_printf (_("%s not attached: %s"), job->slot, error->message);

      shenbao_wizard_page_toast (SHENBAO_WIZARD_PAGE (job->self), title);
      return;
    }
  shenbao_application_set_attachment (job->application, job->slot, job->filename, data);
}

void
shenbao_uploads_page_attach_file (ShenbaoUploadsPage *self,
                                  const char         *slot,
                                  GFile              *file)
{
  AttachJob *job;

  g_return_if_fail (SHENBAO_IS_UPLOADS_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->watched == NULL)
    return;
  job = g_new0 (AttachJob, 1);
  job->self = self;
  job->application = g_object_ref (self->watched);
  job->slot = g_strdup (slot);
  job->filename = g_file_get_basename (file);
  shenbao_image_read_file_async (file, self->cancellable, file_read, job);
}

static void
attach_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  const char *slot, *uri;
  g_autoptr(GFile) file = NULL;

  g_variant_get (parameter, "(&s&s)", &slot, &uri);
  file = g_file_new_for_uri (uri);
  shenbao_uploads_page_attach_file (SHENBAO_UPLOADS_PAGE (widget), slot, file);
}

static void
chooser_response (GtkNativeDialog    *chooser,
                  int                 response,
                  ShenbaoUploadsPage *self)
{
  const char *slot = g_object_get_data (G_OBJECT (chooser), "slot");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        shenbao_uploads_page_attach_file (self, slot, file);
    }
  g_object_unref (chooser);
}

static void
choose_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ShenbaoUploadsPage *self = SHENBAO_UPLOADS_PAGE (widget);
  const char *slot = g_variant_get_string (parameter, NULL);
  g_autofree char *title = g_strdup_printf (_("Choose the File for %s"), slot);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) pictures = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) everything = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (gtk_widget_get_root (widget)),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Attach"), _("_Cancel"));
  gtk_file_filter_set_name (pictures, _("Pictures (JPG, PNG)"));
  gtk_file_filter_add_mime_type (pictures, "image/jpeg");
  gtk_file_filter_add_mime_type (pictures, "image/png");
  gtk_file_filter_add_suffix (pictures, "jpg");
  gtk_file_filter_add_suffix (pictures, "jpeg");
  gtk_file_filter_add_suffix (pictures, "png");
  /* A phone's HEIC or a mislabelled file must reach the checks, which say
   * what it really is and what to do. */
  gtk_file_filter_set_name (everything, _("All files"));
  gtk_file_filter_add_pattern (everything, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), pictures);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), everything);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_object_set_data_full (G_OBJECT (chooser), "slot", g_strdup (slot), g_free);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
restore_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ShenbaoUploadsPage *self = SHENBAO_UPLOADS_PAGE (widget);
  g_autoptr(ShenbaoAttachment) removed = g_steal_pointer (&self->removed);

  if (removed != NULL && self->watched != NULL)
    shenbao_application_set_attachment (self->watched, removed->slot, removed->filename, removed->data);
}

static void
remove_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ShenbaoUploadsPage *self = SHENBAO_UPLOADS_PAGE (widget);
  const char *slot = g_variant_get_string (parameter, NULL);
  const ShenbaoAttachment *attachment;
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (self->watched == NULL || (attachment = shenbao_application_get_attachment (self->watched, slot)) == NULL)
    return;
  g_clear_pointer (&self->removed, shenbao_attachment_free);
  self->removed = shenbao_attachment_copy (attachment);
  shenbao_application_remove_attachment (self->watched, slot);
  title = g_strdup_printf (_("The file of %s was removed"), slot);
  toast = shenbao_wizard_page_toast (SHENBAO_WIZARD_PAGE (self), title);
  if (toast != NULL)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "uploads.restore");
    }
}

static void
fix_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ShenbaoUploadsPage *self = SHENBAO_UPLOADS_PAGE (widget);
  const char *slot = g_variant_get_string (parameter, NULL);
  const ShenbaoAttachment *attachment;
  GtkWindow *dialog;

  if (self->watched == NULL)
    return;
  attachment = shenbao_application_get_attachment (self->watched, slot);
  if (attachment == NULL || attachment->data == NULL)
    {
      shenbao_wizard_page_toast (SHENBAO_WIZARD_PAGE (self), _("Attach a photo first, then crop and fix it"));
      return;
    }
  dialog = shenbao_photo_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->watched, slot);
  gtk_window_present (dialog);
}

static void
shenbao_uploads_page_bind (ShenbaoWizardPage  *page,
                           ShenbaoApplication *application)
{
  ShenbaoUploadsPage *self = SHENBAO_UPLOADS_PAGE (page);

  if (self->watched != NULL)
    g_signal_handlers_disconnect_by_data (self->watched, self);
  self->watched = application;
  g_clear_pointer (&self->removed, shenbao_attachment_free);
  if (application != NULL)
    g_signal_connect_swapped (application, "notify::condition", G_CALLBACK (condition_changed), self);
  condition_changed (self);
}

/* The rows show each file's own checks; the rules' findings on attachments
 * (missing, unreadable) mark the step. */
static void
shenbao_uploads_page_show_verdict (ShenbaoWizardPage    *page,
                                   const ShenbaoVerdict *verdict)
{
}

static gboolean
shenbao_uploads_page_owns_field (ShenbaoWizardPage *page,
                                 const char        *field)
{
  return g_str_has_prefix (field, "attachments/");
}

static void
shenbao_uploads_page_dispose (GObject *object)
{
  ShenbaoUploadsPage *self = SHENBAO_UPLOADS_PAGE (object);

  if (self->watched != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->watched, self);
      self->watched = NULL;
    }
  g_clear_pointer (&self->removed, shenbao_attachment_free);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (shenbao_uploads_page_parent_class)->dispose (object);
}

static void
shenbao_uploads_page_class_init (ShenbaoUploadsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  ShenbaoWizardPageClass *page_class = SHENBAO_WIZARD_PAGE_CLASS (klass);

  object_class->dispose = shenbao_uploads_page_dispose;
  page_class->bind = shenbao_uploads_page_bind;
  page_class->show_verdict = shenbao_uploads_page_show_verdict;
  page_class->owns_field = shenbao_uploads_page_owns_field;
  page_class->attachment_checked = shenbao_uploads_page_attachment_checked;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/shenbao/Shenbao/shenbao-uploads-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ShenbaoUploadsPage, slots_group);
  gtk_widget_class_bind_template_child (widget_class, ShenbaoUploadsPage, slot_list);
  gtk_widget_class_install_action (widget_class, "uploads.attach", "(ss)", attach_activated);
  gtk_widget_class_install_action (widget_class, "uploads.choose", "s", choose_activated);
  gtk_widget_class_install_action (widget_class, "uploads.remove", "s", remove_activated);
  gtk_widget_class_install_action (widget_class, "uploads.restore", NULL, restore_activated);
  gtk_widget_class_install_action (widget_class, "uploads.fix", "s", fix_activated);
}

static void
shenbao_uploads_page_init (ShenbaoUploadsPage *self)
{
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  placeholder = gtk_label_new (_("Choose a condition on the Registration step first: the materials depend on it."));
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 18);
  gtk_widget_set_margin_bottom (placeholder, 18);
  gtk_widget_set_margin_start (placeholder, 12);
  gtk_widget_set_margin_end (placeholder, 12);
  gtk_list_box_set_placeholder (self->slot_list, placeholder);
}
