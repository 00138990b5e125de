/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shenbao-commitment-letter"

#include "shenbao-documents-private.h"

/* 个人工作经历承诺书 and 学历承诺书 (guide §二): a title, paragraphs with
 * blanks, and the signature lines, on a page of their own. */
#define LETTER_MARGIN 25.0
#define LETTER_WIDTH (SHENBAO_PDF_PAGE_WIDTH - 2 * LETTER_MARGIN)
#define TITLE_MIDDLE 45.0
/* Lines to write on: handwriting needs at least 8 mm. */
#define PARAGRAPH_LINE 11.0
#define CLOSING_LINE 12.0
#define CLOSING_LEFT 88.0
/* Chinese paragraphs open with an indent of two characters. */
#define INDENT "　　"

static const ShenbaoPdfStyle letter_title_style = { SHENBAO_PDF_FACE_SONG, 22, SHENBAO_PDF_BLACK, TRUE };
static const ShenbaoPdfStyle letter_text_style = { SHENBAO_PDF_FACE_SONG, 13, SHENBAO_PDF_BLACK, FALSE };

static double
add_flow (ShenbaoDocumentContext *context,
          const ShenbaoFormText  *text,
          const char             *indent,
          double                  x,
          double                  y,
          double                  width,
          double                  line_height)
{
  ShenbaoPdfStyle value_style = shenbao_document_value_style (14);
  g_autoptr(ShenbaoPdfFlow) flow = shenbao_pdf_flow_new (&letter_text_style, &value_style, line_height);
  double height;

  if (indent != NULL)
    shenbao_pdf_flow_add_text (flow, indent);
  shenbao_document_add_form_text (context->forms, flow, text, context->values);
  height = shenbao_pdf_flow_measure (flow, width);
  shenbao_pdf_flow_draw (flow, context->layout, x, y, SHENBAO_PDF_ALIGN_LEFT, context->fill_guide);
  return height;
}

void
shenbao_commitment_letter_add_page (ShenbaoDocumentContext *context,
                                    const char             *letter)
{
  GPtrArray *paragraphs = shenbao_forms_get_all (context->forms, letter, "paragraph");
  GPtrArray *closings = shenbao_forms_get_all (context->forms, letter, "closing");
  double y = TITLE_MIDDLE + 20;

  shenbao_document_add_page (context);
  shenbao_pdf_layout_text_in (context->layout, LETTER_MARGIN, LETTER_WIDTH, TITLE_MIDDLE, SHENBAO_PDF_ALIGN_CENTER,
                              &letter_title_style, shenbao_forms_get_plain (context->forms, letter, "title"));
  for (guint i = 0; i < paragraphs->len; i++)
    y += add_flow (context, g_ptr_array_index (paragraphs, i), INDENT, LETTER_MARGIN, y, LETTER_WIDTH,
                   PARAGRAPH_LINE);
  y += 2 * CLOSING_LINE;
  for (guint i = 0; i < closings->len; i++)
    y += add_flow (context, g_ptr_array_index (closings, i), NULL, CLOSING_LEFT, y,
                   SHENBAO_PDF_PAGE_WIDTH - LETTER_MARGIN - CLOSING_LEFT, CLOSING_LINE);
}
