/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "shenbao.h"
#include "fixture-test-util.h"
#include "pdf-test-util.h"

#include <math.h>

/* Renders, writes, and checks what every PDF must pass: qpdf --check,
 * every font embedded, the text read back without a warning. */
static char *
render (ShenbaoDocument     document,
        ShenbaoApplication *application,
        GPtrArray          *warnings)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = shenbao_document_render (document, application, catalogue (), warnings, &error);
  g_autofree char *file_name = shenbao_document_get_file_name (document);
  g_autofree char *path = NULL;
  g_autofree char *fonts = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  path = pdf_write_temp (bytes, file_name);
  pdf_assert_valid (path);
  fonts = pdf_fonts (path);
  return pdf_text_joined (path);
}

static char *
render_path (ShenbaoDocument     document,
             ShenbaoApplication *application)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = shenbao_document_render (document, application, catalogue (), NULL, &error);
  g_autofree char *file_name = shenbao_document_get_file_name (document);

  g_assert_no_error (error);
  return pdf_write_temp (bytes, file_name);
}

static void
assert_contains (const char *text,
                 const char *expected)
{
  if (strstr (text, expected) == NULL)
    g_error ("“%s” is not in the PDF's text:\n%s", expected, text);
}

static void
assert_lacks (const char *text,
              const char *unexpected)
{
  if (unexpected != NULL && *unexpected != '\0' && strstr (text, unexpected) != NULL)
    g_error ("“%s” should not be in the PDF's text:\n%s", unexpected, text);
}

static guint
count (const char *text,
       const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (text, needle); p != NULL; p = strstr (p + strlen (needle), needle))
    n++;
  return n;
}

/* Every row and label of the guide's example (§二), the template sentences
 * and the notes. */
static const char * const form_labels[] = {
  "北京市职业技能认定申报表", "姓名", "身份证号", "现有职业资格证书", "职业(工种)名称", "级别", "编号",
  "申报职业名称", "申报级别", "申报条件", "学历", "专科及以上学历需提供学信网验证码：", "个人承诺内容",
  "（请根据报名条件对应填写，与自己报名条件无关承诺内容无需填写）", "工作经历", "技工院校、职业院校学历",
  "本人于", "（工作单位），", "（职业、工种），共", "年。本人承诺以上信息真实有效。", "（院校名称）就读，所学专业为",
  "本人签名：", "填表说明：", "一、此表必须由申请人本人填写，内容要具体、真实，字迹工整。",
  "查询网址：http://biaozhun.osta.org.cn/", "3、申报表经查证后，承诺内容为虚假信息的。",
};

/* What each fixture's candidate wrote, which no blank form may show. */
static const char * const candidate_data[] = {
  "person/name", "person/id-number", "person/mobile", "certificate/number", "education/school",
  "education/major", "education/chsi-code",
};

static void
assert_no_candidate_data (ShenbaoApplication *application,
                          const char         *text)
{
  for (gsize i = 0; i < G_N_ELEMENTS (candidate_data); i++)
    {
      ShenbaoField field;

      g_assert_true (shenbao_field_from_name (candidate_data[i], &field));
      assert_lacks (text, shenbao_application_get (application, field));
    }
  for (guint i = 0; i < shenbao_application_get_n_work_entries (application); i++)
    {
      g_autoptr(ShenbaoWorkEntry) entry = shenbao_application_get_work_entry (application, i);

      assert_lacks (text, shenbao_work_entry_get (entry, SHENBAO_WORK_FIELD_EMPLOYER));
    }
}

static void
test_application_form (void)
{
  static const char * const fixtures[] = { "condition1.xml", "condition2.xml", "condition3.xml" };

  for (gsize f = 0; f < G_N_ELEMENTS (fixtures); f++)
    {
      g_autoptr(ShenbaoApplication) application = load_fixture (fixtures[f]);
      g_autofree char *path = render_path (SHENBAO_DOCUMENT_APPLICATION_FORM, application);
      g_autofree char *text = pdf_text_joined (path);
      g_autofree char *fonts = pdf_fonts (path);
      g_autofree char *subject = pdf_info (path, "Subject");
      guint entries = shenbao_application_get_n_work_entries (application);

      g_test_message ("%s", fixtures[f]);
      pdf_assert_valid (path);
      g_assert_cmpint (pdf_n_pages (path), ==, 1);
      for (gsize i = 0; i < G_N_ELEMENTS (form_labels); i++)
        assert_contains (text, form_labels[i]);
      /* the work sentence once per entry, at least once, then the school's */
      g_assert_cmpuint (count (text, "本人于"), ==, (shenbao_application_get_condition (application) == 3
                                                      ? 1 : MAX (entries, 1)) + 1);
      assert_no_candidate_data (application, text);
      /* nothing of the candidate's is drawn, so no fallback face is asked for */
      g_assert_null (strstr (fonts, "UMing"));
      g_assert_null (strstr (fonts, "GBZenKai"));
      g_assert_true (subject == NULL || *subject == '\0');
    }
}

static void
test_letters (void)
{
  static const struct { const char *fixture; ShenbaoDocument letter; const char *title; const char *text; } cases[] = {
    { "condition1.xml", SHENBAO_DOCUMENT_WORK_COMMITMENT, "个人工作经历承诺书", "累计从事本职业（相关职业）工作共" },
    { "condition2.xml", SHENBAO_DOCUMENT_WORK_COMMITMENT, "个人工作经历承诺书", "四级职业技能等级认定，本人自" },
    { "condition3.xml", SHENBAO_DOCUMENT_EDUCATION_COMMITMENT, "学历承诺书", "符合职业技能等级认定申报条件。" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(ShenbaoApplication) application = load_fixture (cases[i].fixture);
      g_autofree char *path = render_path (cases[i].letter, application);
      g_autofree char *text = pdf_text_joined (path);

      g_test_message ("%s", cases[i].fixture);
      pdf_assert_valid (path);
      g_assert_cmpint (pdf_n_pages (path), ==, 1);
      g_assert_true (shenbao_document_applies (cases[i].letter, application));
      assert_contains (text, cases[i].title);
      assert_contains (text, cases[i].text);
      assert_contains (text, "本人姓名：");
      assert_contains (text, "承诺人签名（手写）：");
      assert_contains (text, "联系电话（手机）：");
      assert_no_candidate_data (application, text);
    }
}

/* The fill-in guide: the candidate's values, the condition's text exactly
 * as the catalogue has it, 无需填写 and the watermark on every page. */
static void
test_fill_guide (void)
{
  static const struct { const char *fixture; const char * const values[8]; } cases[] = {
    { "condition1.xml", { "张三", "110105199003071239", "互联网营销师", "北京某某网络科技有限公司", "营销员",
                          "13800138000", "2018年3月至2026年11月", NULL } },
    { "condition2.xml", { "王堃", "310115198808088826", "上海某某电子商务有限公司", "北京某某供应链管理集团有限公司",
                          "S000011000005213000123", "五级", "采购员", NULL } },
    { "condition3.xml", { "阿依古丽·买买提", "650102199805201521", "新疆某某职业技术学院", "计算机网络技术",
                          "A1B2C3D4E5F6G7H8", "2016年9月", NULL } },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(ShenbaoApplication) application = load_fixture (cases[i].fixture);
      g_autofree char *path = render_path (SHENBAO_DOCUMENT_FILL_GUIDE, application);
      g_autofree char *text = pdf_text_joined (path);
      int condition = shenbao_application_get_condition (application);

      g_test_message ("%s", cases[i].fixture);
      pdf_assert_valid (path);
      g_assert_cmpint (pdf_n_pages (path), ==, 2);
      for (gsize v = 0; cases[i].values[v] != NULL; v++)
        assert_contains (text, cases[i].values[v]);
      assert_contains (text, shenbao_catalogue_get_condition_text (catalogue (), condition));
      assert_contains (text, "无需填写");
      g_assert_cmpuint (count (text, "参照样例请勿提交"), ==, 2);
    }
}

static void
test_checklist (void)
{
  static const char * const fixtures[] = { "condition1.xml", "condition2.xml", "condition3.xml" };

  for (gsize f = 0; f < G_N_ELEMENTS (fixtures); f++)
    {
      g_autoptr(ShenbaoApplication) application = load_fixture (fixtures[f]);
      int condition = shenbao_application_get_condition (application);
      GPtrArray *materials = shenbao_catalogue_get_materials (catalogue (), condition);
      g_autofree char *text = render (SHENBAO_DOCUMENT_CHECKLIST, application, NULL);

      g_test_message ("%s", fixtures[f]);
      for (guint i = 0; i < materials->len; i++)
        assert_contains (text, ((const ShenbaoSlot *) g_ptr_array_index (materials, i))->name);
      assert_contains (text, shenbao_catalogue_get_mailing_address (catalogue ()));
      assert_contains (text, shenbao_catalogue_get_mailing_contact (catalogue ()));
      assert_contains (text, shenbao_catalogue_get_mailing_phone (catalogue ()));
      assert_contains (text, "2份");
      assert_contains (text, shenbao_application_get (application, SHENBAO_FIELD_PERSON_NAME));
      /* how to print, whatever the printer does */
      assert_contains (text, "单面、双面打印均可：每份文件都从新的一张纸开始");
    }
}

/* The plan's deadline when there is one; the 学信网 code for condition 3
 * with a diploma of 专科 or above (condition3.xml: 高等职业学校). */
static void
test_checklist_deadline_and_code (void)
{
  g_autoptr(ShenbaoApplication) first = load_fixture ("condition1.xml");
  g_autoptr(ShenbaoApplication) third = load_fixture ("condition3.xml");
  g_autofree char *first_text = render (SHENBAO_DOCUMENT_CHECKLIST, first, NULL);
  g_autofree char *third_text = render (SHENBAO_DOCUMENT_CHECKLIST, third, NULL);
  g_autofree char *secondary_text = NULL;

  assert_contains (first_text, "认定计划：2026年第四期报名截止日期：2026年12月20日");
  assert_lacks (first_text, "学信网验证码");
  assert_contains (third_text, "学信网验证码：A1B2C3D4E5F6G7H8");
  assert_lacks (third_text, "报名截止日期");

  /* a 中等职业学校 diploma has no code to give */
  shenbao_application_set (third, SHENBAO_FIELD_EDUCATION_SCHOOL_TYPE, "中等职业学校");
  secondary_text = render (SHENBAO_DOCUMENT_CHECKLIST, third, NULL);
  assert_lacks (secondary_text, "学信网验证码");
}

/* The print package: checklist, the form twice, the letter, the guide; with
 * no fallback face needed it stays under 120 KB (issue #16: each face cut
 * to its glyphs). */
static void
test_print_package (void)
{
  g_autoptr(ShenbaoApplication) application = load_fixture ("condition1.xml");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = shenbao_document_render (SHENBAO_DOCUMENT_PRINT_PACKAGE, application, catalogue (), NULL,
                                                     &error);
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *fonts = NULL;
  const char *checklist, *form, *second_form, *letter, *guide;

  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (bytes), <=, 120 * 1024);
  path = pdf_write_temp (bytes, "print-package.pdf");
  pdf_assert_valid (path);
  /* each document starts a new sheet: the checklist, each form and the
   * letter get a blank back */
  g_assert_cmpint (pdf_n_pages (path), ==, 10);
  fonts = pdf_fonts (path);
  g_assert_null (strstr (fonts, "UMing"));
  g_assert_null (strstr (fonts, "BabelStone"));
  text = pdf_text_joined (path);
  checklist = strstr (text, "报名材料清单与邮寄单");
  form = strstr (text, "北京市职业技能认定申报表");
  second_form = form != NULL ? strstr (form + 1, "北京市职业技能认定申报表") : NULL;
  letter = strstr (text, "个人工作经历承诺书");
  guide = strstr (text, "填写参照");
  g_assert_nonnull (checklist);
  g_assert_nonnull (second_form);
  g_assert_nonnull (letter);
  g_assert_true (checklist < form && form < second_form && second_form < letter);
  /* the checklist names 填写参照 too: the guide's heading comes after the letter */
  g_assert_nonnull (strstr (letter, "填写参照（"));
  g_assert_nonnull (guide);

  /* printed double-sided, every document starts on a front */
  for (int page = 2; page <= 8; page += 2)
    {
      g_autofree char *back = pdf_page_text_joined (path, page);

      g_assert_cmpstr (back, ==, "");
    }
  {
    g_autofree char *form_front = pdf_page_text_joined (path, 3);
    g_autofree char *copy_front = pdf_page_text_joined (path, 5);
    g_autofree char *letter_front = pdf_page_text_joined (path, 7);
    g_autofree char *guide_front = pdf_page_text_joined (path, 9);

    g_assert_true (g_str_has_prefix (form_front, "北京市职业技能认定申报表"));
    g_assert_true (g_str_has_prefix (copy_front, "北京市职业技能认定申报表"));
    assert_contains (letter_front, "个人工作经历承诺书");
    assert_contains (guide_front, "填写参照");
  }
}

/* SPEC §6: four work entries with the longest names still fit one page;
 * the school sentence holds a long school name. */
static void
test_long_entries (void)
{
  static const struct { const char *fixture; const char *values[4]; } cases[] = {
    { "four-entries.xml", { "北京市海淀区中关村科技园区某某信息技术服务有限责任公司", "数据分析处理工程技术人员",
                            "中国某某通信集团有限公司北京市分公司第三营业部", "商务策划专业人员" } },
    { "long-school.xml", { "新疆维吾尔自治区伊犁哈萨克自治州某某职业技术学校", "网络安防系统安装与维护",
                           "买买提·艾力", "2023年9月" } },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(ShenbaoApplication) application = load_fixture (cases[i].fixture);
      g_autofree char *form = render_path (SHENBAO_DOCUMENT_APPLICATION_FORM, application);
      g_autofree char *guide = render_path (SHENBAO_DOCUMENT_FILL_GUIDE, application);
      g_autofree char *text = pdf_text_joined (guide);

      g_test_message ("%s", cases[i].fixture);
      g_assert_cmpint (pdf_n_pages (form), ==, 1);
      g_assert_cmpint (pdf_n_pages (guide), ==, 2);
      for (gsize v = 0; v < G_N_ELEMENTS (cases[i].values); v++)
        assert_contains (text, cases[i].values[v]);
    }
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* SPEC §6 and the reviewer's hard case: four entries whose employers have
 * 40 characters or more, all 数据分析处理工程技术人员, on one page, the lines
 * to write on at least 8 mm apart. */
static void
test_four_long_entries (void)
{
  g_autoptr(ShenbaoApplication) application = load_fixture ("four-long-entries.xml");
  g_autofree char *form = render_path (SHENBAO_DOCUMENT_APPLICATION_FORM, application);
  g_autofree char *guide = render_path (SHENBAO_DOCUMENT_FILL_GUIDE, application);
  g_autofree char *text = pdf_text_joined (guide);
  g_autoptr(GArray) words = pdf_words (form, 1);
  g_autoptr(GArray) baselines = g_array_new (FALSE, FALSE, sizeof (double));
  const PdfWord *first = pdf_find_word (words, "本人于");
  const PdfWord *notes = pdf_find_word (words, "填表说明");
  /* the commitments' text, right of their two columns of labels */
  double text_left = (15 + 22 + 22) * PDF_POINTS_PER_MM;

  g_assert_cmpint (pdf_n_pages (form), ==, 1);
  g_assert_cmpint (pdf_n_pages (guide), ==, 2);
  g_assert_cmpuint (count (text, "数据分析处理工程技术人员"), ==, 4);
  for (guint i = 0; i < shenbao_application_get_n_work_entries (application); i++)
    {
      g_autoptr(ShenbaoWorkEntry) entry = shenbao_application_get_work_entry (application, i);
      const char *employer = shenbao_work_entry_get (entry, SHENBAO_WORK_FIELD_EMPLOYER);

      g_assert_cmpint (g_utf8_strlen (employer, -1), >=, 40);
      assert_contains (text, employer);
    }

  /* the lines of the commitments' text on the blank form */
  g_assert_nonnull (first);
  g_assert_nonnull (notes);
  for (guint i = 0; i < words->len; i++)
    {
      const PdfWord *word = &g_array_index (words, PdfWord, i);

      if (word->x0 > text_left && word->y0 >= first->y0 && word->y1 < notes->y0)
        g_array_append_val (baselines, word->y1);
    }
  g_array_sort (baselines, compare_doubles);
  {
    double previous = -1;
    guint n_lines = 0;

    for (guint i = 0; i < baselines->len; i++)
      {
        double y = g_array_index (baselines, double, i);

        if (previous >= 0 && fabs (y - previous) < 1)
          continue;
        if (previous >= 0)
          {
            g_assert_cmpfloat (y - previous, >=, 8 * PDF_POINTS_PER_MM - 0.5);
            n_lines++;
          }
        previous = y;
      }
    /* lines that hold only blanks have no word to see */
    g_assert_cmpuint (n_lines, >=, 10);
  }
}

static void
append_entry (ShenbaoApplication *application,
              const char         *employer)
{
  g_autoptr(ShenbaoWorkEntry) entry = shenbao_work_entry_new ();

  shenbao_work_entry_set (entry, SHENBAO_WORK_FIELD_EMPLOYER, employer);
  shenbao_work_entry_set (entry, SHENBAO_WORK_FIELD_FROM, "2001-01");
  shenbao_work_entry_set (entry, SHENBAO_WORK_FIELD_TO, "2002-01");
  shenbao_work_entry_set (entry, SHENBAO_WORK_FIELD_OCCUPATION, "数据分析处理工程技术人员");
  shenbao_application_append_work_entry (application, entry);
}

/* A form of two pages says so on both, and its second page names the
 * candidate again, as blanks on the form and filled in the guide; a form
 * of one page has no page number. */
static void
test_continuation (void)
{
  g_autoptr(ShenbaoApplication) application = load_fixture ("four-long-entries.xml");
  g_autofree char *one_page = render_path (SHENBAO_DOCUMENT_APPLICATION_FORM, application);
  g_autofree char *single = pdf_page_text_joined (one_page, 1);
  g_autofree char *form = NULL, *guide = NULL, *first = NULL, *second = NULL, *guide_second = NULL;

  assert_lacks (single, "第1页");
  append_entry (application, "北京市朝阳区某某大数据技术研究院有限公司第二研究所数据分析中心");
  form = render_path (SHENBAO_DOCUMENT_APPLICATION_FORM, application);
  guide = render_path (SHENBAO_DOCUMENT_FILL_GUIDE, application);
  g_assert_cmpint (pdf_n_pages (form), ==, 2);
  first = pdf_page_text_joined (form, 1);
  second = pdf_page_text_joined (form, 2);
  guide_second = pdf_page_text_joined (guide, 2);
  assert_contains (first, "第1页共2页");
  assert_lacks (first, "（续）");
  assert_contains (second, "北京市职业技能认定申报表（续）");
  assert_contains (second, "第2页共2页");
  assert_contains (second, "姓名");
  assert_contains (second, "身份证号");
  assert_lacks (second, "欧阳娜娜");
  assert_contains (guide_second, "北京市职业技能认定申报表（续）");
  assert_contains (guide_second, "欧阳娜娜");
  assert_contains (guide_second, "650102198808088814");
}

/* The 姓名 cell grows with a 15-character name: printed at 10 pt or more in
 * the guide, and on the blank form with 5 mm a character free to write in;
 * with four long entries, the form still holds one page. */
static void
test_long_name (void)
{
  static const char name[] = "穆罕默德·阿卜杜拉·艾合买提江";
  g_autoptr(ShenbaoApplication) application = load_fixture ("four-long-entries.xml");
  g_autofree char *form = NULL, *guide = NULL;
  g_autoptr(GArray) form_words = NULL;
  g_autoptr(GArray) guide_words = NULL;
  const PdfWord *printed, *label, *id_label;

  g_assert_cmpint (g_utf8_strlen (name, -1), ==, 15);
  shenbao_application_set (application, SHENBAO_FIELD_PERSON_NAME, name);
  form = render_path (SHENBAO_DOCUMENT_APPLICATION_FORM, application);
  guide = render_path (SHENBAO_DOCUMENT_FILL_GUIDE, application);
  g_assert_cmpint (pdf_n_pages (form), ==, 1);
  guide_words = pdf_words (guide, 1);
  printed = pdf_find_word (guide_words, name);
  g_assert_nonnull (printed);
  g_assert_cmpfloat (printed->y1 - printed->y0, >=, 10);

  form_words = pdf_words (form, 1);
  label = pdf_find_word (form_words, "姓名");
  id_label = pdf_find_word (form_words, "身份证号");
  g_assert_nonnull (label);
  g_assert_nonnull (id_label);
  for (guint i = 0; i < form_words->len; i++)
    {
      const PdfWord *word = &g_array_index (form_words, PdfWord, i);

      /* nothing printed on the name's line for 15 × 5 mm right of its label */
      if (word != label && word->y0 < label->y1 && word->y1 > label->y0)
        g_assert_cmpfloat (word->x0, >, label->x1 + 15 * 5 * PDF_POINTS_PER_MM);
    }
  g_assert_cmpfloat (id_label->y0, >, label->y1);
}

static gboolean
boxes_meet (const PdfWord *a,
            double         x0,
            double         y0,
            double         x1,
            double         y1)
{
  return a->x0 < x1 && a->x1 > x0 && a->y0 < y1 && a->y1 > y0;
}

/* 无需填写 never covers a printed word: no word of the blank form lies under
 * the box of a mark of the fill-in guide, which lays out the same. */
static void
test_not_applicable_marks (void)
{
  /* condition 1: the certificate's three rows, the 学信网 code, the school;
   * 2: the code and the school; 3: the certificate and the work */
  static const struct { const char *fixture; guint marks; } cases[] = {
    { "condition1.xml", 5 }, { "condition2.xml", 2 }, { "condition3.xml", 4 }, { "four-long-entries.xml", 5 },
  };

  for (gsize f = 0; f < G_N_ELEMENTS (cases); f++)
    {
      g_autoptr(ShenbaoApplication) application = load_fixture (cases[f].fixture);
      g_autofree char *form = render_path (SHENBAO_DOCUMENT_APPLICATION_FORM, application);
      g_autofree char *guide = render_path (SHENBAO_DOCUMENT_FILL_GUIDE, application);
      g_autoptr(GArray) form_words = pdf_words (form, 1);
      g_autoptr(GArray) guide_words = pdf_words (guide, 1);
      guint marks = 0;

      g_test_message ("%s", cases[f].fixture);
      for (guint i = 0; i < guide_words->len; i++)
        {
          const PdfWord *mark = &g_array_index (guide_words, PdfWord, i);
          /* the stamp's frame: half an em beside the words, a quarter above and below */
          double em = mark->y1 - mark->y0;

          if (g_strcmp0 (mark->text, "无需填写") != 0)
            continue;
          marks++;
          for (guint j = 0; j < form_words->len; j++)
            {
              const PdfWord *word = &g_array_index (form_words, PdfWord, j);

              if (boxes_meet (word, mark->x0 - em / 2, mark->y0 - em / 4, mark->x1 + em / 2, mark->y1 + em / 4))
                g_error ("无需填写 at (%.0f, %.0f) covers “%s”", mark->x0, mark->y0, word->text);
            }
        }
      g_assert_cmpuint (marks, ==, cases[f].marks);
    }
}

/* The second period of the work sentence stays blank as in the guide's
 * example; the fill-in guide says so at each, the blank form does not. */
static void
test_kept_empty (void)
{
  static const struct { const char *fixture; guint notes; } cases[] = {
    { "condition1.xml", 1 }, { "four-long-entries.xml", 4 }, { "condition3.xml", 0 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(ShenbaoApplication) application = load_fixture (cases[i].fixture);
      g_autofree char *form = render (SHENBAO_DOCUMENT_APPLICATION_FORM, application, NULL);
      g_autofree char *guide = render (SHENBAO_DOCUMENT_FILL_GUIDE, application, NULL);

      g_test_message ("%s", cases[i].fixture);
      g_assert_cmpuint (count (guide, "按报考指南样例留空"), ==, cases[i].notes);
      g_assert_cmpuint (count (form, "按报考指南样例留空"), ==, 0);
      /* the sentence itself as the guide prints it */
      assert_contains (form, "年月——年月，从事");
    }
}

/* Labels and template sentences break between words: each word whole on
 * one line of the text read back. */
static void
test_word_breaks (void)
{
  static const char * const fixtures[] = { "condition1.xml", "condition3.xml", "four-long-entries.xml" };
  static const char * const words[] = {
    "（工作单位）", "（职业、工种）", "（院校名称）", "技工院校、", "职业院校", "个人承诺", "现有职业", "资格证书",
    "本人签名：", "学信网", "验证码",
  };

  for (gsize f = 0; f < G_N_ELEMENTS (fixtures); f++)
    {
      g_autoptr(ShenbaoApplication) application = load_fixture (fixtures[f]);
      g_autofree char *form = render_path (SHENBAO_DOCUMENT_APPLICATION_FORM, application);
      g_autofree char *text = pdf_text (form);

      g_test_message ("%s", fixtures[f]);
      for (gsize w = 0; w < G_N_ELEMENTS (words); w++)
        assert_contains (text, words[w]);
    }
}

/* More entries than a page holds: the table goes on over a page, and every
 * entry is there. */
static void
test_many_entries (void)
{
  g_autoptr(ShenbaoApplication) application = load_fixture ("four-entries.xml");
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  for (int i = 0; i < 6; i++)
    {
      g_autoptr(ShenbaoWorkEntry) entry = shenbao_work_entry_new ();
      g_autofree char *employer = g_strdup_printf ("北京第%d某某科技有限公司", i + 1);

      shenbao_work_entry_set (entry, SHENBAO_WORK_FIELD_EMPLOYER, employer);
      shenbao_work_entry_set (entry, SHENBAO_WORK_FIELD_FROM, "2001-01");
      shenbao_work_entry_set (entry, SHENBAO_WORK_FIELD_TO, "2002-01");
      shenbao_work_entry_set (entry, SHENBAO_WORK_FIELD_OCCUPATION, "营销员");
      shenbao_application_append_work_entry (application, entry);
    }
  path = render_path (SHENBAO_DOCUMENT_FILL_GUIDE, application);
  pdf_assert_valid (path);
  g_assert_cmpint (pdf_n_pages (path), >=, 3);
  text = pdf_text_joined (path);
  g_assert_cmpuint (count (text, "本人于"), ==, 10 + 1);
  for (int i = 0; i < 6; i++)
    {
      g_autofree char *employer = g_strdup_printf ("北京第%d某某科技有限公司", i + 1);

      assert_contains (text, employer);
    }
}

/* A name beyond the Basic Multilingual Plane prints, from the outline. */
static void
test_rare_name (void)
{
  g_autoptr(ShenbaoApplication) application = load_fixture ("condition1.xml");
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *text = NULL;

  shenbao_application_set (application, SHENBAO_FIELD_PERSON_NAME, "𠮷野家");
  text = render (SHENBAO_DOCUMENT_FILL_GUIDE, application, warnings);
  g_assert_cmpuint (warnings->len, ==, 0);
  /* every character back, 𠮷 beyond the BMP included */
  g_assert_cmpuint (count (text, "𠮷野家"), >=, 2);
}

/* Four entries, a minority name with its middle dot and rare characters
 * drawn from the fallback faces: the print package stays under 150 KB. */
static void
test_rare_print_package (void)
{
  g_autoptr(ShenbaoApplication) application = load_fixture ("rare-four-entries.xml");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *fonts = NULL;

  bytes = shenbao_document_render (SHENBAO_DOCUMENT_PRINT_PACKAGE, application, catalogue (), NULL, &error);
  g_assert_no_error (error);
  g_test_message ("%" G_GSIZE_FORMAT " bytes", g_bytes_get_size (bytes));
  g_assert_cmpuint (g_bytes_get_size (bytes), <=, 150 * 1024);
  path = pdf_write_temp (bytes, "print-package.pdf");
  pdf_assert_valid (path);
  fonts = pdf_fonts (path);
  g_assert_nonnull (strstr (fonts, "UMing"));   /* 堃 and 喆 in the Song of the checklist */
  g_assert_nonnull (strstr (fonts, "UKai"));    /* and in the Kai of the fill-in guide */
  text = pdf_text_joined (path);
  assert_contains (text, "阿依古丽·买买堃喆");
  assert_contains (text, "北京堃喆文化传媒有限公司");
}

/* A mistyped ID number longer than 18 characters keeps every character:
 * the grid grows rather than drop one. */
static void
test_long_id_number (void)
{
  g_autoptr(ShenbaoApplication) application = load_fixture ("condition1.xml");
  g_autofree char *text = NULL;

  shenbao_application_set (application, SHENBAO_FIELD_PERSON_ID_NUMBER, "1101051990030712399");
  text = render (SHENBAO_DOCUMENT_FILL_GUIDE, application, NULL);
  g_assert_cmpuint (count (text, "1101051990030712399"), ==, 2);
}

static void
test_no_condition (void)
{
  g_autoptr(ShenbaoApplication) application = load_fixture ("condition1.xml");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  shenbao_application_set (application, SHENBAO_FIELD_CONDITION, "");
  bytes = shenbao_document_render (SHENBAO_DOCUMENT_APPLICATION_FORM, application, catalogue (), NULL, &error);
  g_assert_null (bytes);
  g_assert_error (error, SHENBAO_ERROR, SHENBAO_ERROR_INVALID_INPUT);
  g_assert_false (shenbao_document_applies (SHENBAO_DOCUMENT_WORK_COMMITMENT, application));
}

static void
test_names (void)
{
  static const char * const files[] = {
    "print-package.pdf", "application-form.pdf", "work-commitment.pdf", "education-commitment.pdf",
    "fill-guide.pdf", "checklist.pdf",
  };
  ShenbaoDocument document;

  for (int i = 0; i < SHENBAO_N_DOCUMENTS; i++)
    {
      g_autofree char *file = shenbao_document_get_file_name (i);

      g_assert_cmpstr (file, ==, files[i]);
      g_assert_true (shenbao_document_from_name (shenbao_document_get_name (i), &document));
      g_assert_cmpint (document, ==, i);
    }
  g_assert_false (shenbao_document_from_name ("form", &document));
}

static void
test_render_all (void)
{
  g_autoptr(ShenbaoApplication) application = load_fixture ("condition3.xml");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("shenbao-render-XXXXXX", NULL);
  g_autofree char *folder = g_build_filename (dir, "out", NULL);
  static const char * const expected[] = {
    "print-package.pdf", "application-form.pdf", "education-commitment.pdf", "fill-guide.pdf", "checklist.pdf",
  };
  g_autofree char *work = g_build_filename (folder, "work-commitment.pdf", NULL);

  g_assert_true (shenbao_documents_render_all (application, catalogue (), folder, NULL, &error));
  g_assert_no_error (error);
  for (gsize i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *path = g_build_filename (folder, expected[i], NULL);

      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
    }
  g_assert_false (g_file_test (work, G_FILE_TEST_EXISTS));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  shenbao_core_init ();

  g_test_add_func ("/documents/names", test_names);
  g_test_add_func ("/documents/application-form", test_application_form);
  g_test_add_func ("/documents/letters", test_letters);
  g_test_add_func ("/documents/fill-guide", test_fill_guide);
  g_test_add_func ("/documents/checklist", test_checklist);
  g_test_add_func ("/documents/print-package", test_print_package);
  g_test_add_func ("/documents/long-entries", test_long_entries);
  g_test_add_func ("/documents/many-entries", test_many_entries);
  g_test_add_func ("/documents/rare-name", test_rare_name);
  g_test_add_func ("/documents/rare-print-package", test_rare_print_package);
  g_test_add_func ("/documents/long-id-number", test_long_id_number);
  g_test_add_func ("/documents/no-condition", test_no_condition);
  g_test_add_func ("/documents/render-all", test_render_all);
  g_test_add_func ("/documents/four-long-entries", test_four_long_entries);
  g_test_add_func ("/documents/continuation", test_continuation);
  g_test_add_func ("/documents/long-name", test_long_name);
  g_test_add_func ("/documents/not-applicable-marks", test_not_applicable_marks);
  g_test_add_func ("/documents/kept-empty", test_kept_empty);
  g_test_add_func ("/documents/word-breaks", test_word_breaks);
  g_test_add_func ("/documents/checklist-deadline-and-code", test_checklist_deadline_and_code);

  return g_test_run ();
}
