/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include <stdio.h>
#include <stdlib.h>

#include "test-slowdown.h"

/* Under ./test.sh (SHENBAO_REQUIRE_DISPLAY=1) a missing display is a failure;
 * run by hand without one, the GUI tests skip. */
static inline void
ui_test_init (int    *argc,
              char ***argv)
{
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      if (g_getenv ("SHENBAO_REQUIRE_DISPLAY") != NULL)
        {
          g_printerr ("no display: the GUI tests need Xvfb (run ./test.sh)\n");
          exit (1);
        }
      printf ("1..0 # SKIP no display\n");
      exit (0);
    }
  g_test_init (argc, argv, NULL);
  adw_init ();
}

static inline void
ui_test_iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Spins the main loop until the condition holds or a few seconds pass. */
#define ui_test_wait_until(condition)                                     \
  G_STMT_START {                                                         \
    gint64 deadline_ = g_get_monotonic_time ()                           \
                       + test_slowdown () * 5 * G_USEC_PER_SEC;          \
    while (!(condition) && g_get_monotonic_time () < deadline_)          \
      if (!g_main_context_iteration (NULL, FALSE))                       \
        g_usleep (1000);                                                 \
    g_assert_true (condition);                                           \
  } G_STMT_END

static inline GtkWidget *
ui_test_find (GtkWidget  *root,
              const char *buildable_id)
{
  const char *id = gtk_buildable_get_buildable_id (GTK_BUILDABLE (root));

  if (g_strcmp0 (id, buildable_id) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = ui_test_find (child, buildable_id);

      if (found != NULL)
        return found;
    }
  return NULL;
}
