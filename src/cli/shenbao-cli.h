/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The exit codes scripts test: 0 everything passes, 1 the input breaks a
 * rule, 2 usage or I/O. */
typedef enum
{
  SHENBAO_CLI_EXIT_OK = 0,
  SHENBAO_CLI_EXIT_RULE = 1,
  SHENBAO_CLI_EXIT_USAGE = 2,
} ShenbaoCliExit;

typedef int (*ShenbaoCliCommand) (int argc, char **argv);

GOptionContext *shenbao_cli_option_context (const char         *parameters,
                                            const char         *summary,
                                            const GOptionEntry *entries);
gboolean        shenbao_cli_parse          (GOptionContext     *context,
                                            int                *argc,
                                            char             ***argv,
                                            int                 min_args,
                                            int                 max_args);
int             shenbao_cli_fail           (GError             *error);

void            shenbao_cli_print_findings (GPtrArray          *findings);
/* text with every character that could forge or reorder a line of output
 * (a newline, a tab, a control, a bidirectional override) as an escape:
 * for data shown in a table. */
char           *shenbao_cli_escape         (const char         *text);

int shenbao_cli_batch          (int argc, char **argv);
int shenbao_cli_catalog        (int argc, char **argv);
int shenbao_cli_check_document (int argc, char **argv);
int shenbao_cli_check_id       (int argc, char **argv);
int shenbao_cli_check_photo    (int argc, char **argv);
int shenbao_cli_export         (int argc, char **argv);
int shenbao_cli_export_app     (int argc, char **argv);
int shenbao_cli_fix_photo      (int argc, char **argv);
int shenbao_cli_import         (int argc, char **argv);
int shenbao_cli_list           (int argc, char **argv);
int shenbao_cli_render         (int argc, char **argv);
int shenbao_cli_status         (int argc, char **argv);
int shenbao_cli_validate       (int argc, char **argv);

G_END_DECLS
