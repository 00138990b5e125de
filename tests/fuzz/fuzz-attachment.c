/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The attachment reader (shenbao_file_read_inside) on any path inside a
 * folder that holds what a hostile folder can: a file, a file in a
 * subfolder, links to a secret outside (to the file and to its folder), a
 * dangling link, a FIFO and a folder. Whatever the path, what is read is one
 * of the two files inside, within the cap, or an error, never the secret,
 * and nothing waits on the FIFO. The first byte of the input picks the cap. */
#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "shenbao-error.h"
#include "shenbao-file.h"

#include "fuzz-target.h"

static const char inside_text[] = "the photo inside the folder";
static const char nested_text[] = "the scan in a subfolder";
static const char secret_text[] = "a secret outside the folder";

static char *folder;

static void
make_folder (void)
{
  g_autofree char *top = g_dir_make_tmp ("shenbao-fuzz-attachment-XXXXXX", NULL);
  g_autofree char *outside = g_build_filename (top, "outside", NULL);
  g_autofree char *secret = g_build_filename (outside, "secret", NULL);
  g_autofree char *sub = NULL;

  g_assert_nonnull (top);
  folder = g_build_filename (top, "application", NULL);
  sub = g_build_filename (folder, "sub", NULL);
  g_assert_cmpint (g_mkdir_with_parents (sub, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (outside, 0700), ==, 0);
  g_assert_true (g_file_set_contents (secret, secret_text, -1, NULL));
  {
    g_autofree char *path = g_build_filename (folder, "photo.jpg", NULL);
    g_autofree char *nested = g_build_filename (sub, "scan.jpg", NULL);
    g_autofree char *link = g_build_filename (folder, "link.jpg", NULL);
    g_autofree char *folder_link = g_build_filename (folder, "out", NULL);
    g_autofree char *dangling = g_build_filename (folder, "dangling.jpg", NULL);
    g_autofree char *inner_link = g_build_filename (sub, "up.jpg", NULL);
    g_autofree char *fifo = g_build_filename (folder, "fifo.jpg", NULL);

    g_assert_true (g_file_set_contents (path, inside_text, -1, NULL));
    g_assert_true (g_file_set_contents (nested, nested_text, -1, NULL));
    g_assert_cmpint (symlink (secret, link), ==, 0);
    g_assert_cmpint (symlink (outside, folder_link), ==, 0);
    g_assert_cmpint (symlink ("../nowhere/none.jpg", dangling), ==, 0);
    g_assert_cmpint (symlink ("../photo.jpg", inner_link), ==, 0);
    g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *relative = NULL;
  gsize cap;

  if (folder == NULL)
    make_folder ();
  if (size == 0)
    return 0;
  cap = data[0] % 64;
  relative = g_strndup ((const char *) data + 1, size - 1);
  bytes = shenbao_file_read_inside (folder, relative, cap, &error);
  if (bytes == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == SHENBAO_ERROR);
      return 0;
    }
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (bytes), <=, cap);
  {
    gsize length;
    const char *read = g_bytes_get_data (bytes, &length);

    g_assert_true ((length == strlen (inside_text) && memcmp (read, inside_text, length) == 0)
                   || (length == strlen (nested_text) && memcmp (read, nested_text, length) == 0));
  }
  return 0;
}
