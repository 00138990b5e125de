/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Matching typed names against the catalogue's lists: full-width and
 * half-width forms, brackets and white space are folded before comparing, so
 * 计算机应用（技术） matches 计算机应用(技术). */
char        *shenbao_names_normalise (const char         *text);
/* The list's own spelling of text, or NULL when it is not listed. */
const char  *shenbao_names_match     (const char * const *list,
                                      const char         *text);
/* Up to max_suggestions names of the list closest to text, best first;
 * an empty vector when none is close. */
GStrv        shenbao_names_suggest   (const char * const *list,
                                      const char         *text,
                                      guint               max_suggestions);

G_END_DECLS
