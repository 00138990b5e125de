/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Replays the seed corpus and the regression corpus of one fuzz target
 * (FUZZ_TARGET, tests/fuzz/corpus/ and tests/fuzz/regressions/) through the
 * target's own LLVMFuzzerTestOneInput, so that every input that once crashed
 * the fuzzer runs in the normal test suite, built by any compiler. */
#include <glib.h>

#include "fuzz-target.h"

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static void
test_replay_file (gconstpointer data)
{
  const char *path = data;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpint (LLVMFuzzerTestOneInput ((const guint8 *) contents, length), ==, 0);
}

/* Adds one test per file of corpus/<target>/ or regressions/<target>/;
 * returns how many. */
static guint
add_tests (const char *corpus)
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "fuzz", corpus, FUZZ_TARGET, NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  if (dir == NULL)
    return 0;
  for (const char *name; (name = g_dir_read_name (dir)) != NULL;)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autofree char *test_path = g_strdup_printf ("/fuzz/%s/%s/%s", FUZZ_TARGET, corpus, name);

      g_test_add_data_func_full (test_path, g_build_filename (dir_path, name, NULL),
                                 test_replay_file, g_free);
    }
  return names->len;
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  LLVMFuzzerInitialize (&argc, &argv);
  /* A target without seeds would replay nothing and pass: refuse that. */
  g_assert_cmpuint (add_tests ("corpus"), >, 0);
  add_tests ("regressions");
  return g_test_run ();
}
