/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Runs shenbao-cli on every file of tests/hostile/ (truncated, renamed,
 * malformed, oversized-claim and oddly named inputs) with the command that
 * reads that kind of file, and asserts what a user would notice: a clean exit
 * with a message, quickly, within a bounded amount of memory. */
#include <glib.h>
#include <glib/gstdio.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "image-fixtures.h"
#include "test-slowdown.h"

/* A user waits this long at most (scaled by test_slowdown). */
#define TIME_LIMIT_SECONDS 2.0
#define ADDRESS_SPACE_LIMIT ((rlim_t) 500 * 1024 * 1024)

static gboolean
under_asan (void)
{
  /* build-aux/sanitize.sh sets it: ASan reserves terabytes of shadow address
   * space, so an address-space limit would make every run fail. */
  return g_getenv ("SHENBAO_UNDER_ASAN") != NULL;
}

static void
limit_address_space (gpointer user_data)
{
  struct rlimit limit = { ADDRESS_SPACE_LIMIT, ADDRESS_SPACE_LIMIT };

  (void) user_data;
  setrlimit (RLIMIT_AS, &limit);
}

typedef struct
{
  int   status;
  char *out;
  char *err;
} HostileRun;

static void
hostile_run_clear (HostileRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (HostileRun, hostile_run_clear)

static gboolean
has_text (const char *output)
{
  for (const char *c = output; *c != '\0'; c++)
    if (!g_ascii_isspace (*c))
      return TRUE;
  return FALSE;
}

/* Peak resident size of any child so far, in KiB: the test's memory figure. */
static long peak_child_kib;

static void
run_cli (HostileRun         *run,
         const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  struct rusage before;
  struct rusage usage;
  double seconds;
  double limit = TIME_LIMIT_SECONDS * test_slowdown ();
  int wait_status = 0;

  g_assert_nonnull (g_getenv ("SHENBAO_CLI"));
  g_ptr_array_add (argv, (gpointer) g_getenv ("SHENBAO_CLI"));
  for (const char * const *arg = args; *arg != NULL; arg++)
    g_ptr_array_add (argv, (gpointer) *arg);
  g_ptr_array_add (argv, NULL);
  envp = g_environ_setenv (envp, "LANG", "C.UTF-8", TRUE);
  envp = g_environ_setenv (envp, "LC_ALL", "C.UTF-8", TRUE);

  getrusage (RUSAGE_CHILDREN, &before);
  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT,
                under_asan () ? NULL : limit_address_space, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);

  if (!WIFEXITED (wait_status))
    g_error ("%s %s: killed by signal %d; stderr: %s", args[0], args[1],
             WTERMSIG (wait_status), run->err);
  run->status = WEXITSTATUS (wait_status);
  g_assert_cmpint (run->status, <=, 2);
  if (run->status != 0)
    g_assert_true (has_text (run->err) || has_text (run->out));

  /* Processor time rather than wall time: on a shared machine the wall
   * clock also counts the neighbours' work. Nothing here waits on anything
   * but the processor and the local disk. */
  getrusage (RUSAGE_CHILDREN, &usage);
  seconds = (double) (usage.ru_utime.tv_sec - before.ru_utime.tv_sec)
            + (double) (usage.ru_stime.tv_sec - before.ru_stime.tv_sec)
            + (double) (usage.ru_utime.tv_usec - before.ru_utime.tv_usec) / G_USEC_PER_SEC
            + (double) (usage.ru_stime.tv_usec - before.ru_stime.tv_usec) / G_USEC_PER_SEC;
  if (seconds >= limit)
    g_error ("%s %s: %.2f s of processor time, over the %.1f s a user waits", args[0], args[1],
             seconds, limit);
  peak_child_kib = MAX (peak_child_kib, usage.ru_maxrss);
}

static char *
hostile_file (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "hostile", name, NULL);
}

/* The file's name says which command reads it: app-*.xml are application
 * files (validated, rendered, and batched from a folder that holds them),
 * photo-* are offered as the 1-inch photo, csv-* are batch input, document-*
 * are offered for another slot. */
static void
test_hostile_file (gconstpointer data)
{
  const char *name = data;
  g_autofree char *path = hostile_file (name);
  g_autofree char *dir = fixture_temp_dir ();
  g_autofree char *fixed = g_build_filename (dir, "fixed.jpg", NULL);
  g_autofree char *batch_input = g_build_filename (dir, "input", NULL);
  g_autofree char *batch_output = g_build_filename (dir, "batch", NULL);
  g_auto(HostileRun) first = { 0 };
  g_auto(HostileRun) second = { 0 };
  g_auto(HostileRun) third = { 0 };

  if (g_str_has_prefix (name, "app-"))
    {
      g_autofree char *link = g_build_filename (batch_input, name, NULL);

      run_cli (&first, (const char * const[]) { "validate", path, NULL });
      run_cli (&second, (const char * const[]) { "render", path, "--out", dir, NULL });
      g_assert_cmpint (g_mkdir (batch_input, 0700), ==, 0);
      g_assert_cmpint (symlink (path, link), ==, 0);
      run_cli (&third, (const char * const[]) { "batch", batch_input, "--out", batch_output, NULL });
    }
  else if (g_str_has_prefix (name, "photo-"))
    {
      run_cli (&first, (const char * const[]) { "check-photo", path, NULL });
      run_cli (&second, (const char * const[]) { "fix-photo", path, fixed, NULL });
    }
  else if (g_str_has_prefix (name, "csv-"))
    {
      run_cli (&first, (const char * const[]) { "batch", path, "--out", batch_output, NULL });
    }
  else
    {
      run_cli (&first, (const char * const[]) { "check-document", "id-front", path, NULL });
    }

  /* What render, fix-photo or batch wrote is not under test here. */
  fixture_remove_dir (dir);
}

/* Huge pixel counts in small files below the limit the probe enforces (the
 * files beyond it are stored): a plain picture of 48 megapixels, what a
 * high-end phone stores, compresses to a few hundred KB, and every command
 * must still answer within the time and memory of a hostile case. Written
 * here, as they are large. */
static void
test_huge_pixel_count (void)
{
  g_autofree char *dir = fixture_temp_dir ();
  g_autoptr(GdkPixbuf) plain = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 6000, 8000);
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GBytes) jpeg = NULL;
  g_autofree char *png_path = NULL;
  g_autofree char *jpeg_path = NULL;
  g_autofree char *fixed = g_build_filename (dir, "fixed.jpg", NULL);

  gdk_pixbuf_fill (plain, FIXTURE_WHITE << 8 | 0xFF);
  png = fixture_png (plain);
  jpeg = fixture_jpeg (plain, 10, FIXTURE_JPEG_BASELINE);
  g_clear_object (&plain);
  g_assert_cmpuint (g_bytes_get_size (png), <, 1024 * 1024);
  g_assert_cmpuint (g_bytes_get_size (jpeg), <, 2 * 1024 * 1024);
  png_path = fixture_write (dir, "huge.png", png);
  jpeg_path = fixture_write (dir, "huge.jpg", jpeg);

  for (const char * const *path = (const char * const[]) { png_path, jpeg_path, NULL }; *path != NULL; path++)
    {
      g_auto(HostileRun) photo = { 0 };
      g_auto(HostileRun) fix = { 0 };
      g_auto(HostileRun) document = { 0 };

      run_cli (&photo, (const char * const[]) { "check-photo", *path, NULL });
      run_cli (&fix, (const char * const[]) { "fix-photo", *path, fixed, NULL });
      run_cli (&document, (const char * const[]) { "check-document", "diploma", *path, NULL });
      g_assert_cmpint (photo.status, ==, 1);
    }
  fixture_remove_dir (dir);
}

/* A 100 MB text node, written here rather than stored: libxml2 refuses a text
 * node over 10 MB unless asked for huge documents, and the CLI must say so. */
static void
test_huge_text_node (void)
{
  g_autofree char *dir = fixture_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "huge.xml", NULL);
  g_autofree char *chunk = g_strnfill (1024 * 1024, 'x');
  g_auto(HostileRun) run = { 0 };
  FILE *file;

  file = g_fopen (path, "wb");
  g_assert_nonnull (file);
  fputs ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<application xmlns=\"urn:shenbao:application:1\" version=\"1\">"
         "<occupation>", file);
  for (int i = 0; i < 100; i++)
    fwrite (chunk, 1, 1024 * 1024, file);
  fputs ("</occupation></application>\n", file);
  g_assert_cmpint (fclose (file), ==, 0);

  run_cli (&run, (const char * const[]) { "validate", path, NULL });
  g_assert_cmpint (run.status, !=, 0);

  fixture_remove_dir (dir);
}

static void
report_peak_memory (void)
{
  g_test_message ("peak resident size of a hostile case: %ld KiB", peak_child_kib);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  /* g_ptr_array_sort hands over pointers to the elements. */
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

int
main (int argc, char **argv)
{
  g_autofree char *dir_path = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  int status;

  g_test_init (&argc, &argv, NULL);
  dir_path = hostile_file ("");
  dir = g_dir_open (dir_path, 0, NULL);
  g_assert_nonnull (dir);
  for (const char *name; (name = g_dir_read_name (dir)) != NULL;)
    if (!g_str_equal (name, "README"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  /* The issue asks for at least 50 hostile files. */
  g_assert_cmpuint (names->len, >=, 50);

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autofree char *test_path = g_strconcat ("/hostile/", name, NULL);

      g_test_add_data_func (test_path, name, test_hostile_file);
    }
  g_test_add_func ("/hostile/huge-text-node", test_huge_text_node);
  g_test_add_func ("/hostile/huge-pixel-count", test_huge_pixel_count);

  status = g_test_run ();
  report_peak_memory ();
  return status;
}
