/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shenbao"

#include "config.h"

#include "shenbao.h"
#include "shenbao-app.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(ShenbaoApp) app = NULL;

  shenbao_core_init ();
  app = shenbao_app_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
