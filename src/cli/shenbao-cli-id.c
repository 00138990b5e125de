/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shenbao-cli-id"

#include "config.h"

#include <glib/gi18n.h>

#include "shenbao.h"
#include "shenbao-cli.h"

int
shenbao_cli_check_id (int    argc,
                      char **argv)
{
  g_autoptr(GOptionContext) context =
    shenbao_cli_option_context (_("NUMBER"),
                                _("Validates an 18-character ID number (GB 11643-1999) "
                                  "and prints the gender and birth date it encodes."),
                                NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *birth = NULL;
  ShenbaoIdNumber id;
  GDate today;

  if (!shenbao_cli_parse (context, &argc, &argv, 1, 1))
    return SHENBAO_CLI_EXIT_USAGE;

  shenbao_date_set_today (&today);
  if (!shenbao_id_number_parse (argv[1], &today, &id, &error))
    {
      g_printerr ("%s\n", error->message);
      return SHENBAO_CLI_EXIT_RULE;
    }

  birth = shenbao_date_format (&id.birth_date);
  g_print ("%s\n", id.number);
  g_print ("%s: %s\n", _("Kind"), shenbao_id_kind_to_string (id.kind));
  g_print ("%s: %s\n", _("Gender"), shenbao_gender_to_string (id.gender));
  g_print ("%s: %s\n", _("Birth date"), birth);
  return SHENBAO_CLI_EXIT_OK;
}
