/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shenbao-wizard-page"

#include "config.h"

#include <glib/gi18n.h>

#include "shenbao-field-editor.h"
#include "shenbao-wizard-page.h"

typedef struct
{
  ShenbaoApplication *application;
  ShenbaoAttachmentChecker *checker;
  GPtrArray *bindings;
  GHashTable *touched;   /* the wizard's: field names left or passed by */
} ShenbaoWizardPagePrivate;

G_DEFINE_TYPE_WITH_PRIVATE (ShenbaoWizardPage, shenbao_wizard_page, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_APPLICATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

ShenbaoApplication *
shenbao_wizard_page_get_application (ShenbaoWizardPage *self)
{
  ShenbaoWizardPagePrivate *priv = shenbao_wizard_page_get_instance_private (self);

  g_return_val_if_fail (SHENBAO_IS_WIZARD_PAGE (self), NULL);

  return priv->application;
}

void
shenbao_wizard_page_set_application (ShenbaoWizardPage  *self,
                                     ShenbaoApplication *application)
{
  ShenbaoWizardPagePrivate *priv = shenbao_wizard_page_get_instance_private (self);
  /* Kept alive until the subclasses have let go of it in bind(). */
  g_autoptr(ShenbaoApplication) previous = NULL;

  g_return_if_fail (SHENBAO_IS_WIZARD_PAGE (self));

  if (priv->application == application)
    return;
  previous = g_steal_pointer (&priv->application);
  priv->application = application != NULL ? g_object_ref (application) : NULL;
  SHENBAO_WIZARD_PAGE_GET_CLASS (self)->bind (self, application);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_APPLICATION]);
}

void
shenbao_wizard_page_show_verdict (ShenbaoWizardPage    *self,
                                  const ShenbaoVerdict *verdict)
{
  g_return_if_fail (SHENBAO_IS_WIZARD_PAGE (self));

  SHENBAO_WIZARD_PAGE_GET_CLASS (self)->show_verdict (self, verdict);
}

gboolean
shenbao_wizard_page_owns_field (ShenbaoWizardPage *self,
                                const char        *field)
{
  g_return_val_if_fail (SHENBAO_IS_WIZARD_PAGE (self), FALSE);

  return SHENBAO_WIZARD_PAGE_GET_CLASS (self)->owns_field (self, field);
}

ShenbaoAttachmentChecker *
shenbao_wizard_page_get_checker (ShenbaoWizardPage *self)
{
  ShenbaoWizardPagePrivate *priv = shenbao_wizard_page_get_instance_private (self);

  g_return_val_if_fail (SHENBAO_IS_WIZARD_PAGE (self), NULL);

  return priv->checker;
}

static void
attachment_checked (ShenbaoWizardPage *self,
                    const char        *slot)
{
  ShenbaoWizardPageClass *klass = SHENBAO_WIZARD_PAGE_GET_CLASS (self);

  if (klass->attachment_checked != NULL)
    klass->attachment_checked (self, slot);
}

void
shenbao_wizard_page_set_checker (ShenbaoWizardPage        *self,
                                 ShenbaoAttachmentChecker *checker)
{
  ShenbaoWizardPagePrivate *priv = shenbao_wizard_page_get_instance_private (self);

  g_return_if_fail (SHENBAO_IS_WIZARD_PAGE (self));

  if (priv->checker != NULL)
    g_signal_handlers_disconnect_by_data (priv->checker, self);
  g_set_object (&priv->checker, checker);
  if (checker != NULL)
    g_signal_connect_swapped (checker, "checked", G_CALLBACK (attachment_checked), self);
  attachment_checked (self, NULL);
}

AdwToast *
shenbao_wizard_page_toast (ShenbaoWizardPage *self,
                           const char        *title)
{
  g_return_val_if_fail (SHENBAO_IS_WIZARD_PAGE (self), NULL);

  return shenbao_wizard_page_add_toast (self, adw_toast_new (title));
}

AdwToast *
shenbao_wizard_page_add_toast (ShenbaoWizardPage *self,
                               AdwToast          *toast)
{
  g_return_val_if_fail (SHENBAO_IS_WIZARD_PAGE (self), NULL);

  return shenbao_wizard_page_add_toast_near (GTK_WIDGET (self), toast);
}

AdwToast *
shenbao_wizard_page_add_toast_near (GtkWidget *inside,
                                    AdwToast  *toast)
{
  GtkWidget *overlay;

  g_return_val_if_fail (GTK_IS_WIDGET (inside), NULL);

  overlay = gtk_widget_get_ancestor (inside, ADW_TYPE_TOAST_OVERLAY);
  if (overlay == NULL)
    {
      g_object_unref (toast);
      return NULL;
    }
  adw_toast_set_timeout (toast, 8);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  return toast;
}

AdwToast *
shenbao_wizard_page_toast_near (GtkWidget  *inside,
                                const char *title)
{
  return shenbao_wizard_page_add_toast_near (inside, adw_toast_new (title));
}

static void
open_folder (AdwToast  *shown,
             GtkWidget *inside)
{
  GtkRoot *root = gtk_widget_get_root (inside);
  g_autofree char *uri = g_file_get_uri (g_object_get_data (G_OBJECT (shown), "shenbao-folder"));

  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
}

AdwToast *
shenbao_wizard_page_toast_folder (GtkWidget  *inside,
                                  const char *title,
                                  GFile      *folder)
{
  AdwToast *shown = adw_toast_new (title);

  adw_toast_set_button_label (shown, _("_Open Folder"));
  adw_toast_set_priority (shown, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (shown), "shenbao-folder", g_object_ref (folder), g_object_unref);
  g_signal_connect_object (shown, "button-clicked", G_CALLBACK (open_folder), inside, 0);
  return shenbao_wizard_page_add_toast_near (inside, shown);
}

typedef struct
{
  GtkWidget *inside;
  ShenbaoFolderChosen chosen;
  gpointer data;
} FolderChoice;

static void
folder_chosen (GtkNativeDialog *chooser,
               int              response,
               FolderChoice    *choice)
{
  g_autoptr(GFile) folder = response == GTK_RESPONSE_ACCEPT ? gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser)) : NULL;
  g_autofree char *path = folder != NULL ? g_file_get_path (folder) : NULL;

  if (path != NULL)
    choice->chosen (choice->inside, path, choice->data);
  g_object_unref (choice->inside);
  g_free (choice);
  g_object_unref (chooser);
}

void
shenbao_wizard_page_choose_folder (GtkWidget           *inside,
                                   const char          *title,
                                   ShenbaoFolderChosen  chosen,
                                   gpointer             data)
{
  GtkFileChooserNative *chooser;
  FolderChoice *choice = g_new0 (FolderChoice, 1);

  choice->inside = g_object_ref (inside);
  choice->chosen = chosen;
  choice->data = data;
  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (gtk_widget_get_root (inside)),
                                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Select"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (folder_chosen), choice);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
unbind_fields (ShenbaoWizardPage *self)
{
  ShenbaoWizardPagePrivate *priv = shenbao_wizard_page_get_instance_private (self);

  for (guint i = 0; i < priv->bindings->len; i++)
    g_binding_unbind (g_ptr_array_index (priv->bindings, i));
  g_ptr_array_set_size (priv->bindings, 0);
}

/* Binds every field editor of the page to the field it names. */
static void
shenbao_wizard_page_real_bind (ShenbaoWizardPage  *self,
                               ShenbaoApplication *application)
{
  ShenbaoWizardPagePrivate *priv = shenbao_wizard_page_get_instance_private (self);
  g_autoptr(GPtrArray) editors = shenbao_field_editor_collect (GTK_WIDGET (self));

  unbind_fields (self);
  if (application == NULL)
    return;
  for (guint i = 0; i < editors->len; i++)
    {
      ShenbaoFieldEditor *editor = g_ptr_array_index (editors, i);
      ShenbaoField field;

      if (!shenbao_field_from_name (shenbao_field_editor_get_field (editor), &field))
        continue;
      g_ptr_array_add (priv->bindings,
                       g_object_ref (g_object_bind_property (application, shenbao_field_property (field),
                                                             editor, "value",
                                                             G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE)));
    }
}

void
shenbao_wizard_page_set_touched (ShenbaoWizardPage *self,
                                 GHashTable        *touched)
{
  ShenbaoWizardPagePrivate *priv = shenbao_wizard_page_get_instance_private (self);

  g_return_if_fail (SHENBAO_IS_WIZARD_PAGE (self));

  g_clear_pointer (&priv->touched, g_hash_table_unref);
  priv->touched = touched != NULL ? g_hash_table_ref (touched) : NULL;
}

gboolean
shenbao_wizard_page_finding_shown (ShenbaoWizardPage    *self,
                                   const ShenbaoFinding *finding)
{
  ShenbaoWizardPagePrivate *priv = shenbao_wizard_page_get_instance_private (self);

  g_return_val_if_fail (SHENBAO_IS_WIZARD_PAGE (self), FALSE);

  return g_strcmp0 (finding->code, "required") != 0
         || (finding->field != NULL && priv->touched != NULL && g_hash_table_contains (priv->touched, finding->field));
}

static void
shenbao_wizard_page_real_show_verdict (ShenbaoWizardPage    *self,
                                       const ShenbaoVerdict *verdict)
{
  g_autoptr(GPtrArray) shown = g_ptr_array_new ();

  for (guint i = 0; verdict != NULL && i < verdict->findings->len; i++)
    if (shenbao_wizard_page_finding_shown (self, g_ptr_array_index (verdict->findings, i)))
      g_ptr_array_add (shown, g_ptr_array_index (verdict->findings, i));
  shenbao_field_editor_show_all (GTK_WIDGET (self), shown, NULL);
}

static gboolean
shenbao_wizard_page_real_owns_field (ShenbaoWizardPage *self,
                                     const char        *field)
{
  g_autoptr(GPtrArray) editors = shenbao_field_editor_collect (GTK_WIDGET (self));

  for (guint i = 0; i < editors->len; i++)
    if (g_strcmp0 (shenbao_field_editor_get_field (g_ptr_array_index (editors, i)), field) == 0)
      return TRUE;
  return FALSE;
}

static void
shenbao_wizard_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_APPLICATION:
      g_value_set_object (value, shenbao_wizard_page_get_application (SHENBAO_WIZARD_PAGE (object)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shenbao_wizard_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_APPLICATION:
      shenbao_wizard_page_set_application (SHENBAO_WIZARD_PAGE (object), g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shenbao_wizard_page_dispose (GObject *object)
{
  ShenbaoWizardPage *self = SHENBAO_WIZARD_PAGE (object);
  ShenbaoWizardPagePrivate *priv = shenbao_wizard_page_get_instance_private (self);

  unbind_fields (self);
  g_clear_object (&priv->application);
  if (priv->checker != NULL)
    g_signal_handlers_disconnect_by_data (priv->checker, self);
  g_clear_object (&priv->checker);
  g_clear_pointer (&priv->touched, g_hash_table_unref);
  G_OBJECT_CLASS (shenbao_wizard_page_parent_class)->dispose (object);
}

static void
shenbao_wizard_page_finalize (GObject *object)
{
  ShenbaoWizardPagePrivate *priv = shenbao_wizard_page_get_instance_private (SHENBAO_WIZARD_PAGE (object));

  g_ptr_array_unref (priv->bindings);
  G_OBJECT_CLASS (shenbao_wizard_page_parent_class)->finalize (object);
}

static void
shenbao_wizard_page_class_init (ShenbaoWizardPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = shenbao_wizard_page_get_property;
  object_class->set_property = shenbao_wizard_page_set_property;
  object_class->dispose = shenbao_wizard_page_dispose;
  object_class->finalize = shenbao_wizard_page_finalize;

  klass->bind = shenbao_wizard_page_real_bind;
  klass->show_verdict = shenbao_wizard_page_real_show_verdict;
  klass->owns_field = shenbao_wizard_page_real_owns_field;

  properties[PROP_APPLICATION] =
    g_param_spec_object ("application", NULL, NULL, SHENBAO_TYPE_APPLICATION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
shenbao_wizard_page_init (ShenbaoWizardPage *self)
{
  ShenbaoWizardPagePrivate *priv = shenbao_wizard_page_get_instance_private (self);

  priv->bindings = g_ptr_array_new_with_free_func (g_object_unref);
}
