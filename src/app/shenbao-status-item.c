/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shenbao-status-item"

#include "config.h"

#include "shenbao-status-item.h"

struct _ShenbaoStatusItem
{
  GObject parent_instance;

  char *title;
  char *subtitle;
  char *icon_name;
  char *style;
};

G_DEFINE_FINAL_TYPE (ShenbaoStatusItem, shenbao_status_item, G_TYPE_OBJECT)

ShenbaoStatusItem *
shenbao_status_item_new (const char *title,
                         const char *subtitle,
                         const char *icon_name,
                         const char *style)
{
  ShenbaoStatusItem *self = g_object_new (SHENBAO_TYPE_STATUS_ITEM, NULL);

  self->title = g_strdup (title);
  self->subtitle = g_strdup (subtitle);
  self->icon_name = g_strdup (icon_name);
  self->style = g_strdup (style);
  return self;
}

GtkWidget *
shenbao_status_item_create_row (gpointer item,
                                gpointer user_data)
{
  ShenbaoStatusItem *self = SHENBAO_STATUS_ITEM (item);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (self->icon_name);
  g_autofree char *markup = g_markup_escape_text (self->subtitle, -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), self->title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), markup);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  if (self->style != NULL)
    gtk_widget_add_css_class (icon, self->style);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  return row;
}

static void
shenbao_status_item_finalize (GObject *object)
{
  ShenbaoStatusItem *self = SHENBAO_STATUS_ITEM (object);

  g_free (self->title);
  g_free (self->subtitle);
  g_free (self->icon_name);
  g_free (self->style);
  G_OBJECT_CLASS (shenbao_status_item_parent_class)->finalize (object);
}

static void
shenbao_status_item_class_init (ShenbaoStatusItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = shenbao_status_item_finalize;
}

static void
shenbao_status_item_init (ShenbaoStatusItem *self)
{
}
