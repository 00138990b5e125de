/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shenbao-entry-row"

#include "config.h"

#include <string.h>

#include "shenbao-entry-row.h"
#include "shenbao-field-editor.h"

/* A labelled text field whose subtitle carries the rules' message for it, so
 * that the message stands under the field it is about (AdwEntryRow has no
 * place for one). */
struct _ShenbaoEntryRow
{
  AdwActionRow parent_instance;

  GtkEntry *entry;
  char *field;
  char *hint;
  gboolean upper_case;
};

static void shenbao_entry_row_field_editor_init (ShenbaoFieldEditorInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ShenbaoEntryRow, shenbao_entry_row, ADW_TYPE_ACTION_ROW,
                               G_IMPLEMENT_INTERFACE (SHENBAO_TYPE_FIELD_EDITOR,
                                                      shenbao_entry_row_field_editor_init))

enum
{
  PROP_0,
  PROP_PLACEHOLDER,
  PROP_HINT,
  PROP_FIELD,
  PROP_VALUE,
  PROP_UPPER_CASE,
};

GtkEntry *
shenbao_entry_row_get_entry (ShenbaoEntryRow *self)
{
  g_return_val_if_fail (SHENBAO_IS_ENTRY_ROW (self), NULL);

  return self->entry;
}

static void
shenbao_entry_row_show_finding (ShenbaoFieldEditor   *editor,
                                const ShenbaoFinding *finding)
{
  ShenbaoEntryRow *self = SHENBAO_ENTRY_ROW (editor);

  shenbao_field_editor_style_row (ADW_ACTION_ROW (self), GTK_ACCESSIBLE (self->entry), finding, self->hint);
}

static void
shenbao_entry_row_field_editor_init (ShenbaoFieldEditorInterface *iface)
{
  iface->show_finding = shenbao_entry_row_show_finding;
}

static void
entry_changed (ShenbaoEntryRow *self)
{
  g_object_notify (G_OBJECT (self), "value");
}

/* What is stored is what is shown: a typed x of an ID number is the
 * upper-case check character X, in the entry and in the application. */
static void
insert_text (GtkEditable     *editable,
             const char      *text,
             int              length,
             int             *position,
             ShenbaoEntryRow *self)
{
  gsize size = length < 0 ? strlen (text) : (gsize) length;
  g_autofree char *upper = NULL;

  if (!self->upper_case)
    return;
  upper = g_ascii_strup (text, (gssize) size);
  if (memcmp (upper, text, size) == 0)
    return;
  g_signal_handlers_block_by_func (editable, insert_text, self);
  gtk_editable_insert_text (editable, upper, (int) size, position);
  g_signal_handlers_unblock_by_func (editable, insert_text, self);
  g_signal_stop_emission_by_name (editable, "insert-text");
}

/* Enter moves on to the next field, as the portal's form does. */
static void
entry_activated (ShenbaoEntryRow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "wizard.next-field", NULL);
}

static void
title_changed (ShenbaoEntryRow *self)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self)), -1);
}

static void
shenbao_entry_row_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  ShenbaoEntryRow *self = SHENBAO_ENTRY_ROW (object);

  switch (prop_id)
    {
    case PROP_PLACEHOLDER:
      g_value_set_string (value, gtk_entry_get_placeholder_text (self->entry));
      break;
    case PROP_HINT:
      g_value_set_string (value, self->hint);
      break;
    case PROP_FIELD:
      g_value_set_string (value, self->field);
      break;
    case PROP_VALUE:
      g_value_set_string (value, gtk_editable_get_text (GTK_EDITABLE (self->entry)));
      break;
    case PROP_UPPER_CASE:
      g_value_set_boolean (value, self->upper_case);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shenbao_entry_row_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  ShenbaoEntryRow *self = SHENBAO_ENTRY_ROW (object);
  const char *text;

  switch (prop_id)
    {
    case PROP_PLACEHOLDER:
      gtk_entry_set_placeholder_text (self->entry, g_value_get_string (value));
      break;
    case PROP_HINT:
      g_free (self->hint);
      self->hint = g_value_dup_string (value);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self), self->hint);
      break;
    case PROP_FIELD:
      g_free (self->field);
      self->field = g_value_dup_string (value);
      break;
    case PROP_UPPER_CASE:
      self->upper_case = g_value_get_boolean (value);
      break;
    case PROP_VALUE:
      text = g_value_get_string (value);
      /* Setting the same text again would move the cursor under the typist. */
      if (g_strcmp0 (text != NULL ? text : "", gtk_editable_get_text (GTK_EDITABLE (self->entry))) != 0)
        gtk_editable_set_text (GTK_EDITABLE (self->entry), text != NULL ? text : "");
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shenbao_entry_row_finalize (GObject *object)
{
  ShenbaoEntryRow *self = SHENBAO_ENTRY_ROW (object);

  g_free (self->field);
  g_free (self->hint);
  G_OBJECT_CLASS (shenbao_entry_row_parent_class)->finalize (object);
}

static void
shenbao_entry_row_class_init (ShenbaoEntryRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = shenbao_entry_row_get_property;
  object_class->set_property = shenbao_entry_row_set_property;
  object_class->finalize = shenbao_entry_row_finalize;

  g_object_class_install_property (object_class, PROP_PLACEHOLDER,
    g_param_spec_string ("placeholder", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
  /* Shown under the field while the rules have nothing to say about it. */
  g_object_class_install_property (object_class, PROP_HINT,
    g_param_spec_string ("hint", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
  /* Letters typed are stored in upper case (the ID number's X). */
  g_object_class_install_property (object_class, PROP_UPPER_CASE,
    g_param_spec_boolean ("upper-case", NULL, NULL, FALSE, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
  g_object_class_override_property (object_class, PROP_FIELD, "field");
  g_object_class_override_property (object_class, PROP_VALUE, "value");

  gtk_widget_class_set_template_from_resource (GTK_WIDGET_CLASS (klass),
                                               "/io/github/shenbao/Shenbao/shenbao-entry-row.ui");
  gtk_widget_class_bind_template_child (GTK_WIDGET_CLASS (klass), ShenbaoEntryRow, entry);
  gtk_widget_class_bind_template_callback (GTK_WIDGET_CLASS (klass), entry_changed);
  gtk_widget_class_bind_template_callback (GTK_WIDGET_CLASS (klass), entry_activated);
}

static void
shenbao_entry_row_init (ShenbaoEntryRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self), GTK_WIDGET (self->entry));
  g_signal_connect (gtk_editable_get_delegate (GTK_EDITABLE (self->entry)), "insert-text",
                    G_CALLBACK (insert_text), self);
  g_signal_connect (self, "notify::title", G_CALLBACK (title_changed), NULL);
}
