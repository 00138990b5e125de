/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shenbao-forms"

#include "config.h"


#include "shenbao-forms.h"
#include "shenbao-line-break.h"
#include "shenbao-paths.h"
#include "shenbao-xml.h"

struct _ShenbaoForms
{
  GObject parent_instance;

  GHashTable *texts;   /* "document/name" → GPtrArray of ShenbaoFormText */
};

G_DEFINE_FINAL_TYPE (ShenbaoForms, shenbao_forms, G_TYPE_OBJECT)

static void
piece_free (ShenbaoFormPiece *piece)
{
  g_free (piece->text);
  g_free (piece->note);
  g_free (piece);
}

static void
text_free (ShenbaoFormText *text)
{
  g_free (text->key);
  g_free (text->plain);
  g_free (text->joined);
  g_ptr_array_unref (text->pieces);
  g_free (text);
}

static void
shenbao_forms_finalize (GObject *object)
{
  ShenbaoForms *self = SHENBAO_FORMS (object);

  g_hash_table_unref (self->texts);
  G_OBJECT_CLASS (shenbao_forms_parent_class)->finalize (object);
}

static void
shenbao_forms_class_init (ShenbaoFormsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = shenbao_forms_finalize;
}

static void
shenbao_forms_init (ShenbaoForms *self)
{
  self->texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
}

static ShenbaoFormPiece *
blank_piece (xmlNode *node)
{
  ShenbaoFormPiece *piece = g_new0 (ShenbaoFormPiece, 1);
  g_autofree char *value = shenbao_xml_attribute (node, "value");
  g_autofree char *width = shenbao_xml_attribute (node, "width");
  g_autofree char *grid = shenbao_xml_attribute (node, "grid");
  g_autofree char *note = shenbao_xml_attribute (node, "note");

  piece->kind = SHENBAO_FORM_PIECE_BLANK;
  piece->text = *value != '\0' ? g_steal_pointer (&value) : NULL;
  piece->note = *note != '\0' ? g_steal_pointer (&note) : NULL;
  /* The schema has checked the numbers; 20 mm when none is given. */
  piece->width = *width != '\0' ? g_ascii_strtod (width, NULL) : 20;
  piece->grid = *grid != '\0' ? (guint) g_ascii_strtoull (grid, NULL, 10) : 0;
  return piece;
}

/* The characters of a <w>, a word joiner between each two. */
static char *
join_word (const char *word)
{
  GString *joined = g_string_new (NULL);

  for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (p != word)
        g_string_append_unichar (joined, SHENBAO_WORD_JOINER);
      g_string_append_unichar (joined, g_utf8_get_char (p));
    }
  return g_string_free (joined, FALSE);
}

/* Printed characters: a text node, a <w> word (joined) or an <em>
 * emphasis, whose own text may hold words. */
static void
add_printed (ShenbaoFormText *text,
             xmlNode         *node,
             gboolean         emphasis,
             GString         *plain,
             GString         *joined)
{
  if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
    {
      ShenbaoFormPiece *piece = g_new0 (ShenbaoFormPiece, 1);

      piece->kind = SHENBAO_FORM_PIECE_TEXT;
      piece->text = g_strdup ((const char *) node->content);
      piece->emphasis = emphasis;
      g_string_append (plain, piece->text);
      g_string_append (joined, piece->text);
      g_ptr_array_add (text->pieces, piece);
    }
  else if (shenbao_xml_is (node, "w"))
    {
      ShenbaoFormPiece *piece = g_new0 (ShenbaoFormPiece, 1);
      g_autofree char *word = (char *) xmlNodeGetContent (node);

      piece->kind = SHENBAO_FORM_PIECE_TEXT;
      piece->text = join_word (word);
      piece->emphasis = emphasis;
      g_string_append (plain, word);
      g_string_append (joined, piece->text);
      g_ptr_array_add (text->pieces, piece);
    }
  else if (shenbao_xml_is (node, "em"))
    for (xmlNode *child = node->children; child != NULL; child = child->next)
      add_printed (text, child, TRUE, plain, joined);
}

static ShenbaoFormText *
read_text (xmlNode *element)
{
  ShenbaoFormText *text = g_new0 (ShenbaoFormText, 1);
  g_autofree char *key = shenbao_xml_attribute (element, "for");
  GString *plain = g_string_new (NULL);
  GString *joined = g_string_new (NULL);

  text->key = *key != '\0' ? g_steal_pointer (&key) : NULL;
  text->pieces = g_ptr_array_new_with_free_func ((GDestroyNotify) piece_free);
  for (xmlNode *child = element->children; child != NULL; child = child->next)
    {
      if (shenbao_xml_is (child, "blank"))
        g_ptr_array_add (text->pieces, blank_piece (child));
      else
        add_printed (text, child, FALSE, plain, joined);
    }
  text->plain = g_string_free (plain, FALSE);
  text->joined = g_string_free (joined, FALSE);
  return text;
}

static void
read_document (ShenbaoForms *self,
               xmlNode      *document)
{
  for (xmlNode *element = document->children; element != NULL; element = element->next)
    {
      g_autofree char *key = NULL;
      GPtrArray *texts;

      if (element->type != XML_ELEMENT_NODE)
        continue;
      key = g_strdup_printf ("%s/%s", (const char *) document->name, (const char *) element->name);
      texts = g_hash_table_lookup (self->texts, key);
      if (texts == NULL)
        {
          texts = g_ptr_array_new_with_free_func ((GDestroyNotify) text_free);
          g_hash_table_insert (self->texts, g_steal_pointer (&key), texts);
        }
      g_ptr_array_add (texts, read_text (element));
    }
}

ShenbaoForms *
shenbao_forms_load (const char  *path,
                    GError     **error)
{
  g_autoptr(xmlDoc) doc = shenbao_xml_parse_file (path, "forms.rng", error);
  g_autoptr(ShenbaoForms) self = NULL;
  xmlNode *root;

  if (doc == NULL)
    return NULL;

  self = g_object_new (SHENBAO_TYPE_FORMS, NULL);
  root = xmlDocGetRootElement (doc);
  for (xmlNode *document = root->children; document != NULL; document = document->next)
    if (document->type == XML_ELEMENT_NODE)
      read_document (self, document);
  return g_steal_pointer (&self);
}

ShenbaoForms *
shenbao_forms_get_default (GError **error)
{
  G_LOCK_DEFINE_STATIC (default_forms);
  static ShenbaoForms *default_forms;
  ShenbaoForms *forms;

  G_LOCK (default_forms);
  if (default_forms == NULL)
    {
      g_autofree char *path = shenbao_data_path ("forms.xml");

      default_forms = shenbao_forms_load (path, error);
    }
  forms = default_forms;
  G_UNLOCK (default_forms);
  return forms;
}

GPtrArray *
shenbao_forms_get_all (ShenbaoForms *self,
                       const char   *document,
                       const char   *name)
{
  g_autofree char *key = g_strdup_printf ("%s/%s", document, name);
  GPtrArray *texts;

  g_return_val_if_fail (SHENBAO_IS_FORMS (self), NULL);

  texts = g_hash_table_lookup (self->texts, key);
  g_return_val_if_fail (texts != NULL, NULL);
  return texts;
}

const ShenbaoFormText *
shenbao_forms_get (ShenbaoForms *self,
                   const char   *document,
                   const char   *name)
{
  GPtrArray *texts = shenbao_forms_get_all (self, document, name);

  return texts != NULL ? g_ptr_array_index (texts, 0) : NULL;
}

const char *
shenbao_forms_get_plain (ShenbaoForms *self,
                         const char   *document,
                         const char   *name)
{
  const ShenbaoFormText *text = shenbao_forms_get (self, document, name);

  return text != NULL ? text->plain : "";
}

const char *
shenbao_forms_get_joined (ShenbaoForms *self,
                          const char   *document,
                          const char   *name)
{
  const ShenbaoFormText *text = shenbao_forms_get (self, document, name);

  return text != NULL ? text->joined : "";
}
