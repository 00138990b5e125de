/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The store with a training school's load: fills a new database with N
 * applications (every field, two work entries, four attachments), then times
 * what the window and the CLI do with it. See bench/README.md.
 *
 *   bench-store [N [KB-OF-ATTACHMENTS-PER-APPLICATION [DATABASE]]]
 */
#include <glib/gstdio.h>
#include <stdlib.h>

#include "shenbao.h"

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
report (const char *what,
        GArray     *milliseconds)
{
  g_array_sort (milliseconds, compare_doubles);
  g_print ("%-40s median %8.2f ms   p95 %8.2f ms   max %8.2f ms   (n=%u)\n", what,
           g_array_index (milliseconds, double, milliseconds->len / 2),
           g_array_index (milliseconds, double, milliseconds->len * 95 / 100),
           g_array_index (milliseconds, double, milliseconds->len - 1), milliseconds->len);
}

static double
elapsed_ms (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static GBytes *
random_bytes (gsize size)
{
  guint8 *data = g_malloc (size);

  for (gsize i = 0; i < size; i++)
    data[i] = g_random_int () & 0xff;
  return g_bytes_new_take (data, size);
}

static ShenbaoApplication *
make_application (int     index,
                  GBytes *photo,
                  GBytes *document)
{
  ShenbaoApplication *application = shenbao_application_new ();
  static const char *slots[] = { "身份证人像面", "身份证国徽面", "申报表" };

  for (ShenbaoField field = 0; field < SHENBAO_N_FIELDS; field++)
    {
      g_autofree char *value = g_strdup_printf ("%s %d", shenbao_field_name (field), index);

      shenbao_application_set (application, field, value);
    }
  for (int i = 0; i < 2; i++)
    {
      g_autoptr(ShenbaoWorkEntry) entry = shenbao_work_entry_new ();

      shenbao_work_entry_set (entry, SHENBAO_WORK_FIELD_EMPLOYER, "北京某某网络科技有限公司");
      shenbao_work_entry_set (entry, SHENBAO_WORK_FIELD_FROM, "2018-03");
      shenbao_work_entry_set (entry, SHENBAO_WORK_FIELD_TO, "至今");
      shenbao_work_entry_set (entry, SHENBAO_WORK_FIELD_OCCUPATION, "营销员");
      shenbao_application_append_work_entry (application, entry);
    }
  shenbao_application_set_attachment (application, "个人照片", "photo.jpg", photo);
  for (gsize i = 0; i < G_N_ELEMENTS (slots); i++)
    shenbao_application_set_attachment (application, slots[i], "scan.jpg", document);
  return application;
}

int
main (int    argc,
      char **argv)
{
  int n = argc > 1 ? atoi (argv[1]) : 1000;
  gsize attachment_kb = argc > 2 ? strtoul (argv[2], NULL, 10) : 1200;
  g_autofree char *folder = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GBytes) photo = random_bytes (60 * 1000);
  g_autoptr(GBytes) document = NULL;
  g_autoptr(GArray) saves = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) opens = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) lists = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) loads = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) edits = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  GStatBuf st;
  gint64 start;

  if (n < 1 || attachment_kb < 60)
    {
      g_printerr ("usage: bench-store [N [KB-OF-ATTACHMENTS-PER-APPLICATION [DATABASE]]]\n");
      return 2;
    }
  document = random_bytes ((attachment_kb - 60) * 1000 / 3);
  if (argc > 3)
    path = g_strdup (argv[3]);
  else
    {
      folder = g_dir_make_tmp ("shenbao-bench-XXXXXX", &error);
      g_assert_no_error (error);
      path = g_build_filename (folder, "shenbao.db", NULL);
    }

  {
    g_autoptr(ShenbaoStore) store = shenbao_store_new (path, &error);

    g_assert_no_error (error);
    for (int i = 0; i < n; i++)
      {
        g_autoptr(ShenbaoApplication) application = make_application (i, photo, document);
        double ms;

        start = g_get_monotonic_time ();
        if (!shenbao_store_save (store, application, &error))
          g_error ("%s", error->message);
        ms = elapsed_ms (start);
        g_array_append_val (saves, ms);
      }
  }
  g_stat (path, &st);
  g_print ("%s: %d applications, %zu KB of attachments each, %.0f MB\n", path, n,
           attachment_kb, st.st_size / 1e6);

  /* What the window does on start and on opening an application; a fresh
   * store each time, as a new process would have. */
  for (int round = 0; round < 20; round++)
    {
      g_autoptr(ShenbaoStore) store = NULL;
      g_autoptr(GListModel) list = NULL;
      g_autoptr(ShenbaoApplication) application = NULL;
      double ms;

      start = g_get_monotonic_time ();
      store = shenbao_store_new (path, &error);
      g_assert_no_error (error);
      ms = elapsed_ms (start);
      g_array_append_val (opens, ms);

      start = g_get_monotonic_time ();
      list = shenbao_store_list (store, &error);
      g_assert_no_error (error);
      ms = elapsed_ms (start);
      g_array_append_val (lists, ms);
      g_assert_cmpuint (g_list_model_get_n_items (list), ==, n);

      start = g_get_monotonic_time ();
      application = shenbao_store_load (store, g_random_int_range (1, n + 1), &error);
      g_assert_no_error (error);
      ms = elapsed_ms (start);
      g_array_append_val (loads, ms);
    }

  /* Typing: each change one transaction, synced (synchronous=FULL). */
  {
    g_autoptr(ShenbaoStore) store = shenbao_store_new (path, &error);
    g_autoptr(GListModel) list = shenbao_store_list (store, &error);
    g_autoptr(ShenbaoApplication) application = shenbao_store_load (store, n / 2 + 1, &error);

    g_assert_no_error (error);
    shenbao_store_watch (store, application, &error);
    g_assert_no_error (error);
    for (int i = 0; i < 200; i++)
      {
        g_autofree char *value = g_strdup_printf ("北京某某网络科技有限公司%d", i);
        double ms;

        start = g_get_monotonic_time ();
        shenbao_application_set (application, SHENBAO_FIELD_EDUCATION_SCHOOL, value);
        ms = elapsed_ms (start);
        g_array_append_val (edits, ms);
      }
  }

  report ("save a new application", saves);
  report ("open the store", opens);
  report ("list all applications (summaries)", lists);
  report ("load one application", loads);
  report ("autosave one typed field", edits);

  if (folder != NULL)
    {
      g_autofree char *log = g_strconcat (path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (path, "-shm", NULL);

      g_unlink (log);
      g_unlink (shm);
      g_unlink (path);
      g_rmdir (folder);
    }
  return 0;
}
