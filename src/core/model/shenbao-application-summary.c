/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shenbao-application-summary"

#include "config.h"

#include "shenbao-application-summary-private.h"
#include "shenbao-string-private.h"

struct _ShenbaoApplicationSummary
{
  GObject parent_instance;

  gint64 id;
  char *name;
  char *occupation;
  char *condition;
  ShenbaoReviewState review_state;
  GDateTime *updated;
};

G_DEFINE_FINAL_TYPE (ShenbaoApplicationSummary, shenbao_application_summary, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_OCCUPATION,
  PROP_CONDITION,
  PROP_REVIEW_STATE,
  PROP_UPDATED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

ShenbaoApplicationSummary *
shenbao_application_summary_new (gint64 id)
{
  ShenbaoApplicationSummary *self = g_object_new (SHENBAO_TYPE_APPLICATION_SUMMARY, NULL);

  self->id = id;
  return self;
}

/* Notifies only what changed, so that a list row bound to the name does not
 * redraw on every keystroke in another field. */
void
shenbao_application_summary_update (ShenbaoApplicationSummary *self,
                                    const char                *name,
                                    const char                *occupation,
                                    const char                *condition,
                                    ShenbaoReviewState         review_state,
                                    GDateTime                 *updated)
{
  GObject *object = G_OBJECT (self);

  g_return_if_fail (SHENBAO_IS_APPLICATION_SUMMARY (self));
  g_return_if_fail (updated != NULL);

  g_object_freeze_notify (object);
  if (shenbao_set_string (&self->name, name))
    g_object_notify_by_pspec (object, properties[PROP_NAME]);
  if (shenbao_set_string (&self->occupation, occupation))
    g_object_notify_by_pspec (object, properties[PROP_OCCUPATION]);
  if (shenbao_set_string (&self->condition, condition))
    g_object_notify_by_pspec (object, properties[PROP_CONDITION]);
  if (self->review_state != review_state)
    {
      self->review_state = review_state;
      g_object_notify_by_pspec (object, properties[PROP_REVIEW_STATE]);
    }
  if (self->updated == NULL || !g_date_time_equal (self->updated, updated))
    {
      g_clear_pointer (&self->updated, g_date_time_unref);
      self->updated = g_date_time_ref (updated);
      g_object_notify_by_pspec (object, properties[PROP_UPDATED]);
    }
  g_object_thaw_notify (object);
}

gint64
shenbao_application_summary_get_id (ShenbaoApplicationSummary *self)
{
  g_return_val_if_fail (SHENBAO_IS_APPLICATION_SUMMARY (self), 0);

  return self->id;
}

const char *
shenbao_application_summary_get_name (ShenbaoApplicationSummary *self)
{
  g_return_val_if_fail (SHENBAO_IS_APPLICATION_SUMMARY (self), NULL);

  return self->name != NULL ? self->name : "";
}

const char *
shenbao_application_summary_get_occupation (ShenbaoApplicationSummary *self)
{
  g_return_val_if_fail (SHENBAO_IS_APPLICATION_SUMMARY (self), NULL);

  return self->occupation != NULL ? self->occupation : "";
}

const char *
shenbao_application_summary_get_condition (ShenbaoApplicationSummary *self)
{
  g_return_val_if_fail (SHENBAO_IS_APPLICATION_SUMMARY (self), NULL);

  return self->condition != NULL ? self->condition : "";
}

ShenbaoReviewState
shenbao_application_summary_get_review_state (ShenbaoApplicationSummary *self)
{
  g_return_val_if_fail (SHENBAO_IS_APPLICATION_SUMMARY (self), SHENBAO_REVIEW_NOT_SUBMITTED);

  return self->review_state;
}

GDateTime *
shenbao_application_summary_get_updated (ShenbaoApplicationSummary *self)
{
  g_return_val_if_fail (SHENBAO_IS_APPLICATION_SUMMARY (self), NULL);

  return self->updated;
}

static void
shenbao_application_summary_get_property (GObject    *object,
                                          guint       prop_id,
                                          GValue     *value,
                                          GParamSpec *pspec)
{
  ShenbaoApplicationSummary *self = SHENBAO_APPLICATION_SUMMARY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, shenbao_application_summary_get_name (self));
      break;
    case PROP_OCCUPATION:
      g_value_set_string (value, shenbao_application_summary_get_occupation (self));
      break;
    case PROP_CONDITION:
      g_value_set_string (value, shenbao_application_summary_get_condition (self));
      break;
    case PROP_REVIEW_STATE:
      g_value_set_enum (value, self->review_state);
      break;
    case PROP_UPDATED:
      g_value_set_boxed (value, self->updated);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shenbao_application_summary_finalize (GObject *object)
{
  ShenbaoApplicationSummary *self = SHENBAO_APPLICATION_SUMMARY (object);

  g_free (self->name);
  g_free (self->occupation);
  g_free (self->condition);
  g_clear_pointer (&self->updated, g_date_time_unref);
  G_OBJECT_CLASS (shenbao_application_summary_parent_class)->finalize (object);
}

static void
shenbao_application_summary_class_init (ShenbaoApplicationSummaryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = shenbao_application_summary_get_property;
  object_class->finalize = shenbao_application_summary_finalize;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OCCUPATION] =
    g_param_spec_string ("occupation", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONDITION] =
    g_param_spec_string ("condition", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REVIEW_STATE] =
    g_param_spec_enum ("review-state", NULL, NULL, SHENBAO_TYPE_REVIEW_STATE,
                       SHENBAO_REVIEW_NOT_SUBMITTED,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UPDATED] =
    g_param_spec_boxed ("updated", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
shenbao_application_summary_init (ShenbaoApplicationSummary *self)
{
}
