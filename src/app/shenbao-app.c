/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shenbao-app"

#include "config.h"

#include <glib/gi18n.h>

#include "shenbao-app.h"
#include "shenbao-window.h"

struct _ShenbaoApp
{
  AdwApplication parent_instance;

  ShenbaoStore *store;
};

G_DEFINE_FINAL_TYPE (ShenbaoApp, shenbao_app, ADW_TYPE_APPLICATION)

ShenbaoApp *
shenbao_app_new (void)
{
  return g_object_new (SHENBAO_TYPE_APP,
                       "application-id", GAPPLICATION_ID,
                       "resource-base-path", "/io/github/shenbao/Shenbao",
                       NULL);
}

/* The store is opened on first use and kept for the life of the process;
 * a failure is returned each time, so the window can say why. */
ShenbaoStore *
shenbao_app_get_store (ShenbaoApp  *self,
                       GError     **error)
{
  g_return_val_if_fail (SHENBAO_IS_APP (self), NULL);

  if (self->store == NULL)
    self->store = shenbao_store_new (NULL, error);
  return self->store;
}

static void
shenbao_app_dispose (GObject *object)
{
  g_clear_object (&SHENBAO_APP (object)->store);
  G_OBJECT_CLASS (shenbao_app_parent_class)->dispose (object);
}

static void
shenbao_app_activate (GApplication *application)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (application));

  if (window == NULL)
    window = GTK_WINDOW (shenbao_window_new (SHENBAO_APP (application)));
  gtk_window_present (window);
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GtkApplication *application = GTK_APPLICATION (user_data);
  static const char *developers[] = { "Shenbao developers", NULL };

  adw_show_about_window (gtk_application_get_active_window (application),
                         "application-name", _("Shenbao"),
                         "application-icon", APPLICATION_ID,
                         "version", PACKAGE_VERSION,
                         "developer-name", _("Shenbao developers"),
                         "developers", developers,
                         "comments", _("Prepare an application for the Beijing vocational skill "
                                       "certificate: check it, print the forms and export the uploads"),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         NULL);
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static const GActionEntry app_actions[] = {
  { .name = "about", .activate = about_activated },
  { .name = "quit", .activate = quit_activated },
};

static void
shenbao_app_startup (GApplication *application)
{
  static const char *quit_accels[] = { "<Control>q", NULL };

  G_APPLICATION_CLASS (shenbao_app_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (application), app_actions,
                                   G_N_ELEMENTS (app_actions), application);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.quit", quit_accels);
}

static void
shenbao_app_class_init (ShenbaoAppClass *klass)
{
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = shenbao_app_dispose;

  application_class->activate = shenbao_app_activate;
  application_class->startup = shenbao_app_startup;
}

static void
shenbao_app_init (ShenbaoApp *self)
{
}
