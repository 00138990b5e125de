/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
#include <sys/wait.h>

#include "shenbao.h"
#include "cli-test-util.h"
#include "image-fixtures.h"

static void
test_usage (void)
{
  g_auto(CliRun) run = { 0 };

  CLI_RUN_C (&run, "no-such-command");
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "check-id"));
}

static void
test_help (void)
{
  g_auto(CliRun) run = { 0 };

  CLI_RUN_C (&run, "check-id", "--help");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "GB 11643"));
}

static void
test_check_id_valid (void)
{
  g_auto(CliRun) run = { 0 };

  CLI_RUN (&run, "check-id", "11010519491231002x");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "11010519491231002X"));
  g_assert_nonnull (strstr (run.out, "女"));
  g_assert_nonnull (strstr (run.out, "1949-12-31"));
  g_assert_nonnull (strstr (run.out, "出生日期"));
}

static void
test_check_id_invalid (void)
{
  g_auto(CliRun) run = { 0 };

  CLI_RUN (&run, "check-id", "110105900307123");
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "15"));
  g_assert_nonnull (strstr (run.err, "18"));
  g_assert_nonnull (strstr (run.err, "身份证"));
}

static void
test_check_id_usage (void)
{
  g_auto(CliRun) run = { 0 };

  CLI_RUN_C (&run, "check-id");
  g_assert_cmpint (run.status, ==, 2);
}

static char *
fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
}

static void
test_validate_accepts (void)
{
  g_autofree char *path = fixture ("condition1.xml");
  g_auto(CliRun) run = { 0 };

  CLI_RUN (&run, "validate", path);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "符合申报条件 1"));
  g_assert_nonnull (strstr (run.out, "累计工作时间：8.8 年（共 105 个月）"));
  g_assert_nonnull (strstr (run.out, "个人照片：尚未添加"));
}

static void
test_validate_complete (void)
{
  g_autofree char *path = fixture ("condition3.xml");
  g_auto(CliRun) run = { 0 };

  CLI_RUN (&run, "validate", "--complete", path);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.out, "错误 [attachments/毕业证书]"));
}

static void
test_validate_rejects (void)
{
  g_autofree char *source = fixture ("condition1.xml");
  g_autofree char *contents = NULL;
  g_autofree char *dir = g_dir_make_tmp ("shenbao-cli-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "bad.xml", NULL);
  g_autoptr(GString) text = NULL;
  g_auto(CliRun) run = { 0 };

  g_assert_true (g_file_get_contents (source, &contents, NULL, NULL));
  text = g_string_new (contents);
  g_string_replace (text, "<occupation>营销员</occupation>", "<occupation>厨师</occupation>", 1);
  g_string_replace (text, "13800138000", "23800138000", 1);
  g_assert_true (g_file_set_contents (path, text->str, -1, NULL));

  CLI_RUN (&run, "validate", path);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.out, "不符合申报条件 1"));
  g_assert_nonnull (strstr (run.out, "“厨师”既不是互联网营销师"));
  g_assert_nonnull (strstr (run.out, "不是大陆手机号码"));
  g_remove (path);
  g_rmdir (dir);
}

static void
test_validate_io_errors (void)
{
  g_autofree char *dir = g_dir_make_tmp ("shenbao-cli-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "bomb.xml", NULL);
  g_auto(CliRun) missing = { 0 };
  g_auto(CliRun) bomb = { 0 };

  CLI_RUN (&missing, "validate", "/nonexistent/app.xml");
  g_assert_cmpint (missing.status, ==, 2);

  g_assert_true (g_file_set_contents (path, "<?xml version=\"1.0\"?>\n<!DOCTYPE a [<!ENTITY a \"aaaa\">]>\n"
                                      "<application xmlns=\"urn:shenbao:application:1\" version=\"1\"/>", -1, NULL));
  CLI_RUN (&bomb, "validate", path);
  g_assert_cmpint (bomb.status, ==, 2);
  g_assert_nonnull (strstr (bomb.err, "第 2 行"));
  g_assert_nonnull (strstr (bomb.err, "DOCTYPE"));
  g_remove (path);
  g_rmdir (dir);
}

static void
test_catalog (void)
{
  g_auto(CliRun) all = { 0 };
  g_auto(CliRun) one = { 0 };
  g_auto(CliRun) unknown = { 0 };

  CLI_RUN (&all, "catalog");
  g_assert_cmpint (all.status, ==, 0);
  g_assert_cmpstr (all.out, ==, "电子商务师\n信息安全测试员\n互联网营销师\n");

  CLI_RUN (&one, "catalog", "信息安全测试员");
  g_assert_cmpint (one.status, ==, 0);
  g_assert_nonnull (strstr (one.out, "相关职业 (11)"));
  g_assert_nonnull (strstr (one.out, "相关专业（高等职业学校） (35)"));
  g_assert_nonnull (strstr (one.out, "移动互联应用技术"));

  CLI_RUN (&unknown, "catalog", "电子商务员");
  g_assert_cmpint (unknown.status, ==, 1);
  g_assert_nonnull (strstr (unknown.err, "电子商务师"));
}

/* The files the photo and document commands are run on, in a temporary
 * folder removed after each test. */
typedef struct
{
  char *dir;
  char *good;        /* a passing 1-inch photo */
  char *small;       /* 40 000 bytes: passes only if a KB is 1000 bytes */
  char *png;         /* a PNG named .jpg */
  char *phone;       /* a phone photo turned by EXIF */
  char *blue;        /* a phone photo on a blue background */
  char *card;        /* an ID card side */
  char *blurred;     /* the same, blurred */
  char *gif;
} Files;

static void
files_clear (Files *files)
{
  if (files->dir != NULL)
    fixture_remove_dir (files->dir);
  g_free (files->dir);
  g_free (files->good);
  g_free (files->small);
  g_free (files->png);
  g_free (files->phone);
  g_free (files->blue);
  g_free (files->card);
  g_free (files->blurred);
  g_free (files->gif);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Files, files_clear)

static char *
write_jpeg (const char *dir,
            const char *name,
            GdkPixbuf  *pixbuf,
            gsize       size)
{
  g_autoptr(GBytes) jpeg = size > 0 ? fixture_jpeg_of_size (pixbuf, size, FIXTURE_JPEG_BASELINE)
                                    : fixture_jpeg (pixbuf, 92, FIXTURE_JPEG_BASELINE);

  g_object_unref (pixbuf);
  return fixture_write (dir, name, jpeg);
}

static void
files_init (Files *files)
{
  g_autoptr(GdkPixbuf) portrait = fixture_portrait (295, 413, FIXTURE_WHITE, 1.0);
  g_autoptr(GdkPixbuf) upright = fixture_portrait (600, 840, FIXTURE_WHITE, 1.0);
  g_autoptr(GdkPixbuf) stored = fixture_stored_for (upright, 6);
  g_autoptr(GBytes) png = fixture_png (portrait);
  g_autoptr(GBytes) gif = fixture_gif ();
  g_autoptr(GBytes) phone = fixture_jpeg (stored, 92, FIXTURE_JPEG_BASELINE);
  g_autoptr(GBytes) tagged = fixture_with_orientation (phone, 6);

  files->dir = fixture_temp_dir ();
  files->good = write_jpeg (files->dir, "照片.jpg", g_object_ref (portrait), 60000);
  files->small = write_jpeg (files->dir, "small.jpg", g_object_ref (portrait), 40000);
  files->png = fixture_write (files->dir, "png.jpg", png);
  files->gif = fixture_write (files->dir, "gif.jpg", gif);
  files->phone = fixture_write (files->dir, "phone.jpg", tagged);
  files->blue = write_jpeg (files->dir, "blue.jpg", fixture_portrait (600, 840, FIXTURE_BLUE, 1.0),
                            0);
  files->card = write_jpeg (files->dir, "card.jpg", fixture_document (1280, 808, 1.0), 0);
  files->blurred = write_jpeg (files->dir, "blurred.jpg", fixture_document (1280, 808, 4.0), 0);
}

static void
test_check_photo (void)
{
  g_auto(Files) files = { 0 };
  struct
  {
    const char *path;
    int         status;
    const char *words[3];  /* in the output */
  } cases[] = {
    { NULL, 0, { "照片通过检查" } },
    { NULL, 1, { "40000 字节", "1024", "photo.size.too-small" } },
    { NULL, 1, { "PNG", "JPEG", "照片修正" } },
    { NULL, 1, { "GIF", "另存为 JPEG" } },
    { NULL, 1, { "EXIF", "photo.size.too-large", "照片未通过检查" } },
  };

  files_init (&files);
  cases[0].path = files.good;
  cases[1].path = files.small;
  cases[2].path = files.png;
  cases[3].path = files.gif;
  cases[4].path = files.phone;
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(CliRun) run = { 0 };

      CLI_RUN (&run, "check-photo", cases[i].path);
      g_test_message ("%s:\n%s%s", cases[i].path, run.out, run.err);
      g_assert_cmpint (run.status, ==, cases[i].status);
      for (gsize j = 0; j < G_N_ELEMENTS (cases[i].words) && cases[i].words[j] != NULL; j++)
        g_assert_nonnull (strstr (run.out, cases[i].words[j]));
    }
}

static void
test_check_photo_errors (void)
{
  g_auto(CliRun) missing = { 0 };
  g_auto(CliRun) usage = { 0 };
  g_auto(CliRun) help = { 0 };

  CLI_RUN (&missing, "check-photo", "/nonexistent/photo.jpg");
  g_assert_cmpint (missing.status, ==, 2);
  g_assert_nonnull (strstr (missing.err, "无法读取"));

  CLI_RUN_C (&usage, "check-photo");
  g_assert_cmpint (usage.status, ==, 2);

  CLI_RUN_C (&help, "check-photo", "--help");
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "40 960"));
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  GBytes *data = shenbao_image_read_file (path, &error);

  g_assert_no_error (error);
  return data;
}

static void
test_fix_photo (void)
{
  g_auto(Files) files = { 0 };
  g_auto(CliRun) fix = { 0 };
  g_auto(CliRun) check = { 0 };
  g_auto(CliRun) exists = { 0 };
  g_auto(CliRun) forced = { 0 };
  g_auto(CliRun) same = { 0 };
  g_autofree char *out = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;

  files_init (&files);
  out = g_build_filename (files.dir, "一寸照片.jpg", NULL);
  before = read_bytes (files.phone);

  CLI_RUN (&fix, "fix-photo", files.phone, out);
  g_assert_cmpint (fix.status, ==, 0);
  g_assert_nonnull (strstr (fix.out, "295 × 413"));
  g_assert_nonnull (strstr (fix.out, "已写入"));
  CLI_RUN (&check, "check-photo", out);
  g_assert_cmpint (check.status, ==, 0);

  /* OUT is kept unless --force; IN is never touched. */
  CLI_RUN (&exists, "fix-photo", files.phone, out);
  g_assert_cmpint (exists.status, ==, 2);
  g_assert_nonnull (strstr (exists.err, "--force"));
  CLI_RUN (&forced, "fix-photo", "--force", files.phone, out);
  g_assert_cmpint (forced.status, ==, 0);
  CLI_RUN (&same, "fix-photo", "--force", files.phone, files.phone);
  g_assert_cmpint (same.status, ==, 2);
  g_assert_nonnull (strstr (same.err, "同一个文件"));
  after = read_bytes (files.phone);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_fix_photo_refusals (void)
{
  g_auto(Files) files = { 0 };
  g_autofree char *out = NULL;
  struct
  {
    const char *option;
    const char *in;
    int         status;
    const char *words;  /* in stderr */
  } cases[] = {
    { "--crop=0,0,600,840", NULL, 1, "蓝色" },
    { "--crop=0,0,600", NULL, 2, "裁剪区域" },
    { "--crop=0,0,900,900", NULL, 1, "不在" },
    { "--crop=0,0,600,840", NULL, 1, "GIF" },
    { "--crop=0,0,600,840", "/nonexistent.jpg", 2, "无法读取" },
  };

  files_init (&files);
  cases[0].in = files.blue;
  cases[1].in = files.good;
  cases[2].in = files.good;
  cases[3].in = files.gif;
  out = g_build_filename (files.dir, "out.jpg", NULL);
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(CliRun) run = { 0 };

      CLI_RUN (&run, "fix-photo", cases[i].option, cases[i].in, out);
      g_test_message ("%s %s: %s", cases[i].option, cases[i].in, run.err);
      g_assert_cmpint (run.status, ==, cases[i].status);
      g_assert_nonnull (strstr (run.err, cases[i].words));
      g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
    }
}

static void
test_check_document (void)
{
  g_auto(Files) files = { 0 };
  struct
  {
    const char *slot;
    const char *file;
    int         status;
    const char *words;  /* in stdout and stderr */
  } cases[] = {
    { "身份证人像面", NULL, 0, "图片通过检查" },
    { "id-back", NULL, 0, "图片通过检查" },
    { "身份证国徽面", NULL, 0, "模糊" },
    { "申报表", NULL, 0, "document.orientation.landscape" },
    { "diploma", NULL, 0, "图片通过检查" },
    { "工作经历承诺书", NULL, 1, "GIF" },
    { "个人照片", NULL, 2, "check-photo" },
    { "passport", NULL, 2, "education-commitment" },
  };

  files_init (&files);
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    cases[i].file = files.card;
  cases[2].file = files.blurred;
  cases[5].file = files.gif;
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(CliRun) run = { 0 };
      g_autofree char *output = NULL;

      CLI_RUN (&run, "check-document", cases[i].slot, cases[i].file);
      output = g_strconcat (run.out, run.err, NULL);
      g_test_message ("%s: %s", cases[i].slot, output);
      g_assert_cmpint (run.status, ==, cases[i].status);
      g_assert_nonnull (strstr (output, cases[i].words));
    }
}

/* SPEC §8: --help states the exit codes, and that warnings do not fail; a
 * file with warnings only exits 0. */
static void
test_validate_help (void)
{
  g_autofree char *path = fixture ("condition1.xml");
  g_auto(CliRun) help = { 0 };
  g_auto(CliRun) warned = { 0 };

  CLI_RUN (&help, "validate", "--help");
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "退出码：0"));
  g_assert_nonnull (strstr (help.out, "警告不算失败"));
  g_assert_nonnull (strstr (help.out, "1 表示违反了规则"));
  g_assert_nonnull (strstr (help.out, "2 表示用法错误"));
  g_assert_nonnull (strstr (help.out, "示例：shenbao-cli validate"));

  CLI_RUN (&warned, "validate", path);
  g_assert_nonnull (strstr (warned.out, "警告 ["));
  g_assert_null (strstr (warned.out, "错误 ["));
  g_assert_cmpint (warned.status, ==, 0);
}

/* Every command's --help states the exit codes and gives an example of
 * itself, in the user's language. */
static void
test_every_help (void)
{
  static const char *const commands[] = {
    "check-id", "validate", "catalog", "list", "import", "export-app", "status",
    "check-photo", "fix-photo", "check-document", "render", "export", "batch",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(CliRun) help = { 0 };
      g_autofree char *example = g_strconcat ("示例：shenbao-cli ", commands[i], " ", NULL);

      CLI_RUN (&help, commands[i], "--help");
      g_test_message ("%s --help: %s", commands[i], help.out);
      g_assert_cmpint (help.status, ==, 0);
      g_assert_nonnull (strstr (help.out, "退出码：0 表示"));
      g_assert_nonnull (strstr (help.out, "2 表示用法错误或文件读写错误"));
      /* "list" has no arguments: its example is the bare command. */
      g_assert_true (strstr (help.out, example) != NULL
                     || g_str_has_suffix (help.out, "示例：shenbao-cli list\n"));
    }
}

/* Run from a build tree without the data folder, the message says where it
 * looked and how to point the program at the data. */
static void
test_catalogue_not_found (void)
{
  g_autofree char *path = fixture ("condition1.xml");
  g_autofree char *empty = g_dir_make_tmp ("shenbao-cli-XXXXXX", NULL);
  g_autofree char *looked = g_build_filename (empty, "catalogue.xml", NULL);
  g_autofree char *data_dir = g_strdup (g_getenv ("SHENBAO_DATA_DIR"));
  g_auto(CliRun) pointed = { 0 };
  g_auto(CliRun) unset = { 0 };

  g_setenv ("SHENBAO_DATA_DIR", empty, TRUE);
  CLI_RUN (&pointed, "validate", path);
  g_unsetenv ("SHENBAO_DATA_DIR");
  CLI_RUN (&unset, "validate", path);
  g_setenv ("SHENBAO_DATA_DIR", data_dir, TRUE);
  g_rmdir (empty);

  g_assert_cmpint (pointed.status, ==, 2);
  g_assert_nonnull (strstr (pointed.err, looked));
  g_assert_nonnull (strstr (pointed.err, "SHENBAO_DATA_DIR 指向的位置"));
  g_assert_nonnull (strstr (pointed.err, "data 文件夹"));

  if (unset.status == 0)
    {
      /* a copy installed under the prefix was found: nothing to explain */
      g_test_skip ("an installed catalogue answered");
      return;
    }
  g_assert_cmpint (unset.status, ==, 2);
  g_assert_nonnull (strstr (unset.err, "catalogue.xml"));
  g_assert_nonnull (strstr (unset.err, "./run.sh cli"));
  g_assert_nonnull (strstr (unset.err, "meson devenv -C build"));
  g_assert_nonnull (strstr (unset.err, "SHENBAO_DATA_DIR"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/usage", test_usage);
  g_test_add_func ("/cli/help", test_help);
  g_test_add_func ("/cli/check-id/valid", test_check_id_valid);
  g_test_add_func ("/cli/check-id/invalid", test_check_id_invalid);
  g_test_add_func ("/cli/check-id/usage", test_check_id_usage);
  g_test_add_func ("/cli/validate/accepts", test_validate_accepts);
  g_test_add_func ("/cli/validate/complete", test_validate_complete);
  g_test_add_func ("/cli/validate/rejects", test_validate_rejects);
  g_test_add_func ("/cli/validate/io-errors", test_validate_io_errors);
  g_test_add_func ("/cli/catalog", test_catalog);
  g_test_add_func ("/cli/check-photo", test_check_photo);
  g_test_add_func ("/cli/check-photo/errors", test_check_photo_errors);
  g_test_add_func ("/cli/fix-photo", test_fix_photo);
  g_test_add_func ("/cli/fix-photo/refusals", test_fix_photo_refusals);
  g_test_add_func ("/cli/check-document", test_check_document);
  g_test_add_func ("/cli/validate/help", test_validate_help);
  g_test_add_func ("/cli/every-help", test_every_help);
  g_test_add_func ("/cli/catalogue-not-found", test_catalogue_not_found);

  return g_test_run ();
}
