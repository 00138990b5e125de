/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <errno.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "shenbao.h"

/* Every test runs with its own XDG folders (G_TEST_OPTION_ISOLATE_DIRS), so
 * the default database is a fresh one and the user's own is never touched. */

static char *
test_path (const char *name)
{
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  return g_build_filename (g_get_user_data_dir (), name, NULL);
}

static GBytes *
pattern_bytes (gsize size,
               guint seed)
{
  guint8 *data = g_malloc (size);

  for (gsize i = 0; i < size; i++)
    data[i] = (guint8) ((i * 31 + seed * 7) % 251);
  return g_bytes_new_take (data, size);
}

static ShenbaoWorkEntry *
make_entry (const char *employer,
            const char *from,
            const char *to)
{
  ShenbaoWorkEntry *entry = shenbao_work_entry_new ();

  shenbao_work_entry_set (entry, SHENBAO_WORK_FIELD_EMPLOYER, employer);
  shenbao_work_entry_set (entry, SHENBAO_WORK_FIELD_FOUNDED, "2010-01-05");
  shenbao_work_entry_set (entry, SHENBAO_WORK_FIELD_FROM, from);
  shenbao_work_entry_set (entry, SHENBAO_WORK_FIELD_TO, to);
  shenbao_work_entry_set (entry, SHENBAO_WORK_FIELD_OCCUPATION, "营销员");
  return entry;
}

/* Every field set (values as typed, so a few are not valid: the store keeps
 * them as they are), two work entries, three attachments, one of them a file
 * the application file named but that could not be read. */
static ShenbaoApplication *
make_application (const char *name)
{
  ShenbaoApplication *application = shenbao_application_new ();
  g_autoptr(ShenbaoWorkEntry) first = make_entry ("北京某某网络科技有限公司", "2018-03", "2020-12");
  g_autoptr(ShenbaoWorkEntry) second = make_entry ("北京𠮷祥文化传媒有限公司", "2021-01", "至今");
  g_autoptr(GBytes) photo = pattern_bytes (50000, 1);
  g_autoptr(GBytes) id_front = pattern_bytes (3, 2);

  for (ShenbaoField field = 0; field < SHENBAO_N_FIELDS; field++)
    {
      g_autofree char *value = g_strdup_printf ("%s·%s", name, shenbao_field_name (field));

      shenbao_application_set (application, field, value);
    }
  shenbao_application_set (application, SHENBAO_FIELD_PERSON_NAME, name);
  shenbao_application_set (application, SHENBAO_FIELD_OCCUPATION, "互联网营销师");
  shenbao_application_set (application, SHENBAO_FIELD_CONDITION, "1");
  shenbao_application_set (application, SHENBAO_FIELD_PERSON_PHONE, NULL);
  shenbao_application_append_work_entry (application, first);
  shenbao_application_append_work_entry (application, second);
  shenbao_application_set_attachment (application, "个人照片", "IMG_0001 (1).jpg", photo);
  shenbao_application_set_attachment (application, "身份证人像面", "front.png", id_front);
  shenbao_application_set_attachment (application, "申报表", "missing.jpg", NULL);
  return application;
}

static void
assert_same_application (ShenbaoApplication *expected,
                         ShenbaoApplication *actual)
{
  GPtrArray *expected_attachments = shenbao_application_get_attachments (expected);
  GPtrArray *actual_attachments = shenbao_application_get_attachments (actual);
  guint n_entries = shenbao_application_get_n_work_entries (expected);

  for (ShenbaoField field = 0; field < SHENBAO_N_FIELDS; field++)
    g_assert_cmpstr (shenbao_application_get (actual, field), ==,
                     shenbao_application_get (expected, field));
  g_assert_cmpuint (shenbao_application_get_n_work_entries (actual), ==, n_entries);
  for (guint i = 0; i < n_entries; i++)
    {
      g_autoptr(ShenbaoWorkEntry) a = shenbao_application_get_work_entry (expected, i);
      g_autoptr(ShenbaoWorkEntry) b = shenbao_application_get_work_entry (actual, i);

      for (ShenbaoWorkField field = 0; field < SHENBAO_N_WORK_FIELDS; field++)
        g_assert_cmpstr (shenbao_work_entry_get (b, field), ==, shenbao_work_entry_get (a, field));
    }
  g_assert_cmpuint (actual_attachments->len, ==, expected_attachments->len);
  for (guint i = 0; i < expected_attachments->len; i++)
    {
      const ShenbaoAttachment *a = g_ptr_array_index (expected_attachments, i);
      const ShenbaoAttachment *b = g_ptr_array_index (actual_attachments, i);

      g_assert_cmpstr (b->slot, ==, a->slot);
      g_assert_cmpstr (b->filename, ==, a->filename);
      g_assert_cmpint (a->data == NULL, ==, b->data == NULL);
      if (a->data != NULL)
        g_assert_true (g_bytes_equal (a->data, b->data));
    }
}

static ShenbaoStore *
open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  ShenbaoStore *store = shenbao_store_new (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

/* What another program sees: a second connection of its own. */
static ShenbaoApplication *
load_elsewhere (const char *path,
                gint64      id)
{
  g_autoptr(ShenbaoStore) store = open_store (path);
  g_autoptr(GError) error = NULL;
  ShenbaoApplication *application = shenbao_store_load (store, id, &error);

  g_assert_no_error (error);
  return application;
}

static char *
query_text (const char *path,
            const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return text;
}

static void
exec_sql (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite3_exec (db, sql, NULL, NULL, &message);
  g_assert_null (message);
  sqlite3_close (db);
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static void
test_default_location_and_modes (void)
{
  g_autofree char *folder = g_build_filename (g_get_user_data_dir (), "shenbao", NULL);
  g_autofree char *path = g_build_filename (folder, "shenbao.db", NULL);
  g_autofree char *log = g_strconcat (path, "-wal", NULL);
  g_autoptr(ShenbaoStore) store = NULL;
  g_autoptr(ShenbaoApplication) application = make_application ("张三");
  g_autoptr(GError) error = NULL;
  g_autofree char *default_path = NULL;
  g_autofree char *mode = NULL;
  GStatBuf st;

  g_unsetenv ("SHENBAO_DB");
  default_path = shenbao_store_default_path ();
  g_assert_cmpstr (default_path, ==, path);
  store = shenbao_store_new (NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (shenbao_store_get_path (store), ==, path);
  g_assert_true (shenbao_store_save (store, application, &error));
  g_assert_no_error (error);

  g_assert_cmpint (g_stat (folder, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (log, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  mode = query_text (path, "PRAGMA journal_mode");
  g_assert_cmpstr (mode, ==, "wal");

  g_setenv ("SHENBAO_DB", "/somewhere/else.db", TRUE);
  g_free (default_path);
  default_path = shenbao_store_default_path ();
  g_assert_cmpstr (default_path, ==, "/somewhere/else.db");
  g_unsetenv ("SHENBAO_DB");
}

static void
test_save_load (void)
{
  g_autofree char *path = test_path ("store.db");
  g_autoptr(ShenbaoStore) store = open_store (path);
  g_autoptr(ShenbaoApplication) application = make_application ("阿依古丽·买买提");
  g_autoptr(ShenbaoApplication) loaded = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_assert_cmpint (shenbao_application_get_id (application), ==, 0);
  g_assert_true (shenbao_store_save (store, application, &error));
  g_assert_no_error (error);
  id = shenbao_application_get_id (application);
  g_assert_cmpint (id, >, 0);

  loaded = load_elsewhere (path, id);
  g_assert_cmpint (shenbao_application_get_id (loaded), ==, id);
  assert_same_application (application, loaded);

  /* A second save of a changed application rewrites what changed. */
  shenbao_application_set (application, SHENBAO_FIELD_PERSON_EMAIL, NULL);
  shenbao_application_set (application, SHENBAO_FIELD_PERSON_MOBILE, "13912345678");
  shenbao_application_remove_work_entry (application, 0);
  shenbao_application_remove_attachment (application, "个人照片");
  g_assert_true (shenbao_store_save (store, application, &error));
  g_assert_no_error (error);
  g_clear_object (&loaded);
  loaded = load_elsewhere (path, id);
  assert_same_application (application, loaded);
  g_assert_cmpstr (shenbao_application_get (loaded, SHENBAO_FIELD_PERSON_EMAIL), ==, "");

  g_assert_null (shenbao_store_load (store, id + 100, &error));
  g_assert_error (error, SHENBAO_ERROR, SHENBAO_ERROR_NOT_FOUND);
}

static void
test_delete_duplicate (void)
{
  g_autofree char *path = test_path ("store.db");
  g_autoptr(ShenbaoStore) store = open_store (path);
  g_autoptr(ShenbaoApplication) application = make_application ("李四");
  g_autoptr(ShenbaoApplication) copy = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id, copy_id;

  g_assert_true (shenbao_store_save (store, application, &error));
  id = shenbao_application_get_id (application);
  g_assert_true (shenbao_store_set_review_state (store, id, SHENBAO_REVIEW_IN_REVIEW, NULL, &error));
  g_assert_no_error (error);

  copy_id = shenbao_store_duplicate (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (copy_id, >, id);
  copy = shenbao_store_load (store, copy_id, &error);
  g_assert_no_error (error);
  assert_same_application (application, copy);
  history = shenbao_store_get_review_history (store, copy_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 0);

  g_assert_true (shenbao_store_delete (store, id, &error));
  g_assert_no_error (error);
  g_assert_null (shenbao_store_load (store, id, &error));
  g_assert_error (error, SHENBAO_ERROR, SHENBAO_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (shenbao_store_delete (store, id, &error));
  g_assert_error (error, SHENBAO_ERROR, SHENBAO_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (shenbao_store_duplicate (store, id, &error), ==, 0);
  g_assert_error (error, SHENBAO_ERROR, SHENBAO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Nothing of the deleted application is left behind. */
  g_autofree char *orphans =
    query_text (path, "SELECT (SELECT count(*) FROM field WHERE application_id = 1)"
                      " + (SELECT count(*) FROM work_entry WHERE application_id = 1)"
                      " + (SELECT count(*) FROM attachment WHERE application_id = 1)"
                      " + (SELECT count(*) FROM review_event WHERE application_id = 1)");
  g_assert_cmpstr (orphans, ==, "0");
}

static void
count_autosave_failures (ShenbaoStore       *store,
                         ShenbaoApplication *application,
                         GError             *error,
                         const char         *what,
                         GPtrArray          *errors)
{
  g_assert_nonnull (what);
  g_ptr_array_add (errors, g_error_copy (error));
}

/* Each change is in the database as soon as it is made: another connection
 * sees it without any explicit save. */
static void
test_autosave (void)
{
  g_autofree char *path = test_path ("store.db");
  g_autoptr(ShenbaoStore) store = open_store (path);
  g_autoptr(ShenbaoApplication) application = shenbao_application_new ();
  g_autoptr(ShenbaoWorkEntry) first = make_entry ("甲公司", "2015-01", "2016-01");
  g_autoptr(ShenbaoWorkEntry) second = make_entry ("乙公司", "2016-02", "2018-01");
  g_autoptr(ShenbaoWorkEntry) third = make_entry ("丙公司", "2018-02", "至今");
  g_autoptr(GBytes) photo = pattern_bytes (60000, 3);
  g_autoptr(GBytes) other_photo = pattern_bytes (45000, 4);
  g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_signal_connect (store, "autosave-failed", G_CALLBACK (count_autosave_failures), errors);
  g_assert_true (shenbao_store_watch (store, application, &error));
  g_assert_no_error (error);
  id = shenbao_application_get_id (application);
  g_assert_cmpint (id, >, 0);

  g_object_set (application, "person-name", "王五", NULL);
  shenbao_application_set (application, SHENBAO_FIELD_OCCUPATION, "电子商务师");
  shenbao_application_append_work_entry (application, first);
  shenbao_application_append_work_entry (application, second);
  shenbao_application_append_work_entry (application, third);
  shenbao_work_entry_set (second, SHENBAO_WORK_FIELD_EMPLOYER, "乙科技有限公司");
  shenbao_work_entry_set (third, SHENBAO_WORK_FIELD_DEREGISTERED, "2024-01-01");
  shenbao_application_move_work_entry (application, 2, 0);
  shenbao_application_set_attachment (application, "个人照片", "a.jpg", photo);
  shenbao_application_set_attachment (application, "身份证国徽面", "b.jpg", other_photo);
  {
    g_autoptr(ShenbaoApplication) seen = load_elsewhere (path, id);

    assert_same_application (application, seen);
    g_assert_cmpstr (shenbao_application_get (seen, SHENBAO_FIELD_PERSON_NAME), ==, "王五");
  }

  /* Moving keeps the entries' rows (and their ids); removing deletes one. */
  shenbao_application_move_work_entry (application, 0, 2);
  shenbao_application_remove_work_entry (application, 1);
  shenbao_application_set (application, SHENBAO_FIELD_PERSON_NAME, "");
  shenbao_application_set_attachment (application, "个人照片", "c.jpg", other_photo);
  shenbao_application_remove_attachment (application, "身份证国徽面");
  shenbao_work_entry_set (third, SHENBAO_WORK_FIELD_TO, "2023-12");
  {
    g_autoptr(ShenbaoApplication) seen = load_elsewhere (path, id);
    g_autoptr(ShenbaoWorkEntry) last = shenbao_application_get_work_entry (seen, 1);

    assert_same_application (application, seen);
    g_assert_cmpint (shenbao_work_entry_get_id (last), ==, shenbao_work_entry_get_id (third));
    g_assert_cmpstr (shenbao_work_entry_get (last, SHENBAO_WORK_FIELD_TO), ==, "2023-12");
  }
  g_autofree char *n_entries = query_text (path, "SELECT count(*) FROM work_entry");
  g_assert_cmpstr (n_entries, ==, "2");
  g_assert_cmpuint (errors->len, ==, 0);

  /* After unwatch, changes stay in memory only. */
  shenbao_store_unwatch (store, application);
  shenbao_application_set (application, SHENBAO_FIELD_PERSON_NAME, "赵六");
  {
    g_autoptr(ShenbaoApplication) seen = load_elsewhere (path, id);

    g_assert_cmpstr (shenbao_application_get (seen, SHENBAO_FIELD_PERSON_NAME), ==, "");
  }
}

/* A watched application that is finalized stops being watched; the store
 * going away first stops watching too. */
static void
test_watch_lifetime (void)
{
  g_autofree char *path = test_path ("store.db");
  g_autoptr(ShenbaoStore) store = open_store (path);
  g_autoptr(ShenbaoApplication) application = make_application ("孙七");
  g_autoptr(GListModel) entries = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (shenbao_store_watch (store, application, &error));
  g_assert_true (shenbao_store_watch (store, application, &error));
  entries = g_object_ref (shenbao_application_get_work_entries (application));
  g_clear_object (&application);
  /* The list outlives its application; changing it must not reach a
   * forgotten watch. */
  g_list_store_remove (G_LIST_STORE (entries), 0);

  application = make_application ("周八");
  g_assert_true (shenbao_store_watch (store, application, &error));
  g_clear_object (&store);
  shenbao_application_set (application, SHENBAO_FIELD_PERSON_NAME, "吴九");
}

static void
note_what (ShenbaoStore       *store,
           ShenbaoApplication *application,
           GError             *error,
           const char         *what,
           GPtrArray          *whats)
{
  g_ptr_array_add (whats, g_strdup (what));
}

static void
count_recoveries (ShenbaoStore       *store,
                  ShenbaoApplication *application,
                  guint              *recoveries)
{
  (*recoveries)++;
}

/* Another program holds the write lock: the change fails after the busy
 * timeout with a clear message naming the field, and the next change, once
 * the lock is gone, writes the whole application, the failed change with
 * it, and says the application is saved again. */
static void
test_autosave_locked (void)
{
  g_autoptr(GPtrArray) whats = g_ptr_array_new_with_free_func (g_free);
  guint recoveries = 0;
  g_autofree char *path = test_path ("store.db");
  g_autoptr(ShenbaoStore) store = open_store (path);
  g_autoptr(ShenbaoApplication) application = make_application ("郑十");
  g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  g_autoptr(GError) error = NULL;
  const GError *failure;
  sqlite3 *other = NULL;

  g_signal_connect (store, "autosave-failed", G_CALLBACK (count_autosave_failures), errors);
  g_signal_connect (store, "autosave-failed", G_CALLBACK (note_what), whats);
  g_signal_connect (store, "autosave-recovered", G_CALLBACK (count_recoveries), &recoveries);
  g_assert_true (shenbao_store_watch (store, application, &error));
  g_assert_cmpint (sqlite3_open (path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);

  shenbao_application_set (application, SHENBAO_FIELD_PERSON_MOBILE, "13800000001");
  g_assert_cmpuint (errors->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (whats, 0), ==, shenbao_field_name (SHENBAO_FIELD_PERSON_MOBILE));
  g_assert_cmpuint (recoveries, ==, 0);
  failure = g_ptr_array_index (errors, 0);
  g_assert_error (failure, SHENBAO_ERROR, SHENBAO_ERROR_STORE);
  g_assert_nonnull (strstr (failure->message, "in use by another program"));

  g_assert_cmpint (sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);
  shenbao_application_set (application, SHENBAO_FIELD_PERSON_EMAIL, "zheng@example.com");
  g_assert_cmpuint (errors->len, ==, 1);
  g_assert_cmpuint (recoveries, ==, 1);
  /* Saved again: an ordinary change is no recovery. */
  shenbao_application_set (application, SHENBAO_FIELD_PERSON_EMAIL, "zheng10@example.com");
  g_assert_cmpuint (recoveries, ==, 1);
  {
    g_autoptr(ShenbaoApplication) seen =
      load_elsewhere (path, shenbao_application_get_id (application));

    g_assert_cmpstr (shenbao_application_get (seen, SHENBAO_FIELD_PERSON_MOBILE), ==, "13800000001");
    g_assert_cmpstr (shenbao_application_get (seen, SHENBAO_FIELD_PERSON_EMAIL), ==,
                     "zheng10@example.com");
  }
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              GPtrArray  *names)
{
  g_ptr_array_add (names, g_strdup (pspec->name));
}

static void
test_summaries (void)
{
  g_autofree char *path = test_path ("store.db");
  g_autoptr(ShenbaoStore) store = open_store (path);
  g_autoptr(ShenbaoApplication) first = make_application ("张三");
  g_autoptr(ShenbaoApplication) second = make_application ("李四");
  g_autoptr(ShenbaoApplicationSummary) summary = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GPtrArray) notified = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  GDateTime *updated;

  g_assert_true (shenbao_store_save (store, first, &error));
  list = shenbao_store_list (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  g_assert_true (g_list_model_get_item_type (list) == SHENBAO_TYPE_APPLICATION_SUMMARY);

  g_assert_true (shenbao_store_save (store, second, &error));
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  summary = g_list_model_get_item (list, 1);
  g_assert_cmpint (shenbao_application_summary_get_id (summary), ==,
                   shenbao_application_get_id (second));
  g_assert_cmpstr (shenbao_application_summary_get_name (summary), ==, "李四");
  g_assert_cmpstr (shenbao_application_summary_get_occupation (summary), ==, "互联网营销师");
  g_assert_cmpstr (shenbao_application_summary_get_condition (summary), ==, "1");
  g_assert_cmpint (shenbao_application_summary_get_review_state (summary), ==,
                   SHENBAO_REVIEW_NOT_SUBMITTED);
  updated = g_date_time_ref (shenbao_application_summary_get_updated (summary));

  /* Typing in a watched application updates its row of the list. */
  g_signal_connect (summary, "notify", G_CALLBACK (count_notify), notified);
  g_assert_true (shenbao_store_watch (store, second, &error));
  g_usleep (1000);
  shenbao_application_set (second, SHENBAO_FIELD_PERSON_NAME, "李四光");
  g_assert_cmpstr (shenbao_application_summary_get_name (summary), ==, "李四光");
  g_assert_cmpint (g_date_time_compare (shenbao_application_summary_get_updated (summary), updated), >, 0);
  g_assert_cmpuint (notified->len, ==, 2);
  shenbao_application_set (second, SHENBAO_FIELD_PERSON_EMAIL, "li@example.com");
  g_assert_cmpuint (notified->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (notified, 2), ==, "updated");
  g_date_time_unref (updated);

  g_assert_true (shenbao_store_set_review_state (store, shenbao_application_get_id (second),
                                                 SHENBAO_REVIEW_IN_REVIEW, NULL, &error));
  g_assert_cmpint (shenbao_application_summary_get_review_state (summary), ==,
                   SHENBAO_REVIEW_IN_REVIEW);

  g_assert_true (shenbao_store_delete (store, shenbao_application_get_id (first), &error));
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  g_clear_object (&summary);
  summary = g_list_model_get_item (list, 0);
  g_assert_cmpstr (shenbao_application_summary_get_name (summary), ==, "李四光");
}

static void
test_tracker (void)
{
  g_autofree char *path = test_path ("store.db");
  g_autoptr(ShenbaoStore) store = open_store (path);
  g_autoptr(ShenbaoApplication) application = make_application ("钱一");
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  static const ShenbaoReviewState path_states[] = {
    SHENBAO_REVIEW_IN_REVIEW, SHENBAO_REVIEW_REJECTED, SHENBAO_REVIEW_IN_REVIEW,
    SHENBAO_REVIEW_APPROVED, SHENBAO_REVIEW_AWAITING_PAYMENT, SHENBAO_REVIEW_PAID,
  };
  const ShenbaoReviewEvent *event;
  gint64 id;

  g_setenv ("SHENBAO_TODAY", "2026-12-10", TRUE);
  g_assert_true (shenbao_store_save (store, application, &error));
  id = shenbao_application_get_id (application);
  history = shenbao_store_get_review_history (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 0);
  g_clear_pointer (&history, g_ptr_array_unref);

  g_assert_false (shenbao_store_set_review_state (store, id, SHENBAO_REVIEW_APPROVED, NULL, &error));
  g_assert_error (error, SHENBAO_ERROR, SHENBAO_ERROR_ILLEGAL_TRANSITION);
  g_clear_error (&error);
  g_assert_false (shenbao_store_add_mailing (store, id, "2026-12-01", "SF1", &error));
  g_assert_error (error, SHENBAO_ERROR, SHENBAO_ERROR_ILLEGAL_TRANSITION);
  g_clear_error (&error);

  for (gsize i = 0; i < G_N_ELEMENTS (path_states); i++)
    {
      const char *reason = path_states[i] == SHENBAO_REVIEW_REJECTED ? "  照片背景不是白色 " : NULL;

      g_assert_true (shenbao_store_set_review_state (store, id, path_states[i], reason, &error));
      g_assert_no_error (error);
    }
  g_assert_true (shenbao_store_add_mailing (store, id, "2026-12-08", " SF1234567890 ", &error));
  g_assert_no_error (error);
  g_assert_false (shenbao_store_set_review_state (store, id, SHENBAO_REVIEW_PAID, NULL, &error));
  g_assert_error (error, SHENBAO_ERROR, SHENBAO_ERROR_ILLEGAL_TRANSITION);
  g_clear_error (&error);
  g_assert_true (shenbao_store_set_review_state (store, id, SHENBAO_REVIEW_ADMISSION_TICKET, NULL,
                                                 &error));

  /* The history survives reopening, every change with its time. */
  g_clear_object (&store);
  store = open_store (path);
  history = shenbao_store_get_review_history (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, G_N_ELEMENTS (path_states) + 2);
  for (guint i = 0; i < history->len; i++)
    {
      event = g_ptr_array_index (history, i);
      g_assert_nonnull (event->time);
      if (i > 0)
        g_assert_cmpint (g_date_time_compare (event->time,
                                              ((ShenbaoReviewEvent *) history->pdata[i - 1])->time),
                         >=, 0);
    }
  event = g_ptr_array_index (history, 1);
  g_assert_cmpint (event->state, ==, SHENBAO_REVIEW_REJECTED);
  g_assert_cmpstr (event->reason, ==, "照片背景不是白色");
  event = g_ptr_array_index (history, 6);
  g_assert_true (event->mailing);
  g_assert_cmpint (event->state, ==, SHENBAO_REVIEW_PAID);
  g_assert_cmpstr (event->mailed_date, ==, "2026-12-08");
  g_assert_cmpstr (event->tracking_number, ==, "SF1234567890");
  event = g_ptr_array_index (history, 7);
  g_assert_false (event->mailing);
  g_assert_cmpint (event->state, ==, SHENBAO_REVIEW_ADMISSION_TICKET);

  g_assert_false (shenbao_store_set_review_state (store, id + 1, SHENBAO_REVIEW_IN_REVIEW, NULL,
                                                  &error));
  g_assert_error (error, SHENBAO_ERROR, SHENBAO_ERROR_NOT_FOUND);
  g_unsetenv ("SHENBAO_TODAY");
}

/* Programs opening a new database at the same moment (the window and a
 * script) all get it, migrated once. */
static void
test_open_concurrently (void)
{
  g_autofree char *path = test_path ("shenbao.db");
  g_autoptr(ShenbaoStore) store = NULL;
  g_autoptr(GListModel) list = NULL;
  pid_t children[6];

  for (gsize i = 0; i < G_N_ELEMENTS (children); i++)
    {
      children[i] = fork ();
      g_assert_cmpint (children[i], >=, 0);
      if (children[i] == 0)
        {
          g_autoptr(ShenbaoStore) child_store = shenbao_store_new (path, NULL);
          g_autoptr(ShenbaoApplication) application = shenbao_application_new ();

          _exit (child_store != NULL && shenbao_store_save (child_store, application, NULL) ? 0 : 1);
        }
    }
  for (gsize i = 0; i < G_N_ELEMENTS (children); i++)
    {
      int status;

      g_assert_cmpint (waitpid (children[i], &status, 0), ==, children[i]);
      g_assert_true (WIFEXITED (status));
      g_assert_cmpint (WEXITSTATUS (status), ==, 0);
    }
  store = open_store (path);
  list = shenbao_store_list (store, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, G_N_ELEMENTS (children));
}

/* Version 1 as it shipped: a database of that version, made by hand, opens,
 * is migrated, and keeps its applications. */
static const char version_1_schema[] =
  "PRAGMA application_id = 1396851023;"
  "PRAGMA journal_mode = WAL;"
  "CREATE TABLE application (id INTEGER PRIMARY KEY AUTOINCREMENT, created TEXT NOT NULL,"
  "  updated TEXT NOT NULL);"
  "CREATE TABLE field (application_id INTEGER NOT NULL REFERENCES application (id)"
  "  ON DELETE CASCADE, name TEXT NOT NULL, value TEXT NOT NULL,"
  "  PRIMARY KEY (application_id, name)) WITHOUT ROWID;"
  "CREATE TABLE work_entry (id INTEGER PRIMARY KEY AUTOINCREMENT, application_id INTEGER NOT NULL"
  "  REFERENCES application (id) ON DELETE CASCADE, position INTEGER NOT NULL);"
  "CREATE INDEX work_entry_application ON work_entry (application_id, position);"
  "CREATE TABLE work_entry_field (work_entry_id INTEGER NOT NULL REFERENCES work_entry (id)"
  "  ON DELETE CASCADE, name TEXT NOT NULL, value TEXT NOT NULL,"
  "  PRIMARY KEY (work_entry_id, name)) WITHOUT ROWID;"
  "CREATE TABLE attachment (application_id INTEGER NOT NULL REFERENCES application (id)"
  "  ON DELETE CASCADE, slot TEXT NOT NULL, position INTEGER NOT NULL, filename TEXT, data BLOB,"
  "  PRIMARY KEY (application_id, slot));"
  "INSERT INTO application VALUES (7, '2026-01-02T03:04:05.000000Z', '2026-01-02T03:04:05.000000Z');"
  "INSERT INTO field VALUES (7, 'person/name', '老王'), (7, 'occupation', '电子商务师'),"
  "  (7, 'condition', '2'), (7, 'a-field/of-a-newer-version', 'kept');"
  "INSERT INTO work_entry VALUES (3, 7, 0);"
  "INSERT INTO work_entry_field VALUES (3, 'employer', '北京老王商贸有限公司'), (3, 'from', '2015-06');"
  "INSERT INTO attachment VALUES (7, '个人照片', 0, 'wang.jpg', x'FFD8FFE0');"
  "PRAGMA user_version = 1;";

static void
test_migration_from_1 (void)
{
  g_autofree char *path = test_path ("old.db");
  g_autoptr(ShenbaoStore) store = NULL;
  g_autoptr(ShenbaoApplication) application = NULL;
  g_autoptr(ShenbaoApplicationSummary) summary = NULL;
  g_autoptr(ShenbaoWorkEntry) entry = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;
  const ShenbaoAttachment *photo;

  exec_sql (path, version_1_schema);
  store = open_store (path);
  g_autofree char *version = query_text (path, "PRAGMA user_version");
  g_assert_cmpstr (version, ==, "2");

  application = shenbao_store_load (store, 7, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (shenbao_application_get (application, SHENBAO_FIELD_PERSON_NAME), ==, "老王");
  g_assert_cmpint (shenbao_application_get_condition (application), ==, 2);
  entry = shenbao_application_get_work_entry (application, 0);
  g_assert_cmpstr (shenbao_work_entry_get (entry, SHENBAO_WORK_FIELD_EMPLOYER), ==,
                   "北京老王商贸有限公司");
  photo = shenbao_application_get_attachment (application, "个人照片");
  g_assert_cmpuint (g_bytes_get_size (photo->data), ==, 4);

  list = shenbao_store_list (store, &error);
  g_assert_no_error (error);
  summary = g_list_model_get_item (list, 0);
  g_assert_cmpstr (shenbao_application_summary_get_name (summary), ==, "老王");
  g_assert_cmpint (shenbao_application_summary_get_review_state (summary), ==,
                   SHENBAO_REVIEW_NOT_SUBMITTED);

  /* Version 2's tracker works on it, and a save leaves alone what this
   * version does not know. */
  g_assert_true (shenbao_store_set_review_state (store, 7, SHENBAO_REVIEW_IN_REVIEW, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (shenbao_store_save (store, application, &error));
  g_autofree char *kept =
    query_text (path, "SELECT value FROM field WHERE name = 'a-field/of-a-newer-version'");
  g_assert_cmpstr (kept, ==, "kept");

  /* Opening again migrates nothing more. */
  g_clear_object (&store);
  store = open_store (path);
}

static void
assert_refused (const char *path,
                int         code,
                const char *words)
{
  g_autoptr(GBytes) before = read_bytes (path);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ShenbaoStore) store = shenbao_store_new (path, &error);

  g_assert_null (store);
  g_assert_error (error, SHENBAO_ERROR, code);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, words));
  g_assert_nonnull (strstr (error->message, path));
  after = read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_foreign_sqlite (void)
{
  g_autofree char *path = test_path ("shenbao.db");

  exec_sql (path, "CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT);"
                  "INSERT INTO moz_places (url) VALUES ('https://example.com');");
  assert_refused (path, SHENBAO_ERROR_STORE, "not a Shenbao database");
}

static void
test_foreign_text (void)
{
  g_autofree char *path = test_path ("shenbao.db");

  g_assert_true (g_file_set_contents (path, "姓名,身份证号\n张三,110105194912310021\n", -1, NULL));
  assert_refused (path, SHENBAO_ERROR_STORE, "not a Shenbao database");
}

static void
test_newer_version (void)
{
  g_autofree char *path = test_path ("shenbao.db");

  exec_sql (path, "PRAGMA application_id = 1396851023; CREATE TABLE later (x);"
                  "PRAGMA user_version = 99;");
  assert_refused (path, SHENBAO_ERROR_STORE, "newer version of Shenbao");
}

/* Cut off in the middle, and by its last page only. */
static void
test_truncated (void)
{
  g_autofree char *path = test_path ("shenbao.db");
  g_autoptr(GBytes) whole = NULL;
  gsize size;

  {
    g_autoptr(ShenbaoStore) store = open_store (path);

    for (int i = 0; i < 10; i++)
      {
        g_autoptr(ShenbaoApplication) application = make_application ("截断");

        g_assert_true (shenbao_store_save (store, application, NULL));
      }
  }
  whole = read_bytes (path);
  size = g_bytes_get_size (whole);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (whole, NULL), size / 2, NULL));
  assert_refused (path, SHENBAO_ERROR_CORRUPT, "damaged");
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (whole, NULL), size - 4096, NULL));
  assert_refused (path, SHENBAO_ERROR_CORRUPT, "damaged");
}

/* Runs body in a child process, as the user nobody when the tests run as
 * root (for whom no permission bit would hold). */
static void
run_unprivileged (void (*body) (void))
{
  if (g_test_subprocess ())
    {
      if (geteuid () == 0)
        {
          g_assert_cmpint (setgid (65534), ==, 0);
          g_assert_cmpint (setuid (65534), ==, 0);
        }
      body ();
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR | G_TEST_SUBPROCESS_INHERIT_STDOUT);
  g_test_trap_assert_passed ();
}

static void
read_only_body (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_dir_make_tmp ("shenbao-read-only-XXXXXX", &error);
  g_autofree char *path = g_build_filename (folder, "shenbao.db", NULL);

  g_assert_no_error (error);
  {
    g_autoptr(ShenbaoStore) store = open_store (path);
    g_autoptr(ShenbaoApplication) application = make_application ("只读");

    g_assert_true (shenbao_store_save (store, application, &error));
  }
  g_assert_cmpint (g_chmod (folder, 0555), ==, 0);
  assert_refused (path, SHENBAO_ERROR_STORE, "cannot be written");
  g_assert_cmpint (g_chmod (folder, 0700), ==, 0);

  g_assert_cmpint (g_chmod (path, 0400), ==, 0);
  assert_refused (path, SHENBAO_ERROR_STORE, "cannot be written");
  g_assert_cmpint (g_chmod (path, 0600), ==, 0);

  /* The read-only connection that looked at the file leaves SQLite's
   * shared-memory file behind. */
  for (const char * const *suffix = (const char * const[]) { "", "-wal", "-shm", NULL };
       *suffix != NULL; suffix++)
    {
      g_autofree char *file = g_strconcat (path, *suffix, NULL);

      g_assert_true (g_unlink (file) == 0 || errno == ENOENT);
    }
  g_assert_cmpint (g_rmdir (folder), ==, 0);
}

static void
test_read_only (void)
{
  run_unprivileged (read_only_body);
}

/* A disk that fills up (a file size limit stands in for it): the change
 * fails with a message, the database stays whole, and once there is room the
 * next change writes what was lost. */
static void
disk_full_body (void)
{
  g_autofree char *path = test_path ("shenbao.db");
  g_autoptr(ShenbaoStore) store = open_store (path);
  g_autoptr(ShenbaoApplication) application = make_application ("满盘");
  g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  g_autoptr(GBytes) scan = pattern_bytes (4 * 1024 * 1024, 9);
  g_autoptr(GError) error = NULL;
  struct rlimit limit;
  const GError *failure;

  g_assert_true (shenbao_store_watch (store, application, &error));
  g_signal_connect (store, "autosave-failed", G_CALLBACK (count_autosave_failures), errors);
  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  limit.rlim_cur = 1024 * 1024;
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

  shenbao_application_set_attachment (application, "申报表", "scan.jpg", scan);
  g_assert_cmpuint (errors->len, ==, 1);
  failure = g_ptr_array_index (errors, 0);
  g_test_message ("%s", failure->message);
  g_assert_true (failure->code == SHENBAO_ERROR_STORE || failure->code == SHENBAO_ERROR_IO);

  limit.rlim_cur = limit.rlim_max;
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  shenbao_application_set (application, SHENBAO_FIELD_PERSON_PHONE, "010-12345678");
  g_assert_cmpuint (errors->len, ==, 1);
  {
    g_autoptr(ShenbaoApplication) seen =
      load_elsewhere (path, shenbao_application_get_id (application));

    assert_same_application (application, seen);
  }
  g_autofree char *check = query_text (path, "PRAGMA integrity_check");
  g_assert_cmpstr (check, ==, "ok");
}

static void
test_disk_full (void)
{
  if (g_test_subprocess ())
    {
      disk_full_body ();
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR | G_TEST_SUBPROCESS_INHERIT_STDOUT);
  g_test_trap_assert_passed ();
}

/* The crash test. A child process writes in a loop, reporting on a pipe each
 * step it has committed; the parent kills it with SIGKILL at a random moment,
 * then checks the database. Each step n: application A (watched) gets
 * attachment n (one transaction), then phone n (another); application B gets
 * phone, email and attachment n in a single save, which completes the step. */

#define KILL_ROUNDS 30

static GBytes *
step_bytes (int n)
{
  return pattern_bytes (30000, n);
}

static int
step_of (ShenbaoApplication *application,
         ShenbaoField        field)
{
  return atoi (shenbao_application_get (application, field));
}

static G_NORETURN void
writer (const char *path,
        int         report)
{
  g_autoptr(ShenbaoStore) store = shenbao_store_new (path, NULL);
  g_autoptr(GListModel) list = NULL;
  g_autoptr(ShenbaoApplication) a = NULL;
  g_autoptr(ShenbaoApplication) b = NULL;
  g_autoptr(ShenbaoApplicationSummary) first = NULL;
  g_autoptr(ShenbaoApplicationSummary) second = NULL;

  if (store == NULL || (list = shenbao_store_list (store, NULL)) == NULL)
    _exit (1);
  while (g_list_model_get_n_items (list) < 2)
    {
      g_autoptr(ShenbaoApplication) application = shenbao_application_new ();

      if (!shenbao_store_save (store, application, NULL))
        _exit (1);
    }
  first = g_list_model_get_item (list, 0);
  second = g_list_model_get_item (list, 1);
  a = shenbao_store_load (store, shenbao_application_summary_get_id (first), NULL);
  b = shenbao_store_load (store, shenbao_application_summary_get_id (second), NULL);
  if (a == NULL || b == NULL || !shenbao_store_watch (store, a, NULL))
    _exit (1);

  for (int n = step_of (b, SHENBAO_FIELD_PERSON_PHONE) + 1;; n++)
    {
      g_autoptr(GBytes) data = step_bytes (n);
      g_autofree char *text = g_strdup_printf ("%d", n);
      g_autofree char *line = g_strdup_printf ("%d\n", n);

      shenbao_application_set_attachment (a, "个人照片", text, data);
      shenbao_application_set (a, SHENBAO_FIELD_PERSON_PHONE, text);
      shenbao_application_set (b, SHENBAO_FIELD_PERSON_PHONE, text);
      shenbao_application_set (b, SHENBAO_FIELD_PERSON_EMAIL, text);
      shenbao_application_set_attachment (b, "个人照片", text, data);
      if (!shenbao_store_save (store, b, NULL)
          || write (report, line, strlen (line)) != (ssize_t) strlen (line))
        _exit (1);
    }
}

static int
last_reported (int      input,
               GString *text)
{
  char buffer[4096];
  ssize_t n;
  const char *last;

  while ((n = read (input, buffer, sizeof buffer)) > 0 || (n < 0 && errno == EINTR))
    if (n > 0)
      g_string_append_len (text, buffer, n);
  g_strchomp (text->str);
  last = strrchr (text->str, '\n');
  last = last != NULL ? last + 1 : text->str;
  return *last != '\0' ? atoi (last) : -1;
}

/* Returns the last whole step found in the database (B's): every step
 * reported before is there, and at most one more that was committed but not
 * yet reported. A may be one step ahead of B. */
static int
check_after_kill (const char *path,
                  int         committed)
{
  g_autofree char *check = query_text (path, "PRAGMA integrity_check");
  g_autoptr(ShenbaoStore) store = open_store (path);
  g_autoptr(GListModel) list = shenbao_store_list (store, NULL);
  g_autoptr(ShenbaoApplicationSummary) first = NULL;
  g_autoptr(ShenbaoApplicationSummary) second = NULL;
  g_autoptr(ShenbaoApplication) a = NULL;
  g_autoptr(ShenbaoApplication) b = NULL;
  const ShenbaoAttachment *attachment;
  int phone, step;

  g_assert_cmpstr (check, ==, "ok");
  if (g_list_model_get_n_items (list) < 2)
    {
      g_assert_cmpint (committed, <=, 0);
      return 0;
    }
  first = g_list_model_get_item (list, 0);
  second = g_list_model_get_item (list, 1);
  a = shenbao_store_load (store, shenbao_application_summary_get_id (first), NULL);
  b = shenbao_store_load (store, shenbao_application_summary_get_id (second), NULL);

  /* B's save is all or nothing. */
  step = step_of (b, SHENBAO_FIELD_PERSON_PHONE);
  g_assert_cmpint (step, >=, committed);
  g_assert_cmpint (step, <=, committed + 1);
  g_assert_cmpint (step_of (b, SHENBAO_FIELD_PERSON_EMAIL), ==, step);
  if (step > 0)
    {
      g_autoptr(GBytes) expected = step_bytes (step);

      attachment = shenbao_application_get_attachment (b, "个人照片");
      g_assert_cmpint (atoi (attachment->filename), ==, step);
      g_assert_true (g_bytes_equal (attachment->data, expected));
    }

  phone = step_of (a, SHENBAO_FIELD_PERSON_PHONE);
  g_assert_cmpint (phone, >=, step);
  g_assert_cmpint (phone, <=, step + 1);
  attachment = shenbao_application_get_attachment (a, "个人照片");
  if (attachment != NULL)
    {
      g_autoptr(GBytes) expected = step_bytes (atoi (attachment->filename));

      g_assert_cmpint (atoi (attachment->filename), >=, phone);
      g_assert_cmpint (atoi (attachment->filename), <=, phone + 1);
      g_assert_true (g_bytes_equal (attachment->data, expected));
    }
  return step;
}

static void
test_kill_writer (void)
{
  g_autofree char *path = test_path ("shenbao.db");
  int committed = 0;

  for (int round = 0; round < KILL_ROUNDS; round++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      int pipe_fds[2];
      int status, reported;
      pid_t pid;
      char c;

      g_assert_cmpint (pipe (pipe_fds), ==, 0);
      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          close (pipe_fds[0]);
          writer (path, pipe_fds[1]);
        }
      close (pipe_fds[1]);
      /* The first step reported, then a while: the kill falls while the
       * writer writes, however slow a loaded machine makes its start. */
      while (strchr (text->str, '\n') == NULL && read (pipe_fds[0], &c, 1) == 1)
        g_string_append_c (text, c);
      g_usleep (g_test_rand_int_range (0, 30000));
      kill (pid, SIGKILL);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_assert_true (WIFSIGNALED (status));
      reported = last_reported (pipe_fds[0], text);
      committed = MAX (committed, reported);
      close (pipe_fds[0]);
      committed = check_after_kill (path, committed);
      g_test_message ("round %d: step %d", round, committed);
    }
  /* The writer got going: the kills fell while it wrote, not only while it
   * started. */
  g_assert_cmpint (committed, >=, 10);
}

static void
count_changes (GListModel *model,
               guint       position,
               guint       removed,
               guint       added,
               guint      *changes)
{
  (*changes)++;
}

/* Another process's writes (here another connection) reach the list on
 * refresh: an application added, renamed, deleted; nothing when unchanged. */
static void
test_refresh_follows_other_writers (void)
{
  g_autofree char *path = test_path ("refresh.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(ShenbaoStore) ours = shenbao_store_new (path, &error);
  g_autoptr(ShenbaoStore) theirs = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(ShenbaoApplication) application = shenbao_application_new ();
  g_autoptr(ShenbaoApplicationSummary) summary = NULL;
  guint changes = 0;

  g_assert_no_error (error);
  theirs = shenbao_store_new (path, &error);
  g_assert_no_error (error);
  list = shenbao_store_list (ours, &error);
  g_assert_no_error (error);
  g_signal_connect (list, "items-changed", G_CALLBACK (count_changes), &changes);

  g_assert_true (shenbao_store_refresh (ours, &error));
  g_assert_cmpuint (changes, ==, 0);

  shenbao_application_set (application, SHENBAO_FIELD_PERSON_NAME, "王五");
  g_assert_true (shenbao_store_save (theirs, application, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
  g_assert_true (shenbao_store_refresh (ours, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  summary = g_list_model_get_item (list, 0);
  g_assert_cmpstr (shenbao_application_summary_get_name (summary), ==, "王五");

  shenbao_application_set (application, SHENBAO_FIELD_PERSON_NAME, "王六");
  g_assert_true (shenbao_store_save (theirs, application, &error));
  g_assert_true (shenbao_store_refresh (ours, &error));
  g_assert_cmpstr (shenbao_application_summary_get_name (summary), ==, "王六");

  g_assert_true (shenbao_store_delete (theirs, shenbao_application_get_id (application), &error));
  g_assert_true (shenbao_store_refresh (ours, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
  g_signal_handlers_disconnect_by_func (list, count_changes, &changes);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/store/default-location-and-modes", test_default_location_and_modes);
  g_test_add_func ("/store/save-load", test_save_load);
  g_test_add_func ("/store/delete-duplicate", test_delete_duplicate);
  g_test_add_func ("/store/autosave", test_autosave);
  g_test_add_func ("/store/autosave-locked", test_autosave_locked);
  g_test_add_func ("/store/watch-lifetime", test_watch_lifetime);
  g_test_add_func ("/store/summaries", test_summaries);
  g_test_add_func ("/store/tracker", test_tracker);
  g_test_add_func ("/store/open-concurrently", test_open_concurrently);
  g_test_add_func ("/store/migration-from-1", test_migration_from_1);
  g_test_add_func ("/store/refuses/foreign-sqlite", test_foreign_sqlite);
  g_test_add_func ("/store/refuses/text-file", test_foreign_text);
  g_test_add_func ("/store/refuses/newer-version", test_newer_version);
  g_test_add_func ("/store/refuses/truncated", test_truncated);
  g_test_add_func ("/store/refuses/read-only", test_read_only);
  g_test_add_func ("/store/disk-full", test_disk_full);
  g_test_add_func ("/store/kill-writer", test_kill_writer);
  g_test_add_func ("/store/refresh", test_refresh_follows_other_writers);

  return g_test_run ();
}
