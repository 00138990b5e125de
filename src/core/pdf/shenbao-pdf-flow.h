/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shenbao-pdf-layout.h"

G_BEGIN_DECLS

/* A paragraph of printed text with blanks to write in by hand, broken into
 * lines by the rules of Chinese typesetting, each line line_height high (the
 * guide's forms are handwritten: at least 8 mm). A blank is
 * as wide as the candidate's value needs in the value style, and at least
 * its least width, so that the blank form and the fill-in guide lay out the
 * same; the fill-in guide shows the value in it. */
typedef struct _ShenbaoPdfFlow ShenbaoPdfFlow;

ShenbaoPdfFlow *shenbao_pdf_flow_new       (const ShenbaoPdfStyle *text_style,
                                            const ShenbaoPdfStyle *value_style,
                                            double                 line_height);
void            shenbao_pdf_flow_free      (ShenbaoPdfFlow        *self);
void            shenbao_pdf_flow_add_text  (ShenbaoPdfFlow        *self,
                                            const char            *text);
/* Printed text in bold: the guide's emphasis. */
void            shenbao_pdf_flow_add_emphasis (ShenbaoPdfFlow     *self,
                                               const char         *text);
/* grid > 0: that many boxes (or more for a longer value), one character of
 * the value in each. */
void            shenbao_pdf_flow_add_blank (ShenbaoPdfFlow        *self,
                                            double                 least_width,
                                            guint                  grid,
                                            const char            *value);
/* A note on the last blank added, shown with the values above it: why it
 * stays empty. */
void            shenbao_pdf_flow_set_note  (ShenbaoPdfFlow        *self,
                                            const char            *note);
/* Breaks the flow into lines of width; returns its height. */
double          shenbao_pdf_flow_measure   (ShenbaoPdfFlow        *self,
                                            double                 width);
/* The lines of the last measure, and the width the last one shows. */
guint           shenbao_pdf_flow_get_n_lines         (ShenbaoPdfFlow        *self);
double          shenbao_pdf_flow_get_last_line_width (ShenbaoPdfFlow        *self);
double          shenbao_pdf_flow_get_line_width      (ShenbaoPdfFlow        *self,
                                                      guint                  line);
double          shenbao_pdf_flow_get_line_height     (ShenbaoPdfFlow        *self);
/* Draws the lines of the last measure from top; the values only when
 * show_values. */
void            shenbao_pdf_flow_draw      (ShenbaoPdfFlow        *self,
                                            ShenbaoPdfLayout      *layout,
                                            double                 x,
                                            double                 top,
                                            ShenbaoPdfAlign        align,
                                            gboolean               show_values);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShenbaoPdfFlow, shenbao_pdf_flow_free)

G_END_DECLS
