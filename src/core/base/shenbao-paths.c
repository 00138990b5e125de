/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shenbao-paths"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>

#include "shenbao-paths.h"

/* The build tree and the tests point these at the source tree and the build's
 * compiled catalogs; an installed binary finds its files under its prefix. */
const char *
shenbao_data_dir (void)
{
  const char *dir = g_getenv ("SHENBAO_DATA_DIR");

  return dir != NULL && *dir != '\0' ? dir : PKGDATADIR;
}

char *
shenbao_data_path (const char *name)
{
  return g_build_filename (shenbao_data_dir (), name, NULL);
}

const char *
shenbao_locale_dir (void)
{
  const char *dir = g_getenv ("SHENBAO_LOCALE_DIR");

  return dir != NULL && *dir != '\0' ? dir : LOCALEDIR;
}

/* $XDG_DATA_HOME/shenbao, which inside the Flatpak sandbox is the
 * application's own data folder. */
char *
shenbao_user_data_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "shenbao", NULL);
}

void
shenbao_core_init (void)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, shenbao_locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}
