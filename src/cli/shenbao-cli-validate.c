/* SPDX-License-Identifier: GPL-3.0-or-later */
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

      g_print ("%s [%s] %s\n", shenbao_severity_to_string (finding->severity),
               finding->field != NULL ? finding->field : "", finding->message);
      if (finding->suggestion != NULL)
        g_print ("    %s\n", finding->suggestion);
    }
}

static void
print_months (const char *label,
              int         months)
{
  g_print (_("%s: %d years %d months (%d months)\n"), label, months / 12, months % 12, months);
}

static void
print_verdict (ShenbaoApplication   *application,
               ShenbaoCatalogue     *catalogue,
               const ShenbaoVerdict *verdict)
{
  g_autoptr(GString) also = g_string_new (NULL);

  g_print (_("Application: %s, %s, condition %s\n"),
           shenbao_application_get (application, SHENBAO_FIELD_PERSON_NAME),
           shenbao_application_get (application, SHENBAO_FIELD_OCCUPATION),
           shenbao_application_get (application, SHENBAO_FIELD_CONDITION));

  if (verdict->condition == 0)
    g_print ("%s\n", _("Verdict: no condition chosen"));
  else if (shenbao_verdict_passes (verdict))
    g_print (_("Verdict: meets condition %d (%s)\n"), verdict->condition,
             shenbao_catalogue_get_condition_text (catalogue, verdict->condition));
  else if (verdict->met[verdict->condition])
    g_print (_("Verdict: condition %d is met, but the application has errors to fix\n"), verdict->condition);
  else
    g_print (_("Verdict: does not meet condition %d\n"), verdict->condition);

  if (verdict->condition == 1 || verdict->condition == 2)
    print_months (_("Months of work counted"), verdict->months_of_work);
  if (verdict->condition == 2)
    print_months (_("Months of work after the certificate"), verdict->months_after_certificate);
  if (verdict->months_needed > 0)
    print_months (_("Months needed"), verdict->months_needed);

  for (int condition = 1; condition <= 3; condition++)
    if (condition != verdict->condition && verdict->met[condition])
      g_string_append_printf (also, also->len > 0 ? ", %d" : "%d", condition);
  if (also->len > 0)
    g_print (_("Also meets condition: %s\n"), also->str);
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
