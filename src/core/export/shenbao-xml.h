/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <libxml/tree.h>

G_BEGIN_DECLS

/* The one way Shenbao reads XML: from memory, with no network, no DTD, no
 * entities, and a RELAX NG schema from the data folder checked before anything
 * is used. description names the file in messages ("catalogue.xml"). */
xmlDoc   *shenbao_xml_parse           (const char  *data,
                                       gsize        length,
                                       const char  *description,
                                       const char  *schema_name,
                                       GError     **error);
xmlDoc   *shenbao_xml_parse_file      (const char  *path,
                                       const char  *schema_name,
                                       GError     **error);

/* The first child element of parent named name in the namespace, or NULL. */
xmlNode  *shenbao_xml_child           (xmlNode     *parent,
                                       const char  *name);
/* Text content or attribute, as a g_free()able string ("" when absent). */
char     *shenbao_xml_text            (xmlNode     *node);
char     *shenbao_xml_attribute       (xmlNode     *node,
                                       const char  *name);
gboolean  shenbao_xml_is              (xmlNode     *node,
                                       const char  *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)

G_END_DECLS
