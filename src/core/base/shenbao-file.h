/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Files are read only where the application says and written so
 * that a failure leaves the old copy whole. Every file Shenbao reads from a
 * user's folder or writes into one goes through these. */

/* Reads the regular file at path (a symbolic link to one is followed: the
 * user named it), refusing a FIFO, a device or a folder without waiting on
 * it, and a file of more than max_bytes before holding more than that in
 * memory. The size is what is read, not what stat says: a file that grows,
 * shrinks or never ends (/dev/zero) is bounded all the same, and nothing is
 * mapped, so a file cut short meanwhile cannot crash the program. */
GBytes   *shenbao_file_read        (const char  *path,
                                    gsize        max_bytes,
                                    GError     **error);

/* The same for relative, a path of '/'-separated components inside
 * base_dir, none of them empty, "." or "..": each folder on the way and
 * the file itself are opened without following a symbolic link, so a link
 * (to inside or outside the folder) is refused, as is a folder that is
 * one. */
GBytes   *shenbao_file_read_inside (const char  *base_dir,
                                    const char  *relative,
                                    gsize        max_bytes,
                                    GError     **error);

/* Writes data to path through a private (0600) temporary file in the same
 * folder, synced and renamed over path: a full disk or a crash leaves what
 * was at path whole, and a symbolic link at path is replaced, never
 * followed. */
gboolean  shenbao_file_replace     (const char  *path,
                                    GBytes      *data,
                                    GError     **error);

/* Makes the folder path (and its parents) private to the user, or takes
 * the folder that is there; refuses a link or a file in its place, which
 * would send what is written into it elsewhere (a folder named from the
 * data, inside a folder someone else prepared). */
gboolean  shenbao_file_make_folder (const char  *path,
                                    GError     **error);

/* Whether anything is at path, a dangling symbolic link included. */
gboolean  shenbao_file_exists      (const char  *path);

G_END_DECLS
