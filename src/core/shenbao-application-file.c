/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/tree.h>
#include <string.h>

#include "shenbao-application-file.h"
#include "shenbao-error.h"
#include "shenbao-xml.h"

/* A scan of an A4 form is a few MB; anything far beyond is not an upload the
 * portal takes, and reading it would only fill memory. */
#define MAX_ATTACHMENT_BYTES (64 * 1024 * 1024)

static const char *work_elements[SHENBAO_N_WORK_FIELDS] = {
  [SHENBAO_WORK_FIELD_EMPLOYER] = "employer",
  [SHENBAO_WORK_FIELD_FOUNDED] = NULL,       /* attributes of employer */
  [SHENBAO_WORK_FIELD_DEREGISTERED] = NULL,
  [SHENBAO_WORK_FIELD_FROM] = "from",
  [SHENBAO_WORK_FIELD_TO] = "to",
  [SHENBAO_WORK_FIELD_OCCUPATION] = "occupation",
};

static xmlNode *
field_parent (xmlNode      *root,
              ShenbaoField  field)
{
  const char *parent = shenbao_field_xml_parent (field);

  return parent == NULL ? root : shenbao_xml_child (root, parent);
}

static void
read_fields (ShenbaoApplication *application,
             xmlNode            *root)
{
  for (ShenbaoField field = 0; field < SHENBAO_N_FIELDS; field++)
    {
      xmlNode *parent = field_parent (root, field);
      const char *name = shenbao_field_xml_name (field);
      g_autofree char *value = NULL;

      if (parent == NULL)
        continue;
      if (shenbao_field_is_attribute (field))
        value = shenbao_xml_attribute (parent, name);
      else
        value = shenbao_xml_text (shenbao_xml_child (parent, name));
      shenbao_application_set (application, field, g_strstrip (value));
    }
}

static void
read_work (ShenbaoApplication *application,
           xmlNode            *root)
{
  xmlNode *work = shenbao_xml_child (root, "work");

  for (xmlNode *node = work != NULL ? work->children : NULL; node != NULL; node = node->next)
    {
      g_autoptr(ShenbaoWorkEntry) entry = NULL;
      xmlNode *employer;

      if (!shenbao_xml_is (node, "entry"))
        continue;
      entry = shenbao_work_entry_new ();
      employer = shenbao_xml_child (node, "employer");
      for (ShenbaoWorkField field = 0; field < SHENBAO_N_WORK_FIELDS; field++)
        {
          g_autofree char *value = work_elements[field] != NULL
            ? shenbao_xml_text (shenbao_xml_child (node, work_elements[field]))
            : shenbao_xml_attribute (employer, shenbao_work_field_name (field));

          shenbao_work_entry_set (entry, field, g_strstrip (value));
        }
      shenbao_application_append_work_entry (application, entry);
    }
}

/* Attachments are named relative to the application file; a path that leaves
 * its folder could make an import copy any file of the machine. */
static gboolean
is_safe_href (const char *href)
{
  g_auto(GStrv) parts = NULL;

  if (g_path_is_absolute (href) || strchr (href, '\\') != NULL || strchr (href, ':') != NULL)
    return FALSE;
  parts = g_strsplit (href, "/", -1);
  for (char **part = parts; *part != NULL; part++)
    if (g_str_equal (*part, ".."))
      return FALSE;
  return TRUE;
}

static GBytes *
read_attachment (const char *base_dir,
                 const char *href)
{
  g_autofree char *path = g_build_filename (base_dir, href, NULL);
  g_autoptr(GMappedFile) mapped = NULL;

  mapped = g_mapped_file_new (path, FALSE, NULL);
  if (mapped == NULL || g_mapped_file_get_length (mapped) > MAX_ATTACHMENT_BYTES)
    return NULL;
  /* A copy, not the mapping: the original may move or change later. */
  return g_bytes_new (g_mapped_file_get_contents (mapped), g_mapped_file_get_length (mapped));
}

static gboolean
read_attachments (ShenbaoApplication  *application,
                  xmlNode             *root,
                  const char          *base_dir,
                  GError             **error)
{
  xmlNode *attachments = shenbao_xml_child (root, "attachments");

  for (xmlNode *node = attachments != NULL ? attachments->children : NULL; node != NULL; node = node->next)
    {
      g_autofree char *slot = NULL;
      g_autofree char *href = NULL;
      g_autoptr(GBytes) data = NULL;

      if (!shenbao_xml_is (node, "file"))
        continue;
      slot = shenbao_xml_attribute (node, "slot");
      href = shenbao_xml_attribute (node, "href");
      if (!is_safe_href (href))
        {
          g_set_error (error, SHENBAO_ERROR, SHENBAO_ERROR_PARSE,
                       _("line %d: the attachment “%s” must be a path inside the application’s folder"),
                       node->line, href);
          return FALSE;
        }
      if (base_dir != NULL)
        data = read_attachment (base_dir, href);
      shenbao_application_set_attachment (application, slot, href, data);
    }
  return TRUE;
}

ShenbaoApplication *
shenbao_application_file_load_data (const char  *data,
                                    gsize        length,
                                    const char  *base_dir,
                                    GError     **error)
{
  g_autoptr(ShenbaoApplication) application = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  xmlNode *root;

  doc = shenbao_xml_parse (data, length, _("The application file"), "application.rng", error);
  if (doc == NULL)
    return NULL;
  root = xmlDocGetRootElement (doc);
  if (root->ns == NULL || g_strcmp0 ((const char *) root->ns->href, SHENBAO_APPLICATION_NAMESPACE) != 0)
    {
      g_set_error (error, SHENBAO_ERROR, SHENBAO_ERROR_SCHEMA,
                   _("This is not a Shenbao application file"));
      return NULL;
    }

  application = shenbao_application_new ();
  read_fields (application, root);
  read_work (application, root);
  if (!read_attachments (application, root, base_dir, error))
    return NULL;
  return g_steal_pointer (&application);
}

ShenbaoApplication *
shenbao_application_file_load (const char  *path,
                               GError     **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *base_dir = g_path_get_dirname (path);
  g_autofree char *display_name = g_filename_display_name (path);
  g_autoptr(GError) local_error = NULL;
  ShenbaoApplication *application;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error (error, SHENBAO_ERROR,
                   g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT)
                     ? SHENBAO_ERROR_NOT_FOUND : SHENBAO_ERROR_IO,
                   "%s", local_error->message);
      return NULL;
    }
  application = shenbao_application_file_load_data (contents, length, base_dir, &local_error);
  if (application == NULL)
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", display_name);
      return NULL;
    }
  return application;
}

static xmlNode *
ensure_child (xmlNode    *parent,
              const char *name)
{
  xmlNode *child = shenbao_xml_child (parent, name);

  return child != NULL ? child : xmlNewChild (parent, parent->ns, (const xmlChar *) name, NULL);
}

static void
write_field (ShenbaoApplication *application,
             xmlNode            *root,
             ShenbaoField        field)
{
  const char *value = shenbao_application_get (application, field);
  const char *parent_name = shenbao_field_xml_parent (field);
  xmlNode *parent;

  if (*value == '\0')
    return;
  parent = parent_name == NULL ? root : ensure_child (root, parent_name);
  if (shenbao_field_is_attribute (field))
    xmlSetProp (parent, (const xmlChar *) shenbao_field_xml_name (field), (const xmlChar *) value);
  else
    xmlNewTextChild (parent, root->ns, (const xmlChar *) shenbao_field_xml_name (field),
                     (const xmlChar *) value);
}

static void
write_work (ShenbaoApplication *application,
            xmlNode            *root)
{
  guint n_entries = shenbao_application_get_n_work_entries (application);
  xmlNode *work;

  if (n_entries == 0)
    return;
  work = xmlNewChild (root, root->ns, (const xmlChar *) "work", NULL);
  for (guint i = 0; i < n_entries; i++)
    {
      g_autoptr(ShenbaoWorkEntry) entry = shenbao_application_get_work_entry (application, i);
      xmlNode *node = xmlNewChild (work, root->ns, (const xmlChar *) "entry", NULL);
      xmlNode *employer = xmlNewTextChild (node, root->ns, (const xmlChar *) "employer",
                                           (const xmlChar *) shenbao_work_entry_get (entry, SHENBAO_WORK_FIELD_EMPLOYER));

      for (ShenbaoWorkField field = 0; field < SHENBAO_N_WORK_FIELDS; field++)
        {
          const char *value = shenbao_work_entry_get (entry, field);

          if (field == SHENBAO_WORK_FIELD_EMPLOYER || *value == '\0')
            continue;
          if (work_elements[field] == NULL)
            xmlSetProp (employer, (const xmlChar *) shenbao_work_field_name (field), (const xmlChar *) value);
          else
            xmlNewTextChild (node, root->ns, (const xmlChar *) work_elements[field], (const xmlChar *) value);
        }
    }
}

static void
write_attachments (ShenbaoApplication *application,
                   xmlNode            *root,
                   GHashTable         *hrefs)
{
  GPtrArray *attachments = shenbao_application_get_attachments (application);
  xmlNode *node;

  if (attachments->len == 0)
    return;
  node = xmlNewChild (root, root->ns, (const xmlChar *) "attachments", NULL);
  for (guint i = 0; i < attachments->len; i++)
    {
      const ShenbaoAttachment *attachment = g_ptr_array_index (attachments, i);
      const char *href = hrefs != NULL ? g_hash_table_lookup (hrefs, attachment->slot) : NULL;
      xmlNode *file = xmlNewChild (node, root->ns, (const xmlChar *) "file", NULL);

      xmlSetProp (file, (const xmlChar *) "slot", (const xmlChar *) attachment->slot);
      xmlSetProp (file, (const xmlChar *) "href",
                  (const xmlChar *) (href != NULL ? href : attachment->filename != NULL ? attachment->filename : attachment->slot));
    }
}

char *
shenbao_application_file_to_data (ShenbaoApplication *application,
                                  GHashTable         *attachment_hrefs,
                                  gsize              *length)
{
  g_autoptr(xmlDoc) doc = xmlNewDoc ((const xmlChar *) "1.0");
  xmlNode *root = xmlNewNode (NULL, (const xmlChar *) "application");
  xmlChar *buffer = NULL;
  int buffer_length = 0;
  char *data;

  xmlDocSetRootElement (doc, root);
  xmlSetNs (root, xmlNewNs (root, (const xmlChar *) SHENBAO_APPLICATION_NAMESPACE, NULL));
  xmlSetProp (root, (const xmlChar *) "version", (const xmlChar *) "1");

  /* SPEC §11's order: the work history stands between the person and the
   * certificate. */
  for (ShenbaoField field = 0; field <= SHENBAO_FIELD_PERSON_IDENTITY; field++)
    write_field (application, root, field);
  write_work (application, root);
  for (ShenbaoField field = SHENBAO_FIELD_PERSON_IDENTITY + 1; field < SHENBAO_N_FIELDS; field++)
    write_field (application, root, field);
  write_attachments (application, root, attachment_hrefs);

  xmlDocDumpFormatMemoryEnc (doc, &buffer, &buffer_length, "UTF-8", 1);
  data = g_strndup ((const char *) buffer, buffer_length);
  xmlFree (buffer);
  if (length != NULL)
    *length = buffer_length;
  return data;
}

/* 个人照片.jpg: the slot's name and the original's extension (the slot names
 * come from the catalogue and hold no path separators). */
static char *
attachment_file_name (const ShenbaoAttachment *attachment)
{
  const char *extension = attachment->filename != NULL ? strrchr (attachment->filename, '.') : NULL;
  g_autofree char *safe_slot = g_strdelimit (g_strdup (attachment->slot), "/\\:", '_');

  if (extension == NULL || strchr (extension, '/') != NULL || strlen (extension) > 5)
    extension = ".jpg";
  return g_strconcat (safe_slot, extension, NULL);
}

gboolean
shenbao_application_file_save (ShenbaoApplication  *application,
                               const char          *path,
                               GError             **error)
{
  g_autoptr(GHashTable) hrefs = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autofree char *dir = g_path_get_dirname (path);
  GPtrArray *attachments = shenbao_application_get_attachments (application);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *data = NULL;
  gsize length;

  for (guint i = 0; i < attachments->len; i++)
    {
      const ShenbaoAttachment *attachment = g_ptr_array_index (attachments, i);
      g_autofree char *name = NULL;
      g_autofree char *attachment_path = NULL;

      if (attachment->data == NULL)
        continue;
      name = attachment_file_name (attachment);
      attachment_path = g_build_filename (dir, name, NULL);
      if (!g_file_set_contents (attachment_path, g_bytes_get_data (attachment->data, NULL),
                                g_bytes_get_size (attachment->data), &local_error))
        {
          g_set_error (error, SHENBAO_ERROR, SHENBAO_ERROR_IO, "%s", local_error->message);
          return FALSE;
        }
      g_hash_table_insert (hrefs, attachment->slot, g_steal_pointer (&name));
    }

  data = shenbao_application_file_to_data (application, hrefs, &length);
  if (!g_file_set_contents (path, data, length, &local_error))
    {
      g_set_error (error, SHENBAO_ERROR, SHENBAO_ERROR_IO, "%s", local_error->message);
      return FALSE;
    }
  return TRUE;
}
