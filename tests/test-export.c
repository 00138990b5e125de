/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <archive.h>
#include <archive_entry.h>

#include "image-fixtures.h"
#include "shenbao.h"

static ShenbaoCatalogue *
catalogue (void)
{
  g_autoptr(GError) error = NULL;
  ShenbaoCatalogue *catalogue = shenbao_catalogue_get_default (&error);

  g_assert_no_error (error);
  return catalogue;
}

static ShenbaoApplication *
load_fixture (int condition)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("condition%d.xml", condition);
  g_autofree char *path = g_build_filename (TEST_SRCDIR, "fixtures", name, NULL);
  ShenbaoApplication *application = shenbao_application_file_load (path, &error);

  g_assert_no_error (error);
  return application;
}

/* Every picture carries an EXIF segment with GPS, as a phone's would. */
static GBytes *
picture_for (const ShenbaoSlot *slot)
{
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GBytes) jpeg = NULL;

  switch (slot->kind)
    {
    case SHENBAO_SLOT_KIND_PHOTO:
      pixbuf = fixture_portrait (500, 700, FIXTURE_WHITE, 1.0);
      break;
    case SHENBAO_SLOT_KIND_ID_CARD:
      pixbuf = fixture_document (1200, 760, 0.0);
      break;
    default:
      pixbuf = fixture_document (900, 1270, 0.0);
      break;
    }
  jpeg = fixture_jpeg (pixbuf, 95, FIXTURE_JPEG_BASELINE);
  return fixture_with_orientation (jpeg, 1);
}

static void
attach_all (ShenbaoApplication *application)
{
  GPtrArray *materials = shenbao_catalogue_get_materials (catalogue (),
                                                          shenbao_application_get_condition (application));

  for (guint i = 0; i < materials->len; i++)
    {
      const ShenbaoSlot *slot = g_ptr_array_index (materials, i);
      g_autoptr(GBytes) data = picture_for (slot);

      shenbao_application_set_attachment (application, slot->name, "IMG_0001.jpg", data);
    }
}

static void
assert_clean_jpeg (GBytes *jpeg)
{
  g_autoptr(GArray) markers = fixture_jpeg_markers (jpeg);

  for (guint i = 0; i < markers->len; i++)
    {
      guint8 marker = g_array_index (markers, guint8, i);

      g_assert_cmpuint (marker, !=, 0xE1); /* APP1: EXIF, XMP */
      g_assert_cmpuint (marker, !=, 0xED); /* APP13: IPTC */
      g_assert_cmpuint (marker, !=, 0xFE); /* COM */
    }
}

static GBytes *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

static void
test_package (gconstpointer data)
{
  int condition = GPOINTER_TO_INT (data);
  g_autoptr(ShenbaoApplication) application = load_fixture (condition);
  g_autofree char *dir = fixture_temp_dir ();
  g_autofree char *path = NULL;
  g_autofree char *manifest_path = NULL;
  g_autofree char *manifest = NULL;
  g_autoptr(GPtrArray) problems = shenbao_findings_new ();
  g_autoptr(GError) error = NULL;
  GPtrArray *materials = shenbao_catalogue_get_materials (catalogue (), condition);

  attach_all (application);
  g_assert_true (shenbao_export_write (application, catalogue (), dir, SHENBAO_EXPORT_DEFAULT,
                                       SHENBAO_DOCUMENT_DEFAULT_MAX_BYTES, &path, problems, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (path, shenbao_application_get (application, SHENBAO_FIELD_OCCUPATION)));
  g_assert_true (g_str_has_prefix (path, dir));
  for (guint i = 0; i < materials->len; i++)
    {
      const ShenbaoSlot *slot = g_ptr_array_index (materials, i);
      g_autofree char *name = g_strconcat (slot->name, ".jpg", NULL);
      g_autofree char *file = g_build_filename (path, name, NULL);
      g_autoptr(GBytes) jpeg = read_file (file);

      assert_clean_jpeg (jpeg);
      if (slot->kind == SHENBAO_SLOT_KIND_PHOTO)
        {
          g_assert_cmpuint (g_bytes_get_size (jpeg), >=, SHENBAO_PHOTO_MIN_BYTES);
          g_assert_cmpuint (g_bytes_get_size (jpeg), <=, SHENBAO_PHOTO_MAX_BYTES);
        }
      else
        g_assert_cmpuint (g_bytes_get_size (jpeg), <=, SHENBAO_DOCUMENT_DEFAULT_MAX_BYTES);
    }
  g_assert_null (shenbao_findings_find (problems, "export.missing"));
  manifest_path = g_build_filename (path, "清单.txt", NULL);
  g_file_get_contents (manifest_path, &manifest, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (manifest, "个人照片.jpg"));
  g_assert_nonnull (strstr (manifest, "print-package.pdf"));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_DIR));
  fixture_remove_dir (path);
  fixture_remove_dir (dir);
}

static void
test_missing (void)
{
  g_autoptr(ShenbaoApplication) application = load_fixture (3);
  g_autofree char *dir = fixture_temp_dir ();
  g_autofree char *path = NULL;
  g_autofree char *csv_path = NULL;
  g_autofree char *csv = NULL;
  g_autoptr(GPtrArray) problems = shenbao_findings_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (shenbao_export_write (application, catalogue (), dir, SHENBAO_EXPORT_DEFAULT,
                                       SHENBAO_DOCUMENT_DEFAULT_MAX_BYTES, &path, problems, &error));
  g_assert_nonnull (shenbao_findings_find (problems, "export.missing"));
  csv_path = g_build_filename (path, "manifest.csv", NULL);
  g_file_get_contents (csv_path, &csv, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (csv, ",毕业证书,,,,missing,"));

  /* A second export never overwrites the first without being told to. */
  g_assert_false (shenbao_export_write (application, catalogue (), dir, SHENBAO_EXPORT_DEFAULT,
                                        SHENBAO_DOCUMENT_DEFAULT_MAX_BYTES, NULL, NULL, &error));
  g_assert_error (error, SHENBAO_ERROR, SHENBAO_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_true (shenbao_export_write (application, catalogue (), dir, SHENBAO_EXPORT_FORCE,
                                       SHENBAO_DOCUMENT_DEFAULT_MAX_BYTES, NULL, NULL, &error));
  g_assert_no_error (error);
  fixture_remove_dir (path);
  fixture_remove_dir (dir);
}

static void
test_hostile_name (void)
{
  struct { const char *name; const char *expected; } cases[] = {
    { "../../etc/passwd", "____etc_passwd-互联网营销师" },
    { "张\n三\t/..", "张_三___-互联网营销师" },
    { "..", "_-互联网营销师" },
    { "a\\b:c*d?e\"f<g>h|i", "a_b_c_d_e_f_g_h_i-互联网营销师" },
    /* Right-to-left marks and overrides go; a family emoji keeps its joiners. */
    { "\u202e三张\u202c\u200f", "三张-互联网营销师" },
    { "\u2067张\u2069👨\u200d👩\u200d👧", "张👨\u200d👩\u200d👧-互联网营销师" },
  };
  g_autoptr(ShenbaoApplication) application = load_fixture (1);
  g_autofree char *long_name = NULL;
  g_autofree char *name = NULL;

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *result = NULL;

      shenbao_application_set (application, SHENBAO_FIELD_PERSON_NAME, cases[i].name);
      result = shenbao_export_get_name (application);
      g_assert_cmpstr (result, ==, cases[i].expected);
    }
  long_name = g_strnfill (300, 'x');
  shenbao_application_set (application, SHENBAO_FIELD_PERSON_NAME, long_name);
  name = shenbao_export_get_name (application);
  g_assert_cmpint (g_utf8_strlen (name, -1), ==, 64);
}

static void
test_zip (void)
{
  g_autoptr(ShenbaoApplication) application = load_fixture (2);
  g_autofree char *dir = fixture_temp_dir ();
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) problems = shenbao_findings_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  struct archive *archive = archive_read_new ();
  struct archive_entry *entry;

  attach_all (application);
  g_assert_true (shenbao_export_write (application, catalogue (), dir, SHENBAO_EXPORT_ZIP,
                                       SHENBAO_DOCUMENT_DEFAULT_MAX_BYTES, &path, problems, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (path, "王堃-电子商务师.zip"));

  archive_read_support_format_zip (archive);
  g_assert_cmpint (archive_read_open_filename (archive, path, 16384), ==, ARCHIVE_OK);
  while (archive_read_next_header (archive, &entry) == ARCHIVE_OK)
    {
      const char *name = archive_entry_pathname_utf8 (entry);
      la_int64_t size = archive_entry_size (entry);
      g_autofree guint8 *buffer = g_malloc (size);

      g_assert_cmpint (archive_read_data (archive, buffer, size), ==, size);
      g_ptr_array_add (names, g_strdup (strchr (name, '/') + 1));
      if (g_str_has_suffix (name, ".jpg"))
        {
          g_autoptr(GBytes) jpeg = g_bytes_new (buffer, size);

          assert_clean_jpeg (jpeg);
        }
    }
  archive_read_free (archive);
  g_assert_true (g_ptr_array_find_with_equal_func (names, "身份证人像面.jpg", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (names, "上一级别证书.jpg", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (names, "print-package.pdf", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (names, "清单.txt", g_str_equal, NULL));

  /* An existing archive is refused like a folder. */
  g_assert_false (shenbao_export_write (application, catalogue (), dir, SHENBAO_EXPORT_ZIP,
                                        SHENBAO_DOCUMENT_DEFAULT_MAX_BYTES, NULL, NULL, &error));
  g_assert_error (error, SHENBAO_ERROR, SHENBAO_ERROR_EXISTS);
  fixture_remove_dir (dir);
}

/* A photo that passes as it is leaves untouched (re-encoding only loses
 * quality); the other pictures keep under the size asked for. */
static void
test_sizes (void)
{
  g_autoptr(ShenbaoApplication) application = load_fixture (1);
  g_autofree char *dir = fixture_temp_dir ();
  g_autofree char *path = NULL;
  g_autofree char *photo_path = NULL;
  g_autofree char *form_path = NULL;
  g_autoptr(GdkPixbuf) portrait = fixture_portrait (295, 413, FIXTURE_WHITE, 1.0);
  g_autoptr(GBytes) photo = fixture_jpeg_of_size (portrait, 60000, FIXTURE_JPEG_BASELINE);
  g_autoptr(GBytes) exported_photo = NULL;
  g_autoptr(GBytes) exported_form = NULL;
  g_autoptr(GError) error = NULL;

  attach_all (application);
  shenbao_application_set_attachment (application, "个人照片", "photo.jpg", photo);
  g_assert_true (shenbao_export_write (application, catalogue (), dir, SHENBAO_EXPORT_DEFAULT, 120000, &path,
                                       NULL, &error));
  g_assert_no_error (error);
  photo_path = g_build_filename (path, "个人照片.jpg", NULL);
  exported_photo = read_file (photo_path);
  g_assert_true (g_bytes_equal (exported_photo, photo));
  form_path = g_build_filename (path, "申报表.jpg", NULL);
  exported_form = read_file (form_path);
  g_assert_cmpuint (g_bytes_get_size (exported_form), <=, 120000);
  fixture_remove_dir (path);
  fixture_remove_dir (dir);
}

/* SPEC §7: a photo that check-photo passes is exported and still passes;
 * one it refuses for what the export would strip, it refuses in advance.
 * A 30 000-byte picture padded to 62 000 bytes with a comment, and a
 * 60 000-byte one carrying 10 000 bytes of metadata. */
static void
test_photo_agrees_with_check (void)
{
  g_autoptr(GdkPixbuf) portrait = fixture_portrait (295, 413, FIXTURE_WHITE, 1.0);
  g_autofree char *filler = g_strnfill (10000, 'x');
  struct
  {
    GBytes  *picture;
    gsize    padded_to;
    gboolean passes;
  } cases[] = {
    { NULL, 62000, FALSE },
    { NULL, 0, TRUE },
  };

  for (int quality = 100; quality > 0 && cases[0].picture == NULL; quality--)
    {
      GBytes *jpeg = fixture_jpeg (portrait, quality, FIXTURE_JPEG_BASELINE);

      if (g_bytes_get_size (jpeg) <= 30000)
        cases[0].picture = jpeg;
      else if (cases[1].picture == NULL && g_bytes_get_size (jpeg) <= 60000)
        cases[1].picture = g_bytes_ref (jpeg);
      if (cases[0].picture != jpeg)
        g_bytes_unref (jpeg);
    }

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(ShenbaoApplication) application = load_fixture (1);
      g_autofree char *dir = fixture_temp_dir ();
      g_autofree char *path = NULL;
      g_autofree char *photo_path = NULL;
      g_autofree char *payload = cases[i].padded_to > 0
                                   ? g_strnfill (cases[i].padded_to - g_bytes_get_size (cases[i].picture) - 4, 'x')
                                   : g_strdup (filler);
      g_autoptr(GBytes) photo = fixture_with_segment (cases[i].picture, 0xFE, payload);
      g_autoptr(GPtrArray) checks = shenbao_photo_check (photo);
      g_autoptr(GPtrArray) exported_checks = NULL;
      g_autoptr(GBytes) exported = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("%" G_GSIZE_FORMAT " bytes", g_bytes_get_size (photo));
      g_assert_cmpint (shenbao_findings_worst (checks) < SHENBAO_SEVERITY_ERROR, ==, cases[i].passes);
      attach_all (application);
      shenbao_application_set_attachment (application, "个人照片", "photo.jpg", photo);
      g_assert_true (shenbao_export_write (application, catalogue (), dir, SHENBAO_EXPORT_DEFAULT,
                                           SHENBAO_DOCUMENT_DEFAULT_MAX_BYTES, &path, NULL, &error));
      g_assert_no_error (error);
      photo_path = g_build_filename (path, "个人照片.jpg", NULL);
      exported = read_file (photo_path);
      exported_checks = shenbao_photo_check (exported);
      g_assert_cmpint (shenbao_findings_worst (exported_checks), <, SHENBAO_SEVERITY_ERROR);
      assert_clean_jpeg (exported);
      /* Passing, it leaves with its picture bytes untouched. */
      if (cases[i].passes)
        g_assert_true (g_bytes_equal (exported, cases[i].picture));
      fixture_remove_dir (path);
      fixture_remove_dir (dir);
    }
  g_bytes_unref (cases[0].picture);
  g_bytes_unref (cases[1].picture);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  shenbao_core_init ();

  g_test_add_data_func ("/export/package/condition-1", GINT_TO_POINTER (1), test_package);
  g_test_add_data_func ("/export/package/condition-2", GINT_TO_POINTER (2), test_package);
  g_test_add_data_func ("/export/package/condition-3", GINT_TO_POINTER (3), test_package);
  g_test_add_func ("/export/missing", test_missing);
  g_test_add_func ("/export/hostile-name", test_hostile_name);
  g_test_add_func ("/export/zip", test_zip);
  g_test_add_func ("/export/sizes", test_sizes);
  g_test_add_func ("/export/photo-agrees-with-check", test_photo_agrees_with_check);
  return g_test_run ();
}
