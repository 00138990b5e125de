/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shenbao-application-file"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/tree.h>
#include <string.h>

#include "shenbao-application-file.h"
#include "shenbao-catalogue.h"
#include "shenbao-error.h"
#include "shenbao-file.h"
#include "shenbao-limits.h"
#include "shenbao-xml.h"

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

static gboolean
read_work (ShenbaoApplication  *application,
           xmlNode             *root,
           GError             **error)
{
  xmlNode *work = shenbao_xml_child (root, "work");
  guint n_entries = 0;

  for (xmlNode *node = work != NULL ? work->children : NULL; node != NULL; node = node->next)
    {
      g_autoptr(ShenbaoWorkEntry) entry = NULL;
      xmlNode *employer;

      if (!shenbao_xml_is (node, "entry"))
        continue;
      if (++n_entries > SHENBAO_LIMIT_WORK_ENTRIES)
        {
          g_set_error (error, SHENBAO_ERROR, SHENBAO_ERROR_TOO_LARGE,
                       _("line %d: more than %d work entries; no working life has that many"),
                       node->line, SHENBAO_LIMIT_WORK_ENTRIES);
          return FALSE;
        }
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
  return TRUE;
}

/* Attachments are named relative to the application file; a path that leaves
 * its folder could make an import copy any file of the machine. The reader
 * checks again, link by link, on the way to the file. */
static gboolean
is_safe_href (const char *href)
{
  g_auto(GStrv) parts = NULL;

  if (*href == '\0' || g_path_is_absolute (href) || strchr (href, '\\') != NULL
      || strchr (href, ':') != NULL)
    return FALSE;
  parts = g_strsplit (href, "/", -1);
  for (char **part = parts; *part != NULL; part++)
    if (**part == '\0' || g_str_equal (*part, ".") || g_str_equal (*part, ".."))
      return FALSE;
  return TRUE;
}

/* Only the catalogue's slots: an invented one would be kept, stored and
 * exported without a check, and 400 of them would read one file 400 times. */
static gboolean
check_slot (xmlNode     *node,
            const char  *slot,
            GHashTable  *seen,
            GError     **error)
{
  g_autoptr(GError) catalogue_error = NULL;
  ShenbaoCatalogue *catalogue = shenbao_catalogue_get_default (&catalogue_error);

  if (catalogue == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&catalogue_error));
      return FALSE;
    }
  if (shenbao_catalogue_find_slot (catalogue, slot) == NULL)
    {
      g_set_error (error, SHENBAO_ERROR, SHENBAO_ERROR_SCHEMA,
                   _("line %d: “%s” is not an upload slot"), node->line, slot);
      return FALSE;
    }
  if (!g_hash_table_add (seen, g_strdup (slot)))
    {
      g_set_error (error, SHENBAO_ERROR, SHENBAO_ERROR_SCHEMA,
                   _("line %d: the slot “%s” has a file already"), node->line, slot);
      return FALSE;
    }
  return TRUE;
}

static void
read_attachment (ShenbaoApplication *application,
                 const char         *base_dir,
                 const char         *slot,
                 const char         *href,
                 gsize              *total)
{
  g_autoptr(GError) read_error = NULL;
  g_autoptr(GBytes) data = NULL;
  g_autofree char *limit = NULL;
  gsize left = SHENBAO_LIMIT_APPLICATION_ATTACHMENT_BYTES - *total;

  data = shenbao_file_read_inside (base_dir, href, MIN (left, SHENBAO_LIMIT_ATTACHMENT_BYTES),
                                   &read_error);
  if (data == NULL && left < SHENBAO_LIMIT_ATTACHMENT_BYTES
      && g_error_matches (read_error, SHENBAO_ERROR, SHENBAO_ERROR_TOO_LARGE))
    {
      limit = g_format_size (SHENBAO_LIMIT_APPLICATION_ATTACHMENT_BYTES);
      g_clear_error (&read_error);
      g_set_error (&read_error, SHENBAO_ERROR, SHENBAO_ERROR_TOO_LARGE,
                   _("“%s” was not read: the attachments together would be more than %s"),
                   href, limit);
    }
  if (data == NULL)
    {
      shenbao_application_set_unread_attachment (application, slot, href, read_error->message);
      return;
    }
  *total += g_bytes_get_size (data);
  shenbao_application_set_attachment (application, slot, href, data);
}

static gboolean
read_attachments (ShenbaoApplication  *application,
                  xmlNode             *root,
                  const char          *base_dir,
                  GError             **error)
{
  xmlNode *attachments = shenbao_xml_child (root, "attachments");
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gsize total = 0;

  for (xmlNode *node = attachments != NULL ? attachments->children : NULL; node != NULL; node = node->next)
    {
      g_autofree char *slot = NULL;
      g_autofree char *href = NULL;

      if (!shenbao_xml_is (node, "file"))
        continue;
      slot = shenbao_xml_attribute (node, "slot");
      href = shenbao_xml_attribute (node, "href");
      if (!check_slot (node, slot, seen, error))
        return FALSE;
      if (!is_safe_href (href))
        {
          g_set_error (error, SHENBAO_ERROR, SHENBAO_ERROR_PARSE,
                       _("line %d: the attachment “%s” must be a path inside the application’s folder"),
                       node->line, href);
          return FALSE;
        }
      if (base_dir != NULL)
        read_attachment (application, base_dir, slot, href, &total);
      else
        shenbao_application_set_attachment (application, slot, href, NULL);
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
  if (!read_work (application, root, error) || !read_attachments (application, root, base_dir, error))
    return NULL;
  return g_steal_pointer (&application);
}

ShenbaoApplication *
shenbao_application_file_load (const char  *path,
                               GError     **error)
{
  g_autofree char *base_dir = g_path_get_dirname (path);
  g_autofree char *display_name = g_filename_display_name (path);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) contents = NULL;
  ShenbaoApplication *application;
  const char *data;
  gsize length;

  contents = shenbao_file_read (path, SHENBAO_LIMIT_XML_BYTES, error);
  if (contents == NULL)
    return NULL;
  data = g_bytes_get_data (contents, &length);
  application = shenbao_application_file_load_data (data, length, base_dir, &local_error);
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

  /* The schema's order (data/application.rng): the work history stands between the person and the
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

/* 个人照片.jpg: the slot's name and the original's extension. A slot name
 * from an older store or a crafted file is still made one safe component:
 * no separator, no control character, no "." or ".." and no hidden file. */
static char *
attachment_file_name (const ShenbaoAttachment *attachment)
{
  const char *extension = attachment->filename != NULL ? strrchr (attachment->filename, '.') : NULL;
  g_autofree char *valid = g_utf8_make_valid (attachment->slot, -1);
  g_autoptr(GString) name = g_string_new (NULL);

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c) || c == '/' || c == '\\' || c == ':')
        g_string_append_c (name, '_');
      else
        g_string_append_unichar (name, c);
    }
  if (name->len == 0 || name->str[0] == '.')
    g_string_prepend_c (name, '_');
  if (extension == NULL || strlen (extension) > 5 || strspn (extension + 1, "abcdefghijklmnopqrstuvwxyz"
                                                              "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
                                                     != strlen (extension + 1))
    extension = ".jpg";
  g_string_append (name, extension);
  return g_string_free (g_steal_pointer (&name), FALSE);
}

/* The attachments the application file at path names, when there is one:
 * those files are its own, and replacing it may replace them. */
static GHashTable *
own_attachments (const char *path)
{
  GHashTable *names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GBytes) contents = shenbao_file_read (path, SHENBAO_LIMIT_XML_BYTES, NULL);
  g_autoptr(ShenbaoApplication) previous = NULL;
  GPtrArray *attachments;
  gsize length;
  const char *data;

  if (contents == NULL)
    return names;
  data = g_bytes_get_data (contents, &length);
  previous = shenbao_application_file_load_data (data, length, NULL, NULL);
  if (previous == NULL)
    return names;
  attachments = shenbao_application_get_attachments (previous);
  for (guint i = 0; i < attachments->len; i++)
    {
      const ShenbaoAttachment *attachment = g_ptr_array_index (attachments, i);

      g_hash_table_add (names, g_strdup (attachment->filename));
    }
  return names;
}

/* A file of the same bytes (the same application exported twice) loses
 * nothing when it is written again. */
static gboolean
holds_already (const char *dir,
               const char *name,
               GBytes     *data)
{
  g_autoptr(GBytes) existing = shenbao_file_read_inside (dir, name, g_bytes_get_size (data), NULL);

  return existing != NULL && g_bytes_equal (existing, data);
}

gboolean
shenbao_application_file_save (ShenbaoApplication  *application,
                               const char          *path,
                               GError             **error)
{
  g_autoptr(GHashTable) hrefs = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GHashTable) own = own_attachments (path);
  g_autofree char *dir = g_path_get_dirname (path);
  GPtrArray *attachments = shenbao_application_get_attachments (application);
  g_autoptr(GBytes) bytes = NULL;
  char *data;
  gsize length;

  /* Another application's files in the same folder are left alone: checked
   * for all before anything is written. */
  for (guint i = 0; i < attachments->len; i++)
    {
      const ShenbaoAttachment *attachment = g_ptr_array_index (attachments, i);
      g_autofree char *name = NULL;
      g_autofree char *attachment_path = NULL;

      if (attachment->data == NULL)
        continue;
      name = attachment_file_name (attachment);
      attachment_path = g_build_filename (dir, name, NULL);
      if (shenbao_file_exists (attachment_path) && !g_hash_table_contains (own, name)
          && !holds_already (dir, name, attachment->data))
        {
          g_autofree char *display = g_filename_display_name (attachment_path);

          g_set_error (error, SHENBAO_ERROR, SHENBAO_ERROR_EXISTS,
                       _("“%s” exists and is not an attachment of this application file: "
                         "choose a folder of its own"), display);
          return FALSE;
        }
      g_hash_table_insert (hrefs, attachment->slot, g_steal_pointer (&name));
    }
  for (guint i = 0; i < attachments->len; i++)
    {
      const ShenbaoAttachment *attachment = g_ptr_array_index (attachments, i);
      const char *name = g_hash_table_lookup (hrefs, attachment->slot);
      g_autofree char *attachment_path = NULL;

      if (name == NULL)
        continue;
      attachment_path = g_build_filename (dir, name, NULL);
      if (!shenbao_file_replace (attachment_path, attachment->data, error))
        return FALSE;
    }

  data = shenbao_application_file_to_data (application, hrefs, &length);
  bytes = g_bytes_new_take (data, length);
  return shenbao_file_replace (path, bytes, error);
}
