/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>

#include "shenbao.h"

static char *
fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
}

static void
test_load_condition1 (void)
{
  g_autofree char *path = fixture ("condition1.xml");
  g_autoptr(GError) error = NULL;
  g_autoptr(ShenbaoApplication) application = shenbao_application_file_load (path, &error);
  g_autoptr(ShenbaoWorkEntry) entry = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (shenbao_application_get (application, SHENBAO_FIELD_OCCUPATION), ==, "互联网营销师");
  g_assert_cmpint (shenbao_application_get_condition (application), ==, 1);
  g_assert_cmpstr (shenbao_application_get (application, SHENBAO_FIELD_PLAN_NAME), ==, "2026年第四期");
  g_assert_cmpstr (shenbao_application_get (application, SHENBAO_FIELD_PLAN_DEADLINE), ==, "2026-12-20");
  g_assert_cmpstr (shenbao_application_get (application, SHENBAO_FIELD_PERSON_NAME), ==, "张三");
  g_assert_cmpstr (shenbao_application_get (application, SHENBAO_FIELD_PERSON_PHONE), ==, "");
  g_assert_cmpstr (shenbao_application_get (application, SHENBAO_FIELD_PERSON_IDENTITY), ==, "职工");
  g_assert_cmpuint (shenbao_application_get_n_work_entries (application), ==, 1);
  entry = shenbao_application_get_work_entry (application, 0);
  g_assert_cmpstr (shenbao_work_entry_get (entry, SHENBAO_WORK_FIELD_EMPLOYER), ==, "北京某某网络科技有限公司");
  g_assert_cmpstr (shenbao_work_entry_get (entry, SHENBAO_WORK_FIELD_FOUNDED), ==, "2012-04-18");
  g_assert_cmpstr (shenbao_work_entry_get (entry, SHENBAO_WORK_FIELD_DEREGISTERED), ==, "");
  g_assert_true (shenbao_work_entry_is_present (entry));
}

static void
test_round_trip (void)
{
  static const char * const names[] = { "condition1.xml", "condition2.xml", "condition3.xml" };

  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = fixture (names[i]);
      g_autoptr(ShenbaoApplication) first = shenbao_application_file_load (path, NULL);
      g_autoptr(ShenbaoApplication) second = NULL;
      g_autofree char *data = NULL;
      g_autofree char *again = NULL;
      gsize length;

      g_assert_nonnull (first);
      data = shenbao_application_file_to_data (first, NULL, &length);
      second = shenbao_application_file_load_data (data, length, NULL, NULL);
      g_assert_nonnull (second);
      for (ShenbaoField field = 0; field < SHENBAO_N_FIELDS; field++)
        g_assert_cmpstr (shenbao_application_get (first, field), ==, shenbao_application_get (second, field));
      g_assert_cmpuint (shenbao_application_get_n_work_entries (second), ==,
                        shenbao_application_get_n_work_entries (first));
      again = shenbao_application_file_to_data (second, NULL, NULL);
      g_assert_cmpstr (again, ==, data);
    }
}

static void
test_attachments_beside (void)
{
  g_autofree char *dir = g_dir_make_tmp ("shenbao-app-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "张三.xml", NULL);
  g_autofree char *photo_path = g_build_filename (dir, "个人照片.JPG", NULL);
  g_autoptr(ShenbaoApplication) application = shenbao_application_new ();
  g_autoptr(ShenbaoApplication) loaded = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new_static ("\xff\xd8\xff\xe0 not really a photo \xff\xd9", 26);
  g_autoptr(GError) error = NULL;
  const ShenbaoAttachment *attachment;

  shenbao_application_set (application, SHENBAO_FIELD_PERSON_NAME, "张三");
  shenbao_application_set_attachment (application, "个人照片", "IMG_2041.JPG", bytes);
  g_assert_true (shenbao_application_file_save (application, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (photo_path, G_FILE_TEST_EXISTS));

  loaded = shenbao_application_file_load (path, &error);
  g_assert_no_error (error);
  attachment = shenbao_application_get_attachment (loaded, "个人照片");
  g_assert_nonnull (attachment);
  g_assert_nonnull (attachment->data);
  g_assert_true (g_bytes_equal (attachment->data, bytes));
  g_assert_cmpstr (attachment->filename, ==, "个人照片.JPG");

  /* The original moved away: the loaded copy keeps its bytes. */
  g_unlink (photo_path);
  g_assert_true (g_bytes_equal (attachment->data, bytes));
  g_unlink (path);
  g_rmdir (dir);
}

typedef struct
{
  const char *name;
  const char *xml;
  int         code;
  const char *expect_in_message;
} HostileCase;

static const HostileCase hostile_cases[] = {
  { "billion laughs",
    "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n"
    " <!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
    " <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
    " <!ENTITY lol9 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">\n]>\n"
    "<application xmlns=\"urn:shenbao:application:1\" version=\"1\"><occupation>&lol9;</occupation></application>",
    SHENBAO_ERROR_PARSE, "line 2" },
  { "external entity",
    "<?xml version=\"1.0\"?>\n<!DOCTYPE a [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
    "<application xmlns=\"urn:shenbao:application:1\" version=\"1\"><occupation>&xxe;</occupation></application>",
    SHENBAO_ERROR_PARSE, "DOCTYPE" },
  { "network DTD",
    "<?xml version=\"1.0\"?>\n\n<!doctype application SYSTEM \"http://example.com/a.dtd\">\n"
    "<application xmlns=\"urn:shenbao:application:1\" version=\"1\"/>",
    SHENBAO_ERROR_PARSE, "line 3" },
  { "not well-formed",
    "<application xmlns=\"urn:shenbao:application:1\" version=\"1\">\n<occupation>x</occupaton>\n</application>",
    SHENBAO_ERROR_PARSE, "line 2" },
  { "unknown element",
    "<application xmlns=\"urn:shenbao:application:1\" version=\"1\">\n\n<salary>1</salary></application>",
    SHENBAO_ERROR_SCHEMA, "line 3" },
  { "wrong namespace",
    "<application xmlns=\"urn:other\" version=\"1\"/>",
    SHENBAO_ERROR_SCHEMA, NULL },
  { "invalid UTF-8",
    "<application xmlns=\"urn:shenbao:application:1\" version=\"1\"><occupation>\xff\xfe</occupation></application>",
    SHENBAO_ERROR_PARSE, NULL },
  { "attachment outside the folder",
    "<application xmlns=\"urn:shenbao:application:1\" version=\"1\">\n<attachments>\n"
    "<file slot=\"个人照片\" href=\"../../etc/shadow\"/></attachments></application>",
    SHENBAO_ERROR_PARSE, "line 3" },
  { "absolute attachment",
    "<application xmlns=\"urn:shenbao:application:1\" version=\"1\"><attachments>"
    "<file slot=\"个人照片\" href=\"/etc/passwd\"/></attachments></application>",
    SHENBAO_ERROR_PARSE, NULL },
  { "empty", "", SHENBAO_ERROR_PARSE, NULL },
};

static void
test_hostile (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (hostile_cases); i++)
    {
      const HostileCase *c = &hostile_cases[i];
      g_autoptr(GError) error = NULL;
      g_autoptr(ShenbaoApplication) application = NULL;
      gint64 start = g_get_monotonic_time ();

      application = shenbao_application_file_load_data (c->xml, strlen (c->xml), "/tmp", &error);
      g_test_message ("%s: %s", c->name, error != NULL ? error->message : "(loaded)");
      g_assert_null (application);
      g_assert_error (error, SHENBAO_ERROR, c->code);
      if (c->expect_in_message != NULL)
        g_assert_nonnull (strstr (error->message, c->expect_in_message));
      /* Refused, not ground through: far under a second. */
      g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);
    }
}

static void
test_missing_file (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_null (shenbao_application_file_load ("/nonexistent/shenbao.xml", &error));
  g_assert_error (error, SHENBAO_ERROR, SHENBAO_ERROR_NOT_FOUND);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  shenbao_core_init ();

  g_test_add_func ("/application-file/load", test_load_condition1);
  g_test_add_func ("/application-file/round-trip", test_round_trip);
  g_test_add_func ("/application-file/attachments", test_attachments_beside);
  g_test_add_func ("/application-file/hostile", test_hostile);
  g_test_add_func ("/application-file/missing", test_missing_file);

  return g_test_run ();
}
