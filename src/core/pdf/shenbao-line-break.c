/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shenbao-line-break"

#include "shenbao-line-break.h"

#include <unicode/ubrk.h>

/* Chinese typesetting's 避头尾 rules (GB/T 15834, W3C clreq): these never
 * start a line... */
static const gunichar closing[] = {
  0xFF0C, 0x3002, 0x3001, 0xFF1B, 0xFF1A, 0xFF1F, 0xFF01, 0xFF09, /* ，。、；：？！） */
  0x300D, 0x300F, 0x300B, 0x3009, 0x3011, 0x3015, 0x3017, 0xFF3D, /* 」』》〉】〕〗］ */
  0xFF5D, 0x201D, 0x2019, 0xFF05, 0x2026, 0x00B7, 0x30FB, 0xFF0E, /* ｝”’％…··． */
};

/* ...and these never end one. */
static const gunichar opening[] = {
  0xFF08, 0x300C, 0x300E, 0x300A, 0x3008, 0x3010, 0x3014, 0x3016, /* （「『《〈【〔〖 */
  0xFF3B, 0xFF5B, 0x201C, 0x2018,                                 /* ［｛“‘ */
};

static gboolean
is_one_of (gunichar        c,
           const gunichar *set,
           gsize           n)
{
  for (gsize i = 0; i < n; i++)
    if (set[i] == c)
      return TRUE;
  return FALSE;
}

ShenbaoBreakClass
shenbao_break_class_of (gunichar c)
{
  if (c == '\n')
    return SHENBAO_BREAK_NEWLINE;
  if (is_one_of (c, closing, G_N_ELEMENTS (closing)))
    return SHENBAO_BREAK_CLOSING;
  if (is_one_of (c, opening, G_N_ELEMENTS (opening)))
    return SHENBAO_BREAK_OPENING;
  /* The ideographic space (U+3000) indents; it is kept like an ideograph.
   * ASCII punctuation stays inside the word it is part of (2.3, a@b.cn). */
  if (c != 0x3000 && g_unichar_isspace (c))
    return SHENBAO_BREAK_SPACE;
  if (g_unichar_iswide (c))
    return SHENBAO_BREAK_IDEOGRAPHIC;
  return SHENBAO_BREAK_ALPHABETIC;
}

/* May a line break between items[i - 1] and items[i]? */
static gboolean
break_allowed (const ShenbaoBreakItem *items,
               guint                   i)
{
  ShenbaoBreakClass before = items[i - 1].break_class;
  ShenbaoBreakClass after = items[i].break_class;

  if (items[i].glued)
    return FALSE;
  if (after == SHENBAO_BREAK_SPACE)
    return FALSE;   /* break after the spaces, which are then dropped */
  if (before == SHENBAO_BREAK_SPACE)
    return TRUE;
  if (after == SHENBAO_BREAK_CLOSING || before == SHENBAO_BREAK_OPENING)
    return FALSE;
  return !(before == SHENBAO_BREAK_ALPHABETIC && after == SHENBAO_BREAK_ALPHABETIC);
}

static void
add_line (GArray                 *lines,
          const ShenbaoBreakItem *items,
          guint                   start,
          guint                   end)
{
  ShenbaoLineSpan span = { start, end, 0 };

  while (span.end > span.start && items[span.end - 1].break_class == SHENBAO_BREAK_SPACE)
    span.end--;
  for (guint i = span.start; i < span.end; i++)
    span.width += items[i].width;
  g_array_append_val (lines, span);
}

static guint
skip_spaces (const ShenbaoBreakItem *items,
             guint                   n_items,
             guint                   i)
{
  while (i < n_items && items[i].break_class == SHENBAO_BREAK_SPACE)
    i++;
  return i;
}

/* The fewest items a paragraph's last line may hold (no “内。” alone). */
#define LEAST_LAST_LINE 3

static guint
shown_items (const ShenbaoBreakItem *items,
             guint                   start,
             guint                   end)
{
  guint n = 0;

  for (guint i = start; i < end; i++)
    n += items[i].break_class != SHENBAO_BREAK_SPACE;
  return n;
}

/* Moves the break before a short last line back, to the latest allowed
 * break that gives it LEAST_LAST_LINE items, still fits and leaves more
 * than one on the line before. A line after a
 * newline is left alone: it was asked for. */
static void
avoid_short_last_line (GArray                 *lines,
                       const ShenbaoBreakItem *items,
                       double                  max_width)
{
  ShenbaoLineSpan *before, *last;
  guint before_start, end;

  if (lines->len < 2)
    return;
  before = &g_array_index (lines, ShenbaoLineSpan, lines->len - 2);
  last = &g_array_index (lines, ShenbaoLineSpan, lines->len - 1);
  end = last->end;
  if (shown_items (items, last->start, end) >= LEAST_LAST_LINE || last->start == 0
      || items[last->start - 1].break_class == SHENBAO_BREAK_NEWLINE)
    return;
  for (guint p = before->end; p > before->start + 1; p--)
    {
      guint start = p - 1;
      double width = 0;

      if (!break_allowed (items, start))
        continue;
      for (guint i = start; i < end; i++)
        width += items[i].width;
      if (width > max_width + 1e-9)
        return;
      if (shown_items (items, start, end) < LEAST_LAST_LINE)
        continue;
      /* ...nor leave a lone character before it */
      if (shown_items (items, before->start, start) < 2)
        return;
      before_start = before->start;
      g_array_set_size (lines, lines->len - 2);
      add_line (lines, items, before_start, start);
      add_line (lines, items, start, end);
      return;
    }
}

GArray *
shenbao_line_break_items (const ShenbaoBreakItem *items,
                          guint                   n_items,
                          double                  max_width)
{
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (ShenbaoLineSpan));
  guint start = 0;
  guint last_break = 0;
  double width = 0;
  guint i = 0;

  while (i < n_items)
    {
      if (items[i].break_class == SHENBAO_BREAK_NEWLINE)
        {
          add_line (lines, items, start, i);
          start = last_break = ++i;
          width = 0;
          continue;
        }
      if (i > start && break_allowed (items, i))
        last_break = i;
      /* A space may hang past the edge: it is dropped if the line ends there. */
      if (i > start && items[i].break_class != SHENBAO_BREAK_SPACE
          && width + items[i].width > max_width + 1e-9)
        {
          /* Break at the last opportunity, or, inside a run that has none
           * (a word or a number longer than the line), right here. */
          guint end = last_break > start ? last_break : i;

          add_line (lines, items, start, end);
          start = last_break = i = skip_spaces (items, n_items, end);
          width = 0;
          continue;
        }
      width += items[i].width;
      i++;
    }
  if (start < n_items)
    add_line (lines, items, start, n_items);
  avoid_short_last_line (lines, items, max_width);
  return lines;
}

/* The text's characters and their items, word joiners taken out: they
 * only glue what follows them. Returns the number of items. */
static glong
text_items (const char            *text,
            ShenbaoCharWidthFunc   char_width,
            gpointer               user_data,
            gunichar             **chars_out,
            ShenbaoBreakItem     **items_out)
{
  glong n_chars = 0;
  gunichar *chars = g_utf8_to_ucs4_fast (text, -1, &n_chars);
  ShenbaoBreakItem *items = g_new0 (ShenbaoBreakItem, MAX (n_chars, 1));
  gboolean glued = FALSE;
  glong n = 0;

  for (glong i = 0; i < n_chars; i++)
    {
      if (chars[i] == SHENBAO_WORD_JOINER)
        {
          glued = TRUE;
          continue;
        }
      chars[n] = chars[i];
      items[n].break_class = shenbao_break_class_of (chars[i]);
      items[n].width = items[n].break_class == SHENBAO_BREAK_NEWLINE ? 0 : char_width (chars[i], user_data);
      items[n].glued = glued;
      glued = FALSE;
      n++;
    }
  *chars_out = chars;
  *items_out = items;
  return n;
}

GStrv
shenbao_line_break_text (const char           *text,
                         double                max_width,
                         ShenbaoCharWidthFunc  char_width,
                         gpointer              user_data)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GArray) lines = NULL;
  g_autofree gunichar *chars = NULL;
  g_autofree ShenbaoBreakItem *items = NULL;
  glong n;

  g_return_val_if_fail (text != NULL, NULL);

  n = text_items (text, char_width, user_data, &chars, &items);
  lines = shenbao_line_break_items (items, n, max_width);
  for (guint i = 0; i < lines->len; i++)
    {
      ShenbaoLineSpan *span = &g_array_index (lines, ShenbaoLineSpan, i);
      g_autofree char *line = g_ucs4_to_utf8 (chars + span->start, span->end - span->start,
                                              NULL, NULL, NULL);

      g_strv_builder_add (builder, line);
    }
  return g_strv_builder_end (builder);
}

/* The width of the widest run that has no break inside it. */
static double
least_width (const ShenbaoBreakItem *items,
             glong                   n)
{
  double widest = 0, run = 0;

  for (glong i = 0; i < n; i++)
    {
      if (i > 0 && break_allowed (items, i))
        run = 0;
      if (items[i].break_class != SHENBAO_BREAK_SPACE)
        run += items[i].width;
      widest = MAX (widest, run);
    }
  return widest;
}

/* A twelfth halving of the range leaves less than a hundredth of a point
 * on a label cell's width. */
#define BALANCE_STEPS 12

double
shenbao_line_break_text_balanced_width (const char           *text,
                                        double                max_width,
                                        guint                 n_lines,
                                        ShenbaoCharWidthFunc  char_width,
                                        gpointer              user_data)
{
  g_autofree gunichar *chars = NULL;
  g_autofree ShenbaoBreakItem *items = NULL;
  glong n = text_items (text, char_width, user_data, &chars, &items);
  /* Narrower than its widest word, the text would break inside it. */
  double low = MIN (max_width, least_width (items, n)), high = max_width;

  for (int i = 0; i < BALANCE_STEPS; i++)
    {
      double middle = (low + high) / 2;
      g_autoptr(GArray) lines = shenbao_line_break_items (items, n, middle);

      if (lines->len > n_lines)
        low = middle;
      else
        high = middle;
    }
  return high;
}

gboolean *
shenbao_line_break_word_starts (const char *text,
                                glong      *n_chars)
{
  glong n_units = 0;
  g_autofree gunichar2 *units = g_utf8_to_utf16 (text, -1, NULL, &n_units, NULL);
  g_autofree glong *char_of_unit = NULL;
  gboolean *starts;
  UErrorCode status = U_ZERO_ERROR;
  UBreakIterator *words;
  glong n = 0;

  g_return_val_if_fail (units != NULL, NULL);

  /* ICU counts UTF-16 units; a character beyond the BMP (𠮷) takes two. */
  char_of_unit = g_new (glong, n_units + 1);
  for (glong unit = 0; unit < n_units; unit++)
    {
      gboolean low_surrogate = units[unit] >= 0xDC00 && units[unit] <= 0xDFFF;

      char_of_unit[unit] = low_surrogate ? n - 1 : n++;
    }
  char_of_unit[n_units] = n;
  *n_chars = n;
  starts = g_new0 (gboolean, n + 1);

  words = ubrk_open (UBRK_WORD, "zh", (const UChar *) units, (int32_t) n_units, &status);
  /* Without ICU's data there is no dictionary: every character starts a
   * word, which is what Chinese typesetting allows anyway. */
  if (U_FAILURE (status))
    {
      for (glong i = 0; i <= n; i++)
        starts[i] = TRUE;
      return starts;
    }
  for (int32_t boundary = ubrk_first (words); boundary != UBRK_DONE; boundary = ubrk_next (words))
    starts[char_of_unit[boundary]] = TRUE;
  ubrk_close (words);
  return starts;
}
