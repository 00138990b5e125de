/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shenbao-application-form"

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
/* 技工院校、 on one line of its own: five ems of the labels and padding. */
#define COMMITMENT_COLUMN 22.0
#define COMMITMENT_GROUP_COLUMN 22.0
/* Handwriting needs at least 8 mm between lines (the forms are filled in
 * by hand, guide §三 注意); a form that
 * leaves room gets more, the most of these that still fit it on one page
 * (a form of more entries than a page holds goes on at the least). */
static const double line_pitches[] = { 12.0, 11.0, 10.0, 9.5, 9.0, 8.5, 8.0 };
/* The copy of the condition is sized for handwriting a little wider than
 * the Kai face of the fill-in guide. */
#define HANDWRITING_ALLOWANCE 1.15
#define CELL_PADDING 3.0
/* The reviewer: a name written by hand needs 5 mm a character; a
 * name longer than the 姓名 cell holds so gets a row of its own. */
#define NAME_HANDWRITING 5.0
/* 填表说明: readable print, one item a line; the largest of these sizes
 * (points) and line heights (mm) that keeps the form on one page. */
static const struct { double size, line; } note_sizes[] = { { 9.5, 4.8 }, { 8.5, 4.1 }, { 8.0, 3.7 } };
/* A flow sets its baseline for lines of 8 mm and more: notes' lines are
 * drawn this much lower, their glyphs still inside their lines, so that the
 * first keeps clear of the table. */
#define NOTE_DROP 1.0
/* The form takes the page closer to its edges than the other documents,
 * within what printers print (4 mm and more), to hold four long entries. */
#define FORM_TOP 10.0
#define FORM_BOTTOM (SHENBAO_PDF_PAGE_HEIGHT - 8.0)
#define TITLE_HEIGHT 8.0
#define FOOTER_MIDDLE (SHENBAO_PDF_PAGE_HEIGHT - 4.0)


static const char *form = "application-form";

static ShenbaoPdfTableStyle
table_style (ShenbaoDocumentContext *context,
             double                  line_pitch)
{
  ShenbaoPdfTableStyle style = {
    shenbao_document_text_style,
    shenbao_document_small_style,
    shenbao_document_value_style (12),
    shenbao_document_value_style (14),
    line_pitch,
    context->fill_guide,
    shenbao_forms_get_plain (context->forms, "fill-guide", "not-applicable"),
  };

  return style;
}

/* A label as it is wrapped: its words joined. */
static const char *
label (ShenbaoDocumentContext *context,
       const char             *name)
{
  return shenbao_forms_get_joined (context->forms, form, name);
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

/* label | cell, across the table. */
static ShenbaoPdfBlock *
wide_row (ShenbaoDocumentContext *context,
          double                  least_height,
          const char             *name,
          ShenbaoPdfCell         *cell)
{
  ShenbaoPdfBlock *row = shenbao_pdf_block_new_row (least_height);

  shenbao_pdf_block_add_cell (row, FIRST_COLUMN, shenbao_pdf_cell_new_label (label (context, name)));
  shenbao_pdf_block_add_cell (row, 0, cell);
  return row;
}

/* The 姓名 cell grows with the name: room to write it by hand,
 * and to print it in the fill-in guide at its size. */
static gboolean
name_fits_beside_id (ShenbaoDocumentContext     *context,
                     const ShenbaoPdfTableStyle *style)
{
  const char *name = value (context, "name");
  double handwritten, printed;

  if (name == NULL)
    return TRUE;
  handwritten = NAME_HANDWRITING * g_utf8_strlen (name, -1);
  printed = shenbao_pdf_style_text_width (&style->value, name);
  return MAX (handwritten, printed) + CELL_PADDING <= SECOND_COLUMN;
}

/* 姓名 and 身份证号: on one row as in the guide, or on two for a long name. */
static void
add_identity_rows (ShenbaoDocumentContext     *context,
                   const ShenbaoPdfTableStyle *style,
                   GPtrArray                  *blocks)
{
  double height = style->line_height;
  ShenbaoPdfCell *name = shenbao_pdf_cell_new_field (value (context, "name"));
  ShenbaoPdfCell *id_number = shenbao_pdf_cell_new_grid (18, value (context, "id-number"));

  if (name_fits_beside_id (context, style))
    {
      g_ptr_array_add (blocks, pair_row (context, height, "name", name, "id-number", id_number));
      return;
    }
  g_ptr_array_add (blocks, wide_row (context, height, "name", name));
  g_ptr_array_add (blocks, wide_row (context, height, "id-number", id_number));
}

/* 现有职业资格证书: the previous certificate of condition 2. */
static ShenbaoPdfBlock *
certificate_group (ShenbaoDocumentContext     *context,
                   const ShenbaoPdfTableStyle *style,
                   int                         condition)
{
  static const struct { const char *label; const char *value; } rows[] = {
    { "certificate-occupation", "certificate-occupation" },
    { "certificate-level", "certificate-level" },
    { "certificate-number", "certificate-number" },
  };
  ShenbaoPdfBlock *group = shenbao_pdf_block_new_group (FIRST_COLUMN, label (context, "certificate"), NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      ShenbaoPdfBlock *row = shenbao_pdf_block_new_row (style->line_height);
      ShenbaoPdfCell *field = shenbao_pdf_cell_new_field (condition == 2 ? value (context, rows[i].value) : NULL);

      shenbao_pdf_cell_set_not_applicable (field, condition != 2);
      shenbao_pdf_block_add_cell (row, SECOND_COLUMN, shenbao_pdf_cell_new_label (label (context, rows[i].label)));
      shenbao_pdf_block_add_cell (row, 0, field);
      shenbao_pdf_block_add_child (group, row);
    }
  return group;
}

static ShenbaoPdfBlock *
occupation_row (ShenbaoDocumentContext     *context,
                const ShenbaoPdfTableStyle *style)
{
  return pair_row (context, style->line_height + 0.5, "occupation", shenbao_pdf_cell_new_field (value (context, "occupation")),
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
  ShenbaoPdfFlow *flow = shenbao_pdf_flow_new (&style->label, &style->value, style->line_height);

  shenbao_document_add_form_text (context->forms, flow, shenbao_forms_get (context->forms, form, name), values);
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

/* A commitment: its sentence, then, when signed, 本人签名 and the date,
 * right-aligned. */
static ShenbaoPdfBlock *
commitment_row (ShenbaoDocumentContext     *context,
                const ShenbaoPdfTableStyle *style,
                const char                 *sentence,
                GHashTable                 *values,
                gboolean                    applies,
                gboolean                    signed_here)
{
  ShenbaoPdfBlock *row = shenbao_pdf_block_new_row (0);
  ShenbaoPdfCell *cell = text_cell (context, style, sentence, applies ? values : NULL);

  if (signed_here)
    shenbao_pdf_cell_add_flow (cell, text_flow (context, style, "signature", applies ? context->values : NULL),
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
 * template is copied per entry before printing), at least once, signed once
 * under the last, which keeps four entries on one page; then the school
 * sentence. */
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
                                                         work_applies, i + 1 >= n_entries));
    }
  shenbao_pdf_block_add_child (school, commitment_row (context, style, "school-sentence", context->values,
                                                       school_applies (context, condition), TRUE));
  shenbao_pdf_block_add_child (group, work);
  shenbao_pdf_block_add_child (group, school);
  return group;
}

/* 填表说明: one item a line, the guide's emphasis in bold; the title runs
 * into the first, in bold. */
static double
draw_notes (ShenbaoDocumentContext *context,
            gsize                   note_size,
            double                  top,
            gboolean                draw)
{
  GPtrArray *notes = shenbao_forms_get_all (context->forms, form, "note");
  ShenbaoPdfStyle style = { SHENBAO_PDF_FACE_SONG, note_sizes[note_size].size, SHENBAO_PDF_BLACK, FALSE };
  double y = top;

  for (guint i = 0; i < notes->len; i++)
    {
      g_autoptr(ShenbaoPdfFlow) flow = shenbao_pdf_flow_new (&style, &style, note_sizes[note_size].line);
      double height;

      if (i == 0)
        shenbao_pdf_flow_add_emphasis (flow, label (context, "notes-title"));
      shenbao_document_add_form_text (context->forms, flow, g_ptr_array_index (notes, i), NULL);
      height = shenbao_pdf_flow_measure (flow, SHENBAO_DOCUMENT_WIDTH);
      if (draw)
        shenbao_pdf_flow_draw (flow, context->layout, SHENBAO_DOCUMENT_MARGIN_X, y + NOTE_DROP, SHENBAO_PDF_ALIGN_LEFT,
                               FALSE);
      y += height;
    }
  return y - top;
}

/* The pages of one form: laid out once to count them, then drawn. */
typedef struct
{
  ShenbaoDocumentContext     *context;
  const ShenbaoPdfTableStyle *style;
  gsize                       note_size; /* of note_sizes */
  gboolean                    draw;
  guint                       page;      /* the current one, from 1 */
  guint                       n_pages;   /* known when drawing */
  double                      content_top; /* of the current page, under its heading */
} FormPages;

static double
draw_block (FormPages       *pages,
            ShenbaoPdfBlock *block,
            double           y)
{
  double height = shenbao_pdf_block_measure (block, pages->style, SHENBAO_DOCUMENT_WIDTH);

  if (pages->draw)
    shenbao_pdf_block_draw (block, pages->context->layout, pages->style, SHENBAO_DOCUMENT_MARGIN_X, y);
  return y + height;
}

/* 第 N 页 共 M 页, at the foot of each page of a form of several. */
static void
draw_page_number (FormPages *pages)
{
  g_autoptr(GString) text = g_string_new (shenbao_forms_get_plain (pages->context->forms, form, "page-number"));
  g_autofree char *page = g_strdup_printf ("%u", pages->page);
  g_autofree char *n_pages = g_strdup_printf ("%u", pages->n_pages);

  g_string_replace (text, "{pages}", n_pages, 0);
  g_string_replace (text, "{page}", page, 0);
  shenbao_pdf_layout_text_in (pages->context->layout, SHENBAO_DOCUMENT_MARGIN_X, SHENBAO_DOCUMENT_WIDTH, FOOTER_MIDDLE,
                              SHENBAO_PDF_ALIGN_CENTER, &shenbao_document_small_style, text->str);
}

/* A new page of the form: the title on the first; on the next ones the
 * title with （续） and the candidate's 姓名 and 身份证号 again, so that a
 * sheet come apart from the others (一式两份, mailed) can be attributed. */
static double
start_page (FormPages *pages)
{
  ShenbaoDocumentContext *context = pages->context;
  double y = FORM_TOP;
  g_autoptr(GPtrArray) identity = NULL;

  pages->page++;
  if (pages->draw)
    {
      shenbao_document_add_page (context);
      shenbao_pdf_layout_text_in (context->layout, SHENBAO_DOCUMENT_MARGIN_X, SHENBAO_DOCUMENT_WIDTH, y + 3,
                                  SHENBAO_PDF_ALIGN_CENTER, &shenbao_document_title_style,
                                  shenbao_forms_get_plain (context->forms, form,
                                                           pages->page == 1 ? "title" : "continued-title"));
      if (pages->n_pages > 1)
        draw_page_number (pages);
    }
  y += TITLE_HEIGHT;
  pages->content_top = y;
  if (pages->page == 1)
    return y;

  identity = g_ptr_array_new_with_free_func ((GDestroyNotify) shenbao_pdf_block_free);
  add_identity_rows (context, pages->style, identity);
  for (guint i = 0; i < identity->len; i++)
    y = draw_block (pages, g_ptr_array_index (identity, i), y);
  pages->content_top = y + 2;
  return pages->content_top;
}

/* Draws the blocks down the page, splitting a group between its rows or
 * moving a block to a new page when the page is full. */
static double
draw_blocks (FormPages *pages,
             GPtrArray *blocks,
             double     y)
{
  const ShenbaoPdfTableStyle *style = pages->style;

  for (guint i = 0; i < blocks->len; i++)
    {
      g_autoptr(ShenbaoPdfBlock) rest = NULL;
      ShenbaoPdfBlock *block = g_ptr_array_index (blocks, i);
      double height = shenbao_pdf_block_measure (block, style, SHENBAO_DOCUMENT_WIDTH);

      while (y + height > FORM_BOTTOM)
        {
          ShenbaoPdfBlock *more = shenbao_pdf_block_split (block, style, SHENBAO_DOCUMENT_WIDTH,
                                                           FORM_BOTTOM - y);

          /* Taller than a page and not to be split: drawn as it is. */
          if (more == NULL && y <= pages->content_top)
            break;
          if (more != NULL)
            draw_block (pages, block, y);
          y = start_page (pages);
          if (more != NULL)
            {
              g_clear_pointer (&rest, shenbao_pdf_block_free);
              block = rest = more;
            }
          height = shenbao_pdf_block_measure (block, style, SHENBAO_DOCUMENT_WIDTH);
        }
      y = draw_block (pages, block, y);
    }
  return y;
}

static GPtrArray *
form_blocks (ShenbaoDocumentContext     *context,
             const ShenbaoPdfTableStyle *style)
{
  int condition = shenbao_application_get_condition (context->application);
  GPtrArray *blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) shenbao_pdf_block_free);

  add_identity_rows (context, style, blocks);
  g_ptr_array_add (blocks, certificate_group (context, style, condition));
  g_ptr_array_add (blocks, occupation_row (context, style));
  g_ptr_array_add (blocks, condition_row (context, style));
  g_ptr_array_add (blocks, education_row (context, style, condition));
  g_ptr_array_add (blocks, commitment_group (context, style, condition));
  return blocks;
}

/* Lays the form out, drawing it when pages->draw; returns its pages. */
static guint
lay_out (FormPages *pages)
{
  g_autoptr(GPtrArray) blocks = form_blocks (pages->context, pages->style);
  double y, notes;

  pages->page = 0;
  y = start_page (pages);
  y = draw_blocks (pages, blocks, y);

  /* 填表说明, under the table or on the next page. */
  y += 1;
  notes = draw_notes (pages->context, pages->note_size, y, FALSE);
  if (y + notes > FORM_BOTTOM)
    y = start_page (pages);
  if (pages->draw)
    draw_notes (pages->context, pages->note_size, y, TRUE);
  return pages->page;
}

static guint
count_pages (FormPages                  *pages,
             ShenbaoPdfTableStyle       *style,
             gsize                       pitch,
             gsize                       note_size)
{
  *style = table_style (pages->context, line_pitches[pitch]);
  pages->note_size = note_size;
  return lay_out (pages);
}

/* The widest line pitch, then the largest notes, that keep the form on as
 * few pages as it can have: one up to four long entries; more entries go on
 * over pages as roomy as the first. A wider pitch or larger notes never take
 * fewer pages, so each is found by halving. */
void
shenbao_application_form_add_pages (ShenbaoDocumentContext *context)
{
  ShenbaoPdfTableStyle style = { 0 };
  FormPages pages = { context, &style };
  gsize least_pitch = G_N_ELEMENTS (line_pitches) - 1, least_notes = G_N_ELEMENTS (note_sizes) - 1;
  guint fewest = count_pages (&pages, &style, least_pitch, least_notes);
  gsize low = 0, high = least_pitch;

  while (low < high)
    {
      gsize middle = (low + high) / 2;

      if (count_pages (&pages, &style, middle, least_notes) <= fewest)
        high = middle;
      else
        low = middle + 1;
    }
  {
    gsize pitch = low;

    low = 0;
    high = least_notes;
    while (low < high)
      {
        gsize middle = (low + high) / 2;

        if (count_pages (&pages, &style, pitch, middle) <= fewest)
          high = middle;
        else
          low = middle + 1;
      }
    count_pages (&pages, &style, pitch, low);
  }
  pages.n_pages = fewest;
  pages.draw = TRUE;
  lay_out (&pages);
}
