/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shenbao-pdf-flow.h"

G_BEGIN_DECLS

/* A ruled table as the organiser's forms draw them: rows of cells, and
 * groups whose label cell on the left spans the rows stacked beside it
 * (现有职业资格证书 over its three rows). Blocks are measured, then drawn;
 * a group too tall for the page splits between its rows. */

typedef struct
{
  ShenbaoPdfStyle  label;            /* printed labels */
  ShenbaoPdfStyle  note;             /* small print under a group's label */
  ShenbaoPdfStyle  value;            /* the candidate's values */
  ShenbaoPdfStyle  not_applicable;   /* over what the candidate leaves blank */
  double           line_height;      /* of the ruled lines of a lines cell */
  gboolean         show_values;      /* the fill-in guide */
  const char      *not_applicable_text;
} ShenbaoPdfTableStyle;

typedef struct _ShenbaoPdfCell ShenbaoPdfCell;
typedef struct _ShenbaoPdfBlock ShenbaoPdfBlock;

/* Printed text, centred both ways. */
ShenbaoPdfCell  *shenbao_pdf_cell_new_label          (const char                 *text);
/* The whole cell is the blank. */
ShenbaoPdfCell  *shenbao_pdf_cell_new_field          (const char                 *value);
/* n boxes, one character each (the ID number); more for a longer value. */
ShenbaoPdfCell  *shenbao_pdf_cell_new_grid           (guint                       n,
                                                      const char                 *value);
/* n ruled lines to write on; the value is wrapped onto them. */
ShenbaoPdfCell  *shenbao_pdf_cell_new_lines          (guint                       n,
                                                      const char                 *value);
/* A square to tick by hand. */
ShenbaoPdfCell  *shenbao_pdf_cell_new_tick_box       (void);
/* Flows stacked, each aligned (takes them). */
ShenbaoPdfCell  *shenbao_pdf_cell_new_flows          (void);
void             shenbao_pdf_cell_add_flow           (ShenbaoPdfCell             *cell,
                                                      ShenbaoPdfFlow             *flow,
                                                      ShenbaoPdfAlign             align);
/* The fill-in guide writes “无需填写” over the cell. */
void             shenbao_pdf_cell_set_not_applicable (ShenbaoPdfCell             *cell,
                                                      gboolean                    not_applicable);

ShenbaoPdfBlock *shenbao_pdf_block_new_row           (double                      least_height);
/* width 0: what the row has left. Takes the cell. */
void             shenbao_pdf_block_add_cell          (ShenbaoPdfBlock            *row,
                                                      double                      width,
                                                      ShenbaoPdfCell             *cell);
/* note: small print under the label, or NULL. */
ShenbaoPdfBlock *shenbao_pdf_block_new_group         (double                      label_width,
                                                      const char                 *label,
                                                      const char                 *note);
/* Takes the child. */
void             shenbao_pdf_block_add_child         (ShenbaoPdfBlock            *group,
                                                      ShenbaoPdfBlock            *child);
void             shenbao_pdf_block_free              (ShenbaoPdfBlock            *block);

double           shenbao_pdf_block_measure           (ShenbaoPdfBlock            *block,
                                                      const ShenbaoPdfTableStyle *style,
                                                      double                      width);
/* Moves the rows of a group that do not fit in height to a new group with
 * the same label, and returns it; NULL when all fit or when not even the
 * first row does (the block then goes to the next page whole). */
ShenbaoPdfBlock *shenbao_pdf_block_split             (ShenbaoPdfBlock            *block,
                                                      const ShenbaoPdfTableStyle *style,
                                                      double                      width,
                                                      double                      height);
/* Draws the block as last measured. */
void             shenbao_pdf_block_draw              (ShenbaoPdfBlock            *block,
                                                      ShenbaoPdfLayout           *layout,
                                                      const ShenbaoPdfTableStyle *style,
                                                      double                      x,
                                                      double                      y);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShenbaoPdfBlock, shenbao_pdf_block_free)

G_END_DECLS
