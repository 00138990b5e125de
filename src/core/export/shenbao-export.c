/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shenbao-export"

#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "shenbao-csv.h"
#include "shenbao-document-check.h"
#include "shenbao-documents.h"
#include "shenbao-error.h"
#include "shenbao-export.h"
#include "shenbao-file.h"
#include "shenbao-limits.h"
#include "shenbao-finding.h"
#include "shenbao-image.h"
#include "shenbao-photo.h"

/* Well under every file system's 255-byte component limit, even at three
 * bytes a character, with room for ".zip". */
#define NAME_MAX_CHARS 64

/* One file of the package, kept in memory until it is written, so that a
 * folder and an archive get the same bytes. */
typedef struct
{
  char   *name;
  GBytes *data;
} PackageFile;

static void
package_file_free (PackageFile *file)
{
  g_free (file->name);
  g_bytes_unref (file->data);
  g_free (file);
}

static void
add_file (GPtrArray  *files,
          const char *name,
          GBytes     *data)
{
  PackageFile *file = g_new0 (PackageFile, 1);

  file->name = g_strdup (name);
  file->data = g_bytes_ref (data);
  g_ptr_array_add (files, file);
}

/* Windows refuses these in a file name; a path separator or a control
 * character would let a name escape the output folder or garble a listing. */
static gboolean
is_unsafe_char (gunichar c)
{
  return g_unichar_iscntrl (c) || (c < 0x80 && strchr ("/\\:*?\"<>|", (int) c) != NULL);
}

/* Bidirectional controls reorder what follows them where the name is shown:
 * an override can make a folder look like another candidate's (or a .pdf look
 * like something else). They carry no letter, so they are dropped. */
static gboolean
is_bidi_control (gunichar c)
{
  return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E)
         || (c >= 0x2066 && c <= 0x2069);
}

char *
shenbao_export_get_name (ShenbaoApplication *application)
{
  const char *person = shenbao_application_get (application, SHENBAO_FIELD_PERSON_NAME);
  const char *occupation = shenbao_application_get (application, SHENBAO_FIELD_OCCUPATION);
  g_autofree char *raw = g_strdup_printf ("%s-%s", person != NULL ? person : "",
                                          occupation != NULL ? occupation : "");
  g_autofree char *valid = g_utf8_make_valid (raw, -1);
  g_autoptr(GString) name = g_string_new (NULL);
  g_autofree char *stripped = NULL;

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_bidi_control (c))
        continue;
      if (is_unsafe_char (c))
        g_string_append_c (name, '_');
      else
        g_string_append_unichar (name, c);
    }
  /* No component of "." or "..", no hidden file, nothing Windows trims. */
  g_string_replace (name, "..", "_", 0);
  while (name->len > 0 && (name->str[0] == '.' || name->str[0] == ' ' || name->str[0] == '-'))
    g_string_erase (name, 0, 1);
  stripped = g_utf8_substring (name->str, 0, MIN ((glong) NAME_MAX_CHARS, g_utf8_strlen (name->str, -1)));
  g_strchomp (stripped);
  while (g_str_has_suffix (stripped, ".") || g_str_has_suffix (stripped, "-"))
    stripped[strlen (stripped) - 1] = '\0';
  if (*stripped == '\0')
    return g_strdup ("application");
  return g_steal_pointer (&stripped);
}

/* One manifest row: the file written (or not) for a slot and what the checks
 * said about the original. */
typedef struct
{
  GString *text;
  GString *csv;
} Manifest;

static void
manifest_add (Manifest   *manifest,
              const char *file_name,
              const char *slot,
              GBytes     *data,
              GPtrArray  *checks)
{
  ShenbaoImageInfo info = { 0 };
  int width = 0, height = 0;
  g_autofree char *size = NULL;
  g_autofree char *width_text = NULL;
  g_autofree char *height_text = NULL;
  g_autofree char *problems = shenbao_findings_join (checks);
  const char *result;
  const char *result_code;

  if (data != NULL && shenbao_image_probe (data, &info, NULL))
    shenbao_image_info_get_upright_size (&info, &width, &height);
  /* A warning (a blurred picture) is written down but does not fail: the
   * reviewer, not the checker, decides. */
  if (data == NULL)
    result = _("not written"), result_code = "missing";
  else if (checks != NULL && shenbao_findings_worst (checks) == SHENBAO_SEVERITY_ERROR)
    result = _("fails a check"), result_code = "fails";
  else
    result = _("passes"), result_code = "passes";

  size = g_strdup_printf ("%" G_GSIZE_FORMAT, data != NULL ? g_bytes_get_size (data) : 0);
  width_text = g_strdup_printf ("%d", width);
  height_text = g_strdup_printf ("%d", height);

  g_string_append_printf (manifest->text, "%s\t%s\t", file_name != NULL ? file_name : "—", slot);
  if (data != NULL && width > 0)
    g_string_append_printf (manifest->text, _("%s bytes, %d × %d pixels"), size, width, height);
  else if (data != NULL)
    g_string_append_printf (manifest->text, _("%s bytes"), size);
  g_string_append_printf (manifest->text, "\t%s", result);
  if (*problems != '\0')
    g_string_append_printf (manifest->text, ": %s", problems);
  g_string_append_c (manifest->text, '\n');

  shenbao_csv_append_field (manifest->csv, file_name != NULL ? file_name : "", FALSE);
  shenbao_csv_append_field (manifest->csv, slot, FALSE);
  shenbao_csv_append_field (manifest->csv, data != NULL ? size : "", FALSE);
  shenbao_csv_append_field (manifest->csv, width > 0 ? width_text : "", FALSE);
  shenbao_csv_append_field (manifest->csv, height > 0 ? height_text : "", FALSE);
  shenbao_csv_append_field (manifest->csv, result_code, FALSE);
  shenbao_csv_append_field (manifest->csv, problems, TRUE);
}

static void
add_problem (GPtrArray  *problems,
             const char *slot,
             const char *code,
             const char *message)
{
  g_autofree char *field = g_strconcat ("attachments/", slot, NULL);

  if (problems != NULL)
    shenbao_findings_add (problems, SHENBAO_SEVERITY_ERROR, field, code, "%s", message);
}

static void
export_attachment (const ShenbaoAttachment *attachment,
                   ShenbaoCatalogue        *catalogue,
                   gsize                    max_bytes,
                   GPtrArray               *files,
                   Manifest                *manifest,
                   GPtrArray               *problems)
{
  const ShenbaoSlot *slot = shenbao_catalogue_find_slot (catalogue, attachment->slot);
  g_autoptr(GPtrArray) checks = NULL;
  g_autoptr(GBytes) output = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *file_name = NULL;
  g_autofree char *message = NULL;
  ShenbaoDocumentKind kind;

  if (slot == NULL || attachment->data == NULL)
    {
      if (slot != NULL && attachment->problem != NULL)
        message = g_strdup_printf ("%s: %s", attachment->slot, attachment->problem);
      else
        message = g_strdup_printf (slot == NULL ? _("%s: not an upload slot of the catalogue")
                                                : _("%s: the attached file could not be read"),
                                   attachment->slot);
      add_problem (problems, attachment->slot, "export.unreadable", message);
      manifest_add (manifest, NULL, attachment->slot, NULL, NULL);
      return;
    }

  checks = shenbao_slot_check (slot, attachment->data);
  if (shenbao_document_kind_for_slot (slot, &kind))
    output = shenbao_document_encode (attachment->data, kind, max_bytes, &error);
  else
    output = shenbao_photo_export (attachment->data, checks, &error);

  if (output == NULL)
    {
      message = g_strdup_printf ("%s: %s", slot->name, error->message);
      add_problem (problems, slot->name, "export.not-written", message);
      manifest_add (manifest, NULL, slot->name, NULL, checks);
      return;
    }
  if (shenbao_findings_worst (checks) == SHENBAO_SEVERITY_ERROR && slot->kind != SHENBAO_SLOT_KIND_PHOTO)
    {
      g_autofree char *text = shenbao_findings_join (checks);

      message = g_strdup_printf ("%s: %s", slot->name, text);
      add_problem (problems, slot->name, "export.check-failed", message);
    }
  /* The fixed photo is what is uploaded: its checks are the ones that count. */
  if (slot->kind == SHENBAO_SLOT_KIND_PHOTO && output != attachment->data)
    {
      g_clear_pointer (&checks, g_ptr_array_unref);
      checks = shenbao_photo_check (output);
    }
  file_name = g_strconcat (slot->name, ".jpg", NULL);
  add_file (files, file_name, output);
  manifest_add (manifest, file_name, slot->name, output, checks);
}

static void
list_missing (ShenbaoApplication *application,
              ShenbaoCatalogue   *catalogue,
              Manifest           *manifest,
              GPtrArray          *problems)
{
  int condition = shenbao_application_get_condition (application);
  GPtrArray *materials;

  if (condition == 0)
    {
      add_problem (problems, "", "export.no-condition",
                   _("No condition is chosen, so the required materials are unknown"));
      return;
    }
  materials = shenbao_catalogue_get_materials (catalogue, condition);
  for (guint i = 0; i < materials->len; i++)
    {
      const ShenbaoSlot *slot = g_ptr_array_index (materials, i);
      g_autofree char *message = NULL;

      if (shenbao_application_get_attachment (application, slot->name) != NULL)
        continue;
      message = g_strdup_printf (_("%s: not yet attached"), slot->name);
      add_problem (problems, slot->name, "export.missing", message);
      g_string_append_printf (manifest->text, _("Missing: %s\n"), slot->name);
      shenbao_csv_append_field (manifest->csv, "", FALSE);
      shenbao_csv_append_field (manifest->csv, slot->name, FALSE);
      for (int column = 0; column < 3; column++)
        shenbao_csv_append_field (manifest->csv, "", FALSE);
      shenbao_csv_append_field (manifest->csv, "missing", FALSE);
      shenbao_csv_append_field (manifest->csv, "", TRUE);
    }
}

static void
add_print_package (ShenbaoApplication *application,
                   ShenbaoCatalogue   *catalogue,
                   GPtrArray          *files,
                   Manifest           *manifest,
                   GPtrArray          *problems)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *file_name = shenbao_document_get_file_name (SHENBAO_DOCUMENT_PRINT_PACKAGE);
  g_autoptr(GBytes) pdf = shenbao_document_render (SHENBAO_DOCUMENT_PRINT_PACKAGE, application, catalogue,
                                                   NULL, &error);
  g_autofree char *size = NULL;

  if (pdf == NULL)
    {
      add_problem (problems, "", "export.print-package", error->message);
      g_string_append_printf (manifest->text, _("Not written: %s (%s)\n"), file_name, error->message);
      return;
    }
  add_file (files, file_name, pdf);
  size = g_strdup_printf ("%" G_GSIZE_FORMAT, g_bytes_get_size (pdf));
  g_string_append_printf (manifest->text, "%s\t\t", file_name);
  g_string_append_printf (manifest->text, _("%s bytes"), size);
  g_string_append_c (manifest->text, '\n');
  shenbao_csv_append_field (manifest->csv, file_name, FALSE);
  shenbao_csv_append_field (manifest->csv, "", FALSE);
  shenbao_csv_append_field (manifest->csv, size, FALSE);
  shenbao_csv_append_field (manifest->csv, "", FALSE);
  shenbao_csv_append_field (manifest->csv, "", FALSE);
  shenbao_csv_append_field (manifest->csv, "passes", FALSE);
  shenbao_csv_append_field (manifest->csv, "", TRUE);
}

static gboolean
io_failed (GError    **error,
           const char *path,
           int         saved_errno)
{
  g_set_error (error, SHENBAO_ERROR, SHENBAO_ERROR_IO, _("Could not write “%s”: %s"), path,
               g_strerror (saved_errno));
  return FALSE;
}

/* The files the manifest of a package written before names: with --force,
 * those the new package does not hold are removed, so that a slot emptied
 * since does not leave its old picture to be uploaded. Only plain names in
 * the folder itself, and unlink() removes a link, never what it points to. */
static void
remove_stale_files (GPtrArray  *files,
                    const char *folder)
{
  g_autoptr(GBytes) old = shenbao_file_read_inside (folder, "manifest.csv", SHENBAO_LIMIT_CSV_BYTES, NULL);
  g_autoptr(GPtrArray) rows = NULL;
  const char *data;
  gsize length;

  if (old == NULL)
    return;
  data = g_bytes_get_data (old, &length);
  rows = shenbao_csv_read (data, length, NULL);
  for (guint i = 1; rows != NULL && i < rows->len; i++)
    {
      const char *name = ((ShenbaoCsvRow *) g_ptr_array_index (rows, i))->fields[0];
      g_autofree char *path = NULL;
      gboolean kept = FALSE;

      if (name == NULL || *name == '\0' || strchr (name, '/') != NULL || g_str_equal (name, ".")
          || g_str_equal (name, ".."))
        continue;
      for (guint j = 0; j < files->len && !kept; j++)
        kept = g_str_equal (((PackageFile *) g_ptr_array_index (files, j))->name, name);
      path = g_build_filename (folder, name, NULL);
      if (!kept)
        g_unlink (path);
    }
}

static gboolean
check_target (const char  *target,
              gboolean     force,
              GError     **error)
{
  g_autofree char *display = g_filename_display_name (target);
  GStatBuf status;

  /* lstat: a link, dangling or not, is something that exists. */
  if (g_lstat (target, &status) != 0)
    return TRUE;
  if (!force)
    {
      g_set_error (error, SHENBAO_ERROR, SHENBAO_ERROR_EXISTS,
                   _("“%s” exists already: remove it or export with --force"), display);
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_folder (GPtrArray   *files,
              const char  *folder,
              gboolean     force,
              GError     **error)
{
  if (!check_target (folder, force, error) || !shenbao_file_make_folder (folder, error))
    return FALSE;
  remove_stale_files (files, folder);
  for (guint i = 0; i < files->len; i++)
    {
      const PackageFile *file = g_ptr_array_index (files, i);
      g_autofree char *path = g_build_filename (folder, file->name, NULL);

      if (!shenbao_file_replace (path, file->data, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
archive_failed (struct archive  *archive,
                const char      *path,
                GError         **error)
{
  g_set_error (error, SHENBAO_ERROR, SHENBAO_ERROR_IO, _("Could not write “%s”: %s"), path,
               archive_error_string (archive));
  return FALSE;
}

static la_ssize_t
append_to_buffer (struct archive *archive,
                  void           *buffer,
                  const void     *data,
                  size_t          size)
{
  g_byte_array_append (buffer, data, (guint) size);
  return (la_ssize_t) size;
}

/* The archive is made in memory (its files are there already) and written
 * as one file through shenbao_file_replace(). */
static gboolean
write_zip (GPtrArray   *files,
           const char  *name,
           const char  *zip_path,
           gboolean     force,
           GError     **error)
{
  g_autoptr(GByteArray) buffer = g_byte_array_new ();
  g_autoptr(GBytes) zip = NULL;
  struct archive *archive;
  gboolean ok = TRUE;

  if (!check_target (zip_path, force, error))
    return FALSE;
  archive = archive_write_new ();
  /* The UTF-8 flag (bit 11) makes Windows and macOS read the Chinese names
   * as UTF-8 instead of the code page of the day. */
  if (archive_write_set_format_zip (archive) != ARCHIVE_OK
      || archive_write_set_options (archive, "hdrcharset=UTF-8") != ARCHIVE_OK
      || archive_write_set_bytes_in_last_block (archive, 1) != ARCHIVE_OK
      || archive_write_open (archive, buffer, NULL, append_to_buffer, NULL) != ARCHIVE_OK)
    ok = archive_failed (archive, zip_path, error);
  for (guint i = 0; ok && i < files->len; i++)
    {
      const PackageFile *file = g_ptr_array_index (files, i);
      g_autofree char *entry_path = g_strconcat (name, "/", file->name, NULL);
      struct archive_entry *entry = archive_entry_new ();
      gsize size;
      const void *data = g_bytes_get_data (file->data, &size);

      archive_entry_set_pathname_utf8 (entry, entry_path);
      archive_entry_set_filetype (entry, AE_IFREG);
      archive_entry_set_perm (entry, 0644);
      archive_entry_set_size (entry, (la_int64_t) size);
      archive_entry_set_mtime (entry, (time_t) (g_get_real_time () / G_USEC_PER_SEC), 0);
      if (archive_write_header (archive, entry) != ARCHIVE_OK
          || archive_write_data (archive, data, size) != (la_ssize_t) size)
        ok = archive_failed (archive, zip_path, error);
      archive_entry_free (entry);
    }
  if (ok && archive_write_close (archive) != ARCHIVE_OK)
    ok = archive_failed (archive, zip_path, error);
  archive_write_free (archive);
  if (!ok)
    return FALSE;
  zip = g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
  return shenbao_file_replace (zip_path, zip, error);
}

gboolean
shenbao_export_write (ShenbaoApplication *application,
                      ShenbaoCatalogue   *catalogue,
                      const char         *out_dir,
                      ShenbaoExportFlags  flags,
                      gsize               max_bytes,
                      char              **path,
                      GPtrArray          *problems,
                      GError            **error)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func ((GDestroyNotify) package_file_free);
  g_autofree char *name = shenbao_export_get_name (application);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) csv = g_string_new ("file,slot,bytes,width,height,result,problems\r\n");
  Manifest manifest = { text, csv };
  GPtrArray *attachments = shenbao_application_get_attachments (application);
  g_autofree char *target = NULL;
  g_autoptr(GBytes) text_bytes = NULL;
  g_autoptr(GBytes) csv_bytes = NULL;
  gboolean ok;

  g_return_val_if_fail (SHENBAO_IS_APPLICATION (application), FALSE);
  g_return_val_if_fail (out_dir != NULL, FALSE);

  g_string_append_printf (text, _("Upload package of %s\n\n"), name);
  g_string_append_printf (text, "%s\t%s\t%s\t%s\n", _("File"), _("Upload slot"), _("Size"), _("Result"));
  for (guint i = 0; i < attachments->len; i++)
    export_attachment (g_ptr_array_index (attachments, i), catalogue, max_bytes, files, &manifest, problems);
  list_missing (application, catalogue, &manifest, problems);
  add_print_package (application, catalogue, files, &manifest, problems);

  text_bytes = g_bytes_new (text->str, text->len);
  csv_bytes = g_bytes_new (csv->str, csv->len);
  add_file (files, "清单.txt", text_bytes);
  add_file (files, "manifest.csv", csv_bytes);

  if (g_mkdir_with_parents (out_dir, 0755) != 0)
    return io_failed (error, out_dir, errno);
  if (flags & SHENBAO_EXPORT_ZIP)
    {
      g_autofree char *zip_name = g_strconcat (name, ".zip", NULL);

      target = g_build_filename (out_dir, zip_name, NULL);
      ok = write_zip (files, name, target, (flags & SHENBAO_EXPORT_FORCE) != 0, error);
    }
  else
    {
      target = g_build_filename (out_dir, name, NULL);
      ok = write_folder (files, target, (flags & SHENBAO_EXPORT_FORCE) != 0, error);
    }
  if (ok && path != NULL)
    *path = g_steal_pointer (&target);
  return ok;
}
