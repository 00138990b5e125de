/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shenbao-cli-catalog"

#include "config.h"

#include <glib/gi18n.h>

#include "shenbao.h"
#include "shenbao-cli.h"

static void
print_list (const char         *heading,
            const char * const *names,
            const char         *tail)
{
  g_autofree char *joined = g_strjoinv ("、", (char **) names);

  g_print ("%s (%u)\n  %s%s\n", heading, g_strv_length ((char **) names), joined, tail != NULL ? tail : "");
}

static int
print_occupation (ShenbaoCatalogue *catalogue,
                  const char       *occupation)
{
  const char * const *school_types = shenbao_catalogue_get_list (catalogue, SHENBAO_LIST_SCHOOL_TYPES);

  if (!shenbao_catalogue_has_occupation (catalogue, occupation))
    {
      g_auto(GStrv) suggestions = shenbao_names_suggest (shenbao_catalogue_get_occupations (catalogue),
                                                         occupation, 3);
      g_autofree char *joined = g_strjoinv ("、", suggestions);

      g_printerr (_("“%s” is not an occupation of the guide."), occupation);
      if (suggestions[0] != NULL)
        g_printerr (" %s", joined);
      g_printerr ("\n");
      return SHENBAO_CLI_EXIT_RULE;
    }

  g_print ("%s\n", occupation);
  print_list (_("Related occupations"), shenbao_catalogue_get_related_occupations (catalogue, occupation),
              shenbao_catalogue_get_related_occupations_tail (catalogue, occupation));
  if (!shenbao_catalogue_majors_by_school_type (catalogue, occupation))
    {
      print_list (_("Related majors (every school type)"),
                  shenbao_catalogue_get_majors (catalogue, occupation, NULL), NULL);
      return SHENBAO_CLI_EXIT_OK;
    }
  for (guint i = 0; school_types[i] != NULL; i++)
    {
      g_autofree char *heading = g_strdup_printf (_("Related majors (%s)"), school_types[i]);

      print_list (heading, shenbao_catalogue_get_majors (catalogue, occupation, school_types[i]), NULL);
    }
  return SHENBAO_CLI_EXIT_OK;
}

int
shenbao_cli_catalog (int    argc,
                     char **argv)
{
  g_autoptr(GOptionContext) context =
    shenbao_cli_option_context (_("[OCCUPATION]"),
                                _("Prints the occupations of the guide, or one occupation’s related "
                                  "occupations and majors per school type."),
                                NULL);
  g_autoptr(GError) error = NULL;
  ShenbaoCatalogue *catalogue;
  const char * const *occupations;

  if (!shenbao_cli_parse (context, &argc, &argv, 0, 1))
    return SHENBAO_CLI_EXIT_USAGE;
  catalogue = shenbao_catalogue_get_default (&error);
  if (catalogue == NULL)
    return shenbao_cli_fail (error);

  if (argc == 2)
    return print_occupation (catalogue, argv[1]);

  occupations = shenbao_catalogue_get_occupations (catalogue);
  for (guint i = 0; occupations[i] != NULL; i++)
    g_print ("%s\n", occupations[i]);
  return SHENBAO_CLI_EXIT_OK;
}
