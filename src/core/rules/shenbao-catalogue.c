/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shenbao-catalogue"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "shenbao-catalogue.h"
#include "shenbao-date.h"
#include "shenbao-error.h"
#include "shenbao-paths.h"
#include "shenbao-xml.h"

typedef struct
{
  char       *name;
  GStrv       related;
  char       *related_tail;
  GStrv       majors_for_all;   /* one list for every school type, or NULL */
  GHashTable *majors;           /* school type → GStrv */
} Occupation;

typedef struct
{
  char *text;
  int   months;
} Condition;

struct _ShenbaoCatalogue
{
  GObject parent_instance;

  char *season;
  char *level_name;
  GStrv lists[SHENBAO_N_LISTS];
  char *list_defaults[SHENBAO_N_LISTS];
  GHashTable *judged_as;         /* school type → school type whose lists apply */
  Condition conditions[3];
  GPtrArray *slots;              /* ShenbaoSlot */
  GPtrArray *materials[3];       /* borrowed ShenbaoSlot */
  GHashTable *mailing_copies;    /* slot id → copies */
  char *mailing_address;
  char *mailing_contact;
  char *mailing_phone;
  char *mailing_note;
  GPtrArray *occupations;        /* Occupation */
  GStrv occupation_names;
};

G_DEFINE_FINAL_TYPE (ShenbaoCatalogue, shenbao_catalogue, G_TYPE_OBJECT)

static const char *list_elements[SHENBAO_N_LISTS] = {
  [SHENBAO_LIST_SCHOOL_TYPES] = "school-types",
  [SHENBAO_LIST_EDUCATION_LEVELS] = "education-levels",
  [SHENBAO_LIST_ETHNIC_GROUPS] = "ethnic-groups",
  [SHENBAO_LIST_IDENTITIES] = "identities",
  [SHENBAO_LIST_ASSESSMENT_CATEGORIES] = "assessment-categories",
  [SHENBAO_LIST_SOURCES] = "sources",
};

static void
slot_free (ShenbaoSlot *slot)
{
  g_free (slot->id);
  g_free (slot->name);
  g_free (slot);
}

static void
occupation_free (Occupation *occupation)
{
  g_free (occupation->name);
  g_strfreev (occupation->related);
  g_free (occupation->related_tail);
  g_strfreev (occupation->majors_for_all);
  g_hash_table_unref (occupation->majors);
  g_free (occupation);
}

/* The texts of every element child of parent, in order. Duplicates are a
 * mistake in the data (the schema cannot say so): refused by name. */
static GStrv
collect_texts (xmlNode     *parent,
               const char  *path,
               GError     **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (xmlNode *child = parent->children; child != NULL; child = child->next)
    {
      char *text;

      if (child->type != XML_ELEMENT_NODE)
        continue;
      text = shenbao_xml_text (child);
      if (!g_hash_table_add (seen, text))
        {
          g_set_error (error, SHENBAO_ERROR, SHENBAO_ERROR_SCHEMA,
                       _("catalogue.xml, line %d: “%s” is listed twice in %s"),
                       child->line, text, path);
          return NULL;
        }
      g_strv_builder_add (builder, text);
    }
  return g_strv_builder_end (builder);
}

static gboolean
load_lists (ShenbaoCatalogue  *self,
            xmlNode           *root,
            GError           **error)
{
  xmlNode *school_types = shenbao_xml_child (root, "school-types");

  for (int i = 0; i < SHENBAO_N_LISTS; i++)
    {
      xmlNode *node = shenbao_xml_child (root, list_elements[i]);
      g_autofree char *fallback = shenbao_xml_attribute (node, "default");

      self->lists[i] = collect_texts (node, list_elements[i], error);
      if (self->lists[i] == NULL)
        return FALSE;
      if (*fallback != '\0')
        {
          if (!g_strv_contains ((const char * const *) self->lists[i], fallback))
            {
              g_set_error (error, SHENBAO_ERROR, SHENBAO_ERROR_SCHEMA,
                           _("catalogue.xml, line %d: the default “%s” is not in the list"),
                           node->line, fallback);
              return FALSE;
            }
          self->list_defaults[i] = g_steal_pointer (&fallback);
        }
    }

  for (xmlNode *child = school_types->children; child != NULL; child = child->next)
    {
      g_autofree char *judged_as = shenbao_xml_attribute (child, "judged-as");

      if (shenbao_xml_is (child, "school-type") && *judged_as != '\0')
        g_hash_table_insert (self->judged_as, shenbao_xml_text (child), g_steal_pointer (&judged_as));
    }
  return TRUE;
}

static void
load_conditions (ShenbaoCatalogue *self,
                 xmlNode          *root)
{
  xmlNode *conditions = shenbao_xml_child (root, "conditions");

  for (xmlNode *child = conditions->children; child != NULL; child = child->next)
    {
      g_autofree char *number = shenbao_xml_attribute (child, "number");
      g_autofree char *months = shenbao_xml_attribute (child, "months");
      Condition *condition;

      if (!shenbao_xml_is (child, "condition"))
        continue;
      /* The schema allows only 1, 2 and 3. */
      condition = &self->conditions[number[0] - '1'];
      g_free (condition->text);
      condition->text = shenbao_xml_text (child);
      condition->months = (int) g_ascii_strtoll (months, NULL, 10);
    }
}

static gboolean
load_slots (ShenbaoCatalogue  *self,
            xmlNode           *root,
            GError           **error)
{
  static const struct { const char *name; ShenbaoSlotKind kind; } kinds[] = {
    { "id-card", SHENBAO_SLOT_KIND_ID_CARD },
    { "photo", SHENBAO_SLOT_KIND_PHOTO },
    { "handwritten-form", SHENBAO_SLOT_KIND_HANDWRITTEN_FORM },
    { "document", SHENBAO_SLOT_KIND_DOCUMENT },
  };
  xmlNode *slots = shenbao_xml_child (root, "slots");

  for (xmlNode *child = slots->children; child != NULL; child = child->next)
    {
      g_autofree char *kind = shenbao_xml_attribute (child, "kind");
      g_autofree char *copies = shenbao_xml_attribute (child, "copies");
      ShenbaoSlot *slot;

      if (!shenbao_xml_is (child, "slot"))
        continue;
      slot = g_new0 (ShenbaoSlot, 1);
      slot->id = shenbao_xml_attribute (child, "id");
      slot->name = shenbao_xml_text (child);
      slot->copies = (int) g_ascii_strtoll (copies, NULL, 10);
      for (gsize i = 0; i < G_N_ELEMENTS (kinds); i++)
        if (g_str_equal (kind, kinds[i].name))
          slot->kind = kinds[i].kind;
      if (shenbao_catalogue_find_slot (self, slot->id) != NULL
          || shenbao_catalogue_find_slot (self, slot->name) != NULL)
        {
          g_set_error (error, SHENBAO_ERROR, SHENBAO_ERROR_SCHEMA,
                       _("catalogue.xml, line %d: the slot “%s” is declared twice"),
                       child->line, slot->id);
          slot_free (slot);
          return FALSE;
        }
      g_ptr_array_add (self->slots, slot);
    }
  return TRUE;
}

static const ShenbaoSlot *
find_declared_slot (ShenbaoCatalogue  *self,
                    xmlNode           *node,
                    const char        *attribute,
                    GError           **error)
{
  g_autofree char *id = shenbao_xml_attribute (node, attribute);
  const ShenbaoSlot *slot = shenbao_catalogue_find_slot (self, id);

  if (slot == NULL)
    g_set_error (error, SHENBAO_ERROR, SHENBAO_ERROR_SCHEMA,
                 _("catalogue.xml, line %d: no slot “%s” is declared"), node->line, id);
  return slot;
}

static gboolean
load_materials_and_mailing (ShenbaoCatalogue  *self,
                            xmlNode           *root,
                            GError           **error)
{
  xmlNode *mailing = shenbao_xml_child (root, "mailing");

  for (xmlNode *child = root->children; child != NULL; child = child->next)
    {
      g_autofree char *number = shenbao_xml_attribute (child, "condition");
      GPtrArray *materials;

      if (!shenbao_xml_is (child, "materials"))
        continue;
      materials = self->materials[number[0] - '1'];
      for (xmlNode *ref = child->children; ref != NULL; ref = ref->next)
        {
          const ShenbaoSlot *slot;

          if (!shenbao_xml_is (ref, "slot-ref"))
            continue;
          slot = find_declared_slot (self, ref, "id", error);
          if (slot == NULL)
            return FALSE;
          g_ptr_array_add (materials, (gpointer) slot);
        }
    }

  self->mailing_address = shenbao_xml_text (shenbao_xml_child (mailing, "address"));
  self->mailing_contact = shenbao_xml_text (shenbao_xml_child (mailing, "contact"));
  self->mailing_phone = shenbao_xml_text (shenbao_xml_child (mailing, "phone"));
  self->mailing_note = shenbao_xml_attribute (mailing, "deadline-note");
  for (xmlNode *item = mailing->children; item != NULL; item = item->next)
    {
      g_autofree char *copies = shenbao_xml_attribute (item, "copies");
      const ShenbaoSlot *slot;

      if (!shenbao_xml_is (item, "item"))
        continue;
      slot = find_declared_slot (self, item, "slot", error);
      if (slot == NULL)
        return FALSE;
      g_hash_table_insert (self->mailing_copies, slot->id,
                           GINT_TO_POINTER ((int) g_ascii_strtoll (copies, NULL, 10)));
    }
  return TRUE;
}

static Occupation *
load_occupation (xmlNode  *node,
                 GError  **error)
{
  Occupation *occupation = g_new0 (Occupation, 1);
  xmlNode *related = shenbao_xml_child (node, "related-occupations");

  occupation->name = shenbao_xml_attribute (node, "name");
  occupation->majors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_strfreev);
  occupation->related_tail = shenbao_xml_attribute (related, "tail");
  occupation->related = collect_texts (related, occupation->name, error);
  if (occupation->related == NULL)
    goto fail;

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      g_autofree char *school_type = shenbao_xml_attribute (child, "school-type");
      GStrv majors;

      if (!shenbao_xml_is (child, "majors"))
        continue;
      majors = collect_texts (child, occupation->name, error);
      if (majors == NULL)
        goto fail;
      if (*school_type == '\0')
        {
          occupation->majors_for_all = majors;
          continue;
        }
      if (!g_hash_table_insert (occupation->majors, g_steal_pointer (&school_type), majors))
        {
          g_set_error (error, SHENBAO_ERROR, SHENBAO_ERROR_SCHEMA,
                       _("catalogue.xml, line %d: a school type has two major lists"), child->line);
          goto fail;
        }
    }
  return occupation;

fail:
  occupation_free (occupation);
  return NULL;
}

static gboolean
load_occupations (ShenbaoCatalogue  *self,
                  xmlNode           *root,
                  GError           **error)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();

  for (xmlNode *child = root->children; child != NULL; child = child->next)
    {
      Occupation *occupation;

      if (!shenbao_xml_is (child, "occupation"))
        continue;
      occupation = load_occupation (child, error);
      if (occupation == NULL)
        return FALSE;
      g_ptr_array_add (self->occupations, occupation);
      g_strv_builder_add (names, occupation->name);
    }
  self->occupation_names = g_strv_builder_end (names);
  return TRUE;
}

static ShenbaoCatalogue *
catalogue_from_document (xmlDoc  *doc,
                         GError **error)
{
  g_autoptr(ShenbaoCatalogue) self = NULL;
  xmlNode *root = xmlDocGetRootElement (doc);

  self = g_object_new (SHENBAO_TYPE_CATALOGUE, NULL);
  self->season = shenbao_xml_attribute (root, "season");
  self->level_name = shenbao_xml_attribute (shenbao_xml_child (root, "level"), "name");
  load_conditions (self, root);
  if (!load_lists (self, root, error) || !load_slots (self, root, error)
      || !load_materials_and_mailing (self, root, error) || !load_occupations (self, root, error))
    return NULL;
  return g_steal_pointer (&self);
}

ShenbaoCatalogue *
shenbao_catalogue_load (const char  *path,
                        GError     **error)
{
  g_autoptr(xmlDoc) doc = shenbao_xml_parse_file (path, "catalogue.rng", error);

  return doc != NULL ? catalogue_from_document (doc, error) : NULL;
}

ShenbaoCatalogue *
shenbao_catalogue_load_data (const char  *data,
                             gsize        length,
                             GError     **error)
{
  g_autoptr(xmlDoc) doc = shenbao_xml_parse (data, length, "catalogue.xml", "catalogue.rng", error);

  return doc != NULL ? catalogue_from_document (doc, error) : NULL;
}

/* A program run from a build tree, not installed, finds no data folder under
 * its prefix: the message says where it looked and how to point it at the
 * source tree's data/ instead. */
static void
not_found (GError    **error,
           const char *path)
{
  const char *variable = g_getenv ("SHENBAO_DATA_DIR");

  if (variable != NULL && *variable != '\0')
    g_set_error (error, SHENBAO_ERROR, SHENBAO_ERROR_NOT_FOUND,
                 _("The guide’s catalogue was not found at %s, where SHENBAO_DATA_DIR points: set it to the "
                   "data folder of the source tree"), path);
  else
    g_set_error (error, SHENBAO_ERROR, SHENBAO_ERROR_NOT_FOUND,
                 _("The guide’s catalogue was not found at %s, where an installed Shenbao keeps it. From a "
                   "build tree, start it with ./run.sh (./run.sh cli … for the command line) or inside "
                   "“meson devenv -C build”, or set SHENBAO_DATA_DIR to the data folder of the source tree"),
                 path);
}

ShenbaoCatalogue *
shenbao_catalogue_get_default (GError **error)
{
  G_LOCK_DEFINE_STATIC (default_catalogue);
  static ShenbaoCatalogue *default_catalogue;
  ShenbaoCatalogue *catalogue;

  G_LOCK (default_catalogue);
  if (default_catalogue == NULL)
    {
      g_autofree char *path = shenbao_data_path ("catalogue.xml");
      g_autoptr(GError) local_error = NULL;

      default_catalogue = shenbao_catalogue_load (path, &local_error);
      if (g_error_matches (local_error, SHENBAO_ERROR, SHENBAO_ERROR_NOT_FOUND))
        not_found (error, path);
      else if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
    }
  catalogue = default_catalogue;
  G_UNLOCK (default_catalogue);
  return catalogue;
}

ShenbaoApplication *
shenbao_catalogue_new_application (ShenbaoCatalogue *self,
                                   const GDate      *today)
{
  ShenbaoApplication *application = shenbao_application_new ();
  g_autofree char *signature = shenbao_date_format (today);

  shenbao_application_set (application, SHENBAO_FIELD_LEVEL, "4");
  shenbao_application_set (application, SHENBAO_FIELD_SIGNATURE_DATE, signature);
  shenbao_application_set (application, SHENBAO_FIELD_PERSON_IDENTITY,
                           self->list_defaults[SHENBAO_LIST_IDENTITIES]);
  shenbao_application_set (application, SHENBAO_FIELD_PERSON_ASSESSMENT_CATEGORY,
                           self->list_defaults[SHENBAO_LIST_ASSESSMENT_CATEGORIES]);
  shenbao_application_set (application, SHENBAO_FIELD_PERSON_SOURCE,
                           self->list_defaults[SHENBAO_LIST_SOURCES]);
  return application;
}

const char *
shenbao_catalogue_get_season (ShenbaoCatalogue *self)
{
  return self->season;
}

const char *
shenbao_catalogue_get_level_name (ShenbaoCatalogue *self)
{
  return self->level_name;
}

const char * const *
shenbao_catalogue_get_list (ShenbaoCatalogue *self,
                            ShenbaoList       list)
{
  g_return_val_if_fail (list < SHENBAO_N_LISTS, NULL);

  return (const char * const *) self->lists[list];
}

const char *
shenbao_catalogue_get_list_default (ShenbaoCatalogue *self,
                                    ShenbaoList       list)
{
  g_return_val_if_fail (list < SHENBAO_N_LISTS, NULL);

  return self->list_defaults[list];
}

const char * const *
shenbao_catalogue_get_occupations (ShenbaoCatalogue *self)
{
  return (const char * const *) self->occupation_names;
}

static Occupation *
find_occupation (ShenbaoCatalogue *self,
                 const char       *name)
{
  for (guint i = 0; i < self->occupations->len; i++)
    {
      Occupation *occupation = g_ptr_array_index (self->occupations, i);

      if (g_strcmp0 (occupation->name, name) == 0)
        return occupation;
    }
  return NULL;
}

gboolean
shenbao_catalogue_has_occupation (ShenbaoCatalogue *self,
                                  const char       *occupation)
{
  return find_occupation (self, occupation) != NULL;
}

const char * const *
shenbao_catalogue_get_related_occupations (ShenbaoCatalogue *self,
                                           const char       *name)
{
  Occupation *occupation = find_occupation (self, name);

  return occupation != NULL ? (const char * const *) occupation->related : NULL;
}

const char *
shenbao_catalogue_get_related_occupations_tail (ShenbaoCatalogue *self,
                                                const char       *name)
{
  Occupation *occupation = find_occupation (self, name);

  return occupation != NULL ? occupation->related_tail : NULL;
}

gboolean
shenbao_catalogue_majors_by_school_type (ShenbaoCatalogue *self,
                                         const char       *name)
{
  Occupation *occupation = find_occupation (self, name);

  return occupation != NULL && occupation->majors_for_all == NULL;
}

const char * const *
shenbao_catalogue_get_majors (ShenbaoCatalogue *self,
                              const char       *name,
                              const char       *school_type)
{
  Occupation *occupation = find_occupation (self, name);
  const char *judged_as;

  if (occupation == NULL)
    return NULL;
  if (occupation->majors_for_all != NULL)
    return (const char * const *) occupation->majors_for_all;
  judged_as = shenbao_catalogue_get_judged_as (self, school_type);
  return g_hash_table_lookup (occupation->majors, judged_as != NULL ? judged_as
                                                                    : school_type != NULL ? school_type : "");
}

const char *
shenbao_catalogue_get_judged_as (ShenbaoCatalogue *self,
                                 const char       *school_type)
{
  return g_hash_table_lookup (self->judged_as, school_type != NULL ? school_type : "");
}

const char *
shenbao_catalogue_get_condition_text (ShenbaoCatalogue *self,
                                      int               condition)
{
  g_return_val_if_fail (condition >= 1 && condition <= 3, NULL);

  return self->conditions[condition - 1].text;
}

int
shenbao_catalogue_get_condition_months (ShenbaoCatalogue *self,
                                        int               condition)
{
  g_return_val_if_fail (condition >= 1 && condition <= 3, 0);

  return self->conditions[condition - 1].months;
}

GPtrArray *
shenbao_catalogue_get_slots (ShenbaoCatalogue *self)
{
  return self->slots;
}

const ShenbaoSlot *
shenbao_catalogue_find_slot (ShenbaoCatalogue *self,
                             const char       *id_or_name)
{
  for (guint i = 0; i < self->slots->len; i++)
    {
      const ShenbaoSlot *slot = g_ptr_array_index (self->slots, i);

      if (g_strcmp0 (slot->id, id_or_name) == 0 || g_strcmp0 (slot->name, id_or_name) == 0)
        return slot;
    }
  return NULL;
}

GPtrArray *
shenbao_catalogue_get_materials (ShenbaoCatalogue *self,
                                 int               condition)
{
  g_return_val_if_fail (condition >= 1 && condition <= 3, NULL);

  return self->materials[condition - 1];
}

const char *
shenbao_catalogue_get_mailing_address (ShenbaoCatalogue *self)
{
  return self->mailing_address;
}

const char *
shenbao_catalogue_get_mailing_contact (ShenbaoCatalogue *self)
{
  return self->mailing_contact;
}

const char *
shenbao_catalogue_get_mailing_phone (ShenbaoCatalogue *self)
{
  return self->mailing_phone;
}

const char *
shenbao_catalogue_get_mailing_note (ShenbaoCatalogue *self)
{
  return self->mailing_note;
}

int
shenbao_catalogue_get_mailing_copies (ShenbaoCatalogue *self,
                                      const char       *slot_id)
{
  return GPOINTER_TO_INT (g_hash_table_lookup (self->mailing_copies, slot_id));
}

static void
shenbao_catalogue_finalize (GObject *object)
{
  ShenbaoCatalogue *self = SHENBAO_CATALOGUE (object);

  g_free (self->season);
  g_free (self->level_name);
  for (int i = 0; i < SHENBAO_N_LISTS; i++)
    {
      g_strfreev (self->lists[i]);
      g_free (self->list_defaults[i]);
    }
  g_hash_table_unref (self->judged_as);
  for (int i = 0; i < 3; i++)
    {
      g_free (self->conditions[i].text);
      g_ptr_array_unref (self->materials[i]);
    }
  g_ptr_array_unref (self->slots);
  g_hash_table_unref (self->mailing_copies);
  g_free (self->mailing_address);
  g_free (self->mailing_contact);
  g_free (self->mailing_phone);
  g_free (self->mailing_note);
  g_ptr_array_unref (self->occupations);
  g_strfreev (self->occupation_names);
  G_OBJECT_CLASS (shenbao_catalogue_parent_class)->finalize (object);
}

static void
shenbao_catalogue_class_init (ShenbaoCatalogueClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = shenbao_catalogue_finalize;
}

static void
shenbao_catalogue_init (ShenbaoCatalogue *self)
{
  self->judged_as = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->slots = g_ptr_array_new_with_free_func ((GDestroyNotify) slot_free);
  for (int i = 0; i < 3; i++)
    self->materials[i] = g_ptr_array_new ();
  self->mailing_copies = g_hash_table_new (g_str_hash, g_str_equal);
  self->occupations = g_ptr_array_new_with_free_func ((GDestroyNotify) occupation_free);
}
