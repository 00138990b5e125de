/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shenbao-window"

#include "config.h"

#include <glib/gi18n.h>

#include "shenbao-field-editor.h"
#include "shenbao-window.h"
#include "shenbao-wizard.h"

struct _ShenbaoWindow
{
  AdwApplicationWindow parent_instance;

  GSettings *settings;

  AdwToastOverlay *toast_overlay;
  GtkRevealer *save_banner;
  GtkLabel *save_banner_label;
  GtkStack *main_stack;
  AdwStatusPage *empty_page;
  GtkListBox *application_list;
  AdwWindowTitle *window_title;
  GtkWidget *back_button;
  GtkWidget *new_button;
  ShenbaoWizard *wizard;       /* NULL until an application is first opened */

  ShenbaoStore *store;         /* NULL when the database could not be opened */
  GListModel *applications;    /* ShenbaoApplicationSummary */
  GPtrArray *store_monitors;   /* GFileMonitor of the database and its log */
  gint64 untouched_draft;      /* id of a new application nothing was typed into */
};

G_DEFINE_FINAL_TYPE (ShenbaoWindow, shenbao_window, ADW_TYPE_APPLICATION_WINDOW)

static void load_store (ShenbaoWindow *self);

ShenbaoWindow *
shenbao_window_new (ShenbaoApp *app)
{
  ShenbaoWindow *self = g_object_new (SHENBAO_TYPE_WINDOW, "application", app, NULL);

  load_store (self);
  return self;
}

/* Made when first needed: the first window shows the list, and building the
 * five steps (and loading the catalogue they need) would delay it. */
static ShenbaoWizard *
ensure_wizard (ShenbaoWindow *self)
{
  if (self->wizard != NULL)
    return self->wizard;
  self->wizard = g_object_new (SHENBAO_TYPE_WIZARD, NULL);
  gtk_stack_add_named (self->main_stack, GTK_WIDGET (self->wizard), "wizard");
  if (self->store != NULL)
    shenbao_wizard_set_store (self->wizard, self->store);
  return self->wizard;
}

ShenbaoWizard *
shenbao_window_get_wizard (ShenbaoWindow *self)
{
  g_return_val_if_fail (SHENBAO_IS_WINDOW (self), NULL);

  return ensure_wizard (self);
}

static ShenbaoApplication *
current_application (ShenbaoWindow *self)
{
  return self->wizard != NULL ? shenbao_wizard_get_application (self->wizard) : NULL;
}

static void
update_title (ShenbaoWindow *self)
{
  ShenbaoApplication *application = current_application (self);
  gboolean in_wizard = g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "wizard") == 0;
  const char *name = application != NULL ? shenbao_application_get (application, SHENBAO_FIELD_PERSON_NAME) : "";
  const char *occupation = application != NULL ? shenbao_application_get (application, SHENBAO_FIELD_OCCUPATION) : "";
  g_autofree char *subtitle = NULL;

  if (in_wizard)
    subtitle = *occupation != '\0' ? g_strdup_printf ("%s · %s", *name != '\0' ? name : _("Unnamed"), occupation)
                                    : g_strdup (*name != '\0' ? name : _("Unnamed"));
  adw_window_title_set_title (self->window_title, in_wizard ? _("Application") : _("Applications"));
  adw_window_title_set_subtitle (self->window_title, subtitle != NULL ? subtitle : "");
  gtk_widget_set_visible (self->back_button, in_wizard);
  gtk_widget_set_visible (self->new_button, !in_wizard);
}

static void
show_error (ShenbaoWindow *self,
            GError        *error)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
}

/* —— autosave failures —— */

/* The title of the field named what, as its row shows it, or NULL. */
static char *
field_title (ShenbaoWindow *self,
             const char    *what)
{
  g_autoptr(GPtrArray) editors = self->wizard != NULL ? shenbao_field_editor_collect (GTK_WIDGET (self->wizard)) : NULL;

  for (guint i = 0; editors != NULL && i < editors->len; i++)
    {
      GtkWidget *editor = g_ptr_array_index (editors, i);
      g_autofree char *title = NULL;

      if (!ADW_IS_PREFERENCES_ROW (editor)
          || g_strcmp0 (shenbao_field_editor_get_field (SHENBAO_FIELD_EDITOR (editor)), what) != 0)
        continue;
      title = g_strdup (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (editor)));
      if (adw_preferences_row_get_use_underline (ADW_PREFERENCES_ROW (editor)))
        {
          char *from = title, *to = title;

          for (; *from != '\0'; from++)
            if (*from != '_')
              *to++ = *from;
          *to = '\0';
        }
      return g_steal_pointer (&title);
    }
  return NULL;
}

/* Says what was not saved and why, and keeps saying it until a write
 * succeeds: what was typed stays in its field meanwhile. */
static void
show_unsaved (ShenbaoWindow *self,
              const char    *what,
              const GError  *error)
{
  g_autofree char *title = what != NULL ? field_title (self, what) : NULL;
  g_autofree char *failed = NULL;
  g_autofree char *message = NULL;

  if (title != NULL)
    failed = g_strdup_printf (_("“%s” could not be saved: %s"), title, error->message);
  else if (g_strcmp0 (what, "work") == 0)
    failed = g_strdup_printf (_("The work history could not be saved: %s"), error->message);
  else if (g_strcmp0 (what, "attachments") == 0)
    failed = g_strdup_printf (_("The uploaded files could not be saved: %s"), error->message);
  else
    failed = g_strdup_printf (_("Your changes could not be saved: %s"), error->message);
  message = g_strdup_printf ("%s %s", failed,
                             _("What you typed stays in the window and is saved with your next change, or now with Retry."));
  gtk_label_set_text (self->save_banner_label, message);
  gtk_revealer_set_reveal_child (self->save_banner, TRUE);
}

static void
hide_unsaved (ShenbaoWindow *self)
{
  gtk_revealer_set_reveal_child (self->save_banner, FALSE);
  gtk_label_set_text (self->save_banner_label, "");
}

static void
autosave_failed (ShenbaoStore       *store,
                 ShenbaoApplication *application,
                 GError             *error,
                 const char         *what,
                 ShenbaoWindow      *self)
{
  if (application == current_application (self))
    show_unsaved (self, what, error);
}

static void
autosave_recovered (ShenbaoStore       *store,
                    ShenbaoApplication *application,
                    ShenbaoWindow      *self)
{
  if (application == current_application (self))
    hide_unsaved (self);
}

static void
retry_save_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ShenbaoWindow *self = SHENBAO_WINDOW (widget);
  ShenbaoApplication *application = current_application (self);
  g_autoptr(GError) error = NULL;

  if (self->store == NULL || application == NULL)
    return;
  if (shenbao_store_save (self->store, application, &error))
    hide_unsaved (self);
  else
    show_unsaved (self, NULL, error);
}

/* A new application left as it was made is not kept: clicking New and then
 * going back must not pile up empty drafts. */
static void
discard_untouched_draft (ShenbaoWindow *self)
{
  ShenbaoApplication *application = current_application (self);
  g_autoptr(GError) error = NULL;
  gint64 id = self->untouched_draft;

  self->untouched_draft = 0;
  if (id == 0 || self->store == NULL)
    return;
  if (application != NULL && shenbao_application_get_id (application) == id)
    shenbao_store_unwatch (self->store, application);
  if (!shenbao_store_delete (self->store, id, &error))
    show_error (self, error);
}

static void
draft_touched (ShenbaoWindow *self)
{
  ShenbaoApplication *application = current_application (self);

  self->untouched_draft = 0;
  if (application != NULL)
    g_signal_handlers_disconnect_by_func (application, draft_touched, self);
}

/* The list when there is something to list, else the invitation to start. */
static void
show_list (ShenbaoWindow *self)
{
  gboolean in_wizard = g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "wizard") == 0;

  if (in_wizard)
    discard_untouched_draft (self);

  gboolean empty = self->applications == NULL || g_list_model_get_n_items (self->applications) == 0;

  gtk_stack_set_visible_child_name (self->main_stack, empty ? "empty" : "list");
  g_settings_set_int64 (self->settings, "last-application", 0);
  update_title (self);
}

static void
applications_changed (ShenbaoWindow *self)
{
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "wizard") != 0)
    show_list (self);
}

void
shenbao_window_open_application (ShenbaoWindow      *self,
                                 ShenbaoApplication *application)
{
  ShenbaoApplication *previous = current_application (self);
  g_autoptr(GError) error = NULL;

  g_return_if_fail (SHENBAO_IS_WINDOW (self));

  discard_untouched_draft (self);
  if (previous != NULL)
    {
      g_signal_handlers_disconnect_by_data (previous, self);
      if (self->store != NULL)
        shenbao_store_unwatch (self->store, previous);
    }
  hide_unsaved (self);
  /* From here on every change is written as it is made: there is no save
   * button to forget. */
  if (self->store != NULL && !shenbao_store_watch (self->store, application, &error))
    show_error (self, error);

  shenbao_wizard_set_application (ensure_wizard (self), application);
  shenbao_wizard_set_page (self->wizard, "basic");
  g_signal_connect_swapped (application, "notify::person-name", G_CALLBACK (update_title), self);
  g_signal_connect_swapped (application, "notify::occupation", G_CALLBACK (update_title), self);
  gtk_stack_set_visible_child_name (self->main_stack, "wizard");
  g_settings_set_int64 (self->settings, "last-application", shenbao_application_get_id (application));
  update_title (self);
}

static gboolean
open_stored (ShenbaoWindow *self,
             gint64         id,
             GError       **error)
{
  g_autoptr(ShenbaoApplication) application = NULL;

  if (self->store == NULL)
    return FALSE;
  application = shenbao_store_load (self->store, id, error);
  if (application == NULL)
    return FALSE;
  shenbao_window_open_application (self, application);
  return TRUE;
}

static void
application_activated (ShenbaoWindow *self,
                       GtkListBoxRow *row)
{
  ShenbaoApplicationSummary *summary = g_list_model_get_item (self->applications,
                                                              gtk_list_box_row_get_index (row));
  g_autoptr(GError) error = NULL;

  if (!open_stored (self, shenbao_application_summary_get_id (summary), &error) && error != NULL)
    show_error (self, error);
  g_object_unref (summary);
}

static void
new_application_activated (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  ShenbaoWindow *self = SHENBAO_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(ShenbaoApplication) application = NULL;
  ShenbaoCatalogue *catalogue = shenbao_catalogue_get_default (&error);
  GDate today;

  if (catalogue == NULL)
    {
      show_error (self, error);
      return;
    }
  shenbao_date_set_today (&today);
  application = shenbao_catalogue_new_application (catalogue, &today);
  shenbao_window_open_application (self, application);
  self->untouched_draft = shenbao_application_get_id (application);
  g_signal_connect_swapped (application, "notify", G_CALLBACK (draft_touched), self);
  g_signal_connect_swapped (application, "work-entry-changed", G_CALLBACK (draft_touched), self);
  g_signal_connect_swapped (application, "attachment-changed", G_CALLBACK (draft_touched), self);
  shenbao_wizard_focus_first_field (self->wizard);
}

static void
show_list_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  show_list (SHENBAO_WINDOW (widget));
}

static void
duplicate_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ShenbaoWindow *self = SHENBAO_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (self->store != NULL && shenbao_store_duplicate (self->store, g_variant_get_int64 (parameter), &error) == 0)
    show_error (self, error);
}

static void
delete_now (ShenbaoWindow *self,
            gint64         id)
{
  g_autoptr(GError) error = NULL;

  if (!shenbao_store_delete (self->store, id, &error))
    show_error (self, error);
}

static void
delete_response (AdwMessageDialog *dialog,
                 const char       *response,
                 ShenbaoWindow    *self)
{
  if (g_str_equal (response, "delete"))
    delete_now (self, GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "shenbao-id")));
}

/* Deleting asks first: nothing is lost by a slip of the mouse. */
static void
delete_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ShenbaoWindow *self = SHENBAO_WINDOW (widget);
  gint64 id = g_variant_get_int64 (parameter);
  g_autoptr(ShenbaoApplication) application = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *heading = NULL;
  const char *name;
  const char *occupation;
  GtkWidget *dialog;

  if (self->store == NULL)
    return;
  application = shenbao_store_load (self->store, id, &error);
  if (application == NULL)
    {
      show_error (self, error);
      return;
    }
  name = shenbao_application_get (application, SHENBAO_FIELD_PERSON_NAME);
  occupation = shenbao_application_get (application, SHENBAO_FIELD_OCCUPATION);
  /* Translators: the candidate's name and the occupation applied for */
  heading = *occupation != '\0'
    ? g_strdup_printf (_("Delete the application of %s for %s?"), *name != '\0' ? name : _("Unnamed"), occupation)
    : g_strdup_printf (_("Delete the application of %s?"), *name != '\0' ? name : _("Unnamed"));
  /* Asked once, and then gone: no undo besides. */
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                   _("Its fields and attached files are removed from this computer. This cannot be undone."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "shenbao-id", GSIZE_TO_POINTER ((gsize) id));
  g_signal_connect (dialog, "response", G_CALLBACK (delete_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* —— application files —— */

/* A toast whose button opens the folder the file was written to. */
static void
open_folder (AdwToast *toast,
             GFile    *folder)
{
  GtkWidget *window = g_object_get_data (G_OBJECT (toast), "shenbao-window");
  g_autofree char *uri = g_file_get_uri (folder);

  gtk_show_uri (GTK_WINDOW (window), uri, GDK_CURRENT_TIME);
}

static void
toast_with_folder (ShenbaoWindow *self,
                   const char    *title,
                   GFile         *file)
{
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_button_label (toast, _("_Open Folder"));
  g_object_set_data (G_OBJECT (toast), "shenbao-window", self);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (open_folder), g_file_get_parent (file),
                         (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

gint64
shenbao_window_import_file (ShenbaoWindow *self,
                            GFile         *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *title = NULL;
  g_autoptr(ShenbaoApplication) application = NULL;
  const char *name;
  gint64 id;

  g_return_val_if_fail (SHENBAO_IS_WINDOW (self), 0);

  if (self->store == NULL)
    return 0;
  if (path == NULL)
    {
      g_set_error (&error, SHENBAO_ERROR, SHENBAO_ERROR_IO, _("Only a file on this computer can be imported"));
      show_error (self, error);
      return 0;
    }
  id = shenbao_store_import (self->store, path, &error);
  if (id == 0 || (application = shenbao_store_load (self->store, id, &error)) == NULL)
    {
      show_error (self, error);
      return 0;
    }
  name = shenbao_application_get (application, SHENBAO_FIELD_PERSON_NAME);
  title = g_strdup_printf (_("“%s” imported"), *name != '\0' ? name : _("Unnamed"));
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
  return id;
}

gboolean
shenbao_window_export_file (ShenbaoWindow *self,
                            GFile         *file)
{
  ShenbaoApplication *application = current_application (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (file);

  g_return_val_if_fail (SHENBAO_IS_WINDOW (self), FALSE);

  if (application == NULL || path == NULL)
    return FALSE;
  /* Autosave has written every change: the store holds what is shown. */
  if (!shenbao_application_file_save (application, path, &error))
    {
      show_error (self, error);
      return FALSE;
    }
  toast_with_folder (self, _("Application file written"), file);
  return TRUE;
}

static void
import_response (GtkNativeDialog *chooser,
                 int              response,
                 ShenbaoWindow   *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      shenbao_window_import_file (self, file);
    }
  g_object_unref (chooser);
}

static GtkFileFilter *
application_file_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Application files"));
  gtk_file_filter_add_pattern (filter, "*.xml");
  return filter;
}

static void
import_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  GtkFileChooserNative *chooser =
    gtk_file_chooser_native_new (_("Import Application File"), GTK_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_OPEN,
                                 _("_Import"), _("_Cancel"));
  g_autoptr(GtkFileFilter) filter = application_file_filter ();

  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect (chooser, "response", G_CALLBACK (import_response), widget);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
export_response (GtkNativeDialog *chooser,
                 int              response,
                 ShenbaoWindow   *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      shenbao_window_export_file (self, file);
    }
  g_object_unref (chooser);
}

static void
export_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ShenbaoWindow *self = SHENBAO_WINDOW (widget);
  ShenbaoApplication *application = current_application (self);
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;

  if (application == NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Export Application File"), GTK_WINDOW (widget),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  name = g_strdup_printf ("%s.xml", *shenbao_application_get (application, SHENBAO_FIELD_PERSON_NAME) != '\0'
                                      ? shenbao_application_get (application, SHENBAO_FIELD_PERSON_NAME)
                                      : _("Unnamed"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (export_response), widget);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static gboolean
files_dropped (GtkDropTarget *target,
               const GValue  *value,
               double         x,
               double         y,
               ShenbaoWindow *self)
{
  GSList *files = g_value_get_boxed (value);
  gboolean imported = FALSE;

  for (GSList *l = files; l != NULL; l = l->next)
    imported |= shenbao_window_import_file (self, l->data) != 0;
  return imported;
}

/* Another process wrote the database (shenbao-cli import while the window
 * is open): the list follows. */
static void
store_file_changed (ShenbaoWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (self->store != NULL && !shenbao_store_refresh (self->store, &error))
    show_error (self, error);
}

static void
monitor_store (ShenbaoWindow *self)
{
  const char *path = shenbao_store_get_path (self->store);
  /* In WAL mode a commit writes the log, not the database file. */
  g_autofree char *log = g_strconcat (path, "-wal", NULL);
  const char *paths[] = { path, log };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (paths[i]);
      GFileMonitor *monitor = g_file_monitor_file (file, G_FILE_MONITOR_NONE, NULL, NULL);

      if (monitor == NULL)
        continue;
      g_signal_connect_swapped (monitor, "changed", G_CALLBACK (store_file_changed), self);
      g_ptr_array_add (self->store_monitors, monitor);
    }
}

static void
in_wizard_changed (ShenbaoWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-application",
                                 g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "wizard") == 0);
}

static void
update_row (AdwActionRow              *row,
            GParamSpec                *pspec,
            ShenbaoApplicationSummary *summary)
{
  const char *name = shenbao_application_summary_get_name (summary);
  const char *occupation = shenbao_application_summary_get_occupation (summary);
  const char *condition = shenbao_application_summary_get_condition (summary);
  g_autofree char *updated = g_date_time_format (shenbao_application_summary_get_updated (summary), "%Y-%m-%d %H:%M");
  g_autofree char *subtitle = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), *name != '\0' ? name : _("Unnamed"));
  /* Translators: occupation · condition · review state · last change */
  subtitle = g_strdup_printf (_("%s · condition %s · %s · %s"),
                              *occupation != '\0' ? occupation : _("no occupation yet"),
                              *condition != '\0' ? condition : "–",
                              shenbao_review_state_to_string (shenbao_application_summary_get_review_state (summary)),
                              updated);
  adw_action_row_set_subtitle (row, subtitle);
}

static GtkWidget *
row_button (const char *icon_name,
            const char *tooltip,
            const char *action_name,
            gint64      id)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_int64 (id));
  return button;
}

static GtkWidget *
create_application_row (gpointer item,
                        gpointer user_data)
{
  ShenbaoApplicationSummary *summary = item;
  gint64 id = shenbao_application_summary_get_id (summary);
  GtkWidget *row = adw_action_row_new ();

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), row_button ("edit-copy-symbolic", _("Duplicate"),
                                                               "win.duplicate-application", id));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), row_button ("user-trash-symbolic", _("Delete"),
                                                               "win.delete-application", id));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  g_signal_connect_object (summary, "notify", G_CALLBACK (update_row), row, G_CONNECT_SWAPPED);
  update_row (ADW_ACTION_ROW (row), NULL, summary);
  return row;
}

/* Opens the store and reopens the application the window showed last, so
 * that the candidate is back where they were. */
static void
load_store (ShenbaoWindow *self)
{
  ShenbaoApp *app = SHENBAO_APP (gtk_window_get_application (GTK_WINDOW (self)));
  g_autoptr(GError) error = NULL;
  g_autofree char *page = NULL;
  gint64 last;

  self->store = app != NULL ? shenbao_app_get_store (app, &error) : NULL;
  if (self->store != NULL)
    self->applications = shenbao_store_list (self->store, &error);
  if (self->applications == NULL)
    {
      if (error != NULL)
        adw_status_page_set_description (self->empty_page, error->message);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-application", FALSE);
      return;
    }
  g_object_ref (self->store);
  g_signal_connect_object (self->store, "autosave-failed", G_CALLBACK (autosave_failed), self, 0);
  g_signal_connect_object (self->store, "autosave-recovered", G_CALLBACK (autosave_recovered), self, 0);
  gtk_list_box_bind_model (self->application_list, self->applications, create_application_row, self, NULL);
  g_signal_connect_swapped (self->applications, "items-changed", G_CALLBACK (applications_changed), self);
  monitor_store (self);
  show_list (self);

  last = g_settings_get_int64 (self->settings, "last-application");
  /* Read before opening: opening shows the first step and records it. */
  page = g_settings_get_string (self->settings, "last-page");
  if (last != 0 && open_stored (self, last, NULL))
    shenbao_wizard_set_page (self->wizard, page);
  else
    g_settings_set_int64 (self->settings, "last-application", 0);
}

static void
shenbao_window_dispose (GObject *object)
{
  ShenbaoWindow *self = SHENBAO_WINDOW (object);

  discard_untouched_draft (self);
  if (self->applications != NULL)
    g_signal_handlers_disconnect_by_data (self->applications, self);
  for (guint i = 0; self->store_monitors != NULL && i < self->store_monitors->len; i++)
    {
      g_file_monitor_cancel (g_ptr_array_index (self->store_monitors, i));
      g_signal_handlers_disconnect_by_data (g_ptr_array_index (self->store_monitors, i), self);
    }
  g_clear_pointer (&self->store_monitors, g_ptr_array_unref);
  g_clear_object (&self->applications);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), SHENBAO_TYPE_WINDOW);
  G_OBJECT_CLASS (shenbao_window_parent_class)->dispose (object);
}

static void
shenbao_window_class_init (ShenbaoWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = shenbao_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/shenbao/Shenbao/shenbao-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ShenbaoWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, ShenbaoWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ShenbaoWindow, save_banner);
  gtk_widget_class_bind_template_child (widget_class, ShenbaoWindow, save_banner_label);
  gtk_widget_class_bind_template_child (widget_class, ShenbaoWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, ShenbaoWindow, application_list);
  gtk_widget_class_bind_template_callback (widget_class, application_activated);
  gtk_widget_class_bind_template_child (widget_class, ShenbaoWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, ShenbaoWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, ShenbaoWindow, new_button);

  gtk_widget_class_install_action (widget_class, "win.new-application", NULL, new_application_activated);
  gtk_widget_class_install_action (widget_class, "win.show-list", NULL, show_list_activated);
  gtk_widget_class_install_action (widget_class, "win.duplicate-application", "x", duplicate_activated);
  gtk_widget_class_install_action (widget_class, "win.delete-application", "x", delete_activated);
  gtk_widget_class_install_action (widget_class, "win.import-application", NULL, import_activated);
  gtk_widget_class_install_action (widget_class, "win.export-application", NULL, export_activated);
  gtk_widget_class_install_action (widget_class, "win.retry-save", NULL, retry_save_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-application", NULL);
  /* Back to the list, as the header bar's back button does. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.show-list", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.show-list", NULL);
}

static void
shenbao_window_init (ShenbaoWindow *self)
{
  static const char * const list_pages[] = { "list", "empty" };

  gtk_widget_init_template (GTK_WIDGET (self));
  self->store_monitors = g_ptr_array_new_with_free_func (g_object_unref);
  /* An application file dropped on the list (or on the empty page that
   * stands for it) is imported. */
  for (guint i = 0; i < G_N_ELEMENTS (list_pages); i++)
    {
      GtkDropTarget *drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

      g_signal_connect (drop, "drop", G_CALLBACK (files_dropped), self);
      gtk_widget_add_controller (gtk_stack_get_child_by_name (self->main_stack, list_pages[i]),
                                 GTK_EVENT_CONTROLLER (drop));
    }
  g_signal_connect_swapped (self->main_stack, "notify::visible-child-name", G_CALLBACK (in_wizard_changed), self);
  in_wizard_changed (self);

  /* The size is remembered across runs (a GSettings key each), the way GNOME
   * applications restore their window. */
  self->settings = g_settings_new (APPLICATION_ID);
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
}
