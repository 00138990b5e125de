/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shenbao-pdf-flow"

#include "shenbao-line-break.h"
#include "shenbao-pdf-flow.h"

/* The room beside a value in its blank, and the boxes of a grid. */
#define BLANK_PADDING 2.0
#define GRID_BOX_WIDTH 5.2
#define GRID_BOX_HEIGHT 8.0
/* A blank whose value is wider than this may go on from one line to the
 * next, as a long name is written on a form, rather than leave the rest of
 * a line empty (the employer's full registered name, the school's). */
#define BREAKABLE_WIDTH 40.0
/* The underline of a blank lies this far below the text's baseline, which
 * lies this far above the bottom of its line. */
#define UNDERLINE_DROP 1.0
#define BASELINE_RISE 2.2

/* A printed character, a whole blank, or one character of a long blank's
 * value (a part): the line may break between parts. */
typedef struct
{
  gunichar  c;        /* the character, 0 for a whole blank */
  double    width;    /* a whole blank's before the line caps it */
  int       blank;    /* which blank the item is or belongs to, -1 for text */
  guint     grid;     /* a whole blank drawn as boxes */
  char     *value;    /* a whole blank's value */
  gboolean  glued;    /* the line may not break before it: a part, or inside a word */
  gboolean  inside_word; /* a part inside a word of its value: no break there if it costs no line */
  ShenbaoBreakClass break_class; /* found once: the form's fitting measures a flow many times */
  gboolean  emphasis; /* printed text in bold, as the guide emphasises it */
  char     *note;     /* a whole blank's note in the fill-in guide */
} FlowItem;

struct _ShenbaoPdfFlow
{
  ShenbaoPdfStyle text_style;
  ShenbaoPdfStyle value_style;
  double          line_height;
  GArray         *items;      /* FlowItem */
  int             n_blanks;
  GArray         *lines;      /* ShenbaoLineSpan of the last measure */
  double          width;      /* of the last measure */
};

static void
item_clear (gpointer data)
{
  FlowItem *item = data;

  g_clear_pointer (&item->value, g_free);
  g_clear_pointer (&item->note, g_free);
}

ShenbaoPdfFlow *
shenbao_pdf_flow_new (const ShenbaoPdfStyle *text_style,
                      const ShenbaoPdfStyle *value_style,
                      double                 line_height)
{
  ShenbaoPdfFlow *self = g_new0 (ShenbaoPdfFlow, 1);

  self->text_style = *text_style;
  self->value_style = *value_style;
  self->line_height = line_height;
  self->items = g_array_new (FALSE, TRUE, sizeof (FlowItem));
  g_array_set_clear_func (self->items, item_clear);
  return self;
}

void
shenbao_pdf_flow_free (ShenbaoPdfFlow *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->items);
  g_clear_pointer (&self->lines, g_array_unref);
  g_free (self);
}

static void
append_item (ShenbaoPdfFlow *self,
             FlowItem       *item)
{
  /* A whole blank breaks like an ideograph, a part like its character. */
  item->break_class = item->c == 0 ? SHENBAO_BREAK_IDEOGRAPHIC : shenbao_break_class_of (item->c);
  g_array_append_val (self->items, *item);
}

static void
add_text (ShenbaoPdfFlow *self,
          const char     *text,
          gboolean        emphasis)
{
  gboolean glued = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      FlowItem item = { g_utf8_get_char (p), 0, -1 };

      /* A word joiner glues what follows; it is never drawn. */
      if (item.c == SHENBAO_WORD_JOINER)
        {
          glued = TRUE;
          continue;
        }
      item.width = shenbao_pdf_style_char_width (&self->text_style, item.c);
      item.glued = glued;
      item.emphasis = emphasis;
      glued = FALSE;
      append_item (self, &item);
    }
}

void
shenbao_pdf_flow_add_text (ShenbaoPdfFlow *self,
                           const char     *text)
{
  add_text (self, text, FALSE);
}

void
shenbao_pdf_flow_add_emphasis (ShenbaoPdfFlow *self,
                               const char     *text)
{
  add_text (self, text, TRUE);
}

void
shenbao_pdf_flow_set_note (ShenbaoPdfFlow *self,
                           const char     *note)
{
  FlowItem *last;

  g_return_if_fail (self->items->len > 0);

  last = &g_array_index (self->items, FlowItem, self->items->len - 1);
  g_return_if_fail (last->c == 0);
  g_free (last->note);
  last->note = g_strdup (note);
}

/* A long value breaks no nearer its ends than this, so that no line holds
 * one stray character of a name. */
#define LEAST_PART 3

/* The value's characters as parts of one blank, with the padding on the
 * first and last, and the last taking up what the least width asks more.
 * It breaks between words (北京市|海淀区|…|有限公司), where it can. */
static void
add_parts (ShenbaoPdfFlow *self,
           double          least_width,
           const char     *value,
           double          value_width)
{
  guint first = self->items->len;
  glong n_chars = 0;
  g_autofree gboolean *word_starts = shenbao_line_break_word_starts (value, &n_chars);
  FlowItem *last;

  for (const char *p = value; *p != '\0'; p = g_utf8_next_char (p))
    {
      FlowItem item = { g_utf8_get_char (p), 0, self->n_blanks };

      item.width = shenbao_pdf_style_char_width (&self->value_style, item.c);
      append_item (self, &item);
    }
  for (guint i = first + 1; i < self->items->len; i++)
    {
      FlowItem *part = &g_array_index (self->items, FlowItem, i);

      part->glued = i - first < LEAST_PART || self->items->len - i < LEAST_PART;
      part->inside_word = !word_starts[i - first];
    }
  g_array_index (self->items, FlowItem, first).width += BLANK_PADDING;
  last = &g_array_index (self->items, FlowItem, self->items->len - 1);
  last->width += BLANK_PADDING + MAX (0, least_width - value_width);
}

void
shenbao_pdf_flow_add_blank (ShenbaoPdfFlow *self,
                            double          least_width,
                            guint           grid,
                            const char     *value)
{
  double value_width = value != NULL ? shenbao_pdf_style_text_width (&self->value_style, value) : 0;

  if (grid == 0 && value != NULL && value_width + 2 * BLANK_PADDING > BREAKABLE_WIDTH)
    add_parts (self, least_width, value, value_width);
  else
    {
      FlowItem item = { 0, least_width, self->n_blanks, grid, g_strdup (value) };

      /* A value longer than the grid gets boxes enough, as in a table. */
      if (grid > 0)
        {
          item.grid = MAX (grid, value != NULL ? (guint) g_utf8_strlen (value, -1) : 0);
          item.width = item.grid * GRID_BOX_WIDTH;
        }
      else if (value != NULL)
        item.width = MAX (least_width, value_width + 2 * BLANK_PADDING);
      append_item (self, &item);
    }
  self->n_blanks++;
}

static double
item_width (ShenbaoPdfFlow *self,
            const FlowItem *item)
{
  return item->c == 0 ? MIN (item->width, self->width) : item->width;
}

double
shenbao_pdf_flow_measure (ShenbaoPdfFlow *self,
                          double          width)
{
  g_autofree ShenbaoBreakItem *breaks = g_new (ShenbaoBreakItem, MAX (self->items->len, 1));
  gboolean has_words = FALSE;

  self->width = width;
  for (guint i = 0; i < self->items->len; i++)
    {
      const FlowItem *item = &g_array_index (self->items, FlowItem, i);

      breaks[i].width = item_width (self, item);
      breaks[i].break_class = item->break_class;
      breaks[i].glued = item->glued || item->inside_word;
      has_words |= item->inside_word;
    }
  g_clear_pointer (&self->lines, g_array_unref);
  self->lines = shenbao_line_break_items (breaks, self->items->len, width);
  /* Values break between their words unless that takes one more line,
   * which could push the form onto a second sheet: then between any two
   * characters, as Chinese allows. */
  if (has_words)
    {
      g_autoptr(GArray) tighter = NULL;

      for (guint i = 0; i < self->items->len; i++)
        breaks[i].glued = g_array_index (self->items, FlowItem, i).glued;
      tighter = shenbao_line_break_items (breaks, self->items->len, width);
      if (tighter->len < self->lines->len)
        {
          g_array_unref (self->lines);
          self->lines = g_steal_pointer (&tighter);
        }
    }
  return MAX (self->lines->len, 1) * self->line_height;
}

guint
shenbao_pdf_flow_get_n_lines (ShenbaoPdfFlow *self)
{
  return self->lines != NULL ? self->lines->len : 0;
}

double
shenbao_pdf_flow_get_last_line_width (ShenbaoPdfFlow *self)
{
  if (self->lines == NULL || self->lines->len == 0)
    return 0;
  return g_array_index (self->lines, ShenbaoLineSpan, self->lines->len - 1).width;
}

double
shenbao_pdf_flow_get_line_width (ShenbaoPdfFlow *self,
                                 guint           line)
{
  g_return_val_if_fail (self->lines != NULL && line < self->lines->len, 0);

  return g_array_index (self->lines, ShenbaoLineSpan, line).width;
}

double
shenbao_pdf_flow_get_line_height (ShenbaoPdfFlow *self)
{
  return self->line_height;
}

/* A blank's note in the fill-in guide, in print rather than in the Kai of
 * what to write, above the blank in the room between the lines: as large
 * as that room allows, within these sizes (points). */
#define NOTE_GAP 0.4
#define NOTE_LEAST_SIZE 6.0
#define NOTE_MOST_SIZE 9.0
#define MM_PER_POINT (25.4 / 72)

static void
draw_note (ShenbaoPdfFlow   *self,
           ShenbaoPdfLayout *layout,
           const char       *note,
           double            x,
           double            baseline)
{
  ShenbaoPdfStyle style = { SHENBAO_PDF_FACE_SONG, NOTE_LEAST_SIZE, SHENBAO_PDF_RED, FALSE };
  double text_top = baseline - shenbao_pdf_style_baseline (&self->text_style, 0)
                    - shenbao_pdf_style_em (&self->text_style) / 2;
  double line_top = baseline + BASELINE_RISE - self->line_height;
  double middle;

  style.size = CLAMP ((text_top - NOTE_GAP - line_top) / MM_PER_POINT, NOTE_LEAST_SIZE, NOTE_MOST_SIZE);
  middle = text_top - NOTE_GAP - shenbao_pdf_style_em (&style) / 2;
  shenbao_pdf_layout_text (layout, x, shenbao_pdf_style_baseline (&style, middle), &style, note);
}

static void
draw_whole_blank (ShenbaoPdfFlow   *self,
                  ShenbaoPdfLayout *layout,
                  const FlowItem   *item,
                  double            x,
                  double            baseline,
                  gboolean          show_values)
{
  double width = item_width (self, item);
  const char *value = show_values ? item->value : NULL;

  if (show_values && item->note != NULL)
    draw_note (self, layout, item->note, x, baseline);
  if (item->grid > 0)
    {
      double height = MIN (GRID_BOX_HEIGHT, self->line_height - 1.0);

      shenbao_pdf_layout_boxes (layout, x, baseline + UNDERLINE_DROP - height, GRID_BOX_WIDTH, height, item->grid,
                                &self->value_style, value);
      return;
    }
  shenbao_pdf_layout_line (layout, x, baseline + UNDERLINE_DROP, x + width, baseline + UNDERLINE_DROP, 0.5,
                           SHENBAO_PDF_BLACK);
  if (value != NULL)
    {
      /* On the text's baseline: text_in centres the em box on the middle. */
      double middle = baseline - shenbao_pdf_style_baseline (&self->value_style, 0);

      shenbao_pdf_layout_text_in (layout, x + BLANK_PADDING / 2, width - BLANK_PADDING, middle,
                                  SHENBAO_PDF_ALIGN_CENTER, &self->value_style, value);
    }
}

/* The parts of one long blank on one line, [start, end): one underline, and
 * their characters where they were measured. */
static void
draw_parts (ShenbaoPdfFlow   *self,
            ShenbaoPdfLayout *layout,
            guint             start,
            guint             end,
            double            x,
            double            baseline,
            gboolean          show_values)
{
  g_autoptr(GString) characters = g_string_new (NULL);
  double width = 0;
  double text_x = x;

  if (start == 0 || g_array_index (self->items, FlowItem, start - 1).blank
                      != g_array_index (self->items, FlowItem, start).blank)
    text_x += BLANK_PADDING;
  for (guint i = start; i < end; i++)
    {
      const FlowItem *item = &g_array_index (self->items, FlowItem, i);

      g_string_append_unichar (characters, item->c);
      width += item->width;
    }
  shenbao_pdf_layout_line (layout, x, baseline + UNDERLINE_DROP, x + width, baseline + UNDERLINE_DROP, 0.5,
                           SHENBAO_PDF_BLACK);
  if (show_values)
    shenbao_pdf_layout_text (layout, text_x, baseline, &self->value_style, characters->str);
}

static void
draw_line (ShenbaoPdfFlow        *self,
           ShenbaoPdfLayout      *layout,
           const ShenbaoLineSpan *span,
           double                 x,
           double                 baseline,
           gboolean               show_values)
{
  guint i = span->start;

  while (i < span->end)
    {
      const FlowItem *item = &g_array_index (self->items, FlowItem, i);
      guint end = i + 1;
      double width = item_width (self, item);

      /* A run of printed text of one emphasis, or of one blank's parts. */
      if (item->blank < 0 || item->c != 0)
        while (end < span->end && g_array_index (self->items, FlowItem, end).blank == item->blank
               && g_array_index (self->items, FlowItem, end).c != 0
               && g_array_index (self->items, FlowItem, end).emphasis == item->emphasis)
          width += g_array_index (self->items, FlowItem, end++).width;

      if (item->blank < 0)
        {
          g_autoptr(GString) run = g_string_new (NULL);
          ShenbaoPdfStyle style = self->text_style;

          for (guint j = i; j < end; j++)
            g_string_append_unichar (run, g_array_index (self->items, FlowItem, j).c);
          style.bold = style.bold || item->emphasis;
          shenbao_pdf_layout_text (layout, x, baseline, &style, run->str);
        }
      else if (item->c != 0)
        draw_parts (self, layout, i, end, x, baseline, show_values);
      else
        draw_whole_blank (self, layout, item, x, baseline, show_values);
      x += width;
      i = end;
    }
}

void
shenbao_pdf_flow_draw (ShenbaoPdfFlow   *self,
                       ShenbaoPdfLayout *layout,
                       double            x,
                       double            top,
                       ShenbaoPdfAlign   align,
                       gboolean          show_values)
{
  g_return_if_fail (self->lines != NULL);

  for (guint l = 0; l < self->lines->len; l++)
    {
      const ShenbaoLineSpan *span = &g_array_index (self->lines, ShenbaoLineSpan, l);
      double baseline = top + (l + 1) * self->line_height - BASELINE_RISE;
      double left = x;

      if (align == SHENBAO_PDF_ALIGN_CENTER)
        left += (self->width - span->width) / 2;
      else if (align == SHENBAO_PDF_ALIGN_RIGHT)
        left += self->width - span->width;
      draw_line (self, layout, span, left, baseline, show_values);
    }
}
