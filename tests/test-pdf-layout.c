/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "shenbao.h"
#include "shenbao-pdf-layout.h"
#include "pdf-test-util.h"

static const ShenbaoPdfStyle song = { SHENBAO_PDF_FACE_SONG, 12, SHENBAO_PDF_BLACK, FALSE };
static const ShenbaoPdfStyle kai = { SHENBAO_PDF_FACE_KAI, 14, SHENBAO_PDF_RED, FALSE };

/* One page with the text on it, saved and written to a temporary file. */
static char *
render_text (const ShenbaoPdfStyle *style,
             const char            *text,
             GPtrArray            **warnings)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShenbaoPdfLayout) layout = shenbao_pdf_layout_new (&error);
  g_autoptr(GBytes) bytes = NULL;

  g_assert_no_error (error);
  shenbao_pdf_layout_add_page (layout);
  shenbao_pdf_layout_text (layout, 20, 30, style, text);
  bytes = shenbao_pdf_layout_save (layout, &error);
  g_assert_no_error (error);
  if (warnings != NULL)
    *warnings = g_ptr_array_ref (shenbao_pdf_layout_get_warnings (layout));
  return pdf_write_temp (bytes, "text.pdf");
}

/* 堃 is outside GB 2312: the Song face lacks it, the Ming face draws it,
 * and only the faces used are embedded. */
static void
test_fallback (void)
{
  g_autofree char *path = render_text (&song, "王堃", NULL);
  g_autofree char *text = pdf_text (path);
  g_autofree char *fonts = pdf_fonts (path);

  pdf_assert_valid (path);
  g_assert_nonnull (strstr (text, "王堃"));
  /* Drawn from the outlines embedded in the PDF. */
  g_assert_cmpuint (pdf_dark_pixels (path), >, 20);
  g_assert_nonnull (strstr (fonts, "BousungEG"));     /* AR PL SungtiL GB */
  g_assert_nonnull (strstr (fonts, "UMing"));
  g_assert_null (strstr (fonts, "GBZenKai"));         /* AR PL KaitiM GB: not used */
  g_assert_null (strstr (fonts, "BabelStone"));
}

/* Rare name characters in the Kai face of the fill-in guide, and the middle
 * dot of a minority name. */
static void
test_rare_names (void)
{
  static const char *names[] = { "张喆", "李珺", "王昇", "刘䶮", "阿依古丽·买买提" };

  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = render_text (&kai, names[i], NULL);
      g_autofree char *text = pdf_text (path);
      g_autofree char *fonts = pdf_fonts (path);

      g_test_message ("%s", names[i]);
      g_assert_nonnull (strstr (text, names[i]));
      g_assert_nonnull (strstr (fonts, "GBZenKai"));
    }
}

/* 𠮷 (U+20BB7) lies beyond the Basic Multilingual Plane, which libharu's
 * UTF-8 encoder cannot take: it is drawn with a code of the subset of its
 * own, and comes back as itself from its ToUnicode map. */
static void
test_beyond_bmp (void)
{
  g_autoptr(GPtrArray) warnings = NULL;
  g_autofree char *path = render_text (&song, "王𠮷", &warnings);
  g_autofree char *text = pdf_text (path);
  g_autofree char *fonts = pdf_fonts (path);

  pdf_assert_valid (path);
  g_assert_cmpuint (warnings->len, ==, 0);
  g_assert_cmpuint (pdf_dark_pixels (path), >, 20);
  g_assert_nonnull (strstr (text, "王𠮷"));
  g_assert_nonnull (strstr (fonts, "BabelStone"));
}

/* A character no installed face has is marked and named, never dropped: the
 * text read back has it where its box is. */
static void
test_missing (void)
{
  g_autoptr(GPtrArray) warnings = NULL;
  g_autofree char *path = render_text (&song, "甲\xCD\xB8乙", &warnings);   /* U+0378: unassigned */
  g_autofree char *text = pdf_text (path);

  g_assert_nonnull (strstr (text, "甲\xCD\xB8乙"));
  g_assert_cmpuint (warnings->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (warnings, 0), "U+0378"));
}

/* Kai text keeps its style: what the Kai face lacks comes from the Kai
 * fallback, not from the Ming one. */
static void
test_kai_fallback (void)
{
  g_autofree char *path = render_text (&kai, "张喆", NULL);
  g_autofree char *text = pdf_text (path);
  g_autofree char *fonts = pdf_fonts (path);

  g_assert_nonnull (strstr (text, "张喆"));
  g_assert_nonnull (strstr (fonts, "GBZenKai"));
  g_assert_nonnull (strstr (fonts, "UKai"));
  g_assert_null (strstr (fonts, "UMing"));
}

/* The fallbacks are data/fonts.ini's: a list without the Kai fallback sends
 * 喆 to the Ming face. */
static void
test_fallbacks_from_data (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *dir = g_dir_make_tmp ("shenbao-fonts-XXXXXX", NULL);
      g_autofree char *source = g_build_filename (g_getenv ("SHENBAO_DATA_DIR"), "fonts.ini", NULL);
      g_autofree char *list = g_build_filename (dir, "fonts.ini", NULL);
      g_autofree char *contents = NULL;
      g_autoptr(GString) edited = NULL;
      g_autofree char *path = NULL;
      g_autofree char *fonts = NULL;

      g_assert_true (g_file_get_contents (source, &contents, NULL, NULL));
      edited = g_string_new (contents);
      g_assert_cmpuint (g_string_replace (edited, "fallbacks=ukai;ming;", "fallbacks=ming;", 1), ==, 1);
      g_assert_true (g_file_set_contents (list, edited->str, -1, NULL));
      g_setenv ("SHENBAO_DATA_DIR", dir, TRUE);
      path = render_text (&kai, "张喆", NULL);
      fonts = pdf_fonts (path);
      g_assert_nonnull (strstr (fonts, "UMing"));
      g_assert_null (strstr (fonts, "UKai"));
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

/* Each subset has a tag of its own, drawn from its glyphs: merged PDFs
 * cannot mix two subsets of a face up. */
static void
test_subset_tags (void)
{
  g_autofree char *first = render_text (&song, "王堃", NULL);
  g_autofree char *again = render_text (&song, "王堃", NULL);
  g_autofree char *other = render_text (&song, "王喆", NULL);
  g_autofree char *first_ming = pdf_font_name (first, "UMing");
  g_autofree char *again_ming = pdf_font_name (again, "UMing");
  g_autofree char *other_ming = pdf_font_name (other, "UMing");
  g_autofree char *first_song = pdf_font_name (first, "BousungEG");
  g_autofree char *other_song = pdf_font_name (other, "BousungEG");

  g_assert_nonnull (first_ming);
  g_assert_nonnull (other_ming);
  g_assert_cmpstr (first_ming, ==, again_ming);
  g_assert_cmpstr (first_ming, !=, other_ming);
  g_assert_cmpstr (first_song, ==, other_song);   /* 王 alone in both */
  g_assert_cmpstr (first_song, !=, first_ming);
}

static void
test_metadata_and_watermark (void)
{
  static const ShenbaoPdfStyle mark = { SHENBAO_PDF_FACE_SONG, 60, 0xF0C0C0, FALSE };
  g_autoptr(GError) error = NULL;
  g_autoptr(ShenbaoPdfLayout) layout = shenbao_pdf_layout_new (&error);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *creator = NULL;
  g_autofree char *created = NULL;
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  shenbao_pdf_layout_set_metadata (layout, "北京市职业技能认定申报表", "张三 · 互联网营销师");
  shenbao_pdf_layout_add_page (layout);
  shenbao_pdf_layout_text (layout, 20, 30, &song, "第一页");
  shenbao_pdf_layout_add_page (layout);
  shenbao_pdf_layout_boxes (layout, 20, 30, 5.5, 8, 18, &kai, "11010519900307123X");
  shenbao_pdf_layout_watermark (layout, &mark, "参照样例 请勿提交");
  bytes = shenbao_pdf_layout_save (layout, &error);
  g_assert_no_error (error);
  path = pdf_write_temp (bytes, "metadata.pdf");

  pdf_assert_valid (path);
  g_assert_cmpint (pdf_n_pages (path), ==, 2);
  title = pdf_info (path, "Title");
  subject = pdf_info (path, "Subject");
  creator = pdf_info (path, "Creator");
  created = pdf_info (path, "CreationDate");
  g_assert_cmpstr (title, ==, "北京市职业技能认定申报表");
  g_assert_cmpstr (subject, ==, "张三 · 互联网营销师");
  g_assert_true (g_str_has_prefix (creator, "Shenbao"));
  g_assert_nonnull (created);
  text = pdf_text_joined (path);
  g_assert_nonnull (strstr (text, "11010519900307123X"));
  g_assert_nonnull (strstr (text, "参照样例请勿提交"));
}

/* Fonts are found once per process, so a changed environment is tried in a
 * child process. */
static void
test_override (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ShenbaoPdfLayout) layout = NULL;

      g_setenv ("SHENBAO_FONT_SONG", "/nonexistent/font.ttf", TRUE);
      layout = shenbao_pdf_layout_new (&error);
      g_assert_null (layout);
      g_assert_error (error, SHENBAO_ERROR, SHENBAO_ERROR_FONT);
      g_printerr ("%s\n", error->message);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("*/nonexistent/font.ttf*SHENBAO_FONT_SONG*");
}

/* An override names the file of a face: here the Song face stands in for
 * the Kai face. */
static void
test_override_used (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GPtrArray) warnings = NULL;
      g_autofree char *path = NULL;
      g_autofree char *fonts = NULL;

      g_setenv ("SHENBAO_FONT_KAI", "/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf", TRUE);
      path = render_text (&kai, "参照样例", &warnings);
      fonts = pdf_fonts (path);
      g_assert_nonnull (strstr (fonts, "BousungEG"));
      g_assert_null (strstr (fonts, "GBZenKai"));
      return;
    }
  if (!g_file_test ("/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("the Debian path of AR PL SungtiL GB is not there");
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

/* Two faces of one document from one font file: libharu keys its fonts by
 * name, so the second subset gets a name of its own, and both draw. */
static void
test_same_font_twice (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ShenbaoPdfLayout) layout = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *path = NULL;
      g_autofree char *text = NULL;
      g_autofree char *fonts = NULL;

      g_setenv ("SHENBAO_FONT_KAI", "/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf", TRUE);
      layout = shenbao_pdf_layout_new (&error);
      g_assert_no_error (error);
      shenbao_pdf_layout_add_page (layout);
      shenbao_pdf_layout_text (layout, 20, 30, &song, "申报表");
      shenbao_pdf_layout_text (layout, 20, 50, &kai, "参照样例");
      bytes = shenbao_pdf_layout_save (layout, &error);
      g_assert_no_error (error);
      path = pdf_write_temp (bytes, "twice.pdf");
      text = pdf_text (path);
      fonts = pdf_fonts (path);
      g_assert_nonnull (strstr (text, "申报表"));
      g_assert_nonnull (strstr (text, "参照样例"));
      g_assert_nonnull (strstr (fonts, "BousungEG-Light-GB-kai"));
      g_assert_cmpuint (pdf_dark_pixels (path), >, 40);
      return;
    }
  if (!g_file_test ("/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("the Debian path of AR PL SungtiL GB is not there");
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

/* With no font installed at all, the message names the package to install. */
static void
test_not_installed (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ShenbaoPdfLayout) layout = NULL;
      g_autofree char *dir = g_dir_make_tmp ("shenbao-fonts-XXXXXX", NULL);
      g_autofree char *config = g_build_filename (dir, "fonts.conf", NULL);

      g_file_set_contents (config, "<?xml version=\"1.0\"?><fontconfig></fontconfig>", -1, NULL);
      g_setenv ("FONTCONFIG_FILE", config, TRUE);
      g_unsetenv ("SHENBAO_FONT_SONG");
      layout = shenbao_pdf_layout_new (&error);
      g_assert_null (layout);
      g_assert_error (error, SHENBAO_ERROR, SHENBAO_ERROR_FONT);
      g_printerr ("%s\n", error->message);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("*fonts-arphic-gbsn00lp*SHENBAO_FONT_SONG*");
}

/* Text set by the paragraph breaks inside its width and comes back whole. */
static void
test_paragraph (void)
{
  const char *condition = "取得本职业或相关职业五级/初级工职业资格（职业技能等级）证书后，累计从事本职业或相关职业工作满3年。";
  g_autoptr(GError) error = NULL;
  g_autoptr(ShenbaoPdfLayout) layout = shenbao_pdf_layout_new (&error);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  double height;

  g_assert_no_error (error);
  shenbao_pdf_layout_add_page (layout);
  height = shenbao_pdf_layout_paragraph (layout, 20, 20, 60, 8, SHENBAO_PDF_ALIGN_LEFT, &song, condition, TRUE);
  /* 52 characters of 4.23 mm in 60 mm: 14 a line at most, so 4 lines */
  g_assert_cmpfloat_with_epsilon (height, 4 * 8, 1e-9);
  bytes = shenbao_pdf_layout_save (layout, &error);
  g_assert_no_error (error);
  path = pdf_write_temp (bytes, "paragraph.pdf");
  text = pdf_text_joined (path);
  g_assert_nonnull (strstr (text, condition));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  shenbao_core_init ();

  g_test_add_func ("/pdf-layout/fallback", test_fallback);
  g_test_add_func ("/pdf-layout/rare-names", test_rare_names);
  g_test_add_func ("/pdf-layout/beyond-bmp", test_beyond_bmp);
  g_test_add_func ("/pdf-layout/missing", test_missing);
  g_test_add_func ("/pdf-layout/kai-fallback", test_kai_fallback);
  g_test_add_func ("/pdf-layout/fallbacks-from-data", test_fallbacks_from_data);
  g_test_add_func ("/pdf-layout/subset-tags", test_subset_tags);
  g_test_add_func ("/pdf-layout/same-font-twice", test_same_font_twice);
  g_test_add_func ("/pdf-layout/metadata-and-watermark", test_metadata_and_watermark);
  g_test_add_func ("/pdf-layout/override", test_override);
  g_test_add_func ("/pdf-layout/override-used", test_override_used);
  g_test_add_func ("/pdf-layout/not-installed", test_not_installed);
  g_test_add_func ("/pdf-layout/paragraph", test_paragraph);

  return g_test_run ();
}
