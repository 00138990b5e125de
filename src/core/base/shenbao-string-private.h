/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* g_set_str() arrived in GLib 2.76; Debian 12 has 2.74. */
static inline gboolean
shenbao_set_string (char       **slot,
                    const char  *value)
{
  char *copy;

  if (g_strcmp0 (*slot, value) == 0)
    return FALSE;
  copy = g_strdup (value);
  g_free (*slot);
  *slot = copy;
  return TRUE;
}

/* The 1-based line of a byte of text, for messages. The byte of a line feed
 * is never part of another character in UTF-8 or GB18030. */
static inline guint
shenbao_line_of_offset (const char *data,
                        gsize       offset)
{
  guint line = 1;

  for (gsize i = 0; i < offset; i++)
    if (data[i] == '\n')
      line++;
  return line;
}

G_END_DECLS
