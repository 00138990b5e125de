/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <math.h>

#include "shenbao-documents-private.h"
#include "shenbao-form-values.h"
#include "shenbao-rules.h"

/* 北京市职业技能认定申报表, row by row as the guide's examples of §二 draw it.
 * Column widths (mm): the first labels, the second ones (the name, the
 * certificate's labels), 身份证号 and 申报级别, and the labels of the two
 * commitments. */
#define FIRST_COLUMN 26.0
#define SECOND_COLUMN 38.0
#define THIRD_COLUMN 22.0
#define COMMITMENT_COLUMN 16.0
#define FIELD_ROW 8.0
#define COMMITMENT_GROUP_COLUMN 22.0
/* SPEC §6: handwriting needs at least 8 mm between lines. */
#define LINE_HEIGHT 8.0
/* The copy of the condition is sized for handwriting a little wider than
 * the Kai face of the fill-in guide. */
#define HANDWRITING_ALLOWANCE 1.15
#define CELL_PADDING 3.0
#define NOTE_LINE 3.8

static const char *form = "application-form";

static ShenbaoPdfTableStyle
table_style (ShenbaoDocumentContext *context)
{
  ShenbaoPdfTableStyle style = {
    shenbao_document_text_style,
    shenbao_document_small_style,
    shenbao_document_value_style (13),
    shenbao_document_value_style (14),
    LINE_HEIGHT,
    context->fill_guide,
    shenbao_forms_get_plain (context->forms, "fill-guide", "not-applicable"),
  };

  return style;
}

static const char *
label (ShenbaoDocumentContext *context,
       const char             *name)
{
  return shenbao_forms_get_plain (context->forms, form, name);
}

static const char *
value (ShenbaoDocumentContext *context,
       const char             *key)
{
  return g_hash_table_lookup (context->values, key);
}

/* label | value | label | cell: the rows of 姓名 and 申报职业名称. */
static ShenbaoPdfBlock *
pair_row (ShenbaoDocumentContext *context,
          double                  least_height,
          const char             *first,
          ShenbaoPdfCell         *first_value,
          const char             *second,
          ShenbaoPdfCell         *second_value)
{
  ShenbaoPdfBlock *row = shenbao_pdf_block_new_row (least_height);

  shenbao_pdf_block_add_cell (row, FIRST_COLUMN, shenbao_pdf_cell_new_label (label (context, first)));
  shenbao_pdf_block_add_cell (row, SECOND_COLUMN, first_value);
  shenbao_pdf_block_add_cell (row, THIRD_COLUMN, shenbao_pdf_cell_new_label (label (context, second)));
  shenbao_pdf_block_add_cell (row, 0, second_value);
  return row;
}

static ShenbaoPdfBlock *
identity_row (ShenbaoDocumentContext *context)
{
  return pair_row (context, FIELD_ROW + 1, "name", shenbao_pdf_cell_new_field (value (context, "name")),
                   "id-number", shenbao_pdf_cell_new_grid (18, value (context, "id-number")));
}

/* 现有职业资格证书: the previous certificate of condition 2. */
static ShenbaoPdfBlock *
certificate_group (ShenbaoDocumentContext *context,
                   int                     condition)
{
  static const struct { const char *label; const char *value; } rows[] = {
    { "certificate-occupation", "certificate-occupation" },
    { "certificate-level", "certificate-level" },
    { "certificate-number", "certificate-number" },
  };
  ShenbaoPdfBlock *group = shenbao_pdf_block_new_group (FIRST_COLUMN, label (context, "certificate"), NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      ShenbaoPdfBlock *row = shenbao_pdf_block_new_row (FIELD_ROW);
      ShenbaoPdfCell *field = shenbao_pdf_cell_new_field (condition == 2 ? value (context, rows[i].value) : NULL);

      shenbao_pdf_cell_set_not_applicable (field, condition != 2);
      shenbao_pdf_block_add_cell (row, SECOND_COLUMN, shenbao_pdf_cell_new_label (label (context, rows[i].label)));
      shenbao_pdf_block_add_cell (row, 0, field);
      shenbao_pdf_block_add_child (group, row);
    }
  return group;
}

static ShenbaoPdfBlock *
occupation_row (ShenbaoDocumentContext *context)
{
  return pair_row (context, FIELD_ROW + 0.5, "occupation", shenbao_pdf_cell_new_field (value (context, "occupation")),
                   "level", shenbao_pdf_cell_new_field (value (context, "level")));
}

/* 申报条件: lines enough to copy the condition by hand in full (说明 2). */
static ShenbaoPdfBlock *
condition_row (ShenbaoDocumentContext *context,
               const ShenbaoPdfTableStyle *style)
{
  ShenbaoPdfBlock *row = shenbao_pdf_block_new_row (0);
  const char *condition = value (context, "condition");
  double width = SHENBAO_DOCUMENT_WIDTH - FIRST_COLUMN - CELL_PADDING;
  double handwritten = HANDWRITING_ALLOWANCE * shenbao_pdf_style_text_width (&style->value, condition);
  guint n_lines = MAX (1, (guint) ceil (handwritten / width));

  shenbao_pdf_block_add_cell (row, FIRST_COLUMN, shenbao_pdf_cell_new_label (label (context, "condition")));
  shenbao_pdf_block_add_cell (row, 0, shenbao_pdf_cell_new_lines (n_lines, condition));
  return row;
}

/* Guide §二 (学历 row): the CHSI code of a diploma of 专科 or above. */
static gboolean
chsi_applies (ShenbaoDocumentContext *context,
              int                     condition)
{
  const char *school_type = shenbao_application_get (context->application, SHENBAO_FIELD_EDUCATION_SCHOOL_TYPE);

  return condition == 3 && (*school_type == '\0' || shenbao_rules_is_higher_education (school_type));
}

static ShenbaoPdfFlow *
text_flow (ShenbaoDocumentContext     *context,
           const ShenbaoPdfTableStyle *style,
           const char                 *name,
           GHashTable                 *values)
{
  ShenbaoPdfFlow *flow = shenbao_pdf_flow_new (&style->label, &style->value, LINE_HEIGHT);

  shenbao_document_add_form_text (flow, shenbao_forms_get (context->forms, form, name), values);
  return flow;
}

/* A cell of one form text and its blanks; NULL values leave them empty. */
static ShenbaoPdfCell *
text_cell (ShenbaoDocumentContext     *context,
           const ShenbaoPdfTableStyle *style,
           const char                 *name,
           GHashTable                 *values)
{
  ShenbaoPdfCell *cell = shenbao_pdf_cell_new_flows ();

  shenbao_pdf_cell_add_flow (cell, text_flow (context, style, name, values), SHENBAO_PDF_ALIGN_LEFT);
  return cell;
}

static ShenbaoPdfBlock *
education_row (ShenbaoDocumentContext     *context,
               const ShenbaoPdfTableStyle *style,
               int                         condition)
{
  ShenbaoPdfBlock *row = shenbao_pdf_block_new_row (0);
  gboolean applies = chsi_applies (context, condition);
  ShenbaoPdfCell *cell = text_cell (context, style, "chsi", applies ? context->values : NULL);

  shenbao_pdf_cell_set_not_applicable (cell, !applies);
  shenbao_pdf_block_add_cell (row, FIRST_COLUMN, shenbao_pdf_cell_new_label (label (context, "education")));
  shenbao_pdf_block_add_cell (row, 0, cell);
  return row;
}

/* A commitment: its sentence, then 本人签名 and the date, right-aligned. */
static ShenbaoPdfBlock *
commitment_row (ShenbaoDocumentContext     *context,
                const ShenbaoPdfTableStyle *style,
                const char                 *sentence,
                GHashTable                 *values,
                gboolean                    applies)
{
  ShenbaoPdfBlock *row = shenbao_pdf_block_new_row (0);
  ShenbaoPdfCell *cell = text_cell (context, style, sentence, applies ? values : NULL);

  shenbao_pdf_cell_add_flow (cell, text_flow (context, style, "signature", applies ? values : NULL),
                             SHENBAO_PDF_ALIGN_RIGHT);
  shenbao_pdf_cell_set_not_applicable (cell, !applies);
  shenbao_pdf_block_add_cell (row, 0, cell);
  return row;
}

/* 技工院校、职业院校学历: for the school types of its "for" (forms.xml F5). */
static gboolean
school_applies (ShenbaoDocumentContext *context,
                int                     condition)
{
  const char *school_type = shenbao_application_get (context->application, SHENBAO_FIELD_EDUCATION_SCHOOL_TYPE);
  g_auto(GStrv) types = g_strsplit (shenbao_forms_get (context->forms, form, "school-sentence")->key, " ", -1);

  return condition == 3 && (*school_type == '\0' || g_strv_contains ((const char * const *) types, school_type));
}

/* 个人承诺内容: the work-history sentence once per work entry (说明 4: the
 * template is copied per entry before printing), at least once; then the
 * school sentence. */
static ShenbaoPdfBlock *
commitment_group (ShenbaoDocumentContext     *context,
                  const ShenbaoPdfTableStyle *style,
                  int                         condition)
{
  ShenbaoPdfBlock *group = shenbao_pdf_block_new_group (COMMITMENT_GROUP_COLUMN, label (context, "commitment"),
                                                        label (context, "commitment-note"));
  ShenbaoPdfBlock *work = shenbao_pdf_block_new_group (COMMITMENT_COLUMN, label (context, "work"), NULL);
  ShenbaoPdfBlock *school = shenbao_pdf_block_new_group (COMMITMENT_COLUMN, label (context, "school"), NULL);
  gboolean work_applies = condition == 1 || condition == 2;
  guint n_entries = work_applies ? shenbao_application_get_n_work_entries (context->application) : 0;

  for (guint i = 0; i < MAX (n_entries, 1); i++)
    {
      g_autoptr(GHashTable) values = NULL;

      if (i < n_entries)
        values = shenbao_form_values_for_work_entry (context->values, context->application, i);
      shenbao_pdf_block_add_child (work, commitment_row (context, style, "work-sentence", values,
                                                         work_applies));
    }
  shenbao_pdf_block_add_child (school, commitment_row (context, style, "school-sentence", context->values,
                                                       school_applies (context, condition)));
  shenbao_pdf_block_add_child (group, work);
  shenbao_pdf_block_add_child (group, school);
  return group;
}

static double
draw_notes (ShenbaoDocumentContext *context,
            double                  top,
            gboolean                draw)
{
  GPtrArray *notes = shenbao_forms_get_all (context->forms, form, "note");
  double y = top;

  /* The title runs into the first note, to keep the form on one page. */
  for (guint i = 0; i < notes->len; i++)
    {
      const ShenbaoFormText *note = g_ptr_array_index (notes, i);
      g_autofree char *line = g_strconcat (i == 0 ? label (context, "notes-title") : "", note->plain, NULL);

      y += shenbao_pdf_layout_paragraph (context->layout, SHENBAO_DOCUMENT_MARGIN_X, y, SHENBAO_DOCUMENT_WIDTH,
                                         NOTE_LINE, SHENBAO_PDF_ALIGN_LEFT, &shenbao_document_small_style, line, draw);
    }
  return y - top;
}

static double
new_page (ShenbaoDocumentContext *context)
{
  shenbao_document_add_page (context);
  return SHENBAO_DOCUMENT_MARGIN_TOP;
}

/* Draws the blocks down the page, splitting a group between its rows or
 * moving a block to a new page when the page is full. */
static double
draw_blocks (ShenbaoDocumentContext     *context,
             const ShenbaoPdfTableStyle *style,
             GPtrArray                  *blocks,
             double                      y)
{
  for (guint i = 0; i < blocks->len; i++)
    {
      g_autoptr(ShenbaoPdfBlock) rest = NULL;
      ShenbaoPdfBlock *block = g_ptr_array_index (blocks, i);
      double height = shenbao_pdf_block_measure (block, style, SHENBAO_DOCUMENT_WIDTH);

      while (y + height > SHENBAO_DOCUMENT_BOTTOM)
        {
          ShenbaoPdfBlock *more = shenbao_pdf_block_split (block, style, SHENBAO_DOCUMENT_WIDTH,
                                                           SHENBAO_DOCUMENT_BOTTOM - y);

          /* Taller than a page and not to be split: drawn as it is. */
          if (more == NULL && y <= SHENBAO_DOCUMENT_MARGIN_TOP)
            break;
          if (more != NULL)
            shenbao_pdf_block_draw (block, context->layout, style, SHENBAO_DOCUMENT_MARGIN_X, y);
          y = new_page (context);
          if (more != NULL)
            {
              g_clear_pointer (&rest, shenbao_pdf_block_free);
              block = rest = more;
            }
          height = shenbao_pdf_block_measure (block, style, SHENBAO_DOCUMENT_WIDTH);
        }
      shenbao_pdf_block_draw (block, context->layout, style, SHENBAO_DOCUMENT_MARGIN_X, y);
      y += height;
    }
  return y;
}

void
shenbao_application_form_add_pages (ShenbaoDocumentContext *context)
{
  ShenbaoPdfTableStyle style = table_style (context);
  int condition = shenbao_application_get_condition (context->application);
  g_autoptr(GPtrArray) blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) shenbao_pdf_block_free);
  double y = new_page (context);
  double notes;

  shenbao_pdf_layout_text_in (context->layout, SHENBAO_DOCUMENT_MARGIN_X, SHENBAO_DOCUMENT_WIDTH, y + 3,
                              SHENBAO_PDF_ALIGN_CENTER, &shenbao_document_title_style, label (context, "title"));
  y += 9;

  g_ptr_array_add (blocks, identity_row (context));
  g_ptr_array_add (blocks, certificate_group (context, condition));
  g_ptr_array_add (blocks, occupation_row (context));
  g_ptr_array_add (blocks, condition_row (context, &style));
  g_ptr_array_add (blocks, education_row (context, &style, condition));
  g_ptr_array_add (blocks, commitment_group (context, &style, condition));
  y = draw_blocks (context, &style, blocks, y);

  /* 填表说明, under the table or on a page of its own. */
  y += 2;
  notes = draw_notes (context, y, FALSE);
  if (y + notes > SHENBAO_DOCUMENT_BOTTOM)
    y = new_page (context);
  draw_notes (context, y, TRUE);
}
