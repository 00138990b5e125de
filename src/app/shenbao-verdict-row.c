/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shenbao-verdict-row"

#include "config.h"

#include "shenbao-verdict-row.h"

/* The verdict as a coloured card: green when the chosen condition is met,
 * amber while something is to fix, red when it is not met; the summary, the
 * reason in a sentence, and (unless compact) the months counted. */
struct _ShenbaoVerdictRow
{
  AdwActionRow parent_instance;

  GtkImage *icon;
  gboolean compact;
};

G_DEFINE_FINAL_TYPE (ShenbaoVerdictRow, shenbao_verdict_row, ADW_TYPE_ACTION_ROW)

enum
{
  PROP_0,
  PROP_COMPACT,
};

static const struct
{
  const char *style;
  const char *icon;
} looks[] = {
  [SHENBAO_VERDICT_STATE_PASSES] = { "passes", "emblem-ok-symbolic" },
  [SHENBAO_VERDICT_STATE_TO_FIX] = { "to-fix", "dialog-warning-symbolic" },
  [SHENBAO_VERDICT_STATE_NOT_MET] = { "not-met", "dialog-error-symbolic" },
};

void
shenbao_verdict_row_show (ShenbaoVerdictRow    *self,
                          const ShenbaoVerdict *verdict)
{
  g_autofree char *summary = NULL;
  g_autofree char *reason = NULL;
  g_auto(GStrv) details = NULL;
  g_autoptr(GString) text = NULL;
  g_autofree char *markup = NULL;
  ShenbaoVerdictState state;

  g_return_if_fail (SHENBAO_IS_VERDICT_ROW (self));

  if (verdict == NULL)
    return;
  state = shenbao_verdict_get_state (verdict);
  summary = shenbao_verdict_get_summary (verdict);
  reason = shenbao_verdict_get_reason (verdict);
  text = g_string_new (reason);
  details = self->compact ? NULL : shenbao_verdict_get_details (verdict);
  for (guint i = 0; details != NULL && details[i] != NULL; i++)
    g_string_append_printf (text, "\n%s", details[i]);
  markup = g_markup_escape_text (text->str, -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), summary);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), markup);
  gtk_image_set_from_icon_name (self->icon, looks[state].icon);
  for (guint i = 0; i < G_N_ELEMENTS (looks); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self), looks[i].style);
  gtk_widget_add_css_class (GTK_WIDGET (self), looks[state].style);
}

const char *
shenbao_verdict_row_get_state_style (ShenbaoVerdictRow *self)
{
  g_return_val_if_fail (SHENBAO_IS_VERDICT_ROW (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (looks); i++)
    if (gtk_widget_has_css_class (GTK_WIDGET (self), looks[i].style))
      return looks[i].style;
  return NULL;
}

static void
shenbao_verdict_row_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_COMPACT:
      g_value_set_boolean (value, SHENBAO_VERDICT_ROW (object)->compact);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shenbao_verdict_row_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  ShenbaoVerdictRow *self = SHENBAO_VERDICT_ROW (object);

  switch (prop_id)
    {
    case PROP_COMPACT:
      self->compact = g_value_get_boolean (value);
      /* A bar that stays in view must stay small. */
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (self), self->compact ? 2 : 0);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shenbao_verdict_row_class_init (ShenbaoVerdictRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = shenbao_verdict_row_get_property;
  object_class->set_property = shenbao_verdict_row_set_property;

  /* Only the summary and the reason, for the bar above the work history. */
  g_object_class_install_property (object_class, PROP_COMPACT,
    g_param_spec_boolean ("compact", NULL, NULL, FALSE, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/shenbao/Shenbao/shenbao-verdict-row.ui");
  gtk_widget_class_bind_template_child (widget_class, ShenbaoVerdictRow, icon);
}

static void
shenbao_verdict_row_init (ShenbaoVerdictRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
