/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shenbao-review-section"

#include "config.h"

#include <glib/gi18n.h>

#include "shenbao-review-section.h"
#include "shenbao-status-item.h"
#include "shenbao-wizard-page.h"

struct _ShenbaoReviewSection
{
  AdwPreferencesGroup parent_instance;

  AdwComboRow *state_row;
  GtkStringList *state_list;
  AdwEntryRow *reason_row;
  AdwEntryRow *mailed_date_row;
  AdwEntryRow *tracking_row;
  GtkListBox *history_list;

  GListStore *history;   /* ShenbaoStatusItem, the latest event first */
  ShenbaoStore *store;
  ShenbaoApplication *application;
};

G_DEFINE_FINAL_TYPE (ShenbaoReviewSection, shenbao_review_section, ADW_TYPE_PREFERENCES_GROUP)

/* The application's id in the store, or 0 (with the error) when there is
 * no stored application to track. */
static gint64
tracked_id (ShenbaoReviewSection *self,
            GError              **error)
{
  gint64 id = self->store != NULL && self->application != NULL ? shenbao_application_get_id (self->application) : 0;

  if (id == 0)
    g_set_error_literal (error, SHENBAO_ERROR, SHENBAO_ERROR_STORE,
                         _("The review can only be tracked for a stored application"));
  return id;
}

static ShenbaoStatusItem *
event_item (const ShenbaoReviewEvent *event)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (event->time);
  g_autofree char *time = g_date_time_format (local, "%Y-%m-%d %H:%M");
  g_autofree char *subtitle = NULL;

  if (event->mailing)
    subtitle = g_strdup_printf (_("%s: mailed on %s, tracking number %s"), time, event->mailed_date,
                                event->tracking_number);
  else if (event->reason != NULL)
    subtitle = g_strdup_printf (_("%s: %s"), time, event->reason);
  else
    subtitle = g_strdup (time);
  return shenbao_status_item_new (event->mailing ? SHENBAO_REVIEW_MAILED : shenbao_review_state_to_string (event->state),
                                  subtitle, event->mailing ? "mail-send-symbolic" : "document-open-recent-symbolic",
                                  NULL);
}

static void
show_history (ShenbaoReviewSection *self)
{
  gint64 id = tracked_id (self, NULL);
  g_autoptr(GPtrArray) history = id != 0 ? shenbao_store_get_review_history (self->store, id, NULL) : NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  ShenbaoReviewState state = SHENBAO_REVIEW_NOT_SUBMITTED;

  gtk_editable_set_text (GTK_EDITABLE (self->reason_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->tracking_row), "");
  if (history == NULL || history->len == 0)
    g_ptr_array_add (items, shenbao_status_item_new (shenbao_review_state_to_string (state), _("Nothing recorded yet"),
                                                     "document-open-recent-symbolic", "dim-label"));
  for (guint i = 0; history != NULL && i < history->len; i++)
    {
      ShenbaoReviewEvent *event = g_ptr_array_index (history, history->len - 1 - i);

      g_ptr_array_add (items, event_item (event));
    }
  if (history != NULL && history->len > 0)
    state = ((ShenbaoReviewEvent *) g_ptr_array_index (history, history->len - 1))->state;
  g_list_store_splice (self->history, 0, g_list_model_get_n_items (G_LIST_MODEL (self->history)),
                       items->pdata, items->len);
  adw_combo_row_set_selected (self->state_row, state);
}

void
shenbao_review_section_show (ShenbaoReviewSection *self,
                             ShenbaoStore         *store,
                             ShenbaoApplication   *application)
{
  g_return_if_fail (SHENBAO_IS_REVIEW_SECTION (self));

  g_set_object (&self->store, store);
  g_set_object (&self->application, application);
  show_history (self);
}

static void
record_state_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  ShenbaoReviewSection *self = SHENBAO_REVIEW_SECTION (widget);
  ShenbaoReviewState state = adw_combo_row_get_selected (self->state_row);
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->reason_row))));
  g_autoptr(GError) error = NULL;
  gint64 id = tracked_id (self, &error);

  if (id == 0 || !shenbao_store_set_review_state (self->store, id, state, *reason != '\0' ? reason : NULL, &error))
    {
      shenbao_wizard_page_toast_near (widget, error->message);
      return;
    }
  show_history (self);
}

static void
record_mailing_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  ShenbaoReviewSection *self = SHENBAO_REVIEW_SECTION (widget);
  g_autofree char *date = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->mailed_date_row))));
  g_autofree char *tracking = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->tracking_row))));
  g_autoptr(GError) error = NULL;
  gint64 id = tracked_id (self, &error);

  if (id == 0 || !shenbao_store_add_mailing (self->store, id, date, tracking, &error))
    {
      shenbao_wizard_page_toast_near (widget, error->message);
      return;
    }
  show_history (self);
}

static void
shenbao_review_section_dispose (GObject *object)
{
  ShenbaoReviewSection *self = SHENBAO_REVIEW_SECTION (object);

  g_clear_object (&self->store);
  g_clear_object (&self->application);
  G_OBJECT_CLASS (shenbao_review_section_parent_class)->dispose (object);
}

static void
shenbao_review_section_finalize (GObject *object)
{
  g_object_unref (SHENBAO_REVIEW_SECTION (object)->history);
  G_OBJECT_CLASS (shenbao_review_section_parent_class)->finalize (object);
}

static void
shenbao_review_section_class_init (ShenbaoReviewSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = shenbao_review_section_dispose;
  object_class->finalize = shenbao_review_section_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/shenbao/Shenbao/shenbao-review-section.ui");
  gtk_widget_class_bind_template_child (widget_class, ShenbaoReviewSection, state_row);
  gtk_widget_class_bind_template_child (widget_class, ShenbaoReviewSection, state_list);
  gtk_widget_class_bind_template_child (widget_class, ShenbaoReviewSection, reason_row);
  gtk_widget_class_bind_template_child (widget_class, ShenbaoReviewSection, mailed_date_row);
  gtk_widget_class_bind_template_child (widget_class, ShenbaoReviewSection, tracking_row);
  gtk_widget_class_bind_template_child (widget_class, ShenbaoReviewSection, history_list);
  gtk_widget_class_install_action (widget_class, "review.record-state", NULL, record_state_activated);
  gtk_widget_class_install_action (widget_class, "review.record-mailing", NULL, record_mailing_activated);
}

static void
shenbao_review_section_init (ShenbaoReviewSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  for (ShenbaoReviewState state = 0; state < SHENBAO_N_REVIEW_STATES; state++)
    gtk_string_list_append (self->state_list, shenbao_review_state_to_string (state));
  self->history = g_list_store_new (SHENBAO_TYPE_STATUS_ITEM);
  gtk_list_box_bind_model (self->history_list, G_LIST_MODEL (self->history),
                           shenbao_status_item_create_row, NULL, NULL);
  show_history (self);
}
