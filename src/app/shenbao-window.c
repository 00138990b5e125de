/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "shenbao-window.h"

struct _ShenbaoWindow
{
  AdwApplicationWindow parent_instance;

  GSettings *settings;

  GtkStack *main_stack;
  AdwStatusPage *empty_page;
};

G_DEFINE_FINAL_TYPE (ShenbaoWindow, shenbao_window, ADW_TYPE_APPLICATION_WINDOW)

ShenbaoWindow *
shenbao_window_new (ShenbaoApp *app)
{
  return g_object_new (SHENBAO_TYPE_WINDOW, "application", app, NULL);
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

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/shenbao/Shenbao/shenbao-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ShenbaoWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, ShenbaoWindow, empty_page);
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
