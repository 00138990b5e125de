/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shenbao.h"

/* The applications of tests/fixtures and the data folder's catalogue. */

static inline ShenbaoApplication *
load_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
  g_autoptr(GError) error = NULL;
  ShenbaoApplication *application = shenbao_application_file_load (path, &error);

  g_assert_no_error (error);
  return application;
}

static inline ShenbaoCatalogue *
catalogue (void)
{
  g_autoptr(GError) error = NULL;
  ShenbaoCatalogue *result = shenbao_catalogue_get_default (&error);

  g_assert_no_error (error);
  return result;
}
