/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shenbao-file"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "shenbao-error.h"
#include "shenbao-file.h"

/* Opening never waits: O_NONBLOCK makes a FIFO without a writer open at once
 * (and the type check below refuses it); O_NOCTTY keeps a terminal from
 * becoming the controlling one. */
#define READ_FLAGS (O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)

/* The first step of growth when stat said less than the file holds. */
#define READ_CHUNK (64 * 1024)

static gboolean
open_failed (const char  *display,
             int          saved_errno,
             GError     **error)
{
  if (saved_errno == ELOOP || saved_errno == ENOTDIR)
    g_set_error (error, SHENBAO_ERROR, SHENBAO_ERROR_IO,
                 _("“%s” is or passes through a symbolic link; only a file inside the "
                   "application’s folder is read"), display);
  else
    g_set_error (error, SHENBAO_ERROR,
                 saved_errno == ENOENT ? SHENBAO_ERROR_NOT_FOUND : SHENBAO_ERROR_IO,
                 _("Cannot read “%s”: %s"), display, g_strerror (saved_errno));
  return FALSE;
}

static gboolean
too_large (const char  *display,
           gsize        max_bytes,
           GError     **error)
{
  g_autofree char *limit = g_format_size (max_bytes);

  g_set_error (error, SHENBAO_ERROR, SHENBAO_ERROR_TOO_LARGE,
               _("“%s” is larger than %s, far larger than any photo, scan or form "
                 "needs to be, and was not read"), display, limit);
  return FALSE;
}

static GBytes *
read_open_file (int          fd,
                const char  *display,
                gsize        max_bytes,
                GError     **error)
{
  g_autofree guint8 *contents = NULL;
  struct stat status;
  gsize capacity, length = 0;

  if (fstat (fd, &status) != 0)
    {
      open_failed (display, errno, error);
      return NULL;
    }
  /* The opened file, not the name: it cannot be swapped in between. */
  if (!S_ISREG (status.st_mode))
    {
      g_set_error (error, SHENBAO_ERROR, SHENBAO_ERROR_IO,
                   _("“%s” is not a regular file (a folder, a device or a FIFO) and was not read"),
                   display);
      return NULL;
    }
  if (fcntl (fd, F_SETFL, 0) != 0)
    {
      open_failed (display, errno, error);
      return NULL;
    }
  /* st_size is a hint for the first allocation only; one byte more than
   * the cap tells a file beyond it, whatever stat said. */
  capacity = MIN ((gsize) MAX (status.st_size, 0), max_bytes) + 1;
  contents = g_malloc (capacity);
  for (;;)
    {
      gssize n;

      if (length == capacity)
        {
          if (capacity > max_bytes)
            {
              too_large (display, max_bytes, error);
              return NULL;
            }
          capacity = MIN (MAX (capacity * 2, READ_CHUNK), max_bytes + 1);
          contents = g_realloc (contents, capacity);
        }
      n = read (fd, contents + length, capacity - length);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          open_failed (display, errno, error);
          return NULL;
        }
      if (n == 0)
        break;
      length += (gsize) n;
    }
  if (length > max_bytes)
    {
      too_large (display, max_bytes, error);
      return NULL;
    }
  return g_bytes_new_take (g_realloc (g_steal_pointer (&contents), MAX (length, 1)), length);
}

GBytes *
shenbao_file_read (const char  *path,
                   gsize        max_bytes,
                   GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);
  GBytes *bytes;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (max_bytes < G_MAXSIZE, NULL);

  fd = g_open (path, READ_FLAGS, 0);
  if (fd < 0)
    {
      open_failed (display, errno, error);
      return NULL;
    }
  bytes = read_open_file (fd, display, max_bytes, error);
  close (fd);
  return bytes;
}

/* At least one component, none empty, "." or "..". */
static gboolean
is_relative_path (GStrv parts)
{
  if (parts[0] == NULL)
    return FALSE;
  for (char **part = parts; *part != NULL; part++)
    if (**part == '\0' || g_str_equal (*part, ".") || g_str_equal (*part, ".."))
      return FALSE;
  return TRUE;
}

GBytes *
shenbao_file_read_inside (const char  *base_dir,
                          const char  *relative,
                          gsize        max_bytes,
                          GError     **error)
{
  g_autofree char *display = g_filename_display_name (relative);
  g_auto(GStrv) parts = g_strsplit (relative, "/", -1);
  GBytes *bytes;
  int dir, fd;

  g_return_val_if_fail (base_dir != NULL && relative != NULL, NULL);
  g_return_val_if_fail (max_bytes < G_MAXSIZE, NULL);

  if (!is_relative_path (parts))
    {
      g_set_error (error, SHENBAO_ERROR, SHENBAO_ERROR_IO,
                   _("“%s” is not a path inside the application’s folder"), display);
      return NULL;
    }
  /* The base folder is the one the user chose: a link to it is followed. */
  dir = g_open (base_dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
  if (dir < 0)
    {
      open_failed (display, errno, error);
      return NULL;
    }
  for (char **part = parts; part[1] != NULL; part++)
    {
      int next = openat (dir, *part, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
      int saved_errno = errno;

      close (dir);
      if (next < 0)
        {
          open_failed (display, saved_errno, error);
          return NULL;
        }
      dir = next;
    }
  fd = openat (dir, parts[g_strv_length (parts) - 1], READ_FLAGS | O_NOFOLLOW);
  if (fd < 0)
    {
      int saved_errno = errno;

      close (dir);
      open_failed (display, saved_errno, error);
      return NULL;
    }
  close (dir);
  bytes = read_open_file (fd, display, max_bytes, error);
  close (fd);
  return bytes;
}

static gboolean
write_all (int           fd,
           const guint8 *data,
           gsize         size)
{
  while (size > 0)
    {
      gssize n = write (fd, data, size);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return FALSE;
      data += n;
      size -= (gsize) n;
    }
  return TRUE;
}

gboolean
shenbao_file_replace (const char  *path,
                      GBytes      *data,
                      GError     **error)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *hidden = g_strconcat (".", base, ".XXXXXX", NULL);
  g_autofree char *temporary = g_build_filename (folder, hidden, NULL);
  g_autofree char *display = g_filename_display_name (path);
  gsize size;
  const guint8 *contents = g_bytes_get_data (data, &size);
  int fd, saved_errno;
  gboolean ok;

  /* g_mkstemp_full opens with O_EXCL: the temporary file is always new,
   * never a link someone left there. */
  fd = g_mkstemp_full (temporary, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      saved_errno = errno;
      g_set_error (error, SHENBAO_ERROR, SHENBAO_ERROR_IO, _("Could not write “%s”: %s"),
                   display, g_strerror (saved_errno));
      return FALSE;
    }
  ok = write_all (fd, contents, size) && fsync (fd) == 0;
  saved_errno = errno;
  /* close() is where some file systems (NFS) report a full disk. */
  if (close (fd) != 0 && ok)
    {
      ok = FALSE;
      saved_errno = errno;
    }
  if (ok && rename (temporary, path) != 0)
    {
      ok = FALSE;
      saved_errno = errno;
    }
  if (!ok)
    {
      g_unlink (temporary);
      g_set_error (error, SHENBAO_ERROR, SHENBAO_ERROR_IO, _("Could not write “%s”: %s"),
                   display, g_strerror (saved_errno));
    }
  return ok;
}

gboolean
shenbao_file_make_folder (const char  *path,
                          GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);
  GStatBuf status;
  int saved_errno;

  if (g_mkdir_with_parents (path, 0700) != 0)
    {
      saved_errno = errno;
      g_set_error (error, SHENBAO_ERROR, SHENBAO_ERROR_IO, _("Could not write “%s”: %s"),
                   display, g_strerror (saved_errno));
      return FALSE;
    }
  if (g_lstat (path, &status) != 0 || !S_ISDIR (status.st_mode))
    {
      g_set_error (error, SHENBAO_ERROR, SHENBAO_ERROR_EXISTS,
                   _("“%s” exists and is not a folder (a file or a link): it was left as it is"),
                   display);
      return FALSE;
    }
  return TRUE;
}

gboolean
shenbao_file_exists (const char *path)
{
  GStatBuf status;

  return g_lstat (path, &status) == 0;
}
