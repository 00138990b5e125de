/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shenbao-work-entry-row"

#include "config.h"

#include <glib/gi18n.h>

#include "shenbao-choice-row.h"
#include "shenbao-entry-row.h"
#include "shenbao-field-editor.h"
#include "shenbao-work-entry-row.h"

/* One period of the work history (step 3, 报名信息), folded to a line that
 * says who and when, unfolded to edit it. */
struct _ShenbaoWorkEntryRow
{
  AdwExpanderRow parent_instance;

  ShenbaoChoiceRow *occupation_row;

  ShenbaoApplication *application;
  ShenbaoWorkEntry *entry;
  GPtrArray *editors;
};

G_DEFINE_FINAL_TYPE (ShenbaoWorkEntryRow, shenbao_work_entry_row, ADW_TYPE_EXPANDER_ROW)

#define BASE_FIELD_KEY "shenbao-base-field"

/* Only what is filled in, so that a new entry reads as new rather than as
 * separators around nothing. */
static void
update_summary (ShenbaoWorkEntryRow *self)
{
  const char *employer = shenbao_work_entry_get (self->entry, SHENBAO_WORK_FIELD_EMPLOYER);
  const char *from = shenbao_work_entry_get (self->entry, SHENBAO_WORK_FIELD_FROM);
  const char *to = shenbao_work_entry_get (self->entry, SHENBAO_WORK_FIELD_TO);
  const char *occupation = shenbao_work_entry_get (self->entry, SHENBAO_WORK_FIELD_OCCUPATION);
  g_autoptr(GStrvBuilder) parts = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;
  g_autofree char *period = NULL;
  g_autofree char *subtitle = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), *employer != '\0' ? employer : _("New Work Entry"));
  if (*from != '\0' && *to != '\0')
    /* Translators: a work period, as in 2018-03 – 至今 */
    period = g_strdup_printf (_("%s – %s"), from, to);
  else if (*from != '\0')
    /* Translators: a work period whose end is not filled in yet, as in 2018-03 起 */
    period = g_strdup_printf (_("from %s"), from);
  if (period != NULL)
    g_strv_builder_add (parts, period);
  if (*occupation != '\0')
    g_strv_builder_add (parts, occupation);
  strv = g_strv_builder_end (parts);
  subtitle = g_strjoinv (" · ", strv);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle);
}

static guint
position_of (ShenbaoWorkEntryRow *self)
{
  guint position = 0;

  g_list_store_find (G_LIST_STORE (shenbao_application_get_work_entries (self->application)),
                     self->entry, &position);
  return position;
}

static void
move (ShenbaoWorkEntryRow *self,
      int                  offset)
{
  guint position = position_of (self);
  guint n_entries = shenbao_application_get_n_work_entries (self->application);

  if ((offset < 0 && position == 0) || (offset > 0 && position + 1 >= n_entries))
    return;
  shenbao_application_move_work_entry (self->application, position, position + offset);
}

static void
move_up_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  move (SHENBAO_WORK_ENTRY_ROW (widget), -1);
}

static void
move_down_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  move (SHENBAO_WORK_ENTRY_ROW (widget), 1);
}

static void
remove_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ShenbaoWorkEntryRow *self = SHENBAO_WORK_ENTRY_ROW (widget);

  shenbao_application_remove_work_entry (self->application, position_of (self));
}

void
shenbao_work_entry_row_set_position (ShenbaoWorkEntryRow *self,
                                     guint                position)
{
  g_return_if_fail (SHENBAO_IS_WORK_ENTRY_ROW (self));

  for (guint i = 0; i < self->editors->len; i++)
    {
      GObject *editor = g_ptr_array_index (self->editors, i);
      g_autofree char *field = g_strdup_printf ("work/%u/%s", position + 1,
                                                (const char *) g_object_get_data (editor, BASE_FIELD_KEY));

      g_object_set (editor, "field", field, NULL);
    }
}

void
shenbao_work_entry_row_set_occupations (ShenbaoWorkEntryRow *self,
                                        const char * const  *occupations)
{
  g_return_if_fail (SHENBAO_IS_WORK_ENTRY_ROW (self));

  shenbao_choice_row_set_choices (self->occupation_row, occupations);
}

ShenbaoWorkEntryRow *
shenbao_work_entry_row_new (ShenbaoApplication *application,
                            ShenbaoWorkEntry   *entry)
{
  ShenbaoWorkEntryRow *self = g_object_new (SHENBAO_TYPE_WORK_ENTRY_ROW, NULL);

  self->application = g_object_ref (application);
  self->entry = g_object_ref (entry);
  for (guint i = 0; i < self->editors->len; i++)
    {
      GObject *editor = g_ptr_array_index (self->editors, i);

      g_object_bind_property (entry, g_object_get_data (editor, BASE_FIELD_KEY), editor, "value",
                              G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
    }
  g_signal_connect_object (entry, "notify", G_CALLBACK (update_summary), self, G_CONNECT_SWAPPED);
  update_summary (self);
  return self;
}

static void
shenbao_work_entry_row_dispose (GObject *object)
{
  ShenbaoWorkEntryRow *self = SHENBAO_WORK_ENTRY_ROW (object);

  g_clear_object (&self->application);
  g_clear_object (&self->entry);
  g_clear_pointer (&self->editors, g_ptr_array_unref);
  G_OBJECT_CLASS (shenbao_work_entry_row_parent_class)->dispose (object);
}

static void
shenbao_work_entry_row_class_init (ShenbaoWorkEntryRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = shenbao_work_entry_row_dispose;

  g_type_ensure (SHENBAO_TYPE_ENTRY_ROW);
  g_type_ensure (SHENBAO_TYPE_CHOICE_ROW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/shenbao/Shenbao/shenbao-work-entry-row.ui");
  gtk_widget_class_bind_template_child (widget_class, ShenbaoWorkEntryRow, occupation_row);
  gtk_widget_class_install_action (widget_class, "entry.move-up", NULL, move_up_activated);
  gtk_widget_class_install_action (widget_class, "entry.move-down", NULL, move_down_activated);
  gtk_widget_class_install_action (widget_class, "entry.remove", NULL, remove_activated);
}

static void
shenbao_work_entry_row_init (ShenbaoWorkEntryRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The template names each editor by the work entry's own field; the
   * position is added once the row knows where it stands. */
  self->editors = shenbao_field_editor_collect (GTK_WIDGET (self));
  for (guint i = 0; i < self->editors->len; i++)
    {
      GObject *editor = g_ptr_array_index (self->editors, i);

      g_object_set_data_full (editor, BASE_FIELD_KEY,
                              g_strdup (shenbao_field_editor_get_field (SHENBAO_FIELD_EDITOR (editor))), g_free);
    }
}
