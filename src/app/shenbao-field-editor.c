/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shenbao-field-editor"

#include "config.h"

#include "shenbao-field-editor.h"

G_DEFINE_INTERFACE (ShenbaoFieldEditor, shenbao_field_editor, GTK_TYPE_WIDGET)

static void
shenbao_field_editor_default_init (ShenbaoFieldEditorInterface *iface)
{
  g_object_interface_install_property (iface,
    g_param_spec_string ("field", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_STATIC_STRINGS));
  g_object_interface_install_property (iface,
    g_param_spec_string ("value", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
}

const char *
shenbao_field_editor_get_field (ShenbaoFieldEditor *self)
{
  g_autofree char *field = NULL;

  g_object_get (self, "field", &field, NULL);
  /* The field names are interned: the editor's own string outlives the call. */
  return g_intern_string (field);
}

void
shenbao_field_editor_show_finding (ShenbaoFieldEditor   *self,
                                   const ShenbaoFinding *finding)
{
  g_return_if_fail (SHENBAO_IS_FIELD_EDITOR (self));

  SHENBAO_FIELD_EDITOR_GET_IFACE (self)->show_finding (self, finding);
}

void
shenbao_field_editor_style_row (AdwActionRow         *row,
                                GtkAccessible        *input,
                                const ShenbaoFinding *finding,
                                const char           *hint)
{
  GtkWidget *widget = GTK_WIDGET (row);
  const char *message = finding != NULL ? finding->message : hint;
  g_autofree char *markup = NULL;

  gtk_widget_remove_css_class (widget, "error");
  gtk_widget_remove_css_class (widget, "warning");
  if (finding != NULL)
    gtk_widget_add_css_class (widget, finding->severity == SHENBAO_SEVERITY_ERROR ? "error" : "warning");

  if (finding != NULL && finding->suggestion != NULL)
    markup = g_markup_printf_escaped ("%s\n%s", finding->message, finding->suggestion);
  else
    markup = g_markup_escape_text (message != NULL ? message : "", -1);
  adw_action_row_set_subtitle (row, markup);
  gtk_accessible_update_property (input, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message != NULL ? message : "", -1);
  gtk_accessible_update_state (input, GTK_ACCESSIBLE_STATE_INVALID,
                               finding != NULL && finding->severity == SHENBAO_SEVERITY_ERROR
                                 ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
}

static void
collect (GtkWidget *widget,
         GPtrArray *editors)
{
  if (SHENBAO_IS_FIELD_EDITOR (widget))
    g_ptr_array_add (editors, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, editors);
}

GPtrArray *
shenbao_field_editor_collect (GtkWidget *root)
{
  GPtrArray *editors = g_ptr_array_new ();

  collect (root, editors);
  return editors;
}

/* An error hides a warning on the same field: fix that first. */
static const ShenbaoFinding *
worst_for (GPtrArray  *findings,
           const char *field)
{
  const ShenbaoFinding *worst = NULL;

  for (guint i = 0; findings != NULL && i < findings->len; i++)
    {
      const ShenbaoFinding *finding = g_ptr_array_index (findings, i);

      if (g_strcmp0 (finding->field, field) == 0 && (worst == NULL || finding->severity > worst->severity))
        worst = finding;
    }
  return worst;
}

void
shenbao_field_editor_show_all (GtkWidget  *root,
                               GPtrArray  *findings,
                               const char *prefix)
{
  g_autoptr(GPtrArray) editors = shenbao_field_editor_collect (root);

  for (guint i = 0; i < editors->len; i++)
    {
      ShenbaoFieldEditor *editor = g_ptr_array_index (editors, i);
      g_autofree char *field = g_strconcat (prefix != NULL ? prefix : "",
                                            shenbao_field_editor_get_field (editor), NULL);

      shenbao_field_editor_show_finding (editor, worst_for (findings, field));
    }
}
