/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shenbao-names"

#include "config.h"

#include <string.h>

#include "shenbao-names.h"

char *
shenbao_names_normalise (const char *text)
{
  g_autofree char *folded = g_utf8_normalize (text != NULL ? text : "", -1, G_NORMALIZE_NFKC);
  GString *out = g_string_new (NULL);

  if (folded == NULL) /* not UTF-8: nothing in a list can match it */
    return g_string_free (out, FALSE);

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* NFKC already turned full-width letters, digits and brackets into
       * their ASCII forms; what remains is spacing and the other brackets
       * people type for the same thing. */
      if (g_unichar_isspace (c) || g_unichar_type (c) == G_UNICODE_SPACE_SEPARATOR)
        continue;
      if (c == 0x3010 || c == 0x3014 || c == '[' || c == '{')  /* 【 〔 */
        c = '(';
      else if (c == 0x3011 || c == 0x3015 || c == ']' || c == '}')
        c = ')';
      else if (c == 0x00B7 || c == 0x30FB || c == 0x2022 || c == 0x2027) /* middle dots */
        c = 0x00B7;
      g_string_append_unichar (out, g_unichar_tolower (c));
    }
  return g_string_free (out, FALSE);
}

const char *
shenbao_names_match (const char * const *list,
                     const char         *text)
{
  g_autofree char *wanted = shenbao_names_normalise (text);

  if (list == NULL || *wanted == '\0')
    return NULL;
  for (const char * const *name = list; *name != NULL; name++)
    {
      g_autofree char *candidate = shenbao_names_normalise (*name);

      if (g_str_equal (candidate, wanted))
        return *name;
    }
  return NULL;
}

/* Edit distance in characters (not bytes): one Chinese character typed wrong
 * counts as one. */
static guint
edit_distance (const gunichar *a,
               glong           a_length,
               const gunichar *b,
               glong           b_length)
{
  g_autofree guint *row = g_new (guint, b_length + 1);

  for (glong j = 0; j <= b_length; j++)
    row[j] = j;
  for (glong i = 1; i <= a_length; i++)
    {
      guint diagonal = row[0];

      row[0] = i;
      for (glong j = 1; j <= b_length; j++)
        {
          guint above = row[j];
          guint cost = a[i - 1] == b[j - 1] ? 0 : 1;

          row[j] = MIN (MIN (row[j] + 1, row[j - 1] + 1), diagonal + cost);
          diagonal = above;
        }
    }
  return row[b_length];
}

typedef struct
{
  const char *name;
  guint       score;
  guint       order;
} Candidate;

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *x = a, *y = b;

  if (x->score != y->score)
    return x->score < y->score ? -1 : 1;
  return x->order < y->order ? -1 : x->order > y->order;
}

/* Lower is closer. A name that contains what was typed, or is contained in
 * it (网络营销 for 网络营销与直播电商), counts as close whatever the lengths. */
static guint
closeness (const gunichar *wanted,
           glong           wanted_length,
           const char     *wanted_utf8,
           const char     *name)
{
  g_autofree char *candidate = shenbao_names_normalise (name);
  glong candidate_length;
  g_autofree gunichar *chars = g_utf8_to_ucs4_fast (candidate, -1, &candidate_length);
  guint distance = edit_distance (wanted, wanted_length, chars, candidate_length);

  if (strstr (candidate, wanted_utf8) != NULL || strstr (wanted_utf8, candidate) != NULL)
    distance = MIN (distance, 1 + (guint) ABS (candidate_length - wanted_length) / 8);
  return distance;
}

GStrv
shenbao_names_suggest (const char * const *list,
                       const char         *text,
                       guint               max_suggestions)
{
  g_autofree char *wanted_utf8 = shenbao_names_normalise (text);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  glong wanted_length;
  g_autofree gunichar *wanted = g_utf8_to_ucs4_fast (wanted_utf8, -1, &wanted_length);
  /* Beyond about half the name changed, a suggestion is noise. */
  guint limit = MAX (2, (guint) (wanted_length + 1) / 2);

  for (guint i = 0; list != NULL && list[i] != NULL && wanted_length > 0; i++)
    {
      Candidate candidate = { list[i], closeness (wanted, wanted_length, wanted_utf8, list[i]), i };

      if (candidate.score <= limit)
        g_array_append_val (candidates, candidate);
    }
  g_array_sort (candidates, compare_candidates);
  for (guint i = 0; i < candidates->len && i < max_suggestions; i++)
    g_strv_builder_add (builder, g_array_index (candidates, Candidate, i).name);
  return g_strv_builder_end (builder);
}
