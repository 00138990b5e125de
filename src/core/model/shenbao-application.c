/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shenbao-application"

#include "config.h"

#include <string.h>

#include "shenbao-application.h"
#include "shenbao-date.h"
#include "shenbao-string-private.h"

struct _ShenbaoApplication
{
  GObject parent_instance;

  gint64 id;
  char *values[SHENBAO_N_FIELDS];
  GListStore *work_entries;
  GPtrArray *attachments;
};

G_DEFINE_FINAL_TYPE (ShenbaoApplication, shenbao_application, G_TYPE_OBJECT)

enum
{
  SIGNAL_WORK_ENTRY_CHANGED,
  SIGNAL_ATTACHMENT_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];
static GParamSpec *properties[SHENBAO_N_FIELDS + 1];

typedef struct
{
  const char *name;
  const char *property;
  const char *xml_parent;
  const char *xml_name;
  gboolean    attribute;
} FieldInfo;

/* Where each field stands in the application file (data/application.rng). */
static const FieldInfo fields[SHENBAO_N_FIELDS] = {
  [SHENBAO_FIELD_OCCUPATION] = { "occupation", "occupation", NULL, "occupation", FALSE },
  [SHENBAO_FIELD_LEVEL] = { "level", "level", NULL, "level", FALSE },
  [SHENBAO_FIELD_CONDITION] = { "condition", "condition", NULL, "condition", FALSE },
  [SHENBAO_FIELD_PLAN_NAME] = { "plan/name", "plan-name", "plan", "name", TRUE },
  [SHENBAO_FIELD_PLAN_DEADLINE] = { "plan/deadline", "plan-deadline", "plan", "deadline", TRUE },
  [SHENBAO_FIELD_SIGNATURE_DATE] = { "signature-date", "signature-date", NULL, "signature-date", FALSE },
  [SHENBAO_FIELD_PERSON_NAME] = { "person/name", "person-name", "person", "name", FALSE },
  [SHENBAO_FIELD_PERSON_GENDER] = { "person/gender", "person-gender", "person", "gender", FALSE },
  [SHENBAO_FIELD_PERSON_BIRTH_DATE] = { "person/birth-date", "person-birth-date", "person", "birth-date", FALSE },
  [SHENBAO_FIELD_PERSON_ETHNICITY] = { "person/ethnicity", "person-ethnicity", "person", "ethnicity", FALSE },
  [SHENBAO_FIELD_PERSON_EDUCATION_LEVEL] = { "person/education-level", "person-education-level", "person", "education-level", FALSE },
  [SHENBAO_FIELD_PERSON_ID_NUMBER] = { "person/id-number", "person-id-number", "person", "id-number", FALSE },
  [SHENBAO_FIELD_PERSON_ID_VALID_UNTIL] = { "person/id-valid-until", "person-id-valid-until", "person", "id-valid-until", FALSE },
  [SHENBAO_FIELD_PERSON_MOBILE] = { "person/mobile", "person-mobile", "person", "mobile", FALSE },
  [SHENBAO_FIELD_PERSON_PHONE] = { "person/phone", "person-phone", "person", "phone", FALSE },
  [SHENBAO_FIELD_PERSON_EMAIL] = { "person/email", "person-email", "person", "email", FALSE },
  [SHENBAO_FIELD_PERSON_POSTCODE] = { "person/postcode", "person-postcode", "person", "postcode", FALSE },
  [SHENBAO_FIELD_PERSON_ASSESSMENT_CATEGORY] = { "person/assessment-category", "person-assessment-category", "person", "assessment-category", FALSE },
  [SHENBAO_FIELD_PERSON_SOURCE] = { "person/source", "person-source", "person", "source", FALSE },
  [SHENBAO_FIELD_PERSON_IDENTITY] = { "person/identity", "person-identity", "person", "identity", FALSE },
  [SHENBAO_FIELD_CERTIFICATE_OCCUPATION] = { "certificate/occupation", "certificate-occupation", "certificate", "occupation", TRUE },
  [SHENBAO_FIELD_CERTIFICATE_LEVEL] = { "certificate/level", "certificate-level", "certificate", "level", TRUE },
  [SHENBAO_FIELD_CERTIFICATE_NUMBER] = { "certificate/number", "certificate-number", "certificate", "number", TRUE },
  [SHENBAO_FIELD_CERTIFICATE_ISSUED] = { "certificate/issued", "certificate-issued", "certificate", "issued", TRUE },
  [SHENBAO_FIELD_EDUCATION_SCHOOL_TYPE] = { "education/school-type", "education-school-type", "education", "school-type", TRUE },
  [SHENBAO_FIELD_EDUCATION_SCHOOL] = { "education/school", "education-school", "education", "school", TRUE },
  [SHENBAO_FIELD_EDUCATION_MAJOR] = { "education/major", "education-major", "education", "major", TRUE },
  [SHENBAO_FIELD_EDUCATION_FROM] = { "education/from", "education-from", "education", "from", TRUE },
  [SHENBAO_FIELD_EDUCATION_TO] = { "education/to", "education-to", "education", "to", TRUE },
  [SHENBAO_FIELD_EDUCATION_STATUS] = { "education/status", "education-status", "education", "status", TRUE },
  [SHENBAO_FIELD_EDUCATION_CHSI_CODE] = { "education/chsi-code", "education-chsi-code", "education", "chsi-code", TRUE },
};

const char *
shenbao_field_name (ShenbaoField field)
{
  g_return_val_if_fail (field < SHENBAO_N_FIELDS, NULL);

  return fields[field].name;
}

const char *
shenbao_field_property (ShenbaoField field)
{
  g_return_val_if_fail (field < SHENBAO_N_FIELDS, NULL);

  return fields[field].property;
}

gboolean
shenbao_field_from_name (const char   *name,
                         ShenbaoField *field)
{
  for (int i = 0; i < SHENBAO_N_FIELDS; i++)
    if (g_strcmp0 (name, fields[i].name) == 0)
      {
        *field = i;
        return TRUE;
      }
  return FALSE;
}

const char *
shenbao_field_xml_parent (ShenbaoField field)
{
  g_return_val_if_fail (field < SHENBAO_N_FIELDS, NULL);

  return fields[field].xml_parent;
}

const char *
shenbao_field_xml_name (ShenbaoField field)
{
  g_return_val_if_fail (field < SHENBAO_N_FIELDS, NULL);

  return fields[field].xml_name;
}

gboolean
shenbao_field_is_attribute (ShenbaoField field)
{
  g_return_val_if_fail (field < SHENBAO_N_FIELDS, FALSE);

  return fields[field].attribute;
}

ShenbaoApplication *
shenbao_application_new (void)
{
  return g_object_new (SHENBAO_TYPE_APPLICATION, NULL);
}

/* A copy with no store id: what "duplicate" starts from. */
ShenbaoApplication *
shenbao_application_copy (ShenbaoApplication *self)
{
  ShenbaoApplication *copy = shenbao_application_new ();
  guint n_entries = shenbao_application_get_n_work_entries (self);

  for (int i = 0; i < SHENBAO_N_FIELDS; i++)
    copy->values[i] = g_strdup (self->values[i]);
  for (guint i = 0; i < n_entries; i++)
    {
      g_autoptr(ShenbaoWorkEntry) entry = shenbao_application_get_work_entry (self, i);
      g_autoptr(ShenbaoWorkEntry) entry_copy = shenbao_work_entry_copy (entry);

      shenbao_application_append_work_entry (copy, entry_copy);
    }
  for (guint i = 0; i < self->attachments->len; i++)
    g_ptr_array_add (copy->attachments,
                     shenbao_attachment_copy (g_ptr_array_index (self->attachments, i)));
  return copy;
}

gint64
shenbao_application_get_id (ShenbaoApplication *self)
{
  g_return_val_if_fail (SHENBAO_IS_APPLICATION (self), 0);

  return self->id;
}

void
shenbao_application_set_id (ShenbaoApplication *self,
                            gint64              id)
{
  g_return_if_fail (SHENBAO_IS_APPLICATION (self));

  self->id = id;
}

const char *
shenbao_application_get (ShenbaoApplication *self,
                         ShenbaoField        field)
{
  g_return_val_if_fail (SHENBAO_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (field < SHENBAO_N_FIELDS, NULL);

  return self->values[field] != NULL ? self->values[field] : "";
}

void
shenbao_application_set (ShenbaoApplication *self,
                         ShenbaoField        field,
                         const char         *value)
{
  g_return_if_fail (SHENBAO_IS_APPLICATION (self));
  g_return_if_fail (field < SHENBAO_N_FIELDS);

  if (value != NULL && *value == '\0')
    value = NULL;
  if (shenbao_set_string (&self->values[field], value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[field + 1]);
}

int
shenbao_application_get_condition (ShenbaoApplication *self)
{
  const char *text = shenbao_application_get (self, SHENBAO_FIELD_CONDITION);

  if (strlen (text) == 1 && text[0] >= '1' && text[0] <= '3')
    return text[0] - '0';
  return 0;
}

gboolean
shenbao_application_get_date (ShenbaoApplication *self,
                              ShenbaoField        field,
                              GDate              *date)
{
  return shenbao_date_parse (shenbao_application_get (self, field), date, NULL);
}

GListModel *
shenbao_application_get_work_entries (ShenbaoApplication *self)
{
  g_return_val_if_fail (SHENBAO_IS_APPLICATION (self), NULL);

  return G_LIST_MODEL (self->work_entries);
}

guint
shenbao_application_get_n_work_entries (ShenbaoApplication *self)
{
  g_return_val_if_fail (SHENBAO_IS_APPLICATION (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->work_entries));
}

/* Returns a new reference, as g_list_model_get_item() does. */
ShenbaoWorkEntry *
shenbao_application_get_work_entry (ShenbaoApplication *self,
                                    guint               position)
{
  g_return_val_if_fail (SHENBAO_IS_APPLICATION (self), NULL);

  return g_list_model_get_item (G_LIST_MODEL (self->work_entries), position);
}

static void
work_entry_notify (ShenbaoWorkEntry   *entry,
                   GParamSpec         *pspec,
                   ShenbaoApplication *self)
{
  g_signal_emit (self, signals[SIGNAL_WORK_ENTRY_CHANGED], 0, entry, pspec->name);
}

void
shenbao_application_append_work_entry (ShenbaoApplication *self,
                                       ShenbaoWorkEntry   *entry)
{
  g_return_if_fail (SHENBAO_IS_APPLICATION (self));
  g_return_if_fail (SHENBAO_IS_WORK_ENTRY (entry));

  g_signal_connect_object (entry, "notify", G_CALLBACK (work_entry_notify), self, 0);
  g_list_store_append (self->work_entries, entry);
}

void
shenbao_application_remove_work_entry (ShenbaoApplication *self,
                                       guint               position)
{
  g_autoptr(ShenbaoWorkEntry) entry = NULL;

  g_return_if_fail (SHENBAO_IS_APPLICATION (self));
  g_return_if_fail (position < shenbao_application_get_n_work_entries (self));

  entry = shenbao_application_get_work_entry (self, position);
  g_signal_handlers_disconnect_by_func (entry, work_entry_notify, self);
  g_list_store_remove (self->work_entries, position);
}

/* One splice, so that the move is a single items-changed: a listener (the
 * store's autosave) never sees the entry removed before it is put back, and
 * so never deletes it in between. */
void
shenbao_application_move_work_entry (ShenbaoApplication *self,
                                     guint               from,
                                     guint               to)
{
  g_autoptr(GPtrArray) reordered = NULL;
  guint n_entries, first, last;

  g_return_if_fail (SHENBAO_IS_APPLICATION (self));
  n_entries = shenbao_application_get_n_work_entries (self);
  g_return_if_fail (from < n_entries && to < n_entries);

  if (from == to)
    return;
  first = MIN (from, to);
  last = MAX (from, to);
  reordered = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = first; i <= last; i++)
    g_ptr_array_add (reordered, shenbao_application_get_work_entry (self, i));
  if (from < to)
    {
      gpointer moved = reordered->pdata[0];

      memmove (reordered->pdata, reordered->pdata + 1, (last - first) * sizeof (gpointer));
      reordered->pdata[last - first] = moved;
    }
  else
    {
      gpointer moved = reordered->pdata[last - first];

      memmove (reordered->pdata + 1, reordered->pdata, (last - first) * sizeof (gpointer));
      reordered->pdata[0] = moved;
    }
  g_list_store_splice (self->work_entries, first, reordered->len, reordered->pdata, reordered->len);
}

GPtrArray *
shenbao_application_get_attachments (ShenbaoApplication *self)
{
  g_return_val_if_fail (SHENBAO_IS_APPLICATION (self), NULL);

  return self->attachments;
}

static gboolean
find_attachment (ShenbaoApplication *self,
                 const char         *slot,
                 guint              *index)
{
  for (guint i = 0; i < self->attachments->len; i++)
    {
      const ShenbaoAttachment *attachment = g_ptr_array_index (self->attachments, i);

      if (g_strcmp0 (attachment->slot, slot) == 0)
        {
          *index = i;
          return TRUE;
        }
    }
  return FALSE;
}

const ShenbaoAttachment *
shenbao_application_get_attachment (ShenbaoApplication *self,
                                    const char         *slot)
{
  guint index;

  g_return_val_if_fail (SHENBAO_IS_APPLICATION (self), NULL);

  return find_attachment (self, slot, &index) ? g_ptr_array_index (self->attachments, index) : NULL;
}

static void
put_attachment (ShenbaoApplication *self,
                ShenbaoAttachment  *attachment)
{
  const char *slot = attachment->slot;
  guint index;

  if (find_attachment (self, slot, &index))
    {
      shenbao_attachment_free (g_ptr_array_index (self->attachments, index));
      self->attachments->pdata[index] = attachment;
    }
  else
    g_ptr_array_add (self->attachments, attachment);
  g_signal_emit (self, signals[SIGNAL_ATTACHMENT_CHANGED], 0, slot);
}

void
shenbao_application_set_attachment (ShenbaoApplication *self,
                                    const char         *slot,
                                    const char         *filename,
                                    GBytes             *data)
{
  g_return_if_fail (SHENBAO_IS_APPLICATION (self));
  g_return_if_fail (slot != NULL);

  put_attachment (self, shenbao_attachment_new (slot, filename, data));
}

void
shenbao_application_set_unread_attachment (ShenbaoApplication *self,
                                           const char         *slot,
                                           const char         *filename,
                                           const char         *problem)
{
  ShenbaoAttachment *attachment;

  g_return_if_fail (SHENBAO_IS_APPLICATION (self));
  g_return_if_fail (slot != NULL);

  attachment = shenbao_attachment_new (slot, filename, NULL);
  attachment->problem = g_strdup (problem);
  put_attachment (self, attachment);
}

void
shenbao_application_remove_attachment (ShenbaoApplication *self,
                                       const char         *slot)
{
  g_autofree char *removed_slot = g_strdup (slot);
  guint index;

  g_return_if_fail (SHENBAO_IS_APPLICATION (self));

  if (!find_attachment (self, slot, &index))
    return;
  g_ptr_array_remove_index (self->attachments, index);
  g_signal_emit (self, signals[SIGNAL_ATTACHMENT_CHANGED], 0, removed_slot);
}

static void
shenbao_application_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  if (prop_id == 0 || prop_id > SHENBAO_N_FIELDS)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }
  g_value_set_string (value, shenbao_application_get (SHENBAO_APPLICATION (object), prop_id - 1));
}

static void
shenbao_application_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  if (prop_id == 0 || prop_id > SHENBAO_N_FIELDS)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }
  shenbao_application_set (SHENBAO_APPLICATION (object), prop_id - 1, g_value_get_string (value));
}

static void
shenbao_application_finalize (GObject *object)
{
  ShenbaoApplication *self = SHENBAO_APPLICATION (object);

  for (int i = 0; i < SHENBAO_N_FIELDS; i++)
    g_free (self->values[i]);
  g_clear_object (&self->work_entries);
  g_clear_pointer (&self->attachments, g_ptr_array_unref);
  G_OBJECT_CLASS (shenbao_application_parent_class)->finalize (object);
}

static void
shenbao_application_class_init (ShenbaoApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = shenbao_application_get_property;
  object_class->set_property = shenbao_application_set_property;
  object_class->finalize = shenbao_application_finalize;

  for (int i = 0; i < SHENBAO_N_FIELDS; i++)
    properties[i + 1] = g_param_spec_string (fields[i].property, NULL, NULL, "",
                                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY
                                             | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, SHENBAO_N_FIELDS + 1, properties);

  /* A work entry's field changed: the entry and the field's name. Adding,
   * removing and moving entries are the list model's items-changed. */
  signals[SIGNAL_WORK_ENTRY_CHANGED] =
    g_signal_new ("work-entry-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, SHENBAO_TYPE_WORK_ENTRY, G_TYPE_STRING);
  /* An attachment was set, replaced or removed: the slot's name. */
  signals[SIGNAL_ATTACHMENT_CHANGED] =
    g_signal_new ("attachment-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
shenbao_application_init (ShenbaoApplication *self)
{
  self->work_entries = g_list_store_new (SHENBAO_TYPE_WORK_ENTRY);
  self->attachments = g_ptr_array_new_with_free_func ((GDestroyNotify) shenbao_attachment_free);
}
