/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shenbao-application.h"
#include "shenbao-catalogue.h"

G_BEGIN_DECLS

/* The PDFs the candidate prints, handwrites, photographs and mails, with
 * their file names. The blank forms hold none of the
 * candidate's data: the guide demands handwriting; the fill-in guide shows
 * what to write. */
typedef enum
{
  SHENBAO_DOCUMENT_PRINT_PACKAGE,          /* all of them, in print order */
  SHENBAO_DOCUMENT_APPLICATION_FORM,       /* 北京市职业技能认定申报表 */
  SHENBAO_DOCUMENT_WORK_COMMITMENT,        /* 个人工作经历承诺书 (conditions 1, 2) */
  SHENBAO_DOCUMENT_EDUCATION_COMMITMENT,   /* 学历承诺书 (condition 3) */
  SHENBAO_DOCUMENT_FILL_GUIDE,             /* 填写参照 */
  SHENBAO_DOCUMENT_CHECKLIST,              /* 材料清单与邮寄单 */
  SHENBAO_N_DOCUMENTS,
} ShenbaoDocument;

/* "application-form": the document's name, and with ".pdf" its file's. */
const char *shenbao_document_get_name       (ShenbaoDocument      document);
/* What the document is called in the user's language. */
const char *shenbao_document_get_title      (ShenbaoDocument      document);
gboolean    shenbao_document_from_name      (const char          *name,
                                             ShenbaoDocument     *document);
char       *shenbao_document_get_file_name  (ShenbaoDocument      document);
/* Whether the application's condition has the document: a commitment letter
 * goes with its conditions, the others with every condition. */
gboolean    shenbao_document_applies        (ShenbaoDocument      document,
                                             ShenbaoApplication  *application);

/* The document as PDF. Fails when the application has no condition (every
 * form depends on it) or when no font can print it. warnings (may be NULL)
 * receives, as translated sentences, what could not be printed as asked. */
GBytes     *shenbao_document_render         (ShenbaoDocument      document,
                                             ShenbaoApplication  *application,
                                             ShenbaoCatalogue    *catalogue,
                                             GPtrArray           *warnings,
                                             GError             **error);
/* A set of documents, for shenbao_documents_render_some(). */
#define SHENBAO_DOCUMENT_BIT(document) (1u << (document))
#define SHENBAO_DOCUMENTS_ALL          (SHENBAO_DOCUMENT_BIT (SHENBAO_N_DOCUMENTS) - 1)

/* Writes every document that applies into folder, creating it. */
gboolean    shenbao_documents_render_all    (ShenbaoApplication  *application,
                                             ShenbaoCatalogue    *catalogue,
                                             const char          *folder,
                                             GPtrArray           *warnings,
                                             GError             **error);
/* The same for the documents of the set (SHENBAO_DOCUMENT_BIT()s) alone. */
gboolean    shenbao_documents_render_some   (ShenbaoApplication  *application,
                                             ShenbaoCatalogue    *catalogue,
                                             const char          *folder,
                                             guint                documents,
                                             GPtrArray           *warnings,
                                             GError             **error);
gboolean    shenbao_document_render_to_file (ShenbaoDocument      document,
                                             ShenbaoApplication  *application,
                                             ShenbaoCatalogue    *catalogue,
                                             const char          *path,
                                             GPtrArray           *warnings,
                                             GError             **error);

G_END_DECLS
