/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shenbao-application.h"
#include "shenbao-catalogue.h"

G_BEGIN_DECLS

typedef enum
{
  SHENBAO_EXPORT_DEFAULT = 0,
  SHENBAO_EXPORT_ZIP = 1 << 0,    /* one zip archive instead of a folder */
  SHENBAO_EXPORT_FORCE = 1 << 1,  /* replace an existing folder or archive */
} ShenbaoExportFlags;

/* "张三-互联网营销师": the package's name, safe as one path component on
 * Linux, Windows and macOS (no separators, no "..", no control characters,
 * at most 64 characters). */
char     *shenbao_export_get_name (ShenbaoApplication *application);

/* Writes the upload package (guide §三.6) into out_dir: a folder (or with
 * SHENBAO_EXPORT_ZIP a zip archive) named after shenbao_export_get_name()
 * holding one clean JPEG per filled upload slot named after the slot, the
 * print package as print-package.pdf, and a manifest (清单.txt and
 * manifest.csv). What is missing or fails a check is written down in the
 * manifest and added to problems (ShenbaoFinding, may be NULL); the package
 * still holds what could be written. max_bytes limits every image but the
 * photo, whose 40–80 KB window the guide fixes. path (may be NULL) receives what was
 * written. Fails when the package exists (without SHENBAO_EXPORT_FORCE) or
 * cannot be written. */
gboolean  shenbao_export_write    (ShenbaoApplication *application,
                                   ShenbaoCatalogue   *catalogue,
                                   const char         *out_dir,
                                   ShenbaoExportFlags  flags,
                                   gsize               max_bytes,
                                   char              **path,
                                   GPtrArray          *problems,
                                   GError            **error);

G_END_DECLS
