/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "shenbao.h"
#include "shenbao-line-break.h"

/* A monospaced measure: an ideograph or full-width sign is 1, a Latin
 * letter or digit 0.5, a space 0.25. */
static double
measure (gunichar c,
         gpointer user_data)
{
  if (c == ' ')
    return 0.25;
  return g_unichar_iswide (c) ? 1.0 : 0.5;
}

static char *
joined (const char *text,
        double      width)
{
  g_auto(GStrv) lines = shenbao_line_break_text (text, width, measure, NULL);

  return g_strjoinv ("|", lines);
}

static void
test_cases (void)
{
  static const struct { const char *text; double width; const char *expected; } cases[] = {
    /* any two ideographs may part */
    { "北京市职业技能认定申报表", 5, "北京市职业|技能认定|申报表" },
    /* closing punctuation never starts a line: the ideograph before it moves down too */
    { "本人签名，日期", 4, "本人签|名，日期" },
    { "一二三四。", 4, "一二|三四。" },
    { "甲乙丙丁：戊", 4, "甲乙丙|丁：戊" },
    { "甲乙丙丁）", 4, "甲乙|丙丁）" },
    { "甲乙丙丁」", 4, "甲乙|丙丁」" },
    { "甲乙丙丁》", 4, "甲乙|丙丁》" },
    /* opening punctuation never ends a line */
    { "甲乙丙（工作单位）", 4, "甲乙丙|（工作|单位）" },
    { "甲乙丙《标准》", 4, "甲乙丙|《标准》" },
    { "甲乙丙「引」", 4, "甲乙丙|「引」" },
    /* Latin words and numbers stay whole and break at spaces or beside ideographs */
    { "共12年本人", 2.5, "共12|年本|人" },
    { "Haru PDF 2.3", 2.5, "Haru|PDF|2.3" },
    { "从事ABC公司", 3, "从事|ABC公|司" },
    { "zhang.san@example.cn", 3, "zhang.|san@ex|ample.|cn" },
    { "2018年3月至2026年11月", 5, "2018年3月|至2026年|11月" },
    /* a word longer than the line breaks where it must */
    { "S000011000005213000123", 4, "S0000110|00005213|000123" },
    { "编号S000011000005213", 4, "编号|S0000110|00005213" },
    /* a newline ends a line; spaces at a break are dropped */
    { "甲\n乙", 10, "甲|乙" },
    { "ab cd", 1, "ab|cd" },
    { "", 5, "" },
    /* an ideograph wider than the line still gets a line of its own */
    { "甲乙", 0.5, "甲|乙" },
    /* a word joiner (U+2060) keeps a word whole, and is never shown */
    { "从事（职\u2060业\u2060、\u2060工\u2060种）", 8, "从事|（职业、工种）" },
    { "甲工\u2060作\u2060单\u2060位", 4, "甲|工作单位" },
    /* no paragraph ends on a line of one or two characters when the line
     * before can give it some */
    { "此表必须由申请人本人填写内。", 6, "此表必须由申|请人本人填|写内。" },
    /* ...but not by leaving a lone character on the line before */
    { "甲乙丙丁戊己庚", 3, "甲乙丙|丁戊己|庚" },
    /* the middle dot of a minority name never starts a line */
    { "阿依古丽·买买提", 4, "阿依古|丽·|买买提" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *result = joined (cases[i].text, cases[i].width);

      g_test_message ("“%s” in %.2f", cases[i].text, cases[i].width);
      g_assert_cmpstr (result, ==, cases[i].expected);
    }
}

static void
test_classes (void)
{
  g_assert_cmpint (shenbao_break_class_of (0x5F20), ==, SHENBAO_BREAK_IDEOGRAPHIC);   /* 张 */
  g_assert_cmpint (shenbao_break_class_of (0x20BB7), ==, SHENBAO_BREAK_IDEOGRAPHIC);  /* 𠮷 */
  g_assert_cmpint (shenbao_break_class_of ('A'), ==, SHENBAO_BREAK_ALPHABETIC);
  g_assert_cmpint (shenbao_break_class_of ('7'), ==, SHENBAO_BREAK_ALPHABETIC);
  g_assert_cmpint (shenbao_break_class_of (' '), ==, SHENBAO_BREAK_SPACE);
  g_assert_cmpint (shenbao_break_class_of (0x3000), ==, SHENBAO_BREAK_IDEOGRAPHIC);
  g_assert_cmpint (shenbao_break_class_of (0xFF0C), ==, SHENBAO_BREAK_CLOSING);      /* ， */
  g_assert_cmpint (shenbao_break_class_of (0xFF08), ==, SHENBAO_BREAK_OPENING);      /* （ */
  g_assert_cmpint (shenbao_break_class_of ('\n'), ==, SHENBAO_BREAK_NEWLINE);
}

/* Inline objects (the blanks of a form) break like ideographs; the widths
 * of the lines are those of what they show. */
static void
test_items (void)
{
  const ShenbaoBreakItem items[] = {
    { 1, SHENBAO_BREAK_IDEOGRAPHIC },
    { 3, SHENBAO_BREAK_IDEOGRAPHIC },   /* a blank */
    { 1, SHENBAO_BREAK_CLOSING },
    { 0.25, SHENBAO_BREAK_SPACE },
    { 1, SHENBAO_BREAK_IDEOGRAPHIC },
  };
  g_autoptr(GArray) lines = shenbao_line_break_items (items, G_N_ELEMENTS (items), 4.5);
  ShenbaoLineSpan *first, *second, *third;

  /* the blank keeps the closing comma; the space at the break is dropped */
  g_assert_cmpuint (lines->len, ==, 3);
  first = &g_array_index (lines, ShenbaoLineSpan, 0);
  second = &g_array_index (lines, ShenbaoLineSpan, 1);
  third = &g_array_index (lines, ShenbaoLineSpan, 2);
  g_assert_cmpuint (first->start, ==, 0);
  g_assert_cmpuint (first->end, ==, 1);
  g_assert_cmpfloat_with_epsilon (first->width, 1, 1e-9);
  g_assert_cmpuint (second->start, ==, 1);
  g_assert_cmpuint (second->end, ==, 3);
  g_assert_cmpfloat_with_epsilon (second->width, 4, 1e-9);
  g_assert_cmpuint (third->start, ==, 4);
  g_assert_cmpuint (third->end, ==, 5);
}

/* The words a value may break between, shown as "|": ICU's dictionary
 * keeps 工程, 技术 and 有限公司 whole, and 𠮷 (two UTF-16 units) counts as
 * one character. */
static void
test_word_starts (void)
{
  static const struct
  {
    const char *text;
    const char *words;
  } cases[] = {
    { "数据分析处理工程技术人员", "数据|分析|处理|工程|技术|人员" },
    { "𠮷野家餐饮管理有限公司", "𠮷|野家|餐饮|管理|有限公司" },
    { "2018年", "2018|年" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      glong n_chars = 0;
      g_autofree gboolean *starts = shenbao_line_break_word_starts (cases[i].text, &n_chars);
      g_autoptr(GString) shown = g_string_new (NULL);
      const char *p = cases[i].text;

      g_assert_cmpint (n_chars, ==, g_utf8_strlen (cases[i].text, -1));
      g_assert_true (starts[0]);
      for (glong c = 0; c < n_chars; c++, p = g_utf8_next_char (p))
        {
          if (c > 0 && starts[c])
            g_string_append_c (shown, '|');
          g_string_append_unichar (shown, g_utf8_get_char (p));
        }
      g_assert_cmpstr (shown->str, ==, cases[i].words);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/line-break/cases", test_cases);
  g_test_add_func ("/line-break/classes", test_classes);
  g_test_add_func ("/line-break/items", test_items);
  g_test_add_func ("/line-break/word-starts", test_word_starts);

  return g_test_run ();
}
