/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shenbao-checklist"

#include "shenbao-documents-private.h"
#include "shenbao-rules.h"

/* The checklist and mailing sheet: the materials of the chosen
 * condition with a box to tick, their upload slots (guide §三.6), the copies
 * to mail and where (说明 7), and the steps of printing and writing. Its
 * texts are Shenbao's own (forms.xml F6); it is not a form to hand in, so it
 * names the candidate. */
#define TICK_COLUMN 12.0
#define SLOT_COLUMN 34.0
#define MAIL_COLUMN 20.0
#define LABEL_COLUMN 24.0
#define ROW 8.0
#define LINE 6.0
#define SECTION_GAP 5.0

static const char *sheet = "checklist";

static const ShenbaoPdfStyle heading_style = { SHENBAO_PDF_FACE_SONG, 11.5, SHENBAO_PDF_BLACK, TRUE };

static const char *
text (ShenbaoDocumentContext *context,
      const char             *name)
{
  return shenbao_forms_get_plain (context->forms, sheet, name);
}

static const char *
value (ShenbaoDocumentContext *context,
       const char             *key)
{
  const char *found = g_hash_table_lookup (context->values, key);

  return found != NULL ? found : "";
}

static ShenbaoPdfTableStyle
table_style (void)
{
  ShenbaoPdfTableStyle style = {
    shenbao_document_text_style,
    shenbao_document_small_style,
    shenbao_document_text_style,
    shenbao_document_text_style,
    LINE,
    FALSE,
    NULL,
  };

  return style;
}

static double
paragraph (ShenbaoDocumentContext *context,
           double                  y,
           const ShenbaoPdfStyle  *style,
           const char             *line)
{
  return shenbao_pdf_layout_paragraph (context->layout, SHENBAO_DOCUMENT_MARGIN_X, y, SHENBAO_DOCUMENT_WIDTH, LINE,
                                       SHENBAO_PDF_ALIGN_LEFT, style, line, TRUE);
}

/* Draws the rows one under the other from y, going on on a new page when
 * one does not fit; returns where they end. */
static double
draw_rows (ShenbaoDocumentContext     *context,
           const ShenbaoPdfTableStyle *style,
           GPtrArray                  *rows,
           double                      y)
{
  for (guint i = 0; i < rows->len; i++)
    {
      ShenbaoPdfBlock *row = g_ptr_array_index (rows, i);
      double height = shenbao_pdf_block_measure (row, style, SHENBAO_DOCUMENT_WIDTH);

      if (y + height > SHENBAO_DOCUMENT_BOTTOM)
        {
          shenbao_document_add_page (context);
          y = SHENBAO_DOCUMENT_MARGIN_TOP;
        }
      shenbao_pdf_block_draw (row, context->layout, style, SHENBAO_DOCUMENT_MARGIN_X, y);
      y += height;
    }
  return y;
}

/* The plan and its deadline, when the application names them. */
static char *
plan_text (ShenbaoDocumentContext *context)
{
  const char *plan = shenbao_application_get (context->application, SHENBAO_FIELD_PLAN_NAME);
  GDate deadline;
  g_autofree char *when = NULL;

  if (shenbao_application_get_date (context->application, SHENBAO_FIELD_PLAN_DEADLINE, &deadline))
    when = g_strdup_printf ("%s：%d年%d月%d日", text (context, "deadline"), g_date_get_year (&deadline),
                            g_date_get_month (&deadline), g_date_get_day (&deadline));
  if (*plan == '\0' && when == NULL)
    return NULL;
  if (*plan == '\0')
    return g_steal_pointer (&when);
  return g_strdup_printf ("%s：%s%s%s", text (context, "plan"), plan, when != NULL ? "　　" : "",
                          when != NULL ? when : "");
}

/* Condition 3 with a diploma of 专科 or above: the 学信网 code goes on the
 * form (guide §二(三) example (二)). */
static char *
chsi_text (ShenbaoDocumentContext *context,
           int                     condition)
{
  const char *school_type = shenbao_application_get (context->application, SHENBAO_FIELD_EDUCATION_SCHOOL_TYPE);
  const char *code = shenbao_application_get (context->application, SHENBAO_FIELD_EDUCATION_CHSI_CODE);

  if (condition != 3 || !shenbao_rules_is_higher_education (school_type))
    return NULL;
  return g_strconcat (text (context, "chsi"), "：", *code != '\0' ? code : text (context, "chsi-missing"),
                      text (context, "chsi-note"), NULL);
}

static double
candidate (ShenbaoDocumentContext *context,
           double                  y)
{
  int condition = shenbao_application_get_condition (context->application);
  g_autofree char *who = g_strdup_printf ("%s：%s　　%s：%s（%s）", text (context, "candidate"),
                                          value (context, "name"), text (context, "occupation"),
                                          value (context, "occupation"),
                                          shenbao_catalogue_get_level_name (context->catalogue));
  g_autofree char *chosen = g_strdup_printf ("%s：（%d）%s", text (context, "condition"), condition,
                                             value (context, "condition"));
  g_autofree char *plan = plan_text (context);
  g_autofree char *chsi = chsi_text (context, condition);
  double top = y;

  y += paragraph (context, y, &shenbao_document_text_style, who);
  if (plan != NULL)
    y += paragraph (context, y, &heading_style, plan);
  y += paragraph (context, y, &shenbao_document_text_style, chosen);
  if (chsi != NULL)
    y += paragraph (context, y, &shenbao_document_text_style, chsi);
  return y - top;
}

static char *
copies_text (ShenbaoDocumentContext *context,
             int                     copies)
{
  return copies > 0 ? g_strdup_printf ("%d%s", copies, text (context, "copies")) : g_strdup ("—");
}

/* The material's words in forms.xml, by its slot's id, joined as they are
 * wrapped; the slot's name when there are none. */
static const char *
material_text (ShenbaoDocumentContext *context,
               const ShenbaoSlot      *slot)
{
  GPtrArray *materials = shenbao_forms_get_all (context->forms, sheet, "material");

  for (guint i = 0; i < materials->len; i++)
    {
      const ShenbaoFormText *material = g_ptr_array_index (materials, i);

      if (g_strcmp0 (material->key, slot->id) == 0)
        return material->joined;
    }
  return slot->name;
}

static GPtrArray *
uploads_table (ShenbaoDocumentContext *context,
               GPtrArray              *materials)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) shenbao_pdf_block_free);
  ShenbaoPdfBlock *header = shenbao_pdf_block_new_row (ROW);

  shenbao_pdf_block_add_cell (header, TICK_COLUMN, shenbao_pdf_cell_new_label (text (context, "done")));
  shenbao_pdf_block_add_cell (header, SLOT_COLUMN, shenbao_pdf_cell_new_label (text (context, "slot-column")));
  shenbao_pdf_block_add_cell (header, SHENBAO_DOCUMENT_WIDTH - TICK_COLUMN - SLOT_COLUMN - MAIL_COLUMN,
                              shenbao_pdf_cell_new_label (text (context, "requirement-column")));
  shenbao_pdf_block_add_cell (header, 0, shenbao_pdf_cell_new_label (text (context, "mail-column")));
  g_ptr_array_add (rows, header);

  for (guint i = 0; i < materials->len; i++)
    {
      const ShenbaoSlot *slot = g_ptr_array_index (materials, i);
      ShenbaoPdfBlock *row = shenbao_pdf_block_new_row (ROW);
      g_autofree char *copies = copies_text (context, shenbao_catalogue_get_mailing_copies (context->catalogue,
                                                                                            slot->id));
      ShenbaoPdfFlow *requirement = shenbao_pdf_flow_new (&shenbao_document_text_style, &shenbao_document_text_style,
                                                          LINE);
      ShenbaoPdfCell *cell = shenbao_pdf_cell_new_flows ();

      shenbao_pdf_flow_add_text (requirement, material_text (context, slot));
      shenbao_pdf_cell_add_flow (cell, requirement, SHENBAO_PDF_ALIGN_LEFT);
      shenbao_pdf_block_add_cell (row, TICK_COLUMN, shenbao_pdf_cell_new_tick_box ());
      shenbao_pdf_block_add_cell (row, SLOT_COLUMN, shenbao_pdf_cell_new_label (slot->name));
      shenbao_pdf_block_add_cell (row, SHENBAO_DOCUMENT_WIDTH - TICK_COLUMN - SLOT_COLUMN - MAIL_COLUMN, cell);
      shenbao_pdf_block_add_cell (row, 0, shenbao_pdf_cell_new_label (copies));
      g_ptr_array_add (rows, row);
    }
  return rows;
}

static ShenbaoPdfBlock *
mailing_row (ShenbaoDocumentContext *context,
             const char             *label,
             const char             *who,
             const char             *phone)
{
  ShenbaoPdfBlock *row = shenbao_pdf_block_new_row (ROW);

  shenbao_pdf_block_add_cell (row, LABEL_COLUMN, shenbao_pdf_cell_new_label (label));
  shenbao_pdf_block_add_cell (row, 60, shenbao_pdf_cell_new_label (who));
  shenbao_pdf_block_add_cell (row, LABEL_COLUMN, shenbao_pdf_cell_new_label (text (context, "phone")));
  shenbao_pdf_block_add_cell (row, 0, shenbao_pdf_cell_new_label (phone));
  return row;
}

/* The envelope: what goes in it, then the address (catalogue, 说明 7). */
static GPtrArray *
mailing_table (ShenbaoDocumentContext *context,
               GPtrArray              *materials)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) shenbao_pdf_block_free);
  ShenbaoPdfBlock *address = shenbao_pdf_block_new_row (ROW);

  for (guint i = 0; i < materials->len; i++)
    {
      const ShenbaoSlot *slot = g_ptr_array_index (materials, i);
      int n = shenbao_catalogue_get_mailing_copies (context->catalogue, slot->id);
      g_autofree char *copies = copies_text (context, n);
      ShenbaoPdfBlock *row;

      if (n == 0)
        continue;
      row = shenbao_pdf_block_new_row (ROW);
      shenbao_pdf_block_add_cell (row, TICK_COLUMN, shenbao_pdf_cell_new_tick_box ());
      shenbao_pdf_block_add_cell (row, SHENBAO_DOCUMENT_WIDTH - TICK_COLUMN - MAIL_COLUMN,
                                  shenbao_pdf_cell_new_label (slot->name));
      shenbao_pdf_block_add_cell (row, 0, shenbao_pdf_cell_new_label (copies));
      g_ptr_array_add (rows, row);
    }

  g_ptr_array_add (rows, mailing_row (context, text (context, "recipient"),
                                                   shenbao_catalogue_get_mailing_contact (context->catalogue),
                                                   shenbao_catalogue_get_mailing_phone (context->catalogue)));
  shenbao_pdf_block_add_cell (address, LABEL_COLUMN, shenbao_pdf_cell_new_label (text (context, "address")));
  shenbao_pdf_block_add_cell (address, 0,
                              shenbao_pdf_cell_new_label (shenbao_catalogue_get_mailing_address (context->catalogue)));
  g_ptr_array_add (rows, address);
  g_ptr_array_add (rows, mailing_row (context, text (context, "sender"), value (context, "name"),
                                      value (context, "mobile")));
  return rows;
}

static double
steps (ShenbaoDocumentContext *context,
       double                  y)
{
  GPtrArray *all = shenbao_forms_get_all (context->forms, sheet, "step");
  double top = y;

  for (guint i = 0; i < all->len; i++)
    {
      const ShenbaoFormText *step = g_ptr_array_index (all, i);
      double height = shenbao_pdf_layout_paragraph (context->layout, SHENBAO_DOCUMENT_MARGIN_X + 8, y,
                                                    SHENBAO_DOCUMENT_WIDTH - 8, LINE, SHENBAO_PDF_ALIGN_LEFT,
                                                    &shenbao_document_text_style, step->joined, TRUE);

      shenbao_pdf_layout_tick_box (context->layout, SHENBAO_DOCUMENT_MARGIN_X + 1, y + (LINE - 4) / 2, 4);
      y += height;
    }
  return y - top;
}

void
shenbao_checklist_add_pages (ShenbaoDocumentContext *context)
{
  int condition = shenbao_application_get_condition (context->application);
  GPtrArray *materials = shenbao_catalogue_get_materials (context->catalogue, condition);
  ShenbaoPdfTableStyle style = table_style ();
  g_autoptr(GPtrArray) uploads = uploads_table (context, materials);
  g_autoptr(GPtrArray) mailing = mailing_table (context, materials);
  double y = SHENBAO_DOCUMENT_MARGIN_TOP;

  shenbao_document_add_page (context);
  shenbao_pdf_layout_text_in (context->layout, SHENBAO_DOCUMENT_MARGIN_X, SHENBAO_DOCUMENT_WIDTH, y + 3,
                              SHENBAO_PDF_ALIGN_CENTER, &shenbao_document_title_style, text (context, "title"));
  y += 10;
  y += candidate (context, y) + SECTION_GAP;

  y += paragraph (context, y, &heading_style, text (context, "uploads"));
  y = draw_rows (context, &style, uploads, y) + SECTION_GAP;

  y += paragraph (context, y, &heading_style, text (context, "mailing"));
  y += paragraph (context, y, &shenbao_document_text_style,
                  shenbao_catalogue_get_mailing_note (context->catalogue));
  y = draw_rows (context, &style, mailing, y) + SECTION_GAP;

  y += paragraph (context, y, &heading_style, text (context, "steps"));
  steps (context, y);
}
