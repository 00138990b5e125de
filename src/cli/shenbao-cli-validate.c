/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shenbao-cli-validate"

#include "config.h"

#include <glib/gi18n.h>

#include "shenbao.h"
#include "shenbao-cli.h"

void
shenbao_cli_print_findings (GPtrArray *findings)
{
  for (guint i = 0; i < findings->len; i++)
    {
      const ShenbaoFinding *finding = g_ptr_array_index (findings, i);
      g_autofree char *field = shenbao_cli_escape (finding->field);
      g_autofree char *message = shenbao_cli_escape (finding->message);
      g_autofree char *suggestion = shenbao_cli_escape (finding->suggestion);

      g_print ("%s [%s] %s\n", shenbao_severity_to_string (finding->severity), field, message);
      if (finding->suggestion != NULL)
        g_print ("    %s\n", suggestion);
    }
}

static void
print_verdict (ShenbaoApplication   *application,
               ShenbaoCatalogue     *catalogue,
               const ShenbaoVerdict *verdict)
{
  g_autofree char *summary = shenbao_verdict_get_summary (verdict);
  g_auto(GStrv) details = shenbao_verdict_get_details (verdict);

  g_autofree char *name = shenbao_cli_escape (shenbao_application_get (application, SHENBAO_FIELD_PERSON_NAME));
  g_autofree char *occupation =
    shenbao_cli_escape (shenbao_application_get (application, SHENBAO_FIELD_OCCUPATION));
  g_autofree char *condition =
    shenbao_cli_escape (shenbao_application_get (application, SHENBAO_FIELD_CONDITION));

  g_print (_("Application: %s, %s, condition %s\n"), name, occupation, condition);
  if (shenbao_verdict_passes (verdict))
    g_print (_("Verdict: %s (%s)\n"), summary,
             shenbao_catalogue_get_condition_text (catalogue, verdict->condition));
  else
    g_print (_("Verdict: %s\n"), summary);
  for (guint i = 0; details[i] != NULL; i++)
    g_print ("%s\n", details[i]);
}

int
shenbao_cli_validate (int    argc,
                      char **argv)
{
  gboolean complete = FALSE;
  const GOptionEntry entries[] = {
    { "complete", 0, 0, G_OPTION_ARG_NONE, &complete,
      N_("Final check: every required attachment must be there"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    shenbao_cli_option_context (_("APP.xml"),
                                _("Checks an application file against every rule of the guide and "
                                  "prints the verdict, the months of work counted and each finding."),
                                entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(ShenbaoApplication) application = NULL;
  g_autoptr(ShenbaoVerdict) verdict = NULL;
  ShenbaoCatalogue *catalogue;
  GDate today;

  if (!shenbao_cli_parse (context, &argc, &argv, 1, 1))
    return SHENBAO_CLI_EXIT_USAGE;

  catalogue = shenbao_catalogue_get_default (&error);
  if (catalogue == NULL)
    return shenbao_cli_fail (error);
  application = shenbao_application_file_load (argv[1], &error);
  if (application == NULL)
    {
      g_printerr ("%s\n", error->message);
      return SHENBAO_CLI_EXIT_USAGE;
    }

  shenbao_date_set_today (&today);
  verdict = shenbao_rules_check (application, catalogue,
                                 complete ? SHENBAO_RULES_COMPLETE : SHENBAO_RULES_DEFAULT, &today);
  print_verdict (application, catalogue, verdict);
  shenbao_cli_print_findings (verdict->findings);
  return shenbao_verdict_passes (verdict) ? SHENBAO_CLI_EXIT_OK : SHENBAO_CLI_EXIT_RULE;
}
