/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shenbao-photo-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "shenbao-crop-view.h"
#include "shenbao-photo-dialog.h"

/* The preview's long side: enough to place a frame by eye, a fraction of a
 * phone photo's pixels to decode. */
#define PREVIEW_SIZE 1024

struct _ShenbaoPhotoDialog
{
  AdwWindow parent_instance;

  ShenbaoCropView *crop_view;
  GtkWidget *use_button;
  GtkStack *result_stack;
  GtkSpinner *spinner;
  GtkPicture *result_picture;
  GtkLabel *report_label;

  ShenbaoApplication *application;
  char *slot;
  GBytes *original;
  GBytes *fixed;           /* the result for the frame as it is, or NULL */
  GCancellable *cancellable;
};

G_DEFINE_FINAL_TYPE (ShenbaoPhotoDialog, shenbao_photo_dialog, ADW_TYPE_WINDOW)

static void
show_message (ShenbaoPhotoDialog *self,
              const char         *message,
              gboolean            failed)
{
  gtk_label_set_text (self->report_label, message);
  if (failed)
    gtk_widget_add_css_class (GTK_WIDGET (self->report_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->report_label), "error");
}

/* A fix made for another frame must not be used for this one. */
static void
crop_changed (ShenbaoPhotoDialog *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->fixed, g_bytes_unref);
  gtk_widget_set_sensitive (self->use_button, FALSE);
  gtk_spinner_set_spinning (self->spinner, FALSE);
  gtk_stack_set_visible_child_name (self->result_stack, "none");
}

static void
fix_done (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  ShenbaoPhotoDialog *self;
  ShenbaoPhotoFixReport fix_report;
  g_autoptr(GPtrArray) checks = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) fixed = shenbao_photo_fix_finish (result, &fix_report, &checks, &error);
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *size = NULL;
  g_autofree char *problems = NULL;
  g_autofree char *report = NULL;

  /* Another frame was chosen, or the dialog closed: the fix is not wanted. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = SHENBAO_PHOTO_DIALOG (user_data);
  gtk_spinner_set_spinning (self->spinner, FALSE);
  gtk_stack_set_visible_child_name (self->result_stack, "result");
  gtk_widget_set_visible (GTK_WIDGET (self->result_picture), fixed != NULL);
  if (fixed == NULL)
    {
      show_message (self, error->message, TRUE);
      return;
    }

  texture = gdk_texture_new_from_bytes (fixed, NULL);
  gtk_picture_set_paintable (self->result_picture, GDK_PAINTABLE (texture));
  size = g_format_size (g_bytes_get_size (fixed));
  problems = shenbao_findings_join (checks);
  report = g_strdup_printf (_("%d × %d pixels, %s (%lu bytes), JPEG quality %d.\n%s"),
                            fix_report.width, fix_report.height, size, (gulong) g_bytes_get_size (fixed),
                            fix_report.quality, *problems != '\0' ? problems : _("Passes every check of the portal."));
  show_message (self, report, shenbao_findings_worst (checks) == SHENBAO_SEVERITY_ERROR);
  self->fixed = g_steal_pointer (&fixed);
  gtk_widget_set_sensitive (self->use_button, TRUE);
}

static void
fix_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ShenbaoPhotoDialog *self = SHENBAO_PHOTO_DIALOG (widget);
  ShenbaoPhotoCrop crop;

  crop_changed (self);
  self->cancellable = g_cancellable_new ();
  shenbao_crop_view_get_crop (self->crop_view, &crop);
  gtk_stack_set_visible_child_name (self->result_stack, "working");
  gtk_spinner_set_spinning (self->spinner, TRUE);
  shenbao_photo_fix_async (self->original, &crop, self->cancellable, fix_done, self);
}

static void
use_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ShenbaoPhotoDialog *self = SHENBAO_PHOTO_DIALOG (widget);
  g_autofree char *filename = NULL;

  if (self->fixed == NULL)
    return;
  filename = g_strconcat (self->slot, ".jpg", NULL);
  shenbao_application_set_attachment (self->application, self->slot, filename, self->fixed);
  gtk_window_close (GTK_WINDOW (self));
}

GtkWindow *
shenbao_photo_dialog_new (GtkWindow          *parent,
                          ShenbaoApplication *application,
                          const char         *slot)
{
  const ShenbaoAttachment *attachment;
  ShenbaoPhotoDialog *self;
  ShenbaoImageInfo info;
  g_autoptr(GdkPixbuf) preview = NULL;
  g_autoptr(GError) error = NULL;
  ShenbaoPhotoCrop crop, face;
  int width, height;

  g_return_val_if_fail (SHENBAO_IS_APPLICATION (application), NULL);
  attachment = shenbao_application_get_attachment (application, slot);
  g_return_val_if_fail (attachment != NULL && attachment->data != NULL, NULL);

  self = g_object_new (SHENBAO_TYPE_PHOTO_DIALOG, "transient-for", parent, NULL);
  self->application = g_object_ref (application);
  self->slot = g_strdup (slot);
  self->original = g_bytes_ref (attachment->data);

  if (shenbao_image_probe (self->original, &info, &error))
    {
      shenbao_image_info_get_upright_size (&info, &width, &height);
      preview = shenbao_image_load (self->original, MIN (1.0, (double) PREVIEW_SIZE / MAX (width, height)), &error);
    }
  if (preview == NULL)
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self->crop_view), FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "photo.fix", FALSE);
      gtk_stack_set_visible_child_name (self->result_stack, "result");
      show_message (self, error->message, TRUE);
      return GTK_WINDOW (self);
    }
  shenbao_crop_view_set_image (self->crop_view, preview, width, height);
  /* The frame the fixer would choose (shenbao_photo_fix), for the candidate to
   * adjust, with the face it was chosen around. */
  if (shenbao_photo_suggest_crop (preview, width, height, &crop, &face))
    shenbao_crop_view_set_face (self->crop_view, &face);
  shenbao_crop_view_set_crop (self->crop_view, &crop);
  return GTK_WINDOW (self);
}

static void
shenbao_photo_dialog_dispose (GObject *object)
{
  ShenbaoPhotoDialog *self = SHENBAO_PHOTO_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->application);
  g_clear_pointer (&self->original, g_bytes_unref);
  g_clear_pointer (&self->fixed, g_bytes_unref);
  G_OBJECT_CLASS (shenbao_photo_dialog_parent_class)->dispose (object);
}

static void
shenbao_photo_dialog_finalize (GObject *object)
{
  g_free (SHENBAO_PHOTO_DIALOG (object)->slot);
  G_OBJECT_CLASS (shenbao_photo_dialog_parent_class)->finalize (object);
}

static void
shenbao_photo_dialog_class_init (ShenbaoPhotoDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = shenbao_photo_dialog_dispose;
  object_class->finalize = shenbao_photo_dialog_finalize;

  g_type_ensure (SHENBAO_TYPE_CROP_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/shenbao/Shenbao/shenbao-photo-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ShenbaoPhotoDialog, crop_view);
  gtk_widget_class_bind_template_child (widget_class, ShenbaoPhotoDialog, use_button);
  gtk_widget_class_bind_template_child (widget_class, ShenbaoPhotoDialog, result_stack);
  gtk_widget_class_bind_template_child (widget_class, ShenbaoPhotoDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, ShenbaoPhotoDialog, result_picture);
  gtk_widget_class_bind_template_child (widget_class, ShenbaoPhotoDialog, report_label);
  gtk_widget_class_bind_template_callback (widget_class, crop_changed);
  gtk_widget_class_install_action (widget_class, "photo.fix", NULL, fix_activated);
  gtk_widget_class_install_action (widget_class, "photo.use", NULL, use_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
shenbao_photo_dialog_init (ShenbaoPhotoDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
