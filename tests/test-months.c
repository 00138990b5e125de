/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "shenbao.h"
#include "cli-test-util.h"
#include "fixture-test-util.h"
#include "pdf-test-util.h"

/* The months of work as a candidate reads them (SPEC §4): the fill-in
 * guide's "共__年" per entry and in total, read back from the PDF, and the
 * same count in the verdict the CLI prints and the GUI shows. "today" is
 * pinned to the fixtures' signature date, 2026-11-28. */

#define TODAY "2026-11-28"

static void
set_work (ShenbaoApplication *application,
          const char * const *work)
{
  while (shenbao_application_get_n_work_entries (application) > 0)
    shenbao_application_remove_work_entry (application, 0);
  for (guint i = 0; work[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (work[i], "|", -1);
      g_autoptr(ShenbaoWorkEntry) entry = shenbao_work_entry_new ();
      g_autofree char *employer = g_strdup_printf ("北京第%u某某网络科技有限公司", i + 1);

      shenbao_work_entry_set (entry, SHENBAO_WORK_FIELD_EMPLOYER, employer);
      shenbao_work_entry_set (entry, SHENBAO_WORK_FIELD_FOUNDED, "2000-01-01");
      shenbao_work_entry_set (entry, SHENBAO_WORK_FIELD_FROM, parts[0]);
      shenbao_work_entry_set (entry, SHENBAO_WORK_FIELD_TO, parts[1]);
      shenbao_work_entry_set (entry, SHENBAO_WORK_FIELD_OCCUPATION, parts[2]);
      shenbao_application_append_work_entry (application, entry);
    }
}

/* The fill-in guide's text with spaces and line breaks taken out. */
static char *
fill_guide_text (ShenbaoApplication *application)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = shenbao_document_render (SHENBAO_DOCUMENT_FILL_GUIDE, application, catalogue (), NULL,
                                                     &error);
  g_autofree char *path = NULL;
  char *text;

  g_assert_no_error (error);
  path = pdf_write_temp (bytes, "fill-guide.pdf");
  pdf_assert_valid (path);
  text = pdf_text_joined (path);
  g_remove (path);
  return text;
}

/* Each of expected in text, in that order. */
static void
assert_in_order (const char         *text,
                 const char * const *expected)
{
  const char *from = text;

  for (guint i = 0; expected[i] != NULL; i++)
    {
      const char *found = strstr (from, expected[i]);

      if (found == NULL)
        g_error ("“%s” is not in the fill-in guide after what came before:\n%s", expected[i], text);
      from = found + strlen (expected[i]);
    }
}

/* Years per entry and in total on the fill-in guide: whole where whole,
 * else one decimal rounded, never truncated (SPEC §4). */
static void
test_fill_guide_years (void)
{
  static const struct
  {
    const char *name;
    const char *fixture;
    const char *work[4];
    const char *expected[8];
  } cases[] = {
    { "the fixture: 2018-03 to 至今, signed 2026-11", "condition1.xml", { NULL },
      { "本人于2018年3月—2026年11月", "共8.8年。", "自2018年3月至2026年11月", "工作共8.8年。" } },
    { "whole years", "condition1.xml", { "2008-07|2010-06|营销员", "2010-07|2013-06|电子商务师", NULL },
      { "本人于2008年7月—2010年6月", "共2年。", "本人于2010年7月—2013年6月", "共3年。",
        "自2008年7月至2013年6月", "工作共5年。" } },
    { "whole and not, with a gap", "condition1.xml",
      { "2008-07|2010-06|营销员", "2010-07|2013-06|电子商务师", "2018-03|至今|营销员", NULL },
      { "共2年。", "共3年。", "共8.8年。", "自2008年7月至2026年11月", "工作共13.8年。" } },
    { "a month short of five years", "condition1.xml", { "2018-02|2022-12|营销员", NULL },
      { "共4.9年。", "工作共4.9年。" } },
    { "four entries end to end", "four-entries.xml", { NULL },
      { "共3年。", "共3.5年。", "共3.4年。", "共6.5年。", "自2010年7月至2026年11月", "工作共16.4年。" } },
    { "condition 2: the months after the issue month 2021-06", "condition2.xml", { NULL },
      { "本人于2016年7月—2020年12月", "共4.5年。", "本人于2021年1月—2026年11月", "共5.9年。",
        "自2021年7月至2026年11月", "工作共5.4年。" } },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(ShenbaoApplication) application = load_fixture (cases[i].fixture);
      g_autofree char *text = NULL;

      g_test_message ("%s", cases[i].name);
      if (cases[i].work[0] != NULL)
        set_work (application, cases[i].work);
      text = fill_guide_text (application);
      assert_in_order (text, cases[i].expected);
      /* a truncated count would have written 8.7, 4.8 or 5.3 */
      g_assert_null (strstr (text, "共8.7年"));
    }
}

/* The line of the verdict that gives the counted months, "累计工作时间：8.8
 * 年（共 105 个月）", and the years and months it says. */
static const char *
find_line (const char * const *lines,
           const char         *label)
{
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], label))
      return lines[i];
  return NULL;
}

static void
parse_line (const char *line,
            char      **years,
            int        *months)
{
  g_autoptr(GRegex) regex = g_regex_new ("：([0-9.]+) 年（共 ([0-9]+) 个月）$", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *count = NULL;

  if (!g_regex_match (regex, line, 0, &match))
    g_error ("“%s” does not give years and months", line);
  *years = g_match_info_fetch (match, 1);
  count = g_match_info_fetch (match, 2);
  *months = atoi (count);
}

/* The CLI's validate, the verdict's text that the GUI's verdict row shows
 * (shenbao_verdict_get_details) and the fill-in guide say the same count
 * of the same application. */
static void
test_same_count_everywhere (void)
{
  static const struct
  {
    const char *fixture;
    const char *work[4];
    const char *label;
    int         months;
  } cases[] = {
    { "condition1.xml", { NULL }, "累计工作时间：", 105 },
    { "condition1.xml", { "2008-07|2010-06|营销员", "2010-07|2013-06|电子商务师", "2018-03|至今|营销员", NULL },
      "累计工作时间：", 165 },
    { "condition1.xml", { "2018-02|2022-12|营销员", NULL }, "累计工作时间：", 59 },
    { "four-entries.xml", { NULL }, "累计工作时间：", 197 },
    { "condition2.xml", { NULL }, "取得证书后的工作时间：", 65 },
  };
  g_autofree char *dir = g_dir_make_tmp ("shenbao-months-XXXXXX", NULL);
  GDate today;

  g_setenv ("SHENBAO_TODAY", TODAY, TRUE);
  shenbao_date_set_today (&today);
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(ShenbaoApplication) application = load_fixture (cases[i].fixture);
      g_autofree char *path = g_build_filename (dir, "application.xml", NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(ShenbaoVerdict) verdict = NULL;
      g_auto(GStrv) details = NULL;
      g_auto(GStrv) cli_lines = NULL;
      g_auto(CliRun) run = { 0 };
      g_autofree char *guide = NULL;
      g_autofree char *cli_years = NULL;
      g_autofree char *gui_years = NULL;
      g_autofree char *total = NULL;
      const char *cli_line, *gui_line;
      int cli_months, gui_months;

      g_test_message ("%s, case %" G_GSIZE_FORMAT, cases[i].fixture, i);
      if (cases[i].work[0] != NULL)
        set_work (application, cases[i].work);
      g_assert_true (shenbao_application_file_save (application, path, &error));
      g_assert_no_error (error);

      CLI_RUN (&run, "validate", path);
      g_assert_cmpint (run.status, !=, 2);
      cli_lines = g_strsplit (run.out, "\n", -1);
      cli_line = find_line ((const char * const *) cli_lines, cases[i].label);
      g_assert_nonnull (cli_line);
      parse_line (cli_line, &cli_years, &cli_months);

      verdict = shenbao_rules_check (application, catalogue (), SHENBAO_RULES_DEFAULT, &today);
      details = shenbao_verdict_get_details (verdict);
      gui_line = find_line ((const char * const *) details, cases[i].label);
      g_assert_nonnull (gui_line);
      parse_line (gui_line, &gui_years, &gui_months);

      guide = fill_guide_text (application);
      total = g_strdup_printf ("工作共%s年。", cli_years);

      g_assert_cmpstr (cli_line, ==, gui_line);
      g_assert_cmpint (cli_months, ==, cases[i].months);
      g_assert_cmpint (gui_months, ==, shenbao_verdict_get_months_counted (verdict));
      g_assert_cmpint (cli_months, ==, gui_months);
      g_assert_cmpstr (cli_years, ==, gui_years);
      if (strstr (guide, total) == NULL)
        g_error ("the fill-in guide does not say “%s”:\n%s", total, guide);
      g_remove (path);
    }
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  g_setenv ("LANG", "zh_CN.UTF-8", TRUE);
  g_test_init (&argc, &argv, NULL);
  shenbao_core_init ();

  g_test_add_func ("/months/fill-guide-years", test_fill_guide_years);
  g_test_add_func ("/months/same-count-everywhere", test_same_count_everywhere);

  return g_test_run ();
}
