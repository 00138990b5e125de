/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shenbao-pdf-table"

#include "shenbao-pdf-table.h"

/* Room inside a cell's borders, the borders' width (points), the line
 * height of labels (in ems) and the boxes of a grid. */
#define PADDING_X 1.5
#define PADDING_Y 1.0
#define BORDER 0.6
#define LABEL_LINE 1.3
#define GRID_BOX_WIDTH 5.2
#define GRID_BOX_HEIGHT 7.0
#define TICK_BOX 4.5
/* A value sits this far above the bottom of its ruled line. */
#define LINE_BASELINE_RISE 2.2

typedef enum
{
  CELL_LABEL,
  CELL_FIELD,
  CELL_GRID,
  CELL_LINES,
  CELL_FLOWS,
  CELL_TICK_BOX,
} CellKind;

struct _ShenbaoPdfCell
{
  CellKind   kind;
  char      *text;            /* a label's text, or the value */
  guint      n;               /* boxes of a grid, lines of a lines cell */
  GPtrArray *flows;           /* ShenbaoPdfFlow */
  GArray    *aligns;          /* ShenbaoPdfAlign, one per flow */
  gboolean   not_applicable;
  double     width;           /* as last measured */
};

struct _ShenbaoPdfBlock
{
  gboolean   is_group;
  double     least_height;
  GPtrArray *cells;           /* a row's ShenbaoPdfCell */
  GArray    *widths;          /* a row's asked widths, 0: the rest */
  double     label_width;     /* a group's */
  char      *label;
  char      *note;
  GPtrArray *children;        /* a group's ShenbaoPdfBlock */
  double     width;           /* as last measured */
  double     height;
};

static ShenbaoPdfCell *
cell_new (CellKind    kind,
          const char *text,
          guint       n)
{
  ShenbaoPdfCell *cell = g_new0 (ShenbaoPdfCell, 1);

  cell->kind = kind;
  cell->text = g_strdup (text);
  cell->n = n;
  return cell;
}

static void
cell_free (ShenbaoPdfCell *cell)
{
  g_free (cell->text);
  g_clear_pointer (&cell->flows, g_ptr_array_unref);
  g_clear_pointer (&cell->aligns, g_array_unref);
  g_free (cell);
}

ShenbaoPdfCell *
shenbao_pdf_cell_new_label (const char *text)
{
  return cell_new (CELL_LABEL, text, 0);
}

ShenbaoPdfCell *
shenbao_pdf_cell_new_field (const char *value)
{
  return cell_new (CELL_FIELD, value, 0);
}

/* A value longer than the grid (a mistyped ID number) gets boxes enough:
 * nothing of it is left out. */
ShenbaoPdfCell *
shenbao_pdf_cell_new_grid (guint       n,
                           const char *value)
{
  return cell_new (CELL_GRID, value, MAX (n, value != NULL ? (guint) g_utf8_strlen (value, -1) : 0));
}

ShenbaoPdfCell *
shenbao_pdf_cell_new_lines (guint       n,
                            const char *value)
{
  return cell_new (CELL_LINES, value, n);
}

ShenbaoPdfCell *
shenbao_pdf_cell_new_tick_box (void)
{
  return cell_new (CELL_TICK_BOX, NULL, 0);
}

ShenbaoPdfCell *
shenbao_pdf_cell_new_flows (void)
{
  ShenbaoPdfCell *cell = cell_new (CELL_FLOWS, NULL, 0);

  cell->flows = g_ptr_array_new_with_free_func ((GDestroyNotify) shenbao_pdf_flow_free);
  cell->aligns = g_array_new (FALSE, FALSE, sizeof (ShenbaoPdfAlign));
  return cell;
}

void
shenbao_pdf_cell_add_flow (ShenbaoPdfCell  *cell,
                           ShenbaoPdfFlow  *flow,
                           ShenbaoPdfAlign  align)
{
  g_return_if_fail (cell->kind == CELL_FLOWS);

  g_ptr_array_add (cell->flows, flow);
  g_array_append_val (cell->aligns, align);
}

void
shenbao_pdf_cell_set_not_applicable (ShenbaoPdfCell *cell,
                                     gboolean        not_applicable)
{
  cell->not_applicable = not_applicable;
}

ShenbaoPdfBlock *
shenbao_pdf_block_new_row (double least_height)
{
  ShenbaoPdfBlock *row = g_new0 (ShenbaoPdfBlock, 1);

  row->least_height = least_height;
  row->cells = g_ptr_array_new_with_free_func ((GDestroyNotify) cell_free);
  row->widths = g_array_new (FALSE, FALSE, sizeof (double));
  return row;
}

void
shenbao_pdf_block_add_cell (ShenbaoPdfBlock *row,
                            double           width,
                            ShenbaoPdfCell  *cell)
{
  g_return_if_fail (!row->is_group);

  g_ptr_array_add (row->cells, cell);
  g_array_append_val (row->widths, width);
}

ShenbaoPdfBlock *
shenbao_pdf_block_new_group (double      label_width,
                             const char *label,
                             const char *note)
{
  ShenbaoPdfBlock *group = g_new0 (ShenbaoPdfBlock, 1);

  group->is_group = TRUE;
  group->label_width = label_width;
  group->label = g_strdup (label);
  group->note = g_strdup (note);
  group->children = g_ptr_array_new_with_free_func ((GDestroyNotify) shenbao_pdf_block_free);
  return group;
}

void
shenbao_pdf_block_add_child (ShenbaoPdfBlock *group,
                             ShenbaoPdfBlock *child)
{
  g_return_if_fail (group->is_group);

  g_ptr_array_add (group->children, child);
}

void
shenbao_pdf_block_free (ShenbaoPdfBlock *block)
{
  if (block == NULL)
    return;
  g_clear_pointer (&block->cells, g_ptr_array_unref);
  g_clear_pointer (&block->widths, g_array_unref);
  g_clear_pointer (&block->children, g_ptr_array_unref);
  g_free (block->label);
  g_free (block->note);
  g_free (block);
}

static double
label_line (const ShenbaoPdfStyle *style)
{
  return LABEL_LINE * shenbao_pdf_style_em (style);
}

/* Space kept between a sentence's end and a flow set on its last line. */
#define JOIN_GAP 4.0

/* A right-aligned flow of one line (the signature under a commitment) goes
 * on the last line of the flow before it when it fits there. Both must have
 * been measured. */
static gboolean
joins_previous (ShenbaoPdfCell *cell,
                guint           i,
                double          inner)
{
  ShenbaoPdfFlow *flow, *previous;

  if (i == 0 || g_array_index (cell->aligns, ShenbaoPdfAlign, i) != SHENBAO_PDF_ALIGN_RIGHT)
    return FALSE;
  flow = g_ptr_array_index (cell->flows, i);
  previous = g_ptr_array_index (cell->flows, i - 1);
  return shenbao_pdf_flow_get_n_lines (flow) == 1 && shenbao_pdf_flow_get_n_lines (previous) > 0
         && shenbao_pdf_flow_get_line_height (flow) == shenbao_pdf_flow_get_line_height (previous)
         && shenbao_pdf_flow_get_last_line_width (previous) + JOIN_GAP + shenbao_pdf_flow_get_last_line_width (flow)
              <= inner;
}

static double
measure_flows (ShenbaoPdfCell *cell,
               double          inner)
{
  double height = 0;

  for (guint i = 0; i < cell->flows->len; i++)
    {
      double flow_height = shenbao_pdf_flow_measure (g_ptr_array_index (cell->flows, i), inner);

      if (!joins_previous (cell, i, inner))
        height += flow_height;
    }
  return height;
}

static double
measure_cell (ShenbaoPdfCell             *cell,
              const ShenbaoPdfTableStyle *style,
              double                      width)
{
  double inner = width - 2 * PADDING_X;
  double height = 0;

  cell->width = width;
  switch (cell->kind)
    {
    case CELL_LABEL:
      height = shenbao_pdf_layout_paragraph (NULL, 0, 0, inner, label_line (&style->label), SHENBAO_PDF_ALIGN_CENTER,
                                             &style->label, cell->text, FALSE);
      break;
    case CELL_FIELD:
      height = 1.4 * shenbao_pdf_style_em (&style->value);
      break;
    case CELL_GRID:
      height = GRID_BOX_HEIGHT;
      break;
    case CELL_LINES:
      height = cell->n * style->line_height;
      break;
    case CELL_FLOWS:
      height = measure_flows (cell, inner);
      break;
    case CELL_TICK_BOX:
      height = TICK_BOX;
      break;
    }
  return height + 2 * PADDING_Y;
}

static double
measure_group_label (ShenbaoPdfBlock            *group,
                     const ShenbaoPdfTableStyle *style,
                     gboolean                    draw,
                     ShenbaoPdfLayout           *layout,
                     double                      x,
                     double                      top)
{
  double inner = group->label_width - 2 * PADDING_X;
  double height = shenbao_pdf_layout_paragraph (layout, x + PADDING_X, top, inner, label_line (&style->label),
                                                SHENBAO_PDF_ALIGN_CENTER, &style->label, group->label, draw);

  if (group->note != NULL)
    height += shenbao_pdf_layout_paragraph (layout, x + PADDING_X, top + height, inner, label_line (&style->note),
                                            SHENBAO_PDF_ALIGN_CENTER, &style->note, group->note, draw);
  return height;
}

/* A group's label taller than its rows makes its last row taller. */
static void
grow (ShenbaoPdfBlock *block,
      double           extra)
{
  block->height += extra;
  if (block->is_group && block->children->len > 0)
    grow (g_ptr_array_index (block->children, block->children->len - 1), extra);
}

double
shenbao_pdf_block_measure (ShenbaoPdfBlock            *block,
                           const ShenbaoPdfTableStyle *style,
                           double                      width)
{
  block->width = width;
  block->height = block->least_height;

  if (block->is_group)
    {
      double label = measure_group_label (block, style, FALSE, NULL, 0, 0) + 2 * PADDING_Y;

      block->height = 0;
      for (guint i = 0; i < block->children->len; i++)
        block->height += shenbao_pdf_block_measure (g_ptr_array_index (block->children, i), style,
                                                    width - block->label_width);
      if (label > block->height)
        grow (block, label - block->height);
      return block->height;
    }

  {
    double fixed = 0;

    for (guint i = 0; i < block->widths->len; i++)
      fixed += g_array_index (block->widths, double, i);
    for (guint i = 0; i < block->cells->len; i++)
      {
        double cell_width = g_array_index (block->widths, double, i);

        if (cell_width == 0)
          cell_width = width - fixed;
        block->height = MAX (block->height, measure_cell (g_ptr_array_index (block->cells, i), style, cell_width));
      }
  }
  return block->height;
}

ShenbaoPdfBlock *
shenbao_pdf_block_split (ShenbaoPdfBlock            *block,
                         const ShenbaoPdfTableStyle *style,
                         double                      width,
                         double                      height)
{
  ShenbaoPdfBlock *rest;
  ShenbaoPdfBlock *rest_of_child = NULL;
  double used = 0;
  guint i;

  if (!block->is_group || block->height <= height)
    return NULL;

  for (i = 0; i < block->children->len; i++)
    {
      ShenbaoPdfBlock *child = g_ptr_array_index (block->children, i);

      if (used + child->height > height)
        break;
      used += child->height;
    }
  if (i < block->children->len)
    rest_of_child = shenbao_pdf_block_split (g_ptr_array_index (block->children, i), style,
                                             width - block->label_width, height - used);
  if (rest_of_child == NULL && i == 0)
    return NULL;

  rest = shenbao_pdf_block_new_group (block->label_width, block->label, block->note);
  if (rest_of_child != NULL)
    {
      shenbao_pdf_block_add_child (rest, rest_of_child);
      i++;
    }
  while (block->children->len > i)
    shenbao_pdf_block_add_child (rest, g_ptr_array_steal_index (block->children, i));

  shenbao_pdf_block_measure (block, style, width);
  shenbao_pdf_block_measure (rest, style, width);
  return rest;
}

static void
draw_lines (ShenbaoPdfCell             *cell,
            ShenbaoPdfLayout           *layout,
            const ShenbaoPdfTableStyle *style,
            double                      x,
            double                      top)
{
  double inner = cell->width - 2 * PADDING_X;
  g_auto(GStrv) lines = NULL;

  if (style->show_values && cell->text != NULL)
    lines = shenbao_pdf_style_break (&style->value, cell->text, inner);
  for (guint i = 0; i < cell->n; i++)
    {
      double bottom = top + (i + 1) * style->line_height;

      shenbao_pdf_layout_line (layout, x + PADDING_X, bottom - 0.8, x + cell->width - PADDING_X, bottom - 0.8, 0.4,
                               SHENBAO_PDF_BLACK);
      if (lines != NULL && i < g_strv_length (lines))
        shenbao_pdf_layout_text (layout, x + PADDING_X, bottom - LINE_BASELINE_RISE, &style->value, lines[i]);
    }
}

/* A stretch of a cell's line that holds nothing printed. */
typedef struct
{
  double x;       /* from the cell's inner left */
  double width;
  double middle;  /* from the top of the content */
} FreeSpace;

static void
consider (FreeSpace *best,
          double     x,
          double     width,
          double     middle)
{
  if (width > best->width)
    *best = (FreeSpace) { x, width, middle };
}

/* The widest empty stretch of the flows' lines as draw_cell sets them:
 * right of a left-aligned line, left of a right-aligned one, between a
 * sentence's end and the signature set on its last line. */
static FreeSpace
free_space (ShenbaoPdfCell *cell,
            double          inner)
{
  FreeSpace best = { 0, 0, 0 };
  double top = 0;

  for (guint i = 0; i < cell->flows->len; i++)
    {
      ShenbaoPdfFlow *flow = g_ptr_array_index (cell->flows, i);
      ShenbaoPdfAlign align = g_array_index (cell->aligns, ShenbaoPdfAlign, i);
      double line = shenbao_pdf_flow_get_line_height (flow);
      guint n = shenbao_pdf_flow_get_n_lines (flow);

      if (joins_previous (cell, i, inner))
        {
          ShenbaoPdfFlow *previous = g_ptr_array_index (cell->flows, i - 1);
          double start = shenbao_pdf_flow_get_last_line_width (previous) + JOIN_GAP / 2;
          double end = inner - shenbao_pdf_flow_get_line_width (flow, 0) - JOIN_GAP / 2;

          /* replaces what was counted right of the previous flow's last line */
          if (best.middle == top - line / 2)
            best.width = 0;
          consider (&best, start, end - start, top - line / 2);
          continue;
        }
      for (guint l = 0; l < n; l++)
        {
          double width = shenbao_pdf_flow_get_line_width (flow, l);
          double middle = top + (l + 0.5) * line;

          if (align == SHENBAO_PDF_ALIGN_RIGHT)
            consider (&best, 0, inner - width, middle);
          else if (align == SHENBAO_PDF_ALIGN_LEFT)
            consider (&best, width, inner - width, middle);
        }
      top += n * line;
    }
  return best;
}

/* “无需填写” as a stamp, where it covers no printed word: in the free space
 * of a cell of text, set smaller when the room is narrow. */
static void
stamp_not_applicable (ShenbaoPdfLayout           *layout,
                      const ShenbaoPdfTableStyle *style,
                      double                      centre_x,
                      double                      centre_y,
                      double                      room)
{
  ShenbaoPdfStyle stamp = style->not_applicable;
  double em = shenbao_pdf_style_em (&stamp);
  double width = shenbao_pdf_style_text_width (&stamp, style->not_applicable_text) + em;
  double height, x, y;

  if (width > room)
    {
      stamp.size *= room / width;
      em = shenbao_pdf_style_em (&stamp);
      width = room;
    }
  height = 1.5 * em;
  x = centre_x - width / 2;
  y = centre_y - height / 2;
  shenbao_pdf_layout_rectangle (layout, x, y, width, height, 0.8, stamp.color);
  shenbao_pdf_layout_text_in (layout, x, width, centre_y, SHENBAO_PDF_ALIGN_CENTER, &stamp,
                              style->not_applicable_text);
}

static void
draw_cell (ShenbaoPdfCell             *cell,
           ShenbaoPdfLayout           *layout,
           const ShenbaoPdfTableStyle *style,
           double                      x,
           double                      y,
           double                      height)
{
  double inner = cell->width - 2 * PADDING_X;
  double content = measure_cell (cell, style, cell->width) - 2 * PADDING_Y;
  double top = y + (height - content) / 2;
  const char *value = style->show_values ? cell->text : NULL;

  shenbao_pdf_layout_rectangle (layout, x, y, cell->width, height, BORDER, SHENBAO_PDF_BLACK);
  switch (cell->kind)
    {
    case CELL_LABEL:
      shenbao_pdf_layout_paragraph (layout, x + PADDING_X, top, inner, label_line (&style->label),
                                    SHENBAO_PDF_ALIGN_CENTER, &style->label, cell->text, TRUE);
      break;
    case CELL_FIELD:
      if (value != NULL)
        shenbao_pdf_layout_text_in (layout, x + PADDING_X, inner, y + height / 2, SHENBAO_PDF_ALIGN_CENTER,
                                    &style->value, value);
      break;
    case CELL_GRID:
      {
        double box = MIN (GRID_BOX_WIDTH, inner / cell->n);

        shenbao_pdf_layout_boxes (layout, x + (cell->width - box * cell->n) / 2, top, box, GRID_BOX_HEIGHT, cell->n,
                                  &style->value, value);
      }
      break;
    case CELL_LINES:
      draw_lines (cell, layout, style, x, top);
      break;
    case CELL_FLOWS:
      for (guint i = 0; i < cell->flows->len; i++)
        {
          ShenbaoPdfFlow *flow = g_ptr_array_index (cell->flows, i);

          if (joins_previous (cell, i, inner))
            top -= shenbao_pdf_flow_get_line_height (flow);
          shenbao_pdf_flow_draw (flow, layout, x + PADDING_X, top, g_array_index (cell->aligns, ShenbaoPdfAlign, i),
                                 style->show_values);
          top += shenbao_pdf_flow_get_n_lines (flow) * shenbao_pdf_flow_get_line_height (flow);
        }
      break;
    case CELL_TICK_BOX:
      shenbao_pdf_layout_tick_box (layout, x + (cell->width - TICK_BOX) / 2, y + (height - TICK_BOX) / 2, TICK_BOX);
      break;
    }

  if (cell->not_applicable && style->show_values && cell->kind == CELL_FLOWS)
    {
      FreeSpace space = free_space (cell, inner);

      stamp_not_applicable (layout, style, x + PADDING_X + space.x + space.width / 2,
                            y + (height - content) / 2 + space.middle, space.width - 2 * PADDING_X);
    }
  else if (cell->not_applicable && style->show_values)
    stamp_not_applicable (layout, style, x + cell->width / 2, y + height / 2, inner);
}

void
shenbao_pdf_block_draw (ShenbaoPdfBlock            *block,
                        ShenbaoPdfLayout           *layout,
                        const ShenbaoPdfTableStyle *style,
                        double                      x,
                        double                      y)
{
  if (block->is_group)
    {
      double label = measure_group_label (block, style, FALSE, NULL, 0, 0);

      shenbao_pdf_layout_rectangle (layout, x, y, block->label_width, block->height, BORDER, SHENBAO_PDF_BLACK);
      measure_group_label (block, style, TRUE, layout, x, y + (block->height - label) / 2);
      for (guint i = 0; i < block->children->len; i++)
        {
          ShenbaoPdfBlock *child = g_ptr_array_index (block->children, i);

          shenbao_pdf_block_draw (child, layout, style, x + block->label_width, y);
          y += child->height;
        }
      return;
    }

  for (guint i = 0; i < block->cells->len; i++)
    {
      ShenbaoPdfCell *cell = g_ptr_array_index (block->cells, i);

      draw_cell (cell, layout, style, x, y, block->height);
      x += cell->width;
    }
}
