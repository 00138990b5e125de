/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shenbao-cli-render"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>

#include "shenbao.h"
#include "shenbao-cli.h"

/* A failure of the machine or its set-up (a font, a folder) is exit 2, like
 * I/O; an application that cannot be printed as it is (no condition) is 1. */
static int
render_failed (GError *error)
{
  g_printerr ("%s\n", error->message);
  return g_error_matches (error, SHENBAO_ERROR, SHENBAO_ERROR_INVALID_INPUT) ? SHENBAO_CLI_EXIT_RULE
                                                                              : SHENBAO_CLI_EXIT_USAGE;
}

static void
print_warnings (GPtrArray *warnings)
{
  for (guint i = 0; i < warnings->len; i++)
    g_printerr (_("Warning: %s\n"), (const char *) g_ptr_array_index (warnings, i));
}

static int
render_one (ShenbaoApplication *application,
            ShenbaoCatalogue   *catalogue,
            const char         *name,
            const char         *folder,
            GPtrArray          *warnings)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *file_name = NULL;
  g_autofree char *path = NULL;
  ShenbaoDocument document;

  if (!shenbao_document_from_name (name, &document))
    {
      g_printerr (_("Unknown document “%s”: see --help for the names.\n"), name);
      return SHENBAO_CLI_EXIT_USAGE;
    }
  if (g_mkdir_with_parents (folder, 0755) != 0)
    {
      int saved_errno = errno;

      g_printerr (_("Could not create the folder “%s”: %s\n"), folder, g_strerror (saved_errno));
      return SHENBAO_CLI_EXIT_USAGE;
    }
  file_name = shenbao_document_get_file_name (document);
  path = g_build_filename (folder, file_name, NULL);
  if (!shenbao_document_render_to_file (document, application, catalogue, path, warnings, &error))
    return render_failed (error);
  g_print ("%s\n", path);
  return SHENBAO_CLI_EXIT_OK;
}

static int
render_all (ShenbaoApplication *application,
            ShenbaoCatalogue   *catalogue,
            const char         *folder,
            GPtrArray          *warnings)
{
  g_autoptr(GError) error = NULL;

  if (!shenbao_documents_render_all (application, catalogue, folder, warnings, &error))
    return render_failed (error);
  for (int i = 0; i < SHENBAO_N_DOCUMENTS; i++)
    if (shenbao_document_applies (i, application))
      {
        g_autofree char *file_name = shenbao_document_get_file_name (i);
        g_autofree char *path = g_build_filename (folder, file_name, NULL);

        g_print ("%s\n", path);
      }
  return SHENBAO_CLI_EXIT_OK;
}

int
shenbao_cli_render (int    argc,
                    char **argv)
{
  g_autofree char *folder = NULL;
  g_autofree char *document = NULL;
  const GOptionEntry entries[] = {
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &folder, N_("The folder to write the PDFs into"), N_("DIR") },
    { "document", 'd', 0, G_OPTION_ARG_STRING, &document,
      N_("Render this document alone: print-package, application-form, work-commitment, "
         "education-commitment, fill-guide or checklist"), N_("NAME") },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    shenbao_cli_option_context (_("APP.xml --out DIR"),
                                _("Writes the PDFs to print: print-package.pdf (everything, in print order), "
                                  "application-form.pdf, the condition’s commitment letter "
                                  "(work-commitment.pdf or education-commitment.pdf), fill-guide.pdf and "
                                  "checklist.pdf. The forms are blank, to be written by hand; the fill-in "
                                  "guide shows what to write. A character no installed font has is marked "
                                  "in the PDF and named in a warning."),
                                entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(ShenbaoApplication) application = NULL;
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  ShenbaoCatalogue *catalogue;
  int status;

  if (!shenbao_cli_parse (context, &argc, &argv, 1, 1))
    return SHENBAO_CLI_EXIT_USAGE;
  if (folder == NULL)
    {
      g_printerr ("%s\n", _("Say where to write the PDFs with --out DIR."));
      return SHENBAO_CLI_EXIT_USAGE;
    }

  catalogue = shenbao_catalogue_get_default (&error);
  if (catalogue == NULL)
    return shenbao_cli_fail (error);
  application = shenbao_application_file_load (argv[1], &error);
  if (application == NULL)
    {
      g_printerr ("%s\n", error->message);
      return SHENBAO_CLI_EXIT_USAGE;
    }

  if (document != NULL)
    status = render_one (application, catalogue, document, folder, warnings);
  else
    status = render_all (application, catalogue, folder, warnings);
  print_warnings (warnings);
  return status;
}
