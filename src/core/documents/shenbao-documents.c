/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shenbao-documents"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "shenbao-documents-private.h"
#include "shenbao-error.h"
#include "shenbao-file.h"
#include "shenbao-form-values.h"

static const char * const document_names[SHENBAO_N_DOCUMENTS] = {
  [SHENBAO_DOCUMENT_PRINT_PACKAGE] = "print-package",
  [SHENBAO_DOCUMENT_APPLICATION_FORM] = "application-form",
  [SHENBAO_DOCUMENT_WORK_COMMITMENT] = "work-commitment",
  [SHENBAO_DOCUMENT_EDUCATION_COMMITMENT] = "education-commitment",
  [SHENBAO_DOCUMENT_FILL_GUIDE] = "fill-guide",
  [SHENBAO_DOCUMENT_CHECKLIST] = "checklist",
};

static const char * const document_titles[SHENBAO_N_DOCUMENTS] = {
  [SHENBAO_DOCUMENT_PRINT_PACKAGE] = N_("Print package (all of them, in order)"),
  [SHENBAO_DOCUMENT_APPLICATION_FORM] = N_("Application form"),
  [SHENBAO_DOCUMENT_WORK_COMMITMENT] = N_("Work history commitment letter"),
  [SHENBAO_DOCUMENT_EDUCATION_COMMITMENT] = N_("Education commitment letter"),
  [SHENBAO_DOCUMENT_FILL_GUIDE] = N_("Fill-in guide"),
  [SHENBAO_DOCUMENT_CHECKLIST] = N_("Checklist and mailing sheet"),
};

const ShenbaoPdfStyle shenbao_document_title_style = { SHENBAO_PDF_FACE_SONG, 16, SHENBAO_PDF_BLACK, TRUE };
const ShenbaoPdfStyle shenbao_document_text_style = { SHENBAO_PDF_FACE_SONG, 10.5, SHENBAO_PDF_BLACK, FALSE };
const ShenbaoPdfStyle shenbao_document_small_style = { SHENBAO_PDF_FACE_SONG, 8, SHENBAO_PDF_BLACK, FALSE };

/* The watermark is pale enough to read the form through it. */
static const ShenbaoPdfStyle watermark_style = { SHENBAO_PDF_FACE_SONG, 64, 0xF6D2D2, FALSE };

const char *
shenbao_document_get_name (ShenbaoDocument document)
{
  g_return_val_if_fail (document < SHENBAO_N_DOCUMENTS, NULL);

  return document_names[document];
}

const char *
shenbao_document_get_title (ShenbaoDocument document)
{
  g_return_val_if_fail (document < SHENBAO_N_DOCUMENTS, NULL);

  return _(document_titles[document]);
}

gboolean
shenbao_document_from_name (const char      *name,
                            ShenbaoDocument *document)
{
  for (int i = 0; i < SHENBAO_N_DOCUMENTS; i++)
    if (g_strcmp0 (name, document_names[i]) == 0)
      {
        *document = i;
        return TRUE;
      }
  return FALSE;
}

char *
shenbao_document_get_file_name (ShenbaoDocument document)
{
  return g_strconcat (shenbao_document_get_name (document), ".pdf", NULL);
}

/* The commitment letter of the condition (guide §二): work for 1 and 2,
 * education for 3. */
static ShenbaoDocument
condition_letter (int condition)
{
  return condition == 3 ? SHENBAO_DOCUMENT_EDUCATION_COMMITMENT : SHENBAO_DOCUMENT_WORK_COMMITMENT;
}

gboolean
shenbao_document_applies (ShenbaoDocument     document,
                          ShenbaoApplication *application)
{
  int condition = shenbao_application_get_condition (application);

  if (document == SHENBAO_DOCUMENT_WORK_COMMITMENT || document == SHENBAO_DOCUMENT_EDUCATION_COMMITMENT)
    return condition != 0 && document == condition_letter (condition);
  return document < SHENBAO_N_DOCUMENTS;
}

ShenbaoPdfStyle
shenbao_document_value_style (double size)
{
  ShenbaoPdfStyle style = { SHENBAO_PDF_FACE_KAI, size, SHENBAO_PDF_RED, FALSE };

  return style;
}

/* The guide's notes under the heading: how 至今 is written, when it is. */
static gboolean
has_present_work (ShenbaoApplication *application)
{
  guint n = shenbao_application_get_n_work_entries (application);

  if (shenbao_application_get_condition (application) == 3)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ShenbaoWorkEntry) entry = shenbao_application_get_work_entry (application, i);

      if (shenbao_work_entry_is_present (entry))
        return TRUE;
    }
  return FALSE;
}

void
shenbao_document_add_page (ShenbaoDocumentContext *context)
{
  ShenbaoPdfStyle heading = shenbao_document_value_style (9.5);
  g_autofree char *text = NULL;

  shenbao_pdf_layout_add_page (context->layout);
  if (!context->fill_guide)
    return;

  shenbao_pdf_layout_watermark (context->layout, &watermark_style,
                                shenbao_forms_get_plain (context->forms, "fill-guide", "watermark"));
  if (has_present_work (context->application))
    text = g_strconcat (shenbao_forms_get_plain (context->forms, "fill-guide", "heading"), "　",
                        shenbao_forms_get_plain (context->forms, "fill-guide", "present"), NULL);
  else
    text = g_strdup (shenbao_forms_get_plain (context->forms, "fill-guide", "heading"));
  shenbao_pdf_layout_text_in (context->layout, SHENBAO_DOCUMENT_MARGIN_X, SHENBAO_DOCUMENT_WIDTH,
                              SHENBAO_DOCUMENT_MARGIN_TOP / 2, SHENBAO_PDF_ALIGN_CENTER, &heading, text);
}

void
shenbao_document_add_form_text (ShenbaoForms          *forms,
                                ShenbaoPdfFlow        *flow,
                                const ShenbaoFormText *text,
                                GHashTable            *values)
{
  for (guint i = 0; i < text->pieces->len; i++)
    {
      const ShenbaoFormPiece *piece = g_ptr_array_index (text->pieces, i);
      const char *value = NULL;

      if (piece->kind == SHENBAO_FORM_PIECE_TEXT)
        {
          if (piece->emphasis)
            shenbao_pdf_flow_add_emphasis (flow, piece->text);
          else
            shenbao_pdf_flow_add_text (flow, piece->text);
          continue;
        }
      if (piece->text != NULL && values != NULL)
        value = g_hash_table_lookup (values, piece->text);
      shenbao_pdf_flow_add_blank (flow, piece->width, piece->grid, value);
      /* A note belongs with the values: none on a blank form, nor on a text
       * that does not apply. */
      if (piece->note != NULL && values != NULL)
        shenbao_pdf_flow_set_note (flow, shenbao_forms_get_plain (forms, "fill-guide", piece->note));
    }
}

static void
add_fill_guide (ShenbaoDocumentContext *context)
{
  int condition = shenbao_application_get_condition (context->application);
  const char *letter = shenbao_document_get_name (condition_letter (condition));

  context->fill_guide = TRUE;
  shenbao_application_form_add_pages (context);
  shenbao_commitment_letter_add_page (context, letter);
  context->fill_guide = FALSE;
}

/* Printed on both sides, no two documents share a sheet (the form mailed
 * in two copies must come apart from the letter): a document that ends on
 * a front gets a blank back. The checklist says so. */
static void
start_new_sheet (ShenbaoDocumentContext *context)
{
  if (shenbao_pdf_layout_get_n_pages (context->layout) % 2 == 1)
    shenbao_pdf_layout_add_page (context->layout);
}

static void
add_pages (ShenbaoDocumentContext *context,
           ShenbaoDocument         document)
{
  int condition = shenbao_application_get_condition (context->application);

  switch (document)
    {
    case SHENBAO_DOCUMENT_PRINT_PACKAGE:
      /* Print order: the checklist, the form twice (一式两份, 说明 7), the
       * condition's letter, then the fill-in guide, each starting a new
       * sheet when printed double-sided. */
      shenbao_checklist_add_pages (context);
      start_new_sheet (context);
      shenbao_application_form_add_pages (context);
      start_new_sheet (context);
      shenbao_application_form_add_pages (context);
      start_new_sheet (context);
      shenbao_commitment_letter_add_page (context, shenbao_document_get_name (condition_letter (condition)));
      start_new_sheet (context);
      add_fill_guide (context);
      break;
    case SHENBAO_DOCUMENT_APPLICATION_FORM:
      shenbao_application_form_add_pages (context);
      break;
    case SHENBAO_DOCUMENT_WORK_COMMITMENT:
    case SHENBAO_DOCUMENT_EDUCATION_COMMITMENT:
      shenbao_commitment_letter_add_page (context, shenbao_document_get_name (document));
      break;
    case SHENBAO_DOCUMENT_FILL_GUIDE:
      add_fill_guide (context);
      break;
    case SHENBAO_DOCUMENT_CHECKLIST:
      shenbao_checklist_add_pages (context);
      break;
    case SHENBAO_N_DOCUMENTS:
      g_assert_not_reached ();
    }
}

/* The section of forms.xml whose title names each document's file. */
static const char * const title_sections[SHENBAO_N_DOCUMENTS] = {
  [SHENBAO_DOCUMENT_PRINT_PACKAGE] = "application-form",
  [SHENBAO_DOCUMENT_APPLICATION_FORM] = "application-form",
  [SHENBAO_DOCUMENT_WORK_COMMITMENT] = "work-commitment",
  [SHENBAO_DOCUMENT_EDUCATION_COMMITMENT] = "education-commitment",
  [SHENBAO_DOCUMENT_FILL_GUIDE] = "fill-guide",
  [SHENBAO_DOCUMENT_CHECKLIST] = "checklist",
};

/* The file's information: the title of its form, and as the subject the
 * candidate's name and occupation, except on the blank forms, which hold
 * nothing of the candidate's, not even there. */
static void
set_metadata (ShenbaoDocumentContext *context,
              ShenbaoDocument         document)
{
  g_autofree char *subject = NULL;

  if (document == SHENBAO_DOCUMENT_PRINT_PACKAGE || document == SHENBAO_DOCUMENT_FILL_GUIDE
      || document == SHENBAO_DOCUMENT_CHECKLIST)
    {
      const char *name = g_hash_table_lookup (context->values, "name");
      const char *occupation = g_hash_table_lookup (context->values, "occupation");

      subject = g_strjoin ("，", name != NULL ? name : "", occupation != NULL ? occupation : "", NULL);
    }
  shenbao_pdf_layout_set_metadata (context->layout,
                                   shenbao_forms_get_plain (context->forms, title_sections[document], "title"),
                                   subject);
}

static void
add_warnings (GPtrArray *warnings,
              GPtrArray *found)
{
  if (warnings == NULL)
    return;
  for (guint i = 0; i < found->len; i++)
    if (!g_ptr_array_find_with_equal_func (warnings, g_ptr_array_index (found, i), g_str_equal, NULL))
      g_ptr_array_add (warnings, g_strdup (g_ptr_array_index (found, i)));
}

GBytes *
shenbao_document_render (ShenbaoDocument      document,
                         ShenbaoApplication  *application,
                         ShenbaoCatalogue    *catalogue,
                         GPtrArray           *warnings,
                         GError             **error)
{
  g_autoptr(ShenbaoPdfLayout) layout = NULL;
  g_autoptr(GHashTable) values = NULL;
  ShenbaoDocumentContext context = { application, catalogue };
  GBytes *bytes;

  g_return_val_if_fail (document < SHENBAO_N_DOCUMENTS, NULL);
  g_return_val_if_fail (SHENBAO_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (SHENBAO_IS_CATALOGUE (catalogue), NULL);

  if (shenbao_application_get_condition (application) == 0)
    {
      g_set_error (error, SHENBAO_ERROR, SHENBAO_ERROR_INVALID_INPUT,
                   _("No condition (1, 2 or 3) is chosen, and every form depends on it: choose one "
                     "before printing."));
      return NULL;
    }
  context.forms = shenbao_forms_get_default (error);
  if (context.forms == NULL)
    return NULL;
  layout = shenbao_pdf_layout_new (error);
  if (layout == NULL)
    return NULL;

  values = shenbao_form_values_new (application, catalogue);
  context.values = values;
  context.layout = layout;
  add_pages (&context, document);
  set_metadata (&context, document);
  bytes = shenbao_pdf_layout_save (layout, error);
  add_warnings (warnings, shenbao_pdf_layout_get_warnings (layout));
  return bytes;
}

gboolean
shenbao_document_render_to_file (ShenbaoDocument      document,
                                 ShenbaoApplication  *application,
                                 ShenbaoCatalogue    *catalogue,
                                 const char          *path,
                                 GPtrArray           *warnings,
                                 GError             **error)
{
  g_autoptr(GBytes) bytes = shenbao_document_render (document, application, catalogue, warnings, error);

  return bytes != NULL && shenbao_file_replace (path, bytes, error);
}

gboolean
shenbao_documents_render_all (ShenbaoApplication  *application,
                              ShenbaoCatalogue    *catalogue,
                              const char          *folder,
                              GPtrArray           *warnings,
                              GError             **error)
{
  return shenbao_documents_render_some (application, catalogue, folder, SHENBAO_DOCUMENTS_ALL, warnings, error);
}

gboolean
shenbao_documents_render_some (ShenbaoApplication  *application,
                               ShenbaoCatalogue    *catalogue,
                               const char          *folder,
                               guint                documents,
                               GPtrArray           *warnings,
                               GError             **error)
{
  if (g_mkdir_with_parents (folder, 0755) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, SHENBAO_ERROR, SHENBAO_ERROR_IO, _("Could not create the folder “%s”: %s"), folder,
                   g_strerror (saved_errno));
      return FALSE;
    }
  for (int i = 0; i < SHENBAO_N_DOCUMENTS; i++)
    {
      g_autofree char *name = NULL;
      g_autofree char *path = NULL;

      if ((documents & SHENBAO_DOCUMENT_BIT (i)) == 0 || !shenbao_document_applies (i, application))
        continue;
      name = shenbao_document_get_file_name (i);
      path = g_build_filename (folder, name, NULL);
      if (!shenbao_document_render_to_file (i, application, catalogue, path, warnings, error))
        return FALSE;
    }
  return TRUE;
}
