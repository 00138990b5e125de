/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "shenbao-verdict-row.h"

struct _ShenbaoVerdictRow
{
  AdwActionRow parent_instance;

  GtkImage *icon;
};

G_DEFINE_FINAL_TYPE (ShenbaoVerdictRow, shenbao_verdict_row, ADW_TYPE_ACTION_ROW)

void
shenbao_verdict_row_show (ShenbaoVerdictRow    *self,
                          const ShenbaoVerdict *verdict)
{
  g_autofree char *summary = NULL;
  g_auto(GStrv) details = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *markup = NULL;

  g_return_if_fail (SHENBAO_IS_VERDICT_ROW (self));

  if (verdict == NULL)
    return;
  summary = shenbao_verdict_get_summary (verdict);
  details = shenbao_verdict_get_details (verdict);
  joined = g_strjoinv ("\n", details);
  markup = g_markup_escape_text (joined, -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), summary);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), markup);
  gtk_image_set_from_icon_name (self->icon,
                                shenbao_verdict_passes (verdict) ? "emblem-ok-symbolic"
                                : verdict->condition != 0 && verdict->met[verdict->condition] ? "dialog-warning-symbolic"
                                : "dialog-error-symbolic");
}

static void
shenbao_verdict_row_class_init (ShenbaoVerdictRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/shenbao/Shenbao/shenbao-verdict-row.ui");
  gtk_widget_class_bind_template_child (widget_class, ShenbaoVerdictRow, icon);
}

static void
shenbao_verdict_row_init (ShenbaoVerdictRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
