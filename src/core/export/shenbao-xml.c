/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shenbao-xml"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <string.h>

#include "shenbao-error.h"
#include "shenbao-file.h"
#include "shenbao-limits.h"
#include "shenbao-string-private.h"
#include "shenbao-paths.h"
#include "shenbao-xml.h"


/* libxml2 2.12 made the structured error callbacks take a const pointer. */
#if LIBXML_VERSION >= 21200
typedef const xmlError *ShenbaoXmlErrorPtr;
#else
typedef xmlError *ShenbaoXmlErrorPtr;
#endif

G_LOCK_DEFINE_STATIC (schemas);
static GHashTable *schemas;

static xmlParserInputPtr
refuse_external_entity (const char       *url,
                        const char       *id,
                        xmlParserCtxtPtr  context)
{
  return NULL;
}

static void
ensure_hardened (void)
{
  static gsize initialised = 0;

  if (g_once_init_enter (&initialised))
    {
      xmlInitParser ();
      /* Belt and braces beside the DOCTYPE refusal: nothing outside the
       * document is ever loaded, whatever the options. */
      xmlSetExternalEntityLoader (refuse_external_entity);
      g_once_init_leave (&initialised, 1);
    }
}

/* A document type declaration is where entities (billion laughs, external
 * files, network URLs) come from; Shenbao's files never have one, so it is
 * refused before parsing rather than tamed while parsing. */
static gboolean
refuse_doctype (const char  *data,
                gsize        length,
                const char  *description,
                GError     **error)
{
  static const char needle[] = "<!DOCTYPE";
  gsize needle_length = strlen (needle);

  for (gsize i = 0; i + needle_length <= length; i++)
    if (data[i] == '<' && g_ascii_strncasecmp (data + i, needle, needle_length) == 0)
      {
        g_set_error (error, SHENBAO_ERROR, SHENBAO_ERROR_PARSE,
                     _("%s, line %d: a document type declaration (DOCTYPE) is not allowed; "
                       "the file may be hostile and was not read"),
                     description, (int) shenbao_line_of_offset (data, i));
        return FALSE;
      }
  return TRUE;
}

/* libxml2 compares each attribute of an element with all before it, so the
 * count is bounded before parsing: in a start tag, an '=' outside quotes is
 * an attribute. Comments, processing instructions and CDATA are skipped
 * (the DOCTYPE is refused already). Text is not a tag, whatever it holds. */
static gboolean
refuse_many_attributes (const char  *data,
                        gsize        length,
                        const char  *description,
                        GError     **error)
{
  gsize i = 0;

  while (i < length)
    {
      const char *tag = memchr (data + i, '<', length - i);
      const char *end;
      char quote = '\0';
      int attributes = 0;
      gsize start;

      if (tag == NULL)
        return TRUE;
      start = (gsize) (tag - data);
      if (start + 1 < length && (data[start + 1] == '!' || data[start + 1] == '?'))
        {
          const char *close = data[start + 1] == '?' ? "?>"
                              : start + 2 < length && data[start + 2] == '[' ? "]]>" : "-->";
          const char *found = g_strstr_len (data + start + 2, (gssize) (length - start - 2), close);

          if (found == NULL)
            return TRUE;
          i = (gsize) (found - data) + strlen (close);
          continue;
        }
      for (end = tag + 1; end < data + length && (quote != '\0' || *end != '>'); end++)
        {
          if (quote != '\0')
            quote = *end == quote ? '\0' : quote;
          else if (*end == '"' || *end == '\'')
            quote = *end;
          else if (*end == '=' && ++attributes > SHENBAO_LIMIT_XML_ATTRIBUTES)
            {
              g_set_error (error, SHENBAO_ERROR, SHENBAO_ERROR_TOO_LARGE,
                           _("%s, line %d: an element with more than %d attributes; the file "
                             "may be hostile and was not read"),
                           description, (int) shenbao_line_of_offset (data, start),
                           SHENBAO_LIMIT_XML_ATTRIBUTES);
              return FALSE;
            }
        }
      i = (gsize) (end - data) + 1;
    }
  return TRUE;
}

/* The validator's work grows faster than the count of elements. */
static gboolean
refuse_many_elements (xmlDoc      *doc,
                      const char  *description,
                      GError     **error)
{
  xmlNode *node = xmlDocGetRootElement (doc);
  guint count = 0;

  /* Depth first, without recursion (a deep document must not exhaust the
   * stack). */
  while (node != NULL)
    {
      if (node->type == XML_ELEMENT_NODE && ++count > SHENBAO_LIMIT_XML_ELEMENTS)
        {
          g_set_error (error, SHENBAO_ERROR, SHENBAO_ERROR_TOO_LARGE,
                       _("%s, line %d: more than %d elements; the file may be hostile and "
                         "was not read"),
                       description, node->line, SHENBAO_LIMIT_XML_ELEMENTS);
          return FALSE;
        }
      if (node->children != NULL && node->type == XML_ELEMENT_NODE)
        node = node->children;
      else
        {
          while (node != NULL && node->next == NULL)
            node = node->parent != NULL && node->parent->type == XML_ELEMENT_NODE ? node->parent : NULL;
          node = node != NULL ? node->next : NULL;
        }
    }
  return TRUE;
}

typedef struct
{
  const char *description;
  GString    *messages;
  int         count;
} ValidationErrors;

static void
collect_validation_error (void               *user_data,
                          ShenbaoXmlErrorPtr  xml_error)
{
  ValidationErrors *errors = user_data;
  g_autofree char *message = g_strstrip (g_strdup (xml_error->message != NULL ? xml_error->message : ""));

  /* The first few are enough to fix the file; the rest repeat them. */
  if (errors->count++ >= 5)
    return;
  if (errors->messages->len > 0)
    g_string_append_c (errors->messages, '\n');
  g_string_append_printf (errors->messages, _("%s, line %d: %s"),
                          errors->description, xml_error->line, message);
}

static xmlRelaxNGPtr
load_schema (const char  *schema_name,
             GError     **error)
{
  g_autofree char *path = shenbao_data_path (schema_name);
  g_autofree char *contents = NULL;
  gsize length = 0;
  xmlRelaxNGParserCtxtPtr parser;
  xmlRelaxNGPtr schema;

  G_LOCK (schemas);
  if (schemas == NULL)
    schemas = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) xmlRelaxNGFree);
  schema = g_hash_table_lookup (schemas, path);
  /* Read by hand: the entity loader that keeps documents from reaching out
   * refuses the schema's own path too. */
  if (schema == NULL && g_file_get_contents (path, &contents, &length, NULL))
    {
      parser = xmlRelaxNGNewMemParserCtxt (contents, (int) length);
      xmlRelaxNGSetParserStructuredErrors (parser, NULL, NULL);
      schema = xmlRelaxNGParse (parser);
      xmlRelaxNGFreeParserCtxt (parser);
      if (schema != NULL)
        g_hash_table_insert (schemas, g_strdup (path), schema);
    }
  G_UNLOCK (schemas);

  if (schema == NULL)
    g_set_error (error, SHENBAO_ERROR, SHENBAO_ERROR_NOT_FOUND,
                 _("The schema %s could not be read; the installation is incomplete"), path);
  return schema;
}

static gboolean
validate (xmlDoc      *doc,
          const char  *description,
          const char  *schema_name,
          GError     **error)
{
  g_autoptr(GString) messages = g_string_new (NULL);
  ValidationErrors errors = { description, messages, 0 };
  xmlRelaxNGValidCtxtPtr context;
  xmlRelaxNGPtr schema;
  int result;

  schema = load_schema (schema_name, error);
  if (schema == NULL)
    return FALSE;

  context = xmlRelaxNGNewValidCtxt (schema);
  xmlRelaxNGSetValidStructuredErrors (context, collect_validation_error, &errors);
  result = xmlRelaxNGValidateDoc (context, doc);
  xmlRelaxNGFreeValidCtxt (context);

  if (result != 0)
    {
      g_set_error (error, SHENBAO_ERROR, SHENBAO_ERROR_SCHEMA, "%s",
                   messages->len > 0 ? messages->str : _("The file does not follow its schema"));
      return FALSE;
    }
  return TRUE;
}

xmlDoc *
shenbao_xml_parse (const char  *data,
                   gsize        length,
                   const char  *description,
                   const char  *schema_name,
                   GError     **error)
{
  g_autoptr(xmlDoc) doc = NULL;
  xmlParserCtxtPtr context;

  ensure_hardened ();

  if (length > SHENBAO_LIMIT_XML_BYTES)
    {
      g_set_error (error, SHENBAO_ERROR, SHENBAO_ERROR_TOO_LARGE,
                   _("%s is %u MB, too large for this kind of file"),
                   description, (guint) (length / (1024 * 1024)));
      return NULL;
    }
  if (!refuse_doctype (data, length, description, error)
      || !refuse_many_attributes (data, length, description, error))
    return NULL;

  context = xmlNewParserCtxt ();
  doc = xmlCtxtReadMemory (context, data, (int) length, description, NULL,
                           XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING
                           | XML_PARSE_NOCDATA);
  if (doc == NULL)
    {
      ShenbaoXmlErrorPtr xml_error = xmlCtxtGetLastError (context);
      g_autofree char *message = g_strstrip (g_strdup (xml_error != NULL && xml_error->message != NULL
                                                         ? xml_error->message : ""));

      g_set_error (error, SHENBAO_ERROR, SHENBAO_ERROR_PARSE,
                   _("%s, line %d: not well-formed XML (%s)"), description,
                   xml_error != NULL ? xml_error->line : 0, message);
      xmlFreeParserCtxt (context);
      return NULL;
    }
  xmlFreeParserCtxt (context);

  if (!refuse_many_elements (doc, description, error))
    return NULL;
  if (schema_name != NULL && !validate (doc, description, schema_name, error))
    return NULL;
  return g_steal_pointer (&doc);
}

xmlDoc *
shenbao_xml_parse_file (const char  *path,
                        const char  *schema_name,
                        GError     **error)
{
  g_autofree char *description = g_filename_display_basename (path);
  g_autoptr(GBytes) contents = shenbao_file_read (path, SHENBAO_LIMIT_XML_BYTES, error);
  const char *data;
  gsize length;

  if (contents == NULL)
    return NULL;
  data = g_bytes_get_data (contents, &length);
  return shenbao_xml_parse (data, length, description, schema_name, error);
}

gboolean
shenbao_xml_is (xmlNode    *node,
                const char *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE
         && g_strcmp0 ((const char *) node->name, name) == 0;
}

xmlNode *
shenbao_xml_child (xmlNode    *parent,
                   const char *name)
{
  for (xmlNode *child = parent != NULL ? parent->children : NULL; child != NULL; child = child->next)
    if (shenbao_xml_is (child, name))
      return child;
  return NULL;
}

char *
shenbao_xml_text (xmlNode *node)
{
  xmlChar *content = node != NULL ? xmlNodeGetContent (node) : NULL;
  char *text = g_strdup (content != NULL ? (const char *) content : "");

  xmlFree (content);
  return text;
}

char *
shenbao_xml_attribute (xmlNode    *node,
                       const char *name)
{
  xmlChar *value = node != NULL ? xmlGetProp (node, (const xmlChar *) name) : NULL;
  char *text = g_strdup (value != NULL ? (const char *) value : "");

  xmlFree (value);
  return text;
}
