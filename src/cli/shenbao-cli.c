/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shenbao-cli"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <stdio.h>

#include "shenbao.h"
#include "shenbao-cli.h"

typedef struct
{
  const char        *name;
  const char        *summary;
  ShenbaoCliCommand  run;
  /* What --help gives as an example, after "shenbao-cli "; and the exit
   * status in words where the common one says too little. */
  const char        *example;
  const char        *exit_status;
} CommandEntry;

static const CommandEntry commands[] = {
  { "check-id", N_("Validate an ID number and show its gender and birth date"), shenbao_cli_check_id,
    "check-id 11010519491231002X", NULL },
  { "validate", N_("Check an application file against every rule of the guide"), shenbao_cli_validate,
    "validate --complete zhangsan.xml",
    N_("Exit status: 0 when the application meets its condition and no rule is "
       "broken (warnings, such as an attachment not yet added, do not fail); 1 "
       "when it breaks a rule; 2 for a usage or file error.") },
  { "catalog", N_("List the occupations, related occupations and majors of the guide"), shenbao_cli_catalog,
    "catalog 互联网营销师", NULL },
  { "list", N_("List the stored applications"), shenbao_cli_list, "list", NULL },
  { "import", N_("Store an application file as a new application"), shenbao_cli_import,
    "import zhangsan/zhangsan.xml", NULL },
  { "export-app", N_("Write a stored application to an application file"), shenbao_cli_export_app,
    "export-app 3 backup/zhangsan.xml", NULL },
  { "status", N_("Show or move the review state of a stored application"), shenbao_cli_status,
    "status 3 审核中", NULL },
  { "check-photo", N_("Check a 1-inch photo against the portal's rules"), shenbao_cli_check_photo,
    "check-photo photo.jpg", NULL },
  { "fix-photo", N_("Write a 1-inch photo that passes, or say why it cannot"), shenbao_cli_fix_photo,
    "fix-photo phone.jpg photo.jpg", NULL },
  { "check-document", N_("Check the picture for another upload slot"), shenbao_cli_check_document,
    "check-document 身份证人像面 id-front.jpg", NULL },
  { "render", N_("Write the forms, the fill-in guide and the checklist as PDFs"), shenbao_cli_render,
    "render zhangsan.xml --out print", NULL },
  { "export", N_("Write the upload package: the pictures, the print package and a manifest"), shenbao_cli_export,
    "export zhangsan.xml --out upload --zip", NULL },
  { "batch", N_("Check and render many applications: a folder of files or a CSV"), shenbao_cli_batch,
    "batch class.csv --out class", NULL },
};

/* The command main() runs, for the help of its options. */
static const CommandEntry *running;

GOptionContext *
shenbao_cli_option_context (const char         *parameters,
                            const char         *summary,
                            const GOptionEntry *entries)
{
  GOptionContext *context = g_option_context_new (parameters);

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, summary);
  if (running != NULL)
    {
      /* The exit codes are a contract scripts rely on: every command's help
       * states them, with an example. */
      const char *exit_status = running->exit_status != NULL
                                  ? _(running->exit_status)
                                  : _("Exit status: 0 when everything passes (warnings do not "
                                      "fail); 1 when the input breaks a rule; 2 for a usage or "
                                      "file error.");
      g_autofree char *example = g_strdup_printf (_("Example: shenbao-cli %s"), running->example);
      g_autofree char *description = g_strconcat (exit_status, "\n\n", example, NULL);

      g_option_context_set_description (context, description);
    }
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  return context;
}

/* Parses the options and checks the count of the positional arguments left
 * (argv[0] is the command itself); prints the reason on failure. */
gboolean
shenbao_cli_parse (GOptionContext *context,
                   int            *argc,
                   char         ***argv,
                   int             min_args,
                   int             max_args)
{
  g_autoptr(GError) error = NULL;
  int positional;

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return FALSE;
    }
  positional = *argc - 1;
  if (positional < min_args || (max_args >= 0 && positional > max_args))
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

      g_printerr ("%s", help);
      return FALSE;
    }
  return TRUE;
}

int
shenbao_cli_fail (GError *error)
{
  g_printerr ("%s\n", error->message);
  return error->domain == SHENBAO_ERROR
         && (error->code == SHENBAO_ERROR_IO || error->code == SHENBAO_ERROR_NOT_FOUND
             || error->code == SHENBAO_ERROR_STORE)
           ? SHENBAO_CLI_EXIT_USAGE : SHENBAO_CLI_EXIT_RULE;
}

/* Control characters (a newline starts a forged line of "list"), the
 * Unicode line separators and the bidirectional controls (they reorder
 * what follows on a terminal) are shown as escapes, and so is a backslash,
 * so that every escape is one. */
char *
shenbao_cli_escape (const char *text)
{
  g_autoptr(GString) escaped = g_string_new (NULL);
  const char *p = text != NULL ? text : "";

  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append_printf (escaped, "\\x%02X", (guint) (guchar) *p);
          p++;
          continue;
        }
      if (c == '\\')
        g_string_append (escaped, "\\\\");
      else if (c == '\n')
        g_string_append (escaped, "\\n");
      else if (c == '\t')
        g_string_append (escaped, "\\t");
      else if (c == '\r')
        g_string_append (escaped, "\\r");
      else if (g_unichar_iscntrl (c) || c == 0x2028 || c == 0x2029 || c == 0x061C || c == 0x200E
               || c == 0x200F || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069))
        g_string_append_printf (escaped, c < 0x100 ? "\\x%02X" : "\\u%04X", c);
      else
        g_string_append_len (escaped, p, g_utf8_next_char (p) - p);
      p = g_utf8_next_char (p);
    }
  return g_string_free (g_steal_pointer (&escaped), FALSE);
}

/* Output that did not reach its reader (a full disk, a closed
 * pipe) is an I/O error, whatever the command found. */
static int
finish_output (int status)
{
  int saved_errno = fflush (stdout) != 0 ? errno : 0;

  /* The error flag stays set from a failed write before, with its errno
   * long gone. */
  if (saved_errno == 0 && !ferror (stdout))
    return status;
  g_printerr (_("Could not write the output: %s"),
              saved_errno != 0 ? g_strerror (saved_errno) : _("a write failed"));
  g_printerr ("\n");
  return SHENBAO_CLI_EXIT_USAGE;
}

static void
print_usage (FILE *stream)
{
  fprintf (stream, "%s\n  shenbao-cli %s\n\n%s\n", _("Usage:"), _("COMMAND [OPTION…] [ARGUMENT…]"),
           _("Commands:"));
  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (stream, "  %-16s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (stream, "\n%s\n", _("Run “shenbao-cli COMMAND --help” for the options of a command."));
  fprintf (stream, "%s\n", _("The stored applications are in $SHENBAO_DB, else in the user’s own "
                              "database; “shenbao-cli --db PATH COMMAND …” picks another one."));
}

int
main (int    argc,
      char **argv)
{
  shenbao_core_init ();

  /* "shenbao-cli --db PATH COMMAND …": the database of the store commands
   * for this run, as SHENBAO_DB gives it. */
  if (argc >= 3 && g_str_equal (argv[1], "--db"))
    {
      g_setenv ("SHENBAO_DB", argv[2], TRUE);
      argv[2] = argv[0];
      argv += 2;
      argc -= 2;
    }

  if (argc < 2)
    {
      print_usage (stderr);
      return SHENBAO_CLI_EXIT_USAGE;
    }
  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") || g_str_equal (argv[1], "help"))
    {
      print_usage (stdout);
      return SHENBAO_CLI_EXIT_OK;
    }
  if (g_str_equal (argv[1], "--version"))
    {
      printf ("shenbao-cli %s\n", PACKAGE_VERSION);
      return SHENBAO_CLI_EXIT_OK;
    }

  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      {
        running = &commands[i];
        return finish_output (commands[i].run (argc - 1, argv + 1));
      }

  fprintf (stderr, _("Unknown command “%s”."), argv[1]);
  fprintf (stderr, "\n\n");
  print_usage (stderr);
  return SHENBAO_CLI_EXIT_USAGE;
}
