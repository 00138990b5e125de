/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shenbao-documents.h"
#include "shenbao-forms.h"
#include "shenbao-pdf-table.h"

G_BEGIN_DECLS

/* Shared by the modules that lay out the documents' pages. */

#define SHENBAO_DOCUMENT_MARGIN_X 15.0
#define SHENBAO_DOCUMENT_MARGIN_TOP 12.0
#define SHENBAO_DOCUMENT_MARGIN_BOTTOM 10.0
#define SHENBAO_DOCUMENT_WIDTH (SHENBAO_PDF_PAGE_WIDTH - 2 * SHENBAO_DOCUMENT_MARGIN_X)
#define SHENBAO_DOCUMENT_BOTTOM (SHENBAO_PDF_PAGE_HEIGHT - SHENBAO_DOCUMENT_MARGIN_BOTTOM)

typedef struct
{
  ShenbaoApplication *application;
  ShenbaoCatalogue   *catalogue;
  ShenbaoForms       *forms;
  GHashTable         *values;       /* shenbao-form-values.h */
  ShenbaoPdfLayout   *layout;
  gboolean            fill_guide;   /* the values in red Kai, 无需填写, the watermark */
} ShenbaoDocumentContext;

/* The styles of every document. */
extern const ShenbaoPdfStyle shenbao_document_title_style;
extern const ShenbaoPdfStyle shenbao_document_text_style;
extern const ShenbaoPdfStyle shenbao_document_small_style;

/* A new page; in the fill-in guide with its heading and watermark. */
void            shenbao_document_add_page       (ShenbaoDocumentContext *context);
/* Adds a form text's characters and blanks to the flow; the blanks hold
 * values (may be NULL: blanks left empty) and their notes. */
void            shenbao_document_add_form_text  (ShenbaoForms           *forms,
                                                 ShenbaoPdfFlow         *flow,
                                                 const ShenbaoFormText  *text,
                                                 GHashTable             *values);
/* The style of the candidate's values: red Kai in the fill-in guide. */
ShenbaoPdfStyle shenbao_document_value_style    (double                  size);

void shenbao_application_form_add_pages (ShenbaoDocumentContext *context);
void shenbao_commitment_letter_add_page (ShenbaoDocumentContext *context,
                                         const char             *letter);
void shenbao_checklist_add_pages        (ShenbaoDocumentContext *context);

G_END_DECLS
