/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SHENBAO_TYPE_STATUS_ITEM (shenbao_status_item_get_type ())

G_DECLARE_FINAL_TYPE (ShenbaoStatusItem, shenbao_status_item, SHENBAO, STATUS_ITEM, GObject)

/* One line of a list that says where something stands (a material, an event
 * of the review): what it is, its state in words, and an icon with its
 * style class (may be NULL). The lists of the last step are list models of
 * these, shown with shenbao_status_item_create_row(). */
ShenbaoStatusItem *shenbao_status_item_new        (const char *title,
                                                   const char *subtitle,
                                                   const char *icon_name,
                                                   const char *style);
/* A GtkListBoxCreateWidgetFunc: the item as a row. */
GtkWidget         *shenbao_status_item_create_row (gpointer    item,
                                                   gpointer    user_data);

G_END_DECLS
