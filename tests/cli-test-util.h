/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

/* Runs shenbao-cli (the path comes from the test environment) with the given
 * arguments in the zh_CN locale, returning its exit status and output. */
typedef struct
{
  int   status;
  char *out;
  char *err;
} CliRun;

static inline void
cli_run_clear (CliRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CliRun, cli_run_clear)

static inline void
cli_run_in_locale (CliRun             *run,
                   const char         *lang,
                   const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  g_ptr_array_add (argv, (gpointer) g_getenv ("SHENBAO_CLI"));
  for (const char * const *arg = args; *arg != NULL; arg++)
    g_ptr_array_add (argv, (gpointer) *arg);
  g_ptr_array_add (argv, NULL);

  envp = g_environ_setenv (envp, "LANG", lang, TRUE);
  envp = g_environ_setenv (envp, "LANGUAGE", lang, TRUE);
  envp = g_environ_setenv (envp, "LC_ALL", lang, TRUE);

  g_assert_nonnull (g_getenv ("SHENBAO_CLI"));
  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
}

#define CLI_RUN(run, ...) \
  cli_run_in_locale ((run), "zh_CN.UTF-8", (const char * const[]) { __VA_ARGS__, NULL })
#define CLI_RUN_C(run, ...) \
  cli_run_in_locale ((run), "C.UTF-8", (const char * const[]) { __VA_ARGS__, NULL })
