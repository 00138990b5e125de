/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "shenbao-window.h"
#include "shenbao-wizard.h"

struct _ShenbaoWindow
{
  AdwApplicationWindow parent_instance;

  GSettings *settings;

  GtkStack *main_stack;
  AdwStatusPage *empty_page;
  AdwWindowTitle *window_title;
  GtkWidget *back_button;
  GtkWidget *new_button;
  ShenbaoWizard *wizard;
};

G_DEFINE_FINAL_TYPE (ShenbaoWindow, shenbao_window, ADW_TYPE_APPLICATION_WINDOW)

ShenbaoWindow *
shenbao_window_new (ShenbaoApp *app)
{
  return g_object_new (SHENBAO_TYPE_WINDOW, "application", app, NULL);
}

ShenbaoWizard *
shenbao_window_get_wizard (ShenbaoWindow *self)
{
  g_return_val_if_fail (SHENBAO_IS_WINDOW (self), NULL);

  return self->wizard;
}

static void
update_title (ShenbaoWindow *self)
{
  ShenbaoApplication *application = shenbao_wizard_get_application (self->wizard);
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

void
shenbao_window_open_application (ShenbaoWindow      *self,
                                 ShenbaoApplication *application)
{
  ShenbaoApplication *previous = shenbao_wizard_get_application (self->wizard);

  g_return_if_fail (SHENBAO_IS_WINDOW (self));

  if (previous != NULL)
    g_signal_handlers_disconnect_by_data (previous, self);
  shenbao_wizard_set_application (self->wizard, application);
  shenbao_wizard_set_page (self->wizard, "basic");
  g_signal_connect_swapped (application, "notify::person-name", G_CALLBACK (update_title), self);
  g_signal_connect_swapped (application, "notify::occupation", G_CALLBACK (update_title), self);
  gtk_stack_set_visible_child_name (self->main_stack, "wizard");
  update_title (self);
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
      adw_status_page_set_description (self->empty_page, error->message);
      return;
    }
  shenbao_date_set_today (&today);
  application = shenbao_catalogue_new_application (catalogue, &today);
  shenbao_window_open_application (self, application);
}

static void
show_list_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ShenbaoWindow *self = SHENBAO_WINDOW (widget);

  gtk_stack_set_visible_child_name (self->main_stack, "empty");
  update_title (self);
}

static void
shenbao_window_dispose (GObject *object)
{
  ShenbaoWindow *self = SHENBAO_WINDOW (object);

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

  g_type_ensure (SHENBAO_TYPE_WIZARD);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/shenbao/Shenbao/shenbao-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ShenbaoWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, ShenbaoWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, ShenbaoWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, ShenbaoWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, ShenbaoWindow, new_button);
  gtk_widget_class_bind_template_child (widget_class, ShenbaoWindow, wizard);

  gtk_widget_class_install_action (widget_class, "win.new-application", NULL, new_application_activated);
  gtk_widget_class_install_action (widget_class, "win.show-list", NULL, show_list_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-application", NULL);
}

static void
shenbao_window_init (ShenbaoWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The size is remembered across runs (a GSettings key each), the way GNOME
   * applications restore their window. */
  self->settings = g_settings_new (APPLICATION_ID);
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
}
