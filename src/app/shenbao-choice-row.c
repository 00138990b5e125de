/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shenbao-choice-row"

#include "config.h"

#include <glib/gi18n.h>

#include "shenbao-choice-row.h"
#include "shenbao-field-editor.h"

/* A field chosen from one of the catalogue's lists. The first item stands for
 * "nothing chosen yet"; a value that is not in the list (read from a file) is
 * kept as an extra item rather than lost, and the rules flag it. A row with a
 * long list (民族, the related occupations) is searchable: AdwComboRow cannot
 * search before libadwaita 1.4, GtkDropDown can on GTK 4.8, so the row holds
 * one. */
struct _ShenbaoChoiceRow
{
  AdwActionRow parent_instance;

  GtkDropDown *drop_down;
  GtkStringList *choices;
  char *field;
  char *list;
  char *value;
  gboolean updating;
};

static void shenbao_choice_row_field_editor_init (ShenbaoFieldEditorInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ShenbaoChoiceRow, shenbao_choice_row, ADW_TYPE_ACTION_ROW,
                               G_IMPLEMENT_INTERFACE (SHENBAO_TYPE_FIELD_EDITOR,
                                                      shenbao_choice_row_field_editor_init))

enum
{
  PROP_0,
  PROP_LIST,
  PROP_FIELD,
  PROP_VALUE,
  PROP_SEARCHABLE,
};

static const struct { const char *name; ShenbaoList list; } catalogue_lists[] = {
  { "school-types", SHENBAO_LIST_SCHOOL_TYPES },
  { "education-levels", SHENBAO_LIST_EDUCATION_LEVELS },
  { "ethnic-groups", SHENBAO_LIST_ETHNIC_GROUPS },
  { "identities", SHENBAO_LIST_IDENTITIES },
  { "assessment-categories", SHENBAO_LIST_ASSESSMENT_CATEGORIES },
  { "sources", SHENBAO_LIST_SOURCES },
};

/* The lists of the application file's fixed words. */
static const struct { const char *name; ShenbaoField field; } fixed_lists[] = {
  { "genders", SHENBAO_FIELD_PERSON_GENDER },
  { "certificate-levels", SHENBAO_FIELD_CERTIFICATE_LEVEL },
  { "education-statuses", SHENBAO_FIELD_EDUCATION_STATUS },
};

static guint
find_choice (ShenbaoChoiceRow *self,
             const char       *value)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->choices));

  for (guint i = 1; i < n_items; i++)
    if (g_strcmp0 (gtk_string_list_get_string (self->choices, i), value) == 0)
      return i;
  return GTK_INVALID_LIST_POSITION;
}

static void
select_value (ShenbaoChoiceRow *self)
{
  guint position = 0;

  if (self->value != NULL && *self->value != '\0')
    {
      position = find_choice (self, self->value);
      if (position == GTK_INVALID_LIST_POSITION)
        {
          gtk_string_list_append (self->choices, self->value);
          position = g_list_model_get_n_items (G_LIST_MODEL (self->choices)) - 1;
        }
    }
  self->updating = TRUE;
  gtk_drop_down_set_selected (self->drop_down, position);
  self->updating = FALSE;
}

void
shenbao_choice_row_set_choices (ShenbaoChoiceRow   *self,
                                const char * const *choices)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->choices));
  g_autoptr(GStrvBuilder) items = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;

  g_return_if_fail (SHENBAO_IS_CHOICE_ROW (self));

  /* Translators: the first item of a drop-down list, before anything is chosen */
  g_strv_builder_add (items, _("(choose)"));
  if (choices != NULL)
    g_strv_builder_addv (items, (const char **) choices);
  strv = g_strv_builder_end (items);

  self->updating = TRUE;
  gtk_string_list_splice (self->choices, 0, n_items, (const char * const *) strv);
  self->updating = FALSE;
  select_value (self);
}

static void
selected_changed (ShenbaoChoiceRow *self)
{
  guint position = gtk_drop_down_get_selected (self->drop_down);
  const char *chosen = position == 0 || position == GTK_INVALID_LIST_POSITION
                         ? NULL : gtk_string_list_get_string (self->choices, position);

  if (self->updating || g_strcmp0 (chosen, self->value) == 0)
    return;
  g_free (self->value);
  self->value = g_strdup (chosen);
  g_object_notify (G_OBJECT (self), "value");
}

static void
set_list (ShenbaoChoiceRow *self,
          const char       *name)
{
  ShenbaoCatalogue *catalogue = shenbao_catalogue_get_default (NULL);

  g_free (self->list);
  self->list = g_strdup (name);
  if (catalogue == NULL || name == NULL)
    return;
  if (g_str_equal (name, "occupations"))
    {
      shenbao_choice_row_set_choices (self, shenbao_catalogue_get_occupations (catalogue));
      return;
    }
  for (gsize i = 0; i < G_N_ELEMENTS (fixed_lists); i++)
    if (g_str_equal (name, fixed_lists[i].name))
      {
        shenbao_choice_row_set_choices (self, shenbao_field_get_choices (fixed_lists[i].field));
        return;
      }
  for (gsize i = 0; i < G_N_ELEMENTS (catalogue_lists); i++)
    if (g_str_equal (name, catalogue_lists[i].name))
      shenbao_choice_row_set_choices (self, shenbao_catalogue_get_list (catalogue, catalogue_lists[i].list));
}

static void
shenbao_choice_row_show_finding (ShenbaoFieldEditor   *editor,
                                 const ShenbaoFinding *finding)
{
  shenbao_field_editor_style_row (ADW_ACTION_ROW (editor), GTK_ACCESSIBLE (SHENBAO_CHOICE_ROW (editor)->drop_down),
                                  finding, NULL);
}

static void
shenbao_choice_row_field_editor_init (ShenbaoFieldEditorInterface *iface)
{
  iface->show_finding = shenbao_choice_row_show_finding;
}

static void
shenbao_choice_row_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ShenbaoChoiceRow *self = SHENBAO_CHOICE_ROW (object);

  switch (prop_id)
    {
    case PROP_LIST:
      g_value_set_string (value, self->list);
      break;
    case PROP_FIELD:
      g_value_set_string (value, self->field);
      break;
    case PROP_VALUE:
      g_value_set_string (value, self->value != NULL ? self->value : "");
      break;
    case PROP_SEARCHABLE:
      g_value_set_boolean (value, gtk_drop_down_get_enable_search (self->drop_down));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shenbao_choice_row_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  ShenbaoChoiceRow *self = SHENBAO_CHOICE_ROW (object);
  const char *text;

  switch (prop_id)
    {
    case PROP_LIST:
      set_list (self, g_value_get_string (value));
      break;
    case PROP_FIELD:
      g_free (self->field);
      self->field = g_value_dup_string (value);
      break;
    case PROP_SEARCHABLE:
      gtk_drop_down_set_enable_search (self->drop_down, g_value_get_boolean (value));
      break;
    case PROP_VALUE:
      text = g_value_get_string (value);
      if (text != NULL && *text == '\0')
        text = NULL;
      if (g_strcmp0 (text, self->value) == 0)
        break;
      g_free (self->value);
      self->value = g_strdup (text);
      select_value (self);
      g_object_notify_by_pspec (object, pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shenbao_choice_row_finalize (GObject *object)
{
  ShenbaoChoiceRow *self = SHENBAO_CHOICE_ROW (object);

  g_clear_object (&self->choices);
  g_free (self->field);
  g_free (self->list);
  g_free (self->value);
  G_OBJECT_CLASS (shenbao_choice_row_parent_class)->finalize (object);
}

static void
shenbao_choice_row_class_init (ShenbaoChoiceRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = shenbao_choice_row_get_property;
  object_class->set_property = shenbao_choice_row_set_property;
  object_class->finalize = shenbao_choice_row_finalize;

  /* The catalogue list to offer: "ethnic-groups", "occupations", … */
  g_object_class_install_property (object_class, PROP_LIST,
    g_param_spec_string ("list", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
  /* A search entry above the items, for long lists. */
  g_object_class_install_property (object_class, PROP_SEARCHABLE,
    g_param_spec_boolean ("searchable", NULL, NULL, FALSE, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
  g_object_class_override_property (object_class, PROP_FIELD, "field");
  g_object_class_override_property (object_class, PROP_VALUE, "value");
}

GtkDropDown *
shenbao_choice_row_get_drop_down (ShenbaoChoiceRow *self)
{
  g_return_val_if_fail (SHENBAO_IS_CHOICE_ROW (self), NULL);

  return self->drop_down;
}

static void
title_changed (ShenbaoChoiceRow *self)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->drop_down), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self)), -1);
}

static void
shenbao_choice_row_init (ShenbaoChoiceRow *self)
{
  self->choices = gtk_string_list_new (NULL);
  /* The search matches the items' text. */
  self->drop_down = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->choices)),
                                                      gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL,
                                                                                   "string")));
  gtk_widget_set_valign (GTK_WIDGET (self->drop_down), GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), GTK_WIDGET (self->drop_down));
  /* One Tab stop per row: the drop-down's. */
  gtk_widget_set_focusable (GTK_WIDGET (self), FALSE);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self), GTK_WIDGET (self->drop_down));
  shenbao_choice_row_set_choices (self, NULL);
  g_signal_connect_swapped (self->drop_down, "notify::selected", G_CALLBACK (selected_changed), self);
  g_signal_connect (self, "notify::title", G_CALLBACK (title_changed), NULL);
}
