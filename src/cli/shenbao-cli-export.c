/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shenbao-cli-export"

#include "config.h"

#include <glib/gi18n.h>

#include "shenbao.h"
#include "shenbao-cli.h"

/* An application file, or with --id a stored application (the database of
 * $SHENBAO_DB or “shenbao-cli --db PATH”). */
static ShenbaoApplication *
load_application (const char  *file,
                  gint64       id,
                  GError     **error)
{
  g_autoptr(ShenbaoStore) store = NULL;

  if (file != NULL)
    return shenbao_application_file_load (file, error);
  store = shenbao_store_new (NULL, error);
  if (store == NULL)
    return NULL;
  return shenbao_store_load (store, id, error);
}

int
shenbao_cli_export (int    argc,
                    char **argv)
{
  g_autofree char *folder = NULL;
  gboolean zip = FALSE;
  gboolean force = FALSE;
  gint64 id = 0;
  gint64 max_size = SHENBAO_DOCUMENT_DEFAULT_MAX_BYTES;
  const GOptionEntry entries[] = {
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &folder, N_("The folder to write the package into"), N_("DIR") },
    { "zip", 0, 0, G_OPTION_ARG_NONE, &zip, N_("Write one zip archive instead of a folder"), NULL },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force, N_("Replace the package when it exists"), NULL },
    { "id", 0, 0, G_OPTION_ARG_INT64, &id, N_("Export this stored application instead of a file"), N_("ID") },
    { "max-size", 0, 0, G_OPTION_ARG_INT64, &max_size,
      N_("The largest image file but the photo, in bytes (default 2000000)"), N_("BYTES") },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    shenbao_cli_option_context (_("APP.xml --out DIR"),
                                _("Writes the upload package: a folder named after the candidate and the "
                                  "occupation, with one clean JPEG per upload slot named after the slot, "
                                  "print-package.pdf and a manifest (清单.txt, manifest.csv). What is "
                                  "missing or fails a check is listed, and the exit status is 1."),
                                entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(ShenbaoApplication) application = NULL;
  g_autoptr(GPtrArray) problems = shenbao_findings_new ();
  g_autofree char *path = NULL;
  ShenbaoCatalogue *catalogue;
  ShenbaoExportFlags flags = SHENBAO_EXPORT_DEFAULT;

  if (!shenbao_cli_parse (context, &argc, &argv, 0, 1))
    return SHENBAO_CLI_EXIT_USAGE;
  if ((id > 0) == (argc == 2))
    {
      g_printerr ("%s\n", _("Name either an application file or a stored application with --id ID."));
      return SHENBAO_CLI_EXIT_USAGE;
    }
  if (folder == NULL || max_size <= 0)
    {
      g_printerr ("%s\n", folder == NULL ? _("Say where to write the package with --out DIR.")
                                         : _("--max-size takes a number of bytes above 0."));
      return SHENBAO_CLI_EXIT_USAGE;
    }
  if (zip)
    flags |= SHENBAO_EXPORT_ZIP;
  if (force)
    flags |= SHENBAO_EXPORT_FORCE;

  catalogue = shenbao_catalogue_get_default (&error);
  if (catalogue == NULL)
    return shenbao_cli_fail (error);
  application = load_application (id > 0 ? NULL : argv[1], id, &error);
  if (application == NULL)
    {
      g_printerr ("%s\n", error->message);
      return SHENBAO_CLI_EXIT_USAGE;
    }
  if (!shenbao_export_write (application, catalogue, folder, flags, (gsize) max_size, &path, problems, &error))
    {
      /* An existing package is the user's to keep: refusing it is usage. */
      g_printerr ("%s\n", error->message);
      return SHENBAO_CLI_EXIT_USAGE;
    }
  g_print ("%s\n", path);
  shenbao_cli_print_findings (problems);
  return problems->len > 0 ? SHENBAO_CLI_EXIT_RULE : SHENBAO_CLI_EXIT_OK;
}
