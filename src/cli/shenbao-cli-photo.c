/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shenbao-cli-photo"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "shenbao.h"
#include "shenbao-cli.h"

/* A file that cannot be read is a usage or I/O error, except one too large
 * to be an upload, which breaks a rule. */
static int
fail_reading (GError *error)
{
  g_printerr ("%s\n", error->message);
  return g_error_matches (error, SHENBAO_ERROR, SHENBAO_ERROR_TOO_LARGE) ? SHENBAO_CLI_EXIT_RULE
                                                                        : SHENBAO_CLI_EXIT_USAGE;
}

/* One line per finding; the code at the end is for scripts. */
static int
print_findings (GPtrArray  *findings,
                const char *passes,
                const char *fails)
{
  gboolean failed = shenbao_findings_worst (findings) == SHENBAO_SEVERITY_ERROR;

  for (guint i = 0; i < findings->len; i++)
    {
      const ShenbaoFinding *finding = g_ptr_array_index (findings, i);

      g_autofree char *text = NULL;

      if (finding->suggestion != NULL)
        /* Translators: a finding's message and its suggestion, on one line. */
        text = g_strdup_printf (_("%s %s"), finding->message, finding->suggestion);
      g_print ("%s: %s [%s]\n", shenbao_severity_to_string (finding->severity),
               text != NULL ? text : finding->message, finding->code);
    }
  g_print ("%s\n", failed ? fails : passes);
  return failed ? SHENBAO_CLI_EXIT_RULE : SHENBAO_CLI_EXIT_OK;
}

int
shenbao_cli_check_photo (int    argc,
                         char **argv)
{
  g_autoptr(GOptionContext) context =
    shenbao_cli_option_context (_("FILE"),
                                _("Runs the checks of the 1-inch photo: a real JPEG of "
                                  "40 960 to 80 000 bytes, upright 5:7, 295 × 413 pixels "
                                  "recommended, on a light, even white background."),
                                NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) data = NULL;
  g_autoptr(GPtrArray) findings = NULL;

  if (!shenbao_cli_parse (context, &argc, &argv, 1, 1))
    return SHENBAO_CLI_EXIT_USAGE;

  data = shenbao_image_read_file (argv[1], &error);
  if (data == NULL)
    return fail_reading (error);
  findings = shenbao_photo_check (data);
  return print_findings (findings, _("The photo passes the checks."),
                         _("The photo does not pass the checks."));
}

static gboolean
parse_crop (const char       *text,
            ShenbaoPhotoCrop *crop)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);
  gint64 values[4];

  if (g_strv_length (parts) != 4)
    return FALSE;
  for (int i = 0; i < 4; i++)
    if (!g_ascii_string_to_signed (g_strstrip (parts[i]), 10, 0, G_MAXINT, &values[i], NULL))
      return FALSE;
  *crop = (ShenbaoPhotoCrop) { (int) values[0], (int) values[1], (int) values[2],
                               (int) values[3] };
  return TRUE;
}

/* The same file under another name counts too: IN is never overwritten. */
static gboolean
same_file (const char *first,
           const char *second)
{
  GStatBuf a;
  GStatBuf b;

  return g_stat (first, &a) == 0 && g_stat (second, &b) == 0 && a.st_dev == b.st_dev
         && a.st_ino == b.st_ino;
}

static void
print_fix_report (const char                  *path,
                  const ShenbaoPhotoFixReport *report)
{
  g_autofree char *display = g_filename_display_name (path);

  g_print (_("Wrote %s: %d × %d pixels, %lu bytes, JPEG quality %d."), display,
           report->width, report->height, (gulong) report->size, report->quality);
  g_print ("\n");
  if (report->full_chroma)
    g_print ("%s\n", _("The photo is plain, so it is encoded without colour subsampling (4:4:4) "
                       "to reach 40 960 bytes."));
  if (report->width != SHENBAO_PHOTO_WIDTH)
    {
      g_print (_("At %d × %d pixels the photo stays under 40 960 bytes, so it is written "
                 "larger, still 5:7."),
               SHENBAO_PHOTO_WIDTH, SHENBAO_PHOTO_HEIGHT);
      g_print ("\n");
    }
}

int
shenbao_cli_fix_photo (int    argc,
                       char **argv)
{
  gboolean force = FALSE;
  g_autofree char *crop_text = NULL;
  const GOptionEntry entries[] = {
    { "force", 'f', G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, &force,
      N_("Replace OUT if it exists"), NULL },
    { "crop", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &crop_text,
      N_("Use this part of the upright photo, trimmed to 5:7 around its centre "
         "(default: 5:7 around the face, the head centred and at a 1-inch photo's "
         "proportion; the largest centred 5:7 part when no face is found)"),
      N_("X,Y,WIDTH,HEIGHT") },
    { NULL },
  };
  g_autoptr(GOptionContext) context =
    shenbao_cli_option_context (_("IN OUT"),
                                _("Writes to OUT a 1-inch photo made from IN that passes the "
                                  "checks: turned upright, cropped to 5:7, scaled to 295 × 413 "
                                  "pixels, a clean baseline JPEG of 40 960 to 80 000 bytes. "
                                  "Says why when the photo cannot be fixed. IN is never "
                                  "changed."),
                                entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) data = NULL;
  g_autoptr(GBytes) photo = NULL;
  ShenbaoPhotoFixReport report;
  ShenbaoPhotoCrop crop;

  if (!shenbao_cli_parse (context, &argc, &argv, 2, 2))
    return SHENBAO_CLI_EXIT_USAGE;
  if (crop_text != NULL && !parse_crop (crop_text, &crop))
    {
      g_printerr (_("“%s” is not a crop rectangle: give X,Y,WIDTH,HEIGHT in pixels."),
                  crop_text);
      g_printerr ("\n");
      return SHENBAO_CLI_EXIT_USAGE;
    }
  if (same_file (argv[1], argv[2]))
    {
      g_printerr ("%s\n", _("OUT is the same file as IN; the original photo is never "
                            "overwritten. Choose another name for OUT."));
      return SHENBAO_CLI_EXIT_USAGE;
    }
  if (!force && g_file_test (argv[2], G_FILE_TEST_EXISTS))
    {
      g_autofree char *display = g_filename_display_name (argv[2]);

      g_printerr (_("“%s” exists; add --force to replace it."), display);
      g_printerr ("\n");
      return SHENBAO_CLI_EXIT_USAGE;
    }

  data = shenbao_image_read_file (argv[1], &error);
  if (data == NULL)
    return fail_reading (error);
  photo = shenbao_photo_fix (data, crop_text != NULL ? &crop : NULL, &report, &error);
  if (photo == NULL)
    return shenbao_cli_fail (error);
  if (!shenbao_file_replace (argv[2], photo, &error))
    {
      g_printerr ("%s\n", error->message);
      return SHENBAO_CLI_EXIT_USAGE;
    }
  print_fix_report (argv[2], &report);
  return SHENBAO_CLI_EXIT_OK;
}

static void
print_document_slots (ShenbaoCatalogue *catalogue)
{
  GPtrArray *slots = shenbao_catalogue_get_slots (catalogue);
  ShenbaoDocumentKind kind;

  g_printerr ("%s\n", _("The slots are:"));
  for (guint i = 0; i < slots->len; i++)
    {
      const ShenbaoSlot *slot = g_ptr_array_index (slots, i);

      if (shenbao_document_kind_for_slot (slot, &kind))
        g_printerr ("  %-22s %s\n", slot->id, slot->name);
    }
}

int
shenbao_cli_check_document (int    argc,
                            char **argv)
{
  g_autoptr(GOptionContext) context =
    shenbao_cli_option_context (_("SLOT FILE"),
                                _("Runs the checks of an upload slot other than the 1-inch "
                                  "photo (by its id or its name, such as id-front or 身份证人像面): "
                                  "a readable JPEG or PNG, big enough to read, the right way "
                                  "round, not blurred."),
                                NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) data = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  ShenbaoCatalogue *catalogue;
  const ShenbaoSlot *slot;
  ShenbaoDocumentKind kind;

  if (!shenbao_cli_parse (context, &argc, &argv, 2, 2))
    return SHENBAO_CLI_EXIT_USAGE;
  catalogue = shenbao_catalogue_get_default (&error);
  if (catalogue == NULL)
    return shenbao_cli_fail (error);
  slot = shenbao_catalogue_find_slot (catalogue, argv[1]);
  if (slot != NULL && slot->kind == SHENBAO_SLOT_KIND_PHOTO)
    {
      g_printerr ("%s\n", _("The 1-inch photo has its own checks: use check-photo."));
      return SHENBAO_CLI_EXIT_USAGE;
    }
  if (slot == NULL || !shenbao_document_kind_for_slot (slot, &kind))
    {
      g_printerr (_("Unknown slot “%s”."), argv[1]);
      g_printerr ("\n");
      print_document_slots (catalogue);
      return SHENBAO_CLI_EXIT_USAGE;
    }

  data = shenbao_image_read_file (argv[2], &error);
  if (data == NULL)
    return fail_reading (error);
  findings = shenbao_document_check (data, kind);
  return print_findings (findings, _("The picture passes the checks."),
                         _("The picture does not pass the checks."));
}
