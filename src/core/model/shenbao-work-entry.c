/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shenbao-work-entry"

#include "config.h"

#include "shenbao-string-private.h"
#include "shenbao-work-entry.h"

struct _ShenbaoWorkEntry
{
  GObject parent_instance;

  gint64 id;
  char *values[SHENBAO_N_WORK_FIELDS];
};

G_DEFINE_FINAL_TYPE (ShenbaoWorkEntry, shenbao_work_entry, G_TYPE_OBJECT)

/* The names are those of the application file (data/application.rng) and double as
 * property names, so the file, the store and the GUI bindings share them. */
static const char *field_names[SHENBAO_N_WORK_FIELDS] = {
  [SHENBAO_WORK_FIELD_EMPLOYER] = "employer",
  [SHENBAO_WORK_FIELD_FOUNDED] = "founded",
  [SHENBAO_WORK_FIELD_DEREGISTERED] = "deregistered",
  [SHENBAO_WORK_FIELD_FROM] = "from",
  [SHENBAO_WORK_FIELD_TO] = "to",
  [SHENBAO_WORK_FIELD_OCCUPATION] = "occupation",
};

static GParamSpec *properties[SHENBAO_N_WORK_FIELDS + 1];

ShenbaoWorkEntry *
shenbao_work_entry_new (void)
{
  return g_object_new (SHENBAO_TYPE_WORK_ENTRY, NULL);
}

ShenbaoWorkEntry *
shenbao_work_entry_copy (ShenbaoWorkEntry *self)
{
  ShenbaoWorkEntry *copy = shenbao_work_entry_new ();

  for (int i = 0; i < SHENBAO_N_WORK_FIELDS; i++)
    copy->values[i] = g_strdup (self->values[i]);
  return copy;
}

const char *
shenbao_work_field_name (ShenbaoWorkField field)
{
  g_return_val_if_fail (field < SHENBAO_N_WORK_FIELDS, NULL);

  return field_names[field];
}

gboolean
shenbao_work_field_from_name (const char       *name,
                              ShenbaoWorkField *field)
{
  for (int i = 0; i < SHENBAO_N_WORK_FIELDS; i++)
    if (g_strcmp0 (name, field_names[i]) == 0)
      {
        *field = i;
        return TRUE;
      }
  return FALSE;
}

const char *
shenbao_work_entry_get (ShenbaoWorkEntry *self,
                        ShenbaoWorkField  field)
{
  g_return_val_if_fail (SHENBAO_IS_WORK_ENTRY (self), NULL);
  g_return_val_if_fail (field < SHENBAO_N_WORK_FIELDS, NULL);

  return self->values[field] != NULL ? self->values[field] : "";
}

void
shenbao_work_entry_set (ShenbaoWorkEntry *self,
                        ShenbaoWorkField  field,
                        const char       *value)
{
  g_return_if_fail (SHENBAO_IS_WORK_ENTRY (self));
  g_return_if_fail (field < SHENBAO_N_WORK_FIELDS);

  if (value != NULL && *value == '\0')
    value = NULL;
  if (shenbao_set_string (&self->values[field], value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[field + 1]);
}

gint64
shenbao_work_entry_get_id (ShenbaoWorkEntry *self)
{
  g_return_val_if_fail (SHENBAO_IS_WORK_ENTRY (self), 0);

  return self->id;
}

void
shenbao_work_entry_set_id (ShenbaoWorkEntry *self,
                           gint64            id)
{
  g_return_if_fail (SHENBAO_IS_WORK_ENTRY (self));

  self->id = id;
}

gboolean
shenbao_work_entry_is_present (ShenbaoWorkEntry *self)
{
  return g_strcmp0 (shenbao_work_entry_get (self, SHENBAO_WORK_FIELD_TO), SHENBAO_PRESENT) == 0;
}

static void
shenbao_work_entry_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ShenbaoWorkEntry *self = SHENBAO_WORK_ENTRY (object);

  if (prop_id == 0 || prop_id > SHENBAO_N_WORK_FIELDS)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }
  g_value_set_string (value, shenbao_work_entry_get (self, prop_id - 1));
}

static void
shenbao_work_entry_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  ShenbaoWorkEntry *self = SHENBAO_WORK_ENTRY (object);

  if (prop_id == 0 || prop_id > SHENBAO_N_WORK_FIELDS)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }
  shenbao_work_entry_set (self, prop_id - 1, g_value_get_string (value));
}

static void
shenbao_work_entry_finalize (GObject *object)
{
  ShenbaoWorkEntry *self = SHENBAO_WORK_ENTRY (object);

  for (int i = 0; i < SHENBAO_N_WORK_FIELDS; i++)
    g_free (self->values[i]);
  G_OBJECT_CLASS (shenbao_work_entry_parent_class)->finalize (object);
}

static void
shenbao_work_entry_class_init (ShenbaoWorkEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = shenbao_work_entry_get_property;
  object_class->set_property = shenbao_work_entry_set_property;
  object_class->finalize = shenbao_work_entry_finalize;

  for (int i = 0; i < SHENBAO_N_WORK_FIELDS; i++)
    properties[i + 1] = g_param_spec_string (field_names[i], NULL, NULL, "",
                                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY
                                             | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, SHENBAO_N_WORK_FIELDS + 1, properties);
}

static void
shenbao_work_entry_init (ShenbaoWorkEntry *self)
{
}
