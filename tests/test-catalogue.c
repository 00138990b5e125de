/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>

#include "shenbao.h"

static ShenbaoCatalogue *
catalogue (void)
{
  g_autoptr(GError) error = NULL;
  ShenbaoCatalogue *result = shenbao_catalogue_get_default (&error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

static void
test_counts (void)
{
  /* Every list of the guide, counted by hand from the guide (duplicates
   * removed, the 互联网营销师 union kept: see the notes in catalogue.xml). */
  static const struct { const char *occupation; const char *school_type; guint majors; } majors[] = {
    { "电子商务师", "技工学校", 7 },
    { "电子商务师", "中等职业学校", 12 },
    { "电子商务师", "高等职业学校", 17 },
    { "电子商务师", "普通高等学校本科", 17 },
    { "电子商务师", "研究生", 17 },
    { "信息安全测试员", "技工学校", 13 },
    { "信息安全测试员", "中等职业学校", 20 },
    { "信息安全测试员", "高等职业学校", 35 },
    { "信息安全测试员", "普通高等学校本科", 17 },
    { "互联网营销师", "技工学校", 69 },
    { "互联网营销师", "普通高等学校本科", 69 },
  };
  static const struct { const char *occupation; guint related; } related[] = {
    { "电子商务师", 17 },
    { "信息安全测试员", 11 },
    { "互联网营销师", 27 },
  };
  ShenbaoCatalogue *self = catalogue ();

  g_assert_cmpuint (g_strv_length ((GStrv) shenbao_catalogue_get_occupations (self)), ==, 3);
  for (gsize i = 0; i < G_N_ELEMENTS (majors); i++)
    {
      const char * const *list = shenbao_catalogue_get_majors (self, majors[i].occupation, majors[i].school_type);

      g_test_message ("%s / %s", majors[i].occupation, majors[i].school_type);
      g_assert_nonnull (list);
      g_assert_cmpuint (g_strv_length ((GStrv) list), ==, majors[i].majors);
    }
  for (gsize i = 0; i < G_N_ELEMENTS (related); i++)
    g_assert_cmpuint (g_strv_length ((GStrv) shenbao_catalogue_get_related_occupations (self, related[i].occupation)),
                      ==, related[i].related);

  g_assert_cmpuint (g_strv_length ((GStrv) shenbao_catalogue_get_list (self, SHENBAO_LIST_ETHNIC_GROUPS)), ==, 57);
  g_assert_cmpuint (g_strv_length ((GStrv) shenbao_catalogue_get_list (self, SHENBAO_LIST_EDUCATION_LEVELS)), ==, 8);
  g_assert_cmpuint (g_strv_length ((GStrv) shenbao_catalogue_get_list (self, SHENBAO_LIST_IDENTITIES)), ==, 3);
  g_assert_cmpuint (shenbao_catalogue_get_slots (self)->len, ==, 8);
  g_assert_cmpuint (shenbao_catalogue_get_materials (self, 1)->len, ==, 5);
  g_assert_cmpuint (shenbao_catalogue_get_materials (self, 2)->len, ==, 6);
  g_assert_cmpuint (shenbao_catalogue_get_materials (self, 3)->len, ==, 6);
}

static gboolean
listed (const char * const *list,
        const char         *name)
{
  return list != NULL && g_strv_contains (list, name);
}

static void
test_spot_checks (void)
{
  ShenbaoCatalogue *self = catalogue ();

  g_assert_true (listed (shenbao_catalogue_get_related_occupations (self, "电子商务师"), "易货师"));
  g_assert_true (listed (shenbao_catalogue_get_related_occupations (self, "信息安全测试员"), "计算机软件测试员"));
  /* The union of the guide's two versions (SPEC §2). */
  g_assert_true (listed (shenbao_catalogue_get_related_occupations (self, "互联网营销师"), "摊商"));
  g_assert_true (listed (shenbao_catalogue_get_related_occupations (self, "互联网营销师"), "推销员"));
  g_assert_true (listed (shenbao_catalogue_get_related_occupations (self, "互联网营销师"), "经济与贸易专业人员"));
  g_assert_true (listed (shenbao_catalogue_get_related_occupations (self, "互联网营销师"), "经济与代理专业人员"));
  /* The typo fixed, the split list joined. */
  g_assert_true (listed (shenbao_catalogue_get_majors (self, "信息安全测试员", "高等职业学校"), "移动互联应用技术"));
  g_assert_false (listed (shenbao_catalogue_get_majors (self, "信息安全测试员", "高等职业学校"), "移动互联应用就是"));
  g_assert_true (listed (shenbao_catalogue_get_majors (self, "信息安全测试员", "普通高等学校本科"), "保密技术"));
  g_assert_true (listed (shenbao_catalogue_get_majors (self, "信息安全测试员", "普通高等学校本科"), "网络安全与执法"));
  g_assert_true (listed (shenbao_catalogue_get_majors (self, "电子商务师", "技工学校"), "工商企业管理"));
  g_assert_false (listed (shenbao_catalogue_get_majors (self, "电子商务师", "技工学校"), "移动商务"));
  g_assert_true (listed (shenbao_catalogue_get_majors (self, "互联网营销师", "中等职业学校"), "会展经济与管理"));
  g_assert_true (shenbao_catalogue_majors_by_school_type (self, "电子商务师"));
  g_assert_false (shenbao_catalogue_majors_by_school_type (self, "互联网营销师"));
  g_assert_null (shenbao_catalogue_get_majors (self, "电子商务师", "幼儿园"));
  g_assert_null (shenbao_catalogue_get_related_occupations (self, "厨师"));

  g_assert_cmpstr (shenbao_catalogue_get_condition_text (self, 1), ==, "累计从事本职业或相关职业工作满5年。");
  g_assert_cmpstr (shenbao_catalogue_get_condition_text (self, 2), ==,
                   "取得本职业或相关职业五级/初级工职业资格（职业技能等级）证书后，累计从事本职业或相关职业工作满3年。");
  g_assert_cmpstr (shenbao_catalogue_get_condition_text (self, 3), ==,
                   "取得本专业或相关专业的技工院校或中等及以上职业院校、专科及以上普通高等学校毕业证书（含在读应届毕业生）。");
  g_assert_cmpint (shenbao_catalogue_get_condition_months (self, 1), ==, 60);
  g_assert_cmpint (shenbao_catalogue_get_condition_months (self, 2), ==, 36);

  g_assert_cmpstr (shenbao_catalogue_find_slot (self, "photo")->name, ==, "个人照片");
  g_assert_cmpstr (shenbao_catalogue_find_slot (self, "申报表")->id, ==, "application-form");
  g_assert_cmpint (shenbao_catalogue_find_slot (self, "application-form")->copies, ==, 2);
  g_assert_cmpint (shenbao_catalogue_get_mailing_copies (self, "application-form"), ==, 2);
  g_assert_cmpstr (shenbao_catalogue_get_mailing_address (self), ==, "北京市石景山区玉泉路63号远洋时代广场313");
  g_assert_cmpstr (shenbao_catalogue_get_mailing_contact (self), ==, "史老师");
  g_assert_cmpstr (shenbao_catalogue_get_mailing_phone (self), ==, "19910226328");
  g_assert_cmpstr (shenbao_catalogue_get_list_default (self, SHENBAO_LIST_IDENTITIES), ==, "职工");
  g_assert_true (listed (shenbao_catalogue_get_list (self, SHENBAO_LIST_ETHNIC_GROUPS), "维吾尔族"));
}

static void
write_variant (const char *dir,
               const char *from,
               const char *to)
{
  g_autofree char *source = shenbao_data_path ("catalogue.xml");
  g_autofree char *contents = NULL;
  g_autofree char *target = g_build_filename (dir, "catalogue.xml", NULL);
  g_autoptr(GString) text = NULL;

  g_assert_true (g_file_get_contents (source, &contents, NULL, NULL));
  text = g_string_new (contents);
  g_assert_cmpuint (g_string_replace (text, from, to, 1), ==, 1);
  g_assert_true (g_file_set_contents (target, text->str, -1, NULL));
}

static void
test_refuses_bad_catalogues (void)
{
  static const struct { const char *from; const char *to; int code; } cases[] = {
    { "<condition number=\"3\"", "<condition number=\"4\"", SHENBAO_ERROR_SCHEMA },
    { "<name>易货师</name>", "<name>营销员</name>", SHENBAO_ERROR_SCHEMA },
    { "<slot-ref id=\"diploma\"/>", "<slot-ref id=\"photo2\"/>", SHENBAO_ERROR_SCHEMA },
    { "<identities default=\"职工\">", "<identities default=\"农民\">", SHENBAO_ERROR_SCHEMA },
    { "</catalogue>", "", SHENBAO_ERROR_PARSE },
  };
  g_autofree char *dir = g_dir_make_tmp ("shenbao-catalogue-XXXXXX", NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_build_filename (dir, "catalogue.xml", NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(ShenbaoCatalogue) loaded = NULL;

      write_variant (dir, cases[i].from, cases[i].to);
      loaded = shenbao_catalogue_load (path, &error);
      g_test_message ("%s → %s: %s", cases[i].from, cases[i].to, error != NULL ? error->message : "loaded");
      g_assert_null (loaded);
      g_assert_error (error, SHENBAO_ERROR, cases[i].code);
      g_assert_nonnull (strstr (error->message, "line"));
      g_unlink (path);
    }
  g_rmdir (dir);
}

static void
test_names (void)
{
  static const char * const list[] = { "计算机应用(技术)", "市场营销", "网络营销与直播电商", "网络与新媒体", NULL };
  g_auto(GStrv) suggestions = NULL;
  g_auto(GStrv) none = NULL;

  g_assert_cmpstr (shenbao_names_match (list, "计算机应用（技术）"), ==, "计算机应用(技术)");
  g_assert_cmpstr (shenbao_names_match (list, " 市场 营销 "), ==, "市场营销");
  g_assert_cmpstr (shenbao_names_match (list, "市场　营销"), ==, "市场营销");
  g_assert_null (shenbao_names_match (list, "市场营销学"));
  g_assert_null (shenbao_names_match (list, ""));

  suggestions = shenbao_names_suggest (list, "市场营销学", 3);
  g_assert_cmpuint (g_strv_length (suggestions), >=, 1);
  g_assert_cmpstr (suggestions[0], ==, "市场营销");

  g_clear_pointer (&suggestions, g_strfreev);
  suggestions = shenbao_names_suggest (list, "网络营销", 3);
  g_assert_cmpstr (suggestions[0], ==, "网络营销与直播电商");

  none = shenbao_names_suggest (list, "烹饪", 3);
  g_assert_cmpuint (g_strv_length (none), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  shenbao_core_init ();

  g_test_add_func ("/catalogue/counts", test_counts);
  g_test_add_func ("/catalogue/spot-checks", test_spot_checks);
  g_test_add_func ("/catalogue/refuses-bad", test_refuses_bad_catalogues);
  g_test_add_func ("/catalogue/names", test_names);

  return g_test_run ();
}
